"""What to do next ("Like or dislike any of them ...") is said under the first list of a
conversation; repeated under every list it buried what each reply says (seen in the browser)."""
from __future__ import annotations

import pytest

from chat.parser import RuleRewriter
from chat.state import DialogueState
from recommender.pipeline import Recommender


@pytest.fixture
def rec(catalog, index) -> Recommender:
    return Recommender(catalog, index, rewriter=RuleRewriter())


@pytest.mark.parametrize("turns, hint", [
    (("a few movies", "more", "other ones?"), "Like or dislike"),
    (("推荐几部电影", "换一批", "再来几部"), "点赞或点踩"),
])
def test_the_hint_comes_with_the_first_list_only(rec, turns, hint):
    state, replies = DialogueState(), []
    for t in turns:
        out = list(rec.respond(state, t))[-1]
        state = out.state
        assert out.state.last_list
        replies.append(out.reply)
    assert hint in replies[0]
    assert not any(hint in r for r in replies[1:])
    assert all(r.strip() for r in replies)


def test_a_new_conversation_gets_the_hint_again(rec):
    first = list(rec.respond(DialogueState(), "a few comedies"))[-1]
    again = list(rec.respond(DialogueState(), "some thrillers"))[-1]
    assert "Like or dislike" in first.reply and "Like or dislike" in again.reply
