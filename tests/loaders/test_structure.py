"""Structural relations read from lists, chains and names: COVERS, SUBORDINATE_TO, PART_OF, LOCATED_IN.

Each test writes one invented sentence of a construction and checks head, tail and direction.
"""

from __future__ import annotations

import pytest

from parkgraph.graph.facts import DocumentFacts, DocumentInfo
from parkgraph.loaders.extractor import Extractor


def relations(extractor: Extractor, text: str, type_: str) -> set[tuple[str, str]]:
    facts: DocumentFacts = extractor.extract(text, DocumentInfo(id="d1", source="d1.txt"))
    names = {e.id: e.name for e in facts.entities}
    return {(names[r.head], names[r.tail]) for r in facts.relations if r.type == type_}


ACME, BOLT, CORE = "甲乙科技有限公司", "丙丁机械有限公司", "戊己电子有限公司"


def test_units_listed_before_a_joint_branch_is_formed_are_covered(extractor: Extractor) -> None:
    text = f"示例县工业园区把{ACME}、{BOLT}和{CORE}的党员集中起来,组建了示例县工业园区联合党支部。"
    branch = "示例县工业园区联合党支部"
    assert relations(extractor, text, "COVERS") == {(branch, ACME), (branch, BOLT), (branch, CORE)}


def test_units_after_by_that_form_the_joint_branch_described_are_covered(extractor: Extractor) -> None:
    text = f"园区党委成员还包括{CORE}党支部,以及由{ACME}、{BOLT}等5家企业联合组建的示例县工业园区联合党支部。"
    branch = "示例县工业园区联合党支部"
    assert relations(extractor, text, "COVERS") == {(branch, ACME), (branch, BOLT)}


def test_units_a_leader_brings_in_form_the_body_described_and_are_covered(extractor: Extractor) -> None:
    text = f"由{ACME}牵头,联合{BOLT}于2021年共同发起成立的中共示例大厦楼宇委员会。"
    assert {tail for _, tail in relations(extractor, text, "COVERS")} == {ACME, BOLT}


def test_units_named_before_a_joint_branch_formed_elsewhere_are_not_its_members(extractor: Extractor) -> None:
    text = (
        f"示例产业园是由{CORE}投资建设的平台,其中{ACME}、{BOLT}已成立党支部,此次成立的联合党支部覆盖8家企业。"
    )
    assert relations(extractor, text, "COVERS") == set()


def test_a_list_of_short_names_before_a_count_of_enterprises_is_covered(extractor: Extractor) -> None:
    text = "园区把甲乙科技、丙丁机械和戊己电子等三家企业的党员集中起来,组建了示例县工业园区联合党支部。"
    branch = "示例县工业园区联合党支部"
    members = ("甲乙科技", "丙丁机械", "戊己电子")
    assert relations(extractor, text, "COVERS") == {(branch, name) for name in members}


def test_a_list_after_a_comma_and_a_joiner_starts_at_its_first_name(extractor: Extractor) -> None:
    text = "把三个村的党支部,与甲乙农场、丙丁农场等企业的党组织整合到一起,成立了示例园区党总支。"
    covered = {tail for _, tail in relations(extractor, text, "COVERS")}
    assert covered == {"甲乙农场", "丙丁农场"}


def test_a_body_formed_by_listed_enterprises_covers_them(extractor: Extractor) -> None:
    text = f"示例高新区综合党委由{ACME}、{BOLT}联合组建。"
    committee = "示例高新区综合党委"
    assert relations(extractor, text, "COVERS") == {(committee, ACME), (committee, BOLT)}


def test_a_listed_joint_body_then_a_comma_and_its_formers_covers_them(extractor: Extractor) -> None:
    text = f"示例高新区党工委决定组建以下联合党支部:\n一、示例高新区电子信息联合党支部,由{ACME}、{BOLT}组成。"
    branch = "示例高新区电子信息联合党支部"
    assert relations(extractor, text, "COVERS") == {(branch, ACME), (branch, BOLT)}


def test_a_joint_body_formed_then_said_to_be_made_of_units_covers_them(extractor: Extractor) -> None:
    text = f"在示例镇党委的指导下,示例工业园区联合党委正式成立,由{ACME}、{BOLT}等企业党支部共同组成。"
    committee = "示例工业园区联合党委"
    assert relations(extractor, text, "COVERS") == {(committee, ACME), (committee, BOLT)}


def test_a_leader_and_the_units_it_joins_in_forming_a_branch_are_covered(extractor: Extractor) -> None:
    text = f"示例大厦党支部由{ACME}牵头,联合楼内{BOLT}、{CORE}等9家单位共同组建。"
    branch = "示例大厦党支部"
    assert relations(extractor, text, "COVERS") == {(branch, ACME), (branch, BOLT), (branch, CORE)}


def test_the_items_a_summing_up_line_points_back_to_answer_to_the_body_it_names(
    extractor: Extractor,
) -> None:
    text = (
        "示例高新区党群工作部关于公布联合党支部组建情况的通知\n"
        "经研究,决定组建以下联合党支部:\n"
        f"一、示例高新区电子信息联合党支部,由{ACME}、{BOLT}组成。\n"
        f"二、示例高新区现代服务业联合党支部,由{CORE}、庚辛人力资源服务有限公司组成。\n"
        "以上联合党支部隶属示例高新区非公有制企业综合党委管理。"
    )
    facts = extractor.extract(text, DocumentInfo(id="d1", source="d1.txt"))
    misread = ("公布", "下联合党支部", "上联合党支部")
    assert not [e.name for e in facts.entities if any(word in e.name for word in misread)]
    committee = "示例高新区非公有制企业综合党委"
    assert relations(extractor, text, "SUBORDINATE_TO") == {
        ("示例高新区电子信息联合党支部", committee),
        ("示例高新区现代服务业联合党支部", committee),
    }


def test_listed_branches_joining_a_joint_committee_come_under_it(extractor: Extractor) -> None:
    text = f"{ACME}党支部、{BOLT}党支部一起组成了示例高新区联合党委。"
    committee = "示例高新区联合党委"
    assert relations(extractor, text, "SUBORDINATE_TO") == {
        (f"{ACME}党支部", committee),
        (f"{BOLT}党支部", committee),
    }
    assert relations(extractor, text, "COVERS") == {(committee, ACME), (committee, BOLT)}


def test_one_subject_forming_a_joint_body_is_no_member(extractor: Extractor) -> None:
    text = f"{ACME}牵头成立了示例高新区联合党委。"
    assert relations(extractor, text, "COVERS") == set()


@pytest.mark.parametrize("forming", ["的成立,是", "的成立是", "的组建,正是"])
def test_a_body_whose_forming_was_guided_by_listed_bodies_answers_to_each(
    extractor: Extractor, forming: str
) -> None:
    text = f"示例产业园联合党支部{forming}在丽天区两新党委、金禾集团党委和青禾街道党工委的指导下完成的。"
    found = relations(extractor, text, "SUBORDINATE_TO")
    assert found == {
        ("示例产业园联合党支部", upper) for upper in ("丽天区两新党委", "金禾集团党委", "青禾街道党工委")
    }


def test_a_body_a_forming_clause_describes_after_a_lead_answers_to_the_lead(extractor: Extractor) -> None:
    text = (
        "在衢江区两新组织党委指导下,由青禾科技有限公司、东港电子有限公司等5家企业联合组建的"
        "青禾微电子联合党支部正式成立。"
    )
    found = relations(extractor, text, "SUBORDINATE_TO")
    assert found == {("青禾微电子联合党支部", "衢江区两新组织党委")}


@pytest.mark.parametrize("trigger", ["隶属", "隶属于"])
def test_a_body_a_clause_of_belonging_qualifies_answers_to_its_upper(
    extractor: Extractor, trigger: str
) -> None:
    text = f"{trigger}衢江区委的青禾大厦党总支挂牌成立。"
    assert relations(extractor, text, "SUBORDINATE_TO") == {("青禾大厦党总支", "衢江区委")}


def test_bodies_that_jointly_initiate_a_joint_branch_are_covered(extractor: Extractor) -> None:
    text = "示例市外贸商协会联合党支部由示例市进出口商会和示例市跨境电子商务协会及其党员联合发起。"
    branch = "示例市外贸商协会联合党支部"
    assert relations(extractor, text, "COVERS") == {
        (branch, "示例市进出口商会"),
        (branch, "示例市跨境电子商务协会"),
    }


def test_a_body_guided_by_listed_bodies_answers_to_each(extractor: Extractor) -> None:
    text = "该联合党支部由示例集团党委、示例县两新工委共同指导组建。"
    found = relations(extractor, text, "SUBORDINATE_TO")
    assert {tail for _, tail in found} == {"示例集团党委", "示例县两新工委"}
    assert all(head.endswith("联合党支部") for head, _ in found)


def test_branches_a_committee_sets_up_come_under_it(extractor: Extractor) -> None:
    text = f"示例高新区综合党委下设两个党支部，即{ACME}党支部和{BOLT}党支部。"
    assert relations(extractor, text, "SUBORDINATE_TO") == {
        (f"{ACME}党支部", "示例高新区综合党委"),
        (f"{BOLT}党支部", "示例高新区综合党委"),
    }


@pytest.mark.parametrize("formal", ["", "中共"])
def test_branches_a_committee_sets_up_listed_in_brackets_after_their_count_come_under_it(
    extractor: Extractor, formal: str
) -> None:
    text = f"前言\n示例高新区综合党委下设两个党支部({formal}{ACME}党支部和{formal}{BOLT}党支部)。"
    assert relations(extractor, text, "SUBORDINATE_TO") == {
        (f"{ACME}党支部", "示例高新区综合党委"),
        (f"{BOLT}党支部", "示例高新区综合党委"),
    }


def test_a_listed_branch_that_names_no_unit_does_not_end_the_list(extractor: Extractor) -> None:
    text = f"此外,示例集团党委下属{ACME}党支部、开发公司党支部、{BOLT}党支部也参与共建。"
    assert relations(extractor, text, "SUBORDINATE_TO") == {
        (f"{ACME}党支部", "示例集团党委"),
        (f"{BOLT}党支部", "示例集团党委"),
    }


def test_industry_alliance_branches_counted_after_their_names_come_under_the_setter(
    extractor: Extractor,
) -> None:
    text = "示例综保区综合党委下设平行车、油脂、仓储物流三大产业联盟党支部。"
    assert relations(extractor, text, "SUBORDINATE_TO") == {
        (f"{name}产业联盟党支部", "示例综保区综合党委") for name in ("平行车", "油脂", "仓储物流")
    }


def test_branches_listed_after_belonging_come_under_the_owner(extractor: Extractor) -> None:
    text = f"楼内另有三个党支部隶属示例高新区综合党委，分别为：{ACME}党支部，{BOLT}党支部，以及{CORE}党支部。"
    assert relations(extractor, text, "SUBORDINATE_TO") == {
        (f"{name}党支部", "示例高新区综合党委") for name in (ACME, BOLT, CORE)
    }


@pytest.mark.parametrize("verb", ["所属", "所辖"])
def test_branches_a_committee_owns_come_under_it_without_the_verb_in_their_name(
    extractor: Extractor, verb: str
) -> None:
    text = f"示例高新区综合党委{verb}{ACME}党支部和{BOLT}党支部开展联学。"
    assert relations(extractor, text, "SUBORDINATE_TO") == {
        (f"{ACME}党支部", "示例高新区综合党委"),
        (f"{BOLT}党支部", "示例高新区综合党委"),
    }


def test_a_set_up_verb_with_another_body_before_it_names_no_setter(extractor: Extractor) -> None:
    text = "在示例高新区党工委下设党群工作部,专职负责党建工作,根据产业类别组建机械制造、电子信息2个行业党委。"
    assert relations(extractor, text, "SUBORDINATE_TO") == set()
    assert relations(extractor, text, "PART_OF") == {("示例高新区党群工作部", "示例高新区党工委")}


def test_listed_bodies_counted_with_their_kind_are_named_with_it(extractor: Extractor) -> None:
    text = "示例陶瓷行业党委隶属示例经开区党工委,下设日用瓷、电瓷电器、艺术瓷3个产业党总支。"
    assert {
        (f"{kind}产业党总支", "示例陶瓷行业党委") for kind in ("日用瓷", "电瓷电器", "艺术瓷")
    } <= relations(extractor, text, "SUBORDINATE_TO")


