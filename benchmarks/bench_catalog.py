"""Catalog benchmark (a script, not a test): indexing rate and query latency.

Prints, for the MovieLens catalog (1,681 films) and the IMDB table (58,788 films):
- indexing rate in items/s (MiniLM embedding + Chroma writes, split into the two parts),
- query latency p50/p95 in ms, end to end (embed the text + Chroma query) and Chroma only,
  without and with filters, as medians over several runs (the index's default strategy: filters in
  numpy and an exact scan, see catalog/search.py; benchmarks/bench_filtered.py compares it with
  Chroma's own `where` filter by selectivity).
Indexes are built in a throwaway temporary folder; the real data/ folder is not touched.

    make bench
    python benchmarks/bench_catalog.py --catalogs movielens --runs 5
    python benchmarks/bench_catalog.py --imdb-limit 10000   # a quicker partial IMDB run
    python benchmarks/bench_catalog.py --catalogs imdb --embedder fake384  # Chroma's share only
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

QUERIES = [
    "a funny movie for a rainy day", "animated films for kids", "space adventure with aliens",
    "a tense crime thriller", "romantic comedy in New York", "war drama based on a true story",
    "scary horror movie", "classic western", "a documentary about music", "epic fantasy quest",
    "feel-good family film", "dark psychological thriller", "a heist movie", "coming of age drama",
    "martial arts action", "a musical with great songs", "film noir detective", "a sad love story",
    "superhero action", "a short silly comedy",
]


def filter_sets():
    from catalog.filters import Filters

    return [
        Filters(include_genres=["comedy"], max_runtime=100),
        Filters(min_year=1990, max_year=1999, exclude_genres=["drama"]),
        Filters(min_rating=7.0),
        Filters(include_genres=["drama"], min_year=1970, max_runtime=120, min_rating=6.0),
    ]


class TimedEmbedder:
    """Wraps an embedder and adds up the seconds spent embedding."""

    def __init__(self, inner) -> None:
        self.inner, self.name, self.dim, self.seconds = inner, inner.name, inner.dim, 0.0

    def embed(self, texts):
        start = time.perf_counter()
        try:
            return self.inner.embed(texts)
        finally:
            self.seconds += time.perf_counter() - start


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    pos = (len(values) - 1) * q
    lo, hi = int(pos), min(int(pos) + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (pos - lo)


def bench_catalog(spec: str, limit: int | None, runs: int, embedder_kind: str) -> dict:
    from catalog.catalog import Catalog
    from catalog.embed import MiniLMEmbedder
    from fakes import FakeEmbedder
    from catalog.index import build_index
    from catalog.loaders import load_catalog
    from catalog.search import open_index

    start = time.perf_counter()
    catalog = load_catalog(spec)
    load_s = time.perf_counter() - start
    if limit and limit < len(catalog):
        catalog = Catalog(catalog.name, list(catalog)[:limit])
    for note in catalog.notes[:1]:
        print(f"  {note}")
    # fake384: hashed-word vectors of MiniLM's size, so Chroma's share (writes, HNSW search) is
    # measured at full scale without hours of embedding on a busy CPU
    base = MiniLMEmbedder() if embedder_kind == "minilm" else FakeEmbedder(384 if embedder_kind == "fake384" else 64)
    base.embed(["warm up"])  # load the model outside the timings
    embedder = TimedEmbedder(base)
    with tempfile.TemporaryDirectory(prefix="bench_catalog_") as tmp:
        report = build_index(catalog, embedder, data_dir=Path(tmp), batch=256, progress=True)
        embed_s = embedder.seconds  # before the queries below add their own embedding time
        index = open_index(catalog, embedder, data_dir=Path(tmp))
        index.search("warm up", k=10)
        filters = filter_sets()
        vectors = [index.embed_query(q) for q in QUERIES]
        per_run: dict[str, list[tuple[float, float]]] = {k: [] for k in
                                                          ("e2e", "e2e_filtered", "chroma", "chroma_filtered")}
        empty = 0
        for _ in range(runs):
            lat: dict[str, list[float]] = {k: [] for k in per_run}
            for n, (text, vec) in enumerate(zip(QUERIES, vectors)):
                f = filters[n % len(filters)]
                for key, call in (("e2e", lambda: index.search(text, None, 50)),
                                  ("e2e_filtered", lambda: index.search(text, f, 50)),
                                  ("chroma", lambda: index.search_by_vector(vec, None, 50)),
                                  ("chroma_filtered", lambda: index.search_by_vector(vec, f, 50))):
                    t0 = time.perf_counter()
                    hits = call()
                    lat[key].append((time.perf_counter() - t0) * 1000)
                    empty += key.endswith("filtered") and not hits
            for key, values in lat.items():
                per_run[key].append((pct(values, 0.5), pct(values, 0.95)))
    return {
        "catalog": spec + (f" (first {limit:,})" if limit and limit <= report.total else ""),
        "items": report.total, "load_s": load_s, "index_s": report.seconds,
        "items_per_s": report.total / report.seconds, "embed_s": embed_s,
        "write_s": report.seconds - embed_s,
        "lat": {k: (statistics.median(p for p, _ in v), statistics.median(q for _, q in v))
                for k, v in per_run.items()},
        "empty": empty,
    }


def main(argv: list[str] | None = None) -> int:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from anywhere
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--catalogs", default="movielens,imdb")
    parser.add_argument("--runs", type=int, default=3, help="query runs; medians are reported")
    parser.add_argument("--imdb-limit", type=int, default=None, help="index only the first N IMDB films")
    parser.add_argument("--embedder", choices=("minilm", "fake", "fake384"), default="minilm")
    args = parser.parse_args(argv)
    import torch

    print(f"torch threads: {torch.get_num_threads()}, OMP_NUM_THREADS={os.environ.get('OMP_NUM_THREADS')}, "
          f"cpus: {os.cpu_count()}, load average at start: {os.getloadavg()[0]:.1f}")
    rows = []
    for spec in args.catalogs.split(","):
        print(f"== {spec}")
        rows.append(bench_catalog(spec, args.imdb_limit if spec == "imdb" else None, args.runs,
                                  args.embedder))
    print(f"\nload average at end: {os.getloadavg()[0]:.1f}; embedder: {args.embedder}; "
          f"{len(QUERIES)} queries x {args.runs} runs, k=50, medians of per-run p50/p95\n")
    print("| catalog | items | index time | items/s | embed / Chroma write | "
          "query p50/p95 (embed+search) | filtered | Chroma only p50/p95 | Chroma only, filtered |")
    print("|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        lat = r["lat"]
        fmt = lambda k: f"{lat[k][0]:.1f} / {lat[k][1]:.1f} ms"  # noqa: E731
        print(f"| {r['catalog']} | {r['items']:,} | {r['index_s']:.1f} s | {r['items_per_s']:,.0f} | "
              f"{r['embed_s']:.1f} s / {r['write_s']:.1f} s | {fmt('e2e')} | {fmt('e2e_filtered')} | "
              f"{fmt('chroma')} | {fmt('chroma_filtered')} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
