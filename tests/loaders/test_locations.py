"""Where units lie (LOCATED_IN) and what parks are made of (PART_OF), read from an article's subject and
its enumerations. Each test writes invented sentences of one construction."""

from __future__ import annotations

from parkgraph.graph.facts import DocumentFacts, DocumentInfo
from parkgraph.loaders.extractor import Extractor


def relations(extractor: Extractor, text: str, type_: str) -> set[tuple[str, str]]:
    facts: DocumentFacts = extractor.extract(text, DocumentInfo(id="d1", source="d1.txt"))
    names = {e.id: e.name for e in facts.entities}
    return {(names[r.head], names[r.tail]) for r in facts.relations if r.type == type_}


def test_a_park_written_in_two_spellings_is_the_articles_park(extractor: Extractor) -> None:
    text = (
        "楼宇党建见成效\n"
        "示例区街道工委在青禾广场中心写字楼组建楼宇综合党委。"
        "青禾中心写字楼是全市知名的商务楼宇。"
        "目前甲乙科技有限公司、丙丁机械有限公司等企业已经入驻。"
    )
    placed = relations(extractor, text, "LOCATED_IN")
    assert ("甲乙科技有限公司", "青禾广场中心写字楼") in placed
    assert ("丙丁机械有限公司", "青禾广场中心写字楼") in placed
