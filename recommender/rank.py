"""The LLM ranker: reorders the fast list's top candidates and writes one grounded reason each.

Design (for a 1.5B Q4 model on 2 CPU cores):
- Candidates are shown to the model under LETTERS (A, B, ...) in an order shuffled with a seed
  fixed per request (position bias, as in LLMRank), with their attributes (genre, year, runtime,
  rating) so each reason can be grounded.
- The model answers one line per candidate in letter order, "C| reason | score" (score 0-10, after
  the reason so it is conditioned on it); with llama.cpp a GBNF grammar forces that shape and the
  exact lines (so it cannot ramble or loop). The model's order is the scores sorted (ties: fast
  order). Asking for a sorted list instead, the 1.5B model listed candidates in prompt order and
  copied the candidate lines; scoring before the reason gave 9, 8, 7, ... down the letters. A pass
  whose scores merely fall down the letters is detected and ignored (fast order kept, with a note).
  The answer is parsed while it streams: each reason is shown as soon as its line closes.
- Answers map back to candidates by letter, in code: an unknown letter is dropped, a repeated one
  ignored, and so the result is always a permutation of the given candidates' ids.
- The model's order is fused with the fast order by weighted reciprocal-rank fusion, so a single
  biased pass cannot wreck a good fast list. Candidates the model left out keep their fast order.
- Timeout, garbage or an LLMError: the fast order stays, with a note in the user's language.

Latency (1.5B Q4_K_M on 2 quiet cores: prefill ~50 tok/s, decode ~19 tok/s, so every token counts):
- The system prompt is one fixed text for every request and language (no candidate count, no
  language in it), sent first. llama.cpp keeps the previous prompt's KV cache and re-evaluates only
  from the first differing token, so the system prefix is computed once per process (`warm()` does
  it at start) and a request prefills only its user message (request, compact candidate lines and
  the language line, ~150-200 tokens).
- Compact candidate lines (~27 tokens each), short reasons (about 10 words / 20 characters) capped
  by the grammar per language (`MAX_REASON_CHARS`), and 6 candidates by default: 8 lines took
  ~4.5 s to prefill at 50 tok/s, past the 5 s budget for the first reason once its line (~18
  tokens) is decoded. The UI's other cards keep their fast order and template reasons.

LlamaRec-style logit scoring (one forward pass reading the letter logits) would give an order in
about the prefill time but no reasons, and the LLM protocol exposes no logits (HTTP servers
differ); the streamed one-pass design gives both through `stream()`, so it is used. Not measured.

Example:
    ranker = LLMRanker(make_llm("local"))
    ranker.warm()  # once at start: the fixed system prompt's KV cache, so requests prefill only their part
    for update in ranker.rank(instruction, candidates, instruction_text="a funny 90s movie"):
        show(update.order, update.reasons, update.notes)
    LLMRanker(llm).rank_ids("a funny 90s movie", candidates, lang="en") -> ["12", "3", ...]
"""
from __future__ import annotations

import random
import re
import time
import zlib
from collections.abc import Iterator, Mapping
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from chat.instruction import Instruction
from chat.state import DialogueState
from prompts import render
from recommender.llm import LLM, LLMError, LLMTimeout, Message
from recommender.types import Candidate

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_LINE = re.compile(r"^\s*[\[(*#]*\s*([A-Za-z])\s*[\])]?\s*[|:.)\-–=]\s*(?:(10|\d)\s*(?:/\s*10)?\s*(?:[|:.,\-–]\s*|$))?(.*)$")
_TAIL_SCORE = re.compile(r"\s*\|\s*(10|\d)\s*(?:/\s*10)?\s*$")
_MAX_REASON_CHARS = 160  # parser-side cap, for backends that cannot enforce the grammar
# Grammar-side cap on one reason, per language: ~10 English words, ~20 Chinese characters (the
# prompt asks for that; the cap stops a rambling line, which costs ~19 tokens a second to decode).
MAX_REASON_CHARS = {"en": 72, "zh": 24}


