"""The page's message catalogue (prompts/ui.yaml): every text in both languages, every key the code
looks up exists, Chinese texts hold no English words, and the page follows the conversation."""
from __future__ import annotations

import re
import threading
import time
from pathlib import Path

import pytest

import prompts
from chat.state import DialogueState
from fakes import FakeRecommender
from ui import i18n
from ui.controller import ChatController

REPO = Path(__file__).resolve().parent.parent
LANGS = {"en", "zh"}
# Names a Chinese text may keep in Latin letters (products, formats).
PROPER_NOUNS = {"MovieLens", "IMDb", "Chroma", "all", "MiniLM", "L6", "v2", "LLM"}


def _leaves(node, key=""):
    """(key, {lang: value}) for every text of the catalogue."""
    if isinstance(node, dict) and node and set(node) <= LANGS | {"x"} and set(node) & LANGS:
        yield key, node
    elif isinstance(node, dict):
        for child, value in node.items():
            yield from _leaves(value, f"{key}.{child}" if key else str(child))
    else:
        yield key, node


CATALOGUE = list(_leaves(prompts.load("ui")))


@pytest.mark.parametrize("key,entry", CATALOGUE, ids=[k for k, _ in CATALOGUE])
def test_every_text_has_english_and_chinese(key, entry):
    assert isinstance(entry, dict) and set(entry) == LANGS, f"{key} needs exactly en and zh"
    assert all(entry[lang] for lang in LANGS), f"{key} has an empty text"
    if all(isinstance(v, list) for v in entry.values()):
        assert len(entry["en"]) == len(entry["zh"]), f"{key}: as many entries in both languages"


@pytest.mark.parametrize("key,entry", [(k, e) for k, e in CATALOGUE if isinstance(e.get("zh"), str)],
                         ids=[k for k, e in CATALOGUE if isinstance(e.get("zh"), str)])
def test_chinese_texts_have_no_english_words(key, entry):
    outside = re.sub(r"{[{%].*?[%}]}", " ", entry["zh"])  # the template's own syntax aside
    words = set(re.findall(r"[A-Za-z]+\d*", outside)) - PROPER_NOUNS
    assert not words, f"{key} (zh) has English words: {words}"


def test_every_key_the_code_looks_up_exists():
    code = "\n".join(p.read_text(encoding="utf-8") for p in [REPO / "app.py", *(REPO / "ui").glob("*.py")])
    keys = set(re.findall(r"""(?:i18n\.text|\bt)\(\s*["']([a-z_.]+)["']""", code))
    assert {"page.send", "status.newer", "taste.empty"} <= keys, "the scan finds the lookups"
    for key in keys:
        if key.endswith("."):  # a prefix completed at run time ("understood." + field): the group exists
            assert isinstance(prompts.load("ui").get(key[:-1]), dict), key
            continue
        for lang in LANGS:
            assert prompts.template_text("ui", key, lang), key


@pytest.mark.parametrize("header,lang", [
    ("zh-CN,zh;q=0.9,en;q=0.8", "zh"), ("zh-TW", "zh"), ("en-US,en;q=0.9", "en"),
    ("fr-FR,fr;q=0.9,zh;q=0.5", "zh"), ("de", "en"), ("", "en"), (None, "en"),
])
def test_first_language_from_the_browser(header, lang):
    assert i18n.browser_language(header) == lang


def test_the_page_follows_the_conversation_language(tiny_items):
    ui = ChatController(FakeRecommender(tiny_items))
    views = list(ui.send("推荐几部喜剧", [], None))
    assert all(v.lang == "zh" for v in views), "the page turns Chinese from the first update"
    assert "正在查找" in views[0].status
    final = views[-1]
    assert "👍 喜欢" not in final.cards[0]  # buttons are Gradio components, not card HTML
    assert "喜剧" in final.cards[0] and "快速" in final.cards[0]
    clicked = list(ui.click(0, "dislike", final.history, final.state, final.shown))[-1]
    assert clicked.lang == "zh" and "不感兴趣" in clicked.history[-2]["content"]
    assert "你不喜欢1部" in clicked.taste
    back = list(ui.send("some comedies", clicked.history, clicked.state))[-1]
    assert back.lang == "en" and "FAST" not in back.cards[0] and "fast" in back.cards[0]
    assert "You disliked 1 " in back.taste


def test_a_new_session_keeps_the_page_language_until_a_message_changes_it(tiny_items):
    ui = ChatController(FakeRecommender(tiny_items))
    empty = list(ui.send("   ", [], None, "zh"))[-1]
    assert empty.lang == "zh" and "请先输入" in empty.status
    assert ui.new_conversation(None, "zh").lang == "zh" and "已开始新对话" in ui.new_conversation(None, "zh").status
    assert list(ui.send("comedies", [], None, "zh"))[-1].lang == "en", "an English message turns the page English"


class SlowFake(FakeRecommender):
    """Each turn waits for `gate` before its first list (a model still working)."""

    def __init__(self, items):
        super().__init__(items)
        self.gate = threading.Event()

    def respond(self, state, message):
        if message == "first":
            self.gate.wait(10)
        yield from super().respond(state, message)


def test_a_message_sent_while_a_turn_works_supersedes_it(tiny_items):
    fake = SlowFake(tiny_items)
    ui = ChatController(fake)
    state = DialogueState()
    older = ui.send("first", [], state)
    assert "Finding" in next(older).status
    rest: list = []
    worker = threading.Thread(target=lambda: rest.extend(older))  # blocked inside the recommender
    worker.start()
    time.sleep(0.2)
    newer = list(ui.send("comedies", [{"role": "user", "content": "first"}], state))
    assert "Working on your new message" in newer[0].status, "the user sees the new message is taken"
    assert newer[-1].history[-1]["content"] == "Here are some picks (comedy)."
    fake.gate.set()
    worker.join(10)
    assert rest == [], "the superseded turn updates the page no more"
    again = list(ui.send("comedies", newer[-1].history, newer[-1].state))
    assert "Finding" in again[0].status, "a turn sent when nothing works is not called newer"
