"""The 1M-entity benchmark (issue 12): loading, bulk import and query latency, side by side in one run.

Run: `python benchmarks/million.py --documents 10000 [--incremental 500] [--queries 300]
[--warm-up 100] [--slow-queries 300] [--neo4j-memory 4g] [--embedded-only]`.

In one process, on stores and servers it makes itself (never the server NEO4J_URI names):
1. generates `--documents` synthetic documents one at a time (`benchmarks/generate.py`; 10,000 make
   about 1,000,000 entities and 3,000,000 relations) and loads each into an in-memory embedded store
   as it comes, timing generation and loading apart; the store's memory is the process's resident set
   (VmRSS of /proc/self/status) after loading less before, and its peak (`ru_maxrss`);
2. exports the store as the CSV zip, to a file in a temporary folder (`write_csv_zip`), and imports
   it into a throwaway bundled Neo4j (`benchmarks/neo4j_import.py`), whose heap and page cache
   `--neo4j-memory` sets;
3. asks the headline questions of the same `--queries` random committees and joint branches in both
   stores (`benchmarks/query_latency.py`): enterprises under, hierarchy above, subtree below (depth 3),
   whole and as a page of 20 without evidence, each first asked of `--warm-up` other organizations,
   untimed (see `latency`); and, of the first `--slow-queries` of them (once the
   slow ones: the embedded store walked or scanned much of the graph for them), the shortest path from
   each to the next one and a search for its name;
4. loads `--incremental` new documents (the next seed's: new document ids, about the same parks,
   regions, practices and many of the same enterprises and people, with new facts) into the imported
   graph as `parkgraph load` does after extraction: each resolved against what the store holds
   (`loaders.resolve.resolve_keys`), then `Neo4jStore.load`, on the server the questions warmed: the
   incremental path at a million entities, where an entity's document list and a hub's relationships
   are long.
With `--embedded-only` it stops after the export and asks the questions of the embedded store alone
(no server, no import, no incremental load): what a change to the embedded store needs measured.
The export's peak is also given on its own: the process's high-water mark (VmHWM, reset through
/proc/self/clear_refs just before the export) less the resident set before it.
Progress goes to stderr; stdout gets one JSON object, then the tables in markdown.
"""

from __future__ import annotations

import argparse
import ctypes
import gc
import itertools
import json
import os
import resource
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import iter_documents
from neo4j_import import export, import_into, importer_seconds, relationships, timed
from query_latency import API_PAGE, PAGE, organizations_of, time_questions

from parkgraph import neo4j_server
from parkgraph.graph.embedded import EmbeddedStore
from parkgraph.graph.facts import DocumentFacts
from parkgraph.graph.store import Store
from parkgraph.loaders.lexicon import load_lexicon
from parkgraph.loaders.resolve import resolve_keys
from parkgraph.neo4j_server import throwaway_server
from parkgraph.stores import open_store


def resident_mib() -> float:
    """The process's resident set now (VmRSS), in MiB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS in /proc/self/status")


def peak_mib() -> float:
    """The process's largest resident set so far (`ru_maxrss`, KiB on Linux), in MiB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def reset_peak() -> None:
    """Start the high-water mark (VmHWM) again from the resident set now."""
    Path("/proc/self/clear_refs").write_text("5")


def high_water_mib() -> float:
    """The process's largest resident set since `reset_peak` (VmHWM), in MiB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmHWM in /proc/self/status")


def give_back_memory() -> None:
    """Hand the export's freed memory back to the system before Neo4j starts beside the store."""
    gc.collect()
    ctypes.CDLL("libc.so.6").malloc_trim(0)


def load_average() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def widen_neo4j_memory(size: str) -> None:
    """Give the throwaway servers and the importer `size` of heap and of page cache (the bundled
    server's 1g and 512m are for a development graph)."""
    kept = [option for option in neo4j_server.JVM_OPTIONS if not option.startswith(("-Xms", "-Xmx"))]
    neo4j_server.JVM_OPTIONS = (f"-Xms{size}", f"-Xmx{size}", f"-Dparkgraph.pagecache={size}", *kept)


def load_streaming(store: EmbeddedStore, documents: Iterator) -> tuple[int, float, float]:
    """Load each document as it is generated: (documents, seconds generating, seconds loading)."""
    count, generating, loading = 0, 0.0, 0.0
    while True:
        began = time.perf_counter()
        facts = next(documents, None)
        generating += time.perf_counter() - began
        if facts is None:
            return count, generating, loading
        began = time.perf_counter()
        store.load(facts)
        loading += time.perf_counter() - began
        count += 1
        if count % 1000 == 0:
            print(f"  {count} documents, {loading:.0f} s loading, load {load_average()}", file=sys.stderr)


