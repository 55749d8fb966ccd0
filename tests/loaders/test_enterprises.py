"""Enterprises and the branches named after them: where a company's name starts, its short names,
brands the lexical analyzer knows, and the one branch a company's Party body is however it is spelled."""

from __future__ import annotations

import pytest
from extracting import extract, posts

from parkgraph.loaders.extractor import Extractor
from parkgraph.loaders.pipeline import Pipeline
from parkgraph.loaders.sources import read_bytes


def names(extractor: Extractor, text: str, type_: str) -> set[str]:
    return {e.name for e in extract(extractor, text).entities if e.type == type_}


def relations(extractor: Extractor, text: str, type_: str) -> set[tuple[str, str]]:
    facts = extract(extractor, text)
    by_id = {e.id: e.name for e in facts.entities}
    return {(by_id[r.head], by_id[r.tail]) for r in facts.relations if r.type == type_}


@pytest.mark.parametrize(
    "text",
    [
        "“以前我们公司只有5名党员,组织生活凑不齐人。",
        "每个商业综合体都有一名党员担任“红管家”。",
        "青禾科技有限公司落户示例镇。如今公司已吸纳群众就业1300多人。",
        "青禾科技有限公司落户示例镇。三年来公司发展很快,近两年企业产值翻番。",
        "青禾科技有限公司落户示例镇。园区每日通勤近3000名员工。",
        "对不足3名党员的非公企业党员,采取联合管理的方式。",
    ],
)
def test_a_time_word_or_a_verb_of_having_with_a_bare_unit_word_names_no_enterprise(
    extractor: Extractor, text: str
) -> None:
    facts = extract(extractor, text)
    assert {e.name for e in facts.entities if e.type == "Enterprise"} <= {"青禾科技有限公司"}


def test_a_brand_the_analyzer_tags_is_an_enterprise(extractor: Extractor) -> None:
    text = "今年一季度,园区新入园企业6家;恒通汽车7月预计整车下线。"
    assert names(extractor, text, "Enterprise") == {"恒通汽车"}


def test_a_short_name_is_an_alias_of_the_registered_name(extractor: Extractor) -> None:
    text = "示例县宏远精密机械有限公司落户园区。宏远公司党支部组织党员学习。"
    facts = extract(extractor, text)
    companies = [e for e in facts.entities if e.type == "Enterprise"]
    assert [e.name for e in companies] == ["示例县宏远精密机械有限公司"]
    assert "宏远公司" in companies[0].aliases
    assert relations(extractor, text, "PARTY_ORG_OF") == {
        ("示例县宏远精密机械有限公司党支部", "示例县宏远精密机械有限公司")
    }


def test_a_group_is_not_the_short_name_of_a_company_in_it(extractor: Extractor) -> None:
    text = "宏远集团党委书记到宏远集团精密机械有限公司调研。"
    assert names(extractor, text, "Enterprise") == {"宏远集团", "宏远集团精密机械有限公司"}


def test_a_branch_written_two_ways_is_one_branch(extractor: Extractor) -> None:
    text = "中共甲乙科技有限公司支部委员会被评为先进基层党组织。甲乙科技有限公司党支部有党员12名。"
    assert len(names(extractor, text, "Branch")) == 1


def test_the_company_named_by_an_anaphor_owns_the_branch(extractor: Extractor) -> None:
    text = "——张强:甲乙网络科技有限公司副总经理,兼任该公司党支部书记。"
    assert names(extractor, text, "Branch") == {"甲乙网络科技有限公司党支部"}
    assert names(extractor, text, "Enterprise") == {"甲乙网络科技有限公司"}


def test_a_stop_word_inside_a_company_name_does_not_cut_it(extractor: Extractor) -> None:
    text = "比如,和平康泰生物研究院有限公司党支部牵头组建实验室。"
    assert names(extractor, text, "Enterprise") == {"和平康泰生物研究院有限公司"}
    assert names(extractor, text, "Organization") == set()


def test_one_character_before_company_names_no_company(extractor: Extractor) -> None:
    assert names(extractor, "他说:“以前公司里没有党支部,今年把支部建了起来。”", "Enterprise") == set()


