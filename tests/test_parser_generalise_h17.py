"""Chinese (and English) turns from the blind dev17 dialogues (referring back to what was shown and said), by
class, each tested with phrasings the dialogues do not use: a card called by its rank among siblings (老三), the
card in the middle, a run of cards counted from the end (后两部, the last two), the whole list with a verdict
(这几个我都看过, seen all of those), the two cards just asked about (这俩, both of those), and two verdicts typed
with only a space between them. A small hand-made catalog, no index, no model."""
from __future__ import annotations

import pytest

from catalog.item import Item
from chat.instruction import Instruction
from chat.state import DialogueState, record_shown
from tests.parser_kit import parse, say, vocab_fixture

ITEMS = [
    Item(id="t1", title="Titanic", year=1997, runtime=194, genres=("drama", "romance"), metadata={"aliases": "泰坦尼克号"}),
    Item(id="g1", title="The Godfather", year=1972, runtime=175, genres=("crime", "drama"), metadata={"aliases": "教父"}),
    Item(id="a1", title="Alien", year=1979, runtime=116, genres=("horror", "sci-fi"), metadata={"aliases": "异形"}),
    Item(id="x1", title="Airplane!", year=1980, runtime=88, genres=("comedy",)),
    Item(id="x2", title="Heathers", year=1989, runtime=102, genres=("comedy",)),
    Item(id="x3", title="Local Hero", year=1983, runtime=111, genres=("comedy",)),
    Item(id="x4", title="Raising Arizona", year=1987, runtime=94, genres=("comedy",)),
    Item(id="x5", title="Tootsie", year=1982, runtime=116, genres=("comedy",)),
    Item(id="x6", title="Big", year=1988, runtime=104, genres=("comedy",)),
    Item(id="x7", title="Moonstruck", year=1987, runtime=102, genres=("comedy", "romance")),
    Item(id="s1", title="Contact", year=1997, runtime=153, genres=("drama", "sci-fi")),
    Item(id="s2", title="Gattaca", year=1997, runtime=101, genres=("drama", "sci-fi", "thriller")),
    Item(id="s3", title="Twelve Monkeys", year=1995, runtime=129, genres=("drama", "sci-fi")),
    Item(id="s4", title="Men in Black", year=1997, runtime=98, genres=("action", "comedy", "sci-fi")),
]
FIVE = ["x1", "x2", "x3", "x4", "x5"]
FOUR = ["x1", "x2", "x3", "x4"]
REQUEST = "来几部八十年代的喜剧"


vocab = vocab_fixture(ITEMS, "h17-generalise-test")


def listed(vocab, request: str = REQUEST, shown: list[str] = FIVE) -> DialogueState:
    state, _ = say(vocab, DialogueState(), request)
    return record_shown(state, shown)


def verdicts(ins: Instruction) -> list[tuple[str, int]]:
    return [(f.kind, f.position) for f in ins.feedback]


# --------------------------------------------------------------------------- a card called by its rank among siblings
@pytest.mark.parametrize("text, want", [("老三看过了", [("dislike", 3)]), ("老四不想看", [("dislike", 4)]),
                                        ("老大不错 多来点这种", [("more_like", 1)]),
                                        ("老大跟老五都刷过了", [("dislike", 1), ("dislike", 5)])])
def test_a_card_called_by_its_rank_among_siblings(vocab, text, want):
    ins = parse(vocab, text, listed(vocab))
    assert ins.action == "feedback" and verdicts(ins) == want


def test_a_question_about_a_card_by_rank_and_a_follow_up_by_rank(vocab):
    state, ins = say(vocab, listed(vocab), "老四哪年的")
    assert (ins.action, ins.question_position, ins.question) == ("question", 4, "year")
    _, ins = say(vocab, state, "那老二呢")
    assert (ins.action, ins.question_position, ins.question) == ("question", 2, "year")


@pytest.mark.parametrize("text", ["再老二十年的", "老大爷都爱看的那种", "太老三十年了"])
def test_old_followed_by_a_number_is_no_card(vocab, text):
    ins = parse(vocab, text, listed(vocab))
    assert ins.action != "feedback" and ins.question_position is None


