"""English phrasings from dev11 (written blind) that the rules missed, each capability said in ways
other than dev11's own turns. A small hand-made catalog; no index, no model."""
from __future__ import annotations

import pytest

from catalog.catalog import Catalog
from catalog.filters import Filters
from catalog.item import Item
from chat import acts
from chat.state import DialogueState, relax_constraints
from recommender.pipeline import catalog_vocab
from tests.parser_kit import parse

ITEMS = [
    Item(id="av", title="Ace Ventura: Pet Detective", year=1994, runtime=86, genres=("comedy",)),
    Item(id="a2", title="Ace Ventura: When Nature Calls", year=1995, runtime=90, genres=("comedy",)),
    Item(id="fw", title="Four Weddings and a Funeral", year=1994, runtime=117, genres=("comedy", "romance")),
    Item(id="sr", title="The Shawshank Redemption", year=1994, runtime=142, genres=("drama",)),
    Item(id="fg", title="Forrest Gump", year=1994, runtime=142, genres=("comedy", "romance", "war")),
    Item(id="ti", title="Titanic", year=1997, runtime=194, genres=("drama", "romance")),
    Item(id="pl", title="Platoon", year=1986, runtime=120, genres=("drama", "war")),
    Item(id="al", title="Alien", year=1979, runtime=116, genres=("horror", "sci-fi")),
    Item(id="as", title="Aliens", year=1986, runtime=154, genres=("action", "sci-fi")),
    Item(id="sh", title="The Shining", year=1980, runtime=146, genres=("horror",)),
    Item(id="he", title="Heat", year=1995, runtime=188, genres=("action", "crime")),
    Item(id="ca", title="Casino", year=1995, runtime=176, genres=("drama",)),
    Item(id="ss", title="Sleepless in Seattle", year=1993, runtime=105, genres=("comedy", "romance")),
    Item(id="gd", title="Groundhog Day", year=1993, runtime=101, genres=("comedy", "romance")),
    Item(id="cl", title="Clueless", year=1995, runtime=97, genres=("comedy",)),
    Item(id="dm", title="Dangerous Minds", year=1995, runtime=99, genres=("drama",)),
    Item(id="ts", title="Toy Story", year=1995, runtime=81, genres=("animation", "children's", "comedy")),
]
SHOWN = ["gd", "cl", "ss", "av", "fw"]


@pytest.fixture(scope="module")
def catalog():
    return Catalog("generalise-en11-test", ITEMS)


@pytest.fixture(scope="module")
def vocab(catalog):
    return catalog_vocab(catalog)


def listed(**update) -> DialogueState:
    base = DialogueState(last_list=SHOWN, shown_ids=SHOWN, constraints=Filters(include_genres=["comedy"]),
                         intention_text="comedies")
    return base.model_copy(update=update)


def opinions(r) -> dict[str, str]:
    return {m.item_id: m.opinion for m in r.mentions}


# --------------------------------------------------------------------------- British and casual thanks
@pytest.mark.parametrize("text", ["ta very much", "lovely, ta", "nice one, cheers mate", "brill thanks",
                                  "you're a star x", "spot on"])
def test_british_and_casual_thanks_are_small_talk(vocab, text):
    assert parse(vocab, text, listed()).action == "smalltalk"


# --------------------------------------------------------------------------- paging said with "another lot"
@pytest.mark.parametrize("text", ["let's see another bunch", "can i get a fresh batch", "show us another load",
                                  "give me another handful pls"])
def test_another_lot_pages_on(vocab, text):
    assert parse(vocab, text, listed()).action == "more"


# --------------------------------------------------------------------------- "pre-" and "post-" refused
@pytest.mark.parametrize("text, key, value", [
    ("no pre-1985 stuff", "min_year", 1985),
    ("not pre 1980 pls", "min_year", 1980),
    ("nothing post-1995", "max_year", 1995),
])
def test_a_refused_pre_or_post_year_is_the_other_side(vocab, text, key, value):
    r = parse(vocab, text, listed())
    assert getattr(r.constraints, key) == value
    assert getattr(r.constraints, "max_year" if key == "min_year" else "min_year") is None


# --------------------------------------------------------------------------- softened "old" complaints
@pytest.mark.parametrize("text", ["kinda old tbh, anything newer?", "those look a bit old", "bit old these"])
def test_a_softened_old_complaint_asks_for_newer(vocab, text):
    r = parse(vocab, text, listed())
    assert r.constraints.min_year is not None and r.constraints.max_year is None


