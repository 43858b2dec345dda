"""The app's named API endpoints, called with gradio_client against a launched app (fake recommender)."""
from __future__ import annotations

import socket

import pytest
from gradio_client import Client

from app import build_app, launch_options
from fakes import FakeRecommender


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def client(tiny_items):
    app = build_app(FakeRecommender(tiny_items), catalog_label="tiny", raise_errors=False)
    port = free_port()
    app.queue().launch(server_name="127.0.0.1", server_port=port, prevent_thread_lock=True,
                       quiet=True, **launch_options())
    try:
        yield Client(f"http://127.0.0.1:{port}/", verbose=False)
    finally:
        app.close()


def test_chat_endpoint_is_stateless_with_a_session_round_trip(client, tiny_items):
    comedies = {i.id for i in tiny_items if "comedy" in i.genres}
    first = client.predict("a few comedies", "", api_name="/chat")
    assert first["items"] and {it["id"] for it in first["items"]} <= comedies
    assert first["instruction"]["constraints"]["include_genres"] == ["comedy"]
    assert first["reply"] and "timings" in first
    top = first["items"][0]["id"]
    after = client.predict(top, "dislike", first["session"], api_name="/feedback")
    assert top not in [it["id"] for it in after["items"]]
    again = client.predict("more comedies", after["session"], api_name="/chat")
    assert top not in [it["id"] for it in again["items"]], "the session carried the dislike"
    fresh = client.predict("more comedies", "", api_name="/chat")
    assert top in [it["id"] for it in fresh["items"]], "no session: nothing carried over"


def test_api_errors_are_short_messages(client):
    with pytest.raises(Exception) as info:
        client.predict("boom", "", api_name="/chat")
    assert "run `make index`" in str(info.value)
    assert "Traceback" not in str(info.value)
    with pytest.raises(Exception) as info:
        client.predict("1", "love", "", api_name="/feedback")
    assert "Unknown feedback" in str(info.value)


def test_wrong_types_and_forged_sessions_get_a_message_over_http(client):
    first = client.predict("a few comedies", "", api_name="/chat")
    assert len(first["session"]) == 43, "the client gets an opaque token"
    for args, expected in [((12345, ""), "message must be text"),
                           (("comedies", '{"session_id": "x"}'), "not one this app issued"),
                           (("comedies", "y" * 100_000), "not one this app issued")]:
        with pytest.raises(Exception) as info:
            client.predict(*args, api_name="/chat")
        assert expected in str(info.value) and "Something went wrong" not in str(info.value)
    with pytest.raises(Exception) as info:
        client.predict(["1"], "like", first["session"], api_name="/feedback")
    assert "item id must be text" in str(info.value)
    gone = client.predict(first["session"], api_name="/forget")
    assert gone["session"] == ""
    with pytest.raises(Exception) as info:
        client.predict("comedies", first["session"], api_name="/chat")
    assert "Unknown or expired session" in str(info.value)