def test_a_declared_short_name_is_the_company_wherever_it_stands(extractor: Extractor) -> None:
    text = "华瑞智能装备有限公司(以下简称“华瑞智能”)落户园区。华瑞智能发展很快,产值翻番。"
    facts = extract(extractor, text)
    companies = [e for e in facts.entities if e.type == "Enterprise"]
    assert [e.name for e in companies] == ["华瑞智能装备有限公司"]
    assert len(companies[0].mentions) == 2


def test_a_park_name_does_not_run_over_the_company_before_it(extractor: Extractor) -> None:
    text = "2023年,宏远新能源科技有限公司落户园区。"
    assert names(extractor, text, "Enterprise") == {"宏远新能源科技有限公司"}
    assert names(extractor, text, "Park") == set()


def test_a_workshop_names_no_enterprise_but_the_company_before_it(extractor: Extractor) -> None:
    text = "他深入铜管车间察看生产工艺,又走访了甲乙铜业有限公司铜管车间。"
    assert names(extractor, text, "Enterprise") == {"甲乙铜业有限公司"}


def test_a_place_word_before_a_company_is_not_part_of_its_name(extractor: Extractor) -> None:
    text = "丙丁大厦联合党支部覆盖楼内戊己科技有限公司、庚辛电子有限公司等8家企业。"
    assert names(extractor, text, "Enterprise") == {"戊己科技有限公司", "庚辛电子有限公司"}


def test_branches_listed_by_what_they_gather_are_named(extractor: Extractor) -> None:
    text = "园区党委分别设立了智能制造党支部、现代服务党支部两个支部。"
    assert names(extractor, text, "Branch") == {"智能制造党支部", "现代服务党支部"}


def test_listed_levels_of_a_structure_name_no_branch(extractor: Extractor) -> None:
    text = "搭建起产业链党委、功能性片区党总支、链上企业党支部上下贯通的组织体系。"
    assert names(extractor, text, "Branch") == set()


def test_names_listed_with_a_known_brand_are_enterprises(extractor: Extractor) -> None:
    text = "开发区的恒通汽车、瑞丰养老双双入选,开发区也因此受到表彰。"
    assert names(extractor, text, "Enterprise") == {"恒通汽车", "瑞丰养老"}


def test_a_kind_of_company_is_no_enterprise(extractor: Extractor) -> None:
    text = "党委书记一职由园区运营公司的总经理担任,别的物业公司也来学习。"
    assert names(extractor, text, "Enterprise") == set()


def test_the_company_after_verbs_is_no_enterprise(extractor: Extractor) -> None:
    text = "青禾电子落户东港高新区后,将加深巩固公司核心产品市场地位,加速公司新产品的产业化进程。"
    assert names(extractor, text, "Enterprise") == {"青禾电子"}


def test_building_a_factory_names_no_factory(extractor: Extractor) -> None:
    text = "青禾硅业公司是知名企业,董事长王青山正打算在河南省投资建厂。"
    assert names(extractor, text, "Enterprise") == {"青禾硅业公司"}


def test_a_joint_branch_ending_a_clause_covers_what_it_takes_in_next(extractor: Extractor) -> None:
    text = "园区成立了丙丁大厦联合党支部,吸收戊己科技有限公司、庚辛电子有限公司等8家企业。"
    assert relations(extractor, text, "COVERS") == {
        ("丙丁大厦联合党支部", "戊己科技有限公司"),
        ("丙丁大厦联合党支部", "庚辛电子有限公司"),
    }


def test_a_body_covers_what_it_takes_in_after_an_aside_on_who_leads_it(extractor: Extractor) -> None:
    text = (
        "园区成立了汽配产业链党委,由园区党工委副书记甲乙担任书记,"
        "吸纳戊己科技有限公司、庚辛电子有限公司等链上企业党组织加入。"
    )
    assert relations(extractor, text, "COVERS") == {
        ("汽配产业链党委", "戊己科技有限公司"),
        ("汽配产业链党委", "庚辛电子有限公司"),
    }


