"""What a Chinese organization name contains.

`四川省成都市委` is the committee of 成都市, which lies in 四川省;
`中铁十六局集团城发二分公司党支部` is the branch of an enterprise;
`嘉陵区工业集中区` is a park in 嘉陵区. Reading these parts out of the name
gives entities and relations that the sentence states only by naming.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise

from parkgraph.loaders.gazetteer import PROVINCE
from parkgraph.loaders.lexicon import Lexicon

PARTY_TYPES = ("Committee", "Branch")
UNIT_TYPES = ("Park", "Enterprise", "Organization")
NUMERALS = "0123456789一二三四五六七八九十两百千"
"""A name that starts with a count (`十大工业园区`) speaks of several units."""
OPEN_SUFFIXES = ("市", "区", "县")
"""Suffixes of county-level names a document may write that the gazetteer lacks (a former name,
`上虞市`); every other county-or-higher suffix (省, 州, 盟, 旗 …) names only places it holds."""
MAX_OPEN_STEM = 2
MAX_OFFICE_STEM = 4
DEICTIC = "哪这那个每各该此某"
"""Pronouns and question words: a place the gazetteer lacks never holds them (`哪个区`, `这个镇`)."""


@dataclass
class NamePart:
    """An entity named inside a longer name, and how the outer one relates to it."""

    type: str
    name: str
    relation: str
    """Empty where the name states no relation (`甲园区党群工作部` names the park, no more)."""


@dataclass
class ParsedName:
    name: str
    aliases: set[str] = field(default_factory=set)
    parts: list[NamePart] = field(default_factory=list)
    needs_unit: bool = False
    upper: str | None = None
    """The Party body a branch's name starts with (`甲党委|第一党支部`), whose own name has parts too."""


LEGAL_FORMS = ("股份有限公司", "有限责任公司", "有限公司", "股份公司")
"""Words that end a company's registered name; its short names leave them out."""


def region_suffixes(lex: Lexicon) -> tuple[str, ...]:
    return lex.org_words.get("Region", ())


def split_regions(text: str, lex: Lexicon) -> list[str]:
    """`四川省成都市` → [`四川省`, `成都市`]; [] when `text` is not wholly a chain of region names.

    A township or village the gazetteer lacks is read at each length its suffixes allow, shortest
    first, until the rest splits too: `卢市镇卢家口村` is 卢市镇 and 卢家口村, not 卢市 and `镇卢家口村`.
    """
    memo = lex.memo("split_regions")
    found = memo.get(text)
    if found is None:
        found = memo[text] = tuple(_split_chain(text, lex) or ())
    return list(found)


def _split_chain(text: str, lex: Lexicon) -> list[str] | None:
    if not text:
        return []
    gazetteer = lex.gazetteer
    known = gazetteer.match(text)
    if known and known not in lex.not_region and not _ROAD.match(text, len(known)):
        rest = _split_chain(text[len(known) :], lex)
        if rest is not None or known in gazetteer.full:
            return None if rest is None else [gazetteer.forms[known], *rest]
        # `金华园街道`: a place the gazetteer lacks, whose name opens with a short form of one it has
    if county := _county_before_town(text, lex):
        return county
    for unit in _open_units(text, lex):
        rest = _split_chain(text[len(unit) :], lex)
        if rest is not None:
            return [unit, *rest]
    office = _office_area(text, lex)
    rest = _split_chain(text[len(office) :], lex) if office else None
    return [office, *rest] if office and rest else None


def _county_before_town(text: str, lex: Lexicon) -> list[str] | None:
    """`建湖冈东镇`, `吴江黎里镇`: a county written short before a township the gazetteer lacks is that
    county and the township, not one township named with four characters."""
    for short, full in ((text[:n], lex.gazetteer.county_forms.get(text[:n])) for n in (2, 3)):
        if full is None:
            continue
        rest = _split_chain(text[len(short) :], lex)
        town = rest[0] if rest else ""
        if len(town) < 3 or region_level(town, lex) != 0 or town in lex.gazetteer.full:
            continue
        # (not a street named after a road, `石门|二路街道`, nor park words before a suffix, `浦江|园区依镇`)
        if not re.search("[路街]", town[:-2]) and not lex.org_word_set("Park").find_all(town):
            return [full, *rest]
    return None


