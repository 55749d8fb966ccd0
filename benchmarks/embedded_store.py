"""The embedded store as it grows: load time per 100 documents, and the time to open it again.

Run: `python benchmarks/embedded_store.py [--documents 400] [--step 100] [--json]`.
Loads the synthetic documents of `benchmarks/generate.py` (about 100 entities each once merged)
into a SQLite store in a temporary folder, each resolved against what the store holds first
(`loaders.resolve.resolve_keys`, as `parkgraph load` does), and after every `step` documents prints
how long that step took and how long a new process needs to open the store: for `query stats`
(counts from SQLite) and for a first graph question (the whole graph read into memory). With
`--json` it also writes the same graph as the JSON store of earlier versions and times reading that
back, as every command used to. Per-step load time should stay flat as the store grows.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import generate_documents

from parkgraph.graph import embedded
from parkgraph.graph.embedded import EmbeddedStore
from parkgraph.loaders.lexicon import load_lexicon
from parkgraph.loaders.resolve import resolve_keys


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def open_for_stats(path: Path) -> None:
    store = EmbeddedStore(path)
    store.counts()
    store.close()


def open_for_a_walk(path: Path) -> None:
    store = EmbeddedStore(path)
    store.entity("")
    store.close()


def write_json_store(store: EmbeddedStore, path: Path) -> None:
    """The graph as the JSON file earlier versions kept (the format `parkgraph migrate` reads)."""
    saved = {
        "format": "parkgraph-embedded",
        "version": 1,
        "documents": [info.model_dump(mode="json") for info in store.documents()],
        "nodes": [entity.model_dump(mode="json") for entity in store.iter_entities()],
        "edges": [relation.model_dump(mode="json") for relation in store.iter_relations()],
    }
    path.write_text(json.dumps(saved, ensure_ascii=False, indent=1), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=400)
    parser.add_argument("--step", type=int, default=100)
    parser.add_argument("--json", action="store_true", help="also time reading the old JSON store")
    args = parser.parse_args()
    documents = generate_documents(args.documents)
    lexicon = load_lexicon()
    print("| documents | entities | relations | step load (s) | open for stats (s) | open for a walk (s) |")
    print("|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory(prefix="parkgraph-bench-") as folder:
        path = Path(folder) / "graph.db"
        store = EmbeddedStore(path)
        for start in range(0, len(documents), args.step):
            step = documents[start : start + args.step]
            seconds = timed(lambda step=step: [store.load(resolve_keys(store, f, lexicon)) for f in step])
            counts = store.counts()
            print(
                f"| {start + len(step):,} | {sum(counts.entities.values()):,} | "
                f"{sum(counts.relations.values()):,} | {seconds:.1f} | "
                f"{timed(lambda: open_for_stats(path)):.2f} | {timed(lambda: open_for_a_walk(path)):.2f} |",
                flush=True,
            )
        if args.json:
            old = Path(folder) / "graph.json"
            write_json_store(store, old)
            size = old.stat().st_size / 2**20
            seconds = timed(lambda: embedded._state_of_json(old))
            print(f"old JSON store ({size:.0f} MiB): read in {seconds:.1f} s")
        store.close()


if __name__ == "__main__":
    main()
