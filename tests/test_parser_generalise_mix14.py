"""English and Chinese turns from the blind dev14 sessions (a first-time user from hello to a chosen film),
by class, each tested with phrasings the dialogues do not use: a greeting that asks what to watch, a card
taken with thanks, a child's age that is no wish for old films, a genre put down ("musicals are lame"), a
genre said in place of the leaning of a mood, one film for two tastes ("a mix of the two", "两者兼有"),
"i like <genre>" that names no film, a reason about a card's actor, a companion's taste when the film is
for watching together, a film owned (so seen), a title's own spelling ("singin"), a verdict on a sequel
named by its number, a bare "seen it" in 繁体 after a question, and a cap in numbers beside "no 3-hour
epics". A small hand-made catalog, no index, no model."""
from __future__ import annotations

import pytest

from catalog.item import Item
from chat.state import DialogueState, record_shown, record_turn
from tests.parser_kit import parse, say, vocab_fixture

ITEMS = [
    Item(id="g1", title="The Godfather", year=1972, genres=("crime", "drama"), metadata={"aliases": "教父"}),
    Item(id="g2", title="The Godfather: Part II", year=1974, genres=("crime", "drama"), metadata={"aliases": "教父2"}),
    Item(id="ti", title="Titanic", year=1997, genres=("drama", "romance"), metadata={"aliases": "泰坦尼克号"}),
    Item(id="fa", title="Fargo", year=1996, genres=("crime", "drama", "thriller")),
    Item(id="sr", title="Singin' in the Rain", year=1952, genres=("musical", "romance")),
    Item(id="tr", title="True Romance", year=1993, genres=("action", "crime", "romance")),
    Item(id="hn", title="High Noon", year=1952, genres=("western",), metadata={"aliases": "正午"}),
    Item(id="sc", title="Scream", year=1996, genres=("horror", "thriller")),
    Item(id="al", title="Alien", year=1979, genres=("horror", "sci-fi")),
    Item(id="x1", title="Toy Story", year=1995, runtime=81, genres=("animation", "children's", "comedy")),
    Item(id="x2", title="Babe", year=1995, runtime=89, genres=("children's", "comedy", "drama")),
    Item(id="x3", title="Matilda", year=1996, runtime=102, genres=("children's", "comedy")),
    Item(id="x4", title="Jumanji", year=1995, runtime=104, genres=("adventure", "children's", "fantasy")),
    Item(id="x5", title="Hook", year=1991, runtime=142, genres=("adventure", "fantasy")),
    Item(id="x6", title="Home Alone", year=1990, runtime=103, genres=("children's", "comedy")),
]
SHOWN = ["x1", "x2", "x3", "x4", "x5", "x6"]


vocab = vocab_fixture(ITEMS, "mix14-generalise-test")


def listed(vocab, request: str = "something for the kids, they're 6 and 9") -> DialogueState:
    state, _ = say(vocab, DialogueState(), request)
    return record_shown(state, SHOWN)


# --------------------------------------------------------------------------- a greeting that asks what to watch
@pytest.mark.parametrize("text", ["hello! what should we watch tonight?", "hi there, whats worth watching",
                                  "hey, what to put on tonight?", "evening! what could i watch", "yo any recs"])
def test_a_greeting_that_asks_what_to_watch_is_a_request(vocab, text):
    assert parse(vocab, text).action == "new"


@pytest.mark.parametrize("text", ["hey, how's it going?", "ok i'll watch that, thanks", "在么", "有人吗", "人呢",
                                  "在不在呀"])
def test_a_greeting_alone_is_small_talk(vocab, text):
    assert parse(vocab, text).action == "smalltalk"


def test_a_greeting_with_a_request_in_chinese_is_a_request(vocab):
    assert parse(vocab, "在么 推荐个片").action == "new"


