"""A decade "or before" ("anything older? like 70s or before", "80s or earlier", "七十年代或者更早的") was read
as that decade only; "90s or later" already read as from the 90s on. Now the earlier ones end with the
decade and have no start."""
from __future__ import annotations

import pytest

from catalog.item import Item
from tests.parser_kit import parse, vocab_fixture

vocab = vocab_fixture([Item(id=str(n), title=f"Film {n}", year=1930 + 3 * n, genres=("drama",)) for n in range(1, 22)])


@pytest.mark.parametrize("text, lo, hi", [
    ("70s or before", None, 1979),
    ("something from the 80s or earlier", None, 1989),
    ("the 60s and older please", None, 1969),
    ("1980 or before", None, 1980),
    ("七十年代或者更早的", None, 1979),
    ("八十年代或更早", None, 1989),
    ("90s or later", 1990, None),
    ("the 70s", 1970, 1979),
])
def test_a_decade_or_before_has_no_start(vocab, text, lo, hi):
    c = parse(vocab, text).constraints
    assert (c.min_year, c.max_year) == (lo, hi)


@pytest.mark.parametrize("text", ["scrap the 90s thing, any decade is fine", "forget the 90s part", "drop the 90s bit",
                                  "ditch the 1990s thing"])
def test_a_decade_dropped_by_name_lifts_the_years(vocab, text):
    from chat.state import DialogueState, apply_resolved

    state = apply_resolved(DialogueState(), parse(vocab, "90s dramas"))
    assert (state.constraints.min_year, state.constraints.max_year) == (1990, 1999)
    after = apply_resolved(state, parse(vocab, text, state))
    assert (after.constraints.min_year, after.constraints.max_year) == (None, None)
    assert after.constraints.include_genres == ["drama"]
