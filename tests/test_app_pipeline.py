"""The app's handlers on the REAL pipeline (rule parser, real Chroma on tmp_path, SQLite store)
with a deterministic fake embedder and the 27-movie fixture: fast, no weights."""
from __future__ import annotations

import pytest

from catalog.catalog import Catalog
from catalog.search import open_index
from chat.parser import RuleRewriter
from fakes import FakeEmbedder
from recommender.pipeline import Recommender
from recommender.store import SessionStore
from ui.controller import ChatController


@pytest.fixture
def real(tiny_items, tmp_path):
    catalog = Catalog("tiny", tiny_items)
    index = open_index(catalog, FakeEmbedder(), data_dir=tmp_path / "idx", build_if_missing=True,
                       progress=False)
    store = SessionStore(tmp_path / "sessions.sqlite3")
    return Recommender(catalog, index, rewriter=RuleRewriter(), store=store), catalog, store


def final(views):
    views = list(views)
    return views[-1]


def test_chat_turns_and_card_clicks_on_the_real_pipeline(real):
    rec, catalog, store = real
    ui = ChatController(rec)
    view = final(ui.send("a few 90s comedies, nothing too long", [], None))
    assert view.shown, view.history[-1]["content"]
    for item_id in view.shown:
        item = catalog.get(item_id)
        assert "comedy" in item.genres and 1990 <= item.year <= 1999 and item.runtime <= 110
    second = view.shown[1]
    after = final(ui.click(1, "dislike", view.history, view.state, view.shown))
    assert second not in after.shown and after.shown
    liked = final(ui.click(len(after.shown) - 1, "like", after.history, after.state, after.shown))
    assert liked.shown != after.shown and second not in liked.shown
    # one comedy disliked, one liked: said in counts, never a score that reads as "you dislike comedy"
    assert "You liked 1 comedy film, disliked 1." in liked.taste
    chat = final(ui.send("not the second one", liked.history, liked.state))
    assert liked.shown[1] not in chat.shown
    assert store.load(view.state.session_id) is not None
    ui.forget(chat.state)
    assert store.load(view.state.session_id) is None, "Forget me deletes the stored session"
    assert store.feedback(view.state.session_id) == []


def test_chinese_turn_gets_a_chinese_reply(real):
    rec, catalog, _ = real
    view = final(ChatController(rec).send("推荐几部九十年代的喜剧，不要太长", [], None))
    assert view.shown and view.state.language == "zh"
    assert any("\u4e00" <= ch <= "\u9fff" for ch in view.history[-1]["content"])


def test_llm_stream_shows_a_status_then_the_models_order_and_reasons(tiny_items, tmp_path):
    from fakes import FakeLLM
    from recommender.rank import LLMRanker

    catalog = Catalog("tiny", tiny_items)
    index = open_index(catalog, FakeEmbedder(), data_dir=tmp_path / "idx", build_if_missing=True,
                       progress=False)
    llm = FakeLLM(default="a comedy, short, funny and kind | 8")  # item mode: one answer per card
    rec = Recommender(catalog, index, rewriter=RuleRewriter(), ranker=LLMRanker(llm))
    views = list(ChatController(rec, model_label="fake").send("a few comedies", [], None))
    working = [v for v in views if v.full and v.busy]
    assert working and "Ranking with the language model" in working[0].status
    final = views[-1]
    assert not final.busy and "Ranking" not in final.status
    html = "".join(final.cards)
    assert "rs-badge-llm" in html and "a comedy, short, funny and kind" in html
    assert llm.calls, "the model was asked"


def test_llm_timeout_keeps_the_fast_list_with_a_visible_note(tiny_items, tmp_path):
    from fakes import FakeLLM
    from lm import LLMTimeout
    from recommender.rank import LLMRanker

    catalog = Catalog("tiny", tiny_items)
    index = open_index(catalog, FakeEmbedder(), data_dir=tmp_path / "idx", build_if_missing=True,
                       progress=False)
    llm = FakeLLM().enqueue_error(LLMTimeout("too slow"))
    rec = Recommender(catalog, index, rewriter=RuleRewriter(), ranker=LLMRanker(llm))
    views = list(ChatController(rec, model_label="fake").send("a few comedies", [], None))
    fast = next(v for v in views if v.full)
    final = views[-1]
    assert final.shown == fast.shown, "the fast ranking stays"
    assert final.notes and "rs-note" in final.notes
