"""English and Chinese turns from the blind dev34 dialogues (soft wishes and moods steered through a conversation),
by class, each tested with phrasings the dialogues do not use: less or too much of a genre ("a bit less action",
"fewer musicals", "too much action now", "少点动作的", "爱情成分少一点", "动作太多了") is a soft turn from it, and a genre
asked for in force that the turn turns from softly (that, or "not a big fan of X") is no longer required; of two
genres in force, a complaint that turns from one while the other is said again drops it ("horror comedies" then
"too goofy, actually scary horror now"); "too rowdy" (太闹了, 太闹腾了) turns from the loud fun; "more of a story" leans to drama; words for a
rousing film (燃一点的, 更燃的, 热血沸腾) are the exciting mood; a card or the list said to seem so with the subject
left out or no degree word ("hmm sounds intense", "looks kinda dark tho") is a complaint, no wish, and a mood
measured against a card after it ("... got something lighter than #2?") is read as well; a wholly different wish
(换个完全不同的, "totally different vibe now") is a new request. A small hand-made catalog, no index, no model."""
from __future__ import annotations

import pytest

from catalog.item import Item
from tests.parser_kit import parse, say_each, vocab_fixture

ITEMS = [
    Item(id="ro", title="The Rock", year=1996, runtime=136, genres=("action", "adventure", "thriller")),
    Item(id="fu", title="The Fugitive", year=1993, runtime=130, genres=("action", "thriller")),
    Item(id="x3", title="Groundhog Day", year=1993, runtime=101, genres=("comedy", "romance")),
    Item(id="sl", title="Sleepless in Seattle", year=1993, runtime=105, genres=("comedy", "romance")),
    Item(id="hn", title="High Noon", year=1952, runtime=85, genres=("western",)),
    Item(id="sm", title="Singin' in the Rain", year=1952, runtime=103, genres=("comedy", "musical", "romance")),
    Item(id="pl", title="Platoon", year=1986, runtime=120, genres=("drama", "war")),
    Item(id="ve", title="Vertigo", year=1958, runtime=128, genres=("mystery", "thriller")),
    Item(id="al", title="Alien", year=1979, runtime=117, genres=("horror", "sci-fi")),
]

SHOWN = ["ro", "fu", "x3", "sl", "pl", "ve"]

vocab = vocab_fixture(ITEMS, "h35-generalise-test")


def _play(vocab, *said: str):
    state, ins = say_each(vocab, SHOWN, *said)
    return ins, state


@pytest.mark.parametrize("first, then, genre", [
    ("something with action in it", "hmm a bit less action please", "action"),
    ("action movies from the 90s", "less action, more story", "action"),
    ("action movies", "not a big fan of action after all, something calmer", "action"),
    ("romantic comedies", "less romance please", "romance"),
    ("romantic comedies", "not so much romance", "romance"),
    ("来点动作片", "少点动作的", "action"),
    ("爱情喜剧", "爱情成分少一点", "romance"),
    ("来几部动作片", "动作戏少一点吧", "action"),
    ("action movies", "way too much action, something calmer", "action"),
    ("something with action in it", "too much action now", "action"),
    ("来点动作片", "动作太多了", "action"),
    ("爱情喜剧", "爱情戏有点多", "romance"),
])
def test_less_of_a_genre_in_force_turns_from_it_softly(vocab, first, then, genre):
    ins, state = _play(vocab, first, then)
    assert ins.action == "refine"
    assert genre not in state.constraints.include_genres and genre not in state.constraints.exclude_genres
    assert genre in state.instruction.intention.avoid


@pytest.mark.parametrize("text, genre", [
    ("something exciting but fewer musicals", "musical"),
    ("a comedy, less romance though", "romance"),
    ("喜剧 爱情少一点", "romance"),
    ("来点刺激的 恐怖片少一点", "horror"),
])
def test_less_of_a_genre_not_in_force_is_avoided_not_ruled_out(vocab, text, genre):
    i = parse(vocab, text)
    assert genre in i.intention.avoid and genre not in i.constraints.exclude_genres


@pytest.mark.parametrize("text", ["horror but less scary", "not too scary please", "less violent stuff"])
def test_less_said_of_a_mood_is_still_the_mood(vocab, text):
    i = parse(vocab, text)
    assert any(m in i.intention.moods for m in ("less scary", "less violent"))


@pytest.mark.parametrize("text", ["more of a story please", "something with more plot", "something with more substance",
                                  "i want more of a plot this time"])
def test_more_story_leans_to_drama(vocab, text):
    _ins, state = _play(vocab, "something exciting", text)
    assert "drama" in state.instruction.intention.genres


