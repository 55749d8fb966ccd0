"""Which store to open: chosen by configuration (`--store`, `PARKGRAPH_STORE`), never by code edits."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from parkgraph.config import Settings
from parkgraph.graph.errors import StoreError
from parkgraph.graph.store import Store


def _embedded(settings: Settings) -> Store:
    from parkgraph.graph.embedded import EmbeddedStore

    return EmbeddedStore(Path(settings.data))


STORES: dict[str, Callable[[Settings], Store]] = {"embedded": _embedded}


def open_store(settings: Settings) -> Store:
    """The configured store; StoreError with a readable reason when it cannot be opened."""
    try:
        factory = STORES[settings.store]
    except KeyError:
        raise StoreError(
            f"store {settings.store!r} is not available; choose one of: {', '.join(sorted(STORES))}"
        ) from None
    return factory(settings)
