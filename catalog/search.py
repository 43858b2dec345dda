"""Semantic search over a catalog's Chroma index, with hard filters applied inside Chroma.

Example:
    >>> index = open_index(load_catalog("movielens"))          # MiniLM, data/chroma
    >>> [h.item_id for h in index.search("toy story", k=3)]
    ['1', ...]
    >>> index.search("space adventure", Filters(include_genres=["sci-fi"], max_runtime=120))
"""
from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from pydantic import BaseModel, ConfigDict

from catalog.catalog import Catalog
from catalog.embed import Embedder, default_embedder
from catalog.filters import Filters
from catalog.index import (
    IndexMissingError,
    build_index,
    catalog_fingerprint,
    check_collection,
    collection_name,
    genre_key,
    index_command,
    location,
    make_client,
)

if TYPE_CHECKING:  # pragma: no cover
    from chromadb.api import ClientAPI
    from chromadb.api.models.Collection import Collection


class Hit(BaseModel):
    """One search result: a catalog id and its cosine similarity to the query (-1..1)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    item_id: str
    score: float


def filters_to_where(filters: Filters | None, genre_vocab: Sequence[str]) -> dict[str, Any] | None:
    """Translate Filters into a Chroma `where` clause (None when nothing is constrained).

    Unknown values never pass a bound: max_runtime also requires has_runtime=True, and so on.
    A required genre outside the vocabulary yields a clause no item satisfies (its flag key does
    not exist), so the search returns [] as Filters.allows would. Excluding an unknown genre is a
    no-op. Example:
        filters_to_where(Filters(include_genres=["comedy"], max_runtime=90), ["comedy"]) ->
        {"$and": [{"g_comedy_...": True}, {"has_runtime": True}, {"runtime": {"$lte": 90}}]}
    """
    if filters is None:
        return None
    vocab = set(genre_vocab)
    clauses: list[dict[str, Any]] = []
    for genre in dict.fromkeys(filters.include_genres):
        clauses.append({genre_key(genre): True})
    for genre in dict.fromkeys(filters.exclude_genres):
        if genre in vocab:
            clauses.append({genre_key(genre): False})
    if filters.min_year is not None or filters.max_year is not None:
        clauses.append({"has_year": True})
    if filters.min_year is not None:
        clauses.append({"year": {"$gte": filters.min_year}})
    if filters.max_year is not None:
        clauses.append({"year": {"$lte": filters.max_year}})
    if filters.max_runtime is not None:
        clauses += [{"has_runtime": True}, {"runtime": {"$lte": filters.max_runtime}}]
    if filters.min_rating is not None:
        clauses += [{"has_rating": True}, {"rating": {"$gte": float(filters.min_rating)}}]
    if filters.mpaa:
        clauses.append({"mpaa": {"$in": list(dict.fromkeys(filters.mpaa))}})
    if filters.exclude_ids:
        clauses.append({"item_id": {"$nin": list(dict.fromkeys(filters.exclude_ids))}})
    if not clauses:
        return None
    return clauses[0] if len(clauses) == 1 else {"$and": clauses}


class CatalogIndex:
    """Search API over one catalog's collection. Opens Chroma lazily, on first use.

    Safe to share between sessions (it holds no per-user state); the Chroma handle is opened once.
    """

    def __init__(self, catalog: Catalog, embedder: Embedder, *, data_dir: Path | None = None,
                 client: ClientAPI | None = None, build_if_missing: bool = False,
                 progress: bool = True) -> None:
        self.catalog = catalog
        self.embedder = embedder
        self.data_dir = data_dir
        self.build_if_missing = build_if_missing
        self.progress = progress
        self._client = client
        self._collection: Collection | None = None
        self._lock = threading.Lock()

    # -- opening -------------------------------------------------------------------------
    @property
    def collection(self) -> Collection:
        """The Chroma collection, opened (and built or updated if allowed) on first access."""
        if self._collection is None:
            with self._lock:
                if self._collection is None:
                    self._collection = self._open()
        return self._collection

    def _open(self) -> Collection:
        client = self._client or make_client(self.data_dir)
        self._client = client
        name = collection_name(self.catalog.name)
        vocab = self.catalog.genres()
        names = {c if isinstance(c, str) else c.name for c in client.list_collections()}
        if name in names:
            collection = client.get_collection(name, embedding_function=None)
            check_collection(collection, self.catalog.name, self.embedder, vocab)
            meta = collection.metadata or {}
            complete = meta.get("complete") is True
            current = complete and meta.get("fingerprint") == catalog_fingerprint(self.catalog)
            if current:
                return collection
            if not self.build_if_missing:
                state = "incomplete (an interrupted build)" if not complete else "out of date"
                raise IndexMissingError(
                    f"The index of catalog '{self.catalog.name}' at {location(client, self.data_dir)} "
                    f"is {state}: run {index_command(self.catalog.name)} to update it.")
        elif not self.build_if_missing:
            raise IndexMissingError(
                f"No index for catalog '{self.catalog.name}' at {location(client, self.data_dir)}: "
                f"run {index_command(self.catalog.name)}.")
        build_index(self.catalog, self.embedder, data_dir=self.data_dir, client=client,
                    progress=self.progress)
        return client.get_collection(name, embedding_function=None)

    def ensure(self) -> CatalogIndex:
        """Open now (raising IndexMissingError / IndexMismatchError early), e.g. at app start."""
        _ = self.collection
        return self

    # -- queries -------------------------------------------------------------------------
    def embed_query(self, text: str) -> np.ndarray:
        """The unit vector of a query text, shape (dim,)."""
        return self.embedder.embed([text])[0]

    def search(self, text: str, filters: Filters | None = None, k: int = 50) -> list[Hit]:
        """Top-k items by meaning among those passing `filters` ([] when none pass)."""
        return self.search_by_vector(self.embed_query(text), filters, k)

    def search_by_vector(self, vec: np.ndarray | Sequence[float], filters: Filters | None = None,
                         k: int = 50) -> list[Hit]:
        """Top-k items nearest to `vec` (cosine) among those passing `filters`."""
        if k <= 0:
            return []
        collection = self.collection
        where = filters_to_where(filters, self.catalog.genres())
        query = np.asarray(vec, dtype=np.float32).reshape(1, -1)
        result = collection.query(query_embeddings=query, n_results=k, where=where,
                                  include=["distances"])
        ids = result["ids"][0] if result["ids"] else []
        dists = result["distances"][0] if result.get("distances") else []
        # cosine space: distance = 1 - cos; ids no longer in the catalog are stale, drop them
        return [Hit(item_id=i, score=round(1.0 - float(d), 6))
                for i, d in zip(ids, dists) if i in self.catalog]

    def vectors(self, ids: Sequence[str]) -> np.ndarray:
        """Stored embeddings of `ids`, in that order, shape (len(ids), dim). Unknown id -> KeyError."""
        if not ids:
            return np.zeros((0, self.embedder.dim), dtype=np.float32)
        got = self.collection.get(ids=list(dict.fromkeys(ids)), include=["embeddings"])
        by_id = {i: np.asarray(e, dtype=np.float32) for i, e in zip(got["ids"], got["embeddings"])}
        missing = [i for i in ids if i not in by_id]
        if missing:
            raise KeyError(f"ids not in the index of '{self.catalog.name}': {missing[:5]} "
                           f"(run {index_command(self.catalog.name)} if they were added)")
        return np.stack([by_id[i] for i in ids])

    def similar_to(self, item_ids: Sequence[str], filters: Filters | None = None,
                   k: int = 50) -> list[Hit]:
        """Neighbours of the mean vector of `item_ids`, never returning those items themselves."""
        if not item_ids:
            return []
        centre = self.vectors(item_ids).mean(axis=0)
        norm = float(np.linalg.norm(centre))
        if norm > 0:
            centre = centre / norm
        base = filters or Filters()
        excluded = list(dict.fromkeys([*base.exclude_ids, *item_ids]))
        return self.search_by_vector(centre, base.model_copy(update={"exclude_ids": excluded}), k)


def open_index(catalog: Catalog, embedder: Embedder | None = None, *, data_dir: Path | None = None,
               client: ClientAPI | None = None, build_if_missing: bool = False,
               progress: bool = True) -> CatalogIndex:
    """A CatalogIndex over `catalog` (lazy: Chroma is opened on first search or `.ensure()`).

    With build_if_missing=True a missing, interrupted or out-of-date index is built/updated
    (only changed items are embedded) instead of raising IndexMissingError.
    """
    return CatalogIndex(catalog, embedder or default_embedder(), data_dir=data_dir, client=client,
                        build_if_missing=build_if_missing, progress=progress)
