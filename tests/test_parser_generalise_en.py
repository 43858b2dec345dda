"""English phrasings the rules were not written for (project issue 11), each class said several
ways: resets, taking a pick, chat spellings, counts after a verb, yes-or-no questions about a card,
casual love and dislike of a named film. A small hand-made catalog; no index, no model."""
from __future__ import annotations

import pytest

from catalog.catalog import Catalog
from catalog.filters import Filters
from catalog.item import Item
from chat.parser import RuleRewriter
from chat.state import DialogueState
from recommender.pipeline import catalog_vocab
from tests.parser_kit import parse, vocab_fixture

ITEMS = [
    Item(id="sc", title="Scream", year=1996, genres=("horror", "thriller")),
    Item(id="cr", title="The Craft", year=1996, genres=("drama", "fantasy", "horror", "thriller")),
    Item(id="sh", title="The Shining", year=1980, genres=("horror",)),
    Item(id="ja", title="Jaws", year=1975, genres=("action", "horror")),
    Item(id="ti", title="Titanic", year=1997, genres=("drama", "romance")),
    Item(id="mib", title="Men in Black", year=1997, genres=("action", "adventure", "comedy", "sci-fi")),
    Item(id="ma", title="Mars Attacks!", year=1996, genres=("action", "comedy", "sci-fi", "war")),
    Item(id="gd", title="Groundhog Day", year=1993, genres=("comedy", "romance")),
    Item(id="hs", title="Heat", year=1995, genres=("action", "crime", "thriller")),
    Item(id="ca", title="Casino", year=1995, genres=("drama", "thriller")),
    Item(id="fa", title="Fargo", year=1996, genres=("crime", "drama", "thriller")),
]
SHOWN = ["sh", "ja", "sc", "cr"]


vocab = vocab_fixture(ITEMS, "generalise-en-test")


def listed(**update) -> DialogueState:
    base = DialogueState(last_list=SHOWN, shown_ids=SHOWN, constraints=Filters(include_genres=["horror"]),
                         intention_text="horror films")
    return base.model_copy(update=update)


# --------------------------------------------------------------------------- resets
@pytest.mark.parametrize("text", [
    "ok let's wipe the slate clean",
    "wipe it clean, new search",
    "blank slate please",
    "let's start afresh",
    "can we get a do-over",
])
def test_a_reset_said_another_way(text, vocab):
    i = parse(vocab, text, listed())
    assert i.action == "reset"
    assert i.constraints.include_genres == []


# --------------------------------------------------------------------------- taking a pick
@pytest.mark.parametrize("text", [
    "sweet, that's the one",
    "that's the one!",
    "perfect, that's my pick",
    "sold, thanks",
    "we have a winner",
    "bingo, that'll do",
])
def test_taking_a_pick_is_small_talk_and_keeps_the_request(text, vocab):
    i = parse(vocab, text, listed())
    assert i.action == "smalltalk"
    assert i.intention.moods == []  # "sweet" opening the message is no wish for lighter films


def test_sweet_inside_a_request_is_still_a_mood(vocab):
    i = parse(vocab, "something sweet and short")
    assert "lighter" in i.intention.moods


# --------------------------------------------------------------------------- chat spellings
@pytest.mark.parametrize("text, action", [
    ("moar", "more"),
    ("moar pls", "more"),
    ("wats the 1st abt", "question"),
    ("wat is the 2nd abt?", "question"),
])
def test_chat_spellings_are_read(text, action, vocab):
    i = parse(vocab, text, listed())
    assert i.action == action
    if action == "question":
        assert i.question == "plot"


# --------------------------------------------------------------------------- how many
@pytest.mark.parametrize("text, k", [
    ("I want something from '95, give me 10", 10),
    ("horror films, show me 5", 5),
    ("give us three please", 3),
    ("recommend me 12 comedies", 12),
])
def test_a_number_after_give_me_is_how_many(text, k, vocab):
    assert parse(vocab, text, listed()).k == k