def test_bodies_ranked_in_layers_answer_to_the_layer_above(extractor: Extractor) -> None:
    text = (
        "示例高新区构建以示例高新区党工委为核心,以青禾综合党委、丽天行业党委为骨干,"
        f"以N个企业党支部为基础的组织体系。{ACME}党支部隶属于青禾综合党委。"
    )
    assert relations(extractor, text, "SUBORDINATE_TO") >= {
        ("青禾综合党委", "示例高新区党工委"),
        ("丽天行业党委", "示例高新区党工委"),
    }


def test_a_body_added_to_the_core_answers_to_it(extractor: Extractor) -> None:
    text = "示例高新区推行“1+1+N”模式,即以示例高新区党工委作为区域核心,加上青禾联合党委,再加上N个企业党组织。"
    assert ("示例高新区青禾联合党委", "示例高新区党工委") in relations(extractor, text, "SUBORDINATE_TO")


def test_a_joint_branch_set_against_the_one_before_still_takes_in_the_units_it_is_formed_of(
    extractor: Extractor,
) -> None:
    text = f"青禾商城联合党支部则由{ACME}、{BOLT}等12家商户的党员联合组建。"
    assert relations(extractor, text, "COVERS") == {
        ("青禾商城联合党支部", ACME),
        ("青禾商城联合党支部", BOLT),
    }


def test_a_body_named_by_a_one_character_sector_lists_the_branches_it_has(extractor: Extractor) -> None:
    first, second = "浙江丽天新材料有限公司", "江苏衢州钛业有限公司"
    text = (
        f"示例高新区党工委下设非公党委。钛产业党总支隶属非公党委,所辖党支部有{first}党支部、{second}党支部。"
    )
    assert relations(extractor, text, "SUBORDINATE_TO") >= {
        ("钛产业党总支", "示例高新区非公党委"),
        (f"{first}党支部", "钛产业党总支"),
        (f"{second}党支部", "钛产业党总支"),
    }


def test_a_determiner_before_a_sector_word_names_no_body(extractor: Extractor) -> None:
    facts = extractor.extract(
        "示例高新区党工委指导该产业党总支开展活动。", DocumentInfo(id="d1", source="d1.txt")
    )
    assert "该产业党总支" not in {e.name for e in facts.entities}


def test_branches_an_adverb_of_time_puts_under_a_committee_answer_to_it(extractor: Extractor) -> None:
    text = f"{ACME}党支部、{BOLT}党支部已先后划归青禾高新区综合党委管理。"
    assert relations(extractor, text, "SUBORDINATE_TO") == {
        (f"{ACME}党支部", "青禾高新区综合党委"),
        (f"{BOLT}党支部", "青禾高新区综合党委"),
    }


def test_a_list_opening_its_clause_put_under_a_committee_s_management_is_taken_in(
    extractor: Extractor,
) -> None:
    text = f"综合党委成立后,{ACME}党支部、{BOLT}党支部统一纳入青禾高新区综合党委管理。"
    assert {(f"{ACME}党支部", "青禾高新区综合党委"), (f"{BOLT}党支部", "青禾高新区综合党委")} <= relations(
        extractor, text, "SUBORDINATE_TO"
    )


def test_a_body_named_after_an_aside_on_whose_branch_it_is_answers_to_that_body(extractor: Extractor) -> None:
    text = f"作为青禾高新区综合党委下属的支部,{ACME}党支部共有党员21名。"
    assert relations(extractor, text, "SUBORDINATE_TO") == {(f"{ACME}党支部", "青禾高新区综合党委")}


def test_a_body_whose_party_relations_move_to_another_answers_to_it(extractor: Extractor) -> None:
    text = f"去年5月,{ACME}党支部的组织关系从青禾高新区党工委转入青禾高新区综合党委。"
    assert (f"{ACME}党支部", "青禾高新区综合党委") in relations(extractor, text, "SUBORDINATE_TO")


def test_a_joint_branch_s_member_units_listed_after_a_verb_of_having_are_covered(
    extractor: Extractor,
) -> None:
    text = "青禾物流产业园联合党支部成员单位有丽天物流、衢州快运、示例供应链三家企业。"
    assert relations(extractor, text, "COVERS") == {
        ("青禾物流产业园联合党支部", name) for name in ("丽天物流", "衢州快运", "示例供应链")
    }


def test_a_short_name_declared_for_a_listed_company_breaks_no_list(extractor: Extractor) -> None:
    text = f"青禾高新区产业链党委覆盖{ACME}(简称“甲乙科技”)、{BOLT}、{CORE}等47家企业。"
    assert relations(extractor, text, "COVERS") == {("青禾高新区产业链党委", n) for n in (ACME, BOLT, CORE)}


def test_listed_alliances_counted_with_their_member_kind_are_named_with_it(extractor: Extractor) -> None:
    facts = extractor.extract(
        "示例开发区组建了智能制造、食品饮料、生物医药三大非公企业党建联盟。",
        DocumentInfo(id="d1", source="d1.txt"),
    )
    assert {e.name for e in facts.entities if e.type == "Organization"} == {
        f"{kind}非公企业党建联盟" for kind in ("智能制造", "食品饮料", "生物医药")
    }


def test_a_count_of_bodies_of_a_kind_belonging_to_one_speaks_of_those_the_document_names(
    extractor: Extractor,
) -> None:
    text = (
        "示例高新区组建了青禾综合党委、丽天综合党委。示例高新区党工委介绍,2个综合党委均隶属示例高新区党工委。"
    )
    assert relations(extractor, text, "SUBORDINATE_TO") >= {
        ("青禾综合党委", "示例高新区党工委"),
        ("丽天综合党委", "示例高新区党工委"),
    }
    # the document names two of the four: those two answer to it
    some_named = text.replace("2个综合党委", "4个综合党委")
    assert relations(extractor, some_named, "SUBORDINATE_TO") >= {
        ("青禾综合党委", "示例高新区党工委"),
        ("丽天综合党委", "示例高新区党工委"),
    }
    # it names more than it counts: which of them is meant is not said
    miscounted = text.replace("2个综合党委", "1个综合党委")
    assert relations(extractor, miscounted, "SUBORDINATE_TO") == set()


def test_a_joint_body_named_again_takes_in_the_members_listed_after_who_leads_it(
    extractor: Extractor,
) -> None:
    text = (
        "青禾高新区装备制造产业链联合党委正式成立。这个联合党委在青禾高新区党工委的统一领导下开展工作,"
        f"成员单位包括{ACME}党委、{BOLT}党支部。"
    )
    assert relations(extractor, text, "COVERS") == {
        ("青禾高新区装备制造产业链联合党委", ACME),
        ("青禾高新区装备制造产业链联合党委", BOLT),
    }


def test_a_dash_chain_reads_top_down(extractor: Extractor) -> None:
    text = f"形成“示例高新区党工委—示例高新区综合党委—{ACME}党支部”的链条。"
    assert relations(extractor, text, "SUBORDINATE_TO") == {
        ("示例高新区综合党委", "示例高新区党工委"),
        (f"{ACME}党支部", "示例高新区综合党委"),
    }


def test_a_dash_chain_read_bottom_up_turns_around(extractor: Extractor) -> None:
    text = f"自下而上形成“{ACME}党支部—示例高新区综合党委—示例高新区党工委”的链条。"
    assert relations(extractor, text, "SUBORDINATE_TO") == {
        ("示例高新区综合党委", "示例高新区党工委"),
        (f"{ACME}党支部", "示例高新区综合党委"),
    }


def test_a_body_dispatched_by_a_government_answers_to_it(extractor: Extractor) -> None:
    text = "示例开发区管委会是示例县政府派出的机构。"
    assert relations(extractor, text, "SUBORDINATE_TO") == {("示例开发区管委会", "示例县政府")}


def test_a_list_goes_on_past_an_items_other_name_in_brackets(extractor: Extractor) -> None:
    text = "示例高新区党工委下设党群工作部、组织部(人才工作局)、宣传部等工作机构。"
    parts = {head for head, tail in relations(extractor, text, "PART_OF") if tail == "示例高新区党工委"}
    assert {"示例高新区组织部", "示例高新区宣传部"} <= parts


def test_departments_listed_after_a_kind_and_a_colon_are_parts_of_the_organ(extractor: Extractor) -> None:
    text = "青溪经济开发区概况\n青溪经济开发区管委会内设机构:综合办公室、经济发展局、投资促进局、建设局。"
    parts = {head for head, tail in relations(extractor, text, "PART_OF") if tail == "青溪经济开发区管委会"}
    assert parts == {"综合办公室", "经济发展局", "投资促进局", "建设局"}


def test_a_department_named_after_its_committee_is_part_of_it(extractor: Extractor) -> None:
    text = "示例县委常委、示例县委组织部部长张明说。"
    assert ("示例县委组织部", "示例县委") in relations(extractor, text, "PART_OF")


def test_a_park_named_with_a_short_city_name_lies_in_that_city(extractor: Extractor) -> None:
    text = "样板市委书记王明到样板高新技术产业开发区调研。样板高新技术产业开发区发展很快。"
    assert ("样板高新技术产业开发区", "样板市") in relations(extractor, text, "LOCATED_IN")


def test_a_short_county_after_a_province_places_the_park_in_the_county(extractor: Extractor) -> None:
    text = "浙江样板经济开发区召开大会。样板县委书记王明出席。"
    assert relations(extractor, text, "LOCATED_IN") == {("样板经济开发区", "样板县"), ("样板县", "浙江省")}


def test_a_region_read_only_out_of_a_company_name_places_nothing(extractor: Extractor) -> None:
    assert relations(extractor, "浙江甲乙科技有限公司召开大会。", "LOCATED_IN") == set()


def test_a_company_in_a_park_article_lies_in_the_park_not_its_name_region(extractor: Extractor) -> None:
    text = "示例县工业园区召开大会。上海甲乙科技有限公司是园区企业。示例县工业园区发展很快。"
    assert relations(extractor, text, "LOCATED_IN") == {("上海甲乙科技有限公司", "示例县工业园区")}


def test_an_organ_of_a_region_committee_does_not_lie_in_the_park(extractor: Extractor) -> None:
    text = "示例县工业园区召开大会。省委组织部到园区调研。示例县工业园区发展很快。"
    assert ("省委组织部", "示例县工业园区") not in relations(extractor, text, "LOCATED_IN")


def test_only_regions_one_level_below_the_articles_region_lie_in_it(extractor: Extractor) -> None:
    text = "浙江省召开大会。示例县、样板市参加。"
    assert relations(extractor, text, "LOCATED_IN") == {("样板市", "浙江省")}


def test_a_county_level_city_lies_in_the_articles_city_the_gazetteer_puts_it_in(extractor: Extractor) -> None:
    text = "金华市召开园区党建大会。义乌市作交流发言。"
    assert relations(extractor, text, "LOCATED_IN") == {("义乌市", "金华市")}


def test_a_department_under_a_level_word_is_part_of_the_one_committee(
    extractor: Extractor,
) -> None:
    text = "示例县委常委、县委组织部部长张明说。"
    assert relations(extractor, text, "PART_OF") == {("示例县委组织部", "示例县委")}


def test_a_park_named_once_in_passing_is_no_sub_park_but_one_named_again_is(extractor: Extractor) -> None:
    main = "示例县工业园区召开大会。示例县工业园区是省级园区,示例县工业园区发展很快,示例县工业园区很美。"
    once = main + "样板镇物流园区的企业参加了大会。"
    assert relations(extractor, once, "PART_OF") == set()
    twice = once + "样板镇物流园区发展很快。"
    assert relations(extractor, twice, "PART_OF") == {("样板镇物流园区", "示例县工业园区")}


def test_a_body_lies_in_the_article_park_only_where_its_sentence_places_it(extractor: Extractor) -> None:
    text = (
        "样板经济开发区党建纪实。样板经济开发区召开大会,样板物流协会在开发区作交流发言。"
        "样板经济开发区对园区内社会组织进行整合,成立了甲乙快递业协会。"
    )
    located = relations(extractor, text, "LOCATED_IN")
    assert ("甲乙快递业协会", "样板经济开发区") in located
    assert ("样板物流协会", "样板经济开发区") not in located


def test_a_bare_kind_of_enterprise_is_placed_nowhere(extractor: Extractor) -> None:
    text = "样板经济开发区党建纪实。样板经济开发区发展很快。甲乙集团董事长张明(同时任集团党委书记)陪同。"
    located = relations(extractor, text, "LOCATED_IN")
    assert ("甲乙集团", "样板经济开发区") in located
    assert ("集团", "样板经济开发区") not in located


def test_what_a_jurisdiction_names_lies_in_the_place_named_before_it(extractor: Extractor) -> None:
    text = "示例市公布名单,样板区一口气入选39家;辖区内的甲乙创意园、丙丁商务园成为首批百亿园区。"
    located = relations(extractor, text, "LOCATED_IN")
    assert {("甲乙创意园", "样板区"), ("丙丁商务园", "样板区")} <= located
    assert ("甲乙创意园", "示例市") not in located