class RankUpdate(BaseModel):
    """One step of a streamed ranking. `order` is always a permutation of the candidates' ids."""

    model_config = ConfigDict(extra="forbid")

    order: list[str]  # candidate item ids, best first
    reasons: dict[str, str] = Field(default_factory=dict)  # item id -> one sentence from the model
    done: bool = False
    ranked_by: Literal["fast", "llm"] = "fast"
    notes: list[str] = Field(default_factory=list)  # visible, in the user's language
    elapsed_s: float = 0.0


def rrf(orders: list[tuple[list[str], float]], k: float = 10.0) -> list[str]:
    """Weighted reciprocal-rank fusion; ties keep the first order's ranking.

    Example: rrf([(["a", "b", "c"], 0.7), (["c", "a", "b"], 1.0)]) -> ["a", "c", "b"]
    """
    first = orders[0][0]
    score = {i: 0.0 for i in first}
    for order, weight in orders:
        for pos, item_id in enumerate(order):
            score[item_id] = score.get(item_id, 0.0) + weight / (k + pos + 1)
    tie = {i: n for n, i in enumerate(first)}
    return sorted(score, key=lambda i: (-score[i], tie.get(i, len(tie))))


def shuffle_seed(request: str, ids: list[str]) -> int:
    """Seed fixed per request, so the same request always gets the same shuffle (reproducible)."""
    return zlib.crc32(("\x1f".join([request, *ids])).encode("utf-8"))


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


def ids_grammar(n: int) -> str:
    """GBNF: "A: 7", "B: 3", ... one score line per candidate, no reasons (about 4 tokens each)."""
    lines = " ".join(f'"{LETTERS[i]}: " score "\\n"' for i in range(n))
    return f'root ::= {lines}\nscore ::= [0-9] | "10"\n'


def model_order(parsed: list[tuple[str, int | None]], fast: list[str]) -> list[str]:
    """The model's order: scored items by score (ties: fast order), then unscored ones as listed.

    Example: model_order([("a", 3), ("b", 9), ("c", None)], ["a", "b", "c"]) -> ["b", "a", "c"]
    """
    pos = {i: n for n, i in enumerate(fast)}
    scored = sorted((p for p in parsed if p[1] is not None), key=lambda p: (-p[1], pos.get(p[0], len(pos))))
    return [i for i, _ in scored] + [i for i, score in parsed if score is None]


def follows_prompt_order(parsed: list[tuple[str, int | None]], shown: list[str], threshold: float = 0.9) -> bool:
    """True when the scores merely fall with the position in the prompt (9, 8, 7, ... down the
    letters): the small model's degenerate pass, which carries no judgement of the items. With
    the shuffled prompt such an order would be random, so the caller keeps the fast order.

    Example: follows_prompt_order([("a", 9), ("b", 8), ("c", 7), ("d", 6)], ["a", "b", "c", "d"]) -> True
    """
    pos = {i: n for n, i in enumerate(shown)}
    scores = [score for _, score in sorted((p for p in parsed if p[1] is not None), key=lambda p: pos[p[0]])]
    if len(scores) < 4:
        return False
    pairs = [(a, b) for n, a in enumerate(scores) for b in scores[n + 1 :]]
    return sum(a > b for a, b in pairs) / len(pairs) >= threshold


