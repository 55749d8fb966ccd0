"""`Neo4jStore`: the `Store` protocol on a Neo4j 5 server, answering exactly as the embedded store does.

The graph as Neo4j Browser shows it:

- `(:Entity:<Type>[:JointBranch|:JointCommittee] {id, type, name, display, aliases, documents, search,
  named_by})`: one node per entity; `id` is the stable key, `display` the short name Browser captions
  show (`parkgraph.graph.naming.display_name`), `documents` the ids of the documents
  that mention it in load order, `search` its name and aliases in search form (one
  per line), which the CJK full-text index `entity_search` covers for search and `entity_names`
  (one term per name) for exact lookups; `named_by` which
  document gave which name (`<document id>` `NAMING_SEPARATOR` `<name>`), so that
  retracting a document takes back the names only it gave.
- `(head)-[:<RELATION TYPE> {id, confidence, documents, sources, attributes, <attribute>…}]->(tail)`:
  one relationship per relation, typed by the ontology; `id` is `keys.relation_key`,
  `confidence` the highest of its evidence, `documents`/`sources` the documents that
  support it, `attributes` the names of the properties that are its attributes (such
  as `title`, stored under their own names).
- `(:Document {id, source, title, encoding, text, loaded_order, extracted})`: one node per document;
  `extracted` is its facts as extracted (JSON, without the text), for rebuilds.
- `(:Correction {seq, data})`: one node per entry of the correction log, `data` its JSON
  (`graph.corrections.Correction`).
- `(:Evidence {relation, document, source, start, end, text, confidence, ordinal})-[:FROM]->(:Document)`:
  one node per supporting sentence, keyed by relation id; `start`/`end` index the
  document's `text`. An analyst's added relation has an evidence node with no FROM (its
  `document` is `correction-<seq>`) and a `loaded_order` of its own.

Loading a document is one managed write transaction (the driver retries transient
errors): facts are checked with the same `validate_facts` as the embedded store,
then written in batches, one `UNWIND … MERGE` for the entities and one per relation type; an
error anywhere rolls the whole document back. A load reads the correction log in its
transaction and writes the facts as the corrections in force say (`graph.corrections`); a
rebuild deletes every entity and evidence node and writes each document's facts again, in
load order, in one transaction. Retracting one is one write
transaction too: its evidence, then its relations, entities and node, in batches;
the entities left get the names left to them (`parkgraph.graph.naming`).

Reads are managed read transactions. Lookups, counts and search candidates are
plain Cypher. The walks fetch, with Cypher, the part of the graph a walk can
touch: variable-length patterns for `hierarchy_above` and `enterprises_under`,
`allShortestPaths` for `shortest_path`, one query per depth for `subtree_below`
(its walk turns direction, which one pattern cannot say), the relations at one
entity for `neighbours`. `parkgraph.graph.traversal` then walks that networkx
view, so ties are broken exactly as in the embedded store. Search narrows
candidates with the full-text index when the query is a run of CJK ideographs
(the index splits text into character pairs, so such a query's pairs are in
every name containing it) and with `CONTAINS` on `search` otherwise, then ranks
them as the embedded store does.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext
from typing import Any, Concatenate, Literal, ParamSpec, TypeVar

import networkx as nx
from neo4j import Driver, ManagedTransaction, NotificationMinimumSeverity, Session, unit_of_work
from neo4j.exceptions import (
    AuthError,
    ConstraintError,
    DriverError,
    Neo4jError,
    ServiceUnavailable,
    SessionExpired,
)

from parkgraph.graph import cypher, traversal
from parkgraph.graph.corrections import Correction, added_relations, check_rebuild, in_force, rewrite
from parkgraph.graph.errors import NotFound, StoreError
from parkgraph.graph.facts import DocumentFacts, DocumentInfo
from parkgraph.graph.keys import relation_key
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
from parkgraph.graph.naming import display_name, given_names, names_left
from parkgraph.graph.search import rank_matches, search_form, search_query
from parkgraph.graph.user_cypher import CypherResult, run_read_only
from parkgraph.graph.validation import validate_facts
from parkgraph.ontology.vocab import load_vocabulary

__all__ = ["NAMING_SEPARATOR", "SEARCH_SEPARATOR", "Neo4jStore"]

SEARCH_SEPARATOR = "\n"
"""Joins the search forms in `search`: a query never holds whitespace, so it cannot match across two names."""

NAMING_SEPARATOR = "\x1f"
"""Joins a document id and a name in `named_by`: neither ever holds this control character."""

PAGE = 500
"""Entities or relations read per transaction when iterating over all of them."""
EXTRACTED_PAGE = 100
"""Documents whose facts as extracted, with their texts, are read per transaction."""

_P = ParamSpec("_P")
_R = TypeVar("_R")
_T = TypeVar("_T")


class Neo4jStore:
    """The graph in one database of a Neo4j server, reached through a driver the caller creates.

    `uri` only names the server in error messages. The store closes the driver
    on `close()` only when `owns_driver` is true.
    """

    def __init__(
        self, driver: Driver, database: str = "neo4j", *, uri: str | None = None, owns_driver: bool = False
    ) -> None:
        self._driver = driver
        self._database = database
        self._where = uri or "the configured address"
        self._owns_driver = owns_driver
        self._schema_ready = False
        self._schema_lock = threading.Lock()

    def batch(self) -> AbstractContextManager[None]:
        """Nothing to defer: every load is its own committed transaction."""
        return nullcontext()

    def load(self, facts: DocumentFacts, extracted: DocumentFacts | None = None) -> LoadResult:
        """Add one document's facts, as the corrections in force say, atomically; a document already
        held is left unchanged. `extracted` (default `facts`) is kept for rebuilds."""
        info = facts.document
        try:
            written = self._write(_load_document, facts, extracted or facts)
        except StoreError as exc:
            # Loaded meanwhile by another process: its Document node won the uniqueness constraint.
            if not isinstance(exc.__cause__, ConstraintError) or not self._read(_document_held, info.id):
                raise
            written = None
        if written is None:
            return LoadResult(document=info.id, source=info.source, status="unchanged")
        entities, relations = written
        return LoadResult(
            document=info.id, source=info.source, status="loaded", entities=entities, relations=relations
        )

    def documents(self) -> list[DocumentInfo]:
        """Every document held, in load order."""
        return self._read(_documents)

    def document(self, doc_id: str) -> DocumentInfo | None:
        record = self._read(_document, doc_id)
        return _info(record) if record is not None else None

    def document_facts(self, doc_id: str) -> DocumentContents:
        """Everything extracted from one document; raises NotFound for a document not held."""
        return self._read(_document_contents, doc_id)

    def retract(self, doc_id: str) -> RetractResult:
        """Remove a document and what only it supported, in one transaction; NotFound for one not held."""
        return self._write(_retract_document, doc_id)

    def corrections(self) -> list[Correction]:
        """The correction log, in order."""
        return self._read(_log)

    def extracted_facts(self) -> Iterator[DocumentFacts]:
        """Every document's facts as extracted, with its text, in load order, read `EXTRACTED_PAGE`
        documents per transaction (see Store); StoreError at once when a document's were not kept."""
        rows = self._read(_document_order)
        for row in rows:
            if row["missing"]:
                _extracted({**row, "extracted": None})
        ids = [row["id"] for row in rows]
        return (
            _extracted(row)
            for start in range(0, len(ids), EXTRACTED_PAGE)
            for row in self._read(_extracted_rows, ids[start : start + EXTRACTED_PAGE])
        )

    def rebuild(self, documents: Sequence[DocumentFacts], log: Sequence[Correction]) -> None:
        """Replace the graph by `documents` loaded in order under `log`, in one transaction (see Store)."""
        self._write(_rebuild, list(documents), list(log))

    def search(self, text: str, type_: str | None = None, limit: int = 20, offset: int = 0) -> list[Entity]:
        """Entities whose name or alias contains `text`, traditional or simplified; exact matches first.

        Ranked exact, prefix, then substring matches, shorter names first. `type_`
        may be a type or an extra label such as JointBranch.
        """
        query = search_query(text, limit, offset)
        candidates = ((e.id, e.name, e.aliases, e.labels, e) for e in self._read(_search_candidates, query))
        return rank_matches(query, candidates, type_, limit, offset)

    def list_entities(self, type_: str | None = None, limit: int = 20, offset: int = 0) -> list[Entity]:
        """One page of the entities of a type or extra label (every entity without one), by name then id,
        cut by the server."""
        check_listing(type_, limit, offset)
        return self._read(_listed, type_, limit, offset)

    def count_entities(self, type_: str | None = None) -> int:
        """How many entities `list_entities(type_)` pages through, counted by the server."""
        check_listing(type_, 0, 0)
        return self._read(_column, cypher.counted_entities(type_), "count")[0]

    def named(self, name: str, type_: str) -> list[Entity]:
        """Entities labelled `type_` with `name` as their name or an alias, in search form, by id.

        The candidates come from the names index, which holds each name in search form as one term.
        """
        return self.named_each([(name, type_)])[(name, type_)]

    def named_each(self, names: Iterable[tuple[str, str]]) -> dict[tuple[str, str], list[Entity]]:
        return self._read(_named_each, list(dict.fromkeys(names)))

    def entity(self, entity_id: str) -> Entity | None:
        return self._read(_entities, [entity_id]).get(entity_id)

    def entities(self, ids: Iterable[str]) -> dict[str, Entity]:
        return self._read(_entities, list(ids))

    def relation(self, relation_id: str) -> Relation | None:
        """A relation with all its evidence sentences."""
        return self._read(_relation, relation_id)

    def neighbours(
        self,
        entity_id: str,
        types: Sequence[str] | None = None,
        direction: Direction = "both",
        min_confidence: float = 0.0,
    ) -> list[Neighbour]:
        return self._read(_neighbours, entity_id, types, direction, min_confidence)

    def neighbour_entities(
        self, entity_id: str, types: Sequence[str] | None = None, direction: Direction = "both"
    ) -> list[Entity]:
        return self._read(_neighbour_entities, entity_id, types, direction)

    def neighbour_entities_each(
        self, ids: Iterable[str], types: Sequence[str] | None = None, direction: Direction = "both"
    ) -> dict[str, list[Entity]]:
        return self._read(_neighbour_entities_each, list(ids), types, direction)

    def enterprises_under(
        self, entity_id: str, min_confidence: float = 0.0, window: Window = WHOLE
    ) -> Reaches:
        view = cypher.enterprises_under_view()
        return self._read(_reaches, entity_id, view, traversal.enterprises_under, min_confidence, window)

    def hierarchy_above(self, entity_id: str, min_confidence: float = 0.0, window: Window = WHOLE) -> Reaches:
        view = cypher.hierarchy_above_view()
        return self._read(_reaches, entity_id, view, traversal.hierarchy_above, min_confidence, window)

    def subtree_below(
        self, entity_id: str, max_depth: int = 5, min_confidence: float = 0.0, window: Window = WHOLE
    ) -> Reaches:
        return self._read(_subtree_below, entity_id, max_depth, min_confidence, window)

    def shortest_path(
        self,
        source: str,
        target: str,
        max_length: int = 6,
        types: Sequence[str] | None = None,
        min_confidence: float = 0.0,
    ) -> GraphPath | None:
        """One shortest path ignoring direction, or None when there is none within `max_length`."""
        return self._read(_shortest_path, source, target, max_length, types, min_confidence)

    def counts(self) -> Counts:
        return self._read(_counts)

    def check(self) -> None:
        """One trivial read: the server answers, accepts the password and has the database."""
        self._read(_answer)

    def iter_entities(self) -> Iterator[Entity]:
        """Every entity, for exports, by id; read a page per transaction."""
        ids = sorted(self._read(_column, cypher.ENTITY_IDS, "id"))
        for page in _pages(ids):
            found = self._read(_entities, list(page))
            yield from (found[key] for key in page if key in found)

    def iter_relations(self) -> Iterator[Relation]:
        """Every relation with its evidence, for exports, by id; read a page per transaction."""
        steps = sorted(self._read(_relation_steps), key=lambda step: step.key)
        for page in _pages(steps):
            found = self._read(_relations, page)
            yield from (found[step.key] for step in page if step.key in found)

    def iter_names_given(self) -> Iterator[tuple[str, dict[str, list[str]]]]:
        """Every entity's id with the names each of its documents gave it, for exports, by id."""
        ids = sorted(self._read(_column, cypher.ENTITY_IDS, "id"))
        for page in _pages(ids):
            found = self._read(_names_given, list(page))
            yield from ((key, found[key]) for key in page if key in found)

    def read_cypher(
        self,
        query: str,
        parameters: Mapping[str, Any] | None = None,
        timeout: float = 10.0,
        limit: int = 1000,
        byte_limit: int = 4 * 2**20,
    ) -> CypherResult:
        """Run a person's own Cypher read-only, under `timeout` seconds, reading at most `limit` rows
        and `byte_limit` bytes of JSON.

        Raises `CypherForbidden` when the query would do more than read the graph, `CypherTimeout`
        or `CypherRefused` when it ran too long or Neo4j refused it; see `parkgraph.graph.user_cypher`.
        """
        work = unit_of_work(timeout=timeout)(run_read_only)
        return self._read(work, query, dict(parameters or {}), limit, timeout, byte_limit)

    def close(self) -> None:
        """Close the driver when this store created it; a driver passed in stays open for its owner."""
        if self._owns_driver:
            self._driver.close()

    def _session(self) -> Session:
        return self._driver.session(
            database=self._database,
            bookmark_manager=self._driver.execute_query_bookmark_manager,
            notifications_min_severity=NotificationMinimumSeverity.OFF,
        )

    def _read(
        self, work: Callable[Concatenate[ManagedTransaction, _P], _R], *args: _P.args, **kwargs: _P.kwargs
    ) -> _R:
        with self._talking():
            self._ensure_schema()
            with self._session() as session:
                return session.execute_read(work, *args, **kwargs)

    def _write(
        self, work: Callable[Concatenate[ManagedTransaction, _P], _R], *args: _P.args, **kwargs: _P.kwargs
    ) -> _R:
        with self._talking():
            self._ensure_schema()
            with self._session() as session:
                return session.execute_write(work, *args, **kwargs)

    def _ensure_schema(self) -> None:
        """Create the constraints and indexes once per store (idempotent, so other processes may too),
        fill in the lists a bulk import left unset (`cypher.IMPORT_PENDING`), and give a display name to
        entities written before stores kept one, so no caption is blank."""
        if self._schema_ready:
            return
        with self._schema_lock:
            if self._schema_ready:
                return
            with self._session() as session:
                # one plain statement first, so that a server that cannot answer fails at once, not
                # after the driver's retries; then each schema statement in a managed transaction, which
                # the driver retries: stores opening a new database at once deadlock on its schema
                # locks (Neo.TransientError.Transaction.DeadlockDetected)
                session.run("RETURN 1").consume()
                for statement in cypher.schema():
                    try:
                        session.execute_write(_consume, statement)
                    except Neo4jError as exc:
                        # IF NOT EXISTS is checked before the locks: a store that waited made it meanwhile
                        if exc.code not in _SCHEMA_MADE_MEANWHILE:
                            raise
                if session.run(cypher.IMPORT_PENDING_COUNT).single(strict=True)["count"]:
                    for statement in cypher.FILL_IMPORTED_LISTS:  # `IN TRANSACTIONS`: auto-committed
                        session.run(statement).consume()
                session.run("CALL db.awaitIndexes(300)").consume()
                rows = [
                    {"id": row["id"], "display": display_name(row["name"])}
                    for row in session.run(cypher.UNDISPLAYED)
                ]
                if rows:
                    session.execute_write(_consume, cypher.SET_DISPLAY, rows=rows)
            self._schema_ready = True

    @contextmanager
    def _talking(self) -> Iterator[None]:
        """Turn the driver's errors into a StoreError a person can act on."""
        try:
            yield
        except (ServiceUnavailable, SessionExpired) as exc:
            reason = _reason(exc)
            raise StoreError(
                f"cannot reach Neo4j at {self._where}: {reason} — "
                "start one with `parkgraph neo4j start` or set NEO4J_URI"
            ) from exc
        except AuthError as exc:
            raise StoreError(
                f"Neo4j at {self._where} refused the user name or password ({exc.message}) — "
                "set NEO4J_USER and NEO4J_PASSWORD"
            ) from exc
        except Neo4jError as exc:
            if exc.code == "Neo.ClientError.Database.DatabaseNotFound":
                raise StoreError(
                    f"Neo4j at {self._where} has no database {self._database!r} — "
                    "create it or set NEO4J_DATABASE"
                ) from exc
            raise StoreError(f"Neo4j at {self._where} failed: {exc.message or exc}") from exc
        except DriverError as exc:
            raise StoreError(f"Neo4j at {self._where} failed: {exc}") from exc


