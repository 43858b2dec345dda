"""Follow-ups seen in realistic chats: "any hidden gems?" (well rated but little watched, the request
kept), and "we saw that already" about the card just liked, or about the top card of a fresh list,
instead of a new request that dropped everything."""
from __future__ import annotations

import pytest

from catalog.catalog import Catalog
from catalog.item import Item
from chat.acts import moods
from chat.instruction import Instruction, Intention
from chat.parser import RuleRewriter
from chat.state import DialogueState
from chat.text import Work
from recommender.pipeline import Recommender
from recommender.score import FastScorer
from recommender.types import Candidate

GENRES = ["comedy", "drama", "horror", "sci-fi"]


@pytest.mark.parametrize("text", [
    "any hidden gems?", "something underrated", "a lesser-known 80s thriller", "nothing too mainstream please",
    "stuff i probably haven't seen", "冷门一点的", "有没有小众的喜剧", "来点被低估的", "宝藏片推荐几部",
])
def test_lesser_known_said_many_ways(text):
    assert "lesser-known" in moods(Work.of(text), GENRES).names


def test_something_popular_turns_it_around():
    assert "not lesser-known" in moods(Work.of("something popular, nothing obscure"), GENRES).names


class _Pop(Catalog):
    def __init__(self, items, counts):
        super().__init__("pop", items)
        self._counts = counts

    def popularity(self, item_id):
        return self._counts[item_id]


class _NoIndex:
    def vectors(self, ids):
        return {}


def test_lesser_known_puts_the_well_rated_little_watched_film_first():
    items = [Item(id="hit", title="Hit", genres=("Comedy",), rating=7.8, votes=500_000),
             Item(id="gem", title="Gem", genres=("Comedy",), rating=7.6, votes=30_000),
             Item(id="dud", title="Dud", genres=("Comedy",), rating=4.1, votes=300)]
    cat = _Pop(items, {"hit": 1.0, "gem": 0.1, "dud": 0.05})
    cands = [Candidate(item=it, signals={"popularity": 0.7 * cat.popularity(it.id) + 0.03 * it.rating}) for it in items]

    def order(moods_said):
        ins = Instruction(intention=Intention(kind="vague", moods=moods_said))
        return [c.item.id for c in FastScorer().score(ins, DialogueState(), cands, index=_NoIndex(), catalog=cat,
                                                      vectors={})]
    assert order([])[0] == "hit"
    assert order(["lesser-known"])[0] == "gem" and order(["lesser-known"])[-1] != "gem"


@pytest.fixture
def rec(catalog, index) -> Recommender:
    return Recommender(catalog, index, rewriter=RuleRewriter())


def final(rec, state, text):
    return list(rec.respond(state, text))[-1]


def test_hidden_gems_after_a_request_keeps_it(rec):
    shown = final(rec, DialogueState(), "a few comedies")
    out = final(rec, shown.state, "any hidden gems?")
    assert out.instruction.action == "refine"
    assert out.state.constraints.include_genres == ["comedy"]
    assert "lesser-known" in out.reply


def test_seen_that_after_liking_a_card_is_that_card(rec):
    shown = final(rec, DialogueState(), "a few comedies")
    liked = shown.state.last_list[1]
    after = final(rec, shown.state, "the 2nd looks fun")
    out = final(rec, after.state, "we saw that already actually")
    assert liked in out.state.constraints.exclude_ids
    assert out.state.constraints.include_genres == ["comedy"]


def test_seen_that_right_after_a_fresh_list_is_the_top_card(rec):
    shown = final(rec, DialogueState(), "a few comedies")
    out = final(rec, shown.state, "we saw that already")
    assert out.instruction.action == "feedback"
    assert shown.state.last_list[0] in out.state.constraints.exclude_ids
    assert out.state.constraints.include_genres == ["comedy"]


def test_newer_than_the_film_just_named_is_against_that_film(rec, catalog):
    shown = final(rec, DialogueState(), "a few comedies")
    named = next(it for it in catalog if it.title == "Groundhog Day")
    seen = final(rec, shown.state, "groundhog day she's seen a million times")
    out = final(rec, seen.state, "something newer than that")
    assert out.state.constraints.min_year == named.year + 1


@pytest.mark.parametrize("text", ["perfect, the first one", "great - #2", "ok the 3rd one then", "sweet, number 2"])
def test_an_approving_word_and_a_card_takes_that_card(rec, text):
    shown = final(rec, DialogueState(), "a few comedies")
    out = final(rec, shown.state, text)
    assert out.instruction.action == "smalltalk" and out.reply.startswith("Enjoy ")
    assert out.state.last_list == shown.state.last_list


def test_hidden_gems_bring_in_well_rated_little_watched_films():
    from recommender.candidates import by_hidden_gem, hidden_gem

    items = [Item(id="hit", title="Hit", genres=("Drama",), rating=8.5, votes=900_000),
             Item(id="gem", title="Gem", genres=("Drama",), rating=8.0, votes=20_000),
             Item(id="fluke", title="Fluke", genres=("Drama",), rating=9.4, votes=12),
             Item(id="dud", title="Dud", genres=("Drama",), rating=4.0, votes=300)]
    cat = _Pop(items, {"hit": 1.0, "gem": 0.15, "fluke": 0.05, "dud": 0.05})
    order = [it.id for it in by_hidden_gem(cat)]
    # a rating from a dozen votes is not trusted far: the gem with 20,000 votes comes first
    assert order[0] == "gem" and order[-1] in ("hit", "dud")
    assert hidden_gem(items[1], cat) > hidden_gem(items[2], cat)
