"""Steps that decide a document's own units: its main region and park, generic mentions named by them,
and one entity per unit however the document spells it."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable

from parkgraph.loaders.draft import Draft, Edit, Ref, by_sentence, working_copy
from parkgraph.loaders.lexicon import Lexicon
from parkgraph.loaders.mentions import PART_KINDS, PART_PARK_WORDS, Mention, alternation
from parkgraph.loaders.names import (
    COUNTY_LEVEL,
    LEGAL_FORMS,
    PARTY_TYPES,
    UNIT_TYPES,
    building_before,
    is_bare_unit,
    region_level,
    region_prefix,
    short_park_name,
    split_regions,
)
from parkgraph.loaders.recognition import is_company_section, stem_of
from parkgraph.loaders.short_names import short_name_owners

PARK_BODY_WORDS = ("党工委",)
"""A working committee is a park's Party body: written bare in an article about one park, it is that
park's (a bare `党委` may be any unit's)."""


class _Names:
    """The names the document's mentions carry, by type, kept in step as the unit step renames them:
    "which other units of this kind does the document name" then costs the names, not the mentions."""

    def __init__(self, mentions: Iterable[Mention]) -> None:
        self.every: defaultdict[str, Counter[str]] = defaultdict(Counter)
        self.specific: defaultdict[str, Counter[str]] = defaultdict(Counter)
        self.parks_changed = 0
        """How often the specific parks' names have changed: a key for what is read from them."""
        self.only_park: dict[tuple[int, str], str | None] = {}
        """`_only_park_of_kind` by (`parks_changed`, word): asked once per bare park word, not per mention."""
        for m in mentions:
            self.count(m.type, m.name, m.generic, 1)

    def count(self, type_: str, name: str, generic: str | None, sign: int) -> None:
        self.every[type_][name] += sign
        if not generic:
            self.specific[type_][name] += sign
            self.parks_changed += type_ == "Park"

    def of(self, type_: str, specific: bool = False) -> list[str]:
        """The names mentions of a type carry (only those of specific mentions if `specific`)."""
        counter = (self.specific if specific else self.every)[type_]
        return [name for name, n in counter.items() if n > 0]


class UnitStep:
    """Name the document's own units and qualify mentions that only make sense inside it."""

    def __call__(self, draft: Draft) -> Edit:
        work = working_copy(draft)
        self._rewrite(work)
        return Edit.made(draft, work)

    def _rewrite(self, draft: Draft) -> None:
        lex = draft.lex
        regions = Counter(m.name for m in draft.mentions if m.type == "Region")
        title_regions = [m.name for m in draft.mentions if m.type == "Region" and m.sentence == 0]
        # the title's most specific region (`贵阳市白云区` → 白云区), else the most mentioned one
        draft.main_region = (title_regions[-1:] or _most_named(regions) or [None])[0]
        draft.main_park = _main_park(draft)
        own = region_prefix(draft.main_park, lex)[0] if draft.main_park and not title_regions else []
        if own and own[-1] in regions:
            # the article's park names its place (`甲市乙高新区`): places named more often in passing
            # (in companies' and universities' names) are not what the article is about
            draft.main_region = own[-1]
        if draft.main_park and draft.main_region and draft.main_park.startswith(draft.main_region):
            draft.add_link("LOCATED_IN", ("Park", draft.main_park), ("Region", draft.main_region), 0, 0.7)
        resolved: list[Mention] = []
        first_at: dict[int, Mention] = {}
        local: dict[int, str] = {}
        previous: Mention | None = None
        names = _Names(draft.mentions)
        names_parks = any(m.type == "Park" and not m.generic for m in draft.mentions)
        placed = any(m.type == "Region" and region_level(m.name, lex) >= COUNTY_LEVEL for m in draft.mentions)
        in_sentence = by_sentence(draft.mentions)
        companies = Counter((m.type, m.name) for m in draft.mentions if m.type == "Enterprise")
        last: tuple[Mention, str, str | None] | None = None
        starting = {(m.start, m.type): m.name for m in draft.mentions if not m.generic}
        party_words = lex.org_word_set(*PARTY_TYPES)
        company_words = lex.org_words.get("Enterprise", ())
        declaring = sorted((m for m in draft.mentions if m.declared), key=lambda m: m.start)
        for m in sorted(draft.mentions, key=lambda m: (m.start, -m.end)):
            if last and (last[0].name, last[0].generic) != last[1:]:
                names.count(last[0].type, *last[1:], -1)
                names.count(last[0].type, last[0].name, last[0].generic, 1)
            last = (m, m.name, m.generic)
            here = in_sentence[m.sentence]
            park = local.get(m.sentence) or draft.main_park
            if m.generic and m.type == "Park" and not _of_kind(park or "", m.name, lex):
                park = _only_park_of_kind(names, m.name, lex) or draft.main_park
            unit = park or draft.main_region
            if m.generic and (named := _apposed(draft.text, m, starting)):
                m.aliases.add(m.name)
                m.name, m.generic = named, None
            elif m.generic and (sub := _sub_park_body_before(draft, first_at, names, m)):
                m.aliases.add(m.name)
                m.name, m.generic = sub, None
                m.parts = []  # its bare `园区` is the sub-park, which the body's own name states
            elif not m.generic and (whole := _park_written_short(m, park, names, lex)):
                m.aliases.add(m.name)
                m.name = whole
            elif town := _township(draft, names, m):
                m.aliases.add(m.name)
                m.name, m.generic = town[1], None
                draft.add_link("PARTY_ORG_OF", (m.type, m.name), ("Region", town[0]), m.sentence, 0.8)
            elif regional := _regional_name(draft, names, m):
                m.aliases.add(m.name)
                m.name, m.generic = regional, None
            elif m.generic and m.type == "Park" and m.name in lex.org_words.get("Park", ()):
                owner = _owning_region(draft, previous, m)
                if owner:
                    m.aliases.add(m.name)
                    m.name = owner.name + m.name
                    draft.add_link("LOCATED_IN", ("Park", m.name), ("Region", owner.name), m.sentence, 0.8)
                elif not park and _unplaced_kind(draft, m.name):
                    m.aliases.add(m.name)
                elif not park or _part_of(park, m.name, lex) or _greater_kind(park, m.name, lex):
                    continue
                else:
                    m.aliases.add(m.name)
                    m.name = park
            elif (
                m.generic
                and m.type in PARTY_TYPES
                and (earlier := _referred_body(draft, resolved, m) or _short_of_short(declaring, m))
            ):
                m.aliases.add(m.name)
                m.name, m.generic = earlier, None
            elif m.generic and m.type in PARTY_TYPES and (company := _company_named(companies, m, lex)):
                m.aliases.add(m.name)
                m.name, m.generic = company + m.name[len(stem_of(m, lex)) :], None
                draft.add_link("PARTY_ORG_OF", (m.type, m.name), ("Enterprise", company), m.sentence, 0.8)
            elif (
                m.generic
                and m.type != "Park"
                and (whole := _one_longer(lex, names, m) or _one_alliance(lex, names, m))
            ):
                m.aliases.add(m.name)
                m.name, m.generic = whole, None
            elif (
                m.generic == m.name
                and m.type in PARTY_TYPES
                and _several_longer(lex, names, m)
                and (latest := _last_of_kind(draft, resolved, m))
            ):
                m.aliases.add(m.name)
                m.name, m.generic = latest, None
            elif m.generic == m.name and m.type in PARTY_TYPES and _several_longer(lex, names, m):
                continue  # `综合党委` where the document names 甲综合党委 and 乙综合党委: the kind, not one
            elif m.generic and m.type != "Park" and _unnamed_area(lex, names, m):
                m.generic = None
            elif m.generic and m.type != "Park":
                stem = stem_of(m, lex)
                if stem and is_bare_unit(stem, lex) and not (park and _of_kind(park, stem, lex)):
                    # `经开区党工委` in an article about a sub-park, or one naming its park only once
                    # (a zone's word in a sentence on a lesser park: the article's park, if of that kind)
                    main = draft.main_park if _of_kind(draft.main_park or "", stem, lex) else None
                    only = _only_park_of_kind(names, stem, lex)
                    if only and main and short_park_name(main, lex).endswith(short_park_name(only, lex)):
                        only = main  # the article's park however the document spells it elsewhere
                    park = only or (main if park and _greater_kind(park, stem, lex) else park)
                    unit = park or unit
                if not park and stem and _unplaced_kind(draft, stem):
                    park = unit = stem
                level_body = m.type == "Committee" and _level_body(m.name, lex)
                if level_body and len(m.name) == len("市委") and placed:
                    level_body = False  # `市委` in a document naming a county or more: some place's, not said
                if level_body or stem in _levels(lex):
                    # `区两新工委` where the document names no 区: that level's body, not the park's
                    qualified = m.name
                elif not unit and _bare_park_body(lex, stem) and not names_parks and not _of_each(draft, m):
                    # `高新区党工委` where the document names no park: its bare name, which is its own
                    # (`is_generic_name`: keyed to this document), not dropped; where it names two,
                    # which of them it means is not said
                    qualified = m.name
                elif not unit and not stem and m.type in PARTY_TYPES and (at := _formed_at(draft, here, m)):
                    # `甲公司成立了党支部` in a document that names no park or region: the company's
                    qualified = _formed_body(draft, m, at)
                elif not unit or _of_each(draft, m):
                    continue
                elif stem and is_bare_unit(stem, lex):
                    # `园区党委` is the park's committee; with no park known, the region's `园区党委`
                    park = park or _only_park_of_kind(names, stem, lex)
                    # `管委会办公室` is the park's organ's office: the organ stays in its name
                    organ = stem in lex.org_words.get("Organization", ())
                    if park and not organ:
                        qualified = park + m.name[len(stem) :]
                    else:
                        qualified = _qualified(park or unit, m.name, lex)
                    if park and not organ:
                        _name_parts_park(m, park, names)
                elif not stem and m.type in PARTY_TYPES:
                    region = draft.main_region
                    if at := _formed_at(draft, here, m) or _column_before(draft, here, m):
                        qualified = _formed_body(draft, m, at)
                    elif own := _bare_region_committee(draft, names, m):
                        qualified = own
                    elif (company := _company_setting_up(draft, here, m)) and company.name in company_words:
                        # `公司党委下设机关党支部`: named once `_company_references` knows which company
                        bare = Mention(
                            company.start, company.end, company.type, company.name, company.sentence
                        )
                        m.parts.append(("PARTY_ORG_OF", bare))
                        resolved.append(bare)
                        first_at.setdefault(bare.start, bare)
                        qualified = company.name + m.name
                    elif company:
                        qualified = _formed_body(draft, m, company)
                    elif any(k in m.name for k in lex.kind_words):
                        # a branch in a sentence set in a building (`在甲大厦,楼宇党支部…`) is that building's
                        scene = local.get(m.sentence) if m.type == "Branch" else None
                        qualified = _qualified(scene or region or unit, m.name, lex)
                    elif (
                        m.name in PARK_BODY_WORDS
                        and draft.main_park
                        and not building_before(draft.main_park, lex)
                    ):
                        qualified = draft.main_park + m.name
                        park_ref = ("Park", draft.main_park)
                        draft.add_link("PARTY_ORG_OF", (m.type, qualified), park_ref, m.sentence, 0.7)
                    elif park_body := _named_park_body(draft, names, m):
                        qualified = park_body
                    else:
                        continue
                elif (
                    m.type in PARTY_TYPES
                    and not _without_kinds(stem, lex)
                    and (at := _formed_at(draft, here, m))
                ):
                    # `依托甲大厦成立楼宇联合党委`: a kind of body formed at a unit is that unit's
                    qualified = _formed_body(draft, m, at)
                else:
                    recent = local.get(m.sentence) or local.get(m.sentence - 1)
                    if recent and not _written_twice(recent, m.name, lex):
                        recent = None  # only the park just named whose name ends the way it opens
                    place = recent or _posts_region(draft, names, resolved, m) or unit
                    park_named = place in names.of("Park", specific=True)
                    area = place.endswith((*lex.area_words, *lex.org_words.get("Park", ())))
                    # a management committee runs a park or a new area, not a county: with no park
                    # in view, it keeps its bare name, as an unnamed park does
                    bare = m.name in lex.management_words and not park_named and not area
                    qualified = m.name if bare else _qualified(place, m.name, lex)
                    word = m.name[_written_twice(place, m.name, lex) :]
                    if m.type in PARTY_TYPES and park_named and word != m.name and word in party_words:
                        # `甲产业基地`, then `基地党支部`: the park's own body
                        draft.add_link("PARTY_ORG_OF", (m.type, qualified), ("Park", place), m.sentence, 0.7)
                m.aliases.add(m.name)
                m.name = qualified
                m.generic = None
            if m.type == "Park":
                local[m.sentence] = m.name
            resolved.append(m)
            first_at.setdefault(m.start, m)
            previous = m
        draft.mentions = resolved
        _company_references(draft)
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


