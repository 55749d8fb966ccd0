"""Making, undoing, replaying and sharing corrections: what `parkgraph curate` and `/api/corrections` do.

A store's graph is what its documents' extracted facts give, loaded in order, under its correction
log (`parkgraph.graph.corrections`). Loads keep that true on their own; when the log grows (a new
correction, an undo) or a document is retracted, the graph is rebuilt: `prepare` loads every held
document's extracted facts into a scratch in-memory store that holds the log, resolving each
document's entities against what is built so far exactly as `parkgraph load` does, and the store
then replaces its graph by those documents in one transaction (`Store.rebuild`). So undoing a
correction gives back the graph from before it, and corrections survive any reload.

References to entities are ids or names (or aliases) that pick out one entity; they are checked
against the graph before anything is written, so a bad correction writes nothing.
"""

from __future__ import annotations

import getpass
import json
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime

from pydantic import ValidationError

from parkgraph.graph.corrections import Correction, added_relations, curated_document, in_force, rewrite
from parkgraph.graph.embedded import EmbeddedStore
from parkgraph.graph.errors import Changed, StoreError
from parkgraph.graph.facts import DocumentFacts
from parkgraph.graph.keys import entity_key
from parkgraph.graph.model import Entity, Relation, RetractResult
from parkgraph.graph.search import search_form
from parkgraph.graph.store import Store
from parkgraph.loaders.lexicon import Lexicon
from parkgraph.loaders.resolve import resolve_keys
from parkgraph.ontology.vocab import load_vocabulary

ATTEMPTS = 3
"""Rebuilds tried when another process changes the store meanwhile."""


class CorrectionError(ValueError):
    """A correction that cannot be made: an unknown or ambiguous entity, a type the schema lacks…;
    `field` names the field of the correction at fault."""

    def __init__(self, message: str, field: str = "kind") -> None:
        super().__init__(message)
        self.field = field


@dataclass
class Replay:
    """The graph a log gives: the held documents' facts with keys resolved, and what acts on nothing."""

    documents: list[DocumentFacts] = field(default_factory=list)
    stale: list[Correction] = field(default_factory=list)


def default_author() -> str:
    """Who is at the keyboard, for corrections made without `--author`."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@contextmanager
def rebuilt(store: Store, log: Sequence[Correction], lexicon: Lexicon) -> Iterator[tuple[Store, Replay]]:
    """A scratch store holding the graph `store`'s documents give under `log`, and that replay."""
    scratch = EmbeddedStore()
    try:
        scratch.rebuild([], log)
        force, hits = in_force(log), Counter[int]()
        replay = Replay()
        for extracted in store.extracted_facts():
            facts = resolve_keys(scratch, extracted, lexicon)
            rewrite(facts, force, hits)
            scratch.load(facts, extracted)
            replay.documents.append(facts)
        added = {r.evidence[0].document: r for r in added_relations(force)}
        replay.stale = [c for c in force if not _acts(c, hits, added, scratch)]
        yield scratch, replay
    finally:
        scratch.close()


def prepare(store: Store, log: Sequence[Correction], lexicon: Lexicon) -> Replay:
    """What `store.rebuild` needs to rebuild the graph under `log`, and what in it acts on nothing."""
    with rebuilt(store, log, lexicon) as (_, prepared):
        return prepared


def _acts(correction: Correction, hits: Counter[int], added: dict[str, Relation], scratch: Store) -> bool:
    """Whether a correction in force changed a document, or put its relation in."""
    if correction.kind != "add-relation":
        return hits[correction.seq] > 0
    document = curated_document(correction.seq)
    relation = scratch.relation(added[document].id) if document in added else None
    return relation is not None and any(item.document == document for item in relation.evidence)


def replay(store: Store, lexicon: Lexicon, new: Sequence[Correction] = ()) -> list[Correction]:
    """Append `new` to the log (numbered, timed) and rebuild the graph under it; return the corrections
    in force that act on nothing (their target is gone)."""
    for _ in range(ATTEMPTS):
        log = store.corrections()
        log = [*log, *numbered(new, log[-1].seq if log else 0)]
        prepared = prepare(store, log, lexicon)
        try:
            store.rebuild(prepared.documents, log)
        except Changed:
            continue
        return prepared.stale
    raise StoreError(f"the graph kept changing during {ATTEMPTS} rebuilds; try again")


