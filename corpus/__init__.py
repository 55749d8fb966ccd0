"""The bundled sample corpus: five seed documents, three documents naming joint branches' members, and
dev gold annotations for three of the seeds."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def seeds_dir() -> Path:
    """The folder of seed documents shipped with the package."""
    return Path(str(files(__name__) / "seeds"))


def samples_dir() -> Path:
    """Three documents in which joint branches and committees take in named enterprises.

    Copies of `dev2/c104.txt`, `c115.txt` and `c148.txt`: the seeds state no such members, so without these
    "which enterprises fall under this joint branch" would answer nothing on the sample corpus.
    """
    return Path(str(files(__name__) / "samples"))


def sample_dirs() -> list[Path]:
    """The sample corpus: what `parkgraph serve` loads into an empty store and the README's examples use."""
    return [seeds_dir(), samples_dir()]


def dev_gold_dir() -> Path:
    """Gold annotations (SCHEMA.md format) for three of the seeds."""
    return Path(str(files(__name__) / "gold" / "dev"))
