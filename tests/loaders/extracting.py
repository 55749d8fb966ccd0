"""What the extraction tests share: one invented document read by the rules."""

from __future__ import annotations

from parkgraph.graph.facts import DocumentFacts, DocumentInfo
from parkgraph.loaders.extractor import Extractor


def extract(extractor: Extractor, text: str) -> DocumentFacts:
    """The facts `extractor` finds in `text`, read as a document of its own."""
    return extractor.extract(text, DocumentInfo(id="d", source="d.txt"))


def posts(facts: DocumentFacts) -> set[tuple[str, str, str]]:
    """(person, body, title) of each post the facts state."""
    names = {e.id: e.name for e in facts.entities}
    return {
        (names[r.head], names[r.tail], r.attributes.get("title", ""))
        for r in facts.relations
        if r.type == "HOLDS_POST"
    }


def links(facts: DocumentFacts, type_: str) -> set[tuple[str, str]]:
    """(head, tail) names of each relation of `type_` the facts state."""
    names = {e.id: e.name for e in facts.entities}
    return {(names[r.head], names[r.tail]) for r in facts.relations if r.type == type_}
