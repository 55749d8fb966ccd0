"""`/api/entities/{id}/orgchart`: the units below an organization as a tree, the enterprises under each.

What each test expects is worked out from the example world's facts, on every store kind.
"""

from __future__ import annotations

from collections import defaultdict

import pytest
from factbuilder import (
    DISTRICT_COMMITTEE,
    INDUSTRY_COMMITTEE,
    JOINT_BRANCH,
    MAKER_COMPANY,
    PARK_COMMITTEE,
    TECH_COMPANY,
)
from fastapi.testclient import TestClient

from parkgraph.api import orgchart
from parkgraph.api.main import create_app
from parkgraph.graph.facts import DocumentFacts
from parkgraph.graph.keys import entity_key
from parkgraph.graph.store import Store

DISTRICT_ID = entity_key("Committee", DISTRICT_COMMITTEE)
PARK_COMMITTEE_ID = entity_key("Committee", PARK_COMMITTEE)
JOINT_ID = entity_key("Branch", JOINT_BRANCH)


class Said:
    """The example world's relations by entity names: (type, head, tail) with their best confidence."""

    def __init__(self, documents: list[DocumentFacts]) -> None:
        self.types: dict[str, str] = {}
        self.best: dict[tuple[str, str, str], float] = defaultdict(float)
        for facts in documents:
            names = {entity.id: entity.name for entity in facts.entities}
            self.types.update({entity.name: entity.type for entity in facts.entities})
            for fact in facts.relations:
                key = (fact.type, names[fact.head], names[fact.tail])
                self.best[key] = max(self.best[key], fact.confidence)

    def chart(self, top: str, depth: int, floor: float = 0.0) -> dict[str, tuple[str | None, set[str]]]:
        """Each unit below `top` within `depth` (by name): the unit above it, and its enterprises.

        In the example world each unit has one unit above it, so no tie needs breaking."""
        relations = [key for key, confidence in self.best.items() if confidence >= floor]
        above: dict[str, str | None] = {top: None}
        level = [top]
        for _ in range(depth):
            following = []
            for type_, head, tail in relations:
                if type_ in ("SUBORDINATE_TO", "PART_OF") and tail in level:
                    unit, below = tail, head
                elif type_ == "COVERS" and head in level:
                    unit, below = head, tail
                else:
                    continue
                if below not in above and self.types[below] != "Enterprise":
                    above[below] = unit
                    following.append(below)
            level = following
        return {unit: (parent, self.enterprises_of(unit, relations)) for unit, parent in above.items()}

    def enterprises_of(self, unit: str, relations: list[tuple[str, str, str]]) -> set[str]:
        return {
            tail
            for type_, head, tail in relations
            if type_ in ("COVERS", "PARTY_ORG_OF") and head == unit and self.types[tail] == "Enterprise"
        }


@pytest.fixture
def said(documents: list[DocumentFacts]) -> Said:
    return Said(documents)


@pytest.fixture
def client(loaded_any_store: Store) -> TestClient:
    return TestClient(create_app(loaded_any_store))


def _drawn(chart: dict) -> dict[str, tuple[str | None, set[str]]]:
    """The chart by names: each unit's parent and enterprises."""
    names = {unit["entity"]["id"]: unit["entity"]["name"] for unit in chart["units"]}
    return {
        unit["entity"]["name"]: (
            names[unit["parent"]] if unit["parent"] else None,
            {taken["entity"]["name"] for taken in unit["enterprises"]},
        )
        for unit in chart["units"]
    }


def _check_tree(chart: dict, root: str) -> None:
    """The top comes first; every other unit comes after its parent, one level below it."""
    units = chart["units"]
    assert units[0]["entity"]["id"] == root
    assert (units[0]["parent"], units[0]["depth"]) == (None, 0)
    placed = {root: 0}
    for unit in units[1:]:
        assert unit["parent"] in placed, "a parent is placed before its units"
        assert unit["depth"] == placed[unit["parent"]] + 1
        assert unit["type"] in ("SUBORDINATE_TO", "PART_OF", "COVERS")
        placed[unit["entity"]["id"]] = unit["depth"]


