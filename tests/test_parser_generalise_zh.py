"""Chinese turns the rules were not written for, by class: follow-ups that point back ("照这个路子再找找",
"类似的" after films just named), series ("蝙蝠侠前两部", "别再是蝙蝠侠了"), when a film was made said
with "拍的", input-method slips (在 for 再), counts that are no counts ("三部曲", "那两部"), love said as
"心中的第一", refinements after a reset, puzzled emoji. Each class has several phrasings; a small
hand-made catalog, no index, no model."""
from __future__ import annotations

import pytest

from catalog.catalog import Catalog
from catalog.filters import Filters
from catalog.item import Item
from catalog.series import SeriesIndex, stem
from chat import spelling
from chat.instruction import Instruction, Mention
from chat.parser import RuleRewriter
from chat.state import DialogueState, apply_resolved, record_shown
from recommender.pipeline import catalog_vocab
from tests.parser_kit import parse

ITEMS = [
    Item(id="t1", title="Titanic", year=1997, genres=("drama", "romance"), metadata={"aliases": "泰坦尼克号"}),
    Item(id="e1", title="The English Patient", year=1996, genres=("drama", "romance"), metadata={"aliases": "英国病人"}),
    Item(id="g1", title="The Godfather", year=1972, genres=("crime", "drama"), metadata={"aliases": "教父"}),
    Item(id="g2", title="The Godfather: Part II", year=1974, genres=("crime", "drama"), metadata={"aliases": "教父2"}),
    Item(id="b1", title="Batman", year=1989, genres=("action",), metadata={"aliases": "蝙蝠侠"}),
    Item(id="b2", title="Batman Returns", year=1992, genres=("action",), metadata={"aliases": "蝙蝠侠归来"}),
    Item(id="b3", title="Batman Forever", year=1995, genres=("action",), metadata={"aliases": "永远的蝙蝠侠"}),
    Item(id="n1", title="Big", year=1988, genres=("comedy",), metadata={"aliases": "飞进未来"}),
    Item(id="n2", title="Big Night", year=1996, genres=("comedy",), metadata={"aliases": "大餐"}),
    Item(id="k1", title="2001: A Space Odyssey", year=1968, genres=("sci-fi",), metadata={"aliases": "2001太空漫游"}),
    Item(id="c1", title="Three Colors: Red", year=1994, genres=("drama",), metadata={"aliases": "蓝白红三部曲之红"}),
    Item(id="c2", title="Three Colors: Blue", year=1993, genres=("drama",), metadata={"aliases": "蓝白红三部曲之蓝"}),
    Item(id="c3", title="Three Colors: White", year=1994, genres=("drama",), metadata={"aliases": "蓝白红三部曲之白"}),
    Item(id="x1", title="Airplane!", year=1980, genres=("comedy",)),
    Item(id="x2", title="Heathers", year=1989, genres=("comedy",)),
    Item(id="x3", title="Local Hero", year=1983, genres=("comedy",)),
    Item(id="x4", title="Raising Arizona", year=1987, genres=("comedy",)),
]
SHOWN = ["x1", "x2", "x3", "x4"]


@pytest.fixture(scope="module")
def cat() -> Catalog:
    return Catalog("zh-generalise-test", ITEMS)


@pytest.fixture(scope="module")
def vocab(cat):
    return catalog_vocab(cat)


def listed(state: DialogueState | None = None, genres: tuple[str, ...] = ("comedy",)) -> DialogueState:
    """A state with a comedy request in force and SHOWN on screen."""
    state = state or DialogueState()
    if state.instruction is None:
        state = apply_resolved(state, RuleRewriter().rewrite("来点喜剧", state, _bare_vocab()))
        state = state.model_copy(update={"constraints": Filters(include_genres=list(genres))})
    return record_shown(state, SHOWN)


def _bare_vocab():
    return catalog_vocab(Catalog("bare", ITEMS))


def play(vocab, *turns: str) -> tuple[DialogueState, Instruction]:
    """Play turns in order (each shows SHOWN after it); returns the state before the last turn and its reading."""
    state = DialogueState()
    for text in turns[:-1]:
        state = record_shown(apply_resolved(state, parse(vocab, text, state)), SHOWN)
    return state, parse(vocab, turns[-1], state)


# --------------------------------------------------------------------------- when it was made, not who made it
@pytest.mark.parametrize("text, lo, hi", [
    ("八十年代及以后拍的", 1980, None),
    ("九十年代拍的喜剧", 1990, 1999),
    ("1990年以后拍的", 1991, None),
    ("九五年以后拍的", 1995, None),
])
def test_a_period_before_pai_de_is_when_it_was_made(vocab, text, lo, hi):
    i = parse(vocab, text, listed())
    assert (i.constraints.min_year, i.constraints.max_year) == (lo, hi)
    assert not i.people


