"""The session store, on both backends: sessions and feedback survive a restart and are shared by
every process on the same store; forget deletes everything; the schema is versioned and migrated.

The PostgreSQL cases run against a real server (the `postgres` fixture: a throwaway cluster);
they are skipped with `make postgres` as the advice where its binaries are missing.
"""
import socket
import sqlite3
import threading
import time

import pytest

from chat.state import DialogueState, apply_feedback, record_turn
from errors import InvalidRequest, StoreFailure
from recommender.store import SCHEMA_VERSION, SessionStore, StoreError, open_store
from recommender.store_schema import MIGRATIONS


def _state() -> DialogueState:
    s = record_turn(DialogueState(), "user", "funny 90s movies")
    return apply_feedback(s, "1", "like")


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request, tmp_path):
    """(name, spec): a spec for `open_store`; every call of open_store(spec) is a new process's view."""
    if request.param == "sqlite":
        return "sqlite", str(tmp_path / "s.sqlite3")
    return "postgresql", request.getfixturevalue("pg_url")


@pytest.fixture
def reopen(backend):
    """Opens the backend's store anew (as a restarted process or another replica would)."""
    opened = []

    def make():
        store = open_store(backend[1])
        opened.append(store)
        return store

    yield make
    for store in opened:
        store.close()


def _dump(store) -> str:
    """Every row of every table, as text."""
    with store._connect() as conn:
        if store.dialect == "sqlite":
            return "\n".join(conn.iterdump())
        return "\n".join(str(row) for table in ("sessions", "feedback", "schema_version")
                         for row in conn.execute(f"SELECT * FROM {table}").fetchall())


def _version(store) -> int:
    with store._connect() as conn:
        return conn.execute("SELECT version FROM schema_version").fetchall()[0][0]


def _indexes(store) -> set[str]:
    with store._connect() as conn:
        if store.dialect == "sqlite":
            rows = conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'").fetchall()
        else:
            rows = conn.execute("SELECT indexname FROM pg_indexes WHERE schemaname = 'public'").fetchall()
    return {r[0] for r in rows}


def test_state_survives_reopen(reopen):
    state = _state()
    store = reopen()
    store.save(state)
    store.log_feedback(state.session_id, "1", "like", ts=10.0)
    store.log_feedback(state.session_id, "50", "dislike", ts=11.0)
    store.close()

    reopened = reopen()  # a new process would do exactly this
    assert reopened.load(state.session_id) == state
    assert [(e.item_id, e.kind) for e in reopened.feedback(state.session_id)] == [("1", "like"), ("50", "dislike")]


def test_two_processes_see_each_others_writes(reopen):
    """Two replicas on one store: what one saves, the other loads on its next call."""
    a, b = reopen(), reopen()
    state = _state()
    a.save(state)
    assert b.load(state.session_id) == state
    newer = apply_feedback(state, "94", "dislike")
    b.save(newer)
    b.log_feedback(state.session_id, "94", "dislike")
    assert a.load(state.session_id).disliked_ids == ["94"]
    assert [e.item_id for e in a.feedback(state.session_id)] == ["94"]


def test_save_replaces_and_unknown_is_none(reopen):
    store = reopen()
    state = _state()
    store.save(state)
    newer = apply_feedback(state, "94", "dislike")
    store.save(newer)
    assert store.load(state.session_id).disliked_ids == ["94"]
    assert store.sessions() == [state.session_id]
    assert store.load("no-such-session") is None


def test_forget_deletes_only_that_session(reopen):
    store = reopen()
    a, b = _state(), _state()
    for s in (a, b):
        store.save(s)
        store.log_feedback(s.session_id, "1", "like")
    assert store.forget(a.session_id) == 2
    reopened = reopen()
    assert reopened.load(a.session_id) is None and reopened.feedback(a.session_id) == []
    assert reopened.load(b.session_id) == b and len(reopened.feedback(b.session_id)) == 1
    dump = _dump(reopened)  # nothing about `a` is left in any table
    assert a.session_id not in dump and b.session_id in dump


def test_default_path_is_in_data_dir_and_wal(tmp_path, monkeypatch):
    monkeypatch.setenv("RECSYS_DATA_DIR", str(tmp_path / "d"))
    store = open_store(None)
    assert isinstance(store, SessionStore)
    assert not (tmp_path / "d" / "sessions.sqlite3").exists()  # created on demand, not on init
    store.save(DialogueState())
    path = tmp_path / "d" / "sessions.sqlite3"
    assert path.exists()
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("SELECT version FROM schema_version").fetchone()[0] == SCHEMA_VERSION


def test_newer_schema_version_says_what_to_do(reopen):
    store = reopen()
    store.save(DialogueState())
    store._run("UPDATE schema_version SET version = 99")
    store.close()
    with pytest.raises(StoreError, match=r"schema version 99, written by a newer version.*knows versions up "
                                         rf"to {SCHEMA_VERSION}\): upgrade the app, or point RECSYS_STORE"):
        reopen().load("x")