_ROAD = re.compile(r"[东西南北中]{0,2}(?:路|大道|大街)")
"""A road named after a place (`香港中路`, `南京东路`): the street or community named after the road is
one place, not in the place the road is named after."""


def _office_area(text: str, lex: Lexicon) -> str | None:
    """The street office `text` starts with (`甲乙办事处`), read as the area it runs where a village
    follows it."""
    for word in lex.office_words:
        at = text.find(word, 2)
        if 2 <= at <= MAX_OFFICE_STEM and not any(
            ch in DEICTIC or ch in level_chars(lex) for ch in text[:at]
        ):
            return text[: at + len(word)]
    return None


def _open_units(text: str, lex: Lexicon) -> list[str]:
    """The regions absent from the gazetteer that `text` may start with, shortest first."""
    unit = lex.region_unit
    if unit is None:
        return []
    return [
        text[:end]
        for end in range(3, len(text) + 1)
        if unit.fullmatch(text, 0, end) and _open_region(text[:end], lex)
    ]


def level_chars(lex: Lexicon) -> frozenset[str]:
    """One-character region suffixes (市, 县, 镇 …): written alone before a name, a level word."""
    return lex.level_chars


def _open_region(name: str, lex: Lexicon) -> bool:
    """Whether `name`, absent from the gazetteer, may still be a region: a township, street or
    village (the gazetteer stops at counties), or a short county-level name (`上虞市`)."""
    if name in lex.not_region or name.endswith(tuple(lex.not_region)):
        return False
    if name.startswith(tuple(lex.drop_prefixes)):
        return False  # `中共市委`: the Party's name before a level word, no place
    if any(name.endswith(full) for full in _known_tails(name, lex)):
        return False
    if name.endswith(lex.org_words.get("Park", ())):
        return False
    if any(ch in DEICTIC for ch in name[:-1]):
        return False
    if name[:-1] in lex.kind_words:
        return False  # `联合|市工信局`: a kind of body, or a verb of acting together, is no place's name
    if name.endswith("之", 0, len(name) - 1):
        return False  # `板材之乡`, `女鞋之都`: a place's byname for its trade, not a place
    if name[0] in level_chars(lex) and name[1:] in _open_units(name[1:], lex):
        # `市|琴川街道`: a level word before a name that stands on its own is not part of it
        return False
    if lex.region_levels and name.endswith(lex.region_levels[0]):
        return True
    suffix = next((s for s in OPEN_SUFFIXES if name.endswith(s)), None)
    stem = name[: len(name) - 1]
    return (
        suffix is not None
        and len(stem) <= MAX_OPEN_STEM
        and not any(ch in NUMERALS or ch in "省市区县州党委" for ch in stem)
    )


def _known_tails(name: str, lex: Lexicon) -> list[str]:
    """Gazetteer names that `name` ends in: `共嘉陵区` is 嘉陵区 with a stray character before it."""
    return [name[i:] for i in range(1, len(name) - 1) if name[i:] in lex.gazetteer.full]


def is_bare_unit(text: str, lex: Lexicon) -> bool:
    """A unit word standing alone ("园区", "开发区", or with another kind in brackets: "开发区(管理区)"): in a
    document about one unit, that unit."""
    words = lex.generic_word_set(*UNIT_TYPES)
    return text in words or ("(" in text and text.endswith(")") and text[: text.find("(")] in words)


_NOTE = re.compile(r"\([\u4e00-\u9fff]{1,6}\)$")


def without_note(name: str) -> str:
    """`name` less a note in brackets it ends with (`甲科技城(乙园)` → `甲科技城`)."""
    return _NOTE.sub("", name)


def _ends_with_word(text: str, type_: str, lex: Lexicon) -> str | None:
    """The longest organization word of `type_` that ends `text` and is shorter than it."""
    return lex.org_word_set(type_).ending_at(text[1:], len(text) - 1)


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


