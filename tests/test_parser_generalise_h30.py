"""English and Chinese turns from the blind dev30 dialogues (feedback on films the user has watched), by class, each
tested with phrasings the dialogues do not use: a card said to be watched and praised ("watched #3 last night, loved
it", "the 3rd one, seen it, 10/10", "第二个看过了 很棒 类似的再来点") is liked and left out from now on, each card by
what is said right after it ("seen #1 and #2. #1 was hilarious, #2 not so much", "第一个看过 还不错 第二个看过 不好看")
or of both ("第一个看过了 第二个也看过 都很棒"); a card said not watched but praised is a plain like ("第五个没看过 看着挺
带劲"); a card's kind turned away ("别再推这种") is a dislike; several films named with a verdict each take the one said
right after them ("人鬼情未了也封神 西雅图夜未眠一般般", "scream was a banger but scream 2 was mid"); a film alone
called a letdown after a rewatch ("rewatched pulp fiction and it aged badly"), called mid, or found short of what was
hoped ("没有想象中好看") is hated; a dislike hedged away ("i didnt hate titanic") is none; a child taken with a film
("迷得不行") loved it. A small hand-made catalog, no index, no model."""
from __future__ import annotations

import pytest

from catalog.item import Item
from tests.parser_kit import parse, say_each, vocab_fixture

ITEMS = [
    Item(id="gh", title="Ghost", year=1990, runtime=128, genres=("comedy", "romance", "thriller"),
         metadata={"aliases": "人鬼情未了"}),
    Item(id="ss", title="Sleepless in Seattle", year=1993, runtime=105, genres=("comedy", "romance"),
         metadata={"aliases": "西雅图夜未眠"}),
    Item(id="sc", title="Scream", year=1996, runtime=111, genres=("horror", "thriller")),
    Item(id="s2", title="Scream 2", year=1997, runtime=120, genres=("horror", "thriller")),
    Item(id="pf", title="Pulp Fiction", year=1994, runtime=168, genres=("crime", "drama"), metadata={"aliases": "低俗小说"}),
    Item(id="ti", title="Titanic", year=1997, runtime=194, genres=("drama", "romance"), metadata={"aliases": "泰坦尼克号"}),
    Item(id="fe", title="The Fifth Element", year=1997, runtime=126, genres=("action", "sci-fi"),
         metadata={"aliases": "第五元素"}),
    Item(id="lk", title="The Lion King", year=1994, runtime=89, genres=("animation", "children's", "musical"),
         metadata={"aliases": "狮子王"}),
    Item(id="al", title="Alien", year=1979, runtime=116, genres=("horror", "sci-fi")),
    Item(id="as", title="Aliens", year=1986, runtime=154, genres=("action", "sci-fi")),
    Item(id="mb", title="Men in Black", year=1997, runtime=98, genres=("action", "comedy", "sci-fi")),
    Item(id="id", title="Independence Day (ID4)", year=1996, runtime=153, genres=("action", "sci-fi"),
         metadata={"aliases": "独立日"}),
    Item(id="hd", title="Heat", year=1995, runtime=188, genres=("action", "crime")),
    Item(id="fa", title="Fargo", year=1996, runtime=98, genres=("crime", "drama")),
]

SHOWN = ["hd", "fa", "al", "as", "mb", "gh"]

vocab = vocab_fixture(ITEMS, "h30-generalise-test")


def _listed(vocab):
    state, _ = say_each(vocab, SHOWN, "some films pls")
    return state


def _cards(ins) -> set[tuple[str, int, bool]]:
    return {(f.kind, f.position, f.seen) for f in ins.feedback}


def _opinions(ins) -> dict[str, str]:
    return {m.item_id: m.opinion for m in ins.mentions}


# --------------------------------------------------------------------------- a card watched and praised
@pytest.mark.parametrize("text, position", [
    ("watched #3 last night, loved it", 3),
    ("the 3rd one, seen it, 10/10", 3),
    ("seen the 2nd already, it was great", 2),
    ("#4 i saw last week, amazing", 4),
    ("the first one we watched twice, so good", 1),
    ("第二个看过了 很棒", 2),
    ("第三部看过 超好看", 3),
    ("第一个刷过了 太好看了", 1),
    ("第四个早就看过了 真的可以", 4),
    ("第二部小时候看过 巨好看", 2),
])
def test_a_card_watched_and_praised_is_liked_and_seen(vocab, text, position):
    ins = parse(vocab, text, _listed(vocab))
    assert ins.action == "feedback" and _cards(ins) == {("like", position, True)}


@pytest.mark.parametrize("text, position", [("seen #2, boring", 2), ("第一个看过了 不好看", 1),
                                            ("watched the 3rd, put me to sleep", 3), ("第四个看过 一般般", 4)])
def test_a_card_watched_and_found_wanting_stays_a_dislike(vocab, text, position):
    assert {(k, p) for k, p, _s in _cards(parse(vocab, text, _listed(vocab)))} == {("dislike", position)}


