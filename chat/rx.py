"""`re`'s matching functions with a compiled-pattern cache big enough for the rule reader.

Python keeps only the last 512 compiled patterns (`re._MAXCACHE`). The parser, its lexicon and the
genre vocabulary use more than that in one turn, so with `re.search(pattern, text)` every turn
recompiled most of them: profiled, compiling took about 80% of a turn's CPU time, which under load
is what made users wait. These functions take the same arguments as `re`'s and compile each
(pattern, flags) once, keeping the most recent 8,192.

May import: nothing of the project. Example:
    >>> from chat import rx
    >>> rx.search(r"\\b(?:older|earlier)\\b", "older ones please") is not None
    True
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import lru_cache


@lru_cache(maxsize=8192)
def compiled(pattern: str | re.Pattern, flags: int = 0) -> re.Pattern:
    return pattern if isinstance(pattern, re.Pattern) else re.compile(pattern, flags)


def search(pattern: str | re.Pattern, string: str, flags: int = 0) -> re.Match | None:
    return compiled(pattern, flags).search(string)


def match(pattern: str | re.Pattern, string: str, flags: int = 0) -> re.Match | None:
    return compiled(pattern, flags).match(string)


def fullmatch(pattern: str | re.Pattern, string: str, flags: int = 0) -> re.Match | None:
    return compiled(pattern, flags).fullmatch(string)


def finditer(pattern: str | re.Pattern, string: str, flags: int = 0) -> Iterator[re.Match]:
    return compiled(pattern, flags).finditer(string)


def findall(pattern: str | re.Pattern, string: str, flags: int = 0) -> list:
    return compiled(pattern, flags).findall(string)


def split(pattern: str | re.Pattern, string: str, maxsplit: int = 0, flags: int = 0) -> list[str]:
    return compiled(pattern, flags).split(string, maxsplit)


def sub(pattern: str | re.Pattern, repl: str | Callable[[re.Match], str], string: str, count: int = 0,
        flags: int = 0) -> str:
    return compiled(pattern, flags).sub(repl, string, count)
