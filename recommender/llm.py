"""The one small interface every LLM backend implements, plus a FakeLLM for unit tests.

Backends (chosen by configuration, see `make_llm`): local GGUF model on CPU/GPU, an
OpenAI-compatible HTTP endpoint (vLLM, TGI, llama.cpp server), or off (fast path only).
Model-caused failures raise `LLMError` subclasses so callers can fall back; programming
errors are not caught.
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import Protocol, TypedDict, runtime_checkable


class Message(TypedDict):
    role: str  # "system" | "user" | "assistant"
    content: str


class LLMError(Exception):
    """The model failed in a way the caller can recover from (fall back to the fast path)."""


class LLMTimeout(LLMError):
    pass


class LLMUnavailable(LLMError):
    pass


@runtime_checkable
class LLM(Protocol):
    name: str

    def complete(
        self,
        messages: list[Message],
        *,
        schema: dict | None = None,
        max_tokens: int = 256,
        timeout: float | None = None,
    ) -> str:
        """Return the model's answer. With `schema` (a JSON schema) the answer must be JSON
        that the backend constrains to it where it can (grammar) and asks for where it cannot."""
        ...

    def stream(
        self,
        messages: list[Message],
        *,
        schema: dict | None = None,
        max_tokens: int = 256,
        timeout: float | None = None,
    ) -> Iterator[str]:
        """Yield text pieces as they are generated; the concatenation equals `complete`."""
        ...
