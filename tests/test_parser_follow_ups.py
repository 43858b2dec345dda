"""Follow-ups that name a film while a list is on screen: "it" / "这部" is the film just talked
about, "X那种的就行" asks for ones like X within the request in force, a two-character Chinese title
is found where the words around say it is a film, and a verdict clause says how a film was without
asking for its genre. A small hand-made catalog; no index, no model."""
from __future__ import annotations

import pytest

from catalog.catalog import Catalog
from catalog.filters import Filters
from catalog.item import Item
from chat.parser import RuleRewriter
from chat.state import DialogueState
from recommender.pipeline import catalog_vocab
from tests.parser_kit import vocab_fixture

ITEMS = [
    Item(id="a1", title="Alien", year=1979, genres=("horror", "sci-fi"), metadata={"aliases": "异形"}),
    Item(id="a2", title="Aliens", year=1986, genres=("action", "sci-fi"), metadata={"aliases": "异形2"}),
    Item(id="t1", title="Toy Story", year=1995, genres=("animation", "comedy"), metadata={"aliases": "玩具总动员"}),
    Item(id="w1", title="Sleepless in Seattle", year=1993, genres=("comedy", "romance"),
         metadata={"aliases": "西雅图夜未眠"}),
    Item(id="y1", title="Young Frankenstein", year=1974, genres=("comedy", "horror"), metadata={"aliases": "新科学怪人"}),
    Item(id="b1", title="Tomorrow Never Dies", year=1997, genres=("action",)),
    Item(id="p1", title="Pretty Woman", year=1990, genres=("comedy", "romance")),
    Item(id="p2", title="Notting Hill", year=1999, genres=("comedy", "romance")),
    Item(id="p3", title="The Wedding Singer", year=1998, genres=("comedy", "romance")),
    Item(id="m1", title="Grease", year=1978, genres=("musical", "romance")),
]
SHOWN = ["p1", "p2", "p3", "t1"]


vocab = vocab_fixture(ITEMS, "follow-up-test")


def state_with(**update) -> DialogueState:
    base = DialogueState(last_list=SHOWN, shown_ids=SHOWN, constraints=Filters(include_genres=["comedy"]),
                         intention_text="romantic comedies")
    return base.model_copy(update=update)


def parse(vocab, text: str, state: DialogueState):
    return RuleRewriter().rewrite(text, state, vocab)


def test_it_is_the_film_just_named_not_a_card(vocab):
    i = parse(vocab, "Tomorrow Never Dies bored me, didn't like it at all", state_with())
    assert i.action == "seen" and not i.feedback
    assert {m.item_id: m.opinion for m in i.mentions} == {"b1": "hated"}


def test_this_one_after_a_film_the_user_loved_is_that_film(vocab):
    said = parse(vocab, "我妈特别喜欢《西雅图夜未眠》", state_with())
    assert said.mentions and said.mentions[0].item_id == "w1"
    i = parse(vocab, "和这部差不多的就行", state_with(instruction=said))
    assert i.action == "refine" and not i.feedback
    assert "w1" in i.reference_ids
    assert i.constraints.include_genres == ["comedy"]  # the request in force stays


def test_ones_like_a_film_keep_the_request_in_force(vocab):
    i = parse(vocab, "有没有跟《玩具总动员》差不多的", state_with(last_list=["p1", "p2", "p3"]))
    assert i.action == "refine" and i.reference_ids == ["t1"]
    assert i.constraints.include_genres == ["comedy"]


def test_ones_like_a_card_named_by_its_title_are_a_reference(vocab):
    i = parse(vocab, "类似《玩具总动员》那种的就好", state_with())
    assert i.action == "refine" and "t1" in i.reference_ids and not i.feedback


def test_something_like_a_card_is_still_more_like_that_card(vocab):
    i = parse(vocab, "something like Toy Story for the kids", state_with())
    assert i.action == "feedback" and [(f.kind, f.position) for f in i.feedback] == [("more_like", 4)]


def test_a_two_character_chinese_title_in_a_wish_for_films_like_it(vocab):
    i = parse(vocab, "异形那样的也行", state_with())
    assert "a1" in i.reference_ids
    assert not i.mentions  # a wish, not a verdict on Alien
    assert i.action == "refine"


