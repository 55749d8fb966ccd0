"""Spreadsheet rosters (.xlsx, .csv) read through the pipeline: each row's facts, with the row as evidence."""

from __future__ import annotations

import io
import random
import zipfile
from pathlib import Path

import pytest
import reliability
from openpyxl import Workbook
from rosterkit import (
    BRANCH,
    ENTERPRISES,
    HEADER,
    HEADER_ROW,
    PARK,
    PEOPLE,
    TITLE_ROW,
    roster_csv,
    roster_sheet,
    roster_xls,
    roster_xlsx,
    workbook_bytes,
)

from parkgraph.graph.facts import DocumentFacts
from parkgraph.loaders import spreadsheets
from parkgraph.loaders.extractor import Extractor
from parkgraph.loaders.lexicon import load_lexicon
from parkgraph.loaders.pipeline import Pipeline
from parkgraph.loaders.sources import SourceError


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def _names(facts: DocumentFacts) -> dict[str, tuple[str, str]]:
    return {e.id: (e.type, e.name) for e in facts.entities}


def _relations(facts: DocumentFacts, type_: str) -> list[tuple[str, str, str]]:
    names = _names(facts)
    return [
        (names[r.head][1], names[r.tail][1], r.attributes.get("title", ""))
        for r in facts.relations
        if r.type == type_
    ]


def _evidence_row(facts: DocumentFacts, type_: str, head: str, tail: str) -> str:
    names = _names(facts)
    found = [
        r for r in facts.relations if r.type == type_ and (names[r.head][1], names[r.tail][1]) == (head, tail)
    ]
    assert len(found) == 1
    evidence = found[0].evidence
    assert facts.text is not None and facts.text[evidence.start : evidence.end] == evidence.text
    assert "\n" not in evidence.text
    return evidence.text


def _check_roster(facts: DocumentFacts, sheet_label: str) -> None:
    posts = _relations(facts, "HOLDS_POST")
    assert sorted(posts) == sorted(
        (person, BRANCH, ("书记", "委员", "党员", "党员")[i % 4]) for i, person in enumerate(PEOPLE)
    )
    assert sorted(_relations(facts, "COVERS")) == sorted((BRANCH, e, "") for e in ENTERPRISES)
    types = {name: type_ for type_, name in _names(facts).values()}
    assert types[BRANCH] == "Branch"
    assert all(types[e] == "Enterprise" for e in ENTERPRISES)
    for i, person in enumerate(PEOPLE):
        line = _evidence_row(facts, "HOLDS_POST", person, BRANCH)
        assert line.startswith(f"{sheet_label}第{HEADER_ROW + 1 + i}行 ")
        assert f"姓名:{person}" in line and f"企业名称:{ENTERPRISES[i // 4]}" in line
        assert "联系电话" not in line  # columns of no known meaning stay out of the evidence
    for i, enterprise in enumerate(ENTERPRISES):
        line = _evidence_row(facts, "COVERS", BRANCH, enterprise)
        assert line.startswith(f"{sheet_label}第{HEADER_ROW + 1 + 4 * i}行 ")


def test_an_xlsx_roster_is_a_post_per_row_and_the_branch_covers_its_enterprises(pipeline: Pipeline) -> None:
    facts = pipeline.extract_bytes(roster_xlsx(), "名册.xlsx")

    _check_roster(facts, "党员名册 ")
    assert facts.document.title == TITLE_ROW
    assert sorted(_relations(facts, "LOCATED_IN")) == sorted((e, PARK, "") for e in ENTERPRISES)
    person = next(e for e in facts.entities if e.name == PEOPLE[0])
    assert [m.text for m in person.mentions] == [PEOPLE[0]]


def test_a_workbook_is_known_by_its_content_whatever_its_name(pipeline: Pipeline) -> None:
    facts = pipeline.extract_bytes(roster_xlsx(), "导出文件")

    assert len(_relations(facts, "HOLDS_POST")) == len(PEOPLE)


@pytest.mark.parametrize("name", ["名册.xls", "导出文件"])
def test_a_legacy_xls_roster_reads_as_the_same_roster_in_xlsx(pipeline: Pipeline, name: str) -> None:
    facts = pipeline.extract_bytes(roster_xls(), name)

    _check_roster(facts, "党员名册 ")
    assert facts.document.title == TITLE_ROW
    assert facts.document.encoding == "xls"
    assert facts.text == pipeline.extract_bytes(roster_xlsx(), "名册.xlsx").text