def questions() -> dict[str, Callable[[Store, str], object]]:
    """The headline walks, whole, as the API's page without evidence, and as its default page."""
    return {
        "enterprises under": lambda s, org: s.enterprises_under(org),
        "enterprises under, a page of 20 without evidence": lambda s, org: s.enterprises_under(
            org, window=PAGE
        ),
        "hierarchy above": lambda s, org: s.hierarchy_above(org),
        "hierarchy above, a page of 20 without evidence": lambda s, org: s.hierarchy_above(org, window=PAGE),
        "subtree below (depth 3)": lambda s, org: s.subtree_below(org, 3),
        "subtree below (depth 3), a page of 20 without evidence": lambda s, org: s.subtree_below(
            org, 3, window=PAGE
        ),
        "enterprises under, the API's default page (20, with evidence)": lambda s, org: s.enterprises_under(
            org, window=API_PAGE
        ),
        "subtree below (depth 3), the API's default page (20, with evidence)": lambda s, org: s.subtree_below(
            org, 3, window=API_PAGE
        ),
    }


def slow_questions(store: Store, organizations: list[str]) -> dict[str, Callable[[Store, str], object]]:
    """The questions whose embedded answer read the whole graph or much of it until December 4th 2026,
    and are still asked of fewer organizations: the shortest path from each organization to the next
    one in the sample (up to 6 steps, through practices and regions many share; now a walk from both
    ends), and a search for the organization's name, as a user types it (now through a name index)."""
    partner = dict(zip(organizations, organizations[1:] + organizations[:1], strict=True))
    name = {org: entity.name for org in organizations if (entity := store.entity(org)) is not None}
    return {
        "path to another organization (up to 6 steps)": lambda s, org: s.shortest_path(org, partner[org]),
        "search for its name (first 20)": lambda s, org: s.search(name[org]),
    }


def latency(
    stores: dict[str, Store], organizations: list[str], slow: int, warmup: list[str]
) -> dict[str, dict[str, tuple[float, float]]]:
    """p50/p95 per store and question: the walks over every organization, after asking each of the
    `warmup` organizations (others than those timed); the slow questions over the first `slow` of them,
    after asking 2 of them.

    The warm-up stands for a server that has been answering for a while: a fresh one spends its first
    minute compiling its hot code (see "The server's JIT" in docs/benchmarks.md), and a warm-up on the
    organizations timed would have read their records into the page cache before timing them."""
    embedded = stores["embedded"]
    walks, others = questions(), slow_questions(embedded, organizations[:slow])
    results = {}
    for kind, store in stores.items():
        results[kind] = time_questions(store, organizations, walks, warmup)
        results[kind] |= time_questions(store, organizations[:slow], others, organizations[:2])
        print(kind, json.dumps(results[kind]), f"load {load_average()}", file=sys.stderr, flush=True)
    return results


def timed_and_warm_up(store: Store, args: argparse.Namespace) -> tuple[list[str], list[str]]:
    """`--queries` random organizations to time, and `--warm-up` others, drawn apart."""
    timed = organizations_of(store, args.queries, seed=11)
    chosen = set(timed)
    others = organizations_of(store, args.queries + args.warm_up, seed=12)
    return timed, [org for org in others if org not in chosen][: args.warm_up]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument(
        "--warm-up", type=int, default=100, help="other organizations asked each walk first, untimed"
    )
    parser.add_argument(
        "--slow-queries", type=int, default=300, help="organizations asked the path and search questions"
    )
    parser.add_argument(
        "--incremental", type=int, default=500, help="documents to load with Neo4jStore.load (0: none)"
    )
    parser.add_argument("--neo4j-memory", default="4g", help="heap and page cache of the Neo4j servers")
    parser.add_argument(
        "--embedded-only", action="store_true", help="no Neo4j: load, export and time the embedded store"
    )
    args = parser.parse_args()
    if min(args.queries, args.warm_up, args.slow_queries, args.incremental) < 0:
        parser.error("--queries, --warm-up, --slow-queries and --incremental take 0 or more")
    with tempfile.TemporaryDirectory(prefix="million-") as folder:
        return run(args, Path(folder) / "import.zip")


