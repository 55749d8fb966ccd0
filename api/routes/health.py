"""Whether the API is up, for load balancers and smoke tests."""

from __future__ import annotations

from fastapi import APIRouter

from parkgraph.api.deps import StoreDep
from parkgraph.api.schemas import Health

router = APIRouter(tags=["health"])


@router.get("/health")
def get_health(store: StoreDep) -> Health:
    """The API answers, and which graph store it serves; 503 when that store cannot answer now."""
    store.check()
    return Health(status="ok", store=type(store).__name__)
