"""Failures of the store and of the code become problem responses, never a traceback."""

from __future__ import annotations

import logging

import pytest
from fastapi.testclient import TestClient

from parkgraph.api.main import create_app
from parkgraph.graph.errors import StoreError


class UnreachableStore:
    """A store whose server is down: every query fails."""

    def __getattr__(self, name: str):
        def fail(*args: object, **kwargs: object) -> None:
            raise StoreError("cannot reach bolt://graph.example:7687")

        return fail


class BrokenStore:
    """A store with a bug."""

    def counts(self) -> None:
        raise RuntimeError("internal detail the client must not see")


@pytest.mark.parametrize(
    "url",
    [
        "/api/stats",
        "/api/entities?q=示例",
        "/api/entities/park-000000000000",
        "/api/organizations/committee-000000000000/enterprises",
        "/api/paths?source=a&target=b",
        "/api/documents",
    ],
)
def test_store_error_is_a_503_problem(expect_problem, url):
    client = TestClient(create_app(UnreachableStore()))

    body = expect_problem(client.get(url), 503)

    assert body["detail"] == "graph store unavailable: cannot reach bolt://graph.example:7687"


def test_health_says_the_store_is_down(expect_problem):
    body = expect_problem(TestClient(create_app(UnreachableStore())).get("/health"), 503)

    assert body["detail"] == "graph store unavailable: cannot reach bolt://graph.example:7687"


def test_unexpected_error_is_a_500_problem_without_internals(expect_problem, caplog):
    client = TestClient(create_app(BrokenStore()), raise_server_exceptions=False)

    with caplog.at_level(logging.ERROR):
        body = expect_problem(client.get("/api/stats"), 500)

    assert "internal detail" not in str(body)
    assert "Traceback" not in str(body)
    [record] = [r for r in caplog.records if r.levelno == logging.ERROR and r.exc_info]
    assert "internal detail the client must not see" in str(record.exc_info[1])
