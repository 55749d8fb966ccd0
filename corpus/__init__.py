"""The bundled sample corpus: five seed documents and dev gold annotations for three."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def seeds_dir() -> Path:
    """The folder of seed documents shipped with the package."""
    return Path(str(files(__name__) / "seeds"))


def dev_gold_dir() -> Path:
    """Gold annotations (SCHEMA.md format) for three of the seeds."""
    return Path(str(files(__name__) / "gold" / "dev"))