def _pages(items: Sequence[_T]) -> Iterator[Sequence[_T]]:
    for start in range(0, len(items), PAGE):
        yield items[start : start + PAGE]


def _reason(exc: Exception) -> str:
    """The part of a connection error a person needs ("[Errno 111] Connection refused"), on one line."""
    text = " ".join(str(exc).split())
    found = re.search(r"\(reason (.+)\)$", text)
    return found.group(1) if found else text or type(exc).__name__


def _answer(tx: ManagedTransaction) -> None:
    tx.run("RETURN 1").consume()


_SCHEMA_MADE_MEANWHILE = frozenset(
    {
        "Neo.ClientError.Schema.EquivalentSchemaRuleAlreadyExists",
        "Neo.ClientError.Schema.ConstraintAlreadyExists",
        "Neo.ClientError.Schema.IndexAlreadyExists",
    }
)


def _consume(tx: ManagedTransaction, statement: str, **parameters: object) -> None:
    tx.run(statement, parameters).consume()


# --- loading -----------------------------------------------------------------------------------------


def _document_held(tx: ManagedTransaction, doc_id: str) -> bool:
    return tx.run(cypher.DOCUMENT_HELD, id=doc_id).single(strict=True)["held"]


def _load_document(
    tx: ManagedTransaction, facts: DocumentFacts, extracted: DocumentFacts
) -> tuple[int, int] | None:
    """Write one document and its facts as the corrections say; None when the database holds it already."""
    document = {
        **facts.document.model_dump(),
        "text": facts.text,
        "extracted": extracted.model_dump_json(exclude={"text"}),
    }
    keys = list(dict.fromkeys(fact.key for fact in facts.entities))
    opened = tx.run(cypher.OPEN_DOCUMENT, document=document, keys=keys).single(strict=True)
    if not opened["created"]:
        return None
    log = [Correction.model_validate_json(data) for data in opened["log"]]
    held = {row["id"]: row for row in opened["held"]}
    return _write_facts(tx, facts, in_force(log), opened["loaded_order"], held)


