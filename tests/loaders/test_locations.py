"""Where units lie (LOCATED_IN) and what parks are made of (PART_OF), read from an article's subject and
its enumerations. Each test writes invented sentences of one construction."""

from __future__ import annotations

import pytest

from parkgraph.graph.facts import DocumentFacts, DocumentInfo
from parkgraph.loaders.extractor import Extractor


def relations(extractor: Extractor, text: str, type_: str) -> set[tuple[str, str]]:
    facts: DocumentFacts = extractor.extract(text, DocumentInfo(id="d1", source="d1.txt"))
    names = {e.id: e.name for e in facts.entities}
    return {(names[r.head], names[r.tail]) for r in facts.relations if r.type == type_}


def test_the_articles_park_lies_in_the_region_one_of_its_spellings_starts_with(extractor: Extractor) -> None:
    text = (
        "青禾经开区打造党建新品牌\n"
        "示例市青禾经济开发区是全省重要的化工基地。"
        "青禾经开区以甲乙化工、丙丁能源等龙头企业为依托,强化党建引领。"
    )
    assert ("青禾经济开发区", "示例市") in relations(extractor, text, "LOCATED_IN")


def test_a_branch_named_after_a_region_a_park_and_its_sub_park_places_the_park(extractor: Extractor) -> None:
    text = "衢江区高新区新材料产业园临时党支部正式成立,这是衢江区探索“支部建在链上”的一个缩影。"
    placed = relations(extractor, text, "LOCATED_IN")
    assert ("衢江区高新区", "衢江区") in placed
    assert ("新材料产业园", "衢江区高新区") in relations(extractor, text, "PART_OF")
    assert not any(head == "新材料产业园" for head, _ in placed)


def test_a_park_named_with_a_short_region_lies_in_the_region_written_whole(extractor: Extractor) -> None:
    text = (
        "青禾城区工业园区推动链企融合\n"
        "日前,示例市青禾城区工业园区召开会议。"
        "青禾城区工业园区以甲乙化工、丙丁能源等龙头企业为依托,强化党建引领。"
    )
    placed = relations(extractor, text, "LOCATED_IN")
    assert any(head.endswith("城区工业园区") and tail == "示例市" for head, tail in placed)


def test_the_articles_park_is_not_placed_in_a_region_it_is_not_written_with(extractor: Extractor) -> None:
    text = (
        "青禾经开区打造党建新品牌\n"
        "示例市今年推动青禾经济开发区转型。"
        "青禾经开区以甲乙化工、丙丁能源等龙头企业为依托,强化党建引领。"
    )
    assert ("青禾经济开发区", "示例市") not in relations(extractor, text, "LOCATED_IN")


def names(extractor: Extractor, text: str, type_: str) -> set[str]:
    facts = extractor.extract(text, DocumentInfo(id="d1", source="d1.txt"))
    return {e.name for e in facts.entities if e.type == type_}


def test_a_name_listed_with_parks_is_a_park_whatever_its_last_word(extractor: Extractor) -> None:
    text = "柯城区入选12家;辖区内的青禾创意广场、丙丁国际商务园和戊己传媒产业园,成为首批重点园区。"
    assert {"青禾创意广场", "丙丁国际商务园", "戊己传媒产业园"} <= names(extractor, text, "Park")
    placed = relations(extractor, text, "LOCATED_IN")
    assert ("青禾创意广场", "柯城区") in placed


def test_a_short_brand_opening_a_list_of_brands_is_an_enterprise(extractor: Extractor) -> None:
    text = "眼下，华为、青禾速运、丙丁仓储等一批国内外知名企业已进驻戊己写字楼。"
    assert {"华为", "青禾速运", "丙丁仓储"} <= names(extractor, text, "Enterprise")


def test_a_name_listed_with_a_single_park_is_not_typed_by_it(extractor: Extractor) -> None:
    text = "今年,柯城区推动青禾广场、丙丁国际商务园建设。"
    assert "青禾广场" not in names(extractor, text, "Park")


