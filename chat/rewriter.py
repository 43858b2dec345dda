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

from chat import rx
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
from chat.parser import RuleRewriter, detect_language, unknown_film_notice
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


def _line_context(state: DialogueState) -> str:
    """The request in force in the compact format, e.g. "8 shown; genres=comedy; years=1990-1999"."""
    c = state.constraints
    parts = [f"{len(state.last_list)} shown"]
    for key, values in (("genres", c.include_genres), ("not", c.exclude_genres)):
        if values:
            parts.append(f"{key}={','.join(values)}")
    if c.min_year is not None or c.max_year is not None:
        parts.append(f"years={c.min_year or ''}-{c.max_year or ''}")
    if c.max_runtime is not None:
        parts.append(f"minutes={c.max_runtime}")
    return "; ".join(parts)


class LLMRewriter:
    """Ask the LLM, validate, retry once, fall back to the rule parser.

    `llm` is any `lm.base.LLM`; `timeout` (seconds) is passed to each call.
    """

    name = "llm"

    def __init__(self, llm: LLM, fallback: RuleRewriter | None = None, *, timeout: float | None = 20.0,
                 max_tokens: int = 160, answer_format: Literal["json", "line"] = "json") -> None:
        self.llm = llm
        self.answer_format = answer_format  # "line": the compact reading (the app's, for speed)
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
        line = self.answer_format == "line"
        system = prompts.render("rewrite", "system_line" if line else "system", lang="en", genres=self._genres)
        if line:  # short: every token of the user message is prefilled on every turn
            user = prompts.render("rewrite", "user_line", context=_line_context(state), message=text,
                                  hint=to_line(hint) if hint is not None else "")
        else:
            user = prompts.render("rewrite", "user", lang=lang, context=_context(state, lang), message=text,
                                  hint=_hint(hint) if hint is not None else "")
        return [{"role": "system", "content": system}, {"role": "user", "content": user}]

    def warm(self, genres: list[str] | None = None) -> bool:
        """Compute the fixed system prompt now (llama.cpp keeps it), off the request path.
        Returns False instead of raising when the model fails."""
        if genres is not None:
            self._genres = ", ".join(genres)
        key = "system_line" if self.answer_format == "line" else "system"
        stub = [{"role": "system", "content": prompts.render("rewrite", key, lang="en", genres=self._genres)},
                {"role": "user", "content": "Request in force (data):"}]
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
        lang = detect_language(stripped[: L.MAX_CHARS], state.language)
        if len(stripped) > L.MAX_CHARS:
            stripped = stripped[: L.MAX_CHARS]
            notices.append(f"你的消息过长，只读取了前 {L.MAX_CHARS:,} 个字符。" if lang == "zh" else
                           f"Your message was cut to its first {L.MAX_CHARS:,} characters.")
        hint = self.fallback.parse(stripped, state, vocab) if assisted else None
        messages = self.messages(stripped, state, vocab, lang, hint)
        schema = RewriteAnswer.json_schema() if self.answer_format == "json" else None
        grammar = line_grammar(vocab.genres) if self.answer_format == "line" else None
        error = ""
        deadline = time.monotonic() + self.timeout if self.timeout is not None else None
        for attempt in range(2):
            left = deadline - time.monotonic() if deadline is not None else None
            if left is not None and left <= 0.5:
                error = error or "no time left for another try"
                break
            try:
                raw = self.llm.complete(messages, GenerateOptions(schema=schema, grammar=grammar,
                                                                  max_tokens=self.max_tokens, timeout=left))
            except LLMError as e:
                error = f"{type(e).__name__}: {e}"
                break
            try:
                answer = (parse_line(raw) if self.answer_format == "line"
                          else RewriteAnswer.model_validate_json(_json_part(raw)))
            except (ValidationError, ValueError) as e:
                error = _short_error(e) if isinstance(e, ValidationError) else str(e)
                log.info("LLM rewriter answer invalid (attempt %d): %s", attempt + 1, error)
                messages = [*messages, {"role": "assistant", "content": raw[:2000]},
                            {"role": "user", "content": prompts.render("rewrite", "retry", lang=lang, error=error)}]
                continue
            turn = self._to_instruction(answer, stripped, state, vocab, lang, notices)
            if hint is not None:
                turn = merge_readings(hint, turn)
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
                notices.append(unknown_film_notice(title, lang))
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
            return value if rx.search(cues, low) else None

        constraints = Filters(include_genres=include, exclude_genres=exclude,
                              min_year=grounded(a.min_year, L.GROUND_YEAR),
                              max_year=grounded(a.max_year, L.GROUND_YEAR),
                              max_runtime=grounded(a.max_runtime, L.GROUND_RUNTIME),
                              min_rating=grounded(a.min_rating, L.GROUND_RATING),
                              mpaa=list(dict.fromkeys(a.mpaa)) if rx.search(L.GROUND_MPAA, low) else [])
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