@pytest.mark.parametrize("text", ["来点外星异形片", "异形怪物多的"])
def test_two_characters_inside_other_words_are_no_title(vocab, text):
    i = parse(vocab, text, state_with())
    assert "a1" not in i.reference_ids and not i.mentions


def test_a_verdict_clause_says_how_the_film_was_and_asks_for_no_genre(vocab):
    i = parse(vocab, "《新科学怪人》看过了，超好笑", state_with(constraints=Filters(include_genres=["horror"])))
    assert i.action == "seen"
    assert {m.item_id: m.opinion for m in i.mentions} == {"y1": "loved"}
    assert i.constraints.include_genres == ["horror"]  # "好笑" is no wish for comedy


def test_too_much_of_a_genre_rules_it_out(vocab):
    i = parse(vocab, "歌舞太多的就别了", state_with())
    assert i.action == "refine" and "musical" in i.constraints.exclude_genres
    assert "musical" not in i.constraints.include_genres


@pytest.mark.parametrize("text", ["再换些", "再推点别的"])
def test_casual_chinese_paging(vocab, text):
    assert parse(vocab, text, state_with()).action == "more"


# --------------------------------------------------------------------------- a card the user loves
@pytest.mark.parametrize("text", ["Notting Hill is my all-time favourite, you can drop it",
                                  "《诺丁山》超级喜欢"])
def test_a_card_the_user_is_a_fan_of_is_a_film_seen_and_loved(vocab, text):
    with_alias = Item(id="p2", title="Notting Hill", year=1999, genres=("comedy", "romance"), metadata={"aliases": "诺丁山"})
    v = catalog_vocab(Catalog("fan-test", [i for i in ITEMS if i.id != "p2"] + [with_alias]))
    i = parse(v, text, state_with())
    assert i.action == "seen"
    assert {m.item_id: m.opinion for m in i.mentions} == {"p2": "loved"}
    assert not i.feedback


def test_a_card_that_only_looks_good_is_feedback(vocab):
    i = parse(vocab, "Notting Hill looks good", state_with())
    assert i.action == "feedback" and [(f.kind, f.position) for f in i.feedback] == [("like", 2)]


def test_words_after_a_film_that_only_say_how_it_was_ask_for_no_genre(vocab):
    i = parse(vocab, "big fan of Aliens, best action film ever made", state_with())
    assert i.action == "seen" and "action" not in i.constraints.include_genres
    assert {m.item_id: m.opinion for m in i.mentions} == {"a2": "loved"}


@pytest.mark.parametrize("text", ["Grease I switched off after ten minutes", "gave up on Grease halfway",
                                  "Grease, couldn't finish it"])
def test_giving_up_on_a_film_is_hating_it(vocab, text):
    assert {m.item_id: m.opinion for m in parse(vocab, text, state_with()).mentions} == {"m1": "hated"}


def test_an_english_title_right_before_chinese_words(vocab):
    i = parse(vocab, "Pretty Woman是我最爱的电影之一", DialogueState())
    assert {m.item_id: m.opinion for m in i.mentions} == {"p1": "loved"}


@pytest.mark.parametrize("text", ["long story short, we want a comedy", "quick question: any comedies from the 90s?"])
def test_short_in_an_idiom_is_no_runtime(vocab, text):
    assert parse(vocab, text, DialogueState()).constraints.max_runtime is None


def test_short_for_a_film_is_a_runtime(vocab):
    assert parse(vocab, "something short and funny", DialogueState()).constraints.max_runtime is not None


# --------------------------------------------------------------------------- long, chatty messages
def test_a_genre_word_naming_something_else_is_no_wish(vocab):
    i = parse(vocab, "my sister only reads romance novels and goes to a horror book club, anyway any comedies?",
              DialogueState())
    assert i.constraints.include_genres == ["comedy"]


def test_a_habit_the_user_describes_rules_nothing_out(vocab):
    i = parse(vocab, "I'm normally not a romance person but I caught Pretty Woman on TV and loved it",
              DialogueState())
    assert "romance" not in i.constraints.exclude_genres
    assert {m.item_id: m.opinion for m in i.mentions} == {"p1": "loved"}


