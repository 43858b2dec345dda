"""From an instruction to ranked, explained catalog items: the `Recommender` facade.

May import: chat, lm, catalog, prompts, errors. Imported by: ui, app, evaluation, benchmarks.
  pipeline.py (Recommender: respond / feedback / taste, everything the UI shows),
  types.py (Candidate, Recommendation, TurnResult, RecommenderLike), candidates.py (retrieval),
  score.py (the fast fused scorer), reasons.py (template reasons), diversity.py (MMR, franchise
  caps), collab.py (item-CF), sequential.py (SASRec), feedback.py (Rocchio, genre affinity),
  rank.py (LLMRanker), rank_format.py (its grammars and answer parsers), grounding.py (reasons
  checked against the item), reply.py (reply texts), store.py (SQLite sessions and feedback).
"""
