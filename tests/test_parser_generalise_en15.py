"""English phrasings of the kinds dev15 (written blind: a teenager, a retiree, a learner of English, a
parent on a phone, a film buff, one-word answers) showed the rules missed, each capability said in ways
other than dev15's own turns. A small hand-made catalog; no index, no model."""
from __future__ import annotations

import pytest

from catalog.filters import Filters
from catalog.item import Item
from chat.state import DialogueState
from tests.parser_kit import parse, vocab_fixture

ITEMS = [
    Item(id="sc", title="Scream", year=1996, runtime=111, genres=("horror", "thriller")),
    Item(id="sh", title="The Shining", year=1980, runtime=146, genres=("horror",)),
    Item(id="ja", title="Jaws", year=1975, runtime=130, genres=("action", "horror")),
    Item(id="cr", title="The Craft", year=1996, runtime=101, genres=("drama", "fantasy", "horror", "thriller")),
    Item(id="ca", title="Carrie", year=1976, runtime=98, genres=("horror",)),
    Item(id="ti", title="Titanic", year=1997, genres=("drama", "romance")),
    Item(id="fa", title="Fargo", year=1996, genres=("crime", "drama", "thriller")),
    Item(id="cl", title="Clueless", year=1995, genres=("comedy", "romance")),
    Item(id="pl", title="Platoon", year=1986, genres=("drama", "war")),
    Item(id="sho", title="The Show", year=1995, genres=("documentary",)),
]
SHOWN = ["sh", "ja", "sc", "cr", "ca"]


vocab = vocab_fixture(ITEMS, "generalise-en15-test")


def listed(**update) -> DialogueState:
    base = DialogueState(last_list=SHOWN, shown_ids=SHOWN, constraints=Filters(include_genres=["horror"]),
                         intention_text="horror films")
    return base.model_copy(update=update)


# --------------------------------------------------------------------------- a hedge inside a limit
@pytest.mark.parametrize("text, key, value", [
    ("nothing made before around 1980", "min_year", 1980),
    ("under like maybe 2 hours", "max_runtime", 120),
    ("rated over about 7", "min_rating", 7.0),
    ("after like '85 pls", "min_year", 1986),
])
def test_a_hedge_between_limit_and_number(vocab, text, key, value):
    r = parse(vocab, text, listed())
    assert r.action == "refine"
    assert getattr(r.constraints, key) == value
    assert r.constraints.include_genres == ["horror"]


# --------------------------------------------------------------------------- slang and plain pans of a card
@pytest.mark.parametrize("text, positions", [
    ("#3 is mid ngl", [3]),
    ("the first one is trash", [1]),
    ("cant stand the 4th", [4]),
    ("not into #2 tbh", [2]),
])
def test_a_card_panned_in_slang(vocab, text, positions):
    r = parse(vocab, text, listed())
    assert r.action == "feedback"
    assert [(f.kind, f.position) for f in r.feedback] == [("dislike", p) for p in positions]


def test_mid_before_a_decade_is_no_pan(vocab):
    r = parse(vocab, "something from the mid 80s", listed())
    assert r.action == "refine" and not r.feedback
    assert (r.constraints.min_year, r.constraints.max_year) == (1983, 1986)


# --------------------------------------------------------------------------- typed fast: slips in the follow-up words
@pytest.mark.parametrize("text, kind, position", [
    ("whats the thrid one about", "question", 3),
    ("fisrt one lokos good", "feedback", 1),
    ("is teh secnod one scary", "question", 2),
])
def test_slips_in_ordinals_and_verbs(vocab, text, kind, position):
    r = parse(vocab, text, listed())
    assert r.action == kind
    got = r.question_position if kind == "question" else r.feedback[0].position
    assert got == position


# --------------------------------------------------------------------------- paging said as a polite or casual ask
@pytest.mark.parametrize("text, k", [
    ("could we see a few more, thanks", None),
    ("may i have some more please", None),
    ("i'd like two more", 2),
    ("ight more", None),
    ("show us a couple more, please", 2),
])
def test_paging_asked_for(vocab, text, k):
    r = parse(vocab, text, listed())
    assert r.action == "more"
    assert r.constraints.include_genres == ["horror"]
    assert not r.reference_ids  # "show" is no film called "The Show"
    if k is not None:
        assert r.k == k


