"""Slips and casual writing the rules read as meant: Chinese input-method slips in cue words
("看郭了", "换一皮"), contractions typed without the apostrophe ("whats"), and ratings said so
that another rule could eat the number ("like 7+ on imdb", "raise that to 8")."""
from __future__ import annotations

import pytest

from catalog.filters import Filters
from chat import spelling
from chat.instruction import CatalogVocab
from chat.parser import RuleRewriter
from chat.state import DialogueState

VOCAB = CatalogVocab(genres=["comedy", "drama", "horror", "sci-fi"], years=(1930, 1998))
SHOWN = DialogueState(last_list=["1", "2", "3", "4"], shown_ids=["1", "2", "3", "4"],
                      constraints=Filters(include_genres=["comedy"]))


def parse(text: str, state: DialogueState | None = None):
    return RuleRewriter().rewrite(text, state or DialogueState(), VOCAB)


@pytest.mark.parametrize("typed, meant", [
    ("这部电影我看郭了", "这部电影我看过了"),
    ("刷郭了", "刷过了"),
    ("能换一皮吗", "能换一批吗"),
    ("我想看国产片", "我想看国产片"),  # 看国 is no slip for 看过: no 了 or clause end after it
    ("砍过了", "砍过了"),  # the first character is never the slip
])
def test_chinese_input_method_slips_in_cue_words(typed, meant):
    assert spelling.zh_slips(typed) == meant


def test_a_paging_slip_pages():
    assert parse("再换一皮", SHOWN).action == "more"


@pytest.mark.parametrize("typed, meant", [("whats the 3rd one", "what's the 3rd one"),
                                          ("i dont like horror", "i don't like horror")])
def test_contractions_without_the_apostrophe(typed, meant):
    assert spelling.correct_case_kept(typed) == meant


def test_whats_asks_what_a_card_is():
    i = parse("whats the third one", SHOWN)
    assert i.action == "question" and i.question == "what" and i.question_position == 3


@pytest.mark.parametrize("text, rating", [
    ("dramas, like 6+ on imdb", 6.0),
    ("horror with imdb 6.5 or more", 6.5),
    ("评分6分以上的喜剧", 6.0),
])
def test_a_rating_is_not_eaten_as_a_card_position(text, rating):
    i = parse(text, SHOWN)
    assert i.constraints.min_rating == rating
    assert not i.feedback and i.action != "feedback"


def test_raising_the_rating_in_force():
    state = SHOWN.model_copy(update={"constraints": Filters(include_genres=["comedy"], min_rating=6.0)})
    i = parse("raise that to 8", state)
    assert i.action == "refine" and i.constraints.min_rating == 8.0
    assert i.constraints.include_genres == ["comedy"]
    assert parse("raise that to 8", SHOWN).constraints.min_rating is None  # no rating in force: nothing to raise


def test_seen_it_n_times_is_no_card_position():
    i = parse("saw it like 3 times", SHOWN)
    assert not i.feedback


@pytest.mark.parametrize("text", ["how long's the first one?", "the kid's pick"])
def test_a_real_word_with_a_clitic_is_no_slip(text):
    assert spelling.correct_case_kept(text) == text


@pytest.mark.parametrize("text, k", [("类似第二部的再来三部", 3), ("more like #2, two more please", 2)])
def test_a_count_in_a_clause_about_a_card_is_read(text, k):
    i = parse(text, SHOWN)
    assert [(f.kind, f.position) for f in i.feedback] == [("more_like", 2)]
    assert i.k == k


def test_more_like_a_card_keeps_the_film_asked_for_before():
    from chat.instruction import Instruction
    from chat.state import apply_instruction

    asked = SHOWN.model_copy(update={"reference_ids": ["9"], "instruction": Instruction(action="new", reference_ids=["9"])})
    i = parse("more like #3", asked)
    assert i.reference_ids == ["9", "3"]
    assert apply_instruction(asked, i).reference_ids == ["9", "3"]
    fresh = parse("a few horror films", asked)
    assert fresh.action == "new" and fresh.reference_ids == []  # a new request starts afresh


