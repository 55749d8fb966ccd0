"""Park names in the forms documents write them: their bodies' names, bracketed other names, park words."""

from __future__ import annotations

import pytest
from extracting import extract, links, posts

from parkgraph.graph.facts import DocumentFacts
from parkgraph.loaders.extractor import Extractor


def parks(facts: DocumentFacts) -> dict[str, set[str]]:
    return {e.name: set(e.aliases) for e in facts.entities if e.type == "Park"}


def test_founding_a_park_or_a_year_s_start_names_no_unit(extractor: Extractor) -> None:
    facts = extract(extractor, "今年是东港经济开发区建园15周年,东港经济开发区建园以来实现强劲开局。")
    assert {(e.type, e.name) for e in facts.entities} == {("Park", "东港经济开发区")}


def test_students_of_a_university_name_no_university(extractor: Extractor) -> None:
    facts = extract(extractor, "青禾科技园已入驻中小企业60家,累计孵化大学生创业企业20家。")
    assert {(e.type, e.name) for e in facts.entities} == {("Park", "青禾科技园")}


def test_a_management_committee_names_its_park(extractor: Extractor) -> None:
    facts = extract(extractor, "样板高新区管委会主任赵立新介绍,今年新签约项目12个。")
    assert "样板高新区" in parks(facts)
    bodies = {e.name for e in facts.entities if e.type == "Organization"}
    assert bodies == {"样板高新区管委会"}


def test_a_committee_word_inside_a_body_word_is_no_post(extractor: Extractor) -> None:
    facts = extract(extractor, "区委副书记钱向东,同时是样板产业开发区管理委员会的主任。")
    names = {e.id: e.name for e in facts.entities}
    posts = {(r.attributes["title"], names[r.tail]) for r in facts.relations if r.type == "HOLDS_POST"}
    assert ("委员", "样板产业开发区") not in posts
    assert ("主任", "样板产业开发区管理委员会") in posts


@pytest.mark.parametrize(
    "text",
    [
        "甲乙经济技术开发区(丙丁高新区)党工委组织开展主题党日活动。",
        "甲乙经济技术开发区(简称丙丁高新区)党工委组织开展主题党日活动。",
    ],
)
def test_a_bracketed_other_name_is_the_parks_alias(extractor: Extractor, text: str) -> None:
    facts = extract(extractor, text)
    assert parks(facts) == {"甲乙经济技术开发区": {"丙丁高新区"}}
    committees = {e.name: set(e.aliases) for e in facts.entities if e.type == "Committee"}
    assert committees == {"甲乙经济技术开发区党工委": set()}


def test_the_other_name_written_later_is_the_same_park(extractor: Extractor) -> None:
    facts = extract(extractor, "甲乙经济技术开发区(丙丁高新区)成立于2010年。丙丁高新区党工委书记孙明说。")
    assert set(parks(facts)) == {"甲乙经济技术开发区"}
    committees = {e.name for e in facts.entities if e.type == "Committee"}
    assert committees == {"甲乙经济技术开发区党工委"}


@pytest.mark.parametrize(
    "word",
    [
        "科技城",
        "经济区",
        "总部基地",
        "创新港",
        "小镇",
        "陆港",
        "智谷",
        "商贸城",
        "新片区",
        "生物城",
        "医药城",
        "旅游度假区",
    ],
)
def test_more_park_words(extractor: Extractor, word: str) -> None:
    facts = extract(extractor, f"甲乙{word}党工委组织开展主题党日活动。")
    assert f"甲乙{word}" in parks(facts)


def test_a_generic_park_word_after_a_proper_name_names_a_park(extractor: Extractor) -> None:
    facts = extract(extractor, "辖区内的金穗国际商务园和华岳国际传媒产业园入选首批市级园区。")
    assert {"金穗国际商务园", "华岳国际传媒产业园"} <= set(parks(facts))


def test_a_class_of_parks_a_province_names_is_no_park_and_its_member_is_placed(
    extractor: Extractor,
) -> None:
    facts = extract(extractor, "青禾物流园是陕西省重点物流园区,位于咸阳市秦都区,园内有物流企业56家。")
    assert set(parks(facts)) == {"青禾物流园"}
    assert ("青禾物流园", "秦都区") in links(facts, "LOCATED_IN")


def test_a_generic_park_word_after_a_description_names_none(extractor: Extractor) -> None:
    facts = extract(extractor, "今年将加快建设智能制造产业园。")
    assert parks(facts) == {}


def test_a_stop_word_inside_a_park_word_does_not_cut_its_bodys_name(extractor: Extractor) -> None:
    facts = extract(extractor, "青禾产业集聚区党委组织党员学习。")
    committees = {e.name for e in facts.entities if e.type == "Committee"}
    assert committees == {"青禾产业集聚区党委"}


def test_a_park_in_a_park_is_named_and_part_of_it(extractor: Extractor) -> None:
    facts = extract(extractor, "青禾经开区新桥园区是重要板块。")
    assert parks(facts) == {"新桥园区": {"青禾经开区新桥园区"}, "青禾经开区": set()}
    names = {e.id: e.name for e in facts.entities}
    part_of = {(names[r.head], names[r.tail]) for r in facts.relations if r.type == "PART_OF"}
    assert part_of == {("新桥园区", "青禾经开区")}


def test_a_park_in_a_park_inside_a_body_name(extractor: Extractor) -> None:
    facts = extract(extractor, "青禾经开区陶瓷产业园党总支组织党员学习。")
    assert {"陶瓷产业园", "青禾经开区"} == set(parks(facts))


def test_a_park_word_running_into_a_place_name_ends_no_park(extractor: Extractor) -> None:
    facts = extract(extractor, "示例市新城区工业园党委组织党员学习。")
    assert "示例市新城" not in parks(facts)


def test_logistics_bases_and_road_ports_are_parks_with_their_committees(extractor: Extractor) -> None:
    facts = extract(
        extractor, "丰禾公路物流基地成立了党委,物流基地党委下设8个党支部。园区内宏达公路港建成了司机之家。"
    )
    assert {"丰禾公路物流基地", "宏达公路港"} <= set(parks(facts))
    committees = {e.name for e in facts.entities if e.type == "Committee"}
    assert committees == {"丰禾公路物流基地党委"}


