"""Catalog loaders behind one registry, and `load_catalog(spec)`.

Example:
    >>> cat = load_catalog("movielens")            # 1,681 films (item 267 'unkonwn' dropped)
    >>> cat.get("1").title, cat.get("1").runtime
    ('Toy Story', 81)
    >>> load_catalog("my_shop.csv", mapping={"id": "sku", "title": "name"})

CLI: `python -m catalog.loaders movielens` prints the item count and the IMDb join coverage.
"""
from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

from catalog.catalog import Catalog
from catalog.item import Item
from catalog.paths import REPO_ROOT
from catalog.movielens import load_imdb, load_movielens
from catalog.validate import CatalogError, collect_items

log = logging.getLogger(__name__)

BOOKS_PATH = REPO_ROOT / "examples" / "books.jsonl"
# How the UI names the registered catalogs: (display name, unit); others show their own name.
# What the UI calls a catalog, by language: (name, unit). A catalog not listed keeps its own name.
CATALOG_LABELS = {"movielens": {"en": ("MovieLens-100K + IMDb attributes", "movies"),
                                "zh": ("MovieLens-100K + IMDb 属性", "部电影")},
                  "books": {"en": ("Example books", "books"), "zh": ("示例图书", "本书")}}
_UNITS = {"en": "items", "zh": "项"}


# -- user files ----------------------------------------------------------------------------

def _decoded_lines(path: Path, skip_bad: bool, errors: list[CatalogError]) -> Iterator[tuple[int, str]]:
    """(line number, text) of a UTF-8 file; a non-UTF-8 line is an error (or skipped)."""
    try:
        data = path.read_bytes()
    except OSError as e:
        raise CatalogError(f"cannot read the file ({e.strerror}); check the path",
                           source=str(path)) from None
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]  # Excel writes a BOM
    for line_no, raw in enumerate(data.split(b"\n"), start=1):
        try:
            yield line_no, raw.decode("utf-8").rstrip("\r")
        except UnicodeDecodeError as e:
            err = CatalogError(
                f"not UTF-8 text (byte 0x{raw[e.start]:02x} at column {e.start + 1}). Save the file "
                "as UTF-8 (e.g. `iconv -f latin1 -t utf-8 in.csv > out.csv`) or pass --skip-bad "
                "(skip_bad=True) to skip such rows.", source=path.name, line=line_no)
            if not skip_bad:
                raise err from None
            errors.append(err)


def _finish(name: str, path: Path, items: list[Item], skipped: list[CatalogError]) -> Catalog:
    if not items:
        raise CatalogError("no valid items" + (f" ({len(skipped)} rows skipped; first: {skipped[0]})"
                                                if skipped else ": the file is empty"),
                           source=path.name)
    if skipped:
        log.warning("%s: skipped %d invalid rows; first: %s", path.name, len(skipped), skipped[0])
    notes = [f"skipped {len(skipped)} invalid rows"] + [str(e) for e in skipped[:20]] if skipped else []
    return Catalog(name, items, skipped=len(skipped), source=str(path), notes=notes)


def load_jsonl(path: str | Path, *, skip_bad: bool = False,
               mapping: Mapping[str, str] | None = None, name: str | None = None) -> Catalog:
    """One JSON object per line; see catalog/README.md for the fields."""
    path = Path(path)
    errors: list[CatalogError] = []

    def rows() -> Iterator[tuple[int, Mapping[str, Any]]]:
        for line_no, text in _decoded_lines(path, skip_bad, errors):
            if not text.strip():
                continue
            try:
                row = json.loads(text)
                if not isinstance(row, dict):
                    raise ValueError("a line must be a JSON object like {\"id\": ..., \"title\": ...}")
            except ValueError as e:
                err = CatalogError(f"not a valid JSON object ({e}). Fix the line or pass --skip-bad "
                                   "(skip_bad=True).", source=path.name, line=line_no)
                if not skip_bad:
                    raise err from None
                errors.append(err)
                continue
            yield line_no, row

    items, skipped = collect_items(rows(), source=path.name, skip_bad=skip_bad, mapping=mapping)
    return _finish(name or path.stem, path, items, errors + skipped)


def _csv_records(lines: list[tuple[int, str]], source: str, skip_bad: bool,
                 errors: list[CatalogError]) -> Iterator[tuple[int, list[str]]]:
    """(first line number, cells) of each CSV record. A record the csv module cannot read (a cell
    over its size limit, a quote that is never closed) is an error naming its first line; with
    skip_bad it is counted and reading resumes on the line after, so the rows a stray quote would
    have swallowed are read, not lost."""
    import csv

    start = 0
    while start < len(lines):
        pos = start

        def texts() -> Iterator[str]:
            nonlocal pos
            while pos < len(lines):
                pos += 1
                yield lines[pos - 1][1] + "\n"  # a quoted cell keeps its line breaks

        first = start
        try:
            for cells in csv.reader(texts(), strict=True):
                yield lines[first][0], cells
                first = pos
            return
        except csv.Error as e:
            line_no = lines[first][0]
            last_no = max((n for n, text in lines[first:pos] if text.strip()), default=line_no)
            if "field larger than field limit" in str(e):
                reason = (f"a cell is longer than {csv.field_size_limit():,} characters; shorten it "
                          "(or put long texts in a JSONL catalog)")
            elif pos >= len(lines):
                reason = (f"a quote opened here is never closed: lines {line_no}-{last_no} would be read "
                          "as one cell. Close the quote (write a quote inside a cell as \"\")")
            else:
                reason = f"malformed CSV ({e})"
            err = CatalogError(f"{reason}. Fix the row or pass --skip-bad (skip_bad=True).",
                               source=source, line=line_no)
            if not skip_bad:
                raise err from None
            errors.append(err)
            start = first + 1