def merge_readings(rules: Instruction, model: Instruction) -> Instruction:
    """Hybrid understanding: the rules' reading of a turn, completed by the model's. What the rules
    read they read reliably (numbers, titles checked against the catalog, positions), so the model
    adds what they left empty and sets the act only where the rules found nothing to go on (a
    message they could read only as free words). Both are one turn's readings, before resolution.

    Example: rules "act=new" for "something for a rainy sunday" + model "act=new; prefer=comedy"
    -> act=new, prefer comedy.
    """
    r, m = rules.constraints, model.constraints
    found = bool(not r.is_empty() or rules.reference_ids or rules.mentions or rules.feedback or rules.relax
                 or rules.question or rules.intention.genres or rules.intention.avoid)
    action = rules.action
    if not found and rules.action in ("new", "refine", "unclear") and model.action not in ("new", "refine"):
        action = model.action
    elif not found and rules.action in ("new", "refine") and model.action in ("new", "refine"):
        action = model.action
    constraints = r.model_copy(update={
        "include_genres": r.include_genres or [g for g in m.include_genres if g not in r.exclude_genres],
        "exclude_genres": list(dict.fromkeys(r.exclude_genres + [g for g in m.exclude_genres if g not in r.include_genres])),
        "min_year": r.min_year if (r.min_year is not None or r.max_year is not None) else m.min_year,
        "max_year": r.max_year if (r.min_year is not None or r.max_year is not None) else m.max_year,
        "max_runtime": r.max_runtime if r.max_runtime is not None else m.max_runtime,
        "min_rating": r.min_rating if r.min_rating is not None else m.min_rating,
        "mpaa": r.mpaa or m.mpaa,
    })
    known = {x.item_id for x in rules.mentions}
    intention = rules.intention.model_copy(update={
        "genres": list(dict.fromkeys(rules.intention.genres + [g for g in model.intention.genres
                                                                if g not in rules.intention.avoid])),
        "avoid": list(dict.fromkeys(rules.intention.avoid + [g for g in model.intention.avoid
                                                              if g not in rules.intention.genres])),
        "kind": rules.intention.kind if rules.intention.kind != "none" else model.intention.kind,
    })
    merged = rules.model_copy(update={
        "action": action,
        "constraints": constraints,
        "intention": intention,
        "mentions": rules.mentions + [x for x in model.mentions if x.item_id not in known],
        "reference_ids": list(dict.fromkeys(rules.reference_ids + model.reference_ids)),
        "reference_titles": list(dict.fromkeys(rules.reference_titles + model.reference_titles)),
        "feedback": rules.feedback or model.feedback,
        "question_position": rules.question_position if rules.question_position is not None else model.question_position,
        "question": rules.question if rules.question not in (None, "other") else (model.question or rules.question),
        "question_item_id": rules.question_item_id or model.question_item_id,
        "relax": list(dict.fromkeys(rules.relax + model.relax)),
        "unread": [],
        "rewriter": "llm",
    })
    if "k" in rules.model_fields_set:
        merged.k = rules.k
    elif "k" in model.model_fields_set:
        merged.k = model.k
    if merged.action == "seen" and not merged.mentions:
        merged.action = rules.action
    return merged


# The compact reading: one line of "key=value" pairs, e.g.
#   act=refine; prefer=comedy; avoid=war,horror
#   act=seen; loved=Titanic
#   act=question; pos=3; ask=runtime
# Far fewer tokens than JSON and a small grammar, so a 1.5B model on 2 CPU cores answers in a couple
# of seconds (the JSON schema's grammar took 7-10 s a turn); parsed into the same RewriteAnswer.
_LINE_KEYS = {
    "genres": "include_genres", "not": "exclude_genres", "prefer": "prefer_genres", "avoid": "avoid_genres",
    "seen": "seen_titles", "loved": "loved_titles", "hated": "hated_titles", "like": "reference_titles",
    "relax": "relax", "mpaa": "mpaa",
}


