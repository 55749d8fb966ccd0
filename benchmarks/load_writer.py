"""The loading process's own work in `parkgraph load`: CPU seconds of resolving and storing each document.

Run: `python benchmarks/load_writer.py [--copies 48]`.

With `--jobs 2` on two cores, every CPU second the one writer spends is taken from the workers. This
extracts the bundled corpus repeated (as `load_jobs.py` writes it) in two worker processes first, as
`load --jobs 2` does, then loads the facts in order into a new embedded store as `parkgraph load`
does, and prints the CPU seconds of `resolve_keys` and of `store.load`, for each quarter of the
documents in turn: the same documents again and again make the relations' evidence and the entities'
document lists grow, so what grows with them shows as later quarters costing more.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from load_jobs import corpus

from parkgraph.graph.embedded import EmbeddedStore
from parkgraph.loaders.pipeline import Pipeline
from parkgraph.loaders.resolve import resolve_keys
from parkgraph.workers import extracted

QUARTERS = 4


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=48)
    args = parser.parse_args()
    pipeline = Pipeline()
    lexicon = pipeline.extractor.lexicon
    with tempfile.TemporaryDirectory(prefix="parkgraph-bench-writer-") as tmp:
        folder = Path(tmp) / "docs"
        folder.mkdir()
        files = corpus(folder, args.copies)
        extracted_facts = [
            found.facts for _, documents in extracted(files, pipeline, 2) for found in documents
        ]
        facts = [found for found in extracted_facts if found is not None]
        print(f"{len(facts)} documents extracted; CPU seconds of the loading process's work on them")
        print(f"{'quarter':>7} {'resolve':>8} {'store':>7}")
        store = EmbeddedStore(Path(tmp) / "graph.db")
        totals = [0.0, 0.0]
        size = -(-len(facts) // QUARTERS)
        try:
            for quarter in range(QUARTERS):
                spent = [0.0, 0.0]
                for found in facts[quarter * size : (quarter + 1) * size]:
                    start = time.process_time()
                    resolved = resolve_keys(store, found, lexicon)
                    resolving = time.process_time()
                    store.load(resolved, extracted=found)
                    spent[0] += resolving - start
                    spent[1] += time.process_time() - resolving
                totals = [total + part for total, part in zip(totals, spent, strict=True)]
                print(f"{quarter + 1:>7} {spent[0]:>8.2f} {spent[1]:>7.2f}")
        finally:
            store.close()
        print(f"{'all':>7} {totals[0]:>8.2f} {totals[1]:>7.2f}")


if __name__ == "__main__":
    main()
