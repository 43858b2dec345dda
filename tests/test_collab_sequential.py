"""The next-item models (SASRec, GRU4Rec) learn an obvious next-item pattern, are reproducible
by seed, stop early at their best validation epoch, and the validator's expected NDCG is the
average of what sampled negatives give."""
import numpy as np
import pytest

from recommender.sequential import GRU4Rec, NextItemModel, NextItemValidator, NotFittedError, SASRec

ITEMS = [str(i) for i in range(1, 13)]
# Everyone watches the items in the same order, starting somewhere: the next item is always i+1.
LOG = {f"u{s}_{r}": ITEMS[s : s + 6] for s in range(0, 6) for r in range(4)}


def small(seed=0, epochs=40):
    return SASRec(dim=16, n_blocks=1, max_len=6, epochs=epochs, lr=5e-3, dropout=0.0, seed=seed, threads=1)


def small_gru(seed=0, epochs=40):
    return GRU4Rec(dim=16, max_len=6, epochs=epochs, lr=5e-3, dropout=0.0, seed=seed, threads=1)


@pytest.mark.parametrize("make", [small, small_gru], ids=["sasrec", "gru4rec"])
def test_learns_the_next_item(make):
    m = make().fit(LOG)
    scores = m.score(["3", "4", "5"], ITEMS)
    assert ITEMS[int(np.argmax(scores))] == "6"
    assert m.losses[-1] < m.losses[0]


def test_early_stopping_keeps_the_best_epoch_and_records_the_curve():
    script = iter([0.10, 0.30, 0.25, 0.29, 0.20, 0.9, 0.9])  # best after epoch 2, then 3 without a gain
    seen = {}

    def validate(model):
        score = next(script)
        seen[len(seen) + 1] = model.score(["3", "4"], ITEMS)
        return score

    m = small(epochs=7).fit(LOG, validate=validate)
    assert [e.valid for e in m.curve] == [0.10, 0.30, 0.25, 0.29, 0.20]  # stopped after patience=3
    assert m.best_epoch == 2
    np.testing.assert_allclose(m.score(["3", "4"], ITEMS), seen[2], rtol=1e-5)  # epoch 2's weights kept


def test_validator_equals_the_average_over_sampled_negatives():
    m = small(epochs=5).fit(LOG)
    inputs, targets = [["1", "2", "3"], ["4", "5"], ["7"]], ["4", "6", "9"]
    rated = [frozenset(i + [t]) for i, t in zip(inputs, targets)]
    exact = NextItemValidator(inputs, targets, rated, n_neg=4, universe=ITEMS)(m)
    rng = np.random.default_rng(0)
    draws = []
    for _ in range(4000):
        for h, t, r in zip(inputs, targets, rated):
            pool = [i for i in ITEMS if i not in r]
            cands = [t] + list(rng.choice(pool, 4, replace=False))
            s = m.score(h, cands)
            rank = int((s[1:] > s[0]).sum())
            draws.append(1 / np.log2(rank + 2) if rank < 10 else 0.0)
    assert abs(exact - float(np.mean(draws))) < 0.01


def test_saved_model_keeps_its_kind_curve_and_scores(tmp_path):
    m = small_gru(epochs=2).fit(LOG, validate=lambda model: 0.5)
    back = NextItemModel.load(m.save(tmp_path / "m.pt"))
    assert isinstance(back, GRU4Rec) and back.best_epoch == 1 and len(back.curve) == 2
    np.testing.assert_allclose(back.score(["1", "2"], ITEMS), m.score(["1", "2"], ITEMS), rtol=1e-5)


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


def test_ensemble_averages_standardised_members_and_round_trips(tmp_path):
    from recommender.sequential import Ensemble

    a, b = small(epochs=20).fit(LOG), small_gru(epochs=20).fit(LOG)
    ens = Ensemble([a, b])
    hist = ["3", "4", "5"]
    z = [(x - x.mean()) / x.std() for x in (m.all_logits([hist])[0] for m in (a, b))]
    np.testing.assert_allclose(ens.all_logits([hist])[0], (z[0] + z[1]) / 2, rtol=1e-5)
    assert ITEMS[int(np.argmax(ens.score(hist, ITEMS)))] == "6"  # both learned it, so does the average
    back = NextItemModel.load(ens.save(tmp_path / "ens.pt", fingerprint="f"), fingerprint="f")
    assert isinstance(back, Ensemble) and [m.kind for m in back.members] == ["sasrec", "gru4rec"]
    np.testing.assert_allclose(back.score(hist, ITEMS), ens.score(hist, ITEMS), rtol=1e-5)


@pytest.mark.parametrize("make", [small, small_gru], ids=["sasrec", "gru4rec"])
def test_update_learns_the_newest_transitions_and_keeps_the_old(make):
    # after fitting, the users who watched 1..6 go back to the start: "1" after "1".."6" (the
    # others' "7" came after "2".."6")
    m = make().fit(LOG)
    context = ITEMS[:6]
    before = m.score(context, ITEMS)
    newer = {u: list(s) + (["1"] if s == context else []) for u, s in LOG.items()}
    assert ITEMS[int(np.argmax(m.score(["3", "4", "5"], ITEMS)))] == "6"
    m.update(newer, epochs=10)
    after = m.score(context, ITEMS)
    rank = lambda scores, item: int((scores > scores[ITEMS.index(item)]).sum())
    assert rank(after, "1") < rank(before, "1")  # the new habit moved up
    assert after[ITEMS.index("1")] - after.max() > before[ITEMS.index("1")] - before.max() + 1.0
    assert ITEMS[int(np.argmax(m.score(["3", "4", "5"], ITEMS)))] == "6"  # the old pattern stays
    assert m.updates and m.updates[-1][0] == 10


def test_update_skips_items_the_model_never_saw_and_needs_a_fitted_model():
    m = small(epochs=5).fit(LOG)
    m.update({"u": ["1", "2", "new-film", "3"]}, epochs=1)  # no error: the unknown item is left out
    assert "new-film" not in m._pos
    with pytest.raises(NotFittedError):
        SASRec().update(LOG)
