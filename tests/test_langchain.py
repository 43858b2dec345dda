"""LangChain: the catalog as a retriever, the recommender as tools, and an agent loop that calls them.

The real pipeline (rule parser, real Chroma with the FakeEmbedder) on the 27-movie test catalog;
the chat model is langchain-core's FakeMessagesListChatModel replaying scripted tool calls, so no
network and no weights (tests/test_langchain_slow.py runs the example on MovieLens)."""
from __future__ import annotations

import json

import pytest
from langchain_core.documents import Document
from langchain_core.language_models.fake_chat_models import FakeMessagesListChatModel
from langchain_core.messages import AIMessage, HumanMessage, ToolMessage

from catalog.filters import Filters
from chat.parser import RuleRewriter
from integrations.langchain import CatalogRetriever, RecommenderTools, run_tool_loop
from recommender.pipeline import Recommender


@pytest.fixture
def tools(catalog, index):
    return RecommenderTools(Recommender(catalog, index, rewriter=RuleRewriter(), store=None))


def call(name: str, args: dict, n: int = 1) -> dict:
    return {"name": name, "args": args, "id": f"call_{n}", "type": "tool_call"}


def test_retriever_returns_catalog_documents_with_metadata(index, catalog):
    docs = CatalogRetriever(index=index, k=3).invoke("Toy Story")
    assert len(docs) == 3 and all(isinstance(d, Document) for d in docs)
    assert docs[0].metadata["id"] == "1" and docs[0].metadata["title"] == "Toy Story"
    for doc in docs:
        item = catalog.get(doc.metadata["id"])
        assert doc.metadata["year"] == item.year and doc.metadata["genres"] == list(item.genres)
        assert item.title in doc.page_content and -1 <= doc.metadata["score"] <= 1
    scores = [d.metadata["score"] for d in docs]
    assert scores == sorted(scores, reverse=True)


def test_retriever_filters_are_hard(index, catalog):
    docs = CatalogRetriever(index=index, k=10, filters=Filters(include_genres=["comedy"], max_year=1995)).invoke(
        "a funny film")
    assert docs
    for doc in docs:
        assert "comedy" in doc.metadata["genres"] and doc.metadata["year"] <= 1995


def test_recommend_tool_takes_a_structured_call(tools, catalog):
    recommend = {t.name: t for t in tools.tools()}["recommend"]
    assert set(recommend.args) == {"request", "k"}
    message = recommend.invoke(call("recommend", {"request": "a few comedies from the 90s", "k": 3}))
    assert isinstance(message, ToolMessage) and message.status == "success"
    items = json.loads(message.content)["items"]
    assert len(items) == 3
    for it in items:
        film = catalog.get(it["id"])
        assert "comedy" in film.genres and 1990 <= film.year <= 1999 and it["reason"]
    assert message.artifact["session"] == tools.session, "the full answer rides along; the token stays here"


def test_feedback_and_explain_continue_the_same_conversation(tools, catalog):
    by_name = {t.name: t for t in tools.tools()}
    first = json.loads(by_name["recommend"].invoke(call("recommend", {"request": "comedies", "k": 5})).content)
    top = first["items"][0]["id"]
    after = json.loads(by_name["feedback"].invoke(call("feedback", {"item_id": top, "kind": "dislike"})).content)
    assert top not in [it["id"] for it in after["items"]]
    shown = after["items"][0]
    answer = json.loads(by_name["explain"].invoke(
        call("explain", {"item_id": shown["id"], "question": "runtime"})).content)
    assert str(catalog.get(shown["id"]).runtime) in answer["reply"]


@pytest.mark.parametrize("name, args, expected", [
    ("recommend", {"request": "comedies", "k": 20}, "k: Input should be less than or equal to 8"),
    ("recommend", {"request": "   "}, "request is empty"),
    ("feedback", {"item_id": "1", "kind": "love"}, "kind: Input should be"),
    ("feedback", {"item_id": "1", "kind": "like"}, "call recommend first"),
    ("explain", {"item_id": "no-such-film"}, "No item 'no-such-film'"),
])
def test_bad_arguments_come_back_to_the_model_as_messages(tools, name, args, expected):
    tool = {t.name: t for t in tools.tools()}[name]
    message = tool.invoke(call(name, args))
    assert message.status == "error" and expected in message.content, message.content
    assert "Traceback" not in message.content


def test_an_agent_loop_calls_the_tools_and_recovers_from_a_bad_call(tools, catalog):
    """A scripted model: a call with k out of range, the corrected call, then its answer."""
    model = FakeMessagesListChatModel(responses=[
        AIMessage("", tool_calls=[call("recommend", {"request": "90s comedies", "k": 12}, 1)]),
        AIMessage("", tool_calls=[call("recommend", {"request": "90s comedies", "k": 3}, 2)]),
        AIMessage("Here are three 90s comedies."),
    ])
    exchange = run_tool_loop(model, tools.tools(), [HumanMessage("Suggest three 90s comedies")])
    results = [m for m in exchange if isinstance(m, ToolMessage)]
    assert [m.tool_call_id for m in results] == ["call_1", "call_2"]
    assert results[0].status == "error" and "less than or equal to 8" in results[0].content
    items = json.loads(results[1].content)["items"]
    assert len(items) == 3 and all("comedy" in catalog.get(it["id"]).genres for it in items)
    assert exchange[-1].content == "Here are three 90s comedies."