@pytest.mark.parametrize(
    "text",
    [
        "高新区本质上是经济功能区,设立的目的是发展产业。",
        "它是不折不扣的“开放型”功能区。",
        "要用高水平规划新区,着眼新区长远发展。",
    ],
)
def test_an_area_word_after_a_mere_description_is_no_park(extractor: Extractor, text: str) -> None:
    assert parks(extract(extractor, text)) == {}


def test_a_park_with_a_bare_park_word_after_it_is_that_park(extractor: Extractor) -> None:
    facts = extract(extractor, "星河科技城召开园区党员大会。星河科技城园区党委书记张明出席。")
    assert parks(facts) == {"星河科技城园区": {"星河科技城", "园区"}}
    committees = {e.name for e in facts.entities if e.type == "Committee"}
    assert committees == {"星河科技城园区党委"}
    assert not [r for r in facts.relations if r.head == r.tail]


def test_a_park_word_alone_in_quotes_is_a_figure_of_speech(extractor: Extractor) -> None:
    text = "青禾工业园区“孵化器”党支部由园区党总支设立。全县已从“孵化器”中孵出党支部9个。"
    facts = extract(extractor, text)
    assert set(parks(facts)) == {"青禾工业园区"}
    branches = {e.name for e in facts.entities if e.type == "Branch"}
    assert "青禾工业园区孵化器党支部" in branches


def test_a_named_new_area_is_a_park_and_a_bare_one_is_no_other_park(extractor: Extractor) -> None:
    facts = extract(extractor, "样板科技城新区党工委书记钱向东介绍,新区今年引进企业20家。")
    assert "样板科技城新区" in parks(facts)
    other = extract(extractor, "样板创新园由新区两新党委指导。样板创新园入驻企业30家,样板创新园很大。")
    names = {e.id: e.name for e in other.entities}
    committees = {e.name for e in other.entities if e.type == "Committee"}
    assert "新区两新党委" in committees
    party_of = {(names[r.head], names[r.tail]) for r in other.relations if r.type == "PARTY_ORG_OF"}
    assert not any(tail == "样板创新园" for _, tail in party_of)


def test_an_innovation_area_is_a_park(extractor: Extractor) -> None:
    assert "狮山商务创新区" in parks(extract(extractor, "崇明区召开会议。狮山商务创新区的企业很多。"))
    assert not parks(extract(extractor, "崇明区召开会议。园区要打造创新区。"))


def test_a_district_the_gazetteer_holds_is_no_new_area_park(extractor: Extractor) -> None:
    facts = extract(extractor, "上海市浦东新区召开会议。浦东新区位于上海,滨海新区发展很快。")
    assert not parks(facts)
    regions = {e.name for e in facts.entities if e.type == "Region"}
    assert "浦东新区" in regions
    inside = parks(extract(extractor, "浦东新区样板大厦建立了楼宇党委。"))
    assert "浦东新区" not in inside


def test_a_bare_kind_of_park_in_a_document_naming_no_place_is_named_bare(extractor: Extractor) -> None:
    facts = extract(extractor, "高新区2015年获批。高新区党工委隶属市委管理,市委两新工委负责指导。")
    assert "高新区" in parks(facts)
    committees = {e.name for e in facts.entities if e.type == "Committee"}
    assert {"高新区党工委", "市委两新工委"} <= committees


def test_places_listed_once_each_do_not_own_the_bare_park(extractor: Extractor) -> None:
    text = "现场会在高新区召开。与会人员观摩了青禾区、云锦区、高新区的党组织。高新区管委会副主任赵立新出席。"
    facts = extract(extractor, text)
    assert "高新区" in parks(facts)
    assert not any(name.endswith("区高新区") for name in parks(facts))


def test_a_grade_of_building_names_no_park(extractor: Extractor) -> None:
    facts = extract(extractor, "这座税收破亿元的超甲级写字楼成为企业的沃土。青禾开区已培育党组织12个。")
    assert parks(facts) == {}
    assert not [e for e in facts.entities if e.type == "Region"]


def test_a_buildings_body_of_a_kind_is_the_buildings_own(extractor: Extractor) -> None:
    facts = extract(extractor, "青禾大厦楼宇联合党委现有党员860名,覆盖楼内企业120余家。")
    owned = links(facts, "PARTY_ORG_OF")
    assert owned == {("青禾大厦楼宇联合党委", "青禾大厦")}


def test_a_car_town_an_industry_town_or_a_business_centre_district_is_a_park(extractor: Extractor) -> None:
    facts = extract(extractor, "湖州新能源汽车城、样板光电信息产业城和青禾商务中心区吸引企业入驻。")
    assert set(parks(facts)) == {"湖州新能源汽车城", "样板光电信息产业城", "青禾商务中心区"}


@pytest.mark.parametrize("batch", ["首批国家级经济技术开发区", "广东省首批特色产业园", "省第三批特色产业园"])
def test_a_rank_of_parks_with_its_batch_names_no_park(extractor: Extractor, batch: str) -> None:
    facts = extract(extractor, f"青禾经济技术开发区是{batch},现有企业300家。")
    assert set(parks(facts)) == {"青禾经济技术开发区"}


def test_a_commercial_district_named_before_its_party_body_is_a_park(extractor: Extractor) -> None:
    text = "样板街道召开人民南商圈党委成立大会。商户遇到困难,解决不了的上报商圈党委协调。"
    facts = extract(extractor, text)
    assert set(parks(facts)) == {"人民南商圈"}
    assert ("人民南商圈党委", "人民南商圈") in links(facts, "PARTY_ORG_OF")


def test_a_class_of_places_a_province_names_is_no_place_or_park(extractor: Extractor) -> None:
    facts = extract(extractor, "青禾县工业园区属于全省重点县域工业园区之一。")
    assert set(parks(facts)) == {"青禾县工业园区"}
    assert {e.name for e in facts.entities if e.type == "Region"} == {"青禾县"}


def test_a_rank_among_parks_and_verbs_of_opening_or_hiring_start_no_name(extractor: Extractor) -> None:
    text = (
        "衢州经开区已成为全国第六大汽车产业基地。园区内开设商场3家,"
        "智能制造类党建联盟聘请青禾标准化研究院专家授课。园区办公区设在北侧。"
    )
    facts = extract(extractor, text)
    assert {(e.type, e.name) for e in facts.entities} == {
        ("Park", "衢州经开区"),
        ("Organization", "智能制造类党建联盟"),
        ("Organization", "青禾标准化研究院"),
    }


