"""`EmbeddedStore`: the `Store` protocol on SQLite, answered from an in-process networkx graph.

It needs no server, so the CLI, the API, the tests and a laptop demo run on it.
SQLite (one file, `graph.db` by default) is the record: documents, entities,
relations with their evidence, the names each document gave, an index of names
in search form (what identity resolution looks up), a change log, each document's
facts as extracted and the correction log (`graph.corrections`). A rebuild under
the log is one transaction that writes every entity and relation row again. The
networkx graph is a cache of that record in each process, so the walks of
`graph.traversal` stay the only implementation of the query rules.

Several processes may use one file at once (two CLI loads, `serve` and a load):
the file is in WAL mode, so readers never wait; writers take SQLite's write lock
(`BEGIN IMMEDIATE`) one at a time and wait up to `BUSY_SECONDS` for it rather
than fail. Every load and every retraction is one transaction, committed before
the call returns, so a killed load loses at most the document in flight and
leaves no temporary file (SQLite's `-wal`/`-shm` files belong to the database
and go when the last connection closes).

Keeping the cache current: before answering, a store compares SQLite's
`data_version` with the one it last saw; when another connection has committed,
it replays the change log from its own revision (the entities, relations and
documents those commits touched, re-read from their rows), or reloads everything
when the log no longer reaches back that far. A write does the same inside its
transaction, then changes the cache in place under an undo journal (copying a
large graph for every document would make bulk loads quadratic; a retraction
works on a copy), writes the rows it touched, and commits; if anything fails
the transaction rolls back and the journal puts the cache back.

A search ranks only the entities the cache's name index (`search.NameIndex`, built at the first
search, then kept up to date with each change to an entity) says could match, not every name.

The graph is read from SQLite at the first question that needs it, so counts,
document lists and name lookups answer without it. A file in the JSON format of
earlier versions is refused with the `parkgraph migrate` command that converts
it (`graph.legacy_json`). Without a path the store lives in memory only.
"""

from __future__ import annotations

import contextlib
import functools
import json
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

import networkx as nx

from parkgraph.graph import traversal
from parkgraph.graph.corrections import Correction, added_relations, check_rebuild, in_force, rewrite
from parkgraph.graph.errors import NotFound, StoreError
from parkgraph.graph.facts import DocumentFacts, DocumentInfo, EntityFact
from parkgraph.graph.keys import relation_key
from parkgraph.graph.legacy_json import looks_like_json_store, read_json_store
from parkgraph.graph.listing import check_listing
from parkgraph.graph.model import (
    WHOLE,
    Counts,
    Direction,
    DocumentContents,
    Entity,
    Evidence,
    LoadResult,
    Neighbour,
    Reach,
    Reaches,
    Relation,
    RetractResult,
    Window,
)
from parkgraph.graph.model import Path as GraphPath
from parkgraph.graph.naming import given_names, names_left
from parkgraph.graph.search import NameIndex, rank_matches, search_form, search_query
from parkgraph.graph.validation import validate_facts

