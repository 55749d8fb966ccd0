"""What a load's first write, `cypher.OPEN_DOCUMENT`, costs as the documents held pile up.

Run: `python benchmarks/neo4j_document_order.py [--held 300 3000]` (needs Java and Maven, as
`parkgraph neo4j start` does). Run it with an older installed parkgraph to measure the older statement.

The statement numbers a new document one past the highest `loaded_order` held. The script starts a
throwaway bundled Neo4j of its own (as `neo4j_load.py`: it empties the database), makes the store's
constraints and indexes, and for each `--held` count empties the database, creates that many Document
nodes (id and `loaded_order` only, in one statement), then runs the statement `--repeats` times, each in
a transaction rolled back (so the count stays), after a few unmeasured runs. It prints a markdown table
of the median milliseconds (the client's wall time of the statement, and the server's own) and the
database hits PROFILE counts, which do not depend on what else the machine runs. Numbers, not pass/fail.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Sequence

from neo4j import Driver, NotificationMinimumSeverity, Session

from parkgraph.graph import cypher
from parkgraph.graph.neo4j_store import Neo4jStore
from parkgraph.neo4j_server import ServerError, throwaway_driver

EMPTY_DATABASE = "MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS"

HOLD = "UNWIND range(0, $count - 1) AS order CREATE (:Document {id: 'held-' + order, loaded_order: order})"

PROBE = {"id": "probe", "source": "probe.txt", "title": "", "encoding": "utf-8", "text": ""}
"""The document each run would add; its transaction is rolled back."""

WARM_UP = 5


def _session(driver: Driver, database: str) -> Session:
    return driver.session(database=database, notifications_min_severity=NotificationMinimumSeverity.OFF)


def _hits(plan: dict) -> int:
    return plan.get("dbHits", 0) + sum(_hits(child) for child in plan.get("children", []))


def measure(driver: Driver, database: str, held: int, repeats: int) -> tuple[float, float, int]:
    """Median client and server milliseconds of the statement with `held` documents, and its db hits."""
    with _session(driver, database) as session:
        session.run(EMPTY_DATABASE).consume()
        session.run(HOLD, count=held).consume()
        client, server = [], []
        for run in range(WARM_UP + repeats):
            with session.begin_transaction() as tx:
                start = time.perf_counter()
                summary = tx.run(cypher.OPEN_DOCUMENT, document=PROBE, keys=[]).consume()
                seconds = time.perf_counter() - start
                tx.rollback()
            if run >= WARM_UP:
                client.append(seconds * 1000)
                server.append(summary.result_available_after + summary.result_consumed_after)
        with session.begin_transaction() as tx:
            profile = tx.run("PROFILE " + cypher.OPEN_DOCUMENT, document=PROBE, keys=[]).consume().profile
            tx.rollback()
    return statistics.median(client), statistics.median(server), _hits(profile or {})


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--held", type=int, nargs="+", default=[300, 3000], help="documents held")
    parser.add_argument("--repeats", type=int, default=200)
    args = parser.parse_args()
    try:
        with throwaway_driver() as (settings, driver):
            database = settings.neo4j_database
            Neo4jStore(driver, database).counts()  # the store's constraints and indexes
            rows = [(held, *measure(driver, database, held, args.repeats)) for held in args.held]
    except ServerError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(table(rows))
    return 0


def table(rows: Sequence[tuple[int, float, float, int]]) -> str:
    lines = [
        "| documents held | client ms (median) | server ms (median) | db hits |",
        "|--:|--:|--:|--:|",
    ]
    lines += [f"| {held:,} | {client:.2f} | {server:.0f} | {hits:,} |" for held, client, server, hits in rows]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
