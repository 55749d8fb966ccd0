"""The facts a roster's rows state, each with its row's line as evidence.

A row says: the person (`person`) holds the post (`title`) in the unit (`unit`; else the one enterprise
or the park of the row); a Party organization in `unit` covers the enterprises listed with it; the
enterprises (or, without them, a unit that is no Party body) lie in the row's park. A name is typed by
the text extractor's own rules (`name_types`), the column deciding only a name those rules cannot
type; what a name implies (`甲公司党支部` is the Party organization of 甲公司) is read by `parse_name`,
as in a sentence.
"""

from __future__ import annotations

from collections.abc import Iterable

from parkgraph.graph.facts import DocumentFacts, DocumentInfo, EntityFact, RelationFact, Span
from parkgraph.graph.keys import entity_key
from parkgraph.loaders.lexicon import Lexicon
from parkgraph.loaders.mentions import Mention, find_org_mentions, is_name_char
from parkgraph.loaders.names import PARTY_TYPES, ParsedName, is_generic_name, parse_name, split_regions
from parkgraph.loaders.recognition import org_word_of
from parkgraph.loaders.roster import RosterCell, RosterDocument, RosterRow
from parkgraph.loaders.segment import Sentence

CONFIDENCE = 0.9
"""A roster states its facts outright; only the reading of a name's type can be wrong."""
FALLBACK_TYPES = {"unit": "Organization", "enterprise": "Enterprise", "park": "Park"}
"""The type a column gives a name the rules cannot type (`甲乙科技` under 企业名称)."""
PERSON_LENGTH = range(2, 11)
"""A person's name: two characters, up to a long transliterated one (`阿不都·热合曼`)."""


NameTypes = dict[str, tuple[str, str | None] | None]


def name_types(names: Iterable[str], lex: Lexicon) -> NameTypes:
    """(type, organization word) of each name written alone, as the text extractor types it; None when
    its rules see no organization, region or enterprise brand in it. The names are read as the lines of
    one text, so the lexical analyzer the rules consult runs a few times, not once a name."""
    names = list(dict.fromkeys(names))
    sentences, at = [], 0
    for name in names:
        sentences.append(Sentence(at, at + len(name), name))
        at += len(name) + 1
    whole: dict[int, Mention] = {}
    for mention in find_org_mentions("\n".join(names), sentences, lex):
        held = whole.get(mention.sentence)
        ends = mention.end == sentences[mention.sentence].end
        if ends and (held is None or mention.start < held.start):
            whole[mention.sentence] = mention
    return {name: _name_type(name, whole.get(i), lex) for i, name in enumerate(names)}


def _name_type(name: str, mention: Mention | None, lex: Lexicon) -> tuple[str, str | None] | None:
    if name in lex.known_bodies:
        return lex.known_bodies[name], None
    if mention is not None:
        return mention.type, org_word_of(mention, lex)
    if split_regions(name, lex):
        return "Region", None
    return ("Enterprise", None) if lex.brand(name) else None


def is_person_name(value: str, lex: Lexicon) -> bool:
    """A name as a roster writes it: Chinese or Latin letters (a `·` between parts), not a word that
    stands where a name would (`党员`, `待定`)."""
    letters = all(ch == "·" or (is_name_char(ch) and not ch.isdigit()) for ch in value)
    return len(value) in PERSON_LENGTH and letters and value not in lex.not_names


