"""`EmbeddedStore`: the `Store` protocol on an in-memory networkx graph, kept in one JSON file.

It needs no server, so the CLI, the tests and a laptop demo run on it. Every
load and retraction is all-or-nothing, so neither a bad document nor a failed
write leaves half a document behind: a load changes the graph in place while a
journal notes what each change replaced, and undoes them all if anything fails
(copying a large graph for every document would make bulk loads quadratic); a
retraction works on a copy. The file is replaced atomically after each change,
or once at the end of a `batch()`. One lock serializes readers and writers.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import tempfile
import threading
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, ParamSpec, TypeVar

import networkx as nx
from pydantic import BaseModel, Field, ValidationError

from parkgraph.graph import traversal
from parkgraph.graph.errors import NotFound, StoreError
from parkgraph.graph.facts import DocumentFacts, DocumentInfo, EntityFact
from parkgraph.graph.keys import relation_key
from parkgraph.graph.model import (
    Counts,
    Direction,
    DocumentContents,
    Entity,
    Evidence,
    LoadResult,
    Neighbour,
    Reach,
    Relation,
    RetractResult,
)
from parkgraph.graph.model import Path as GraphPath
from parkgraph.graph.naming import given_names, names_left
from parkgraph.graph.search import rank_matches, search_query
from parkgraph.graph.validation import validate_facts

FILE_FORMAT = "parkgraph-embedded"
FILE_VERSION = 1


class _StoredDocument(DocumentInfo):
    """A document record as the store keeps it: its identity plus the normalized text offsets index."""

    text: str | None = None


class _GraphFile(BaseModel):
    """The versioned JSON document the store is saved as."""

    format: Literal["parkgraph-embedded"]
    version: Literal[1]
    documents: list[_StoredDocument]
    nodes: list[Entity]
    edges: list[Relation]
    names: dict[str, dict[str, list[str]]] = Field(
        default_factory=dict, description="entity id → document id → the names that document gave it"
    )


@dataclass
class _State:
    """Everything the store holds: the graph, the documents in load order, and each relation's ends."""

    graph: nx.MultiDiGraph = field(default_factory=nx.MultiDiGraph)
    documents: dict[str, _StoredDocument] = field(default_factory=dict)
    ends: dict[str, tuple[str, str]] = field(default_factory=dict)

    def copy(self) -> _State:
        """A copy whose containers are shared until replaced: changes replace values, never mutate them."""
        return _State(self.graph.copy(), dict(self.documents), dict(self.ends))


P = ParamSpec("P")
T = TypeVar("T")


def _locked(method: Callable[P, T]) -> Callable[P, T]:
    """Run a store method under the store's lock, so a reader never sees half a load."""

    @functools.wraps(method)
    def run(*args: P.args, **kwargs: P.kwargs) -> T:
        with args[0]._lock:  # type: ignore[attr-defined]
            return method(*args, **kwargs)

    return run


class _Journal:
    """What a load replaced, so that a failure can put every node, edge and record back."""

    def __init__(self, state: _State) -> None:
        self._state = state
        self._nodes: dict[str, dict[str, Any] | None] = {}
        self._edges: dict[tuple[str, str, str], dict[str, Any] | None] = {}
        self._documents: list[str] = []

    def node(self, key: str) -> None:
        G = self._state.graph
        if key not in self._nodes:
            self._nodes[key] = dict(G.nodes[key]) if key in G else None

    def edge(self, head: str, tail: str, key: str) -> None:
        G = self._state.graph
        if (head, tail, key) not in self._edges:
            self._edges[head, tail, key] = (
                dict(G.edges[head, tail, key]) if G.has_edge(head, tail, key) else None
            )

    def document(self, doc_id: str) -> None:
        self._documents.append(doc_id)

    def undo(self) -> None:
        G, state = self._state.graph, self._state
        for (head, tail, key), old in self._edges.items():
            if old is None:
                if G.has_edge(head, tail, key):
                    G.remove_edge(head, tail, key)
                state.ends.pop(key, None)
            else:
                G.edges[head, tail, key].clear()
                G.edges[head, tail, key].update(old)
        for key, old in self._nodes.items():
            if old is None:
                if key in G:
                    G.remove_node(key)
            else:
                G.nodes[key].clear()
                G.nodes[key].update(old)
        for doc_id in self._documents:
            state.documents.pop(doc_id, None)