def _write_facts(
    tx: ManagedTransaction,
    facts: DocumentFacts,
    corrections: Sequence[Correction],
    order: int,
    held: Mapping[str, Mapping[str, Any]] | None = None,
) -> tuple[int, int]:
    """Write a held document's facts as the corrections say, then the relations they add whose ends are
    now held; return how many entities and relations the document touched. `held` may give the held
    entities among the facts' keys before the corrections rewrite them; the others are looked up."""
    facts = rewrite(facts, corrections)
    info = facts.document
    keys = list(dict.fromkeys(fact.key for fact in facts.entities))
    known = dict(held or {})
    if held is None or corrections:
        missing = [key for key in keys if key not in known]
        known |= {row["id"]: row for row in tx.run(cypher.HELD_ENTITIES, keys=missing)}
    held = {key: known[key] for key in keys if key in known}
    valid = validate_facts(facts, {key: row["type"] for key, row in held.items()})
    labels = {key: _ordered_labels(row["type"], row["labels"]) for key, row in held.items()} | valid.labels
    tx.run(
        cypher.MERGE_ENTITIES,
        rows=_entity_rows(facts, labels),
        document=info.id,
        separator=SEARCH_SEPARATOR,
        naming=NAMING_SEPARATOR,
    ).consume()
    relations, evidence = _relation_rows(facts, valid.keys)
    for type_, rows in relations.items():
        tx.run(cypher.merge_relations(type_), rows=rows, document=info.id, source=info.source).consume()
    if evidence:
        tx.run(cypher.CREATE_EVIDENCE, document=info.id, source=info.source, rows=evidence).consume()
    _add_curated(tx, added_relations(corrections), order)
    return len(keys), sum(len(rows) for rows in relations.values())


