"""What every ranker in the evaluation sees: the queries (one user, one instruction variant) and
the catalog, split and fitted models built once per run (`load_data`).
"""
from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from evaluation.split import (
    Case,
    UserSplit,
    leave_one_out,
    training_sequences,
)
from recommender.collab import ItemCF, Popularity

log = logging.getLogger("evaluation")

PROTOCOLS: dict[str, int] = {"n19": 19, "n9": 9}
VARIANTS = ("preference", "preference+intention", "intention")
ENSEMBLE = "sasrec+gru4rec"  # the two sequential baselines averaged: the fast scorer's sequential signal
ALL_RANKERS = ("random", "popularity", "content", "itemcf", "sasrec", "gru4rec", ENSEMBLE, "fast", "fast+sasrec", "llm")
# fast+sasrec (a Borda fusion of two rankers) is kept as an option only: since the fast scorer
# has its own "sequential" signal (the same SASRec), fusing SASRec again would count it twice.
DEFAULT_RANKERS = tuple(r for r in ALL_RANKERS if r not in ("llm", "fast+sasrec"))
BASELINES = ("random", "popularity", "content", "itemcf", "sasrec", "gru4rec", ENSEMBLE)
HISTORY_FOR_TEXT = 20  # recent history items a text-based ranker reads (titles / mean vector)
REPORTS = Path(__file__).resolve().parent.parent / "reports"



# --------------------------------------------------------------------------- what rankers see
@dataclass(frozen=True)
class Query:
    """One user's ranking request for one variant. The target is deliberately not here."""

    user_id: str
    history: list[str]  # time-ordered; empty in the intention-only variant
    candidates: list[str]  # shuffled with the seed: the order carries no information
    intention_genres: tuple[str, ...] = ()
    variant: str = "preference"

    @property
    def intention_text(self) -> str:
        return ", ".join(self.intention_genres)


def make_query(case: Case, variant: str, genres_of: Callable[[str], tuple[str, ...]]) -> Query:
    if variant not in VARIANTS:
        raise ValueError(f"unknown variant {variant!r}: use one of {', '.join(VARIANTS)}")
    history = [] if variant == "intention" else list(case.history)
    genres = genres_of(case.target) if variant != "preference" else ()
    return Query(case.user_id, history, list(case.candidates), genres, variant)



# --------------------------------------------------------------------------- shared data
@dataclass
class EvalData:
    """Catalog, split and the models fitted on the training part, built once per run."""

    catalog: Any
    splits: dict[str, UserSplit]
    train: dict[str, list[str]]
    universe: list[str]
    popularity: Popularity
    itemcf: ItemCF
    _vectors: dict[str, np.ndarray] | None = field(default=None, repr=False)
    embedder: Any = None
    _intent: dict[str, np.ndarray] = field(default_factory=dict, repr=False)

    def genres_of(self, item_id: str) -> tuple[str, ...]:
        item = self.catalog.get(item_id)
        return tuple(item.genres) if item is not None else ()

    def title_of(self, item_id: str) -> str:
        item = self.catalog.get(item_id)
        return item.display_title() if item is not None else item_id

    def vectors(self) -> dict[str, np.ndarray]:
        """MiniLM vectors of every catalog item (cached under data_dir()/eval)."""
        if self._vectors is None:
            self._vectors = item_vectors(self.catalog, self.embedder)
        return self._vectors

    def embed(self, texts: list[str]) -> np.ndarray:
        return self.embedder.embed(texts)

    def intention_vec(self, text: str) -> np.ndarray:
        """Embedding of an intention text, cached (call `prepare_intentions` to batch them)."""
        if text not in self._intent:
            self.prepare_intentions([text])
        return self._intent[text]

    def prepare_intentions(self, texts: Sequence[str]) -> None:
        new = sorted({t for t in texts if t and t not in self._intent})
        if new:
            self._intent.update(zip(new, self.embed(new)))


def load_data(embedder: Any = None, catalog: Any = None, sequences: Mapping[str, Sequence[str]] | None = None) -> EvalData:
    """MovieLens-100K from the packaged files (catalog + time-ordered ratings), split and fitted.

    `catalog`/`sequences`/`embedder` may be injected (tests use a tiny log and FakeEmbedder).
    """
    if catalog is None:
        from catalog.loaders import load_catalog

        catalog = load_catalog("movielens")
    if sequences is None:
        from catalog.interactions import load_interactions, user_sequences

        known = {item.id for item in catalog}
        seqs = user_sequences(load_interactions(known_items=known))
        sequences = {u: [x.item_id for x in seq] for u, seq in seqs.items()}
    if embedder is None:
        from catalog.embed import default_embedder

        embedder = default_embedder()
    splits = leave_one_out(sequences)
    train = training_sequences(splits)
    universe = sorted(item.id for item in catalog)
    return EvalData(catalog, splits, train, universe, Popularity().fit(train), ItemCF().fit(train),
                    embedder=embedder)


def item_vectors(catalog: Any, embedder: Any) -> dict[str, np.ndarray]:
    """Embed every item's `embedding_text()`; cached by embedder name and content hash."""
    items = sorted(catalog, key=lambda it: it.id)
    key = hashlib.sha256("".join(it.content_hash() for it in items).encode()).hexdigest()[:12]
    from catalog.paths import data_dir

    path = data_dir() / "eval" / f"vectors-{embedder.name}-{key}.npz"
    if path.is_file():
        with np.load(path) as z:
            return dict(zip(z["ids"].tolist(), z["vecs"]))
    t0 = time.perf_counter()
    vecs = embedder.embed([it.embedding_text() for it in items])
    log.info("embedded %d items in %.1f s", len(items), time.perf_counter() - t0)
    path.parent.mkdir(parents=True, exist_ok=True)
    np.savez(path, ids=np.array([it.id for it in items]), vecs=vecs)
    return {it.id: v for it, v in zip(items, vecs)}