def test_a_name_before_pai_de_is_still_a_person(vocab):
    assert parse(vocab, "想看蒂姆·伯顿拍的").people == ["蒂姆·伯顿"]
    assert parse(vocab, "就是蒂姆·伯顿拍的那种").people == ["蒂姆·伯顿"]


# --------------------------------------------------------------------------- 在 typed for 再
@pytest.mark.parametrize("typed, meant", [
    ("在来一批", "再来一批"),
    ("在来几部", "再来几部"),
    ("在推荐几部", "再推荐几部"),
    ("好，在来点", "好，再来点"),
    ("现在来点喜剧", "现在来点喜剧"),  # 现在: "now", as typed
    ("我在找喜剧片", "我在找喜剧片"),  # 在找: "looking for", as typed
])
def test_zai_typed_for_zai_at_the_start_of_a_clause(typed, meant):
    assert spelling.zh_slips(typed) == meant


@pytest.mark.parametrize("text", ["在来一批", "在来几部", "在推荐几部", "那在来点"])
def test_a_slipped_zai_pages(vocab, text):
    assert parse(vocab, text, listed()).action == "more"


# --------------------------------------------------------------------------- counts that are no counts
@pytest.mark.parametrize("text", ["教父三部曲都看过了", "蝙蝠侠前两部看过了", "蝙蝠侠那两部看过了，就是蒂姆·伯顿拍的那两部"])
def test_a_trilogy_or_the_first_two_is_no_count(vocab, text):
    i = RuleRewriter().parse(text, DialogueState(), vocab)
    assert "k" not in i.model_fields_set


def test_a_count_is_still_a_count(vocab):
    assert parse(vocab, "来三部喜剧").k == 3


# --------------------------------------------------------------------------- puzzled emoji
@pytest.mark.parametrize("text", ["🤔🤔", "🤔", "🤷‍♀️", "🧐？"])
def test_a_puzzled_emoji_is_asked_back(vocab, text):
    assert parse(vocab, text, listed()).action == "unclear"


@pytest.mark.parametrize("text", ["👍", "😂😂", "❤️"])
def test_other_emoji_are_small_talk(vocab, text):
    assert parse(vocab, text, listed()).action == "smalltalk"


# --------------------------------------------------------------------------- after a reset
@pytest.mark.parametrize("text", ["想看音乐剧，老一点的", "来点喜剧，短一点的", "要恐怖片，评分高一点的", "再来点动作片"])
def test_after_a_reset_a_request_with_refinement_words_is_new(vocab, text):
    state = listed()
    state = record_shown(apply_resolved(state, parse(vocab, "算了算了，全部清空重新来", state)), SHOWN)
    assert state.instruction.action == "reset" and not state.instruction.intention.text
    assert parse(vocab, text, state).action == "new"


# --------------------------------------------------------------------------- love said many ways
@pytest.mark.parametrize("text", [
    "《2001太空漫游》是我心中的第一，有类似的吗",
    "2001太空漫游是我心目中的第一",
    "2001太空漫游看完了，太美了",
    "2001太空漫游是我的白月光",
])
def test_love_said_as_first_in_my_heart(vocab, text):
    i = parse(vocab, text)
    assert [(m.item_id, m.opinion) for m in i.mentions] == [("k1", "loved")]


def test_first_in_my_heart_is_no_card(vocab):
    i = parse(vocab, "泰坦尼克号是我心中的第一", listed())
    assert not i.feedback and [(m.item_id, m.opinion) for m in i.mentions] == [("t1", "loved")]


# --------------------------------------------------------------------------- series
def test_a_sequel_that_extends_the_title_in_both_languages_is_in_the_series(cat):
    s = SeriesIndex(cat)
    assert s.members["batman"] == ["b1", "b2", "b3"]
    assert "n1" not in s.series_of  # "Big" / "Big Night": the Chinese titles share nothing


def test_a_trilogy_named_by_its_chinese_collection_title(cat):
    assert stem("蓝白红三部曲之红") == "蓝白红"
    assert [sorted(ids) for _, _, ids in SeriesIndex(cat).find("基耶斯洛夫斯基的蓝白红三部曲刚看完")] == [["c1", "c2", "c3"]]


