"""Neo4j loading throughput: the store's batched load against one auto-committed statement per fact.

Run: `python benchmarks/neo4j_load.py` (needs Java and Maven, as `parkgraph neo4j start` does).

The script starts a throwaway bundled Neo4j of its own (a new temporary folder, free ports, a random
password; stopped and deleted at the end), since it empties the database before, between and after
the runs: it never touches the server NEO4J_URI names. It generates `--documents` synthetic documents
(`benchmarks/generate.py`), then times, each on an empty database with the store's constraints and
indexes in place:

0. a warm-up: `--warm-up` other documents (the next seed's) loaded as in 1, on the fresh server, then
   deleted. A new JVM spends its first minute or two compiling Neo4j's hot code (on 2 cores the JIT
   compiler threads took more CPU than the query worker for the first 60 s), which a server that has
   been running has done; this row is the cold figure, the rows after it the warm ones;
1. batched, all documents: `Neo4jStore.load`, one managed transaction per document;
1b. the same with `--writers` threads loading at once, as concurrent uploads to the API do (documents
   in no fixed order, so their `loaded_order` differs, the graph not);
1c. resolved, then batched: each document's entities first resolved against what the store holds
   (`loaders.resolve.resolve_keys`), then loaded, the path `parkgraph load` and uploads take after
   extraction;
2. batched, the first `--naive-documents` documents;
3. naive, the same first documents: one auto-committed, parameterized statement per fact (a MERGE per
   entity; a MERGE per relationship that also creates its evidence node), writing the same graph.

It checks that each run leaves the counts the documents imply (a wrong naive loader, or another
client writing meanwhile, would show there), and prints a markdown table of Entity
nodes/s and relationships/s (relationships between entities, distinct, as the store counts them)
with the ratio of batched to naive relationships/s. Numbers, not pass/fail.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import cache

from generate import generate_documents, graph_size
from neo4j import Driver, NotificationMinimumSeverity, Session
from neo4j.exceptions import DriverError, Neo4jError

from parkgraph.config import Settings
from parkgraph.graph import cypher
from parkgraph.graph.errors import StoreError
from parkgraph.graph.facts import DocumentFacts
from parkgraph.graph.keys import relation_key
from parkgraph.graph.neo4j_store import SEARCH_SEPARATOR, Neo4jStore
from parkgraph.graph.search import search_form
from parkgraph.loaders.lexicon import load_lexicon
from parkgraph.loaders.resolve import resolve_keys
from parkgraph.neo4j_server import ServerError, throwaway_driver
from parkgraph.ontology.vocab import load_vocabulary

EMPTY_DATABASE = "MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS"
"""Deletes everything in small transactions, so a large graph does not need a large heap."""

COUNT_EVIDENCE = "MATCH (e:Evidence) RETURN count(e) AS count"

NAIVE_DOCUMENT = "CREATE (d:Document) SET d = $document, d.loaded_order = $order"


@cache
def naive_entity(labels: tuple[str, ...]) -> str:
    """One entity fact: the node, its document, and its names it did not hold yet as aliases."""
    return f"""
MERGE (n:Entity {{id: $id}})
ON CREATE SET n{cypher.label_clause(labels)}, n.type = $type, n.name = $name, n.aliases = [],
              n.documents = [], n.search = $form
SET n.documents = CASE WHEN $document IN n.documents THEN n.documents ELSE n.documents + $document END
WITH n, [item IN $names WHERE item.name <> n.name AND NOT item.name IN n.aliases] AS added
SET n.aliases = n.aliases + [item IN added | item.name],
    n.search = reduce(text = n.search, item IN added | text + $separator + item.form)
"""


@cache
def naive_relation(type_: str) -> str:
    """One relation fact: the relationship (held attributes win) and a node for its evidence sentence."""
    return f"""
MATCH (h:Entity {{id: $head}})
MATCH (t:Entity {{id: $tail}})
MERGE (h)-[r{cypher.relationship_types([type_])} {{id: $id}}]->(t)
ON CREATE SET r.documents = [], r.sources = [], r.attributes = [], r.confidence = $confidence
WITH r, $document IN r.documents AS seen
SET r.documents = CASE WHEN seen THEN r.documents ELSE r.documents + $document END,
    r.sources = CASE WHEN seen THEN r.sources ELSE r.sources + $source END,
    r.confidence = CASE WHEN $confidence > r.confidence THEN $confidence ELSE r.confidence END
