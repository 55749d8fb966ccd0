"""`GET /api/export`: each format parses back into the graph the store holds, on every store kind."""

from __future__ import annotations

import csv
import io
import os
import tempfile
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path
from xml.etree import ElementTree

import igraph
import networkx as nx
import pytest
from fastapi.testclient import TestClient
from rdflib import Graph, Literal
from rdflib.compare import isomorphic
from rdflib.namespace import RDF

from parkgraph.api.main import create_app
from parkgraph.graph.embedded import EmbeddedStore
from parkgraph.graph.exports import ARRAY_DELIMITER, NODE_FILES, RELATIONSHIP_FILES, write_csv_zip
from parkgraph.graph.model import Entity, Relation
from parkgraph.graph.store import Store
from parkgraph.ontology.namespace import PG


@pytest.fixture
def client(loaded_any_store: Store) -> TestClient:
    return TestClient(create_app(loaded_any_store))


@pytest.fixture
def held(loaded_any_store: Store) -> tuple[list[Entity], list[Relation]]:
    return list(loaded_any_store.iter_entities()), list(loaded_any_store.iter_relations())


def _download(client: TestClient, fmt: str, media_type: str, suffix: str) -> bytes:
    response = client.get("/api/export", params={"format": fmt})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith(media_type)
    disposition = response.headers["content-disposition"]
    assert disposition.startswith("attachment;") and disposition.endswith(f'{suffix}"')
    return response.content


def test_turtle_and_json_ld_parse_back_into_the_same_graph(client, held):
    entities, relations = held
    turtle = Graph().parse(data=_download(client, "turtle", "text/turtle", ".ttl"), format="turtle")
    json_ld = Graph().parse(
        data=_download(client, "json-ld", "application/ld+json", ".jsonld"), format="json-ld"
    )

    assert isomorphic(turtle, json_ld)
    assert {str(name) for name in turtle.objects(None, PG.name)} == {entity.name for entity in entities}
    assert len(set(turtle.subjects(RDF.type, PG.Assertion))) == len(relations)
    for entity in entities:
        assert (None, PG.name, Literal(entity.name)) in turtle


def test_default_format_is_turtle(client):
    response = client.get("/api/export")

    assert response.headers["content-type"].startswith("text/turtle")
    assert len(Graph().parse(data=response.content, format="turtle")) > 0


def test_graphml_reads_back_with_networkx(client, held):
    entities, relations = held

    graphml = _download(client, "graphml", "application/graphml+xml", ".graphml")
    G = nx.read_graphml(io.BytesIO(graphml), force_multigraph=True)

    assert set(G.nodes) == {entity.id for entity in entities}
    for entity in entities:
        node = G.nodes[entity.id]
        assert (node["type"], node["name"]) == (entity.type, entity.name)
        assert node["labels"].split(";") == entity.labels
        assert node.get("aliases", "") == ";".join(entity.aliases)
        assert node["documents"].split(";") == entity.documents
    edges = {key: (head, tail, data) for head, tail, key, data in G.edges(keys=True, data=True)}
    assert set(edges) == {relation.id for relation in relations}
    for relation in relations:
        head, tail, data = edges[relation.id]
        assert (head, tail, data["type"]) == (relation.head, relation.tail, relation.type)
        assert data["confidence"] == pytest.approx(relation.confidence)
        assert data.get("title", "") == relation.attributes.get("title", "")
        assert data["evidence"].split("\n") == [item.text for item in relation.evidence]
        assert set(data["sources"].split(";")) == {item.source for item in relation.evidence}


def test_graphml_declares_each_key_once_and_reads_in_igraph(client, held, tmp_path):
    """GraphML requires unique key ids; with `type` on nodes and edges a name-based id clashes, and
    igraph, which looks keys up by id, then reads edge attributes as node attributes."""
    entities, relations = held
    path = tmp_path / "graph.graphml"
    path.write_bytes(_download(client, "graphml", "application/graphml+xml", ".graphml"))
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    root = ElementTree.parse(path).getroot()
    keys = root.findall("g:key", ns)
    assert len({key.get("id") for key in keys}) == len(keys)
    declared = {key.get("id"): key.get("for") for key in keys}
    for domain in ("node", "edge"):
        for element in root.iter(f"{{{ns['g']}}}{domain}"):
            assert all(declared[data.get("key")] == domain for data in element.findall("g:data", ns))

    g = igraph.Graph.Read_GraphML(str(path))

    by_id = {vertex["id"]: vertex for vertex in g.vs}
    assert {(by_id[e.id]["type"], by_id[e.id]["name"]) for e in entities} == {
        (e.type, e.name) for e in entities
    }
    edges = {edge["relation"]: edge for edge in g.es}
    assert set(edges) == {relation.id for relation in relations}
    for relation in relations:
        edge = edges[relation.id]
        ends = (g.vs[edge.source]["id"], g.vs[edge.target]["id"])
        assert (ends, edge["type"]) == ((relation.head, relation.tail), relation.type)


def _csv_rows(archive: zipfile.ZipFile, name: str) -> tuple[list[str], list[list[str]]]:
    header, *rows = list(csv.reader(io.StringIO(archive.read(name).decode("utf-8"))))
    return header, rows


