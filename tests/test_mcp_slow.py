"""The real app as an MCP server: `python app.py --llm off` (MovieLens, real MiniLM, real Chroma, on a
copy of the test run's MovieLens index), called by the `mcp` client as an agent host would."""
from __future__ import annotations

import pytest

from benchmarks.load import free_port, private_data_dir, start_app, stop_app
from tests.test_mcp import McpCalls

pytestmark = [pytest.mark.slow, pytest.mark.data]
pytest.importorskip("mcp", reason="needs the `mcp` package: pip install -r requirements.txt")


@pytest.fixture(scope="module")
def agent(tmp_path_factory, movielens_data):
    folder = tmp_path_factory.mktemp("mcp_app")
    port = free_port()
    proc = start_app(private_data_dir(folder / "data", movielens_data), port, log=folder / "app.log")
    try:
        yield McpCalls(f"http://127.0.0.1:{port}/gradio_api/mcp/")
    finally:
        stop_app(proc)


def test_tools_of_the_real_app(agent):
    assert set(agent.tools()) == {"recommend", "feedback", "explain"}


def test_recommendations_respect_constraints_and_feedback_changes_the_next_list(agent):
    first = agent.ok("recommend", request="90s comedies under 100 minutes", k=5)
    items = first["items"]
    assert len(items) == 5
    for it in items:
        assert "comedy" in it["genres"] and 1990 <= it["year"] <= 1999 and it["runtime"] <= 100, it
        assert it["id"] and it["reason"]
    top = items[0]["id"]
    after = agent.ok("feedback", item_id=top, kind="dislike", session=first["session"])
    assert top not in [it["id"] for it in after["items"]]
    again = agent.ok("recommend", request="more like those", session=first["session"], k=8)
    assert again["items"] and top not in [it["id"] for it in again["items"]]
    for it in again["items"]:  # the constraints carried over in the session
        assert "comedy" in it["genres"] and 1990 <= it["year"] <= 1999 and it["runtime"] <= 100, it

    shown = again["items"][1]  # in the session's last list: "why" gives the reason on its card
    why = agent.ok("explain", item_id=shown["id"], question="why", session=again["session"])
    assert shown["reason"].rstrip(".") in why["reply"]
    assert [it["id"] for it in why["items"]] == [it["id"] for it in again["items"]], "the list stays"
    runtime = agent.ok("explain", item_id=shown["id"], question="runtime", session=again["session"])
    assert f"{shown['runtime']} minutes" in runtime["reply"]


def test_bad_input_gets_a_clear_message(agent):
    issued_elsewhere = "A" * 43  # the shape of a token, never issued by this server
    assert "Unknown or expired session" in agent.error("recommend", request="comedies", session=issued_elsewhere)
    assert "from 1 to 8" in agent.error("recommend", request="comedies", k=20)
    assert "No item '999999'" in agent.error("explain", item_id="999999", question="what")
    first = agent.ok("recommend", request="a western", k=1)
    assert "No item '999999'" in agent.error("feedback", item_id="999999", kind="like", session=first["session"])
