"""Spreadsheet rosters: the rows of a member or secretary roster (.xlsx, .xls, .csv) as a document.

A roster states its facts by column, not in sentences, so it is not run through the extractor: each
row under the header becomes one line of the document's text (`Sheet1 第5行 姓名:张三 职务:书记
单位:甲公司党支部`), and `roster_facts` reads the facts from the cells. The line is each fact's
evidence, so a fact leads back to its row as a text fact leads back to its sentence.

Which column holds what comes from its header (`[roster.columns]` in `lexicon.toml`, extended by the
user's `PARKGRAPH_LEXICON` file); the header is the first row with at least two known headers, so a
title above it is skipped (and kept as the document's title). A unit, enterprise or park written once
for several rows (a merged cell, or left blank under the first) carries down to the rows below it.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from parkgraph.loaders.lexicon import Lexicon
from parkgraph.loaders.normalize import to_simplified, unify_punctuation
from parkgraph.loaders.sources import DEFAULT_LOADERS, Loader, RawDocument, SourceError, decode_bytes
from parkgraph.loaders.spreadsheets import (
    CSV_DELIMITERS,
    XLS_SUFFIXES,
    XLSX_SUFFIXES,
    Sheet,
    csv_rows,
    is_xls,
    is_xlsx,
    read_csv,
    read_xls,
    read_xlsx,
)

CSV_SUFFIXES = frozenset({".csv", ".tsv"})
HEADER_SEARCH_ROWS = 30
"""How far down a sheet its header may be: below a title, a date line or a note or two."""
MIN_HEADERS = 2
CSV_SNIFF_BYTES = 64 * 1024
"""How much of a CSV file is read to decide whether it is a roster (whole lines of it)."""
CARRIED = ("unit", "enterprise", "park")
"""Columns whose value stands for the rows below it until the next value (merged or blank cells)."""
LISTED = ("person", "enterprise")
"""Columns whose cell may list several names: `甲公司、乙公司`, `张三、李四`."""
_LIST_BREAK = re.compile(r"[、,，;；/／\n]+")
_HEADER_NOTE = re.compile(r"[(（][^()（）]*[)）]$")
_SPACES = re.compile(r"\s+")
_CELL_BREAKS = re.compile(r"[\r\n]+")


@dataclass(frozen=True)
class Column:
    index: int
    role: str
    label: str
    """The header as written (normalized), shown in each row's line."""


@dataclass(frozen=True)
class RosterCell:
    """One value of a row, at `start:end` of the document's text."""

    role: str
    value: str
    start: int
    end: int
    carried: bool = False
    """Written in a row above (a merged or blank cell): shown in this row's line, mentioned in the first."""


@dataclass(frozen=True)
class RosterRow:
    """One line of the document's text (`start:end`): a row of a sheet and its recognized cells."""

    start: int
    end: int
    cells: tuple[RosterCell, ...]

    def values(self, role: str) -> list[RosterCell]:
        return [cell for cell in self.cells if cell.role == role]


@dataclass(frozen=True)
class RosterDocument(RawDocument):
    """A roster read: its text is its rows as lines; `warnings` name the sheets that gave nothing."""

    rows: tuple[RosterRow, ...] = ()
    warnings: tuple[str, ...] = ()


def clean_header(text: str) -> str:
    """`姓 名(必填):` → `姓名`: what a header is matched by."""
    return _HEADER_NOTE.sub("", _SPACES.sub("", text).rstrip(":："))


def normalized_cells(cells: Sequence[str]) -> list[str]:
    """Cells as the text normalizer leaves prose (simplified, one form of each mark), in one pass."""
    joined = "\n".join(_CELL_BREAKS.sub(" ", cell) for cell in cells)
    return unify_punctuation(to_simplified(joined)).split("\n") if cells else []


class RosterColumns:
    """The header words of each column role, from the lexicon."""

    def __init__(self, lex: Lexicon) -> None:
        roles = lex.roster_columns
        self.role_of = {clean_header(h): role for role, headers in roles.items() for h in headers}
        self.example = "、".join(headers[0] for headers in roles.values() if headers)

    def columns(self, row: Sequence[str]) -> list[Column]:
        """The row's recognized columns: a header row has at least `MIN_HEADERS` of them."""
        found = []
        for index, label in enumerate(normalized_cells(row)):
            role = self.role_of.get(clean_header(label))
            if role:
                found.append(Column(index, role, _SPACES.sub("", label)))
        return found

    def is_header(self, cells: Iterable[str]) -> bool:
        """Whether normalized cells are header words (a header repeated lower down)."""
        return sum(clean_header(cell) in self.role_of for cell in cells) >= MIN_HEADERS

    def header(self, rows: Sequence[Sequence[str]]) -> tuple[int, list[Column]] | None:
        """The first row (by index) with at least `MIN_HEADERS` recognized columns, and its columns."""
        for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
            columns = self.columns(row)
            if len(columns) >= MIN_HEADERS:
                return index, columns
        return None

    def no_columns(self) -> str:
        return f"no roster columns ({self.example}, …) found"