def test_a_research_institute_company_is_named_whole(extractor: Extractor) -> None:
    text = "园区以青禾电力机车有限公司、青禾电力机车研究所有限公司为链主,组建产业链党建联盟。"
    assert names(extractor, text, "Enterprise") == {"青禾电力机车有限公司", "青禾电力机车研究所有限公司"}


def test_the_role_a_company_plays_is_no_part_of_its_name(extractor: Extractor) -> None:
    text = "驿站由园区运营方湖州青禾软件园有限公司党委负责日常运营。"
    assert names(extractor, text, "Enterprise") == {"湖州青禾软件园有限公司"}


def test_a_company_whose_name_holds_a_stop_character_is_whole(extractor: Extractor) -> None:
    text = (
        "第一联合党支部由杭州微光电子股份有限公司、杭州数梦工场科技有限公司、"
        "浙江每日互动网络科技股份有限公司等12家企业的党员组成。"
    )
    assert "浙江每日互动网络科技股份有限公司" in names(extractor, text, "Enterprise")


def test_a_company_in_the_page_credits_is_no_entity(extractor: Extractor) -> None:
    text = "园区党建工作取得实效。\n来源:甲乙传媒有限公司  技术支持:丙丁网络科技有限公司"
    assert names(extractor, text, "Enterprise") == set()


def test_brands_listed_after_a_phrase_about_industry_leaders_are_enterprises(extractor: Extractor) -> None:
    text = (
        "走进示例物流园区,国内物流巨头比邻而居:青禾速运、丙丁“快驿”、戊己仓储……这些行业龙头带动了园区发展。"
    )
    assert {"青禾速运", "丙丁快驿", "戊己仓储"} <= names(extractor, text, "Enterprise")


def test_brands_taken_up_again_as_firms_are_enterprises(extractor: Extractor) -> None:
    text = "园区引来了青禾速运、丙丁快驿、戊己仓储,这些企业带动了当地就业。"
    assert {"青禾速运", "丙丁快驿", "戊己仓储"} <= names(extractor, text, "Enterprise")


def test_a_brand_ends_in_its_line_of_business_but_two_lines_make_a_sector(extractor: Extractor) -> None:
    assert "甲乙家居" in names(extractor, "甲乙家居党支部书记赵立新介绍,企业今年新招工人20名。", "Enterprise")
    sector = names(extractor, "园区组建智能家居产业链党委,覆盖上下游企业。", "Enterprise")
    assert "智能家居" not in sector


def test_the_area_a_bureau_oversees_is_no_part_of_an_association_name(extractor: Extractor) -> None:
    found = names(extractor, "样板市工商局东城分局辖区行业协会发展很快。", "Organization")
    assert "样板市工商局东城分局辖区行业协会" not in found


def test_a_bracketed_part_keeps_a_listed_company_whole(extractor: Extractor) -> None:
    text = "园区引进甲乙科技股份有限公司、丙丁(中国)有限公司、戊己电子有限公司。"
    assert "丙丁(中国)有限公司" in names(extractor, text, "Enterprise")


def test_a_bank_branch_is_an_enterprise(extractor: Extractor) -> None:
    text = "中国示范银行样板分行城东支行与园区签订协议。"
    assert "中国示范银行样板分行城东支行" in names(extractor, text, "Enterprise")


def test_brands_before_a_count_of_more_than_so_many_firms_are_enterprises(extractor: Extractor) -> None:
    facts = extract(extractor, "东港工业园聚集了青禾机电、东瑞车辆等30余家汽车零部件企业。")
    assert {e.name for e in facts.entities if e.type == "Enterprise"} == {"青禾机电", "东瑞车辆"}


def test_brands_before_a_batch_of_firms_described_at_length_are_enterprises(extractor: Extractor) -> None:
    text = "园区招引了青禾特性、东瑞、汇丰达等一批在细分领域国际领先的企业。"
    assert names(extractor, text, "Enterprise") == {"青禾特性", "东瑞", "汇丰达"}
    projects = "园区引进了东港光伏、秦山储能等一批项目建成投产带动企业。"
    assert not names(extractor, projects, "Enterprise")


