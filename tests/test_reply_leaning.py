"""The reply above a list says a soft genre wish was understood ("maybe a western?"): the user sees
why the list changed even though no filter was set."""
from __future__ import annotations

from catalog.filters import Filters
from chat.instruction import Instruction, Intention
from recommender.reply import understood


def test_the_reply_names_a_genre_wished_for_softly():
    ins = Instruction(intention=Intention(kind="vague", genres=["western"]))
    assert "leaning to western" in understood(ins, 8, "en")
    assert "偏西部" in understood(ins, 8, "zh")


def test_a_mood_or_a_hard_genre_is_not_said_twice_as_a_leaning():
    mood = Instruction(intention=Intention(kind="vague", genres=["comedy"], moods=["lighter"]))
    assert "leaning" not in understood(mood, 8, "en") and "lighter" in understood(mood, 8, "en")
    hard = Instruction(intention=Intention(kind="specific", genres=["comedy"]), constraints=Filters(include_genres=["comedy"]))
    assert "leaning" not in understood(hard, 8, "en") and "偏" not in understood(hard, 8, "zh")
