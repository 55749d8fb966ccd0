"""What the extraction tests share: one invented document read by the rules."""

from __future__ import annotations

from parkgraph.graph.facts import DocumentFacts, DocumentInfo
from parkgraph.loaders.extractor import Extractor


def extract(extractor: Extractor, text: str) -> DocumentFacts:
    """The facts `extractor` finds in `text`, read as a document of its own."""
    return extractor.extract(text, DocumentInfo(id="d", source="d.txt"))
