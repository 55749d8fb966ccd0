"""The walks themselves, on small hand-made graphs: shortest routes, cycles, limits, stable tie-breaks."""

from __future__ import annotations

import doctest
import random
from itertools import pairwise

import networkx as nx
import pytest

from parkgraph.graph import traversal
from parkgraph.graph.traversal import (
    enterprises_under,
    hierarchy_above,
    incident,
    shortest_path,
    subtree_below,
    type_filter,
)


def _graph(nodes: dict[str, str], edges: list[tuple[str, str, str, str]]) -> nx.MultiDiGraph:
    """Nodes as {id: type} (named after their id), edges as (head, tail, key, type)."""
    G = nx.MultiDiGraph()
    for node, type_ in nodes.items():
        G.add_node(node, type=type_, name=node)
    for head, tail, key, type_ in edges:
        G.add_edge(head, tail, key=key, type=type_)
    return G


def test_docstring_examples() -> None:
    result = doctest.testmod(traversal)
    assert result.attempted > 0
    assert result.failed == 0


def test_enterprises_under_takes_the_shortest_route() -> None:
    G = _graph(
        {"top": "Committee", "mid": "Committee", "low": "Branch", "firm": "Enterprise"},
        [
            ("mid", "top", "r1", "SUBORDINATE_TO"),
            ("low", "mid", "r2", "SUBORDINATE_TO"),
            ("low", "firm", "r3", "PARTY_ORG_OF"),
            ("mid", "firm", "r4", "COVERS"),
        ],
    )
    [found] = enterprises_under(G, "top")
    assert (found.node, found.depth) == ("firm", 2)
    assert [step.key for step in found.path] == ["r1", "r4"]


def test_enterprises_under_descends_through_part_of_but_not_other_relations() -> None:
    G = _graph(
        {
            "org": "Organization",
            "dept": "Organization",
            "park": "Park",
            "firm": "Enterprise",
            "other": "Enterprise",
        },
        [
            ("dept", "org", "r1", "PART_OF"),
            ("dept", "firm", "r2", "COVERS"),
            ("park", "org", "r3", "LOCATED_IN"),
            ("park", "other", "r4", "COVERS"),
            ("org", "park", "r5", "PARTY_ORG_OF"),
        ],
    )
    assert [found.node for found in enterprises_under(G, "org")] == ["firm"]


def test_enterprises_end_a_walk() -> None:
    G = _graph(
        {"branch": "Branch", "firm": "Enterprise", "unit": "Branch", "other": "Enterprise"},
        [
            ("branch", "firm", "r1", "COVERS"),
            ("unit", "firm", "r2", "SUBORDINATE_TO"),
            ("unit", "other", "r3", "COVERS"),
        ],
    )
    assert [found.node for found in enterprises_under(G, "branch")] == ["firm"]


def test_hierarchy_above_survives_a_cycle() -> None:
    G = _graph(
        {"a": "Committee", "b": "Committee", "c": "Committee"},
        [("a", "b", "r1", "SUBORDINATE_TO"), ("b", "c", "r2", "PART_OF"), ("c", "a", "r3", "SUBORDINATE_TO")],
    )
    assert [(found.node, found.depth) for found in hierarchy_above(G, "a")] == [("b", 1), ("c", 2)]


def test_ties_are_broken_by_name_not_insertion_order() -> None:
    nodes = {"start": "Committee", "乙": "Committee", "甲": "Committee", "end": "Committee"}
    edges = [
        ("start", "甲", "r1", "SUBORDINATE_TO"),
        ("甲", "end", "r2", "SUBORDINATE_TO"),
        ("start", "乙", "r3", "SUBORDINATE_TO"),
        ("乙", "end", "r4", "SUBORDINATE_TO"),
    ]
    forwards, backwards = _graph(nodes, edges), _graph(dict(reversed(nodes.items())), edges[::-1])
    first_name = min("甲", "乙")
    for G in (forwards, backwards):
        nodes_on_path, _ = shortest_path(G, "start", "end")
        assert nodes_on_path == ["start", first_name, "end"]
        assert hierarchy_above(G, "start")[-1].path[0].tail == first_name


