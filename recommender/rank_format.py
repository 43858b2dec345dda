"""The LLM ranker's answer formats: the GBNF grammars that force the shape of the model's answer,
and the parsers that map an answer back to candidates (by letter or position, never by title).

List mode: "C| reason | score" per line under shuffled LETTERS (`rank_grammar`, `LetterParser`);
ids-only list mode: "C|8" lines (`ids_grammar`); item mode: "reason | score" (`item_grammar`,
`parse_item_answer`). Reasons are cleaned (`clean_reason`, `strip_title`) before they are checked.
"""
from __future__ import annotations

import re

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_LINE = re.compile(r"^\s*[\[(*#]*\s*([A-Za-z])\s*[\])]?\s*[|:.)\-–=]\s*(?:(10|\d)\s*(?:/\s*10)?\s*(?:[|:.,\-–]\s*|$))?(.*)$")
_TAIL_SCORE = re.compile(r"\s*\|\s*(10|\d)\s*(?:/\s*10)?\s*$")
_MAX_REASON_CHARS = 160  # parser-side cap, for backends that cannot enforce the grammar
# Grammar-side cap on one reason, per language: ~10 English words, ~20 Chinese characters (the
# prompt asks for that; the cap stops a rambling line, which costs ~19 tokens a second to decode).
MAX_REASON_CHARS = {"en": 72, "zh": 24}


def clean_reason(text: str) -> str:
    text = " ".join(text.replace("|", " ").split()).strip(" \"'“”")
    return text[:_MAX_REASON_CHARS]


def strip_title(reason: str, title: str) -> str:
    """Drop the item's title when the small model opens its reason with it (the card shows it);
    keep the reason as it is if nothing else would be left.

    Example: strip_title("Babe (1995): a gentle family comedy", "Babe") -> "a gentle family comedy"
    """
    if not reason.lower().startswith(title.lower()):
        return reason
    rest = re.sub(r"^\s*(\(\d{4}\))?[\s:,;.\-–—]*", "", reason[len(title):])
    return rest if re.search(r"\w", rest) else reason


class LetterParser:
    """Incremental parser of "C| 8 | reason" lines (score optional). Feed pieces; get
    (letter-index, score or None, reason) when a line closes.

    Unknown letters and repeated letters are dropped here, so callers can only ever see valid
    indexes into the shown list, each once.
    """

    def __init__(self, n: int) -> None:
        self.n = n
        self.buffer = ""
        self.seen: set[int] = set()
        self.bad_lines = 0

    def feed(self, piece: str) -> list[tuple[int, int | None, str]]:
        self.buffer += piece
        out = []
        while "\n" in self.buffer:
            line, self.buffer = self.buffer.split("\n", 1)
            out.extend(self._line(line))
        return out

    def close(self) -> list[tuple[int, int | None, str]]:
        line, self.buffer = self.buffer, ""
        return self._line(line)

    def _line(self, line: str) -> list[tuple[int, int | None, str]]:
        if not line.strip():
            return []
        m = _LINE.match(line)
        if not m:
            self.bad_lines += 1
            return []
        idx = LETTERS.find(m.group(1).upper())
        if idx < 0 or idx >= self.n or idx in self.seen:
            self.bad_lines += 1
            return []
        self.seen.add(idx)
        score = int(m.group(2)) if m.group(2) is not None else None
        reason = m.group(3)
        tail = _TAIL_SCORE.search(reason)  # the grammar's shape: "C| reason | 3"
        if score is None and tail:
            score, reason = int(tail.group(1)), reason[: tail.start()]
        # The small model sometimes repeats its letter before the reason ("C| C 1995 crime");
        # not for "A", which is also the English article ("A| A 1995 comedy").
        if idx > 0:
            reason = re.sub(rf"^\s*{LETTERS[idx]}\s+(?=\d)", "", reason)
        return [(idx, score, clean_reason(reason))]


def rank_grammar(n: int, max_reason_chars: int | None = None, lang: str = "en") -> str:
    """GBNF: the n lines "A| reason | 7", "B| ..." in letter order, a score 0-10 closing each.

    Scoring every candidate in the shown order (rather than asking for a sorted list) avoids the
    small model's habit of listing candidates in prompt order; the score comes after the reason so
    that it is conditioned on what the model just said about the item (a one-line rationale).
    In Chinese a reason must start with a CJK character and cannot contain ";" (the candidate
    lines' separator): without that the 1.5B model answered in English, copying its candidate
    line. In English the same ";" ban made its scores degenerate (9, 8, 7, ...) in one run, so
    English reasons are left free (they tend to quote the item's attributes: grounded, if plain).
    """
    lines = " ".join(f'"{LETTERS[i]}| " reason " | " score "\\n"' for i in range(n))
    if max_reason_chars is None:
        max_reason_chars = MAX_REASON_CHARS.get(lang, MAX_REASON_CHARS["en"])
    if lang == "zh":
        reason = f"[\\u4e00-\\u9fff] [^\\n|;]{{0,{max_reason_chars - 1}}}"
    else:
        reason = f"[^\\n|] [^\\n|]{{0,{max_reason_chars - 1}}}"
    return f"root ::= {lines}\n" 'score ::= [0-9] | "10"\n' f"reason ::= {reason}\n"


def item_grammar(lang: str = "en", max_reason_chars: int | None = None) -> str:
    """GBNF for one item-mode answer: "reason | 7". A Chinese reason starts with a CJK character or
    digit and has no Latin letters (the model otherwise drifts into English or copies the title);
    an English one has no CJK characters (after the Chinese worked examples the model sometimes
    answered an English request in Chinese)."""
    if max_reason_chars is None:
        max_reason_chars = MAX_REASON_CHARS.get(lang, MAX_REASON_CHARS["en"])
    if lang == "zh":
        reason = f"[\\u4e00-\\u9fff0-9] [^\\n|;a-zA-Z]{{1,{max_reason_chars - 1}}}"
    else:
        reason = f"[^\\n|\\u4e00-\\u9fff] [^\\n|\\u4e00-\\u9fff]{{2,{max_reason_chars - 1}}}"
    return f'root ::= reason " | " score\n' 'score ::= [0-9] | "10"\n' f"reason ::= {reason}\n"


def parse_item_answer(text: str) -> tuple[int | None, str] | None:
    """(score, reason) of an item-mode answer "reason | 7"; None when it is not that shape.

    Example: parse_item_answer("1995 comedy, a fine fit | 8") -> (8, "1995 comedy, a fine fit")
    """
    line = text.strip().split("\n")[0]
    tail = _TAIL_SCORE.search(line)
    if not tail:
        return None
    reason = clean_reason(line[: tail.start()])
    return (int(tail.group(1)), reason) if reason else None


def ids_grammar(n: int) -> str:
    """GBNF: "A: 7", "B: 3", ... one score line per candidate, no reasons (about 4 tokens each)."""
    lines = " ".join(f'"{LETTERS[i]}: " score "\\n"' for i in range(n))
    return f'root ::= {lines}\nscore ::= [0-9] | "10"\n'