@pytest.mark.parametrize("text", ["give me 2 hours max", "show me 90s horror", "give me 8/10 or higher"])
def test_a_number_of_something_else_is_no_count(text, vocab):
    assert parse(vocab, text, listed()).k == 8


# --------------------------------------------------------------------------- questions on a card
@pytest.mark.parametrize("text, asks", [
    ("is the second one actually about ghosts?", "other"),
    ("is #3 about a shark?", "other"),
    ("wait, is it about aliens", "other"),
    ("does the first one have zombies in it?", "other"),
    ("what's the second one about", "plot"),
    ("wait is the 2nd a romcom?? I said no romance", "genre"),
    ("is #4 a comedy?", "genre"),
    ("is the third really a horror", "genre"),
])
def test_what_a_question_on_a_card_asks(text, asks, vocab):
    i = parse(vocab, text, listed())
    assert i.action == "question"
    assert i.question == asks


# --------------------------------------------------------------------------- love and dislike, casually
@pytest.mark.parametrize("text", [
    "seen Men in Black, and Mars Attacks! is my guilty pleasure",
    "Mars Attacks! is my comfort movie",
    "Mars Attacks! is an all-timer for me",
    "Mars Attacks! is my fave",
])
def test_casual_love_of_a_named_film(text, vocab):
    i = parse(vocab, text)
    opinions = {m.item_id: m.opinion for m in i.mentions}
    assert opinions.get("ma") == "loved"


@pytest.mark.parametrize("text", [
    "my sister made me sit through Titanic again. I did not enjoy that",
    "Titanic, honestly I didn't enjoy it",
    "Titanic was overhyped",
    "Titanic is not my cup of tea",
])
def test_casual_dislike_of_a_named_film(text, vocab):
    i = parse(vocab, text)
    opinions = {m.item_id: m.opinion for m in i.mentions}
    assert opinions.get("ti") == "hated"


# --------------------------------------------------------------------------- lists of films, in any case
@pytest.mark.parametrize("text, ids", [
    ("seen scream and the craft", {"sc", "cr"}),
    ("watched heat, casino and fargo already", {"hs", "ca", "fa"}),
    ("we saw jaws & the shining last week", {"ja", "sh"}),
    ("I've seen men in black or mars attacks", {"mib", "ma"}),
    ("seen Heat, Casino and fargo", {"hs", "ca", "fa"}),
])
def test_a_list_of_films_after_a_seen_cue_is_every_film(text, ids, vocab):
    i = parse(vocab, text, listed())
    assert i.action == "seen"
    assert {m.item_id for m in i.mentions} == ids
    assert ids <= set(i.constraints.exclude_ids)


def test_a_list_stops_at_what_is_no_film(vocab):
    i = parse(vocab, "seen scream and the craft and some random stuff")
    assert {m.item_id for m in i.mentions} == {"sc", "cr"}


@pytest.mark.parametrize("text, opinion", [
    ("I've seen heat and loved it", "loved"),
    ("watched heat and hated it", "hated"),
    ("loved heat and casino", "loved"),
    ("hated Titanic and Groundhog Day", "hated"),
])
def test_the_verdict_after_the_films_named_is_theirs(text, opinion, vocab):
    state = DialogueState(instruction=None)
    i = parse(vocab, text, state)
    assert i.mentions and all(m.opinion == opinion for m in i.mentions)


def test_loved_it_after_a_film_named_here_is_not_about_the_last_turns_film(vocab):
    first = RuleRewriter().rewrite("something like Fargo", DialogueState(), vocab)
    state = DialogueState(instruction=first, reference_ids=first.reference_ids)
    i = parse(vocab, "I've seen heat and loved it", state)
    assert [(m.item_id, m.opinion) for m in i.mentions] == [("hs", "loved")]


