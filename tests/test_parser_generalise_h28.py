"""English and Chinese turns from the blind dev28 dialogues (limits said in unusual ways, and changed later), by
class, each tested with phrasings the dialogues do not use: a limit set against a film named by title ("shorter
than titanic", "比《大白鲨》老的") takes the film's length or year and leaves the film no reference; a floor on
the length ("not too short", "至少一个半小时", "两个小时以上") sets no cap; a range in mixed units ("between 90
minutes and 2 hours", "九十分钟到两个小时") caps at its longer end; a limit moved to a value ("放宽到两个半小时")
or widened to a period ("放宽到九十年代初", "extend it to the early 90s") keeps the rest; a birth year told after
the wish ("before i was born, i'm from 1985", "我出生之前的 我八五年的") bounds the period; a shown card's length
is a cap ("比第一部短的", "和第二部差不多长的"); a score said acceptable ("7 or so is fine too") moves the floor.
A small hand-made catalog, no index, no model."""
from __future__ import annotations

import pytest

from catalog.item import Item
from tests.parser_kit import parse, say_each, vocab_fixture

ITEMS = [
    Item(id="ti", title="Titanic", year=1997, runtime=194, genres=("action", "drama", "romance"),
         metadata={"aliases": "泰坦尼克号"}),
    Item(id="sw", title="Star Wars", year=1977, runtime=125, genres=("action", "adventure", "sci-fi"),
         metadata={"aliases": "星球大战"}),
    Item(id="ja", title="Jaws", year=1975, runtime=130, genres=("action", "horror"),
         metadata={"aliases": "大白鲨"}),
    Item(id="ra", title="Raiders of the Lost Ark", year=1981, runtime=115, genres=("action", "adventure")),
    Item(id="pf", title="Pulp Fiction", year=1994, runtime=168, genres=("crime", "drama"),
         metadata={"aliases": "低俗小说"}),
    Item(id="jp", title="Jurassic Park", year=1993, runtime=127, genres=("action", "adventure", "sci-fi")),
    Item(id="gd", title="Groundhog Day", year=1993, runtime=101, genres=("comedy", "romance")),
    Item(id="al", title="Alien", year=1979, runtime=117, genres=("horror", "sci-fi")),
    Item(id="co", title="Contact", year=1997, runtime=153, genres=("drama", "sci-fi")),
    Item(id="pl", title="Platoon", year=1986, runtime=120, genres=("drama", "war")),
]

SHOWN = ["al", "co", "jp", "pl", "gd", "ra"]

vocab = vocab_fixture(ITEMS, "h28-generalise-test")


def _play(vocab, *said: str):
    state, ins = say_each(vocab, SHOWN, *said)
    return ins, state


@pytest.mark.parametrize("text, key, value", [
    ("thrillers shorter than titanic", "max_runtime", 193),
    ("any dramas that are shorter than Titanic?", "max_runtime", 193),
    ("not longer than pulp fiction pls", "max_runtime", 168),
    ("something shorter than the movie jurassic park", "max_runtime", 126),
    ("比《泰坦尼克号》短的动作片", "max_runtime", 193),
    ("要比低俗小说还短一点的", "max_runtime", 167),
    ("war films older than star wars", "max_year", 1976),
    ("anything earlier than jaws?", "max_year", 1974),
    ("比《大白鲨》老的恐怖片", "max_year", 1974),
    ("adventure movies newer than raiders of the lost ark", "min_year", 1982),
    ("something more recent than Jaws", "min_year", 1976),
    ("有没有比星球大战新的科幻片", "min_year", 1978),
])
def test_a_limit_against_a_named_film_takes_its_length_or_year(vocab, text, key, value):
    ins = parse(vocab, text)
    assert getattr(ins.constraints, key) == value
    assert ins.reference_ids == [] and not ins.mentions


def test_a_film_named_as_a_bound_lifts_the_period_in_force(vocab):
    _ins, state = _play(vocab, "horror from the 90s", "actually older than jaws")
    assert state.constraints.max_year == 1974 and state.constraints.min_year is None


@pytest.mark.parametrize("text", [
    "a thriller thats not too short",
    "nothing too short please, a drama",
    "a drama, at least 90 minutes",
    "war movie, no shorter than 2 hours",
    "at least two hours, i want an epic",
    "来部剧情片，至少一个半小时的",
    "不要太短的剧情片",
    "两个小时以上的战争片",
    "起码九十分钟的剧情片",
])
def test_a_floor_on_the_length_sets_no_cap(vocab, text):
    assert parse(vocab, text).constraints.max_runtime is None


@pytest.mark.parametrize("text, cap", [
    ("comedy between 90 minutes and 2 hours", 120),
    ("something 90 mins to 2 hrs long", 120),
    ("a drama, between 100 minutes and two and a half hours", 150),
    ("九十分钟到两个小时的喜剧", 120),
    ("100分钟到两个半小时的都行", 150),
])
def test_a_range_in_mixed_units_caps_at_its_longer_end(vocab, text, cap):
    assert parse(vocab, text).constraints.max_runtime == cap


