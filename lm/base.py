"""The one small interface every LLM backend implements, and its typed generate options.

A backend implements `stream(messages, options)`; `complete` is the joined stream (inherit
`StreamingLLM`). Model-caused failures raise `LLMError` subclasses so callers can fall back;
programming errors are not caught.

Example:
    llm.complete(messages, GenerateOptions(max_tokens=40, timeout=5.0, grammar=GBNF))
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Protocol, TypedDict, runtime_checkable

from errors import ModelFailed, ModelUnavailable


class Message(TypedDict):
    role: str  # "system" | "user" | "assistant"
    content: str


class LLMError(ModelFailed):
    """The model failed in a way the caller can recover from (fall back to the fast path)."""


class LLMTimeout(LLMError):
    """No (complete) answer within the call's time-out."""


class LLMUnavailable(LLMError, ModelUnavailable):
    """The model cannot be loaded or reached; the message says how to make it available."""


@dataclass(frozen=True)
class GenerateOptions:
    """How to generate one answer; every backend takes the same object.

    max_tokens: the answer's length limit.
    timeout: bounds the whole answer in seconds (checked between tokens): past it, LLMTimeout.
    schema: a JSON schema; the answer must be JSON that the backend constrains to it where it can
        (grammar) and asks for where it cannot.
    grammar: a GBNF grammar (llama.cpp syntax) for compact non-JSON answers; backends that cannot
        enforce it ignore it, so callers must always validate what comes back.
    """

    max_tokens: int = 256
    timeout: float | None = None
    schema: dict | None = field(default=None, hash=False)
    grammar: str | None = None


DEFAULT_OPTIONS = GenerateOptions()


@runtime_checkable
class LLM(Protocol):
    name: str

    def complete(self, messages: list[Message], options: GenerateOptions = DEFAULT_OPTIONS) -> str:
        """Return the model's whole answer (see GenerateOptions)."""
        ...

    def stream(self, messages: list[Message], options: GenerateOptions = DEFAULT_OPTIONS) -> Iterator[str]:
        """Yield text pieces as they are generated; the concatenation equals `complete`."""
        ...


class StreamingLLM:
    """Base for backends: implement `stream`, and `complete` is the joined stream."""

    name: str = "llm"

    def stream(self, messages: list[Message], options: GenerateOptions = DEFAULT_OPTIONS) -> Iterator[str]:
        raise NotImplementedError

    def complete(self, messages: list[Message], options: GenerateOptions = DEFAULT_OPTIONS) -> str:
        return "".join(self.stream(messages, options))