class EmbeddedStore:
    """The graph in memory; with a `path`, read from that JSON file and rewritten after every load."""

    def __init__(self, path: Path | None = None) -> None:
        self._path = Path(path) if path is not None else None
        self._state = _read(self._path) if self._path is not None else _State()
        self._lock = threading.RLock()
        self._batching = False
        self._unsaved = False

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """Loads inside write the file once, at the end: each stays atomic, a crash loses only the batch."""
        with self._lock:
            outer, self._batching = self._batching, True
            try:
                yield
            finally:
                self._batching = outer
                if not outer and self._unsaved:
                    self._save(self._state)

    def _save(self, state: _State) -> None:
        if self._path is not None:
            _write(self._path, state)
        self._unsaved = False

    def load(self, facts: DocumentFacts) -> LoadResult:
        """Add one document's facts atomically; a document already held is left unchanged."""
        info = facts.document
        with self._lock:
            if info.id in self._state.documents:
                return LoadResult(document=info.id, source=info.source, status="unchanged")
            G = self._state.graph
            valid = validate_facts(
                facts, {fact.key: G.nodes[fact.key]["type"] for fact in facts.entities if fact.key in G}
            )
            journal = _Journal(self._state)
            try:
                entities, relations = _apply(self._state, facts, valid.keys, valid.labels, journal)
                if self._batching:
                    self._unsaved = True
                else:
                    self._save(self._state)
            except BaseException:
                journal.undo()
                raise
        return LoadResult(
            document=info.id, source=info.source, status="loaded", entities=entities, relations=relations
        )

    @_locked
    def documents(self) -> list[DocumentInfo]:
        """Every document held, in load order."""
        return [_info(record) for record in self._state.documents.values()]

    @_locked
    def document(self, doc_id: str) -> DocumentInfo | None:
        record = self._state.documents.get(doc_id)
        return _info(record) if record is not None else None

    @_locked
    def document_facts(self, doc_id: str) -> DocumentContents:
        """Everything extracted from one document; raises NotFound for a document not held."""
        state = self._state
        record = state.documents.get(doc_id)
        if record is None:
            raise NotFound("document", doc_id)
        G = state.graph
        mentioned = _mentioning(G, doc_id)
        steps = sorted(_supported(G, mentioned, doc_id), key=lambda step: step.key)
        return DocumentContents(
            document=_info(record),
            text=record.text,
            entities=[_entity(G, key) for key in mentioned],
            relations=[_relation(G, step).evidenced_by(doc_id) for step in steps],
        )

    def retract(self, doc_id: str) -> RetractResult:
        """Remove a document and what only it supported, atomically; raises NotFound for one not held."""
        with self._lock:
            record = self._state.documents.get(doc_id)
            if record is None:
                raise NotFound("document", doc_id)
            state = self._state.copy()
            entities, relations, evidence = _retract(state, doc_id)
            if self._batching:
                self._unsaved = True
            else:
                self._save(state)
            self._state = state
        return RetractResult(
            document=doc_id,
            source=record.source,
            entities_removed=entities,
            relations_removed=relations,
            evidence_removed=evidence,
        )

    @_locked
    def search(self, text: str, type_: str | None = None, limit: int = 20, offset: int = 0) -> list[Entity]:
        """Entities whose name or alias contains `text`, traditional or simplified; exact matches first.

        Ranked exact, prefix, then substring matches, shorter names first. `type_`
        may be a type or an extra label such as JointBranch.
        """
        query = search_query(text, limit, offset)
        G = self._state.graph
        candidates = ((key, d["name"], d["aliases"], d["labels"], key) for key, d in G.nodes(data=True))
        return [_entity(G, key) for key in rank_matches(query, candidates, type_, limit, offset)]

    @_locked
    def entity(self, entity_id: str) -> Entity | None:
        G = self._state.graph
        return _entity(G, entity_id) if entity_id in G else None

    @_locked
    def relation(self, relation_id: str) -> Relation | None:
        """A relation with all its evidence sentences."""
        state = self._state
        ends = state.ends.get(relation_id)
        return _relation(state.graph, traversal.Step(*ends, relation_id)) if ends is not None else None

    @_locked
    def neighbours(
        self,
        entity_id: str,
        types: Sequence[str] | None = None,
        direction: Direction = "both",
        min_confidence: float = 0.0,
    ) -> list[Neighbour]:
        G = self._known(entity_id, min_confidence)
        return [
            Neighbour(direction=way, relation=_relation(G, step), entity=_entity(G, other))
            for way, step, other in traversal.incident(G, entity_id, types, direction)
        ]

    @_locked
    def enterprises_under(self, entity_id: str, min_confidence: float = 0.0) -> list[Reach]:
        G = self._known(entity_id, min_confidence)
        return [_reach(G, found) for found in traversal.enterprises_under(G, entity_id)]

    @_locked
    def hierarchy_above(self, entity_id: str, min_confidence: float = 0.0) -> list[Reach]:
        G = self._known(entity_id, min_confidence)
        return [_reach(G, found) for found in traversal.hierarchy_above(G, entity_id)]

    @_locked
    def subtree_below(self, entity_id: str, max_depth: int = 5, min_confidence: float = 0.0) -> list[Reach]:
        G = self._known(entity_id, min_confidence)
        return [_reach(G, found) for found in traversal.subtree_below(G, entity_id, max_depth)]

    @_locked
    def shortest_path(
        self,
        source: str,
        target: str,
        max_length: int = 6,
        types: Sequence[str] | None = None,
        min_confidence: float = 0.0,
    ) -> GraphPath | None:
        """One shortest path ignoring direction, or None when there is none within `max_length`."""
        G = self._known(source, min_confidence)
        if target not in G:
            raise NotFound("entity", target)
        found = traversal.shortest_path(G, source, target, max_length, types)
        if found is None:
            return None
        nodes, steps = found
        return GraphPath(
            entities=[_entity(G, node) for node in nodes], relations=[_relation(G, step) for step in steps]
        )

    @_locked
    def counts(self) -> Counts:
        state = self._state
        G = state.graph
        entities = Counter(type_ for _, type_ in G.nodes(data="type"))
        relations = Counter(type_ for *_, type_ in G.edges(keys=True, data="type"))
        return Counts(
            documents=len(state.documents),
            entities=dict(sorted(entities.items())),
            relations=dict(sorted(relations.items())),
        )

    def iter_entities(self) -> Iterator[Entity]:
        """Every entity, for exports, by id."""
        with self._lock:
            G = self._state.graph
            entities = [_entity(G, key) for key in sorted(G.nodes)]
        yield from entities

    def iter_relations(self) -> Iterator[Relation]:
        """Every relation with its evidence, for exports, by id."""
        with self._lock:
            state = self._state
            relations = [
                _relation(state.graph, traversal.Step(*state.ends[relation_id], relation_id))
                for relation_id in sorted(state.ends)
            ]
        yield from relations

    def check(self) -> None:
        """Always able: the graph is in this process's memory."""

    def close(self) -> None:
        """Nothing to flush: every load is written when it is made, or at the end of its batch."""

    def _known(self, entity_id: str, min_confidence: float = 0.0) -> nx.MultiDiGraph:
        """The graph without relations below `min_confidence`, after checking it holds `entity_id`."""
        G = self._state.graph
        if entity_id not in G:
            raise NotFound("entity", entity_id)
        return traversal.with_confidence(G, min_confidence)


