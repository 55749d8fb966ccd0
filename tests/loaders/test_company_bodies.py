"""Party bodies a sentence says listed companies formed, named after each company."""

from __future__ import annotations

import pytest
from extracting import extract, links

from parkgraph.loaders.extractor import Extractor


@pytest.mark.parametrize(
    "text",
    [
        "今年3月,青禾智能装备有限公司和丽天精密机械有限公司先后建立党支部,两家企业党支部运转良好。",
        "园区有企业157家,其中青禾智能装备有限公司、丽天精密机械有限公司等2家公司已成立党支部。",
        "党委依托青禾智能装备有限公司、丽天精密机械有限公司等企业建立了5个企业党支部。",
    ],
)
def test_each_listed_company_that_formed_a_branch_has_it(extractor: Extractor, text: str) -> None:
    facts = extract(extractor, text)
    assert {
        ("青禾智能装备有限公司党支部", "青禾智能装备有限公司"),
        ("丽天精密机械有限公司党支部", "丽天精密机械有限公司"),
    } <= links(facts, "PARTY_ORG_OF")
    assert {"青禾智能装备有限公司党支部", "丽天精密机械有限公司党支部"} <= {
        e.name for e in facts.entities if e.type == "Branch"
    }


def test_a_company_that_forms_a_committee_has_a_committee(extractor: Extractor) -> None:
    facts = extract(extractor, "2021年,青禾智能装备有限公司成立党委,下设三个党支部。")
    assert ("青禾智能装备有限公司党委", "青禾智能装备有限公司") in links(facts, "PARTY_ORG_OF")


def test_a_company_that_forms_a_party_organization_of_no_stated_kind_has_no_named_body(
    extractor: Extractor,
) -> None:
    facts = extract(extractor, "青禾智能装备有限公司和丽天精密机械有限公司先后建立党组织,覆盖党员30名。")
    assert not [e.name for e in facts.entities if e.type in ("Branch", "Committee")]


@pytest.mark.parametrize(
    "text",
    [
        "衢州鼎力服饰有限公司在综合党委指导下单独建立了党支部。",
        "衢州鼎力服饰有限公司去年单独建立了党支部,现有党员12名。",
    ],
)
def test_a_company_forming_a_branch_alone_or_lately_forms_its_own(extractor: Extractor, text: str) -> None:
    branches = {e.name for e in extract(extractor, text).entities if e.type == "Branch"}
    assert branches == {"衢州鼎力服饰有限公司党支部"}