COMPANY_REACH = 3
"""How many sentences back `公司党支部` looks for the company it speaks of."""


def _company_named(companies: Counter[Ref], m: Mention, lex: Lexicon) -> str | None:
    """`甲乙党委` where the document names the company `甲乙股份有限公司` (or `甲乙`): the company whose
    short name the body's stem is, whose Party body it is, unless the body is a joint one."""
    stem = stem_of(m, lex)
    if not stem or any(k in m.name[len(stem) :] for k in lex.structure.get("joint_kinds", ())):
        return None  # a joint body (`甲乙联合党支部`) is no one company's, whatever its name shares
    if is_bare_unit(stem, lex):
        return None  # `开发区党工委` is the park's, though a company's name holds `开发区`
    if ("Enterprise", stem) in companies:
        return stem
    return _registered_name(stem, companies)


def _company_references(draft: Draft) -> None:
    """`甲公司…。(该)公司党支部书记…`: a Party body named after a bare company word is the body of the company
    last named shortly before, which the bare word stands for; further on, of the one company the
    document names before it (an article about that company)."""
    lex = draft.lex
    words = lex.org_words.get("Enterprise", ())
    named = [
        m
        for m in draft.mentions
        if m.type == "Enterprise" and m.name not in words and not is_company_section(m.name, lex)
    ]
    for m in draft.mentions:
        bare = next(
            (inner for _, inner in m.parts if inner.type == "Enterprise" and inner.name in words), None
        )
        # `电池车间党支部` in an article about a company is the branch of that company's workshop
        section = next(
            (
                inner
                for _, inner in m.parts
                if inner.type == "Enterprise" and is_company_section(inner.name, lex)
            ),
            None,
        )
        within = bare is None and section is not None and m.name.startswith(section.name)
        bare = section if within else bare
        if m.type not in PARTY_TYPES or bare is None or not m.name.startswith(bare.name):
            continue
        before = [c for c in named if c.end <= m.start]
        company = max(
            (c for c in before if m.sentence - c.sentence <= COMPANY_REACH), key=lambda c: c.end, default=None
        )
        if company is None and len({c.name for c in before}) == 1:
            company = before[-1]
        if company:
            m.aliases.add(m.name)
            m.name = company.name + (m.name if within else m.name[len(bare.name) :])
            if within:  # a workshop is no other name of its company
                bare.surface_alias = False
            else:
                bare.aliases.add(bare.name)
            bare.name = company.name


_SETS_UP_LIST = re.compile(r"(?:下设|设有|设立|下辖)了?(?:[^，,。；;：:]*?[、和与及])?$")
"""Between a body and a later item of the list it sets up (`下设甲党支部、`)."""


def _company_setting_up(draft: Draft, sentence: list[Mention], m: Mention) -> Mention | None:
    """`甲公司党委下设机关党支部、…`: a Party body of a kind listed as set up by a company's Party body is
    that company's."""
    for body in sentence:
        if body.end > m.start or body.type not in PARTY_TYPES:
            continue
        company = next(
            (inner for rel, inner in body.parts if rel == "PARTY_ORG_OF" and inner.type == "Enterprise"), None
        )
        if company and _SETS_UP_LIST.search(draft.text, body.end, m.start):
            return company
    return None


def _formed_body(draft: Draft, m: Mention, at: Mention) -> str:
    """The name of the Party body `m` formed at unit `at`, whose body it is."""
    qualified = at.name + m.name
    draft.add_link("PARTY_ORG_OF", (m.type, qualified), (at.type, at.name), m.sentence, 0.8)
    return qualified


