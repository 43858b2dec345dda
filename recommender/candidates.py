"""Candidate generation: every item worth scoring for this turn, and nothing the user ruled out.

The union of four sources, each honouring the hard constraints:
  (a) vector search on the intention text (+ the stated taste), constraints as a Chroma `where`;
  (b) neighbours of liked and reference items (`index.similar_to`, same filters);
  (c) collaborative neighbours (item-CF) of history + liked + reference ids, re-checked with
      `Filters.allows` because they do not come from Chroma;
  (d) when nothing is searched for (only constraints, e.g. "films under 90 minutes") or the
      other sources found too little: the most popular items that pass the filters;
  (e) when the intention leans to genres the hard filters do not demand ("maybe a western?",
      "lighter" -> comedy): the most popular items with those genres that pass the filters, so a
      soft wish can change the list (the words of the first request alone never found a western).
Disliked ids are always excluded (in the Chroma filter and again in Python), and so are the
reference items themselves ("like Toy Story" does not recommend Toy Story). Items already shown
may come back. Every candidate then gets the same signals, whatever source brought it in:
semantic (cosine to the query), reference (max cosine to a reference item), collab (item-CF)
and popularity, plus `from_<source>` flags for inspection.

Example:
    cands = generate(instruction, state, index=index, catalog=catalog, collab=item_cf)
    all(instruction.constraints.allows(c.item) for c in cands)   # always True
"""
from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

import numpy as np

from catalog.filters import Filters
from catalog.item import Item
from chat.instruction import Instruction
from chat.state import DialogueState
from recommender.feedback import vectors_by_id
from recommender.types import Candidate


class Hit(Protocol):
    item_id: str
    score: float


class CandidateIndex(Protocol):
    """What candidate generation needs from `catalog.search.CatalogIndex`."""

    def embed_query(self, text: str) -> np.ndarray: ...

    def search_by_vector(self, vector: np.ndarray, filters: Filters | None = None, k: int = 10) -> list[Any]: ...

    def similar_to(self, ids: Sequence[str], filters: Filters | None = None, k: int = 10) -> list[Any]: ...

    def vectors(self, ids: list[str]) -> Any: ...


class CatalogLike(Protocol):
    def get(self, item_id: str) -> Item | None: ...

    def popularity(self, item_id: str) -> float: ...

    def __iter__(self): ...


class CollabLike(Protocol):
    def score(self, history_ids: Sequence[str], candidate_ids: Sequence[str]) -> np.ndarray: ...

    def neighbours(self, history_ids: Sequence[str], k: int = 50, exclude: Sequence[str] = ()) -> list[tuple[str, float]]: ...


class QueryCache:
    """Wraps an index so repeated query texts are embedded once (refinements, re-explained
    lists, many users asking for "comedies"). A bounded cache of a pure function: no per-user
    state. Every other attribute is the wrapped index's.

    Example: index = QueryCache(open_index(catalog)); index.embed_query("comedies")  # cached
    """

    def __init__(self, index: CandidateIndex, maxsize: int = 512) -> None:
        self._index = index
        self._maxsize = maxsize
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()

    def embed_query(self, text: str) -> np.ndarray:
        with self._lock:
            if text in self._cache:
                self._cache.move_to_end(text)
                return self._cache[text]
        vec = np.asarray(self._index.embed_query(text), dtype=np.float32)
        vec.setflags(write=False)  # shared between callers: nobody may change it in place
        with self._lock:
            self._cache[text] = vec
            while len(self._cache) > self._maxsize:
                self._cache.popitem(last=False)
        return vec

    def __getattr__(self, name: str) -> Any:
        return getattr(self._index, name)


@dataclass
class Retrieved:
    """Candidates plus what was computed on the way (reused by the scorer and diversity)."""

    candidates: list[Candidate]
    filters: Filters  # the filters actually applied (constraints + dislikes + references)
    vectors: dict[str, np.ndarray] = field(default_factory=dict)  # id -> stored vector
    query: str = ""


_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]")
_LATIN_WORDS = re.compile(r"[A-Za-z][A-Za-z0-9'&:.\- ]*[A-Za-z0-9]")


