"""What the parser test files share: a vocabulary built from a hand-made catalog, and reading one
turn with the rules. Each file keeps its own small catalog (the films its phrasings need).

Example:
    vocab = vocab_fixture(ITEMS)              # a module-scoped pytest fixture named `vocab`
    def test_x(vocab): assert parse(vocab, "90s comedies").constraints.include_genres == ["comedy"]
"""
from __future__ import annotations

from collections.abc import Sequence

import pytest

from catalog.catalog import Catalog
from catalog.item import Item
from chat.instruction import Instruction
from chat.parser import RuleRewriter
from chat.state import DialogueState, apply_resolved, record_shown, record_turn
from recommender.pipeline import catalog_vocab


def vocab_fixture(items: Sequence[Item], name: str = "parser-test"):
    """A module-scoped `vocab` fixture over a catalog of `items` (assign it to `vocab` in the module)."""
    @pytest.fixture(scope="module")
    def vocab():
        return catalog_vocab(Catalog(name, list(items)))
    return vocab


def parse(vocab, text: str, state: DialogueState | None = None) -> Instruction:
    """The rules' reading of one turn, resolved against `state` (a fresh dialogue by default)."""
    return RuleRewriter().rewrite(text, state or DialogueState(), vocab)


def say(vocab, state: DialogueState, text: str) -> tuple[DialogueState, Instruction]:
    """One user turn as the pipeline plays it: recorded, read, merged."""
    state = record_turn(state, "user", text)
    ins = parse(vocab, text, state)
    state = apply_resolved(state, ins)
    return state, ins


def say_each(vocab, shown: Sequence[str], *said: str) -> tuple[DialogueState, Instruction | None]:
    """Each of `said` as the pipeline plays it (`say`), with the cards `shown` on screen after every turn;
    the state after the last and its reading."""
    state, ins = DialogueState(), None
    for text in said:
        state, ins = say(vocab, state, text)
        state = record_shown(state, shown)
    return state, ins


def play(rec, *said: str) -> list:
    """The final result of each of `said`, played in order through a Recommender from a fresh dialogue."""
    state, out = DialogueState(), []
    for text in said:
        last = list(rec.respond(state, text))[-1]
        state = last.state
        out.append(last)
    return out
