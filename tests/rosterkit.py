"""An invented roster: 20 Party members in 5 invented enterprises under one joint branch, as a workbook
(.xlsx, or legacy .xls written by xlwt) or a CSV file, for the roster reader's tests (loaders, CLI, API)."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from openpyxl import Workbook

BRANCH = "青岚产业园联合党支部"
PARK = "青岚产业园"
ENTERPRISES = (
    "蓝湾新材料有限公司",
    "青禾食品有限公司",
    "远帆物流有限公司",
    "澄光电子有限公司",
    "松石机械有限公司",
)
PEOPLE = (
    *("柏一鸣", "郎晓澄", "苗若川", "言守拙"),
    *("祁望舒", "甘乐天", "卜知远", "房映雪"),
    *("滕子恒", "闻书禾", "戚雨桐", "鲍思源"),
    *("邰景行", "伏清扬", "蒯云舟", "糜初晴"),
    *("栾启明", "佴向晚", "皮修竹", "单怀瑾"),
)
TITLES = ("书记", "委员", "党员", "党员")
TITLE_ROW = f"{BRANCH}党员花名册"
HEADER = ("序号", "姓名", "党内职务", "所在党组织", "企业名称", "所在园区", "联系电话")
HEADER_ROW = 3
"""The sheet's row of the header: a title above it, then a blank row."""


def member_rows() -> list[list[object]]:
    """The rows under the header: each enterprise, the branch and the park written once for their rows."""
    rows: list[list[object]] = []
    for i, person in enumerate(PEOPLE):
        first_of_enterprise = i % 4 == 0
        rows.append(
            [
                i + 1,
                person,
                TITLES[i % 4],
                BRANCH if i == 0 else None,
                ENTERPRISES[i // 4] if first_of_enterprise else None,
                PARK if i == 0 else None,
                f"1380000{i:04d}",
            ]
        )
    return rows


def workbook_bytes(sheets: dict[str, Sequence[Sequence[object]]]) -> bytes:
    book = Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(list(row))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def roster_sheet() -> list[list[object]]:
    return [[TITLE_ROW], [], list(HEADER), *member_rows()]


def roster_xlsx() -> bytes:
    return workbook_bytes({"党员名册": roster_sheet()})


def roster_xls() -> bytes:
    """The roster as an Excel 97–2003 workbook, as offices still export them."""
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("党员名册")
    for r, row in enumerate(roster_sheet()):
        for c, value in enumerate(row):
            if value is not None:
                sheet.write(r, c, value)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def roster_csv(encoding: str = "gbk", delimiter: str = ",") -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerows([["" if cell is None else cell for cell in row] for row in roster_sheet()])
    return out.getvalue().encode(encoding)
