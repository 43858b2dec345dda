"""MovieLens-100K joined with the IMDb `movies` table: the default catalog, and the IMDb table alone.

MovieLens gives ids, titles, years and genres; the IMDb rows (shipped in `pydataset`) add
runtime, rating, votes and MPAA where a title variant and year match (90.5% of the items;
a naive normalised title+year join covers ~82%). Both are parsed once and cached under the data
folder, keyed by a hash of the source files and LOADER_VERSION.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

from catalog.catalog import Catalog, display_title, norm_title, title_variants
from catalog.genres import description_word, imdb_columns
from catalog.item import Item
from catalog.paths import data_dir
from catalog.sources import imdb_tarball, movielens_file, read_imdb_rows
from catalog.validate import CatalogError

log = logging.getLogger(__name__)


# Bump when the parsing/join logic changes: cached catalogs built by older code are ignored.
LOADER_VERSION = 6
UNKNOWN_ITEM_ID = "267"  # MovieLens item 267 is a placeholder titled "unkonwn" with no year

# -- helpers -----------------------------------------------------------------------------

def describe(item_kind: str, year: int | None, genres: tuple[str, ...], runtime: int | None,
             mpaa: str | None, rating: float | None, votes: int | None,
             also_known_as: str | None = None) -> str:
    """A factual sentence from attributes, so items without plot text still embed meaningfully.

    Example: "A 1995 animated/children's/comedy film, 81 minutes, IMDb 7.9 from 46,019 votes.
    A film for children and families."
    """
    words = "/".join(description_word(g) for g in genres)  # "sci-fi" embeds worse than "science-fiction"
    head = " ".join(p for p in (str(year) if year else "", words, item_kind) if p)
    # "An 18th...", "An 8..." and vowels take "an"; years like 1995 read "a nineteen..."
    article = "An" if head[:1].lower() in "aeiou" or head.startswith(("8", "18", "11")) else "A"
    parts = [f"{article} {head}"]
    if runtime:
        parts.append(f"{runtime} minutes")
    if mpaa:
        parts.append(f"rated {mpaa}")
    if rating is not None:
        parts.append(f"IMDb {rating:.1f}" + (f" from {votes:,} votes" if votes else ""))
    text = ", ".join(parts) + "."
    if "children's" in genres:
        text += " A film for children and families."
    if also_known_as:
        text += f" Also known as {also_known_as}."
    return text


def _to_int(text: str | None) -> int | None:
    if text is None or text.strip() in ("", "NA"):
        return None
    return int(float(text))


def _to_float(text: str | None) -> float | None:
    if text is None or text.strip() in ("", "NA"):
        return None
    return float(text)


def _digest(*paths: Path, extra: str = "") -> str:
    h = hashlib.sha256(f"v{LOADER_VERSION}:{extra}".encode())
    for path in paths:
        with open(path, "rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                h.update(block)
    return h.hexdigest()[:16]


def _cached(name: str, key: str, build: Callable[[], Catalog]) -> Catalog:
    """Load a parsed catalog from data_dir()/cache, or build and store it (keyed by source hash)."""
    path = data_dir() / "cache" / f"catalog-{name}-{key}.json"
    if path.is_file():
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
            items = [Item.model_validate(d) for d in raw["items"]]
            return Catalog(raw["name"], items, skipped=raw.get("skipped", 0),
                           source=raw.get("source", ""), notes=raw.get("notes", []))
        except (OSError, ValueError, KeyError) as e:  # a corrupt cache is rebuilt, not fatal
            log.warning("ignoring unreadable catalog cache %s (%s)", path, e)
    catalog = build()
    path.parent.mkdir(parents=True, exist_ok=True)
    for old in path.parent.glob(f"catalog-{name}-*.json"):
        if old != path:  # one cache per catalog: old versions would only take space
            old.unlink(missing_ok=True)  # another process may be tidying up too
    tmp = path.with_suffix(f".{os.getpid()}.tmp")  # per process: two app starts may race
    tmp.write_text(json.dumps({
        "name": catalog.name, "skipped": catalog.skipped, "source": catalog.source,
        "notes": catalog.notes, "items": [i.model_dump(mode="json") for i in catalog],
    }, ensure_ascii=False), encoding="utf-8")
    tmp.replace(path)  # atomic: an interrupted write never leaves a half cache
    return catalog


# -- the IMDB movies table -------------------------------------------------------------

class ImdbTable:
    """IMDB rows indexed for joining: by (title variant, year) and by year for fuzzy matching."""

    def __init__(self, rows: list[dict[str, str]]) -> None:
        self.rows = rows
        self.by_key: dict[tuple[str, int], list[int]] = defaultdict(list)
        self.by_year: dict[int, dict[int, str]] = defaultdict(dict)
        self.by_part: dict[tuple[str, int], list[int]] = defaultdict(list)
        for n, row in enumerate(rows):
            year = _to_int(row["year"])
            if year is None:
                continue
            variants = title_variants(row["title"])
            if not variants:
                continue  # e.g. the film titled "$": nothing to compare
            for key in variants:
                self.by_key[(key, year)].append(n)
            self.by_year[year][n] = variants[0]
            for part in _segments(row["title"]):
                self.by_part[(part, year)].append(n)

    def votes(self, n: int) -> int:
        return _to_int(self.rows[n]["votes"]) or 0

    def match(self, title: str, year: int | None) -> tuple[int, str] | None:
        """Best row for a MovieLens title+year -> (row index, how), or None.

        Order: exact normalised title (any variant: main title, parenthetical alternate,
        a.k.a., article moved or dropped) in the same year, then year +-1 (release vs festival
        year), then a rapidfuzz token-sort match >= 90 within the same year +-1.
        """
        if year is None:
            return None
        variants = title_variants(title)
        # "Monty Python's Life of Brian" is "Life of Brian" on IMDb
        owner = re.match(r"^(?:[A-Z][\w.]*\s+){0,3}[A-Z][\w.]*'s\s+(?P<rest>\S+\s+\S+.*)$", title)
        if owner:
            variants += [v for v in title_variants(owner.group("rest")) if v not in variants]
        for dy, how in ((0, "exact"), (-1, "year-1"), (1, "year+1")):
            for key in variants:
                hits = self.by_key.get((key, year + dy))
                if hits:
                    return max(hits, key=self.votes), how
        # a series title around it: "Wallace & Gromit: The Wrong Trousers",
        # "Star Wars: Episode V - The Empire Strikes Back", "Twelfth Night: Or What You Will"
        for dy in (0, -1, 1):
            for key in variants:
                hits = self.by_part.get((key, year + dy)) if len(key) >= 6 else None
                if hits:
                    return max(hits, key=self.votes), "part"
        from rapidfuzz import fuzz, process

        best: tuple[float, int] | None = None
        for dy in (0, -1, 1):
            choices = self.by_year.get(year + dy)
            if not choices:
                continue
            for key in variants:
                if len(key) < 12:
                    continue  # short titles fuzz into other films ("invitation" ~ "initiation")
                found = process.extractOne(key, choices, scorer=fuzz.token_sort_ratio,
                                           score_cutoff=90)
                # same first letter: "romeo and juliet" must not become "tromeo and juliet"
                if found and found[0][:1] == key[:1] and (best is None or found[1] - abs(dy) > best[0]):
                    best = (found[1] - abs(dy), found[2])
        return (best[1], "fuzzy") if best else None


def _segments(title: str) -> list[str]:
    """Normalised parts of an IMDb title split at ':' and ' - ' (whole-title keys excluded)."""
    base = display_title(title)
    pieces = [p for p in re.split(r"\s*:\s+|\s+-\s+", base) if p.strip()]
    if len(pieces) < 2:
        return []
    keys = {norm_title(p) for p in pieces} | {norm_title(p) for p in title_variants(pieces[-1])}
    return [k for k in keys if k]


# -- MovieLens ---------------------------------------------------------------------------

def _read_tsv(path: Path) -> Iterator[tuple[int, list[str]]]:
    """(line number, fields) of a recbole atomic file, header skipped."""
    with open(path, encoding="utf-8") as f:
        next(f)
        for line_no, line in enumerate(f, start=2):
            line = line.rstrip("\n")
            if line:
                yield line_no, line.split("\t")


# Part of the cache key: bump when _build_movielens changes what it stores (v2: metadata["imdb_genres"]).
BUILD_VERSION = "-v2"


def _build_movielens() -> Catalog:
    item_path, inter_path = movielens_file("item"), movielens_file("inter")
    counts: Counter[str] = Counter()
    sums: Counter[str] = Counter()
    for _, fields in _read_tsv(inter_path):
        counts[fields[1]] += 1
        sums[fields[1]] += float(fields[2])
    imdb = ImdbTable(read_imdb_rows())
    items: list[Item] = []
    how_counts: Counter[str] = Counter()
    for line_no, fields in _read_tsv(item_path):
        item_id, raw_title, raw_year, raw_genres = (fields + ["", "", "", ""])[:4]
        if item_id == UNKNOWN_ITEM_ID:
            continue  # a placeholder row ("unkonwn", no year): not recommendable
        in_title = re.search(r"\((\d{4})\)\s*$", raw_title)
        if in_title:  # item 1412 has "(1995)" in its title and "V" (video) as its year
            raw_title = raw_title[: in_title.start()].strip()
        if raw_year.strip().isdigit():
            year: int | None = int(raw_year)
        elif in_title:
            year = int(in_title.group(1))
        elif not raw_year.strip():
            year = None
        else:
            raise CatalogError(f"release year {raw_year!r} is not a number; reinstall recbole "
                               "(`pip install --force-reinstall --no-deps recbole==1.2.1`)",
                               source=item_path.name, line=line_no, field="release_year")
        genres = tuple(g.lower() for g in raw_genres.split() if g.lower() != "unknown")
        title = display_title(raw_title)
        alt = None
        m = re.match(r"^(?P<main>[^()]+?)\s*\((?P<alt>[^()]+)\)\s*$", raw_title)
        if m:
            alt = display_title(re.sub(r"^a\.k\.a\.\s*", "", m.group("alt")))
        metadata: dict[str, Any] = {"original_title": raw_title, "source": "movielens-100k"}
        if counts[item_id]:
            metadata["num_ratings"] = counts[item_id]
            metadata["mean_rating"] = round(sums[item_id] / counts[item_id], 3)
        runtime = rating = votes = budget = mpaa = None
        found = imdb.match(raw_title, year)
        if found is not None:
            row_n, how = found
            row = imdb.rows[row_n]
            how_counts[how] += 1
            runtime = _to_int(row["length"])
            rating = _to_float(row["rating"])
            votes = _to_int(row["votes"])
            budget = _to_int(row["budget"])
            mpaa = row["mpaa"].strip() or None
            metadata["imdb_title"] = row["title"]
            metadata["imdb_match"] = how
            # IMDb's own genre flags (action, animation, comedy, documentary, drama, romance): a second opinion
            # that tells a film's main genres from a side tag (MovieLens tags Star Wars romance; IMDb does not)
            metadata["imdb_genres"] = "|".join(sorted(g for col, g in imdb_columns().items()
                                                      if g != "short" and str(row.get(col, "")).strip() == "1"))
        items.append(Item(
            id=item_id, title=title, year=year, genres=genres,
            description=describe("film", year, genres, runtime, mpaa, rating, votes, alt),
            runtime=runtime, rating=rating, votes=votes, mpaa=mpaa, budget=budget,
            metadata=metadata,
        ))
    joined = sum(how_counts.values())
    note = (f"joined {joined:,}/{len(items):,} ({100 * joined / len(items):.1f}%) MovieLens items to IMDb "
            f"(exact {how_counts['exact']:,}, year+-1 {how_counts['year-1'] + how_counts['year+1']:,}, "
            f"series title {how_counts['part']:,}, fuzzy {how_counts['fuzzy']:,}); item {UNKNOWN_ITEM_ID} 'unkonwn' dropped")
    return Catalog("movielens", items, source="recbole ml-100k + pydataset ggplot2 movies",
                   notes=[note])


def load_movielens(*, skip_bad: bool = False, mapping: Mapping[str, str] | None = None) -> Catalog:
    """MovieLens-100K films (ids "1".."1682", minus placeholder 267) enriched from IMDb. Cached."""
    del skip_bad, mapping  # packaged data: validated by construction
    key = _digest(movielens_file("item"), movielens_file("inter"), imdb_tarball()) + BUILD_VERSION
    return _cached("movielens", key, _build_movielens)


def _build_imdb() -> Catalog:
    items = []
    flags = imdb_columns()  # IMDb genre flag column -> catalog genre (catalog/genres.yaml)
    for row in read_imdb_rows():
        year = _to_int(row["year"])
        genres = tuple(flags[col] for col in row if col in flags and row[col] == "1")  # the table's order
        runtime = _to_int(row["length"]) or None  # a few rows say 0 minutes: unknown
        rating, votes = _to_float(row["rating"]), _to_int(row["votes"])
        mpaa = row["mpaa"].strip() or None
        items.append(Item(
            id=row[""], title=display_title(row["title"]), year=year, genres=genres,
            description=describe("film", year, genres, runtime, mpaa, rating, votes),
            runtime=runtime, rating=rating, votes=votes, mpaa=mpaa, budget=_to_int(row["budget"]),
            metadata={"original_title": row["title"], "source": "ggplot2-movies"},
        ))
    return Catalog("imdb", items, source="pydataset ggplot2 movies (IMDb)",
                   notes=[f"{len(items):,} IMDb films"])


def load_imdb(*, skip_bad: bool = False, mapping: Mapping[str, str] | None = None) -> Catalog:
    """The 58,788 IMDb films of ggplot2's `movies` table (ids are its row numbers). Cached."""
    del skip_bad, mapping
    return _cached("imdb", _digest(imdb_tarball()), _build_imdb)
