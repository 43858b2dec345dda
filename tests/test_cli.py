"""`python -m ui.cli`: one JSON object per turn on stdout, errors as JSON, setup errors exit 2."""
from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ui import cli
from fakes import FakeRecommender

REPO = Path(__file__).resolve().parent.parent


def run_lines(recommender, lines: list[str], **kw) -> list[dict]:
    out = io.StringIO()
    cli.run(lines, recommender, out=out, **kw)
    return [json.loads(line) for line in out.getvalue().splitlines()]


def test_one_json_line_per_turn_with_the_required_fields(tiny_items):
    rows = run_lines(FakeRecommender(tiny_items), ["a few comedies\n", "\n", "推荐几部喜剧\n"])
    assert len(rows) == 3, "one object per line, a blank line included"
    assert rows[1]["items"] == [] and "Tell me what you would like" in rows[1]["reply"] and rows[1]["hint"]
    rows = [rows[0], rows[2]]
    first = rows[0]
    assert {"instruction", "items", "reply", "timings", "notes", "stage"} <= first.keys()
    assert first["stage"] == "final"
    catalog = {i.id: i for i in tiny_items}
    assert first["items"] and all(it["id"] in catalog for it in first["items"])
    assert all("comedy" in catalog[it["id"]].genres for it in first["items"])
    assert [it["rank"] for it in first["items"]] == list(range(1, len(first["items"]) + 1))
    assert {"id", "title", "score", "reason"} <= first["items"][0].keys()
    assert first["instruction"]["constraints"]["include_genres"] == ["comedy"]
    assert rows[1]["instruction"]["language"] == "zh" and rows[1]["reply"] == "这里有几部喜剧影片。"


def test_dislike_command_removes_the_item_and_keeps_the_session(tiny_items):
    probe = run_lines(FakeRecommender(tiny_items), ["comedies"])[0]["items"]  # the fake is deterministic
    top, second = probe[0]["id"], probe[1]["id"]
    rows = run_lines(FakeRecommender(tiny_items), ["comedies", f"/dislike {top}", f"/like {second}"])
    assert top not in [it["id"] for it in rows[1]["items"]]
    assert top not in [it["id"] for it in rows[2]["items"]], "a dislike lasts for the session"
    assert rows[0]["session_id"] == rows[1]["session_id"] == rows[2]["session_id"]


def test_bad_lines_give_json_errors_and_the_loop_goes_on(tiny_items):
    rows = run_lines(FakeRecommender(tiny_items),
                     ["boom", "/dislike", "/like not-an-id", "/frobnicate 3", "comedies"])
    assert [("error" in r) for r in rows] == [True, True, True, True, False]
    assert "make index" in rows[0]["error"]
    assert "needs an item id" in rows[1]["error"]
    assert "Unknown command" in rows[3]["error"] and "/like ID" in rows[3]["hint"]
    assert rows[4]["items"]


def test_reset_and_forget(tiny_items):
    rec = FakeRecommender(tiny_items)
    rows = run_lines(rec, ["comedies", "/reset", "/forget"])
    assert rows[1]["items"] == [] and rows[1]["session_id"] == rows[0]["session_id"]
    assert rec.forgotten == [rows[0]["session_id"]]
    assert rows[2]["session_id"] != rows[0]["session_id"]


def test_stream_prints_every_stage_and_k_caps_items(tiny_items):
    rows = run_lines(FakeRecommender(tiny_items, llm_stages=True), ["comedies"], stream=True, k=2)
    assert [r["stage"] for r in rows] == ["fast", "llm_partial", "final"]
    assert all(len(r["items"]) <= 2 for r in rows)
    quiet = run_lines(FakeRecommender(tiny_items, llm_stages=True), ["comedies"])
    assert [r["stage"] for r in quiet] == ["final"]


def test_setup_error_exits_2_with_the_message_on_stderr(monkeypatch, capsys):
    def broken(args):
        print("progress chatter that must not reach stdout")
        raise FileNotFoundError("No index for catalog 'movielens' at data/chroma: run `make index`")

    monkeypatch.setattr(sys, "stdin", io.StringIO("comedies\n"))
    assert cli.main(["--llm", "off"], factory=broken) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "run `make index`" in captured.err and "progress chatter" in captured.err


