"""Suggested merges: pairs an analyst would call one unit come first; lists' siblings, a unit's own
bodies and units of different places never come at all."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from factbuilder import FactBuilder

from parkgraph.graph.embedded import EmbeddedStore
from parkgraph.graph.keys import entity_key
from parkgraph.loaders.duplicates import Suggestion, suggest_merges


def _article() -> FactBuilder:
    doc = FactBuilder("doc-a")
    for type_, name in [
        ("Enterprise", "示例县小孟农产品种植专业合作社"),
        ("Enterprise", "示例县小孟村合作社"),
        ("Park", "临川松河科技城园区"),
        ("Park", "松河园区"),
        ("Branch", "富川中心T2楼宇党支部"),
        ("Branch", "富川中心T3楼宇党支部"),
        ("Committee", "江口镇党委"),
        ("Committee", "江口镇产业链党委"),
        ("Committee", "江口区委"),
        ("Committee", "江口区工业园区党委"),
        ("Organization", "伞业行业协会"),
        ("Organization", "袜业行业协会"),
    ]:
        doc.entity(type_, name)
    return doc


def _pairs(suggestions: list[Suggestion]) -> list[frozenset[str]]:
    return [frozenset((s.keep.name, s.other.name)) for s in suggestions]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[EmbeddedStore]:
    graph = EmbeddedStore(tmp_path / "graph.db")
    graph.load(_article().build())
    yield graph
    graph.close()


def test_one_unit_read_two_ways_is_suggested_with_its_evidence(store: EmbeddedStore) -> None:
    found = suggest_merges(store)
    assert set(_pairs(found)) == {
        frozenset(("示例县小孟农产品种植专业合作社", "示例县小孟村合作社")),
        frozenset(("临川松河科技城园区", "松河园区")),
    }
    park = next(s for s in found if s.keep.type == "Park")
    assert park.keep.name == "临川松河科技城园区"
    assert any("doc-a.txt" in line for line in park.evidence)


def test_a_rejected_pair_is_not_suggested_again(store: EmbeddedStore) -> None:
    rejected = {frozenset((entity_key("Park", "临川松河科技城园区"), entity_key("Park", "松河园区")))}
    assert _pairs(suggest_merges(store, rejected=rejected)) == [
        frozenset(("示例县小孟农产品种植专业合作社", "示例县小孟村合作社"))
    ]


def test_units_placed_in_different_regions_are_never_suggested(tmp_path: Path) -> None:
    graph = EmbeddedStore(tmp_path / "graph.db")
    first = FactBuilder("doc-first")
    first.entity("Park", "成都市星河产业园区")
    second = FactBuilder("doc-second")
    park = second.entity("Park", "星河产业园区")
    second.relation("LOCATED_IN", park, second.entity("Region", "武汉市"))
    graph.load(first.build())
    graph.load(second.build())
    assert suggest_merges(graph) == []
    graph.close()


def test_a_pair_read_from_one_document_ranks_above_one_from_two(tmp_path: Path) -> None:
    graph = EmbeddedStore(tmp_path / "graph.db")
    together = FactBuilder("doc-together")
    together.entity("Park", "临川星河科技城园区")
    together.entity("Park", "星河园区")
    apart = FactBuilder("doc-apart")
    apart.entity("Park", "南湖北岸科技城园区")
    graph.load(together.build())
    graph.load(apart.build())
    later = FactBuilder("doc-later")
    later.entity("Park", "北岸园区")
    graph.load(later.build())
    assert _pairs(suggest_merges(graph)) == [
        frozenset(("临川星河科技城园区", "星河园区")),
        frozenset(("南湖北岸科技城园区", "北岸园区")),
    ]
    graph.close()


def test_a_longer_spelling_may_add_its_place_or_kind_words_but_a_part_is_not_the_unit(tmp_path: Path) -> None:
    graph = EmbeddedStore(tmp_path / "graph.db")
    doc = FactBuilder("doc-names")
    for type_, name in [
        ("Enterprise", "成都彩虹电器集团公司"),
        ("Enterprise", "彩虹电器集团"),
        ("Enterprise", "奇瑞汽车"),
        ("Enterprise", "奇瑞汽车大连分公司"),
        ("Committee", "阜康市委"),
        ("Committee", "阜康市委两新工委"),
        ("Park", "内蒙古通辽经济技术开发区"),
        ("Park", "通辽经济技术开发区"),
    ]:
        doc.entity(type_, name)
    graph.load(doc.build())
    assert set(_pairs(suggest_merges(graph))) == {
        frozenset(("成都彩虹电器集团公司", "彩虹电器集团")),
        frozenset(("内蒙古通辽经济技术开发区", "通辽经济技术开发区")),
    }
    graph.close()
