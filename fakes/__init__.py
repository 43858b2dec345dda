"""Test doubles in one place, for the tests and the benchmarks: no weights, instant, deterministic.

    FakeLLM          replays queued answers and records the prompts it got (lm/fake.py; also
                     `--llm fake`)
    FakeEmbedder     hashed words and character trigrams -> unit vectors (catalog/embed.py; also
                     `python -m catalog.index --fake-embedder`)
    FakeRecommender  a tiny rule-based stand-in for `recommender.pipeline.Recommender` with the
                     same contract: respond/feedback yield a "fast" result, optionally
                     "llm_partial", then a "final" one; disliked items never come back; likes move
                     same-genre items up.

Sits above `recommender` in the layers (it imitates the facade); may import recommender, chat, lm,
catalog, errors; imported by tests and benchmarks only, never by product code (.importlinter).
"""
from __future__ import annotations

from collections.abc import Iterator

from catalog.embed import FakeEmbedder
from catalog.filters import Filters
from catalog.item import Item
from chat.instruction import FEEDBACK_KINDS, QUESTION_KINDS, Instruction, Intention
from chat.state import DialogueState, Turn
from errors import IndexUnavailable, InvalidRequest
from lm.fake import GARBAGE, FakeLLM
from recommender.feedback import genre_counts
from recommender.types import GenreTaste, Recommendation, TurnResult

__all__ = ["GARBAGE", "FakeEmbedder", "FakeLLM", "FakeRecommender"]