def test_a_last_item_running_into_its_predicate_is_not_typed(extractor: Extractor) -> None:
    text = "柯城区的青禾国际商务园、丙丁传媒产业园、戊己广场举行联学活动。"
    assert not any(name.startswith("戊己") for name in names(extractor, text, "Park"))


def test_a_region_written_before_a_parks_own_name_is_where_it_lies(extractor: Extractor) -> None:
    text = (
        "两园区联合招商\n"
        "示例县青禾会展经济区与丙丁高新区联合举办招商会。青禾会展经济区、丙丁高新区今年各新增企业12家。"
    )
    assert ("青禾会展经济区", "示例县") in relations(extractor, text, "LOCATED_IN")


def test_a_park_holding_another_in_its_jurisdiction_does_not_lie_in_it(extractor: Extractor) -> None:
    text = "青禾会展经济区在辖区内的丙丁智慧物流园举行关爱货车司机活动。"
    placed = relations(extractor, text, "LOCATED_IN")
    assert ("丙丁智慧物流园", "青禾会展经济区") in placed
    assert ("青禾会展经济区", "丙丁智慧物流园") not in placed


PARK_ARTICLE = (
    "青禾经济技术开发区党建工作纪实\n青禾经济技术开发区今年新增企业12家。青禾经济技术开发区发展很快。"
)


def test_a_body_formed_with_no_one_named_as_its_founder_lies_in_the_articles_park(
    extractor: Extractor,
) -> None:
    text = PARK_ARTICLE + "高度关注新兴领域,成立以直播带货为重点的电商业协会。"
    assert ("电商业协会", "青禾经济技术开发区") in relations(extractor, text, "LOCATED_IN")


def test_a_body_formed_by_a_named_founder_is_not_placed_in_the_articles_park(extractor: Extractor) -> None:
    text = PARK_ARTICLE + "示例市商务局成立以直播带货为重点的电商业协会。"
    assert ("电商业协会", "青禾经济技术开发区") not in relations(extractor, text, "LOCATED_IN")


def test_a_park_introduced_as_one_of_a_regions_parks_lies_in_it(extractor: Extractor) -> None:
    text = "作为示例市重点布局的12个产业功能区中的一个,青禾智慧物流产业园已引进企业49家。"
    assert ("青禾智慧物流产业园", "示例市") in relations(extractor, text, "LOCATED_IN")


def test_parks_where_a_region_plans_to_act_lie_in_it(extractor: Extractor) -> None:
    text = "柯城区还打算在青禾路步行街、丙丁路街坊街、戊己路商业街等商圈陆续组建党组织。"
    assert {"青禾路步行街", "丙丁路街坊街", "戊己路商业街"} <= names(extractor, text, "Park")
    assert {
        ("青禾路步行街", "柯城区"),
        ("丙丁路街坊街", "柯城区"),
        ("戊己路商业街", "柯城区"),
    } <= relations(extractor, text, "LOCATED_IN")


def test_an_organ_named_by_its_regions_level_word_lies_in_that_region(extractor: Extractor) -> None:
    text = "示例县青禾工业园区迎来现场会\n本次现场会由县委组织部和县商务局共同主办,地点在示例县。"
    placed = relations(extractor, text, "LOCATED_IN")
    assert {("示例县委组织部", "示例县"), ("示例县商务局", "示例县")} <= placed


def test_an_organ_of_a_region_whose_committee_is_named_is_not_placed_in_it(extractor: Extractor) -> None:
    text = "青禾经济开发区管委会是示例县政府的派出机构,示例县委书记王青禾兼任党工委书记。示例县位于江南。"
    assert ("示例县政府", "示例县") not in relations(extractor, text, "LOCATED_IN")


REGION_ARTICLE = "示例县非公党建见成效\n示例县共有非公企业300家。示例县青禾工业园区于2010年开工建设。"


def test_enterprises_introduced_as_in_the_only_park_of_a_region_article_lie_in_it(
    extractor: Extractor,
) -> None:
    text = REGION_ARTICLE + "园区里纳税过亿元的企业有两家,分别是甲乙化工和丙丁能源。"
    placed = relations(extractor, text, "LOCATED_IN")
    assert {("甲乙化工", "青禾工业园区"), ("丙丁能源", "青禾工业园区")} <= placed


