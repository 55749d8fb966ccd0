"""Steps that decide a document's own units: its main region and park, generic mentions named by them,
and one entity per unit however the document spells it."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from parkgraph.loaders.draft import Draft, Ref, by_sentence
from parkgraph.loaders.lexicon import Lexicon
from parkgraph.loaders.mentions import Mention
from parkgraph.loaders.names import (
    COUNTY_LEVEL,
    PARTY_TYPES,
    UNIT_TYPES,
    is_bare_unit,
    region_level,
    region_prefix,
    split_regions,
)
from parkgraph.loaders.recognition import stem_of


class _Names:
    """The names the document's mentions carry, by type, kept in step as the unit step renames them:
    "which other units of this kind does the document name" then costs the names, not the mentions."""

    def __init__(self, mentions: Iterable[Mention]) -> None:
        self.every: defaultdict[str, Counter[str]] = defaultdict(Counter)
        self.specific: defaultdict[str, Counter[str]] = defaultdict(Counter)
        for m in mentions:
            self.count(m.type, m.name, m.generic, 1)

    def count(self, type_: str, name: str, generic: str | None, sign: int) -> None:
        self.every[type_][name] += sign
        if not generic:
            self.specific[type_][name] += sign

    def of(self, type_: str, specific: bool = False) -> list[str]:
        """The names mentions of a type carry (only those of specific mentions if `specific`)."""
        counter = (self.specific if specific else self.every)[type_]
        return [name for name, n in counter.items() if n > 0]


class UnitStep:
    """Name the document's own units and qualify mentions that only make sense inside it."""

    def __call__(self, draft: Draft) -> None:
        lex = draft.lex
        regions = Counter(m.name for m in draft.mentions if m.type == "Region")
        title_regions = [m.name for m in draft.mentions if m.type == "Region" and m.sentence == 0]
        # the title's most specific region (`贵阳市白云区` → 白云区), else the most mentioned one
        draft.main_region = (title_regions[-1:] or [r for r, _ in regions.most_common(1)] or [None])[0]
        draft.main_park = _main_park(draft)
        if draft.main_park and draft.main_region and draft.main_park.startswith(draft.main_region):
            draft.add_link("LOCATED_IN", ("Park", draft.main_park), ("Region", draft.main_region), 0, 0.7)
        resolved: list[Mention] = []
        local: dict[int, str] = {}
        previous: Mention | None = None
        names = _Names(draft.mentions)
        last: tuple[Mention, str, str | None] | None = None
        for m in sorted(draft.mentions, key=lambda m: (m.start, -m.end)):
            if last and (last[0].name, last[0].generic) != last[1:]:
                names.count(last[0].type, *last[1:], -1)
                names.count(last[0].type, last[0].name, last[0].generic, 1)
            last = (m, m.name, m.generic)
            park = local.get(m.sentence) or draft.main_park
            if m.generic and m.type == "Park" and not _of_kind(park or "", m.name, lex):
                park = _only_park_of_kind(names, m.name, lex) or draft.main_park
            unit = park or draft.main_region
            if regional := _regional_name(draft, names, m):
                m.aliases.add(m.name)
                m.name, m.generic = regional, None
            elif m.generic and m.type == "Park" and m.name in lex.org_words.get("Park", ()):
                owner = _owning_region(draft, previous, m)
                if owner:
                    m.aliases.add(m.name)
                    m.name = owner.name + m.name
                    draft.add_link("LOCATED_IN", ("Park", m.name), ("Region", owner.name), m.sentence, 0.8)
                elif not park or _part_of(park, m.name, lex):
                    continue
                else:
                    m.aliases.add(m.name)
                    m.name = park
            elif (
                m.generic
                and m.type != "Park"
                and (whole := _one_longer(lex, names, m) or _one_alliance(lex, names, m))
            ):
                m.aliases.add(m.name)
                m.name, m.generic = whole, None
            elif m.generic and m.type != "Park":
                stem = stem_of(m, lex)
                if not unit or _of_each(draft, m):
                    continue
                if stem and is_bare_unit(stem, lex):
                    # `园区党委` is the park's committee; with no park known, the region's `园区党委`
                    park = park or _only_park_of_kind(names, stem, lex)
                    qualified = park + m.name[len(stem) :] if park else unit + m.name
                elif not stem and m.type in PARTY_TYPES:
                    region = draft.main_region
                    if (
                        region
                        and m.name[:-1] in lex.org_words.get("Region", ())
                        and region.endswith(m.name[:-1])
                    ):
                        qualified = region + m.name[-1]
                    elif any(k in m.name for k in lex.kind_words):
                        qualified = (region or unit) + m.name
                    else:
                        continue
                else:
                    qualified = unit + m.name
                m.aliases.add(m.name)
                m.name = qualified
                m.generic = None
            if m.type == "Park":
                local[m.sentence] = m.name
            resolved.append(m)
            previous = m
        draft.mentions = resolved
        kept = by_sentence(resolved)
        for m in draft.mentions:
            for relation, inner in m.parts:
                if relation and inner in kept[inner.sentence]:
                    draft.add_link(relation, (m.type, m.name), (inner.type, inner.name), m.sentence, 0.9)
        self._region_chains(draft)

    @staticmethod
    def _region_chains(draft: Draft) -> None:
        for m in draft.mentions:
            if m.type != "Region":
                continue
            chain = split_regions(draft.text[m.start : m.end], draft.lex)
            for inner, outer in zip(chain[1:], chain, strict=False):
                draft.add_link("LOCATED_IN", ("Region", inner), ("Region", outer), m.sentence, 0.9)
        previous: Mention | None = None
        for m in sorted((m for m in draft.mentions if m.type == "Region"), key=lambda m: m.start):
            if previous and previous.end == m.start and previous.name != m.name:
                draft.add_link("LOCATED_IN", ("Region", m.name), ("Region", previous.name), m.sentence, 0.9)
            previous = m


