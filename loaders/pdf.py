"""PDF with a text layer: the text of each page, laid out again as the paragraphs it was typeset from.

A PDF holds lines, not paragraphs: each page's lines come back with a break wherever the typesetter
wrapped, and Chinese wraps anywhere, inside a word or a name (`联合党\\n支部`), which no rule can
then read. So a line that fills the width of the text column and does not end a sentence is joined
to the next, across pages too; the lines that repeat at the top or bottom of the pages (a running
header, a footer) and page numbers are dropped. Each page's text keeps its number as a `Position`.

A page without a text layer (a scan) has no text to give: such a PDF is refused in one line, as is
one that needs a password; one locked against copying only (an owner password) is read.
"""

from __future__ import annotations

import io
import logging
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader
from pypdf.errors import DependencyError, FileNotDecryptedError, PyPdfError
from pypdf.generic import DictionaryObject

from parkgraph.loaders.document import Position, RawDocument, SourceError, document_id

__all__ = ["PdfLoader", "lay_out"]

logging.getLogger("pypdf").addHandler(logging.NullHandler())
"""pypdf warns through `logging` about the small defects most real PDFs have; without a handler of its
own Python prints them to stderr, where the CLI keeps one line per problem."""

_MAGIC = b"%PDF-"
_MAGIC_WINDOW = 1024
"""Readers accept junk before the header within the first kilobyte; so do we."""
_EDGE_LINES = 3
"""A running header or footer is among the first or last few lines a page's text gives."""
_REPEATED_SHARE = 0.5
"""A line repeated at the edge of at least half the pages (digits aside) is a header or footer."""
_FULL_LINE = 0.85
"""A line at least this share of the text column's width ran to the margin: the text wrapped there."""
_COLUMN_QUANTILE = 0.9
"""The column's width is the width most body lines reach: a high quantile, not the longest line."""
_MIN_COLUMN = 15.0
"""Em. A text column narrower than this is no column of prose (a list, a roster, a form of short
lines): its lines are kept as they are, never joined."""
_ENDS_SENTENCE = re.compile(r"[。！？!?…][”’」』）)》】\"']*$")
_PAGE_NUMBER = re.compile(
    r"[-–—·•\s]*(?:第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,3}(?:\s*/\s*\d{1,4})?"
    r"|[Pp]age\s*\d{1,4}(?:\s*of\s*\d{1,4})?)[-–—·•\s]*"
)
_LATIN = re.compile(r"[A-Za-z0-9\u00c0-\u024f]")
_SMALLER = 0.9
"""A running header is set smaller than the body: under this share of the body's type size."""
_HEADER_GAP = 1.8
"""And it stands apart, in the top margin: at least this many body sizes above the next line (body
lines are 1.2–1.6 sizes apart; the office PDFs' header stands 2.9 sizes above an 11 pt body)."""
_UNREADABLE = 0.3
"""A text layer this full of replacement, private-use or control characters comes from fonts without
a Unicode map: the glyphs are there but not which characters they are."""


@dataclass(frozen=True)
class _Line:
    page: int
    text: str
    after_gap: bool
    """A blank line came before it: a paragraph break the extractor saw."""


def _width(text: str) -> float:
    """Typeset width in em: a Chinese character or full-width sign is one, and so are the signs of
    ambiguous width (curly quotes, ①, ×), which Chinese fonts set full width; Latin letters and
    digits are half."""
    return sum(1.0 if unicodedata.east_asian_width(char) in "WFA" else 0.5 for char in text)


