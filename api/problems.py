"""Every error leaves the API as an RFC 9457 problem (`application/problem+json`).

Clients get one shape for every failure, whether FastAPI, a route or a store
raised it; internal details (stack traces) stay in the log.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from parkgraph.api.schemas import FieldError, Problem, ValidationProblem
from parkgraph.graph.errors import NotFound, StoreError

PROBLEM_MEDIA_TYPE = "application/problem+json"

log = logging.getLogger(__name__)


# OpenAPI descriptions of the problems a route can answer with; `serve_problems_as_problem_json`
# moves their schemas to the problem media type.
NOT_FOUND_RESPONSE: dict[int | str, dict[str, Any]] = {404: {"model": Problem}}
INVALID_REQUEST_RESPONSE: dict[int | str, dict[str, Any]] = {422: {"model": ValidationProblem}}
STORE_UNAVAILABLE_RESPONSE: dict[int | str, dict[str, Any]] = {503: {"model": Problem}}
WRITE_REFUSED_RESPONSE: dict[int | str, dict[str, Any]] = {
    401: {"model": Problem, "description": "no bearer token, or not the API's token"},
    403: {"model": Problem, "description": "writes are disabled: the server has no PARKGRAPH_API_TOKEN"},
}


def serve_problems_as_problem_json(openapi: dict[str, Any]) -> dict[str, Any]:
    """FastAPI documents every response as `application/json`; error bodies are problem+json."""
    for operations in openapi.get("paths", {}).values():
        for operation in operations.values():
            for status, response in operation.get("responses", {}).items():
                content = response.get("content", {})
                if status[0] in "45" and "application/json" in content:
                    content[PROBLEM_MEDIA_TYPE] = content.pop("application/json")
    return openapi


def _instance(request: Request) -> str:
    query = request.url.query
    return f"{request.url.path}?{query}" if query else request.url.path


def problem_response(
    request: Request, status: int, detail: str, headers: dict[str, str] | None = None, **extra: Any
) -> JSONResponse:
    """A problem body with the standard title of its status (RFC 9457's `about:blank` type)."""
    body = Problem(title=HTTPStatus(status).phrase, status=status, detail=detail, instance=_instance(request))
    return JSONResponse(
        {**body.model_dump(), **extra}, status_code=status, headers=headers, media_type=PROBLEM_MEDIA_TYPE
    )


def _field_path(parts: Sequence[str | int]) -> str:
    """`("type", 0)` -> `type[0]`: how a person would name the field."""
    path = ""
    for part in parts:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path


def field_errors(errors: Sequence[Any]) -> list[FieldError]:
    """Pydantic error dicts as location, field and message."""
    result = []
    for error in errors:
        location, *rest = error.get("loc") or ("request",)
        cause = (error.get("ctx") or {}).get("error")
        message = str(cause) if error.get("type") == "value_error" and cause else error.get("msg", "invalid")
        result.append(FieldError(location=str(location), field=_field_path(rest), message=message))
    return result


async def _http_exception(request: Request, exc: StarletteHTTPException) -> JSONResponse:
    return problem_response(request, exc.status_code, str(exc.detail), headers=exc.headers)


async def _validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
    errors = field_errors(exc.errors())
    summary = "; ".join(f"{e.field or e.location}: {e.message}" for e in errors)
    return problem_response(
        request,
        422,
        f"invalid request: {summary}",
        errors=[error.model_dump() for error in errors],
    )


async def _not_found(request: Request, exc: NotFound) -> JSONResponse:
    return problem_response(request, 404, str(exc))


async def _store_error(request: Request, exc: StoreError) -> JSONResponse:
    log.warning("graph store failed on %s: %s", request.url.path, exc)
    return problem_response(request, 503, f"graph store unavailable: {exc}")


async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    log.exception("unexpected error on %s", request.url.path, exc_info=exc)
    return problem_response(request, 500, "an unexpected error occurred; it has been logged")


def install_problem_handlers(app: FastAPI) -> None:
    """Route every kind of failure to its problem response."""
    app.add_exception_handler(StarletteHTTPException, _http_exception)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(NotFound, _not_found)
    app.add_exception_handler(StoreError, _store_error)
    app.add_exception_handler(Exception, _unexpected)
