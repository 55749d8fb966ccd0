"""A person's own read-only Cypher, for what the other routes do not ask (Neo4j store only)."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException

from parkgraph.api.deps import SettingsDep, StoreDep
from parkgraph.api.problems import INVALID_REQUEST_RESPONSE, STORE_UNAVAILABLE_RESPONSE
from parkgraph.api.schemas import CypherRequest, Problem
from parkgraph.graph.user_cypher import CypherForbidden, CypherReader, CypherRefused, CypherResult

router = APIRouter(
    prefix="/cypher",
    tags=["cypher"],
    responses={
        400: {
            "model": Problem,
            "description": "refused by Neo4j (syntax, parameters), or stopped by a limit",
        },
        403: {
            "model": Problem,
            "description": "does more than read the graph: a write, a command, a procedure",
        },
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
    """Run a read-only Cypher query with `$parameters`, under a timeout (10 s), a row cap (1000 rows) and
    a byte cap (4 MiB of JSON rows)."""
    if not isinstance(store, CypherReader):
        raise HTTPException(501, NEEDS_NEO4J)
    try:
        return store.read_cypher(
            request.query,
            request.parameters,
            settings.cypher_timeout,
            settings.cypher_row_limit,
            settings.cypher_byte_limit,
        )
    except CypherForbidden as exc:
        raise HTTPException(403, str(exc)) from None
    except CypherRefused as exc:
        raise HTTPException(400, str(exc)) from None
