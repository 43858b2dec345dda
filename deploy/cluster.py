"""The deployment's pieces as processes on one machine: PostgreSQL (sessions and feedback), a
Chroma server (the catalog's vectors), an OpenAI-compatible model server (llama-cpp-python's
`llama_cpp.server` on a shipped GGUF) and N app replicas that share all three and keep nothing of a
conversation in their own memory. `python -m deploy up` starts it; the cluster test drives it.

Each piece is a plain command with environment variables, so the same commands run on separate
machines (deploy/README.md). Logs go to <folder>/logs/<piece>.log.

Example:
    with Deployment(Path("/tmp/recsys"), replicas=2, llm="off") as d:
        d.replica_url(0), d.replica_url(1)     # two apps, one conversation store
        d.kill_replica(0); d.start_replica(0)  # kill -9 and back, nothing lost
"""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from deploy.postgres import LocalPostgres

REPO = Path(__file__).resolve().parent.parent
DATABASE = "recsys"


class DeployError(RuntimeError):
    """A piece did not start; the message names it and ends with its log."""


@dataclass
class Ports:
    postgres: int = 55432
    chroma: int = 8000
    model: int = 8080
    app: int = 7861  # replica i listens on app + i


@dataclass
class Deployment:
    """The whole deployment under `folder` (Postgres cluster, Chroma data, logs).

    llm: "off" (no model server; the replicas rank without a model), "1.5b" (default) or "0.5b"
         (the shipped GGUF models under models/), or the path of a GGUF file; `llama_cpp.server`
         serves it.
    data_dir: the app's data folder, read by every replica (the MovieLens interactions' caches and
         the sequential model); nothing is written there by the deployment.
    """

    folder: Path
    replicas: int = 2
    llm: str | None = None
    ports: Ports = field(default_factory=Ports)
    catalog: str = "movielens"
    data_dir: Path | None = None
    host: str = "127.0.0.1"
    model_threads: int | None = None
    postgres: LocalPostgres | None = field(default=None, init=False)
    procs: dict[str, subprocess.Popen] = field(default_factory=dict, init=False)

    # ---- addresses: what each replica is told through its environment ----------------------
    @property
    def store_url(self) -> str:
        return f"postgresql://recsys@{self.host}:{self.ports.postgres}/{DATABASE}"

    def replica_url(self, i: int) -> str:
        return f"http://{self.host}:{self.ports.app + i}/"

    @property
    def model_file(self) -> Path | None:
        if self.llm == "off":
            return None
        from lm.model_files import model_path

        if self.llm in (None, "", "1.5b", "0.5b"):
            return model_path(self.llm or "1.5b")  # LLMUnavailable says to run `make model`
        return Path(self.llm)

    @property
    def llm_spec(self) -> str:
        """What RECSYS_LLM says: the model server's OpenAI-compatible URL and the model's name."""
        if self.model_file is None:
            return "off"
        # llamacpp-server: sends the ranker's grammar too (llama.cpp's own field), so answers keep their shape
        return f"llamacpp-server:http://{self.host}:{self.ports.model}/v1#{self.model_file.stem}"

    def app_env(self) -> dict[str, str]:
        """The environment of every replica (README: these are the variables of a multi-machine setup)."""
        env = dict(os.environ)
        env.update({
            "RECSYS_STORE": self.store_url,
            "RECSYS_CHROMA_HOST": self.host,
            "RECSYS_CHROMA_PORT": str(self.ports.chroma),
            "RECSYS_LLM": self.llm_spec,
            "RECSYS_CATALOG": self.catalog,
            "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "GRADIO_ANALYTICS_ENABLED": "False",
            "ANONYMIZED_TELEMETRY": "False", "TOKENIZERS_PARALLELISM": "false",
        })
        env.pop("PYTEST_CURRENT_TEST", None)  # a replica shows messages, not tracebacks
        env.pop("RECSYS_RAISE_ERRORS", None)
        if self.data_dir is not None:
            env["RECSYS_DATA_DIR"] = str(self.data_dir)
        return env

    # ---- processes ---------------------------------------------------------------------------
    def _log(self, name: str) -> Path:
        return self.folder / "logs" / f"{name}.log"

    def _spawn(self, name: str, command: list[str], env: dict[str, str] | None = None) -> subprocess.Popen:
        self._log(name).parent.mkdir(parents=True, exist_ok=True)
        with open(self._log(name), "ab") as log:
            proc = subprocess.Popen(command, cwd=REPO, env=env or self.app_env(), stdout=log,
                                    stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True)
        self.procs[name] = proc
        return proc

    def _wait_http(self, name: str, url: str, timeout_s: float) -> None:
        deadline = time.monotonic() + timeout_s
        proc = self.procs.get(name)
        while time.monotonic() < deadline:
            if proc is not None and proc.poll() is not None:
                raise DeployError(f"{name} exited with code {proc.returncode} while starting:\n{self.log_tail(name)}")
            try:
                with urllib.request.urlopen(url, timeout=5) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, OSError):
                pass
            time.sleep(0.5)
        raise DeployError(f"{name} did not answer {url} within {timeout_s:.0f} s:\n{self.log_tail(name)}")

    def log_tail(self, name: str, chars: int = 3000) -> str:
        path = self._log(name)
        return path.read_text(errors="replace")[-chars:] if path.exists() else "(no log)"

    def start(self, timeout_s: float = 600) -> "Deployment":
        """Start every piece and wait until each answers; the replicas last (they need the others)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        try:
            self._start_shared(timeout_s)
            for i in range(self.replicas):
                self.start_replica(i, wait=False)
            for i in range(self.replicas):
                self.wait_replica(i, timeout_s)
        except BaseException:
            self.stop()
            raise
        return self

    def _start_shared(self, timeout_s: float) -> None:
        model = self.model_file
        if model is not None and not model.exists():
            raise DeployError(f"No model file {model}: run `make model` (or pass --llm off).")
        self.postgres = LocalPostgres(self.folder / "postgres", self.ports.postgres, host=self.host)
        chroma = Path(sys.executable).with_name("chroma")
        self._spawn("chroma", [str(chroma), "run", "--path", str(self.folder / "chroma"),
                               "--host", self.host, "--port", str(self.ports.chroma)])
        if model is not None:
            command = [sys.executable, "-m", "llama_cpp.server", "--model", str(model),
                       "--model_alias", model.stem, "--host", self.host, "--port", str(self.ports.model),
                       "--n_ctx", "4096"]
            if self.model_threads:
                command += ["--n_threads", str(self.model_threads)]
            self._spawn("model", command)
        self.postgres.start()
        self.postgres.create_database(DATABASE)
        self._wait_http("chroma", f"http://{self.host}:{self.ports.chroma}/api/v2/heartbeat", 120)
        # The catalog's vectors, once, into the Chroma server (a no-op when they are there already).
        index = subprocess.run([sys.executable, "-m", "catalog.index", "--catalog", self.catalog,
                                "--chroma-host", self.host, "--chroma-port", str(self.ports.chroma)],
                               cwd=REPO, env=self.app_env(), capture_output=True, text=True, timeout=timeout_s)
        self._log("index").write_text(index.stdout + index.stderr)
        if index.returncode != 0:
            raise DeployError(f"Indexing into the Chroma server failed:\n{self.log_tail('index')}")
        if model is not None:
            self._wait_http("model", f"http://{self.host}:{self.ports.model}/v1/models", timeout_s)

    def start_replica(self, i: int, *, wait: bool = True, timeout_s: float = 600) -> None:
        """Start app replica i (again, after a kill: it reads everything from the shared pieces)."""
        name = f"app{i}"
        self._spawn(name, [sys.executable, "app.py", "--host", self.host, "--port", str(self.ports.app + i)])
        if wait:
            self.wait_replica(i, timeout_s)

    def wait_replica(self, i: int, timeout_s: float = 600) -> None:
        self._wait_http(f"app{i}", self.replica_url(i), timeout_s)

    def kill_replica(self, i: int) -> None:
        """kill -9: no shutdown code runs, as when a machine dies."""
        proc = self.procs.pop(f"app{i}")
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)

    def stop(self) -> None:
        """Stop the replicas, then the shared pieces (SIGTERM, then SIGKILL after 15 s)."""
        for name in sorted(self.procs, key=lambda n: not n.startswith("app")):
            proc = self.procs[name]
            if proc.poll() is None:
                try:
                    os.killpg(proc.pid, signal.SIGTERM)
                except ProcessLookupError:
                    continue
        for name, proc in list(self.procs.items()):
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(timeout=15)
        self.procs.clear()
        if self.postgres is not None:
            self.postgres.stop()

    def summary(self) -> str:
        lines = [f"  app replica {i}: {self.replica_url(i)}" for i in range(self.replicas)]
        lines += [f"  PostgreSQL:    {self.store_url}  (RECSYS_STORE)",
                  f"  Chroma:        http://{self.host}:{self.ports.chroma}  (RECSYS_CHROMA_HOST/PORT)",
                  f"  model server:  {self.llm_spec}  (RECSYS_LLM)",
                  f"  logs:          {self.folder / 'logs'}"]
        return "\n".join(lines)

    def __enter__(self) -> "Deployment":
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def api_call(url: str, endpoint: str, *args: object, timeout_s: float = 120) -> dict:
    """One call of a replica's named API endpoint over plain HTTP (Gradio's /gradio_api/call):
    the answer's data, or RuntimeError with the app's message. Example: api_call(u, "chat", "comedies", "")"""
    body = json.dumps({"data": list(args)}).encode()
    request = urllib.request.Request(f"{url.rstrip('/')}/gradio_api/call/{endpoint}", data=body,
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=timeout_s) as response:
        event_id = json.load(response)["event_id"]
    with urllib.request.urlopen(f"{url.rstrip('/')}/gradio_api/call/{endpoint}/{event_id}", timeout=timeout_s) as response:
        text = response.read().decode()
    event, data = "", None
    for line in text.splitlines():
        if line.startswith("event:"):
            event = line[6:].strip()
        elif line.startswith("data:"):
            raw = line[5:].strip()
            data = json.loads(raw) if raw and raw != "null" else raw
    if event != "complete":
        raise RuntimeError(f"{endpoint}: {event} {data}")
    return data[0] if isinstance(data, list) and data else data
