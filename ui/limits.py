"""What every entry point (app, API, CLI) accepts, checked before anything else runs.

Each check returns the cleaned value or raises `errors.InvalidRequest` with a message that says
what to send instead, so a wrong type or a huge value never reaches the recommender (where it
would surface as an AttributeError or a TypeError deep inside a handler).

    check_message("a few 90s comedies")   -> "a few 90s comedies"
    check_message(42)                     -> InvalidRequest("The message must be text, not a number …")
    check_item_id(1)                      -> "1"       (an API client may send a catalog id as a number)
    check_kind("love")                    -> InvalidRequest("Unknown feedback 'love': …")
    check_k(30)                           -> InvalidRequest("k must be a whole number from 1 to 8 …")
"""
from __future__ import annotations

import re
from typing import Any

from chat.instruction import FEEDBACK_KINDS, QUESTION_KINDS, FeedbackKind, QuestionKind
from errors import InvalidRequest

MAX_MESSAGE_CHARS = 20_000  # longer messages are refused; the parser reads the first 2,000
MAX_ITEM_ID_CHARS = 200
MAX_K = 8  # items a recommend call returns at most: the list the pipeline ranks (Instruction.k)
MAX_HISTORY_MESSAGES = 200  # chat messages the page sends back that are kept (the most recent)

# C0 controls except tab and newline, DEL and C1 controls: never meaningful in a chat message.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Lone UTF-16 surrogates (JSON "\ud800") cannot be encoded as UTF-8, so neither stored nor printed.
_SURROGATE = re.compile(r"[\ud800-\udfff]")

_TYPE_NAMES = {int: "a number", float: "a number", bool: "true/false", list: "a list", dict: "an object",
               tuple: "a list", bytes: "bytes", type(None): "null"}


def _type_name(value: Any) -> str:
    return _TYPE_NAMES.get(type(value), type(value).__name__)


def clean_text(text: str) -> str:
    """`text` without control characters (a space instead) and with lone surrogates as U+FFFD."""
    if _SURROGATE.search(text):
        text = _SURROGATE.sub("\ufffd", text)
    return _CONTROL.sub(" ", text)


def check_message(value: Any) -> str:
    """A chat message: text of at most MAX_MESSAGE_CHARS characters (None counts as empty)."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise InvalidRequest(f"The message must be text, not {_type_name(value)}: send what you would "
                             "type, e.g. \"a few 90s comedies\".")
    if len(value) > MAX_MESSAGE_CHARS:
        raise InvalidRequest(f"The message is {len(value):,} characters long; the limit is "
                             f"{MAX_MESSAGE_CHARS:,}. Send a shorter one.")
    return clean_text(value)


def check_item_id(value: Any) -> str:
    """A catalog item id: text (or a whole number) of at most MAX_ITEM_ID_CHARS characters."""
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise InvalidRequest(f"The item id must be text, not {_type_name(value)}: use an `id` "
                             "from the `items` of the last answer.")
    value = value.strip()
    if not value:
        raise InvalidRequest("The item id is empty: use an `id` from the `items` of the last answer.")
    if len(value) > MAX_ITEM_ID_CHARS or _CONTROL.search(value) or _SURROGATE.search(value):
        raise InvalidRequest("That is not an item id of this catalog: use an `id` from the `items` "
                             "of the last answer.")
    return value


def check_kind(value: Any) -> FeedbackKind:
    """A feedback kind: like, dislike or more_like."""
    if not isinstance(value, str) or value not in FEEDBACK_KINDS:
        shown = repr(value)[:40] if isinstance(value, str) else _type_name(value)
        raise InvalidRequest(f"Unknown feedback {shown}: use one of {', '.join(FEEDBACK_KINDS)}.")
    return value  # type: ignore[return-value]


def check_k(value: Any) -> int:
    """How many items to return: a whole number from 1 to MAX_K (a float such as 5.0 counts)."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= MAX_K:
        shown = repr(value)[:40] if isinstance(value, (int, float, str)) else _type_name(value)
        raise InvalidRequest(f"k must be a whole number from 1 to {MAX_K}, not {shown}: it is how many "
                             "recommendations to return.")
    return value


def check_question(value: Any) -> QuestionKind:
    """What to ask about an item: one of chat.instruction.QUESTION_KINDS (None or "" means "why")."""
    if value is None or value == "":
        return "why"
    if not isinstance(value, str) or value not in QUESTION_KINDS:
        shown = repr(value)[:40] if isinstance(value, str) else _type_name(value)
        raise InvalidRequest(f"Unknown question {shown}: use one of {', '.join(QUESTION_KINDS)}.")
    return value  # type: ignore[return-value]
