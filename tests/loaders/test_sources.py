"""Reading files and uploads: decoding, HTML reduction, clear errors, folder walks."""

from __future__ import annotations

import hashlib
import random
from pathlib import Path

import pytest
import reliability
from officekit import office

from parkgraph.loaders import sources
from parkgraph.loaders.sources import (
    SourceError,
    decode_bytes,
    iter_document_paths,
    read_bytes,
    read_document,
)

SIMPLIFIED = "示例区经济技术开发区党工委坚持以党建引领园区发展，成立了甲乙科技有限公司联合党支部。"
TRADITIONAL = "示例區經濟技術開發區黨工委堅持以黨建引領園區發展，成立了甲乙科技有限公司聯合黨支部。"


@pytest.mark.parametrize(
    ("text", "codec", "expected"),
    [
        (SIMPLIFIED, "gbk", "gb18030"),
        (SIMPLIFIED, "gb2312", "gb18030"),
        (SIMPLIFIED + "䶮", "gb18030", "gb18030"),
        (TRADITIONAL, "big5", "big5"),
        (SIMPLIFIED, "utf-8", "utf-8"),
    ],
)
def test_decode_bytes_recovers_chinese_encodings(text: str, codec: str, expected: str) -> None:
    assert decode_bytes(text.encode(codec)) == (text, expected)


def test_decode_bytes_strips_a_utf8_bom() -> None:
    text, encoding = decode_bytes(b"\xef\xbb\xbf" + SIMPLIFIED.encode("utf-8"))
    assert text == SIMPLIFIED
    assert encoding == "utf-8-sig"


def test_decode_bytes_reads_utf16_with_a_bom() -> None:
    assert decode_bytes(SIMPLIFIED.encode("utf-16"))[0] == SIMPLIFIED


def test_decode_bytes_tolerates_one_truncated_character() -> None:
    text, encoding = decode_bytes(SIMPLIFIED.encode("utf-8")[:-1])
    assert encoding == "utf-8"
    assert text.startswith(SIMPLIFIED[:-1])


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"abc\x00\x00def", "binary"),
        (b"%PDF-1.7 \x00\x01", "PDF"),
        (bytes(range(0x80, 0x100)) * 8, "cannot be decoded"),
        (bytes(0x81 + b % 0x7E for b in random.Random(7).randbytes(3000)), "garbled or binary"),
    ],
)
@pytest.mark.reliability
def test_decode_bytes_refuses_what_is_not_text(data: bytes, problem: str) -> None:
    with pytest.raises(SourceError, match=problem) as refused:
        decode_bytes(data)
    assert "\n" not in str(refused.value)
    reliability.record("bad input", "binary, PDF, undecodable or garbled bytes refused in one line")


@pytest.mark.reliability
def test_random_high_bytes_are_refused_as_garbled() -> None:
    """Bytes 0x81-0xFE decode as GB18030 or Big5 without error: only their content says they are noise."""
    refused = 0
    for seed in range(200):
        data = bytes(0x81 + b % 0x7E for b in random.Random(seed).randbytes(3000))
        try:
            decode_bytes(data)
        except SourceError:
            refused += 1
    assert refused == 200
    reliability.record("bad input", "random 3,000-byte files of bytes 0x81-0xFE refused", 200, refused)


def test_decode_bytes_keeps_a_short_rare_text() -> None:
    """A few rare characters say nothing about the encoding: too little to call the text noise."""
    rare = "䶮𫚙鲿夛"
    assert decode_bytes(rare.encode("gb18030")) == (rare, "gb18030")


def test_read_document_gives_id_name_and_text(tmp_path: Path) -> None:
    path = tmp_path / "示例.txt"
    data = TRADITIONAL.encode("big5")
    path.write_bytes(data)
    doc = read_document(path)
    assert doc.id == hashlib.sha256(data).hexdigest()
    assert doc.source == "示例.txt"
    assert doc.path == path
    assert doc.text == TRADITIONAL
    assert doc.kind == "text"


def test_read_bytes_matches_read_document_without_a_path(tmp_path: Path) -> None:
    data = SIMPLIFIED.encode("gbk")
    (tmp_path / "a.txt").write_bytes(data)
    from_file = read_document(tmp_path / "a.txt")
    upload = read_bytes(data, "a.txt")
    assert upload.path is None
    assert (upload.id, upload.source, upload.text, upload.encoding) == (
        from_file.id,
        from_file.source,
        from_file.text,
        from_file.encoding,
    )


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("missing.txt", None, "no such file"),
        ("empty.txt", b"", "is empty"),
        ("blank.txt", "  \n\u3000\n".encode(), "has no text"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00", "PNG"),
        ("dump.txt", b"\x01\x02\x03\x04\x05\x06" * 50 + b"text", "binary"),
        ("nul.txt", "正文".encode() + b"\x00\x00\x00", "binary"),
    ],
)
def test_read_document_errors_name_the_file(
    tmp_path: Path, name: str, content: bytes | None, problem: str
) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(SourceError, match=problem) as caught:
        read_document(path)
    assert name in str(caught.value)
    assert "\n" not in str(caught.value)


def test_read_document_refuses_a_folder(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="not a file"):
        read_document(tmp_path)


def test_read_document_refuses_too_large_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sources, "MAX_DOCUMENT_BYTES", 16)
    path = tmp_path / "big.txt"
    path.write_bytes(SIMPLIFIED.encode())
    with pytest.raises(SourceError, match=r"big\.txt: is too large"):
        read_document(path)


