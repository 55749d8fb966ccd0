"""The app as a whole: routes in OpenAPI, documentation pages, `/`, and problems for unknown routes."""

from __future__ import annotations

EXPECTED_OPERATIONS = {
    "/api/entities": {"get"},
    "/api/entities/{entity_id}": {"get"},
    "/api/entities/{entity_id}/neighbours": {"get"},
    "/api/entities/{entity_id}/places": {"get"},
    "/api/entities/{entity_id}/orgchart": {"get"},
    "/api/entities/{entity_id}/posts": {"get"},
    "/api/organizations/{organization_id}/enterprises": {"get"},
    "/api/organizations/{organization_id}/hierarchy": {"get"},
    "/api/organizations/{organization_id}/subtree": {"get"},
    "/api/organizations/{organization_id}/posts": {"get"},
    "/api/paths": {"get"},
    "/api/relations/{relation_id}": {"get"},
    "/api/documents": {"get", "post"},
    "/api/documents/{document_id}": {"get", "delete"},
    "/api/documents/{document_id}/facts": {"get"},
    "/api/stats": {"get"},
    "/api/cypher": {"post"},
    "/api/export": {"get"},
    "/api/corrections": {"get", "post"},
    "/api/corrections/suggestions": {"get"},
    "/api/corrections/{seq}/undo": {"post"},
    "/health": {"get"},
}
WRITES = {
    ("/api/documents", "post"),
    ("/api/documents/{document_id}", "delete"),
    ("/api/corrections", "post"),
    ("/api/corrections/{seq}/undo", "post"),
}


def test_openapi_lists_every_route_as_a_described_operation(client):
    response = client.get("/openapi.json")

    assert response.status_code == 200
    spec = response.json()
    assert spec["openapi"].startswith("3.")
    assert {path: set(operations) for path, operations in spec["paths"].items()} == EXPECTED_OPERATIONS
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            assert operation["description"], (path, method)
            assert operation["tags"], (path, method)


def test_openapi_says_which_operations_need_the_token(client):
    spec = client.get("/openapi.json").json()

    assert spec["components"]["securitySchemes"]["token"]["scheme"] == "bearer"
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            needs_token = (path, method) in WRITES
            assert bool(operation.get("security")) == needs_token, (path, method)
            assert ({"401", "403"} <= set(operation["responses"])) == needs_token, (path, method)


def test_openapi_documents_both_upload_bodies(client):
    upload = client.get("/openapi.json").json()["paths"]["/api/documents"]["post"]

    assert set(upload["requestBody"]["content"]) == {"multipart/form-data", "application/json"}
    assert {"201", "200", "413", "422"} <= set(upload["responses"])


def test_openapi_documents_errors_as_problem_json(client):
    spec = client.get("/openapi.json").json()

    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            for status, response in operation["responses"].items():
                if status.startswith(("4", "5")):
                    assert set(response["content"]) == {"application/problem+json"}, (path, method, status)
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


def test_unknown_route_is_a_404_problem(client, expect_problem):
    expect_problem(client.get("/api/nothing-here"), 404)


def test_wrong_method_is_a_405_problem(client, expect_problem):
    response = client.post("/api/stats")

    expect_problem(response, 405)
    assert response.headers["allow"] == "GET"