@pytest.mark.parametrize("text", ["蝙蝠侠前两部看过了", "蝙蝠侠的前两部都看过", "蝙蝠侠1和2看过了"])
def test_the_first_two_of_a_series_seen(vocab, text):
    i = parse(vocab, text)
    assert sorted(m.item_id for m in i.mentions) == ["b1", "b2"]


@pytest.mark.parametrize("text", ["别再是蝙蝠侠了", "不要再推蝙蝠侠了", "蝙蝠侠就算了", "蝙蝠侠的不要"])
def test_turning_a_series_down_by_its_name_leaves_all_of_it_out(vocab, text):
    i = parse(vocab, text, listed())
    assert set(i.constraints.exclude_ids) >= {"b1", "b2", "b3"}
    assert not i.reference_ids and not i.mentions


def test_turning_a_sequel_down_leaves_only_it_out(vocab):
    i = parse(vocab, "不要再推蝙蝠侠归来了", listed())
    assert "b2" in i.constraints.exclude_ids and "b1" not in i.constraints.exclude_ids


@pytest.mark.parametrize("text", ["有没有蝙蝠侠那样的", "没有类似蝙蝠侠的吗"])
def test_asking_for_films_like_a_series_is_no_refusal(vocab, text):
    i = parse(vocab, text, listed())
    assert "b1" not in i.constraints.exclude_ids


# --------------------------------------------------------------------------- "类似的" after films just named
@pytest.mark.parametrize("first, follow", [
    ("教父三部曲都看过了", "想看类似的黑帮片"),
    ("教父1和2都看过了", "有类似的吗"),
    ("教父1和2刷过", "再来几部这种类型的"),
    ("教父看过了", "还有这种片吗"),
])
def test_similar_points_back_at_films_just_said_seen(vocab, first, follow):
    _, i = play(vocab, first, follow)
    assert "g1" in i.reference_ids
    assert i.action == "refine"


def test_similar_does_not_point_back_at_a_film_hated(vocab):
    _, i = play(vocab, "泰坦尼克号超喜欢，英国病人看得我想睡觉", "有类似的吗")
    assert i.reference_ids == ["t1"]


@pytest.mark.parametrize("follow", [
    "有没有类似泰坦尼克号的，但别太长",
    "类似泰坦尼克号的，要新一点的",
    "跟泰坦尼克号差不多的有吗，别太长",
])
def test_films_like_the_one_just_talked_about_refine(vocab, follow):
    state, i = play(vocab, "来点喜剧", "《泰坦尼克号》我哭成狗，超喜欢", follow)
    assert i.action == "refine" and i.reference_ids[-1] == "t1"


def test_a_new_genre_with_the_film_just_talked_about_is_a_new_request(vocab):
    _, i = play(vocab, "来点喜剧", "《泰坦尼克号》超喜欢", "类似泰坦尼克号的动作片")
    assert i.action == "new"


@pytest.mark.parametrize("text", ["想看类似的超级英雄片，但别再是蝙蝠侠了", "来点超级英雄电影", "有没有漫改的"])
def test_superhero_films_lean_to_action(vocab, text):
    i = parse(vocab, text, listed())
    assert "action" in i.intention.genres or "action" in i.constraints.include_genres


@pytest.mark.parametrize("text", ["还有这种欧洲文艺片吗", "想看文艺片", "来点小众的艺术片"])
def test_arthouse_leans_to_drama(vocab, text):
    assert "drama" in parse(vocab, text, listed()).intention.genres


# --------------------------------------------------------------------------- "这个" + a noun points at no card
@pytest.mark.parametrize("text, pos", [
    ("第二部看着挺有意思，照这个路子再找找", 2),
    ("第三部不错，按这个风格再推几部", 3),
    ("第一个挺好，往这个方向找找", 1),
    ("第二部不错，照着这个找", 2),
    ("第四部可以，照这个口味再来点", 4),
])
def test_this_way_after_a_card_is_more_like_that_card(vocab, text, pos):
    i = parse(vocab, text, listed())
    assert i.action == "feedback"
    assert [(f.kind, f.position) for f in i.feedback if f.kind == "more_like"] == [("more_like", pos)]


@pytest.mark.parametrize("text", ["照这个路子再找找", "按这个口味再来几部", "多来点这种", "继续", "再找几部", "还有类似的吗",
                                  "类似的再来几部"])
def test_this_way_with_no_card_pages(vocab, text):
    i = parse(vocab, text, listed())
    assert i.action == "more"


