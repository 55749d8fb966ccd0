"""Tables written into a text: the rows of a roster a page or a report carries as `| 姓名 | 职务 |` lines.

A spreadsheet roster is read by its columns (`roster.py`); a table inside an article states its facts the
same way, not in sentences, so the sentence rules miss them: a name alone in a cell has no title beside
it, and `局长(经济发展局)` puts the title before its unit. A block of `|`-delimited lines whose first
line has a person column among the roster headers (`[roster.columns]`, `RosterColumns`), or a column
headed by a post title (`书记`), is a table; each row below it names a person, and the posts the row
gives that person: the title column's post in the unit column's unit, and any cell written
`<titles>(<unit>)` (`董事长兼总经理(甲乙有限公司)`); a titled column's cell (`书记`, `党组织书记`) holds
its title in the row's unit; and a park column (`所在园区`) places the row's enterprise in that park.
Tab-separated lines, and lines lined up with spaces, are written as `|` rows when the text is normalized.

Two steps read them: `TablePeopleStep`, after the mentions are found, adds the people of the person
column the rules did not find; `TablePostStep`, after the units are named, relates each person to the
unit mentioned where the row writes it, whatever name the unit then has, and places each row's
enterprise in the park it writes.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from parkgraph.loaders.draft import Draft, Edit, Link, allowed_links
from parkgraph.loaders.groups import document_group, role
from parkgraph.loaders.lexicon import Lexicon
from parkgraph.loaders.mentions import Mention
from parkgraph.loaders.roster import RosterColumns, clean_header
from parkgraph.loaders.roster_facts import is_person_name

_ROW = re.compile(r"^[ \t]*\|(.+)\|[ \t]*$", re.MULTILINE)
_RULE = re.compile(r"^[\s:|-]+$")
"""A Markdown table's rule line (`|---|---|`), between its header and its rows."""
_POSTED = re.compile(r"^(?P<titles>[^()（）]+?)[(（](?P<unit>[^()（）]+)[)）]$")
"""`局长(经济发展局)`: titles, then the unit they are held in, bracketed."""
_TITLE_JOINERS = re.compile("兼|、|/")
_SPACE = re.compile(r"\s+")
CONFIDENCE = 0.8
"""As a post read from a sentence: the row states it, but the unit's reading may be wrong."""


@dataclass(frozen=True)
class Cell:
    """A cell's value, spaces trimmed, at `start:end` of the text."""

    value: str
    start: int
    end: int


@dataclass(frozen=True)
class Post:
    title: str
    unit: Cell | None
    """None: a role in the working group the document forms (`组长`, `groups.py`)."""


@dataclass(frozen=True)
class TableRow:
    """A row under a table's header: its person (the cell of the person column) and the posts it gives."""

    sentence: int
    person: Cell
    posts: tuple[Post, ...]


def _split(text: str, start: int) -> list[Cell]:
    """The cells of a row's `text` (placed at `start`) between its bars, spaces trimmed."""
    cells, pos = [], start
    for raw in text.split("|"):
        stripped = raw.strip()
        at = pos + (raw.find(stripped) if stripped else 0)
        cells.append(Cell(stripped, at, at + len(stripped)))
        pos += len(raw) + 1
    return cells


def _table_lines(text: str) -> list[tuple[int, int, list[Cell]]]:
    """(start, end, cells) of each `|`-delimited line (tab-separated ones are written so when the text
    is normalized)."""
    return [(row.start(), row.end(), _split(row.group(1), row.start(1))) for row in _ROW.finditer(text)]


def _data_rows(draft: Draft) -> list[tuple[dict[int, str], list[Cell], int]]:
    """(roles by column, cells, sentence) of each row below a table's header: the columns the roster
    headers name, and those headed by a post title (`书记`, `党组织书记`) as `titled:<title>`."""
    columns = RosterColumns(draft.lex)
    starts = [s.start for s in draft.sentences]
    out: list[tuple[dict[int, str], list[Cell], int]] = []
    roles: dict[int, str] = {}
    last_end = -2
    for start, end, cells in _table_lines(draft.text):
        if start > last_end + 1:  # a new block: its first line may be a header
            found = {c.index: c.role for c in columns.columns([c.value for c in cells])}
            titled = {
                i: f"{_TITLED}{title}"
                for i, c in enumerate(cells)
                if i not in found and (title := _header_title(c.value, draft.lex))
            }
            roles = {**found, **titled}
            last_end = end
            continue
        last_end = end
        if roles and not _RULE.match(draft.text, start, end):
            out.append((roles, cells, bisect_right(starts, start) - 1))
    return out


_HEADER_UNITS = ("党组织", "党支部", "支部", "党委", "党总支", "单位", "企业", "公司")
"""Words that may stand before a post title in a column's header (`党组织书记`): the row's unit's post."""


def _header_title(header: str, lex: Lexicon) -> str | None:
    """The post a column's header names (`书记`, `党组织书记`), if it names one."""
    header = clean_header(header)
    if header in lex.post_title_set:
        return header
    unit = next((u for u in _HEADER_UNITS if header.startswith(u)), "")
    return header[len(unit) :] if unit and header[len(unit) :] in lex.post_title_set else None


def table_rows(draft: Draft) -> list[TableRow]:
    """The rows of every table in the text that has a person column, or a column headed by a post
    title (`书记`) whose cells are the people holding it, in order."""
    rows: list[TableRow] = []
    for roles, cells, sentence in _data_rows(draft):
        if "person" in roles.values() or any(r.startswith(_TITLED) for r in roles.values()):
            rows += _rows(cells, roles, sentence, draft.lex)
    return rows