def test_a_verb_of_holding_an_event_starts_no_name(extractor: Extractor) -> None:
    text = "青禾街道召开人民南商圈党委成立大会并举行人民南商圈党群服务中心揭牌仪式。"
    names = {e.name for e in extract(extractor, text).entities if e.type == "Organization"}
    assert names == {"人民南商圈党群服务中心"}


@pytest.mark.parametrize("rank", ["国家级经开区", "省级高新区"])
def test_a_rank_and_kind_set_before_a_parks_name_describe_it(extractor: Extractor, rank: str) -> None:
    facts = extract(
        extractor, f"样板市作为{rank}样板经开区所在地,始终坚持党建引领。样板经开区党工委书记赵立新介绍。"
    )
    assert set(parks(facts)) == {"样板经开区"}
    assert not {r for r in facts.relations if r.type == "PART_OF"}


def test_a_park_written_without_its_qualifier_is_one_park(extractor: Extractor) -> None:
    text = (
        "近年来,青禾湖文化商务区着力建组织。在青禾湖商务区党群服务中心,考察团了解情况。"
        "青禾湖商务区党委书记王明介绍。"
    )
    found = parks(extract(extractor, text))
    assert found.get("青禾湖文化商务区", set()) >= {"青禾湖商务区"}
    assert "青禾湖商务区" not in found


def test_a_new_technology_zone_written_as_a_high_tech_zone_is_one_park(extractor: Extractor) -> None:
    text = "宁波青禾高新区:街园联动\n宁波青禾新技术开发区地处宁波市东南部。青禾高新区党工委推动党建。"
    found = parks(extract(extractor, text))
    assert set(found) == {"宁波青禾新技术开发区"}
    assert {"宁波青禾高新区", "青禾高新区"} <= found["宁波青禾新技术开发区"]


def test_a_finance_park_is_a_park(extractor: Extractor) -> None:
    facts = extract(extractor, "青禾文化金融园党群服务中心建成。青禾文化金融园董事长林志远指出,要加强党建。")
    assert "青禾文化金融园" in parks(facts)


def test_a_bare_park_word_is_the_park_of_its_kind_not_the_part_its_sentence_names(
    extractor: Extractor,
) -> None:
    facts = extract(
        extractor,
        "样板经济技术开发区下辖示例产业园。示例产业园党委在开发区党工委的领导下开展工作。",
    )
    committees = {e.name: set(e.aliases) for e in facts.entities if e.type == "Committee"}
    assert "开发区党工委" in committees["样板经济技术开发区党工委"]
    assert "开发区党工委" not in committees["示例产业园党委"]


def test_parks_a_park_is_said_to_have_are_parks_by_their_industry(extractor: Extractor) -> None:
    facts = extract(extractor, "样板经济技术开发区下辖新材料产业园、智能制造产业园两个园中园。")
    parks = {e.name for e in facts.entities if e.type == "Park"}
    assert {"新材料产业园", "智能制造产业园"} <= parks
    kinds = extract(extractor, "从现代农业产业园、文化旅游产业园,到双创产业园,样板市的园区类型多样。")
    assert not {e.name for e in kinds.entities if e.type == "Park"} & {"现代农业产业园", "双创产业园"}


def test_a_park_listed_among_the_parts_of_a_park_is_one_whatever_its_last_word(extractor: Extractor) -> None:
    text = "青禾经济开发区内的云锦绿洲、青禾科技园等园中园相继成立了党总支。"
    facts = extract(extractor, text)
    names = {e.id: e.name for e in facts.entities}
    parts = {(names[r.head], names[r.tail]) for r in facts.relations if r.type == "PART_OF"}
    assert ("云锦绿洲", "青禾经济开发区") in parts


def test_items_counted_as_the_parts_of_a_park_are_parks_whatever_their_last_word(
    extractor: Extractor,
) -> None:
    text = "青禾科学城按照“一城两谷”的布局,先后建起数字丽天谷和生命衢州谷两个园中园。"
    assert {("数字丽天谷", "青禾科学城"), ("生命衢州谷", "青禾科学城")} <= links(
        extract(extractor, text), "PART_OF"
    )


def test_a_sentence_opening_with_a_bare_word_for_the_park_and_a_verb_of_parts_lists_its_parts(
    extractor: Extractor,
) -> None:
    text = "青禾物流港地处示例县。港区内分为零担专线区、冷链仓储区和电商快递区三个功能园区。"
    parts = links(extract(extractor, text), "PART_OF")
    assert {(part, "青禾物流港") for part in ("零担专线区", "冷链仓储区", "电商快递区")} <= parts


def test_a_park_named_after_a_city_written_short_and_a_name_of_its_own(extractor: Extractor) -> None:
    text = (
        "青岛云锦湾新区:产业链党建激活发展\n"
        "青岛云锦湾新区两新工委组建了8个产业链党委。其中,汽车产业链党委由甲乙汽车有限公司党委牵头。"
    )
    facts = extract(extractor, text)
    names = {e.id: e.name for e in facts.entities}
    located = {(names[r.head], names[r.tail]) for r in facts.relations if r.type == "LOCATED_IN"}
    assert ("甲乙汽车有限公司", "青岛云锦湾新区") in located
    assert not any(e.type == "Park" for e in extract(extractor, "西区老大房园区开业。").entities)


def test_a_park_named_for_a_sector_or_as_an_investment_zone(extractor: Extractor) -> None:
    text = "深圳青禾现代服务业合作区党委召开会议。漳州云锦投资区党工委召开会议。张江青禾药谷联合党委成立。"
    parks = {e.name for e in extract(extractor, text).entities if e.type == "Park"}
    assert {"深圳青禾现代服务业合作区", "漳州云锦投资区", "张江青禾药谷"} <= parks


def test_a_park_said_to_lie_somewhere_is_named_by_the_words_before_its_park_word(
    extractor: Extractor,
) -> None:
    text = "云锦产业园坐落于浙江省湖州市吴兴区织里镇,入驻企业200余家。"
    facts = extract(extractor, text)
    names = {e.id: e.name for e in facts.entities}
    assert "云锦产业园" in names.values()
    located = {(names[r.head], names[r.tail]) for r in facts.relations if r.type == "LOCATED_IN"}
    assert ("云锦产业园", "织里镇") in located


