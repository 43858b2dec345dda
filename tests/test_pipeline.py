"""The Recommender facade end to end: real Chroma on tmp_path, FakeEmbedder, the tiny catalog,
the rule parser, FakeLLM. What a user would notice: dislikes never return, likes reorder,
constraints always hold, empty lists are explained, a failing model leaves the fast list."""
from __future__ import annotations

import pytest

from catalog.filters import Filters
from chat.parser import RuleRewriter
from chat.state import DialogueState
from fakes import FakeLLM
from lm import LLMTimeout
from recommender.collab import ItemCF
from recommender.pipeline import Recommender, suggest_relaxation
from recommender.rank import LLMRanker
from recommender.store import SessionStore

# Toy co-watching log over tiny ids: family films go together, so do crime/thrillers.
SEQUENCES = {
    "u1": ["1", "71", "588", "94"], "u2": ["1", "588", "420", "8"], "u3": ["71", "588", "1"],
    "u4": ["12", "56", "98", "5"], "u5": ["56", "12", "3"], "u6": ["50", "174", "222", "183"],
}


def make_rec(catalog, index, tmp_path, ranker=None, collab=True) -> Recommender:
    return Recommender(catalog, index, rewriter=RuleRewriter(), ranker=ranker,
                       collab=ItemCF().fit(SEQUENCES) if collab else None,
                       store=SessionStore(tmp_path / "sessions.sqlite3"))


@pytest.fixture
def rec(catalog, index, tmp_path) -> Recommender:
    return make_rec(catalog, index, tmp_path)


def last(results):
    results = list(results)
    assert results, "a turn must yield at least one result"
    assert results[-1].stage == "final"
    return results[-1]


def ids(result) -> list[str]:
    return [r.item.id for r in result.recommendations]


def assert_valid(result, catalog) -> None:
    """Every item: from the catalog, satisfies the constraints, not disliked, ranks 1..n."""
    for n, r in enumerate(result.recommendations, start=1):
        assert catalog.get(r.item.id) == r.item
        assert result.instruction.constraints.allows(r.item), (r.item.title, result.instruction.constraints)
        assert r.item.id not in result.state.disliked_ids
        assert r.rank == n and 0.0 <= r.score <= 1.0 and r.reason


def test_first_turn_yields_fast_then_final(rec, catalog):
    results = list(rec.respond(DialogueState(), "funny movies from the 90s"))
    assert [r.stage for r in results] == ["fast", "final"]
    res = results[-1]
    assert res.recommendations and all(1990 <= r.item.year <= 1999 and "comedy" in r.item.genres
                                       for r in res.recommendations)
    assert_valid(res, catalog)
    assert {"parse", "retrieve", "fast_score", "total"} <= set(res.timings)
    assert res.state.last_list == ids(res)
    assert "comedy" in res.reply and "1990" in res.reply


def test_disliked_item_never_reappears_over_ten_turns(rec, catalog):
    state = DialogueState()
    res = last(rec.respond(state, "comedies"))
    victim = ids(res)[0]
    res = last(rec.feedback(res.state, victim, "dislike"))
    second = ids(res)[1]
    turns = ["not the second one", "something funny", "no romance", "shorter than 2 hours",
             "something like Toy Story", "animated films", "anything from the 90s",
             "more like #1", "hello", "family movies"]
    disliked = {victim}
    state = res.state
    for n, msg in enumerate(turns):
        res = last(rec.respond(state, msg))
        if n == 0:
            disliked.add(second)
        state = res.state
        assert disliked <= set(state.disliked_ids), msg
        assert not disliked & set(ids(res)), f"disliked item came back after {msg!r}"
        assert_valid(res, catalog)
    assert len(turns) == 10


def _mean_rank(order: list[str], items: list[str]) -> float:
    """Mean 0-based rank; an item that fell off the list counts as one past the end."""
    return sum(order.index(i) if i in order else len(order) for i in items) / len(items)


def _most_similar(index, target: str, pool: list[str], n: int) -> list[str]:
    vec = index.vectors([target])[0]
    sims = {i: float(index.vectors([i])[0] @ vec) for i in pool if i != target}
    return sorted(sims, key=sims.get, reverse=True)[:n]