def test_enterprises_merely_named_in_a_region_article_are_not_placed_in_its_park(
    extractor: Extractor,
) -> None:
    text = REGION_ARTICLE + "全县以甲乙化工、丙丁能源等龙头企业为依托组建党建联盟。"
    placed = relations(extractor, text, "LOCATED_IN")
    assert not {p for p in placed if p[1] == "青禾工业园区" and p[0] in ("甲乙化工", "丙丁能源")}


def test_a_county_of_another_city_is_not_placed_in_the_articles_city(extractor: Extractor) -> None:
    text = "长沙市推进园区党建\n长沙市党员干部赴西华县学习。长沙县也派人参加。长沙市的做法获得好评。"
    placed = relations(extractor, text, "LOCATED_IN")
    assert ("长沙县", "长沙市") in placed
    assert ("西华县", "长沙市") not in placed


def test_a_body_named_after_a_park_is_not_placed_in_the_region_that_begins_the_parks_name(
    extractor: Extractor,
) -> None:
    text = (
        "示例县经济开发区概况\n示例县经济开发区坐落在示例县城东。"
        "管委会下面还有一家事业单位——示例县经济开发区企业服务中心,现有在编人员10人。"
    )
    placed = relations(extractor, text, "LOCATED_IN")
    assert ("示例县经济开发区", "示例县") in placed
    assert ("示例县经济开发区企业服务中心", "示例县") not in placed


def test_a_party_building_facility_named_after_a_park_lies_in_it(extractor: Extractor) -> None:
    text = PARK_ARTICLE + "青禾经济技术开发区党群服务中心今年建成投用,青禾经济技术开发区管委会负责运营。"
    placed = relations(extractor, text, "LOCATED_IN")
    assert ("青禾经济技术开发区党群服务中心", "青禾经济技术开发区") in placed
    assert ("青禾经济技术开发区管委会", "青禾经济技术开发区") not in placed


def test_enterprises_named_before_the_article_turns_to_a_part_lie_in_the_whole_park(
    extractor: Extractor,
) -> None:
    text = (
        "示例高新区:产业集聚 党建赋能\n"
        "示例高新区位于样板市东部。样板新能源有限公司是示例高新区的龙头企业。"
        "示例高新区下辖示例数字产业园和示例生物产业园两个园中园。示例高新区党工委推动企业党建。"
        "示例数字产业园入驻了样板软件有限公司等30家企业。示例数字产业园建有党群服务中心。"
        "示例高新区党工委书记陈佳怡说,园区还将引进一批企业。样板电子有限公司也在扩建。"
    )
    placed = relations(extractor, text, "LOCATED_IN")
    assert ("样板新能源有限公司", "示例高新区") in placed
    assert ("样板电子有限公司", "示例数字产业园") in placed


def test_the_park_an_articles_park_is_part_of_is_not_placed_inside_it(extractor: Extractor) -> None:
    text = (
        "青禾生物城:党建引领产业聚链\n"
        "示例市青禾新技术开发区下设青禾生物城、青禾软件园等园中园。青禾生物城内集聚了甲乙医药有限公司等企业。"
        "青禾新技术开发区党工委在青禾生物城设立综合党委。青禾生物城的企业都建了党组织。"
    )
    assert ("青禾新技术开发区", "青禾生物城") not in relations(extractor, text, "PART_OF")
    assert ("甲乙医药有限公司", "青禾生物城") in relations(extractor, text, "LOCATED_IN")


def test_enterprises_of_a_sentence_set_in_a_part_of_the_park_lie_in_that_part(extractor: Extractor) -> None:
    text = (
        "青禾经济开发区党建工作综述\n"
        "青禾经济开发区下设青禾软件园等园中园。青禾经济开发区有企业三百家,甲乙化工有限公司是其中之一。"
        "在青禾软件园,园区党委联合丙丁信息有限公司等企业组建党建联盟。"
    )
    located = relations(extractor, text, "LOCATED_IN")
    assert ("丙丁信息有限公司", "青禾软件园") in located
    assert ("甲乙化工有限公司", "青禾经济开发区") in located


