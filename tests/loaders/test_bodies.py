"""Names of bodies other than parks: where they start, and what their short forms stand for."""

from __future__ import annotations

import pytest
from extracting import extract, links, posts

from parkgraph.graph.facts import DocumentFacts
from parkgraph.loaders.extractor import Extractor


def organizations(facts: DocumentFacts) -> dict[str, set[str]]:
    return {e.name: set(e.aliases) for e in facts.entities if e.type == "Organization"}


def test_a_preposition_before_a_place_does_not_start_a_name(extractor: Extractor) -> None:
    facts = extract(extractor, "园区企业同四川省塑料工业协会签订合作协议。")
    assert "四川省塑料工业协会" in organizations(facts)


def test_a_preposition_before_a_bare_unit_word_names_no_unit(extractor: Extractor) -> None:
    facts = extract(extractor, "青禾中心是丽天区的商务楼宇。自大厦成立党组织以来,楼内企业发展很快。")
    assert not [e.name for e in facts.entities if e.name.endswith("大厦")]


@pytest.mark.parametrize(
    "text",
    [
        "衢州经济技术开发区成立了非公企业综合党委。综合党委每季度召开一次联合党支部书记例会。",
        "衢州经济技术开发区成立了非公企业综合党委。下一步,园区党工委将继续扩大联合党支部覆盖面。",
    ],
)
def test_a_count_of_times_or_a_verb_before_a_bare_body_word_names_no_body(
    extractor: Extractor, text: str
) -> None:
    names = [e.name for e in extract(extractor, text).entities]
    assert not [name for name in names if "一次" in name or "扩大" in name]


def test_this_occasions_body_is_no_body_of_its_own(extractor: Extractor) -> None:
    text = "青禾新材料产业链党建联盟在丽天市成立。本次党建联盟由12家企业组成。"
    assert set(organizations(extract(extractor, text))) == {"青禾新材料产业链党建联盟"}


def test_an_alliance_written_short_is_the_one_the_document_names(extractor: Extractor) -> None:
    text = "样板县工业园区组建“金桥银桥”产业园党建联盟。产业园党建联盟每月召开一次例会。"
    bodies = organizations(extract(extractor, text))
    assert set(bodies) == {"金桥银桥产业园党建联盟"}
    assert "产业园党建联盟" in bodies["金桥银桥产业园党建联盟"]


def test_an_idiom_ending_in_a_bureau_word_is_no_body(extractor: Extractor) -> None:
    facts = extract(extractor, "样板县以非公党建开新局,推动园区高质量发展。")
    assert organizations(facts) == {}


def test_a_committee_and_government_written_together_are_two_bodies(extractor: Extractor) -> None:
    facts = extract(extractor, "现场会由样板县委县政府主办。")
    assert set(organizations(facts)) == {"样板县政府"}
    assert {e.name for e in facts.entities if e.type == "Committee"} == {"样板县委"}


def test_a_described_kind_of_place_is_no_body(extractor: Extractor) -> None:
    facts = extract(extractor, "样板县工业园区把楼宇社区、院士工作站和项目指挥部连在一起。")
    assert organizations(facts) == {}


def test_a_named_community_is_a_body(extractor: Extractor) -> None:
    facts = extract(extractor, "样板县金桥社区党支部组织党员学习。")
    assert "样板县金桥社区" in organizations(facts)


def test_one_character_before_an_organization_word_names_nothing(extractor: Extractor) -> None:
    text = "样板县经济开发区管委会召开大会,到会的有管委会主任王建国。他刚走出大学校门就来到园区。"
    assert set(organizations(extract(extractor, text))) == {"样板县经济开发区管委会"}


def test_a_body_joined_by_a_verb_starts_after_it(extractor: Extractor) -> None:
    text = "样板区持续优化营商环境。园区党委联合区委政法委、样板区司法局建起法律服务站。"
    bodies = organizations(extract(extractor, text))
    assert "样板区委政法委" in bodies
    assert not any("联合" in name for name in bodies)


def test_a_known_body_with_its_level_word_is_the_region_s(extractor: Extractor) -> None:
    text = "湖南省委统战部部长到园区调研,同行的有省国资委党委书记王建国。"
    bodies = organizations(extract(extractor, text))
    assert "湖南省国资委" in bodies
    assert not any(name.startswith("有") for name in bodies)


def test_departments_listed_after_their_count_are_bodies(extractor: Extractor) -> None:
    text = "样板县开发区管委会内部设立3个部室,分别是综合保障部、党政办公室和招商服务部。"
    bodies = organizations(extract(extractor, text))
    assert {"综合保障部", "党政办公室", "招商服务部"} <= set(bodies)


def test_listed_fields_of_work_are_no_departments(extractor: Extractor) -> None:
    text = "样板县开发区管委会牵头3个部门,分别是市场监管、税务和人社,为企业办事。"
    bodies = organizations(extract(extractor, text))
    assert not {"市场监管", "税务", "人社"} & set(bodies)


def test_a_body_named_only_in_a_document_title_is_no_body(extractor: Extractor) -> None:
    facts = extract(extractor, "园区党委组织学习《样板市工商业联合会章程》。")
    assert organizations(facts) == {}


def test_an_honour_is_no_body_but_its_awarder_is(extractor: Extractor) -> None:
    text = "样板县经济开发区召开表彰会。甲公司团委获评五四红旗团委,乙公司获评样板县经济开发区“先进单位”。"
    facts = extract(extractor, text)
    assert "五四红旗团委" not in organizations(facts)
    assert "样板县经济开发区" in {e.name for e in facts.entities if e.type == "Park"}


