"""The facade the app and the CLI call: one object that turns a message into ranked items.

A turn: rewrite (rule parser, or the LLM rewriter when configured) -> apply to the state ->
candidates -> fast score -> diversity -> yield TurnResult(stage="fast") at once -> when an LLM
is configured, the LLM ranker reorders the top ~10 and yields stage="llm_partial" results as
its reasons stream in -> stage="final". The LAST result of every turn has stage="final"
(without an LLM it repeats the fast list), so a caller that wants one answer takes the last.

Guarantees, checked by the tests: every item comes from the catalog, satisfies the
instruction's constraints and is not disliked; a failing or slow LLM leaves the fast list with
a visible note; when nothing matches, the reply says which constraint emptied the list.

Example:
    rec = Recommender.create("movielens", llm="off")
    for result in rec.respond(DialogueState(), "funny 90s movies under two hours"):
        print(result.stage, [r.item.title for r in result.recommendations])
    state = result.state
    *_, result = rec.feedback(state, state.last_list[1], "dislike")
"""
from __future__ import annotations

import functools
import inspect
import re

import os
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, Protocol

from catalog.filters import PEOPLE_FIELDS, Filters
from catalog.item import Item
from chat import state as dialogue
from chat.instruction import (
    FEEDBACK_KINDS,
    QUESTION_KINDS,
    CatalogVocab,
    FeedbackKind,
    FeedbackTarget,
    Instruction,
    QuestionKind,
)
from chat.opinions import OpinionReader
from chat.parser import smalltalk_kind
from chat.words import is_rare
from chat.rewriter import Rewriter
from chat.leanings import LeaningReader
from chat.understand import ModelUnderstanding
from chat.text import detect_language as detect_lang
from chat.state import DialogueState, focused
from errors import InvalidRequest
from recommender import reply
from recommender.candidates import (
    CandidateIndex,
    CatalogLike,
    CollabLike,
    QueryCache,
    Retrieved,
    annotate,
    retrieve,
)
from recommender.diversity import diversify
from recommender.feedback import genre_counts
from lm import LLM, LLMError
from catalog.loaders import catalog_label
from recommender.reasons import liked_genre_counts, list_facts, reason_parts, template_reason
from recommender.score import FastScorer
from recommender.store import SqlStore, open_store
from recommender.types import Candidate, GenreTaste, Recommendation, TurnResult

# How a turn is understood: the rules alone; the model reads every turn (the rules as its
# fallback); or hybrid: the rules answer at once, the model reads the turns they are unsure of.
UNDERSTAND = ("rules", "llm", "hybrid")


class Ranker(Protocol):
    llm: LLM  # the model that ranks and explains

    def rank(self, instruction: Instruction, candidates: list[Candidate], *, state: DialogueState,
             fallback_reasons: dict[str, str] | None = None) -> Iterator[Any]:
        """`recommender.rank.LLMRanker.rank`: yields RankUpdate(order, reasons, done, ranked_by,
        notes); the order is always a permutation of the candidate ids."""
        ...


# Which constraint to suggest relaxing, tried in this order (ties keep the order).
_RELAX: dict[str, dict[str, Any]] = {
    "max_runtime": {"max_runtime": None},
    "min_rating": {"min_rating": None},
    "years": {"min_year": None, "max_year": None},
    "mpaa": {"mpaa": []},
    "exclude_genres": {"exclude_genres": []},
    "include_genres": {"include_genres": []},
    "exclude_ids": {"exclude_ids": []},
}


# Fewer cards than this (and fewer than asked for) get a note saying what would bring more back.
FEW_MATCHES = 5
# A list that had to take weak films (IMDb under WEAK_RATING) because no more than THIN_POOL times the
# cards asked for fit the limits says so, with the limit to loosen.
WEAK_RATING = 5.0
THIN_POOL = 2


def suggest_relaxation(filters: Filters, items: Sequence[Item] | Any) -> str | None:
    """The constraint whose removal alone brings back the most items, or None.

    Example: comedies of the 1950s under 80 minutes in a catalog with 1950s comedies of 90
    minutes -> "max_runtime".
    """
    items = list(items)
    best, best_n = None, 0
    for key, update in _RELAX.items():
        relaxed = filters.model_copy(update=update)
        if relaxed == filters:
            continue
        n = sum(1 for it in items if relaxed.allows(it))
        if n > best_n:
            best, best_n = key, n
    return best


def _loosen(filters: Filters, items: Sequence[Item] | Any, counts: Callable[[Item], bool] = lambda it: True
            ) -> str | None:
    """The limit whose removal brings back the most items that `counts`, keeping what the user asked for
    (the genres, the films ruled out): "90s westerns under 100 min" -> "max_runtime", where
    `suggest_relaxation` would drop the genre, which brings back more. The genres only when no other limit
    brings anything back; None when nothing does."""
    items = list(items)

    def good(f: Filters) -> int:
        return sum(1 for it in items if f.allows(it) and counts(it))

    now = good(filters)
    best, best_n = None, now
    for key, update in _RELAX.items():
        relaxed = filters.model_copy(update=update)
        if key in ("include_genres", "exclude_ids") or relaxed == filters:
            continue
        n = good(relaxed)
        if n > best_n:
            best, best_n = key, n
    if best is None and good(filters.model_copy(update=_RELAX["include_genres"])) > now:
        best = "include_genres"
    return best


