"""Relation proposals: pairs the rules found both ends of but did not relate, for a model to weigh.

On documents nobody tuned the rules for, a good share of the relations they miss join two entities
they did find, named in one sentence: a post written in a way no title rule reads, an enterprise
named beside the park it lies in. A proposal is such a pair, for each of `RELATION_TYPES` the schema
allows between their types, with general features of the text around them (the types, their
order and distance, the short stretch of text between them, its punctuation, the two characters on
either side, whether either end already has a relation of that type or is the article's most named
park), never a name. A logistic model trained on annotated documents
(`training.py`) scores them; the fact filter (`filter.py`) adds those it trusts.

Finding them is linear in the document: a mention is paired only with the few that follow it
(`MAX_BETWEEN`) within `MAX_DISTANCE` characters.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass

from parkgraph.graph.facts import DocumentFacts, RelationFact, Span
from parkgraph.loaders.features import Features
from parkgraph.loaders.lexicon import Lexicon
from parkgraph.loaders.segment import Sentence, split_sentences

RELATION_TYPES = ("HOLDS_POST", "LOCATED_IN")
"""The types proposed. On twelve documents the rules of 3 December 2026 had not read, proposals of the
other types added no right relation, only wrong ones."""
SHORT_BETWEEN = 6
"""Text between the two ends up to this long is a feature as it stands (`下设`, `党委书记`)."""
BIGRAM_BETWEEN = 20
"""Text between the two ends up to this long gives its character pairs as features."""
MAX_BETWEEN = 3
"""Two entities with more named between them are not paired: what relates them would be said of
those in between. Pairing only near neighbours keeps a list, or a page whose lines ran together into
one long sentence, from pairing everything with everything."""
MAX_DISTANCE = 60
"""Nor are two entities further apart than this many characters."""
_DISTANCE_BINS = (0, 2, 5, 10, 20, 40)
_ROW_END = re.compile(r"\|\|")
"""An empty table cell: where one row of a table ends and the next begins once a page's line breaks
are lost (`…| || 成员 |…`); a row's facts are its own."""
_COORDINATION = frozenset({"、", "和", "及", "与", "以及"})
"""Joiners of a list: two of its items of one type are siblings, neither inside the other."""
_PUNCTUATION = "，、：（）"
_ENDS = frozenset("。！？；!?;")
_CLOSERS = '”’"」』）)'
_WHITESPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Proposal:
    """A relation the rules did not state, with the sentence it would rest on."""

    type: str
    head: str
    tail: str
    evidence: Span
    title: str
    features: Features

    def relation(self, confidence: float) -> RelationFact:
        return RelationFact(
            type=self.type,
            head=self.head,
            tail=self.tail,
            attributes={"title": self.title} if self.title else {},
            evidence=self.evidence,
            confidence=round(confidence, 2),
        )


def proposals(facts: DocumentFacts, lex: Lexicon, related_too: bool = False) -> list[Proposal]:
    """Every pair of entities named near each other in one statement, for each proposed type their
    types allow, except pairs the rules already relate (either way, any type) unless `related_too`: training
    learns from those as well, since on its own documents the rules leave few others. Nor is a person
    paired with a body titled for the next person (`_titled_for_next`), except in training: the model's
    features are learned from every pair, the rule only withholds what it would wrongly add (learned
    from the pairs without it, the model did worse on documents the rules had not read)."""
    text = facts.text or ""
    sentences = split_sentences(text)
    statement_of = _statements(sentences)
    types = {e.id: e.type for e in facts.entities}
    related = {(r.head, r.tail) for r in facts.relations} | {(r.tail, r.head) for r in facts.relations}
    has: defaultdict[tuple[str, str, str], set[str]] = defaultdict(set)
    for r in facts.relations:
        has[(r.type, r.head, "head")].add(r.tail)
        has[(r.type, r.tail, "tail")].add(r.head)
    park_mentions = Counter({e.id: len(e.mentions) for e in facts.entities if e.type == "Park"})
    subject = park_mentions.most_common(1)[0][0] if park_mentions else None
    starts = [s.start for s in sentences]
    by_statement: defaultdict[int, list[tuple[int, int, str, int]]] = defaultdict(list)
    for e in facts.entities:
        for m in e.mentions:
            sentence = max(0, bisect_right(starts, m.start) - 1)
            by_statement[statement_of[sentence]].append((m.start, m.end, e.id, sentence))
    found = []
    for statement in sorted(by_statement):
        inside = sorted(by_statement[statement])
        for a, (a_start, a_end, a_id, a_sentence) in enumerate(inside):
            for b, (b_start, b_end, b_id, b_sentence) in enumerate(inside[a + 1 : a + 2 + MAX_BETWEEN]):
                between = _WHITESPACE.sub("", text[a_end:b_start])
                if a_id == b_id or b_start < a_end or len(between) > MAX_DISTANCE:
                    continue
                if _ROW_END.search(between) or (not related_too and (a_id, b_id) in related):
                    continue
                if types[a_id] == types[b_id] and between in _COORDINATION:
                    continue
                if (
                    not related_too
                    and types[a_id] == "Person"
                    and _titled_for_next(text, b_end, inside[a + 2 + b : a + 6 + b], types, lex)
                ):
                    continue
                context = _context(between, b)
                context |= {
                    f"pre:{_WHITESPACE.sub('', text[max(0, a_start - 4) : a_start])[-2:]}": 1.0,
                    f"post:{_WHITESPACE.sub('', text[b_end : b_end + 4])[:2]}": 1.0,
                }
                first, last = sentences[a_sentence], sentences[b_sentence]
                evidence = Span(start=first.start, end=last.end, text=text[first.start : last.end])
                for head, tail, head_first in ((a_id, b_id, True), (b_id, a_id, False)):
                    for type_ in RELATION_TYPES:
                        if not lex.vocabulary.relation_allowed(type_, types[head], types[tail]):
                            continue
                        own = {
                            f"types:{types[head]}>{types[tail]}": 1.0,
                            f"head_first:{head_first}": 1.0,
                            f"head_has:{bool(has[(type_, head, 'head')] - {tail})}": 1.0,
                            f"tail_has:{bool(has[(type_, tail, 'tail')] - {head})}": 1.0,
                            f"head_subject:{head == subject}": 1.0,
                            f"tail_subject:{tail == subject}": 1.0,
                        }
                        features = {f"{type_}|{k}": v for k, v in (context | own).items()}
                        features["bias"] = 1.0
                        title = _title(lex, between) if type_ == "HOLDS_POST" and not head_first else ""
                        found.append(Proposal(type_, head, tail, evidence, title, features))
    return found


