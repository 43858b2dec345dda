"""A genre turned down right after a film the user loved ("喜欢银翼杀手那种有点哲学的，恐怖片绝对不看") was read
as more of what they said about that film: the clause was consumed as a verdict on Blade Runner and
horror was never ruled out (in the longer message it even came out as a genre wished for). A clause
that refuses a kind of film is a wish of its own; a clause that praises the film's kind is still a
verdict on it ("big fan of Platoon, best war film ever made")."""
from __future__ import annotations

import pytest

from catalog.item import Item
from tests.parser_kit import parse, vocab_fixture

ITEMS = [Item(id="89", title="Blade Runner", year=1982, genres=("film-noir", "sci-fi")),
         Item(id="273", title="Heat", year=1995, genres=("action", "crime", "thriller")),
         Item(id="157", title="Platoon", year=1986, genres=("drama", "war")),
         Item(id="1", title="Toy Story", year=1995, genres=("animation", "children's", "comedy")),
         Item(id="2", title="Scream", year=1996, genres=("horror", "thriller")),
         Item(id="3", title="Ghost", year=1990, genres=("comedy", "romance", "thriller"))]
vocab = vocab_fixture(ITEMS)


@pytest.mark.parametrize("text, genre", [
    ("喜欢银翼杀手，恐怖片绝对不看", "horror"),
    ("喜欢银翼杀手那种有点哲学的，恐怖片绝对不看", "horror"),
    ("loved heat, no horror though", "horror"),
    ("seen toy story, but nothing animated please", "animation"),
    ("看过《Heat》，爱情片就算了", "romance"),
])
def test_a_genre_refused_after_a_film_is_ruled_out(vocab, text, genre):
    got = parse(vocab, text)
    assert genre in got.constraints.exclude_genres
    assert genre not in got.intention.genres


def test_a_long_taste_message_never_wishes_for_the_genre_refused(vocab):
    got = parse(vocab, "科幻迷一枚，喜欢银翼杀手那种有点哲学的，恐怖片绝对不看。给我推点我可能喜欢的")
    assert "horror" in got.constraints.exclude_genres and "horror" not in got.intention.genres


def test_praise_of_the_films_kind_is_still_a_verdict(vocab):
    got = parse(vocab, "big fan of Platoon, best war film ever made")
    assert got.constraints.include_genres == [] and got.constraints.exclude_genres == []
    assert {m.item_id: m.opinion for m in got.mentions} == {"157": "loved"}