def test_an_old_store_is_migrated_and_keeps_its_data(backend, reopen):
    """A store written by the first version (before the retention index) is brought up to date on open."""
    name, spec = backend
    v1 = MIGRATIONS[0]
    assert v1.version == 1 and SCHEMA_VERSION > 1
    if name == "sqlite":
        conn = sqlite3.connect(spec)
        conn.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
        for statement in v1.sql["sqlite"]:
            conn.execute(statement)
        conn.execute("INSERT INTO schema_version VALUES (1)")
        insert = "INSERT INTO sessions VALUES (?, ?, ?)", "INSERT INTO feedback (session_id, item_id, kind, ts) VALUES (?, ?, ?, ?)"
    else:
        import psycopg

        conn = psycopg.connect(spec)
        conn.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
        for statement in v1.sql["postgresql"]:
            conn.execute(statement)
        conn.execute("INSERT INTO schema_version VALUES (1)")
        insert = ("INSERT INTO sessions VALUES (%s, %s, %s)",
                  "INSERT INTO feedback (session_id, item_id, kind, ts) VALUES (%s, %s, %s, %s)")
    state = _state()
    conn.execute(insert[0], (state.session_id, state.to_json(), time.time()))
    conn.execute(insert[1], (state.session_id, "1", "like", 5.0))
    conn.commit()
    conn.close()

    store = reopen()
    assert store.load(state.session_id) == state
    assert [(e.item_id, e.kind, e.ts) for e in store.feedback(state.session_id)] == [("1", "like", 5.0)]
    assert _version(store) == SCHEMA_VERSION
    assert "sessions_updated" in _indexes(store)
    assert store.prune(86400, now=time.time() + 2 * 86400) == 1  # the index serves retention


def test_a_new_store_gets_every_migration(reopen):
    store = reopen()
    assert store.sessions() == []
    assert _version(store) == SCHEMA_VERSION
    assert {"feedback_session", "sessions_updated"} <= _indexes(store)


def test_bad_feedback_kind(reopen):
    with pytest.raises(InvalidRequest, match="like, dislike, more_like"):
        reopen().log_feedback("s", "1", "love")


def test_threads_write_concurrently(reopen):
    store = reopen()
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


def test_prune_deletes_only_sessions_idle_past_the_retention(reopen):
    store = reopen()
    old, recent = DialogueState(), DialogueState()
    store.save(old)
    store.log_feedback(old.session_id, "1", "like")
    later = time.time() + 31 * 86400
    store.save(recent)
    store.log_feedback(recent.session_id, "2", "dislike")
    # the recent one was active yesterday, as seen from `later`
    store._run("UPDATE sessions SET updated_at = ? WHERE session_id = ?", (later - 86400, recent.session_id))
    assert store.prune(30 * 86400, now=later) == 1
    assert store.load(old.session_id) is None and store.feedback(old.session_id) == []
    assert store.load(recent.session_id) == recent and len(store.feedback(recent.session_id)) == 1


def test_an_unwritable_sqlite_file_says_what_to_check(tmp_path):
    (tmp_path / "taken").write_text("a file where the folder should be")
    with pytest.raises(StoreFailure, match="cannot be used .*check that its folder is writable"):
        open_store(str(tmp_path / "taken" / "s.sqlite3")).save(DialogueState())


def test_an_unreachable_database_says_what_to_check_without_the_password():
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    store = open_store(f"postgresql://recsys:s3cret@127.0.0.1:{port}/recsys")
    with pytest.raises(StoreFailure) as caught:
        store.load("x")
    message = str(caught.value)
    assert f"postgresql://recsys@127.0.0.1:{port}/recsys cannot be used" in message
    assert "check that PostgreSQL runs there" in message and "RECSYS_STORE" in message
    assert "s3cret" not in message


@pytest.mark.parametrize("spec, kind", [
    ("", "SessionStore"), ("off", None), ("x/sessions.sqlite3", "SessionStore"),
    ("sqlite:///x/s.db", "SessionStore"), ("postgresql://u@h:5432/db", "PostgresStore"),
    ("postgres://u@h/db", "PostgresStore"),
])
def test_open_store_by_spec(spec, kind):
    store = open_store(spec)
    assert (type(store).__name__ if store is not None else None) == kind


def test_open_store_refuses_what_names_no_store():
    with pytest.raises(InvalidRequest, match="names no session store: use postgresql://USER@HOST:PORT/DB"):
        open_store("mysql://u@h/db")


def test_replicas_opening_a_new_store_together_migrate_it_once(reopen):
    """Replicas start together: each opens the empty store at the same moment; one migrates, the
    others wait for it (SQLite: a write transaction; PostgreSQL: an advisory lock) and find it done."""
    stores = [reopen() for _ in range(4)]
    barrier = threading.Barrier(len(stores))
    errors: list[BaseException] = []

    def first_call(store) -> None:
        barrier.wait()
        try:
            store.sessions()
        except BaseException as e:  # collected and asserted below
            errors.append(e)

    threads = [threading.Thread(target=first_call, args=(s,)) for s in stores]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with stores[0]._connect() as conn:
        assert conn.execute("SELECT version FROM schema_version").fetchall() == [(SCHEMA_VERSION,)]