class Recommender:
    """Build with `Recommender.create(...)` (real parts, lazy) or the constructor (injected parts).

    Args:
        catalog: a `catalog.catalog.Catalog` (get, popularity, iteration).
        index: a `catalog.search.CatalogIndex` (embed_query, search_by_vector, similar_to, vectors).
        rewriter: message -> Instruction (`chat.parser.RuleRewriter` or `chat.rewriter.LLMRewriter`).
        understander: optional `chat.understand.ModelUnderstanding`, asked after the first list about
            the turns where the model's reading can help (films the user names: loved, hated, seen or
            wanted as a reference); when its reading differs, the turn is answered again from it
            (stage "understood", with a note). A bare `chat.rewriter.LLMRewriter` is wrapped to read
            the turns with words the rules could not account for (`Instruction.unread`).
        understand_timeout_s: the understander's budget per turn; past it the first reading stands.
        ranker: optional `recommender.rank.LLMRanker`; None = the fast path alone.
        collab: optional item-CF model (`recommender.collab.ItemCF`) for sessions with a history.
        store: optional session store (`recommender.store`: SQLite or PostgreSQL); states are saved
            after every turn, feedback is logged.
        k_llm: how many of the fast list's top items the LLM reorders.
        llm_reorders: False keeps the fast order and lets the model write reasons only (the cards
            never move while reasons arrive): the default for a local model on CPU, where the fast
            ranker orders better (README, "Evaluation"); True for a larger model behind a server.
        vocab: what the rewriter knows of the catalog; default: built from `catalog`.
    """

    def __init__(
        self,
        catalog: CatalogLike,
        index: CandidateIndex,
        *,
        rewriter: Rewriter,
        understander: Rewriter | None = None,
        understand_timeout_s: float = 4.0,
        ranker: Ranker | None = None,
        collab: CollabLike | None = None,
        scorer: FastScorer | None = None,
        store: SqlStore | None = None,
        k_llm: int = 10,
        llm_reorders: bool = True,
        mmr_lambda: float = 0.7,
        vocab: CatalogVocab | None = None,
        clock: Callable[[], float] = time.perf_counter,
    ) -> None:
        self.catalog = catalog
        self.index = index if isinstance(index, QueryCache) else QueryCache(index)
        self.rewriter = rewriter
        if understander is not None and not hasattr(understander, "wants"):  # a bare LLMRewriter
            understander = ModelUnderstanding(rewriter, rewriter=understander, rewrite_unread=True)
        self.understander = understander
        self.understand_timeout_s = understand_timeout_s
        self.ranker = ranker
        self.collab = collab
        self.scorer = scorer or FastScorer()
        self.store = store
        self.k_llm = k_llm
        self.llm_reorders = llm_reorders
        self.mmr_lambda = mmr_lambda
        self._clock = clock
        self.vocab = vocab or catalog_vocab(catalog)
        self._turns: dict[str, int] = {}  # session id -> its latest turn: older turns stop model work
        self._turns_lock = threading.Lock()
        self._turn_no = 0

    # ------------------------------------------------------------------ construction
    @classmethod
    def create(
        cls,
        catalog: str = "movielens",
        llm: str | None = "off",
        *,
        data_dir: str | Path | None = None,
        embedder: Any = None,
        store: SqlStore | str | None | bool = True,
        progress: bool = True,
        collab: bool = True,
        sequential: bool = True,
        rewriter: str | None = None,
        understand: str = "hybrid",
        rank_with_llm: bool = True,
        llm_timeout_s: float = 8.0,
        understand_timeout_s: float = 4.0,
    ) -> "Recommender":
        """The real thing: load the catalog, open (or build, with a progress bar) its index,
        fit item-CF on the MovieLens interactions, wire the LLM ranker when `llm` names a
        model, and the rewriter: "rule" (default: instant, so the first list stays fast even
        with a slow CPU model) or "llm" (the LLM rewriter, falling back to the rules).
        `store=True` means the default SQLite file under the data folder; a string is a store spec
        (`recommender.store.open_store`: a PostgreSQL URL, a .sqlite3 path, "off"); False/None: no store.
        `llm_timeout_s`: the LLM stage's budget per turn (8 s: the full list's target on 2 CPU cores);
        the ranker measures its time per answer and stops before an answer that would not fit, so
        what it wrote stays and the other cards keep their template reasons (with a note).
        `sequential`: load the SASRec model that `python -m recommender.sequential fit` cached under
        the data folder (MovieLens only) for the scorer's "sequential" signal; without the file the
        app ranks without it (logged once) and never trains at start."""
        if rewriter is not None:  # the older name: rewriter="rule" / "llm"
            if rewriter not in ("rule", "llm"):
                raise InvalidRequest(f"Unknown rewriter {rewriter!r}: use 'rule' or 'llm'")
            understand = "rules" if rewriter == "rule" else "llm"
        if understand not in UNDERSTAND:
            raise InvalidRequest(f"Unknown understanding mode {understand!r}: use one of {', '.join(UNDERSTAND)}")
        # Local imports: importing this module must stay cheap (no Chroma, no torch).
        from catalog.loaders import load_catalog
        from catalog.search import open_index
        from lm import make_llm

        folder = Path(data_dir) if data_dir is not None else None
        cat = load_catalog(catalog)
        index = open_index(cat, embedder, data_dir=folder, build_if_missing=True, progress=progress)
        index.ensure()  # build or check now, with a progress bar, not in the first turn
        # one-time lazy setup paid here rather than by the first user: the embedding model
        # and the fuzzy title index
        index.embed_query("warm-up")
        cat.match_title("warm-up")
        cat.titles_in("warm-up")  # the title spotter's index, built once here, not in a first turn
        cat.series_in("warm-up")  # and the film series
        seqs = _sequences(cat) if (collab or sequential) else None
        cf = _fit_collab(cat, seqs) if collab else None
        scorer = FastScorer(sequential=_load_sequential(cat, seqs) if sequential else None)
        model = make_llm(llm)
        from lm.llamacpp import LlamaCppLLM

        warm_thread: threading.Thread | None = None

        local_cpu = False
        if understand == "llm" and model is None:
            raise InvalidRequest("understand='llm' needs a model: pass llm='local' (or another spec)")
        rules, reader = _make_readers(model if understand == "llm" else None)
        rewriter_obj = reader if (understand == "llm" and reader is not None) else rules
        understander = None
        if understand == "hybrid" and model is not None:
            # one context for both questions: the films' opinions are asked rarely (films the rules could
            # not place), so sharing costs a re-prefill now and then, not another copy of the weights
            reading_llm = _rewriter_llm(model)
            understander = ModelUnderstanding(rules, OpinionReader(reading_llm, timeout=understand_timeout_s),
                                              leanings=LeaningReader(reading_llm, timeout=understand_timeout_s))
        ranker = None
        if model is not None and rank_with_llm:
            from recommender.rank import LLMRanker

            local_cpu = isinstance(model, LlamaCppLLM) and os.environ.get("RECSYS_LLM_REORDER", "") != "1"
            # On CPU the model picks which true facts explain each card (a few tokens, true by
            # construction) and keeps the fast order; a larger model behind a server writes reasons.
            ranker = LLMRanker(model, timeout_s=llm_timeout_s, mode="facts" if local_cpu else "item")
        from chat import sentiment
        from chat.text import warm_segmenter

        warm_segmenter()  # the Chinese word segmenter's dictionary: ~1 s, not in a first Chinese turn
        sentiment.warm()  # the VADER and HowNet word lists, read once
        if isinstance(model, LlamaCppLLM):
            # Load the models and prefill their fixed prompts now, off the request path, so the
            # first user's turn reuses them from llama.cpp's KV cache (warm() returns False
            # instead of raising when the model fails).
            genres = cat.genres()
            reading = understander or reader
            warmers = ([lambda: reading.warm(genres)] if reading is not None else []) + ([ranker.warm] if ranker else [])
            warm_thread = threading.Thread(target=lambda: [w() for w in warmers], name="llm-warm", daemon=True)
            warm_thread.start()
        if store is True or isinstance(store, str):
            store_obj = open_store(store if isinstance(store, str) else None, data_dir=folder)
        else:
            store_obj = store or None
        rec = cls(cat, index, rewriter=rewriter_obj, understander=understander, ranker=ranker, collab=cf,
                  scorer=scorer, store=store_obj, understand_timeout_s=understand_timeout_s,
                  llm_reorders=not local_cpu)
        rec._warm_thread = warm_thread
        return rec

    def close(self, timeout: float | None = 180.0) -> None:
        """Wait for the background model warm-up before the process exits: llama.cpp still computing
        in a daemon thread while Python shuts down crashes the process (seen as exit code -11 after
        every answer of a short CLI session was written)."""
        t = getattr(self, "_warm_thread", None)
        if t is not None and t.is_alive():
            t.join(timeout)

    # ------------------------------------------------------------------ public API
    def respond(self, state: DialogueState, message: str, *, k: int | None = None) -> Iterator[TurnResult]:
        """One chat turn. Yields a "fast" result at once and ends with a "final" one. `k` (an API
        caller's "how many") sets the list's length as a number in the message would.

        With an understander (hybrid understanding), a turn the rules are unsure of (words they
        could not account for) is read again by the model after the first list: when its reading
        differs, the turn is answered again from it (stage "understood", with a note saying so);
        a model that fails or times out leaves the rules' reading, with a note."""
        t0 = self._clock()
        state = dialogue.bounded(state)  # a long session keeps its recent part (chat/state.py limits)
        turn = self._begin_turn(state.session_id)  # this session's earlier turns stop their model work
        text = (message or "").strip()
        if not text:
            instruction = state.instruction or Instruction(language=state.language)
            yield from self._no_list_change(state, instruction, reply.empty_message(state.language), t0, {})
            return
        before = dialogue.record_turn(state, "user", text)
        instruction = _with_k(self.rewriter.rewrite(text, before, self.vocab), k)
        timings = {"parse": self._clock() - t0}
        if self.understander is None or not self.understander.wants(instruction):
            yield from self._act(before, instruction, t0, timings, turn=turn)
            return
        # Hybrid: the rules' list at once (without the slow LLM ranking), then the model's reading.
        first = list(self._act(before, instruction, t0, timings, rank=False, log=False))
        provisional = first[-1].model_copy(update={"stage": "fast"})
        yield provisional
        t = self._clock()
        reading, note = self._read_again(text, before, instruction, k)
        timings["understand"] = self._clock() - t
        if reading is None:  # the model read it the same way, failed or timed out
            notes = [note] if note else []
            if self.ranker is None or instruction.action in _NO_LIST_ACTS:
                yield provisional.model_copy(update={"stage": "final", "notes": provisional.notes + notes,
                                                     "timings": {**provisional.timings, **timings}})
                self._log_feedback(before, instruction)
                return
            reading = instruction
        self._log_feedback(before, reading)
        stage = "understood" if reading is not instruction else None
        for n, result in enumerate(self._act(before, reading, t0, timings, log=False, turn=turn)):
            if n == 0 and stage is None and result.stage == "fast":
                continue  # the same list as the provisional one: only the ranking follows
            if n == 0 and stage:
                result = result.model_copy(update={"stage": stage if result.stage == "fast" else result.stage,
                                                   "notes": [note, *result.notes] if note else result.notes})
            elif note and result.stage == "final" and note not in result.notes:
                result = result.model_copy(update={"notes": [note, *result.notes]})
            yield result

    def _read_again(self, text: str, before: DialogueState, first: Instruction,
                    k: int | None = None) -> tuple[Instruction | None, str]:
        """The understander's reading of a turn the rules were unsure of: (the reading, a visible
        note) when it differs from the rules', else (None, a note or ""). `k`: the caller's list
        length, which holds over both readings."""
        assert self.understander is not None
        lang = first.language
        try:
            reading = _with_k(self.understander.reread(text, before, self.vocab, first), k)
        except LLMError as e:  # the understander falls back itself; this is belt and braces
            return None, reply.understand_failed(lang, str(e))
        if reading.rewriter != "llm":  # it fell back to the rules: say why, keep their reading
            return None, reply.understand_failed(lang, "")
        if same_reading(reading, first):
            return None, ""
        said = {m.item_id: m.opinion for m in first.mentions}
        said.update({i: "similar" for i in first.reference_ids if i not in said})
        now = {m.item_id: m.opinion for m in reading.mentions}
        now.update({i: "similar" for i in reading.reference_ids if i not in now})
        changed = [(self._local_title(it, lang), op) for i, op in now.items()
                   if said.get(i) != op and (it := self.catalog.get(i)) is not None]
        if changed:
            return reading, reply.understood_films(changed, lang)
        return reading, reply.understood_again(reading, lang)

    def _log_feedback(self, state: DialogueState, instruction: Instruction) -> None:
        for f in instruction.feedback:
            if f.item_id is not None:
                self._log(state.session_id, f.item_id, f.kind)

    def _act(self, state: DialogueState, instruction: Instruction, t0: float, timings: dict[str, float],
             *, rank: bool = True, log: bool = True, turn: int | None = None) -> Iterator[TurnResult]:
        """Answer one understood turn: `state` holds the user's message already, `instruction` is
        resolved against it. `rank=False` skips the LLM ranking (a provisional list)."""
        lang = instruction.language
        action = instruction.action
        if action == "smalltalk":
            state = state.model_copy(update={"language": lang})
            said = next((t.text for t in reversed(state.turns) if t.role == "user"), "")
            kind, taken = smalltalk_kind(said, state, self.vocab)
            title = self._local_title(self.catalog.get(taken), lang) if taken else ""
            yield from self._no_list_change(
                state, instruction, reply.smalltalk(lang, bool(state.last_list), kind, title), t0, timings)
            return
        if action == "unclear":
            state = state.model_copy(update={"language": lang})
            pos = instruction.question_position
            text_reply = (reply.no_such_position(pos, 0, lang, fresh=_nothing_asked_yet(state)) if pos and not state.last_list
                          else reply.unclear(lang, bool(state.last_list)))  # "seen #2 and #4" with no list: which #2?
            yield from self._no_list_change(state, instruction, text_reply, t0, timings)
            return
        if action == "question":
            yield from self._answer_question(state, instruction, t0, timings)
            return

        if instruction.people and not self._has_people():
            instruction = instruction.model_copy(update={
                "notices": [*instruction.notices, reply.no_people(instruction.people, lang)]})
        elif instruction.people:  # a catalog with director / cast columns: "films by X" is a filter
            instruction = instruction.model_copy(update={"constraints": instruction.constraints.model_copy(
                update={"people": list(dict.fromkeys(instruction.constraints.people + instruction.people))})})
        state = dialogue.apply_resolved(state, instruction)  # rewriters resolve: once per turn
        instruction = state.instruction or instruction
        if action == "reset" and not _asks_for_anything(instruction):
            state = dialogue.record_shown(state, [])
            text_reply = reply.reset(lang)
            state = dialogue.record_turn(state, "assistant", text_reply)
            self._save(state)
            timings["total"] = self._clock() - t0
            yield TurnResult(state=state, instruction=instruction, reply=text_reply, stage="final",
                             notes=list(instruction.notices), timings=timings)
            return
        ack = None
        keep: list[str] | None = None
        if action == "feedback" and instruction.feedback:
            fb = instruction.feedback[-1]
            if log:
                self._log_feedback(state, instruction)
            # every card reacted to is named, by kind, in the order said ("loved the first one, hated the third":
            # you like A; no more C), the kind of the last reaction last
            kinds = list(dict.fromkeys([*(f.kind for f in instruction.feedback if f.kind != fb.kind), fb.kind]))
            ack = [(k, [it for i in dict.fromkeys(f.item_id for f in instruction.feedback if f.kind == k and f.item_id)
                        if (it := self.catalog.get(i)) is not None]) for k in kinds]
            if all(f.kind == "dislike" for f in instruction.feedback) and not instruction.pages:
                keep = list(state.last_list)  # "not the second one": the rest of the list stays
        yield from self._recommend(state, instruction, t0, timings, ack=ack, rank=rank, keep=keep, turn=turn,
                                   more=action == "more" or instruction.pages)

    def feedback(self, state: DialogueState, item_id: str, kind: FeedbackKind | str) -> Iterator[TurnResult]:
        """A like / dislike / "more like this" click on one item; yields the updated list."""
        t0 = self._clock()
        state = dialogue.bounded(state)
        turn = self._begin_turn(state.session_id)
        if kind not in FEEDBACK_KINDS:
            raise InvalidRequest(f"Unknown feedback {kind!r}: use one of {', '.join(FEEDBACK_KINDS)}")
        item = self.catalog.get(item_id)
        if item is None:
            raise InvalidRequest(f"No item {item_id!r} in this catalog: feedback needs an id from the list shown")
        state = dialogue.apply_feedback(state, item_id, kind)  # type: ignore[arg-type]
        self._log(state.session_id, item_id, kind)
        base = state.instruction or Instruction(language=state.language)
        instruction = base.model_copy(update={
            "action": "feedback",
            "feedback": [FeedbackTarget(kind=kind, item_id=item_id)],  # type: ignore[arg-type]
            "constraints": state.constraints,
            "reference_ids": list(state.reference_ids) if kind == "more_like" else list(base.reference_ids),
            "task": "rank",
            "notices": [],
        })
        state = state.model_copy(update={"instruction": instruction})
        yield from self._recommend(state, instruction, t0, {"parse": 0.0}, ack=(kind, item), turn=turn)

    def explain(self, state: DialogueState, item_id: str, question: QuestionKind | str = "why") -> Iterator[TurnResult]:
        """Answer `question` about one catalog item from its facts, as the chat answers "why #2?" or
        "how long is Heat?": "why" gives the card's reason when the item is in the session's list,
        else what the catalog says of it. The list stays as it is. Example:
        explain(state, "1", "runtime") -> a final TurnResult whose reply says how long Toy Story runs."""
        t0 = self._clock()
        state = dialogue.bounded(state)
        if question not in QUESTION_KINDS:
            raise InvalidRequest(f"Unknown question {question!r}: use one of {', '.join(QUESTION_KINDS)}")
        if self.catalog.get(item_id) is None:
            raise InvalidRequest(f"No item {item_id!r} in this catalog: use an id from a list of recommendations")
        self._begin_turn(state.session_id)
        instruction = Instruction(action="question", question=question, question_item_id=item_id,  # type: ignore[arg-type]
                                  language=state.language)
        yield from self._answer_question(state, instruction, t0, {"parse": 0.0})

    def forget(self, state: DialogueState) -> DialogueState:
        """Delete everything stored about this session; returns a fresh state (new session id)."""
        if self.store is not None:
            self.store.forget(state.session_id)
        return DialogueState(language=state.language)

    def new_conversation(self, state: DialogueState) -> DialogueState:
        """Clear the conversation, keeping the session id (and saving the cleared state)."""
        new = dialogue.reset(state).model_copy(update={"language": state.language})
        self._save(new)
        return new

    def taste(self, state: DialogueState) -> list[GenreTaste]:
        """Per genre, how many items the session liked, disliked and had seen (the UI's taste panel)."""
        return genre_counts(state, self.catalog)

    def item_title(self, item_id: str, lang: str = "en") -> str:
        """The display title of a catalog item, e.g. "Toy Story (1995)"; in Chinese its Chinese title
        where the catalog has one ("玩具总动员 (1995)"); "item ID" when unknown."""
        item = self.catalog.get(item_id)
        if item is None:
            return f"item {item_id}"
        local = self._local_title(item, lang) if lang != "en" else ""
        if local and re.search(r"[\u4e00-\u9fff]", local):
            return f"{local} ({item.year})" if item.year else local
        return item.display_title()

    @property
    def catalog_label(self) -> str:
        """What the footer says of the catalog, e.g. "MovieLens-100K + IMDb attributes (1,681 movies)"."""
        return catalog_label(self.catalog)

    @property
    def catalog_labels(self) -> dict[str, str]:
        """The catalog's label by UI language: {"en": "MovieLens-100K + IMDb attributes (1,681
        movies)", "zh": "MovieLens-100K + IMDb 属性（1,681 部电影）"}."""
        return {lang: catalog_label(self.catalog, lang) for lang in ("en", "zh")}

    @property
    def model_label(self) -> str | None:
        """The language model that ranks and explains, by name; None when it is off."""
        return self.ranker.llm.name if self.ranker is not None else None

    # ------------------------------------------------------------------ internals
    def _begin_turn(self, session_id: str) -> int:
        """Number a new turn of `session_id`; from now on its earlier turns are superseded."""
        with self._turns_lock:
            self._turn_no += 1
            self._turns.pop(session_id, None)
            self._turns[session_id] = self._turn_no
            while len(self._turns) > 10_000:  # the oldest sessions' entries go (never superseded then)
                self._turns.pop(next(iter(self._turns)))
            return self._turn_no

    def _superseded(self, session_id: str, turn: int | None) -> bool:
        return turn is not None and self._turns.get(session_id, turn) != turn

    def _save(self, state: DialogueState) -> None:
        if self.store is not None:
            self.store.save(state)

    def _log(self, session_id: str, item_id: str, kind: str) -> None:
        if self.store is not None:
            self.store.log_feedback(session_id, item_id, kind)

    def _titles(self, candidates: Sequence[Candidate], lang: str = "en") -> dict[str, str]:
        """Titles of the items the reasons name (liked, reference), in the reason's language."""
        ids = {v for c in candidates for v in c.evidence.values()}
        return {i: self._local_title(it, lang) for i in ids if (it := self.catalog.get(i)) is not None}

    def _to_recs(self, ranked: Sequence[Candidate], instruction: Instruction, lang: str,
                 reasons: dict[str, str] | None = None, ranked_by: str = "fast",
                 state: DialogueState | None = None) -> list[Recommendation]:
        """Cards for `ranked`: the model's reason where `reasons` has one, else the template reason
        (personal: the user's likes in `state`; specific: what sets the card apart on this list)."""
        titles = self._titles(ranked, lang)
        apart = list_facts(ranked)
        liked = liked_genre_counts([self.catalog.get(i) for i in state.liked_ids]) if state is not None else None
        out = []
        for n, c in enumerate(ranked, start=1):
            model_reason = (reasons or {}).get(c.item.id)
            reason = model_reason or template_reason(c, instruction, lang, titles, apart=apart.get(c.item.id),
                                                     liked_genres=liked)
            out.append(Recommendation(item=c.item, rank=n, score=round(min(max(c.score, 0.0), 1.0), 4),
                                      reason=reason, ranked_by=ranked_by,  # type: ignore[arg-type]
                                      title=self._local_title(c.item, lang) or c.item.title,
                                      reason_by="model" if model_reason else "template"))
        return out

    def _fast(self, state: DialogueState, instruction: Instruction, timings: dict[str, float],
              hide: Sequence[str] = ()) -> tuple[Retrieved, list[Candidate]]:
        t = self._clock()
        if hide:  # paging: this list leaves out what was shown (for this list only)
            instruction = instruction.model_copy(update={"constraints": instruction.constraints.model_copy(
                update={"exclude_ids": list(dict.fromkeys([*instruction.constraints.exclude_ids, *hide]))})})
        got = retrieve(instruction, state, index=self.index, catalog=self.catalog, collab=self.collab)
        timings["retrieve"] = self._clock() - t
        t = self._clock()
        scored = self.scorer.score(instruction, state, got.candidates, index=self.index,
                                   catalog=self.catalog, vectors=got.vectors)
        ordered = diversify(scored, max(instruction.k, self.k_llm), vectors=got.vectors, lam=self.mmr_lambda)
        timings["fast_score"] = self._clock() - t
        return got, ordered

    def _stable(self, keep: list[str], ordered: list[Candidate], instruction: Instruction,
                state: DialogueState, got: Retrieved) -> list[Candidate]:
        """The previous list in its order, minus what no longer qualifies, then the best new items."""
        allowed = [i for i in keep if (it := self.catalog.get(i)) is not None and got.filters.allows(it)]
        by_id = {c.item.id: c for c in ordered}
        missing = [i for i in allowed if i not in by_id]
        if missing:
            cands, vecs = annotate(missing, instruction, state, index=self.index, catalog=self.catalog,
                                   collab=self.collab)
            for c in self.scorer.score(instruction, state, cands, index=self.index, catalog=self.catalog,
                                       vectors=vecs):
                by_id[c.item.id] = c
        kept = [by_id[i] for i in allowed if i in by_id]
        return kept + [c for c in ordered if c.item.id not in set(allowed)]

    def _any_allowed(self, filters: Filters, hidden: Sequence[str]) -> bool:
        """True when an item hidden only because it was shown already would pass the filters."""
        return any((it := self.catalog.get(i)) is not None and filters.model_copy(update={
            "exclude_ids": [x for x in filters.exclude_ids if x not in set(hidden)]}).allows(it) for i in hidden)

    def _local_title(self, item: Item | None, lang: str) -> str:
        """The item's title for a reply in `lang`: its Chinese title where the catalog knows one."""
        if item is None:
            return ""
        local = getattr(self.catalog, "local_title", None)
        return local(item.id, lang) if local is not None else item.title

    def _has_people(self) -> bool:
        """Whether the catalog has director / cast columns that people filters can use."""
        return any(set(PEOPLE_FIELDS) & set(it.metadata) for it in list(self.catalog)[:200])

    def _recommend(self, state: DialogueState, instruction: Instruction, t0: float,
                   timings: dict[str, float],
                   ack: tuple[str, Item | list[Item] | None] | list[tuple[str, list[Item]]] | None = None, *,
                   rank: bool = True, keep: list[str] | None = None, more: bool = False,
                   turn: int | None = None) -> Iterator[TurnResult]:
        """The list for an understood request. `keep`: the ids of the list shown before, kept in
        their order where they still qualify (a dislike removes one card, not the list); `more`:
        paging, nothing shown before in this session comes back."""
        lang = instruction.language
        notes = list(instruction.notices)
        shown_before = list(state.shown_ids) if more else []
        got, ordered = self._fast(state, instruction, timings, hide=shown_before)
        if keep:
            ordered = self._stable(keep, ordered, instruction, state, got)
        shown = ordered[: instruction.k]
        if not shown:
            relax = suggest_relaxation(got.filters, self.catalog)
            text_reply = (reply.no_more(instruction.constraints, lang) if more and relax is None
                          or more and self._any_allowed(got.filters, shown_before)
                          else reply.no_match(instruction.constraints, relax, lang, years=self._years()))
            state = dialogue.record_shown(state, [])
            state = dialogue.record_turn(state, "assistant", text_reply)
            self._save(state)
            timings["total"] = self._clock() - t0
            yield TurnResult(state=state, instruction=instruction, reply=text_reply, stage="final",
                             notes=notes, timings=timings)
            return
        if not more and len(shown) < min(instruction.k, FEW_MATCHES) and not got.filters.is_empty():
            # "来几部适合小孩看的动画片" -> 2 cards: say so, and what would bring more back
            relax = _loosen(got.filters, self.catalog)
            if got.filters.mpaa and sum(1 for it in self.catalog if got.filters.model_copy(update={"mpaa": []}).allows(it)) \
                    >= instruction.k:
                relax = "mpaa"  # most films have no age rating on record: the limit, not the genre asked for, empties it
            if relax is not None and relax != "exclude_ids":
                notes.append(reply.few_matches(len(shown), relax, lang))
        elif not more and got.filters.min_rating is None and not got.filters.is_empty() \
                and any(c.item.rating is not None and c.item.rating < WEAK_RATING for c in shown):
            # "action and adventure under 95 min": the catalog has nine, and the list has to show films rated 3-4.
            # Say so, and which limit holds the better ones back, rather than present them as good picks.
            fitting = sum(1 for it in self.catalog if got.filters.allows(it))
            relax = _loosen(got.filters, self.catalog, lambda it: it.rating is not None and it.rating >= WEAK_RATING) \
                if fitting <= THIN_POOL * instruction.k else None
            if relax is not None and relax != "exclude_ids":
                notes.append(reply.thin_pool(fitting, relax, lang))
        recs = self._to_recs(shown, instruction, lang, state=state)
        if instruction.action == "refine" and ack is None and not more and state.last_list \
                and [r.item.id for r in recs] == list(state.last_list):
            notes.append(reply.unchanged(lang))  # "the kids went to bed" with no age limit set, "太老的不要" on new films
        if ack is not None:
            groups = ack if isinstance(ack, list) else \
                [(ack[0], ack[1] if isinstance(ack[1], list) else [ack[1]] if ack[1] is not None else [])]
            # films not on the list judged in the same message ("... 英国病人真的看不下去") are named first
            said = [(op, [self._local_title(it, lang) for m in instruction.mentions if m.opinion == op
                          and (it := self.catalog.get(m.item_id)) is not None]) for op in ("loved", "hated", "seen")]
            text_reply = reply.feedback_ack_all(
                [*said, *((k, [self._local_title(it, lang) for it in items]) for k, items in groups)], len(recs), lang)
        else:
            named = {m.item_id: self._local_title(it, lang) for m in instruction.mentions
                     if (it := self.catalog.get(m.item_id)) is not None}
            refs = [self._local_title(it, lang) for i in instruction.reference_ids if (it := self.catalog.get(i))]
            # only titles found in the catalog: a quoted description the user wrote is never pasted back
            # what to do next is said under the first list of a conversation, not under every list
            text_reply = reply.understood(instruction, len(recs), lang, titles=named, more=more, references=refs,
                                          hint=not state.shown_ids)
        state = dialogue.record_shown(state, [r.item.id for r in recs])
        state = dialogue.record_turn(state, "assistant", text_reply)
        self._save(state)
        timings["first_list"] = self._clock() - t0
        yield TurnResult(state=state, instruction=instruction, recommendations=recs, reply=text_reply,
                         stage="fast", notes=notes, timings=dict(timings))

        refused = 0
        if self.ranker is not None and rank and self._model_queue() >= MODEL_QUEUE_LIMIT:
            # Other sessions' calls already queue for the one model: this turn's would wait past its
            # budget and bring nothing (20 users at once: 1 model reason in 206 turns, each turn 8 s).
            # The fast list and its catalog reasons are the answer, said at once.
            rank = False
            notes = notes + [reply.llm_busy(instruction.language)]
        if self.ranker is not None and rank:
            top = ordered[: max(self.k_llm, instruction.k)]
            final_recs, llm_notes, refused = yield from self._llm(state, instruction, top, recs, text_reply,
                                                                  notes, timings, t0, turn=turn)
            notes = notes + llm_notes
            written = {r.item.id: r.reason for r in final_recs if r.reason_by == "model"}
            if [r.item.id for r in final_recs] != state.last_list or written:
                state = dialogue.record_shown(state, [r.item.id for r in final_recs], reasons=written)
                self._save(state)
            recs = final_recs
        timings["total"] = self._clock() - t0
        yield TurnResult(state=state, instruction=instruction, recommendations=recs, reply=text_reply,
                         stage="final", notes=notes, timings=dict(timings), reasons_refused=refused,
                         superseded=self._superseded(state.session_id, turn))

    def _model_queue(self) -> int:
        """Calls waiting for the ranker's model now (0 for a model that does not say)."""
        waiting = getattr(getattr(self.ranker, "llm", None), "waiting", None)
        try:
            return int(waiting()) if callable(waiting) else 0
        except (TypeError, ValueError):
            return 0

    def _llm(self, state: DialogueState, instruction: Instruction, top: list[Candidate],
             fast_recs: list[Recommendation], text_reply: str, notes: list[str],
             timings: dict[str, float], t0: float, turn: int | None = None):
        """Run the LLM ranker; yields llm_partial results, returns (final recs, notes, reasons refused). When the
        session sends a newer message (`turn` is no longer its latest), the model work stops between
        two model calls and the fast list stays: the newer turn gets the model instead."""
        assert self.ranker is not None
        lang = instruction.language
        by_id = {c.item.id: c for c in top}
        k = instruction.k
        t = self._clock()
        t_order: float | None = None
        refused = 0
        recs = fast_recs
        extra: list[str] = []
        try:
            titles = self._titles(top, lang)
            apart = list_facts(top[:k])
            liked = liked_genre_counts([self.catalog.get(i) for i in state.liked_ids])
            facts = {c.item.id: reason_parts(c, instruction, lang, titles, apart=apart.get(c.item.id),
                                             liked_genres=liked) for c in top}
            # no fallback reasons passed: what comes back was written (or chosen) by the model, and
            # _to_recs gives every other card its template reason
            for update in self.ranker.rank(instruction, top, state=state, facts=facts):
                if self._superseded(state.session_id, turn):
                    timings["llm_rank"] = self._clock() - t
                    return fast_recs, [reply.superseded(lang)], 0
                order = _valid_order(update.order, by_id)
                by = getattr(update, "ranked_by", "llm")
                reasons = {i: r for i, r in update.reasons.items() if i in by_id}
                refused = update.refused
                extra = [n for n in dict.fromkeys([*extra, *update.notes])]
                if by == "llm" and t_order is None:
                    t_order = self._clock()
                    timings["llm_rank"] = t_order - t
                # ids the model left out keep their fast order after the ones it ranked
                full = order + [c.item.id for c in top if c.item.id not in set(order)]
                if not self.llm_reorders:  # reasons only: the cards stay where they are
                    full, by = [r.item.id for r in fast_recs], "fast"
                ranked = [by_id[i] for i in full if i in by_id][:k]
                recs = self._to_recs(ranked, instruction, lang, reasons=reasons, ranked_by=by, state=state)
                if reasons and "first_reason" not in timings:
                    timings["first_reason"] = self._clock() - t0
                if update.done:
                    break
                if by == "llm" or reasons:
                    yield TurnResult(state=state, instruction=instruction, recommendations=recs,
                                     reply=text_reply, stage="llm_partial", notes=notes + extra,
                                     timings=dict(timings), reasons_refused=refused)
                    if self._superseded(state.session_id, turn):  # checked before the next model call
                        timings["llm_rank"] = self._clock() - t
                        return fast_recs, [reply.superseded(lang)], 0
        except LLMError as e:  # what the model finished stays on the cards; the rest keep their template reason
            extra.append(_llm_note(e, lang))
            timings["llm_rank"] = self._clock() - t
            return recs, extra, refused
        end = self._clock()
        timings.setdefault("llm_rank", end - t)
        timings["explain"] = end - (t_order if t_order is not None else t)
        return recs, extra, refused

    def _no_list_change(self, state: DialogueState, instruction: Instruction, text_reply: str,
                        t0: float, timings: dict[str, float]) -> Iterator[TurnResult]:
        """A reply that keeps the last list as it is (same order, reasons recomputed)."""
        recs = self._current_list(state, instruction)
        if text_reply:
            state = dialogue.record_turn(state, "assistant", text_reply)
        self._save(state)
        timings = dict(timings)
        timings["total"] = self._clock() - t0
        yield TurnResult(state=state, instruction=instruction, recommendations=recs, reply=text_reply,
                         stage="final", notes=list(instruction.notices), timings=timings)

    def _current_list(self, state: DialogueState, instruction: Instruction) -> list[Recommendation]:
        disliked = set(state.disliked_ids)
        ids = [i for i in state.last_list if i not in disliked and self.catalog.get(i) is not None]
        if not ids:
            return []
        # re-explain the list with the instruction that produced it, in today's language
        basis = (state.instruction or instruction).model_copy(update={"language": instruction.language})
        cands, vecs = annotate(ids, basis, state, index=self.index, catalog=self.catalog, collab=self.collab)
        scored = {c.item.id: c for c in self.scorer.score(basis, state, cands, index=self.index,
                                                            catalog=self.catalog, vectors=vecs)}
        kept = {i: r for i, r in state.last_reasons.items() if i in scored}  # the reasons shown stay
        return self._to_recs([scored[i] for i in ids], basis, instruction.language, reasons=kept, state=state)

    def _years(self) -> tuple[int, int] | None:
        """The catalog's first and last release year (None when it has no years), computed once."""
        if not hasattr(self, "_year_span"):
            years = [it.year for it in self.catalog if it.year]
            self._year_span = (min(years), max(years)) if years else None
        return self._year_span

    def _answer_question(self, state: DialogueState, instruction: Instruction, t0: float,
                         timings: dict[str, float]) -> Iterator[TurnResult]:
        """A question about a shown or named item, answered from catalog facts in the user's
        language; the list and its reasons stay as they are."""
        lang = instruction.language
        pick = instruction.question_pick
        if pick is not None and state.last_list:
            # "which of these is the shortest?": the card that fact picks, named with its value
            cards = [it for i in state.last_list if (it := self.catalog.get(i)) is not None]
            text_reply = reply.pick_answer(pick, cards, lang, {it.id: self._local_title(it, lang) for it in cards})
            chosen = pick.order(cards)
            if chosen:
                state = focused(state, chosen[0].id, language=lang)
            yield from self._no_list_change(state, instruction, text_reply, t0, timings)
            return
        pos = instruction.question_position
        item_id: str | None = instruction.question_item_id
        if instruction.question_topic == "where" and pos is None and item_id is None \
                and state.focus_id not in state.last_list and state.last_list:
            # "在哪能看", "where can i stream these": no card named or in view, so the list as a whole
            text_reply = reply.render_text("question.topic.where_list", lang)
            yield from self._no_list_change(state, instruction, text_reply, t0, timings)
            return
        if instruction.question_topic == "have" and item_id is None:
            # "is the matrix on here?": a film the catalog does not hold; the list stays
            text_reply = reply.render_text("question.topic.have_none", lang)
            yield from self._no_list_change(state, instruction, text_reply, t0, timings)
            return
        if item_id is None and pos is not None:
            if 1 <= pos <= len(state.last_list):
                item_id = state.last_list[pos - 1]
            else:
                text_reply = reply.no_such_position(pos, len(state.last_list), lang, fresh=_nothing_asked_yet(state))
                yield from self._no_list_change(state, instruction, text_reply, t0, timings)
                return
        item_id = item_id or (instruction.reference_ids[0] if instruction.reference_ids else None) \
            or state.focus_id or (state.last_list[0] if state.last_list else None)
        item = self.catalog.get(item_id) if item_id else None
        if item is None:
            text_reply = reply.empty_message(lang)
        else:
            reason = ""
            if instruction.question == "why" and item.id in state.last_list:
                recs = self._current_list(state, instruction)
                reason = next((r.reason for r in recs if r.item.id == item.id), "")
            plot = item.description if self._own_descriptions() and detect_lang(item.description) == lang else ""
            text_reply = reply.question_answer(item, lang, instruction.question, title=self._local_title(item, lang),
                                               reason=reason, plot=plot, topic=instruction.question_topic)
            state = focused(state, item.id, language=lang)
        yield from self._no_list_change(state, instruction, text_reply, t0, timings)

    def _own_descriptions(self) -> bool:
        """Whether item descriptions are the catalog's own text (a user's catalog) rather than the
        sentence the MovieLens / IMDb loaders write from attributes (no plot in it)."""
        return getattr(self.catalog, "name", "") not in ("movielens", "imdb")