def test_a_card_watched_and_praised_is_liked_and_left_out_in_the_state(vocab):
    state, _ = say_each(vocab, SHOWN, "some films pls", "watched #2 last night, loved it")
    assert "fa" in state.liked_ids and "fa" in state.constraints.exclude_ids


@pytest.mark.parametrize("text, position", [("第二个看过了 很棒 类似的再来点", 2), ("第三部看过 太好看了 还有这种的吗", 3),
                                            ("seen #1, loved it, more like that", 1)])
def test_a_card_watched_praised_and_wished_for_again_is_the_reference_too(vocab, text, position):
    ins = parse(vocab, text, _listed(vocab))
    assert _cards(ins) == {("like", position, True), ("more_like", position, True)}
    state, _ = say_each(vocab, SHOWN, "some films pls", text)
    assert SHOWN[position - 1] in state.reference_ids and SHOWN[position - 1] in state.constraints.exclude_ids


@pytest.mark.parametrize("text, want", [
    ("seen #1 and #2. #1 was hilarious, #2 not so much", {("like", 1, True), ("dislike", 2)}),
    ("第一个看过 还不错 第二个看过 不好看", {("like", 1, True), ("dislike", 2)}),
    ("第一部和第三部都看过了 第一部很一般 第三部绝了", {("dislike", 1), ("like", 3, True)}),
    ("loved #2, seen it twice. #5 looks boring", {("like", 2, True), ("dislike", 5)}),
])
def test_each_card_takes_what_is_said_of_it(vocab, text, want):
    got = {(k, p, True) if k == "like" else (k, p) for k, p, _s in _cards(parse(vocab, text, _listed(vocab)))}
    assert got == want


@pytest.mark.parametrize("text", ["第一个看过了 第二个也看过 都很棒", "第一个看了 第二个也看了 都超好看"])
def test_a_verdict_said_of_both_cards_watched(vocab, text):
    assert _cards(parse(vocab, text, _listed(vocab))) == {("like", 1, True), ("like", 2, True)}


@pytest.mark.parametrize("text", ["第三个看过了 还不错 第五个没看过 看着挺带劲", "第三个看过了 还不错 第五个还没看过 看着很过瘾"])
def test_a_card_not_watched_but_praised_is_a_plain_like(vocab, text):
    assert _cards(parse(vocab, text, _listed(vocab))) == {("like", 3, True), ("like", 5, False)}


@pytest.mark.parametrize("text", ["看过了 太好看了", "看过了 很棒"])
def test_seen_it_and_praise_after_a_question_is_that_card_liked_and_seen(vocab, text):
    state, _ = say_each(vocab, SHOWN, "some films pls", "第一部讲什么的")
    assert _cards(parse(vocab, text, state)) == {("like", 1, True)}


# --------------------------------------------------------------------------- a card's kind turned away
@pytest.mark.parametrize("text, position", [("第四部踩雷了 别再推这种", 4), ("第二个不要再来这种了", 2),
                                            ("第三个别推荐这类的", 3), ("#2 no more like that one", 2)])
def test_a_cards_kind_turned_away_is_a_dislike(vocab, text, position):
    assert {(k, p) for k, p, _s in _cards(parse(vocab, text, _listed(vocab)))} == {("dislike", position)}


# --------------------------------------------------------------------------- several films, each its own verdict
@pytest.mark.parametrize("text, want", [
    ("人鬼情未了也封神 西雅图夜未眠一般般", {"gh": "loved", "ss": "hated"}),
    ("泰坦尼克号绝了 第五元素很无聊", {"ti": "loved", "fe": "hated"}),
    ("scream was a banger but scream 2 was mid", {"sc": "loved", "s2": "hated"}),
    ("titanic was amazing but pulp fiction was boring", {"ti": "loved", "pf": "hated"}),
])
def test_several_films_each_take_the_verdict_said_right_after_them(vocab, text, want):
    assert _opinions(parse(vocab, text)) == want


def test_verdicts_said_before_each_film_still_hold(vocab):
    assert _opinions(parse(vocab, "we both hated Titanic and loved Pulp Fiction")) == {"ti": "hated", "pf": "loved"}


# --------------------------------------------------------------------------- a letdown, mid, short of hopes
@pytest.mark.parametrize("text, item", [
    ("ok honestly rewatched pulp fiction last week and it aged badly", "pf"),
    ("Titanic has aged badly tbh", "ti"),
    ("titanic bored me to tears", "ti"),
    ("第五元素没有想象中好看", "fe"),
    ("泰坦尼克号不如预期", "ti"),
    ("低俗小说没想象中那么好", "pf"),
])
def test_a_film_called_a_letdown_is_hated(vocab, text, item):
    assert _opinions(parse(vocab, text)) == {item: "hated"}


@pytest.mark.parametrize("text, item", [("i didnt hate titanic", "ti"), ("i don't hate pulp fiction", "pf")])
def test_a_dislike_hedged_away_is_no_hate(vocab, text, item):
    assert _opinions(parse(vocab, text)).get(item) != "hated"