CURATED_ORDINAL = 10**9
"""Past the ordinal of any document's evidence: an analyst's evidence sorts after the document's."""


def _add_curated(tx: ManagedTransaction, relations: Sequence[Relation], order: int) -> None:
    """Put in the analysts' relations whose ends are held and which lack their evidence yet."""
    grouped: dict[str, list[dict]] = {}
    for seq, relation in enumerate(relations):
        evidence = relation.evidence[0]
        grouped.setdefault(relation.type, []).append(
            {
                "id": relation.id,
                "head": relation.head,
                "tail": relation.tail,
                "confidence": relation.confidence,
                "attributes": relation.attributes,
                "names": list(relation.attributes),
                "evidence": {
                    "relation": relation.id,
                    **evidence.model_dump(),
                    "ordinal": CURATED_ORDINAL + seq,
                },
            }
        )
    for type_, rows in grouped.items():
        tx.run(cypher.add_curated_relations(type_), rows=rows, loaded_order=order).consume()


def _log(tx: ManagedTransaction) -> list[Correction]:
    return [Correction.model_validate_json(row["data"]) for row in tx.run(cypher.CORRECTIONS)]


def _document_order(tx: ManagedTransaction) -> list[dict]:
    return [dict(row) for row in tx.run(cypher.DOCUMENT_ORDER)]