def is_province(name: str, lex: Lexicon) -> bool:
    """A province-level region (`四川省`, `北京市`, `内蒙古自治区`)."""
    return lex.gazetteer.full.get(name) == PROVINCE or region_level(name, lex) >= len(lex.region_levels) - 1


def region_prefix(name: str, lex: Lexicon) -> tuple[list[str], str]:
    """The region names a name starts with, and the rest of it.

    A city written short stays part of what follows it (`通辽经济技术开发区` is a park's own name);
    only a full name or a province's short form is read as a prefix (`内蒙古|通辽经济技术开发区`).
    """
    memo = lex.memo("region_prefix")
    found = memo.get(name)
    if found is None:
        found = memo[name] = _region_prefix(name, lex)
    return list(found[0]), found[1]


def _region_prefix(name: str, lex: Lexicon) -> tuple[tuple[str, ...], str]:
    ends = lex.region_end_set
    for cut in range(len(name) - 2, 1, -1):
        regions = split_regions(name[:cut], lex) if ends.ending_at(name, cut) else []
        if regions and _ROAD.match(name, cut):
            return (), name  # `香港|中路社区`: named after a road, itself named after a place
        if regions and name.startswith(("(", "（"), cut):
            return (), name  # `辽宁|(营口)沿海产业基地`: a place in brackets goes on with the name
        if regions and (name[:cut].endswith(regions[-1]) or _province_short(name[:cut], regions[-1], lex)):
            return tuple(regions), name[cut:]
    return (), name


def _placeless(region: str, rest: str, lex: Lexicon) -> str:
    """A name less its region, keeping the level word a region's committee is called by:
    `平湖市|委组织部` → `市委组织部`, not the fragment `委组织部`."""
    level = region[-1] + rest
    committee = (w for w in lex.org_words.get("Committee", ()) if w[0] == region[-1])
    return level if any(level.startswith(w) for w in committee) else rest


def _province_short(prefix: str, region: str, lex: Lexicon) -> bool:
    return lex.gazetteer.full.get(region) == PROVINCE and any(
        prefix.endswith(f) for f in lex.gazetteer.forms_of(region)
    )


JOINT = "联合"
GATHERING_KINDS = (JOINT, "综合")
"""Kinds of Party organization that gather several units (`联合党支部`, `综合党委`)."""
SECTOR_KINDS = ("行业", "产业链", "产业联盟", "产业", "楼宇")
"""Kinds of Party organization named by the sector or building they gather (`纸制品产业链党委`,
`甲乙中心楼宇党支部`): the words before them are a name, not a unit to look for."""


def _park_committee(stem: str, lex: Lexicon) -> bool:
    """Whether `stem` ends in a Party committee's word that is no region's committee (`甲高新区党工委`, not
    `甲区委` or `甲自治区党委`)."""
    word = _ends_with_word(stem, "Committee", lex)
    if word is None or word[:-1] in lex.org_words.get("Region", ()):
        return False
    place = stem[: len(stem) - len(word)]
    return not (split_regions(place, lex) or place in lex.org_words.get("Region", ()))


PARK_MANAGEMENT = ("管委会", "管理委员会")
"""The words of a park's management committee, whose departments are named after it."""


def _park_management(stem: str, lex: Lexicon) -> bool:
    """Whether `stem` is a park's management committee (`甲高新区管委会`)."""
    word = next((w for w in PARK_MANAGEMENT if stem.endswith(w)), None)
    return word is not None and _ends_with_word(stem[: len(stem) - len(word)], "Park", lex) is not None


def _region_committee(stem: str, lex: Lexicon) -> bool:
    """`阜康市委` before `两新工委`: a body under a region's committee, named after it."""
    words = [w for w in lex.org_words.get("Committee", ()) if w[:-1] in lex.org_words.get("Region", ())]
    word = next((w for w in words if stem.endswith(w)), None)
    return word is not None and bool(split_regions(stem[: len(stem) - 1], lex))