def test_a_place_written_after_a_chain_of_places_lies_in_the_last(extractor: Extractor) -> None:
    text = f"{ACME}位于示例县样板镇,是一家老企业。"
    assert (ACME, "样板镇") in relations(extractor, text, "LOCATED_IN")
    assert (ACME, "示例县") not in relations(extractor, text, "LOCATED_IN")


def test_what_a_places_de_names_lies_in_that_place(extractor: Extractor) -> None:
    text = "坐落在示例县样板镇的样板经济开发区有三十家企业。样板经济开发区很美。"
    assert ("样板经济开发区", "样板镇") in relations(extractor, text, "LOCATED_IN")


def test_a_list_after_a_places_de_lies_in_it_but_not_the_next_clause(extractor: Extractor) -> None:
    text = f"样板经济开发区的{ACME}、{BOLT}双双入选。样板经济开发区很美。"
    assert {(ACME, "样板经济开发区"), (BOLT, "样板经济开发区")} <= relations(extractor, text, "LOCATED_IN")
    text = "在浙江省的样板市,示例县正在推进园区党建。"
    assert relations(extractor, text, "LOCATED_IN") == {("样板市", "浙江省")}


def test_bodies_of_a_park_article_lie_in_the_park_but_the_regions_organs_do_not(extractor: Extractor) -> None:
    text = "示例县工业园区召开大会。园区成立了快递业协会,区纪委派员参加。示例县工业园区发展很快。"
    assert relations(extractor, text, "LOCATED_IN") == {("快递业协会", "示例县工业园区")}


COMMITTEE = "示例高新区综合党委"


def test_a_committee_taking_in_listed_units_covers_each(extractor: Extractor) -> None:
    text = f"{COMMITTEE}吸收{ACME}、{BOLT}等企业。"
    assert relations(extractor, text, "COVERS") == {(COMMITTEE, ACME), (COMMITTEE, BOLT)}


def test_units_brought_into_a_committee_are_covered_by_it(extractor: Extractor) -> None:
    text = f"把{ACME}、{BOLT}纳入{COMMITTEE}。"
    assert relations(extractor, text, "COVERS") == {(COMMITTEE, ACME), (COMMITTEE, BOLT)}


def test_member_units_of_a_joint_branch_are_covered(extractor: Extractor) -> None:
    text = f"示例高新区联合党支部成员单位包括{ACME}、{BOLT}和{CORE}。"
    branch = "示例高新区联合党支部"
    assert relations(extractor, text, "COVERS") == {(branch, name) for name in (ACME, BOLT, CORE)}


def test_partners_in_joint_building_are_not_covered(extractor: Extractor) -> None:
    text = f"{COMMITTEE}与{ACME}结对共建。"
    assert relations(extractor, text, "COVERS") == set()


def test_a_body_working_under_the_lead_of_another_answers_to_it(extractor: Extractor) -> None:
    text = f"在示例高新区党工委的领导下,{COMMITTEE}开展工作。"
    assert relations(extractor, text, "SUBORDINATE_TO") == {(COMMITTEE, "示例高新区党工委")}


def test_a_body_just_formed_goes_on_under_the_lead_of_another(extractor: Extractor) -> None:
    text = "示例高新区成立了非公企业综合党委,在示例高新区党工委领导下统筹指导园区党建工作。"
    expected = {("示例高新区非公企业综合党委", "示例高新区党工委")}
    assert relations(extractor, text, "SUBORDINATE_TO") == expected


def test_a_lead_given_in_some_manner_and_shared_makes_both_leaders(extractor: Extractor) -> None:
    text = "衢州高新区党工委在衢州市委的坚强领导和市委组织部的具体指导下,坚持以高质量党建引领发展。"
    assert relations(extractor, text, "SUBORDINATE_TO") >= {
        ("衢州高新区党工委", "衢州市委"),
        ("衢州高新区党工委", "衢州市委组织部"),
    }


def test_the_body_said_to_be_dispatched_before_it_is_named_answers_to_the_dispatcher(
    extractor: Extractor,
) -> None:
    text = "作为丽天区委的派出机构,衢州经济技术开发区党工委统一领导园区党建工作。"
    assert ("衢州经济技术开发区党工委", "丽天区委") in relations(extractor, text, "SUBORDINATE_TO")


def test_a_clause_with_no_subject_leads_on_from_the_bodies_opening_the_sentence(
    extractor: Extractor,
) -> None:
    text = "示例开发区党建\n衢州经济开发区党工委以自身为“1”,统筹五里园党委、安东园党委3个党委。"
    assert relations(extractor, text, "SUBORDINATE_TO") == {
        ("五里园党委", "衢州经济开发区党工委"),
        ("安东园党委", "衢州经济开发区党工委"),
    }
    text = "示例\n县委组织部、县委两新工委牵头抓总,统筹指导衢州高新技术产业园区党工委。"
    assert relations(extractor, text, "SUBORDINATE_TO") >= {
        ("衢州高新技术产业园区党工委", "县委组织部"),
        ("衢州高新技术产业园区党工委", "县委两新工委"),
    }


PARK_DOCUMENT = "衢州经济开发区党建工作纪实\n衢州经济开发区位于浙江省衢州市,现有企业300余家。"


@pytest.mark.parametrize(
    "said",
    [
        "智能制造联合党支部是开发区党工委成立的首个联合党支部。",
        "智能制造联合党支部由青禾科技有限公司联合发起,是开发区党工委批准成立的第一家联合党支部。",
    ],
)
def test_a_branch_said_to_be_formed_by_a_committee_answers_to_it(extractor: Extractor, said: str) -> None:
    pair = ("衢州经济开发区智能制造联合党支部", "衢州经济开发区党工委")
    assert pair in relations(extractor, PARK_DOCUMENT + said, "SUBORDINATE_TO")


def test_a_body_just_formed_leads_in_the_next_clause_under_unified_management(extractor: Extractor) -> None:
    text = PARK_DOCUMENT + "开发区成立非公企业综合党委,统一管理青禾科技有限公司党支部等12个企业党组织。"
    pair = ("青禾科技有限公司党支部", "衢州经济开发区非公企业综合党委")
    assert pair in relations(extractor, text, "SUBORDINATE_TO")


def test_bodies_dispatched_by_bodies_written_side_by_side_answer_to_them_in_order(
    extractor: Extractor,
) -> None:
    text = "示例\n衢州经济开发区2006年成立,开发区党工委、管委会为衢州市委市政府派出机构。"
    assert relations(extractor, text, "SUBORDINATE_TO") >= {
        ("衢州经济开发区党工委", "衢州市委"),
        ("衢州经济开发区管委会", "衢州市政府"),
    }


def test_a_list_that_all_belongs_to_a_committee_comes_under_it(extractor: Extractor) -> None:
    text = f"{ACME}党支部、{BOLT}党支部均隶属{COMMITTEE}。"
    assert relations(extractor, text, "SUBORDINATE_TO") == {
        (f"{ACME}党支部", COMMITTEE),
        (f"{BOLT}党支部", COMMITTEE),
    }


def test_a_bare_joint_word_refers_to_the_one_joint_body_named(extractor: Extractor) -> None:
    text = (
        f"示例县工业园区把{ACME}、{BOLT}的党员集中起来,组建了示例科创园联合党支部。"
        "这一联合党支部由示例集团党委指导组建。联合党支部共有十名党员。"
    )
    facts = extractor.extract(text, DocumentInfo(id="d1", source="d1.txt"))
    branches = [e for e in facts.entities if e.type == "Branch"]
    assert len(branches) == 1
    assert "联合党支部" in branches[0].aliases
    assert relations(extractor, text, "SUBORDINATE_TO") == {(branches[0].name, "示例集团党委")}


def test_a_committee_whose_relations_belong_to_a_city_committee_answers_to_it(extractor: Extractor) -> None:
    text = "示例高新区党工委的组织关系归属样板市委管理,日常工作由市委组织部负责指导。"
    assert ("示例高新区党工委", "样板市委") in relations(extractor, text, "SUBORDINATE_TO")
    assert ("样板市委组织部", "样板市委") in relations(extractor, text, "PART_OF")


def test_a_body_formed_at_one_unit_is_its_party_body(extractor: Extractor) -> None:
    text = f"示例县工业园区召开大会。在{ACME}成立了联合党支部。"
    assert {tail for _, tail in relations(extractor, text, "PARTY_ORG_OF")} == {ACME}


def test_a_body_formed_in_a_park_written_bare_is_that_parks(extractor: Extractor) -> None:
    text = (
        "示例高新区位于样板市东北部。区内的青禾大道商务区集聚了百余家企业,"
        "示例高新区党工委在商务区成立了楼宇综合党委。"
    )
    facts = extractor.extract(text, DocumentInfo(id="d1", source="d1.txt"))
    assert "青禾大道商务区楼宇综合党委" in {e.name for e in facts.entities}
    assert ("青禾大道商务区楼宇综合党委", "青禾大道商务区") in relations(extractor, text, "PARTY_ORG_OF")


def test_a_body_another_manages_on_its_behalf_answers_to_it(extractor: Extractor) -> None:
    text = "示例新区划分为三个网格。临港产业园党总支由新区经济发展局党支部代管。"
    found = relations(extractor, text, "SUBORDINATE_TO")
    assert found == {("临港产业园党总支", "新区经济发展局党支部")}


def test_a_clause_led_by_a_body_speaks_of_the_body_opening_the_clause_before(
    extractor: Extractor,
) -> None:
    text = (
        "示例街道党工委在科技城设立了5个党建服务站,"
        "其中示例科技城党群服务中心设在示例社区,由示例街道党群服务中心统筹管理。"
    )
    assert relations(extractor, text, "SUBORDINATE_TO") == set()
    assert ("示例科技城党群服务中心", "示例街道党群服务中心") in relations(extractor, text, "PART_OF")


def test_a_bare_alliance_working_under_a_committees_lead_answers_to_it(extractor: Extractor) -> None:
    text = "示例片区党委牵头成立了航运企业党建联盟。联盟在示例保税区党工委的领导下开展工作。"
    assert ("航运企业党建联盟", "示例保税区党工委") in relations(extractor, text, "SUBORDINATE_TO")


def test_numbered_bodies_answer_to_their_setter_and_hold_what_they_set_up(extractor: Extractor) -> None:
    text = (
        "海宁经编产业园区共有经编企业260余家。园区党委下设3个党总支,其中第一党总支下辖"
        f"{ACME}党支部、{BOLT}党支部和经编联合第一党支部。"
    )
    found = relations(extractor, text, "SUBORDINATE_TO")
    total = "海宁经编产业园区第一党总支"
    assert (total, "海宁经编产业园区党委") in found
    assert {(f"{ACME}党支部", total), (f"{BOLT}党支部", total)} <= found
    assert any(head.endswith("经编联合第一党支部") and tail == total for head, tail in found)


def test_a_body_formed_in_the_clause_before_covers_what_the_next_takes_in(extractor: Extractor) -> None:
    text = f"2024年,在示例高新区党工委的指导下,示例大厦党委成立,覆盖楼内{ACME}、{BOLT}等企业。"
    assert relations(extractor, text, "COVERS") == {("示例大厦党委", ACME), ("示例大厦党委", BOLT)}


def test_every_unit_of_a_list_lies_where_the_verb_puts_it(extractor: Extractor) -> None:
    text = f"示例县召开大会。{ACME}、{BOLT}等一批企业已入驻示例县工业园区。"
    found = relations(extractor, text, "LOCATED_IN")
    assert {(ACME, "示例县工业园区"), (BOLT, "示例县工业园区")} <= found


@pytest.mark.parametrize(
    "text",
    [
        "园区里有4家非公企业,分别是甲乙科技、丙丁机械和戊己电子。",
        "“3”是三家龙头企业——甲乙科技、丙丁机械与戊己电子。",
        "“3”是甲乙科技、丙丁机械、戊己电子这三家龙头企业。",
    ],
)
def test_names_listed_next_to_a_count_of_enterprises_are_enterprises(extractor: Extractor, text: str) -> None:
    facts = extractor.extract("示例县工业园区召开大会。" + text, DocumentInfo(id="d1", source="d1.txt"))
    enterprises = {e.name for e in facts.entities if e.type == "Enterprise"}
    assert enterprises == {"甲乙科技", "丙丁机械", "戊己电子"}


