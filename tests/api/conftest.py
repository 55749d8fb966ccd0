"""API fixtures: the app over a real embedded store holding the shared example world.

The store is loaded with `factbuilder.park_documents()`; tests derive what
they expect from those same facts, never from the API's own answers.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest
from factbuilder import park_documents
from fastapi.testclient import TestClient

from parkgraph.api.main import create_app
from parkgraph.graph.embedded import EmbeddedStore
from parkgraph.graph.facts import DocumentFacts
from parkgraph.graph.store import Store

ProblemCheck = Callable[[httpx.Response, int], dict]


@pytest.fixture
def documents() -> list[DocumentFacts]:
    """The facts the store is loaded with, in load order."""
    return park_documents()


@pytest.fixture
def loaded_store(tmp_path: Path, documents: list[DocumentFacts]) -> Iterator[EmbeddedStore]:
    store = EmbeddedStore(tmp_path / "g.db")
    for facts in documents:
        store.load(facts)
    yield store
    store.close()


@pytest.fixture
def client(loaded_store: EmbeddedStore) -> TestClient:
    return TestClient(create_app(loaded_store))


@pytest.fixture
def loaded_any_store(store: Store, documents: list[DocumentFacts]) -> Store:
    """A store of each available kind (embedded, Neo4j) holding the example world."""
    for facts in documents:
        store.load(facts)
    return store


def _check_problem(response: httpx.Response, status: int) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    body = response.json()
    assert {"type", "title", "status", "detail", "instance"} <= body.keys()
    assert body["status"] == status
    assert body["title"] and body["detail"]
    request = urlsplit(str(response.request.url))
    assert body["instance"].split("?")[0] == request.path
    if status == 422:
        assert body["errors"], "a validation problem lists the invalid fields"
        for error in body["errors"]:
            assert error["location"] and error["message"]
    return body


@pytest.fixture
def expect_problem() -> ProblemCheck:
    """Asserts a response is an RFC 9457 problem with `status`, and returns its body."""
    return _check_problem
