"""The structured instruction of one turn, in InstructRec's terms.

InstructRec (Zhang et al., 2023) phrases every recommendation request as an instruction made
of a *preference* (none / implicit: items from history and likes / explicit: a stated taste),
an *intention* (none / vague / specific) and a *task form* (rank given candidates or retrieve
from the whole catalog). We add the hard constraints, resolved reference items and the
dialogue action of the turn, so the rest of the system never has to re-read the raw text.

Example: "a few 90s comedies, nothing too long" ->
  Instruction(action="new", intention=Intention(kind="specific", text="90s comedies"),
              constraints=Filters(include_genres=["comedy"], min_year=1990, max_year=1999,
                                  max_runtime=100), language="en")
"""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from catalog.filters import Filters

Language = Literal["en", "zh"]
Action = Literal["new", "refine", "reset", "feedback", "question", "smalltalk"]
FeedbackKind = Literal["like", "dislike", "more_like"]


class Preference(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kind: Literal["none", "implicit", "explicit"] = "none"
    text: str = ""  # an explicit stated taste, e.g. "I love Pixar films"
    item_ids: list[str] = Field(default_factory=list)  # implicit: history and liked items


class Intention(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kind: Literal["none", "vague", "specific"] = "none"
    text: str = ""  # what is searched for, e.g. "90s comedies" or "something fun for a rainy day"


class FeedbackTarget(BaseModel):
    """Feedback on one item of the last list: by position (1-based) or by catalog id."""

    model_config = ConfigDict(extra="forbid")

    kind: FeedbackKind
    position: int | None = None  # "not #2" -> 2 (1-based, in the last shown list)
    item_id: str | None = None  # filled once the position is resolved, or given directly


class Instruction(BaseModel):
    model_config = ConfigDict(extra="forbid")

    action: Action = "new"
    preference: Preference = Field(default_factory=Preference)
    intention: Intention = Field(default_factory=Intention)
    task: Literal["rank", "retrieve"] = "retrieve"
    constraints: Filters = Field(default_factory=Filters)  # the merged hard constraints in force
    reference_titles: list[str] = Field(default_factory=list)  # "like Toy Story" -> ["Toy Story"]
    reference_ids: list[str] = Field(default_factory=list)  # the titles resolved to catalog ids
    feedback: list[FeedbackTarget] = Field(default_factory=list)
    question_position: int | None = None  # "tell me more about #3" -> 3
    k: int = 8  # how many items to show ("a few" -> 5)
    language: Language = "en"
    notices: list[str] = Field(default_factory=list)  # e.g. "Your message was cut to 2,000 characters."
