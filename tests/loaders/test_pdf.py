"""PDF with a text layer: wrapped lines joined, running headers and page numbers dropped, pages kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from officekit import office

from parkgraph.loaders.pdf import lay_out
from parkgraph.loaders.sources import SourceError, read_bytes, read_document

OPENING = "示例县经济开发区党工委坚持党建引领，在园区内组建了甲乙科技有限公司、丙丁机械有限公司联合党支部。"
STEMS = "甲乙丙丁戊己庚辛壬癸"


def paragraph(n: int) -> str:
    """An invented paragraph of its own: two enterprises and a secretary named after `n`."""
    a, b, c = STEMS[n % 10], STEMS[n // 10 % 10], STEMS[(n * 3 + 1) % 10]
    return (
        f"第{n}项：示例县{a}{b}园区组建了{a}{c}科技有限公司、{b}{c}机械有限公司联合党支部，"
        f"书记{a}建{c}介绍，支部每月开展一次主题党日活动，把党员作用发挥在生产一线" + ("。" if n % 3 else "")
    )


def long_text(paragraphs: int = 40) -> str:
    """Enough paragraphs to run over several pages; every third ends without a full stop, as headings do."""
    return "\n".join(paragraph(n) for n in range(1, paragraphs + 1))


def test_lines_wrapped_inside_a_sentence_are_joined_and_paragraphs_kept() -> None:
    pages = [
        "示例党建网\n示例县经济开发区党工委坚持党建引领，组建甲乙科技有限公司联合党\n支部。\n短标题\n- 1 -",
        "示例党建网\n支部书记王建国介绍，支部每月开展一次主题党日活动，把党员作\n用发挥在一线。\n- 2 -",
    ]
    text, positions = lay_out(pages)
    assert text.split("\n") == [
        "示例县经济开发区党工委坚持党建引领，组建甲乙科技有限公司联合党支部。",
        "短标题",
        "支部书记王建国介绍，支部每月开展一次主题党日活动，把党员作用发挥在一线。",
    ]
    assert [p.label for p in positions] == ["第1页", "第2页"]
    assert text[positions[1].start :].startswith("支部书记")


def test_short_lines_of_a_list_are_never_joined() -> None:
    roster = ["甲乙科技有限公司党支部 李明", "丙丁机械有限公司党支部 赵海平", "戊己电子有限公司党支部 王建国"]
    text, _ = lay_out(["\n".join(roster)])
    assert text.split("\n") == roster


def test_a_sentence_running_over_a_page_break_is_one_line() -> None:
    first = "示例县经济开发区党工委坚持党建引领，在园区内组建了甲乙科技有限公司、丙丁机械有"
    pages = [f"页眉\n{first}\n- 1 -", "页眉\n限公司联合党支部。\n- 2 -"]
    text, positions = lay_out(pages)
    assert text == first + "限公司联合党支部。"
    assert positions[1].start == len(first)


@pytest.fixture(scope="module")
def typeset() -> bytes:
    return office.pdf_from_text(long_text())


def test_a_typeset_pdf_reads_back_as_its_paragraphs(typeset: bytes) -> None:
    doc = read_bytes(typeset, "报告.pdf")
    assert doc.kind == "pdf"
    assert doc.text.split("\n") == long_text().split("\n")
    assert office.HEADER not in doc.text
    assert "- 2 -" not in doc.text


def test_each_page_is_a_position_and_a_span_across_pages_says_both(typeset: bytes) -> None:
    doc = read_bytes(typeset, "报告.pdf")
    pages = office.page_count(typeset)
    assert pages >= 2
    assert [p.label for p in doc.positions] == [f"第{n}页" for n in range(1, pages + 1)]
    boundary = doc.positions[1].start
    assert doc.where(0, 10) == "第1页"
    assert doc.where(boundary, boundary + 5) == "第2页"
    assert doc.where(boundary - 5, boundary + 5) == "第1–2页"


SHORT = ("示例区召开园区党建工作会议", OPENING, "（通讯员 王小明）")


def test_a_one_page_pdf_loses_its_running_header_and_page_number() -> None:
    """One page gives no repetition to go by: the header is known by its small type in the top margin."""
    data = office.pdf_from_text("\n".join(SHORT))
    assert office.page_count(data) == 1
    assert read_bytes(data, "通知.pdf").text.split("\n") == list(SHORT)


def test_a_one_page_pdf_keeps_a_first_line_in_the_bodys_type() -> None:
    """Without a header the title is the top line, in the body's size: it is text, not a header."""
    data = office.pdf_from_text("\n".join(SHORT), header="", numbered=False)
    assert read_bytes(data, "通知.pdf").text.split("\n") == list(SHORT)


def test_a_one_page_pdf_keeps_a_header_set_as_large_as_its_body() -> None:
    data = office.pdf_from_text("\n".join(SHORT), size=9)
    assert read_bytes(data, "通知.pdf").text.split("\n")[0] == office.HEADER


def test_a_pdf_is_known_by_its_bytes_whatever_its_name(tmp_path: Path, typeset: bytes) -> None:
    path = tmp_path / "下载.txt"
    path.write_bytes(typeset)
    assert read_document(path).kind == "pdf"


@pytest.mark.parametrize(
    ("make", "problem"),
    [
        (lambda: office.encrypted_pdf(office.pdf_from_text(OPENING)), "encrypted PDF"),
        (lambda: office.scanned_pdf(), "scanned PDF"),
        (lambda: office.pdf_from_text(OPENING)[:1500], "damaged PDF"),
        (lambda: b"%PDF-1.7\n" + bytes(range(256)) * 4, "damaged PDF"),
    ],
    ids=["encrypted", "scanned", "truncated", "garbage"],
)
def test_unreadable_pdfs_are_refused_in_one_line(make, problem: str) -> None:
    with pytest.raises(SourceError, match=problem) as refused:
        read_bytes(make(), "坏文件.pdf")
    assert str(refused.value).startswith("坏文件.pdf: ")
    assert "\n" not in str(refused.value)


def test_a_pdf_locked_only_against_copying_is_read() -> None:
    """An owner password alone (no password to open) is how many offices publish: the text is there."""
    locked = office.encrypted_pdf(office.pdf_from_text(OPENING, header=""), password="")
    assert read_bytes(locked, "通知.pdf").text == OPENING
