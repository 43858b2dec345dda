"""Phrasings found by playing the app after the dev7 work: a list of card numbers split by commas,
a card taken ("i'd watch the 3rd"), a child's age that is not a period, and the reply naming every
card the turn reacted to. A small hand-made catalog; no index, no model."""
from __future__ import annotations

import pytest

from catalog.catalog import Catalog
from catalog.filters import Filters
from catalog.item import Item
from chat.state import DialogueState
from recommender.pipeline import catalog_vocab
from recommender.reply import feedback_ack
from tests.parser_kit import parse, vocab_fixture

ITEMS = [Item(id=f"m{n}", title=f"Film Number {n}", year=1980 + n, runtime=90 + n, genres=("comedy",))
         for n in range(1, 9)]
SHOWN = [i.id for i in ITEMS]


vocab = vocab_fixture(ITEMS, "lists-and-ages-test")


def listed() -> DialogueState:
    return DialogueState(last_list=SHOWN, shown_ids=SHOWN, constraints=Filters(include_genres=["comedy"]),
                         intention_text="comedies")


@pytest.mark.parametrize("text, positions", [
    ("watched 2, 4 and 6 already", {2, 4, 6}),
    ("seen 1, 3, 5", {1, 3, 5}),
    ("drop 7 & 8 please", {7, 8}),
    ("hated 2, and 3", {2, 3}),
])
def test_a_list_of_card_numbers_goes_past_the_comma(vocab, text, positions):
    ins = parse(vocab, text, listed())
    assert ins.action == "feedback"
    assert {SHOWN.index(f.item_id) + 1 for f in ins.feedback} == positions
    assert all(f.kind == "dislike" for f in ins.feedback)


@pytest.mark.parametrize("text", ["i'd watch the 3rd", "we could check out number 2", "i might try the first one",
                                  "I would definitely watch #4"])
def test_taking_a_card_keeps_the_list_and_asks_nothing(vocab, text):
    ins = parse(vocab, text, listed())
    assert ins.question is None
    assert ins.action not in ("new", "refine", "more")


@pytest.mark.parametrize("text", ["films for kids 8 or older", "something for ages 10 and over",
                                  "a movie for my 9 and up crowd"])
def test_a_childs_age_is_not_a_period(vocab, text):
    ins = parse(vocab, text)
    assert ins.constraints.max_year is None and ins.constraints.min_year is None


@pytest.mark.parametrize("text", ["something for my 10 year old", "a film my 11-year-old would enjoy"])
def test_an_older_child_still_asks_for_family_films(vocab, text):
    ins = parse(vocab, text)
    assert "family" in ins.intention.moods


def test_the_reply_names_every_card_dropped():
    assert feedback_ack("dislike", ["Heat", "Fargo", "Se7en"], 8, "en").startswith("Got it: no more Heat, Fargo and Se7en.")
    assert "《英雄》、《卧虎藏龙》" in feedback_ack("dislike", ["英雄", "卧虎藏龙"], 8, "zh")
    assert "no more Heat." in feedback_ack("dislike", ["Heat"], 8, "en")


@pytest.mark.parametrize("text, kind, position", [
    ("we could check out number 2", "taken", 2),
    ("ok we'll go with the 4th one, thanks", "taken", 4),
    ("就看第三部吧", "taken", 3),
    ("thx a lot", "thanks", None),
    ("谢啦", "thanks", None),
    ("ok bye", "bye", None),
    ("hello!", "hello", None),
    ("lol", "chat", None),
])
def test_small_talk_is_answered_for_what_it_is(vocab, text, kind, position):
    from chat.parser import smalltalk_kind
    from recommender.reply import smalltalk

    got, item_id = smalltalk_kind(text, listed(), vocab)
    assert got == kind
    assert item_id == (SHOWN[position - 1] if position else None)
    said = smalltalk("en", True, got, "Film Number 2" if item_id else "")
    assert said and "{" not in said
    if got == "taken":
        assert "Film Number 2" in said


# --------------------------------------------------------------------------- from the dev9 first play
@pytest.mark.parametrize("text, lo, hi", [
    ("comedies, nothing older than 78 please", 1978, None),
    ("no films newer than 91", None, 1991),
    ("dramas older than 70", None, 1969),
    ("something newer than 88", 1989, None),
])
def test_a_bare_two_digit_year_after_a_comparison(vocab, text, lo, hi):
    ins = parse(vocab, text)
    assert (ins.constraints.min_year, ins.constraints.max_year) == (lo, hi)


@pytest.mark.parametrize("text", ["comedies under 95 min", "longer than 95 minutes is too long", "rated higher than 75%"])
def test_a_two_digit_number_that_is_no_year(vocab, text):
    ins = parse(vocab, text)
    assert ins.constraints.min_year is None and ins.constraints.max_year is None


@pytest.mark.parametrize("text", ["3 5 and 6 we have seen", "2, 4, 7 already watched"])
def test_card_numbers_before_the_verdict(vocab, text):
    ins = parse(vocab, text, listed())
    assert ins.action == "feedback" and len(ins.feedback) == 3


@pytest.mark.parametrize("text", ["page 2", "ok page two"])
def test_a_page_number_is_paging(vocab, text):
    assert parse(vocab, text, listed()).action == "more"


def test_a_doubled_letter_is_not_read_into_another_word():
    from chat.spelling import correct_word

    assert correct_word("fussy") == "fussy"  # not "funny": she's not fussy is no dislike of comedy
    assert correct_word("horer") == "horror"


def test_turning_away_from_the_request_while_starting_over_leaves_no_rule(vocab):
    state = listed()
    ins = parse(vocab, "ugh, done with comedies, let's start over", state)
    assert ins.action == "reset"
    assert "comedy" not in ins.constraints.exclude_genres
    assert parse(vocab, "had enough of comedies", state).constraints.exclude_genres == ["comedy"]


def test_a_genre_the_reference_films_do_not_have_starts_a_new_request():
    items = [Item(id="sh", title="The Shawshank Redemption", year=1994, genres=("drama",)),
             Item(id="gm", title="The Green Mile", year=1999, genres=("drama",)),
             Item(id="ts", title="Toy Story", year=1995, genres=("animation", "children's", "comedy")),
             Item(id="al", title="Aladdin", year=1992, genres=("animation", "children's", "comedy"))]
    v = catalog_vocab(Catalog("refs-test", items))
    liked = DialogueState(last_list=["gm"], shown_ids=["gm"], reference_ids=["sh"], intention_text="like shawshank")
    assert parse(v, "some cartoons for the kids", liked).action == "new"
    assert parse(v, "only dramas from the 90s", liked).action == "refine"  # the films' own kind narrows it
