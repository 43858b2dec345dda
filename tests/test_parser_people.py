"""Film people named without a cue word ("any good spielberg movies?", "anything with jim carrey?",
"周星驰的喜剧"): read as people, so a catalog with people columns filters by them and one without
(MovieLens) says so plainly; a people-only follow-up keeps the request in force."""
from __future__ import annotations

import pytest

from catalog.catalog import Catalog
from catalog.item import Item
from chat.instruction import CatalogVocab
from chat.parser import RuleRewriter
from chat.state import DialogueState
from fakes import NoVectorIndex
from recommender.pipeline import Recommender

ITEMS = [
    Item(id="a", title="Jaws", year=1975, genres=("horror",), metadata={"director": "Steven Spielberg"}),
    Item(id="b", title="Alien", year=1979, genres=("horror", "sci-fi"), metadata={"director": "Ridley Scott"}),
    Item(id="c", title="E.T. the Extra-Terrestrial", year=1982, genres=("children's",),
         metadata={"director": "Steven Spielberg"}),
    Item(id="d", title="The Mask", year=1994, genres=("comedy",), metadata={"cast": "Jim Carrey|Cameron Diaz"}),
]
VOCAB = CatalogVocab.from_items(ITEMS)


def read(text: str, state: DialogueState | None = None):
    return RuleRewriter().rewrite(text, state or DialogueState(), VOCAB)


@pytest.mark.parametrize("text, name", [
    ("any good spielberg movies?", "Spielberg"),
    ("i'm a big fan of kubrick, suggestions?", "Kubrick"),
    ("I love Hitchcock, what do you have", "Hitchcock"),
    ("something with tom hanks", "Tom Hanks"),
    ("stuff w/ meryl streep in it? or with Meryl Streep", "Meryl Streep"),
    ("a comedy with steve buscemi", "Steve Buscemi"),
    ("i like cameron diaz comedies", "Cameron Diaz"),
    ("anything with robert de niro?", "Robert De Niro"),
    ("周星驰的喜剧有吗", "周星驰"),
    ("有没有周润发的片子", "周润发"),
    ("有汤姆·汉克斯演的吗", "汤姆·汉克斯"),
])
def test_a_person_named_without_a_cue_word_is_read_as_a_person(text, name):
    assert name in read(text).people


@pytest.mark.parametrize("text", [
    "a film with a twist ending",
    "hanging out with sam tonight, need a comedy",
    "something to watch with my mom",
    "with james and sarah this weekend",
    "a movie with will power and heart",
    "an action film with harrison in the title",
])
def test_with_and_a_first_name_alone_is_no_person(text):
    assert read(text).people == []


def test_a_catalog_with_people_columns_filters_by_a_surname_alone():
    rec = Recommender(Catalog("films", ITEMS), NoVectorIndex(), rewriter=RuleRewriter(), vocab=VOCAB)
    out = list(rec.respond(DialogueState(), "any good spielberg movies?"))[-1]
    assert sorted(r.item.id for r in out.recommendations) == ["a", "c"]


def test_a_person_after_a_request_keeps_it_and_says_the_catalog_has_no_people(catalog, index):
    rec = Recommender(catalog, index, rewriter=RuleRewriter())
    first = list(rec.respond(DialogueState(), "a few comedies from the 90s"))[-1]
    out = list(rec.respond(first.state, "anything with jim carrey?"))[-1]
    assert out.state.constraints.include_genres == ["comedy"]
    assert (out.state.constraints.min_year, out.state.constraints.max_year) == (1990, 1999)
    assert any("no director or cast data" in n and "Jim Carrey" in n for n in out.notes)
    assert out.recommendations and all("comedy" in [g.lower() for g in r.item.genres] for r in out.recommendations)