# --------------------------------------------------------------------------- a length named beats "别太长"
@pytest.mark.parametrize("text, cap", [("别太长，一个半小时左右", 90), ("不要太长，两小时以内", 120), ("别太长", 110)])
def test_a_length_named_beats_not_too_long(vocab, text, cap):
    assert parse(vocab, text, listed()).constraints.max_runtime == cap


def test_mention_type_is_used():
    # keeps the import honest for readers: mentions carry the opinion read
    assert Mention(item_id="t1", title="泰坦尼克号", opinion="loved").opinion == "loved"


# --------------------------------------------------------------------------- a period turned down after it is named
@pytest.mark.parametrize("text, lo, hi", [
    ("七十年代以前的就算了", 1970, None),
    ("1980年以前的电影就免了", 1980, None),
    ("八十年代以前的不看", 1980, None),
    ("九十年代以后的别推了", None, 1989),  # "九十年代以后" counts the nineties in (as "90后")
    ("老片就算了", 1980, None),
    ("不要九十年代以前的", 1990, None),  # turned down before it: read as before
    ("七十年代以前的", None, 1969),  # wished for, not turned down
])
def test_a_period_turned_down_after_it_is_named(vocab, text, lo, hi):
    i = parse(vocab, text, listed())
    assert (i.constraints.min_year, i.constraints.max_year) == (lo, hi)
    assert i.action == "refine" and not i.unread


# --------------------------------------------------------------------------- not seen
@pytest.mark.parametrize("text", ["泰坦尼克号没看过，推荐吗", "我还没看过泰坦尼克号", "《泰坦尼克号》从来没看过", "泰坦尼克号我没看过"])
def test_not_seen_is_no_film_seen(vocab, text):
    i = parse(vocab, text)
    assert not any(m.item_id == "t1" for m in i.mentions)
    assert "t1" not in i.constraints.exclude_ids


def test_seen_is_still_seen(vocab):
    assert [(m.item_id, m.opinion) for m in parse(vocab, "泰坦尼克号看过了").mentions] == [("t1", "seen")]


# --------------------------------------------------------------------------- 网络用语
@pytest.mark.parametrize("typed, meant", [
    ("有木有好康的动作片", "有没有好看的动作片"),
    ("表太长", "别太长"),
    ("给爷整几部喜剧", "给我整几部喜剧"),
    ("神马类型都行", "什么类型都行"),
])
def test_internet_slang_reads_as_the_plain_word(typed, meant):
    assert spelling.zh_slang(typed) == meant


def test_slang_not_too_long_caps_the_length(vocab):
    assert parse(vocab, "表太长", listed()).constraints.max_runtime == 110


@pytest.mark.parametrize("text", ["这部绝绝子", "这部我爱了爱了"])
def test_slang_love_for_a_film(vocab, text):
    i = parse(vocab, "泰坦尼克号" + text.removeprefix("这部"))
    assert [(m.item_id, m.opinion) for m in i.mentions] == [("t1", "loved")]


# --------------------------------------------------------------------------- a mood turned down, with or without "太"
@pytest.mark.parametrize("text", ["不想看太血腥的", "不要暴力的", "太血腥的就算了", "别太暴力", "不要打打杀杀的"])
def test_violence_turned_down_avoids_violent_genres(vocab, text):
    i = parse(vocab, text, listed(genres=()))
    assert "action" in i.intention.avoid and "action" not in i.intention.genres


def test_violence_wished_for_leans_to_it(vocab):
    assert "action" in parse(vocab, "想看血腥一点的", listed(genres=())).intention.genres


# --------------------------------------------------------------------------- questions about a card, said casually
@pytest.mark.parametrize("text, pos, asks", [
    ("最后一部好看不", 4, "rating"),
    ("第二部好不好看", 2, "rating"),
    ("第三部长吗", 3, "runtime"),
    ("第一部长不长", 1, "runtime"),
    ("1号是谁演的", 1, "cast"),
    ("3号几分", 3, "rating"),
    ("第二部评分咋样", 2, "rating"),
])
def test_casual_questions_about_a_card(vocab, text, pos, asks):
    i = parse(vocab, text, listed())
    assert (i.action, i.question_position, i.question) == ("question", pos, asks)
    assert not i.people


@pytest.mark.parametrize("text", ["来点喜剧好不好", "要不要来点喜剧"])
def test_a_request_asking_for_agreement_is_no_question(vocab, text):
    assert parse(vocab, text, listed()).action != "question"


@pytest.mark.parametrize("text, pos", [("第四部还行，类似的来几部", 4), ("第二部挺对胃口，类似的再来点", 2)])
def test_a_mild_like_with_more_like_it(vocab, text, pos):
    i = parse(vocab, text, listed())
    assert {(f.kind, f.position) for f in i.feedback} == {("like", pos), ("more_like", pos)}


