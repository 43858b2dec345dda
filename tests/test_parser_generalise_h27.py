"""English and Chinese turns from the blind dev27 dialogues (films named in longer, messier conversations), by
class, each tested with phrasings the dialogues do not use: a verdict said after a film in lower case ("babe was
cute", "die hard is the best christmas movie"), a verdict with a word of speech before it ("also loved x and y lol,
..."), a favourite named and hedged with a second one ("my favourite is probably x, or maybe y", "我最喜欢的大概是X
或者Y吧"), a film watched over and over ("我爸以前老看终结者"), a film called bad after it ("断箭很难看"), a second
film said to share the first one's verdict ("七宗罪超好看 沉默的羔羊也是", "loved seven, fargo too"), an ordinal of
the user's life that is no card ("we saw titanic on our first date"), words of speech after a reference ("more like
fargo then"), and a card compared with a named film ("is #2 better than the godfather?"). A small hand-made
catalog, no index, no model."""
from __future__ import annotations

import pytest

from catalog.item import Item
from chat.state import DialogueState, record_shown
from tests.parser_kit import parse, say, vocab_fixture

ITEMS = [
    Item(id="fa", title="Fargo", year=1996, runtime=98, genres=("crime", "drama", "thriller"), metadata={"aliases": "冰血暴"}),
    Item(id="pf", title="Pulp Fiction", year=1994, runtime=154, genres=("crime", "drama"), metadata={"aliases": "低俗小说"}),
    Item(id="rd", title="Reservoir Dogs", year=1992, runtime=99, genres=("crime", "thriller"), metadata={"aliases": "落水狗"}),
    Item(id="ht", title="Heat", year=1995, runtime=188, genres=("action", "crime", "thriller"), metadata={"aliases": "盗火线"}),
    Item(id="s7", title="Seven (Se7en)", year=1995, runtime=127, genres=("crime", "thriller"), metadata={"aliases": "七宗罪"}),
    Item(id="sl", title="The Silence of the Lambs", year=1991, runtime=118, genres=("drama", "thriller"),
         metadata={"aliases": "沉默的羔羊"}),
    Item(id="tl", title="True Lies", year=1994, runtime=141, genres=("action", "comedy"), metadata={"aliases": "真实的谎言"}),
    Item(id="ba", title="Broken Arrow", year=1996, runtime=108, genres=("action", "thriller"), metadata={"aliases": "断箭"}),
    Item(id="t1", title="The Terminator", year=1984, runtime=108, genres=("action", "sci-fi", "thriller"),
         metadata={"aliases": "终结者"}),
    Item(id="ti", title="Titanic", year=1997, runtime=194, genres=("drama", "romance"), metadata={"aliases": "泰坦尼克号"}),
    Item(id="cl", title="Clerks", year=1994, runtime=92, genres=("comedy",)),
    Item(id="mr", title="Mallrats", year=1995, runtime=94, genres=("comedy",)),
    Item(id="bb", title="Babe", year=1995, runtime=89, genres=("children's", "comedy", "drama")),
    Item(id="dh", title="Die Hard", year=1988, runtime=131, genres=("action", "thriller"), metadata={"aliases": "虎胆龙威"}),
    Item(id="gf", title="The Godfather", year=1972, runtime=175, genres=("crime", "drama"), metadata={"aliases": "教父"}),
    Item(id="gd", title="Groundhog Day", year=1993, runtime=101, genres=("comedy", "romance")),
    Item(id="pb", title="The Princess Bride", year=1987, runtime=98, genres=("adventure", "comedy", "romance")),
    Item(id="ms", title="Men in Black", year=1997, runtime=98, genres=("action", "comedy", "sci-fi")),
]

SHOWN = ["gd", "pb", "ms"]

vocab = vocab_fixture(ITEMS, "h27-generalise-test")


def _listed() -> DialogueState:
    return record_shown(DialogueState(), SHOWN)


def _opinions(ins) -> dict[str, str]:
    return {m.item_id: m.opinion for m in ins.mentions}


# --------------------------------------------------------------------------- a verdict said after a film
@pytest.mark.parametrize("text, item", [("babe was cute", "bb"), ("die hard is the best christmas movie dont @ me", "dh"),
                                        ("clerks was hilarious tbh", "cl"), ("honestly fargo is a gem", "fa"),
                                        ("mallrats was a blast", "mr"), ("heat is the goat", "ht")])
def test_a_verdict_said_after_a_film_in_lower_case_is_loved(vocab, text, item):
    ins = parse(vocab, text, _listed())
    assert ins.action == "seen" and _opinions(ins).get(item) == "loved"


