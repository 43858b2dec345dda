"""English and Chinese turns from the blind dev25 dialogues (films named as references across a whole
conversation), by class, each tested with phrasings the dialogues do not use: a reference in force let go of
("not like heat actually, more like ...", "forget fargo", "drop aliens", "heat not so much", "不要像终结者了",
"算了 不要铁达尼号那种", "异形那种太吓人") or kept alone ("just t2 vibes", "就像北非谍影就好"), a film named as the
kind wanted by a word after it ("reservoir dogs type stuff", "aliens, that kind of thing"), and a film someone
else loves with a wish for more that they would like ("my dad loves jaws, what else would he like?",
"我爸超爱看大白鲨，还有什么他会喜欢的"). A small hand-made catalog, no index, no model."""
from __future__ import annotations

import pytest

from catalog.item import Item
from chat.state import DialogueState
from tests.parser_kit import say, say_each, vocab_fixture

ITEMS = [
    Item(id="ht", title="Heat", year=1995, runtime=188, genres=("action", "crime", "thriller"),
         metadata={"aliases": "盗火线|烈火悍将"}),
    Item(id="fa", title="Fargo", year=1996, runtime=98, genres=("crime", "drama", "thriller"),
         metadata={"aliases": "冰血暴"}),
    Item(id="rd", title="Reservoir Dogs", year=1992, runtime=99, genres=("crime", "thriller"),
         metadata={"aliases": "落水狗"}),
    Item(id="us", title="The Usual Suspects", year=1995, runtime=106, genres=("crime", "thriller"),
         metadata={"aliases": "非常嫌疑犯|刺激惊爆点"}),
    Item(id="ti", title="Titanic", year=1997, runtime=194, genres=("action", "drama", "romance"),
         metadata={"aliases": "泰坦尼克号|铁达尼号"}),
    Item(id="cb", title="Casablanca", year=1942, runtime=102, genres=("drama", "romance", "war"),
         metadata={"aliases": "卡萨布兰卡|北非谍影"}),
    Item(id="al", title="Alien", year=1979, runtime=116, genres=("action", "horror", "sci-fi", "thriller"),
         metadata={"aliases": "异形"}),
    Item(id="as", title="Aliens", year=1986, runtime=154, genres=("action", "sci-fi", "thriller", "war"),
         metadata={"aliases": "异形2"}),
    Item(id="br", title="Blade Runner", year=1982, runtime=117, genres=("film-noir", "sci-fi"),
         metadata={"aliases": "银翼杀手"}),
    Item(id="t1", title="The Terminator", year=1984, runtime=108, genres=("action", "sci-fi", "thriller"),
         metadata={"aliases": "终结者"}),
    Item(id="t2", title="Terminator 2: Judgment Day", year=1991, runtime=154, genres=("action", "sci-fi", "thriller"),
         metadata={"aliases": "终结者2|T2"}),
    Item(id="dh", title="Die Hard", year=1988, runtime=131, genres=("action", "thriller"),
         metadata={"aliases": "虎胆龙威"}),
    Item(id="jw", title="Jaws", year=1975, runtime=130, genres=("action", "horror"), metadata={"aliases": "大白鲨"}),
    Item(id="ss", title="Sleepless in Seattle", year=1993, runtime=105, genres=("comedy", "romance"),
         metadata={"aliases": "西雅图夜未眠"}),
    Item(id="gd", title="Groundhog Day", year=1993, runtime=101, genres=("comedy", "romance"),
         metadata={"aliases": "土拨鼠之日|今天暂时停止"}),
    Item(id="pb", title="The Princess Bride", year=1987, runtime=98, genres=("adventure", "comedy", "romance")),
]

SHOWN = ["gd", "pb", "jw"]

vocab = vocab_fixture(ITEMS, "h25-generalise-test")


def _play(vocab, *said: str):
    state, ins = say_each(vocab, SHOWN, *said)
    return state, ins


