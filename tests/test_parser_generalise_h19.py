"""English and Chinese turns from the blind dev19 dialogues (people steering by taste and asking about the
list as a whole), by class, each tested with phrasings the dialogues do not use: pleasure with the list
that asks nothing ("this list is pretty solid, thanks", "这些都很好看"), a year past the catalog's newest
film ("anything from 2012?", "2008年以后的有吗"), whether the catalog holds a film ("have you got fargo in
your catalog", "你们有没有《教父》", a film it lacks), how many cards a list shows said as a rate ("12 per
page", "一次给我十部") or beside "a few" ("多来几部 八部吧"), a mood said to replace the request in force
("换成轻松一点的" after alien films drops science fiction) and a reset that brings a mood, then refined.
A small hand-made catalog, no index, no model."""
from __future__ import annotations

import pytest

from catalog.item import Item
from chat.state import DialogueState, apply_resolved, record_shown
from tests.parser_kit import parse, say, vocab_fixture

ITEMS = [
    Item(id="g1", title="The Godfather", year=1972, genres=("crime", "drama"), metadata={"aliases": "教父"}),
    Item(id="fa", title="Fargo", year=1996, genres=("crime", "drama", "thriller")),
    Item(id="al", title="Alien", year=1979, genres=("horror", "sci-fi"), metadata={"aliases": "异形"}),
    Item(id="id", title="Independence Day (ID4)", year=1996, genres=("action", "sci-fi", "war")),
    Item(id="mb", title="Men in Black", year=1997, genres=("action", "adventure", "comedy", "sci-fi")),
    Item(id="co", title="Contact", year=1997, genres=("drama", "sci-fi")),
    Item(id="sc", title="Scream", year=1996, genres=("horror", "thriller")),
    Item(id="x1", title="Toy Story", year=1995, runtime=81, genres=("animation", "children's", "comedy")),
    Item(id="x2", title="Babe", year=1995, runtime=89, genres=("children's", "comedy", "drama")),
    Item(id="x3", title="Groundhog Day", year=1993, runtime=101, genres=("comedy", "romance")),
    Item(id="x4", title="Clueless", year=1995, runtime=97, genres=("comedy", "romance")),
    Item(id="x5", title="Tommy Boy", year=1995, runtime=97, genres=("comedy",)),
    Item(id="ol", title="Casablanca", year=1942, genres=("drama", "romance", "war")),
]
SHOWN = ["id", "mb", "co", "al", "x1", "x2"]

vocab = vocab_fixture(ITEMS, "h19-generalise-test")


def listed(vocab, request: str = "sci fi please") -> DialogueState:
    state, _ = say(vocab, DialogueState(), request)
    return record_shown(state, SHOWN)


# --------------------------------------------------------------------------- pleased with the list, nothing asked
@pytest.mark.parametrize("text", ["this list is pretty solid, thanks", "these are really good picks",
                                  "all of these look good", "wow these are awesome, thank you so much",
                                  "looks good to me", "这些都很好看", "都挺好的 谢谢", "这波不错 就这些吧", "很好很好",
                                  "那就这些吧 挺不错", "sweet, exactly what i wanted", "these rock",
                                  "omg love them all"])
def test_pleasure_with_the_list_keeps_it(vocab, text):
    state = listed(vocab)
    ins = parse(vocab, text, state)
    assert ins.action == "smalltalk"
    assert apply_resolved(state, ins).constraints.include_genres == ["sci-fi"]


@pytest.mark.parametrize("text", ["the 2nd looks great", "第二个不错", "great, now older ones"])
def test_praise_of_one_card_or_with_a_wish_is_no_smalltalk(vocab, text):
    assert parse(vocab, text, listed(vocab)).action != "smalltalk"


# --------------------------------------------------------------------------- a year past the catalog's newest film
@pytest.mark.parametrize("text", ["anything from 2012?", "got any sci fi from 2010 or later", "2008年以后的有吗",
                                  "有2015年的吗"])
def test_a_year_past_the_catalog_asks_for_its_newest_films(vocab, text):
    ins = parse(vocab, text, listed(vocab, "sci fi movies"))
    last = vocab.years[1]
    assert ins.constraints.min_year is not None and last - 10 <= ins.constraints.min_year <= last
    assert ins.constraints.max_year is None
    assert any(str(last) in n for n in ins.notices)  # the user is told where the catalog ends


def test_a_year_inside_the_catalog_is_kept(vocab):
    assert parse(vocab, "anything from 1995?", listed(vocab)).constraints.min_year == 1995


