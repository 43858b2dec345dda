"""Real local backends on the shipped GGUF (slow: needs `make model` and, for llama.cpp, `make setup`)."""
from __future__ import annotations

import json

import pytest

from lm import GenerateOptions, LLMTimeout
from lm.llamacpp import LlamaCppLLM

pytestmark = [pytest.mark.slow, pytest.mark.model]


@pytest.fixture(scope="module")
def llamacpp() -> LlamaCppLLM:
    llm = LlamaCppLLM(size="1.5b")
    llm.load()
    return llm


def test_llamacpp_answers_and_streams(llamacpp):
    messages = [{"role": "user", "content": "What is the capital of France? Answer in one word."}]
    pieces = list(llamacpp.stream(messages, GenerateOptions(max_tokens=8)))
    assert "paris" in "".join(pieces).lower()


def test_llamacpp_schema_forces_valid_json(llamacpp):
    schema = {
        "type": "object",
        "properties": {"genre": {"type": "string", "enum": ["comedy", "horror", "drama"]}},
        "required": ["genre"],
    }
    messages = [{"role": "user", "content": "Which genre is 'The Hangover'? Reply as JSON."}]
    answer = json.loads(llamacpp.complete(messages, GenerateOptions(schema=schema, max_tokens=20)))
    assert answer["genre"] in {"comedy", "horror", "drama"}


def test_llamacpp_grammar_shapes_the_answer(llamacpp):
    messages = [{"role": "user", "content": "Pick two letters from A to C, one per line."}]
    grammar = 'root ::= line{2}\nline ::= [A-C] "\\n"\n'
    lines = llamacpp.complete(messages, GenerateOptions(grammar=grammar, max_tokens=10)).splitlines()
    assert len(lines) == 2 and all(line in {"A", "B", "C"} for line in lines)


def test_llamacpp_reuses_the_prompt_prefix_between_calls(llamacpp):
    """A second request sharing the long system prefix prefills only what differs: the LLM ranker
    relies on this (its system text is fixed). Same object, no reload between calls."""
    import time

    system = {"role": "system", "content": "You are a film critic. " * 60}  # ~360 tokens
    model = llamacpp.load()

    def timed(question: str) -> float:
        start = time.perf_counter()
        llamacpp.complete([system, {"role": "user", "content": question}], GenerateOptions(max_tokens=1))
        return time.perf_counter() - start

    first = timed("Say yes.")
    second = timed("Say no.")
    assert llamacpp.load() is model
    assert second < first / 3, (first, second)


def test_llamacpp_timeout_between_tokens(llamacpp):
    messages = [{"role": "user", "content": "Count from 1 to 200, separated by commas."}]
    with pytest.raises(LLMTimeout):
        llamacpp.complete(messages, GenerateOptions(max_tokens=400, timeout=1.0))


def test_transformers_loads_the_gguf_once_then_starts_from_its_cache(tmp_path, monkeypatch):
    """0.5B to keep CI time down: the first start dequantises and caches, the second reads the cache."""
    from lm.hf import TransformersLLM
    from lm.model_files import MODELS, model_path

    gguf = model_path("0.5b")
    for path in (gguf, gguf.with_name(gguf.name + ".sha256-ok")):
        (tmp_path / path.name).symlink_to(path)
    monkeypatch.setenv("RECSYS_MODEL_DIR", str(tmp_path))
    messages = [{"role": "user", "content": "What is the capital of France? Answer in one word."}]
    first = TransformersLLM("0.5b")
    answer = first.complete(messages, GenerateOptions(max_tokens=4))
    assert first.loaded_from == "gguf" and "paris" in answer.lower()
    assert (tmp_path / (MODELS["0.5b"].filename.removesuffix(".gguf") + "-bf16") / "model.safetensors").is_file()
    second = TransformersLLM("0.5b")
    assert "".join(second.stream(messages, GenerateOptions(max_tokens=4))) == answer  # greedy: same answer from the cache
    assert second.loaded_from == "cache"


def test_llamacpp_close_frees_the_model_and_a_later_call_loads_it_again():
    llm = LlamaCppLLM(size="0.5b")
    messages = [{"role": "user", "content": "What is the capital of France? Answer in one word."}]
    first = llm.load()
    assert llm.close() is True
    assert llm._model is None  # the memory is handed back now, not at garbage collection
    assert "paris" in llm.complete(messages, GenerateOptions(max_tokens=8)).lower()
    assert llm.load() is not first


def test_a_process_that_used_the_model_exits_cleanly():
    """The model is freed before the interpreter tears its modules down (an evaluation run once
    ended in a segmentation fault after writing its report). Exit status 0, three times over."""
    import subprocess
    import sys
    from pathlib import Path

    script = ("from lm.llamacpp import LlamaCppLLM\n"
              "llm = LlamaCppLLM(size='0.5b')\n"
              "print(llm.complete([{'role': 'user', 'content': 'Say hi'}]))\n")
    root = Path(__file__).resolve().parent.parent
    for _ in range(3):
        done = subprocess.run([sys.executable, "-c", script], cwd=root, capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr[-2000:]
        assert done.stdout.strip()
