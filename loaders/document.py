"""What every reader shares: the decoded document, where its text came from, and the one-line error.

These live apart from `sources` so that a reader in a module of its own (`pdf`, `word`) and the
loader list in `sources` can both import them; `sources` re-exports every name.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

__all__ = ["Loader", "Position", "RawDocument", "SourceError", "document_id"]


class SourceError(Exception):
    """A document that cannot be read, as one line: the file name and what is wrong with it."""

    def __init__(self, problem: str, source: str | None = None) -> None:
        super().__init__(f"{source}: {problem}" if source else problem)
        self.problem = problem
        self.source = source


@dataclass(frozen=True)
class Position:
    """From `start` on, the text comes from this place of the source: `第3页`, `第12段`, `表1第2行`."""

    start: int
    label: str


_NUMBERED = re.compile(r"(第)(\d+)(页|段)")


@dataclass(frozen=True)
class RawDocument:
    """A decoded document before normalization.

    `id` is the sha256 of the raw bytes, so re-loading the same file is recognised whatever its name.
    `title` is a hint taken from HTML `<title>` (site suffix removed); "" for plain text.
    `positions` map offsets of `text` to pages or paragraphs of a paged or structured source (PDF,
    Word), sorted by `start`; plain text and HTML have none.
    """

    id: str
    source: str
    path: Path | None
    text: str
    encoding: str
    kind: str
    title: str = ""
    positions: tuple[Position, ...] = ()

    def where(self, start: int, end: int) -> str | None:
        """The place of `text[start:end]` in the source: one label, or a range such as `第3–4页`."""
        if not self.positions:
            return None
        starts = [position.start for position in self.positions]
        first = self.positions[max(0, bisect.bisect_right(starts, start) - 1)].label
        last = self.positions[max(0, bisect.bisect_right(starts, max(start, end - 1)) - 1)].label
        if first == last:
            return first
        a, b = _NUMBERED.fullmatch(first), _NUMBERED.fullmatch(last)
        if a and b and a.group(3) == b.group(3):
            return f"第{a.group(2)}–{b.group(2)}{a.group(3)}"
        return f"{first}–{last}"


class Loader(Protocol):
    """Turns the bytes of one kind of input into a `RawDocument`."""

    kind: str

    def accepts(self, path: Path, data: bytes) -> bool: ...

    def read(self, path: Path, data: bytes) -> RawDocument: ...


def document_id(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
