"""Cross-document resolution: an entity a store already holds under another spelling keeps its id.

Within a document the extractor already merges a unit's spellings. Across documents,
`四川省样板经济技术开发区` in one article and `样板经济技术开发区` in the next are the
same park: before a document is loaded, each of its entities whose specific name or
alias is exactly a name or alias of one held entity of the same type takes that
entity's id. What names no one unit never decides a match: generic words (`园区`,
`开发区`) and names made of them (`园区党委`, `市委组织部`, which the extractor keys
per document), short names, and formula names of practices (`1+4+N`, which many places
use for their own). Units placed in different regions never merge, even under one name
(`甲市星光园` and `乙市星光园`, both called `星光园`, and their `星光园党委`s): a unit's
place is the regions its names start with, those it lies in, and the place of the unit
it is the Party organization or a part of. People are matched by their full name only,
through their key.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Protocol

from parkgraph.graph.facts import DocumentFacts, EntityFact
from parkgraph.graph.keys import entity_key
from parkgraph.graph.model import Direction, Entity
from parkgraph.graph.search import search_form
from parkgraph.graph.store import Store
from parkgraph.loaders.lexicon import Lexicon
from parkgraph.loaders.names import is_bare_unit, is_generic_name, region_level, region_prefix

MIN_SPECIFIC = 4
"""Names shorter than this (`开发区`, `公司`) are too common to tie two documents' entities together."""

_FORMULA = re.compile(r"[\dA-Za-z+＋\-×*/.]+")
"""A practice named by a formula alone (`1+4+N`, `444`): many places name their own practice so."""

PLACING = ("LOCATED_IN", "PARTY_ORG_OF", "PART_OF")
"""Relations from a unit to what places it: the region it lies in, the unit it belongs to."""


def is_specific(name: str, type_: str, lex: Lexicon) -> bool:
    """Whether a name picks out one unit rather than a kind of unit."""
    if len(name) < MIN_SPECIFIC or is_bare_unit(name, lex) or is_generic_name(name, type_, lex):
        return False
    if type_ == "Practice" and _FORMULA.fullmatch(name):
        return False
    return name not in lex.org_words.get(type_, ())


def _name_places(names: Iterable[str], lex: Lexicon) -> set[str]:
    """The regions names start with (`甲省乙市某园区` → 甲省, 乙市)."""
    return {region for name in names for region in region_prefix(name, lex)[0]}


def same_place(a: set[str], b: set[str], lex: Lexicon) -> bool:
    """Two places may be one unless they name different regions of one level (cities, counties…).

    Regions of different levels (a province and a city) or of no known level cannot tell.
    """
    known = len(lex.region_levels)
    levels: dict[int, tuple[set[str], set[str]]] = {}
    for side, regions in enumerate((a, b)):
        for region in regions:
            levels.setdefault(region_level(region, lex), (set(), set()))[side].add(region)
    return all(level == known or not x or not y or x & y for level, (x, y) in levels.items())


def _document_places(facts: DocumentFacts, lex: Lexicon) -> dict[str, set[str]]:
    """Each entity's place as its document gives it, by the entity's local id."""
    by_id = {fact.id: fact for fact in facts.entities}
    outward: dict[str, list[str]] = {}
    for relation in facts.relations:
        if relation.type in PLACING and relation.head in by_id and relation.tail in by_id:
            outward.setdefault(relation.head, []).append(relation.tail)

    def place(local: str, seen: frozenset[str]) -> set[str]:
        fact = by_id[local]
        found = _name_places((fact.name, *fact.aliases), lex)
        for tail in outward.get(local, ()):
            if by_id[tail].type == "Region":
                found.add(by_id[tail].name)
            if tail not in seen:
                found |= place(tail, seen | {tail})
        return found

    return {local: place(local, frozenset({local})) for local in by_id}


class Around(Protocol):
    """What `held_place` asks: a store, or a document's `Held`."""

    def neighbour_entities(
        self, entity_id: str, types: Sequence[str] | None = None, direction: Direction = "both"
    ) -> list[Entity]: ...


def held_place(store: Around, entity: Entity, lex: Lexicon, depth: int = 2) -> set[str]:
    """A held entity's place as the store knows it (names, regions it lies in, units it belongs to)."""
    found = _name_places((entity.name, *entity.aliases), lex)
    if not depth:
        return found
    for neighbour in store.neighbour_entities(entity.id, PLACING, "out"):
        if neighbour.type == "Region":
            found.add(neighbour.name)
        if neighbour.id != entity.id:
            found |= held_place(store, neighbour, lex, depth - 1)
    return found


