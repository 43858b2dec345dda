"""Dialogue state update functions: pure, and the merge rules documented in chat/state.py."""
from __future__ import annotations

from catalog.filters import Filters
from chat.instruction import CatalogVocab, FeedbackTarget, Instruction, Intention
from chat.parser import RuleRewriter
from chat.state import (
    DialogueState,
    apply_feedback,
    apply_instruction,
    merge_constraints,
    record_shown,
    record_turn,
    reset,
    resolve_instruction,
)

VOCAB = CatalogVocab(genres=["comedy", "horror", "drama", "romance", "animation"])


def test_refine_adds_constraints():
    old = Filters(include_genres=["comedy"], min_year=1990, max_year=1999)
    merged = merge_constraints(old, Filters(max_runtime=100, include_genres=["romance"]), "refine")
    assert merged.include_genres == ["comedy", "romance"]
    assert (merged.min_year, merged.max_year, merged.max_runtime) == (1990, 1999, 100)


def test_new_replaces_but_keeps_excluded_ids():
    old = Filters(include_genres=["comedy"], min_year=1990, exclude_ids=["5"])
    merged = merge_constraints(old, Filters(include_genres=["horror"]), "new")
    assert merged == Filters(include_genres=["horror"], exclude_ids=["5"])


def test_conflicting_genre_moves_from_include_to_exclude_and_back():
    merged = merge_constraints(Filters(include_genres=["horror", "comedy"]), Filters(exclude_genres=["horror"]), "refine")
    assert merged.include_genres == ["comedy"] and merged.exclude_genres == ["horror"]
    back = merge_constraints(merged, Filters(include_genres=["horror"]), "refine")
    assert "horror" in back.include_genres and "horror" not in back.exclude_genres


def test_older_clears_the_crossing_min_year():
    merged = merge_constraints(Filters(min_year=1990, max_year=1999), Filters(max_year=1984), "refine")
    assert (merged.min_year, merged.max_year) == (None, 1984)
    newer = merge_constraints(Filters(min_year=1990, max_year=1999), Filters(min_year=2000), "refine")
    assert (newer.min_year, newer.max_year) == (2000, None)


def test_merge_is_idempotent():
    old = Filters(include_genres=["horror", "comedy"], min_year=1990, max_year=1999, exclude_ids=["1"])
    for action, new in [("refine", Filters(exclude_genres=["horror"], max_year=1985)),
                        ("new", Filters(include_genres=["drama"])),
                        ("refine", Filters(mpaa=["PG"], min_rating=7.0, exclude_ids=["2"]))]:
        once = merge_constraints(old, new, action)
        assert merge_constraints(old, once, action) == once


def test_apply_instruction_is_pure_and_json_round_trips():
    state = record_shown(DialogueState(), ["1", "2", "3"])
    before = state.model_dump()
    instruction = RuleRewriter().rewrite("no horror, only comedies", state, VOCAB)
    after = apply_instruction(state, instruction)
    assert state.model_dump() == before  # never mutated
    assert after.constraints.exclude_genres == ["horror"]
    assert DialogueState.from_json(after.to_json()) == after


def test_feedback_positions_resolve_against_last_list_and_dislikes_stay_excluded():
    state = record_shown(DialogueState(), ["10", "20", "30"])
    state = apply_instruction(state, RuleRewriter().rewrite("comedies", state, VOCAB))
    state = record_shown(state, ["10", "20", "30"])
    state = apply_instruction(state, RuleRewriter().rewrite("not the second one", state, VOCAB))
    assert state.disliked_ids == ["20"] and "20" in state.constraints.exclude_ids
    # A new request replaces the constraints, but the disliked item stays out.
    state = apply_instruction(state, RuleRewriter().rewrite("horror movies", state, VOCAB))
    assert state.constraints.include_genres == ["horror"]
    assert "20" in state.constraints.exclude_ids
    assert "20" in state.instruction.constraints.exclude_ids  # what the retriever reads


def test_out_of_range_position_is_dropped_with_notice():
    state = record_shown(DialogueState(), ["10", "20"])
    instruction = RuleRewriter().rewrite("not #5", state, VOCAB)
    assert instruction.feedback == [] and instruction.notices
    assert apply_instruction(state, instruction).disliked_ids == []


def test_that_one_is_the_item_last_referred_to():
    state = record_shown(DialogueState(), ["10", "20", "30"])
    asked = apply_instruction(state, RuleRewriter().rewrite("tell me more about #3", state, VOCAB))
    assert asked.focus_id == "30"
    after = apply_instruction(asked, RuleRewriter().rewrite("not that one", asked, VOCAB))
    assert after.disliked_ids == ["30"]
    fresh = apply_instruction(state, RuleRewriter().rewrite("not that one", state, VOCAB))
    assert fresh.disliked_ids == ["10"]  # nothing referred to yet: #1


