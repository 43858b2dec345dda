"""Generated inputs against the entry points: the API functions (in process) and the CLI's loop.

The real pipeline answers (rule parser, real Chroma with the FakeEmbedder on the 27-film catalog,
real SQLite store). For every input: no exception other than a project error (`RecsysError`,
shown to the user as its message; anything else would be a bug shown as "Something went wrong"),
no exit, every item from the catalog and inside the constraints the answer reports.

Memory: Hypothesis itself keeps records of every example it generated (measured: +7 MB per 1,000
examples with an empty test body, more with these richer strategies), so the process of a fuzz
test grows linearly whatever the app does. The memory target (under 100 MB of growth) is checked
by `test_api_memory_without_hypothesis`: the same mixture of API calls from a seeded `random`.

CI runs Hypothesis' default 100 inputs per test; `make fuzz` runs 10,000 per entry point
(`--hypothesis-profile=fuzz`) and prints inputs, time and memory (`-s`).
"""
from __future__ import annotations

import io
import json
import random
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from catalog.filters import Filters
from chat.parser import RuleRewriter
from chat.state import DialogueState
from errors import RecsysError
from recommender.pipeline import Recommender
from recommender.store import SessionStore
from ui import cli
from ui.controller import ChatController
from ui.limits import clean_text

WORDS = ["comedies", "90s", "older ones", "not the second one", "more", "#3", "like Toy Story", "why #1",
         "under 2 hours", "rated above 8", "no horror", "reset", "start over", "I loved Heat", "不要恐怖片",
         "九十年代的喜剧", "换一批", "第二部", "1e30", "-5", "99999999999999999999", "films before 1850",
         "top 0", "show me 1000000", "\x00", "\ud800", "<img src=x>", "![x](http://h/p.png)",
         "'; DROP TABLE sessions; --", "{{7*7}}", "\n", "   ", "/like 1", "/more 50"]
MESSAGE_TEXT = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=20)), max_size=8).map(" ".join),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=2_000, max_size=25_000),
)
NOT_TEXT = st.one_of(st.none(), st.integers(), st.floats(), st.booleans(),
                     st.lists(st.integers(), max_size=3), st.dictionaries(st.text(max_size=5), st.integers(), max_size=3))


def _rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * 4096 / 2**20


class Run:
    """Counts and memory of one fuzzed entry point, printed at the end (make fuzz -s)."""

    def __init__(self, name: str) -> None:
        self.name, self.inputs, self.errors, self.items = name, 0, 0, 0
        self.kinds: dict[str, int] = {}  # the first words of each project error, counted
        self.t0, self.rss0 = time.perf_counter(), _rss_mb()
        self.series: list[tuple[int, float]] = []  # (inputs, RSS MB) every 1,000 inputs

    def count(self) -> None:
        self.inputs += 1
        if self.inputs % 1_000 == 0:
            self.series.append((self.inputs, _rss_mb()))

    def report(self) -> float:
        growth = _rss_mb() - self.rss0
        print(f"\nfuzz {self.name}: {self.inputs:,} inputs, {self.errors:,} answered with a project error, "
              f"{self.items:,} items checked, {time.perf_counter() - self.t0:.0f} s, "
              f"memory {self.rss0:.0f} -> {self.rss0 + growth:.0f} MB ({growth:+.0f} MB)")
        if self.series:
            print("  RSS MB by inputs: " + ", ".join(f"{n:,}: {mb:.0f}" for n, mb in self.series))
        for text, n in sorted(self.kinds.items(), key=lambda kv: -kv[1])[:8]:
            print(f"  {n:6,} × {text}…")
        return growth


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> SessionStore:
    return SessionStore(tmp_path_factory.mktemp("fuzz") / "sessions.sqlite3")


@pytest.fixture(scope="module")
def rec(catalog, index, store) -> Recommender:
    rec = Recommender(catalog, index, rewriter=RuleRewriter(), store=store)
    # One-time lazy setup (the Chinese segmenter's dictionary, word lists, caches) before memory
    # is measured: the growth reported is what the inputs cost, not what the first turn loads.
    for text in WORDS + ["a" * 3_000, "推荐几部九十年代的喜剧，不要太长" * 50]:
        text, state = clean_text(text), DialogueState()
        for turn in (text, "comedies", text, "why #1", "not the second one", "more"):
            for _ in rec.respond(state, turn):
                pass
            state = _.state
    return rec


def check_items(items: list[dict], constraints: dict, catalog) -> int:
    filters = Filters(**constraints)
    for it in items:
        item = catalog.get(it["id"])
        assert item is not None, f"item {it['id']!r} is not in the catalog"
        assert filters.allows(item), (it["id"], constraints)
    return len(items)


