"""Which genres fit a wish the rules could not place: the language model's focused reading.

The rules map genre words and moods they know to leanings ("something cozy" leans to comedy and away
from horror). A wish said in words they do not know ("something to watch while folding laundry",
"a movie that feels like summer", "适合一个人安静看的电影") leaves them with nothing but the words. In
hybrid understanding the model is then asked one small question: which of the catalog's genres fit
the wish (up to three, best first) and which would clash (up to two), constrained by a grammar to the
catalog's genre names. The answer only leans the ranking; it never filters and never adds a title.

May import: lm, prompts, chat (lower modules).

Example:
    >>> reader = LeaningReader(make_llm("local"))
    >>> reader.read("something to watch while folding laundry", ["comedy", "drama", "horror", "war"])
    Leanings(fit=['comedy'], avoid=['war', 'horror'])
"""
from __future__ import annotations

import logging
import re
import time
from collections.abc import Sequence
from dataclasses import dataclass, field

import prompts
from chat import rx
from lm import LLM, GenerateOptions, LLMError, Message

log = logging.getLogger(__name__)

MAX_TEXT = 400  # characters of the message the model reads
MAX_FIT, MAX_AVOID = 3, 2


@dataclass(frozen=True)
class Leanings:
    fit: list[str] = field(default_factory=list)
    avoid: list[str] = field(default_factory=list)


def grammar(genres: Sequence[str]) -> str:
    """A GBNF grammar for "fit: a, b\\navoid: c" over the catalog's genre names."""
    words = " | ".join('"' + g.replace("\\", "\\\\").replace('"', '\\"') + '"' for g in genres)
    fit = 'g' + ' (", " g)?' * (MAX_FIT - 1)
    avoid = 'g' + ' (", " g)?' * (MAX_AVOID - 1)
    return f'root ::= "fit: " {fit} "\\navoid: " ("none" | {avoid})\ng ::= {words}\n'


def parse(answer: str, genres: Sequence[str]) -> Leanings:
    """The model's answer -> Leanings over `genres` (unknown words dropped, a genre never on both sides)."""
    known = {g.lower(): g for g in genres}

    def line(name: str, most: int) -> list[str]:
        m = rx.search(rf"^\s*{name}\s*:\s*(.*)$", answer, re.M | re.I)
        got = [known[w.strip().lower()] for w in (m.group(1).split(",") if m else []) if w.strip().lower() in known]
        return list(dict.fromkeys(got))[:most]

    fit = line("fit", MAX_FIT)
    return Leanings(fit=fit, avoid=[g for g in line("avoid", MAX_AVOID) if g not in fit])


class LeaningReader:
    """Asks the model which genres fit a wish. `read` raises `LLMError` when the model fails or passes
    `timeout`; the caller keeps the rules' reading then."""

    def __init__(self, llm: LLM, *, timeout: float = 4.0) -> None:
        self.llm = llm
        self.timeout = timeout
        self.last_seconds = 0.0

    @staticmethod
    def messages(text: str, genres: Sequence[str]) -> list[Message]:
        text = " ".join(str(text).split())[:MAX_TEXT].replace('"', "'")
        return [{"role": "system", "content": prompts.render("leanings", "system", genres=", ".join(genres))},
                {"role": "user", "content": prompts.render("leanings", "user", text=text)}]

    def warm(self, genres: Sequence[str]) -> bool:
        """Prefill the fixed system prompt now (kept in llama.cpp's KV cache), off the request path.
        Returns False instead of raising when the model fails."""
        try:
            self.llm.complete(self.messages("warm-up", genres),
                              GenerateOptions(max_tokens=1, timeout=120, grammar=grammar(genres)))
        except LLMError:
            return False
        return True

    def read(self, text: str, genres: Sequence[str]) -> Leanings:
        genres = list(genres)
        if not genres:
            return Leanings()
        t0 = time.perf_counter()
        try:
            answer = self.llm.complete(self.messages(text, genres),
                                       GenerateOptions(max_tokens=28, timeout=self.timeout, grammar=grammar(genres)))
        finally:
            self.last_seconds = time.perf_counter() - t0
        got = parse(answer, genres)
        log.debug("leanings %r -> %r (%.2f s)", text[:60], got, self.last_seconds)
        return got