def test_a_damaged_xls_is_one_line(pipeline: Pipeline) -> None:
    data = roster_xls()
    with pytest.raises(SourceError) as caught:
        pipeline.extract_bytes(data[:512] + bytes(len(data) - 512), "名册.xls")
    assert str(caught.value).startswith("名册.xls: is not a readable Excel 97–2003 workbook")
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize(
    ("encoding", "delimiter"), [("gbk", ","), ("gbk", "\t"), ("utf-8-sig", ";"), ("utf-8", "，")]
)
def test_a_csv_roster_in_any_encoding_and_delimiter(
    pipeline: Pipeline, encoding: str, delimiter: str
) -> None:
    facts = pipeline.extract_bytes(roster_csv(encoding, delimiter), "名册.csv")

    _check_roster(facts, "")
    assert facts.document.encoding is not None


def test_a_csv_without_roster_columns_is_read_as_text(pipeline: Pipeline) -> None:
    data = "标题,内容\n通知,示例县工业园区成立甲乙科技有限公司党支部。\n".encode("gbk")

    facts = pipeline.extract_bytes(data, "notes.csv")

    assert facts.text is not None and "甲乙科技有限公司党支部" in facts.text
    assert "第2行" not in facts.text


def test_sheets_are_each_read_and_one_without_columns_is_a_warning(tmp_path: Path) -> None:
    other = [["姓名", "职务", "工作单位"], ["史明远", "董事长", "远帆物流有限公司"]]
    data = workbook_bytes({"说明": [["本表由园区填报"]], "党员名册": roster_sheet(), "企业负责人": other})
    warnings: list[str] = []

    facts = Pipeline(warn=lambda source, message: warnings.append(f"{source}: {message}")).extract_bytes(
        data, "名册.xlsx"
    )

    assert ("史明远", "远帆物流有限公司", "董事长") in _relations(facts, "HOLDS_POST")
    assert len(_relations(facts, "HOLDS_POST")) == len(PEOPLE) + 1
    assert warnings == [
        "名册.xlsx: sheet 说明: no roster columns (姓名、职务、单位、企业名称、园区, …) found"
    ]


def test_merged_cells_carry_down(pipeline: Pipeline) -> None:
    book = Workbook()
    sheet = book.active
    sheet.title = "支部"
    for row in (
        ["所在党组织", "姓名", "职务"],
        ["松石机械有限公司党支部", "岳明川", "书记"],
        [None, "柯远", "委员"],
    ):
        sheet.append(row)
    sheet.merge_cells("A2:A3")
    out = io.BytesIO()
    book.save(out)

    facts = pipeline.extract_bytes(out.getvalue(), "支部.xlsx")

    assert sorted(_relations(facts, "HOLDS_POST")) == [
        ("岳明川", "松石机械有限公司党支部", "书记"),
        ("柯远", "松石机械有限公司党支部", "委员"),
    ]
    # the branch's name says whose it is: no COVERS, the name's own PARTY_ORG_OF
    assert _relations(facts, "PARTY_ORG_OF") == [("松石机械有限公司党支部", "松石机械有限公司", "")]


def test_a_cell_may_list_several_enterprises(pipeline: Pipeline) -> None:
    rows = [["党组织名称", "覆盖企业"], [BRANCH, "、".join(ENTERPRISES[:3])]]

    facts = pipeline.extract_bytes(workbook_bytes({"覆盖": rows}), "覆盖.xlsx")

    assert sorted(_relations(facts, "COVERS")) == sorted((BRANCH, e, "") for e in ENTERPRISES[:3])


def test_the_user_extends_the_column_names(tmp_path: Path) -> None:
    user = tmp_path / "lexicon.toml"
    user.write_text('[roster.columns]\nperson = ["同志"]\nunit = ["隶属支部"]\n', encoding="utf-8")
    rows = [["同志", "隶属支部"], ["岳明川", BRANCH]]
    extended = Pipeline(Extractor(lexicon=load_lexicon(str(user)), rules_only=True))

    facts = extended.extract_bytes(workbook_bytes({"名单": rows}), "名单.xlsx")

    assert _relations(facts, "HOLDS_POST") == [("岳明川", BRANCH, "")]
    with pytest.raises(SourceError, match="no roster columns"):
        Pipeline().extract_bytes(workbook_bytes({"名单": rows}), "名单.xlsx")


def test_the_same_roster_gives_the_same_facts(pipeline: Pipeline) -> None:
    data = roster_xlsx()  # openpyxl stamps the time: two workbooks a second apart differ in bytes
    first = pipeline.extract_bytes(data, "名册.xlsx")
    again = pipeline.extract_bytes(data, "名册.xlsx")

    assert first.model_dump() == again.model_dump()


