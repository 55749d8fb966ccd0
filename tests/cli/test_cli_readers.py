"""`parkgraph load` and `extract` over PDF, Word and ZIP files: bad ones one line each, the rest loaded."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
import reliability
from officekit import office
from typer.testing import CliRunner

from parkgraph.cli import app

runner = CliRunner()

ARTICLE = (
    "示例县工业园区成立甲乙科技有限公司、丙丁机械有限公司联合党支部。\n"
    "联合党支部书记王建国说，支部把党员组织起来。"
)
OTHER = "样板市高新区党工委在戊己电子有限公司组建党支部，党支部书记李明介绍了做法。"
THIRD = "示范镇党委指导庚辛食品有限公司成立党支部。"


def zipped(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as bundle:
        for name, data in members.items():
            bundle.writestr(name, data)
    return out.getvalue()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Good files of each kind, and one of each kind of bad file."""
    docs = tmp_path / "docs"
    docs.mkdir()
    files = {
        "a.txt": ARTICLE.encode(),
        "报告.pdf": office.pdf_from_text(OTHER, header=""),
        "会议.docx": office.docx_from_text(THIRD),
        "材料.zip": zipped(
            {
                "一.txt": OTHER.encode("gbk"),
                "二.pdf": office.pdf_from_text(THIRD, header=""),
                "坏.docx": b"PK\x03\x04",
            }
        ),
        "加密.pdf": office.encrypted_pdf(office.pdf_from_text(ARTICLE)),
        "扫描.pdf": office.scanned_pdf(),
        "坏.zip": zipped({"x.txt": ARTICLE.encode()})[:50],
        "坏.docx": office.docx_from_text(ARTICLE)[:2000],
    }
    for name, data in files.items():
        (docs / name).write_bytes(data)
    return docs


BAD = {
    "加密.pdf": "is an encrypted PDF",
    "扫描.pdf": "is a scanned PDF",
    "坏.zip": "is a damaged ZIP archive",
    "坏.docx": "is a damaged Word document",
    "材料.zip/坏.docx": "is a damaged Word document",
}


def test_load_reports_each_bad_file_in_one_line_and_loads_the_others(folder: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["load", str(folder), "--data", str(tmp_path / "g.db")])
    assert result.exit_code == 1
    assert "5 loaded, 0 unchanged, 5 failed" in result.stdout
    skipped = [line for line in result.stderr.splitlines() if line.startswith("skipped")]
    assert len(skipped) == len(BAD), result.stderr
    for name, problem in BAD.items():
        [line] = [line for line in skipped if f"{folder}/{name}:" in line]
        assert problem in line
    assert "Traceback" not in result.stderr
    listed = runner.invoke(app, ["documents", "--data", str(tmp_path / "g.db"), "--json"])
    sources = {doc["source"] for doc in json.loads(listed.stdout)}
    assert sources == {"a.txt", "报告.pdf", "会议.docx", "材料.zip/一.txt", "材料.zip/二.pdf"}


def test_extract_gives_the_page_and_paragraph_of_each_evidence_sentence(folder: Path) -> None:
    result = runner.invoke(
        app, ["extract", str(folder / "报告.pdf"), str(folder / "会议.docx"), str(folder / "a.txt")]
    )
    assert result.exit_code == 0, result.stderr
    pdf, word, text = (json.loads(line) for line in result.stdout.splitlines())
    assert {r["evidence"]["where"] for r in pdf["relations"]} == {"第1页"}
    assert {r["evidence"]["where"] for r in word["relations"]} == {"第1段"}
    assert text["relations"]
    assert all("where" not in r["evidence"] for r in text["relations"])


@pytest.mark.reliability
@pytest.mark.parametrize("name", ["巨大.pdf", "巨大.txt", "巨大.zip", "巨大.xlsx"])
def test_a_one_gigabyte_file_is_refused_in_one_line_unread(tmp_path: Path, name: str) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text(ARTICLE, encoding="utf-8")
    with (docs / name).open("wb") as big:
        big.truncate(2**30)  # sparse: a gigabyte the file system never writes
    result = runner.invoke(app, ["load", str(docs), "--data", str(tmp_path / "g.db")])
    assert result.exit_code == 1
    assert "1 loaded, 0 unchanged, 1 failed" in result.stdout
    [line] = [line for line in result.stderr.splitlines() if line.startswith("skipped")]
    assert f"{docs}/{name}:" in line and "too large" in line, result.stderr
    assert "Traceback" not in result.stderr
    reliability.record(
        "bad input", f"a 1 GiB {Path(name).suffix} file: refused unread in one line, the rest loaded"
    )
