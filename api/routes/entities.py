"""Finding entities by name, walking to their neighbours and to the places they belong to."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query
from pydantic import AfterValidator

from parkgraph.api.deps import EntityTypeName, Limit, MinConfidence, Offset, RelationTypeName, StoreDep
from parkgraph.api.orgchart import OrgChart, org_chart
from parkgraph.api.problems import INVALID_REQUEST_RESPONSE, NOT_FOUND_RESPONSE, STORE_UNAVAILABLE_RESPONSE
from parkgraph.api.queries import entity_detail, places_of, posts_of
from parkgraph.api.schemas import EntityDetail, HeldPost, Page, page_of
from parkgraph.graph.model import Direction, Entity, Neighbour, Reach

router = APIRouter(
    prefix="/entities",
    tags=["entities"],
    responses={**INVALID_REQUEST_RESPONSE, **STORE_UNAVAILABLE_RESPONSE},
)

# A search counts its matches up to this many; a query matching more should be narrowed.
SEARCH_MATCH_CAP = 10_000


def _not_blank(text: str | None) -> str | None:
    """Names hold no spaces, so a blank query could only match everything or nothing."""
    if text is None:
        return None
    if not text.strip():
        raise ValueError("must contain a character other than spaces")
    return text.strip()


EntityId = Annotated[str, Path(description="entity id", examples=["park-3f2a0c9d1b7e"])]


@router.get("")
def search_entities(
    store: StoreDep,
    q: Annotated[
        str | None,
        Query(
            min_length=1,
            description="text contained in a name or alias (traditional or simplified); "
            "without it, every entity (of `type`) by name",
            examples=["工业园区"],
        ),
        AfterValidator(_not_blank),
    ] = None,
    entity_type: Annotated[
        EntityTypeName | None,
        Query(alias="type", description="only entities of this type", examples=["Committee"]),
    ] = None,
    limit: Limit = 20,
    offset: Offset = 0,
) -> Page[Entity]:
    """Entities whose name or alias contains `q`, exact matches first (count stops at 10000); without
    `q`, the entities of `type` (or all) in name order, paged by the store."""
    type_name = entity_type.value if entity_type else None
    if q is None:
        listed = store.list_entities(type_name, limit=limit, offset=offset)
        return Page[Entity](data=listed, count=store.count_entities(type_name), limit=limit, offset=offset)
    matches = store.search(q, type_name, limit=SEARCH_MATCH_CAP, offset=0)
    return page_of(matches, limit, offset)


@router.get("/{entity_id}", responses=NOT_FOUND_RESPONSE)
def get_entity(store: StoreDep, entity_id: EntityId) -> EntityDetail:
    """One entity with its aliases, the documents that mention it, its posts and its relations by type."""
    return entity_detail(store, entity_id)


@router.get("/{entity_id}/neighbours", responses=NOT_FOUND_RESPONSE)
def list_neighbours(
    store: StoreDep,
    entity_id: EntityId,
    relation_types: Annotated[
        list[RelationTypeName] | None,
        Query(
            alias="type",
            description="only relations of these types (repeat for several)",
            examples=[["LOCATED_IN"]],
        ),
    ] = None,
    direction: Annotated[
        Direction, Query(description="out: entity is the head; in: entity is the tail", examples=["both"])
    ] = "both",
    min_confidence: MinConfidence = 0.0,
    limit: Limit = 20,
    offset: Offset = 0,
) -> Page[Neighbour]:
    """Entities one relation away, with the relation and its evidence."""
    types = [name.value for name in relation_types] if relation_types else None
    return page_of(store.neighbours(entity_id, types, direction, min_confidence), limit, offset)


@router.get("/{entity_id}/places", responses=NOT_FOUND_RESPONSE)
def list_places(
    store: StoreDep,
    entity_id: EntityId,
    min_confidence: MinConfidence = 0.0,
    limit: Limit = 20,
    offset: Offset = 0,
) -> Page[Reach]:
    """The parks and regions it belongs to (LOCATED_IN, PART_OF, PARTY_ORG_OF outwards), nearest first."""
    return page_of(places_of(store, entity_id, min_confidence), limit, offset)


@router.get("/{entity_id}/orgchart", responses=NOT_FOUND_RESPONSE)
def get_org_chart(
    store: StoreDep,
    entity_id: EntityId,
    depth: Annotated[int, Query(ge=1, le=10, description="most relations to walk down", examples=[3])] = 3,
    min_confidence: MinConfidence = 0.0,
) -> OrgChart:
    """Its org chart in one answer: the units below it (as `/api/organizations/{id}/subtree` walks them),
    each with the unit above it, and the enterprises each covers or is the Party organization of.
    At most 300 units and 100 enterprises a unit; `truncated` says when some were left out."""
    return org_chart(store, entity_id, depth, min_confidence)


@router.get("/{entity_id}/posts", responses=NOT_FOUND_RESPONSE)
def list_posts_of(
    store: StoreDep,
    entity_id: EntityId,
    min_confidence: MinConfidence = 0.0,
    limit: Limit = 20,
    offset: Offset = 0,
) -> Page[HeldPost]:
    """The posts a person holds, or the posts held in an organization or park: who, which title, where,
    with evidence sentences; by holder, then organization and title."""
    return page_of(posts_of(store, entity_id, min_confidence), limit, offset)
