"""A terminal interface for scripting and tests: one message per line in, one JSON object per turn out.

    printf 'a few 90s comedies, nothing too long\\nolder ones\\n' | python -m ui.cli --llm off

Commands besides plain messages: `/like ID`, `/dislike ID`, `/more ID` (more like this),
`/reset` (new conversation), `/forget` (delete what is stored about the session).
Each output line has `instruction`, `items` ([{id, title, score, reason, ...}] in rank order,
ids are catalog ids), `reply`, `timings` (seconds per stage), `notes`, `stage` and `input`.
Only the final result of a turn is printed unless --stream. A bad line prints
{"error": ..., "hint": ..., "input": ...} and the loop goes on (a project error says how to fix it;
any other exception is a bug: its traceback goes to stderr and the line gets a short generic
error); setup errors (missing data or index, a model that cannot load) go to stderr with exit
code 2. Progress bars and logs go to stderr, so stdout is pure JSON lines.
"""
from __future__ import annotations

import argparse
import contextlib
import json
import logging
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import IO, Any

from chat.state import DialogueState
from errors import InvalidRequest, RecsysError
from recommender.types import RecommenderLike, TurnResult
from ui.controller import turn_json
from ui.limits import check_item_id, check_message, clean_text

log = logging.getLogger("recsys.cli")

COMMANDS = {"/like": "like", "/dislike": "dislike", "/more": "more_like"}
HELP = "Commands: /like ID, /dislike ID, /more ID, /reset, /forget; anything else is a message."
EMPTY_HINT = {"en": "Tell me what you would like to watch, e.g. “a funny 90s movie under two hours”.",
              "zh": "告诉我你想看什么，比如“九十年代的喜剧，两小时以内”。"}


# Characters that some line readers take for a line break (Python's str.splitlines, for one):
# escaped, so every answer is exactly one line for any reader.
_LINE_BREAKS = str.maketrans({"\u2028": "\\u2028", "\u2029": "\\u2029", "\x85": "\\u0085"})


def _emit(out: IO[str], obj: dict[str, Any]) -> None:
    out.write(json.dumps(obj, ensure_ascii=False).translate(_LINE_BREAKS) + "\n")
    out.flush()  # a reader driving us line by line must see each answer at once


def _turn(recommender: RecommenderLike, state: DialogueState, line: str
          ) -> tuple[Iterator[TurnResult] | None, DialogueState, dict[str, Any] | None]:
    """Dispatch one input line: (results to stream, new state, or a direct JSON answer)."""
    word, _, arg = line.partition(" ")
    if word in COMMANDS:
        if not arg.strip():
            raise InvalidRequest(f"{word} needs an item id from the last list, e.g. `{word} 1`.")
        return recommender.feedback(state, check_item_id(arg), COMMANDS[word]), state, None
    if word == "/reset":
        state = recommender.new_conversation(state)
        return None, state, {"reply": "New conversation.", "items": [], "stage": "final"}
    if word == "/forget":
        state = recommender.forget(state)
        return None, state, {"reply": "Everything stored about this session was deleted.",
                             "items": [], "stage": "final"}
    if word == "/help":
        return None, state, {"reply": HELP, "items": [], "stage": "final"}
    if word.startswith("/") and len(word) > 1:
        raise InvalidRequest(f"Unknown command {word!r}. {HELP}")
    return recommender.respond(state, check_message(line)), state, None


def _decode(raw: str | bytes) -> tuple[str, str | None]:
    """(the line as text, an error when it is not UTF-8). A bytes line with invalid UTF-8 is shown
    with U+FFFD in place of the bad bytes and gets an error answer, never a traceback."""
    if isinstance(raw, str):
        return clean_text(raw.rstrip("\r\n")), None
    raw = raw.rstrip(b"\r\n")
    try:
        return clean_text(raw.decode("utf-8")), None
    except UnicodeDecodeError as e:
        return (raw.decode("utf-8", "replace"),
                f"This line is not UTF-8 text (byte 0x{raw[e.start]:02x} at byte {e.start + 1}): "
                "send UTF-8 (e.g. `iconv -t utf-8`).")


