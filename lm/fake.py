"""FakeLLM: replays queued answers and records what it was asked (unit tests, demos without weights).

It is a real backend of the registry (`make_llm("fake")`), so it lives with the others; tests and
benchmarks import it through `fakes`.
"""
from __future__ import annotations

import time
from collections import deque
from collections.abc import Iterator

from lm.base import DEFAULT_OPTIONS, GenerateOptions, LLMError, LLMTimeout, Message, StreamingLLM

GARBAGE = "}}{{ ~~ <|im_end|> not an answer \x00"


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
    def _next(self, messages: list[Message], options: GenerateOptions) -> _Queued:
        self.calls.append(
            {
                "messages": [dict(m) for m in messages],
                "schema": options.schema,
                "grammar": options.grammar,
                "max_tokens": options.max_tokens,
                "timeout": options.timeout,
                "options": options,
            }
        )
        if self._queue:
            return self._queue.popleft()
        if self.default is not None:
            return _Queued(self.default)
        raise RuntimeError("FakeLLM has no queued answer: call llm.enqueue(text) before using it")

    def stream(self, messages: list[Message], options: GenerateOptions = DEFAULT_OPTIONS) -> Iterator[str]:
        # The call is recorded when stream() is called, not when iteration starts.
        queued = self._next(messages, options)
        return self._pieces(queued, options.timeout)

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


