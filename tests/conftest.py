"""Shared fixtures: a `store` of every available kind, so the contract suite runs on each.

A factory opens a store over the backing data of one test (`tmp_path` for the
embedded store); calling it again reopens the same data. Add a store kind by
adding a factory to `STORE_FACTORIES`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from parkgraph.graph.embedded import EmbeddedStore
from parkgraph.graph.store import Store

StoreFactory = Callable[[Path], Store]


def _embedded(folder: Path) -> Store:
    return EmbeddedStore(folder / "graph.json")


STORE_FACTORIES: dict[str, StoreFactory] = {"embedded": _embedded}


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
