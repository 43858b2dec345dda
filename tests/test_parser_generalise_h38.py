"""English and Chinese turns from the blind dev37 set (taste told through the films loved), by class, each tested
with phrasings the dialogues do not use: a list of loved films closed by a time of life ("loved the lion king and
aladdin as a kid, now ...", "adored babe and hook when i was little"), several favourites at once ("my favourites
are x, y and z", "our favs: x and y", "my top 5 movies are ..."; "top 5" there is no count), a verdict after a
colon ("long story short: loved fargo, hated pulp fiction"), growing up on a film in Chinese ("从小看小鬼当家长大的",
"我是看着狮子王长大的") and a film called so-so right after it, seen and neither loved nor hated ("但是《这个杀手不太冷》
一般", "真实的谎言还行吧", "非常嫌疑犯感觉一般", beside another film loved), a verdict in brackets that is the bracketed
film's alone ("we just binged the jurassic park films (the lost world was kinda bad tbh)") and films binged, loved.
A small hand-made catalog, no index, no model."""
from __future__ import annotations

import pytest

from catalog.item import Item
from tests.parser_kit import parse, vocab_fixture


def _item(id_: str, title: str, year: int, genres: tuple[str, ...], zh: str = "") -> Item:
    return Item(id=id_, title=title, year=year, runtime=110, genres=genres, metadata={"aliases": zh} if zh else {})


ITEMS = [
    _item("lk", "The Lion King", 1994, ("animation", "children's", "musical"), "狮子王"),
    _item("al", "Aladdin", 1992, ("animation", "children's", "comedy", "musical"), "阿拉丁"),
    _item("ba", "Babe", 1995, ("children's", "comedy", "drama")),
    _item("ho", "Hook", 1991, ("adventure", "fantasy")),
    _item("ha", "Home Alone", 1990, ("children's", "comedy"), "小鬼当家"),
    _item("he", "Heat", 1995, ("action", "crime", "thriller")),
    _item("fg", "Forrest Gump", 1994, ("comedy", "romance", "war"), "阿甘正传"),
    _item("gw", "Good Will Hunting", 1997, ("drama",)),
    _item("ja", "Jaws", 1975, ("action", "horror")),
    _item("an", "Alien", 1979, ("action", "horror", "sci-fi", "thriller")),
    _item("fa", "Fargo", 1996, ("crime", "drama", "thriller")),
    _item("pf", "Pulp Fiction", 1994, ("crime", "drama"), "低俗小说"),
    _item("ca", "Casino", 1995, ("drama", "thriller")),
    _item("ti", "Titanic", 1997, ("drama", "romance"), "泰坦尼克号"),
    _item("pr", "The Professional", 1994, ("crime", "drama", "thriller"), "这个杀手不太冷"),
    _item("ck", "Chungking Express", 1994, ("drama", "mystery", "romance"), "重庆森林"),
    _item("tl", "True Lies", 1994, ("action", "adventure", "comedy"), "真实的谎言"),
    _item("se", "Seven (Se7en)", 1995, ("crime", "thriller"), "七宗罪"),
    _item("us", "The Usual Suspects", 1995, ("crime", "thriller"), "非常嫌疑犯"),
    _item("jp", "Jurassic Park", 1993, ("action", "adventure", "sci-fi")),
    _item("t1", "The Terminator", 1984, ("action", "sci-fi", "thriller")),
    _item("t2", "Terminator 2: Judgment Day", 1991, ("action", "sci-fi", "thriller")),
    _item("lw", "The Lost World: Jurassic Park", 1997, ("action", "adventure", "sci-fi", "thriller")),
]

vocab = vocab_fixture(ITEMS, "h38-generalise-test")


def verdicts(ins) -> dict[str, str | None]:
    return {m.item_id: m.opinion for m in ins.mentions}


# --------------------------------------------------------------------------- a list closed by a time of life
@pytest.mark.parametrize("text, films", [
    ("loved the lion king and aladdin as a kid, now i want something for my own kids", ["lk", "al"]),
    ("adored babe and hook when i was little", ["ba", "ho"]),
    ("loved home alone and hook growing up. anything like that?", ["ha", "ho"]),
    ("i loved jaws and alien as a teenager", ["ja", "an"]),
    ("loved babe and aladdin back in the day", ["ba", "al"]),
])
def test_a_list_of_loved_films_closed_by_a_time_of_life(vocab, text, films):
    got = verdicts(parse(vocab, text))
    assert all(got.get(f) == "loved" for f in films), got


# --------------------------------------------------------------------------- several favourites at once
@pytest.mark.parametrize("text, films", [
    ("my favourites are heat, forrest gump and good will hunting", ["he", "fg", "gw"]),
    ("my favorite movies are heat and casino, any recs?", ["he", "ca"]),
    ("our favs: jaws and alien", ["ja", "an"]),
    ("my all time faves r fargo and pulp fiction", ["fa", "pf"]),
    ("my top 3: heat, forrest gump and good will hunting. what should i watch next?", ["he", "fg", "gw"]),
    ("my top 5 movies are heat, casino, alien, jaws and fargo", ["he", "ca", "an", "ja", "fa"]),
])
def test_several_favourites_said_at_once_are_all_loved(vocab, text, films):
    ins = parse(vocab, text)
    got = verdicts(ins)
    assert all(got.get(f) == "loved" for f in films), got
    assert ins.k in (None, 8)  # "my top 3" is no count of cards: the default


def test_one_favourite_hedged_still_reads_both(vocab):
    assert verdicts(parse(vocab, "my favourite is probably fargo, or maybe pulp fiction")) == {"fa": "loved", "pf": "loved"}


