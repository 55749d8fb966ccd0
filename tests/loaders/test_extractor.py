"""The rule-based extractor on small invented documents of the genre."""

from __future__ import annotations

import threading

import pytest
import reliability

from parkgraph.corpus import seeds_dir
from parkgraph.graph.facts import DocumentFacts, DocumentInfo
from parkgraph.loaders.extractor import Extractor
from parkgraph.loaders.sources import read_document


def extract(extractor: Extractor, text: str, doc_id: str = "d1") -> DocumentFacts:
    return extractor.extract(text, DocumentInfo(id=doc_id, source=f"{doc_id}.txt"))


def entity(facts: DocumentFacts, type_: str, name: str):
    found = [e for e in facts.entities if e.type == type_ and (e.name == name or name in e.aliases)]
    assert found, f"no {type_} {name} in {[(e.type, e.name) for e in facts.entities]}"
    return found[0]


def relations(facts: DocumentFacts, type_: str) -> set[tuple[str, str]]:
    names = {e.id: e.name for e in facts.entities}
    return {(names[r.head], names[r.tail]) for r in facts.relations if r.type == type_}


def test_nested_branch_name_gives_enterprise_and_party_org(extractor: Extractor) -> None:
    facts = extract(extractor, "甲乙科技有限公司党支部书记李明说:“我们把支部建在车间上。”")
    branch = entity(facts, "Branch", "甲乙科技有限公司党支部")
    company = entity(facts, "Enterprise", "甲乙科技有限公司")
    assert company.aliases == []
    assert [m.text for m in company.mentions] == ["甲乙科技有限公司"]
    entity(facts, "Person", "李明")
    assert ("甲乙科技有限公司党支部", "甲乙科技有限公司") in relations(facts, "PARTY_ORG_OF")
    posts = [r for r in facts.relations if r.type == "HOLDS_POST"]
    assert [(p.attributes["title"], p.tail) for p in posts] == [("书记", branch.id)]


def test_region_committee_titles_and_person(extractor: Extractor) -> None:
    facts = extract(extractor, "中共示例县委常委、组织部长 赵海平\n示例县位于某地。")
    committee = entity(facts, "Committee", "示例县委")
    assert "中共示例县委" in committee.aliases
    assert ("示例县委", "示例县") in relations(facts, "PARTY_ORG_OF")
    titles = {r.attributes["title"] for r in facts.relations if r.type == "HOLDS_POST"}
    assert titles == {"常委", "组织部长"}


def test_enumeration_gives_one_committee_per_member(extractor: Extractor) -> None:
    facts = extract(extractor, "示例县工业园区根据产业类别组建机械制造、电子信息、现代物流3个行业党委。")
    for industry in ("机械制造", "电子信息", "现代物流"):
        entity(facts, "Committee", f"{industry}行业党委")


def test_generic_mentions_resolve_to_the_documents_own_unit(extractor: Extractor) -> None:
    first = extract(extractor, "示例县工业园区是省级园区。园区党委下设党群工作部。", "d1")
    second = extract(extractor, "样板市高新区是国家级园区。高新区党委下设党群工作部。", "d2")
    one = entity(first, "Committee", "园区党委")
    two = entity(second, "Committee", "高新区党委")
    assert one.name == "示例县工业园区党委"
    assert two.name == "样板市高新区党委"
    assert one.key != two.key
    assert ("示例县工业园区党群工作部", "示例县工业园区党委") in relations(first, "PART_OF")


def test_joint_branch_covers_the_enterprises_it_joins(extractor: Extractor) -> None:
    facts = extract(extractor, "示例县工业园区成立甲乙科技有限公司、丙丁机械有限公司联合党支部。")
    branch = entity(facts, "Branch", "甲乙科技有限公司丙丁机械有限公司联合党支部")
    assert "联合党支部" in branch.aliases
    assert relations(facts, "COVERS") == {
        (branch.name, "甲乙科技有限公司"),
        (branch.name, "丙丁机械有限公司"),
    }


def test_quoted_practice_adopted_by_the_sentence_actor(extractor: Extractor) -> None:
    facts = extract(extractor, "示例县工业园区党委实施“双联双带”计划,构建“1+N”组织体系。")
    entity(facts, "Practice", "双联双带计划")
    entity(facts, "Practice", "1+N组织体系")
    adopters = relations(facts, "ADOPTS")
    assert ("示例县工业园区党委", "双联双带计划") in adopters


