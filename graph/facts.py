"""The facts a store takes in: SCHEMA.md's extraction interchange format.

Loaders produce a `DocumentFacts` per document; `parkgraph extract` prints it as
one JSON line; every `Store` loads it. Entity ids (`e1`, …) are local to the
document; `key` is the stable id the entity has across documents.
"""

from __future__ import annotations

from pydantic import BaseModel, Field


def is_absent(value: object) -> bool:
    """`where` is written only when known, so text and HTML documents give the same JSON, and stores
    keep the same rows, as before it existed."""
    return value is None


WHERE_DESCRIPTION = "its page or paragraph in a PDF or Word source (第3页, 第12段, 表1第2行)"


class Span(BaseModel):
    """A stretch of a document's normalized text: `text == normalized[start:end]`."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    where: str | None = Field(default=None, exclude_if=is_absent, description=WHERE_DESCRIPTION)


class DocumentInfo(BaseModel):
    """Identity of a document: `id` is the sha256 of its raw bytes, so a re-load is recognised."""

    id: str
    source: str
    title: str = ""
    encoding: str | None = None


class EntityFact(BaseModel):
    id: str
    key: str = Field(description="stable id across documents (type and canonical name)")
    type: str
    name: str
    aliases: list[str] = Field(default_factory=list)
    mentions: list[Span] = Field(default_factory=list)


class RelationFact(BaseModel):
    type: str
    head: str
    tail: str
    attributes: dict[str, str] = Field(default_factory=dict)
    evidence: Span
    confidence: float = Field(default=0.5, ge=0.0, le=1.0)


class DocumentFacts(BaseModel):
    """Everything extracted from one document, with its normalized text for provenance."""

    document: DocumentInfo
    entities: list[EntityFact] = Field(default_factory=list)
    relations: list[RelationFact] = Field(default_factory=list)
    text: str | None = Field(default=None, description="the normalized text the offsets index")

    def interchange(self) -> dict:
        """The SCHEMA.md interchange object (no document text)."""
        return self.model_dump(exclude={"text"})