def test_the_first_three_seen_is_no_count(vocab):
    i = RuleRewriter().parse("前三部都看过了", listed(), vocab)
    assert [f.position for f in i.feedback] == [1, 2, 3] and "k" not in i.model_fields_set


# --------------------------------------------------------------------------- "第三部" after a series is the series' third
@pytest.mark.parametrize("text, seen", [
    ("教父1和2都看过了，第三部有点拉胯", {"g1", "g2"}),
    ("蝙蝠侠前两部看过，第三部没看", {"b1", "b2"}),
    ("蝙蝠侠三部曲看过两部，第三部一般", None),
])
def test_an_ordinal_after_a_series_is_no_card(vocab, text, seen):
    i = parse(vocab, text, listed())
    assert not i.feedback and i.action != "question"
    if seen is not None:
        assert {m.item_id for m in i.mentions} == seen


def test_an_ordinal_with_no_series_is_still_a_card(vocab):
    assert parse(vocab, "第三部有点拉胯", listed()).feedback[0].position == 3


# --------------------------------------------------------------------------- bounds said before the number
@pytest.mark.parametrize("text, rating, runtime", [
    ("评分高于8分", 8.0, None),
    ("分数不低于7.5分", 7.5, None),
    ("至少八分", 8.0, None),
    ("时长别超一个半小时", None, 90),
    ("片长不到两小时", None, 120),
    ("低于90分钟", None, 90),
])
def test_bounds_said_before_the_number(vocab, text, rating, runtime):
    i = parse(vocab, text, listed())
    assert (i.constraints.min_rating, i.constraints.max_runtime) == (rating, runtime)
    assert i.action == "refine" and not i.unread


@pytest.mark.parametrize("text", ["第三部有点拉胯", "第三部辣眼睛", "第三部一言难尽", "第三部无感"])
def test_casual_dislike_of_a_card(vocab, text):
    assert [(f.kind, f.position) for f in parse(vocab, text, listed()).feedback] == [("dislike", 3)]


@pytest.mark.parametrize("text", ["泰坦尼克号有点拉胯", "泰坦尼克号看过，一言难尽"])
def test_casual_dislike_of_a_film(vocab, text):
    assert [(m.item_id, m.opinion) for m in parse(vocab, text).mentions] == [("t1", "hated")]


@pytest.mark.parametrize("text", ["教父1和2都看过了，第三部有点拉胯", "蝙蝠侠前两部看过了，第三部太烂了"])
def test_a_verdict_on_the_series_third_is_not_the_first_twos(vocab, text):
    i = parse(vocab, text)
    assert {m.opinion for m in i.mentions} == {"seen"} and not i.unread


# --------------------------------------------------------------------------- small talk, switching, which one
@pytest.mark.parametrize("text", ["行吧", "嗯，行吧", "就这样吧", "666", "了解"])
def test_casual_acknowledgements_are_small_talk(vocab, text):
    assert parse(vocab, text, listed()).action == "smalltalk"


@pytest.mark.parametrize("text, genre", [("算了，换成动作片吧", "action"), ("改看动作片", "action"), ("不如看犯罪片", "crime")])
def test_switching_to_another_genre_puts_it_in_place(vocab, text, genre):
    # the genre in place of the one in force, the rest kept, as "make it a comedy instead" (a refine:
    # dev6's and dev13's blind labels; it was a new request before)
    i = parse(vocab, text, listed())
    assert i.action == "refine" and i.constraints.include_genres == [genre] and "genres" in i.relax and not i.unread


def test_switching_to_a_shorter_length_refines(vocab):
    i = parse(vocab, "换成短一点的", listed())
    assert i.action == "refine" and i.constraints.include_genres == ["comedy"]


@pytest.mark.parametrize("text", ["你觉得哪部最好看", "这几部选哪个", "第一部和第二部哪个更好"])
def test_which_one_is_a_question_about_the_list(vocab, text):
    assert parse(vocab, text, listed()).action == "question"


def test_every_mood_has_its_name_in_replies():
    # a reason names the first mood in force: a mood without a name in prompts/replies.yaml crashed the turn
    from chat import lexicon as L
    from prompts import render

    for mood in L.MOODS:
        for lang in ("en", "zh"):
            assert render("replies", f"moods.{mood.name}", lang=lang)


