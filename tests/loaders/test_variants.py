"""One entity per unit however a document writes it short, and two units kept apart."""

from __future__ import annotations

from extracting import extract

from parkgraph.graph.facts import DocumentFacts
from parkgraph.loaders.extractor import Extractor


def names(facts: DocumentFacts, type_: str) -> dict[str, set[str]]:
    return {e.name: set(e.aliases) for e in facts.entities if e.type == type_}


def test_a_park_with_characters_left_out_of_its_word_is_the_park(extractor: Extractor) -> None:
    text = "安吉县青禾高新技术产业园区是省级园区。今年以来，安吉县青禾高新园区新增企业十家。"
    parks = names(extract(extractor, text), "Park")
    assert len(parks) == 1
    assert {"安吉县青禾高新技术产业园区", "安吉县青禾高新园区"} <= {*parks, *next(iter(parks.values()))}


def test_the_article_s_park_written_as_the_word_its_name_ends_in_is_that_park(extractor: Extractor) -> None:
    text = (
        "青禾工业城：小微企业党建全覆盖\n在示例市的青禾工业城，一家家中小企业比邻而居。"
        "解决不了的向工业城党工委反映。青禾工业城党工委书记李润华表示，工业城将在全域推广经验。"
    )
    facts = extract(extractor, text)
    assert set(names(facts, "Park")) == {"青禾工业城"}
    assert set(names(facts, "Committee")) == {"青禾工业城党工委"}


def test_a_building_written_without_an_inserted_word_is_the_building(extractor: Extractor) -> None:
    text = "松柏广场中心写字楼入驻企业四十家。松柏中心写字楼成立了楼宇党支部。"
    assert list(names(extract(extractor, text), "Park")) == ["松柏广场中心写字楼"]


def test_a_body_written_without_a_kind_word_is_the_body(extractor: Extractor) -> None:
    text = "甲县成立了青禾楼宇综合党委。王立任青禾综合党委书记。"
    facts = extract(extractor, text)
    assert list(names(facts, "Committee")) == ["青禾楼宇综合党委"]


def test_a_buildings_body_for_its_members_is_its_own_body(extractor: Extractor) -> None:
    text = "金桥大厦:楼宇党委让白领找到组织\n金桥大厦位于示例高新区。金桥大厦党委书记由王磊担任。"
    assert list(names(extract(extractor, text), "Committee")) == ["金桥大厦党委"]


def test_a_branch_written_with_its_formal_word_is_the_branch(extractor: Extractor) -> None:
    text = "中共安吉县青禾电器有限公司支部委员会成立。青禾电器党支部书记李明说，支部建在车间上。"
    facts = extract(extractor, text)
    assert len(names(facts, "Branch")) == 1
    assert len(names(facts, "Enterprise")) == 1
    posts = [r for r in facts.relations if r.type == "HOLDS_POST"]
    branch = next(e for e in facts.entities if e.type == "Branch")
    assert [p.tail for p in posts] == [branch.id]


def test_a_company_by_its_brand_and_short_word_is_the_company(extractor: Extractor) -> None:
    text = "浙江青禾电器有限公司投资两亿元。青禾公司党支部书记李明说，支部建在车间上。"
    facts = extract(extractor, text)
    assert list(names(facts, "Enterprise")) == ["浙江青禾电器有限公司"]
    assert list(names(facts, "Branch")) == ["浙江青禾电器有限公司党支部"]


def test_a_name_that_only_lacks_the_end_of_anothers_is_another_unit(extractor: Extractor) -> None:
    text = "青禾产业园位于安吉县。青禾新材产业园在德清县，二者相距百里。"
    assert set(names(extract(extractor, text), "Park")) == {"青禾产业园", "青禾新材产业园"}


def test_branches_of_a_company_and_of_its_workshops_stay_apart(extractor: Extractor) -> None:
    text = "青禾电器一车间党支部书记李明说。青禾电器二车间党支部书记王刚说。青禾电器党支部书记赵强说。"
    assert len(names(extract(extractor, text), "Branch")) == 3


def test_two_names_in_one_sentence_are_two_units(extractor: Extractor) -> None:
    text = "目前，松柏中心写字楼、松柏广场中心写字楼已建立党组织。"
    assert set(names(extract(extractor, text), "Park")) == {"松柏中心写字楼", "松柏广场中心写字楼"}


def test_a_body_without_a_kind_word_is_not_the_kind_of_body(extractor: Extractor) -> None:
    text = "青禾街道综合党委统筹辖区非公企业。青禾街道党委书记张华出席会议。"
    assert len(names(extract(extractor, text), "Committee")) == 2


