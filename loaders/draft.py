"""The document under extraction: its mentions and the links found so far, a value every stage reads
and none writes.

Each stage returns what it finds and leaves the draft as it was; the extractor, in one place, builds
the next draft from it. A relation stage returns the links it finds (`RelationStage`); the others an
`Edit` (`EditStage`): `MentionStep` the mentions it finds, `VariantStep` the entities it merges
(`Edit.renamed`, which mentions, links and the main park follow), `JointReferenceStep` the mentions it
renames (`Edit.replaced`), `PlaceStep` links withdrawn and added. `NameStep`, `UnitStep` and `PostStep`
rewrite many mentions through many helpers, so they do so on a `working_copy` and return `Edit.made`
from it. `Mention` stays mutable: mentions are built by trimming them in place (`mentions.py`), and a
mention's parts are other mentions whose renames must show through every name that holds them, which
a copy per change would break.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import NamedTuple, Protocol

from parkgraph.loaders.lexicon import Lexicon
from parkgraph.loaders.mentions import Mention
from parkgraph.loaders.segment import Sentence

Ref = tuple[str, str]


@dataclass(frozen=True)
class Link:
    type: str
    head: Ref
    tail: Ref
    sentence: int
    confidence: float
    title: str = ""


@dataclass
class Draft:
    """The document under extraction: its text, sentences, mentions and links so far. The extractor
    replaces it after each stage (`Edit.applied_to`); only a stage's own `working_copy` is changed."""

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
        """Adds a link the schema allows to a `working_copy`."""
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


class RelationStage(Protocol):
    """A stage that reads the draft and returns the links it finds (see `allowed_links`), leaving the
    draft as it was; the extractor adds them before the next stage runs, which may read them."""

    def __call__(self, draft: Draft) -> list[Link]: ...


class MainPlaces(NamedTuple):
    """The region and the park a document is about, where it names them."""

    region: str | None
    park: str | None


@dataclass(frozen=True)
class Edit:
    """What a stage changes in the draft, stated as a value the extractor applies (`applied_to`).

    `mentions` are the document's mentions after the stage, where it finds, drops or rewrites them (a
    stage that rewrites mentions works on a `working_copy`, so the draft it read stays as it was);
    `replaced` maps a mention, by its `id`, to the one that takes its place, and the mentions whose
    parts held it hold the new one; `renamed` merges entities found to be one: the mentions and links
    of the first take the second's name (keeping theirs as an alias), and links it makes into loops
    go. `withdrawn` links, by (type, head, tail), go before `added` ones join; `main_places` are
    the document's main region and park, where the stage decides them.
    """

    mentions: list[Mention] | None = None
    replaced: Mapping[int, Mention] = field(default_factory=dict)
    renamed: Mapping[Ref, Ref] = field(default_factory=dict)
    withdrawn: frozenset[tuple[str, Ref, Ref]] = frozenset()
    added: list[Link] = field(default_factory=list)
    main_places: MainPlaces | None = None

    @classmethod
    def made(cls, before: Draft, after: Draft) -> Edit:
        """The edit that turns `before` into `after`, a `working_copy` of it that a stage rewrote and
        added links to."""
        added = after.links[len(before.links) :]
        return cls(
            mentions=after.mentions, added=added, main_places=MainPlaces(after.main_region, after.main_park)
        )

    def applied_to(self, draft: Draft) -> Draft:
        """The draft after this edit; `draft` stays as it was."""
        mentions = draft.mentions if self.mentions is None else self.mentions
        if self.replaced or self.renamed:
            renamed = {id(m) for m in mentions if (m.type, m.name) in self.renamed}
            mentions = _copies(mentions, self.replaced, _holding(mentions, renamed | set(self.replaced)))
        links = [link for link in draft.links if (link.type, link.head, link.tail) not in self.withdrawn]
        links += self.added
        region, park = self.main_places or (draft.main_region, draft.main_park)
        if self.renamed:
            mentions, links, park = self._renaming(mentions, links, park)
        return replace(draft, mentions=mentions, links=links, main_region=region, main_park=park)

    def _renaming(
        self, mentions: list[Mention], links: list[Link], park: str | None
    ) -> tuple[list[Mention], list[Link], str | None]:
        """`mentions` (the edit's own copies), `links` and the main `park` under `renamed`."""
        rename = self.renamed
        for m in mentions:
            target = rename.get((m.type, m.name))
            if target:
                m.aliases.add(m.name)
                m.name = target[1]
        links = [
            replace(link, head=rename.get(link.head, link.head), tail=rename.get(link.tail, link.tail))
            for link in links
        ]
        # two spellings found to be one unit relate it to nothing (`甲园区` PART_OF `甲`)
        links = [link for link in links if link.head != link.tail]
        if park:
            park = rename.get(("Park", park), ("Park", park))[1]
        return mentions, links, park


def working_copy(draft: Draft) -> Draft:
    """`draft` with copies of its mentions and of its list of links, for a stage that rewrites mentions
    in place to work on: what it changes stays its own until it returns `Edit.made(draft, copy)`."""
    return replace(draft, mentions=_copies(draft.mentions, {}), links=list(draft.links))


def _copies(
    mentions: list[Mention], replaced: Mapping[int, Mention], only: set[int] | None = None
) -> list[Mention]:
    """Copies of `mentions` (each the one `replaced` puts in its place, if any) whose parts are copies
    too: a mention reached by two paths is copied once, so a rename through one shows through both,
    as later stages expect. With `only`, just the mentions it holds (by `id`) are copied, the others
    kept as they are. A copy shares its `titles`, which no stage changes once `mentions.py` made them."""
    copies: dict[int, Mention] = {}

    def copy(m: Mention) -> Mention:
        key = id(m)
        made = copies.get(key)
        if made is None:
            if only is not None and key not in only:
                return m
            source = replaced.get(key, m)
            made = copies[key] = object.__new__(Mention)
            made.__dict__.update(source.__dict__)
            made.aliases = set(source.aliases)
            made.parts = [(relation, copy(inner)) for relation, inner in source.parts] if source.parts else []
        return made

    made = [copy(m) for m in mentions]
    # `copy` refers to itself, a cycle that would keep `copies`, and through it every mention copied,
    # alive until the collector ran: emptied, the copies live only as long as the draft holding them
    copies.clear()
    return made


def _holding(mentions: list[Mention], changed: set[int]) -> set[int]:
    """The mentions (by `id`) in `changed`, and those whose parts, or their parts, hold one: the
    mentions an edit that changes `changed` must copy."""
    holders: defaultdict[int, list[Mention]] = defaultdict(list)
    seen: set[int] = set()
    todo = [m for m in mentions if m.parts]
    while todo:
        m = todo.pop()
        if id(m) in seen:
            continue
        seen.add(id(m))
        for _, inner in m.parts:
            holders[id(inner)].append(m)
            todo.append(inner)
    out, rising = set(changed), list(changed)
    while rising:
        for holder in holders.get(rising.pop(), ()):
            if id(holder) not in out:
                out.add(id(holder))
                rising.append(id(holder))
    return out


class EditStage(Protocol):
    """A stage that reads the draft and returns an `Edit` of it, leaving the draft as it was."""

    def __call__(self, draft: Draft) -> Edit: ...


Stage = RelationStage | EditStage