def test_a_park_and_its_short_form_are_one_subject_of_the_article(extractor: Extractor) -> None:
    text = (
        "示例县经济开发区召开大会。示例县经开区的企业参加。示例县经济开发区很美,示例县经开区很大。"
        f"样板镇工业园区也来了。{ACME}是一家老企业。"
    )
    assert relations(extractor, text, "LOCATED_IN") == {(ACME, "示例县经济开发区")}
    assert relations(extractor, text, "PART_OF") == set()


def test_the_titles_park_wins_a_tie(extractor: Extractor) -> None:
    text = (
        "示例县经济开发区成立党建联盟\n样板镇工业园区召开大会。"
        f"样板镇工业园区很美。示例县经济开发区很大。{ACME}是一家老企业。"
    )
    assert (ACME, "示例县经济开发区") in relations(extractor, text, "LOCATED_IN")


def test_the_unit_a_party_body_is_named_after_lies_in_the_regions_its_name_starts_with(
    extractor: Extractor,
) -> None:
    text = "样板市柯城区甲乙创业园党支部举行挂牌仪式。样板市委组织部出席。"
    found = relations(extractor, text, "LOCATED_IN")
    assert ("柯城区", "样板市") in found
    assert any(head.endswith("甲乙创业园") and tail == "柯城区" for head, tail in found)


def test_the_articles_region_lies_in_the_named_regions_that_enclose_it(extractor: Extractor) -> None:
    text = "崇州市:园区党建见成效\n崇州市依托工业园区发展产业。成都市委对此给予肯定,四川省也有报道。"
    assert relations(extractor, text, "LOCATED_IN") >= {("崇州市", "成都市"), ("成都市", "四川省")}


def test_regions_named_in_passing_are_not_placed_by_the_gazetteer(extractor: Extractor) -> None:
    text = "崇州市:园区党建见成效\n崇州市依托工业园区发展产业。温江区与成都市的代表前来参观。"
    located = relations(extractor, text, "LOCATED_IN")
    assert ("温江区", "成都市") not in located
    assert ("崇州市", "成都市") in located


def test_a_body_formed_by_the_party_body_opening_the_sentence_answers_to_it(extractor: Extractor) -> None:
    text = "示例经开区党工委牵头成立了非建制联合党委,统筹园区企业党建。"
    assert relations(extractor, text, "SUBORDINATE_TO") == {("示例经开区非建制联合党委", "示例经开区党工委")}


def test_an_alliance_formed_by_a_committee_led_body_answers_to_it(extractor: Extractor) -> None:
    text = "近年来,由示例经开区党工委牵头,联合上下游企业,共同组建起示例新材料产业链党建联盟。"
    assert relations(extractor, text, "SUBORDINATE_TO") == {("示例新材料产业链党建联盟", "示例经开区党工委")}


def test_a_body_formed_by_an_object_of_the_sentence_answers_to_no_one(extractor: Extractor) -> None:
    text = "近年来,园区支持甲乙科技有限公司党支部组建新材料产业链党建联盟。"
    assert relations(extractor, text, "SUBORDINATE_TO") == set()


def test_the_parks_own_organs_do_not_lie_in_it_but_its_enterprises_do(extractor: Extractor) -> None:
    text = (
        f"示例经开区党建工作纪实\n示例经开区管委会召开会议。示例经开区持续发展。"
        f"{ACME}今年产值翻番,示例经开区党群工作部到企业调研。"
    )
    located = relations(extractor, text, "LOCATED_IN")
    assert (ACME, "示例经开区") in located
    assert not {head for head, _ in located} & {"示例经开区管委会", "示例经开区党群工作部"}


def test_a_branch_names_its_higher_party_organization(extractor: Extractor) -> None:
    text = f"{ACME}党支部的上级党组织是示例经开区党工委。"
    assert relations(extractor, text, "SUBORDINATE_TO") == {(f"{ACME}党支部", "示例经开区党工委")}


def test_a_company_named_after_a_named_province_is_not_placed_in_it(extractor: Extractor) -> None:
    text = "河北省召开现场会。河北省甲乙农业有限公司积极参与。"
    assert relations(extractor, text, "LOCATED_IN") == set()


def test_a_unit_inside_a_parks_name_lies_in_the_park_not_its_region(extractor: Extractor) -> None:
    text = f"示例县工业园区内的{ACME}今年投产。"
    assert relations(extractor, text, "LOCATED_IN") >= {(ACME, "示例县工业园区")}
    assert (ACME, "示例县") not in relations(extractor, text, "LOCATED_IN")


def test_a_park_after_a_verb_of_place_and_a_spot_lies_in_the_place(extractor: Extractor) -> None:
    text = "近年来,坐落在柯城区东湖畔的华光文化创意园区吸引了众多企业。"
    assert relations(extractor, text, "LOCATED_IN") == {("华光文化创意园区", "柯城区")}
    without_verb = "近年来,柯城区东湖畔的华光文化创意园区吸引了众多企业。"
    assert relations(extractor, without_verb, "LOCATED_IN") == set()


def test_a_body_serving_as_anothers_dispatched_organ_answers_to_it(extractor: Extractor) -> None:
    text = "示例县工业园区综合党委作为示例县工业园区党工委的派出机构,负责园区企业党建。"
    lower, upper = "示例县工业园区综合党委", "示例县工业园区党工委"
    assert relations(extractor, text, "SUBORDINATE_TO") == {(lower, upper)}


def test_enterprises_of_an_article_on_one_part_of_a_park_lie_in_that_part(extractor: Extractor) -> None:
    text = (
        "样板经开区召开党建工作会。样板经开区党工委表示,东湖园区要建强联盟。"
        f"东湖园区联合党委成立后,{ACME}、{BOLT}带头参与。样板经开区将继续支持。"
    )
    placed = {head: tail for head, tail in relations(extractor, text, "LOCATED_IN")}
    assert placed[ACME] == placed[BOLT] == "东湖园区"


@pytest.mark.parametrize(
    "text",
    [
        f"{ACME}党支部接受示例经开区党工委领导。",
        f"{ACME}党支部归示例经开区党工委管理。",
        f"{ACME}党支部受示例经开区党工委的指导。",
        f"{ACME}党支部统一接受示例经开区党工委的领导。",
        f"{ACME}党支部在示例经开区党工委指导下开展工作。",
    ],
)
def test_a_body_accepting_anothers_lead_answers_to_it(extractor: Extractor, text: str) -> None:
    assert relations(extractor, text, "SUBORDINATE_TO") == {(f"{ACME}党支部", "示例经开区党工委")}


def test_a_list_accepting_anothers_lead_all_answer_to_it(extractor: Extractor) -> None:
    text = f"{ACME}党支部、{BOLT}党支部均接受示例经开区党工委的领导。"
    assert relations(extractor, text, "SUBORDINATE_TO") == {
        (f"{ACME}党支部", "示例经开区党工委"),
        (f"{BOLT}党支部", "示例经开区党工委"),
    }


def test_a_body_receiving_an_award_from_another_does_not_answer_to_it(extractor: Extractor) -> None:
    text = f"{ACME}党支部受示例经开区党工委表彰。"
    assert relations(extractor, text, "SUBORDINATE_TO") == set()


def test_offices_a_management_committee_sets_up_are_its_parts(extractor: Extractor) -> None:
    text = "示例经开区管委会内设党政办公室、示例经开区企业服务中心。"
    assert relations(extractor, text, "PART_OF") == {
        ("党政办公室", "示例经开区管委会"),
        ("示例经开区企业服务中心", "示例经开区管委会"),
    }


def test_offices_set_up_after_a_clause_about_another_body_are_not_its_parts(extractor: Extractor) -> None:
    text = "示例经开区管委会是示例县政府派出的机构,内部设立两个部门,分别是党政办公室、示例经开区服务中心。"
    assert not {tail for _, tail in relations(extractor, text, "PART_OF")} & {"示例县政府"}


def test_offices_set_up_inside_a_body_described_as_one_are_its_parts(extractor: Extractor) -> None:
    text = (
        "示例经开区管委会是示例县政府派出的正科级机构,"
        "内部设立3个部室,分别是规划建设部、党政办公室和招商服务部。"
    )
    assert relations(extractor, text, "PART_OF") == {
        ("规划建设部", "示例经开区管委会"),
        ("党政办公室", "示例经开区管委会"),
        ("招商服务部", "示例经开区管委会"),
    }


def test_a_committee_written_with_fewer_kind_words_is_the_same_body(extractor: Extractor) -> None:
    text = (
        "柯城区示例街工委在示例中心组建示例中心楼宇综合党委。示例中心综合党委下面设了两个支部,"
        "即示例中心一号楼宇党支部和示例中心二号楼宇党支部。综合党委统一统筹。"
    )
    facts = extractor.extract(text, DocumentInfo(id="d1", source="d1.txt"))
    committees = {e.name for e in facts.entities if e.type == "Committee"}
    assert committees == {"示例中心楼宇综合党委", "柯城区示例街工委"}
    assert relations(extractor, text, "SUBORDINATE_TO") >= {
        ("示例中心一号楼宇党支部", "示例中心楼宇综合党委"),
        ("示例中心二号楼宇党支部", "示例中心楼宇综合党委"),
    }


def test_committees_of_two_kinds_stay_two_bodies(extractor: Extractor) -> None:
    text = "示例市非公党委召开会议。示例市社会组织党委开展活动。非公党委书记讲话。"
    facts = extractor.extract(text, DocumentInfo(id="d1", source="d1.txt"))
    committees = {e.name: e for e in facts.entities if e.type == "Committee"}
    assert set(committees) == {"示例市非公党委", "示例市社会组织党委"}
    assert "非公党委" in committees["示例市非公党委"].aliases


@pytest.mark.parametrize("branch", ["第一党支部", "机关党支部", "二号楼党支部"])
def test_a_branch_named_after_its_committee_comes_under_it(extractor: Extractor, branch: str) -> None:
    text = f"{ACME}党委{branch}开展主题党日活动。"
    assert relations(extractor, text, "SUBORDINATE_TO") == {(f"{ACME}党委{branch}", f"{ACME}党委")}
    assert (f"{ACME}党委", ACME) in relations(extractor, text, "PARTY_ORG_OF")


def test_a_branch_named_after_a_generic_committee_names_no_upper_body(extractor: Extractor) -> None:
    assert relations(extractor, "园区党委第一党支部开展主题党日活动。", "SUBORDINATE_TO") == set()


def test_an_alliance_a_committee_forms_answers_to_it_and_is_no_part_of_it(extractor: Extractor) -> None:
    text = "示例经开区党工委组建了示例产业链党建联盟。"
    assert relations(extractor, text, "SUBORDINATE_TO") == {("示例产业链党建联盟", "示例经开区党工委")}
    assert relations(extractor, text, "PART_OF") == set()


def test_a_body_working_under_the_guidance_of_listed_bodies_answers_to_each(extractor: Extractor) -> None:
    text = f"在柯城区委组织部、柯城区委两新工委的指导下,{COMMITTEE}积极开展工作。"
    assert {
        (COMMITTEE, "柯城区委组织部"),
        (COMMITTEE, "柯城区委两新工委"),
    } <= relations(extractor, text, "SUBORDINATE_TO")


@pytest.mark.parametrize(
    "text",
    [
        "示例经济开发区下辖甲乙物流园、丙丁科技园两个园区。",
        "示例经济开发区包括甲乙物流园和丙丁科技园。",
        "示例经济开发区由甲乙物流园、丙丁科技园两个园区组成。",
        "示例经济开发区是“一区两园”的布局,由甲乙物流园,丙丁科技园以及若干配套区构成。",
    ],
)
def test_parks_listed_as_a_parks_parts_are_part_of_it(extractor: Extractor, text: str) -> None:
    assert relations(extractor, text, "PART_OF") == {
        ("甲乙物流园", "示例经济开发区"),
        ("丙丁科技园", "示例经济开发区"),
    }


def test_parks_listed_after_a_park_that_leads_them_are_not_its_parts(extractor: Extractor) -> None:
    text = "示例经济开发区由甲乙物流园、丙丁科技园共同发起。"
    assert relations(extractor, text, "PART_OF") == set()


def test_parks_listed_with_commas_outside_a_made_of_frame_are_not_parts(extractor: Extractor) -> None:
    text = "示例经济开发区今年考察了甲乙物流园,丙丁科技园以及若干配套区。"
    assert relations(extractor, text, "PART_OF") == set()


def test_branches_listed_after_a_count_and_a_colon_come_under_the_setter(extractor: Extractor) -> None:
    text = f"示例经开区党工委下设2个党支部:{ACME}党支部、{BOLT}党支部。"
    assert relations(extractor, text, "SUBORDINATE_TO") == {
        (f"{ACME}党支部", "示例经开区党工委"),
        (f"{BOLT}党支部", "示例经开区党工委"),
    }


