"""Benchmark of the whole turn pipeline on the real MovieLens catalog and the real MiniLM index.

Plays ~20 scripted turns (English and Chinese, new requests, refinements, feedback clicks,
questions) through `Recommender.respond` / `.feedback`, and prints:
- time to the first ranked list (parse + retrieve + fast score + diversity + reply + save)
  p50 / p95, and the per-stage breakdown (parse, retrieve, fast_score; with an LLM also
  llm_rank, explain, first reason, total);
- peak memory (RSS) of the process;
- out-of-catalog items and constraint violations over every list yielded (must be 0).

Usage:
    python benchmarks/bench_pipeline.py                     # fast path (--llm off)
    python benchmarks/bench_pipeline.py --llm local         # + the local LLM ranker
    python benchmarks/bench_pipeline.py --repeat 3 --json reports/bench_pipeline.json
The index is built on first use (about half a minute with MiniLM on 2 cores) under the data
folder ($RECSYS_DATA_DIR or data/); sessions go to a temporary SQLite file.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import sys
import tempfile
import time
from pathlib import Path

for _key, _value in {"HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "HF_HUB_DISABLE_TELEMETRY": "1",
                     "ANONYMIZED_TELEMETRY": "False", "TOKENIZERS_PARALLELISM": "false"}.items():
    os.environ.setdefault(_key, _value)  # before anything imports huggingface_hub

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

# A conversation is a list of steps: a message, or ("like" | "dislike" | "more_like", position).
CONVERSATIONS: list[list[str | tuple[str, int]]] = [
    ["funny movies from the 90s", "no romance", ("dislike", 1), "shorter than 100 minutes",
     "tell me more about #2", ("like", 1)],
    ["something like Toy Story", "more like #2", ("dislike", 3), "only from the 80s"],
    ["a scary movie for tonight", "nothing before 1970", ("like", 2), "rated 7 or more"],
    ["90年代的喜剧，不要太长", "不要爱情片", ("dislike", 1), "第二部怎么样"],
    ["推荐几部科幻片", "类似星球大战的", ("like", 1)],
    ["start over", "a classic film noir"],
]


def pct(xs: list[float], q: float) -> float:
    if not xs:
        return float("nan")
    xs = sorted(xs)
    k = (len(xs) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(xs) - 1)
    return xs[lo] + (xs[hi] - xs[lo]) * (k - lo)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--catalog", default="movielens")
    ap.add_argument("--llm", default="off", help="off (default), local, llamacpp[:0.5b], fake, http://...")
    ap.add_argument("--rewriter", default="rule", choices=["rule", "llm"],
                    help="rule parser (default) or the LLM rewriter (needs --llm)")
    ap.add_argument("--repeat", type=int, default=1, help="play the script this many times")
    ap.add_argument("--llm-timeout", type=float, default=30.0,
                    help="seconds before the LLM ranking is abandoned (the app's default: 30)")
    ap.add_argument("--data-dir", default=None, help="data folder (default $RECSYS_DATA_DIR or data/)")
    ap.add_argument("--json", default=None, help="also write the figures to this JSON file")
    ap.add_argument("--max-turns", type=int, default=None,
                    help="stop after this many turns (a slow LLM on a busy CPU)")
    args = ap.parse_args(argv)

    from chat.state import DialogueState
    from recommender.pipeline import Recommender
    from recommender.store import SessionStore

    load0 = os.getloadavg()
    t = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        rec = Recommender.create(args.catalog, llm=args.llm, data_dir=args.data_dir,
                                 store=SessionStore(Path(tmp) / "sessions.sqlite3"), progress=True,
                                 rewriter=args.rewriter, llm_timeout_s=args.llm_timeout)
        setup_s = time.perf_counter() - t
        catalog = rec.catalog
        # warm-up turn (loads the embedder / model); reported apart, not in the percentiles
        t = time.perf_counter()
        *_, warm = rec.respond(DialogueState(), "a warm-up request for comedies")
        cold_s = time.perf_counter() - t

        first_list: list[float] = []
        stages: dict[str, list[float]] = {}
        out_of_catalog = violations = disliked_shown = lists = turns = empty = 0
        llm_ranked = 0  # final lists the LLM actually reordered
        notes: dict[str, int] = {}  # visible notes (LLM timeout ...) and how often
        for _ in range(args.repeat):
            for conv in CONVERSATIONS:
                state = DialogueState()
                for step in conv:
                    if args.max_turns is not None and turns >= args.max_turns:
                        break
                    t = time.perf_counter()
                    if isinstance(step, tuple):
                        kind, pos = step
                        if len(state.last_list) < pos:
                            continue
                        gen = rec.feedback(state, state.last_list[pos - 1], kind)
                    else:
                        gen = rec.respond(state, step)
                    first = None
                    result = None
                    for result in gen:
                        if first is None:
                            first = time.perf_counter() - t
                        lists += 1
                        for r in result.recommendations:
                            if catalog.get(r.item.id) != r.item:
                                out_of_catalog += 1
                            if not result.instruction.constraints.allows(r.item):
                                violations += 1
                            if r.item.id in result.state.disliked_ids:
                                disliked_shown += 1
                    assert result is not None and first is not None
                    turns += 1
                    empty += not result.recommendations
                    llm_ranked += any(r.ranked_by == "llm" for r in result.recommendations)
                    for note in result.notes:
                        notes[note] = notes.get(note, 0) + 1
                    first_list.append(first)
                    for key, value in result.timings.items():
                        stages.setdefault(key, []).append(value)
                    state = result.state
                    print(f"turn {turns}: first list {first:.3f} s, total {result.timings.get('total', 0):.2f} s "
                          f"({step!r})", file=sys.stderr, flush=True)
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    load1 = os.getloadavg()

    report = {
        "catalog": args.catalog, "items": len(catalog), "llm": args.llm, "rewriter": args.rewriter,
        "turns": turns,
        "lists_checked": lists, "empty_lists": empty,
        "setup_s": round(setup_s, 2), "cold_first_turn_s": round(cold_s, 3),
        "first_list_p50_s": round(pct(first_list, 0.5), 4), "first_list_p95_s": round(pct(first_list, 0.95), 4),
        "stages_p50_s": {k: round(pct(v, 0.5), 4) for k, v in sorted(stages.items())},
        "stages_p95_s": {k: round(pct(v, 0.95), 4) for k, v in sorted(stages.items())},
        "peak_rss_mb": round(peak_mb, 1),
        "out_of_catalog": out_of_catalog, "constraint_violations": violations,
        "disliked_shown": disliked_shown, "llm_ranked_lists": llm_ranked, "notes": notes,
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}",
        "load_avg_before_after": [round(load0[0], 2), round(load1[0], 2)],
        "date": time.strftime("%Y-%m-%d %H:%M"),
    }
    print(f"\nPipeline benchmark: {args.catalog} ({len(catalog)} items), llm={args.llm}, "
          f"{turns} turns, {lists} lists checked")
    print(f"machine: {report['machine']}; 1-min load average {load0[0]:.2f} before, {load1[0]:.2f} after")
    print(f"setup {setup_s:.1f} s, cold first turn {cold_s:.2f} s (not in the figures below)")
    print(f"time to first ranked list: p50 {report['first_list_p50_s']:.3f} s, "
          f"p95 {report['first_list_p95_s']:.3f} s")
    print("| stage | p50 s | p95 s |\n|---|---|---|")
    for key in report["stages_p50_s"]:
        print(f"| {key} | {report['stages_p50_s'][key]:.4f} | {report['stages_p95_s'][key]:.4f} |")
    print(f"peak RSS: {peak_mb:.0f} MB")
    print(f"out-of-catalog items: {out_of_catalog}; constraint violations: {violations}; "
          f"disliked items shown: {disliked_shown}; empty lists: {empty}")
    if args.llm != "off":
        print(f"lists reordered by the LLM: {llm_ranked} of {turns} turns")
    for note, count in notes.items():
        print(f"note x{count}: {note}")
    if args.json:
        Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json).write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")
    return 0 if out_of_catalog == violations == disliked_shown == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