def test_newer_past_the_catalogs_end_stays_inside_it(vocab):
    # the 70s-90s reach past the catalog's newest film (1997): newer is from the 80s on, no ceiling
    state = listed(constraints=Filters(include_genres=["comedy"], min_year=1970, max_year=1999))
    r = parse(vocab, "way too old for me", state)
    assert r.constraints.min_year == 1980
    assert relax_constraints(state.constraints, r.relax).max_year is None


# --------------------------------------------------------------------------- lengths said loosely
@pytest.mark.parametrize("text, minutes", [
    ("no longer than 1 and a half", 90),
    ("under three and a half pls", 210),
    ("about 100 mins", 100),
    ("95 minutes or so", 95),
    ("2 hours tops", 120),
    ("~110 minutes", 110),
])
def test_a_length_said_loosely_is_a_cap(vocab, text, minutes):
    assert parse(vocab, text, listed()).constraints.max_runtime == minutes


def test_a_length_said_fine_is_the_new_cap(vocab):
    r = parse(vocab, "two hours is ok actually", listed(constraints=Filters(include_genres=["comedy"], max_runtime=90)))
    assert r.action == "refine" and r.constraints.max_runtime == 120


@pytest.mark.parametrize("text", ["it can run longer than 90 mins", "over 90 minutes is fine now",
                                  "they can go past that"])
def test_going_past_the_cap_lifts_it(vocab, text):
    r = parse(vocab, text, listed(constraints=Filters(include_genres=["comedy"], max_runtime=90)))
    assert "runtime" in r.relax and r.constraints.max_runtime is None


# --------------------------------------------------------------------------- a film, then who saw it
@pytest.mark.parametrize("text, ids", [
    ("heat i've seen", {"he"}),
    ("casino we watched ages ago", {"ca"}),
    ("alien and aliens my brother has seen", {"al", "as"}),
    ("titanic seen it twice", {"ti"}),
])
def test_a_film_named_then_said_seen(vocab, text, ids):
    r = parse(vocab, text, listed())
    assert opinions(r) == {i: "seen" for i in ids}
    assert ids <= set(r.constraints.exclude_ids)


# --------------------------------------------------------------------------- a title called by its first words
def test_the_first_words_of_a_title_name_it(catalog):
    assert catalog.title_head("four weddings") == "fw"
    assert catalog.title_head("Shawshank") == "sr"
    assert catalog.title_head("ace ventura") == "av"  # a film and its sequel: the first
    assert catalog.title_head("ace") is None  # too short a word
    assert catalog.title_head("forrest gump") is None  # a whole title, not a head


def test_a_one_word_head_must_be_no_english_word(vocab):
    assert acts.head_title(vocab, "shawshank") == "sr"
    assert acts.head_title(vocab, "four weddings") == "fw"
    assert vocab.head_title("dangerous") == "dm"
    assert acts.head_title(vocab, "dangerous") is None  # an English word: not *Dangerous Minds*


@pytest.mark.parametrize("text, item_id, opinion", [
    ("watched four weddings last week", "fw", "seen"),
    ("adored shawshank", "sr", "loved"),
])
def test_a_film_called_by_its_first_words_after_a_cue(vocab, text, item_id, opinion):
    assert opinions(parse(vocab, text, listed())) == {item_id: opinion}


def test_like_a_film_called_by_its_first_words(vocab):
    r = parse(vocab, "something like ace ventura lol", listed())
    assert "av" in r.reference_ids


# --------------------------------------------------------------------------- each verdict its own film
@pytest.mark.parametrize("text, want", [
    ("loved heat and casino, hated titanic", {"he": "loved", "ca": "loved", "ti": "hated"}),
    ("really enjoyed platoon, disliked forrest gump", {"pl": "loved", "fg": "hated"}),
])
def test_a_clause_with_its_own_verdict_and_film(vocab, text, want):
    assert opinions(parse(vocab, text)) == want


def test_loved_it_is_still_said_of_the_film_before(vocab):
    assert opinions(parse(vocab, "watched platoon, hated it")) == {"pl": "hated"}


