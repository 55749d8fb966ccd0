"""A person's own Cypher, run read-only on a Neo4j store: the checks, the run, and its results as JSON.

The query text comes from the user (that is the point), so it is trusted with nothing:
- it is planned first (`EXPLAIN`, which runs nothing) and refused (`CypherForbidden`) unless the
  plan only reads: Neo4j calls it read-only, it has no command (`SHOW …`, `TERMINATE …`, which
  Neo4j also calls read-only but which show or end other callers' work), every procedure it calls
  is on `ALLOWED_PROCEDURES`, and it reads no file or URL (`LOAD CSV`);
- it then runs in a read transaction, so the server refuses any write the plan check missed,
  under a timeout the server enforces and its per-transaction memory limit, and at most `limit`
  rows and `byte_limit` bytes of JSON are read;
- values reach it only as parameters (`$name`).
"""

from __future__ import annotations

import base64
import json
import math
from collections.abc import Iterator, Mapping
from typing import Any, Protocol, runtime_checkable

from neo4j import ManagedTransaction
from neo4j.exceptions import ClientError, TransientError
from neo4j.graph import Node, Path, Relationship
from neo4j.spatial import Point
from neo4j.time import Date, DateTime, Duration, Time
from pydantic import BaseModel, Field

__all__ = [
    "ALLOWED_PROCEDURES",
    "CypherForbidden",
    "CypherReader",
    "CypherRefused",
    "CypherResult",
    "CypherTimeout",
    "json_value",
    "run_read_only",
]

READ_ONLY = "r"
"""Neo4j's query type for a plan that only reads (others: 'rw', 'w', 's' for schema and administration)."""

_NOT_READ_ONLY = {
    "rw": "it writes to the graph",
    "w": "it writes to the graph",
    "s": "it changes the schema or the server (an administration command or procedure)",
}
ALLOWED_PROCEDURES = frozenset(
    {
        "db.labels",
        "db.relationshipTypes",
        "db.propertyKeys",
        "db.schema.nodeTypeProperties",
        "db.schema.relTypeProperties",
        "db.schema.visualization",
        "db.index.fulltext.queryNodes",
        "db.index.fulltext.queryRelationships",
    }
)
"""What the graph's own shape and search need; other procedures (statistics collection, replanning,
index sampling, the server's configuration) touch the server, so they are not run for a caller."""
_COMMAND_OPERATORS = ("Show", "Terminate")
"""Plan operators of commands: `SHOW TRANSACTIONS` shows others' queries and parameters,
`TERMINATE TRANSACTIONS` ends them, yet Neo4j plans both as read-only."""
_OUT_OF_MEMORY = "Neo.TransientError.General.MemoryPoolOutOfMemoryError"
INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1
_TIMEOUT_CODES = ("Neo.ClientError.Transaction.TransactionTimedOut",)
_STORE_FAULT_PREFIXES = ("Neo.ClientError.Security.", "Neo.ClientError.Database.", "Neo.ClientError.Cluster.")
"""Client errors that are the store's configuration, not the query's fault: they stay store errors."""


class CypherResult(BaseModel):
    """The rows a query returned, as JSON: nodes and relationships become objects with their properties."""

    columns: list[str]
    rows: list[list[Any]]
    truncated: bool = Field(
        description="true when the query had more rows than `limit` or more JSON than `byte_limit`;"
        " the rest were not read"
    )
    limit: int = Field(description="the most rows returned")
    byte_limit: int = Field(description="the most bytes of JSON rows returned")


class CypherRefused(ValueError):
    """The query is not read-only, or Neo4j refused it (syntax, a missing parameter); says why."""


class CypherForbidden(CypherRefused):
    """The query would do more than read the graph: it is not run here."""


class CypherTimeout(CypherRefused):
    """The query ran longer than its timeout and was stopped."""


@runtime_checkable
class CypherReader(Protocol):
    """A store that can run a person's own read-only Cypher (the Neo4j store)."""

    def read_cypher(
        self,
        query: str,
        parameters: Mapping[str, Any] | None = None,
        timeout: float = 10.0,
        limit: int = 1000,
        byte_limit: int = 4 * 2**20,
    ) -> CypherResult: ...


