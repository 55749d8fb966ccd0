"""Organization-like names: where they start, and which words make them parks, bodies or branches."""

from __future__ import annotations

import pytest

from parkgraph.graph.facts import DocumentInfo
from parkgraph.loaders.extractor import Extractor


def names(extractor: Extractor, text: str, type_: str) -> set[str]:
    facts = extractor.extract(text, DocumentInfo(id="d", source="d.txt"))
    return {e.name for e in facts.entities if e.type == type_}


def test_a_party_building_alliance_is_an_organization_not_a_place(extractor: Extractor) -> None:
    text = "样板经济技术开发区组建甲乙产业链党建联盟,首次党建联盟会议召开。"
    assert names(extractor, text, "Organization") == {"甲乙产业链党建联盟"}
    assert names(extractor, text, "Region") == set()


def test_business_buildings_are_parks(extractor: Extractor) -> None:
    text = "商务区内已建成甲乙大厦、丙丁大厦等商务楼宇,其中戊己写字楼成立了党支部。"
    assert {"甲乙大厦", "丙丁大厦", "戊己写字楼"} <= names(extractor, text, "Park")


def test_new_party_and_government_departments_are_organizations(extractor: Extractor) -> None:
    text = "四川省商务厅和示例县委社会工作部派员指导,在红色音乐厅集中学习。"
    assert names(extractor, text, "Organization") == {"四川省商务厅", "示例县委社会工作部"}


def test_a_branch_committee_written_in_full_is_a_branch(extractor: Extractor) -> None:
    text = "中共甲乙科技有限公司支部委员会被评为先进基层党组织。"
    assert names(extractor, text, "Branch") == {"甲乙科技有限公司支部委员会"}
    assert names(extractor, text, "Organization") == set()


@pytest.mark.parametrize(
    "text",
    ["记者走进甲乙科技有限公司。", "辖区企业甲乙科技有限公司党支部牵头。", "会上代表甲乙科技有限公司发言。"],
)
def test_a_verb_or_category_before_a_name_is_not_part_of_it(extractor: Extractor, text: str) -> None:
    assert names(extractor, text, "Enterprise") == {"甲乙科技有限公司"}


def test_a_qualifier_level_does_not_name_a_park(extractor: Extractor) -> None:
    assert names(extractor, "该园区属省级经济开发区。", "Park") == set()


def test_a_bracketed_part_belongs_to_the_name(extractor: Extractor) -> None:
    text = "甲乙(集团)有限公司党委与丙丁(样板)科技有限公司党支部结对。"
    assert names(extractor, text, "Enterprise") == {"甲乙(集团)有限公司", "丙丁(样板)科技有限公司"}


def test_a_line_of_business_does_not_cut_a_company_name(extractor: Extractor) -> None:
    text = "甲乙建设投资有限公司党支部和丙丁企业管理集团有限公司党支部参加。"
    assert names(extractor, text, "Enterprise") == {"甲乙建设投资有限公司", "丙丁企业管理集团有限公司"}


def test_a_member_word_before_a_company_starts_no_name(extractor: Extractor) -> None:
    text = "以镇商会会员企业青禾实业有限公司为龙头举办了签约仪式。"
    assert names(extractor, text, "Enterprise") == {"青禾实业有限公司"}
    text = "园区企业青禾实业有限公司党支部书记李明说,企业发展很快。"
    assert names(extractor, text, "Enterprise") == {"青禾实业有限公司"}


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("青禾街道发动丽天显示科技有限公司等企业成立党委。", "丽天显示科技有限公司"),
        ("平台公司衢州铝业开发投资集团有限公司党委负责人出席。", "衢州铝业开发投资集团有限公司"),
        ("示例园区与县内青禾铝业有限公司合作。", "青禾铝业有限公司"),
    ],
)
def test_a_verb_a_role_or_a_place_before_a_company_starts_no_name(
    extractor: Extractor, text: str, company: str
) -> None:
    assert company in names(extractor, text, "Enterprise")


