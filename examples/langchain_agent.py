"""The recommender inside a LangChain program: the catalog as a retriever, the recommender as tools
an agent calls (integrations/langchain.py). Runs offline:

    .venv/bin/python examples/langchain_agent.py "a few 90s comedies under 100 minutes"

The chat model here is a scripted stand-in (a plain function as a Runnable: recommend, then ask why
the first pick, then answer), so the example needs no network and no weights. A real agent binds
the same tools to a chat model that calls tools, e.g. `ChatOpenAI(base_url=...).bind_tools(tools)`,
and passes it to `run_tool_loop` instead. The first run builds the catalog index (a few minutes on
2 cores), as the app does.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

for _key, _value in {"HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "ANONYMIZED_TELEMETRY": "False",
                     "TOKENIZERS_PARALLELISM": "false"}.items():
    os.environ.setdefault(_key, _value)  # before anything imports huggingface_hub
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from anywhere

from langchain_core.messages import AIMessage, BaseMessage, HumanMessage, ToolMessage  # noqa: E402
from langchain_core.runnables import RunnableLambda  # noqa: E402

from integrations.langchain import CatalogRetriever, RecommenderTools, run_tool_loop  # noqa: E402


def scripted_model(request: str) -> RunnableLambda:
    """Stands in for a tool-calling chat model: it reads the tool results in the conversation."""

    def answer(messages: list[BaseMessage]) -> AIMessage:
        results = [m for m in messages if isinstance(m, ToolMessage)]
        if not results:
            return AIMessage("", tool_calls=[{"name": "recommend", "args": {"request": request, "k": 3},
                                              "id": "call_1", "type": "tool_call"}])
        picks = json.loads(results[0].content)["items"] if results[0].status == "success" else []
        if not picks:
            return AIMessage(f"I found nothing for that: {results[0].content}")
        if len(results) == 1:
            return AIMessage("", tool_calls=[{"name": "explain", "args": {"item_id": picks[0]["id"], "question": "why"},
                                              "id": "call_2", "type": "tool_call"}])
        titles = "; ".join(f"{p['title']} ({p['year']})" for p in picks)
        return AIMessage(f"My picks: {titles}. {json.loads(results[1].content)['reply']}")

    return RunnableLambda(answer)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description="A LangChain agent that calls the recommender's tools (offline).")
    p.add_argument("request", nargs="?", default="a few 90s comedies under 100 minutes")
    p.add_argument("--catalog", default="movielens", help="catalog name or a .csv/.jsonl path")
    p.add_argument("--data-dir", default=None, help="data folder (default: $RECSYS_DATA_DIR or ./data)")
    args = p.parse_args(argv)

    from errors import RecsysError
    from recommender.pipeline import Recommender

    try:
        recommender = Recommender.create(catalog=args.catalog, llm="off", data_dir=args.data_dir)
    except RecsysError as exc:
        print(f"Cannot start: {exc}", file=sys.stderr)
        return 1

    print("Retriever (the catalog's Chroma index as LangChain Documents):")
    for doc in CatalogRetriever(index=recommender.index, k=3).invoke(args.request):
        meta = doc.metadata
        print(f"  {meta['id']:>5}  {meta['title']} ({meta['year']})  {', '.join(meta['genres'])}  "
              f"similarity {meta['score']:.2f}")

    print("\nAgent (tool calls and their results):")
    tools = RecommenderTools(recommender).tools()
    exchange = run_tool_loop(scripted_model(args.request), tools, [HumanMessage(args.request)])
    for message in exchange[1:]:
        if isinstance(message, AIMessage) and message.tool_calls:
            for call in message.tool_calls:
                print(f"  -> {call['name']}({json.dumps(call['args'], ensure_ascii=False)})")
        elif isinstance(message, ToolMessage):
            print(f"  <- {message.content}")
        else:
            print(f"\nAnswer: {message.content}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
