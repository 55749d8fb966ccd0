"""Stores of every available kind for the tests, and the one place that decides whether Neo4j tests run.

`STORE_FACTORIES` opens a store over the backing data of one test (a folder for the
embedded store); calling a factory again reopens the same data. Tests that need Neo4j
call `neo4j_settings_or_skip()`: the first call starts a throwaway bundled server in a new
temporary folder, on free ports with a random password, stopped and deleted when the run ends.
The tests never use a server they did not start, so a user's own Neo4j at NEO4J_URI keeps its
data. Without Java and Maven they skip, and fail instead when PARKGRAPH_REQUIRE_NEO4J=1, as in
CI, so a missing server never passes for a green run.
"""

from __future__ import annotations

import atexit
import functools
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable
from contextlib import ExitStack
from pathlib import Path

import pytest
from neo4j import Driver, GraphDatabase

from parkgraph import stores
from parkgraph.config import Settings
from parkgraph.graph.embedded import EmbeddedStore
from parkgraph.graph.facts import DocumentFacts
from parkgraph.graph.store import Store
from parkgraph.neo4j_server import ServerError, throwaway_server

StoreFactory = Callable[[Path], Store]


def _embedded(folder: Path) -> Store:
    return EmbeddedStore(folder / "graph.db")


def json_store_file(path: Path, documents: Iterable[DocumentFacts]) -> Path:
    """A JSON store at `path` as earlier versions wrote it, holding `documents` (for migration tests)."""
    store = EmbeddedStore()
    for facts in documents:
        store.load(facts)
    saved = {
        "format": "parkgraph-embedded",
        "version": 1,
        "documents": [
            {**info.model_dump(mode="json"), "text": store.document_facts(info.id).text}
            for info in store.documents()
        ],
        "nodes": [entity.model_dump(mode="json") for entity in store.iter_entities()],
        "edges": [relation.model_dump(mode="json") for relation in store.iter_relations()],
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(saved, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


STORE_FACTORIES: dict[str, StoreFactory] = {"embedded": _embedded}


def neo4j_driver_for(settings: Settings) -> Driver:
    return GraphDatabase.driver(settings.neo4j_uri, auth=(settings.neo4j_user, settings.neo4j_password))


_KEPT = ("PARKGRAPH_REQUIRE_", "PARKGRAPH_RELIABILITY_", "PARKGRAPH_SAVE_SCREENSHOTS")
"""Settings of the test run itself, which it keeps."""


def isolate_environment() -> None:
    """Forget the user's stores for this run: their Neo4j settings and parkgraph settings leave the
    environment, and XDG_DATA_HOME becomes a new temporary folder, deleted at exit, so no test or
    program it starts can reach a database or file of the user's."""
    for name in list(os.environ):
        if name.startswith("NEO4J_") or (name.startswith("PARKGRAPH_") and not name.startswith(_KEPT)):
            del os.environ[name]
    data_home = tempfile.mkdtemp(prefix="parkgraph-test-data-")
    atexit.register(shutil.rmtree, data_home, ignore_errors=True)
    os.environ["XDG_DATA_HOME"] = data_home


def empty_neo4j_database(driver: Driver, settings: Settings) -> None:
    """Delete every node and relationship (constraints and indexes stay), only on the run's own server."""
    own = _test_server()
    if not isinstance(own, Settings) or settings.neo4j_uri != own.neo4j_uri:
        pytest.fail(f"refusing to empty {settings.neo4j_uri}: this test run did not start it", pytrace=False)
    driver.execute_query("MATCH (n) DETACH DELETE n", database_=settings.neo4j_database)


def _neo4j(folder: Path) -> Store:
    """A Neo4jStore on the test server; the database is emptied when a test first opens it, not again."""
    settings = neo4j_settings_or_skip()
    emptied = folder / "neo4j-emptied"
    if not emptied.exists():
        with neo4j_driver_for(settings) as driver:
            empty_neo4j_database(driver, settings)
        emptied.touch()
    return stores.open_store(settings)


STORE_FACTORIES["neo4j"] = _neo4j


@functools.cache
def _test_server() -> Settings | str:
    """The settings of a Neo4j this test run started, or why it could not start one."""
    missing = [tool for tool in ("java", "javac", "mvn") if shutil.which(tool) is None]
    if missing:
        return f"no {', '.join(missing)} to run a throwaway Neo4j (Debian: default-jdk-headless maven)"
    servers = ExitStack()
    atexit.register(servers.close)
    try:
        return servers.enter_context(throwaway_server())
    except ServerError as exc:
        return f"the throwaway Neo4j did not start: {exc}"


def neo4j_settings_or_skip() -> Settings:
    """Settings of the run's own Neo4j; skips the test without one, fails it if PARKGRAPH_REQUIRE_NEO4J=1."""
    found = _test_server()
    if isinstance(found, Settings):
        return found
    if os.environ.get("PARKGRAPH_REQUIRE_NEO4J") == "1":
        pytest.fail(f"PARKGRAPH_REQUIRE_NEO4J=1 but {found}", pytrace=False)
    pytest.skip(found)