@pytest.mark.parametrize(
    ("listed", "named"), [("东园、西园", ("东园", "西园")), ("东区、西区", ("东区", "西区"))]
)
def test_parts_listed_before_a_count_of_parks_keep_their_own_head(
    extractor: Extractor, listed: str, named: tuple[str, str]
) -> None:
    facts = extract(extractor, f"样板经济开发区下辖{listed}两个园区。")
    assert set(parks(facts)) == {"样板经济开发区", *named}
    names = {e.id: e.name for e in facts.entities}
    part_of = {(names[r.head], names[r.tail]) for r in facts.relations if r.type == "PART_OF"}
    assert part_of == {(name, "样板经济开发区") for name in named}


def test_parts_listed_without_a_head_take_the_counted_park_word(extractor: Extractor) -> None:
    facts = extract(extractor, "样板经济开发区下辖甲乙、丙丁两个园区。")
    assert set(parks(facts)) == {"样板经济开发区", "甲乙园区", "丙丁园区"}


@pytest.mark.parametrize(
    ("text", "building", "body"),
    [
        ("云锦万象城党支部组织党员开展志愿服务。", "云锦万象城", "云锦万象城党支部"),
        ("青禾广场联合党委成立以来,吸收了12家企业。", "青禾广场", "青禾广场联合党委"),
        ("样板大楼楼宇党支部书记甲乙说。", "样板大楼", "样板大楼楼宇党支部"),
        ("苏州中心商圈党总支召开会议。", "苏州中心", "苏州中心商圈党总支"),
    ],
)
def test_a_business_building_with_a_party_body_of_its_own_is_a_park(
    extractor: Extractor, text: str, building: str, body: str
) -> None:
    facts = extract(extractor, text)
    names = {e.id: e.name for e in facts.entities}
    assert building in parks(facts)
    own = {(names[r.head], names[r.tail]) for r in facts.relations if r.type == "PARTY_ORG_OF"}
    assert (body, building) in own


def test_a_square_or_a_centre_without_a_party_body_is_no_park(extractor: Extractor) -> None:
    facts = extract(extractor, "在人民广场举行升旗仪式。检测中心党支部和县城党支部开展活动。")
    assert not parks(facts)


def test_a_brand_that_names_a_business_building_is_that_building(extractor: Extractor) -> None:
    text = "云锦城、青禾广场和甲乙科技这三家单位的党员组成了联合党支部。"
    facts = extract(extractor, text)
    assert {"云锦城", "青禾广场"} <= set(parks(facts))
    assert {e.name for e in facts.entities if e.type == "Enterprise"} == {"甲乙科技"}


def test_a_building_read_out_of_a_body_name_is_placed_where_it_stands_alone(extractor: Extractor) -> None:
    facts = extract(extractor, "青禾广场联合党委成立于2018年。青禾广场坐落在云锦湖商务区。")
    names = {e.id: e.name for e in facts.entities}
    located = {(names[r.head], names[r.tail]) for r in facts.relations if r.type == "LOCATED_IN"}
    assert ("青禾广场", "云锦湖商务区") in located


def test_a_building_named_after_its_park_lies_in_it_and_is_no_part_of_it(extractor: Extractor) -> None:
    facts = extract(extractor, "人才服务中心设在示例高新区创新大厦,现已服务人才3000余人。")
    assert ("创新大厦", "示例高新区") in links(facts, "LOCATED_IN")
    assert ("创新大厦", "示例高新区") not in links(facts, "PART_OF")


def test_a_park_named_after_the_park_it_is_in_is_part_of_it(extractor: Extractor) -> None:
    facts = extract(extractor, "示例高新区光谷生物城是重点打造的生物产业园区,聚集了企业2000余家。")
    assert ("光谷生物城", "示例高新区") in links(facts, "PART_OF")


def test_a_park_whose_own_name_after_its_city_is_one_character_keeps_the_city(
    extractor: Extractor,
) -> None:
    facts = extract(extractor, "天津港保税区是自贸试验区的重要组成部分。保税区党工委召开会议。")
    assert "天津港保税区" in parks(facts)


def test_a_new_industrial_area_listed_after_a_governing_verb_is_a_park(extractor: Extractor) -> None:
    facts = extract(extractor, "示例经济技术开发区辖示例山工业新区、示例镇等区域。")
    parks = {e.name for e in facts.entities if e.type == "Park"}
    assert parks == {"示例经济技术开发区", "示例山工业新区"}


def test_a_small_enterprise_park_is_a_park(extractor: Extractor) -> None:
    facts = extract(extractor, "会上,示例高新区中小企业园联合党委书记作了述职。")
    assert ("示例高新区中小企业园联合党委", "中小企业园") in links(facts, "PARTY_ORG_OF")


def test_parks_a_park_is_made_of_are_named_and_parts_of_it(extractor: Extractor) -> None:
    text = (
        "示例高新技术产业开发区是国家级高新区,实行“一区多园”模式,"
        "由示例片区、化工循环产业园和通用机场产业园组成。"
    )
    parts = links(extract(extractor, text), "PART_OF")
    made_of = ("示例片区", "化工循环产业园", "通用机场产业园")
    assert parts == {(name, "示例高新技术产业开发区") for name in made_of}


@pytest.mark.parametrize(
    "text",
    [
        "目前,示例经济开发区拥有智能制造产业园、新材料产业园等5个专业园区。",
        "示例经济开发区规划建设智能制造产业园、新材料产业园两大园中园。",
        "示例经济开发区内有智能制造产业园、新材料产业园等特色园区。",
    ],
)
def test_parks_a_park_has_listed_by_industry_are_its_named_parts(extractor: Extractor, text: str) -> None:
    parts = links(extract(extractor, text), "PART_OF")
    assert parts == {(name, "示例经济开发区") for name in ("智能制造产业园", "新材料产业园")}


def test_a_parks_name_may_join_two_lines_of_business(extractor: Extractor) -> None:
    text = "推动示例县经济开发区、丽水软件与服务外包产业园和示例县物流园区协同发展。"
    parks = {e.name for e in extract(extractor, text).entities if e.type == "Park"}
    assert "丽水软件与服务外包产业园" in parks
    assert "外包产业园" not in parks