class Held:
    """What a store holds that resolving one document's entities asks about, fetched up front in four
    batched calls (a server answered one call per question, some 300 round trips a document); a
    question not foreseen goes to the store."""

    def __init__(self, store: Store, facts: DocumentFacts, places: dict[str, set[str]], lex: Lexicon) -> None:
        self._store = store
        units = [fact for fact in facts.entities if fact.type != "Person"]
        ids = {fact.key for fact in units} | {_own_place_key(fact, places[fact.id]) for fact in units}
        self._entities: dict[str, Entity | None] = dict.fromkeys(ids) | store.entities(ids)
        self._named = store.named_each(
            (search_form(name), fact.type)
            for fact in units
            for name in (fact.name, *fact.aliases)
            if is_specific(name, fact.type, lex)
        )
        self._around: dict[str, list[Entity]] = {}
        found = [entity for entity in self._entities.values() if entity is not None]
        found += [entity for entities in self._named.values() for entity in entities]
        for _ in range(2):  # `held_place` looks two steps out
            asked = {entity.id for entity in found} - self._around.keys()
            answered = store.neighbour_entities_each(asked, PLACING, "out") if asked else {}
            self._around |= answered
            found = [entity for entities in answered.values() for entity in entities]

    def entity(self, entity_id: str) -> Entity | None:
        if entity_id not in self._entities:
            self._entities[entity_id] = self._store.entity(entity_id)
        return self._entities[entity_id]

    def named(self, name: str, type_: str) -> list[Entity]:
        if (name, type_) not in self._named:
            self._named[(name, type_)] = self._store.named(name, type_)
        return self._named[(name, type_)]

    def neighbour_entities(
        self, entity_id: str, types: Sequence[str] | None = None, direction: Direction = "both"
    ) -> list[Entity]:
        if tuple(types or ()) == PLACING and direction == "out" and entity_id in self._around:
            return self._around[entity_id]
        return self._store.neighbour_entities(entity_id, types, direction)


def _own_place_key(fact: EntityFact, place: set[str]) -> str:
    """The key of a unit named as `fact` is, in its own place (when the store holds `fact.key` elsewhere)."""
    return entity_key(fact.type, fact.name, "|".join(sorted(place)))


def _may_lie_in(store: Held, held: Entity, place: set[str], lex: Lexicon) -> bool:
    """Whether a held entity may lie in `place`; a fact placed nowhere may lie anywhere (`same_place`),
    so the store is asked for the held entity's place only when the fact has one."""
    return not place or same_place(place, held_place(store, held, lex), lex)


def _held_match(store: Held, fact: EntityFact, place: set[str], lex: Lexicon) -> str | None:
    """The id of the one held entity of the same place that shares a specific name with `fact`."""
    names = {search_form(n) for n in (fact.name, *fact.aliases) if is_specific(n, fact.type, lex)}
    found: set[str] = set()
    for name in names:
        for held in store.named(name, fact.type):
            held_names = {
                search_form(n) for n in (held.name, *held.aliases) if is_specific(n, held.type, lex)
            }
            if name in held_names and _may_lie_in(store, held, place, lex):
                found.add(held.id)
    return found.pop() if len(found) == 1 else None


def _placed_key(store: Held, fact: EntityFact, place: set[str], lex: Lexicon) -> str:
    """`fact`'s key, or one of its own place when the store holds that key for a unit elsewhere."""
    held = store.entity(fact.key)
    if held is None or _may_lie_in(store, held, place, lex):
        return fact.key
    return _own_place_key(fact, place)


def resolve_keys(store: Store, facts: DocumentFacts, lex: Lexicon) -> DocumentFacts:
    """`facts` with the ids of entities the store already holds under another spelling."""
    if store.document(facts.document.id) is not None:
        return facts
    places = _document_places(facts, lex)
    held = Held(store, facts, places, lex)
    used = {fact.key for fact in facts.entities}
    entities = []
    for fact in facts.entities:
        if fact.type != "Person":
            key = _placed_key(held, fact, places[fact.id], lex)
            if held.entity(key) is None:
                match = _held_match(held, fact, places[fact.id], lex)
                key = match if match is not None and match not in used else key
            used.add(key)
            fact = fact.model_copy(update={"key": key})
        entities.append(fact)
    return facts.model_copy(update={"entities": entities})
