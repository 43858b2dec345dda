"""A loaded catalog: items by id, genre vocabulary, fuzzy title lookup, popularity.

Example:
    >>> cat = Catalog("demo", [Item(id="12", title="The Usual Suspects", year=1995)])
    >>> cat.match_title("usual suspects, the (1995)")
    [('12', 100.0)]
"""
from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Iterator

from catalog.item import Item

# Trailing articles as MovieLens / IMDb write them: "Usual Suspects, The" -> "The Usual Suspects".
ARTICLES = ("the", "a", "an", "les", "la", "le", "l'", "il", "el", "der", "die", "das", "los",
            "las", "lo", "i", "gli", "un", "une", "det", "den")
_TRAILING_ARTICLE = re.compile(
    r"^(?P<body>.+?),\s*(?P<art>" + "|".join(re.escape(a) for a in ARTICLES) + r")\s*(?P<rest>(\(.*\))?)\s*$",
    re.IGNORECASE,
)
_YEAR_PARENS = re.compile(r"\s*\((1[89]\d\d|20\d\d)(/[IVX]+)?\)\s*$")


def display_title(raw: str) -> str:
    """'Usual Suspects, The' -> 'The Usual Suspects'; 'City of Lost Children, The (Cité ...)' too.

    Only moves an article that ends the main title (before any parenthetical alternate title).
    """
    text = " ".join(raw.split())
    m = _TRAILING_ARTICLE.match(text)
    if not m:
        return text
    art = m.group("art")
    art = art if art.endswith("'") else art + " "
    art = art[0].upper() + art[1:]
    rest = m.group("rest")
    return (art + m.group("body") + (" " + rest if rest else "")).strip()


def strip_year(title: str) -> str:
    """'Toy Story (1995)' -> 'Toy Story'."""
    return _YEAR_PARENS.sub("", title).strip()


def norm_title(text: str) -> str:
    """Canonical key for comparing titles: no accents, case, punctuation, articles moved.

    Example: norm_title("Usual Suspects, The (1995)") == norm_title("the usual suspects") ==
    "the usual suspects".
    """
    text = display_title(strip_year(text))
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = text.replace("&", " and ")
    text = re.sub(r"['’`]", "", text)  # "Schindler's" -> "schindlers", not "schindler s"
    text = re.sub(r"[^\w]+", " ", text, flags=re.UNICODE)
    return " ".join(text.split())


def title_variants(title: str) -> list[str]:
    """Normalised keys a title may be known by: the whole, the main part, the parenthetical.

    'Seven (Se7en)' -> ['seven se7en', 'seven', 'se7en'];
    'Shall We Dance? (Shall We Dansu?)' -> [..., 'shall we dance', 'shall we dansu'];
    'Cyclo (a.k.a. Xich lo)' -> [..., 'cyclo', 'xich lo'].
    """
    base = strip_year(" ".join(title.split()))
    keys = [norm_title(base)]
    m = re.match(r"^(?P<main>[^()]+?)\s*\((?P<alt>[^()]+)\)\s*$", base)
    if m:
        keys.append(norm_title(m.group("main")))
        alt = re.sub(r"^(a\.?k\.?a\.?|aka)\s+", "", m.group("alt").strip(), flags=re.IGNORECASE)
        keys.append(norm_title(alt))
    # an English "A"/"The" is often dropped by users: "usual suspects" finds the film
    for key in list(keys):
        parts = key.split(" ", 1)
        if len(parts) == 2 and parts[0] in ("the", "a", "an"):
            keys.append(parts[1])
    out: list[str] = []
    for key in keys:
        if key and key not in out:
            out.append(key)
    return out