def test_subtree_below_counts_depth_and_refuses_a_negative_one() -> None:
    G = _graph(
        {"top": "Committee", "mid": "Committee", "firm": "Enterprise"},
        [("mid", "top", "r1", "SUBORDINATE_TO"), ("mid", "firm", "r2", "COVERS")],
    )
    assert [(found.node, found.depth) for found in subtree_below(G, "top")] == [("mid", 1), ("firm", 2)]
    assert subtree_below(G, "top", max_depth=0) == []
    with pytest.raises(ValueError, match="max_depth"):
        subtree_below(G, "top", max_depth=-1)


def test_shortest_path_picks_among_parallel_relations_by_type() -> None:
    G = _graph(
        {"person": "Person", "committee": "Committee"},
        [("person", "committee", "r-b", "HOLDS_POST"), ("person", "committee", "r-a", "HOLDS_POST")],
    )
    _, steps = shortest_path(G, "person", "committee")
    assert [step.key for step in steps] == ["r-a"]


def test_shortest_path_limits() -> None:
    G = _graph({"a": "Committee", "b": "Committee"}, [("a", "b", "r1", "SUBORDINATE_TO")])
    assert shortest_path(G, "a", "b", max_length=0) is None
    assert shortest_path(G, "a", "a", max_length=0) == (["a"], [])
    with pytest.raises(ValueError, match="max_length"):
        shortest_path(G, "a", "b", max_length=-1)
    with pytest.raises(nx.NodeNotFound):
        shortest_path(G, "a", "nowhere")


class _CountedRelation(dict):
    """A relation's data that counts how often a walk reads it."""

    reads = 0

    def get(self, key: object, default: object = None) -> object:
        _CountedRelation.reads += 1
        return super().get(key, default)


class _CountedGraph(nx.MultiDiGraph):
    edge_attr_dict_factory = _CountedRelation


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        ("a", "b", ["a", "practice", "b"]),
        ("a", "far", ["a", "practice", "near", "far"]),
        ("far", "a", ["far", "near", "practice", "a"]),
    ],
)
def test_a_path_through_a_hub_is_the_first_shortest_and_reads_few_of_its_relations(
    source: str, target: str, expected: list[str]
) -> None:
    """Two organizations meeting only through a region or practice many share: the path is still the
    first by name, and the walk reads the relations joining the hub to the path, not the hub's others."""
    G = _CountedGraph()
    for node, type_ in [("a", "Committee"), ("b", "Committee"), ("near", "Committee"), ("far", "Branch")]:
        G.add_node(node, type=type_, name=node)
    G.add_node("practice", type="Practice", name="practice")
    G.add_node("region", type="Park", name="region")
    for hub in ("practice", "region"):
        for leaf in range(500):
            G.add_node(f"{hub}-{leaf}", type="Committee", name=f"{hub}-{leaf}")
            G.add_edge(f"{hub}-{leaf}", hub, key=f"{hub}-r{leaf}", type="PART_OF", confidence=0.9)
        for member in ("a", "b"):
            G.add_edge(member, hub, key=f"{member}-{hub}", type="PART_OF", confidence=0.9)
    G.add_edge("a", "practice", key="0-a-practice", type="PART_OF", confidence=0.9)
    G.add_edge("near", "practice", key="near-practice", type="PART_OF", confidence=0.9)
    G.add_edge("far", "near", key="far-near", type="SUBORDINATE_TO", confidence=0.9)
    _CountedRelation.reads = 0
    found = shortest_path(G, source, target, min_confidence=0.5)
    assert _CountedRelation.reads < 50
    assert found is not None
    assert found[0] == expected
    assert "0-a-practice" in [step.key for step in found[1]]
    assert (found[0], [step.key for step in found[1]]) == _first_shortest(G, source, target, 6, None, 0.5)


