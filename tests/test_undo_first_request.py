"""Undo after a first request that set no hard limit: seen in the browser, "my top 3: shawshank, forrest gump and
good will hunting. what should i watch next?" -> "no, i meant something from the 80s" -> "undo that" became a new,
empty request that dropped the films (nothing had been kept to go back to: kept requests are hard limits, and the
first had none). Going back now lifts the limits added since and keeps the films. A small hand-made catalog."""
from __future__ import annotations

import pytest

from catalog.item import Item
from tests.parser_kit import say, say_each, vocab_fixture

ITEMS = [
    Item(id="he", title="Heat", year=1995, runtime=170, genres=("action", "crime", "thriller"), metadata={"aliases": "盗火线"}),
    Item(id="fa", title="Fargo", year=1996, runtime=98, genres=("crime", "drama", "thriller")),
    *(Item(id=f"c{n}", title=f"Crime Film {n}", year=1975 + 2 * n, runtime=110, genres=("crime",)) for n in range(12)),
]
SHOWN = [f"c{n}" for n in range(8)]

vocab = vocab_fixture(ITEMS, "undo-first-request-test")


@pytest.mark.parametrize("first, change, undo", [
    ("my top 2: Heat and Fargo. what should i watch next?", "no, i meant something from the 80s", "undo that"),
    ("something like Heat", "only from the 90s", "go back to what we had"),
    ("有没有像盗火线那种的", "要九十年代的", "撤销上一步"),
])
def test_undo_after_a_first_request_with_no_limits_keeps_the_films(vocab, first, change, undo):
    state, _ = say_each(vocab, SHOWN, first, change)
    assert state.constraints.min_year is not None and state.reference_ids
    refs = list(state.reference_ids)
    after, ins = say(vocab, state, undo)
    assert ins.action == "refine"
    assert after.constraints.min_year is None and after.constraints.max_year is None
    assert list(after.reference_ids) == refs
