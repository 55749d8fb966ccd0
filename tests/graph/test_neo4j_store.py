"""What only the Neo4j store has: its schema, the graph Browser shows, batched and atomic loads, its errors.

The contract suite runs every query on Neo4j too; these tests look underneath.
Those that need a server take `neo4j_settings` (skipped without one, failed
under PARKGRAPH_REQUIRE_NEO4J=1); the ones about bad addresses need none.
"""

from __future__ import annotations

import socket
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
import reliability
from factbuilder import (
    JOINT_BRANCH,
    MAKER_COMPANY,
    PARK,
    PARK_COMMITTEE,
    SECRETARY,
    TECH_COMPANY,
    FactBuilder,
    alliance_report,
    briefing,
    park_documents,
)
from neo4j import Driver, GraphDatabase, Neo4jDriver
from neo4j.exceptions import TransientError

from parkgraph.config import Settings
from parkgraph.graph.embedded import EmbeddedStore
from parkgraph.graph.errors import StoreError
from parkgraph.graph.facts import DocumentFacts
from parkgraph.graph.keys import entity_key, relation_key
from parkgraph.graph.neo4j_store import NAMING_SEPARATOR, Neo4jStore
from parkgraph.ontology.vocab import load_vocabulary
from parkgraph.stores import open_store

JOINT_ID = entity_key("Branch", JOINT_BRANCH)
TECH_ID = entity_key("Enterprise", TECH_COMPANY)
COMMITTEE_ID = entity_key("Committee", PARK_COMMITTEE)
SECRETARY_ID = entity_key("Person", SECRETARY)


class _Recorder:
    """Stands in for a driver: passes everything on, records what write transactions run, may fail one."""

    def __init__(self, driver: Driver | None, fail_on: str | None = None, transient: int = 0) -> None:
        self.driver = driver
        self.fail_on = fail_on
        self.transient = transient
        """How many times `fail_on` raises a transient error (a deadlock, a leader switch) before it
        passes; with none, it raises a failure no retry cures."""
        self.fails_for_good = transient == 0
        self.statements: list[str] = []
        self.summaries: list[Any] = []
        """What the statements a load read to its end (`single`, `consume`) reported: their counters."""
        self.closed = False

    @property
    def execute_query_bookmark_manager(self) -> Any:
        return self.driver.execute_query_bookmark_manager

    def session(self, **config: Any) -> _RecordingSession:
        return _RecordingSession(self, self.driver.session(**config))

    def close(self) -> None:
        self.closed = True


class _RecordingSession:
    def __init__(self, recorder: _Recorder, session: Any) -> None:
        self.recorder = recorder
        self.session = session

    def __enter__(self) -> _RecordingSession:
        self.session.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        self.session.__exit__(*exc)

    def run(self, *args: Any, **kwargs: Any) -> Any:
        return self.session.run(*args, **kwargs)

    def execute_read(self, work: Callable, *args: Any, **kwargs: Any) -> Any:
        return self.session.execute_read(work, *args, **kwargs)

    def execute_write(self, work: Callable, *args: Any, **kwargs: Any) -> Any:
        def recorded(tx: Any, *inner: Any, **named: Any) -> Any:
            return work(_RecordingTransaction(self.recorder, tx), *inner, **named)

        return self.session.execute_write(recorded, *args, **kwargs)


class _RecordingTransaction:
    def __init__(self, recorder: _Recorder, tx: Any) -> None:
        self.recorder = recorder
        self.tx = tx

    def run(self, query: str, parameters: dict | None = None, **named: Any) -> Any:
        self.recorder.statements.append(query)
        if self.recorder.fail_on is not None and self.recorder.fail_on in query:
            if self.recorder.fails_for_good:
                raise RuntimeError("injected failure")
            if self.recorder.transient > 0:
                self.recorder.transient -= 1
                raise TransientError("injected transient failure")
        return _RecordedResult(self.recorder, self.tx.run(query, parameters, **named))


class _RecordedResult:
    """A result that notes its summary when read to its end."""

    def __init__(self, recorder: _Recorder, result: Any) -> None:
        self.recorder = recorder
        self.result = result

    def __iter__(self) -> Any:
        return iter(self.result)

    def single(self, strict: bool = False) -> Any:
        record = self.result.single(strict=strict)
        self.recorder.summaries.append(self.result.consume())
        return record

    def consume(self) -> Any:
        summary = self.result.consume()
        self.recorder.summaries.append(summary)
        return summary