# --------------------------------------------------------------------------- cards named by number
@pytest.mark.parametrize("text, pos", [
    ("no 2 looks stupid", 2),
    ("no. 3 is not for me", 3),
    ("no 4, nah", 4),
])
def test_no_and_a_number_is_a_card(text, pos, vocab):
    i = parse(vocab, text, listed())
    assert i.action == "feedback"
    assert [(f.kind, f.position) for f in i.feedback] == [("dislike", pos)]


@pytest.mark.parametrize("text", ["no 2 hour movies", "no 80s stuff", "no 3-hour epics please"])
def test_no_before_a_number_of_something_else_is_no_card(text, vocab):
    assert parse(vocab, text, listed()).action != "feedback"


@pytest.mark.parametrize("text, pos", [
    ("the 4th one, more like that", 4),
    ("#2 - more like that please", 2),
    ("the third, more like it", 3),
])
def test_that_after_a_card_named_is_that_card(text, pos, vocab):
    i = parse(vocab, text, listed(focus_id="sh"))
    assert i.action == "feedback"
    assert ("more_like", pos) in [(f.kind, f.position) for f in i.feedback]
    assert i.question_position is None


# --------------------------------------------------------------------------- a card called too long
@pytest.mark.parametrize("text, low, high", [
    ("the first one is like two and a half hours?? I want shorter than that", 120, 150),
    ("the 2nd is 2h20?! way too long", 120, 140),
    ("#3 is over two hours... shorter than that please", 90, 120),
])
def test_a_card_called_too_long_caps_the_length(text, low, high, vocab):
    i = parse(vocab, text, listed())
    assert i.action == "refine"
    assert low <= i.constraints.max_runtime <= high
    assert i.feedback == []


def test_asking_whether_a_card_is_too_long_is_a_question(vocab):
    i = parse(vocab, "is the 2nd one too long?", listed())
    assert i.action == "question"
    assert i.constraints.max_runtime is None


@pytest.mark.parametrize("text", ["the first one is like two hours", "#2 is like an hour and a half"])
def test_like_before_a_length_is_no_like(text, vocab):
    i = parse(vocab, text, listed())
    assert not any(f.kind == "like" for f in i.feedback)


# --------------------------------------------------------------------------- a card the user has seen
@pytest.mark.parametrize("text", [
    "Jaws too, seen it",
    "Jaws as well, already watched that one",
    "Jaws too, we've seen it",
])
def test_a_card_said_seen_after_too_is_seen_not_a_question(text, vocab):
    first = RuleRewriter().rewrite("I loved The Craft, more like it", DialogueState(), vocab)
    state = listed(instruction=first)
    i = parse(vocab, text, state)
    assert i.action == "seen"
    assert [(m.item_id, m.opinion) for m in i.mentions] == [("ja", "seen")]
    assert "ja" in i.constraints.exclude_ids


# --------------------------------------------------------------------------- who loved it, and wanting others like it
@pytest.mark.parametrize("text, opinion", [
    ("my kids loved jaws, any other shark movies?", "loved"),
    ("my husband adored heat", "loved"),
    ("they hated titanic", "hated"),
    ("our son enjoyed men in black", "loved"),
])
def test_someone_elses_verdict_on_a_film_in_lower_case(text, opinion, vocab):
    i = parse(vocab, text)
    assert [m.opinion for m in i.mentions] == [opinion]


@pytest.mark.parametrize("text", [
    "my kids loved jaws, any other shark or adventure movies?",
    "I loved heat. some other crime films like it?",
    "we loved fargo, got any others like it",
])
def test_any_other_after_a_film_loved_asks_for_films_like_it(text, vocab):
    i = parse(vocab, text)
    loved = {m.item_id for m in i.mentions if m.opinion == "loved"}
    assert loved and loved <= set(i.reference_ids)


# --------------------------------------------------------------------------- old or just good
@pytest.mark.parametrize("text, old", [
    ("We would like a classic whodunit", False),
    ("a classic sci-fi adventure", False),
    ("some classic movies", True),
    ("old black and white classics", True),
    ("classic hollywood romance", True),
])
def test_classic_is_a_period_only_of_films(text, old, vocab):
    assert (parse(vocab, text).constraints.max_year is not None) == old