def _extracted_rows(tx: ManagedTransaction, ids: list[str]) -> list[dict]:
    return [dict(row) for row in tx.run(cypher.EXTRACTED, ids=ids)]


def _extracted(row: Mapping[str, Any]) -> DocumentFacts:
    """A document's facts as extracted; StoreError for one loaded before they were kept."""
    if row["extracted"] is None:
        raise StoreError(
            f"document {row['id']} ({row['source']}) was loaded by an earlier version, which did not keep "
            "its extracted facts: retract it and load it again before correcting the graph"
        )
    return DocumentFacts.model_validate_json(row["extracted"]).model_copy(update={"text": row["text"]})


def _rebuild(tx: ManagedTransaction, documents: list[DocumentFacts], log: list[Correction]) -> None:
    """Check the rebuild was prepared from what is held, append the new log entries, rewrite the graph."""
    rows = _document_order(tx)
    added = check_rebuild([row["id"] for row in rows], documents, _log(tx), log)
    entries = [{"seq": entry.seq, "data": entry.model_dump_json()} for entry in added]
    tx.run(cypher.CREATE_CORRECTIONS, rows=entries).consume()
    tx.run(cypher.CLEAR_GRAPH).consume()
    corrections = in_force(log)
    for facts, row in zip(documents, rows, strict=True):
        _write_facts(tx, facts, corrections, row["loaded_order"])


def _retract_document(tx: ManagedTransaction, doc_id: str) -> RetractResult:
    """Delete a document's evidence, then what it alone supported, then the document."""
    record = _document(tx, doc_id)
    if record is None:
        raise NotFound("document", doc_id)
    mentioned = [entity.id for entity in _mentioning(tx, doc_id)]
    evidence = _removed(tx, cypher.RETRACT_EVIDENCE, document=doc_id)
    relations = _removed(tx, cypher.RETRACT_RELATIONS, document=doc_id, heads=mentioned)
    entities = _removed(tx, cypher.RETRACT_ENTITIES, document=doc_id, ids=mentioned)
    _take_back_names(tx, doc_id, mentioned)
    tx.run(cypher.DELETE_DOCUMENT, id=doc_id).consume()
    return RetractResult(
        document=doc_id,
        source=record["source"],
        entities_removed=entities,
        relations_removed=relations,
        evidence_removed=evidence,
    )


def _take_back_names(tx: ManagedTransaction, doc_id: str, ids: list[str]) -> None:
    """Give the entities left the names their other documents give them (no `named_by`: keep all)."""
    rows = []
    for row in tx.run(cypher.NAMINGS, ids=ids):
        if row["named_by"] is None:
            continue
        pairs = [entry.split(NAMING_SEPARATOR, 1) for entry in row["named_by"]]
        kept = [(document, name) for document, name in pairs if document != doc_id]
        given = [[name for held, name in kept if held == document] for document in row["documents"]]
        name, aliases = names_left(row["name"], row["aliases"], given)
        rows.append(
            {
                "id": row["id"],
                "name": name,
                "display": display_name(name),
                "aliases": aliases,
                "search": SEARCH_SEPARATOR.join(search_form(item) for item in (name, *aliases)),
                "named_by": [NAMING_SEPARATOR.join(pair) for pair in kept],
            }
        )
    tx.run(cypher.RENAME_ENTITIES, rows=rows).consume()


def _removed(tx: ManagedTransaction, query: str, **parameters: Any) -> int:
    """Run a deleting statement; return the count of what it removed."""
    return tx.run(query, parameters).single(strict=True)["removed"]


def _entity_rows(facts: DocumentFacts, labels: Mapping[str, list[str]]) -> list[dict]:
    """One row per entity key of the document, with the labels a new node of it gets."""
    groups: dict[str, list] = {}
    for fact in facts.entities:
        groups.setdefault(fact.key, []).append(fact)
    rows: list[dict] = []
    for key, group in groups.items():
        first = group[0]
        names = [name for fact in group for name in (fact.name, *fact.aliases)]
        rows.append(
            {
                "id": key,
                "labels": labels[key],
                "type": first.type,
                "name": first.name,
                "display": display_name(first.name),
                "form": search_form(first.name),
                "names": [{"name": name, "form": search_form(name)} for name in names],
                "given": given_names(names),
            }
        )
    return rows


def _relation_rows(facts: DocumentFacts, keys: Mapping[str, str]) -> tuple[dict[str, list[dict]], list[dict]]:
    """One row per relation of the document, grouped by type, and one row per distinct evidence sentence
    (without the document and source, which `CREATE_EVIDENCE` sets).

    Within the document the first attribute value wins, as it does across documents.
    """
    relations: dict[str, dict] = {}
    evidence: list[dict] = []
    seen: set[tuple] = set()
    for fact in facts.relations:
        head, tail = keys[fact.head], keys[fact.tail]
        relation_id = relation_key(fact.type, head, tail, fact.attributes.get("title", ""))
        row = relations.setdefault(
            relation_id,
            {
                "id": relation_id,
                "type": fact.type,
                "head": head,
                "tail": tail,
                "confidence": 0.0,
                "attributes": {},
            },
        )
        row["confidence"] = max(row["confidence"], fact.confidence)
        for name, value in fact.attributes.items():
            row["attributes"].setdefault(name, value)
        span = fact.evidence
        if (relation_id, span.start, span.end, span.text, fact.confidence) in seen:
            continue
        seen.add((relation_id, span.start, span.end, span.text, fact.confidence))
        evidence.append(
            {
                "relation": relation_id,
                "start": span.start,
                "end": span.end,
                "text": span.text,
                "confidence": fact.confidence,
                "where": span.where,
                "ordinal": len(evidence),
            }
        )
    grouped: dict[str, list[dict]] = {}
    for row in relations.values():
        type_ = row.pop("type")
        row["names"] = list(row["attributes"])
        grouped.setdefault(type_, []).append(row)
    return grouped, evidence


