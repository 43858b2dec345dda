"""Film series, titles that read as numbers, misspelt titles, and how the rules read them in a turn:
"the first two Rockys", "洛奇1和3", "Warrior too" after Mad Max, "I loved 1984", "Grondhog Day was
great", "godfather 2". A small hand-made catalog; no index, no model."""
from __future__ import annotations

import pytest

from catalog.catalog import Catalog
from catalog.item import Item
from catalog.series import SeriesIndex, stem
from chat.parser import RuleRewriter
from chat.state import DialogueState
from recommender.pipeline import catalog_vocab

ITEMS = [
    Item(id="r1", title="Rocky", year=1976, genres=("drama",), metadata={"aliases": "洛奇"}),
    Item(id="r2", title="Rocky II", year=1979, genres=("drama",), metadata={"aliases": "洛奇2"}),
    Item(id="r3", title="Rocky III", year=1982, genres=("drama",), metadata={"aliases": "洛奇3"}),
    Item(id="m1", title="Mad Max", year=1979, genres=("action",), metadata={"aliases": "疯狂的麦克斯"}),
    Item(id="m2", title="The Road Warrior", year=1981, genres=("action",), metadata={"aliases": "疯狂的麦克斯2：公路战士"}),
    Item(id="m3", title="Mad Max Beyond Thunderdome", year=1985, genres=("action",),
         metadata={"aliases": "疯狂的麦克斯3"}),
    Item(id="l2", title="Lethal Weapon 2", year=1989, genres=("action",)),
    Item(id="l1", title="Lethal Weapon", year=1987, genres=("action",)),
    Item(id="l3", title="Lethal Weapon 3", year=1992, genres=("action",)),
    Item(id="s1", title="Sabrina", year=1954, genres=("romance",)),
    Item(id="s2", title="Sabrina", year=1995, genres=("romance",)),
    Item(id="y1", title="1984", year=1984, genres=("sci-fi",)),
    Item(id="y2", title="2010: The Year We Make Contact", year=1984, genres=("sci-fi",)),
    Item(id="g1", title="Groundhog Day", year=1993, genres=("comedy",)),
    Item(id="h1", title="Heat", year=1995, genres=("crime",)),
    Item(id="c1", title="Chinatown", year=1974, genres=("crime",)),
]


@pytest.fixture(scope="module")
def cat() -> Catalog:
    return Catalog("series-test", ITEMS)


@pytest.fixture(scope="module")
def vocab(cat):
    return catalog_vocab(cat)


def parse(vocab, text: str, state: DialogueState | None = None):
    return RuleRewriter().rewrite(text, state or DialogueState(), vocab)


def opinions(instruction) -> dict[str, str]:
    return {m.item_id: m.opinion for m in instruction.mentions}


# --------------------------------------------------------------------------- grouping
@pytest.mark.parametrize("title, want", [
    ("Rocky III", "rocky"), ("The Road Warrior", "road warrior"), ("Lethal Weapon 2", "lethal weapon"),
    ("Star Trek VI: The Undiscovered Country", "star trek"), ("The Godfather: Part II", "godfather"),
    ("疯狂的麦克斯2：公路战士", "疯狂的麦克斯"), ("春风化雨1996", "春风化雨"),
])
def test_a_title_s_series_stem_drops_numbers_subtitles_and_articles(title, want):
    assert stem(title) == want


def test_series_are_grouped_by_stem_and_by_chinese_titles_and_ordered_by_year(cat):
    s = SeriesIndex(cat)
    by_member = {tuple(ids) for ids in s.members.values()}
    assert ("l1", "l2", "l3") in by_member  # listed out of order, sorted by year
    assert ("r1", "r2", "r3") in by_member
    assert ("m1", "m2", "m3") in by_member  # The Road Warrior joins Mad Max through 疯狂的麦克斯2
    assert not any("s1" in ids for ids in by_member)  # a remake under the same title is no series


@pytest.mark.parametrize("text, want", [
    ("seen the first two Rockys", ["r1", "r2"]),
    ("all the Lethal Weapon films", ["l1", "l2", "l3"]),
    ("the original Mad Max trilogy", ["m1", "m2", "m3"]),
    ("both Lethal Weapons", ["l1", "l2"]),
    ("lethal weapon 1 and 3", ["l1", "l3"]),
    ("洛奇1和3都看过", ["r1", "r3"]),
    ("疯狂的麦克斯三部曲", ["m1", "m2", "m3"]),
    ("洛奇前两部", ["r1", "r2"]),
])
def test_a_series_with_a_word_of_quantity_means_those_films(cat, text, want):
    found = cat.series_in(text)
    assert [ids for _s, _e, ids in found] == [want]


