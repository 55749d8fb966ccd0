"""Who adopts a named practice, on invented sentences."""

from __future__ import annotations

import pytest

from parkgraph.graph.facts import DocumentFacts, DocumentInfo
from parkgraph.loaders.extractor import Extractor


def adopts(extractor: Extractor, text: str) -> set[tuple[str, str]]:
    facts: DocumentFacts = extractor.extract(text, DocumentInfo(id="d1", source="d1.txt"))
    names = {e.id: e.name for e in facts.entities}
    return {(names[r.head], names[r.tail]) for r in facts.relations if r.type == "ADOPTS"}


def test_a_branch_opening_a_clause_adopts_the_practice(extractor: Extractor) -> None:
    found = adopts(extractor, "示例县工业园区企业众多。比如,甲乙科技有限公司党支部推行“党员三岗”机制。")
    assert found == {("甲乙科技有限公司党支部", "党员三岗机制")}


def test_an_organization_after_a_preposition_is_no_subject(extractor: Extractor) -> None:
    found = adopts(extractor, "示例县位于东部。以示例县党群服务中心为依托,打造“红色驿站”品牌。")
    assert found == {("示例县", "红色驿站品牌")}


def test_the_unit_opening_a_clause_adopts_not_a_place_before_it(extractor: Extractor) -> None:
    found = adopts(extractor, "在示例省的示例州,示例县着力打造“双链融合”模式。")
    assert found == {("示例县", "双链融合模式")}


def test_a_province_is_never_the_adopter(extractor: Extractor) -> None:
    text = "示例省新闻网\n示例县工业园区党工委探索“三帮三带”工程。近年来,各企业实施“一企一策”计划。"
    found = adopts(extractor, text)
    assert found == {("示例县工业园区党工委", "三帮三带工程"), ("示例县工业园区党工委", "一企一策计划")}


def test_a_place_qualifying_a_unit_is_not_the_adopter(extractor: Extractor) -> None:
    found = adopts(extractor, "地处示例州(示例省)的示例县,探索形成了“双链融合”模式。")
    assert found == {("示例县", "双链融合模式")}


def test_a_sentence_without_an_actor_goes_on_with_its_paragraph_s(extractor: Extractor) -> None:
    text = "示例县工业园区党工委推行“三帮三带”工程。\n丙丁镇针对实际成立协会。同时抓实“车轮上的党建”。\n"
    found = adopts(extractor, text)
    assert ("丙丁镇", "车轮上的党建") in found


def test_a_practice_of_the_park_with_no_actor_named_is_its_committee_s(extractor: Extractor) -> None:
    text = (
        "甲乙经济开发区党建纪实。甲乙经济开发区位于城东。甲乙经济开发区党工委书记介绍了情况。"
        "\n通过在项目一线实行“一个项目一个支部”的建设模式,落实责任。\n"
    )
    found = adopts(extractor, text)
    assert found == {("甲乙经济开发区党工委", "一个项目一个支部建设模式")}


def test_a_park_named_by_its_short_name_adopts_not_its_committee(extractor: Extractor) -> None:
    text = (
        "衢州高新技术产业开发区(以下简称衢州高新区)党工委召开会议。"
        "\n2024年,衢州高新区在全市率先推行“双轨运行”管理机制。\n"
    )
    found = adopts(extractor, text)
    assert found == {("衢州高新技术产业开发区", "双轨运行管理机制")}


def test_the_unit_a_speaker_reports_on_adopts_not_the_speaker_s(extractor: Extractor) -> None:
    found = adopts(extractor, "示例县副县长王明在会上说,丙丁镇率先推行“链上党建”机制。")
    assert found == {("丙丁镇", "链上党建机制")}


def test_a_demonstrative_refers_to_the_unit_whose_name_it_ends_with(extractor: Extractor) -> None:
    text = "示例县位于东部。丙丁镇成立了甲乙产业党建联盟。据了解,该联盟采用“1+4+N”组织架构。"
    found = adopts(extractor, text)
    assert found == {("甲乙产业党建联盟", "1+4+N组织架构")}


def test_a_place_inside_an_object_s_name_is_not_the_adopter(extractor: Extractor) -> None:
    text = (
        "丙丁镇党建纪实\n丙丁镇隶属清河县。\n"
        "近年来,镇里把清河县甲乙果蔬种植专业合作社作为主阵地,探索出“村企+农户”联建模式。"
    )
    found = adopts(extractor, text)
    assert found == {("丙丁镇", "村企+农户联建模式")}


def test_a_branch_named_after_a_place_does_not_make_the_place_the_paragraph_s_actor(
    extractor: Extractor,
) -> None:
    text = "示例县党建纪实\n示例县位于东部。丙丁小镇支部号召党员创先争优。实施“双带双进”计划。"
    found = adopts(extractor, text)
    assert ("示例县", "双带双进计划") in found