def test_like_moves_similar_items_up(rec, catalog, index):
    before = last(rec.respond(DialogueState(), "movies from 1975 to 1999"))
    order = [i for i in ids(before) if i != "1"]
    assert len(order) >= 6
    close = _most_similar(index, "1", order, 3)
    after = last(rec.feedback(before.state, "1", "like"))
    new_order = [i for i in ids(after) if i != "1"]  # the liked film itself may stay on the list
    assert _mean_rank(new_order, close) < _mean_rank(order, close), (close, order, new_order)

    def family(i: str) -> bool:  # what a Toy Story fan would call similar
        g = catalog.get(i).genres
        return "animation" in g or "children's" in g

    assert sum(map(family, new_order[:4])) > sum(map(family, order[:4]))
    assert "Toy Story" in after.reply
    # the reasons name the liked film for the items it pulled up
    assert any("Toy Story" in r.reason for r in after.recommendations)


def test_dislike_pushes_similar_items_down(rec, index):
    before = last(rec.respond(DialogueState(), "movies from 1975 to 1999"))
    victim = ids(before)[1]
    order = [i for i in ids(before) if i != victim]
    close = _most_similar(index, victim, order, 3)
    after = last(rec.feedback(before.state, victim, "dislike"))
    new_order = ids(after)
    assert victim not in new_order
    assert _mean_rank(new_order, close) > _mean_rank(order, close), (close, order, new_order)


@pytest.mark.parametrize("msg", [
    "comedies from the 90s under 100 minutes", "no horror, nothing before 1980", "animated films",
    "rated 8 or more", "a thriller", "90年代的喜剧，不要太长", "不要恐怖片", "something like Star Wars",
])
def test_constraint_violations_zero(rec, catalog, msg):
    res = last(rec.respond(DialogueState(), msg))
    assert res.recommendations, res.reply
    assert_valid(res, catalog)


def test_empty_list_is_explained(rec):
    res = last(rec.respond(DialogueState(), "comedies from the 1950s under 60 minutes"))
    assert res.recommendations == []
    assert "No titles" in res.reply and "comedy" in res.reply and "1950" in res.reply
    assert "Try" in res.reply
    assert res.state.last_list == []


def test_empty_list_is_explained_in_chinese(rec):
    res = last(rec.respond(DialogueState(), "50年代的喜剧，60分钟以内"))
    assert res.recommendations == []
    assert "没有" in res.reply and "试试" in res.reply


def test_suggest_relaxation_names_the_blocking_constraint(tiny_items):
    f = Filters(include_genres=["comedy"], max_runtime=60, min_year=1990)
    # only A Close Shave (30 min) is a 90s comedy under 60 minutes... so ask for 20 minutes
    f = f.model_copy(update={"max_runtime": 20})
    assert not any(f.allows(i) for i in tiny_items)
    assert suggest_relaxation(f, tiny_items) == "max_runtime"


def test_empty_and_smalltalk_keep_the_list(rec):
    res = last(rec.respond(DialogueState(), "comedies"))
    shown = ids(res)
    empty = last(rec.respond(res.state, "   "))
    assert ids(empty) == shown and empty.state.last_list == shown
    assert "Tell me what you would like" in empty.reply
    chat = last(rec.respond(empty.state, "hello, how are you?"))
    assert ids(chat) == shown and chat.reply
    assert all(r.reason for r in chat.recommendations)


def test_question_is_answered_from_the_catalog(rec, catalog):
    res = last(rec.respond(DialogueState(), "comedies"))
    second = catalog.get(ids(res)[1])
    ans = last(rec.respond(res.state, "tell me more about #2"))
    assert second.title in ans.reply and str(second.year) in ans.reply
    assert ids(ans) == ids(res)
    missing = last(rec.respond(res.state, "tell me more about #40"))
    assert "#40" in missing.reply or "40" in missing.reply


def test_reset_clears_state_and_says_so(rec):
    res = last(rec.respond(DialogueState(), "comedies"))
    res = last(rec.feedback(res.state, ids(res)[0], "dislike"))
    out = last(rec.respond(res.state, "start over"))
    assert out.recommendations == [] and "Starting over" in out.reply
    assert out.state.disliked_ids == [] and out.state.session_id == res.state.session_id