def test_a_place_naming_an_honour_s_level_is_no_region(extractor: Extractor) -> None:
    facts = extract(extractor, "园区3家企业党支部入选湖南省2024年两新组织党建示范点。")
    assert "湖南省" not in {e.name for e in facts.entities if e.type == "Region"}


def test_the_publisher_in_a_source_line_is_no_body(extractor: Extractor) -> None:
    facts = extract(extractor, "来源:样板县人民政府 发布日期:2024年1月2日\n园区新建党群服务中心。")
    assert "样板县人民政府" not in organizations(facts)


def test_a_name_starting_with_a_conjunction_keeps_it(extractor: Extractor) -> None:
    facts = extract(extractor, "园区联合幸福社区、和平社区开展志愿服务。")
    assert "和平社区" in organizations(facts)
    assert "平社区" not in organizations(facts)


def test_party_building_bodies_of_other_kinds_are_organizations(extractor: Extractor) -> None:
    text = "样板区组建了滨江文创党建综合体,又成立了江南国企党建合作联盟和化工产业链党建联席会议。"
    bodies = organizations(extract(extractor, text))
    assert {"滨江文创党建综合体", "江南国企党建合作联盟", "化工产业链党建联席会议"} <= set(bodies)


def test_an_alliance_named_by_a_quoted_formula_is_a_body(extractor: Extractor) -> None:
    bodies = organizations(extract(extractor, "样板街道党工委牵头成立“楼宇+社区”党建联盟。"))
    assert bodies == {"楼宇+社区党建联盟": {"“楼宇+社区”党建联盟"}}


def test_an_alliance_named_wholly_in_quotes_is_a_body_not_a_practice(extractor: Extractor) -> None:
    facts = extract(extractor, "样板经开区打造“新能源红色联盟”,吸纳18家企业党组织加入。")
    assert "新能源红色联盟" in organizations(facts)
    assert not [e.name for e in facts.entities if e.type == "Practice"]


def test_a_department_by_level_word_belongs_to_the_one_committee_of_that_level(extractor: Extractor) -> None:
    text = "样板市甲乙县是样板市的一个县。甲乙县委常委张明出席。县委组织部副部长李华介绍了情况。"
    facts = extract(extractor, text)
    assert "甲乙县委组织部" in organizations(facts)
    text = "样板市是省会。东湖市委常委张明出席。市委组织部副部长李华介绍了情况。样板市很美。"
    assert "东湖市委组织部" in organizations(extract(extractor, text))


def test_a_body_right_before_a_post_title_is_named_by_the_words_before_it(extractor: Extractor) -> None:
    text = "样板市召开会议。王海林任样板市委常委,兼任国企党工委书记;刘德华担任丙江片区党总支书记。"
    facts = extract(extractor, text)
    assert ("王海林", "样板市国企党工委", "书记") in posts(facts)
    # an area (`片区`) is a park, which its own words name: its body needs no region
    assert ("刘德华", "丙江片区党总支", "书记") in posts(facts)


@pytest.mark.parametrize("kind", ["两新组织", "非公企业"])
def test_a_level_word_and_a_kind_before_a_party_word_name_the_documents_regions_body(
    extractor: Extractor, kind: str
) -> None:
    text = f"样板市召开会议。市委组织部副部长、市{kind}党工委书记王海林出席。"
    assert posts(extract(extractor, text)) == {
        ("王海林", "样板市委组织部", "副部长"),
        ("王海林", f"样板市{kind}党工委", "书记"),
    }


def test_a_peoples_congress_office_after_a_post_in_a_streets_committee_is_the_streets(
    extractor: Extractor,
) -> None:
    text = "样板市召开会议。青禾街道党工委副书记、人大工委主任李丽华出席。"
    facts = extract(extractor, text)
    assert ("李丽华", "青禾街道人大工委", "主任") in posts(facts)
    assert "青禾街道人大工委" in organizations(facts)


def test_kind_words_before_a_post_title_name_no_body(extractor: Extractor) -> None:
    text = "样板市召开会议。刘德华担任配齐项目党支部书记,张小明担任农业系统党支部书记。"
    assert posts(extract(extractor, text)) == set()


def test_a_body_after_a_level_s_rank_is_that_region_s(extractor: Extractor) -> None:
    text = "甲山市召开会议。赵云飞，甲山市委组织部副部长，并任市级机关工委书记。"
    assert ("赵云飞", "甲山市级机关工委", "书记") in posts(extract(extractor, text))
    text = "乙河区召开会议。区级商会党委书记李明出席。"
    assert ("李明", "乙河区商会党委", "书记") in posts(extract(extractor, text))


def test_a_bare_body_listed_with_a_region_s_posts_is_that_region_s(extractor: Extractor) -> None:
    text = "江南大厦举行启动仪式。王海林，甲山市委常委，兼任国企党工委书记。"
    assert ("王海林", "甲山市国企党工委", "书记") in posts(extract(extractor, text))


def test_a_state_assets_office_is_a_body_of_its_region(extractor: Extractor) -> None:
    text = "江南大厦举行仪式。范立军，甲山市财政局局长、国资办主任。"
    assert ("范立军", "甲山市国资办", "主任") in posts(extract(extractor, text))


def test_an_association_whose_post_is_named_keeps_its_line_of_work(extractor: Extractor) -> None:
    text = "样板县召开会议。县民营经济发展促进会会长王小五讲话。"
    assert ("王小五", "样板县民营经济发展促进会", "会长") in posts(extract(extractor, text))


def test_a_friendship_association_is_a_body(extractor: Extractor) -> None:
    text = "样板县召开会议。县新阶层人士联谊会会长王小五出席。"
    assert ("王小五", "样板县新阶层人士联谊会", "会长") in posts(extract(extractor, text))