# --- reading -----------------------------------------------------------------------------------------


def _ordered_labels(type_: str, labels: Iterable[str]) -> list[str]:
    """An entity's labels as the embedded store lists them: type, then extra labels in vocabulary order."""
    held = set(labels)
    return [type_, *(name for name in load_vocabulary().extra_types if name in held and name != type_)]


def _entity(record: Mapping[str, Any]) -> Entity:
    data = record["entity"]
    return Entity(
        id=data["id"],
        type=data["type"],
        labels=_ordered_labels(data["type"], record["labels"]),
        name=data["name"],
        aliases=list(data["aliases"]),
        documents=list(data["documents"]),
    )


def _info(record: Mapping[str, Any]) -> DocumentInfo:
    return DocumentInfo(
        id=record["id"], source=record["source"], title=record["title"] or "", encoding=record["encoding"]
    )


def _documents(tx: ManagedTransaction) -> list[DocumentInfo]:
    return [_info(row["document"]) for row in tx.run(cypher.DOCUMENTS)]


def _document(tx: ManagedTransaction, doc_id: str) -> dict | None:
    record = tx.run(cypher.DOCUMENT, id=doc_id).single()
    return dict(record["document"]) if record is not None else None


def _mentioning(tx: ManagedTransaction, doc_id: str) -> list[Entity]:
    """The entities a document mentions, by id."""
    return sorted((_entity(row) for row in tx.run(cypher.MENTIONING, document=doc_id)), key=lambda e: e.id)


def _document_contents(tx: ManagedTransaction, doc_id: str) -> DocumentContents:
    record = _document(tx, doc_id)
    if record is None:
        raise NotFound("document", doc_id)
    entities = _mentioning(tx, doc_id)
    rows = tx.run(cypher.DOCUMENT_RELATIONS, document=doc_id, heads=[entity.id for entity in entities])
    relations = _relations(tx, [traversal.Step(row["head"], "", row["id"]) for row in rows])
    return DocumentContents(
        document=_info(record),
        text=record["text"],
        entities=entities,
        relations=[relations[key].evidenced_by(doc_id) for key in sorted(relations)],
    )


def _column(tx: ManagedTransaction, query: str, name: str, **parameters: Any) -> list:
    return [row[name] for row in tx.run(query, parameters)]


def _rows(tx: ManagedTransaction, query: str, **parameters: Any) -> list[dict[str, Any]]:
    """The `rows` of a query that collects its answer into one record."""
    return tx.run(query, parameters).single(strict=True)["rows"]


def _entities(tx: ManagedTransaction, ids: Iterable[str]) -> dict[str, Entity]:
    """The entities held among `ids`, by id."""
    found = map(_entity, _rows(tx, cypher.ENTITIES, ids=list(dict.fromkeys(ids))))
    return {entity.id: entity for entity in found}


def _known(tx: ManagedTransaction, entity_id: str) -> Entity:
    found = _entities(tx, [entity_id]).get(entity_id)
    if found is None:
        raise NotFound("entity", entity_id)
    return found


def _names_given(tx: ManagedTransaction, ids: list[str]) -> dict[str, dict[str, list[str]]]:
    """Which names each document gave each entity among `ids`; an entity written before `named_by`
    was kept got every name from each of its documents (as `merge_entities` takes it)."""
    found: dict[str, dict[str, list[str]]] = {}
    for row in tx.run(cypher.NAMINGS, ids=ids):
        if row["named_by"] is None:
            every = [row["name"], *row["aliases"]]
            found[row["id"]] = {document: list(every) for document in row["documents"]}
            continue
        given: dict[str, list[str]] = {document: [] for document in row["documents"]}
        for entry in row["named_by"]:
            document, name = entry.split(NAMING_SEPARATOR, 1)
            given.setdefault(document, []).append(name)
        found[row["id"]] = given
    return found


def _relation_steps(tx: ManagedTransaction) -> list[traversal.Step]:
    return [traversal.Step(row["head"], "", row["id"]) for row in tx.run(cypher.RELATION_IDS)]


def _relations(
    tx: ManagedTransaction,
    steps: Iterable[traversal.Step],
    with_evidence: bool = True,
    view: nx.MultiDiGraph | None = None,
) -> dict[str, Relation]:
    """The relations walked in `steps`, by id, with their evidence or with only its highest
    confidence, which the relation keeps as `confidence`. Steps walked over a `view` this transaction
    read are found by the element ids it gave, the others from their heads and ids."""
    walked = list(dict.fromkeys(steps))
    elements = [view.edges[step].get("element") for step in walked] if view is not None else [None]
    if all(elements):
        query = cypher.RELATIONS_BY_ELEMENT if with_evidence else cypher.RELATIONS_BY_ELEMENT_WITHOUT_EVIDENCE
        read = _rows(tx, query, elements=list(dict.fromkeys(elements)))
    else:
        rows = [{"head": step.head, "id": step.key} for step in walked]
        read = _rows(tx, cypher.RELATIONS if with_evidence else cypher.RELATIONS_WITHOUT_EVIDENCE, rows=rows)
    return _relation_models(read, with_evidence)


