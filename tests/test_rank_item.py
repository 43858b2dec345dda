"""The LLM ranker's item mode (the default) with FakeLLM: one short call per candidate after a
fixed, cached prefix; every reason checked against its item; the list always a permutation."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chat.instruction import Instruction
from fakes import FakeLLM
from recommender.rank import LLMRanker
from recommender.rank_format import item_grammar, parse_item_answer
from recommender.types import Candidate


@pytest.fixture
def candidates(tiny_items) -> list[Candidate]:
    return [Candidate(item=item, score=1.0 - i / 20) for i, item in enumerate(tiny_items[:8])]


def true_reason(item) -> str:
    return f"{item.year} {item.genres[0]}, worth a look"


def run(ranker, candidates, lang="en", text="a funny movie", **kw):
    return list(ranker.rank(Instruction(language=lang), candidates, instruction_text=text, **kw))


def test_one_call_per_head_item_in_fast_order_each_reason_streamed_as_it_comes(candidates):
    head = candidates[:6]
    llm = FakeLLM([f"{true_reason(c.item)} | {s}" for s, c in enumerate(head)])
    updates = run(LLMRanker(llm), candidates)
    assert len(llm.calls) == 6  # the default head; the other two cards keep their fast place
    for call, c in zip(llm.calls, head):
        last = call["messages"][-1]
        assert last["role"] == "user" and last["content"].startswith("Request: a funny movie\nCandidate: ")
        assert c.item.title in last["content"] and sum(o.item.title in last["content"] for o in candidates) == 1
    assert [len(u.reasons) for u in updates] == [0, 1, 2, 3, 4, 5, 6, 6]  # one more reason per call
    assert updates[1].reasons == {head[0].item.id: true_reason(head[0].item)}  # the fast #1 is explained first
    final = updates[-1]
    fast = [c.item.id for c in candidates]
    assert final.done and final.ranked_by == "llm" and final.notes == [] and final.refused == 0
    assert sorted(final.order) == sorted(fast) and final.order[6:] == fast[6:]
    # Default weights favour the fast order (chosen on validation data): reversing it changes nothing ...
    assert final.order == fast
    # ... with more say the model's best (scored 5) comes first
    llm = FakeLLM([f"{true_reason(c.item)} | {s}" for s, c in enumerate(head)])
    assert run(LLMRanker(llm, fast_weight=0.7), candidates)[-1].order[0] == head[-1].item.id


def test_with_default_weights_a_strong_disagreement_swaps_neighbours(candidates):
    head = candidates[:6]
    scores = [0, 10, 5, 5, 5, 5]  # the model wants the fast #2 first and the fast #1 last
    llm = FakeLLM([f"{true_reason(c.item)} | {s}" for s, c in zip(scores, head)])
    final = run(LLMRanker(llm), candidates)[-1]
    fast = [c.item.id for c in candidates]
    assert final.order[:2] == [fast[1], fast[0]] and final.order[2:] == fast[2:]


def test_the_prefix_is_identical_for_every_request_and_language_so_its_kv_cache_is_reused(candidates):
    llm = FakeLLM(default="x | 1")
    ranker = LLMRanker(llm)
    assert ranker.warm() is True
    run(ranker, candidates, lang="en", text="a funny movie")
    run(ranker, candidates, lang="zh", text="来点喜剧")
    prefixes = {tuple((m["role"], m["content"]) for m in c["messages"][:-1]) for c in llm.calls}
    assert len(prefixes) == 1 and len(llm.calls) == 1 + 12
    assert llm.calls[0]["max_tokens"] == 1 and llm.calls[0]["messages"][-1]["content"] == "Request:"
    prefix = llm.calls[1]["messages"][:-1]
    assert prefix[0]["role"] == "system" and any(m["role"] == "assistant" for m in prefix)  # worked examples
    assert all("来点喜剧" not in m["content"] and "a funny movie" not in m["content"] for m in prefix)


def test_chinese_request_gets_chinese_genre_names_and_a_grammar_without_latin_letters(candidates):
    llm = FakeLLM(default="1995年的喜剧，玩具们活了过来 | 8")
    final = run(LLMRanker(llm), candidates, lang="zh", text="来点喜剧")[-1]
    toy = next(c.item for c in candidates if c.item.title == "Toy Story")
    first = llm.calls[0]["messages"][-1]["content"]
    assert first.startswith("请求：来点喜剧\n候选：Toy Story（1995）；动画、儿童、喜剧；") and f"{toy.runtime}分钟" in first
    assert "a-zA-Z" in llm.calls[0]["grammar"] and "[\\u4e00-\\u9fff0-9]" in llm.calls[0]["grammar"]
    assert final.reasons[toy.id] == "1995年的喜剧，玩具们活了过来"


def test_a_reason_that_claims_what_the_item_is_not_is_refused_for_the_template_one(candidates):
    fast = [c.item.id for c in candidates]
    toy = candidates[0].item  # animation, children's, comedy
    assert toy.title == "Toy Story"
    answers = [f"{toy.year} horror, too scary | 2", "1942 film, a classic | 9"] + [f"{true_reason(c.item)} | 5" for c in candidates[2:6]]
    final = run(LLMRanker(FakeLLM(answers)), candidates, fallback_reasons={i: f"template {i}" for i in fast})[-1]
    assert final.refused == 2
    assert final.reasons[toy.id] == f"template {toy.id}" and final.reasons[fast[1]] == f"template {fast[1]}"
    assert all(final.reasons[c.item.id] == true_reason(c.item) for c in candidates[2:6])
    assert final.ranked_by == "llm" and final.order[-2:] == fast[6:]


def test_a_reason_that_repeats_the_request_is_refused(candidates):
    llm = FakeLLM(default="适合孩子看的搞笑动画片 | 9")
    final = run(LLMRanker(llm), candidates, lang="zh", text="适合孩子看的搞笑动画片")[-1]
    assert final.reasons == {} and final.refused == 6


def test_one_garbage_answer_skips_its_item_with_a_note_two_in_a_row_end_the_pass(candidates):
    head = [c.item for c in candidates[:6]]
    llm = FakeLLM([f"{true_reason(head[0])} | 7"]).enqueue_garbage()
    for item in head[2:]:
        llm.enqueue(f"{true_reason(item)} | 6")
    final = run(LLMRanker(llm), candidates)[-1]
    assert len(final.reasons) == 5 and head[1].id not in final.reasons
    assert final.notes == ["The language model explained 5 of 6 cards within its time budget; the others keep their reasons from the catalog facts."]

    llm = FakeLLM([f"{true_reason(head[0])} | 7"]).enqueue_garbage().enqueue_garbage()
    final = run(LLMRanker(llm), candidates)[-1]
    assert len(llm.calls) == 3 and llm.pending == 0  # it stopped asking after two unusable answers
    assert "explained 1 of 6" in final.notes[0]


def test_all_garbage_keeps_the_fast_order_with_a_note(candidates):
    final = run(LLMRanker(FakeLLM(default="no idea")), candidates)[-1]
    assert final.order == [c.item.id for c in candidates] and final.ranked_by == "fast"
    assert final.notes == ["The language model's answer could not be used; showing the fast ranking."]


def test_a_slow_model_stops_within_the_budget_keeping_the_reasons_it_gave(candidates):
    llm = FakeLLM(default="1995 film about toys that come alive | 5", delay_s=0.04, chunk_size=4)  # ~0.2 s per answer
    updates = run(LLMRanker(llm, timeout_s=0.5), candidates, lang="zh")
    final = updates[-1]
    # it measured ~0.2 s per answer and stopped before an answer that would not fit: none thrown away
    assert final.notes and final.notes[0].startswith("语言模型在时间预算内解释了")
    assert 1 <= len(final.reasons) < 6 and len(final.reasons) == len(llm.calls)
    assert final.elapsed_s < 0.55


def test_parse_item_answer_shapes():
    assert parse_item_answer("1995 comedy, a fine fit | 8") == (8, "1995 comedy, a fine fit")
    assert parse_item_answer("  1995 drama | 10/10\nextra") == (10, "1995 drama")
    assert parse_item_answer("no score") is None and parse_item_answer("| 7") is None


def test_item_grammar_caps_the_reason_per_language():
    assert "{2,71}" in item_grammar("en") and "{1,23}" in item_grammar("zh")
    assert 'score ::= [0-9] | "10"' in item_grammar("en")


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    answers=st.lists(st.text(alphabet=st.sampled_from(list("ABZ|:.\n -0123456789comedy好")), max_size=40), min_size=0, max_size=8),
    n=st.integers(min_value=1, max_value=8),
)
def test_property_any_answers_yield_only_candidate_ids_each_once(tiny_items, answers, n):
    cands = [Candidate(item=item) for item in tiny_items[:n]]
    ids = [c.item.id for c in cands]
    for update in LLMRanker(FakeLLM(answers, default="")).rank(Instruction(), cands, instruction_text="x"):
        assert sorted(update.order) == sorted(ids)  # a permutation: nothing invented, nothing lost
        assert set(update.reasons) <= set(ids)
    assert update.done