def test_a_bureau_whose_post_is_named_keeps_its_line_of_work(extractor: Extractor) -> None:
    text = "样板县召开会议。样板县市场监督管理局局长王小五讲话。"
    assert ("王小五", "样板县市场监督管理局", "局长") in posts(extract(extractor, text))


def test_a_bare_united_front_department_after_a_committee_post_is_its_department(
    extractor: Extractor,
) -> None:
    text = "样板县召开会议。县委常委、统战部部长王小五讲话。"
    assert ("王小五", "样板县委统战部", "部长") in posts(extract(extractor, text))


def test_a_bare_office_after_a_post_in_a_towns_committee_is_the_towns(extractor: Extractor) -> None:
    text = "青禾街道党工委书记、办事处主任王小五表示,要把服务送到企业。"
    assert ("王小五", "青禾街道办事处", "主任") in posts(extract(extractor, text))


def test_a_supervision_commission_after_its_discipline_committee_is_a_body(extractor: Extractor) -> None:
    text = "样板县召开会议。县纪委书记、监委主任王小五讲话。"
    found = posts(extract(extractor, text))
    assert {("王小五", "样板县纪委", "书记"), ("王小五", "样板县监委", "主任")} <= found


def test_the_branch_of_a_body_named_by_level_word_is_the_region_s(extractor: Extractor) -> None:
    text = "样板县召开会议。县电商协会党支部书记王小五讲话。"
    assert ("王小五", "样板县电商协会党支部", "书记") in posts(extract(extractor, text))


def test_an_organ_joining_two_lines_of_work_is_named_whole(extractor: Extractor) -> None:
    text = "样板县住房和城乡建设局、样板县发展和改革委员会联合检查。企业和市场监管局签订协议。"
    bodies = organizations(extract(extractor, text))
    assert {"样板县住房和城乡建设局", "样板县发展和改革委员会"} <= set(bodies)
    assert not any(name.startswith("企业") for name in bodies)


def test_a_trade_s_party_body_joining_two_trades_is_named_whole(extractor: Extractor) -> None:
    facts = extract(extractor, "东港航空港区交通运输和快递行业党委书记秦立山介绍了情况。")
    committees = {e.name for e in facts.entities if e.type == "Committee"}
    assert committees == {"东港航空港区交通运输和快递行业党委"}


def test_a_youth_league_committee_of_a_city_is_an_organization(extractor: Extractor) -> None:
    facts = extract(extractor, "衢州团市委副书记韩志远等出席本次活动。")
    bodies = {(e.type, e.name) for e in facts.entities if e.type != "Person"}
    assert bodies == {("Organization", "衢州团市委")}


def test_a_body_named_right_after_a_date_is_read(extractor: Extractor) -> None:
    text = "这名指导员是今年7月衢江经济开发区管委会选派到该公司的韩志远。"
    assert "衢江经济开发区管委会" in organizations(extract(extractor, text))


def test_a_park_s_organ_joining_two_lines_of_work_is_named_whole(extractor: Extractor) -> None:
    text = "东港高新区科技创新和新经济发展局党员韩志远说,要抓好党建。"
    assert "东港高新区科技创新和新经济发展局" in organizations(extract(extractor, text))
    text = "同行的有省国资委党委书记秦立山和省工信厅总经济师韩志远。"
    assert "省工信厅" in organizations(extract(extractor, text))


def test_a_line_of_work_before_a_bare_organ_word_is_its_name(extractor: Extractor) -> None:
    bodies = organizations(extract(extractor, "样板县城乡建设局组织检查。"))
    assert "样板县城乡建设局" in bodies
    verbs = organizations(extract(extractor, "园区今年投资建设党群服务中心。"))
    assert not any("建设" in name for name in verbs)


def test_a_market_bureau_is_no_city_bureau(extractor: Extractor) -> None:
    text = "样板市位于北方。样板市委组织部和市场监管局开展共建。"
    assert "样板市场监管局" not in organizations(extract(extractor, text))


def test_mass_organizations_are_bodies(extractor: Extractor) -> None:
    text = "样板县召开会议。样板市残联、样板市侨联、样板市红十字会共同参与。"
    assert {"样板市残联", "样板市侨联", "样板市红十字会"} <= set(organizations(extract(extractor, text)))


def test_a_committee_of_social_organizations_keeps_its_kind(extractor: Extractor) -> None:
    facts = extract(extractor, "样板市位于北方。涪城区社会组织综合党委开展活动。")
    committees = {e.name for e in facts.entities if e.type == "Committee"}
    assert "涪城区社会组织综合党委" in committees


def test_a_declared_short_name_is_the_body_it_shortens(extractor: Extractor) -> None:
    text = "样板市位于北方。样板市工商业联合会(以下简称“市工商联”)成立商会。市工商联组织企业家座谈。"
    bodies = organizations(extract(extractor, text))
    assert "市工商联" in bodies["样板市工商业联合会"]
    assert set(bodies) == {"样板市工商业联合会"}


def test_two_trades_joined_by_ji_make_one_name(extractor: Extractor) -> None:
    facts = extract(extractor, "园区组建了汽配及机械制造产业链党建联盟。园区及企业党群服务中心开放。")
    bodies = set(organizations(facts))
    assert "汽配及机械制造产业链党建联盟" in bodies
    assert not any(name.startswith("园区及") for name in bodies)


def test_a_government_is_a_places(extractor: Extractor) -> None:
    assert not organizations(extract(extractor, "园区把党建融入产业链,最大程度激发政府活力。"))
    assert "样板县人民政府" in organizations(extract(extractor, "样板县人民政府印发通知。"))