def sector_named(stem: str, lex: Lexicon) -> bool:
    """`甲乙商务楼宇|联合党支部`, `丙丁电子产业|联合党支部`, `钛产业|党总支`: a joint body named by the
    sector or building it gathers, with a name before that word (of one character only where it is no
    function word or determiner: `钛`, not `该`, `新`), is named in its own right."""
    sector = next((k for k in SECTOR_KINDS if stem.endswith(k)), None)
    if sector is None or is_generic_name(stem, "Branch", lex):
        return False
    name = stem[: len(stem) - len(sector)]
    return len(name) >= 2 or (len(name) == 1 and name not in lex.stop_chars and name not in _DETERMINERS)


_FIRMS = re.compile(r"[\u4e00-\u9fff]{2,6}企业")
"""The kind of firms a joint body gathers (`快递企业`, `精细化工企业`, `小微企业`)."""


def _firms_joined(stem: str, word: str, lex: Lexicon) -> bool:
    """`快递企业联合党支部`, `小微企业联合党支部`: a joint body named for the firms it gathers, by their
    trade or size, is named in its own right (not `非公企业`, a kind of firm any park has)."""
    if not ("联合" in word or stem.endswith("联合")):
        return False
    firms = stem.removesuffix("联合")
    return bool(_FIRMS.fullmatch(firms)) and firms not in lex.kind_words and firms[:-2] not in lex.kind_words


def _trade_joined(stem: str, word: str, lex: Lexicon) -> bool:
    """`板材加工联合党支部`, `物流贸易联合党支部`: a joint body named for the trade it gathers, in two
    words or more of name characters with no kind, unit or place word among them, is named in its own
    right (one of several a body sets up by trade), not after the document's unit."""
    if not ("联合" in word or stem.endswith("联合")):
        return False
    trade = stem.removesuffix("联合")
    words = lex.org_word_set(*lex.org_words)
    return (
        4 <= len(trade) <= 6
        and re.fullmatch(r"[\u4e00-\u9fff]+", trade) is not None
        and not any(ch in lex.stop_chars for ch in trade)
        and not any(k in trade for k in lex.kind_words)
        and not words.find_all(trade)
        and not lex.gazetteer.find_all(trade)
        and trade[0] not in _DETERMINERS
        and not trade.startswith(tuple(lex.drop_prefixes))
    )


_DETERMINERS = frozenset("本全新大老主各该此某多个")
"""One character before a sector word that says which or how many, not what (`新产业`, `主产业`)."""


_ORDINAL = re.compile(r"(?<=.{2})第[一二三四五六七八九十0-9]{1,3}$")


def without_ordinal(stem: str) -> str:
    """A unit's name before the ordinal of one of its bodies (`甲公司` of `甲公司第一`)."""
    return _ORDINAL.sub("", stem)


def is_ordinal(stem: str) -> bool:
    """`第一` of `第一党总支`: a body its document's unit numbers."""
    return without_ordinal("  " + stem) == "  "


def before_kinds(stem: str, lex: Lexicon) -> str:
    """The unit a Party body of a kind is named after (`甲经开区` in `甲经开区非公企业联合党委`): its stem
    without the kinds of member that end it, when a unit is left; else the stem. A kind of form
    (`甲园区功能型`, `form_kinds`) leaves the stem whole: it makes no body other than the unit's own."""
    kinds, rest = lex.kind_word_set, stem
    while True:
        if rest[-1:] in KIND_JOINERS and kinds.ending_at(rest, len(rest) - 1):
            rest = rest[:-1]  # `非公企业和|社会组织党委`: kinds joined
        kind = kinds.ending_at(rest, len(rest))
        if not kind:
            return rest or stem
        if kind == rest or kind in lex.form_kinds:
            return stem
        rest = rest[: -len(kind)]


KIND_JOINERS = "和与及"
"""What joins kinds of member in one body's name (`甲园区非公企业和社会组织党委`)."""


def short_park_name(name: str, lex: Lexicon) -> str:
    """`甲经济开发区` and `甲经开区` are one park: its name with the park word in its short form."""
    for full, short in lex.park_short_forms:
        if name.endswith(full):
            return name[: len(name) - len(full)] + short
    return name


