"""How big the graph is."""

from __future__ import annotations

from fastapi import APIRouter

from parkgraph.api.deps import StoreDep
from parkgraph.api.problems import STORE_UNAVAILABLE_RESPONSE
from parkgraph.graph.model import Counts

router = APIRouter(prefix="/stats", tags=["stats"], responses=STORE_UNAVAILABLE_RESPONSE)


@router.get("")
def get_counts(store: StoreDep) -> Counts:
    """Documents, entities by type and relations by type."""
    return store.counts()