def test_the_titled_park_stays_the_articles_park_when_a_listed_part_is_named_as_often(
    extractor: Extractor,
) -> None:
    text = (
        "丽水丙丁湾新区推行“网格化”党建管理\n\n"
        "丙丁湾新区党工委把全区划分为化工园区、临港产业园、科创园三个党建网格。化工园区党委负责化工园区内"
        "企业的党建工作,临港产业园党总支由新区经济发展局党支部代管。\n\n"
        "科创园党总支下设孵化器党支部和科创企业联合党支部。科创企业联合党支部覆盖丽水甲乙科技有限公司等"
        "14家科技型企业。\n\n新区党工委副书记刘洋介绍,“网格化”党建管理实施以来,新区新建党组织21个。"
    )
    facts = extract(extractor, text)
    assert ("化工园区", "丽水丙丁湾新区") in links(facts, "PART_OF")
    assert ("丽水甲乙科技有限公司", "丽水丙丁湾新区") in links(facts, "LOCATED_IN")


def test_a_park_said_to_be_one_of_a_zones_parks_is_its_part_and_the_zone_not_its(
    extractor: Extractor,
) -> None:
    text = (
        "示例化工循环产业园推进产业链党建\n\n"
        "示例化工循环产业园是丽水高新区“一区多园”中的重要园区,现有化工企业56家。"
        "园区党委组建精细化工产业链党支部。甲乙新材料有限公司是链主企业。"
    )
    facts = extract(extractor, text)
    assert links(facts, "PART_OF") == {("示例化工循环产业园", "丽水高新区")}
    assert ("甲乙新材料有限公司", "示例化工循环产业园") in links(facts, "LOCATED_IN")
    branches = {e.name for e in facts.entities if e.type == "Branch"}
    assert any(name.endswith("精细化工产业链党支部") for name in branches)


def test_a_districts_short_name_and_yuan_in_a_committees_name_name_its_park(extractor: Extractor) -> None:
    facts = extract(extractor, "海淀区委海淀园工委常务副书记李明出席。中关村丰台园党工委书记王强出席。")
    assert {"海淀园", "中关村丰台园"} <= set(parks(facts))
    assert {("海淀区委海淀园工委", "海淀园"), ("中关村丰台园党工委", "中关村丰台园")} <= links(
        facts, "PARTY_ORG_OF"
    )
    assert "人民公园" not in parks(extract(extractor, "人民公园党支部开展活动。"))


def test_a_partnership_with_china_in_a_parks_name_is_read_whole(extractor: Extractor) -> None:
    facts = extract(extractor, "中国-马来西亚钦州产业园党工委召开会议。中国—东盟青年产业园签约项目12个。")
    assert {"中国-马来西亚钦州产业园", "中国—东盟青年产业园"} <= set(parks(facts))


def test_a_province_before_a_bracketed_place_is_part_of_the_parks_name(extractor: Extractor) -> None:
    facts = extract(extractor, "浙江(衢州)沿海产业基地2006年成立。")
    assert "浙江(衢州)沿海产业基地" in parks(facts)


def test_the_park_named_after_being_called_a_zones_part_is_its_part(extractor: Extractor) -> None:
    text = "作为衢州高新区的重要组成部分,青禾科技园从挂牌起就推进党建工作。青禾科技园党委书记李明介绍了情况。"
    assert ("青禾科技园", "衢州高新区") in links(extract(extractor, text), "PART_OF")


def test_a_working_committee_names_a_zone_no_park_word_names(extractor: Extractor) -> None:
    text = "丽水湾党工委深入推进园区党建。中共中国青谷党工委书记王明介绍,中国青谷已集聚企业300余家。"
    facts = extract(extractor, text)
    assert {"丽水湾", "中国青谷"} <= set(parks(facts))
    assert ("中国青谷党工委", "中国青谷") in links(facts, "PARTY_ORG_OF")


def test_a_parks_committee_with_its_other_name_in_brackets_is_named_whole(extractor: Extractor) -> None:
    text = "“企业党建难点多。”丽水科技城(海创园)党工委有关负责人告诉记者。"
    facts = extract(extractor, text)
    assert ("丽水科技城(海创园)党工委", "丽水科技城(海创园)") in links(facts, "PARTY_ORG_OF")


def test_a_party_committee_named_after_a_valley_or_a_bay_names_that_zone(extractor: Extractor) -> None:
    text = "记者从丽天云谷党委获悉,该党委坚持党建引领。丽天云谷位于示例科技城核心区域。青禾公司党委召开会议。"
    facts = extract(extractor, text)
    assert "丽天云谷" in parks(facts)
    assert ("丽天云谷党委", "丽天云谷") in links(facts, "PARTY_ORG_OF")
    assert "青禾公司" not in parks(facts)


def test_a_heading_glued_before_a_zones_working_committee_is_not_the_zone(extractor: Extractor) -> None:
    text = "一、整体谋划,打造综保区党建联合体青禾片区党工委始终把党的建设放在首位。"
    facts = extract(extractor, text)
    assert ("青禾片区党工委", "青禾片区") in links(facts, "PARTY_ORG_OF")


def test_a_street_or_a_kind_of_member_is_no_zone_of_a_working_committee(extractor: Extractor) -> None:
    text = "青禾街党工委、非公企业党工委深入推进党建工作。"
    assert parks(extract(extractor, text)) == {}


def test_a_building_named_before_the_building_kind_is_a_park(extractor: Extractor) -> None:
    lone = extract(extractor, "丽水区成立丽天中心楼宇党委,商务楼宇联合党委同时揭牌。")
    assert ("丽天中心楼宇党委", "丽天中心") in links(lone, "PARTY_ORG_OF")
    assert set(parks(lone)) == {"丽天中心"}
    text = "丽天广场中心写字楼位于丽水市。丽天中心楼宇党委下设丽天中心T2楼宇党支部。"
    written_whole = extract(extractor, text)
    assert set(parks(written_whole)) == {"丽天广场中心写字楼"}


def test_parks_a_zone_has_built_or_is_made_of_are_its_parts(extractor: Extractor) -> None:
    built = extract(extractor, "丽水经济开发区建成龙湾产业园、瓯海产业园。")
    assert {("龙湾产业园", "丽水经济开发区"), ("瓯海产业园", "丽水经济开发区")} <= links(built, "PART_OF")
    text = "龙湾产业园作为丽水经济开发区“一区多园”的重要组成部分,集聚企业120家。"
    assert ("龙湾产业园", "丽水经济开发区") in links(extract(extractor, text), "PART_OF")