def committees(facts: DocumentFacts) -> set[str]:
    return {e.name for e in facts.entities if e.type == "Committee"}


def test_a_committee_of_a_kind_named_by_a_level_word_is_that_level_s(extractor: Extractor) -> None:
    named = extract(extractor, "柯城区地处江南。区两新工委书记郑远航主持会议。")
    assert "柯城区两新工委" in committees(named)
    unnamed = extract(extractor, "样板高新区地处江南。区两新工委书记郑远航到园区调研。")
    assert "区两新工委" in committees(unnamed)
    assert not any(name.endswith("区区两新工委") for name in committees(unnamed))


def test_a_committee_a_level_word_opens_is_that_level_s_not_another_level_s(extractor: Extractor) -> None:
    text = "柯城区召开会议。市委组织部副部长、市社会工作党委书记孙立平出席;区社会工作党委书记胡芳主持。"
    facts = extract(extractor, text)
    assert ("孙立平", "市社会工作党委", "书记") in posts(facts)
    assert ("胡芳", "柯城区社会工作党委", "书记") in posts(facts)


def test_a_body_for_a_kind_of_member_is_named_after_the_unit_before_the_kind(extractor: Extractor) -> None:
    text = "青禾经济开发区成立非公企业党委。青禾经济开发区非公企业党委书记吕光明出席。"
    facts = extract(extractor, text)
    assert "青禾经济开发区非公企业党委" in {e.name for e in facts.entities if e.type == "Committee"}


def test_a_body_for_non_public_enterprises_in_full_is_named_after_the_unit(extractor: Extractor) -> None:
    text = "青禾经济开发区非公有制企业综合党委书记吕光明出席。"
    facts = extract(extractor, text)
    assert "青禾经济开发区非公有制企业综合党委" in {e.name for e in facts.entities if e.type == "Committee"}


def test_a_body_of_a_kind_of_form_stays_the_units_own(extractor: Extractor) -> None:
    text = "青禾科技园组建了青禾科技园功能型党委,园区党委注重发挥作用。"
    committees = {e.name for e in extract(extractor, text).entities if e.type == "Committee"}
    assert committees == {"青禾科技园党委"}


def test_committees_listed_side_by_side_are_named_by_their_stems(extractor: Extractor) -> None:
    text = "青禾经济开发区非公企业党委下设云鹊党委、金石党委等18个企业党委,确保省委、市委的部署落地。"
    committees = {e.name for e in extract(extractor, text).entities if e.type == "Committee"}
    assert {"云鹊党委", "金石党委"} <= {name.removeprefix("青禾经济开发区") for name in committees}
    assert not any(name.startswith("确保") for name in committees)


def test_a_body_named_by_a_companys_short_name_is_that_companys(extractor: Extractor) -> None:
    text = "青禾经济开发区的云鹊信息股份有限公司建了党委。云鹊信息党委书记吕光明出席。"
    facts = extract(extractor, text)
    names = {e.id: e.name for e in facts.entities}
    party = {(names[r.head], names[r.tail]) for r in facts.relations if r.type == "PARTY_ORG_OF"}
    assert ("云鹊信息股份有限公司党委", "云鹊信息股份有限公司") in party


def test_an_office_stationed_in_a_park_names_the_park_after_the_word_for_it(extractor: Extractor) -> None:
    text = "青禾经济开发区联合示例海关驻青禾经济开发区办事处等单位成立服务联盟。"
    facts = extract(extractor, text)
    assert {e.name for e in facts.entities if e.type == "Park"} == {"青禾经济开发区"}


def test_a_body_credited_with_the_article_is_no_fact_of_it(extractor: Extractor) -> None:
    text = "青禾经济开发区党工委召开会议。(青禾经济开发区党委工作部供稿)"
    assert "青禾经济开发区党委工作部" not in {e.name for e in extract(extractor, text).entities}


def test_committees_listed_by_description_keep_their_names_and_their_bare_kind_is_none(
    extractor: Extractor,
) -> None:
    text = (
        "青禾经开区党工委下设城南综合党委、城北综合党委2个综合党委,综合党委下辖企业党组织128个。"
        "城南综合党委书记吕光明介绍情况。"
    )
    committees = {e.name for e in extract(extractor, text).entities if e.type == "Committee"}
    assert {"城南综合党委", "城北综合党委"} <= committees
    assert not any(name.endswith("开区综合党委") for name in committees)


def test_an_office_of_the_parks_organ_keeps_the_organ_in_its_name(extractor: Extractor) -> None:
    text = "青禾经济开发区管委会召开会议。管委会办公室主任吕光明主持会议。"
    organizations = {e.name for e in extract(extractor, text).entities if e.type == "Organization"}
    assert "青禾经济开发区管委会办公室" in organizations


def test_a_chain_committee_names_a_sector_not_a_brands_company(extractor: Extractor) -> None:
    text = "青禾经济开发区党工委成立了煤电煤化工产业链党委,覆盖甲乙能源有限公司等14家企业。"
    assert not any(e.type == "Enterprise" and "煤化工" in e.name for e in extract(extractor, text).entities)


def test_an_industry_cluster_committee_is_named_by_its_cluster(extractor: Extractor) -> None:
    text = "东港区成立衢江食品生产产业集群党委和青禾智能制造产业集群党委。"
    committees = {e.name for e in extract(extractor, text).entities if e.type == "Committee"}
    assert committees == {"衢江食品生产产业集群党委", "青禾智能制造产业集群党委"}


def test_a_joint_branch_named_like_a_brand_is_no_companys_own(extractor: Extractor) -> None:
    text = "青禾经济开发区党工委组建了精密机械联合党支部,覆盖甲乙焊接有限公司等9家企业。"
    entities = extract(extractor, text).entities
    assert not any(e.type == "Enterprise" and e.name == "精密机械" for e in entities)
    assert any(e.type == "Branch" and e.name.endswith("精密机械联合党支部") for e in entities)