# --------------------------------------------------------------------------- a verdict after a colon
@pytest.mark.parametrize("text, want", [
    ("long story short: loved fargo, hated pulp fiction", {"fa": "loved", "pf": "hated"}),
    ("ok long story but: loved fargo, casino was ok", {"fa": "loved", "ca": "seen"}),
    ("my two cents: hated pulp fiction. want a crime movie from the 90s", {"pf": "hated"}),
    ("quick rundown: hated titanic, loved heat", {"ti": "hated", "he": "loved"}),
])
def test_verdicts_after_a_colon(vocab, text, want):
    got = verdicts(parse(vocab, text))
    assert all(f in got and got[f] == v for f, v in want.items()), got


# --------------------------------------------------------------------------- grown up on it (Chinese)
@pytest.mark.parametrize("text, films", [
    ("从小看小鬼当家长大的", ["ha"]),
    ("我是看着狮子王长大的 有类似的吗", ["lk"]),
    ("我从小看《狮子王》和《阿拉丁》长大的 现在想找给我女儿看的动画片", ["lk", "al"]),
    ("從小看《小鬼當家》長大的", ["ha"]),
    ("打小就看泰坦尼克号", ["ti"]),
])
def test_grown_up_on_a_film_is_loved(vocab, text, films):
    got = verdicts(parse(vocab, text))
    assert all(got.get(f) == "loved" for f in films), got


# --------------------------------------------------------------------------- so-so, right after the film (Chinese)
@pytest.mark.parametrize("text, want", [
    ("《重庆森林》是我的心头好 但是《这个杀手不太冷》一般 有没有类似的", {"ck": "loved", "pr": "seen"}),
    ("真实的谎言还行吧", {"tl": "seen"}),
    ("七宗罪超好看 非常嫌疑犯一般", {"se": "loved", "us": "seen"}),
    ("非常嫌疑犯还行 七宗罪也不错", {"us": "seen", "se": "loved"}),
    ("七宗罪和非常嫌疑犯我都看过 七宗罪超好看 非常嫌疑犯感觉一般", {"se": "loved", "us": "seen"}),
    ("泰坦尼克号就那样 阿甘正传很喜欢", {"ti": "seen", "fg": "loved"}),
])
def test_a_film_called_so_so_is_seen_only(vocab, text, want):
    ins = parse(vocab, text)
    got = verdicts(ins)
    assert all(f in got and got[f] == v for f, v in want.items()), got
    assert all(f in ins.constraints.exclude_ids or f in {m.item_id for m in ins.mentions} for f in want)


@pytest.mark.parametrize("text", ["评分一般的也行", "一般的喜剧就行"])
def test_so_so_with_no_film_names_none(vocab, text):
    assert parse(vocab, text).mentions == []


# --------------------------------------------------------------------------- an aside in brackets is its own film's
@pytest.mark.parametrize("text, want", [
    ("we just binged the jurassic park films this weekend (the lost world was kinda bad tbh)", {"jp": "loved", "lw": "hated"}),
    ("loved Heat (Casino was boring tho)", {"he": "loved", "ca": "hated"}),
    ("Alien is my all time favourite (Jaws was awful though)", {"an": "loved", "ja": "hated"}),
])
def test_a_verdict_in_brackets_is_the_film_in_them(vocab, text, want):
    got = verdicts(parse(vocab, text))
    assert all(f in got and got[f] == v for f, v in want.items()), got


@pytest.mark.parametrize("text, film", [
    ("we binged the jurassic park films last weekend", "jp"),
    ("binge-watched jaws and alien over the holidays", "ja"),
    ("marathoned the lost world and jurassic park yesterday", "jp"),
])
def test_films_binged_are_loved(vocab, text, film):
    assert verdicts(parse(vocab, text)).get(film) == "loved"


def test_a_list_in_brackets_shares_what_is_said_around_it(vocab):
    ins = parse(vocab, "been on a 90s kick lately (pulp fiction, good will hunting). what else is in that spirit?")
    assert verdicts(ins) == {"pf": "loved", "gw": "loved"}


# --------------------------------------------------------------------------- a film by part of its name, "too"
@pytest.mark.parametrize("text, want", [
    ("terminator 2 is my all-time fave, the first terminator too", {"t2": "loved", "t1": "loved"}),
    ("loved terminator 2, the first one too", {"t2": "loved"}),
    ("hated jurassic park, the lost world too", {"jp": "hated", "lw": "hated"}),
])
def test_a_film_named_by_part_shares_the_verdict_said_too(vocab, text, want):
    got = verdicts(parse(vocab, text))
    assert all(f in got and got[f] == v for f, v in want.items()), got


# --------------------------------------------------------------------------- favourites, then "what next?"
@pytest.mark.parametrize("text, films", [
    ("my top 3: heat, forrest gump and good will hunting. what should i watch next?", ["he", "fg", "gw"]),
    ("my favourites are fargo and pulp fiction, what should we watch next", ["fa", "pf"]),
    ("loved heat and casino. what to watch next?", ["he", "ca"]),
])
def test_favourites_with_what_next_are_the_kind_wanted(vocab, text, films):
    ins = parse(vocab, text)
    assert all(v == "loved" for v in verdicts(ins).values()) and set(verdicts(ins)) >= set(films)
    assert set(ins.reference_ids) == set(films)


def test_a_favourite_beside_a_film_hated_is_one_verdict_among_others(vocab):
    ins = parse(vocab, "I loved Fargo, hated Pulp Fiction. what should i watch next")
    assert verdicts(ins) == {"fa": "loved", "pf": "hated"}
    assert ins.reference_ids == []