def test_a_short_place_name_ending_in_yuan_is_a_part_of_the_zone_not_a_garden(extractor: Extractor) -> None:
    text = (
        "丽水经济开发区位于丽水市。丽水经济开发区采取“一区两园”的布局:东园是老园区,西园即新区。"
        "东园集聚企业80家,西园新建社区公园和幼儿园。丽水经济开发区党工委统筹两园党建。"
    )
    facts = extract(extractor, text)
    assert set(parks(facts)) == {"丽水经济开发区", "东园", "西园"}
    assert ("东园", "丽水经济开发区") in links(facts, "PART_OF")


def test_a_line_of_business_before_a_sector_park_word_stays_in_the_park_s_name(extractor: Extractor) -> None:
    facts = extract(extractor, "浙江省衢州市西城人力资源服务产业园区负责人吕光明说。")
    assert "西城人力资源服务产业园区" in {e.name for e in facts.entities if e.type == "Park"}


@pytest.mark.parametrize(
    "text",
    [
        (
            "东港经开区全力创建“五面红旗”示范开发区\n今年以来,东港经济开发区探索建立“三三”工作机制,"
            "奋力争创“党建引领、改革创新”“五面红旗”示范开发区,形成党建与发展同频共振的良好局面。"
        ),
        "东港经济开发区荣获“十佳”园区称号。",
        "东港经济开发区着力打造千亿级光伏产业基地。",
        "东港经济开发区引进国家级孵化器和省级众创空间。",
    ],
)
def test_a_quoted_count_a_rank_or_a_scale_before_a_park_word_names_no_park(
    extractor: Extractor, text: str
) -> None:
    facts = extract(extractor, text)
    assert {e.name for e in facts.entities if e.type == "Park"} == {"东港经济开发区"}


def test_an_adverb_before_a_verb_ends_the_park_that_does_it(extractor: Extractor) -> None:
    text = (
        "衢江经开区全力创建“五面红旗”示范开发区\n"
        "今年以来,衢江经济技术开发区以高义钢铁、威顿水泥等企业为龙头,组建链主企业党组织。"
    )
    facts = extract(extractor, text)
    assert set(parks(facts)) == {"衢江经济技术开发区"}
    assert "衢江经开区" in parks(facts)["衢江经济技术开发区"]
    assert ("高义钢铁", "衢江经济技术开发区") in links(facts, "LOCATED_IN")


def test_a_park_named_once_then_by_its_kind_word_is_the_article_s(extractor: Extractor) -> None:
    text = (
        "衢江区成立首个非公党建工作指导站\n"
        "日前,衢江区首个非公党建工作指导站在衢江经济开发区挂牌成立。指导站由3名区派指导员组成。\n"
        "“有指导站带领,就没有啥问题解决不了。”衢州英科实业有限公司党支部书记刘友说,该党支部已接受指导站"
        "集中指导6次。3名区派指导员协助开发区筹建本级党建指导员队伍。"
    )
    assert ("衢州英科实业有限公司", "衢江经济开发区") in links(extract(extractor, text), "LOCATED_IN")


def test_an_article_that_only_calls_its_park_by_a_kind_word_is_about_that_park(extractor: Extractor) -> None:
    text = (
        "7月1日上午,开发区举办非公企业党建述职会。区党工委委员、管委会副主任王建国及开发区全体非公企业"
        "党组织负责人参加活动。"
        "衢州利德尔电器有限公司党支部以“文化党建”为品牌,打造了一个高素质的党员班子。"
    )
    facts = extract(extractor, text)
    assert ("衢州利德尔电器有限公司", "开发区") in links(facts, "LOCATED_IN")
    assert ("开发区党工委", "开发区") in links(facts, "PARTY_ORG_OF")


def test_a_count_of_parks_in_parks_names_no_park(extractor: Extractor) -> None:
    facts = extract(extractor, "衢江经济开发区构建三级联动体系,实现党的组织和工作在三个园中园全覆盖。")
    assert set(parks(facts)) == {"衢江经济开发区"}


@pytest.mark.parametrize(
    "text",
    ["要把衢江高新区建成世界一流高科技园区。", "益阳市园区建设大会战中,衢江高新区位居益阳十大园区第一名。"],
)
def test_a_standing_a_park_is_praised_with_names_no_park(extractor: Extractor, text: str) -> None:
    assert set(parks(extract(extractor, text))) <= {"衢江高新区"}


def test_a_park_written_short_with_its_place_and_whole_is_one_park_its_bare_word_names(
    extractor: Extractor,
) -> None:
    text = (
        "衢州青禾经开区:党建指导员进企业\n"
        "位于浙江省衢州市的衢州青禾经济技术开发区,集聚企业400余家。青禾经开区党工委选派52名干部。"
        "何静是青禾经开区党群工作部副部长。经开区党工委下设非公企业综合党委。"
        "据青禾经开区党工委委员唐晓峰介绍,成效明显。"
    )
    facts = extract(extractor, text)
    assert ("衢州青禾经济技术开发区非公企业综合党委", "衢州青禾经济技术开发区党工委") in links(
        facts, "SUBORDINATE_TO"
    )


def test_a_park_written_by_the_end_of_its_name_is_that_park_when_counting_which_the_article_is_about(
    extractor: Extractor,
) -> None:
    text = (
        "青禾国际生物城:党建引领产业聚链\n"
        "青禾国际生物城位于示例市南部。生物城党工委成立了产业综合党委,在生物城党工委领导下开展工作。"
        "设在生物城的党群服务中心已经开放。衢州康诺药业有限公司、衢州百佑生物科技有限公司等企业受益。"
        "生物城党工委相关负责人表示,生物城将继续推进。"
    )
    located = links(extract(extractor, text), "LOCATED_IN")
    companies = ("衢州康诺药业有限公司", "衢州百佑生物科技有限公司")
    assert {(company, "青禾国际生物城") for company in companies} <= located


def test_a_park_called_mostly_by_the_end_of_its_name_is_named_in_full(extractor: Extractor) -> None:
    text = (
        "青禾物流港党委:让货车司机找到家\n"
        "衢州青禾物流港是衢州规模最大的物流集散地。2020年,衢州青禾物流港党委正式成立。"
        "物流港党委在三个园区建立了联合党支部。衢州顺和物流有限公司、衢州金路达运输有限公司的党员参加。"
        "物流港党委书记高建军说,物流港党委还推出了党建品牌,物流港党委将在衢州青禾物流港建服务站。"
    )
    located = links(extract(extractor, text), "LOCATED_IN")
    companies = ("衢州顺和物流有限公司", "衢州金路达运输有限公司")
    assert {(company, "衢州青禾物流港") for company in companies} <= located


