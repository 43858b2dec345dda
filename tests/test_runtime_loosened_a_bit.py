"""A length limit loosened "a bit" is let out a step, not dropped: "片长放宽一点吧" and "loosen the runtime a
little" used to remove the cap altogether (a two-hour comedy list then showed three-hour epics)."""
from __future__ import annotations

import pytest

from catalog.item import Item
from tests.parser_kit import say_each, vocab_fixture

ITEMS = [Item(id="1", title="Groundhog Day", year=1993, genres=("comedy",), runtime=101)]
vocab = vocab_fixture(ITEMS, "runtime-a-bit")


@pytest.mark.parametrize("opening, loosened", [
    ("九十年代的喜剧，片长两小时以内", "片长放宽一点吧"),
    ("九十年代的喜剧，片长两小时以内", "时长可以放宽一些"),
    ("九十年代的喜剧，片长两小时以内", "片长再宽松一点"),
    ("九十年代的喜剧，片长两小时以内", "片长宽松些"),
    ("90s comedies under 2 hours", "loosen the runtime a little"),
    ("90s comedies under 2 hours", "relax the time limit a bit"),
    ("90s comedies under 2 hours", "can you relax the length slightly"),
    ("90s comedies under 2 hours", "a bit looser on the runtime"),
])
def test_a_cap_loosened_a_bit_goes_up_a_step(vocab, opening, loosened):
    state, ins = say_each(vocab, ["1"], opening, loosened)
    assert ins.action == "refine" and state.constraints.max_runtime is not None
    assert 120 < state.constraints.max_runtime <= 150
    assert state.constraints.min_year == 1990  # the rest stays


@pytest.mark.parametrize("opening, dropped", [
    ("九十年代的喜剧，片长两小时以内", "时长不限了"),
    ("九十年代的喜剧，片长两小时以内", "片长放宽吧"),
    ("90s comedies under 2 hours", "drop the time limit"),
    ("90s comedies under 2 hours", "loosen the runtime"),
])
def test_a_cap_let_go_without_a_bit_is_dropped(vocab, opening, dropped):
    state, _ins = say_each(vocab, ["1"], opening, dropped)
    assert state.constraints.max_runtime is None and state.constraints.min_year == 1990


@pytest.mark.parametrize("loosened", ["片长放宽一点吧", "loosen the runtime a little"])
def test_loosening_a_cap_that_is_not_there_is_still_a_refinement(vocab, loosened):
    # it used to be read as small talk ("happy to chat!") when no length limit was in force
    state, ins = say_each(vocab, ["1"], "90s comedies", loosened)
    assert ins.action == "refine" and state.constraints.max_runtime is None
    assert state.constraints.include_genres == ["comedy"]
