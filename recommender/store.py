"""Sessions and feedback kept outside the process, so a conversation survives a restart and any
app replica can continue it. One interface (`SqlStore`), two backends, chosen by `open_store`:

- SQLite (`SessionStore`, the default): one embedded file, `<data dir>/sessions.sqlite3` (the data
  dir is `$RECSYS_DATA_DIR` or `data/` at the repository root), WAL journal so readers never block
  the writer, created on first use. Nothing to install or start: the two-command setup.
- PostgreSQL (`recommender.store_postgres.PostgresStore`): `RECSYS_STORE=postgresql://USER@HOST:PORT/DB`,
  shared by every replica of the app (psycopg 3, a small connection pool per process).

Both carry a schema version, migrated on open (`recommender.store_schema`). Every call is one
transaction; every failure of the database is a `StoreError` whose message says what to check.

Example:
    store = open_store(None)                 # the SQLite file under the data folder
    store = open_store("postgresql://recsys@db:5432/recsys")
    store.save(state)
    store.log_feedback(state.session_id, "1", "like")
    store.load(state.session_id) == state    # in another process, or after a restart
    store.forget(state.session_id)           # gone, feedback too
"""
from __future__ import annotations

import os
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

from catalog.paths import data_dir
from chat.instruction import FEEDBACK_KINDS, FeedbackKind
from chat.state import DialogueState
from errors import InvalidRequest
from recommender.store_schema import LATEST as SCHEMA_VERSION
from recommender.store_schema import Dialect, StoreError, migrate, placeholders

__all__ = ["SCHEMA_VERSION", "FeedbackEvent", "SessionStore", "SqlStore", "StoreError", "open_store",
           "STORE_ENV"]

STORE_ENV = "RECSYS_STORE"