def test_every_relation_has_evidence_that_indexes_the_text(extractor: Extractor) -> None:
    text = (
        "示例县工业园区成立甲乙科技有限公司、丙丁机械有限公司联合党支部。\n甲乙科技有限公司党支部书记李明说。"
    )
    facts = extract(extractor, text)
    assert facts.relations
    for rel in facts.relations:
        assert text[rel.evidence.start : rel.evidence.end] == rel.evidence.text
        assert 0 < rel.confidence <= 1
    for ent in facts.entities:
        for span in ent.mentions:
            assert text[span.start : span.end] == span.text


@pytest.mark.reliability
def test_any_fragment_of_a_bundled_page_is_read_with_spans_inside_it(extractor: Extractor) -> None:
    """Pages arrive cut anywhere (a scraped stretch, a table cell): every cut reads, and what it
    yields points into it."""
    pages = [read_document(p).text for p in sorted(seeds_dir().iterdir())]
    fragments = [
        page[at : at + size]
        for page in pages
        for at in range(0, len(page), 37)
        for size in (1, 2, 3, 5, 8, 13, 40)
    ]
    for text in fragments:
        facts = extract(extractor, text)
        spans = [r.evidence for r in facts.relations] + [s for e in facts.entities for s in e.mentions]
        assert all(text[s.start : s.end] == s.text for s in spans), text
    what = "fragments of the bundled pages (1–40 characters, any offset) read, spans inside them"
    reliability.record("bad input", what, len(fragments), len(fragments))


def test_nothing_from_text_without_units(extractor: Extractor) -> None:
    facts = extract(extractor, "抓党建就是抓发展。要加强党员教育管理。")
    assert facts.entities == []
    assert facts.relations == []


def test_a_person_earlier_in_the_document_does_not_hide_later_organizations(extractor: Extractor) -> None:
    text = "示例县委书记 钱学文\n示例县工业园区党委下设党群工作部。"
    facts = extract(extractor, text)
    entity(facts, "Committee", "示例县工业园区党委")
    entity(facts, "Organization", "党群工作部")


def test_region_prefixed_and_one_character_short_names_are_one_entity(extractor: Extractor) -> None:
    text = (
        "四川省样板经济技术开发区突出党建引领。样板经济技术开发区党工委书记孙立说。"
        "四川省样板经济术开发区很大。"
    )
    facts = extract(extractor, text)
    parks = [e for e in facts.entities if e.type == "Park"]
    assert [p.name for p in parks] == ["样板经济技术开发区"]
    assert {"四川省样板经济技术开发区", "四川省样板经济术开发区"} <= set(parks[0].aliases)


def test_a_chain_of_duties_puts_each_body_under_the_one_before(extractor: Extractor) -> None:
    text = "示例县工业园区实行“县委统一领导、非公工委牵头、园区党委实施”三级责任。"
    facts = extract(extractor, text)
    assert relations(facts, "SUBORDINATE_TO") == {
        ("示例县非公工委", "示例县委"),
        ("示例县工业园区党委", "示例县非公工委"),
    }


def test_a_bare_park_word_after_a_region_is_that_regions_park(extractor: Extractor) -> None:
    facts = extract(extractor, "示例市各县区各有特色。样板县依托工业园区,由园区综合党委主导,吸收50家企业。")
    entity(facts, "Park", "样板县工业园区")
    assert ("样板县工业园区", "样板县") in relations(facts, "LOCATED_IN")
    assert ("样板县工业园区综合党委", "样板县工业园区") in relations(facts, "PARTY_ORG_OF")


def test_units_named_in_a_park_article_lie_in_the_park(extractor: Extractor) -> None:
    text = "样板经济技术开发区党建纪实。样板经济技术开发区引进甲乙研究院入驻园区,成立了快递业协会。"
    facts = extract(extractor, text)
    located = relations(facts, "LOCATED_IN")
    assert ("甲乙研究院", "样板经济技术开发区") in located
    assert ("快递业协会", "样板经济技术开发区") in located


