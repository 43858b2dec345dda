"""In Chromium: clicking Send while the previous turn still works is not ignored.

The app runs in process around a slow fake recommender (each turn takes SLOW_S seconds before
its first list), with the queue the real app uses (`main()`: many handlers at once). The user
sends one message, then clicks Send with a second one while the first is still working: the
status says the new message is being worked on, and the newest message is the one answered.
Needs Debian's chromium at /usr/bin/chromium (`make browser`).
"""
from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from app import build_app, launch_options
from chat.state import DialogueState
from fakes import FakeRecommender
from recommender.types import TurnResult

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SLOW_S = 4.0

pytestmark = [pytest.mark.e2e, pytest.mark.slow]


class SlowRecommender(FakeRecommender):
    """The fake recommender, SLOW_S seconds before each turn's first list (a busy model)."""

    def respond(self, state: DialogueState, message: str) -> Iterator[TurnResult]:
        time.sleep(SLOW_S)
        yield from super().respond(state, message)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_send_while_working_supersedes_the_turn_and_says_so(tiny_items):
    if not CHROMIUM.exists():
        pytest.fail("Chromium not found at /usr/bin/chromium: run `make browser` (Debian chromium).")
    from playwright.sync_api import sync_playwright

    fake = SlowRecommender(tiny_items)
    app = build_app(fake, catalog_label="tiny", raise_errors=False)
    port = free_port()
    app.queue(default_concurrency_limit=32).launch(server_name="127.0.0.1", server_port=port,
                                                   prevent_thread_lock=True, quiet=True, **launch_options())
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
            try:
                page = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
                page.goto(f"http://127.0.0.1:{port}/", wait_until="load")
                page.wait_for_selector("#rs-input textarea", timeout=60_000)
                page.fill("#rs-input textarea", "anything good")
                page.click("#rs-send")
                page.wait_for_function("document.querySelector('#rs-status').innerText.includes('Finding')",
                                       timeout=30_000)
                # the first turn is still working: a second message with the Send button
                page.fill("#rs-input textarea", "comedies please")
                page.click("#rs-send")
                page.wait_for_function(
                    "document.querySelector('#rs-status').innerText.includes('Working on your new message')",
                    timeout=SLOW_S * 1000 - 500)  # visible while the first turn still works
                assert page.input_value("#rs-input textarea") == "", "the box was cleared: the click was taken"
                page.wait_for_selector("#rs-card-0 .rs-title", timeout=60_000)
                page.wait_for_function("document.querySelector('#rs-status').innerText.trim() === ''",
                                       timeout=30_000)
                page.wait_for_timeout(SLOW_S * 1000)  # the first turn is done too by now
                said = page.eval_on_selector_all("#rs-chat [data-testid='user']", "els => els.map(e => e.innerText.trim())")
                answers = page.eval_on_selector_all("#rs-chat [data-testid='bot']", "els => els.map(e => e.innerText.trim())")
                chips = page.inner_text("#rs-card-0 .rs-chips")
            finally:
                browser.close()
    finally:
        app.close()
    assert [m for _, m in fake.calls] == ["anything good", "comedies please"], "both messages reached the app"
    assert said == ["anything good", "comedies please"]
    assert answers == ["Here are some picks (comedy)."], \
        f"the newest message is answered, and the superseded turn adds no stale reply: {answers}"
    assert "comedy" in chips
