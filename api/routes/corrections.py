"""The correction log: reading it, making a correction, undoing one (`parkgraph.curation`).

Writes need the API token, as uploads and retractions do; their author is the request's `author`, or
`api` (the token names no one).
"""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, HTTPException, Path, Query
from pydantic import BaseModel, Field

from parkgraph import curation
from parkgraph.api.deps import MAX_LIMIT, Limit, Offset, PipelineDep, StoreDep, WriteAccess
from parkgraph.api.problems import (
    INVALID_REQUEST_RESPONSE,
    NOT_FOUND_RESPONSE,
    STORE_UNAVAILABLE_RESPONSE,
    WRITE_REFUSED_RESPONSE,
)
from parkgraph.api.schemas import Page, Problem, ValidationProblem, page_of
from parkgraph.api.uploads import invalid
from parkgraph.graph.corrections import Correction, Edit, in_force, refused_pairs
from parkgraph.graph.errors import NotFound
from parkgraph.graph.model import Entity
from parkgraph.loaders.duplicates import suggest_merges

router = APIRouter(
    prefix="/corrections",
    tags=["corrections"],
    responses={**INVALID_REQUEST_RESPONSE, **STORE_UNAVAILABLE_RESPONSE},
)

API_AUTHOR = "api"


class LogEntry(Correction):
    """An entry of the log, and whether it is in force."""

    status: Literal["in force", "undone", ""] = Field(
        description="for a correction: in force or undone; empty for undo and reject entries"
    )


class CorrectionRequest(BaseModel):
    """A correction to make; entities by id or by a name or alias that picks out one."""

    kind: Edit | Literal["reject"] = Field(
        description="reject: `entity` and `other` are not one (not suggested again)"
    )
    entity: str = Field(default="", description="the entity corrected; merge: the one kept")
    other: str = Field(
        default="", description="merge: the entity merged into `entity`; reject: the other one"
    )
    name: str = Field(default="", description="rename: the new name; split: the alias split off")
    type: str = Field(default="", description="retype: the entity type; relations: the relation type")
    head: str = ""
    tail: str = ""
    title: str = Field(default="", description="add-relation: the post's title, for HOLDS_POST")
    evidence: str = Field(default="", description="add-relation: why, shown as the relation's evidence")
    note: str = ""
    author: str = Field(default="", description=f"who (default: {API_AUTHOR!r})")

    model_config = {
        "json_schema_extra": {
            "examples": [
                {
                    "kind": "merge",
                    "entity": "成都彩虹电器集团公司",
                    "other": "彩虹电器集团",
                    "note": "one company",
                }
            ]
        }
    }


class SuggestedMerge(BaseModel):
    """Two entities that are likely one, with why: accept with a merge, refuse with a reject."""

    keep: Entity
    other: Entity
    score: float
    evidence: list[str]


class UndoRequest(BaseModel):
    note: str = ""
    author: str = Field(default="", description=f"who (default: {API_AUTHOR!r})")


class Recorded(BaseModel):
    """A correction as recorded, and the corrections in force that act on nothing now."""

    correction: Correction
    stale: list[Correction] = Field(description="corrections in force whose target is gone")


REFUSED: dict[int | str, dict] = {
    422: {
        "model": ValidationProblem,
        "description": "an unknown or ambiguous entity, a type the schema lacks…",
    },
    **WRITE_REFUSED_RESPONSE,
}

Seq = Annotated[int, Path(ge=1, description="the correction's number in the log", examples=[1])]


@router.get("")
def list_corrections(store: StoreDep, limit: Limit = 20, offset: Offset = 0) -> Page[LogEntry]:
    """The correction log, oldest first: every correction, undo and rejected suggestion."""
    log = store.corrections()
    force = {entry.seq for entry in in_force(log)}
    entries = [
        LogEntry(
            **entry.model_dump(),
            status="" if entry.kind in ("undo", "reject") else "in force" if entry.seq in force else "undone",
        )
        for entry in log
    ]
    return page_of(entries, limit, offset)


@router.get("/suggestions")
def list_suggestions(
    store: StoreDep, pipeline: PipelineDep, limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 10
) -> list[SuggestedMerge]:
    """Likely duplicates, best first, each with its evidence; pairs rejected or merged are left out."""
    suggestions = suggest_merges(store, refused_pairs(store.corrections()), limit, pipeline.extractor.lexicon)
    return [
        SuggestedMerge(keep=found.keep, other=found.other, score=found.score, evidence=list(found.evidence))
        for found in suggestions
    ]


@router.post("", status_code=201, dependencies=[WriteAccess], responses=REFUSED)
def create_correction(store: StoreDep, pipeline: PipelineDep, request: CorrectionRequest) -> Recorded:
    """Make a correction; the graph is rebuilt under the log, so it holds through every reload.
    Needs the API token."""
    asked = Correction(**request.model_dump(exclude={"author"}), author=request.author or API_AUTHOR)
    try:
        made, stale = curation.correct(store, asked, pipeline.extractor.lexicon)
    except curation.CorrectionError as exc:
        raise invalid(exc.field, str(exc)) from None
    return Recorded(correction=made, stale=stale)


@router.post(
    "/{seq}/undo",
    status_code=201,
    dependencies=[WriteAccess],
    responses={**REFUSED, **NOT_FOUND_RESPONSE, 409: {"model": Problem, "description": "not in force"}},
)
def undo_correction(
    store: StoreDep, pipeline: PipelineDep, seq: Seq, request: UndoRequest | None = None
) -> Recorded:
    """Undo a correction: the graph is rebuilt as if it had never been made. Needs the API token."""
    request = request or UndoRequest()
    if seq not in {entry.seq for entry in store.corrections()}:
        raise NotFound("correction", str(seq))
    try:
        made, stale = curation.undo(
            store, pipeline.extractor.lexicon, seq, request.author or API_AUTHOR, request.note
        )
    except curation.CorrectionError as exc:
        raise HTTPException(409, str(exc)) from None
    return Recorded(correction=made, stale=stale)
