"""The app's HTTP model backend against a real OpenAI-compatible server: llama-cpp-python's
`python -m llama_cpp.server` serving the shipped 1.5B GGUF on a free loopback port, started by the
fixture. (Not the 0.5B: tried first, all of its reasons for a 90s-comedy request said "not from the
90s" of 1990s films and were refused by the checker, so a test of model reasons needs the 1.5B, the
model the app ships.) The app is pointed at it the way a deployment does it,
with RECSYS_LLM, and `Recommender.create` wires the rest (real Chroma on tmp_path, the tiny catalog
file, the fake embedder: the model is the part under test).

What a user would notice: a turn's list comes at once and the server's reasons stream onto the
cards (each one checked by `recommender.grounding`); a tiny time budget or a server that is down
or speaks no OpenAI still answers the turn with the catalog's reasons and a note, never an error;
reasons the model finished are never thrown away.
"""
from __future__ import annotations

import importlib.util
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from chat.state import DialogueState
from fakes import FakeEmbedder
from lm import GenerateOptions, make_llm
from recommender.grounding import holds
from recommender.pipeline import Recommender
from tests.conftest import TEST_DATA

CATALOG = str(TEST_DATA / "tiny_movies.jsonl")
REQUEST = "funny movies from the 90s"
ALIAS = "served-qwen"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Server:
    url: str  # http://127.0.0.1:PORT/v1
    log: Path
    per_answer_s: float  # one warm item-mode answer, measured at start: this machine's pace now


def _threads() -> int:
    """llama.cpp's threads wait for each other at every layer: on a CPU already busy with other work
    one thread is faster than one per core (lm/llamacpp.py, default_threads)."""
    cores = os.cpu_count() or 1
    return 1 if os.getloadavg()[0] > cores - 0.5 else cores


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    from lm.model_files import is_ready, model_path

    missing = [m for m in ("llama_cpp", "fastapi", "uvicorn", "sse_starlette", "starlette_context",
                           "pydantic_settings") if importlib.util.find_spec(m) is None]
    if missing:
        pytest.skip(f"needs llama-cpp-python[server] ({', '.join(missing)} missing): run `make setup`")
    size = "1.5b"
    if not is_ready(size):
        pytest.skip("needs the local model file: run `make model`")
    port, threads = _free_port(), _threads()
    log = tmp_path_factory.mktemp("llama_server") / "server.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "llama_cpp.server", "--model", str(model_path(size)), "--model_alias", ALIAS,
             "--host", "127.0.0.1", "--port", str(port), "--n_ctx", "2048", "--n_threads", str(threads),
             "--n_threads_batch", str(threads)],
            stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/v1"
    try:
        deadline = time.monotonic() + 180
        while True:
            if proc.poll() is not None:
                pytest.fail(f"llama_cpp.server exited with {proc.returncode}:\n{log.read_text()[-2000:]}")
            try:
                with urllib.request.urlopen(f"{url}/models", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"llama_cpp.server did not answer within 180 s:\n{log.read_text()[-2000:]}")
            time.sleep(0.5)
        # Warm the server's prompt cache with the ranker's fixed prefix (as a long-running server
        # would be), then time one answer: the time-out tests size their budget with it.
        from recommender.rank import LLMRanker
        from recommender.rank_format import item_grammar
        from recommender.types import Candidate
        from catalog.item import Item

        ranker = LLMRanker(make_llm(f"llamacpp-server:{url}#{ALIAS}"))
        assert ranker.warm(timeout_s=600), f"warm-up failed:\n{log.read_text()[-2000:]}"
        toy = Item(id="1", title="Toy Story", year=1995, genres=("animation", "children's", "comedy"), runtime=81,
                   rating=8.2)
        start = time.monotonic()
        ranker.llm.complete(ranker.item_messages(REQUEST, Candidate(item=toy), "en"),
                            GenerateOptions(max_tokens=40, timeout=600, grammar=item_grammar("en", 72)))
        yield Server(url=url, log=log, per_answer_s=time.monotonic() - start)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def make_rec(monkeypatch, tmp_path, spec: str, timeout_s: float, head: int = 3) -> Recommender:
    """The app's wiring, pointed at the server by RECSYS_LLM as a deployment would do it."""
    monkeypatch.setenv("RECSYS_LLM", spec)
    rec = Recommender.create(CATALOG, llm=None, data_dir=tmp_path, embedder=FakeEmbedder(), progress=False,
                             collab=False, sequential=False, llm_timeout_s=timeout_s)
    assert rec.ranker is not None and rec.ranker.llm.name.startswith("http:")
    rec.ranker.max_candidates = head  # fewer model calls per turn: the suite stays short on 2 cores
    return rec


def check_cards(final, rec) -> None:
    """What every turn guarantees, model or not: catalog items that pass the constraints, each
    with a reason, and every model-written reason true of its item."""
    assert final.stage == "final" and final.recommendations
    for r in final.recommendations:
        assert rec.catalog.get(r.item.id) == r.item and final.instruction.constraints.allows(r.item)
        assert r.reason
        if r.reason_by == "model":
            assert holds(r.reason, r.item, REQUEST), r.reason
    assert final.state.last_list == [r.item.id for r in final.recommendations]