class Catalog:
    """Items of one catalog, by id. `skipped` counts rows dropped by skip_bad loading.

    Iterating yields Items in load order; `in` and `get` take ids.
    """

    def __init__(self, name: str, items: Iterable[Item], *, skipped: int = 0,
                 source: str = "", notes: list[str] | None = None) -> None:
        self.name = name
        self.items: dict[str, Item] = {}
        for item in items:
            if item.id in self.items:
                raise ValueError(f"duplicate item id {item.id!r} in catalog {name!r}")
            self.items[item.id] = item
        self.skipped = skipped
        self.source = source
        self.notes = notes or []  # human-readable loading notes, e.g. the IMDb join coverage
        self._title_keys: dict[str, list[str]] | None = None
        self._choices: dict[str, str] | None = None
        self._pop: dict[str, float] | None = None
        self._genres: list[str] | None = None

    def __repr__(self) -> str:
        return f"Catalog({self.name!r}, {len(self)} items)"

    def __len__(self) -> int:
        return len(self.items)

    def __iter__(self) -> Iterator[Item]:
        return iter(self.items.values())

    def __contains__(self, item_id: object) -> bool:
        return item_id in self.items

    def get(self, item_id: str) -> Item | None:
        return self.items.get(item_id)

    def ids(self) -> list[str]:
        return list(self.items)

    def genres(self) -> list[str]:
        """Sorted genre vocabulary of the catalog, e.g. ['action', 'adventure', ...]."""
        if self._genres is None:
            self._genres = sorted({g for item in self for g in item.genres})
        return list(self._genres)

    # -- titles --------------------------------------------------------------------------
    def _index_titles(self) -> None:
        keys: dict[str, list[str]] = {}
        choices: dict[str, str] = {}
        for item in self:
            variants = title_variants(item.title)
            original = item.metadata.get("original_title")
            if isinstance(original, str):
                variants += [v for v in title_variants(original) if v not in variants]
            for n, key in enumerate(variants):
                keys.setdefault(key, []).append(item.id)
                if n == 0:
                    choices[item.id] = key
        self._title_keys, self._choices = keys, choices

    def match_title(self, text: str, limit: int = 3, min_score: float = 80) -> list[tuple[str, float]]:
        """Fuzzy title lookup -> [(item_id, score 0-100)], exact (normalised) matches first.

        Handles case, punctuation, accents, "Usual Suspects, The" vs "the usual suspects", a year
        in parentheses (used to prefer that year's film) and alternate titles in parentheses.
        Ties (e.g. the same title under two ids) go to the more popular item.
        """
        from rapidfuzz import fuzz, process  # local import: keeps `import catalog` light

        if self._title_keys is None:
            self._index_titles()
        assert self._title_keys is not None and self._choices is not None
        year_m = re.search(r"\((\d{4})\)\s*$", text.strip())
        year = int(year_m.group(1)) if year_m else None
        query = norm_title(text)
        if not query:
            return []
        scores: dict[str, float] = {}
        for item_id in self._title_keys.get(query, []):
            scores[item_id] = 100.0
        if len(scores) < limit:
            # Stage 1 (fast, C): candidates sharing words, over every title variant.
            # Stage 2: average with plain ratio, so "godfather" prefers "The Godfather" to
            # "The Godfather: Part II" and "the matrix" does not match "The Thin Man".
            keys = list(self._title_keys)
            found = process.extract(query, keys, scorer=fuzz.token_set_ratio,
                                    score_cutoff=min_score, limit=limit * 10 + 20)
            for key, set_score, _n in found:
                score = (float(set_score) + fuzz.ratio(query, key)) / 2
                if score < min_score:
                    continue
                for item_id in self._title_keys[key]:
                    # exact matches stay first: a fuzzy score never reaches an exact one's 100
                    best = min(score, 99.0)
                    if best > scores.get(item_id, -1.0):
                        scores[item_id] = best

        def rank(pair: tuple[str, float]) -> tuple[float, int, float, str]:
            item_id, score = pair
            item = self.items[item_id]
            same_year = 1 if year is not None and item.year == year else 0
            return (-score, -same_year, -self.popularity(item_id), item_id)

        ranked = sorted(scores.items(), key=rank)
        return [(item_id, round(score, 1)) for item_id, score in ranked[:limit]]

    # -- popularity ----------------------------------------------------------------------
    def popularity(self, item_id: str) -> float:
        """0..1 on a log scale: from metadata 'num_ratings' (interactions) if any, else votes.

        Example: the most-rated MovieLens film (Star Wars, 583 ratings) has popularity 1.0.
        """
        if self._pop is None:
            raw: dict[str, float] = {}
            for item in self:
                count = item.metadata.get("num_ratings")
                if not isinstance(count, (int, float)) or isinstance(count, bool):
                    count = item.votes or 0
                raw[item.id] = math.log1p(max(float(count), 0.0))
            top = max(raw.values(), default=0.0)
            self._pop = {k: (v / top if top > 0 else 0.0) for k, v in raw.items()}
        return self._pop.get(item_id, 0.0)