def test_brands_a_batch_of_firms_is_represented_by_are_enterprises(extractor: Extractor) -> None:
    text = "园区成功引进了以青禾、东瑞、汇丰达等为代表的一批具有全球影响力的龙头企业。"
    assert names(extractor, text, "Enterprise") == {"青禾", "东瑞", "汇丰达"}


def test_a_verb_s_complement_before_a_list_of_brands_is_no_part_of_the_first(extractor: Extractor) -> None:
    text = "园区涌现出青禾、东瑞、汇丰达等30家企业。园区依托起点科技、东港、秦山等20家企业发展。"
    assert names(extractor, text, "Enterprise") == {"青禾", "东瑞", "汇丰达", "起点科技", "东港", "秦山"}


def test_brands_of_one_trade_listed_together_are_enterprises(extractor: Extractor) -> None:
    facts = extract(extractor, "原来在衢江镇的青禾包装、东瑞包装、汇丰达包装和宏远包装积极要求加入园区。")
    expected = {"青禾包装", "东瑞包装", "汇丰达包装", "宏远包装"}
    assert {e.name for e in facts.entities if e.type == "Enterprise"} == expected


def test_brands_listed_before_a_count_of_company_party_bodies_are_enterprises(extractor: Extractor) -> None:
    found = names(extractor, "园区已单独组建甲乙、丙丁等6个非公党支部。", "Enterprise")
    assert {"甲乙", "丙丁"} <= found
    sectors = names(extractor, "园区设立科技创新、文化创意等2个党支部。", "Enterprise")
    assert not sectors


def test_quoted_names_joined_by_he_before_a_count_of_enterprises(extractor: Extractor) -> None:
    facts = extract(extractor, "园区对“青禾化工”和“云锦化工”等重点企业的党员活动室进行改造。")
    assert {e.name for e in facts.entities if e.type == "Enterprise"} == {"青禾化工", "云锦化工"}


def test_a_verb_the_analyzer_reads_into_a_company_name_stays_out(extractor: Extractor) -> None:
    facts = extract(extractor, "依托样板机械有限公司党支部,吸收周边企业党员,组建示例机械联合党支部。")
    assert "样板机械有限公司" in {e.name for e in facts.entities if e.type == "Enterprise"}
    assert not any(e.name.startswith("依托") for e in facts.entities)


def test_a_line_of_business_before_an_industry_word_is_no_brand(extractor: Extractor) -> None:
    facts = extract(extractor, "示例高新区在新能源汽车产业链上组建了产业链党委。")
    assert not any(e.type == "Enterprise" for e in facts.entities)


@pytest.mark.parametrize("product", ["新能源汽车电池托盘", "新能源汽车PTC加热器"])
def test_lines_of_business_with_no_name_before_them_are_no_brand(extractor: Extractor, product: str) -> None:
    text = f"甲乙科技有限公司党员牵头开发的{product}技术被列入示例省重点项目。"
    assert names(extractor, text, "Enterprise") == {"甲乙科技有限公司"}


def test_a_party_body_acting_with_listed_brands_is_not_part_of_the_first(extractor: Extractor) -> None:
    text = "在青禾软件园,园区党委联合云鹊、金石办公等企业组建党建联盟。"
    enterprises = {e.name for e in extract(extractor, text).entities if e.type == "Enterprise"}
    assert enterprises == {"云鹊", "金石办公"}


def test_lines_of_business_counted_as_industries_are_no_brands(extractor: Extractor) -> None:
    text = "园区党工委围绕集成电路、新能源汽车两条主导产业链,分别组建产业链党委。"
    assert not any(e.type == "Enterprise" for e in extract(extractor, text).entities)


def test_a_company_with_its_city_in_chinese_brackets_is_named_whole(extractor: Extractor) -> None:
    data = "园区入驻企业包括甲乙科技（成都）有限公司、丙丁软件有限公司等。".encode()
    facts = Pipeline(extractor).facts(read_bytes(data, "d.txt"))
    companies = {e.name for e in facts.entities if e.type == "Enterprise"}
    assert companies == {"甲乙科技(成都)有限公司", "丙丁软件有限公司"}


