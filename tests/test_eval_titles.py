"""The title-recognition sweep's generated messages (python -m evaluation.titles)."""
from __future__ import annotations

import random

from evaluation.titles import FORMS, messages, slip


def test_slip_drops_one_inner_letter_of_a_long_word():
    for seed in range(20):
        out = slip("crimson tide", random.Random(seed))
        assert out is not None and len(out) == len("crimson tide") - 1
        assert out.endswith(" tide") and out[0] == "c" and out.split()[0][-1] == "n"


def test_a_title_with_no_long_word_has_no_slip():
    assert slip("heat", random.Random(0)) is None
    assert "slip_like" not in dict(messages("Heat", [], random.Random(0)))


def test_every_form_is_generated_for_a_film_with_a_chinese_title():
    got = dict(messages("The Fugitive", ["亡命天涯"], random.Random(3)))
    assert set(got) == set(FORMS)
    assert got["zh"] == "有没有类似《亡命天涯》的电影"
    assert got["no_article"] == "something like fugitive"
