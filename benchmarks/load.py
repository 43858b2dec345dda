"""Start the app (`--llm off`, loopback, a private copy of the data folder), put Locust load on it,
stop it, and print what users waited: the API rows of benchmarks/locustfile.py.

    python benchmarks/load.py                          # 50 users, 5 minutes (make load)
    python benchmarks/load.py --users 10 --duration 20 # the short version tests/test_load.py runs

The data folder (index, caches) is copied to a temporary folder without its session store, so a
load run never writes into the sessions of your own app. Output: a table on stdout and Locust's
CSV files under --out (default: a temporary folder).
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
LOCUSTFILE = Path(__file__).with_name("locustfile.py")


def read_result(stream_text: str) -> tuple[str, Any]:
    """(event, data) of the last event in a Gradio result stream ("complete" or "error")."""
    event, data = "", None
    for line in stream_text.splitlines():
        if line.startswith("event:"):
            event = line[6:].strip()
        elif line.startswith("data:"):
            raw = line[5:].strip()
            try:
                data = json.loads(raw)
            except ValueError:
                data = raw
    return event, data


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def private_data_dir(target: Path, source: Path | None = None) -> Path:
    """A copy of the data folder (default $RECSYS_DATA_DIR or data/: index, caches) without the
    session store. Without an index there, the app builds one at its first start (minutes)."""
    source = source or Path(os.environ.get("RECSYS_DATA_DIR") or REPO / "data")
    target.mkdir(parents=True, exist_ok=True)
    if source.is_dir():
        for entry in source.iterdir():
            if entry.name.startswith("sessions.sqlite3"):
                continue
            if entry.is_dir():
                shutil.copytree(entry, target / entry.name, dirs_exist_ok=True)
            else:
                shutil.copy2(entry, target / entry.name)
    return target


def start_app(data_dir: Path, port: int, *, log: Path, timeout_s: float = 600.0, llm: str = "off") -> subprocess.Popen:
    """`python app.py --llm LLM` (default off) on 127.0.0.1:port; returns once the page answers."""
    env = dict(os.environ, RECSYS_DATA_DIR=str(data_dir), HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1",
               GRADIO_ANALYTICS_ENABLED="False", ANONYMIZED_TELEMETRY="False", TOKENIZERS_PARALLELISM="false",
               OMP_NUM_THREADS=os.environ.get("OMP_NUM_THREADS", "1"))
    env.pop("RECSYS_RAISE_ERRORS", None)  # the server shows messages, as for users
    env.pop("PYTEST_CURRENT_TEST", None)
    proc = subprocess.Popen([sys.executable, str(REPO / "app.py"), "--llm", llm, "--port", str(port),
                             "--data-dir", str(data_dir)], cwd=REPO, env=env,
                            stdout=log.open("ab"), stderr=subprocess.STDOUT)
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"the app exited with {proc.returncode}; see {log}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as r:
                if r.status == 200:
                    return proc
        except OSError:
            time.sleep(0.5)
    proc.kill()
    raise RuntimeError(f"the app did not answer within {timeout_s:.0f} s; see {log}")


def stop_app(proc: subprocess.Popen, *, hard: bool = False) -> None:
    if proc.poll() is None:
        proc.send_signal(signal.SIGKILL if hard else signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def rss_mb(pid: int) -> float:
    with open(f"/proc/{pid}/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def run_locust(host: str, users: int, duration_s: int, out: Path, spawn_rate: float = 5.0) -> list[dict]:
    """Locust headless against `host`; returns the rows of its stats CSV."""
    out.mkdir(parents=True, exist_ok=True)
    subprocess.run([sys.executable, "-m", "locust", "-f", str(LOCUSTFILE), "--headless", "-u", str(users),
                    "-r", str(spawn_rate), "-t", f"{duration_s}s", "--host", host, "--csv", str(out / "load"),
                    "--only-summary", "--stop-timeout", "30", "--loglevel", "WARNING"],
                   cwd=REPO, check=False, stdout=subprocess.DEVNULL, stderr=(out / "locust.log").open("wb"),
                   timeout=duration_s + 180)
    with open(out / "load_stats.csv", newline="") as f:
        return list(csv.DictReader(f))


def summary(rows: list[dict]) -> str:
    lines = ["| call | requests | failures | p50 ms | p95 ms | p99 ms | max ms |", "|---|---|---|---|---|---|---|"]
    for r in rows:
        if r["Type"] in ("API", "SERVER") or r["Name"] == "Aggregated":
            label = "all rows (HTTP, API and SERVER)" if r["Name"] == "Aggregated" else f"{r['Type']} {r['Name']}"
            lines.append(f"| {label} | "
                         f"{r['Request Count']} | {r['Failure Count']} | {r['50%']} | {r['95%']} | {r['99%']} | "
                         f"{float(r['Max Response Time']):.0f} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--users", type=int, default=50)
    p.add_argument("--duration", type=int, default=300, help="seconds of load (default 300)")
    p.add_argument("--spawn-rate", type=float, default=5.0)
    p.add_argument("--out", default=None, help="folder for Locust's CSV files (default: a temporary one)")
    p.add_argument("--llm", default="off", help="the app's model: off (default), local, llamacpp:0.5b, ...")
    args = p.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="recsys-load-") as tmp:
        data = private_data_dir(Path(tmp) / "data")
        out = Path(args.out) if args.out else Path(tmp) / "out"
        port = free_port()
        t0 = time.perf_counter()
        app = start_app(data, port, log=Path(tmp) / "app.log", llm=args.llm)
        print(f"app ready in {time.perf_counter() - t0:.0f} s, RSS {rss_mb(app.pid):.0f} MB; "
              f"{args.users} users for {args.duration} s…", file=sys.stderr)
        try:
            rows = run_locust(f"http://127.0.0.1:{port}", args.users, args.duration, out, args.spawn_rate)
            rss = rss_mb(app.pid)
        finally:
            stop_app(app)
        print(summary(rows))
        print(f"\napp RSS after the load: {rss:.0f} MB; load average {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
