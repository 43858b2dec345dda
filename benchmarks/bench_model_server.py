"""Turn latency with the model behind a real OpenAI-compatible server against the embedded default,
in the same run: `python -m llama_cpp.server` serving the shipped GGUF on loopback, and the app's
in-process llama.cpp model, on the same MovieLens catalog and index, turns alternating.

Prints, per backend, the time to the first list, to the first model reason and to the whole turn
(p50 / p95 over the turns) and the ratio of the medians (server / embedded). The local model on CPU
picks true facts for each card ("facts" mode); behind a server the model writes each reason
("item" mode), as the app does for each (recommender/pipeline.py).

    python benchmarks/bench_model_server.py                 # 1.5B, 8 messages x 2 rounds
    python benchmarks/bench_model_server.py --rounds 1
"""
from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

for _key, _value in {"HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "ANONYMIZED_TELEMETRY": "False",
                     "TOKENIZERS_PARALLELISM": "false"}.items():
    os.environ.setdefault(_key, _value)

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

MESSAGES = ["a few 90s comedies, nothing too long", "something like Alien", "推荐几部九十年代的喜剧",
            "a western from the 60s", "something scary but not too long", "类似《玩具总动员》的动画片",
            "a romantic drama rated above 7", "sci-fi from the 80s"]
ALIAS = "local-gguf"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(size: str, log: Path) -> tuple[subprocess.Popen, str]:
    from lm.model_files import model_path

    port = free_port()
    out = open(log, "wb")
    proc = subprocess.Popen([sys.executable, "-m", "llama_cpp.server", "--model", str(model_path(size)),
                             "--model_alias", ALIAS, "--host", "127.0.0.1", "--port", str(port), "--n_ctx", "2048",
                             "--n_threads", "2", "--n_threads_batch", "2"], stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/v1"
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"llama_cpp.server exited with {proc.returncode}; see {log}")
        try:
            with urllib.request.urlopen(f"{url}/models", timeout=2) as r:
                if r.status == 200:
                    return proc, url
        except OSError:
            time.sleep(0.5)
    proc.kill()
    raise SystemExit(f"llama_cpp.server did not answer within 300 s; see {log}")


def pct(xs: list[float], q: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(q * (len(xs) - 1))))] if xs else float("nan")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--size", default="1.5b", choices=["1.5b", "0.5b"])
    ap.add_argument("--rounds", type=int, default=2)
    args = ap.parse_args(argv)

    from chat.state import DialogueState
    from recommender.pipeline import Recommender

    with tempfile.TemporaryDirectory(prefix="bench-model-server-") as tmp:
        proc, url = start_server(args.size, Path(tmp) / "server.log")
        try:
            local = "local" if args.size == "1.5b" else "llamacpp:0.5b"
            recs = {"embedded (llama.cpp in the app)": Recommender.create(catalog="movielens", llm=local, store=False),
                    "model server (llama_cpp.server)": Recommender.create(
                        catalog="movielens", llm=f"llamacpp-server:{url}#{ALIAS}", store=False)}
            for rec in recs.values():  # warm both: model load and the fixed prompt prefix
                if rec.ranker is not None:
                    rec.ranker.warm(timeout_s=600)
                list(rec.respond(DialogueState(), "warm-up comedies"))
            times: dict[str, dict[str, list[float]]] = {name: {"first_list": [], "first_reason": [], "total": []}
                                                         for name in recs}
            load_before = os.getloadavg()[0]
            for _ in range(args.rounds):
                for message in MESSAGES:
                    for name, rec in recs.items():
                        *_, last = rec.respond(DialogueState(), message)
                        for key in times[name]:
                            if key in last.timings:
                                times[name][key].append(last.timings[key])
            load_after = os.getloadavg()[0]
        finally:
            proc.terminate()
            proc.wait(timeout=30)
    print(f"{len(MESSAGES) * args.rounds} turns per backend, {args.size} model, 2 threads; "
          f"1-min load average {load_before:.2f} before, {load_after:.2f} after")
    print("| backend | first list p50 / p95 | first model reason p50 / p95 (turns with one) | whole turn p50 / p95 |")
    print("|---|---|---|---|")
    for name, t in times.items():
        fr = t["first_reason"]
        print(f"| {name} | {statistics.median(t['first_list']):.3f} / {pct(t['first_list'], 0.95):.3f} s | "
              + (f"{statistics.median(fr):.2f} / {pct(fr, 0.95):.2f} s ({len(fr)})" if fr else "- (0)")
              + f" | {statistics.median(t['total']):.2f} / {pct(t['total'], 0.95):.2f} s |")
    names = list(times)
    ratio = statistics.median(times[names[1]]["total"]) / statistics.median(times[names[0]]["total"])
    print(f"whole turn, ratio of medians (server / embedded): {ratio:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
