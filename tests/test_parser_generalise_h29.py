"""English and Chinese turns from the blind dev29 dialogues (how a first-time visitor opens with films as the
kind wanted, then steers by naming films), by class, each tested with phrasings the dialogues do not use: films
liked or loved with a wish for more ("whats a good movie if i liked X", "for someone who loves X", "X is my comfort
movie, anything with the same feels", 看完X意犹未尽) are references; a film just seen with "what should i watch
next" (接下来看什么) is one, a verdict beside it is not; a film named by a word after it ("X-ish", "a X kick",
"more of a X guy", "X but less gory") or, for a two-character Chinese title, by 一类 / 那味; a reference swapped
("swap X for Y", "more like Y than X", 换成像Y那种的, "not X, more like y" with y a card typed in lower case) or added ("Y too, same kind of vibe") keeps the request in
force; "even if it's older" lets a limit go; "changed my mind" starts afresh; a later film of a series said by its part ("seen part II") after the first; words that describe the films
wanted beside a reference (感人一点的) stay a leaning.
One-word titles are written with their capital, as the catalog's spotter needs one for them ("Heat", not "heat").
A small hand-made catalog, no index, no model."""
from __future__ import annotations

import pytest

from catalog.item import Item
from tests.parser_kit import parse, say_each, vocab_fixture

ITEMS = [
    Item(id="he", title="Heat", year=1995, runtime=188, genres=("action", "crime", "thriller")),
    Item(id="ro", title="Ronin", year=1998, runtime=122, genres=("action", "crime", "thriller")),
    Item(id="ja", title="Jaws", year=1975, runtime=130, genres=("action", "horror"),
         metadata={"aliases": "大白鲨"}),
    Item(id="al", title="Alien", year=1979, runtime=117, genres=("horror", "sci-fi"),
         metadata={"aliases": "异形"}),
    Item(id="as", title="Aliens", year=1986, runtime=154, genres=("action", "sci-fi", "war")),
    Item(id="gf", title="The Godfather", year=1972, runtime=175, genres=("crime", "drama"),
         metadata={"aliases": "教父"}),
    Item(id="g2", title="The Godfather: Part II", year=1974, runtime=200, genres=("crime", "drama")),
    Item(id="d2", title="Die Hard 2", year=1990, runtime=124, genres=("action", "thriller")),
    Item(id="pf", title="Pulp Fiction", year=1994, runtime=168, genres=("crime", "drama"),
         metadata={"aliases": "低俗小说"}),
    Item(id="fa", title="Fargo", year=1996, runtime=98, genres=("crime", "drama", "thriller")),
    Item(id="gd", title="Groundhog Day", year=1993, runtime=101, genres=("comedy", "romance")),
    Item(id="dh", title="Die Hard", year=1988, runtime=131, genres=("action", "thriller")),
    Item(id="sr", title="Singin' in the Rain", year=1952, runtime=103, genres=("musical", "romance")),
    Item(id="jp", title="Jurassic Park", year=1993, runtime=127, genres=("action", "adventure", "sci-fi"),
         metadata={"aliases": "侏罗纪公园"}),
    Item(id="ju", title="Jumanji", year=1995, runtime=104, genres=("adventure", "children's", "fantasy"),
         metadata={"aliases": "勇敢者的游戏"}),
    Item(id="co", title="Contact", year=1997, runtime=153, genres=("drama", "sci-fi")),
    Item(id="pl", title="Platoon", year=1986, runtime=120, genres=("drama", "war")),
]

SHOWN = ["co", "pl", "gd", "jp", "sr"]

vocab = vocab_fixture(ITEMS, "h29-generalise-test")


def _play(vocab, *said: str):
    state, ins = say_each(vocab, SHOWN, *said)
    return ins, state


@pytest.mark.parametrize("text, film", [
    ("whats a good movie if i liked Heat? nothing too long", "he"),
    ("what would you recommend if i loved Fargo", "fa"),
    ("any recs for someone who loves Jaws?", "ja"),
    ("looking for something for a person who really loves Heat", "he"),
    ("good films for people who enjoyed groundhog day?", "gd"),
    ("Fargo is my comfort movie. anything with the same feels?", "fa"),
    ("loved heat, anything with the same vibes?", "he"),
])
def test_a_film_liked_with_a_wish_for_more_is_a_reference(vocab, text, film):
    ins, state = _play(vocab, text)
    assert film in state.reference_ids
    assert film in state.liked_ids


@pytest.mark.parametrize("text, film", [
    ("just finished heat, what should i watch next?", "he"),
    ("just finished jaws. what to watch after?", "ja"),
    ("just watched fargo, what should we see next", "fa"),
    ("刚看完大白鲨 接下来看什么好", "ja"),
    ("看完了低俗小说 下一部看什么", "pf"),
])
def test_a_film_just_seen_with_what_to_watch_next_is_a_reference(vocab, text, film):
    ins, state = _play(vocab, text)
    assert film in state.reference_ids
    assert film in ins.constraints.exclude_ids


