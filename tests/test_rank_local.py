"""The LLM ranker with the real 1.5B model on 8 real candidates, English and Chinese (slow)."""
from __future__ import annotations

import re

import pytest

from chat.instruction import Instruction
from lm.llamacpp import LlamaCppLLM
from recommender.grounding import holds
from recommender.rank import LLMRanker
from recommender.types import Candidate

pytestmark = [pytest.mark.slow, pytest.mark.model]

CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def ranker() -> LLMRanker:
    llm = LlamaCppLLM(size="1.5b")
    llm.load()
    ranker = LLMRanker(llm, timeout_s=300)  # the default head (6 of the 8 cards); generous timeout: CI may be busy
    assert ranker.warm()
    return ranker


@pytest.fixture
def candidates(tiny_items) -> list[Candidate]:
    return [Candidate(item=item, score=1 - i / 10) for i, item in enumerate(tiny_items[:8])]


@pytest.mark.parametrize(
    ("lang", "text"),
    [("en", "a funny animated movie for kids"), ("zh", "适合孩子看的搞笑动画片")],
)
def test_real_model_ranks_only_candidates_with_reasons_in_the_users_language(ranker, candidates, lang, text):
    updates = list(ranker.rank(Instruction(language=lang), candidates, instruction_text=text))
    final = updates[-1]
    ids = [c.item.id for c in candidates]
    assert final.done and final.ranked_by == "llm", final.notes
    assert sorted(final.order) == sorted(ids)
    assert all(sorted(u.order) == sorted(ids) for u in updates)
    # Item mode asks once per head item (6); a reason that claims what its item is not is refused.
    assert len(final.reasons) + final.refused >= 5 and len(final.reasons) >= 1, final
    assert final.order[6:] == ids[6:]  # the cards after the head keep their fast place
    by_id = {c.item.id: c.item for c in candidates}
    assert all(holds(r, by_id[i], text) for i, r in final.reasons.items()), final.reasons  # each shown reason is true
    with_cjk = sum(bool(CJK.search(r)) for r in final.reasons.values())
    if lang == "zh":
        assert with_cjk >= len(final.reasons) - 1
    else:
        assert with_cjk == 0
    # Reasons stream: the first one arrives in an update before the final one.
    assert any(u.reasons and not u.done for u in updates)
    # The request is for a kids' animation: Toy Story (the only animated candidate) is in the top 3.
    toy = next(c.item.id for c in candidates if c.item.title == "Toy Story")
    assert toy in final.order[:3]