def _one_longer(lex: Lexicon, names: _Names, m: Mention) -> str | None:
    """`综合党委` (or `甲乙综合党委`) in a document that names one `甲乙楼宇综合党委`: that body, written
    short. Only a kind of body (综合, 联合, 行业…) is so specific; a bare `党支部` may be any branch."""
    if not any(k in m.name for k in lex.kind_words):
        return None
    longer = {
        n
        for n in names.of(m.type, specific=True)
        if len(n) > len(m.name) and (n.endswith(m.name) or _more_kinds(n, m.name, lex))
    }
    if len({_without_kinds(n, lex) for n in longer}) == 1:
        # `甲乙综合党委` and `甲乙楼宇综合党委` are one body written with and without a kind word
        return max(longer, key=lambda n: (len(region_prefix(n, lex)[1]), n))
    return None


def _more_kinds(longer: str, name: str, lex: Lexicon) -> bool:
    """`甲乙楼宇综合党委` is `甲乙综合党委` with one more kind word (and perhaps its region): the same
    body. A body of another kind (`非公党委`, `社会组织党委`) is another body."""
    kinds = {k for k in lex.kind_words if k in name}
    more = {k for k in lex.kind_words if k in longer}
    return kinds <= more and _without_kinds(longer, lex) == _without_kinds(name, lex)


def _without_kinds(name: str, lex: Lexicon) -> str:
    """A name less its region and kind words: what stays the same when a body is written with more or
    fewer of them (`甲区|乙丙综合党委`, `乙丙楼宇综合党委`)."""
    name = region_prefix(name, lex)[1]
    for word in sorted(lex.kind_words, key=len, reverse=True):
        name = name.replace(word, "")
    return name


