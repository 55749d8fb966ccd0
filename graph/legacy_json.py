"""The JSON file earlier versions kept the embedded store in: recognised, read, and converted once.

Before the store moved to SQLite it rewrote one JSON document (`graph.json`) after
every load. `parkgraph migrate` reads such a file into a new SQLite store, leaving
the file as it was; the store refuses to open one directly, so an old file is never
mistaken for an empty store nor overwritten.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field, ValidationError

from parkgraph.graph.errors import StoreError
from parkgraph.graph.facts import DocumentInfo
from parkgraph.graph.model import Entity, Relation

FILE_FORMAT = "parkgraph-embedded"
FILE_VERSION = 1
_SNIFF_BYTES = 4096


class JsonDocument(DocumentInfo):
    """A document record as the JSON file kept it: its identity plus the normalized text."""

    text: str | None = None


class JsonGraphFile(BaseModel):
    """The versioned JSON document the store used to be saved as."""

    format: Literal["parkgraph-embedded"]
    version: Literal[1]
    documents: list[JsonDocument]
    nodes: list[Entity]
    edges: list[Relation]
    names: dict[str, dict[str, list[str]]] = Field(
        default_factory=dict, description="entity id → document id → the names that document gave it"
    )


def looks_like_json_store(head: bytes) -> bool:
    """Whether a file's first bytes are those of a JSON store (`{` and its format name up front)."""
    return head.lstrip().startswith(b"{") and f'"{FILE_FORMAT}"'.encode() in head[:_SNIFF_BYTES]


def read_json_store(path: Path) -> JsonGraphFile:
    """The JSON store at `path`, or StoreError saying in one line what is wrong with the file."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise StoreError(f"cannot read graph file {path}: {exc}") from exc
    try:
        return JsonGraphFile.model_validate_json(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "top level"
        raise StoreError(
            f"graph file {path} is not a {FILE_FORMAT} version {FILE_VERSION} file "
            f"({exc.error_count()} problem(s); first at {where}: {first['msg']})"
        ) from exc