def building_before(stem: str, lex: Lexicon) -> str | None:
    """The business building a Party body is named after (`甲乙广场` in `甲乙广场联合党委`, `甲市中心`
    in `甲市中心商圈党总支`), or None. Two characters of name before the building word at least
    (`县城` is no building); a plain `中心` only right after a region."""
    unit = before_kinds(stem, lex)
    word = next((w for w in lex.building_words if unit.endswith(w)), None)
    if word and len(unit) - len(word) >= 2:
        return unit
    place = unit.removesuffix(PLACE_CENTRE)
    if place != unit and split_regions(place, lex):
        return unit
    # `甲乙商圈(联合)党委`: a commercial district named before its kind word is that district's
    district = next((w for w in lex.district_words if stem.startswith(unit + w)), None)
    return unit + district if district and len(unit) >= 2 and not is_bare_unit(unit + district, lex) else None


PLACE_CENTRE = "中心"
"""A place's `中心` (`甲市中心`) is the building named for the place."""
BUILDING_KIND = "楼宇"
MIN_BUILDING = 3
"""Characters of a building's name before `楼宇` (`商务楼宇`, `重点楼宇` are kinds of building)."""


def named_building(unit: str, lex: Lexicon) -> bool:
    """Whether the words before `楼宇` name one building (`甲乙中心|楼宇党委`): long enough, and no place
    and no unit's word."""
    return (
        len(unit) >= MIN_BUILDING
        and not split_regions(unit, lex)
        and not region_prefix(unit, lex)[0]
        and not is_bare_unit(unit, lex)
        and not lex.org_word_set(*UNIT_TYPES, *PARTY_TYPES).ending_at(unit, len(unit))
    )


