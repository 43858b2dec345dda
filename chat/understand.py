"""Hybrid understanding: the rules read every turn at once; the language model is asked about the
parts of a turn where language matters and the rules are unsure.

Two questions can be put to the model, each small and constrained by a grammar:
- films the message names (titles the rules resolved to catalog ids): did the user love, hate or
  just watch each one, or do they want films like it? (`chat.opinions.OpinionReader`, ~1 s warm on
  2 CPU cores). The rules then read the turn again with those opinions.
- a wish said in words the rules could not map to any genre or mood ("something to watch while
  folding laundry", "适合一个人安静看的电影"), or a film named as a reference that the catalog lacks
  ("something like Ghostbusters", "类似《大话西游》的"): which of the catalog's genres fit it and which
  clash (`chat.leanings.LeaningReader`, ~1 s warm); the answer leans the ranking, it never filters.
- words the rules could not account for (`Instruction.unread`), when `rewrite_unread` is on: the
  whole turn rewritten into an Instruction (`chat.rewriter.LLMRewriter`, assisted by the rules'
  reading). Off by default: on the labelled dialogues it changed no outcome for the better and
  cost 4-7 s a turn on 2 cores (see README, "Dialogue understanding").

A model that fails or times out raises `LLMError`; the caller keeps the rules' reading.

May import: chat (lower modules), lm.
"""
from __future__ import annotations

from typing import Any

from chat.instruction import CatalogVocab, Instruction
from chat.leanings import LeaningReader
from chat.opinions import OpinionReader
from chat.state import DialogueState

# Ask the model only about films the rules could not place (see ModelUnderstanding._asked). Chosen on
# the dev dialogues: letting the model overrule a cue the rules had read lowered "like" and "liked"
# there and on test (see README, "Dialogue understanding").
FILL_ONLY = True

# Acts that ask for a list whose wish the model may be asked to place ("something for a rainy day").
_ASKS_FOR_FILMS = ("new", "refine")
# Acts whose named films are not opinions about them: a question about a film, a click-like reaction.
_NOT_ABOUT_OPINIONS = ("question", "feedback", "smalltalk", "unclear", "reset")


def named_films(instruction: Instruction) -> list[tuple[str, str]]:
    """[(item_id, the title as the user wrote it)] of the films a turn names, mentions first."""
    out: dict[str, str] = {m.item_id: m.title for m in [*instruction.mentions, *instruction.unplaced]}
    titles = instruction.reference_titles
    aligned = len(titles) == len(instruction.reference_ids)
    for n, item_id in enumerate(instruction.reference_ids):
        if item_id not in out and aligned and titles[n]:
            out[item_id] = titles[n]
    return [(i, t) for i, t in out.items() if t]


class ModelUnderstanding:
    """What the model is asked about a turn the rules have read (see the module docstring).

    Example:
        u = ModelUnderstanding(RuleRewriter(), OpinionReader(llm))
        if u.wants(first):
            better = u.reread(text, state, vocab, first)  # None: the model agrees with the rules
    """

    name = "llm"

    def __init__(self, rules: Any, opinions: OpinionReader | None = None, rewriter: Any = None, *,
                 rewrite_unread: bool = False, fill_only: bool = FILL_ONLY,
                 leanings: LeaningReader | None = None) -> None:
        self.rules = rules
        self.opinions = opinions
        self.leanings = leanings
        self.rewriter = rewriter
        self.rewrite_unread = rewrite_unread and rewriter is not None
        self.fill_only = fill_only

    def _asked(self, first: Instruction) -> list[tuple[str, str]]:
        """The films to ask the model about: with `fill_only`, only those the rules found but could
        place nowhere (no seen/loved/hated cue, no "like"); else every film the turn names."""
        if self.opinions is None or first.action in _NOT_ABOUT_OPINIONS:
            return []
        named = named_films(first)
        if not self.fill_only:
            return named
        placed = {m.item_id for m in first.mentions} | set(first.reference_ids)
        return [(i, t) for i, t in named if i not in placed]

    def _vague(self, first: Instruction) -> bool:
        """A request whose wish the rules could map to nothing: words left unread, and no genre asked
        for, mood, film, person or feedback read ("something to watch while folding laundry, no horror")."""
        if self.leanings is None or first.action not in _ASKS_FOR_FILMS or not first.unread:
            return False
        i, c = first.intention, first.constraints
        return not (i.genres or i.avoid or i.moods or c.include_genres or first.reference_ids
                    or first.mentions or first.unplaced or first.people or first.feedback or c.people)

    def _unknown_films(self, first: Instruction) -> list[str]:
        """Films named as references that the catalog lacks ("something like Ghostbusters", "类似《大话西游》的"):
        the model is asked which genres such films are, when the request says no genre of its own."""
        if self.leanings is None or first.action not in _ASKS_FOR_FILMS or first.constraints.include_genres:
            return []
        return list(first.unknown_titles)

    def wants(self, first: Instruction) -> bool:
        if self._asked(first) or self._vague(first) or self._unknown_films(first):
            return True
        return self.rewrite_unread and bool(first.unread)

    def warm(self, genres: list[str] | None = None) -> bool:
        ok = self.opinions.warm() if self.opinions is not None else True
        if self.leanings is not None and genres:
            ok = self.leanings.warm(genres) and ok
        if self.rewrite_unread:
            ok = self.rewriter.warm(genres) and ok
        return ok

    def reread(self, text: str, state: DialogueState, vocab: CatalogVocab, first: Instruction) -> Instruction:
        """The turn read again with the model's help (raises `LLMError` when the model fails).
        The result has `rewriter="llm"`; it may equal `first` when the model agrees."""
        named = self._asked(first)
        if self.opinions is not None and named:
            said = self.opinions.read(text, named)
            ruled = {m.item_id: m.opinion for m in first.mentions}
            if any(ruled.get(i) != op and not (op == "similar" and i in first.reference_ids and i not in ruled)
                   for i, op in said.items()):
                reading = self.rules.rewrite(text, state, vocab, opinions=said)
                return reading.model_copy(update={"rewriter": "llm"})
            return first.model_copy(update={"rewriter": "llm"})
        if self._vague(first):
            return self._leaned(text, vocab, first)
        if unknown := self._unknown_films(first):
            # the model's knowledge of films the catalog lacks, asked as a wish: "films like Ghostbusters"
            return self._leaned("films like " + " or ".join(f"“{t}”" for t in unknown), vocab, first)
        if self.rewrite_unread and first.unread:
            return self.rewriter.rewrite(text, state, vocab, assisted=True)
        return first.model_copy(update={"rewriter": "llm"})

    def _leaned(self, text: str, vocab: CatalogVocab, first: Instruction) -> Instruction:
        """The rules' reading with the genres the model says fit the wish (soft leanings, minus any
        genre the request rules out or requires)."""
        got = self.leanings.read(text, list(vocab.genres))
        out, need = set(first.constraints.exclude_genres), set(first.constraints.include_genres)
        fit = [g for g in got.fit if g not in out]
        avoid = [g for g in got.avoid if g not in need and g not in fit]
        intention = first.intention.model_copy(update={
            "genres": list(dict.fromkeys([*first.intention.genres, *fit])),
            "avoid": list(dict.fromkeys([*first.intention.avoid, *avoid])),
            "kind": first.intention.kind if first.intention.kind != "none" else "vague"})
        return first.model_copy(update={"intention": intention, "rewriter": "llm"})
