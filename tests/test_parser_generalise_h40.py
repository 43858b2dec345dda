"""English and Chinese turns from the blind dev39 set (mixed-language and mixed-script chat), by class, each tested
with phrasings the dialogues do not use: emoji inside a message with words ("seen fargo 😂", "we saw scream + scream 2
last week 😂": they end no title and join no list; emoji alone stay small talk or puzzled), a one-word English title
typed in lower case with a space before Chinese words of watching or likeness ("seven 看过了", "fargo 我早就看过了",
"想看 heat 那种的"), a card's number running into Chinese or written with "no." ("#2看过了", "＃２看過了", "2nd好看",
"no.3讲啥", "no.3 is great, more like it"), an English paging word in a Chinese frame ("给我 more", "还有 others
吗"), an English "that" after a card named in Chinese ("第四个不错 more like that"), a score floor said with a Chinese score word and English words ("评分 above 7"), a mark right after a Chinese
title in an English frame ("anything like 霸王别姬!": no film called "!") and an age rating capped in Chinese words
before or after it ("PG-13 以内的", "PG-13及以下", "不超过PG-13"). A small hand-made catalog, no index, no model."""
from __future__ import annotations

import pytest

from catalog.item import Item
from chat.state import DialogueState, record_shown
from tests.parser_kit import parse, say, vocab_fixture

SHOWN_ITEMS = [
    Item(id=f"c{n}", title=title, year=year, runtime=100, genres=("thriller",))
    for n, (title, year) in enumerate([("Cape Fear", 1991), ("The Fugitive", 1993), ("Malice", 1993),
                                       ("Sneakers", 1992), ("Copycat", 1995), ("Kalifornia", 1993),
                                       ("Breakdown", 1997), ("Single White Female", 1992)], start=1)
]
ITEMS = SHOWN_ITEMS + [
    Item(id="h1", title="Heat", year=1995, runtime=170, genres=("action", "crime", "thriller")),
    Item(id="f1", title="Fargo", year=1996, runtime=98, genres=("crime", "drama", "thriller")),
    Item(id="s7", title="Seven (Se7en)", year=1995, runtime=127, genres=("crime", "thriller")),
    Item(id="k1", title="Casino", year=1995, runtime=178, genres=("crime", "drama")),
    Item(id="s1", title="Scream", year=1996, runtime=111, genres=("horror", "thriller")),
    Item(id="s2", title="Scream 2", year=1997, runtime=120, genres=("horror", "thriller")),
    Item(id="a1", title="Alien", year=1979, runtime=116, genres=("action", "horror", "sci-fi", "thriller")),
    Item(id="t1", title="Titanic", year=1997, runtime=194, genres=("action", "drama", "romance")),
    Item(id="w1", title="Speed", year=1994, runtime=116, genres=("action", "romance", "thriller")),
    Item(id="b1", title="Farewell My Concubine", year=1993, runtime=171, genres=("drama", "romance"),
         metadata={"aliases": "霸王别姬"}),
]
SHOWN = [i.id for i in SHOWN_ITEMS]

vocab = vocab_fixture(ITEMS, "h40-generalise-test")


def played(vocab, first: str, *said: str):
    """Each of `said` after the request `first`, the eight thrillers shown after every turn; the last reading."""
    state, _ = say(vocab, DialogueState(), first)
    state = record_shown(state, SHOWN)
    ins = None
    for text in said:
        state, ins = say(vocab, state, text)
        state = record_shown(state, SHOWN)
    return ins


def cards(ins, kind: str) -> list[int]:
    return sorted({t.position for t in ins.feedback if t.kind == kind})


def named(ins) -> list[str]:
    return sorted(m.item_id for m in ins.mentions)


