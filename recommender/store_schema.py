"""The session store's schema as ordered migrations, one list of statements per SQL dialect.

`schema_version` holds one row: the number of migrations applied. Opening a store applies the
missing ones in order, each with its version bump, in one transaction that the caller holds
(SQLite: `BEGIN IMMEDIATE`; PostgreSQL: an advisory lock, so replicas starting together migrate
once). A store written by newer code (a version above `LATEST`) is refused with a message.

To change the schema, append a `Migration` (never edit one that has shipped): old files and
databases are brought up to date on their next open.

Example:
    version = migrate(conn, "sqlite", where="data/sessions.sqlite3")   # -> LATEST
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal, Protocol

from errors import StoreFailure

Dialect = Literal["sqlite", "postgresql"]


@dataclass(frozen=True)
class Migration:
    version: int  # the schema version once applied
    what: str
    sql: dict[str, tuple[str, ...]]  # dialect -> statements


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "sessions and their feedback events", {
        "sqlite": (
            "CREATE TABLE IF NOT EXISTS sessions (session_id TEXT PRIMARY KEY, "
            "state_json TEXT NOT NULL, updated_at REAL NOT NULL)",
            "CREATE TABLE IF NOT EXISTS feedback (id INTEGER PRIMARY KEY AUTOINCREMENT, "
            "session_id TEXT NOT NULL, item_id TEXT NOT NULL, kind TEXT NOT NULL, ts REAL NOT NULL)",
            "CREATE INDEX IF NOT EXISTS feedback_session ON feedback (session_id, id)",
        ),
        "postgresql": (
            "CREATE TABLE IF NOT EXISTS sessions (session_id TEXT PRIMARY KEY, "
            "state_json TEXT NOT NULL, updated_at DOUBLE PRECISION NOT NULL)",
            "CREATE TABLE IF NOT EXISTS feedback (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "
            "session_id TEXT NOT NULL, item_id TEXT NOT NULL, kind TEXT NOT NULL, "
            "ts DOUBLE PRECISION NOT NULL)",
            "CREATE INDEX IF NOT EXISTS feedback_session ON feedback (session_id, id)",
        ),
    }),
    # Retention (`prune`) runs at every start of every replica: without an index it reads every
    # session row.
    Migration(2, "index sessions by last update, for retention", {
        "sqlite": ("CREATE INDEX IF NOT EXISTS sessions_updated ON sessions (updated_at)",),
        "postgresql": ("CREATE INDEX IF NOT EXISTS sessions_updated ON sessions (updated_at)",),
    }),
)
LATEST = MIGRATIONS[-1].version


class Cursorish(Protocol):
    def fetchall(self) -> list[Any]: ...


class Connectionish(Protocol):
    """What sqlite3 and psycopg connections both offer."""

    def execute(self, sql: Any, params: Any = ...) -> Any: ...


class StoreError(StoreFailure):
    """The session store cannot be used as it is (unreachable, newer schema, corrupt row)."""


class SchemaTooNew(StoreError):
    """The store was written by a newer version of the app."""


def placeholders(sql: str, dialect: Dialect) -> str:
    """The statements are written with sqlite's `?`; psycopg wants `%s`."""
    return sql.replace("?", "%s") if dialect == "postgresql" else sql


def current_version(conn: Connectionish) -> int:
    """The applied version; 0 for an empty store (the version table is created if missing)."""
    conn.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
    rows = conn.execute("SELECT version FROM schema_version").fetchall()
    return int(rows[0][0]) if rows else 0


def migrate(conn: Connectionish, dialect: Dialect, *, where: str) -> int:
    """Apply the missing migrations inside the caller's transaction; returns the version reached.
    `where` names the store in messages (a file path, or a database URL without its password)."""
    version = current_version(conn)
    if version > LATEST:
        raise SchemaTooNew(
            f"The session store {where} has schema version {version}, written by a newer version "
            f"of this app (this one knows versions up to {LATEST}): upgrade the app, or point "
            "RECSYS_STORE at another database (or move the file away: sessions start fresh).")
    for step in MIGRATIONS[version:]:
        for statement in step.sql[dialect]:
            conn.execute(statement)
        if version == 0:
            conn.execute(placeholders("INSERT INTO schema_version (version) VALUES (?)", dialect), (step.version,))
        else:
            conn.execute(placeholders("UPDATE schema_version SET version = ?", dialect), (step.version,))
        version = step.version
    return version
