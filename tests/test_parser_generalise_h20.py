"""English and Chinese turns from the blind dev20 dialogues (films named by the user across the whole
catalog), by class, each tested with phrasings the dialogues do not use: a one-word title in lower case
with its own year ("heat '95", "fargo (96)"), "&" and "and" either way ("dumb and dumber", "four weddings &
a funeral"), titles typed without an apostrophe or the dots of initials ("schindlers list", "LA
confidential"), short English names (T2, ESB), a seen list after a comma or "also" with a film the catalog
lacks inside it, a verdict verb that starts a list of its own ("loved x, hated y"), Taiwan titles the
converter renders in other words (鐵達尼號), lower-case English titles inside Chinese words ("还有fargo",
"seven和...") and Chinese words that call a film dull (太闷了, 看睡着了).
A small hand-made catalog, no index, no model."""
from __future__ import annotations

import pytest

from catalog.item import Item
from chat import acts
from chat.instruction import Instruction
from chat.state import DialogueState, apply_resolved, record_shown
from tests.parser_kit import parse, say, vocab_fixture

ITEMS = [
    Item(id="ht", title="Heat", year=1995, genres=("action", "crime", "thriller")),
    Item(id="fa", title="Fargo", year=1996, genres=("crime", "drama", "thriller"), metadata={"aliases": "冰血暴"}),
    Item(id="ca", title="Casino", year=1995, genres=("drama",)),
    Item(id="sp", title="Speed", year=1994, genres=("action", "romance", "thriller")),
    Item(id="rk", title="The Rock", year=1996, genres=("action", "adventure", "thriller")),
    Item(id="cn", title="Con Air", year=1997, genres=("action", "adventure", "thriller")),
    Item(id="dd", title="Dumb & Dumber", year=1994, genres=("comedy",)),
    Item(id="cd", title="The Truth About Cats & Dogs", year=1996, genres=("comedy", "romance")),
    Item(id="fw", title="Four Weddings and a Funeral", year=1994, genres=("comedy", "romance")),
    Item(id="sl", title="Schindler's List", year=1993, genres=("drama", "war")),
    Item(id="bw", title="My Best Friend's Wedding", year=1997, genres=("comedy", "romance")),
    Item(id="mc", title="Miller's Crossing", year=1990, genres=("drama",)),
    Item(id="la", title="L.A. Confidential", year=1997, genres=("crime", "film-noir", "mystery", "thriller")),
    Item(id="t2", title="Terminator 2: Judgment Day", year=1991, genres=("action", "sci-fi", "thriller"),
         metadata={"aliases": "终结者2|T2"}),
    Item(id="es", title="The Empire Strikes Back", year=1980, genres=("action", "adventure", "sci-fi"),
         metadata={"aliases": "帝国反击战|ESB"}),
    Item(id="pl", title="Platoon", year=1986, genres=("drama", "war")),
    Item(id="fm", title="Full Metal Jacket", year=1987, genres=("action", "drama", "war")),
    Item(id="se", title="Seven (Se7en)", year=1995, genres=("crime", "thriller"), metadata={"aliases": "七宗罪"}),
    Item(id="si", title="The Silence of the Lambs", year=1991, genres=("drama", "thriller"),
         metadata={"aliases": "沉默的羔羊"}),
    Item(id="ti", title="Titanic", year=1997, genres=("action", "drama", "romance"),
         metadata={"aliases": "泰坦尼克号|铁达尼号"}),
    Item(id="fg", title="Forrest Gump", year=1994, genres=("comedy", "romance", "war"), metadata={"aliases": "阿甘正传"}),
    Item(id="ep", title="The English Patient", year=1996, genres=("drama", "romance", "war"),
         metadata={"aliases": "英国病人"}),
    Item(id="bm", title="The Bridges of Madison County", year=1995, genres=("drama", "romance"),
         metadata={"aliases": "廊桥遗梦"}),
    Item(id="39", title="The 39 Steps", year=1935, genres=("thriller",)),
    Item(id="x1", title="Toy Story", year=1995, genres=("animation", "children's", "comedy")),
    Item(id="x2", title="Babe", year=1995, genres=("children's", "comedy", "drama")),
    Item(id="x3", title="Groundhog Day", year=1993, genres=("comedy", "romance"), metadata={"aliases": "土拨鼠之日"}),
]
SHOWN = ["x1", "x2", "x3"]