# --------------------------------------------------------------------------- emoji inside a message with words
@pytest.mark.parametrize("text, ids", [
    ("we saw scream + scream 2 last week 😂", ["s1", "s2"]), ("seen fargo 😂", ["f1"]),
    ("seen fargo and heat 👍", ["f1", "h1"]), ("already watched heat 🙄🙄 and casino", ["h1", "k1"]),
    ("Scream + Scream 2 both seen 💀", ["s1", "s2"]), ("fargo 和 heat 都看过了 😭", ["f1", "h1"]),
    ("seen alien 👽 and fargo", ["a1", "f1"]),
])
def test_emoji_end_no_title_and_join_no_list(vocab, text, ids):
    ins = played(vocab, "some thrillers please", text)
    assert ins.action == "seen" and named(ins) == ids
    assert all(not any(ord(ch) > 0x2000 and not "\u4e00" <= ch <= "\u9fff" for ch in m.title) for m in ins.mentions)


@pytest.mark.parametrize("text, kind, cards_", [
    ("#2 looks boring 😴", "dislike", [2]), ("😍 the 3rd one, more like that", "more_like", [3]),
    ("第二个 looks good 👍👍", "like", [2]), ("#4 seen 🙈", "dislike", [4]),
])
def test_emoji_beside_a_card_leave_its_reading(vocab, text, kind, cards_):
    ins = played(vocab, "some thrillers please", text)
    assert ins.action == "feedback" and cards(ins, kind) == cards_


@pytest.mark.parametrize("text, action", [("👍", "smalltalk"), ("😂😂", "smalltalk"), ("🤔🤔", "unclear"), ("❓", "unclear")])
def test_emoji_alone_stay_small_talk_or_puzzled(vocab, text, action):
    assert played(vocab, "some thrillers please", text).action == action


def test_an_emoji_question_mark_asks(vocab):
    ins = played(vocab, "some thrillers please", "#2讲啥❓")
    assert ins.action == "question" and ins.question_position == 2 and ins.question == "plot"


def test_emoji_with_a_request_keep_the_request(vocab):
    ins = parse(vocab, "scary movies pls 👻👻 from the 90s 🙏")
    assert ins.constraints.include_genres == ["horror"]
    assert (ins.constraints.min_year, ins.constraints.max_year) == (1990, 1999)


# --------------------------------------------------------------------------- a lower-case English title, a space, Chinese
@pytest.mark.parametrize("text, ids", [
    ("seven 看过了", ["s7"]), ("heat 看过了", ["h1"]), ("fargo 我早就看过了", ["f1"]), ("casino 也看过了", ["k1"]),
    ("heat 看了 还行", ["h1"]), ("seven 看过了 还有 heat", ["h1", "s7"]), ("speed 刷过好几遍了", ["w1"]),
])
def test_a_one_word_title_before_chinese_words_of_watching(vocab, text, ids):
    ins = played(vocab, "想看惊悚片", text)
    assert ins.action == "seen" and named(ins) == ids


@pytest.mark.parametrize("text", ["想看 heat 那种的", "有没有 heat 那样的", "来几部 heat 一类的"])
def test_a_one_word_title_before_chinese_words_of_likeness(vocab, text):
    ins = played(vocab, "想看惊悚片", text)
    assert ins.reference_ids == ["h1"] and not ins.mentions


@pytest.mark.parametrize("text", ["来点 thriller 那种的", "有没有 comedy 那种"])
def test_a_genre_before_chinese_words_of_likeness_is_no_film(vocab, text):
    assert not parse(vocab, text).mentions


# --------------------------------------------------------------------------- a card's number running into Chinese
@pytest.mark.parametrize("text, kind, cards_", [
    ("#2看过了", "dislike", [2]), ("＃２看過了", "dislike", [2]), ("#3不喜欢", "dislike", [3]),
    ("#2不错 再来几部类似的", "more_like", [2]), ("2nd好看 类似的再来点", "more_like", [2]), ("＃４早就看过了", "dislike", [4]),
    ("No.2 seen", "dislike", [2]), ("no.3 is great, more like it", "more_like", [3]), ("no. 5 looks boring", "dislike", [5]),
])
def test_a_card_number_running_into_chinese_or_written_with_no(vocab, text, kind, cards_):
    ins = played(vocab, "想看惊悚片", text)
    assert ins.action == "feedback" and cards(ins, kind) == cards_


def test_a_card_written_with_no_is_never_refused_for_the_no(vocab):
    ins = played(vocab, "some thrillers please", "no.3 is great, more like it")
    assert cards(ins, "dislike") == []