def test_branches_on_the_lines_under_a_heading_come_under_the_setter(extractor: Extractor) -> None:
    text = (
        f"示例经开区党工委下设以下党支部:\n1.{ACME}党支部,现有党员二十名。{CORE}党支部也在其中。\n"
        f"2.{BOLT}党支部\n园区还有{CORE}党支部。"
    )
    assert relations(extractor, text, "SUBORDINATE_TO") == {
        (f"{ACME}党支部", "示例经开区党工委"),
        (f"{BOLT}党支部", "示例经开区党工委"),
    }


@pytest.mark.parametrize(
    "text",
    [
        f"示例经开区党工委指导{ACME}党支部、{BOLT}党支部开展工作。",
        f"示例经开区党工委对{ACME}党支部、{BOLT}党支部实行统一管理。",
    ],
)
def test_every_body_of_a_list_led_by_a_committee_answers_to_it(extractor: Extractor, text: str) -> None:
    assert relations(extractor, text, "SUBORDINATE_TO") == {
        (f"{ACME}党支部", "示例经开区党工委"),
        (f"{BOLT}党支部", "示例经开区党工委"),
    }


def test_a_body_a_committee_does_something_else_to_does_not_answer_to_it(extractor: Extractor) -> None:
    text = f"示例经开区党工委对{ACME}党支部进行表彰。"
    assert relations(extractor, text, "SUBORDINATE_TO") == set()


def test_two_bodies_dispatched_respectively_answer_to_the_paired_bodies(extractor: Extractor) -> None:
    text = "示例高新区是省级高新区。示例高新区设有党工委和管委会,这两家分别是样板市委和样板市政府的派出机构。"
    found = relations(extractor, text, "SUBORDINATE_TO")
    assert ("示例高新区党工委", "样板市委") in found
    assert ("示例高新区管委会", "样板市政府") in found
    assert ("示例高新区管委会", "样板市委") not in found


def test_a_clause_of_guiding_duties_is_the_sentence_first_party_body(extractor: Extractor) -> None:
    text = "示例园区产业党建联盟近日成立。其中,示例园区联合党委由园区副主任担任书记,负责指导联盟开展工作。"
    assert ("示例园区产业党建联盟", "示例园区联合党委") in relations(extractor, text, "SUBORDINATE_TO")


def test_guiding_after_dui_needs_the_verb_that_closes_the_phrase(extractor: Extractor) -> None:
    guided = "示例园区产业党建联盟近日成立。示例园区联合党委书记由王明兼任,负责对联盟的各项工作进行指导。"
    unguided = "示例园区产业党建联盟近日成立。示例园区联合党委书记由王明兼任,负责对联盟的成员发放证书。"
    pair = ("示例园区产业党建联盟", "示例园区联合党委")
    assert pair in relations(extractor, guided, "SUBORDINATE_TO")
    assert pair not in relations(extractor, unguided, "SUBORDINATE_TO")


def test_a_bare_alliance_word_stands_for_the_one_alliance_named(extractor: Extractor) -> None:
    one = "样板区成立了示例商圈党建联盟。联盟由样板区委组织部牵头,成员单位轮流值班。"
    two = "样板区成立了示例商圈党建联盟和丙丁产业链党建联盟。联盟由样板区委组织部牵头,成员单位轮流值班。"
    assert ("示例商圈党建联盟", "样板区委组织部") in relations(extractor, one, "SUBORDINATE_TO")
    assert not any(upper == "样板区委组织部" for _, upper in relations(extractor, two, "SUBORDINATE_TO"))


def test_a_clause_led_by_another_body_is_the_first_party_bodys(extractor: Extractor) -> None:
    text = "扩区后,样板高新区党工委的组织关系归属样板市委管理,日常工作由样板市委组织部负责统筹和指导。"
    assert ("样板高新区党工委", "样板市委组织部") in relations(extractor, text, "SUBORDINATE_TO")
    own = "样板高新区党工委成立后,招商工作由样板市委组织部负责统筹。"
    assert ("样板高新区党工委", "样板市委组织部") in relations(extractor, own, "SUBORDINATE_TO")
    subject = "样板高新区党工委成立后,甲乙科技有限公司的党建工作由样板市委组织部负责指导。"
    assert ("样板高新区党工委", "样板市委组织部") not in relations(extractor, subject, "SUBORDINATE_TO")


def test_the_next_kind_of_bodies_set_up_has_the_same_setter(extractor: Extractor) -> None:
    text = (
        f"示例大厦楼宇综合党委下面设了两类支部:一类是按楼栋划分的支部,即示例大厦A座楼宇党支部;"
        f"另一类是依托企业建立的支部,包括{ACME}党支部、{BOLT}党支部。"
    )
    found = relations(extractor, text, "SUBORDINATE_TO")
    for branch in ("示例大厦A座楼宇党支部", f"{ACME}党支部", f"{BOLT}党支部"):
        assert (branch, "示例大厦楼宇综合党委") in found
    alone = f"示例大厦楼宇综合党委成立于去年。另一类是依托企业建立的支部,包括{ACME}党支部、{BOLT}党支部。"
    assert not relations(extractor, alone, "SUBORDINATE_TO")


def test_a_party_building_joint_meeting_formed_by_a_committee_answers_to_it(extractor: Extractor) -> None:
    text = "示例开发区党工委把上下游企业联合起来,组建了新能源产业链党建联席会议。"
    upper = ("新能源产业链党建联席会议", "示例开发区党工委")
    assert upper in relations(extractor, text, "SUBORDINATE_TO")


def test_branches_of_listed_villages_come_under_the_general_branch_they_form(extractor: Extractor) -> None:
    text = "示例镇把甲坪村、乙河村、丙家庄等共6个村的党支部整合到一起,成立了示例农业园区党总支。"
    found = relations(extractor, text, "SUBORDINATE_TO")
    for village in ("甲坪村", "乙河村", "丙家庄"):
        assert (f"{village}党支部", "示例农业园区党总支") in found


def test_the_branches_a_committee_owns_come_under_it(extractor: Extractor) -> None:
    text = "示例开发区党工委所属的金桥联合党支部和银桥联合党支部积极开展活动。"
    assert relations(extractor, text, "SUBORDINATE_TO") == {
        ("金桥联合党支部", "示例开发区党工委"),
        ("银桥联合党支部", "示例开发区党工委"),
    }


def test_bodies_transferred_to_a_committee_answer_to_it(extractor: Extractor) -> None:
    text = "金桥联合党支部和银桥联合党支部划归示例开发区党工委管理。"
    assert relations(extractor, text, "SUBORDINATE_TO") == {
        ("金桥联合党支部", "示例开发区党工委"),
        ("银桥联合党支部", "示例开发区党工委"),
    }


def test_a_body_placed_under_a_department_answers_to_it(extractor: Extractor) -> None:
    text = "示例园区联合党委归口样板县委组织部管理。"
    assert ("示例园区联合党委", "样板县委组织部") in relations(extractor, text, "SUBORDINATE_TO")


def test_a_clause_of_belonging_without_subject_is_said_of_the_last_party_body(extractor: Extractor) -> None:
    text = "样板县委组织部批准成立了示例园区联合党委,现有党员40名,隶属于示例开发区党工委。"
    found = relations(extractor, text, "SUBORDINATE_TO")
    assert ("示例园区联合党委", "示例开发区党工委") in found
    assert not any(lower == "样板县委组织部" for lower, _ in found)


def test_a_body_formed_under_a_departments_guidance_answers_to_it(extractor: Extractor) -> None:
    text = "样板县委组织部指导示例开发区成立了示例园区联合党委。"
    assert ("示例园区联合党委", "样板县委组织部") in relations(extractor, text, "SUBORDINATE_TO")
    founded = "样板县委组织部和示例开发区成立了示例园区联合党委。"
    assert ("示例园区联合党委", "样板县委组织部") not in relations(extractor, founded, "SUBORDINATE_TO")


def test_units_whose_members_are_put_into_a_joint_branch_are_covered(extractor: Extractor) -> None:
    text = f"{ACME}、{BOLT}等企业的党员编入示例园区联合党支部。"
    branch = "示例园区联合党支部"
    assert relations(extractor, text, "COVERS") == {(branch, ACME), (branch, BOLT)}


def test_member_units_listed_after_a_body_are_covered(extractor: Extractor) -> None:
    branch = "示例园区联合党支部"
    listed = f"{branch}的成员单位有{ACME}、{BOLT}。"
    assert relations(extractor, listed, "COVERS") == {(branch, ACME), (branch, BOLT)}
    counted = f"示例园区综合党委现有{ACME}、{BOLT}等5家成员企业。"
    assert relations(extractor, counted, "COVERS") == {("示例园区综合党委", ACME), ("示例园区综合党委", BOLT)}
    partners = f"示例园区综合党委现有{ACME}、{BOLT}等5家共建单位。"
    assert not relations(extractor, partners, "COVERS")


def test_two_verbs_of_leading_before_a_list_lead_each_body(extractor: Extractor) -> None:
    text = "示例开发区党工委统筹指导金桥联合党委、银桥联合党委两个党委。"
    found = relations(extractor, text, "SUBORDINATE_TO")
    found = {lower for lower, upper in found if upper == "示例开发区党工委"}
    assert {name.removeprefix("示例开发区") for name in found} == {"金桥联合党委", "银桥联合党委"}


def test_departments_set_up_in_a_clause_without_subject_are_parts_of_the_sentence_organ(
    extractor: Extractor,
) -> None:
    text = "示例开发区管委会是样板县政府派出的机构,内部设立3个部室,分别是规划建设部、党政办公室和招商服务部。"
    found = relations(extractor, text, "PART_OF")
    for department in ("规划建设部", "党政办公室", "招商服务部"):
        assert (department, "示例开发区管委会") in found
        assert (department, "样板县政府") not in found


def test_each_alliance_listed_after_the_forming_verb_answers_to_the_committee(extractor: Extractor) -> None:
    text = "示例开发区党工委牵头成立了金桥产业链党建联盟和银桥产业链党建联盟。"
    assert relations(extractor, text, "SUBORDINATE_TO") == {
        ("金桥产业链党建联盟", "示例开发区党工委"),
        ("银桥产业链党建联盟", "示例开发区党工委"),
    }


def test_a_count_after_a_lists_deng_leaves_the_last_name_whole(extractor: Extractor) -> None:
    text = "示例开发区党工委组建了金桥联合党支部、银桥联合党支部等5个联合党支部。"
    lowers = {lower for lower, _ in relations(extractor, text, "SUBORDINATE_TO")}
    assert lowers == {"金桥联合党支部", "银桥联合党支部"}


@pytest.mark.parametrize("verb", ["现有", "共有"])
def test_the_bodies_a_committee_has_answer_to_it(extractor: Extractor, verb: str) -> None:
    text = f"示例开发区党工委{verb}金桥服务中心党支部、银桥人才服务站党支部等基层党组织15个。"
    assert relations(extractor, text, "SUBORDINATE_TO") == {
        ("金桥服务中心党支部", "示例开发区党工委"),
        ("银桥人才服务站党支部", "示例开发区党工委"),
    }


def test_the_body_a_committee_belongs_to_is_not_what_sets_up_its_branches(extractor: Extractor) -> None:
    text = (
        "示例园区党委成立于2018年,隶属于示例高新区党工委,下设金桥联合党支部、银桥联合党支部等16个联合党支部。"
    )
    assert relations(extractor, text, "SUBORDINATE_TO") == {
        ("示例园区党委", "示例高新区党工委"),
        ("金桥联合党支部", "示例园区党委"),
        ("银桥联合党支部", "示例园区党委"),
    }


def test_a_listed_institute_named_after_a_brand_holding_a_stop_character_is_whole(
    extractor: Extractor,
) -> None:
    text = "金桥产业园联合党支部覆盖中兴通讯西安研究所、华为西安研究所、西安葡萄城软件有限公司等8家企业。"
    covered = {tail for _, tail in relations(extractor, text, "COVERS")}
    assert "华为西安研究所" in covered


@pytest.mark.parametrize("alliance", ["联盟", "示例新就业群体党建联盟"])
def test_the_branches_an_alliance_sets_up_answer_to_it(extractor: Extractor, alliance: str) -> None:
    text = (
        "示例高新区党工委成立示例新就业群体党建联盟。"
        f"{alliance}下设金桥外卖配送行业党支部和银桥快递物流行业党支部。"
    )
    lowers = {(low, up) for low, up in relations(extractor, text, "SUBORDINATE_TO") if up.endswith("联盟")}
    assert lowers == {
        ("金桥外卖配送行业党支部", "示例新就业群体党建联盟"),
        ("银桥快递物流行业党支部", "示例新就业群体党建联盟"),
    }


