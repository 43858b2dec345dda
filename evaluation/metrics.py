"""Ranking metrics for one held-out target among sampled candidates (leave-one-out protocol).

With a single relevant item at 1-based rank r (None when the ranker left it out):
  HR@k   = 1 if r <= k else 0
  NDCG@k = 1 / log2(r + 1) if r <= k else 0      (ideal DCG is 1: one relevant item)
  MRR    = 1 / r                                  (0 when missing)
The answer is also checked the way an LLM answer must be: ids outside the candidates and
repeated ids are counted, then dropped before the rank is read (first occurrence wins).

Example:
    >>> o = score_answer(["b", "a", "zz", "b"], target="a", candidates=["a", "b", "c"])
    >>> (o.rank, o.invalid, o.duplicates)
    (2, 1, 1)
    >>> round(o.metrics()["NDCG@3"], 4), o.metrics()["HR@1"], o.metrics()["MRR"]
    (0.6309, 0.0, 0.5)
"""
from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

HR_KS = (1, 3, 5, 10)
NDCG_KS = (3, 5, 10)
METRIC_NAMES = [f"HR@{k}" for k in HR_KS] + [f"NDCG@{k}" for k in NDCG_KS] + ["MRR"]


def hit_at(rank: int | None, k: int) -> float:
    return 1.0 if rank is not None and rank <= k else 0.0


def ndcg_at(rank: int | None, k: int) -> float:
    return 1.0 / math.log2(rank + 1) if rank is not None and rank <= k else 0.0


def reciprocal_rank(rank: int | None) -> float:
    return 1.0 / rank if rank is not None else 0.0


@dataclass(frozen=True)
class Outcome:
    """One user's answer, checked: the target's rank and what was wrong with the answer."""

    rank: int | None  # 1-based rank of the target after cleaning; None = left out
    n_candidates: int
    invalid: int = 0  # ids the ranker named that were not among the candidates
    duplicates: int = 0  # ids named more than once (extra occurrences)
    latency_s: float = 0.0

    def metrics(self) -> dict[str, float]:
        out = {f"HR@{k}": hit_at(self.rank, k) for k in HR_KS}
        out.update({f"NDCG@{k}": ndcg_at(self.rank, k) for k in NDCG_KS})
        out["MRR"] = reciprocal_rank(self.rank)
        return out


def clean_answer(answer: Sequence[str], candidates: Iterable[str]) -> tuple[list[str], int, int]:
    """Drop ids outside `candidates` and repeats (first occurrence wins).
    Returns (cleaned ids, number invalid, number of duplicates)."""
    allowed = set(candidates)
    seen: set[str] = set()
    cleaned: list[str] = []
    invalid = duplicates = 0
    for i in answer:
        if i not in allowed:
            invalid += 1
        elif i in seen:
            duplicates += 1
        else:
            seen.add(i)
            cleaned.append(i)
    return cleaned, invalid, duplicates


def score_answer(
    answer: Sequence[str], target: str, candidates: Sequence[str], latency_s: float = 0.0
) -> Outcome:
    """Check one ranked answer against the held-out `target` (which must be a candidate)."""
    if target not in set(candidates):
        raise ValueError(f"target {target!r} is not among the candidates: the split is broken")
    cleaned, invalid, duplicates = clean_answer(answer, candidates)
    rank = cleaned.index(target) + 1 if target in cleaned else None
    return Outcome(rank, len(candidates), invalid, duplicates, latency_s)


def rank_by_scores(candidate_ids: Sequence[str], scores: Sequence[float] | np.ndarray) -> list[str]:
    """Candidates sorted by descending score; ties keep the candidates' given order.

    That order must carry no information (the evaluation shuffles it with the seed), otherwise
    a ranker that scores everything 0 would inherit the position of the target.
    """
    s = np.asarray(scores, dtype=np.float64)
    if s.shape != (len(candidate_ids),):
        raise ValueError(f"got {s.shape} scores for {len(candidate_ids)} candidates")
    if np.isnan(s).any():
        raise ValueError("a ranker returned NaN scores")
    order = np.argsort(-s, kind="stable")
    return [candidate_ids[i] for i in order]


def aggregate(outcomes: Sequence[Outcome]) -> dict[str, float]:
    """Mean of every metric over users, plus answer-quality shares and latency.

    `invalid_share` is the share of users whose answer named at least one id outside the
    candidates; `duplicate_share` likewise for repeated ids.
    """
    if not outcomes:
        raise ValueError("no outcomes to aggregate: did every user get filtered out?")
    per = [o.metrics() for o in outcomes]
    out = {name: float(np.mean([m[name] for m in per])) for name in METRIC_NAMES}
    lat = np.array([o.latency_s for o in outcomes])
    out["invalid_share"] = float(np.mean([o.invalid > 0 for o in outcomes]))
    out["duplicate_share"] = float(np.mean([o.duplicates > 0 for o in outcomes]))
    out["missing_share"] = float(np.mean([o.rank is None for o in outcomes]))
    out["latency_ms_mean"] = float(lat.mean() * 1000)
    out["latency_ms_p95"] = float(np.percentile(lat, 95) * 1000)
    out["users"] = float(len(outcomes))
    return out
