"""Filtered search without Chroma's `where`: the numpy filter table, the exact top-k over the
passing rows, and the strategies of `catalog.search` agreeing with each other and with brute force
(real Chroma on tmp_path, the fake embedder)."""
from __future__ import annotations

import json

import numpy as np
import pytest

from catalog.catalog import Catalog
from catalog.filters import Filters
from catalog.index import build_index
from catalog.item import Item
from catalog.prefilter import FilterTable, top_rows
from catalog.search import open_index
from fakes import FakeEmbedder
from tests.conftest import TEST_DATA


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    with open(TEST_DATA / "tiny_movies.jsonl", encoding="utf-8") as f:
        items = [Item(**json.loads(line)) for line in f]
    # unknown year, runtime, rating and MPAA: must never pass a bound on them
    items.append(Item(id="9999", title="Mystery Reel", genres=("comedy", "animation"),
                      description="A lost cartoon comedy reel about toys."))
    # the same text as Toy Story: a tie in score, which every strategy must order the same way
    toy = items[0]
    items.append(toy.model_copy(update={"id": "10001"}))
    return Catalog("prefilter", items)


@pytest.fixture(scope="module")
def indexes(catalog, tmp_path_factory):
    emb = FakeEmbedder()
    path = tmp_path_factory.mktemp("prefilter")
    build_index(catalog, emb, data_dir=path, progress=False)
    return {s: open_index(catalog, emb, data_dir=path, strategy=s).ensure() for s in ("auto", "where", "overfetch")}


CASES = [
    Filters(exclude_ids=["1"]),
    Filters(include_genres=["comedy"]),
    Filters(include_genres=["animation", "comedy"]),
    Filters(include_genres=["opera"]),  # unknown genre: nothing passes
    Filters(exclude_genres=["drama", "opera"]),  # excluding an unknown genre changes nothing
    Filters(min_year=1990, max_year=1995),
    Filters(max_year=1980),
    Filters(max_runtime=100),
    Filters(min_rating=8.0),
    Filters(mpaa=["PG", "G", "X"]),
    Filters(include_genres=["comedy"], max_runtime=100, min_rating=6.0, exclude_ids=["1", "nope"]),
]


@pytest.mark.parametrize("filters", CASES, ids=[str(f.model_dump(exclude_defaults=True)) for f in CASES])
def test_mask_is_filters_allows(catalog, filters):
    table = FilterTable.from_catalog(catalog)
    assert table.mask(filters).tolist() == [filters.allows(catalog.get(i)) for i in table.ids]


def test_unknown_values_never_pass_a_bound(catalog):
    table = FilterTable.from_catalog(catalog)
    row = table.row["9999"]
    for f in (Filters(min_year=1), Filters(max_year=3000), Filters(max_runtime=10_000), Filters(min_rating=0),
              Filters(mpaa=["G", "PG", "PG-13", "R", "NC-17"])):
        assert not table.mask(f)[row], f
    assert table.mask(Filters(include_genres=["comedy"]))[row]


def test_random_filters_mask_matches_allows(catalog):
    from hypothesis import given, settings
    from hypothesis import strategies as st

    table = FilterTable.from_catalog(catalog)
    genres = st.sampled_from([*catalog.genres(), "opera"])
    filters_st = st.builds(
        Filters,
        include_genres=st.lists(genres, max_size=2), exclude_genres=st.lists(genres, max_size=2),
        min_year=st.none() | st.integers(1930, 2000), max_year=st.none() | st.integers(1930, 2000),
        max_runtime=st.none() | st.integers(60, 180),
        min_rating=st.none() | st.floats(5.0, 9.0, allow_nan=False),
        mpaa=st.lists(st.sampled_from(["G", "PG", "PG-13", "R", "X"]), max_size=2),
        exclude_ids=st.lists(st.sampled_from(sorted(catalog.items)), max_size=3),
    )

    @settings(max_examples=200, deadline=None)
    @given(filters_st)
    def check(filters):
        assert table.mask(filters).tolist() == [filters.allows(catalog.get(i)) for i in table.ids]

    check()


