"""English turns from the blind dev16 set (referring back in the middle of a conversation), by class, each
tested with phrasings the dialogues do not use: a card picked out by what it is (its year, its decade, its
genre, the oldest or longest of the list), a run of cards counted from the end ("the bottom three", 最后两部),
"both of those" after two questions, "those" after a run of cards, a one-word ask for another batch ("go
again"), two letters typed the wrong way round ("waht", "othres"), a verdict after a reason ("way too slow.
pass"), a slip taken back ("i meant westerns, not comedies", "70s not 80s", "never said horror"), a bare
number restated under a length cap in force, an earlier genre said to be better ("the comedies were
better"), and praise for the assistant ("ur hilarious"). A small hand-made catalog, no index, no model."""
from __future__ import annotations

import pytest

from catalog.filters import Filters
from catalog.item import Item
from chat.instruction import Instruction
from chat.state import DialogueState, record_shown
from tests.parser_kit import parse, say, vocab_fixture

ITEMS = [
    Item(id="c1", title="Some Like It Hot", year=1959, runtime=121, genres=("comedy", "romance")),
    Item(id="c2", title="Toy Story", year=1995, runtime=81, genres=("animation", "children's", "comedy")),
    Item(id="c3", title="Groundhog Day", year=1993, runtime=101, genres=("comedy", "romance")),
    Item(id="c4", title="The Blues Brothers", year=1980, runtime=148, genres=("action", "comedy", "musical")),
    Item(id="c5", title="Clueless", year=1995, runtime=97, genres=("comedy", "romance")),
    Item(id="c6", title="Tootsie", year=1982, runtime=116, genres=("comedy", "romance")),
    Item(id="w1", title="Unforgiven", year=1992, runtime=131, genres=("western",)),
    Item(id="a1", title="Speed", year=1994, runtime=116, genres=("action", "romance", "thriller")),
    Item(id="h1", title="Scream", year=1996, runtime=111, genres=("horror", "thriller")),
    Item(id="t1", title="The Fugitive", year=1993, runtime=130, genres=("action", "thriller")),
]
SHOWN = ["c1", "c2", "c3", "c4", "c5", "c6"]


vocab = vocab_fixture(ITEMS, "h16-generalise-test")


def listed(vocab, request: str = "some comedies please", shown=SHOWN) -> DialogueState:
    state, _ = say(vocab, DialogueState(), request)
    return record_shown(state, list(shown))


def reactions(ins: Instruction) -> list[tuple[str, int]]:
    return [(f.kind, f.position) for f in ins.feedback]


# --------------------------------------------------------------------------- a card picked out by what it is
@pytest.mark.parametrize("text, pos", [
    ("the one from 1993, is it any good?", 3),     # its year
    ("the 1982 one, how long is it", 6),
    ("the one from the 50s, what's it about", 1),  # its decade
    ("what year is the cartoon one", 2),           # its genre
    ("the musical one, is it long?", 4),
    ("the oldest one, who's in it?", 1),           # the extreme of a fact
    ("how long is the longest one exactly", 4),
    ("the black and white one, is it any good", 1),
])
def test_a_card_picked_out_by_what_it_is_is_asked_about(vocab, text, pos):
    ins = parse(vocab, text, listed(vocab))
    assert ins.action == "question" and ins.question_position == pos


@pytest.mark.parametrize("text, want", [
    ("the animated one looks cute, more like it", [("like", 2), ("more_like", 2)]),
    ("the shortest one, skip it", [("dislike", 2)]),
    ("the one from 1980 is not for me", [("dislike", 4)]),
    ("loved the 1959 one", [("like", 1)]),
])
def test_a_card_picked_out_by_what_it_is_gets_the_verdict(vocab, text, want):
    ins = parse(vocab, text, listed(vocab))
    assert ins.action == "feedback" and sorted(reactions(ins)) == sorted(want)


@pytest.mark.parametrize("text", ["the one from 1995, is it any good?",   # two cards from 1995
                                  "the romantic one, is it any good?"])   # four romances
