"""A store's graph for other tools: GraphML for Gephi and yEd, CSV for Neo4j's bulk importer.

Both read the store through the `Store` protocol, so every store exports alike; the RDF export lives
in `parkgraph.ontology.export`. The CSV zip holds everything a Neo4j store's database holds (entities,
relations, evidence sentences, documents, the correction log), in the header form of
`neo4j-admin database import full` with the options `IMPORT_OPTIONS`; `import_command` is the whole
command line. `parkgraph neo4j import` runs it into the bundled server.
"""

from __future__ import annotations

import io
import json
import stat
import tempfile
import time
import zipfile
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import PurePosixPath
from typing import BinaryIO

import networkx as nx

from parkgraph.graph.cypher import IMPORT_PENDING
from parkgraph.graph.errors import StoreError
from parkgraph.graph.facts import DocumentFacts, DocumentInfo
from parkgraph.graph.model import Relation
from parkgraph.graph.neo4j_store import CURATED_ORDINAL, NAMING_SEPARATOR, SEARCH_SEPARATOR
from parkgraph.graph.search import search_form
from parkgraph.graph.store import Store

__all__ = [
    "ARRAY_DELIMITER",
    "ENTITY_LABEL",
    "IMPORT_OPTIONS",
    "LIST_SEPARATOR",
    "NODE_FILES",
    "RELATIONSHIP_FILES",
    "graphml",
    "import_arguments",
    "import_command",
    "to_networkx",
    "write_csv_zip",
]

LIST_SEPARATOR = ";"
"""Joins lists in GraphML attributes."""
ENTITY_LABEL = "Entity"
"""Every node gets it, as in the Neo4j store, beside its type and extra labels."""

ARRAY_DELIMITER = "\x1e"
"""Joins a list's items (and a node's labels) in a CSV field: a control character that no name, id or
source holds, where `;` may."""

IMPORT_OPTIONS = (
    "--overwrite-destination=true",
    "--multiline-fields=true",
    "--array-delimiter=U+001E",
    "--bad-tolerance=0",
)
"""What the files need from the importer: it replaces the database; texts and entities' `search` span
lines; lists are joined with ARRAY_DELIMITER; a bad row fails the import instead of being left out."""

ENTITY_HEADER = (
    "id:ID(Entity)",
    "type",
    "name",
    "display",
    "aliases:string[]",
    "documents:string[]",
    "search",
    "named_by:string[]",
    ":LABEL",
)
"""`display`, the short name, is what the Browser style sheet (docs/neo4j/parkgraph.grass) captions."""
_ENTITY_DOCUMENTS = ENTITY_HEADER.index("documents:string[]")
DOCUMENT_HEADER = (
    "id:ID(Document)",
    *(name for name in DocumentInfo.model_fields if name != "id"),
    "text",
    "loaded_order:long",
    "extracted",
    ":LABEL",
)
EVIDENCE_HEADER = (
    ":ID(Evidence)",
    "relation",
    "document",
    "source",
    "start:long",
    "end:long",
    "text",
    "confidence:double",
    "where",
    "ordinal:long",
    "loaded_order:long",
    ":LABEL",
)
"""An evidence node's id is the file's own, not stored: the store finds evidence by `relation`."""
CORRECTION_HEADER = ("seq:long", "data", ":LABEL")
PENDING_HEADER = (":LABEL",)
RELATION_HEADER = (
    ":START_ID(Entity)",
    ":END_ID(Entity)",
    ":TYPE",
    "id",
    "confidence:double",
    "documents:string[]",
    "sources:string[]",
    "attributes:string[]",
)
"""Then a column per attribute name (`title`…). `double`, not `float`: the importer's `float` is 32 bits
and would turn 0.6 into 0.6000000238."""
FROM_HEADER = (":START_ID(Evidence)", ":END_ID(Document)", ":TYPE")

