"""How two entities are connected."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from parkgraph.api.deps import MinConfidence, RelationTypeName, StoreDep
from parkgraph.api.problems import INVALID_REQUEST_RESPONSE, NOT_FOUND_RESPONSE, STORE_UNAVAILABLE_RESPONSE
from parkgraph.api.schemas import PathResult

router = APIRouter(
    prefix="/paths",
    tags=["paths"],
    responses={**INVALID_REQUEST_RESPONSE, **NOT_FOUND_RESPONSE, **STORE_UNAVAILABLE_RESPONSE},
)


@router.get("")
def find_shortest_path(
    store: StoreDep,
    source: Annotated[
        str, Query(min_length=1, description="id of the first entity", examples=["park-3f2a0c9d1b7e"])
    ],
    target: Annotated[
        str, Query(min_length=1, description="id of the last entity", examples=["enterprise-9c1d2e3f4a5b"])
    ],
    max_length: Annotated[
        int, Query(ge=1, le=10, description="most relations on the path", examples=[6])
    ] = 6,
    relation_types: Annotated[
        list[RelationTypeName] | None,
        Query(
            alias="type",
            description="walk only relations of these types (repeat for several)",
            examples=[["COVERS"]],
        ),
    ] = None,
    min_confidence: MinConfidence = 0.0,
) -> PathResult:
    """Shortest path ignoring direction; `{"path": null}` if none within `max_length`; 404 for unknown ids."""
    types = [name.value for name in relation_types] if relation_types else None
    path = store.shortest_path(source, target, max_length, types, min_confidence)
    return PathResult(path=path)