def _formed_at(draft: Draft, sentence: list[Mention], m: Mention) -> Mention | None:
    """`在甲公司成立了党支部`, `以甲大厦为阵地组建党委`, `甲公司成立了党支部`: a Party body formed at a unit
    named just before it, or by a company that opens the clause (among `sentence`, the mentions of its
    sentence), and named by its word alone, is that unit's."""
    words = draft.lex.structure
    verbs = alternation((*words.get("formation", ()), *words.get("sets_up", ())))
    frames = alternation(words.get("formed_at_frame", ())) or "(?!)"
    # a park written bare (`在商务区成立…`) counts once it is known which park it is
    before = [
        u
        for u in sentence
        if u.end <= m.start and u.type in (*UNIT_TYPES, "Park") and (not u.generic or u.name != u.generic)
    ]
    unit = max(before, key=lambda u: (u.end, u.end - u.start), default=None)
    if unit is None or not verbs:
        return None
    opened = draft.text[max(0, unit.start - 2) : unit.start].endswith(words.get("formed_at", ()))
    formed = re.fullmatch(rf"(?:{frames})?(?:{verbs})(?:了|起了|起)?", draft.text[unit.end : m.start])
    if opened and formed:
        return unit
    # `甲公司(于2018年)成立了党支部`, `指导甲公司成立党支部`: a company that forms a Party body as the
    # subject of its clause, or of a verb another's help pivots on, forms its own
    own = re.fullmatch(rf"(?:{_WHEN}|{_LATELY})?{_MANNER}(?:{verbs})(?:了)?", draft.text[unit.end : m.start])
    pivoted = draft.text[max(0, unit.start - 4) : unit.start].endswith(words.get("pivots", ()))
    subject = pivoted or _opens_clause(draft.text, unit.start)
    if own and unit.type == "Enterprise" and subject:
        return unit
    # `甲公司在乙党委指导下成立了党支部`: the lead named between the subject and its verb
    under = re.compile(rf"在[^，,。；;]{{2,30}}?下{_MANNER}(?:{verbs})(?:了)?")
    return next(
        (
            u
            for u in before
            if u.type in ("Enterprise", "Park")
            and _opens_clause(draft.text, u.start)
            and under.fullmatch(draft.text, u.end, m.start)
        ),
        None,
    )


_WHEN = r"于?[0-9〇零一二三四五六七八九]{4}年(?:[0-9一二三四五六七八九十]{1,2}月)?(?:份)?"
"""A date between a subject and its verb (`于2018年5月`)."""
_LATELY = "去年|今年|前年|近日|近年来|年初|年底|日前"
"""A time said relative to the report between a subject and its verb (`去年`)."""
_MANNER = "(?:单独|独立|率先|正式|顺利|也|还|已经|已)?"
"""How or whether yet a unit forms its body, between it (or the lead it is under) and the verb."""
_CLAUSE_OPENING = re.compile(rf"(?:^|[,，。;；:：!！?？\n])(?:{_WHEN}[,，]?)?$")


def _opens_clause(text: str, start: int) -> bool:
    """Whether a clause (or its date) ends right before `start`."""
    return _CLAUSE_OPENING.search(text, max(0, start - 14), start) is not None


_DEMONSTRATIVES = ("该", "此", "这个", "这一", "其")
_DESCRIBED = re.compile(r"(?:这个|这一|该)[^，,。；;！!？?]{2,30}的$")
"""`这个由乙党委指导组建的|支部`: a demonstrative, then what the body is, in one clause."""
_DESCRIBED_REACH = 34
REFERENCE_REACH = 2
"""How many sentences back the body a `该党支部` points to may be named."""


def _referred_body(draft: Draft, resolved: list[Mention], m: Mention) -> str | None:
    """`甲公司党支部成立于2016年。该党支部书记由…担任`, `这个由乙党委指导组建的支部`: a Party body's
    bare word after a demonstrative (maybe with a description between), or opening its sentence as the
    subject (`甲联合党支部成立。支部下设…`), is the body of that kind named last, a sentence or two before."""
    # (a title after the word makes it a post's heading, `党支部书记:甲乙`, which other rules read)
    opens = m.start == draft.sentences[m.sentence].start
    opens = opens and draft.lex.post_title_set.starting_at(draft.text, m.end) is None
    if (
        not opens
        and not draft.text[max(0, m.start - 2) : m.start].endswith(_DEMONSTRATIVES)
        and not _DESCRIBED.search(draft.text, max(0, m.start - _DESCRIBED_REACH), m.start)
    ):
        return None
    for earlier in reversed(resolved):
        if m.sentence - earlier.sentence > REFERENCE_REACH:
            return None
        if earlier.type == m.type and earlier.name.endswith(m.name) and earlier.name != m.name:
            return earlier.name
    return None


def _short_of_short(declaring: list[Mention], m: Mention) -> str | None:
    """`甲委员会(简称“园区两新党工委”)…两新党工委下设…`: a Party body's bare word that ends a short name
    the document gave a body before (among `declaring`, the mentions that declare one) is that body,
    written shorter still."""
    for earlier in reversed(declaring):
        if earlier.start >= m.start or earlier.type != m.type:
            continue
        if any(a.endswith(m.name) and a != m.name for a in earlier.declared):
            return earlier.name
    return None


def _column_before(draft: Draft, sentence: list[Mention], m: Mention) -> Mention | None:
    """`王某 甲公司 党委书记`: a roster's row writes the unit and its Party body in columns side by side,
    so a body named by its word alone, a space after a company, is that company's."""
    return next(
        (
            u
            for u in sentence
            if u.type == "Enterprise"
            and not u.generic
            and u.end < m.start
            and not draft.text[u.end : m.start].strip(" \u3000")
        ),
        None,
    )


def _name_parts_park(m: Mention, park: str, names: _Names) -> None:
    """The bare park word inside a park's body (`园区` in `园区党工委`) is that park."""
    for _, inner in m.parts:
        if inner.type == "Park" and inner.generic:
            inner.aliases.add(inner.name)
            _rename_part(inner, park, names)


def _rename_part(inner: Mention, name: str, names: _Names) -> None:
    """Rename a unit read out of a body's name before the unit step reaches it, keeping `names` in step."""
    names.count(inner.type, inner.name, inner.generic, -1)
    inner.name, inner.generic = name, None
    names.count(inner.type, name, None, 1)


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
    if len(_unprefixed({_without_kinds(n, lex) for n in longer})) == 1:
        # `甲乙综合党委` and `甲乙楼宇综合党委` are one body written with and without a kind word
        return max(longer, key=lambda n: (len(region_prefix(n, lex)[1]), n))
    return None


def _several_longer(lex: Lexicon, names: _Names, m: Mention) -> bool:
    """Whether the document names two or more bodies of the kind `m` names bare (`甲综合党委`,
    `乙综合党委` for `综合党委`)."""
    if not any(k in m.name for k in lex.kind_words):
        return False
    longer = {
        _without_kinds(n, lex)
        for n in names.of(m.type, specific=True)
        if len(n) > len(m.name) and n.endswith(m.name)
    }
    return len(_unprefixed(longer)) >= 2


def _unprefixed(names: set[str]) -> set[str]:
    """`names` less those that are another of them with a place written before it: `甲开发区乙园联合党支部`
    and `乙园联合党支部` are one body."""
    return {n for n in names if not any(n.endswith(o) and n != o for o in names)}


def _last_of_kind(draft: Draft, resolved: list[Mention], m: Mention) -> str | None:
    """`甲产业链党委由…牵头。产业链党委书记乙…`: a kind of body written bare where the document names
    several of that kind is the one named last before it, in its sentence or the one before, in its
    paragraph."""
    floor = draft.sentences[max(0, m.sentence - 1)].start  # no further back than the sentence before
    paragraph = draft.text.rfind("\n", floor, m.start) + 1
    for earlier in reversed(resolved):
        if earlier.start < paragraph or m.sentence - earlier.sentence > 1:
            return None
        if earlier.type == m.type and earlier.name.endswith(m.name) and earlier.name != m.name:
            return earlier.name
    return None


def _more_kinds(longer: str, name: str, lex: Lexicon) -> bool:
    """`甲乙楼宇综合党委` is `甲乙综合党委` with one more kind word (and perhaps its region): the same
    body. A body of another kind (`非公党委`, `社会组织党委`) is another body."""
    kinds = {k for k in lex.kind_words if k in name}
    more = {k for k in lex.kind_words if k in longer}
    return kinds <= more and _without_kinds(longer, lex).endswith(_without_kinds(name, lex))


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


