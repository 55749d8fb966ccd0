"""Settings from the environment (prefix PARKGRAPH_, plus the usual NEO4J_* names)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from pydantic import AliasChoices, Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


def _data_home() -> Path:
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share") / "parkgraph"


def default_data_path() -> Path:
    """The embedded store's SQLite file: `$XDG_DATA_HOME/parkgraph/graph.db` (~/.local/share by default)."""
    return _data_home() / "graph.db"


def legacy_data_path() -> Path:
    """Where earlier versions kept the embedded store as JSON: converted once when `graph.db` is missing."""
    return _data_home() / "graph.json"


def default_neo4j_home() -> Path:
    """The bundled Neo4j server's folder: `$XDG_DATA_HOME/parkgraph/neo4j` (data, logs, pid, build cache)."""
    return _data_home() / "neo4j"


MIN_API_TOKEN_LENGTH = 16


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="PARKGRAPH_", extra="ignore")

    store: Literal["embedded", "neo4j"] = "embedded"
    data: Path = Field(default_factory=default_data_path, description="embedded store file (SQLite)")
    neo4j_uri: str = Field(
        "bolt://127.0.0.1:7687", validation_alias=AliasChoices("NEO4J_URI", "PARKGRAPH_NEO4J_URI")
    )
    neo4j_user: str = Field("neo4j", validation_alias=AliasChoices("NEO4J_USER", "PARKGRAPH_NEO4J_USER"))
    neo4j_password: str = Field(
        "", validation_alias=AliasChoices("NEO4J_PASSWORD", "PARKGRAPH_NEO4J_PASSWORD"), repr=False
    )
    neo4j_database: str = Field(
        "neo4j", validation_alias=AliasChoices("NEO4J_DATABASE", "PARKGRAPH_NEO4J_DATABASE")
    )
    neo4j_connect_timeout: float = Field(
        2.0, gt=0, le=120, description="seconds to wait for Neo4j to answer a new connection"
    )
    neo4j_retry_time: float = Field(
        2.0, ge=0, le=600, description="seconds to keep retrying a transaction that failed transiently"
    )
    neo4j_home: Path = Field(default_factory=default_neo4j_home, description="the bundled Neo4j's folder")
    neo4j_http_port: int = Field(7474, ge=1, le=65535, description="the bundled Neo4j's HTTP port")
    api_token: str | None = Field(
        None, repr=False, description="bearer token the HTTP API asks of writes; none: writes are refused"
    )
    max_body_bytes: int = Field(
        2**20, ge=1024, description="most bytes of request body a route reads (uploads have their own limit)"
    )
    cypher_timeout: float = Field(
        10.0, gt=0, le=600, description="seconds a query of the API's read-only Cypher endpoint may run"
    )
    cypher_row_limit: int = Field(1000, ge=1, le=100_000, description="most rows that endpoint returns")
    cypher_byte_limit: int = Field(
        4 * 2**20, ge=1024, le=256 * 2**20, description="most bytes of JSON rows that endpoint returns"
    )

    @field_validator("api_token")
    @classmethod
    def _guessable_token_refused(cls, token: str | None) -> str | None:
        """A short token can be guessed; an empty one means none (writes stay disabled)."""
        if token is None or not token.strip():
            return None
        if len(token) < MIN_API_TOKEN_LENGTH:
            raise ValueError(
                f"PARKGRAPH_API_TOKEN must be at least {MIN_API_TOKEN_LENGTH} characters "
                "(make one with `python -c 'import secrets; print(secrets.token_urlsafe())'`)"
            )
        return token
