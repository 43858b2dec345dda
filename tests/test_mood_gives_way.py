"""A genre asked for that a mood in force turns away from: the mood gives way. Seen with the app: "something
fun for a family movie night" then "the kids went to bed, something scary now" showed horror comedies
(Young Frankenstein, April Fool's Day), still "lighter". A mood that only turns away ("less gory") keeps
the rest of what it turns away from."""
from __future__ import annotations

import pytest

from catalog.item import Item
from tests.parser_kit import say_each, vocab_fixture

ITEMS = [Item(id="1", title="Scream", year=1996, genres=("horror", "thriller"))]
vocab = vocab_fixture(ITEMS, "mood-gives-way")


@pytest.mark.parametrize("first, then, genre", [
    ("something fun for a family movie night", "the kids went to bed, something scary now", "horror"),
    ("something light and cheerful", "actually a war film", "war"),
    ("来点轻松的", "还是来点恐怖片吧", "horror"),
])
def test_a_mood_with_leanings_gives_way_to_a_genre_it_avoided(vocab, first, then, genre):
    state, _ins = say_each(vocab, ["1"], first, then)
    assert "lighter" not in state.instruction.intention.moods
    assert genre not in state.instruction.intention.avoid


def test_a_mood_that_only_turns_away_keeps_the_rest(vocab):
    state, _ins = say_each(vocab, ["1"], "silence of the lambs but less gory? my gf gets squeamish",
                           "thrillers only, from the 90s")
    assert "horror" in state.instruction.intention.avoid and "thriller" not in state.instruction.intention.avoid
