"""English and Chinese turns from the blind dev23 dialogues (voice dictation and phone typing), by class, each
tested with phrasings the dialogues do not use: numbers a dictation engine spells out (years "nineteen sixty
two", decades "the nineteen fifties", lengths "one hundred and ten minutes", scores "eight point five", cards
"number three") and Chinese years said digit by digit ("一九九零年以后"); dictation homophones of a card's number
("number won", "no. to", "number for"), of a count ("show me to comedies") and of "seen" ("we've scene number
three"); phone autocorrect slips of genre words ("horrid", "so fi", "comedic", "thrilled") only where the context
says so ("i'd be thrilled" stays); a score "out of ten" that is no negation of the genre before it; films asked
for politely as "like X" within the request in force ("have u got anything like heat"); a trailing "fyi" after
films named; 份 for 分 in a Chinese score; Chinese words left in 拼音 ("kanguo", "tuijian", "kehuan"); run-ons typed
without commas that say something different of two cards ("seen #2 show me more like #5", "第二部不错第三部不要"). A small
hand-made catalog, no index, no model."""
from __future__ import annotations

import pytest

from catalog.item import Item
from chat import spelling
from chat.instruction import Instruction
from chat.state import DialogueState, record_shown
from tests.parser_kit import parse, say, vocab_fixture

ITEMS = [
    Item(id="fu", title="The Fugitive", year=1993, runtime=130, genres=("action", "thriller")),
    Item(id="he", title="Heat", year=1995, runtime=188, genres=("action", "crime", "thriller")),
    Item(id="al", title="Alien", year=1979, runtime=117, genres=("action", "horror", "sci-fi", "thriller")),
    Item(id="te", title="The Terminator", year=1984, runtime=108, genres=("action", "sci-fi", "thriller")),
    Item(id="sc", title="Scream", year=1996, runtime=111, genres=("horror", "thriller")),
    Item(id="sh", title="The Shining", year=1980, runtime=146, genres=("horror",)),
    Item(id="x1", title="Toy Story", year=1995, runtime=81, genres=("animation", "children's", "comedy")),
    Item(id="x2", title="Babe", year=1995, runtime=89, genres=("children's", "comedy", "drama")),
    Item(id="x3", title="Groundhog Day", year=1993, runtime=101, genres=("comedy", "romance")),
    Item(id="x4", title="Clueless", year=1995, runtime=97, genres=("comedy", "romance")),
    Item(id="x5", title="Tommy Boy", year=1995, runtime=97, genres=("comedy",)),
    Item(id="sm", title="Singin' in the Rain", year=1952, runtime=103, genres=("comedy", "musical", "romance")),
]
SHOWN = ["x1", "x2", "x3", "x4", "x5", "sm"]

vocab = vocab_fixture(ITEMS, "h23-generalise-test")


def listed(vocab, request: str = "comedies") -> DialogueState:
    state, _ = say(vocab, DialogueState(), request)
    return record_shown(state, SHOWN)


def fb(ins: Instruction) -> list[tuple[str, int | None]]:
    return [(f.kind, f.position) for f in ins.feedback]


# --------------------------------------------------------------------------- years said in words
@pytest.mark.parametrize("text, lo, hi", [
    ("anything before nineteen seventy five", None, 1974),
    ("comedies after nineteen ninety", 1991, None),
    ("dramas from the nineteen fifties", 1950, 1959),
    ("westerns from the nineteen hundred and sixties", 1960, 1969),
    ("something from nineteen ninety two or so", 1989, 1995),
    ("nothing older than nineteen eighty please", 1980, None),
    ("thrillers from nineteen sixty two", 1962, None),
    ("um like the nineteen fifties or sixties i guess", 1950, 1969),
    ("comedies from eighty five to ninety five", 1985, 1995),
    ("dramas before eighty five", None, 1984),
    ("thrillers since ninety two", 1992, None),
    ("一九八五年左右的动作片", 1982, 1988),
    ("一九九零年以后的", 1991, None),
    ("一九七零年以前的西部片", None, 1969),
    ("要一九八八年的", 1988, 1988),
])
def test_a_year_said_in_words_is_read(vocab, text, lo, hi):
    c = parse(vocab, text).constraints
    assert (c.min_year, c.max_year) == (lo, hi)