# --- bad input: one line each ---------------------------------------------------------------------------


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (workbook_bytes({"名单": [["序号", "备注"], [1, "无"]]}), "sheet 名单: no roster columns (姓名"),
        (workbook_bytes({"空表": []}), "sheet 空表: is empty"),
        (workbook_bytes({"表头": [list(HEADER)]}), "sheet 表头: has a header but no rows under it"),
        (_zip({"xl/workbook.xml": b"<not a workbook"}), "is not a readable Excel workbook"),
        (roster_xlsx()[:2000], "is not a readable Excel workbook (BadZipFile"),
    ],
)
def test_a_bad_workbook_is_one_line(pipeline: Pipeline, data: bytes, message: str) -> None:
    with pytest.raises(SourceError) as raised:
        pipeline.extract_bytes(data, "坏表.xlsx")

    assert message in str(raised.value) and str(raised.value).startswith("坏表.xlsx: ")
    assert "\n" not in str(raised.value)


def test_a_sheet_longer_than_the_limit_is_refused_before_its_rows_are_read(
    pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(spreadsheets, "MAX_SHEET_ROWS", 10)
    data = workbook_bytes({"长表": roster_sheet(), "短表": roster_sheet()[:8]})
    read: list[str] = []
    trimmed = spreadsheets._trimmed
    monkeypatch.setattr(spreadsheets, "_trimmed", lambda values: read.append("row") or trimmed(values))

    with pytest.raises(SourceError, match="sheet 长表: has 23 rows; the limit is 10 rows per sheet"):
        Pipeline().extract_bytes(workbook_bytes({"长表": roster_sheet()}), "长.xlsx")
    assert read == []
    warnings: list[str] = []
    facts = Pipeline(warn=lambda _, message: warnings.append(message)).extract_bytes(data, "两表.xlsx")
    assert len(_relations(facts, "HOLDS_POST")) == 5 and len(warnings) == 1


def test_a_csv_longer_than_the_limit_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(spreadsheets, "MAX_SHEET_ROWS", 10)

    with pytest.raises(SourceError, match=r"名册\.csv: has more than 10 rows; the limit is 10 rows"):
        Pipeline().extract_bytes(roster_csv("gbk"), "名册.csv")


def test_a_cell_may_list_several_people_and_a_non_name_is_no_person(pipeline: Pipeline) -> None:
    rows = [["职务", "姓名", "单位"], ["委员", "岳明川、柯远", BRANCH], ["书记", "待定(2024)", BRANCH]]

    facts = pipeline.extract_bytes(workbook_bytes({"委员": rows}), "委员.xlsx")

    assert sorted(_relations(facts, "HOLDS_POST")) == [("岳明川", BRANCH, "委员"), ("柯远", BRANCH, "委员")]
    assert not [e for e in facts.entities if e.type == "Person" and "待定" in e.name]


def test_a_branch_named_without_its_unit_is_this_rosters_own(pipeline: Pipeline) -> None:
    rows = [["姓名", "所在党支部"], ["岳明川", "第一党支部"]]
    one = pipeline.extract_bytes(workbook_bytes({"甲": rows}), "甲.xlsx")
    other = pipeline.extract_bytes(workbook_bytes({"乙": rows}), "乙.xlsx")

    keys = [next(e.key for e in facts.entities if e.name == "第一党支部") for facts in (one, other)]
    assert keys[0] != keys[1]
    assert _relations(one, "HOLDS_POST") == [("岳明川", "第一党支部", "")]


@pytest.mark.reliability
def test_damaged_workbooks_are_refused_in_one_line_or_read(pipeline: Pipeline) -> None:
    whole = roster_xlsx()
    rng = random.Random(13)
    damaged = [whole[: rng.randrange(4, len(whole))] for _ in range(30)]
    for _ in range(30):
        data = bytearray(whole)
        for at in rng.sample(range(30, len(data)), 8):
            data[at] ^= 0xFF
        damaged.append(bytes(data))
    held = 0
    for data in damaged:
        try:
            facts = pipeline.extract_bytes(data, "坏表.xlsx")
        except SourceError as exc:
            held += str(exc).startswith("坏表.xlsx: ") and "\n" not in str(exc)
        else:
            held += len(_relations(facts, "HOLDS_POST")) <= len(PEOPLE)
    assert held == len(damaged)
    what = "damaged .xlsx rosters (cut short, bytes flipped): one line or read"
    reliability.record("bad input", what, len(damaged), held)
