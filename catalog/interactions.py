"""MovieLens-100K ratings as user histories (the collaborative signal and the evaluation).

Example:
    >>> seqs = user_sequences(load_interactions())
    >>> len(seqs), seqs["196"][0].item_id      # 943 users, each oldest first
    (943, ...)

Tie-break: many users rated several films in the same second (415 of 943 have a tie at their
last timestamp), so order is (timestamp, numeric item id) - deterministic and documented, so
"the last item" of a leave-one-out split is the same on every machine.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from catalog.sources import movielens_file


@dataclass(frozen=True, slots=True)
class Interaction:
    """One rating: user 196 gave item 242 three stars at unix time 881250949."""

    user_id: str
    item_id: str
    rating: float
    timestamp: int


def _id_key(item_id: str) -> tuple[int, int | str]:
    # numeric ids sort numerically ("9" < "10"); any non-numeric id sorts after, as text
    return (0, int(item_id)) if item_id.isdigit() else (1, item_id)


def load_interactions(path: Path | None = None, *,
                      known_items: Iterable[str] | None = None) -> list[Interaction]:
    """All 100,000 ratings from recbole's ml-100k.inter, in file order.

    `known_items` keeps only ratings of those ids, e.g. `set(catalog.items)` to drop the few
    ratings of placeholder item 267 that the MovieLens catalog leaves out.
    """
    path = path or movielens_file("inter")
    keep = set(known_items) if known_items is not None else None
    out: list[Interaction] = []
    with open(path, encoding="utf-8") as f:
        header = next(f).rstrip("\n").split("\t")
        cols = {name.split(":")[0]: n for n, name in enumerate(header)}
        try:
            iu, ii, ir, it = cols["user_id"], cols["item_id"], cols["rating"], cols["timestamp"]
        except KeyError as e:
            raise ValueError(f"{path.name}: header lacks column {e}; expected user_id, item_id, "
                             "rating, timestamp (recbole atomic format)") from None
        for line in f:
            fields = line.rstrip("\n").split("\t")
            if len(fields) < 4:
                continue
            if keep is not None and fields[ii] not in keep:
                continue
            out.append(Interaction(fields[iu], fields[ii], float(fields[ir]),
                                   int(float(fields[it]))))
    return out


def user_sequences(interactions: Iterable[Interaction]) -> dict[str, list[Interaction]]:
    """Per user, time-ordered (oldest first); equal timestamps ordered by numeric item id."""
    by_user: dict[str, list[Interaction]] = defaultdict(list)
    for inter in interactions:
        by_user[inter.user_id].append(inter)
    return {user: sorted(seq, key=lambda x: (x.timestamp, _id_key(x.item_id)))
            for user, seq in sorted(by_user.items(), key=lambda kv: _id_key(kv[0]))}
