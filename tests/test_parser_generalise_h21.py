"""English and Chinese turns from the blind dev21 dialogues (the practical limits people set, said indirectly,
and who is watching), by class, each tested with phrasings the dialogues do not use: a length cap said as how
long the watcher lasts ("he nods off after two hours") or as a time slot ("on my lunch break", "午休看"), hours
left unsaid ("under two"), a length said of the films wanted ("两个小时的电影就行"), more time than before
("we've got the whole afternoon", "时间充裕了"), a wish for good films said by who praised them ("movies the
critics adored", "公认的经典"), quality let go ("bad movies are fine", "难看点也没事"), no swearing for a family
audience, a negated decade ("nothing before the 90s"), "can't handle" as a negation, viewers counted in Chinese
("给两个初中生看的") that are no count of films, and old films said "老的X片". A small hand-made catalog, no index,
no model."""
from __future__ import annotations

import pytest

from catalog.item import Item
from chat import lexicon as L
from chat.state import DialogueState, record_shown
from chat.text import zh_number
from tests.parser_kit import parse, say, vocab_fixture

ITEMS = [
    Item(id="g1", title="The Godfather", year=1972, runtime=175, genres=("crime", "drama")),
    Item(id="al", title="Alien", year=1979, runtime=117, genres=("horror", "sci-fi")),
    Item(id="sc", title="Scream", year=1996, runtime=111, genres=("horror", "thriller")),
    Item(id="x1", title="Toy Story", year=1995, runtime=81, genres=("animation", "children's", "comedy")),
    Item(id="x2", title="Babe", year=1995, runtime=89, genres=("children's", "comedy", "drama")),
    Item(id="x3", title="Groundhog Day", year=1993, runtime=101, genres=("comedy", "romance")),
    Item(id="x4", title="Clueless", year=1995, runtime=97, genres=("comedy", "romance")),
    Item(id="x5", title="Tommy Boy", year=1995, runtime=97, genres=("comedy",)),
    Item(id="sm", title="Singin' in the Rain", year=1952, runtime=103, genres=("comedy", "musical", "romance")),
    Item(id="pl", title="Platoon", year=1986, runtime=120, genres=("drama", "war")),
    Item(id="ol", title="Casablanca", year=1942, runtime=102, genres=("drama", "romance", "war")),
]
SHOWN = ["x1", "x2", "x3", "x4", "x5", "sm"]

vocab = vocab_fixture(ITEMS, "h21-generalise-test")


def listed(vocab, request: str = "comedies") -> DialogueState:
    state, _ = say(vocab, DialogueState(), request)
    return record_shown(state, SHOWN)


# --------------------------------------------------------------------------- how long the watcher lasts
@pytest.mark.parametrize("text, cap", [
    ("he falls asleep after about an hour and a half", 90),
    ("she won't sit through more than 90 minutes", 90),
    ("my dad nods off after two hours", 120),
    ("the kids get restless after an hour and a half", 90),
    ("he can't sit still for more than 100 minutes", 100),
    ("they zone out after a couple of hours", 120),
    ("i lose focus after 2 hours tbh", 120),
    ("grandma dozes off after like 80 minutes", 80),
])
def test_how_long_the_watcher_lasts_is_a_length_cap(vocab, text, cap):
    ins = parse(vocab, text, listed(vocab))
    assert ins.action == "refine"
    assert ins.constraints.max_runtime == cap


# --------------------------------------------------------------------------- a time slot, the time one gets
@pytest.mark.parametrize("text, cap", [
    ("something i can watch on my lunch break", 60),
    ("a comedy for my lunch hour", 60),
    ("i get 45 minutes for lunch, anything that short?", 45),
    ("we get about 2 hours tonight", 120),
    ("午休的时候看 来个短的", 60),
    ("吃午饭的时候看点啥", 60),
])
def test_a_time_slot_is_a_length_cap(vocab, text, cap):
    assert parse(vocab, text).constraints.max_runtime == cap


# --------------------------------------------------------------------------- hours left unsaid
@pytest.mark.parametrize("text, cap", [
    ("a thriller for tonight, under two", 120),
    ("nothing over three please", 180),
    ("a comedy, no more than 2 tho", 120),
    ("need a drama, under 2.5 hrs", 150),
])
def test_a_cap_in_hours_with_the_word_unsaid(vocab, text, cap):
    assert parse(vocab, text).constraints.max_runtime == cap


@pytest.mark.parametrize("text", ["something for kids under 2", "nothing rated under 3"])
def test_a_small_number_that_is_no_length(vocab, text):
    assert parse(vocab, text).constraints.max_runtime is None