def run(lines: Iterable[str | bytes], recommender: RecommenderLike, *, out: IO[str] = sys.stdout,
        k: int | None = None, stream: bool = False, state: DialogueState | None = None) -> DialogueState:
    """The loop: one JSON line per turn on `out`. `k` caps the items printed. Returns the last state.
    `lines` may be text or bytes (stdin's raw lines: a line that is not UTF-8 gets an error answer).

    Example: run(["comedies", "/dislike 1"], rec, out=io.StringIO())
    """
    state = state or DialogueState()
    for raw in lines:
        line, bad = _decode(raw)
        if bad is not None:
            _emit(out, {"input": line, "error": bad, "hint": "Fix the line and send it again; " + HELP})
            continue
        if not line.strip():  # one answer per line, a blank one too: say what to type
            _emit(out, {"input": line, "reply": EMPTY_HINT[state.language], "items": [], "stage": "final",
                        "hint": HELP, "session_id": state.session_id})
            continue
        try:
            results, state, direct = _turn(recommender, state, line.strip())
            if direct is not None:
                _emit(out, {"input": line, **direct, "session_id": state.session_id})
                continue
            last: TurnResult | None = None
            assert results is not None
            for result in results:
                last = result
                if stream and result.stage != "final":
                    _emit(out, _as_json(result, line, k))
            if last is None:
                raise RuntimeError("The recommender returned no result for this turn.")
            state = last.state
            _emit(out, _as_json(last, line, k))
        except RecsysError as exc:  # the boundary: a problem the user can act on
            _emit(out, {"input": line, "error": str(exc) or type(exc).__name__,
                        "hint": "Fix the line and send it again; " + HELP})
        except Exception:  # a bug: traceback to stderr, a short answer, and the loop goes on
            log.exception("Unexpected error on input line %r", line[:200])
            _emit(out, {"input": line, "error": "Internal error (details are in the log on stderr).",
                        "hint": "Try again, or /reset to start a new conversation."})
    return state


def _as_json(result: TurnResult, line: str, k: int | None) -> dict[str, Any]:
    data = turn_json(result)
    if k is not None:
        data["items"] = data["items"][:k]
    return {"input": line, **data, "session_id": result.state.session_id}


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m ui.cli", description=__doc__.split("\n")[0])
    p.add_argument("--catalog", default="movielens", help="catalog name or a .csv/.jsonl path")
    p.add_argument("--llm", default="off", help="off | local | llamacpp | transformers[:path] | URL")
    p.add_argument("--understand", choices=["hybrid", "rules", "llm"], default="hybrid",
                   help="how a turn is understood: hybrid (default: the rules at once, the model for the turns "
                        "they are unsure of), rules, or llm (the model reads every turn); without a model: rules")
    p.add_argument("--k", type=int, default=8, help="at most this many items per answer (default 8)")
    p.add_argument("--stream", action="store_true", help="also print the fast and partial results")
    p.add_argument("--data-dir", default=None, help="data folder (default: $RECSYS_DATA_DIR or ./data)")
    p.add_argument("--no-store", action="store_true", help="do not save the session")
    p.add_argument("--store", default=None,
                   help="postgresql://USER@HOST:PORT/DB or a .sqlite3 file (default: $RECSYS_STORE, "
                        "else data/sessions.sqlite3)")
    return p.parse_args(argv)


def main(argv: list[str] | None = None, *,
         factory: Callable[[argparse.Namespace], RecommenderLike] | None = None) -> int:
    """Entry point. `factory` builds the recommender from the parsed args (tests inject fakes)."""
    args = parse_args(argv)
    if args.k < 1:
        print("--k must be at least 1", file=sys.stderr)
        return 2
    out = json_channel()  # taken before any library can redirect file descriptor 1
    # Setup prints progress (index build) on stdout in some libraries: keep stdout pure JSON.
    with contextlib.redirect_stdout(sys.stderr):
        try:
            recommender = factory(args) if factory else _create(args)
        except SystemExit:
            raise
        except (ImportError, OSError, RecsysError) as exc:
            print(f"Cannot start: {exc}", file=sys.stderr)
            return 2
        # stdin's bytes, decoded line by line: one line of invalid UTF-8 must not end the loop
        try:
            run(getattr(sys.stdin, "buffer", sys.stdin), recommender, out=out, k=args.k, stream=args.stream)
        finally:
            close = getattr(recommender, "close", None)
            if close is not None:
                close()  # the model's warm-up thread must not be running in C code at exit
    return 0


def json_channel() -> IO[str]:
    """The CLI's JSON output: a private duplicate of the process's stdout, taken at start.

    A library may point file descriptor 1 elsewhere for a while (llama-cpp-python's
    suppress_stdout_stderr dup2()s /dev/null over it), and on a worker thread that can race with an
    answer being written, or leave /dev/null on fd 1 for good. The duplicate is a file descriptor of
    our own that nothing else knows, so every answer reaches the reader. When stdout has no file
    descriptor (tests that capture it), stdout itself is used.
    """
    try:
        fd = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):  # io.UnsupportedOperation is an OSError
        return sys.stdout
    sys.stdout.flush()
    return os.fdopen(os.dup(fd), "w", encoding="utf-8", errors="replace", buffering=1, closefd=True)


def _create(args: argparse.Namespace) -> RecommenderLike:
    from recommender.pipeline import Recommender

    return Recommender.create(catalog=args.catalog, llm=args.llm, data_dir=args.data_dir,
                              store=False if args.no_store else (args.store or os.environ.get("RECSYS_STORE") or True),
                              progress=True, understand=args.understand)


if __name__ == "__main__":
    sys.exit(main())
