"""`/api/documents`: the documents loaded."""

from __future__ import annotations

import pytest


def test_documents_are_listed_in_load_order(client, documents):
    response = client.get("/api/documents")

    assert response.status_code == 200
    page = response.json()
    assert [(d["id"], d["source"], d["title"]) for d in page["data"]] == [
        (facts.document.id, facts.document.source, facts.document.title) for facts in documents
    ]
    assert page["count"] == len(documents)


def test_documents_page(client, documents):
    page = client.get("/api/documents", params={"limit": 1, "offset": 1}).json()

    assert [d["id"] for d in page["data"]] == [documents[1].document.id]
    assert (page["count"], page["limit"], page["offset"]) == (len(documents), 1, 1)


def test_one_document(client, documents):
    info = documents[0].document

    response = client.get(f"/api/documents/{info.id}")

    assert response.status_code == 200
    assert response.json() == info.model_dump()


def test_unknown_document_is_a_404_problem(client, expect_problem):
    body = expect_problem(client.get("/api/documents/0000"), 404)

    assert "0000" in body["detail"]


@pytest.mark.parametrize("params", [{"limit": 0}, {"limit": 1000}, {"offset": -5}])
def test_bad_paging_is_a_422_problem(client, expect_problem, params):
    body = expect_problem(client.get("/api/documents", params=params), 422)

    assert [error["field"] for error in body["errors"]] == list(params)
