"""The fast scorer's "sequential" signal (a SASRec on the session's history) and the app's cached
model: a tiny SASRec fitted on a synthetic log where the next item is known."""
from __future__ import annotations

import numpy as np
import pytest

from chat.instruction import Instruction
from chat.state import DialogueState
from recommender.score import FastScorer, ScoreWeights, session_sequence
from recommender.sequential import (
    SASRec,
    load_app_model,
    model_path,
    sequences_fingerprint,
)
from tests.test_score import VECS, cands

# Viewers go round the cycle Lion King -> Toy Story -> Alien -> Psycho -> Lion King, three films
# each, so whoever just watched Toy Story ("a") watches Alien ("d") next: a pattern no content
# signal sees (Alien is the candidate least like Toy Story).
CYCLE = ["b", "a", "d", "c"]
LOG = {f"u{n}": [CYCLE[(n + k) % 4] for k in range(3)] for n in range(40)}


@pytest.fixture(scope="module")
def tiny_sasrec() -> SASRec:
    return SASRec(dim=16, n_blocks=1, max_len=6, epochs=30, lr=5e-3, dropout=0.0, seed=0, threads=1).fit(LOG)


def order(scorer: FastScorer, state: DialogueState) -> list[str]:
    return [c.item.id for c in scorer.score(Instruction(), state, cands(b=0.5, c=0.5, d=0.5), index=VECS)]


def test_sequential_signal_moves_the_predicted_next_item_up(tiny_sasrec):
    assert ScoreWeights().sequential > 0  # the app's default uses the signal
    state = DialogueState(history_ids=["b", "a"])
    without = order(FastScorer(), state)
    with_seq = order(FastScorer(sequential=tiny_sasrec), state)
    assert without[0] == "b"  # closest to the history (The Lion King, Toy Story)
    assert with_seq[0] == "d" and with_seq != without
    # no history: the model has nothing to read and the order is the content order
    assert order(FastScorer(sequential=tiny_sasrec), DialogueState()) == order(FastScorer(), DialogueState())
    # weight 0 switches it off
    assert order(FastScorer({"sequential": 0.0}, sequential=tiny_sasrec), state) == without


def test_session_sequence_appends_likes_in_order():
    state = DialogueState(history_ids=["1", "2"], liked_ids=["2", "50", "7"])
    assert session_sequence(state) == ["1", "2", "50", "7"]


class _Catalog:
    name = "movielens"


def test_app_model_is_loaded_only_when_cached_for_these_interactions(tiny_sasrec, caplog):
    assert load_app_model(_Catalog(), LOG) is None  # nothing cached in the test's data dir
    assert "recommender.sequential fit" in caplog.text
    tiny_sasrec.save(model_path("movielens"), fingerprint=sequences_fingerprint(LOG))
    loaded = load_app_model(_Catalog(), LOG)
    assert loaded is not None
    np.testing.assert_allclose(loaded.score(["c", "a"], ["b", "c", "d"]), tiny_sasrec.score(["c", "a"], ["b", "c", "d"]))
    other = {**LOG, "u0": ["a", "b"]}
    assert load_app_model(_Catalog(), other) is None  # trained on other data: not used
    assert "other interactions" in caplog.text


def test_session_sequence_ends_with_the_films_the_request_is_like_and_never_a_dislike():
    state = DialogueState(history_ids=["1", "2"], liked_ids=["50"], disliked_ids=["2"])
    assert session_sequence(state, ["7", "1"]) == ["1", "50", "7"]


def test_a_film_named_feeds_the_sequential_model(tiny_sasrec):
    # "something like Toy Story" with no history: what viewers watch after Toy Story (Alien) comes first
    ins = Instruction(reference_ids=["a"])
    out = FastScorer(sequential=tiny_sasrec).score(ins, DialogueState(), cands(b=0.5, c=0.5, d=0.5), index=VECS)
    assert out[0].item.id == "d"
