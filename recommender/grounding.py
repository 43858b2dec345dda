"""Is a model-written reason true of its item? A reason may only claim what the catalog says.

The LLM ranker's 1.5B model writes fluent but sometimes false reasons ("129-minute sci-fi comedy
made for kids" for Twelve Monkeys, a drama), or parrots the request back ("评分高的经典剧情片").
Before a reason reaches a card it is checked here; one that fails is replaced by the template
reason (recommender/rank.py), so a card never shows a made-up attribute.

A reason is kept when:
- it names at least one true attribute of the item (a genre, the year or its decade, the runtime,
  the rating): grounded;
- every genre it names is one of the item's genres, unless negated ("not a thriller", "不是恐怖片");
  "children's" is not checked ("fine for kids" is an opinion, not a genre claim);
- every year, decade ("1990s", "90年代"), runtime ("129-minute", "129分钟") and rating ("8.6")
  it names is the item's own (runtime within a minute, rating within 0.05);
- it is not the request said back (fuzzy ratio >= 85 after removing spaces and punctuation).

Example:
    problems("129-minute sci-fi comedy made for kids", twelve_monkeys)  # drama, sci-fi; 129 min
    -> ["genre comedy"]
    problems("1995 sci-fi drama, dark and long", twelve_monkeys) -> []
    is_grounded("a fun night out", twelve_monkeys) -> False  (names nothing true)
"""
from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import fuzz

from catalog.genres import claims
from catalog.item import Item


@lru_cache(maxsize=1)
def _genre_claims() -> tuple[list[tuple[str, re.Pattern[str]]], list[tuple[str, re.Pattern[str]]]]:
    """(English, Chinese) patterns of the words that claim each genre (catalog/genres.yaml `claims`:
    nouns and the adjectives that plainly mean the genre; "family"/"kids" left out on purpose)."""
    return ([(g, re.compile(rf"\b(?:{p})\b", re.I)) for g, p in claims("en").items()],
            [(g, re.compile(p)) for g, p in claims("zh").items()])
# A genre word preceded by one of these (within a few words / characters) is negated, not claimed.
_NEG_EN = re.compile(r"\b(?:not|no|nor|neither|nothing|unlike|far from|isn'?t|without|rather than|instead of|lacks?|never|hardly|less)\b(?:\W+\w+){0,3}\W*$", re.I)
_NEG_ZH = re.compile(r"[不没非无别][^，。,.;；]{0,4}$")

_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)(?!'?s\b)(?!年代)(?!\s*(?:min|分钟))")
_DECADE = re.compile(r"(?<![\d.])(?:(1[89]|20)?(\d)0\s*(?:'?s\b|年代))")
_RUNTIME = re.compile(r"(?<![\d.])(\d{2,3})\s*-?\s*(?:minutes?|mins?\b|分钟)", re.I)
_RATING = re.compile(r"(?<![\d.])(\d\.\d)(?![\d])")
_PUNCT = re.compile(r"[\W_]+")


def _negated(before: str, zh: bool) -> bool:
    return bool((_NEG_ZH if zh else _NEG_EN).search(before))


def claimed_genres(reason: str) -> set[str]:
    """Genres the reason claims (negated mentions left out), in English or Chinese.

    Example: claimed_genres("a 1995 comedy, not a thriller") -> {"comedy"}
    """
    out = set()
    claims_en, claims_zh = _genre_claims()
    for genre, pattern in claims_en:
        if any(not _negated(reason[: m.start()], False) for m in pattern.finditer(reason)):
            out.add(genre)
    for genre, pattern in claims_zh:
        if any(not _negated(reason[: m.start()], True) for m in pattern.finditer(reason)):
            out.add(genre)
    return out


def _decade_of(match: re.Match) -> int:
    century = match.group(1)
    digit = int(match.group(2))
    if century:
        return int(century) * 100 + digit * 10
    return (2000 if digit <= 2 else 1900) + digit * 10


def problems(reason: str, item: Item, request: str = "") -> list[str]:
    """What in `reason` is not true of `item` (empty: nothing found). See the module docstring."""
    found = []
    genres = set(item.genres)
    for genre in sorted(claimed_genres(reason) - genres):
        found.append(f"genre {genre}")
    years = {int(y) for y in _YEAR.findall(reason)}
    if years - ({item.year} if item.year else set()):
        found.append(f"year {sorted(years)}")
    for m in _DECADE.finditer(reason):
        if not item.year or _decade_of(m) != item.year // 10 * 10:
            found.append(f"decade {m.group(0).strip()}")
    for m in _RUNTIME.finditer(reason):
        if not item.runtime or abs(int(m.group(1)) - item.runtime) > 1:
            found.append(f"runtime {m.group(1)}")
    for m in _RATING.finditer(reason):
        if item.rating is None or abs(float(m.group(1)) - float(item.rating)) > 0.05:
            found.append(f"rating {m.group(1)}")
    if request and _parrots(reason, request):
        found.append("repeats the request")
    return found


def _parrots(reason: str, request: str) -> bool:
    a, b = _PUNCT.sub("", reason.lower()), _PUNCT.sub("", request.lower())
    return bool(a) and bool(b) and (a in b or fuzz.ratio(a, b) >= 85)


def is_grounded(reason: str, item: Item) -> bool:
    """Does the reason name at least one true attribute (genre, year or decade, runtime, rating)?"""
    if claimed_genres(reason) & set(item.genres):
        return True
    if item.year and (str(item.year) in reason or any(_decade_of(m) == item.year // 10 * 10 for m in _DECADE.finditer(reason))):
        return True
    if item.runtime and any(abs(int(m.group(1)) - item.runtime) <= 1 for m in _RUNTIME.finditer(reason)):
        return True
    if item.rating is not None and any(abs(float(m.group(1)) - float(item.rating)) <= 0.05 for m in _RATING.finditer(reason)):
        return True
    # Genres named in the item's own words (a catalog genre outside the word lists, e.g. a book's).
    low = reason.lower()
    return any(len(g) > 2 and g.lower() in low for g in item.genres)


def holds(reason: str, item: Item, request: str = "") -> bool:
    """Keep this reason? Grounded and with no false claim. Example: holds("1995 comedy", toy_story) -> True"""
    return is_grounded(reason, item) and not problems(reason, item, request)
