"""The app as a whole: routes in OpenAPI, documentation pages, `/`, and problems for unknown routes."""

from __future__ import annotations

EXPECTED_OPERATIONS = {
    "/api/entities",
    "/api/entities/{entity_id}",
    "/api/entities/{entity_id}/neighbours",
    "/api/organizations/{organization_id}/enterprises",
    "/api/organizations/{organization_id}/hierarchy",
    "/api/organizations/{organization_id}/subtree",
    "/api/paths",
    "/api/relations/{relation_id}",
    "/api/documents",
    "/api/documents/{document_id}",
    "/api/stats",
    "/health",
}


def test_openapi_lists_every_route_as_a_described_get(client):
    response = client.get("/openapi.json")

    assert response.status_code == 200
    spec = response.json()
    assert spec["openapi"].startswith("3.")
    assert set(spec["paths"]) == EXPECTED_OPERATIONS
    for path, operations in spec["paths"].items():
        assert set(operations) == {"get"}, path
        assert operations["get"]["description"], path
        assert operations["get"]["tags"], path


def test_openapi_documents_errors_as_problem_json(client):
    spec = client.get("/openapi.json").json()

    for path, operations in spec["paths"].items():
        for status, response in operations["get"]["responses"].items():
            if status.startswith(("4", "5")):
                assert set(response["content"]) == {"application/problem+json"}, (path, status)
    neighbours = spec["paths"]["/api/entities/{entity_id}/neighbours"]["get"]["responses"]
    assert {"404", "422"} <= set(neighbours)
    assert {"Problem", "ValidationProblem"} <= set(spec["components"]["schemas"])


def test_openapi_lists_the_type_choices(client):
    spec = client.get("/openapi.json").json()

    schemas = spec["components"]["schemas"]
    assert "Enterprise" in schemas["EntityTypeName"]["enum"]
    assert "COVERS" in schemas["RelationTypeName"]["enum"]


def test_docs_page_is_served(client):
    response = client.get("/docs")

    assert response.status_code == 200
    assert "openapi.json" in response.text


def test_root_redirects_to_the_docs(client):
    response = client.get("/", follow_redirects=False)

    assert response.is_redirect
    assert response.headers["location"] == "/docs"


def test_unknown_route_is_a_404_problem(client, expect_problem):
    expect_problem(client.get("/api/nothing-here"), 404)


def test_wrong_method_is_a_405_problem(client, expect_problem):
    response = client.post("/api/stats")

    expect_problem(response, 405)
    assert response.headers["allow"] == "GET"