def test_two_companies_joined_are_two_names_though_the_analyzer_reads_one(extractor: Extractor) -> None:
    text = "青禾科技有限公司和丽天机械有限公司签约。"
    assert names(extractor, text, "Enterprise") == {"青禾科技有限公司", "丽天机械有限公司"}


def test_a_visit_before_a_park_starts_no_name(extractor: Extractor) -> None:
    text = "区委书记李明等相关领导莅临衢州科技园调研,要求衢州科技园发挥优势。"
    assert names(extractor, text, "Park") == {"衢州科技园"}


def test_a_bound_or_a_local_area_is_no_region(extractor: Extractor) -> None:
    text = "四至范围为东至大海,南至青禾村。园区整合产业链上属地乡镇资源,新厂区已建成。"
    assert names(extractor, text, "Region") == {"青禾村"}


def test_a_park_before_a_branded_company_is_no_part_of_its_name(extractor: Extractor) -> None:
    text = "走进衢州经济开发区青禾科技有限公司,车间里一片繁忙。"
    assert names(extractor, text, "Enterprise") == {"青禾科技有限公司"}
    text = "衢州经济开发区建设投资有限公司负责园区建设。"
    assert names(extractor, text, "Enterprise") == {"衢州经济开发区建设投资有限公司"}
    text = "衢州青禾产业园运营管理有限公司负责园区运营。"
    assert names(extractor, text, "Enterprise") == {"衢州青禾产业园运营管理有限公司"}
    text = "衢州经济开发区党工委党群工作部部长李明介绍了情况。"
    assert "衢州经济开发区党工委党群工作部" in names(extractor, text, "Organization")


def test_two_fields_joined_in_a_schools_name_are_one_name(extractor: Extractor) -> None:
    text = "材料科学与工程学院党委书记李明、副院长王芳参加了启动仪式。"
    assert "材料科学与工程学院" in names(extractor, text, "Organization")
    assert names(extractor, "衢州大学与示例学院签订合作协议。", "Organization") == {"衢州大学", "示例学院"}
    text = "衢州大学副校长王芳与工程学院院长李明出席。"
    assert names(extractor, text, "Organization") == {"衢州大学", "工程学院"}


def test_a_line_of_business_names_the_joint_branch_it_gathers(extractor: Extractor) -> None:
    text = "衢州经济开发区成立了青禾大厦党支部和金融服务联合党支部。"
    assert "金融服务联合党支部" in names(extractor, text, "Branch")
    assert not names(extractor, "园区党委服务联合党支部的党员。", "Branch")


@pytest.mark.parametrize(
    "text",
    [
        "园区引进甲乙化工、丙丁科技这两家龙头企业。",
        "入驻的企业有:甲乙化工、丙丁科技。",
        "园区里聚集了甲乙化工、丙丁科技和戊己集团。",
        "其中不乏知名企业,例如甲乙化工和丙丁科技。",
        "甲乙化工和丙丁科技是这条链上的链主企业。",
    ],
)
def test_brands_listed_as_enterprises(extractor: Extractor, text: str) -> None:
    assert {"甲乙化工", "丙丁科技"} <= names(extractor, text, "Enterprise")


@pytest.mark.parametrize(
    "text", ["通过上级派、内部选等方式选拔企业党组织书记。", "司机可在商铺、酒店、饭店享受优惠。"]
)
def test_lists_of_other_things_near_enterprises_name_none(extractor: Extractor, text: str) -> None:
    assert names(extractor, text, "Enterprise") == set()


def test_a_township_or_village_party_committee_is_named_by_its_place(extractor: Extractor) -> None:
    facts = extractor.extract("乡镇方面有样板镇党委和甲乙村党支部。", DocumentInfo(id="d", source="d.txt"))
    found = {(e.type, e.name) for e in facts.entities}
    assert {("Committee", "样板镇党委"), ("Region", "样板镇")} <= found
    assert {("Branch", "甲乙村党支部"), ("Region", "甲乙村")} <= found