def numbered(entries: Iterable[Correction], last: int) -> list[Correction]:
    """`entries` numbered after `last`, their undo targets kept, their times set when missing."""
    return [
        entry.model_copy(update={"seq": last + place, "time": entry.time or now()})
        for place, entry in enumerate(entries, start=1)
    ]


def stale(store: Store, lexicon: Lexicon) -> list[Correction]:
    """The corrections in force that act on nothing in the graph the documents give now."""
    return prepare(store, store.corrections(), lexicon).stale


def correct(store: Store, correction: Correction, lexicon: Lexicon) -> tuple[Correction, list[Correction]]:
    """Check a correction against the graph, record it and rebuild; return it as recorded and the
    corrections acting on nothing. CorrectionError, with nothing written, when it cannot be made."""
    made = checked(store, correction, store.corrections())
    left = replay(store, lexicon, [made])
    return store.corrections()[-1], left


def undo(
    store: Store, lexicon: Lexicon, seq: int | None = None, author: str = "", note: str = ""
) -> tuple[Correction, list[Correction]]:
    """Undo correction `seq` (default: the latest in force): the graph is rebuilt without it."""
    force = in_force(store.corrections())
    if seq is None:
        if not force:
            raise CorrectionError("no correction is in force")
        seq = force[-1].seq
    entry = Correction(kind="undo", target=seq, author=author or default_author(), note=note)
    return correct(store, entry, lexicon)


def retract(
    store: Store, doc_id: str, lexicon: Callable[[], Lexicon]
) -> tuple[RetractResult, list[Correction]]:
    """Retract a document, then replay the corrections in force over what is left (`lexicon` is
    asked for only then)."""
    result = store.retract(doc_id)
    if not in_force(store.corrections()):
        return result, []
    left = replay(store, lexicon())
    result.warnings.extend(
        f"correction {c.seq} acts on nothing now, its target is gone: {describe(c)}" for c in left
    )
    return result, left


def describe(c: Correction) -> str:
    """One line saying what a correction does."""
    match c.kind:
        case "merge":
            return f"merge {c.other} into {c.entity} ({c.name})"
        case "reject":
            return f"not the same: {c.entity} and {c.other}"
        case "split":
            return f"split {c.name!r} off {c.entity} as {c.other}"
        case "rename":
            return f"rename {c.entity} to {c.name}"
        case "retype":
            return f"retype {c.entity} as {c.type}"
        case "delete":
            return f"delete {c.entity}"
        case "drop-relation":
            return f"drop {c.head} -[{c.type}]-> {c.tail}"
        case "add-relation":
            title = f" ({c.title})" if c.title else ""
            return f"add {c.head} -[{c.type}{title}]-> {c.tail}: {c.evidence}"
        case _:
            return f"undo {c.target}"


# --- checking -----------------------------------------------------------------------------------------


def find_entity(store: Store, ref: str, field: str = "entity") -> Entity:
    """The entity with id `ref`, or the one whose name or alias `ref` is; CorrectionError otherwise."""
    held = store.entity(ref)
    if held is not None:
        return held
    form = search_form(ref)
    try:
        hits = store.search(ref, limit=50)
    except ValueError as exc:
        raise CorrectionError(str(exc), field) from None
    named = [e for e in hits if form in {search_form(n) for n in (e.name, *e.aliases)}]
    if len(named) == 1:
        return named[0]
    if not named:
        raise CorrectionError(f"no entity has the id or name {ref!r}", field)
    candidates = "; ".join(f"{e.name} ({e.type}, {e.id}, {len(e.documents)} documents)" for e in named)
    raise CorrectionError(f"{ref!r} names several entities, give one id: {candidates}", field)