def test_a_park_written_with_and_without_its_city_is_the_articles_one_park(extractor: Extractor) -> None:
    """Counted apart, each spelling of the park is named once, fewer times than the building."""
    text = (
        "洛阳市涧西区产业集聚区:“红色引擎”驱动高质量发展\n"
        "本报讯(记者 韩雪)近年来,涧西区产业集聚区党工委坚持以党建引领园区发展,探索推"
        "行“党建+招商”“支部+项目”工作模式,推动党建工作与产业发展深度融合。\n"
        "涧西区产业集聚区位于洛阳市区北部,规划面积18平方公里,入驻企业230余家。集聚"
        "区党工委下设党政办公室、经济发展局、企业服务中心等8个内设机构,现有两新党组织4"
        "6个。\n"
        "在集聚区党工委的统一领导下,各企业党组织积极发挥作用。河南青禾发制品股份有限公司"
        "党委书记、董事长吕光明表示,公司将党建工作写入企业章程,推行“党员责任区”制度。"
        "洛阳云锦传动轴股份有限公司党支部组织党员成立技术攻关小组,攻克技术难题12项。\n"
        "为破解小微企业党建难题,集聚区以楼宇为单位,在创业大厦组建了创业大厦联合党支部,"
        "覆盖洛阳智慧科技有限公司、河南金石不锈钢产业集团有限公司等15家企业。\n"
    )
    located = relations(extractor, text, "LOCATED_IN")
    assert ("河南青禾发制品股份有限公司", "洛阳市涧西区产业集聚区") in located


@pytest.mark.parametrize(
    ("text", "region"),
    [
        ("金石物流园是山东省临沂市兰山区重点打造的物流园区。", "兰山区"),
        ("金石物流园是临沂市唯一的省级物流园区。", "临沂市"),
        ("金石物流园隶属于临沂市兰山区。", "兰山区"),
    ],
    ids=["a-park-of", "one-park-of", "belongs-to"],
)
def test_a_park_said_to_be_a_places_park_lies_in_it(extractor: Extractor, text: str, region: str) -> None:
    assert ("金石物流园", region) in relations(extractor, text, "LOCATED_IN")


def test_a_park_said_to_be_a_places_pride_is_not_placed_by_it(extractor: Extractor) -> None:
    assert relations(extractor, "金石物流园是临沂市的骄傲。", "LOCATED_IN") == set()


def test_no_district_or_building_is_placed_in_the_building_an_article_is_about(extractor: Extractor) -> None:
    text = (
        "湖州中心:商圈党建有温度\n"
        "湖州中心商圈党总支成立于2019年,甲乙科技有限公司等100多家企业入驻湖州中心。"
        "湖州中心商圈党总支书记丙丁说,湖州中心商圈党总支接受云锦湖商务区党工委的指导。"
        "湖州中心商圈党总支与戊己广场党总支结对共建。"
    )
    placed = relations(extractor, text, "LOCATED_IN")
    assert ("甲乙科技有限公司", "湖州中心") in placed
    assert ("云锦湖商务区", "湖州中心") not in placed
    assert ("戊己广场", "湖州中心") not in placed


def test_the_titles_park_written_bare_too_is_the_articles_against_a_part_named_more(
    extractor: Extractor,
) -> None:
    text = (
        "青禾高新区:党建引领硬科技企业集聚\n"
        "青禾高新区是全国首批国家级高新区之一。在青禾软件新城,高新区党工委组建了青禾软件新城联合党委。"
        "青禾软件新城管理办公室负责日常工作,高新区党工委负责指导。"
        "甲乙半导体有限公司党委打造了党建品牌。"
    )
    assert ("甲乙半导体有限公司", "青禾高新区") in relations(extractor, text, "LOCATED_IN")


