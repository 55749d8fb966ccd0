"""Companies named again by their short name: `菜乡食品总经理…` after `寿光市菜乡食品有限公司`.

An article names a company once in full and then by its brand and line of business; the short name
alone has no company word for the name rules to find. Each company the document names in full gives
one short name (its name less the legal form, a trailing 集团 and the places before the brand), and
each place the text writes that short name outside another name is a mention of the company.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from parkgraph.loaders.lexicon import Lexicon
from parkgraph.loaders.mentions import Mention
from parkgraph.loaders.names import LEGAL_FORMS, region_prefix
from parkgraph.loaders.segment import Sentence
from parkgraph.loaders.wordset import WordSet

_BRACKETED = re.compile(r"[(（][^()（）]{1,8}[)）]")
"""A place or a group written in brackets inside a registered name (`甲乙（江苏）有限公司`)."""


def company_short_names(full: str, lex: Lexicon) -> set[str]:
    """`菜乡食品` for `寿光市菜乡食品有限公司` and `潍坊菜乡食品有限公司`, `鲁晟化工` for
    `山东鲁晟化工集团有限公司`: the brand and its line of business (`Lexicon.brand`) after the places
    that open the name, written in full or as the gazetteer's short form (a city's, a province's), and
    with only the first of two lines of business (`甲乙生物` for `甲乙生物科技有限公司`), or the brand with
    the company's kind (`甲乙股份`, `甲乙科技`)."""
    form = next((f for f in LEGAL_FORMS if full.endswith(f)), None)
    if form is None:
        return set()
    core = _BRACKETED.sub("", full[: len(full) - len(form)]).removesuffix("集团")
    _, rest = region_prefix(core, lex)
    place = lex.gazetteer.match(rest, 0) or ""
    names = (rest, rest[len(place) :])
    # `金穗生物` for `绥化金穗生物科技有限公司`: a second line of business after the first may be left out
    lines = (_less_last_line(name, lex) for name in names)
    shorts = {short for short in (*names, *lines) if short and lex.brand(short)}
    # `金禾化纤` for `射阳金禾化纤有限公司`: a county's short form opening the name, where a brand follows
    county = next((rest[:n] for n in (2, 3) if rest[:n] in lex.gazetteer.county_forms), "")
    if county and lex.brand(rest[len(county) :]):
        shorts.add(rest[len(county) :])
    # `海纳精密传动` for `潍坊海纳精密传动有限公司`: the whole name less its places and legal form, where a
    # brand of its own opens it (no line of business, no stop word), and so less the line of business it
    # ends in (`晶拓光能` for `安徽晶拓光能科技股份有限公司`)
    if len(names[1]) >= 4 and _branded_opening(names[1], lex):
        last = next((w for w in lex.industry_words if names[1].endswith(w)), "")
        shorts |= {name for name in (names[1], names[1][: len(names[1]) - len(last)]) if len(name) >= 4}
    # `晶锐股份` for `河南晶锐超硬材料股份有限公司`, `云帆科技` for `厦门云帆信息技术有限公司`: a
    # two-character brand with the company's form or its kind of business in general
    brand = names[1][:2]
    kinds = [kind for kind, words in _KINDS.items() if any(w in form or w in names[1][2:] for w in words)]
    # `顺达智能` for `芜湖顺达智能装备有限公司`: the brand and the line of business right after it
    line = next((w for w in lex.industry_words if names[1].startswith(w, 2)), None)
    if len(names[1]) > 4 and not lex.gazetteer.match(brand, 0):
        shorts |= {brand + kind for kind in kinds} | ({brand + line} if line else set())
    return shorts


_KINDS = {"股份": ("股份",), "科技": ("科技", "技术")}
"""A kind of company a brand is written with in short, and the words of its full name that make it so."""


def _branded_opening(name: str, lex: Lexicon) -> bool:
    """Whether `name` opens with two characters of brand: no line of business or stop word starts it."""
    opening = name[:2]
    words = (*lex.industry_words, *lex.business_words, *lex.stop_words)
    return not name.startswith(words) and not any(w.startswith(opening) for w in lex.business_words)


def _less_last_line(name: str, lex: Lexicon) -> str:
    """`name` less the line of business it ends in, when another comes before it (`甲乙生物|科技`)."""
    word = next((w for w in lex.industry_words if name.endswith(w)), "")
    less = name[: len(name) - len(word)]
    return less if word and less.endswith(lex.industry_words) else ""


def short_name_owners(companies: list[str], lex: Lexicon) -> dict[str, str]:
    """Each short name of the companies named in full, with the one company it stands for (a short
    name two of them share stands for neither)."""
    owners: dict[str, set[str]] = {}
    for name in companies:
        for short in company_short_names(name, lex):
            owners.setdefault(short, set()).add(name)
    return {short: names.pop() for short, names in owners.items() if len(names) == 1}


def find_short_names(
    text: str, sentences: list[Sentence], mentions: list[Mention], lex: Lexicon
) -> list[Mention]:
    """The places the text writes a company's short name outside every mention found so far, each a
    mention of the company by its full name (the short one an alias of it); a short name two of the
    document's companies share names neither."""
    owners = short_name_owners([m.name for m in mentions if m.type == "Enterprise"], lex)
    shorts = WordSet(owners)
    taken: dict[int, list[tuple[int, int]]] = {}
    for m in mentions:
        taken.setdefault(m.sentence, []).append((m.start, m.end))
    starts = [s.start for s in sentences]
    out: list[Mention] = []
    for start, short in shorts.find_all(text):
        end = start + len(short)
        si = bisect_right(starts, start) - 1
        spans = taken.setdefault(si, [])
        if si < 0 or end > sentences[si].end or any(a < end and start < b for a, b in spans):
            continue
        mention = Mention(start, end, "Enterprise", owners[short], si)
        mention.aliases.add(short)
        out.append(mention)
        spans.append((start, end))
    return out
