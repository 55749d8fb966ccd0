"""Chinese PDF and Word files made from plain text, as offices make them, for the reader benchmark and tests.

`pdf_from_text` typesets paragraphs on A4 pages the way a word processor does: lines wrap at the
column's width between any two Chinese characters (a Latin word or a number is not split), each page
has a running header and a page number at its foot, and a paragraph may run over a page break. The
font is embedded (WenQuanYi Micro Hei when installed, as `.ci/run` installs it; otherwise
reportlab's built-in STSong-Light CID font), so the PDF has a real text layer. `scanned_pdf` is a
page that is only an image; `encrypted_pdf` needs a password. `docx_from_text` writes each line as a
paragraph, and a table after them if asked. Needs reportlab (with Pillow) and python-docx.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from functools import cache
from pathlib import Path

import docx
from PIL import Image
from pypdf import PdfReader, PdfWriter
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

WQY = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
HEADER = "示例党建网 · 基层动态"
MARGIN = 72
BODY_SIZE = 11
LEADING = 1.6
_TOKENS = re.compile(r"[A-Za-z0-9\u00c0-\u024f.%]+|\s|.")
"""What a line may not be broken inside: a Latin word or a number; anything else is one token."""


@cache
def cjk_font() -> str:
    """The name of a registered font that can set Chinese."""
    if WQY.exists():
        pdfmetrics.registerFont(TTFont("WenQuanYi", str(WQY), subfontIndex=0))
        return "WenQuanYi"
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    return "STSong-Light"


def wrap(paragraph: str, width: float, font: str, size: float) -> list[str]:
    """The lines a paragraph is set in, each as wide as fits."""
    lines: list[str] = []
    line = ""
    for token in _TOKENS.findall(paragraph):
        if line and pdfmetrics.stringWidth(line + token, font, size) > width:
            lines.append(line.rstrip())
            line = "" if token.isspace() else token
        else:
            line += token
    lines.append(line.rstrip())
    return lines


class _Pages:
    """A canvas that starts a new page, with its header and number, when the column is full."""

    def __init__(self, out: io.BytesIO, header: str, numbered: bool, size: float) -> None:
        self.canvas = canvas.Canvas(out, pagesize=A4)
        self.font = cjk_font()
        self.header = header
        self.numbered = numbered
        self.size = size
        self.page = 0
        self.y = 0.0
        self.new_page()

    def new_page(self) -> None:
        if self.page:
            self.canvas.showPage()
        self.page += 1
        width, height = A4
        self.canvas.setFont(self.font, 9)
        if self.header:
            self.canvas.drawString(MARGIN, height - 40, self.header)
        if self.numbered:
            self.canvas.drawCentredString(width / 2, 30, f"- {self.page} -")
        self.canvas.setFont(self.font, self.size)
        self.y = height - MARGIN

    def line(self, text: str) -> None:
        if self.y < MARGIN:
            self.new_page()
        self.canvas.drawString(MARGIN, self.y, text)
        self.y -= self.size * LEADING


def pdf_from_text(text: str, header: str = HEADER, numbered: bool = True, size: float = BODY_SIZE) -> bytes:
    """A PDF of the text's non-empty lines, each set as a paragraph in `size` points (a large size
    makes a short article run over several pages)."""
    out = io.BytesIO()
    pages = _Pages(out, header, numbered, size)
    width = A4[0] - 2 * MARGIN
    for paragraph in filter(None, (line.strip() for line in text.splitlines())):
        for line in wrap(paragraph, width, pages.font, size):
            pages.line(line)
        pages.y -= size * 0.6
    pages.canvas.save()
    return out.getvalue()


def page_count(data: bytes) -> int:
    return len(PdfReader(io.BytesIO(data)).pages)


def encrypted_pdf(data: bytes, password: str = "secret") -> bytes:
    """The PDF locked with a password that opening it needs (AES-256)."""
    writer = PdfWriter(clone_from=io.BytesIO(data))
    writer.encrypt(user_password=password, owner_password=password + "-owner", algorithm="AES-256")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def scanned_pdf(pages: int = 2) -> bytes:
    """A PDF whose pages are only pictures, as a scanner makes them: no text layer."""
    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=A4)
    scan = ImageReader(Image.new("L", (120, 170), color=235))
    for _ in range(pages):
        page.drawImage(scan, 0, 0, width=A4[0], height=A4[1])
        page.showPage()
    page.save()
    return out.getvalue()


def docx_from_text(text: str, table: Sequence[Sequence[str]] = ()) -> bytes:
    """A Word document with a paragraph per non-empty line, and `table`'s rows as a table at the end."""
    document = docx.Document()
    for paragraph in filter(None, (line.strip() for line in text.splitlines())):
        document.add_paragraph(paragraph)
    if table:
        docx_table(document, table)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def docx_table(document: docx.document.Document, rows: Sequence[Sequence[str]]) -> None:
    grid = document.add_table(rows=len(rows), cols=max(len(row) for row in rows))
    for cells, row in zip(grid.rows, rows, strict=True):
        for cell, value in zip(cells.cells, row, strict=False):
            cell.text = value
