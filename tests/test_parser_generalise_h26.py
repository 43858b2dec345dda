"""English and Chinese turns from the blind dev26 dialogues (soft wishes and moods, and how they change), by
class, each tested with phrasings the dialogues do not use: a genre only leaned to, given up ("forget the romance
bit", "不用有爱情了"), goes without being ruled out; a mood said in place of another keeps the genres ruled out
("no horror" then "换个轻松的"); a mood opposed to the one in force takes its place ("too sad, something
happier", "黑暗的" then "轻松点的"); the list said to be so ("these all look so bleak") wants the other way, a
viewer's own state ("太累了") does not; mood words for a film that moves, one that messes with your head, more
adventure and a quiet film; and a film told of as cried through ("哭过了") is seen. A small hand-made catalog, no
index, no model."""
from __future__ import annotations

import pytest

from catalog.item import Item
from tests.parser_kit import parse, say_each, vocab_fixture

ITEMS = [
    Item(id="g1", title="The Godfather", year=1972, runtime=175, genres=("crime", "drama")),
    Item(id="al", title="Alien", year=1979, runtime=117, genres=("horror", "sci-fi")),
    Item(id="x1", title="Toy Story", year=1995, runtime=81, genres=("animation", "children's", "comedy")),
    Item(id="x3", title="Groundhog Day", year=1993, runtime=101, genres=("comedy", "romance")),
    Item(id="ti", title="Titanic", year=1997, runtime=194, genres=("action", "drama", "romance")),
    Item(id="pl", title="Platoon", year=1986, runtime=120, genres=("drama", "war")),
    Item(id="fu", title="The Fugitive", year=1993, runtime=130, genres=("action", "thriller")),
    Item(id="us", title="The Usual Suspects", year=1995, runtime=106, genres=("crime", "thriller")),
    Item(id="ad", title="Raiders of the Lost Ark", year=1981, runtime=115, genres=("action", "adventure")),
    Item(id="ve", title="Vertigo", year=1958, runtime=128, genres=("mystery", "thriller")),
    Item(id="hn", title="High Noon", year=1952, runtime=85, genres=("western",)),
    Item(id="sm", title="Singin' in the Rain", year=1952, runtime=103, genres=("comedy", "musical", "romance")),
]

SHOWN = ["g1", "x1", "x3", "pl", "fu", "ad"]

vocab = vocab_fixture(ITEMS, "h26-generalise-test")


def _play(vocab, *said: str):
    state, ins = say_each(vocab, SHOWN, *said)
    return ins, state


@pytest.mark.parametrize("first, then", [
    ("something cozy, maybe with a bit of romance?", "actually forget the romance bit, just something funny"),
    ("something cozy, maybe with a bit of romance?", "drop the romance part"),
    ("something cozy, maybe with a bit of romance?", "never mind the romance"),
    ("feel-good stuff, bonus if there's some romance", "skip the romance thing"),
    ("想看点轻松的 可以有点爱情", "不用有爱情了"),
    ("想看点轻松的 可以有点爱情", "爱情就不用了"),
    ("来点开心的 最好带点爱情", "不需要带爱情"),
    ("来点开心的 最好带点爱情", "去掉爱情吧"),
])
def test_a_genre_only_leaned_to_can_be_given_up_without_ruling_it_out(vocab, first, then):
    ins, state = _play(vocab, first, then)
    assert ins.action == "refine"
    assert "romance" not in state.instruction.intention.genres
    assert "romance" not in state.constraints.exclude_genres and "romance" not in state.constraints.include_genres
    assert "comedy" in state.instruction.intention.genres or "comedy" in state.constraints.include_genres


def test_a_genre_asked_for_and_given_up_is_no_longer_leaned_to(vocab):
    _ins, state = _play(vocab, "来点爱情片", "不用有爱情了")
    assert state.constraints.include_genres == [] and "romance" not in state.instruction.intention.genres


@pytest.mark.parametrize("first, then", [
    ("今晚想看点刺激的 不要恐怖片", "换个轻松的"),
    ("今晚想看点刺激的 不要恐怖片", "算了 换成治愈一点的"),
    ("今晚想看点刺激的 不要恐怖片", "还是来点轻松的吧"),
    ("something on the edge of my seat, no horror", "actually something lighter instead"),
    ("something on the edge of my seat, no horror", "hmm actually something feel-good instead"),
    ("war films, no horror", "actually, something lighter instead"),
])
def test_a_mood_said_in_place_of_another_keeps_the_genres_ruled_out(vocab, first, then):
    _ins, state = _play(vocab, first, then)
    assert state.constraints.exclude_genres == ["horror"]
    assert state.constraints.include_genres == []
    assert "comedy" in state.instruction.intention.genres