VOCAB_G = CatalogVocab(genres=["war", "romance", "musical", "comedy", "children's", "animation", "western"],
                       years=(1930, 1998))


@pytest.mark.parametrize("text, include, exclude", [
    ("想看动画片，不一定要儿童的", ["animation"], []),
    ("a western, doesn't have to be a romance though", ["western"], []),
    ("爱情题材的就不要了", [], ["romance"]),
    ("nothing kiddie, please", [], ["children's"]),
])
def test_genres_said_as_not_needed_or_ruled_out_by_a_topic_word(text, include, exclude):
    i = RuleRewriter().parse(text, DialogueState(), VOCAB_G)
    assert i.constraints.include_genres == include and i.constraints.exclude_genres == exclude


def test_old_timey_is_no_wish_for_older_films():
    state = DialogueState(last_list=["1", "2"], shown_ids=["1", "2"],
                          constraints=Filters(include_genres=["western"], min_year=1950, max_year=1969))
    i = RuleRewriter().rewrite("these feel a bit old-timey, newer ones?", state, VOCAB_G)
    assert i.constraints.min_year == 1970 and i.constraints.max_year is None


@pytest.mark.parametrize("text, lo, hi", [("nothing newer, pre-'88 please", None, 1987), ("westerns after '75", 1976, None),
                                          ("since '82", 1982, None)])
def test_two_digit_years_with_an_apostrophe(text, lo, hi):
    f = RuleRewriter().parse(text, DialogueState(), VOCAB_G).constraints
    assert (f.min_year, f.max_year) == (lo, hi)


def test_a_length_said_as_ones_to_skip_caps_the_runtime():
    assert RuleRewriter().parse("两个半小时那种就算了", DialogueState(), VOCAB_G).constraints.max_runtime == 130


def test_a_question_after_liking_a_card_asks_about_that_card():
    i = RuleRewriter().parse("第二个看着挺好，讲什么的", SHOWN, VOCAB)
    assert i.action == "question" and i.question_position == 2 and not i.feedback


def test_a_dislike_and_a_question_about_another_card_stay_apart():
    i = RuleRewriter().parse("not the 1st. what's the 3rd about?", SHOWN, VOCAB)
    assert [(f.kind, f.position) for f in i.feedback] == [("dislike", 1)]  # the question does not swallow it


@pytest.mark.parametrize("text", ["我不喜欢歌舞片", "我们都不想看歌舞片"])  # "我不太喜欢歌舞片" is soft: avoided (h24's tests)
def test_a_chinese_negation_jieba_cuts_apart_still_rules_the_genre_out(text):
    f = RuleRewriter().parse(text, DialogueState(), VOCAB_G).constraints
    assert f.exclude_genres == ["musical"] and f.include_genres == []


def test_a_film_loved_with_more_like_it_while_a_list_is_shown_keeps_the_request():
    from catalog.catalog import Catalog
    from catalog.item import Item
    from chat.instruction import Instruction
    from recommender.pipeline import catalog_vocab

    vocab = catalog_vocab(Catalog("keep", [Item(id="h1", title="Heat", year=1995, genres=("crime",)),
                                            Item(id="c1", title="Chinatown", year=1974, genres=("crime",))]))
    state = DialogueState(last_list=["c1"], shown_ids=["c1"], constraints=Filters(min_year=1970, max_year=1999),
                          intention_text="gritty crime", instruction=Instruction(action="new"))
    i = RuleRewriter().rewrite("Heat I still think about, more along those lines", state, vocab)
    assert i.action == "seen" and "h1" in i.reference_ids
    assert (i.constraints.min_year, i.constraints.max_year) == (1970, 1999)  # the request in force stays
    fresh = RuleRewriter().rewrite("Heat I still think about, more along those lines", DialogueState(), vocab)
    assert fresh.constraints.min_year is None


