"""Regions: read from the gazetteer of administrative divisions, townships and villages by suffix."""

from __future__ import annotations

import pytest

from parkgraph.graph.facts import DocumentFacts, DocumentInfo
from parkgraph.loaders.extractor import Extractor
from parkgraph.loaders.gazetteer import load_gazetteer


def regions(extractor: Extractor, text: str) -> dict[str, list[str]]:
    facts: DocumentFacts = extractor.extract(text, DocumentInfo(id="d", source="d.txt"))
    return {e.name: e.aliases for e in facts.entities if e.type == "Region"}


def test_short_forms_come_from_the_gazetteer() -> None:
    gazetteer = load_gazetteer()
    assert gazetteer.forms["通辽"] == "通辽市"
    assert gazetteer.forms["新疆"] == "新疆维吾尔自治区"
    assert gazetteer.forms["昌吉"] == "昌吉回族自治州"
    assert gazetteer.county_forms["嘉陵"] == "嘉陵区"
    assert "嘉陵" not in gazetteer.forms


def test_a_known_place_starts_where_its_name_does(extractor: Extractor) -> None:
    assert regions(extractor, "记者走近松江区的企业,看到新变化。") == {"松江区": []}


def test_words_ending_in_a_region_suffix_are_not_places(extractor: Extractor) -> None:
    text = "园区成立产业党建联盟,他兼任区委委员,打造传统工业强镇和商务区。"
    assert regions(extractor, text) == {}
    assert regions(extractor, "甲乙有限公司党委与综保区联合党委结对共建。") == {}
    assert regions(extractor, "园区党工委联合市工信局开展检查,引导企业投资到贫困县。") == {}


def test_a_city_written_short_is_read_before_a_break_but_not_inside_a_word(extractor: Extractor) -> None:
    assert regions(extractor, "近年来,通辽坚持党建引领。") == {"通辽市": ["通辽"]}
    assert regions(extractor, "稿源:广西日报") == {}


def test_a_county_written_short_needs_its_full_name_in_the_document(extractor: Extractor) -> None:
    assert regions(extractor, "嘉陵区召开会议。嘉陵坚持党建引领。") == {"嘉陵区": ["嘉陵"]}
    assert regions(extractor, "嘉陵坚持党建引领。") == {}


def test_a_two_character_county_after_a_class_of_places_is_read(extractor: Extractor) -> None:
    assert regions(extractor, "企业把新项目投资到贫困县夏县。") == {"夏县": []}


def test_townships_and_former_names_are_read_by_their_suffix(extractor: Extractor) -> None:
    found = regions(extractor, "上虞市驿亭镇有一家企业。")
    assert set(found) == {"上虞市", "驿亭镇"}


def test_a_region_that_only_starts_a_company_name_is_not_a_place(extractor: Extractor) -> None:
    assert regions(extractor, "云南甲乙化工有限公司党支部开展活动。") == {}
    assert set(regions(extractor, "云南省的甲乙化工有限公司党支部开展活动。")) == {"云南省"}


def test_a_province_that_only_starts_a_department_or_association_name_is_not_a_place(
    extractor: Extractor,
) -> None:
    assert regions(extractor, "浙江省示例行业协会与青禾公司签订合作协议。") == {}
    assert regions(extractor, "2023年,浙江省农业农村厅把样板合作社认定为典型。") == {}
    assert set(regions(extractor, "浙江省委组织部部长出席会议。")) == {"浙江省"}
    assert set(regions(extractor, "浙江省示例开发区党工委召开会议。")) == {"浙江省"}
    assert set(regions(extractor, "浙江省衢州高新区党群工作部主任出席会议。")) == {"浙江省"}
    assert set(regions(extractor, "浙江省衢州高新区党群工作部党建办主任 李明")) == {"浙江省"}
    assert set(regions(extractor, "衢州市示例行业协会与青禾公司签订合作协议。")) == {"衢州市"}


def test_a_district_committee_written_with_the_suffix_twice(extractor: Extractor) -> None:
    facts = extractor.extract("赫山区区委书记李明出席。", DocumentInfo(id="d", source="d.txt"))
    committee = next(e for e in facts.entities if e.type == "Committee")
    assert committee.name == "赫山区委"
    assert "赫山区区委" in committee.aliases


def test_a_line_that_lists_places_names_none(extractor: Extractor) -> None:
    assert regions(extractor, "意向区域:江苏-南京市 江苏-苏州市 浙江-杭州市 浙江-宁波市") == {}
    text = "南京市、苏州市、杭州市和宁波市的企业代表前往隆尧县固城镇参观学习交流"
    assert {"南京市", "固城镇"} <= set(regions(extractor, text))


