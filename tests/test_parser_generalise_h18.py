"""English and Chinese turns from the blind dev18 set (genres said as sub-genres, numbers said many ways), by
class, each tested with phrasings the dialogues do not use: a kind of film no catalog genre names (chick flick,
cop movie, monster movie, pirate film, spoof) as a leaning, a year said loosely ("circa 1985", "1990-ish",
"八五年前后"), a year of the user's life ("before I was born in 1980", "我88年出生的，要我出生之前的"), the very
best of a kind and stars out of five ("greatest westerns of all time", "four stars or better", "三星半以上"), a
length or a score named beside the words that relax it ("longer is fine, up to 95", "七分打底"), a follow-up
after a request that found nothing, a request that starts afresh ("change of plan: westerns", "换个口味"),
and a card taken after a word of praise ("完美 就选第三个"). A small hand-made catalog, no index, no model."""
from __future__ import annotations

import pytest

from catalog.item import Item
from chat.state import DialogueState, apply_resolved, record_shown
from tests.parser_kit import parse, say, vocab_fixture

ITEMS = [
    Item(id="r1", title="Sleepless in Seattle", year=1993, runtime=105, genres=("comedy", "romance")),
    Item(id="r2", title="Pretty Woman", year=1990, runtime=119, genres=("comedy", "romance")),
    Item(id="c1", title="Heat", year=1995, runtime=170, genres=("action", "crime", "thriller")),
    Item(id="c2", title="Lethal Weapon", year=1987, runtime=110, genres=("action", "comedy", "crime")),
    Item(id="h1", title="Them!", year=1954, runtime=94, genres=("horror", "sci-fi")),
    Item(id="h2", title="Scream", year=1996, runtime=111, genres=("horror", "thriller")),
    Item(id="a1", title="Captain Blood", year=1935, runtime=119, genres=("action", "adventure", "romance")),
    Item(id="d1", title="Gandhi", year=1982, runtime=188, genres=("drama",)),
    Item(id="w1", title="High Noon", year=1952, runtime=85, genres=("western",)),
    Item(id="w2", title="Glory", year=1989, runtime=122, genres=("action", "drama", "war")),
    Item(id="m1", title="The Maltese Falcon", year=1941, runtime=101, genres=("film-noir", "mystery")),
    Item(id="s1", title="Star Wars", year=1977, runtime=125, genres=("action", "adventure", "sci-fi")),
    Item(id="k1", title="Toy Story", year=1995, runtime=81, genres=("animation", "children's", "comedy")),
    Item(id="u1", title="Hoop Dreams", year=1994, runtime=170, genres=("documentary",)),
    Item(id="x1", title="Singin' in the Rain", year=1952, runtime=103, genres=("musical", "romance")),
]
SHOWN = ["r1", "r2", "c1", "c2", "h1", "h2"]


vocab = vocab_fixture(ITEMS, "h18-generalise-test")


def listed(vocab, request: str = "some comedies from the 90s") -> DialogueState:
    state, _ = say(vocab, DialogueState(), request)
    return record_shown(state, SHOWN)


# --------------------------------------------------------------------------- a kind of film no genre names
@pytest.mark.parametrize("text, genre", [
    ("any good chick flicks for a girls night in?", "romance"), ("got a decent chick movie?", "romance"),
    ("想看小妞电影", "romance"),
    ("a buddy cop flick please", "crime"), ("police procedurals, the grittier the better", "crime"), ("来部警察片", "crime"),
    ("creature features are my thing", "horror"), ("a giant monster movie for tonight", "sci-fi"), ("有没有怪兽片", "horror"),
    ("pirate movies!", "adventure"), ("some swashbucklers maybe", "adventure"), ("海盗片有吗", "adventure"),
    ("a good spoof", "comedy"), ("any mockumentaries?", "comedy"),
    ("an underdog sports story", "drama"), ("a boxing movie", "drama"), ("来部体育片", "drama"),
    ("samurai films", "action"), ("武士片", "action"), ("a concert film", "documentary"), ("演唱会电影", "musical"),
])
def test_a_kind_of_film_without_a_genre_leans_to_its_genres(vocab, text, genre):
    ins = parse(vocab, text)
    assert ins.action == "new" and genre in ins.intention.genres
    assert genre not in ins.constraints.exclude_genres