def run_read_only(
    tx: ManagedTransaction,
    query: str,
    parameters: dict[str, Any],
    limit: int,
    timeout: float,
    byte_limit: int,
) -> CypherResult:
    """Check the plan of `query`, then read at most `limit` rows and `byte_limit` bytes of JSON of it
    (the work of a read transaction)."""
    for name, value in parameters.items():
        _check_parameter(name, value)
    try:
        _check_plan(tx, query, parameters)
        result = tx.run(query, parameters)
        rows: list[list[Any]] = []
        size = 0
        truncated = False
        for record in result:
            row = [json_value(value) for value in record.values()]
            size += len(json.dumps(row, ensure_ascii=False).encode("utf-8"))
            if len(rows) == limit or size > byte_limit:
                truncated = True
                break
            rows.append(row)
        return CypherResult(
            columns=list(result.keys()), rows=rows, truncated=truncated, limit=limit, byte_limit=byte_limit
        )
    except TransientError as exc:
        if exc.code == _OUT_OF_MEMORY:
            raise CypherRefused(
                "the query needed more memory than one query may use here; narrow it or add a LIMIT"
            ) from None
        raise
    except ClientError as exc:
        code = exc.code or ""
        if code.startswith(_TIMEOUT_CODES):
            raise CypherTimeout(
                f"the query ran longer than {timeout:g} s and was stopped; narrow it or add a LIMIT"
            ) from None
        if code.startswith(_STORE_FAULT_PREFIXES):
            raise
        raise CypherRefused(f"Neo4j refused the query: {exc.message or code}") from None


def _check_plan(tx: ManagedTransaction, query: str, parameters: dict[str, Any]) -> None:
    summary = tx.run("EXPLAIN " + query, parameters).consume()
    if summary.query_type != READ_ONLY:
        why = _NOT_READ_ONLY.get(summary.query_type or "", "Neo4j does not call it read-only")
        raise CypherForbidden(f"only read-only queries run here, and this one is not: {why}")
    for operator, details in _operators(summary.plan or {}):
        if operator.startswith(_COMMAND_OPERATORS):
            raise CypherForbidden(
                "administration commands (SHOW …, TERMINATE …) are not run here; only queries of the graph"
            )
        if operator.startswith("LoadCSV"):
            raise CypherForbidden("LOAD CSV reads the server's files and URLs; it is not run here")
        if operator.startswith("ProcedureCall"):
            name = details.split("(", 1)[0].strip()
            if name not in ALLOWED_PROCEDURES:
                raise CypherForbidden(
                    f"procedure {name} is not run here; these are: {', '.join(sorted(ALLOWED_PROCEDURES))}"
                )


def _check_parameter(name: str, value: Any) -> None:
    """Refuse, before anything is sent, an integer the driver cannot send (Neo4j's are 64 bits)."""
    if isinstance(value, int) and not isinstance(value, bool) and not INT64_MIN <= value <= INT64_MAX:
        raise CypherRefused(f"parameter ${name}: {value} is outside Neo4j's 64-bit integers")
    if isinstance(value, list | tuple):
        for item in value:
            _check_parameter(name, item)
    elif isinstance(value, Mapping):
        for item in value.values():
            _check_parameter(name, item)


def _operators(plan: Mapping[str, Any]) -> Iterator[tuple[str, str]]:
    """Every operator of an EXPLAIN plan (`ProcedureCall@neo4j`) with its details
    (`db.labels() :: (label :: STRING)`), depth first."""
    yield plan.get("operatorType", ""), str(plan.get("args", {}).get("Details") or "")
    for child in plan.get("children", []):
        yield from _operators(child)


def json_value(value: Any) -> Any:
    """A driver value as JSON: graph objects as objects, temporal values as ISO 8601 text.

    Graph objects and temporal and spatial values are matched first: the driver makes them
    mappings and tuples too.
    """
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else str(value)
    if isinstance(value, Date | DateTime | Time | Duration):
        return value.iso_format()
    if isinstance(value, Point):
        return {"srid": value.srid, "coordinates": list(value)}
    if isinstance(value, Node):
        return {
            "element_id": value.element_id,
            "labels": sorted(value.labels),
            "properties": _properties(value),
        }
    if isinstance(value, Relationship):
        return {
            "element_id": value.element_id,
            "type": value.type,
            "start": value.start_node.element_id if value.start_node else None,
            "end": value.end_node.element_id if value.end_node else None,
            "properties": _properties(value),
        }
    if isinstance(value, Path):
        return {
            "nodes": [json_value(node) for node in value.nodes],
            "relationships": [json_value(relationship) for relationship in value.relationships],
        }
    if isinstance(value, list | tuple):
        return [json_value(item) for item in value]
    if isinstance(value, Mapping):
        return {str(key): json_value(item) for key, item in value.items()}
    if isinstance(value, bytes | bytearray):
        return base64.b64encode(value).decode("ascii")
    return str(value)


def _properties(entity: Node | Relationship) -> dict[str, Any]:
    return {key: json_value(item) for key, item in sorted(entity.items())}
