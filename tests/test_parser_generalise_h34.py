"""English and Chinese turns from the blind dev33 dialogues (films named as the kind wanted, and how the references
live through a conversation), by class, each tested with phrasings the dialogues do not use: frames before a film
wanted for its kind ("in the spirit of X", "in the same mold as X", "same energy as X") and after a film loved
("anything in that style?", "more in this vein"); films blended ("X meets Y", "a cross between X and Y", "a mix of X
and Y"), not a limit ("somewhere between 90 minutes and 2 hours"); a film of a series called by its place in it ("the
second alien film", "the 2nd godfather movie", 异形第二部, 教父的第二部); a film added with a word of kind after it
("also 大白鲨 type stuff") right after a film loved, which passes no verdict on it; a two-character Chinese title with
a love said right after it (异形超爱的, 教父很喜欢); the films in force named again with a paging word
("跟侏罗纪公园差不多的再来几部", "more stuff like Heat pls"): the same request, paged; a film alone with "too" ("fargo too")
while the request is like other films: one more model, and right after a film said seen or loved: the same
said of it; a film named as the kind not wanted ("nothing like X", 不要像X那样的, 别跟X一样的) while no reference
has that name: no reference; a film let go of ("forget X", "drop X") while it is no reference: left out.
One-word titles outside a frame are written with their capital, as the catalog's spotter needs one for them.
A small hand-made catalog, no index, no model."""
from __future__ import annotations

import pytest

from catalog.item import Item
from tests.parser_kit import parse, say_each, vocab_fixture

ITEMS = [
    Item(id="he", title="Heat", year=1995, runtime=188, genres=("action", "crime", "thriller")),
    Item(id="ja", title="Jaws", year=1975, runtime=130, genres=("action", "horror"), metadata={"aliases": "大白鲨"}),
    Item(id="al", title="Alien", year=1979, runtime=117, genres=("horror", "sci-fi"), metadata={"aliases": "异形"}),
    Item(id="as", title="Aliens", year=1986, runtime=154, genres=("action", "sci-fi", "war"),
         metadata={"aliases": "异形2"}),
    Item(id="gf", title="The Godfather", year=1972, runtime=175, genres=("crime", "drama"), metadata={"aliases": "教父"}),
    Item(id="g2", title="The Godfather: Part II", year=1974, runtime=200, genres=("crime", "drama"),
         metadata={"aliases": "教父2"}),
    Item(id="dh", title="Die Hard", year=1988, runtime=131, genres=("action", "thriller"), metadata={"aliases": "虎胆龙威"}),
    Item(id="d2", title="Die Hard 2", year=1990, runtime=124, genres=("action", "thriller"),
         metadata={"aliases": "虎胆龙威2"}),
    Item(id="pf", title="Pulp Fiction", year=1994, runtime=168, genres=("crime", "drama"), metadata={"aliases": "低俗小说"}),
    Item(id="fa", title="Fargo", year=1996, runtime=98, genres=("crime", "drama", "thriller")),
    Item(id="gd", title="Groundhog Day", year=1993, runtime=101, genres=("comedy", "romance")),
    Item(id="jp", title="Jurassic Park", year=1993, runtime=127, genres=("action", "adventure", "sci-fi"),
         metadata={"aliases": "侏罗纪公园"}),
    Item(id="ck", title="Chungking Express", year=1994, runtime=102, genres=("drama", "mystery", "romance"),
         metadata={"aliases": "重庆森林"}),
    Item(id="us", title="The Usual Suspects", year=1995, runtime=106, genres=("crime", "thriller")),
    Item(id="c1", title="Clueless", year=1995, runtime=97, genres=("comedy",)),
    Item(id="c2", title="Speed", year=1994, runtime=116, genres=("action", "romance", "thriller")),
    Item(id="c3", title="Twister", year=1996, runtime=113, genres=("action", "adventure", "thriller")),
]
SHOWN = ["c1", "c2", "c3"]

vocab = vocab_fixture(ITEMS, "h34-generalise-test")


