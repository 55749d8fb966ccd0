"""Splitting normalized text into sentences with exact offsets.

Extraction looks for relations inside one sentence and cites it as evidence, so a sentence must be
a real span of the normalized text: `text[s.start:s.end] == s.text`, always.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

__all__ = ["MAX_SENTENCE", "Sentence", "split_sentences"]

MAX_SENTENCE = 400
"""Longer runs (lists glued with commas) are cut at commas so extraction windows stay small."""

_ENDS = frozenset("。！？；!?;")
_OPENERS = {"“": "”", "‘": "’", "《": "》", "「": "」", "『": "』"}
_CLOSERS = frozenset("”’》」』)）]】")
_QUOTE_MARKS = re.compile(f"[{re.escape(''.join(_OPENERS) + ''.join(_OPENERS.values()))}]")
"""The only characters that open or close a quote: the rest of a line leaves the stack as it is."""
_SOFT_BREAKS = frozenset("，,、")
_END_MARKS = re.compile(f"[{re.escape(''.join(sorted(_ENDS)))}]")
"""Where a sentence may end: the scan for one jumps from one to the next."""
_LATIN_DOT = re.compile(r"(?<=[a-z\u4e00-\u9fff])\.(?=\s|$)")


@dataclass(frozen=True)
class Sentence:
    """A stretch of the text: `text` is exactly `source[start:end]`, with no surrounding whitespace."""

    start: int
    end: int
    text: str


def _quoted(line: str) -> list[bool]:
    """Which characters sit inside a matched pair of quotes or book-title marks.

    Pairs are matched with a stack so nested quotes work; an opener that is never closed protects
    nothing, so one stray “ cannot glue a whole paragraph into a single sentence.
    """
    inside = [False] * len(line)
    stack: list[tuple[str, int]] = []
    waiting: Counter[str] = Counter()
    """How many openers on the stack wait for each closer: a line of unclosed ones stays linear."""
    for mark in _QUOTE_MARKS.finditer(line):
        index, char = mark.start(), mark.group()
        if char in _OPENERS:
            stack.append((_OPENERS[char], index))
            waiting[_OPENERS[char]] += 1
        elif waiting[char]:
            while stack[-1][0] != char:
                waiting[stack.pop()[0]] -= 1
            _, opened = stack.pop()
            waiting[char] -= 1
            inside[opened + 1 : index] = [True] * (index - opened - 1)
    return inside


def _run_end(line: str, index: int) -> int:
    """Past the terminators and closing marks that belong to the sentence ending at `index`."""
    while index < len(line) and (line[index] in _ENDS or line[index] in _CLOSERS):
        index += 1
    return index


def _cuts(line: str) -> Iterator[int]:
    """Offsets in `line` after which a sentence ends."""
    inside = _quoted(line)
    dots = {match.start() for match in _LATIN_DOT.finditer(line)}
    stops = sorted(dots | {match.start() for match in _END_MARKS.finditer(line)})
    index = 0
    while (at := bisect_left(stops, index)) < len(stops):
        index = stops[at]
        after = index + 1
        while after < len(line) and line[after] in _ENDS:
            after += 1
        if not inside[index]:
            index = _run_end(line, after)
            yield index
            continue
        while after < len(line) and line[after] in _CLOSERS and inside[after]:
            after += 1
        if after < len(line) and line[after] in _CLOSERS:
            index = _run_end(line, after)
            yield index
        else:
            index = after


def _split_long(text: str, start: int) -> Iterator[tuple[int, int]]:
    """Cut a run longer than `MAX_SENTENCE` at the last comma that keeps each piece within it."""
    while len(text) - start > MAX_SENTENCE:
        window = text[start : start + MAX_SENTENCE]
        cut = max((i for i, char in enumerate(window) if char in _SOFT_BREAKS), default=-1)
        if cut <= 0:
            break
        yield start, start + cut + 1
        start += cut + 1
    yield start, len(text)


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of `text` in order: split at 。！？； (and their ASCII forms), at line breaks, never
    inside quotes (`“…。”` ends after the ”); headlines without final punctuation are sentences too."""
    sentences: list[Sentence] = []
    line_start = 0
    for line in text.split("\n"):
        begin = 0
        for cut in [*_cuts(line), len(line)]:
            if cut <= begin:
                continue
            piece = line[begin:cut]
            for start, end in _split_long(piece, 0):
                start, end = _strip(piece, start, end)
                if start < end:
                    absolute = line_start + begin
                    sentences.append(Sentence(absolute + start, absolute + end, piece[start:end]))
            begin = cut
        line_start += len(line) + 1
    return sentences