def test_a_first_name_before_a_surname_is_no_film(vocab):
    cat = Catalog("names", [*ITEMS, Item(id="n1", title="Notorious", year=1946, genres=("thriller",))])
    i = parse(catalog_vocab(cat), "that thriller with Notorious Brown in it", DialogueState())
    assert "n1" not in i.reference_ids and not i.mentions
    assert "n1" in parse(catalog_vocab(cat), "something like Notorious", DialogueState()).reference_ids


def test_something_of_this_kind_after_a_film_loved_is_like_that_film(vocab):
    said = parse(vocab, "超爱《异形》", state_with())
    i = parse(vocab, "再来几部这种类型的", state_with(instruction=said))
    assert i.action == "refine" and "a1" in i.reference_ids


def test_a_first_message_naming_a_film_and_asking_with_constraints_is_a_request(vocab):
    i = parse(vocab, "昨天看了《异形》，太好看了。想找几部这种类型的老片，评分高一点的", DialogueState())
    assert i.action == "new"
    assert {m.item_id: m.opinion for m in i.mentions} == {"a1": "loved"} and "a1" in i.reference_ids
    assert i.constraints.min_rating and i.constraints.max_year


def test_a_mood_said_as_a_scene(vocab):
    i = parse(vocab, "a film where you have no idea what's real until the end", DialogueState())
    assert "mind-bending" in i.intention.moods


# --------------------------------------------------------------------------- "it", lists, questions
def test_saw_it_after_asking_for_films_like_one_is_that_film(vocab):
    asked = parse(vocab, "anything like toy story?", DialogueState())
    assert asked.reference_ids == ["t1"]
    i = parse(vocab, "watched it a hundred times haha", state_with(instruction=asked, last_list=["p1", "p2", "p3"]))
    assert i.action == "seen" and {m.item_id: m.opinion for m in i.mentions} == {"t1": "loved"}


def test_saw_it_about_a_question_on_a_card_is_no_film_named(vocab):
    asked = parse(vocab, "what's the second one about?", state_with())
    i = parse(vocab, "oh I saw it already", state_with(instruction=asked))
    assert not any(m.item_id == "t1" for m in i.mentions)


@pytest.mark.parametrize("text", ["grease and toy story both seen", "Grease, Toy Story and Alien all watched"])
def test_a_list_before_the_seen_cue(vocab, text):
    i = parse(vocab, text, DialogueState())
    assert i.action == "seen"
    assert {"m1", "t1"} <= {m.item_id for m in i.mentions if m.opinion == "seen"}


@pytest.mark.parametrize("text, kind", [("第二部是什么片", "what"), ("is the 3rd one from the 80s?", "year"),
                                        ("is it a 1995 movie", "year"), ("第一部是什么类型", "genre")])
def test_what_a_question_about_a_card_asks(text, kind):
    from chat.acts import question_kind

    assert question_kind(text) == kind


def test_an_aside_answers_for_the_film(vocab):
    i = parse(vocab, "if you enjoyed Grease, what would you pick next? (seen it already)", DialogueState())
    assert {m.item_id: m.opinion for m in i.mentions} == {"m1": "seen"}


def test_another_one_she_would_love_is_like_the_film_she_loves(vocab):
    i = parse(vocab, "my niece adores Toy Story. can you find another one she'd love?", DialogueState())
    assert "t1" in i.reference_ids and {m.item_id: m.opinion for m in i.mentions} == {"t1": "loved"}


@pytest.mark.parametrize("text", ["《玩具总动员》看过了，笑死我了", "看完《西雅图夜未眠》哭成狗"])
def test_laughing_or_crying_over_a_film_is_loving_it(vocab, text):
    i = parse(vocab, text, DialogueState())
    assert [m.opinion for m in i.mentions] == ["loved"]


def test_more_of_this_kind_after_a_film_is_like_it(vocab):
    i = parse(vocab, "《异形》看完吓死了但是很喜欢，还有这种片吗", DialogueState())
    assert "a1" in i.reference_ids
