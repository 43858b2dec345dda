"""A wish said in words the rules cannot map to a genre or mood ("something to watch while folding
laundry", "适合一个人安静看的电影") left them with nothing but the words: the list was whatever the
words' embedding found. In hybrid understanding the model is now asked which of the catalog's genres
fit the wish and which clash; the list is updated with a visible note. A FakeLLM replays the model's
answers here; tests/test_leanings_model.py asks the real local model."""
from __future__ import annotations

import pytest

from chat.leanings import LeaningReader, Leanings, grammar, parse
from chat.opinions import OpinionReader
from chat.parser import RuleRewriter
from chat.state import DialogueState
from chat.understand import ModelUnderstanding
from lm import LLMTimeout
from lm.fake import FakeLLM
from recommender.pipeline import Recommender

GENRES = ["action", "comedy", "drama", "horror", "romance", "war"]


def test_grammar_allows_only_the_catalogs_genres():
    g = grammar(GENRES)
    assert g.startswith('root ::= "fit: " g')
    assert all(f'"{x}"' in g for x in GENRES) and '"none"' in g


@pytest.mark.parametrize("answer, fit, avoid", [
    ("fit: comedy, romance\navoid: war, horror", ["comedy", "romance"], ["war", "horror"]),
    ("fit: Comedy, space opera, comedy\navoid: none", ["comedy"], []),
    ("fit: drama\navoid: drama, war", ["drama"], ["war"]),  # never on both sides
    ("garbage", [], []),
    ("fit: action, comedy, drama, romance\navoid: war, horror, romance", ["action", "comedy", "drama"], ["war", "horror"]),
])
def test_parse_keeps_known_genres_only(answer, fit, avoid):
    assert parse(answer, GENRES) == Leanings(fit=fit, avoid=avoid)


def _hybrid(catalog, index, llm) -> Recommender:
    rules = RuleRewriter()
    return Recommender(catalog, index, rewriter=rules,
                       understander=ModelUnderstanding(rules, OpinionReader(llm), leanings=LeaningReader(llm)))


VAGUE = ["something to watch while folding laundry", "what should we put on when the in-laws visit"]


@pytest.mark.parametrize("text", VAGUE)
def test_a_vague_wish_is_leaned_by_the_model_and_the_list_says_so(catalog, index, text):
    llm = FakeLLM()
    llm.enqueue("fit: comedy, romance\navoid: horror, war")
    rec = _hybrid(catalog, index, llm)
    results = list(rec.respond(DialogueState(), text))
    assert [r.stage for r in results][0] == "fast" and "understood" in [r.stage for r in results]
    final = results[-1]
    assert final.instruction.rewriter == "llm"
    assert final.instruction.intention.genres[:2] == ["comedy", "romance"]
    assert {"horror", "war"} <= set(final.instruction.intention.avoid)
    assert any("leaning to comedy and romance" in n for n in final.notes)
    top = [catalog.get(i) for i in final.state.last_list[:3]]
    assert all({"comedy", "romance"} & set(it.genres) for it in top)
    assert not any({"horror", "war"} & set(it.genres) for it in top)
    assert len(llm.calls) == 1 and text in llm.calls[0]["messages"][-1]["content"]


@pytest.mark.parametrize("text", ["90s comedies", "something cozy", "more like Toy Story", "hi there", "asdfgh"])
def test_turns_the_rules_placed_never_ask_the_model(catalog, index, text):
    llm = FakeLLM()
    rec = _hybrid(catalog, index, llm)
    list(rec.respond(DialogueState(), text))
    assert llm.calls == []


def test_a_genre_ruled_out_is_never_leaned_to(catalog, index):
    llm = FakeLLM()
    rec = _hybrid(catalog, index, llm)
    llm.enqueue("fit: horror, comedy\navoid: drama")
    out = list(rec.respond(DialogueState(), "something to watch while folding laundry, no horror"))[-1]
    assert out.instruction.rewriter == "llm" and out.instruction.intention.genres == ["comedy"]
    assert "horror" not in out.instruction.intention.genres
    assert "horror" in out.state.constraints.exclude_genres
    assert not any("horror" in rec.catalog.get(i).genres for i in out.state.last_list)


def test_a_model_that_times_out_leaves_the_rules_list_with_a_note(catalog, index):
    llm = FakeLLM()
    llm.enqueue_error(LLMTimeout("too slow"))
    rec = _hybrid(catalog, index, llm)
    results = list(rec.respond(DialogueState(), VAGUE[0]))
    assert results[-1].state.last_list == results[0].state.last_list
    assert any("could not read" in n for n in results[-1].notes)


def test_a_garbage_answer_changes_nothing(catalog, index):
    llm = FakeLLM()
    llm.enqueue_garbage()
    rec = _hybrid(catalog, index, llm)
    results = list(rec.respond(DialogueState(), VAGUE[0]))
    assert results[-1].state.last_list == results[0].state.last_list
    assert results[-1].instruction.intention.genres == []