def test_quotes_listed_after_a_practice_are_practices_and_counts_are_not(extractor: Extractor) -> None:
    text = "示例县抓实“车轮上的党建”和“舌尖上的党建”,形成“4种”模式。"
    facts = extract(extractor, text)
    practices = {e.name for e in facts.entities if e.type == "Practice"}
    assert practices == {"车轮上的党建", "舌尖上的党建"}


def test_names_listed_before_an_enterprise_head_are_enterprises(extractor: Extractor) -> None:
    text = (
        "样板开发区党建纪实。甲乙机电、丙丁食品等20多家龙头企业落户园区。"
        "通过上级派、内部选等方式选拔企业党组织书记。"
    )
    facts = extract(extractor, text)
    enterprises = {e.name for e in facts.entities if e.type == "Enterprise"}
    assert enterprises == {"甲乙机电", "丙丁食品"}


def test_a_plain_noun_after_a_weak_title_is_no_person(extractor: Extractor) -> None:
    facts = extract(extractor, "增强党员荣誉感,党员王建国同志被评为劳动模范。")
    assert {e.name for e in facts.entities if e.type == "Person"} == {"王建国"}


def test_activities_slogans_and_counted_kinds_are_no_entities(extractor: Extractor) -> None:
    text = "示例县开展“青年创客”活动,推行“共建园区、共享生活”,集聚8家院士工作站,实施“双联双带”行动。"
    facts = extract(extractor, text)
    assert {e.name for e in facts.entities if e.type in ("Practice", "Organization")} == {"双联双带行动"}


def test_a_name_before_a_count_of_its_members_is_an_enterprise(extractor: Extractor) -> None:
    facts = extract(extractor, "去年甲乙玻璃2名党员因积分较低被园区党委警告。")
    assert {e.name for e in facts.entities if e.type == "Enterprise"} == {"甲乙玻璃"}


def test_a_verb_before_the_plain_park_word_names_no_park(extractor: Extractor) -> None:
    facts = extract(extractor, "深化园区改革。深化园区管理。新型工业园区建设加快,新型工业园区扩容。")
    assert {e.name for e in facts.entities if e.type == "Park"} == {"新型工业园区"}


def test_a_citys_parks_in_general_are_no_park_but_a_countys_park_is(extractor: Extractor) -> None:
    city = extract(extractor, "样板市产业园区党建工作推进会召开,全市产业园区发展良好。", "d1")
    county = extract(extractor, "示例县园区党建纪实。示例县园区党委下设党群工作部。", "d2")
    assert [e.name for e in city.entities if e.type == "Park"] == []
    assert [e.name for e in county.entities if e.type == "Park"] == ["示例县园区"]


def test_bodies_known_by_a_short_name_are_found(extractor: Extractor) -> None:
    facts = extract(extractor, "这一做法得到了中组部的肯定。")
    entity(facts, "Organization", "中组部")


def test_a_province_written_short_gets_its_full_name(extractor: Extractor) -> None:
    facts = extract(extractor, "内蒙古样板经济技术开发区突出大党建工作理念,是内蒙古自治区的党建示范单位。")
    region = entity(facts, "Region", "内蒙古自治区")
    park = entity(facts, "Park", "样板经济技术开发区")
    assert region.aliases == ["内蒙古"]
    assert park.aliases == ["内蒙古样板经济技术开发区"]
    assert relations(facts, "LOCATED_IN") == {("样板经济技术开发区", "内蒙古自治区")}


def _practices(extractor: Extractor, text: str) -> set[str]:
    return {e.name for e in extract(extractor, text).entities if e.type == "Practice"}


def test_a_quoted_formula_names_a_model_but_not_a_noun_it_qualifies(extractor: Extractor) -> None:
    text = "该联盟采用“2+3+N”组织架构。以“党建+合作社”带动增收,落实“一村一策”,出台“1+5”文件。"
    assert _practices(extractor, text) == {"2+3+N组织架构", "党建+合作社", "一村一策"}