def test_an_article_about_a_place_s_park_committee_is_about_the_committee(extractor: Extractor) -> None:
    text = (
        "清河县甲乙科技园党委扎实推进非公党建\n“一园一策”:把引领抓在前\n"
        "甲乙科技园党委组建功能型党支部。园区党委牵头成立联盟。"
    )
    found = adopts(extractor, text)
    assert found and all(head.endswith("甲乙科技园党委") for head, _ in found)


def test_a_partner_of_the_subject_is_not_the_adopter(extractor: Extractor) -> None:
    text = (
        "示例县工业园区党工委召开会议。\n近些年,携手甲乙科技有限公司党委组建联盟,一套“链上共建”机制随之建立。"
    )
    found = adopts(extractor, text)
    assert found == {("示例县工业园区党工委", "链上共建机制")}


def test_a_clause_opening_with_the_bare_end_of_a_unit_s_name_speaks_of_that_unit(
    extractor: Extractor,
) -> None:
    text = "示例县位于东部。示例县成立了甲乙产业党建联盟。联盟采用“1+4+N”组织架构。"
    assert adopts(extractor, text) == {("甲乙产业党建联盟", "1+4+N组织架构")}


def test_a_bare_unit_word_may_open_a_later_clause_of_the_sentence(extractor: Extractor) -> None:
    text = (
        "示例县位于东部。甲乙大厦党群服务中心正式启动。示例县还在推进。"
        "从功能看,中心将以平台为依托,着力叫响“红色引擎”这一党建品牌。"
    )
    assert adopts(extractor, text) == {("甲乙大厦党群服务中心", "红色引擎党建品牌")}


def test_a_title_naming_a_practice_does_not_guess_an_adopter_the_text_states(extractor: Extractor) -> None:
    text = "园区党建有了温度:“一站一中心”\n示例县位于东部。丙丁镇党委探索推行“一站一中心”。"
    assert adopts(extractor, text) == {("丙丁镇党委", "一站一中心")}


def test_the_adopter_the_text_states_outranks_the_one_its_headline_gives(extractor: Extractor) -> None:
    text = (
        "示例县探索“2+N”架构\n示例县位于东部。丙丁镇成立了甲乙产业党建联盟。据了解,该联盟采用“2+N”组织架构。"
    )
    assert adopts(extractor, text) == {("甲乙产业党建联盟", "2+N组织架构")}


def test_a_unit_written_right_before_the_practice_owns_it(extractor: Extractor) -> None:
    text = "示例县工业园区举行活动,发布甲乙物流有限公司“小青鸟”党建品牌。"
    assert adopts(extractor, text) == {("甲乙物流有限公司", "小青鸟党建品牌")}


def test_the_unit_a_body_has_act_adopts_not_that_body(extractor: Extractor) -> None:
    found = adopts(extractor, "示例县委组织部指导示例县工业园区党工委推行“红色代办”机制。")
    assert found == {("示例县工业园区党工委", "红色代办机制")}


def test_a_practice_single_quoted_inside_a_speech_is_adopted(extractor: Extractor) -> None:
    text = "示例县工业园区党工委书记李明说:“我们推行‘红色代办’机制,企业很满意。”"
    assert adopts(extractor, text) == {("示例县工业园区党工委", "红色代办机制")}


def test_a_demonstrative_subject_adopts_not_the_place_it_acts_in(extractor: Extractor) -> None:
    text = "示例县深入推进产业链党建。该县还在示例经济开发区推行“链长+书记”工作机制。"
    assert adopts(extractor, text) == {("示例县", "链长+书记工作机制")}


def test_units_joined_to_the_subject_adopt_the_practice_too(extractor: Extractor) -> None:
    text = "甲乙科技有限公司党支部和丙丁物流有限公司党支部共同推行“双向培养”机制。"
    found = adopts(extractor, text)
    assert found == {
        ("甲乙科技有限公司党支部", "双向培养机制"),
        ("丙丁物流有限公司党支部", "双向培养机制"),
    }


def test_a_demonstrative_after_a_speaker_refers_to_the_adopter(extractor: Extractor) -> None:
    text = "甲乙科技有限公司是龙头企业。据示例县工业园区党工委书记李明介绍,该公司推行“三亮三比”工作法。"
    assert adopts(extractor, text) == {("甲乙科技有限公司", "三亮三比工作法")}


def test_a_unit_opening_the_practice_s_own_clause_adopts_it(extractor: Extractor) -> None:
    found = adopts(
        extractor,
        "青山经济技术开发区:以党建引领产业集聚\n"
        "开发区党工委推行“党建+服务”模式,示例科技有限公司党支部创建了“红色工匠”品牌。",
    )
    assert ("示例科技有限公司党支部", "红色工匠品牌") in found
    assert ("青山经济技术开发区党工委", "红色工匠品牌") not in found
    assert ("青山经济技术开发区党工委", "党建+服务模式") in found


