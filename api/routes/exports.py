"""The whole graph as one file, for RDF tools, Gephi and yEd, or Neo4j's bulk importer.

Every format is written to an unnamed temporary file first and sent from there: the CSV zip is
387 MiB at a million entities, too much to hold in memory per download, and anyone who can read the
API can ask for it. The file has no name to leave behind (`tempfile.TemporaryFile`); its disk is
freed when it is closed, after the response is sent, or when the export fails.
"""

from __future__ import annotations

import os
import tempfile
import threading
from collections.abc import Callable, Iterator
from enum import StrEnum
from typing import Annotated, BinaryIO, NamedTuple

from fastapi import APIRouter, HTTPException, Query
from fastapi.responses import StreamingResponse
from starlette.background import BackgroundTask

from parkgraph.api.deps import StoreDep
from parkgraph.api.problems import INVALID_REQUEST_RESPONSE, STORE_UNAVAILABLE_RESPONSE
from parkgraph.api.schemas import Problem
from parkgraph.graph.exports import graphml, write_csv_zip
from parkgraph.graph.store import Store
from parkgraph.ontology.export import ExportError, serialize

_CHUNK_BYTES = 1 << 20
EXPORTS_AT_ONCE = 1
"""Exports written or sent at the same time by one server: each writes the whole graph to disk first
(the CSV zip and its spool files some 570 MiB at 200,000 entities), so callers asking again and
again must not be able to fill the disk; one more is refused at once, not queued."""
_slots = threading.BoundedSemaphore(EXPORTS_AT_ONCE)


class ExportFormat(StrEnum):
    turtle = "turtle"
    json_ld = "json-ld"
    graphml = "graphml"
    csv = "csv"


class _Writer(NamedTuple):
    media_type: str
    filename: str
    write: Callable[[Store, BinaryIO], object]


WRITERS: dict[ExportFormat, _Writer] = {
    ExportFormat.turtle: _Writer(
        "text/turtle; charset=utf-8",
        "parkgraph.ttl",
        lambda store, target: target.write(serialize(store, "turtle").encode()),
    ),
    ExportFormat.json_ld: _Writer(
        "application/ld+json",
        "parkgraph.jsonld",
        lambda store, target: target.write(serialize(store, "json-ld").encode()),
    ),
    ExportFormat.graphml: _Writer(
        "application/graphml+xml", "parkgraph.graphml", lambda store, target: target.write(graphml(store))
    ),
    ExportFormat.csv: _Writer("application/zip", "parkgraph-neo4j-import.zip", write_csv_zip),
}

router = APIRouter(
    prefix="/export",
    tags=["export"],
    responses={**INVALID_REQUEST_RESPONSE, **STORE_UNAVAILABLE_RESPONSE},
)


def _spooled(writer: _Writer, store: Store) -> BinaryIO:
    """The export in an unnamed temporary file, at its start; closed (so gone) if writing fails."""
    spool = tempfile.TemporaryFile()  # noqa: SIM115  (the response closes it once sent)
    try:
        writer.write(store, spool)
        spool.seek(0)
    except BaseException:
        spool.close()
        raise
    return spool


class _Sending:
    """An export's file while it is sent. Closing it frees the file and the slot, once however often
    asked: when the response is sent (its background task) and when its chunks stop being read, which
    is also how a client that leaves halfway ends it (Starlette skips the background task then)."""

    def __init__(self, spool: BinaryIO) -> None:
        self.spool = spool
        self._open = True
        self._lock = threading.Lock()

    def chunks(self) -> Iterator[bytes]:
        try:
            while chunk := self.spool.read(_CHUNK_BYTES):
                yield chunk
        finally:
            self.close()

    def close(self) -> None:
        with self._lock:
            if not self._open:
                return
            self._open = False
        try:
            self.spool.close()
        finally:
            _slots.release()


@router.get(
    "",
    response_class=StreamingResponse,
    responses={
        200: {
            "description": "the graph as a file download",
            "content": {writer.media_type.split(";")[0]: {} for writer in WRITERS.values()},
        },
        429: {"model": Problem, "description": "another export is being written or sent (see Retry-After)"},
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
) -> StreamingResponse:
    """Download the whole graph as RDF (Turtle, JSON-LD), GraphML, or Neo4j import CSV files (a zip).

    A plain `def`: FastAPI runs it in a worker thread, so writing the file does not hold up the event
    loop; the file is then read a megabyte at a time, in worker threads too, and closed once sent."""
    writer = WRITERS[export_format]
    if not _slots.acquire(blocking=False):
        raise HTTPException(
            429, "another export is being written or sent; try again when it is done", {"Retry-After": "10"}
        )
    try:
        spool = _spooled(writer, store)
    except BaseException as exc:
        _slots.release()
        if isinstance(exc, ExportError):
            raise HTTPException(500, f"the graph cannot be exported: {exc}") from None
        raise
    headers = {
        "Content-Disposition": f'attachment; filename="{writer.filename}"',
        "Content-Length": str(os.fstat(spool.fileno()).st_size),
    }
    sending = _Sending(spool)
    return StreamingResponse(
        sending.chunks(),
        media_type=writer.media_type,
        headers=headers,
        background=BackgroundTask(sending.close),
    )
