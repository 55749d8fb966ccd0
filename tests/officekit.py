"""The PDF and Word files of `benchmarks/office.py` for tests: benchmarks/ is scripts, not a package."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

SCRIPT = Path(__file__).resolve().parents[1] / "benchmarks" / "office.py"


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("benchmark_office", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


office = _load()
