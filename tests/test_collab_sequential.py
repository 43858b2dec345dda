"""The SASRec-style model learns an obvious next-item pattern and is reproducible by seed."""
import numpy as np
import pytest

from recommender.sequential import NotFittedError, SASRec

ITEMS = [str(i) for i in range(1, 13)]
# Everyone watches the items in the same order, starting somewhere: the next item is always i+1.
LOG = {f"u{s}_{r}": ITEMS[s : s + 6] for s in range(0, 6) for r in range(4)}


def small(seed=0, epochs=40):
    return SASRec(dim=16, n_blocks=1, max_len=6, epochs=epochs, lr=5e-3, dropout=0.0, seed=seed, threads=1)


def test_learns_the_next_item():
    m = small().fit(LOG)
    scores = m.score(["3", "4", "5"], ITEMS)
    assert ITEMS[int(np.argmax(scores))] == "6"
    assert m.losses[-1] < m.losses[0]


def test_same_seed_same_scores():
    a = small(seed=3, epochs=3).fit(LOG).score(["1", "2"], ITEMS)
    b = small(seed=3, epochs=3).fit(LOG).score(["1", "2"], ITEMS)
    np.testing.assert_allclose(a, b, rtol=1e-5)


def test_unknown_candidates_rank_below_every_known_one():
    m = small(epochs=2).fit(LOG)
    s = m.score(["1", "2"], ["3", "never-seen", "4"])
    assert s[1] < min(s[0], s[2])


def test_batch_scoring_equals_one_by_one():
    m = small(epochs=2).fit(LOG)
    hs, cs = [["1", "2"], ["5"], []], [["3", "4"], ["6", "1"], ["2", "9"]]
    for got, h, c in zip(m.score_batch(hs, cs), hs, cs):
        np.testing.assert_allclose(got, m.score(h, c), rtol=1e-5)


def test_errors_say_what_to_do():
    with pytest.raises(NotFittedError, match="fit"):
        SASRec().score(["1"], ["2"])
    with pytest.raises(ValueError, match="at least 2 items"):
        SASRec(epochs=1).fit({"u": ["1"]})
