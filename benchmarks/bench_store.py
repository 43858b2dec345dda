"""Turn latency with the sessions in PostgreSQL vs the embedded SQLite file, in one run.

One Recommender (real MovieLens catalog, real MiniLM index, model off) answers the same scripted
API conversation through the app's controller (`ChatController.api_chat` / `api_feedback`: each
call loads the session from the store, answers, saves it and logs feedback: what an app replica
does), alternately with each store, so both see the same machine load. PostgreSQL is a real
server (a private cluster on loopback TCP, fsync on, like a deployment); SQLite is the default
WAL file. Prints per-store medians of the whole call and of the time spent in store calls, and
their ratio.

    python benchmarks/bench_store.py                  # 8 rounds of the 6-call conversation per store
    python benchmarks/bench_store.py --rounds 20 --json reports/bench_store.json
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

for _key, _value in {"HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "HF_HUB_DISABLE_TELEMETRY": "1",
                     "ANONYMIZED_TELEMETRY": "False", "TOKENIZERS_PARALLELISM": "false"}.items():
    os.environ.setdefault(_key, _value)  # before anything imports huggingface_hub

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

# A message, or (feedback kind, position in the last list).
SCRIPT: list[str | tuple[str, int]] = [
    "a few comedies from the 90s", ("dislike", 0), "older ones", ("like", 0), "no romance",
    "shorter than 100 minutes",
]


class TimedStore:
    """The store with the seconds spent in its calls added up (what the backend costs a turn)."""

    def __init__(self, store: Any) -> None:
        self.store = store
        self.spent = 0.0

    def __getattr__(self, name: str) -> Any:
        attr = getattr(self.store, name)
        if not callable(attr):
            return attr

        def timed(*args: Any, **kwargs: Any) -> Any:
            t = time.perf_counter()
            try:
                return attr(*args, **kwargs)
            finally:
                self.spent += time.perf_counter() - t

        return timed


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def play(ui: Any, store: TimedStore) -> list[tuple[float, float]]:
    """One conversation; (call seconds, store seconds) per call."""
    out: list[tuple[float, float]] = []
    session, items = "", []
    for step in SCRIPT:
        store.spent = 0.0
        t = time.perf_counter()
        if isinstance(step, str):
            answer = ui.api_chat(step, session)
        else:
            answer = ui.api_feedback(items[step[1]]["id"], step[0], session)
        out.append((time.perf_counter() - t, store.spent))
        session, items = answer["session"], answer["items"] or items
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rounds", type=int, default=8, help="conversations per store (default 8)")
    ap.add_argument("--data-dir", default=None, help="data folder (default $RECSYS_DATA_DIR or data/)")
    ap.add_argument("--json", default=None, help="also write the figures to this JSON file")
    args = ap.parse_args(argv)

    from deploy.postgres import LocalPostgres
    from recommender.pipeline import Recommender
    from recommender.store import open_store
    from ui.controller import ChatController

    rec = Recommender.create("movielens", llm="off", data_dir=args.data_dir, store=False, progress=True)
    tmp = Path(tempfile.mkdtemp(prefix="recsys-bench-store-"))
    tmp.chmod(0o755)  # as root the server runs as the postgres user, which must reach tmp/pg
    pg = LocalPostgres(tmp / "pg", free_port())
    try:
        pg.start()
        stores = {"sqlite": TimedStore(open_store(str(tmp / "sessions.sqlite3"))),
                  "postgresql": TimedStore(open_store(pg.create_database("bench")))}
        uis = {}
        for name, store in stores.items():
            rec.store = store
            uis[name] = ChatController(rec)
            play(uis[name], store)  # warm-up: connections, schema, caches
        calls: dict[str, list[float]] = {name: [] for name in stores}
        store_s: dict[str, list[float]] = {name: [] for name in stores}
        load0 = os.getloadavg()
        for _ in range(args.rounds):
            for name, store in stores.items():  # alternate: both see the same load
                rec.store = store
                for call, spent in play(uis[name], store):
                    calls[name].append(call)
                    store_s[name].append(spent)
        load1 = os.getloadavg()
        for store in stores.values():
            store.store.close()
    finally:
        pg.stop()
        shutil.rmtree(tmp, ignore_errors=True)

    med = {n: statistics.median(v) * 1000 for n, v in calls.items()}
    med_store = {n: statistics.median(v) * 1000 for n, v in store_s.items()}
    result = {
        "calls_per_store": len(calls["sqlite"]),
        "turn_ms_median": med, "store_ms_median": med_store,
        "turn_ratio_pg_over_sqlite": med["postgresql"] / med["sqlite"],
        "store_ratio_pg_over_sqlite": med_store["postgresql"] / med_store["sqlite"],
        "turn_ms_p95": {n: statistics.quantiles(v, n=20)[-1] * 1000 for n, v in calls.items()},
        "load_before_after": [round(load0[0], 2), round(load1[0], 2)],
    }
    print(f"{result['calls_per_store']} API calls per store ({args.rounds} conversations of {len(SCRIPT)} calls), "
          f"load {load0[0]:.2f} -> {load1[0]:.2f}")
    print("| store | call median | call p95 | in store calls (median) |")
    print("|---|---|---|---|")
    for n in calls:
        print(f"| {n} | {med[n]:.1f} ms | {result['turn_ms_p95'][n]:.1f} ms | {med_store[n]:.2f} ms |")
    print(f"ratio PostgreSQL / SQLite: whole call {result['turn_ratio_pg_over_sqlite']:.2f}, "
          f"store calls {result['store_ratio_pg_over_sqlite']:.2f}")
    if args.json:
        Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json).write_text(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