# --------------------------------------------------------------------------- a card taken, with thanks
@pytest.mark.parametrize("text", ["alright we're going with number 2, thanks", "nice, i'm picking the third",
                                  "sweet we'll take the 2nd one", "cool, we're watching the first one tonight",
                                  "行 那就第二部 谢谢", "那就第一个，多谢", "好的 就选第三个 拜拜"])
def test_a_card_taken_with_thanks_is_small_talk_and_keeps_the_list(vocab, text):
    state = listed(vocab)
    ins = parse(vocab, text, state)
    assert ins.action == "smalltalk" and not ins.feedback


@pytest.mark.parametrize("text, pos", [("第二部不错 就它了", 2), ("the 3rd one looks great, we'll watch it", 3)])
def test_a_card_praised_as_well_as_taken_is_a_like(vocab, text, pos):
    ins = parse(vocab, text, listed(vocab))
    assert ins.action == "feedback" and [(f.kind, f.position) for f in ins.feedback] == [("like", pos)]


# --------------------------------------------------------------------------- a child's age is no period
@pytest.mark.parametrize("text", ["my 9-year-old wants something funny", "the ten year old says no cartoons",
                                  "is #2 ok for a 7 yo?", "she's twelve years old, nothing scary",
                                  "the 10 yrs old wants adventure"])
def test_an_age_is_no_wish_for_old_films(vocab, text):
    ins = parse(vocab, text, listed(vocab))
    assert ins.constraints.max_year is None and ins.constraints.min_year is None


def test_old_films_are_still_old(vocab):
    assert parse(vocab, "something old please").constraints.max_year is not None


# --------------------------------------------------------------------------- a genre put down
@pytest.mark.parametrize("text, genre", [("musicals are lame", "musical"), ("westerns suck tbh", "western"),
                                         ("horror is so boring", "horror"), ("romance is way too cringe", "romance"),
                                         ("animated stuff is for babies", "animation")])
def test_a_genre_put_down_is_ruled_out(vocab, text, genre):
    ins = parse(vocab, text, listed(vocab))
    assert genre in ins.constraints.exclude_genres and genre not in ins.constraints.include_genres


# --------------------------------------------------------------------------- a genre in place of a mood's leaning
@pytest.mark.parametrize("text, genre", [("change it to comedies instead", "comedy"), ("switch to adventure films", "adventure"),
                                         ("改看喜剧吧", "comedy"), ("还是换成冒险片吧", "adventure")])
def test_a_genre_in_place_of_the_leaning_keeps_the_request(vocab, text, genre):
    ins = parse(vocab, text, listed(vocab))
    assert ins.action == "refine" and ins.constraints.include_genres == [genre]


# --------------------------------------------------------------------------- one film for two tastes
@pytest.mark.parametrize("text, genres", [
    ("she loves comedy, i love horror, anything that's both?", {"comedy", "horror"}),
    ("he's into westerns and i'm into comedy, a mix of the two maybe", {"western", "comedy"}),
    ("i like thrillers, my husband likes romance, something with a bit of both", {"thriller", "romance"}),
    ("他爱看科幻 我爱看喜剧 来点两者兼有的", {"sci-fi", "comedy"}),
    ("老婆喜欢爱情片，我喜欢动作片，有没有兼顾的", {"romance", "action"}),
])
def test_two_tastes_in_one_film_ask_for_both_genres(vocab, text, genres):
    assert set(parse(vocab, text).constraints.include_genres) == genres


def test_two_tastes_after_a_mood_refine_it(vocab):
    state = record_shown(say(vocab, DialogueState(), "what's good for date night?")[0], SHOWN)
    ins = parse(vocab, "my wife likes comedy and i like horror, anything with both?", state)
    assert ins.action == "refine" and set(ins.constraints.include_genres) == {"comedy", "horror"}


# --------------------------------------------------------------------------- "i like <genre>" names no film
@pytest.mark.parametrize("text", ["i like romance", "we love romance, any ideas?", "i like romance movies"])
def test_a_liked_genre_is_no_film(vocab, text):
    ins = parse(vocab, text)
    assert "tr" not in ins.reference_ids