# --------------------------------------------------------------------------- "like that" after a film just named
@pytest.mark.parametrize("text", ["adored heat, anything like that?", "really loved platoon btw, more like that pls"])
def test_like_that_after_a_film_named_is_that_film(vocab, text):
    r = parse(vocab, text, listed())
    assert not r.feedback
    assert r.reference_ids and r.reference_ids[0] in {"he", "pl"}


# --------------------------------------------------------------------------- changing one's mind
@pytest.mark.parametrize("text, genre", [("wait, actually horror", "horror"), ("on second thought, drama", "drama"),
                                         ("no wait, actually war films", "war")])
def test_a_correction_swaps_the_genre_and_keeps_the_rest(vocab, text, genre):
    state = listed(constraints=Filters(include_genres=["comedy"], min_year=1990))
    r = parse(vocab, text, state)
    assert r.action == "refine"
    kept = relax_constraints(state.constraints, r.relax)
    assert kept.min_year == 1990 and r.constraints.include_genres == [genre]


@pytest.mark.parametrize("text, left", [("ditch the comedy bit", ["romance"]), ("never mind the romance side", ["comedy"]),
                                        ("lose the comedy part pls", ["romance"])])
def test_giving_up_one_genre_keeps_the_other(vocab, text, left):
    state = listed(constraints=Filters(include_genres=["comedy", "romance"], max_runtime=120))
    r = parse(vocab, text, state)
    assert r.action == "refine"
    kept = relax_constraints(state.constraints, r.relax)
    assert kept.include_genres == left and kept.max_runtime == 120


# --------------------------------------------------------------------------- a lift wanted
@pytest.mark.parametrize("text", ["rough week, could do with a laugh", "feeling gutted, something to cheer me up",
                                  "long shift, need a giggle"])
def test_wanting_cheering_up_leans_to_comedy(vocab, text):
    r = parse(vocab, text)
    assert "comedy" in r.intention.genres + r.constraints.include_genres


# --------------------------------------------------------------------------- British pans of a card
@pytest.mark.parametrize("text, position", [("#2 looks naff", 2), ("the third one is a bit cringe", 3),
                                            ("4th looks dated tbh", 4)])
def test_british_pans_of_a_card_are_dislikes(vocab, text, position):
    r = parse(vocab, text, listed())
    assert r.action == "feedback"
    assert [(f.position, f.kind) for f in r.feedback] == [(position, "dislike")]


# --------------------------------------------------------------------------- an age rating as a ceiling
@pytest.mark.parametrize("text, want", [("PG-13 at most", ["G", "PG", "PG-13"]), ("max PG", ["G", "PG"]),
                                        ("pg-13 tops", ["G", "PG", "PG-13"])])
def test_an_age_rating_said_as_a_ceiling_allows_the_milder_ones(vocab, text, want):
    assert parse(vocab, text, listed()).constraints.mpaa == want


@pytest.mark.parametrize("text", ["ok R's fine", "r's ok now"])
def test_r_is_fine_with_a_clitic_lifts_the_age_limit(vocab, text):
    r = parse(vocab, text, listed(constraints=Filters(include_genres=["comedy"], mpaa=["G", "PG", "PG-13"])))
    assert r.action == "refine" and "mpaa" in r.relax


# --------------------------------------------------------------------------- "when's it from"
@pytest.mark.parametrize("text", ["when's #2 from", "whens the second one out", "what decade is #2"])
def test_when_is_it_from_asks_the_year(vocab, text):
    r = parse(vocab, text, listed())
    assert r.action == "question" and r.question == "year" and r.question_position == 2


# --------------------------------------------------------------------------- more British thanks
@pytest.mark.parametrize("text", ["wicked cheers", "smashing, ta", "cracking thanks"])
def test_british_praise_with_thanks_is_small_talk(vocab, text):
    assert parse(vocab, text, listed()).action == "smalltalk"


# --------------------------------------------------------------------------- a film's verdict said first
@pytest.mark.parametrize("text, want", [
    ("honestly casino was rubbish", {"ca": "hated"}),
    ("tbh heat was ace", {"he": "loved"}),
    ("seen platoon, titanic was a slog", {"pl": "seen", "ti": "hated"}),
    ("my kids have seen clueless, hated heat tho", {"cl": "seen", "he": "hated"}),
])
def test_a_film_and_its_own_verdict(vocab, text, want):
    assert opinions(parse(vocab, text)) == want


