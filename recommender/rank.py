"""The LLM ranker: reorders the fast list's top candidates and writes one grounded reason each.

Two modes, both for a 1.5B Q4 model on 2 CPU cores; answers always map back to candidates in code
(never by title), so the result is always a permutation of the given candidates' ids.

Item mode (the default, pointwise as in InstructRec's per-candidate scoring):
- One short call per head candidate, in fast order (the fast #1 is explained first). Each prompt
  is a fixed prefix (system text + worked examples as earlier turns, `prompts/rank.yaml`
  item_system/item_shots) and one user message: the request and this one candidate's line, with
  its attributes in the request's language. The model answers "reason | score" (score 0-10 after
  the reason, so it is conditioned on it), the shape forced by a GBNF grammar.
- Why: llama.cpp re-evaluates a prompt only from its first token that differs from the previous
  one, so the fixed prefix (a few hundred tokens) is computed once per process (`warm()`), and each call
  prefills only ~35 tokens. The first reason comes after one such call (measured p50 2.5 s on 2
  cores) instead of after prefilling every candidate's line (list mode: ~5.9 s); the whole list
  takes about as long as list mode. A candidate judged alone has no position bias (no other
  candidate is in sight), so there is nothing to shuffle; the worked examples are free (cached).
- A garbage answer skips its item (two in a row end the pass); one overall deadline (`timeout_s`).

List mode (`mode="list"`, the earlier default, kept as the benchmark's baseline and for servers
where one long prompt is cheaper than several calls):
- Candidates are shown under LETTERS (A, B, ...) in an order shuffled with a seed fixed per
  request (position bias, as in LLMRank); the model answers one line per candidate in letter
  order, "C| reason | score", grammar-forced. Asking for a sorted list instead, the 1.5B model
  listed candidates in prompt order; scoring before the reason gave 9, 8, 7, ... down the letters.
  A pass whose scores merely fall down the letters is ignored (fast order kept, with a note).
- Unknown letters are dropped, a repeated one ignored. The fixed system text is cached as above.

Both modes:
- Every reason is checked against its item (`recommender.grounding.holds`): it must name a true
  attribute and claim nothing false (the 1.5B model calls half the candidates "thrillers" when
  asked for a thriller). A refused reason is replaced by the template reason; `RankUpdate.refused`
  counts them.
- The model's order (scores sorted, ties in fast order) is fused with the fast order by weighted
  reciprocal-rank fusion, weighted towards the fast order as validation data says (see LLMRanker),
  so one poor pass cannot wreck a good fast list; the cards after the head keep their fast place.
- Timeout, garbage or an LLMError: the fast order stays, with a note in the user's language.

LlamaRec-style logit scoring (one forward pass reading the letter logits) would give an order in
about the prefill time but no reasons, and the LLM protocol exposes no logits (HTTP servers
differ); the streamed design gives both through `complete()`/`stream()`. Not measured.

Example:
    ranker = LLMRanker(make_llm("local"))
    ranker.warm()  # once at start: the fixed prefix's KV cache, so requests prefill only their part
    for update in ranker.rank(instruction, candidates, instruction_text="a funny 90s movie"):
        show(update.order, update.reasons, update.notes)
    LLMRanker(llm).rank_ids("a funny 90s movie", candidates, lang="en") -> ["12", "3", ...]
"""
from __future__ import annotations

import random
import re
import time
import zlib
from collections.abc import Callable, Iterator, Mapping
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from catalog.genres import genre_name
from catalog.item import Item
from chat.instruction import Instruction
from chat.state import DialogueState
from lm import LLM, GenerateOptions, LLMError, LLMTimeout, Message
from prompts import load as load_prompts
from prompts import render
from recommender.grounding import holds
from recommender.rank_format import (
    LETTERS,
    LetterParser,
    ids_grammar,
    item_grammar,
    parse_item_answer,
    rank_grammar,
    strip_title,
)
from recommender.types import Candidate