def _info(record: _StoredDocument) -> DocumentInfo:
    return DocumentInfo.model_validate(record.model_dump(exclude={"text"}))


def _entity(G: nx.MultiDiGraph, key: str) -> Entity:
    data = G.nodes[key]
    return Entity(
        id=key,
        type=data["type"],
        labels=list(data["labels"]),
        name=data["name"],
        aliases=list(data["aliases"]),
        documents=list(data["documents"]),
    )


def _relation(G: nx.MultiDiGraph, step: traversal.Step) -> Relation:
    data = G.edges[step]
    evidence = [Evidence(**item) for item in data["evidence"]]
    return Relation(
        id=step.key,
        type=data["type"],
        head=step.head,
        tail=step.tail,
        attributes=dict(data["attributes"]),
        confidence=max((item.confidence for item in evidence), default=0.0),
        evidence=evidence,
    )


def _reach(G: nx.MultiDiGraph, found: traversal.Reached) -> Reach:
    return Reach(
        entity=_entity(G, found.node), depth=found.depth, path=[_relation(G, step) for step in found.path]
    )


def _union(*groups: Sequence[str], without: str = "") -> list[str]:
    """The strings of all groups once each, in first-seen order, leaving out empty ones and `without`."""
    return [
        item for item in dict.fromkeys(item for group in groups for item in group) if item and item != without
    ]


