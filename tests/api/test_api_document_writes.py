"""Uploading, reading back and retracting documents through `/api/documents`, on every store kind.

Writes need the bearer token of the app's settings; what an upload should add is
taken from running the same extraction pipeline on the same bytes.
"""

from __future__ import annotations

import pytest
from factbuilder import PARK, PARK_COMMITTEE, SECRETARY, TECH_COMPANY
from fastapi.testclient import TestClient
from rosterkit import BRANCH, PEOPLE, roster_xlsx

from parkgraph.api.main import create_app
from parkgraph.config import Settings
from parkgraph.graph.keys import entity_key, relation_key
from parkgraph.graph.store import Store
from parkgraph.loaders.pipeline import Pipeline
from parkgraph.loaders.sources import MAX_DOCUMENT_BYTES

ARTICLE = "示例县工业园区成立甲乙科技有限公司、丙丁机械有限公司联合党支部。\n"
API_TOKEN = "test-token-2f7c1a9e5b"
AUTH = {"Authorization": f"Bearer {API_TOKEN}"}


@pytest.fixture
def writer(loaded_any_store: Store) -> TestClient:
    """A client of an app over a loaded store of each kind whose write token is API_TOKEN."""
    return TestClient(create_app(loaded_any_store, Settings(api_token=API_TOKEN)))


@pytest.fixture(scope="module")
def article_facts():
    """What extraction finds in ARTICLE, as the upload route will see it."""
    return Pipeline().extract_bytes(ARTICLE.encode("utf-8"), "示例县.txt")


def _upload_json(client: TestClient, text: str = ARTICLE, source: str = "示例县.txt", **headers: str):
    return client.post("/api/documents", json={"source": source, "text": text}, headers=headers or AUTH)


# --- the token ---------------------------------------------------------------------------------------


def test_writes_are_refused_when_no_token_is_configured(loaded_any_store: Store, expect_problem):
    client = TestClient(create_app(loaded_any_store, Settings(api_token=None)))
    before = loaded_any_store.counts()

    for response in (_upload_json(client), client.delete("/api/documents/doc-briefing", headers=AUTH)):
        body = expect_problem(response, 403)
        assert body["detail"] == "writes are disabled: set PARKGRAPH_API_TOKEN"
    assert loaded_any_store.counts() == before


@pytest.mark.parametrize(
    ("headers", "challenge"),
    [
        ({}, 'Bearer realm="parkgraph"'),
        ({"Authorization": "Bearer not-the-token"}, 'Bearer realm="parkgraph", error="invalid_token"'),
        ({"Authorization": f"Bearer {API_TOKEN}x"}, 'Bearer realm="parkgraph", error="invalid_token"'),
        ({"Authorization": f"Basic {API_TOKEN}"}, 'Bearer realm="parkgraph"'),
    ],
)
def test_a_missing_or_wrong_token_is_a_401_with_a_challenge(
    writer, loaded_any_store, expect_problem, headers, challenge
):
    before = loaded_any_store.counts()

    for response in (
        writer.post("/api/documents", json={"source": "a.txt", "text": ARTICLE}, headers=headers),
        writer.delete("/api/documents/doc-briefing", headers=headers),
    ):
        expect_problem(response, 401)
        assert response.headers["www-authenticate"] == challenge
    assert loaded_any_store.counts() == before


def test_reads_need_no_token(writer):
    assert writer.get("/api/documents/doc-briefing/facts").status_code == 200


def test_a_short_token_is_refused_by_the_settings():
    with pytest.raises(ValueError, match="at least 16 characters"):
        Settings(api_token="short")
    assert Settings(api_token="  ").api_token is None


# --- uploads -----------------------------------------------------------------------------------------


def test_an_uploaded_text_is_extracted_loaded_and_found(writer, article_facts):
    response = _upload_json(writer)

    assert response.status_code == 201, response.text
    result = response.json()
    assert result["status"] == "loaded"
    assert result["document"] == article_facts.document.id
    assert result["entities"] == len({fact.key for fact in article_facts.entities}) > 0
    assert response.headers["location"] == f"/api/documents/{result['document']}"
    assert writer.get(response.headers["location"]).json()["source"] == "示例县.txt"
    for fact in article_facts.entities:
        found = writer.get("/api/entities", params={"q": fact.name, "type": fact.type}).json()["data"]
        assert fact.key in [entity["id"] for entity in found], fact.name
        entity = writer.get(f"/api/entities/{fact.key}").json()
        assert result["document"] in entity["documents"]


