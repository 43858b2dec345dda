"""llama.cpp backend (llama-cpp-python): the fast CPU default for the shipped GGUF.

Optional dependency (compiles; see requirements-llamacpp.txt and the Makefile's CMAKE_ARGS:
AMX off, or the first decode segfaults on these Xeons). The model loads lazily, once, under a
lock; generation is serialised by the same lock because a `Llama` object is not thread-safe. The
lock is fair (`lm.fairlock.FairLock`): concurrent sessions' calls are served in arrival order.

Prompt-prefix reuse: the one `Llama` object lives as long as this object (never reset or reloaded
between calls), and llama-cpp-python keeps the KV cache of the last prompt and answer, re-evaluating
only from the first token that differs. So a caller whose prompts share a fixed prefix (the LLM
ranker's fixed system text) pays its prefill once (measured: a repeated 1-token call with the
ranker's system prompt, 8.2 s the first time, 0.01 s the second, load average ~2.5). Only the
latest prompt is kept: another caller with a different fixed prefix would evict it, so the LLM
rewriter gets its own model object from `second_context()` (same GGUF, its own KV cache) and
neither evicts the other's prefix: measured 38.4 s -> 26.4 s p50 per turn of LLM rewriter + LLM
ranker (`benchmarks/bench_llm.py --pair`), for +1.9 GB RSS (llama.cpp copies the weights into each
model object's own buffers). llama-cpp-python's LlamaRAMCache was tried instead: 24.6 s per turn,
but it snapshots the logits with every answer and peaked at 12 GB RSS.

Example:
    llm = LlamaCppLLM(size="1.5b")
    llm.complete([{"role": "user", "content": "Say hi"}], GenerateOptions(max_tokens=8))
"""
from __future__ import annotations

import atexit
import ctypes
import json
import logging
import os
import time
import weakref
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from lm.base import DEFAULT_OPTIONS, GenerateOptions, LLMError, LLMTimeout, LLMUnavailable, Message, StreamingLLM
from lm.fairlock import FairLock
from lm.model_files import model_path


_LOG = logging.getLogger("recsys.llamacpp")
# llama.cpp's log levels (ggml_log_level) -> logging levels; 5 = "continue the previous line".
_LEVELS = {0: logging.CRITICAL, 1: logging.DEBUG, 2: logging.WARNING, 3: logging.ERROR, 4: logging.DEBUG,
           5: logging.DEBUG}
_log_callback: Any = None  # the ctypes callback must outlive every call into llama.cpp


def route_logs_to_logging(llama_cpp: Any) -> None:
    """Send llama.cpp's own log lines to Python logging ("recsys.llamacpp"; info as DEBUG) instead of
    llama-cpp-python's printer. Never touches a file descriptor, so it is safe from any thread.
    Installed once per process."""
    global _log_callback
    if _log_callback is not None:
        return

    @llama_cpp.llama_log_callback
    def callback(level: int, text: bytes, user_data: Any) -> None:
        line = text.decode("utf-8", errors="replace").rstrip()
        if line:
            _LOG.log(_LEVELS.get(level, logging.DEBUG), "%s", line)

    _log_callback = callback
    llama_cpp.llama_log_set(callback, ctypes.c_void_p(0))


def default_threads() -> int:
    """Threads for llama.cpp: env RECSYS_LLM_THREADS, else every core (os.cpu_count()).

    On a quiet machine one thread per core is fastest (2 on 2 cores). llama.cpp's threads wait for
    each other at every layer, so on a CPU shared with other busy processes more threads than free
    cores is much slower (measured: a 333-token prompt took 62 s to the first token with 2 threads
    and 43 s with 1 under a load average of ~10 on 2 cores): set RECSYS_LLM_THREADS=1 there.
    OMP_NUM_THREADS is not read: it is set to 1 for torch/BLAS and would halve llama.cpp's speed.
    """
    env = os.environ.get("RECSYS_LLM_THREADS", "").strip()
    if env.isdigit() and int(env) > 0:
        return int(env)
    return max(1, os.cpu_count() or 1)


