"""Hard constraints on items, shared by the instruction layer and retrieval.

Search applies them in numpy over the whole catalog before ranking (`catalog.prefilter`), or
inside Chroma as a `where` clause (`catalog.search`, strategy "where"); `Filters.allows` checks one
item in Python, which tests and the ranker use to prove nothing slips through.
Example: Filters(include_genres=["comedy"], min_year=1990, max_year=1999, max_runtime=100)
"""
from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from catalog.item import Item


# Columns of a catalog that name people, in the order answers use them.
PEOPLE_BY_ROLE = {"director": ("director", "directors", "directed_by"), "cast": ("cast", "actors", "stars", "starring"),
                  "author": ("author", "authors")}
PEOPLE_FIELDS = tuple(f for fields in PEOPLE_BY_ROLE.values() for f in fields)


class Filters(BaseModel):
    model_config = ConfigDict(extra="forbid")

    include_genres: list[str] = Field(default_factory=list)  # every one must be present
    exclude_genres: list[str] = Field(default_factory=list)  # none may be present
    min_year: int | None = None
    max_year: int | None = None
    max_runtime: int | None = None  # minutes; items with unknown runtime are excluded
    min_rating: float | None = None  # 0-10; items with unknown rating are excluded
    mpaa: list[str] = Field(default_factory=list)  # allowed ratings; empty = any
    exclude_ids: list[str] = Field(default_factory=list)
    # Names that must appear in the item's people columns (PEOPLE_FIELDS of a user's catalog, e.g.
    # "director", "cast"); checked in code, not in Chroma (a substring test).
    people: list[str] = Field(default_factory=list)

    def is_empty(self) -> bool:
        return self == Filters()

    def allows(self, item: Item) -> bool:
        """True when `item` satisfies every constraint (the same semantics as the Chroma where)."""
        genres = set(item.genres)
        if any(g not in genres for g in self.include_genres):
            return False
        if any(g in genres for g in self.exclude_genres):
            return False
        if self.min_year is not None and (item.year is None or item.year < self.min_year):
            return False
        if self.max_year is not None and (item.year is None or item.year > self.max_year):
            return False
        if self.max_runtime is not None and (item.runtime is None or item.runtime > self.max_runtime):
            return False
        if self.min_rating is not None and (item.rating is None or item.rating < self.min_rating):
            return False
        if self.mpaa and item.mpaa not in self.mpaa:
            return False
        if self.people:
            text = " ".join(str(item.metadata.get(k, "")) for k in PEOPLE_FIELDS).lower()
            if not all(name.lower() in text for name in self.people):
                return False
        return item.id not in set(self.exclude_ids)
