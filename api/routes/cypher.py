"""A person's own read-only Cypher, for what the other routes do not ask (Neo4j store only)."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException

from parkgraph.api.deps import SettingsDep, StoreDep
from parkgraph.api.problems import INVALID_REQUEST_RESPONSE, STORE_UNAVAILABLE_RESPONSE
from parkgraph.api.schemas import CypherRequest, Problem
from parkgraph.graph.user_cypher import CypherReader, CypherRefused, CypherResult

router = APIRouter(
    prefix="/cypher",
    tags=["cypher"],
    responses={
        400: {"model": Problem, "description": "not read-only, refused by Neo4j, or stopped by the timeout"},
        501: {"model": Problem, "description": "the API serves the embedded store, which has no Cypher"},
        **INVALID_REQUEST_RESPONSE,
        **STORE_UNAVAILABLE_RESPONSE,
    },
)

NEEDS_NEO4J = (
    "Cypher queries need the Neo4j store: start the API with `--store neo4j` (or PARKGRAPH_STORE=neo4j)"
)


@router.post("")
def run_cypher(store: StoreDep, settings: SettingsDep, request: CypherRequest) -> CypherResult:
    """Run a read-only Cypher query with `$parameters`, under a timeout (10 s) and a row cap (1000 rows)."""
    if not isinstance(store, CypherReader):
        raise HTTPException(501, NEEDS_NEO4J)
    try:
        return store.read_cypher(
            request.query, request.parameters, settings.cypher_timeout, settings.cypher_row_limit
        )
    except CypherRefused as exc:
        raise HTTPException(400, str(exc)) from None