# Acts that leave the list as it is (no ranking to run).
def _nothing_asked_yet(state: DialogueState) -> bool:
    """No list shown and no request made yet in this chat ("seen #2" as the first message)."""
    return not state.shown_ids and state.instruction is None


_NO_LIST_ACTS = ("question", "smalltalk", "unclear")


def _with_k(instruction: Instruction, k: int | None) -> Instruction:
    """The instruction with the list length a caller asked for, on turns that show a list."""
    if k is None or instruction.action in _NO_LIST_ACTS:
        return instruction
    return instruction.model_copy(update={"k": k})


def same_reading(a: Instruction, b: Instruction) -> bool:
    """Whether two readings of one turn ask for the same thing (the hybrid's "did the model read it
    differently?"): act, constraints, references, feedback, films mentioned, question, moods, k."""
    def key(i: Instruction) -> tuple:
        return (i.action, i.constraints.model_dump(), sorted(i.reference_ids),
                sorted((f.kind, f.item_id) for f in i.feedback), sorted((m.item_id, m.opinion) for m in i.mentions),
                i.question, i.question_position, i.question_item_id, sorted(i.intention.genres),
                sorted(i.intention.avoid), i.k)
    return key(a) == key(b)


def _asks_for_anything(instruction: Instruction) -> bool:
    c = instruction.constraints.model_copy(update={"exclude_ids": []})
    return bool(instruction.intention.text or instruction.preference.text or instruction.reference_ids
                or not c.is_empty())


