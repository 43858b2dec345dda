"""Sessions and feedback in an embedded SQLite file, so a conversation survives a restart.

One file (default `<data dir>/sessions.sqlite3`, where the data dir is `$RECSYS_DATA_DIR` or
`data/` at the repository root), WAL journal so readers never block the writer, created on
first use, with a schema version checked on open. Gradio runs handlers in worker threads, so
every call opens its own short-lived connection (sqlite3 connections must not cross threads)
and writes are serialised by a lock.

Example:
    store = SessionStore(tmp_path / "s.sqlite3")
    store.save(state)
    store.log_feedback(state.session_id, "1", "like")
    SessionStore(tmp_path / "s.sqlite3").load(state.session_id) == state   # after a restart
    store.forget(state.session_id)                                          # gone, feedback too
"""
from __future__ import annotations

import os
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from catalog.paths import data_dir
from chat.instruction import FEEDBACK_KINDS, FeedbackKind
from chat.state import DialogueState
from errors import InvalidRequest, StoreFailure

SCHEMA_VERSION = 1

_SCHEMA = """
CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS sessions (
    session_id TEXT PRIMARY KEY,
    state_json TEXT NOT NULL,
    updated_at REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS feedback (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    session_id TEXT NOT NULL,
    item_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    ts REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS feedback_session ON feedback (session_id, id);
"""


class StoreError(StoreFailure):
    """The session file cannot be used as it is (wrong schema version, corrupt row)."""


class FeedbackEvent(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    session_id: str
    item_id: str
    kind: FeedbackKind
    ts: float


class SessionStore:
    """Thread-safe SQLite store of DialogueStates and feedback events. Nothing is opened
    until the first call; `path=None` means `catalog.paths.data_dir() / "sessions.sqlite3"`."""

    def __init__(self, path: str | os.PathLike[str] | None = None) -> None:
        self._path = Path(path) if path is not None else None
        self._lock = threading.Lock()
        self._ready = False

    @property
    def path(self) -> Path:
        return self._path if self._path is not None else data_dir() / "sessions.sqlite3"

    # -- connection ------------------------------------------------------------------------
    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        path = self.path
        with self._lock:
            if not self._ready:
                path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(path, timeout=10.0)
            try:
                if not self._ready:
                    self._init(conn)
                    self._ready = True
                with conn:  # one transaction per call: commit, or roll back on error
                    yield conn
            finally:
                conn.close()

    def _init(self, conn: sqlite3.Connection) -> None:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.executescript(_SCHEMA)
        rows = conn.execute("SELECT version FROM schema_version").fetchall()
        if not rows:
            conn.execute("INSERT INTO schema_version (version) VALUES (?)", (SCHEMA_VERSION,))
            conn.commit()
        elif rows[0][0] != SCHEMA_VERSION:
            raise StoreError(
                f"Session store {self.path} has schema version {rows[0][0]}, this code needs "
                f"{SCHEMA_VERSION}: move the file away (sessions will start fresh)."
            )

    # -- sessions --------------------------------------------------------------------------
    def save(self, state: DialogueState) -> None:
        """Insert or replace the session's state."""
        with self._connect() as conn:
            conn.execute(
                "INSERT INTO sessions (session_id, state_json, updated_at) VALUES (?, ?, ?) "
                "ON CONFLICT(session_id) DO UPDATE SET state_json=excluded.state_json, "
                "updated_at=excluded.updated_at",
                (state.session_id, state.to_json(), time.time()),
            )

    def load(self, session_id: str) -> DialogueState | None:
        """The stored state, or None when the session is unknown (or was forgotten)."""
        with self._connect() as conn:
            row = conn.execute(
                "SELECT state_json FROM sessions WHERE session_id = ?", (session_id,)
            ).fetchone()
        if row is None:
            return None
        try:
            return DialogueState.from_json(row[0])
        except ValidationError as e:
            raise StoreError(
                f"Stored session {session_id!r} in {self.path} does not match DialogueState "
                f"({e.error_count()} errors): call forget({session_id!r}) to drop it."
            ) from e

    def sessions(self) -> list[str]:
        with self._connect() as conn:
            return [r[0] for r in conn.execute("SELECT session_id FROM sessions ORDER BY updated_at")]

    # -- feedback --------------------------------------------------------------------------
    def log_feedback(self, session_id: str, item_id: str, kind: str, ts: float | None = None) -> None:
        """Append one feedback event. `kind` is one of like / dislike / more_like."""
        if kind not in FEEDBACK_KINDS:
            raise InvalidRequest(f"Unknown feedback kind {kind!r}: use one of {', '.join(FEEDBACK_KINDS)}")
        with self._connect() as conn:
            conn.execute(
                "INSERT INTO feedback (session_id, item_id, kind, ts) VALUES (?, ?, ?, ?)",
                (session_id, item_id, kind, time.time() if ts is None else ts),
            )

    def feedback(self, session_id: str) -> list[FeedbackEvent]:
        """The session's feedback events in the order they were logged."""
        with self._connect() as conn:
            rows = conn.execute(
                "SELECT session_id, item_id, kind, ts FROM feedback WHERE session_id = ? ORDER BY id",
                (session_id,),
            ).fetchall()
        return [FeedbackEvent(session_id=s, item_id=i, kind=k, ts=t) for s, i, k, t in rows]

    def prune(self, max_age_s: float, now: float | None = None) -> int:
        """Delete sessions not updated for `max_age_s` seconds, with their feedback; returns how
        many sessions went. Example: store.prune(30 * 86400)  # the app's default retention"""
        cutoff = (time.time() if now is None else now) - max_age_s
        with self._connect() as conn:
            old = "SELECT session_id FROM sessions WHERE updated_at < ?"
            conn.execute(f"DELETE FROM feedback WHERE session_id IN ({old})", (cutoff,))
            return conn.execute("DELETE FROM sessions WHERE updated_at < ?", (cutoff,)).rowcount

    def forget(self, session_id: str) -> int:
        """Delete everything stored about the session; returns how many rows went."""
        with self._connect() as conn:
            n = conn.execute("DELETE FROM feedback WHERE session_id = ?", (session_id,)).rowcount
            n += conn.execute("DELETE FROM sessions WHERE session_id = ?", (session_id,)).rowcount
        return n