def _read(driver: Driver, settings: Settings, query: str, **parameters: Any) -> list[dict]:
    records, _, _ = driver.execute_query(query, parameters, database_=settings.neo4j_database)
    return [record.data() for record in records]


@pytest.fixture
def neo4j(empty_neo4j: Driver, neo4j_settings: Settings) -> Neo4jStore:
    """An empty Neo4jStore over the shared test driver (which it does not own)."""
    return Neo4jStore(empty_neo4j, neo4j_settings.neo4j_database, uri=neo4j_settings.neo4j_uri)


@pytest.fixture
def recorded(empty_neo4j: Driver, neo4j_settings: Settings) -> Callable[..., tuple[Neo4jStore, _Recorder]]:
    """Makes a Neo4jStore whose write transactions are recorded (and one statement may be made to fail),
    from after it made sure of its schema on its first use."""

    def make(fail_on: str | None = None, transient: int = 0) -> tuple[Neo4jStore, _Recorder]:
        recorder = _Recorder(empty_neo4j)
        store = Neo4jStore(recorder, neo4j_settings.neo4j_database)  # type: ignore[arg-type]
        store.check()
        recorder.statements.clear()
        recorder.fail_on, recorder.transient, recorder.fails_for_good = fail_on, transient, transient == 0
        return store, recorder

    return make


# --- addresses and servers ---------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_an_unreachable_server_is_named_with_a_remedy() -> None:
    uri = f"bolt://127.0.0.1:{_free_port()}"
    store = open_store(Settings().model_copy(update={"store": "neo4j", "neo4j_uri": uri}))
    try:
        with pytest.raises(StoreError) as raised:
            store.counts()
    finally:
        store.close()
    message = str(raised.value)
    assert message.startswith(f"cannot reach Neo4j at {uri}: ")
    assert "parkgraph neo4j start" in message and "NEO4J_URI" in message
    assert "\n" not in message


@pytest.mark.reliability
def test_a_server_that_never_answers_is_an_error_within_seconds() -> None:
    """A hung server (the port accepts connections, nothing answers) fails fast, where the driver
    alone would wait 30 s to connect and retry for 30 s more; `/health` then says 503 at once."""
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        uri = f"bolt://127.0.0.1:{silent.getsockname()[1]}"
        store = open_store(Settings().model_copy(update={"store": "neo4j", "neo4j_uri": uri}))
        began = time.monotonic()
        try:
            with pytest.raises(StoreError, match=f"cannot reach Neo4j at {uri}"):
                store.check()
        finally:
            store.close()
    waited = time.monotonic() - began
    assert waited < 8
    reliability.record("fault", "a hung Neo4j (accepts, never answers): an error", note=f"in {waited:.1f} s")


def test_an_address_that_is_not_bolt_is_refused() -> None:
    settings = Settings().model_copy(update={"store": "neo4j", "neo4j_uri": "http://127.0.0.1:7474"})
    with pytest.raises(StoreError, match="not a Bolt address"):
        open_store(settings)


def test_a_wrong_password_says_which_settings_to_fix(neo4j_settings: Settings) -> None:
    driver = GraphDatabase.driver(
        neo4j_settings.neo4j_uri, auth=(neo4j_settings.neo4j_user, "not-the-password")
    )
    store = Neo4jStore(driver, neo4j_settings.neo4j_database, uri=neo4j_settings.neo4j_uri, owns_driver=True)
    try:
        with pytest.raises(StoreError, match="NEO4J_PASSWORD"):
            store.counts()
    finally:
        store.close()


def test_a_missing_database_is_named(neo4j_driver: Driver, neo4j_settings: Settings) -> None:
    store = Neo4jStore(neo4j_driver, "parkgraph-no-such-database", uri=neo4j_settings.neo4j_uri)
    with pytest.raises(StoreError, match=r"no database 'parkgraph-no-such-database'.*NEO4J_DATABASE"):
        store.counts()


def test_close_closes_only_a_driver_the_store_owns() -> None:
    borrowed, owned = _Recorder(None), _Recorder(None)
    Neo4jStore(borrowed).close()  # type: ignore[arg-type]
    Neo4jStore(owned, owns_driver=True).close()  # type: ignore[arg-type]
    assert (borrowed.closed, owned.closed) == (False, True)


