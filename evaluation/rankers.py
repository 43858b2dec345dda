"""Every ranker of the evaluation behind one protocol: `rank(queries) -> ranked candidate ids`.

Baselines (random, popularity, content, item-CF, SASRec), the app's fast scorer, a Borda fusion
and the app's LLM ranker (on a fixed user sample).
"""
from __future__ import annotations

import os
import time
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Protocol

import numpy as np

from evaluation.data import HISTORY_FOR_TEXT, EvalData, Query
from evaluation.metrics import (
    rank_by_scores,
)
from evaluation.split import (
    user_rng,
)
from lm import DEFAULT_OPTIONS
from recommender.collab import Popularity


class Ranker(Protocol):
    name: str

    def rank(self, queries: Sequence[Query]) -> list[list[str]]:
        """One ranked list of candidate ids per query (best first)."""
        ...



# --------------------------------------------------------------------------- baselines
class RandomRanker:
    name = "random"

    def __init__(self, seed: int) -> None:
        self.seed = seed

    def rank(self, queries: Sequence[Query]) -> list[list[str]]:
        out = []
        for q in queries:
            rng = user_rng(self.seed + 7919, q.user_id)  # not the negatives' generator
            out.append([q.candidates[i] for i in rng.permutation(len(q.candidates))])
        return out


class ScoreRanker:
    """Any `score(query) -> array` turned into a ranker (ties keep the shuffled order)."""

    def __init__(self, name: str, score: Callable[[Query], np.ndarray]) -> None:
        self.name = name
        self._score = score

    def rank(self, queries: Sequence[Query]) -> list[list[str]]:
        return [rank_by_scores(q.candidates, self._score(q)) for q in queries]


def popularity_ranker(data: EvalData) -> ScoreRanker:
    return ScoreRanker("popularity", lambda q: data.popularity.score(q.candidates))


def itemcf_ranker(data: EvalData) -> ScoreRanker:
    return ScoreRanker("itemcf", lambda q: data.itemcf.score(q.history, q.candidates))


class ContentRanker:
    """Cosine of each candidate to the mean of the last history vectors, plus to the intention."""

    name = "content"

    def __init__(self, data: EvalData) -> None:
        self.data = data

    def rank(self, queries: Sequence[Query]) -> list[list[str]]:
        vecs = self.data.vectors()
        out = []
        for q in queries:
            cand = np.stack([vecs[c] for c in q.candidates])
            score = np.zeros(len(q.candidates))
            hist = [vecs[h] for h in q.history[-HISTORY_FOR_TEXT:] if h in vecs]
            if hist:
                u = np.mean(hist, axis=0)
                score += cand @ (u / (np.linalg.norm(u) + 1e-9))
            if q.intention_genres:
                score += cand @ self.data.intention_vec(q.intention_text)
            out.append(rank_by_scores(q.candidates, score))
        return out


class SASRecRanker:
    """A next-item model (SASRec, GRU4Rec) ranking by its logits after the history."""

    def __init__(self, model: Any, name: str = "sasrec") -> None:
        self.model, self.name = model, name

    def rank(self, queries: Sequence[Query]) -> list[list[str]]:
        out: list[list[str]] = []
        for b in range(0, len(queries), 256):
            chunk = queries[b : b + 256]
            scores = self.model.score_batch([q.history for q in chunk], [q.candidates for q in chunk])
            out.extend(rank_by_scores(q.candidates, s) for q, s in zip(chunk, scores))
        return out


# --------------------------------------------------------------------------- the project's rankers
class _TrainingCatalog:
    """The catalog, but with a popularity prior counted on the training part only: the real
    catalog's `num_ratings` counts every rating, test targets included (a leak)."""

    def __init__(self, catalog: Any, popularity: Popularity) -> None:
        self._catalog, self._pop = catalog, popularity

    def get(self, item_id: str):
        return self._catalog.get(item_id)

    def popularity(self, item_id: str) -> float:
        return float(self._pop.score([item_id])[0])

    def __iter__(self):
        return iter(self._catalog)


class _Vectors:
    """The VectorSource the fast scorer reads: stored item vectors by id."""

    def __init__(self, vecs: Mapping[str, np.ndarray]) -> None:
        self._vecs = vecs

    def vectors(self, ids: list[str]) -> dict[str, np.ndarray]:
        return {i: self._vecs[i] for i in ids if i in self._vecs}


