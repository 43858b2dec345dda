"""A question about a numbered card right after a request that found nothing ("70s crime thrillers" then
"whats the rating on the 3rd") was read as a new, empty request: the request in force was wiped and a
list of popular films came back. Now it is a question; the reply says no list is on screen, the last
request found nothing, and what to do; the request stays for the next turn ("any year then")."""
from __future__ import annotations

import pytest

from chat.parser import RuleRewriter
from recommender.pipeline import Recommender
from tests.parser_kit import play


def _turns(catalog, index, *said):
    return play(Recommender(catalog, index, rewriter=RuleRewriter()), *said)


@pytest.mark.parametrize("question, lang, says", [
    ("whats the rating on the 3rd", "en", "There is no list on screen"),
    ("is #2 any good?", "en", "There is no list on screen"),
    ("第一部是什么类型的", "zh", "现在没有列表"),
])
def test_a_card_question_with_no_list_keeps_the_request_and_says_why(catalog, index, question, lang, says):
    empty, asked = _turns(catalog, index, "comedies from the 1920s", question)
    assert empty.state.last_list == [] and empty.state.constraints.include_genres == ["comedy"]
    assert asked.instruction.action == "question" and asked.state.last_list == []
    assert asked.state.constraints == empty.state.constraints
    assert says in asked.reply


def test_the_request_kept_can_then_be_relaxed(catalog, index):
    *_, relaxed = _turns(catalog, index, "comedies from the 1920s", "whats the rating on the 3rd", "any year then")
    assert relaxed.instruction.action == "refine" and relaxed.state.constraints.min_year is None
