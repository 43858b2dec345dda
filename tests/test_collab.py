"""ItemCF and Popularity on tiny logs where the right answer is obvious by hand."""
import numpy as np
import pytest

from recommender.collab import ItemCF, NotFittedError, Popularity

# Two taste clusters: {a, b, c} are watched together, {x, y} are watched together.
LOG = {
    "u1": ["a", "b", "c"],
    "u2": ["a", "b"],
    "u3": ["b", "c"],
    "u4": ["x", "y"],
    "u5": ["x", "y", "a"],
}


def test_cosine_similarity_matches_hand_computation():
    cf = ItemCF(shrink=0).fit(LOG)
    # a: {u1,u2,u5}, b: {u1,u2,u3} -> 2 / (sqrt3 * sqrt3)
    assert cf.score(["a"], ["b"])[0] == pytest.approx(2 / 3, abs=1e-6)
    # a and y share u5 only: 1 / (sqrt3 * sqrt2)
    assert cf.score(["a"], ["y"])[0] == pytest.approx(1 / np.sqrt(6), abs=1e-6)


def test_items_from_the_same_cluster_score_higher():
    cf = ItemCF().fit(LOG)
    scores = cf.score(["b", "c"], ["a", "x", "y"])
    assert scores[0] > scores[1] and scores[0] > scores[2]


def test_unknown_items_and_empty_history_score_zero():
    cf = ItemCF().fit(LOG)
    assert cf.score(["a"], ["nope"]).tolist() == [0.0]
    assert cf.score([], ["a", "b"]).tolist() == [0.0, 0.0]
    assert cf.score(["nope"], ["a"]).tolist() == [0.0]


def test_neighbours_exclude_history_and_excluded_ids():
    cf = ItemCF().fit(LOG)
    ids = [i for i, _ in cf.neighbours(["a"], k=10, exclude=["c"])]
    assert "a" not in ids and "c" not in ids
    assert ids[0] == "b"
    scores = [s for _, s in cf.neighbours(["a"], k=10)]
    assert scores == sorted(scores, reverse=True) and all(s > 0 for s in scores)


def test_recency_weight_favours_the_latest_items():
    cf_flat = ItemCF(recent=1, recency_weight=1.0).fit(LOG)
    cf_recent = ItemCF(recent=1, recency_weight=10.0).fit(LOG)
    # history ends with x: with recency weighting y (x's partner) gains over b (c's partner)
    flat = cf_flat.score(["c", "x"], ["b", "y"])
    recent = cf_recent.score(["c", "x"], ["b", "y"])
    assert (recent[1] - recent[0]) > (flat[1] - flat[0])


def test_unfitted_models_say_how_to_fix():
    with pytest.raises(NotFittedError, match="fit"):
        ItemCF().score(["a"], ["b"])
    with pytest.raises(NotFittedError, match="fit"):
        Popularity().score(["a"])


def test_popularity_counts_users_not_events():
    pop = Popularity().fit({"u1": ["a", "a", "a"], "u2": ["b"], "u3": ["b"]})
    assert pop.count("a") == 1 and pop.count("b") == 2
    s = pop.score(["b", "a", "zzz"])
    assert s[0] == pytest.approx(1.0) and 0 < s[1] < s[0] and s[2] == 0.0
    assert [i for i, _ in pop.top(k=2)] == ["b", "a"]
    assert [i for i, _ in pop.top(k=2, exclude=["b"])] == ["a"]


def test_fit_is_deterministic_whatever_the_dict_order():
    a = ItemCF().fit(LOG).score(["a", "x"], ["b", "c", "y"])
    b = ItemCF().fit(dict(reversed(list(LOG.items())))).score(["a", "x"], ["b", "c", "y"])
    np.testing.assert_allclose(a, b, rtol=1e-6)
