"""Metrics against values computed by hand, and the answer checks an LLM ranker needs."""
import math

import pytest

from evaluation.metrics import aggregate, clean_answer, rank_by_scores, score_answer

CANDS = [str(i) for i in range(20)]  # target "0" among 19 negatives (the N = 19 protocol)


@pytest.mark.parametrize(
    "rank, hr1, hr3, hr5, hr10, ndcg3, ndcg5, ndcg10, mrr",
    [
        (1, 1, 1, 1, 1, 1.0, 1.0, 1.0, 1.0),
        (2, 0, 1, 1, 1, 1 / math.log2(3), 1 / math.log2(3), 1 / math.log2(3), 0.5),
        (4, 0, 0, 1, 1, 0.0, 1 / math.log2(5), 1 / math.log2(5), 0.25),
        (10, 0, 0, 0, 1, 0.0, 0.0, 1 / math.log2(11), 0.1),
        (11, 0, 0, 0, 0, 0.0, 0.0, 0.0, 1 / 11),
        (20, 0, 0, 0, 0, 0.0, 0.0, 0.0, 0.05),
    ],
)
def test_metrics_match_hand_computed_values(rank, hr1, hr3, hr5, hr10, ndcg3, ndcg5, ndcg10, mrr):
    answer = [c for c in CANDS if c != "0"]
    answer.insert(rank - 1, "0")
    m = score_answer(answer, "0", CANDS).metrics()
    assert (m["HR@1"], m["HR@3"], m["HR@5"], m["HR@10"]) == (hr1, hr3, hr5, hr10)
    assert m["NDCG@3"] == pytest.approx(ndcg3)
    assert m["NDCG@5"] == pytest.approx(ndcg5)
    assert m["NDCG@10"] == pytest.approx(ndcg10)
    assert m["MRR"] == pytest.approx(mrr)


def test_perfect_ranker_scores_one_and_reversed_ranker_scores_the_last_rank():
    users = [(f"t{u}", [f"t{u}"] + [f"n{u}_{j}" for j in range(19)]) for u in range(5)]
    perfect = aggregate([score_answer(c, t, c) for t, c in users])
    assert all(perfect[k] == 1.0 for k in ("HR@1", "HR@10", "NDCG@3", "NDCG@10", "MRR"))
    reversed_ = aggregate([score_answer(c[::-1], t, c) for t, c in users])
    assert reversed_["HR@10"] == 0.0 and reversed_["NDCG@10"] == 0.0
    assert reversed_["MRR"] == pytest.approx(1 / 20)


def test_answers_outside_the_candidates_and_repeats_are_counted_and_dropped():
    cleaned, invalid, dup = clean_answer(["3", "99", "3", "1", "abc"], ["1", "2", "3"])
    assert cleaned == ["3", "1"] and invalid == 2 and dup == 1
    o = score_answer(["99", "2", "2", "1"], "1", ["1", "2", "3"])
    assert o.rank == 2  # "99" and the repeated "2" do not push the target down
    agg = aggregate([o, score_answer(["1"], "1", ["1", "2"])])
    assert agg["invalid_share"] == 0.5 and agg["duplicate_share"] == 0.5


def test_a_target_left_out_of_the_answer_is_a_miss():
    o = score_answer(["2", "3"], "1", ["1", "2", "3"])
    assert o.rank is None and o.metrics()["MRR"] == 0.0 and o.metrics()["HR@10"] == 0.0
    assert aggregate([o])["missing_share"] == 1.0


def test_target_not_among_candidates_is_a_broken_split():
    with pytest.raises(ValueError, match="split is broken"):
        score_answer(["1"], "9", ["1", "2"])


def test_rank_by_scores_keeps_the_given_order_on_ties():
    assert rank_by_scores(["a", "b", "c"], [0.0, 1.0, 0.0]) == ["b", "a", "c"]
    with pytest.raises(ValueError, match="NaN"):
        rank_by_scores(["a"], [float("nan")])
    with pytest.raises(ValueError, match="scores for"):
        rank_by_scores(["a", "b"], [1.0])


def test_aggregate_of_nothing_says_why():
    with pytest.raises(ValueError, match="no outcomes"):
        aggregate([])