class LLMRanker:
    """Reorders the top `max_candidates` with the LLM and explains each; see the module docstring.

    `llm_weight`/`fast_weight` set the fusion (llm_weight > fast_weight: the model has the larger say,
    but cannot push the fast #1 to the bottom alone). `shuffle=False` shows candidates in fast order.
    """

    def __init__(
        self,
        llm: LLM,
        *,
        timeout_s: float = 30.0,
        max_candidates: int = 6,
        llm_weight: float = 1.0,
        fast_weight: float = 0.7,
        shuffle: bool = True,
        max_reason_chars: int | None = None,
    ) -> None:
        if not 1 <= max_candidates <= len(LETTERS):
            raise ValueError(f"max_candidates must be 1..{len(LETTERS)}, got {max_candidates}")
        self.llm = llm
        self.timeout_s = timeout_s
        self.max_candidates = max_candidates
        self.llm_weight = llm_weight
        self.fast_weight = fast_weight
        self.shuffle = shuffle
        self.max_reason_chars = max_reason_chars

    def warm(self, timeout_s: float | None = None) -> bool:
        """Compute the fixed system prompt's KV cache now (a 1-token completion), so the first user
        request prefills only its own part. Call once after loading the model; cheap to repeat.
        Returns False (and changes nothing) when the model fails: ranking will fall back as usual.

        Example: ranker.warm()  # ~5 s on 2 cores, once per process
        """
        stub = [{"role": "system", "content": render("rank", "system")}, {"role": "user", "content": "Request:"}]
        try:
            self.llm.complete(stub, max_tokens=1, timeout=timeout_s or self.timeout_s)
        except LLMError:
            return False
        return True

    # prompt building
    def request_text(self, instruction: Instruction, instruction_text: str | None) -> str:
        if instruction_text:
            return instruction_text
        lang = instruction.language
        return render(
            "rank",
            "request",
            lang=lang,
            intention=instruction.intention.text or instruction.preference.text or "-",
            preference=instruction.preference.text if instruction.intention.text else "",
            references=", ".join(instruction.reference_titles),
        )

    def _shown(self, request: str, candidates: list[Candidate]) -> list[Candidate]:
        top = candidates[: self.max_candidates]
        if self.shuffle:
            top = list(top)
            random.Random(shuffle_seed(request, [c.item.id for c in top])).shuffle(top)
        return top

    def messages(self, request: str, shown: list[Candidate], lang: str, *, with_reasons: bool = True) -> list[Message]:
        lines = "\n".join(
            render(
                "rank",
                "candidate_line",
                letter=LETTERS[i],
                title=c.item.title,
                year=c.item.year,
                genres=", ".join(c.item.genres),
                runtime=c.item.runtime,
                rating=c.item.rating,
            )
            for i, c in enumerate(shown)
        )
        # Fixed text (no per-request variables): its KV cache is reused between requests.
        system = render("rank", "system") if with_reasons else render("rank", "ids_system", lang=lang)
        return [
            {"role": "system", "content": system},
            {"role": "user", "content": render("rank", "user", lang=lang, request=request, lines=lines)},
        ]

    # ranking
    def _order(self, parsed: list[tuple[str, int | None]], fast: list[str], shown: list[Candidate]) -> list[str]:
        """Fused order from what the model said so far; the fast order if its scores are degenerate."""
        if follows_prompt_order(parsed, [c.item.id for c in shown]):
            return fast
        return self._fuse(fast, model_order(parsed, fast))

    def _fuse(self, fast: list[str], llm_order: list[str]) -> list[str]:
        """Fuse the (possibly partial) LLM order with the fast order; unplaced items follow in fast order."""
        placed = set(llm_order)
        full_llm = llm_order + [i for i in fast if i not in placed]
        return rrf([(fast, self.fast_weight), (full_llm, self.llm_weight)])

    def rank(
        self,
        instruction: Instruction,
        candidates: list[Candidate],
        *,
        state: DialogueState | None = None,
        instruction_text: str | None = None,
        fallback_reasons: Mapping[str, str] | None = None,
    ) -> Iterator[RankUpdate]:
        """Stream updates: first the fast order, then one update per reason, then a final `done` one.

        `candidates` come in fast order. Candidates beyond `max_candidates` keep their fast place
        after the ranked ones. `fallback_reasons` (item id -> template reason) fill in for items the
        model gave no reason for, in the final update only. `state` is accepted for future use
        (e.g. liked titles in the prompt) and is not read yet.
        """
        del state  # the verbalised instruction already carries what the prompt needs
        start = time.monotonic()
        lang = instruction.language
        fast = [c.item.id for c in candidates]
        if len(set(fast)) != len(fast):
            raise ValueError("candidates contain a duplicated item id; deduplicate before ranking")
        request = self.request_text(instruction, instruction_text)
        shown = self._shown(request, candidates)
        head_fast = [i for i in fast if i in {c.item.id for c in shown}]
        tail = fast[len(head_fast):]
        reasons: dict[str, str] = {}

        def update(order: list[str], done: bool, by: Literal["fast", "llm"], notes: list[str]) -> RankUpdate:
            final_reasons = dict(reasons)
            if done and fallback_reasons:
                for i in fast:
                    if i not in final_reasons and i in fallback_reasons:
                        final_reasons[i] = fallback_reasons[i]
            return RankUpdate(
                order=order + tail,
                reasons=final_reasons,
                done=done,
                ranked_by=by,
                notes=notes,
                elapsed_s=time.monotonic() - start,
            )

        yield update(head_fast, False, "fast", [])
        if not candidates:
            yield update([], True, "fast", [])
            return
        parser = LetterParser(len(shown))
        parsed: list[tuple[str, int | None]] = []  # (item id, score) in the order the model wrote them

        def take(got: list[tuple[int, int | None, str]]) -> None:
            for idx, score, reason in got:
                item_id = shown[idx].item.id
                parsed.append((item_id, score))
                reason = strip_title(reason, shown[idx].item.title)
                if reason:
                    reasons[item_id] = reason

        try:
            pieces = self.llm.stream(
                self.messages(request, shown, lang),
                max_tokens=len(shown) * 36 + 16,
                timeout=self.timeout_s,
                grammar=rank_grammar(len(shown), self.max_reason_chars, lang),
            )
            for piece in pieces:
                got = parser.feed(piece)
                take(got)
                if got:
                    yield update(self._order(parsed, head_fast, shown), False, "llm", [])
            take(parser.close())
        except LLMTimeout:
            yield update(head_fast, True, "fast", [render("rank", "notes.timeout", lang=lang)])
            return
        except LLMError as e:
            yield update(head_fast, True, "fast", [render("rank", "notes.error", lang=lang, error=_short(e))])
            return
        if not parsed:
            reasons.clear()
            yield update(head_fast, True, "fast", [render("rank", "notes.garbage", lang=lang)])
            return
        notes = []
        if len(parsed) < len(shown):
            notes.append(render("rank", "notes.partial", lang=lang, got=len(parsed), n=len(shown)))
        if follows_prompt_order(parsed, [c.item.id for c in shown]):
            notes.append(render("rank", "notes.position", lang=lang))
            yield update(head_fast, True, "fast", notes)
            return
        yield update(self._order(parsed, head_fast, shown), True, "llm", notes)

    def rank_ids(
        self, instruction_text: str, candidates: list[Candidate], lang: str = "en", *, fuse: bool = True
    ) -> list[str]:
        """Non-streaming ranking without reasons (evaluation): a permutation of the candidates' ids.

        Asks only for a 0-10 score per letter (about 4 tokens per candidate). With `fuse=False` the
        model's order alone (left-out items appended in fast order). On any LLMError: the fast order.
        """
        fast = [c.item.id for c in candidates]
        shown = self._shown(instruction_text, candidates)
        head_fast = [i for i in fast if i in {c.item.id for c in shown}]
        try:
            answer = self.llm.complete(
                self.messages(instruction_text, shown, lang, with_reasons=False),
                max_tokens=len(shown) * 5 + 8,
                timeout=self.timeout_s,
                grammar=ids_grammar(len(shown)),
            )
        except LLMError:
            return fast
        parser = LetterParser(len(shown))
        parsed = [(shown[i].item.id, score) for i, score, _ in parser.feed(answer) + parser.close()]
        if not parsed:  # a bare "C, A, B" list (backends without grammar)
            for letter in re.findall(r"\b([A-Za-z])\b", answer):
                idx = LETTERS.find(letter.upper())
                if 0 <= idx < len(shown) and shown[idx].item.id not in [p[0] for p in parsed]:
                    parsed.append((shown[idx].item.id, None))
        if follows_prompt_order(parsed, [c.item.id for c in shown]):
            return fast
        llm_order = model_order(parsed, head_fast)
        if fuse:
            head = self._fuse(head_fast, llm_order)
        else:
            head = llm_order + [i for i in head_fast if i not in llm_order]
        return head + fast[len(head_fast):]


def _short(error: Exception) -> str:
    text = str(error).split("\n")[0]
    return text[:120]
