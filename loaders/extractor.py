"""The rule-based extractor: a pipeline of small steps over one normalized document.

Steps, in order, over a `Draft` (see `draft.py`) that none of them changes: each returns a value, and
the extractor makes the next draft from it before the next step runs. The relation steps of 3 return
the links they find (`RelationStage`); the mention and naming steps of 1 and 2, `PostStep` (which also
adds the bodies its titles name) and `PlaceStep` (which also withdraws links) return an `Edit`.
1. `recognition`: `MentionStep` finds mentions of organizations, regions, people and
   practices (and `tables.TablePeopleStep` the people of a table's person column);
   `NameStep` reads the entities inside names (the park in a committee's name);
2. `units`: `UnitStep` decides the document's own units and names its generic mentions
   ("园区党委" → "<the park>党委", so the same word in two documents never merges; one it cannot name
   keeps its bare name under an id of its document's own);
   `VariantStep` makes one entity of a unit's spellings; `structure.JointReferenceStep` names a
   bare `这一联合党支部` after the joint body the document names; `company_bodies.CompanyBodyStep`
   names the Party bodies listed companies are said to have formed (`甲公司和乙公司建立党支部`);
3. `relations`: posts from titles (and `tables.TablePostStep` from a table's rows,
   `groups.GroupPostStep` a working group's members by role), structure from trigger words and
   chains of duties,
   `structure.StructureStep` structure from lists, chains and names, `structure.PlaceStep` the
   places names imply, adopted practices, and where units lie.
The draft then becomes `DocumentFacts` (SCHEMA.md's interchange format), which the learned
fact filter (`filter.py`; the shipped model unless `PARKGRAPH_MODEL` says otherwise) rids of the facts it
does not trust, adding the relations it proposes between entities the rules found (`proposals.py`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from parkgraph.graph.facts import DocumentFacts, DocumentInfo, EntityFact, RelationFact, Span
from parkgraph.graph.keys import entity_key
from parkgraph.loaders.collector import collection_paused
from parkgraph.loaders.company_bodies import CompanyBodyStep
from parkgraph.loaders.draft import Draft, Edit, Ref, Stage
from parkgraph.loaders.filter import FactFilter, load_filter
from parkgraph.loaders.groups import GroupPostStep
from parkgraph.loaders.lexicon import Lexicon, load_lexicon
from parkgraph.loaders.names import is_generic_name
from parkgraph.loaders.recognition import MentionStep, NameStep
from parkgraph.loaders.relations import AdoptStep, ChainStep, LocationStep, PostStep, TriggerStep
from parkgraph.loaders.segment import split_sentences
from parkgraph.loaders.structure import JointReferenceStep, PlaceStep, StructureStep
from parkgraph.loaders.tables import TablePeopleStep, TablePostStep
from parkgraph.loaders.units import UnitStep, VariantStep

DEFAULT_STEPS: tuple[Stage, ...] = (
    MentionStep(),
    TablePeopleStep(),
    NameStep(),
    UnitStep(),
    VariantStep(),
    JointReferenceStep(),
    CompanyBodyStep(),
    PostStep(),
    TablePostStep(),
    GroupPostStep(),
    TriggerStep(),
    ChainStep(),
    StructureStep(),
    PlaceStep(),
    AdoptStep(),
    LocationStep(),
)


class Extractor:
    """Runs the steps over a normalized document, each on the draft the one before left (its `Edit`
    applied, or the links it found added), and returns the last draft's facts.

    The fact filter is `fact_filter`, else the configured model (`load_filter`);
    `rules_only` leaves it out, as training needs (it learns from what the rules alone find).
    """

    def __init__(
        self,
        lexicon: Lexicon | None = None,
        steps: Sequence[Stage] = DEFAULT_STEPS,
        fact_filter: FactFilter | None = None,
        rules_only: bool = False,
    ) -> None:
        self.lexicon = lexicon or load_lexicon()
        self.steps = tuple(steps)
        self.fact_filter = None if rules_only else fact_filter or load_filter()

    def extract(self, text: str, document: DocumentInfo) -> DocumentFacts:
        with collection_paused():
            draft = Draft(text=text, sentences=split_sentences(text), lex=self.lexicon, title=document.title)
            for step in self.steps:
                found = step(draft)
                if isinstance(found, Edit):
                    draft = found.applied_to(draft)
                else:
                    draft = replace(draft, links=draft.links + found)
            facts = _to_facts(draft, document)
            return self.fact_filter.apply(facts, self.lexicon) if self.fact_filter else facts


def _to_facts(draft: Draft, document: DocumentInfo) -> DocumentFacts:
    lex = draft.lex
    entities: dict[Ref, EntityFact] = {}

    def entity(ref: Ref) -> EntityFact:
        type_, name = ref[0], lex.canonical(ref[1])
        key = (type_, name)
        if key not in entities:
            # a name of no one unit (`园区党委` where the document does not say which) is this document's
            scope = document.id if is_generic_name(name, type_, lex) else ""
            entities[key] = EntityFact(
                id=f"e{len(entities) + 1}", key=entity_key(type_, name, scope), type=type_, name=name
            )
        return entities[key]

    spans: set[tuple[str, int, int]] = set()
    for m in draft.mentions:
        fact = entity((m.type, m.name))
        surface = draft.text[m.start : m.end]
        for alias in sorted(m.aliases | {m.name} | ({surface} if m.surface_alias else set())):
            if alias != fact.name and alias not in fact.aliases and alias:
                fact.aliases.append(alias)
        if (fact.id, m.start, m.end) not in spans:
            spans.add((fact.id, m.start, m.end))
            fact.mentions.append(Span(start=m.start, end=m.end, text=surface))
    relations: dict[tuple, RelationFact] = {}
    # a sub-park named in its park (`甲开发区乙园`) and said to lie in it is a part of it, no more
    parts = {(link.head, link.tail) for link in draft.links if link.type == "PART_OF"}
    for link in draft.links:
        if link.type == "LOCATED_IN" and (link.head, link.tail) in parts:
            continue
        head, tail = entity(link.head), entity(link.tail)
        if head.name == tail.name:
            continue  # `两江新区` read both as a park and as a district lies in no other place
        sent = draft.sentences[link.sentence]
        key = (link.type, head.id, tail.id, link.title)
        if key in relations:
            continue
        relations[key] = RelationFact(
            type=link.type,
            head=head.id,
            tail=tail.id,
            attributes={"title": link.title} if link.title else {},
            evidence=Span(start=sent.start, end=sent.end, text=sent.text),
            confidence=link.confidence,
        )
    _unshared_aliases(list(entities.values()), draft.main_park)
    return DocumentFacts(
        document=document,
        entities=list(entities.values()),
        relations=list(relations.values()),
        text=draft.text,
    )


def _unshared_aliases(entities: list[EntityFact], main_park: str | None) -> None:
    """No two entities of a document share a name or an alias (ANNOTATION.md): a word two of them were
    written as (`园区` for the article's park and for a part of it) stays with the article's park, if it
    is one of them, and otherwise with none."""
    holders: defaultdict[str, list[EntityFact]] = defaultdict(list)
    for fact in entities:
        for alias in fact.aliases:
            holders[alias].append(fact)
    names = {fact.name for fact in entities}
    for alias, facts in holders.items():
        if len(facts) < 2 and alias not in names:
            continue
        for fact in facts:
            if not (fact.type == "Park" and fact.name == main_park and alias not in names):
                fact.aliases.remove(alias)
