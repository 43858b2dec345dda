"""SessionStore: sessions and feedback survive a restart; forget deletes everything."""
import sqlite3
import threading
import time

import pytest

from chat.state import DialogueState, apply_feedback, record_turn
from recommender.store import SCHEMA_VERSION, SessionStore, StoreError


def _state() -> DialogueState:
    s = record_turn(DialogueState(), "user", "funny 90s movies")
    return apply_feedback(s, "1", "like")


def test_state_survives_reopen(tmp_path):
    path = tmp_path / "s.sqlite3"
    state = _state()
    store = SessionStore(path)
    store.save(state)
    store.log_feedback(state.session_id, "1", "like", ts=10.0)
    store.log_feedback(state.session_id, "50", "dislike", ts=11.0)

    reopened = SessionStore(path)  # a new process would do exactly this
    assert reopened.load(state.session_id) == state
    assert [(e.item_id, e.kind) for e in reopened.feedback(state.session_id)] == [("1", "like"), ("50", "dislike")]


def test_save_replaces_and_unknown_is_none(tmp_path):
    store = SessionStore(tmp_path / "s.sqlite3")
    state = _state()
    store.save(state)
    newer = apply_feedback(state, "94", "dislike")
    store.save(newer)
    assert store.load(state.session_id).disliked_ids == ["94"]
    assert store.sessions() == [state.session_id]
    assert store.load("no-such-session") is None


def test_forget_deletes_only_that_session(tmp_path):
    path = tmp_path / "s.sqlite3"
    store = SessionStore(path)
    a, b = _state(), _state()
    for s in (a, b):
        store.save(s)
        store.log_feedback(s.session_id, "1", "like")
    assert store.forget(a.session_id) == 2
    reopened = SessionStore(path)
    assert reopened.load(a.session_id) is None and reopened.feedback(a.session_id) == []
    assert reopened.load(b.session_id) == b and len(reopened.feedback(b.session_id)) == 1
    # nothing about `a` is left in any table of the file
    with sqlite3.connect(path) as conn:
        dump = "\n".join(conn.iterdump())
    assert a.session_id not in dump and b.session_id in dump


def test_default_path_is_in_data_dir_and_wal(tmp_path, monkeypatch):
    monkeypatch.setenv("RECSYS_DATA_DIR", str(tmp_path / "d"))
    store = SessionStore()
    assert not (tmp_path / "d" / "sessions.sqlite3").exists()  # created on demand, not on init
    store.save(DialogueState())
    path = tmp_path / "d" / "sessions.sqlite3"
    assert path.exists()
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("SELECT version FROM schema_version").fetchone()[0] == SCHEMA_VERSION


def test_wrong_schema_version_says_what_to_do(tmp_path):
    path = tmp_path / "s.sqlite3"
    SessionStore(path).save(DialogueState())
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE schema_version SET version = 99")
    with pytest.raises(StoreError, match="schema version 99.*move the file away"):
        SessionStore(path).load("x")


def test_bad_feedback_kind(tmp_path):
    with pytest.raises(ValueError, match="like, dislike, more_like"):
        SessionStore(tmp_path / "s.sqlite3").log_feedback("s", "1", "love")


def test_threads_write_concurrently(tmp_path):
    store = SessionStore(tmp_path / "s.sqlite3")
    states = [DialogueState() for _ in range(8)]
    errors: list[BaseException] = []

    def work(s: DialogueState) -> None:
        try:
            for n in range(10):
                store.save(s)
                store.log_feedback(s.session_id, str(n), "like")
        except BaseException as e:  # collected and asserted below
            errors.append(e)

    threads = [threading.Thread(target=work, args=(s,)) for s in states]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert sorted(store.sessions()) == sorted(s.session_id for s in states)
    assert all(len(store.feedback(s.session_id)) == 10 for s in states)


def test_prune_deletes_only_sessions_idle_past_the_retention(tmp_path):
    store = SessionStore(tmp_path / "s.sqlite3")
    old, recent = DialogueState(), DialogueState()
    store.save(old)
    store.log_feedback(old.session_id, "1", "like")
    later = time.time() + 31 * 86400
    store.save(recent)
    store.log_feedback(recent.session_id, "2", "dislike")
    with store._connect() as conn:  # the recent one was active yesterday, as seen from `later`
        conn.execute("UPDATE sessions SET updated_at = ? WHERE session_id = ?", (later - 86400, recent.session_id))
    assert store.prune(30 * 86400, now=later) == 1
    assert store.load(old.session_id) is None and store.feedback(old.session_id) == []
    assert store.load(recent.session_id) == recent and len(store.feedback(recent.session_id)) == 1
