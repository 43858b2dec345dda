"""API sessions kept on the server: the client holds only an opaque, unguessable token.

The first call of a conversation (`session=""`) gets a token from `secrets.token_urlsafe(32)`
(43 characters, 256 random bits). The server keeps the conversation's `DialogueState` under a
key derived from the token (`session_key`: a SHA-256 digest, so the stored key is not a usable
token): in the recommender's store when it has one (the SQLite file, or PostgreSQL shared by app
replicas; read on every call, so a session survives a restart, costs no memory between calls and
can be continued by any replica on the same store), else in memory (the most recent `capacity`
sessions). A client can only name a session by its token:
a token this server never issued, a state pasted as the session, or any other string is refused
with a message, and nothing is read, written, reset or deleted. The browser page needs none of
this: its state lives in Gradio's server-side `gr.State`.

Example:
    sessions = ApiSessions(store=None)
    token, state = sessions.open("")          # a new conversation: nothing stored yet
    sessions.save(token, state_after_turn)    # the answer carries `token`, never the state
    sessions.open(token)                      # -> (token, state_after_turn)
    sessions.open("someone else's guess")     # -> InvalidRequest
"""
from __future__ import annotations

import hashlib
import re
import secrets
import threading
from collections import OrderedDict
from typing import Any, Protocol

from chat.state import DialogueState, bounded
from errors import InvalidRequest

TOKEN_BYTES = 32
_TOKEN = re.compile(r"[A-Za-z0-9_-]{43}")  # what token_urlsafe(32) returns
KEY_PREFIX = "api-"

NOT_A_SESSION = ("The `session` is not one this app issued: pass back the `session` of the previous "
                 "answer unchanged, or an empty string to start a new conversation.")
UNKNOWN_SESSION = ("Unknown or expired session (it was forgotten, or this server has no record of it): "
                   "pass an empty string as `session` to start a new conversation.")


class StateStore(Protocol):
    def load(self, session_id: str) -> DialogueState | None: ...

    def save(self, state: DialogueState) -> None: ...


def session_key(token: str) -> str:
    """The key a token's state is stored under. Example: session_key(t) -> "api-3f2a…" (36 characters)"""
    return KEY_PREFIX + hashlib.sha256(token.encode("ascii")).hexdigest()[:32]


def check_token(value: Any) -> str:
    """The token as sent, or InvalidRequest when it cannot be one this server issued."""
    if not isinstance(value, str) or not _TOKEN.fullmatch(value):
        raise InvalidRequest(NOT_A_SESSION)
    return value


class ApiSessions:
    """Token -> DialogueState for the API, thread-safe. With a `store` (the recommender's
    session store) every state is read from and written to it, under `state.session_id`, which is
    the token's `session_key`; without one, the most recent `capacity` sessions stay in memory."""

    def __init__(self, store: StateStore | None = None, *, capacity: int = 1_000) -> None:
        self.store = store
        self.capacity = capacity
        self._states: OrderedDict[str, DialogueState] = OrderedDict()
        self._lock = threading.Lock()

    def open(self, session: Any) -> tuple[str, DialogueState]:
        """(token, state) for a request: "" or None starts a new conversation (a new token, nothing
        stored until `save`); anything else must be a token this server issued and still knows."""
        if session is None or (isinstance(session, str) and not session.strip()):
            token = secrets.token_urlsafe(TOKEN_BYTES)
            return token, DialogueState(session_id=session_key(token))
        return session, self.get(session)

    def get(self, session: Any) -> DialogueState:
        key = session_key(check_token(session))
        if self.store is not None:
            state = self.store.load(key)
        else:
            with self._lock:
                state = self._states.get(key)
                if state is not None:
                    self._states.move_to_end(key)
        if state is None or state.session_id != key:
            raise InvalidRequest(UNKNOWN_SESSION)
        return bounded(state)

    def save(self, token: str, state: DialogueState) -> None:
        """Keep `state` as the token's session (it must carry the token's key as its session id)."""
        key = session_key(check_token(token))
        if state.session_id != key:
            raise ValueError("a state saved under a token must carry the token's session key")  # a bug
        if self.store is not None:
            self.store.save(state)  # the recommender saved it too, on most paths: this makes sure
            return
        with self._lock:
            self._states[key] = state
            self._states.move_to_end(key)
            while len(self._states) > self.capacity:
                self._states.popitem(last=False)

    def drop(self, token: str) -> None:
        """Forget the token's session in memory (the recommender deletes what is stored)."""
        with self._lock:
            self._states.pop(session_key(check_token(token)), None)

    def __len__(self) -> int:
        """Sessions held in memory (always 0 with a store)."""
        return len(self._states)
