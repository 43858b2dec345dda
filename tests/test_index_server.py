"""Client/server: the same index API against a `chroma run` server on loopback."""
from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from catalog.catalog import Catalog
from catalog.filters import Filters
from catalog.index import IndexMissingError, build_index, make_client
from catalog.search import open_index
from fakes import FakeEmbedder

pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def chroma_server(tmp_path):
    chroma = Path(sys.executable).with_name("chroma")
    if not chroma.exists():
        pytest.skip("the chroma CLI is not installed in this environment")
    port = _free_port()
    proc = subprocess.Popen([str(chroma), "run", "--path", str(tmp_path / "server"), "--host",
                             "127.0.0.1", "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                make_client(host="127.0.0.1", port=port).heartbeat()
                break
            except (ValueError, ConnectionError):  # chromadb: "Could not connect to a Chroma server"
                if proc.poll() is not None or time.monotonic() > deadline:
                    pytest.fail("chroma server did not start")
                time.sleep(0.5)
        yield port
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_build_and_search_through_http_client(chroma_server, tiny_items, monkeypatch):
    catalog = Catalog("tiny", tiny_items)
    emb = FakeEmbedder()
    monkeypatch.setenv("RECSYS_CHROMA_HOST", "127.0.0.1")
    monkeypatch.setenv("RECSYS_CHROMA_PORT", str(chroma_server))
    with pytest.raises(IndexMissingError, match="Chroma server 127.0.0.1"):
        open_index(catalog, emb).ensure()
    report = build_index(catalog, emb, progress=False)  # client from the environment
    assert report.embedded == 27
    index = open_index(catalog, emb)
    assert index.search("Toy Story", k=1)[0].item_id == "1"
    hits = index.search("film", Filters(include_genres=["comedy"], max_runtime=100), k=50)
    assert hits and all(Filters(include_genres=["comedy"], max_runtime=100).allows(catalog.get(h.item_id))
                        for h in hits)
