"""Latency of the headline queries (p50/p95) on the embedded store and on Neo4j, over a generated graph.

Run: `python benchmarks/query_latency.py [--documents 1000] [--queries 300] [--neo4j]`.
The walks are asked whole (every reach, with all evidence), as the API's first page of 20 without
evidence (`?evidence=false`), which the stores cut before reading entities and relations, and as the
API answers with no parameters, the first page of 20 with its relations' evidence.
It generates the synthetic graph of `benchmarks/generate.py` (1,000 documents: about 100,000
entities and 300,000 relations), loads it into an in-memory embedded store and, with `--neo4j`,
into a throwaway bundled Neo4j it starts (never the server NEO4J_URI names), then times each headline
question on the same randomly chosen organizations in both stores, after a warm-up round.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import generate_documents

from parkgraph.graph.embedded import EmbeddedStore
from parkgraph.graph.model import Window
from parkgraph.graph.neo4j_store import Neo4jStore
from parkgraph.graph.store import Store
from parkgraph.neo4j_server import throwaway_driver

PAGE = Window(offset=0, limit=20, evidence=False)
"""What the API's walks answer by default with `?evidence=false`: the first page, without evidence."""

API_PAGE = Window(offset=0, limit=20, evidence=True)
"""What the API's walks answer with no parameters: the first page of 20, each relation's evidence in."""

QUESTIONS: dict[str, Callable[[Store, str], object]] = {
    "enterprises under": lambda store, org: store.enterprises_under(org),
    "hierarchy above": lambda store, org: store.hierarchy_above(org),
    "subtree below (depth 3)": lambda store, org: store.subtree_below(org, 3),
    "neighbours": lambda store, org: store.neighbours(org),
    "enterprises under, a page of 20 without evidence": lambda store, org: store.enterprises_under(
        org, window=PAGE
    ),
    "subtree below (depth 3), a page of 20 without evidence": lambda store, org: store.subtree_below(
        org, 3, window=PAGE
    ),
    "enterprises under, the API's default page (20, with evidence)": lambda store, org: (
        store.enterprises_under(org, window=API_PAGE)
    ),
    "subtree below (depth 3), the API's default page (20, with evidence)": lambda store, org: (
        store.subtree_below(org, 3, window=API_PAGE)
    ),
}


def load(store: Store, documents: Sequence, label: str) -> None:
    start = time.perf_counter()
    for facts in documents:
        store.load(facts)
    print(
        f"{label}: loaded {len(documents)} documents in {time.perf_counter() - start:.0f} s", file=sys.stderr
    )


def percentiles(samples: list[float]) -> tuple[float, float]:
    """p50 and p95 in milliseconds."""
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered) * 1000, p95 * 1000


def time_questions(
    store: Store,
    organizations: Sequence[str],
    questions: Mapping[str, Callable[[Store, str], object]] = QUESTIONS,
    warmup: Sequence[str] | None = None,
) -> dict[str, tuple[float, float]]:
    """p50/p95 of each question over `organizations`, after asking it of `warmup` untimed (the first 20
    of `organizations` when None)."""
    results = {}
    for name, ask in questions.items():
        for org in organizations[:20] if warmup is None else warmup:
            ask(store, org)
        samples = []
        for org in organizations:
            start = time.perf_counter()
            ask(store, org)
            samples.append(time.perf_counter() - start)
        results[name] = percentiles(samples)
    return results


def organizations_of(store: Store, count: int, seed: int) -> list[str]:
    """Committees and joint branches, what analysts ask about, at random: the same ones in every store."""
    ids = sorted(e.id for e in store.iter_entities() if e.type == "Committee" or "JointBranch" in e.labels)
    return random.Random(seed).sample(ids, min(count, len(ids)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument(
        "--neo4j", action="store_true", help="also time the Neo4j store, on a throwaway server of its own"
    )
    args = parser.parse_args()
    documents = generate_documents(args.documents)
    embedded = EmbeddedStore()
    load(embedded, documents, "embedded")
    counts = embedded.counts()
    print(
        f"graph: {sum(counts.entities.values()):,} entities, {sum(counts.relations.values()):,} relations",
        file=sys.stderr,
    )
    organizations = organizations_of(embedded, args.queries, seed=11)
    results = {"embedded": time_questions(embedded, organizations)}
    if args.neo4j:
        with throwaway_driver() as (settings, driver):
            neo4j = Neo4jStore(driver, settings.neo4j_database, uri=settings.neo4j_uri)
            load(neo4j, documents, "neo4j")
            results["neo4j"] = time_questions(neo4j, organizations)
    print(f"| question | {' | '.join(f'{kind} p50 / p95 (ms)' for kind in results)} |")
    print(f"|---|{'---|' * len(results)}")
    for question in QUESTIONS:
        cells = " | ".join(f"{results[k][question][0]:.1f} / {results[k][question][1]:.1f}" for k in results)
        print(f"| {question} | {cells} |")


if __name__ == "__main__":
    main()
