"""LangChain adapters: the catalog as a retriever, the recommender as tools an agent can call.

    retriever = CatalogRetriever(index=recommender.index, k=3)
    retriever.invoke("space adventure")          # -> [Document(page_content="Star Wars (1977) …",
                                                 #     metadata={"id": "50", "title": "Star Wars", …})]
    tools = RecommenderTools(recommender).tools()  # recommend, feedback, explain (StructuredTool)
    model.bind_tools(tools)                      # any LangChain chat model that calls tools

A `RecommenderTools` object is one conversation: it keeps the API's session token itself, so the
model never copies a 43-character token between calls (one object per user or per agent run).
The tools answer the model with compact JSON text (id, title, year, genres, runtime, rating,
reason per item) and keep the whole answer as the tool message's `artifact`. A bad argument
(an unknown id, k out of range) comes back to the model as a message it can act on, not an
exception that ends the run.
"""
from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.messages import ToolMessage
from langchain_core.retrievers import BaseRetriever
from langchain_core.tools import StructuredTool, ToolException
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from catalog.filters import Filters
from catalog.item import Item
from chat.instruction import FeedbackKind, QuestionKind
from errors import RecsysError
from recommender.types import RecommenderLike
from ui.controller import ChatController
from ui.limits import MAX_K

AGENT_ITEM_FIELDS = ("id", "title", "year", "genres", "runtime", "rating", "reason")


# ---- the catalog as a retriever ------------------------------------------------------------
def item_document(item: Item, score: float | None = None) -> Document:
    """A catalog item as a LangChain Document: the text that is embedded, and the item's
    attributes as metadata. Example: item_document(toy_story).metadata["id"] -> "1" """
    metadata: dict[str, Any] = {
        "id": item.id, "title": item.title, "year": item.year, "genres": list(item.genres),
        "runtime": item.runtime, "rating": item.rating, "mpaa": item.mpaa,
    }
    if score is not None:
        metadata["score"] = score  # cosine similarity to the query, -1..1
    return Document(page_content=item.embedding_text(), metadata=metadata, id=item.id)


class CatalogRetriever(BaseRetriever):
    """Semantic search over the project's Chroma index of a catalog (`catalog.search.CatalogIndex`,
    or the recommender's cached `recommender.index`), with optional hard filters applied inside
    Chroma. Example:

        CatalogRetriever(index=index, k=5, filters=Filters(include_genres=["comedy"], max_year=1999))
    """

    model_config = ConfigDict(arbitrary_types_allowed=True)

    index: Any  # search(text, filters, k) -> [Hit], and .catalog
    k: int = Field(default=5, ge=1, le=100)
    filters: Filters | None = None

    def _get_relevant_documents(self, query: str, *, run_manager: CallbackManagerForRetrieverRun) -> list[Document]:
        hits = self.index.search(query, self.filters, k=self.k)
        catalog = self.index.catalog
        return [item_document(item, hit.score) for hit in hits if (item := catalog.get(hit.item_id)) is not None]


# ---- the recommender as tools ----------------------------------------------------------------
class RecommendArgs(BaseModel):
    model_config = ConfigDict(extra="forbid")

    request: str = Field(description="What to watch, in plain words (English or Chinese), with any constraints, "
                                     "e.g. '90s comedies under 100 minutes, no horror'. Refinements such as "
                                     "'older ones' apply to the conversation so far.")
    k: int = Field(default=5, ge=1, le=MAX_K, description=f"How many recommendations to return, 1 to {MAX_K}.")


class FeedbackArgs(BaseModel):
    model_config = ConfigDict(extra="forbid")

    item_id: str = Field(description="The `id` of an item from the last recommendations.")
    kind: FeedbackKind = Field(description="like, dislike, or more_like (more items like this one).")


class ExplainArgs(BaseModel):
    model_config = ConfigDict(extra="forbid")

    item_id: str = Field(description="A catalog `id`, e.g. from the last recommendations.")
    question: QuestionKind = Field(default="why", description="What to ask: why (its reason in this conversation), "
                                                              "what, runtime, year, rating, genre or plot.")


def agent_view(answer: dict[str, Any]) -> str:
    """What the model reads of an API answer: the reply and the items' key facts, as JSON text."""
    items = [{key: item.get(key) for key in AGENT_ITEM_FIELDS} for item in answer.get("items", [])]
    view: dict[str, Any] = {"reply": answer.get("reply", ""), "items": items}
    if answer.get("notes"):
        view["notes"] = answer["notes"]
    return json.dumps(view, ensure_ascii=False)


