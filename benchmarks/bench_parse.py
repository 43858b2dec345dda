"""Benchmark of the rule reader: parse time per message with the project's compiled-pattern cache
(chat/rx.py) against Python's own 512-pattern cache, in the same process.

The reader uses more than 512 patterns in one turn, so with `re`'s cache alone most were compiled
again at every turn. Plays the first 300 messages of the development dialogues
(evaluation/dialogues/dev*.yaml) twice per mode, alternating, and prints p50 / p95 and the ratio.

    python benchmarks/bench_parse.py
"""
from __future__ import annotations

import glob
import re
import statistics
import sys
import time
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from catalog.loaders import load_catalog  # noqa: E402
from chat import rx  # noqa: E402
from chat.parser import RuleRewriter  # noqa: E402
from chat.state import DialogueState  # noqa: E402
from recommender.pipeline import catalog_vocab  # noqa: E402


def _uncached(pattern, flags=0):
    return pattern if isinstance(pattern, re.Pattern) else re.compile(pattern, flags)  # re's own cache


def main() -> int:
    vocab = catalog_vocab(load_catalog("movielens"))
    messages = [t["say"] for f in sorted(glob.glob(str(REPO / "evaluation/dialogues/dev*.yaml")))
                for d in yaml.safe_load(open(f, encoding="utf-8")) for t in d["turns"]][:300]
    reader, state = RuleRewriter(), DialogueState(last_list=["1", "2", "3"], shown_ids=["1", "2", "3"])

    def play() -> list[float]:
        out = []
        for m in messages:
            t = time.perf_counter()
            reader.rewrite(m, state, vocab)
            out.append(time.perf_counter() - t)
        return out

    cached = rx.compiled
    times: dict[str, list[float]] = {"rx cache": [], "re's 512 cache": []}
    for _ in range(2):
        for name, fn in (("rx cache", cached), ("re's 512 cache", _uncached)):
            rx.compiled = fn
            play()  # warm
            times[name] += play()
    rx.compiled = cached
    for name, ts in times.items():
        ts.sort()
        print(f"{name}: parse p50 {statistics.median(ts) * 1000:.1f} ms, p95 {ts[int(0.95 * len(ts))] * 1000:.1f} ms "
              f"({len(ts)} parses)")
    ratio = statistics.median(times["re's 512 cache"]) / statistics.median(times["rx cache"])
    print(f"ratio of medians: {ratio:.0f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
