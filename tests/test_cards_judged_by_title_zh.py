"""Shown cards named by their Chinese titles, each with a verdict, in one message with no commas beside a
film that is not shown: "辛德勒的名单很棒 勇敢的心还不错 英国病人真的看不下去" kept only the verdict on The
English Patient; the two cards' words were taken in as that film's clause and never read. Uses the real
catalog's Chinese titles (`make data`)."""
from __future__ import annotations

import pytest

from catalog.loaders import load_catalog
from recommender.pipeline import catalog_vocab
from tests.parser_kit import say

SCHINDLER, BRAVEHEART, ENGLISH_PATIENT, SEVEN, LAMBS = "318", "22", "286", "11", "98"


@pytest.fixture(scope="module")
def vocab():
    return catalog_vocab(load_catalog("movielens"))


def _after(vocab, shown, said):
    from chat.state import DialogueState, record_shown

    state = record_shown(DialogueState(), shown)
    return say(vocab, state, said)


@pytest.mark.parametrize("said", [
    "辛德勒的名单很棒 勇敢的心还不错 英国病人真的看不下去",
    "英国病人真的看不下去 辛德勒的名单很棒 勇敢的心还不错",
    "辛德勒的名单太好看了 勇敢的心也很好看 英国病人太闷了",
])
def test_each_card_keeps_its_verdict_beside_a_film_not_shown(vocab, said):
    state, _ins = _after(vocab, ["1", SCHINDLER, "50", "7", "9", BRAVEHEART], said)
    assert {SCHINDLER, BRAVEHEART} <= set(state.liked_ids)
    assert ENGLISH_PATIENT in state.disliked_ids


def test_fengshen_is_love_of_a_film_watched(vocab):
    # "封神" (raised to the gods) is said of a film one has seen, as 神作 is
    state, ins = _after(vocab, ["1", "50"], "辛德勒的名单封神")
    assert SCHINDLER in state.liked_ids and SCHINDLER in state.constraints.exclude_ids


def test_a_card_that_only_inherits_a_verdict_is_a_film_seen_too(vocab):
    # "七宗罪超好看 沉默的羔羊也是": the card says nothing of its own; "also" gives it Seven's verdict
    state, ins = _after(vocab, ["1", "50", LAMBS], "七宗罪超好看 沉默的羔羊也是")
    assert ins.action == "seen" and {SEVEN, LAMBS} <= set(state.liked_ids)