_CHAIN_JOINERS = frozenset("、:：兼")
_BODY_TYPES = ("Committee", "Branch", "Organization", "Enterprise")
"""What may stand between the posts of one person's chain of them (`甲党工委副书记、管委会主任乙`)."""


def _titled_for_next(
    text: str, end: int, following: list[tuple[int, int, str, int]], types: dict[str, str], lex: Lexicon
) -> bool:
    """`…甲\n乙党委书记:丙`, `甲,乙党工委副书记、管委会主任丙`: a body whose post title opens a chain of
    posts written for the person after it holds no post of the person before it."""
    if not lex.post_title_set.starting_at(text, end):
        return False
    pos = end
    for start, stop, entity, _ in following:
        if start < pos:
            continue  # a mention inside one already passed
        if not _only_posts(_WHITESPACE.sub("", text[pos:start]), lex):
            return False
        if types[entity] == "Person":
            return True
        pos = stop
    return False


def _only_posts(gap: str, lex: Lexicon) -> bool:
    """Whether `gap` is nothing but titles, the words of bodies (`管委会`) and the joiners of a chain."""
    words = (lex.post_title_set, *(lex.org_word_set(t) for t in _BODY_TYPES))
    at = 0
    while at < len(gap):
        if gap[at] in _CHAIN_JOINERS:
            at += 1
            continue
        word = next((w for ws in words if (w := ws.starting_at(gap, at))), None)
        if word is None:
            return False
        at += len(word)
    return True


def _statements(sentences: list[Sentence]) -> list[int]:
    """Each sentence's statement: sentences run on across a line break that no 。！？； ended, so a
    heading, a table or a list reads the same with its lines as without them."""
    numbers, current = [0] * len(sentences), 0
    for i in range(1, len(sentences)):
        current += sentences[i - 1].text.rstrip(_CLOSERS)[-1:] in _ENDS
        numbers[i] = current
    return numbers


def _bin(n: int, bins: tuple[int, ...]) -> str:
    return next((f"≤{b}" for b in bins if n <= b), f">{bins[-1]}")


def _context(between: str, named_between: int) -> Features:
    """What lies between the two ends: its length, the mentions in it, its words and punctuation."""
    f: Features = {
        f"distance:{_bin(len(between), _DISTANCE_BINS)}": 1.0,
        f"entities_between:{named_between}": 1.0,
    }
    if len(between) <= SHORT_BETWEEN:
        f[f"between:{between}"] = 1.0
    if len(between) <= BIGRAM_BETWEEN:
        for i in range(len(between) - 1):
            f[f"pair:{between[i : i + 2]}"] = 1.0
    for mark in _PUNCTUATION:
        if mark in between:
            f[f"mark:{mark}"] = 1.0
    return f


def _title(lex: Lexicon, between: str) -> str:
    """The post title written right after the body (`董事长` in `甲公司董事长乙`; `书记`, not the 主任 of
    the body after it, in `甲党工委书记、管委会主任,乙`), or none."""
    return lex.post_title_set.starting_at(between, 0) or ""
