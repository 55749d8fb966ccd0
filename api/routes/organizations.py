"""What an organization leads, what leads it and who holds its posts: SCHEMA.md's reach queries."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from parkgraph.api.deps import Limit, MinConfidence, Offset, StoreDep, WithEvidence
from parkgraph.api.problems import INVALID_REQUEST_RESPONSE, NOT_FOUND_RESPONSE, STORE_UNAVAILABLE_RESPONSE
from parkgraph.api.queries import posts_in
from parkgraph.api.schemas import Page, Post, page_of, page_of_reaches
from parkgraph.graph.model import Reach, Window

router = APIRouter(
    prefix="/organizations",
    tags=["organizations"],
    responses={**INVALID_REQUEST_RESPONSE, **NOT_FOUND_RESPONSE, **STORE_UNAVAILABLE_RESPONSE},
)

OrganizationId = Annotated[
    str, Path(description="id of a committee, branch or other organization", examples=["branch-3f2a0c9d1b7e"])
]


@router.get("/{organization_id}/enterprises")
def list_enterprises_under(
    store: StoreDep,
    organization_id: OrganizationId,
    min_confidence: MinConfidence = 0.0,
    limit: Limit = 20,
    offset: Offset = 0,
    evidence: WithEvidence = True,
) -> Page[Reach]:
    """Enterprises it covers or is the Party organization of, directly or through subordinate bodies."""
    window = Window(offset, limit, evidence)
    return page_of_reaches(store.enterprises_under(organization_id, min_confidence, window), window)


@router.get("/{organization_id}/hierarchy")
def list_hierarchy_above(
    store: StoreDep,
    organization_id: OrganizationId,
    min_confidence: MinConfidence = 0.0,
    limit: Limit = 20,
    offset: Offset = 0,
    evidence: WithEvidence = True,
) -> Page[Reach]:
    """The bodies above it (SUBORDINATE_TO and PART_OF followed outwards), nearest first."""
    window = Window(offset, limit, evidence)
    return page_of_reaches(store.hierarchy_above(organization_id, min_confidence, window), window)


@router.get("/{organization_id}/subtree")
def list_subtree_below(
    store: StoreDep,
    organization_id: OrganizationId,
    depth: Annotated[int, Query(ge=1, le=10, description="most relations to walk down", examples=[3])] = 3,
    min_confidence: MinConfidence = 0.0,
    limit: Limit = 20,
    offset: Offset = 0,
    evidence: WithEvidence = True,
) -> Page[Reach]:
    """The bodies below it and the units it covers, nearest first, down to `depth` relations."""
    window = Window(offset, limit, evidence)
    return page_of_reaches(store.subtree_below(organization_id, depth, min_confidence, window), window)


@router.get("/{organization_id}/posts")
def list_posts(
    store: StoreDep,
    organization_id: OrganizationId,
    min_confidence: MinConfidence = 0.0,
    limit: Limit = 20,
    offset: Offset = 0,
) -> Page[Post]:
    """The people holding posts in it, by name, each with the post's title and evidence sentences."""
    return page_of(posts_in(store, organization_id, min_confidence), limit, offset)