def test_a_bare_kind_of_body_in_a_sentence_set_in_a_building_is_the_buildings(extractor: Extractor) -> None:
    text = (
        "长沙市岳麓区依托商务楼宇,成立了岳麓区楼宇综合党委。"
        "在青禾智慧谷大厦,楼宇党支部书记吕光明介绍,支部建立了服务站。"
    )
    branches = {e.name for e in extract(extractor, text).entities if e.type == "Branch"}
    assert branches == {"青禾智慧谷大厦楼宇党支部"}


def test_a_public_centre_is_a_body_and_no_part_of_it_a_brand(extractor: Extractor) -> None:
    facts = extract(extractor, "区人才发展中心和市政务中心为企业服务。样板县党建指导中心设在园区。")
    assert set(organizations(facts)) == {"区人才发展中心", "市政务中心", "样板县党建指导中心"}
    assert not any(e.type == "Enterprise" for e in facts.entities)
    facts = extract(extractor, "样板高新区新时代文明实践中心和样板高新区党员教育中心揭牌。")
    assert set(organizations(facts)) == {"样板高新区新时代文明实践中心", "样板高新区党员教育中心"}


def test_a_centre_word_in_a_phrase_is_no_body(extractor: Extractor) -> None:
    assert not extract(extractor, "坚持以人民为中心的发展思想,围绕中心工作抓党建。").entities


def branches(facts: DocumentFacts) -> set[str]:
    return {e.name for e in facts.entities if e.type == "Branch"}


def test_a_company_that_forms_a_branch_as_its_clauses_subject_forms_its_own(extractor: Extractor) -> None:
    opening = "嘉兴经开区企业党建有成效。"
    for clause in (
        "甲乙科技有限公司成立了党支部",
        "2019年,甲乙科技有限公司于2019年5月成立党支部",
        "园区指导甲乙科技有限公司成立党支部",
    ):
        facts = extract(extractor, f"{opening}{clause}。")
        assert branches(facts) == {"甲乙科技有限公司党支部"}, clause
        names = {e.id: e.name for e in facts.entities}
        own = {(names[r.head], names[r.tail]) for r in facts.relations if r.type == "PARTY_ORG_OF"}
        assert ("甲乙科技有限公司党支部", "甲乙科技有限公司") in own


def test_a_company_that_is_no_subject_forms_no_branch_of_its_own(extractor: Extractor) -> None:
    facts = extract(extractor, "嘉兴经开区企业党建有成效。园区与甲乙科技有限公司共同成立党支部。")
    assert "甲乙科技有限公司党支部" not in branches(facts)


@pytest.mark.parametrize(("place", "body"), [("青禾镇", "镇党委"), ("青禾街道", "街道党工委")])
def test_a_party_body_named_by_a_towns_level_word_is_the_documents_towns(
    extractor: Extractor, place: str, body: str
) -> None:
    facts = extract(extractor, f"{place}地处昆山市。{body}书记甲乙丙介绍了经验。")
    whole = place + body.removeprefix("镇").removeprefix("街道")
    assert whole in committees(facts)
    names = {e.id: e.name for e in facts.entities}
    assert (whole, place) in {
        (names[r.head], names[r.tail]) for r in facts.relations if r.type == "PARTY_ORG_OF"
    }


def test_a_working_committee_is_no_company_or_buildings(extractor: Extractor) -> None:
    text = "青禾广场联合党支部吸收了甲乙科技有限公司等12家单位。党工委书记甲乙丙表示,将推动楼宇党建。"
    found = committees(extract(extractor, text))
    assert not any(name.startswith(("甲乙科技有限公司", "青禾广场")) for name in found)


def test_a_notices_bodies_are_named_after_its_park_without_its_verbs(extractor: Extractor) -> None:
    text = (
        "关于调整青禾经济开发区非公企业党建工作领导小组成员的通知\n"
        "经研究,决定调整青禾经济开发区非公企业党建工作领导小组成员,名单如下:\n"
        "组  长:赵明远  开发区党工委书记\n"
        "成  员:吴海燕  开发区经济发展局局长\n"
        "中共青禾经济开发区工作委员会\n"
    )
    bodies = organizations(extract(extractor, text))
    assert {"青禾经济开发区非公企业党建工作领导小组", "青禾经济开发区经济发展局"} <= set(bodies)
    assert not any(name.startswith(("决定", "调整", "开发区")) for name in bodies)


@pytest.mark.parametrize("verb", ["记", "访"])
def test_a_profiles_or_interviews_subtitle_verb_starts_no_name(extractor: Extractor, verb: str) -> None:
    facts = extract(extractor, f"扎根园区二十年——{verb}青禾高新区党群服务中心主任林秀英\n林秀英在园区工作。")
    assert "青禾高新区党群服务中心" in organizations(facts)
    assert ("林秀英", "青禾高新区党群服务中心", "主任") in posts(facts)


def test_a_body_named_by_its_kind_then_by_its_own_name_after_a_dash_is_one_body(extractor: Extractor) -> None:
    text = "2015年,园区组建了首个楼宇联合党支部——青禾科技大厦联合党支部。"
    assert branches(extract(extractor, text)) == {"青禾科技大厦联合党支部"}


def test_a_provinces_committee_for_the_non_public_economy_and_social_organizations_is_one_body(
    extractor: Extractor,
) -> None:
    text = "浙江省委组织部副部长、省委非公经济和社会组织工委书记李明在论坛上致辞。"
    facts = extract(extractor, text)
    assert ("李明", "浙江省委非公经济和社会组织工委", "书记") in posts(facts)
    assert ("李明", "浙江省委组织部", "副部长") in posts(facts)