@pytest.mark.parametrize("first, then, gone, now", [
    ("i want a good cry tonight", "ugh too sad, something happier", "drama", "comedy"),
    ("i want a good cry tonight", "something cheerful now", "drama", "comedy"),
    ("something dark and gritty", "eh these all look so bleak. something lighter", "thriller", "comedy"),
    ("something dark and gritty", "lighter please", "thriller", "comedy"),
    ("来点黑暗一点的", "轻松点的", "thriller", "comedy"),
    ("想看感人的", "开心一点的", "drama", "comedy"),
    ("something to keep me on the edge of my seat", "something relaxing", "thriller", "comedy"),
])
def test_a_mood_opposed_to_the_one_in_force_takes_its_place(vocab, first, then, gone, now):
    _ins, state = _play(vocab, first, then)
    assert gone not in state.instruction.intention.genres and now in state.instruction.intention.genres


def test_a_mood_told_of_a_film_seen_does_not_replace_the_one_wished_for(vocab):
    _ins, state = _play(vocab, "想看点治愈系的电影", "titanic我看了三遍，每次都哭")
    assert "comedy" in state.instruction.intention.genres


@pytest.mark.parametrize("text, flipped", [
    ("these all look so bleak", "not darker"),
    ("hmm they're all really intense", "not exciting"),
    ("ugh those look way sad", "not moving"),
])
def test_the_list_said_to_be_so_wants_the_other_way(vocab, text, flipped):
    _ins, state = _play(vocab, "something for tonight", text)
    assert flipped in state.instruction.intention.moods


@pytest.mark.parametrize("text", ["this is so fun, more like these", "these look so cozy"])
def test_a_list_praised_as_so_light_is_no_complaint(vocab, text):
    _ins, state = _play(vocab, "something for tonight", text)
    assert "not lighter" not in state.instruction.intention.moods


@pytest.mark.parametrize("text", ["今天太累了 想看点轻松的", "太累了 来点下饭的", "上班太累了，来部放松的片子"])
def test_the_viewer_too_tired_is_no_complaint_about_a_film(vocab, text):
    i = parse(vocab, text)
    assert not any(m.startswith("not ") for m in i.intention.moods)
    assert "comedy" in i.intention.genres


@pytest.mark.parametrize("text, genre", [
    ("i want to feel something tonight", "drama"),
    ("something that makes you feel things", "drama"),
    ("a film that really gets you in the feels", "drama"),
    ("something heartfelt", "drama"),
    ("give me something that messes with your head", "mystery"),
    ("anything trippy?", "mystery"),
    ("a real head-scratcher please", "mystery"),
    ("a movie that bends your brain", "mystery"),
    ("来点费脑的", "mystery"),
    ("脑洞大一点的", "mystery"),
    ("something adventurous for the weekend", "adventure"),
    ("something quiet for a sunday night", "drama"),
    ("slow-paced and contemplative, please", "drama"),
    ("适合一个人深夜看的 安静一点的", "drama"),
    ("慢热一点的", "drama"),
    ("节奏慢一点的", "drama"),
])
def test_a_mood_word_leans_to_its_genre_softly(vocab, text, genre):
    i = parse(vocab, text)
    assert genre in i.intention.genres and genre not in i.constraints.include_genres


def test_more_adventure_after_a_request_refines_it(vocab):
    ins, state = _play(vocab, "feel-good animated movie for the kids", "something a bit more adventurous maybe?")
    assert ins.action == "refine"
    assert "animation" in state.constraints.include_genres and "adventure" in state.instruction.intention.genres


@pytest.mark.parametrize("text", ["titanic哭过了", "《Titanic》哭过了", "titanic已经哭过了", "the fugitive我也哭过"])
def test_a_film_cried_through_is_seen(vocab, text):
    ins, state = _play(vocab, "想看部能让我哭出来的", text)
    assert ins.action == "seen" and ({"ti", "fu"} & set(state.constraints.exclude_ids))