@pytest.mark.parametrize("first, drop, kept", [
    ("something like heat and fargo", "not like heat actually, more like the usual suspects", ["fa", "us"]),
    ("something like heat and fargo", "forget heat, more like the usual suspects", ["fa", "us"]),
    ("something like heat and fargo", "drop heat pls", ["fa"]),
    ("something like heat and fargo", "hmm heat not so much", ["fa"]),
    ("something like heat and fargo", "less like heat, more like reservoir dogs", ["fa", "rd"]),
    ("something like heat and fargo", "scrap the heat idea, add reservoir dogs", ["fa", "rd"]),
    ("something like heat and fargo", "more like reservoir dogs instead of heat", ["fa", "rd"]),
    ("something like heat and fargo", "nvm fargo", ["ht"]),
    ("想看像《盗火线》和《冰血暴》那样的", "不要像盗火线了", ["fa"]),
    ("想看像《盗火线》和《冰血暴》那样的", "盗火线那种就算了", ["fa"]),
    ("想看像《盗火线》和《冰血暴》那样的", "别跟盗火线一样的 像落水狗那种", ["fa", "rd"]),
    ("想看像《盗火线》和《冰血暴》那样的", "去掉冰血暴", ["ht"]),
])
def test_a_reference_let_go_of_leaves_the_others_and_the_request(vocab, first, drop, kept):
    state, _ = _play(vocab, first, "under 2 hours" if first.isascii() else "两个小时以内")
    state, ins = say(vocab, state, drop)
    assert ins.action == "refine"
    assert sorted(state.reference_ids) == sorted(kept)
    assert state.constraints.max_runtime == 120  # the request in force stays


@pytest.mark.parametrize("drop, kept", [
    ("不要像终结者了 像《虎胆龙威》那种", ["dh"]),
    ("终结者那种太暴力了", []),
    ("forget the terminator stuff, more like die hard", ["dh"]),
])
def test_a_film_of_the_series_names_the_reference_in_force(vocab, drop, kept):
    state, _ = _play(vocab, "来几部像《终结者2》那样的动作片")
    state, ins = say(vocab, state, drop)
    assert "t2" not in state.reference_ids
    assert set(kept) <= set(state.reference_ids)
    assert state.constraints.include_genres == ["action"]


@pytest.mark.parametrize("first, only, kept", [
    ("something like alien or blade runner", "just blade runner vibes", "br"),
    ("something like alien or blade runner", "only like blade runner", "br"),
    ("something like alien or blade runner", "ok just alien type stuff then", "al"),
    ("有没有像异形或者银翼杀手那样的", "就像银翼杀手就好", "br"),
    ("有没有像异形或者银翼杀手那样的", "只要异形那种的", "al"),
    ("有没有像异形或者银翼杀手那样的", "算了 异形那种太吓人 就要银翼杀手那种", "br"),
])
def test_only_the_film_named_now_stays_the_reference(vocab, first, only, kept):
    state, _ = _play(vocab, first, "80s or later" if first.isascii() else "八十年代以后")
    state, ins = say(vocab, state, only)
    assert ins.action == "refine"
    assert state.reference_ids == [kept]
    assert state.constraints.min_year == 1980


@pytest.mark.parametrize("text, ref", [
    ("and aliens, that kind of thing", "as"),
    ("also reservoir dogs type stuff", "rd"),
    ("or fargo, that sort of thing", "fa"),
    ("plus some heat vibes", "ht"),
    ("and blade runner kind of stuff", "br"),
])
def test_a_film_named_before_a_word_of_kind_is_added(vocab, text, ref):
    state, _ = _play(vocab, "anything with the same energy as T2")
    state, ins = say(vocab, state, text)
    assert ins.action == "refine"
    assert {"t2", ref} <= set(state.reference_ids)


@pytest.mark.parametrize("text, film", [
    ("my dad loves jaws, what else would he like?", "jw"),
    ("my mum adores sleepless in seattle, what else might she like", "ss"),
    ("she loves titanic. what else would she enjoy?", "ti"),
    ("my brother enjoys heat, any others like it", "ht"),
    ("我爸超爱看大白鲨，还有什么他会喜欢的", "jw"),
    ("我妈特别喜欢西雅图夜未眠 她还会喜欢哪些", "ss"),
    ("我老婆最爱泰坦尼克号 还有啥她也会喜欢的", "ti"),
])
def test_a_film_someone_loves_with_a_wish_for_more_they_would_like(vocab, text, film):
    state, ins = say(vocab, DialogueState(), text)
    assert ins.action == "seen"
    assert film in state.reference_ids and film in state.liked_ids and film in state.constraints.exclude_ids


@pytest.mark.parametrize("text, film", [
    ("he also loves alien btw", "al"),
    ("my sister loves heat too", "ht"),
    ("she adores casablanca fyi", "cb"),
])
def test_a_film_someone_else_loves_later_is_seen_and_liked(vocab, text, film):
    state, _ = _play(vocab, "my dad loves jaws, what else would he like?", "nothing too long")
    state, ins = say(vocab, state, text)
    assert ins.action == "seen"
    assert film in state.liked_ids and film in state.constraints.exclude_ids
    assert "jw" in state.reference_ids and state.constraints.max_runtime is not None


