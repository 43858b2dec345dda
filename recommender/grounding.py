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
- it is not the request said back (fuzzy ratio >= 85 after removing spaces and punctuation), nor
  copies four words (six Chinese characters) of it, nor says "matches your request";
- it denies none of the item's facts ("not a comedy" on a comedy, "not from the 90s" on a 1996
  film, "not family-friendly" on a PG film);
- it says nothing against the pick ("but not the best", "mediocre", "we already saw it", "看过了");
- it is not cut off mid-phrase, does not repeat itself, and is in the request's language.

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
_ZH_DIGITS = "零一二三四五六七八九"
_DECADE_ZH = re.compile(r"([一二三四五六七八九])十年代")
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
    for m in _DECADE_ZH.finditer(reason):  # "九十年代"
        if not _negated(reason[: m.start()], True) and \
                (not item.year or 1900 + _ZH_DIGITS.index(m.group(1)) * 10 != item.year // 10 * 10):
            found.append(f"decade {m.group(0)}")
    for m in _RUNTIME.finditer(reason):
        if not item.runtime or abs(int(m.group(1)) - item.runtime) > 1:
            found.append(f"runtime {m.group(1)}")
    for m in _RATING.finditer(reason):
        if item.rating is None or abs(float(m.group(1)) - float(item.rating)) > 0.05:
            found.append(f"rating {m.group(1)}")
    if request and _parrots(reason, request):
        found.append("repeats the request")
    found += [f"negates its {what}" for what in negated_facts(reason, item)]
    found += style_problems(reason, request)
    return found


# Saying something bad of a pick, or that the user has seen it, defeats the reason for showing it.
_EVALUATIVE_EN = re.compile(
    r"\b(?:not (?:the|as|that|very|so|too|really|particularly) (?:best|good|great|strong|funny|memorable)|not (?:good|great|"
    r"the best)|mediocre|overrated|disappointing|forgettable|worst|boring|dull|bad|weak|meh|so-so|"
    r"(?:already|have|you'?ve|we'?ve|you) (?:seen|watched|saw)|already seen|seen it|watched it)\b", re.I)
_EVALUATIVE_ZH = re.compile(r"不是最好|不算好|一般般|不怎么样|不太好|很差|无聊|烂|平庸|看过了|已经看过|你看过|我们看过|不够好|不是很好")
# Reasons that describe the request instead of the item.
_ECHO = re.compile(r"\b(?:matches|fits|as per|per) (?:your |the )?(?:request|query|search|words?)\b|[“\"«]|"
                   r"\bmatch(?:es|ing)?\s*['‘]|(?:^|\s)'[^']{3,}'|符合“|符合‘|符合你说的", re.I)
_CUT_EN = re.compile(r"(?:[,;:(\-–—/]|\b(?:and|or|with|a|an|the|but|its|which|whose|than))\s*$", re.I)
_CUT_ZH = re.compile(r"[，、；：（(和与及或但]\s*$")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_COMMON = {"film", "films", "movie", "movies", "this", "that", "with", "list", "from", "than", "which"}
_WORD = re.compile(r"[a-z']+|[\u4e00-\u9fff]", re.I)


def negated_facts(reason: str, item: Item) -> list[str]:
    """Facts of the item the reason denies: "not a comedy" on a comedy, "not from the 90s" on a
    1996 film, "not family-friendly" on a G/PG film, "不是喜剧" on a comedy."""
    out: list[str] = []
    claims_en, claims_zh = _genre_claims()
    for genre, pattern in [*claims_en, *claims_zh]:
        zh = pattern in [p for _g, p in claims_zh]
        if genre in item.genres and any(_negated(reason[: m.start()], zh) for m in pattern.finditer(reason)):
            out.append(f"genre {genre}")
    if item.year:
        for m in _DECADE.finditer(reason):
            before = reason[: m.start()]
            if _decade_of(m) == item.year // 10 * 10 and _negated(before, bool(_CJK.search(m.group(0)))):
                out.append("decade")
    if (item.mpaa or "").upper() in ("G", "PG") and re.search(
            r"\bnot (?:\w+ )?(?:family[- ]friendly|for (?:the )?(?:family|kids|children))|不适合(?:全家|孩子|小孩)", reason, re.I):
        out.append("rating for families")
    return out


# A reason says what the pick is, never what it is not: a negation or a contrast in a written reason
# is where the small model says something against its own pick ("not for a date night", "但太长了").
_CONTRAST_EN = re.compile(r"\b(?:not|no|never|nor|nothing|neither|unlike|far from|instead of|rather than|isn'?t|aren'?t|wasn'?t|doesn'?t|don'?t|lacks?|without|but|"
                          r"although|though|however|yet|too|only if|unless)\b", re.I)
_CONTRAST_ZH = re.compile(r"不|没|但|却|可惜|虽然|然而|太长|太短|太老")
# Filler that says nothing about the item ("fits perfectly", "不错"): a reason needs a specific part.
_FILLER = re.compile(r"\b(?:fits? (?:perfectly|well|the bill|your request)|perfect (?:fit|match|pick|choice)|"
                     r"great (?:pick|choice|fit|match)|good (?:pick|choice|fit|match)|a must[- ]see|highly recommended|"
                     r"you'?ll love it|matches your request|as requested|fits)\b|不错|很好|符合要求|很符合|符合|值得一看|推荐|很棒",
                     re.I)


def written_problems(reason: str) -> list[str]:
    """Checks only for reasons a model wrote (the templates are true by construction): no negation
    or contrast, and something specific beyond filler."""
    out = []
    if _CONTRAST_EN.search(reason) or _CONTRAST_ZH.search(reason):
        out.append("says what it is not")
    rest = _FILLER.sub(" ", reason)
    rest = re.sub(r"(?:1[89]|20)\d\d(?:'s)?|\d+(?:\.\d)?|-?minutes?|mins?|年的?|分钟的?|分|评分|imdb|rated|rating|film|movie|"
                  r"[\W_]+", " ", rest, flags=re.I)
    claims_en, claims_zh = _genre_claims()
    for _g, pattern in [*claims_en, *claims_zh]:
        rest = pattern.sub(" ", rest)
    if len(re.findall(r"[a-z]{3,}", rest, re.I)) + len(_CJK.findall(rest)) // 2 < 2:
        out.append("says nothing specific")
    return out


def style_problems(reason: str, request: str = "") -> list[str]:
    """What makes a line a bad reason whatever the item: a bad word about the pick or "already seen",
    an echo of the request, cut off mid-phrase, repeating itself, or in the wrong language."""
    out: list[str] = []
    text = reason.strip()
    if _EVALUATIVE_EN.search(text) or _EVALUATIVE_ZH.search(text):
        out.append("speaks against the pick")
    if (_ECHO.search(text) or (request and _copies(text, request))) and not (request and _parrots(text, request)):
        out.append("echoes the request")
    if not text or _CUT_EN.search(text) or _CUT_ZH.search(text):
        out.append("cut off")
    words = [w.lower() for w in re.findall(r"[a-z']+", text, re.I)]
    content = [w for w in words if len(w) > 3 and w not in _COMMON]
    counts = {w: content.count(w) for w in set(content)}
    grams = [" ".join(words[i:i + 3]) for i in range(len(words) - 2)]
    cjk = "".join(_CJK.findall(text))
    cgrams = [cjk[i:i + 5] for i in range(len(cjk) - 4)]
    pairs = [f"{a} {b}" for a, b in zip(words, words[1:]) if a in counts and b in counts]
    if any(c >= 4 for c in counts.values()) or len(grams) != len(set(grams)) or len(cgrams) != len(set(cgrams)) \
            or len(pairs) != len(set(pairs)):
        out.append("repeats itself")
    want_zh = bool(_CJK.search(request)) if request else None
    if want_zh is not None:
        letters = len(re.findall(r"[a-z]", text, re.I))
        cjk = len(_CJK.findall(text))
        if want_zh and cjk < max(2, letters // 6):
            out.append("wrong language")
        if not want_zh and cjk > 0:
            out.append("wrong language")
    return out


def _copies(reason: str, request: str) -> bool:
    """Five words in a row (English) or eight characters (Chinese) taken from the request; words of
    titles (capitalised in the reason, in 《》 in Chinese) do not count: naming a film is no echo."""
    plain = re.sub(r"《[^》]*》", " ", reason)
    kept = " ".join(w.lower() for w in re.findall(r"[A-Za-z']+", plain) if not w[:1].isupper())
    words = re.findall(r"[a-z']+", request.lower())
    if any(" ".join(words[i:i + 5]) in kept for i in range(len(words) - 4)):
        return True
    chars = "".join(_CJK.findall(request))
    mine = "".join(_CJK.findall(plain))
    return any(chars[i:i + 8] in mine for i in range(len(chars) - 7))


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
    """Keep this model-written reason? Grounded, no false claim, no problem of style, nothing it is
    not, something specific. Example: holds("1995 comedy about toys that come alive", toy_story) -> True"""
    return is_grounded(reason, item) and not problems(reason, item, request) and not written_problems(reason)