vocab = vocab_fixture(ITEMS, "h20-generalise-test")


def listed(vocab, request: str = "comedies please") -> DialogueState:
    state, _ = say(vocab, DialogueState(), request)
    return record_shown(state, SHOWN)


def said(ins: Instruction) -> dict[str, str]:
    """Film id -> what the user said of it (seen, loved, hated)."""
    return {m.item_id: m.opinion for m in ins.mentions}


def spotted(vocab, text: str) -> list[str]:
    return [i for _s, _e, i in vocab.find_titles(text, None)]


# --------------------------------------------------------------------------- one word in lower case with its year
@pytest.mark.parametrize("text, want", [("seen heat 1995 already", "ht"), ("heat '95 was great", "ht"),
                                        ("watched fargo (96) last week", "fa"), ("loved fargo 1996", "fa"),
                                        ("casino (1995) was too long", "ca")])
def test_a_lower_case_title_with_its_own_year_is_that_film(vocab, text, want):
    assert want in spotted(vocab, text)


@pytest.mark.parametrize("text", ["the heat 1996 summer", "heat 2005", "a casino 1990 night", "the heat is on"])
def test_a_lower_case_word_with_another_year_names_no_film(vocab, text):
    assert spotted(vocab, text) == []


def test_the_year_of_a_named_film_is_no_year_constraint(vocab):
    ins = parse(vocab, "already seen heat 1995 and casino", listed(vocab))
    assert set(said(ins)) == {"ht", "ca"}
    assert ins.constraints.min_year is None and ins.constraints.max_year is None


# --------------------------------------------------------------------------- "&" / "and", apostrophes, initials
@pytest.mark.parametrize("text, want", [("dumb and dumber", "dd"), ("the truth about cats and dogs", "cd"),
                                        ("four weddings & a funeral", "fw"), ("schindlers list", "sl"),
                                        ("my best friends wedding", "bw"), ("millers crossing", "mc"),
                                        ("LA confidential", "la"), ("la confidential", "la")])
def test_titles_typed_with_and_for_ampersand_or_without_apostrophes_and_dots(vocab, text, want):
    assert spotted(vocab, f"seen {text} already") == [want]


@pytest.mark.parametrize("text, want", [("my faves are ESB and T2", {"es", "t2"}), ("T2 was great", {"t2"}),
                                        ("loved ESB", {"es"})])
def test_short_english_names_of_films(vocab, text, want):
    assert set(spotted(vocab, text)) == want


@pytest.mark.parametrize("text", ["the T1 bus", "room B2 please", "ESPN highlights"])
def test_other_capital_letter_codes_name_no_film(vocab, text):
    assert spotted(vocab, text) == []


# --------------------------------------------------------------------------- seen lists
@pytest.mark.parametrize("text, want", [
    ("looking for a war film, seen schindlers list, saving private ryan and platoon already", {"sl", "pl"}),
    ("a war movie, seen platoon, full metal jacket", {"pl", "fm"}),
    ("seen heat, the matrix and casino", {"ht", "ca"}),
    ("also seen speed, the rock & con air", {"sp", "rk", "cn"}),
    ("and watched heat and casino", {"ht", "ca"}),
    ("oh and seen speed, the rock too", {"sp", "rk"})])
def test_a_seen_list_after_a_comma_or_also_with_films_the_catalog_lacks(vocab, text, want):
    ins = parse(vocab, text, listed(vocab))
    assert set(said(ins)) == want and set(said(ins).values()) == {"seen"}


def test_a_seen_list_inside_a_request_keeps_the_request(vocab):
    ins = parse(vocab, "looking for a war film, seen schindlers list and platoon already")
    assert ins.action == "new" and ins.constraints.include_genres == ["war"]
    assert set(said(ins)) == {"sl", "pl"}


