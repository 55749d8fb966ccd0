"""A working group a notice forms, and its members by role (`组长:甲乙`), in lines or in a table; so too the
Party body a notice forms."""

from __future__ import annotations

from extracting import extract, links, posts

from parkgraph.graph.facts import DocumentFacts
from parkgraph.loaders.extractor import Extractor

GROUP = "青禾经济开发区非公企业党建工作领导小组"


def roles(facts: DocumentFacts) -> set[tuple[str, str]]:
    names = {e.id: e.name for e in facts.entities}
    return {
        (names[r.head], r.attributes.get("title", ""))
        for r in facts.relations
        if r.type == "HOLDS_POST" and names[r.tail] == GROUP
    }


def test_members_listed_by_role_under_a_notice_hold_their_role_in_the_group(extractor: Extractor) -> None:
    text = (
        f"关于成立{GROUP}的通知\n"
        f"经研究,决定成立{GROUP},组成人员如下:\n"
        "组  长:吕光明  开发区党工委书记\n"
        "副组长:柏文山  开发区党工委副书记\n"
        "成  员:韩雪松  开发区组织人事部部长\n"
        "        褚云    开发区经济发展局局长\n"
        "领导小组下设办公室,韩雪松同志兼任办公室主任。\n"
    )
    found = roles(extract(extractor, text))
    assert found == {("吕光明", "组长"), ("柏文山", "副组长"), ("韩雪松", "成员"), ("褚云", "成员")}


def test_a_tables_role_column_gives_the_role_in_the_group(extractor: Extractor) -> None:
    text = (
        f"关于组建{GROUP}的通知\n"
        f"决定组建{GROUP}。\n"
        "| 小组职务 | 姓名 | 本职 |\n"
        "| 组长 | 吕光明 | 书记(青禾经济开发区党工委) |\n"
        "| 成员 | 褚云 | 局长(经济发展局) |\n"
    )
    assert roles(extract(extractor, text)) == {("吕光明", "组长"), ("褚云", "成员")}


def test_roles_name_no_group_where_the_document_names_two(extractor: Extractor) -> None:
    text = f"成立{GROUP}和青禾经济开发区招商工作领导小组。\n组长:吕光明\n"
    assert roles(extract(extractor, text)) == set()


NOTICE = (
    "中共示例开发区工作委员会关于成立示例开发区新材料产业链联合党委的通知\n\n"
    "经研究,决定成立中共示例开发区新材料产业链联合委员会,隶属示例开发区党工委管理。\n\n"
    "一、组成人员\n书记:方国强(示例开发区党工委委员)\n副书记:毛建平(甲乙股份有限公司党委副书记)\n"
    "委员:郑丽娟、徐海波\n\n"
    "二、成员单位\n甲乙股份有限公司党委、丙丁金属制品有限公司党支部\n"
)


def test_roles_listed_in_a_notice_forming_a_party_body_are_posts_in_it(extractor: Extractor) -> None:
    facts = extract(extractor, NOTICE)
    formed = {e.name for e in facts.entities if e.type == "Committee" and "联合" in e.name}
    assert formed == {"示例开发区新材料产业链联合委员会"}
    found = {p for p in posts(facts) if p[1] in formed}
    expected = [("方国强", "书记"), ("毛建平", "副书记"), ("郑丽娟", "委员"), ("徐海波", "委员")]
    assert found == {(person, "示例开发区新材料产业链联合委员会", title) for person, title in expected}
    assert ("毛建平", "示例开发区工作委员会", "副书记") not in posts(facts)


def test_member_units_listed_under_their_heading_are_covered_by_the_body_formed(extractor: Extractor) -> None:
    facts = extract(extractor, NOTICE)
    formed = "示例开发区新材料产业链联合委员会"
    assert {(formed, "甲乙股份有限公司"), (formed, "丙丁金属制品有限公司")} <= links(facts, "COVERS")
    assert ("丙丁金属制品有限公司党支部", formed) in links(facts, "SUBORDINATE_TO")
