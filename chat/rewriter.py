"""Turn text -> Instruction, behind one interface with two implementations.

- `chat.parser.RuleRewriter()`: deterministic EN + ZH rules, instant.
- `LLMRewriter(llm, fallback=RuleRewriter())`: asks the model for JSON matching `RewriteAnswer`
  (a flat schema derived from the Instruction fields), validates it with pydantic, retries once
  with the validation error in the conversation, then falls back to the parser. Any `LLMError`
  (timeout, unavailable) falls back at once. The result says who produced it:
  `instruction.rewriter` is "llm" or "rule", and a fallback adds a notice.

The user's text only ever goes into the *user* message; the system prompt is fixed text plus
the catalog's genre vocabulary, so "ignore your instructions ..." stays data. Whatever the model
answers, code keeps control: genres outside the vocabulary are dropped, reference titles are
resolved by `vocab.match_title` (the parser's references fill in when the model gives none),
the language is detected from the text, positions are checked
against the last list, long messages are cut before the model sees them, and a year, runtime,
rating or MPAA value is kept only when the message has a word for it (small models sometimes copy
the prompt's example values into an unrelated answer).

Example:
    >>> from lm import make_llm
    >>> rw = LLMRewriter(make_llm("local"))
    >>> rw.rewrite("something like Heat but shorter", DialogueState(), vocab).action
    'new'
"""
from __future__ import annotations

import json
import logging
import re
import time
from typing import Literal, Protocol, runtime_checkable

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

import prompts
from catalog.filters import Filters
from chat import lexicon as L
from chat.instruction import (
    Action,
    CatalogVocab,
    FeedbackKind,
    FeedbackTarget,
    Instruction,
    Intention,
    Mention,
    Preference,
    QuestionKind,
)
from chat.parser import RuleRewriter, detect_language
from chat.state import DialogueState, resolve_instruction
from lm import LLM, GenerateOptions, LLMError, Message

log = logging.getLogger(__name__)


@runtime_checkable
class Rewriter(Protocol):
    """One user message plus the session state -> the structured instruction of the turn."""

    def rewrite(self, text: str, state: DialogueState, vocab: CatalogVocab) -> Instruction: ...


