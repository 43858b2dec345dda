"""English and Chinese turns from the blind dev36 dialogues (running time and age limits as people say them and
change them), by class, each tested with phrasings the dialogues do not use: an age rating refused after it is
named (限制级的不要, R级的就算了, 成人级的片子一律不看, "R rated stuff is out", "R is a no") and a ceiling said in Chinese (PG-13级以下, 最多PG-13级);
paging asked for as "more of them" (多给几部, 多推荐几个); the time there is said in hours and minutes ("i have an
hour and 45 before bed"), as a time something else happens ("has to end before my train in 2 hours", "the kids go
to bed in an hour and a half", 两个小时后要出门) or as an hour and some (一个钟头多一点, 一小时出头, "just over an
hour", "an hour and a bit"), each a cap on the length; a limit taken away ("length is no issue now", 时长的限制去掉吧)
keeps the request; a shorter length said loosely ("shorter, like 90") is the cap, no card; a card not to be outrun
("not as long as #2", "nothing longer than #1", 别比第二部长) caps the length at or just under its own.
A small hand-made catalog, no index, no model."""
from __future__ import annotations

import pytest

from catalog.item import Item
from tests.parser_kit import parse, say_each, vocab_fixture

ITEMS = [
    Item(id="ts", title="Toy Story", year=1995, runtime=81, genres=("animation", "children's", "comedy"), mpaa="G"),
    Item(id="gd", title="Groundhog Day", year=1993, runtime=101, genres=("comedy", "romance"), mpaa="PG"),
    Item(id="ss", title="Sleepless in Seattle", year=1993, runtime=105, genres=("comedy", "romance"), mpaa="PG"),
    Item(id="dh", title="Die Hard", year=1988, runtime=131, genres=("action", "thriller"), mpaa="R"),
    Item(id="sp", title="Speed", year=1994, runtime=116, genres=("action", "romance", "thriller"), mpaa="R"),
    Item(id="fu", title="The Fugitive", year=1993, runtime=130, genres=("action", "thriller"), mpaa="PG-13"),
    Item(id="ja", title="Jumanji", year=1995, runtime=104, genres=("adventure", "children's", "fantasy"), mpaa="PG"),
]

SHOWN = ["gd", "ss", "ts", "ja", "fu"]

vocab = vocab_fixture(ITEMS, "h37-generalise-test")


@pytest.mark.parametrize("text", [
    "推荐几部动作片 限制级的不要",
    "R级的不要",
    "r级的片子就免了",
    "限制级的片子一律不看",
    "喜剧 限制级的就算了",
    "成人级的不要了",
    "限制级除外 来几部惊悚片",
    "R rated stuff is out",
    "R is a no",
    "anything R is off the table",
    "R films are a no-go, comedies pls",
])
def test_an_age_rating_refused_after_it_is_named(vocab, text):
    assert parse(vocab, text).constraints.mpaa == ["G", "PG", "PG-13"]


@pytest.mark.parametrize("text, ratings", [
    ("PG-13级以下的", ["G", "PG", "PG-13"]),
    ("最多pg-13级", ["G", "PG", "PG-13"]),
    ("顶多PG级的喜剧", ["G", "PG"]),
    ("PG级及以下的", ["G", "PG"]),
    ("pg-13级", ["PG-13"]),
    ("R级的", ["R"]),
    ("要限制级的", ["R", "NC-17"]),
])
def test_an_age_rating_ceiling_said_in_chinese(vocab, text, ratings):
    assert parse(vocab, text).constraints.mpaa == ratings


@pytest.mark.parametrize("text", ["限制级也行", "R级也行", "R is fine"])
def test_an_age_rating_allowed_sets_no_limit(vocab, text):
    assert parse(vocab, text).constraints.mpaa == []


@pytest.mark.parametrize("then", ["多给几部", "再多给几部", "多推荐几个", "多找几部看看", "多给我几部吧"])
def test_more_of_them_is_paging(vocab, then):
    state, ins = say_each(vocab, SHOWN, "来部爱情片", then)
    assert ins.action == "more"
    assert state.constraints.include_genres == ["romance"]


def test_more_of_a_genre_named_is_a_new_request(vocab):
    _, ins = say_each(vocab, SHOWN, "来部爱情片", "多给几部喜剧")
    assert ins.action != "more"
    assert ins.constraints.include_genres == ["comedy"]


@pytest.mark.parametrize("text, cap", [
    ("i have an hour and 45 before bed. any good thrillers?", 105),
    ("i've got 1h30, what's good", 90),
    ("we have 2 hours and 15 minutes tonight", 135),
    ("got an hour and 20 mins for a comedy", 80),
])
def test_the_time_there_is_in_hours_and_minutes_is_a_cap(vocab, text, cap):
    assert parse(vocab, text).constraints.max_runtime == cap


@pytest.mark.parametrize("text, cap", [
    ("sci fi pls, has to end before my train in 2 hours", 120),
    ("the kids go to bed in an hour and a half, something fun", 90),
    ("my shift starts in 90 minutes, something quick", 90),
    ("we're heading out in 2 hrs, a comedy?", 120),
    ("need it to be done in about two hours, leaving for the airport", 120),
    ("两个小时后要出门 推荐个喜剧", 120),
    ("一个半小时以后就得睡了 来部动画片", 90),
    ("九十分钟后得去接孩子 有啥短的", 90),
])
def test_a_time_something_else_happens_is_a_cap(vocab, text, cap):
    assert parse(vocab, text).constraints.max_runtime == cap