# --- schema and the graph Browser shows --------------------------------------------------------------


def _drop_schema(driver: Driver, settings: Settings) -> None:
    """Drop every constraint and index but the built-in token lookups (names come from the server)."""
    for row in _read(driver, settings, "SHOW CONSTRAINTS YIELD name"):
        driver.execute_query(f"DROP CONSTRAINT `{row['name']}`", database_=settings.neo4j_database)
    for row in _read(driver, settings, "SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP'"):
        driver.execute_query(f"DROP INDEX `{row['name']}`", database_=settings.neo4j_database)


def test_constraints_and_indexes_are_made_on_first_use(empty_neo4j: Driver, neo4j_settings: Settings) -> None:
    _drop_schema(empty_neo4j, neo4j_settings)
    Neo4jStore(empty_neo4j, neo4j_settings.neo4j_database).counts()
    Neo4jStore(empty_neo4j, neo4j_settings.neo4j_database).counts()  # a second store finds them made
    constraints = {
        (tuple(row["labelsOrTypes"]), tuple(row["properties"]), row["type"])
        for row in _read(
            empty_neo4j, neo4j_settings, "SHOW CONSTRAINTS YIELD labelsOrTypes, properties, type"
        )
    }
    expected = {(("Entity",), ("id",), "UNIQUENESS"), (("Document",), ("id",), "UNIQUENESS")}
    expected |= {((name,), ("id",), "RELATIONSHIP_UNIQUENESS") for name in load_vocabulary().relation_types}
    assert expected <= constraints
    indexes = _read(
        empty_neo4j,
        neo4j_settings,
        "SHOW INDEXES YIELD type, labelsOrTypes, properties, options, state",
    )
    fulltext = {
        (tuple(row["labelsOrTypes"]), tuple(row["properties"])): row["options"]["indexConfig"]
        for row in indexes
        if row["type"] == "FULLTEXT"
    }
    assert {schema: config["fulltext.analyzer"] for schema, config in fulltext.items()} == {
        (("Entity",), ("search",)): "cjk",
        (tuple(sorted(load_vocabulary().entity_types)), ("search",)): "whitespace",
    }
    assert any(row["labelsOrTypes"] == ["Evidence"] and row["properties"] == ["relation"] for row in indexes)
    assert any(
        row["type"] == "RANGE"
        and row["labelsOrTypes"] == ["Document"]
        and row["properties"] == ["loaded_order"]
        for row in indexes
    )
    assert {row["state"] for row in indexes} == {"ONLINE"}


def test_browser_sees_labelled_entities_and_typed_relations(
    neo4j: Neo4jStore, empty_neo4j: Driver, neo4j_settings: Settings
) -> None:
    for facts in park_documents():
        neo4j.load(facts)
    [joint] = _read(
        empty_neo4j,
        neo4j_settings,
        "MATCH (n {id: $id}) RETURN labels(n) AS labels, properties(n) AS node",
        id=JOINT_ID,
    )
    assert set(joint["labels"]) == {"Entity", "Branch", "JointBranch"}
    assert joint["node"]["name"] == JOINT_BRANCH
    assert "第一联合党支部" in joint["node"]["aliases"]
    assert joint["node"]["documents"] == [facts.document.id for facts in park_documents()]
    [covers] = _read(
        empty_neo4j,
        neo4j_settings,
        "MATCH (:Entity {id: $head})-[r]->(:Entity {id: $tail}) "
        "RETURN type(r) AS type, properties(r) AS relation",
        head=JOINT_ID,
        tail=TECH_ID,
    )
    assert covers["type"] == "COVERS"
    assert covers["relation"]["id"] == relation_key("COVERS", JOINT_ID, TECH_ID)
    assert covers["relation"]["documents"] == [facts.document.id for facts in park_documents()]
    assert covers["relation"]["sources"] == [facts.document.source for facts in park_documents()]
    assert covers["relation"]["confidence"] == 0.9
    posts = _read(
        empty_neo4j,
        neo4j_settings,
        "MATCH (:Person {id: $head})-[r:HOLDS_POST]->(:Committee {id: $tail}) "
        "RETURN properties(r) AS relation",
        head=SECRETARY_ID,
        tail=COMMITTEE_ID,
    )
    assert {row["relation"]["title"] for row in posts} == {"书记", "党委委员"}
    assert all(row["relation"]["attributes"] == ["title"] for row in posts)