def test_words_that_say_something_are_no_film_the_catalog_lacks(vocab):
    assert "ca" not in said(parse(vocab, "seen heat, loved it and casino", listed(vocab)))


@pytest.mark.parametrize("text, loved, hated", [
    ("loved heat, hated the truth about cats and dogs", "ht", "cd"),
    ("loved four weddings and a funeral, hated dumb and dumber", "fw", "dd"),
    ("loved fargo, disliked the rock", "fa", "rk")])
def test_a_verdict_verb_starts_a_list_of_its_own(vocab, text, loved, hated):
    assert said(parse(vocab, text, listed(vocab))) == {loved: "loved", hated: "hated"}


def test_a_list_then_another_verdict(vocab):
    assert said(parse(vocab, "seen heat, casino, loved fargo", listed(vocab))) == \
        {"ht": "seen", "ca": "seen", "fa": "loved"}


# --------------------------------------------------------------------------- Chinese
@pytest.mark.parametrize("text, want", [("《阿甘正傳》《鐵達尼號》都看過了", {"fg", "ti"}), ("鐵達尼號看過了", {"ti"}),
                                        ("阿甘正傳和鐵達尼號都看過", {"fg", "ti"})])
def test_taiwan_titles_the_converter_renders_in_other_words(vocab, text, want):
    ins = parse(vocab, text, listed(vocab))
    assert ins.action == "seen" and set(said(ins)) == want


@pytest.mark.parametrize("text, want", [("还有fargo，超喜欢", {"fa": "loved"}), ("heat和casino都看过了", {"ht": "seen", "ca": "seen"}),
                                        ("seven和silence of the lambs都看过了", {"se": "seen", "si": "seen"}),
                                        ("看过casino了", {"ca": "seen"})])
def test_lower_case_english_titles_inside_chinese(vocab, text, want):
    assert said(parse(vocab, text, listed(vocab))) == want


@pytest.mark.parametrize("text", ["像heat那种的", "有没有casino那样的"])
def test_a_lower_case_english_title_as_a_reference_in_chinese(vocab, text):
    assert parse(vocab, text).reference_ids in (["ht"], ["ca"])


@pytest.mark.parametrize("text", ["我要seven部电影", "来点comedy吧"])
def test_english_words_in_chinese_that_are_no_title(vocab, text):
    assert not parse(vocab, text).mentions and not parse(vocab, text).reference_ids


@pytest.mark.parametrize("text", ["廊桥遗梦很喜欢，英国病人太闷了", "廊桥遗梦超爱，英国病人看睡着了",
                                  "廊桥遗梦好看，英国病人看不下去", "喜欢廊桥遗梦，英国病人不怎么样"])
def test_a_film_called_dull_in_chinese_is_hated(vocab, text):
    assert said(parse(vocab, text, listed(vocab, "来几部爱情片"))) == {"bm": "loved", "ep": "hated"}


@pytest.mark.parametrize("text", ["我很喜欢《土拨鼠之日》", "土拨鼠之日超喜欢", "我特别喜欢土拨鼠之日", "还有土拨鼠之日，非常喜欢",
                                  "我好喜欢土拨鼠之日"])
def test_strong_love_of_a_shown_title_in_chinese_is_a_film_watched(vocab, text):
    ins = parse(vocab, text, listed(vocab))
    assert ins.action == "seen" and said(ins) == {"x3": "loved"}


@pytest.mark.parametrize("text", ["土拨鼠之日看起来不错", "土拨鼠之日好像挺好看"])
def test_a_shown_title_that_looks_good_is_feedback(vocab, text):
    assert parse(vocab, text, listed(vocab)).action == "feedback"


# --------------------------------------------------------------------------- a verdict is no comparison; a title with a number
@pytest.mark.parametrize("text, cards", [
    ("seen die hard 2 and die hard with a vengeance, the 3rd one was the best imo", [2, 3]),
    ("the 1st and 2nd were better than anything else", [1, 2]), ("#2 and #4 was the best of them imo", [2, 4])])