# --------------------------------------------------------------------------- the card in the middle
@pytest.mark.parametrize("text, action, pos", [("中间那部看过了", "feedback", 3), ("中间的讲啥", "question", 3),
                                               ("the middle one looks boring", "feedback", 3),
                                               ("what's the one in the middle about?", "question", 3)])
def test_the_card_in_the_middle_of_an_odd_list(vocab, text, action, pos):
    ins = parse(vocab, text, listed(vocab))
    assert ins.action == action
    assert (verdicts(ins)[0][1] if action == "feedback" else ins.question_position) == pos


def test_an_even_list_has_no_one_card_in_the_middle(vocab):
    ins = parse(vocab, "中间那部看过了", listed(vocab, shown=FOUR))
    assert not ins.feedback


# --------------------------------------------------------------------------- a run of cards counted from the end
@pytest.mark.parametrize("text, want", [("最后两个都不想看", [4, 5]), ("后三部看过了", [3, 4, 5]),
                                        ("the last two look dull", [4, 5]), ("bottom 3 are seen already", [3, 4, 5]),
                                        ("后两个我看过", [4, 5])])
def test_a_run_of_cards_from_the_end(vocab, text, want):
    ins = parse(vocab, text, listed(vocab))
    assert ins.action == "feedback" and verdicts(ins) == [("dislike", p) for p in want]
    assert ins.k == 5  # the "几部" in force: "两个" here counts no films to show


@pytest.mark.parametrize("text", ["last two hours were slow", "之后两个月都没空"])
def test_last_with_a_unit_is_no_run_of_cards(vocab, text):
    assert not parse(vocab, text, listed(vocab)).feedback


# --------------------------------------------------------------------------- the whole list said seen
@pytest.mark.parametrize("text", ["这几个我都看过", "列表里的都看过了", "上面那些都刷过了", "刚才那几部全看过了",
                                  "seen all of those", "those are all watched already", "every one of these i've seen"])
def test_the_whole_list_said_seen_is_every_card_seen(vocab, text):
    ins = parse(vocab, text, listed(vocab))
    assert ins.action == "feedback" and verdicts(ins) == [("dislike", p) for p in range(1, 6)]


@pytest.mark.parametrize("text", ["这几个都太老了", "these are all too old", "上面那些都不想看", "these all look meh"])
def test_the_whole_list_turned_down_is_no_verdict_on_each_card(vocab, text):
    ins = parse(vocab, text, listed(vocab))
    assert ins.action in ("refine", "more") and not ins.feedback


# --------------------------------------------------------------------------- the two cards just asked about
@pytest.mark.parametrize("text", ["这俩都看过了", "那两部都不想看", "seen both of those", "those two aren't for me"])
def test_the_two_cards_just_asked_about(vocab, text):
    state, _ = say(vocab, listed(vocab), "第二个讲什么的")
    state, _ = say(vocab, state, "第四个呢")
    _, ins = say(vocab, state, text)
    assert ins.action == "feedback" and verdicts(ins) == [("dislike", 2), ("dislike", 4)]


def test_a_new_list_forgets_the_cards_asked_about(vocab):
    state, _ = say(vocab, listed(vocab), "第二个讲什么的")
    state, _ = say(vocab, state, "第四个呢")
    state = record_shown(state, ["x6", "x7", "s1", "s2", "s3"])
    assert state.focus_trail == []
    _, ins = say(vocab, state, "这俩都看过了")
    assert [p for _k, p in verdicts(ins)] != [2, 4]


# --------------------------------------------------------------------------- two verdicts parted by a space
@pytest.mark.parametrize("text, want", [("第二个不要 来点像第四个的", [("dislike", 2), ("more_like", 4)]),
                                        ("老三看过了 跟老大差不多的再来点", [("dislike", 3), ("more_like", 1)]),
                                        ("第五部pass 找点第一部那样的", [("dislike", 5), ("more_like", 1)])])
def test_two_verdicts_parted_by_a_space(vocab, text, want):
    ins = parse(vocab, text, listed(vocab))
    assert ins.action == "feedback" and sorted(verdicts(ins), key=lambda v: v[1]) == sorted(want, key=lambda v: v[1])