def _forget_named_by(driver: Driver, settings: Settings) -> None:
    """Make every node look written before stores kept which document gave which name."""
    _read(driver, settings, "MATCH (n:Entity) REMOVE n.named_by RETURN count(n) AS nodes")


def test_a_node_without_named_by_keeps_its_aliases_when_a_document_goes(
    neo4j: Neo4jStore, empty_neo4j: Driver, neo4j_settings: Settings
) -> None:
    first, _ = park_documents()
    for facts in park_documents():
        neo4j.load(facts)
    _forget_named_by(empty_neo4j, neo4j_settings)
    before = neo4j.entity(entity_key("Park", PARK))
    neo4j.retract(first.document.id)
    after = neo4j.entity(entity_key("Park", PARK))
    assert before is not None and after is not None
    assert (after.name, after.aliases) == (before.name, before.aliases)


def test_a_load_onto_a_node_without_named_by_credits_its_names_to_its_documents(
    neo4j: Neo4jStore, empty_neo4j: Driver, neo4j_settings: Settings
) -> None:
    first, second = park_documents()
    neo4j.load(first)
    _forget_named_by(empty_neo4j, neo4j_settings)
    neo4j.load(second)
    [row] = _read(
        empty_neo4j,
        neo4j_settings,
        "MATCH (n:Entity {id: $id}) RETURN n.named_by AS named_by",
        id=entity_key("Park", PARK),
    )
    old, new = first.document.id, second.document.id
    expected = [[old, PARK], [old, "示例园区"], [new, PARK], [new, "示例工业园"]]
    assert sorted(entry.split(NAMING_SEPARATOR) for entry in row["named_by"]) == sorted(expected)
    neo4j.retract(second.document.id)
    park = neo4j.entity(entity_key("Park", PARK))
    assert park is not None and park.aliases == ["示例园区"]


def test_evidence_nodes_point_into_their_documents(
    neo4j: Neo4jStore, empty_neo4j: Driver, neo4j_settings: Settings
) -> None:
    for facts in park_documents():
        neo4j.load(facts)
    rows = _read(
        empty_neo4j,
        neo4j_settings,
        "MATCH (e:Evidence {relation: $relation})-[:FROM]->(d:Document) "
        "RETURN properties(e) AS evidence, properties(d) AS document ORDER BY d.loaded_order",
        relation=relation_key("COVERS", JOINT_ID, TECH_ID),
    )
    assert [row["document"]["id"] for row in rows] == [facts.document.id for facts in park_documents()]
    assert [row["document"]["loaded_order"] for row in rows] == [0, 1]
    for row in rows:
        evidence, document = row["evidence"], row["document"]
        assert document["text"][evidence["start"] : evidence["end"]] == evidence["text"]
        assert (evidence["document"], evidence["source"]) == (document["id"], document["source"])
    assert [row["evidence"]["confidence"] for row in rows] == [0.6, 0.9]


# --- loading -----------------------------------------------------------------------------------------


def _committee_covering(doc_id: str, companies: int) -> DocumentFacts:
    doc = FactBuilder(doc_id)
    committee = doc.entity("Committee", f"{doc_id}行业党委")
    branch = doc.entity("Branch", f"{doc_id}第一联合党支部")
    doc.relation("SUBORDINATE_TO", branch, committee)
    for number in range(companies):
        company = doc.entity("Enterprise", f"{doc_id}第{number}科技有限公司")
        doc.relation("COVERS", branch, company)
        doc.relation("PARTY_ORG_OF", committee, company)
    return doc.build()


def test_a_load_writes_in_batches_not_row_by_row(
    recorded: Callable[..., tuple[Neo4jStore, _Recorder]],
) -> None:
    store, recorder = recorded()
    store.load(_committee_covering("小", 2))
    small = len(recorder.statements)
    recorder.statements.clear()
    result = store.load(_committee_covering("大", 60))
    assert result.entities == 62 and result.relations == 121
    assert len(recorder.statements) == small
    assert store.counts().entities == {"Branch": 2, "Committee": 2, "Enterprise": 62}