def test_a_park_called_by_its_name_alone_is_the_park_whose_name_holds_it(extractor: Extractor) -> None:
    text = (
        "青禾湖集成电路产业党建联盟成立\n"
        "位于衢州市的青禾湖是全市集成电路产业最集中的区域,青禾湖高新技术产业开发区聚集企业200余家。"
        "联盟由中共衢州青禾湖高新技术产业开发区工作委员会(简称青禾湖党工委)牵头组建,"
        "衢州芯成半导体有限公司、衢州华封测试科技有限公司等企业加入。青禾湖党工委副书记叶志明讲话。"
    )
    facts = extract(extractor, text)
    assert {e.name for e in facts.entities if e.type == "Park"} == {"衢州青禾湖高新技术产业开发区"}
    companies = ("衢州芯成半导体有限公司", "衢州华封测试科技有限公司")
    assert {(c, "衢州青禾湖高新技术产业开发区") for c in companies} <= links(facts, "LOCATED_IN")


def test_a_party_body_named_after_a_listed_part_of_the_park_is_its_body(extractor: Extractor) -> None:
    text = (
        "港区内分为零担专线区、冷链仓储区两个功能园区,物流港党委在两个园区分别建立了联合党支部。"
        "其中,冷链仓储区联合党支部覆盖衢州沂蒙冷链物流有限公司。"
    )
    facts = extract(extractor, text)
    assert ("冷链仓储区联合党支部", "冷链仓储区") in links(facts, "PARTY_ORG_OF")
    assert ("衢州沂蒙冷链物流有限公司", "冷链仓储区") in links(facts, "LOCATED_IN")


def test_a_bare_park_body_in_a_paragraph_opening_with_a_part_of_the_park_is_that_part_s(
    extractor: Extractor,
) -> None:
    text = (
        "青禾工业园区由太沙工业园和崇岗精细化工园两个园中园组成。园区党工委由青禾县委组织部直接领导,"
        "下设太沙工业园党委和崇岗精细化工园党委。\n"
        "青禾县委常委、园区党工委书记马文礼介绍,目前园区企业党组织已达67个。\n"
        "崇岗精细化工园企业规模普遍不大。园区党委牵头成立精细化工企业联合党支部,"
        "由园区党委专职副书记王丽兼任支部书记。"
    )
    facts = extract(extractor, text)
    assert ("王丽", "崇岗精细化工园党委") in {(p, body) for p, body, _ in posts(facts)}
    assert ("精细化工企业联合党支部", "崇岗精细化工园党委") in {
        (a.removeprefix("崇岗精细化工园"), b) for a, b in links(facts, "SUBORDINATE_TO")
    }


def test_parks_listed_before_a_quoted_word_for_parts_are_parts_of_the_park(extractor: Extractor) -> None:
    text = "衢州青禾双创基地位于柯城区。园内设有终南青年创业园和秦韵文创街区两个“园中园”。"
    assert {("终南青年创业园", "衢州青禾双创基地"), ("秦韵文创街区", "衢州青禾双创基地")} <= links(
        extract(extractor, text), "PART_OF"
    )


def test_a_bare_zone_word_in_an_article_on_a_lesser_park_is_another_park(extractor: Extractor) -> None:
    text = (
        "市委非公办到青禾数字小镇调研党建工作。高新区党工委副书记黄乔坤陪同调研。\n"
        "调研组听取了高新区特色产业情况介绍,要求把青禾数字小镇建设成为党建工作的示范区。"
    )
    facts = extract(extractor, text)
    parks = {e.name: e.aliases for e in facts.entities if e.type == "Park"}
    assert "高新区" in parks
    assert "高新区" not in parks["青禾数字小镇"]
    assert ("黄乔坤", "高新区党工委") in {(p, body) for p, body, _ in posts(facts)}


def test_parks_named_in_a_list_of_honours_are_honours_not_parks(extractor: Extractor) -> None:
    text = (
        "青禾高新区先后荣获全国百佳科学发展示范园区、湖北省开发区先进集体、湖北省知名品牌示范区"
        "等荣誉称号。园区内的青禾生物医药产业园发展迅速。"
    )
    parks = {e.name for e in extract(extractor, text).entities if e.type == "Park"}
    assert "青禾生物医药产业园" in parks
    assert not any(p.startswith("湖北省") or "品牌" in p for p in parks)


def test_a_province_or_the_country_before_a_bare_park_word_names_no_one_park(extractor: Extractor) -> None:
    text = "青禾经济开发区入选中国开发区协会名单,位列湖北省开发区十强。"
    facts = extract(extractor, text)
    assert {e.name for e in facts.entities if e.type == "Park"} == {"青禾经济开发区"}
    assert "中国开发区协会" in {e.name for e in facts.entities if e.type == "Organization"}


def test_a_park_written_with_a_category_word_after_its_own_park_word_is_that_park(
    extractor: Extractor,
) -> None:
    text = (
        "白沙镇在青禾信息科技园园区举办活动,青禾信息科技园园区党组织11家参加。"
        "园区管理方白沙经济合作社党支部签订协议。"
    )
    facts = extract(extractor, text)
    parks = {e.name for e in facts.entities if e.type == "Park"}
    assert "青禾信息科技园" in parks
    assert not any(p.endswith("园园区") for p in parks)
    assert "白沙经济合作社党支部" in {e.name for e in facts.entities if e.type == "Branch"}


def test_a_title_park_written_with_and_without_its_place_wins_a_tie_with_a_part(extractor: Extractor) -> None:
    text = (
        "青禾县白沙经济开发区2024年工作总结\n"
        "2024年,青禾县白沙经济开发区党工委紧紧围绕工业强县目标开展工作。\n"
        "白沙经济开发区位于县城东部。开发区下设食品产业园、新材料科技园2个园中园。"
        "开发区党工委书记由县委常委周立群兼任。食品产业园去年新增企业12家,"
        "食品产业园党总支书记由王力担任。开发区将继续推进园区建设,开发区企业发展良好。"
    )
    facts = extract(extractor, text)
    assert ("周立群", "白沙经济开发区党工委") in {(p, body) for p, body, _ in posts(facts)}


