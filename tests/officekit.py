"""The PDF and Word files of `benchmarks/office.py` for tests."""

from __future__ import annotations

from benchkit import load_benchmark

office = load_benchmark("office")