def test_chinese_turn_gets_chinese_reply_and_reasons(rec, catalog):
    res = last(rec.respond(DialogueState(), "推荐几部90年代的喜剧"))
    assert res.recommendations and "部" in res.reply
    assert all("年的" in r.reason for r in res.recommendations if r.item.year)
    assert_valid(res, catalog)


def test_state_is_saved_and_feedback_logged(rec, tmp_path):
    res = last(rec.respond(DialogueState(), "comedies"))
    res = last(rec.feedback(res.state, ids(res)[0], "like"))
    store = SessionStore(tmp_path / "sessions.sqlite3")  # reopen, as after a restart
    assert store.load(res.state.session_id) == res.state
    assert [e.kind for e in store.feedback(res.state.session_id)] == ["like"]
    fresh = rec.forget(res.state)
    assert store.load(res.state.session_id) is None and store.feedback(res.state.session_id) == []
    assert fresh.session_id != res.state.session_id and fresh.liked_ids == []


def test_feedback_rejects_unknown_item_and_kind(rec):
    with pytest.raises(ValueError, match="No item"):
        list(rec.feedback(DialogueState(), "999999", "like"))
    with pytest.raises(ValueError, match="like, dislike, more_like"):
        list(rec.feedback(DialogueState(), "1", "love"))


def test_more_like_this_builds_around_the_item(rec, catalog):
    res = last(rec.respond(DialogueState(), "movies"))
    out = last(rec.feedback(res.state, "71", "more_like"))  # The Lion King
    assert "71" not in ids(out)  # the reference itself is not recommended again
    top = [catalog.get(i) for i in ids(out)[:3]]
    assert sum("animation" in it.genres or "children's" in it.genres for it in top) >= 2


def test_new_conversation_keeps_session_id(rec):
    res = last(rec.respond(DialogueState(), "comedies"))
    new = rec.new_conversation(res.state)
    assert new.session_id == res.state.session_id and new.last_list == [] and new.turns == []


# ----------------------------------------------------------------- LLM stage (FakeLLM)

def llm_rec(catalog, index, tmp_path, llm) -> Recommender:
    return make_rec(catalog, index, tmp_path, ranker=LLMRanker(llm, timeout_s=5.0, shuffle=False))


def test_llm_timeout_keeps_fast_list_with_note(catalog, index, tmp_path):
    llm = FakeLLM()
    llm.enqueue_error(LLMTimeout("too slow"))
    rec = llm_rec(catalog, index, tmp_path, llm)
    results = list(rec.respond(DialogueState(), "comedies"))
    fast, final = results[0], results[-1]
    assert fast.stage == "fast" and final.stage == "final"
    assert ids(final) == ids(fast)
    assert final.notes and any("fast" in n.lower() or "time" in n.lower() for n in final.notes)
    assert all(r.ranked_by == "fast" for r in final.recommendations)
    assert_valid(final, catalog)


@pytest.mark.parametrize(
    "mode, answer",
    [
        ("item", "garbage"),
        ("item", "Z| an invented item"),  # list-style line: no score, so not an item-mode answer
        ("item", "a 1942 western | 7"),  # a false reason: refused, the template reason stays
        ("list", "garbage"),
        ("list", "Z| an invented item\nQ| another"),
        ("list", "A| first\nA| again"),
    ],
)
def test_llm_bad_answers_never_invent_items(catalog, index, tmp_path, mode, answer):
    llm = FakeLLM(default=None if answer == "garbage" else answer)
    for _ in range(8):
        if answer == "garbage":
            llm.enqueue_garbage()
    rec = make_rec(catalog, index, tmp_path, ranker=LLMRanker(llm, timeout_s=5.0, mode=mode))
    results = list(rec.respond(DialogueState(), "comedies"))
    final = results[-1]
    assert sorted(ids(final)) == sorted(ids(results[0]))  # same items, no invented, no duplicate
    assert len(set(ids(final))) == len(ids(final))
    assert all(r.reason and "1942 western" not in r.reason for r in final.recommendations)
    assert_valid(final, catalog)