def test_a_card_with_a_verdict_first_is_still_feedback(vocab):
    r = parse(vocab, "honestly the first one was boring", listed())
    assert r.action == "feedback" and [(f.position, f.kind) for f in r.feedback] == [(1, "dislike")]


def test_already_done_is_seen(vocab):
    assert opinions(parse(vocab, "already done heat and casino")) == {"he": "seen", "ca": "seen"}


# --------------------------------------------------------------------------- "pre-90s", "post-80s"
@pytest.mark.parametrize("text, lo, hi", [
    ("any romcoms from pre 90s?", None, 1989),
    ("pre-80s stuff pls", None, 1979),
    ("post-80s thrillers", 1990, None),
    ("nothing pre-90s", 1990, None),
])
def test_pre_and_post_a_decade(vocab, text, lo, hi):
    r = parse(vocab, text)
    assert (r.constraints.min_year, r.constraints.max_year) == (lo, hi)


# --------------------------------------------------------------------------- colour, not black and white
@pytest.mark.parametrize("text", ["nothing black and white", "westerns in colour please", "only colour films"])
def test_colour_is_after_black_and_white(vocab, text):
    r = parse(vocab, text)
    assert r.constraints.min_year == 1966 and r.constraints.max_year is None


def test_colour_keeps_a_later_floor(vocab):
    r = parse(vocab, "anything in colour?", listed(constraints=Filters(include_genres=["comedy"], min_year=1971)))
    assert r.constraints.min_year in (None, 1971)


# --------------------------------------------------------------------------- a named film asked about
@pytest.mark.parametrize("text, item_id", [("is the shining scary?", "sh"), ("is heat too violent for my mum", "he"),
                                           ("is alien properly scary", "al")])
def test_is_a_named_film_scary_is_a_question(vocab, text, item_id):
    r = parse(vocab, text, listed())
    assert r.action == "question" and r.question_item_id == item_id and r.question == "other"
    assert r.constraints.include_genres == ["comedy"]  # "scary" asked about is no wish for horror


def test_a_title_with_a_question_word_in_it_asks_nothing_by_it(vocab):
    # "weddings and a funeral" ask nothing; the first words of a title name it
    r = parse(vocab, "is four weddings ok for a 12 year old", listed())
    assert r.action == "question" and r.question == "other" and r.question_item_id == "fw"


def test_the_words_of_the_title_asked_about_ask_nothing(vocab):
    r = parse(vocab, "is toy story ok for a 4 year old", listed())
    assert r.action == "question" and r.question_item_id == "ts" and r.question == "other"  # "story" asks no plot


# --------------------------------------------------------------------------- a good cry, said British
@pytest.mark.parametrize("text", ["need a proper weepie", "something for an ugly cry", "a sob story please",
                                  "get the tissues out"])
def test_a_weepie_leans_to_drama(vocab, text):
    r = parse(vocab, text)
    assert "drama" in r.intention.genres + r.constraints.include_genres


# --------------------------------------------------------------------------- many more
@pytest.mark.parametrize("text", ["show me loads more", "lots more pls", "a bunch more", "ok heaps more"])
def test_many_more_pages_on(vocab, text):
    assert parse(vocab, text, listed()).action == "more"


# --------------------------------------------------------------------------- each film of a list its own verdict
def test_a_later_clause_led_by_another_film_is_that_films_verdict(vocab):
    r = parse(vocab, "watched platoon, heat was great, casino was a bit dull")
    assert opinions(r) == {"pl": "seen", "he": "loved", "ca": "hated"}


def test_a_later_clause_about_the_film_itself_is_still_its_verdict(vocab):
    assert opinions(parse(vocab, "seen Heat, the ending was brilliant")) == {"he": "loved"}


# --------------------------------------------------------------------------- back to an earlier request
def _played(vocab, *turns: str) -> DialogueState:
    from chat.state import apply_resolved, record_shown
    state = DialogueState()
    for text in turns:
        state = apply_resolved(state, parse(vocab, text, state))
        state = record_shown(state, SHOWN)
    return state