def test_a_name_starts_after_a_count_or_at_zhonggong_inside_the_run(extractor: Extractor) -> None:
    text = "其党组织中共甲乙科技有限公司支部委员会获表彰。"
    assert names(extractor, text, "Branch") == {"甲乙科技有限公司支部委员会"}
    assert names(extractor, "两家企业同属同一个联合党委。", "Committee") == set()


def test_facilities_called_centres_are_not_bodies_but_service_centres_are(extractor: Extractor) -> None:
    text = "园区建成甲乙大数据中心和机器人展示中心,样板县工业园区党群服务中心同时启用。"
    assert names(extractor, text, "Organization") == {"样板县工业园区党群服务中心"}


def test_a_year_or_an_anonymised_unit_does_not_start_a_name(extractor: Extractor) -> None:
    assert names(extractor, "预计2022年甲乙商务区建成。", "Park") == {"甲乙商务区"}
    assert names(extractor, "某国有企业工会主席说。", "Organization") == set()


def test_sector_committees_and_building_branches_are_named_by_their_sector(extractor: Extractor) -> None:
    text = "县里成立纸制品产业链党委,甲乙中心T2楼宇党支部也成立了。"
    assert names(extractor, text, "Committee") == {"纸制品产业链党委"}
    assert names(extractor, text, "Branch") == {"甲乙中心T2楼宇党支部"}


def test_a_branch_named_by_its_sector_with_a_plain_branch_word_is_named(extractor: Extractor) -> None:
    text = "联合会下设五金产业党支部和电商党支部,五金产业党支部由甲乙五金制品有限公司等9家企业的党员组成。"
    assert "五金产业党支部" in names(extractor, text, "Branch")


def test_a_kind_of_member_holding_a_stop_character_is_read_whole(extractor: Extractor) -> None:
    text = "园区建成新就业群体党群服务站,样板经开区新就业群体党支部书记郑远航说。"
    assert names(extractor, text, "Organization") == {"新就业群体党群服务站"}
    assert names(extractor, text, "Branch") == {"样板经开区新就业群体党支部"}


def test_a_quoted_word_inside_a_name_and_the_committee_it_names(extractor: Extractor) -> None:
    facts = extractor.extract("前不久,样板市委“两新”工委举办专题培训。", DocumentInfo(id="d", source="d.txt"))
    committees = {e.name: sorted(e.aliases) for e in facts.entities if e.type == "Committee"}
    assert committees == {"样板市委两新工委": ["市委两新工委", "样板市委“两新”工委"], "样板市委": []}


def test_a_brand_with_its_members_or_its_party_branch_is_an_enterprise(extractor: Extractor) -> None:
    facts = extractor.extract(
        "甲乙啤酒党员张三获评劳模。丙丁科技党支部书记李四说。", DocumentInfo(id="d", source="d.txt")
    )
    assert {e.name for e in facts.entities if e.type == "Enterprise"} == {"甲乙啤酒", "丙丁科技"}
    party_of = {(r.head, r.tail) for r in facts.relations if r.type == "PARTY_ORG_OF"}
    ids = {e.name: e.id for e in facts.entities}
    assert (ids["丙丁科技党支部"], ids["丙丁科技"]) in party_of


def test_a_line_of_business_alone_is_no_brand(extractor: Extractor) -> None:
    assert names(extractor, "号召党员冲刺前沿高端科技项目,服务科技党员。", "Enterprise") == set()


def test_a_body_named_after_a_region_committee_starts_at_the_region(extractor: Extractor) -> None:
    found = names(extractor, "据样板市委“两新”工委介绍,县里按产业链党委模式推进。", "Committee")
    assert {"样板市委两新工委", "样板市委"} <= found
    assert not any(name.startswith(("据", "按")) for name in found)


def test_a_stop_character_inside_a_listed_brand_does_not_end_the_list(extractor: Extractor) -> None:
    text = "其中不乏知名企业,例如甲乙、华为、丙丁以及戊己集团。"
    assert {"甲乙", "华为", "丙丁", "戊己集团"} <= names(extractor, text, "Enterprise")


