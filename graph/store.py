"""The `Store` protocol: what every graph store offers the loaders, the CLI and the API.

Two implementations sit beside it (`embedded.EmbeddedStore` on SQLite and networkx,
`neo4j_store.Neo4jStore` on a Neo4j server); `parkgraph.stores` picks one from
configuration. One contract suite (`tests/graph/test_store_contract.py`) runs
against each.

Query semantics, shared by all stores:
- `enterprises_under(org)`: SCHEMA.md's definition: enterprises reached from
  `org` by COVERS or PARTY_ORG_OF, directly or through entities that are
  SUBORDINATE_TO (or PART_OF) it, at any depth.
- `hierarchy_above(org)`: entities reached by following SUBORDINATE_TO and
  PART_OF outwards, nearest first.
- `subtree_below(org)`: entities that are SUBORDINATE_TO or PART_OF `org`
  (transitively), and units it COVERS, nearest first.
- Every query that names an entity id raises `NotFound` for an unknown id.
- `window` (`model.Window`): the walks return the part of their answer it asks for, cut in the
  store before the reaches are read, with `total` the length of the whole answer; without
  evidence, relations keep their confidence and an empty evidence list.
- `min_confidence`: walk and return only relations whose confidence (the highest of their
  evidence) reaches it; low-confidence facts are kept, and shown when no floor is asked.

Retracting a document undoes its load as far as the store can tell what it gave:
its evidence goes; a relation left without evidence goes, another gets the highest
confidence of the evidence left; an entity no other document mentions (and so with
no relation left) goes, another loses the document from `documents`. Stores record
which document gave an entity which names, so an entity loses the aliases only the
retracted document gave it, and takes the name its earliest other document gives it
when only the retracted one gave its name (`parkgraph.graph.naming`). They do not
record which document gave an attribute value, so a relation keeps its attributes
(beyond `title`, which is part of its id).
Loading the document again restores its facts; it then counts as loaded last, so
retracting and reloading the last document gives back exactly the graph it left.

Corrections (`parkgraph.graph.corrections`): a store keeps an append-only log of analysts'
corrections and each document's facts as extracted. Every load rewrites the document's facts by
the corrections in force, and puts in the relations they add once both ends are held, with the
shared functions of that module, so a store's graph is what its documents give, loaded in order,
under its log. `rebuild` replaces the graph by exactly that, after the log grew (a new correction,
an undo) or a document was retracted; `parkgraph.curation` prepares it (resolving each document's
entities against the graph built so far, as a load does) and calls it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from typing import Protocol, runtime_checkable

from parkgraph.graph.corrections import Correction
from parkgraph.graph.facts import DocumentFacts, DocumentInfo
from parkgraph.graph.model import (
    WHOLE,
    Counts,
    Direction,
    DocumentContents,
    Entity,
    LoadResult,
    Neighbour,
    Path,
    Reaches,
    Relation,
    RetractResult,
    Window,
)


@runtime_checkable
class Store(Protocol):
    def load(self, facts: DocumentFacts, extracted: DocumentFacts | None = None) -> LoadResult:
        """Add one document's facts (keys resolved), as the corrections in force say, atomically; a
        document already held is left unchanged. `extracted`, the facts before their keys were
        resolved (default: `facts`), is kept for rebuilds."""

    def corrections(self) -> list[Correction]:
        """The correction log, every entry (undos too) in order of `seq`."""

    def extracted_facts(self) -> Iterator[DocumentFacts]:
        """Every document's facts as extracted, with its text, in load order, read a few documents at a
        time as they are asked for, so that going through them holds a few, not all; StoreError from the
        call itself, before any is read, when a document was loaded before stores kept them."""

    def rebuild(self, documents: Sequence[DocumentFacts], log: Sequence[Correction]) -> None:
        """Atomically: append to the log what `log` adds to it, and replace the graph by `documents`
        (the held documents' facts with keys resolved, in load order) loaded under `log`. Raises
        `Changed` (nothing written) unless the held documents and the stored log are those it was
        prepared from."""

    def batch(self) -> AbstractContextManager[None]:
        """Many loads at once: each stays atomic and is committed when its call returns; a store may
        use the hint for bookkeeping that costs nothing in durability. Use it around bulk loads."""

    def documents(self) -> list[DocumentInfo]:
        """Every document held, in load order."""

    def document(self, doc_id: str) -> DocumentInfo | None: ...

    def document_facts(self, doc_id: str) -> DocumentContents:
        """Everything extracted from one document; raises NotFound for a document not held."""

    def retract(self, doc_id: str) -> RetractResult:
        """Remove a document and what only it supported, atomically; raises NotFound for one not held."""

    def search(self, text: str, type_: str | None = None, limit: int = 20, offset: int = 0) -> list[Entity]:
        """Entities whose name or alias contains `text`, traditional or simplified; exact matches first."""

    def list_entities(self, type_: str | None = None, limit: int = 20, offset: int = 0) -> list[Entity]:
        """One page of the entities of a type or extra label (every entity without one), by name then id.

        The store cuts the page itself, so a page does not carry every entity of the type across;
        raises ValueError for a type the ontology does not know."""

    def count_entities(self, type_: str | None = None) -> int:
        """How many entities `list_entities(type_)` pages through."""

    def named(self, name: str, type_: str) -> list[Entity]:
        """Entities labelled `type_` with `name` as their name or an alias, compared in search form, by id.

        An exact lookup through an index, so that identity resolution costs the same in a large graph."""

    def named_each(self, names: Iterable[tuple[str, str]]) -> dict[tuple[str, str], list[Entity]]:
        """`named(name, type_)` for each `(name, type_)` pair, in one round trip to a server: identity
        resolution asks it for every name of a document that picks out one unit."""

    def entity(self, entity_id: str) -> Entity | None: ...

    def entities(self, ids: Iterable[str]) -> dict[str, Entity]:
        """The entities held among `ids`, by id: `entity` for many in one round trip to a server."""

    def relation(self, relation_id: str) -> Relation | None:
        """A relation with all its evidence sentences."""

    def neighbours(
        self,
        entity_id: str,
        types: Sequence[str] | None = None,
        direction: Direction = "both",
        min_confidence: float = 0.0,
    ) -> list[Neighbour]: ...

    def neighbour_entities(
        self, entity_id: str, types: Sequence[str] | None = None, direction: Direction = "both"
    ) -> list[Entity]:
        """The entities `neighbours` gives, once each, in its order, without the relations: identity
        resolution asks this around held units for every document loaded, and a relation's evidence,
        which `neighbours` reads, grows with every document that repeats it."""

    def neighbour_entities_each(
        self, ids: Iterable[str], types: Sequence[str] | None = None, direction: Direction = "both"
    ) -> dict[str, list[Entity]]:
        """`neighbour_entities` of each held entity among `ids` (the others left out), in one round trip
        to a server."""

    def enterprises_under(
        self, entity_id: str, min_confidence: float = 0.0, window: Window = WHOLE
    ) -> Reaches: ...

    def hierarchy_above(
        self, entity_id: str, min_confidence: float = 0.0, window: Window = WHOLE
    ) -> Reaches: ...

    def subtree_below(
        self, entity_id: str, max_depth: int = 5, min_confidence: float = 0.0, window: Window = WHOLE
    ) -> Reaches: ...

    def shortest_path(
        self,
        source: str,
        target: str,
        max_length: int = 6,
        types: Sequence[str] | None = None,
        min_confidence: float = 0.0,
    ) -> Path | None:
        """One shortest path ignoring direction, or None when there is none within `max_length`."""

    def counts(self) -> Counts: ...

    def check(self) -> None:
        """Raise StoreError unless the store can answer now: what `/health` reports."""

    def iter_entities(self) -> Iterator[Entity]:
        """Every entity, for exports, by id."""

    def iter_relations(self) -> Iterator[Relation]:
        """Every relation with its evidence, for exports."""

    def iter_names_given(self) -> Iterator[tuple[str, dict[str, list[str]]]]:
        """Every entity's id with the names each of its documents gave it (`naming.given_names`), for
        exports that carry what a retraction takes back; by id, as `iter_entities`, so an export walks
        both side by side instead of holding either."""

    def close(self) -> None: ...
