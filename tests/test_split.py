"""Leave-one-out split and negative sampling on a tiny synthetic log with known answers."""
import pytest

from evaluation.split import (
    leave_one_out,
    make_cases,
    sample_candidates,
    sample_users,
    training_sequences,
)

LOG = {
    "1": ["a", "b", "c", "d", "e"],
    "2": ["b", "c", "f"],
    "3": ["a", "g", "h", "i"],
    "4": ["z", "y"],  # too short: needs history + valid + test
}
UNIVERSE = list("abcdefghijklmnopqrstuvwxyz")


def test_last_item_is_test_one_before_is_valid_rest_is_history():
    s = leave_one_out(LOG)
    assert set(s) == {"1", "2", "3"}  # user 4 has no history part
    assert (s["1"].history, s["1"].valid, s["1"].test) == (["a", "b", "c"], "d", "e")
    assert s["1"].input_for("valid") == ["a", "b", "c"]
    assert s["1"].input_for("test") == ["a", "b", "c", "d"]


def test_training_data_never_contains_any_users_targets():
    splits = leave_one_out(LOG)
    train = training_sequences(splits)
    for u, sp in splits.items():
        assert sp.valid not in train[u] and sp.test not in train[u]
        assert train[u] == LOG[u][:-2]
    # the test input of a user never contains the test target or anything after it
    for case in make_cases(splits, UNIVERSE, n_neg=3, seed=0):
        assert case.target not in case.history


@pytest.mark.parametrize("n_neg", [9, 19])
def test_negatives_are_never_items_the_user_rated(n_neg):
    splits = leave_one_out(LOG)
    for seed in range(5):
        for case in make_cases(splits, UNIVERSE, n_neg=n_neg, seed=seed):
            negatives = [c for c in case.candidates if c != case.target]
            assert len(negatives) == n_neg and len(set(case.candidates)) == n_neg + 1
            assert not set(negatives) & set(LOG[case.user_id])


def test_same_seed_same_candidates_other_seed_other_candidates():
    splits = leave_one_out(LOG)
    a = sample_candidates(splits["1"], UNIVERSE, 9, seed=1)
    assert a == sample_candidates(splits["1"], UNIVERSE, 9, seed=1)
    assert a != sample_candidates(splits["1"], UNIVERSE, 9, seed=2)
    # a user's candidates do not depend on which other users are evaluated
    only_1 = make_cases(splits, UNIVERSE, 9, seed=1, users=["1"])[0]
    assert only_1.candidates == a


def test_target_position_is_shuffled():
    log = {str(u): [f"h{u}", f"v{u}", "a"] for u in range(200)}
    splits = leave_one_out(log)
    positions = {c.candidates.index("a") for c in make_cases(splits, UNIVERSE, 9, seed=0)}
    assert len(positions) == 10  # the target shows up in every slot, not always first


def test_users_whose_target_is_not_in_the_catalog_are_skipped():
    splits = leave_one_out({"1": ["a", "b", "UNKNOWN"], "2": ["a", "b", "c"]})
    assert [c.user_id for c in make_cases(splits, UNIVERSE, 3, seed=0)] == ["2"]


def test_sample_users_is_reproducible_and_sorted_naturally():
    ids = [str(i) for i in range(1, 944)]
    a = sample_users(ids, 50, seed=0)
    assert a == sample_users(ids, 50, seed=0) and len(a) == 50
    assert a == sorted(a, key=int)
    assert sample_users(ids, None, seed=0)[:3] == ["1", "2", "3"]


def test_not_enough_unrated_items_is_a_clear_error():
    splits = leave_one_out({"1": ["a", "b", "c"]})
    with pytest.raises(ValueError, match="unrated items"):
        sample_candidates(splits["1"], ["a", "b", "c", "d"], 5, seed=0)
