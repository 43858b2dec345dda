"""API sessions nobody can forge, and inputs checked at the boundary (ui/sessions.py, ui/limits.py).

The real pipeline (rule parser, real Chroma with the FakeEmbedder, real SQLite store) behind the
app's controller: what a client sees, and what stays stored for the victim of a forged session.
"""
from __future__ import annotations

import pytest

from chat.state import DialogueState
from errors import InvalidRequest
from recommender.pipeline import Recommender
from recommender.store import SqlStore, open_store
from chat.parser import RuleRewriter
from ui.controller import ChatController
from ui.limits import MAX_MESSAGE_CHARS
from ui.sessions import ApiSessions, session_key


@pytest.fixture(params=["sqlite", "postgresql"])
def store_spec(request, tmp_path) -> str:
    """Where the sessions live: the embedded SQLite file, or a real PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "sessions.sqlite3")
    return request.getfixturevalue("pg_url")


@pytest.fixture
def store(store_spec) -> SqlStore:
    store = open_store(store_spec)
    yield store
    store.close()


@pytest.fixture
def ui(catalog, index, store) -> ChatController:
    return ChatController(Recommender(catalog, index, rewriter=RuleRewriter(), store=store))


def snapshot(ui: ChatController, store: SqlStore, token: str):
    key = session_key(token)
    return store.load(key), store.feedback(key), ui.sessions.get(token)


def test_the_client_holds_an_opaque_token_not_the_conversation(ui):
    first = ui.api_chat("a few comedies", "")
    token = first["session"]
    assert len(token) == 43 and "{" not in token and "comed" not in token
    second = ui.api_chat("something else entirely", "")
    assert second["session"] != token, "every new conversation gets its own token"
    top = first["items"][0]["id"]
    after = ui.api_feedback(top, "dislike", token)
    assert after["session"] == token and top not in [i["id"] for i in after["items"]]
    again = ui.api_chat("more comedies", token)
    assert top not in [i["id"] for i in again["items"]], "the server kept the dislike"


def forged_sessions(token: str) -> list[object]:
    """What an attacker who knows (or guesses) something about the victim's session may send."""
    key = session_key(token)
    return [
        key,  # the internal id the state is stored under
        DialogueState(session_id=key).to_json(),  # the old API's state blob, naming the victim
        DialogueState(session_id=token).to_json(),
        token[:-1] + ("A" if token[-1] != "A" else "B"),  # one character off
        token + "x", token.upper() if token.upper() != token else token.lower(), " " + token,
        "x" * 100_000, "{}", "null", 12345, ["a"], {"session_id": key},
    ]


def test_no_endpoint_lets_another_client_touch_a_session(ui, store):
    victim = ui.api_chat("a few comedies", "")
    token = victim["session"]
    liked = victim["items"][0]["id"]
    ui.api_feedback(liked, "like", token)
    before = snapshot(ui, store, token)
    assert before[0] is not None and [e.kind for e in before[1]] == ["like"]

    attempts = refused = 0
    for forged in forged_sessions(token):
        for call in (lambda s: ui.api_chat("horror films please", s),
                     lambda s: ui.api_feedback(liked, "dislike", s),
                     lambda s: ui.api_recommend("horror films please", s, 3),
                     lambda s: ui.api_explain(liked, "why", s),
                     lambda s: ui.api_new(s),
                     lambda s: ui.api_forget(s)):
            attempts += 1
            with pytest.raises(InvalidRequest) as info:
                call(forged)
            refused += 1
            assert "session" in str(info.value)

    assert attempts == refused == 13 * 6
    assert snapshot(ui, store, token) == before, "0 effects: stored state, feedback and memory unchanged"
    # A second client with its own token works next to it and changes nothing of the victim's.
    other = ui.api_chat("horror films please", "")
    ui.api_feedback(other["items"][0]["id"], "dislike", other["session"])
    assert snapshot(ui, store, token) == before
    # The victim goes on where they were: the like still counts.
    assert liked in ui.sessions.get(token).liked_ids