class FeedbackEvent(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    session_id: str
    item_id: str
    kind: FeedbackKind
    ts: float


class SqlStore:
    """DialogueStates and feedback events in SQL tables; thread-safe. A backend provides `_connect()`
    (a context manager giving a connection inside one transaction, converting its driver's errors
    into StoreError), `dialect` and `where` (how messages name the store)."""

    dialect: Dialect

    @property
    def where(self) -> str:
        raise NotImplementedError

    def _connect(self) -> AbstractContextManager[Any]:
        raise NotImplementedError

    def close(self) -> None:
        """Release connections (the store reopens on the next call)."""

    def _run(self, sql: str, params: tuple[Any, ...] = ()) -> int:
        """One statement written with `?` placeholders; returns the rows it touched."""
        with self._connect() as conn:
            return conn.execute(placeholders(sql, self.dialect), params).rowcount

    # -- sessions --------------------------------------------------------------------------
    def save(self, state: DialogueState) -> None:
        """Insert or replace the session's state."""
        self._run(
            "INSERT INTO sessions (session_id, state_json, updated_at) VALUES (?, ?, ?) "
            "ON CONFLICT(session_id) DO UPDATE SET state_json=excluded.state_json, "
            "updated_at=excluded.updated_at",
            (state.session_id, state.to_json(), time.time()),
        )

    def load(self, session_id: str) -> DialogueState | None:
        """The stored state, or None when the session is unknown (or was forgotten)."""
        with self._connect() as conn:
            row = conn.execute(placeholders("SELECT state_json FROM sessions WHERE session_id = ?", self.dialect),
                               (session_id,)).fetchone()
        if row is None:
            return None
        try:
            return DialogueState.from_json(row[0])
        except ValidationError as e:
            raise StoreError(
                f"Stored session {session_id!r} in {self.where} does not match DialogueState "
                f"({e.error_count()} errors): call forget({session_id!r}) to drop it."
            ) from e

    def sessions(self) -> list[str]:
        with self._connect() as conn:
            return [r[0] for r in conn.execute("SELECT session_id FROM sessions ORDER BY updated_at").fetchall()]

    # -- feedback --------------------------------------------------------------------------
    def log_feedback(self, session_id: str, item_id: str, kind: str, ts: float | None = None) -> None:
        """Append one feedback event. `kind` is one of like / dislike / more_like."""
        if kind not in FEEDBACK_KINDS:
            raise InvalidRequest(f"Unknown feedback kind {kind!r}: use one of {', '.join(FEEDBACK_KINDS)}")
        self._run("INSERT INTO feedback (session_id, item_id, kind, ts) VALUES (?, ?, ?, ?)",
                  (session_id, item_id, kind, time.time() if ts is None else ts))

    def feedback(self, session_id: str) -> list[FeedbackEvent]:
        """The session's feedback events in the order they were logged."""
        sql = "SELECT session_id, item_id, kind, ts FROM feedback WHERE session_id = ? ORDER BY id"
        with self._connect() as conn:
            rows = conn.execute(placeholders(sql, self.dialect), (session_id,)).fetchall()
        return [FeedbackEvent(session_id=s, item_id=i, kind=k, ts=t) for s, i, k, t in rows]

    def prune(self, max_age_s: float, now: float | None = None) -> int:
        """Delete sessions not updated for `max_age_s` seconds, with their feedback; returns how
        many sessions went. Example: store.prune(30 * 86400)  # the app's default retention"""
        cutoff = (time.time() if now is None else now) - max_age_s
        old = "SELECT session_id FROM sessions WHERE updated_at < ?"
        with self._connect() as conn:
            conn.execute(placeholders(f"DELETE FROM feedback WHERE session_id IN ({old})", self.dialect), (cutoff,))
            return conn.execute(placeholders("DELETE FROM sessions WHERE updated_at < ?", self.dialect),
                                (cutoff,)).rowcount

    def forget(self, session_id: str) -> int:
        """Delete everything stored about the session; returns how many rows went."""
        with self._connect() as conn:
            n = conn.execute(placeholders("DELETE FROM feedback WHERE session_id = ?", self.dialect),
                             (session_id,)).rowcount
            n += conn.execute(placeholders("DELETE FROM sessions WHERE session_id = ?", self.dialect),
                              (session_id,)).rowcount
        return n


class SessionStore(SqlStore):
    """The embedded SQLite backend. Nothing is opened until the first call; `path=None` means
    `catalog.paths.data_dir() / "sessions.sqlite3"`. Gradio runs handlers in worker threads; calls
    are serialised by a lock and share one connection opened on first use (a connection per call
    cost ~20 ms, mostly the WAL checkpoint SQLite runs when the last connection closes). WAL with
    synchronous=NORMAL: a process killed mid-write loses no committed call (only a power cut could)."""

    dialect: Dialect = "sqlite"

    def __init__(self, path: str | os.PathLike[str] | None = None) -> None:
        self._path = Path(path) if path is not None else None
        self._lock = threading.Lock()
        self._ready = False
        self._conn: sqlite3.Connection | None = None

    @property
    def path(self) -> Path:
        return self._path if self._path is not None else data_dir() / "sessions.sqlite3"

    @property
    def where(self) -> str:
        return str(self.path)

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        path = self.path
        with self._lock:
            try:
                if not self._ready:
                    path.parent.mkdir(parents=True, exist_ok=True)
                    self._init(path)
                    self._ready = True
                if self._conn is None:
                    self._conn = sqlite3.connect(path, timeout=10.0, check_same_thread=False)
                    self._conn.execute("PRAGMA synchronous=NORMAL")
                try:
                    with self._conn:  # one transaction per call: commit, or roll back on error
                        yield self._conn
                except sqlite3.Error:
                    self.close_connection()  # a broken connection is not reused
                    raise
            except (sqlite3.Error, OSError) as e:
                raise StoreError(
                    f"The session file {path} cannot be used ({type(e).__name__}: {e}): check that its "
                    f"folder is writable and the disk is not full, or set {STORE_ENV} to another file "
                    "or to a PostgreSQL URL.") from e

    def close_connection(self) -> None:
        """Close the shared connection (the next call opens a new one)."""
        conn, self._conn = self._conn, None
        if conn is not None:
            try:
                conn.close()
            except sqlite3.Error:
                pass

    def _init(self, path: Path) -> None:
        # Autocommit connection with an explicit write transaction: sqlite3 would otherwise commit
        # DDL on its own, and two processes opening a new file must not both migrate it.
        conn = sqlite3.connect(path, timeout=10.0, isolation_level=None)
        try:
            # Switching a new file to WAL can fail at once with "database is locked" while another
            # process or replica switches or migrates it (SQLite does not always wait on the busy
            # handler here): seen once in ~50 simultaneous opens on loaded cores. Try again a while.
            deadline = time.monotonic() + 10.0
            while True:
                try:
                    conn.execute("PRAGMA journal_mode=WAL")
                    break
                except sqlite3.OperationalError as e:
                    if "locked" not in str(e) or time.monotonic() > deadline:
                        raise
                    time.sleep(0.05)
            conn.execute("BEGIN IMMEDIATE")
            try:
                migrate(conn, "sqlite", where=str(path))
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")
        finally:
            conn.close()


def open_store(spec: str | None = None, *, data_dir: str | os.PathLike[str] | None = None) -> SqlStore | None:
    """The store a spec names (what `RECSYS_STORE` holds):
    "" or None -> the SQLite file under `data_dir` (default: the data folder);
    "postgresql://USER[:PASSWORD]@HOST:PORT/DB" (or "postgres://…") -> PostgreSQL;
    a path ending in .sqlite3, .sqlite or .db (or "sqlite:///PATH") -> that SQLite file; "off" -> None."""
    spec = (spec or "").strip()
    if not spec:
        return SessionStore(Path(data_dir) / "sessions.sqlite3" if data_dir is not None else None)
    if spec.lower() in ("off", "none"):
        return None
    if spec.startswith(("postgresql://", "postgres://")):
        from recommender.store_postgres import PostgresStore

        return PostgresStore(spec)
    if spec.startswith("sqlite:///"):
        return SessionStore(spec.removeprefix("sqlite:///"))
    if spec.endswith((".sqlite3", ".sqlite", ".db")):
        return SessionStore(spec)
    raise InvalidRequest(
        f"{STORE_ENV}={spec[:80]!r} names no session store: use postgresql://USER@HOST:PORT/DB, "
        "a file ending in .sqlite3, or off (leave it unset for the SQLite file in the data folder).")