# --------------------------------------------------------------------------- lengths and scores said in words
@pytest.mark.parametrize("text, cap", [
    ("comedies under one hundred and ten minutes", 110),
    ("less than ninety minutes long", 90),
    ("no more than a hundred minutes", 100),
    ("shorter than one hundred twenty minutes", 120),
    ("under an hour and forty five minutes", 105),
    ("something less than two hours long", 120),
    ("comedies under eighty five minutes", 85),
])
def test_a_length_said_in_words_is_a_cap(vocab, text, cap):
    assert parse(vocab, text).constraints.max_runtime == cap


@pytest.mark.parametrize("text, floor", [
    ("rated at least seven out of ten", 7),
    ("eight point five or higher", 8.5),
    ("seven and a half out of ten or better", 7.5),
    ("at least six out of ten on imdb", 6),
    ("评分八份以上的", 8),
    ("评份七份以上的喜剧", 7),
])
def test_a_score_said_in_words_is_a_floor(vocab, text, floor):
    assert parse(vocab, text).constraints.min_rating == floor


@pytest.mark.parametrize("text, genre", [
    ("dramas rated at least seven out of ten", "drama"),
    ("i want a drama rated at least 7 out of 10 thats not longer than two hours", "drama"),
    ("a comedy thats eight out of ten or more", "comedy"),
])
def test_out_of_ten_is_no_negation_of_the_genre(vocab, text, genre):
    c = parse(vocab, text).constraints
    assert genre in c.include_genres and genre not in c.exclude_genres


# --------------------------------------------------------------------------- cards by a spoken number
@pytest.mark.parametrize("text, want", [
    ("number to looks boring", [("dislike", 2)]),
    ("no. three looks bad", [("dislike", 3)]),
    ("number two and number four we've seen", [("dislike", 2), ("dislike", 4)]),
    ("number five looks good give me more like number five", [("more_like", 5)]),
    ("we've scene number three", [("dislike", 3)]),
    ("already scene the second one", [("dislike", 2)]),
])
def test_a_card_said_by_a_spoken_number(vocab, text, want):
    ins = parse(vocab, text, listed(vocab))
    assert ins.action == "feedback"
    assert fb(ins) == want


@pytest.mark.parametrize("text, pos, asks", [
    ("what's number won about", 1, "plot"),
    ("how old is number one", 1, "year"),
    ("how long is number for", 4, "runtime"),
    ("what year is number six", 6, "year"),
])
def test_a_question_on_a_card_said_by_a_spoken_number(vocab, text, pos, asks):
    ins = parse(vocab, text, listed(vocab))
    assert (ins.action, ins.question_position, ins.question) == ("question", pos, asks)


@pytest.mark.parametrize("text, k", [
    ("can you give me for thrillers", 4),
    ("show me to comedies", 2),
    ("recommend me for good horror movies", 4),
    ("looking for comedies", 8),
    ("something for tonight", 8),
])
def test_a_count_said_with_a_homophone(vocab, text, k):
    assert parse(vocab, text).k == k


# --------------------------------------------------------------------------- autocorrect slips of genre words
@pytest.mark.parametrize("text, genre", [
    ("any good horrid movies from the 80s", "horror"),
    ("so fi pls", "sci-fi"),
    ("so-fi films from the 90s", "sci-fi"),
    ("comedic films for tonight", "comedy"),
    ("some thrilled movies", "thriller"),
    ("a psychological thrilled", "thriller"),
])
def test_an_autocorrected_genre_word(vocab, text, genre):
    assert genre in parse(vocab, text).constraints.include_genres


@pytest.mark.parametrize("text", ["i'd be thrilled with anything", "the opening scene was great", "a horrid day, cheer me up",
                                  "my number one pick is toy story"])
def test_the_same_words_elsewhere_stay(text):
    assert spelling.spoken_numbers(text) == text


def test_make_it_thrilled_instead_replaces_the_genre(vocab):
    ins = parse(vocab, "actually make it thrilled instead", listed(vocab))
    assert ins.constraints.include_genres == ["thriller"]


