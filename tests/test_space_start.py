"""A Hugging Face Space's first start, reproduced: a fresh venv with only requirements.txt (torch
first, as the Makefile does), the repository's files without data/, models/ or .venv, SPACE_ID set,
`python app.py`. The page must load and the API (/chat) and the MCP tools must answer, with the
model off. Prints the timings (the README's "Hugging Face Space" figures come from this test,
`pytest -s tests/test_space_start.py`).

pip's cache (warm after `make setup`) keeps the install to a minute or two on 2 cores; the cold
start itself installs the MovieLens data packages and builds the index, as on a Space.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from benchmarks.load import free_port, stop_app

pytestmark = [pytest.mark.slow]
REPO = Path(__file__).resolve().parent.parent
START_TIMEOUT_S = 900
# What the host passes on: the path, pip's own settings (index, cache, certificates), locale.
PASS_ON = ("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR", "SSL_CERT_FILE", "SSL_CERT_DIR", "REQUESTS_CA_BUNDLE")


def host_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k in PASS_ON or k.startswith("PIP_")}
    return env | extra


def repository_files(target: Path) -> Path:
    """The files a Space's git clone has: tracked and not-ignored ones (no .venv, data, models)."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                            cwd=REPO, capture_output=True, check=True).stdout.decode().split("\0")
    for name in filter(None, listed):
        source = REPO / name
        if source.is_file() and not source.is_symlink():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    return target


def wait_for_page(url: str, proc: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"the app exited with {proc.returncode}:\n{log.read_text()[-4000:]}")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200 and b"<html" in response.read(4096).lower():
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.5)
    pytest.fail(f"the page did not load in {START_TIMEOUT_S} s:\n{log.read_text()[-4000:]}")


def test_a_space_starts_from_requirements_txt_alone(tmp_path):
    timings: dict[str, float] = {}
    app_dir = repository_files(tmp_path / "space")
    assert not (app_dir / "data").exists() and not (app_dir / "models").exists()
    venv = tmp_path / "venv"
    python = venv / "bin" / "python"
    t = time.monotonic()
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    pip = [str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check"]
    for args in (["torch==2.13.0"], ["-r", "requirements.txt"]):
        run = subprocess.run(pip + args, cwd=app_dir, env=host_env(), capture_output=True, text=True, timeout=1200)
        assert run.returncode == 0, run.stderr[-3000:]
    timings["install_s"] = time.monotonic() - t
    # Nothing else: no llama.cpp, no dev tools; the data packages come at the app's first start.
    for absent in ("llama_cpp", "pytest", "recbole"):
        check = subprocess.run([str(python), "-c", f"import importlib.util as u; print(u.find_spec('{absent}'))"],
                               capture_output=True, text=True, check=True)
        assert check.stdout.strip() == "None", f"{absent} is installed by requirements.txt"

    port = free_port()
    # What a Space sets (SYSTEM and SPACE_ID: Gradio's own test for a Space), on loopback here.
    env = host_env(SYSTEM="spaces", SPACE_ID="someone/movie-night", GRADIO_SERVER_NAME="127.0.0.1",
                   GRADIO_SERVER_PORT=str(port),
                   OMP_NUM_THREADS=os.environ.get("OMP_NUM_THREADS", "1"), PYTHONUNBUFFERED="1")
    log = tmp_path / "app.log"
    t = time.monotonic()
    with open(log, "wb") as out:
        proc = subprocess.Popen([str(python), "app.py"], cwd=app_dir, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        wait_for_page(f"http://127.0.0.1:{port}/", proc, log)
        timings["cold_start_s"] = time.monotonic() - t
        from gradio_client import Client

        t = time.monotonic()
        client = Client(f"http://127.0.0.1:{port}/", verbose=False)
        answer = client.predict("a few 90s comedies, nothing too long", "", api_name="/chat")
        timings["first_chat_s"] = time.monotonic() - t
        assert answer["items"], answer
        for it in answer["items"]:
            assert "comedy" in it["genres"] and 1990 <= it["year"] <= 1999, it
        assert all(it["ranked_by"] == "fast" and it["reason_by"] == "template" for it in answer["items"]), \
            "the model is off on a Space without the model file"
        text = log.read_text(errors="replace")
        assert "Installing the MovieLens data packages" in text and "LLM: off" in text
        assert (app_dir / "data" / "chroma").is_dir(), "the index is built in the Space's data folder"
        assert _mcp_tool_names(port) == {"movie_night_recommend", "movie_night_feedback", "movie_night_explain"}
    finally:
        stop_app(proc)
        print("\nSpace start:", json.dumps({k: round(v, 1) for k, v in timings.items()}))


def _mcp_tool_names(port: int) -> set[str]:
    """The tool names an MCP client lists (on a Space Gradio prefixes them with the Space's name)."""
    import asyncio

    from mcp import ClientSession
    from mcp.client.streamable_http import streamablehttp_client

    async def names() -> set[str]:
        async with streamablehttp_client(f"http://127.0.0.1:{port}/gradio_api/mcp/") as (read, write, _):
            async with ClientSession(read, write) as session:
                await session.initialize()
                return {t.name for t in (await session.list_tools()).tools}

    return asyncio.run(names())
