"""The documents the graph was built from: listing them, what each gave, adding and retracting them."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path, Request, Response
from starlette.concurrency import run_in_threadpool

from parkgraph.api.deps import Limit, Offset, PipelineDep, StoreDep, WriteAccess
from parkgraph.api.problems import (
    INVALID_REQUEST_RESPONSE,
    NOT_FOUND_RESPONSE,
    STORE_UNAVAILABLE_RESPONSE,
    WRITE_REFUSED_RESPONSE,
)
from parkgraph.api.schemas import Page, Problem, page_of
from parkgraph.api.uploads import UPLOAD_REQUEST_BODY, Upload, invalid, read_upload
from parkgraph.curation import retract
from parkgraph.graph.errors import NotFound
from parkgraph.graph.facts import DocumentInfo
from parkgraph.graph.model import DocumentContents, LoadResult, RetractResult
from parkgraph.graph.store import Store
from parkgraph.loaders.pipeline import Pipeline
from parkgraph.loaders.sources import MAX_DOCUMENT_BYTES, SourceError
from parkgraph.loading import load_facts

router = APIRouter(
    prefix="/documents",
    tags=["documents"],
    responses={**INVALID_REQUEST_RESPONSE, **STORE_UNAVAILABLE_RESPONSE},
)

DocumentId = Annotated[
    str, Path(description="sha256 of the document's raw bytes", examples=["9f86d081884c7d65"])
]

UPLOAD_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {"model": LoadResult, "description": "the document was already held: nothing changed"},
    201: {"description": "extracted and loaded; `Location` is the document's address"},
    413: {"model": Problem, "description": "larger than a document may be (20 MiB)"},
    415: {"model": Problem, "description": "neither multipart/form-data nor JSON"},
    **WRITE_REFUSED_RESPONSE,
}


@router.get("")
def list_documents(store: StoreDep, limit: Limit = 20, offset: Offset = 0) -> Page[DocumentInfo]:
    """Every document loaded, in load order."""
    return page_of(store.documents(), limit, offset)


@router.get("/{document_id}", responses=NOT_FOUND_RESPONSE)
def get_document(store: StoreDep, document_id: DocumentId) -> DocumentInfo:
    """One document's source file name, title and encoding."""
    document = store.document(document_id)
    if document is None:
        raise NotFound("document", document_id)
    return document


@router.get("/{document_id}/facts", responses=NOT_FOUND_RESPONSE)
def get_document_facts(store: StoreDep, document_id: DocumentId) -> DocumentContents:
    """For a document, everything extracted from it: its text, entities, and relations with its evidence."""
    return store.document_facts(document_id)


def _extract_and_load(store: Store, pipeline: Pipeline, upload: Upload) -> LoadResult:
    """Extract and load an upload; the loader's and the store's refusals become 413 and 422 problems."""
    try:
        facts = pipeline.extract_bytes(upload.data, upload.source)
    except SourceError as exc:
        if len(upload.data) > MAX_DOCUMENT_BYTES:
            raise HTTPException(413, str(exc)) from None
        raise invalid(upload.field, str(exc)) from None
    try:
        return load_facts(store, facts, pipeline)
    except ValueError as exc:
        raise invalid(upload.field, str(exc)) from None


@router.post(
    "",
    status_code=201,
    dependencies=[WriteAccess],
    responses=UPLOAD_RESPONSES,
    openapi_extra={"requestBody": UPLOAD_REQUEST_BODY},
)
async def upload_document(
    request: Request, response: Response, store: StoreDep, pipeline: PipelineDep
) -> LoadResult:
    """Extract a document (multipart `file`, or JSON `{source, text}`) and load it; needs the API token."""
    upload = await read_upload(request)
    result = await run_in_threadpool(_extract_and_load, store, pipeline, upload)
    if result.status == "unchanged":
        response.status_code = 200
    else:
        response.headers["Location"] = request.url_for("get_document", document_id=result.document).path
    return result


@router.delete(
    "/{document_id}", dependencies=[WriteAccess], responses={**NOT_FOUND_RESPONSE, **WRITE_REFUSED_RESPONSE}
)
def retract_document(store: StoreDep, pipeline: PipelineDep, document_id: DocumentId) -> RetractResult:
    """Remove a document, its evidence, and the facts only it supported, then replay the corrections in
    force (`warnings` names those left without a target); needs the API token."""
    return retract(store, document_id, lambda: pipeline.extractor.lexicon)[0]