def test_new_and_forget_act_only_on_the_callers_session(ui, store):
    a = ui.api_chat("a few comedies", "")["session"]
    b = ui.api_chat("a few dramas", "")["session"]
    ui.api_feedback(ui.sessions.get(b).last_list[0], "like", b)
    before_b = snapshot(ui, store, b)
    assert ui.api_new(a)["session"] == a
    assert ui.sessions.get(a).turns == [] and ui.sessions.get(a).last_list == []
    assert ui.api_forget(a)["session"] == ""
    assert store.load(session_key(a)) is None
    with pytest.raises(InvalidRequest, match="Unknown or expired session"):
        ui.api_chat("comedies", a)
    assert snapshot(ui, store, b) == before_b


def test_a_session_survives_a_restart_through_the_store(ui, catalog, index, store_spec):
    token = ui.api_chat("a few comedies", "")["session"]
    shown = ui.sessions.get(token).last_list
    restarted = ChatController(Recommender(catalog, index, rewriter=RuleRewriter(),
                                           store=open_store(store_spec)))
    assert restarted.sessions.get(token).last_list == shown
    out = restarted.api_chat("not the first one", token)
    assert shown[0] not in [i["id"] for i in out["items"]]


def test_two_replicas_on_one_store_carry_one_conversation(ui, catalog, index, store_spec):
    """Calls of one API conversation alternate between two app processes sharing the store: each
    sees the other's turns, likes and dislikes, and a forget on one is honoured by the other."""
    other = ChatController(Recommender(catalog, index, rewriter=RuleRewriter(), store=open_store(store_spec)))
    first = ui.api_chat("a few comedies", "")
    token = first["session"]
    top = first["items"][0]["id"]
    after = other.api_feedback(top, "dislike", token)  # replica B, on A's token
    assert top not in [i["id"] for i in after["items"]]
    liked = after["items"][0]["id"]
    ui.api_feedback(liked, "like", token)  # back on A
    state = other.sessions.get(token)
    assert state.disliked_ids == [top] and state.liked_ids == [liked]
    assert [t.text for t in state.turns if t.role == "user"][0] == "a few comedies"
    again = other.api_chat("more comedies", token)
    assert top not in [i["id"] for i in again["items"]], "B kept the dislike made on B, after A's turn"
    other.api_forget(token)
    with pytest.raises(InvalidRequest, match="Unknown or expired session"):
        ui.api_chat("comedies", token)


def test_sessions_cost_no_memory_with_a_store_and_are_bounded_without(ui, store):
    with_store = ApiSessions(store)
    tokens = []
    for _ in range(5):
        token, state = with_store.open("")
        with_store.save(token, state.model_copy(update={"liked_ids": ["1"]}))
        tokens.append(token)
    assert len(with_store) == 0 and with_store.get(tokens[0]).liked_ids == ["1"], "read back from the store"
    without_store = ApiSessions(None, capacity=1)
    t1, s1 = without_store.open("")
    without_store.save(t1, s1)
    t2, s2 = without_store.open("")
    without_store.save(t2, s2)
    assert len(without_store) == 1 and without_store.get(t2) == s2
    with pytest.raises(InvalidRequest, match="Unknown or expired"):
        without_store.get(t1)