def test_a_description_two_cards_fit_names_no_card(vocab, text):
    ins = parse(vocab, text, listed(vocab))
    assert ins.question_position is None and not ins.feedback


# --------------------------------------------------------------------------- a run counted from the end
@pytest.mark.parametrize("text, kind, positions", [
    ("the bottom three, seen them", "dislike", [4, 5, 6]),
    ("the final 2 look fun", "like", [5, 6]),
    ("last two are not for me", "dislike", [5, 6]),
    ("最后两部看过了", "dislike", [5, 6]),
])
def test_a_run_of_cards_from_the_end(vocab, text, kind, positions):
    ins = parse(vocab, text, listed(vocab))
    assert ins.action == "feedback" and reactions(ins) == [(kind, p) for p in positions]


def test_the_last_two_decades_are_no_cards(vocab):
    ins = parse(vocab, "anything from the last two decades", listed(vocab))
    assert not ins.feedback


# --------------------------------------------------------------------------- "both of those", "those"
@pytest.mark.parametrize("first, second, verdict, want", [
    ("how long is #1", "and #3?", "both of those sound great", [("like", 1), ("like", 3)]),
    ("what year is the second one", "what about the fifth", "seen both of them already", [("dislike", 2), ("dislike", 5)]),
    ("is the 4th any good", "and the 6th", "both look fun, more like them",
     [("like", 4), ("like", 6), ("more_like", 4), ("more_like", 6)]),
])
def test_both_after_two_questions_is_the_two_cards_asked_about(vocab, first, second, verdict, want):
    state = listed(vocab)
    state, _ = say(vocab, state, first)
    state, _ = say(vocab, state, second)
    _, ins = say(vocab, state, verdict)
    assert ins.action == "feedback" and sorted(reactions(ins)) == sorted(want)


def test_both_with_no_questions_before_names_no_card(vocab):
    ins = parse(vocab, "both of those look good", listed(vocab))
    assert not ins.feedback


@pytest.mark.parametrize("text, want", [
    ("the top two look good, more like those", [1, 2]),
    ("the last 3 are great, similar to them please", [4, 5, 6]),
    ("the first three, more of those", [1, 2, 3]),
])
def test_those_after_a_run_of_cards_is_every_card_of_it(vocab, text, want):
    ins = parse(vocab, text, listed(vocab))
    assert sorted(f.position for f in ins.feedback if f.kind == "more_like") == want


# --------------------------------------------------------------------------- a one-word ask for another batch
@pytest.mark.parametrize("text", ["go again", "once more pls", "ok again", "same again please", "one more time"])
def test_again_pages_on(vocab, text):
    ins = parse(vocab, text, listed(vocab))
    assert ins.action == "more"


def test_again_inside_a_request_is_no_paging(vocab):
    assert parse(vocab, "show me westerns again", listed(vocab)).action != "more"


# --------------------------------------------------------------------------- two letters swapped
@pytest.mark.parametrize("text, action", [("othres pls", "more"), ("waht is the 2nd about", "question"),
                                          ("not taht one", "feedback")])
def test_two_letters_swapped_in_an_everyday_word(vocab, text, action):
    state, _ = say(vocab, listed(vocab), "is the 2nd any good")
    assert parse(vocab, text, state).action == action


# --------------------------------------------------------------------------- a verdict after a reason
@pytest.mark.parametrize("text", ["way too slow. pass", "too long for me, skip it", "too old for us honestly. not for me",
                                  "kinda too violent tbh. pass on it"])
def test_a_verdict_after_a_reason_is_about_the_card_asked_about(vocab, text):
    state, _ = say(vocab, listed(vocab), "is the 4th one any good")
    ins = parse(vocab, text, state)
    assert ins.action == "feedback" and reactions(ins) == [("dislike", 4)]