def test_llm_reorders_and_streams_reasons(catalog, index, tmp_path):
    rec0 = make_rec(catalog, index, tmp_path)
    fast = last(rec0.respond(DialogueState(), "comedies"))
    head = fast.recommendations[:6]  # item mode judges the fast head, one call per item, in fast order
    # the model much prefers the fast #2 to the fast #1, each with a true reason of its own
    llm = FakeLLM(chunk_size=4)
    for score, r in zip([0, 10, 5, 5, 5, 5], head):
        llm.enqueue(f"{r.item.year} comedy, model reason | {score}")
    rec = llm_rec(catalog, index, tmp_path, llm)
    results = list(rec.respond(DialogueState(), "comedies"))
    stages = [r.stage for r in results]
    assert stages[0] == "fast" and stages[-1] == "final" and "llm_partial" in stages
    final = results[-1]
    assert sorted(ids(final)) == sorted(ids(results[0]))
    assert all(r.ranked_by == "llm" for r in final.recommendations)
    assert sum(r.reason.endswith("comedy, model reason") for r in final.recommendations) == 6
    assert ids(final)[:2] == [ids(results[0])[1], ids(results[0])[0]]  # the model's order took effect
    assert [m["content"] for m in llm.calls[0]["messages"]][-1].startswith("Request:")
    assert {"llm_rank", "explain", "first_reason", "total"} <= set(final.timings)
    assert final.state.last_list == ids(final)
    assert_valid(final, catalog)


def test_the_llm_rewriter_gets_its_own_llama_cpp_context_so_neither_prefix_is_evicted():
    from lm.llamacpp import LlamaCppLLM
    from recommender.pipeline import _rewriter_llm

    ranker_llm = LlamaCppLLM(size="1.5b", n_threads=2)  # nothing loads until first use
    rewriter_llm = _rewriter_llm(ranker_llm)
    assert isinstance(rewriter_llm, LlamaCppLLM) and rewriter_llm is not ranker_llm
    assert (rewriter_llm.size, rewriter_llm.n_ctx, rewriter_llm.n_threads) == ("1.5b", ranker_llm.n_ctx, 2)
    assert rewriter_llm._lock is not ranker_llm._lock  # its own context, cache and lock
    fake = FakeLLM()
    assert _rewriter_llm(fake) is fake  # servers and fakes keep no per-process prefix: shared as is


def test_a_newer_message_stops_the_sessions_stale_model_work(catalog, index, tmp_path):
    llm = FakeLLM(default="a comedy | 5")
    rec = llm_rec(catalog, index, tmp_path, llm)
    state = DialogueState()
    stale = rec.respond(state, "comedies")
    assert next(stale).stage == "fast"
    next(stale)  # the model judged one card
    calls = len(llm.calls)
    other = last(rec.respond(DialogueState(), "dramas"))  # another session does not stop it
    assert not any("newer message" in n for n in other.notes)
    newer = last(rec.respond(state, "dramas"))  # the same session: its stale turn gives up the model
    assert all(r.ranked_by == "llm" for r in newer.recommendations)
    before = len(llm.calls)
    rest = list(stale)
    assert len(llm.calls) == before, "no more model calls for the stale turn"
    assert rest[-1].stage == "final" and any("newer message" in n for n in rest[-1].notes)
    assert all(r.ranked_by == "fast" for r in rest[-1].recommendations)
    assert rest[-1].superseded and not newer.superseded, "callers keep the newer turn's state"
    assert calls >= 1


def _reasons_only(catalog, index, tmp_path, llm) -> Recommender:
    rec = make_rec(catalog, index, tmp_path, ranker=LLMRanker(llm, timeout_s=5.0, shuffle=False))
    rec.llm_reorders = False  # what a local model on CPU gets: reasons stream in, cards stay put
    return rec


def test_reasons_only_stage_keeps_the_cards_in_place(catalog, index, tmp_path):
    llm = FakeLLM()
    fast = last(make_rec(catalog, index, tmp_path).respond(DialogueState(), "comedies"))
    for score, r in zip([0, 10, 5, 5, 5, 5], fast.recommendations[:6]):
        llm.enqueue(f"{r.item.year} comedy with a warm heart | {score}")
    results = list(_reasons_only(catalog, index, tmp_path, llm).respond(DialogueState(), "comedies"))
    assert all(ids(r) == ids(results[0]) for r in results)  # no reshuffling while reasons arrive
    final = results[-1]
    assert sum(r.reason_by == "model" for r in final.recommendations) == 6
    assert all(r.reason_by == "template" for r in final.recommendations[6:])