def _validation_message(error: ValidationError) -> str:
    """A pydantic error as one line the model can act on, e.g. "k: Input should be less than or equal to 8"."""
    return "Invalid arguments: " + "; ".join(
        f"{'.'.join(str(p) for p in e['loc']) or 'input'}: {e['msg']}" for e in error.errors())


class RecommenderTools:
    """The recommender as three LangChain tools over one conversation. `recommender` is a
    `recommender.pipeline.Recommender` (or anything with its interface); the session lives on the
    recommender's side, as for the HTTP and MCP API, and this object holds its token.

    Example: RecommenderTools(Recommender.create("movielens", llm="off")).tools()
    """

    def __init__(self, recommender: RecommenderLike | ChatController) -> None:
        self.api = recommender if isinstance(recommender, ChatController) else ChatController(recommender)
        self.session = ""  # the API's token, set by the first answer

    def _call(self, fn: Callable[..., dict[str, Any]], *args: Any) -> tuple[str, dict[str, Any]]:
        try:
            answer = fn(*args)
        except RecsysError as exc:  # the message says what to send instead: the model reads it
            raise ToolException(str(exc)) from None
        self.session = answer.get("session", self.session)
        return agent_view(answer), answer

    def recommend(self, request: str, k: int = 5) -> tuple[str, dict[str, Any]]:
        return self._call(self.api.api_recommend, request, self.session, k)

    def feedback(self, item_id: str, kind: FeedbackKind) -> tuple[str, dict[str, Any]]:
        if not self.session:
            raise ToolException("There are no recommendations to react to yet: call recommend first.")
        return self._call(self.api.api_feedback, item_id, kind, self.session)

    def explain(self, item_id: str, question: QuestionKind = "why") -> tuple[str, dict[str, Any]]:
        return self._call(self.api.api_explain, item_id, question, self.session)

    def tools(self) -> list[StructuredTool]:
        """recommend, feedback and explain as StructuredTools with typed, validated arguments."""
        common: dict[str, Any] = dict(response_format="content_and_artifact", handle_tool_error=True,
                                      handle_validation_error=_validation_message)
        return [
            StructuredTool.from_function(
                self.recommend, name="recommend", args_schema=RecommendArgs, **common,
                description="Recommend movies from the catalog. Constraints in the request (genres, decades, "
                            "runtime, rating, age rating, 'like <a film>') are hard filters; each item has an "
                            "`id` for feedback and explain, and a one-line reason."),
            StructuredTool.from_function(
                self.feedback, name="feedback", args_schema=FeedbackArgs, **common,
                description="React to one recommended item; returns the updated list (a disliked item "
                            "never comes back, a liked one pulls similar items up)."),
            StructuredTool.from_function(
                self.explain, name="explain", args_schema=ExplainArgs, **common,
                description="Answer a question about one catalog item from the catalog's facts "
                            "(why it was recommended, runtime, year, rating, genres, what it is)."),
        ]


# ---- the smallest agent loop -------------------------------------------------------------------
def run_tool_loop(model: Any, tools: list[StructuredTool], messages: list[Any], *, max_steps: int = 6) -> list[Any]:
    """Ask `model` (a chat model with the tools bound: `llm.bind_tools(tools)`), run every tool call
    it makes, hand the results back, until it answers without a tool call or `max_steps` model calls
    were made. Returns the whole exchange. langchain-core has no agent executor; LangChain's
    `create_agent` or LangGraph run the same loop with more options.

    Example: run_tool_loop(llm.bind_tools(tools), tools, [HumanMessage("a few 90s comedies")])[-1].content
    """
    by_name = {tool.name: tool for tool in tools}
    messages = list(messages)
    for _ in range(max_steps):
        answer = model.invoke(messages)
        messages.append(answer)
        if not getattr(answer, "tool_calls", None):
            break
        for call in answer.tool_calls:
            tool = by_name.get(call["name"])
            if tool is None:
                messages.append(ToolMessage(f"No tool named {call['name']!r}: use one of {', '.join(by_name)}.",
                                            tool_call_id=call["id"], status="error"))
                continue
            messages.append(tool.invoke({**call, "type": "tool_call"}))
    return messages