# --------------------------------------------------------------------------- others, said alone, is paging
@pytest.mark.parametrize("text", ["别的", "其他的呢", "嗯 别的吧", "那其它的"])
def test_others_said_alone_is_paging(vocab, text):
    ins = parse(vocab, text, listed(vocab))
    assert ins.action == "more" and ins.constraints.include_genres == ["comedy"]


@pytest.mark.parametrize("text", ["其他的恐怖片呢", "别的科幻片有吗"])
def test_others_of_another_genre_asks_for_that_genre(vocab, text):
    assert parse(vocab, text, listed(vocab)).constraints.include_genres in (["horror"], ["sci-fi"])


# --------------------------------------------------------------------------- a request corrected
def asked_dramas(vocab) -> DialogueState:
    return listed(vocab, "来几部九十年代的剧情片")


@pytest.mark.parametrize("text, genre", [("搞错了，是动作片不是剧情片", "action"), ("我是说恐怖片 不是剧情片", "horror"),
                                         ("不是剧情片是喜剧", "comedy"), ("i meant thrillers not dramas", "thriller"),
                                         ("sorry typo, comedy not drama", "comedy"),
                                         ("no i said sci fi, not drama!", "sci-fi")])
def test_a_genre_corrected_replaces_the_one_in_force_and_keeps_the_rest(vocab, text, genre):
    ins = parse(vocab, text, asked_dramas(vocab))
    assert ins.action == "refine"
    assert ins.constraints.include_genres == [genre] and "drama" not in ins.constraints.exclude_genres
    assert "genres" in ins.relax


@pytest.mark.parametrize("text", ["打错了 我要的是八十年代的", "不是这个意思，要八十年代的"])
def test_a_period_corrected_replaces_the_one_in_force(vocab, text):
    ins = parse(vocab, text, asked_dramas(vocab))
    assert ins.action == "refine" and (ins.constraints.min_year, ins.constraints.max_year) == (1980, 1989)


@pytest.mark.parametrize("text", ["comedy not drama", "喜剧 不要剧情片"])
def test_not_a_genre_out_of_force_is_still_an_exclusion(vocab, text):
    ins = parse(vocab, text, listed(vocab, "来几部恐怖片"))
    assert "drama" in ins.constraints.exclude_genres


# --------------------------------------------------------------------------- a genre offered in place of the one in force
@pytest.mark.parametrize("text, genre", [("要不来点恐怖片", "horror"), ("要不然换成科幻的", "sci-fi"),
                                         ("或者看看爱情片", "romance"), ("要不试试剧情片", "drama")])
def test_a_genre_offered_in_place_keeps_the_period(vocab, text, genre):
    ins = parse(vocab, text, listed(vocab))
    assert ins.action == "refine" and ins.constraints.include_genres == [genre]
    state, _ = say(vocab, listed(vocab), text)
    assert (state.constraints.min_year, state.constraints.max_year) == (1980, 1989)


# --------------------------------------------------------------------------- going back to an earlier request
@pytest.mark.parametrize("text", ["还是刚才那批吧", "回到之前的吧", "换回原来那个", "算了 还是要刚才那些"])
def test_going_back_to_the_request_before(vocab, text):
    state, _ = say(vocab, listed(vocab), "换成科幻片")
    state = record_shown(state, ["s1", "s2", "s3", "s4"])
    state, ins = say(vocab, state, text)
    assert ins.action == "refine"
    assert state.constraints.include_genres == ["comedy"] and state.constraints.min_year == 1980


def test_going_back_to_the_first_request(vocab):
    state, _ = say(vocab, listed(vocab), "换成科幻片")
    state, _ = say(vocab, record_shown(state, ["s1", "s2", "s3", "s4"]), "九十年代的")
    state, _ = say(vocab, record_shown(state, ["s1", "s2", "s3"]), "还是最开始那批吧")
    assert state.constraints.include_genres == ["comedy"] and state.constraints.max_year == 1989


@pytest.mark.parametrize("text", ["刚才那个看过了", "之前那个讲啥"])
def test_the_card_before_is_no_request_gone_back_to(vocab, text):
    state, _ = say(vocab, listed(vocab), "第二个哪年的")
    _, ins = say(vocab, state, text)
    assert ins.action in ("feedback", "question")