NODE_FILES = ("entities.csv", "documents.csv", "evidence.csv", "corrections.csv", "pending.csv")
RELATIONSHIP_FILES = ("relations.csv", "evidence_from.csv")

Cell = str | int | float | list[str] | None
_CHARS_PER_WRITE = 1 << 20
_COPY_BYTES = 1 << 20


def _joined(items: Iterable[str]) -> str:
    return LIST_SEPARATOR.join(items)


def to_networkx(store: Store) -> nx.MultiDiGraph:
    """The graph with plain attributes only (strings and numbers), as GraphML can hold them.

    Nodes, keyed by entity id, carry `type`, `name`, `label` (the name, which Gephi shows), `aliases`,
    `labels` and `documents` (the ids of the documents that mention it) joined. Edges, keyed by
    relation id, carry that id again as `relation` (igraph does not read an edge's own id), `type`,
    `confidence`, `title` (a post's), `documents` and `sources` joined, and `evidence`, the supporting
    sentences one per line, so a fact still leads back to its sentence outside parkgraph.
    """
    G = nx.MultiDiGraph()
    for entity in store.iter_entities():
        G.add_node(
            entity.id,
            type=entity.type,
            name=entity.name,
            label=entity.name,
            aliases=_joined(entity.aliases),
            labels=_joined(entity.labels),
            documents=_joined(entity.documents),
        )
    for relation in store.iter_relations():
        G.add_edge(
            relation.head,
            relation.tail,
            key=relation.id,
            relation=relation.id,
            type=relation.type,
            confidence=float(relation.confidence),
            title=relation.attributes.get("title", ""),
            documents=_joined(dict.fromkeys(item.document for item in relation.evidence)),
            sources=_joined(dict.fromkeys(item.source for item in relation.evidence)),
            evidence="\n".join(item.text for item in relation.evidence),
        )
    return G


def graphml(store: Store) -> bytes:
    """The graph as GraphML (UTF-8 XML), for Gephi, yEd, igraph or `networkx.read_graphml`.

    Key ids are generated (`d0`, `d1`…), not the attribute names: nodes and edges both have a `type`,
    and GraphML requires every key id to be unique; readers find attributes by `attr.name`."""
    out = io.BytesIO()
    nx.write_graphml(to_networkx(store), out, encoding="utf-8", named_key_ids=False)
    return out.getvalue()


def import_arguments(folder: str = ".") -> list[str]:
    """The options and files of `neo4j-admin database import full DATABASE …` for the zip unpacked in
    `folder`. The database name goes before them: after `--relationships=FILE` it would be read as a file."""
    base = PurePosixPath(folder)
    nodes = [f"--nodes={base / name}" for name in NODE_FILES]
    relationships = [f"--relationships={base / name}" for name in RELATIONSHIP_FILES]
    return [*IMPORT_OPTIONS, *nodes, *relationships]


def import_command(database: str = "neo4j", folder: str = ".") -> list[str]:
    """The whole `neo4j-admin` command line that imports the zip unpacked in `folder` into `database`."""
    return ["neo4j-admin", "database", "import", "full", database, *import_arguments(folder)]


def _cell(value: Cell) -> str:
    """One CSV field: None empty and unquoted (the importer sets no property), numbers bare, strings
    quoted (so an empty string stays one), lists joined with ARRAY_DELIMITER."""
    if isinstance(value, list):
        value = _array(value)
    elif not isinstance(value, str):
        return "" if value is None else repr(value)
    return '"' + value.replace('"', '""') + '"'


def _array(items: Sequence[str]) -> str:
    for item in items:
        if ARRAY_DELIMITER in item:
            raise ValueError(f"cannot export {item!r} to CSV: it holds the array delimiter U+001E")
    return ARRAY_DELIMITER.join(items)


def _line(cells: Iterable[Cell]) -> str:
    return ",".join(_cell(value) for value in cells) + "\n"