WITH r, properties(r) AS held
SET r += $attributes
SET r += held
SET r.attributes = r.attributes + [name IN keys($attributes) WHERE NOT name IN r.attributes]
WITH r
MATCH (d:Document {{id: $document}})
CREATE (e:Evidence)-[:FROM]->(d)
SET e = $evidence
"""


class NaiveLoader:
    """The loader batching is measured against: every fact its own auto-committed statement."""

    def __init__(self, driver: Driver, database: str) -> None:
        self._driver = driver
        self._database = database
        self._loaded = 0

    def load(self, facts: DocumentFacts) -> None:
        info = facts.document
        vocabulary = load_vocabulary()
        with _session(self._driver, self._database) as session:
            session.run(
                NAIVE_DOCUMENT, document={**info.model_dump(), "text": facts.text}, order=self._loaded
            ).consume()
            self._loaded += 1
            keys = {}
            for fact in facts.entities:
                keys[fact.id] = fact.key
                names = [{"name": name, "form": search_form(name)} for name in (fact.name, *fact.aliases)]
                session.run(
                    naive_entity(tuple(vocabulary.labels_for(fact.type, fact.name))),
                    id=fact.key,
                    type=fact.type,
                    name=fact.name,
                    form=search_form(fact.name),
                    names=names,
                    document=info.id,
                    separator=SEARCH_SEPARATOR,
                ).consume()
            for ordinal, fact in enumerate(facts.relations):
                relation_id = relation_key(
                    fact.type, keys[fact.head], keys[fact.tail], fact.attributes.get("title", "")
                )
                session.run(
                    naive_relation(fact.type),
                    id=relation_id,
                    head=keys[fact.head],
                    tail=keys[fact.tail],
                    confidence=fact.confidence,
                    attributes=fact.attributes,
                    document=info.id,
                    source=info.source,
                    evidence={
                        "relation": relation_id,
                        "document": info.id,
                        "source": info.source,
                        "start": fact.evidence.start,
                        "end": fact.evidence.end,
                        "text": fact.evidence.text,
                        "confidence": fact.confidence,
                        "ordinal": ordinal,
                    },
                ).consume()


@dataclass(frozen=True)
class Run:
    """One timed load and what it left in the database."""

    loader: str
    documents: Sequence[DocumentFacts]
    seconds: float
    entities: int
    relations: int
    evidence: int

    @property
    def nodes_per_second(self) -> float:
        return self.entities / self.seconds

    @property
    def relationships_per_second(self) -> float:
        return self.relations / self.seconds

    def footprint(self) -> tuple[int, int, int]:
        return self.entities, self.relations, self.evidence

    def expected(self) -> tuple[int, int, int]:
        """What the documents imply: distinct entities and relations, an evidence node per relation fact."""
        return (*graph_size(self.documents), sum(len(facts.relations) for facts in self.documents))


def _session(driver: Driver, database: str) -> Session:
    return driver.session(database=database, notifications_min_severity=NotificationMinimumSeverity.OFF)


def empty(driver: Driver, database: str) -> None:
    with _session(driver, database) as session:
        session.run(EMPTY_DATABASE).consume()


def timed(
    name: str,
    load: Callable[[DocumentFacts], object],
    documents: Sequence[DocumentFacts],
    store: Neo4jStore,
    driver: Driver,
    database: str,
    load_all: Callable[[Sequence[DocumentFacts]], None] | None = None,
) -> Run:
    """Load `documents` one by one (or as `load_all` does) into the emptied database; count what is
    there afterwards."""
    empty(driver, database)
    start = time.perf_counter()
    if load_all is not None:
        load_all(documents)
    else:
        for facts in documents:
            load(facts)
    seconds = time.perf_counter() - start
    counts = store.counts()
    with _session(driver, database) as session:
        evidence = session.run(COUNT_EVIDENCE).single(strict=True)["count"]
    run = Run(
        loader=name,
        documents=documents,
        seconds=seconds,
        entities=sum(counts.entities.values()),
        relations=sum(counts.relations.values()),
        evidence=evidence,
    )
    print(f"  {name}: {seconds:.1f} s, {run.relationships_per_second:,.0f} relationships/s", file=sys.stderr)
    if run.footprint() != run.expected():
        print(
            f"warning: {name} left (entities, relations, evidence) {run.footprint()}, not the expected "
            f"{run.expected()}: did another client write meanwhile? These figures are unreliable.",
            file=sys.stderr,
        )
    return run


def table(runs: Sequence[Run], naive: Run) -> str:
    """The runs as a markdown table; `vs naive` compares relationships/s."""
    lines = [
        "| loader | documents | entity / relation facts | Entity nodes | relationships | evidence nodes "
        "| seconds | nodes/s | relationships/s | vs naive |",
        "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for run in runs:
        entity_facts = sum(len(facts.entities) for facts in run.documents)
        relation_facts = sum(len(facts.relations) for facts in run.documents)
        ratio = run.relationships_per_second / naive.relationships_per_second
        lines.append(
            f"| {run.loader} | {len(run.documents):,} | {entity_facts:,} / {relation_facts:,} "
            f"| {run.entities:,} | {run.relations:,} | {run.evidence:,} | {run.seconds:.1f} "
            f"| {run.nodes_per_second:,.0f} | {run.relationships_per_second:,.0f} | {ratio:.1f}× |"
        )
    return "\n".join(lines)


def in_threads(
    load: Callable[[DocumentFacts], object], writers: int
) -> Callable[[Sequence[DocumentFacts]], None]:
    """Load documents with `writers` threads at once, as concurrent uploads to the API do."""

    def run(documents: Sequence[DocumentFacts]) -> None:
        with ThreadPoolExecutor(writers) as pool:
            for _ in pool.map(load, documents):
                pass

    return run


def resolved_load(store: Neo4jStore) -> Callable[[DocumentFacts], object]:
    """Resolve a document's entities against the store, then load it, as `loading.load_facts` does."""
    lexicon = load_lexicon()

    def load(facts: DocumentFacts) -> object:
        return store.load(resolve_keys(store, facts, lexicon), extracted=facts)

    return load


