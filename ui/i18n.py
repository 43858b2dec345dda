"""The page's texts in the user's language, from one catalogue: prompts/ui.yaml.

The page follows the conversation: the language of the latest turn (chat.text.detect_language, as
the recommender reads it) picks every label, button, placeholder, status line and panel text.
Before the first message it follows the browser's Accept-Language.

Example:
    >>> text("page.send", "zh")
    '发送'
    >>> text("status.ranking", "en", model="qwen")
    'Ranking with the language model (qwen)… the list below may still change.'
"""
from __future__ import annotations

from typing import Any

from chat.instruction import Language
from prompts import load, render, template_text

CATALOGUE = "ui"
LANGUAGES: tuple[Language, ...] = ("en", "zh")


def lang_of(value: Any) -> Language:
    """A supported language code: "zh" for any Chinese variant, else "en"."""
    return "zh" if isinstance(value, str) and value.lower().startswith("zh") else "en"


def text(key: str, lang: str, **variables: Any) -> str:
    """One text of the catalogue in `lang`, rendered strictly (a missing variable is an error)."""
    return render(CATALOGUE, key, lang=lang_of(lang), **variables)


def raw(key: str, lang: str) -> str:
    """A text as written, spaces kept (a separator such as ", "); no variables."""
    return template_text(CATALOGUE, key, lang_of(lang))


def examples(lang: str) -> list[str]:
    """The example requests shown under the input."""
    return list(load(CATALOGUE)["examples"][lang_of(lang)])


def browser_language(accept_language: str | None) -> Language:
    """The page's first language from the browser's Accept-Language header: the first of its
    languages that we have ("zh-CN,zh;q=0.9,en;q=0.8" -> "zh"; "fr,en" -> "en"; none -> "en")."""
    for part in (accept_language or "").split(","):
        code = part.split(";")[0].strip().lower()
        if code.startswith("zh"):
            return "zh"
        if code.startswith("en"):
            return "en"
    return "en"