def _valid_order(ids: Sequence[Any], allowed: dict[str, Candidate]) -> list[str]:
    """The model's order, keeping only candidate ids, each once (never an invented item)."""
    out: list[str] = []
    for i in ids:
        i = str(i)
        if i in allowed and i not in out:
            out.append(i)
    return out


# Calls already waiting for the shared model at which a turn skips its model stage (each call takes
# 1-4 s on 2 CPU cores, so two in line leave nothing of an 8-s budget for this turn's cards).
MODEL_QUEUE_LIMIT = 2


def _llm_note(error: LLMError, lang: str) -> str:
    from lm import LLMTimeout

    return reply.llm_failed(lang, timed_out=isinstance(error, LLMTimeout), error=str(error))


def catalog_vocab(catalog: Any) -> CatalogVocab:
    """What the rewriters need from a catalog: genres, fuzzy titles (0..1), year span."""
    years = [it.year for it in catalog if it.year is not None]

    def match_title(title: str) -> list[tuple[str, float]]:
        return [(i, s / 100.0) for i, s in catalog.match_title(title)]

    return CatalogVocab(genres=catalog.genres(), match_title=match_title,
                        years=(min(years), max(years)) if years else None,
                        find_titles=getattr(catalog, "titles_in", CatalogVocab().find_titles),
                        find_series=getattr(catalog, "series_in", CatalogVocab().find_series),
                        find_parts=_parts_spotter(catalog),
                        item=getattr(catalog, "get", CatalogVocab().item),
                        head_title=getattr(catalog, "title_head", CatalogVocab().head_title))


