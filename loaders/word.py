"""Word documents (.docx): the body's paragraphs and tables in their order, each a line.

A table row becomes one line of its cells between bars (a merged cell once, `| 甲乙 | 书记 |`), so a
roster row — name, post, unit — reads as one line that keeps its cells apart, as a page's table
does. Headers, footers and text boxes are left out: they repeat the document's chrome, not its
content. Each line keeps where it came from: the paragraph's number among the non-empty ones
(`第12段`) or the table and row (`表2第3行`).
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from pathlib import Path

import docx
from docx.opc.exceptions import OpcError
from docx.table import Table, _Row
from docx.text.paragraph import Paragraph
from lxml.etree import LxmlError

from parkgraph.loaders.archive import MAX_UNPACKED_BYTES, unpacked_size
from parkgraph.loaders.document import Position, RawDocument, SourceError, document_id

__all__ = ["WordLoader"]

_ZIP_MAGIC = b"PK\x03\x04"
_WORD_PART = "word/document.xml"


def _row_text(row: _Row) -> str:
    """`| 甲乙 | 书记 | 丙公司党支部 |`: the row's cells between bars, an empty one kept so each stays under
    its header (the extractor reads a table under a roster header row by row, `tables.py`)."""
    cells = []
    seen: set[int] = set()
    for cell in row.cells:
        if id(cell._tc) in seen:
            continue
        seen.add(id(cell._tc))
        cells.append(" ".join(cell.text.split()))
    return f"| {' | '.join(cells)} |" if any(cells) else ""


def _lines(document: docx.document.Document) -> Iterator[tuple[str, str]]:
    """(label, text) of each non-empty paragraph and table row of the body, in order."""
    paragraphs = tables = 0
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            text = block.text.strip()
            if text:
                paragraphs += 1
                yield f"第{paragraphs}段", text
        elif isinstance(block, Table):
            tables += 1
            for number, row in enumerate(block.rows, start=1):
                text = _row_text(row)
                if text:
                    yield f"表{tables}第{number}行", text


def _open(data: bytes) -> docx.document.Document:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        size = unpacked_size(package)
    if size > MAX_UNPACKED_BYTES:
        raise SourceError(
            f"is a Word document that would unpack to {size / 2**20:.1f} MiB; "
            f"the limit is {MAX_UNPACKED_BYTES // 2**20} MiB"
        )
    return docx.Document(io.BytesIO(data))


_DAMAGE = (zipfile.BadZipFile, OpcError, LxmlError, KeyError, ValueError, OSError, NotImplementedError)
"""What a damaged package raises from the ZIP, the package or the XML reader."""


def read_lines(data: bytes) -> list[tuple[str, str]]:
    """The labelled lines of a .docx; one-line `SourceError` when it is damaged or not Word at all."""
    try:
        return list(_lines(_open(data)))
    except SourceError:
        raise
    except (
        zipfile.BadZipFile,
        OpcError,
        LxmlError,
        KeyError,
        ValueError,
        OSError,
        NotImplementedError,
    ) as err:
        reason = " ".join(str(err).split())[:120] or type(err).__name__
        raise SourceError(f"is a damaged Word document ({reason})") from None


class WordLoader:
    """Word .docx files: by suffix (so a damaged one is named as such), or a ZIP with `word/document.xml`."""

    kind = "docx"

    def accepts(self, path: Path, data: bytes) -> bool:
        if path.suffix.lower() in (".docx", ".docm"):
            return True
        if not data.startswith(_ZIP_MAGIC):
            return False
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as package:
                return _WORD_PART in package.namelist()
        except Exception:  # a damaged ZIP directory fails in many ways (BadZipFile, NotImplementedError…)
            return False

    def read(self, path: Path, data: bytes) -> RawDocument:
        try:
            lines = read_lines(data)
            if not lines:
                raise SourceError("is a Word document with no text")
        except SourceError as err:
            raise SourceError(err.problem, path.name) from None
        positions = []
        offset = 0
        for label, text in lines:
            positions.append(Position(offset, label))
            offset += len(text) + 1
        text = "\n".join(text for _, text in lines)
        return RawDocument(document_id(data), path.name, path, text, "", self.kind, "", tuple(positions))
