"""The reasons audit (evaluation/reasons.py) on the tiny catalog: every card's reason is checked and
counted by who wrote it; the audit's own precision comes from a hand-labelled sample."""
from __future__ import annotations

from chat.parser import RuleRewriter
from evaluation.reasons import audit, conversations, precision, summary
from fakes import FakeLLM
from recommender.pipeline import Recommender
from recommender.rank import LLMRanker


def test_audit_counts_every_card_and_who_wrote_its_reason(catalog, index):
    rec = Recommender(catalog, index, rewriter=RuleRewriter(),
                      ranker=LLMRanker(FakeLLM(default="2,1 | 7"), timeout_s=5.0, mode="facts"), llm_reorders=False)
    triples, times = audit(rec, [["90s comedies under 100 minutes", "older ones"], ["九十年代的喜剧"]])
    s = summary(triples, times)
    assert s["turns"] == 3 and s["reasons"] == len(triples) > 0
    assert s["model"]["shown"] > 0 and s["model"]["with problems"] == 0 and s["template"]["with problems"] == 0
    assert s["model reasons kept"] == 1.0


def test_the_shipped_script_has_enough_turns_for_300_triples():
    convs = conversations()
    assert len(convs) >= 30 and sum(len(c) for c in convs) * 8 >= 300
    assert sum(any("\u4e00" <= ch <= "\u9fff" for ch in " ".join(c)) for c in convs) >= 10  # Chinese ones too


def test_precision_against_hand_labels(tmp_path):
    f = tmp_path / "labels.tsv"
    f.write_text("request\ttitle\tby\treason\tproblems\tbad\n"
                 "a\tA\tmodel\tnot a comedy\tsays what it is not\t1\n"
                 "b\tB\tmodel\tfits perfectly\tsays nothing specific\t0\n"
                 "c\tC\tmodel\ta 1995 comedy\t\t0\n"
                 "d\tD\tmodel\tmatches it\t\t1\n", encoding="utf-8")
    p = precision(f)
    assert p["labelled"] == 4 and p["precision"] == 0.5 and p["recall"] == 0.5 and p["agreement"] == 0.5


def test_sessions_at_once_keep_every_model_reason_they_showed(catalog, index):
    rec = Recommender(catalog, index, rewriter=RuleRewriter(),
                      ranker=LLMRanker(FakeLLM(default="2,1"), timeout_s=5.0, mode="facts"), llm_reorders=False)
    convs = [["90s comedies under 100 minutes", "older ones"], ["九十年代的喜剧", "短一点的"], ["a sci-fi film"]]
    triples, times = audit(rec, convs, sessions=3)
    s = summary(triples, times)
    assert s["turns"] == 5 and s["turns with model reasons"] > 0
    assert s["turns that lost shown model reasons"] == 0


def test_a_turn_whose_final_cards_drop_a_shown_model_reason_is_counted(catalog, index):
    real = Recommender(catalog, index, rewriter=RuleRewriter(),
                       ranker=LLMRanker(FakeLLM(default="2,1"), timeout_s=5.0, mode="facts"), llm_reorders=False)

    class Forgetful:  # shows the model's reasons on the way, then ends on the fast list's reasons
        def respond(self, state, text):
            results = list(real.respond(state, text))
            yield from results[:-1]
            yield results[-1].model_copy(update={"recommendations": results[0].recommendations})

    s = summary(*audit(Forgetful(), [["90s comedies under 100 minutes"]]))
    assert s["turns that lost shown model reasons"] == 1
