"""Typed objects that leave the recommender: candidates, recommendations, turn results."""
from __future__ import annotations

from collections.abc import Iterator
from typing import Literal, Protocol

from pydantic import BaseModel, ConfigDict, Field

from catalog.item import Item
from chat.instruction import Instruction
from chat.state import DialogueState


class Candidate(BaseModel):
    """An item that passed the hard constraints, with the signals that brought it in."""

    model_config = ConfigDict(extra="forbid")

    item: Item
    signals: dict[str, float] = Field(default_factory=dict)  # "semantic", "collab", "liked_sim", ...
    score: float = 0.0  # fused fast score
    # Which item a signal came from, e.g. {"liked": "1", "reference": "50"}: reasons name it.
    evidence: dict[str, str] = Field(default_factory=dict)


class Recommendation(BaseModel):
    model_config = ConfigDict(extra="forbid")

    item: Item
    rank: int  # 1-based
    score: float  # 0..1 for the score bar
    reason: str  # one line, in the user's language
    ranked_by: Literal["fast", "llm"] = "fast"
    reason_by: Literal["template", "model"] = "template"  # who wrote `reason` (the card says so)
    title: str = ""  # the title in the user's language where the catalog knows one (else item.title)


class GenreTaste(BaseModel):
    """What the session says of one genre, in counts a person would use: "you liked 2 comedy
    films, disliked 1". `seen`: the user's earlier items (history) of that genre."""

    model_config = ConfigDict(extra="forbid")

    genre: str  # the catalog's genre key, e.g. "comedy"
    liked: int = 0
    disliked: int = 0
    seen: int = 0


class TurnResult(BaseModel):
    """What one turn produces. A turn yields a "fast" result at once, then maybe a "final" one."""

    model_config = ConfigDict(extra="forbid")

    state: DialogueState
    instruction: Instruction
    recommendations: list[Recommendation] = Field(default_factory=list)
    reply: str = ""
    # fast: the first list; understood: the list again after the language model read the turn
    # differently; llm_partial: reasons and order streaming in; final: the last result of the turn
    stage: Literal["fast", "understood", "llm_partial", "final"] = "final"
    notes: list[str] = Field(default_factory=list)  # visible notes, e.g. "The model timed out ..."
    timings: dict[str, float] = Field(default_factory=dict)  # seconds per stage
    reasons_refused: int = 0  # model reasons the checker refused this turn (their cards keep the template reason)
    # True when a newer turn of the same session started meanwhile: its state is not the latest,
    # so a caller keeping sessions must not store it over the newer one
    superseded: bool = False


class RecommenderLike(Protocol):
    """The facade every interface calls (`recommender.pipeline.Recommender` implements it, and
    `fakes.FakeRecommender` imitates it): everything the UI shows comes from here."""

    catalog_label: str | None  # e.g. "MovieLens-100K + IMDb attributes (1,681 movies)"
    catalog_labels: dict[str, str]  # the same by UI language: {"en": ..., "zh": ...}
    model_label: str | None  # the language model that ranks and explains; None when off

    def respond(self, state: DialogueState, message: str, *, k: int | None = None) -> Iterator[TurnResult]: ...

    def feedback(self, state: DialogueState, item_id: str, kind: str) -> Iterator[TurnResult]: ...

    def explain(self, state: DialogueState, item_id: str, question: str = "why") -> Iterator[TurnResult]: ...

    def new_conversation(self, state: DialogueState) -> DialogueState: ...

    def forget(self, state: DialogueState) -> DialogueState: ...

    def taste(self, state: DialogueState) -> list[GenreTaste]: ...

    def item_title(self, item_id: str, lang: str = "en") -> str: ...