# --------------------------------------------------------------------------- whether the catalog holds a film
@pytest.mark.parametrize("text, item", [("have you got fargo in your catalog", "fa"), ("is the godfather on here?", "g1"),
                                        ("do you guys have alien", "al"), ("你们有没有《教父》", "g1"), ("异形有吗", "al"),
                                        ("教父这部电影有吗", "g1"), ("is fargo on your list?", "fa"),
                                        ("有没有教父", "g1"), ("你们这里有异形吗", "al")])
def test_asking_whether_a_catalog_film_is_there(vocab, text, item):
    state = listed(vocab)
    ins = parse(vocab, text, state)
    assert (ins.action, ins.question_item_id, ins.question_topic) == ("question", item, "have")
    assert apply_resolved(state, ins).constraints.include_genres == ["sci-fi"]


@pytest.mark.parametrize("text", ["do you have inception?", "is pulp fiction 2 on here", "have you got inception in your catalog",
                                  "星际穿越有吗", "有没有《盗梦空间》"])
def test_asking_for_a_film_the_catalog_lacks_is_a_question_not_a_request(vocab, text):
    state = listed(vocab)
    ins = parse(vocab, text, state)
    assert ins.action == "question" and ins.question_item_id is None and ins.question_position is None
    assert ins.notices  # the user is told it was not found
    assert apply_resolved(state, ins).constraints.include_genres == ["sci-fi"]


@pytest.mark.parametrize("text, genre", [("do you have any comedies?", "comedy"), ("got anything scary?", "horror"),
                                         ("有喜剧吗", "comedy")])
def test_asking_whether_there_are_films_of_a_kind_is_a_request(vocab, text, genre):
    ins = parse(vocab, text)
    assert ins.action != "question"
    assert genre in ins.constraints.include_genres + ins.intention.genres


@pytest.mark.parametrize("text", ["教父那种的有吗", "do you have anything like fargo?", "有没有推荐", "有没有好看的"])
def test_films_like_a_named_one_are_no_availability_question(vocab, text):
    assert parse(vocab, text, listed(vocab)).question_topic != "have"


# --------------------------------------------------------------------------- how many cards
@pytest.mark.parametrize("text, k", [("12 per page please", 12), ("do ten at once", 10), ("can you list 6 at a time", 6),
                                     ("一次给我十部", 10), ("每页八个", 8), ("多来几部 八部吧", 8),
                                     ("给我多推荐几个 十二个", 12), ("just 4 please", 4), ("only three is fine", 3)])
def test_a_count_of_cards_is_no_card_and_no_constraint(vocab, text, k):
    state = listed(vocab)
    ins = parse(vocab, text, state)
    assert ins.k == k
    assert ins.action in ("refine", "more") and ins.question_position is None
    assert apply_resolved(state, ins).constraints.include_genres == ["sci-fi"]


# --------------------------------------------------------------------------- a mood said in place of the request
@pytest.mark.parametrize("text", ["算了 换成温馨一点的", "改成轻松点的吧", "change of plan, something uplifting instead",
                                  "scratch that, something lighthearted"])
def test_a_mood_said_to_replace_drops_the_genre_in_force(vocab, text):
    state = listed(vocab, "有没有外星人的电影")
    ins = parse(vocab, text, state)
    after = apply_resolved(state, ins)
    assert "sci-fi" not in after.constraints.include_genres
    assert after.instruction.intention.genres  # the new mood leans somewhere


def test_a_mood_added_without_a_switch_keeps_the_genre(vocab):
    state = listed(vocab, "有没有外星人的电影")
    after, _ = say(vocab, state, "轻松一点的")
    assert after.constraints.include_genres == ["sci-fi"]


@pytest.mark.parametrize("first, then", [("ugh scratch all that, something feel-good", "from the 90s"),
                                         ("start over, something funny and light", "under 2 hours"),
                                         ("重新来 想看点轻松的", "九十年代的")])
def test_a_reset_that_brings_a_mood_is_refined_after(vocab, first, then):
    state = listed(vocab, "zombie movies")
    state, ins = say(vocab, state, first)
    assert ins.action == "reset"
    state = record_shown(state, SHOWN)
    state, ins = say(vocab, state, then)
    assert ins.action == "refine"
    assert state.instruction.intention.genres  # the mood the reset brought stays


# --------------------------------------------------------------------------- how the assistant works
@pytest.mark.parametrize("text", ["how does this thing work?", "how does the app work", "what are these based on?",
                                  "这些是怎么选出来的"])
def test_asking_how_it_works_is_smalltalk_about_the_assistant_not_a_card(vocab, text):
    state = listed(vocab)
    ins = parse(vocab, text, state)
    assert ins.action == "smalltalk" and ins.question_position is None
    assert apply_resolved(state, ins).constraints.include_genres == ["sci-fi"]