def test_a_park_named_after_its_place_written_short_is_a_park(extractor: Extractor) -> None:
    text = "昭通高新区今年新引进企业十家。"
    assert names(extractor, text, "Park") == {"昭通高新区"}


def test_a_park_named_after_its_county_written_short_and_its_trade_is_a_park(extractor: Extractor) -> None:
    text = "调研组深入衢江化工园区,了解安全生产情况。"
    assert names(extractor, text, "Park") == {"衢江化工园区"}


def test_a_park_written_short_is_an_alias_of_its_fullest_name(extractor: Extractor) -> None:
    text = "宁远县经济开发区建于2010年。宁远经开区党工委推行结对共建,宁远经开区企业积极参与。"
    facts = extractor.extract(text, DocumentInfo(id="d", source="d.txt"))
    parks = [e for e in facts.entities if e.type == "Park"]
    assert [p.name for p in parks] == ["宁远县经济开发区"]
    assert "宁远经开区" in parks[0].aliases
    assert names(extractor, text, "Committee") == {"宁远县经济开发区党工委"}


def test_a_park_written_without_its_county_is_the_same_park(extractor: Extractor) -> None:
    text = "丙丁甲乙经济开发区建于2010年。甲乙开发区工委书记讲话。"
    assert names(extractor, text, "Park") == {"丙丁甲乙经济开发区"}
    assert names(extractor, text, "Committee") == {"丙丁甲乙经济开发区工委"}


def test_a_bare_park_word_names_the_one_park_of_its_kind(extractor: Extractor) -> None:
    text = "走进丙丁孵化中心,大家来到位于高新区的戊己科技有限公司。昭通高新区今年引进企业十家。"
    facts = extractor.extract(text, DocumentInfo(id="d", source="d.txt"))
    parks = {e.name: e.aliases for e in facts.entities if e.type == "Park"}
    assert "高新区" in parks["昭通高新区"]
    assert "高新区" not in parks["丙丁孵化中心"]


def test_a_body_named_after_a_park_word_alone_takes_the_park_s_name(extractor: Extractor) -> None:
    text = "甲乙机器人产业基地孵化中心成立于2019年。孵化中心党总支书记介绍了情况。"
    assert names(extractor, text, "Branch") == {"甲乙机器人产业基地孵化中心党总支"}
    assert names(extractor, text, "Park") == {"甲乙机器人产业基地孵化中心", "甲乙机器人产业基地"}


def test_a_body_named_by_a_level_word_is_that_body_of_the_document_s_region(extractor: Extractor) -> None:
    text = "宁远县今年新建党组织十个。县委组织部负责同志介绍,县委组织部将继续推进。"
    assert names(extractor, text, "Organization") == {"宁远县委组织部"}


def test_a_province_s_department_written_short_is_its_full_name(extractor: Extractor) -> None:
    text = "湖南省商务厅派员指导。省商务厅有关处室参加调研。"
    facts = extractor.extract(text, DocumentInfo(id="d", source="d.txt"))
    orgs = [e for e in facts.entities if e.type == "Organization"]
    assert [o.name for o in orgs] == ["湖南省商务厅"]
    assert "省商务厅" in orgs[0].aliases


def test_a_unit_word_after_each_is_no_one_unit(extractor: Extractor) -> None:
    text = "宁远县召开会议,各乡镇的组织部长参加。"
    assert names(extractor, text, "Organization") == set()


def test_a_body_s_short_name_is_an_alias_of_its_full_name(extractor: Extractor) -> None:
    text = "甲乙产业开发区企业家协会成立。企业家协会会长介绍了情况。"
    facts = extractor.extract(text, DocumentInfo(id="d", source="d.txt"))
    orgs = [e for e in facts.entities if e.type == "Organization"]
    assert [o.name for o in orgs] == ["甲乙产业开发区企业家协会"]
    assert "企业家协会" in orgs[0].aliases