def test_a_building_a_park_article_names_lies_in_the_park_without_a_word_of_place(
    extractor: Extractor,
) -> None:
    text = (
        "云锦湖商务区:楼宇党建暖人心\n"
        "云锦湖商务区党工委坚持党建引领。甲乙大厦党支部书记丙丁说,大厦里的企业都来参加活动。"
        "戊己大厦联合党支部今年吸纳企业12家。"
    )
    placed = relations(extractor, text, "LOCATED_IN")
    assert {("甲乙大厦", "云锦湖商务区"), ("戊己大厦", "云锦湖商务区")} <= placed


def test_a_park_a_park_article_names_lies_in_the_park_without_a_word_of_place(extractor: Extractor) -> None:
    text = (
        "青禾经济开发区:党建引领产业集聚\n"
        "青禾经济开发区党工委坚持党建引领,推动组织覆盖。青禾生物医药产业基地今年引进项目12个。"
        "星湖药谷集聚了企业30家。"
    )
    placed = relations(extractor, text, "LOCATED_IN")
    assert {("青禾生物医药产业基地", "青禾经济开发区"), ("星湖药谷", "青禾经济开发区")} <= placed


def test_a_park_with_no_proper_name_inside_a_named_park_is_a_park_of_its_own(extractor: Extractor) -> None:
    text = "湖州高新区内的智能制造产业园亮点纷呈,今年新签约项目12个。"
    assert ("智能制造产业园", "湖州高新区") in relations(extractor, text, "LOCATED_IN")


ARTICLE_ON_A_PARK_WRITTEN_SHORT_IN_ITS_TITLE = (
    "青禾高新区:以党建激活新动能\n"
    "近年来,湖州市青禾高新技术产业开发区党工委坚持党建引领。高新区党工委下设综合党委,"
    "综合党委吸纳了湖州云锦光电科技有限公司、浙江青禾新材料股份有限公司等28家企业党组织。"
    "园区与浙江大学湖州研究院合作。"
)


def test_an_article_names_its_park_short_in_the_title_and_whole_with_its_city_in_the_text(
    extractor: Extractor,
) -> None:
    placed = relations(extractor, ARTICLE_ON_A_PARK_WRITTEN_SHORT_IN_ITS_TITLE, "LOCATED_IN")
    assert ("湖州云锦光电科技有限公司", "湖州市青禾高新技术产业开发区") in placed
    assert ("湖州市青禾高新技术产业开发区", "湖州市") in placed


def test_the_place_the_articles_park_names_is_the_articles_place(extractor: Extractor) -> None:
    facts = extractor.extract(
        ARTICLE_ON_A_PARK_WRITTEN_SHORT_IN_ITS_TITLE, DocumentInfo(id="d", source="d.txt")
    )
    committees = {e.name for e in facts.entities if e.type == "Committee"}
    assert not any(name.startswith("浙江") for name in committees)


def test_a_park_above_the_park_the_article_lies_in_is_no_part_of_the_articles_park(
    extractor: Extractor,
) -> None:
    text = (
        "青禾软件园:党建引领软实力\n"
        "青禾软件园位于示例高新区南部园区。园区现有入驻企业600余家,包括甲乙科技有限公司等。"
        "在示例高新区党工委的领导下,青禾软件园成立园区综合党委。示例高新区出台政策支持企业。"
    )
    placed = relations(extractor, text, "LOCATED_IN")
    assert ("甲乙科技有限公司", "青禾软件园") in placed
    assert ("示例高新区", "青禾软件园") not in relations(extractor, text, "PART_OF")


def test_a_park_named_with_its_city_and_district_written_short_lies_in_the_district(
    extractor: Extractor,
) -> None:
    text = "湖州吴兴高新区党工委推动党建工作。吴兴区今年新增企业党组织12个。"
    assert ("湖州吴兴高新区", "吴兴区") in relations(extractor, text, "LOCATED_IN")


