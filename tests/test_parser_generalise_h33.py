"""English and Chinese turns from the blind dev32 set (questions about cards and films), by class, each tested
with phrasings the dialogues do not use: a follow-up with no card named after a question about a film off the
list ("how long is titanic?" then "and who directed it", "谁导演的"), a question led in by words that change
nothing ("unrelated but", "random question,", "also"), a fact of a named film asked ("is fargo based on a true
story", "is babe in english"), a yes-or-no question with "it" as its subject whose words would be a wish ("is it
in color": no year limit), a suitability question right after a question about a card ("适合五岁小孩看吗",
"ok for a 5 year old?"), a Chinese question on a fact the catalog may not hold ("是根据真实事件改编的吗", "是黑白的吗",
"有续集吗"), a mood measured against a card ("有没有比第一部更轻松的", "anything lighter than #1?": a wish, no
question) and chat spellings of question words ("hw long", "wen is"). A small hand-made catalog, no index, no model."""
from __future__ import annotations

import pytest

from catalog.item import Item
from chat.state import DialogueState, record_shown
from tests.parser_kit import say, vocab_fixture

ITEMS = [
    Item(id="w1", title="Unforgiven", year=1992, runtime=131, genres=("western",)),
    Item(id="w2", title="Tombstone", year=1993, runtime=130, genres=("western",)),
    Item(id="w3", title="High Noon", year=1952, runtime=85, genres=("western",)),
    Item(id="w4", title="Dances with Wolves", year=1990, runtime=181, genres=("adventure", "drama", "western")),
    Item(id="w5", title="The Wild Bunch", year=1969, runtime=145, genres=("western",)),
    Item(id="t1", title="Titanic", year=1997, runtime=194, genres=("action", "drama", "romance")),
    Item(id="c1", title="Fargo", year=1996, runtime=98, genres=("crime", "drama", "thriller")),
    Item(id="k1", title="Babe", year=1995, runtime=89, genres=("children's", "comedy", "drama")),
    Item(id="k2", title="Home Alone", year=1990, runtime=103, genres=("children's", "comedy")),
    Item(id="s1", title="Alien", year=1979, runtime=117, genres=("action", "horror", "sci-fi", "thriller")),
]
SHOWN = ["w1", "w2", "w3", "w4", "w5"]

vocab = vocab_fixture(ITEMS, "h33-generalise-test")


def played(vocab, *said: str):
    """Each of `said` after a request for westerns, the five westerns shown after every turn; the last reading."""
    state, _ = say(vocab, DialogueState(), "recommend me some westerns")
    state = record_shown(state, SHOWN)
    ins = None
    for text in said:
        state, ins = say(vocab, state, text)
        if ins.action == "question" and ins.question_item_id is not None:
            state = state.model_copy(update={"focus_id": ins.question_item_id})  # as the pipeline's answer does
        elif ins.action == "question" and ins.question_position is not None:
            state = state.model_copy(update={"focus_id": SHOWN[ins.question_position - 1]})
        state = record_shown(state, SHOWN)
    return ins


# --------------------------------------------------------------------------- a follow-up on a film off the list
@pytest.mark.parametrize("first, then", [
    ("how long is titanic?", "and who directed it"), ("how long is titanic?", "who's in it?"),
    ("what year is fargo from", "is it any good"), ("is babe any good?", "how long is it"),
    ("Titanic多长", "谁导演的"), ("《Titanic》多长", "那它评分多少"), ("Fargo好看吗", "哪年的"),
])
def test_a_follow_up_stays_on_the_film_off_the_list(vocab, first, then):
    ins = played(vocab, first, then)
    assert ins.action == "question" and ins.question_position is None and ins.question_item_id in ("t1", "c1", "k1")


@pytest.mark.parametrize("text, position", [("how long is titanic?|is #2 any good", 2), ("Titanic多长|第三部讲什么", 3)])
def test_a_card_named_after_it_is_that_card(vocab, text, position):
    ins = played(vocab, *text.split("|"))
    assert ins.action == "question" and ins.question_position == position and ins.question_item_id is None


