"""A private PostgreSQL cluster in a folder: initdb, start on a port, stop. For trying the deployment
on one machine, for the tests (a throwaway cluster per test session) and for the store benchmark.

It uses the server binaries of Debian's `postgresql` package (`make postgres` installs them; or
set RECSYS_PG_BIN to a folder holding initdb, pg_ctl and postgres). PostgreSQL refuses to run as
root: as root, the cluster folder is handed to the `postgres` OS user and the binaries run as it
(`runuser -u postgres --`), so the folder must be reachable by that user (e.g. under /tmp).

Example:
    pg = LocalPostgres(Path(tempfile.mkdtemp()), port=55432)
    pg.start()                       # initdb on first use; listens on 127.0.0.1 and a socket in the folder
    pg.create_database("recsys")
    os.environ["RECSYS_STORE"] = pg.url("recsys")
    ...
    pg.stop()
"""
from __future__ import annotations

import glob
import os
import shutil
import subprocess
from pathlib import Path

USER = "recsys"
INSTALL_HINT = "run `make postgres` (Debian's postgresql package), or set RECSYS_PG_BIN to its bin folder"


class PostgresMissing(RuntimeError):
    """The PostgreSQL server binaries are not installed."""


def find_bin(name: str) -> str:
    """Path of a server binary: $RECSYS_PG_BIN, else PATH, else Debian's /usr/lib/postgresql/<v>/bin."""
    folder = os.environ.get("RECSYS_PG_BIN", "").strip()
    if folder:
        candidate = Path(folder) / name
        if candidate.exists():
            return str(candidate)
        raise PostgresMissing(f"RECSYS_PG_BIN={folder} has no {name}: {INSTALL_HINT}")
    found = shutil.which(name)
    if found:
        return found
    versions = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"),
                      key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0)
    if versions:
        return versions[-1]
    raise PostgresMissing(f"PostgreSQL's {name} is not installed: {INSTALL_HINT}")


def available() -> bool:
    try:
        for name in ("initdb", "pg_ctl", "postgres"):
            find_bin(name)
    except PostgresMissing:
        return False
    return True


class LocalPostgres:
    """One cluster under `root` (data in root/data, log in root/postgres.log, socket in root).
    `durable=False` turns fsync off: for throwaway test clusters only."""

    def __init__(self, root: Path, port: int, *, host: str = "127.0.0.1", durable: bool = True) -> None:
        self.root = Path(root).resolve()
        self.port = port
        self.host = host
        self.durable = durable
        self.as_root = os.geteuid() == 0

    @property
    def data(self) -> Path:
        return self.root / "data"

    @property
    def log(self) -> Path:
        return self.root / "postgres.log"

    def url(self, dbname: str = "postgres") -> str:
        """The libpq URL over TCP (what another machine would use)."""
        return f"postgresql://{USER}@{self.host}:{self.port}/{dbname}"

    def socket_url(self, dbname: str = "postgres") -> str:
        """The libpq URL over the unix socket in the cluster folder."""
        return f"postgresql://{USER}@/{dbname}?host={self.root}&port={self.port}"

    def _run(self, *args: str) -> subprocess.CompletedProcess[str]:
        command = list(args)
        if self.as_root:
            command = ["runuser", "-u", "postgres", "--", *command]
        result = subprocess.run(command, capture_output=True, text=True, timeout=120)
        if result.returncode != 0:
            tail = (result.stderr or result.stdout).strip()[-1500:]
            log = self.log.read_text(errors="replace")[-1500:] if self.log.exists() else ""
            raise RuntimeError(f"{' '.join(args[:2])} failed ({result.returncode}): {tail}\n{log}")
        return result

    def _prepare(self) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        if self.as_root:
            import pwd

            pg = pwd.getpwnam("postgres")
            os.chown(self.root, pg.pw_uid, pg.pw_gid)
            if subprocess.run(["runuser", "-u", "postgres", "--", "test", "-w", str(self.root)]).returncode != 0:
                raise RuntimeError(f"PostgreSQL runs as the `postgres` user, which cannot write {self.root}: "
                                   "choose a folder it can reach (e.g. under /tmp).")

    def start(self) -> "LocalPostgres":
        """initdb (first time only), then start and wait until it accepts connections."""
        self._prepare()
        if not (self.data / "PG_VERSION").exists():
            self._run(find_bin("initdb"), "-D", str(self.data), "-U", USER, "--auth=trust",
                      "-E", "UTF8", "--locale=C", "--no-sync")
        options = [f"-p {self.port}", f"-k {self.root}", f"-c listen_addresses={self.host}"]
        if not self.durable:
            options += ["-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off"]
        self._run(find_bin("pg_ctl"), "-D", str(self.data), "-l", str(self.log), "-o", " ".join(options),
                  "-w", "-t", "60", "start")
        return self

    def stop(self) -> None:
        if (self.data / "postmaster.pid").exists():
            self._run(find_bin("pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "-t", "60", "stop")

    def create_database(self, name: str) -> str:
        """Create `name` if missing; returns its URL."""
        import psycopg
        from psycopg import sql

        with psycopg.connect(self.url("postgres"), autocommit=True, connect_timeout=10) as conn:
            exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone()
            if not exists:
                conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        return self.url(name)

    def __enter__(self) -> "LocalPostgres":
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
