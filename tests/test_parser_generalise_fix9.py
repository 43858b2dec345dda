"""Casual seen/loved/hated lists with lower-case film names, from the blind dev9 dialogues, by class,
each tested with phrasings the dialogues do not use: a list closed by slang ("obvs", "ofc"), a verdict
in its own clause on the film that leads it ("loved x and y, z was dull"), and common words that are
also titles only read as films next to a cue. A small hand-made catalog, no index, no model."""
from __future__ import annotations

import pytest

from catalog.item import Item
from chat.instruction import Instruction
from chat.state import DialogueState, record_shown
from tests.parser_kit import parse, say, vocab_fixture

ITEMS = [
    Item(id="h1", title="Heat", year=1995, genres=("action", "crime", "thriller")),
    Item(id="c1", title="Casino", year=1995, genres=("crime", "drama")),
    Item(id="s1", title="Speed", year=1994, genres=("action", "thriller")),
    Item(id="f1", title="Fargo", year=1996, genres=("crime", "drama")),
    Item(id="r1", title="Rock, The", year=1996, genres=("action", "thriller")),
    Item(id="a1", title="Alien", year=1979, genres=("horror", "sci-fi")),
    Item(id="u1", title="Unforgiven", year=1992, genres=("western",)),
    Item(id="w1", title="Wyatt Earp", year=1994, genres=("western",)),
    Item(id="g1", title="Godfather, The", year=1972, genres=("crime", "drama"), metadata={"aliases": "教父"}),
    Item(id="p1", title="Pulp Fiction", year=1994, genres=("crime", "drama"), metadata={"aliases": "低俗小说"}),
    Item(id="x1", title="Airplane!", year=1980, genres=("comedy",)),
    Item(id="x2", title="Heathers", year=1989, genres=("comedy",)),
    Item(id="x3", title="Local Hero", year=1983, genres=("comedy",)),
    Item(id="fu", title="Fugitive, The", year=1993, genres=("action", "thriller")),
]
SHOWN = ["x1", "x2", "x3"]


vocab = vocab_fixture(ITEMS, "fix9-generalise-test")


def listed(vocab, request: str = "some crime films from the 90s") -> DialogueState:
    state, _ = say(vocab, DialogueState(), request)
    return record_shown(state, SHOWN)


def opinions(ins: Instruction) -> dict[str, str]:
    return {m.item_id: m.opinion for m in ins.mentions if m.item_id}


# --------------------------------------------------------------------------- slang closers
@pytest.mark.parametrize("text, ids", [
    ("watched fargo and wyatt earp ofc", {"f1", "w1"}),
    ("already seen heat and alien duh", {"h1", "a1"}),
    ("seen casino, fargo and speed obviously", {"c1", "f1", "s1"}),
])
def test_list_closed_by_slang_marks_every_film_seen(vocab, text, ids):
    ins = parse(vocab, text, listed(vocab))
    assert ins.action == "seen"
    assert set(opinions(ins)) == ids
    assert ins.intention.text in (None, "some crime films from the 90s")


# --------------------------------------------------------------------------- verdict in its own clause
@pytest.mark.parametrize("text, want", [
    ("loved fargo and heat, speed was dull though", {"f1": "loved", "h1": "loved", "s1": "hated"}),
    ("enjoyed alien and casino, but the rock was awful", {"a1": "loved", "c1": "loved", "r1": "hated"}),
])
def test_verdict_clause_goes_to_the_film_that_leads_it(vocab, text, want):
    ins = parse(vocab, text, listed(vocab))
    assert opinions(ins) == want


def test_list_verdict_for_all_still_covers_every_film(vocab):
    ins = parse(vocab, "seen heat and casino, loved them both", listed(vocab))
    assert opinions(ins) == {"h1": "loved", "c1": "loved"}


# --------------------------------------------------------------------------- common words, no cue
@pytest.mark.parametrize("text", [
    "i need some speed in my life, something fast paced",
    "the heat outside is unbearable, give me a comedy",
])
def test_common_word_titles_without_a_cue_are_no_films(vocab, text):
    ins = parse(vocab, text, listed(vocab))
    assert not [m for m in ins.mentions if m.item_id in ("s1", "h1")]
    assert ins.action != "seen"