# --------------------------------------------------------------------------- frames before the film wanted
@pytest.mark.parametrize("text, film", [
    ("something in the spirit of heat", "he"), ("anything in the same mold as fargo?", "fa"),
    ("a movie in the tradition of jaws pls", "ja"), ("same energy as pulp fiction please", "pf"),
    ("anything in the same vein as groundhog day", "gd"), ("something with the same vibe as fargo, under 2 hours", "fa"),
    ("in the spirit of Heat (1995), nothing too long", "he"),
])
def test_a_frame_before_a_film_makes_it_the_kind_wanted(vocab, text, film):
    ins = parse(vocab, text)
    assert ins.action == "new" and film in ins.reference_ids


@pytest.mark.parametrize("text, films", [
    ("think alien meets heat", {"al", "he"}), ("jaws meets jurassic park", {"ja", "jp"}),
    ("fargo crossed with groundhog day", {"fa", "gd"}), ("a cross between fargo and pulp fiction", {"fa", "pf"}),
    ("a mix of heat and fargo pls", {"he", "fa"}), ("something between groundhog day and jaws", {"gd", "ja"}),
    ("something with the same director vibe as fargo", {"fa"}),
])
def test_films_blended_are_all_the_kind_wanted(vocab, text, films):
    assert films <= set(parse(vocab, text).reference_ids)


@pytest.mark.parametrize("text, cap", [
    ("anything between 1990 and 1995", None), ("comedies between 90 and 120 minutes", 120),
    ("need a comedy, somewhere between 90 minutes and 2 hours", 120), ("a thriller somewhere between 100 and 120 minutes", 120),
])
def test_between_two_numbers_is_no_blend(vocab, text, cap):
    ins = parse(vocab, text)
    assert not ins.reference_ids and ins.constraints.max_runtime == cap


@pytest.mark.parametrize("text, film", [
    ("my dad loves Jaws, anything in that style?", "ja"), ("I loved Fargo. anything more in this vein?", "fa"),
    ("my gf loves 重庆森林, anything in that style?", "ck"), ("adored Heat, something in a similar spirit?", "he"),
])
def test_a_film_loved_then_in_that_style_is_liked_and_the_model(vocab, text, film):
    ins = parse(vocab, text)
    assert film in ins.reference_ids and film in ins.constraints.exclude_ids


# --------------------------------------------------------------------------- a film by its place in a series
@pytest.mark.parametrize("text, film", [
    ("i loved the second alien film, anything like it?", "as"), ("something like the 2nd godfather movie", "g2"),
    ("anything like the first Die Hard", "dh"), ("more like the second die hard one", "d2"),
    ("有没有异形第二部那种的", "as"), ("想看像教父的第二部那样的", "g2"), ("类似虎胆龙威第一部的", "dh"),
])
def test_a_film_called_by_its_place_in_a_series(vocab, text, film):
    ins = parse(vocab, text)
    assert film in ins.reference_ids and not ins.constraints.include_genres


def test_the_second_one_is_no_film_of_a_series(vocab):
    _state, ins = say_each(vocab, SHOWN, "something like fargo", "more like the second one")
    assert "as" not in ins.reference_ids and "g2" not in ins.reference_ids


# --------------------------------------------------------------------------- a film added right after one loved
@pytest.mark.parametrize("first, then, film", [
    ("my gf loves 低俗小说, anything like it?", "also 大白鲨 type stuff", "ja"),
    ("I loved Fargo, anything similar?", "also Jaws kind of thing", "ja"),
    ("my dad loves Heat, anything like that?", "also 重庆森林 vibes", "ck"),
    ("i loved Pulp Fiction, more like it pls", "Groundhog Day too, that kind of thing", "gd"),
])
def test_a_film_added_with_a_word_of_kind_gets_no_verdict_of_the_one_before(vocab, first, then, film):
    state, ins = say_each(vocab, SHOWN, first, then)
    assert film in state.reference_ids and film not in state.liked_ids and film not in state.constraints.exclude_ids


# --------------------------------------------------------------------------- a love said right after a short title
@pytest.mark.parametrize("text, film", [
    ("异形超爱的 还有类似的吗", "al"), ("異形超愛的 還有類似的嗎", "al"), ("教父很喜欢 有没有类似的", "gf"),
    ("教父我最爱 有类似的吗", "gf"), ("异形爱死了 再来点类似的", "al"), ("教父真的特别喜欢 还有这种的吗", "gf"),
])
def test_a_love_right_after_a_short_chinese_title(vocab, text, film):
    ins = parse(vocab, text)
    assert ins.action == "seen" and film in ins.reference_ids and film in ins.constraints.exclude_ids