def checked(store: Store, c: Correction, log: Sequence[Correction]) -> Correction:
    """`c` with its references made ids and what the rules need filled in, if the graph allows it."""
    vocabulary = load_vocabulary()
    update: dict[str, object] = {"author": c.author or default_author()}
    if c.kind in ("merge", "reject"):
        keep, other = find_entity(store, c.entity), find_entity(store, c.other, "other")
        if keep.id == other.id:
            raise CorrectionError(f"{c.entity!r} and {c.other!r} are one entity, {keep.id}", "other")
        update |= {"entity": keep.id, "other": other.id, "name": keep.name, "type": keep.type}
    elif c.kind in ("split", "rename", "retype", "delete"):
        entity = find_entity(store, c.entity)
        update["entity"] = entity.id
        if c.kind == "split":
            if c.name not in entity.aliases:
                raise CorrectionError(
                    f"{c.name!r} is not an alias of {entity.name} ({entity.id}); "
                    f"its aliases: {'、'.join(entity.aliases) or 'none'}",
                    "name",
                )
            update["other"] = entity_key(entity.type, c.name)
        elif c.kind == "rename" and (not c.name.strip() or c.name == entity.name):
            raise CorrectionError(f"give {entity.name} ({entity.id}) a new, non-empty name", "name")
        elif c.kind == "retype" and c.type not in vocabulary.entity_types:
            raise CorrectionError(
                f"unknown entity type {c.type!r}; one of {', '.join(vocabulary.entity_types)}", "type"
            )
        elif c.kind == "retype" and c.type == entity.type:
            raise CorrectionError(f"{entity.name} ({entity.id}) is a {c.type} already", "type")
    elif c.kind in ("drop-relation", "add-relation"):
        update |= _checked_relation(store, c)
    elif c.kind == "undo" and c.target not in {entry.seq for entry in in_force(log)}:
        raise CorrectionError(f"correction {c.target} is not in force, so it cannot be undone", "target")
    return c.model_copy(update=update)


def _checked_relation(store: Store, c: Correction) -> dict[str, object]:
    vocabulary = load_vocabulary()
    if c.type not in vocabulary.relation_types:
        raise CorrectionError(
            f"unknown relation type {c.type!r}; one of {', '.join(vocabulary.relation_types)}", "type"
        )
    head, tail = find_entity(store, c.head, "head"), find_entity(store, c.tail, "tail")
    if c.kind == "drop-relation":
        held = store.neighbours(head.id, types=[c.type], direction="out")
        if not any(n.entity.id == tail.id for n in held):
            raise CorrectionError(f"no {c.type} relation from {head.name} to {tail.name}", "tail")
    else:
        if not vocabulary.relation_allowed(c.type, head.type, tail.type):
            raise CorrectionError(
                f"the schema allows no {c.type} relation from a {head.type} to a {tail.type}", "type"
            )
        if not c.evidence.strip():
            raise CorrectionError("an added relation needs its evidence: why do you say so?", "evidence")
    return {"head": head.id, "tail": tail.id}


# --- sharing ------------------------------------------------------------------------------------------


def export_lines(store: Store) -> str:
    """The whole log as JSON lines, one entry a line."""
    return "".join(entry.model_dump_json() + "\n" for entry in store.corrections())


def parse_lines(text: str) -> list[Correction]:
    """Log entries from JSON lines; CorrectionError naming the first bad line."""
    entries = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            entries.append(Correction.model_validate(json.loads(line)))
        except (ValueError, ValidationError) as exc:
            reason = " ".join(str(exc).split())
            raise CorrectionError(f"line {number} is not a correction: {reason}") from None
    return entries


def import_entries(store: Store, entries: Sequence[Correction], lexicon: Lexicon) -> list[Correction]:
    """Apply another store's log to this one, in one rebuild: each entry is checked against the graph the
    entries before it give (names resolved there), undos follow their corrections' new numbers.
    Returns the corrections acting on nothing; CorrectionError, with nothing written, on a bad entry."""
    held = store.corrections()
    last = held[-1].seq if held else 0
    log, renumbered = list(held), {}
    for place, entry in enumerate(entries, start=1):
        if entry.kind == "undo":
            if entry.target not in renumbered:
                raise CorrectionError(
                    f"entry {place} undoes {entry.target}, which the file does not hold before it"
                )
            entry = entry.model_copy(update={"target": renumbered[entry.target]})
        with rebuilt(store, log, lexicon) as (scratch, _):
            try:
                made = checked(scratch, entry, log)
            except CorrectionError as exc:
                raise CorrectionError(f"entry {place}: {exc}") from None
        renumbered[entry.seq] = last + place
        log.append(made.model_copy(update={"seq": last + place}))
    return replay(store, lexicon, log[len(held) :])
