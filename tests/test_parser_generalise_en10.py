"""English phrasings from dev10 (written blind) that the rules missed, each capability said in ways
other than dev10's own turns. A small hand-made catalog; no index, no model."""
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
    Item(id="bh", title="Braveheart", year=1995, genres=("action", "drama", "war")),
    Item(id="ti", title="Titanic", year=1997, genres=("drama", "romance")),
    Item(id="fa", title="Fargo", year=1996, genres=("crime", "drama", "thriller")),
    Item(id="ts", title="Toy Story", year=1995, genres=("animation", "children's", "comedy")),
    Item(id="sw", title="Star Wars", year=1977, genres=("action", "adventure", "sci-fi")),
    Item(id="gd", title="Groundhog Day", year=1993, genres=("comedy", "romance")),
    Item(id="cl", title="Clueless", year=1995, genres=("comedy", "romance")),
]
SHOWN = ["sh", "ja", "sc", "cr", "ca"]


vocab = vocab_fixture(ITEMS, "generalise-en10-test")


def listed(**update) -> DialogueState:
    base = DialogueState(last_list=SHOWN, shown_ids=SHOWN, constraints=Filters(include_genres=["horror"]),
                         intention_text="horror films")
    return base.model_copy(update=update)


# --------------------------------------------------------------------------- card numbers seen by someone else
@pytest.mark.parametrize("text, positions", [
    ("ok 3 and 4 my wife has already watched", [3, 4]),
    ("hmm 2 & 5 we've seen", [2, 5]),
    ("no, 1 and 3 they have both seen", [1, 3]),
])
def test_numbers_seen_by_someone_else(vocab, text, positions):
    r = parse(vocab, text, listed())
    assert r.action == "feedback"
    assert sorted(f.position for f in r.feedback) == positions
    assert all(f.kind == "dislike" for f in r.feedback)


# --------------------------------------------------------------------------- each film of a message its own verdict
def _opinions(r):
    return {m.item_id: m.opinion for m in r.mentions}


def test_verdict_after_a_list_names_another_film(vocab):
    # the clause after the list is about a film of its own: the list's last film is only seen
    r = parse(vocab, "watched scream and carrie, groundhog day is my favourite tho", listed())
    ops = _opinions(r)
    assert ops.get("sc") in (None, "seen") and ops.get("ca") in (None, "seen")
    assert ops.get("gd") == "loved"
    assert {"sc", "ca", "gd"} <= set(r.constraints.exclude_ids)


def test_verdict_after_a_list_is_the_lists(vocab):
    r = parse(vocab, "seen fargo and titanic, loved them both", listed())
    assert _opinions(r) == {"fa": "loved", "ti": "loved"}


def test_a_clause_with_its_own_verdict_is_no_list(vocab):
    r = parse(vocab, "saw titanic, braveheart was great, clueless was awful", listed())
    ops = _opinions(r)
    assert ops.get("bh") == "loved" and ops.get("ti") in (None, "seen")


# --------------------------------------------------------------------------- "like X" as a follow-up fragment
@pytest.mark.parametrize("text", ["kinda like star wars", "ok similar to fargo", "sorta like titanic maybe"])
def test_like_fragment_refines_the_request_in_force(vocab, text):
    r = parse(vocab, text, listed())
    assert r.action == "refine"
    assert r.constraints.include_genres == ["horror"]
    assert r.reference_ids


def test_like_fragment_after_a_reset_is_new(vocab):
    r = parse(vocab, "kinda like star wars", DialogueState())
    assert r.action != "refine"


@pytest.mark.parametrize("text", ["something like Star Wars or titanic", "stuff like fargo, clueless"])
def test_several_films_after_like(vocab, text):
    r = parse(vocab, text, DialogueState())
    assert len(r.reference_ids) == 2


# --------------------------------------------------------------------------- a question about a named film off the list
@pytest.mark.parametrize("text, item", [
    ("how's titanic, any good?", "ti"),
    ("hows clueless", "cl"),
    ("how was braveheart, worth watching?", "bh"),
])
def test_how_is_a_named_film(vocab, text, item):
    r = parse(vocab, text, listed())
    assert r.action == "question"
    assert r.question_item_id == item and r.question_position is None


def test_named_film_then_asked_about_with_it(vocab):
    r = parse(vocab, "do you have groundhog day? what year is it", listed())
    assert r.action == "question"
    assert r.question_item_id == "gd"


# --------------------------------------------------------------------------- "that one" after a question is the card asked about
def test_more_like_that_one_after_a_question_is_the_card(vocab):
    from chat.instruction import Instruction, Mention
    seen = Instruction(action="seen", mentions=[Mention(item_id="ti", title="titanic", opinion="loved")])
    state = listed(instruction=seen, focus_id="ja")  # Titanic loved, then "how long is #2" asked
    r = parse(vocab, "cool, more like that one then", state)
    assert r.action == "feedback"
    assert [(f.kind, f.position) for f in r.feedback] == [("more_like", 2)]
    # with no card in focus, "that one" is still the film just named
    r = parse(vocab, "cool, more like that one then", listed(instruction=seen))
    assert "ti" in r.reference_ids


# --------------------------------------------------------------------------- "but" joins two verdicts, "too long" is one
def test_but_ends_a_title_and_too_long_is_a_verdict(vocab):
    r = parse(vocab, "really enjoyed fargo but braveheart was way too long", listed())
    assert _opinions(r) == {"fa": "loved", "bh": "hated"}
    assert r.constraints.max_runtime is None


def test_another_film_too_long_is_no_cap_from_a_card(vocab):
    # Jaws is card #2; Braveheart (not shown) is the one called too long
    r = parse(vocab, "jaws is great but braveheart was way too long", listed())
    assert r.constraints.max_runtime is None
    assert _opinions(r).get("bh") == "hated"
    # the card itself called too long still caps the length
    r = parse(vocab, "the 2nd one is too long", listed())
    assert r.constraints.max_runtime is not None


# --------------------------------------------------------------------------- a seen list goes on after a film's own verdict
def test_and_another_film_after_a_seen_clause_with_a_verdict(vocab):
    r = parse(vocab, "my kids have watched toy story like 50 times, and groundhog day", listed())
    assert _opinions(r).get("gd", "missing") in (None, "seen")
    assert "gd" in r.constraints.exclude_ids
    assert r.action != "question"