def test_kinds_of_member_joined_in_a_committees_name_and_its_declared_short_name_are_one_committee(
    extractor: Extractor,
) -> None:
    text = (
        "宁波杭州湾新区党工委召开会议。新区非公企业和社会组织党委(简称“两新党委”)书记陈志刚介绍,"
        "两新党委覆盖两新组织党组织186个。"
    )
    facts = extract(extractor, text)
    whole = "宁波杭州湾新区非公企业和社会组织党委"
    assert committees(facts) == {"宁波杭州湾新区党工委", whole}
    assert "两新党委" in next(e.aliases for e in facts.entities if e.name == whole)
    assert ("陈志刚", whole, "书记") in posts(facts)


def test_a_body_named_after_a_brand_is_a_body_and_the_named_companys(extractor: Extractor) -> None:
    facts = extract(extractor, "海康威视党委书记郑远航说,党建要融入生产经营。")
    assert ("郑远航", "海康威视党委", "书记") in posts(facts)
    text = "园区聚集了海康威视、示例科技有限公司等企业。海康威视党委组织党员攻关。"
    facts = extract(extractor, text)
    owned = links(facts, "PARTY_ORG_OF")
    assert ("海康威视党委", "海康威视") in owned


def test_a_body_named_by_the_last_word_of_a_park_just_named_is_that_parks(extractor: Extractor) -> None:
    text = (
        "在青禾经开区的集成电路产业基地,甲乙科技有限公司等企业集聚。"
        "基地党支部书记郑远航表示,要推动党建和业务融合。"
    )
    facts = extract(extractor, text)
    assert ("郑远航", "集成电路产业基地党支部", "书记") in posts(facts)
    owned = links(facts, "PARTY_ORG_OF")
    assert ("集成电路产业基地党支部", "集成电路产业基地") in owned


def test_a_body_named_after_its_park_written_short_is_not_named_after_it_twice(
    extractor: Extractor,
) -> None:
    text = (
        "湖州青禾高新区党工委将甲乙科技有限公司、丙丁电子有限公司的党员组织起来,"
        "成立了青禾高新区西部片区联合党支部。"
    )
    facts = extract(extractor, text)
    branches = {e.name for e in facts.entities if e.type == "Branch"}
    assert branches == {"湖州青禾高新区西部片区联合党支部"}


def test_a_body_of_a_kind_in_a_park_with_a_bracketed_note_is_named_after_that_park(
    extractor: Extractor,
) -> None:
    facts = extract(extractor, "甲乙科技有限公司党委隶属于示例高新区(青禾)两新工委。")
    assert ("甲乙科技有限公司党委", "示例高新区(青禾)两新工委") in links(facts, "SUBORDINATE_TO")


def test_a_body_whose_name_holds_the_articles_park_is_not_named_after_it_again(extractor: Extractor) -> None:
    text = "示例高新区:小哥党建\n示例高新区党工委推动党建。甲乙外卖示例高新区站点党支部书记吕光明介绍了情况。"
    branches = {e.name for e in extract(extractor, text).entities if e.type == "Branch"}
    assert branches == {"甲乙外卖示例高新区站点党支部"}


def test_a_bare_park_committee_is_not_a_company_named_after_the_park(extractor: Extractor) -> None:
    text = "青禾经济开发区建设投资有限公司党委书记吕光明出席。开发区党工委将深入实施创建行动。"
    committees = {e.name for e in extract(extractor, text).entities if e.type == "Committee"}
    assert "青禾经济开发区建设投资有限公司党委" in committees
    assert not any(name.endswith("有限公司党工委") for name in committees)


@pytest.mark.parametrize(
    ("text", "branch", "department"),
    [
        ("临港产业园党总支由新区经济发展局党支部代管。", "新区经济发展局党支部", "新区经济发展局"),
        ("毛青云,书记(规划建设和综合执法局党支部)。", "规划建设和综合执法局党支部", "规划建设和综合执法局"),
        ("柯城区发展和改革局党支部开展主题党日活动。", "柯城区发展和改革局党支部", "柯城区发展和改革局"),
    ],
)
def test_a_departments_line_of_work_is_part_of_its_branchs_name(
    extractor: Extractor, text: str, branch: str, department: str
) -> None:
    assert (branch, department) in links(extract(extractor, text), "PARTY_ORG_OF")


def test_a_companys_numbered_branch_is_named_and_its_own(extractor: Extractor) -> None:
    text = "决定授予以下党组织称号:\n甲乙科技股份有限公司第一党支部\n丙丁电子有限公司党委\n"
    found = links(extract(extractor, text), "PARTY_ORG_OF")
    assert ("甲乙科技股份有限公司第一党支部", "甲乙科技股份有限公司") in found


def test_a_department_heads_title_ends_no_name_glued_after_it(extractor: Extractor) -> None:
    text = "成员:吴海燕 示例开发区经济发展局局长领导小组下设办公室,办公室设在开发区党群工作部。"
    names = {e.name for e in extract(extractor, text).entities}
    assert not [n for n in names if "局长" in n]


def test_two_bodies_joined_by_he_stay_two_where_a_departments_name_may_hold_he(
    extractor: Extractor,
) -> None:
    text = "青禾经济开发区:党建引领\n申酉园区党委受开发区党工委和青禾市委两新工委双重领导。"
    committees = {e.name for e in extract(extractor, text).entities if e.type == "Committee"}
    assert {"青禾经济开发区党工委", "青禾市委两新工委"} <= committees