def test_an_upload_with_facts_has_no_warnings(writer):
    response = _upload_json(writer)

    assert response.status_code == 201, response.text
    assert response.json()["warnings"] == []


def test_an_upload_in_which_no_facts_are_found_says_so(writer):
    response = _upload_json(writer, text="今天下午天气晴朗，大家都去散步了。\n", source="天气.txt")

    assert response.status_code == 201, response.text
    result = response.json()
    assert result["status"] == "loaded"
    assert result["entities"] == result["relations"] == 0
    assert len(result["warnings"]) == 1
    assert result["warnings"][0].startswith("no facts found")


def test_the_same_bytes_as_a_file_are_unchanged(writer, article_facts):
    assert _upload_json(writer).status_code == 201
    counts = writer.get("/api/stats").json()

    response = writer.post(
        "/api/documents", files={"file": ("另一个名字.txt", ARTICLE.encode("utf-8"))}, headers=AUTH
    )

    assert response.status_code == 200, response.text
    assert response.json()["status"] == "unchanged"
    assert response.json()["document"] == article_facts.document.id
    assert writer.get("/api/stats").json() == counts


def test_a_gbk_file_is_decoded(writer):
    response = writer.post("/api/documents", files={"file": ("gbk.txt", ARTICLE.encode("gbk"))}, headers=AUTH)

    assert response.status_code == 201, response.text
    assert writer.get("/api/entities", params={"q": TECH_COMPANY}).json()["count"] >= 1


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "is empty"),
        (b"\x00\x01\x02\x03binary\x00", "binary"),
        (b"\xff" * 60, "cannot be decoded"),
    ],
)
def test_a_bad_file_is_a_422_problem_with_the_loaders_message(writer, expect_problem, data, message):
    counts = writer.get("/api/stats").json()

    body = expect_problem(writer.post("/api/documents", files={"file": ("bad.txt", data)}, headers=AUTH), 422)

    assert message in body["detail"] and "bad.txt" in body["detail"]
    assert [(error["location"], error["field"]) for error in body["errors"]] == [("body", "file")]
    assert writer.get("/api/stats").json() == counts


def test_a_file_over_the_size_limit_is_a_413_problem(writer, expect_problem):
    body = expect_problem(
        writer.post(
            "/api/documents", files={"file": ("big.txt", b"a" * (MAX_DOCUMENT_BYTES + 1))}, headers=AUTH
        ),
        413,
    )

    assert "too large" in body["detail"]


def test_a_body_far_over_the_limit_is_refused_unread(writer, expect_problem):
    response = writer.post(
        "/api/documents",
        content=b"{}",
        headers={**AUTH, "content-type": "application/json", "content-length": str(50 * MAX_DOCUMENT_BYTES)},
    )

    assert "too large" in expect_problem(response, 413)["detail"]


@pytest.mark.parametrize(
    ("body", "fields"),
    [
        ({"source": "a.txt"}, ["text"]),
        ({"source": "", "text": ARTICLE}, ["source"]),
        ({"source": "a.txt", "text": ""}, ["text"]),
    ],
)
def test_a_bad_json_upload_is_a_422_problem_naming_the_field(writer, expect_problem, body, fields):
    problem = expect_problem(writer.post("/api/documents", json=body, headers=AUTH), 422)

    assert [error["field"] for error in problem["errors"]] == fields


def test_a_form_without_a_file_and_another_media_type_are_refused(writer, expect_problem):
    form = writer.post("/api/documents", data={"text": ARTICLE}, headers=AUTH)
    plain = writer.post(
        "/api/documents", content=ARTICLE.encode(), headers={**AUTH, "content-type": "text/plain"}
    )

    assert [error["field"] for error in expect_problem(form, 422)["errors"]] == ["file"]
    assert "multipart/form-data" in expect_problem(plain, 415)["detail"]