class FastRanker:
    """The app's `FastScorer`, fed the same signals `candidates.generate` computes in the app:
    semantic (cosine of the item to the intention text), collab (ItemCF on the history),
    popularity (`popularity_prior` over a training-only count), and the scorer's own affinity
    and genre signals from `DialogueState.history_ids`."""

    name = "fast"

    def __init__(self, data: EvalData, weights: Mapping[str, float] | None = None,
                 sequential: Any = None) -> None:
        from recommender.score import FastScorer

        self.data = data
        # `sequential`: the SASRec fitted on the training part (the same object as the sasrec
        # baseline's), as the app's FastScorer gets the one fitted on all interactions
        self.scorer = FastScorer(weights, sequential=sequential)
        self._catalog = _TrainingCatalog(data.catalog, data.popularity)
        self._memo: dict[tuple, list[str]] = {}  # fused rankers re-ask for the same queries

    def instruction(self, q: Query):
        from chat.instruction import Instruction, Intention, Preference

        pref = Preference(kind="implicit", item_ids=list(q.history[-HISTORY_FOR_TEXT:])) if q.history else Preference()
        intent = (Intention(kind="specific", text=q.intention_text, genres=[g.lower() for g in q.intention_genres])
                  if q.intention_genres else Intention())
        return Instruction(action="new", preference=pref, intention=intent, task="rank")

    def candidates(self, q: Query):
        from recommender.candidates import popularity_prior
        from recommender.types import Candidate

        vecs = self.data.vectors()
        sem = np.zeros(len(q.candidates))
        if q.intention_genres:
            sem = np.stack([vecs[c] for c in q.candidates]) @ self.data.intention_vec(q.intention_text)
        collab = self.data.itemcf.score(q.history, q.candidates) if q.history else np.zeros(len(q.candidates))
        out = []
        for n, cid in enumerate(q.candidates):
            item = self.data.catalog.get(cid)
            out.append(Candidate(item=item, signals={
                "semantic": float(sem[n]), "reference": 0.0, "collab": float(collab[n]),
                "popularity": popularity_prior(item, self._catalog)}))
        return out

    def scored(self, q: Query):
        from chat.state import DialogueState

        state = DialogueState(history_ids=list(q.history))
        return self.scorer.score(self.instruction(q), state, self.candidates(q),
                                 index=_Vectors(self.data.vectors()), catalog=self._catalog,
                                 vectors=self.data.vectors())

    def rank(self, queries: Sequence[Query]) -> list[list[str]]:
        out = []
        for q in queries:
            key = (q.user_id, tuple(q.history), tuple(q.candidates), q.intention_genres)
            if key not in self._memo:
                self._memo[key] = [c.item.id for c in self.scored(q)]
            out.append(self._memo[key])
        return out


class FusedRanker:
    """Weighted Borda fusion: each ranker's rank turned into a 0..1 score ((k-1-pos)/(k-1)),
    weighted and summed, so no raw scale dominates. A part marked `needs_history` counts only
    for users with a history (a sequential model knows nothing about a cold-start intention).
    Example: FusedRanker("fast+sasrec", [(fast, 1.0, False), (sasrec, 0.5, True)])."""

    def __init__(self, name: str, parts: Sequence[tuple[Ranker, float, bool]]) -> None:
        self.name = name
        self.parts = list(parts)

    def rank(self, queries: Sequence[Query]) -> list[list[str]]:
        orders = [(r.rank(queries), w, needs) for r, w, needs in self.parts]
        out = []
        for n, q in enumerate(queries):
            k = len(q.candidates)
            score = np.zeros(k)
            for ranked, w, needs in orders:
                if needs and not q.history:
                    continue
                pos = {cid: p for p, cid in enumerate(ranked[n])}
                score += w * np.array([(k - 1 - pos[c]) / max(k - 1, 1) for c in q.candidates])
            out.append(rank_by_scores(q.candidates, score))
        return out


