"""The app under load and killed mid-load (`--llm off`, loopback, MovieLens, a private data folder).

Short versions for CI; `make load` runs 50 users for 5 minutes (benchmarks/load.py).
"""
from __future__ import annotations

import http.client
import json
import random
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from benchmarks.load import REPO, free_port, private_data_dir, read_result, run_locust, start_app, stop_app
from recommender.store import SessionStore
from ui.sessions import session_key

pytestmark = [pytest.mark.slow, pytest.mark.data]


def call(port: int, name: str, *args, timeout: float = 60.0) -> dict:
    """One API call over plain HTTP; raises on an error event."""
    body = json.dumps({"data": list(args)}).encode()
    req = urllib.request.Request(f"http://127.0.0.1:{port}/gradio_api/call/{name}", data=body,
                                 headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=timeout) as r:
        event_id = json.loads(r.read())["event_id"]
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/gradio_api/call/{name}/{event_id}", timeout=timeout) as r:
        event, data = read_result(r.read().decode())
    if event != "complete":
        raise RuntimeError(f"{name}: {event} {data}")
    return data[0]


@pytest.fixture
def data_dir(tmp_path) -> Path:
    """A copy of the repository's data folder (its index, if built; read only), never its sessions."""
    return private_data_dir(tmp_path / "app-data", REPO / "data")


def test_short_load_has_no_errors(data_dir, tmp_path):
    port = free_port()
    app = start_app(data_dir, port, log=tmp_path / "app.log")
    try:
        rows = run_locust(f"http://127.0.0.1:{port}", users=10, duration_s=20, out=tmp_path / "out", spawn_rate=5)
    finally:
        stop_app(app)
    chat = next(r for r in rows if (r["Type"], r["Name"]) == ("API", "chat"))
    assert int(chat["Request Count"]) >= 10, "the users chatted"
    assert int(next(r for r in rows if r["Name"] == "Aggregated")["Failure Count"]) == 0


def test_kill_9_mid_load_keeps_confirmed_sessions_and_feedback(data_dir, tmp_path):
    """Clients chat and give feedback in threads; the app is killed with SIGKILL mid-load and
    restarted on the same folder: every session and feedback event the clients got an answer for
    is there, and each session goes on from where it was."""
    port = free_port()
    app = start_app(data_dir, port, log=tmp_path / "app.log")
    confirmed: dict[str, dict] = {}  # token -> {"shown": last list, "feedback": [(item, kind)]}
    lock, stop = threading.Lock(), threading.Event()

    def client(seed: int) -> None:
        rng = random.Random(seed)
        token, items = "", []
        while not stop.is_set():
            try:
                if token and items and rng.random() < 0.5:
                    item, kind = rng.choice(items), rng.choice(["like", "dislike", "more_like"])
                    out = call(port, "feedback", item, kind, token)
                    with lock:
                        confirmed[token]["feedback"].append((item, kind))
                else:
                    out = call(port, "chat", rng.choice(["a few 90s comedies", "older ones", "sci-fi", "more"]), token)
                    token = out["session"]
                    with lock:
                        confirmed.setdefault(token, {"feedback": []})
                items = [it["id"] for it in out["items"]] or items
                with lock:
                    confirmed[token]["shown"] = [it["id"] for it in out["items"]]
            except (OSError, http.client.HTTPException):
                return  # the server is gone: what was answered before counts
            except RuntimeError:
                continue

    threads = [threading.Thread(target=client, args=(n,), daemon=True) for n in range(8)]
    for t in threads:
        t.start()
    time.sleep(8)
    stop_app(app, hard=True)  # SIGKILL: no shutdown code runs
    stop.set()
    for t in threads:
        t.join(timeout=70)
    with lock:
        snapshot = {k: {"shown": list(v.get("shown", [])), "feedback": list(v["feedback"])} for k, v in confirmed.items()}
    n_feedback = sum(len(v["feedback"]) for v in snapshot.values())
    assert len(snapshot) >= 8 and n_feedback >= 5, "the clients had answers before the kill"

    store = SessionStore(data_dir / "sessions.sqlite3")
    last_lists = {}
    for token, seen in snapshot.items():
        stored = [(e.item_id, e.kind) for e in store.feedback(session_key(token))]
        assert stored[: len(seen["feedback"])] == seen["feedback"], "every confirmed feedback event was kept"
        state = store.load(session_key(token))
        assert state is not None and state.turns, "every confirmed session was kept"
        last_lists[token] = state.last_list  # may be one answer newer than the client saw

    app = start_app(data_dir, port, log=tmp_path / "app.log")
    try:
        for token in list(snapshot)[:4]:
            out = call(port, "chat", "not the first one", token)
            assert out["session"] == token and out["reply"], "the session goes on after the restart"
            if len(last_lists[token]) >= 2:  # the stored list goes on without its first card
                assert out["items"], (last_lists[token], out["reply"])
                assert last_lists[token][0] not in [it["id"] for it in out["items"]]
            # (nothing or one card shown last: an empty list is right, and the reply says why)
    finally:
        stop_app(app)
