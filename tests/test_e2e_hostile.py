"""In Chromium: catalog titles and chat messages that try to load a remote resource load nothing.

The app (a fake recommender over a catalog whose titles and genres carry Markdown images, links and
HTML) is launched in process; a second local HTTP server counts every request it gets. The user
chats, likes a card, and the page shows the hostile text as text: the counter stays at 0.
Needs Debian's chromium at /usr/bin/chromium (`make browser`).
"""
from __future__ import annotations

import http.server
import socket
import threading
from pathlib import Path

import pytest

from app import build_app, launch_options
from fakes import FakeRecommender

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]

pytestmark = [pytest.mark.e2e, pytest.mark.slow]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def tracker():
    """A local server that counts the requests a page makes to it."""
    hits: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - the stdlib's name
            hits.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", hits
    finally:
        server.shutdown()


def hostile(base: str, tag: str) -> str:
    return (f"![a]({base}/{tag}-md.png) [b]({base}/{tag}-link) <img src=\"{base}/{tag}-img.png\"> "
            f"<a href=\"{base}/{tag}-a\">x</a> $$\\href{{{base}/{tag}-tex}}{{y}}$$ {base}/{tag}-bare.png")


def test_hostile_catalog_and_chat_text_loads_nothing(tiny_items, tracker):
    if not CHROMIUM.exists():
        pytest.fail("Chromium not found at /usr/bin/chromium: run `make browser` (Debian chromium).")
    from playwright.sync_api import sync_playwright

    base, hits = tracker
    items = [item.model_copy(update={"title": f"{item.title} {hostile(base, 'title' + item.id)}",
                                     "genres": (*item.genres, f"<img src='{base}/genre.png'>")})
             for item in tiny_items]
    app = build_app(FakeRecommender(items), catalog_label="hostile", raise_errors=False)
    port = free_port()
    app.queue().launch(server_name="127.0.0.1", server_port=port, prevent_thread_lock=True, quiet=True,
                       **launch_options())
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
            try:
                page = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
                page.goto(f"http://127.0.0.1:{port}/", wait_until="load")
                page.wait_for_selector("#rs-input textarea", timeout=60_000)
                page.fill("#rs-input textarea", "comedies " + hostile(base, "chat"))
                page.click("#rs-send")
                page.wait_for_selector("#rs-card-0 .rs-title", timeout=60_000)
                page.click("#rs-like-0")  # the title goes into the chat as "I like …"
                page.wait_for_function("document.querySelector('#rs-chat').innerText.includes('I like')",
                                       timeout=60_000)
                page.wait_for_timeout(1500)  # time for any image or font request to go out
                chat = page.inner_text("#rs-chat")
                card = page.inner_text("#rs-card-0")
                assert "![a](" in chat and "<img src=" in chat, "the hostile text is shown as text"
                assert "<img src=" in card
                assert page.eval_on_selector_all("#rs-chat img, #rs-chat a[href^='http'], #rs-card-0 img",
                                                 "els => els.length") == 0
            finally:
                browser.close()
    finally:
        app.close()
    assert hits == [], f"the page requested {hits}"
