"""Questions that pick a card of the list by a fact ("which of these is the shortest?", "哪部评分最高",
"which one's the funniest?"): answered from the cards' catalog facts, the list kept, and the card
picked becomes the one "it" refers to next."""
from __future__ import annotations

import pytest

from chat.acts import list_pick
from chat.parser import RuleRewriter
from chat.state import DialogueState
from chat.text import fold
from recommender.pipeline import Recommender


@pytest.mark.parametrize("text, by, highest", [
    ("which one is the best?", "rating", True),
    ("ok so which of them has the highest rating", "rating", True),
    ("what's the shortest one on the list?", "runtime", False),
    ("which film is longest", "runtime", True),
    ("the oldest of these?", "year", False),
    ("and which is the most recent one", "year", True),
    ("which of these is the most popular", "votes", True),
    ("这几部哪部最好看", "rating", True),
    ("评分最高的是哪个", "rating", True),
    ("里面哪个时间最短？", "runtime", False),
    ("那最老的是哪部", "year", False),
])
def test_a_superlative_over_the_list_is_read_as_a_pick(text, by, highest):
    pick = list_pick(fold(text))
    assert pick is not None and (pick.by, pick.highest) == (by, highest)


@pytest.mark.parametrize("text, genres", [
    ("which of them is the funniest", ["comedy"]),
    ("ok which one is the scariest?", ["horror", "thriller"]),
    ("哪部最搞笑", ["comedy"]),
])
def test_a_quality_no_catalog_has_picks_within_the_genre_it_implies(text, genres):
    pick = list_pick(fold(text))
    assert pick is not None and pick.genres == genres and pick.by == "rating"


@pytest.mark.parametrize("text", [
    "which year is it from?",
    "which one is good for kids",
    "the best comedies of the 90s",
    "show me the shortest comedies you have",
    "最好看的喜剧推荐几部",
])
def test_other_turns_are_no_pick(text):
    assert list_pick(fold(text)) is None


@pytest.fixture
def rec(catalog, index) -> Recommender:
    return Recommender(catalog, index, rewriter=RuleRewriter())


def final(rec, state, text):
    return list(rec.respond(state, text))[-1]


def test_the_pick_names_the_card_with_that_fact_and_keeps_the_list(rec, catalog):
    shown = final(rec, DialogueState(), "a few comedies")
    cards = [catalog.get(i) for i in shown.state.last_list]
    shortest = min((c for c in cards if c.runtime), key=lambda c: c.runtime)
    out = final(rec, shown.state, "which of these is the shortest?")
    assert out.instruction.action == "question"
    assert out.reply.startswith(f"{shortest.title} is the shortest of these ({shortest.runtime} min)")
    assert out.state.last_list == shown.state.last_list
    # "it" is now the card picked
    after = final(rec, out.state, "what year is it from?")
    assert str(shortest.year) in after.reply and shortest.title in after.reply


def test_a_pick_in_chinese_is_answered_in_chinese(rec, catalog):
    shown = final(rec, DialogueState(), "推荐几部喜剧")
    best = max((catalog.get(i) for i in shown.state.last_list if catalog.get(i).rating),
               key=lambda c: c.rating)
    out = final(rec, shown.state, "这几部哪部评分最高")
    assert out.reply.startswith("这几部里评分最高的是《") and f"IMDb {best.rating}分" in out.reply
    assert not any(w in out.reply for w in ("best", "rated", "these"))


def test_a_genre_none_of_the_cards_has_is_said_plainly(rec, catalog):
    shown = final(rec, DialogueState(), "a few children's films")
    assert not any({"horror", "thriller"} & set(catalog.get(i).genres) for i in shown.state.last_list)
    out = final(rec, shown.state, "which of these is the scariest?")
    assert "None of these is a horror or thriller film" in out.reply
    assert out.state.last_list == shown.state.last_list