def _unnamed_area(lex: Lexicon, names: _Names, m: Mention) -> bool:
    """`新区两新党委` in an article that names no 新区: a kind of area (`新区`, `自贸区`) says what, not
    which, and is not the article's park of another kind; the body keeps the name it is written by."""
    stem = stem_of(m, lex)
    return stem in lex.area_words and _only_park_of_kind(names, stem, lex) is None


def _of_each(draft: Draft, m: Mention) -> bool:
    """`各县(市、区)的社会工作部`: a unit word after `各` in its clause speaks of many units, not one."""
    sentence = draft.sentences[m.sentence]
    before = draft.text[sentence.start : m.start]
    clause = max(before.rfind(c) for c in _CLAUSE_BREAKS) + 1
    return "各" in before[clause:]


def _named_park_body(draft: Draft, names: _Names, m: Mention) -> str | None:
    """A bare `党委` in an article about one park whose committee it names under that word
    (`园区党委`, `甲园区党委`) is that committee, once named (a bare word before it may be any unit's)."""
    if not draft.main_park:
        return None
    named = draft.main_park + m.name
    return named if named in names.of(m.type, specific=True) else None


def _regional_name(draft: Draft, names: _Names, m: Mention) -> str | None:
    """`县委组织部`, `省公安厅`, `市委两新工委`: a body named by a region's level word is that body of the
    document's region of that level (`甲乙县委组织部`), when the document names one such region."""
    lex = draft.lex
    if ranked := _ranked_body(draft, names, m):
        return ranked
    level = m.name[:1]
    if m.type not in ("Organization", *PARTY_TYPES) or len(m.name) < 3 or level not in _levels(lex):
        return None
    rest = m.name[1:]
    if m.name.startswith(NOT_LEVELS):
        return None
    party_body = m.type in PARTY_TYPES and not _organs_committee(rest, m.type, lex)
    # `县委…`, and `区两新工委`, `县非公企业党委`: a region's committee of a kind of unit
    regions_own = rest.startswith("委") or rest.startswith(tuple(lex.kind_words))
    if (party_body and (m.type == "Branch" or not regions_own)) or lex.gazetteer.match(m.name):
        return None
    region = _committee_region(draft, names, level) if rest.startswith("委") else None
    region = region or _region_of_level(draft, names, level, m)
    return region + rest if region else None


_APPOSITION = re.compile(r"[—－-]{1,2}|[:：]")


def _sub_park_body_before(
    draft: Draft, first_at: dict[int, Mention], names: _Names, m: Mention
) -> str | None:
    """`甲产业园党委成立于2016年,隶属于乙高新区党工委。园区党委下辖…`: a bare `园区党委` opening the
    sentence after one that opens with a part of the article's park's body of that word goes on
    speaking of that body, not of the article's park's (`first_at`: the first mention resolved so far
    at each start)."""
    stem = stem_of(m, draft.lex)
    if m.type not in PARTY_TYPES or stem not in draft.lex.category_park_words:
        return None
    word = m.name[len(stem) :]
    if own := _paragraph_park_body(draft, first_at, names, m, word):
        return own
    sentence = draft.sentences[m.sentence]
    if m.start != sentence.start or m.sentence == 0:
        return None
    opening = draft.sentences[m.sentence - 1].start
    first = first_at.get(opening)
    if first is None or first.type != m.type:
        return None
    # the park's own body of the word (`甲产业园党委`), not a body of another kind in it (`甲产业园联合党委`)
    parks = [inner.name for _, inner in first.parts if inner.type == "Park"]
    own = [park for park in parks if first.name == park + word]
    return first.name if own and draft.main_park not in own else None


def _paragraph_park_body(
    draft: Draft, first_at: dict[int, Mention], names: _Names, m: Mention, word: str
) -> str | None:
    """`崇岗精细化工园企业规模普遍不大。园区党委牵头…`: in a paragraph that opens with a park other than
    the article's, a bare `园区党委` is that park's body of the word, when the document names it."""
    start = draft.text.rfind("\n", 0, m.start) + 1
    start += len(draft.text[start : m.start]) - len(draft.text[start : m.start].lstrip())
    park = first_at.get(start)
    if park is None or park.type != "Park" or park.name == draft.main_park or park.generic:
        return None
    body = park.name + word
    return body if names.every[m.type][body] > 0 else None


def _apposed(text: str, m: Mention, starting: dict[tuple[int, str], str]) -> str | None:
    """`首个楼宇联合党支部——甲大厦联合党支部`: a body named by its kind, then after a dash (or a colon) by
    its own name, is the body of that name (`starting`: the names of the specific mentions by where
    they start and their type)."""
    dash = _APPOSITION.match(text, m.end)
    return starting.get((dash.end(), m.type)) if dash and m.type in PARTY_TYPES else None


def _park_written_short(m: Mention, park: str | None, names: _Names, lex: Lexicon) -> str | None:
    """`开发区经济发展局` in an article about `甲经济开发区`: a body named after its park written as a
    bare park word is named after that park (`甲经济开发区经济发展局`)."""
    if m.type not in ("Organization", *PARTY_TYPES):
        return None
    generic = sorted(lex.vocabulary.generic_words("Park"), key=len, reverse=True)
    word = next((w for w in generic if m.name.startswith(w)), None)
    if word is None or len(m.name) - len(word) < 2:
        return None
    whole = park if park and _of_kind(park, word, lex) else _only_park_of_kind(names, word, lex)
    return whole + m.name[len(word) :] if whole else None


def _township(draft: Draft, names: _Names, m: Mention) -> tuple[str, str] | None:
    """`街道党工委`, `镇党委`, `村党支部`: a Party body named by a township's or village's level word
    alone is the Party body of the document's place of that level: (that place, its body's name)."""
    lex = draft.lex
    levels = lex.region_levels[0] if lex.region_levels else ()
    level = next((w for w in levels if m.name.startswith(w)), None)
    word = m.name[len(level) :] if level else ""
    if m.type not in PARTY_TYPES or word not in lex.org_words.get(m.type, ()):
        return None
    place = _region_of_level(draft, names, level, m)
    return (place, place + word) if place else None


NOT_LEVELS = ("市场",)
"""Words that open an organ's name with a level character that is no level (`市场监管局`)."""


def _posts_region(draft: Draft, names: _Names, resolved: list[Mention], m: Mention) -> str | None:
    """`甲市委常委,兼任国企党工委书记`: a bare body a person's post is held in, after a region's own body
    the same sentence names for that person's other posts, is that region's body too; after a park's
    body (`甲经开区党工委委员、纪工委书记`), the park's."""
    if not draft.lex.post_title_set.starting_at(draft.text, m.end):
        return None
    regions = sorted(names.of("Region"), key=len, reverse=True)
    parks = sorted(names.of("Park", specific=True), key=len, reverse=True)
    park_words = draft.lex.org_words.get("Park", ())
    for other in reversed(resolved):
        if other.sentence != m.sentence:
            return None
        written = draft.text[other.start : other.end]
        if other.type in ("Committee", "Organization"):
            park = next((p for p in parks if other.name.startswith(p)), None)
            if park and _post_chain_start(draft, m.start) <= other.end <= m.start:
                return park
            region = next((r for r in regions if other.name.startswith(r)), None)
            own = region and not any(w in other.name[len(region) :] for w in park_words)
            if own and written.startswith((region, region[-1:])):
                return region
    return None


def _post_chain_start(draft: Draft, at: int) -> int:
    """Where the posts written right before `at` and joined to it by `、` start (`甲党工委|委员、|纪工委`)."""
    titles = draft.lex.post_title_set
    while at > 0 and draft.text[at - 1] == "、" and (title := titles.ending_at(draft.text, at - 1)):
        at -= 1 + len(title)
    return at


def _ranked_body(draft: Draft, names: _Names, m: Mention) -> str | None:
    """`市级机关工委`, `区级商会`: a body after a level's rank word (`市级`, `区级`) is that body of the
    document's region of that level (`甲乙市级机关工委`, `丙区商会`)."""
    rank = draft.text[max(0, m.start - 2) : m.start]
    if m.type not in ("Organization", "Committee") or rank[1:] != "级" or rank[:1] not in _levels(draft.lex):
        return None
    if split_regions(m.name, draft.lex) or region_prefix(m.name, draft.lex)[0]:
        return None
    region = _region_of_level(draft, names, rank[:1], m)
    if not region:
        return None
    # `市级机关` is one word (the city's organs); elsewhere the rank only says whose body it is
    return region + ("级" if m.name.startswith(_ORGANS) else "") + m.name


