"""The recommender in other people's frameworks: LangChain (`integrations.langchain`: the catalog as
a retriever, the recommender as tools an agent calls). The MCP server is the app itself (app.py).

Sits above `ui` in the layers, beside `evaluation`: it may import ui (the API's controller and
session tokens), recommender, chat, lm, catalog, prompts and errors; nothing in the product imports
it, and it never imports evaluation, benchmarks or fakes (.importlinter).
"""
