"""ZIP archives: every document inside read, nested archives too, damage and zip bombs in one line."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from officekit import office

from parkgraph.loaders import archive, sources
from parkgraph.loaders.pipeline import Pipeline
from parkgraph.loaders.sources import RawDocument, SourceError, iter_document_paths, read_documents

ARTICLE = "示例县经济开发区党工委成立了甲乙科技有限公司、丙丁机械有限公司联合党支部。"


class _GbkName(zipfile.ZipInfo):
    """A member named in GBK without the UTF-8 flag, as Chinese Windows tools write them."""

    def _encodeFilenameFlags(self) -> tuple[bytes, int]:
        return self.filename.encode("gbk"), self.flag_bits


def zipped(members: dict[str, bytes], utf8_names: bool = True) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as bundle:
        for name, data in members.items():
            info = zipfile.ZipInfo(name) if utf8_names else _GbkName(name)
            info.compress_type = zipfile.ZIP_DEFLATED
            bundle.writestr(info, data)
    return out.getvalue()


def read_all(path: Path) -> dict[str, RawDocument | SourceError]:
    return {where.removeprefix(f"{path.parent}/"): item for where, item in read_documents(path)}


def test_every_document_of_an_archive_is_read_nested_ones_too(tmp_path: Path) -> None:
    inner = zipped({"c.txt": ARTICLE.encode("gbk")})
    path = tmp_path / "材料.zip"
    path.write_bytes(
        zipped(
            {
                "a.txt": ARTICLE.encode(),
                "报告/b.pdf": office.pdf_from_text(ARTICLE, header=""),
                "报告/d.docx": office.docx_from_text(ARTICLE),
                "更多.zip": inner,
                "照片.jpg": b"\xff\xd8\xff\xe0",
                "__MACOSX/._a.txt": b"\x00\x05",
                ".DS_Store": b"\x00",
            }
        )
    )
    found = read_all(path)
    assert list(found) == [
        "材料.zip/a.txt",
        "材料.zip/报告/b.pdf",
        "材料.zip/报告/d.docx",
        "材料.zip/更多.zip/c.txt",
    ]
    for where, doc in found.items():
        assert isinstance(doc, RawDocument), doc
        assert doc.text == ARTICLE
        assert doc.source == where
        assert doc.path is None
    assert found["材料.zip/报告/b.pdf"].kind == "pdf"


def test_member_names_written_in_gbk_are_read_as_chinese(tmp_path: Path) -> None:
    path = tmp_path / "bundle.zip"
    path.write_bytes(zipped({"通知.txt": ARTICLE.encode()}, utf8_names=False))
    assert list(read_all(path)) == ["bundle.zip/通知.txt"]


def test_a_damaged_member_is_one_line_and_the_others_still_come(tmp_path: Path) -> None:
    path = tmp_path / "bundle.zip"
    path.write_bytes(
        zipped(
            {
                "a.txt": ARTICLE.encode(),
                "坏.docx": b"PK\x03\x04 not really",
                "扫描.pdf": office.scanned_pdf(),
                "z.txt": ARTICLE.encode(),
            }
        )
    )
    found = read_all(path)
    assert isinstance(found["bundle.zip/a.txt"], RawDocument)
    assert isinstance(found["bundle.zip/z.txt"], RawDocument)
    assert "damaged Word document" in str(found["bundle.zip/坏.docx"])
    assert str(found["bundle.zip/扫描.pdf"]).startswith("bundle.zip/扫描.pdf: is a scanned PDF")


def test_a_corrupt_archive_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "bundle.zip"
    path.write_bytes(zipped({"a.txt": ARTICLE.encode()})[:60])
    [(where, error)] = read_documents(path)
    assert where == str(path)
    assert isinstance(error, SourceError)
    assert str(error).startswith("bundle.zip: is a damaged ZIP archive")
    assert "\n" not in str(error)


def _needing_version(data: bytes, version: int) -> bytes:
    """The archive with every central-directory entry asking for a newer unzip than Python's."""
    patched = bytearray(data)
    at = patched.find(b"PK\x01\x02")
    while at >= 0:
        patched[at + 6 : at + 8] = version.to_bytes(2, "little")
        at = patched.find(b"PK\x01\x02", at + 4)
    return bytes(patched)