def test_a_time_out_keeps_the_reasons_already_written(catalog, index, tmp_path):
    llm = FakeLLM()
    fast = last(make_rec(catalog, index, tmp_path).respond(DialogueState(), "comedies"))
    first = fast.recommendations[0]
    llm.enqueue(f"{first.item.year} comedy with a warm heart | 7")
    llm.enqueue_error(LLMTimeout("too slow"))
    final = last(_reasons_only(catalog, index, tmp_path, llm).respond(DialogueState(), "comedies"))
    by = {r.item.id: r for r in final.recommendations}
    assert by[first.item.id].reason_by == "model" and by[first.item.id].reason.endswith("warm heart")
    assert all(r.reason_by == "template" for r in final.recommendations if r.item.id != first.item.id)
    assert final.notes  # the time-out is said


def test_a_reason_that_denies_the_items_facts_never_reaches_a_card(catalog, index, tmp_path):
    llm = FakeLLM(default="not a comedy at all, but fun | 6")
    final = last(_reasons_only(catalog, index, tmp_path, llm).respond(DialogueState(), "comedies"))
    assert all("not a comedy" not in r.reason and r.reason_by == "template" for r in final.recommendations)
    assert final.reasons_refused >= 1


def test_a_question_keeps_the_model_reasons_on_the_cards(catalog, index, tmp_path):
    llm = FakeLLM()
    fast = last(make_rec(catalog, index, tmp_path).respond(DialogueState(), "comedies"))
    for r in fast.recommendations[:6]:
        llm.enqueue(f"{r.item.year} comedy with a warm heart | 5")
    rec = _reasons_only(catalog, index, tmp_path, llm)
    shown = last(rec.respond(DialogueState(), "comedies"))
    asked = last(rec.respond(shown.state, "how long is the second one?"))
    assert [r.reason for r in asked.recommendations] == [r.reason for r in shown.recommendations]


class _QueuedLLM(FakeLLM):
    """A shared model with other sessions' calls already waiting for it."""

    def __init__(self, waiting: int) -> None:
        super().__init__(default="garbage")
        self._waiting = waiting

    def waiting(self) -> int:
        return self._waiting


def test_a_busy_model_is_skipped_at_once_with_a_note(catalog, index, tmp_path):
    busy = _QueuedLLM(waiting=2)
    results = list(llm_rec(catalog, index, tmp_path, busy).respond(DialogueState(), "comedies"))
    final = results[-1]
    assert busy.calls == []                                  # no model call queued behind the others
    assert any("busy" in n for n in final.notes)
    assert all(r.reason for r in final.recommendations)      # the catalog reasons stand
    assert_valid(final, catalog)
    free = _QueuedLLM(waiting=0)
    list(llm_rec(catalog, index, tmp_path, free).respond(DialogueState(), "comedies"))
    assert free.calls                                        # a free model is asked as before


def test_a_short_list_says_how_many_match_and_what_would_bring_more(rec, catalog):
    # a 90s comedy under 60 minutes: only the one short film in the tiny catalog fits
    res = last(rec.respond(DialogueState(), "90s comedies under 60 minutes"))
    assert 0 < len(res.recommendations) < 5
    assert any(f"Only {len(res.recommendations)} titles" in n and "Try" in n for n in res.notes), res.notes
    full = last(rec.respond(DialogueState(), "comedies"))
    assert not any("Only" in n for n in full.notes)  # a full list says nothing of the kind


def test_chinese_cards_carry_the_chinese_title_where_the_catalog_has_one(catalog, index, tmp_path):
    from catalog.catalog import Catalog

    local = Catalog("tiny-zh", list(catalog))
    local.set_aliases({"1": ["玩具总动员"]})
    r = make_rec(local, index, tmp_path)
    res = last(r.respond(DialogueState(), "来几部喜剧动画片"))
    by_id = {x.item.id: x for x in res.recommendations}
    assert "1" in by_id and by_id["1"].title == "玩具总动员"
    assert all(x.title == x.item.title for i, x in by_id.items() if i != "1")
