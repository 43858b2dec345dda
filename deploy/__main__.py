"""`python -m deploy up`: the whole deployment on this machine, in the foreground; Ctrl-C stops it.

    python -m deploy up                          # PostgreSQL, Chroma, model server (1.5B), 2 replicas
    python -m deploy up --replicas 3 --llm 0.5b  # the smaller model, three replicas
    python -m deploy up --llm off                # no model server: fast ranking alone

See deploy/README.md for the ports, the variables and how the pieces map to several machines.
"""
from __future__ import annotations

import argparse
import signal
import sys
import time
from pathlib import Path

from deploy.cluster import REPO, DeployError, Deployment, Ports
from deploy.postgres import PostgresMissing
from errors import RecsysError


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m deploy", description=__doc__.splitlines()[0])
    p.add_argument("command", choices=["up"], help="up: start everything and wait for Ctrl-C")
    p.add_argument("--replicas", type=int, default=2, help="app replicas (default 2)")
    p.add_argument("--llm", default="1.5b", help="1.5b (default), 0.5b, a .gguf path, or off")
    p.add_argument("--dir", type=Path, default=REPO / "deploy" / "run",
                   help="folder for the PostgreSQL cluster, Chroma's data and the logs (default deploy/run; "
                        "as root it must be reachable by the postgres user)")
    p.add_argument("--data-dir", type=Path, default=None, help="the app's data folder (default: $RECSYS_DATA_DIR or data/)")
    p.add_argument("--host", default="127.0.0.1", help="interface every piece listens on (default loopback)")
    p.add_argument("--app-port", type=int, default=Ports.app, help="first replica's port; replica i gets +i")
    p.add_argument("--chroma-port", type=int, default=Ports.chroma)
    p.add_argument("--model-port", type=int, default=Ports.model)
    p.add_argument("--pg-port", type=int, default=Ports.postgres)
    return p.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.replicas < 1:
        print("error: --replicas must be at least 1", file=sys.stderr)
        return 2
    deployment = Deployment(args.dir, replicas=args.replicas, llm=args.llm, host=args.host, data_dir=args.data_dir,
                            ports=Ports(postgres=args.pg_port, chroma=args.chroma_port, model=args.model_port,
                                        app=args.app_port))
    print(f"Starting PostgreSQL, Chroma, {'the model server, ' if args.llm != 'off' else ''}"
          f"{args.replicas} app replicas (logs in {args.dir / 'logs'})…", file=sys.stderr)
    t0 = time.monotonic()
    try:
        deployment.start()
    except (DeployError, PostgresMissing, RuntimeError, RecsysError) as exc:  # LLMUnavailable: `make model`
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"Up in {time.monotonic() - t0:.0f} s:\n{deployment.summary()}\nCtrl-C stops everything.", flush=True)
    stop = False

    def on_signal(*_: object) -> None:
        nonlocal stop
        stop = True

    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGTERM, on_signal)
    try:
        while not stop:
            for name, proc in list(deployment.procs.items()):
                if proc.poll() is not None:
                    print(f"{name} exited with code {proc.returncode}; its log:\n{deployment.log_tail(name, 1500)}",
                          file=sys.stderr)
                    deployment.procs.pop(name)
            time.sleep(1)
    finally:
        print("Stopping…", file=sys.stderr)
        deployment.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
