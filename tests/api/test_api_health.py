"""`/health`: up, and which store it serves."""

from __future__ import annotations


def test_health_names_the_store(client):
    response = client.get("/health")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "store": "EmbeddedStore"}