def test_a_companys_workshop_branches_are_the_companys(extractor: Extractor) -> None:
    text = (
        "甲乙能源有限公司坐落于示例经济技术开发区。公司党委下设电池车间党支部、组件车间党支部。"
        "公司党委书记李丽萍介绍了情况。"
    )
    facts = extract(extractor, text)
    company = "甲乙能源有限公司"
    assert {e.name for e in facts.entities if e.type == "Enterprise"} == {company}
    bodies = {(f"{company}电池车间党支部", company), (f"{company}党委", company)}
    assert bodies <= links(facts, "PARTY_ORG_OF")
    assert ("李丽萍", f"{company}党委", "书记") in posts(facts)


def test_a_committee_the_party_names_formally_is_a_committee_with_its_short_name_and_post(
    extractor: Extractor,
) -> None:
    text = (
        "中共青溪经济开发区工作委员会关于成立青溪经济开发区非公有制企业联合委员会的通知\n"
        "各党组织:\n"
        "经党工委研究,决定成立中共青溪经济开发区非公有制企业联合委员会(以下简称“非公联合党委”),"
        "由开发区党群工作部管理。非公联合党委书记由党群工作部部长魏东担任。"
    )
    facts = extract(extractor, text)
    joint = "青溪经济开发区非公有制企业联合委员会"
    assert {e.type for e in facts.entities if e.name == joint} == {"Committee"}
    assert not [e.name for e in facts.entities if e.type == "Person" and e.name != "魏东"]
    assert ("魏东", joint, "书记") in posts(facts)
    assert (joint, "青溪经济开发区党群工作部") in links(facts, "SUBORDINATE_TO")


def test_a_parks_party_work_office_is_named_after_the_park(extractor: Extractor) -> None:
    facts = extract(extractor, "示例高新区党工委下设党建工作办公室,具体负责园区非公企业党建工作。")
    assert "示例高新区党建工作办公室" in organizations(facts)
    assert ("示例高新区党建工作办公室", "示例高新区党工委") in links(facts, "PART_OF")


def test_a_bare_body_word_ending_a_declared_short_name_is_that_body(extractor: Extractor) -> None:
    text = "示例县委成立示例县楼宇工作委员会(简称“县楼宇党工委”)。楼宇党工委下设示例大厦党支部。"
    facts = extract(extractor, text)
    committees = [e for e in facts.entities if e.type == "Committee" and "楼宇" in e.name]
    assert [e.name for e in committees] == ["示例县楼宇工作委员会"]
    assert ("示例大厦党支部", "示例县楼宇工作委员会") in links(facts, "SUBORDINATE_TO")


def test_a_joint_branch_written_bare_is_the_one_named_with_and_without_its_parks_place(
    extractor: Extractor,
) -> None:
    text = (
        "示例开发区示例工业园联合党支部获评先进\n\n示例工业园联合党支部成立于2021年。\n\n"
        "联合党支部书记由王海林担任。"
    )
    facts = extract(extractor, text)
    assert ("王海林", "示例开发区示例工业园联合党支部", "书记") in posts(facts)


def test_a_company_forming_a_branch_in_a_document_naming_no_place_names_it(extractor: Extractor) -> None:
    facts = extract(extractor, "2019年,甲乙科技有限公司成立党支部,现有党员12名。")
    assert ("甲乙科技有限公司党支部", "甲乙科技有限公司") in links(facts, "PARTY_ORG_OF")


def test_a_kind_of_branch_a_companys_committee_sets_up_is_the_companys(extractor: Extractor) -> None:
    text = "示例经济开发区位于示例县。甲乙集团有限公司党委下设机关党支部、生产党支部和销售党支部。"
    facts = extract(extractor, text)
    assert ("甲乙集团有限公司机关党支部", "甲乙集团有限公司党委") in links(facts, "SUBORDINATE_TO")


def test_a_kind_of_committee_formed_at_a_building_is_the_buildings(extractor: Extractor) -> None:
    text = "示例新区党工委依托示例金融大厦成立楼宇联合党委。楼宇党委就像企业的“娘家人”。"
    facts = extract(extractor, text)
    committee = "示例金融大厦楼宇联合党委"
    assert (committee, "示例金融大厦") in links(facts, "PARTY_ORG_OF")
    assert [e.name for e in facts.entities if e.type == "Committee" and "楼宇" in e.name] == [committee]


def test_a_kind_of_branch_a_bare_company_words_committee_sets_up_is_the_companys(
    extractor: Extractor,
) -> None:
    text = "甲乙能源(示例)有限公司位于示例经济开发区。公司党委下设电池车间党支部和机关党支部。"
    facts = extract(extractor, text)
    branch = "甲乙能源(示例)有限公司机关党支部"
    assert (branch, "甲乙能源(示例)有限公司党委") in links(facts, "SUBORDINATE_TO")
    assert "公司" not in {e.name for e in facts.entities}


def test_a_joint_branch_written_formally_is_one_body_with_no_unit_word(extractor: Extractor) -> None:
    text = (
        "日前,中共青禾绿建区建筑产业现代化示范基地联合党支部成立。中共青禾绿建区建筑产业现代化示范基地"
        "联合党支部由丽水青禾板业有限公司、衢州建筑产业有限公司以及丽水研砼有限公司三家企业联合组建。"
    )
    branch = "青禾绿建区建筑产业现代化示范基地联合党支部"
    assert (branch, "衢州建筑产业有限公司") in links(extract(extractor, text), "COVERS")


