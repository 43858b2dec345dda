""""Often watched by people who also watched X" is said only where X shares a genre with the card: after
liking Toy Story and switching to horror, every horror card read "often watched by people who also
watched Toy Story" (true of the co-watching, no reason a person would give)."""
from __future__ import annotations

from catalog.item import Item
from chat.instruction import Instruction
from recommender.reasons import template_reason
from recommender.types import Candidate

HORROR = Item(id="h", title="The Craft", year=1996, genres=("horror", "drama"), runtime=101, rating=5.9)
FAMILY = Item(id="f", title="Babe", year=1995, genres=("children's", "comedy"), runtime=89, rating=7.4)


def card(item: Item, shared: float) -> Candidate:
    return Candidate(item=item, signals={"collab_part": 0.9, "collab_shared_genres": shared}, evidence={"collab": "1"})


def test_co_watched_film_of_another_genre_is_no_reason():
    line = template_reason(card(HORROR, 0.0), Instruction(), "en", {"1": "Toy Story"})
    assert "Toy Story" not in line and line.startswith("A 1996 horror/drama film")


def test_co_watched_film_that_shares_a_genre_is_still_said():
    line = template_reason(card(FAMILY, 2.0), Instruction(), "en", {"1": "Toy Story"})
    assert "often watched by people who also watched Toy Story" in line


def test_in_chinese_too():
    assert "玩具总动员" not in template_reason(card(HORROR, 0.0), Instruction(language="zh"), "zh", {"1": "玩具总动员"})
    assert "玩具总动员" in template_reason(card(FAMILY, 1.0), Instruction(language="zh"), "zh", {"1": "玩具总动员"})
