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