def test_entities_of_every_label_set_are_merged_in_one_statement(
    recorded: Callable[..., tuple[Neo4jStore, _Recorder]],
) -> None:
    store, recorder = recorded()
    store.load(_committee_covering("混", 2))
    assert sum("MERGE (n:Entity" in statement for statement in recorder.statements) == 1
    labels = {entity.name: entity.labels for entity in store.list_entities(limit=10)}
    assert labels == {
        "混行业党委": ["Committee"],
        "混第一联合党支部": ["Branch", "JointBranch"],
        "混第0科技有限公司": ["Enterprise"],
        "混第1科技有限公司": ["Enterprise"],
    }


def test_reloading_a_document_writes_nothing(recorded: Callable[..., tuple[Neo4jStore, _Recorder]]) -> None:
    store, recorder = recorded()
    store.load(briefing())
    recorder.statements.clear()
    recorder.summaries.clear()
    assert store.load(briefing()).status == "unchanged"
    assert recorder.statements
    assert len(recorder.summaries) == len(recorder.statements)
    assert not any(summary.counters.contains_updates for summary in recorder.summaries)


@pytest.mark.reliability
def test_a_failure_inside_the_transaction_rolls_the_document_back(
    recorded: Callable[..., tuple[Neo4jStore, _Recorder]],
) -> None:
    store, _ = recorded()
    store.load(briefing())
    before = store.counts(), sorted(store.iter_relations(), key=lambda relation: relation.id)
    failing, recorder = recorded(fail_on=":Evidence")
    with pytest.raises(RuntimeError, match="injected"):
        failing.load(alliance_report())
    assert any("MERGE" in statement for statement in recorder.statements)
    assert (store.counts(), sorted(store.iter_relations(), key=lambda relation: relation.id)) == before
    assert store.document(alliance_report().document.id) is None
    assert store.load(alliance_report()).status == "loaded"
    reliability.record("fault", "Neo4j: a load failing mid-transaction leaves the graph as it was")


@pytest.mark.reliability
def test_a_transient_failure_is_retried_and_the_document_loaded_once(
    recorded: Callable[..., tuple[Neo4jStore, _Recorder]],
) -> None:
    store, recorder = recorded(fail_on=":Evidence", transient=2)
    result = store.load(alliance_report())
    assert (result.status, recorder.transient) == ("loaded", 0)
    attempts = [statement for statement in recorder.statements if ":Evidence" in statement]
    assert len(attempts) == 3 * len(set(attempts))
    assert store.load(alliance_report()).status == "unchanged"
    assert store.counts().documents == 1
    reliability.record("fault", "Neo4j: a load hit by transient errors twice is retried and loaded once")


def test_a_routing_address_writes_and_reads_through_the_routing_table(
    empty_neo4j: Driver, neo4j_settings: Settings
) -> None:
    """`neo4j://`, as a cluster or Aura is addressed: the driver asks the server for its routing table
    and sends reads to readers, writes to the leader; a single server is all three."""
    routed = neo4j_settings.model_copy(
        update={"neo4j_uri": neo4j_settings.neo4j_uri.replace("bolt://", "neo4j://", 1)}
    )
    assert routed.neo4j_uri.startswith("neo4j://")
    store = open_store(routed)
    try:
        assert isinstance(store._driver, Neo4jDriver)  # type: ignore[attr-defined]
        assert store.load(briefing()).status == "loaded"
        assert store.entity(COMMITTEE_ID) is not None
        under = {reach.entity.id for reach in store.enterprises_under(JOINT_ID)}
        assert under == {TECH_ID, entity_key("Enterprise", MAKER_COMPANY)}
        assert store.counts() == Neo4jStore(empty_neo4j, neo4j_settings.neo4j_database).counts()
    finally:
        store.close()


def _snapshot(store: Neo4jStore) -> tuple:
    return store.counts(), store.documents(), list(store.iter_entities()), list(store.iter_relations())


def test_a_retraction_deletes_in_batches_not_row_by_row(
    recorded: Callable[..., tuple[Neo4jStore, _Recorder]],
) -> None:
    store, recorder = recorded()
    small, large = _committee_covering("小", 2), _committee_covering("大", 60)
    store.load(small)
    store.load(large)
    recorder.statements.clear()
    store.retract(small.document.id)
    statements = len(recorder.statements)
    recorder.statements.clear()
    assert store.retract(large.document.id).entities_removed == 62
    assert len(recorder.statements) == statements
    assert store.counts().documents == 0