@pytest.mark.parametrize("text", ["also loved clerks and mallrats lol, kevin smith is the best",
                                  "oh loved clerks and mallrats haha, so good", "also loved clerks and mallrats"])
def test_a_word_of_speech_before_or_after_a_list_of_loved_films(vocab, text):
    ins = parse(vocab, text, _listed())
    assert _opinions(ins) == {"cl": "loved", "mr": "loved"}


def test_a_word_of_speech_before_a_hated_film(vocab):
    assert _opinions(parse(vocab, "also hated heat", _listed())) == {"ht": "hated"}


# --------------------------------------------------------------------------- a favourite, hedged
@pytest.mark.parametrize("text, items", [
    ("my favourite is probably fargo, or maybe pulp fiction", {"fa", "pf"}),
    ("my all time fave has to be heat", {"ht"}),
    ("my favorite movie is prob reservoir dogs", {"rd"}),
    ("my all time favourite would be heat, or possibly fargo", {"ht", "fa"}),
    ("我最喜欢的大概是低俗小说 或者落水狗吧", {"pf", "rd"}),
    ("我最爱的电影应该是教父", {"gf"}),
    ("最喜欢的是七宗罪 还有沉默的羔羊", {"s7", "sl"}),
])
def test_a_favourite_named_and_hedged_is_loved(vocab, text, items):
    ins = parse(vocab, text)
    assert ins.action == "seen" and {i for i, op in _opinions(ins).items() if op == "loved"} == items


# --------------------------------------------------------------------------- watched over and over; called bad after it
@pytest.mark.parametrize("text", ["我爸以前老看终结者 想给他找几部类似的", "我爸天天看终结者，有类似的吗", "她以前总是看终结者 想找几部类似的"])
def test_a_film_watched_over_and_over_with_a_wish_for_more_is_loved_and_the_reference(vocab, text):
    ins = parse(vocab, text)
    assert ins.action == "seen" and _opinions(ins) == {"t1": "loved"} and ins.reference_ids == ["t1"]


@pytest.mark.parametrize("text", ["断箭很难看", "断箭太无聊了", "《断箭》真的烂", "断箭有点没意思"])
def test_a_film_called_bad_after_it_is_hated(vocab, text):
    assert _opinions(parse(vocab, text, _listed())) == {"ba": "hated"}


def test_a_card_called_bad_is_still_a_card(vocab):
    ins = parse(vocab, "第二个很难看", _listed())
    assert [(f.kind, f.position) for f in ins.feedback] == [("dislike", 2)] and not ins.mentions


# --------------------------------------------------------------------------- a second film said to share the verdict
@pytest.mark.parametrize("text, want", [
    ("七宗罪超好看 沉默的羔羊也是", {"s7": "loved", "sl": "loved"}),
    ("七宗罪超好看，沉默的羔羊也一样", {"s7": "loved", "sl": "loved"}),
    ("loved seven, fargo too", {"s7": "loved", "fa": "loved"}),
    ("hated titanic, heat as well", {"ti": "hated", "ht": "hated"}),
])
def test_a_second_film_said_to_share_the_first_ones_verdict(vocab, text, want):
    assert _opinions(parse(vocab, text, _listed())) == want


def test_a_second_film_wished_for_is_a_reference_not_a_verdict(vocab):
    ins = parse(vocab, "loved heat, more like fargo too", _listed())
    assert _opinions(ins) == {"ht": "loved"} and "fa" in ins.reference_ids


# --------------------------------------------------------------------------- an ordinal of the user's life is no card
@pytest.mark.parametrize("text", ["we saw titanic on our first date haha", "watched titanic on the second night of our trip",
                                  "i saw titanic my first week at college"])
def test_an_ordinal_in_a_story_is_no_card(vocab, text):
    ins = parse(vocab, text, _listed())
    assert ins.action == "seen" and not ins.feedback and "ti" in _opinions(ins)


def test_a_card_by_ordinal_is_still_one(vocab):
    assert [(f.kind, f.position) for f in parse(vocab, "the first one looks nice", _listed()).feedback] == [("like", 1)]


# --------------------------------------------------------------------------- words of speech after a reference
@pytest.mark.parametrize("text, item", [("more like fargo then", "fa"), ("something like heat instead lol", "ht"),
                                        ("more like babe too", "bb"), ("like reservoir dogs maybe", "rd")])
def test_words_of_speech_after_a_reference_are_no_part_of_it(vocab, text, item):
    state, _ = say(vocab, _listed(), "crime thrillers from the 90s")
    state = record_shown(state, SHOWN)
    _, ins = say(vocab, state, text)
    assert ins.action == "refine" and item in ins.reference_ids


