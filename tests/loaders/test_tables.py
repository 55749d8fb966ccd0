"""Tables written into a text (`| 姓名 | 职务 |` rows): each row's person holds the posts it writes."""

from __future__ import annotations

import pytest
from extracting import extract, links, posts
from officekit import office

from parkgraph.loaders.extractor import Extractor
from parkgraph.loaders.normalize import normalize
from parkgraph.loaders.pipeline import Pipeline
from parkgraph.loaders.sources import read_bytes

HEADED = (
    "青禾经济开发区党建工作领导小组成员名单\n"
    "| 姓名 | 职务 | 单位 |\n"
    "| --- | --- | --- |\n"
    "| 吕光明 | 书记 | 甲乙科技有限公司党支部 |\n"
    "| 柏  文 | 董事长 | 丙丁物流有限公司 |\n"
)
POSTED = (
    "青禾经济开发区关于组建招商工作小组的通知\n"
    "| 小组职务 | 姓名 | 本职 |\n"
    "| 组长 | 韩雪松 | 局长(经济发展局) |\n"
    "| 成员 | 褚云 | 董事长兼总经理(青禾建设发展集团有限公司) |\n"
)


def test_a_row_under_a_header_gives_its_person_the_post_in_its_unit(extractor: Extractor) -> None:
    found = posts(extract(extractor, HEADED))
    assert ("吕光明", "甲乙科技有限公司党支部", "书记") in found
    assert ("柏文", "丙丁物流有限公司", "董事长") in found


def test_a_cell_of_titles_and_a_bracketed_unit_gives_each_title(extractor: Extractor) -> None:
    found = posts(extract(extractor, POSTED))
    assert ("韩雪松", "经济发展局", "局长") in found
    assert {("褚云", "青禾建设发展集团有限公司", t) for t in ("董事长", "总经理")} <= found


def test_a_table_without_a_person_column_names_no_one(extractor: Extractor) -> None:
    text = "| 企业 | 产值 |\n| 甲乙科技有限公司 | 吕光明 |\n"
    assert not any(e.type == "Person" for e in extract(extractor, text).entities)


@pytest.mark.parametrize("separator", ["\t", " | "], ids=["tabs", "bars"])
def test_a_column_headed_by_a_post_title_holds_that_post_in_its_rows_unit(
    extractor: Extractor, separator: str
) -> None:
    rows = [
        ["序号", "党组织名称", "书记", "联系电话"],
        ["1", "甲乙电子有限公司党支部", "王建国", "0571-12345678"],
        ["2", "示例科技城联合党支部", "张伟", "0571-11112222"],
    ]
    table = "".join(
        (separator.join(row) if separator == "\t" else f"| {separator.join(row)} |") + "\n" for row in rows
    )
    found = posts(extract(extractor, normalize("示例科技城非公企业党组织书记名录\n" + table).text))
    assert found == {("王建国", "甲乙电子有限公司党支部", "书记"), ("张伟", "示例科技城联合党支部", "书记")}


def test_a_name_in_a_column_headed_by_no_post_holds_none(extractor: Extractor) -> None:
    text = "示例科技城党组织名录\n| 党组织名称 | 书记 | 备注 |\n| 甲乙电子有限公司党支部 | 王建国 | 李红 |\n"
    assert posts(extract(extractor, text)) == {("王建国", "甲乙电子有限公司党支部", "书记")}


@pytest.mark.parametrize("separator", ["", " "], ids=["glued", "spaced"])
def test_a_table_glued_into_one_line_gets_a_line_per_row(separator: str) -> None:
    lines = normalize(POSTED.replace("\n", separator)).text.split("\n")
    assert "| 组长 | 韩雪松 | 局长(经济发展局) |" in lines
    assert "| 小组职务 | 姓名 | 本职 |" in lines


def test_a_header_row_under_the_title_is_no_menu() -> None:
    text = "青禾经济开发区非公企业党组织书记名单\n| 姓名 | 职务 | 单位 |\n| 吕光明 | 书记 | 甲乙党支部 |\n"
    assert "| 姓名 | 职务 | 单位 |" in normalize(text).text.split("\n")


def test_a_roster_table_in_a_word_document_gives_each_row_its_post() -> None:
    roster = [
        ["姓名", "职务", "单位"],
        ["李明", "书记", "甲乙科技有限公司党支部"],
        ["赵海平", "副书记", "丙丁机械有限公司党委"],
    ]
    raw = read_bytes(office.docx_from_text("青禾经济开发区党组织书记名单", roster), "名单.docx")
    found = posts(Pipeline().facts(raw))
    assert {("李明", "甲乙科技有限公司党支部", "书记"), ("赵海平", "丙丁机械有限公司党委", "副书记")} <= found


SPACED = (
    "青禾经济开发区非公企业党组织一览表\n\n"
    "序号 党组织名称 党组织书记 所在园区\n"
    "1 甲乙科技有限公司党支部 吕光明 青禾经济开发区\n"
    "2 丙丁纺织有限公司党支部 柏文 青禾经济开发区纺织产业园\n"
)


def test_a_table_lined_up_with_spaces_is_read_as_rows(extractor: Extractor) -> None:
    assert "| 2 | 丙丁纺织有限公司党支部 | 柏文 | 青禾经济开发区纺织产业园 |" in normalize(SPACED).text
    found = posts(extract(extractor, normalize(SPACED).text))
    assert found == {("吕光明", "甲乙科技有限公司党支部", "书记"), ("柏文", "丙丁纺织有限公司党支部", "书记")}


def test_a_rows_enterprise_lies_in_the_park_its_park_column_names(extractor: Extractor) -> None:
    located = links(extract(extractor, normalize(SPACED).text), "LOCATED_IN")
    assert ("丙丁纺织有限公司", "纺织产业园") in located
    assert ("丙丁纺织有限公司", "青禾经济开发区") not in located
