"""What this machine's Neo4j writes with none of parkgraph's model: the ceiling `neo4j_load.py` works under.

Run: `python benchmarks/neo4j_ceiling.py` (needs Java and Maven, as `parkgraph neo4j start` does).

On a throwaway bundled Neo4j of its own (stopped and deleted at the end), the script creates
`--nodes` bare nodes with a unique `id`, and a uniqueness constraint on the relationships' `id`, as the
store keeps for each relation type. It then writes `--relationships` relationships between random
pairs of them in transactions of `--per-transaction` (a synthetic document holds about 300 relations;
ten of them about 3,000), each one parameterized `UNWIND`, in three ways, each after a warm-up of the
same kind so the JIT has compiled it:

1. `CREATE`, five properties (id, documents, sources, confidence, attributes), no lookup of the
   relationship: the least a relationship costs;
2. `MERGE` on the id (the constraint's index seek), the same properties on creation: what a load
   must do, since a relation recurs across documents;
3. `MERGE`, and an evidence node with a `FROM` relationship to a document per relationship: the
   relationship and the evidence parkgraph keeps for it, without entity merges, names, the
   full-text indexes or the documents' own nodes.

It prints a markdown table of relationships/s per way and transaction size. Numbers, not pass/fail.
"""

from __future__ import annotations

import argparse
import random
import sys
import time

from neo4j import Driver, NotificationMinimumSeverity
from neo4j.exceptions import DriverError, Neo4jError

from parkgraph.neo4j_server import ServerError, throwaway_driver

SCHEMA = [
    "CREATE CONSTRAINT bare_id IF NOT EXISTS FOR (n:Bare) REQUIRE n.id IS UNIQUE",
    "CREATE CONSTRAINT bare_document IF NOT EXISTS FOR (d:BareDocument) REQUIRE d.id IS UNIQUE",
    "CREATE CONSTRAINT linked_id IF NOT EXISTS FOR ()-[r:LINKED]-() REQUIRE r.id IS UNIQUE",
]
NODES = "UNWIND range($start, $end - 1) AS i CREATE (:Bare {id: 'n' + i})"
DOCUMENT = "MERGE (:BareDocument {id: 'document'})"

_ENDS = "UNWIND $rows AS row MATCH (h:Bare {id: row.head}) MATCH (t:Bare {id: row.tail})"
WAYS = {
    "CREATE, 5 properties": f"{_ENDS} CREATE (h)-[r:LINKED]->(t) SET r = row.properties",
    "MERGE on id, 5 properties": f"{_ENDS} MERGE (h)-[r:LINKED {{id: row.properties.id}}]->(t) "
    "ON CREATE SET r = row.properties",
    "MERGE, and an evidence node with FROM": f"{_ENDS} MATCH (d:BareDocument {{id: 'document'}}) "
    "MERGE (h)-[r:LINKED {id: row.properties.id}]->(t) ON CREATE SET r = row.properties "
    "CREATE (e:BareEvidence)-[:FROM]->(d) SET e = row.evidence",
}


def rows(rng: random.Random, nodes: int, count: int, serial: list[int]) -> list[dict]:
    """`count` relationships between random nodes, each with a new id and an evidence sentence."""
    made = []
    for _ in range(count):
        serial[0] += 1
        made.append(
            {
                "head": f"n{rng.randrange(nodes)}",
                "tail": f"n{rng.randrange(nodes)}",
                "properties": {
                    "id": f"r{serial[0]}",
                    "documents": ["document"],
                    "sources": ["document.txt"],
                    "confidence": 0.9,
                    "attributes": [],
                },
                "evidence": {"relation": f"r{serial[0]}", "start": 0, "end": 40, "text": "某园区党委" * 8},
            }
        )
    return made


def written_per_second(driver: Driver, statement: str, batches: list[list[dict]]) -> float:
    """Write each batch in its own managed transaction; relationships per second over all of them."""
    with driver.session(notifications_min_severity=NotificationMinimumSeverity.OFF) as session:
        start = time.perf_counter()
        for batch in batches:
            session.execute_write(lambda tx, batch=batch: tx.run(statement, rows=batch).consume())
        seconds = time.perf_counter() - start
    return sum(len(batch) for batch in batches) / seconds


def benchmark(driver: Driver, nodes: int, relationships: int, sizes: list[int], seed: int) -> str:
    rng = random.Random(seed)
    serial = [0]
    with driver.session() as session:
        for statement in SCHEMA:
            session.run(statement).consume()
        session.run("CALL db.awaitIndexes(300)").consume()
        for start in range(0, nodes, 50_000):
            session.run(NODES, start=start, end=min(start + 50_000, nodes)).consume()
        session.run(DOCUMENT).consume()
    lines = ["| way | per transaction | relationships | relationships/s |", "|---|--:|--:|--:|"]
    for name, statement in WAYS.items():
        for size in sizes:

            def batches(total: int, size: int = size) -> list[list[dict]]:
                return [rows(rng, nodes, size, serial) for _ in range(max(1, total // size))]

            written_per_second(driver, statement, batches(relationships // 2))  # warm-up
            timed = batches(relationships)
            rate = written_per_second(driver, statement, timed)
            count = sum(len(batch) for batch in timed)
            print(f"  {name}, {size} per transaction: {rate:,.0f} relationships/s", file=sys.stderr)
            lines.append(f"| {name} | {size:,} | {count:,} | {rate:,.0f} |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=100_000, help="bare nodes (default 100,000)")
    parser.add_argument(
        "--relationships", type=int, default=60_000, help="timed relationships per way and size"
    )
    parser.add_argument(
        "--per-transaction", type=int, nargs="+", default=[300, 3000], help="transaction sizes"
    )
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    if args.nodes < 2 or args.relationships < 1 or min(args.per_transaction) < 1:
        parser.error("--nodes takes 2 or more, --relationships and --per-transaction 1 or more")
    try:
        with throwaway_driver() as (settings, driver):
            print(f"writing into a throwaway Neo4j at {settings.neo4j_uri}", file=sys.stderr)
            print(benchmark(driver, args.nodes, args.relationships, args.per_transaction, args.seed))
    except ServerError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except (DriverError, Neo4jError) as exc:
        print(f"error: Neo4j failed: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