@pytest.mark.parametrize("suffix", [".zip", ".docx", ".xlsx"])
def test_an_archive_python_cannot_open_is_one_line_whatever_its_name(tmp_path: Path, suffix: str) -> None:
    """zipfile raises NotImplementedError, not BadZipFile, for a directory asking for unzip 9.9."""
    path = tmp_path / f"bundle{suffix}"
    path.write_bytes(_needing_version(zipped({"a.txt": ARTICLE.encode()}), 99))
    with pytest.raises(NotImplementedError):
        zipfile.ZipFile(path)

    [(where, error)] = Pipeline().extract_all(path)

    assert where == str(path)
    assert isinstance(error, SourceError)
    assert str(error).startswith(f"bundle{suffix}: ") and "\n" not in str(error)


def test_a_zip_bomb_is_refused_before_anything_is_unpacked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A megabyte of zeros packs into about a kilobyte; with the budget at half a megabyte it is refused."""
    monkeypatch.setattr(archive, "MAX_UNPACKED_BYTES", 2**19)
    path = tmp_path / "bomb.zip"
    path.write_bytes(zipped({"a.txt": ARTICLE.encode(), "zeros.txt": b"\x00" * 2**20}))
    assert path.stat().st_size < 4096
    unpacked: list[zipfile.ZipInfo] = []
    monkeypatch.setattr(zipfile.ZipFile, "read", lambda self, info, pwd=None: unpacked.append(info) or b"")
    [(_, error)] = read_documents(path)
    assert "would unpack to 1.0 MiB" in str(error)
    assert unpacked == []


def test_nested_archives_share_one_budget(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(archive, "MAX_UNPACKED_BYTES", 3000)
    inner = zipped({"b.txt": ARTICLE.encode() * 30})
    path = tmp_path / "outer.zip"
    path.write_bytes(zipped({"a.txt": ARTICLE.encode(), "inner.zip": inner}))
    found = read_all(path)
    assert isinstance(found["outer.zip/a.txt"], RawDocument)
    assert "would unpack to" in str(found["outer.zip/inner.zip"])


def test_a_member_over_the_document_limit_is_refused_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sources, "MAX_DOCUMENT_BYTES", 600)
    path = tmp_path / "bundle.zip"
    path.write_bytes(zipped({"a.txt": ARTICLE.encode(), "big.txt": ARTICLE.encode() * 10}))
    found = read_all(path)
    assert isinstance(found["bundle.zip/a.txt"], RawDocument)
    assert "is too large" in str(found["bundle.zip/big.txt"])


def test_archives_too_deep_are_not_opened(tmp_path: Path) -> None:
    nested = zipped({"a.txt": ARTICLE.encode()})
    for depth in range(archive.MAX_ARCHIVE_DEPTH):
        nested = zipped({f"level{depth}.zip": nested})
    path = tmp_path / "deep.zip"
    path.write_bytes(nested)
    [(where, error)] = read_documents(path)
    assert where.endswith("level0.zip")
    assert "archive inside" in str(error)


def test_a_plain_file_is_one_document(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    [(where, doc)] = read_documents(path)
    assert where == str(path)
    assert isinstance(doc, RawDocument)
    assert doc.path == path


def test_an_archive_read_as_one_document_says_how_to_read_it(tmp_path: Path) -> None:
    path = tmp_path / "bundle.zip"
    path.write_bytes(zipped({"a.txt": ARTICLE.encode()}))
    with pytest.raises(SourceError, match="is a ZIP archive"):
        sources.read_document(path)


def test_folder_walks_take_pdf_word_zip_and_workbook_files(tmp_path: Path) -> None:
    for name in ("a.pdf", "b.docx", "c.zip", "d.xls", "e.doc", "f.txt"):
        (tmp_path / name).write_bytes(b"x")
    found = [path.name for path in iter_document_paths([tmp_path])]
    assert found == ["a.pdf", "b.docx", "c.zip", "d.xls", "f.txt"]