def test_a_park_of_another_city_an_article_names_is_not_in_its_park(extractor: Extractor) -> None:
    text = (
        "青禾经济开发区:学习先进经验\n"
        "青禾经济开发区党工委组织党员赴深圳前海深港现代服务业合作区学习考察。星湖药谷集聚了企业30家。"
    )
    placed = relations(extractor, text, "LOCATED_IN")
    assert placed == {("星湖药谷", "青禾经济开发区")}


def test_a_park_named_once_then_by_its_own_kind_word_is_the_articles(extractor: Extractor) -> None:
    text = (
        "示例镇:双轮驱动\n"
        "示例镇金桥五金产业园是全省特色产业园。镇党委以产业园为阵地,组建了产业园党建联合会。"
        "甲乙五金制品有限公司、丙丁电器有限公司的党员加入。"
    )
    facts = extractor.extract(text, DocumentInfo(id="d1", source="d1.txt"))
    assert "金桥五金产业园党建联合会" in {e.name for e in facts.entities}
    assert ("甲乙五金制品有限公司", "金桥五金产业园") in relations(extractor, text, "LOCATED_IN")


def test_a_park_named_after_a_town_the_article_names_is_named_wherever_written(
    extractor: Extractor,
) -> None:
    text = (
        "联盟让小微企业抱团发展\n"
        "在示例市东江区青禾镇的示例高新区青禾园区,聚集着200多家小微企业。"
        "去年,青禾园区成立了党建联盟,成员单位包括甲乙五金制品有限公司等32家。"
    )
    assert ("甲乙五金制品有限公司", "青禾园区") in relations(extractor, text, "LOCATED_IN")


def test_in_an_article_on_several_parks_a_parks_sentence_places_its_enterprises(
    extractor: Extractor,
) -> None:
    text = (
        "株洲市:产业园区党建各具特色\n"
        "株洲市委组织部在全市产业园区推行党建品牌创建。"
        "株洲高新区以“动力谷先锋”为品牌,依托甲乙电力机车有限公司等龙头企业,组建轨道交通产业链党委。"
        "醴陵经开区打造“陶瓷红色联盟”,吸纳丙丁瓷业股份有限公司等18家企业党组织加入。"
    )
    placed = relations(extractor, text, "LOCATED_IN")
    assert ("甲乙电力机车有限公司", "株洲高新区") in placed
    assert ("丙丁瓷业股份有限公司", "醴陵经开区") in placed


def test_a_subjectless_clause_of_parts_and_of_taking_in_speaks_of_the_sentences_park(
    extractor: Extractor,
) -> None:
    text = (
        "示例经济开发区实行一区三园管理\n"
        "示例经济开发区位于示例县城北部,实行“一区三园”管理模式,下辖城北工业园、城南工业园和高铁新区产业园三个园区。"
        "其中,城北工业园以电子信息产业为主,入驻了甲乙晶电科技有限公司、丙丁光电有限公司等企业。"
    )
    parts = relations(extractor, text, "PART_OF")
    assert {(p, "示例经济开发区") for p in ("城北工业园", "城南工业园", "高铁新区产业园")} <= parts
    placed = relations(extractor, text, "LOCATED_IN")
    assert {("甲乙晶电科技有限公司", "城北工业园"), ("丙丁光电有限公司", "城北工业园")} <= placed


def test_units_a_parks_article_visits_or_partners_with_are_not_in_the_park(extractor: Extractor) -> None:
    text = (
        "青禾高新区:党建引领产学研合作\n"
        "青禾高新区位于示例市西部。高新区党工委组织企业赴甲乙技术有限公司、丙丁集团学习考察。"
        "园区内的青禾智能装备有限公司与清华大学共建联合实验室。"
    )
    placed = relations(extractor, text, "LOCATED_IN")
    assert ("青禾智能装备有限公司", "青禾高新区") in placed
    assert not {head for head, _ in placed} & {"甲乙技术有限公司", "丙丁集团", "清华大学"}


