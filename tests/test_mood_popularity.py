"""In a cold start with a tone said ("something lighter", "来点轻松的"), the mood picks the kind of film and,
among films of that kind, the ones people liked come before those whose descriptions only read a little
closer to the words: "something lighter, 90s" had shown Down Periscope (IMDb 5.2) and three unrated films,
"date night" Hotel de Love before Sleepless in Seattle. Scored with the fast scorer directly."""
from __future__ import annotations

import numpy as np
import pytest

from catalog.item import Item
from chat.instruction import Instruction, Intention
from chat.state import DialogueState
from recommender.score import FastScorer
from recommender.types import Candidate


class Vectors:
    def vectors(self, ids):
        return {i: np.ones(4, np.float32) / 2 for i in ids}


def _order(weights, intention, state=None):
    hit = Item(id="hit", title="Big Comedy", year=1993, genres=("comedy",), rating=7.8, votes=60000)
    small = Item(id="small", title="Small Comedy", year=1994, genres=("comedy",), rating=6.0, votes=400)
    war = Item(id="war", title="War Film", year=1990, genres=("war", "drama"), rating=8.0, votes=50000)
    # the little-watched comedy's description reads closer to the words; the hit is far better liked
    cands = [Candidate(item=small, signals={"semantic": 0.60, "reference": 0.0, "collab": 0.0, "popularity": 0.1}),
             Candidate(item=hit, signals={"semantic": 0.40, "reference": 0.0, "collab": 0.0, "popularity": 0.9}),
             Candidate(item=war, signals={"semantic": 0.50, "reference": 0.0, "collab": 0.0, "popularity": 0.8})]
    out = FastScorer(weights).score(Instruction(action="new", intention=intention), state or DialogueState(), cands,
                                    index=Vectors())
    return [c.item.id for c in sorted(out, key=lambda c: -c.score)]


LIGHTER = Intention(kind="vague", text="something lighter", genres=["comedy"], moods=["lighter"],
                    avoid=["war", "horror"])


def test_a_well_liked_film_of_the_moods_kind_comes_first():
    assert _order(None, LIGHTER) == ["hit", "small", "war"]  # the mood still keeps the war film last


def test_with_popularity_weighed_as_before_the_words_alone_decided():
    assert _order({"popularity_mood": 0.3}, LIGHTER)[0] == "small"


@pytest.mark.parametrize("state", [DialogueState(liked_ids=["x"]), DialogueState(history_ids=["x", "y"])])
def test_a_known_taste_is_no_cold_start(state):
    # with a like or a history the session's own signals order the list; popularity keeps its small say
    assert _order({"popularity_mood": 5.0}, LIGHTER, state)[0] == "small"