def query_text(instruction: Instruction, state: DialogueState | None = None, *,
               english_only: bool = True) -> str:
    """What is embedded for the semantic search: the intention, plus an explicit taste.

    The shipped embedder (MiniLM) is English-only: Chinese text embeds to noise. So with
    `english_only`, a request with Chinese characters is searched with its structured part
    in English instead (the genres the parser understood, plus any Latin-script words such as
    a title), or not searched at all (popular items + neighbours + item-CF then fill the list).
    Example: "推荐几部科幻片" (include_genres=["sci-fi"]) -> "sci-fi films"
    """
    parts = [instruction.intention.text.strip(), instruction.preference.text.strip()]
    if state is not None and not parts[1]:
        parts[1] = state.preference_text.strip()
    text = ". ".join(p for p in dict.fromkeys(parts) if p)
    if english_only and _CJK.search(text):
        latin = [w for w in _LATIN_WORDS.findall(text) if len(w) > 1]
        genres = " and ".join(instruction.constraints.include_genres)
        return " ".join([*latin, f"{genres} films" if genres else ""]).strip()
    return text


def effective_filters(instruction: Instruction, state: DialogueState, *, exclude_references: bool = True) -> Filters:
    """The instruction's constraints, with every disliked id (and the reference items) excluded."""
    refs = reference_ids(instruction, state) if exclude_references else []
    excluded = list(dict.fromkeys([*instruction.constraints.exclude_ids, *state.disliked_ids, *refs]))
    return instruction.constraints.model_copy(update={"exclude_ids": excluded})


def reference_ids(instruction: Instruction, state: DialogueState) -> list[str]:
    disliked = set(state.disliked_ids)
    ids = dict.fromkeys([*instruction.reference_ids, *state.reference_ids])
    return [i for i in ids if i not in disliked]


def hidden_gem(item: Item, catalog: Any) -> float:
    """How much of a hidden gem a film is ("any hidden gems?", "冷门一点的"): well rated, the rating
    trusted only as far as its votes allow (a Bayesian average pulled to 5.5 with the weight of 2,000
    votes), and little watched. A well rated little-watched film comes first, then a famous great one,
    then a little-watched mediocre one (Booty Call, IMDb 4.9, is no gem). Unrated films count as 4/10."""
    votes = float(item.votes or 0)
    rating = ((item.rating or 4.0) * votes + 5.5 * 2000.0) / (votes + 2000.0) if item.rating is not None else 4.0
    pop = float(catalog.popularity(item.id)) if hasattr(catalog, "popularity") else 0.0
    return 2.0 * rating / 10.0 - 0.6 * pop


def popularity_prior(item: Item, catalog: Any) -> float:
    """0..1: mostly how many people watched it (catalog.popularity), a little of its rating."""
    pop = float(catalog.popularity(item.id)) if hasattr(catalog, "popularity") else 0.0
    rating = (item.rating or 0.0) / 10.0
    return 0.7 * pop + 0.3 * rating


_ORDERS: dict[tuple[int, str], tuple[Any, list[Item]]] = {}


def _ordered(catalog: CatalogLike, name: str, score: Any) -> list[Item]:
    """The catalog's items sorted by `score(item, catalog)`, highest first (ties by id), once per
    catalog and order name; one catalog per process in practice, so older ones are dropped."""
    key = (id(catalog), name)
    cached = _ORDERS.get(key)
    if cached is None or cached[0] is not catalog:
        items = sorted(catalog, key=lambda it: (-score(it, catalog), it.id))
        for old in [k for k in _ORDERS if k[0] != id(catalog)]:
            del _ORDERS[old]
        _ORDERS[key] = cached = (catalog, items)
    return cached[1]


def by_popularity(catalog: CatalogLike) -> list[Item]:
    """The catalog's items, most popular first (`popularity_prior`)."""
    return _ordered(catalog, "popularity", popularity_prior)


def by_hidden_gem(catalog: CatalogLike) -> list[Item]:
    """The catalog's items, most of a hidden gem first (`hidden_gem`)."""
    return _ordered(catalog, "hidden_gem", hidden_gem)