# --------------------------------------------------------------------------- a card compared with a named film
@pytest.mark.parametrize("text, pos", [("is #2 better than the godfather?", 2), ("is the 3rd one worse than heat", 3),
                                       ("is #1 better than fargo", 1)])
def test_a_card_compared_with_a_named_film_asks_how_good_it_is(vocab, text, pos):
    ins = parse(vocab, text, _listed())
    assert (ins.action, ins.question, ins.question_position) == ("question", "rating", pos)


# --------------------------------------------------------------------------- a film named as the measure of a wish
@pytest.mark.parametrize("text, item", [("比《教父》轻松一点的", "gf"), ("比低俗小说轻松点的", "pf"), ("有没有比七宗罪温和一点的", "s7"),
                                        ("比《泰坦尼克号》更欢乐的", "ti")])
def test_a_film_named_as_the_measure_of_a_wish_is_a_reference_not_a_verdict(vocab, text, item):
    ins = parse(vocab, text)
    assert item in ins.reference_ids and item not in _opinions(ins)


def test_a_verdict_on_a_film_is_still_one(vocab):
    assert _opinions(parse(vocab, "低俗小说很好看")) == {"pf": "loved"}


# --------------------------------------------------------------------------- a film loved, then a question for films like it
@pytest.mark.parametrize("text, items", [("我最喜欢的大概是低俗小说 或者落水狗吧 有类似的吗", ["pf", "rd"]),
                                         ("最喜欢七宗罪 还有没有类似的", ["s7"]), ("超喜欢沉默的羔羊 有差不多的么", ["sl"]),
                                         ("我很喜欢低俗小说，有这种的吗？", ["pf"])])
def test_a_film_loved_then_a_question_for_films_like_it_is_loved_and_the_reference(vocab, text, items):
    ins = parse(vocab, text)
    assert ins.action == "seen" and _opinions(ins) == {i: "loved" for i in items} and ins.reference_ids == items


def test_a_question_about_a_film_is_still_no_verdict(vocab):
    assert "ti" not in _opinions(parse(vocab, "泰坦尼克号好看吗"))


# --------------------------------------------------------------------------- a film the catalog lacks, wanted for its feel
@pytest.mark.parametrize("text", ["有没有像花样年华那种感觉的", "要有点像春光乍泄那种感觉", "类似阳光灿烂的日子那种风格的",
                                  "想要像重庆森林这种氛围的"])
def test_a_film_the_catalog_lacks_wanted_for_its_feel_keeps_the_request(vocab, text):
    state, _ = say(vocab, DialogueState(), "像低俗小说那样的")
    state = record_shown(state, SHOWN)
    _, ins = say(vocab, state, text)
    assert ins.action == "refine" and ins.reference_ids == ["pf"]


def test_a_genre_wanted_for_its_feel_is_no_film(vocab):
    state, _ = say(vocab, DialogueState(), "像低俗小说那样的")
    _, ins = say(vocab, record_shown(state, SHOWN), "来点像喜剧那种感觉的")
    assert not ins.reference_ids or ins.reference_ids == ["pf"]


# --------------------------------------------------------------------------- a shown card called the best, a "don't" of speech
@pytest.mark.parametrize("text", ["men in black is the best christmas movie dont @ me",
                                  "men in black's the best tbh, don't judge me", "the 3rd is my favourite"])
def test_a_shown_card_called_the_best_is_a_like(vocab, text):
    ins = parse(vocab, text, _listed())
    assert [(f.kind, f.position) for f in ins.feedback] == [("like", 3)]


@pytest.mark.parametrize("text", ["which one is the best", "what's the best of these"])
def test_asking_which_card_is_best_is_still_a_question(vocab, text):
    assert parse(vocab, text, _listed()).action == "question"


def test_a_plain_dont_is_still_a_dislike(vocab):
    assert [(f.kind, f.position) for f in parse(vocab, "dont want the 2nd", _listed()).feedback] == [("dislike", 2)]


# --------------------------------------------------------------------------- that kind is better after all
@pytest.mark.parametrize("text", ["其实落水狗也就那样 还是低俗小说那种好", "还是低俗小说那种好", "还是落水狗那样的比较好",
                                  "低俗小说那种更好一些吧"])
def test_that_kind_being_better_after_all_keeps_the_request(vocab, text):
    state, _ = say(vocab, DialogueState(), "像低俗小说和落水狗的")
    state, _ = say(vocab, record_shown(state, SHOWN), "九十年代的")
    _, ins = say(vocab, record_shown(state, SHOWN), text)
    assert ins.action == "refine" and (ins.constraints.min_year, ins.constraints.max_year) == (1990, 1999)
