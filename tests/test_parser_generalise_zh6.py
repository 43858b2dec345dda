"""Chinese turns from the blind dev6 dialogues, by class, each with several phrasings the rules were
not written for: a yes/no question about a named film ("阿甘正传算喜剧吗", "《辛德勒的名单》值得看吗")
is a question, not a verdict on the film nor a request for its genre. A small hand-made catalog,
no index, no model."""
from __future__ import annotations

import pytest

from catalog.item import Item
from chat.state import DialogueState, apply_resolved, record_shown
from tests.parser_kit import parse, vocab_fixture

ITEMS = [
    Item(id="t1", title="Titanic", year=1997, genres=("drama", "romance"), metadata={"aliases": "泰坦尼克号"}),
    Item(id="f1", title="Forrest Gump", year=1994, genres=("comedy", "drama", "romance"), metadata={"aliases": "阿甘正传"}),
    Item(id="s1", title="Schindler's List", year=1993, genres=("drama", "war"), metadata={"aliases": "辛德勒的名单"}),
    Item(id="m1", title="The Sound of Music", year=1965, genres=("musical",), metadata={"aliases": "音乐之声"}),
    Item(id="g1", title="The Godfather", year=1972, genres=("crime", "drama"), metadata={"aliases": "教父"}),
    Item(id="a1", title="Alien", year=1979, genres=("horror", "sci-fi"), metadata={"aliases": "异形"}),
    Item(id="h1", title="The Shining", year=1980, genres=("horror",), metadata={"aliases": "闪灵"}),
    Item(id="p1", title="Psycho", year=1960, genres=("horror", "thriller"), metadata={"aliases": "惊魂记"}),
    Item(id="r1", title="Rear Window", year=1954, genres=("mystery", "thriller"), metadata={"aliases": "后窗"}),
    Item(id="b1", title="Blade Runner", year=1982, genres=("sci-fi",)),
    Item(id="d1", title="Die Hard", year=1988, genres=("action", "thriller"), metadata={"aliases": "虎胆龙威"}),
    Item(id="g2", title="The Godfather: Part II", year=1974, genres=("crime", "drama"), metadata={"aliases": "教父2"}),
    Item(id="x1", title="Airplane!", year=1980, genres=("comedy",)),
    Item(id="x2", title="Heathers", year=1989, genres=("comedy",)),
    Item(id="x3", title="Local Hero", year=1983, genres=("comedy",)),
    Item(id="x4", title="Raising Arizona", year=1987, genres=("comedy",)),
]
SHOWN = ["x1", "x2", "x3", "x4"]


vocab = vocab_fixture(ITEMS, "zh6-generalise-test")


def listed(vocab) -> DialogueState:
    """A state with a comedy request in force and SHOWN on screen."""
    state = apply_resolved(DialogueState(), parse(vocab, "来点喜剧"))
    return record_shown(state, SHOWN)


# --------------------------------------------------------------------------- yes/no questions about a named film
@pytest.mark.parametrize("text, item, asks", [
    ("阿甘正传算喜剧吗", "f1", "genre"),
    ("音乐之声算爱情片吗", "m1", "genre"),
    ("《教父》是犯罪片么", "g1", "genre"),
    ("《辛德勒的名单》值得看吗", "s1", "rating"),
    ("教父好看吗", "g1", "rating"),
    ("泰坦尼克号好看不", "t1", "rating"),
])
@pytest.mark.parametrize("with_list", [False, True])
def test_yes_no_question_about_a_named_film(vocab, text, item, asks, with_list):
    state = listed(vocab) if with_list else DialogueState()
    ins = parse(vocab, text, state)
    assert ins.action == "question"
    assert ins.question_item_id == item
    assert ins.question == asks
    assert not ins.mentions  # asking whether it is good says nothing of having seen it
    if with_list:
        assert ins.constraints.include_genres == ["comedy"]  # the request in force is kept


# --------------------------------------------------------------------------- praise for the picks is small talk
@pytest.mark.parametrize("text", ["谢谢你 推荐得不错", "推荐得挺准的 谢谢", "你推荐的都挺好 谢啦", "这次推荐的很合我胃口"])
def test_praise_for_the_picks_is_small_talk(vocab, text):
    ins = parse(vocab, text, listed(vocab))
    assert ins.action == "smalltalk"


@pytest.mark.parametrize("text, action", [("推荐的不错 再来几部", "more"), ("推荐得挺好 换一批", "more")])
def test_praise_with_a_request_is_still_the_request(vocab, text, action):
    assert parse(vocab, text, listed(vocab)).action == action


# --------------------------------------------------------------------------- "X那种的有吗" within the request in force
@pytest.mark.parametrize("text, ref", [
    ("教父那种的有吗", "g1"),
    ("小时候看的阿甘正传那种", "f1"),
    ("跟泰坦尼克号差不多的有没有", "t1"),
    ("音乐之声这种的有么", "m1"),
])
def test_ones_like_a_film_refine_the_request_in_force(vocab, text, ref):
    ins = parse(vocab, text, listed(vocab))
    assert ins.action == "refine"
    assert ref in ins.reference_ids
    assert ins.constraints.include_genres == ["comedy"]


