"""Build (and incrementally update) the Chroma vector index of a catalog.

We always compute embeddings ourselves and pass them to Chroma (Chroma's default embedding
function downloads a model and fails offline). Every item's metadata holds its content hash,
so re-running only re-embeds changed items, removed items are deleted, and an interrupted build
resumes where it stopped (written batches already carry the right hash).

CLI:  python -m catalog.index --catalog movielens [--skip-bad] [--map a=b,...]
                              [--chroma-host H --chroma-port P] [--rebuild]
"""
from __future__ import annotations

import argparse
import hashlib
import logging
import os
import re
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict

from catalog.catalog import Catalog
from catalog.embed import Embedder
from catalog.item import Item
from catalog.paths import data_dir as default_data_dir
from errors import IndexUnavailable

if TYPE_CHECKING:  # pragma: no cover
    from chromadb.api import ClientAPI
    from chromadb.api.models.Collection import Collection

log = logging.getLogger(__name__)

SCHEMA = 1  # bump when the stored metadata layout changes: old collections must be rebuilt
PAGE = 5000  # rows per Chroma get() page when reading back hashes


class CatalogIndexError(IndexUnavailable):
    """Base class of index problems."""


class IndexMissingError(CatalogIndexError):
    """No (complete) index for the catalog; the message says the command that builds it."""


class IndexMismatchError(CatalogIndexError):
    """The index was built with another schema or embedding model; the message says how to rebuild."""


class IndexReport(BaseModel):
    """What build_index did. Example: 1,681 items, 1,681 embedded in 9.8 s (171 items/s)."""

    model_config = ConfigDict(extra="forbid")

    catalog: str
    collection: str
    total: int  # items in the catalog
    embedded: int  # items (re-)embedded and written in this run
    unchanged: int  # items already indexed with the same content hash (skipped)
    deleted: int  # items in the index that are no longer in the catalog
    seconds: float
    embed_model: str

    @property
    def items_per_s(self) -> float:
        return self.embedded / self.seconds if self.seconds > 0 else 0.0

    def summary(self) -> str:
        return (f"{self.catalog}: {self.total:,} items; embedded {self.embedded:,}, unchanged "
                f"{self.unchanged:,}, deleted {self.deleted:,} in {self.seconds:.1f} s"
                + (f" ({self.items_per_s:,.0f} items/s)" if self.embedded else ""))


# -- naming and metadata ---------------------------------------------------------------------

def collection_name(catalog_name: str) -> str:
    """Chroma-safe collection name: 'movielens' -> 'catalog-movielens'; 'my shop!' -> 'catalog-my-shop'."""
    slug = re.sub(r"[^a-zA-Z0-9._-]+", "-", catalog_name).strip("-._") or "unnamed"
    return f"catalog-{slug}"[:60]


def genre_key(genre: str) -> str:
    """Metadata key of one genre flag: "children's" -> 'g_children_s', 'sci-fi' -> 'g_sci_fi'.

    A short digest keeps two genres that slug alike ('sci-fi' vs 'sci fi') apart.
    """
    slug = re.sub(r"[^a-z0-9]+", "_", genre.lower()).strip("_")
    digest = hashlib.sha1(genre.encode("utf-8")).hexdigest()[:4]
    return f"g_{slug}_{digest}"


def item_metadata(item: Item, genre_vocab: list[str]) -> dict[str, Any]:
    """Flat metadata Chroma filters on. Unknown values get a has_* flag set to False (and a
    neutral value), so a filter like max_runtime never lets an item of unknown runtime through.
    """
    genres = set(item.genres)
    meta: dict[str, Any] = {
        "item_id": item.id,
        "hash": item.content_hash(),
        "title": item.title,
        "has_year": item.year is not None,
        "year": item.year if item.year is not None else 0,
        "has_runtime": item.runtime is not None,
        "runtime": item.runtime if item.runtime is not None else 0,
        "has_rating": item.rating is not None,
        "rating": float(item.rating) if item.rating is not None else 0.0,
        "mpaa": item.mpaa or "",
    }
    for genre in genre_vocab:
        meta[genre_key(genre)] = genre in genres
    return meta


def vocab_hash(genre_vocab: list[str]) -> str:
    return hashlib.sha1("|".join(genre_vocab).encode("utf-8")).hexdigest()[:12]


