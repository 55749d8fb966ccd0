"""Name matching for entity search: one comparable form for names and queries, and how well they match.

Canonical names are simplified Chinese without spaces, but analysts type
traditional characters, spaces and mixed-case Latin; comparing search forms
makes all of those find the same entity.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from enum import IntEnum
from functools import cache, lru_cache
from typing import TypeVar

import opencc

__all__ = ["MatchRank", "NameIndex", "match_rank", "rank_matches", "search_form", "search_query"]


T = TypeVar("T")


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


def search_query(text: str, limit: int, offset: int) -> str:
    """The search form of a query, or ValueError with what is wrong with the request."""
    query = search_form(text)
    if not query:
        raise ValueError("search text is empty")
    if limit < 0 or offset < 0:
        raise ValueError(f"limit and offset must be 0 or more, not {limit} and {offset}")
    return query


def rank_matches(
    query_form: str,
    candidates: Iterable[tuple[str, str, Sequence[str], Sequence[str], T]],
    type_: str | None,
    limit: int,
    offset: int,
) -> list[T]:
    """One page of the candidates `(id, name, aliases, labels, item)` that match, best first.

    Exact matches come before prefix and substring ones, then shorter names, then name and id,
    so every store orders a search the same way.

    >>> found = [("b", "示例联合党支部", [], ["Branch"], "b"), ("a", "联合党支部", [], ["Branch"], "a")]
    >>> rank_matches("联合", found, None, 10, 0)
    ['a', 'b']
    """
    hits = []
    for ident, name, aliases, labels, item in candidates:
        if type_ is not None and type_ not in labels:
            continue
        rank = match_rank(query_form, [name, *aliases])
        if rank is not None:
            hits.append((rank, len(name), name, ident, item))
    hits.sort(key=lambda hit: hit[:4])
    return [hit[-1] for hit in hits[offset : offset + limit]]


def _grams(form: str) -> Iterator[str]:
    """The pieces a search form is indexed by: its character pairs, or itself when it is one character."""
    if len(form) == 1:
        yield form
    for start in range(len(form) - 1):
        yield form[start : start + 2]


class NameIndex:
    """Which keys have a name or alias whose search form could contain a query: an inverted index.

    `candidates` answers a query with every key one of whose names could match it (a superset:
    `rank_matches` still decides), so a search ranks those instead of every name. Substrings are
    found by character pairs: a form contains a query of two characters or more only if it contains
    each of the query's pairs; a one-character query is looked for in the pairs that hold it.

    >>> index = NameIndex()
    >>> index.update("a", ["示例联合党支部", "联合支部"])
    >>> index.update("b", ["联合"])
    >>> sorted(index.candidates("联合")), sorted(index.candidates("支部")), sorted(index.candidates("合"))
    (['a', 'b'], ['a'], ['a', 'b'])
    >>> index.update("a", [])
    >>> sorted(index.candidates("支部"))
    []
    """

    def __init__(self) -> None:
        self._grams: dict[str, set[str]] = {}
        self._indexed: dict[str, frozenset[str]] = {}

    def update(self, key: str, names: Iterable[str]) -> None:
        """Index `key` under `names` (its name and aliases) in place of what it was indexed under."""
        forms = frozenset(form for form in map(search_form, names) if form)
        old = self._indexed.pop(key, frozenset())
        if forms == old:
            if forms:
                self._indexed[key] = forms
            return
        for gram in {gram for form in old for gram in _grams(form)}:
            keys = self._grams[gram]
            keys.discard(key)
            if not keys:
                del self._grams[gram]
        for gram in {gram for form in forms for gram in _grams(form)}:
            self._grams.setdefault(gram, set()).add(key)
        if forms:
            self._indexed[key] = forms

    def candidates(self, query_form: str) -> set[str]:
        """Every key with a name equal to, beginning with or containing `query_form` (and maybe more)."""
        if len(query_form) == 1:
            return {key for gram, keys in self._grams.items() if query_form in gram for key in keys}
        postings = sorted((self._grams.get(gram, set()) for gram in set(_grams(query_form))), key=len)
        return set(postings[0]).intersection(*postings[1:])
