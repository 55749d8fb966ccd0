"""Cross-document resolution: an entity a store already holds under another spelling keeps its id.

Within a document the extractor already merges a unit's spellings. Across documents,
`四川省样板经济技术开发区` in one article and `样板经济技术开发区` in the next are the
same park: before a document is loaded, each of its entities whose specific name or
alias is exactly a name or alias of one held entity of the same type takes that
entity's id. What names no one unit never decides a match: generic words (`园区`,
`开发区`) and names made of them (`园区党委`, `市委组织部`, which the extractor keys
per document), short names, and formula names of practices (`1+4+N`, which many places
use for their own). Names placed in different regions (`甲市高新区` and `乙市高新区`)
never match, and people are matched by their full name only, through their key.
"""

from __future__ import annotations

import re

from parkgraph.graph.facts import DocumentFacts, EntityFact
from parkgraph.graph.search import search_form
from parkgraph.graph.store import Store
from parkgraph.loaders.lexicon import Lexicon
from parkgraph.loaders.names import is_bare_unit, is_generic_name, region_prefix

MIN_SPECIFIC = 4
"""Names shorter than this (`开发区`, `公司`) are too common to tie two documents' entities together."""

_FORMULA = re.compile(r"[\dA-Za-z+＋\-×*/.]+")
"""A practice named by a formula alone (`1+4+N`, `444`): many places name their own practice so."""


def is_specific(name: str, type_: str, lex: Lexicon) -> bool:
    """Whether a name picks out one unit rather than a kind of unit."""
    if len(name) < MIN_SPECIFIC or is_bare_unit(name, lex) or is_generic_name(name, type_, lex):
        return False
    if type_ == "Practice" and _FORMULA.fullmatch(name):
        return False
    return name not in lex.org_words.get(type_, ())


def _places(names: tuple[str, ...], lex: Lexicon) -> set[str]:
    """The regions an entity's names are prefixed with (`甲省乙市某园区` → 甲省, 乙市)."""
    return {region for name in names for region in region_prefix(name, lex)[0]}


def _same_place(a: set[str], b: set[str]) -> bool:
    """Two entities may be one unit unless both are placed and neither place holds the other's regions."""
    return not a or not b or a <= b or b <= a


def _held_match(store: Store, fact: EntityFact, lex: Lexicon) -> str | None:
    """The id of the one held entity that shares a specific name with `fact`, if exactly one does."""
    names = {search_form(n) for n in (fact.name, *fact.aliases) if is_specific(n, fact.type, lex)}
    place = _places((fact.name, *fact.aliases), lex)
    found: set[str] = set()
    for name in names:
        for held in store.search(name, type_=fact.type, limit=20):
            held_names = {
                search_form(n) for n in (held.name, *held.aliases) if is_specific(n, held.type, lex)
            }
            if name in held_names and _same_place(place, _places((held.name, *held.aliases), lex)):
                found.add(held.id)
    return found.pop() if len(found) == 1 else None


def resolve_keys(store: Store, facts: DocumentFacts, lex: Lexicon) -> DocumentFacts:
    """`facts` with the ids of entities the store already holds under another spelling."""
    if store.document(facts.document.id) is not None:
        return facts
    used = {fact.key for fact in facts.entities}
    entities = []
    for fact in facts.entities:
        if fact.type != "Person" and store.entity(fact.key) is None:
            held = _held_match(store, fact, lex)
            if held is not None and held not in used:
                used.add(held)
                fact = fact.model_copy(update={"key": held})
        entities.append(fact)
    return facts.model_copy(update={"entities": entities})