# --------------------------------------------------------------------------- a slip taken back
@pytest.mark.parametrize("text, genres", [
    ("sorry i meant westerns, not comedies", ["western"]),
    ("oops, thrillers rather than comedies", ["thriller"]),
    ("horror instead of comedy, my bad", ["horror"]),
])
def test_a_genre_said_back_as_a_slip_is_replaced_not_ruled_out(vocab, text, genres):
    state = listed(vocab, "comedies from the 80s")
    ins = parse(vocab, text, state)
    assert ins.action == "refine" and ins.constraints.include_genres == genres
    assert "comedy" not in ins.constraints.exclude_genres
    assert (ins.constraints.min_year, ins.constraints.max_year) == (1980, 1989)  # the rest kept


@pytest.mark.parametrize("text, years", [("70s not 80s", (1970, 1979)), ("i meant the 90s, not the 80s", (1990, 1999)),
                                         ("sorry, 60s rather than 80s", (1960, 1969))])
def test_a_decade_said_back_as_a_slip_is_replaced(vocab, text, years):
    ins = parse(vocab, text, listed(vocab, "comedies from the 80s"))
    assert (ins.constraints.min_year, ins.constraints.max_year) == years and ins.constraints.include_genres == ["comedy"]


@pytest.mark.parametrize("text", ["wait, i never said horror", "i didn't mean horror, just thrillers",
                                  "we weren't asking for horror lol"])
def test_a_genre_taken_back_is_dropped_the_rest_kept(vocab, text):
    ins = parse(vocab, text, listed(vocab, "horror thrillers from the 90s"))
    assert ins.constraints.include_genres == ["thriller"] and "horror" not in ins.constraints.exclude_genres
    assert ins.constraints.min_year == 1990


def test_a_plain_not_still_rules_a_genre_out(vocab):
    ins = parse(vocab, "comedies, not horror", listed(vocab))
    assert "horror" in ins.constraints.exclude_genres


# --------------------------------------------------------------------------- a bare number under a length cap
@pytest.mark.parametrize("text, cap", [("i meant under 100, sorry", 100), ("make it less than 110", 110),
                                       ("no more than 95 then", 95)])
def test_a_bare_number_restates_the_length_cap_in_force(vocab, text, cap):
    state = listed(vocab, "comedies under 90 min")
    ins = parse(vocab, text, state)
    assert ins.action == "refine" and ins.constraints.max_runtime == cap


def test_a_bare_number_with_no_length_in_force_is_no_length(vocab):
    ins = parse(vocab, "under 100", listed(vocab))
    assert ins.constraints.max_runtime is None


# --------------------------------------------------------------------------- an earlier genre said to be better
@pytest.mark.parametrize("text", ["nah the comedies were better", "forget that, the comedy ones were way better",
                                  "hmm the funny ones were better tbh"])
def test_an_earlier_genre_said_to_be_better_comes_back_the_rest_kept(vocab, text):
    state = listed(vocab, "comedies from the 90s under 2 hours")
    state, _ = say(vocab, state, "actually make it westerns")
    state = record_shown(state, ["w1"])
    ins = parse(vocab, text, state)
    assert ins.action == "refine" and ins.constraints.include_genres == ["comedy"]


def test_forget_that_alone_still_starts_over(vocab):
    assert parse(vocab, "forget that", listed(vocab)).action == "reset"


# --------------------------------------------------------------------------- praise for the assistant
@pytest.mark.parametrize("text", ["ur hilarious", "haha you're so funny", "you are such a legend lol", "youre sweet"])
def test_praise_for_the_assistant_is_small_talk(vocab, text):
    ins = parse(vocab, text, listed(vocab, "westerns"))
    assert ins.action == "smalltalk" and "comedy" not in ins.constraints.include_genres + ins.intention.genres


def test_funny_films_are_still_comedies(vocab):
    assert parse(vocab, "something funny please").constraints.include_genres == ["comedy"] or \
        "comedy" in parse(vocab, "something funny please").intention.genres


