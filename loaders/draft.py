"""The document under extraction: its mentions and the links found so far, shared by every stage.

Three kinds of stage read it: most relation stages return the links they find (`RelationStage`), which
the extractor adds to the draft; one returns a `Revision`, links withdrawn as well as found
(`RevisionStage`); the mention and naming stages still rewrite it in place (`DraftStage`).
"""

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
        self.links += allowed_links(self.lex, [Link(type_, head, tail, sentence, confidence, title)])


def allowed_links(lex: Lexicon, links: Iterable[Link]) -> list[Link]:
    """The links the schema allows between their ends' types, none from an entity to itself: every link
    a stage finds passes here, so no stage keeps its own copy of these checks."""
    vocab = lex.vocabulary
    return [
        link
        for link in links
        if link.head != link.tail and vocab.relation_allowed(link.type, link.head[0], link.tail[0])
    ]


def by_sentence(mentions: Iterable[Mention]) -> defaultdict[int, list[Mention]]:
    """Mentions grouped by sentence, in their order.

    A mention lies inside its sentence, so a step that looks for mentions near one another needs only
    that sentence's: grouping once keeps such steps linear in the document's length.
    """
    grouped: defaultdict[int, list[Mention]] = defaultdict(list)
    for m in mentions:
        grouped[m.sentence].append(m)
    return grouped


class DraftStage(Protocol):
    """A stage that rewrites the draft in place.

    The mention and naming stages (`MentionStep`, `NameStep`, `UnitStep`, `VariantStep`,
    `JointReferenceStep`) are of this kind, not yet turned into ones that return values: what they make
    is mostly edits, not new things (a generic name becomes its unit's, spellings merge into one and the
    links made so far follow, `main_park` and `main_region` are set), and later stages read those very
    `Mention` objects; returning edits as values needs a way to state them that a list of links does not
    give. One relation stage stays of this kind, as it does more than add links: `PostStep` adds the
    Party bodies and management committees its titles imply to the mentions and renames a bare
    department after its committee.
    """

    def __call__(self, draft: Draft) -> None: ...


class RelationStage(Protocol):
    """A stage that reads the draft and returns the links it finds (see `allowed_links`), leaving the
    draft as it was; the extractor adds them before the next stage runs, which may read them."""

    def __call__(self, draft: Draft) -> list[Link]: ...


@dataclass(frozen=True)
class Revision:
    """What a stage that reconsiders earlier links found: the links it withdraws, by (type, head, tail),
    and the links it adds."""

    withdrawn: frozenset[tuple[str, Ref, Ref]]
    added: list[Link]

    def applied_to(self, links: Iterable[Link]) -> list[Link]:
        """`links` without those withdrawn, then the ones added."""
        kept = [link for link in links if (link.type, link.head, link.tail) not in self.withdrawn]
        return kept + self.added


class RevisionStage(Protocol):
    """A stage that reads the draft and returns a `Revision` of its links, leaving the draft as it was
    (`PlaceStep`: places read out of names that the document does not support give way to better ones)."""

    def __call__(self, draft: Draft) -> Revision: ...


Stage = DraftStage | RelationStage | RevisionStage
