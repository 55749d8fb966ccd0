"""A store's graph for other tools: GraphML for Gephi and yEd, CSV for Neo4j's bulk importer.

Both read the store through `iter_entities`/`iter_relations`, so every store
exports alike; the RDF export lives in `parkgraph.ontology.export`. Lists
(aliases, labels) are joined with `LIST_SEPARATOR`, Neo4j's default array
delimiter, so the CSV files load with `neo4j-admin database import` as they are:

    neo4j-admin database import full --nodes=nodes.csv --relationships=relationships.csv neo4j
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterable

import networkx as nx

from parkgraph.graph.model import Entity, Relation
from parkgraph.graph.store import Store

__all__ = [
    "CSV_FILES",
    "ENTITY_LABEL",
    "LIST_SEPARATOR",
    "NODE_HEADER",
    "RELATIONSHIP_HEADER",
    "csv_zip",
    "graphml",
    "to_networkx",
]

LIST_SEPARATOR = ";"
ENTITY_LABEL = "Entity"
"""Every node gets it, as in the Neo4j store, beside its type and extra labels."""

NODE_HEADER = ("id:ID", "name", "display", "type", "aliases:string[]", ":LABEL")
"""`display`, the short name, is what the Browser style sheet (docs/neo4j/parkgraph.grass) captions."""
RELATIONSHIP_HEADER = (":START_ID", ":END_ID", ":TYPE", "id", "confidence:double", "title")
"""`double`, not `float`: the importer's `float` is 32 bits and would turn 0.6 into 0.6000000238."""
CSV_FILES = ("nodes.csv", "relationships.csv")


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


def _node_rows(entities: Iterable[Entity]) -> Iterable[tuple[str, ...]]:
    for entity in entities:
        labels = [ENTITY_LABEL, *entity.labels]
        yield (entity.id, entity.name, entity.display, entity.type, _joined(entity.aliases), _joined(labels))


def _relationship_rows(relations: Iterable[Relation]) -> Iterable[tuple[str, ...]]:
    for relation in relations:
        title = relation.attributes.get("title", "")
        yield (relation.head, relation.tail, relation.type, relation.id, repr(relation.confidence), title)


def _csv_text(header: tuple[str, ...], rows: Iterable[tuple[str, ...]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def csv_zip(store: Store) -> bytes:
    """`nodes.csv` and `relationships.csv` in the header format of `neo4j-admin database import`, zipped."""
    nodes = _csv_text(NODE_HEADER, _node_rows(store.iter_entities()))
    relationships = _csv_text(RELATIONSHIP_HEADER, _relationship_rows(store.iter_relations()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, text in zip(CSV_FILES, (nodes, relationships), strict=True):
            archive.writestr(name, text.encode("utf-8"))
    return out.getvalue()