def run(args: argparse.Namespace, archive: Path) -> int:
    """The benchmark, its CSV zip written to `archive` (a file, so the zip is not in the process's memory)."""
    widen_neo4j_memory(args.neo4j_memory)
    report: dict = {"documents": args.documents, "neo4j_memory": args.neo4j_memory}
    report["load_average"] = {"start": load_average()}

    before = resident_mib()
    embedded = EmbeddedStore()
    loaded, generating, loading = load_streaming(embedded, iter_documents(args.documents, args.seed))
    expected = embedded.counts()
    entities, total = sum(expected.entities.values()), relationships(expected)
    after = resident_mib()
    report["graph"] = {"documents": loaded, "entities": entities, "relationships": total}
    report["generate_seconds"] = generating
    report["embedded_load"] = {
        "seconds": loading,
        "documents_per_s": loaded / loading,
        "relationships_per_s": total / loading,
        "rss_before_mib": before,
        "rss_after_mib": after,
        "store_rss_mib": after - before,
        "peak_rss_mib": peak_mib(),
    }
    report["load_average"]["after embedded load"] = load_average()
    print(json.dumps(report["embedded_load"]), file=sys.stderr)

    give_back_memory()
    before_export = resident_mib()
    reset_peak()
    _, export_seconds = timed("export", partial(export, embedded, archive))
    report["export"] = {
        "seconds": export_seconds,
        "zip_mib": archive.stat().st_size / 2**20,
        "peak_rss_mib": peak_mib(),
        "rss_before_mib": before_export,
        "export_peak_mib": high_water_mib() - before_export,
    }
    give_back_memory()
    report["export"]["rss_after_mib"] = resident_mib()
    print(json.dumps(report["export"]), file=sys.stderr, flush=True)
    if args.embedded_only:
        organizations, warmup = timed_and_warm_up(embedded, args)
        report["latency_ms"] = latency({"embedded": embedded}, organizations, args.slow_queries, warmup)
        report["queries"] = {"walks": len(organizations), "path and search": args.slow_queries}
        report["load_average"]["after queries"] = load_average()
        print(json.dumps(report, ensure_ascii=False, indent=1))
        print(latency_table(report["latency_ms"]))
        return 0
    with throwaway_server() as settings:
        summary, command_seconds, open_seconds = import_into(settings, archive, expected)
        report["bulk_import"] = {
            "importer_seconds": importer_seconds(summary),
            "command_seconds": command_seconds,
            "first_open_seconds": open_seconds,
        }
        report["load_average"]["after import"] = load_average()
        organizations, warmup = timed_and_warm_up(embedded, args)
        store = open_store(settings)
        try:
            stores = {"embedded": embedded, "neo4j": store}
            report["latency_ms"] = latency(stores, organizations, args.slow_queries, warmup)
            report["queries"] = {"walks": len(organizations), "path and search": args.slow_queries}
            report["load_average"]["after queries"] = load_average()
            if args.incremental:
                news = itertools.islice(iter_documents(args.documents, args.seed + 1), args.incremental)
                report["incremental"] = load_more(store, news)
                report["load_average"]["after incremental"] = load_average()
        finally:
            store.close()
    report["peak_rss_mib"] = peak_mib()
    print(json.dumps(report, ensure_ascii=False, indent=1))
    print(tables(report))
    return 0


def load_more(store: Store, documents: Iterable[DocumentFacts]) -> dict:
    """Load new documents into the large graph one by one as `parkgraph load` does after extraction
    (resolved, then `store.load`), as an analyst adds them to a graph that holds a million entities:
    the relations each wrote (created or added to), the relationships the graph gained, and how much of
    the time resolution took."""
    lexicon = load_lexicon()
    held = relationships(store.counts())
    written = loaded = 0
    resolving = 0.0
    start = time.perf_counter()
    for facts in documents:
        began = time.perf_counter()
        resolved = resolve_keys(store, facts, lexicon)
        resolving += time.perf_counter() - began
        written += store.load(resolved, extracted=facts).relations
        loaded += 1
    seconds = time.perf_counter() - start
    gained = relationships(store.counts()) - held
    return {
        "documents": loaded,
        "seconds": seconds,
        "resolve_seconds": resolving,
        "relations_written": written,
        "relations_written_per_s": written / seconds,
        "relationships_gained": gained,
    }


def tables(report: dict) -> str:
    """The figures as the markdown of docs/benchmarks.md."""
    total = report["graph"]["relationships"]
    bulk = report["bulk_import"]
    rows = [
        ("generate (synthetic documents)", report["generate_seconds"], total),
        ("embedded store load (in memory)", report["embedded_load"]["seconds"], total),
        ("CSV export (`write_csv_zip`, to a file)", report["export"]["seconds"], total),
        ("importer alone (`database import full`)", bulk["importer_seconds"], total),
        ("`parkgraph neo4j import` (stop, import, start)", bulk["command_seconds"], total),
        ("first open: constraints, full-text indexes, lists", bulk["first_open_seconds"], total),
        ("import, start and schema", bulk["command_seconds"] + bulk["first_open_seconds"], total),
    ]
    if "incremental" in report:
        part = report["incremental"]
        rows.append(
            (
                f"incremental: {part['documents']:,} new documents resolved "
                f"({part['resolve_seconds']:.1f} s), then `Neo4jStore.load` into the imported graph: "
                f"relations written "
                f"({part['relationships_gained']:,} relationships new)",
                part["seconds"],
                part["relations_written"],
            )
        )
    lines = ["| step | seconds | relationships/s |", "|---|--:|--:|"]
    lines += [f"| {step} | {seconds:.1f} | {count / seconds:,.0f} |" for step, seconds, count in rows]
    return "\n".join([*lines, "", latency_table(report["latency_ms"])])


def latency_table(latency: dict[str, dict[str, tuple[float, float]]]) -> str:
    """p50 / p95 per question, a column per store."""
    names = {"embedded": "embedded", "neo4j": "Neo4j"}
    heads = " | ".join(f"{names[kind]} p50 / p95 (ms)" for kind in latency)
    lines = [f"| question | {heads} |", f"|---|{'---|' * len(latency)}"]
    for question in latency["embedded"]:
        cells = " | ".join(f"{latency[k][question][0]:.1f} / {latency[k][question][1]:.1f}" for k in latency)
        lines.append(f"| {question} | {cells} |")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