@pytest.mark.reliability
def test_a_failure_inside_a_retraction_rolls_it_back(
    recorded: Callable[..., tuple[Neo4jStore, _Recorder]],
) -> None:
    store, _ = recorded()
    for facts in park_documents():
        store.load(facts)
    before = _snapshot(store)
    failing, recorder = recorded(fail_on="DETACH DELETE d")
    with pytest.raises(RuntimeError, match="injected"):
        failing.retract(briefing().document.id)
    assert any("DELETE r" in statement for statement in recorder.statements)
    assert _snapshot(store) == before
    assert store.retract(briefing().document.id).entities_removed > 0
    reliability.record("fault", "Neo4j: a retraction failing mid-transaction leaves the graph as it was")


@pytest.mark.reliability
@pytest.mark.parametrize("new_database", [False, True])
def test_one_document_loaded_at_once_from_four_stores_is_loaded_once(
    empty_neo4j: Driver, neo4j_settings: Settings, new_database: bool
) -> None:
    """Also on a database with no schema yet, which each store creates as it first writes: their schema
    statements deadlock on one another, and are retried."""
    if new_database:
        database = neo4j_settings.neo4j_database
        for record in empty_neo4j.execute_query("SHOW CONSTRAINTS YIELD name", database_=database).records:
            empty_neo4j.execute_query(f"DROP CONSTRAINT {record['name']}", database_=database)
    stores = [Neo4jStore(empty_neo4j, neo4j_settings.neo4j_database) for _ in range(4)]
    with ThreadPoolExecutor(len(stores)) as pool:
        statuses = sorted(result.status for result in pool.map(lambda store: store.load(briefing()), stores))
    assert statuses == ["loaded", "unchanged", "unchanged", "unchanged"]
    alone = EmbeddedStore()
    alone.load(briefing())
    assert stores[0].counts() == alone.counts()
    where = " into a database with no schema yet" if new_database else ""
    reliability.record(
        "load", f"Neo4j: one document loaded by 4 writers at once{where}: loaded once, nothing lost"
    )


# --- the same answers as the embedded store ----------------------------------------------------------


def _names_document() -> DocumentFacts:
    doc = FactBuilder("doc-names")
    doc.entity("Practice", "“444”工业园区党建工作体系")
    doc.entity("Practice", "1+1+N组织体系")
    doc.entity("Enterprise", "ABC示例科技有限公司", "abc科技")
    doc.entity("Park", "示例港", "港区")
    doc.entity("Organization", "示例港管委会", "管委會")
    doc.entity("Person", "王五")
    return doc.build()


@pytest.mark.parametrize(
    "query",
    [
        "示",
        "港",
        "示例",
        "例港",
        "示例港",
        "港管委",
        "管委會",
        "園區",
        "联合党支部",
        "工业园区党建",
        "“444”",
        "444",
        "1+1",
        "abc",
        "ABC示例",
        "c示",
        "王五",
        "党委",
        "不存在的名字",
    ],
)
def test_search_answers_as_the_embedded_store_does(neo4j: Neo4jStore, query: str) -> None:
    embedded = EmbeddedStore()
    for facts in [*park_documents(), _names_document()]:
        neo4j.load(facts)
        embedded.load(facts)
    assert neo4j.search(query) == embedded.search(query)
    assert neo4j.search(query, limit=2, offset=1) == embedded.search(query, limit=2, offset=1)
    for label in ("Park", "JointBranch", "Practice"):
        assert neo4j.search(query, type_=label) == embedded.search(query, type_=label)


def test_attributes_merge_as_in_the_embedded_store(neo4j: Neo4jStore) -> None:
    embedded = EmbeddedStore()
    for number, note in enumerate(["首次", "再次"]):
        doc = FactBuilder(f"doc-note-{number}")
        person, committee = doc.entity("Person", SECRETARY), doc.entity("Committee", PARK_COMMITTEE)
        fact = doc.relation("HOLDS_POST", person, committee, title="书记")
        fact.attributes["note"] = note
        if number == 1:
            fact.attributes["since"] = "2020"
        neo4j.load(doc.build())
        embedded.load(doc.build())
    [relation] = neo4j.iter_relations()
    assert relation.attributes == {"title": "书记", "note": "首次", "since": "2020"}
    assert list(neo4j.iter_relations()) == list(embedded.iter_relations())