def table_places(draft: Draft) -> list[Link]:
    """`| 甲公司党支部 | … | 乙产业园 |` under a `所在园区` header: the row's enterprise (its own, or its
    Party body's) lies in the park the row names."""
    links: list[Link] = []
    for roles, cells, sentence in _data_rows(draft):
        parks = [c for i, c in enumerate(cells) if roles.get(i) == "park" and c.value]
        park = _mentioned(draft, parks[0], ("Park",)) if parks else None
        if park is None:
            continue
        for i, cell in enumerate(cells):
            if roles.get(i) not in ("unit", "enterprise") or not cell.value:
                continue
            unit = _mentioned(draft, cell, (*_UNIT_TYPES, "Branch", "Committee"))
            for enterprise in _enterprises_of(draft, unit):
                links.append(Link("LOCATED_IN", enterprise, ("Park", park.name), sentence, CONFIDENCE))
    return links


def _enterprises_of(draft: Draft, unit: Mention | None) -> list[tuple[str, str]]:
    """The enterprise a row's unit is, or whose Party body it is."""
    if unit is None:
        return []
    if unit.type == "Enterprise":
        return [(unit.type, unit.name)]
    return [
        link.tail
        for link in draft.links
        if link.type == "PARTY_ORG_OF"
        and link.head == (unit.type, unit.name)
        and link.tail[0] == "Enterprise"
    ]


_TITLED = "titled:"
"""The role of a column headed by a post title: its cells hold that post in the row's unit."""


def _rows(cells: list[Cell], roles: dict[int, str], sentence: int, lex: Lexicon) -> list[TableRow]:
    """The row's person with the posts the row gives, and each person of a titled column."""
    units = [c for i, c in enumerate(cells) if roles.get(i) == "unit" and c.value]
    found = [row] if (row := _row(cells, roles, sentence, lex)) else []
    for i, cell in enumerate(cells):
        role = roles.get(i, "")
        if role.startswith(_TITLED) and units and is_person_name(_SPACE.sub("", cell.value), lex):
            found.append(TableRow(sentence, cell, (Post(role.removeprefix(_TITLED), units[0]),)))
    return found


def _row(cells: list[Cell], roles: dict[int, str], sentence: int, lex: Lexicon) -> TableRow | None:
    person = next((c for i, c in enumerate(cells) if roles.get(i) == "person"), None)
    if person is None or not is_person_name(_SPACE.sub("", person.value), lex):
        return None
    titles = [c for i, c in enumerate(cells) if roles.get(i) == "title" and c.value]
    units = [c for i, c in enumerate(cells) if roles.get(i) == "unit" and c.value]
    posts = [Post(t.value, units[0]) for t in titles if units and _titles(t.value, lex) == [t.value]]
    posts += [Post(title, None) for t in titles if not units and (title := role(t.value))]
    for i, cell in enumerate(cells):
        if roles.get(i) == "person" or not (posted := _POSTED.match(cell.value)):
            continue
        written = posted.group("unit")
        unit_start = cell.start + posted.start("unit") + len(written) - len(written.lstrip())
        unit = Cell(written.strip(), unit_start, unit_start + len(written.strip()))
        posts += [Post(title, unit) for title in _titles(posted.group("titles"), lex)]
    return TableRow(sentence, person, tuple(posts))


def _titles(written: str, lex: Lexicon) -> list[str]:
    """`董事长兼总经理` → 董事长, 总经理; none unless every part is a post title."""
    parts = [p for p in _TITLE_JOINERS.split(_SPACE.sub("", written)) if p]
    return parts if parts and all(p in lex.post_title_set for p in parts) else []


class TablePeopleStep:
    """The people of a table's person column that no rule found, as mentions."""

    def __call__(self, draft: Draft) -> Edit:
        taken = [(m.start, m.end) for m in draft.mentions]
        added = []
        for row in table_rows(draft):
            cell = row.person
            if any(a < cell.end and cell.start < b for a, b in taken):
                continue
            person = Mention(cell.start, cell.end, "Person", _SPACE.sub("", cell.value), row.sentence)
            person.surface_alias = False
            added.append(person)
        if not added:
            return Edit()
        return Edit(mentions=sorted([*draft.mentions, *added], key=lambda m: m.start))


class TablePostStep:
    """Each table row's posts: its person holds them in the units mentioned where the row writes them;
    and its enterprise lies in the park its park column names."""

    def __call__(self, draft: Draft) -> list[Link]:
        links = table_places(draft)
        for row in table_rows(draft):
            person = _mentioned(draft, row.person, ("Person",))
            if person is None:
                continue
            for post in row.posts:
                unit = _mentioned(draft, post.unit, _UNIT_TYPES) if post.unit else document_group(draft)
                if unit is not None:
                    links.append(
                        Link(
                            "HOLDS_POST",
                            (person.type, person.name),
                            (unit.type, unit.name),
                            row.sentence,
                            CONFIDENCE,
                            post.title,
                        )
                    )
        return allowed_links(draft.lex, links)


_UNIT_TYPES = ("Committee", "Branch", "Organization", "Enterprise", "Park")


def _mentioned(draft: Draft, cell: Cell, types: tuple[str, ...]) -> Mention | None:
    """The mention of one of `types` that ends where the cell's value ends, the longest; else none."""
    found = [m for m in draft.mentions if m.type in types and m.end == cell.end and m.start >= cell.start]
    return max(found, key=lambda m: m.end - m.start, default=None)
