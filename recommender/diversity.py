"""Diversity: a list should not be ten sequels of one film.

Two mechanisms, both cheap on a few dozen candidates:
- MMR (Carbonell & Goldstein, 1998) over the stored item vectors: pick next the candidate
  maximising  lam * relevance - (1 - lam) * max cosine to what is already picked
  (lam = 0.7 keeps relevance first, and breaks up near-duplicates).
- A franchise cap: titles sharing a stem ("Star Trek III: The Search for Spock",
  "Star Trek: First Contact" -> "star trek"; "Batman" and "Batman Returns") count as one
  franchise; at most `max_per_franchise` of them per list. An optional per-genre cap too.
Items skipped by the caps are appended after the picked ones, so nothing is lost when the
caller asks for more than the diverse set holds ("never an empty list while candidates exist").

Example:
    diversify(cands, k=8, vectors=vecs)   # -> 8 candidates, at most 2 of any franchise first
"""
from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

import numpy as np

from recommender.types import Candidate

_ROMAN_OR_NUMBER = re.compile(r"\s+(?:[ivx]+|\d+|part\s+[ivx\d]+)$")
_ARTICLE_SUFFIX = re.compile(r",\s*(?:the|a|an|les|la|le|il|das|der|die)$")
_ARTICLE_PREFIX = re.compile(r"^(?:the|a|an)\s+")


def franchise_stem(title: str) -> str:
    """A title reduced to its series name. Examples:
    "Star Trek VI: The Undiscovered Country" -> "star trek"; "Godfather: Part II, The" ->
    "godfather"; "Die Hard 2" -> "die hard"; "Batman Returns" -> "batman returns"."""
    t = title.lower().strip()
    t = re.sub(r"\s*\(\d{4}\)\s*$", "", t)  # a trailing "(1995)"
    t = _ARTICLE_SUFFIX.sub("", t)  # MovieLens writes "Godfather, The"
    t = t.split(":")[0].strip()
    t = _ARTICLE_SUFFIX.sub("", t)
    t = _ARTICLE_PREFIX.sub("", t)
    t = re.sub(r"[^\w\s&']", " ", t)
    t = re.sub(r"\s+", " ", t).strip()
    for _ in range(2):
        t = _ROMAN_OR_NUMBER.sub("", t).strip()
    return t


def same_franchise(a: str, b: str) -> bool:
    """Stems equal, or one is a whole-word prefix of the other ("batman" / "batman returns")."""
    if not a or not b:
        return False
    return a == b or a.startswith(b + " ") or b.startswith(a + " ")


def diversify(
    candidates: Sequence[Candidate],
    k: int,
    *,
    vectors: Mapping[str, np.ndarray] | None = None,
    lam: float = 0.7,
    max_per_franchise: int = 2,
    max_per_genre: int | None = None,
) -> list[Candidate]:
    """Re-order `candidates` (already sorted by score) so the first `k` are relevant and varied.

    Returns all candidates: the MMR-picked first `k`, then the rest in score order.
    """
    pool = list(candidates)
    if not pool or k <= 0:
        return pool
    scores = np.array([c.score for c in pool], dtype=np.float32)
    if scores.min() >= 0.0 and scores.max() <= 1.0:
        rel = scores  # the fast scorer's 0..1 scale: keep real gaps, do not stretch them
    else:
        span = float(scores.max() - scores.min())
        rel = (scores - scores.min()) / span if span > 1e-9 else np.ones_like(scores)
    stems = [franchise_stem(c.item.title) for c in pool]
    vecs: np.ndarray | None = None
    if vectors is not None and all(c.item.id in vectors for c in pool):
        vecs = np.stack([vectors[c.item.id] for c in pool]).astype(np.float32)
        norms = np.linalg.norm(vecs, axis=1, keepdims=True)
        vecs = vecs / np.maximum(norms, 1e-9)

    picked: list[int] = []
    max_sim = np.full(len(pool), -1.0, dtype=np.float32)  # to anything picked so far
    genre_count: dict[str, int] = {}
    skipped: set[int] = set()
    while len(picked) < min(k, len(pool)):
        best, best_val = -1, -np.inf
        for n in range(len(pool)):
            if n in skipped or n in picked:
                continue
            val = float(rel[n])
            if vecs is not None and picked:
                val = lam * val - (1 - lam) * max(float(max_sim[n]), 0.0)
            if val > best_val:
                best, best_val = n, val
        if best < 0:
            break
        franchise = sum(same_franchise(stems[best], stems[p]) for p in picked)
        over_genre = max_per_genre is not None and any(
            genre_count.get(g, 0) >= max_per_genre for g in pool[best].item.genres
        )
        if franchise >= max_per_franchise or over_genre:
            skipped.add(best)
            continue
        picked.append(best)
        for g in pool[best].item.genres:
            genre_count[g] = genre_count.get(g, 0) + 1
        if vecs is not None:
            max_sim = np.maximum(max_sim, vecs @ vecs[best])
    rest = [n for n in range(len(pool)) if n not in set(picked)]
    return [pool[n] for n in picked] + [pool[n] for n in rest]