FILE_FORMAT = "parkgraph-embedded-sqlite"
FILE_VERSION = "1"
BUSY_SECONDS = 60.0
"""How long a writer waits for another's transaction: loads queue behind each other, never fail."""
KEPT_CHANGES = 200_000
"""Change log rows kept; a process further behind than this reloads the whole graph instead."""
_SQLITE_HEADER = b"SQLite format 3\x00"
_UNREAD = "_json"
"""The edge attribute holding a relation's attributes and evidence as read from SQLite, not yet parsed."""
_CHUNK = 500
"""Ids per `IN (…)` query, well under SQLite's limit on parameters."""
_EXPORT_CHUNK = 10_000
"""Entities or relations an export builds at a time under the lock."""
_EXTRACTED_CHUNK = 100
"""Documents whose facts as extracted `extracted_facts` reads at a time (fewer than `_CHUNK`)."""

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, info TEXT NOT NULL, text TEXT
);
CREATE TABLE IF NOT EXISTS entities (id TEXT PRIMARY KEY, type TEXT NOT NULL, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS relations (
    id TEXT PRIMARY KEY, head TEXT NOT NULL, tail TEXT NOT NULL, type TEXT NOT NULL,
    confidence REAL NOT NULL, data TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS names (
    form TEXT NOT NULL, label TEXT NOT NULL, entity TEXT NOT NULL, PRIMARY KEY (form, label, entity)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS names_by_entity ON names (entity);
CREATE TABLE IF NOT EXISTS changes (
    rev INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL, key TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS extracted (document TEXT PRIMARY KEY, facts TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS corrections (seq INTEGER PRIMARY KEY, data TEXT NOT NULL);
"""
"""Rows are JSON where Python reads them whole (an entity's names by document, a relation's evidence)
and columns where SQLite looks them up; `changes` notes each touched row, `kind` e, r or d;
`extracted` holds each document's facts as extracted (without its text, which `documents` holds),
`corrections` the correction log (`graph.corrections`)."""


class _StoredDocument(DocumentInfo):
    """A document record as the cache keeps it: its identity plus, when loaded here, its normalized text."""

    text: str | None = None


@dataclass
class _State:
    """Everything the store holds: the graph, the documents in load order, and each relation's ends;
    and, once a search asked for it, the index of its entities' names (`search.NameIndex`)."""

    graph: nx.MultiDiGraph = field(default_factory=nx.MultiDiGraph)
    documents: dict[str, _StoredDocument] = field(default_factory=dict)
    ends: dict[str, tuple[str, str]] = field(default_factory=dict)
    names: NameIndex | None = None

    def copy(self) -> _State:
        """A copy whose containers are shared until replaced: changes replace values, never mutate them.

        The name index is shared too, not copied: the copy's owner calls `reindex` with the entities it
        changed once the copy has replaced this state, and this one is dropped."""
        return _State(self.graph.copy(), dict(self.documents), dict(self.ends), self.names)

    def name_index(self) -> NameIndex:
        """The name index, built at the first search and kept up to date by `reindex` after."""
        if self.names is None:
            self.names = NameIndex()
            for key, data in self.graph.nodes(data=True):
                self.names.update(key, [data["name"], *data["aliases"]])
        return self.names

    def reindex(self, entities: Iterable[str]) -> None:
        """Bring the name index (if built) up to date with these entities as the graph has them now."""
        if self.names is None:
            return
        G = self.graph
        for key in entities:
            data = G.nodes[key] if key in G else None
            self.names.update(key, [data["name"], *data["aliases"]] if data is not None else [])


P = ParamSpec("P")
T = TypeVar("T")


def _locked(method: Callable[P, T]) -> Callable[P, T]:
    """Run a store method under the store's lock: one connection, one cache, one thread at a time."""

    @functools.wraps(method)
    def run(*args: P.args, **kwargs: P.kwargs) -> T:
        with args[0]._lock:  # type: ignore[attr-defined]
            try:
                return method(*args, **kwargs)
            except sqlite3.Error as exc:
                raise StoreError(f"embedded store {args[0]._where}: {exc}") from exc  # type: ignore[attr-defined]

    return run


class _Journal:
    """What a load replaced, so that a failure can put every node, edge and record back."""

    def __init__(self, state: _State) -> None:
        self._state = state
        self._nodes: dict[str, dict[str, Any] | None] = {}
        self._edges: dict[tuple[str, str, str], dict[str, Any] | None] = {}
        self._documents: list[str] = []

    @property
    def touched(self) -> tuple[list[str], list[str], list[str]]:
        """The entity, relation and document ids the load wrote: the rows to save."""
        return list(self._nodes), [key for *_, key in self._edges], list(self._documents)

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
    """The graph in SQLite at `path` (created on first use), or in memory only without one."""

    def __init__(self, path: Path | None = None) -> None:
        self._path = Path(path) if path is not None else None
        self._where = str(self._path) if self._path is not None else "in memory"
        self._db = _connect(self._path)
        self._lock = threading.RLock()
        self._state: _State | None = None
        self._rev = 0
        self._seen_version = -1

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """Nothing to defer: every load is committed when it returns, so a kill loses one document at most."""
        yield

    @_locked
    def load(self, facts: DocumentFacts, extracted: DocumentFacts | None = None) -> LoadResult:
        """Add one document's facts, as the corrections in force say, in one transaction; a document
        already held is left unchanged. `extracted` (default `facts`) is kept for rebuilds."""
        info = facts.document
        with self._writing() as state:
            if info.id in state.documents:
                return LoadResult(document=info.id, source=info.source, status="unchanged")
            journal = _Journal(state)
            try:
                entities, relations = _load_into(state, facts, in_force(self._log()), journal)
                kept = (extracted or facts).model_dump_json(exclude={"text"})
                self._db.execute(
                    "INSERT OR REPLACE INTO extracted (document, facts) VALUES (?, ?)", (info.id, kept)
                )
                self._commit(_save(self._db, state, *journal.touched))
            except BaseException:
                journal.undo()
                raise
            state.reindex(journal.touched[0])
        return LoadResult(
            document=info.id, source=info.source, status="loaded", entities=entities, relations=relations
        )

    @_locked
    def documents(self) -> list[DocumentInfo]:
        """Every document held, in load order."""
        rows = self._db.execute("SELECT info FROM documents ORDER BY seq")
        return [DocumentInfo.model_validate_json(info) for (info,) in rows]

    @_locked
    def document(self, doc_id: str) -> DocumentInfo | None:
        row = self._db.execute("SELECT info FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return DocumentInfo.model_validate_json(row[0]) if row is not None else None

    @_locked
    def document_facts(self, doc_id: str) -> DocumentContents:
        """Everything extracted from one document; raises NotFound for a document not held."""
        with self._snapshot():
            state = self._fresh()
            row = self._db.execute("SELECT info, text FROM documents WHERE id = ?", (doc_id,)).fetchone()
        if row is None:
            raise NotFound("document", doc_id)
        G = state.graph
        mentioned = _mentioning(G, doc_id)
        steps = sorted(_supported(G, mentioned, doc_id), key=lambda step: step.key)
        return DocumentContents(
            document=DocumentInfo.model_validate_json(row[0]),
            text=row[1],
            entities=[_entity(G, key) for key in mentioned],
            relations=[_relation(G, step).evidenced_by(doc_id) for step in steps],
        )

    @_locked
    def retract(self, doc_id: str) -> RetractResult:
        """Remove a document and what only it supported, in one transaction; NotFound for one not held."""
        with self._writing() as current:
            record = current.documents.get(doc_id)
            if record is None:
                raise NotFound("document", doc_id)
            state = current.copy()
            mentioned = _mentioning(state.graph, doc_id)
            steps = _supported(state.graph, mentioned, doc_id)
            entities, relations, evidence = _retract(state, doc_id, mentioned, steps)
            self._db.execute("DELETE FROM extracted WHERE document = ?", (doc_id,))
            self._commit(_save(self._db, state, mentioned, [step.key for step in steps], [doc_id]))
            self._state = state
            state.reindex(mentioned)
        return RetractResult(
            document=doc_id,
            source=record.source,
            entities_removed=entities,
            relations_removed=relations,
            evidence_removed=evidence,
        )

    @_locked
    def corrections(self) -> list[Correction]:
        """The correction log, in order."""
        return self._log()

    def extracted_facts(self) -> Iterator[DocumentFacts]:
        """Every document's facts as extracted, with its text, in load order, read `_EXTRACTED_CHUNK`
        documents at a time (see Store); StoreError at once when a document's were not kept."""
        ids = self._extracted_ids()
        return (
            facts
            for start in range(0, len(ids), _EXTRACTED_CHUNK)
            for facts in self._extracted_of(ids[start : start + _EXTRACTED_CHUNK])
        )

    @_locked
    def _extracted_ids(self) -> list[str]:
        """The documents held, in load order; StoreError when one was loaded before facts were kept."""
        with self._snapshot():
            missing = self._db.execute(
                "SELECT d.id, d.info FROM documents AS d LEFT JOIN extracted AS x ON x.document = d.id "
                "WHERE x.document IS NULL ORDER BY d.seq LIMIT 1"
            ).fetchone()
            if missing is not None:
                _extracted(*missing, None, None)
            return [doc_id for (doc_id,) in self._db.execute("SELECT id FROM documents ORDER BY seq")]

    @_locked
    def _extracted_of(self, ids: Sequence[str]) -> list[DocumentFacts]:
        """The facts as extracted of the documents of `ids` still held, in load order."""
        marks = ", ".join("?" * len(ids))
        rows = self._db.execute(
            "SELECT d.id, d.info, d.text, x.facts FROM documents AS d LEFT JOIN extracted AS x "
            f"ON x.document = d.id WHERE d.id IN ({marks}) ORDER BY d.seq",
            ids,
        ).fetchall()
        return [_extracted(doc_id, info, text, facts) for doc_id, info, text, facts in rows]

    @_locked
    def rebuild(self, documents: Sequence[DocumentFacts], log: Sequence[Correction]) -> None:
        """Replace the graph by `documents` loaded in order under `log`, in one transaction (see Store)."""
        with self._writing() as current:
            held = [doc_id for (doc_id,) in self._db.execute("SELECT id FROM documents ORDER BY seq")]
            added = check_rebuild(held, documents, self._log(), log)
            self._db.executemany(
                "INSERT INTO corrections (seq, data) VALUES (?, ?)",
                [(entry.seq, entry.model_dump_json()) for entry in added],
            )
            state, force = _State(), in_force(log)
            journal = _Journal(state)
            for facts in documents:
                _load_into(state, facts, force, journal)
            entities = set(current.graph) | set(state.graph)
            relations = set(current.ends) | set(state.ends)
            self._commit(_save(self._db, state, sorted(entities), sorted(relations), []))
            self._state = state

    def _log(self) -> list[Correction]:
        rows = self._db.execute("SELECT data FROM corrections ORDER BY seq")
        return [Correction.model_validate_json(data) for (data,) in rows]

    @_locked
    def search(self, text: str, type_: str | None = None, limit: int = 20, offset: int = 0) -> list[Entity]:
        """Entities whose name or alias contains `text`, traditional or simplified; exact matches first.

        Ranked exact, prefix, then substring matches, shorter names first. `type_`
        may be a type or an extra label such as JointBranch.
        """
        query = search_query(text, limit, offset)
        state = self._fresh()
        G = state.graph
        candidates = (
            (key, d["name"], d["aliases"], d["labels"], key)
            for key in state.name_index().candidates(query)
            for d in (G.nodes[key],)
        )
        return [_entity(G, key) for key in rank_matches(query, candidates, type_, limit, offset)]

    @_locked
    def list_entities(self, type_: str | None = None, limit: int = 20, offset: int = 0) -> list[Entity]:
        """One page of the entities of a type or extra label (every entity without one), by name then id.

        Read and cut by SQLite from the entity rows, so no graph need be in memory."""
        check_listing(type_, limit, offset)
        where, labels = _labelled(type_)
        rows = self._db.execute(
            f"SELECT id, type, data FROM entities {where} "
            "ORDER BY json_extract(data, '$.name'), id LIMIT ? OFFSET ?",
            (*labels, limit, offset),
        )
        return [_entity_of(key, type_of, json.loads(data)) for key, type_of, data in rows]

    @_locked
    def count_entities(self, type_: str | None = None) -> int:
        """How many entities `list_entities(type_)` pages through, counted by SQLite."""
        check_listing(type_, 0, 0)
        where, labels = _labelled(type_)
        (count,) = self._db.execute(f"SELECT count(*) FROM entities {where}", labels).fetchone()
        return count

    @_locked
    def named(self, name: str, type_: str) -> list[Entity]:
        """Entities with label `type_` one of whose names is `name` in search form, by id: an index lookup."""
        return self._named(name, type_)

    @_locked
    def named_each(self, names: Iterable[tuple[str, str]]) -> dict[tuple[str, str], list[Entity]]:
        return {(name, type_): self._named(name, type_) for name, type_ in dict.fromkeys(names)}

    @_locked
    def entity(self, entity_id: str) -> Entity | None:
        G = self._fresh().graph
        return _entity(G, entity_id) if entity_id in G else None

    @_locked
    def entities(self, ids: Iterable[str]) -> dict[str, Entity]:
        G = self._fresh().graph
        return {key: _entity(G, key) for key in dict.fromkeys(ids) if key in G}

    @_locked
    def relation(self, relation_id: str) -> Relation | None:
        """A relation with all its evidence sentences."""
        state = self._fresh()
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
        G = self._known(entity_id)
        return [
            Neighbour(direction=way, relation=_relation(G, step), entity=_entity(G, other))
            for way, step, other in traversal.incident(G, entity_id, types, direction, min_confidence)
        ]

    @_locked
    def neighbour_entities(
        self, entity_id: str, types: Sequence[str] | None = None, direction: Direction = "both"
    ) -> list[Entity]:
        return _neighbour_entities(self._known(entity_id), entity_id, types, direction)

    @_locked
    def neighbour_entities_each(
        self, ids: Iterable[str], types: Sequence[str] | None = None, direction: Direction = "both"
    ) -> dict[str, list[Entity]]:
        G = self._fresh().graph
        return {key: _neighbour_entities(G, key, types, direction) for key in dict.fromkeys(ids) if key in G}

    @_locked
    def enterprises_under(
        self, entity_id: str, min_confidence: float = 0.0, window: Window = WHOLE
    ) -> Reaches:
        G = self._known(entity_id)
        return _reaches(G, traversal.enterprises_under(G, entity_id, min_confidence), window)

    @_locked
    def hierarchy_above(self, entity_id: str, min_confidence: float = 0.0, window: Window = WHOLE) -> Reaches:
        G = self._known(entity_id)
        return _reaches(G, traversal.hierarchy_above(G, entity_id, min_confidence), window)

    @_locked
    def subtree_below(
        self, entity_id: str, max_depth: int = 5, min_confidence: float = 0.0, window: Window = WHOLE
    ) -> Reaches:
        G = self._known(entity_id)
        return _reaches(G, traversal.subtree_below(G, entity_id, max_depth, min_confidence), window)

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
        G = self._known(source)
        if target not in G:
            raise NotFound("entity", target)
        found = traversal.shortest_path(G, source, target, max_length, types, min_confidence)
        if found is None:
            return None
        nodes, steps = found
        return GraphPath(
            entities=[_entity(G, node) for node in nodes], relations=[_relation(G, step) for step in steps]
        )

    @_locked
    def counts(self) -> Counts:
        """Counted by SQLite, so `query stats` needs no graph in memory."""
        with self._snapshot():
            (documents,) = self._db.execute("SELECT count(*) FROM documents").fetchone()
            entities = self._db.execute("SELECT type, count(*) FROM entities GROUP BY type ORDER BY type")
            relations = self._db.execute("SELECT type, count(*) FROM relations GROUP BY type ORDER BY type")
            return Counts(documents=documents, entities=dict(entities), relations=dict(relations))

    def iter_entities(self) -> Iterator[Entity]:
        """Every entity, for exports, by id; built a chunk at a time (see `iter_relations`)."""
        ids = self._entity_ids()
        for start in range(0, len(ids), _EXPORT_CHUNK):
            yield from self._entities_of(ids[start : start + _EXPORT_CHUNK])

    def iter_relations(self) -> Iterator[Relation]:
        """Every relation with its evidence, for exports, by id; built a chunk at a time, so an export
        of millions holds a chunk of them (the whole list took 5 GiB at 3 million), not all."""
        ids = self._relation_ids()
        for start in range(0, len(ids), _EXPORT_CHUNK):
            yield from self._relations_of(ids[start : start + _EXPORT_CHUNK])

    def iter_names_given(self) -> Iterator[tuple[str, dict[str, list[str]]]]:
        """Every entity's id with the names each of its documents gave it, for exports, by id; built a
        chunk at a time (see `iter_relations`)."""
        ids = self._entity_ids()
        for start in range(0, len(ids), _EXPORT_CHUNK):
            yield from self._names_given_of(ids[start : start + _EXPORT_CHUNK])

    @_locked
    def check(self) -> None:
        """Raise StoreError unless the file answers a query now."""
        self._db.execute("SELECT count(*) FROM meta").fetchone()

    def close(self) -> None:
        """Close the connection; the last one to close folds the write-ahead log into the file."""
        with self._lock:
            self._db.close()

    @_locked
    def _entity_ids(self) -> list[str]:
        return sorted(self._fresh().graph.nodes)

    @_locked
    def _entities_of(self, ids: Sequence[str]) -> list[Entity]:
        """The entities of `ids` the store still holds."""
        G = self._fresh().graph
        return [_entity(G, key) for key in ids if key in G]

    @_locked
    def _names_given_of(self, ids: Sequence[str]) -> list[tuple[str, dict[str, list[str]]]]:
        """The names given to the entities of `ids` the store still holds."""
        G = self._fresh().graph
        return [
            (key, {d: list(names) for d, names in G.nodes[key]["names"].items()}) for key in ids if key in G
        ]

    @_locked
    def _relation_ids(self) -> list[str]:
        return sorted(self._fresh().ends)

    @_locked
    def _relations_of(self, ids: Sequence[str]) -> list[Relation]:
        """The relations of `ids` the store still holds."""
        state = self._fresh()
        return [
            _relation(state.graph, traversal.Step(*state.ends[relation_id], relation_id))
            for relation_id in ids
            if relation_id in state.ends
        ]

    def _named(self, name: str, type_: str) -> list[Entity]:
        rows = self._db.execute(
            "SELECT e.id, e.type, e.data FROM names AS n JOIN entities AS e ON e.id = n.entity "
            "WHERE n.form = ? AND n.label = ? ORDER BY e.id",
            (search_form(name), type_),
        )
        return [_entity_of(key, type_of, json.loads(data)) for key, type_of, data in rows]

    def _known(self, entity_id: str) -> nx.MultiDiGraph:
        """The graph, after checking it holds `entity_id`; walks leave out weak relations themselves."""
        G = self._fresh().graph
        if entity_id not in G:
            raise NotFound("entity", entity_id)
        return G

    def _fresh(self) -> _State:
        """The cache, brought up to date with what other connections committed since it was last used."""
        version = self._db.execute("PRAGMA data_version").fetchone()[0]
        if self._state is None or version != self._seen_version:
            self._seen_version = version
            with self._snapshot():
                self._catch_up()
        assert self._state is not None
        return self._state

    def _catch_up(self) -> None:
        """Replay the change log since our revision into the cache, or reload it when the log is too short."""
        pruned = int(_meta(self._db, "pruned"))
        if self._state is None or self._rev < pruned:
            self._state, self._rev = _read_all(self._db)
            return
        rows = self._db.execute("SELECT rev, kind, key FROM changes WHERE rev > ? ORDER BY rev", (self._rev,))
        changes = rows.fetchall()
        if changes:
            _replay(self._db, self._state, changes)
            self._rev = changes[-1][0]

    @contextlib.contextmanager
    def _snapshot(self) -> Iterator[None]:
        """One read transaction, so that several queries see one state; nested in a write, that one."""
        if self._db.in_transaction:
            yield
            return
        self._db.execute("BEGIN")
        try:
            yield
        finally:
            if self._db.in_transaction:
                self._db.execute("COMMIT")

    @contextlib.contextmanager
    def _writing(self) -> Iterator[_State]:
        """SQLite's write lock (waiting up to BUSY_SECONDS for other writers) and the cache as of now.

        The body commits with `_commit`; a body that fails or returns without writing rolls back.
        """
        self._db.execute("BEGIN IMMEDIATE")
        try:
            self._catch_up()
            assert self._state is not None
            yield self._state
        finally:
            if self._db.in_transaction:
                with contextlib.suppress(sqlite3.Error):
                    self._db.execute("ROLLBACK")

    def _commit(self, rev: int) -> None:
        """Commit the write in progress; the cache now stands at revision `rev`."""
        self._db.execute("COMMIT")
        self._rev = rev


def _labelled(type_: str | None) -> tuple[str, tuple[str, ...]]:
    """The WHERE clause (and its parameter) keeping entity rows that carry label `type_`, or none."""
    if type_ is None:
        return "", ()
    return "WHERE EXISTS (SELECT 1 FROM json_each(entities.data, '$.labels') WHERE value = ?)", (type_,)


def _neighbour_entities(
    G: nx.MultiDiGraph, key: str, types: Sequence[str] | None, direction: Direction
) -> list[Entity]:
    found = traversal.incident(G, key, types, direction)
    return [_entity(G, other) for other in dict.fromkeys(other for _, _, other in found)]


def _entity(G: nx.MultiDiGraph, key: str) -> Entity:
    data = G.nodes[key]
    return _entity_of(key, data["type"], data)


def _entity_of(key: str, type_: str, data: dict[str, Any]) -> Entity:
    return Entity(
        id=key,
        type=type_,
        labels=list(data["labels"]),
        name=data["name"],
        aliases=list(data["aliases"]),
        documents=list(data["documents"]),
    )


def _relation(G: nx.MultiDiGraph, step: traversal.Step, with_evidence: bool = True) -> Relation:
    data = _edge(G, step)
    evidence = [Evidence(**item) for item in data["evidence"]]
    return Relation(
        id=step.key,
        type=data["type"],
        head=step.head,
        tail=step.tail,
        attributes=dict(data["attributes"]),
        confidence=max((item.confidence for item in evidence), default=0.0),
        evidence=evidence if with_evidence else [],
    )


def _reaches(G: nx.MultiDiGraph, found: Sequence[traversal.Reached], window: Window) -> Reaches:
    """The reaches of the window's part of a walk's answer."""
    return Reaches((_reach(G, item, window.evidence) for item in window.cut(found)), total=len(found))


def _reach(G: nx.MultiDiGraph, found: traversal.Reached, with_evidence: bool) -> Reach:
    path = [_relation(G, step, with_evidence) for step in found.path]
    return Reach(entity=_entity(G, found.node), depth=found.depth, path=path)


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
            where=fact.evidence.where,
        ).model_dump()
        edge = _edge(G, traversal.Step(head, tail, relation_id)) if relation_id in state.ends else None
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


def _extracted(doc_id: str, info: str, text: str | None, facts: str | None) -> DocumentFacts:
    """A document's facts as extracted; StoreError for one loaded before they were kept."""
    if facts is None:
        source = DocumentInfo.model_validate_json(info).source
        raise StoreError(
            f"document {doc_id} ({source}) was loaded by an earlier version, which did not keep its "
            "extracted facts: retract it and load it again before correcting the graph"
        )
    return DocumentFacts.model_validate_json(facts).model_copy(update={"text": text})


def _load_into(
    state: _State, facts: DocumentFacts, corrections: Sequence[Correction], journal: _Journal
) -> tuple[int, int]:
    """Merge a document into `state` as the corrections say, then the relations they add whose ends
    are now held; return how many entities and relations the document touched."""
    facts = rewrite(facts, corrections)
    G = state.graph
    valid = validate_facts(
        facts, {fact.key: G.nodes[fact.key]["type"] for fact in facts.entities if fact.key in G}
    )
    touched = _apply(state, facts, valid.keys, valid.labels, journal)
    for relation in added_relations(corrections):
        _add_curated(state, relation, journal)
    return touched


def _add_curated(state: _State, relation: Relation, journal: _Journal) -> None:
    """An analyst's relation, when both its ends are held and it does not have this evidence yet."""
    G = state.graph
    if relation.head not in G or relation.tail not in G:
        return
    step = traversal.Step(relation.head, relation.tail, relation.id)
    edge = _edge(G, step) if relation.id in state.ends else None
    held = edge["evidence"] if edge else []
    item = relation.evidence[0].model_dump()
    if item in held:
        return
    journal.edge(*step)
    G.add_edge(
        *step,
        type=relation.type,
        attributes={**relation.attributes, **(edge["attributes"] if edge else {})},
        evidence=[*held, item],
        confidence=max(entry["confidence"] for entry in [*held, item]),
    )
    state.ends[relation.id] = (relation.head, relation.tail)


def _mentioning(G: nx.MultiDiGraph, doc_id: str) -> list[str]:
    """The entities a document mentions, by id."""
    return sorted(key for key, documents in G.nodes(data="documents") if doc_id in documents)


def _supported(G: nx.MultiDiGraph, mentioned: Sequence[str], doc_id: str) -> list[traversal.Step]:
    """The relations a document gives evidence for; both their ends are among the entities it mentions."""
    return [
        traversal.Step(head, tail, key)
        for head, tail, key in G.out_edges(mentioned, keys=True)
        if any(item["document"] == doc_id for item in _edge(G, traversal.Step(head, tail, key))["evidence"])
    ]


def _retract(
    state: _State, doc_id: str, mentioned: Sequence[str], supported: Sequence[traversal.Step]
) -> tuple[int, int, int]:
    """Take a document out of `state`; return how many entities, relations and evidence items went."""
    G = state.graph
    relations = evidence = 0
    for step in supported:
        data = _edge(G, step)
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


def migrate_json(source: Path, target: Path) -> int | None:
    """Copy the JSON store at `source` into the SQLite store at `target`, in one transaction.

    Returns how many documents were copied, or None when `target` already held documents (another
    process converted it first): nothing is copied then. `source` is only read; StoreError when it is
    not a JSON store.
    """
    state = _state_of_json(source)
    store = EmbeddedStore(target)
    try:
        with store._lock, store._writing():
            if store._db.execute("SELECT count(*) FROM documents").fetchone()[0]:
                return None
            rows = list(state.graph), list(state.ends), list(state.documents)
            store._commit(_save(store._db, state, *rows))
    finally:
        store.close()
    return len(state.documents)


def _connect(path: Path | None) -> sqlite3.Connection:
    """A connection to the store's file (or memory) with the schema in place; StoreError if it is not one."""
    if path is not None:
        _check_file(path)
    where = str(path) if path is not None else "in memory"
    try:
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(
            path if path is not None else ":memory:",
            timeout=BUSY_SECONDS,
            isolation_level=None,
            check_same_thread=False,
        )
        if path is not None:
            db.execute("PRAGMA journal_mode = WAL")
            db.execute("PRAGMA synchronous = NORMAL")
        _prepare(db, where)
    except (OSError, sqlite3.Error) as exc:
        raise StoreError(f"cannot open the embedded store {where}: {exc}") from exc
    return db


def _check_file(path: Path) -> None:
    """Refuse a folder, a JSON store of earlier versions (saying how to convert it) and any other file."""
    if path.is_dir():
        raise StoreError(f"the embedded store {path} is a folder, not a file")
    try:
        with path.open("rb") as handle:
            head = handle.read(4096)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise StoreError(f"cannot read the embedded store {path}: {exc}") from exc
    if not head or head.startswith(_SQLITE_HEADER):
        return
    if looks_like_json_store(head):
        raise StoreError(
            f"{path} is a JSON store of an earlier parkgraph; convert it once with "
            f"`parkgraph migrate {path} {json_migration_target(path)}` and use that file"
        )
    raise StoreError(f"{path} is neither a parkgraph SQLite store nor a JSON store of an earlier version")


def json_migration_target(source: Path) -> Path:
    """Where `parkgraph migrate` puts a JSON store's SQLite copy by default: beside it, as `.db`."""
    target = source.with_suffix(".db")
    return target if target != source else source.with_name(source.name + ".sqlite")


def _prepare(db: sqlite3.Connection, where: str) -> None:
    """Create the tables of a new store, or check that an existing file is one of ours, of this version."""
    db.execute("BEGIN IMMEDIATE")
    try:
        tables = {name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if tables and "meta" not in tables:
            raise StoreError(f"{where} is an SQLite file, but not a parkgraph store")
        for statement in _SCHEMA.split(";"):
            if statement.strip():
                db.execute(statement)
        defaults = {"format": FILE_FORMAT, "version": FILE_VERSION, "pruned": "0"}
        db.executemany("INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)", defaults.items())
        found = (_meta(db, "format"), _meta(db, "version"))
        if found != (FILE_FORMAT, FILE_VERSION):
            raise StoreError(
                f"{where} is a {found[0]} version {found[1]} file, not {FILE_FORMAT} {FILE_VERSION}"
            )
        db.execute("COMMIT")
    finally:
        if db.in_transaction:
            db.execute("ROLLBACK")


def _meta(db: sqlite3.Connection, key: str) -> str:
    row = db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return row[0] if row is not None else ""


def _chunks(keys: Sequence[str]) -> Iterator[Sequence[str]]:
    for start in range(0, len(keys), _CHUNK):
        yield keys[start : start + _CHUNK]


def _rows(db: sqlite3.Connection, table: str, columns: str, keys: Sequence[str]) -> dict[str, tuple]:
    """The rows of `table` with these ids, by id (`columns` start with the id)."""
    found: dict[str, tuple] = {}
    for chunk in _chunks(keys):
        marks = ", ".join("?" * len(chunk))
        for row in db.execute(f"SELECT {columns} FROM {table} WHERE id IN ({marks})", chunk):
            found[row[0]] = row
    return found


def _add_entity(G: nx.MultiDiGraph, key: str, type_: str, data: str) -> None:
    G.add_node(key, type=type_, **json.loads(data))


def _add_relation(
    state: _State, key: str, head: str, tail: str, type_: str, confidence: float, data: str
) -> None:
    """A relation from its row; its attributes and evidence stay JSON until asked for (`_edge`)."""
    state.graph.add_edge(head, tail, key=key, type=type_, confidence=confidence, **{_UNREAD: data})
    state.ends[key] = (head, tail)


def _edge(G: nx.MultiDiGraph, step: traversal.Step) -> dict[str, Any]:
    """A relation's data with its attributes and evidence read: opening a store reads only what walks use."""
    data = G.edges[step]
    if _UNREAD in data:
        data.update(json.loads(data.pop(_UNREAD)))
    return data


def _read_all(db: sqlite3.Connection) -> tuple[_State, int]:
    """The whole graph from the file, and the revision it stands at (call inside a read transaction)."""
    state = _State()
    entities = db.execute("SELECT id, type, data FROM entities ORDER BY rowid")
    state.graph.add_nodes_from((key, {"type": type_, **json.loads(data)}) for key, type_, data in entities)
    relations = db.execute("SELECT id, head, tail, type, confidence, data FROM relations ORDER BY rowid")
    for key, head, tail, type_, confidence, data in relations:
        state.graph.add_edges_from(
            [(head, tail, key, {"type": type_, "confidence": confidence, _UNREAD: data})]
        )
        state.ends[key] = (head, tail)
    for doc_id, info in db.execute("SELECT id, info FROM documents ORDER BY seq"):
        state.documents[doc_id] = _StoredDocument.model_validate_json(info)
    (rev,) = db.execute("SELECT coalesce(max(rev), 0) FROM changes").fetchone()
    return state, max(rev, int(_meta(db, "pruned")))


def _replay(db: sqlite3.Connection, state: _State, changes: Sequence[tuple[int, str, str]]) -> None:
    """Bring `state` to what the rows say now for every entity, relation and document in `changes`."""
    G = state.graph
    touched: dict[str, list[str]] = {"e": [], "r": [], "d": []}
    for _, kind, key in changes:
        touched[kind].append(key)
    entities = list(dict.fromkeys(touched["e"]))
    found = _rows(db, "entities", "id, type, data", entities)
    for key in entities:
        if key in found:
            if key in G:
                G.nodes[key].clear()
            _add_entity(G, *found[key])
        elif key in G:
            G.remove_node(key)
    relations = list(dict.fromkeys(touched["r"]))
    held = _rows(db, "relations", "id, head, tail, type, confidence, data", relations)
    for key in relations:
        ends = state.ends.pop(key, None)
        if ends is not None and G.has_edge(*ends, key):
            G.remove_edge(*ends, key)
        if key in held:
            _add_relation(state, *held[key])
    state.reindex(entities)
    records = _rows(db, "documents", "id, info", list(dict.fromkeys(touched["d"])))
    for doc_id in touched["d"]:
        state.documents.pop(doc_id, None)
        if doc_id in records:
            state.documents[doc_id] = _StoredDocument.model_validate_json(records[doc_id][1])


def _save(
    db: sqlite3.Connection,
    state: _State,
    entities: Iterable[str],
    relations: Iterable[str],
    documents: Iterable[str],
) -> int:
    """Write these rows as `state` has them, deleting those it lacks, log them; return the revision."""
    G = state.graph
    entities, relations, documents = list(entities), list(relations), list(documents)
    kept = [key for key in entities if key in G]
    db.executemany("DELETE FROM names WHERE entity = ?", [(key,) for key in entities])
    db.executemany("DELETE FROM entities WHERE id = ?", [(key,) for key in entities if key not in G])
    db.executemany(
        "INSERT INTO entities (id, type, data) VALUES (?, ?, ?) "
        "ON CONFLICT (id) DO UPDATE SET type = excluded.type, data = excluded.data",
        [_entity_row(G, key) for key in kept],
    )
    db.executemany(
        "INSERT OR IGNORE INTO names (form, label, entity) VALUES (?, ?, ?)",
        [row for key in kept for row in _name_rows(G, key)],
    )
    db.executemany(
        "DELETE FROM relations WHERE id = ?", [(key,) for key in relations if key not in state.ends]
    )
    db.executemany(
        "INSERT INTO relations (id, head, tail, type, confidence, data) VALUES (?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (id) DO UPDATE SET type = excluded.type, confidence = excluded.confidence, "
        "data = excluded.data",
        [_relation_row(G, key, *state.ends[key]) for key in relations if key in state.ends],
    )
    for doc_id in documents:
        db.execute("DELETE FROM documents WHERE id = ?", (doc_id,))
        record = state.documents.get(doc_id)
        if record is not None:
            info = record.model_dump_json(exclude={"text"})
            db.execute("INSERT INTO documents (id, info, text) VALUES (?, ?, ?)", (doc_id, info, record.text))
    changes = (
        [("e", key) for key in entities] + [("r", key) for key in relations] + [("d", d) for d in documents]
    )
    db.executemany("INSERT INTO changes (kind, key) VALUES (?, ?)", changes)
    (rev,) = db.execute("SELECT coalesce(max(rev), 0) FROM changes").fetchone()
    if rev - KEPT_CHANGES > int(_meta(db, "pruned")):
        db.execute("DELETE FROM changes WHERE rev <= ?", (rev - KEPT_CHANGES,))
        db.execute("UPDATE meta SET value = ? WHERE key = 'pruned'", (str(rev - KEPT_CHANGES),))
    return rev


def _entity_row(G: nx.MultiDiGraph, key: str) -> tuple[str, str, str]:
    data = G.nodes[key]
    saved = {name: data[name] for name in ("labels", "name", "aliases", "documents", "names")}
    return key, data["type"], json.dumps(saved, ensure_ascii=False)


def _name_rows(G: nx.MultiDiGraph, key: str) -> list[tuple[str, str, str]]:
    """The index rows of an entity: each of its names in search form under each of its labels."""
    data = G.nodes[key]
    forms = {search_form(name) for name in (data["name"], *data["aliases"])}
    return [(form, label, key) for form in forms if form for label in data["labels"]]


def _relation_row(
    G: nx.MultiDiGraph, key: str, head: str, tail: str
) -> tuple[str, str, str, str, float, str]:
    data = _edge(G, traversal.Step(head, tail, key))
    saved = {"attributes": data["attributes"], "evidence": data["evidence"]}
    return key, head, tail, data["type"], data["confidence"], json.dumps(saved, ensure_ascii=False)


def _state_of_json(path: Path) -> _State:
    """The graph a JSON store of earlier versions holds."""
    saved = read_json_store(path)
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
        missing = {end for end in (relation.head, relation.tail) if end not in state.graph}
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
    state.documents = {record.id: _StoredDocument(**record.model_dump()) for record in saved.documents}
    return state