# --------------------------------------------------------------------------- similar to the card just asked about
@pytest.mark.parametrize("text, more", [("有没有类似的但是新一点的", {"min_year"}), ("差不多的再来几部", set()),
                                        ("anything similar but shorter?", {"max_runtime"}),
                                        ("太老了 同类的有没有九十年代的", {"min_year", "max_year"})])
def test_similar_ones_right_after_a_question_are_like_that_card(vocab, text, more):
    state, _ = say(vocab, listed(vocab), "第三个多长")
    _, ins = say(vocab, state, text)
    assert ins.action == "feedback" and verdicts(ins) == [("more_like", 3)]
    assert {k for k in ("min_year", "max_year", "max_runtime") if getattr(ins.constraints, k) is not None} >= more


def test_similar_ones_with_no_question_before_are_no_card(vocab):
    ins = parse(vocab, "有没有类似的", listed(vocab))
    assert not ins.feedback


# --------------------------------------------------------------------------- more ways to point at cards together
@pytest.mark.parametrize("text, want", [("最下面两部不想看", [4, 5]), ("靠后的两部看过了", [4, 5]), ("倒数两个都看过了", [4, 5])])
def test_the_bottom_of_the_list_said_other_ways(vocab, text, want):
    ins = parse(vocab, text, listed(vocab))
    assert verdicts(ins) == [("dislike", p) for p in want] and ins.k == 5


@pytest.mark.parametrize("text, want", [("它和第一个都看过了", [1, 2]), ("第一个跟它都不想看", [1, 2]), ("两部都看过了", None),
                                        ("它俩都刷过了", None)])
def test_the_card_in_view_joined_with_another(vocab, text, want):
    state, _ = say(vocab, listed(vocab), "第二个讲什么的")
    state, _ = say(vocab, state, "第四个呢") if want is None else (state, None)
    _, ins = say(vocab, state, text)
    assert ins.action == "feedback" and sorted(p for _k, p in verdicts(ins)) == (want or [2, 4])


# --------------------------------------------------------------------------- a wish beside a card's verdict is kept
@pytest.mark.parametrize("text, key", [("第三部太老了 有没有类似的新一点的", "min_year"), ("跟第二部差不多但是短一点的", "max_runtime"),
                                       ("第二部那种的 短一点的", "max_runtime"), ("第四个太老了 要新点的", "min_year")])
def test_a_relative_wish_beside_a_card_is_kept(vocab, text, key):
    ins = parse(vocab, text, listed(vocab))
    assert ins.action == "feedback" and ins.feedback
    assert getattr(ins.constraints, key) is not None


def test_more_like_a_card_but_shorter_is_shorter_than_that_card(vocab):
    state = listed(vocab, "来几部电影", ["t1", "g1", "a1", "x1", "x2"])  # #2 runs 175 minutes
    ins = parse(vocab, "跟第二部差不多但是短一点的", state)
    assert verdicts(ins) == [("more_like", 2)] and ins.constraints.max_runtime < 175


# --------------------------------------------------------------------------- more ways to correct and go back
@pytest.mark.parametrize("text, genre", [("手滑了 是喜剧", "comedy"), ("不对不对 是动作片", "action"),
                                         ("口误 我要的是爱情片", "romance"), ("oops i meant comedies", "comedy")])
def test_a_slip_corrected_keeps_the_period(vocab, text, genre):
    state, ins = say(vocab, asked_dramas(vocab), text)
    assert ins.action == "refine" and state.constraints.include_genres == [genre]
    assert (state.constraints.min_year, state.constraints.max_year) == (1990, 1999)


@pytest.mark.parametrize("text", ["跟刚才一样吧", "还是之前的喜剧吧", "和原来那批一样就行"])
def test_going_back_said_as_the_same_as_before(vocab, text):
    state, _ = say(vocab, listed(vocab), "换成科幻片")
    state, ins = say(vocab, record_shown(state, ["s1", "s2", "s3", "s4"]), text)
    assert ins.action == "refine"
    assert state.constraints.include_genres == ["comedy"] and state.constraints.max_year == 1989


