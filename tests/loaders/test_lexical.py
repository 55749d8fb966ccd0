"""Lexical analysis: words with offsets into the text, and person names tagged PER."""

from __future__ import annotations

from parkgraph.loaders.lexical import analyze


def test_a_person_name_is_tagged_per_with_its_offsets() -> None:
    text = "园区党委书记钮俊峰表示,要把党建工作做实。"
    [words] = analyze(text, [(0, len(text))])
    people = [w for w in words if w.tag == "PER"]
    assert [(w.word, text[w.start : w.end]) for w in people] == [("钮俊峰", "钮俊峰")]
    assert "".join(w.word for w in words) == text


def test_stretches_are_analyzed_apart_with_offsets_into_the_whole_text() -> None:
    text = "会议很成功。示例公司经理暴文涛说,要抓实党建。天气很好。"
    first, second = analyze(text, [(0, 6), (6, 23)])
    assert "".join(w.word for w in first) == text[:6]
    assert [(w.word, w.start) for w in second if w.tag == "PER"] == [("暴文涛", text.index("暴文涛"))]
    assert all(text[w.start : w.end] == w.word for w in first + second)


def test_an_empty_stretch_has_no_words_and_keeps_its_place() -> None:
    assert analyze("", []) == []
    assert analyze("甲", [(0, 0)]) == [[]]
    text = "示例公司经理暴文涛说。"
    empty, words = analyze(text, [(0, 0), (0, len(text))])
    assert empty == [] and [w.word for w in words if w.tag == "PER"] == ["暴文涛"]