def test_a_bare_city_committee_of_a_document_naming_no_city_keeps_its_bare_name(extractor: Extractor) -> None:
    unnamed = extract(extractor, "市委组织部近日印发通知。市委要求青禾镇各村抓好换届。")
    assert ("市委组织部", "市委") in links(unnamed, "PART_OF")
    named = extract(extractor, "丽水市经济开发区位于丽水市。市委组织部近日印发通知,市委要求抓好换届。")
    assert ("丽水市委组织部", "丽水市委") in links(named, "PART_OF")
    in_a_county = extract(extractor, "青禾县经济开发区位于青禾县。市委要求园区抓好换届。")
    assert "市委" not in {e.name for e in in_a_county.entities}


def test_a_department_named_after_a_parks_committee_is_part_of_that_committee(extractor: Extractor) -> None:
    text = "特邀嘉宾:丽水高新区党工委组织部副部长 王明,青禾县委组织部部长 李强。"
    facts = extract(extractor, text)
    assert ("丽水高新区党工委组织部", "丽水高新区党工委") in links(facts, "PART_OF")
    assert ("丽水高新区党工委", "丽水高新区") in links(facts, "PARTY_ORG_OF")
    assert "青禾县委" not in {e.name for e in facts.entities}


def test_a_joint_branch_by_its_formal_word_takes_in_the_companies_that_form_it(extractor: Extractor) -> None:
    text = (
        "衢州经济开发区位于浙江省衢州市。东港化工有限公司、衢江科技有限公司等6家企业"
        "联合成立中共衢州经济开发区东港联合支部委员会。"
    )
    branch = "衢州经济开发区东港联合支部委员会"
    facts = extract(extractor, text)
    assert links(facts, "COVERS") == {(branch, "东港化工有限公司"), (branch, "衢江科技有限公司")}


def test_a_region_committees_working_committee_for_a_park_answers_to_it(extractor: Extractor) -> None:
    facts = extract(extractor, "衢州市委决定:张明同志任中共衢州市委经济技术开发区工作委员会书记。")
    committee = "衢州市委经济技术开发区工作委员会"
    assert links(facts, "SUBORDINATE_TO") == {(committee, "衢州市委")}
    assert links(facts, "PARTY_ORG_OF") >= {(committee, "衢州经济技术开发区")}
    assert {e.name for e in facts.entities if e.type == "Park"} == {"衢州经济技术开发区"}


def test_a_composite_committee_named_after_a_place_and_a_trade_is_no_company_s(extractor: Extractor) -> None:
    facts = extract(extractor, "衢州市新材料综合党委召开会议。")
    assert not [e for e in facts.entities if e.type == "Enterprise"]


def test_a_department_named_after_a_parks_management_committee_is_part_of_it(extractor: Extractor) -> None:
    facts = extract(extractor, "2023年,衢州新片区管委会党群工作部组织企业开展活动。")
    assert "衢州新片区管委会" in organizations(facts)
    assert ("衢州新片区管委会党群工作部", "衢州新片区管委会") in links(facts, "PART_OF")


def test_a_bare_management_committee_is_no_county_s(extractor: Extractor) -> None:
    facts = extract(extractor, "衢江区召开工业发展大会。衢江区委书记表示,管委会主任王建国要带头服务企业。")
    assert ("王建国", "管委会", "主任") in posts(facts)
    assert "衢江区管委会" not in {e.name for e in facts.entities}


def test_a_joint_branch_named_for_the_firms_it_gathers_is_named_in_its_own_right(
    extractor: Extractor,
) -> None:
    text = "衢州中原速运有限公司落户园区。快递企业联合党支部书记马晓燕是中原速运的人力资源经理。"
    facts = extract(extractor, text)
    assert {e.name for e in facts.entities if e.type == "Branch"} == {"快递企业联合党支部"}
    assert ("马晓燕", "快递企业联合党支部", "书记") in posts(facts)


def test_joint_branches_named_for_the_trade_they_gather_keep_their_own_names(extractor: Extractor) -> None:
    text = (
        "青禾石材产业集聚区联合党总支正式成立,集聚区内23家企业的党员全部纳入其中。"
        "联合党总支下设3个联合党支部:板材加工联合党支部由示例石业有限公司等企业党员组成;"
        "物流贸易联合党支部则吸收了示例物流有限公司等企业的党员。"
    )
    facts = extract(extractor, text)
    branches = {e.name for e in facts.entities if e.type == "Branch"}
    assert {"板材加工联合党支部", "物流贸易联合党支部"} <= branches
    assert ("物流贸易联合党支部", "青禾石材产业集聚区联合党总支") in links(facts, "SUBORDINATE_TO")


def test_a_body_named_by_a_piece_of_its_park_s_name_is_the_park_s_body(extractor: Extractor) -> None:
    text = (
        "长丰:石材产业联合党总支让“散兵”变成“集团军”\n"
        "2023年5月,青禾石材产业集聚区联合党总支正式成立,集聚区内23家企业的党员全部纳入其中。"
        "青禾石材产业集聚区联合党总支书记由王力担任。"
    )
    branches = [e for e in extract(extractor, text).entities if e.type == "Branch"]
    assert [e.name for e in branches] == ["青禾石材产业集聚区联合党总支"]
    assert "石材产业联合党总支" in branches[0].aliases


def test_a_chain_committee_written_as_lian_dangwei_is_the_chain_committee_named_before(
    extractor: Extractor,
) -> None:
    text = (
        "青禾产业园光伏产业链党委成立。链党委覆盖甲乙科技有限公司、丙丁机械有限公司等链上企业12家。"
        "这背后有链党委的功劳。"
    )
    facts = extract(extractor, text)
    assert [e.name for e in facts.entities if e.type == "Committee"] == ["青禾产业园光伏产业链党委"]
    assert ("青禾产业园光伏产业链党委", "甲乙科技有限公司") in links(facts, "COVERS")