# --------------------------------------------------------------------------- a learner's English
@pytest.mark.parametrize("text, ids", [
    ("i already see titanic", ["ti"]),
    ("we have already watch fargo and clueless", ["fa", "cl"]),
])
def test_already_see_is_seen(vocab, text, ids):
    r = parse(vocab, text, listed())
    assert r.action == "seen"
    assert set(ids) <= set(r.constraints.exclude_ids)


@pytest.mark.parametrize("text, key", [
    ("more new films please, from 1990", "min_year"),
    ("something more short please", "max_runtime"),
])
def test_more_before_an_adjective_is_a_comparative(vocab, text, key):
    r = parse(vocab, text, listed())
    assert r.action == "refine"
    assert getattr(r.constraints, key) is not None


# --------------------------------------------------------------------------- starting over with a request in hand
@pytest.mark.parametrize("text", ["start over, 80s comedies please", "forget everything, something like fargo",
                                  "ok scrap everything. a war film then"])
def test_reset_with_a_request_keeps_the_new_request(vocab, text):
    # a reset word wins the act (as "忘掉刚才说的 来点西部片" in the zh12 tests); the request said with it stays
    r = parse(vocab, text, listed())
    assert r.action == "reset"
    assert "horror" not in r.constraints.include_genres
    assert r.constraints.include_genres or r.constraints.min_year or r.reference_ids


# --------------------------------------------------------------------------- one-word answers to a list
@pytest.mark.parametrize("text", ["nope", "meh", "naw, not these", "hard pass"])
def test_the_list_turned_down_in_a_word_pages_on(vocab, text):
    r = parse(vocab, text, listed())
    assert r.action == "more"
    assert r.constraints.include_genres == ["horror"]


def test_a_word_of_no_with_nothing_shown_pages_nothing(vocab):
    assert parse(vocab, "nope", DialogueState()).action != "more"


@pytest.mark.parametrize("text, position", [("4", 4), ("number 3 pls", 3), ("i'll take #1", 1),
                                            ("gonna go with 5 then", 5)])
def test_a_card_picked_by_its_number(vocab, text, position):
    r = parse(vocab, text, listed())
    assert r.action == "feedback"
    assert [(f.kind, f.position) for f in r.feedback] == [("like", position)]


def test_a_number_past_the_list_is_no_pick(vocab):
    assert parse(vocab, "9", listed()).action != "feedback"


# --------------------------------------------------------------------------- "it" then more films, after a question
@pytest.mark.parametrize("text", ["watched it already, and clueless too", "seen it, and clueless too",
                                  "saw it and clueless as well"])
def test_it_before_other_films_is_the_film_asked_about(vocab, text):
    from chat.instruction import Instruction
    asked = Instruction(action="question", question_item_id="fa", question="runtime")
    state = listed(focus_id="fa", instruction=asked)  # "how long is fargo" (not on the list) just asked
    r = parse(vocab, text, state)
    assert r.action == "seen"
    assert {"fa", "cl"} <= set(r.constraints.exclude_ids)


# --------------------------------------------------------------------------- examples given as "think X, Y, Z"
@pytest.mark.parametrize("text, ids", [
    ("Something quirky and offbeat. Think Fargo, Clueless", ["fa", "cl"]),
    ("a dark crime story: think Fargo", ["fa"]),
])
def test_examples_after_think(vocab, text, ids):
    r = parse(vocab, text)
    assert set(ids) <= set(r.reference_ids)


def test_i_think_names_no_example(vocab):
    r = parse(vocab, "i think i've seen fargo", listed())
    assert "fa" not in r.reference_ids and "fa" in r.constraints.exclude_ids


# --------------------------------------------------------------------------- a one-word title with a slip in a list
@pytest.mark.parametrize("text, ids", [("watched platon and clueles", ["pl", "cl"]),
                                       ("seen fargo and titanc already", ["fa", "ti"])])
def test_one_word_titles_with_a_slip_in_a_seen_list(vocab, text, ids):
    r = parse(vocab, text, listed())
    assert r.action == "seen"
    assert set(ids) <= set(r.constraints.exclude_ids)
