"""Reader throughput: PDF pages and Word paragraphs read per second, and whether the text comes back.

Run: `python benchmarks/reader_speed.py [--rounds N] [--copies N]`.

The bundled sample corpus (seeds and samples) is typeset as PDFs and written as Word files by
`office.py`: one PDF and one .docx per document, and one long PDF of all of them `--copies` times
over. Each is read through the loaders `parkgraph load` uses (`PdfLoader`, `WordLoader`), best of
`--rounds` in CPU time. For PDFs it also reads the same files with pdfminer.six, when installed,
through the same layout step, which is how pypdf was chosen (docs/benchmarks.md). A document's text
"comes back" when the reader's lines equal the source's non-empty lines, whitespace at their ends
aside; the count of documents whose text differs only in spaces and line breaks is given too. The
documents are typeset twice: in 11 pt (most fit one page, whose running header cannot be told from
a title) and in 18 pt, over several pages.
"""

from __future__ import annotations

import argparse
import io
import re
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import office

from parkgraph.corpus import sample_dirs
from parkgraph.loaders.document import RawDocument
from parkgraph.loaders.pdf import PdfLoader, lay_out
from parkgraph.loaders.word import WordLoader

clock = time.process_time
LARGE_TYPE = 18
"""Points: the same documents over 2-11 pages each, so running headers repeat and sentences cross pages."""


def pdfminer_pages(data: bytes) -> list[str]:
    """Each page's text as pdfminer.six lays it out."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTTextContainer

    return [
        "".join(element.get_text() for element in page if isinstance(element, LTTextContainer))
        for page in extract_pages(io.BytesIO(data))
    ]


def read_pypdf(data: bytes) -> str:
    return PdfLoader().read(Path("document.pdf"), data).text


def read_pdfminer(data: bytes) -> str:
    return lay_out(pdfminer_pages(data))[0]


def read_docx(data: bytes) -> RawDocument:
    return WordLoader().read(Path("document.docx"), data)


def source_lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def comes_back(source: str, read: str) -> tuple[bool, bool]:
    """(lines equal, equal once all whitespace is removed)."""
    squeeze = re.compile(r"\s+")
    return (
        source_lines(source) == source_lines(read),
        squeeze.sub("", source) == squeeze.sub("", read),
    )


def agreement(agree: Sequence[tuple[bool, bool]]) -> str:
    lines, characters = sum(a for a, _ in agree), sum(b for _, b in agree)
    return f"lines as in the source in {lines}/{len(agree)}, characters in {characters}/{len(agree)}"


def best_time(read: Callable[[bytes], object], files: Sequence[bytes], rounds: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        start = clock()
        for data in files:
            read(data)
        best = min(best, clock() - start)
    return best


def sample_texts() -> list[str]:
    return [path.read_text(encoding="utf-8") for folder in sample_dirs() for path in sorted(folder.iterdir())]


def pdf_lines(texts: Sequence[str], copies: int, rounds: int) -> list[str]:
    files = [office.pdf_from_text(text) for text in texts]
    large = [office.pdf_from_text(text, size=LARGE_TYPE) for text in texts]
    long = office.pdf_from_text("\n".join(texts * copies))
    pages, long_pages = sum(map(office.page_count, files)), office.page_count(long)
    readers: list[tuple[str, Callable[[bytes], str]]] = [("pypdf", read_pypdf)]
    try:
        import pdfminer  # noqa: F401

        readers.append(("pdfminer.six", read_pdfminer))
    except ImportError:
        pass
    lines = []
    for name, read in readers:
        agree = [comes_back(text, read(data)) for text, data in zip(texts, files, strict=True)]
        agree_large = [comes_back(text, read(data)) for text, data in zip(texts, large, strict=True)]
        each = best_time(read, files, rounds)
        whole = best_time(read, [long], rounds)
        lines.append(
            f"pdf ({name}): {len(files)} documents, {pages} pages in {each:.2f} s: "
            f"{pages / each:.1f} pages/s; one of {long_pages} pages in {whole:.2f} s: "
            f"{long_pages / whole:.1f} pages/s; {agreement(agree)}; "
            f"in {LARGE_TYPE} pt ({sum(map(office.page_count, large))} pages) {agreement(agree_large)}"
        )
    return lines


def docx_line(texts: Sequence[str], copies: int, rounds: int) -> str:
    files = [office.docx_from_text(text) for text in texts]
    long = office.docx_from_text("\n".join(texts * copies))
    paragraphs = sum(len(read_docx(data).positions) for data in files)
    long_paragraphs = len(read_docx(long).positions)
    agree = [comes_back(text, read_docx(data).text) for text, data in zip(texts, files, strict=True)]
    each = best_time(read_docx, files, rounds)
    whole = best_time(read_docx, [long], rounds)
    return (
        f"docx (python-docx): {len(files)} documents, {paragraphs} paragraphs in {each:.2f} s: "
        f"{paragraphs / each:.0f} paragraphs/s; one of {long_paragraphs} paragraphs in {whole:.2f} s: "
        f"{long_paragraphs / whole:.0f} paragraphs/s; {agreement(agree)}"
    )


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--copies", type=int, default=10, help="copies of the corpus in the long documents")
    args = parser.parse_args(argv)
    texts = sample_texts()
    for line in [*pdf_lines(texts, args.copies, args.rounds), docx_line(texts, args.copies, args.rounds)]:
        print(line, flush=True)


if __name__ == "__main__":
    main()