@pytest.mark.parametrize("text", ["oops sorry, my daughter grabbed my phone", "sorry wrong chat lol"])
def test_an_apology_for_a_stray_message_is_small_talk(text):
    i = RuleRewriter().parse(text, SHOWN, VOCAB_G)
    assert i.action == "smalltalk" and i.constraints.is_empty()


def test_sorry_with_a_request_is_the_request():
    assert RuleRewriter().parse("sorry, any westerns?", SHOWN, VOCAB_G).action in ("new", "refine")


def test_after_starting_over_a_genre_is_a_new_request():
    from chat.instruction import Instruction

    state = DialogueState(last_list=["1", "2"], shown_ids=["1", "2"], instruction=Instruction(action="reset"))
    assert RuleRewriter().parse("来点西部片", state, VOCAB_G).action == "new"


@pytest.mark.parametrize("text, want", [("rom com pls", {"comedy", "romance"}), ("谢了哈", set())])
def test_rom_com_with_a_space_and_chinese_thanks(text, want):
    i = RuleRewriter().parse(text, SHOWN, VOCAB_G)
    assert set(i.constraints.include_genres) == want
    if not want:
        assert i.action == "smalltalk"


def test_an_ordinal_with_no_list_on_screen_names_no_card():
    i = RuleRewriter().parse("show the westerns first, then anything with horses", DialogueState(), VOCAB_G)
    assert i.action != "feedback" and not i.feedback and i.constraints.include_genres == ["western"]


@pytest.mark.parametrize("text, runtime", [("hmm 90 mins feels short, say 110", 110), ("make it 120 minutes", 120)])
def test_a_length_restated(text, runtime):
    state = SHOWN.model_copy(update={"constraints": Filters(include_genres=["comedy"], max_runtime=90)})
    i = RuleRewriter().rewrite(text, state, VOCAB_G)
    assert i.action == "refine" and i.constraints.max_runtime == runtime and i.constraints.include_genres == ["comedy"]


def test_say_with_no_length_talk_is_no_runtime():
    assert RuleRewriter().parse("say 100 things about westerns", SHOWN, VOCAB_G).constraints.max_runtime is None


@pytest.mark.parametrize("text", ["these are all too dark for tonight", "太压抑了"])
def test_too_much_of_a_mood_asks_for_the_other_way(text):
    vocab = CatalogVocab(genres=["comedy", "drama", "thriller", "crime"])
    i = RuleRewriter().parse(text, DialogueState(), vocab)
    assert "comedy" in i.intention.genres and "comedy" not in i.intention.avoid


def test_a_mood_asked_for_is_not_flipped():
    i = RuleRewriter().parse("something dark and gritty", DialogueState(), CatalogVocab(genres=["comedy", "crime"]))
    assert "crime" in i.intention.genres and "comedy" in i.intention.avoid


def _asked_about_card_2() -> DialogueState:
    from chat.state import Turn

    return SHOWN.model_copy(update={"focus_id": "2", "turns": [Turn(role="user", text="whats the 2nd one about"),
                                                              Turn(role="assistant", text="A comedy from 1994.")]})


@pytest.mark.parametrize("text", ["nah, not really my cup of tea", "looks boring tbh", "不感兴趣"])
def test_a_short_verdict_after_a_question_about_a_card_is_about_that_card(text):
    i = RuleRewriter().parse(text, _asked_about_card_2(), VOCAB_G)
    assert i.action == "feedback" and [(f.kind, f.position) for f in i.feedback] == [("dislike", 2)]


def test_a_verdict_with_no_question_before_names_no_card():
    state = SHOWN.model_copy(update={"focus_id": "2"})
    assert not RuleRewriter().parse("nah, not really my cup of tea", state, VOCAB_G).feedback
