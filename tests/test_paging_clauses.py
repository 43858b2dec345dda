"""A verdict on a card followed by a clause that only asks for others ("seen #2. others?", "not the
first one, any others?") left "others" unread and kept the list: the card went and one new film came
in. Now the second clause pages on, as "seen clueless, show me more" does: the list moves to films
not shown yet."""
from __future__ import annotations

import pytest

from catalog.item import Item
from chat.state import DialogueState
from tests.parser_kit import parse, vocab_fixture

ITEMS = [Item(id=str(n), title=f"Film {n}", year=1980 + n, genres=("comedy",) if n < 10 else ("horror",))
         for n in range(1, 13)]
vocab = vocab_fixture(ITEMS)
SHOWN = DialogueState(last_list=["1", "2", "3", "4", "5"], shown_ids=["1", "2", "3", "4", "5"])


@pytest.mark.parametrize("text, kind", [
    ("seen #2. others?", "dislike"),
    ("seen #2, others?", "dislike"),
    ("not #2. others?", "dislike"),
    ("not the first one, any others?", "dislike"),
    ("watched the 3rd already. anything else?", "dislike"),
    ("skip #4; other options please", "dislike"),
    ("love #1! more?", "like"),
])
def test_a_verdict_then_others_pages_on(vocab, text, kind):
    got = parse(vocab, text, SHOWN)
    assert got.action == "feedback" and [f.kind for f in got.feedback] == [kind]
    assert got.pages and got.unread == []


@pytest.mark.parametrize("text", ["not #2", "seen the second one", "not #2, but something older"])
def test_a_verdict_alone_keeps_the_list(vocab, text):
    assert not parse(vocab, text, SHOWN).pages


def test_a_request_with_others_is_no_verdict(vocab):
    got = parse(vocab, "horror. others?", SHOWN)
    assert got.action in ("new", "refine") and not got.feedback
