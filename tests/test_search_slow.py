"""Integration: real MiniLM + real Chroma on the full MovieLens catalog (about 1,681 embeddings)."""
from __future__ import annotations

import pytest

from catalog.embed import MiniLMEmbedder
from catalog.filters import Filters
from catalog.index import build_index
from catalog.loaders import load_catalog
from catalog.search import open_index

pytestmark = [pytest.mark.slow, pytest.mark.data]


@pytest.fixture(scope="module")
def ml_index(tmp_path_factory):
    path = tmp_path_factory.mktemp("ml_real")
    mp = pytest.MonkeyPatch()
    mp.setenv("RECSYS_DATA_DIR", str(path))
    try:
        catalog = load_catalog("movielens")
        embedder = MiniLMEmbedder()
        report = build_index(catalog, embedder, data_dir=path, progress=False)
        assert report.embedded == len(catalog) == 1681
        yield catalog, open_index(catalog, embedder, data_dir=path)
    finally:
        mp.undo()


def test_minilm_vectors_are_unit_and_384d():
    vecs = MiniLMEmbedder().embed(["a cozy mystery", "a gentle detective story", "rocket launch"])
    assert vecs.shape == (3, 384) and vecs.dtype.name == "float32"
    assert abs(float((vecs ** 2).sum(axis=1).mean()) - 1.0) < 1e-4
    assert vecs[0] @ vecs[1] > vecs[0] @ vecs[2]  # similar meaning -> closer


def test_title_query_finds_the_film(ml_index):
    _, index = ml_index
    assert "1" in [h.item_id for h in index.search("toy story", k=3)]
    assert "50" in [h.item_id for h in index.search("star wars", k=3)]


def test_meaning_query_finds_kids_animation(ml_index):
    catalog, index = ml_index
    hits = index.search("animated films for kids", k=10)
    kids = [h for h in hits if {"animation", "children's"} & set(catalog.get(h.item_id).genres)]
    assert len(kids) >= 8


def test_filters_hold_with_real_embeddings(ml_index):
    catalog, index = ml_index
    filters = Filters(include_genres=["comedy"], exclude_genres=["romance"], min_year=1990,
                      max_year=1999, max_runtime=100, exclude_ids=["1"])
    hits = index.search("funny movie for a rainy day", filters, k=30)
    assert len(hits) == 30
    assert all(filters.allows(catalog.get(h.item_id)) for h in hits)


def test_similar_to_toy_story(ml_index):
    catalog, index = ml_index
    hits = index.similar_to(["1"], k=10)
    assert "1" not in {h.item_id for h in hits}
    kids = [h for h in hits if {"animation", "children's"} & set(catalog.get(h.item_id).genres)]
    assert len(kids) >= 6
