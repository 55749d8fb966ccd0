"""Query algorithms over a networkx view of the graph, as plain functions `f(G, node, ...)`.

The graph is a `MultiDiGraph` whose nodes carry `type` and `name` and whose
edges run head → tail, are keyed by relation id and carry `type`. Keeping the
walks here keeps every store thin, and the relation names they follow in one
place. Results are deterministic: ties are broken by name, then id.

Every walk takes `min_confidence` and leaves out, edge by edge as it expands a node, the relations
whose `confidence` is below it: low-confidence facts stay in the graph, marked by their confidence,
and a query that asks for a floor walks only the relations that reach it. Filtering as the walk goes
costs only the edges it looks at, never a pass over the whole graph.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
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


def _step_order(G: nx.MultiDiGraph, item: tuple[Step, str]) -> tuple[str, str, str, str]:
    """How steps are ordered: by the node they lead to (name, id), then by relation type and id."""
    step, node = item
    return (G.nodes[node].get("name", ""), node, G.edges[step].get("type", ""), step.key)


def _order(G: nx.MultiDiGraph, steps: Iterable[tuple[Step, str]]) -> list[tuple[Step, str]]:
    """Steps sorted by `_step_order`."""
    return sorted(steps, key=lambda item: _step_order(G, item))


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


def _walkable(data: dict, types: frozenset[str] | None, min_confidence: float) -> bool:
    """Whether a walk may take a relation: its type is in `types` (None: any) and its confidence
    reaches `min_confidence` (a floor of 0 or less lets every relation through).

    >>> _walkable({"type": "COVERS", "confidence": 0.4}, None, 0.5)
    False
    >>> _walkable({"type": "COVERS"}, frozenset({"COVERS"}), 0.5)
    True
    """
    if types is not None and data.get("type") not in types:
        return False
    return min_confidence <= 0 or data.get("confidence", 1.0) >= min_confidence


def _out_steps(
    G: nx.MultiDiGraph, node: str, types: frozenset[str] | None, min_confidence: float = 0.0
) -> Iterator[tuple[Step, str]]:
    """Relations leaving `node` a walk may take (`_walkable`), with the node each leads to."""
    for _, tail, key, data in G.out_edges(node, keys=True, data=True):
        if _walkable(data, types, min_confidence):
            yield Step(node, tail, key), tail


def _in_steps(
    G: nx.MultiDiGraph, node: str, types: frozenset[str] | None, min_confidence: float = 0.0
) -> Iterator[tuple[Step, str]]:
    """Relations arriving at `node` a walk may take (`_walkable`), with the node each comes from."""
    for head, _, key, data in G.in_edges(node, keys=True, data=True):
        if _walkable(data, types, min_confidence):
            yield Step(head, node, key), head


def _is_enterprise(G: nx.MultiDiGraph, node: str) -> bool:
    return G.nodes[node].get("type") == ENTERPRISE


def enterprises_under(G: nx.MultiDiGraph, node: str, min_confidence: float = 0.0) -> list[Reached]:
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
        below = [
            (s, n) for s, n in _in_steps(G, current, _BELONGS, min_confidence) if not _is_enterprise(G, n)
        ]
        taken = [(s, n) for s, n in _out_steps(G, current, _TAKES_IN, min_confidence) if _is_enterprise(G, n)]
        return below + taken

    return [r for r in _bfs(G, node, expand) if _is_enterprise(G, r.node)]


def hierarchy_above(G: nx.MultiDiGraph, node: str, min_confidence: float = 0.0) -> list[Reached]:
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
    return _bfs(G, node, lambda current: _out_steps(G, current, _BELONGS, min_confidence))


def subtree_below(
    G: nx.MultiDiGraph, node: str, max_depth: int = 5, min_confidence: float = 0.0
) -> list[Reached]:
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
        yield from _in_steps(G, current, _BELONGS, min_confidence)
        yield from _out_steps(G, current, frozenset({COVERS}), min_confidence)

    return _bfs(G, node, expand, max_depth=max_depth)


def incident(
    G: nx.MultiDiGraph,
    node: str,
    types: Sequence[str] | None = None,
    direction: Literal["out", "in", "both"] = "both",
    min_confidence: float = 0.0,
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
        found += [("out", step, other) for step, other in _out_steps(G, node, allowed, min_confidence)]
    if direction in ("in", "both"):
        found += [("in", step, other) for step, other in _in_steps(G, node, allowed, min_confidence)]

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
    min_confidence: float = 0.0,
) -> tuple[list[str], list[Step]] | None:
    """One shortest path between two nodes ignoring direction, as (nodes, steps); None beyond `max_length`.

    Of several shortest paths it is the first by the nodes it passes, from `source` on, each compared
    by name then id, joined each time by the first relation by type then id: the path a breadth-first
    walk from `source` that expands nodes in `_step_order` finds. It is found by walking from both
    ends at once, a step at a time on the side with fewer relations to follow, so it looks at the
    nodes within about half the distance of either end rather than all within the whole distance of
    one, and passes by a hub (a region, a practice) one side can reach the meeting without; then only
    the nodes on shortest paths are ordered.

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
    if source == target:
        return [source], []
    walk = _Relations(G, type_filter(types), min_confidence)
    layers = _meet(walk, source, target, max_length)
    if layers is None:
        return None
    nodes, steps = [source], []
    for layer in layers[1:]:
        step, node = min(walk.steps_into(nodes[-1], layer), key=lambda item: _step_order(G, item))
        nodes.append(node)
        steps.append(step)
    return nodes, steps


