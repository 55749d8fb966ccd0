"""`/api/entities`: search, one entity, and its neighbours."""

from __future__ import annotations

from collections import defaultdict

import pytest
from factbuilder import JOINT_BRANCH, MAKER_COMPANY, PARK, PARK_COMMITTEE, SECRETARY, TECH_COMPANY
from fastapi.testclient import TestClient

from parkgraph.api.main import create_app
from parkgraph.graph.facts import DocumentFacts
from parkgraph.graph.keys import entity_key
from parkgraph.ontology.vocab import load_vocabulary

PARK_ID = entity_key("Park", PARK)
PARK_COMMITTEE_ID = entity_key("Committee", PARK_COMMITTEE)
JOINT_ID = entity_key("Branch", JOINT_BRANCH)


def _names_by_key(documents: list[DocumentFacts]) -> dict[str, set[str]]:
    names: dict[str, set[str]] = defaultdict(set)
    for facts in documents:
        for fact in facts.entities:
            names[fact.key] |= {fact.name, *fact.aliases}
    return names


def _keys_matching(documents: list[DocumentFacts], text: str, type_: str | None = None) -> set[str]:
    types = {fact.key: fact.type for facts in documents for fact in facts.entities}
    return {
        key
        for key, names in _names_by_key(documents).items()
        if any(text in name for name in names) and type_ in (None, types[key])
    }


def test_search_finds_every_entity_whose_name_or_alias_contains_the_text(client, documents):
    response = client.get("/api/entities", params={"q": "示例", "limit": 200})

    assert response.status_code == 200
    body = response.json()
    expected = _keys_matching(documents, "示例")
    assert {entity["id"] for entity in body["data"]} == expected
    assert body["count"] == len(expected)
    assert (body["limit"], body["offset"]) == (200, 0)


def test_search_puts_an_exact_name_first(client):
    body = client.get("/api/entities", params={"q": PARK}).json()

    assert body["data"][0]["id"] == PARK_ID
    assert body["data"][0]["name"] == PARK


def test_search_finds_an_alias_from_the_second_document(client):
    body = client.get("/api/entities", params={"q": "甲乙科技"}).json()

    assert entity_key("Enterprise", TECH_COMPANY) in {entity["id"] for entity in body["data"]}


def test_search_filters_by_type(client, documents):
    body = client.get("/api/entities", params={"q": "示例", "type": "Committee", "limit": 200}).json()

    assert {entity["id"] for entity in body["data"]} == _keys_matching(documents, "示例", "Committee")
    assert {entity["type"] for entity in body["data"]} == {"Committee"}


def test_search_pages_slice_the_full_result_and_keep_its_count(client):
    everything = client.get("/api/entities", params={"q": "示例", "limit": 200}).json()

    page = client.get("/api/entities", params={"q": "示例", "limit": 3, "offset": 3}).json()
    beyond = client.get("/api/entities", params={"q": "示例", "offset": everything["count"]}).json()

    assert everything["count"] > 6
    assert page["data"] == everything["data"][3:6]
    assert (page["count"], page["limit"], page["offset"]) == (everything["count"], 3, 3)
    assert beyond["data"] == []
    assert beyond["count"] == everything["count"]


def test_search_with_an_unknown_type_lists_the_valid_types(client, expect_problem):
    body = expect_problem(client.get("/api/entities", params={"q": "示例", "type": "Company"}), 422)

    [error] = body["errors"]
    assert (error["location"], error["field"]) == ("query", "type")
    for name in load_vocabulary().entity_types:
        assert name in error["message"]


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"q": "示例", "limit": 0}, "limit"),
        ({"q": "示例", "limit": 201}, "limit"),
        ({"q": "示例", "offset": -1}, "offset"),
        ({"q": ""}, "q"),
        ({"q": "   "}, "q"),
        ({"type": "Committee", "limit": 201}, "limit"),
        ({"type": "Committee", "offset": -1}, "offset"),
    ],
)
def test_search_refuses_bad_parameters(client, expect_problem, params, field):
    body = expect_problem(client.get("/api/entities", params=params), 422)

    assert [error["field"] for error in body["errors"]] == [field]
    assert field in body["detail"]


def _by_name(documents: list[DocumentFacts], type_: str | None = None) -> list[str]:
    """Entity ids of `type_` (all without one) in name order, then id, as a listing gives them."""
    named = {(f.name, f.key) for facts in documents for f in facts.entities if type_ in (None, f.type)}
    return [key for _, key in sorted(named)]


def test_without_a_search_word_entities_are_listed_by_type(client, documents):
    body = client.get("/api/entities", params={"type": "Committee", "limit": 200}).json()

    expected = _by_name(documents, "Committee")
    assert [entity["id"] for entity in body["data"]] == expected
    assert (body["count"], body["limit"], body["offset"]) == (len(expected), 200, 0)


def test_a_listing_by_type_pages_with_its_whole_count(client, documents):
    expected = _by_name(documents, "Committee")
    page = client.get("/api/entities", params={"type": "Committee", "limit": 2, "offset": 1}).json()
    beyond = client.get("/api/entities", params={"type": "Committee", "offset": len(expected)}).json()

    assert len(expected) > 3
    assert [entity["id"] for entity in page["data"]] == expected[1:3]
    assert page["count"] == beyond["count"] == len(expected)
    assert beyond["data"] == []


def test_without_a_search_word_or_type_every_entity_is_listed(client, documents):
    body = client.get("/api/entities", params={"limit": 200}).json()

    assert [entity["id"] for entity in body["data"]] == _by_name(documents)
    assert body["count"] == len(_by_name(documents))


