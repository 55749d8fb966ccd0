"""Reading spreadsheets: an .xlsx or legacy .xls workbook or a .csv file becomes sheets of cell texts.

Only reading is done here (no column meanings): `roster.py` decides what the cells say. Workbooks are
read in openpyxl's read-only mode, which streams rows instead of building every cell in memory, and a
sheet longer than `MAX_SHEET_ROWS` is refused from its declared size before its rows are read. A
legacy .xls (Excel 97–2003, which offices still export rosters as) is read by xlrd; its sheets hold
at most 65,536 rows, below the limit.
"""

from __future__ import annotations

import csv
import datetime
import io
import re
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
XLS_SUFFIXES = frozenset({".xls"})
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_WORKBOOK_ENTRY = re.compile(
    b"|".join(re.escape(f"{name}\0".encode("utf-16-le")) for name in ("Workbook", "Book"))
)
"""The stream an OLE2 compound file holds an Excel workbook in (`Book` before Excel 97), as a
directory entry's name: UTF-16, zero-ended, at the start of a 128-byte entry."""
_DIRECTORY_ENTRY = 128
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


def is_xls(data: bytes) -> bool:
    """A legacy Excel workbook: an OLE2 compound file with a workbook stream. A legacy Word file is
    OLE2 too, with a `WordDocument` stream; its text may say "Workbook" too, but not at an entry's start."""
    if not data.startswith(_OLE2):
        return False
    return any(match.start() % _DIRECTORY_ENTRY == 0 for match in _WORKBOOK_ENTRY.finditer(data))


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


def read_xls(data: bytes) -> list[Sheet]:
    """Every worksheet of a legacy .xls workbook; `SourceError` when it cannot be read at all.

    xlrd, not python-calamine (faster, and it reads .xlsx and .ods too): calamine never returned on
    an .xls whose sector table was zeroed, where xlrd refuses the file; a damaged upload must not hang
    the reader. xlrd's notes on damage go to a buffer, not stdout."""
    import xlrd

    try:
        book = xlrd.open_workbook(file_contents=data, logfile=io.StringIO(), on_demand=True)
        try:
            return [_read_xls_sheet(book, book.sheet_by_index(i)) for i in range(book.nsheets)]
        finally:
            book.release_resources()
    except Exception as exc:  # xlrd raises its own errors, and IndexError or struct.error, on damage
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
        raise SourceError(
            f"is not a readable Excel 97–2003 workbook ({type(exc).__name__}: {reason})"
        ) from None


def _xls_value(cell: object, datemode: int) -> object:
    """A cell as openpyxl would give it: dates as datetimes (xlrd gives day numbers), no error codes."""
    import xlrd

    if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK, xlrd.XL_CELL_ERROR):
        return None
    if cell.ctype == xlrd.XL_CELL_DATE:
        try:
            return xlrd.xldate_as_datetime(cell.value, datemode)
        except (ValueError, OverflowError, xlrd.xldate.XLDateError):
            return cell.value
    return bool(cell.value) if cell.ctype == xlrd.XL_CELL_BOOLEAN else cell.value


def _read_xls_sheet(book: object, sheet: object) -> Sheet:
    rows = ((_xls_value(cell, book.datemode) for cell in sheet.row(r)) for r in range(sheet.nrows))
    read, problem = _capped(rows)
    return Sheet(sheet.name, read, problem)


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
