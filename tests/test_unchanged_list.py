"""A refinement that leaves the list as it was ("no horror" on a list with none, "the kids went to bed,
R is fine now" with no age limit set, "太老的不要" on recent films) came back with the same cards and
a reply that read like a new answer, so the user could not tell whether they had been heard. Now a
note says the list already fits. A refinement that changes the list gets no such note."""
from __future__ import annotations

from chat.parser import RuleRewriter
from recommender.pipeline import Recommender
from tests.parser_kit import play

UNCHANGED = {"en": "The list already fits that", "zh": "现在的列表已经符合这个要求"}


def _turns(catalog, index, *said):
    return play(Recommender(catalog, index, rewriter=RuleRewriter()), *said)


def test_a_refinement_the_list_already_fits_says_so(catalog, index):
    first, again = _turns(catalog, index, "comedies from the 90s", "no horror please")
    assert again.state.last_list == first.state.last_list
    assert any(UNCHANGED["en"] in n for n in again.notes)


def test_the_same_in_chinese(catalog, index):
    first, again = _turns(catalog, index, "九十年代的喜剧", "不要恐怖片")
    assert again.state.last_list == first.state.last_list
    assert any(UNCHANGED["zh"] in n for n in again.notes)


def test_a_refinement_that_changes_the_list_has_no_such_note(catalog, index):
    first, older = _turns(catalog, index, "comedies from the 90s", "older ones")
    assert older.state.last_list != first.state.last_list
    assert not any(UNCHANGED["en"] in n for n in older.notes)
