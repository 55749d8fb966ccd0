"""Articles made into PDF, Word and web pages give the entities their text gives.

Six articles of `corpus/dev2` (traditional characters with pinyin glosses, saved pages with their
chrome) are typeset as PDFs over several pages with running headers and page numbers
(`benchmarks/office.py`), written as Word files and set in news pages amid a site's menu, sidebar,
related articles and footer, then extracted like their text; PDF and Word evidence is placed by
page or paragraph (`benchmarks/html_reader.py` measures the pages over all unheld dev2 articles).
The rules were written on text; a reader that loses a line break, joins two paragraphs or lets a
header into the text shows as names the text gives and the file does not.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from officekit import office

from parkgraph.graph.facts import DocumentFacts
from parkgraph.loaders.pipeline import Pipeline
from parkgraph.loaders.sources import read_bytes

DEV2 = Path(__file__).resolve().parents[2] / "corpus" / "dev2"
ARTICLES = ("c002.txt", "c004.txt", "c006.txt", "c105.txt", "c124.txt", "c136.txt")
AGREEMENT = 0.95
LARGE_TYPE = 18
"""Points: at this size the articles (1–3 thousand characters) take two or three pages."""
PLACE = {"pdf": re.compile(r"第\d+(–\d+)?页"), "docx": re.compile(r"第\d+(–\d+)?段")}


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def names(facts: DocumentFacts) -> set[tuple[str, str]]:
    return {(entity.type, entity.name) for entity in facts.entities}


def as_file(kind: str, text: str) -> bytes:
    return office.pdf_from_text(text, size=LARGE_TYPE) if kind == "pdf" else office.docx_from_text(text)


@pytest.fixture(scope="module")
def extracted(pipeline: Pipeline) -> dict[str, dict[str, DocumentFacts]]:
    """Each article's facts from its text, its PDF and its Word file."""
    found: dict[str, dict[str, DocumentFacts]] = {}
    for article in ARTICLES:
        path = DEV2 / article
        text = path.read_text(encoding="utf-8")
        found[article] = {"text": pipeline.extract_path(path)}
        for kind in PLACE:
            found[article][kind] = pipeline.facts(read_bytes(as_file(kind, text), f"{path.stem}.{kind}"))
    return found


@pytest.mark.parametrize("kind", sorted(PLACE))
def test_files_give_the_entities_their_text_gives(extracted, kind: str) -> None:
    wanted = kept = 0
    for versions in extracted.values():
        expected = names(versions["text"])
        wanted += len(expected)
        kept += len(expected & names(versions[kind]))
    assert wanted > 50
    assert kept / wanted >= AGREEMENT, f"{kind}: {kept} of {wanted} names"


@pytest.mark.parametrize("kind", sorted(PLACE))
def test_evidence_points_at_a_page_or_paragraph(extracted, kind: str) -> None:
    relations = [r for versions in extracted.values() for r in versions[kind].relations]
    assert len(relations) > 20
    assert all(r.evidence.where and PLACE[kind].fullmatch(r.evidence.where) for r in relations), [
        (r.evidence.text, r.evidence.where) for r in relations if not r.evidence.where
    ][:3]


def test_the_pdfs_run_over_several_pages(extracted) -> None:
    """Several pages, so headers repeat and sentences cross page breaks: what the reader has to undo."""
    pages = [office.page_count(as_file("pdf", (DEV2 / a).read_text(encoding="utf-8"))) for a in ARTICLES]
    assert min(pages) >= 2


@pytest.fixture(scope="module")
def pages(pipeline: Pipeline) -> dict[str, dict[str, DocumentFacts]]:
    """Each article's facts from a saved page in each layout, and the page's text under "text"."""
    found: dict[str, dict] = {}
    for article in ARTICLES:
        text = (DEV2 / article).read_text(encoding="utf-8")
        for layout in office.LAYOUTS:
            raw = read_bytes(office.html_page(text, layout, "gb18030"), f"{article}.html")
            found.setdefault(layout, {})[article] = (raw.text, pipeline.facts(raw))
    return found


@pytest.mark.parametrize("layout", office.LAYOUTS)
def test_saved_pages_give_the_entities_their_text_gives(extracted, pages, layout: str) -> None:
    wanted = kept = 0
    for article, (_, facts) in pages[layout].items():
        expected = names(extracted[article]["text"])
        wanted += len(expected)
        kept += len(expected & names(facts))
    assert kept / wanted >= AGREEMENT, f"{layout}: {kept} of {wanted} names"


@pytest.mark.parametrize("layout", office.LAYOUTS)
def test_saved_pages_lose_their_chrome(pages, layout: str) -> None:
    """Class-named divs mark nothing as chrome; the main-content reading drops it all the same (an
    article saved with its own site's footer keeps that: it is the source's text)."""
    chrome = ("当前位置", "热点排行", "相关文章", "版权所有", "ICP备", "设为首页", *office.HEADLINES)
    for article, (text, _) in pages[layout].items():
        source = (DEV2 / article).read_text(encoding="utf-8")
        assert not [piece for piece in chrome if piece in text and piece not in source], article


def test_text_documents_have_no_place(extracted) -> None:
    assert all(r.evidence.where is None for v in extracted.values() for r in v["text"].relations)