def _first_shortest(
    G: nx.MultiDiGraph, source: str, target: str, max_length: int, types: list[str] | None, floor: float
) -> tuple[list[str], list[str]] | None:
    """The rule spelled out the slow way: of every shortest path over the relations of `types` reaching
    `floor`, ignoring direction, the first by its nodes' (name, id); between two nodes the first
    relation by (type, id)."""
    joining: dict[frozenset[str], list[tuple[str, str]]] = {}
    for head, tail, key, data in G.edges(keys=True, data=True):
        if (not types or data["type"] in types) and data.get("confidence", 1.0) >= floor and head != tail:
            joining.setdefault(frozenset((head, tail)), []).append((data["type"], key))
    H = nx.Graph([tuple(pair) for pair in joining])
    H.add_nodes_from([source, target])
    try:
        paths = list(nx.all_shortest_paths(H, source, target))
    except nx.NetworkXNoPath:
        return None
    nodes = min(paths, key=lambda path: [(G.nodes[node]["name"], node) for node in path])
    if len(nodes) - 1 > max_length:
        return None
    return nodes, [min(joining[frozenset(pair)])[1] for pair in pairwise(nodes)]


@pytest.mark.parametrize("seed", range(6))
def test_shortest_path_is_the_first_of_the_shortest_by_name_then_id(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(60):
        size = rng.randint(2, 30)
        G = nx.MultiDiGraph()
        for node in range(size):
            G.add_node(f"n{node}", type="Committee", name=rng.choice(["甲", "乙", "a", "b", ""]))
        for _ in range(rng.randint(0, size * 3)):
            head, tail = f"n{rng.randrange(size)}", f"n{rng.randrange(size)}"
            data = {"type": rng.choice(["SUBORDINATE_TO", "PART_OF", "COVERS", "HOLDS_POST"])}
            if rng.random() < 0.7:
                data["confidence"] = rng.choice([0.3, 0.5, 0.9])
            G.add_edge(head, tail, key=f"r{rng.randrange(4 * size)}", **data)
        for _ in range(10):
            source, target = f"n{rng.randrange(size)}", f"n{rng.randrange(size)}"
            max_length, floor = rng.randint(0, 7), rng.choice([0.0, 0.5])
            types = rng.choice([None, ["COVERS", "SUBORDINATE_TO"], ["HOLDS_POST", "PART_OF"]])
            found = shortest_path(G, source, target, max_length, types, floor)
            answer = (found[0], [step.key for step in found[1]]) if found is not None else None
            assert answer == _first_shortest(G, source, target, max_length, types, floor)


def test_every_walk_leaves_out_relations_below_the_floor() -> None:
    G = _graph(
        {"top": "Committee", "mid": "Committee", "firm": "Enterprise"},
        [("mid", "top", "r1", "SUBORDINATE_TO"), ("mid", "firm", "r2", "COVERS")],
    )
    G.edges["mid", "top", "r1"]["confidence"] = 0.4
    assert [found.node for found in enterprises_under(G, "top")] == ["firm"]
    assert enterprises_under(G, "top", min_confidence=0.5) == []
    assert hierarchy_above(G, "mid", min_confidence=0.5) == []
    assert [found.node for found in subtree_below(G, "mid", min_confidence=0.5)] == ["firm"]
    assert subtree_below(G, "top", min_confidence=0.5) == []
    assert [other for _, _, other in incident(G, "mid", min_confidence=0.5)] == ["firm"]
    assert shortest_path(G, "top", "firm", min_confidence=0.5) is None
    assert shortest_path(G, "top", "firm", min_confidence=0.4) is not None


def test_incident_filters_and_checks_direction() -> None:
    G = _graph(
        {"a": "Committee", "b": "Committee", "p": "Person"},
        [("a", "b", "r1", "SUBORDINATE_TO"), ("p", "a", "r2", "HOLDS_POST")],
    )
    assert [(way, other) for way, _, other in incident(G, "a")] == [("in", "p"), ("out", "b")]
    assert [other for _, _, other in incident(G, "a", types="HOLDS_POST")] == ["p"]
    with pytest.raises(ValueError, match="direction"):
        incident(G, "a", direction="sideways")  # type: ignore[arg-type]


def test_type_filter() -> None:
    assert type_filter(None) is None
    assert type_filter("COVERS") == frozenset({"COVERS"})