@pytest.mark.parametrize("first, then", [
    ("something cozy from the 80s", "forget the mood thing"),
    ("something cozy from the 80s", "never mind the vibe, anything is fine"),
    ("something cozy from the 80s", "the mood doesn't matter actually"),
    ("something cozy from the 80s", "any mood is fine"),
    ("something cozy from the 80s", "it doesn't have to be cozy"),
    ("想看点轻松的 八十年代的", "心情不用管了"),
    ("想看点轻松的 八十年代的", "风格无所谓"),
    ("想看点轻松的 八十年代的", "不用轻松的了"),
    ("想看点轻松的 八十年代的", "不一定要轻松的"),
    ("想看点治愈的 八十年代的", "算了 治愈的就不用了"),
])
def test_a_mood_given_up_is_lifted_not_turned_around_and_the_rest_kept(vocab, first, then):
    ins, state = _play(vocab, first, then)
    assert ins.action == "refine"
    assert state.instruction.intention.moods == [] and "comedy" not in state.instruction.intention.avoid
    assert (state.constraints.min_year, state.constraints.max_year) == (1980, 1989)


@pytest.mark.parametrize("first, then, gone, kept", [
    ("a good cry, but something for date night", "forget the sad stuff", "moving", "date night"),
    ("something cozy and mind-bending", "drop the mind-bending thing", "mind-bending", "lighter"),
    ("想看感人的 适合情侣看的", "感人的就不用了", "moving", "date night"),
])
def test_the_mood_named_goes_and_the_others_stay(vocab, first, then, gone, kept):
    _ins, state = _play(vocab, first, then)
    assert gone not in state.instruction.intention.moods and kept in state.instruction.intention.moods


@pytest.mark.parametrize("first, then", [("something cozy from the 80s", "not too long"),
                                         ("想看点轻松的 八十年代的", "不用太长")])
def test_a_limit_said_with_no_is_not_a_mood_given_up(vocab, first, then):
    _ins, state = _play(vocab, first, then)
    assert "lighter" in state.instruction.intention.moods and state.constraints.max_runtime is not None


@pytest.mark.parametrize("first, then, gone, now", [
    ("想看点轻松的", "来点热血的", "comedy", "action"),
    ("想看点轻松的", "太无聊了 来点紧张的", "comedy", "thriller"),
    ("something fun for tonight", "hmm something more exciting", "comedy", "action"),
    ("a comfort movie pls", "make it scarier", "comedy", "horror"),
])
def test_a_new_tone_takes_the_place_of_a_light_one(vocab, first, then, gone, now):
    _ins, state = _play(vocab, first, then)
    assert gone not in state.instruction.intention.genres and now in state.instruction.intention.genres


@pytest.mark.parametrize("text, genre", [
    ("i want something that'll leave me thinking for days", "drama"),
    ("a film that stays with you", "drama"),
    ("something to watch alone late at night", "drama"),
    ("something energetic", "action"),
    ("high-energy stuff for the gym", "action"),
])
def test_more_mood_words_lean_softly(vocab, text, genre):
    i = parse(vocab, text)
    assert genre in i.intention.genres and genre not in i.constraints.include_genres


@pytest.mark.parametrize("text", ["not in the mood for anything heavy", "nothing too heavy", "不想哭 来点开心的",
                                  "别让我哭 轻松点的"])
def test_no_heavy_or_sad_film_wanted_leans_light(vocab, text):
    i = parse(vocab, text)
    assert "comedy" in i.intention.genres and "drama" not in i.intention.genres


def test_the_list_called_fluffy_wants_more_weight(vocab):
    _ins, state = _play(vocab, "something feel-good", "eh too fluffy")
    assert "comedy" not in state.instruction.intention.genres


@pytest.mark.parametrize("then, genre", [
    ("i wouldn't mind a western", "western"),
    ("open to a musical too", "musical"),
    ("some romance would be a plus", "romance"),
    ("romance optional", "romance"),
    ("a thriller could be fun", "thriller"),
    ("if there's a sci-fi one that'd be great", "sci-fi"),
    ("有爱情元素更好", "romance"),
    ("可以的话来点西部片", "western"),
    ("爱情片的话也不错", "romance"),
    ("要是有点科幻就更好了", "sci-fi"),
])
def test_a_genre_wished_for_softly_is_leaned_to_not_required(vocab, then, genre):
    ins, state = _play(vocab, "something cozy for tonight", then)
    assert ins.action == "refine"
    assert genre in state.instruction.intention.genres and genre not in state.constraints.include_genres
    assert genre not in state.constraints.exclude_genres


@pytest.mark.parametrize("text, genre", [("i don't mind horror", "horror"), ("we do not mind westerns", "western")])
def test_a_genre_one_does_not_mind_is_not_ruled_out(vocab, text, genre):
    assert genre not in parse(vocab, text).constraints.exclude_genres


