"""A film named as a reference that the catalog lacks ("something like Ghostbusters", "类似《大话西游》的")
was searched for as text, with the note '"X" was not found in the catalog; it is used as text only.'
The same note was put on words that are no film at all ("something like funny", "similar to what i
liked before", "films in the vein of old hollywood"). Now only a name that can be a film gets the
note, in words a person would say; the other words are read as the request; and in hybrid
understanding the model is asked which genres such a film is (soft leanings, with a note), as it is
for a vague wish. A FakeLLM replays the model's answers."""
from __future__ import annotations

import pytest

from chat.leanings import LeaningReader
from chat.opinions import OpinionReader
from chat.parser import RuleRewriter
from chat.state import DialogueState
from chat.understand import ModelUnderstanding
from lm.fake import FakeLLM
from recommender.pipeline import Recommender, catalog_vocab


@pytest.fixture(scope="module")
def vocab(catalog):
    return catalog_vocab(catalog)


def read(vocab, text: str):
    return RuleRewriter().rewrite(text, DialogueState(), vocab)


@pytest.mark.parametrize("text, title", [
    ("something like ghostbusters", "ghostbusters"),
    ("i want something like super bad but older", "super bad"),
    ('movies like "Inception"', "Inception"),
    ("anything similar to jurassic world?", "jurassic world"),
    ("stuff along the lines of the dark knight", "the dark knight"),
    ("类似《大话西游》的电影", "大话西游"),
    ("有没有跟《让子弹飞》差不多的", "让子弹飞"),
])
def test_a_film_the_catalog_lacks_is_said_plainly(vocab, text, title):
    got = read(vocab, text)
    assert got.unknown_titles == [title]
    assert got.reference_ids == []
    note = " ".join(got.notices)
    assert title in note
    assert ("目录里没有" in note) if got.language == "zh" else ("I don't have" in note and "went by the rest" in note)


@pytest.mark.parametrize("text", [
    "something like funny but not too long",
    "movies similar to what i liked before",
    "stuff like you would see on a rainy day",
    "films in the vein of old hollywood",
    "something like what my dad watches",
    "something like 2 hours long",
    "something like a romcom",
    "i need something like a hug",
    "similar to the first one",
])
def test_words_of_the_request_are_no_missing_film(vocab, text):
    got = read(vocab, text)
    assert got.unknown_titles == []
    assert not any("don't have" in n or "not found" in n for n in got.notices)


def test_something_like_funny_is_read_as_a_wish_for_comedy(vocab):
    got = read(vocab, "something like funny but not too long")
    assert "comedy" in got.constraints.include_genres + got.intention.genres
    assert got.constraints.max_runtime is not None


def test_a_question_names_no_reference(vocab):
    assert read(vocab, "is ghostbusters any good?").unknown_titles == []


def _hybrid(catalog, index, llm) -> Recommender:
    rules = RuleRewriter()
    return Recommender(catalog, index, rewriter=rules,
                       understander=ModelUnderstanding(rules, OpinionReader(llm), leanings=LeaningReader(llm)))


def test_hybrid_asks_the_model_what_kind_of_film_it_is_and_leans_to_it(catalog, index):
    llm = FakeLLM()
    llm.enqueue("fit: comedy\navoid: war")
    rec = _hybrid(catalog, index, llm)
    results = list(rec.respond(DialogueState(), "something like ghostbusters"))
    assert results[0].stage == "fast" and "understood" in [r.stage for r in results]
    final = results[-1]
    assert len(llm.calls) == 1 and "ghostbusters" in llm.calls[0]["messages"][-1]["content"]
    assert final.instruction.intention.genres == ["comedy"]
    assert final.state.constraints.include_genres == []  # a leaning, never a filter
    assert any("leaning to comedy" in n for n in final.notes)
    assert any("I don't have" in n for n in final.notes)
    assert "comedy" in catalog.get(final.state.last_list[0]).genres


def test_hybrid_does_not_ask_when_the_request_names_its_genre(catalog, index):
    llm = FakeLLM()
    rec = _hybrid(catalog, index, llm)
    list(rec.respond(DialogueState(), "a comedy like ghostbusters"))
    assert llm.calls == []


def test_a_comma_after_a_known_title_is_no_missing_film_and_the_list_goes_on(vocab):
    got = read(vocab, "need something like usual suspects, or pulp fiction maybe")
    assert got.unknown_titles == [] and not got.notices
    assert got.reference_ids == ["12", "56"]
