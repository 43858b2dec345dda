"""Semantic search over a catalog's Chroma index, with hard filters.

How a query runs (`strategy="auto"`, the default; figures in README "Speed"):
- the filters are evaluated in numpy over columns built once from the catalog
  (`catalog.prefilter.FilterTable`), which gives the passing items in about a millisecond;
- the passing items are ranked exactly, by cosine against the item vectors that Chroma stores,
  read from the collection once at start (a float32 matrix: 86 MB and 4.8 s for the 58,788 IMDb
  films). No index of our own: Chroma stays the store that `catalog.index` writes and updates.
Measured on the IMDb catalog (README "Speed"): 0.3-15 ms p50, 0.7-32 ms p95, from 105 to all
58,788 films passing, recall@60 1.0. Chroma's own query (`strategy="where"`: the filters as a
metadata `where` clause) took 0.25-0.85 s p50 on the same filters, because its cost grows with the
number of items that pass, and its HNSW search is approximate: recall@60 0.88-0.94 on broad filters
and without a filter (1.0 only on the most selective one).
`strategy="overfetch"` asks Chroma for more unfiltered neighbours than needed and drops those that
fail: fast for broad filters, 1.3 s for a selective one, approximate; kept for the benchmark
(`benchmarks/bench_filtered.py`).

Example:
    >>> index = open_index(load_catalog("movielens"))          # MiniLM, data/chroma
    >>> [h.item_id for h in index.search("toy story", k=3)]
    ['1', ...]
    >>> index.search("space adventure", Filters(include_genres=["sci-fi"], max_runtime=120))
"""
from __future__ import annotations

import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import numpy as np
from pydantic import BaseModel, ConfigDict

from catalog.catalog import Catalog
from catalog.embed import Embedder, default_embedder
from catalog.filters import Filters
from catalog.prefilter import FilterTable, top_rows
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


Strategy = Literal["auto", "where", "overfetch"]
STRATEGIES: tuple[str, ...] = ("auto", "where", "overfetch")
PAGE = 5000  # rows per Chroma get() page when reading the stored vectors