def benchmark(
    driver: Driver,
    settings: Settings,
    documents: Sequence[DocumentFacts],
    sample: int,
    warm_up: Sequence[DocumentFacts],
    writers: int,
) -> str:
    database = settings.neo4j_database
    store = Neo4jStore(driver, database, uri=settings.neo4j_uri)
    store.counts()  # creates the constraints and indexes before any timing
    first = documents[:sample]
    runs = []
    if warm_up:
        runs.append(
            timed("batched, on the fresh server (warm-up)", store.load, warm_up, store, driver, database)
        )
    runs.append(timed("batched (Neo4jStore.load)", store.load, documents, store, driver, database))
    if writers > 1:
        name = f"batched, {writers} writers at once"
        runs.append(
            timed(name, store.load, documents, store, driver, database, in_threads(store.load, writers))
        )
    name = "resolved, then batched (the path of `parkgraph load`)"
    runs.append(timed(name, resolved_load(store), documents, store, driver, database))
    runs.append(timed("batched (Neo4jStore.load)", store.load, first, store, driver, database))
    naive = timed(
        "naive (statement per fact)", NaiveLoader(driver, database).load, first, store, driver, database
    )
    empty(driver, database)
    return table([*runs, naive], naive)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=1000, help="documents for the batched run")
    parser.add_argument(
        "--naive-documents", type=int, default=30, help="the first documents, for both loaders (default 30)"
    )
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--warm-up",
        type=int,
        default=300,
        help="documents (of the next seed) loaded first, then deleted, so the server's JIT has compiled "
        "its hot code before the timed runs, as on a server that has been running (0: none)",
    )
    parser.add_argument("--writers", type=int, default=2, help="threads for the concurrent run (1: none)")
    args = parser.parse_args()
    if not 1 <= args.naive_documents <= args.documents:
        parser.error("--naive-documents must be between 1 and --documents")
    if args.warm_up < 0 or args.writers < 1:
        parser.error("--warm-up takes 0 or more documents, --writers 1 or more threads")
    start = time.perf_counter()
    try:
        documents = generate_documents(args.documents, args.seed)
        warm_up = generate_documents(args.warm_up, args.seed + 1) if args.warm_up else []
    except ValueError as exc:
        parser.error(str(exc))
    print(f"generated {len(documents):,} documents in {time.perf_counter() - start:.1f} s", file=sys.stderr)
    try:
        with throwaway_driver() as (settings, driver):
            print(f"loading into a throwaway Neo4j at {settings.neo4j_uri}", file=sys.stderr)
            print(benchmark(driver, settings, documents, args.naive_documents, warm_up, args.writers))
    except ServerError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except StoreError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except (DriverError, Neo4jError, ValueError) as exc:
        print(f"error: Neo4j at {settings.neo4j_uri} failed: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