# --------------------------------------------------------------------------- a shown card judged by how it looks
@pytest.mark.parametrize("text, pos", [("groundhog day? not my thing", 3), ("tootsie looks awful", 6),
                                       ("clueless, nah not for me", 5)])
def test_a_card_named_by_title_and_judged_by_its_look_is_feedback(vocab, text, pos):
    ins = parse(vocab, text, listed(vocab))
    assert ins.action == "feedback" and reactions(ins) == [("dislike", pos)] and not ins.mentions


@pytest.mark.parametrize("text", ["hated groundhog day", "groundhog day was awful", "seen groundhog day, not my thing"])
def test_a_card_named_with_a_sign_of_having_watched_it_is_a_film_seen(vocab, text):
    ins = parse(vocab, text, listed(vocab))
    assert ins.action == "seen" and [m.item_id for m in ins.mentions] == ["c3"]


# --------------------------------------------------------------------------- liked, but too long: similar and shorter
@pytest.mark.parametrize("text, pos", [("the 4th looks great but too long, something similar but shorter", 4),
                                       ("love #1 but it's too long, similar ones that are shorter?", 1),
                                       ("the first is nice but too long. similar but shorter pls", 1)])
def test_a_card_liked_but_too_long_is_liked_more_like_it_and_shorter(vocab, text, pos):
    ins = parse(vocab, text, listed(vocab))
    runtime = next(it.runtime for it in ITEMS if it.id == SHOWN[pos - 1])
    assert ins.action == "feedback" and sorted(reactions(ins)) == [("like", pos), ("more_like", pos)]
    assert ins.constraints.max_runtime is not None and ins.constraints.max_runtime < runtime


def test_a_card_good_but_too_long_alone_still_asks_for_shorter(vocab):
    ins = parse(vocab, "#4 is good but too long", listed(vocab))
    assert ins.action == "refine" and ins.constraints.max_runtime is not None and ins.constraints.max_runtime < 148


# --------------------------------------------------------------------------- a card called too old is turned down
@pytest.mark.parametrize("text, pos, year", [("the oldest one is too old for me, newer than that", 1, 1960),
                                             ("#6 is way too old, something newer", 6, 1983),
                                             ("the 1980 one looks too dated", 4, 1981)])
def test_a_card_called_too_old_is_turned_down_and_the_period_moves_past_it(vocab, text, pos, year):
    ins = parse(vocab, text, listed(vocab))
    assert ins.action == "feedback" and reactions(ins) == [("dislike", pos)] and ins.constraints.min_year == year


# --------------------------------------------------------------------------- more wordings of the same classes
@pytest.mark.parametrize("text, genre", [("no, i said westerns", "western"), ("sorry, i meant thrillers", "thriller"),
                                         ("typo, horror", "horror"), ("we asked for westerns", "western")])
def test_a_genre_put_right_replaces_the_one_in_force_the_rest_kept(vocab, text, genre):
    ins = parse(vocab, text, listed(vocab, "comedies from the 80s"))
    assert ins.action == "refine" and ins.constraints.include_genres == [genre]
    assert (ins.constraints.min_year, ins.constraints.max_year) == (1980, 1989)


@pytest.mark.parametrize("text, kind, want", [("the two at the bottom, seen them", "dislike", [5, 6]),
                                              ("the really old one looks fun", "like", [1]),
                                              ("the very long one, skip it", "dislike", [4])])
def test_more_ways_of_picking_out_cards(vocab, text, kind, want):
    ins = parse(vocab, text, listed(vocab))
    assert ins.action == "feedback" and reactions(ins) == [(kind, p) for p in want]


# --------------------------------------------------------------------------- in Chinese: a card picked out, "两部都"
@pytest.mark.parametrize("text, pos", [("1982年那部多长", 6), ("最老的那部好看吗", 1), ("1959年的那部讲什么", 1)])
def test_a_card_picked_out_by_what_it_is_in_chinese_is_asked_about(vocab, text, pos):
    ins = parse(vocab, text, listed(vocab, "推荐几部喜剧"))
    assert ins.action == "question" and ins.question_position == pos