# --------------------------------------------------------------------------- love denied
@pytest.mark.parametrize("text", ["泰坦尼克号不太喜欢", "泰坦尼克号看过，没那么喜欢", "泰坦尼克号我不是很喜欢", "泰坦尼克号谈不上喜欢",
                                  "泰坦尼克号不怎么好看"])
def test_love_denied_is_a_dislike_of_a_film(vocab, text):
    assert [(m.item_id, m.opinion) for m in parse(vocab, text).mentions] == [("t1", "hated")]


def test_love_and_love_denied_in_one_message(vocab):
    i = parse(vocab, "我超喜欢泰坦尼克号，但是英国病人不太喜欢")
    assert sorted((m.item_id, m.opinion) for m in i.mentions) == [("e1", "hated"), ("t1", "loved")]


@pytest.mark.parametrize("text", ["第二部不太喜欢", "第二部没那么喜欢", "第二部不怎么好看"])
def test_love_denied_is_a_dislike_of_a_card(vocab, text):
    assert [(f.kind, f.position) for f in parse(vocab, text, listed()).feedback] == [("dislike", 2)]


# --------------------------------------------------------------------------- years, ratings and counts said casually
@pytest.mark.parametrize("text, lo, hi", [
    ("上世纪八十年代的", 1980, 1989),
    ("零几年的", 2000, 2009),
    ("千禧年前后的", 1997, 2003),
    ("七八十年代的老片", 1970, 1989),
])
def test_periods_said_casually(vocab, text, lo, hi):
    i = parse(vocab, text, listed())
    assert (i.constraints.min_year, i.constraints.max_year) == (lo, hi) and not i.unread


@pytest.mark.parametrize("text, rating", [("评分不能低于7", 7.0), ("IMDb七分半以上", 7.5), ("豆瓣8分以上", 8.0), ("7分半起", 7.5)])
def test_ratings_said_casually(vocab, text, rating):
    i = parse(vocab, text, listed())
    assert i.constraints.min_rating == rating and not i.unread


@pytest.mark.parametrize("text, k", [("来三四部", 4), ("来十来部", 10), ("一部就够", 1), ("推荐几步科幻片", 5), ("再来五六部", 6)])
def test_counts_said_casually(vocab, text, k):
    i = parse(vocab, text, listed())
    assert i.k == k and not i.unread


@pytest.mark.parametrize("typed, meant", [("推荐几步科幻片", "推荐几部科幻片"), ("第二步讲啥", "第二部讲啥"),
                                          ("进一步说", "进一步说"), ("走两步", "走两步")])
def test_bu_typed_for_the_measure_word(typed, meant):
    assert spelling.zh_slang(typed) == meant


def test_fit_for_little_ones_is_family_friendly(vocab):
    i = parse(vocab, "适合小朋友看的", listed())
    assert i.constraints.mpaa == ["G", "PG"] and not i.unread


# --------------------------------------------------------------------------- every card but one
@pytest.mark.parametrize("text, kind, positions", [
    ("除了第一部都看过了", "dislike", [2, 3, 4]),
    ("这些都看过了，除了第三部", "dislike", [1, 2, 4]),
    ("除了第二部，其他的都不喜欢", "dislike", [1, 3, 4]),
    ("除了最后一部都挺好", "like", [1, 2, 3]),
])
def test_every_card_but_the_ones_named(vocab, text, kind, positions):
    i = parse(vocab, text, listed())
    assert [(f.kind, f.position) for f in i.feedback] == [(kind, p) for p in positions]


@pytest.mark.parametrize("text", ["少一点打斗", "打斗少点"])
def test_less_fighting_is_no_wish_for_action(vocab, text):
    i = parse(vocab, text, listed())
    assert "action" not in i.constraints.include_genres and "action" in i.intention.avoid


@pytest.mark.parametrize("text", ["算了，来点动作片吧", "算了，换个类型，犯罪片"])
def test_giving_up_the_request_for_a_genre_is_a_new_request(vocab, text):
    state, _ = play(vocab, "来点喜剧", "九十年代的")
    assert parse(vocab, text, state).action == "new"


@pytest.mark.parametrize("text", ["有没有好看的爱情片，不要太悲的", "爱情片，别太虐", "爱情片，要he结局"])
def test_not_too_sad_leans_lighter(vocab, text):
    assert "lighter" in parse(vocab, text).intention.moods


