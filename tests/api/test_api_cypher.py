"""`POST /api/cypher`: a person's own read-only Cypher on the Neo4j store, refused on the embedded one."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
import reliability
from factbuilder import JOINT_BRANCH, MAKER_COMPANY, SECRETARY, TECH_COMPANY
from fastapi.testclient import TestClient
from neo4j import Driver

from parkgraph import stores
from parkgraph.api.main import create_app
from parkgraph.config import Settings
from parkgraph.graph.cypher import SEARCH_INDEX, fulltext_phrase
from parkgraph.graph.facts import DocumentFacts
from parkgraph.graph.keys import entity_key
from parkgraph.graph.store import Store

ROW_LIMIT = 3
TIMEOUT = 1.0
SLOW_QUERY = "UNWIND range(1, 2000000000) AS x WITH x WHERE x % 7 = 123456789 RETURN count(x)"


BYTE_LIMIT = 8192


@pytest.fixture
def client_with(
    empty_neo4j: Driver, neo4j_settings: Settings, documents: list[DocumentFacts]
) -> Iterator[Callable[..., TestClient]]:
    """An API over the Neo4j store holding the example world, with the Cypher limits given."""
    opened: list[Store] = []

    def make(**limits: float) -> TestClient:
        settings = neo4j_settings.model_copy(update={"store": "neo4j", **limits})
        opened.append(stores.open_store(settings))
        if len(opened) == 1:
            for facts in documents:
                opened[0].load(facts)
        return TestClient(create_app(opened[-1], settings))

    yield make
    for store in opened:
        store.close()


@pytest.fixture
def neo4j_client(client_with: Callable[..., TestClient]) -> TestClient:
    return client_with(cypher_timeout=TIMEOUT, cypher_row_limit=ROW_LIMIT, cypher_byte_limit=BYTE_LIMIT)


def _run(client: TestClient, query: str, **parameters: object):
    return client.post("/api/cypher", json={"query": query, "parameters": parameters})


def _count(driver: Driver, label: str) -> int:
    records, _, _ = driver.execute_query(f"MATCH (n:{label}) RETURN count(n) AS n")
    return records[0]["n"]


def test_the_embedded_store_answers_501_naming_the_neo4j_store(client, expect_problem):
    body = expect_problem(_run(client, "RETURN 1"), 501)

    assert "--store neo4j" in body["detail"]


def test_a_read_query_returns_columns_and_json_rows(neo4j_client):
    response = _run(
        neo4j_client,
        "MATCH (b:Branch {name: $name})-[r:COVERS]->(e:Enterprise) RETURN e.name AS name, r ORDER BY name",
        name=JOINT_BRANCH,
    )

    assert response.status_code == 200, response.text
    result = response.json()
    assert result["columns"] == ["name", "r"]
    assert [row[0] for row in result["rows"]] == sorted([TECH_COMPANY, MAKER_COMPANY])
    assert {row[1]["type"] for row in result["rows"]} == {"COVERS"}
    assert all(0 < row[1]["properties"]["confidence"] <= 1 for row in result["rows"])
    assert result["truncated"] is False


def test_nodes_and_paths_become_objects_with_labels_and_properties(neo4j_client):
    result = _run(
        neo4j_client,
        "MATCH p = (person:Person {name: $name})-[:HOLDS_POST]->(unit:Enterprise) RETURN person, p",
        name=SECRETARY,
    ).json()

    person, path = result["rows"][0]
    assert {"Entity", "Person"} <= set(person["labels"])
    assert person["properties"]["id"] == entity_key("Person", SECRETARY)
    assert [node["properties"]["name"] for node in path["nodes"]] == [SECRETARY, TECH_COMPANY]
    (relationship,) = path["relationships"]
    assert relationship["type"] == "HOLDS_POST"
    assert relationship["properties"]["title"] == "董事长"
    assert (relationship["start"], relationship["end"]) == (
        path["nodes"][0]["element_id"],
        path["nodes"][1]["element_id"],
    )


def test_values_that_json_lacks_become_text(neo4j_client):
    result = _run(
        neo4j_client,
        "RETURN date('2024-05-01') AS day, duration('P2D') AS span, 0.0 / 0.0 AS nothing, "
        "point({x: 1, y: 2}) AS place",
    ).json()

    assert result["rows"] == [["2024-05-01", "P2D", "nan", {"srid": 7203, "coordinates": [1.0, 2.0]}]]


def test_parameters_are_values_never_query_text(neo4j_client, empty_neo4j):
    text = "'}) DETACH DELETE n //"

    result = _run(neo4j_client, "RETURN $text AS text", text=text).json()

    assert result["rows"] == [[text]]
    assert _count(empty_neo4j, "Entity") > 0


def test_rows_past_the_cap_are_not_returned_and_truncated_says_so(neo4j_client):
    capped = _run(neo4j_client, "UNWIND range(1, 10) AS x RETURN x").json()
    whole = _run(neo4j_client, f"UNWIND range(1, {ROW_LIMIT}) AS x RETURN x").json()

    assert capped["rows"] == [[x] for x in range(1, ROW_LIMIT + 1)]
    assert (capped["truncated"], capped["limit"]) == (True, ROW_LIMIT)
    assert (len(whole["rows"]), whole["truncated"]) == (ROW_LIMIT, False)


@pytest.mark.parametrize(
    "query",
    [
        "CREATE (n:Intruder {name: 'x'}) RETURN n",
        "MERGE (n:Intruder {name: 'x'})",
        "MATCH (n:Entity) SET n:Intruder",
        "MATCH (n:Entity) DETACH DELETE n",
        "CREATE INDEX intruder FOR (n:Intruder) ON (n.name)",
    ],
)
@pytest.mark.reliability
def test_a_write_is_a_403_problem_and_changes_nothing(neo4j_client, empty_neo4j, expect_problem, query):
    entities = _count(empty_neo4j, "Entity")

    body = expect_problem(_run(neo4j_client, query), 403)

    assert "read-only" in body["detail"]
    assert _count(empty_neo4j, "Intruder") == 0
    assert _count(empty_neo4j, "Entity") == entities
    reliability.record("bad input", "anonymous Cypher that writes: refused with 403, graph unchanged")


@pytest.mark.parametrize(
    ("query", "reason"),
    [
        ("SHOW USERS", "administration"),
        ("SHOW TRANSACTIONS", "administration"),
        ("TERMINATE TRANSACTIONS 'neo4j-transaction-1'", "administration"),
        ("SHOW SETTINGS", "administration"),
        ("SHOW PROCEDURES", "administration"),
        ("CALL dbms.listConfig()", "administration"),
        ("CALL db.stats.collect('QUERIES')", "procedure db.stats.collect is not run here"),
        ("CALL db.prepareForReplanning()", "procedure db.prepareForReplanning is not run here"),
        ("CALL db.resampleOutdatedIndexes()", "procedure db.resampleOutdatedIndexes is not run here"),
        ("MATCH (n:Entity) CALL db.awaitIndexes(1) RETURN n", "procedure db.awaitIndexes is not run here"),
        ("LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line", "LOAD CSV"),
    ],
)
@pytest.mark.reliability
def test_commands_procedures_and_file_reads_are_403_problems(neo4j_client, expect_problem, query, reason):
    assert reason in expect_problem(_run(neo4j_client, query), 403)["detail"]
    reliability.record(
        "bad input", "anonymous Cypher commands (SHOW, TERMINATE), procedures off the list, LOAD CSV: 403"
    )


@pytest.mark.parametrize(
    ("query", "column"),
    [
        ("CALL db.labels() YIELD label RETURN label", "label"),
        ("CALL db.relationshipTypes() YIELD relationshipType RETURN relationshipType", "relationshipType"),
        ("CALL db.schema.nodeTypeProperties() YIELD nodeType RETURN nodeType", "nodeType"),
    ],
)
def test_the_graph_s_own_shape_is_answered(neo4j_client, query, column):
    response = _run(neo4j_client, query)

    assert response.status_code == 200, response.text
    assert response.json()["columns"] == [column]
    assert response.json()["rows"]


def test_full_text_search_is_answered(neo4j_client):
    query = "CALL db.index.fulltext.queryNodes($index, $word) YIELD node RETURN node.name AS name"
    response = _run(neo4j_client, query, index=SEARCH_INDEX, word=fulltext_phrase(JOINT_BRANCH))

    assert response.status_code == 200, response.text
    assert [JOINT_BRANCH] in response.json()["rows"]


def test_rows_past_the_byte_cap_are_not_returned_and_truncated_says_so(neo4j_client):
    row = "园区" * 700  # 4,200 bytes of UTF-8: one row fits under 8,192 bytes, two do not
    body = _run(neo4j_client, "UNWIND [1, 2] AS i RETURN $row AS text", row=row).json()

    assert body["rows"] == [[row]]
    assert (body["truncated"], body["byte_limit"]) == (True, BYTE_LIMIT)


@pytest.mark.reliability
def test_a_query_over_the_memory_limit_is_stopped_and_the_server_goes_on(client_with, expect_problem):
    client = client_with(cypher_timeout=120)

    hungry = "UNWIND range(1, 50000000) AS i WITH collect(i) AS xs RETURN size(xs)"

    body = expect_problem(_run(client, hungry), 400)

    assert "more memory" in body["detail"]
    assert _run(client, "RETURN 1 AS one").json()["rows"] == [[1]]
    reliability.record("fault", "a Cypher query over 256 MiB stopped (400); the server answers next")


@pytest.mark.reliability
def test_a_query_over_the_timeout_is_stopped(neo4j_client, expect_problem):
    body = expect_problem(_run(neo4j_client, SLOW_QUERY), 400)

    assert f"{TIMEOUT:g} s" in body["detail"]
    reliability.record("fault", "a runaway Cypher query stopped by its timeout (400)")


@pytest.mark.parametrize(
    ("query", "parameters", "words"),
    [
        ("MATCH (n RETURN n", {}, "Neo4j refused the query"),
        ("RETURN $missing", {}, "missing"),
        ("RETURN $big", {"big": 2**70}, "64-bit"),
    ],
)
def test_bad_queries_are_400_problems_saying_why(neo4j_client, expect_problem, query, parameters, words):
    body = expect_problem(_run(neo4j_client, query, **parameters), 400)

    assert words in body["detail"]


@pytest.mark.parametrize("body", [{}, {"query": ""}, {"query": "RETURN 1", "parameters": [1]}])
def test_a_malformed_request_is_a_422_problem(client, expect_problem, body):
    expect_problem(client.post("/api/cypher", json=body), 422)
