"""Rewriter benchmark: latency p50/p95 and per-field accuracy on the utterance table.

    python benchmarks/bench_rewriter.py                         # rule parser, every turn of the table
    python benchmarks/bench_rewriter.py --llm local --llm-sample 20   # plus the LLM rewriter on 20 turns
    python benchmarks/bench_rewriter.py --json out.json         # also write the figures as JSON

The table is tests/data/utterances.yaml (expected fields per turn); the catalog for title
matching is the 27-movie fixture with the MovieLens genre vocabulary. A multi-turn case is
replayed with the rewriter under test, so an early mistake can cost later turns too. With
--llm-sample N the LLM sees whole cases, taken in a fixed order spread over the table (English
and Chinese alike) until N turns are covered.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import time
from pathlib import Path

for _key, _value in {"HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "HF_HUB_DISABLE_TELEMETRY": "1",
                     "TOKENIZERS_PARALLELISM": "false"}.items():
    os.environ.setdefault(_key, _value)
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from chat.parser import RuleRewriter  # noqa: E402
from chat.state import DialogueState  # noqa: E402
from tests.test_parser_table import field_accuracy, load_cases, load_items, run_case, table_vocab  # noqa: E402


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


class _Timed:
    """Wraps a rewriter and records the seconds of each rewrite call."""

    def __init__(self, inner) -> None:
        self.inner = inner
        self.seconds: list[float] = []

    def rewrite(self, text, state, vocab):
        start = time.perf_counter()
        try:
            return self.inner.rewrite(text, state, vocab)
        finally:
            self.seconds.append(time.perf_counter() - start)


def evaluate(rewriter, cases, repeat: int = 1, verbose: bool = False) -> dict:
    items = load_items()
    vocab = table_vocab(items)
    timed = _Timed(rewriter)
    pairs, sources, turns = [], {}, 0
    for _ in range(repeat):
        pairs.clear()
        for case in cases:
            for turn_id, _text, exp, obs, instruction in run_case(timed, case, vocab, items):
                pairs.append((exp, obs))
                if verbose:  # slow rewriters: show each turn as it lands, so a cut-off run still says something
                    wrong = sorted(k for k, v in exp.items() if obs.get(k) != v)
                    print(f"  {turn_id:<28} {timed.seconds[-1]:7.1f} s  by {instruction.rewriter:<4} "
                          f"wrong: {', '.join(wrong) or '-'}", flush=True)
                sources[instruction.rewriter] = sources.get(instruction.rewriter, 0) + 1
    turns = len(pairs)
    accuracy = field_accuracy(pairs)
    exact = sum(all(obs.get(k) == v for k, v in exp.items()) for exp, obs in pairs)
    ms = [s * 1000 for s in timed.seconds]
    return {
        "turns": turns, "calls": len(ms),
        "latency_ms": {"p50": percentile(ms, 50), "p95": percentile(ms, 95), "max": max(ms), "mean": statistics.mean(ms)},
        "exact_turns": exact,
        "field_accuracy": {k: {"correct": c, "checked": n, "accuracy": c / n} for k, (c, n) in accuracy.items()},
        "produced_by": sources,
    }


def sample_cases(cases: list[dict], turns_wanted: int) -> list[dict]:
    """Whole cases spread over the table (every step-th), until `turns_wanted` turns."""
    count = lambda c: len(c.get("turns") or [c])  # noqa: E731
    step = max(1, round(sum(map(count, cases)) / max(turns_wanted, 1)))
    picked, total = [], 0
    for offset in range(step):
        for case in cases[offset::step]:
            if total >= turns_wanted:
                return picked
            picked.append(case)
            total += count(case)
    return picked


def report(name: str, result: dict) -> None:
    lat = result["latency_ms"]
    print(f"\n== {name}: {result['turns']} turns, exact match {result['exact_turns']}/{result['turns']}"
          f" ({result['exact_turns'] / result['turns']:.0%}); produced by {result['produced_by']}")
    print(f"latency per turn: p50 {lat['p50']:.2f} ms, p95 {lat['p95']:.2f} ms, max {lat['max']:.2f} ms "
          f"({result['calls']} calls)")
    print(f"{'field':<12} {'correct':>8} {'checked':>8} {'accuracy':>9}")
    for field, acc in result["field_accuracy"].items():
        print(f"{field:<12} {acc['correct']:>8} {acc['checked']:>8} {acc['accuracy']:>9.1%}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=20, help="passes over the table for the parser timing")
    parser.add_argument("--llm", default=None, help="LLM spec for lm.make_llm, e.g. local, llamacpp:0.5b")
    parser.add_argument("--llm-sample", type=int, default=20, help="turns of the table to send to the LLM")
    parser.add_argument("--llm-timeout", type=float, default=60.0, help="seconds per LLM call")
    parser.add_argument("--json", type=Path, default=None, help="write the figures here as JSON")
    args = parser.parse_args(argv)

    cases = load_cases()
    print(f"machine: {platform.machine()} {os.cpu_count()} CPUs, load average {os.getloadavg()}; "
          f"OMP_NUM_THREADS={os.environ.get('OMP_NUM_THREADS')}")
    figures = {"rule": evaluate(RuleRewriter(), cases, repeat=args.repeat)}
    report(f"rule parser (x{args.repeat} passes)", figures["rule"])

    if args.llm:
        from chat.rewriter import LLMRewriter
        from lm import LLMUnavailable, make_llm

        try:
            llm = make_llm(args.llm)
        except LLMUnavailable as e:
            print(f"\nLLM rewriter skipped: {e}")
            llm = None
        if llm is not None:
            sample = sample_cases(cases, args.llm_sample)
            rewriter = LLMRewriter(llm, timeout=args.llm_timeout)
            start = time.perf_counter()
            # warm-up: the backend loads its weights lazily on the first call
            rewriter.rewrite("hello there, a comedy please", DialogueState(), table_vocab(load_items()))
            print(f"\nLLM warm-up (model load + first call): {time.perf_counter() - start:.1f} s")
            figures["llm"] = evaluate(rewriter, sample, verbose=True)
            figures["llm"]["spec"] = args.llm
            figures["rule_same_sample"] = evaluate(RuleRewriter(), sample)
            report(f"LLM rewriter ({args.llm})", figures["llm"])
            report("rule parser on the same sample", figures["rule_same_sample"])
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