# --------------------------------------------------------------------------- the words of a verdict describe the film
@pytest.mark.parametrize("text, opinion", [
    ("泰坦尼克号剧情太拖沓", "hated"),  # 剧情: the plot, no wish for dramas
    ("泰坦尼克号看了一半就关了", "hated"),
    ("泰坦尼克号我看哭了", "loved"),
])
def test_the_words_of_a_verdict_ask_for_nothing(vocab, text, opinion):
    i = parse(vocab, text, listed())
    assert [(m.item_id, m.opinion) for m in i.mentions] == [("t1", opinion)]
    assert i.action == "seen" and not i.unread and i.constraints.include_genres == ["comedy"]


def test_who_watches_is_kept_beside_a_verdict(vocab):
    assert "family" in parse(vocab, "我女儿超喜欢泰坦尼克号").intention.moods


@pytest.mark.parametrize("text", ["第一部是不是很长", "第一部有多长"])
def test_is_it_long_asks_the_runtime(vocab, text):
    assert parse(vocab, text, listed()).question == "runtime"


# --------------------------------------------------------------------------- moods said about oneself
@pytest.mark.parametrize("text, mood", [
    ("今天心情不好", "lighter"),
    ("最近好郁闷，来点电影", "lighter"),
    ("上班好累了，想放空", "relaxing"),
    ("想看恐怖片，但我胆子小", "less scary"),
    ("有没有那种看完让人思考人生的电影", "mind-bending"),
])
def test_moods_said_about_oneself(vocab, text, mood):
    assert mood in parse(vocab, text).intention.moods


# --------------------------------------------------------------------------- two-character titles beside a cue
@pytest.fixture(scope="module")
def vocab2():
    items = ITEMS + [Item(id="a1", title="Alien", year=1979, genres=("sci-fi",), metadata={"aliases": "异形"}),
                     Item(id="a2", title="Aliens", year=1986, genres=("sci-fi",), metadata={"aliases": "异形2"}),
                     Item(id="h1", title="To Live", year=1994, genres=("drama",), metadata={"aliases": "活着"})]
    return catalog_vocab(Catalog("short-titles", items))


@pytest.mark.parametrize("text, said", [
    ("超爱异形", [("a1", "loved")]),
    ("异形我看过", [("a1", "seen")]),
    ("异形和异形2都看过", [("a1", "seen"), ("a2", "seen")]),
    ("看过异形和异形2", [("a1", "seen"), ("a2", "seen")]),  # 异形 is no negative word here
])
def test_a_two_character_title_beside_a_cue(vocab2, text, said):
    assert sorted((m.item_id, m.opinion) for m in parse(vocab2, text).mentions) == said


@pytest.mark.parametrize("text", ["活着的意义是什么", "和孩子一起看", "我喜欢看书"])
def test_two_characters_with_no_cue_are_words(vocab2, text):
    i = parse(vocab2, text)
    assert not i.mentions and not i.reference_ids


@pytest.mark.parametrize("text, cap", [("太长了", 100), ("都太长了", 100), ("有点长", 100), ("太长了，一个半小时以内的", 90)])
def test_too_long_with_no_card_asks_for_shorter(vocab, text, cap):
    i = parse(vocab, text, listed())
    assert i.action == "refine" and i.constraints.max_runtime == cap and not i.unread


@pytest.mark.parametrize("text", ["《泰坦尼克号》没看懂", "泰坦尼克号看不太懂"])
def test_not_understood_is_a_dislike(vocab, text):
    assert [(m.item_id, m.opinion) for m in parse(vocab, text).mentions] == [("t1", "hated")]


@pytest.mark.parametrize("text", ["不要第二部，太长了", "第三部不喜欢，有点长"])
def test_too_long_as_the_reason_a_card_is_turned_down_keeps_the_cap(vocab, text):
    i = parse(vocab, text, listed())
    assert i.action == "feedback" and i.constraints.max_runtime is None


# --------------------------------------------------------------------------- "like that / those" after cards named
@pytest.mark.parametrize("text, want", [
    ("第二部和第三部不错，类似的多来点", {("like", 2), ("like", 3), ("more_like", 2), ("more_like", 3)}),
    ("第一部不要，第三部不错，类似的再来点", {("dislike", 1), ("like", 3), ("more_like", 3)}),
    ("the 2nd one looks fun, more like that", {("like", 2), ("more_like", 2)}),
    ("2nd and 3rd look good, more like those", {("like", 2), ("like", 3), ("more_like", 2), ("more_like", 3)}),
])
def test_more_like_points_at_the_cards_just_named(vocab, text, want):
    assert {(f.kind, f.position) for f in parse(vocab, text, listed()).feedback} == want