def test_a_park_a_described_park_holds_is_its_part_only(extractor: Extractor) -> None:
    text = (
        "示例高新区:园中园党建\n"
        "示例高新区是样板市南部的重要产业板块,区内建有青禾科技产业园和丙丁智能制造产业园等多个园中园。"
    )
    assert ("青禾科技产业园", "示例高新区") in relations(extractor, text, "PART_OF")
    assert ("青禾科技产业园", "示例高新区") not in relations(extractor, text, "LOCATED_IN")


def test_an_enterprise_paired_with_a_parks_body_stays_in_the_park(extractor: Extractor) -> None:
    text = (
        "瓯江经开区开展结对联建活动\n"
        "瓯江经济技术开发区党工委组织区内机关党组织与非公企业党组织开展结对共建。"
        "经开区财政局党支部与浙江天正电气股份有限公司党委结对。"
    )
    assert ("浙江天正电气股份有限公司", "瓯江经济技术开发区") in relations(extractor, text, "LOCATED_IN")


def test_a_park_whose_people_visit_the_articles_park_is_not_in_it(extractor: Extractor) -> None:
    text = (
        "示例智造新城党工委书记王立军一行赴示例绿色产业集聚区调研\n"
        "调研组走访了甲乙科技有限公司。示例绿色产业集聚区党工委副书记徐海燕陪同调研。"
    )
    located = relations(extractor, text, "LOCATED_IN")
    assert ("甲乙科技有限公司", "示例绿色产业集聚区") in located
    assert not any(head == "示例智造新城" for head, _ in located)


def test_a_park_of_a_kind_ending_like_a_zone_word_still_lies_in_the_articles_park(
    extractor: Extractor,
) -> None:
    text = (
        "丽水工业园区:“青禾先锋”党建品牌激活“两新”组织活力\n"
        "丽水工业园区党工委坚持以“青禾先锋”先锋阵地群建设为抓手,推动“两新”组织党建提质增效。\n"
        "园区还依托青禾湾科教创新区,组建科教创新区党建联盟,吸纳示例大学等高校院所党组织。"
    )
    placed = relations(extractor, text, "PART_OF") | relations(extractor, text, "LOCATED_IN")
    assert ("青禾湾科教创新区", "丽水工业园区") in placed


def test_enterprises_a_sentence_opening_with_a_part_of_the_park_names_lie_in_that_part(
    extractor: Extractor,
) -> None:
    text = (
        "青禾科学城：谷链融合\n近年来,青禾科学城在核心区先后建起数字丽天谷和生命衢州谷两个园中园。\n"
        "数字丽天谷集聚了示例数据科技有限公司、丙丁智能装备有限公司等40余家企业;"
        "生命衢州谷则以戊己生物医药有限公司为龙头,吸引了一批企业落户。"
    )
    assert relations(extractor, text, "LOCATED_IN") >= {
        ("示例数据科技有限公司", "数字丽天谷"),
        ("丙丁智能装备有限公司", "数字丽天谷"),
        ("戊己生物医药有限公司", "生命衢州谷"),
    }


def test_enterprises_a_building_s_party_body_takes_in_lie_in_that_building(extractor: Extractor) -> None:
    text = (
        "青禾高新区：楼宇党建\n青禾高新区位于示例市。青禾高新区集聚企业300余家,建有丽天金融大厦等楼宇。"
        "丽天金融大厦党总支覆盖示例银行股份有限公司、丙丁保险有限公司等8家金融机构。"
    )
    assert relations(extractor, text, "LOCATED_IN") >= {
        ("示例银行股份有限公司", "丽天金融大厦"),
        ("丙丁保险有限公司", "丽天金融大厦"),
    }


def test_cities_of_other_provinces_lie_in_none_of_the_article_s_province(extractor: Extractor) -> None:
    text = (
        "山东省推进园区党建工作。山东省委组织部介绍,山东省各园区党组织积极学习北京市、上海市、深圳市的经验,"
        "济南市、青岛市的园区也在山东省的部署下开展工作。"
    )
    in_shandong = {region for region, tail in relations(extractor, text, "LOCATED_IN") if tail == "山东省"}
    assert in_shandong & {"北京市", "上海市", "深圳市"} == set()
    assert {"济南市", "青岛市"} <= in_shandong