def load_csv(path: str | Path, *, skip_bad: bool = False,
             mapping: Mapping[str, str] | None = None, name: str | None = None) -> Catalog:
    """A CSV with a header row; genres 'a|b' or 'a, b' in one cell; see catalog/README.md."""
    path = Path(path)
    errors: list[CatalogError] = []
    records = _csv_records(list(_decoded_lines(path, skip_bad, errors)), path.name, skip_bad, errors)
    first = next(records, None)
    header = first[1] if first is not None else None
    if not header or not any(h.strip() for h in header):
        raise CatalogError("no header row; the first line must name the columns, e.g. "
                           "id,title,year,genres,description", source=path.name, line=1)
    header = [h.strip() for h in header]

    def rows() -> Iterator[tuple[int, Mapping[str, Any]]]:
        for line_no, fields in records:
            if not any(f.strip() for f in fields):
                continue
            if len(fields) > len(header):
                err = CatalogError(f"{len(fields)} cells but the header has {len(header)} columns; "
                                   "quote cells that contain commas. Or pass --skip-bad.",
                                   source=path.name, line=line_no)
                if not skip_bad:
                    raise err
                errors.append(err)
                continue
            yield line_no, dict(zip(header, fields))

    items, skipped = collect_items(rows(), source=path.name, skip_bad=skip_bad, mapping=mapping)
    return _finish(name or path.stem, path, items, errors + skipped)


def load_books(*, skip_bad: bool = False, mapping: Mapping[str, str] | None = None) -> Catalog:
    """The example catalog of another domain: ~60 well-known books (examples/books.jsonl)."""
    return load_jsonl(BOOKS_PATH, skip_bad=skip_bad, mapping=mapping, name="books")


CATALOG_LOADERS: dict[str, Callable[..., Catalog]] = {
    "movielens": load_movielens,
    "imdb": load_imdb,
    "books": load_books,
    "csv": load_csv,    # needs a path: load_catalog("shop.csv")
    "jsonl": load_jsonl,  # needs a path: load_catalog("shop.jsonl")
}
FILE_LOADERS = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl"}


ALIASES_DIR = Path(__file__).with_name("aliases")


def load_aliases(name: str) -> dict[str, list[str]]:
    """Other titles (e.g. Chinese) of a registered catalog's items: catalog/aliases/<name>.yaml."""
    path = ALIASES_DIR / f"{name}.yaml"
    if not path.is_file():
        return {}
    import yaml

    with open(path, encoding="utf-8") as f:
        raw = yaml.safe_load(f) or {}
    return {str(k): [str(a) for a in (v or [])] for k, v in raw.items()}


def load_catalog(spec: str, *, skip_bad: bool = False,
                 mapping: dict[str, str] | None = None) -> Catalog:
    """Load a catalog by registry name ("movielens", "imdb", "books") or a .csv/.jsonl path.
    A registered catalog gets the other titles of catalog/aliases/<name>.yaml (Chinese titles)."""
    if spec in CATALOG_LOADERS and spec not in ("csv", "jsonl"):
        catalog = CATALOG_LOADERS[spec](skip_bad=skip_bad, mapping=mapping)
        catalog.set_aliases(load_aliases(spec))
        return catalog
    path = Path(spec)
    kind = FILE_LOADERS.get(path.suffix.lower())
    if kind is None:
        names = ", ".join(n for n in CATALOG_LOADERS if n not in ("csv", "jsonl"))
        raise CatalogError(f"unknown catalog {spec!r}: use one of {names}, or a path to a .csv or "
                           ".jsonl file (see catalog/README.md)")
    if not path.is_file():
        raise CatalogError(f"file not found: {spec} (give a path relative to the current folder "
                           "or an absolute one)")
    return CATALOG_LOADERS[kind](path, skip_bad=skip_bad, mapping=mapping)


def catalog_label(catalog: Catalog, lang: str = "en") -> str:
    """What the UI says of a catalog. Example: "MovieLens-100K + IMDb attributes (1,681 movies)";
    in Chinese "MovieLens-100K + IMDb 属性（1,681 部电影）"."""
    lang = lang if lang in _UNITS else "en"
    name, unit = CATALOG_LABELS.get(catalog.name, {}).get(lang, (catalog.name, _UNITS[lang]))
    return f"{name}（{len(catalog):,} {unit}）" if lang == "zh" else f"{name} ({len(catalog):,} {unit})"


def parse_mapping(text: str | None) -> dict[str, str] | None:
    """'id=isbn,title=name' -> {'id': 'isbn', 'title': 'name'} (the CLI's --map)."""
    if not text:
        return None
    out = {}
    for pair in text.split(","):
        ours, sep, theirs = pair.partition("=")
        if not sep or not ours.strip() or not theirs.strip():
            raise CatalogError(f"bad --map entry {pair!r}: write field=column pairs, e.g. "
                               "--map id=isbn,title=name")
        out[ours.strip()] = theirs.strip()
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m catalog.loaders", description=__doc__.split("\n")[0])
    parser.add_argument("catalog", help="movielens, imdb, books, or a path to a .csv/.jsonl file")
    parser.add_argument("--skip-bad", action="store_true", help="skip invalid rows and report them")
    parser.add_argument("--map", dest="mapping", help="column mapping, e.g. id=isbn,title=name")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(message)s")
    try:
        catalog = load_catalog(args.catalog, skip_bad=args.skip_bad, mapping=parse_mapping(args.mapping))
    except CatalogError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    print(f"{catalog.name}: {len(catalog):,} items, {len(catalog.genres())} genres")
    for note in catalog.notes:
        print(note)
    return 0


if __name__ == "__main__":
    sys.exit(main())
