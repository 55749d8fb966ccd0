"""The document under extraction: its mentions and the links found so far, shared by every step."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Protocol

from parkgraph.loaders.lexicon import Lexicon
from parkgraph.loaders.mentions import Mention
from parkgraph.loaders.segment import Sentence

Ref = tuple[str, str]


@dataclass
class Link:
    type: str
    head: Ref
    tail: Ref
    sentence: int
    confidence: float
    title: str = ""


@dataclass
class Draft:
    """The document under extraction: its text, sentences, mentions and links so far."""

    text: str
    sentences: list[Sentence]
    lex: Lexicon
    title: str = ""
    mentions: list[Mention] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    main_region: str | None = None
    main_park: str | None = None

    def add_link(
        self, type_: str, head: Ref, tail: Ref, sentence: int, confidence: float, title: str = ""
    ) -> None:
        if head == tail or not self.lex.vocabulary.relation_allowed(type_, head[0], tail[0]):
            return
        self.links.append(Link(type_, head, tail, sentence, confidence, title))


def by_sentence(mentions: Iterable[Mention]) -> defaultdict[int, list[Mention]]:
    """Mentions grouped by sentence, in their order.

    A mention lies inside its sentence, so a step that looks for mentions near one another needs only
    that sentence's: grouping once keeps such steps linear in the document's length.
    """
    grouped: defaultdict[int, list[Mention]] = defaultdict(list)
    for m in mentions:
        grouped[m.sentence].append(m)
    return grouped


class Step(Protocol):
    def __call__(self, draft: Draft) -> None: ...