@pytest.mark.parametrize("call, expected", [
    (lambda ui: ui.api_chat(12345, ""), "message must be text"),
    (lambda ui: ui.api_chat(["a"], ""), "message must be text"),
    (lambda ui: ui.api_chat({"text": "hi"}, ""), "message must be text"),
    (lambda ui: ui.api_chat("x" * (MAX_MESSAGE_CHARS + 1), ""), "limit is 20,000"),
    (lambda ui: ui.api_chat("comedies", 3.5), "not one this app issued"),
    (lambda ui: ui.api_chat("comedies", "x" * 5_000_000), "not one this app issued"),
    (lambda ui: ui.api_feedback(["1"], "like", "t"), "item id must be text"),
    (lambda ui: ui.api_feedback(None, "like", "t"), "item id must be text"),
    (lambda ui: ui.api_feedback("1" * 10_000, "like", "t"), "not an item id"),
    (lambda ui: ui.api_feedback("1", 7, "t"), "Unknown feedback"),
    (lambda ui: ui.api_feedback("1", "love", "t"), "Unknown feedback"),
    (lambda ui: ui.api_feedback("1", "like", ""), "needs the `session`"),
    (lambda ui: ui.api_new(""), "needs the `session`"),
    (lambda ui: ui.api_recommend("comedies", "", 0), "from 1 to 8"),
    (lambda ui: ui.api_recommend("comedies", "", 9), "from 1 to 8"),
    (lambda ui: ui.api_recommend("comedies", "", "5"), "from 1 to 8"),
    (lambda ui: ui.api_recommend("comedies", "", True), "from 1 to 8"),
    (lambda ui: ui.api_recommend("", "", 5), "request is empty"),
    (lambda ui: ui.api_explain("1", "budget", ""), "Unknown question"),
    (lambda ui: ui.api_explain(["1"], "why", ""), "item id must be text"),
    (lambda ui: ui.api_explain("no-such-item", "why", ""), "No item"),
])
def test_wrong_types_and_sizes_get_a_clear_message(ui, call, expected):
    with pytest.raises(InvalidRequest, match=expected.replace("`", r"\`")):
        call(ui)


def test_an_item_outside_the_catalog_is_refused_and_nothing_is_logged(ui, store):
    token = ui.api_chat("a few comedies", "")["session"]
    with pytest.raises(InvalidRequest, match="No item"):
        ui.api_feedback("no-such-item", "like", token)
    assert store.feedback(session_key(token)) == []


def test_control_characters_and_lone_surrogates_are_cleaned_not_fatal(ui, store):
    out = ui.api_chat("comedies\x00\x1b[31m\ud800 from the 90s", "")
    assert out["items"] and all(1990 <= i["year"] <= 1999 for i in out["items"])
    stored = store.load(session_key(out["session"]))
    assert "\x00" not in stored.turns[0].text and "\ud800" not in stored.turns[0].text


def test_the_api_works_when_the_recommender_is_built_on_first_use(catalog, index, store):
    ui = ChatController(lambda: Recommender(catalog, index, rewriter=RuleRewriter(), store=store))
    token = ui.api_chat("a few comedies", "")["session"]
    assert store.load(session_key(token)) is not None


def test_explain_answers_from_the_catalog_and_keeps_the_list(ui, catalog):
    first = ui.api_recommend("a few comedies", "", 3)
    token, ids = first["session"], [it["id"] for it in first["items"]]
    shown = first["items"][1]
    why = ui.api_explain(shown["id"], "why", token)
    assert shown["reason"].rstrip(".") in why["reply"], "why: the reason on its card"
    assert [it["id"] for it in why["items"]][:3] == ids, "the session's list stays as it is"
    film = catalog.get(shown["id"])
    runtime = ui.api_explain(shown["id"], "runtime", token)
    assert str(film.runtime) in runtime["reply"] and runtime["session"] == token
    # Without a session: a new one, answered from the catalog alone.
    alone = ui.api_explain(shown["id"], "year", "")
    assert str(film.year) in alone["reply"] and alone["session"] != token
    after = ui.api_recommend("more comedies", token, 8)
    assert not set(ids) & {it["id"] for it in after["items"]}, "explain left the session's list in place"


def test_k_sets_the_list_length_as_a_number_in_the_message_would(ui):
    first = ui.api_recommend("comedies", "", 2)
    assert len(first["items"]) == 2 and "2 picks" in first["reply"], first["reply"]
    assert first["instruction"]["k"] == 2
    more = ui.api_chat("more", first["session"])
    assert len(more["items"]) == 2 and not {i["id"] for i in more["items"]} & {i["id"] for i in first["items"]}, \
        "the next page keeps the length, as after \"two comedies\""
    dramas = ui.api_recommend("dramas", first["session"], 4)
    assert len(dramas["items"]) == 4 and "4 picks" in dramas["reply"]