@pytest.mark.parametrize("text", [
    "one of us refuses anything with blood or gore",
    "my dad can't handle violence",
    "she won't watch anything with gore",
])
def test_someone_refusing_violence_is_a_mood(text, vocab):
    i = parse(vocab, text)
    assert "less violent" in i.intention.moods
    assert "horror" in i.intention.avoid


# --------------------------------------------------------------------------- role-play and puzzled emoji
@pytest.mark.parametrize("text", [
    "arr matey, ye forgot the pirate talk",
    "answer in pirate speak from now on",
    "talk like a robot",
    "say it like a pirate lol",
    "do the british accent again",
])
def test_role_play_asked_of_the_system_is_asked_back(text, vocab):
    i = parse(vocab, text, listed())
    assert i.action == "unclear"
    assert i.constraints.include_genres == ["horror"]  # the request in force stays


@pytest.mark.parametrize("text", ["ahoy! any pirate films?", "pirate movies with a lot of action"])
def test_pirates_as_a_topic_are_a_request(text, vocab):
    assert parse(vocab, text, listed()).action in ("new", "refine")


@pytest.mark.parametrize("text, action", [
    ("🤔🤔", "unclear"),
    ("🙄", "unclear"),
    ("🤷‍♀️", "unclear"),
    ("👍", "smalltalk"),
    ("😂😂", "smalltalk"),
])
def test_emoji_alone(text, action, vocab):
    assert parse(vocab, text, listed()).action == action


# --------------------------------------------------------------------------- sequels by number
SERIES = [
    Item(id="st1", title="Star Trek: The Motion Picture", year=1979, genres=("sci-fi",)),
    Item(id="st2", title="Star Trek: The Wrath of Khan", year=1982, genres=("sci-fi",)),
    Item(id="st3", title="Star Trek III: The Search for Spock", year=1984, genres=("sci-fi",)),
    Item(id="st4", title="Star Trek IV: The Voyage Home", year=1986, genres=("sci-fi",)),
    Item(id="st5", title="Star Trek V: The Final Frontier", year=1989, genres=("sci-fi",)),
    Item(id="st6", title="Star Trek VI: The Undiscovered Country", year=1991, genres=("sci-fi",)),
    Item(id="st8", title="Star Trek: First Contact", year=1996, genres=("sci-fi",)),
    Item(id="dh1", title="Die Hard", year=1988, genres=("action", "thriller")),
    Item(id="dh2", title="Die Hard 2", year=1990, genres=("action", "thriller")),
    Item(id="dh3", title="Die Hard: With a Vengeance", year=1995, genres=("action", "thriller")),
    Item(id="al1", title="Alien", year=1979, genres=("horror", "sci-fi"), metadata={"aliases": "异形"}),
    Item(id="al2", title="Aliens", year=1986, genres=("action", "sci-fi"), metadata={"aliases": "异形2"}),
    Item(id="al3", title="Alien 3", year=1992, genres=("action", "horror", "sci-fi"), metadata={"aliases": "异形3"}),
]


@pytest.fixture(scope="module")
def series_vocab():
    return catalog_vocab(Catalog("generalise-en-series", ITEMS + SERIES))


@pytest.mark.parametrize("text, ids", [
    ("seen Star Trek 2, 4 and 6, loved them", {"st2", "st4", "st6"}),
    ("I watched Star Trek 3 & 5", {"st3", "st5"}),
    ("seen star trek ii, iv and vi", {"st2", "st4", "st6"}),
    ("Star Trek 1 and 2 are great", {"st1", "st2"}),
])
def test_a_list_of_sequel_numbers_after_a_series_name(text, ids, series_vocab):
    i = parse(series_vocab, text)
    assert {m.item_id for m in i.mentions} == ids


