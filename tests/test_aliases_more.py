"""Chinese titles added for less-rated MovieLens films (catalog/aliases/movielens.yaml): a Chinese request
naming one of them, with or without 《》, is that film; a sequel's title does not take its first film's;
everyday sentences that hold a part of a new title, or a phrase left out of the list, name no film.

Uses the real catalog and its alias file (`make data`).
"""
from __future__ import annotations

import pytest

from catalog.catalog import Catalog
from catalog.item import Item
from catalog.loaders import load_catalog
from recommender.pipeline import catalog_vocab
from tests.parser_kit import parse

# (catalog id, a Chinese title of the film as the alias file gives it), a sample of the new entries
NEW = [
    ("322", "白宫夺命案"),      # Murder at 1600
    ("301", "新郎向后跑"),      # In & Out
    ("315", "谁在他乡"),        # Apt Pupil
    ("763", "高尔夫球也疯狂"),  # Happy Gilmore
    ("332", "惊唇劫"),          # Kiss the Girls
    ("148", "黑夜幽灵"),        # The Ghost and the Darkness
    ("558", "罪孽天使"),        # Heavenly Creatures
    ("325", "欲望号快车"),      # Crash (1996)
    ("781", "情定巴黎"),        # French Kiss
    ("530", "霸王铁金刚"),      # The Man Who Would Be King
    ("469", "银色性男女"),      # Short Cuts
    ("569", "狼人生死恋"),      # Wolf
    ("581", "加州杀手"),        # Kalifornia
    ("771", "捍卫机密"),        # Johnny Mnemonic
    ("752", "血仍未冷"),        # The Replacement Killers
    ("567", "新猛鬼街"),        # Wes Craven's New Nightmare
    ("743", "乌鸦2"),           # The Crow: City of Angels
    ("1037", "火爆浪子2"),      # Grease 2
    ("362", "福禄双霸天2000"),  # Blues Brothers 2000
    ("149", "无名的裘德"),      # Jude
]

# Everyday sentences: a part of a new title (白宫, 狼人, 高尔夫球, 危机, 加州, 新郎, 爱情) or a phrase
# the list leaves out (年少轻狂, 微观世界, 岳父大人, 以眼还眼, 枕边书, 世界末日) names no film.
EVERYDAY = [
    "想看点年少轻狂的青春片",
    "有没有讲微观世界的纪录片",
    "我岳父大人喜欢看战争片",
    "要高尔夫球题材的喜剧",
    "狼人题材的恐怖片有吗",
    "有没有关于白宫的政治片",
    "想看危机四伏的惊悚片",
    "讲世界末日的灾难片",
    "有没有以眼还眼的复仇片",
    "想找部讲加州的公路片",
    "睡前看的枕边书一样的电影",
    "想看新郎新娘的婚礼喜剧",
    "直到现在都没看过恐怖片",
    "有没有解构爱情的文艺片",
    "想看讲艳舞女郎的剧情片",
    "最高危机的那种紧张感",
]


@pytest.fixture(scope="module")
def movielens(tmp_path_factory):
    mp = pytest.MonkeyPatch()
    mp.setenv("RECSYS_DATA_DIR", str(tmp_path_factory.mktemp("mldata")))
    try:
        yield load_catalog("movielens")
    finally:
        mp.undo()


@pytest.fixture(scope="module")
def vocab(movielens):
    return catalog_vocab(movielens)


def named(vocab, text: str) -> set[str]:
    ins = parse(vocab, text)
    return set(ins.reference_ids) | {m.item_id for m in ins.mentions}


@pytest.mark.data
@pytest.mark.parametrize("item_id,title", NEW)
def test_a_new_chinese_title_names_its_film(vocab, item_id, title):
    assert named(vocab, f"有没有类似《{title}》的电影") == {item_id}
    assert named(vocab, f"想看{title}那种的") == {item_id}
    assert named(vocab, f"{title}看过了，推荐点别的") == {item_id}


@pytest.mark.data
def test_a_chinese_reply_shows_the_new_title(movielens):
    assert movielens.local_title("322", "zh") == "白宫夺命案"
    assert movielens.local_title("469", "zh") == "银色·性·男女"  # the first alias, with its dots
    assert movielens.local_title("1037", "zh") == "油脂2"


@pytest.mark.data
def test_a_sequel_title_leaves_the_first_film_its_own(vocab):
    assert named(vocab, "火爆浪子那种") == {"451"}  # Grease, not Grease 2
    assert named(vocab, "猛鬼街之类的") == {"219"}  # A Nightmare on Elm Street, not New Nightmare
    assert named(vocab, "福禄双霸天那种") == {"186"}  # The Blues Brothers, not Blues Brothers 2000
    assert named(vocab, "看狗在说话那种") == {"140"}


def test_a_title_typed_exactly_beats_a_slip_of_a_sequel_listed_first():
    # 威鲸闯天关 is also 威鲸闯天关2 with its last character dropped (an input slip): the film whose own
    # title it is wins, whatever the catalog's order
    sequel_first = Catalog("t", [
        Item(id="35", title="Free Willy 2: The Adventure Home", year=1995, metadata={"aliases": "威鲸闯天关2"}),
        Item(id="78", title="Free Willy", year=1993, metadata={"aliases": "威鲸闯天关"}),
        Item(id="457", title="Free Willy 3: The Rescue", year=1997, metadata={"aliases": "威鲸闯天关3"}),
    ])
    assert [i for _, _, i in sequel_first.titles_in("想看威鲸闯天关那种的")] == ["78"]
    assert [i for _, _, i in sequel_first.titles_in("有没有类似《威鲸闯天关》的电影")] == ["78"]
    assert [i for _, _, i in sequel_first.titles_in("威鲸闯天关2看过了")] == ["35"]
    assert [i for _, _, i in sequel_first.titles_in("威鲸闯天关3呢")] == ["457"]
    assert [i for _, _, i in sequel_first.titles_in("威鲸闯天官那种")] == ["78"]  # a sound slip of the first


@pytest.mark.data
@pytest.mark.parametrize("text", EVERYDAY)
def test_an_everyday_sentence_names_no_film(vocab, text):
    assert named(vocab, text) == set()


@pytest.mark.data
def test_no_two_films_share_a_chinese_title(movielens):
    owners: dict[str, set[str]] = {}
    for item_id, names in movielens.aliases.items():
        for name in names:
            owners.setdefault(name, set()).add(movielens.canonical(item_id))
    assert {n: o for n, o in owners.items() if len(o) > 1} == {}
