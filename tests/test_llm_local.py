"""Real local backends on the shipped GGUF (slow: needs `make model` and, for llama.cpp, `make setup`)."""
from __future__ import annotations

import json

import pytest

from recommender.llm import LLMTimeout
from recommender.llm_llamacpp import LlamaCppLLM

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def llamacpp() -> LlamaCppLLM:
    llm = LlamaCppLLM(size="1.5b")
    llm.load()
    return llm


def test_llamacpp_answers_and_streams(llamacpp):
    messages = [{"role": "user", "content": "What is the capital of France? Answer in one word."}]
    pieces = list(llamacpp.stream(messages, max_tokens=8))
    assert "paris" in "".join(pieces).lower()


def test_llamacpp_schema_forces_valid_json(llamacpp):
    schema = {
        "type": "object",
        "properties": {"genre": {"type": "string", "enum": ["comedy", "horror", "drama"]}},
        "required": ["genre"],
    }
    messages = [{"role": "user", "content": "Which genre is 'The Hangover'? Reply as JSON."}]
    answer = json.loads(llamacpp.complete(messages, schema=schema, max_tokens=20))
    assert answer["genre"] in {"comedy", "horror", "drama"}


def test_llamacpp_grammar_shapes_the_answer(llamacpp):
    messages = [{"role": "user", "content": "Pick two letters from A to C, one per line."}]
    grammar = 'root ::= line{2}\nline ::= [A-C] "\\n"\n'
    lines = llamacpp.complete(messages, grammar=grammar, max_tokens=10).splitlines()
    assert len(lines) == 2 and all(line in {"A", "B", "C"} for line in lines)


def test_llamacpp_timeout_between_tokens(llamacpp):
    messages = [{"role": "user", "content": "Count from 1 to 200, separated by commas."}]
    with pytest.raises(LLMTimeout):
        llamacpp.complete(messages, max_tokens=400, timeout=1.0)
