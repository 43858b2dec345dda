"""The catalog layer: items, loaders, the vector index and search.

May import: errors (nothing else of the project). Imported by: chat, recommender, ui, evaluation.
Modules (import what you need; importing this package loads nothing):
  item.py (Item), filters.py (Filters), catalog.py (Catalog), loaders.py (load_catalog,
  CATALOG_LOADERS), movielens.py (the MovieLens + IMDb join), genres.py (the genre vocabulary), validate.py (CatalogError), interactions.py (load_interactions,
  user_sequences), embed.py (MiniLMEmbedder, FakeEmbedder), index.py (build_index),
  search.py (open_index, CatalogIndex, Hit, filters_to_where), paths.py (data_dir).
See catalog/README.md for the file format of your own catalog.
"""
