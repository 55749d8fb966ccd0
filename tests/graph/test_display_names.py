"""Short display names: what Neo4j Browser captions show, so that entities of one park stay apart."""

from __future__ import annotations

import pytest

from parkgraph.graph.model import Entity
from parkgraph.graph.naming import DISPLAY_LENGTH, display_name

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
