"""Per-session dialogue state. Never mutated in place: update functions return a new state.

It lives in the browser session (`gr.State`) or in the CLI loop, and serialises to JSON so a
session can be stored in SQLite and restored after a restart.
"""
from __future__ import annotations

import uuid
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from catalog.filters import Filters
from chat.instruction import Instruction, Language


class Turn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    role: Literal["user", "assistant"]
    text: str


class DialogueState(BaseModel):
    model_config = ConfigDict(extra="forbid")

    session_id: str = Field(default_factory=lambda: uuid.uuid4().hex)
    turns: list[Turn] = Field(default_factory=list)
    constraints: Filters = Field(default_factory=Filters)  # accumulated hard constraints
    intention_text: str = ""  # the intention in force (kept across refinements)
    preference_text: str = ""  # an explicit stated taste, kept until reset
    reference_ids: list[str] = Field(default_factory=list)
    history_ids: list[str] = Field(default_factory=list)  # e.g. a MovieLens user's past items
    liked_ids: list[str] = Field(default_factory=list)
    disliked_ids: list[str] = Field(default_factory=list)
    shown_ids: list[str] = Field(default_factory=list)  # every item shown in this session
    last_list: list[str] = Field(default_factory=list)  # ids of the last list, in rank order
    instruction: Instruction | None = None  # the instruction of the last turn
    language: Language = "en"

    def to_json(self) -> str:
        return self.model_dump_json()

    @classmethod
    def from_json(cls, text: str) -> "DialogueState":
        return cls.model_validate_json(text)
