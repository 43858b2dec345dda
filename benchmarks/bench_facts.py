"""The local model's reasons stage in the app pipeline (facts mode, llama.cpp on the CPU): how long a
user waits for the first model-chosen reason and for the whole list, per turn (not a test).

    python benchmarks/bench_facts.py --rounds 3         # the app's setting: first model reason, whole list
    python benchmarks/bench_facts.py --compare score    # picks only ("2,1") vs picks + score ("2,1 | 7")

Each request is a fresh session's first turn through `Recommender.respond` with the local 1.5B model
(the rules read the turn; the model only picks which true facts explain each card). The two
settings compared alternate request by request in one process, so both see the same machine load; the figures
are medians over every turn (first model reason = from the user's message to the first card whose
reason the model chose, as `timings["first_reason"]`). The load average is printed: the issue's
targets are for idle cores.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
for _k, _v in {"HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "TOKENIZERS_PARALLELISM": "false"}.items():
    os.environ.setdefault(_k, _v)

# First turns of new sessions, English and Chinese, written for this benchmark.
REQUESTS = [
    "a few 90s comedies, nothing too long",
    "推荐几部九十年代的喜剧，不要太长",
    "something tense and clever, a thriller from the 80s",
    "有没有好看的科幻片，评分高一点的",
    "an animated film the kids and I can watch tonight",
    "想看一部感人的剧情片",
    "a western with a great score",
    "来几部经典的黑色电影",
    "romantic comedies from the late 90s please",
    "适合周末看的动作片，别太血腥",
]


def pct(xs: list[float], q: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, max(0, round(q * (len(xs) - 1))))]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rounds", type=int, default=2, help="times each request is played per answer shape")
    ap.add_argument("--compare", choices=["score", "none"], default="none",
                    help="score: picks only (the app) vs picks + a 0-10 score; none: the app's setting alone")
    args = ap.parse_args(argv)

    from chat.state import DialogueState
    from recommender.pipeline import Recommender

    cores = os.cpu_count() or 1
    rec = Recommender.create("movielens", llm="local", understand="rules", store=False, progress=False)
    assert rec.ranker is not None and rec.ranker.mode == "facts", "the local model on CPU runs facts mode"
    if rec._warm_thread is not None:
        rec._warm_thread.join()
    settings = {"score": {"picks only (2,1), the app": False, "picks + score (2,1 | 7)": True},
                "none": {"the app (picks only)": False}}[args.compare]
    first: dict[str, list[float]] = {s: [] for s in settings}
    total: dict[str, list[float]] = {s: [] for s in settings}
    chosen: dict[str, int] = {s: 0 for s in settings}
    loads = []
    for _ in range(args.rounds):
        for text in REQUESTS:
            for name, score in settings.items():
                rec.ranker.facts_score = score
                t0 = time.perf_counter()
                last = None
                for last in rec.respond(DialogueState(), text):
                    pass
                assert last is not None
                total[name].append(time.perf_counter() - t0)
                if "first_reason" in last.timings:
                    first[name].append(last.timings["first_reason"])
                chosen[name] += sum(1 for r in last.recommendations if r.reason_by == "model")
                loads.append(os.getloadavg()[0])
    print(f"# bench_facts {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {cores} cores, "
          f"load average during the run {min(loads):.1f}-{max(loads):.1f}, {len(REQUESTS)} requests x {args.rounds}")
    print("| setting | turns | turns with a model reason | first model reason p50 / p95 (s) | whole list p50 / p95 (s) | model-chosen reasons |")
    print("|---|---|---|---|---|---|")
    for name in settings:
        f, t = first[name], total[name]
        fr = f"{statistics.median(f):.2f} / {pct(f, 0.95):.2f}" if f else "- (none)"
        print(f"| {name} | {len(t)} | {len(f)} | {fr} | {statistics.median(t):.2f} / {pct(t, 0.95):.2f} | {chosen[name]} |")
    names = list(settings)
    if len(names) == 2 and first[names[0]] and first[names[1]]:
        a, b = names
        print(f"ratio {a} / {b}: first model reason p50 {statistics.median(first[a]) / statistics.median(first[b]):.2f}, "
              f"whole list p50 {statistics.median(total[a]) / statistics.median(total[b]):.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