class CatalogIndex:
    """Search API over one catalog's collection. Opens Chroma lazily, on first use.

    Safe to share between sessions (it holds no per-user state); the Chroma handle, the filter
    table and the stored vectors are read once. `strategy`: how filtered queries run (module doc).
    """

    def __init__(self, catalog: Catalog, embedder: Embedder, *, data_dir: Path | None = None,
                 client: ClientAPI | None = None, build_if_missing: bool = False,
                 progress: bool = True, strategy: Strategy = "auto") -> None:
        if strategy not in STRATEGIES:
            raise ValueError(f"Unknown search strategy {strategy!r}: use one of {', '.join(STRATEGIES)}")
        self.catalog = catalog
        self.embedder = embedder
        self.data_dir = data_dir
        self.build_if_missing = build_if_missing
        self.progress = progress
        self.strategy = strategy
        self._client = client
        self._collection: Collection | None = None
        self._lock = threading.Lock()
        self._table: FilterTable | None = None
        self._matrix: np.ndarray | None = None
        self.load_vectors_s: float | None = None  # seconds spent reading the stored vectors

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
        """Open now (raising IndexMissingError / IndexMismatchError early), e.g. at app start,
        and read what filtered queries need (the filter table and the stored vectors)."""
        _ = self.collection
        if self.strategy == "auto":
            self.matrix()
        return self

    # -- what filtered queries read ------------------------------------------------------
    def table(self) -> FilterTable:
        """The filter columns of the catalog, built once (~0.3 s for 58,788 items)."""
        if self._table is None:
            table = FilterTable.from_catalog(self.catalog)
            with self._lock:
                if self._table is None:
                    self._table = table
        return self._table

    def matrix(self) -> np.ndarray:
        """The vectors Chroma stores, one row per `table()` row (float32, read-only), read from the
        collection once. Example: 58,788 x 384 for the IMDb catalog (90 MB)."""
        if self._matrix is not None:
            return self._matrix
        table, collection = self.table(), self.collection
        with self._lock:
            if self._matrix is None:
                start = time.perf_counter()
                matrix = np.zeros((len(table), int(self.embedder.dim)), dtype=np.float32)
                seen = np.zeros(len(table), dtype=bool)
                offset = 0
                while True:
                    page = collection.get(include=["embeddings"], limit=PAGE, offset=offset)
                    ids = page["ids"]
                    for item_id, vec in zip(ids, page["embeddings"] if ids else []):
                        row = table.row.get(item_id)
                        if row is not None:  # an id no longer in the catalog is stale: skip it
                            matrix[row] = vec
                            seen[row] = True
                    if len(ids) < PAGE:
                        break
                    offset += PAGE
                if not seen.all():
                    missing = [table.ids[i] for i in np.flatnonzero(~seen)[:5]]
                    raise IndexMissingError(
                        f"The index of catalog '{self.catalog.name}' lacks items {missing} "
                        f"({int((~seen).sum())} in all): run {index_command(self.catalog.name)} to update it.")
                matrix.setflags(write=False)
                self._matrix = matrix
                self.load_vectors_s = time.perf_counter() - start
        return self._matrix

    # -- queries -------------------------------------------------------------------------
    def embed_query(self, text: str) -> np.ndarray:
        """The unit vector of a query text, shape (dim,)."""
        return self.embedder.embed([text])[0]

    def search(self, text: str, filters: Filters | None = None, k: int = 50) -> list[Hit]:
        """Top-k items by meaning among those passing `filters` ([] when none pass)."""
        return self.search_by_vector(self.embed_query(text), filters, k)

    def search_by_vector(self, vec: np.ndarray | Sequence[float], filters: Filters | None = None,
                         k: int = 50) -> list[Hit]:
        """Top-k items nearest to `vec` (cosine) among those passing `filters` (`people` aside:
        the caller checks it). How it runs: the module docstring."""
        if k <= 0:
            return []
        if self.strategy == "where":
            return self._chroma_query(vec, k, filters_to_where(filters, self.catalog.genres()))
        if filters is None or filters.is_empty():
            if self.strategy == "overfetch":
                return self._chroma_query(vec, k, None)
            rows = np.arange(len(self.table()))
        else:
            mask = self.table().mask(filters)
            rows = np.flatnonzero(mask)
            if rows.size == 0:
                return []
            if self.strategy == "overfetch":
                return self._overfetch(vec, k, mask, rows.size)
        top, scores = top_rows(self.matrix(), rows, np.asarray(vec, dtype=np.float32), k)
        ids = self.table().ids
        return [Hit(item_id=ids[r], score=round(float(s), 6)) for r, s in zip(top, scores)]

    def _chroma_query(self, vec: np.ndarray | Sequence[float], k: int,
                      where: dict[str, Any] | None) -> list[Hit]:
        query = np.asarray(vec, dtype=np.float32).reshape(1, -1)
        result = self.collection.query(query_embeddings=query, n_results=k, where=where,
                                       include=["distances"])
        ids = result["ids"][0] if result["ids"] else []
        dists = result["distances"][0] if result.get("distances") else []
        # cosine space: distance = 1 - cos; ids no longer in the catalog are stale, drop them
        return [Hit(item_id=i, score=round(1.0 - float(d), 6))
                for i, d in zip(ids, dists) if i in self.catalog]

    def _overfetch(self, vec: np.ndarray | Sequence[float], k: int, mask: np.ndarray,
                   passing: int) -> list[Hit]:
        """Chroma's unfiltered neighbours, more of them than k in proportion to the share that
        passes, growing until k pass or every item was fetched."""
        row = self.table().row
        total = len(mask)
        n = min(total, int(1.5 * k * total / passing) + 16)
        while True:
            hits = [h for h in self._chroma_query(vec, n, None) if h.item_id in row and mask[row[h.item_id]]]
            if len(hits) >= k or n >= total:
                return hits[:k]
            n = min(total, n * 4)

    def vectors(self, ids: Sequence[str]) -> np.ndarray:
        """Stored embeddings of `ids`, in that order, shape (len(ids), dim). Unknown id -> KeyError."""
        if not ids:
            return np.zeros((0, self.embedder.dim), dtype=np.float32)
        if self._matrix is not None:  # already read from Chroma: no round trip
            row = self.table().row
            missing = [i for i in ids if i not in row]
            if not missing:
                return self._matrix[[row[i] for i in ids]]
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
               progress: bool = True, strategy: Strategy = "auto") -> CatalogIndex:
    """A CatalogIndex over `catalog` (lazy: Chroma is opened on first search or `.ensure()`).

    With build_if_missing=True a missing, interrupted or out-of-date index is built/updated
    (only changed items are embedded) instead of raising IndexMissingError.
    """
    return CatalogIndex(catalog, embedder or default_embedder(), data_dir=data_dir, client=client,
                        build_if_missing=build_if_missing, progress=progress, strategy=strategy)
