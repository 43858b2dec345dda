"""The main_genre signal: a second opinion on an item's genres (IMDb's flags, metadata "imdb_genres")
tells a film of the genre asked for from one that only carries it as a side tag."""
from __future__ import annotations

from catalog.item import Item
from recommender.score import _confirmed


def film(genres, flags=None):
    meta = {} if flags is None else {"imdb_genres": flags}
    return Item(id="x", title="X", year=1990, genres=tuple(genres), metadata=meta)


def test_a_side_tag_the_second_opinion_denies_scores_low():
    star_wars = film(["action", "adventure", "romance", "sci-fi", "war"], "action")
    titanic = film(["action", "drama", "romance"], "drama|romance")
    assert _confirmed(star_wars, {"romance"}) == 0.0
    assert _confirmed(titanic, {"romance"}) == 1.0
    assert _confirmed(titanic, {"action", "romance"}) == 0.5


def test_no_opinion_or_no_genre_it_could_flag_is_neutral():
    assert _confirmed(film(["romance"]), {"romance"}) == 0.5          # no IMDb row
    assert _confirmed(film(["western"], "action"), {"western"}) == 0.5  # IMDb flags no westerns
    assert _confirmed(film(["comedy"], ""), {"comedy"}) == 0.0         # joined, no flag set
    assert _confirmed(film(["comedy"], "comedy"), set()) == 0.5        # nothing asked


def test_main_genres_drop_the_side_tags_the_second_opinion_denies():
    from recommender.score import main_genres
    assert main_genres(film(["action", "drama", "romance"], "drama|romance")) == {"drama", "romance"}
    assert main_genres(film(["western", "action"], "")) == {"western"}         # IMDb flags no action
    assert main_genres(film(["action"], "")) == {"action"}                     # never left with none
    assert main_genres(film(["comedy", "romance"])) == {"comedy", "romance"}   # no second opinion


def test_a_film_with_the_genre_only_as_a_side_tag_is_not_first(tmp_path):
    # "something romantic" showed Star Wars first: popular, and tagged romance by MovieLens only
    from catalog.catalog import Catalog
    from catalog.search import open_index
    from chat.parser import RuleRewriter
    from fakes import FakeEmbedder
    from recommender.pipeline import Recommender
    from recommender.score import FastScorer
    from tests.parser_kit import play

    def item(i, title, genres, flags, watched):  # watched: MovieLens ratings, as Star Wars 583, Titanic 350
        return Item(id=i, title=title, year=1990, genres=tuple(genres), rating=7.5,
                    metadata={"imdb_genres": flags, "num_ratings": watched})

    items = [item("sw", "Space Saga", ["action", "adventure", "romance", "sci-fi", "war"], "action", 583),
             *(item(f"r{n}", f"Love Story {n}", ["drama", "romance"], "drama|romance", 300 + 30 * n) for n in range(6)),
             *(item(f"c{n}", f"Comedy {n}", ["comedy"], "comedy", 400) for n in range(6))]
    catalog = Catalog("side-tags", items)
    index = open_index(catalog, FakeEmbedder(), data_dir=tmp_path, build_if_missing=True, progress=False).ensure()

    def first(weights):
        (got,) = play(Recommender(catalog, index, rewriter=RuleRewriter(), scorer=FastScorer(weights)),
                      "romance movies")
        return got.recommendations[0].item.id

    assert first({"main_genre": 0.0}) == "sw"  # without the second opinion the popular side-tagged film leads
    assert first(None) != "sw"
