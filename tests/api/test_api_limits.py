"""Every route reads at most its body limit: a larger body is a 413 problem, the rest left unread."""

from __future__ import annotations

from collections.abc import AsyncIterator

import anyio
import httpx
import pytest
import reliability
from fastapi.testclient import TestClient

from parkgraph.api.main import create_app
from parkgraph.config import Settings

LIMIT = 4096
CHUNK = b" " * 1024


def _client(loaded_store) -> TestClient:
    return TestClient(create_app(loaded_store, Settings(max_body_bytes=LIMIT)))


@pytest.mark.reliability
def test_a_declared_length_over_the_limit_is_refused_unread(loaded_store, expect_problem):
    response = _client(loaded_store).post(
        "/api/cypher",
        content=b"{}",
        headers={"content-type": "application/json", "content-length": str(150 * 2**20)},
    )

    body = expect_problem(response, 413)
    assert body["detail"] == "the request body is too large: POST /api/cypher reads at most 4.0 KiB"
    reliability.record("bad input", "a body declared at 150 MiB: 413 before it is read")


@pytest.mark.reliability
def test_a_chunked_body_is_cut_off_at_the_limit(loaded_store, expect_problem):
    """A body without a length (chunked) is read only as far as the limit: the sender's 1,000 KiB
    stop being pulled one chunk past it. (httpx's ASGI transport hands the app each chunk as asked.)"""
    sent: list[int] = []

    async def chunks() -> AsyncIterator[bytes]:
        for _ in range(1000):
            sent.append(len(CHUNK))
            yield CHUNK

    async def post() -> httpx.Response:
        app = create_app(loaded_store, Settings(max_body_bytes=LIMIT))
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app), base_url="http://test") as client:
            return await client.post(
                "/api/cypher", content=chunks(), headers={"content-type": "application/json"}
            )

    expect_problem(anyio.run(post), 413)
    assert sum(sent) <= LIMIT + len(CHUNK)
    reliability.record(
        "bad input",
        "a chunked 1,000 KiB body to a 4 KiB route: 413",
        note=f"{sum(sent) // 1024} KiB read before the refusal",
    )


def test_a_body_under_the_limit_is_read(loaded_store):
    response = _client(loaded_store).post("/api/cypher", json={"query": "RETURN 1"})

    assert response.status_code == 501  # read, then refused for the embedded store's reason