# --------------------------------------------------------------------------- a sub-genre named is its genre
@pytest.mark.parametrize("text, genre", [
    ("a neo-noir", "film-noir"), ("cyberpunk stuff", "sci-fi"), ("something dystopian", "sci-fi"),
    ("post-apocalyptic movies", "sci-fi"), ("an alien invasion flick", "sci-fi"), ("赛博朋克的片子", "sci-fi"),
    ("反乌托邦电影", "sci-fi"), ("slapstick please", "comedy"), ("a screwball thing from the 30s", "comedy"),
])
def test_a_sub_genre_named_asks_for_its_genre(vocab, text, genre):
    assert genre in parse(vocab, text).constraints.include_genres


# --------------------------------------------------------------------------- a year said loosely
@pytest.mark.parametrize("text, year", [
    ("comedies circa 1985", 1985), ("westerns from around '65", 1965), ("1990-ish thrillers", 1990),
    ("dramas from 1992 or so", 1992), ("roughly 1978, something with action", 1978),
    ("1990年左右的喜剧", 1990), ("八五年前后的动作片", 1985), ("九二年上下的爱情片", 1992), ("88年左右的恐怖片", 1988),
    ("dramas from 1977 give or take a few years", 1977),
])
def test_a_year_said_loosely_is_a_few_years_either_side(vocab, text, year):
    c = parse(vocab, text).constraints
    assert c.min_year is not None and c.max_year is not None
    assert c.min_year <= year - 2 and c.max_year >= year + 2 and c.max_year - c.min_year <= 10


def test_a_year_said_loosely_replaces_the_period_in_force(vocab):
    state = listed(vocab, "sci-fi from the mid-90s")
    ins = parse(vocab, "hmm maybe from around 1980 instead", state)
    assert ins.action == "refine" and ins.constraints.min_year <= 1978 and 1982 <= ins.constraints.max_year <= 1985


def test_how_about_a_year_is_no_loose_year(vocab):
    c = parse(vocab, "westerns, how about 1952").constraints
    assert c.min_year is None or c.min_year >= 1950


# --------------------------------------------------------------------------- a year of the user's life
@pytest.mark.parametrize("text, lo, hi", [
    ("dramas from before I was born in 1980", None, 1979), ("stuff from before my parents met in '75", None, 1974),
    ("comedies made since I finished school in 1991", 1991, None), ("action films after we moved here in 1985", 1986, None),
    ("我88年出生的，要我出生之前的动作片", None, 1987), ("我是1990年生的 想看我出生以后的喜剧", 1991, None),
    ("westerns made before my dad was born (1950)", None, 1949), ("something from the year I was born, 1977", 1977, 1977),
])
def test_a_year_of_ones_life_is_where_the_period_starts_or_ends(vocab, text, lo, hi):
    c = parse(vocab, text).constraints
    assert (c.min_year, c.max_year) == (lo, hi)


# --------------------------------------------------------------------------- the very best, stars out of five
@pytest.mark.parametrize("text", [
    "the greatest westerns of all time", "best war films ever made", "all-time classic comedies? the all-time greats",
    "史上最好看的喜剧", "影史经典的战争片", "公认的神片有哪些",
])
def test_the_very_best_of_a_kind_asks_for_a_high_rating(vocab, text):
    assert (parse(vocab, text).constraints.min_rating or 0) >= 7


@pytest.mark.parametrize("text, genre", [("the best sci-fi ever made", "sci-fi"), ("greatest war movies of all time", "war"),
                                         ("史上最好看的喜剧", "comedy")])