def test_the_enterprises_of_a_paragraph_that_opens_with_a_part_of_the_park_lie_in_that_part(
    extractor: Extractor,
) -> None:
    text = (
        "青禾经开区:园中园党建见实效\n"
        "衢州青禾经济技术开发区下辖超硬材料产业园和智能装备产业园两个园中园。青禾经开区现有企业300余家,"
        "青禾经开区党工委统筹推进园区党建。\n"
        "超硬材料产业园主打金刚石产品。衢州晶锐超硬材料股份有限公司是这里的龙头企业。\n"
        "智能装备产业园是最年轻的园中园。今年3月,衢州众联智能装备有限公司建立了党支部。"
    )
    placed = relations(extractor, text, "LOCATED_IN")
    assert ("衢州晶锐超硬材料股份有限公司", "超硬材料产业园") in placed
    assert ("衢州众联智能装备有限公司", "智能装备产业园") in placed


def test_enterprises_a_sentence_opening_with_another_park_names_lie_in_that_park(
    extractor: Extractor,
) -> None:
    text = (
        "衢州青弋高新区:“一区三园”架构下党建与产业同频共振\n"
        "衢州青弋高新技术产业开发区围绕“一区三园”空间格局理顺党的组织体系。青弋高新区党工委委员程岚、鲍建国"
        "同时担任管委会副主任,分别联系智能装备产业园、新能源材料产业园。\n"
        "智能装备产业园以衢州恒瑞精密机床有限公司为龙头,集聚了上下游配套企业40余家;"
        "新能源材料产业园里,衢州绿能储电科技有限公司今年新增投资超过20亿元。"
    )
    assert ("衢州绿能储电科技有限公司", "新能源材料产业园") in relations(extractor, text, "LOCATED_IN")


def test_what_a_jurisdiction_gathers_lies_in_the_place_its_sentence_opens_with(extractor: Extractor) -> None:
    text = "青禾镇是云锦机械工业集中区所在地,辖区汇集宏达汽车有限公司、白沙机械有限公司等零部件企业。"
    placed = relations(extractor, text, "LOCATED_IN")
    assert {("宏达汽车有限公司", "青禾镇"), ("白沙机械有限公司", "青禾镇")} <= placed
    assert ("宏达汽车有限公司", "云锦机械工业集中区") not in placed


def test_every_listed_unit_a_place_word_names_lies_in_the_place(extractor: Extractor) -> None:
    text = "据介绍,青禾镇辖区宏达汽车有限公司、白沙机械有限公司和云锦科技有限公司均已建立党组织。"
    assert {
        ("宏达汽车有限公司", "青禾镇"),
        ("白沙机械有限公司", "青禾镇"),
        ("云锦科技有限公司", "青禾镇"),
    } <= relations(extractor, text, "LOCATED_IN")


def test_a_parks_leading_company_lies_in_that_park(extractor: Extractor) -> None:
    text = (
        "宜都高新区发展迅速。\n| 白沙生物医药产业园龙头企业——云锦制药有限公司 | 王力 | 摄 |\n"
        "| 青禾高新技术示范园龙头企业——苏强液压(湖北)有限公司 | 李明 | 摄 |"
    )
    assert {
        ("云锦制药有限公司", "白沙生物医药产业园"),
        ("苏强液压(湖北)有限公司", "青禾高新技术示范园"),
    } <= relations(extractor, text, "LOCATED_IN")


def test_companies_said_to_settle_here_lie_in_the_park_the_clause_before_opens_with(
    extractor: Extractor,
) -> None:
    text = (
        "青禾工业园规划建设了竹木产业园和建材产业园。其中,竹木产业园面积最大,"
        "甲乙家居有限公司、丙丁木业有限公司等23家企业在这里落户;建材产业园以戊己建材有限公司为龙头。"
    )
    assert {("甲乙家居有限公司", "竹木产业园"), ("丙丁木业有限公司", "竹木产业园")} <= relations(
        extractor, text, "LOCATED_IN"
    )