def _one_alliance(lex: Lexicon, names: _Names, m: Mention) -> str | None:
    """`产业园党建联盟` in a document that names one `“甲乙”产业园党建联盟`: that alliance, written short,
    not the park's. An alliance is named for what it gathers, so its short form names no unit."""
    if m.type != "Organization" or not m.name.endswith(lex.structure.get("alliances", ())):
        return None
    longer = {n for n in names.of(m.type, specific=True) if n.endswith(m.name) and n != m.name}
    return longer.pop() if len(longer) == 1 else None


_CLAUSE_BREAKS = "，,；;。！？!?：:"


def _of_each(draft: Draft, m: Mention) -> bool:
    """`各县(市、区)的社会工作部`: a unit word after `各` in its clause speaks of many units, not one."""
    sentence = draft.sentences[m.sentence]
    before = draft.text[sentence.start : m.start]
    clause = max(before.rfind(c) for c in _CLAUSE_BREAKS) + 1
    return "各" in before[clause:]


def _regional_name(draft: Draft, names: _Names, m: Mention) -> str | None:
    """`县委组织部`, `省公安厅`, `市委两新工委`: a body named by a region's level word is that body of the
    document's region of that level (`甲乙县委组织部`), when the document names one such region."""
    lex = draft.lex
    level = m.name[:1]
    if m.type not in ("Organization", "Committee") or len(m.name) < 3 or level not in _levels(lex):
        return None
    rest = m.name[1:]
    if (m.type == "Committee" and not rest.startswith("委")) or lex.gazetteer.match(m.name):
        return None
    region = _region_of_level(draft, names, level)
    return region + rest if region else None


def _levels(lex: Lexicon) -> set[str]:
    return {w for words in lex.region_levels for w in words if len(w) == 1}


def _region_of_level(draft: Draft, names: _Names, level: str) -> str | None:
    """The document's region at the level `level` names (`县`): its main region, else the only one."""
    lex = draft.lex
    rank = region_level(level, lex)
    regions = {n for n in names.of("Region") if n.endswith(level) and region_level(n, lex) == rank}
    main = draft.main_region
    if main in regions:
        return main
    return regions.pop() if len(regions) == 1 else None


def _main_park(draft: Draft) -> str | None:
    """The park a document is about: its clearly most named park, or, in an article about a
    county-level region that only says "园区", that region's park named by its most specific word
    (unless the document names a park that word may be: then it speaks of that one).
    """
    lex = draft.lex
    named = Counter(m.name for m in draft.mentions if m.type == "Park" and not m.generic)
    ranked = named.most_common(2)
    bare = [m.name for m in draft.mentions if m.type == "Park" and m.generic]
    bare += [stem_of(m, lex) for m in draft.mentions if m.generic and m.type != "Park"]
    bare = [w for w in bare if w in lex.vocabulary.generic_words("Park")]
    region = draft.main_region
    county = region is not None and region_level(region, lex) == COUNTY_LEVEL
    tally = Counter(bare)
    word = max(bare, key=lambda w: (len(w), tally[w]), default="")
    of_kind = any(_of_kind(name, word, lex) for name in named)
    if county and len(bare) >= 3 and len(bare) > 3 * (ranked[0][1] if ranked else 0) and not of_kind:
        return region + word
    spelled = Counter(short_park_name(name, lex) for name in named.elements())
    ranked = spelled.most_common(2)
    if not ranked:
        return None
    top, count = ranked[0]
    in_title = any(short_park_name(m.name, lex) == top and m.sentence == 0 for m in draft.mentions)
    clear = count >= 2 and (len(ranked) == 1 or count >= 2 * ranked[1][1])
    # the park of the title wins a tie (`…在甲经开区成立`, then 甲经开区 and its 乙园区 twice each)
    if clear or (in_title and (len(ranked) == 1 or count >= ranked[1][1])):
        return max((n for n in named if short_park_name(n, lex) == top), key=lambda n: (named[n], len(n)))
    return None


def short_park_name(name: str, lex: Lexicon) -> str:
    """`甲经济开发区` and `甲经开区` are one park: its name with the park word in its short form."""
    for full, short in lex.park_short_forms:
        if name.endswith(full):
            return name[: len(name) - len(full)] + short
    return name