def _parts_spotter(catalog: Any) -> Any:
    """The catalog's part-of-title spotter, with long head words it alone has when they are no
    everyday word ("Shawshank", not "Something"): `catalog.Catalog.parts_in(rare=...)`."""
    parts_in = getattr(catalog, "parts_in", None)
    if parts_in is None:
        return CatalogVocab().find_parts
    return functools.partial(parts_in, rare=is_rare) if "rare" in inspect.signature(parts_in).parameters else parts_in


def _sequences(catalog: Any) -> dict[str, list[str]] | None:
    """Time-ordered item ids per user, for the only catalog that ships interactions (MovieLens)."""
    if catalog.name != "movielens":
        return None
    from recommender.sequential import catalog_sequences

    return catalog_sequences(catalog)


def _fit_collab(catalog: Any, sequences: dict[str, list[str]] | None = None) -> CollabLike | None:
    """Item-CF on the MovieLens interactions (the only catalog that ships with any)."""
    if catalog.name != "movielens":
        return None
    from recommender.collab import ItemCF

    return ItemCF().fit(sequences if sequences is not None else _sequences(catalog) or {})


def _load_sequential(catalog: Any, sequences: dict[str, list[str]] | None = None) -> Any:
    """The cached SASRec for the catalog, or None (not MovieLens, or not trained yet: logged)."""
    if catalog.name != "movielens":
        return None
    from recommender.sequential import load_app_model

    return load_app_model(catalog, sequences)


def _rewriter_llm(model: Any) -> Any:
    """The model the LLM rewriter talks to: for llama.cpp a second model object over the same GGUF,
    so the rewriter's and the ranker's fixed prompt prefixes each stay in their own KV cache.
    Sharing one, each turn re-prefilled both (38.4 s p50 per turn against 26.4 s, for +1.9 GB RSS:
    see lm/llamacpp.py). HTTP servers and transformers keep no per-process prefix
    cache, so they are shared as they are."""
    from lm.llamacpp import LlamaCppLLM

    return model.second_context() if isinstance(model, LlamaCppLLM) else model


def _make_readers(model: Any, timeout: float = 20.0) -> tuple[Rewriter, Any]:
    """(the rule reader, the model's reader over its own context, or None without a model)."""
    from chat.parser import RuleRewriter

    rules = RuleRewriter()
    if model is None:
        return rules, None
    from chat.rewriter import LLMRewriter

    return rules, LLMRewriter(_rewriter_llm(model), fallback=rules, timeout=timeout, answer_format="line")


__all__ = ["Recommender", "suggest_relaxation"]
