"""Short display names: what Neo4j Browser captions show, so that entities of one park stay apart;
the rule on invented names, and Neo4j keeping each node's `display` in step with its name."""

from __future__ import annotations

import pytest
from factbuilder import park_documents
from neo4j import Driver

from parkgraph.config import Settings
from parkgraph.graph.model import Entity
from parkgraph.graph.naming import DISPLAY_LENGTH, display_name
from parkgraph.graph.neo4j_store import Neo4jStore

SHARED_PREFIX = [
    "甲乙经济技术开发区",
    "甲乙经济技术开发区党工委",
    "甲乙经济技术开发区非建制联合党工委",
    "甲乙经济技术开发区党员活动中心",
    "甲乙经济技术开发区第一联合党支部",
    "甲乙经济技术开发区第二联合党支部",
]


def test_names_sharing_a_long_prefix_get_different_short_names() -> None:
    shown = [display_name(name) for name in SHARED_PREFIX]

    assert len(set(shown)) == len(shown), shown
    assert all(len(item) <= DISPLAY_LENGTH + 1 for item in shown), shown


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("丙丁县委", "丙丁县委"),  # short names stay as they are
        ("甲乙经济技术开发区", "甲乙经开区"),  # customary abbreviation
        ("戊己高新技术产业开发区党工委", "戊己高新区党工委"),
        ("甲乙经济技术开发区非建制联合党工委", "非建制联合党工委"),  # the shared place goes
        ("甲乙市丙丁区戊己街道第三联合党支部", "第三联合党支部"),  # every leading place goes
        ("庚辛科技有限公司", "庚辛科技公司"),
    ],
)
def test_display_names(name: str, expected: str) -> None:
    assert display_name(name) == expected


def test_a_bare_organization_word_is_not_left_alone() -> None:
    """Dropping the place of 甲乙科创园联合党支部 would leave 联合党支部, which every joint branch is."""
    assert display_name("甲乙科创园联合党支部") == "甲乙…联合党支部"
    assert display_name("丙丁科创园联合党支部") == "丙丁…联合党支部"


def test_a_place_word_is_not_cut_in_two() -> None:
    """农业园区 is one place word: cutting after 农业园 would leave 区党总支."""
    assert display_name("甲乙现代农业园区党总支") == "甲乙现代…党总支"


def test_a_long_name_keeps_its_opening_and_its_organization_word() -> None:
    assert display_name("甲乙丙丁戊己庚辛环保催化剂有限责任公司党总支") == "甲乙丙丁…党总支"


def test_entities_carry_their_display_name() -> None:
    entity = Entity(id="e1", type="Committee", labels=["Committee"], name="甲乙经济技术开发区党工委")

    assert entity.display == "甲乙经开区党工委"
    assert entity.model_dump()["display"] == "甲乙经开区党工委"


def _displays(driver: Driver, settings: Settings) -> list[tuple[str, str | None]]:
    records, _, _ = driver.execute_query(
        "MATCH (n:Entity) RETURN n.name AS name, n.display AS display", database_=settings.neo4j_database
    )
    return [(row["name"], row["display"]) for row in records]


def test_neo4j_keeps_each_entity_s_display_name_with_its_name(
    empty_neo4j: Driver, neo4j_settings: Settings
) -> None:
    store = Neo4jStore(empty_neo4j, neo4j_settings.neo4j_database)
    first, *rest = park_documents()
    for facts in (first, *rest):
        store.load(facts)
    store.retract(first.document.id)

    held = _displays(empty_neo4j, neo4j_settings)
    assert held and all(display == display_name(name) for name, display in held), held


def test_neo4j_entities_written_before_display_names_get_one(
    empty_neo4j: Driver, neo4j_settings: Settings
) -> None:
    for facts in park_documents():
        Neo4jStore(empty_neo4j, neo4j_settings.neo4j_database).load(facts)
    empty_neo4j.execute_query("MATCH (n:Entity) REMOVE n.display", database_=neo4j_settings.neo4j_database)

    Neo4jStore(empty_neo4j, neo4j_settings.neo4j_database).counts()

    held = _displays(empty_neo4j, neo4j_settings)
    assert held and all(display == display_name(name) for name, display in held), held