def _csv_lines(header: Sequence[str], rows: Iterable[Sequence[Cell]]) -> Iterator[str]:
    yield _line(header)
    for row in rows:
        yield _line(row)


def _named_by(documents: Sequence[str], given: dict[str, list[str]]) -> list[str]:
    """`named_by` as the Neo4j store keeps it: `<document>NAMING_SEPARATOR<name>`, in load order."""
    ordered = [*documents, *(document for document in given if document not in documents)]
    return [f"{document}{NAMING_SEPARATOR}{name}" for document in ordered for name in given.get(document, [])]


def _entity_rows(store: Store) -> Iterator[tuple[Cell, ...]]:
    """Each entity with the names its documents gave it. Both come by id and are walked side by side:
    all the names given, held at once, grew with the graph (about 400 MiB at a million entities)."""
    given = store.iter_names_given()
    following = next(given, None)
    for entity in store.iter_entities():
        while following is not None and following[0] < entity.id:
            following = next(given, None)
        named: dict[str, list[str]] = {}
        if following is not None and following[0] == entity.id:
            named, following = following[1], next(given, None)
        names = [entity.name, *entity.aliases]
        yield (
            entity.id,
            entity.type,
            entity.name,
            entity.display,
            entity.aliases,
            entity.documents,
            SEARCH_SEPARATOR.join(search_form(name) for name in names),
            _named_by(entity.documents, named),
            [ENTITY_LABEL, *entity.labels],
        )


def _document_rows(store: Store, infos: Sequence[DocumentInfo]) -> Iterator[tuple[Cell, ...]]:
    """Each document with its text and facts as extracted; documents loaded before stores kept those
    facts make `extracted_facts` fail, and then every document gets its text alone.

    The facts are read as they are written, a few documents at a time, not all first (at 10,000
    documents all of them parsed took more memory than the machine has). Both lists are in load order,
    so they are walked side by side; a document the store no longer holds is passed over."""
    try:
        extracted: Iterator[DocumentFacts] = store.extracted_facts()
    except StoreError:
        extracted = iter(())
    held = {info.id for info in infos}
    fields = [name for name in DocumentInfo.model_fields if name != "id"]
    following = next(extracted, None)
    for order, info in enumerate(infos):
        while following is not None and following.document.id not in held:
            following = next(extracted, None)
        facts = None
        if following is not None and following.document.id == info.id:
            facts, following = following, next(extracted, None)
        text = facts.text if facts is not None else store.document_facts(info.id).text
        kept = facts.model_dump_json(exclude={"text"}) if facts is not None else None
        yield (info.id, *(getattr(info, name) for name in fields), text, order, kept, "Document")


class _Spool:
    """Byte blocks waiting in a temporary file, each with a sort key, given back by key.

    The importer numbers records in the order it reads them, and Neo4j stores records by number, so
    the order of the lines decides what lands on the same page. A loaded database writes a document's
    entities, relations and evidence together; an export in id order (ids are hashes) scattered them,
    one record a page, and a cold answer about a committee's enterprises read a page per record. The
    blocks go back by the order of the first document that gave them, then as they came."""

    def __init__(self, file: BinaryIO) -> None:
        self.file = file
        self.keys = array("q")
        self.offsets = array("q", [0])

    def add(self, key: int, block: bytes) -> None:
        self.file.write(block)
        self.keys.append(key)
        self.offsets.append(self.offsets[-1] + len(block))

    def blocks(self) -> Iterator[bytes]:
        """The blocks by key, those of one key as they came; the file is read by block, not held."""
        for index in _by_key(self.keys):
            start = self.offsets[index]
            self.file.seek(start)
            yield self.file.read(self.offsets[index + 1] - start)


