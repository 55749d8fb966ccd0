"""The whole graph as one file, for RDF tools, Gephi and yEd, or Neo4j's bulk importer."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import Annotated, NamedTuple

from fastapi import APIRouter, HTTPException, Query, Response

from parkgraph.api.deps import StoreDep
from parkgraph.api.problems import INVALID_REQUEST_RESPONSE, STORE_UNAVAILABLE_RESPONSE
from parkgraph.api.schemas import Problem
from parkgraph.graph.exports import csv_zip, graphml
from parkgraph.graph.store import Store
from parkgraph.ontology.export import ExportError, serialize


class ExportFormat(StrEnum):
    turtle = "turtle"
    json_ld = "json-ld"
    graphml = "graphml"
    csv = "csv"


class _Writer(NamedTuple):
    media_type: str
    filename: str
    write: Callable[[Store], bytes]


WRITERS: dict[ExportFormat, _Writer] = {
    ExportFormat.turtle: _Writer(
        "text/turtle; charset=utf-8", "parkgraph.ttl", lambda store: serialize(store, "turtle").encode()
    ),
    ExportFormat.json_ld: _Writer(
        "application/ld+json", "parkgraph.jsonld", lambda store: serialize(store, "json-ld").encode()
    ),
    ExportFormat.graphml: _Writer("application/graphml+xml", "parkgraph.graphml", graphml),
    ExportFormat.csv: _Writer("application/zip", "parkgraph-neo4j-import.zip", csv_zip),
}

router = APIRouter(
    prefix="/export",
    tags=["export"],
    responses={**INVALID_REQUEST_RESPONSE, **STORE_UNAVAILABLE_RESPONSE},
)


@router.get(
    "",
    response_class=Response,
    responses={
        200: {
            "description": "the graph as a file download",
            "content": {writer.media_type.split(";")[0]: {} for writer in WRITERS.values()},
        },
        500: {"model": Problem, "description": "the graph breaks the ontology's SHACL shapes (RDF only)"},
    },
)
def export_graph(
    store: StoreDep,
    export_format: Annotated[
        ExportFormat,
        Query(
            alias="format",
            description="turtle or json-ld: RDF in the parkgraph ontology, checked against its SHACL shapes; "
            "graphml: for Gephi and yEd; csv: the whole graph as `neo4j-admin database import full` "
            "files, zipped (`parkgraph neo4j import` loads it)",
            examples=["turtle"],
        ),
    ] = ExportFormat.turtle,
) -> Response:
    """Download the whole graph as RDF (Turtle, JSON-LD), GraphML, or Neo4j import CSV files (a zip)."""
    writer = WRITERS[export_format]
    try:
        body = writer.write(store)
    except ExportError as exc:
        raise HTTPException(500, f"the graph cannot be exported: {exc}") from None
    disposition = f'attachment; filename="{writer.filename}"'
    return Response(body, media_type=writer.media_type, headers={"Content-Disposition": disposition})