def test_the_very_best_keeps_the_genre_named_inside(vocab, text, genre):
    assert parse(vocab, text).constraints.include_genres == [genre]


@pytest.mark.parametrize("text, rating", [
    ("dramas, 3.5 stars and up", 7.0), ("four stars or better please", 8.0), ("4+ stars only", 8.0),
    ("at least three stars", 6.0), ("四星以上的喜剧", 8.0), ("三星半以上", 7.0), ("4颗星及以上的", 8.0),
])
def test_stars_are_out_of_five(vocab, text, rating):
    assert parse(vocab, text).constraints.min_rating == rating


@pytest.mark.parametrize("text, rating", [
    ("rated at least seven", 7.0), ("imdb seven and a half or above", 7.5), ("eight out of ten or better", 8.0),
    ("评分不低于7分半", 7.5), ("评分在8分左右", 7.5), ("rated around 8", 7.5),
])
def test_a_score_in_words_or_said_loosely(vocab, text, rating):
    assert parse(vocab, text).constraints.min_rating == rating


@pytest.mark.parametrize("text", ["高评分的喜剧", "评分很高的那种", "口碑很好的战争片"])
def test_a_high_score_said_in_chinese(vocab, text):
    assert (parse(vocab, text).constraints.min_rating or 0) >= 7


@pytest.mark.parametrize("text, lo, hi", [("九十年代前后的喜剧", 1987, 2002), ("八十年代左右的动作片", 1977, 1992)])
def test_a_decade_said_loosely_in_chinese(vocab, text, lo, hi):
    c = parse(vocab, text).constraints
    assert (c.min_year, c.max_year) == (lo, hi)


def test_a_score_out_of_ten_is_no_star(vocab):
    assert parse(vocab, "rated 7 or higher").constraints.min_rating == 7.0


# --------------------------------------------------------------------------- a number beside the words that relax it
@pytest.mark.parametrize("text, cap", [
    ("longer is fine, up to 95", 95), ("ok they can be a bit longer, say 100", 100), ("any length really... well max 110", 110),
    ("长一点也行，最多一百分钟", 100), ("时长放宽点 一个小时四十分钟以内", 100),
])
def test_a_length_named_beside_a_relaxing_is_the_new_cap(vocab, text, cap):
    state = listed(vocab, "a cartoon for my kid, nothing over 80 minutes")
    ins = parse(vocab, text, state)
    assert ins.action == "refine"
    assert apply_resolved(state, ins).constraints.max_runtime == cap


@pytest.mark.parametrize("text, rating", [("七分就够", 7.0), ("评分放宽 七分打底", 7.0), ("六分半起步吧", 6.5),
                                          ("评分低点也没关系 7分就够", 7.0)])
def test_a_score_said_enough_is_the_new_floor(vocab, text, rating):
    state = listed(vocab, "评分八分以上的爱情片")
    ins = parse(vocab, text, state)
    assert ins.action == "refine" and apply_resolved(state, ins).constraints.min_rating == rating
    assert apply_resolved(state, ins).constraints.include_genres == ["romance"]


# --------------------------------------------------------------------------- a follow-up after nothing was found
@pytest.mark.parametrize("text", ["and nothing over 2 hours", "ok any length then", "fine, make it under 3 hours",
                                  "那时长不限吧", "评分七分以上"])
def test_a_follow_up_after_an_empty_list_keeps_the_request(vocab, text):
    state, _ = say(vocab, DialogueState(), "westerns from 1990 to 1995")  # no film shown: none matches
    ins = parse(vocab, text, state)
    assert ins.action == "refine"
    assert apply_resolved(state, ins).constraints.include_genres == ["western"]


