"""What the chat UI does on each event, without Gradio: call the recommender, build a `View`.

`ChatController` holds only shared, read-only parts (the recommender: catalog, index, model).
Everything per user comes in and goes out as arguments (the DialogueState, the chat history,
the ids shown in the card slots), so two browser sessions can never see each other's state.
The API's conversations are kept on the server too (`ui.sessions.ApiSessions`): an API client
holds only an opaque token, and every input is checked first (`ui.limits`).
`app.py` turns each `View` into Gradio updates; tests drive the controller directly.

Example:
    >>> ui = ChatController(recommender)                      # doctest: +SKIP
    >>> views = list(ui.send("a few 90s comedies", [], None))  # doctest: +SKIP
    >>> views[-1].shown                                        # doctest: +SKIP
    ['1', '104', ...]
"""
from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from chat.instruction import FEEDBACK_KINDS
from chat.state import DialogueState
from chat.text import detect_language
from errors import InvalidRequest
from recommender.types import GenreTaste, Recommendation, RecommenderLike, TurnResult
from ui import i18n, limits, render
from ui.sessions import ApiSessions



@dataclass
class View:
    """Everything the page shows after one step of an event, as plain data."""

    history: list[dict[str, Any]]
    state: DialogueState
    shown: list[str] = field(default_factory=list)  # item id per visible card slot, rank order
    cards: list[str] = field(default_factory=list)  # card HTML per visible slot
    status: str = ""  # status line HTML
    notes: str = ""  # notes HTML (LLM timed out, constraints relaxed, ...)
    instruction_md: str = ""
    instruction_json: dict[str, Any] | None = None
    timings_md: str = ""
    taste: str = ""
    busy: bool = False  # True while more updates of this event will follow
    full: bool = True  # False: only the chat and status changed; keep cards and panels as they are
    lang: str = "en"  # the language of the page's labels: the conversation's latest turn


def _text(content: Any) -> str:
    """The text of a chat message content, which Gradio may hand back as a list of parts."""
    if isinstance(content, str):
        return content
    if isinstance(content, list):  # one level of parts: a crafted, deeply nested list is not recursed
        return " ".join(p if isinstance(p, str) else _part(p) for p in content[: limits.MAX_HISTORY_MESSAGES])
    return _part(content)


def _part(content: Any) -> str:
    if isinstance(content, dict):
        text = content.get("text") or content.get("content") or ""
        return text if isinstance(text, str) else ""
    return content if isinstance(content, str) else ""


def normalise_history(history: list[Any] | None) -> list[dict[str, Any]]:
    """Chat history as a list of {"role", "content": str}; Gradio may send parts or message objects."""
    out: list[dict[str, Any]] = []
    if not isinstance(history, list):  # the page always sends a list; anything else is dropped
        return out
    for message in history[-limits.MAX_HISTORY_MESSAGES:]:
        if isinstance(message, dict):
            role, content = message.get("role"), message.get("content")
        else:  # gr.ChatMessage-like object
            role, content = getattr(message, "role", None), getattr(message, "content", None)
        if role in ("user", "assistant"):
            out.append({"role": role, "content": _text(content)[: limits.MAX_MESSAGE_CHARS]})
    return out


