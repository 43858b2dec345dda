"""English and Chinese turns from the blind dev35 set (what the user has already watched), by class, each tested
with phrasings the dialogues do not use: a run of cards said as a range ("2-4 seen", "seen 1 to 3", "第2-4部都看过",
"第二到第四部看过了"), every card but some ("seen all but the last one", "watched everything except #2"), the whole
list in a word ("seen em all", "watched them all already"), a hedge before 看过 ("第二部好像看过": no "像", more like
it), 看了 said of cards ("第一个和第三个都看了"), a film said unseen and then asked about ("never saw the godfather, is
it worth it?", "教父没看过 值得看吗": that film, not the card in view), a list of films closed by a clause of its own
("seen jurassic park and titanic recently if that helps") and how many said after the request ("some 90s comedies,
5 of them", "westerns? 5 please"). A small hand-made catalog, no index, no model."""
from __future__ import annotations

import pytest

from catalog.item import Item
from chat.state import DialogueState, record_shown
from tests.parser_kit import parse, say, vocab_fixture

SHOWN_ITEMS = [
    Item(id=f"c{n}", title=title, year=year, runtime=100, genres=("comedy",))
    for n, (title, year) in enumerate([("Airplane!", 1980), ("Ghostbusters", 1984), ("Big", 1988), ("Tootsie", 1982),
                                       ("Caddyshack", 1980), ("Trading Places", 1983), ("Splash", 1984),
                                       ("Coming to America", 1988)], start=1)
]
ITEMS = SHOWN_ITEMS + [
    Item(id="g1", title="The Godfather", year=1972, runtime=175, genres=("action", "crime", "drama")),
    Item(id="t1", title="Titanic", year=1997, runtime=194, genres=("action", "drama", "romance")),
    Item(id="a1", title="Alien", year=1979, runtime=116, genres=("action", "horror", "sci-fi", "thriller")),
    Item(id="j1", title="Jurassic Park", year=1993, runtime=127, genres=("action", "adventure", "sci-fi")),
    Item(id="s1", title="Schindler's List", year=1993, runtime=195, genres=("drama", "war")),
    Item(id="b1", title="Braveheart", year=1995, runtime=177, genres=("action", "drama", "war")),
    Item(id="f1", title="Fargo", year=1996, runtime=98, genres=("crime", "drama", "thriller")),
    Item(id="h1", title="Heat", year=1995, runtime=170, genres=("action", "crime", "thriller")),
    Item(id="k1", title="Casablanca", year=1942, runtime=102, genres=("drama", "romance", "war")),
    Item(id="w1", title="Western Stars", year=1990, runtime=100, genres=("western",)),
]
SHOWN = [i.id for i in SHOWN_ITEMS]

vocab = vocab_fixture(ITEMS, "h36-generalise-test")


def played(vocab, *said: str):
    """Each of `said` after a request for comedies, the eight comedies shown after every turn; the last reading."""
    state, _ = say(vocab, DialogueState(), "recommend me some comedies")
    state = record_shown(state, SHOWN)
    ins = None
    for text in said:
        state, ins = say(vocab, state, text)
        state = record_shown(state, SHOWN)
    return ins


def seen_cards(ins) -> list[int]:
    return sorted(t.position for t in ins.feedback if t.kind == "dislike")


# --------------------------------------------------------------------------- a run of cards said as a range
@pytest.mark.parametrize("text, cards", [
    ("2-4 seen", [2, 3, 4]), ("seen 1 to 3", [1, 2, 3]), ("#2-#4 watched already", [2, 3, 4]),
    ("watched 3 thru 5", [3, 4, 5]), ("seen 5-7 tbh, any others?", [5, 6, 7]), ("第2-4部都看过", [2, 3, 4]),
    ("第二到第四部都看过了", [2, 3, 4]), ("2到4都看过", [2, 3, 4]), ("第三到五个看过了", [3, 4, 5]),
    ("第1-3个早就看过了", [1, 2, 3]), ("seen the 1st through the 3rd", [1, 2, 3]), ("watched first to third", [1, 2, 3]),
    ("2nd-4th seen", [2, 3, 4]), ("saw 2, 3 and 5", [2, 3, 5]),
])
def test_a_range_of_cards_said_seen(vocab, text, cards):
    ins = played(vocab, text)
    assert ins.action == "feedback" and seen_cards(ins) == cards
    assert ins.k == 8 and ins.constraints.include_genres == ["comedy"]