def test_a_film_liked_by_its_title_is_still_a_film(vocab):
    assert "tr" in parse(vocab, "something like true romance").reference_ids


# --------------------------------------------------------------------------- a reason about a card's people
@pytest.mark.parametrize("text, kind, pos", [
    ("#3, my mom adores that actress", "like", 3), ("the 2nd one! she's really into that actor", "like", 2),
    ("the 2nd one, my dad can't stand that actor", "dislike", 2), ("number 4 - he hates that director", "dislike", 4),
])
def test_a_reason_about_a_cards_people_is_a_verdict(vocab, text, kind, pos):
    ins = parse(vocab, text, listed(vocab))
    assert ins.action == "feedback" and [(f.kind, f.position) for f in ins.feedback] == [(kind, pos)]


def test_asking_who_is_in_a_card_is_still_a_question(vocab):
    ins = parse(vocab, "who's the lead actor in the 2nd", listed(vocab))
    assert ins.action == "question" and ins.question == "cast" and ins.question_position == 2


# --------------------------------------------------------------------------- a companion's taste, watched together
@pytest.mark.parametrize("text, genres", [
    ("movie night with my dad, he's really into westerns", ["western"]),
    ("my sister is visiting, she's big on musicals", ["musical"]),
    ("watching with my husband later, he's a huge fan of thrillers", ["thriller"]),
])
def test_a_companions_taste_is_the_request_when_watching_together(vocab, text, genres):
    assert parse(vocab, text).constraints.include_genres == genres


def test_two_genre_words_of_a_companion_stay_soft(vocab):
    ins = parse(vocab, "she loves comedies and horror")
    assert ins.constraints.include_genres == []


# --------------------------------------------------------------------------- a film owned is a film seen
@pytest.mark.parametrize("text, item", [("she has titanic on dvd", "ti"), ("my brother owns fargo", "fa"),
                                        ("we've got the godfather on blu-ray", "g1"), ("家里有泰坦尼克号的光盘", "ti")])
def test_a_film_owned_is_seen(vocab, text, item):
    state = listed(vocab)
    state, ins = say(vocab, state, text)
    assert ins.action == "seen" and item in state.constraints.exclude_ids


@pytest.mark.parametrize("text, pos", [("the 3rd one we have on blu-ray", 3), ("第四部家里有碟", 4)])
def test_a_card_owned_is_seen(vocab, text, pos):
    ins = parse(vocab, text, listed(vocab))
    assert ins.action == "feedback" and [(f.kind, f.position) for f in ins.feedback] == [("dislike", pos)]


# --------------------------------------------------------------------------- a title's own spelling
def test_a_titles_dropped_letter_is_not_corrected(vocab):
    state, ins = say(vocab, DialogueState(), "loved singin in the rain, more like that")
    assert "sr" in state.liked_ids or "sr" in ins.reference_ids


# --------------------------------------------------------------------------- a verdict on a sequel by its number
@pytest.mark.parametrize("text, opinion", [("教父刷过 第二部也看过 很无聊", "hated"), ("教父看过了，第二部也看了，特别好看", "loved")])
def test_a_verdict_after_a_sequel_is_the_sequels(vocab, text, opinion):
    state, ins = say(vocab, listed(vocab), text)
    bucket = state.disliked_ids if opinion == "hated" else state.liked_ids
    assert "g2" in bucket and "g1" not in bucket


# --------------------------------------------------------------------------- seen, said bare in 繁体 after a question
@pytest.mark.parametrize("question, pos", [("第二部多長", 2), ("第三個評分多少", 3)])
@pytest.mark.parametrize("seen", ["早看過了", "看過", "已經看過了"])
def test_seen_said_bare_after_a_question_in_traditional_chinese(vocab, question, pos, seen):
    state, _ = say(vocab, listed(vocab), question)
    ins = parse(vocab, seen, record_turn(state, "user", seen))
    assert ins.action == "feedback" and [(f.kind, f.position) for f in ins.feedback] == [("dislike", pos)]