def test_a_place_naming_a_medium_or_a_byline_s_location_is_no_region(extractor: Extractor) -> None:
    text = "浙江在线3月2日讯\n原创 甲乙公司 发表于湖南\n宁远县今年新建党组织十个。"
    facts = extractor.extract(text, DocumentInfo(id="d", source="d.txt"))
    assert {e.name for e in facts.entities if e.type == "Region"} == {"宁远县"}


def test_a_town_said_to_lie_somewhere_is_named_and_placed(extractor: Extractor) -> None:
    text = "新塘镇位于杭州市萧山区。青禾区位优势明显。"
    facts = extractor.extract(text, DocumentInfo(id="d", source="d.txt"))
    names = {e.id: e.name for e in facts.entities}
    assert set(names.values()) == {"新塘镇", "杭州市", "萧山区"}
    located = {(names[r.head], names[r.tail]) for r in facts.relations if r.type == "LOCATED_IN"}
    assert ("新塘镇", "萧山区") in located


def test_the_villages_around_a_park_are_no_region(extractor: Extractor) -> None:
    text = "示例工业园区位于示例旗大路镇。园区党工委联合大路镇党委,推动园区与周边嘎查村共建共享。"
    assert not [name for name in regions(extractor, text) if "嘎查" in name or "周边" in name]


def test_a_street_named_after_a_road_named_after_a_city_is_one_place(extractor: Extractor) -> None:
    text = "丽水市北京路街道党工委指导香港中路社区党委开展活动,南京东路街道与湖州市南浔区联合。"
    found = regions(extractor, text)
    assert {"北京路街道", "南京东路街道"} <= set(found)
    assert not set(found) & {"北京市", "南京市", "香港特别行政区"}


def test_a_region_near_the_start_of_a_short_text_is_read(extractor: Extractor) -> None:
    assert list(regions(extractor, "建。衢州市")) == ["衢州市"]


def test_a_level_word_ending_a_text_names_no_region(extractor: Extractor) -> None:
    assert regions(extractor, "\n会议最后,全市") == {}


def test_the_countryside_is_no_township(extractor: Extractor) -> None:
    text = "联盟吸纳产业链企业、部门乡镇、高校院所等负责人,带动更多乡村振兴。白沙乡党委书记王明说。"
    assert list(regions(extractor, text)) == ["白沙乡"]


def test_kinds_of_place_and_the_partys_name_are_no_places(extractor: Extractor) -> None:
    text = "中共市委全会提出,健全党工委、建制镇和社区三级分抓机制,覆盖各开发区、加工区。"
    assert regions(extractor, text) == {}


def test_a_byname_for_a_place_s_trade_is_no_region(extractor: Extractor) -> None:
    assert set(regions(extractor, "东港镇是全国有名的板材之乡,被誉为“中国板材之乡”。")) == {"东港镇"}


@pytest.mark.parametrize(
    "text", ["园区坚持下好村企党组织共建这盘棋。", "带动更多乡亲共享发展成果。", "建设红色美丽村庄试点。"]
)
def test_a_word_a_village_s_or_township_s_suffix_starts_ends_no_place(
    extractor: Extractor, text: str
) -> None:
    assert not regions(extractor, text)


@pytest.mark.parametrize(
    "credits", ["来源:党的生活(江苏) 2020年第5期", "发布时间:2023-12-30 来源: 中共湖南省委组织部"]
)
def test_a_place_in_the_page_credits_is_no_region(extractor: Extractor, credits: str) -> None:
    text = f"{credits}\n株洲市天元区推动园区党建工作取得实效。"
    assert set(regions(extractor, text)) == {"株洲市", "天元区"}


@pytest.mark.parametrize("area", ["餐饮区", "共享区", "综改区", "居民区"])
def test_a_common_word_before_qu_names_an_area_of_use_not_a_district(extractor: Extractor, area: str) -> None:
    text = f"衢州市柯城区的园区设有{area},服务企业职工。"
    assert set(regions(extractor, text)) == {"衢州市", "柯城区"}


@pytest.mark.parametrize(
    "text",
    [
        "这些年,县里吸引在外能人返乡创业。",
        "创业园利用镇上闲置的老粮库改造而成。",
        "带动更多返乡青年就业。",
    ],
)
def test_going_home_or_a_verb_before_a_township_s_suffix_is_no_township(
    extractor: Extractor, text: str
) -> None:
    assert not regions(extractor, text)


def test_a_park_for_those_coming_home_keeps_its_town(extractor: Extractor) -> None:
    text = "台安县西佛镇返乡创业园成立于2020年,西佛镇返乡创业园现有企业32家。"
    assert set(regions(extractor, text)) == {"台安县", "西佛镇"}


def test_a_street_whose_name_opens_with_a_city_s_short_form_is_one_street(extractor: Extractor) -> None:
    text = "青禾创业小镇位于贵阳市观山湖区金华园街道。金华园街道党工委指导小镇党建。"
    assert set(regions(extractor, text)) == {"贵阳市", "观山湖区", "金华园街道"}