def test_main_reads_stdin_and_keeps_stdout_pure_json(monkeypatch, capsys, tiny_items):
    def factory(args):
        print("building index 100%")  # library noise goes to stderr
        return FakeRecommender(tiny_items)

    monkeypatch.setattr(sys, "stdin", io.StringIO("comedies\n/dislike 1\n"))
    assert cli.main(["--k", "3"], factory=factory) == 0
    lines = capsys.readouterr().out.splitlines()
    rows = [json.loads(line) for line in lines]
    assert len(rows) == 2 and all(len(r["items"]) <= 3 for r in rows)


def test_invalid_utf8_on_stdin_gets_an_error_and_later_lines_an_answer(monkeypatch, capsys, tiny_items):
    raw = b"comedies\n\xff\xfe bad \xc3(\n/dislike \xff1\ncomedies \xed\xa0\x80 again\n\x00\x1b[2J dramas\ncomedies\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8"))
    assert cli.main([], factory=lambda args: FakeRecommender(tiny_items)) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(rows) == 6, "one answer per line, the process goes on"
    assert [bool(r.get("error")) for r in rows] == [False, True, True, True, False, False]
    assert "not UTF-8" in rows[1]["error"] and "byte 0xff" in rows[1]["error"]
    assert rows[5]["items"] and rows[5]["session_id"] == rows[0]["session_id"]
    assert "\x00" not in rows[4]["input"] and "\x1b" not in rows[4]["input"]


# ---- the real MovieLens catalog (real MiniLM, index built in a temporary folder) ----------
def _env(data_dir: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(RECSYS_DATA_DIR=str(data_dir), HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1",
               OMP_NUM_THREADS="1", TOKENIZERS_PARALLELISM="false", ANONYMIZED_TELEMETRY="False")
    env.pop("RECSYS_LLM", None)
    return env


@pytest.mark.slow
@pytest.mark.data
def test_cli_on_the_real_movielens_catalog(tmp_path):
    pytest.importorskip("recbole", reason="MovieLens data missing: run `make data`")
    from catalog.loaders import load_catalog

    proc = subprocess.Popen(
        [sys.executable, "-m", "ui.cli", "--catalog", "movielens", "--llm", "off", "--no-store"],
        cwd=REPO, env=_env(tmp_path / "data"), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True, encoding="utf-8")

    def ask(line: str) -> dict:
        assert proc.stdin is not None and proc.stdout is not None
        proc.stdin.write(line + "\n")
        proc.stdin.flush()
        out = proc.stdout.readline()
        assert out, f"the CLI stopped: {proc.stderr.read() if proc.stderr else ''}"
        return json.loads(out)

    try:
        first = ask("a few 90s comedies, nothing too long")
        older = ask("older ones")
        top = older["items"][0]["id"]
        after = ask(f"/dislike {top}")
    finally:
        proc.stdin.close()  # type: ignore[union-attr]
        proc.wait(timeout=120)
    assert proc.returncode == 0

    catalog = load_catalog("movielens")
    c1 = first["instruction"]["constraints"]
    assert c1["max_runtime"] is not None, "“nothing too long” sets a runtime limit"
    assert 1 <= len(first["items"]) <= 5, "“a few” means a short list"
    for row, lo, hi in ((first, 1990, 1999), (older, None, 1989), (after, None, 1989)):
        assert row["items"], row["reply"]
        for it in row["items"]:
            item = catalog.get(it["id"])
            assert item is not None, f"{it['id']} is not a catalog id"
            assert "comedy" in item.genres
            assert item.year is not None and item.year <= hi and (lo is None or item.year >= lo)
            assert item.runtime is not None and item.runtime <= c1["max_runtime"]
            assert it["reason"]
        assert set(row["timings"]) >= {"parse", "retrieve"}
    assert top not in [it["id"] for it in after["items"]]