@pytest.mark.parametrize("text", ["a western would be fun", "a thriller could be fun tonight"])
def test_could_be_fun_is_how_the_wish_is_said_not_a_light_mood(vocab, text):
    assert "lighter" not in parse(vocab, text).intention.moods


@pytest.mark.parametrize("then", ["more of these, but sadder", "something more emotional", "same but more moving",
                                  "换一批 来点感人的"])
def test_a_sadder_mood_after_a_light_one_refines_and_replaces_it(vocab, then):
    ins, state = _play(vocab, "something cozy from the 90s", then)
    assert ins.action == "refine"
    assert "drama" in state.instruction.intention.genres and "comedy" not in state.instruction.intention.genres
    assert (state.constraints.min_year, state.constraints.max_year) == (1990, 1999)


@pytest.mark.parametrize("text", ["最近心情超丧 想看点治愈系的", "来点温馨的", "想看暖心一点的", "something wholesome",
                                  "a heartwarming one please", "something that warms your heart"])
def test_a_heartwarming_film_leans_to_comedy_and_warm_drama(vocab, text):
    i = parse(vocab, text)
    assert {"comedy", "drama"} <= set(i.intention.genres) and not i.constraints.include_genres
    assert "horror" in i.intention.avoid


def test_a_heartwarming_mood_gives_way_to_a_darker_one(vocab):
    _ins, state = _play(vocab, "来点温馨的", "来点黑暗一点的")
    assert "heartwarming" not in state.instruction.intention.moods and "comedy" not in state.instruction.intention.genres


@pytest.mark.parametrize("then", ["别那么虐了", "不要这么丧的", "没那么压抑的", "别这么伤感了"])
def test_less_sadness_wanted_in_chinese_replaces_a_sad_mood(vocab, then):
    _ins, state = _play(vocab, "想看点感人的", then)
    assert "moving" not in state.instruction.intention.moods and "comedy" in state.instruction.intention.genres


@pytest.mark.parametrize("first, then", [("想看点刺激的", "没那么刺激也行"), ("想看点轻松的", "不那么轻松也可以")])
def test_less_of_a_mood_said_to_be_fine_lifts_it(vocab, first, then):
    _ins, state = _play(vocab, first, then)
    assert state.instruction.intention.moods == []


@pytest.mark.parametrize("text, genre", [
    ("i wanna be scared tonight", "horror"),
    ("scare me", "horror"),
    ("a film that'll blow my mind", "mystery"),
    ("something inspiring", "drama"),
    ("想看点励志的", "drama"),
    ("来点正能量的", "drama"),
    ("something mindless", "comedy"),
    ("brain off tonight", "comedy"),
    ("nothing too deep", "comedy"),
    ("nothing too complicated pls", "comedy"),
])
def test_still_more_mood_words_lean_softly(vocab, text, genre):
    i = parse(vocab, text)
    assert genre in i.intention.genres and genre not in i.constraints.include_genres


@pytest.mark.parametrize("text, genre", [("想看个悬疑的 不要太吓人", "mystery"), ("喜剧 别太长", "comedy"),
                                         ("爱情片不要那么虐的", "romance"), ("悬疑片 别那么烧脑", "mystery")])
def test_a_negation_of_how_the_film_is_does_not_rule_out_the_genre_before_it(vocab, text, genre):
    c = parse(vocab, text).constraints
    assert genre not in c.exclude_genres


@pytest.mark.parametrize("text", ["make me laugh out loud", "something to make me laugh out loud tonight"])
def test_laugh_out_loud_is_no_genre_ruled_out(vocab, text):
    assert "comedy" not in parse(vocab, text).constraints.exclude_genres


@pytest.mark.parametrize("text", ["horror is out", "恐怖片不要", "恐怖片就算了"])
def test_a_genre_refused_after_it_is_still_ruled_out(vocab, text):
    assert "horror" in parse(vocab, text).constraints.exclude_genres


@pytest.mark.parametrize("text, genre", [("来点cozy的", "comedy"), ("有没有chill一点的", "comedy"), ("想看点dark一点的", "thriller"),
                                         ("想看点sad的", "drama"), ("来点mind-blowing的", "mystery"),
                                         ("今晚想看点feel good的", "comedy")])
def test_an_english_mood_word_typed_inside_chinese_is_read(vocab, text, genre):
    assert genre in parse(vocab, text).intention.genres
