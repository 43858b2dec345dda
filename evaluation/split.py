"""Leave-one-out by time and sampled negatives: the protocol of SASRec, LLMRank and InstructRec.

For every user, in time order (ties broken by `catalog.interactions.user_sequences`):
  ... history ..., validation target, test target
The last interaction is the test target, the one before the validation target, the rest the
history. What each model may see:
  - training (ItemCF, Popularity, SASRec, any index statistic): every user's *history part*
    only, never any user's validation or test target (`training_sequences`);
  - at test time a user's input is history + validation item (both happened before the test
    target; this is SASRec's convention); at validation time the input is the history alone.
Not enforced: a global time cut. Another user's history may contain interactions later than
this user's test timestamp, as in every leave-one-out paper; the models never see any
*target*, but they may learn a film's popularity from other users' later viewings.

Candidates: the target plus `n_neg` negatives drawn uniformly, without replacement, from the
catalog items the user never rated (any part of the sequence), with a generator seeded by
(seed, user id); then shuffled with the same generator so the target's position carries no
information. N = 19 is LLMRank's / RecLM-eval's setting, N = 9 InstructRec's.

Example:
    >>> s = leave_one_out({"u": ["1", "2", "3", "4"]})["u"]
    >>> (s.history, s.valid, s.test)
    (['1', '2'], '3', '4')
    >>> s.input_for("test"), s.input_for("valid")
    (['1', '2', '3'], ['1', '2'])
"""
from __future__ import annotations

import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

import numpy as np

Stage = Literal["valid", "test"]


@dataclass(frozen=True)
class UserSplit:
    user_id: str
    history: list[str]
    valid: str
    test: str
    rated: frozenset[str] = field(default_factory=frozenset)  # every item the user rated

    def input_for(self, stage: Stage) -> list[str]:
        """What a model may see of this user when predicting `stage`'s target."""
        return list(self.history) + [self.valid] if stage == "test" else list(self.history)

    def target(self, stage: Stage) -> str:
        return self.test if stage == "test" else self.valid


def leave_one_out(sequences: Mapping[str, Sequence[str]], min_history: int = 1) -> dict[str, UserSplit]:
    """Split each user's time-ordered item ids. Users with fewer than `min_history` + 2
    interactions are left out (every MovieLens-100K user has at least 20)."""
    out: dict[str, UserSplit] = {}
    for user, seq in sequences.items():
        seq = list(seq)
        if len(seq) < min_history + 2:
            continue
        out[user] = UserSplit(user, seq[:-2], seq[-2], seq[-1], frozenset(seq))
    return out


def training_sequences(splits: Mapping[str, UserSplit]) -> dict[str, list[str]]:
    """What models are fitted on: every user's history part, no validation or test target."""
    return {u: list(s.history) for u, s in splits.items()}


def user_rng(seed: int, user_id: str) -> np.random.Generator:
    """A generator that depends only on (seed, user): adding or sampling users changes nothing
    for the others, and runs are reproducible across processes (crc32, not hash())."""
    return np.random.default_rng([seed, zlib.crc32(user_id.encode("utf-8"))])


@dataclass(frozen=True)
class Case:
    """One user's ranking task. `target` is for scoring only; rankers never get it."""

    user_id: str
    history: list[str]  # what the ranker may use of the user's past (empty in cold start)
    candidates: list[str]  # target + negatives, shuffled
    target: str


def sample_candidates(
    split: UserSplit, universe: Sequence[str], n_neg: int, seed: int, stage: Stage = "test"
) -> list[str]:
    """The target plus `n_neg` never-rated items from `universe`, in a seeded random order."""
    rng = user_rng(seed, split.user_id)
    pool = [i for i in sorted(universe) if i not in split.rated]
    if len(pool) < n_neg:
        raise ValueError(f"user {split.user_id} has only {len(pool)} unrated items for {n_neg} negatives")
    negatives = [pool[i] for i in rng.choice(len(pool), size=n_neg, replace=False)]
    cands = [split.target(stage)] + negatives
    return [cands[i] for i in rng.permutation(len(cands))]


def make_cases(
    splits: Mapping[str, UserSplit],
    universe: Sequence[str],
    n_neg: int,
    seed: int,
    stage: Stage = "test",
    users: Sequence[str] | None = None,
) -> list[Case]:
    """One Case per user (all, or `users`); users whose target is not in `universe` are
    skipped (e.g. an item the catalog dropped), since no ranker could name it."""
    known = set(universe)
    cases = []
    for u in users if users is not None else sorted(splits, key=_natural):
        s = splits[u]
        if s.target(stage) not in known:
            continue
        cases.append(Case(u, s.input_for(stage), sample_candidates(s, universe, n_neg, seed, stage),
                          s.target(stage)))
    return cases


def sample_users(user_ids: Sequence[str], n: int | None, seed: int) -> list[str]:
    """A fixed random subset of users (all when n is None or >= len), in natural order."""
    ids = sorted(user_ids, key=_natural)
    if n is None or n >= len(ids):
        return ids
    rng = np.random.default_rng(seed)
    return sorted((ids[i] for i in rng.choice(len(ids), size=n, replace=False)), key=_natural)


def _natural(s: str) -> tuple[int, str]:
    # MovieLens ids are numbers as strings: "2" before "10".
    return (int(s), s) if s.isdigit() else (10**18, s)