def test_a_verdict_beside_what_to_watch_next_is_no_reference(vocab):
    ins, state = _play(vocab, "I loved Fargo, hated Pulp Fiction. what should i watch next")
    assert state.reference_ids == []
    assert "fa" in state.liked_ids and "pf" in state.disliked_ids


@pytest.mark.parametrize("text, film", [
    ("want something singin in the rain-ish tonight", "sr"),
    ("anything Heat-ish?", "he"),
    ("been on a Jaws kick lately, anything similar?", "ja"),
    ("she likes romcoms, i'm more of a die hard guy", "dh"),
    ("jaws but less gory?", "ja"),
    ("groundhog day but funnier", "gd"),
    ("fargo but a bit darker pls", "fa"),
    ("想看几部教父一类的", "gf"),
    ("大白鲨一类的片子有吗", "ja"),
    ("有没有异形那味儿的", "al"),
])
def test_a_film_named_by_a_word_after_it_is_a_reference(vocab, text, film):
    ins, state = _play(vocab, text)
    assert film in state.reference_ids


@pytest.mark.parametrize("first, then, gone, new", [
    ("something like heat, crime only", "actually swap heat for ronin", "he", "ro"),
    ("something like heat, crime only", "replace heat with fargo", "he", "fa"),
    ("crime films like heat", "hmm more like Ronin than Heat", "he", "ro"),
    ("犯罪片 像教父那种的", "换成像低俗小说那种的", "gf", "pf"),
    ("犯罪片 像教父那种的", "想要低俗小说那样的 换成这个吧", "gf", "pf"),
])
def test_a_reference_swapped_keeps_the_request(vocab, first, then, gone, new):
    ins, state = _play(vocab, first, then)
    assert ins.action == "refine"
    assert new in state.reference_ids and gone not in state.reference_ids
    assert state.constraints.include_genres == ["crime"]


@pytest.mark.parametrize("then", [
    "Fargo too, same kind of vibe",
    "and fargo as well, that kind of thing",
    "Fargo also, similar stuff",
])
def test_a_reference_added_with_too_keeps_the_request(vocab, then):
    ins, state = _play(vocab, "something like heat, under 2 and a half hours", then)
    assert ins.action == "refine"
    assert {"he", "fa"} <= set(state.reference_ids)
    assert state.constraints.max_runtime == 150


@pytest.mark.parametrize("then, key", [
    ("like fargo too, even if it's older", "min_year"),
    ("doesn't matter if they're older", "min_year"),
    ("i don't mind if it's black and white", "min_year"),
    ("even if they're a bit longer", "max_runtime"),
    ("doesn't really matter if it's long", "max_runtime"),
])
def test_even_if_older_or_longer_lets_the_limit_go(vocab, then, key):
    ins, state = _play(vocab, "crime films from 1980 on, under 100 minutes", then)
    assert getattr(state.constraints, key) is None
    assert state.constraints.max_year is None


@pytest.mark.parametrize("then", [
    "changed my mind, want something funny instead",
    "i've changed my mind. comedies please",
])
def test_changed_my_mind_starts_afresh(vocab, then):
    ins, state = _play(vocab, "something like heat, under 2 hours", then)
    assert ins.action == "new"
    assert state.reference_ids == [] and state.constraints.max_runtime is None


@pytest.mark.parametrize("text, film", [
    ("刚看完《大白鲨》意犹未尽 求推荐", "ja"),
    ("看完异形还没看够 有没有推荐", "al"),
])
def test_still_full_of_a_film_is_love_and_a_reference(vocab, text, film):
    ins, state = _play(vocab, text)
    assert film in state.liked_ids and film in state.reference_ids


@pytest.mark.parametrize("text, genre", [
    ("教父和低俗小说这种 感人一点的", "drama"),
    ("像侏罗纪公园那种的 搞笑一点的", "comedy"),
])
def test_words_beside_a_reference_describe_the_films_wanted(vocab, text, genre):
    ins = parse(vocab, text)
    assert genre in ins.intention.genres + ins.constraints.include_genres


@pytest.mark.parametrize("text, first, later", [
    ("just finished the godfather, what should i watch next? already seen part II", "gf", "g2"),
    ("seen the godfather and watched part 2 as well", "gf", "g2"),
    ("loved die hard, and loved part 2 too", "dh", "d2"),
])
def test_a_later_part_said_after_the_first_film_is_seen_too(vocab, text, first, later):
    ins, state = _play(vocab, text)
    assert {first, later} <= set(ins.constraints.exclude_ids)


@pytest.mark.parametrize("then", [
    "hmm not heat, more like fargo",
    "forget heat. more like fargo",
    "more like fargo than heat",
])
def test_a_card_typed_in_lower_case_replaces_the_reference(vocab, then):
    state, ins = say_each(vocab, ["co", "fa", "pl"], "been on a Heat kick lately, crime please", then)
    assert ins.action in ("refine", "feedback")
    assert "fa" in set(state.reference_ids) and "he" not in state.reference_ids
    assert state.constraints.include_genres == ["crime"]