def test_a_sentences_subject_after_its_scene_covers_what_it_takes_in(extractor: Extractor) -> None:
    text = "在示例基金小镇,基金小镇党委把党组织建在楼上,覆盖甲乙控股有限公司、丙丁创投有限公司等120余家机构。"
    covered = relations(extractor, text, "COVERS")
    assert {tail for _, tail in covered} == {"甲乙控股有限公司", "丙丁创投有限公司"}
    assert {head for head, _ in covered} == {"示例基金小镇党委"}


def test_a_line_of_business_after_a_verb_is_a_verb_and_no_part_of_the_name(extractor: Extractor) -> None:
    text = "示例开发区综合党委负责管理金桥食品有限公司党支部和银桥纺织有限公司党支部。"
    assert relations(extractor, text, "SUBORDINATE_TO") == {
        ("金桥食品有限公司党支部", "示例开发区综合党委"),
        ("银桥纺织有限公司党支部", "示例开发区综合党委"),
    }


def test_a_bare_park_committee_after_a_sub_parks_committee_is_that_one(extractor: Extractor) -> None:
    text = (
        "示例高新区党工委推动党建工作。示例高新区下设甲乙科技产业园。"
        "甲乙科技产业园党委成立于2016年,隶属于示例高新区党工委。"
        "园区党委下辖丙丁科技有限公司党委等27个基层党组织。"
    )
    assert ("丙丁科技有限公司党委", "甲乙科技产业园党委") in relations(extractor, text, "SUBORDINATE_TO")
    assert ("甲乙科技产业园党委", "示例高新区") not in relations(extractor, text, "PARTY_ORG_OF")


def test_a_listed_name_longer_than_the_lists_pattern_reaches_is_whole(extractor: Extractor) -> None:
    text = "示例开发区党工委组建了金桥大厦第一联合党支部、第二联合党支部等5个联合党支部。"
    lowers = {lower for lower, _ in relations(extractor, text, "SUBORDINATE_TO")}
    assert any(lower.endswith("金桥大厦第一联合党支部") for lower in lowers)


def test_units_made_into_a_joint_branch_are_covered(extractor: Extractor) -> None:
    text = f"示例园区将{ACME}、{BOLT}、{CORE}3家企业组建为示例园区联合党支部。"
    branch = "示例园区联合党支部"
    assert relations(extractor, text, "COVERS") == {(branch, ACME), (branch, BOLT), (branch, CORE)}


def test_a_bare_committee_word_is_the_park_committee_the_article_names(extractor: Extractor) -> None:
    set_up = "随后,党委分别设立了金桥党支部、银桥党支部两个支部。"
    named = "示例科技园位于样板区。示例科技园党委成立于去年。" + set_up
    assert relations(extractor, named, "SUBORDINATE_TO") == {
        ("金桥党支部", "示例科技园党委"),
        ("银桥党支部", "示例科技园党委"),
    }
    unnamed = "示例科技园位于样板区。示例科技园成立于去年。" + set_up
    assert not relations(extractor, unnamed, "SUBORDINATE_TO")


def test_a_list_belongs_to_the_body_a_demonstrative_takes_up(extractor: Extractor) -> None:
    text = f"示例县工业园区党总支成立于2019年。{ACME}党支部和{BOLT}党支部都隶属于该党总支。"
    upper = "示例县工业园区党总支"
    found = relations(extractor, text, "SUBORDINATE_TO")
    assert found == {(f"{ACME}党支部", upper), (f"{BOLT}党支部", upper)}


def test_a_body_that_has_others_under_its_jurisdiction_leads_them(extractor: Extractor) -> None:
    text = "示例县工业园区党工委管辖示例县电商产业党委和示例县物流产业党委。"
    upper = "示例县工业园区党工委"
    found = relations(extractor, text, "SUBORDINATE_TO")
    assert found == {("示例县电商产业党委", upper), ("示例县物流产业党委", upper)}


def test_a_body_said_to_be_a_department_of_another_is_part_of_it(extractor: Extractor) -> None:
    text = "示例县工业园区党群工作部是示例县工业园区党工委的工作部门。"
    found = relations(extractor, text, "PART_OF")
    assert found == {("示例县工业园区党群工作部", "示例县工业园区党工委")}


def test_branches_a_general_branch_has_below_it_are_listed(extractor: Extractor) -> None:
    text = f"样板园区党总支现下属3个党支部，分别为{ACME}党支部、{BOLT}党支部和样板园区联合党支部。"
    assert {
        (f"{ACME}党支部", "样板园区党总支"),
        (f"{BOLT}党支部", "样板园区党总支"),
        ("样板园区联合党支部", "样板园区党总支"),
    } <= relations(extractor, text, "SUBORDINATE_TO")


def test_parks_listed_before_the_word_for_parts_are_part_of_it(extractor: Extractor) -> None:
    text = "样板经济开发区是省级开发区。样板经济开发区依托甲乙科技园、丙丁科技园等“园中园”，打造党群阵地。"
    assert {("甲乙科技园", "样板经济开发区"), ("丙丁科技园", "样板经济开发区")} <= relations(
        extractor, text, "PART_OF"
    )
    text = "样板经济开发区是省级开发区,区内建有甲乙科技园、丙丁科技园等多个园中园。"
    assert {("甲乙科技园", "样板经济开发区"), ("丙丁科技园", "样板经济开发区")} <= relations(
        extractor, text, "PART_OF"
    )


def test_a_dash_chain_through_a_qualified_committee(extractor: Extractor) -> None:
    text = "样板经济开发区构建“园区党工委—非公企业综合党委—非公企业党组织”三级架构。"
    below = ("样板经济开发区非公企业综合党委", "样板经济开发区党工委")
    assert below in relations(extractor, text, "SUBORDINATE_TO")


def test_a_branch_under_a_committee_that_has_it_below(extractor: Extractor) -> None:
    text = f"样板园区党工委下属的{ACME}党支部积极开展活动。"
    assert (f"{ACME}党支部", "样板园区党工委") in relations(extractor, text, "SUBORDINATE_TO")


def test_a_committee_sent_out_by_another_answers_to_it(extractor: Extractor) -> None:
    text = "样板园区综合党委作为样板园区党工委的派出机构，统筹园区企业党建。"
    assert ("样板园区综合党委", "样板园区党工委") in relations(extractor, text, "SUBORDINATE_TO")


def test_a_clause_of_leading_with_no_subject_speaks_of_the_body_just_formed(extractor: Extractor) -> None:
    text = "样板园区成立了样板园区综合党委，负责指导样板园区物流联合党支部。"
    assert ("样板园区物流联合党支部", "样板园区综合党委") in relations(extractor, text, "SUBORDINATE_TO")
    text = "样板园区综合党委书记李明积极工作，指导样板园区物流联合党支部。"
    assert relations(extractor, text, "SUBORDINATE_TO") == set()


def test_a_park_relying_on_another_is_not_placed_in_it(extractor: Extractor) -> None:
    text = "样板经济开发区依托甲乙科技园打造党群阵地。"
    assert relations(extractor, text, "LOCATED_IN") == set()
    text = "甲乙科技园位于样板经济开发区。"
    assert relations(extractor, text, "LOCATED_IN") == {("甲乙科技园", "样板经济开发区")}


def test_a_body_opening_the_sentence_covers_what_a_later_clause_says_it_takes_in(
    extractor: Extractor,
) -> None:
    text = f"示例科创园联合党支部现有党员32名,涵盖{ACME}、{BOLT}等6家非公企业。"
    branch = "示例科创园联合党支部"
    assert relations(extractor, text, "COVERS") == {(branch, ACME), (branch, BOLT)}
    other = f"示例科创园联合党支部现有党员32名,{CORE}党支部涵盖{ACME}。"
    assert (branch, ACME) not in relations(extractor, other, "COVERS")


def test_branches_taken_into_it_come_under_the_body_the_sentence_formed(extractor: Extractor) -> None:
    text = f"园区成立示例产业链党委,将{ACME}党支部、{BOLT}党支部纳入其中。"
    chain = "示例产业链党委"
    assert relations(extractor, text, "COVERS") == {(chain, ACME), (chain, BOLT)}
    branches = {(f"{ACME}党支部", chain), (f"{BOLT}党支部", chain)}
    assert relations(extractor, text, "SUBORDINATE_TO") == branches


def test_a_body_that_gives_another_guidance_of_a_kind_leads_it(extractor: Extractor) -> None:
    text = f"样板县工业园区综合党委对{ACME}党支部进行业务指导。"
    assert relations(extractor, text, "SUBORDINATE_TO") == {(f"{ACME}党支部", "样板县工业园区综合党委")}


def test_a_guided_body_named_after_a_park_and_a_kind_comes_under_its_guide(extractor: Extractor) -> None:
    found = relations(extractor, "示例经开区党工委指导示例经开区非公企业联合党委开展工作。", "SUBORDINATE_TO")
    assert found == {("示例经开区非公企业联合党委", "示例经开区党工委")}


def test_a_joint_branch_named_by_the_building_or_sector_it_gathers_is_named_in_its_own_right(
    extractor: Extractor,
) -> None:
    text = (
        "示例高新区党建工作动态\n示例高新区党工委推进楼宇党建。"
        f"天府商务楼宇联合党支部成员单位包括{ACME}和{BOLT}。锦江电子产业联合党支部召开会议。"
    )
    assert relations(extractor, text, "COVERS") == {
        ("天府商务楼宇联合党支部", ACME),
        ("天府商务楼宇联合党支部", BOLT),
    }
    facts = extractor.extract(text, DocumentInfo(id="d1", source="d1.txt"))
    assert "锦江电子产业联合党支部" in {e.name for e in facts.entities if e.type == "Branch"}


def test_one_unit_counted_first_of_several_is_a_member_of_the_joint_branch_they_form(
    extractor: Extractor,
) -> None:
    text = f"{ACME}等5家企业联合成立了锦江电子产业联合党支部。"
    assert relations(extractor, text, "COVERS") == {("锦江电子产业联合党支部", ACME)}


def test_a_joint_branch_taking_listed_units_under_its_management_covers_them(extractor: Extractor) -> None:
    text = f"金牛物流园联合党支部将{ACME}、{BOLT}纳入管理。"
    assert relations(extractor, text, "COVERS") == {
        ("金牛物流园联合党支部", ACME),
        ("金牛物流园联合党支部", BOLT),
    }


def test_a_joint_branch_opening_with_its_parks_name_is_not_named_after_it_twice(extractor: Extractor) -> None:
    text = (
        "示例工业园区党建侧记\n示例工业园区党委组建了示例工业园区机械制造联合党支部,"
        f"将{ACME}、{BOLT}等7家企业纳入其中。"
    )
    covered = relations(extractor, text, "COVERS")
    assert covered == {("示例工业园区机械制造联合党支部", ACME), ("示例工业园区机械制造联合党支部", BOLT)}


@pytest.mark.parametrize(
    "text",
    [
        "物流行业联合党支部成员单位包括:丙丁物流有限公司、子丑供应链管理有限公司。",
        "物流行业联合党支部由同在一栋楼的丙丁物流有限公司、子丑供应链管理有限公司2家企业联合组建。",
    ],
    ids=["colon", "described-members"],
)
def test_the_members_a_joint_branch_takes_in_are_covered(extractor: Extractor, text: str) -> None:
    covered = relations(extractor, text, "COVERS")
    assert {
        ("物流行业联合党支部", "丙丁物流有限公司"),
        ("物流行业联合党支部", "子丑供应链管理有限公司"),
    } <= covered


def test_a_chain_level_written_as_a_kind_stands_for_the_bodies_of_that_kind(extractor: Extractor) -> None:
    text = (
        "青禾经济开发区党工委下设党群工作部,组建汽车行业党委、食品行业党委2个行业党委,"
        "形成“园区党工委—党群工作部—行业党组织—企业党组织”四级体系。"
    )
    under = relations(extractor, text, "SUBORDINATE_TO")
    assert {(f"{kind}行业党委", "青禾经济开发区党群工作部") for kind in ("汽车", "食品")} <= under


def test_members_named_after_the_count_a_joint_body_covers_are_covered(extractor: Extractor) -> None:
    text = "青禾科技大厦联合党支部覆盖楼宇内企业28家,其中包括甲乙科技有限公司、丙丁网络有限公司。"
    covered = relations(extractor, text, "COVERS")
    assert {("青禾科技大厦联合党支部", f"{n}有限公司") for n in ("甲乙科技", "丙丁网络")} <= covered
    park = "青禾经济开发区党工委覆盖企业200家,其中包括甲乙科技有限公司。"
    assert relations(extractor, park, "COVERS") == set()


