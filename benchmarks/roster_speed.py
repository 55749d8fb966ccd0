"""Roster reading throughput: rows per second of a generated member roster, as .xlsx, .xls and .csv.

Run: `python benchmarks/roster_speed.py [--rows 10000,100000]`.
For each size it writes one invented roster (a person, a post, a joint branch written once for every
50 rows, an enterprise for every 5 and a park column; seeded, so every run reads the same rows), then
times reading it (bytes to the rows' lines) and turning the rows into facts apart, in CPU seconds of
the process, and prints one line per format and size: rows, seconds of each stage, rows per second
(as .xls only up to the format's 65,536 rows; `xlwt`, of the test extra, writes it). The lexicon
and the lexical model (which typing names consults) are loaded before timing.
"""

from __future__ import annotations

import argparse
import csv
import io
import random
import time
from collections.abc import Iterator
from pathlib import Path

from openpyxl import Workbook

from parkgraph.loaders.lexicon import load_lexicon
from parkgraph.loaders.roster import RosterLoader
from parkgraph.loaders.roster_facts import name_types, roster_facts

clock = time.process_time
SURNAMES = "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜"
GIVEN = "明华建国志强海燕文杰晓东丽娟子涵雨桐思远清扬景行若川"
TRADES = ("科技", "机械", "食品", "物流", "电子", "材料", "医药", "包装")
HEADER = ("序号", "姓名", "党内职务", "所在党组织", "企业名称", "所在园区")
TITLES = ("书记", "副书记", "委员", "党员", "党员")


def roster_rows(count: int, seed: int = 7) -> Iterator[list[object]]:
    """Invented rows: the branch and the enterprise are written only on their first row (carried down)."""
    rng = random.Random(seed)
    for i in range(count):
        name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))
        branch = f"第{i // 50 + 1}联合党支部" if i % 50 == 0 else None
        firm = i // 5
        brand = GIVEN[firm % len(GIVEN)] + SURNAMES[firm % len(SURNAMES)]
        enterprise = f"{brand}{firm}{TRADES[firm % len(TRADES)]}有限公司"
        yield [i + 1, name, TITLES[i % 5], branch, enterprise if i % 5 == 0 else None, "示例产业园"]


def xlsx_bytes(count: int) -> bytes:
    book = Workbook(write_only=True)
    sheet = book.create_sheet("名册")
    sheet.append(["示例产业园党员名册"])
    sheet.append(list(HEADER))
    for row in roster_rows(count):
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


XLS_ROWS = 65_536 - 2
"""The rows a legacy workbook holds besides the title and the header."""


def xls_bytes(count: int) -> bytes:
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("名册")
    sheet.write(0, 0, "示例产业园党员名册")
    for row, cells in enumerate([list(HEADER), *roster_rows(count)], start=1):
        for column, cell in enumerate(cells):
            if cell is not None:
                sheet.write(row, column, cell)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def csv_bytes(count: int) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADER)
    writer.writerows(["" if cell is None else cell for cell in row] for row in roster_rows(count))
    return out.getvalue().encode("gbk")


def measure(label: str, name: str, data: bytes, rows: int) -> None:
    lex = load_lexicon()
    loader = RosterLoader(lex)
    start = clock()
    document = loader.read(Path(name), data)
    read = clock() - start
    start = clock()
    facts = roster_facts(document, lex)
    build = clock() - start
    assert len(document.rows) == rows, (len(document.rows), rows)
    print(
        f"{label:5} {rows:>8,} rows  read {read:6.2f} s  facts {build:6.2f} s  "
        f"{rows / (read + build):>9,.0f} rows/s  ({len(facts.relations):,} relations)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", default="1000,10000,99000", help="comma-separated roster sizes")
    args = parser.parse_args()
    name_types(["甲乙科技有限公司"], load_lexicon())  # loads the lexicon and the lexical model untimed
    for rows in (int(size) for size in args.rows.split(",")):
        measure("xlsx", "名册.xlsx", xlsx_bytes(rows), rows)
        if rows <= XLS_ROWS:
            measure("xls", "名册.xls", xls_bytes(rows), rows)
        measure("csv", "名册.csv", csv_bytes(rows), rows)


if __name__ == "__main__":
    main()
