"""Writes docs/reliability.md from the tests that establish each figure.

Run from the repository: `python scripts/reliability_report.py > docs/reliability.md`. It runs the
tests marked `reliability` (`pytest -m reliability`, with Neo4j required, on a throwaway server the
tests start) with PARKGRAPH_RELIABILITY_OUT set, so each passing test records what it tried and what
held (see tests/reliability.py), and prints them as tables by area. A failing test stops the report:
figures come only from a green run.
"""

from __future__ import annotations

import datetime
import json
import os
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
AREAS = {
    "bad input": "Bad input tried",
    "fault": "Faults survived",
    "load": "Loads held",
    "isolation": "Nothing lost outside the tests' own data",
}


def run_tests(out: Path) -> None:
    env = {**os.environ, "PARKGRAPH_RELIABILITY_OUT": str(out), "PARKGRAPH_REQUIRE_NEO4J": "1"}
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-m", "reliability"]
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"the reliability tests failed; no report:\n{result.stdout[-3000:]}")


def report(figures: list[dict]) -> str:
    grouped: dict[tuple[str, str], dict] = {}
    for figure in figures:
        key = (figure["area"], figure["what"])
        row = grouped.setdefault(key, {**figure, "tried": 0, "held": 0, "notes": []})
        row["tried"] += figure["tried"]
        row["held"] += figure["held"]
        if figure["note"]:
            row["notes"].append(figure["note"])
    by_area: dict[str, list[dict]] = defaultdict(list)
    for (area, _), row in sorted(grouped.items()):
        by_area[area].append(row)
    lines = [
        "# Reliability",
        "",
        "<!-- written by scripts/reliability_report.py; run it again rather than editing -->",
        "",
        "What the tests marked `reliability` tried and what held, counted as they ran (`pytest -m",
        "reliability`, Neo4j on a throwaway server the tests start). Each row is one behaviour; *tried*",
        f"counts its cases. Run of {datetime.date.today().isoformat()}.",
        "",
    ]
    for area, title in AREAS.items():
        rows = by_area.get(area, [])
        if not rows:
            continue
        tried, held = sum(r["tried"] for r in rows), sum(r["held"] for r in rows)
        lines += [f"## {title}: {held} of {tried} held", "", "| what | tried | held | note |"]
        lines.append("|---|--:|--:|---|")
        lines += [f"| {r['what']} | {r['tried']} | {r['held']} | {'; '.join(r['notes'])} |" for r in rows]
        lines.append("")
    lines += [
        "## Known gaps",
        "",
        "Not counted above: a writer of the embedded store waits up to 60 s for another's transaction",
        "(one document's load); held longer, its load fails with a one-line error, and nothing is lost.",
        "A power cut (not a killed process) may lose the last documents committed before it (SQLite",
        "in WAL mode with synchronous=NORMAL).",
        "",
    ]
    return "\n".join(lines)


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "figures.json"
        run_tests(out)
        print(report(json.loads(out.read_text(encoding="utf-8"))), end="")


if __name__ == "__main__":
    main()
