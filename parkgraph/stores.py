"""Which store to open: chosen by configuration (`--store`, `PARKGRAPH_STORE`), never by code edits."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

from parkgraph.config import Settings, default_data_path, legacy_data_path
from parkgraph.graph.errors import StoreError
from parkgraph.graph.store import Store


def _embedded(settings: Settings) -> Store:
    """The SQLite store at `settings.data`; at the default place, the JSON store of earlier versions
    converted into it first, if that is all there is (the JSON file is left as it was)."""
    from parkgraph.graph.embedded import EmbeddedStore, migrate_json

    path = Path(settings.data)
    legacy = legacy_data_path()
    if path == default_data_path() and not path.exists() and legacy.is_file():
        documents = migrate_json(legacy, path)
        if documents is not None:
            print(
                f"parkgraph: converted the JSON store {legacy} ({documents} documents) into {path}",
                file=sys.stderr,
            )
    return EmbeddedStore(path)


_BOLT_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")


def _neo4j(settings: Settings) -> Store:
    """A Neo4jStore over a driver made here from NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD; the store owns it.

    The driver's own waits (30 s to connect, 30 s of retries) would hold a request for a minute when
    the server is down; the settings' few seconds make an outage an error the caller sees at once.
    """
    from neo4j import GraphDatabase
    from neo4j.exceptions import ConfigurationError

    from parkgraph.graph.neo4j_store import Neo4jStore

    scheme = urlsplit(settings.neo4j_uri).scheme
    if scheme not in _BOLT_SCHEMES:
        raise StoreError(
            f"NEO4J_URI {settings.neo4j_uri!r} is not a Bolt address; "
            f"it must start with one of {', '.join(s + '://' for s in _BOLT_SCHEMES)}"
        )
    try:
        driver = GraphDatabase.driver(
            settings.neo4j_uri,
            auth=(settings.neo4j_user, settings.neo4j_password),
            connection_timeout=settings.neo4j_connect_timeout,
            connection_acquisition_timeout=settings.neo4j_connect_timeout + settings.neo4j_retry_time,
            max_transaction_retry_time=settings.neo4j_retry_time,
        )
    except (ConfigurationError, ValueError) as exc:
        raise StoreError(f"cannot use NEO4J_URI {settings.neo4j_uri!r}: {exc}") from exc
    return Neo4jStore(driver, settings.neo4j_database, uri=settings.neo4j_uri, owns_driver=True)


STORES: dict[str, Callable[[Settings], Store]] = {"embedded": _embedded, "neo4j": _neo4j}


def open_store(settings: Settings) -> Store:
    """The configured store; StoreError with a readable reason when it cannot be opened."""
    try:
        factory = STORES[settings.store]
    except KeyError:
        raise StoreError(
            f"store {settings.store!r} is not available; choose one of: {', '.join(sorted(STORES))}"
        ) from None
    return factory(settings)
