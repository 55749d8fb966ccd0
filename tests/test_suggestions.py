"""Suggested merges: spellings of one unit are suggested, a unit and the units named after it are not."""

from __future__ import annotations

from factbuilder import FactBuilder

from parkgraph.graph.embedded import EmbeddedStore
from parkgraph.loaders.lexicon import load_lexicon
from parkgraph.suggestions import suggest


def test_spellings_of_one_unit_are_suggested_and_units_named_after_another_are_not() -> None:
    doc = FactBuilder("doc-names")
    doc.entity("Enterprise", "成都彩虹电器集团公司")
    doc.entity("Enterprise", "彩虹电器集团")
    doc.entity("Enterprise", "奇瑞汽车")
    doc.entity("Enterprise", "奇瑞汽车大连分公司")
    doc.entity("Committee", "阜康市委")
    doc.entity("Committee", "阜康市委两新工委")
    doc.entity("Park", "内蒙古通辽经济技术开发区")
    doc.entity("Park", "通辽经济技术开发区")
    store = EmbeddedStore()
    store.load(doc.build())
    found = [(s.keep.name, s.other.name, s.evidence) for s in suggest(store, load_lexicon())]
    store.close()
    assert found == [
        (
            "内蒙古通辽经济技术开发区",
            "通辽经济技术开发区",
            ["the names are alike once the place is left out: 通辽经济技术开发区"],
        ),
        ("成都彩虹电器集团公司", "彩虹电器集团", ["'彩虹电器集团' is part of '成都彩虹电器集团公司'"]),
    ]
