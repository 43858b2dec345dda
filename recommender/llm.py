"""The one small interface every LLM backend implements, plus a FakeLLM for unit tests.

Backends (chosen by configuration, see `make_llm`): local GGUF model on CPU/GPU, an
OpenAI-compatible HTTP endpoint (vLLM, TGI, llama.cpp server), or off (fast path only).
Model-caused failures raise `LLMError` subclasses so callers can fall back; programming
errors are not caught.

Specs understood by `make_llm` (env `RECSYS_LLM` gives the default):
    "off" / "" / None            -> None: the fast path alone
    "fake"                       -> FakeLLM (tests, demos without weights)
    "local"                      -> the CPU/GPU default, chosen by measurement (see LOCAL_DEFAULT)
    "llamacpp" / "llamacpp:0.5b" -> llama.cpp on the shipped GGUF (recommender/llm_llamacpp.py)
    "transformers[:path-or-id]"  -> transformers; default the shipped GGUF (recommender/llm_transformers.py)
    "http://host:port/v1[#model]" or "openai:URL[#model]" -> OpenAI-compatible endpoint (llm_http.py)

Why llama.cpp is the CPU default ("local" picks it when llama-cpp-python is installed and no
CUDA GPU is present; with a GPU, transformers). Measured with benchmarks/bench_llm.py on the 1.5B
Q4_K_M, 2 cores (OFFLINE notes, quiet machine; ours under heavy contention, load average 8-11):
| backend      | start                               | prefill      | decode          | RSS     |
| llama.cpp    | 0.3 s (quiet)                       | 64-132 tok/s | 11.5-13.4 tok/s | 1.4-2.0 GB |
| transformers | 35-57 s quiet; 363 s first start    | ~365 tok/s   | ~5 tok/s quiet; | 4.1 GB quiet; |
|              | (dequantise + cache) and 19.7 s     | quiet        | 0.2-0.5 tok/s   | 5.6 GB first, |
|              | from the bf16 cache, contended      |              | contended       | 3.6 GB cached |
Decode speed decides the LLM ranker's latency (one reason line is ~15 tokens), so llama.cpp.
"""
from __future__ import annotations

import os
import time
from collections import deque
from collections.abc import Callable, Iterator
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
        grammar: str | None = None,
    ) -> str:
        """Return the model's answer. With `schema` (a JSON schema) the answer must be JSON
        that the backend constrains to it where it can (grammar) and asks for where it cannot.
        `grammar` is a GBNF grammar (llama.cpp syntax) for compact non-JSON answers; backends that
        cannot enforce it ignore it, so callers must always validate what comes back.
        `timeout` bounds the whole answer (checked between tokens): past it, LLMTimeout."""
        ...

    def stream(
        self,
        messages: list[Message],
        *,
        schema: dict | None = None,
        max_tokens: int = 256,
        timeout: float | None = None,
        grammar: str | None = None,
    ) -> Iterator[str]:
        """Yield text pieces as they are generated; the concatenation equals `complete`."""
        ...


# --------------------------------------------------------------------------- FakeLLM

GARBAGE = "}}{{ ~~ <|im_end|> not an answer \x00"


class StreamingLLM:
    """Base for backends: implement `stream`, and `complete` is the joined stream."""

    def stream(
        self,
        messages: list[Message],
        *,
        schema: dict | None = None,
        max_tokens: int = 256,
        timeout: float | None = None,
        grammar: str | None = None,
    ) -> Iterator[str]:
        raise NotImplementedError

    def complete(
        self,
        messages: list[Message],
        *,
        schema: dict | None = None,
        max_tokens: int = 256,
        timeout: float | None = None,
        grammar: str | None = None,
    ) -> str:
        pieces = self.stream(messages, schema=schema, max_tokens=max_tokens, timeout=timeout, grammar=grammar)
        return "".join(pieces)


class _Queued:
    """One scripted answer: text, or an error to raise (after `fail_after` pieces when streaming)."""

    def __init__(self, text: str = "", error: LLMError | None = None, fail_after: int | None = None):
        self.text = text
        self.error = error
        self.fail_after = fail_after