# --------------------------------------------------------------------------- a cap in numbers beside "no 3-hour epics"
@pytest.mark.parametrize("text, cap", [("nothing 3 hours long, 1h50 max", 110), ("no 3-hour epics, under 100 minutes", 100),
                                       ("no 3 hour films", 150)])
def test_a_cap_in_numbers_wins_over_no_three_hour_epics(vocab, text, cap):
    assert parse(vocab, text, listed(vocab)).constraints.max_runtime == cap


# --------------------------------------------------------------------------- probing further: what to watch, in Chinese
@pytest.mark.parametrize("text", ["在吗在吗 今晚看啥", "你好 今天看点什么好呢", "有人吗 帮我挑一部"])
def test_a_greeting_that_asks_what_to_watch_in_chinese_is_a_request(vocab, text):
    assert parse(vocab, text).action == "new"


# --------------------------------------------------------------------------- probing further: a genre given up, another taken
@pytest.mark.parametrize("text, genre", [("actually scrap the comedy, adventure instead", "adventure"),
                                         ("ok forget comedies, westerns", "western"),
                                         ("ditch the comedy and let's do horror", "horror"),
                                         ("不看喜剧了 换科幻", "sci-fi"), ("换个西部片吧", "western")])
def test_a_genre_given_up_for_another_keeps_the_rest(vocab, text, genre):
    state = record_shown(say(vocab, DialogueState(), "90s comedies under 2 hours")[0], SHOWN)
    ins = parse(vocab, text, state)
    assert ins.action == "refine" and ins.constraints.include_genres == [genre]
    assert ins.constraints.min_year == 1990 and ins.constraints.max_runtime == 120


@pytest.mark.parametrize("text", ["换一批", "换几部"])
def test_another_batch_is_still_paging(vocab, text):
    state = record_shown(say(vocab, DialogueState(), "90s comedies under 2 hours")[0], SHOWN)
    assert parse(vocab, text, state).action == "more"


# --------------------------------------------------------------------------- probing further: a card seen, a card for kids
@pytest.mark.parametrize("text, pos", [("we saw the 3rd last week", 3), ("they already saw number 2", 2)])
def test_a_card_someone_saw_is_seen(vocab, text, pos):
    ins = parse(vocab, text, listed(vocab))
    assert ins.action == "feedback" and [(f.kind, f.position) for f in ins.feedback] == [("dislike", pos)]


@pytest.mark.parametrize("text, pos", [("is the first one kid friendly?", 1), ("is #2 safe for a 6 year old", 2),
                                       ("第二部小孩能看吗", 2), ("is the 3rd family-friendly", 3)])
def test_whether_a_card_suits_children_is_an_other_question(vocab, text, pos):
    ins = parse(vocab, text, listed(vocab))
    assert ins.action == "question" and ins.question == "other" and ins.question_position == pos


# --------------------------------------------------------------------------- probing further: a wish sharpened after a vague opener
@pytest.mark.parametrize("text, cap", [("around 90 mins", 90), ("about 100 minutes", 100), ("roughly 95 min long", 95)])
def test_a_length_said_as_about_so_many_minutes_is_a_cap(vocab, text, cap):
    assert parse(vocab, text, listed(vocab)).constraints.max_runtime == cap


@pytest.mark.parametrize("text, floor", [("nothing below a 7", 7.0), ("not lower than a 6.5", 6.5)])
def test_a_floor_said_with_an_article_is_a_rating(vocab, text, floor):
    assert parse(vocab, text, listed(vocab)).constraints.min_rating == floor


@pytest.mark.parametrize("text", ["something the whole family can watch", "a film for all ages"])
def test_the_whole_family_is_a_family_mood(vocab, text):
    assert "family" in parse(vocab, text).intention.moods