# --------------------------------------------------------------------------- a question led in
@pytest.mark.parametrize("text, item", [
    ("unrelated but how long is titanic?", "t1"), ("random question, how long is titanic?", "t1"),
    ("also is babe in english?", "k1"), ("btw is fargo based on a true story", "c1"),
    ("just curious, is babe in color", "k1"), ("off topic but is alien a sequel?", "s1"),
    ("also is babe in english? my son wants to see the pig one", "k1"),
])
def test_a_led_in_question_on_a_named_film(vocab, text, item):
    ins = played(vocab, text)
    assert ins.action == "question" and ins.question_item_id == item


# --------------------------------------------------------------------------- "is it ..." asks about the card in view
@pytest.mark.parametrize("text", [
    "is it in color", "is it in black and white?", "and was it a sequel", "is that one in colour?", "is it old",
    "is this one in english",
])
def test_a_yes_no_question_on_it_is_about_the_card_in_view(vocab, text):
    ins = played(vocab, "is #2 any good", text)
    assert ins.action == "question" and ins.question_position == 2
    assert ins.constraints.min_year is None and ins.constraints.max_year is None


@pytest.mark.parametrize("text", ["is it possible to get newer ones", "is it ok if they're older"])
def test_is_it_possible_still_asks_for_films(vocab, text):
    assert played(vocab, "is #2 any good", text).action == "refine"


# --------------------------------------------------------------------------- suits a child, after a card asked about
@pytest.mark.parametrize("text", ["适合五岁小孩看吗", "适合8岁的孩子吗", "小朋友能看吗", "ok for a 5 year old?",
                                  "fine for my 7 year old?", "kid friendly?"])
def test_whether_the_card_just_asked_about_suits_a_child(vocab, text):
    ins = played(vocab, "is #3 scary?", text)
    assert ins.action == "question" and ins.question_position == 3 and ins.question_topic == "kids"


# --------------------------------------------------------------------------- facts the catalog may not hold (Chinese)
@pytest.mark.parametrize("text", ["是根据真实事件改编的吗", "是真实故事吗", "是黑白的吗", "是英语的吗", "有续集吗",
                                  "是不是根据真人真事改编的", "是彩色的吗", "得过奖吗"])
def test_a_chinese_fact_question_is_about_the_card_in_view(vocab, text):
    ins = played(vocab, "第四部暴力吗", text)
    assert ins.action == "question" and ins.question_position == 4
    assert ins.constraints.min_year is None and ins.constraints.max_year is None


# --------------------------------------------------------------------------- a mood against a card is a wish
@pytest.mark.parametrize("text", ["有没有比第一部更轻松的", "比第二个轻松点的", "有没有比第三部欢乐一点的",
                                  "got anything lighter than #1?", "something funnier than the 2nd one",
                                  "anything less dark than #4"])
def test_a_mood_against_a_card_is_a_refinement(vocab, text):
    ins = played(vocab, text)
    assert ins.action == "refine" and ins.question_position is None and "comedy" in ins.intention.genres
    assert ins.constraints.include_genres == ["western"]


# --------------------------------------------------------------------------- chat spellings of question words
@pytest.mark.parametrize("text, kind, position", [
    ("hw long is the thrid one", "runtime", 3), ("hwo long is #2", "runtime", 2), ("wen is the 4th from", "year", 4),
    ("wht is #1 about", "plot", 1),
])
def test_chat_spellings_of_question_words(vocab, text, kind, position):
    ins = played(vocab, text)
    assert ins.action == "question" and ins.question == kind and ins.question_position == position


# --------------------------------------------------------------------------- a named film against the card in view
@pytest.mark.parametrize("text", ["is titanic better than that?", "is fargo longer than that one", "is alien better than it?",
                                  "is babe better rated than this one"])