class _Relations:
    """The relations a path may take (`_walkable`), read from the graph's adjacency dicts (networkx's
    `_succ` and `_pred`, node → neighbour → key → data) without building a `Step` for each: a walk
    finds most neighbours already seen, and checks a relation's type and confidence only for the rest."""

    def __init__(self, G: nx.MultiDiGraph, types: frozenset[str] | None, min_confidence: float) -> None:
        self.types, self.min_confidence = types, min_confidence
        self.out, self.into = G._succ, G._pred
        self.unfiltered = types is None and min_confidence <= 0

    def around(self, node: str) -> Iterator[tuple[str, dict]]:
        """Each neighbour of `node`, either way, with the relations that way (one may come twice)."""
        yield from self.out[node].items()
        yield from self.into[node].items()

    def walkable(self, relations: dict) -> bool:
        """Whether a walk may take one of `relations` (key → data)."""
        return self.unfiltered or any(
            _walkable(data, self.types, self.min_confidence) for data in relations.values()
        )

    def degree(self, node: str) -> int:
        """How many neighbours expanding `node` looks at."""
        return len(self.out[node]) + len(self.into[node])

    def steps_into(self, node: str, layer: set[str]) -> Iterator[tuple[Step, str]]:
        """The walkable relations joining `node` to a node of `layer`, looked up from whichever of the
        two is smaller: a hub next to a few nodes of the layer costs a few lookups."""
        out, into = self.out[node], self.into[node]
        if len(layer) < len(out) + len(into):
            others: Iterable[str] = [other for other in layer if other in out or other in into]
        else:
            others = {other for adjacency in (out, into) for other in adjacency if other in layer}
        for other in others:
            for key, data in out.get(other, {}).items():
                if _walkable(data, self.types, self.min_confidence):
                    yield Step(node, other, key), other
            for key, data in into.get(other, {}).items():
                if _walkable(data, self.types, self.min_confidence):
                    yield Step(other, node, key), other

    def next_to(self, layer: set[str], candidates: list[str], depth: dict[str, int], at: int) -> set[str]:
        """The `candidates` (the nodes `at` in `depth`) a walkable relation joins to a node of `layer`:
        found from the neighbours of `layer` or from the candidates, whichever looks at fewer."""
        if sum(map(self.degree, layer)) <= sum(min(len(layer), self.degree(c)) for c in candidates):
            return {
                other
                for node in layer
                for other, relations in self.around(node)
                if depth.get(other) == at and self.walkable(relations)
            }
        return {node for node in candidates if any(True for _ in self.steps_into(node, layer))}


def _meet(walk: _Relations, source: str, target: str, max_length: int) -> list[set[str]] | None:
    """The nodes on the shortest paths from `source` to `target` (distinct), by their distance from
    `source`, or None when there is none within `max_length`.

    Walks breadth-first from both ends, a whole layer at a time of the side whose frontier has fewer
    relations to follow, until a layer reaches a node the other side has seen: the first such layer
    lies on every shortest path, at a distance both sides know, whichever side walked when. The nodes
    before it on shortest paths are those of the source's earlier layers next to them, and so on back;
    those after, the target's.
    """
    depths: tuple[dict[str, int], dict[str, int]] = ({source: 0}, {target: 0})
    rings: tuple[list[list[str]], list[list[str]]] = ([[source]], [[target]])
    work = [walk.degree(source), walk.degree(target)]
    meeting: list[str] = []
    while not meeting and rings[0][-1] and rings[1][-1] and len(rings[0]) + len(rings[1]) - 2 < max_length:
        side = 0 if work[0] <= work[1] else 1
        seen, other = depths[side], depths[1 - side]
        reached = len(rings[side])
        following = []
        for current in rings[side][-1]:
            for node, relations in walk.around(current):
                if node not in seen and walk.walkable(relations):
                    seen[node] = reached
                    following.append(node)
        rings[side].append(following)
        work[side] = sum(map(walk.degree, following))
        meeting = [node for node in following if node in other]
    if not meeting:
        return None
    first, last = depths
    at = first[meeting[0]]
    length = at + last[meeting[0]]
    layers: list[set[str]] = [set() for _ in range(length + 1)]
    layers[at] = set(meeting)
    for position in range(at - 1, -1, -1):
        layers[position] = walk.next_to(layers[position + 1], rings[0][position], first, position)
    for position in range(at + 1, length + 1):
        back = length - position
        layers[position] = walk.next_to(layers[position - 1], rings[1][back], last, back)
    return layers