class FeedbackAnswer(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kind: FeedbackKind
    position: int = Field(ge=1, le=50)


class RewriteAnswer(BaseModel):
    """What the LLM must answer: the turn on its own (code merges it with the state).
    Flat on purpose: small models follow a flat schema far more reliably than nested ones."""

    model_config = ConfigDict(extra="forbid")

    action: Action
    preference_text: str = Field("", max_length=300)  # a stated taste: "I love Pixar"
    intention_kind: Literal["none", "vague", "specific"] = "none"
    include_genres: list[str] = Field(default_factory=list, max_length=10)
    exclude_genres: list[str] = Field(default_factory=list, max_length=10)
    min_year: int | None = Field(None, ge=1870, le=2100)
    max_year: int | None = Field(None, ge=1870, le=2100)
    max_runtime: int | None = Field(None, ge=10, le=600)
    min_rating: float | None = Field(None, ge=0, le=10)
    mpaa: list[Literal["G", "PG", "PG-13", "R", "NC-17"]] = Field(default_factory=list, max_length=5)
    reference_titles: list[str] = Field(default_factory=list, max_length=5)
    feedback: list[FeedbackAnswer] = Field(default_factory=list, max_length=10)
    question_position: int | None = Field(None, ge=1, le=50)
    k: int | None = Field(None, ge=1, le=50)
    # Soft wishes and moods: genres to prefer / steer away from ("lighter" -> prefer comedy).
    prefer_genres: list[str] = Field(default_factory=list, max_length=6)
    avoid_genres: list[str] = Field(default_factory=list, max_length=6)
    # Films the user says they watched / loved / hated (never shown again).
    seen_titles: list[str] = Field(default_factory=list, max_length=5)
    loved_titles: list[str] = Field(default_factory=list, max_length=5)
    hated_titles: list[str] = Field(default_factory=list, max_length=5)
    question: QuestionKind | None = None
    relax: list[Literal["years", "runtime", "rating", "genres", "mpaa"]] = Field(default_factory=list, max_length=5)

    @field_validator("include_genres", "exclude_genres", "prefer_genres", "avoid_genres")
    @classmethod
    def _lower(cls, v: list[str]) -> list[str]:
        return [g.strip().lower() for g in v]

    @classmethod
    def json_schema(cls) -> dict:
        return cls.model_json_schema()


def _context(state: DialogueState, lang: str) -> str:
    """The state as the model needs it, as plain data for the user message."""
    c = state.constraints.model_dump(exclude_defaults=True, exclude={"exclude_ids"})
    return json.dumps({
        "current_list_length": len(state.last_list),
        "constraints_in_force": c,
        "intention_in_force": state.intention_text,
    }, ensure_ascii=False)


class LLMRewriter:
    """Ask the LLM, validate, retry once, fall back to the rule parser.

    `llm` is any `lm.base.LLM`; `timeout` (seconds) is passed to each call.
    """

    name = "llm"

    def __init__(self, llm: LLM, fallback: RuleRewriter | None = None, *, timeout: float | None = 20.0,
                 max_tokens: int = 160) -> None:
        self.llm = llm
        self.fallback = fallback if fallback is not None else RuleRewriter()
        self.timeout = timeout
        self.max_tokens = max_tokens
        self._genres = ""  # the vocabulary of the last prompt, for warm()

    def messages(self, text: str, state: DialogueState, vocab: CatalogVocab, lang: str,
                 hint: Instruction | None = None) -> list[Message]:
        # The schema itself goes to the backend (grammar where it can); the prompt describes the
        # keys in words. The system text is the same for every turn of a catalog, so llama.cpp
        # computes it once (warm()) and each turn prefills only its user message.
        self._genres = ", ".join(vocab.genres)
        system = prompts.render("rewrite", "system", lang="en", genres=self._genres)
        user = prompts.render("rewrite", "user", lang=lang, context=_context(state, lang), message=text,
                              hint=_hint(hint) if hint is not None else "")
        return [{"role": "system", "content": system}, {"role": "user", "content": user}]

    def warm(self, genres: list[str] | None = None) -> bool:
        """Compute the fixed system prompt now (llama.cpp keeps it), off the request path.
        Returns False instead of raising when the model fails."""
        if genres is not None:
            self._genres = ", ".join(genres)
        stub = [{"role": "system", "content": prompts.render("rewrite", "system", lang="en", genres=self._genres)},
                {"role": "user", "content": "Message:"}]
        try:
            self.llm.complete(stub, GenerateOptions(max_tokens=1, timeout=120))
        except LLMError:
            return False
        return True

    def rewrite(self, text: str, state: DialogueState, vocab: CatalogVocab, *, assisted: bool = False) -> Instruction:
        """The model's reading of one turn. `assisted` (hybrid understanding): the model is shown
        the rules' reading of the turn and corrects it; otherwise it reads the message alone."""
        stripped = " ".join(str(text).split())
        if not stripped:  # nothing for a model to read: the parser's answer is the right one
            return self.fallback.rewrite(text, state, vocab)
        notices: list[str] = []
        lang = detect_language(stripped[: L.MAX_CHARS])
        if len(stripped) > L.MAX_CHARS:
            stripped = stripped[: L.MAX_CHARS]
            notices.append(f"你的消息过长，只读取了前 {L.MAX_CHARS:,} 个字符。" if lang == "zh" else
                           f"Your message was cut to its first {L.MAX_CHARS:,} characters.")
        hint = self.fallback.parse(stripped, state, vocab) if assisted else None
        messages = self.messages(stripped, state, vocab, lang, hint)
        schema = RewriteAnswer.json_schema()
        error = ""
        deadline = time.monotonic() + self.timeout if self.timeout is not None else None
        for attempt in range(2):
            left = deadline - time.monotonic() if deadline is not None else None
            if left is not None and left <= 0.5:
                error = error or "no time left for another try"
                break
            try:
                raw = self.llm.complete(messages, GenerateOptions(schema=schema, max_tokens=self.max_tokens, timeout=left))
            except LLMError as e:
                error = f"{type(e).__name__}: {e}"
                break
            try:
                answer = RewriteAnswer.model_validate_json(_json_part(raw))
            except ValidationError as e:
                error = _short_error(e)
                log.info("LLM rewriter answer invalid (attempt %d): %s", attempt + 1, error)
                messages = [*messages, {"role": "assistant", "content": raw[:2000]},
                            {"role": "user", "content": prompts.render("rewrite", "retry", lang=lang, error=error)}]
                continue
            turn = self._to_instruction(answer, stripped, state, vocab, lang, notices)
            return resolve_instruction(state, turn, vocab.genres)
        result = self.fallback.rewrite(text, state, vocab)
        note = (f"语言模型未能理解这条消息（{error}），改用规则解析。" if lang == "zh" else
                f"The language model could not parse this message ({error}); the rule parser was used.")
        return result.model_copy(update={"rewriter": "rule", "notices": [*result.notices, note]})

    def _to_instruction(self, a: RewriteAnswer, text: str, state: DialogueState, vocab: CatalogVocab,
                        lang: str, notices: list[str]) -> Instruction:
        allowed = set(vocab.genres)
        exclude = [g for g in dict.fromkeys(a.exclude_genres) if g in allowed]
        include = [g for g in dict.fromkeys(a.include_genres) if g in allowed and g not in exclude]
        titles, ids = [], []
        for title in a.reference_titles:
            title = title.strip()
            if not title:
                continue
            titles.append(title)
            got = RuleRewriter._accept(vocab, title)
            ids.extend(i for i in got if i not in ids)
            if not got:
                notices.append(f"目录中没有找到《{title}》，已按文字理解。" if lang == "zh" else
                               f"\"{title}\" was not found in the catalog; it is used as text only.")
        if not titles:
            # Quoted titles and "like X" that match the catalog are found reliably by the parser
            # (under a millisecond); a small model often leaves reference_titles empty.
            parsed = self.fallback.parse(text, state, vocab)
            titles, ids = list(parsed.reference_titles), list(parsed.reference_ids)
        action = a.action
        if action in ("refine", "feedback", "more") and not state.last_list and not a.feedback:
            action = "new"  # nothing to refine: the model's guess cannot hold
        mentions: list[Mention] = []
        for titles_of, opinion in ((a.seen_titles, "seen"), (a.loved_titles, "loved"), (a.hated_titles, "hated")):
            for title in titles_of:
                got = RuleRewriter._accept(vocab, title.strip())  # checked against the catalog, never free text
                for item_id in got[:1]:
                    if item_id not in {m.item_id for m in mentions}:
                        mentions.append(Mention(item_id=item_id, title=title.strip(), opinion=opinion))
        if action == "seen" and not mentions:
            action = "refine" if state.last_list else "new"  # nothing in the catalog was named
        low = text.lower()

        def grounded(value, cues: str):
            # only what the words say: drop a value the message gives no word for
            return value if re.search(cues, low) else None

        constraints = Filters(include_genres=include, exclude_genres=exclude,
                              min_year=grounded(a.min_year, L.GROUND_YEAR),
                              max_year=grounded(a.max_year, L.GROUND_YEAR),
                              max_runtime=grounded(a.max_runtime, L.GROUND_RUNTIME),
                              min_rating=grounded(a.min_rating, L.GROUND_RATING),
                              mpaa=list(dict.fromkeys(a.mpaa)) if re.search(L.GROUND_MPAA, low) else [])
        intention_kind = a.intention_kind
        if intention_kind == "none" and (not constraints.is_empty() or titles):
            intention_kind = "specific"
        prefer = [g for g in dict.fromkeys(a.prefer_genres) if g in allowed and g not in exclude]
        avoid = [g for g in dict.fromkeys(a.avoid_genres) if g in allowed and g not in include and g not in prefer]
        if action in ("refine", "more", "seen", "feedback"):
            words = ""  # a follow-up's words are read into fields, not searched as text
        else:
            words = text if intention_kind != "none" or prefer else ""
        no_list = action in ("question", "smalltalk", "unclear")
        instruction = Instruction(
            action=action,
            preference=Preference(kind="explicit" if a.preference_text else "none", text=a.preference_text),
            intention=Intention(kind=intention_kind if not no_list else "none", text=words if not no_list else "",
                                genres=prefer, avoid=avoid),
            constraints=constraints if not no_list else Filters(),
            reference_titles=titles if action != "question" else [],
            reference_ids=ids if action != "question" else [],
            feedback=[FeedbackTarget(kind=f.kind, position=f.position) for f in a.feedback],
            question_position=a.question_position,
            question=(a.question or "other") if action == "question" else None,
            question_item_id=ids[0] if action == "question" and ids and a.question_position is None else None,
            mentions=mentions,
            relax=list(a.relax),
            language=lang,
            notices=list(notices),
            rewriter="llm",
        )
        if a.k is not None:
            instruction.k = a.k
        return instruction


def _hint(i: Instruction) -> str:
    """The rules' reading of a turn, in the answer's own JSON shape, for the model to correct."""
    c = i.constraints
    answer: dict = {"action": i.action}
    for key, value in (("include_genres", c.include_genres), ("exclude_genres", c.exclude_genres),
                       ("min_year", c.min_year), ("max_year", c.max_year), ("max_runtime", c.max_runtime),
                       ("min_rating", c.min_rating), ("mpaa", c.mpaa), ("reference_titles", i.reference_titles),
                       ("prefer_genres", i.intention.genres), ("avoid_genres", i.intention.avoid),
                       ("seen_titles", [m.title for m in i.mentions if m.opinion == "seen"]),
                       ("loved_titles", [m.title for m in i.mentions if m.opinion == "loved"]),
                       ("hated_titles", [m.title for m in i.mentions if m.opinion == "hated"]),
                       ("question_position", i.question_position), ("question", i.question), ("relax", i.relax)):
        if value not in (None, [], ""):
            answer[key] = value
    if i.feedback:
        answer["feedback"] = [{"kind": f.kind, "position": f.position} for f in i.feedback if f.position]
    return json.dumps(answer, ensure_ascii=False)


def _json_part(raw: str) -> str:
    """The JSON object inside an answer that may carry a ```json fence or words around it."""
    start, end = raw.find("{"), raw.rfind("}")
    return raw[start:end + 1] if start != -1 and end > start else raw


def _short_error(e: ValidationError) -> str:
    parts = []
    for err in e.errors()[:5]:
        loc = ".".join(str(x) for x in err.get("loc", ())) or "answer"
        parts.append(f"{loc}: {err.get('msg', '')}")
    return "; ".join(parts)
