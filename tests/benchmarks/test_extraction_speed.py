"""The large documents the speed benchmark reads are as large as asked, repeatable, and varied."""

from __future__ import annotations

from benchkit import load_benchmark

speed = load_benchmark("extraction_speed")
PARAGRAPHS = [f"第{n}段示例文字，园区党委开展第{n}项工作。" for n in range(40)]


def test_sizes_read_as_bytes() -> None:
    assert speed.size_in_bytes("256K") == 256 * 1024
    assert speed.size_in_bytes("4M") == 4 * 1024 * 1024
    assert speed.size_in_bytes("1000") == 1000


def test_a_large_document_reaches_its_size_and_is_the_same_each_run() -> None:
    text = speed.large_document(PARAGRAPHS, 64 * 1024)
    assert len(text.encode("utf-8")) >= 64 * 1024 - 200
    assert text == speed.large_document(PARAGRAPHS, 64 * 1024)


def test_a_large_document_is_not_one_passage_repeated() -> None:
    lines = speed.large_document(PARAGRAPHS, 32 * 1024).split("\n")
    rounds = [lines[i : i + len(PARAGRAPHS)] for i in range(0, len(lines) - len(PARAGRAPHS), len(PARAGRAPHS))]
    assert len(rounds) >= 2
    assert all(sorted(r) == sorted(PARAGRAPHS) for r in rounds)
    assert rounds[0] != rounds[1]
