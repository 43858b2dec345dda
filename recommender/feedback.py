"""What the session has taught us about the user's taste: a Rocchio vector and genre affinities.

- `preference_vector(state, index)`: Rocchio (1971) on the item embeddings,
  mean(liked) + history_weight * mean(history) - beta * mean(disliked), unit length. The fast
  scorer uses the cosine of each candidate to it, so a like pulls similar items up and a
  dislike pushes them down on the very next list.
- `genre_affinity(state, catalog)`: +1 per liked item's genre, -1 per disliked, +0.5 per
  history item, divided by the largest magnitude: the genre signal of the fast scorer.
- `genre_counts(state, catalog)`: per genre, how many items the user liked, disliked and had
  seen: what the UI's taste panel says ("you liked 2 comedy films, disliked 1").
- "More like this" is a like plus a reference (`chat.state.apply_feedback(..., "more_like")`),
  so the next list is built around that item.

Example:
    v = preference_vector(state, index)       # None before any like / dislike / history
    genre_affinity(state, catalog)            # {"comedy": 1.0, "animation": 0.5, "horror": -1.0}
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Protocol

import numpy as np

from catalog.item import Item
from chat.state import DialogueState
from recommender.types import GenreTaste


class VectorSource(Protocol):
    def vectors(self, ids: list[str]) -> Any:
        """Stored embeddings of `ids` (an array in id order, or a mapping id -> vector)."""
        ...


class ItemLookup(Protocol):
    def get(self, item_id: str) -> Item | None: ...


def vectors_by_id(index: VectorSource, ids: Sequence[str]) -> dict[str, np.ndarray]:
    """Stored vectors of `ids` as {id: float32 vector}; ids the index lacks are left out.

    Accepts an index whose `vectors` returns a mapping or an array aligned with `ids`.
    """
    ids = list(dict.fromkeys(ids))
    if not ids:
        return {}
    try:
        got = index.vectors(ids)
    except KeyError:
        if len(ids) == 1:
            return {}
        # an id the index lacks (a stale saved session): fetch one by one and skip it
        out: dict[str, np.ndarray] = {}
        for i in ids:
            out.update(vectors_by_id(index, [i]))
        return out
    if isinstance(got, Mapping):
        return {i: np.asarray(v, dtype=np.float32) for i, v in got.items() if v is not None}
    arr = np.asarray(got, dtype=np.float32)
    if arr.ndim != 2 or arr.shape[0] != len(ids):
        raise ValueError(
            f"index.vectors returned shape {arr.shape} for {len(ids)} ids: expected one row per id"
        )
    return {i: arr[n] for n, i in enumerate(ids)}


def _unit(v: np.ndarray) -> np.ndarray | None:
    norm = float(np.linalg.norm(v))
    return None if norm < 1e-9 else (v / norm).astype(np.float32)


def preference_vector(
    state: DialogueState,
    index: VectorSource,
    *,
    beta: float = 0.6,
    history_weight: float = 0.5,
    history_last: int = 20,
) -> np.ndarray | None:
    """Unit Rocchio vector of the session's taste, or None when there is nothing to learn from.

    Liked items weigh 1, the last `history_last` history items `history_weight`, disliked
    items pull away with `beta`. A session with only dislikes gets a vector pointing away
    from them, which still ranks "less like that" higher.
    """
    liked = list(dict.fromkeys(state.liked_ids))
    disliked = [i for i in dict.fromkeys(state.disliked_ids) if i not in set(liked)]
    history = [i for i in state.history_ids[-history_last:] if i not in set(disliked)]
    vecs = vectors_by_id(index, liked + history + disliked)
    v: np.ndarray | None = None

    def add(ids: list[str], weight: float) -> None:
        nonlocal v
        rows = [vecs[i] for i in ids if i in vecs]
        if rows and weight:
            part = weight * np.mean(rows, axis=0)
            v = part if v is None else v + part

    add(liked, 1.0)
    add(history, history_weight)
    add(disliked, -beta)
    return None if v is None else _unit(v)


def genre_affinity(state: DialogueState, catalog: ItemLookup) -> dict[str, float]:
    """Learned genre taste in [-1, 1], strongest first (a scoring signal; the UI shows
    `genre_counts` instead). Empty before any feedback or history."""
    raw: dict[str, float] = {}
    for ids, weight in ((state.history_ids, 0.5), (state.liked_ids, 1.0), (state.disliked_ids, -1.0)):
        for item_id in ids:
            item = catalog.get(item_id)
            if item is None:
                continue
            for g in item.genres:
                raw[g] = raw.get(g, 0.0) + weight
    top = max((abs(x) for x in raw.values()), default=0.0)
    if top == 0:
        # Feedback so far cancels out (a liked and a disliked comedy): the genres stay, at 0,
        # so the chart can say "mixed" instead of pretending nothing was learned.
        return {g: 0.0 for g in sorted(raw)}
    out = {g: round(x / top, 3) for g, x in raw.items() if x != 0}
    return dict(sorted(out.items(), key=lambda kv: (-kv[1], kv[0])))


def genre_counts(state: DialogueState, catalog: ItemLookup) -> list[GenreTaste]:
    """Per genre, the session's liked, disliked and earlier-seen items, most talked-about first
    (likes and dislikes before history). Counts, not a score: one dislike in a list of comedies
    the user otherwise liked reads "liked 2, disliked 1", never a bare "-1.00".
    Example: [GenreTaste(genre="comedy", liked=2, disliked=1), GenreTaste(genre="horror", disliked=1)]"""
    counts: dict[str, dict[str, int]] = {}
    for ids, kind in ((state.liked_ids, "liked"), (state.disliked_ids, "disliked"), (state.history_ids, "seen")):
        for item_id in dict.fromkeys(ids):  # an item liked twice counts once
            item = catalog.get(item_id)
            if item is None:
                continue
            for g in item.genres:
                row = counts.setdefault(g, {"liked": 0, "disliked": 0, "seen": 0})
                row[kind] += 1
    rows = [GenreTaste(genre=g, **c) for g, c in counts.items()]
    return sorted(rows, key=lambda t: (-(t.liked + t.disliked), -t.seen, -t.liked, t.genre))