def parse_name(type_: str, name: str, word: str, lex: Lexicon) -> ParsedName:
    """Read the parts of an organization-like name that ends in the organization word `word`."""
    parsed = ParsedName(name=name)
    for prefix in lex.drop_prefixes:
        if name.startswith(prefix) and len(name) > len(prefix) + len(word):
            parsed.aliases.add(name)
            name = parsed.name = name[len(prefix) :]
    if _level_word_before_place(name, lex):
        name = name[1:]
    stem = name[: len(name) - len(word)]
    region_words = region_suffixes(lex)
    if type_ == "Committee" and word[:-1] in region_words and stem:
        regions = split_regions(stem + word[:-1], lex)
        if not regions and stem.endswith(word[:-1]) and split_regions(stem, lex):
            # `赫山区区委` repeats the suffix: the committee of 赫山区
            regions = split_regions(stem, lex)
            parsed.aliases.add(name)
            name = parsed.name = stem + word[-1]
        if regions:
            parsed.parts += _outer_regions(regions, lex)
            parsed.parts.append(NamePart("Region", regions[-1], "PARTY_ORG_OF"))
            if len(regions) > 1:
                parsed.aliases.add(regions[-1] + word[-1])
            return parsed
    parent = parent_park(name, word, lex) if type_ == "Park" else None
    if parent:
        # a building in a park (`甲高新区|乙大厦`) lies in it; another park there (`…|乙生物城`) is part of it
        inside = "LOCATED_IN" if word in lex.building_words else "PART_OF"
        parsed.parts.append(NamePart("Park", parent, inside))
        if len(name) - len(parent) - len(word) >= 2:
            # a park in a park (`甲经开区|乙园区`) is called by its own name
            parsed.aliases.add(name)
            parsed.name = name[len(parent) :]
            return parsed
    regions, rest = region_prefix(name, lex)
    if regions:
        parsed.parts += _outer_regions(regions, lex)
        parsed.parts.append(NamePart("Region", regions[-1], "LOCATED_IN"))
        # (not one whose own name is a single character: `天津|港保税区` is the port's zone, named whole)
        own_name = len(rest) - len(word) >= 2
        if (
            rest != word
            and type_ == "Park"
            and own_name
            and not is_bare_unit(rest, lex)
            and rest[0] not in NUMERALS
        ):
            # a park named in its own right (`内蒙古|通辽经济技术开发区`) is called by that name
            parsed.aliases.add(name)
            parsed.name = rest
        elif rest != word and not (alias := _placeless(regions[-1], rest, lex)).startswith("委"):
            # `阜康市|委两新工委` cuts the region's committee: no short name
            parsed.aliases.add(alias)
    if type_ in PARTY_TYPES and (zone := _region_committees_park(stem, lex)):
        # `嘉兴市委经济技术开发区工作委员会`: the city committee's working committee for its park
        committee, park = zone
        parsed.parts = [p for p in parsed.parts if p.type != "Park"]
        parsed.parts.append(NamePart("Committee", committee, "SUBORDINATE_TO"))
        parsed.parts.append(NamePart("Park", park, "PARTY_ORG_OF"))
        parsed.upper = committee
        return parsed
    upper = (
        party_body_before(stem, lex) if type_ in PARTY_TYPES and not _region_committee(stem, lex) else None
    )
    if upper:
        parsed.parts.append(NamePart(*upper, "SUBORDINATE_TO"))
        parsed.upper = upper[1]
        if _place_garden(own := stem[len(upper[1]) :], lex):
            parsed.parts.append(NamePart("Park", own, "PARTY_ORG_OF"))  # `甲区委|乙园工委`
    elif type_ in PARTY_TYPES and stem:
        numbered = without_ordinal(stem)
        if numbered != stem:
            # `甲公司第一党支部` is one of the company's own branches; `经编联合第一党支部` reads as
            # `经编|联合党支部`
            kind = lex.kind_word_set.ending_at(numbered, len(numbered)) or ""
            stem, word = numbered[: len(numbered) - len(kind)], kind + word
        unit = before_kinds(stem, lex)
        # `甲高新区(乙江)两新工委`: a note in brackets after the unit's word is part of its name
        noted = without_note(unit)
        for unit_type in ("Enterprise", "Park", "Organization"):
            if _ends_with_word(noted, unit_type, lex) or unit in lex.org_words.get(unit_type, ()):
                # a body of one kind in a unit (`甲经开区非公企业联合党委`) is not the unit's own, but a
                # building's body of any kind is (`甲大厦楼宇联合党委`): it holds no other body
                own = unit == stem or (unit_type == "Park" and building_before(stem, lex) == unit)
                if unit_type == "Enterprise" and noted != unit and own:
                    # `甲乙科技有限公司(甲乙)党支部`: the company's short name in brackets is no part of
                    # its name, nor of its branch's
                    parsed.aliases.add(parsed.name)
                    parsed.name, unit = noted + word, noted
                parsed.parts.append(NamePart(unit_type, unit, "PARTY_ORG_OF" if own else ""))
                break
        else:
            if building := building_before(stem, lex):
                # a building's body of any kind (`甲广场楼宇党委`) is its own: it holds no other body
                parsed.parts.append(NamePart("Park", building, "PARTY_ORG_OF"))
            elif _place_garden(stem, lex):
                # `海淀园工委`: the park a district's short name and 园 make, one of a zone's parks
                parsed.parts.append(NamePart("Park", stem, "PARTY_ORG_OF"))
            elif lex.brand(stem) and not any(k in word for k in (*SECTOR_KINDS, *GATHERING_KINDS)):
                # `煤电煤化工产业链党委` names a sector, not a brand's company; a joint or composite body
                # (`精密机械联合党支部`, `甲市新材料综合党委`) gathers several companies, so it is none's own
                parsed.parts.append(NamePart("Enterprise", stem, "PARTY_ORG_OF"))
            elif split_regions(stem, lex):
                parsed.parts.append(NamePart("Region", split_regions(stem, lex)[-1], "PARTY_ORG_OF"))
            elif _region_committee(stem, lex):
                parsed.parts.append(NamePart("Committee", stem, "SUBORDINATE_TO"))
            elif (
                not regions
                and not (any(k in word for k in SECTOR_KINDS) and len(stem) >= 2)
                and not sector_named(stem, lex)
                and not ends_in_place(stem, lex)
                and not _firms_joined(stem, word, lex)
                and not _trade_joined(stem, word, lex)
            ):
                # a body named after a place and a part of it (`甲区乙街工委`) needs no other unit
                parsed.needs_unit = True
    elif type_ in PARTY_TYPES or (type_ == "Organization" and (not stem or is_bare_unit(stem, lex))):
        parsed.needs_unit = True
    elif type_ == "Organization" and _park_committee(stem, lex):
        # `甲高新区党工委组织部`: a department of the Party committee its name opens with, named in turn
        # (a region's committee is not: `甲区委组织部` lies in 甲区, ANNOTATION.md)
        parsed.parts.append(NamePart("Committee", stem, "PART_OF"))
        parsed.upper = stem
    elif type_ == "Organization" and _park_management(stem, lex):
        # `甲高新区管委会党群工作部`: a department of the park's management committee its name opens with
        parsed.parts.append(NamePart("Organization", stem, "PART_OF"))
        parsed.upper = stem
    elif type_ == "Organization" and _ends_with_word(stem, "Park", lex) and stem[0] not in NUMERALS:
        # a park's body (`甲乙高新区管委会`) names the park, which the name relates to it no further;
        # an office stationed in it (`甲海关驻乙高新区办事处`) names the park after `驻`
        park = stem.rpartition(STATIONED)[2]
        parsed.parts.append(NamePart("Park", park if len(park) >= 2 else stem, ""))
    return parsed


