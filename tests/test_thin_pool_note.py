"""When so few films fit the limits that poorly rated ones fill the list, the reply says so and which
limit to loosen. Seen in the app: "something with action and adventure, under 95 min" showed all nine
films that fit, down to an IMDb 3.0, as eight ordinary picks. A real Chroma index with the fake embedder,
a small hand-made catalog, the rule reader."""
from __future__ import annotations

import pytest

from catalog.catalog import Catalog
from catalog.item import Item
from catalog.search import open_index
from chat.parser import RuleRewriter
from fakes import FakeEmbedder
from recommender.pipeline import Recommender
from tests.parser_kit import play

SHORT_ACTION = [Item(id=f"a{i}", title=f"Short Action {i}", year=1990 + i, genres=("action",), runtime=85,
                     rating=r) for i, r in enumerate([7.6, 6.2, 5.4, 4.4, 4.1, 3.0, 6.0])]
LONG_ACTION = [Item(id=f"l{i}", title=f"Long Action {i}", year=1980 + i, genres=("action",), runtime=130,
                    rating=7.0 + i / 10) for i in range(10)]
COMEDY = [Item(id=f"c{i}", title=f"Comedy {i}", year=1985 + i, genres=("comedy",), runtime=90,
               rating=6.0 + (i % 4) / 2) for i in range(24)]


@pytest.fixture(scope="module")
def rec(tmp_path_factory):
    catalog = Catalog("thin", [*SHORT_ACTION, *LONG_ACTION, *COMEDY])
    index = open_index(catalog, FakeEmbedder(), data_dir=tmp_path_factory.mktemp("chroma"),
                       build_if_missing=True, progress=False).ensure()
    return Recommender(catalog, index, rewriter=RuleRewriter())


@pytest.mark.parametrize("said, says", [
    ("action movies under 90 minutes", "Only 7 titles in this catalog fit all of that, so some of these are "
                                       "poorly rated. Try a longer runtime."),
    ("动作片，别超过九十分钟", "目录里只有 7 部影片满足全部条件，所以有几部评分不高。试试放宽时长限制。"),
])
def test_a_thin_pool_with_weak_films_says_so_and_what_to_loosen(rec, said, says):
    (got,) = play(rec, said)
    shown = [r.item for r in got.recommendations]
    assert len(shown) == 7 and min(it.rating for it in shown) < 5
    assert says in got.notes


def test_a_wide_pool_or_a_list_of_good_films_has_no_such_note(rec):
    for said in ("comedies", "long action films over 2 hours", "action movies"):
        (got,) = play(rec, said)
        assert got.recommendations
        assert not any("poorly rated" in n for n in got.notes), said


def test_a_rating_floor_the_user_set_needs_no_note(rec):
    (got,) = play(rec, "action movies under 90 minutes, rated 4 or more")
    assert all(r.item.rating >= 4 for r in got.recommendations)
    assert not any("poorly rated" in n for n in got.notes)


def test_few_matches_suggest_loosening_a_limit_before_dropping_the_genre(rec):
    # two short action films from 1995 on; dropping the genre would bring back more (comedies), but the
    # user asked for action: the years are the limit to loosen
    (got,) = play(rec, "action movies under 90 minutes from 1995 on")
    assert len(got.recommendations) == 2
    assert any("Only 2 titles" in n and "wider range of years" in n for n in got.notes), got.notes
