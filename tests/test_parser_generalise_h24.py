"""English and Chinese turns from the blind dev24 dialogues (people who describe their taste rather than ask
for one thing), by class, each tested with phrasings the dialogues do not use: a dislike said softly, as a
taste, steers away from a genre rather than ruling it out ("not a big fan of romance", "westerns kinda bore
me", "动作片不太感冒", "我不太喜欢歌舞片"); a dislike said after the genre with an adverb between ("恐怖片绝对不看",
"鬼片一律不要", "战争片从来不看", "喜剧也不行"); a genre said not to be for the user ("musicals aren't for
me"); old films allowed but not asked for ("老一点的也没关系", "older stuff is fine too"); and "the older the
better" said in Chinese ("越老越好"); a period inside a taste told ("我喜欢八十年代的惊悚片"); a dislike taken back
("其实爱情片也还行", "i've warmed up to musicals"); an open ask on the taste told ("surprise me", "冷门一点的"). A small hand-made catalog, no index, no model."""
from __future__ import annotations

import pytest

from catalog.item import Item
from chat.state import DialogueState, apply_resolved, record_shown, record_turn
from tests.parser_kit import parse, vocab_fixture

ITEMS = [
    Item(id="g1", title="The Godfather", year=1972, runtime=175, genres=("crime", "drama")),
    Item(id="al", title="Alien", year=1979, runtime=117, genres=("horror", "sci-fi")),
    Item(id="x1", title="Toy Story", year=1995, runtime=81, genres=("animation", "children's", "comedy")),
    Item(id="x3", title="Groundhog Day", year=1993, runtime=101, genres=("comedy", "romance")),
    Item(id="sm", title="Singin' in the Rain", year=1952, runtime=103, genres=("comedy", "musical", "romance")),
    Item(id="pl", title="Platoon", year=1986, runtime=120, genres=("drama", "war")),
    Item(id="hn", title="High Noon", year=1952, runtime=85, genres=("western",)),
    Item(id="ad", title="Raiders of the Lost Ark", year=1981, runtime=115, genres=("action", "adventure")),
]

SHOWN = ["g1", "x1", "x3", "pl", "hn", "ad"]

vocab = vocab_fixture(ITEMS, "h24-generalise-test")


@pytest.mark.parametrize("text, genre", [
    ("not a big fan of romance though", "romance"),
    ("i'm not really into animation", "animation"),
    ("not big on musicals tho", "musical"),
    ("i don't really care for westerns", "western"),
    ("westerns kinda bore me", "western"),
    ("comedies mostly bore me", "comedy"),
    ("我不太喜欢歌舞片", "musical"),
    ("打打杀杀的动作片不太感冒", "action"),
    ("动画片也不太喜欢", "animation"),
    ("战争片我不怎么爱看", "war"),
    ("爱情片一般般", "romance"),
])
def test_a_soft_dislike_steers_away_without_ruling_out(vocab, text, genre):
    i = parse(vocab, text)
    assert genre in i.intention.avoid
    assert genre not in i.constraints.exclude_genres and genre not in i.constraints.include_genres


@pytest.mark.parametrize("text, genre", [
    ("恐怖片绝对不看", "horror"),
    ("恐怖片一律不要", "horror"),
    ("战争片从来不看", "war"),
    ("西部片坚决不要", "western"),
    ("喜剧也不行", "comedy"),
    ("歌舞片我是真的受不了", "musical"),
    ("musicals aren't for me", "musical"),
    ("westerns just aren't my thing", "western"),
    ("i really can't stand action movies", "action"),
])
def test_a_strong_dislike_after_or_before_the_genre_rules_it_out(vocab, text, genre):
    c = parse(vocab, text).constraints
    assert genre in c.exclude_genres and genre not in c.include_genres


@pytest.mark.parametrize("text", ["喜欢剧情片，老一点的也没关系", "老片也行", "老片也看", "older stuff is fine too", "老电影也可以"])
def test_old_films_allowed_are_not_asked_for(vocab, text):
    c = parse(vocab, text).constraints
    assert c.max_year is None and c.min_year is None


