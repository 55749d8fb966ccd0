"""`parkgraph load --jobs N` against one process: wall time of loading the bundled corpus repeated.

Run: `python benchmarks/load_jobs.py [--copies 12] [--jobs 1,2] [--rounds 2]`.

It writes the bundled documents `--copies` times into a temporary folder (each copy with a line of its
own, so each is a new document), then loads the folder with each `--jobs` value into a new embedded
store, `--rounds` times, in turn, and prints documents per second for each and how many times faster
than `--jobs 1` (the best round of each). The loads are the real command, in a subprocess; its wall
time includes starting Python and the workers. It checks that every load made the same graph.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from parkgraph.corpus import sample_dirs
from parkgraph.graph.embedded import EmbeddedStore
from parkgraph.loaders.sources import iter_document_paths

PARKGRAPH = [sys.executable, "-c", "from parkgraph.cli import app; app()"]


def corpus(folder: Path, copies: int) -> list[Path]:
    sources = list(iter_document_paths(sample_dirs()))
    written = []
    for copy in range(copies):
        for path in sources:
            target = folder / f"{copy:03d}_{path.name}"
            target.write_text(path.read_text(encoding="utf-8") + f"\n第{copy}份。\n", encoding="utf-8")
            written.append(target)
    return written


def load(folder: Path, data: Path, jobs: int) -> float:
    start = time.perf_counter()
    subprocess.run(
        [*PARKGRAPH, "load", str(folder), "--data", str(data), "--jobs", str(jobs)],
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return time.perf_counter() - start


def graph(data: Path) -> tuple[list, list]:
    store = EmbeddedStore(data)
    try:
        return list(store.iter_entities()), list(store.iter_relations())
    finally:
        store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=12)
    parser.add_argument("--jobs", default="1,2", help="worker counts, comma-separated; 1 first")
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    counts = [int(n) for n in args.jobs.split(",")]
    with tempfile.TemporaryDirectory(prefix="parkgraph-bench-jobs-") as tmp:
        folder = Path(tmp) / "docs"
        folder.mkdir()
        files = corpus(folder, args.copies)
        size = sum(path.stat().st_size for path in files)
        print(f"{len(files)} documents, {size / 2**10:,.0f} KiB; {os.cpu_count()} cores")
        best: dict[int, float] = {}
        graphs = []
        for round_ in range(args.rounds):
            for jobs in counts:
                data = Path(tmp) / f"graph-{jobs}-{round_}.db"
                seconds = load(folder, data, jobs)
                best[jobs] = min(best.get(jobs, seconds), seconds)
                graphs.append(graph(data))
        assert all(found == graphs[0] for found in graphs), "different --jobs made different graphs"
        print(f"{'jobs':>4} {'seconds':>8} {'docs/s':>7} {'× jobs 1':>9}")
        for jobs in counts:
            ratio = best[counts[0]] / best[jobs]
            print(f"{jobs:>4} {best[jobs]:>8.2f} {len(files) / best[jobs]:>7.1f} {ratio:>9.2f}")
        print("every load made the same graph")


if __name__ == "__main__":
    main()