class FakeLLM(StreamingLLM):
    """Replays queued answers and records what it was asked. No weights, instant.

    Example:
        llm = FakeLLM()
        llm.enqueue('{"a": 1}')
        llm.complete([{"role": "user", "content": "hi"}])  # -> '{"a": 1}'
        llm.calls[0]["messages"][0]["content"]              # -> 'hi'
        llm.enqueue_error(LLMTimeout("too slow"))           # next call raises LLMTimeout
        llm.enqueue_garbage()                               # next call returns non-JSON noise
        llm.enqueue("A|long\\nB|short", fail_after=2)        # stream 2 pieces, then LLMTimeout

    With the queue empty it returns `default` if one was given, else raises RuntimeError
    (a test that forgot to enqueue is a programming error, not a model failure).
    `chunk_size` sets the size of stream() pieces; `delay_s` sleeps before each piece so
    timeouts can be exercised (a call whose elapsed time passes `timeout` raises LLMTimeout).
    """

    def __init__(
        self,
        answers: list[str] | tuple[str, ...] = (),
        *,
        default: str | None = None,
        chunk_size: int = 3,
        delay_s: float = 0.0,
        name: str = "fake",
    ) -> None:
        self.name = name
        self.default = default
        self.chunk_size = max(1, chunk_size)
        self.delay_s = delay_s
        self.calls: list[dict] = []
        self._queue: deque[_Queued] = deque(_Queued(a) for a in answers)

    # scripting
    def enqueue(self, text: str, *, fail_after: int | None = None) -> "FakeLLM":
        """Queue an answer; with `fail_after`, stream() yields that many pieces then raises LLMTimeout
        (complete() raises at once)."""
        err = LLMTimeout("FakeLLM: scripted timeout mid-answer") if fail_after is not None else None
        self._queue.append(_Queued(text, err, fail_after))
        return self

    def enqueue_error(self, error: LLMError | None = None) -> "FakeLLM":
        """Queue a failure (default LLMTimeout) for the next call."""
        self._queue.append(_Queued(error=error or LLMTimeout("FakeLLM: scripted timeout")))
        return self

    def enqueue_garbage(self) -> "FakeLLM":
        self._queue.append(_Queued(GARBAGE))
        return self

    @property
    def pending(self) -> int:
        return len(self._queue)

    # the LLM protocol
    def _next(
        self, messages: list[Message], schema: dict | None, max_tokens: int, timeout: float | None, grammar: str | None
    ) -> _Queued:
        self.calls.append(
            {
                "messages": [dict(m) for m in messages],
                "schema": schema,
                "grammar": grammar,
                "max_tokens": max_tokens,
                "timeout": timeout,
            }
        )
        if self._queue:
            return self._queue.popleft()
        if self.default is not None:
            return _Queued(self.default)
        raise RuntimeError("FakeLLM has no queued answer: call llm.enqueue(text) before using it")

    def stream(
        self,
        messages: list[Message],
        *,
        schema: dict | None = None,
        max_tokens: int = 256,
        timeout: float | None = None,
        grammar: str | None = None,
    ) -> Iterator[str]:
        # The call is recorded when stream() is called, not when iteration starts.
        queued = self._next(messages, schema, max_tokens, timeout, grammar)
        return self._pieces(queued, timeout)

    def _pieces(self, queued: _Queued, timeout: float | None) -> Iterator[str]:
        if queued.error is not None and queued.fail_after is None:
            raise queued.error
        start = time.monotonic()
        text = queued.text
        for n, i in enumerate(range(0, len(text), self.chunk_size)):
            if queued.fail_after is not None and n >= queued.fail_after:
                raise queued.error or LLMTimeout("FakeLLM: scripted timeout")
            if self.delay_s:
                time.sleep(self.delay_s)
            if timeout is not None and time.monotonic() - start > timeout:
                raise LLMTimeout(f"FakeLLM: no answer within {timeout:.1f} s")
            yield text[i : i + self.chunk_size]
        if queued.error is not None:  # fail_after beyond the answer's length: fail at the end
            raise queued.error


# --------------------------------------------------------------------------- make_llm


def _llamacpp(arg: str) -> LLM:
    from recommender.llm_llamacpp import LlamaCppLLM

    return LlamaCppLLM(size=arg or "1.5b")


def _transformers(arg: str) -> LLM:
    from recommender.llm_transformers import TransformersLLM

    return TransformersLLM(model=arg or None)


def _http(arg: str) -> LLM:
    from recommender.llm_http import HttpLLM

    url, _, model = arg.partition("#")
    return HttpLLM(base_url=url, model=model or None)


def _local(arg: str) -> LLM:
    """The measured default: transformers on a CUDA GPU, else llama.cpp if installed, else transformers."""
    import importlib.util

    if importlib.util.find_spec("torch") is not None:
        import torch

        if torch.cuda.is_available():
            return _transformers(arg)
    if importlib.util.find_spec("llama_cpp") is not None:
        return _llamacpp(arg)
    return _transformers(arg)


# Extension by registration, not by substring matching: add a scheme here.
BACKENDS: dict[str, Callable[[str], LLM]] = {
    "fake": lambda arg: FakeLLM(default=arg or None),
    "local": _local,
    "llamacpp": _llamacpp,
    "transformers": _transformers,
    "openai": _http,
}


def make_llm(spec: str | None = None) -> LLM | None:
    """Build the LLM named by `spec` (default: env RECSYS_LLM, else "off"). Loads nothing yet:
    backends load their weights lazily on the first call.

    Examples: make_llm("off") -> None; make_llm("fake") -> FakeLLM;
    make_llm("llamacpp:0.5b"); make_llm("http://127.0.0.1:8000/v1#Qwen/Qwen2.5-1.5B-Instruct")
    """
    if spec is None:
        spec = os.environ.get("RECSYS_LLM", "off")
    spec = spec.strip()
    if spec.lower() in ("", "off", "none"):
        return None
    if spec.startswith(("http://", "https://")):
        return _http(spec)
    scheme, _, arg = spec.partition(":")
    factory = BACKENDS.get(scheme.lower())
    if factory is None:
        raise ValueError(
            f"Unknown LLM spec {spec!r}: use one of off, fake, local, llamacpp[:0.5b], "
            "transformers[:path-or-hub-id], http://host:port/v1[#model] or openai:URL[#model] "
            "(set it with --llm or the RECSYS_LLM environment variable)"
        )
    return factory(arg)
