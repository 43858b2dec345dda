"""A film the catalog lists twice (same title and year under two ids, as MovieLens-100K does for 18
films) is one film to the user: shown once, and gone from every list once either row is excluded.
Seen in the app: "something with action and adventure, under 95 min" showed Kull the Conqueror at #5
and again at #8. A real Chroma index with the fake embedder, a small hand-made catalog."""
from __future__ import annotations

import pytest

from catalog.catalog import Catalog
from catalog.filters import Filters
from catalog.item import Item
from catalog.search import open_index
from chat.instruction import Instruction, Intention
from chat.state import DialogueState
from fakes import FakeEmbedder
from recommender.candidates import retrieve

ITEMS = [
    Item(id="266", title="Kull the Conqueror", year=1997, genres=("action", "adventure"),
         metadata={"num_ratings": 35}),
    Item(id="680", title="Kull the Conqueror", year=1997, genres=("action", "adventure"),
         metadata={"num_ratings": 34}),
    Item(id="900", title="Kull the Conqueror", year=1980, genres=("action",), metadata={"num_ratings": 3}),
    *(Item(id=str(i), title=f"Adventure {i}", year=1990 + i % 8, genres=("action", "adventure"),
           metadata={"num_ratings": 10 + i}) for i in range(1, 13)),
]


@pytest.fixture(scope="module")
def catalog():
    return Catalog("twins", ITEMS)


@pytest.fixture(scope="module")
def index(catalog, tmp_path_factory):
    return open_index(catalog, FakeEmbedder(), data_dir=tmp_path_factory.mktemp("chroma"),
                      build_if_missing=True, progress=False).ensure()


def shown(catalog, index, exclude=()):
    ins = Instruction(intention=Intention(kind="vague", text="kull the conqueror action adventure"),
                      constraints=Filters(include_genres=["action"], exclude_ids=list(exclude)), k=20)
    got = retrieve(ins, DialogueState(), index=index, catalog=catalog)
    return [c.item.id for c in got.candidates]


def test_twins_have_one_canonical_row_the_more_watched(catalog):
    assert catalog.canonical("680") == "266" and catalog.canonical("266") == "266"
    assert catalog.canonical("900") == "900"  # same title, another year: another film
    assert catalog.canonical("3") == "3"
    assert catalog.match_title("kull the conqueror")[0][0] == "266"  # what the user's words resolve to


def test_a_film_listed_twice_is_a_candidate_once(catalog, index):
    ids = shown(catalog, index)
    assert "266" in ids and "680" not in ids and "900" in ids
    titles = [(catalog.get(i).title, catalog.get(i).year) for i in ids]
    assert len(titles) == len(set(titles))


@pytest.mark.parametrize("excluded", ["266", "680"])
def test_excluding_either_row_excludes_the_film(catalog, index, excluded):
    ids = shown(catalog, index, exclude=[excluded])
    assert "266" not in ids and "680" not in ids
    assert "900" in ids