class LlamaCppLLM(StreamingLLM):
    """LLM protocol over llama-cpp-python. `path` overrides the shipped GGUF of `size`."""

    def __init__(
        self,
        size: str = "1.5b",
        *,
        path: str | Path | None = None,
        n_ctx: int = 2048,
        n_threads: int | None = None,
        seed: int = 0,
    ) -> None:
        self.size = size
        self._path = Path(path) if path else None
        self.n_ctx = n_ctx
        self.n_threads = n_threads or default_threads()
        self.seed = seed
        self.name = f"llamacpp:{size}" if not path else f"llamacpp:{Path(path).name}"
        self._model: Any = None
        self._lock = FairLock()  # one model for every session, served in arrival order
        self.load_seconds: float | None = None

    # loading
    def load(self) -> Any:
        """Load the model once (thread-safe); later calls return it at once."""
        with self._lock:
            if self._model is not None:
                return self._model
            path = self._path or model_path(self.size)
            if not path.is_file():
                raise LLMUnavailable(f"No GGUF model at {path}: run `make model`")
            try:
                import llama_cpp
            except ImportError as e:
                raise LLMUnavailable(
                    "llama-cpp-python is not installed: run `make setup` (it builds it with the right "
                    "flags) or use --llm transformers"
                ) from e
            route_logs_to_logging(llama_cpp)
            start = time.perf_counter()
            # verbose=True: with verbose=False llama-cpp-python wraps loading in suppress_stdout_stderr,
            # which dup2()s /dev/null over file descriptors 1 and 2 and restores them afterwards; done
            # on a worker thread (the background warm-up, a second model object) while another thread
            # writes an answer, the answer went to /dev/null, or /dev/null stayed on fd 1 for good
            # (issue 17). Its C logs go to Python logging instead (route_logs_to_logging), and after
            # loading verbose is turned off so generation prints nothing either.
            model = llama_cpp.Llama(
                model_path=str(path),
                n_ctx=self.n_ctx,
                n_threads=self.n_threads,
                n_threads_batch=self.n_threads,
                n_batch=512,
                seed=self.seed,
                verbose=True,
            )
            model.verbose = False
            self._model = model
            self.load_seconds = time.perf_counter() - start
            atexit.register(_close_at_exit, weakref.ref(self))
            return self._model

    def close(self, wait: float = 10.0) -> bool:
        """Free the model's memory now; a later call loads it again. Waits up to `wait` s for a
        call in progress and returns False (freeing nothing) if it is still running then.

        Called at interpreter exit too: left to `Llama.__del__` during shutdown, llama.cpp was freed
        after the modules it needs were torn down, and one evaluation run ended in a segmentation
        fault after writing its report (llama-cpp-python issues #1610 and #2002 show the same
        teardown)."""
        if not self._lock.acquire(timeout=wait):
            return False
        try:
            model, self._model = self._model, None
            if model is not None:
                model.close()
            return True
        finally:
            self._lock.release()

    def _grammar(self, schema: dict | None, grammar: str | None) -> Any:
        if schema is None and grammar is None:
            return None
        from llama_cpp import LlamaGrammar

        if grammar is not None:
            return LlamaGrammar.from_string(grammar, verbose=False)
        return LlamaGrammar.from_json_schema(json.dumps(schema), verbose=False)

    # the LLM protocol
    def stream(self, messages: list[Message], options: GenerateOptions = DEFAULT_OPTIONS) -> Iterator[str]:
        o = options
        return self._stream(list(messages), o.schema, o.max_tokens, o.timeout, o.grammar)

    def _stream(
        self, messages: list[Message], schema: dict | None, max_tokens: int, timeout: float | None, grammar: str | None
    ) -> Iterator[str]:
        start = time.monotonic()
        # Waiting for other sessions' calls counts against the timeout, and never past it: under load
        # a turn's model stage kept its 8-s budget only after the lock learnt to give up (whole turns
        # took 21 s p95 with 20 users before).
        if not self._lock.acquire(timeout=timeout):
            raise LLMTimeout(f"The local model was busy for {time.monotonic() - start:.1f} s (timeout {timeout:.1f} s)")
        try:
            model = self.load()
            waited = time.monotonic() - start
            if timeout is not None and waited > timeout:
                raise LLMTimeout(f"The local model was busy for {waited:.1f} s (timeout {timeout:.1f} s)")
            try:
                chunks = model.create_chat_completion(
                    messages=messages,
                    max_tokens=max_tokens,
                    temperature=0.0,
                    repeat_penalty=1.0,
                    grammar=self._grammar(schema, grammar),
                    stream=True,
                )
            except ValueError as e:  # e.g. prompt longer than the context window
                raise LLMError(f"llama.cpp refused the request: {e}") from e
            try:
                for chunk in chunks:
                    piece = chunk["choices"][0]["delta"].get("content") or ""
                    if piece:
                        yield piece
                    if timeout is not None and time.monotonic() - start > timeout:
                        raise LLMTimeout(f"The local model did not finish within {timeout:.1f} s")
            finally:
                close = getattr(chunks, "close", None)
                if close is not None:
                    close()  # stops generation when the caller abandons the stream
        finally:
            self._lock.release()

    def waiting(self) -> int:
        """How many calls (of any session) wait for this model now."""
        return self._lock.waiting()

    def second_context(self) -> "LlamaCppLLM":
        """Another model object over the same GGUF, with its own KV cache and lock (and its own copy
        of the weights: +1.9 GB RSS for the 1.5B model). For a second caller with its own fixed
        prompt prefix (the LLM rewriter beside the ranker), so each keeps its prefix cached. Loads
        lazily, like this one.

        Example: rewriter_llm = ranker_llm.second_context()
        """
        return LlamaCppLLM(self.size, path=self._path, n_ctx=self.n_ctx, n_threads=self.n_threads, seed=self.seed)

    def tokenize_count(self, text: str) -> int:
        """Number of tokens of `text` (for benchmarks and prompt budgeting)."""
        return len(self.load().tokenize(text.encode("utf-8"), add_bos=False, special=True))


def _close_at_exit(ref: "weakref.ref[LlamaCppLLM]") -> None:
    llm = ref()
    if llm is not None:
        try:
            llm.close(wait=10.0)
        except Exception as e:  # exiting anyway: say why the model could not be freed, never raise
            _LOG.warning("could not free the local model at exit: %s", e)