# --------------------------------------------------------------------------- a request that starts afresh
@pytest.mark.parametrize("text", ["change of plan: westerns", "new idea - how about some musicals", "ok plan b, a documentary",
                                  "something completely different: a cartoon", "换个口味，来几部喜剧", "计划有变 看恐怖片吧"])
def test_a_request_that_starts_afresh_is_new(vocab, text):
    state = listed(vocab, "film noir from the 40s, under 2 hours")
    ins = parse(vocab, text, state)
    assert ins.action == "new"
    c = apply_resolved(state, ins).constraints
    assert c.min_year is None and c.max_runtime is None and "film-noir" not in c.include_genres


def test_a_fresh_start_with_only_a_limit_refines(vocab):
    state = listed(vocab, "film noir from the 40s")
    ins = parse(vocab, "change of plan, shorter ones", state)
    assert ins.action == "refine" and apply_resolved(state, ins).constraints.include_genres == ["film-noir"]


# --------------------------------------------------------------------------- a card taken after praise
@pytest.mark.parametrize("text", ["不错 就看第二个了", "完美 就选第三个吧 谢谢", "太棒了 就第一部吧", "很好 决定看第四个了"])
def test_a_card_taken_after_a_word_of_praise_is_small_talk(vocab, text):
    ins = parse(vocab, text, listed(vocab))
    assert ins.action == "smalltalk" and not ins.feedback


# --------------------------------------------------------------------------- a part of a decade as a limit
@pytest.mark.parametrize("text, lo, hi", [
    ("nothing before the late seventies", 1976, None), ("comedies after the early 90s", 1994, None),
    ("older than the mid-80s please", None, 1982), ("westerns from before the late 60s", None, 1965),
    ("nothing after the early nineties", None, 1993), ("since the mid 80s", 1983, None),
])
def test_a_part_of_a_decade_is_where_the_period_starts_or_ends(vocab, text, lo, hi):
    c = parse(vocab, text).constraints
    assert (c.min_year, c.max_year) == (lo, hi)


# --------------------------------------------------------------------------- a length in words, or as a range
@pytest.mark.parametrize("text, cap", [
    ("dramas no longer than an hour forty", 100), ("two hours fifteen max", 135), ("under an hour and twenty minutes", 80),
    ("between 85 and 95 minutes", 95), ("90-100 mins is ideal", 100), ("1.5 to 2 hours", 120),
    ("no more than an hour and three quarters", 105), ("under an hour and a quarter", 75),
    ("90到100分钟的喜剧", 100), ("一个半到两个小时的", 120),
])
def test_a_length_in_words_or_as_a_range_caps_the_runtime(vocab, text, cap):
    assert parse(vocab, text).constraints.max_runtime == cap


def test_a_range_of_years_is_no_length(vocab):
    c = parse(vocab, "dramas between 1985 and 1995").constraints
    assert (c.min_year, c.max_year, c.max_runtime) == (1985, 1995, None)


# --------------------------------------------------------------------------- a number moved a step
@pytest.mark.parametrize("text", ["年代往后挪挪", "再往后推推", "往后移一点"])
def test_a_period_moved_later_in_chinese(vocab, text):
    state = listed(vocab, "八十年代的喜剧")
    c = apply_resolved(state, parse(vocab, text, state)).constraints
    assert c.min_year is not None and c.min_year >= 1985 and c.include_genres == ["comedy"]


@pytest.mark.parametrize("text", ["lower the bar a little", "ease the threshold a notch", "drop the minimum a tad"])
def test_the_bar_lowered_is_the_rating_in_force(vocab, text):
    state = listed(vocab, "comedies rated 8 or higher")
    c = apply_resolved(state, parse(vocab, text, state)).constraints
    assert c.min_rating is not None and 6 <= c.min_rating < 8 and c.include_genres == ["comedy"]