def test_a_committee_named_after_a_place_and_a_part_of_it_is_named(extractor: Extractor) -> None:
    text = "今年以来,南岗区甲乙街工委着力培植党建品牌。"
    assert names(extractor, text, "Committee") == {"南岗区甲乙街工委"}
    assert names(extractor, text, "Region") == {"南岗区"}


def test_a_bare_kind_of_committee_is_the_one_of_its_kind_the_document_names(extractor: Extractor) -> None:
    text = "南岗区成立甲乙中心楼宇综合党委。综合党委下设三个支部。"
    assert names(extractor, text, "Committee") == {"甲乙中心楼宇综合党委"}


def test_a_county_s_bare_park_word_is_the_park_the_document_names(extractor: Extractor) -> None:
    text = "宁远县甲乙科技文化园建成投用。园区党委组织园区企业开展活动,园区发展势头良好,园区内企业增多。"
    assert names(extractor, text, "Committee") == {"甲乙科技文化园党委"}
    assert names(extractor, text, "Park") == {"甲乙科技文化园"}


def test_a_quoted_part_with_a_count_belongs_to_the_name(extractor: Extractor) -> None:
    text = "园区企业共同发起的“三个一平方公里”产业园党建联盟宣告成立。"
    assert names(extractor, text, "Organization") == {"三个一平方公里产业园党建联盟"}


def test_a_body_word_inside_a_committee_s_name_is_the_body_the_document_names(extractor: Extractor) -> None:
    text = "甲乙国际商会成立于2010年。商会党委推行结对共建。"
    assert names(extractor, text, "Organization") == {"甲乙国际商会"}
    assert names(extractor, text, "Committee") == {"甲乙国际商会党委"}


def test_a_pointing_word_and_its_counter_start_no_name(extractor: Extractor) -> None:
    facts = extractor.extract(
        "甲乙新城联合党委挂牌成立。这个联合党委是全省首个联合党委。", DocumentInfo(id="d", source="d.txt")
    )
    aliases = {a for e in facts.entities for a in e.aliases}
    assert not {n for n in {e.name for e in facts.entities} | aliases if n.startswith(("个", "首个"))}


def test_a_quoted_honour_for_party_bodies_is_no_practice(extractor: Extractor) -> None:
    text = "园区以创建“三强四优”党组织为目标,已培育“三强四优”党组织20个。"
    assert names(extractor, text, "Practice") == set()


def test_a_verb_after_a_quote_opens_a_clause_not_a_practice_name(extractor: Extractor) -> None:
    text = "园区践行“红心向党”塑造公共文化服务平台,推行“红心向党”联建机制。"
    assert not any("塑造" in n for n in names(extractor, text, "Practice"))


def test_quotes_listed_before_a_count_of_branches_name_no_practice(extractor: Extractor) -> None:
    assert names(extractor, "青禾镇成立“助企惠民”“健康同行”等3个行动支部。", "Practice") == set()
    assert names(extractor, "园区实施“强基”“铸魂”等三大行动。", "Practice") == {"强基", "铸魂"}


def test_a_quoted_kind_of_place_is_a_figure_of_speech(extractor: Extractor) -> None:
    text = "青禾电商园把商务楼宇作为“立体社区”,园区还建起了云锦社区。"
    assert names(extractor, text, "Organization") == {"云锦社区"}


def test_a_bare_unit_word_with_another_kind_in_brackets_is_still_bare(extractor: Extractor) -> None:
    text = "各县(市、区)社会工作部部长、各开发区(管理区)组织部长参加活动。"
    assert names(extractor, text, "Organization") == set()


def test_quotes_a_requirement_or_a_meeting_s_spirit_closes_are_no_practices(extractor: Extractor) -> None:
    text = "园区按“打破壁垒”“创新架构”要求,推行“三联三促”工作法,深入落实全省“一改两为五做到”会议精神。"
    assert names(extractor, text, "Practice") == {"三联三促工作法"}
