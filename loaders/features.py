"""What the fact filter sees of a predicted entity or relation: general features, never names.

A feature is a name and a number. Categorical features (the entity's type, the organization
word its name ends with, the rule's confidence) are indicators named `what=value`; training
keeps those frequent enough in its documents. None is a name or a word of one beyond the
lexicon's organization words, so what is learned carries over to documents never seen.
Everything is read from the rule extractor's `DocumentFacts` (its normalized text, title,
mentions and evidence), so the filter works whatever rules made them.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

from parkgraph.graph.facts import DocumentFacts, EntityFact, RelationFact, Span
from parkgraph.loaders.lexicon import Lexicon
from parkgraph.loaders.segment import MAX_SENTENCE

Features = dict[str, float]

_LENGTH_BINS = ((2, "≤2"), (3, "3"), (5, "4-5"), (8, "6-8"), (12, "9-12"))
_FIRST_END = re.compile(r"[。！？!?]")
_QUOTES = frozenset('“‘《「『"')


@dataclass
class _Document:
    """The facts of one document with what several features need, computed once."""

    facts: DocumentFacts
    lex: Lexicon

    @cached_property
    def text(self) -> str:
        return self.facts.text or ""

    @cached_property
    def title(self) -> str:
        return self.facts.document.title or ""

    @cached_property
    def first_sentence(self) -> str:
        """The text up to the first sentence end, headline and lede, whatever line breaks the page kept
        (a headline line has no end mark of its own; a flat page's first sentence holds it anyway)."""
        head = self.text[: 2 * MAX_SENTENCE]
        end = _FIRST_END.search(head)
        return head[: end.end()] if end else head

    @cached_property
    def by_id(self) -> dict[str, EntityFact]:
        return {e.id: e for e in self.facts.entities}

    @cached_property
    def degree(self) -> Counter[str]:
        return Counter(end for r in self.facts.relations for end in (r.head, r.tail))

    @cached_property
    def best_confidence(self) -> dict[str, float]:
        best: dict[str, float] = {}
        for r in self.facts.relations:
            for end in (r.head, r.tail):
                best[end] = max(best.get(end, 0.0), r.confidence)
        return best

    @cached_property
    def per_sentence(self) -> Counter[tuple[int, int]]:
        return Counter((r.evidence.start, r.evidence.end) for r in self.facts.relations)

    @cached_property
    def fanout(self) -> Counter[tuple[str, str]]:
        return Counter((r.type, r.head) for r in self.facts.relations)

    @cached_property
    def fanin(self) -> Counter[tuple[str, str]]:
        return Counter((r.type, r.tail) for r in self.facts.relations)

    @cached_property
    def triples(self) -> Counter[tuple[str, str, str]]:
        return Counter((r.type, r.head, r.tail) for r in self.facts.relations)

    @cached_property
    def names(self) -> list[str]:
        return [e.name for e in self.facts.entities]


def entity_features(facts: DocumentFacts, lex: Lexicon) -> list[Features]:
    """Features of each entity of `facts`, in order."""
    doc = _Document(facts, lex)
    return [_entity(doc, e) for e in facts.entities]


def relation_features(facts: DocumentFacts, lex: Lexicon) -> list[Features]:
    """Features of each relation of `facts`, in order."""
    doc = _Document(facts, lex)
    return [_relation(doc, r) for r in facts.relations]


def org_word(lex: Lexicon, type_: str, name: str) -> str | None:
    """The longest organization word of `type_` that `name` ends with (`党支部`, `有限公司`)."""
    return next((w for w in lex.org_words.get(type_, ()) if name.endswith(w)), None)


def _length_bin(n: int) -> str:
    return next((label for top, label in _LENGTH_BINS if n <= top), ">12")


def _log(n: float) -> float:
    return math.log1p(n)


def _entity(doc: _Document, e: EntityFact) -> Features:
    t = e.type
    surfaces = {e.name, *e.aliases}
    word = org_word(doc.lex, t, e.name)
    others = [n for n in doc.names if n != e.name]
    f: Features = {
        f"type={t}": 1.0,
        f"{t}:length={_length_bin(len(e.name))}": 1.0,
        f"{t}:suffix={word or '-'}": 1.0,
        "mentions": _log(len(e.mentions)),
        "one_mention": float(len(e.mentions) == 1),
        "aliases": float(min(len(e.aliases), 3)),
        "in_title": float(any(s and s in doc.title for s in surfaces)),
        "in_first_sentence": float(any(s and s in doc.first_sentence for s in surfaces)),
        "named_from_generic": float(bool(e.mentions) and all(m.text != e.name for m in e.mentions)),
        "no_mention": float(not e.mentions),
        "relations": _log(doc.degree[e.id]),
        "no_relation": float(doc.degree[e.id] == 0),
        "best_rule_confidence": doc.best_confidence.get(e.id, 0.0),
        "contains_other": float(any(n and n in e.name for n in others)),
        "inside_other": float(any(e.name in n for n in others)),
        "quoted": float(any(_after_quote(doc.text, m) for m in e.mentions)),
        "has_digit": float(any(c.isdigit() for c in e.name)),
        f"{t}:suffix_share": len(word) / len(e.name) if word else 0.0,
    }
    if doc.text and e.mentions:
        f["first_position"] = min(m.start for m in e.mentions) / len(doc.text)
    return f


def _after_quote(text: str, mention: Span) -> bool:
    return mention.start > 0 and text[mention.start - 1] in _QUOTES


def _relation(doc: _Document, r: RelationFact) -> Features:
    head, tail = doc.by_id.get(r.head), doc.by_id.get(r.tail)
    ht, tt = (head.type if head else "?"), (tail.type if tail else "?")
    ev = r.evidence
    in_head, in_tail = _mentions_in(head, ev), _mentions_in(tail, ev)
    f: Features = {
        f"relation={r.type}": 1.0,
        f"{r.type}:head={ht}": 1.0,
        f"{r.type}:tail={tt}": 1.0,
        f"{r.type}:confidence={r.confidence:.2f}": 1.0,
        "confidence": r.confidence,
        "head_in_evidence": float(bool(in_head)),
        "tail_in_evidence": float(bool(in_tail)),
        "same_sentence": float(bool(in_head and in_tail)),
        "evidence_length": min(len(ev.text) / 100, 4.0),
        "has_title": float(bool(r.attributes.get("title"))),
        "sentence_relations": _log(doc.per_sentence[(ev.start, ev.end)]),
        "head_fanout": _log(doc.fanout[(r.type, r.head)]),
        "tail_fanin": _log(doc.fanin[(r.type, r.tail)]),
        "repeated_triple": float(doc.triples[(r.type, r.head, r.tail)] > 1),
        "head_mentions": _log(len(head.mentions) if head else 0),
        "tail_mentions": _log(len(tail.mentions) if tail else 0),
        "head_in_title": float(bool(head) and head.name in doc.title),
        "tail_in_title": float(bool(tail) and tail.name in doc.title),
    }
    if in_head and in_tail:
        f["distance"] = min(_distance(in_head, in_tail) / 50, 3.0)
    return f


def _mentions_in(entity: EntityFact | None, span: Span) -> list[Span]:
    if entity is None:
        return []
    return [m for m in entity.mentions if span.start <= m.start and m.end <= span.end]


def _distance(a: Iterable[Span], b: Iterable[Span]) -> int:
    """Characters between the closest mentions of two entities (0 when they touch or overlap)."""
    return min(max(0, y.start - x.end, x.start - y.end) for x in a for y in b)
