"""A turn that reacts to cards of several kinds names every one in the reply: after "loved the first
one, hated the third" the reply said only "no more <the third>", as if the like had not been heard."""
from __future__ import annotations

import pytest

from chat.parser import RuleRewriter
from recommender.pipeline import Recommender
from recommender.reply import feedback_ack_all
from tests.parser_kit import play


def test_each_kind_is_a_clause_in_the_order_said():
    assert feedback_ack_all([("like", ["Heat"]), ("dislike", ["Fargo", "Alien"])], 8, "en") == \
        "Noted: you like Heat; no more Fargo and Alien. Here is the updated list (8 picks)."
    assert feedback_ack_all([("like", ["热火"]), ("dislike", ["冰血暴"])], 8, "zh") == \
        "记下了：你喜欢《热火》；不再推荐《冰血暴》。这是更新后的列表（共 8 部）。"


def test_a_card_liked_and_wished_for_again_is_named_once():
    assert feedback_ack_all([("like", ["Manhattan"]), ("more_like", ["Manhattan"])], 8, "en") == \
        "More like Manhattan: 8 picks."


def test_one_kind_reads_as_before():
    assert feedback_ack_all([("dislike", ["Fargo"])], 8, "en") == \
        "Got it: no more Fargo. Here is the updated list (8 picks)."


@pytest.mark.parametrize("said", ["loved the first one, hated the third", "第一部很喜欢，第三部太无聊了"])
def test_the_reply_names_the_card_liked_and_the_card_dropped(catalog, index, said):
    first, judged = play(Recommender(catalog, index, rewriter=RuleRewriter()), "comedies", said)
    shown = [r.title or r.item.title for r in first.recommendations]
    assert judged.instruction.action == "feedback"
    assert shown[0] in judged.reply and shown[2] in judged.reply
    assert first.recommendations[2].item.id not in judged.state.last_list


def test_a_film_not_shown_judged_beside_the_cards_is_named_too():
    assert feedback_ack_all([("loved", []), ("hated", ["Titanic"]), ("seen", []), ("like", ["Heat"])], 8, "en") == \
        "Noted: you didn't like Titanic; you like Heat. Here is the updated list (8 picks)."


def test_the_reply_names_a_film_not_shown_as_well_as_the_card(catalog, index):
    first, judged = play(Recommender(catalog, index, rewriter=RuleRewriter()), "comedies",
                         "loved the first one. hated toy story btw")
    liked = first.recommendations[0].title or first.recommendations[0].item.title
    assert liked in judged.reply and "Toy Story" in judged.reply
