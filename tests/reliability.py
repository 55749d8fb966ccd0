"""Reliability figures recorded by the tests that establish them: what was tried, how much held.

A test calls `record(area, what, tried, held)` after its assertions, so only a passing test counts.
The figures stay in memory unless PARKGRAPH_RELIABILITY_OUT names a file: then the run writes them
there as JSON at its end, and `scripts/reliability_report.py` turns them into docs/reliability.md.
Tests that record are marked `reliability`, so the report runs them alone (`pytest -m reliability`).
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

OUT = "PARKGRAPH_RELIABILITY_OUT"
AREAS = ("bad input", "fault", "load", "isolation")


@dataclass(frozen=True)
class Figure:
    area: str
    what: str
    tried: int
    held: int
    unit: str
    note: str = ""


_figures: list[Figure] = []


def record(area: str, what: str, tried: int = 1, held: int = 1, unit: str = "cases", note: str = "") -> None:
    """Count `tried` attempts of `what`, `held` of them handled as they should be."""
    if area not in AREAS:
        raise ValueError(f"unknown area {area!r}; one of {', '.join(AREAS)}")
    _figures.append(Figure(area, what, tried, held, unit, note))


def write_if_asked() -> None:
    """At the end of a run: the figures as JSON in the file PARKGRAPH_RELIABILITY_OUT names, if any."""
    target = os.environ.get(OUT)
    if target:
        figures = [asdict(figure) for figure in _figures]
        Path(target).write_text(json.dumps(figures, ensure_ascii=False), encoding="utf-8")
