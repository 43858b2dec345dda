"""Questions about a card beyond its facts: where to watch it, whether it suits children, whether it
is scary or violent. Answered from the catalog's genres and age rating, plainly where the catalog
cannot know (no streaming data, no content notes), and never read as a wish ("is it scary?" is no
request for horror films)."""
from __future__ import annotations

import pytest

from catalog.item import Item
from chat.acts import question_topic
from chat.parser import RuleRewriter
from chat.state import DialogueState
from recommender.pipeline import Recommender
from recommender.reply import topic_answer


@pytest.mark.parametrize("text, topic", [
    ("is the 2nd one on netflix?", "where"),
    ("where can we stream it", "where"),
    ("any idea where i could watch #3", "where"),
    ("第二部在哪能看", "where"),
    ("b站上有吗", "where"),
    ("is it ok for a 10 year old?", "kids"),
    ("would #1 be too scary for my 6yo", "kids"),
    ("is it family friendly?", "kids"),
    ("第三部适合小孩看吗", "kids"),
    ("is the first one scary?", "scary"),
    ("will it give her nightmares", "scary"),
    ("这部吓人吗", "scary"),
    ("is it very violent", "violent"),
    ("how gory is #4", "violent"),
    ("第二部血腥吗", "violent"),
])
def test_what_a_question_asks_beyond_the_facts(text, topic):
    assert question_topic(text) == topic


def test_no_topic_in_ordinary_questions():
    assert question_topic("how long is the second one?") is None
    assert question_topic("第三部讲什么") is None


FILM = dict(id="x", title="Film", year=1995, runtime=100)


@pytest.mark.parametrize("mpaa, genres, lang, says", [
    ("PG", ("Children's", "Animation"), "en", "rated PG, fine for most children, and it is listed as a children's film"),
    ("PG-13", ("Action",), "en", "PG-13: some of it may not suit children under 13"),
    ("R", ("Crime",), "en", "rated R: not for children"),
    (None, ("Drama",), "en", "no age rating for Film, and it is not listed as a children's film"),
    ("R", ("Crime",), "zh", "分级 R，不适合孩子看"),
])
def test_kids_answers_come_from_the_age_rating(mpaa, genres, lang, says):
    assert says in topic_answer(Item(**FILM, mpaa=mpaa, genres=genres), "kids", lang, "Film")


def test_scary_and_violent_answers_come_from_the_genres():
    horror = Item(**FILM, genres=("Horror",), mpaa="R")
    thriller = Item(**FILM, genres=("Thriller",))
    comedy = Item(**FILM, genres=("Comedy",), mpaa="PG")
    assert "expect some scares" in topic_answer(horror, "scary", "en", "Film")
    assert "tense more than scary" in topic_answer(thriller, "scary", "en", "Film")
    assert "shouldn't be scary" in topic_answer(comedy, "scary", "en", "Film")
    assert "expect some violence" in topic_answer(horror, "violent", "en", "Film")
    assert "nothing in its listing points to violence" in topic_answer(comedy, "violent", "en", "Film")
    assert "no content notes" in topic_answer(comedy, "violent", "en", "Film")


def test_is_it_scary_asks_about_the_card_in_view_and_keeps_the_list(catalog, index):
    rec = Recommender(catalog, index, rewriter=RuleRewriter())
    shown = list(rec.respond(DialogueState(), "a few animated films for kids"))[-1]
    asked = list(rec.respond(shown.state, "is the first one ok for a 5 year old?"))[-1]
    first = catalog.get(shown.state.last_list[0])
    assert asked.instruction.action == "question" and first.title in asked.reply
    out = list(rec.respond(asked.state, "is it scary?"))[-1]
    assert out.instruction.action == "question" and out.instruction.question_topic == "scary"
    assert out.state.last_list == shown.state.last_list
    assert out.state.constraints.include_genres == shown.state.constraints.include_genres
    assert first.title in out.reply
    where = list(rec.respond(out.state, "where can i watch it?"))[-1]
    assert "doesn't know where" in where.reply and where.state.last_list == shown.state.last_list


def test_where_to_watch_with_no_card_in_view_answers_for_the_list(catalog, index):
    rec = Recommender(catalog, index, rewriter=RuleRewriter())
    shown = list(rec.respond(DialogueState(), "推荐几部喜剧"))[-1]
    out = list(rec.respond(shown.state, "在哪能看"))[-1]
    assert out.instruction.action == "question" and out.reply.startswith("目录里没有这些影片在哪个平台能看的信息")
    assert out.state.last_list == shown.state.last_list
    assert out.state.constraints.include_genres == shown.state.constraints.include_genres
    second = catalog.get(shown.state.last_list[1])
    named = list(rec.respond(out.state, "第二部在哪能看"))[-1]
    assert "目录里没有《" in named.reply and out.state.last_list == named.state.last_list
    assert catalog.local_title(second.id, "zh") in named.reply or second.title in named.reply


@pytest.mark.parametrize("text, lang", [("what can you do?", "en"), ("how does this work", "en"), ("help", "en"),
                                        ("你能做什么", "zh"), ("这个怎么用", "zh")])
def test_asking_how_to_use_it_gets_a_short_guide_and_keeps_the_list(catalog, index, text, lang):
    rec = Recommender(catalog, index, rewriter=RuleRewriter())
    shown = list(rec.respond(DialogueState(), "a few comedies"))[-1]
    out = list(rec.respond(shown.state, text))[-1]
    assert out.instruction.action == "smalltalk" and out.state.last_list == shown.state.last_list
    assert ("more like #2" in out.reply) if lang == "en" else ("更像第2部的" in out.reply)


def test_help_inside_a_request_is_the_request():
    from chat.instruction import CatalogVocab
    ins = RuleRewriter().rewrite("help me find a comedy", DialogueState(), CatalogVocab(genres=["comedy"]))
    assert ins.action == "new" and ins.constraints.include_genres == ["comedy"]
