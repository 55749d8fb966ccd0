"""The documents the graph was built from."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path

from parkgraph.api.deps import Limit, Offset, StoreDep
from parkgraph.api.problems import INVALID_REQUEST_RESPONSE, NOT_FOUND_RESPONSE, STORE_UNAVAILABLE_RESPONSE
from parkgraph.api.schemas import Page, page_of
from parkgraph.graph.errors import NotFound
from parkgraph.graph.facts import DocumentInfo

router = APIRouter(
    prefix="/documents",
    tags=["documents"],
    responses={**INVALID_REQUEST_RESPONSE, **STORE_UNAVAILABLE_RESPONSE},
)


@router.get("")
def list_documents(store: StoreDep, limit: Limit = 20, offset: Offset = 0) -> Page[DocumentInfo]:
    """Every document loaded, in load order."""
    return page_of(store.documents(), limit, offset)


@router.get("/{document_id}", responses=NOT_FOUND_RESPONSE)
def get_document(
    store: StoreDep,
    document_id: Annotated[
        str, Path(description="sha256 of the document's raw bytes", examples=["9f86d081884c7d65"])
    ],
) -> DocumentInfo:
    """One document's source file name, title and encoding."""
    document = store.document(document_id)
    if document is None:
        raise NotFound("document", document_id)
    return document