def catalog_fingerprint(catalog: Catalog) -> str:
    """One hash over every (id, content hash): equal fingerprints mean the index is current."""
    h = hashlib.sha256()
    for item_id in sorted(catalog.items):
        h.update(f"{item_id}\t{catalog.items[item_id].content_hash()}\n".encode("utf-8"))
    return h.hexdigest()[:16]


def expected_metadata(embedder: Embedder, genre_vocab: list[str]) -> dict[str, Any]:
    return {"schema": SCHEMA, "embed_model": embedder.name, "dim": int(embedder.dim),
            "genres": vocab_hash(genre_vocab)}


# -- clients -------------------------------------------------------------------------------

def make_client(data_dir: Path | None = None, host: str | None = None,
                port: int | None = None) -> ClientAPI:
    """A Chroma client: HttpClient when a host is given (arg or RECSYS_CHROMA_HOST/PORT),
    else a PersistentClient under <data_dir>/chroma. Telemetry is off either way."""
    import chromadb
    from chromadb.config import Settings

    host = host or os.environ.get("RECSYS_CHROMA_HOST") or None
    settings = Settings(anonymized_telemetry=False)
    if host:
        port = port or int(os.environ.get("RECSYS_CHROMA_PORT", "8000"))
        return chromadb.HttpClient(host=host, port=port, settings=settings)
    path = Path(data_dir) if data_dir is not None else default_data_dir()
    (path / "chroma").mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(path / "chroma"), settings=settings)


def index_command(catalog_name: str, rebuild: bool = False) -> str:
    """The shell command that (re)builds an index, for error messages."""
    if catalog_name == "movielens" and not rebuild:
        return "`make index` (or `python -m catalog.index --catalog movielens`)"
    spec = catalog_name if catalog_name in ("movielens", "imdb", "books") else f"<path to {catalog_name}.csv or .jsonl>"
    return f"`python -m catalog.index --catalog {spec}" + (" --rebuild`" if rebuild else "`")


def location(client: ClientAPI, data_dir: Path | None) -> str:
    settings = getattr(client, "get_settings", lambda: None)()
    host = getattr(settings, "chroma_server_host", None) if settings else None
    if host and not getattr(settings, "is_persistent", False):
        return f"the Chroma server {host}:{getattr(settings, 'chroma_server_http_port', '')}"
    path = Path(data_dir) if data_dir is not None else default_data_dir()
    try:
        return str((path / "chroma").relative_to(Path.cwd()))
    except ValueError:
        return str(path / "chroma")


def check_collection(collection: Collection, catalog_name: str, embedder: Embedder,
                     genre_vocab: list[str]) -> None:
    """Raise IndexMismatchError when the collection was built with another schema/model/dim."""
    meta = collection.metadata or {}
    want = expected_metadata(embedder, genre_vocab)
    for key in ("schema", "embed_model", "dim"):
        if meta.get(key) != want[key]:
            raise IndexMismatchError(
                f"The index of catalog '{catalog_name}' was built with {key}={meta.get(key)!r}, "
                f"but this program uses {key}={want[key]!r}. Rebuild it: "
                f"{index_command(catalog_name, rebuild=True)}.")


def _stored_hashes(collection: Collection) -> dict[str, str]:
    hashes: dict[str, str] = {}
    offset = 0
    while True:
        page = collection.get(include=["metadatas"], limit=PAGE, offset=offset)
        for item_id, meta in zip(page["ids"], page["metadatas"] or []):
            hashes[item_id] = str((meta or {}).get("hash", ""))
        if len(page["ids"]) < PAGE:
            return hashes
        offset += PAGE


# -- build ---------------------------------------------------------------------------------

