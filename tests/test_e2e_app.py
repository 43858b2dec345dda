"""End to end: the real app (MovieLens, real MiniLM, LLM off) in a subprocess, driven by Chromium.

Needs Debian's chromium at /usr/bin/chromium (`make browser`). Saves a screenshot to tmp_path,
or to docs/screenshot.png when RECSYS_UPDATE_SCREENSHOT=1 (for the README).
"""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]
START_TIMEOUT_S = 600  # the first start embeds the 1,682 movies (seconds quiet, minutes when busy)

pytestmark = [pytest.mark.e2e, pytest.mark.slow]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_until_up(url: str, proc: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"the app exited with {proc.returncode}:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(1)
    pytest.fail(f"the app did not start in {START_TIMEOUT_S} s:\n{log.read_text()[-3000:]}")


@pytest.fixture
def app_url(tmp_path):
    pytest.importorskip("recbole", reason="MovieLens data missing: run `make data`")
    port = _free_port()
    env = dict(os.environ)
    env.update(RECSYS_DATA_DIR=str(tmp_path / "data"), HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1",
               GRADIO_ANALYTICS_ENABLED="False", ANONYMIZED_TELEMETRY="False", OMP_NUM_THREADS="1",
               TOKENIZERS_PARALLELISM="false", RECSYS_RAISE_ERRORS="0")
    env.pop("PYTEST_CURRENT_TEST", None)  # the app shows errors as a user would see them
    log = tmp_path / "app.log"
    with open(log, "w") as out:
        proc = subprocess.Popen([sys.executable, "app.py", "--llm", "off", "--port", str(port)],
                                cwd=REPO, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        url = f"http://127.0.0.1:{port}/"
        _wait_until_up(url, proc, log)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()


def _titles(page) -> list[str]:
    """Titles of the visible cards, in rank order."""
    return page.eval_on_selector_all(
        ".rs-slot .rs-title", "els => els.filter(e => e.offsetParent !== null).map(e => e.textContent)")


def _wait_for_change(page, before: list[str], timeout_s: float = 120) -> list[str]:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        now = _titles(page)
        if now and now != before:
            return now
        page.wait_for_timeout(250)
    pytest.fail(f"the cards did not change after the click (still {before})")


def test_browser_chat_cards_dislike_like_forget_and_screenshot(app_url, tmp_path):
    if not CHROMIUM.exists():
        pytest.fail("Chromium not found at /usr/bin/chromium: run `make browser` (Debian chromium).")
    from playwright.sync_api import sync_playwright

    shot = (REPO / "docs" / "screenshot.png" if os.environ.get("RECSYS_UPDATE_SCREENSHOT") == "1"
            else tmp_path / "screenshot.png")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        try:
            page = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
            page.goto(app_url, wait_until="load")  # never "networkidle": Gradio keeps a stream open
            page.wait_for_selector("#rs-input textarea", timeout=60_000)
            assert page.is_visible("#rs-empty"), "an empty state tells the user what to type"

            page.fill("#rs-input textarea", "a few 90s comedies, nothing too long")
            page.click("#rs-send")
            page.wait_for_selector("#rs-card-0 .rs-title", timeout=120_000)
            first = _wait_for_change(page, [])
            assert 1 <= len(first) <= 5, first
            assert not page.is_visible("#rs-empty")
            assert "comedy" in page.inner_text("#rs-card-0 .rs-chips")

            gone = first[1]
            page.click("#rs-dislike-1")  # no typing: the card button alone updates the list
            after_dislike = _wait_for_change(page, first)
            assert gone not in after_dislike

            page.click("#rs-like-0")
            after_like = _wait_for_change(page, after_dislike)
            assert gone not in after_like
            # the taste chart now has bars (liked and disliked genres may cancel: any bar will do)
            page.wait_for_selector("#rs-taste .rs-taste-row", timeout=30_000)

            shot.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(shot), full_page=True)

            page.click("#rs-forget")  # deletes the session and says so; the cards go away
            page.wait_for_selector("#rs-empty", state="visible", timeout=60_000)
            assert _titles(page) == []
            assert "deleted" in page.inner_text("#rs-chat")
        finally:
            browser.close()
    assert shot.stat().st_size > 20_000, "the screenshot is not blank"