@pytest.mark.parametrize("text, ids", [
    ("Die Hard is the best christmas movie. saw 2 and 3 as well, they were meh", {"dh1", "dh2", "dh3"}),
    ("loved Die Hard, also watched 2 and 3", {"dh1", "dh2", "dh3"}),
    ("loved Alien, the sequels not so much", {"al1", "al2", "al3"}),
    ("Die Hard rules, the sequel was boring", {"dh1", "dh2"}),
])
def test_sequels_by_number_or_as_the_sequels_after_a_film_of_the_series(text, ids, series_vocab):
    i = parse(series_vocab, text)
    assert {m.item_id for m in i.mentions} == ids
    assert ids <= set(i.constraints.exclude_ids)


def test_the_sequels_said_not_so_much_are_disliked(series_vocab):
    i = parse(series_vocab, "loved Alien, the sequels not so much")
    assert {m.item_id: m.opinion for m in i.mentions} == {"al1": "loved", "al2": "hated", "al3": "hated"}


@pytest.mark.parametrize("text", ["saw 2 and 3 hour films", "loved Die Hard, seen 2 and 3 times"])
def test_numbers_of_something_else_are_no_sequels(text, series_vocab):
    i = parse(series_vocab, text)
    assert not {"dh2", "dh3"} & {m.item_id for m in i.mentions}


def test_a_members_subtitle_is_that_film_and_no_card(series_vocab):
    first = RuleRewriter().rewrite("seen Star Trek 2, 4 and 6, loved them. more like those", DialogueState(), series_vocab)
    state = DialogueState(instruction=first, last_list=["st1", "st3", "dh1"], shown_ids=["st1", "st3", "dh1"],
                          liked_ids=["st2", "st4", "st6"])
    i = parse(series_vocab, "First Contact too, that one was great", state)
    assert i.action == "seen"
    assert [(m.item_id, m.opinion) for m in i.mentions] == [("st8", "loved")]
    assert i.question_position is None and i.feedback == []


# --------------------------------------------------------------------------- praise of a card shown before
def shown_before(vocab, **update) -> DialogueState:
    first = RuleRewriter().rewrite("horror films", DialogueState(), vocab)
    base = listed(instruction=first, shown_ids=[*SHOWN, "mib", "ma"])
    return base.model_copy(update=update)


@pytest.mark.parametrize("text", [
    "Men in Black is perfect, more like that",
    "oh Men in Black is on there, love it, more like Men in Black",
    "Mars Attacks! is great, more like it please",
    "Men in Black is awesome, something similar",
])
def test_praise_of_a_card_shown_before_is_feedback(text, vocab):
    i = parse(vocab, text, shown_before(vocab))
    assert i.action == "feedback"
    named = {m.item_id for m in i.mentions}
    assert named and named <= set(i.reference_ids)


@pytest.mark.parametrize("text", [
    "I loved Men in Black, more like that",  # said in the past: a film the user has watched
    "Men in Black is my favourite, more like it",
    "watched Men in Black, it is great, more like that",
    "Fargo is perfect, more like that",  # never shown
])
def test_a_film_watched_or_never_shown_is_a_film_seen(text, vocab):
    assert parse(vocab, text, shown_before(vocab)).action == "seen"


@pytest.mark.parametrize("text", ["next", "nah, next", "next please", "next ones"])
def test_next_alone_is_paging(text, vocab):
    assert parse(vocab, text, listed()).action == "more"


# --------------------------------------------------------------------------- "that one" after a film named
@pytest.mark.parametrize("text, item", [
    ("Fargo - what year is that one", "fa"),
    ("Casino, how long is that one?", "ca"),
    ("Groundhog Day, is that one any good?", "gd"),
])
def test_that_one_after_a_film_not_on_the_list_is_that_film(text, item, vocab):
    i = parse(vocab, text, listed(focus_id="sh"))
    assert i.action == "question"
    assert i.question_item_id == item and i.question_position is None
    assert item not in i.reference_ids


