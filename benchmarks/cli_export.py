"""`parkgraph export --format csv -o FILE` as a user runs it: its peak memory and temporary disk.

Run: `python benchmarks/cli_export.py --documents 2000 --data /tmp/g.db [--runs 1]`.

Loads `--documents` synthetic documents (`benchmarks/generate.py`) into an embedded store file at
`--data`, unless that file is there already (so the same store serves a run before and after a
change), then runs the installed `parkgraph export --format csv -o FILE --data FILE` in a child
process with a temporary folder of its own (TMPDIR) and reports:
- its peak resident set (`ru_maxrss` of the child, from `wait4`): the store it reads whole, plus the
  export;
- the temporary disk it took: every 50 ms the sizes of the files it holds open in that folder (the
  unnamed spool files of `write_csv_zip`, seen through /proc/PID/fd), summed; the largest sum;
- its seconds and the zip's size.
Progress goes to stderr; stdout gets one JSON object, then a markdown table.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import iter_documents

from parkgraph.graph.embedded import EmbeddedStore

MIB = 2**20
POLL_SECONDS = 0.05


def build(path: Path, documents: int, seed: int) -> None:
    """The store file, loaded one generated document at a time."""
    store = EmbeddedStore(path)
    try:
        for count, facts in enumerate(iter_documents(documents, seed), start=1):
            store.load(facts)
            if count % 500 == 0:
                print(f"  {count} documents loaded", file=sys.stderr, flush=True)
    finally:
        store.close()


def spooled_bytes(pid: int, folder: str) -> int:
    """The sizes of the files under `folder` that process `pid` holds open now, summed (deleted or
    unnamed ones included: /proc/PID/fd still leads to them)."""
    total = 0
    fds = Path(f"/proc/{pid}/fd")
    try:
        entries = list(fds.iterdir())
    except OSError:
        return 0
    for fd in entries:
        try:
            if os.readlink(fd).startswith(folder):
                total += os.stat(fd).st_size
        except OSError:
            continue
    return total


def export(data: Path, archive: Path) -> dict:
    """One `parkgraph export --format csv` run, watched from outside."""
    command = [str(Path(sys.executable).parent / "parkgraph"), "export", "--format", "csv"]
    command += ["-o", str(archive), "--data", str(data)]
    with tempfile.TemporaryDirectory(prefix="cli-export-tmp-") as folder:
        began = time.perf_counter()
        child = subprocess.Popen(command, env={**os.environ, "TMPDIR": folder})
        most = 0
        while True:
            finished, status, usage = os.wait4(child.pid, os.WNOHANG)
            if finished:
                break
            most = max(most, spooled_bytes(child.pid, folder))
            time.sleep(POLL_SECONDS)
        seconds = time.perf_counter() - began
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise SystemExit(f"{' '.join(command)} exited with {child.returncode}")
    return {
        "seconds": round(seconds, 1),
        "peak_rss_mib": round(usage.ru_maxrss / 1024),
        "temporary_mib": round(most / MIB),
        "zip_mib": round(archive.stat().st_size / MIB),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--data", type=Path, required=True, help="store file (made if missing)")
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()
    if not args.data.exists():
        began = time.perf_counter()
        build(args.data, args.documents, args.seed)
        print(f"built {args.data} in {time.perf_counter() - began:.0f} s", file=sys.stderr)
    report: dict = {"documents": args.documents, "load_average": [], "runs": []}
    with tempfile.TemporaryDirectory(prefix="cli-export-") as folder:
        for _ in range(args.runs):
            report["load_average"].append(" ".join(f"{value:.2f}" for value in os.getloadavg()))
            report["runs"].append(export(args.data, Path(folder) / "import.zip"))
            print(json.dumps(report["runs"][-1]), file=sys.stderr, flush=True)
    print(json.dumps(report))
    print("\n| run | seconds | peak resident (MiB) | temporary disk (MiB) | zip (MiB) |")
    print("|--:|--:|--:|--:|--:|")
    for number, run in enumerate(report["runs"], start=1):
        figures = (run["seconds"], run["peak_rss_mib"], run["temporary_mib"], run["zip_mib"])
        print(f"| {number} | " + " | ".join(f"{figure:,}" for figure in figures) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