@pytest.mark.parametrize("text", ["my kids are 6 to 9, something for them", "under 90 to 100 minutes is fine"])
def test_numbers_joined_with_to_are_no_cards_without_a_verdict(vocab, text):
    assert not played(vocab, text).feedback


def test_a_count_said_as_a_range_is_still_a_count(vocab):
    assert parse(vocab, "推荐3-5部喜剧").k == 5


# --------------------------------------------------------------------------- every card but some
@pytest.mark.parametrize("text, left", [
    ("seen all but the last one", [8]), ("watched everything except #2", [2]),
    ("seen em all besides the first", [1]), ("seen every one except #6", [6]),
    ("seen all except the 4th and 5th", [4, 5]), ("every one of these i've seen except the 2nd", [2]),
    ("seen everything but 2 and 6", [2, 6]), ("all of them we've watched apart from #5", [5]),
])
def test_every_card_but_some_said_seen(vocab, text, left):
    ins = played(vocab, text)
    assert ins.action == "feedback" and seen_cards(ins) == [p for p in range(1, 9) if p not in left]


# --------------------------------------------------------------------------- the whole list in a word
@pytest.mark.parametrize("text", ["seen em all", "watched them all already", "seen all of em lol", "i've seen them all",
                                  "we watched em all"])
def test_the_whole_list_said_seen(vocab, text):
    ins = played(vocab, text)
    assert ins.action == "feedback" and seen_cards(ins) == list(range(1, 9))


# --------------------------------------------------------------------------- hedged and 看了 (Chinese)
@pytest.mark.parametrize("text, cards", [
    ("第二部好像看过", [2]), ("第三部貌似看过了", [3]), ("第一部我好像看过", [1]), ("第四个似乎看过", [4]),
    ("第五部应该看过 记不清了", [5]), ("第一个和第三个都看了", [1, 3]), ("第二部已经看了", [2]), ("第六个也看了", [6]),
])
def test_a_hedged_or_plain_watched_card_in_chinese(vocab, text, cards):
    ins = played(vocab, text)
    assert ins.action == "feedback" and seen_cards(ins) == cards
    assert not any(t.kind == "more_like" for t in ins.feedback)


# --------------------------------------------------------------------------- a film said unseen, then asked about
@pytest.mark.parametrize("text, item", [
    ("never saw the godfather, is it worth it?", "g1"), ("haven't seen titanic. how long is it", "t1"),
    ("i never watched alien, is it gory?", "a1"), ("still havent seen fargo tho, is it good?", "f1"),
    ("never seen heat. is it actually violent?", "h1"),
])
def test_a_film_said_unseen_then_asked_about(vocab, text, item):
    ins = played(vocab, text)
    assert ins.action == "question" and ins.question_item_id == item and ins.question_position is None
    assert not ins.mentions


@pytest.mark.parametrize("text, position", [("havent seen #2, whats it about?", 2), ("没看过第三部 多长", 3),
                                            ("never saw the 4th one, how long is it", 4)])
def test_a_card_said_unseen_then_asked_about_stays_the_card(vocab, text, position):
    ins = played(vocab, text)
    assert ins.action == "question" and ins.question_position == position


# --------------------------------------------------------------------------- a list of films closed by a clause
@pytest.mark.parametrize("text, items", [
    ("seen jurassic park and titanic recently if that helps", ["j1", "t1"]),
    ("seen schindlers list and braveheart this month so i need a laugh", ["s1", "b1"]),
    ("watched fargo and heat the other day, any others?", ["f1", "h1"]),
    ("seen titanic and casablanca so want something new", ["t1", "k1"]),
    ("watched alien and jurassic park lately cuz my son loves dinosaurs and monsters", ["a1", "j1"]),
])
def test_a_list_of_films_seen_ends_where_a_clause_starts(vocab, text, items):
    ins = played(vocab, text)
    assert ins.action == "seen" and sorted(m.item_id for m in ins.mentions) == sorted(items)
    assert ins.constraints.include_genres == ["comedy"]


