"""Filtered search on the large catalog (a script, not a test): indexing rate, and query latency
by filter selectivity for each search strategy, in one process.

For the IMDb table (58,788 films) and the real embedder (MiniLM), it prints:
- the indexing rate in items/s (embedding and Chroma writes apart), with the load average;
  the index is kept in --data-dir and reused by later runs (then nothing is re-embedded);
- for each filter set (no filter, dislikes only, a year range, genre + decade, runtime + rating,
  a very selective one): how many films pass, and the query p50/p95 in ms of each strategy
  (`catalog.search`: "auto" the default, "where" Chroma's metadata filter, "overfetch" Chroma
  unfiltered with more results), as medians over --runs runs of the same queries, the ratio of
  "where" to "auto", and recall@k of each strategy against brute force over the passing films.

    python benchmarks/bench_filtered.py --data-dir /tmp/imdb-index          # build once, measure
    python benchmarks/bench_filtered.py --data-dir /tmp/imdb-index --runs 7  # reuse the index
    python benchmarks/bench_filtered.py --embedder fake384 --limit 20000     # quick plumbing run
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

for _key, _value in {"HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "HF_HUB_DISABLE_TELEMETRY": "1",
                     "ANONYMIZED_TELEMETRY": "False", "TOKENIZERS_PARALLELISM": "false"}.items():
    os.environ.setdefault(_key, _value)  # before anything imports huggingface_hub

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from anywhere
from benchmarks.bench_catalog import TimedEmbedder, pct  # noqa: E402  (the same timing helpers)

QUERIES = [
    "a funny movie for a rainy day", "animated films for kids", "space adventure with aliens",
    "a tense crime thriller", "romantic comedy in New York", "war drama based on a true story",
    "scary horror movie", "classic western", "a documentary about music", "epic fantasy quest",
    "feel-good family film", "dark psychological thriller", "a heist movie", "coming of age drama",
    "martial arts action", "a musical with great songs", "film noir detective", "a sad love story",
    "superhero action", "a short silly comedy",
]
K = 60  # what candidate generation asks for (recommender/candidates.py k_semantic)


def filter_sets(catalog) -> list[tuple[str, object]]:
    """(label, Filters) from broad to very selective; the dislikes are real ids of the catalog."""
    from catalog.filters import Filters

    some = [it.id for it in list(catalog)[:5000:500]]
    return [
        ("no filter", Filters()),
        ("10 dislikes only", Filters(exclude_ids=some)),
        ("year range (1990-2005)", Filters(min_year=1990, max_year=2005)),
        ("genre + decade (comedy, 1990s)", Filters(include_genres=["comedy"], min_year=1990, max_year=1999)),
        ("runtime + rating (<= 100 min, >= 7.0)", Filters(max_runtime=100, min_rating=7.0)),
        ("very selective (animation, 1990s, >= 7.5, <= 100 min)",
         Filters(include_genres=["animation"], min_year=1990, max_year=1999, min_rating=7.5, max_runtime=100,
                 exclude_ids=some)),
    ]


def brute_force(catalog, table, matrix, filters, vec, k: int) -> list[str]:
    """The exact top-k ids among the films that pass, by a plain loop over Filters.allows."""
    import numpy as np

    rows = [n for n, item_id in enumerate(table.ids) if filters.allows(catalog.get(item_id))]
    if not rows:
        return []
    scores = matrix[rows] @ vec
    best = np.argsort(-scores, kind="stable")[:k]
    return [table.ids[rows[i]] for i in best]


def main(argv: list[str] | None = None) -> int:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from anywhere
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--catalog", default="imdb")
    parser.add_argument("--data-dir", type=Path, default=None,
                        help="where the index lives (kept and reused); default: a temporary folder")
    parser.add_argument("--runs", type=int, default=5, help="query runs; medians of per-run p50/p95")
    parser.add_argument("--where-runs", type=int, default=2,
                        help="runs of the slow 'where' strategy (about 1 s a query on broad filters)")
    parser.add_argument("--limit", type=int, default=None, help="index only the first N items")
    parser.add_argument("--embedder", choices=("minilm", "fake384"), default="minilm")
    parser.add_argument("--strategies", default="auto,where,overfetch")
    args = parser.parse_args(argv)
    import numpy as np
    import torch

    from catalog.catalog import Catalog
    from catalog.embed import MiniLMEmbedder
    from catalog.index import build_index
    from catalog.loaders import load_catalog
    from catalog.search import open_index
    from fakes import FakeEmbedder

    print(f"torch threads: {torch.get_num_threads()}, OMP_NUM_THREADS={os.environ.get('OMP_NUM_THREADS')}, "
          f"cpus: {os.cpu_count()}, load average at start: {os.getloadavg()[0]:.2f}", flush=True)
    catalog = load_catalog(args.catalog)
    if args.limit and args.limit < len(catalog):
        catalog = Catalog(catalog.name, list(catalog)[: args.limit])
    base = MiniLMEmbedder() if args.embedder == "minilm" else FakeEmbedder(384)
    base.embed(["warm up"])  # load the model outside the timings
    embedder = TimedEmbedder(base)
    tmp = None
    data_dir = args.data_dir
    if data_dir is None:
        tmp = tempfile.TemporaryDirectory(prefix="bench_filtered_")
        data_dir = Path(tmp.name)
    load_before = os.getloadavg()
    report = build_index(catalog, embedder, data_dir=data_dir, batch=256, progress=True)
    load_after = os.getloadavg()
    if report.embedded:
        print(f"indexing: {report.summary()}; embedding {embedder.seconds:.1f} s "
              f"({report.embedded / max(embedder.seconds, 1e-9):,.0f} items/s), Chroma writes "
              f"{report.seconds - embedder.seconds:.1f} s; load average 1/5/15 min before "
              f"{load_before[0]:.2f}/{load_before[1]:.2f}/{load_before[2]:.2f}, after "
              f"{load_after[0]:.2f}/{load_after[1]:.2f}/{load_after[2]:.2f}", flush=True)
    else:
        print(f"indexing: reused the index at {data_dir} ({report.total:,} items, nothing to embed)", flush=True)

    strategies = args.strategies.split(",")
    indexes = {s: open_index(catalog, embedder, data_dir=data_dir, strategy=s) for s in strategies}
    t0 = time.perf_counter()
    indexes[strategies[0]].ensure()
    print(f"start-up of '{strategies[0]}': {time.perf_counter() - t0:.2f} s (filter table + reading "
          f"{len(catalog):,} vectors from Chroma)", flush=True)
    for s, index in indexes.items():
        index.ensure()
        index.search("warm up", k=10)
    auto = indexes.get("auto") or next(iter(indexes.values()))
    table, matrix = auto.table(), auto.matrix()
    vectors = [auto.embed_query(q) for q in QUERIES]
    rows = []
    for label, f in filter_sets(catalog):
        passing = int(table.mask(f).sum())
        truth = [brute_force(catalog, table, matrix, f, v, K) for v in vectors]
        lat: dict[str, list[tuple[float, float]]] = {s: [] for s in strategies}
        recall: dict[str, float] = {}
        for s, index in indexes.items():
            got_all = []
            for _ in range(args.where_runs if s == "where" else args.runs):
                times = []
                got_all = []
                for v in vectors:
                    start = time.perf_counter()
                    hits = index.search_by_vector(v, f, K)
                    times.append((time.perf_counter() - start) * 1000)
                    got_all.append([h.item_id for h in hits])
                lat[s].append((pct(times, 0.5), pct(times, 0.95)))
            found = sum(len(set(g) & set(t)) for g, t in zip(got_all, truth))
            recall[s] = found / max(1, sum(len(t) for t in truth))
        row = {"label": label, "passing": passing,
               "lat": {s: (statistics.median(p for p, _ in v), statistics.median(q for _, q in v))
                       for s, v in lat.items()},
               "recall": recall}
        rows.append(row)
        print(f"  {label}: {passing:,} pass; " + "; ".join(
            f"{s} {row['lat'][s][0]:.1f}/{row['lat'][s][1]:.1f} ms recall {recall[s]:.3f}" for s in strategies),
            flush=True)
    e2e = []
    for q in QUERIES:  # embedding the text too, with the default strategy and a mid filter
        start = time.perf_counter()
        auto.search(q, filter_sets(catalog)[3][1], K)
        e2e.append((time.perf_counter() - start) * 1000)
    print(f"\nload average at end: {os.getloadavg()[0]:.2f}; embedder: {args.embedder}; "
          f"{len(catalog):,} items; {len(QUERIES)} queries x {args.runs} runs, k={K}; "
          f"medians of per-run p50/p95 (ms)\n")
    head = " | ".join(f"{s} p50 / p95" for s in strategies)
    print(f"| filter | films passing | {head} | where / auto (p50) | recall@{K} ({', '.join(strategies)}) |")
    print("|---|---|" + "---|" * len(strategies) + "---|---|")
    for r in rows:
        cells = " | ".join(f"{r['lat'][s][0]:.1f} / {r['lat'][s][1]:.1f}" for s in strategies)
        ratio = "-"
        if "where" in r["lat"] and "auto" in r["lat"] and r["lat"]["auto"][0] > 0:
            x = r["lat"]["where"][0] / r["lat"]["auto"][0]
            ratio = f"{x:.1f}x" if x < 10 else f"{x:.0f}x"
        rec = " / ".join(f"{r['recall'][s]:.3f}" for s in strategies)
        print(f"| {r['label']} | {r['passing']:,} | {cells} | {ratio} | {rec} |")
    print(f"\nembed the text + search (auto, genre + decade): p50 {pct(e2e, 0.5):.1f} ms, p95 {pct(e2e, 0.95):.1f} ms")
    print(f"vectors read from Chroma at start: {auto.load_vectors_s:.2f} s, {matrix.nbytes / 2**20:.0f} MB")
    del np
    if tmp is not None:
        tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