@pytest.mark.slow
@pytest.mark.model
def test_the_server_ranks_and_explains_a_turn_and_its_reasons_stream(server, monkeypatch, tmp_path):
    rec = make_rec(monkeypatch, tmp_path, f"llamacpp-server:{server.url}#{ALIAS}",
                   timeout_s=max(60.0, 12 * server.per_answer_s), head=4)
    results = list(rec.respond(DialogueState(), REQUEST))
    stages = [r.stage for r in results]
    assert stages[0] == "fast" and stages[-1] == "final", stages
    final = results[-1]
    check_cards(final, rec)
    # the list first, then the server's reasons arriving one card at a time (llm_partial results)
    assert "llm_partial" in stages, (stages, final.notes)
    assert all(r.ranked_by == "llm" for r in final.recommendations)
    by_model = [r for r in final.recommendations if r.reason_by == "model"]
    assert len(by_model) + final.reasons_refused == 4, final.notes  # every card of the head was judged
    assert by_model, f"no model reason passed the checker: {final.notes}"
    assert {"llm_rank", "first_reason", "total"} <= set(final.timings)
    # the server did the work (its log shows the chat completions)
    assert server.log.read_text().count("POST /v1/chat/completions") >= 4


@pytest.mark.slow
@pytest.mark.model
def test_answers_stream_from_the_server_in_pieces(server):
    llm = make_llm(f"{server.url}#{ALIAS}")
    messages = [{"role": "user", "content": "Name three colours, comma-separated."}]
    pieces = list(llm.stream(messages, GenerateOptions(max_tokens=12, timeout=max(60.0, 10 * server.per_answer_s))))
    assert len(pieces) > 1 and "".join(pieces).strip()
    assert "".join(pieces) == llm.complete(messages, GenerateOptions(max_tokens=12, timeout=120))  # temperature 0


@pytest.mark.slow
@pytest.mark.model
def test_without_the_grammar_the_reasons_shown_are_still_true(server, monkeypatch, tmp_path):
    """A plain OpenAI endpoint spec sends no grammar: the model may answer in any shape; what is not
    "reason | score" is skipped and what is shown passed the grounding checker."""
    rec = make_rec(monkeypatch, tmp_path, server.url, timeout_s=max(60.0, 10 * server.per_answer_s), head=1)
    final = list(rec.respond(DialogueState(), REQUEST))[-1]
    check_cards(final, rec)
    assert ALIAS in rec.ranker.llm.name  # the model name came from the server's /models


@pytest.mark.slow
@pytest.mark.model
def test_a_tiny_budget_answers_with_catalog_reasons_and_the_server_stays_usable(server, monkeypatch, tmp_path):
    rec = make_rec(monkeypatch, tmp_path, f"llamacpp-server:{server.url}#{ALIAS}", timeout_s=0.05)
    start = time.monotonic()
    results = list(rec.respond(DialogueState(), REQUEST))
    final = results[-1]
    assert time.monotonic() - start < 10
    check_cards(final, rec)
    assert all(r.reason_by == "template" for r in final.recommendations)
    assert [r.item.id for r in final.recommendations] == [r.item.id for r in results[0].recommendations]
    assert any("in time" in n or "too long" in n for n in final.notes), final.notes
    # the abandoned request does not wedge the server: the next turn is judged by the model again
    rec.ranker.timeout_s = max(60.0, 12 * server.per_answer_s)
    again = list(rec.respond(final.state, REQUEST))
    check_cards(again[-1], rec)
    assert "llm_partial" in [r.stage for r in again], again[-1].notes
    assert not any("in time" in n or "too long" in n for n in again[-1].notes), again[-1].notes


@pytest.mark.slow
@pytest.mark.model
def test_a_budget_for_some_cards_keeps_every_reason_the_model_finished(server, monkeypatch, tmp_path):
    rec = make_rec(monkeypatch, tmp_path, f"llamacpp-server:{server.url}#{ALIAS}",
                   timeout_s=1.6 * server.per_answer_s, head=6)
    results = list(rec.respond(DialogueState(), REQUEST))
    final = results[-1]
    check_cards(final, rec)
    written: dict[str, str] = {}
    for r in results:
        if r.stage == "llm_partial":
            written.update({c.item.id: c.reason for c in r.recommendations if c.reason_by == "model"})
    shown = {c.item.id: c.reason for c in final.recommendations if c.reason_by == "model"}
    assert written.items() <= shown.items()  # nothing finished was thrown away
    judged = len(shown) + final.reasons_refused
    assert judged < 6 and final.notes, (judged, final.notes)  # the budget stopped it, and it says so


# -- a server that is down, or that speaks no OpenAI (no model needed) -------------------------------

class _Garbage(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def _reply(self):
        body = b"<html><body>Welcome to nginx!</body></html>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = _reply


@pytest.fixture
def garbage_url():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Garbage)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/v1"
    httpd.shutdown()
    httpd.server_close()


@pytest.mark.parametrize("kind", ["down", "garbage", "garbage-named-model"])
def test_a_server_down_or_speaking_no_openai_still_answers_the_turn(kind, garbage_url, monkeypatch, tmp_path):
    url = f"http://127.0.0.1:{_free_port()}/v1" if kind == "down" else garbage_url
    spec = f"llamacpp-server:{url}#m" if kind == "garbage-named-model" else url
    rec = make_rec(monkeypatch, tmp_path, spec, timeout_s=5.0)
    start = time.monotonic()
    results = list(rec.respond(DialogueState(), REQUEST))
    assert time.monotonic() - start < 20
    final = results[-1]
    check_cards(final, rec)
    assert all(r.reason_by == "template" and r.ranked_by == "fast" for r in final.recommendations)
    assert final.notes and all("Traceback" not in n for n in final.notes)
    assert any("language model" in n.lower() for n in final.notes), final.notes