def retrieve(
    instruction: Instruction,
    state: DialogueState,
    *,
    index: CandidateIndex,
    catalog: CatalogLike,
    collab: CollabLike | None = None,
    k_semantic: int = 60,
    k_neighbours: int = 30,
    k_collab: int = 30,
    k_fallback: int = 40,
    min_candidates: int | None = None,
) -> Retrieved:
    """Generate candidates (module doc) and keep the vectors and filters used."""
    filters = effective_filters(instruction, state)
    banned = set(filters.exclude_ids)
    # a film the catalog lists twice (same title and year) is shown once, under its canonical id, and is
    # out when either id was excluded ("seen kull the conqueror" rules out both rows)
    canonical = getattr(catalog, "canonical", None) or (lambda i: i)
    banned_films = {canonical(i) for i in banned}
    min_candidates = instruction.k * 2 if min_candidates is None else min_candidates
    found: dict[str, dict[str, float]] = {}  # id -> source flags, insertion order = discovery

    def add(item_id: str, source: str) -> None:
        item = catalog.get(item_id)
        # belt and braces: whatever a source returns, only real catalog items that pass
        if item is None or item_id in banned or not filters.allows(item):
            return
        if canonical(item_id) != item_id or item_id in banned_films:
            return  # the other row of a film listed twice, or a film excluded under its other id
        found.setdefault(item_id, {})[f"from_{source}"] = 1.0

    query = query_text(instruction, state)
    qvec: np.ndarray | None = None
    if query:
        qvec = np.asarray(index.embed_query(query), dtype=np.float32)
        for hit in index.search_by_vector(qvec, filters, k_semantic):
            add(hit.item_id, "semantic")

    if filters.people:  # a people filter is checked in code: take every item that passes it
        for item in catalog:
            if len(found) >= 200:
                break
            add(item.id, "people")
    refs = reference_ids(instruction, state)
    liked = [i for i in state.liked_ids if i not in set(state.disliked_ids)]
    seeds = [i for i in dict.fromkeys(refs + liked) if catalog.get(i) is not None]
    if seeds:
        for hit in index.similar_to(seeds, filters, k_neighbours):
            add(hit.item_id, "neighbours")

    # the films the request is "like" count as watched here too: "something like Heat" brings in what
    # people who watched Heat watched (Casino, Ronin), not only descriptions that read like Heat's
    history = [i for i in dict.fromkeys(state.history_ids + liked + refs) if i not in set(state.disliked_ids)]
    if collab is not None and history:
        taken = 0
        for item_id, _s in collab.neighbours(history, k=k_collab * 4, exclude=sorted(banned)):
            before = len(found)
            add(item_id, "collab")
            taken += len(found) > before
            if taken >= k_collab:
                break

    # A cold start (no film named, liked or watched) searches the request's words only, and a generic
    # request ("a few 90s comedies") finds the films whose descriptions say so most, not the ones people
    # like: the well-liked films that pass the filters join the candidates.
    def take(items: Sequence[Item], source: str, wanted=lambda it: True) -> None:
        """The first k_fallback of `items` that pass the filters (and `wanted`), as `source`."""
        taken = 0
        for it in items:
            if taken >= k_fallback:
                break
            if wanted(it) and it.id not in banned and filters.allows(it):
                add(it.id, source)
                taken += 1

    cold = not seeds and not history
    if not query or len(found) < min_candidates or cold:
        take(by_popularity(catalog), "popular")

    # "any hidden gems?", "冷门一点的": the well rated films few watched that pass the filters join (the
    # popular ones the other sources bring are what the user asked to get away from)
    if "lesser-known" in instruction.intention.moods:
        take(by_hidden_gem(catalog), "gem")

    # A soft genre wish ("maybe a western?", "they like westerns") is not a filter, and neither the
    # words of the request it follows nor the user's films need to bring any film of that genre in.
    leaning = set(instruction.leaning_genres())
    if leaning:
        take(by_popularity(catalog), "leaning", lambda it: bool(leaning & {g.lower() for g in it.genres}))

    cands, vecs = annotate(list(found), instruction, state, index=index, catalog=catalog,
                           collab=collab, qvec=qvec, sources=found)
    return Retrieved(candidates=cands, filters=filters, vectors=vecs, query=query)


