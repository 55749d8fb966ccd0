"""`/api/paths`: how two entities are connected."""

from __future__ import annotations

from itertools import pairwise

import pytest
from factbuilder import PARK, PARK_COMMITTEE, REGION, SECRETARY, FactBuilder

from parkgraph.graph.keys import entity_key

PARK_ID = entity_key("Park", PARK)
PARK_COMMITTEE_ID = entity_key("Committee", PARK_COMMITTEE)
REGION_ID = entity_key("Region", REGION)
SECRETARY_ID = entity_key("Person", SECRETARY)
ISLAND = "庚辛商会"


def _assert_connected(path: dict, source: str, target: str) -> None:
    """Entities run from source to target, each relation joining its two neighbours in either direction."""
    ids = [entity["id"] for entity in path["entities"]]
    assert (ids[0], ids[-1]) == (source, target)
    assert len(path["relations"]) == len(ids) - 1
    for relation, (here, there) in zip(path["relations"], pairwise(ids), strict=True):
        assert {relation["head"], relation["tail"]} == {here, there}


def test_one_relation_apart(client):
    response = client.get("/api/paths", params={"source": PARK_ID, "target": REGION_ID})

    assert response.status_code == 200
    path = response.json()["path"]
    _assert_connected(path, PARK_ID, REGION_ID)
    assert [relation["type"] for relation in path["relations"]] == ["LOCATED_IN"]


def test_path_ignores_direction(client):
    path = client.get("/api/paths", params={"source": SECRETARY_ID, "target": PARK_ID}).json()["path"]

    _assert_connected(path, SECRETARY_ID, PARK_ID)
    assert [entity["name"] for entity in path["entities"]] == [SECRETARY, PARK_COMMITTEE, PARK]


def test_no_path_within_max_length_is_null(client):
    params = {"source": SECRETARY_ID, "target": PARK_ID, "max_length": 1}
    response = client.get("/api/paths", params=params)

    assert response.status_code == 200
    assert response.json() == {"path": None}


def test_relation_types_restrict_the_walk(client):
    only_posts = {"source": SECRETARY_ID, "target": PARK_ID, "type": ["HOLDS_POST"]}
    posts_and_party = {**only_posts, "type": ["HOLDS_POST", "PARTY_ORG_OF"]}

    assert client.get("/api/paths", params=only_posts).json() == {"path": None}
    _assert_connected(client.get("/api/paths", params=posts_and_party).json()["path"], SECRETARY_ID, PARK_ID)


def test_unconnected_entities_have_no_path(client, loaded_store):
    island = FactBuilder("doc-island")
    island.entity("Organization", ISLAND)
    loaded_store.load(island.build())

    params = {"source": PARK_ID, "target": entity_key("Organization", ISLAND), "max_length": 10}
    response = client.get("/api/paths", params=params)

    assert response.status_code == 200
    assert response.json() == {"path": None}


@pytest.mark.parametrize("unknown", ["source", "target"])
def test_unknown_end_is_a_404_problem(client, expect_problem, unknown):
    params = {"source": PARK_ID, "target": REGION_ID, unknown: "region-000000000000"}

    body = expect_problem(client.get("/api/paths", params=params), 404)

    assert "region-000000000000" in body["detail"]


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"source": PARK_ID}, "target"),
        ({"source": PARK_ID, "target": REGION_ID, "max_length": 0}, "max_length"),
        ({"source": PARK_ID, "target": REGION_ID, "max_length": 11}, "max_length"),
        ({"source": PARK_ID, "target": REGION_ID, "type": ["BORDERS"]}, "type[0]"),
    ],
)
def test_bad_parameters_are_a_422_problem(client, expect_problem, params, field):
    body = expect_problem(client.get("/api/paths", params=params), 422)

    assert [error["field"] for error in body["errors"]] == [field]
