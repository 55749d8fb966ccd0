"""Name matching for entity search: one comparable form for names and queries, and how well they match.

Canonical names are simplified Chinese without spaces, but analysts type
traditional characters, spaces and mixed-case Latin; comparing search forms
makes all of those find the same entity.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import IntEnum
from functools import cache, lru_cache

import opencc

__all__ = ["MatchRank", "match_rank", "search_form"]


class MatchRank(IntEnum):
    """How a name matched a query; lower ranks first."""

    EXACT = 0
    PREFIX = 1
    SUBSTRING = 2


@cache
def _to_simplified() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


@lru_cache(maxsize=65536)
def search_form(text: str) -> str:
    """`text` simplified, case-folded and without whitespace.

    >>> search_form(" 聯合 黨支部ABC ")
    '联合党支部abc'
    """
    return _to_simplified().convert("".join(text.split())).casefold()


def match_rank(query_form: str, names: Iterable[str]) -> MatchRank | None:
    """The best match of a query (already in search form) against any of `names`, or None.

    >>> match_rank("联合", ["示例联合党支部", "联合党支部"])
    <MatchRank.PREFIX: 1>
    >>> match_rank("联合", ["示例党委"]) is None
    True
    """
    best: MatchRank | None = None
    for name in names:
        form = search_form(name)
        if form == query_form:
            return MatchRank.EXACT
        if form.startswith(query_form):
            best = MatchRank.PREFIX
        elif query_form in form and best is None:
            best = MatchRank.SUBSTRING
    return best
