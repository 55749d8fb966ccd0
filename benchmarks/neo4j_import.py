"""Neo4j bulk import throughput: a CSV export through `neo4j-admin database import full`, against loading.

Run: `python benchmarks/neo4j_import.py --documents 1000 [--load]` (needs Java and Maven, as
`parkgraph neo4j start` does).

It generates `--documents` synthetic documents (`benchmarks/generate.py`), loads them into an
in-memory embedded store and exports that as the CSV zip, to a file in a temporary folder
(`graph.exports.write_csv_zip`), then imports the zip into a throwaway bundled Neo4j of its own (a
new temporary folder, free ports, a random password; deleted at the end) as `parkgraph neo4j import`
does, timing each step: the importer alone, the whole command (stop, import, start), and the
store's first open (constraints, full-text index, the empty lists filled in). It checks the imported
database counts what the embedded store counts. With `--load` it also loads the same documents with
`Neo4jStore.load` into a second throwaway server, the incremental path. Prints a markdown table of
relationships/s (relationships between entities, as the store counts them). Numbers, not pass/fail.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

from generate import generate_documents

from parkgraph.config import Settings
from parkgraph.graph.embedded import EmbeddedStore
from parkgraph.graph.exports import write_csv_zip
from parkgraph.graph.facts import DocumentFacts
from parkgraph.graph.model import Counts
from parkgraph.graph.store import Store
from parkgraph.neo4j_server import import_csv, throwaway_server
from parkgraph.stores import open_store

_T = TypeVar("_T")


def timed(what: str, work: Callable[[], _T]) -> tuple[_T, float]:
    began = time.perf_counter()
    result = work()
    seconds = time.perf_counter() - began
    print(f"{what}: {seconds:.1f} s", file=sys.stderr)
    return result, seconds


def importer_seconds(summary: str) -> float:
    """The importer's own time from its summary (`IMPORT DONE in 1m 2s 345ms.`)."""
    found = re.search(r"IMPORT DONE in ((?:\d+m )?(?:\d+s )?\d+ms)", summary)
    if found is None:
        raise ValueError(f"no import time in {summary!r}")
    units = {"m": 60.0, "s": 1.0, "ms": 0.001}
    return sum(float(value) * units[unit] for value, unit in re.findall(r"(\d+)(ms|m|s)", found[1]))


def export(store: Store, archive: Path) -> None:
    """The CSV zip of `store`, written to the file `archive` (held in memory, it is 387 MiB at a
    million entities)."""
    with archive.open("wb") as target:
        write_csv_zip(store, target)


def relationships(counts: Counts) -> int:
    return sum(counts.relations.values())


def bulk(documents: Sequence[DocumentFacts]) -> list[tuple[str, float, int]]:
    """The bulk path's steps: (step, seconds, relationships between entities)."""
    embedded = EmbeddedStore()
    _, load_seconds = timed("embedded load", lambda: [embedded.load(facts) for facts in documents])
    expected = embedded.counts()
    total = relationships(expected)
    with tempfile.TemporaryDirectory(prefix="neo4j-import-") as folder:
        archive = Path(folder) / "import.zip"
        _, export_seconds = timed("export", lambda: export(embedded, archive))
        print(f"zip: {archive.stat().st_size / 2**20:.1f} MiB, {total} relationships", file=sys.stderr)
        with throwaway_server() as settings:
            summary, command_seconds, open_seconds = import_into(settings, archive, expected)
    importer = importer_seconds(summary)
    return [
        ("embedded store load (in memory)", load_seconds, total),
        ("CSV export (`write_csv_zip`, to a file)", export_seconds, total),
        ("importer alone (`database import full`)", importer, total),
        ("`parkgraph neo4j import` (stop, import, start)", command_seconds, total),
        ("first open: constraints, full-text index, lists", open_seconds, total),
        ("import, start and schema (the two above)", command_seconds + open_seconds, total),
    ]


def import_into(settings: Settings, archive: Path, expected: Counts) -> tuple[str, float, float]:
    """Import the CSV zip in the file `archive` into the server of `settings` and open it once: (the
    importer's summary, seconds of `parkgraph neo4j import`, seconds of the first open). Warns when the
    counts differ."""
    summary, command_seconds = timed("neo4j import", lambda: import_csv(settings, archive, replace=True))
    print(summary, file=sys.stderr)
    store = open_store(settings)
    try:
        _, open_seconds = timed("first open (schema, lists)", store.check)
        if store.counts() != expected:
            print("warning: the imported database counts differ from the store's", file=sys.stderr)
    finally:
        store.close()
    return summary, command_seconds, open_seconds


def incremental(documents: Sequence[DocumentFacts]) -> tuple[str, float, int]:
    with throwaway_server() as settings:
        store = open_store(settings)
        try:
            store.check()
            _, seconds = timed("Neo4jStore.load", lambda: [store.load(facts) for facts in documents])
            total = relationships(store.counts())
        finally:
            store.close()
    return ("incremental: Neo4jStore.load, a transaction per document", seconds, total)


def table(rows: Sequence[tuple[str, float, int]]) -> str:
    lines = ["| step | seconds | relationships/s |", "|---|--:|--:|"]
    lines += [f"| {step} | {seconds:.1f} | {total / seconds:,.0f} |" for step, seconds, total in rows]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--load", action="store_true", help="also time the incremental load")
    args = parser.parse_args()
    documents, _ = timed("generate", lambda: generate_documents(args.documents, args.seed))
    rows = bulk(documents)
    if args.load:
        rows.append(incremental(documents))
    print(table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