def _apply(
    state: _State, facts: DocumentFacts, keys: dict[str, str], labels: dict[str, list[str]], journal: _Journal
) -> tuple[int, int]:
    """Merge a validated document into `state`; return how many entities and relations it touched."""
    info = facts.document
    G = state.graph
    groups: dict[str, list[EntityFact]] = {}
    for fact in facts.entities:
        groups.setdefault(fact.key, []).append(fact)
    for key, group in groups.items():
        first = group[0]
        node = G.nodes[key] if key in G else None
        name = node["name"] if node else first.name
        names = given_names(alias for fact in group for alias in (fact.name, *fact.aliases))
        journal.node(key)
        G.add_node(
            key,
            type=first.type,
            labels=node["labels"] if node else labels[key],
            name=name,
            aliases=_union(node["aliases"] if node else [], names, without=name),
            documents=_union(node["documents"] if node else [], [info.id]),
            names={**(node["names"] if node else {}), info.id: names},
        )
    relations: set[str] = set()
    for fact in facts.relations:
        head, tail = keys[fact.head], keys[fact.tail]
        relation_id = relation_key(fact.type, head, tail, fact.attributes.get("title", ""))
        evidence = Evidence(
            document=info.id,
            source=info.source,
            start=fact.evidence.start,
            end=fact.evidence.end,
            text=fact.evidence.text,
            confidence=fact.confidence,
        ).model_dump()
        edge = G.edges[head, tail, relation_id] if relation_id in state.ends else None
        held = edge["evidence"] if edge else []
        supporting = held if evidence in held else [*held, evidence]
        journal.edge(head, tail, relation_id)
        G.add_edge(
            head,
            tail,
            key=relation_id,
            type=fact.type,
            attributes={**fact.attributes, **(edge["attributes"] if edge else {})},
            evidence=supporting,
            confidence=max(item["confidence"] for item in supporting),
        )
        state.ends[relation_id] = (head, tail)
        relations.add(relation_id)
    journal.document(info.id)
    state.documents[info.id] = _StoredDocument(**info.model_dump(), text=facts.text)
    return len(groups), len(relations)


def _mentioning(G: nx.MultiDiGraph, doc_id: str) -> list[str]:
    """The entities a document mentions, by id."""
    return sorted(key for key, documents in G.nodes(data="documents") if doc_id in documents)