def test_a_bare_company_body_far_into_an_article_on_a_company_is_that_companys(extractor: Extractor) -> None:
    text = (
        "甲乙数字技术股份有限公司位于示例市,是行业龙头。公司党委成立于2008年。"
        "公司建有研发中心。研发团队有2000人。产品远销海外。公司党委隶属于示例区两新工委。"
    )
    assert names(extractor, text, "Enterprise") == {"甲乙数字技术股份有限公司"}


def test_a_verb_of_acting_together_opening_a_clause_is_no_part_of_a_brand(extractor: Extractor) -> None:
    text = "开发区党工委以甲乙集团党委为龙头,联合丙丁电气、戊己科技等企业党组织成立电气产业党建联盟。"
    assert {"丙丁电气", "戊己科技"} <= names(extractor, text, "Enterprise")


def test_a_company_named_only_by_its_line_of_business_is_no_company(extractor: Extractor) -> None:
    text = "在示例产业园,物业公司党支部与入驻企业党组织共建共享,科技公司也积极参与。"
    facts = extract(extractor, text)
    assert not {e.name for e in facts.entities} & {"物业公司", "物业公司党支部", "科技公司"}


def test_a_company_written_right_after_its_park_does_not_open_with_the_park(extractor: Extractor) -> None:
    text = (
        "青禾经济开发区青禾云谷科技有限公司党委、甲乙精工有限公司党支部榜上有名。"
        "青禾经济开发区建设投资有限公司负责园区建设。"
    )
    assert names(extractor, text, "Enterprise") == {
        "青禾云谷科技有限公司",
        "甲乙精工有限公司",
        "青禾经济开发区建设投资有限公司",
    }


def test_the_has_after_an_inside_word_starts_no_company_name(extractor: Extractor) -> None:
    text = "示例社区位于示例经济技术开发区,辖区内有甲乙(示例)科技有限公司、丙丁机械有限公司等企业31家。"
    assert {"甲乙(示例)科技有限公司", "丙丁机械有限公司"} <= names(extractor, text, "Enterprise")
    assert not any(name.startswith("有") for name in names(extractor, text, "Enterprise"))


def test_goods_or_facilities_listed_before_a_count_of_firms_are_no_enterprises(extractor: Extractor) -> None:
    text = (
        "丽水商业广场汇聚服装、特色餐饮、时尚鞋包、优质小商品等400多家商家入驻。"
        "园区整合能源岛、气体岛、管廊、水库等公共资源,引进比亚迪、吉利汽车等5家企业。"
    )
    assert names(extractor, text, "Enterprise") == {"比亚迪", "吉利汽车"}


def test_one_character_before_a_factory_names_no_company(extractor: Extractor) -> None:
    text = "如果企业只知埋头搞买卖、开工厂,丽水青禾电子工厂就不会发展壮大。"
    assert names(extractor, text, "Enterprise") == {"丽水青禾电子工厂"}


def test_a_listed_body_running_into_the_predicate_is_that_body_not_a_brand(extractor: Extractor) -> None:
    text = "陈明一行先后到丽水青禾科技有限公司、衢州云锦投资有限公司、青禾镇政府检查指导工作。"
    facts = extract(extractor, text)
    assert names(extractor, text, "Enterprise") == {"丽水青禾科技有限公司", "衢州云锦投资有限公司"}
    assert "青禾镇政府" in {e.name for e in facts.entities if e.type == "Organization"}


def test_a_quoted_brand_listed_among_companies_is_an_enterprise_named_without_its_quotes(
    extractor: Extractor,
) -> None:
    text = "青禾产业链党委把示例科技有限公司、丽天纺织有限公司、“衢州鞋业”等18家企业纳入管理。"
    assert "衢州鞋业" in names(extractor, text, "Enterprise")


@pytest.mark.parametrize(
    "text",
    [
        "临沂顺和物流有限公司是园区企业。",
        "宜昌恒晟新材料有限公司、宜昌德峰精细化工有限公司等12家企业纳入其中。",
    ],
)
def test_a_brand_read_out_of_a_company_s_whole_name_gives_way_to_that_name(
    extractor: Extractor, text: str
) -> None:
    found = names(extractor, text, "Enterprise")
    assert found and all(name.endswith("有限公司") for name in found)


