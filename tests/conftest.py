"""Shared fixtures: a `store` of every available kind, so the contract suite runs on each.

A factory opens a store over the backing data of one test (`tmp_path` for the
embedded store); calling it again reopens the same data. Add a store kind by
adding a factory to `STORE_FACTORIES`.

Tests that need a Neo4j server take `neo4j_settings` (or call `neo4j_settings_or_skip()`, e.g. from a
store factory): they skip when no server answers, and fail instead when PARKGRAPH_REQUIRE_NEO4J=1,
as in CI, so a missing server never passes for a green run.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Iterator
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


def _neo4j_driver(settings: Settings) -> Driver:
    return GraphDatabase.driver(settings.neo4j_uri, auth=(settings.neo4j_user, settings.neo4j_password))


def _empty_neo4j(driver: Driver, settings: Settings) -> None:
    """Delete every node and relationship (constraints and indexes stay)."""
    driver.execute_query("MATCH (n) DETACH DELETE n", database_=settings.neo4j_database)


def _neo4j(folder: Path) -> Store:
    """A Neo4jStore on the test server; the database is emptied when a test first opens it, not again."""
    settings = neo4j_settings_or_skip().model_copy(update={"store": "neo4j"})
    emptied = folder / "neo4j-emptied"
    if not emptied.exists():
        with _neo4j_driver(settings) as driver:
            _empty_neo4j(driver, settings)
        emptied.touch()
    return stores.open_store(settings)


STORE_FACTORIES["neo4j"] = _neo4j


@pytest.fixture(params=sorted(STORE_FACTORIES))
def open_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Callable[[], Store]]:
    """Opens a store over this test's data; each call opens it anew. All are closed at the end."""
    factory = STORE_FACTORIES[request.param]
    opened: list[Store] = []

    def open_() -> Store:
        opened.append(factory(tmp_path))
        return opened[-1]

    yield open_
    for store in opened:
        store.close()


@pytest.fixture
def store(open_store: Callable[[], Store]) -> Store:
    """An empty store of each available kind."""
    return open_store()


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


@pytest.fixture(scope="session")
def neo4j_settings() -> Settings:
    """Settings (NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE) of a Neo4j that answers."""
    return neo4j_settings_or_skip()


@pytest.fixture(scope="session")
def neo4j_driver(neo4j_settings: Settings) -> Iterator[Driver]:
    """A driver for the test server, shared by the Neo4j-specific tests."""
    with _neo4j_driver(neo4j_settings) as driver:
        yield driver


@pytest.fixture
def empty_neo4j(neo4j_driver: Driver, neo4j_settings: Settings) -> Driver:
    """The shared driver, after emptying the test database."""
    _empty_neo4j(neo4j_driver, neo4j_settings)
    return neo4j_driver
