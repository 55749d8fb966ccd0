"""The seed corpus in both stores: the API answers the headline questions the same from each."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from storekit import STORE_FACTORIES

from parkgraph.api.main import create_app
from parkgraph.corpus import seeds_dir
from parkgraph.loaders.pipeline import Pipeline
from parkgraph.loading import LoadReport, collect_documents


@pytest.fixture(scope="module")
def clients(tmp_path_factory: pytest.TempPathFactory) -> dict[str, TestClient]:
    pipeline = Pipeline()
    facts = [pipeline.extract_path(p) for p in collect_documents([seeds_dir()], LoadReport())]
    clients = {}
    for kind, factory in sorted(STORE_FACTORIES.items()):
        store = factory(Path(tmp_path_factory.mktemp(kind)))
        for document in facts:
            store.load(document)
        clients[kind] = TestClient(create_app(store))
    return clients


def answers(client: TestClient, path: str, **params: object) -> object:
    response = client.get(path, params={"limit": 200, **params})
    assert response.status_code == 200, response.text
    return response.json()


def organizations(client: TestClient) -> list[str]:
    found = []
    for type_ in ("Committee", "Branch", "Organization"):
        page = answers(client, "/api/entities", q="党" if type_ != "Organization" else "部", type=type_)
        found += [entity["id"] for entity in page["data"]]
    return sorted(found)


def test_both_stores_hold_the_same_graph(clients: dict[str, TestClient]) -> None:
    stats = {kind: answers(client, "/api/stats") for kind, client in clients.items()}
    assert stats["embedded"]["documents"] == 5
    assert len(set(map(str, stats.values()))) == 1, stats


@pytest.mark.parametrize("query", ["党委", "联合", "園區", "开发区", "公司"])
def test_search_answers_the_same(clients: dict[str, TestClient], query: str) -> None:
    found = {kind: answers(client, "/api/entities", q=query) for kind, client in clients.items()}
    assert found["embedded"]["count"] > 0
    assert len({str(v) for v in found.values()}) == 1


def test_headline_questions_answer_the_same(clients: dict[str, TestClient]) -> None:
    reference = clients["embedded"]
    ids = organizations(reference)
    assert ids
    for kind, client in clients.items():
        assert organizations(client) == ids, kind
    for entity_id in ids:
        for question in ("enterprises", "hierarchy", "subtree"):
            path = f"/api/organizations/{entity_id}/{question}"
            expected = answers(reference, path)
            for client in clients.values():
                assert answers(client, path) == expected, (question, entity_id)
        for other in ids[:5]:
            expected = answers(reference, "/api/paths", source=entity_id, target=other)
            for client in clients.values():
                assert answers(client, "/api/paths", source=entity_id, target=other) == expected
