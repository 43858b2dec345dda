"""A genre inside a taste the user tells ("i like clever comedies", "we love quirky comedies", "i enjoy
slow dramas") is a soft leaning (README: a liked genre said as taste is `prefer`). Before, the taste was
kept as words only and no genre was leaned to. A small hand-made catalog, no index, no model."""
from __future__ import annotations

import pytest

from catalog.item import Item
from chat.state import DialogueState, record_shown
from tests.parser_kit import parse, say, vocab_fixture

ITEMS = [
    Item(id="ah", title="Annie Hall", year=1977, genres=("comedy", "romance"), metadata={"aliases": "安妮·霍尔"}),
    Item(id="ht", title="Heat", year=1995, genres=("action", "crime", "thriller")),
    Item(id="sh", title="Shane", year=1953, genres=("western",), metadata={"aliases": "原野奇侠"}),
    Item(id="al", title="Alien", year=1979, genres=("action", "horror", "sci-fi", "thriller")),
    Item(id="ca", title="Casablanca", year=1942, genres=("drama", "romance", "war")),
    Item(id="ts", title="Toy Story", year=1995, genres=("animation", "children's", "comedy")),
]

vocab = vocab_fixture(ITEMS)


@pytest.mark.parametrize("said, leaning", [
    ("i like clever comedies, stuff like annie hall", "comedy"),
    ("we love quirky comedies. what have you got", "comedy"),
    ("i enjoy slow dramas", "drama"),
    ("i really like old westerns tbh", "western"),
    ("my favourites are sci fi films", "sci-fi"),
    ("big fan of thrillers, surprise me", "thriller"),
])
def test_a_genre_in_a_taste_told_is_leaned_to(vocab, said, leaning):
    ins = parse(vocab, said)
    assert leaning in set(ins.intention.genres) | set(ins.constraints.include_genres)
    assert leaning not in ins.constraints.exclude_genres


def test_the_leaning_keeps_through_a_refinement(vocab):
    state, _ = say(vocab, DialogueState(), "i like clever comedies, stuff like annie hall")
    state = record_shown(state, ["ts", "ca"])
    state, ins = say(vocab, state, "something older")
    assert ins.action == "refine"
    assert "comedy" in ins.intention.genres and ins.constraints.include_genres == []


def test_a_taste_does_not_outweigh_a_genre_ruled_out(vocab):
    ins = parse(vocab, "i like comedies and romance, but no romance tonight")
    assert "romance" not in ins.intention.genres and "comedy" in set(ins.intention.genres) | set(
        ins.constraints.include_genres)


def test_two_tastes_told_are_both_leaned_to(vocab):
    ins = parse(vocab, "i like westerns and she likes romance, something for both?")
    assert {"western", "romance"} <= set(ins.intention.genres) | set(ins.constraints.include_genres)


@pytest.mark.parametrize("said, film", [
    ("嗨，我喜欢有点黑色幽默的喜剧，比如安妮·霍尔", "ah"),     # a greeting before the taste
    ("你好，我喜欢西部片，例如原野奇侠", "sh"),
    ("hey there! i love sci-fi, for example alien", "al"),
    ("hi. into war films, such as casablanca", "ca"),
])
def test_an_example_given_of_a_taste_is_a_film_of_the_kind_wanted(vocab, said, film):
    # "比如X" was read as a reference only in a short message with no greeting, by accident of length
    ins = parse(vocab, said)
    assert film in ins.reference_ids
