"""The sample corpus the saved Neo4j Browser queries take their example names from.

`parkgraph.corpus.sample_dirs()`: the five seed documents and three in which joint branches take in
named enterprises (COVERS), loaded as `parkgraph load` loads them.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from parkgraph.corpus import sample_dirs
from parkgraph.graph.store import Store
from parkgraph.loading import load_files

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = [path for folder in sample_dirs() for path in sorted(folder.glob("*.txt"))]
QUERIES = sorted((ROOT / "docs" / "neo4j" / "queries").glob("*.cypher"))
PARAM = re.compile(r"//\s*(:param\s+(\w+)\s*=>\s*(.+?))\s*$")


def load_sample(store: Store) -> None:
    """Extract and load the sample corpus into `store`, failing on any document that does not load."""
    report = load_files(store, SAMPLE)
    assert report.ok and len(report.results) == len(SAMPLE), report.failures


@dataclass(frozen=True)
class SavedQuery:
    """A saved Browser query: the `:param` lines its header lists, their values, and the file's text."""

    name: str
    param_lines: list[str]
    parameters: dict[str, Any]
    text: str

    @property
    def comments(self) -> list[str]:
        return [line for line in self.text.splitlines() if line.lstrip().startswith("//")]

    @property
    def statement(self) -> str:
        """The Cypher without its comments and the closing semicolon."""
        lines = [line for line in self.text.splitlines() if not line.lstrip().startswith("//")]
        return "\n".join(lines).strip().removesuffix(";")


def saved_query(path: Path) -> SavedQuery:
    """Read a saved query; its `:param` lines are the header comments `// :param NAME => VALUE`."""
    text = path.read_text(encoding="utf-8")
    lines, parameters = [], {}
    for line in text.splitlines():
        found = PARAM.fullmatch(line)
        if found:
            lines.append(found[1])
            parameters[found[2]] = ast.literal_eval(found[3])
    return SavedQuery(path.stem, lines, parameters, text)
