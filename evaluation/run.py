"""Offline evaluation on MovieLens-100K, the way LLMRank / RecLM-eval and InstructRec measure.

    python -m evaluation                       # both protocols, all variants, 3 seeds
    python -m evaluation --protocol n9 --variant preference+intention --seeds 1
    python -m evaluation --llm llamacpp --llm-users 50   # adds the LLM ranker

Protocol (evaluation/split.py): leave-one-out by time; the test target plus N negatives the
user never rated (N = 19 "n19", N = 9 "n9"); every ranker ranks the *same* candidates in the
same run. Models and statistics (ItemCF, Popularity, SASRec, the fast scorer's popularity
prior) are fitted on every user's history part only.

Instruction variants (InstructRec):
  preference            the user's history (recent items; titles for the LLM), no intention
  preference+intention  history + the target's genres as a specific intention
  intention             the target's genres only (cold start: no history)
"The target's genres" is the paper's setting: it lets a genre match rule out negatives of
other genres, which is why that variant scores far higher. Rankers that read no intention
(random, popularity, ItemCF, SASRec) rank the same way in both history variants.

Rankers: random, popularity, content (MiniLM cosine to the mean of the last 20 history items,
plus to the intention text), itemcf, sasrec and gru4rec (full-softmax next-item models early-stopped on
the validation targets), fast (the app's `FastScorer` fed the signals that
`candidates.generate` computes, with a training-only popularity prior), fast+sasrec (see
`FusedRanker`) and llm (the app's `LLMRanker.rank_ids` over the fast order, on a user sample).

Output: reports/eval_movielens.{md,json,png} with machine, date, seeds, sample sizes, mean and
standard deviation over seeds (negatives, the random ranker and SASRec's init change per seed).
"""
from __future__ import annotations

import os
import platform
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime, timezone
from typing import Any

import numpy as np

from evaluation.data import (
    ALL_RANKERS,
    DEFAULT_RANKERS,
    ENSEMBLE,
    PROTOCOLS,
    VARIANTS,
    EvalData,
    Query,
    make_query,
)
from evaluation.metrics import (
    Outcome,
    aggregate,
    score_answer,
)
from evaluation.rankers import (
    ContentRanker,
    CountingLLM,
    FastRanker,
    FusedRanker,
    LLMEvalRanker,
    RandomRanker,
    Ranker,
    SASRecRanker,
    _fast_config,
    curve_summary,
    default_gru4rec,
    default_sasrec,
    validation_scorer,
    itemcf_ranker,
    popularity_ranker,
)
from evaluation.split import (
    make_cases,
    sample_users,
)


def run_ranker(ranker: Ranker, queries: Sequence[Query], targets: Sequence[str]) -> list[Outcome]:
    """Rank every query; latency is the ranker's time per user (batch time / users)."""
    t0 = time.perf_counter()
    answers = ranker.rank(queries)
    per_user = (time.perf_counter() - t0) / max(len(queries), 1)
    return [score_answer(a, t, q.candidates, per_user) for a, t, q in zip(answers, targets, queries)]


def eta_printer(label: str) -> Callable[[int, int, float], None]:
    def show(done: int, total: int, elapsed: float) -> None:
        left = elapsed / done * (total - done)
        print(f"\r  {label}: {done}/{total} users, {elapsed:.0f} s elapsed, ~{left:.0f} s left",
              end="\n" if done == total else "", file=sys.stderr, flush=True)

    return show


def summarise(per_seed: list[dict[str, float]]) -> dict[str, dict[str, Any]]:
    """{metric: {mean, std, seeds: [...]}}; std is the population std over seeds (0 with one)."""
    out = {}
    for key in per_seed[0]:
        vals = [s[key] for s in per_seed]
        out[key] = {"mean": float(np.mean(vals)), "std": float(np.std(vals)), "seeds": vals}
    return out