def line_grammar(genres: list[str]) -> str:
    """GBNF of the compact reading, with the catalog's genres as the only genre words."""
    def alt(words) -> str:
        return " | ".join(json.dumps(w) for w in words)

    acts = alt(["new", "refine", "more", "feedback", "seen", "question", "reset", "smalltalk", "unclear"])
    asks = alt(["why", "what", "plot", "runtime", "year", "rating", "genre", "director", "cast", "other"])
    genre = alt(sorted(genres, key=len, reverse=True)) if genres else '[a-z]+'
    return "\n".join([
        'root ::= "act=" act field*',
        f"act ::= {acts}",
        'field ::= "; " (glist | years | num | titles | fb | ask | relax)',
        'glist ::= ("genres" | "not" | "prefer" | "avoid") "=" genre ("," genre)*',
        f"genre ::= {genre}",
        'years ::= "years=" year? "-" year?',
        'year ::= [12] [0-9] [0-9] [0-9]',
        'num ::= ("minutes" | "rating" | "k" | "pos") "=" [0-9] [0-9]? [0-9]? ("." [0-9])?',
        'titles ::= ("seen" | "loved" | "hated" | "like") "=" title ("|" title)*',
        'title ::= [^;|\\n]{1,60}',
        'fb ::= ("dislike" | "likes" | "morelike") "=" [0-9] [0-9]? ("," [0-9] [0-9]?)*',
        f"ask ::= \"ask=\" ({asks})",
        f"relax ::= \"relax=\" ({alt(['years', 'runtime', 'rating', 'genres', 'mpaa'])}) (\",\" "
        f"({alt(['years', 'runtime', 'rating', 'genres', 'mpaa'])}))*",
    ]) + "\n"


def parse_line(raw: str) -> RewriteAnswer:
    """The compact reading -> RewriteAnswer (raises ValidationError / ValueError when malformed).
    Example: parse_line("act=refine; prefer=comedy; years=1990-1999").prefer_genres -> ["comedy"]"""
    line = raw.strip().splitlines()[0] if raw.strip() else ""
    if not line.startswith("act="):
        raise ValueError("the reading must start with act=")
    data: dict = {"feedback": []}
    for part in line.split(";"):
        key, sep, value = part.strip().partition("=")
        if not sep:
            continue
        value = value.strip()
        if key == "act":
            data["action"] = value
        elif key in _LINE_KEYS:
            sepchar = "|" if key in ("seen", "loved", "hated", "like") else ","
            data[_LINE_KEYS[key]] = [v.strip() for v in value.split(sepchar) if v.strip()]
        elif key == "years":
            lo, _, hi = value.partition("-")
            data["min_year"] = int(lo) if lo.strip() else None
            data["max_year"] = int(hi) if hi.strip() else None
        elif key in ("minutes", "rating", "k", "pos"):
            number = float(value)
            target = {"minutes": "max_runtime", "rating": "min_rating", "k": "k", "pos": "question_position"}[key]
            data[target] = number if key == "rating" else int(number)
        elif key in ("dislike", "likes", "morelike"):
            kind = {"dislike": "dislike", "likes": "like", "morelike": "more_like"}[key]
            data["feedback"] += [{"kind": kind, "position": int(p)} for p in value.split(",") if p.strip()]
        elif key == "ask":
            data["question"] = value
    if data.get("action") == "feedback" and data.get("question_position") and not data["feedback"]:
        data["feedback"] = [{"kind": "like", "position": data.pop("question_position")}]
    return RewriteAnswer.model_validate(data)


def to_line(i: Instruction) -> str:
    """An Instruction in the compact reading (the rules' first reading shown to the model)."""
    c = i.constraints
    parts = [f"act={i.action}"]
    for key, values in (("genres", c.include_genres), ("not", c.exclude_genres), ("prefer", i.intention.genres),
                        ("avoid", i.intention.avoid)):
        if values:
            parts.append(f"{key}={','.join(values)}")
    if c.min_year is not None or c.max_year is not None:
        parts.append(f"years={c.min_year or ''}-{c.max_year or ''}")
    for key, value in (("minutes", c.max_runtime), ("rating", c.min_rating), ("pos", i.question_position)):
        if value is not None:
            parts.append(f"{key}={value:g}" if isinstance(value, float) else f"{key}={value}")
    for opinion in ("seen", "loved", "hated"):
        titles = [m.title for m in i.mentions if m.opinion == opinion]
        if titles:
            parts.append(f"{opinion}={'|'.join(titles)}")
    if i.reference_titles:
        parts.append(f"like={'|'.join(i.reference_titles)}")
    for kind, key in (("dislike", "dislike"), ("like", "likes"), ("more_like", "morelike")):
        pos = [str(f.position) for f in i.feedback if f.kind == kind and f.position]
        if pos:
            parts.append(f"{key}={','.join(pos)}")
    if i.question:
        parts.append(f"ask={i.question}")
    if i.relax:
        parts.append(f"relax={','.join(i.relax)}")
    return "; ".join(parts)


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