def test_lines_of_business_listed_before_a_word_for_industries_are_no_brands(extractor: Extractor) -> None:
    text = "示例区成立19个行业综合党委,构建航天装备、新能源汽车等产业链党建矩阵。"
    assert names(extractor, text, "Enterprise") == set()


def test_a_company_named_again_by_its_brand_and_trade_is_the_company(extractor: Extractor) -> None:
    text = (
        "示例镇党委把衢州市青禾食品有限公司等7家企业的党员组织起来,成立联合党支部。"
        "青禾食品总经理韩志远说,联合党支部帮了大忙。"
    )
    assert ("韩志远", "衢州市青禾食品有限公司", "总经理") in posts(extract(extractor, text))
    shared = text.replace("等7家", "、温州市青禾食品有限公司等7家")
    assert {body for _, body, _ in posts(extract(extractor, shared))} <= {"示例镇联合党支部"}


@pytest.mark.parametrize("full", ["衢州市青禾生物科技有限公司", "青禾(衢州)生物科技有限公司"])
def test_a_company_named_again_without_its_second_line_of_business_is_the_company(
    extractor: Extractor, full: str
) -> None:
    text = f"示例镇党委把{full}等7家企业的党员组织起来,成立联合党支部。青禾生物总经理韩志远说,支部帮了大忙。"
    facts = extract(extractor, text)
    assert ("韩志远", full, "总经理") in posts(facts)
    assert {e.name for e in facts.entities if e.type == "Enterprise"} == {full}


def test_a_span_of_years_before_a_company_s_name_is_no_part_of_it(extractor: Extractor) -> None:
    text = "希望新的一年衢州青禾新能源科技有限公司党支部做好自身建设。"
    names = {e.name for e in extract(extractor, text).entities if e.type in ("Enterprise", "Branch")}
    assert names == {"衢州青禾新能源科技有限公司", "衢州青禾新能源科技有限公司党支部"}


def test_makers_in_general_are_no_enterprise_and_a_rough_count_starts_none(extractor: Extractor) -> None:
    assert not [
        e for e in extract(extractor, "青禾电热的产品销往汽车厂家。").entities if e.type == "Enterprise"
    ]
    facts = extract(extractor, "青禾电热的产品销往20多个整车厂。")
    assert not [e for e in facts.entities if e.type == "Enterprise" and "销往" in e.name]


def test_a_list_of_trades_before_a_count_of_enterprises_names_none(extractor: Extractor) -> None:
    def companies(text: str) -> set[str]:
        return {e.name for e in extract(extractor, text).entities if e.type == "Enterprise"}

    assert not companies("开发区汇集了汽车零部件、高端装备、食品加工等企业500多家。")
    assert companies("开发区汇集了青禾电子、东港精密等企业500多家。") == {"青禾电子", "东港精密"}


def test_a_list_of_products_before_enterprises_names_none(extractor: Extractor) -> None:
    text = "党建联盟吸纳手机盖板、触摸显示屏、移动电源、手机充电线、手机软件研发等相关企业,实现就近配套。"
    assert names(extractor, text, "Enterprise") == set()


def test_in_the_factory_names_no_factory(extractor: Extractor) -> None:
    text = "“以前厂里就我一个党员,过去厂里只有3名党员。”甲乙机械厂党支部书记王立新说。"
    assert names(extractor, text, "Enterprise") == {"甲乙机械厂"}


@pytest.mark.parametrize(
    ("full", "short"),
    [("河南晶锐超硬材料股份有限公司", "晶锐股份"), ("厦门云帆信息技术有限公司", "云帆科技")],
)
def test_a_company_named_again_by_its_brand_and_kind_is_the_company(
    extractor: Extractor, full: str, short: str
) -> None:
    text = f"园区党委把{full}等7家企业的党员组织起来。{short}党委书记、董事长孔德胜说,支部帮了大忙。"
    facts = extract(extractor, text)
    assert ("孔德胜", full, "董事长") in posts(facts)
    assert {e.name for e in facts.entities if e.type == "Enterprise"} == {full}


