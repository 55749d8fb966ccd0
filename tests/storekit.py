"""Stores of every available kind for the tests, and the one place that decides whether Neo4j tests run.

`STORE_FACTORIES` opens a store over the backing data of one test (a folder for the
embedded store); calling a factory again reopens the same data. Tests that need Neo4j
call `neo4j_settings_or_skip()`: it skips when no server answers, and fails instead when
PARKGRAPH_REQUIRE_NEO4J=1, as in CI, so a missing server never passes for a green run.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from neo4j import Driver, GraphDatabase

from parkgraph import stores
from parkgraph.config import Settings
from parkgraph.graph.embedded import EmbeddedStore
from parkgraph.graph.store import Store
from parkgraph.neo4j_server import ServerError, verify

StoreFactory = Callable[[Path], Store]


def _embedded(folder: Path) -> Store:
    return EmbeddedStore(folder / "graph.json")


STORE_FACTORIES: dict[str, StoreFactory] = {"embedded": _embedded}


def neo4j_driver_for(settings: Settings) -> Driver:
    return GraphDatabase.driver(settings.neo4j_uri, auth=(settings.neo4j_user, settings.neo4j_password))


def empty_neo4j_database(driver: Driver, settings: Settings) -> None:
    """Delete every node and relationship (constraints and indexes stay)."""
    driver.execute_query("MATCH (n) DETACH DELETE n", database_=settings.neo4j_database)


def _neo4j(folder: Path) -> Store:
    """A Neo4jStore on the test server; the database is emptied when a test first opens it, not again."""
    settings = neo4j_settings_or_skip().model_copy(update={"store": "neo4j"})
    emptied = folder / "neo4j-emptied"
    if not emptied.exists():
        with neo4j_driver_for(settings) as driver:
            empty_neo4j_database(driver, settings)
        emptied.touch()
    return stores.open_store(settings)


STORE_FACTORIES["neo4j"] = _neo4j


@functools.cache
def _neo4j_probe() -> Settings | str:
    """The settings of a Neo4j that answers with the configured password, or why there is none."""
    settings = Settings()
    try:
        verify(settings)
    except ServerError as exc:
        return f"{exc} (start one with `NEO4J_PASSWORD=... parkgraph neo4j start`)"
    return settings


def neo4j_settings_or_skip() -> Settings:
    """Settings for a running Neo4j; skips the test without one, fails it if PARKGRAPH_REQUIRE_NEO4J=1."""
    found = _neo4j_probe()
    if isinstance(found, Settings):
        return found
    if os.environ.get("PARKGRAPH_REQUIRE_NEO4J") == "1":
        pytest.fail(f"PARKGRAPH_REQUIRE_NEO4J=1 but {found}", pytrace=False)
    pytest.skip(found)