def _relation_models(rows: Iterable[Mapping[str, Any]], with_evidence: bool) -> dict[str, Relation]:
    """The relations of relation rows (`cypher._relation_row`), by id."""
    found: dict[str, Relation] = {}
    for row in rows:
        properties = row["properties"]
        evidence = _evidence(row["evidence"]) if with_evidence else []
        found[row["id"]] = Relation(
            id=row["id"],
            type=row["type"],
            head=row["head"],
            tail=row["tail"],
            attributes={name: properties[name] for name in properties.get("attributes", [])},
            confidence=max((item.confidence for item in evidence), default=0.0)
            if with_evidence
            else properties.get("confidence", 0.0),
            evidence=evidence,
        )
    return found


def _evidence(items: list[dict]) -> list[Evidence]:
    """A relation's evidence in load order (an analyst's by the order it was given)."""
    fields = Evidence.model_fields
    return [
        Evidence(**{name: value for name, value in item["evidence"].items() if name in fields})
        for item in sorted(items, key=lambda item: (item["order"], item["evidence"]["ordinal"]))
    ]


def _relation(tx: ManagedTransaction, relation_id: str) -> Relation | None:
    heads = _column(tx, cypher.relation_heads(), "head", id=relation_id)
    if not heads:
        return None
    return _relations(tx, [traversal.Step(heads[0], "", relation_id)]).get(relation_id)


def _search_candidates(tx: ManagedTransaction, query: str) -> list[Entity]:
    """Entities that may match `query` (in search form): every one that does, perhaps a few that do not."""
    phrase = cypher.fulltext_phrase(query)
    if phrase is not None:
        rows = tx.run(cypher.SEARCH_FULLTEXT, phrase=phrase)
    else:
        rows = tx.run(cypher.SEARCH_CONTAINS, text=query)
    return [_entity(row) for row in rows]


NAMES_PER_QUERY = 500
"""Names looked up in one Lucene query, under its limit of 1,024 clauses."""


def _named_each(tx: ManagedTransaction, pairs: list[tuple[str, str]]) -> dict[tuple[str, str], list[Entity]]:
    """`named` for each `(name, type)` pair, in one statement: the names index's hits for any of the
    names, each given to the pairs one of its names in search form is, when it bears their label."""
    asked: dict[str, list[tuple[str, str]]] = {}
    for name, type_ in pairs:
        if form := search_form(name):
            asked.setdefault(form, []).append((name, type_))
    terms = [cypher.name_term(form) for form in asked]
    queries = [" OR ".join(terms[at : at + NAMES_PER_QUERY]) for at in range(0, len(terms), NAMES_PER_QUERY)]
    records = tx.run(cypher.NAMED, queries=queries) if queries else ()
    hits = {entity.id: entity for entity in map(_entity, records)}
    found: dict[tuple[str, str], list[Entity]] = {pair: [] for pair in pairs}
    for entity in sorted(hits.values(), key=lambda entity: entity.id):
        for form in {search_form(name) for name in (entity.name, *entity.aliases)} & asked.keys():
            for pair in asked[form]:
                if pair[1] in entity.labels:
                    found[pair].append(entity)
    return found


def _listed(tx: ManagedTransaction, type_: str | None, limit: int, offset: int) -> list[Entity]:
    rows = tx.run(cypher.listed_entities(type_), limit=limit, offset=offset)
    return [_entity(row) for row in rows]


def _counts(tx: ManagedTransaction) -> Counts:
    documents = tx.run(cypher.COUNT_DOCUMENTS).single(strict=True)["count"]
    entities = {row["type"]: row["count"] for row in tx.run(cypher.COUNT_ENTITIES)}
    relations = {row["type"]: row["count"] for row in tx.run(cypher.COUNT_RELATIONS)}
    return Counts(
        documents=documents,
        entities=dict(sorted(entities.items())),
        relations=dict(sorted(relations.items())),
    )


# --- walks: a networkx view of what a walk can touch, walked by parkgraph.graph.traversal ------------------


def _view(entities: Iterable[Entity], rows: Iterable[Mapping[str, Any]] = ()) -> nx.MultiDiGraph:
    """A graph of the given entities and the relation rows (head, id, type, tail) of a view query."""
    G = nx.MultiDiGraph()
    for entity in entities:
        G.add_node(entity.id, type=entity.type, name=entity.name)
    _extend(G, rows)
    return G


def _extend(G: nx.MultiDiGraph, rows: Iterable[Mapping[str, Any]]) -> None:
    """Add view rows to `G`, each relation with the element id the view gave (valid in its transaction)."""
    for row in rows:
        for end in (row["head"], row["tail"]):
            if end["id"] not in G:
                _add_node(G, end)
        G.add_edge(
            row["head"]["id"],
            row["tail"]["id"],
            key=row["id"],
            type=row["type"],
            confidence=row["confidence"],
            element=row.get("element"),
        )


def _add_node(G: nx.MultiDiGraph, end: Mapping[str, Any]) -> None:
    G.add_node(end["id"], type=end["type"], name=end["name"])


def _started(tx: ManagedTransaction, view: str, entity_id: str, **parameters: Any) -> nx.MultiDiGraph:
    """The graph of a walk's `view` from `entity_id` (see `cypher._from_start`), that entity first."""
    record = tx.run(view, parameters, id=entity_id).single()
    if record is None:
        raise NotFound("entity", entity_id)
    G = nx.MultiDiGraph()
    _add_node(G, record["start"])
    _extend(G, record["rows"])
    return G


