"""Turn raw rows (CSV or JSONL) into `Item`s, with errors that name file, line and field.

Example:
    >>> parse_row({"id": "b1", "title": "Emma", "year": "1815", "genres": "classic|romance"},
    ...           source="books.csv", line=2).genres
    ('classic', 'romance')
"""
from __future__ import annotations

import datetime
import math
import re
from collections.abc import Iterable, Mapping
from typing import Any

from pydantic import ValidationError

from catalog.item import Item, Scalar
from errors import CatalogInvalid

# The columns a catalog file may use; anything else goes to Item.metadata.
KNOWN_FIELDS = ("id", "title", "year", "genres", "description", "runtime", "rating", "votes",
                "mpaa", "budget")
MPAA_RATINGS = ("G", "PG", "PG-13", "R", "NC-17")
# Bounds on what one row may hold: a catalog is data from elsewhere, and every text lands in the
# index, the prompts and the page. Years reach back far enough for books (the example catalog has
# 1719) and at most five years ahead (announced releases).
YEAR_RANGE = (1000, datetime.date.today().year + 5)
MAX_CHARS = {"id": 200, "title": 500, "description": 20_000}
MAX_GENRE_CHARS = 60
MAX_GENRES = 30
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")  # tab and newline are whitespace
_NUMBER = re.compile(r"[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?")


class CatalogError(CatalogInvalid):
    """A catalog file or row is invalid. The message names the file, line and field, and the fix.

    Example: "books.csv, line 7, field 'year': 'abc' is not a whole number. Fix the row or
    pass --skip-bad (skip_bad=True) to skip invalid rows."
    """

    def __init__(self, message: str, *, source: str = "", line: int | None = None,
                 field: str | None = None) -> None:
        self.source, self.line, self.field, self.reason = source, line, field, message
        where = ", ".join(
            part for part in (source, f"line {line}" if line else "",
                              f"field '{field}'" if field else "") if part
        )
        super().__init__(f"{where}: {message}" if where else message)


SKIP_HINT = "Fix the row, or pass --skip-bad (skip_bad=True) to skip invalid rows."


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip()) or (
        isinstance(value, float) and math.isnan(value))


MAX_INT = 10**15  # votes, budget, runtime: far above any real value, far below int64 (Chroma)


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "…"


def _as_int(value: Any, field: str, *, minimum: int | None = None, positive: bool = False) -> int:
    if isinstance(value, bool):
        raise ValueError(f"{value!r} is not a whole number")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, str):
        text = value.strip().replace(",", "").replace("_", "")
        if re.fullmatch(r"[+-]?\d{1,18}(\.0+)?", text):  # 18 digits: within a 64-bit index field
            value = int(text.split(".")[0])
    if not isinstance(value, int):
        raise ValueError(f"{_short(value)} is not a whole number")
    if abs(value) > MAX_INT:
        raise ValueError(f"{_short(value)} is too large")
    if positive and value <= 0:
        raise ValueError(f"{value!r} must be a positive number")
    if minimum is not None and value < minimum:
        raise ValueError(f"{value!r} must be at least {minimum}")
    return value


def _as_float(value: Any, lo: float, hi: float) -> float:
    if isinstance(value, bool):
        raise ValueError(f"{value!r} is not a number")
    try:
        number = float(value.strip() if isinstance(value, str) else value)
    except (TypeError, ValueError):
        raise ValueError(f"{_short(value)} is not a number") from None
    if math.isnan(number) or not lo <= number <= hi:
        raise ValueError(f"{_short(value)} must be between {lo:g} and {hi:g}")
    return number


def split_genres(value: Any) -> tuple[str, ...]:
    """'Comedy|Drama' or 'comedy, drama' or ['Comedy'] -> ('comedy', 'drama'), de-duplicated."""
    if _blank(value):
        return ()
    if isinstance(value, str):
        parts: Iterable[Any] = re.split(r"[|,;]", value)
    elif isinstance(value, (list, tuple)):
        parts = value
    else:
        raise ValueError(f"{_short(value)} is not a list of genres (use 'a|b' or a JSON list)")
    out: list[str] = []
    for part in parts:
        if not isinstance(part, str):
            raise ValueError(f"genre {part!r} is not text")
        genre = " ".join(part.strip().lower().split())
        if not genre or genre in out:
            continue
        if _NUMBER.fullmatch(genre):
            raise ValueError(f"genre {genre!r} is a number, not a genre name (did a column shift?)")
        if len(genre) > MAX_GENRE_CHARS or _CONTROL.search(genre):
            raise ValueError(f"genre {genre[:40]!r}… is not a genre name (at most {MAX_GENRE_CHARS} "
                             "characters, no control characters)")
        out.append(genre)
    if len(out) > MAX_GENRES:
        raise ValueError(f"{len(out)} genres; at most {MAX_GENRES}")
    return tuple(out)


