"""Benchmark scripts that print figures (medians over runs, ratios against a baseline run in the same
process): `python benchmarks/bench_pipeline.py`, ... On top of the house: may import everything,
imported by nothing.
"""
