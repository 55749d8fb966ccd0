"""Where in its source an evidence sentence stands: the page of a PDF, the paragraph of a Word file.

Offsets of facts index the normalized text, and normalization changes the text in ways it keeps no
map of (glosses dropped, traditional → simplified, punctuation, boilerplate, line breaks). So each
sentence is looked for again in the text as read: both sides reduced to their Chinese characters,
digits (simplified), which normalization leaves in place and in order (Latin letters are left out:
pinyin glosses are in the one and not the other). A sentence is
found where the whole of it stands; failing that (a gloss cut into a name), where its first or last
stretch does. Sentences are looked for in the order of their offsets, each from where the one before
it was found, so a sentence the document repeats is placed at its own occurrence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from parkgraph.graph.facts import DocumentFacts, Span
from parkgraph.loaders.document import RawDocument
from parkgraph.loaders.normalize import to_simplified

__all__ = ["place_evidence"]

_KEPT = re.compile(r"[0-9\u3400-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]")
_WIDE_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_STRETCH = 12
"""Characters of a sentence's start or end that, found alone, still place it (a dozen characters of
Chinese are specific enough within one document)."""


@dataclass(frozen=True)
class _Keyed:
    """A text reduced to the characters compared, with each one's offset in the text."""

    key: str
    offsets: list[int]


def _simplified_chars(text: str) -> str:
    """Traditional → simplified, keeping one character for one, so offsets still line up."""
    converted = to_simplified(text)
    if len(converted) != len(text):
        converted = "".join(c if len(c := to_simplified(char)) == 1 else char for char in text)
    return converted.translate(_WIDE_DIGITS)


def _keyed(text: str) -> _Keyed:
    simplified = _simplified_chars(text)
    offsets = [match.start() for match in _KEPT.finditer(simplified)]
    return _Keyed("".join(simplified[i] for i in offsets), offsets)


def _sentence_key(text: str) -> str:
    return "".join(_KEPT.findall(to_simplified(text).translate(_WIDE_DIGITS)))


def _locate(source: _Keyed, key: str, after: int) -> int:
    found = source.key.find(key, after)
    return found if found >= 0 else source.key.find(key)


def _find(source: _Keyed, key: str, after: int) -> tuple[int, int] | None:
    """Key positions `[start, end)` of `key` in the source, placed by the whole or by its first or
    last stretch."""
    start = _locate(source, key, after)
    if start >= 0:
        return start, start + len(key)
    if len(key) <= _STRETCH:
        return None
    size = len(source.key)
    start = _locate(source, key[:_STRETCH], after)
    if start >= 0:
        return start, min(size, start + len(key))
    end = _locate(source, key[-_STRETCH:], after) + _STRETCH
    return (max(0, end - len(key)), end) if end >= _STRETCH else None


def place_evidence(facts: DocumentFacts, raw: RawDocument) -> DocumentFacts:
    """The facts with each evidence span's `where` filled in from the source's pages or paragraphs."""
    if not raw.positions or not facts.relations:
        return facts
    source = _keyed(raw.text)
    spans = sorted({(r.evidence.start, r.evidence.end, r.evidence.text) for r in facts.relations})
    found: dict[tuple[int, int, str], str] = {}
    after = 0
    for start, end, text in spans:
        key = _sentence_key(text)
        hit = _find(source, key, after) if key else None
        if hit is None:
            continue
        first, last = hit
        where = raw.where(source.offsets[first], source.offsets[last - 1] + 1)
        if where:
            found[(start, end, text)] = where
        after = first + 1
    relations = [
        r.model_copy(update={"evidence": _placed(r.evidence, found)}) if _span_key(r.evidence) in found else r
        for r in facts.relations
    ]
    return facts.model_copy(update={"relations": relations})


def _span_key(span: Span) -> tuple[int, int, str]:
    return span.start, span.end, span.text


def _placed(span: Span, found: dict[tuple[int, int, str], str]) -> Span:
    return span.model_copy(update={"where": found[_span_key(span)]})