def build_index(catalog: Catalog, embedder: Embedder, *, data_dir: Path | None = None,
                client: ClientAPI | None = None, batch: int = 256, progress: bool = True,
                rebuild: bool = False) -> IndexReport:
    """Embed and write every new or changed item; delete items no longer in the catalog.

    Example: build_index(load_catalog("books"), FakeEmbedder(), data_dir=tmp) ->
    IndexReport(total=60, embedded=60, unchanged=0, ...); a second call embeds 0.
    `rebuild=True` drops the collection first (needed after changing the embedding model).
    """
    start = time.perf_counter()
    client = client or make_client(data_dir)
    name = collection_name(catalog.name)
    vocab = catalog.genres()
    want = expected_metadata(embedder, vocab)
    existing = {c if isinstance(c, str) else c.name for c in client.list_collections()}
    if rebuild and name in existing:
        client.delete_collection(name)
        existing.discard(name)
    if name in existing:
        collection = client.get_collection(name, embedding_function=None)
        check_collection(collection, catalog.name, embedder, vocab)
        stored = _stored_hashes(collection)
        if collection.metadata.get("genres") != want["genres"]:
            # The genre vocabulary changed, so every item needs the new set of g_* flag keys:
            # rewrite all rather than risk an item missing a flag a filter relies on.
            stored = {}
    else:
        collection = client.create_collection(
            name, embedding_function=None,
            metadata={**want, "hnsw:space": "cosine", "catalog": catalog.name, "complete": False},
        )
        stored = {}
    # Mark incomplete until the last batch lands, so search refuses a half-built index.
    collection.modify(metadata={**_user_meta(collection), **want, "complete": False})

    todo = [item for item in catalog if stored.get(item.id) != item.content_hash()]
    removed = [item_id for item_id in stored if item_id not in catalog]
    if removed:
        for i in range(0, len(removed), PAGE):
            collection.delete(ids=removed[i : i + PAGE])
    bar = None
    if progress and todo:
        from tqdm import tqdm

        bar = tqdm(total=len(todo), desc=f"Embedding {catalog.name}", unit="item")
    for i in range(0, len(todo), batch):
        chunk = todo[i : i + batch]
        vectors = embedder.embed([item.embedding_text() for item in chunk])
        collection.upsert(
            ids=[item.id for item in chunk],
            embeddings=vectors,
            documents=[item.embedding_text() for item in chunk],
            metadatas=[item_metadata(item, vocab) for item in chunk],
        )
        if bar is not None:
            bar.update(len(chunk))
    if bar is not None:
        bar.close()
    collection.modify(metadata={**_user_meta(collection), **want, "complete": True,
                                "items": len(catalog), "fingerprint": catalog_fingerprint(catalog)})
    report = IndexReport(catalog=catalog.name, collection=name, total=len(catalog),
                         embedded=len(todo), unchanged=len(catalog) - len(todo),
                         deleted=len(removed), seconds=time.perf_counter() - start,
                         embed_model=embedder.name)
    log.info(report.summary())
    return report


def _user_meta(collection: Collection) -> dict[str, Any]:
    # Chroma refuses to change hnsw:* keys after creation: carry only our own keys over.
    return {k: v for k, v in (collection.metadata or {}).items() if not k.startswith("hnsw:")}


def main(argv: list[str] | None = None) -> int:
    from catalog.embed import FakeEmbedder, default_embedder
    from catalog.loaders import load_catalog, parse_mapping
    from catalog.validate import CatalogError

    parser = argparse.ArgumentParser(prog="python -m catalog.index",
                                     description="Build or update the vector index of a catalog.")
    parser.add_argument("--catalog", default="movielens",
                        help="movielens (default), imdb, books, or a path to a .csv/.jsonl file")
    parser.add_argument("--skip-bad", action="store_true", help="skip invalid rows and report them")
    parser.add_argument("--map", dest="mapping", help="column mapping, e.g. id=isbn,title=name")
    parser.add_argument("--chroma-host", help="use a Chroma server instead of the embedded store")
    parser.add_argument("--chroma-port", type=int, help="port of the Chroma server (default 8000)")
    parser.add_argument("--data-dir", type=Path, help="data folder (default $RECSYS_DATA_DIR or data/)")
    parser.add_argument("--rebuild", action="store_true", help="drop the index and build it anew")
    parser.add_argument("--fake-embedder", action="store_true",
                        help="hashed-word vectors instead of MiniLM (for quick plumbing checks)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(message)s")
    try:
        catalog = load_catalog(args.catalog, skip_bad=args.skip_bad,
                               mapping=parse_mapping(args.mapping))
    except CatalogError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    for note in catalog.notes[:5]:
        print(note)
    embedder = FakeEmbedder() if args.fake_embedder else default_embedder()
    client = make_client(args.data_dir, args.chroma_host, args.chroma_port)
    try:
        report = build_index(catalog, embedder, data_dir=args.data_dir, client=client)
    except IndexMismatchError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    print(report.summary())
    return 0


if __name__ == "__main__":
    sys.exit(main())
