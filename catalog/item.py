"""The catalog's unit: one recommendable item with typed attributes.

Example: Item(id="1", title="Toy Story", year=1995, genres=("animation", "children's", "comedy"),
runtime=81, rating=8.2, votes=148000, mpaa=None)
"""
from __future__ import annotations

import hashlib
import json

from pydantic import BaseModel, ConfigDict, Field

Scalar = str | int | float | bool | None


class Item(BaseModel):
    """One catalog entry. `id` is the source's own id as a string ("1" is Toy Story in MovieLens)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(min_length=1)
    title: str = Field(min_length=1)
    year: int | None = None
    genres: tuple[str, ...] = ()  # lower-case, e.g. ("comedy", "romance")
    description: str = ""
    runtime: int | None = None  # minutes
    rating: float | None = None  # IMDb-style 0-10
    votes: int | None = None
    mpaa: str | None = None  # "G", "PG", "PG-13", "R", "NC-17"
    budget: int | None = None  # US dollars
    metadata: dict[str, Scalar] = Field(default_factory=dict)

    def display_title(self) -> str:
        return f"{self.title} ({self.year})" if self.year else self.title

    def embedding_text(self) -> str:
        """The text that is embedded for semantic search: title, year, genres, description."""
        parts = [self.display_title()]
        if self.genres:
            parts.append("Genres: " + ", ".join(self.genres) + ".")
        if self.description:
            parts.append(self.description)
        return " ".join(parts)

    def content_hash(self) -> str:
        """Stable hash of everything indexed; a changed hash means re-embed and re-write."""
        payload = json.dumps(self.model_dump(mode="json"), sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]