@pytest.mark.parametrize(
    ("top", "top_id"), [(DISTRICT_COMMITTEE, DISTRICT_ID), (PARK_COMMITTEE, PARK_COMMITTEE_ID)]
)
def test_the_chart_is_the_tree_below_with_the_enterprises_under_each_unit(client, said, top, top_id):
    chart = client.get(f"/api/entities/{top_id}/orgchart", params={"depth": 10}).json()

    assert _drawn(chart) == said.chart(top, 10)
    _check_tree(chart, top_id)
    assert (chart["root"], chart["depth"], chart["truncated"]) == (top_id, 10, False)
    assert chart["unit_count"] == len(chart["units"])


def test_the_enterprises_in_the_chart_are_the_enterprises_under_the_top(client):
    chart = client.get(f"/api/entities/{DISTRICT_ID}/orgchart", params={"depth": 10}).json()
    under = client.get(f"/api/organizations/{DISTRICT_ID}/enterprises", params={"limit": 200}).json()

    drawn = {taken["entity"]["id"] for unit in chart["units"] for taken in unit["enterprises"]}
    assert drawn == {reach["entity"]["id"] for reach in under["data"]}


def test_an_enterprise_taken_in_by_two_units_is_under_both(client):
    chart = _drawn(client.get(f"/api/entities/{PARK_COMMITTEE_ID}/orgchart").json())

    assert TECH_COMPANY in chart[JOINT_BRANCH][1]
    assert TECH_COMPANY in chart[INDUSTRY_COMMITTEE][1]


def test_the_chart_is_cut_at_the_depth_asked(client, said):
    chart = client.get(f"/api/entities/{DISTRICT_ID}/orgchart", params={"depth": 1}).json()

    assert _drawn(chart) == said.chart(DISTRICT_COMMITTEE, 1)
    assert {unit["depth"] for unit in chart["units"]} == {0, 1}


def test_a_confidence_floor_drops_weak_relations(client, said):
    chart = client.get(f"/api/entities/{JOINT_ID}/orgchart", params={"min_confidence": 0.6}).json()

    assert _drawn(chart) == said.chart(JOINT_BRANCH, 3, 0.6)
    assert _drawn(chart)[JOINT_BRANCH][1] == {TECH_COMPANY}, "the weakly attested member is left out"


def test_large_charts_are_cut_and_say_so(client, monkeypatch):
    whole = client.get(f"/api/entities/{DISTRICT_ID}/orgchart", params={"depth": 10}).json()
    monkeypatch.setattr(orgchart, "MAX_UNITS", 3)
    monkeypatch.setattr(orgchart, "MAX_ENTERPRISES", 1)

    cut = client.get(f"/api/entities/{DISTRICT_ID}/orgchart", params={"depth": 10}).json()

    assert cut["truncated"] is True
    assert [unit["entity"]["id"] for unit in cut["units"]] == [
        unit["entity"]["id"] for unit in whole["units"][:3]
    ]
    assert cut["unit_count"] == len(whole["units"])
    _check_tree(cut, DISTRICT_ID)
    joint = next(unit for unit in whole["units"] if unit["entity"]["name"] == JOINT_BRANCH)
    assert {taken["entity"]["name"] for taken in joint["enterprises"]} == {TECH_COMPANY, MAKER_COMPANY}
    cut_joint = client.get(f"/api/entities/{JOINT_ID}/orgchart").json()["units"][0]
    assert (len(cut_joint["enterprises"]), cut_joint["enterprise_count"]) == (1, 2)


def test_unknown_entity_is_a_404_problem(client, expect_problem):
    body = expect_problem(client.get("/api/entities/committee-000000000000/orgchart"), 404)

    assert "committee-000000000000" in body["detail"]


@pytest.mark.parametrize("params", [{"depth": 0}, {"depth": 11}, {"min_confidence": 2}])
def test_bad_parameters_are_422_problems(client, expect_problem, params):
    body = expect_problem(client.get(f"/api/entities/{DISTRICT_ID}/orgchart", params=params), 422)

    assert [error["field"] for error in body["errors"]] == list(params)
