"""Prompts are data: YAML files in this folder, rendered strictly with Jinja.

May import: nothing of the project (ground floor). Imported by: chat, recommender, ui.

Each file maps template keys to text, usually one entry per language:
    # prompts/rank.yaml
    system:
      en: "You rank {{ n }} candidate items ..."
      zh: "你要为 {{ n }} 个候选 ..."
`render("rank", "system", lang="en", n=10)` renders one; a missing variable raises
`jinja2.UndefinedError` (StrictUndefined), so a typo in a template can never ship silently.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
import yaml

PROMPTS_DIR = Path(__file__).parent
_ENV = jinja2.Environment(undefined=jinja2.StrictUndefined, keep_trailing_newline=False, autoescape=False)


class PromptNotFound(KeyError):
    pass


@lru_cache(maxsize=None)
def load(name: str) -> dict[str, Any]:
    """The parsed YAML of prompts/<name>.yaml."""
    path = PROMPTS_DIR / f"{name}.yaml"
    if not path.exists():
        raise PromptNotFound(f"No prompt file prompts/{name}.yaml")
    with open(path, encoding="utf-8") as f:
        return yaml.safe_load(f)


def template_text(name: str, key: str, lang: str | None = None) -> str:
    entry = load(name)
    for part in key.split("."):
        if not isinstance(entry, dict) or part not in entry:
            raise PromptNotFound(f"No template '{key}' in prompts/{name}.yaml")
        entry = entry[part]
    if isinstance(entry, dict):
        if lang is None or lang not in entry:
            raise PromptNotFound(f"Template '{key}' in prompts/{name}.yaml has no language '{lang}'")
        entry = entry[lang]
    if not isinstance(entry, str):
        raise PromptNotFound(f"Template '{key}' in prompts/{name}.yaml is not text")
    return entry


@lru_cache(maxsize=4096)
def _compiled(text: str) -> jinja2.Template:
    # Compiling costs ~1 ms; a turn renders dozens of templates (a reason per item), so compile once.
    return _ENV.from_string(text)


def render(name: str, key: str, lang: str | None = None, **variables: Any) -> str:
    """Render one template strictly. Example: render("reasons", "genre_match", lang="zh", genre="喜剧")"""
    return _compiled(template_text(name, key, lang)).render(**variables).strip()