def test_apply_feedback_buttons():
    state = DialogueState()
    liked = apply_feedback(state, "1", "like")
    assert liked.liked_ids == ["1"] and state.liked_ids == []
    more = apply_feedback(liked, "2", "more_like")
    assert more.reference_ids == ["2"] and more.liked_ids == ["1", "2"]
    disliked = apply_feedback(more, "1", "dislike")
    assert disliked.disliked_ids == ["1"] and disliked.liked_ids == ["2"]
    assert disliked.constraints.exclude_ids == ["1"]
    relike = apply_feedback(disliked, "1", "like")
    assert "1" not in relike.constraints.exclude_ids and "1" not in relike.disliked_ids


def test_liked_items_make_the_preference_implicit():
    state = apply_feedback(DialogueState(), "1", "like")
    instruction = RuleRewriter().rewrite("comedies", state, VOCAB)
    assert instruction.preference.kind == "implicit" and instruction.preference.item_ids == ["1"]


def test_record_turn_and_shown():
    state = record_turn(DialogueState(), "user", "hi")
    state = record_shown(state, ["1", "2"])
    state = record_shown(state, ["2", "3"])
    assert [t.text for t in state.turns] == ["hi"]
    assert state.last_list == ["2", "3"] and state.shown_ids == ["1", "2", "3"]


def test_reset_keeps_only_the_session_id():
    state = apply_feedback(record_shown(DialogueState(), ["1"]), "1", "dislike")
    state = apply_instruction(state, RuleRewriter().rewrite("90s comedies", state, VOCAB))
    cleared = reset(state)
    assert cleared.session_id == state.session_id
    assert cleared == DialogueState(session_id=state.session_id)
    via_text = apply_instruction(state, RuleRewriter().rewrite("start over", state, VOCAB))
    assert via_text.constraints.is_empty() and via_text.disliked_ids == [] and via_text.last_list == []
    assert via_text.session_id == state.session_id


def test_refine_keeps_intention_and_k():
    state = DialogueState()
    first = RuleRewriter().rewrite("a few 90s comedies", state, VOCAB)
    state = record_shown(apply_instruction(state, first), ["1", "2"])
    second = RuleRewriter().rewrite("older ones", state, VOCAB)
    assert second.action == "refine" and second.k == 5
    assert second.intention.text.startswith("a few 90s comedies")
    assert second.task == "rank"  # reorders/extends the list being shown


def test_resolve_is_idempotent():
    state = record_shown(DialogueState(), ["1", "2", "3"])
    state = apply_instruction(state, Instruction(constraints=Filters(include_genres=["comedy"]),
                                                 intention=Intention(kind="specific", text="comedies")))
    state = record_shown(state, ["1", "2", "3"])
    turn = Instruction(action="feedback", feedback=[FeedbackTarget(kind="dislike", position=2)],
                       constraints=Filters(max_year=1980))
    once = resolve_instruction(state, turn)
    assert resolve_instruction(state, once) == once
    assert apply_instruction(state, once) == apply_instruction(state, turn)


def test_reset_with_a_request_starts_fresh_with_it():
    state = record_shown(DialogueState(), ["1", "2"])
    state = apply_instruction(state, RuleRewriter().rewrite("90s comedies", state, VOCAB))
    state = apply_feedback(state, "2", "dislike")
    instruction = RuleRewriter().rewrite("start over: horror movies", state, VOCAB)
    assert instruction.action == "reset"
    after = apply_instruction(state, instruction)
    assert after.constraints == instruction.constraints
    assert after.constraints.include_genres == ["horror"] and after.constraints.min_year is None
    assert after.disliked_ids == [] and after.session_id == state.session_id


def test_a_long_session_keeps_its_recent_part_within_the_limits():
    from chat.state import MAX_EXCLUDED, MAX_IDS, MAX_TURN_CHARS, MAX_TURNS, bounded, record_turn

    ids = [str(n) for n in range(3 * MAX_IDS)]
    state = DialogueState(liked_ids=ids, shown_ids=ids, disliked_ids=ids[:10],
                          constraints=Filters(exclude_ids=ids[:10] + [f"seen{n}" for n in range(2 * MAX_EXCLUDED)]))
    for n in range(MAX_TURNS + 50):
        state = record_turn(state, "user", f"turn {n} " + "x" * MAX_TURN_CHARS)
    assert len(state.turns) == MAX_TURNS and state.turns[-1].text.startswith(f"turn {MAX_TURNS + 49}")
    assert all(len(t.text) == MAX_TURN_CHARS for t in state.turns)
    small = bounded(state)
    assert small.liked_ids == ids[-MAX_IDS:] and small.shown_ids == ids[-MAX_IDS:], "the most recent ones stay"
    excluded = small.constraints.exclude_ids
    assert len(excluded) == MAX_EXCLUDED and set(ids[:10]) <= set(excluded), "dislikes stay excluded"
    assert excluded[-1] == f"seen{2 * MAX_EXCLUDED - 1}"
    assert len(small.to_json()) < 400_000
    assert bounded(small) is small
