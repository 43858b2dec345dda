"""The genre vocabulary (catalog/genres.yaml): names, the words users say, the words that claim a
genre, as data in one place. Read by the rule parser, the grounding checker, the reasons and
replies, and the loaders; nobody keeps a copy.

Example:
    genre_name("documentary", "zh")         # -> "纪录片"
    genre_name("cozy mystery", "zh")        # -> "cozy mystery" (not in the vocabulary: unchanged)
    [g.key for g in vocabulary()][:3]       # -> ["action", "adventure", "animation"]
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

GENRES_FILE = Path(__file__).with_name("genres.yaml")


@dataclass(frozen=True)
class Genre:
    """One canonical genre. `says`/`claims` map a language ("en", "zh") to words (see genres.yaml)."""

    key: str
    names: dict[str, str]
    says: dict[str, tuple[str, ...]] = field(default_factory=dict)
    claims: dict[str, str] = field(default_factory=dict)
    describe: str | None = None
    imdb: str | None = None

    def name(self, lang: str) -> str:
        return self.names.get(lang) or self.names.get("en") or self.key


@lru_cache(maxsize=1)
def vocabulary() -> tuple[Genre, ...]:
    """Every genre of genres.yaml, in file order (read once)."""
    with open(GENRES_FILE, encoding="utf-8") as f:
        raw = yaml.safe_load(f)
    return tuple(
        Genre(
            key=key,
            names=dict(entry["name"]),
            says={lang: tuple(words) for lang, words in (entry.get("says") or {}).items()},
            claims={lang: words for lang, words in (entry.get("claims") or {}).items() if words},
            describe=entry.get("describe"),
            imdb=entry.get("imdb"),
        )
        for key, entry in raw.items()
    )


@lru_cache(maxsize=1)
def _by_key() -> dict[str, Genre]:
    return {g.key: g for g in vocabulary()}


def genre(key: str) -> Genre | None:
    """The vocabulary entry of a catalog genre, or None for a genre the vocabulary lacks."""
    return _by_key().get(key.lower())


def genre_name(key: str, lang: str) -> str:
    """Display name of a catalog genre in `lang`; a genre outside the vocabulary keeps its own name."""
    g = genre(key)
    return g.name(lang) if g is not None else key


def says(lang: str) -> dict[str, tuple[str, ...]]:
    """{genre: the words users say for it} in `lang`, in vocabulary order; genres without words left out."""
    return {g.key: g.says[lang] for g in vocabulary() if g.says.get(lang)}


def claims(lang: str) -> dict[str, str]:
    """{genre: the regex that claims it in a reason} in `lang`."""
    return {g.key: g.claims[lang] for g in vocabulary() if lang in g.claims}


def imdb_columns() -> dict[str, str]:
    """{IMDb genre flag column: catalog genre}, e.g. {"Comedy": "comedy", "Short": "short"}."""
    return {g.imdb: g.key for g in vocabulary() if g.imdb}


def description_word(key: str) -> str:
    """The word an item description uses for a genre ("animation" -> "animated")."""
    g = genre(key)
    return (g.describe if g is not None and g.describe else key)