_ORGANS = "机关"


def _committee_region(draft: Draft, names: _Names, level: str) -> str | None:
    """`市委组织部` in a document that names one `甲市委` (`甲市委常委`) is that committee's department,
    whatever region the document is mostly about."""
    lex = draft.lex
    rank = region_level(level, lex)
    named = {
        n[:-1]
        for n in names.of("Committee", specific=True)
        if n.endswith(level + "委") and len(n) > 2 and region_level(n[:-1], lex) == rank
    }
    return named.pop() if len(named) == 1 else None


def _bare_region_committee(draft: Draft, names: _Names, m: Mention) -> str | None:
    """`区委` alone: the committee of the document's main region of that level, else of the one region of
    that level whose committee the document names (`甲区委书记…、区委常委…` in an article mostly about a
    town of that district), else, before a post's title, of its region of that level."""
    level = m.name[:-1]
    if level not in draft.lex.org_words.get("Region", ()):
        return None
    region = draft.main_region
    if region and region.endswith(level):
        return region + m.name[-1]
    named = _committee_region(draft, names, level)
    if not named and draft.lex.post_title_set.starting_at(draft.text, m.end):
        # a post in it (`区委常委`) speaks of the committee of the document's region of that level
        named = _region_of_level(draft, names, level, m)
    return named + m.name[-1] if named else None


def _organs_committee(rest: str, type_: str, lex: Lexicon) -> bool:
    """`(省)国资委党委`, `(县)电商协会党支部`: the Party body of a region's organ, named after it."""
    word = next((w for w in lex.org_words.get(type_, ()) if rest.endswith(w)), "")
    organ = rest[: len(rest) - len(word)]
    return bool(word) and organ.endswith(lex.org_words.get("Organization", ())) and len(organ) > 1


def _levels(lex: Lexicon) -> set[str]:
    return {w for words in lex.region_levels for w in words if len(w) == 1}


def _region_of_level(draft: Draft, names: _Names, level: str, m: Mention) -> str | None:
    """The document's region at the level `level` names (`县`): the one its paragraph names last before
    `m` (`甲市委常委…;乙丙,市财政局局长`), else its main region, else the only one."""
    lex = draft.lex
    rank = region_level(level, lex)
    regions = {n for n in names.of("Region") if n.endswith(level) and region_level(n, lex) == rank}
    start = draft.text.rfind("\n", 0, m.start) + 1
    before = max(regions, key=lambda n: draft.text.rfind(n, start, m.start), default=None)
    if before and draft.text.rfind(before, start, m.start) >= 0:
        return before
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
    named = _bare_words_counted(
        Counter(m.name for m in draft.mentions if m.type == "Park" and not m.generic), lex
    )
    # `甲工业园:片区党建…`, then its `乙片区`, `丙片区` named more often: parts of the titled park, not rivals
    title_parks = {m.name for m in draft.mentions if m.type == "Park" and m.sentence == 0 and not m.generic}
    if any(not name.endswith(PART_PARK_WORDS) for name in title_parks):
        named = Counter({n: c for n, c in named.items() if not n.endswith(PART_PARK_WORDS)})
    ranked = named.most_common(2)
    bare = [m.name for m in draft.mentions if m.type == "Park" and m.generic]
    bare += [stem_of(m, lex) for m in draft.mentions if m.generic and m.type != "Park"]
    bare = [w for w in bare if w in lex.vocabulary.generic_words("Park")]
    region = draft.main_region
    county = region is not None and region_level(region, lex) == COUNTY_LEVEL
    tally = Counter(bare)
    word = max(bare, key=lambda w: (len(w), tally[w]), default="")
    of_kind = any(_of_kind(name, word, lex) for name in named)
    # a park named in the first sentence (the title or the lead) is what the article is about, however
    # seldom the text names it again
    titled_park = any(m.type == "Park" and m.sentence == 0 and not m.generic for m in draft.mentions)
    few = len(bare) > 3 * (ranked[0][1] if ranked else 0)
    if county and len(bare) >= 3 and few and not of_kind and not titled_park:
        return region + word
    fuller = _with_region_before(named, lex)
    spelled = Counter(short_park_name(fuller[name], lex) for name in named.elements())
    ranked = spelled.most_common(2)
    if not ranked:
        # an article that never names its park, only calls it by one kind word (`开发区`), is about
        # that unnamed park, which keeps the bare word as its name (a kind of area, `新区`, names none)
        kinds = {w for w in bare if w not in (*lex.category_park_words, *lex.area_words)}
        word = kinds.pop() if len(kinds) == 1 else None
        return word if word and tally[word] >= 2 else None
    top, count = ranked[0]
    titled = {
        short_park_name(fuller.get(m.name, m.name), lex)
        for m in draft.mentions
        if m.type == "Park" and m.sentence == 0 and not _bare_park_word(m.name, lex)
    }
    tied = {name for name, n in spelled.items() if n == count}
    clear = count >= 2 and (len(ranked) == 1 or count >= 2 * ranked[1][1])
    # the park of the title wins a tie (`…在甲经开区成立`, then 甲经开区 and its 乙园区 twice each),
    # unless the title names another tied park too (a headline glued to its subtitle)
    title_park = next(iter(titled)) if len(titled) == 1 else None
    if not clear and title_park in spelled:
        # the title's one park is also written bare by its kind word (`高新区党工委`): those count for it
        # against a part of it named in full more often (`甲高新区` twice, `乙软件新城` three times)
        by_kind = [w for w in bare if short_park_name(title_park, lex).endswith(short_park_name(w, lex))]
        sole = bool(by_kind) and sum(_of_kind(name, by_kind[0], lex) for name in spelled) == 1
        if sole and spelled[title_park] + len(by_kind) >= count:
            top, clear = title_park, True
    # a document naming one park once, then its working committee (`党工委书记`) or the park itself
    # (`产业园`) by the bare word, is about it
    bare_body = any(m.generic in PARK_BODY_WORDS for m in draft.mentions)
    # the kind word is read off the park's names as written (`甲经济开发区` is a 开发区; its short
    # spelling `甲经开区` does not end so)
    spellings = [top, *(n for n in named if short_park_name(fuller[n], lex) == top)]
    by_kind = any(
        w not in lex.category_park_words and any(_of_kind(n, w, lex) for n in spellings) for w in bare
    )
    sole = len(spelled) == 1 and (bare_body or by_kind)
    if clear or sole or (top in titled and not (tied - {top}) & titled):
        best = max(
            (n for n in named if short_park_name(fuller[n], lex) == top), key=lambda n: (named[n], len(n))
        )
        # `物流港` most often, `临沂沂河物流港` in full: the park is named in full (a place before the
        # short name, `魏都区产业集聚区`, `富华社区宝运达物流园`, is left for the variants to merge)
        full, mine = short_park_name(fuller[best], lex), short_park_name(best, lex)
        rest = full.removesuffix(mine) if full.endswith(mine) else None
        placed = rest is not None and (
            not rest or bool(split_regions(rest, lex)) or region_level(rest, lex) < len(lex.region_levels)
        )
        return best if placed else fuller[best]
    return None


def _bare_words_counted(named: Counter[str], lex: Lexicon) -> Counter[str]:
    """`甲创业小镇…小镇党委…小镇内`: a park written as no more than the park word (`MAX_PARK_WORD` at
    most) one other named park ends in counts for that park, not as a park of its own."""
    for word in [n for n in named if _bare_park_word(n, lex)]:
        holders = [n for n in named if n != word and n.endswith(word)]
        if len(holders) == 1:
            named[holders[0]] += named.pop(word)
    return named


def _bare_park_word(name: str, lex: Lexicon) -> bool:
    """A park written as no more than a park word (`小镇`) or a word for a park's parts (`园中园`)."""
    words = lex.org_word_set("Park")
    return name in PART_KINDS or (len(name) <= MAX_PARK_WORD and words.ending_at(name, len(name)) == name)