@pytest.mark.parametrize("text, position, asks", [
    ("no.3讲啥", 3, "plot"), ("no. 3 讲啥", 3, "plot"), ("#1多长", 1, "runtime"), ("＃５是哪年的", 5, "year"),
    ("3rd讲什么", 3, "plot"),
])
def test_a_card_number_running_into_a_chinese_question(vocab, text, position, asks):
    ins = played(vocab, "想看惊悚片", text)
    assert ins.action == "question" and ins.question_position == position and ins.question == asks


# --------------------------------------------------------------------------- an age rating capped in Chinese
@pytest.mark.parametrize("text, ratings", [
    ("PG-13 以内的吧 跟我妹一起看", ["G", "PG", "PG-13"]), ("PG-13及以下", ["G", "PG", "PG-13"]),
    ("不超过PG-13", ["G", "PG", "PG-13"]), ("PG或以下的", ["G", "PG"]), ("最高PG-13就行", ["G", "PG", "PG-13"]),
    ("pg-13 之内都行", ["G", "PG", "PG-13"]), ("不高于PG", ["G", "PG"]), ("PG-13级以下", ["G", "PG", "PG-13"]),
])
def test_an_age_rating_capped_in_chinese(vocab, text, ratings):
    ins = played(vocab, "想看动作片", text)
    assert ins.constraints.mpaa == ratings and ins.constraints.include_genres == ["action"]


@pytest.mark.parametrize("text, ratings", [("只要PG-13的", ["PG-13"]), ("PG or PG-13 only", ["PG", "PG-13"])])
def test_a_rating_named_alone_is_still_that_rating(vocab, text, ratings):
    assert played(vocab, "想看动作片", text).constraints.mpaa == ratings


# --------------------------------------------------------------------------- English words about a card named in Chinese
@pytest.mark.parametrize("text, card", [
    ("第四个不错 more like that", 4), ("最后一个 looks good, more like it", 8), ("第2部 is great, more like that one", 2),
    ("3号不错 something like that", 3), ("第五个 yyds, more like that pls", 5),
])
def test_that_after_a_card_named_in_chinese_is_that_card(vocab, text, card):
    ins = played(vocab, "some thrillers please", text)
    assert ins.action == "feedback" and cards(ins, "more_like") == [card]


# --------------------------------------------------------------------------- a score floor in mixed words
@pytest.mark.parametrize("text, floor", [
    ("评分 above 7", 7.0), ("分数 at least 7.5", 7.5), ("豆瓣 over 8 的", 8.0), ("评分 >= 7", 7.0), ("评分要 above 6.5", 6.5),
])
def test_a_score_floor_with_a_chinese_score_word_and_english_words(vocab, text, floor):
    ins = played(vocab, "想看动作片", text)
    assert ins.constraints.min_rating == floor and ins.constraints.include_genres == ["action"]


# --------------------------------------------------------------------------- a mark after a title in a "like" frame
@pytest.mark.parametrize("text, ref", [
    ("anything like heat?", "h1"), ("anything like heat!", "h1"), ("something like heat!! 90s pls", "h1"),
    ("anything like 霸王别姬!", "b1"), ("something like 霸王别姬? need a good one", "b1"), ("anything like 霸王别姬。", "b1"),
])
def test_a_mark_after_a_title_is_no_second_title(vocab, text, ref):
    ins = parse(vocab, text)
    assert ins.reference_ids == [ref] and not ins.unknown_titles and not ins.notices


# --------------------------------------------------------------------------- an English paging word in a Chinese frame
@pytest.mark.parametrize("text", ["给我 more", "还有 others 吗？", "再来 some more 吧", "有没有 other ones", "求 more pls",
                                  "还有 something else 吗"])
def test_an_english_paging_word_in_a_chinese_frame_pages_on(vocab, text):
    ins = played(vocab, "想看惊悚片", text)
    assert ins.action == "more" and ins.constraints.include_genres == ["thriller"]


def test_more_with_a_wish_after_it_is_that_wish(vocab):
    ins = played(vocab, "想看惊悚片", "要 more 90s 的")
    assert ins.action == "refine" and (ins.constraints.min_year, ins.constraints.max_year) == (1990, 1999)
