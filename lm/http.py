"""OpenAI-compatible HTTP backend (vLLM, TGI, llama.cpp server, OpenAI): the path to serve many users.

LangChain's `ChatOpenAI` is the client: it gives streaming, retries and the message format for
every OpenAI-compatible server, so this module only maps our protocol and errors onto it.

- `schema` is sent as `response_format={"type": "json_schema", ...}`, which vLLM (>= 0.6) and
  OpenAI enforce; older vLLM takes `extra_body={"guided_json": schema}` instead (pass
  `schema_field="guided_json"`); llama.cpp's servers (llama-cpp-python's `llama_cpp.server` and
  the C++ `llama-server`) take `{"type": "json_object", "schema": ...}` (`schema_format="json_object"`).
- `grammar` (GBNF) is sent only when `grammar_field` names the server's field: "grammar" for
  llama.cpp's servers, "guided_grammar" for vLLM; by default it is not sent and callers validate
  (the LLM ranker parses every answer and `recommender.grounding` checks every reason, so an
  unconstrained answer costs model reasons, never a wrong card).
- The spec `llamacpp-server:URL[#model]` (lm/registry.py) sets both for llama.cpp's servers.
- The model name: the `#model` part of the spec, else the first id the server lists at /models.
- API key: env RECSYS_LLM_API_KEY or OPENAI_API_KEY, else "unused" (local servers ignore it).

Example: HttpLLM("http://127.0.0.1:8000/v1", model="Qwen/Qwen2.5-1.5B-Instruct")
Start one with e.g. `vllm serve Qwen/Qwen2.5-1.5B-Instruct` or
`python -m llama_cpp.server --model models/qwen2.5-coder-1.5b-instruct-q4_k_m.gguf`.
"""
from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from typing import Any

from lm.base import DEFAULT_OPTIONS, GenerateOptions, LLMError, LLMTimeout, LLMUnavailable, Message, StreamingLLM


class HttpLLM(StreamingLLM):
    """LLM protocol over an OpenAI-compatible endpoint, through langchain_openai.ChatOpenAI."""

    def __init__(
        self,
        base_url: str,
        *,
        model: str | None = None,
        api_key: str | None = None,
        timeout: float = 60.0,
        schema_field: str | None = None,
        grammar_field: str | None = None,
        schema_format: str = "json_schema",
    ) -> None:
        if base_url.startswith("openai:"):
            base_url = base_url[len("openai:") :]
        if not base_url.startswith(("http://", "https://")):
            raise ValueError(f"LLM URL must start with http:// or https://, got {base_url!r} (e.g. http://127.0.0.1:8000/v1)")
        self.base_url = base_url.rstrip("/")
        self.model = model
        self.api_key = api_key or os.environ.get("RECSYS_LLM_API_KEY") or os.environ.get("OPENAI_API_KEY") or "unused"
        self.timeout = timeout
        self.schema_field = schema_field
        self.grammar_field = grammar_field
        if schema_format not in ("json_schema", "json_object"):
            raise ValueError(f"schema_format must be 'json_schema' or 'json_object', got {schema_format!r}")
        self.schema_format = schema_format
        self.name = f"http:{self.base_url}#{model or '?'}"
        self._chat: Any = None
        self._lock = threading.Lock()

    def _resolve_model(self) -> str:
        """The first model id the server lists at /models. Read with plain httpx rather than the
        openai client, which fails with an AttributeError on a body that is not a model list (a web
        server's HTML page at the URL)."""
        import httpx

        url = f"{self.base_url}/models"
        try:
            r = httpx.get(url, headers={"Authorization": f"Bearer {self.api_key}"}, timeout=self.timeout)
        except httpx.HTTPError as e:
            raise LLMUnavailable(f"No LLM server answers at {self.base_url}: start it or fix --llm") from e
        if r.status_code != 200:
            raise LLMUnavailable(f"{url} answered HTTP {r.status_code}; give the model name as {self.base_url}#MODEL")
        try:
            ids = [m["id"] for m in r.json()["data"] if isinstance(m.get("id"), str)]
        except (ValueError, KeyError, TypeError, AttributeError):
            raise LLMUnavailable(
                f"{url} did not answer like an OpenAI-compatible server ({r.text[:60]!r}): check the URL "
                "(it usually ends in /v1) or give the model as URL#MODEL") from None
        if not ids:
            raise LLMUnavailable(f"{self.base_url} serves no model; give one as {self.base_url}#MODEL")
        return ids[0]

    def chat_model(self) -> Any:
        """The LangChain chat model, built once (lazily: the constructor touches no network)."""
        with self._lock:
            if self._chat is None:
                from langchain_openai import ChatOpenAI

                if self.model is None:
                    self.model = self._resolve_model()
                    self.name = f"http:{self.base_url}#{self.model}"
                self._chat = ChatOpenAI(
                    base_url=self.base_url,
                    api_key=self.api_key,
                    model=self.model,
                    timeout=self.timeout,
                    max_retries=1,
                    temperature=0.0,
                )
            return self._chat

    def _kwargs(self, schema: dict | None, max_tokens: int, grammar: str | None) -> dict:
        kwargs: dict[str, Any] = {"max_tokens": max_tokens}  # LangChain sends it as max_completion_tokens
        # ... which TGI and older llama.cpp servers ignore: send the classic field too.
        extra: dict[str, Any] = {"max_tokens": max_tokens}
        if schema is not None:
            if self.schema_field:
                extra[self.schema_field] = schema
            elif self.schema_format == "json_object":
                kwargs["response_format"] = {"type": "json_object", "schema": schema}
            else:
                kwargs["response_format"] = {
                    "type": "json_schema",
                    "json_schema": {"name": "answer", "schema": schema, "strict": True},
                }
        if grammar is not None and self.grammar_field:
            extra[self.grammar_field] = grammar
        if extra:
            kwargs["extra_body"] = extra
        return kwargs

    def stream(self, messages: list[Message], options: GenerateOptions = DEFAULT_OPTIONS) -> Iterator[str]:
        o = options
        return self._stream(list(messages), self._kwargs(o.schema, o.max_tokens, o.grammar), o.timeout)

    def _stream(self, messages: list[Message], kwargs: dict, timeout: float | None) -> Iterator[str]:
        import openai

        start = time.monotonic()
        chat = self.chat_model()
        if timeout is not None:
            chat = chat.bind(timeout=timeout)
        try:
            for chunk in chat.stream([dict(m) for m in messages], **kwargs):
                piece = chunk.content if isinstance(chunk.content, str) else ""
                if piece:
                    yield piece
                if timeout is not None and time.monotonic() - start > timeout:
                    raise LLMTimeout(f"{self.base_url} did not finish within {timeout:.1f} s")
        except openai.APITimeoutError as e:
            raise LLMTimeout(f"{self.base_url} did not answer within {timeout or self.timeout:.1f} s") from e
        except openai.APIConnectionError as e:
            raise LLMUnavailable(f"No LLM server answers at {self.base_url}: start it or fix --llm") from e
        except openai.APIStatusError as e:
            raise LLMError(f"{self.base_url} answered HTTP {e.status_code}: {str(e)[:200]}") from e
        except ValueError as e:  # LangChain: "No generation chunks were returned" (not an SSE stream)
            raise LLMError(f"{self.base_url} sent no answer in the OpenAI format ({str(e)[:80]}): "
                           "check the URL (it usually ends in /v1)") from e