class ChatController:
    """The chat app's behaviour. `recommender` is a Recommender, or a zero-argument factory that
    builds one on first use (so the page can open before the catalog index is loaded).

    Example: ChatController(lambda: Recommender.create("movielens", llm="off"), n_slots=8)
    """

    def __init__(
        self,
        recommender: RecommenderLike | Callable[[], RecommenderLike],
        *,
        n_slots: int = 8,
        model_label: str | None = None,
    ) -> None:
        if hasattr(recommender, "respond"):
            self._recommender: RecommenderLike | None = recommender  # type: ignore[assignment]
            self._factory: Callable[[], RecommenderLike] | None = None
        elif callable(recommender):
            self._recommender, self._factory = None, recommender
        else:
            raise TypeError("recommender must be a Recommender or a function that returns one, "
                            f"got {type(recommender).__name__}")
        self.n_slots = n_slots
        self.model_label = model_label  # e.g. "local model (Qwen2.5-Coder-1.5B)"; None = LLM off
        self._lock = threading.Lock()
        self._sessions: ApiSessions | None = None
        # The page's turns in flight: {session id: number of its newest turn}. A message sent while
        # an older turn still works supersedes it: the older one stops updating the page.
        self._turns: dict[str, int] = {}
        self._turn_no = 0

    # ---- shared parts -------------------------------------------------------------------
    @property
    def recommender(self) -> RecommenderLike:
        """The recommender, built once on first use (thread-safe: Gradio runs handlers in threads)."""
        if self._recommender is None:
            with self._lock:
                if self._recommender is None:
                    assert self._factory is not None
                    self._recommender = self._factory()
        return self._recommender

    def taste(self, state: DialogueState) -> list[GenreTaste]:
        """Liked / disliked / seen counts per genre in this session, as the recommender reports them."""
        return self.recommender.taste(state)

    # ---- turns in flight ------------------------------------------------------------------
    def _begin(self, session_id: str) -> tuple[int, bool]:
        """Number a new page turn of `session_id`: (its number, whether an older turn was still working)."""
        with self._lock:
            self._turn_no += 1
            busy = session_id in self._turns
            self._turns.pop(session_id, None)  # re-inserted last: the dict stays in age order
            self._turns[session_id] = self._turn_no
            while len(self._turns) > 10_000:  # bounded: the oldest entries go
                self._turns.pop(next(iter(self._turns)))
            return self._turn_no, busy

    def _current(self, session_id: str, turn: int) -> bool:
        return self._turns.get(session_id) == turn

    def _end(self, session_id: str, turn: int) -> None:
        with self._lock:
            if self._turns.get(session_id) == turn:
                del self._turns[session_id]

    def _turn(self, state: DialogueState, first: View, results: Callable[[], Iterator[TurnResult]],
              history: list[dict[str, Any]]) -> Iterator[View]:
        """One page turn: `first` at once (the message and a status), then the recommender's views,
        until a newer turn of the same session starts: from then on this one stays silent, so the
        newest message is the one answered."""
        turn, busy = self._begin(state.session_id)
        try:
            if busy:  # say that the new message is being worked on (the older one is dropped)
                first.status = render.status_html(i18n.text("status.newer", first.lang), busy=True)
            yield first
            for view in self._stream(results(), history, state):
                if not self._current(state.session_id, turn):
                    return
                yield view
        finally:
            self._end(state.session_id, turn)

    # ---- views --------------------------------------------------------------------------
    def _view(self, history: list[dict[str, Any]], state: DialogueState,
              result: TurnResult | None, *, busy: bool, status: str = "") -> View:
        recs: list[Recommendation] = result.recommendations[: self.n_slots] if result else []
        instruction = result.instruction if result else state.instruction
        lang = instruction.language if instruction else state.language
        return View(
            history=history,
            state=state,
            shown=[r.item.id for r in recs],
            cards=[render.card_html(r, lang) for r in recs],
            status=render.status_html(status, busy=busy),
            notes=render.notes_html(result.notes if result else []),
            instruction_md=render.instruction_summary(instruction, lang),
            instruction_json=instruction.model_dump(mode="json") if instruction else None,
            timings_md=render.timings_markdown(result.timings if result else {}, lang),
            taste=render.taste_html(self.taste(state), lang) if not busy else "",
            busy=busy,
            lang=lang,
        )

    def _stream(self, results: Iterator[TurnResult], history: list[dict[str, Any]],
                state: DialogueState) -> Iterator[View]:
        """Views for each TurnResult: the fast list at once, then LLM updates, then the final list."""
        history = history + [{"role": "assistant", "content": ""}]
        last: TurnResult | None = None
        for result in results:
            last = result
            history[-1] = {"role": "assistant", "content": render.chat_text(result.reply)}
            busy = result.stage != "final"
            status = ""
            if busy and self.model_label:
                status = i18n.text("status.ranking", result.instruction.language, model=self.model_label)
            yield self._view(list(history), result.state, result, busy=busy, status=status)
        if last is None:
            raise RuntimeError("The recommender returned no result for this turn.")  # a bug
        if last.stage != "final":  # LLM off: the fast list is the final one; clear the status
            yield self._view(list(history), last.state, last, busy=False)

    def send(self, message: str, history: list[Any] | None, state: DialogueState | None,
             page_lang: str = "en") -> Iterator[View]:
        """The user sent `message`: show it, then stream the recommender's turn. Sent while an
        older turn still works, it supersedes that turn (the status says so). `page_lang`: the
        language the page shows, kept by a new session until a message says otherwise."""
        message = limits.check_message(message)
        state = state or DialogueState(language=i18n.lang_of(page_lang))  # a fresh session id per browser session
        chat = normalise_history(history)
        if not message.strip():
            yield View(history=chat, state=state, full=False, lang=state.language, status=render.status_html(
                i18n.text("status.empty_message", state.language)))
            return
        lang = detect_language(message, state.language)  # as the recommender will read it: the page follows at once
        chat = chat + [{"role": "user", "content": render.chat_text(message)}]
        # Show the message and a status before the (possibly slow, first-use) recommender runs.
        first = View(history=chat, state=state, busy=True, full=False, lang=lang, status=render.status_html(
            i18n.text("status.searching", lang), busy=True))
        yield from self._turn(state, first, lambda: self.recommender.respond(state, message), chat)

    def click(self, slot: int, kind: str, history: list[Any] | None, state: DialogueState | None,
              shown: list[str] | None) -> Iterator[View]:
        """A card button: `kind` on the item shown in card `slot` (0-based); the list updates."""
        if kind not in FEEDBACK_KINDS:
            raise InvalidRequest(f"Unknown feedback '{kind}': use one of {', '.join(FEEDBACK_KINDS)}.")
        state = state or DialogueState()
        shown = shown or []
        if not 0 <= slot < len(shown):
            raise InvalidRequest("That card is no longer shown: ask for recommendations first.")
        item_id = shown[slot]
        chat = normalise_history(history)
        lang = state.language
        title = self.recommender.item_title(item_id, lang)
        chat = chat + [{"role": "user", "content": render.feedback_chat_text(kind, title, lang)}]
        first = View(history=chat, state=state, busy=True, full=False, lang=lang, status=render.status_html(
            i18n.text("status.searching", lang), busy=True))
        yield from self._turn(state, first, lambda: self.recommender.feedback(state, item_id, kind), chat)

    def new_conversation(self, state: DialogueState | None, page_lang: str = "en") -> View:
        """Start over: same session, empty chat and cards; likes are cleared by the recommender."""
        state = self.recommender.new_conversation(state or DialogueState(language=i18n.lang_of(page_lang)))
        lang = state.language
        return View(history=[], state=state, instruction_md=render.instruction_summary(None, lang),
                    taste=render.taste_html(self.taste(state), lang), lang=lang,
                    status=render.status_html(i18n.text("status.new", lang)))

    def forget(self, state: DialogueState | None, page_lang: str = "en") -> View:
        """Delete everything stored about this session and say so."""
        state = self.recommender.forget(state or DialogueState(language=i18n.lang_of(page_lang)))
        lang = state.language
        return View(history=[{"role": "assistant", "content": render.chat_text(i18n.text("forgot_reply", lang))}],
                    state=state, instruction_md=render.instruction_summary(None, lang),
                    taste=render.taste_html(self.taste(state), lang), lang=lang,
                    status=render.status_html(i18n.text("status.forgot", lang)))

    # ---- API (gradio_client): the session lives on the server, the client holds a token --------
    @property
    def sessions(self) -> ApiSessions:
        """The API's sessions, reading the recommender's store (if any) for ones not in memory."""
        if self._sessions is None:
            store = getattr(self.recommender, "store", None)  # built first: it takes the same lock
            with self._lock:
                if self._sessions is None:
                    self._sessions = ApiSessions(store)
        return self._sessions

    def api_chat(self, message: Any, session: Any = "") -> dict[str, Any]:
        """One turn: `session` is "" for a new conversation, else the `session` of the previous answer.

        Example: api_chat("a few 90s comedies") -> {"reply": ..., "items": [{"id": "1", ...}],
        "instruction": {...}, "session": "<opaque token>", ...}
        """
        message = limits.check_message(message)
        token, state = self.sessions.open(session)
        return self._api_turn(token, self.recommender.respond(state, message))

    def api_feedback(self, item_id: Any, kind: Any, session: Any) -> dict[str, Any]:
        """Like / dislike / more_like one item (a catalog id) in the session of `session`."""
        kind = limits.check_kind(kind)
        item_id = limits.check_item_id(item_id)
        if session is None or (isinstance(session, str) and not session.strip()):
            raise InvalidRequest("Feedback needs the `session` returned by the chat endpoint.")
        token, state = self.sessions.open(session)
        return self._api_turn(token, self.recommender.feedback(state, item_id, kind))

    def api_recommend(self, request: Any, session: Any = "", k: Any = 5) -> dict[str, Any]:
        """An agent's turn (the MCP tool `recommend`): like `api_chat`, with a list of `k` items
        (1..limits.MAX_K; fewer when fewer match) and an empty request refused rather than answered
        with a hint.

        Example: api_recommend("90s comedies under 100 minutes", "", 3) -> {"items": [3 items], ...}
        """
        k = limits.check_k(k)
        request = limits.check_message(request)
        if not request.strip():
            raise InvalidRequest("The request is empty: say what to recommend, e.g. "
                                 "\"a few 90s comedies, nothing too long\".")
        token, state = self.sessions.open(session)
        return self._api_turn(token, self.recommender.respond(state, request, k=k))

    def api_explain(self, item_id: Any, question: Any = "why", session: Any = "") -> dict[str, Any]:
        """An answer about one item from the catalog's facts (the MCP tool `explain`): `question` is
        one of chat.instruction.QUESTION_KINDS; "why" gives the item's reason when it is in the
        session's list. The session's list stays as it is.

        Example: api_explain("1", "runtime") -> {"reply": "Toy Story runs 81 minutes.", ...}
        """
        question = limits.check_question(question)
        item_id = limits.check_item_id(item_id)
        token, state = self.sessions.open(session)
        return self._api_turn(token, self.recommender.explain(state, item_id, question))

    def api_new(self, session: Any) -> dict[str, Any]:
        """Start over in the same session (likes, dislikes and the chat are cleared); same token."""
        token, state = self.sessions.open(_given(session))
        state = self.recommender.new_conversation(state)
        self.sessions.save(token, state)
        return {"reply": "New conversation started.", "items": [], "session": token}

    def api_forget(self, session: Any) -> dict[str, Any]:
        """Delete everything stored about the session; its token is refused from then on."""
        token, state = self.sessions.open(_given(session))
        self.sessions.drop(token)
        self.recommender.forget(state)
        return {"reply": "Done: everything stored about this session was deleted.", "items": [],
                "session": ""}

    def _api_turn(self, token: str, results: Iterator[TurnResult]) -> dict[str, Any]:
        last: TurnResult | None = None
        for last in results:
            pass  # only the final result of the turn is returned
        if last is None:
            raise RuntimeError("The recommender returned no result for this turn.")
        if not last.superseded:  # a newer call of this session is under way: its state wins
            self.sessions.save(token, last.state)
        return turn_json(last) | {"session": token}


def _given(session: Any) -> Any:
    if session is None or (isinstance(session, str) and not session.strip()):
        raise InvalidRequest("This needs the `session` returned by the chat endpoint.")
    return session


def turn_json(result: TurnResult) -> dict[str, Any]:
    """The JSON of one turn (CLI and API): instruction, items in rank order, reply, timings, notes."""
    return {
        "stage": result.stage,
        "reply": result.reply,
        "items": [render.item_dict(r) for r in result.recommendations],
        "instruction": result.instruction.model_dump(mode="json"),
        "notes": list(result.notes),
        "timings": {k: round(v, 4) for k, v in result.timings.items()},
    }