class _Text:
    """The document's text, built line by line, with each row's cells placed in it."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.size = 0
        self.rows: list[RosterRow] = []

    def add_row(self, label: str, cells: Iterable[tuple[Column, list[str], bool]]) -> None:
        start = self.size + (1 if self.parts else 0)
        line, placed = label, []
        for column, values, carried in cells:
            line += f" {column.label}:"
            for i, value in enumerate(values):
                line += "、" * (i > 0)
                at = start + len(line)
                placed.append(RosterCell(column.role, value, at, at + len(value), carried))
                line += value
        self.parts.append(("\n" if self.parts else "") + line)
        self.size = start + len(line)
        self.rows.append(RosterRow(start, self.size, tuple(placed)))

    def text(self) -> str:
        return "".join(self.parts)


def _values(column: Column, cell: str) -> list[str]:
    """The names a cell holds, without spaces (`张 三` pads a name to the width of three characters)."""
    parts = _LIST_BREAK.split(cell) if column.role in LISTED else [cell]
    return [name for name in (_SPACES.sub("", p) for p in parts) if name]


def _cells_of(rows: list[list[str]], columns: list[Column]) -> list[list[str]]:
    """The recognized columns' cells of every row, normalized in one pass."""
    wanted = [[row[c.index] if c.index < len(row) else "" for c in columns] for row in rows]
    flat = normalized_cells([cell for row in wanted for cell in row])
    width = len(columns)
    return [flat[i : i + width] for i in range(0, len(flat), width)]


def _sheet_title(rows: list[list[str]], header: int) -> str:
    above = (cell for row in rows[:header] for cell in row if cell)
    return normalized_cells([next(above, "")])[0]


def add_sheet(sheet: Sheet, label: str, columns: RosterColumns, text: _Text) -> tuple[str, str]:
    """Add the sheet's rows to `text`: (the title above its header, the problem when it gave none)."""
    if sheet.problem:
        return "", sheet.problem
    found = columns.header(sheet.rows)
    if found is None:
        return "", columns.no_columns()
    header, cols = found
    added = len(text.rows)
    carried: dict[int, list[str]] = {}
    body = sheet.rows[header + 1 :]
    for offset, cells in enumerate(_cells_of(body, cols)):
        if columns.is_header(cells):
            continue  # the header again, as a printed roster repeats it on each page
        row: list[tuple[Column, list[str], bool]] = []
        for column, cell in zip(cols, cells, strict=True):
            values = _values(column, cell)
            if values:
                row.append((column, values, False))
            elif column.role in CARRIED and carried.get(column.index):
                row.append((column, carried[column.index], True))
            if values and column.role in CARRIED:
                carried[column.index] = values
        own = any(not was_carried for _, _, was_carried in row)
        if own:
            text.add_row(f"{label}第{header + offset + 2}行", row)
    problem = "" if len(text.rows) > added else "has a header but no rows under it"
    return _sheet_title(sheet.rows, header), problem


def _document_id(data: bytes) -> str:
    """The sha256 of the raw bytes, as for every document (`DocumentInfo.id`): a re-load is recognised."""
    return hashlib.sha256(data).hexdigest()


class RosterLoader:
    """Workbooks (by content: a ZIP holding `xl/workbook.xml`, or an OLE2 file with a workbook stream;
    or by name, so a damaged one is called a damaged workbook) and CSV files whose header names roster
    columns; every other CSV is left to the text loader."""

    kind = "roster"

    def __init__(self, lex: Lexicon) -> None:
        self.columns = RosterColumns(lex)

    def accepts(self, path: Path, data: bytes) -> bool:
        suffix = path.suffix.lower()
        if is_xlsx(data) or is_xls(data) or suffix in XLSX_SUFFIXES | XLS_SUFFIXES:
            return True
        return suffix in CSV_SUFFIXES and self._csv_shape(data) is not None

    def _csv_shape(self, data: bytes) -> str | None:
        """The delimiter under which the file's head has a roster header, if any."""
        head = data if len(data) <= CSV_SNIFF_BYTES else data[: data.rfind(b"\n", 0, CSV_SNIFF_BYTES) + 1]
        try:
            text, _ = decode_bytes(head)
        except SourceError:
            return None
        for delimiter in CSV_DELIMITERS:
            if self.columns.header(list(csv_rows(text, delimiter, HEADER_SEARCH_ROWS))):
                return delimiter
        return None

    def read(self, path: Path, data: bytes) -> RosterDocument:
        try:
            sheets, encoding, named = self._sheets(path, data)
        except SourceError as err:
            raise SourceError(err.problem, path.name) from None
        text = _Text()
        titles, problems = [], []
        for sheet in sheets:
            label = f"{normalized_cells([sheet.name])[0]} " if named else ""
            title, problem = add_sheet(sheet, label, self.columns, text)
            titles.append(title)
            if problem:
                problems.append(f"sheet {sheet.name}: {problem}" if named else problem)
        if not text.rows:
            raise SourceError("; ".join(problems) or "has no sheets", path.name)
        title = next((t for t in titles if t), "")
        return RosterDocument(
            _document_id(data),
            path.name,
            path,
            text.text(),
            encoding,
            self.kind,
            title,
            rows=tuple(text.rows),
            warnings=tuple(problems),
        )

    def _sheets(self, path: Path, data: bytes) -> tuple[list[Sheet], str, bool]:
        """The sheets, the encoding read, and whether lines name their sheet (a CSV has one, unnamed)."""
        suffix = path.suffix.lower()
        if suffix not in CSV_SUFFIXES:
            if not is_xlsx(data) and (is_xls(data) or suffix in XLS_SUFFIXES):
                return read_xls(data), "xls", True
            return read_xlsx(data), "xlsx", True
        delimiter = self._csv_shape(data)
        if delimiter is None:
            raise SourceError(self.columns.no_columns())
        sheet, encoding = read_csv(data, path.name, delimiter)
        return [sheet], encoding, False


def with_rosters(lex: Lexicon, loaders: Sequence[Loader] = DEFAULT_LOADERS) -> tuple[Loader, ...]:
    """`loaders` with the roster loader first, before a ZIP or text loader can take a roster."""
    return (RosterLoader(lex), *loaders)