# --------------------------------------------------------------------------- a length said of the films wanted (zh)
@pytest.mark.parametrize("text, cap", [
    ("一个多小时的动作片有吗", 90),
    ("两个小时的电影就行", 120),
    ("有没有一个半小时的喜剧片", 90),
    ("来部两个钟头的片子", 120),
])
def test_a_length_said_of_the_films_wanted(vocab, text, cap):
    assert parse(vocab, text).constraints.max_runtime == cap


def test_a_length_called_too_long_is_no_cap_of_that_length(vocab):
    assert parse(vocab, "两个小时的片太长了", listed(vocab)).constraints.max_runtime != 120


# --------------------------------------------------------------------------- more time than before
@pytest.mark.parametrize("text", [
    "oh we have more time now", "we've got the whole afternoon actually", "no rush, we're free all evening",
    "time's not an issue anymore", "we have plenty of time now", "时间充裕了", "明天放假 时间无所谓了", "有的是时间",
    "不赶时间了",
])
def test_more_time_lifts_the_length_cap(vocab, text):
    state = listed(vocab, "comedies under 90 minutes")
    state, ins = say(vocab, state, text)
    assert ins.action == "refine"
    assert state.constraints.max_runtime is None
    assert state.constraints.include_genres == ["comedy"]


# --------------------------------------------------------------------------- praise by who gave it
@pytest.mark.parametrize("text", [
    "a comedy the critics adored", "stuff critics loved", "only the classics everyone agrees on",
    "something universally loved", "a drama loved by critics", "口碑特别好的喜剧", "公认的经典", "影评人都说好的片子",
    "口碑不错的爱情片",
])
def test_praise_said_by_who_gave_it_is_a_high_floor(vocab, text):
    rating = parse(vocab, text).constraints.min_rating
    assert rating is not None and 7 <= rating <= 8


def test_agreeing_on_a_genre_is_no_rating(vocab):
    assert parse(vocab, "we all agreed on a comedy").constraints.min_rating is None


# --------------------------------------------------------------------------- quality let go
@pytest.mark.parametrize("text", [
    "doesn't have to be good, just fun", "i don't care if it's good", "bad movies are fine lol",
    "so bad it's good stuff", "烂片也行 图一乐", "难看点也没事", "不用多好看 开心就行", "好不好看无所谓",
])
def test_quality_let_go_lifts_the_rating_floor(vocab, text):
    state = listed(vocab, "highly rated comedies")
    assert state.constraints.min_rating is not None
    state, ins = say(vocab, state, text)
    assert ins.action == "refine"
    assert state.constraints.min_rating is None
    assert state.constraints.include_genres == ["comedy"]


# --------------------------------------------------------------------------- no swearing
@pytest.mark.parametrize("text", [
    "kids around so nothing with swearing", "no bad language please", "a comedy without cursing",
    "nothing with too much swearing, my mum is here", "不要有脏话", "别有脏话 孩子在旁边",
])
def test_no_swearing_asks_for_family_ratings(vocab, text):
    assert parse(vocab, text).constraints.mpaa == ["G", "PG"]


# --------------------------------------------------------------------------- a negated decade
@pytest.mark.parametrize("text, lo, hi", [
    ("nothing older than the 80s", 1980, None),
    ("nothing before the 90s tho", 1990, None),
    ("no films after the 70s", None, 1979),
    ("not before the 1980s", 1980, None),
    ("before the 80s", None, 1979),
    ("after the 80s", 1990, None),
])
def test_a_negated_decade_limit(vocab, text, lo, hi):
    c = parse(vocab, text, listed(vocab)).constraints
    assert (c.min_year, c.max_year) == (lo, hi)


# --------------------------------------------------------------------------- "can't handle" negates
@pytest.mark.parametrize("text, genre", [
    ("she can't do anything scary", "horror"), ("he can't handle horror", "horror"),
    ("i cannot take war films", "war"), ("my mum can't deal with horror movies", "horror"),
])
def test_cannot_handle_turns_a_genre_away(vocab, text, genre):
    ins = parse(vocab, text, listed(vocab))
    assert genre not in ins.constraints.include_genres
    assert genre in ins.constraints.exclude_genres or genre in ins.intention.avoid


# --------------------------------------------------------------------------- viewers counted (zh)
@pytest.mark.parametrize("text", ["给两个初中生看的 别太长", "两个老人一起看", "三个孩子在家 找部动画片", "给两个小朋友看"])
def test_viewers_counted_are_no_count_of_films(vocab, text):
    assert parse(vocab, text).k == L.K_DEFAULT


@pytest.mark.parametrize("text, k", [("推荐两个", 2), ("来三个喜剧", 3), ("三个孩子一起看 推荐五部", 5)])
def test_a_count_of_films_is_still_read(vocab, text, k):
    assert parse(vocab, text).k == k