# --- what a document gave, and retracting it ---------------------------------------------------------


def test_facts_of_a_document_are_what_was_extracted_from_it(writer, documents):
    alliance = documents[1]

    response = writer.get(f"/api/documents/{alliance.document.id}/facts")

    assert response.status_code == 200
    contents = response.json()
    assert contents["document"]["id"] == alliance.document.id
    assert contents["text"] == alliance.text
    assert {entity["id"] for entity in contents["entities"]} == {fact.key for fact in alliance.entities}
    assert len(contents["relations"]) == len(alliance.relations)
    evidence = [item for relation in contents["relations"] for item in relation["evidence"]]
    assert {item["document"] for item in evidence} == {alliance.document.id}
    assert {item["text"] for item in evidence} == {fact.evidence.text for fact in alliance.relations}


def test_facts_of_an_uploaded_document_list_its_entities(writer, article_facts):
    document = _upload_json(writer).json()["document"]

    contents = writer.get(f"/api/documents/{document}/facts").json()

    assert {entity["id"] for entity in contents["entities"]} == {fact.key for fact in article_facts.entities}


def test_retracting_removes_what_only_that_document_supported(writer, documents):
    alliance = documents[1]
    secretary, tech = entity_key("Person", SECRETARY), entity_key("Enterprise", TECH_COMPANY)
    committee, park = entity_key("Committee", PARK_COMMITTEE), entity_key("Park", PARK)
    only_alliance = relation_key("HOLDS_POST", secretary, tech, "董事长")
    shared = relation_key("PARTY_ORG_OF", committee, park)
    assert writer.get(f"/api/relations/{only_alliance}").status_code == 200

    response = writer.delete(f"/api/documents/{alliance.document.id}", headers=AUTH)

    assert response.status_code == 200, response.text
    assert response.json()["document"] == alliance.document.id
    assert response.json()["relations_removed"] >= 1
    assert writer.get(f"/api/relations/{only_alliance}").status_code == 404
    kept = writer.get(f"/api/relations/{shared}").json()
    assert {item["document"] for item in kept["evidence"]} == {documents[0].document.id}
    assert writer.get(f"/api/entities/{park}").json()["documents"] == [documents[0].document.id]
    assert writer.get(f"/api/documents/{alliance.document.id}").status_code == 404
    assert [d["id"] for d in writer.get("/api/documents").json()["data"]] == [documents[0].document.id]


def test_retracting_an_upload_removes_its_own_entities(writer, article_facts):
    document = _upload_json(writer).json()["document"]
    before = {fact.key: writer.get(f"/api/entities/{fact.key}").json() for fact in article_facts.entities}

    assert writer.delete(f"/api/documents/{document}", headers=AUTH).status_code == 200

    for key, entity in before.items():
        after = writer.get(f"/api/entities/{key}")
        if entity["documents"] == [document]:
            assert after.status_code == 404, entity["name"]
        else:
            assert document not in after.json()["documents"]
    assert _upload_json(writer).status_code == 201


def test_unknown_documents_are_404_problems(writer, expect_problem):
    assert "0000" in expect_problem(writer.delete("/api/documents/0000", headers=AUTH), 404)["detail"]
    assert "0000" in expect_problem(writer.get("/api/documents/0000/facts"), 404)["detail"]


def test_a_roster_workbook_upload_adds_a_post_per_row(writer):
    response = writer.post("/api/documents", files={"file": ("名册.xlsx", roster_xlsx())}, headers=AUTH)

    assert response.status_code == 201, response.text
    assert response.json()["relations"] >= len(PEOPLE)
    person = writer.get("/api/entities", params={"q": PEOPLE[0], "type": "Person"}).json()["data"][0]
    posts = writer.get(f"/api/entities/{person['id']}/posts").json()["data"]
    assert [(post["title"], post["organization"]["name"]) for post in posts] == [("书记", BRANCH)]
    assert posts[0]["relation"]["evidence"][0]["text"].startswith("党员名册 第4行 ")