def _with_region_before(named: Counter[str], lex: Lexicon) -> dict[str, str]:
    """Each park name, or the one longer name of the document that writes places before it
    (`魏都区产业集聚区` → `许昌市魏都区产业集聚区`, `甲高新区` → `乙市甲高新技术产业开发区`): the same park,
    counted as one. Failing that, a name of three characters or more is the one longer name that ends
    in it (`生物城` → `天府国际生物城`) or holds it between a place and a park word (`松山湖`)."""
    short = {name: short_park_name(name, lex) for name in named}
    out = {}
    for name in named:
        mine = short[name]
        longer = {
            n
            for n in named
            if len(short[n]) > len(mine)
            and short[n].endswith(mine)
            and split_regions(short[n][: -len(mine)], lex)
        }
        if not longer and len(mine) >= 3:
            # `生物城` after `天府国际生物城`: the one park whose name ends in this one's; `松山湖`
            # after `东莞松山湖高新区`: the one whose name is this one's, with a place and a park word
            longer = {
                n
                for n in named
                if len(short[n]) > len(mine) and (short[n].endswith(mine) or _holds_core(n, mine, lex))
            }
        # `宜宾临港经开区` and `宜宾临港经济技术开发区` are one park written two ways, and so are
        # `沂河物流港` and `临沂沂河物流港`: the longer names must each end the longest one
        top = max(longer, key=lambda n: (len(short[n]), len(n), n), default=name)
        out[name] = top if all(short[top].endswith(short[n]) for n in longer) else name
    # `松山湖` → `松山湖高新技术产业开发区` → `东莞松山湖高新技术产业开发区`
    return {name: out[out[name]] for name in out}


def _of_kind(park: str, word: str, lex: Lexicon) -> bool:
    """Whether a bare park word may name `park`: `园区` names any park, `高新区` only a 高新区 (a
    `孵化中心` named just before it in the sentence is not what it speaks of)."""
    return (
        word in lex.category_park_words
        or park.endswith(word)
        or short_park_name(park, lex).endswith(short_park_name(word, lex))
    )


def _only_park_of_kind(names: _Names, word: str, lex: Lexicon) -> str | None:
    """The one park of the kind `word` names that the document names (`高新区` → `甲乙高新区`)."""
    key = (names.parks_changed, word)
    if key not in names.only_park:
        names.only_park[key] = _read_only_park_of_kind(names, word, lex)
    return names.only_park[key]


def _read_only_park_of_kind(names: _Names, word: str, lex: Lexicon) -> str | None:
    named = {n for n in names.of("Park", specific=True) if n != word}
    # (`莘县甲经济开发区` and `甲经济开发区`: one park, written with and without its county)
    kinds = _unprefixed({short_park_name(n, lex) for n in named if _of_kind(n, word, lex)})
    if len(kinds) != 1:
        return None
    kind = kinds.pop()
    return max((n for n in named if short_park_name(n, lex).endswith(kind)), key=lambda n: (len(n), n))


def _part_of(park: str, word: str, lex: Lexicon) -> bool:
    """A bare park word of a kind the park is not (`创业小镇` in `某工业集中区`) speaks of a part inside
    it or of such places in general, never of the park itself; `园区`, `开发区` and the park's own kind
    word name the park, but a kind of area (`新区`) names only a park of its kind."""
    return (not is_bare_unit(word, lex) or word in lex.area_words) and not park.endswith(word)


def _greater_kind(park: str, word: str, lex: Lexicon) -> bool:
    """`高新区` in an article on `数字小镇`: a bare zone word never names a park of a lesser kind, which
    lies in a zone rather than being one (the lexicon's `zone_words`)."""
    return word in lex.zone_words and not lex.is_zone(park)


def _level_body(name: str, lex: Lexicon) -> bool:
    """`市委两新工委` in a document that names no region: a level's Party committee (`市委`, `县委`) or one
    of its working committees, whose region the document does not say, keeps the name it is written
    with (ANNOTATION.md: the bare form is the name)."""
    return len(name) >= 2 and name[0] in _levels(lex) and name[1] == "委"


def _unplaced_kind(draft: Draft, word: str) -> bool:
    """A bare word of a specific kind of zone (`高新区`, not `园区` or `产业园`), written again and again
    in a document that names neither its park nor its region: the document is about that zone without
    saying which, so the bare word is the park's name."""
    lex = draft.lex
    return (
        draft.main_region is None
        and word.endswith("区")
        and draft.text.count(word) >= 2
        and word in lex.vocabulary.generic_words("Park")
        and word not in lex.category_park_words
        and word not in lex.area_words
    )


def _most_named(regions: Counter[str]) -> list[str]:
    """The region named most, unless several tie at one mention each (`观摩了甲区、乙区、高新区`): a list
    of places names none of them the document's own."""
    ranked = regions.most_common(2)
    tied_once = len(ranked) == 2 and ranked[0][1] == ranked[1][1] == 1
    return [] if not ranked or tied_once else [ranked[0][0]]


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

    def __call__(self, draft: Draft) -> Edit:
        counts = Counter((m.type, m.name) for m in draft.mentions)
        placed = frozenset(name for type_, name in counts if type_ == "Region")
        cores = {name: _without_region(name, draft.lex, placed) for _, name in counts}
        shorts = short_name_owners([name for type_, name in counts if type_ == "Enterprise"], draft.lex)
        rename: dict[Ref, Ref] = _park_aliases(draft.mentions, counts, draft.lex) | _park_areas(
            counts, draft.lex
        )
        rename |= _quoted_brand_spellings(draft, counts)
        for (type_, a), count_a in counts.items():
            if type_ in ("Person", "Practice", "Region") or (type_, a) in rename:
                continue
            for (other_type, b), count_b in counts.items():
                if other_type != type_ or a == b:
                    continue
                if (
                    cores[a] == b
                    or ((count_b, len(b)) > (count_a, len(cores[a])) and _one_dropped(cores[a], b, draft.lex))
                    or (type_ == "Park" and cores[b] != a and _short_spelling(a, b, draft.lex))
                    or (type_ in PARTY_TYPES and _building_kind_dropped(a, b, draft.lex))
                    or (type_ == "Organization" and a.endswith("政府") and b == a[:-2] + "人民政府")
                ):
                    rename[(type_, a)] = (type_, b)
                    break
            if (type_, a) not in rename and (whole := _whole_name(type_, a, counts, cores, draft.lex)):
                rename[(type_, a)] = (type_, whole)
            if (type_, a) not in rename and type_ == "Enterprise" and (full := _registered_name(a, counts)):
                rename[(type_, a)] = (type_, full)
            if (type_, a) not in rename and type_ == "Enterprise" and (full := shorts.get(a)):
                rename[(type_, a)] = (type_, full)  # `晶锐股份` for `河南晶锐超硬材料股份有限公司`
            if (
                (type_, a) not in rename
                and type_ in PARTY_TYPES
                and (whole := _registered_body(type_, a, counts, draft.lex))
            ):
                rename[(type_, a)] = (type_, whole)
        _resolve_chains(rename)
        if short := _abbreviations(draft, counts, rename):
            rename |= short
            _resolve_chains(rename)
        rename |= _named_after(counts, rename, _park_spellings(draft))
        rename |= _main_park_kind(draft, counts, rename)
        rename |= _parks_by_their_core(draft, counts, rename)
        rename |= _bodies_by_park_core(counts, rename, draft.lex)
        _resolve_chains(rename)
        return Edit(renamed=rename)


def _bodies_by_park_core(counts: Counter[Ref], rename: dict[Ref, Ref], lex: Lexicon) -> dict[Ref, Ref]:
    """`石材产业联合党总支` where the document names `珠坂石材产业集聚区联合党总支`: a Party body named by a
    piece of its park's name (its place and park word left out) is the park's body of that word, when
    one park's name holds the piece."""
    words = lex.org_word_set("Park")
    parks = [name for type_, name in counts if type_ == "Park"]
    # each park's bodies, by the words after the park's name (`联合党总支`)
    after_park: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for type_, body in counts:
        if type_ in PARTY_TYPES:
            for park in parks:
                if body.startswith(park) and body != park:
                    after_park.setdefault((type_, body[len(park) :]), []).append((park, body))
    out: dict[Ref, Ref] = {}
    for type_, name in counts:
        if type_ not in PARTY_TYPES or (type_, name) in rename:
            continue
        whole = {
            (type_, body)
            for at in range(1, len(name))
            for park, body in after_park.get((type_, name[at:]), ())
            if 3 <= at < len(park) and name[:at] in park and not words.find_all(name[:at])
        }
        if len(whole) == 1:
            out[(type_, name)] = whole.pop()
    return out


