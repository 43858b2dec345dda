"""A poorly rated film is not put before good ones in a chat that has no viewing history: the `weak`
penalty of recommender/score.py (seen in the browser: Anaconda, IMDb 4.1, and Firestorm, 4.4, filling
a short action list; The Crow: City of Angels, 3.8, first for "something like the crow")."""
from __future__ import annotations

import pytest

from catalog.item import Item
from recommender.score import WEAK_FLOOR, _weak


def film(rating):
    return Item(id="x", title="X", year=1990, genres=("action",), rating=rating)


def test_the_penalty_grows_below_the_floor_and_is_capped():
    assert _weak(film(None)) == 0.0            # no rating: no opinion
    assert _weak(film(WEAK_FLOOR + 1)) == 0.0
    assert _weak(film(WEAK_FLOOR)) == 0.0
    assert _weak(film(4.0)) == pytest.approx(0.6)
    assert _weak(film(1.0)) == 1.0


@pytest.fixture(scope="module")
def shelf(tmp_path_factory):
    """Twelve action films as alike as can be but for the rating: the most watched is rated 3.0."""
    from catalog.catalog import Catalog
    from catalog.search import open_index
    from fakes import FakeEmbedder

    def item(i, rating, watched):
        return Item(id=i, title=f"Action Film {i}", year=1995, genres=("action",), runtime=95, rating=rating,
                    votes=20000, metadata={"num_ratings": watched})

    items = [item("flop", 3.0, 3000), item("meh", 4.4, 100),
             *(item(f"ok{n}", 6.5 + 0.1 * n, 20 + 10 * n) for n in range(10))]
    catalog = Catalog("weak-films", items)
    index = open_index(catalog, FakeEmbedder(), data_dir=tmp_path_factory.mktemp("weak"),
                       build_if_missing=True, progress=False).ensure()
    return catalog, index


def _shown(shelf, weights, *turns):
    from chat.parser import RuleRewriter
    from recommender.pipeline import Recommender
    from recommender.score import FastScorer
    from tests.parser_kit import play

    catalog, index = shelf
    got = play(Recommender(catalog, index, rewriter=RuleRewriter(), scorer=FastScorer(weights)), *turns)
    return [r.item.id for r in got[-1].recommendations]


def test_a_popular_flop_is_not_first_in_a_chat_with_no_history(shelf):
    before = _shown(shelf, {"weak": 0.0}, "an action movie")
    after = _shown(shelf, None, "an action movie")
    assert before[0] == "flop"  # without the penalty the most watched film leads, rated 3.0 or not
    assert after[0].startswith("ok") and "flop" not in after[:3]
    assert "meh" not in after[:3]  # nor a little-watched 4.4


def test_the_weak_films_stay_when_nothing_better_fits(shelf):
    # a constrained pool keeps them (the thin-pool note says why); they are only put last
    shown = _shown(shelf, None, "an action movie", "more")
    assert shown  # paging still fills a list


def test_no_penalty_when_the_user_has_a_viewing_history():
    """With a history the sequential model knows what the user watches: the penalty is off."""
    import numpy as np

    from chat.instruction import Instruction
    from chat.state import DialogueState
    from recommender.score import FastScorer
    from recommender.types import Candidate

    items = [Item(id="flop", title="Flop", year=1995, genres=("action",), rating=3.0),
             Item(id="good", title="Good", year=1995, genres=("action",), rating=7.5)]
    cands = [Candidate(item=it, signals={"semantic": 0.5, "reference": 0.0, "collab": 0.0, "popularity": 0.5})
             for it in items]

    class Vectors:
        def vectors(self, ids):
            return {i: np.ones(4, np.float32) / 2 for i in ids}

    def parts(state):
        out = FastScorer().score(Instruction(action="new"), state, cands, index=Vectors())
        return {c.item.id: c.signals["weak_part"] for c in out}

    assert parts(DialogueState())["flop"] < 0 and parts(DialogueState())["good"] == 0
    assert parts(DialogueState(history_ids=["a", "b"])) == {"flop": 0.0, "good": 0.0}
