"""Films named with a slip in the title: a letter dropped or swapped, in English and inside Chinese.
Before, the genre-word spelling fixer turned "crimsn tide" into "crime tide" (a crime request), titles
that start with "a", "to" or "the last" were never tried as titles unless typed exactly, a title was cut
at its own "under", "for" or dot ("couage under fire", "mr. smith goes to ..."), and an English title
with a slip inside Chinese was not found at all. A small hand-made catalog, no index, no model."""
from __future__ import annotations

import pytest

from catalog.item import Item
from chat import spelling
from chat.state import DialogueState
from tests.parser_kit import parse, say, vocab_fixture

ITEMS = [
    Item(id="ct", title="Crimson Tide", year=1995, genres=("drama", "thriller", "war")),
    Item(id="mb", title="To Kill a Mockingbird", year=1962, genres=("drama",)),
    Item(id="pw", title="A Perfect World", year=1993, genres=("action", "drama")),
    Item(id="cu", title="Courage Under Fire", year=1996, genres=("drama", "war")),
    Item(id="ms", title="Mr. Smith Goes to Washington", year=1939, genres=("drama",)),
    Item(id="jb", title="The Jungle Book", year=1994, genres=("adventure", "children's", "romance")),
    Item(id="lm", title="The Last of the Mohicans", year=1992, genres=("action", "romance", "war")),
    Item(id="fu", title="The Fugitive", year=1993, genres=("action", "thriller")),
    Item(id="dw", title="Dances with Wolves", year=1990, genres=("adventure", "drama", "western")),
    Item(id="dm", title="Dead Man", year=1995, genres=("western",)),
    Item(id="dmw", title="Dead Man Walking", year=1995, genres=("drama",)),
    Item(id="ht", title="Heat", year=1995, genres=("action", "crime", "thriller")),
    Item(id="ts", title="Toy Story", year=1995, genres=("animation", "children's", "comedy")),
    Item(id="gh", title="Groundhog Day", year=1993, genres=("comedy", "romance")),
    Item(id="ro", title="True Romance", year=1993, genres=("action", "crime", "romance")),
]

vocab = vocab_fixture(ITEMS)


@pytest.mark.parametrize("said, film", [
    ("anything like crimsn tide?", "ct"),                         # not "crime tide": no crime request
    ("got something like to kil a mockingbird", "mb"),            # starts with "to"
    ("something similar to a perfct world please", "pw"),         # starts with "a"
    ("films like corage under fire", "cu"),                       # the title's own "under"
    ("stuff like mr. smith goes to washingtn, old and earnest", "ms"),  # the title's own dot
    ("anything like the jungel book", "jb"),                      # the title's own "book"
    ("something like the last of the mohicns", "lm"),             # starts with "the last"
    ("in the vein of dances with wolfs", "dw"),
])
def test_a_title_typed_with_a_slip_is_the_reference(vocab, said, film):
    ins = parse(vocab, said)
    assert ins.reference_ids == [film]
    assert ins.constraints.include_genres == []  # no genre read out of the title's words
    assert not ins.notices  # no "not in this catalog" note


@pytest.mark.parametrize("said, film", [
    ("看过the fugitve了 推荐点类似的", "fu"),
    ("有没有类似crimson tde的电影", "ct"),
    ("想看跟dances with wovles差不多的", "dw"),
])
def test_an_english_title_with_a_slip_inside_chinese_is_found(vocab, said, film):
    ins = parse(vocab, said)
    named = set(ins.reference_ids) | {m.item_id for m in ins.mentions}
    assert film in named


def test_a_slip_the_spelling_fixer_mends_still_names_the_longer_title(vocab):
    # "walkin" is a dropped g: corrected to "walking", it is Dead Man Walking, not Dead Man
    _state, ins = say(vocab, DialogueState(), "already seen dead man walkin")
    assert [m.item_id for m in ins.mentions] == ["dmw"]


@pytest.mark.parametrize("said, genres, refs", [
    ("something like a bit of romance", ["romance"], []),         # a wish, no film (not True Romance)
    ("anything like a good comedy from the 90s", ["comedy"], []),
    ("comdies like heat", ["comedy"], ["ht"]),                    # the genre slip is still mended
    ("something like heat but from the 80s", [], ["ht"]),
    ("wesern movies like dances with wolves lol", ["western"], ["dw"]),
])
def test_request_words_are_not_taken_for_a_title(vocab, said, genres, refs):
    ins = parse(vocab, said)
    assert ins.reference_ids == refs
    assert set(ins.constraints.include_genres) | set(ins.intention.genres) == set(genres)


def test_misspelt_titles_keeps_only_runs_that_are_a_title(vocab):
    from recommender.pipeline import catalog_vocab
    from catalog.catalog import Catalog
    match = catalog_vocab(Catalog("slips", ITEMS)).match_title
    text = "something like crimsn tide, no wesern"
    spans = spelling.misspelt_titles(text, match)
    assert [text[s:e] for s, e in spans] == ["crimsn tide"]  # "wesern" is left to the fixer
    assert spelling.correct_case_kept(text, keep=lambda t: spelling.misspelt_titles(t, match)) \
        == "something like crimsn tide, no western"
