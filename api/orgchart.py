"""An organization's org chart in one answer: the units below it as a tree, and the enterprises under each.

Composed from the `Store` protocol's own walks, so every store draws the same chart: the units are what
`subtree_below` reaches (SUBORDINATE_TO or PART_OF it, units it COVERS), each hung under the unit its
shortest path came through; the enterprises are those each unit COVERS or is PARTY_ORG_OF, one relation
away (the steps `enterprises_under` takes). An enterprise taken in by two units is listed under both, as
an org chart shows it; enterprises are leaves and never units of the tree.
"""

from __future__ import annotations

from pydantic import BaseModel, Field

from parkgraph.graph.errors import NotFound
from parkgraph.graph.model import Entity
from parkgraph.graph.store import Store

__all__ = ["MAX_UNITS", "OrgChart", "OrgUnit", "TakenIn", "org_chart"]

ENTERPRISE = "Enterprise"
TAKES_IN = ("COVERS", "PARTY_ORG_OF")
MAX_UNITS = 300
"""Units drawn at most (nearest first): a chart wider than this is unreadable, and each unit costs a query."""
MAX_ENTERPRISES = 100
"""Enterprises listed under one unit at most; `enterprise_count` gives how many there are."""


class TakenIn(BaseModel):
    """An enterprise a unit COVERS or is PARTY_ORG_OF, with the relation that says so."""

    entity: Entity
    relation: str = Field(description="id of the COVERS or PARTY_ORG_OF relation")
    type: str = Field(description="COVERS or PARTY_ORG_OF")


class OrgUnit(BaseModel):
    """One box of the chart: a unit, the unit above it and the relation between them, its enterprises."""

    entity: Entity
    parent: str | None = Field(description="id of the unit above it in the chart; null for the top")
    relation: str | None = Field(description="id of the relation linking it to `parent`; null for the top")
    type: str | None = Field(description="that relation's type: SUBORDINATE_TO, PART_OF or COVERS")
    depth: int = Field(ge=0, description="relations between it and the top")
    enterprises: list[TakenIn] = Field(default_factory=list, description="by name; at most 100")
    enterprise_count: int = Field(
        default=0, ge=0, description="how many enterprises it takes in, before the cut"
    )


class OrgChart(BaseModel):
    """The tree below `root`, top first, then each level by name; a unit's parent comes before it."""

    root: str
    depth: int = Field(description="the most relations walked down from the top")
    units: list[OrgUnit]
    unit_count: int = Field(ge=1, description="units within `depth`, before the cut at 300")
    truncated: bool = Field(description="true when units or enterprises were left out")


def _taken_in(store: Store, unit_id: str, min_confidence: float) -> list[TakenIn]:
    """The enterprises one relation out of a unit, by name, each once (its PARTY_ORG_OF before COVERS)."""
    found = sorted(
        (
            item
            for item in store.neighbours(unit_id, TAKES_IN, "out", min_confidence)
            if item.entity.type == ENTERPRISE
        ),
        key=lambda item: (
            item.entity.name,
            item.entity.id,
            item.relation.type != "PARTY_ORG_OF",
            item.relation.id,
        ),
    )
    taken: dict[str, TakenIn] = {}
    for item in found:
        taken.setdefault(
            item.entity.id, TakenIn(entity=item.entity, relation=item.relation.id, type=item.relation.type)
        )
    return list(taken.values())


def org_chart(store: Store, root_id: str, depth: int = 3, min_confidence: float = 0.0) -> OrgChart:
    """The chart below `root_id` down to `depth` relations. Raises `NotFound` for an unknown id."""
    root = store.entity(root_id)
    if root is None:
        raise NotFound("entity", root_id)
    units = [OrgUnit(entity=root, parent=None, relation=None, type=None, depth=0)]
    drawn = {root_id}
    # Nearest first, so a unit's parent (the other end of the last relation walked to it) is placed before
    # it; a unit reached through an enterprise (which the chart shows as a leaf) has no box to hang from.
    for reach in store.subtree_below(root_id, depth, min_confidence):
        last = reach.path[-1]
        parent = last.tail if last.head == reach.entity.id else last.head
        if reach.entity.type == ENTERPRISE or parent not in drawn:
            continue
        drawn.add(reach.entity.id)
        units.append(
            OrgUnit(
                entity=reach.entity,
                parent=parent,
                relation=last.id,
                type=last.type,
                depth=reach.depth,
            )
        )
    truncated = len(units) > MAX_UNITS
    del units[MAX_UNITS:]
    for unit in units:
        taken = _taken_in(store, unit.entity.id, min_confidence)
        unit.enterprises = taken[:MAX_ENTERPRISES]
        unit.enterprise_count = len(taken)
        truncated = truncated or len(taken) > MAX_ENTERPRISES
    return OrgChart(root=root_id, depth=depth, units=units, unit_count=len(drawn), truncated=truncated)