def test_a_quote_tied_to_a_word_for_practices_in_general_names_one(extractor: Extractor) -> None:
    text = (
        "示例县推广了“车间连着支部”的具体做法,又借助“红色课堂”这些载体。"
        "采取“点面共进、上下联动、内外协同”的具体做法。避免“一刀切”的做法。推行“班组连着党小组”做法。"
    )
    assert _practices(extractor, text) == {"车间连着支部", "红色课堂", "班组连着党小组"}


def test_a_quote_an_adopting_verb_frames_with_yi_wei_names_a_practice(extractor: Extractor) -> None:
    text = "示例县着力打造以“邻里共治”为特色的楼宇社区。以“邻里共治”为名的展览开幕。"
    assert _practices(extractor, text) == {"邻里共治"}


def test_quotes_listed_before_another_kind_of_thing_name_no_practice(extractor: Extractor) -> None:
    text = "园区引进“云端工厂”、“党建+物流”等高新技术项目,搭建“甲乙之窗”、“党建+服务”等平台。"
    assert _practices(extractor, text) == {"甲乙之窗", "党建+服务"}


def test_a_quote_qualifying_an_event_names_no_practice(extractor: Extractor) -> None:
    text = "示例县党委深入实施“双强六好”创建活动,推行“双强六好”工作法。"
    assert _practices(extractor, text) == {"双强六好工作法"}


def test_quotes_listed_before_a_count_of_their_kind_are_each_a_practice(extractor: Extractor) -> None:
    text = "示例县党委实施“先锋领航”“强基固本”“人才引育”三大工程。"
    assert _practices(extractor, text) == {"先锋领航", "强基固本", "人才引育"}


def test_a_count_after_an_adopted_quote_is_no_part_of_its_name(extractor: Extractor) -> None:
    assert _practices(extractor, "示例县党委打造“红帆”驿站30个。") == {"红帆驿站"}


def test_a_formula_of_counted_units_is_no_practice(extractor: Extractor) -> None:
    assert _practices(extractor, "示例县实行“2名干部+3个部门”蹲点联系。") == set()


def test_a_sum_said_to_exceed_its_parts_is_no_practice(extractor: Extractor) -> None:
    assert _practices(extractor, "示例县推动企业抱团发展,实现“1+1>2”的效果。") == set()


def test_a_quote_a_demonstrative_ties_to_a_practice_word_names_it(extractor: Extractor) -> None:
    text = "示例县党委推出了“红帆领航”这一党建品牌。"
    assert _practices(extractor, text) == {"红帆领航党建品牌"}


def test_a_counted_policy_phrase_is_no_practice(extractor: Extractor) -> None:
    assert _practices(extractor, "示例县党委多点发力推进“两个覆盖”。") == set()


def test_a_run_of_phrases_before_a_practice_word_is_its_content(extractor: Extractor) -> None:
    text = (
        "示例县构建起以“党委统筹、部门联动、企业参与”为内容的融合发展体系,"
        "完善“人员、经费、场地”三方面的保障制度。"
    )
    practices = _practices(extractor, text)
    assert any(p.startswith("党委统筹、部门联动、企业参与") for p in practices)
    assert not any("人员、经费" in p for p in practices)


def test_a_quoted_name_ending_in_a_system_word_is_a_practice(extractor: Extractor) -> None:
    assert _practices(extractor, "示例镇在全区首推产业链“链长制”。") == {"链长制"}


def test_a_quote_with_and_without_its_practice_word_is_one_practice(extractor: Extractor) -> None:
    text = "示例县发布“青枫”党建品牌。为把“青枫”品牌擦亮,示例县推行“2+N”架构,完善“2+N”组织架构。"
    practices = {e.name: e.aliases for e in extract(extractor, text).entities if e.type == "Practice"}
    assert set(practices) == {"青枫党建品牌", "2+N组织架构"}
    assert {"青枫", "青枫品牌"} <= set(practices["青枫党建品牌"])


def test_a_quote_with_two_unrelated_practice_words_is_two_practices(extractor: Extractor) -> None:
    text = "示例县推行“双联”工作法,建立“双联”考核制度,落实“双联”。"
    assert _practices(extractor, text) == {"双联工作法", "双联考核制度", "双联"}


def test_quotes_listed_before_a_practice_word_are_practices_named_by_their_quotes(
    extractor: Extractor,
) -> None:
    text = "示例县借助“红映初心”和“云上党校”等平台服务企业。"
    assert _practices(extractor, text) == {"红映初心", "云上党校"}