@pytest.mark.parametrize("text, film", [
    ("what should i watch after pulp fiction?", "pf"),
    ("what to watch after Heat", "he"),
    ("so what can we see next after jurassic park? something for the kids", "jp"),
])
def test_what_to_watch_after_a_film_asks_for_films_like_it(vocab, text, film):
    ins = parse(vocab, text)
    assert ins.action == "new"
    assert film in ins.reference_ids


@pytest.mark.parametrize("then, pos, cap", [
    ("like #2 but not too long", 2, True),
    ("something like the first one, but not so long", 1, True),
    ("like the 3rd but not too long", 3, True),
    ("similar to #1 but not so old", 1, False),
    ("like the last one but not so gory", 5, False),
    ("跟第二个差不多 但别太长", 2, True),
    ("像第一部那样的 但是不要太长", 1, True),
])
def test_like_a_card_but_not_so_much_is_more_like_it(vocab, then, pos, cap):
    state, ins = say_each(vocab, SHOWN, "something like Heat", then)
    shown = SHOWN[pos - 1]
    assert ins.action == "feedback"
    assert shown in state.reference_ids and shown not in state.disliked_ids
    if cap:
        assert 100 <= (state.constraints.max_runtime or 0) <= 130


def test_a_card_turned_down_with_not_stays_a_dislike(vocab):
    state, ins = say_each(vocab, SHOWN, "something like Heat", "the 2nd looks great but not for me")
    assert SHOWN[1] in state.disliked_ids


@pytest.mark.parametrize("text, films", [
    ("what's good if you're into alien and the terminator", {"al"}),
    ("any recs for someone who's into Jaws", {"ja"}),
    ("good picks for people who are big fans of pulp fiction?", {"pf"}),
    ("what's good if i'm really into groundhog day", {"gd"}),
])
def test_a_taste_for_a_film_said_as_being_into_it_is_a_reference(vocab, text, films):
    ins = parse(vocab, text)
    assert ins.action == "new"
    assert films <= set(ins.reference_ids)


@pytest.mark.parametrize("text, film", [
    ("we just watched jurassic park with the kids, what next?", "jp"),
    ("我最近迷上了《教父》 有类似的吗", "gf"),
])
def test_a_film_just_seen_or_hooked_on_with_a_wish_for_more_is_a_reference(vocab, text, film):
    ins, state = _play(vocab, text)
    assert film in state.reference_ids and film in ins.constraints.exclude_ids


@pytest.mark.parametrize("first, then, gone, new", [
    ("像教父那样的犯罪片", "换个参照 像低俗小说那种", "gf", "pf"),
    ("像教父那样的犯罪片", "教父就算了 要低俗小说那种", "gf", "pf"),
    ("像教父那样的犯罪片", "《教父》不要了，换一个，像低俗小说那样的", "gf", "pf"),
])
def test_a_chinese_reference_let_go_for_another_keeps_the_request(vocab, first, then, gone, new):
    ins, state = _play(vocab, first, then)
    assert ins.action == "refine"
    assert new in state.reference_ids and gone not in state.reference_ids
    assert state.constraints.include_genres == ["crime"]


@pytest.mark.parametrize("text, film", [
    ("what would you suggest if i loved fargo", "fa"),
    ("i keep rewatching groundhog day, need more like it", "gd"),
    ("we've been rewatching jurassic park all summer lol, something similar?", "jp"),
])
def test_a_film_loved_in_lower_case_with_a_wish_for_more_is_a_reference(vocab, text, film):
    ins, state = _play(vocab, text)
    assert film in state.reference_ids and film in state.liked_ids


@pytest.mark.parametrize("text, film", [
    ("whats a good movie if i liked groundhog day?", "gd"),
    ("any recs for someone who loves jurassic park?", "jp"),
])
def test_a_film_after_liked_or_loves_is_a_reference_in_lower_case(vocab, text, film):
    ins, state = _play(vocab, text)
    assert film in state.reference_ids


@pytest.mark.parametrize("text, genre", [
    ("下雨天想看点雨中曲那种老歌舞片", "musical"),
    ("推荐几部老动作片", "action"),
    ("有没有老战争片", "war"),
])
def test_old_films_of_a_kind_in_chinese_set_a_ceiling(vocab, text, genre):
    ins = parse(vocab, text)
    assert ins.constraints.include_genres == [genre]
    assert ins.constraints.max_year is not None and ins.constraints.max_year <= 1989


def test_old_in_another_word_sets_no_period(vocab):
    assert parse(vocab, "老公想看动作片").constraints.max_year is None


@pytest.mark.parametrize("then, kept, added", [
    ("ok and add pulp fiction to that", True, "pf"),
    ("throw in die hard too", True, "dh"),
    ("how about more like the godfather instead", False, "gf"),
    ("heat's not quite it. try more like pulp fiction", False, "pf"),
    ("heat is not quite right, more like die hard", False, "dh"),
])
def test_a_reference_added_by_a_verb_or_put_instead(vocab, then, kept, added):
    ins, state = _play(vocab, "something like Heat, under 2 and a half hours", then)
    assert ins.action == "refine"
    assert added in state.reference_ids
    assert ("he" in state.reference_ids) is kept
    assert state.constraints.max_runtime == 150