# --------------------------------------------------------------------------- a question about a named film
@pytest.mark.parametrize("text, item", [
    ("how's casino, any good?", "c1"),
    ("hows fargo, is it worth it?", "f1"),
])
def test_lower_case_question_about_a_film_not_shown(vocab, text, item):
    ins = parse(vocab, text, listed(vocab))
    assert ins.action == "question"
    assert ins.question_item_id == item


def test_how_is_it_stays_about_the_card(vocab):
    ins = parse(vocab, "how is it, worth it?", listed(vocab))
    assert ins.question_item_id is None


# --------------------------------------------------------------------------- "seen it" with chatter
def test_seen_it_after_asking_about_a_named_film(vocab):
    state = listed(vocab)
    state, _ = say(vocab, state, "hows alien, worth watching?")
    state, ins = say(vocab, state, "oh pretty sure ive seen it haha, heat as well")
    assert ins.action == "seen"
    assert set(opinions(ins)) == {"a1", "h1"}
    assert state.constraints.include_genres == ["crime"]


def test_seen_it_after_asking_about_a_card_with_chatter(vocab):
    state = listed(vocab)
    state, _ = say(vocab, state, "what's #2 about?")
    state, ins = say(vocab, state, "yeah seen it, my brother put it on last xmas")
    assert ins.action == "feedback"
    assert [(f.kind, f.position) for f in ins.feedback] == [("dislike", 2)]
    assert state.constraints.include_genres == ["crime"]


def test_common_word_with_too_is_no_film_without_a_verdict_on_it(vocab):
    state = listed(vocab)
    state, _ = say(vocab, state, "hows alien, worth watching?")
    state, ins = say(vocab, state, "speed too")
    assert "s1" not in opinions(ins)


# --------------------------------------------------------------------------- word salad with a chat word
@pytest.mark.parametrize("text", ["banana telephone seven haha", "orange giraffe umbrella 99 lmao"])
def test_word_salad_with_a_chat_word_is_asked_back(vocab, text):
    assert parse(vocab, text).action == "unclear"


@pytest.mark.parametrize("text", ["lol great picks", "haha nice one mate", "thanks so much lol"])
def test_plain_chat_stays_small_talk(vocab, text):
    assert parse(vocab, text, listed(vocab)).action == "smalltalk"


def test_genre_request_with_a_chat_word_is_a_request(vocab):
    ins = parse(vocab, "crime stuff from the 90s lol")
    assert ins.action == "new" and ins.constraints.include_genres == ["crime"]


# --------------------------------------------------------------------------- 还有X continues a seen list
def test_haiyou_adds_a_film_to_what_was_said_seen(vocab):
    ins = parse(vocab, "低俗小说早就看过了，以及教父", listed(vocab))
    assert ins.action == "seen"
    assert set(opinions(ins)) == {"p1", "g1"}
    assert not ins.reference_ids


def test_haiyou_card_title_after_seen_is_no_question(vocab):
    state = record_shown(listed(vocab), ["x1", "p1", "x2"])
    ins = parse(vocab, "教父看过了，还有低俗小说也看过", state)
    assert ins.action == "seen" and ins.question_position is None
    assert set(opinions(ins)) == {"p1", "g1"}


def test_haiyou_with_a_question_stays_a_question(vocab):
    state = record_shown(listed(vocab), ["x1", "p1", "x2"])
    ins = parse(vocab, "教父看过了，还有低俗小说吗", state)
    assert "p1" not in opinions(ins)


# --------------------------------------------------------------------------- "newer than that one" after "like X"
def test_newer_than_that_one_is_the_film_asked_after(vocab):
    state, _ = say(vocab, DialogueState(), "something like alien please")
    state = record_shown(state, SHOWN)
    state, ins = say(vocab, state, "hmm, newer than that one")
    assert ins.constraints.min_year == 1980


def test_newer_than_the_first_one_is_still_the_card(vocab):
    state, _ = say(vocab, DialogueState(), "something like alien please")
    state = record_shown(state, SHOWN)
    state, ins = say(vocab, state, "newer than the first one")
    assert ins.constraints.min_year == 1981
