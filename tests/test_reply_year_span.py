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


@pytest.mark.parametrize("text, said", [("something from 1999", "1951 to 1997"), ("2000年以后的电影", "1951 到 1997")])
def test_years_just_outside_the_catalog_say_its_span(rec, text, said):
    out = list(rec.respond(DialogueState(), text))[-1]
    assert out.state.last_list == []
    assert said in out.reply


@pytest.mark.parametrize("text, said", [("something from 2010", "1997"), ("2005年以后的电影", "1997")])
def test_years_well_past_the_catalog_show_its_newest_films_and_say_where_it_ends(rec, text, said):
    # (was: an empty list; "anything from 2015?" in dev19.yaml wants the newest films the catalog has)
    out = list(rec.respond(DialogueState(), text))[-1]
    assert out.state.last_list
    assert all(rec.catalog.get(i).year >= 1990 for i in out.state.last_list)
    assert any(said in n for n in out.instruction.notices + out.notes)


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


@pytest.fixture
def talk(rec):
    def run(*turns):
        state, out = DialogueState(), None
        for t in turns:
            out = list(rec.respond(state, t))[-1]
            state = out.state
        return out
    return run


@pytest.mark.parametrize("turns, said", [
    (("a few comedies", "any disney ones?"), "no studio data"),
    (("something for the kids", "pixar?"), "no studio data"),
    (("来几部动画片", "迪士尼的有吗"), "没有出品公司"),
    (("有没有皮克斯的电影",), "没有出品公司"),
])
def test_a_studio_named_keeps_the_request_leans_to_its_films_and_says_there_is_no_studio_data(talk, turns, said):
    first = talk(*turns[:1])
    out = talk(*turns)
    assert any(said in n for n in out.instruction.notices + out.notes)
    assert {"animation", "children's"} & set(out.instruction.intention.genres)
    if len(turns) > 1:  # a follow-up keeps the request in force
        assert out.instruction.action == "refine"
        assert set(first.state.constraints.include_genres) <= set(out.state.constraints.include_genres) <= \
            set(first.state.constraints.include_genres) | {"animation"}  # "pixar?": Pixar makes only animation
    assert out.reply.count("适合全家") <= 1 and out.reply.count("for the family") <= 1


@pytest.mark.parametrize("text", ["太老的不要", "太旧的片子就免了", "太老的就算了"])
def test_too_old_said_after_is_a_lower_year_bound(talk, text):
    out = talk("来几部电影", text)
    assert out.instruction.action == "refine"
    assert out.state.constraints.min_year is not None