def annotate(
    ids: Sequence[str],
    instruction: Instruction,
    state: DialogueState,
    *,
    index: CandidateIndex,
    catalog: CatalogLike,
    collab: CollabLike | None = None,
    qvec: np.ndarray | None = None,
    sources: dict[str, dict[str, float]] | None = None,
) -> tuple[list[Candidate], dict[str, np.ndarray]]:
    """Candidates for given catalog ids with every signal computed the same way, plus the
    vectors fetched. Used by `retrieve`, and to re-explain a list that stays on screen.
    `qvec` is the query vector (embedded here from the instruction when None)."""
    ids = [i for i in dict.fromkeys(ids) if catalog.get(i) is not None]
    if qvec is None:
        query = query_text(instruction, state)
        qvec = np.asarray(index.embed_query(query), dtype=np.float32) if query else None
    refs = reference_ids(instruction, state)
    liked = [i for i in state.liked_ids if i not in set(state.disliked_ids)]
    # item-CF reads the films the request is "like" too: "something like Heat" is also "what people
    # who watched Heat watched", not only films whose descriptions read like it
    history = [i for i in dict.fromkeys(state.history_ids + liked + refs) if i not in set(state.disliked_ids)]
    vecs = vectors_by_id(index, ids + refs) if ids else {}
    n = len(ids)
    dim = next(iter(vecs.values())).shape[0] if vecs else 0
    mat = np.stack([vecs.get(i, np.zeros(dim, np.float32)) for i in ids]) if (n and dim) else None

    semantic = (mat @ qvec) if (mat is not None and qvec is not None) else np.zeros(n, np.float32)
    reference = np.zeros(n, np.float32)
    ref_best: list[str | None] = [None] * n
    ref_rows = [i for i in refs if i in vecs]
    if mat is not None and ref_rows:
        sims = mat @ np.stack([vecs[i] for i in ref_rows]).T
        reference = sims.max(axis=1)
        ref_best = [ref_rows[int(j)] for j in sims.argmax(axis=1)]
    collab_scores = (
        np.asarray(collab.score(history, ids), dtype=np.float32)
        if (collab is not None and history and ids) else np.zeros(n, np.float32)
    )

    # which recent history item each candidate co-occurs with most: "people who watched X"
    collab_best: list[str | None] = [None] * n
    recent = history[-10:]
    if collab is not None and recent and ids and float(collab_scores.max(initial=0.0)) > 0:
        per = np.stack([np.asarray(collab.score([h], ids), dtype=np.float32) for h in recent])
        collab_best = [recent[int(j)] if per[int(j), k] > 0 else None
                       for k, j in enumerate(per.argmax(axis=0))]

    out: list[Candidate] = []
    for k, item_id in enumerate(ids):
        item = catalog.get(item_id)
        assert item is not None  # filtered above
        signals = dict((sources or {}).get(item_id, {}))
        signals.update(
            semantic=round(float(semantic[k]), 6),
            reference=round(float(reference[k]), 6),
            collab=round(float(collab_scores[k]), 6),
            popularity=round(popularity_prior(item, catalog), 6),
        )
        evidence = {"reference": ref_best[k]} if ref_best[k] is not None else {}
        if collab_best[k] is not None:
            evidence["collab"] = collab_best[k]
        out.append(Candidate(item=item, signals=signals, evidence=evidence))
    return out, vecs


def generate(
    instruction: Instruction,
    state: DialogueState,
    *,
    index: CandidateIndex,
    catalog: CatalogLike,
    collab: CollabLike | None = None,
    k_semantic: int = 60,
    **kwargs: Any,
) -> list[Candidate]:
    """Candidates for this turn (see `retrieve` for the vectors and filters too)."""
    return retrieve(instruction, state, index=index, catalog=catalog, collab=collab,
                    k_semantic=k_semantic, **kwargs).candidates