def test_a_short_form_that_fits_two_units_names_neither(extractor: Extractor) -> None:
    text = "松柏广场中心写字楼入驻企业四十家。松柏东方中心写字楼于去年落成。松柏中心写字楼成立了党支部。"
    assert len(names(extract(extractor, text), "Park")) == 3


def test_a_body_named_after_a_park_written_short_is_the_parks_body(extractor: Extractor) -> None:
    text = "安吉县青禾高新技术产业园区是省级园区。安吉县青禾高新园区党工委书记李明说，园区企业增长很快。"
    facts = extract(extractor, text)
    park = next(e for e in facts.entities if e.type == "Park")
    committee = next(e for e in facts.entities if e.type == "Committee")
    assert committee.name == park.name + "党工委"
    assert any(
        r.type == "PARTY_ORG_OF" and (r.head, r.tail) == (committee.id, park.id) for r in facts.relations
    )


def test_a_company_is_not_its_one_named_workshop_or_branch_office(extractor: Extractor) -> None:
    facts = extract(extractor, "青禾电器一车间党支部书记李明说。青禾电器党支部书记赵强说。")
    assert len(names(facts, "Enterprise")) == 2
    assert len(names(facts, "Branch")) == 2
    facts = extract(extractor, "浙江青禾集团萧山分公司投资两亿元。青禾公司党支部书记李明说，支部建在车间上。")
    assert len(names(facts, "Enterprise")) == 2


def test_a_body_named_by_a_quoted_brand_is_one_body_however_long_written(extractor: Extractor) -> None:
    text = (
        "青禾市城区工业园区成立“鱼跃”装备配套产业党建联盟。园区党工委指导“鱼跃”装备配套产业党建联盟。"
        "下一步,将“鱼跃”党建联盟打造成标杆。"
    )
    bodies = names(extract(extractor, text), "Organization")
    assert list(bodies) == ["鱼跃装备配套产业党建联盟"]
    assert {"“鱼跃”党建联盟", "鱼跃党建联盟"} <= bodies["鱼跃装备配套产业党建联盟"]


def test_a_body_named_after_a_companys_short_name_is_the_registered_companys(extractor: Extractor) -> None:
    text = (
        "示例市宁德时代新能源科技股份有限公司党委入选示范点。宁德时代党委现有党员2100余名。"
        "宁德时代党委推行“党员+项目”模式。"
    )
    assert list(names(extract(extractor, text), "Committee")) == ["示例市宁德时代新能源科技股份有限公司党委"]


def test_a_short_name_declared_without_quotes_and_the_park_it_names_are_the_full_ones(
    extractor: Extractor,
) -> None:
    text = (
        "中共示例青禾湖高新技术产业开发区工作委员会（简称青禾湖党工委）坚持党建引领。"
        "青禾湖党工委牵头组建了集成电路产业党建联盟。"
    )
    facts = extract(extractor, text)
    assert set(names(facts, "Park")) == {"示例青禾湖高新技术产业开发区"}
    committees = names(facts, "Committee")
    assert set(committees) == {"示例青禾湖高新技术产业开发区工作委员会"}
    assert "青禾湖党工委" in committees["示例青禾湖高新技术产业开发区工作委员会"]


def test_a_body_named_after_a_parks_declared_short_name_is_the_body_of_the_park(extractor: Extractor) -> None:
    text = (
        "示例县青禾高新技术产业开发区(以下简称青禾高新区)成立于2006年。"
        "青禾高新区党工委书记汪立成统筹全面工作;党工委副书记许慕华兼任管委会主任。"
    )
    facts = extract(extractor, text)
    committees = {e.name for e in facts.entities if e.type == "Committee"}
    assert committees == {"青禾高新技术产业开发区党工委"}


def test_a_government_written_with_and_without_its_people_s_title_is_one_organ(extractor: Extractor) -> None:
    text = "长丰县人民政府印发通知。园区管委会为长丰县政府的派出机构。"
    organs = [e for e in extract(extractor, text).entities if "政府" in e.name]
    assert [e.name for e in organs] == ["长丰县人民政府"]
    assert "长丰县政府" in organs[0].aliases


def test_a_park_written_after_its_county_s_short_form_is_the_park(extractor: Extractor) -> None:
    text = (
        "长丰青禾智能装备产业园党建联盟成立\n"
        "4月18日,长丰县青禾智能装备产业园党建联盟成立大会召开。青禾智能装备产业园地处长丰县北部。"
    )
    parks = names(extract(extractor, text), "Park")
    assert list(parks) == ["青禾智能装备产业园"]
    assert {"长丰青禾智能装备产业园", "长丰县青禾智能装备产业园"} <= parks["青禾智能装备产业园"]
