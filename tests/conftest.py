"""Shared test setup. The offline variables must be set before anything imports huggingface_hub."""
import os

for _key, _value in {
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "HF_HUB_DISABLE_TELEMETRY": "1",
    "GRADIO_ANALYTICS_ENABLED": "False",
    "ANONYMIZED_TELEMETRY": "False",
    "ORT_DISABLE_TELEMETRY": "1",
    "TOKENIZERS_PARALLELISM": "false",
    "OMP_NUM_THREADS": "1",
    "RECSYS_RAISE_ERRORS": "1",
}.items():
    os.environ.setdefault(_key, _value)

import json  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from catalog.item import Item  # noqa: E402

TEST_DATA = Path(__file__).parent / "data"


@pytest.fixture(autouse=True)
def _isolated(monkeypatch, tmp_path):
    """Point the data folder at tmp_path and unset API keys, so no test touches real state."""
    monkeypatch.setenv("RECSYS_DATA_DIR", str(tmp_path / "data"))
    for key in ("OPENAI_API_KEY", "RECSYS_LLM_URL", "HF_TOKEN"):
        monkeypatch.delenv(key, raising=False)


@pytest.fixture
def tiny_items() -> list[Item]:
    """27 real movies (MovieLens ids) with genres, year, runtime, rating, MPAA and a plot line."""
    with open(TEST_DATA / "tiny_movies.jsonl", encoding="utf-8") as f:
        return [Item(**json.loads(line)) for line in f]


@pytest.fixture(scope="module")
def catalog():
    """The same 27 movies as a Catalog, built once per module (tests that need another catalog,
    like tests/test_search.py, define their own `catalog`)."""
    from catalog.catalog import Catalog

    with open(TEST_DATA / "tiny_movies.jsonl", encoding="utf-8") as f:
        return Catalog("tiny", [Item(**json.loads(line)) for line in f])


@pytest.fixture(scope="module")
def index(catalog, tmp_path_factory):
    """A real Chroma index of `catalog` with the FakeEmbedder, built once per module on tmp_path
    (read-only for the tests: building it is the slow part)."""
    from catalog.embed import FakeEmbedder
    from catalog.search import open_index

    return open_index(catalog, FakeEmbedder(), data_dir=tmp_path_factory.mktemp("chroma"),
                      build_if_missing=True, progress=False).ensure()
