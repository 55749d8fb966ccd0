"""`/api/organizations`: enterprises under an organization, the hierarchy above it, the subtree below."""

from __future__ import annotations

import pytest
from factbuilder import (
    COMPANY_BRANCH,
    DISTRICT_COMMITTEE,
    ELECTRONICS_COMPANY,
    INDUSTRY_COMMITTEE,
    JOINT_BRANCH,
    MAKER_COMPANY,
    PARK_COMMITTEE,
    TECH_COMPANY,
)

from parkgraph.graph.keys import entity_key

DISTRICT_ID = entity_key("Committee", DISTRICT_COMMITTEE)
PARK_COMMITTEE_ID = entity_key("Committee", PARK_COMMITTEE)
JOINT_ID = entity_key("Branch", JOINT_BRANCH)


def _names(page: dict) -> set[str]:
    return {reach["entity"]["name"] for reach in page["data"]}


def _assert_paths_lead_from(start: str, page: dict) -> None:
    """Each reach's relations chain from `start` to the entity reached, one per level of depth."""
    for reach in page["data"]:
        assert len(reach["path"]) == reach["depth"]
        at = start
        for relation in reach["path"]:
            assert at in (relation["head"], relation["tail"])
            at = relation["tail"] if relation["head"] == at else relation["head"]
        assert at == reach["entity"]["id"]


@pytest.mark.parametrize(
    ("organization", "enterprises"),
    [
        (JOINT_ID, {TECH_COMPANY, MAKER_COMPANY}),
        (PARK_COMMITTEE_ID, {TECH_COMPANY, MAKER_COMPANY, ELECTRONICS_COMPANY}),
        (DISTRICT_ID, {TECH_COMPANY, MAKER_COMPANY, ELECTRONICS_COMPANY}),
    ],
)
def test_enterprises_under_an_organization(client, organization, enterprises):
    response = client.get(f"/api/organizations/{organization}/enterprises")

    assert response.status_code == 200
    page = response.json()
    assert _names(page) == enterprises
    assert page["count"] == len(enterprises)
    assert {reach["entity"]["type"] for reach in page["data"]} == {"Enterprise"}
    _assert_paths_lead_from(organization, page)


def test_enterprises_page(client):
    everything = client.get(f"/api/organizations/{PARK_COMMITTEE_ID}/enterprises").json()
    page = client.get(f"/api/organizations/{PARK_COMMITTEE_ID}/enterprises?limit=1&offset=2").json()

    assert page["data"] == everything["data"][2:3]
    assert (page["count"], page["limit"], page["offset"]) == (3, 1, 2)


def test_hierarchy_above_a_branch_is_nearest_first(client):
    page = client.get(f"/api/organizations/{JOINT_ID}/hierarchy").json()

    assert [(reach["entity"]["name"], reach["depth"]) for reach in page["data"]] == [
        (PARK_COMMITTEE, 1),
        (DISTRICT_COMMITTEE, 2),
    ]
    assert page["count"] == 2
    _assert_paths_lead_from(JOINT_ID, page)


def test_hierarchy_of_the_top_is_empty(client):
    page = client.get(f"/api/organizations/{DISTRICT_ID}/hierarchy").json()

    assert (page["data"], page["count"]) == ([], 0)


def test_subtree_is_cut_at_the_depth_asked(client):
    shallow = client.get(f"/api/organizations/{PARK_COMMITTEE_ID}/subtree", params={"depth": 1}).json()
    deep = client.get(f"/api/organizations/{PARK_COMMITTEE_ID}/subtree", params={"limit": 200}).json()

    assert _names(shallow) == {JOINT_BRANCH, INDUSTRY_COMMITTEE}
    assert _names(deep) == {JOINT_BRANCH, INDUSTRY_COMMITTEE, TECH_COMPANY, MAKER_COMPANY, COMPANY_BRANCH}
    assert max(reach["depth"] for reach in shallow["data"]) == 1
    _assert_paths_lead_from(PARK_COMMITTEE_ID, deep)


@pytest.mark.parametrize("query", ["enterprises", "hierarchy", "subtree"])
def test_unknown_organization_is_a_404_problem(client, expect_problem, query):
    body = expect_problem(client.get(f"/api/organizations/committee-000000000000/{query}"), 404)

    assert "committee-000000000000" in body["detail"]


@pytest.mark.parametrize("params", [{"depth": 0}, {"depth": 11}, {"depth": "deep"}])
def test_subtree_refuses_a_bad_depth(client, expect_problem, params):
    body = expect_problem(client.get(f"/api/organizations/{PARK_COMMITTEE_ID}/subtree", params=params), 422)

    assert [error["field"] for error in body["errors"]] == ["depth"]


@pytest.mark.parametrize("query", ["enterprises", "hierarchy", "subtree"])
def test_organization_lists_refuse_a_bad_limit(client, expect_problem, query):
    response = client.get(f"/api/organizations/{JOINT_ID}/{query}", params={"limit": 0})

    assert [error["field"] for error in expect_problem(response, 422)["errors"]] == ["limit"]


def test_a_confidence_floor_drops_weakly_supported_enterprises(client, expect_problem) -> None:
    everything = client.get(f"/api/organizations/{JOINT_ID}/enterprises").json()
    confident = client.get(
        f"/api/organizations/{JOINT_ID}/enterprises", params={"min_confidence": 0.6}
    ).json()
    assert _names(everything) == {TECH_COMPANY, MAKER_COMPANY}
    assert _names(confident) == {TECH_COMPANY}
    expect_problem(
        client.get(f"/api/organizations/{JOINT_ID}/enterprises", params={"min_confidence": 2}), 422
    )


@pytest.mark.parametrize("walk", ["enterprises", "hierarchy", "subtree"])
def test_a_page_without_evidence_keeps_confidence_and_the_whole_count(client, walk):
    start = {"enterprises": DISTRICT_ID, "hierarchy": entity_key("Branch", COMPANY_BRANCH)}.get(
        walk, DISTRICT_ID
    )
    whole = client.get(f"/api/organizations/{start}/{walk}", params={"limit": 200}).json()
    page = client.get(
        f"/api/organizations/{start}/{walk}", params={"limit": 1, "offset": 1, "evidence": "false"}
    ).json()
    assert whole["count"] >= 2 and page["count"] == whole["count"]
    [reach] = page["data"]
    expected = whole["data"][1]
    assert reach["entity"] == expected["entity"]
    assert [r["confidence"] for r in reach["path"]] == [r["confidence"] for r in expected["path"]]
    assert all(r["evidence"] == [] for r in reach["path"])
    assert all(r["evidence"] for r in expected["path"])
    one = client.get(f"/api/relations/{reach['path'][0]['id']}").json()
    assert one["evidence"] == expected["path"][0]["evidence"]
