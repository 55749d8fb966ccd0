"""Response envelopes the API adds around the graph models: pages, path results, problems.

The graph models (`parkgraph.graph.model`) are returned as they are; these only
wrap them, so a client sees the same `Entity` whichever store answered.
"""

from __future__ import annotations

from typing import Generic, Literal, TypeVar

from pydantic import BaseModel, Field

from parkgraph.graph.model import Path

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


class PathResult(BaseModel):
    """A shortest path, or `null` when the two entities are not connected within the length asked."""

    path: Path | None


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