@pytest.mark.parametrize("text", ["我是西部片迷，越老越好", "big westerns fan, the older the better", "越早越好"])
def test_the_older_the_better_asks_for_old_films(vocab, text):
    c = parse(vocab, text).constraints
    assert c.max_year is not None and c.max_year <= 1989 and c.min_year is None


def test_a_soft_and_a_hard_dislike_in_one_taste(vocab):
    i = parse(vocab, "i'm a sucker for comedies. not a big fan of romance though, and no horror, never")
    assert "romance" in i.intention.avoid and "horror" in i.constraints.exclude_genres
    assert "romance" not in i.constraints.exclude_genres


def _after(vocab, first: str, then: str):
    """The reading of `then` after `first` as the pipeline plays them (recorded, read, merged), and the state after it."""
    state = DialogueState()
    for text in (first, then):
        state = record_turn(state, "user", text)
        ins = parse(vocab, text, state)
        state = record_shown(apply_resolved(state, ins), SHOWN)  # a list is shown after each turn
    return ins, state


@pytest.mark.parametrize("first, then, genre", [
    ("i love comedies, not a big fan of romance though", "ok actually romance is fine now", "romance"),
    ("i love comedies, not a big fan of romance though", "i've come around on romance", "romance"),
    ("sci fi mostly, i'm not really into horror", "i've warmed up to horror lately", "horror"),
    ("我爱看悬疑片，不太喜欢爱情片", "其实爱情片也还行", "romance"),
    ("我爱看喜剧，动作片不太感冒", "最近口味变了，动作片其实也可以", "action"),
    ("我平时看科幻多，不太喜欢恐怖片", "恐怖片现在也能接受", "horror"),
])
def test_a_soft_dislike_taken_back_is_no_longer_avoided(vocab, first, then, genre):
    i2, state = _after(vocab, first, then)
    assert i2.action == "refine" and f"allow:{genre}" in i2.relax
    assert genre not in state.instruction.intention.avoid


@pytest.mark.parametrize("first, then, genre", [
    ("no musicals ever, i like comedies", "ok i've warmed up to musicals, they're fine now", "musical"),
    ("喜欢喜剧，恐怖片受不了", "其实恐怖片也还行", "horror"),
    ("comedies please, i can't stand westerns", "i don't mind westerns actually", "western"),
])
def test_a_hard_dislike_taken_back_is_lifted(vocab, first, then, genre):
    _i2, state = _after(vocab, first, then)
    assert genre not in state.constraints.exclude_genres and genre not in state.constraints.include_genres


@pytest.mark.parametrize("text, lo, hi", [
    ("我喜欢八十年代的惊悚片", 1980, 1989),
    ("我最爱看九十年代的喜剧", 1990, 1999),
    ("i love 80s thrillers", 1980, 1989),
    ("we really like 70s crime films", 1970, 1979),
])
def test_a_period_inside_a_taste_told_is_read(vocab, text, lo, hi):
    c = parse(vocab, text).constraints
    assert (c.min_year, c.max_year) == (lo, hi)


def _comedies_shown(vocab):
    state = DialogueState()
    state = record_turn(state, "user", "comedies please")
    return record_shown(apply_resolved(state, parse(vocab, "comedies please", state)), SHOWN)


@pytest.mark.parametrize("text", ["surprise me", "ok surprise me"])
def test_an_open_ask_on_the_taste_told_pages_on(vocab, text):
    assert parse(vocab, text, _comedies_shown(vocab)).action == "more"


@pytest.mark.parametrize("text", ["something i probably haven't heard of", "any lesser known ones?", "got any hidden gems?",
                                  "surprise me. something i've never heard of", "有没有冷门一点的", "来点我可能没听说过的",
                                  "小众一点的呢"])
def test_an_ask_for_films_less_known_is_a_refinement_with_that_mood(vocab, text):
    got = parse(vocab, text, _comedies_shown(vocab))
    assert got.action == "refine" and "lesser-known" in got.intention.moods
