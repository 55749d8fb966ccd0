"""Word .docx: paragraphs and table rows in order, each a line that knows where it stands."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from officekit import office

from parkgraph.loaders import archive
from parkgraph.loaders.sources import SourceError, read_bytes, read_document

TEXT = (
    "示例县经济开发区党工委召开党建工作会议\n\n"
    "会议要求各联合党支部落实“三会一课”制度。\n"
    "会后，党工委书记王建国走访了甲乙科技有限公司。"
)
ROSTER = [
    ["单位", "职务", "姓名"],
    ["甲乙科技有限公司党支部", "书记", "李明"],
    ["丙丁机械有限公司党支部", "书记", "赵海平"],
]


def test_paragraphs_then_table_rows_become_lines() -> None:
    """A row keeps its cells apart between bars, so a roster table's rows are read by column."""
    doc = read_bytes(office.docx_from_text(TEXT, ROSTER), "会议.docx")
    assert doc.kind == "docx"
    assert doc.text.split("\n") == [
        "示例县经济开发区党工委召开党建工作会议",
        "会议要求各联合党支部落实“三会一课”制度。",
        "会后，党工委书记王建国走访了甲乙科技有限公司。",
        "| 单位 | 职务 | 姓名 |",
        "| 甲乙科技有限公司党支部 | 书记 | 李明 |",
        "| 丙丁机械有限公司党支部 | 书记 | 赵海平 |",
    ]


def test_each_line_knows_its_paragraph_or_table_row() -> None:
    doc = read_bytes(office.docx_from_text(TEXT, ROSTER), "会议.docx")
    assert [p.label for p in doc.positions] == ["第1段", "第2段", "第3段", "表1第1行", "表1第2行", "表1第3行"]
    at = doc.text.index("王建国")
    assert doc.where(at, at + 3) == "第3段"
    at = doc.text.index("赵海平")
    assert doc.where(at, at + 3) == "表1第3行"


def test_a_word_file_is_known_by_its_content_whatever_its_name(tmp_path: Path) -> None:
    path = tmp_path / "附件1"
    path.write_bytes(office.docx_from_text(TEXT))
    assert read_document(path).kind == "docx"


def test_a_merged_cell_is_read_once() -> None:
    import docx

    document = docx.Document()
    table = document.add_table(rows=1, cols=3)
    merged = table.cell(0, 0).merge(table.cell(0, 1))
    merged.text = "甲乙科技有限公司党支部"
    table.cell(0, 2).text = "李明"
    out = io.BytesIO()
    document.save(out)
    assert read_bytes(out.getvalue(), "名单.docx").text == "| 甲乙科技有限公司党支部 | 李明 |"


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (office.docx_from_text(TEXT)[:3000], "damaged Word document"),
        (b"PK\x03\x04" + b"\x00" * 200, "damaged Word document"),
        (office.docx_from_text(""), "Word document with no text"),
    ],
    ids=["truncated", "garbage", "empty"],
)
def test_unreadable_word_files_are_refused_in_one_line(data: bytes, problem: str) -> None:
    with pytest.raises(SourceError, match=problem) as refused:
        read_bytes(data, "坏文件.docx")
    assert str(refused.value).startswith("坏文件.docx: ")
    assert "\n" not in str(refused.value)


def test_a_word_file_that_would_unpack_past_the_limit_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    from parkgraph.loaders import word

    monkeypatch.setattr(word, "MAX_UNPACKED_BYTES", 1000)
    with pytest.raises(SourceError, match="would unpack to"):
        read_bytes(office.docx_from_text(TEXT), "大文件.docx")


def test_an_office_file_is_not_taken_for_an_archive() -> None:
    data = office.docx_from_text(TEXT)
    assert not archive.is_archive(".docx", data)
    assert not archive.is_archive("", data)
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        assert "[Content_Types].xml" in package.namelist()