def _outer_regions(regions: list[str], lex: Lexicon) -> list[NamePart]:
    """`甲省乙市丙区`, opening a name: the regions the innermost lies in are named too (each in the one
    before it, `_region_chains`), though the name relates only to the innermost; not places that do not
    hold one another (`甲市乙省产业园`, a province's park in a city)."""
    depths = [lex.gazetteer.full.get(r) for r in regions]
    if any(o is not None and i is not None and o >= i for o, i in pairwise(depths)):
        return []
    return [NamePart("Region", region, "") for region in regions[:-1]]


def _place_garden(stem: str, lex: Lexicon) -> bool:
    """`海淀园`, `中关村丰台园`: a county's or a city's short name and 园 end a park's name (not a
    garden's: `人民公园` holds no place's short name)."""
    gazetteer = lex.gazetteer
    places = (stem[-1 - n : -1] for n in (2, 3) if len(stem) > n)
    return stem.endswith("园") and any(p in gazetteer.county_forms or p in gazetteer.forms for p in places)


STATIONED = "驻"
"""`甲海关驻乙高新区办事处`: the body before it keeps an office in the place after it."""


def _level_word_before_place(name: str, lex: Lexicon) -> bool:
    """`市|琴川街道党工委`: a level word opening a name refers to the document's region; the place
    named after it is the unit's."""
    return (
        name[0] in level_chars(lex)
        and not region_prefix(name, lex)[0]
        and bool(region_prefix(name[1:], lex)[0])
    )


PARK_RANK = re.compile(r"(?:首批|第[一二三四五六七八九十]+批)?(?:国家|省|自治区|市|州|县|区)级")
"""The rank a park word may carry (`国家级经开区`, `省级高新区`, `首批国家级经开区`)."""


def park_kind(word: str, lex: Lexicon) -> bool:
    """Whether a park word names a kind of park (`经济技术开发区`, `高新区`), not one facility."""
    kinds = {full for full, _ in lex.park_short_forms}
    return word in kinds or word in lex.vocabulary.generic_words("Park")


def parent_park(name: str, word: str, lex: Lexicon) -> str | None:
    """The named park a park's name starts with (`甲经开区|乙园区`, `甲产业基地|孵化中心`): the park it
    lies in. A park word that runs on into a place's (`甲新城|区…`) ends no park."""
    stem = name[: len(name) - len(word)]
    for end in range(len(stem), 2, -1):
        head = stem[:end]
        outer = _ends_with_word(head, "Park", lex)
        if outer and not is_bare_unit(head, lex) and stem[end : end + 1] not in _PLACE_ENDS:
            if ends_in_district(head, outer, lex):
                return None
            return head if head[0] not in NUMERALS else None
    return None