def test_honours_and_product_brands_in_quotes_are_no_practices(extractor: Extractor) -> None:
    text = "示例县创建“党员先锋岗”,培育“青山蜜桃”这一农产品区域公用品牌,推出“青山红韵”这一党建品牌。"
    assert _practices(extractor, text) == {"青山红韵党建品牌"}


def test_a_practice_name_has_no_spaces(extractor: Extractor) -> None:
    assert _practices(extractor, "示例县党委推出“新园区 新服务”这一党建品牌。") == {"新园区新服务党建品牌"}


def test_a_practice_quoted_in_single_marks_is_found(extractor: Extractor) -> None:
    text = "他说:“我们在联盟里推行成员单位‘轮流’牵头制度,效果很好,企业都很满意,也愿意参加联盟的各项活动。”"
    assert _practices(extractor, text) == {"轮流牵头制度"}


def test_a_body_named_by_a_company_word_is_the_company_named_before_it(extractor: Extractor) -> None:
    text = (
        "会上,王小明(甲乙丰源集团董事长,兼任集团党委书记)作了发言。"
        "李红是丙丁科技有限公司经理,兼任该公司党支部书记。"
    )
    facts = extract(extractor, text)
    committee = entity(facts, "Committee", "甲乙丰源集团党委")
    assert "集团党委" in committee.aliases
    entity(facts, "Branch", "丙丁科技有限公司党支部")
    parties = relations(facts, "PARTY_ORG_OF")
    assert ("甲乙丰源集团党委", "甲乙丰源集团") in parties
    assert ("丙丁科技有限公司党支部", "丙丁科技有限公司") in parties
    assert not {e.name for e in facts.entities if e.type == "Enterprise"} & {"集团", "公司"}


def test_a_park_committee_is_the_only_park_named_once(extractor: Extractor) -> None:
    text = (
        "今年园区产值增长两成。青河工业园区辖区内化工企业集中。园区把组建党建联盟当作抓手,由园区党工委牵头。"
    )
    facts = extract(extractor, text)
    committee = entity(facts, "Committee", "园区党工委")
    assert committee.name == "青河工业园区党工委"
    assert ("青河工业园区党工委", "青河工业园区") in relations(facts, "PARTY_ORG_OF")


def test_a_committee_of_a_kind_of_park_is_that_park_not_the_sub_park(extractor: Extractor) -> None:
    text = (
        "样板经开区金桥园区企业共同组建党建联盟。"
        "金桥园区的联盟由经开区党工委委员担任负责人。金桥园区发展很快。"
    )
    facts = extract(extractor, text)
    committee = entity(facts, "Committee", "经开区党工委")
    assert committee.name == "样板经开区党工委"
    assert ("样板经开区党工委", "样板经开区") in relations(facts, "PARTY_ORG_OF")


def test_a_body_written_formally_and_by_its_everyday_word_is_one_body(extractor: Extractor) -> None:
    text = "中共青河高新区工作委员会召开会议。青河高新区党工委书记王大明讲话。"
    facts = extract(extractor, text)
    committees = [e for e in facts.entities if e.type == "Committee"]
    assert len(committees) == 1
    assert {"中共青河高新区工作委员会", "青河高新区党工委"} <= {committees[0].name, *committees[0].aliases}
    branch_text = "中共青河科技有限公司支部委员会成立于2010年。青河科技有限公司党支部现有党员20名。"
    branches = [e for e in extract(extractor, branch_text).entities if e.type == "Branch"]
    assert len(branches) == 1
    assert "青河科技有限公司党支部" in {branches[0].name, *branches[0].aliases}


def test_a_committee_of_a_kind_of_organizations_is_named_after_the_park(extractor: Extractor) -> None:
    text = "青河高新区党工委下设两新组织党委和经济(社会)组织党委。青河高新区位于河谷。"
    facts = extract(extractor, text)
    committees = {e.name for e in facts.entities if e.type == "Committee"}
    assert {"青河高新区两新组织党委", "青河高新区经济(社会)组织党委"} <= committees
    assert ("青河高新区两新组织党委", "青河高新区党工委") in relations(facts, "SUBORDINATE_TO")