def _of_kind(park: str, word: str, lex: Lexicon) -> bool:
    """Whether a bare park word may name `park`: `园区` names any park, `高新区` only a 高新区 (a
    `孵化中心` named just before it in the sentence is not what it speaks of)."""
    return word in lex.category_park_words or short_park_name(park, lex).endswith(short_park_name(word, lex))


def _only_park_of_kind(names: _Names, word: str, lex: Lexicon) -> str | None:
    """The one park of the kind `word` names that the document names (`高新区` → `甲乙高新区`)."""
    named = {n for n in names.of("Park", specific=True) if n != word}
    kinds = {short_park_name(n, lex) for n in named if _of_kind(n, word, lex)}
    if len(kinds) != 1:
        return None
    return max((n for n in named if short_park_name(n, lex) in kinds), key=lambda n: (len(n), n))


def _part_of(park: str, word: str, lex: Lexicon) -> bool:
    """A bare park word of a kind the park is not (`创业小镇` in `某工业集中区`) speaks of a part inside
    it or of such places in general, never of the park itself; `园区`, `开发区` and the park's own kind
    word name the park."""
    return not is_bare_unit(word, lex) and not park.endswith(word)


def _owning_region(draft: Draft, previous: Mention | None, park: Mention) -> Mention | None:
    """`崇州市依托工业园区`: a bare park word right after a region (and 依托/的) is that region's park."""
    if previous is None or previous.type != "Region" or previous.sentence != park.sentence:
        return None
    between = draft.text[previous.end : park.start]
    return previous if between in ("", "的", "依托", "所属") else None


class VariantStep:
    """One entity per unit in a document: `内蒙古通辽经济技术开发区` is `通辽经济技术开发区`, and so is
    a copy that drops one character (`通辽经济术开发区`), merged into the more frequent (or full) form;
    a park's short spellings (`甲乙经开区`, `乙开发区`) are aliases of its fullest one (`甲乙经济开发区`)."""

    def __call__(self, draft: Draft) -> None:
        counts = Counter((m.type, m.name) for m in draft.mentions)
        cores = {name: _without_region(name, draft.lex) for _, name in counts}
        rename: dict[Ref, Ref] = _park_aliases(draft.mentions, counts, draft.lex)
        for (type_, a), count_a in counts.items():
            if type_ in ("Person", "Practice", "Region") or (type_, a) in rename:
                continue
            for (other_type, b), count_b in counts.items():
                if other_type != type_ or a == b:
                    continue
                if (
                    cores[a] == b
                    or ((count_b, len(b)) > (count_a, len(cores[a])) and _one_dropped(cores[a], b))
                    or (type_ == "Park" and cores[b] != a and _short_spelling(a, b, draft.lex))
                ):
                    rename[(type_, a)] = (type_, b)
                    break
            if (type_, a) not in rename and (whole := _whole_name(type_, a, counts, cores, draft.lex)):
                rename[(type_, a)] = (type_, whole)
            if (type_, a) not in rename and type_ == "Enterprise" and (full := _registered_name(a, counts)):
                rename[(type_, a)] = (type_, full)
        for ref, target in rename.items():
            while target in rename and rename[target] != ref:
                target = rename[target]
            rename[ref] = target
        rename |= _named_after(counts, rename)
        rename |= _branch_spellings(counts, rename, draft.lex)
        if not rename:
            return
        if draft.main_park:
            draft.main_park = rename.get(("Park", draft.main_park), ("Park", draft.main_park))[1]
        for m in draft.mentions:
            target = rename.get((m.type, m.name))
            if target:
                m.aliases.add(m.name)
                m.name = target[1]
        for link in draft.links:
            link.head = rename.get(link.head, link.head)
            link.tail = rename.get(link.tail, link.tail)


