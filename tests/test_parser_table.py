"""The utterance table (tests/data/utterances.yaml) against the rule parser: every case must pass.

The helpers here are shared with tests/test_rewriter_llm.py and benchmarks/bench_rewriter.py,
which run the same table through the LLM rewriter and report accuracy per field.
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from catalog.filters import Filters
from catalog.item import Item
from chat.instruction import CatalogVocab, Instruction
from chat.parser import RuleRewriter
from chat.state import DialogueState, apply_instruction, record_shown

DATA = Path(__file__).parent / "data"
MOVIELENS_GENRES = ["action", "adventure", "animation", "children's", "comedy", "crime", "documentary",
                    "drama", "fantasy", "film-noir", "horror", "musical", "mystery", "romance", "sci-fi",
                    "thriller", "war", "western"]
CONSTRAINT_FIELDS = ("include", "exclude", "min_year", "max_year", "max_runtime", "min_rating", "mpaa")


def load_cases() -> list[dict[str, Any]]:
    with open(DATA / "utterances.yaml", encoding="utf-8") as f:
        return yaml.safe_load(f)["cases"]


def load_items() -> list[Item]:
    with open(DATA / "tiny_movies.jsonl", encoding="utf-8") as f:
        return [Item(**json.loads(line)) for line in f]


def table_vocab(items: list[Item]) -> CatalogVocab:
    """MovieLens genre vocabulary, fuzzy titles over the tiny catalog, MovieLens years."""
    return CatalogVocab(genres=MOVIELENS_GENRES, match_title=CatalogVocab.from_items(items).match_title,
                        years=(1922, 1998))


def _start_state(case: dict[str, Any]) -> DialogueState:
    s = case.get("state") or {}
    state = DialogueState()
    if s:
        f = Filters(include_genres=s.get("include", []), exclude_genres=s.get("exclude", []),
                    min_year=s.get("min_year"), max_year=s.get("max_year"),
                    max_runtime=s.get("max_runtime"), min_rating=s.get("min_rating"), mpaa=s.get("mpaa", []))
        prev = Instruction(action="new", constraints=f)
        state = apply_instruction(state, prev)
    if case.get("shown"):
        state = record_shown(state, [f"s{i}" for i in range(1, case["shown"] + 1)])
    return state


def observed(i: Instruction) -> dict[str, Any]:
    """The instruction in the table's terms."""
    c = i.constraints
    return {
        "action": i.action, "include": sorted(c.include_genres), "exclude": sorted(c.exclude_genres),
        "min_year": c.min_year, "max_year": c.max_year, "max_runtime": c.max_runtime,
        "min_rating": c.min_rating, "mpaa": sorted(c.mpaa), "k": i.k,
        "feedback": sorted([f.kind, f.position] for f in i.feedback), "question": i.question_position,
        "refs": sorted(i.reference_ids), "ref_titles": i.reference_titles,
        "intention": i.intention.kind, "preference": i.preference.kind, "language": i.language,
        "notice": bool(i.notices), "prefer": sorted(i.intention.genres), "either": i.intention.either,
    }


def expected(exp: dict[str, Any]) -> dict[str, Any]:
    """The fields a case checks: what it names, every constraint field, and the language."""
    out = {name: None for name in ("min_year", "max_year", "max_runtime", "min_rating")}
    out.update({"include": [], "exclude": [], "mpaa": [], "language": "en"})
    for key, value in exp.items():
        if key in ("include", "exclude", "mpaa", "refs", "prefer"):
            value = sorted(value)
        elif key == "feedback":
            value = sorted(list(v) for v in value)
        elif key == "min_rating" and value is not None:
            value = float(value)
        out[key] = value
    return out


def run_case(rewriter: Any, case: dict[str, Any], vocab: CatalogVocab, items: list[Item]
             ) -> Iterator[tuple[str, str, dict[str, Any], dict[str, Any], Instruction]]:
    """Yield (case id, text, expected fields, observed fields, instruction) for each turn. After a
    turn the first k tiny-catalog items that pass the constraints are shown (or placeholders)."""
    state = _start_state(case)
    turns = case.get("turns") or [{"text": case["text"], "expect": case["expect"]}]
    for n, turn in enumerate(turns):
        instruction = rewriter.rewrite(turn["text"], state, vocab)
        exp = expected(turn["expect"])
        obs = observed(instruction)
        yield f"{case['id']}#{n + 1}", turn["text"], exp, {k: obs[k] for k in exp}, instruction
        state = apply_instruction(state, instruction)
        if instruction.action in ("new", "refine", "feedback", "reset"):
            shown = [it.id for it in items if instruction.constraints.allows(it)][: instruction.k]
            state = record_shown(state, shown or [f"p{i}" for i in range(1, instruction.k + 1)])


def field_accuracy(results: list[tuple[dict[str, Any], dict[str, Any]]]) -> dict[str, tuple[int, int]]:
    """field -> (correct, checked) over (expected, observed) pairs."""
    acc: dict[str, list[int]] = {}
    for exp, obs in results:
        for key, value in exp.items():
            hit = acc.setdefault(key, [0, 0])
            hit[0] += obs.get(key) == value
            hit[1] += 1
    return {k: (v[0], v[1]) for k, v in sorted(acc.items())}


CASES = load_cases()


def test_table_is_big_and_bilingual():
    turns = [t for c in CASES for t in (c.get("turns") or [c])]
    zh = [t for t in turns if t["expect"].get("language") == "zh"]
    assert len(turns) >= 80, len(turns)
    assert 0.4 <= len(zh) / len(turns) <= 0.6, (len(zh), len(turns))
    assert any(len(c.get("turns", [])) >= 3 for c in CASES)


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_rule_parser_matches_table(case):
    items = load_items()
    vocab = table_vocab(items)
    for turn_id, text, exp, obs, instruction in run_case(RuleRewriter(), case, vocab, items):
        assert obs == exp, f"{turn_id} {text!r}: {instruction.model_dump(exclude_defaults=True)}"
        assert instruction.rewriter == "rule"
