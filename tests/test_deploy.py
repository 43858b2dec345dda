"""deploy/ without starting anything: what each replica is told, and the messages when a piece is missing."""
from __future__ import annotations

from pathlib import Path

import pytest

from deploy.__main__ import main as deploy_main
from deploy.cluster import DeployError, Deployment, Ports
from deploy.postgres import PostgresMissing, available, find_bin


def test_every_replica_is_pointed_at_the_shared_pieces(tmp_path):
    d = Deployment(tmp_path, replicas=3, llm=str(tmp_path / "tiny-model.gguf"),
                   ports=Ports(postgres=5999, chroma=8001, model=8081, app=7000))
    env = d.app_env()
    assert env["RECSYS_STORE"] == "postgresql://recsys@127.0.0.1:5999/recsys"
    assert (env["RECSYS_CHROMA_HOST"], env["RECSYS_CHROMA_PORT"]) == ("127.0.0.1", "8001")
    assert env["RECSYS_LLM"] == "llamacpp-server:http://127.0.0.1:8081/v1#tiny-model"
    assert [d.replica_url(i) for i in range(3)] == ["http://127.0.0.1:7000/", "http://127.0.0.1:7001/",
                                                    "http://127.0.0.1:7002/"]
    assert "RECSYS_RAISE_ERRORS" not in env, "a replica shows messages, not tracebacks"
    assert Deployment(tmp_path, llm="off").app_env()["RECSYS_LLM"] == "off"


def test_a_missing_model_file_says_what_to_run(tmp_path):
    d = Deployment(tmp_path, llm=str(tmp_path / "nowhere.gguf"), ports=Ports(postgres=1, chroma=2, model=3, app=4))
    with pytest.raises(DeployError, match=r"No model file .*nowhere.gguf: run `make model` \(or pass --llm off\)"):
        d._start_shared(timeout_s=5)
    assert d.procs == {}, "checked before anything starts"


def test_missing_postgres_binaries_name_the_make_target(tmp_path, monkeypatch):
    monkeypatch.setenv("RECSYS_PG_BIN", str(tmp_path))
    assert not available()
    with pytest.raises(PostgresMissing, match="run `make postgres`"):
        find_bin("initdb")


def test_the_command_refuses_zero_replicas(capsys):
    assert deploy_main(["up", "--replicas", "0", "--dir", str(Path("unused"))]) == 2
    assert "--replicas must be at least 1" in capsys.readouterr().err
