"""Rocchio preference vector and learned genre affinity."""
from __future__ import annotations

import numpy as np

from catalog.catalog import Catalog
from catalog.item import Item
from chat.state import DialogueState
from recommender.feedback import genre_affinity, genre_counts, preference_vector, vectors_by_id


class Vectors:
    def __init__(self, table):
        self.table = {k: np.asarray(v, np.float32) for k, v in table.items()}

    def vectors(self, ids):
        missing = [i for i in ids if i not in self.table]
        if missing:
            raise KeyError(missing)
        return np.stack([self.table[i] for i in ids])


IDX = Vectors({"1": [1, 0, 0], "2": [0, 1, 0], "3": [0, 0, 1], "4": [0.7, 0.7, 0]})
CAT = Catalog("t", [Item(id="1", title="A", genres=("comedy", "animation")),
                    Item(id="2", title="B", genres=("horror",)),
                    Item(id="3", title="C", genres=("comedy", "romance"))])


def test_no_feedback_no_vector():
    assert preference_vector(DialogueState(), IDX) is None
    assert genre_affinity(DialogueState(), CAT) == {}


def test_rocchio_points_to_likes_and_away_from_dislikes():
    v = preference_vector(DialogueState(liked_ids=["1"], disliked_ids=["2"]), IDX)
    assert np.isclose(np.linalg.norm(v), 1.0)
    assert v @ IDX.table["1"] > 0 > v @ IDX.table["2"]
    only_dislike = preference_vector(DialogueState(disliked_ids=["2"]), IDX)
    assert only_dislike @ IDX.table["2"] < 0


def test_history_counts_less_than_a_like():
    v = preference_vector(DialogueState(liked_ids=["1"], history_ids=["3"]), IDX)
    assert v @ IDX.table["1"] > v @ IDX.table["3"] > 0


def test_unknown_ids_are_skipped():
    assert set(vectors_by_id(IDX, ["1", "zz", "3"])) == {"1", "3"}
    assert preference_vector(DialogueState(liked_ids=["zz"]), IDX) is None


def test_genre_affinity_is_the_learned_taste():
    aff = genre_affinity(DialogueState(liked_ids=["1", "3"], disliked_ids=["2"]), CAT)
    # comedy +2, animation +1, romance +1, horror -1; divided by the largest (2)
    assert aff == {"comedy": 1.0, "animation": 0.5, "romance": 0.5, "horror": -0.5}
    assert list(aff)[0] == "comedy" and list(aff)[-1] == "horror"


def test_genre_counts_say_what_the_user_did_per_genre():
    state = DialogueState(liked_ids=["1", "3", "1"], disliked_ids=["2"], history_ids=["3"])
    counts = {t.genre: (t.liked, t.disliked, t.seen) for t in genre_counts(state, CAT)}
    # 1: comedy + animation, 2: horror, 3: comedy + romance; a repeated like counts once
    assert counts == {"comedy": (2, 0, 1), "animation": (1, 0, 0), "romance": (1, 0, 1), "horror": (0, 1, 0)}
    assert genre_counts(state, CAT)[0].genre == "comedy", "the genre with most feedback first"
    assert genre_counts(DialogueState(), CAT) == []


def test_genre_affinity_keeps_genres_whose_feedback_cancels_out():
    aff = genre_affinity(DialogueState(liked_ids=["1"], disliked_ids=["1"]), CAT)
    assert aff and set(aff.values()) == {0.0}