# --------------------------------------------------------------------------- short vague follow-ups
@pytest.mark.parametrize("text, key", [("短点", "max_runtime"), ("再短些", "max_runtime"), ("再近一点的", "min_year"),
                                       ("近些的", "min_year")])
def test_a_short_vague_follow_up_refines(vocab, text, key):
    ins = parse(vocab, text, asked_dramas(vocab))
    assert ins.action == "refine" and getattr(ins.constraints, key) is not None


# --------------------------------------------------------------------------- 第 typed as a word of the same sound
@pytest.mark.parametrize("text, action, pos", [("弟二个讲什么的", "question", 2), ("地三部看过了", "feedback", 3),
                                               ("低一个多长", "question", 1)])
def test_an_ordinal_typed_with_a_slip(vocab, text, action, pos):
    ins = parse(vocab, text, listed(vocab))
    assert ins.action == action
    assert (verdicts(ins)[0][1] if action == "feedback" else ins.question_position) == pos


def test_a_brother_is_no_ordinal(vocab):
    ins = parse(vocab, "我弟两部都看过", listed(vocab))
    assert [p for _k, p in verdicts(ins)] != [2]


# --------------------------------------------------------------------------- cards from the top, limits against a card
@pytest.mark.parametrize("text, want", [("前面两个都不要", [1, 2]), ("上面两个看过了", [1, 2]), ("最上面三部都刷过了", [1, 2, 3])])
def test_a_run_from_the_top_said_other_ways(vocab, text, want):
    ins = parse(vocab, text, listed(vocab))
    assert verdicts(ins) == [("dislike", p) for p in want] and ins.k == 5


@pytest.mark.parametrize("text, key", [("比中间那个短的", "max_runtime"), ("比老二新一点的", "min_year"),
                                       ("比最后那部老一点的", "max_year")])
def test_a_limit_against_a_card_pointed_at_without_a_number(vocab, text, key):
    ins = parse(vocab, text, listed(vocab))
    assert ins.action == "refine" and getattr(ins.constraints, key) is not None


@pytest.mark.parametrize("text", ["像老大那样的但是别太长", "跟第一个差不多的 不要太长"])
def test_not_too_long_beside_a_card_is_a_wish(vocab, text):
    ins = parse(vocab, text, listed(vocab))
    assert verdicts(ins) == [("more_like", 1)] and 100 <= (ins.constraints.max_runtime or 0) <= 130


# --------------------------------------------------------------------------- a period corrected, a card "but" a wish
@pytest.mark.parametrize("text", ["i meant 80s, not 90s", "我说的是八十年代不是九十年代", "八十年代 不是九十年代", "80s not 90s"])
def test_a_period_said_by_mistake_is_replaced(vocab, text):
    ins = parse(vocab, text, asked_dramas(vocab))
    assert (ins.constraints.min_year, ins.constraints.max_year) == (1980, 1989)


@pytest.mark.parametrize("text, key", [("the 2nd one but older?", "max_year"), ("the third but shorter", "max_runtime"),
                                       ("#4 but newer pls", "min_year"), ("第二部 但是新一点的", "min_year")])
def test_a_card_but_a_relative_wish_is_more_like_it(vocab, text, key):
    ins = parse(vocab, text, listed(vocab))
    assert ins.action == "feedback" and [k for k, _p in verdicts(ins)] == ["more_like"]
    assert getattr(ins.constraints, key) is not None


def test_a_card_then_a_question_is_still_a_question(vocab):
    ins = parse(vocab, "the 2nd one, is it long?", listed(vocab))
    assert (ins.action, ins.question_position) == ("question", 2)


@pytest.mark.parametrize("text, action", [("头一个看过了", "feedback"), ("头一部讲啥", "question"), ("除了老大都看过", "feedback")])
def test_the_first_card_called_the_head_one(vocab, text, action):
    ins = parse(vocab, text, listed(vocab))
    assert ins.action == action
    if text.startswith("除了"):
        assert verdicts(ins) == [("dislike", p) for p in (2, 3, 4, 5)]
    else:
        assert (verdicts(ins)[0][1] if action == "feedback" else ins.question_position) == 1
