"""The FastAPI application: routers under `/api`, problem handlers, and the explorer at `/`."""

from __future__ import annotations

from importlib.metadata import version
from typing import Any

from fastapi import APIRouter, FastAPI

from parkgraph.api.explorer import mount_explorer
from parkgraph.api.guide import mount_guide
from parkgraph.api.limits import BodyLimit
from parkgraph.api.problems import install_problem_handlers, serve_problems_as_problem_json
from parkgraph.api.routes import (
    corrections,
    cypher,
    documents,
    entities,
    exports,
    health,
    organizations,
    paths,
    relations,
    stats,
)
from parkgraph.api.uploads import MAX_UPLOAD_BYTES
from parkgraph.config import Settings
from parkgraph.graph.store import Store

API_PREFIX = "/api"


def _api_router() -> APIRouter:
    api = APIRouter(prefix=API_PREFIX)
    for module in (entities, organizations, paths, relations, documents, stats, cypher, exports, corrections):
        api.include_router(module.router)
    return api


def _document_problems_as_problem_json(app: FastAPI) -> None:
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = serve_problems_as_problem_json(generate())
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def create_app(store: Store, settings: Settings | None = None) -> FastAPI:
    """An app serving `store`; the caller opened the store and closes it after the app stops.

    `settings` (read from the environment when not given) hold the write token, the body limit and
    the Cypher limits.
    """
    app = FastAPI(
        title="parkgraph",
        summary="Knowledge graph of industrial-park Party-building, built from Chinese documents.",
        version=version("parkgraph"),
        docs_url=None,
        redoc_url=None,
    )
    app.state.store = store
    app.state.settings = settings = settings if settings is not None else Settings()
    app.add_middleware(
        BodyLimit,
        default=settings.max_body_bytes,
        larger={("POST", f"{API_PREFIX}/documents"): MAX_UPLOAD_BYTES},
    )
    install_problem_handlers(app)
    app.include_router(_api_router())
    app.include_router(health.router)
    _document_problems_as_problem_json(app)
    mount_explorer(app)
    mount_guide(app)

    return app