def _edge_key(line: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", line))


def _page_lines(page: str) -> list[tuple[str, bool]]:
    """A page's non-blank lines, each with whether a blank line came before it."""
    lines: list[tuple[str, bool]] = []
    gap = False
    for raw in page.splitlines():
        line = raw.strip()
        if line:
            lines.append((line, gap))
        gap = not line and bool(lines)
    return lines


def _edges(count: int) -> set[int]:
    return set(range(min(_EDGE_LINES, count))) | set(range(max(0, count - _EDGE_LINES), count))


def _repeated(pages: Sequence[list[tuple[str, bool]]]) -> set[str]:
    """Edge lines that repeat on enough pages to be a running header or footer (which never ends a
    sentence; the end of a paragraph that two pages happen to share does)."""
    if len(pages) < 2:
        return set()
    seen: Counter[str] = Counter()
    for lines in pages:
        edge = (lines[i][0] for i in _edges(len(lines)))
        seen.update({_edge_key(line) for line in edge if not _ENDS_SENTENCE.search(line)})
    needed = max(2, math.ceil(len(pages) * _REPEATED_SHARE))
    return {key for key, count in seen.items() if count >= needed}


def _body(pages: Sequence[str], headers: Sequence[str] = ()) -> list[_Line]:
    """Every page's lines without running headers, footers and page numbers; `headers` are the lines
    each page sets as a running header by type and place (`_typeset_header`)."""
    split = [_page_lines(page) for page in pages]
    repeated = _repeated(split)
    body: list[_Line] = []
    for number, lines in enumerate(split, start=1):
        edges = _edges(len(lines))
        header = _edge_key(headers[number - 1]) if number <= len(headers) and headers[number - 1] else None
        for i, (line, gap) in enumerate(lines):
            key = _edge_key(line)
            if i in edges and (key in repeated or key == header or _PAGE_NUMBER.fullmatch(line)):
                continue
            body.append(_Line(number, line, gap))
    return body


def _column(lines: Sequence[_Line]) -> float:
    widths = sorted(_width(line.text) for line in lines)
    return widths[min(len(widths) - 1, int(len(widths) * _COLUMN_QUANTILE))] if widths else 0.0


def _joins(previous: _Line, line: _Line, column: float) -> bool:
    """Whether `line` goes on the sentence `previous` wrapped out of."""
    if line.after_gap or column < _MIN_COLUMN or _ENDS_SENTENCE.search(previous.text):
        return False
    return _width(previous.text) >= column * _FULL_LINE


def _glue(previous: str, line: str) -> str:
    """Chinese wraps between any two characters; Latin words wrap at a space the extractor drops."""
    return " " if _LATIN.match(previous[-1]) and _LATIN.match(line[0]) else ""


def lay_out(pages: Sequence[str], headers: Sequence[str] = ()) -> tuple[str, tuple[Position, ...]]:
    """The text of a PDF's pages as paragraphs, one a line, and where each page's text starts;
    `headers`, if known, are each page's running header found by its type (`page_texts`)."""
    lines = _body(pages, headers)
    column = _column(lines)
    parts: list[str] = []
    positions: list[Position] = []
    offset = 0
    previous: _Line | None = None
    for line in lines:
        if previous is not None:
            part = _glue(previous.text, line.text) if _joins(previous, line, column) else "\n"
            parts.append(part)
            offset += len(part)
        if previous is None or line.page != previous.page:
            positions.append(Position(offset, f"第{line.page}页"))
        parts.append(line.text)
        offset += len(line.text)
        previous = line
    return "".join(parts), tuple(positions)


def _has_images(page: DictionaryObject) -> bool:
    resources = page.get("/Resources")
    objects = resources.get_object().get("/XObject") if resources else None
    if not objects:
        return False
    return any(item.get_object().get("/Subtype") == "/Image" for item in objects.get_object().values())


def _unreadable(text: str) -> bool:
    visible = [char for char in text if not char.isspace()]
    bad = sum(
        char == "\ufffd" or "\ue000" <= char <= "\uf8ff" or unicodedata.category(char) == "Cc"
        for char in visible
    )
    return bool(visible) and bad > len(visible) * _UNREADABLE


def _open(data: bytes) -> PdfReader:
    reader = PdfReader(io.BytesIO(data))
    if reader.is_encrypted and not reader.decrypt(""):
        raise SourceError("is an encrypted PDF: it needs a password to be read")
    return reader


def _times(m: Sequence[float], n: Sequence[float]) -> list[float]:
    """The product of two PDF matrices `[a b c d e f]`."""
    return [
        m[0] * n[0] + m[1] * n[2],
        m[0] * n[1] + m[1] * n[3],
        m[2] * n[0] + m[3] * n[2],
        m[2] * n[1] + m[3] * n[3],
        m[4] * n[0] + m[5] * n[2] + n[4],
        m[4] * n[1] + m[5] * n[3] + n[5],
    ]


def _typeset_header(runs: Sequence[tuple[float, float, str]]) -> str:
    """The page's top line if it is set as a running header: in smaller type than the body and in the
    top margin, well above the next line. Repetition finds headers only on documents of several
    pages; this finds one on a single page too. A title is set larger, so it stays; so does a header
    in the body's size, which cannot be told from a first line of text. Footers other than page
    numbers are left alone: a footnote is set the same way (small, apart, at the foot)."""
    lines: dict[float, list[tuple[float, str]]] = {}
    for y, size, text in runs:
        if text.strip():
            lines.setdefault(round(y), []).append((size, text))
    if len(lines) < 2:
        return ""
    sizes = sorted(size for line in lines.values() for size, text in line for _ in text.strip())
    body = sizes[len(sizes) // 2]
    top, below = sorted(lines, reverse=True)[:2]
    if max(size for size, _ in lines[top]) >= body * _SMALLER or top - below < body * _HEADER_GAP:
        return ""
    return "".join(text for _, text in lines[top]).strip()


def _page_text(page: DictionaryObject) -> tuple[str, str]:
    """A page's text layer, and its running header if its type and place say so."""
    runs: list[tuple[float, float, str]] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        matrix = _times(tm, cm)
        runs.append((matrix[5], size * math.sqrt(abs(matrix[0] * matrix[3] - matrix[1] * matrix[2])), text))

    return page.extract_text(visitor_text=visit) or "", _typeset_header(runs)


def page_texts(data: bytes) -> tuple[list[str], list[str]]:
    """The text layer of each page and the page's running header found by type ("" if none); one-line
    `SourceError` for a PDF that is encrypted, damaged or scanned."""
    try:
        reader = _open(data)
        pages = list(reader.pages)
        read = [_page_text(page) for page in pages]
        texts, headers = [text for text, _ in read], [header for _, header in read]
        scanned = not any(text.strip() for text in texts) and any(_has_images(page) for page in pages)
    except SourceError:
        raise
    except FileNotDecryptedError:
        raise SourceError("is an encrypted PDF: it needs a password to be read") from None
    except DependencyError:
        raise SourceError("is an AES-encrypted PDF, which needs the `cryptography` package") from None
    except (PyPdfError, ValueError, TypeError, KeyError, AttributeError, IndexError, RecursionError) as err:
        reason = " ".join(str(err).split())[:120] or type(err).__name__
        raise SourceError(f"is a damaged PDF ({reason})") from None
    if scanned:
        raise SourceError(
            f"is a scanned PDF: its {len(pages)} page(s) are images without text (OCR it first)"
        )
    return texts, headers


class PdfLoader:
    """PDF files, known by their `%PDF-` header whatever their name."""

    kind = "pdf"

    def accepts(self, path: Path, data: bytes) -> bool:
        return _MAGIC in data[:_MAGIC_WINDOW]

    def read(self, path: Path, data: bytes) -> RawDocument:
        try:
            text, positions = lay_out(*page_texts(data))
            if not text.strip():
                raise SourceError("is a PDF without a text layer (a scan? OCR it first)")
            if _unreadable(text):
                raise SourceError("is a PDF whose text layer cannot be read (its fonts map no characters)")
        except SourceError as err:
            raise SourceError(err.problem, path.name) from None
        return RawDocument(document_id(data), path.name, path, text, "", self.kind, positions=positions)
