"""Shared fixtures: a `store` of every available kind, so the contract suite runs on each (see storekit).

The user's Neo4j and data folder are out of the tests' reach from here on (`isolate_environment`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import reliability
from neo4j import Driver
from storekit import (
    STORE_FACTORIES,
    empty_neo4j_database,
    isolate_environment,
    neo4j_driver_for,
    neo4j_settings_or_skip,
)

from parkgraph.config import Settings
from parkgraph.graph.store import Store

isolate_environment()


def pytest_sessionfinish(session: pytest.Session) -> None:
    reliability.write_if_asked()


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


@pytest.fixture(scope="session")
def neo4j_settings() -> Settings:
    """Settings of the Neo4j this test run started (see storekit)."""
    return neo4j_settings_or_skip()


@pytest.fixture(scope="session")
def neo4j_driver(neo4j_settings: Settings) -> Iterator[Driver]:
    """A driver for the test server, shared by the Neo4j-specific tests."""
    with neo4j_driver_for(neo4j_settings) as driver:
        yield driver


@pytest.fixture
def empty_neo4j(neo4j_driver: Driver, neo4j_settings: Settings) -> Driver:
    """The shared driver, after emptying the test database."""
    empty_neo4j_database(neo4j_driver, neo4j_settings)
    return neo4j_driver
