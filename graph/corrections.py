"""Corrections as data: an analyst's edits of the graph, kept as an append-only log and replayed.

The graph a store holds is what its documents' extracted facts give, loaded in order, once the
corrections in force have rewritten each document's facts (`rewrite`), with the relations analysts
added (`added_relations`) put in as soon as both their ends are held. Every store applies the same
two functions, to each document it loads and when it rebuilds the graph (`parkgraph.curation`), so
re-extracting a document never undoes a correction, and undoing one is rebuilding without it.

Entries are never changed or removed: undoing correction N appends an `undo` entry naming N, and a
rejected merge suggestion is a `reject` entry, so the log is the whole history.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from typing import Literal, get_args

from pydantic import BaseModel, Field

from parkgraph.graph.errors import Changed
from parkgraph.graph.facts import DocumentFacts, EntityFact, RelationFact
from parkgraph.graph.keys import relation_key
from parkgraph.graph.model import Evidence, Relation
from parkgraph.graph.naming import given_names

Edit = Literal["merge", "split", "rename", "retype", "drop-relation", "add-relation", "delete"]
EDITS: tuple[str, ...] = get_args(Edit)
Kind = Literal[Edit, "undo", "reject"]

CURATED_CONFIDENCE = 1.0
"""An analyst's word: what they add outranks every rule."""


class Correction(BaseModel):
    """One entry of the log. Which fields count depends on `kind` (see the field descriptions)."""

    seq: int = Field(default=0, description="its place in the log, from 1; given when it is recorded")
    kind: Kind
    time: str = Field(default="", description="when it was made, ISO 8601 UTC")
    author: str = ""
    note: str = ""
    entity: str = Field(default="", description="the entity corrected; merge: the one kept")
    other: str = Field(
        default="", description="merge and reject: the entity merged away; split: the new entity's id"
    )
    name: str = Field(default="", description="merge: the kept name; rename: the new name; split: the alias")
    type: str = Field(
        default="", description="retype and merge: the entity type; relations: the relation type"
    )
    head: str = ""
    tail: str = ""
    title: str = Field(default="", description="add-relation: the post's title, for HOLDS_POST")
    evidence: str = Field(default="", description="add-relation: the analyst's reason, shown as its evidence")
    target: int = Field(default=0, description="undo: the seq of the correction undone")


def in_force(log: Sequence[Correction]) -> list[Correction]:
    """The edits of `log` not undone, in log order."""
    undone = {entry.target for entry in log if entry.kind == "undo"}
    return [entry for entry in log if entry.kind in EDITS and entry.seq not in undone]


def refused_pairs(log: Sequence[Correction]) -> set[frozenset[str]]:
    """The pairs of entity ids not to suggest merging: those an analyst rejected, and those merged."""
    return {frozenset((c.entity, c.other)) for c in log if c.kind == "reject"} | {
        frozenset((c.entity, c.other)) for c in in_force(log) if c.kind == "merge"
    }


def check_rebuild(
    held: Sequence[str],
    documents: Sequence[DocumentFacts],
    stored: Sequence[Correction],
    log: Sequence[Correction],
) -> list[Correction]:
    """What a store appends to its log in a rebuild; `Changed` unless the rebuild was prepared from what
    the store holds: its documents (`held`, in load order) and its log (`stored`, which `log` extends)."""
    if list(held) != [facts.document.id for facts in documents] or list(log[: len(stored)]) != list(stored):
        raise Changed("the graph changed while its rebuild was prepared; prepare it again")
    return list(log[len(stored) :])


def curated_document(seq: int) -> str:
    """The evidence `document` of a relation added by correction `seq`: no document held has this id."""
    return f"correction-{seq}"


_Facts = tuple[list[EntityFact], list[RelationFact]]
_Rule = Callable[[Correction, list[EntityFact], list[RelationFact]], tuple[_Facts, bool]]


def rewrite(
    facts: DocumentFacts, corrections: Sequence[Correction], hits: Counter[int] | None = None
) -> DocumentFacts:
    """One document's facts (their keys resolved) as the corrections in force, in order, say they are.

    `hits` counts, per correction, the documents it changed: one that changes none has no target left.
    """
    entities, relations = list(facts.entities), list(facts.relations)
    for correction in corrections:
        (entities, relations), changed = _RULES[correction.kind](correction, entities, relations)
        if changed and hits is not None:
            hits[correction.seq] += 1
    if entities == facts.entities and relations == facts.relations:
        return facts
    return facts.model_copy(update={"entities": entities, "relations": relations})


def _keys(entities: Sequence[EntityFact]) -> dict[str, str]:
    return {fact.id: fact.key for fact in entities}


def _renamed(fact: EntityFact, name: str, **changes: str) -> EntityFact:
    """`fact` under `name`, its other names kept as aliases, so a search for them still finds it."""
    aliases = [alias for alias in given_names([fact.name, *fact.aliases]) if alias != name]
    return fact.model_copy(update={"name": name, "aliases": aliases, **changes})


