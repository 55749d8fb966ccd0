"""Checks a document's facts before any store changes: one function, so every store refuses the same facts.

A store asks `validate_facts` first and writes only when it returns; the
`ValueError` it raises lists every problem of the document at once, so a
person can fix the file in one go. Relation and entity types must be ones the
ontology defines: the Neo4j store places relation types in Cypher as
relationship types, which cannot be query parameters, and gives its nodes the
entity types as labels.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from parkgraph.graph.facts import DocumentFacts
from parkgraph.ontology.vocab import VocabularyError, load_vocabulary

__all__ = ["RESERVED_ATTRIBUTES", "ValidFacts", "validate_facts"]

RESERVED_ATTRIBUTES = frozenset(
    {"id", "type", "head", "tail", "attributes", "confidence", "evidence", "documents", "sources"}
)
"""A relation's own fields, which stores keep beside its attributes, so no attribute may take their names."""


@dataclass(frozen=True)
class ValidFacts:
    """The stable key of each entity id of the document, and the labels of the entities new to the store."""

    keys: dict[str, str]
    labels: dict[str, list[str]]


def validate_facts(facts: DocumentFacts, held_types: Mapping[str, str]) -> ValidFacts:
    """Check a document's facts against themselves, the ontology and what the store already holds.

    `held_types` maps the keys of this document's entities that the store
    already holds to their stored types (other keys may be left out).
    Raises ValueError naming the document and every problem found.
    """
    vocabulary = load_vocabulary()
    problems: list[str] = []
    keys: dict[str, str] = {}
    types: dict[str, str] = {}
    labels: dict[str, list[str]] = {}
    if not facts.document.id.strip():
        problems.append("the document id is empty")
    for number, fact in enumerate(facts.entities, start=1):
        where = f"entity {number} ({fact.id!r})"
        if not (fact.id.strip() and fact.key.strip() and fact.type.strip() and fact.name.strip()):
            problems.append(f"{where} needs a non-empty id, key, type and name")
        if fact.id in keys:
            problems.append(f"{where} repeats an entity id of this document")
        keys[fact.id] = fact.key
        held = held_types.get(fact.key, types.get(fact.key, fact.type))
        if held != fact.type:
            problems.append(f"{where} has type {fact.type!r}, but key {fact.key!r} is a {held}")
        elif fact.key not in held_types and fact.key not in labels:
            try:
                labels[fact.key] = vocabulary.labels_for(fact.type, fact.name)
            except VocabularyError as exc:
                problems.append(f"{where}: {exc}")
        types.setdefault(fact.key, fact.type)
    for number, fact in enumerate(facts.relations, start=1):
        where = f"relation {number} ({fact.type or 'no type'} {fact.head!r} → {fact.tail!r})"
        if not fact.type.strip():
            problems.append(f"{where} has no type")
        elif fact.type not in vocabulary.relation_types:
            problems.append(
                f"{where}: unknown relation type {fact.type!r}; known: {', '.join(vocabulary.relation_types)}"
            )
        for end in (fact.head, fact.tail):
            if end not in keys:
                problems.append(f"{where}: {end!r} is not an entity id of this document")
        if fact.evidence.start > fact.evidence.end:
            problems.append(f"{where}: evidence starts after it ends")
        if any(not name.strip() for name in fact.attributes):
            problems.append(f"{where} has an attribute without a name")
        reserved = sorted(RESERVED_ATTRIBUTES.intersection(fact.attributes))
        if reserved:
            problems.append(
                f"{where}: attribute name(s) {', '.join(reserved)} are reserved for the relation itself"
            )
    if problems:
        document = facts.document
        raise ValueError(f"cannot load document {document.id!r} ({document.source}): " + "; ".join(problems))
    return ValidFacts(keys=keys, labels=labels)
