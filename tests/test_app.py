"""Chat app handlers with a fake recommender (instant, no weights): what a user sees change.

`fakes.FakeRecommender` follows the pipeline's contract (recommender/pipeline.py): respond/feedback
yield a "fast" result, optionally "llm_partial", then a "final" one; disliked items never come back;
likes move same-genre items up.
"""
from __future__ import annotations

import gradio as gr
import pytest

from catalog.item import Item
from errors import IndexUnavailable, InvalidRequest
from fakes import FakeRecommender
from ui.controller import ChatController, normalise_history


@pytest.fixture
def fake(tiny_items) -> FakeRecommender:
    return FakeRecommender(tiny_items)


def last(views):
    views = list(views)
    assert views, "a handler must yield at least one view"
    return views[-1]


def titles_in(view) -> list[str]:
    return [c.split('class="rs-title">')[1].split("<")[0] for c in view.cards]


def test_sending_a_message_shows_cards_and_the_reply(fake, tiny_items):
    ui = ChatController(fake)
    views = list(ui.send("a few comedies", [], None))
    first, final = views[0], views[-1]
    assert first.busy and first.history[-1] == {"role": "user", "content": "a few comedies"}
    assert not final.busy and final.shown, "the cards appear"
    comedies = {i.id for i in tiny_items if "comedy" in i.genres}
    assert set(final.shown) <= comedies
    assert len(final.cards) == len(final.shown)
    assert final.history[-1]["role"] == "assistant" and "picks" in final.history[-1]["content"]
    assert final.instruction_json["constraints"]["include_genres"] == ["comedy"]
    assert "comedy" in final.instruction_md
    assert final.state.last_list == final.shown


def test_status_line_while_the_model_ranks(tiny_items):
    ui = ChatController(FakeRecommender(tiny_items, llm_stages=True), model_label="qwen-1.5b")
    views = list(ui.send("comedies please", [], None))
    fast = next(v for v in views if v.full and v.busy)
    assert "Ranking with the language model" in fast.status and "rs-spinner" in fast.status
    final = views[-1]
    assert "Ranking" not in final.status and "LLM" in final.cards[0]
    assert fast.shown == list(reversed(final.shown)), "the LLM order replaces the fast one"
    assert "ranked by fake" in final.notes


def test_dislike_on_slot_two_removes_that_item(fake):
    ui = ChatController(fake)
    view = last(ui.send("comedies", [], None))
    second = view.shown[1]
    after = last(ui.click(1, "dislike", view.history, view.state, view.shown))
    assert second not in after.shown
    assert second in after.state.disliked_ids
    assert "Not interested" in after.history[-2]["content"], "the click is recorded in the chat"
    assert "You disliked 1 comedy film." in after.taste, "the taste panel says what was disliked, in words"
    assert "rs-dot-neg" in after.taste


def test_like_changes_the_list(fake):
    ui = ChatController(fake)
    view = last(ui.send("anything good", [], None))
    # like the lowest card: items sharing its genres move up
    after = last(ui.click(len(view.shown) - 1, "like", view.history, view.state, view.shown))
    assert after.shown != view.shown
    assert "You liked 1 " in after.taste and "rs-dot-pos" in after.taste


def test_click_on_an_empty_slot_says_what_to_do(fake):
    ui = ChatController(fake)
    with pytest.raises(ValueError, match="ask for recommendations first"):
        list(ui.click(3, "like", [], None, []))


def test_two_sessions_never_share_state(fake):
    ui = ChatController(fake)
    a = last(ui.send("comedies", [], None))
    b = last(ui.send("comedies", [], None))
    assert a.state.session_id != b.state.session_id
    a2 = last(ui.click(0, "dislike", a.history, a.state, a.shown))
    assert a.shown[0] not in a2.shown
    b2 = last(ui.send("comedies", b.history, b.state))
    assert a.shown[0] in b2.shown, "a dislike in one session must not touch another"
    assert b2.state.disliked_ids == []


def test_new_conversation_and_forget(fake):
    ui = ChatController(fake)
    view = last(ui.send("comedies", [], None))
    fresh = ui.new_conversation(view.state)
    assert fresh.history == [] and fresh.cards == [] and fresh.state.session_id == view.state.session_id
    gone = ui.forget(view.state)
    assert fake.forgotten == [view.state.session_id]
    assert "deleted" in gone.history[-1]["content"] and gone.cards == []
    assert gone.state.session_id != view.state.session_id


def test_empty_message_asks_for_a_request_and_keeps_the_cards(fake):
    ui = ChatController(fake)
    view = last(ui.send("   ", [], None))
    assert not view.full and "Type what you would like" in view.status
    assert fake.calls == []


