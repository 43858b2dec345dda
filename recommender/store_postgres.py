"""The PostgreSQL backend of the session store: what lets several app replicas share conversations.

`RECSYS_STORE=postgresql://USER[:PASSWORD]@HOST:PORT/DB` (any libpq URL or key=value string; a
password may also come from `PGPASSWORD` or `~/.pgpass`, as for psql). The database must exist;
the tables are created and migrated on first use (`recommender.store_schema`), under an advisory
lock so replicas starting together migrate once. Each process keeps a small pool of connections
(psycopg_pool), checked before use, so a restarted database costs one failed call at most.

Example:
    store = PostgresStore("postgresql://recsys@127.0.0.1:5432/recsys")
    store.save(state); store.load(state.session_id)     # from any replica
"""
from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from recommender.store import STORE_ENV, SqlStore
from recommender.store_schema import Dialect, StoreError, migrate

MIGRATION_LOCK = 7_207_315  # pg_advisory_xact_lock key: one migrating replica at a time
CONNECT_TIMEOUT_S = 5


def redacted(dsn: str) -> str:
    """The URL without its password, for messages. Example: postgresql://u:pw@h:5432/db -> postgresql://u@h:5432/db"""
    from psycopg.conninfo import conninfo_to_dict

    try:
        parts = conninfo_to_dict(dsn)
    except Exception:  # psycopg.ProgrammingError on a malformed string: say nothing of its content
        return "(a malformed PostgreSQL URL)"
    user = f"{parts['user']}@" if parts.get("user") else ""
    host = str(parts.get("host") or "localhost")
    port = f":{parts['port']}" if parts.get("port") else ""
    return f"postgresql://{user}{host}{port}/{parts.get('dbname') or ''}"


class PostgresStore(SqlStore):
    """Sessions and feedback in a PostgreSQL database; nothing connects until the first call."""

    dialect: Dialect = "postgresql"

    def __init__(self, dsn: str, *, max_connections: int = 8, timeout_s: float = 10.0) -> None:
        try:
            import psycopg  # noqa: F401  # checked here: the error says how to install it
            import psycopg_pool  # noqa: F401
        except ImportError as e:
            raise StoreError(f"{STORE_ENV} names a PostgreSQL database, but psycopg is not installed: "
                             "run `pip install -r requirements.txt` (psycopg[binary,pool]).") from e
        self.dsn = dsn
        self.max_connections = max_connections
        self.timeout_s = timeout_s
        self._pool: Any = None
        self._lock = threading.Lock()

    @property
    def where(self) -> str:
        return redacted(self.dsn)

    def _failure(self, e: Exception) -> StoreError:
        return StoreError(
            f"The session database {self.where} cannot be used ({type(e).__name__}: "
            f"{str(e).strip().splitlines()[0] if str(e).strip() else 'no detail'}): check that PostgreSQL "
            f"runs there, that the database exists and the user may connect, or fix {STORE_ENV}.")

    def _open(self) -> Any:
        import psycopg
        from psycopg_pool import ConnectionPool

        with self._lock:
            if self._pool is None:
                # Migrate on a direct connection first: its error names the cause (a pool that
                # cannot connect only says it timed out).
                with psycopg.connect(self.dsn, connect_timeout=CONNECT_TIMEOUT_S) as conn:
                    with conn.transaction():
                        conn.execute("SELECT pg_advisory_xact_lock(%s)", (MIGRATION_LOCK,))
                        migrate(conn, "postgresql", where=self.where)
                pool = ConnectionPool(self.dsn, min_size=1, max_size=self.max_connections,
                                      timeout=self.timeout_s, open=False,
                                      kwargs={"connect_timeout": CONNECT_TIMEOUT_S},
                                      check=ConnectionPool.check_connection, name="recsys-store")
                pool.open(wait=True, timeout=self.timeout_s)
                self._pool = pool
            return self._pool

    @contextmanager
    def _connect(self) -> Iterator[Any]:
        import psycopg
        from psycopg_pool import PoolTimeout

        try:
            pool = self._pool if self._pool is not None else self._open()
            with pool.connection() as conn:  # commits at the end, rolls back on an error
                yield conn
        except (psycopg.Error, PoolTimeout) as e:
            raise self._failure(e) from e

    def close(self) -> None:
        with self._lock:
            if self._pool is not None:
                self._pool.close()
                self._pool = None