def evaluate(
    data: EvalData,
    *,
    protocols: Sequence[str] = tuple(PROTOCOLS),
    variants: Sequence[str] = VARIANTS,
    rankers: Sequence[str] = DEFAULT_RANKERS,
    seeds: Sequence[int] = (0, 1, 2),
    users: int | None = None,
    llm_users: int = 50,
    llm: Any = None,
    sasrec_factory: Callable[[int], Any] | None = None,
    gru4rec_factory: Callable[[int], Any] | None = None,
    sasrec_per_seed: bool = False,
    fast_weights: Mapping[str, float] | None = None,
    stage: str = "test",
    sasrec_weight: float = 0.5,
    llm_timeout_s: float = 120.0,
    llm_mode: str = "item",
    llm_fusion: Sequence[float] = (),
    update_epochs: int | None = None,
) -> dict[str, Any]:
    """Run every (protocol, variant, ranker) over `seeds`; returns the JSON-ready results."""
    if update_epochs is None:
        from recommender.sequential import UPDATE_EPOCHS

        update_epochs = UPDATE_EPOCHS
    unknown = set(rankers) - set(ALL_RANKERS)
    if unknown:
        raise ValueError(f"unknown ranker(s) {sorted(unknown)}: choose from {', '.join(ALL_RANKERS)}")
    if "llm" in rankers and llm is None:
        raise ValueError("ranker 'llm' needs an LLM: pass --llm llamacpp (or another spec, see --help)")
    for p in protocols:
        if p not in PROTOCOLS:
            raise ValueError(f"unknown protocol {p!r}: use n19, n9 or both")
    user_ids = sample_users(list(data.splits), users, seed=0)
    llm_user_ids = set(sample_users(user_ids, llm_users, seed=0))
    timings: dict[str, float] = {}
    # the app's fast scorer reads SASRec too (its "sequential" signal) unless its weight is 0
    fast_uses_sasrec = _fast_config(fast_weights)["sequential"] != 0
    # ... the ensemble of the sasrec and gru4rec baselines, as in the app
    needs_seq = ({"sasrec", "gru4rec", ENSEMBLE, "fast+sasrec"}
                 | ({"fast", "llm"} if fast_uses_sasrec else set())) & set(rankers)
    if needs_seq and sasrec_factory is None:
        sasrec_factory = default_sasrec
    if needs_seq and gru4rec_factory is None:
        gru4rec_factory = default_gru4rec
    factories = {"sasrec": sasrec_factory, "gru4rec": gru4rec_factory}
    seq_models: dict[tuple[str, int], Any] = {}
    curves: dict[str, dict[str, Any]] = {}
    validator = None

    def sequential_for(kind: str, seed: int):
        """The sequential model `kind`, fitted once on the training part (per seed with
        sasrec_per_seed), early-stopped on every user's validation target."""
        nonlocal validator
        key = (kind, seed if sasrec_per_seed else seeds[0])
        if key not in seq_models:
            if validator is None:
                validator = validation_scorer(data)
            t0 = time.perf_counter()
            print(f"training {kind} (seed {key[1]}) on {len(data.train)} training sequences ...",
                  file=sys.stderr, flush=True)
            model = factories[kind](key[1])
            seq_models[key] = model.fit(data.train, validate=validator, progress=lambda m, r: print(
                f"  {kind} epoch {r.epoch}: loss {r.loss:.3f}, validation NDCG@10 {r.valid:.4f}, "
                f"{time.perf_counter() - t0:.0f} s", file=sys.stderr, flush=True))
            timings[f"{kind}_train_s_seed{key[1]}"] = time.perf_counter() - t0
            curves[f"{kind} (seed {key[1]})"] = curve_summary(model)
            if stage == "test" and update_epochs > 0:
                # the validation targets happened before the test targets: learn them too (a
                # short continuation from the early-stopped weights), never a test target
                t1 = time.perf_counter()
                model.update({u: data.splits[u].input_for("test") for u in sorted(data.splits)},
                             epochs=update_epochs)
                timings[f"{kind}_update_s_seed{key[1]}"] = time.perf_counter() - t1
                curves[f"{kind} (seed {key[1]})"]["update_epochs"] = update_epochs
        return seq_models[key]

    def sasrec_for(seed: int):
        return sequential_for("sasrec", seed)

    def ensemble_for(seed: int):
        """The app's sequential signal: the two fitted baselines above, averaged (same objects)."""
        from recommender.sequential import Ensemble

        return Ensemble([sequential_for("sasrec", seed), sequential_for("gru4rec", seed)])

    if {"content", "fast", "fast+sasrec", "llm"} & set(rankers):
        t0 = time.perf_counter()
        data.vectors()  # embed (or load) the catalog once, outside every ranker's latency
        timings["item_vectors_s"] = time.perf_counter() - t0
    raw: dict[str, dict[str, dict[str, list[dict[str, float]]]]] = {}
    for seed in seeds:
        fast = (FastRanker(data, fast_weights, sequential=ensemble_for(seed) if fast_uses_sasrec else None)
                if ({"fast", "fast+sasrec", "llm"} & set(rankers)) else None)
        made: dict[str, Ranker] = {}
        for name in rankers:
            if name == "random":
                made[name] = RandomRanker(seed)
            elif name == "popularity":
                made[name] = popularity_ranker(data)
            elif name == "content":
                made[name] = ContentRanker(data)
            elif name == "itemcf":
                made[name] = itemcf_ranker(data)
            elif name in ("sasrec", "gru4rec"):
                made[name] = SASRecRanker(sequential_for(name, seed), name=name)
            elif name == ENSEMBLE:
                made[name] = SASRecRanker(ensemble_for(seed), name=name)
            elif name == "fast":
                made[name] = fast
            elif name == "fast+sasrec":
                made[name] = FusedRanker("fast+sasrec", [(fast, 1.0, False),
                                                          (SASRecRanker(sasrec_for(seed)), sasrec_weight, True)])
        for proto in protocols:
            cases = make_cases(data.splits, data.universe, PROTOCOLS[proto], seed, stage=stage,
                               users=user_ids)
            for variant in variants:
                queries = [make_query(c, variant, data.genres_of) for c in cases]
                data.prepare_intentions([q.intention_text for q in queries])
                targets = [c.target for c in cases]
                for name, ranker in made.items():
                    t0 = time.perf_counter()
                    outcomes = run_ranker(ranker, queries, targets)
                    timings[f"{proto}/{variant}/{name}/seed{seed}"] = time.perf_counter() - t0
                    raw.setdefault(proto, {}).setdefault(variant, {}).setdefault(name, []).append(aggregate(outcomes))
                    print(f"seed {seed} {proto} {variant:21s} {name:12s} NDCG@10 "
                          f"{raw[proto][variant][name][-1]['NDCG@10']:.4f}", file=sys.stderr, flush=True)
                if "llm" in rankers and seed == seeds[0]:
                    from recommender.rank import LLMRanker, rrf

                    sub = [(q, t) for q, t in zip(queries, targets) if q.user_id in llm_user_ids]
                    counting = CountingLLM(llm)
                    app_default = LLMRanker(counting)
                    grid = llm_fusion if (llm_fusion and llm_mode == "item") else ()
                    # With a fusion grid the model runs once with no fast weight (its own order);
                    # each fast weight is then fused here exactly as LLMRanker.rank fuses it.
                    ranker = LLMEvalRanker(data, LLMRanker(counting, max_candidates=len(sub[0][0].candidates),
                                                           timeout_s=llm_timeout_s, mode=llm_mode,
                                                           **({"fast_weight": 0.0} if grid else {})), fast,
                                           progress=eta_printer(f"LLM {proto} {variant}"))
                    qs, ts = [q for q, _ in sub], [t for _, t in sub]
                    t_llm = time.perf_counter()
                    answers = ranker.rank(qs)
                    per_user = (time.perf_counter() - t_llm) / max(len(qs), 1)
                    weights = sorted({*grid, app_default.fast_weight}) if grid else [None]
                    for w in weights:
                        if w is None:
                            orders = answers
                        else:
                            fast_orders = [[c.item.id for c in fast.scored(q)] for q in qs]
                            orders = [rrf([(f, w), (a, app_default.llm_weight)]) if w > 0 else a
                                      for f, a in zip(fast_orders, answers)]
                        agg = aggregate([score_answer(a, t, q.candidates, per_user) for a, t, q in zip(orders, ts, qs)])
                        # a failed call leaves the fast order: say how often the model really ranked
                        agg["llm_failure_share"] = counting.failures / max(counting.calls, 1)
                        agg["llm_s_per_call"] = counting.seconds / max(counting.calls, 1)
                        name = "llm" if w in (None, app_default.fast_weight) else f"llm, fast weight {w:g}"
                        raw[proto][variant][name] = [agg]
                    # the same users for the fast ranker, so the two can be compared directly
                    fo = run_ranker(fast, [q for q, _ in sub], [t for _, t in sub])
                    raw[proto][variant]["fast@llm-users"] = [aggregate(fo)]
    results = {p: {v: {r: summarise(s) for r, s in rs.items()} for v, rs in vs.items()} for p, vs in raw.items()}
    return {
        "meta": {
            "dataset": "MovieLens-100K (recbole 1.2.1 files)",
            "date": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "machine": f"{platform.machine()}, {os.cpu_count()} CPUs, {platform.system()} {platform.release()}, "
                       f"Python {platform.python_version()}",
            "cpu_threads": os.environ.get("OMP_NUM_THREADS", "unset"),
            "seeds": list(seeds),
            "users": len(user_ids),
            "llm_users": len(llm_user_ids) if "llm" in rankers else 0,
            "llm_mode": llm_mode if "llm" in rankers else None,
            "sasrec_per_seed": sasrec_per_seed,
            "stage": stage,
            "sequential_update_epochs": update_epochs if stage == "test" else 0,
            "fast+sasrec": f"Borda fusion: fast 1.0 + sasrec {sasrec_weight} (sasrec only with a history)",
            "fast_weights": dict(fast_weights or {}),
            "fast_config": _fast_config(fast_weights),
            "split": "leave-one-out by time (ties by numeric item id); models and the popularity prior "
                     "fitted on every user's history part only (no user's validation or test target); "
                     "test input = history + validation item; no global time cut (other users' history "
                     "may be later than a user's target, as in the papers' protocol)",
            "negatives": "uniform over catalog items the user never rated, seeded by (seed, user)",
        },
        "timings_s": timings,
        "training_curves": curves,
        "results": results,
    }