@pytest.mark.parametrize("text", ["Rocky was great", "I want a lethal weapon kind of action film", "rocky mountains"])
def test_a_series_name_alone_is_not_the_whole_series(cat, text):
    assert cat.series_in(text) == []


def test_a_member_is_named_by_a_short_word_only_once_its_series_was_named(cat):
    assert cat.series_in("Warrior and Thunderdome too") == []
    found = cat.series_in("Warrior and Thunderdome too", ["m1"])
    assert [ids for _s, _e, ids in found] == [["m2"], ["m3"]]


# --------------------------------------------------------------------------- in a turn
def test_seen_reaches_every_film_of_a_list_and_a_series_in_it(vocab):
    i = parse(vocab, "seen Heat, Chinatown and the first two Rockys")
    assert i.action == "seen"
    assert opinions(i) == {"h1": "seen", "c1": "seen", "r1": "seen", "r2": "seen"}
    assert {"h1", "c1", "r1", "r2"} <= set(i.constraints.exclude_ids)


def test_chinese_series_numbers_in_a_seen_turn(vocab):
    i = parse(vocab, "洛奇1和3我都看过了")
    assert i.action == "seen" and opinions(i) == {"r1": "seen", "r3": "seen"}


def test_too_carries_the_last_turns_verdict_to_films_named_by_a_short_word(vocab):
    first = parse(vocab, "I grew up on Mad Max, loved it")
    state = DialogueState().model_copy(update={"instruction": first, "liked_ids": ["m1"]})
    i = parse(vocab, "Warrior and Thunderdome too", state)
    assert opinions(i) == {"m2": "loved", "m3": "loved"}


def test_what_follows_but_is_the_verdict(vocab):
    i = parse(vocab, "my friends said Heat was brilliant but honestly it bored me to death")
    assert opinions(i) == {"h1": "hated"}


# --------------------------------------------------------------------------- numbers as titles
def test_a_title_that_reads_as_a_year_is_the_film_when_the_words_say_so(vocab):
    i = parse(vocab, "I loved 1984, anything like it?")
    assert opinions(i) == {"y1": "loved"}
    assert i.constraints.min_year is None and i.constraints.max_year is None


@pytest.mark.parametrize("text", ["thrillers from 1984", "anything made after 1984"])
def test_a_year_with_a_year_word_stays_a_year(vocab, text):
    i = parse(vocab, text)
    assert not i.mentions and (i.constraints.min_year or i.constraints.max_year)


def test_the_part_before_a_subtitle_names_the_film_when_only_it_has_that_part(cat, vocab):
    assert [i for _s, _e, i in cat.titles_in("2010 was better than I expected")] == ["y2"]
    assert opinions(parse(vocab, "we watched 2010 last night")) == {"y2": "seen"}


# --------------------------------------------------------------------------- misspelt titles
def test_a_misspelt_title_is_found_and_an_ordinary_capitalised_phrase_is_not(vocab):
    assert opinions(parse(vocab, "Grondhog Day was great fun")) == {"g1": "loved"}
    assert parse(vocab, "Good Morning Everyone, any crime films?").mentions == []


@pytest.mark.parametrize("query, want", [("rocky 2", "r2"), ("the rocky part 3", "r3"), ("mad max 2", "m2"),
                                         ("lethal weapon ii", "l2")])
def test_a_series_name_with_a_number_is_that_film(cat, query, want):
    assert cat.match_title(query)[0][0] == want


def test_a_sequel_the_catalog_lacks_is_not_its_first_film(cat):
    assert cat.match_title("lethal weapon 4") == []
    assert cat.match_title("rocky 5") == []


def test_a_series_number_goes_to_the_member_whose_title_carries_it():
    """"evil dead 2" is Evil Dead II even when the series' first film is missing from the catalog (by release
    order, the third film would be the second member)."""
    from catalog.catalog import Catalog
    from catalog.item import Item

    cat = Catalog("series-number", [
        Item(id="e2", title="Evil Dead II", year=1987, genres=("horror",)),
        Item(id="e3", title="Army of Darkness", year=1993, genres=("horror",), metadata={"aliases": "Evil Dead 3"}),
        Item(id="g1", title="The Godfather", year=1972, genres=("crime",)),
        Item(id="g2", title="The Godfather: Part II", year=1974, genres=("crime",)),
    ])
    assert cat.match_title("evil dead 2")[0][0] == "e2"
    assert cat.match_title("godfather 2")[0][0] == "g2"
