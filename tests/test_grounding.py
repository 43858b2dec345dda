"""A model-written reason is shown only if it names a true attribute and claims nothing false."""
from __future__ import annotations

import pytest

from catalog.item import Item
from recommender.grounding import claimed_genres, holds, is_grounded, problems

MONKEYS = Item(id="32", title="Twelve Monkeys", year=1995, genres=("drama", "sci-fi"), runtime=129, rating=8.0)
BOOK = Item(id="b1", title="Dune", year=1965, genres=("space opera",))


@pytest.mark.parametrize(
    "reason, kept, why",
    [
        ("1995 sci-fi drama, dark and long", True, []),
        # true, but a reason says what the pick is, never what it is not (issue 12): refused
        ("129-minute sci-fi, not a comedy", False, []),
        ("90s drama, nothing like a thriller", False, []),
        ("rated 8.0, a sci-fi classic", True, []),
        ("1995年的科幻剧情片，不是喜剧", False, []),
        ("129分钟的科幻片，有点长", True, []),
        ("129-minute sci-fi comedy made for kids", False, ["genre comedy"]),
        ("129分钟的科幻动画片，适合孩子看", False, ["genre animation"]),
        ("1980s sci-fi", False, ["decade 1980s"]),
        ("a 1996 drama", False, ["year [1996]"]),
        ("a 98-minute drama", False, ["runtime 98"]),
        ("drama rated 8.3", False, ["rating 8.3"]),
        ("a fun night out", False, []),  # names nothing true: not grounded
    ],
)
def test_reasons_are_kept_only_when_true_of_the_item(reason, kept, why):
    assert problems(reason, MONKEYS) == why
    assert holds(reason, MONKEYS) is kept


def test_a_reason_that_says_the_request_back_is_refused():
    assert problems("适合孩子看的搞笑动画片", MONKEYS, "适合孩子看的搞笑动画片") == ["genre animation", "genre comedy", "repeats the request"]
    assert "repeats the request" in problems("Classic drama with great reviews!", MONKEYS, "a classic drama with great reviews")
    assert holds("1995 drama, great reviews", MONKEYS, "a classic drama with great reviews")


def test_negated_genres_are_not_claims_and_kids_is_not_a_genre_claim():
    assert claimed_genres("a comedy, not a thriller, fine for kids") == {"comedy"}
    assert claimed_genres("没有恐怖元素的喜剧") == {"comedy"}


def test_catalog_genres_outside_the_word_lists_still_ground_a_reason():
    assert is_grounded("a 1965 space opera classic", BOOK) and holds("classic space opera", BOOK)


TOY = Item(id="1", title="Toy Story", year=1996, genres=["animation", "comedy"], runtime=90, rating=8.1, mpaa="PG")


@pytest.mark.parametrize(
    "reason, request_text, want",
    [
        ("90-minute comedy sequel, not from the 90s", "90s comedies", "negates its decade"),
        ("A fun animation, not a comedy", "", "negates its genre comedy"),
        ("1996's comedy, but we already saw it", "funny", "speaks against the pick"),
        ("九十年代的喜剧，但不是最好的", "来点喜剧", "speaks against the pick"),
        ("matches 'lighter please'", "lighter please", "echoes the request"),
        ("a 1996 comedy for a lazy rainy sunday afternoon", "something for a lazy rainy sunday afternoon", "echoes the request"),
        ("a 1996 comedy with clever dialogue, clever dialogue and clever dialogue", "", "repeats itself"),
        ("A 1996 animation with a warm heart and", "", "cut off"),
        ("A 1996 comedy, 90 min", "九十年代的喜剧", "wrong language"),
        ("一部1996年的喜剧", "a 90s comedy", "wrong language"),
    ],
)
def test_reasons_that_defeat_themselves_are_caught(reason, request_text, want):
    assert want in problems(reason, TOY, request_text)


@pytest.mark.parametrize(
    "reason, request_text",
    [
        ("A 1996 animation/comedy film, 90 min, IMDb 8.1 — the comedy you asked for; the highest rated on this list",
         "funny 90s films"),
        ("1996年的动画、喜剧电影，90分钟，IMDb 8.1分——正是你要的喜剧片；这份列表里评分最高", "九十年代喜剧"),
        ("A witty 1996 animated comedy about toys that come alive", "something for the kids"),
    ],
)
def test_good_reasons_pass(reason, request_text):
    assert problems(reason, TOY, request_text) == []