class _Facts:
    """Entities and relations of one roster, each entity and relation once (the first row wins)."""

    def __init__(self, document: DocumentInfo, text: str, lex: Lexicon, types: NameTypes) -> None:
        self.document, self.text, self.lex, self.types = document, text, lex, types
        self.entities: dict[tuple[str, str], EntityFact] = {}
        self.relations: dict[tuple[str, str, str, str], RelationFact] = {}
        self.mentioned: set[tuple[str, int]] = set()
        self.units_of: dict[str, set[str]] = {}
        """The entities each Party body is the Party organization of, by its name."""
        self.parsed: dict[tuple[str, str], tuple[str, ParsedName | None]] = {}

    def entity(
        self, type_: str, name: str, at: tuple[int, int] | None = None, own: bool = False
    ) -> EntityFact:
        """The entity of a name; `own` (a name that needs a unit to say which body it is) or a generic
        name (`党支部` alone) is this document's, as in a text, so it merges with no other roster's."""
        name = self.lex.canonical(name)
        fact = self.entities.get((type_, name))
        if fact is None:
            scope = self.document.id if own or is_generic_name(name, type_, self.lex) else ""
            fact = self.entities[type_, name] = EntityFact(
                id=f"e{len(self.entities) + 1}", key=entity_key(type_, name, scope), type=type_, name=name
            )
        if at and (fact.id, at[0]) not in self.mentioned:
            self.mentioned.add((fact.id, at[0]))
            fact.mentions.append(Span(start=at[0], end=at[1], text=self.text[at[0] : at[1]]))
        return fact

    def relate(self, type_: str, head: EntityFact, tail: EntityFact, row: RosterRow, title: str = "") -> None:
        key = (type_, head.id, tail.id, title)
        if key not in self.relations and head.id != tail.id:
            if type_ == "PARTY_ORG_OF":
                self.units_of.setdefault(head.id, set()).add(tail.id)
            self.relations[key] = RelationFact(
                type=type_,
                head=head.id,
                tail=tail.id,
                attributes={"title": title} if title else {},
                evidence=Span(start=row.start, end=row.end, text=self.text[row.start : row.end]),
                confidence=CONFIDENCE,
            )

    def organization(self, cell: RosterCell, row: RosterRow) -> EntityFact:
        """The unit a cell names, typed by the name rules, with what its name implies."""
        type_, parsed = self.read_name(cell.value, FALLBACK_TYPES[cell.role])
        at = None if cell.carried else (cell.start, cell.end)
        own = parsed is not None and parsed.needs_unit
        fact = self.entity(type_, parsed.name if parsed else cell.value, at, own)
        for alias in sorted({cell.value, *(parsed.aliases if parsed else ())} - {fact.name}):
            if alias not in fact.aliases:
                fact.aliases.append(alias)
        for part in parsed.parts if parsed else ():
            if part.relation:
                at = cell.value.find(part.name)
                span = (
                    (cell.start + at, cell.start + at + len(part.name))
                    if at >= 0 and not cell.carried
                    else None
                )
                self.relate(part.relation, fact, self.entity(part.type, part.name, span), row)
        return fact

    def read_name(self, name: str, fallback: str) -> tuple[str, ParsedName | None]:
        """The type of a name and its parts, read once per name (a roster repeats its units row after row)."""
        found = self.parsed.get((name, fallback))
        if found is None:
            type_, word = self.types.get(name) or (fallback, None)
            parsed = parse_name(type_, name, word, self.lex) if word and type_ != "Region" else None
            found = self.parsed[name, fallback] = (type_, parsed)
        return found

    def add_row(self, row: RosterRow) -> None:
        unit = next((self.organization(c, row) for c in row.values("unit")), None)
        enterprises = [self.organization(c, row) for c in row.values("enterprise")]
        park = next((self.organization(c, row) for c in row.values("park")), None)
        party = unit if unit is not None and unit.type in PARTY_TYPES else None
        if party is not None:
            for enterprise in enterprises:
                if enterprise.id not in self.units_of.get(party.id, ()):
                    self.relate("COVERS", party, enterprise, row)
        if park is not None:
            placed = enterprises or ([unit] if unit is not None and party is None else [])
            for unit_in_park in placed:
                self.relate("LOCATED_IN", unit_in_park, park, row)
        self._post(row, unit or (enterprises[0] if len(enterprises) == 1 else park))

    def _post(self, row: RosterRow, holder: EntityFact | None) -> None:
        title = next((c.value for c in row.values("title")), "")
        for person in (c for c in row.values("person") if is_person_name(c.value, self.lex)):
            fact = self.entity("Person", person.value, (person.start, person.end))
            if holder is not None:
                self.relate("HOLDS_POST", fact, holder, row, title)

    def facts(self) -> DocumentFacts:
        return DocumentFacts(
            document=self.document,
            entities=list(self.entities.values()),
            relations=list(self.relations.values()),
            text=self.text,
        )


def roster_facts(raw: RosterDocument, lex: Lexicon) -> DocumentFacts:
    """The facts of a roster's rows; its text is already normalized (`roster.normalized_cells`)."""
    info = DocumentInfo(id=raw.id, source=raw.source, title=raw.title, encoding=raw.encoding)
    names = (cell.value for row in raw.rows for cell in row.cells if cell.role in FALLBACK_TYPES)
    found = _Facts(info, raw.text, lex, name_types(names, lex))
    for row in raw.rows:
        found.add_row(row)
    return found.facts()