class CountingLLM:
    """Wraps an LLM to count calls and model failures: `LLMRanker.rank_ids` falls back to the
    fast order on an LLMError, and the report must say how often that happened."""

    def __init__(self, llm: Any) -> None:
        self.llm, self.name = llm, getattr(llm, "name", "llm")
        self.calls = self.failures = 0
        self.seconds = 0.0

    def complete(self, messages, options=DEFAULT_OPTIONS) -> str:
        from lm import LLMError

        self.calls += 1
        t0 = time.perf_counter()
        try:
            return self.llm.complete(messages, options)
        except LLMError:
            self.failures += 1
            raise
        finally:
            self.seconds += time.perf_counter() - t0

    def stream(self, messages, options=DEFAULT_OPTIONS):
        return self.llm.stream(messages, options)


class LLMEvalRanker:
    """The app's `LLMRanker` over the candidates in the project's fast order: in item mode the final
    order of `rank()` (what the app shows), in list mode `rank_ids`; the instruction text comes from
    `chat.verbalise.verbalise` (InstructRec templates)."""

    name = "llm"

    def __init__(self, data: EvalData, llm_ranker: Any, base: FastRanker, lang: str = "en",
                 progress: Callable[[int, int, float], None] | None = None) -> None:
        self.data, self.llm_ranker, self.base, self.lang = data, llm_ranker, base, lang
        self.progress = progress

    def rank(self, queries: Sequence[Query]) -> list[list[str]]:
        from chat.instruction import Instruction
        from chat.verbalise import verbalise

        out = []
        t0 = time.perf_counter()
        for n, q in enumerate(queries):
            cands = self.base.scored(q)
            inst = self.base.instruction(q)
            history_titles = [self.data.title_of(i) for i in q.history[-HISTORY_FOR_TEXT:]]
            # the candidate list is given by the ranker's own prompt; retrieve-form keeps the
            # instruction free of a second copy
            text = verbalise(inst.model_copy(update={"task": "retrieve"}), history_titles=history_titles,
                             liked_titles=[], lang=self.lang)
            if getattr(self.llm_ranker, "mode", "list") == "item":
                # what the app shows: the final order of the streamed ranking (reasons written too)
                final = None
                for final in self.llm_ranker.rank(Instruction(language=self.lang), cands, instruction_text=text):
                    pass
                out.append(final.order if final is not None else [c.item.id for c in cands])
            else:
                out.append(self.llm_ranker.rank_ids(text, cands, self.lang))
            if self.progress:
                self.progress(n + 1, len(queries), time.perf_counter() - t0)
        return out


# --------------------------------------------------------------------------- running

def _fast_config(overrides: Mapping[str, float] | None) -> dict[str, float]:
    """The weights the 'fast' row really used: the app's `ScoreWeights()` defaults plus any
    --fast-weights override (none in the published report, so the row is the app's scorer)."""
    from recommender.score import ScoreWeights

    return {**ScoreWeights().model_dump(), **dict(overrides or {})}


def _threads() -> int:
    return int(os.environ.get("OMP_NUM_THREADS", "2") or 2)


def default_sasrec(seed: int):
    """The app's SASRec configuration (recommender.sequential.SASREC_CONFIG), early-stopped."""
    from recommender.sequential import sasrec

    return sasrec(seed=seed, threads=_threads(), **_epochs())


def default_gru4rec(seed: int):
    """The app's GRU4Rec configuration (recommender.sequential.GRU4REC_CONFIG), early-stopped."""
    from recommender.sequential import gru4rec

    return gru4rec(seed=seed, threads=_threads(), **_epochs())


def _epochs() -> dict[str, int]:
    e = os.environ.get("RECSYS_SASREC_EPOCHS")
    return {"epochs": int(e)} if e else {}


def validation_scorer(data: EvalData, n_neg: int = 19):
    """Early stopping's signal: expected NDCG@10 (N=19 sampled negatives) of every user's
    validation target after their history part. The test targets are never read."""
    from recommender.sequential import NextItemValidator

    users = sorted(data.splits)
    return NextItemValidator([data.splits[u].input_for("valid") for u in users],
                             [data.splits[u].valid for u in users],
                             [data.splits[u].rated for u in users], n_neg=n_neg, universe=data.universe)


def curve_summary(model: Any) -> dict[str, Any]:
    """What the report shows of a model's training: the curve, the kept epoch and the time."""
    return {"best_epoch": model.best_epoch, "seconds": round(model.train_seconds, 1),
            "epochs": [{"epoch": e.epoch, "loss": round(e.loss, 4),
                        "valid_ndcg10": None if e.valid is None else round(e.valid, 4)} for e in model.curve]}