def _merge(c: Correction, entities: list[EntityFact], relations: list[RelationFact]) -> tuple[_Facts, bool]:
    if not any(fact.key == c.other for fact in entities):
        return (entities, relations), False
    entities = [
        _renamed(fact, c.name, key=c.entity, type=c.type) if fact.key == c.other else fact
        for fact in entities
    ]
    keys = _keys(entities)
    return (entities, [r for r in relations if keys[r.head] != keys[r.tail]]), True


def _split(c: Correction, entities: list[EntityFact], relations: list[RelationFact]) -> tuple[_Facts, bool]:
    """Mentions under the alias become the new entity; a mention named otherwise keeps its relations."""
    result: list[EntityFact] = []
    changed = False
    for fact in entities:
        if fact.key == c.entity and fact.name == c.name:
            fact = fact.model_copy(update={"key": c.other})
            changed = True
        elif fact.key == c.entity and c.name in fact.aliases:
            result.append(fact.model_copy(update={"aliases": [a for a in fact.aliases if a != c.name]}))
            fact = EntityFact(
                id=f"{fact.id}~{c.seq}",
                key=c.other,
                type=fact.type,
                name=c.name,
                mentions=[span for span in fact.mentions if span.text == c.name],
            )
            changed = True
        result.append(fact)
    return (result, relations), changed


def _rename(c: Correction, entities: list[EntityFact], relations: list[RelationFact]) -> tuple[_Facts, bool]:
    if not any(fact.key == c.entity for fact in entities):
        return (entities, relations), False
    return ([_renamed(fact, c.name) if fact.key == c.entity else fact for fact in entities], relations), True


def _retype(c: Correction, entities: list[EntityFact], relations: list[RelationFact]) -> tuple[_Facts, bool]:
    if not any(fact.key == c.entity for fact in entities):
        return (entities, relations), False
    retyped = [
        fact.model_copy(update={"type": c.type}) if fact.key == c.entity else fact for fact in entities
    ]
    return (retyped, relations), True


def _delete(c: Correction, entities: list[EntityFact], relations: list[RelationFact]) -> tuple[_Facts, bool]:
    gone = {fact.id for fact in entities if fact.key == c.entity}
    if not gone:
        return (entities, relations), False
    kept = [fact for fact in entities if fact.id not in gone]
    return (kept, [r for r in relations if r.head not in gone and r.tail not in gone]), True


def _drop_relation(
    c: Correction, entities: list[EntityFact], relations: list[RelationFact]
) -> tuple[_Facts, bool]:
    keys = _keys(entities)
    kept = [r for r in relations if (keys[r.head], r.type, keys[r.tail]) != (c.head, c.type, c.tail)]
    return (entities, kept), len(kept) != len(relations)


def _no_document_change(
    c: Correction, entities: list[EntityFact], relations: list[RelationFact]
) -> tuple[_Facts, bool]:
    return (entities, relations), False


_RULES: dict[str, _Rule] = {
    "merge": _merge,
    "split": _split,
    "rename": _rename,
    "retype": _retype,
    "delete": _delete,
    "drop-relation": _drop_relation,
    "add-relation": _no_document_change,
}


def added_relations(corrections: Sequence[Correction]) -> list[Relation]:
    """The relations analysts added, as the corrections after each one leave them (merged ends moved,
    deleted ends and dropped relations gone), each with the analyst's evidence."""
    found: list[Relation] = []
    for place, added in enumerate(corrections):
        if added.kind != "add-relation":
            continue
        head, tail = _followed(added, corrections[place + 1 :])
        if head and tail and head != tail:
            found.append(_relation(added, head, tail))
    return found


def _followed(added: Correction, later: Sequence[Correction]) -> tuple[str, str]:
    """The ends of an added relation after the later corrections; empty when it is gone."""
    head, tail = added.head, added.tail
    for c in later:
        if c.kind == "merge":
            head, tail = (c.entity if end == c.other else end for end in (head, tail))
        elif (c.kind == "delete" and c.entity in (head, tail)) or (
            c.kind == "drop-relation" and (c.head, c.type, c.tail) == (head, added.type, tail)
        ):
            return "", ""
    return head, tail


def _relation(added: Correction, head: str, tail: str) -> Relation:
    attributes = {"title": added.title} if added.title else {}
    evidence = Evidence(
        document=curated_document(added.seq),
        source=f"correction {added.seq} by {added.author or 'unknown'}",
        start=0,
        end=len(added.evidence),
        text=added.evidence,
        confidence=CURATED_CONFIDENCE,
    )
    return Relation(
        id=relation_key(added.type, head, tail, added.title),
        type=added.type,
        head=head,
        tail=tail,
        attributes=attributes,
        confidence=CURATED_CONFIDENCE,
        evidence=[evidence],
    )
