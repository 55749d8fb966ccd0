"""`/api/organizations/{id}/posts`, `/api/entities/{id}/posts` and `/places`, on every store kind."""

from __future__ import annotations

import pytest
from factbuilder import (
    COMPANY_BRANCH,
    DISTRICT_COMMITTEE,
    ELECTRONICS_COMPANY,
    JOINT_BRANCH,
    PARK,
    PARK_COMMITTEE,
    REGION,
    SECRETARY,
    TECH_COMPANY,
    FactBuilder,
)
from fastapi.testclient import TestClient

from parkgraph.api.main import create_app
from parkgraph.graph.facts import DocumentFacts
from parkgraph.graph.keys import entity_key
from parkgraph.graph.store import Store

PARK_COMMITTEE_ID = entity_key("Committee", PARK_COMMITTEE)
COMPANY_BRANCH_ID = entity_key("Branch", COMPANY_BRANCH)
SECRETARY_ID = entity_key("Person", SECRETARY)
PLACE_TYPES = {"Park", "Region"}


def sites_report() -> DocumentFacts:
    """A third document: the electronics company lies in the park, weakly attested; the park in a zone."""
    doc = FactBuilder("doc-sites", title="示例工业园区企业分布")
    company = doc.entity("Enterprise", ELECTRONICS_COMPANY)
    branch = doc.entity("Branch", COMPANY_BRANCH)
    park = doc.entity("Park", PARK)
    zone = doc.entity("Park", "示例高新技术产业开发区")
    doc.relation("PARTY_ORG_OF", branch, company, confidence=0.7)
    doc.relation("LOCATED_IN", company, park, confidence=0.3)
    doc.relation("PART_OF", park, zone, confidence=0.8)
    return doc.build()


@pytest.fixture
def client(loaded_any_store: Store) -> TestClient:
    loaded_any_store.load(sites_report())
    return TestClient(create_app(loaded_any_store))


def _walk(start: str, reach: dict) -> None:
    """Each reach's relations lead out, head to tail, from `start` to the place reached."""
    at = start
    for relation in reach["path"]:
        assert relation["head"] == at
        at = relation["tail"]
    assert at == reach["entity"]["id"]
    assert len(reach["path"]) == reach["depth"]


def test_posts_are_the_people_holding_posts_in_it_with_titles_and_evidence(client, documents):
    response = client.get(f"/api/organizations/{PARK_COMMITTEE_ID}/posts")

    assert response.status_code == 200
    page = response.json()
    expected = {
        (names[fact.head], fact.attributes["title"])
        for facts in documents
        for names in [{entity.id: entity.name for entity in facts.entities}]
        for fact in facts.relations
        if fact.type == "HOLDS_POST" and names[fact.tail] == PARK_COMMITTEE
    }
    assert len(expected) == 2
    assert page["count"] == 2
    assert {(post["person"]["name"], post["title"]) for post in page["data"]} == expected
    for post in page["data"]:
        relation = post["relation"]
        assert (relation["type"], relation["head"], relation["tail"]) == (
            "HOLDS_POST",
            SECRETARY_ID,
            PARK_COMMITTEE_ID,
        )
        assert relation["attributes"]["title"] == post["title"]
        assert relation["evidence"] and all(post["title"] in item["text"] for item in relation["evidence"])


def test_posts_of_an_enterprise_and_of_a_body_without_posts(client):
    tech = client.get(f"/api/organizations/{entity_key('Enterprise', TECH_COMPANY)}/posts").json()
    joint = client.get(f"/api/organizations/{entity_key('Branch', JOINT_BRANCH)}/posts").json()

    assert [(post["person"]["name"], post["title"]) for post in tech["data"]] == [(SECRETARY, "董事长")]
    assert (joint["data"], joint["count"]) == ([], 0)


def test_posts_page_and_unknown_organization(client, expect_problem):
    page = client.get(
        f"/api/organizations/{PARK_COMMITTEE_ID}/posts", params={"limit": 1, "offset": 1}
    ).json()

    assert (len(page["data"]), page["count"], page["offset"]) == (1, 2, 1)
    body = expect_problem(client.get("/api/organizations/committee-000000000000/posts"), 404)
    assert "committee-000000000000" in body["detail"]


