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
from chat.state import DialogueState
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