def test_that_one_with_no_film_named_is_still_the_card_in_focus(vocab):
    i = parse(vocab, "what year is that one", listed(focus_id="ja"))
    assert (i.action, i.question_position) == ("question", 2)


# --------------------------------------------------------------------------- "seen it, and X"
@pytest.mark.parametrize("text, opinion", [
    ("already seen it obviously, and Casino", "seen"),
    ("watched that one already, and Heat", "seen"),
    ("saw it, loved it, and Casino too", "loved"),
])
def test_a_film_joined_by_and_to_a_verdict_on_it(text, opinion, vocab):
    first = RuleRewriter().rewrite("something like Fargo", DialogueState(), vocab)
    state = DialogueState(instruction=first, reference_ids=first.reference_ids, last_list=["sh", "ja"],
                          shown_ids=["sh", "ja"])
    i = parse(vocab, text, state)
    assert i.action == "seen"
    said = {m.item_id: m.opinion for m in i.mentions}
    assert "fa" in said  # "it": the film the last turn named
    assert said.get("ca", said.get("hs")) == opinion


@pytest.mark.parametrize("text, cards", [
    ("2nd and 3rd look good, more like those", {2, 3}),
    ("#1 and #4 are great, more like them", {1, 4}),
    ("the first and the third, more like these please", {1, 3}),
])
def test_those_after_cards_named_is_every_one_of_them(text, cards, vocab):
    i = parse(vocab, text, listed(focus_id="sh"))
    assert {f.position for f in i.feedback if f.kind == "more_like"} == cards


# --------------------------------------------------------------------------- a film called by part of its title
PARTS = [
    Item(id="ra", title="Raiders of the Lost Ark", year=1981, genres=("action", "adventure")),
    Item(id="lc", title="Indiana Jones and the Last Crusade", year=1989, genres=("action", "adventure")),
    Item(id="hg", title="Monty Python and the Holy Grail", year=1975, genres=("comedy",)),
    Item(id="t2", title="Terminator 2: Judgment Day", year=1991, genres=("action", "sci-fi")),
]


@pytest.fixture(scope="module")
def parts_vocab():
    return catalog_vocab(Catalog("generalise-en-parts", ITEMS + PARTS))


@pytest.mark.parametrize("text, ids", [
    ("Raiders and Last Crusade are my comfort movies", {"ra", "lc"}),
    ("seen Holy Grail already", {"hg"}),
    ("loved Judgment Day, anything like it?", {"t2"}),
    ("Last Crusade was boring", {"lc"}),
])
def test_a_film_called_by_part_of_its_title_with_a_cue(text, ids, parts_vocab):
    i = parse(parts_vocab, text)
    assert {m.item_id for m in i.mentions} == ids


@pytest.mark.parametrize("text", ["the Raiders game is on tonight, something fun", "something about a holy grail", "a judgment day vibe"])
def test_part_of_a_title_with_no_cue_is_just_words(text, parts_vocab):
    i = parse(parts_vocab, text)
    assert not i.mentions and not i.reference_ids


# --------------------------------------------------------------------------- complaints about the list
@pytest.mark.parametrize("text", ["lol these are all so old", "way too old for me", "they all look so old"])
def test_calling_the_list_old_asks_for_newer(text, vocab):
    i = parse(vocab, text, listed())
    assert i.action == "refine"
    assert i.constraints.min_year is not None and i.constraints.max_year is None


@pytest.mark.parametrize("text", ["not too old please", "nothing too old", "not that old"])
def test_not_too_old_is_a_floor_not_a_ceiling(text, vocab):
    i = parse(vocab, text, listed())
    assert i.constraints.max_year is None and i.constraints.min_year is not None


@pytest.mark.parametrize("text", ["too violent for me", "these are too gory", "way too brutal"])
def test_too_violent_is_less_violent(text, vocab):
    i = parse(vocab, text, listed())
    assert i.action == "refine"
    assert "less violent" in i.intention.moods
    assert i.constraints.include_genres == ["horror"]


