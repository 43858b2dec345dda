"""Offline evaluation on MovieLens-100K: `python -m evaluation` (make eval).

On top of the house: may import the product (recommender, chat, lm, catalog, prompts, errors);
imported by nothing.
  split.py (leave-one-out by time, sampled candidates), metrics.py (HR@k, NDCG@k, MRR),
  data.py (the evaluation data), rankers.py (every ranker behind one protocol),
  run.py (the run over users, protocols and seeds), report.py (markdown, JSON, plot),
  __main__.py (the command line).
"""
