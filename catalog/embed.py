"""Text embedders: the real MiniLM (shipped inside a PyPI package) and a deterministic fake."""
from __future__ import annotations

from typing import Protocol

import numpy as np


class Embedder(Protocol):
    name: str  # recorded in the collection metadata; a different name means "rebuild"
    dim: int

    def embed(self, texts: list[str]) -> np.ndarray:
        """Return float32 unit-length vectors, shape (len(texts), dim)."""
        ...