def test_a_superlative_said_as_a_verdict_compares_no_cards(text, cards):
    assert acts.compare_pick(text, cards, 8) is None


@pytest.mark.parametrize("text, cards", [("is #1 better than #3", [1, 3]), ("1 or 3, which is better?", []),
                                         ("so is the 2nd shorter than the 4th", [2, 4])])
def test_a_comparison_asked_compares_cards(text, cards):
    assert acts.compare_pick(text, cards, 8) is not None


@pytest.mark.parametrize("text", ["is #1 better than #3", "1 or 3, which is better?", "which is shorter, #2 or #3"])
def test_a_comparison_asked_is_still_one(vocab, text):
    assert parse(vocab, text, listed(vocab)).action == "question"


@pytest.mark.parametrize("text", ["is the 39 steps black and white?", "is the 39 steps in english", "was the 39 steps scary"])
def test_a_question_about_a_title_that_starts_with_a_number(vocab, text):
    ins = parse(vocab, text, listed(vocab))
    assert ins.action == "question" and ins.question_item_id == "39"
    assert ins.constraints.max_year is None  # "black and white" asked of the film is no wish for old films


def test_a_card_by_number_is_still_a_card(vocab):
    ins = parse(vocab, "is the 2nd one black and white?", listed(vocab))
    assert ins.action == "question" and ins.question_position == 2


# --------------------------------------------------------------------------- a first request with a mood, and films loved
@pytest.mark.parametrize("text", ["movie for my kids (6 and 9), they loved toy story and babe",
                                  "something fun for tonight, loved groundhog day",
                                  "need a family movie, the kids loved toy story"])
def test_a_first_request_with_a_mood_and_loved_films_is_a_request(vocab, text):
    ins = parse(vocab, text)
    assert ins.action == "new" and {m.opinion for m in ins.mentions} == {"loved"}


@pytest.mark.parametrize("text", ["I loved Fargo, got anything along those lines but a bit funnier?",
                                  "loved groundhog day, what should i watch"])
def test_loved_films_with_a_wish_for_ones_like_them_stay_seen(vocab, text):
    assert parse(vocab, text).action == "seen"


# --------------------------------------------------------------------------- films the catalog lacks, pointed back at with 这些
@pytest.mark.parametrize("text", ["黑客帝国、搏击俱乐部这些我都看过", "黑客帝国和盗梦空间这几部都看过了", "《无间道》、《英雄》这些早就看过了"])
def test_films_the_catalog_lacks_said_seen_with_zhexie_keep_the_list(vocab, text):
    state = listed(vocab)
    ins = parse(vocab, text, state)
    assert ins.action == "seen" and not ins.feedback
    assert apply_resolved(state, ins).constraints.include_genres == ["comedy"]


@pytest.mark.parametrize("text", ["第一个、第二个这些都看过了", "前两个、最后一个这些都看过"])
def test_cards_said_seen_with_zhexie_are_still_cards(vocab, text):
    assert parse(vocab, text, listed(vocab)).action == "feedback"


def test_catalog_films_said_seen_with_zhexie_are_those_films(vocab):
    ins = parse(vocab, "冰血暴、七宗罪这些我都看过", listed(vocab))
    assert ins.action == "seen" and set(said(ins)) == {"fa", "se"}


# --------------------------------------------------------------------------- a request worded as a question
@pytest.mark.parametrize("text, want", [("whats something like heat or casino?", {"ht", "ca"}),
                                        ("what's a good movie like fargo?", {"fa"}),
                                        ("what are some films like groundhog day", {"x3"}),
                                        ("so what's something similar to heat", {"ht"})])
def test_a_request_worded_as_a_question_is_a_request(vocab, text, want):
    ins = parse(vocab, text)
    assert ins.action == "new" and set(ins.reference_ids) == want


@pytest.mark.parametrize("text", ["what is heat about?", "what is fargo like?"])
def test_a_question_about_a_named_film_stays_one(vocab, text):
    assert parse(vocab, text).action == "question"
