"""Follow-ups seen when the product was used as a new user would:
- a new mood or genre said in place of the one in force ("something cozy" then "actually something
  scary instead") used to keep the old mood, so the list was "lighter (horror)" and horror was both
  asked for and steered away from;
- "seen clueless, show me more" left Clueless out but showed the same list again;
- "something like e.g. fargo" read "e.g." as the age rating G and emptied the list."""
from __future__ import annotations

import pytest

from chat.parser import RuleRewriter
from chat.state import DialogueState
from recommender.pipeline import Recommender


@pytest.fixture
def rec(catalog, index) -> Recommender:
    return Recommender(catalog, index, rewriter=RuleRewriter())


def final(rec, state, text):
    return list(rec.respond(state, text))[-1]


def talk(rec, *turns):
    state, out = DialogueState(), None
    for t in turns:
        out = final(rec, state, t)
        state = out.state
    return out


@pytest.mark.parametrize("first, then, wanted", [
    ("something cozy for tonight", "actually something scary instead", "horror"),
    ("a feel-good movie please", "scratch that, i'd rather have a thriller", "thriller"),
    ("something light and fun", "changed my mind, a horror film", "horror"),
    ("来点轻松治愈的", "算了 还是换成恐怖片吧", "horror"),
])
def test_a_genre_said_instead_of_a_mood_drops_the_mood(rec, first, then, wanted):
    out = talk(rec, first, then)
    ins = out.instruction
    assert ins.constraints.include_genres == [wanted]
    assert wanted not in ins.intention.avoid  # asked for, so not steered away from
    assert "lighter" not in ins.intention.moods
    said = out.reply.split("。")[0].split(". ")[0]  # what the list is, before the hints on refining
    assert "轻松" not in said and "lighter" not in said


@pytest.mark.parametrize("first, then", [
    ("a feel-good movie", "make it a sad one instead"),
    ("something upbeat", "actually, something that makes me cry"),
    ("来点开心的", "还是来点感人的吧"),
])
def test_a_mood_said_instead_of_a_mood_replaces_it(rec, first, then):
    ins = talk(rec, first, then).instruction
    assert ins.intention.moods == ["moving"]
    assert "comedy" not in ins.intention.genres


def test_a_mood_switch_away_from_the_genre_in_force_drops_that_genre(rec):
    ins = talk(rec, "a war film", "actually, something lighter instead").instruction
    assert ins.constraints.include_genres == []
    assert "war" in ins.intention.avoid


@pytest.mark.parametrize("first, then", [
    ("comedies", "make it lighter"),          # no switch: a lighter comedy
    ("a horror movie", "not too scary though"),  # a softer horror film, still horror
])
def test_a_mood_added_to_a_genre_keeps_the_genre(rec, first, then):
    ins = talk(rec, first, then).instruction
    assert ins.constraints.include_genres == talk(rec, first).instruction.constraints.include_genres


def test_who_the_film_is_for_stays_when_the_tone_changes(rec):
    ins = talk(rec, "something for family movie night", "actually something exciting instead").instruction
    assert "exciting" in ins.intention.moods
    assert "children's" in ins.constraints.include_genres or "family" in ins.intention.moods


@pytest.mark.parametrize("first, then", [
    ("a few comedies", "seen forrest gump, show me more"),
    ("a few comedies", "already watched forrest gump. any others?"),
    ("来几部喜剧片", "看过forrest gump了，换一批"),  # the tiny catalog has no Chinese titles
])
def test_seen_and_asking_for_more_shows_new_films(rec, first, then):
    before = talk(rec, first)
    out = final(rec, before.state, then)
    assert out.instruction.action == "seen"
    assert "69" in out.state.constraints.exclude_ids
    shown = set(before.state.last_list)
    assert out.state.last_list and not shown & set(out.state.last_list)


def test_seen_alone_keeps_the_rest_of_the_list(rec):
    before = talk(rec, "a few comedies")
    out = final(rec, before.state, "seen forrest gump")
    assert "69" not in out.state.last_list
    assert set(out.state.last_list) & set(before.state.last_list)


@pytest.mark.parametrize("text", ["something like e.g. toy story", "a kids film, e.g. toy story",
                                  "short ones, i.e. under 100 min", "comedies etc."])
def test_latin_abbreviations_are_no_rating_or_title(rec, text):
    out = talk(rec, text)
    assert out.instruction.constraints.mpaa == []
    assert out.state.last_list
    assert not any('"e"' in n or '"i"' in n for n in out.instruction.notices)


def test_a_switch_no_longer_asks_for_films_like_the_card_liked_before(rec):
    before = talk(rec, "a few comedies")
    liked = final(rec, before.state, "more like the second")
    assert liked.state.reference_ids
    out = final(rec, liked.state, "actually something scary instead")
    assert out.state.reference_ids == []
    assert out.instruction.constraints.include_genres == ["horror"]
    kept = final(rec, liked.state, "something shorter")  # no switch: still like that card
    assert kept.state.reference_ids == liked.state.reference_ids


@pytest.mark.parametrize("turns", [
    ("推荐几部九十年代的喜剧", "算了，还是换成恐怖片吧", "看过Toy Story了，换一批"),
    ("some comedy films", "actually horror instead", "more"),
])
def test_the_genre_switched_away_from_does_not_come_back_on_later_turns(rec, turns):
    out = talk(rec, *turns)
    assert out.instruction.constraints.include_genres == ["horror"]
    assert "comedy" not in out.instruction.intention.genres
    assert "偏喜剧" not in out.reply and "leaning to comedy" not in out.reply