# --------------------------------------------------------------------------- the films in force named again, paged
@pytest.mark.parametrize("first, then", [
    ("something like Heat", "give me more stuff like Heat"),
    ("想看点侏罗纪公园那一类的", "跟侏罗纪公园差不多的再来几部"), ("想看点侏罗纪公园那一类的", "像侏罗纪公园那样的再来点"),
    ("anything like fargo", "any more like fargo?"),
])
def test_the_films_in_force_named_again_with_a_paging_word_page(vocab, first, then):
    state, ins = say_each(vocab, SHOWN, first, "under 2 hours" if first.isascii() else "两小时以内", then)
    assert ins.action == "more" and state.constraints.max_runtime == 120


@pytest.mark.parametrize("then, film", [("more like Fargo pls", "fa"), ("再来几部像低俗小说那样的", "pf")])
def test_another_film_with_a_paging_word_is_no_plain_paging(vocab, then, film):
    state, ins = say_each(vocab, SHOWN, "something like Heat" if then.isascii() else "想看像Heat那样的", then)
    assert ins.action != "more" and film in state.reference_ids


# --------------------------------------------------------------------------- a film alone with "too" adds a model
@pytest.mark.parametrize("then, film", [
    ("fargo too", "fa"), ("and heat as well", "he"), ("oh, jaws also", "ja"), ("pulp fiction too pls", "pf"),
    ("groundhog day as well lol", "gd"),
])
def test_a_film_alone_with_too_adds_a_model_to_those_in_force(vocab, then, film):
    state, ins = say_each(vocab, SHOWN, "something like the usual suspects" if film != "he" else "anything like jaws", then)
    assert ins.action == "refine" and film in state.reference_ids and len(state.reference_ids) == 2


@pytest.mark.parametrize("first, then", [("something like jaws", "me too"), ("seen Heat", "fargo too")])
def test_too_with_no_film_or_after_a_film_seen_adds_no_model(vocab, first, then):
    state, _ins = say_each(vocab, SHOWN, first, then)
    assert "fa" not in state.reference_ids and len(state.reference_ids) <= 1


# --------------------------------------------------------------------------- a film named as the kind not wanted
@pytest.mark.parametrize("text, film", [
    ("nothing like jaws please", "ja"), ("not similar to fargo, something lighter", "fa"), ("不要像教父那样的", "gf"),
    ("别跟异形一样的 要轻松点的科幻", "al"), ("不想要类似大白鲨的", "ja"), ("a comedy, anything but Groundhog Day", "gd"),
])
def test_a_film_named_as_the_kind_not_wanted_is_no_reference(vocab, text, film):
    assert film not in parse(vocab, text).reference_ids


def test_a_film_wanted_beside_one_not_wanted(vocab):
    ins = parse(vocab, "something like Fargo but not like Heat")
    assert "fa" in ins.reference_ids and "he" not in ins.reference_ids


@pytest.mark.parametrize("first, then, film, liked", [
    ("seen Heat", "fargo too", "fa", False), ("loved Fargo", "and heat as well", "he", True),
    ("already watched Jaws", "pulp fiction too lol", "pf", False), ("我超爱教父", "groundhog day too", "gd", True),
])
def test_a_film_alone_with_too_after_a_film_seen_is_said_the_same(vocab, first, then, film, liked):
    state, ins = say_each(vocab, [], first, then)
    assert ins.action == "seen" and film in state.constraints.exclude_ids and (film in state.liked_ids) == liked


@pytest.mark.parametrize("text, film", [
    ("forget the usual suspects", "us"), ("drop Heat pls", "he"), ("skip Jaws, a comedy instead", "ja"),
    ("no more Fargo", "fa"),
])
def test_a_film_let_go_of_while_no_reference_is_left_out(vocab, text, film):
    ins = parse(vocab, text)
    assert film not in ins.reference_ids and film in ins.constraints.exclude_ids


def test_a_reference_in_force_let_go_of_is_no_exclusion(vocab):
    state, ins = say_each(vocab, SHOWN, "something like the usual suspects", "forget the usual suspects")
    assert ins.action == "refine" and "us" not in state.reference_ids and "us" not in state.constraints.exclude_ids