def test_a_rank_of_parks_is_no_park(extractor: Extractor) -> None:
    text = "青河高新区于2015年升格为国家级高新技术产业开发区。高新区党工委统筹园区党建。"
    facts = extract(extractor, text)
    assert {e.name for e in facts.entities if e.type == "Park"} == {"青河高新区"}
    assert ("青河高新区党工委", "青河高新区") in relations(facts, "PARTY_ORG_OF")


def test_a_company_written_by_its_brand_is_the_company(extractor: Extractor) -> None:
    text = "中共青河科技有限公司支部委员会成立于2010年。青河科技党支部现有党员20名,青河科技发展很快。"
    facts = extract(extractor, text)
    companies = [e for e in facts.entities if e.type == "Enterprise"]
    assert [(e.name, e.aliases) for e in companies] == [("青河科技有限公司", ["青河科技"])]
    branches = [e for e in facts.entities if e.type == "Branch"]
    assert len(branches) == 1
    assert "青河科技党支部" in branches[0].aliases
    assert relations(facts, "PARTY_ORG_OF") == {(branches[0].name, "青河科技有限公司")}


def test_a_short_name_given_in_brackets_is_no_part_of_a_name(extractor: Extractor) -> None:
    text = "青河县工业园区党委(以下简称园区党委)成立于2018年。园区党委下设3个支部。"
    facts = extract(extractor, text)
    assert {e.name for e in facts.entities if e.type == "Committee"} == {"青河县工业园区党委"}
    assert {e.name for e in facts.entities if e.type == "Park"} == {"青河县工业园区"}


def test_a_bare_working_committee_is_the_park_the_article_is_about(extractor: Extractor) -> None:
    text = (
        "青河经开区位于河谷,是省级开发区。近年来,党工委坚持党建引领。"
        "党工委书记王明说,要抓好非公党建。青河经开区发展很快。"
    )
    facts = extract(extractor, text)
    committee = entity(facts, "Committee", "党工委")
    assert committee.name == "青河经开区党工委"
    assert ("青河经开区党工委", "青河经开区") in relations(facts, "PARTY_ORG_OF")


def test_industry_committees_are_named_by_their_industry(extractor: Extractor) -> None:
    facts = extract(extractor, "青河经开区成立电子信息产业党委、机械制造产业党委。青河经开区发展很快。")
    committees = {e.name for e in facts.entities if e.type == "Committee"}
    assert committees == {"电子信息产业党委", "机械制造产业党委"}


def test_a_parks_formal_committee_is_the_parks_committee(extractor: Extractor) -> None:
    facts = extract(extractor, "中共青河经济开发区委员会召开会议。青河经济开发区党委书记王明讲话。")
    committees = [e for e in facts.entities if e.type == "Committee"]
    assert len(committees) == 1
    assert {"中共青河经济开发区委员会", "青河经济开发区党委"} <= {committees[0].name, *committees[0].aliases}
    assert relations(facts, "PARTY_ORG_OF") == {(committees[0].name, "青河经济开发区")}
    park_facts = extract(extractor, "中共青河县工业园区委员会召开会议。")
    assert {e.name for e in park_facts.entities if e.type == "Park"} == {"青河县工业园区"}


def test_a_body_formed_at_a_unit_is_that_units(extractor: Extractor) -> None:
    text = "青河经开区注重非公党建。去年在青河电子有限公司成立了党支部。青河经开区发展很快。"
    facts = extract(extractor, text)
    entity(facts, "Branch", "青河电子有限公司党支部")
    assert ("青河电子有限公司党支部", "青河电子有限公司") in relations(facts, "PARTY_ORG_OF")
    building = extract(extractor, "青河产业园以金桥大厦为阵地组建综合党委。")
    entity(building, "Committee", "金桥大厦综合党委")
    assert ("金桥大厦综合党委", "金桥大厦") in relations(building, "PARTY_ORG_OF")


def test_a_quoted_layout_is_no_practice_but_a_party_building_one_is(extractor: Extractor) -> None:
    text = (
        "示例高新区是“一区三园”的格局,采取“两轴多点”的空间布局,开创“以文兴业”新格局,"
        "构建“一区两园四街”园区大党建工作格局。"
    )
    assert _practices(extractor, text) == {"一区两园四街园区大党建工作格局"}


