"""What queries return: entities, relations with their evidence, paths and reaches.

Both stores return these same models, so the API and the contract tests do not
care which store answered.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

Direction = Literal["out", "in", "both"]


class Entity(BaseModel):
    id: str
    type: str
    labels: list[str] = Field(description="type plus extra labels such as JointBranch")
    name: str
    aliases: list[str] = Field(default_factory=list)
    documents: list[str] = Field(default_factory=list, description="ids of the documents that mention it")


class Evidence(BaseModel):
    """One sentence of one document that supports a relation."""

    document: str
    source: str
    start: int
    end: int
    text: str
    confidence: float


class Relation(BaseModel):
    id: str
    type: str
    head: str
    tail: str
    attributes: dict[str, str] = Field(default_factory=dict)
    confidence: float = Field(description="the highest confidence among its evidence")
    evidence: list[Evidence] = Field(default_factory=list)


class Neighbour(BaseModel):
    direction: Literal["out", "in"]
    relation: Relation
    entity: Entity


class Reach(BaseModel):
    """An entity reached from a start entity, with the relations walked to get there."""

    entity: Entity
    depth: int
    path: list[Relation]


class Path(BaseModel):
    entities: list[Entity]
    relations: list[Relation]


class LoadResult(BaseModel):
    document: str
    source: str
    status: Literal["loaded", "unchanged"]
    entities: int = 0
    relations: int = 0


class Counts(BaseModel):
    documents: int
    entities: dict[str, int]
    relations: dict[str, int]
