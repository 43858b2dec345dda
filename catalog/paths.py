"""Where the project keeps generated data (caches, the Chroma index).

Example: RECSYS_DATA_DIR=/tmp/x python -m catalog.index --catalog movielens  -> /tmp/x/chroma
"""
from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent


def data_dir() -> Path:
    """The data folder: $RECSYS_DATA_DIR, else <repo>/data. Created on demand (never at import)."""
    raw = os.environ.get("RECSYS_DATA_DIR", "").strip()
    path = Path(raw).expanduser() if raw else REPO_ROOT / "data"
    path.mkdir(parents=True, exist_ok=True)
    return path