def _posts_stated(documents: list[DocumentFacts], name: str) -> set[tuple[str, str, str]]:
    """(holder, title, organization) of every HOLDS_POST the documents state at the entity called `name`."""
    return {
        (names[fact.head], fact.attributes["title"], names[fact.tail])
        for facts in documents
        for names in [{entity.id: entity.name for entity in facts.entities}]
        for fact in facts.relations
        if fact.type == "HOLDS_POST" and name in (names[fact.head], names[fact.tail])
    }


def _posts_listed(page: dict) -> set[tuple[str, str, str]]:
    return {(post["holder"]["name"], post["title"], post["organization"]["name"]) for post in page["data"]}


def test_the_posts_of_a_person_are_the_titles_held_and_where(client, documents):
    page = client.get(f"/api/entities/{SECRETARY_ID}/posts").json()

    expected = _posts_stated(documents, SECRETARY)
    assert len(expected) == 3
    assert page["count"] == len(expected)
    assert _posts_listed(page) == expected
    for post in page["data"]:
        assert post["relation"]["head"] == SECRETARY_ID
        assert post["relation"]["evidence"][0]["source"]


def test_the_posts_of_an_organization_are_who_holds_which_title(client, documents):
    page = client.get(f"/api/entities/{PARK_COMMITTEE_ID}/posts").json()

    assert _posts_listed(page) == _posts_stated(documents, PARK_COMMITTEE)
    assert {post["organization"]["id"] for post in page["data"]} == {PARK_COMMITTEE_ID}


def test_the_posts_of_an_entity_page_and_refuse_an_unknown_id(client, expect_problem):
    whole = client.get(f"/api/entities/{SECRETARY_ID}/posts").json()
    page = client.get(f"/api/entities/{SECRETARY_ID}/posts", params={"limit": 1, "offset": 2}).json()

    assert (page["data"], page["count"]) == (whole["data"][2:], whole["count"])
    body = expect_problem(client.get("/api/entities/person-000000000000/posts"), 404)
    assert "person-000000000000" in body["detail"]


def test_places_of_a_committee_are_its_park_then_what_the_park_lies_in(client):
    response = client.get(f"/api/entities/{PARK_COMMITTEE_ID}/places")

    assert response.status_code == 200
    page = response.json()
    assert [(reach["entity"]["name"], reach["depth"]) for reach in page["data"]] == [
        (PARK, 1),
        (REGION, 2),
        ("示例高新技术产业开发区", 2),
    ]
    for reach in page["data"]:
        _walk(PARK_COMMITTEE_ID, reach)


def test_places_are_reached_through_entities_that_are_no_place(client):
    page = client.get(f"/api/entities/{COMPANY_BRANCH_ID}/places").json()

    assert [reach["entity"]["name"] for reach in page["data"]] == [PARK, REGION, "示例高新技术产业开发区"]
    assert [reach["path"][0]["type"] for reach in page["data"]] == ["PARTY_ORG_OF"] * 3
    assert {reach["entity"]["type"] for reach in page["data"]} <= PLACE_TYPES
    for reach in page["data"]:
        _walk(COMPANY_BRANCH_ID, reach)


def test_a_confidence_floor_cuts_the_weak_link(client):
    page = client.get(f"/api/entities/{COMPANY_BRANCH_ID}/places", params={"min_confidence": 0.5}).json()

    assert (page["data"], page["count"]) == ([], 0)


@pytest.mark.parametrize(
    "entity_id",
    [SECRETARY_ID, entity_key("Committee", DISTRICT_COMMITTEE), entity_key("Region", REGION)],
)
def test_entities_that_belong_to_no_place(client, entity_id):
    page = client.get(f"/api/entities/{entity_id}/places").json()

    assert (page["data"], page["count"]) == ([], 0)


def test_places_of_an_unknown_entity_is_a_404_problem(client, expect_problem):
    body = expect_problem(client.get("/api/entities/park-000000000000/places"), 404)

    assert "park-000000000000" in body["detail"]
