"""Response envelopes the API adds around the graph models: pages, path results, problems.

The graph models (`parkgraph.graph.model`) are returned as they are; these only
wrap them, so a client sees the same `Entity` whichever store answered.
"""

from __future__ import annotations

from typing import Any, Generic, Literal, TypeVar

from pydantic import BaseModel, Field

from parkgraph.graph.facts import DocumentInfo
from parkgraph.graph.model import Entity, Path, Reach, Reaches, Relation, Window

ItemT = TypeVar("ItemT")


class Page(BaseModel, Generic[ItemT]):
    """One slice of a list that may be long; `count` is the length of the whole list."""

    data: list[ItemT]
    count: int = Field(ge=0, description="number of items before paging")
    limit: int = Field(ge=1)
    offset: int = Field(ge=0)


def page_of(items: list[ItemT], limit: int, offset: int) -> Page[ItemT]:
    """Slice a complete list into a page, keeping its total length."""
    return Page[ItemT](data=items[offset : offset + limit], count=len(items), limit=limit, offset=offset)


def page_of_reaches(reaches: Reaches, window: Window) -> Page[Reach]:
    """A page of a walk's answer the store cut to `window` (whose limit is set)."""
    assert window.limit is not None, "a page has a limit"
    return Page[Reach](data=list(reaches), count=reaches.total, limit=window.limit, offset=window.offset)


class PathResult(BaseModel):
    """A shortest path, or `null` when the two entities are not connected within the length asked."""

    path: Path | None


class Post(BaseModel):
    """A person holding a post in an organization: the HOLDS_POST relation with its evidence."""

    person: Entity
    title: str = Field(description="the post's title as the documents give it; empty when they name none")
    relation: Relation


class HeldPost(BaseModel):
    """A post an entity holds or has in it: the other side, the title and the relation with its evidence."""

    holder: Entity
    organization: Entity
    title: str
    relation: Relation


class EntityDetail(Entity):
    """One entity with the documents that name it, its posts and how many relations of each type it has."""

    sources: list[DocumentInfo] = Field(default_factory=list, description="the documents that mention it")
    posts: list[HeldPost] = Field(default_factory=list, description="posts it holds, or that are held in it")
    relation_counts: dict[str, int] = Field(default_factory=dict, description="its relations by type")


class TextUpload(BaseModel):
    """A document given as text rather than as a file."""

    source: str = Field(
        min_length=1, max_length=255, description="file name to record it under", examples=["示例简报.txt"]
    )
    text: str = Field(description="the document's text (plain text or HTML)", examples=["示例工业园区党委…"])


class CypherRequest(BaseModel):
    """A read-only Cypher query; values go in `parameters`, referred to as `$name` in the query."""

    query: str = Field(
        min_length=1,
        max_length=20_000,
        examples=["MATCH (b:Branch)-[:COVERS]->(e:Enterprise) WHERE b.name CONTAINS $word RETURN b, e"],
    )
    parameters: dict[str, Any] = Field(default_factory=dict, examples=[{"word": "联合"}])


class Health(BaseModel):
    status: Literal["ok"]
    store: str = Field(description="class name of the graph store serving the API")


class Problem(BaseModel):
    """An RFC 9457 problem detail, the body of every error response."""

    type: str = "about:blank"
    title: str
    status: int
    detail: str
    instance: str


class FieldError(BaseModel):
    """One invalid request field: where it is and what is wrong with it."""

    location: str = Field(description="query, path, header or body", examples=["query"])
    field: str = Field(examples=["limit"])
    message: str = Field(examples=["Input should be greater than or equal to 1"])


class ValidationProblem(Problem):
    errors: list[FieldError]