def test_a_named_film_against_the_card_in_view_asks_about_the_card(vocab, text):
    ins = played(vocab, "is #2 any good", text)
    assert ins.action == "question" and ins.question_position == 2 and ins.question_item_id is None


# --------------------------------------------------------------------------- a fact named alone after a question
@pytest.mark.parametrize("text, kind", [
    ("its rating?", "rating"), ("and its runtime", "runtime"), ("ok and the year?", "year"), ("what about the director", "director"),
    ("它评分呢", "rating"), ("那年份呢", "year"), ("导演呢", "director"), ("片长呢", "runtime"),
])
def test_a_fact_named_alone_asks_it_of_the_same_card(vocab, text, kind):
    ins = played(vocab, "is #2 any good", text)
    assert ins.action == "question" and ins.question == kind and ins.question_position == 2


@pytest.mark.parametrize("first, text, kind", [("how long is fargo", "its rating?", "rating"),
                                               ("Titanic多长", "那年份呢", "year")])
def test_a_fact_named_alone_asks_it_of_the_film_off_the_list(vocab, first, text, kind):
    ins = played(vocab, first, text)
    assert ins.action == "question" and ins.question == kind and ins.question_item_id in ("c1", "t1")


# --------------------------------------------------------------------------- a comparison that follows one
@pytest.mark.parametrize("first, then, by, among", [
    ("which is newer, #1 or #3?", "and which one is longer?", "runtime", [1, 3]),
    ("is #2 better than #4?", "which is shorter then?", "runtime", [2, 4]),
    ("第一部和第三部哪个新", "那哪个长", "runtime", [1, 3]),
    ("第二部和第五部哪个评分高", "哪个更老", "year", [2, 5]),
])
def test_a_comparison_that_follows_one_is_among_the_same_cards(vocab, first, then, by, among):
    ins = played(vocab, first, then)
    assert ins.action == "question" and ins.question_pick is not None
    assert ins.question_pick.by == by and ins.question_pick.among == among


# --------------------------------------------------------------------------- a question answered with a verdict
@pytest.mark.parametrize("first, then, position", [
    ("why'd you pick #3", "sounds dull, skip it", 3), ("whats #2 about", "looks kinda slow", 2),
    ("is #4 sad?", "sounds too depressing tbh", 4), ("为什么推荐第三个", "听着没意思 换掉", 3),
    ("第二部讲什么", "好无聊", 2), ("第五部讲啥", "看着有点闷", 5),
])
def test_a_verdict_after_a_question_turns_the_card_down(vocab, first, then, position):
    ins = played(vocab, first, then)
    assert ins.action == "feedback" and [(f.kind, f.position) for f in ins.feedback] == [("dislike", position)]


# --------------------------------------------------------------------------- which card the system would pick
@pytest.mark.parametrize("text", ["你最推荐哪部", "这几部你推荐哪个", "which one would you pick"])
def test_which_card_would_you_pick_is_a_question(vocab, text):
    ins = played(vocab, text)
    assert ins.action == "question" and ins.constraints.include_genres == ["western"]


# --------------------------------------------------------------------------- where to watch a film named
@pytest.mark.parametrize("text, item", [
    ("is titanic on netflix?", "t1"), ("where can i watch fargo", "c1"), ("is fargo streaming anywhere?", "c1"),
    ("where do i stream babe", "k1"), ("is alien on prime", "s1"),
])
def test_where_to_watch_a_film_named(vocab, text, item):
    ins = played(vocab, text)
    assert ins.action == "question" and ins.question_item_id == item and ins.question_topic == "where"


@pytest.mark.parametrize("text, position", [("the 5th - year?", 5), ("#2 year?", 2), ("3rd one, year?", 3)])
def test_a_card_and_the_year_asked_by_name(vocab, text, position):
    ins = played(vocab, text)
    assert ins.action == "question" and ins.question == "year" and ins.question_position == position
