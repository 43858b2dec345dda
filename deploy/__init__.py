"""The whole deployment on one machine: PostgreSQL, a Chroma server, a model server and app replicas
(`python -m deploy up`; deploy/README.md maps the pieces to several machines).

Near the top of the house: it may import lm (to find the shipped model file) and anything below;
only benchmarks and tests import it, never the product.
"""