@pytest.mark.parametrize("text, want", [("最长的那个不要", [("dislike", 4)]), ("倒数两部不想看", [("dislike", 5), ("dislike", 6)]),
                                        ("最短的那部不错", [("like", 2)])])
def test_a_card_picked_out_in_chinese_gets_the_verdict(vocab, text, want):
    ins = parse(vocab, text, listed(vocab, "推荐几部喜剧"))
    assert ins.action == "feedback" and reactions(ins) == want


@pytest.mark.parametrize("verdict, kind", [("两部都不错", "like"), ("这两部都看过了", "dislike"), ("俩都不想看", "dislike")])
def test_both_in_chinese_after_two_questions(vocab, verdict, kind):
    state = listed(vocab, "推荐几部喜剧")
    state, _ = say(vocab, state, "第二部多长")
    state, _ = say(vocab, state, "第四部呢")
    _, ins = say(vocab, state, verdict)
    assert ins.action == "feedback" and reactions(ins) == [(kind, 2), (kind, 4)]


# --------------------------------------------------------------------------- cards thrown out, with a wish beside
@pytest.mark.parametrize("text, positions", [("get rid of 1 and 3, and older please", [1, 3]), ("ditch #4", [4]),
                                             ("toss the 2nd and 5th", [2, 5]), ("lose the first two, something shorter", [1, 2])])
def test_cards_thrown_out_in_other_words(vocab, text, positions):
    ins = parse(vocab, text, listed(vocab, "comedies from the 90s"))
    assert ins.action == "feedback" and reactions(ins) == [("dislike", p) for p in positions]


def test_cards_thrown_out_with_a_wish_keep_the_wish(vocab):
    ins = parse(vocab, "get rid of 1 and 3, and older please", listed(vocab, "comedies from the 90s"))
    assert ins.constraints.max_year is not None and ins.constraints.max_year < 1990 and ins.constraints.min_year is None


# --------------------------------------------------------------------------- like a card, but different
@pytest.mark.parametrize("text, pos", [("like #2 but darker", 2), ("like the 3rd one but shorter", 3),
                                       ("ok like the first but newer", 1)])
def test_like_a_card_but_different_is_more_like_it(vocab, text, pos):
    ins = parse(vocab, text, listed(vocab))
    assert ins.action == "feedback" and ("more_like", pos) in reactions(ins)


def test_i_like_a_card_is_still_a_like(vocab):
    assert reactions(parse(vocab, "i like #2", listed(vocab))) == [("like", 2)]


# --------------------------------------------------------------------------- a step further into fear
@pytest.mark.parametrize("text", ["scarier", "creepier ones pls", "something more frightening", "再恐怖一点"])
def test_scarier_leans_to_horror(vocab, text):
    ins = parse(vocab, text, listed(vocab, "thrillers from the 90s"))
    assert ins.action == "refine" and "horror" in ins.intention.genres + ins.constraints.include_genres


# --------------------------------------------------------------------------- more ways of saying both, and the last
@pytest.mark.parametrize("verdict, kind", [("those two look good", "like"), ("the pair of them, seen both", "dislike"),
                                           ("seen both", "dislike")])
def test_the_two_cards_just_asked_about_said_other_ways(vocab, verdict, kind):
    state = listed(vocab)
    state, _ = say(vocab, state, "how long is the 2nd")
    state, _ = say(vocab, state, "and the 5th?")
    _, ins = say(vocab, state, verdict)
    assert ins.action == "feedback" and reactions(ins) == [(kind, 2), (kind, 5)]


def test_taking_both_is_no_verdict(vocab):
    state = listed(vocab)
    state, _ = say(vocab, state, "how long is the 2nd")
    state, _ = say(vocab, state, "and the 5th?")
    _, ins = say(vocab, state, "ok both then")
    assert not ins.feedback


