"""Building the Chroma index: incremental, resumable, versioned, with errors that say the fix."""
from __future__ import annotations

import numpy as np
import pytest

from catalog.catalog import Catalog
from catalog.index import (
    SCHEMA,
    IndexMismatchError,
    IndexMissingError,
    build_index,
    collection_name,
    main,
    make_client,
)
from catalog.search import open_index
from fakes import FakeEmbedder


@pytest.fixture
def tiny(tiny_items) -> Catalog:
    return Catalog("tiny", tiny_items)


def test_build_then_rebuild_embeds_nothing(tiny, tmp_path):
    emb = FakeEmbedder()
    first = build_index(tiny, emb, data_dir=tmp_path, progress=False)
    assert (first.total, first.embedded, first.unchanged, first.deleted) == (27, 27, 0, 0)
    assert (tmp_path / "chroma").is_dir()
    emb.calls = 0
    second = build_index(tiny, emb, data_dir=tmp_path, progress=False)
    assert (second.embedded, second.unchanged) == (0, 27)
    assert emb.calls == 0


def test_changing_one_item_reembeds_only_it_and_removed_items_are_deleted(tiny_items, tmp_path):
    emb = FakeEmbedder()
    build_index(Catalog("tiny", tiny_items), emb, data_dir=tmp_path, progress=False)
    changed = list(tiny_items)
    changed[0] = changed[0].model_copy(update={"description": "A brand-new plot line about toys."})
    del changed[5]
    emb.calls = 0
    report = build_index(Catalog("tiny", changed), emb, data_dir=tmp_path, progress=False)
    assert (report.embedded, report.deleted, report.unchanged) == (1, 1, 25)
    assert emb.calls == 1
    index = open_index(Catalog("tiny", changed), emb, data_dir=tmp_path)
    assert index.collection.count() == 26
    assert tiny_items[5].id not in {h.item_id for h in index.search("film", k=50)}
    # the stored vector is the new text's vector
    want = emb.embed([changed[0].embedding_text()])[0]
    assert np.allclose(index.vectors([changed[0].id])[0], want, atol=1e-5)


def test_collection_records_schema_and_model(tiny, tmp_path):
    build_index(tiny, FakeEmbedder(), data_dir=tmp_path, progress=False)
    meta = make_client(tmp_path).get_collection(collection_name("tiny")).metadata
    assert meta["schema"] == SCHEMA and meta["embed_model"] == "fake-hash-64" and meta["dim"] == 64
    assert meta["complete"] is True


def test_other_embedder_gives_mismatch_error_with_rebuild_command(tiny, tmp_path):
    build_index(tiny, FakeEmbedder(64), data_dir=tmp_path, progress=False)
    with pytest.raises(IndexMismatchError, match=r"embed_model='fake-hash-64'.*--rebuild"):
        open_index(tiny, FakeEmbedder(32), data_dir=tmp_path).search("toys")
    with pytest.raises(IndexMismatchError):
        build_index(tiny, FakeEmbedder(32), data_dir=tmp_path, progress=False)
    report = build_index(tiny, FakeEmbedder(32), data_dir=tmp_path, progress=False, rebuild=True)
    assert report.embedded == 27
    assert open_index(tiny, FakeEmbedder(32), data_dir=tmp_path).search("toy story", k=1)


def test_missing_index_error_says_how_to_build(tiny, tmp_path):
    index = open_index(tiny, FakeEmbedder(), data_dir=tmp_path)  # lazy: no error yet
    with pytest.raises(IndexMissingError, match=r"No index for catalog 'tiny' at .*chroma: run .*python -m catalog.index"):
        index.search("toys")
    movielens = Catalog("movielens", [])
    with pytest.raises(IndexMissingError, match="make index"):
        open_index(movielens, FakeEmbedder(), data_dir=tmp_path).ensure()


def test_build_if_missing_builds_on_first_use(tiny, tmp_path):
    index = open_index(tiny, FakeEmbedder(), data_dir=tmp_path, build_if_missing=True, progress=False)
    assert index.search("toy story", k=1)[0].item_id == "1"


class BrokenEmbedder(FakeEmbedder):
    """Fails after `ok_batches` calls, like a build killed half way."""

    def __init__(self, ok_batches: int) -> None:
        super().__init__()
        self.ok_batches = ok_batches

    def embed(self, texts):
        if self.ok_batches == 0:
            raise KeyboardInterrupt("simulated interruption")
        self.ok_batches -= 1
        return super().embed(texts)


def test_interrupted_build_is_refused_then_resumed(tiny, tmp_path):
    with pytest.raises(KeyboardInterrupt):
        build_index(tiny, BrokenEmbedder(ok_batches=2), data_dir=tmp_path, batch=5, progress=False)
    with pytest.raises(IndexMissingError, match="incomplete"):
        open_index(tiny, FakeEmbedder(), data_dir=tmp_path).search("toys")
    emb = FakeEmbedder()
    report = build_index(tiny, emb, data_dir=tmp_path, batch=5, progress=False)
    assert (report.unchanged, report.embedded) == (10, 17)  # 2 batches of 5 were already written
    assert emb.calls == 17
    assert open_index(tiny, emb, data_dir=tmp_path).search("toy story", k=1)[0].item_id == "1"


def test_changed_catalog_is_reported_out_of_date_or_updated(tiny_items, tmp_path):
    build_index(Catalog("tiny", tiny_items), FakeEmbedder(), data_dir=tmp_path, progress=False)
    edited = [tiny_items[0].model_copy(update={"title": "Toy Story (edited)"}), *tiny_items[1:]]
    with pytest.raises(IndexMissingError, match="out of date: run"):
        open_index(Catalog("tiny", edited), FakeEmbedder(), data_dir=tmp_path).ensure()
    emb = FakeEmbedder()
    index = open_index(Catalog("tiny", edited), emb, data_dir=tmp_path, build_if_missing=True,
                       progress=False).ensure()
    assert emb.calls == 1  # only the edited item was re-embedded
    assert index.search("Toy Story edited", k=1)[0].item_id == "1"


def test_cli_builds_books_index(tmp_path, capsys):
    assert main(["--catalog", "books", "--fake-embedder", "--data-dir", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "books: 65 items; embedded 65" in out
    assert main(["--catalog", "books", "--fake-embedder", "--data-dir", str(tmp_path)]) == 0
    assert "embedded 0, unchanged 65" in capsys.readouterr().out


def test_cli_reports_bad_file(tmp_path, capsys):
    bad = tmp_path / "bad.csv"
    bad.write_text("id,title,year\nx,Emma,abc\n", encoding="utf-8")
    assert main(["--catalog", str(bad), "--fake-embedder", "--data-dir", str(tmp_path)]) == 2
    assert "bad.csv, line 2, field 'year'" in capsys.readouterr().err
