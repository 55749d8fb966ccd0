"""Extraction gives the same output in every process: nothing depends on the order of a set."""

from __future__ import annotations

import os
import subprocess
import sys

from parkgraph.corpus import seeds_dir

PROGRAM = """
import sys
from pathlib import Path
from parkgraph.loaders.pipeline import Pipeline
pipeline = Pipeline()
for path in sorted(Path(sys.argv[1]).glob("*.txt")):
    print(pipeline.extract_path(path).model_dump_json(exclude={"text"}))
"""


def _extract_with_hash_seed(seed: str) -> str:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    done = subprocess.run(
        [sys.executable, "-c", PROGRAM, str(seeds_dir())], env=env, capture_output=True, text=True, check=True
    )
    return done.stdout


def test_the_same_documents_give_the_same_facts_whatever_the_hash_seed() -> None:
    first = _extract_with_hash_seed("1")
    assert first.count("\n") == len(list(seeds_dir().glob("*.txt")))
    assert _extract_with_hash_seed("2") == first