def _supported(G: nx.MultiDiGraph, mentioned: Sequence[str], doc_id: str) -> list[traversal.Step]:
    """The relations a document gives evidence for; both their ends are among the entities it mentions."""
    return [
        traversal.Step(head, tail, key)
        for head, tail, key, evidence in G.out_edges(mentioned, keys=True, data="evidence")
        if any(item["document"] == doc_id for item in evidence)
    ]


def _retract(state: _State, doc_id: str) -> tuple[int, int, int]:
    """Take a document out of `state`; return how many entities, relations and evidence items went."""
    G = state.graph
    mentioned = _mentioning(G, doc_id)
    relations = evidence = 0
    for step in _supported(G, mentioned, doc_id):
        data = G.edges[step]
        kept = [item for item in data["evidence"] if item["document"] != doc_id]
        evidence += len(data["evidence"]) - len(kept)
        if kept:
            data["evidence"] = kept
            data["confidence"] = max(item["confidence"] for item in kept)
        else:
            G.remove_edge(*step)
            del state.ends[step.key]
            relations += 1
    entities = 0
    for key in mentioned:
        node = G.nodes[key]
        documents = [document for document in node["documents"] if document != doc_id]
        if documents or G.degree(key):
            names = {document: node["names"][document] for document in documents if document in node["names"]}
            node["name"], node["aliases"] = names_left(node["name"], node["aliases"], list(names.values()))
            node["documents"], node["names"] = documents, names
        else:
            G.remove_node(key)
            entities += 1
    del state.documents[doc_id]
    return entities, relations, evidence


def _read(path: Path) -> _State:
    """The state saved at `path`; an empty state when there is no file yet."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return _State()
    except OSError as exc:
        raise StoreError(f"cannot read graph file {path}: {exc}") from exc
    try:
        saved = _GraphFile.model_validate_json(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "top level"
        raise StoreError(
            f"graph file {path} is not a {FILE_FORMAT} version {FILE_VERSION} file "
            f"({exc.error_count()} problem(s); first at {where}: {first['msg']})"
        ) from exc
    state = _State()
    for entity in saved.nodes:
        # a file from before names were kept per document: each document gave them all
        every = given_names([entity.name, *entity.aliases])
        state.graph.add_node(
            entity.id,
            type=entity.type,
            labels=entity.labels,
            name=entity.name,
            aliases=entity.aliases,
            documents=entity.documents,
            names=saved.names.get(entity.id) or {document: every for document in entity.documents},
        )
    for relation in saved.edges:
        missing = {relation.head, relation.tail} - set(state.graph)
        if missing or relation.id in state.ends:
            raise StoreError(
                f"graph file {path} is inconsistent: relation {relation.id!r} is repeated or "
                f"joins entities it does not hold ({', '.join(sorted(missing))})"
            )
        state.graph.add_edge(
            relation.head,
            relation.tail,
            key=relation.id,
            type=relation.type,
            attributes=relation.attributes,
            evidence=[item.model_dump() for item in relation.evidence],
            confidence=max((item.confidence for item in relation.evidence), default=0.0),
        )
        state.ends[relation.id] = (relation.head, relation.tail)
    state.documents = {record.id: record for record in saved.documents}
    return state


def _write(path: Path, state: _State) -> None:
    """Save `state` to `path` atomically: a temporary file in the same folder, synced, then renamed."""
    G = state.graph
    saved = {
        "format": FILE_FORMAT,
        "version": FILE_VERSION,
        "documents": [record.model_dump(mode="json") for record in state.documents.values()],
        "nodes": [_entity(G, key).model_dump(mode="json") for key in G],
        "edges": [
            _relation(G, traversal.Step(*ends, relation_id)).model_dump(mode="json")
            for relation_id, ends in state.ends.items()
        ],
        "names": dict(G.nodes(data="names")),
    }
    text = json.dumps(saved, ensure_ascii=False, indent=1)
    temporary: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except OSError as exc:
        if temporary is not None:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temporary)
        raise StoreError(f"cannot write graph file {path}: {exc}") from exc