@pytest.mark.parametrize("text", ["a movie about a train", "i finished it in 2 hours", "a comedy set on a train"])
def test_a_train_or_a_time_with_no_deadline_sets_no_cap(vocab, text):
    assert parse(vocab, text).constraints.max_runtime is None


@pytest.mark.parametrize("text", [
    "今晚只有一个钟头多一点 想给孩子找个动画片",
    "一小时出头的动画片",
    "一个小时多点的喜剧",
    "just over an hour, a comedy",
    "a little more than an hour tonight, any comedies?",
    "we've got an hour and a bit",
])
def test_an_hour_and_some_is_a_cap_of_an_hour_and_a_half(vocab, text):
    assert parse(vocab, text).constraints.max_runtime == 90


@pytest.mark.parametrize("text, ratings", [("最多PG-13", ["G", "PG", "PG-13"]), ("顶多pg的", ["G", "PG"])])
def test_an_age_rating_ceiling_said_before_it_in_chinese(vocab, text, ratings):
    assert parse(vocab, text).constraints.mpaa == ratings


@pytest.mark.parametrize("then, lifted", [
    ("length is no issue now", "max_runtime"),
    ("runtime's no object", "max_runtime"),
    ("时长的限制去掉吧", "max_runtime"),
    ("把时长限制去掉", "max_runtime"),
    ("取消时长限制", "max_runtime"),
    ("年代的要求拿掉", "min_year"),
    ("the decade is no concern", "min_year"),
])
def test_a_limit_taken_away_keeps_the_request(vocab, then, lifted):
    state, ins = say_each(vocab, SHOWN, "九十年代的喜剧 两小时以内", then)
    assert ins.action == "refine"
    assert state.constraints.include_genres == ["comedy"]
    assert getattr(state.constraints, lifted) is None


@pytest.mark.parametrize("then, cap", [
    ("shorter, like 90", 90),
    ("make them shorter, more like 100", 100),
    ("hmm closer to 95", 95),
    ("quick one, under 90", 90),
    ("a quick one before bed", 100),
])
def test_a_shorter_length_said_loosely_is_the_cap_and_no_card(vocab, then, cap):
    state, ins = say_each(vocab, SHOWN, "comedies under 2 hours", then)
    assert ins.action == "refine"
    assert state.constraints.max_runtime == cap
    assert state.constraints.include_genres == ["comedy"]


# SHOWN runs 101 (gd), 105 (ss), 81 (ts), 104 (ja), 130 (fu) minutes.
@pytest.mark.parametrize("then, cap", [
    ("not as long as #2", 104),
    ("nothing longer than #1", 101),
    ("no longer than the 5th one", 130),
    ("别比第二部长", 105),
    ("不要比第五个还长", 130),
    ("不能比第一部长", 101),
])
def test_a_card_named_as_not_to_be_outrun_caps_the_length(vocab, then, cap):
    state, ins = say_each(vocab, SHOWN, "comedies", then)
    assert ins.action == "refine"
    assert state.constraints.max_runtime == cap
    assert state.constraints.include_genres == ["comedy"]


@pytest.mark.parametrize("text, cap", [
    ("about an hour and 40 min, a comedy", 100),
    ("around 1h45 tonight", 105),
    ("roughly an hour and a half", 90),
    ("about 2 hours", 120),
])
def test_hours_and_minutes_said_loosely(vocab, text, cap):
    assert parse(vocab, text).constraints.max_runtime == cap


@pytest.mark.parametrize("text, rating", [
    ("action from the 80s or 90s, 7+, under 2h, nothing R", 7.0),
    ("comedies, 6+ only", 6.0),
    ("something 8+ from the 90s", 8.0),
    ("for ages 7+", None),
    ("my kid is 8, something 7+", None),
    ("give me 7+ films", None),
])
def test_a_bare_whole_score_with_a_plus_is_a_rating_floor(vocab, text, rating):
    assert parse(vocab, text).constraints.min_rating == rating


@pytest.mark.parametrize("text, ratings", [
    ("nothing harsher than PG-13", ["G", "PG", "PG-13"]),
    ("no stronger than PG", ["G", "PG"]),
    ("a comedy, nothing racier than pg-13 pls", ["G", "PG", "PG-13"]),
])
def test_an_age_rating_ceiling_said_as_nothing_harsher(vocab, text, ratings):
    assert parse(vocab, text).constraints.mpaa == ratings


@pytest.mark.parametrize("then", ["可以稍微长一点", "能再长一点吗", "再长一点", "略微长一些", "a little longer"])
def test_a_step_longer_lets_the_cap_out_a_little(vocab, then):
    state, ins = say_each(vocab, SHOWN, "喜剧 两小时以内", then)
    assert ins.action == "refine"
    assert state.constraints.max_runtime is not None and 120 < state.constraints.max_runtime <= 150
    assert state.constraints.include_genres == ["comedy"]