def test_a_park_called_again_and_again_by_its_park_word_is_the_article_s_park(extractor: Extractor) -> None:
    text = (
        "青禾创业小镇:党建引领创客成长\n"
        "白沙区的青禾创业小镇是一个双创平台。小镇内建有云锦双创基地,云锦双创基地入驻团队120家,"
        "云锦双创基地党支部书记由王力担任,云锦双创基地发展良好。\n"
        "2024年,青禾创业小镇党委成立。小镇党委下设小镇党群服务中心。小镇企业发展良好,小镇就业人数增长,"
        "小镇里的白鹭科技有限公司建立了党支部。"
    )
    facts = extract(extractor, text)
    assert ("云锦双创基地", "青禾创业小镇") in links(facts, "PART_OF") | links(facts, "LOCATED_IN")


def test_a_zone_written_with_a_category_word_after_it_inside_a_body_s_name_is_the_zone(
    extractor: Extractor,
) -> None:
    text = "昨日,中共青禾经济开发区园区委员会成立。青禾经济开发区现有企业300余家,青禾经济开发区发展良好。"
    parks = {e.name for e in extract(extractor, text).entities if e.type == "Park"}
    assert parks == {"青禾经济开发区"}


def test_a_word_for_parks_parts_in_the_title_does_not_hide_the_title_s_park(extractor: Extractor) -> None:
    text = (
        "白沙青禾高新区:“园中园”里党旗红\n"
        "白沙青禾高新区规划面积30平方公里,下设电瓷产业园、陶瓷创意园2个园中园。电瓷产业园企业规模较大,"
        "电瓷产业园成立党总支,陶瓷创意园成立联合党支部,电瓷产业园党总支书记由王力担任,电瓷产业园产值增长。"
        "白沙青禾高新区党工委统筹全区工作,高新区企业发展良好,高新区党工委书记由李明担任。"
        "园区内的云锦科技有限公司发展良好。"
    )
    assert ("云锦科技有限公司", "白沙青禾高新区") in links(extract(extractor, text), "LOCATED_IN")


def test_a_park_s_areas_are_parks_and_a_kind_of_area_is_none(extractor: Extractor) -> None:
    text = (
        "白沙县的峡口新材料工业园分为铝基新材料片区、光伏材料片区和精细化工片区。"
        "坐落在光伏材料片区的白沙硅材料科技有限公司是重点企业。峡口新材料工业园去年产值增长。"
        "园区搭建起综合党委、功能性片区党总支、企业党支部上下贯通的组织体系。"
    )
    facts = extract(extractor, text)
    parks = {e.name for e in facts.entities if e.type == "Park"}
    assert {"铝基新材料片区", "光伏材料片区", "精细化工片区"} <= parks
    assert "功能性片区" not in parks
    assert ("白沙硅材料科技有限公司", "光伏材料片区") in links(facts, "LOCATED_IN")


def test_a_bare_park_word_after_a_rank_says_what_rank_the_park_is_not_which(extractor: Extractor) -> None:
    text = (
        "2024年以来,园区党工委坚持党建引领,园区党建工作呈现新气象。\n"
        "青禾循环经济产业园位于合肥市长丰县北部,2015年升格为省级开发区。园区党工委是长丰县委的派出机构,"
        "与园区管委会合署办公。党工委书记由区委常委王力兼任;党工委副书记、管委会主任李明主持日常工作。\n"
        "党工委下设物流商贸综合党委、园区非公企业党委和管委会机关党支部。园区非公企业党委负责指导云锦科技"
        "有限公司党支部等15个企业党支部。从党工委到非公企业党委再到企业党支部,组织链条就此贯通。"
        "园区党工委还建立了园区人才驿站,园区企业发展良好,园区营商环境持续优化。"
    )
    facts = extract(extractor, text)
    parks = {e.name for e in facts.entities if e.type == "Park"}
    assert parks == {"青禾循环经济产业园"}
    assert ("物流商贸综合党委", "青禾循环经济产业园党工委") in links(facts, "SUBORDINATE_TO")


def test_an_article_whose_title_names_its_park_is_about_it_however_often_it_says_only_yuanqu(
    extractor: Extractor,
) -> None:
    text = (
        "青禾新型工业园:“园中园”里党旗红\n"
        "走进位于长丰县下塘镇的青禾新型工业园,厂房整齐排列。作为长丰县的重点园区,园区采取一园多区的布局,园区规划建设了"
        "竹木产业园和建材产业园。青禾新型工业园党委书记王力告诉记者,园区党委分别成立了竹木产业园联合党支部"
        "和建材产业园联合党支部,2个支部均由园区党委统一领导。园区党委创建了党建品牌,园区企业发展良好。"
        "这一做法得到肯定,并在全县工业园区推广。"
    )
    facts = extract(extractor, text)
    assert ("竹木产业园联合党支部", "青禾新型工业园党委") in links(facts, "SUBORDINATE_TO")
    assert not any(e.name.startswith("长丰县") for e in facts.entities if e.type in ("Park", "Committee"))


def test_a_zone_s_body_in_a_sentence_on_its_sub_parks_is_the_article_s_zone_s(extractor: Extractor) -> None:
    text = (
        "2024年,长丰县青禾经济开发区党工委、管委会紧紧围绕目标狠抓项目建设。\n"
        "青禾经济开发区位于长丰县北部,下设食品加工产业园、新材料科技园2个园中园。\n"
        "开发区党工委是县委的派出机构,党工委书记由县委常委王力兼任。\n"
        "食品加工产业园、新材料科技园2个党总支均隶属开发区党工委,实现实体化运行。"
    )
    facts = extract(extractor, text)
    assert ("新材料科技园党总支", "青禾经济开发区党工委") in links(facts, "SUBORDINATE_TO")
    assert not any(e.name.startswith("新材料科技园开发区") for e in facts.entities)


def test_areas_named_more_often_than_the_titled_park_are_its_parts_not_the_article_s_park(
    extractor: Extractor,
) -> None:
    text = (
        "青禾新材料工业园:片区党建“串珠成链”\n"
        "白沙县的青禾新材料工业园位于县城西南部,按照“一园三片”规划建设,分为铝基片区、光伏片区和化工片区。\n"
        "青禾新材料工业园综合党委成立。综合党委在铝基片区成立联合党支部,在光伏片区成立党支部,"
        "在化工片区成立党总支。铝基片区企业多,光伏片区企业少,化工片区企业大。铝基片区、光伏片区产值增长。"
    )
    parts = links(extract(extractor, text), "PART_OF")
    assert {(area, "青禾新材料工业园") for area in ("铝基片区", "光伏片区", "化工片区")} <= parts
