"""LangChain on the real MovieLens index (real MiniLM, real Chroma): the retriever, and the example
examples/langchain_agent.py run as a user runs it."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.load import private_data_dir

pytestmark = [pytest.mark.slow, pytest.mark.data]
REPO = Path(__file__).resolve().parent.parent


def test_retriever_on_movielens(movielens_data):
    from catalog.embed import MiniLMEmbedder
    from catalog.filters import Filters
    from catalog.loaders import load_catalog
    from catalog.search import open_index
    from integrations.langchain import CatalogRetriever

    index = open_index(load_catalog("movielens"), MiniLMEmbedder(), data_dir=movielens_data)
    docs = CatalogRetriever(index=index, k=5).invoke("Toy Story")
    assert docs[0].metadata["id"] == "1" and docs[0].metadata["title"] == "Toy Story"
    kids = CatalogRetriever(index=index, k=5, filters=Filters(include_genres=["animation"], max_year=1995)).invoke(
        "animated film for children")
    assert len(kids) == 5
    assert all("animation" in d.metadata["genres"] and d.metadata["year"] <= 1995 for d in kids)


def test_the_example_runs_offline(movielens_data, tmp_path):
    env = dict(os.environ, OMP_NUM_THREADS="1")
    env.pop("RECSYS_RAISE_ERRORS", None)
    data = private_data_dir(tmp_path / "data", movielens_data)
    run = subprocess.run([sys.executable, "examples/langchain_agent.py", "a few 90s comedies under 100 minutes",
                          "--data-dir", str(data)], cwd=REPO, env=env, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr[-3000:]
    out = run.stdout
    assert "Retriever" in out and "-> recommend(" in out and "-> explain(" in out
    picks = json.loads(next(line for line in out.splitlines() if line.startswith("  <- ")).removeprefix("  <- "))
    assert len(picks["items"]) == 3
    for it in picks["items"]:
        assert "comedy" in it["genres"] and 1990 <= it["year"] <= 1999 and it["runtime"] <= 100, it
    answer = next(line for line in out.splitlines() if line.startswith("Answer: "))
    assert picks["items"][0]["title"] in answer and "because" in answer