def _by_key(keys: array) -> array:
    """The indices of `keys` (small non-negative ints) by key, equal keys in index order: a counting
    sort into arrays, 8 bytes an index, where `sorted` would make a Python int of each index and key
    (about 72 bytes a block with the list's pointers)."""
    starts = array("q", bytes(8 * (max(keys, default=0) + 2)))
    for key in keys:
        starts[key + 1] += 1
    for key in range(1, len(starts)):
        starts[key] += starts[key - 1]
    order = array("q", bytes(8 * len(keys)))
    for index, key in enumerate(keys):
        order[starts[key]] = index
        starts[key] += 1
    return order


class _Relations:
    """The relations, their evidence nodes and their evidence's FROM relationships, in one pass.

    Their lines go to unnamed temporary files (`tempfile.TemporaryFile`, in the system's temporary
    folder, gone when closed or when the process ends), not to lists: at a million entities the lists
    grew past the machine's memory. `relations.csv` cannot be written as the pass goes, its columns
    being every attribute name any relation has, so its rows wait on disk as JSON lines (the CSV line
    without its attribute cells, and the attributes) until the pass has seen all names. Each relation's
    lines are one block of each spool, keyed by the first document it was loaded from (`_Spool`)."""

    def __init__(self, held: dict[str, int], rows: BinaryIO, evidence: BinaryIO, sources: BinaryIO) -> None:
        self.held = held
        self.rows, self.evidence, self.sources = _Spool(rows), _Spool(evidence), _Spool(sources)
        self.names: set[str] = set()
        self.count = 0

    def add(self, relation: Relation) -> None:
        stated: dict[str, str] = {}
        previous = -1
        evidence, sources = [], []
        for position, item in enumerate(relation.evidence):
            key = str(self.count)
            self.count += 1
            order = self.held.get(item.document)
            if order is None:  # an analyst's: it sorts after the evidence before it, by its own order
                ordinal, loaded_order = CURATED_ORDINAL + position, previous
            else:
                ordinal, loaded_order, previous = position, None, order
                stated.setdefault(item.document, item.source)
                sources.append(_line((key, item.document, "FROM")))
            span = (item.document, item.source, item.start, item.end, item.text, item.confidence, item.where)
            evidence.append(_line((key, relation.id, *span, ordinal, loaded_order, "Evidence")))
        fixed = (relation.head, relation.tail, relation.type, relation.id, relation.confidence)
        lists = (list(stated), list(stated.values()), list(relation.attributes))
        self.names.update(relation.attributes)
        row = json.dumps([_line((*fixed, *lists))[:-1], relation.attributes], ensure_ascii=False)
        first = _first_loaded(stated, self.held)
        self.rows.add(first, row.encode("utf-8") + b"\n")
        self.evidence.add(first, "".join(evidence).encode("utf-8"))
        self.sources.add(first, "".join(sources).encode("utf-8"))

    def lines(self) -> Iterator[str]:
        """relations.csv: its attribute columns are the attribute names the relations have."""
        names = sorted(self.names)
        clash = set(names) & {column.split(":")[0] for column in RELATION_HEADER}
        if clash:
            raise ValueError(f"cannot export attributes {sorted(clash)} to CSV: properties of relations too")
        yield _line((*RELATION_HEADER, *names))
        for row in self.rows.blocks():
            fixed, attributes = json.loads(row)
            yield fixed + "".join("," + _cell(attributes.get(name)) for name in names) + "\n"


def _first_loaded(documents: Iterable[str], held: dict[str, int]) -> int:
    """The load order of the first of `documents` the store holds; after all of them when it holds none
    (what only an analyst stated)."""
    return min((held[document] for document in documents if document in held), default=len(held))


def _member(name: str) -> zipfile.ZipInfo:
    """A zip entry readable by all (0644), as unzip then creates it; `writestr` by name gives 0600."""
    info = zipfile.ZipInfo(name, date_time=time.localtime()[:6])
    info.external_attr = (stat.S_IFREG | 0o644) << 16
    info.compress_type = zipfile.ZIP_DEFLATED
    return info