@pytest.mark.parametrize("text", ["not a huge fan of alien tbh", "honestly not a big fan of alien"])
def test_not_a_big_fan_is_hated(vocab, text):
    assert _opinions(parse(vocab, text)) == {"al": "hated"}


@pytest.mark.parametrize("text", ["我儿子迷狮子王迷得不行", "她看狮子王看得着迷", "狮子王他爱得不行"])
def test_a_child_taken_with_a_film_loved_it(vocab, text):
    assert _opinions(parse(vocab, text)) == {"lk": "loved"}


# --------------------------------------------------------------------------- not watched is no reason against a card
@pytest.mark.parametrize("text, position", [("第一个他没看过 看着不错 就它了", 1), ("haven't seen the 2nd, looks fun", 2),
                                            ("第三个还没看过 看着挺有意思", 3), ("never watched #4, looks good", 4)])
def test_a_card_not_watched_and_praised_is_a_like(vocab, text, position):
    assert _cards(parse(vocab, text, _listed(vocab))) == {("like", position, False)}


# --------------------------------------------------------------------------- a film loved by the one it is for
@pytest.mark.parametrize("text, item", [
    ("想给我妈找部电影 她最爱泰坦尼克号", "ti"),
    ("帮我爸挑几部片 他超爱狮子王", "lk"),
    ("need a movie for my dad, he loves heat", "hd"),
    ("something for my girlfriend, she adores titanic", "ti"),
])
def test_a_film_loved_by_the_one_it_is_for_is_the_reference(vocab, text, item):
    ins = parse(vocab, text)
    assert _opinions(ins) == {item: "loved"} and ins.reference_ids == [item]


@pytest.mark.parametrize("text", ["第五元素也不行", "第五元素真不行", "第五元素不太行"])
def test_no_good_is_hated(vocab, text):
    assert _opinions(parse(vocab, text)) == {"fe": "hated"}


# --------------------------------------------------------------------------- a card typed low beside a film named
@pytest.mark.parametrize("text, position, item", [
    ("fargo was great, Titanic was mid", 2, "ti"),
    ("heat was a banger, pulp fiction bored me to tears", 1, "pf"),
])
def test_a_card_typed_in_lower_case_beside_another_film_is_still_a_card(vocab, text, position, item):
    ins = parse(vocab, text, _listed(vocab))
    assert ("like", position) in {(k, p) for k, p, _s in _cards(ins)} and _opinions(ins) == {item: "hated"}


# --------------------------------------------------------------------------- a card watched a while ago
@pytest.mark.parametrize("text, want", [
    ("watched the 3rd ages ago, it was alright i guess", ("dislike", 3, True)),
    ("saw the first years ago, loved it", ("like", 1, True)),
    ("seen the 2nd one months ago", ("dislike", 2, True)),
])
def test_a_card_watched_a_while_ago_is_still_a_card(vocab, text, want):
    assert _cards(parse(vocab, text, _listed(vocab))) == {want}


def test_an_ordinal_of_the_users_life_is_still_no_card(vocab):
    assert not parse(vocab, "we saw titanic on our first date haha", _listed(vocab)).feedback


# --------------------------------------------------------------------------- "wasn't bad", "was better"
@pytest.mark.parametrize("text", ["titanic wasnt bad, fargo was better", "titanic wasnt that bad, fargo was much better"])
def test_not_bad_then_better_keeps_the_request_and_likes_the_better_one(vocab, text):
    ins = parse(vocab, text, _listed(vocab))
    assert ins.action in ("feedback", "seen") and _opinions(ins).get("ti") == "seen" and ("like", 2, True) in _cards(ins)


# --------------------------------------------------------------------------- a film typed low, praised in slang
@pytest.mark.parametrize("text, item", [("heat is a 10/10", "hd"), ("fargo slaps", "fa"), ("honestly heat still goes hard", "hd"),
                                        ("seen titanic, fargo hit different", "fa"), ("alien is elite", "al")])
def test_a_film_typed_low_and_praised_in_slang_is_loved(vocab, text, item):
    assert _opinions(parse(vocab, text)).get(item) == "loved"


# --------------------------------------------------------------------------- a film the catalog lacks, said loved
@pytest.mark.parametrize("text", ["龙猫也封神", "千与千寻是我的白月光", "拯救大兵瑞恩也是我的白月光", "花样年华yyds"])
def test_a_film_the_catalog_lacks_said_loved_keeps_the_request(vocab, text):
    state, _ = say_each(vocab, SHOWN, "来点科幻片")
    ins = parse(vocab, text, state)
    assert ins.action == "seen" and ins.constraints.include_genres == ["sci-fi"]


@pytest.mark.parametrize("text, item", [("hes also a big fan of heat lol", "hd"), ("im a huge fan of fargo", "fa"),
                                        ("my dad's a massive fan of alien", "al"), ("she's a big fan of titanic", "ti")])
def test_someone_a_big_fan_of_a_film_typed_low_loved_it(vocab, text, item):
    assert _opinions(parse(vocab, text)).get(item) == "loved"
