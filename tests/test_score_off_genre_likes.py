"""A film liked earlier in the chat that is of another kind than the genre now required says little
about which film of that genre to pick: after "more like Toy Story" then "actually something scary
instead", the horror list was led by little-liked teen horror that Toy Story's viewers also watched
(The Craft 5.9, Halloween 6 at 4.2). The co-watching signals now count for less there; a liked film
of the required genre keeps its full weight, and the MovieLens harness (history, no chat likes) is
untouched."""
from __future__ import annotations

from catalog.catalog import Catalog
from catalog.filters import Filters
from catalog.item import Item
from chat.instruction import Instruction
from chat.state import DialogueState
from fakes import NoVectorIndex
from recommender.score import FastScorer
from recommender.types import Candidate

ITEMS = [Item(id="toy", title="Toy", genres=("animation", "comedy"), rating=7.9),
         Item(id="scream", title="Scream", genres=("horror",), rating=7.2),
         Item(id="teen", title="Teen Horror", genres=("horror",), rating=5.9),
         Item(id="good", title="Good Horror", genres=("horror",), rating=7.6)]
CAT = Catalog("t", ITEMS)
CANDS = [Candidate(item=CAT.get("teen"), signals={"collab": 1.0, "popularity": 0.3}),
         Candidate(item=CAT.get("good"), signals={"collab": 0.1, "popularity": 0.6})]
HORROR = Instruction(action="refine", constraints=Filters(include_genres=["horror"]))


def order(liked: list[str], history: list[str] | None = None) -> list[str]:
    state = DialogueState(liked_ids=liked, history_ids=history or [])
    return [c.item.id for c in FastScorer().score(HORROR, state, CANDS, index=NoVectorIndex(), catalog=CAT,
                                                  vectors={})]


def test_a_liked_film_of_another_genre_does_not_lead_the_list():
    assert order(["toy"])[0] == "good"


def test_a_liked_film_of_the_required_genre_keeps_its_pull():
    assert order(["scream"])[0] == "teen"


def test_a_history_is_scored_as_before():
    assert order(["toy"], history=["toy"]) == order(["scream"], history=["toy"])