def _reach_models(
    tx: ManagedTransaction, view: nx.MultiDiGraph, found: Sequence[traversal.Reached], window: Window
) -> Reaches:
    """The reaches of the window's part of a walk's answer over `view`, reading only the entities and
    relations that part holds, in one query (by the element ids the view gave its relations)."""
    page = window.cut(found)
    if not page:
        return Reaches([], total=len(found))
    steps = dict.fromkeys(step for item in page for step in item.path)
    record = tx.run(
        cypher.answer_by_element(window.evidence),
        ids=list(dict.fromkeys(item.node for item in page)),
        elements=list(dict.fromkeys(view.edges[step]["element"] for step in steps)),
    ).single(strict=True)
    entities = {entity.id: entity for entity in map(_entity, record["entities"])}
    relations = _relation_models(record["relations"], window.evidence)
    reached = (
        Reach(entity=entities[item.node], depth=item.depth, path=[relations[step.key] for step in item.path])
        for item in page
    )
    return Reaches(reached, total=len(found))


def _reaches(
    tx: ManagedTransaction,
    entity_id: str,
    view: str,
    walk: Callable[[nx.MultiDiGraph, str, float], list[traversal.Reached]],
    min_confidence: float,
    window: Window,
) -> Reaches:
    """Walk `walk` from `entity_id` over what the `view` query returns for it."""
    G = _started(tx, view, entity_id)
    return _reach_models(tx, G, walk(G, entity_id, min_confidence), window)


def _subtree_below(
    tx: ManagedTransaction, entity_id: str, max_depth: int, min_confidence: float, window: Window
) -> Reaches:
    """Walk down over the view one query returns: up relations into a node and down COVERS out of it."""
    if max_depth >= 1:
        G = _started(
            tx,
            cypher.subtree_below_view(max_depth),
            entity_id,
            inward=[traversal.SUBORDINATE_TO, traversal.PART_OF],
            outward=[traversal.COVERS],
        )
    else:
        G = _view([_known(tx, entity_id)])
    walked = traversal.subtree_below(G, entity_id, max_depth, min_confidence)
    return _reach_models(tx, G, walked, window)


def _shortest_path(
    tx: ManagedTransaction,
    source: str,
    target: str,
    max_length: int,
    types: Sequence[str] | None,
    min_confidence: float,
) -> GraphPath | None:
    start = _known(tx, source)
    end = _known(tx, target)
    G = _view([start, end])
    allowed = traversal.type_filter(types)
    known = None if allowed is None else allowed & set(load_vocabulary().relation_types)
    if source != target and isinstance(max_length, int) and max_length >= 1 and known != set():
        view = cypher.shortest_paths_view(known, int(max_length))
        _extend(G, _rows(tx, view, source=source, target=target, min_confidence=float(min_confidence)))
    found = traversal.shortest_path(G, source, target, max_length, types, min_confidence)
    if found is None:
        return None
    nodes, steps = found
    entities = _entities(tx, nodes)
    relations = _relations(tx, steps, view=G)
    return GraphPath(
        entities=[entities[node] for node in nodes], relations=[relations[step.key] for step in steps]
    )


def _incident(
    tx: ManagedTransaction,
    entity_id: str,
    types: Sequence[str] | None,
    direction: Direction,
    min_confidence: float = 0.0,
) -> list[tuple[Literal["out", "in"], traversal.Step, str]]:
    """`traversal.incident` over a view of the relations at one entity."""
    return _incident_each(tx, [_known(tx, entity_id)], types, direction, min_confidence)[entity_id]


def _incident_each(
    tx: ManagedTransaction,
    held: Sequence[Entity],
    types: Sequence[str] | None,
    direction: Direction,
    min_confidence: float = 0.0,
) -> dict[str, list[tuple[Literal["out", "in"], traversal.Step, str]]]:
    """`traversal.incident` at each of the held entities, over one view query of the relations at them
    (of the known types among `types`: a dense region's thousands of other relations stay put)."""
    allowed = traversal.type_filter(types)
    known = allowed & set(load_vocabulary().relation_types) if allowed is not None else None
    rows: dict[str, list[Mapping[str, Any]]] = {entity.id: [] for entity in held}
    if rows and known != set():
        for record in tx.run(cypher.incident_view(known, direction), ids=list(rows)):
            rows[record["at"]] = record["rows"]
    views = {entity.id: _view([entity], rows[entity.id]) for entity in held}
    return {key: traversal.incident(G, key, types, direction, min_confidence) for key, G in views.items()}


def _neighbours(
    tx: ManagedTransaction,
    entity_id: str,
    types: Sequence[str] | None,
    direction: Direction,
    min_confidence: float,
) -> list[Neighbour]:
    found = _incident(tx, entity_id, types, direction, min_confidence)
    entities = _entities(tx, (other for _, _, other in found))
    relations = _relations(tx, (step for _, step, _ in found))
    return [
        Neighbour(direction=way, relation=relations[step.key], entity=entities[other])
        for way, step, other in found
    ]


def _neighbour_entities(
    tx: ManagedTransaction, entity_id: str, types: Sequence[str] | None, direction: Direction
) -> list[Entity]:
    _known(tx, entity_id)
    return _neighbour_entities_each(tx, [entity_id], types, direction)[entity_id]


def _neighbour_entities_each(
    tx: ManagedTransaction, ids: list[str], types: Sequence[str] | None, direction: Direction
) -> dict[str, list[Entity]]:
    """The neighbour entities of each held entity among `ids`, in three statements however many."""
    held = _entities(tx, ids)
    steps = _incident_each(tx, list(held.values()), types, direction)
    others = {key: list(dict.fromkeys(other for _, _, other in found)) for key, found in steps.items()}
    entities = _entities(tx, (other for found in others.values() for other in found))
    return {key: [entities[other] for other in found] for key, found in others.items()}