# --------------------------------------------------------------------------- how many, said after the request
@pytest.mark.parametrize("text, k", [
    ("some 90s comedies, 5 of them", 5), ("any good 80s comedies? 5 please", 5), ("westerns - just 4", 4),
    ("horror, 6 would be plenty", 6), ("crime films. three please", 3), ("dramas from the 50s, only 6", 6),
])
def test_a_count_said_after_the_request(vocab, text, k):
    assert parse(vocab, text).k == k


@pytest.mark.parametrize("text", ["comedies under 90 please", "anything rated 7 please", "something from 1995 please"])
def test_a_number_of_a_limit_is_no_count(vocab, text):
    assert parse(vocab, text).k == 8


# --------------------------------------------------------------------------- films seen, the genre in force said again
@pytest.mark.parametrize("text, item", [
    ("刚看完Titanic 现在想看点喜剧", "t1"), ("Titanic看过了 想看点搞笑的", "t1"),
    ("just watched titanic with my wife, now a comedy for me", "t1"), ("seen fargo already, still want comedies tho", "f1"),
    ("watched heat last night. more comedy pls", "h1"),
])
def test_a_film_seen_with_the_genre_in_force_said_again_is_seen(vocab, text, item):
    ins = played(vocab, text)
    assert ins.action == "seen" and [m.item_id for m in ins.mentions] == [item]
    assert ins.constraints.include_genres == ["comedy"]


def test_a_film_seen_with_another_genre_is_still_a_request(vocab):
    ins = played(vocab, "seen titanic, want westerns now")
    assert ins.action != "seen" and ins.constraints.include_genres == ["western"]


# --------------------------------------------------------------------------- a card said unseen, then "is it good?"
@pytest.mark.parametrize("text, position", [
    ("haven't seen the 2nd one, is it good?", 2), ("never watched the third, is it any good?", 3),
    ("havent seen #4, is it funny?", 4), ("第二部没看过 好看吗", 2), ("the 5th one, is it good?", 5),
])
def test_a_card_not_seen_then_asked_whether_good_is_a_question(vocab, text, position):
    ins = played(vocab, text)
    assert ins.action == "question" and ins.question_position == position and not ins.feedback


# --------------------------------------------------------------------------- only that films were never watched
@pytest.mark.parametrize("text", ["never seen any of these", "never seen titanic", "haven't seen fargo tbh",
                                  "i've not watched them yet", "havent seen heat either lol", "still haven't seen alien"])
def test_saying_only_what_was_never_watched_keeps_the_request(vocab, text):
    ins = played(vocab, text)
    assert ins.action == "smalltalk" and not ins.mentions and not ins.feedback


# --------------------------------------------------------------------------- none watched (Chinese)
@pytest.mark.parametrize("text", ["这几部我都没看过", "都没看过", "一部都没看过", "fargo没看过"])
def test_none_of_the_cards_watched_in_chinese_keeps_the_request(vocab, text):
    ins = played(vocab, text)
    assert ins.action in ("smalltalk", "question") and not ins.feedback and not ins.mentions


# --------------------------------------------------------------------------- from one card to the end of the list
@pytest.mark.parametrize("text, first", [
    ("第四部以后的都看过", 4), ("第三个往后都看了", 3), ("#4 onwards seen", 4), ("seen everything from the 3rd down", 3),
    ("5 and below watched", 5), ("seen the 6th one and after", 6),
])
def test_cards_from_one_to_the_end_said_seen(vocab, text, first):
    ins = played(vocab, text)
    assert ins.action == "feedback" and seen_cards(ins) == list(range(first, 9))


def test_down_alone_runs_no_cards(vocab):
    assert seen_cards(played(vocab, "the first one down looks boring")) == [1]
