"""What routes share: the store, the settings, write access, paging parameters and type names.

Type names come from the ontology vocabulary, so a request naming a type the
schema does not know is refused with the list of valid ones.

Writes change the graph everyone reads, so they need the bearer token of
`PARKGRAPH_API_TOKEN`; with no token configured the API is read-only.
"""

from __future__ import annotations

import hmac
import logging
import threading
from enum import StrEnum
from typing import Annotated

from fastapi import Depends, HTTPException, Query, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from parkgraph.config import Settings
from parkgraph.graph.store import Store
from parkgraph.loaders.pipeline import Pipeline
from parkgraph.ontology.vocab import load_vocabulary


def get_store(request: Request) -> Store:
    """The store `create_app` was given."""
    return request.app.state.store


StoreDep = Annotated[Store, Depends(get_store)]


def get_settings(request: Request) -> Settings:
    """The settings `create_app` was given."""
    return request.app.state.settings


SettingsDep = Annotated[Settings, Depends(get_settings)]

log = logging.getLogger(__name__)
_pipeline_lock = threading.Lock()


def _log_dropped(source: str, message: str) -> None:
    """What normalization dropped from an upload (a mojibake stretch) goes to the log; the rest is used."""
    log.warning("upload %s: %s", source, message)


def get_pipeline(request: Request) -> Pipeline:
    """The app's extraction pipeline, made on the first upload (loading the lexicon takes a moment)."""
    state = request.app.state
    with _pipeline_lock:
        if getattr(state, "pipeline", None) is None:
            state.pipeline = Pipeline(warn=_log_dropped)
        return state.pipeline


PipelineDep = Annotated[Pipeline, Depends(get_pipeline)]

_bearer = HTTPBearer(
    auto_error=False,
    scheme_name="token",
    description="the value of PARKGRAPH_API_TOKEN on the server; only writes ask for it",
)

WRITES_DISABLED = "writes are disabled: set PARKGRAPH_API_TOKEN"


def require_write_token(
    settings: SettingsDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> None:
    """Let a write through only with the configured token (compared in constant time)."""
    if settings.api_token is None:
        raise HTTPException(403, WRITES_DISABLED)
    if credentials is None:
        raise HTTPException(
            401,
            "this request changes the graph: send `Authorization: Bearer <token>`",
            headers={"WWW-Authenticate": 'Bearer realm="parkgraph"'},
        )
    if not hmac.compare_digest(credentials.credentials.encode(), settings.api_token.encode()):
        raise HTTPException(
            401,
            "the bearer token is not the API's token",
            headers={"WWW-Authenticate": 'Bearer realm="parkgraph", error="invalid_token"'},
        )


WriteAccess = Depends(require_write_token)

# Enums built from the ontology, so OpenAPI lists the choices and a wrong name gets a 422 naming them.
EntityTypeName = StrEnum("EntityTypeName", {name: name for name in load_vocabulary().entity_types})
RelationTypeName = StrEnum("RelationTypeName", {name: name for name in load_vocabulary().relation_types})

MAX_LIMIT = 200
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="most items to return", examples=[20])]
Offset = Annotated[int, Query(ge=0, description="items to skip before the first returned", examples=[0])]
MinConfidence = Annotated[
    float,
    Query(
        ge=0.0,
        le=1.0,
        description="walk and return only relations at least this confident (0 keeps the weak ones too)",
        examples=[0.6],
    ),
]
WithEvidence = Annotated[
    bool,
    Query(
        description="false leaves each relation's evidence out (its confidence stays); "
        "GET /api/relations/{id} then gives one relation's evidence",
        examples=[False],
    ),
]
