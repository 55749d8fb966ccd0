"""Query algorithms over a networkx view of the graph, as plain functions `f(G, node, ...)`.

The graph is a `MultiDiGraph` whose nodes carry `type` and `name` and whose
edges run head → tail, are keyed by relation id and carry `type`. Keeping the
walks here keeps every store thin, and the relation names they follow in one
place. Results are deterministic: ties are broken by name, then id.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Sequence
from typing import Literal, NamedTuple

import networkx as nx

__all__ = [
    "COVERS",
    "ENTERPRISE",
    "PARTY_ORG_OF",
    "PART_OF",
    "SUBORDINATE_TO",
    "Reached",
    "Step",
    "enterprises_under",
    "hierarchy_above",
    "incident",
    "shortest_path",
    "subtree_below",
    "type_filter",
    "with_confidence",
]

SUBORDINATE_TO = "SUBORDINATE_TO"
PART_OF = "PART_OF"
COVERS = "COVERS"
PARTY_ORG_OF = "PARTY_ORG_OF"
ENTERPRISE = "Enterprise"

_BELONGS = frozenset({SUBORDINATE_TO, PART_OF})
_TAKES_IN = frozenset({COVERS, PARTY_ORG_OF})


class Step(NamedTuple):
    """One relation walked: the edge `(head, tail, key)` as stored, whichever way it was walked."""

    head: str
    tail: str
    key: str


class Reached(NamedTuple):
    """A node reached from the start, `depth` relations away along `path`."""

    node: str
    depth: int
    path: tuple[Step, ...]


_Expand = Callable[[str], Iterable[tuple[Step, str]]]


def type_filter(types: Sequence[str] | str | None) -> frozenset[str] | None:
    """The relation types allowed, or None for all; an empty selection allows all, a bare string is one type.

    >>> sorted(type_filter(["COVERS", "PART_OF"]))
    ['COVERS', 'PART_OF']
    >>> type_filter([]) is None
    True
    """
    if isinstance(types, str):
        return frozenset({types})
    return frozenset(types) if types else None


def with_confidence(G: nx.MultiDiGraph, min_confidence: float) -> nx.MultiDiGraph:
    """A view of `G` without the relations whose `confidence` is below `min_confidence`.

    Low-confidence facts stay in the graph, marked by their confidence; a query that asks
    for a floor walks only the relations that reach it.

    >>> G = nx.MultiDiGraph()
    >>> G.add_edge("a", "b", key="r1", confidence=0.4)
    'r1'
    >>> G.add_edge("a", "c", key="r2", confidence=0.9)
    'r2'
    >>> sorted(k for *_, k in with_confidence(G, 0.5).edges(keys=True))
    ['r2']
    """
    if min_confidence <= 0:
        return G
    return nx.subgraph_view(
        G, filter_edge=lambda u, v, k: G.edges[u, v, k].get("confidence", 1.0) >= min_confidence
    )


def _order(G: nx.MultiDiGraph, steps: Iterable[tuple[Step, str]]) -> list[tuple[Step, str]]:
    """Steps sorted by the node they lead to (name, id), then by relation type and id."""

    def key(item: tuple[Step, str]) -> tuple[str, str, str, str]:
        step, node = item
        return (G.nodes[node].get("name", ""), node, G.edges[step].get("type", ""), step.key)

    return sorted(steps, key=key)


def _bfs(G: nx.MultiDiGraph, start: str, expand: _Expand, max_depth: int | None = None) -> list[Reached]:
    """Every node reached from `start` once, by a shortest path, sorted by depth, name and id."""
    if start not in G:
        raise nx.NodeNotFound(f"node {start!r} is not in the graph")
    seen = {start}
    reached: list[Reached] = []
    queue: deque[Reached] = deque([Reached(start, 0, ())])
    while queue:
        current = queue.popleft()
        if max_depth is not None and current.depth >= max_depth:
            continue
        for step, node in _order(G, expand(current.node)):
            if node in seen:
                continue
            seen.add(node)
            found = Reached(node, current.depth + 1, (*current.path, step))
            reached.append(found)
            queue.append(found)
    return sorted(reached, key=lambda r: (r.depth, G.nodes[r.node].get("name", ""), r.node))


def _out_steps(G: nx.MultiDiGraph, node: str, types: frozenset[str] | None) -> Iterable[tuple[Step, str]]:
    """Relations leaving `node` whose type is in `types` (None: any), with the node each leads to."""
    for _, tail, key, type_ in G.out_edges(node, keys=True, data="type"):
        if types is None or type_ in types:
            yield Step(node, tail, key), tail


def _in_steps(G: nx.MultiDiGraph, node: str, types: frozenset[str] | None) -> Iterable[tuple[Step, str]]:
    """Relations arriving at `node` whose type is in `types` (None: any), with the node each comes from."""
    for head, _, key, type_ in G.in_edges(node, keys=True, data="type"):
        if types is None or type_ in types:
            yield Step(head, node, key), head


def _is_enterprise(G: nx.MultiDiGraph, node: str) -> bool:
    return G.nodes[node].get("type") == ENTERPRISE


def enterprises_under(G: nx.MultiDiGraph, node: str) -> list[Reached]:
    """Enterprises an organization takes in: by COVERS or PARTY_ORG_OF from it or from anything below it.

    "Below" is SUBORDINATE_TO or PART_OF it, at any depth (SCHEMA.md's
    definition of the enterprises under a joint branch). Enterprises end a walk.

    >>> G = nx.MultiDiGraph()
    >>> for n, t in [("p", "Committee"), ("b", "Branch"), ("c", "Enterprise")]:
    ...     G.add_node(n, type=t, name=n)
    >>> G.add_edge("b", "p", key="r1", type="SUBORDINATE_TO")
    'r1'
    >>> G.add_edge("b", "c", key="r2", type="COVERS")
    'r2'
    >>> [(r.node, r.depth, [s.key for s in r.path]) for r in enterprises_under(G, "p")]
    [('c', 2, ['r1', 'r2'])]
    """

    def expand(current: str) -> Iterable[tuple[Step, str]]:
        if current != node and _is_enterprise(G, current):
            return []
        below = [(s, n) for s, n in _in_steps(G, current, _BELONGS) if not _is_enterprise(G, n)]
        taken = [(s, n) for s, n in _out_steps(G, current, _TAKES_IN) if _is_enterprise(G, n)]
        return below + taken

    return [r for r in _bfs(G, node, expand) if _is_enterprise(G, r.node)]


def hierarchy_above(G: nx.MultiDiGraph, node: str) -> list[Reached]:
    """Everything `node` is SUBORDINATE_TO or PART_OF, transitively, nearest first.

    >>> G = nx.MultiDiGraph()
    >>> for n in ["branch", "committee", "region"]:
    ...     G.add_node(n, type="Committee", name=n)
    >>> G.add_edge("branch", "committee", key="r1", type="SUBORDINATE_TO")
    'r1'
    >>> G.add_edge("committee", "region", key="r2", type="PART_OF")
    'r2'
    >>> [(r.node, r.depth) for r in hierarchy_above(G, "branch")]
    [('committee', 1), ('region', 2)]
    """
    return _bfs(G, node, lambda current: _out_steps(G, current, _BELONGS))


def subtree_below(G: nx.MultiDiGraph, node: str, max_depth: int = 5) -> list[Reached]:
    """What sits under `node`: entities SUBORDINATE_TO or PART_OF it and units it COVERS, to `max_depth`.

    >>> G = nx.MultiDiGraph()
    >>> for n, t in [("p", "Committee"), ("b", "Branch"), ("c", "Enterprise")]:
    ...     G.add_node(n, type=t, name=n)
    >>> G.add_edge("b", "p", key="r1", type="SUBORDINATE_TO")
    'r1'
    >>> G.add_edge("b", "c", key="r2", type="COVERS")
    'r2'
    >>> [(r.node, r.depth) for r in subtree_below(G, "p", max_depth=1)]
    [('b', 1)]
    """
    if max_depth < 0:
        raise ValueError(f"max_depth must be 0 or more, not {max_depth}")

    def expand(current: str) -> Iterable[tuple[Step, str]]:
        yield from _in_steps(G, current, _BELONGS)
        yield from _out_steps(G, current, frozenset({COVERS}))

    return _bfs(G, node, expand, max_depth=max_depth)


def incident(
    G: nx.MultiDiGraph,
    node: str,
    types: Sequence[str] | None = None,
    direction: Literal["out", "in", "both"] = "both",
) -> list[tuple[Literal["out", "in"], Step, str]]:
    """The relations at `node` as `(direction, step, other node)`, by relation type, then the other's name.

    >>> G = nx.MultiDiGraph()
    >>> for n in ["a", "b", "c"]:
    ...     G.add_node(n, type="Committee", name=n)
    >>> G.add_edge("a", "b", key="r1", type="SUBORDINATE_TO")
    'r1'
    >>> G.add_edge("c", "a", key="r2", type="SUBORDINATE_TO")
    'r2'
    >>> [(d, other) for d, _, other in incident(G, "a", direction="in")]
    [('in', 'c')]
    """
    if direction not in ("out", "in", "both"):
        raise ValueError(f"direction must be 'out', 'in' or 'both', not {direction!r}")
    allowed = type_filter(types)
    found: list[tuple[Literal["out", "in"], Step, str]] = []
    if direction in ("out", "both"):
        found += [("out", step, other) for step, other in _out_steps(G, node, allowed)]
    if direction in ("in", "both"):
        found += [("in", step, other) for step, other in _in_steps(G, node, allowed)]

    def key(item: tuple[str, Step, str]) -> tuple[str, str, str, str, str]:
        direction_, step, other = item
        return (G.edges[step].get("type", ""), G.nodes[other].get("name", ""), other, direction_, step.key)

    return sorted(found, key=key)


def shortest_path(
    G: nx.MultiDiGraph,
    source: str,
    target: str,
    max_length: int = 6,
    types: Sequence[str] | None = None,
) -> tuple[list[str], list[Step]] | None:
    """One shortest path between two nodes ignoring direction, as (nodes, steps); None beyond `max_length`.

    >>> G = nx.MultiDiGraph()
    >>> for n in ["a", "b", "c"]:
    ...     G.add_node(n, type="Committee", name=n)
    >>> G.add_edge("a", "b", key="r1", type="SUBORDINATE_TO")
    'r1'
    >>> G.add_edge("c", "b", key="r2", type="COVERS")
    'r2'
    >>> nodes, steps = shortest_path(G, "a", "c")
    >>> nodes, [s.key for s in steps]
    (['a', 'b', 'c'], ['r1', 'r2'])
    >>> shortest_path(G, "a", "c", types=["SUBORDINATE_TO"]) is None
    True
    """
    if max_length < 0:
        raise ValueError(f"max_length must be 0 or more, not {max_length}")
    for end in (source, target):
        if end not in G:
            raise nx.NodeNotFound(f"node {end!r} is not in the graph")
    allowed = type_filter(types)

    def expand(current: str) -> Iterable[tuple[Step, str]]:
        yield from _out_steps(G, current, allowed)
        yield from _in_steps(G, current, allowed)

    parents: dict[str, tuple[str, Step] | None] = {source: None}
    frontier = [source]
    for _ in range(max_length):
        if target in parents or not frontier:
            break
        following: list[str] = []
        for current in frontier:
            for step, node in _order(G, expand(current)):
                if node not in parents:
                    parents[node] = (current, step)
                    following.append(node)
        frontier = following
    if target not in parents:
        return None
    nodes, steps = [target], []
    while (link := parents[nodes[-1]]) is not None:
        nodes.append(link[0])
        steps.append(link[1])
    return nodes[::-1], steps[::-1]