LEGAL_FORMS = ("股份有限公司", "有限责任公司", "有限公司", "股份公司")
"""Words that end a company's registered name; its short names leave them out."""
SHORT_COMPANY_WORDS = ("公司", "集团")
"""Words a company's short name may end in (`甲乙公司` for `丙甲乙电器有限公司`)."""
MAX_PLACE = 4
"""Characters of place a registered name may write before the brand its short name keeps."""


def _registered_name(short: str, counts: Counter[Ref]) -> str | None:
    """The one registered company name (`丙甲乙科技有限公司`) of which `short` is the short name: its
    brand (`甲乙科技`, `甲乙公司`, `甲乙`) after at most a place, less the legal form. A group
    (`甲乙集团`) is short only for the group itself (`甲乙集团有限公司`), not for a company in it
    (`甲乙集团丁戊有限公司`), and no name is short for a branch company (`…有限公司己分公司`)."""
    if short.endswith(LEGAL_FORMS):
        return None
    word = next((w for w in SHORT_COMPANY_WORDS if short.endswith(w)), "")
    brand = short[: len(short) - len(word)]
    if len(brand) < 2:
        return None
    found = set()
    for type_, full in counts:
        form = next((f for f in LEGAL_FORMS if full.endswith(f)), None)
        if type_ != "Enterprise" or not form or full == short:
            continue
        core = full[: len(full) - len(form)]
        at = core.find(brand)
        rest = core[at + len(brand) :]
        group = rest.find("集团")
        if (group >= 0 and group != len(rest) - 2) or (word == "集团" and group < 0):
            continue
        if 0 <= at <= MAX_PLACE and "公司" not in rest:
            found.add(full)
    return found.pop() if len(found) == 1 else None


BRANCH_FORMS = (
    ("党支部委员会", "支部委员会", "党支部", "支部"),
    ("党总支部委员会", "总支部委员会", "党总支部", "党总支", "总支"),
)
"""Spellings of one branch word: `甲公司党支部` and `甲公司支部委员会` are one branch."""


def _branch_form(name: str) -> tuple[str, int] | None:
    """The unit a plain branch is named after and its level (a branch or a general branch)."""
    for level, forms in enumerate(BRANCH_FORMS):
        form = next((f for f in forms if name.endswith(f)), None)
        if form and len(name) > len(form):
            return name[: len(name) - len(form)], level
    return None


def _branch_spellings(counts: Counter[Ref], rename: dict[Ref, Ref], lex: Lexicon) -> dict[Ref, Ref]:
    """Branches of one unit written with two spellings of the branch word (`甲公司党支部`, `甲公司支部委员会`,
    once the unit has its full name) are one entity, named by the more frequent (else the longer) form."""
    named: Counter[str] = Counter()
    for ref, count in counts.items():
        type_, name = rename.get(ref, ref)
        if type_ == "Branch":
            named[name] += count
    best: dict[tuple[str, int], str] = {}
    for name in sorted(named, key=lambda n: (-named[n], -len(n), n)):
        form = _branch_form(name)
        if form and form[0] and not is_bare_unit(form[0], lex):
            best.setdefault(form, name)
    out = {}
    for ref in counts:
        type_, name = rename.get(ref, ref)
        form = _branch_form(name) if type_ == "Branch" else None
        if form in best and best[form] != name:
            out[ref] = (type_, best[form])
    return out


def _park_aliases(mentions: Iterable[Mention], counts: Counter[Ref], lex: Lexicon) -> dict[Ref, Ref]:
    """A park written by a name the document gives it as another name (`甲开发区(乙高新区)` … `乙高新区`)
    is that park."""
    out: dict[Ref, Ref] = {}
    for m in mentions:
        if m.type != "Park":
            continue
        for alias in m.aliases:
            if alias != m.name and ("Park", alias) in counts and not is_bare_unit(alias, lex):
                out.setdefault(("Park", alias), ("Park", m.name))
    return out


def _without_region(name: str, lex: Lexicon) -> str:
    regions, rest = region_prefix(name, lex)
    return rest if regions else name