def write_csv_zip(store: Store, target: BinaryIO) -> None:
    """Write everything the store holds as `neo4j-admin database import full` files, zipped, to
    `target`, a file open for writing: the database the import makes answers every query as the store
    does (see `import_command`).

    Lists the importer cannot write empty come out null; `pending.csv` leaves a `BulkImport` node,
    which tells the Neo4j store to fill them in (and to create its schema) when it first opens the
    database (`cypher.IMPORT_PENDING`). Each file is written into the zip as its lines are made, not
    joined first, and the relation pass's lines wait in temporary files (`_Relations`): at a million
    entities, held in memory, they took more than the machine has. With a real file as `target` the
    export's memory does not grow with the graph (a `BytesIO` would hold the zip: 387 MiB then), but
    for a sort key and an offset per entity and per relation in each of its three files. The zip needs
    no seeking: a pipe, such as stdout, will do. Entities, relations and evidence come in the order of
    the first document loaded that gave them, as a load writes them (see `_Spool`).
    """
    infos = store.documents()
    held = {info.id: order for order, info in enumerate(infos)}
    with (
        tempfile.TemporaryFile() as rows,
        tempfile.TemporaryFile() as evidence,
        tempfile.TemporaryFile() as sources,
        tempfile.TemporaryFile() as entities,
    ):
        relations = _Relations(held, rows, evidence, sources)
        for relation in store.iter_relations():
            relations.add(relation)
        entity_lines = _Spool(entities)
        for row in _entity_rows(store):
            entity_lines.add(_first_loaded(row[_ENTITY_DOCUMENTS], held), _line(row).encode("utf-8"))
        corrections = ((entry.seq, entry.model_dump_json(), "Correction") for entry in store.corrections())
        files: dict[str, Callable[[], Iterable[str]]] = {
            "documents.csv": lambda: _csv_lines(DOCUMENT_HEADER, _document_rows(store, infos)),
            "corrections.csv": lambda: _csv_lines(CORRECTION_HEADER, corrections),
            "pending.csv": lambda: _csv_lines(PENDING_HEADER, [(IMPORT_PENDING,)]),
            "relations.csv": relations.lines,
        }
        spooled = {
            "entities.csv": (_line(ENTITY_HEADER), entity_lines),
            "evidence.csv": (_line(EVIDENCE_HEADER), relations.evidence),
            "evidence_from.csv": (_line(FROM_HEADER), relations.sources),
        }
        with zipfile.ZipFile(target, "w") as archive:
            for name in (*NODE_FILES, *RELATIONSHIP_FILES):
                if name in spooled:
                    _copy_member(archive, name, *spooled[name])
                else:
                    _write_member(archive, name, files[name]())


def _write_member(archive: zipfile.ZipFile, name: str, lines: Iterable[str]) -> None:
    """Compress `lines` into the member `name` about `_CHARS_PER_WRITE` characters at a time: a count of
    lines would not bound it, as a line of `documents.csv` holds a whole document's text and facts (ten
    thousand of them were 5 GB, held three times over while joined and encoded)."""
    with archive.open(_member(name), "w", force_zip64=True) as member:
        batch: list[str] = []
        held = 0
        for line in lines:
            batch.append(line)
            held += len(line)
            if held >= _CHARS_PER_WRITE:
                member.write("".join(batch).encode("utf-8"))
                batch.clear()
                held = 0
        member.write("".join(batch).encode("utf-8"))


def _copy_member(archive: zipfile.ZipFile, name: str, header: str, lines: _Spool) -> None:
    """Compress `header` and then the spooled lines, in their order, into the member `name`, about
    `_COPY_BYTES` at a time (a block is often one short line)."""
    with archive.open(_member(name), "w", force_zip64=True) as member:
        member.write(header.encode("utf-8"))
        batch: list[bytes] = []
        held = 0
        for block in lines.blocks():
            batch.append(block)
            held += len(block)
            if held >= _COPY_BYTES:
                member.write(b"".join(batch))
                batch.clear()
                held = 0
        member.write(b"".join(batch))
