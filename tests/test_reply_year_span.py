"""A request for years the catalog does not have ("something from 2010" in MovieLens-100K, which ends
in 1998) says the catalog's years, so the user knows what to ask instead."""
from __future__ import annotations

import pytest

from chat.acts import moods
from chat.parser import RuleRewriter
from chat.state import DialogueState
from chat.text import Work
from recommender.pipeline import Recommender


@pytest.fixture
def rec(catalog, index) -> Recommender:
    return Recommender(catalog, index, rewriter=RuleRewriter())


@pytest.mark.parametrize("text, said", [("something from 2010", "1951 to 1997"), ("2005年以后的电影", "1951 到 1997")])
def test_years_outside_the_catalog_say_its_span(rec, text, said):
    out = list(rec.respond(DialogueState(), text))[-1]
    assert out.state.last_list == []
    assert said in out.reply


def test_other_limits_do_not_mention_years(rec):
    out = list(rec.respond(DialogueState(), "comedies under 20 minutes"))[-1]
    assert out.state.last_list == [] and "1951" not in out.reply


@pytest.mark.parametrize("text, mood", [
    ("a film that will make me think", "mind-bending"), ("something smart", "mind-bending"),
    ("food for thought please", "mind-bending"), ("a rainy sunday kind of movie", "relaxing"),
    ("something for a lazy afternoon", "relaxing"), ("hungover, need something easy", "relaxing"),
])
def test_more_ways_to_say_a_mood(text, mood):
    assert mood in moods(Work.of(text), ["comedy", "drama", "mystery", "sci-fi", "thriller", "horror", "war"]).names
