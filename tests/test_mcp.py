"""The app as an MCP server: an MCP client (the `mcp` package, Streamable HTTP) lists and calls the
tools of a launched app (fake recommender on the 27-movie test catalog; tests/test_mcp_slow.py runs
the real app on MovieLens)."""
from __future__ import annotations

import asyncio
import json
import socket
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import pytest
from gradio_client import Client

from app import MCP_TOOLS, build_app, launch_options, mcp_options
from catalog.item import Item
from fakes import FakeRecommender

mcp = pytest.importorskip("mcp", reason="needs the `mcp` package: pip install -r requirements.txt")
from mcp import ClientSession  # noqa: E402
from mcp.client.streamable_http import streamablehttp_client  # noqa: E402


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class McpCalls:
    """Synchronous helpers over one MCP client session per call (what an agent host does)."""

    def __init__(self, url: str) -> None:
        self.url = url

    async def _session(self, work):
        async with streamablehttp_client(self.url) as (read, write, _):
            async with ClientSession(read, write) as session:
                await session.initialize()
                return await work(session)

    def tools(self) -> dict[str, Any]:
        listed = asyncio.run(self._session(lambda s: s.list_tools()))
        return {t.name: t for t in listed.tools}

    def call(self, name: str, **arguments: Any) -> tuple[bool, str]:
        """(is_error, text) of one tool call."""
        result = asyncio.run(self._session(lambda s: s.call_tool(name, arguments)))
        return bool(result.isError), "".join(c.text for c in result.content if c.type == "text")

    def ok(self, name: str, **arguments: Any) -> dict[str, Any]:
        is_error, text = self.call(name, **arguments)
        assert not is_error, f"{name}({arguments}) failed: {text}"
        return json.loads(text)  # JSON text, not a Python repr

    def error(self, name: str, **arguments: Any) -> str:
        is_error, text = self.call(name, **arguments)
        assert is_error, f"{name}({arguments}) should have failed, got {text[:300]}"
        assert "Traceback" not in text and "Something went wrong" not in text, text
        return text


def launch(items, **mcp_kwargs):
    app = build_app(FakeRecommender(items), catalog_label="tiny", raise_errors=False)
    port = free_port()
    app.queue().launch(server_name="127.0.0.1", server_port=port, prevent_thread_lock=True, quiet=True,
                       **launch_options(), **mcp_options(**mcp_kwargs))
    return app, f"http://127.0.0.1:{port}"


@pytest.fixture(scope="module")
def server():
    data = Path(__file__).parent / "data" / "tiny_movies.jsonl"
    items = [Item(**json.loads(line)) for line in data.read_text(encoding="utf-8").splitlines()]
    app, url = launch(items)
    try:
        yield url, items
    finally:
        app.close()


@pytest.fixture
def agent(server):
    return McpCalls(server[0] + "/gradio_api/mcp/")


def test_only_the_three_tools_with_typed_documented_parameters(agent):
    tools = agent.tools()
    assert set(tools) == set(MCP_TOOLS) == {"recommend", "feedback", "explain"}
    for tool in tools.values():
        assert len(tool.description) > 60, tool.name
        for name, schema in tool.inputSchema["properties"].items():
            assert schema.get("description"), f"{tool.name}.{name} has no description"
    rec = tools["recommend"].inputSchema
    assert rec["required"] == ["request"]
    assert rec["properties"]["k"]["type"] == "integer" and rec["properties"]["k"]["default"] == 5
    assert tools["feedback"].inputSchema["properties"]["kind"]["enum"] == ["like", "dislike", "more_like"]
    assert set(tools["feedback"].inputSchema["required"]) == {"item_id", "kind", "session"}
    assert "runtime" in tools["explain"].inputSchema["properties"]["question"]["enum"]


def test_recommend_feedback_explain_in_one_session(agent, server):
    _, items = server
    comedies = {i.id for i in items if "comedy" in i.genres}
    first = agent.ok("recommend", request="a few comedies", k=3)
    assert len(first["items"]) == 3 and {it["id"] for it in first["items"]} <= comedies
    assert len(first["session"]) == 43
    top = first["items"][0]["id"]
    after = agent.ok("feedback", item_id=top, kind="dislike", session=first["session"])
    assert after["session"] == first["session"]
    assert top not in [it["id"] for it in after["items"]]
    again = agent.ok("recommend", request="more comedies", session=first["session"], k=8)
    assert again["items"] and top not in [it["id"] for it in again["items"]], "the dislike carried over"
    fresh = agent.ok("recommend", request="more comedies", k=8)
    assert top in [it["id"] for it in fresh["items"]], "a new session carries nothing over"
    shown = again["items"][0]
    answer = agent.ok("explain", item_id=shown["id"], session=again["session"])
    assert shown["title"] in answer["reply"] and "on your list" in answer["reply"]


def test_bad_input_gets_a_message_not_a_traceback(agent):
    first = agent.ok("recommend", request="comedies")
    assert "from 1 to 8" in agent.error("recommend", request="comedies", k=30)
    assert "from 1 to 8" in agent.error("recommend", request="comedies", k=0)
    assert "empty" in agent.error("recommend", request="   ")
    assert "not one this app issued" in agent.error("recommend", request="comedies", session="my-session")
    assert "not one this app issued" in agent.error("feedback", item_id="1", kind="like", session="abc")
    assert "needs the `session`" in agent.error("feedback", item_id="1", kind="like", session="")
    assert "No item 'nope'" in agent.error("feedback", item_id="nope", kind="like", session=first["session"])
    assert "like" in agent.error("feedback", item_id="1", kind="love", session=first["session"])
    assert "No item '99999'" in agent.error("explain", item_id="99999")
    assert "'budget' is not one of" in agent.error("explain", item_id="1", question="budget")
    forgotten = Client(agent.url.removesuffix("gradio_api/mcp/"), verbose=False).predict(
        first["session"], api_name="/forget")
    assert forgotten["session"] == ""
    assert "Unknown or expired session" in agent.error("recommend", request="comedies", session=first["session"])
    assert "Unknown tool" in agent.error("chat", message="comedies"), "/chat is not an MCP tool"


def test_http_api_keeps_its_endpoints(server):
    """The MCP tools are API endpoints too; /chat, /new and /forget stay callable by name."""
    client = Client(server[0] + "/", verbose=False)
    first = client.predict(message="a few comedies", api_name="/chat")
    top = client.predict(request="a few comedies", session=first["session"], k=2, api_name="/recommend")
    assert len(top["items"]) == 2 and top["session"] == first["session"]
    assert client.predict(first["session"], api_name="/new")["session"] == first["session"]


def test_mcp_off(tiny_items):
    app, url = launch(tiny_items, enabled=False)
    try:
        with pytest.raises(urllib.error.HTTPError) as info:
            urllib.request.urlopen(url + "/gradio_api/mcp/", timeout=10)
        assert info.value.code == 404
    finally:
        app.close()