@pytest.mark.parametrize("text", [
    "something like Jaws but less gory",
    "something like Jaws but not as long",
    "anything like Heat but from the 80s",
])
def test_what_follows_a_title_after_like_is_the_rest_of_the_request(text, vocab):
    i = parse(vocab, text)
    assert i.reference_ids and not i.notices  # no "not found in the catalog" for "but less gory"
    assert i.intention.moods or i.constraints.max_runtime or i.constraints.min_year


def test_tell_me_more_about_a_card_asks_what_it_is(vocab):
    i = parse(vocab, "the last one looks interesting, tell me more", listed())
    assert (i.action, i.question, i.question_position) == ("question", "what", 4)


# --------------------------------------------------------------------------- more verdicts and questions
@pytest.mark.parametrize("text, pos", [
    ("ooh the second one sounds fun, anything else like it?", 2),
    ("the 3rd looks good, got others like that?", 3),
    ("#1 is nice, something else like it please", 1),
])
def test_anything_else_like_it_after_a_card_is_more_like_it(text, pos, vocab):
    i = parse(vocab, text, listed())
    assert ("more_like", pos) in [(f.kind, f.position) for f in i.feedback]


@pytest.mark.parametrize("word", ["cheesy", "campy", "spoofs"])
def test_casual_words_are_not_corrected_into_genres(word, vocab):
    from chat.spelling import correct_word
    assert correct_word(word) == word


@pytest.mark.parametrize("text", ["Jaws is a bit cheesy but ok", "Casino is long but fine", "Heat was on tv last night"])
def test_a_title_then_is_is_no_question(text, vocab):
    assert parse(vocab, text, listed()).action != "question"


@pytest.mark.parametrize("text, item, asks", [
    ("Heat, when did it come out", "hs", "year"),
    ("Casino - is it any good", "ca", "rating"),
    ("Fargo: how long is it?", "fa", "runtime"),
])
def test_a_title_set_off_before_a_question_is_asked_about(text, item, asks, vocab):
    i = parse(vocab, text, listed())
    assert (i.action, i.question_item_id, i.question) == ("question", item, asks)


# --------------------------------------------------------------------------- a genre in place of the one in force
def in_force() -> DialogueState:
    return listed(constraints=Filters(include_genres=["horror"], min_year=1990, max_year=1999, max_runtime=120))


@pytest.mark.parametrize("text, genre", [
    ("actually make it a comedy instead", "comedy"),
    ("ok, make it a drama", "drama"),
    ("let's go back to the comedy ones", "comedy"),
    ("comedies instead", "comedy"),
])
def test_a_genre_in_place_of_the_one_in_force_keeps_the_rest(text, genre, vocab):
    i = parse(vocab, text, in_force())
    assert i.action == "refine"
    assert i.constraints.include_genres == [genre]
    assert (i.constraints.min_year, i.constraints.max_year, i.constraints.max_runtime) == (1990, 1999, 120)


@pytest.mark.parametrize("text", ["can you sort them by rating?", "order these by year please", "rank them by length"])
def test_asking_to_sort_the_list_keeps_the_request(text, vocab):
    i = parse(vocab, text, in_force())
    assert i.action == "refine"
    assert i.constraints.include_genres == ["horror"] and i.constraints.max_runtime == 120


# --------------------------------------------------------------------------- "but" turns the verdict on a card
@pytest.mark.parametrize("text, kind", [
    ("the first one looks great but he's seen it", "dislike"),
    ("#2 looks boring but my kids would love it", "like"),
    ("the third is nice, but we watched it already", "dislike"),
])
def test_what_follows_but_is_the_verdict_on_the_card(text, kind, vocab):
    i = parse(vocab, text, listed())
    assert [f.kind for f in i.feedback] == [kind]


