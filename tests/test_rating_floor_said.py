"""A modest rating floor said as "not too low" in more ways: "评分别太低" was read, but "分数别太低",
"评分不能太低的科幻片", "不要评分太低的", "nothing with terrible ratings" and "no badly rated ones" were not
(left as unread words, no floor)."""
from __future__ import annotations

import pytest

from catalog.item import Item
from chat.lexicon import RATING_DECENT
from tests.parser_kit import parse, vocab_fixture

vocab = vocab_fixture([Item(id="1", title="Alien", year=1979, genres=("sci-fi", "horror"), rating=8.4)])


@pytest.mark.parametrize("text", ["分数别太低", "评分不能太低的科幻片", "不要评分太低的", "评分低的就算了", "口碑别太差",
                                  "nothing with terrible ratings", "no badly rated ones please",
                                  "sci-fi but nothing with really bad reviews"])
def test_not_too_low_is_a_modest_floor(vocab, text):
    ins = parse(vocab, text)
    assert ins.constraints.min_rating == RATING_DECENT
    assert not ins.unread


@pytest.mark.parametrize("text", ["a comedy, not too bad", "the bad guys win", "low budget horror"])
def test_other_uses_of_the_words_set_no_floor(vocab, text):
    assert parse(vocab, text).constraints.min_rating is None
