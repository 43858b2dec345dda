"""The whole deployment on one machine: PostgreSQL, a Chroma server, a model server and app replicas
(`python -m deploy up`; deploy/README.md maps the pieces to several machines)."""