def test_listing_by_type_answers_alike_on_every_store(loaded_any_store, documents):
    client = TestClient(create_app(loaded_any_store))
    body = client.get("/api/entities", params={"type": "Enterprise", "limit": 2, "offset": 1}).json()

    expected = _by_name(documents, "Enterprise")
    assert [entity["id"] for entity in body["data"]] == expected[1:3]
    assert body["count"] == len(expected)


def test_entity_has_its_names_and_documents_from_every_load(client, documents):
    response = client.get(f"/api/entities/{PARK_ID}")

    assert response.status_code == 200
    entity = response.json()
    assert (entity["type"], entity["name"]) == ("Park", PARK)
    assert set(entity["aliases"]) == _names_by_key(documents)[PARK_ID] - {PARK}
    mentioning = {facts.document.id for facts in documents if any(e.key == PARK_ID for e in facts.entities)}
    assert set(entity["documents"]) == mentioning


def test_entity_carries_its_joint_label(client):
    entity = client.get(f"/api/entities/{JOINT_ID}").json()

    assert entity["labels"] == ["Branch", "JointBranch"]


def test_unknown_entity_is_a_404_problem(client, expect_problem):
    body = expect_problem(client.get("/api/entities/park-000000000000"), 404)

    assert "park-000000000000" in body["detail"]


def test_neighbours_are_both_directions_by_default(client):
    body = client.get(f"/api/entities/{PARK_COMMITTEE_ID}/neighbours", params={"limit": 200}).json()

    ways = {(n["direction"], n["relation"]["type"], n["entity"]["id"]) for n in body["data"]}
    assert ("out", "PARTY_ORG_OF", PARK_ID) in ways
    assert ("in", "SUBORDINATE_TO", JOINT_ID) in ways
    assert body["count"] == len(body["data"])


def test_neighbours_filter_by_relation_type_and_direction(client):
    params = {"type": ["COVERS"], "direction": "out"}
    body = client.get(f"/api/entities/{JOINT_ID}/neighbours", params=params).json()

    assert {n["entity"]["name"] for n in body["data"]} == {TECH_COMPANY, MAKER_COMPANY}
    for neighbour in body["data"]:
        assert neighbour["direction"] == "out"
        assert neighbour["relation"]["type"] == "COVERS"
        assert neighbour["relation"]["head"] == JOINT_ID
        assert neighbour["relation"]["evidence"]


def test_neighbours_take_several_relation_types(client):
    params = {"type": ["COVERS", "SUBORDINATE_TO"], "direction": "out"}
    body = client.get(f"/api/entities/{JOINT_ID}/neighbours", params=params).json()

    assert {n["entity"]["name"] for n in body["data"]} == {TECH_COMPANY, MAKER_COMPANY, PARK_COMMITTEE}


def test_neighbours_in_direction_only(client):
    body = client.get(f"/api/entities/{PARK_ID}/neighbours", params={"direction": "in"}).json()

    assert body["data"]
    assert {n["direction"] for n in body["data"]} == {"in"}
    assert {n["relation"]["tail"] for n in body["data"]} == {PARK_ID}


def test_neighbours_page(client):
    everything = client.get(f"/api/entities/{PARK_COMMITTEE_ID}/neighbours", params={"limit": 200}).json()
    page = client.get(
        f"/api/entities/{PARK_COMMITTEE_ID}/neighbours", params={"limit": 2, "offset": 1}
    ).json()

    assert page["data"] == everything["data"][1:3]
    assert page["count"] == everything["count"] > 3


@pytest.mark.parametrize(
    ("params", "field"),
    [({"type": ["COVERS", "OWNS"]}, "type[1]"), ({"direction": "up"}, "direction"), ({"limit": 0}, "limit")],
)
def test_neighbours_refuse_bad_parameters(client, expect_problem, params, field):
    body = expect_problem(client.get(f"/api/entities/{JOINT_ID}/neighbours", params=params), 422)

    assert [error["field"] for error in body["errors"]] == [field]


def test_bad_relation_type_message_lists_the_valid_ones(client, expect_problem):
    response = client.get(f"/api/entities/{JOINT_ID}/neighbours", params={"type": "OWNS"})

    [error] = expect_problem(response, 422)["errors"]
    for name in load_vocabulary().relation_types:
        assert name in error["message"]


def test_neighbours_of_unknown_entity_is_a_404_problem(client: TestClient, expect_problem):
    expect_problem(client.get("/api/entities/branch-000000000000/neighbours"), 404)


def test_an_entity_comes_with_its_documents_posts_and_relation_counts(
    client: TestClient, documents: list[DocumentFacts]
) -> None:
    detail = client.get(f"/api/entities/{PARK_COMMITTEE_ID}").json()
    mentioning = [
        facts.document for facts in documents if any(f.key == PARK_COMMITTEE_ID for f in facts.entities)
    ]
    assert [source["source"] for source in detail["sources"]] == [info.source for info in mentioning]
    assert {(post["holder"]["name"], post["title"]) for post in detail["posts"]} == {
        (SECRETARY, "书记"),
        (SECRETARY, "党委委员"),
    }
    assert all(post["organization"]["id"] == PARK_COMMITTEE_ID for post in detail["posts"])
    assert detail["relation_counts"]["HOLDS_POST"] == 2
    person = client.get(f"/api/entities/{entity_key('Person', SECRETARY)}").json()
    assert {post["organization"]["name"] for post in person["posts"]} >= {PARK_COMMITTEE}