@pytest.mark.parametrize("text", ["想看燃一点的", "来点更燃的", "有没有看了热血沸腾的", "要够燃的", "超燃的那种"])
def test_rousing_words_are_the_exciting_mood(vocab, text):
    i = parse(vocab, text)
    assert "exciting" in i.intention.moods and "action" in i.intention.genres
    assert i.constraints.include_genres == []


@pytest.mark.parametrize("text, flipped", [
    ("hmm sounds intense", "not exciting"),
    ("looks kinda dark tho", "not darker"),
    ("ugh these look bleak", "not darker"),
    ("they seem sad", "not moving"),
])
def test_a_card_said_to_seem_so_is_a_complaint(vocab, text, flipped):
    _ins, state = _play(vocab, "something for tonight", text)
    assert flipped in state.instruction.intention.moods


@pytest.mark.parametrize("text", ["i want something that looks exciting", "something that sounds fun"])
def test_a_wish_for_what_a_film_seems_is_no_complaint(vocab, text):
    i = parse(vocab, text)
    assert not any(m.startswith("not ") for m in i.intention.moods)


@pytest.mark.parametrize("text", [
    "hmm sounds intense. got something lighter than #2?",
    "looks dark. anything lighter than the second one?",
    "第二部看着好紧张 有没有比它轻松点的",
])
def test_a_complaint_then_a_mood_against_a_card_reads_the_mood(vocab, text):
    ins, state = _play(vocab, "want some edge of my seat stuff", text)
    assert ins.action == "refine"
    assert "comedy" in state.instruction.intention.genres
    assert "exciting" not in state.instruction.intention.moods


@pytest.mark.parametrize("text", [
    "looks scary. anything less intense?",
    "hmm that one sounds scary",
])
def test_a_genre_word_in_a_remark_on_a_card_is_no_wish(vocab, text):
    _ins, state = _play(vocab, "something exciting", text)
    assert "horror" not in state.constraints.include_genres


@pytest.mark.parametrize("text, genre", [
    ("换个完全不同的 来几部西部片", "western"),
    ("来点截然不同的 西部片吧", "western"),
    ("ok totally different vibe now, a western", "western"),
    ("switching gears, westerns please", "western"),
])
def test_a_wholly_different_wish_is_a_new_request(vocab, text, genre):
    ins, state = _play(vocab, "有点悬疑的 不要恐怖片 八十年代的", text)
    assert ins.action == "new"
    assert state.constraints.include_genres == [genre]
    assert state.constraints.exclude_genres == [] and state.constraints.min_year is None


@pytest.mark.parametrize("first, then, kept, gone", [
    ("horror comedies", "ok these are too goofy. i want actually scary horror now", "horror", "comedy"),
    ("horror comedies from the 80s", "too silly. just proper horror now", "horror", "comedy"),
    ("action comedies", "way too goofy, just action please", "action", "comedy"),
    ("恐怖喜剧", "太沙雕了 就要恐怖片", "horror", "comedy"),
    ("恐怖喜剧", "太沙雕了 还是要吓人的恐怖片", "horror", "comedy"),
])
def test_a_complaint_about_one_of_two_genres_drops_it(vocab, first, then, kept, gone):
    ins, state = _play(vocab, first, then)
    assert ins.action == "refine"
    assert state.constraints.include_genres == [kept]


def test_a_complaint_with_one_genre_in_force_keeps_it(vocab):
    _ins, state = _play(vocab, "comedies from the 90s", "these are too silly")
    assert state.constraints.include_genres == ["comedy"]


@pytest.mark.parametrize("first, then", [("来点动作片", "太闹腾了 安静点的"), ("想看点热闹的", "太吵闹了 换个安静的"),
                                         ("想看点热闹的", "太闹了 安静点的"), ("推荐几部轻松点的", "有点太闹了 来点安静的")])
def test_too_rowdy_turns_from_the_loud_fun(vocab, first, then):
    _ins, state = _play(vocab, first, then)
    assert "not party" in state.instruction.intention.moods or "party" not in state.instruction.intention.moods
    assert "drama" in state.instruction.intention.genres


@pytest.mark.parametrize("text, genre", [("歌舞太多的就别了", "musical"), ("打斗戏太多的不要", "action")])
def test_too_much_of_a_genre_refused_outright_rules_it_out(vocab, text, genre):
    i = parse(vocab, text)
    assert genre in i.constraints.exclude_genres


@pytest.mark.parametrize("text", ["闹鬼的片子", "太闹心了 来点轻松的"])
def test_other_words_with_nao_are_no_rowdy_complaint(vocab, text):
    i = parse(vocab, text)
    assert "not party" not in i.intention.moods
