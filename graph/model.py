"""What queries return: entities, relations with their evidence, paths and reaches.

Both stores return these same models, so the API and the contract tests do not
care which store answered.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal, TypeVar

from pydantic import BaseModel, Field, computed_field

from parkgraph.graph.facts import WHERE_DESCRIPTION, DocumentInfo, is_absent
from parkgraph.graph.naming import display_name

Direction = Literal["out", "in", "both"]


class Entity(BaseModel):
    id: str
    type: str
    labels: list[str] = Field(description="type plus extra labels such as JointBranch")
    name: str
    aliases: list[str] = Field(default_factory=list)
    documents: list[str] = Field(default_factory=list, description="ids of the documents that mention it")

    @computed_field(description="a short name for captions that still tells entities apart")  # type: ignore[prop-decorator]
    @property
    def display(self) -> str:
        return display_name(self.name)


class Evidence(BaseModel):
    """One sentence of one document that supports a relation."""

    document: str
    source: str
    start: int
    end: int
    text: str
    confidence: float
    where: str | None = Field(default=None, exclude_if=is_absent, description=WHERE_DESCRIPTION)


class Relation(BaseModel):
    id: str
    type: str
    head: str
    tail: str
    attributes: dict[str, str] = Field(default_factory=dict)
    confidence: float = Field(description="the highest confidence among its evidence")
    evidence: list[Evidence] = Field(default_factory=list)

    def evidenced_by(self, document: str) -> Relation:
        """This relation as one document supports it: only its evidence, and the confidence that gives."""
        own = [item for item in self.evidence if item.document == document]
        return self.model_copy(
            update={"evidence": own, "confidence": max((item.confidence for item in own), default=0.0)}
        )


class Neighbour(BaseModel):
    direction: Literal["out", "in"]
    relation: Relation
    entity: Entity


class Reach(BaseModel):
    """An entity reached from a start entity, with the relations walked to get there."""

    entity: Entity
    depth: int
    path: list[Relation]


T = TypeVar("T")


@dataclass(frozen=True)
class Window:
    """The part of a walk's answer to build, nearest first: `limit` reaches from `offset` (all when
    None), with each relation's evidence or without it (its confidence stays; a client then fetches
    the evidence of the relations it shows, one at a time). A store cuts the walk before it reads
    the entities and relations it returns, so a page of a large answer costs a page."""

    offset: int = 0
    limit: int | None = None
    evidence: bool = True

    def cut(self, items: Sequence[T]) -> Sequence[T]:
        return items[self.offset :] if self.limit is None else items[self.offset : self.offset + self.limit]


WHOLE = Window()


class Reaches(list[Reach]):
    """A walk's answer as a `Window` cut it: a list of reaches that knows how many the whole walk
    reached (`total`), as a page needs."""

    def __init__(self, items: Iterable[Reach] = (), total: int | None = None) -> None:
        super().__init__(items)
        self.total = len(self) if total is None else total


class Path(BaseModel):
    entities: list[Entity]
    relations: list[Relation]


class LoadResult(BaseModel):
    document: str
    source: str
    status: Literal["loaded", "unchanged"]
    entities: int = 0
    relations: int = 0
    warnings: list[str] = Field(
        default_factory=list,
        description="what the caller should know, such as a document in which no facts were found",
        examples=[["no facts found: no entity was recognised in the text"]],
    )


class Counts(BaseModel):
    documents: int
    entities: dict[str, int]
    relations: dict[str, int]


class RetractResult(BaseModel):
    """What retracting a document removed: its evidence, and what no other document supports."""

    document: str
    source: str
    entities_removed: int = 0
    relations_removed: int = 0
    evidence_removed: int = 0
    warnings: list[str] = Field(
        default_factory=list,
        description="what the caller should know, such as a correction left without its target",
        examples=[["correction 3 acts on nothing now, its target is gone: delete committee-3f2a…"]],
    )


class DocumentContents(BaseModel):
    """Everything extracted from one document, as the store holds it."""

    document: DocumentInfo
    text: str | None = Field(default=None, description="the normalized text its evidence offsets index")
    entities: list[Entity] = Field(description="the entities it mentions, by id")
    relations: list[Relation] = Field(
        description="the relations it supports, by id, each with only this document's evidence"
    )
