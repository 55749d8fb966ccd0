"""Read → normalize → extract: one document file (or upload) to its facts."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from parkgraph.graph.facts import DocumentFacts, DocumentInfo
from parkgraph.loaders.extractor import Extractor
from parkgraph.loaders.normalize import normalize
from parkgraph.loaders.provenance import place_evidence
from parkgraph.loaders.roster import RosterDocument, with_rosters
from parkgraph.loaders.roster_facts import roster_facts
from parkgraph.loaders.sources import (
    Loader,
    RawDocument,
    SourceError,
    read_bytes,
    read_document,
    read_documents,
)

Warn = Callable[[str, str], None]
"""Told `(source, message)` for what normalization removed, such as a mojibake stretch."""


class Pipeline:
    """One extractor reused over many documents (its lexicon is loaded once).

    A spreadsheet roster (`roster.py`) is read before the other loaders can take it for a ZIP archive
    or a text; its rows state their facts, which are read from its cells instead of extracted.
    """

    def __init__(self, extractor: Extractor | None = None, warn: Warn | None = None) -> None:
        self.extractor = extractor or Extractor()
        self.warn = warn
        self.loaders: tuple[Loader, ...] = with_rosters(self.extractor.lexicon)

    def facts(self, raw: RawDocument) -> DocumentFacts:
        if isinstance(raw, RosterDocument):
            for message in raw.warnings if self.warn else ():
                self.warn(raw.source, message)
            return roster_facts(raw, self.extractor.lexicon)
        normalized = normalize(raw.text)
        if self.warn:
            for message in normalized.warnings:
                self.warn(raw.source, message)
        info = DocumentInfo(
            id=raw.id, source=raw.source, title=normalized.title or raw.title, encoding=raw.encoding
        )
        return place_evidence(self.extractor.extract(normalized.text, info), raw)

    def extract_path(self, path: Path) -> DocumentFacts:
        """Facts of one file; raises `SourceError` with the file name when it cannot be read."""
        return self.facts(read_document(path, self.loaders))

    def extract_bytes(self, data: bytes, source: str) -> DocumentFacts:
        return self.facts(read_bytes(data, source, self.loaders))

    def extract_all(self, path: Path) -> Iterator[tuple[str, DocumentFacts | SourceError | ValueError]]:
        """Facts of each document of a file (one, or those of a ZIP archive), each with where it is;
        a document that cannot be read or extracted comes as its error, and the others still come."""
        for where, raw in read_documents(path, self.loaders):
            if isinstance(raw, SourceError):
                yield where, raw
                continue
            try:
                yield where, self.facts(raw)
            except ValueError as exc:
                yield where, exc
