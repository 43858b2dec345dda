"""Chat app handlers with a fake recommender (instant, no weights): what a user sees change.

`FakeRecommender` is also used by tests/test_cli.py. It follows the pipeline's contract
(recommender/pipeline.py): respond/feedback yield a "fast" result, optionally "llm_partial",
then a "final" one; disliked items never come back; likes move same-genre items up.
"""
from __future__ import annotations

import gradio as gr
import pytest

from catalog.filters import Filters
from catalog.item import Item
from chat.instruction import Instruction, Intention
from chat.state import DialogueState, Turn
from chat.ui import ChatController, normalise_history
from recommender.types import Recommendation, TurnResult


class FakeRecommender:
    """A tiny rule-based stand-in for recommender.pipeline.Recommender."""

    def __init__(self, items: list[Item], *, llm_stages: bool = False) -> None:
        self.items = items
        self.catalog = {i.id: i for i in items}  # has .get(id), like catalog.Catalog
        self.llm_stages = llm_stages
        self.forgotten: list[str] = []
        self.calls: list[tuple[str, str]] = []

    def respond(self, state: DialogueState, message: str):
        self.calls.append((state.session_id, message))
        if "boom" in message:
            raise ValueError("No index for catalog 'tiny' at data/chroma: run `make index`")
        lang = "zh" if any("\u4e00" <= ch <= "\u9fff" for ch in message) else "en"
        genres = ["comedy"] if ("comed" in message or "喜剧" in message) else []
        instruction = Instruction(language=lang, intention=Intention(kind="specific", text=message),
                                  constraints=Filters(include_genres=genres, exclude_ids=list(state.disliked_ids)),
                                  k=5)
        state = state.model_copy(update={
            "instruction": instruction, "constraints": instruction.constraints, "language": lang,
            "turns": state.turns + [Turn(role="user", text=message)]})
        reply = "这里有几部" if lang == "zh" else f"Here are some picks for “{message}”."
        yield from self._list(state, instruction, reply)

    def feedback(self, state: DialogueState, item_id: str, kind: str):
        if item_id not in self.catalog:
            raise ValueError(f"No item {item_id!r} in this catalog")
        if kind == "dislike":
            state = state.model_copy(update={"disliked_ids": state.disliked_ids + [item_id]})
        else:
            state = state.model_copy(update={"liked_ids": state.liked_ids + [item_id]})
        base = state.instruction or Instruction(k=5)
        constraints = base.constraints.model_copy(update={"exclude_ids": list(state.disliked_ids)})
        instruction = base.model_copy(update={"action": "feedback", "constraints": constraints})
        yield from self._list(state.model_copy(update={"instruction": instruction}), instruction, "Noted.")

    def _list(self, state: DialogueState, instruction: Instruction, reply: str):
        liked = {g for i in state.liked_ids for g in self.catalog[i].genres}
        pool = [i for i in self.items if instruction.constraints.allows(i) and i.id not in state.disliked_ids]
        pool.sort(key=lambda i: -((i.rating or 0) / 10 + len(liked & set(i.genres))))
        top = pool[: instruction.k]
        recs = [Recommendation(item=i, rank=n, score=1 - n / 10, reason=f"A {i.year} film.")
                for n, i in enumerate(top, 1)]
        state = state.model_copy(update={"last_list": [r.item.id for r in recs],
                                         "shown_ids": state.shown_ids + [r.item.id for r in recs]})
        common = dict(state=state, instruction=instruction, reply=reply, timings={"parse": 0.001})
        yield TurnResult(recommendations=recs, stage="fast", **common)
        if self.llm_stages:
            llm = [r.model_copy(update={"rank": n, "ranked_by": "llm", "reason": "LLM says so."})
                   for n, r in enumerate(reversed(recs), 1)]
            yield TurnResult(recommendations=llm[:1] + recs[1:], stage="llm_partial", **common)
            yield TurnResult(recommendations=llm, stage="final", notes=["ranked by fake"], **common)
        else:
            yield TurnResult(recommendations=recs, stage="final", **common)

    def new_conversation(self, state: DialogueState) -> DialogueState:
        return DialogueState(session_id=state.session_id, language=state.language)

    def forget(self, state: DialogueState) -> DialogueState:
        self.forgotten.append(state.session_id)
        return DialogueState(language=state.language)


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
    assert after.taste and "rs-bar-neg" in after.taste, "disliked genres show in the taste chart"


def test_like_changes_the_list(fake):
    ui = ChatController(fake)
    view = last(ui.send("anything good", [], None))
    # like the lowest card: items sharing its genres move up
    after = last(ui.click(len(view.shown) - 1, "like", view.history, view.state, view.shown))
    assert after.shown != view.shown
    assert "rs-bar-pos" in after.taste


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
    with pytest.raises(ValueError):  # under pytest / RECSYS_RAISE_ERRORS=1 the traceback stays
        with error_boundary(raise_errors=True):
            list(ui.send("boom", [], None))


def test_unexpected_bug_is_logged_and_shown_as_a_short_message():
    from app import error_boundary

    with pytest.raises(gr.Error) as info:
        with error_boundary(raise_errors=False):
            raise KeyError("internal")  # LookupError: a user-facing error (e.g. unknown item)
    assert "internal" in info.value.message
    with pytest.raises(gr.Error) as info:
        with error_boundary(raise_errors=False):
            raise TypeError("bug")
    assert "server" in info.value.message and "bug" not in info.value.message


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