@pytest.mark.parametrize("then, cap", [
    ("有点少 放宽到两个半小时", 150),
    ("时长改成一百五十分钟吧", 150),
    ("延长到三个小时", 180),
])
def test_a_length_moved_to_a_value_is_the_new_cap(vocab, then, cap):
    ins, state = _play(vocab, "推荐几部战争片，两个小时以内", then)
    assert ins.action == "refine" and state.constraints.max_runtime == cap
    assert state.constraints.include_genres == ["war"]


@pytest.mark.parametrize("then", ["时长再放宽点", "时长可以放宽一些", "hmm a bit longer is fine", "a little longer is ok"])
def test_a_length_loosened_a_step_keeps_a_cap(vocab, then):
    _ins, state = _play(vocab, "comedies, nothing over 100 minutes", then)
    assert state.constraints.max_runtime is not None and 100 < state.constraints.max_runtime <= 130


@pytest.mark.parametrize("first, then, lo, hi", [
    ("八十年代中后期的动作片", "放宽到九十年代初吧", 1984, 1993),
    ("八十年代的喜剧", "扩大到九十年代", 1980, 1999),
    ("80s comedies", "extend it to the early 90s", 1980, 1993),
    ("comedies from the 80s", "widen it to the mid 90s", 1980, 1996),
])
def test_a_period_widened_to_another_keeps_its_start(vocab, first, then, lo, hi):
    _ins, state = _play(vocab, first, then)
    assert state.constraints.min_year == lo and state.constraints.max_year == hi


@pytest.mark.parametrize("text, lo, hi", [
    ("anything from before i was born, i'm from 1985. sci fi", None, 1984),
    ("stuff from before i was born pls, im from 1979", None, 1978),
    ("something after i was born, born in '88", 1989, None),
    ("有没有我出生之前的喜剧 我八五年的", None, 1984),
    ("要我出生以后的动作片 我是1990年生的", 1991, None),
    ("我出生以前的片子 我是七九年的", None, 1978),
])
def test_a_birth_year_told_after_the_wish_bounds_the_period(vocab, text, lo, hi):
    c = parse(vocab, text).constraints
    assert (c.min_year, c.max_year) == (lo, hi)


def test_a_birth_year_told_after_keeps_the_genre_between(vocab):
    assert parse(vocab, "有没有我出生之前的喜剧 我八五年的").constraints.include_genres == ["comedy"]


@pytest.mark.parametrize("then, lo, hi", [
    ("比第一部短的", 100, 116),
    ("要比2号短一点的", 120, 152),
    ("和第二部差不多长的", 153, 163),
    ("跟第三个一样长就行", 127, 137),
    ("时长和第一部差不多的", 117, 127),
])
def test_a_shown_cards_length_is_a_cap(vocab, then, lo, hi):
    """Just under the card's length when shorter is asked, a little over it when as long is."""
    ins, state = _play(vocab, "来几部科幻片", then)
    assert ins.action == "refine" and lo <= state.constraints.max_runtime <= hi


@pytest.mark.parametrize("then, floor", [
    ("hmm 7 or so is fine too", 7.0),
    ("a 6.5 is ok", 6.5),
    ("7ish would be fine", 7.0),
    ("ok 6 is fine", 6.0),
])
def test_a_score_said_acceptable_moves_the_floor(vocab, then, floor):
    _ins, state = _play(vocab, "dramas from the 90s, rated at least 8", then)
    assert state.constraints.min_rating == floor


def test_a_number_said_fine_with_no_rating_in_force_is_no_score(vocab):
    _ins, state = _play(vocab, "dramas from the 90s", "7 is fine")
    assert state.constraints.min_rating is None


@pytest.mark.parametrize("text, lo, hi", [
    ("horror pre-85 pls", None, 1984),
    ("sci fi before 85", None, 1984),
    ("comedies after 90", 1991, None),
    ("anything prior to 75?", None, 1974),
])
def test_a_bare_two_digit_year_after_a_bound_word_is_a_year(vocab, text, lo, hi):
    c = parse(vocab, text).constraints
    assert (c.min_year, c.max_year) == (lo, hi)


@pytest.mark.parametrize("text", ["dramas, before 10 pm", "comedies after 90 minutes of this"])
def test_a_time_or_a_length_after_a_bound_word_is_no_year(vocab, text):
    c = parse(vocab, text).constraints
    assert (c.min_year, c.max_year) == (None, None)


@pytest.mark.parametrize("then", [
    "hmm no, the first lot was better",
    "the original batch was way better",
    "eh the first list was nicer",
])
def test_the_first_list_said_better_goes_back_to_it(vocab, then):
    ins, state = _play(vocab, "sci fi before 1985", "even older", then)
    assert ins.action != "question" and state.constraints.max_year == 1984
    assert state.constraints.include_genres == ["sci-fi"]


def test_a_length_widened_in_a_message_that_names_a_period_replaces_the_period(vocab):
    _ins, state = _play(vocab, "八十年代的战争片，两个小时以内", "放宽到两个半小时，要九十年代的")
    assert state.constraints.max_runtime == 150
    assert (state.constraints.min_year, state.constraints.max_year) == (1990, 1999)
