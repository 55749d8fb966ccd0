"""PDF and Word uploads through `/api/documents`: their evidence says which page or paragraph, on every store.

The page or paragraph (`where`) is stored with each evidence sentence and read back by both stores,
so the explorer can show it next to the sentence.
"""

from __future__ import annotations

import io
import zipfile

import pytest
from fastapi.testclient import TestClient
from officekit import office

from parkgraph.api.main import create_app
from parkgraph.config import Settings
from parkgraph.graph.store import Store

ARTICLE = (
    "示例县工业园区成立甲乙科技有限公司、丙丁机械有限公司联合党支部。\n"
    "联合党支部书记王建国说，支部把党员组织起来。"
)
API_TOKEN = "test-token-2f7c1a9e5b"
AUTH = {"Authorization": f"Bearer {API_TOKEN}"}


@pytest.fixture
def writer(loaded_any_store: Store) -> TestClient:
    return TestClient(create_app(loaded_any_store, Settings(api_token=API_TOKEN)))


@pytest.mark.parametrize(
    ("name", "data", "places"),
    [
        ("示例.pdf", office.pdf_from_text(ARTICLE, header=""), {"COVERS": "第1页", "HOLDS_POST": "第1页"}),
        ("示例.docx", office.docx_from_text(ARTICLE), {"COVERS": "第1段", "HOLDS_POST": "第2段"}),
    ],
    ids=["pdf", "docx"],
)
def test_an_uploaded_file_keeps_the_place_of_each_evidence_sentence(
    writer, name: str, data: bytes, places: dict[str, str]
):
    response = writer.post("/api/documents", files={"file": (name, data)}, headers=AUTH)
    assert response.status_code == 201, response.text
    document = response.json()["document"]

    relations = writer.get(f"/api/documents/{document}/facts").json()["relations"]
    assert places.keys() <= {r["type"] for r in relations}
    for relation in relations:
        evidence = writer.get(f"/api/relations/{relation['id']}").json()["evidence"]
        mine = [item["where"] for item in evidence if item["document"] == document]
        assert mine == [item["where"] for item in relation["evidence"]]
        if relation["type"] in places:
            assert mine == [places[relation["type"]]]


def test_evidence_of_a_text_document_has_no_place(writer):
    response = writer.post("/api/documents", json={"source": "示例.txt", "text": ARTICLE}, headers=AUTH)
    document = response.json()["document"]
    relations = writer.get(f"/api/documents/{document}/facts").json()["relations"]
    assert relations
    assert all("where" not in item for r in relations for item in r["evidence"])


def test_an_uploaded_archive_is_a_422_saying_how_to_load_it(writer, expect_problem):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as bundle:
        bundle.writestr("a.txt", ARTICLE)
    body = expect_problem(
        writer.post("/api/documents", files={"file": ("材料.zip", out.getvalue())}, headers=AUTH), 422
    )
    assert "is a ZIP archive" in body["detail"]