def _parks_by_their_core(draft: Draft, counts: Counter[Ref], rename: dict[Ref, Ref]) -> dict[Ref, Ref]:
    """`松山湖党工委` in an article on `东莞松山湖高新技术产业开发区`: a park written by the name alone that
    another park's name holds (`_holds_core`) is that park, when only one does (or all that do are
    one park written two ways)."""
    words = draft.lex.org_word_set("Park")
    parks = [name for type_, name in counts if type_ == "Park"]
    out: dict[Ref, Ref] = {}
    for bare in parks:
        if ("Park", bare) in rename or words.ending_at(bare, len(bare)) or len(bare) < 2:
            continue
        holders = {
            rename.get(("Park", name), ("Park", name)) for name in parks if _holds_core(name, bare, draft.lex)
        }
        if len(holders) == 1:
            out[("Park", bare)] = holders.pop()
    return out


def _holds_core(park: str, core: str, lex: Lexicon) -> bool:
    """Whether `park`'s name holds `core`, a name with no park word, between its place (`MAX_PLACE`
    characters at most) and its park word (`东莞|松山湖|高新技术产业开发区`)."""
    words = lex.org_word_set("Park")
    word = words.ending_at(park, len(park))
    stem = park[: len(park) - len(word)] if word else ""
    return (
        park != core
        and stem.endswith(core)
        and len(stem) - len(core) <= MAX_PLACE
        and words.ending_at(core, len(core)) is None
    )


MAX_PARK_WORD = 3
"""Longest bare park word (`工业城`, `物流港`) read as the article's park: a longer one has a name in it."""


def _main_park_kind(draft: Draft, counts: Counter[Ref], rename: dict[Ref, Ref]) -> dict[Ref, Ref]:
    """`鹤山工业城…工业城党工委`, `沂河物流港…物流港党委`: a park written as the bare park word the
    article's park ends in (`MAX_PARK_WORD` at most) is that park (as `园区` is), and the bodies named
    after it are its bodies."""
    park = draft.main_park
    if not park:
        return {}
    words = {
        name
        for type_, name in counts
        if type_ == "Park"
        and 2 <= len(name) <= MAX_PARK_WORD < len(park)
        and park.endswith(name)
        and (type_, name) not in rename
    }
    out: dict[Ref, Ref] = {("Park", word): ("Park", park) for word in words}
    for type_, name in counts:
        word = next((w for w in words if name.startswith(w)), None)
        if type_ in PARTY_TYPES and word and (type_, park + name[len(word) :]) in counts:
            out[(type_, name)] = (type_, park + name[len(word) :])
    return out


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


def _registered_body(type_: str, name: str, counts: Counter[Ref], lex: Lexicon) -> str | None:
    """`甲乙党委` where the document names `甲乙丙丁股份有限公司党委`: the body named after a company's
    short name is the one named after its registered name."""
    word = lex.org_word_set(type_).ending_at(name, len(name))
    full = _registered_name(name[: -len(word)], counts) if word and len(name) > len(word) else None
    return full + word if full and (type_, full + word) in counts else None


def _resolve_chains(rename: dict[Ref, Ref]) -> None:
    """Point every renamed unit at the end of its chain of renamings; a chain that runs into a loop
    (`甲` → `乙` → `丙` → `乙`) ends where it would come round again."""
    for ref, target in rename.items():
        seen = {ref}
        while target in rename and rename[target] not in seen:
            seen.add(target)
            target = rename[target]
        rename[ref] = target


_SHORTENED_TYPES = ("Park", "Enterprise", "Organization", *PARTY_TYPES)
"""The types whose names documents write short: places, people and practices have their own rules."""


def _abbreviations(draft: Draft, counts: Counter[Ref], rename: dict[Ref, Ref]) -> dict[Ref, Ref]:
    """A unit written short (`甲县高新园区` for `甲县高新技术产业园区`, `乙丙中心写字楼` for
    `乙丙广场中心写字楼`, `丁戊综合党委` for `丁戊楼宇综合党委`) is the one longer unit of the document it
    abbreviates. Two names the document writes in one sentence are two units (`甲园、甲乙园`), and a
    short form that fits two units names neither."""
    lex = draft.lex
    places = _document_places(draft)
    sentences: defaultdict[Ref, set[int]] = defaultdict(set)
    for m in draft.mentions:
        sentences[(m.type, m.name)].add(m.sentence)
    parts = {ref: _variant_parts(ref, places, lex) for ref in counts if ref[0] in _SHORTENED_TYPES}
    out: dict[Ref, Ref] = {}
    for short, short_parts in sorted(parts.items()):
        if short in rename or short_parts is None:
            continue
        longer = [
            ref
            for ref, ref_parts in parts.items()
            if ref[0] == short[0]
            and len(ref[1]) > len(short[1])
            and ref_parts is not None
            and _abbreviates(short[0], short_parts, ref_parts, lex)
        ]
        targets = {rename.get(ref, ref) for ref in longer} - {short}
        if len(targets) == 1 and not any(sentences[short] & sentences[ref] for ref in longer):
            out[short] = targets.pop()
    return out


def _document_places(draft: Draft) -> dict[str, str]:
    """The places the document names, by every way it may begin a unit's name (`甲县`, `甲`), each
    with the place it is."""
    levels = _levels(draft.lex)
    places: dict[str, str] = {}
    for m in draft.mentions:
        if m.type != "Region":
            continue
        for name in (m.name, *m.aliases):
            places.setdefault(name, m.name)
            if len(name) > 2 and name[-1] in levels:
                places.setdefault(name[:-1], m.name)
    return places


def _variant_parts(ref: Ref, places: dict[str, str], lex: Lexicon) -> tuple[str, str, str] | None:
    """A name's place, its own name and its organization word in everyday form
    (`甲县|乙丙|支部委员会` → `甲县`, `乙丙`, `党支部`); a brand name (`乙丙科技`) has no word."""
    type_, name = ref
    regions, rest = region_prefix(name, lex)
    place = regions[-1] if regions else ""
    if not regions:
        written = max((p for p in places if name.startswith(p) and len(name) > len(p)), key=len, default="")
        place, rest = places.get(written, ""), name[len(written) :]
    park_words = tuple(lex.org_words.get("Park", ()))
    forms = dict(lex.body_word_forms) if type_ in PARTY_TYPES else {}
    word = max(
        (
            w
            for w in (*lex.org_words.get(type_, ()), *forms)
            if rest.endswith(w) and len(rest) > len(w) and not _cuts_park_word(rest, w, park_words)
        ),
        key=len,
        default="",
    )
    if not word and type_ != "Enterprise":
        return None
    return place, rest[: len(rest) - len(word)], forms.get(word, word)


def _cuts_park_word(name: str, word: str, park_words: tuple[str, ...]) -> bool:
    """Whether organization word `word` at the end of `name` starts inside a park's word: the `区委员会`
    of `甲开发区|委员会` is the park's committee, not a district's."""
    return name[: len(name) - len(word) + 1].endswith(park_words)


def _abbreviates(type_: str, short: tuple[str, str, str], long_: tuple[str, str, str], lex: Lexicon) -> bool:
    """Whether a name written short (its parts `short`) is the longer one: the same place or none, its own
    name the longer's first characters in order with some left out, and its organization word the same,
    one the longer's shortens to (`园区` for `产业园区`, `公司` for `有限公司`) or none for a brand.
    A name that only lacks the end of the other's own name (`甲产业园`, `甲乙产业园`) is another unit."""
    (place_s, stem_s, word_s), (place_l, stem_l, word_l) = short, long_
    if place_s and place_l and place_s != place_l:
        return False
    if type_ == "Park" and short_park_name(stem_l + word_l, lex) == stem_s + word_s:
        return True  # `甲高新区` for `甲新技术开发区`: the park word's own short form
    if len(stem_s) < 2 or stem_s[0] != stem_l[:1] or not _in_order(stem_s, stem_l):
        return False
    tail = stem_l[len(stem_s) :] if stem_l.startswith(stem_s) else None
    # a company's short name may drop its trade (`乙丙公司` for `乙丙电器有限公司`), not a part's own words
    # (`乙丙电器` is not `乙丙电器一车间`)
    if tail and (word_s == word_l or type_ == "Enterprise") and not _left_out(tail, type_, lex):
        return False
    if type_ in PARTY_TYPES and not _same_kind(stem_s + word_s, stem_l + word_l, lex):
        return False
    return _word_shortens(word_s, word_l, lex) or (not word_s and tail is not None)


