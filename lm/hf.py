"""transformers backend: the shipped GGUF (dequantised to bf16), any local model folder or hub id.

The default on a CUDA GPU; on CPU llama.cpp is faster (see lm/base.py). Loading the GGUF
with `gguf_file=` dequantises every tensor (tens of seconds), and `save_pretrained` refuses a
GGUF-loaded model, so after the first load we save config + tokenizer + the state dict as
safetensors into `<models dir>/<gguf stem>-bf16/` and load that folder with `from_pretrained`
next time (a stamp file records which GGUF digest it came from).

No grammar here: with a `schema` the model is asked for JSON in the prompt and the caller
validates (and retries); a `grammar` is ignored. `timeout` is checked between tokens.

Example:
    llm = TransformersLLM()                         # the shipped 1.5B GGUF
    llm = TransformersLLM("path/to/local/folder")   # or a hub id, read from the local HF cache
"""
from __future__ import annotations

import json
import logging
import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from lm.base import DEFAULT_OPTIONS, GenerateOptions, LLMTimeout, LLMUnavailable, Message, StreamingLLM
from lm.model_files import MODELS, model_dir, model_path

log = logging.getLogger(__name__)

CACHE_VERSION = "1"  # bump when the cached layout changes


class TransformersLLM(StreamingLLM):
    """LLM protocol over transformers `generate`. `model`: None (shipped GGUF), "0.5b", a folder or hub id."""

    def __init__(self, model: str | None = None, *, device: str | None = None, cache: bool = True) -> None:
        self.model_ref = model
        self.device = device
        self.cache = cache
        self.name = f"transformers:{model or '1.5b'}"
        self._model: Any = None
        self._tokenizer: Any = None
        self._lock = threading.RLock()
        self.load_seconds: float | None = None
        self.loaded_from: str | None = None  # "gguf", "cache" or "pretrained"

    # loading
    def _cache_dir(self, size: str) -> Path:
        return model_dir() / (Path(MODELS[size].filename).stem + "-bf16")

    def load(self) -> tuple[Any, Any]:
        """Load once (thread-safe). Returns (model, tokenizer)."""
        with self._lock:
            if self._model is not None:
                return self._model, self._tokenizer
            try:
                import torch
                from transformers import AutoModelForCausalLM, AutoTokenizer
            except ImportError as e:
                raise LLMUnavailable("transformers/torch are not installed: run `make setup`") from e
            threads = os.environ.get("RECSYS_LLM_THREADS")
            if threads:
                torch.set_num_threads(int(threads))
            device = self.device or ("cuda" if torch.cuda.is_available() else "cpu")
            dtype = torch.bfloat16
            start = time.perf_counter()
            ref = self.model_ref
            if ref is None or ref.lower() in MODELS:
                size = (ref or "1.5b").lower()
                cache = self._cache_dir(size)
                stamp = cache / "recsys-cache.json"
                expected = {"version": CACHE_VERSION, "gguf_sha256": MODELS[size].sha256}
                if self.cache and stamp.is_file() and json.loads(stamp.read_text()) == expected:
                    log.info("Loading cached bf16 weights from %s", cache)
                    model = AutoModelForCausalLM.from_pretrained(cache, dtype=dtype)
                    tokenizer = AutoTokenizer.from_pretrained(cache)
                    self.loaded_from = "cache"
                else:
                    gguf = model_path(size)
                    log.info("Dequantising %s (first start only, tens of seconds) ...", gguf.name)
                    model = AutoModelForCausalLM.from_pretrained(gguf.parent, gguf_file=gguf.name, dtype=dtype)
                    tokenizer = AutoTokenizer.from_pretrained(gguf.parent, gguf_file=gguf.name)
                    self.loaded_from = "gguf"
                    if self.cache:
                        self._save_cache(model, tokenizer, cache, stamp, expected)
            else:
                try:
                    model = AutoModelForCausalLM.from_pretrained(ref, dtype=dtype)
                    tokenizer = AutoTokenizer.from_pretrained(ref)
                except OSError as e:
                    raise LLMUnavailable(
                        f"Cannot load model {ref!r}: give a local folder with config.json and weights, or a "
                        "hub id already in the local Hugging Face cache (no hub access at run time)"
                    ) from e
                self.loaded_from = "pretrained"
            model.to(device)
            model.eval()
            self._model, self._tokenizer = model, tokenizer
            self.load_seconds = time.perf_counter() - start
            log.info("Model ready in %.1f s on %s (%s)", self.load_seconds, device, self.loaded_from)
            return model, tokenizer

    @staticmethod
    def _save_cache(model: Any, tokenizer: Any, cache: Path, stamp: Path, expected: dict) -> None:
        """Save what from_pretrained needs; save_model (not save_file) copes with tied embeddings."""
        from safetensors.torch import save_model

        cache.mkdir(parents=True, exist_ok=True)
        # The config of a GGUF-loaded model says quant_method "gguf": the cache holds plain bf16
        # tensors, so drop it, or from_pretrained(cache) would look for the GGUF again.
        config = model.config.to_dict()
        config.pop("quantization_config", None)
        config.pop("_model_name_or_path", None)
        (cache / "config.json").write_text(json.dumps(config, indent=2))
        if getattr(model, "generation_config", None) is not None:
            model.generation_config.save_pretrained(cache)
        tokenizer.save_pretrained(cache)
        save_model(model, str(cache / "model.safetensors"), metadata={"format": "pt"})
        stamp.write_text(json.dumps(expected))  # last: a half-written cache is never used
        log.info("Cached bf16 weights in %s", cache)

    # the LLM protocol
    def stream(self, messages: list[Message], options: GenerateOptions = DEFAULT_OPTIONS) -> Iterator[str]:
        # options.grammar is not enforceable here; callers validate
        msgs = [dict(m) for m in messages]
        if options.schema is not None:
            msgs.append({"role": "system", "content": "Answer with JSON only, matching this JSON schema: " + json.dumps(options.schema)})
        return self._stream(msgs, options.max_tokens, options.timeout)

    def _stream(self, messages: list[dict], max_tokens: int, timeout: float | None) -> Iterator[str]:
        import torch
        from transformers import StoppingCriteria, StoppingCriteriaList, TextIteratorStreamer

        start = time.monotonic()
        with self._lock:  # one generation at a time per model
            model, tokenizer = self.load()
            inputs = tokenizer.apply_chat_template(
                messages, add_generation_prompt=True, return_tensors="pt", return_dict=True
            ).to(model.device)
            streamer = TextIteratorStreamer(tokenizer, skip_prompt=True, skip_special_tokens=True)
            timed_out = threading.Event()
            cancelled = threading.Event()

            class _Deadline(StoppingCriteria):
                def __call__(self, input_ids: Any, scores: Any, **kwargs: Any) -> bool:
                    if timeout is not None and time.monotonic() - start > timeout:
                        timed_out.set()
                    return timed_out.is_set() or cancelled.is_set()

            errors: list[BaseException] = []

            def run() -> None:
                try:
                    with torch.inference_mode():
                        model.generate(
                            **inputs,
                            max_new_tokens=max_tokens,
                            do_sample=False,
                            streamer=streamer,
                            stopping_criteria=StoppingCriteriaList([_Deadline()]),
                            pad_token_id=tokenizer.eos_token_id,
                        )
                except BaseException as e:  # re-raised in the caller's thread below
                    errors.append(e)
                    streamer.end()

            worker = threading.Thread(target=run, daemon=True)
            worker.start()
            try:
                for piece in streamer:
                    if piece:
                        yield piece
                worker.join()
            finally:
                cancelled.set()  # the caller stopped reading: stop generating
                worker.join()
            if errors:
                raise errors[0]
            if timed_out.is_set():
                raise LLMTimeout(f"The local model did not finish within {timeout:.1f} s")