@pytest.mark.parametrize(
    "text",
    [
        f"{ACME}党支部由嘉兴经开区党工委组建。",
        f"经嘉兴经开区党工委批准,成立{ACME}党支部。",
        f"在嘉兴经开区党工委的统筹下,{ACME}党支部开展活动。",
    ],
)
def test_a_branch_formed_approved_or_coordinated_by_a_committee_answers_to_it(
    extractor: Extractor, text: str
) -> None:
    assert relations(extractor, text, "SUBORDINATE_TO") == {(f"{ACME}党支部", "嘉兴经开区党工委")}


def test_a_joint_branch_sharing_a_members_short_name_is_not_that_companys(extractor: Extractor) -> None:
    text = f"嘉兴经开区成立甲乙联合党支部,涵盖{ACME}、{BOLT}等5家企业。"
    covered = relations(extractor, text, "COVERS")
    assert covered == {("嘉兴经开区甲乙联合党支部", ACME), ("嘉兴经开区甲乙联合党支部", BOLT)}
    assert relations(extractor, text, "PARTY_ORG_OF") <= {("嘉兴经开区甲乙联合党支部", "嘉兴经开区")}


def test_a_body_formed_under_anothers_lead_covers_what_it_takes_in(extractor: Extractor) -> None:
    text = f"示例广场联合党支部由{ACME}党支部牵头,吸收了{BOLT}、{CORE}等12家单位。"
    branch = "示例广场联合党支部"
    assert relations(extractor, text, "COVERS") == {(branch, BOLT), (branch, CORE)}
    text = f"其中,示例广场联合党支部由示例经贸局牵头,吸收了{BOLT}、{CORE}等12家单位。"
    assert relations(extractor, text, "COVERS") == {(branch, BOLT), (branch, CORE)}


def test_units_whose_party_members_are_taken_in_are_covered(extractor: Extractor) -> None:
    text = f"示例县工业园区成立联合党支部,将园内{ACME}、{BOLT}等9家企业的15名党员纳入联合党支部管理。"
    branch = "示例县工业园区联合党支部"
    assert relations(extractor, text, "COVERS") == {(branch, ACME), (branch, BOLT)}


def test_a_department_named_after_a_management_committee_is_part_of_it(extractor: Extractor) -> None:
    text = "示例高新区管委会经济发展局李华介绍了情况。示例高新区管委会主任王明出席。"
    parts = relations(extractor, text, "PART_OF")
    assert ("示例高新区管委会经济发展局", "示例高新区管委会") in parts


def test_a_sub_park_named_in_its_park_and_placed_there_is_only_part_of_it(extractor: Extractor) -> None:
    text = "示例经济开发区示例工业园位于示例经济开发区东部,园内聚集了中小企业23家。"
    pair = ("示例工业园", "示例经济开发区")
    assert pair in relations(extractor, text, "PART_OF")
    assert pair not in relations(extractor, text, "LOCATED_IN")


def test_a_party_body_a_company_forms_under_a_lead_answers_to_the_lead(extractor: Extractor) -> None:
    committee = "示例县工业园区综合党委"
    for text in (
        f"在{committee}的指导下,{ACME}成立了党支部。",
        f"{ACME}在{committee}指导下成立了党支部。",
    ):
        assert relations(extractor, text, "SUBORDINATE_TO") == {(f"{ACME}党支部", committee)}


def test_branches_a_list_opened_by_jiang_moves_into_a_committee_answer_to_it(extractor: Extractor) -> None:
    text = f"示例县工业园区综合党委成立后,将{ACME}党支部、{BOLT}党支部划入综合党委。"
    committee = "示例县工业园区综合党委"
    assert relations(extractor, text, "SUBORDINATE_TO") == {
        (f"{ACME}党支部", committee),
        (f"{BOLT}党支部", committee),
    }


@pytest.mark.parametrize("verb", ["共辖", "下辖的", "直属"])
def test_branches_a_committee_holds_answer_to_it(extractor: Extractor, verb: str) -> None:
    text = f"示例县工业园区综合党委{verb}{ACME}党支部、{BOLT}党支部等党组织。"
    committee = "示例县工业园区综合党委"
    assert relations(extractor, text, "SUBORDINATE_TO") == {
        (f"{ACME}党支部", committee),
        (f"{BOLT}党支部", committee),
    }


def test_departments_a_pages_label_lists_are_parts_of_its_management_committee(extractor: Extractor) -> None:
    text = "示例经济开发区党工委领导班子\n\n管委会主任:周志明\n\n内设机构:综合办公室、经济发展局、规划建设局"
    committee = "示例经济开发区管委会"
    parts = relations(extractor, text, "PART_OF")
    assert {(d, committee) for d in ("综合办公室", "经济发展局", "规划建设局")} <= parts


def test_a_body_accepting_two_leads_joined_answers_to_both_and_neither_to_the_other(
    extractor: Extractor,
) -> None:
    text = "示例县工业园区综合党委接受示例县工业园区党工委的领导和示例县委组织部的业务指导。"
    lower = "示例县工业园区综合党委"
    assert relations(extractor, text, "SUBORDINATE_TO") == {
        (lower, "示例县工业园区党工委"),
        (lower, "示例县委组织部"),
    }


def test_a_body_working_under_a_compound_lead_answers_to_it(extractor: Extractor) -> None:
    text = "示例县工业园区综合党委在示例县委组织部的统筹指导下开展工作。"
    assert ("示例县工业园区综合党委", "示例县委组织部") in relations(extractor, text, "SUBORDINATE_TO")


@pytest.mark.parametrize(
    "text",
    [
        f"{ACME}党支部是示例县工业园区综合党委下设的支部。",
        f"示例县工业园区综合党委的下属支部{ACME}党支部积极开展活动。",
    ],
)
def test_a_branch_said_to_be_set_up_under_a_committee_answers_to_it(extractor: Extractor, text: str) -> None:
    assert relations(extractor, text, "SUBORDINATE_TO") == {(f"{ACME}党支部", "示例县工业园区综合党委")}


def test_a_chain_of_arrows_is_a_reporting_line(extractor: Extractor) -> None:
    text = f"构建示例县工业园区党工委→示例县工业园区综合党委→{ACME}党支部的组织体系。"
    assert relations(extractor, text, "SUBORDINATE_TO") == {
        ("示例县工业园区综合党委", "示例县工业园区党工委"),
        (f"{ACME}党支部", "示例县工业园区综合党委"),
    }


@pytest.mark.parametrize("members", ["成员企业包括", "会员单位有", "成员企业为"])
def test_a_body_covers_what_its_members_word_lists(extractor: Extractor, members: str) -> None:
    text = f"衢州经济开发区位于衢州市。智能制造联合党支部的{members}东港化工有限公司、衢江科技有限公司。"
    assert relations(extractor, text, "COVERS") == {
        ("衢州经济开发区智能制造联合党支部", "东港化工有限公司"),
        ("衢州经济开发区智能制造联合党支部", "衢江科技有限公司"),
    }


def test_a_party_body_leading_the_forming_of_a_joint_branch_is_above_it(extractor: Extractor) -> None:
    text = (
        "衢州经济开发区位于衢州市。园区党总支牵头,把东港化工有限公司、衢江科技有限公司等6家企业的党员"
        "集中起来,组建东港联合党支部。"
    )
    assert relations(extractor, text, "SUBORDINATE_TO") == {
        ("衢州经济开发区东港联合党支部", "衢州经济开发区党总支")
    }


def test_a_body_named_by_its_units_kind_is_the_documents_own(extractor: Extractor) -> None:
    text = (
        "衢州市柯城区东港街商圈。东港街商圈党委于2020年成立。"
        "商圈党委分别建立了东港国际广场党支部和衢江购物中心联合党支部。"
        "作为全省首个商圈党委,东港街商圈党委覆盖商户300家。"
    )
    assert relations(extractor, text, "SUBORDINATE_TO") == {
        ("东港国际广场党支部", "东港街商圈党委"),
        ("衢江购物中心联合党支部", "东港街商圈党委"),
    }
    facts = extractor.extract(text, DocumentInfo(id="d1", source="d1.txt"))
    assert {e.name for e in facts.entities if e.type == "Committee"} == {"东港街商圈党委"}


def test_a_counted_kind_of_body_names_no_body(extractor: Extractor) -> None:
    text = (
        "衢州市东港商务中心党建纪实。"
        "作为浙江省首个商圈党委,衢州市东港商务中心党委从2006年起坚持把支部建在楼上。"
    )
    facts = extractor.extract(text, DocumentInfo(id="d1", source="d1.txt"))
    assert {e.name for e in facts.entities if e.type == "Committee"} == {"衢州市东港商务中心党委"}


def test_a_list_put_in_with_no_body_after_the_verb_is_taken_in_by_the_body_before(
    extractor: Extractor,
) -> None:
    text = "衢江区新能源综合党委把青禾储能科技有限公司、东港新能源材料有限公司等链上企业一并纳入。"
    assert relations(extractor, text, "COVERS") == {
        ("衢江区新能源综合党委", "青禾储能科技有限公司"),
        ("衢江区新能源综合党委", "东港新能源材料有限公司"),
    }


@pytest.mark.parametrize("verb", ["覆盖", "目前吸收"])
def test_what_a_body_belongs_to_does_not_take_in_what_its_next_clause_lists(
    extractor: Extractor, verb: str
) -> None:
    text = (
        f"衢江智能装备产业联合党委隶属衢江经开区党工委,{verb}青禾精密机械有限公司、东港液压件有限公司等企业。"
    )
    assert relations(extractor, text, "COVERS") == {
        ("衢江智能装备产业联合党委", "青禾精密机械有限公司"),
        ("衢江智能装备产业联合党委", "东港液压件有限公司"),
    }


def test_bodies_set_up_after_a_clause_taking_units_in_answer_to_the_body_before_it(
    extractor: Extractor,
) -> None:
    text = (
        "衢州经开区党工委组建经开区非公企业综合党委,将青禾电子有限公司等47家企业纳入统一管理,"
        "并下设装备制造、电子信息2个联合党支部。"
    )
    found = relations(extractor, text, "SUBORDINATE_TO")
    assert {
        ("装备制造联合党支部", "衢州经开区非公企业综合党委"),
        ("电子信息联合党支部", "衢州经开区非公企业综合党委"),
    } <= found


def test_one_unit_named_for_several_that_form_a_joint_branch_is_covered(extractor: Extractor) -> None:
    text = (
        "示例大厦楼宇综合党委下设金融服务联合党支部。"
        "金融服务联合党支部由甲乙小额贷款有限公司等4家机构的党员组成。"
    )
    assert ("金融服务联合党支部", "甲乙小额贷款有限公司") in relations(extractor, text, "COVERS")


def test_units_a_joint_branch_takes_in_with_the_verbs_direction_after_it_are_covered(
    extractor: Extractor,
) -> None:
    text = (
        "示例物流园党委下设快递企业联合党支部。"
        "快递企业联合党支部把甲乙速运、丙丁快递有限公司等6家企业的党员纳入进来。"
    )
    assert relations(extractor, text, "COVERS") == {
        ("快递企业联合党支部", "甲乙速运"),
        ("快递企业联合党支部", "丙丁快递有限公司"),
    }


def test_departments_set_up_after_an_organs_own_clause_belong_to_that_organ(extractor: Extractor) -> None:
    text = (
        "衢州工业园区成立于2016年。衢州工业园区党工委是衢州市委的派出机构,"
        "衢州工业园区管委会则作为市政府派出机构,内设党群工作部、经济发展局和营商环境服务中心。"
    )
    assert ("经济发展局", "衢州工业园区管委会") in relations(extractor, text, "PART_OF")


@pytest.mark.parametrize(
    ("text", "chain"),
    [
        ("江门市蓬江区潭江数字科技园党委召开会议。", {("蓬江区", "江门市")}),
        ("党委与上海市青浦区金泽镇党委签订共建协议。", {("青浦区", "上海市"), ("金泽镇", "青浦区")}),
    ],
)
def test_regions_opening_a_name_are_each_named_and_lie_in_the_one_before(
    extractor: Extractor, text: str, chain: set[tuple[str, str]]
) -> None:
    located = relations(extractor, text, "LOCATED_IN")
    assert chain <= located


def test_places_opening_a_name_that_do_not_hold_one_another_make_no_chain(extractor: Extractor) -> None:
    located = relations(extractor, "鄂尔多斯江苏工业园区党工委召开会议。", "LOCATED_IN")
    assert not {(a, b) for a, b in located if a.endswith(("省", "市")) and b.endswith(("省", "市"))}


