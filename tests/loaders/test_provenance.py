"""Evidence sentences placed in their source's pages and paragraphs, though normalization changed the text."""

from __future__ import annotations

from officekit import office

from parkgraph.graph.facts import DocumentFacts, DocumentInfo, RelationFact, Span
from parkgraph.loaders.normalize import normalize_text, remove_pinyin_glosses, to_simplified
from parkgraph.loaders.pipeline import Pipeline
from parkgraph.loaders.provenance import place_evidence
from parkgraph.loaders.sources import read_bytes

TRADITIONAL = "示例縣工業園區成立甲乙科技有限公司、丙丁機(jī)械有限公司聯合黨支部。"
FILLER = "會議強調，要把黨建工作與園區發展結合起來。"


def places(data: bytes, name: str) -> dict[str, set[str]]:
    facts = Pipeline().facts(read_bytes(data, name))
    found: dict[str, set[str]] = {}
    for relation in facts.relations:
        found.setdefault(relation.type, set()).add(relation.evidence.where or "")
    return found


def test_a_traditional_sentence_with_glosses_is_placed_in_its_paragraph() -> None:
    data = office.docx_from_text(f"{FILLER}\n{FILLER}\n{TRADITIONAL}")
    assert places(data, "会议.docx")["COVERS"] == {"第3段"}


def test_a_sentence_repeated_on_two_pages_is_placed_on_each() -> None:
    raw = read_bytes(office.pdf_from_text("\n".join([TRADITIONAL, *[FILLER] * 40, TRADITIONAL])), "报告.pdf")
    assert [p.label for p in raw.positions] == ["第1页", "第2页"]
    text = normalize_text(raw.text)
    sentence = to_simplified(remove_pinyin_glosses(TRADITIONAL))
    first, last = text.index(sentence), text.rindex(sentence)
    facts = DocumentFacts(
        document=DocumentInfo(id="d", source="报告.pdf"),
        relations=[
            RelationFact(
                type="COVERS",
                head="e1",
                tail="e2",
                evidence=Span(start=at, end=at + len(sentence), text=sentence),
            )
            for at in (last, first)
        ],
    )
    assert [r.evidence.where for r in place_evidence(facts, raw).relations] == ["第2页", "第1页"]
