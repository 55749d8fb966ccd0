"""Reading spreadsheets: an .xlsx workbook or a .csv file becomes sheets of cell texts.

Only reading is done here (no column meanings): `roster.py` decides what the cells say. Workbooks are
read in openpyxl's read-only mode, which streams rows instead of building every cell in memory, and a
sheet longer than `MAX_SHEET_ROWS` is refused from its declared size before its rows are read.
"""

from __future__ import annotations

import csv
import datetime
import io
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

from parkgraph.loaders.sources import SourceError, decode_bytes

MAX_SHEET_ROWS = 100_000
"""Most rows a sheet may have: a roster of a whole province's Party members is far below it; a sheet
longer than this is a data dump (or a sheet formatted down to row 1,048,576) and is refused."""
MAX_COLUMNS = 100
"""Cells read per row: a roster has a dozen columns; the rest of a wide sheet is never looked at."""
XLSX_WORKBOOK = "xl/workbook.xml"
XLSX_SUFFIXES = frozenset({".xlsx", ".xlsm"})
CSV_DELIMITERS = (",", "\t", ";", "，")


@dataclass
class Sheet:
    """One sheet's cell texts by row (row `i` of `rows` is the sheet's row `i + 1`), or why it has none."""

    name: str
    rows: list[list[str]] = field(default_factory=list)
    problem: str = ""


def is_xlsx(data: bytes) -> bool:
    """An Office Open XML workbook: a ZIP archive holding `xl/workbook.xml` (whatever the file is called)."""
    if not data.startswith(b"PK\x03\x04"):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return XLSX_WORKBOOK in archive.namelist()
    except Exception:  # a damaged ZIP directory fails in many ways (BadZipFile, NotImplementedError…)
        return False


def cell_text(value: object) -> str:
    """What a cell shows: a whole number without `.0`, a date without a midnight time, text stripped."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime) and value.time() == datetime.time():
        return value.date().isoformat()
    return str(value).strip()


def _trimmed(values: Iterable[object]) -> list[str]:
    row = [cell_text(v) for v in islice(values, MAX_COLUMNS)]
    while row and not row[-1]:
        row.pop()
    return row


def _too_long(declared: int | None = None) -> str:
    size = f"{declared:,} rows" if declared else f"more than {MAX_SHEET_ROWS:,} rows"
    return f"has {size}; the limit is {MAX_SHEET_ROWS:,} rows per sheet"


def _capped(rows: Iterator[Iterable[object]]) -> tuple[list[list[str]], str]:
    """The rows, or none and the problem when there are more than `MAX_SHEET_ROWS`."""
    read = [_trimmed(row) for row in islice(rows, MAX_SHEET_ROWS + 1)]
    if len(read) > MAX_SHEET_ROWS:
        return [], _too_long()
    while read and not read[-1]:
        read.pop()
    return read, "" if read else "is empty"


def read_xlsx(data: bytes) -> list[Sheet]:
    """Every worksheet of a workbook; raises `SourceError` when the workbook cannot be read at all."""
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            return [_read_worksheet(sheet) for sheet in book.worksheets]
        finally:
            book.close()
    except SourceError:
        raise
    except Exception as exc:  # a damaged workbook fails anywhere inside openpyxl's zip and XML readers
        # openpyxl's own message may run over lines (with lxml installed it explains itself at length)
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
        raise SourceError(f"is not a readable Excel workbook ({type(exc).__name__}: {reason})") from None


def _read_worksheet(sheet: object) -> Sheet:
    declared = sheet.max_row  # from the sheet's <dimension>, known before any row is parsed
    if declared and declared > MAX_SHEET_ROWS:
        return Sheet(sheet.title, problem=_too_long(declared))
    rows, problem = _capped(sheet.iter_rows(min_row=1, values_only=True))
    return Sheet(sheet.title, rows, problem)


def csv_rows(text: str, delimiter: str, limit: int | None = None) -> Iterator[list[str]]:
    """The rows of a CSV text, cut by `delimiter`, at most `limit` of them."""
    return islice(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), limit)


def read_csv(data: bytes, name: str, delimiter: str) -> tuple[Sheet, str]:
    """A CSV file as one sheet, and the encoding it was read in (any that `decode_bytes` reads)."""
    text, encoding = decode_bytes(data)
    rows, problem = _capped(csv_rows(text, delimiter))
    return Sheet(name, rows, problem), encoding