@pytest.mark.parametrize("text, genres, years", [
    ("ok go back to the first list", ["comedy"], (1980, 1989)),
    ("like the original search pls", ["comedy"], (1980, 1989)),
    ("hmm undo that", ["horror"], (1980, 1989)),
    ("back to what we had before", ["horror"], (1980, 1989)),
    ("go back to the original ones", ["comedy"], (1980, 1989)),
])
def test_going_back_to_an_earlier_request(vocab, text, genres, years):
    state = _played(vocab, "80s comedies under 100 mins", "make it horror instead", "actually 90s")
    r = parse(vocab, text, state)
    assert r.action == "refine"
    assert r.constraints.include_genres == genres and (r.constraints.min_year, r.constraints.max_year) == years
    assert r.constraints.max_runtime == 100


def test_going_back_with_a_change_on_top(vocab):
    state = _played(vocab, "80s comedies under 100 mins", "make it horror instead")
    r = parse(vocab, "like the first list but 2 hours is fine", state)
    assert r.constraints.include_genres == ["comedy"] and r.constraints.max_runtime == 120


def test_nothing_to_go_back_to_after_a_reset(vocab):
    state = _played(vocab, "80s comedies", "make it horror instead", "start over")
    assert state.earlier == []
    r = parse(vocab, "go back to the first list", state)
    assert not r.constraints.include_genres


def test_more_like_the_first_one_is_a_card_not_the_first_list(vocab):
    state = _played(vocab, "80s comedies under 100 mins", "make it horror instead")
    r = parse(vocab, "more like the first one", state)
    assert r.action == "feedback" and r.feedback[0].position == 1


# --------------------------------------------------------------------------- relaxing, said casually
def _strict() -> DialogueState:
    return listed(constraints=Filters(include_genres=["comedy"], min_year=1990, max_year=1999, max_runtime=100,
                                      min_rating=7.0, mpaa=["G", "PG", "PG-13"]))


@pytest.mark.parametrize("text, key", [
    ("ok fine, older stuff is ok too", "years"),
    ("fair enough, the rating's not a big deal", "rating"),
    ("the length's no big deal", "runtime"),
    ("alright, R is grand", "mpaa"),
    ("nc-17 is fine by me", "mpaa"),
])
def test_a_limit_let_go_casually(vocab, text, key):
    r = parse(vocab, text, _strict())
    assert r.action == "refine" and key in r.relax
    assert r.constraints.include_genres == ["comedy"]


# --------------------------------------------------------------------------- "and the one after?"
@pytest.mark.parametrize("text, position", [("and the one after?", 3), ("the one before then", 1), ("ok the one below?", 3)])
def test_the_card_next_to_the_one_asked_about(vocab, text, position):
    r = parse(vocab, text, listed(focus_id=SHOWN[1]))
    assert r.action == "question" and r.question_position == position


# --------------------------------------------------------------------------- not liked, said many ways
@pytest.mark.parametrize("text, item_id", [
    ("cant stand titanic", "ti"), ("not a fan of heat tbh", "he"), ("i never liked casino", "ca"),
    ("didn't enjoy platoon", "pl"), ("casino bored me to death", "ca"), ("heat put me to sleep", "he"),
    ("loved clueless, titanic dragged on", "ti"),
])
def test_not_liked_said_many_ways(vocab, text, item_id):
    assert opinions(parse(vocab, text)).get(item_id) == "hated"


@pytest.mark.parametrize("text", ["not a fan of horror", "i didn't like it", "the first one was boring"])
def test_no_film_named_no_verdict(vocab, text):
    assert not parse(vocab, text).mentions


# --------------------------------------------------------------------------- "n" and "+" join a list
@pytest.mark.parametrize("text", ["seen heat n casino", "watched heat + casino"])
def test_a_casual_and_joins_films(vocab, text):
    assert opinions(parse(vocab, text)) == {"he": "seen", "ca": "seen"}


def test_a_title_with_and_in_it_is_one_film_with_its_verdict(vocab):
    # not "four weddings" and "a funeral": one film
    assert opinions(parse(vocab, "four weddings and a funeral was boring")) == {"fw": "hated"}


def test_but_ends_a_film_said_at_the_start(vocab):
    assert opinions(parse(vocab, "really enjoyed platoon but heat was way too long")) == {"pl": "loved", "he": "hated"}


@pytest.mark.parametrize("text", ["ta ra", "cheerio then", "laters x", "ttfn"])
def test_british_goodbyes_are_small_talk(vocab, text):
    from chat.parser import smalltalk_kind
    assert parse(vocab, text, listed()).action == "smalltalk"
    assert smalltalk_kind(text, listed())[0] == "bye"
