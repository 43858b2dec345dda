"""The utterance table through the LLM rewriter with the real local model (slow).

Accuracy per field is printed and recorded, not asserted to be perfect: a 1.5B model misses
some fields, and the parser is the fallback. What must hold: every output is a valid
Instruction, constraints only use the catalog's genres, and accuracy was computed.
RECSYS_REWRITER_SAMPLE sets how many turns go to the model (default 20; 0 = the whole table).
"""
from __future__ import annotations

import json
import os

import pytest

from chat.instruction import Instruction
from chat.rewriter import LLMRewriter
from lm import GenerateOptions
from tests.test_parser_table import (
    field_accuracy,
    load_cases,
    load_items,
    run_case,
    table_vocab,
)

pytestmark = pytest.mark.slow
SAMPLE_TURNS = int(os.environ.get("RECSYS_REWRITER_SAMPLE", "20"))


def _llm():
    try:
        from lm import LLMUnavailable, make_llm
    except ImportError as e:  # the factory belongs to another module; say so instead of failing
        pytest.skip(f"lm.make_llm is not available: {e}")
    try:
        llm = make_llm("local")
        # make_llm loads lazily: one tiny call proves the weights are there
        llm.complete([{"role": "user", "content": "Say OK."}], GenerateOptions(max_tokens=2, timeout=300))
    except LLMUnavailable as e:
        pytest.skip(f"no local model: {e} (run `make model`)")
    except ImportError as e:
        pytest.skip(f"local LLM backend not installed: {e} (run `make setup`)")
    return llm


def _sample(cases):
    """Whole cases, every third one first (English and Chinese, single and multi-turn alike)."""
    if SAMPLE_TURNS <= 0:
        return cases
    picked, total = [], 0
    for offset in range(3):
        for case in cases[offset::3]:
            if total >= SAMPLE_TURNS:
                return picked
            picked.append(case)
            total += len(case.get("turns") or [case])
    return picked


def test_llm_rewriter_on_the_table(tmp_path, capsys):
    llm = _llm()
    items = load_items()
    vocab = table_vocab(items)
    rewriter = LLMRewriter(llm, timeout=120)
    pairs, produced = [], {"llm": 0, "rule": 0}
    for case in _sample(load_cases()):
        for _turn_id, _text, exp, obs, instruction in run_case(rewriter, case, vocab, items):
            assert isinstance(instruction, Instruction)
            Instruction.model_validate(instruction.model_dump())  # round-trips: a valid Instruction
            used = instruction.constraints.include_genres + instruction.constraints.exclude_genres
            assert set(used) <= set(vocab.genres)
            pairs.append((exp, obs))
            produced[instruction.rewriter] += 1
    accuracy = field_accuracy(pairs)
    assert pairs and accuracy and all(n > 0 for _c, n in accuracy.values())
    record = {"turns": len(pairs), "produced_by": produced,
              "accuracy": {k: round(c / n, 3) for k, (c, n) in accuracy.items()}}
    with capsys.disabled():
        print("\nLLM rewriter accuracy per field:", json.dumps(record, ensure_ascii=False))
    (tmp_path / "rewriter_llm_accuracy.json").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