@pytest.mark.parametrize("text, want", [("the second and the last look good", [("like", 2), ("like", 6)]),
                                        ("the last, no", [("dislike", 6)])])
def test_the_last_said_bare(vocab, text, want):
    assert reactions(parse(vocab, text, listed(vocab))) == want


@pytest.mark.parametrize("text", ["not comedies - westerns", "ugh no, westerns!!", "westerns not comedies lol"])
def test_a_genre_put_right_said_shortly(vocab, text):
    ins = parse(vocab, text, listed(vocab, "comedies from the 80s"))
    assert ins.action == "refine" and ins.constraints.include_genres == ["western"] and not ins.constraints.exclude_genres
    assert ins.constraints.min_year == 1980


# --------------------------------------------------------------------------- a superlative said bare, a follow-up
@pytest.mark.parametrize("text, pos", [("and the oldest?", 1), ("what about the longest", 4), ("and the shortest one?", 2)])
def test_a_superlative_said_bare_after_a_question_asks_the_same_of_that_card(vocab, text, pos):
    state, _ = say(vocab, listed(vocab), "how long is the 3rd")
    ins = parse(vocab, text, state)
    assert ins.action == "question" and ins.question_position == pos and ins.question == "runtime"


# --------------------------------------------------------------------------- one word the other way round
@pytest.mark.parametrize("text, key, check", [("less old", "min_year", lambda v: v is not None and v >= 1985),
                                              ("less old ones pls", "max_year", lambda v: v is None),
                                              ("longer", "max_runtime", lambda v: v is not None and v > 120),
                                              ("a bit longer pls", "max_runtime", lambda v: v is not None and v > 120)])
def test_one_word_follow_ups_the_other_way(vocab, text, key, check):
    ins = parse(vocab, text, listed(vocab, "comedies from the 80s under 2 hours"))
    assert ins.action == "refine" and check(getattr(ins.constraints, key))


def test_no_before_a_genre_is_still_a_ruling_out(vocab):
    ins = parse(vocab, "no horror, comedies", listed(vocab, "thrillers from the 80s"))
    assert "horror" in ins.constraints.exclude_genres


# --------------------------------------------------------------------------- a wish beside a reaction to a card
@pytest.mark.parametrize("text, key, check", [
    ("love #2, but something newer like it", "min_year", lambda v: v is not None and v >= 1990),
    ("#3 looks great, older ones like it pls", "max_year", lambda v: v is not None and v < 1980),
    ("the first one, more like that but shorter", "max_runtime", lambda v: v is not None and v < 121),
])
def test_a_limit_wished_beside_a_reaction_to_a_card_is_kept(vocab, text, key, check):
    ins = parse(vocab, text, listed(vocab, "comedies from the 80s"))
    assert ins.action == "feedback" and check(getattr(ins.constraints, key))


def test_the_older_one_is_a_card_not_a_wish(vocab):
    ins = parse(vocab, "the older one looks good", listed(vocab, "comedies from the 80s"))
    assert reactions(ins) == [("like", 1)] and (ins.constraints.min_year, ins.constraints.max_year) == (1980, 1989)


# --------------------------------------------------------------------------- praised but too old
@pytest.mark.parametrize("text, year", [("#1 looks good but too old", 1960), ("the 2nd is great but it's a bit too old", 1996)])
def test_a_card_praised_but_too_old_asks_for_newer_films_not_against_it(vocab, text, year):
    ins = parse(vocab, text, listed(vocab, "comedies from the 80s"))
    assert ins.constraints.min_year == year and ins.constraints.max_year is None
    assert not any(f.kind == "dislike" for f in ins.feedback)


def test_a_card_praised_but_too_old_with_similar_is_liked_and_wanted_more_of(vocab):
    ins = parse(vocab, "the 2nd looks great but too old, something similar but newer", listed(vocab, "comedies from the 80s"))
    assert sorted(reactions(ins)) == [("like", 2), ("more_like", 2)] and ins.constraints.min_year == 1996