def ends_in_district(name: str, word: str, lex: Lexicon) -> bool:
    """`甲市|浦东新区`: a park word that ends a district the gazetteer holds ends a region, not a park."""
    known = (lex.gazetteer.match(name, i) for i in range(len(name) - len(word) + 1))
    return any(r is not None and name.endswith(r) and len(r) > len(word) for r in known)


_PLACE_ENDS = ("区", "县", "市", "镇", "乡", "村")


def _region_committees_park(stem: str, lex: Lexicon) -> tuple[str, str] | None:
    """(committee, park) where a Party body's name opens with a region's committee and then names a
    park (`嘉兴市委|经济技术开发区`): the park is the region's, called by the region's short name."""
    at = stem.find("委")
    regions = split_regions(stem[:at], lex) if at > 1 else []
    rest = stem[at + 1 :]
    park_word = lex.org_word_set("Park").ending_at(rest, len(rest)) if regions else None
    if not park_word:
        return None
    region = regions[-1]
    suffix = next((w for w in region_suffixes(lex) if region.endswith(w) and len(region) > len(w) + 1), "")
    short = region[: len(region) - len(suffix)]
    return stem[: at + 1], rest if rest.startswith(short) else short + rest


QUALIFIER_LENGTH = 6
"""How long the words between a Party body's name and its branch's word may be (`第一`, `机关`, `一号楼`)."""


def party_body_before(stem: str, lex: Lexicon) -> tuple[str, str] | None:
    """`甲乙园区党委|第一` before `党支部`: the named Party body a branch's name starts with, which it
    comes under; none when that body is named only by kind words (`园区党委`), which says not which."""
    found = [
        (start + len(word), len(word), type_)
        for start, word in lex.org_word_set(*PARTY_TYPES).find_all(stem)
        for type_ in PARTY_TYPES
        if word in lex.org_word_set(type_) and start > 0 and len(stem) - start - len(word) <= QUALIFIER_LENGTH
    ]
    if not found:
        return None
    end, _, type_ = max(found)
    name = stem[:end]
    return None if is_generic_name(name, type_, lex) else (type_, name)


def ends_in_place(stem: str, lex: Lexicon) -> bool:
    """`甲办事处乙村党委`: a Party body's qualifier ending in a place (three characters or more) names it."""
    return any(split_regions(stem[i:], lex) for i in range(len(stem) - 2))


def is_generic_name(name: str, type_: str, lex: Lexicon) -> bool:
    """A name made only of kind words (`园区党委`, `市委组织部`, `公司党支部`): it says what kind of
    unit it is, not which one, so it names a different unit in every document."""
    if type_ not in (*PARTY_TYPES, *UNIT_TYPES):
        return False
    pieces = _generic_pieces(lex)
    rest = next((name[len(p) :] for p in lex.drop_prefixes if name.startswith(p)), name)
    while rest:
        cut = next((n for n, words in pieces if rest[-n:] in words), None)
        if cut is None:
            return False
        rest = rest[:-cut]
    return True


_PIECES: dict[int, tuple[Lexicon, tuple[tuple[int, frozenset[str]], ...]]] = {}
"""Kind words by lexicon (held with it, so its id is not reused): resolution asks for them often."""


def _generic_pieces(lex: Lexicon) -> tuple[tuple[int, frozenset[str]], ...]:
    """Organization and region words, kind and area words and bare unit words, by length, longest first."""
    held = _PIECES.get(id(lex))
    if held is not None and held[0] is lex:
        return held[1]
    types = (*PARTY_TYPES, *UNIT_TYPES)
    words = {w for t in (*types, "Region") for w in lex.org_words.get(t, ())}
    words |= {*lex.kind_words, *lex.area_words} | {w for t in types for w in lex.vocabulary.generic_words(t)}
    lengths = sorted({len(w) for w in words}, reverse=True)
    pieces = tuple((n, frozenset(w for w in words if len(w) == n)) for n in lengths)
    _PIECES[id(lex)] = (lex, pieces)
    return pieces
