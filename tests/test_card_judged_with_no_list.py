"""A verdict on a numbered card typed before any list was shown ("seen #2 and #4" as the first message)
was read as a new, empty request and answered with popular films as if something had been asked. Now
it is `unclear`: no list is changed, and the reply says there is no list yet and what to do."""
from __future__ import annotations

import pytest

from catalog.item import Item
from chat.parser import RuleRewriter
from recommender.pipeline import Recommender
from tests.parser_kit import parse, play, vocab_fixture

ITEMS = [Item(id="1", title="The Godfather", year=1972, genres=("crime", "drama")),
         Item(id="2", title="Star Wars", year=1977, genres=("sci-fi",)),
         Item(id="3", title="Fargo", year=1996, genres=("crime",))]
vocab = vocab_fixture(ITEMS, "no-list-verdicts")


@pytest.mark.parametrize("said, pos", [
    ("seen #2 and #4", 2), ("we've seen the first one", 1), ("more like the first one", 1),
    ("not the second one", 2), ("#3 looks good", 3), ("the 2nd was boring", 2), ("skip number 4", 4),
    ("第三部看过了", 3), ("不要第二个", 2), ("更像第一部的", 1), ("第二部和第四部都看过了", 2),
])
def test_a_verdict_on_a_card_with_no_list_is_unclear(vocab, said, pos):
    ins = parse(vocab, said)
    assert ins.action == "unclear" and ins.question_position == pos


@pytest.mark.parametrize("said", [
    "i loved the first godfather, something like it",   # a film and a request of its own
    "top 3 comedies from the 90s",                        # a request
    "something for our first date",                       # an ordinal of the user's life
    "seen fargo, something like it",                      # a film by title
    "推荐三部科幻片",
])
def test_a_request_with_a_number_in_it_is_still_a_request(vocab, said):
    assert parse(vocab, said).action != "unclear"


@pytest.mark.parametrize("said, lang, says", [
    ("seen #2 and #4", "en", "There is no list yet in this chat"),
    ("第三部看过了", "zh", "这次对话里还没有列表"),
])
def test_the_reply_says_there_is_no_list_yet_and_shows_none(catalog, index, said, lang, says):
    (got,) = play(Recommender(catalog, index, rewriter=RuleRewriter()), said)
    assert got.instruction.action == "unclear" and got.recommendations == [] and says in got.reply
    assert got.state.constraints.is_empty()


def test_after_a_request_that_found_nothing_the_reply_says_so(catalog, index):
    empty, judged = play(Recommender(catalog, index, rewriter=RuleRewriter()), "comedies from the 1920s", "seen #2")
    assert empty.state.last_list == []
    assert "the last request found nothing" in judged.reply
    assert judged.state.constraints.include_genres == ["comedy"]  # the request in force stays
