"""Questions about the list seen when the product was used as a new user would:
- "which is better, #1 or #3?" answered about #1 alone; now the two cards are compared by the fact
  asked (rating, length, year, votes), in the user's language;
- "top 3 only" was a question about card #1; now the list is cut to that many cards;
- "how do you pick these?" was a question about card #1; now it says how the list is made."""
from __future__ import annotations

import pytest

from chat.parser import RuleRewriter
from chat.state import DialogueState
from recommender.pipeline import Recommender


@pytest.fixture
def rec(catalog, index) -> Recommender:
    return Recommender(catalog, index, rewriter=RuleRewriter())


def final(rec, state, text):
    return list(rec.respond(state, text))[-1]


@pytest.fixture
def shown(rec):
    return final(rec, DialogueState(), "a few comedies")


def card(rec, state, n):
    return rec.catalog.get(state.last_list[n - 1])


@pytest.mark.parametrize("text, a, b, by, high", [
    ("which is better, #1 or #3?", 1, 3, "rating", True),
    ("is the 2nd shorter than the 4th?", 2, 4, "runtime", False),
    ("the first or the last, which one's newer?", 1, 5, "year", True),
    ("2 or 5, which is older", 2, 5, "year", False),
    ("第一部和第三部哪个好看", 1, 3, "rating", True),
    ("1和2哪个短", 1, 2, "runtime", False),
    ("第二个跟最后一个哪部更新", 2, 5, "year", True),
])
def test_two_cards_compared_by_a_fact(rec, shown, text, a, b, by, high):
    out = final(rec, shown.state, text)
    assert out.instruction.action == "question"
    assert out.state.last_list == shown.state.last_list  # the list stays
    x, y = card(rec, shown.state, a), card(rec, shown.state, b)
    vx, vy = getattr(x, by), getattr(y, by)
    if vx == vy:
        return
    winner, loser = (x, y) if (vx > vy) == high else (y, x)
    said = out.reply
    assert said.index(winner.title) < said.index(loser.title)  # the tiny catalog has no Chinese titles
    others = [c for n, c in enumerate(map(lambda i: rec.catalog.get(i), shown.state.last_list), 1) if n not in (a, b)]
    assert not any(c.title in said for c in others)  # only the two cards asked about
    assert ("两部" in said) == any("\u4e00" <= ch <= "\u9fff" for ch in text)  # the user's language
    assert (str(vx) in said or f"{vx:,}" in said) and (str(vy) in said or f"{vy:,}" in said)


@pytest.mark.parametrize("text", ["something better than #2", "more like #1 but shorter"])
def test_one_card_and_a_comparative_is_no_comparison(rec, shown, text):
    assert final(rec, shown.state, text).instruction.question_pick is None


@pytest.mark.parametrize("text, n", [("top 3 only", 3), ("just the top 3", 3), ("only show me 2", 2),
                                     ("just give me one", 1), ("只要前三个", 3), ("只看前两部", 2)])
def test_fewer_cards_of_the_same_request(rec, shown, text, n):
    out = final(rec, shown.state, text)
    assert out.instruction.action == "refine"
    assert len(out.state.last_list) == n
    assert out.state.constraints.include_genres == ["comedy"]


def test_the_first_two_are_still_cards_not_a_count(rec, shown):
    out = final(rec, shown.state, "the first two are great, more like those")
    assert out.instruction.action == "feedback"
    assert {f.position for f in out.instruction.feedback} == {1, 2}


@pytest.mark.parametrize("text, word", [("how do you pick these?", "catalog"), ("what are these based on?", "catalog"),
                                        ("how did you choose them", "catalog"), ("你是怎么选的", "排序"),
                                        ("根据什么推荐的？", "排序")])
def test_how_the_list_is_made(rec, shown, text, word):
    out = final(rec, shown.state, text)
    assert out.instruction.action == "smalltalk"
    assert word in out.reply
    assert out.state.last_list == shown.state.last_list
    assert card(rec, shown.state, 1).title not in out.reply


@pytest.mark.parametrize("text, said", [("perfect", "Glad you like them"), ("these look great!", "Glad you like them"),
                                        ("awesome", "Glad you like them"), ("不错", "很高兴你喜欢"), ("太棒了！", "很高兴你喜欢")])
def test_pleased_with_the_list_is_answered_as_such_and_keeps_it(rec, shown, text, said):
    out = final(rec, shown.state, text)
    assert out.instruction.action == "smalltalk"
    assert said in out.reply
    assert out.state.last_list == shown.state.last_list
    assert out.state.constraints == shown.state.constraints


def test_pleased_and_asking_for_more_still_pages(rec, shown):
    out = final(rec, shown.state, "looks good, more please")
    assert out.instruction.action == "more"
    assert not set(out.state.last_list) & set(shown.state.last_list)


@pytest.mark.parametrize("text", ["something with aliens", "an alien invasion movie", "anything about aliens?"])
def test_aliens_as_a_subject_is_science_fiction(rec, text):
    out = final(rec, DialogueState(), text)
    assert out.state.constraints.include_genres == ["sci-fi"]


def test_aliens_as_a_title_is_still_the_film(rec):
    from chat.parser import RuleRewriter
    ins = RuleRewriter().rewrite("i loved aliens", DialogueState(), rec.vocab)
    assert ins.constraints.include_genres == []