@pytest.mark.parametrize("text, mood", [
    ("想看那种很燃的", "exciting"),
    ("来部爽片", "exciting"),
    ("速速推荐几部高能的", "exciting"),
    ("想看沙雕电影", "funnier"),
    ("细思极恐的那种", "mind-bending"),
])
def test_internet_words_for_moods(vocab, text, mood):
    i = parse(vocab, text)
    assert mood in i.intention.moods and not i.unread


@pytest.mark.parametrize("text, asks", [("异形是哪年的", "year"), ("异形多长", "runtime"), ("异形讲什么的", "plot")])
def test_a_question_about_a_two_character_title(vocab2, text, asks):
    i = parse(vocab2, text, listed())
    assert (i.action, i.question, i.question_item_id) == ("question", asks, "a1")


# --------------------------------------------------------------------------- relative refinements
def _in_force(**kw) -> DialogueState:
    state = listed()
    return state.model_copy(update={"constraints": Filters(include_genres=["comedy"], **kw)})


@pytest.mark.parametrize("text, rating", [("评分再高点", 8.0), ("分数再高一些", 8.0), ("口碑再好点", 8.0)])
def test_a_higher_rating_than_the_one_in_force(vocab, text, rating):
    i = parse(vocab, text, _in_force(min_rating=7.5))
    assert i.action == "refine" and i.constraints.min_rating == rating


def test_a_higher_rating_with_none_in_force(vocab):
    assert parse(vocab, "评分再高点", listed()).constraints.min_rating == 7.5


@pytest.mark.parametrize("text, lo, hi", [("年代再往前推一点", None, 1979), ("再往前一点", None, 1979), ("再往后一点", 1990, None)])
def test_moving_the_period(vocab, text, lo, hi):
    i = parse(vocab, text, _in_force(min_year=1980, max_year=1989))
    assert (i.constraints.min_year, i.constraints.max_year) == (lo, hi)


@pytest.mark.parametrize("text, key", [("片长放宽吧", "max_runtime"), ("年份放宽一点", "min_year"), ("评分放宽", "min_rating")])
def test_loosening_a_constraint(vocab, text, key):
    i = parse(vocab, text, _in_force(min_year=1980, max_runtime=100, min_rating=8.0))
    assert getattr(i.constraints, key) is None and i.action == "refine"


def test_a_length_loosened_a_bit_goes_up_a_step(vocab):
    # "再宽松点": a little looser, as dev28.yaml reads 时长再放宽点 (tests/test_runtime_loosened_a_bit.py)
    i = parse(vocab, "片长再宽松点", _in_force(min_year=1980, max_runtime=100, min_rating=8.0))
    assert i.action == "refine" and i.constraints.max_runtime is not None and i.constraints.max_runtime > 100


# --------------------------------------------------------------------------- negation scope in a clause typed without a comma
@pytest.mark.parametrize("text, include, exclude", [
    ("不想看爱情片想看喜剧", ["comedy"], ["romance"]),
    ("不要爱情片要动作片", ["action"], ["romance"]),
    ("别给我推爱情片了来点动作片吧", ["action"], ["romance"]),
    ("爱情片不要动作片可以", ["action"], ["romance"]),
    ("不想看爱情片也不想看动作片", [], ["romance", "action"]),
])
def test_a_wish_after_a_negated_genre_starts_afresh(vocab, text, include, exclude):
    i = parse(vocab, text)
    assert (i.constraints.include_genres, i.constraints.exclude_genres) == (include, exclude) and not i.unread


@pytest.mark.parametrize("text", ["鐵達尼號看過了", "《霸王别姬》我们也看过", "卧虎藏龙早就看过了"])
def test_a_film_the_catalog_lacks_said_seen_keeps_the_request(vocab, text):
    i = parse(vocab, text, listed())
    assert i.action == "seen" and i.constraints.include_genres == ["comedy"] and i.notices


def test_not_seen_is_no_seen_turn(vocab):
    assert parse(vocab, "卧虎藏龙还没看过", listed()).action != "seen"


def test_only_the_last_fresh_wish_counts(vocab):
    i = parse(vocab, "想看喜剧不要爱情片要动作片")
    assert set(i.constraints.include_genres) == {"comedy", "action"} and i.constraints.exclude_genres == ["romance"]


@pytest.mark.parametrize("text, genre", [("动作片看腻了", "action"), ("犯罪片看够了", "crime"), ("最近看太多动作片了", "action"),
                                         ("爱情片就算了，来部喜剧吧", "romance")])
def test_tired_of_a_genre_rules_it_out(vocab, text, genre):
    i = parse(vocab, text, listed())
    assert genre in i.constraints.exclude_genres and genre not in i.constraints.include_genres and not i.unread