def test_user_and_catalog_text_is_escaped(tiny_items):
    evil = Item(id="x1", title="<script>alert(1)</script>", year=1999, genres=("comedy", "<b>odd</b>"),
                runtime=90, rating=9.9)  # rated highest: shown first
    ui = ChatController(FakeRecommender([evil, *tiny_items]))
    view = last(ui.send("comedies <img src=x onerror=alert(1)>", [], None))
    html = "".join(view.cards)
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<b>odd</b>" not in html
    user = view.history[0]["content"]
    assert "<img" not in user and "&lt;img" in user


def test_history_from_gradio_parts_is_understood():
    history = [{"role": "user", "content": [{"type": "text", "text": "hi"}]},
               {"role": "assistant", "content": "hello"}]
    assert normalise_history(history) == [{"role": "user", "content": "hi"},
                                          {"role": "assistant", "content": "hello"}]


def test_project_errors_become_short_gr_errors(fake):
    from app import error_boundary

    ui = ChatController(fake)
    with pytest.raises(gr.Error) as info:
        with error_boundary(raise_errors=False):
            list(ui.send("boom", [], None))
    assert "run `make index`" in info.value.message
    assert "Traceback" not in info.value.message
    with pytest.raises(IndexUnavailable):  # under pytest / RECSYS_RAISE_ERRORS=1 the traceback stays
        with error_boundary(raise_errors=True):
            list(ui.send("boom", [], None))


def _project_errors():
    from catalog.embed import EmbedderUnavailable
    from catalog.index import IndexMismatchError, IndexMissingError
    from catalog.sources import DataMissingError
    from catalog.validate import CatalogError
    from lm import LLMTimeout, LLMUnavailable
    from lm.model_files import ModelFetchError
    from recommender.store import StoreError

    return [IndexMissingError, IndexMismatchError, EmbedderUnavailable, CatalogError, DataMissingError,
            LLMUnavailable, LLMTimeout, ModelFetchError, StoreError, InvalidRequest]


@pytest.mark.parametrize("error", _project_errors(), ids=lambda e: e.__name__)
def test_every_project_error_keeps_its_advice_in_the_ui(error):
    """Each user-facing error reaches the user with the fix it carries, not a generic message."""
    from app import error_boundary

    advice = f"{error.__name__}: run `make index` to fix it"
    with pytest.raises(gr.Error) as info:
        with error_boundary(raise_errors=False):
            raise error(advice)
    assert info.value.message == advice


@pytest.mark.parametrize("bug", [KeyError("internal"), TypeError("internal"), ValueError("internal")],
                         ids=lambda e: type(e).__name__)
def test_unexpected_bug_is_logged_and_shown_as_a_short_message(bug, caplog):
    from app import error_boundary

    with pytest.raises(gr.Error) as info:
        with error_boundary(raise_errors=False):
            raise bug
    assert "server" in info.value.message and "internal" not in info.value.message
    assert "Traceback" in caplog.text  # the bug is logged with its traceback


def test_a_missing_prompt_is_a_bug_not_a_user_error():
    from app import error_boundary
    from prompts import PromptNotFound, render

    with pytest.raises(gr.Error) as info:
        with error_boundary(raise_errors=False):
            render("no-such-file", "key", lang="en")
    assert "no-such-file" not in info.value.message  # not shown as if the user could fix it
    with pytest.raises(PromptNotFound):
        render("no-such-file", "key", lang="en")


def test_factory_is_built_once_on_first_use(tiny_items):
    built = []

    def factory():
        built.append(1)
        return FakeRecommender(tiny_items)

    ui = ChatController(factory)
    assert built == [], "opening the page must not build the recommender"
    last(ui.send("comedies", [], None))
    last(ui.send("comedies", [], None))
    assert built == [1]


def test_build_app_wires_without_launching(fake):
    from app import build_app

    app = build_app(fake, catalog_label="tiny", model_label=None)
    assert isinstance(app, gr.Blocks)
    api_names = {d.api_name for d in app.fns.values() if d.api_visibility == "public"}
    assert {"chat", "feedback"} <= api_names


def test_missing_movielens_data_says_how_to_install_it(monkeypatch):
    import importlib.util

    import app

    real_find_spec = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a: None if name == "recbole" else real_find_spec(name, *a))
    with pytest.raises(SystemExit, match="make data"):
        app.ensure_data("movielens", install=False)
    app.ensure_data("books", install=False)  # other catalogs need no package


def test_llm_default_follows_the_environment(monkeypatch):
    import app

    monkeypatch.setenv("RECSYS_LLM", "http://127.0.0.1:9/v1")
    assert app.default_llm_spec() == "http://127.0.0.1:9/v1"
    monkeypatch.setenv("RECSYS_LLM", "")
    monkeypatch.setenv("RECSYS_MODEL_DIR", "/nonexistent-model-dir")
    assert app.default_llm_spec() == "off", "no model file: the fast path alone"