class FakeRecommender:
    """A tiny rule-based stand-in for `recommender.pipeline.Recommender`.

    A message containing "boom" raises the project error a missing index raises, so tests can
    check what the user sees then. Example: FakeRecommender(items, llm_stages=True)
    """

    catalog_label = "Tiny test catalog"
    catalog_labels = {"en": "Tiny test catalog", "zh": "小型测试目录"}

    def __init__(self, items: list[Item], *, llm_stages: bool = False) -> None:
        self.items = items
        self.by_id = {i.id: i for i in items}
        self.llm_stages = llm_stages
        self.model_label = "fake model" if llm_stages else None
        self.forgotten: list[str] = []
        self.calls: list[tuple[str, str]] = []

    def respond(self, state: DialogueState, message: str, *, k: int | None = None) -> Iterator[TurnResult]:
        self.calls.append((state.session_id, message))
        if "boom" in message:
            raise IndexUnavailable("No index for catalog 'tiny' at data/chroma: run `make index`")
        lang = "zh" if any("\u4e00" <= ch <= "\u9fff" for ch in message) else "en"
        genres = ["comedy"] if ("comed" in message or "喜剧" in message) else []
        instruction = Instruction(language=lang, intention=Intention(kind="specific", text=message),
                                  constraints=Filters(include_genres=genres, exclude_ids=list(state.disliked_ids)),
                                  k=k or 5)
        state = state.model_copy(update={
            "instruction": instruction, "constraints": instruction.constraints, "language": lang,
            "turns": state.turns + [Turn(role="user", text=message)]})
        # Like the real replies (recommender/reply.py): built from the instruction, never the message pasted back
        if lang == "zh":
            reply = "这里有几部喜剧影片。" if genres else "这里有几部影片。"
        else:
            reply = "Here are some picks (comedy)." if genres else "Here are some picks."
        yield from self._list(state, instruction, reply)

    def feedback(self, state: DialogueState, item_id: str, kind: str) -> Iterator[TurnResult]:
        if kind not in FEEDBACK_KINDS:
            raise InvalidRequest(f"Unknown feedback {kind!r}: use one of {', '.join(FEEDBACK_KINDS)}")
        if item_id not in self.by_id:
            raise InvalidRequest(f"No item {item_id!r} in this catalog")
        if kind == "dislike":
            state = state.model_copy(update={"disliked_ids": state.disliked_ids + [item_id]})
        else:
            state = state.model_copy(update={"liked_ids": state.liked_ids + [item_id]})
        base = state.instruction or Instruction(k=5)
        constraints = base.constraints.model_copy(update={"exclude_ids": list(state.disliked_ids)})
        instruction = base.model_copy(update={"action": "feedback", "constraints": constraints})
        yield from self._list(state.model_copy(update={"instruction": instruction}), instruction,
                              "记下了。" if state.language == "zh" else "Noted.")

    def explain(self, state: DialogueState, item_id: str, question: str = "why") -> Iterator[TurnResult]:
        """The item's year and genres (and its card's reason when it is in the session's list)."""
        if question not in QUESTION_KINDS:
            raise InvalidRequest(f"Unknown question {question!r}: use one of {', '.join(QUESTION_KINDS)}")
        item = self.by_id.get(item_id)
        if item is None:
            raise InvalidRequest(f"No item {item_id!r} in this catalog")
        why = f" It is on your list because it is a {item.year} film." if item_id in state.last_list else ""
        reply = f"{item.display_title()}: {', '.join(item.genres)}.{why}"
        instruction = Instruction(action="question", question=question, question_item_id=item_id,  # type: ignore[arg-type]
                                  language=state.language)
        state = state.model_copy(update={"focus_id": item_id})
        yield TurnResult(state=state, instruction=instruction, reply=reply, stage="final")

    def _list(self, state: DialogueState, instruction: Instruction, reply: str) -> Iterator[TurnResult]:
        liked = {g for i in state.liked_ids for g in self.by_id[i].genres}
        pool = [i for i in self.items if instruction.constraints.allows(i) and i.id not in state.disliked_ids]
        pool.sort(key=lambda i: -((i.rating or 0) / 10 + len(liked & set(i.genres))))
        top = pool[: instruction.k]
        recs = [Recommendation(item=i, rank=n, score=1 - n / 10, reason=f"A {i.year} film.")
                for n, i in enumerate(top, 1)]
        state = state.model_copy(update={"last_list": [r.item.id for r in recs],
                                         "shown_ids": state.shown_ids + [r.item.id for r in recs]})
        common = dict(state=state, instruction=instruction, reply=reply, timings={"parse": 0.001})
        yield TurnResult(recommendations=recs, stage="fast", **common)
        if self.llm_stages:
            llm = [r.model_copy(update={"rank": n, "ranked_by": "llm", "reason": "LLM says so."})
                   for n, r in enumerate(reversed(recs), 1)]
            yield TurnResult(recommendations=llm[:1] + recs[1:], stage="llm_partial", **common)
            yield TurnResult(recommendations=llm, stage="final", notes=["ranked by fake"], **common)
        else:
            yield TurnResult(recommendations=recs, stage="final", **common)

    def new_conversation(self, state: DialogueState) -> DialogueState:
        return DialogueState(session_id=state.session_id, language=state.language)

    def forget(self, state: DialogueState) -> DialogueState:
        self.forgotten.append(state.session_id)
        return DialogueState(language=state.language)

    def taste(self, state: DialogueState) -> list[GenreTaste]:
        """Liked / disliked / seen counts per genre (the facade's own function on the fake catalog)."""
        return genre_counts(state, self.by_id)

    def item_title(self, item_id: str, lang: str = "en") -> str:
        item = self.by_id.get(item_id)
        return item.display_title() if item is not None else f"item {item_id}"


class NoVectorIndex:
    """A candidate index that finds nothing by vectors: for catalogs whose candidates come from code
    (a people filter brings every item that passes it), so a test needs no Chroma or embedder."""

    def embed_query(self, text: str) -> list[float]:
        return [0.0]

    def search_by_vector(self, vec, filters=None, k: int = 10) -> list:
        return []

    def similar_to(self, ids, filters=None, k: int = 10) -> list:
        return []

    def vectors(self, ids) -> dict:
        return {}