@pytest.mark.parametrize("text, ref", [
    ("like groundhog day", "gd"),
    ("hmm like the princess bride", "pb"),
    ("or like groundhog day i guess", "gd"),
    ("groundhog day type stuff", "gd"),
    ("add groundhog day to that", "gd"),
    ("oh and also like groundhog day", "gd"),
    ("再加上《土拨鼠之日》那种", "gd"),
    ("也要像土拨鼠之日那样的", "gd"),
])
def test_a_card_named_as_a_model_refines_the_request(vocab, text, ref):
    state, _ = _play(vocab, "something like sleepless in seattle", "nothing too long")
    state, ins = say(vocab, state, text)
    assert ins.action == "refine"
    assert {"ss", ref} <= set(state.reference_ids)
    assert state.constraints.max_runtime is not None


@pytest.mark.parametrize("text", [
    "more like groundhog day",
    "something like groundhog day",
    "groundhog day looks great, more like that",
    "not groundhog day",
])
def test_a_card_reacted_to_by_title_stays_feedback(vocab, text):
    state, _ = _play(vocab, "something like sleepless in seattle")
    _state, ins = say(vocab, state, text)
    assert ins.action == "feedback"


@pytest.mark.parametrize("first, text", [
    ("想看类似《西雅图夜未眠》的", "要有点像《花样年华》那种感觉"),
    ("想看类似《西雅图夜未眠》的", "或者《天使爱美丽》那种风格的"),
    ("something like sleepless in seattle", 'or something like "Amelie"'),
    ("something like sleepless in seattle", 'kinda similar to "In the Mood for Love"'),
])
def test_a_model_the_catalog_lacks_keeps_the_request_in_force(vocab, first, text):
    state, _ = _play(vocab, first, "90s only" if first.isascii() else "九十年代的")
    state, ins = say(vocab, state, text)
    assert ins.action == "refine"
    assert "ss" in state.reference_ids and state.constraints.min_year == 1990


@pytest.mark.parametrize("text", ["盗火线那种感觉的", "有没有冰血暴那种风格的", "落水狗那种味道的就行"])
def test_ones_like_a_film_by_its_feel_refine_the_request(vocab, text):
    state, _ = _play(vocab, "来点犯罪片", "九十年代的")
    state, ins = say(vocab, state, text)
    assert ins.action == "refine"
    assert state.constraints.include_genres == ["crime"] and state.constraints.min_year == 1990
    assert state.reference_ids


@pytest.mark.parametrize("text, title", [
    ("seen cuckoos nest already", "One Flew Over the Cuckoo's Nest"),
    ("loved cuckoo's nest", "One Flew Over the Cuckoo's Nest"),
    ("already watched river kwai", "The Bridge on the River Kwai"),
    ("seen the river kwai one", "The Bridge on the River Kwai"),
    ("hated lost ark tbh", "Raiders of the Lost Ark"),
])
def test_a_film_called_by_the_words_after_its_last_the(text, title):
    from catalog.catalog import Catalog
    from recommender.pipeline import catalog_vocab

    items = [Item(id="cn", title="One Flew Over the Cuckoo's Nest", year=1975, genres=("drama",)),
             Item(id="rk", title="The Bridge on the River Kwai", year=1957, genres=("drama", "war")),
             Item(id="ra", title="Raiders of the Lost Ark", year=1981, genres=("action", "adventure")),
             Item(id="ri", title="A River Runs Through It", year=1992, genres=("drama",))]
    local = catalog_vocab(Catalog("h25-parts-test", items))
    state, _ins = say(local, DialogueState(), text)
    want = next(i.id for i in items if i.title == title)
    assert want in state.constraints.exclude_ids


@pytest.mark.parametrize("text", [
    "black and white is fine but nothing over 2 hrs",
    "b&w ones are ok too, nothing over 2 hrs",
    "black & white is totally fine. under 2 hours tho",
    "i'm fine with black and white, just under 2 hours",
    "black n white movies are no problem, max 2 hours",
])
def test_black_and_white_allowed_asks_for_no_old_films(vocab, text):
    state, _ = _play(vocab, "something in the vein of heat")
    state, ins = say(vocab, state, text)
    assert ins.action == "refine"
    assert state.constraints.max_year is None and state.constraints.max_runtime == 120
    assert "ht" in state.reference_ids
