"""What the user thinks of the films they name: the language model's focused reading.

The rules find the films a message names (English and Chinese titles, checked against the
catalog) and read the plain cues ("seen X", "I loved X", "like X"). How people say they loved or
hated a film is open-ended ("I rewatch it every christmas", "blew my mind", "看了八百遍",
"看得我想睡觉"), so in hybrid understanding the model is asked one small question about the
named films: loved, hated, seen or similar for each, one line per film, constrained by a grammar.
The answer only re-labels films the rules already resolved to catalog ids; it never adds a title.

May import: lm, prompts, chat (lower modules).

Example:
    >>> reader = OpinionReader(make_llm("local"))
    >>> reader.read("Die Hard is the gold standard, I rewatch it every christmas", [("50", "Die Hard")])
    {'50': 'loved'}
"""
from __future__ import annotations

import logging
import re

from chat import rx
import time
from collections.abc import Sequence
from typing import Literal, get_args

import prompts
from lm import LLM, GenerateOptions, LLMError, Message

log = logging.getLogger(__name__)

Opinion = Literal["loved", "hated", "seen", "similar", "none"]
OPINIONS: tuple[str, ...] = get_args(Opinion)
MAX_FILMS = 6  # more named films than this in one message: the rules' reading stands for the rest
MAX_TEXT = 600  # characters of the message the model reads (the films are named in it)


def grammar(n: int) -> str:
    """A GBNF grammar for exactly `n` answer lines: "1: loved\\n2: seen"."""
    words = " | ".join(f'"{w}"' for w in OPINIONS)
    lines = ' "\\n" '.join(f'"{i}: " w' for i in range(1, n + 1))
    return f"root ::= {lines}\nw ::= {words}\n"


def parse(answer: str, n: int) -> list[Opinion | None]:
    """The model's answer -> one opinion per film (None where a line is missing or invalid)."""
    out: list[Opinion | None] = [None] * n
    for m in rx.finditer(r"^\s*(\d+)\s*[:.)]\s*([a-z]+)", answer, re.M | re.I):
        i, word = int(m.group(1)), m.group(2).lower()
        if 1 <= i <= n and word in OPINIONS:
            out[i - 1] = word  # type: ignore[assignment]
    return out


class OpinionReader:
    """Asks the model what the user thinks of each film named in a message.

    `read` raises `LLMError` when the model fails or passes `timeout`; the caller keeps the rules'
    reading then. `calls` and `last_seconds` are there for the evaluation's latency figures."""

    def __init__(self, llm: LLM, *, timeout: float = 4.0) -> None:
        self.llm = llm
        self.timeout = timeout
        self.last_seconds = 0.0

    def messages(self, text: str, titles: Sequence[str]) -> list[Message]:
        text = " ".join(str(text).split())[:MAX_TEXT].replace('"', "'")
        films = " ".join(f"{i}. {t}" for i, t in enumerate(titles, 1))
        return [{"role": "system", "content": prompts.render("opinions", "system")},
                {"role": "user", "content": prompts.render("opinions", "user", text=text, films=films)}]

    def warm(self) -> bool:
        """Prefill the fixed system prompt now (llama.cpp keeps it in its KV cache), off the
        request path. Returns False instead of raising when the model fails."""
        try:
            self.llm.complete(self.messages("warm-up", ["warm-up"]),
                              GenerateOptions(max_tokens=1, timeout=120, grammar=grammar(1)))
        except LLMError:
            return False
        return True

    def read(self, text: str, named: Sequence[tuple[str, str]]) -> dict[str, Opinion]:
        """{item_id: opinion} for the named films [(item_id, title as written)], in order."""
        named = list(dict(named).items())[:MAX_FILMS]
        if not named:
            return {}
        t0 = time.perf_counter()
        try:
            answer = self.llm.complete(
                self.messages(text, [t for _, t in named]),
                GenerateOptions(max_tokens=6 * len(named), timeout=self.timeout, grammar=grammar(len(named))))
        finally:
            self.last_seconds = time.perf_counter() - t0
        got = parse(answer, len(named))
        log.debug("opinions %r -> %r (%.2f s)", [t for _, t in named], got, self.last_seconds)
        return {item_id: op for (item_id, _), op in zip(named, got) if op is not None}


def apply(opinions: dict[str, Opinion], mentions: list, titles: list[str], ids: list[str],
          similar_anywhere: bool) -> tuple[list, list[str], list[str]]:
    """The rules' films re-labelled by the model's opinions: (mentions, reference titles, reference ids).

    A reference the rules read from an explicit cue ("like X", "X那种") stays one unless the user hated
    the film. none: the words are not meant as the film: neither. loved: a Mention(loved), and a reference when it was one or the message asks for "something
    similar"; hated: a Mention(hated), never a reference; seen: a Mention(seen), a reference only
    when the message asks for similar films; similar: a reference and no Mention (not watched)."""
    from chat.instruction import Mention

    mentions = [m.model_copy() for m in mentions]
    titles, ids = list(titles), list(ids)
    ruled_refs = set(ids)  # "like X" read by the rules' own cue: only "hated" takes it back
    by_id = {m.item_id: m for m in mentions}
    for item_id, op in opinions.items():
        title = by_id[item_id].title if item_id in by_id else ""
        if op == "none":  # the words are not meant as this film ("no aliens" is no reference to Alien)
            mentions = [m for m in mentions if m.item_id != item_id]
            by_id.pop(item_id, None)
            if item_id in ids and item_id not in ruled_refs:
                ids.remove(item_id)
            continue
        if op == "similar":
            mentions = [m for m in mentions if m.item_id != item_id]
            by_id.pop(item_id, None)
        elif item_id in by_id:
            by_id[item_id].opinion = op
        else:
            by_id[item_id] = Mention(item_id=item_id, title=title, opinion=op)
            mentions.append(by_id[item_id])
        keep = op == "similar" or (op == "loved" and (item_id in ids or similar_anywhere)) \
            or (op == "seen" and (similar_anywhere or item_id in ruled_refs))
        if keep and item_id not in ids:
            ids.append(item_id)
            if title and title not in titles:
                titles.append(title)
        elif not keep and item_id in ids:
            ids.remove(item_id)
            titles = [t for t in titles if t != title] if title else titles
    return mentions, titles, ids