def _whole_name(
    type_: str, name: str, counts: Counter[Ref], cores: dict[str, str], lex: Lexicon
) -> str | None:
    """The one longer name of the document that ends in `name`: a park or body word written alone
    (`孵化中心` in `孵化中心党总支`, `商会` in `商会党委`) or a body's short name (`企业家协会`) is the
    unit it names in full (`甲乙孵化中心`, `甲乙商会`, `丙丁开发区企业家协会`); one that is only the
    longer less its region is the longer's core, named the other way."""
    if type_ == "Park":
        if name not in lex.org_words.get("Park", ()):
            return None
    elif type_ not in ("Organization", *PARTY_TYPES) or not (
        stem_of_name(name, type_, lex) or type_ == "Organization"
    ):
        return None
    whole = {
        other
        for t, other in counts
        if t == type_ and other.endswith(name) and other != name and cores[other] != name
    }
    whole -= {cores[other] for other in whole if cores[other] != other}
    return whole.pop() if len(whole) == 1 else None


def stem_of_name(name: str, type_: str, lex: Lexicon) -> str:
    """What a name says before its organization word (`企业家|协会`)."""
    word = max((w for w in lex.org_words.get(type_, ()) if name.endswith(w)), key=len, default="")
    return name[: len(name) - len(word)]


def _named_after(counts: Counter[Ref], rename: dict[Ref, Ref]) -> dict[Ref, Ref]:
    """Bodies named after a unit written short take its full name too (`乙开发区工委` →
    `甲乙经济开发区工委`, `商会党委` → `甲乙商会党委`): a unit's bodies are named by the unit's
    canonical name."""
    parks = {a: b for (type_, a), (_, b) in rename.items() if type_ in ("Park", *UNIT_TYPES)}
    out = {}
    for type_, name in counts:
        if type_ in ("Park", "Person", "Practice", "Region") or (type_, name) in rename:
            continue
        short = next(
            (a for a in sorted(parks, key=len, reverse=True) if name.startswith(a) and name != a), None
        )
        if short and not (len(parks[short]) > len(short) and name.startswith(parks[short])):
            out[(type_, name)] = (type_, parks[short] + name[len(short) :])
    return out


def _short_spelling(a: str, b: str, lex: Lexicon) -> bool:
    """Whether park `a` is `b` written short: the same kind of park (`经开区` for 经济开发区, `开发区`
    for 经济开发区) with its name, or its name's end, less a place's level word (`甲县` as `甲`)."""
    if len(a) >= len(b):
        return False
    parts_a, parts_b = _park_parts(a, lex), _park_parts(b, lex)
    if not parts_a or not parts_b:
        return False
    (stem_a, word_a), (stem_b, word_b) = parts_a, parts_b
    shorts = dict(lex.park_short_forms)
    if not (word_b.endswith(word_a) or shorts.get(word_b, word_b) == shorts.get(word_a, word_a)):
        return False
    core_a, core_b = _place_core(stem_a, lex), _place_core(stem_b, lex)
    return len(core_a) >= 2 and (core_b == core_a or core_b.endswith(core_a))


def _park_parts(name: str, lex: Lexicon) -> tuple[str, str] | None:
    """A park's name and its park word (`甲乙|经济开发区`)."""
    words = [w for w in lex.org_words.get("Park", ()) if name.endswith(w) and len(name) > len(w)]
    word = max(words, key=len, default=None)
    return (name[: len(name) - len(word)], word) if word else None


def _place_core(stem: str, lex: Lexicon) -> str:
    """`甲乙县` → `甲乙`: a place's name less its level word, as park names write it."""
    if stem in lex.gazetteer.full and len(stem) > 2:
        return stem[:-1]
    return stem


def _one_dropped(a: str, b: str) -> bool:
    """Whether `a` and `b` differ by one dropped character."""
    short, long_ = sorted((a, b), key=len)
    if len(long_) - len(short) != 1 or len(short) < 6:
        return False
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))
