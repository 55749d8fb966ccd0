"""What a Chinese organization name contains.

`四川省成都市委` is the committee of 成都市, which lies in 四川省;
`中铁十六局集团城发二分公司党支部` is the branch of an enterprise;
`嘉陵区工业集中区` is a park in 嘉陵区. Reading these parts out of the name
gives entities and relations that the sentence states only by naming.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from parkgraph.loaders.lexicon import Lexicon

PARTY_TYPES = ("Committee", "Branch")
UNIT_TYPES = ("Park", "Enterprise", "Organization")
NUMERALS = "0123456789一二三四五六七八九十两百千"
"""A name that starts with a count (`十大工业园区`) speaks of several units."""
PROVINCE_SUFFIXES = ("省", "自治区", "特别行政区")
"""Province-level names form a closed set (the gazetteer); any other `X省` is a misreading."""


@dataclass
class NamePart:
    """An entity named inside a longer name, and how the outer one relates to it."""

    type: str
    name: str
    relation: str


@dataclass
class ParsedName:
    name: str
    aliases: set[str] = field(default_factory=set)
    parts: list[NamePart] = field(default_factory=list)
    needs_unit: bool = False


def region_suffixes(lex: Lexicon) -> tuple[str, ...]:
    return lex.org_words.get("Region", ())


def split_regions(text: str, lex: Lexicon) -> list[str]:
    """`四川省成都市` → [`四川省`, `成都市`]; [] when `text` is not wholly a chain of region names."""
    parts: list[str] = []
    rest = text
    unit = lex.region_unit
    while rest:
        key = lex.province_key.match(rest) if lex.province_key else None
        province = key.group() if key else None
        if province:
            full = lex.provinces[province]
            parts.append(full)
            rest = rest[len(full) :] if rest.startswith(full) else rest[len(province) :]
            continue
        m = unit.match(rest) if unit else None
        if not m or m.group(0) in lex.not_region or m.group(0).endswith(tuple(lex.not_region)):
            return []
        if m.group(0).endswith(PROVINCE_SUFFIXES) and m.group(0) not in lex.provinces:
            return []
        if m.group(0).endswith(lex.org_words.get("Park", ())):
            return []
        parts.append(m.group(0))
        rest = rest[m.end() :]
    return parts


def is_bare_unit(text: str, lex: Lexicon) -> bool:
    """A unit word standing alone ("园区", "开发区"): in a document about one unit, that unit."""
    return any(text in lex.vocabulary.generic_words(t) for t in UNIT_TYPES)


def _ends_with_word(text: str, type_: str, lex: Lexicon) -> str | None:
    return next((w for w in lex.org_words.get(type_, ()) if text.endswith(w) and len(text) > len(w)), None)


COUNTY_LEVEL = 1
"""Level of 区, 县 and 旗 among `lexicon.toml`'s [regions] levels (township 0 … province 3)."""


def region_level(region: str, lex: Lexicon) -> int:
    """Administrative level by the longest suffix the name ends in (`内蒙古自治区` is a province)."""
    found = [
        (len(s), level)
        for level, suffixes in enumerate(lex.region_levels)
        for s in suffixes
        if region.endswith(s)
    ]
    return max(found)[1] if found else len(lex.region_levels)


def region_prefix(name: str, lex: Lexicon) -> tuple[list[str], str]:
    """The region names a name starts with, and the rest of it."""
    for cut in range(len(name) - 2, 1, -1):
        regions = split_regions(name[:cut], lex)
        if regions:
            return regions, name[cut:]
    return [], name


def parse_name(type_: str, name: str, word: str, lex: Lexicon) -> ParsedName:
    """Read the parts of an organization-like name that ends in the organization word `word`."""
    parsed = ParsedName(name=name)
    for prefix in lex.drop_prefixes:
        if name.startswith(prefix) and len(name) > len(prefix) + len(word):
            parsed.aliases.add(name)
            name = parsed.name = name[len(prefix) :]
    stem = name[: len(name) - len(word)]
    region_words = region_suffixes(lex)
    if type_ == "Committee" and word[:-1] in region_words and stem:
        regions = split_regions(stem + word[:-1], lex)
        if regions:
            parsed.parts.append(NamePart("Region", regions[-1], "PARTY_ORG_OF"))
            if len(regions) > 1:
                parsed.aliases.add(regions[-1] + word[-1])
            return parsed
    regions, rest = region_prefix(name, lex)
    if regions:
        parsed.parts.append(NamePart("Region", regions[-1], "LOCATED_IN"))
        if rest != word and type_ == "Park" and not is_bare_unit(rest, lex) and rest[0] not in NUMERALS:
            # a park named in its own right (`内蒙古|通辽经济技术开发区`) is called by that name
            parsed.aliases.add(name)
            parsed.name = rest
        elif rest != word:
            parsed.aliases.add(rest)
    if type_ in PARTY_TYPES and stem:
        for unit_type in ("Enterprise", "Park", "Organization"):
            if _ends_with_word(stem, unit_type, lex) or stem in lex.org_words.get(unit_type, ()):
                parsed.parts.append(NamePart(unit_type, stem, "PARTY_ORG_OF"))
                break
        else:
            if split_regions(stem, lex):
                parsed.parts.append(NamePart("Region", split_regions(stem, lex)[-1], "PARTY_ORG_OF"))
            else:
                parsed.needs_unit = True
    elif type_ in PARTY_TYPES or (type_ == "Organization" and (not stem or is_bare_unit(stem, lex))):
        parsed.needs_unit = True
    return parsed