# --------------------------------------------------------------------------- how well rated, said plainly
@pytest.mark.parametrize("text, lo, hi", [
    ("horror from the 80s with decent ratings", 6, 7), ("reasonably rated comedies", 6, 7), ("评分还行的喜剧", 6, 7),
    ("评分别太低的战争片", 6, 7), ("comedies with good reviews", 7, 8), ("dramas with great ratings", 7, 8),
    ("找几部爱情片 豆瓣7.5以上", 7.5, 7.5), ("imdb 8分起", 8, 8),
])
def test_how_well_rated_said_plainly(vocab, text, lo, hi):
    r = parse(vocab, text).constraints.min_rating
    assert r is not None and lo <= r <= hi


def test_a_great_score_is_music_not_a_rating(vocab):
    assert parse(vocab, "a western with a great score").constraints.min_rating is None


# --------------------------------------------------------------------------- several age ratings, all ages
@pytest.mark.parametrize("text, mpaa", [
    ("PG or PG-13 only", ["PG", "PG-13"]), ("rated G or PG", ["G", "PG"]), ("G/PG please", ["G", "PG"]),
    ("PG movies", ["PG"]), ("something for all ages", ["G", "PG"]), ("全年龄向的动画", ["G", "PG"]),
])
def test_age_ratings_named_together_are_all_allowed(vocab, text, mpaa):
    assert parse(vocab, text).constraints.mpaa == mpaa


# --------------------------------------------------------------------------- a range of years said short
@pytest.mark.parametrize("text, lo, hi", [
    ("dramas from 85 to 95", 1985, 1995), ("thrillers '85 to '95", 1985, 1995), ("between '72 and '79", 1972, 1979),
    ("westerns, 1950 through 1965", 1950, 1965), ("comedies 1990 to 1995", 1990, 1995),
    ("九零到九五年的喜剧", 1990, 1995), ("八五年到九五年之间", 1985, 1995), ("90-95年的", 1990, 1995),
])
def test_a_range_of_years_said_short(vocab, text, lo, hi):
    c = parse(vocab, text).constraints
    assert (c.min_year, c.max_year) == (lo, hi)


@pytest.mark.parametrize("text", ["something for kids from 8 to 12", "ages 10 to 12"])
def test_ages_are_no_range_of_years(vocab, text):
    c = parse(vocab, text).constraints
    assert c.min_year is None and c.max_year is None


@pytest.mark.parametrize("text", ["rated between 7 and 8", "imdb 7-8"])
def test_a_range_of_scores_is_a_floor_not_an_age(vocab, text):
    ins = parse(vocab, text)
    assert ins.constraints.min_rating == 7.0 and "family" not in ins.intention.moods


# --------------------------------------------------------------------------- from a part of one decade to another, in Chinese
@pytest.mark.parametrize("text, lo, hi", [
    ("八十年代到九十年代初的", 1980, 1993), ("七十年代末到八十年代中期", 1977, 1986), ("九十年代初到中期", 1990, 1996),
    ("1980年代到1990年代初", 1980, 1993), ("80年代到90年代", 1980, 1999),
])
def test_from_part_of_a_decade_to_another_in_chinese(vocab, text, lo, hi):
    c = parse(vocab, text).constraints
    assert (c.min_year, c.max_year) == (lo, hi)


# --------------------------------------------------------------------------- a follow-up that moves a number said bare
@pytest.mark.parametrize("request_, text, key, value", [
    ("comedies, 4 stars or more", "bump it to 4.5 stars", "min_rating", 9.0),
    ("comedies rated 7 or higher", "three and a half stars is fine", "min_rating", 7.0),
    ("dramas under 2 hours", "no wait, 2 and a half is fine", "max_runtime", 150),
    ("dramas under 2 hours", "make it two and a half", "max_runtime", 150),
])
def test_a_number_moved_in_a_follow_up(vocab, request_, text, key, value):
    state = listed(vocab, request_)
    ins = parse(vocab, text, state)
    assert ins.action == "refine" and getattr(apply_resolved(state, ins).constraints, key) == value