def _word_shortens(short: str, long_: str, lex: Lexicon) -> bool:
    """Whether organization word `short` is `long_` or a short form of it (`园区` of `产业园区`,
    `经开区` of `经济技术开发区`)."""
    if short == long_:
        return True
    shorts = dict(lex.park_short_forms)
    if shorts.get(long_) == shorts.get(short, short):
        return True
    return bool(short) and short[-1] == long_[-1:] and _in_order(short, long_)


def _same_kind(short: str, long_: str, lex: Lexicon) -> bool:
    """A Party body written short keeps a kind word of its own (`丁戊综合党委` of `丁戊楼宇综合党委`); one
    without any (`甲党委`) is not the unit's kind of body (`甲综合党委`)."""
    kinds = {k for k in lex.kind_words if k in short}
    more = {k for k in lex.kind_words if k in long_}
    return kinds <= more and (bool(kinds) or not more)


def _left_out(text: str, type_: str, lex: Lexicon) -> bool:
    """Whether `text` is only kind words (`产业链`), a company's trade (`电器`) or a company word
    (`乙丙有限公司党支部` as `乙丙党支部`), which a short name may leave out."""
    words = (*lex.kind_words, *(lex.industry_words if type_ == "Enterprise" else ()))
    for word in sorted(words, key=len, reverse=True):
        text = text.replace(word, "")
    return not text or text in lex.org_words.get("Enterprise", ())


def _in_order(short: str, long_: str) -> bool:
    """Whether the characters of `short` occur in `long_` in the same order."""
    rest = iter(long_)
    return all(ch in rest for ch in short)


def _quoted_brand_spellings(draft: Draft, counts: Counter[Ref]) -> dict[Ref, Ref]:
    """`“甲乙”党建联盟` beside `“甲乙”丙丁产业党建联盟`: a body named by a quoted brand is one body however
    many words the document writes between the brand and its organization word (the fullest wins)."""
    brands: dict[Ref, str] = {}
    for m in draft.mentions:
        for written in (draft.text[m.start : m.end], *m.aliases):
            brand = written[1 : written.find("”")] if written.startswith("“") else ""
            if len(brand) >= 2 and m.name.startswith(brand):
                brands[(m.type, m.name)] = brand
    out: dict[Ref, Ref] = {}
    for (type_, a), brand in brands.items():
        rest = a[len(brand) :]
        longer = [
            b
            for (other, b), other_brand in brands.items()
            if other == type_ and other_brand == brand and len(b) > len(a) and b.endswith(rest)
        ]
        if len(rest) >= 2 and len(longer) == 1 and (type_, longer[0]) in counts:
            out[(type_, a)] = (type_, longer[0])
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


def _park_areas(counts: Counter[Ref], lex: Lexicon) -> dict[Ref, Ref]:
    """A park written with a bare park word after it (`甲乙科技城|园区` beside `甲乙科技城`) is the
    park's area: one park, called by the longer name."""
    out: dict[Ref, Ref] = {}
    for type_, name in counts:
        parts = _park_parts(name, lex) if type_ == "Park" else None
        if not parts or not is_bare_unit(parts[1], lex):
            continue
        inner = parts[0]
        if ("Park", inner) in counts and _park_parts(inner, lex):
            out[("Park", inner)] = ("Park", name)
    return out


def _without_region(name: str, lex: Lexicon, placed: frozenset[str] = frozenset()) -> str:
    """`name` less the regions it opens with, or less the short form of a county the document names
    (`昌乐|朱刘智能装备产业园` where it names 昌乐县)."""
    regions, rest = region_prefix(name, lex)
    if regions:
        return rest
    counties = lex.gazetteer.county_forms
    short = next((name[:n] for n in (2, 3) if counties.get(name[:n]) in placed), "")
    return name[len(short) :] if short and len(name) - len(short) >= 4 else name


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


def _park_spellings(draft: Draft) -> dict[str, str]:
    """The shorter spellings of the document's parks it has read so far (`以下简称乙高新区`), each with
    the park's name; not a bare park word (`开发区`), which may be any park's."""
    return {
        alias: m.name
        for m in draft.mentions
        if m.type == "Park"
        for alias in m.aliases
        if len(alias) < len(m.name) and not is_bare_unit(alias, draft.lex)
    }


def _named_after(counts: Counter[Ref], rename: dict[Ref, Ref], spellings: dict[str, str]) -> dict[Ref, Ref]:
    """Bodies named after a unit written short take its full name too (`乙开发区工委` →
    `甲乙经济开发区工委`, `商会党委` → `甲乙商会党委`): a unit's bodies are named by the unit's
    canonical name, whichever of its spellings (`spellings`) they are written with."""
    parks = spellings | {a: b for (type_, a), (_, b) in rename.items() if type_ in ("Park", *UNIT_TYPES)}
    out = {}
    for type_, name in counts:
        if type_ in ("Park", "Person", "Practice", "Region") or (type_, name) in rename:
            continue
        short = next(
            (a for a in sorted(parks, key=len, reverse=True) if name.startswith(a) and name != a), None
        )
        if short and not name.startswith(parks[short]):
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
    # `甲乙丙商务区` for `甲乙丙文化商务区`: a proper name kept, the two-character qualifier after it left out
    qualifier_left_out = (
        word_a == word_b and len(core_a) >= 3 and core_b.startswith(core_a) and len(core_b) - len(core_a) == 2
    )
    return len(core_a) >= 2 and (core_b == core_a or core_b.endswith(core_a) or qualifier_left_out)


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


BUILDING_KIND = "楼宇"


def _building_kind_dropped(a: str, b: str, lex: Lexicon) -> bool:
    """`甲大厦楼宇党委` is `甲大厦党委`: a building's body for the building's members is its own body."""
    at = a.find(BUILDING_KIND)
    return at > 0 and a[:at] + a[at + len(BUILDING_KIND) :] == b and building_before(a[:at], lex) is not None


def _one_dropped(a: str, b: str, lex: Lexicon) -> bool:
    """Whether `a` and `b` differ by one dropped character, other than a level word opening the longer
    (`市社会工作党委` is a city's body, not `甲区社会工作党委` without its place)."""
    short, long_ = sorted((a, b), key=len)
    if len(long_) - len(short) != 1 or len(short) < 6:
        return False
    first = 1 if long_[0] in _levels(lex) else 0
    return any(long_[:i] + long_[i + 1 :] == short for i in range(first, len(long_)))


def _bare_park_body(lex: Lexicon, stem: str | None) -> bool:
    """Whether a body's name is a bare park word and its own word (`高新区党工委`, `园区管委会`)."""
    return bool(stem) and stem in lex.vocabulary.generic_words("Park")


def _qualified(place: str, name: str, lex: Lexicon) -> str:
    """`name` named after `place`, unless it already holds it (`甲工业园区机械制造联合党支部`); a
    park word it opens with that the place is spelled with stands for the place (`经开区纪检监察工委`
    in `甲经济开发区` is `甲经济开发区纪检监察工委`)."""
    if name.startswith(place) or place in name:
        return name  # `甲品牌乙高新区站点党支部` in 乙高新区 names its place already
    if name[:1] in _levels(lex) and not name.startswith(NOT_LEVELS):
        # `区社会工作党委` in 甲区 is 甲区社会工作党委; `市社会工作党委` there is some city's, not said which
        return place + name[1:] if place.endswith(name[0]) else name
    word = lex.org_word_set("Park").starting_at(name, 0)
    if word and len(name) > len(word) and short_park_name(place, lex).endswith(short_park_name(word, lex)):
        return place + name[len(word) :]
    return place + name[_written_twice(place, name, lex) :]


def _written_twice(place: str, name: str, lex: Lexicon) -> int:
    """`基地党支部` of `甲产业基地`, `乙高新区西部片区联合党支部` of `丙乙高新区`: how many characters the
    body's name opens with that the place's name ends with, before a body word or ending a park's name,
    so they are not written twice (0 when there are none)."""
    bodies = lex.org_word_set(*PARTY_TYPES, "Organization")
    parks = lex.org_word_set("Park")
    for k in range(min(len(name), len(place)) - 1, 1, -1):
        if place.endswith(name[:k]) and (bodies.starting_at(name, k) or parks.ending_at(name, k)):
            return k
    return 0