def test_a_bare_company_word_after_a_speaker_is_the_company_just_named(extractor: Extractor) -> None:
    text = (
        "示例新材料股份有限公司参加了会议。"
        "样板电子有限公司党委书记、董事长陈佳怡说,公司将继续推行“党建+生产”工作模式。"
    )
    assert adopts(extractor, text) == {("样板电子有限公司", "党建+生产工作模式")}


@pytest.mark.parametrize("verb", ["打响", "擦亮", "叫响", "总结提炼出", "创设"])
def test_a_brand_made_known_is_adopted(extractor: Extractor, verb: str) -> None:
    text = f"示例县工业园区党委{verb}“红色领航”,取得明显成效。"
    assert adopts(extractor, text) == {("示例县工业园区党委", "红色领航")}


@pytest.mark.parametrize(
    ("text", "practice"),
    [
        ("示例高新区以“动力谷先锋”为品牌,组建产业链党委。", "动力谷先锋"),
        (
            "开发区党工委构建起以“党工委统筹、部门联动、企业参与”为内容的融合发展体系。",
            "党工委统筹、部门联动、企业参与",
        ),
    ],
)
def test_a_quote_framed_by_yi_and_wei_is_the_practice_alone(
    extractor: Extractor, text: str, practice: str
) -> None:
    facts = extractor.extract(text, DocumentInfo(id="d1", source="d1.txt"))
    assert {e.name for e in facts.entities if e.type == "Practice"} == {practice}


def test_practices_named_by_a_count_need_no_quotes(extractor: Extractor) -> None:
    found = adopts(
        extractor, "示例县工业园区党委推行六联工作法,建立三级联动机制、双培双带工程和一企一策帮扶机制。"
    )
    committee = "示例县工业园区党委"
    practices = ("六联工作法", "三级联动机制", "双培双带工程", "一企一策帮扶机制")
    assert found == {(committee, practice) for practice in practices}


def test_a_count_of_counts_names_a_practice(extractor: Extractor) -> None:
    found = adopts(extractor, "示例县工业园区党委在企业党组织中全面实施三个一工程,即每个企业建一个阵地。")
    assert found == {("示例县工业园区党委", "三个一工程")}


def test_a_quoted_count_of_actions_taken_up_as_the_handle_of_the_work_is_a_practice(
    extractor: Extractor,
) -> None:
    text = "示例县工业园区党委以“四个推动”为抓手,全面推进党支部标准化建设。整体推进“两个覆盖”。"
    assert adopts(extractor, text) == {("示例县工业园区党委", "四个推动")}


@pytest.mark.parametrize(
    "text",
    [
        "示例县工业园区党委探索一种新模式。",
        "示例县工业园区党委实施三年行动计划。",
        "示例县工业园区党委实施三个工程。",
    ],
)
def test_a_count_of_kinds_or_of_years_names_no_practice(extractor: Extractor, text: str) -> None:
    assert adopts(extractor, text) == set()


def test_a_one_this_one_that_formula_naming_a_branch_is_a_practice(extractor: Extractor) -> None:
    found = adopts(extractor, "示例县工业园区党委推行“一支部一品牌”创建。")
    assert found == {("示例县工业园区党委", "一支部一品牌")}


def test_a_quoted_kind_of_unit_is_no_practice(extractor: Extractor) -> None:
    text = "“星火初燃”工程迸发“两新”党建新活力。园区突出“两新组织”的党建在服务企业中的作用。"
    facts = extractor.extract(text, DocumentInfo(id="d1", source="d1.txt"))
    assert {e.name for e in facts.entities if e.type == "Practice"} == {"星火初燃工程"}


@pytest.mark.parametrize(
    "text", ["衢江镇主动融入“南北转型”战略,主动作为。", "衢江镇围绕“三高四新”战略定位开展学习。"]
)
def test_a_development_strategy_is_no_practice(extractor: Extractor, text: str) -> None:
    facts = extractor.extract(text, DocumentInfo(id="d1", source="d1.txt"))
    assert not [e for e in facts.entities if e.type == "Practice"]


def test_a_park_word_opening_a_clause_adopts_for_the_park(extractor: Extractor) -> None:
    text = "衢江经开区位于衢州市。衢江经开区党工委委员韩蕾介绍,经开区还同步推行“链长+书记”双链机制。"
    assert adopts(extractor, text) == {("衢江经开区", "链长+书记双链机制")}


def test_a_park_word_qualifying_its_party_building_adopts_for_its_committee(extractor: Extractor) -> None:
    text = (
        "衢江经开区位于衢州市,衢江经开区党工委下设两个党支部。"
        "在日常运转中,园区党建工作遵循“党委部署、支部运行”的体系。"
    )
    assert adopts(extractor, text) == {("衢江经开区党工委", "党委部署、支部运行体系")}


def test_the_unit_before_a_verb_that_made_the_practice_owns_it(extractor: Extractor) -> None:
    text = "白沙市领导实地察看了党群服务中心,了解青禾经济开发区探索的“一区多园”型园区党建模式。"
    assert ("青禾经济开发区", "一区多园型园区党建模式") in adopts(extractor, text)
