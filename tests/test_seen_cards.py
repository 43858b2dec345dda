"""A card the user only says they have watched ("第二部看过了，换一批", "seen #2", "we own the first one on
dvd") is left out from then on but is no evidence against films like it. Before, it was recorded as a
dislike: the dislike penalty then pushed films like it down, and after "like The Fugitive, 90s on",
"第二部看过了，换一批" (Apollo 13) showed Unforgiven, Groundhog Day and Aladdin instead of more thrillers.
A message that also finds fault ("seen #2, boring") stays a dislike. A small hand-made catalog."""
from __future__ import annotations

import pytest

from catalog.item import Item
from chat.state import DialogueState, record_shown
from tests.parser_kit import say, vocab_fixture

ITEMS = [Item(id=str(i), title=f"Film {chr(64 + i)}", year=1990 + i, genres=("action",)) for i in range(1, 9)]

vocab = vocab_fixture(ITEMS)
SHOWN = ["1", "2", "3", "4", "5"]


def after(vocab, said: str):
    return say(vocab, record_shown(DialogueState(), SHOWN), said)


@pytest.mark.parametrize("said, gone", [
    ("第二部看过了，换一批", ["2"]),
    ("第一部和第三部都看过了", ["1", "3"]),
    ("seen #2", ["2"]),
    ("already watched the 4th one", ["4"]),
    ("we own the first one on dvd", ["1"]),
    ("seen 2 and 5 already, others?", ["2", "5"]),
])
def test_a_card_only_watched_is_left_out_but_not_disliked(vocab, said, gone):
    state, ins = after(vocab, said)
    assert sorted(f.item_id for f in ins.feedback) == sorted(gone)
    assert all(f.seen for f in ins.feedback)
    assert set(gone) <= set(state.constraints.exclude_ids)
    assert state.disliked_ids == []


@pytest.mark.parametrize("said, gone", [
    ("seen #2, boring", ["2"]),
    ("第一部看过了 不喜欢", ["1"]),
    ("not the second one", ["2"]),
    ("第三个太老了", ["3"]),
    ("seen the 4th, hated it", ["4"]),
])
def test_a_card_found_fault_with_is_still_a_dislike(vocab, said, gone):
    state, ins = after(vocab, said)
    assert sorted(f.item_id for f in ins.feedback) == gone
    assert not any(f.seen for f in ins.feedback)
    assert set(gone) <= set(state.disliked_ids) and set(gone) <= set(state.constraints.exclude_ids)