def test_a_county_written_short_before_a_township_is_the_county_and_township(extractor: Extractor) -> None:
    text = "每天中午12时,衢江樟潭镇湖西村的百余名党员参加活动。"
    assert relations(extractor, text, "LOCATED_IN") == {("樟潭镇", "衢江区"), ("湖西村", "樟潭镇")}


def test_a_body_whose_lead_a_sentence_is_set_under_is_not_its_subject(extractor: Extractor) -> None:
    text = (
        "衢州经济技术开发区成立三个行业党委。"
        "三个行业党委均在经开区党工委的统一领导下开展工作,日常业务由党工委组织人事部负责指导。"
    )
    assert not {(a, b) for a, b in relations(extractor, text, "SUBORDINATE_TO") if a.endswith("党工委")}


def test_a_bare_alliance_opening_a_sentence_answers_to_the_body_guiding_it(extractor: Extractor) -> None:
    text = (
        "衢州集成电路产业党建联盟正式成立。据了解,联盟由衢江区经开区党工委牵头组建,"
        "日常工作由衢江区两新组织党委具体指导。衢江区还学习了柯城区毛织产业链党建联盟的做法。"
    )
    found = relations(extractor, text, "SUBORDINATE_TO")
    assert ("衢州集成电路产业党建联盟", "衢江区两新组织党委") in found
    assert ("衢江区经开区党工委", "衢江区两新组织党委") not in found


def test_a_committee_said_set_up_by_another_in_a_given_year_answers_to_it(extractor: Extractor) -> None:
    text = "衢江区两新组织党委是衢江区经开区党工委于2021年设立的、专门负责非公企业党建工作的党委。"
    assert relations(extractor, text, "SUBORDINATE_TO") == {("衢江区两新组织党委", "衢江区经开区党工委")}


def test_leaders_listed_before_a_ceremony_lead_no_body(extractor: Extractor) -> None:
    text = "衢江区区委常委、组织部部长王建国等领导共同为衢州科学城区域化党建促进会和特色产业园党委揭牌。"
    assert relations(extractor, text, "SUBORDINATE_TO") == set()


@pytest.mark.parametrize("formed", ["于当年7月成立", "成立于2019年", "正式成立"])
def test_a_joint_body_formed_then_said_to_be_formed_by_units_covers_them(
    extractor: Extractor, formed: str
) -> None:
    text = f"青禾高新区电商产业联合党支部{formed},由{ACME}、{BOLT}等11家企业联合组建。"
    assert relations(extractor, text, "COVERS") == {
        ("青禾高新区电商产业联合党支部", ACME),
        ("青禾高新区电商产业联合党支部", BOLT),
    }


def test_the_body_a_committee_works_under_takes_in_none_of_what_it_takes_in(extractor: Extractor) -> None:
    text = f"青禾高新区综合党委在青禾高新区党工委的领导下开展工作,目前已将{ACME}、{BOLT}等46家企业纳入管理。"
    assert relations(extractor, text, "COVERS") == {
        ("青禾高新区综合党委", ACME),
        ("青禾高新区综合党委", BOLT),
    }


@pytest.mark.parametrize(
    "text",
    [
        f"以家电行业为例,青禾高新区家电行业党委目前管理企业党组织27个,覆盖{ACME}、{BOLT}等规上企业。",
        f"青禾高新区党工委下设青禾高新区化工行业党委,将园内{ACME}、{BOLT}等41家化工企业纳入覆盖范围。",
    ],
)
def test_a_committee_takes_in_the_units_after_an_example_or_a_place_word(
    extractor: Extractor, text: str
) -> None:
    covered = relations(extractor, text, "COVERS")
    assert {unit for _, unit in covered} == {ACME, BOLT}
    assert len({body for body, _ in covered}) == 1 and "行业党委" in next(iter(covered))[0]


def test_units_whose_party_bodies_are_taken_in_are_covered(extractor: Extractor) -> None:
    text = (
        f"青禾高新区组建纺织产业链党委,把{ACME}、{BOLT}等18家企业的党组织"
        "纳入青禾高新区纺织产业链党委统一管理。"
    )
    assert relations(extractor, text, "COVERS") == {
        ("青禾高新区纺织产业链党委", ACME),
        ("青禾高新区纺织产业链党委", BOLT),
    }


def test_a_bare_branch_after_a_demonstrative_and_a_description_is_the_branch_named_before(
    extractor: Extractor,
) -> None:
    text = (
        "衢州云织小微企业创业园联合党支部成立。"
        f"这个由周王庙镇党委指导组建的支部,吸纳了{ACME}、{BOLT}等7家企业的23名党员。"
    )
    assert relations(extractor, text, "COVERS") == {
        ("衢州云织小微企业创业园联合党支部", ACME),
        ("衢州云织小微企业创业园联合党支部", BOLT),
    }


def test_bodies_leading_in_the_clause_after_a_guiding_one_are_above_the_body_too(
    extractor: Extractor,
) -> None:
    text = (
        "青禾镇片区联合党委由县委组织部指导,白沙开发区管委会党支部和青禾镇党委共同牵头,"
        "由多家企业党组织共同组成。"
    )
    above = relations(extractor, text, "SUBORDINATE_TO")
    assert {("青禾镇片区联合党委", "白沙开发区管委会党支部"), ("青禾镇片区联合党委", "青禾镇党委")} <= above


def test_bodies_set_up_within_the_park_each_answer_to_the_setter(extractor: Extractor) -> None:
    text = "电瓷产业园党总支下设园内青禾电气有限公司党支部、白沙电瓷有限公司党支部等4个企业党支部。"
    assert {
        ("青禾电气有限公司党支部", "电瓷产业园党总支"),
        ("白沙电瓷有限公司党支部", "电瓷产业园党总支"),
    } <= relations(extractor, text, "SUBORDINATE_TO")


def test_parks_listed_before_a_count_of_party_bodies_each_have_one(extractor: Extractor) -> None:
    text = "青禾开发区党工委统筹全区工作。食品产业园、新材料科技园2个党总支均隶属开发区党工委。"
    assert {("食品产业园党总支", "食品产业园"), ("新材料科技园党总支", "新材料科技园")} <= relations(
        extractor, text, "PARTY_ORG_OF"
    )
    assert ("食品产业园党总支", "青禾开发区党工委") in relations(extractor, text, "SUBORDINATE_TO")


def test_bodies_opening_the_clauses_after_a_colon_list_each_answer_to_the_setter(
    extractor: Extractor,
) -> None:
    text = (
        "2023年,青禾石材产业集聚区联合党总支成立。联合党总支下设3个联合党支部:"
        "板材加工联合党支部由白沙石业有限公司等企业党员组成;石雕联合党支部覆盖云锦石材有限公司等企业;"
        "物流贸易联合党支部则吸收了泰通物流有限公司的党员。"
    )
    above = {
        head.removeprefix("青禾石材产业集聚区")
        for head, tail in relations(extractor, text, "SUBORDINATE_TO")
        if tail == "青禾石材产业集聚区联合党总支"
    }
    assert {"板材加工联合党支部", "石雕联合党支部", "物流贸易联合党支部"} <= above


def test_companies_a_clause_lists_before_a_passive_verb_of_taking_in_are_covered(
    extractor: Extractor,
) -> None:
    text = (
        "白沙县的峡口工业园分为铝基片区和光伏片区。片区内的青禾铝业有限公司、云锦机械有限公司等中小企业"
        "党员较少,被纳入铝基片区联合党支部。"
    )
    assert {
        ("铝基片区联合党支部", "青禾铝业有限公司"),
        ("铝基片区联合党支部", "云锦机械有限公司"),
    } <= relations(extractor, text, "COVERS")


def test_a_chain_committee_covers_every_company_its_list_of_members_runs_on_to(extractor: Extractor) -> None:
    text = (
        "6月18日,青禾市氢能产业链党委揭牌成立。产业链党委覆盖链上的12家企业,包括龙头企业白沙氢能科技有限公司、"
        "云锦储运装备有限公司,燃料电池企业湖北青禾燃料电池系统有限公司,以及配套的白鹭工业气体有限公司等。"
        "揭牌当天,白沙氢能党委的组织关系正式转入产业链党委。"
    )
    covered = {tail for head, tail in relations(extractor, text, "COVERS") if head == "青禾市氢能产业链党委"}
    assert covered == {
        "白沙氢能科技有限公司",
        "云锦储运装备有限公司",
        "湖北青禾燃料电池系统有限公司",
        "白鹭工业气体有限公司",
    }


def test_a_bare_body_word_opening_a_sentence_takes_in_for_the_body_named_before(extractor: Extractor) -> None:
    text = f"青禾大厦楼宇联合党支部成立。支部把{ACME}、{BOLT}等9家企业的党员吸收进来,现有党员37名。"
    assert relations(extractor, text, "COVERS") == {
        ("青禾大厦楼宇联合党支部", ACME),
        ("青禾大厦楼宇联合党支部", BOLT),
    }


def test_the_members_a_body_organizes_are_covered(extractor: Extractor) -> None:
    text = f"镇党委在创业园成立了青禾创业园联合党支部,把{ACME}、{BOLT}和{CORE}3家企业的党员组织起来。"
    branch = "青禾创业园联合党支部"
    assert relations(extractor, text, "COVERS") == {(branch, ACME), (branch, BOLT), (branch, CORE)}


def test_units_said_to_be_the_ones_taken_into_a_body_are_covered(extractor: Extractor) -> None:
    text = f"青禾产业园综合党委成立。首批纳入综合党委管理的有{ACME}、{BOLT}等17家园区企业。"
    branch = "青禾产业园综合党委"
    assert relations(extractor, text, "COVERS") == {(branch, ACME), (branch, BOLT)}


def test_villages_counted_with_their_branches_each_have_one_taken_into_the_joint_committee(
    extractor: Extractor,
) -> None:
    text = "青山街道党工委牵头成立了青禾茶产业示范园区联合党委,把茶香村、龙门村2个村党支部纳入其中。"
    committee = "青禾茶产业示范园区联合党委"
    assert relations(extractor, text, "SUBORDINATE_TO") >= {
        ("茶香村党支部", committee),
        ("龙门村党支部", committee),
    }
    assert ("龙门村党支部", "龙门村") in relations(extractor, text, "PARTY_ORG_OF")


def test_groups_a_bare_branch_word_opening_the_sentence_sets_up_are_under_the_branch_named_before(
    extractor: Extractor,
) -> None:
    text = "青禾大厦联合党支部于2023年成立。支部下设低区、中区、高区3个党小组,按楼层开展组织生活。"
    assert {(f"{floor}党小组", "青禾大厦联合党支部") for floor in ("低区", "中区", "高区")} <= relations(
        extractor, text, "SUBORDINATE_TO"
    )


def test_each_unit_listed_after_a_body_s_verb_of_taking_in_is_covered(extractor: Extractor) -> None:
    text = (
        f"青禾产业园党工委下设物流商贸综合党委。"
        f"物流商贸综合党委统筹{ACME}、{BOLT}等服务类企业的党建工作,下辖6个党支部。"
    )
    assert {tail for _, tail in relations(extractor, text, "COVERS")} == {ACME, BOLT}


def test_each_body_listed_in_a_clause_of_duties_answers_to_the_sentence_s_body(extractor: Extractor) -> None:
    text = f"青禾产业园非公企业党委书记由王力兼任,负责指导{ACME}党支部、{BOLT}党支部等15个企业党支部。"
    assert {
        (f"{ACME}党支部", "青禾产业园非公企业党委"),
        (f"{BOLT}党支部", "青禾产业园非公企业党委"),
    } <= relations(extractor, text, "SUBORDINATE_TO")


def test_the_unit_a_body_is_built_around_does_not_stop_it_taking_in_what_follows(
    extractor: Extractor,
) -> None:
    text = (
        f"青禾开发区党工委组建了镁材料产业链党委。镁材料产业链党委以示例镁业有限公司为龙头,"
        f"覆盖{ACME}、{BOLT}等9家企业。"
    )
    assert {("镁材料产业链党委", ACME), ("镁材料产业链党委", BOLT)} <= relations(extractor, text, "COVERS")


def test_a_count_of_village_branches_after_a_word_that_is_no_village_names_none(extractor: Extractor) -> None:
    text = "青禾小镇党委推动联合党支部和周边3个村党支部开展联建。"
    facts = extractor.extract(text, DocumentInfo(id="d1", source="d1.txt"))
    assert not any(e.name.startswith("周边") for e in facts.entities)