def test_top_rows_is_exact_whichever_way_it_scores():
    rng = np.random.default_rng(0)
    matrix = rng.standard_normal((400, 16)).astype(np.float32)
    vec = rng.standard_normal(16).astype(np.float32)
    for rows in (np.arange(400), np.arange(0, 400, 97), np.array([5]), np.zeros(0, dtype=np.int64)):
        got, scores = top_rows(matrix, rows, vec, 10)  # many rows: one product; few: gathered
        want = sorted(rows.tolist(), key=lambda r: -float(matrix[r] @ vec))[:10]
        assert got.tolist() == want
        assert np.allclose(scores, matrix[got] @ vec, atol=1e-5)
    assert top_rows(matrix, np.arange(400), vec, 0)[0].size == 0
    same = np.ones((6, 4), dtype=np.float32)  # all tied: row order decides
    assert top_rows(same, np.array([4, 1, 3]), np.ones(4, dtype=np.float32), 2)[0].tolist() == [4, 1]


@pytest.mark.parametrize("filters", CASES, ids=[str(f.model_dump(exclude_defaults=True)) for f in CASES])
def test_auto_returns_what_chroma_where_returns(indexes, catalog, filters):
    query = "a funny animated film about toys"
    auto = indexes["auto"].search(query, filters, k=8)
    where = indexes["where"].search(query, filters, k=8)
    assert all(filters.allows(catalog.get(h.item_id)) for h in auto)
    assert len(auto) == len(where) == min(8, sum(filters.allows(i) for i in catalog))
    assert [h.score for h in auto] == pytest.approx([h.score for h in where], abs=1e-5)
    # the same films (ties in score may come in another order from Chroma)
    assert {h.item_id for h in auto if h.score > auto[-1].score + 1e-5} == \
        {h.item_id for h in where if h.score > where[-1].score + 1e-5}


def test_auto_is_brute_force_over_the_passing_items(indexes, catalog):
    index = indexes["auto"]
    emb = index.embedder
    ids = sorted(catalog.items)
    vecs = emb.embed([catalog.get(i).embedding_text() for i in ids])
    for query in ("space adventure", "a tense crime thriller", "toys"):
        q = emb.embed([query])[0]
        for filters in [Filters(), *CASES]:
            passing = [n for n, i in enumerate(ids) if filters.allows(catalog.get(i))]
            want = sorted(passing, key=lambda n: -float(vecs[n] @ q))[:5]
            got = index.search(query, filters, k=5)
            assert [round(h.score, 4) for h in got] == [round(float(vecs[n] @ q), 4) for n in want]


def test_overfetch_grows_until_enough_pass(indexes, catalog):
    f = Filters(include_genres=["comedy"], exclude_ids=["1"])
    hits = indexes["overfetch"].search("space adventure", f, k=6)
    assert len(hits) == 6 and all(f.allows(catalog.get(h.item_id)) for h in hits)
    everything = indexes["overfetch"].search("space adventure", f, k=100)
    assert {h.item_id for h in everything} == {i.id for i in catalog if f.allows(i)}


def test_vectors_come_from_the_stored_matrix(indexes):
    auto, where = indexes["auto"], indexes["where"]
    assert auto.matrix().shape == (len(auto.catalog), auto.embedder.dim)
    assert not auto.matrix().flags.writeable  # shared by every session
    assert np.allclose(auto.vectors(["12", "1"]), where.vectors(["12", "1"]))
    with pytest.raises(KeyError, match="not in the index"):
        auto.vectors(["nope"])


def test_unknown_strategy_says_which_exist(catalog):
    with pytest.raises(ValueError, match="auto, where, overfetch"):
        open_index(catalog, FakeEmbedder(), strategy="hnsw")