# --------------------------------------------------------------------------- "like X" asked politely
@pytest.mark.parametrize("text, ref", [
    ("have u got anything like the fugitive", "fu"),
    ("do you have something similar to heat", "he"),
    ("any more like alien?", "al"),
    ("got anything similar to heat", "he"),
    ("you got anything like the terminator", "te"),
    ("is there anything like heat", "he"),
    ("are there any more like alien", "al"),
])
def test_films_like_one_asked_politely_keep_the_request(vocab, text, ref):
    ins = parse(vocab, text, listed(vocab))
    assert ins.action == "refine"
    assert ins.constraints.include_genres == ["comedy"]
    assert ref in ins.reference_ids


# --------------------------------------------------------------------------- films named, then "fyi"
@pytest.mark.parametrize("text, ids", [
    ("loved alien and the terminator fyi", {"al", "te"}),
    ("seen heat and the fugitive fyi", {"he", "fu"}),
    ("hated scream fyi", {"sc"}),
])
def test_fyi_after_films_named(vocab, text, ids):
    ins = parse(vocab, text, listed(vocab))
    assert ins.action == "seen"
    assert {m.item_id for m in ins.mentions} == ids


# --------------------------------------------------------------------------- Chinese words left in 拼音
@pytest.mark.parametrize("text, pos", [
    ("第二部kanguo了", 2),
    ("第三个kanguole", 3),
    ("第一部meikanguo 不过不想看", 1),
])
def test_seen_in_pinyin(vocab, text, pos):
    ins = parse(vocab, text, listed(vocab))
    assert ins.action == "feedback"
    assert fb(ins) == [("dislike", pos)]


@pytest.mark.parametrize("text, genre", [
    ("tuijian几部恐怖片", "horror"),
    ("有没有好看的kehuan片", "sci-fi"),
    ("来几部xiju", "comedy"),
    ("想看dongzuopian", "action"),
])
def test_a_genre_in_pinyin(vocab, text, genre):
    assert genre in parse(vocab, text).constraints.include_genres


@pytest.mark.parametrize("text", ["toy story那种的", "pass 换一批", "来点sci-fi"])
def test_english_inside_chinese_is_no_pinyin(text):
    assert spelling.zh_pinyin(text) == text


# --------------------------------------------------------------------------- run-ons: two cards, two verdicts, no comma
@pytest.mark.parametrize("text, want", [
    ("i've seen the second one show me more like the third one", [("dislike", 2), ("more_like", 3)]),
    ("number two looks boring number four looks good", [("dislike", 2), ("like", 4)]),
    ("seen #2 show me more like #5", [("dislike", 2), ("more_like", 5)]),
    ("#1 is boring #3 is great", [("dislike", 1), ("like", 3)]),
    ("the first one looks great i've seen the fourth one", [("like", 1), ("dislike", 4)]),
    ("skip the first one more like the last one", [("dislike", 1), ("more_like", 6)]),
    ("第二部不错第三部不要", [("like", 2), ("dislike", 3)]),
    ("第一个看过了第四个不错", [("dislike", 1), ("like", 4)]),
])
def test_a_run_on_with_two_verdicts(vocab, text, want):
    ins = parse(vocab, text, listed(vocab))
    assert ins.action == "feedback"
    assert fb(ins) == want


@pytest.mark.parametrize("text, want", [
    ("number two and number four we've seen", [("dislike", 2), ("dislike", 4)]),
    ("第一部和第三部都看过了", [("dislike", 1), ("dislike", 3)]),
    ("number two looks good give me more like number two", [("more_like", 2)]),
])
def test_cards_named_together_keep_one_verdict(vocab, text, want):
    assert fb(parse(vocab, text, listed(vocab))) == want


def test_a_card_corrected_with_not_is_asked_about(vocab):
    ins = parse(vocab, "how long is the second one not the third one", listed(vocab))
    assert (ins.action, ins.question_position, ins.question, ins.feedback) == ("question", 2, "runtime", [])


@pytest.mark.parametrize("text, pos", [("is there violence in #2", 2), ("is there a lot of swearing in the 3rd one", 3)])
def test_is_there_about_a_card_is_still_a_question(vocab, text, pos):
    ins = parse(vocab, text, listed(vocab))
    assert (ins.action, ins.question_position) == ("question", pos)