def test_a_chain_of_units_in_dashes_is_no_practice(extractor: Extractor) -> None:
    text = "示例县形成“园区党委—党群工作部—企业党组织”三级体系,构建“党建-发展-治理”服务体系。"
    assert _practices(extractor, text) == {"党建-发展-治理服务体系"}


def test_a_place_named_like_a_practice_is_one_only_where_a_verb_adopts_it(extractor: Extractor) -> None:
    text = "示例县打造“职工之家”。货车司机在“红色之家”里休息,“司机之家”等你来。"
    assert _practices(extractor, text) == {"职工之家"}


def test_a_verb_with_its_complement_adopts_the_quote_and_the_words_before_it(extractor: Extractor) -> None:
    text = (
        "示例县党委搭建起党员教育“云讲堂”,在园区间打造出“沿江党建示范带”,助力打造实体经济“主阵地”,"
        "推出“红帆领航”。"
    )
    practices = {e.name: e.aliases for e in extract(extractor, text).entities if e.type == "Practice"}
    assert set(practices) == {"党员教育云讲堂", "沿江党建示范带", "红帆领航"}
    assert "云讲堂" in practices["党员教育云讲堂"]


def test_an_adopted_quote_qualifying_a_noun_names_a_practice_with_it(extractor: Extractor) -> None:
    text = "示例县构建“党建-产业-治理”文创服务链,推行“链长制”工作。"
    assert _practices(extractor, text) == {"党建-产业-治理文创服务链", "链长制"}


def test_an_adopting_verb_after_a_quote_is_no_part_of_the_practices_name(extractor: Extractor) -> None:
    assert _practices(extractor, "示例县机关党委深化“红色引擎”创建,推动融合。") == {"红色引擎"}


def test_quotes_paired_before_their_practice_word_are_each_named_by_their_quote(extractor: Extractor) -> None:
    text = "示例园区党建工作遵循“党委统筹、支部落实”和“党员带头、群众参与”的运行体系。"
    assert _practices(extractor, text) == {"党委统筹、支部落实", "党员带头、群众参与"}


def test_a_campaign_pushed_on_is_no_practice_but_a_named_one_is(extractor: Extractor) -> None:
    text = "示例县在推进“红旗进企”上有新动作,推进“一企一档”工作机制。"
    assert _practices(extractor, text) == {"一企一档工作机制"}


def test_no_two_entities_of_a_document_share_an_alias(extractor: Extractor) -> None:
    text = (
        "齐鲁软件园:楼宇党建\n"
        "齐鲁软件园是济南高新区软件产业的核心区,园区内共有商务楼宇23栋,入驻企业2100余家。"
        "齐鲁软件园党委书记、管委会主任孙磊说,园区将继续推动楼宇党建。"
    )
    facts = extractor.extract(text, DocumentInfo(id="d", source="d.txt"))
    written = [a for e in facts.entities for a in {e.name, *e.aliases}]
    assert len(written) == len(set(written))
    parks = {e.name: e.aliases for e in facts.entities if e.type == "Park"}
    assert "园区" in parks["齐鲁软件园"]


def test_a_name_split_across_lines_ends_its_renamings_without_looping(extractor: Extractor) -> None:
    """Names read both whole and cut at a line break rename into one another: the renaming that
    ties them must end, not go round."""
    text = (
        "天津\n港保税区临港片区:党建助力航运建设天津港保税区临港片区是天津自贸试验区的重要组成部分。"
        "联盟在保税区党工委的领导下开展工作。"
    )
    done = threading.Event()
    worker = threading.Thread(target=lambda: (extract(extractor, text), done.set()), daemon=True)
    worker.start()
    worker.join(timeout=30)
    assert done.is_set()


def test_nothing_lies_in_a_place_of_its_own_name(extractor: Extractor) -> None:
    facts = extract(extractor, "重庆两江新区党建。罗蔺任两江新区党工委书记。两江新区位于重庆市北部。")
    names = {e.id: e.name for e in facts.entities}
    assert facts.relations
    assert all(names[r.head] != names[r.tail] for r in facts.relations)