def test_csv_is_a_zip_of_neo4j_import_files(client, held):
    entities, relations = held

    archive = zipfile.ZipFile(io.BytesIO(_download(client, "csv", "application/zip", ".zip")))

    assert archive.namelist() == [*NODE_FILES, *RELATIONSHIP_FILES]
    assert {info.external_attr >> 16 & 0o777 for info in archive.infolist()} == {0o644}
    node_header, nodes = _csv_rows(archive, "entities.csv")
    assert node_header[:5] == ["id:ID(Entity)", "type", "name", "display", "aliases:string[]"]
    assert node_header[-1] == ":LABEL"
    assert {row[0]: [*row[1:5], row[-1]] for row in nodes} == {
        entity.id: [
            entity.type,
            entity.name,
            entity.display,
            ARRAY_DELIMITER.join(entity.aliases),
            ARRAY_DELIMITER.join(["Entity", *entity.labels]),
        ]
        for entity in entities
    }
    relationship_header, rows = _csv_rows(archive, "relations.csv")
    assert relationship_header[:5] == [
        ":START_ID(Entity)",
        ":END_ID(Entity)",
        ":TYPE",
        "id",
        "confidence:double",
    ]
    title = relationship_header.index("title")
    assert {row[3]: (row[0], row[1], row[2], float(row[4]), row[title]) for row in rows} == {
        relation.id: (
            relation.head,
            relation.tail,
            relation.type,
            relation.confidence,
            relation.attributes.get("title", ""),
        )
        for relation in relations
    }
    _, evidence = _csv_rows(archive, "evidence.csv")
    assert len(evidence) == sum(len(relation.evidence) for relation in relations)
    _, documents = _csv_rows(archive, "documents.csv")
    assert len(documents) == len(client.get("/api/documents").json()["data"])


def _held_under(folder: Path) -> list[int]:
    """The sizes of the files under `folder` this process holds open, unnamed ones included."""
    sizes = []
    for fd in Path("/proc/self/fd").iterdir():
        try:
            if os.readlink(fd).startswith(str(folder)):
                sizes.append(os.stat(fd).st_size)
        except OSError:
            continue
    return sizes


def _members(archive: bytes) -> dict[str, bytes]:
    """Each member's name and contents: a zip's bytes also hold when it was made."""
    with zipfile.ZipFile(io.BytesIO(archive)) as opened:
        return {name: opened.read(name) for name in opened.namelist()}


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="open files are seen through /proc")
def test_csv_is_sent_from_a_temporary_file_gone_once_sent(loaded_store, tmp_path, monkeypatch):
    """The zip is not held in memory to be sent: it is written to a temporary file and read from
    there, and the file is gone (and its disk freed) once the response is sent."""
    spool = tmp_path / "spool"
    spool.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(spool))
    app = create_app(loaded_store)
    held_while_sending: list[list[int]] = []

    async def watched(scope, receive, send):
        async def watch(message):
            if message["type"] == "http.response.body" and not held_while_sending:
                held_while_sending.append(_held_under(spool))
            await send(message)

        await app(scope, receive, watch)

    response = TestClient(watched).get("/api/export", params={"format": "csv"})

    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/zip"
    disposition = response.headers["content-disposition"]
    assert disposition == 'attachment; filename="parkgraph-neo4j-import.zip"'
    assert int(response.headers["content-length"]) == len(response.content)
    expected = io.BytesIO()
    write_csv_zip(loaded_store, expected)
    assert _members(response.content) == _members(expected.getvalue())
    assert held_while_sending == [[len(response.content)]]
    assert list(spool.iterdir()) == [] and _held_under(spool) == []


def test_an_unknown_format_is_a_422_problem_listing_the_choices(client, expect_problem):
    body = expect_problem(client.get("/api/export", params={"format": "xml"}), 422)

    assert [error["field"] for error in body["errors"]] == ["format"]
    assert "graphml" in body["detail"]


class _NamelessStore(EmbeddedStore):
    """A store handing out an entity without a name, which the SHACL shapes forbid."""

    def iter_entities(self) -> Iterator[Entity]:
        for entity in super().iter_entities():
            yield entity.model_copy(update={"name": ""})


def test_rdf_that_breaks_the_shapes_is_refused(expect_problem, documents):
    store = _NamelessStore()
    store.load(documents[0])
    client = TestClient(create_app(store))

    body = expect_problem(client.get("/api/export", params={"format": "turtle"}), 500)

    assert "SHACL" in body["detail"] and "pg:name" in body["detail"]
    assert client.get("/api/export", params={"format": "graphml"}).status_code == 200


class _SlowStore:
    """The store, with a first read of its entities that waits until the test lets it go on."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self.reading, self.go_on = threading.Event(), threading.Event()

    def iter_entities(self) -> Iterator[Entity]:
        if not self.go_on.is_set():
            self.reading.set()
            assert self.go_on.wait(10)
        return self._store.iter_entities()

    def __getattr__(self, name: str) -> object:
        return getattr(self._store, name)


def test_one_export_at_a_time_and_the_next_one_after_it(loaded_store: EmbeddedStore) -> None:
    """Each export writes the whole graph to disk first: a second asked meanwhile is refused at once
    (429, with when to try again), and once the first is sent the next one runs."""
    slow = _SlowStore(loaded_store)
    client = TestClient(create_app(slow))  # type: ignore[arg-type]
    first: list[int] = []
    writing = threading.Thread(
        target=lambda: first.append(client.get("/api/export", params={"format": "csv"}).status_code)
    )
    writing.start()
    assert slow.reading.wait(10)
    refused = client.get("/api/export", params={"format": "graphml"})
    slow.go_on.set()
    writing.join(10)
    assert refused.status_code == 429
    assert "another export" in refused.json()["detail"]
    assert refused.headers["retry-after"]
    assert first == [200]
    assert client.get("/api/export", params={"format": "graphml"}).status_code == 200
