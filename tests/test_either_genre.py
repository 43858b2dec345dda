"""Genres said as alternatives ("a comedy or a horror, either is fine", "动作片或者科幻片都行"): neither
is required, a film with one of them is as good a match as one with both, and the request keeps
that reading through refinements."""
from __future__ import annotations

import pytest

from chat.instruction import Instruction, Intention
from chat.parser import RuleRewriter
from chat.state import DialogueState
from recommender.pipeline import Recommender
from recommender.reply import understood
from recommender.score import FastScorer
from recommender.types import Candidate
from catalog.item import Item
from chat.instruction import CatalogVocab

VOCAB = CatalogVocab(genres=["action", "comedy", "horror", "romance", "sci-fi", "thriller"])


def read(text: str):
    return RuleRewriter().rewrite(text, DialogueState(), VOCAB)


@pytest.mark.parametrize("text, genres", [
    ("a comedy or a horror, either is fine", {"comedy", "horror"}),
    ("action/thriller from the 90s", {"action", "thriller"}),
    ("sci-fi or maybe a thriller", {"sci-fi", "thriller"}),
    ("动作片或者科幻片都行", {"action", "sci-fi"}),
    ("喜剧还是爱情片都可以", {"comedy", "romance"}),
])
def test_alternatives_are_leanings_not_filters(text, genres):
    ins = read(text)
    assert ins.constraints.include_genres == []
    assert set(ins.intention.genres) >= genres and ins.intention.either


@pytest.mark.parametrize("text, genres", [
    ("a romantic comedy", {"romance", "comedy"}),
    ("comedy and horror", {"comedy", "horror"}),
    ("an action thriller", {"action", "thriller"}),
])
def test_genres_said_together_are_still_all_required(text, genres):
    ins = read(text)
    assert set(ins.constraints.include_genres) == genres and not ins.intention.either


class _NoIndex:
    def vectors(self, ids):
        return {}


def test_one_of_the_genres_is_as_good_as_both():
    items = [Item(id="both", title="Both", genres=("Comedy", "Horror")),
             Item(id="one", title="One", genres=("Comedy",)),
             Item(id="none", title="None", genres=("Drama",))]
    cands = [Candidate(item=it, signals={}) for it in items]

    def cover(either):
        ins = Instruction(intention=Intention(kind="vague", genres=["comedy", "horror"], either=either))
        return {c.item.id: c.signals["intent_cover"] for c in FastScorer().score(ins, DialogueState(), cands,
                                                                               index=_NoIndex(), vectors={})}
    assert cover(True)["both"] == cover(True)["one"] > cover(True)["none"]
    assert cover(False)["both"] > cover(False)["one"]


def test_the_reply_says_or_and_a_refinement_keeps_it(catalog, index):
    ins = Instruction(intention=Intention(kind="vague", genres=["comedy", "horror"], either=True))
    assert "leaning to comedy or horror" in understood(ins, 8, "en")
    assert "偏喜剧或恐怖的" in understood(ins, 8, "zh")
    rec = Recommender(catalog, index, rewriter=RuleRewriter())
    first = list(rec.respond(DialogueState(), "a comedy or a horror, either is fine"))[-1]
    out = list(rec.respond(first.state, "nothing too long"))[-1]
    assert out.instruction.intention.either and out.state.constraints.max_runtime
    assert out.recommendations and any({"comedy", "horror"} & {g.lower() for g in r.item.genres}
                                       for r in out.recommendations)


@pytest.mark.parametrize("text, genres", [
    ("my gf wants a romcom, i want action. compromise?", {"comedy", "romance", "action"}),
    ("the kids want comedy and my husband wants action", {"comedy", "action"}),
    ("she likes romance but i'm into sci-fi", {"romance", "sci-fi"}),
    ("我老婆想看爱情片，我想看动作片", {"romance", "action"}),
])
def test_two_peoples_wishes_are_a_compromise_none_required(text, genres):
    ins = read(text)
    assert ins.constraints.include_genres == [] and set(ins.intention.genres) >= genres
    assert not ins.intention.either  # the films that blend them come first


def test_a_compromise_named_as_a_blend_is_asked_for_as_said():
    ins = read("我老公想看动作片我想看喜剧，折中一下来点动作喜剧吧")
    assert set(ins.constraints.include_genres) == {"action", "comedy"}
    assert set(read("i want action and comedy").constraints.include_genres) == {"action", "comedy"}
