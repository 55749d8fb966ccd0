"""Single relations with the sentences that support them."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path

from parkgraph.api.deps import StoreDep
from parkgraph.api.problems import INVALID_REQUEST_RESPONSE, NOT_FOUND_RESPONSE, STORE_UNAVAILABLE_RESPONSE
from parkgraph.graph.errors import NotFound
from parkgraph.graph.model import Relation

router = APIRouter(
    prefix="/relations",
    tags=["relations"],
    responses={**INVALID_REQUEST_RESPONSE, **NOT_FOUND_RESPONSE, **STORE_UNAVAILABLE_RESPONSE},
)


@router.get("/{relation_id}")
def get_relation(
    store: StoreDep,
    relation_id: Annotated[str, Path(description="relation id", examples=["r-0123456789abcdef"])],
) -> Relation:
    """One relation with every evidence sentence and its source document."""
    relation = store.relation(relation_id)
    if relation is None:
        raise NotFound("relation", relation_id)
    return relation