PAGE = """<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>示例区探索园区党建新模式_党建频道_示例网</title>
<style>.a {{ color: red }}</style><script>var tracker = "统计代码";</script></head>
<body><header>示例网首页</header><nav>首页 &gt; 正文</nav>
<div class="content"><h1>示例区探索园区党建新模式</h1>
<p>{first}</p><!-- 广告位 --><p>第二段<br>第三行&nbsp;文字。</p></div>
<aside>热门文章</aside><form>搜索</form><footer>版权所有 示例网</footer></body></html>
"""


def test_html_page_is_reduced_to_its_text(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(PAGE.format(first=SIMPLIFIED).encode("gbk"))
    doc = read_document(path)
    assert doc.kind == "html"
    assert doc.encoding == "gb18030"
    assert doc.title == "示例区探索园区党建新模式"
    lines = [line.strip() for line in doc.text.split("\n") if line.strip()]
    assert lines == ["示例区探索园区党建新模式", SIMPLIFIED, "第二段", "第三行\xa0文字。"]
    for chrome in ("统计代码", "color", "首页", "广告位", "热门文章", "搜索", "版权所有"):
        assert chrome not in doc.text


STORY = (
    "甲乙园区党建推进会召开",
    "日前，甲乙高新区党工委在园区党群服务中心召开党建工作推进会。",
    "会议总结了上半年园区非公企业党组织的工作，部署了下一阶段的重点任务。",
    "丙丁科技有限公司党支部书记王建国作交流发言，介绍了党员先锋岗的做法。",
    "（记者 李红）",
)


@pytest.mark.parametrize("layout", office.LAYOUTS)
def test_html_chrome_in_plain_divs_goes_and_the_headline_stays(layout: str) -> None:
    """Menus, sidebars and footers built from class-named divs are not marked as chrome; the
    main-content reading drops them, and puts back the `<h1>` it keeps apart as metadata."""
    doc = read_bytes(office.html_page("\n".join(STORY), layout, "gbk"), "page.html")
    lines = [line.strip() for line in doc.text.split("\n") if line.strip()]
    assert [line for line in lines if line in STORY] == list(STORY)
    assert doc.encoding == "gb18030"
    assert doc.title == STORY[0]
    chrome = ("设为首页", "党建要闻", "当前位置", "热点排行", "相关文章", "版权所有", "ICP备")
    assert not [piece for piece in (*chrome, *office.HEADLINES) if piece in doc.text]


def test_html_story_is_kept_when_the_main_content_reading_misses_it() -> None:
    """A one-sentence story amid much chrome can look like boilerplate; then the rules read it."""
    story = "甲乙园区召开党建会议\n甲乙区委组织部召开园区党建工作会议。\n记者 王小明"
    doc = read_bytes(office.html_page(story, "divs"), "page.html")
    assert "甲乙区委组织部召开园区党建工作会议。" in doc.text
    assert "记者 王小明" in doc.text


def test_html_table_rows_are_lines_of_cells_between_bars() -> None:
    rows = "".join(
        f"<tr><td>{name}</td><td>{post}</td></tr>" for name, post in (("王建国", "书记"), ("李红", "委员"))
    )
    page = f"<html><body><div><p>{STORY[1]}</p><table>{rows}</table><p>{STORY[2]}</p></div></body></html>"
    lines = read_bytes(page.encode(), "page.html").text.split("\n")
    assert "| 王建国 | 书记 |" in lines
    assert "| 李红 | 委员 |" in lines
    assert not [line for line in lines if "---" in line]


def test_html_meta_charset_decides_over_guessing(tmp_path: Path) -> None:
    page = '<html><head><meta charset="big5"></head><body><p>組織部</p></body></html>'
    path = tmp_path / "short.htm"
    path.write_bytes(page.encode("big5"))
    assert read_document(path).text == "組織部"


def test_html_is_sniffed_whatever_the_suffix(tmp_path: Path) -> None:
    path = tmp_path / "saved.txt"
    path.write_bytes(b"\n<!doctype html><html><body><p>" + SIMPLIFIED.encode() + b"</p></body></html>")
    doc = read_document(path)
    assert doc.kind == "html"
    assert doc.text == SIMPLIFIED


def test_text_mentioning_html_stays_text(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_text("网页以<html>开头。" + SIMPLIFIED, encoding="utf-8")
    assert read_document(path).kind == "text"


def test_html_upload_is_detected_by_its_name() -> None:
    doc = read_bytes(f"<p>{SIMPLIFIED}</p><script>x()</script>".encode(), "upload.html")
    assert doc.kind == "html"
    assert doc.text == SIMPLIFIED


def test_page_without_text_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text("<html><body><script>x()</script></body></html>", encoding="utf-8")
    with pytest.raises(SourceError, match=r"empty\.html: has no text"):
        read_document(path)


def test_iter_document_paths_walks_folders_sorted_without_hidden_files(tmp_path: Path) -> None:
    for name in ("b.txt", "a/c.html", "a/d.htm", ".hidden.txt", ".git/e.txt", "notes.json", "f.TXT"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("正文。", encoding="utf-8")
    single = tmp_path / "notes.json"
    found = list(iter_document_paths([tmp_path, single]))
    relative = [path.relative_to(tmp_path).as_posix() for path in found]
    assert relative == ["a/c.html", "a/d.htm", "b.txt", "f.TXT", "notes.json"]


def test_iter_document_paths_reports_a_missing_path(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="nowhere"):
        list(iter_document_paths([tmp_path / "nowhere"]))