def test_two_ages_run_together_read_no_number():
    assert zh_number("十三一") is None
    assert zh_number("十三") == 13 and zh_number("九零") == 90


def test_two_ages_run_together_do_not_break_the_reading(vocab):
    assert parse(vocab, "给孩子看 一个十三一个十五").k == L.K_DEFAULT


# --------------------------------------------------------------------------- old films said 老的X片
@pytest.mark.parametrize("text", ["想看点老的歌舞片", "来部老的战争片", "有没有老的爱情电影"])
def test_old_said_of_the_films_wanted(vocab, text):
    c = parse(vocab, text).constraints
    assert c.max_year is not None and c.max_year <= 1989


# --------------------------------------------------------------------------- the young audience gone
@pytest.mark.parametrize("text", [
    "ok the kids went to bed", "kids are asleep now", "adults only night now", "the little ones are finally in bed",
    "just me and my wife now", "孩子睡了", "娃终于睡着了", "就剩大人了",
])
def test_the_young_audience_gone_lifts_the_family_limit(vocab, text):
    state = listed(vocab, "a comedy for movie night with the kids, family friendly")
    assert state.constraints.mpaa == ["G", "PG"] and "family" in state.instruction.intention.moods
    state, ins = say(vocab, state, text)
    assert ins.action == "refine"
    assert state.constraints.mpaa == []
    assert "family" not in state.instruction.intention.moods
    assert "children's" not in state.instruction.intention.genres
    assert state.constraints.include_genres == ["comedy"]


def test_the_kids_said_without_leaving_keep_the_limit(vocab):
    state = listed(vocab, "a comedy for movie night with the kids, family friendly")
    state, _ = say(vocab, state, "the kids loved toy story")
    assert state.constraints.mpaa == ["G", "PG"]


# --------------------------------------------------------------------------- old films turned down
@pytest.mark.parametrize("text", ["she hates old stuff", "i can't stand old movies", "no old films please", "不要老片",
                                  "别给我老电影"])
def test_old_films_turned_down_read_as_not_too_old(vocab, text):
    c = parse(vocab, text, listed(vocab)).constraints
    assert c.max_year is None and c.min_year is not None and 1970 <= c.min_year <= 1990


@pytest.mark.parametrize("text", ["i don't mind older ones", "she doesn't mind old films"])
def test_old_films_not_minded_set_no_ceiling(vocab, text):
    assert parse(vocab, text, listed(vocab)).constraints.max_year is None


@pytest.mark.parametrize("text", ["能不能更早一点", "想看老片", "older ones"])
def test_old_films_still_asked_for(vocab, text):
    assert parse(vocab, text, listed(vocab)).constraints.max_year is not None


# --------------------------------------------------------------------------- a cap said as what runs past it
@pytest.mark.parametrize("text, cap", [
    ("nothing that goes past 2 hours", 120), ("a drama, nothing that runs over 100 minutes", 100),
    ("nothing that lasts longer than an hour and a half", 90), ("a thriller, none that go over 110 mins", 110),
])
def test_a_cap_said_as_what_runs_past_it(vocab, text, cap):
    assert parse(vocab, text).constraints.max_runtime == cap


@pytest.mark.parametrize("text", ["nothing rated under 7", "under 50", "nothing over 8", "under 1980", "ideally under 90"])
def test_a_number_that_is_no_minutes(vocab, text):
    assert parse(vocab, text).constraints.max_runtime is None


# --------------------------------------------------------------------------- awards, must-sees, films that are actually good
@pytest.mark.parametrize("text", [
    "a film that won awards", "oscar winners only", "award-winning dramas", "something everyone raves about",
    "movies that are actually good", "a must see", "评价好一点的", "获过奖的电影",
])
def test_awards_and_must_sees_are_a_high_floor(vocab, text):
    rating = parse(vocab, text).constraints.min_rating
    assert rating is not None and 7 <= rating <= 8


@pytest.mark.parametrize("text", ["my friend won an award for his film lol",
                                  "everyone raves about Groundhog Day but i found it meh", "有什么必看的经典老片吗"])
def test_praise_of_a_named_film_or_in_passing_is_no_rating(vocab, text):
    assert parse(vocab, text).constraints.min_rating is None


@pytest.mark.parametrize("text", ["honestly any old junk is fine", "b-movies are fine", "rubbish is ok tonight"])
def test_junk_allowed_lifts_the_floor_and_sets_no_year(vocab, text):
    state = listed(vocab, "highly rated comedies")
    state, _ = say(vocab, state, text)
    assert state.constraints.min_rating is None and state.constraints.max_year is None


@pytest.mark.parametrize("text", ["全家人一起看", "一家子一起看个电影"])
def test_the_whole_family_in_other_words_leans_to_childrens_films(vocab, text):
    assert "family" in parse(vocab, text).intention.moods