def test_ones_like_a_film_as_a_first_message_is_a_new_request(vocab):
    ins = parse(vocab, "教父那种的有吗")
    assert ins.action == "new" and ins.reference_ids == ["g1"]


# --------------------------------------------------------------------------- the time there is, and "X个多小时"
@pytest.mark.parametrize("text, cap", [
    ("今晚就一个多小时空闲 来部喜剧", 90),
    ("只有两个小时 来部喜剧", 120),
    ("就一个半小时的空 来部喜剧", 90),
    ("一个多小时以内的喜剧", 90),
    ("两个多小时的太长了 来部喜剧", 130),
])
def test_time_available_caps_the_length(vocab, text, cap):
    ins = parse(vocab, text)
    assert ins.constraints.max_runtime == cap
    assert ins.k != 1  # "一个多小时" counts no films


# --------------------------------------------------------------------------- an English verdict glued to Chinese
@pytest.mark.parametrize("text, items, opinion", [
    ("Blade Runner和泰坦尼克号都love", ["b1", "t1"], "loved"),
    ("教父和阿甘正传都love", ["g1", "f1"], "loved"),
    ("泰坦尼克号超love的", ["t1"], "loved"),
    ("阿甘正传真的hate", ["f1"], "hated"),
])
def test_english_verdict_inside_chinese(vocab, text, items, opinion):
    ins = parse(vocab, text)
    assert ins.action == "seen"
    assert [m.item_id for m in ins.mentions] == items
    assert {m.opinion for m in ins.mentions} == {opinion}


# --------------------------------------------------------------------------- short titles listed by spaces
@pytest.mark.parametrize("text, items", [
    ("闪灵 惊魂记都看过了", ["h1", "p1"]),
    ("闪灵 惊魂记都看郭了", ["h1", "p1"]),
    ("教父 异形 都刷过", ["g1", "a1"]),
    ("后窗 惊魂记 闪灵 都看过", ["r1", "p1", "h1"]),
])
def test_short_titles_listed_by_spaces_are_seen(vocab, text, items):
    ins = parse(vocab, text, listed(vocab))
    assert ins.action == "seen"
    assert sorted(m.item_id for m in ins.mentions) == sorted(items)
    assert all(m.opinion == "seen" for m in ins.mentions)


# --------------------------------------------------------------------------- more fighting: a lean to action, the genre kept
@pytest.mark.parametrize("text", ["有没有打得多一点的", "打戏多的有吗", "要拳拳到肉的", "来点打得爽的"])
def test_more_fighting_leans_to_action(vocab, text):
    ins = parse(vocab, text, listed(vocab))
    assert ins.action == "refine"
    assert "action" in ins.intention.genres
    assert ins.constraints.include_genres == ["comedy"]


# --------------------------------------------------------------------------- two parts of a series by number
@pytest.mark.parametrize("text, opinion", [
    ("教父第一部第二部都是神作", "loved"),
    ("教父一二都看过", "seen"),
    ("教父第一部和第二部都看过了", "seen"),
    ("教父第一第二部都刷过", "seen"),
])
def test_two_parts_of_a_series_by_number(vocab, text, opinion):
    ins = parse(vocab, text)
    assert ins.action == "seen"
    assert sorted(m.item_id for m in ins.mentions) == ["g1", "g2"]
    assert {m.opinion for m in ins.mentions} == {opinion}


# --------------------------------------------------------------------------- a verdict, a space, then a wish for films like it
@pytest.mark.parametrize("text, item", [
    ("泰坦尼克号看哭了 有没有类似的", "t1"),
    ("阿甘正传看哭了 有类似的吗", "f1"),
    ("泰坦尼克号哭成狗 求类似的", "t1"),
    ("阿甘正传笑死 有没有差不多的", "f1"),
])
def test_verdict_then_a_space_then_more_like_it(vocab, text, item):
    ins = parse(vocab, text)
    assert [(m.item_id, m.opinion) for m in ins.mentions] == [(item, "loved")]
    assert ins.reference_ids == [item]


@pytest.mark.parametrize("text", ["泰坦尼克号那样的也行", "泰坦尼克号 有类似的吗"])
def test_a_wish_for_films_like_it_is_no_verdict(vocab, text):
    ins = parse(vocab, text)
    assert not ins.mentions and ins.reference_ids == ["t1"]


# --------------------------------------------------------------------------- "那种的 比如X": an example within the request in force
@pytest.mark.parametrize("text, ref", [
    ("要爆笑那种的 比如阿甘正传", "f1"),
    ("无厘头那种 比如阿甘正传", "f1"),
    ("老派那种 比如音乐之声", "m1"),
    ("傻乐的那类 例如阿甘正传", "f1"),
])
def test_an_example_refines_the_request_in_force(vocab, text, ref):
    ins = parse(vocab, text, listed(vocab))
    assert ins.action == "refine"
    assert ref in ins.reference_ids
    assert ins.constraints.include_genres == ["comedy"]
