"""The FastAPI application: routers under `/api`, problem handlers, and `/` left for the explorer."""

from __future__ import annotations

from importlib.metadata import version
from typing import Any

from fastapi import APIRouter, FastAPI
from fastapi.responses import RedirectResponse

from parkgraph.api.problems import install_problem_handlers, serve_problems_as_problem_json
from parkgraph.api.routes import documents, entities, health, organizations, paths, relations, stats
from parkgraph.graph.store import Store

API_PREFIX = "/api"


def _api_router() -> APIRouter:
    api = APIRouter(prefix=API_PREFIX)
    for module in (entities, organizations, paths, relations, documents, stats):
        api.include_router(module.router)
    return api


def _document_problems_as_problem_json(app: FastAPI) -> None:
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = serve_problems_as_problem_json(generate())
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def create_app(store: Store) -> FastAPI:
    """An app serving `store`; the caller opened the store and closes it after the app stops."""
    app = FastAPI(
        title="parkgraph",
        summary="Knowledge graph of industrial-park Party-building, built from Chinese documents.",
        version=version("parkgraph"),
    )
    app.state.store = store
    install_problem_handlers(app)
    app.include_router(_api_router())
    app.include_router(health.router)
    _document_problems_as_problem_json(app)

    @app.get("/", include_in_schema=False)
    def root() -> RedirectResponse:
        """Until the web explorer is mounted here, send visitors to the API documentation."""
        return RedirectResponse("/docs")

    return app