def test_fuzz_api(rec, catalog):
    ui = ChatController(rec)
    tokens: list[str] = []
    run = Run("API (chat, feedback, new, forget)")
    catalog_ids = list(catalog.items)

    # Mostly well-formed inputs that reach the pipeline (a real session, a catalog id), sometimes
    # anything else: `mostly(good, bad)` picks good 8 times in 10.
    def mostly(good, bad):
        return st.tuples(st.integers(0, 9), good, bad).map(lambda t: t[1] if t[0] < 8 else t[2])

    session = mostly(st.sampled_from(["live", "live", "live", ""]),
                     st.one_of(st.text(max_size=60), NOT_TEXT, st.text(
                         alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_",
                         min_size=43, max_size=43)))
    item_id = mostly(st.sampled_from(catalog_ids), st.one_of(st.text(max_size=30), st.integers(), NOT_TEXT))
    kind = mostly(st.sampled_from(["like", "dislike", "more_like"]), st.one_of(st.text(max_size=10), NOT_TEXT))

    @settings(deadline=None, suppress_health_check=list(HealthCheck), database=None)
    @given(endpoint=st.sampled_from(["chat"] * 12 + ["feedback"] * 6 + ["new", "forget"]),
           message=mostly(MESSAGE_TEXT, NOT_TEXT), session=session, item_id=item_id, kind=kind,
           pick=st.integers(min_value=0, max_value=10**6))
    def one(endpoint, message, session, item_id, kind, pick):
        if session == "live":
            session = tokens[pick % len(tokens)] if tokens else ""
        run.count()
        try:
            if endpoint == "chat":
                out = ui.api_chat(message, session)
            elif endpoint == "feedback":
                out = ui.api_feedback(item_id, kind, session)
            elif endpoint == "new":
                out = ui.api_new(session)
            else:
                out = ui.api_forget(session)
                if session in tokens:
                    tokens.remove(session)
        except RecsysError as e:  # what the user sees: a message that says what to do
            assert str(e).strip() and "Traceback" not in str(e)
            run.errors += 1
            run.kinds[str(e)[:40]] = run.kinds.get(str(e)[:40], 0) + 1
            return
        json.dumps(out)  # what the API sends must be JSON
        if out.get("session") and out["session"] not in tokens:
            tokens.append(out["session"])
            del tokens[:-50]
        if "instruction" in out:
            run.items += check_items(out["items"], out["instruction"]["constraints"], catalog)

    one()
    run.report()  # memory: see the module docstring and test_api_memory_without_hypothesis
    assert run.inputs >= settings.default.max_examples


def test_fuzz_cli_lines(rec, catalog):
    run = Run("CLI lines")
    state = {"session": None}

    @settings(deadline=None, suppress_health_check=list(HealthCheck), database=None)
    @given(line=st.one_of(MESSAGE_TEXT, st.binary(max_size=200),
                          st.tuples(st.sampled_from(["/like", "/dislike", "/more", "/reset", "/forget", "/help",
                                                     "/x", "/like  "]),
                                    st.one_of(st.sampled_from(list(catalog.items)), st.text(max_size=20)))
                          .map(lambda t: f"{t[0]} {t[1]}")))
    def one(line):
        nl = "\n" if isinstance(line, str) else b"\n"
        lines = [part + nl for part in line.split(nl)]  # as a file iterator on stdin splits them
        out = io.StringIO()
        state["session"] = cli.run(lines, rec, out=out, state=state["session"])
        rows = [json.loads(r) for r in out.getvalue().splitlines()]  # any line reader: one answer a line
        run.count()
        assert len(rows) == len(lines), "one answer per input line"
        for row in rows:
            assert "Internal error" not in row.get("error", ""), row
            run.errors += "error" in row
            if row.get("instruction"):
                run.items += check_items(row["items"], row["instruction"]["constraints"], catalog)

    one()
    assert run.report() < 100, "memory grew by 100 MB or more"
    assert run.inputs >= settings.default.max_examples


def test_api_memory_without_hypothesis(rec, catalog):
    """As many API calls as the fuzz test makes (the profile's max_examples), from a seeded
    `random`: chats with words, random Unicode and 2,000-25,000-character pastes, feedback, new and
    forget, on live, new and forged sessions. The process grows by less than 100 MB."""
    rng = random.Random(14)
    ui = ChatController(rec)
    run = Run("API memory, seeded random inputs")
    ids = list(catalog.items)
    tokens: list[str] = []

    def text() -> object:
        r = rng.random()
        if r < 0.1:
            return rng.choice([None, 3, 2.5, True, ["a"], {"text": "comedies"}])
        if r < 0.3:
            return "".join(chr(rng.randint(32, 0x9FFF)) for _ in range(rng.randint(0, 300)))
        if r < 0.4:
            return "".join(chr(rng.randint(32, 0x9FFF)) for _ in range(rng.randint(2_000, 25_000)))
        return " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 6)))

    for _ in range(settings.default.max_examples):
        r = rng.random()
        session = (rng.choice(tokens) if tokens and r < 0.7 else "" if r < 0.85
                   else rng.choice(["x" * 43, "{}", 7, "a" * 100_000]))
        endpoint = rng.choices(["chat", "feedback", "new", "forget"], [60, 30, 5, 5])[0]
        run.count()
        try:
            if endpoint == "chat":
                out = ui.api_chat(text(), session)
            elif endpoint == "feedback":
                out = ui.api_feedback(rng.choice(ids), rng.choice(["like", "dislike", "more_like"]), session)
            elif endpoint == "new":
                out = ui.api_new(session)
            else:
                out = ui.api_forget(session)
        except RecsysError:
            run.errors += 1
            continue
        if out.get("session") and out["session"] not in tokens:
            tokens.append(out["session"])
            del tokens[:-50]
        if "instruction" in out:
            run.items += check_items(out["items"], out["instruction"]["constraints"], catalog)
    assert run.report() < 100, "memory grew by 100 MB or more"
