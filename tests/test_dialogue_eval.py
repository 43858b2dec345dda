"""The dialogue-understanding evaluation (evaluation/dialogue.py): its checker on hand-made results
(fast), and a short real run in CI: a few development dialogues through the real MovieLens pipeline
with the rules (slow: it builds the MiniLM index). The full figures come from
`python -m evaluation.dialogue` (README, Evaluation)."""
from __future__ import annotations

import pytest

from evaluation.dialogue import DIALOGUES, Checker, TurnCase, _in, load_dialogues, summarise


def test_both_parts_load_and_the_test_part_is_separate():
    dev, test = load_dialogues("dev"), load_dialogues("test")
    assert len(dev) >= 36 and len(test) >= 36
    assert not {d.id for d in dev} & {d.id for d in test}
    assert (DIALOGUES / "test.yaml").is_file()
    assert sum(len(d.turns) for d in dev + test) >= 300
    zh = sum(d.lang == "zh" for d in dev + test)
    assert 0.4 <= zh / len(dev + test) <= 0.6


def test_ranges_and_unset_values_are_checked_as_labelled():
    assert _in(110, {"ge": 100, "le": 130}) and not _in(90, {"ge": 100, "le": 130})
    assert _in(1990, 1990) and not _in(None, {"ge": 1})


def test_the_checker_fails_a_wrong_state_and_passes_a_right_one(catalog):
    from chat.instruction import Instruction
    from chat.state import DialogueState
    from catalog.filters import Filters
    from recommender.types import TurnResult

    checker = Checker(catalog)
    turn = TurnCase("90s comedies", "new", {"genres": ["comedy"], "year_min": 1990, "year_max": 1999}, "en")
    good_state = DialogueState(constraints=Filters(include_genres=["comedy"], min_year=1990, max_year=1999))
    good = TurnResult(state=good_state, instruction=Instruction())
    assert all(checker.check(turn, good, DialogueState()).values())
    bad_state = DialogueState(constraints=Filters(include_genres=["comedy"], min_year=1990, max_year=1999,
                                                  max_runtime=100))  # a runtime nobody asked for
    bad = TurnResult(state=bad_state, instruction=Instruction())
    assert checker.check(turn, bad, DialogueState())["runtime_max"] is False


@pytest.mark.slow
@pytest.mark.data
def test_short_real_run_of_the_rules_on_development_dialogues(tmp_path):
    from evaluation.dialogue import evaluate

    summary, outcomes = evaluate("rules", "dev", data_dir=str(tmp_path / "data"), dialogues=load_dialogues("dev")[:8])
    assert summary["turns"] == len(outcomes) > 30
    assert summary["shown_items"] > 0
    assert summary["first_list_p95_s"] < 5  # a sanity bound on a shared CI machine, not the benchmark
    assert summary["dialogues_right"] >= 0.75  # the first development dialogues, read by the rules