def _field_value(field: str, value: Any) -> Any:
    """Convert one known field; raises ValueError with a short reason."""
    if field in ("id", "title", "description"):
        if isinstance(value, (int, float)) and not isinstance(value, bool) and field == "id":
            value = str(int(value)) if float(value).is_integer() else str(value)
        if not isinstance(value, str):
            raise ValueError(f"{_short(value)} is not text")
        if len(value) > MAX_CHARS[field]:
            raise ValueError(f"{len(value):,} characters; at most {MAX_CHARS[field]:,}")
        if field != "description":
            value = " ".join(value.split())  # tabs and line breaks become spaces
        if _CONTROL.search(value):
            bad = _CONTROL.search(value).group()  # type: ignore[union-attr]
            raise ValueError(f"contains the control character U+{ord(bad):04X} (e.g. a NUL byte); "
                             "remove it")
        return value if field != "description" else value.strip()
    if field == "year":
        year = _as_int(value, field)
        if not YEAR_RANGE[0] <= year <= YEAR_RANGE[1]:
            raise ValueError(f"{year} is not a plausible year ({YEAR_RANGE[0]}..{YEAR_RANGE[1]})")
        return year
    if field == "runtime":
        return _as_int(value, field, positive=True)
    if field in ("votes", "budget"):
        return _as_int(value, field, minimum=0)
    if field == "rating":
        return _as_float(value, 0.0, 10.0)
    if field == "mpaa":
        text = str(value).strip().upper()
        if text not in MPAA_RATINGS:
            raise ValueError(f"{_short(value)} is not an MPAA rating (one of {', '.join(MPAA_RATINGS)})")
        return text
    if field == "genres":
        return split_genres(value)
    raise AssertionError(field)  # pragma: no cover - KNOWN_FIELDS is closed


def _metadata_value(value: Any) -> Scalar:
    if isinstance(value, str) and len(value) > MAX_CHARS["description"]:
        raise ValueError(f"{len(value):,} characters; at most {MAX_CHARS['description']:,}")
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_INT:
        raise ValueError(f"{_short(value)} is too large")
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, (list, tuple)) and all(isinstance(v, (str, int, float)) for v in value):
        return "|".join(str(v) for v in value)  # metadata stays flat so Chroma can store it
    raise ValueError(f"{_short(value)} is not a plain value (text, number, true/false)")


def rename_columns(row: Mapping[str, Any], mapping: Mapping[str, str] | None) -> dict[str, Any]:
    """Apply a column mapping {our field: their column}, e.g. {"id": "isbn", "title": "name"}."""
    if not mapping:
        return dict(row)
    out = dict(row)
    for ours, theirs in mapping.items():
        if ours not in KNOWN_FIELDS:
            raise CatalogError(
                f"unknown field '{ours}' in the column mapping; map one of {', '.join(KNOWN_FIELDS)} "
                "(e.g. --map id=isbn,title=name)")
        if theirs in out:
            out[ours] = out.pop(theirs)
    return out


def parse_row(row: Mapping[str, Any], *, source: str, line: int,
              mapping: Mapping[str, str] | None = None) -> Item:
    """Validate one raw row into an Item; raise CatalogError naming the line and field."""
    row = rename_columns(row, mapping)
    for required in ("id", "title"):
        if _blank(row.get(required)):
            hint = f" (or map your column: --map {required}=<column>)" if required not in row else ""
            raise CatalogError(f"missing {required}{hint}. {SKIP_HINT}",
                               source=source, line=line, field=required)
    fields: dict[str, Any] = {}
    metadata: dict[str, Scalar] = {}
    for key, value in row.items():
        key = str(key).strip()
        if not key:
            continue
        if key in KNOWN_FIELDS:
            if _blank(value):
                continue  # an empty cell means "unknown", not an error
            try:
                fields[key] = _field_value(key, value)
            except ValueError as e:
                raise CatalogError(f"{e}. {SKIP_HINT}", source=source, line=line, field=key) from None
        elif key == "metadata" and isinstance(value, Mapping):
            for mk, mv in value.items():
                try:
                    metadata[str(mk)] = _metadata_value(mv)
                except ValueError as e:
                    raise CatalogError(f"{e}. {SKIP_HINT}", source=source, line=line,
                                       field=f"metadata.{mk}") from None
        else:
            if _blank(value):
                continue
            try:
                metadata[key] = _metadata_value(value)
            except ValueError as e:
                raise CatalogError(f"{e}. {SKIP_HINT}", source=source, line=line, field=key) from None
    try:
        return Item(**fields, metadata=metadata)
    except ValidationError as e:  # e.g. a title that is only spaces
        first = e.errors()[0]
        field = ".".join(str(p) for p in first["loc"]) or None
        raise CatalogError(f"{first['msg']}. {SKIP_HINT}", source=source, line=line,
                           field=field) from None


def collect_items(rows: Iterable[tuple[int, Mapping[str, Any]]], *, source: str,
                  skip_bad: bool, mapping: Mapping[str, str] | None = None
                  ) -> tuple[list[Item], list[CatalogError]]:
    """Parse (line, row) pairs; duplicates and bad rows raise unless skip_bad (then collected).

    Returns (items, skipped_errors). Never returns a half-built list silently: with skip_bad
    the caller gets every skipped row's error to report.
    """
    items: list[Item] = []
    seen: dict[str, int] = {}
    skipped: list[CatalogError] = []
    for line, row in rows:
        try:
            item = parse_row(row, source=source, line=line, mapping=mapping)
            if item.id in seen:
                raise CatalogError(
                    f"duplicate id {item.id!r} (first seen on line {seen[item.id]}); ids must be "
                    f"unique. {SKIP_HINT}", source=source, line=line, field="id")
        except CatalogError as e:
            if not skip_bad:
                raise
            skipped.append(e)
            continue
        seen[item.id] = line
        items.append(item)
    return items, skipped