def test_a_company_named_again_by_its_brand_and_first_line_of_business_is_the_company(
    extractor: Extractor,
) -> None:
    text = (
        "开发区内的衢州顺达智能装备有限公司与上海市嘉定区的上海铭科汽车零部件有限公司结对共建。"
        "“上海的伙伴带来了新工艺,我们提供了产能。”顺达智能董事长、党支部书记黄卫东说。"
    )
    assert ("黄卫东", "衢州顺达智能装备有限公司", "董事长") in posts(extract(extractor, text))


@pytest.mark.parametrize(
    "text",
    [
        "经开区在党群服务中心设立代办窗口,抽调23名党员干部组成代办队伍。",
        "同步实施“红色合伙人”计划,从机关和骨干企业遴选35名党员专家,与创业团队结对。",
        "园区把企业划成12个网格,每个网格配一名党员网格员。",
    ],
)
def test_a_verb_choosing_members_before_their_count_names_no_enterprise(
    extractor: Extractor, text: str
) -> None:
    assert not [e for e in extract(extractor, text).entities if e.type == "Enterprise"]


def test_a_person_with_a_post_listed_before_a_role_is_no_brand(extractor: Extractor) -> None:
    text = (
        "衢州泰恒国际物流有限公司成立党支部。"
        "支部党员、冷库主管王磊是公司里的“技术大拿”,他带领党员完成冷库改造。"
    )
    enterprises = {e.name for e in extract(extractor, text).entities if e.type == "Enterprise"}
    assert enterprises == {"衢州泰恒国际物流有限公司"}


@pytest.mark.parametrize("workshop", ["车间", "智慧工厂", "2吉瓦光伏组件生产车间"])
def test_a_company_named_before_its_workshop_is_the_unit(extractor: Extractor, workshop: str) -> None:
    facts = extract(extractor, f"走进衢州嘉禾新材料科技有限公司{workshop},机器轰鸣。")
    assert {e.name for e in facts.entities if e.type == "Enterprise"} == {"衢州嘉禾新材料科技有限公司"}


def test_an_honour_named_after_a_plant_is_no_enterprise(extractor: Extractor) -> None:
    text = "衢州华瑞新材料有限公司今年入选国家级绿色工厂和灯塔工厂。"
    assert names(extractor, text, "Enterprise") == {"衢州华瑞新材料有限公司"}


def test_a_company_s_short_name_in_brackets_before_its_branch_is_no_part_of_either(
    extractor: Extractor,
) -> None:
    text = "园区里的衢州春谷农业科技有限公司(春谷农业)党支部,今年一季度帮助企业销售额同比增长41%。"
    assert names(extractor, text, "Enterprise") == {"衢州春谷农业科技有限公司"}
    assert names(extractor, text, "Branch") == {"衢州春谷农业科技有限公司党支部"}


def test_a_company_s_short_name_before_its_workshop_names_the_company(extractor: Extractor) -> None:
    text = "园区企业衢州锦程纺织科技有限公司发展很快。锦程纺织车间主任吴小飞说,效率提高了。"
    assert posts(extract(extractor, text)) == {("吴小飞", "衢州锦程纺织科技有限公司", "车间主任")}


@pytest.mark.parametrize(
    ("text", "company"),
    [
        (
            "园区成员单位有潍坊青禾精密传动有限公司等骨干企业。成立当天,白沙职业技术学院与青禾精密传动现场"
            "签订了协议。青禾精密传动总经理王力说:“现在好了。”",
            "潍坊青禾精密传动有限公司",
        ),
        (
            "园区企业有长丰云锦化纤有限公司等。支部党员、云锦化纤总经理王力第一个上台作了承诺。",
            "长丰云锦化纤有限公司",
        ),
    ],
)
def test_a_company_named_again_by_its_name_less_places_and_legal_form_is_that_company(
    extractor: Extractor, text: str, company: str
) -> None:
    assert ("王力", company, "总经理") in posts(extract(extractor, text))