class RankUpdate(BaseModel):
    """One step of a streamed ranking. `order` is always a permutation of the candidates' ids."""

    model_config = ConfigDict(extra="forbid")

    order: list[str]  # candidate item ids, best first
    reasons: dict[str, str] = Field(default_factory=dict)  # item id -> one sentence from the model
    done: bool = False
    ranked_by: Literal["fast", "llm"] = "fast"
    notes: list[str] = Field(default_factory=list)  # visible, in the user's language
    elapsed_s: float = 0.0
    refused: int = 0  # model reasons refused by recommender.grounding (a template reason shows instead)


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

    `mode="item"` (default): one short call per candidate, in fast order, after a cached prefix
    of fixed instructions and worked examples; the first reason appears after one ~35-token
    prefill. `mode="list"`: every candidate in one prompt under shuffled letters, one answer line
    each (fewer calls, but the first reason waits for every candidate's line to be prefilled).
    `llm_weight`/`fast_weight` set the fusion. The defaults (1.0 / 2.8) were chosen on MovieLens
    validation targets (`python -m evaluation --stage valid --llm-fusion ...`,
    reports/eval_movielens_llm_fusion_valid.md): with the 1.5B model every lower fast weight lowered
    NDCG@10 (0.70 with the model's order alone, 0.84 at 0.7, 0.90 at 1.4, 0.96 at 2.8 = the fast
    ranker's own), so the model only swaps neighbours it strongly disagrees with (it puts the lower
    one first and the upper one last) and its value is the reasons. A stronger model behind an HTTP
    endpoint deserves a lower fast weight. `shuffle=False` shows list-mode candidates in
    fast order. Every model reason is checked by `reason_check` (default `recommender.grounding.holds`:
    grounded, no false claim); a refused one is replaced by the template reason (its score still
    counts). `reason_check=None` shows every reason unchecked (tests of the parsing mechanics).
    """

    def __init__(
        self,
        llm: LLM,
        *,
        timeout_s: float = 30.0,
        max_candidates: int = 6,
        llm_weight: float = 1.0,
        fast_weight: float = 2.8,
        shuffle: bool = True,
        max_reason_chars: int | None = None,
        mode: Literal["item", "list", "facts"] = "item",
        reason_check: Callable[[str, Item, str], bool] | None = holds,
    ) -> None:
        if not 1 <= max_candidates <= len(LETTERS):
            raise ValueError(f"max_candidates must be 1..{len(LETTERS)}, got {max_candidates}")
        if mode not in ("item", "list", "facts"):
            raise ValueError(f"mode must be 'item', 'list' or 'facts', got {mode!r}")
        self.llm = llm
        self.timeout_s = timeout_s
        self.max_candidates = max_candidates
        self.llm_weight = llm_weight
        self.fast_weight = fast_weight
        self.shuffle = shuffle
        self.max_reason_chars = max_reason_chars
        self.mode = mode
        self.reason_check = reason_check
        # facts mode: True also asks a 0-10 score after the picks ("2,1 | 7"), the earlier answer
        # shape, kept as benchmarks/bench_facts.py's baseline; the order never uses it
        self.facts_score = False

    def warm(self, timeout_s: float | None = None) -> bool:
        """Compute the fixed prompt prefix's KV cache now (a 1-token completion), so the first user
        request prefills only its own part. Call once after loading the model; cheap to repeat.
        Returns False (and changes nothing) when the model fails: ranking will fall back as usual.

        Example: ranker.warm()  # ~7 s on 2 cores, once per process
        """
        if self.mode == "item":
            stub = [*self.item_prefix(), {"role": "user", "content": "Request:"}]
        elif self.mode == "facts":
            stub = [*self.facts_prefix(), {"role": "user", "content": "Request:"}]
        else:
            stub = [{"role": "system", "content": render("rank", "system")}, {"role": "user", "content": "Request:"}]
        try:
            self.llm.complete(stub, GenerateOptions(max_tokens=1, timeout=timeout_s or max(120.0, self.timeout_s)))
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

    def _shown(self, request: str, candidates: list[Candidate], *, lettered: bool | None = None) -> list[Candidate]:
        """The head the model judges; shuffled (fixed per request) when shown under letters."""
        top = candidates[: self.max_candidates]
        if lettered is None:
            lettered = self.mode == "list"
        if self.shuffle and lettered:
            top = list(top)
            random.Random(shuffle_seed(request, [c.item.id for c in top])).shuffle(top)
        return top

    def messages(self, request: str, shown: list[Candidate], lang: str, *, with_reasons: bool = True) -> list[Message]:
        """List mode: every shown candidate under its letter in one user message."""
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

    @staticmethod
    def _prefix(mode: str) -> list[Message]:
        """A mode's fixed prefix: `<mode>_system` and the `<mode>_shots` worked examples as earlier turns."""
        out: list[Message] = [{"role": "system", "content": render("rank", f"{mode}_system")}]
        for shot in load_prompts("rank")[f"{mode}_shots"]:
            out.append({"role": "user", "content": shot["user"]})
            out.append({"role": "assistant", "content": shot["assistant"]})
        return out

    @staticmethod
    def item_prefix() -> list[Message]:
        return LLMRanker._prefix("item")

    @staticmethod
    def facts_prefix() -> list[Message]:
        return LLMRanker._prefix("facts")

    def facts_messages(self, request: str, candidate: Candidate, lang: str, parts: list[str]) -> list[Message]:
        item = candidate.item
        genres = [genre_name(g, "zh") for g in item.genres] if lang == "zh" else list(item.genres)
        line = f"{item.title}（{item.year}）；{'、'.join(genres)}" if lang == "zh" else \
            f"{item.title} ({item.year}); {', '.join(genres)}"
        facts = "\n".join(f"{n}. {p}" for n, p in enumerate(parts, 1))
        user = render("rank", "facts_user", lang=lang, request=request, line=line, facts=facts)
        return [*self.facts_prefix(), {"role": "user", "content": user}]

    def item_messages(self, request: str, candidate: Candidate, lang: str) -> list[Message]:
        """Item mode: the fixed prefix, then the request and this one candidate (genres in `lang`)."""
        item = candidate.item
        genres = [genre_name(g, "zh") for g in item.genres] if lang == "zh" else list(item.genres)
        line = render(
            "rank",
            "item_line",
            lang=lang,
            title=item.title,
            year=item.year,
            genres=("、" if lang == "zh" else ", ").join(genres),
            runtime=item.runtime,
            rating=item.rating,
        )
        user = render("rank", "item_user", lang=lang, request=request, line=line)
        return [*self.item_prefix(), {"role": "user", "content": user}]

    # ranking
    def _order(self, parsed: list[tuple[str, int | None]], fast: list[str], shown: list[Candidate]) -> list[str]:
        """Fused order from what the model said so far; the fast order if its scores are degenerate
        or it gave none (facts mode picks facts, it does not score)."""
        if self.mode == "facts":
            return fast
        if self.mode == "list" and follows_prompt_order(parsed, [c.item.id for c in shown]):
            return fast
        return self._fuse(fast, model_order(parsed, fast))

    def _fuse(self, fast: list[str], llm_order: list[str]) -> list[str]:
        """Fuse the (possibly partial) LLM order with the fast order; unplaced items follow in fast order."""
        placed = set(llm_order)
        full_llm = llm_order + [i for i in fast if i not in placed]
        return rrf([(fast, self.fast_weight), (full_llm, self.llm_weight)])

    def _list_answers(self, request: str, shown: list[Candidate], lang: str) -> Iterator[list[tuple[int, int | None, str]]]:
        """List mode: one streamed call; yields the lines parsed so far each time one closes."""
        parser = LetterParser(len(shown))
        pieces = self.llm.stream(
            self.messages(request, shown, lang),
            GenerateOptions(max_tokens=len(shown) * 36 + 16, timeout=self.timeout_s,
                            grammar=rank_grammar(len(shown), self.max_reason_chars, lang)),
        )
        for piece in pieces:
            got = parser.feed(piece)
            if got:
                yield got
        tail = parser.close()
        if tail:
            yield tail

    def _facts_answers(self, request: str, shown: list[Candidate], lang: str,
                       facts: Mapping[str, tuple[str, list[str]]]) -> Iterator[list[tuple[int, int | None, str]]]:
        """Facts mode: for each card with at least two true parts to choose from, the model picks the
        parts (grammar: "2,1") and the reason is composed from them in code. Same budget rule as
        item mode: it stops before an answer that would not fit.

        No score is asked: facts mode serves the local model on CPU, where the fast order stays
        (the model's order lowered accuracy there), so " | 7" cost three decode steps for nothing
        (benchmarks/bench_facts.py). An answer that still carries one (a backend without grammar)
        is read the same way."""
        from recommender.reasons import compose

        deadline = time.monotonic() + self.timeout_s
        took: list[float] = []
        for idx, candidate in enumerate(shown):
            attributes, parts = facts.get(candidate.item.id, ("", []))
            parts = parts[:9]
            if len(parts) < 2:
                yield [(idx, None, "")]  # nothing to choose: the template reason is the reason
                continue
            left = deadline - time.monotonic()
            if left <= 0:
                raise LLMTimeout(f"The model did not judge every candidate within {self.timeout_s:.0f} s")
            if took and left < 1.2 * sum(took) / len(took):
                return
            n = " | ".join(f'"{i}"' for i in range(1, len(parts) + 1))
            score = ' " | " score' if self.facts_score else ""
            grammar = f'root ::= n ("," n)?{score}\nn ::= {n}\n' + ('score ::= [0-9] | "10"\n' if score else "")
            t = time.monotonic()
            answer = self.llm.complete(self.facts_messages(request, candidate, lang, parts),
                                       GenerateOptions(max_tokens=8 if self.facts_score else 4, timeout=left,
                                                       grammar=grammar))
            took.append(time.monotonic() - t)
            m = re.match(r"\s*(\d)(?:\s*,\s*(\d))?\s*(?:\|\s*\d{1,2})?\s*$", answer)
            if not m:
                continue
            picks = [int(g) - 1 for g in m.groups() if g is not None]
            picks = [p for p in dict.fromkeys(picks) if 0 <= p < len(parts)]
            if not picks:
                continue
            yield [(idx, None, compose(attributes, [parts[p] for p in picks], lang))]

    def _item_answers(self, request: str, shown: list[Candidate], lang: str) -> Iterator[list[tuple[int, int | None, str]]]:
        """Item mode: one call per candidate within one overall deadline. A garbage answer skips its
        item; two garbage answers in a row end the pass (the model is not following the format)."""
        deadline = time.monotonic() + self.timeout_s
        grammar = item_grammar(lang, self.max_reason_chars)
        garbage_run = 0
        took: list[float] = []  # seconds per answer so far: the budget's measure of this machine now
        for idx, candidate in enumerate(shown):
            left = deadline - time.monotonic()
            if left <= 0:
                raise LLMTimeout(f"The model did not judge every candidate within {self.timeout_s:.0f} s")
            if took and left < 1.2 * sum(took) / len(took):
                return  # another answer would not fit the budget: stop now rather than throw it away
            t = time.monotonic()
            answer = self.llm.complete(self.item_messages(request, candidate, lang),
                                       GenerateOptions(max_tokens=40, timeout=left, grammar=grammar))
            took.append(time.monotonic() - t)
            got = parse_item_answer(answer)
            if got is None:
                garbage_run += 1
                if garbage_run >= 2:
                    return
                continue
            garbage_run = 0
            yield [(idx, got[0], got[1])]

    def rank(
        self,
        instruction: Instruction,
        candidates: list[Candidate],
        *,
        state: DialogueState | None = None,
        instruction_text: str | None = None,
        fallback_reasons: Mapping[str, str] | None = None,
        facts: Mapping[str, tuple[str, list[str]]] | None = None,
    ) -> Iterator[RankUpdate]:
        """Stream updates: first the fast order, then one update per reason, then a final `done` one.

        `candidates` come in fast order. Candidates beyond `max_candidates` keep their fast place
        after the ranked ones. `fallback_reasons` (item id -> template reason) fill in for items the
        model gave no usable reason for, in the final update only. `state` is accepted for future
        use (e.g. liked titles in the prompt) and is not read yet.
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
        refused: list[str] = []

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
                refused=len(refused),
            )

        yield update(head_fast, False, "fast", [])
        if not candidates:
            yield update([], True, "fast", [])
            return
        parsed: list[tuple[str, int | None]] = []  # (item id, score) in the order the model wrote them

        def take(got: list[tuple[int, int | None, str]]) -> None:
            for idx, score, reason in got:
                item = shown[idx].item
                parsed.append((item.id, score))
                reason = strip_title(reason, item.title) if self.mode != "facts" else reason
                if reason and (self.mode == "facts" or self.reason_check is None
                               or self.reason_check(reason, item, request)):
                    reasons[item.id] = reason
                elif reason:
                    refused.append(item.id)

        if self.mode == "facts":
            def answers(request: str, shown: list[Candidate], lang: str):  # noqa: E306
                return self._facts_answers(request, shown, lang, facts or {})
        else:
            answers = self._item_answers if self.mode == "item" else self._list_answers
        try:
            for got in answers(request, shown, lang):
                take(got)
                yield update(self._order(parsed, head_fast, shown), False, "llm", [])
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
        if self.mode == "list" and follows_prompt_order(parsed, [c.item.id for c in shown]):
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
        shown = self._shown(instruction_text, candidates, lettered=True)
        head_fast = [i for i in fast if i in {c.item.id for c in shown}]
        try:
            answer = self.llm.complete(
                self.messages(instruction_text, shown, lang, with_reasons=False),
                GenerateOptions(max_tokens=len(shown) * 5 + 8, timeout=self.timeout_s, grammar=ids_grammar(len(shown))),
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
