"""Sentence splitting: exact offsets, quotes, headlines, long runs."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest

from parkgraph.loaders.normalize import normalize_text
from parkgraph.loaders.segment import MAX_SENTENCE, Sentence, split_sentences

SEEDS = sorted((Path(__file__).resolve().parents[2] / "corpus" / "seeds").glob("*.txt"))


def texts(text: str) -> list[str]:
    return [sentence.text for sentence in split_sentences(text)]


def assert_exact(text: str, sentences: list[Sentence]) -> None:
    for sentence in sentences:
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.text == sentence.text.strip()
        assert sentence.text
    starts = [sentence.start for sentence in sentences]
    assert starts == sorted(starts)
    assert all(a.end <= b.start for a, b in pairwise(sentences))


def test_splits_at_chinese_and_ascii_sentence_ends() -> None:
    text = "园区党委成立。谁来牵头？工委牵头！一是联建；二是共建;三是统建!四是?五是。"
    assert texts(text) == [
        "园区党委成立。",
        "谁来牵头？",
        "工委牵头！",
        "一是联建；",
        "二是共建;",
        "三是统建!",
        "四是?",
        "五是。",
    ]


def test_headlines_and_lines_are_sentences() -> None:
    text = "示例园区党建新模式\n\n中共示例区委常委 张示例\n示例区成立联合党支部。"
    assert texts(text) == ["示例园区党建新模式", "中共示例区委常委 张示例", "示例区成立联合党支部。"]


def test_quotes_are_not_split_and_end_after_the_closing_mark() -> None:
    text = "王示例说：“我们要干。再苦也要干！”随后离开。他提出“支部建在项目上”。"
    assert texts(text) == ["王示例说：“我们要干。再苦也要干！”", "随后离开。", "他提出“支部建在项目上”。"]


def test_nested_quotes_stay_together() -> None:
    text = "“我们打造了“工地党建”。支部更加规范。”书记说。"
    assert texts(text) == ["“我们打造了“工地党建”。支部更加规范。”", "书记说。"]


def test_an_unclosed_quote_does_not_swallow_the_paragraph() -> None:
    assert texts("做到了“工程建到哪里。支部就建到哪里。") == ["做到了“工程建到哪里。", "支部就建到哪里。"]


def test_book_titles_are_not_split() -> None:
    assert texts("制定《示例办法。试行》。随后实施。") == ["制定《示例办法。试行》。", "随后实施。"]


def test_decimals_are_not_sentence_ends() -> None:
    assert texts("投资1.5亿元。增长3.2%。") == ["投资1.5亿元。", "增长3.2%。"]


def test_whitespace_is_trimmed_with_offsets_adjusted() -> None:
    text = "  第一句。   第二句。 \n\n   标题  \n"
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == ["第一句。", "第二句。", "标题"]
    assert (sentences[0].start, sentences[1].start) == (2, 9)
    assert_exact(text, sentences)


def test_long_runs_are_cut_at_commas() -> None:
    clause = "示例区组织开展党建联建活动，"
    text = clause * 60 + "成效明显。"
    sentences = split_sentences(text)
    assert len(sentences) > 1
    assert all(len(s.text) <= MAX_SENTENCE for s in sentences)
    assert "".join(s.text for s in sentences) == text
    assert_exact(text, sentences)


def test_empty_text_has_no_sentences() -> None:
    assert split_sentences("") == []
    assert split_sentences(" \n\n ") == []


@pytest.mark.parametrize("seed", SEEDS, ids=lambda path: path.name[:3])
def test_offsets_are_exact_on_the_seeds(seed: Path) -> None:
    text = normalize_text(seed.read_text(encoding="utf-8"))
    sentences = split_sentences(text)
    assert len(sentences) > 10
    assert_exact(text, sentences)
    covered = "".join(s.text for s in sentences)
    assert "".join(covered.split()) == "".join(text.split())
