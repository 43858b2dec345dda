"""Which LLM backend a spec names: the registry behind `--llm` and RECSYS_LLM.

Backends: local GGUF model on CPU/GPU, an OpenAI-compatible HTTP endpoint (vLLM, TGI,
llama.cpp server), a FakeLLM, or off (fast path only). Backends are imported lazily, so
importing this module loads no weights and no llama.cpp.

Specs understood by `make_llm` (env `RECSYS_LLM` gives the default):
    "off" / "" / None            -> None: the fast path alone
    "fake"                       -> FakeLLM (tests, demos without weights)
    "local"                      -> the CPU/GPU default, chosen by measurement (see LOCAL_DEFAULT)
    "llamacpp" / "llamacpp:0.5b" -> llama.cpp on the shipped GGUF (lm/llamacpp.py)
    "transformers[:path-or-id]"  -> transformers; default the shipped GGUF (lm/hf.py)
    "http://host:port/v1[#model]" or "openai:URL[#model]" -> OpenAI-compatible endpoint (lm/http.py)
    "llamacpp-server:URL[#model]" -> the same, for llama.cpp's servers (`python -m llama_cpp.server`,
                                    `llama-server`): answers constrained by their `grammar` field

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
from collections.abc import Callable

from errors import InvalidRequest
from lm.base import LLM
from lm.fake import FakeLLM



def _llamacpp(arg: str) -> LLM:
    from lm.llamacpp import LlamaCppLLM

    return LlamaCppLLM(size=arg or "1.5b")


def _transformers(arg: str) -> LLM:
    from lm.hf import TransformersLLM

    return TransformersLLM(model=arg or None)


def _http(arg: str) -> LLM:
    from lm.http import HttpLLM

    url, _, model = arg.partition("#")
    return HttpLLM(base_url=url, model=model or None)


def _llamacpp_server(arg: str) -> LLM:
    """An OpenAI-compatible llama.cpp server, which also takes a GBNF `grammar` and a JSON schema as
    `response_format={"type": "json_object", "schema": ...}`: the ranker's answers keep their shape."""
    from lm.http import HttpLLM

    url, _, model = arg.partition("#")
    return HttpLLM(base_url=url, model=model or None, grammar_field="grammar", schema_format="json_object")


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
    "llamacpp-server": _llamacpp_server,
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
        raise InvalidRequest(
            f"Unknown LLM spec {spec!r}: use one of off, fake, local, llamacpp[:0.5b], "
            "transformers[:path-or-hub-id], http://host:port/v1[#model], openai:URL[#model] or "
            "llamacpp-server:URL[#model] "
            "(set it with --llm or the RECSYS_LLM environment variable)"
        )
    return factory(arg)
