"""A set of words looked up at a position of a text, by the lengths the words come in.

Rules ask, at many positions, which word of a long list (organization words, post titles) starts or
ends there. Testing each word in turn costs one comparison per word; slicing the text once per
length that the words starting (or ending) with the character there come in, and looking the slice
up in a set, costs one lookup per such length. Every word written anywhere in a text is found in one
pass of an Aho-Corasick automaton (pyahocorasick, in C), not by trying the lengths at each position.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cached_property

import ahocorasick


def _lengths_by(words: frozenset[str], index: int) -> dict[str, tuple[int, ...]]:
    """For each first (`index` 0) or last (-1) character, the lengths of the words with it, longest first."""
    lengths: dict[str, set[int]] = {}
    for word in words:
        lengths.setdefault(word[index], set()).add(len(word))
    return {ch: tuple(sorted(ns, reverse=True)) for ch, ns in lengths.items()}


class WordSet:
    """Words, with the lookups the rules need: the longest word starting or ending at a position, and
    every word written anywhere in a text."""

    def __init__(self, words: Iterable[str]) -> None:
        self.words = frozenset(w for w in words if w)
        self._starting = _lengths_by(self.words, 0)
        self._ending = _lengths_by(self.words, -1)
        # the characters words start and end with, for callers that ask at every character to test first
        self.first_chars = frozenset(self._starting)
        self.last_chars = frozenset(self._ending)
        self.longest = max(map(len, self.words), default=0)
        self.leading_chars = frozenset(ch for word in self.words for ch in word[:-1])
        """Characters written before a word's last: no word goes on past a character not among them."""

    def __contains__(self, word: object) -> bool:
        return word in self.words

    def starting_at(self, text: str, pos: int, end: int | None = None) -> str | None:
        """The longest word written at `pos` that ends by `end` (default: the text's end)."""
        lengths = self._starting.get(text[pos : pos + 1])
        if not lengths:
            return None
        end = len(text) if end is None else end
        for n in lengths:
            if pos + n <= end and text[pos : pos + n] in self.words:
                return text[pos : pos + n]
        return None

    def ending_at(self, text: str, end: int, shortest: bool = False) -> str | None:
        """The longest (or the `shortest`) word written right before `end`."""
        if end > len(text):
            end = len(text)
        lengths = self._ending.get(text[end - 1]) if end > 0 else None
        if not lengths:
            return None
        for n in reversed(lengths) if shortest else lengths:
            if n <= end and text[end - n : end] in self.words:
                return text[end - n : end]
        return None

    @cached_property
    def _automaton(self) -> ahocorasick.Automaton:
        """Every word, found in one pass over a text (built on first use: most sets are only looked
        up at a position)."""
        automaton = ahocorasick.Automaton()
        for word in self.words:
            automaton.add_word(word, len(word))
        automaton.make_automaton()
        return automaton

    def find_all(self, text: str) -> list[tuple[int, str]]:
        """(start, word) of every word written in `text`, overlapping ones too, by start, longest first."""
        if not self.words:
            return []
        hits = [(last - n + 1, -n) for last, n in self._automaton.iter(text)]
        if len(hits) > 1:
            hits.sort()
        return [(start, text[start : start - n]) for start, n in hits]


def word_pattern(words: Sequence[str]) -> str:
    """A regex for any of `words`, trying them in the order given, as `甲|乙|丙` does.

    Python's `re` tries the branches of `甲|乙|丙` one after another at every position, so a list of a
    hundred titles costs a hundred tries per character. Where no word is listed after a longer word it
    begins (lists longest first are such), the words can share their prefixes in a tree of branches
    that each start with a different character (`书记(?:员)?|主任`): at a position only the words
    written there are tried, longest first, which is the order the plain alternation tries them in.
    Other lists keep the plain alternation."""
    if not words or "" in words or not _prefixes_after_longer(words):
        return "|".join(re.escape(w) for w in words)
    tree: dict = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _branches(tree)


def _prefixes_after_longer(words: Sequence[str]) -> bool:
    """Whether every word that begins another longer one is listed after it."""
    return not any(b != a and b.startswith(a) for i, a in enumerate(words) for b in words[i + 1 :])


def _branches(node: dict) -> str:
    """The regex of a tree node: its children's branches, optional where a word ends at the node
    (greedy, so the longer words are tried first)."""
    branches = [re.escape(ch) + _branches(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
    return f"(?:{body})?" if "" in node else body
