"""The deployment (deploy/) on loopback: PostgreSQL, a Chroma server and two app replicas, started by
the same code as `python -m deploy up`. One API conversation goes alternately to the two replicas:
what one replica learnt (the request, a dislike, a like) shapes the other's next list, and a replica
killed with kill -9 in the middle of a turn loses nothing: the conversation goes on on the other
replica, and on the killed one once it is started again.

The whole deployment runs: the replicas reach a real `llama_cpp.server` (the 0.5B model, the
lighter of the two shipped, through the `llamacpp-server:` spec), so every turn's model stage goes
through it; the model server's own tests (tests/test_llm_server.py) check what it writes. Here what
matters is that nothing of a conversation lives in a replica's memory. About 3-5 minutes on 2 cores
(the model server, two replica starts, one restart, the index build).
"""
from __future__ import annotations

import http.client
import shutil
import socket
import tempfile
import threading
import time
import urllib.error
from pathlib import Path

import pytest

from deploy.cluster import Deployment, Ports, api_call
from deploy.postgres import INSTALL_HINT, available
from recommender.store import open_store
from ui.sessions import session_key

pytestmark = [pytest.mark.slow, pytest.mark.data, pytest.mark.model]


@pytest.fixture(scope="module")
def cluster():
    if not available():
        pytest.skip(f"needs the PostgreSQL server: {INSTALL_HINT}")
    folder = Path(tempfile.mkdtemp(prefix="recsys-cluster-"))
    folder.chmod(0o755)  # as root, PostgreSQL runs as the postgres user: it must reach folder/postgres
    first_app = free_port()
    second_app = first_app + 1 if _free(first_app + 1) else free_port()
    deployment = Deployment(folder, replicas=2, llm="0.5b", data_dir=folder / "data",
                            ports=Ports(postgres=free_port(), chroma=free_port(), model=free_port(), app=first_app))
    if second_app != first_app + 1:
        pytest.skip("no two consecutive free ports for the replicas")  # rare; rerun
    t0 = time.monotonic()
    deployment.start(timeout_s=400)
    deployment.start_s = time.monotonic() - t0
    try:
        yield deployment
    finally:
        deployment.stop()
        shutil.rmtree(folder, ignore_errors=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _free(port: int) -> bool:
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def ids(answer: dict) -> list[str]:
    return [item["id"] for item in answer["items"]]


def test_one_conversation_across_two_replicas_and_a_killed_one(cluster):
    a, b = cluster.replica_url(0), cluster.replica_url(1)

    # 1. A: a request. 2. B: a dislike on A's list, with A's token.
    first = api_call(a, "chat", "a few comedies from the 90s", "")
    token = first["session"]
    assert first["items"] and all("comedy" in i["genres"] for i in first["items"])
    assert all(1990 <= i["year"] <= 1999 for i in first["items"])
    # the turn's model stage went through the model server (answered, refused or timed out: it ran)
    assert "llm_rank" in first["timings"], first["timings"]
    disliked = first["items"][0]["id"]
    second = api_call(b, "feedback", disliked, "dislike", token)
    assert second["session"] == token
    assert disliked not in ids(second), "B removed the film disliked on B from the list A made"

    # 3. B: "older ones" refines A's request: still comedies, now before the 90s, still without the dislike.
    older = api_call(b, "chat", "older ones", token)
    assert older["items"] and disliked not in ids(older)
    assert older["instruction"]["constraints"]["include_genres"] == ["comedy"], "B kept A's genre"
    assert all(i["year"] < 1990 for i in older["items"]), [i["year"] for i in older["items"]]

    # 4. A: a like on B's list.
    liked = older["items"][0]["id"]
    after_like = api_call(a, "feedback", liked, "like", token)
    assert disliked not in ids(after_like)

    # 5. kill -9 A in the middle of a turn ("more like this one": it keeps the genre and the era,
    # so what follows holds whether or not A saved this turn before it died).
    outcome: dict[str, object] = {}
    reference = after_like["items"][1]["id"]

    def in_flight() -> None:
        try:
            outcome["answer"] = api_call(a, "feedback", reference, "more_like", token, timeout_s=60)
        except (urllib.error.URLError, http.client.HTTPException, OSError, RuntimeError) as exc:  # A died
            outcome["error"] = exc

    caller = threading.Thread(target=in_flight)
    caller.start()
    time.sleep(0.05)
    cluster.kill_replica(0)
    caller.join(60)
    assert not caller.is_alive()

    # 6. B goes on: the request, the dislike and the like are all there.
    on_b = api_call(b, "chat", "only ones rated above 6", token)
    assert on_b["items"] and disliked not in ids(on_b)
    assert on_b["instruction"]["constraints"]["include_genres"] == ["comedy"]
    assert all(i["year"] < 1990 for i in on_b["items"]), "the era asked on B before the kill still holds"
    store = open_store(cluster.store_url)
    try:
        state = store.load(session_key(token))
        assert state.disliked_ids == [disliked] and liked in state.liked_ids
        said = [t.text for t in state.turns if t.role == "user"]
        assert said[0] == "a few comedies from the 90s" and "older ones" in said
        assert said[-1] == "only ones rated above 6"
        events = [(e.item_id, e.kind) for e in store.feedback(session_key(token))]
        assert events[:2] == [(disliked, "dislike"), (liked, "like")]
        assert events[2:] in ([], [(reference, "more_like")]), "the killed turn: logged once, or not at all"
    finally:
        store.close()

    # 7. A again, restarted: it continues where B left off.
    cluster.start_replica(0, timeout_s=400)
    on_restarted = api_call(a, "chat", "newer ones", token)
    assert on_restarted["items"] and disliked not in ids(on_restarted)
    assert on_restarted["instruction"]["constraints"]["include_genres"] == ["comedy"]
    gone = api_call(a, "forget", token)
    assert gone["session"] == ""
    with pytest.raises(RuntimeError, match="Unknown or expired session"):
        api_call(b, "chat", "comedies", token)  # forgotten on A: B refuses the token too