@pytest.mark.parametrize("text", ["the 2nd is good but too long", "#3 looks fun but it's too long for tonight"])
def test_a_card_liked_but_too_long_asks_for_shorter_ones(text, vocab):
    i = parse(vocab, text, listed())
    assert i.action == "refine" and i.constraints.max_runtime is not None


@pytest.mark.parametrize("text", [
    "oh wait, one more thing - nothing with too much swearing",
    "btw nothing too depressing",
    "without subtitles please",
])
def test_an_afterthought_refines_the_request(text, vocab):
    i = parse(vocab, text, listed())
    assert i.action == "refine"
    assert i.constraints.include_genres == ["horror"]


@pytest.mark.parametrize("text", ["is there anything like Jaws?", "are there any more like the Shining", "anything like Scream?"])
def test_is_there_anything_like_a_card_asks_for_more_like_it(text, vocab):
    i = parse(vocab, text, listed())
    assert i.action == "feedback"
    assert [f.kind for f in i.feedback] == ["more_like"]


@pytest.mark.parametrize("text", ["I don't like subtitles", "we really don't want anything with subtitles",
                                  "I'd rather not watch anything in black and white"])
def test_a_dislike_of_something_unknown_refines(text, vocab):
    i = parse(vocab, text, listed())
    assert i.action == "refine" and i.constraints.include_genres == ["horror"]


@pytest.mark.parametrize("text", ["nah I'm done for tonight, bye", "ok gotta go", "that's all for now, good night"])
def test_saying_goodbye_is_small_talk(text, vocab):
    i = parse(vocab, text, listed())
    assert i.action == "smalltalk"


@pytest.mark.parametrize("text, cap", [
    ("Nothing over two hours please", 120),
    ("nothing longer than 2 hours", 120),
    ("not more than two hours, we have work early", 120),
    ("no 3-hour epics", 150),
])
def test_nothing_over_a_length_is_that_length(text, cap, vocab):
    assert parse(vocab, text).constraints.max_runtime == cap


# --------------------------------------------------------------------------- the whole list turned down, questions after a remark
@pytest.mark.parametrize("text", [
    "hmm these all look kinda meh",
    "I've seen most of these tbh",
    "they all seem pretty boring",
    "not feeling any of these",
])
def test_turning_down_the_whole_list_is_paging(text, vocab):
    i = parse(vocab, text, listed())
    assert i.action == "more"
    assert i.constraints.include_genres == ["horror"]


@pytest.mark.parametrize("text, asks", [
    ("sounds interesting. what year?", "year"),
    ("cool. how long is it?", "runtime"),
    ("hmm ok. why that one?", "why"),
])
def test_a_question_after_a_remark_is_about_the_card_in_focus(text, asks, vocab):
    i = parse(vocab, text, listed(focus_id="ja"))
    assert (i.action, i.question, i.question_position) == ("question", asks, 2)


@pytest.mark.parametrize("text", ["how about something like that but funnier", "what about more like that one"])
def test_how_about_suggests_rather_than_asks(text, vocab):
    i = parse(vocab, text, listed(focus_id="ja"))
    assert i.action == "feedback"
    assert [(f.kind, f.position) for f in i.feedback] == [("more_like", 2)]


@pytest.mark.parametrize("text, mood", [
    ("something sweet, nothing sad", True),
    ("a sweet little romance", True),
    ("sweet", False),
    ("sweet!", False),
])
def test_sweet_is_a_mood_unless_it_is_the_whole_reply(text, mood, vocab):
    assert ("lighter" in parse(vocab, text, listed()).intention.moods) == mood


@pytest.mark.parametrize("text, item", [("Heat is it any good", "hs"), ("Casino worth watching", "ca"),
                                        ("Fargo how long is it", "fa")])
def test_a_title_then_a_question_with_no_punctuation(text, item, vocab):
    i = parse(vocab, text, listed())
    assert (i.action, i.question_item_id) == ("question", item)
