"""Search with filters applied before ranking; every hit must satisfy Filters.allows."""
from __future__ import annotations

import numpy as np
import pytest

from catalog.catalog import Catalog
from catalog.filters import Filters
from catalog.index import build_index, genre_key
from catalog.search import CatalogIndex, filters_to_where, open_index
from fakes import FakeEmbedder


@pytest.fixture(scope="module")
def catalog(request) -> Catalog:
    import json

    from catalog.item import Item
    from tests.conftest import TEST_DATA

    with open(TEST_DATA / "tiny_movies.jsonl", encoding="utf-8") as f:
        items = [Item(**json.loads(line)) for line in f]
    # one item with unknown runtime, rating, year and MPAA: it must never pass those filters
    items.append(Item(id="9999", title="Mystery Reel", genres=("comedy", "animation"),
                      description="A lost cartoon comedy reel about toys."))
    return Catalog("tinyplus", items)


@pytest.fixture(scope="module")
def index(catalog, tmp_path_factory) -> CatalogIndex:
    emb = FakeEmbedder()
    path = tmp_path_factory.mktemp("search")
    build_index(catalog, emb, data_dir=path, progress=False)
    return open_index(catalog, emb, data_dir=path)


def test_filters_to_where_shapes():
    vocab = ["comedy", "horror"]
    assert filters_to_where(None, vocab) is None
    assert filters_to_where(Filters(), vocab) is None
    assert filters_to_where(Filters(include_genres=["comedy"]), vocab) == {genre_key("comedy"): True}
    where = filters_to_where(Filters(exclude_genres=["horror", "western"], max_runtime=90,
                                     exclude_ids=["1"]), vocab)
    assert where == {"$and": [{genre_key("horror"): False}, {"has_runtime": True},
                              {"runtime": {"$lte": 90}}, {"item_id": {"$nin": ["1"]}}]}


FILTER_CASES = [
    Filters(),
    Filters(include_genres=["comedy"]),
    Filters(include_genres=["animation", "comedy"]),
    Filters(exclude_genres=["drama", "thriller"]),
    Filters(min_year=1990, max_year=1995),
    Filters(max_year=1980),
    Filters(max_runtime=100),
    Filters(min_rating=8.0),
    Filters(mpaa=["PG", "G"]),
    Filters(include_genres=["comedy"], max_runtime=100, exclude_ids=["1"]),
    Filters(exclude_genres=["unknown-genre"], min_rating=7.0),
]


@pytest.mark.parametrize("filters", FILTER_CASES, ids=[str(f.model_dump(exclude_defaults=True)) for f in FILTER_CASES])
def test_every_hit_satisfies_filters_and_none_are_lost(index, catalog, filters):
    hits = index.search("a funny animated film about toys", filters, k=100)
    assert all(filters.allows(catalog.get(h.item_id)) for h in hits)
    # applied before ranking, not after: with k above the catalog size we get every allowed item
    assert {h.item_id for h in hits} == {i.id for i in catalog if filters.allows(i)}
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_unknown_values_never_pass_bounds(index):
    for filters in (Filters(max_runtime=1000), Filters(min_rating=0), Filters(min_year=1),
                    Filters(max_year=3000), Filters(mpaa=["G", "PG", "PG-13", "R", "NC-17"])):
        assert "9999" not in {h.item_id for h in index.search("cartoon comedy reel", filters, k=100)}
    assert "9999" in {h.item_id for h in index.search("cartoon comedy reel", k=100)}


def test_nothing_passes_returns_empty(index):
    assert index.search("toys", Filters(include_genres=["opera"])) == []
    assert index.search("toys", Filters(min_year=2050)) == []


def test_top_hit_and_cosine_scores(index, catalog):
    hits = index.search("Toy Story", k=5)
    assert hits[0].item_id == "1"
    emb = index.embedder
    q = emb.embed(["Toy Story"])[0]
    v = emb.embed([catalog.get(h.item_id).embedding_text() for h in hits])
    assert np.allclose([h.score for h in hits], v @ q, atol=1e-4)
    assert all(-1.0 <= h.score <= 1.0 for h in hits)


def test_k_limits_and_zero(index):
    assert len(index.search("film", k=3)) == 3
    assert index.search("film", k=0) == []


def test_vectors_in_order_and_unknown_id(index):
    vecs = index.vectors(["12", "1"])
    assert vecs.shape == (2, index.embedder.dim)
    assert np.allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-4)
    assert np.allclose(vecs[1], index.vectors(["1"])[0])
    with pytest.raises(KeyError, match="not in the index"):
        index.vectors(["nope"])


def test_similar_to_excludes_the_seeds_and_keeps_filters(index, catalog):
    hits = index.similar_to(["1", "71"], Filters(include_genres=["animation"]), k=10)
    ids = [h.item_id for h in hits]
    assert "1" not in ids and "71" not in ids and ids
    assert all("animation" in catalog.get(i).genres for i in ids)
    assert index.similar_to([], k=5) == []


def test_search_by_vector_matches_search(index):
    vec = index.embed_query("space adventure")
    assert index.search_by_vector(vec, k=5) == index.search("space adventure", k=5)


def test_random_filters_match_allows_exactly(index, catalog):
    """Property: for any Filters, Chroma returns exactly the items Filters.allows accepts."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    genres = st.sampled_from([*catalog.genres(), "opera"])
    ids = st.sampled_from(sorted(catalog.items))
    filters_st = st.builds(
        Filters,
        include_genres=st.lists(genres, max_size=2),
        exclude_genres=st.lists(genres, max_size=2),
        min_year=st.none() | st.integers(1930, 2000),
        max_year=st.none() | st.integers(1930, 2000),
        max_runtime=st.none() | st.integers(60, 180),
        min_rating=st.none() | st.floats(5.0, 9.0, allow_nan=False),
        mpaa=st.lists(st.sampled_from(["G", "PG", "PG-13", "R"]), max_size=2),
        exclude_ids=st.lists(ids, max_size=3),
    )

    @settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(filters_st)
    def check(filters):
        got = {h.item_id for h in index.search("a film", filters, k=100)}
        assert got == {i.id for i in catalog if filters.allows(i)}

    check()
