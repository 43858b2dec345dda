"""Filtered search on real data: the first 4,000 films of the IMDb table, embedded with the real
MiniLM into a real Chroma. The default strategy must return exactly the top-k of a brute-force scan
over the films that pass (`Filters.allows`, vectors read back from Chroma one by one), at every
selectivity, from no filter to a handful of films."""
from __future__ import annotations

import numpy as np
import pytest

from catalog.catalog import Catalog
from catalog.embed import MiniLMEmbedder
from catalog.filters import Filters
from catalog.index import build_index
from catalog.loaders import load_catalog
from catalog.search import open_index

pytestmark = [pytest.mark.slow, pytest.mark.data]

QUERIES = ["a funny movie for a rainy day", "space adventure with aliens", "a tense crime thriller",
           "romantic comedy in New York", "war drama based on a true story", "a documentary about music",
           "cartoon for kids", "a sad love story"]
K = 30


@pytest.fixture(scope="module")
def imdb(tmp_path_factory):
    path = tmp_path_factory.mktemp("imdb_real")
    mp = pytest.MonkeyPatch()
    mp.setenv("RECSYS_DATA_DIR", str(path))
    try:
        full = load_catalog("imdb")
        catalog = Catalog("imdb-4000", list(full)[:4000])
        embedder = MiniLMEmbedder()
        build_index(catalog, embedder, data_dir=path, progress=False)
        yield catalog, open_index(catalog, embedder, data_dir=path).ensure(), \
            open_index(catalog, embedder, data_dir=path, strategy="where")
    finally:
        mp.undo()


def _filters(catalog) -> list[Filters]:
    some = [it.id for it in list(catalog)[:400:40]]
    return [
        Filters(),
        Filters(exclude_ids=some),
        Filters(min_year=1990, max_year=2005),
        Filters(include_genres=["comedy"], min_year=1990, max_year=1999),
        Filters(max_runtime=100, min_rating=7.0),
        Filters(include_genres=["drama"], exclude_genres=["romance"], min_rating=6.5, exclude_ids=some),
        Filters(include_genres=["animation"], max_runtime=100, min_rating=6.0),
        Filters(mpaa=["PG", "PG-13"]),
    ]


def test_the_default_search_is_the_exact_filtered_top_k(imdb):
    catalog, index, chroma = imdb
    ids = [it.id for it in catalog]
    vectors = chroma.vectors(ids)  # read back through Chroma's get, not the cached matrix
    checked = 0
    for filters in _filters(catalog):
        passing = [n for n, i in enumerate(ids) if filters.allows(catalog.get(i))]
        assert passing, filters
        for text in QUERIES:
            q = index.embed_query(text)
            scores = vectors[passing] @ q
            best = np.argsort(-scores, kind="stable")[:K]
            want = [ids[passing[j]] for j in best]
            got = index.search_by_vector(q, filters, K)
            assert len(got) == len(want) == min(K, len(passing))
            # recall@k = 1.0 in the same order; only films tied with the last one (within float
            # rounding) may stand in for each other
            assert np.allclose([h.score for h in got], scores[best], atol=1e-5), (filters, text)
            last = float(scores[best[-1]])
            swapped = {h.item_id for h in got} ^ set(want)
            assert all(abs(float(vectors[ids.index(i)] @ q) - last) < 1e-5 for i in swapped), (filters, text)
            assert all(filters.allows(catalog.get(h.item_id)) for h in got)
            checked += 1
    assert checked == len(_filters(catalog)) * len(QUERIES)


def test_chroma_where_finds_the_same_films_at_a_few_hundred_passing(imdb):
    """Chroma's own filtered query is the reference the default replaced: on a selective filter
    (brute force inside Chroma) the two agree."""
    catalog, index, chroma = imdb
    filters = Filters(include_genres=["comedy"], min_year=1990, max_year=1999)
    for text in QUERIES[:4]:
        assert {h.item_id for h in index.search(text, filters, 10)} == \
            {h.item_id for h in chroma.search(text, filters, 10)}
