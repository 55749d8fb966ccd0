"""Steps that find what a document names: mentions of every kind, and the entities inside names."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import replace
from itertools import accumulate, pairwise

from parkgraph.loaders.draft import Draft, Edit, by_sentence, working_copy
from parkgraph.loaders.lexical import NAME_TAGS, PROPER_TAGS, analyze
from parkgraph.loaders.lexicon import Lexicon
from parkgraph.loaders.mentions import (
    PARTS_NAMED,
    Mention,
    bracketed_alias,
    find_brands,
    find_counted_lists,
    find_department_lists,
    find_enterprise_lists,
    find_enumerations,
    find_joint_units,
    find_known_bodies,
    find_list_siblings,
    find_listed_enterprises,
    find_member_counts,
    find_numbered_practices,
    find_org_mentions,
    find_people,
    find_practices,
    find_regions,
    find_tagged_brands,
    find_tagged_sub_parks,
    quoted_word,
)
from parkgraph.loaders.names import (
    BUILDING_KIND,
    COUNTY_LEVEL,
    PARK_RANK,
    PARTY_TYPES,
    UNIT_TYPES,
    NamePart,
    ParsedName,
    before_kinds,
    building_before,
    ends_in_district,
    ends_in_place,
    is_bare_unit,
    is_generic_name,
    is_ordinal,
    is_province,
    level_chars,
    named_building,
    parent_park,
    park_kind,
    parse_name,
    party_body_before,
    region_level,
    region_prefix,
    sector_named,
    short_park_name,
    split_regions,
    without_note,
    without_ordinal,
)
from parkgraph.loaders.short_names import find_short_names
from parkgraph.loaders.structure import is_regional_organ
from parkgraph.loaders.wordset import WordSet
from parkgraph.ontology.vocab import Vocabulary


def _overlaps(a: Mention, b: Mention) -> bool:
    return not (a.end <= b.start or b.end <= a.start)


class MentionStep:
    """Mentions of every kind; an enumeration or a longer name wins over what it overlaps."""

    def __call__(self, draft: Draft) -> Edit:
        args = (draft.text, draft.sentences, draft.lex)
        enumerated = find_enumerations(*args)
        practices = find_practices(*args)
        practices += [
            m for m in find_numbered_practices(*args) if not any(_overlaps(m, q) for q in practices)
        ]
        people = find_people(*args)
        joints = find_joint_units(*args)
        for joint, units in joints:
            joint.parts = [("COVERS" if u.type != "Park" else "PARTY_ORG_OF", u) for u in units]
        listed = [*find_listed_enterprises(*args), *find_counted_lists(*args), *find_member_counts(*args)]
        listed += find_department_lists(*args)
        listed_in = by_sentence(listed)
        regions = _areas_named(draft.text, find_regions(*args), draft.lex)
        regions = sorted(regions, key=lambda m: (m.start - m.end, m.start))
        orgs = _not_regions(find_org_mentions(*args), regions, draft.lex)
        companies_in = by_sentence(m for m in orgs if m.type == "Enterprise")
        tagged_brands = find_tagged_brands(*args)
        for m in [*find_enterprise_lists(*args, known=tagged_brands), *find_brands(*args)]:
            if any(_overlaps(m, k) for k in listed_in[m.sentence]):
                continue
            if any(c.start <= m.start and m.end < c.end for c in companies_in[m.sentence]):
                continue  # `宜昌德峰精|细化工有限公司`: a brand cut out of a company's whole name
            listed.append(m)
            listed_in[m.sentence].append(m)
        kept: list[Mention] = [*enumerated, *practices, *people, *listed]
        kept += [m for joint, units in joints for m in (joint, *units)]
        kept_in = by_sentence(kept)
        people_in = by_sentence(people)
        for m in orgs:
            m = _past_person(m, people_in[m.sentence], draft)
            cuts = any(_cuts_title(m, p, draft.lex.post_titles) for p in people_in[m.sentence])
            if _names_no_unit(draft.text, m):
                continue
            if not cuts and not any(_overlaps(m, k) for k in kept_in[m.sentence]):
                kept.append(m)
                kept_in[m.sentence].append(m)
        for m in find_list_siblings(*args[:2], kept, draft.lex):
            kept.append(m)
            kept_in[m.sentence].append(m)
        sub_parks = find_tagged_sub_parks(*args)
        for m in [*find_known_bodies(*args), *tagged_brands, *regions, *sub_parks]:  # a longer name wins
            if not _names_no_unit(draft.text, m) and not any(_overlaps(m, k) for k in kept_in[m.sentence]):
                kept.append(m)
                kept_in[m.sentence].append(m)
        # `锦程经编车间主任`: a company's short name before its workshop names the company
        sections = {id(m) for m in kept if m.type == "Enterprise" and is_company_section(m.name, draft.lex)}
        unblocked = [m for m in kept if id(m) not in sections]
        shorts = find_short_names(draft.text, draft.sentences, unblocked, draft.lex)
        kept = [m for m in kept if id(m) not in sections or not any(_overlaps(m, s) for s in shorts)]
        kept += shorts
        _restore_first_characters(draft.text, [m for m in kept if m.type in UNIT_TYPES + PARTY_TYPES])
        named = [m for m in kept if m.type in (*UNIT_TYPES, *PARTY_TYPES, "Region")]
        _cut_after_inner_body(draft.text, named, draft.lex)
        _cut_after_alliance(draft.text, named, draft.lex)
        _cut_kind_of_company(draft.text, named, draft.lex)
        _cut_opening_verbs(draft.text, named, draft.lex)
        _cut_before_object(draft.text, named, draft.lex)
        inside = _read_open_regions(draft.text, named, draft.lex)
        timed = _time_and_unit_word(draft.text, named, draft.lex)
        kept = [
            m
            for m in kept
            if id(m) not in timed and id(m) not in inside and not _all_parks_of(m.type, m.name, draft.lex)
        ]
        _buildings_as_parks(kept, draft.lex)
        _without_doubled_park_word(kept, draft.lex)
        return Edit(mentions=sorted(kept, key=lambda m: m.start))


def _without_doubled_park_word(mentions: list[Mention], lex: Lexicon) -> None:
    """`甲信息科技园园区`, `乙经济开发区园区`: a park's name written with a category word after its own
    park word is the park's name alone (the category word says what the named park is)."""
    for m in mentions:
        single = _single_park_word(m.name, lex) if m.type == "Park" else m.name
        if single != m.name and m.end - m.start == len(m.name):
            m.name, m.end = single, m.end - len(DOUBLED_PARK_WORD)


def _single_park_word(name: str, lex: Lexicon) -> str:
    """`name` without the `园区` written after its own park word (`…园`, `…区`)."""
    rest = name.removesuffix(DOUBLED_PARK_WORD)
    own = lex.org_word_set("Park").ending_at(rest, len(rest)) if rest != name else None
    return rest if own and own.endswith(("园", "区")) and len(rest) > len(own) else name


DOUBLED_PARK_WORD = "园区"
"""The category word written after a park's own `…园` or `…区` (`甲科技园园区`)."""


def _buildings_as_parks(mentions: list[Mention], lex: Lexicon) -> None:
    """A brand read as a company that names a business building (`甲乙城`, `丙丁广场`) is that building,
    a park where it has a Party body of its own (ANNOTATION.md): no company is named so."""
    companies = lex.org_word_set("Enterprise")
    for m in mentions:
        if (
            m.type == "Enterprise"
            and not companies.ending_at(m.name, len(m.name))
            and building_before(m.name, lex)
        ):
            m.type = "Park"


DISTRICT = "区"
"""The level word of a district, which also ends common words for an area of use (`餐饮区`)."""


def _areas_named(text: str, regions: list[Mention], lex: Lexicon) -> list[Mention]:
    """`餐饮区`, `共享区`, `综改区`: a name ending in `区` that the gazetteer lacks is a district only
    where the lexical analyzer reads a place in it; a common word before `区` names an area of use."""
    unknown = [m for m in regions if m.name.endswith(DISTRICT) and m.name not in lex.gazetteer.forms]
    words = analyze(text, [m.span for m in unknown])
    places = (*PROPER_TAGS, "ns")
    common = {
        id(m) for m, found in zip(unknown, words, strict=True) if not any(w.tag in places for w in found)
    }
    return [m for m in regions if id(m) not in common]


def _not_regions(orgs: list[Mention], regions: list[Mention], lex: Lexicon) -> list[Mention]:
    """A body's name that a chain of places reads as a region (`甲办事处|乙村`: the office's area) is
    that region, and so is a park whose park word ends a region's own name (`甲市|乙新区`, a district
    the gazetteer holds)."""
    spans = {m.span for m in regions}
    region_starts = {m.end: m.start for m in regions}
    park_words = lex.org_word_set("Park")

    def district(m: Mention) -> bool:
        word = park_words.ending_at(m.name, len(m.name)) if m.type == "Park" else None
        if word is None:
            return False
        return region_starts.get(m.end, m.end) <= m.end - len(word) or ends_in_district(m.name, word, lex)

    return [m for m in orgs if m.span not in spans and not district(m)]


def _past_person(org: Mention, people: list[Mention], draft: Draft) -> Mention:
    """`甲乙(同志)任某公司党支部书记`, `甲乙带领党工委…`: a name read leftwards from its organization word
    over a person's name and the verb after it starts after them."""
    person = next((p for p in people if org.start <= p.start and p.end < org.end), None)
    if person is None:
        return org
    lex, text, start = draft.lex, draft.text, person.end
    start += 2 if text.startswith("同志", start) else 0
    verbs = (*lex.post_openers, *(f for f in lex.name_followers if len(f) > 1))
    verb = max((v for v in verbs if v.strip() and text.startswith(v, start)), key=len, default=None)
    if verb is None:
        return org
    start += len(verb)
    word = org_word_of(org, lex) or ""
    if org.end - start < len(word) or start >= org.end:
        return org
    name = text[start : org.end]
    return Mention(
        start, org.end, org.type, name, org.sentence, generic=word if name == word else org.generic
    )


CONJUNCTIONS = "和与及"
"""Stop characters that also start names (`和丰创意党建联盟`, `和平社区`)."""


def _restore_first_characters(text: str, mentions: list[Mention]) -> None:
    """A name whose first character is a conjunction (`的|和丰创意党建联盟`) lost it to the scan for where
    names start; it gets it back where the lexical analyzer reads a proper name from that character
    into the name."""
    found = [
        m
        for m in mentions
        if m.start > 0 and text[m.start - 1] in CONJUNCTIONS and m.start == m.end - len(m.name)
    ]
    spans = [(max(0, m.start - VENUE_CONTEXT), m.end) for m in found]
    for m, words in zip(found, analyze(text, spans), strict=True):
        if any(w.start == m.start - 1 and m.start < w.end <= m.end and w.tag in PROPER_TAGS for w in words):
            m.start -= 1
            m.name = text[m.start] + m.name


def _cut_after_inner_body(text: str, mentions: list[Mention], lex: Lexicon) -> None:
    """A Party body's name read leftwards over another Party body and a verb (`甲党工委转入|乙综合党委`)
    starts after that verb: one name holds no whole Party body the analyzer reads a verb after
    (`甲党工委机关党支部` is one name)."""
    found = []
    for m in mentions:
        if m.type not in PARTY_TYPES or text[m.start : m.end] != m.name:
            continue
        word = org_word_of(m, lex) or ""
        stem_end = m.end - len(word)
        at = max(
            (
                i + len(w)
                for w in lex.org_words.get("Committee", ()) + lex.org_words.get("Branch", ())
                if (i := text.rfind(w, m.start, stem_end)) >= 0 and i + len(w) < stem_end
            ),
            default=-1,
        )
        if at > m.start:
            found.append((m, at))
    for (m, _), words in zip(found, analyze(text, [(at, m.end) for m, at in found]), strict=True):
        if words and words[0].tag == "v" and words[0].end < m.end:
            m.start = words[0].end
            m.name = text[m.start : m.end]


ALLIANCE_ENDS = ("联盟", "联合体", "综合体")
"""How the name of an alliance of bodies ends (`党建联盟`, `党建联合体`)."""
_ALLIANCE_CHARS = frozenset("盟体")
"""The last characters of `ALLIANCE_ENDS`: a name holding neither holds no alliance's name."""


def _cut_after_alliance(text: str, mentions: list[Mention], lex: Lexicon) -> None:
    """`打造甲党建联合体乙片区党工委`: a name read leftwards over an alliance's whole name (a heading
    glued before it) starts after it; an alliance's own body (`甲党建联盟党委`) keeps it."""
    words = [w for w in lex.org_words.get("Organization", ()) if w.endswith(ALLIANCE_ENDS)]
    for m in mentions:
        if (
            m.type not in (*PARTY_TYPES, "Park")
            or not _ALLIANCE_CHARS & set(m.name)
            or text[m.start : m.end] != m.name
        ):
            continue
        stem_end = m.end - len(org_word_of(m, lex) or "")
        at = max((i + len(w) for w in words if (i := text.rfind(w, m.start, stem_end)) >= 0), default=-1)
        if m.start < at < stem_end:
            m.start = at
            m.name = text[m.start : m.end]


COMPANY_KIND = "企业"
"""The word a description of a company ends in (`燃料电池企业`, `配套企业`)."""


def _cut_kind_of_company(text: str, mentions: list[Mention], lex: Lexicon) -> None:
    """`燃料电池企业湖北甲乙有限公司`: a company's name read leftwards over a description of its kind,
    which a place's name follows, starts at the place."""
    for m in mentions:
        at = m.name.rfind(COMPANY_KIND)
        if m.type != "Enterprise" or at < 0 or text[m.start : m.end] != m.name:
            continue
        place = lex.gazetteer.match(m.name, at + len(COMPANY_KIND))
        if place and len(place) >= 2 and len(m.name) - at - len(COMPANY_KIND) - len(place) >= 4:
            m.start += at + len(COMPANY_KIND)
            m.name = text[m.start : m.end]


MAX_TIME_WORD = 4
"""Longest time word read before a bare unit word (`近两年来`): longer stems are not asked about."""
_TIME_CHARS = frozenset("年今目如现近此当过去后前来时期月日初底昨明")
"""Characters one of them holds (`如今`, `三年来`, `目前`): only such stems go to the analyzer."""


def _time_and_unit_word(text: str, mentions: list[Mention], lex: Lexicon) -> set[int]:
    """The mentions (by `id`) that are a time word and a bare unit word (`如今公司`, `三年来公司`,
    `近两年企业`): the company the sentence goes on about, no name."""
    found = [
        m
        for m in mentions
        if text[m.start : m.end] == m.name
        and (word := org_word_of(m, lex))
        and 0 < len(m.name) - len(word) <= MAX_TIME_WORD
        and any(c in _TIME_CHARS for c in m.name[: len(m.name) - len(word)])
    ]
    timed = set()
    for m, words in zip(found, analyze(text, [m.span for m in found]), strict=True):
        rest = m.start
        for w in words:
            if w.start != rest or not (w.tag == "TIME" or (rest > m.start and text[w.start : w.end] == "来")):
                break
            rest = w.end
        if rest > m.start and m.name[rest - m.start :] == org_word_of(m, lex):
            timed.add(id(m))
    return timed


OPENING_TAGS = ("v", "d")
"""Words the lexical analyzer reads as a verb or an adverb: no unit's name starts with one."""
MIN_LEFT = 2
"""Characters a name keeps before its unit word once a verb is cut off it (`凝聚|同翔|高新城`)."""


def _cut_opening_verbs(text: str, mentions: list[Mention], lex: Lexicon) -> None:
    """A name read leftwards from its unit word over a verb the stop words do not list (`开创甲乙高新城`,
    `协助丙镇党委`, `不乏丁公司`) starts after the verbs and adverbs the lexical analyzer reads at its
    start, where what is left reads as a proper name on its own; a verb that names a unit with the
    words after it (`开发公司`, `孵化中心`, `打通镇`, `规划建设局`) stays, and so does a name right after a
    verb the stop words list, the object of that verb."""
    found = []
    for m in mentions:
        word = org_word_of(m, lex) or ""
        after_verb = lex.stop_word_set.ending_at(text, m.start)  # `依托|示例大厦`: the verb came before
        if text[m.start : m.end] == m.name and len(m.name) - len(word) > MIN_LEFT and not after_verb:
            found.append((m, m.end - len(word) - MIN_LEFT))
    cuts, levels = [], level_chars(lex)
    for (m, limit), words in zip(found, analyze(text, [m.span for m, _ in found]), strict=True):
        start = m.start
        for w in words:
            if w.start != start or w.tag not in OPENING_TAGS or w.end > limit:
                break
            start = w.end
        if start == m.start:
            # `园区有|江苏甲公司`: a verb before a place's name, which the name starts with
            start = next(
                (
                    w.end
                    for w in words
                    if w.tag == "v" and w.end <= limit and lex.gazetteer.match(text, w.end, m.end)
                ),
                m.start,
            )
        # `示例|县`, `打通|镇`: a place's name; one verb's character only before a place (`有|陕西甲公司`)
        enough = start - m.start >= MIN_LEFT or (start > m.start and lex.gazetteer.match(text, start, m.end))
        if enough and text[start] not in levels:
            cuts.append((m, start))
    for (m, start), words in zip(cuts, analyze(text, [(start, m.end) for m, start in cuts]), strict=True):
        if words and words[0].tag in NAME_TAGS:
            m.name, m.start = m.name[start - m.start :], start


_PLACE_TAGS = ("LOC", "ns")
"""Tags of a word that names a place."""
_DEPARTMENT = "部"
"""What ends a department's name, which a line of work the analyzer reads as a verb may open."""


def _cut_before_object(text: str, mentions: list[Mention], lex: Lexicon) -> None:
    """A name read leftwards over a verb and the unit that is its object (`恳请|交通局`, `体现|市委`,
    `希望|甲科技园`) is the object alone, where the analyzer reads the object as one word right after a
    verb of two characters or more, and the document names the object alone elsewhere: a
    proper name, a unit word with more before it (`交通|局`) or a region's body (`市委`, `区政府`). A verb
    before a unit word read as words of their own (`规划|建设|局`, `打通|镇`), before a bare kind
    (`发展|大厦`) or a department (`规划|建设部`, `宣传|统战部`: a line of work the analyzer reads as a
    verb) is part of the name, and so is a place's name the analyzer reads as a verb (`示例|金融大厦`,
    written so throughout); so are a line of business (`两新组织|党工委`) and a one-character verb
    (`洗|果厂`, `驻|上海领事馆`)."""
    alone = {text[m.start : m.end] for m in mentions}
    found = [
        m
        for m in mentions
        if m.type != "Region"
        and text[m.start : m.end] == m.name
        and any(m.name[k:] in alone for k in range(2, len(m.name) - 1))
    ]
    for m, words in zip(found, analyze(text, [m.span for m in found]), strict=True):
        verb = words[-2] if len(words) >= 2 else None
        if verb is None or verb.tag != "v" or len(verb.word) < 2 or verb.word in lex.business_words:
            continue
        if words[-1].end != m.end:
            continue
        obj = words[-1]
        if obj.word.endswith(_DEPARTMENT) or obj.word not in alone:
            continue
        word = org_word_of(Mention(obj.start, obj.end, m.type, obj.word, m.sentence), lex)
        unit = word is not None and (len(obj.word) > len(word) or obj.word[0] in level_chars(lex))
        if len(obj.word) >= 2 and (obj.tag in PROPER_TAGS or unit):
            m.name, m.start = obj.word, obj.start


def _read_open_regions(text: str, mentions: list[Mention], lex: Lexicon) -> set[int]:
    """Regions the gazetteer lacks, as the analyzer reads them with the words before them: one read over
    the end of a verb of two characters (`把握|顾村`) starts after the verb, where the rest is one place;
    one whose start lies inside a word that names no place (`自由|贸易区`, read `自由贸易区`), or whose end
    lies inside a place the analyzer reads (`今日镇|江讯`, read `镇江`), is no region (by `id`, returned).
    A place read whole stays (`示例县柳塘村`)."""
    found = [
        m
        for m in mentions
        if m.type == "Region" and text[m.start : m.end] == m.name and m.name not in lex.gazetteer.forms
    ]
    spans = [(max(0, m.start - VENUE_CONTEXT), min(len(text), m.end + VENUE_CONTEXT)) for m in found]
    inside: set[int] = set()
    for m, words in zip(found, analyze(text, spans), strict=True):
        if any(w.start < m.end < w.end and w.tag in _PLACE_TAGS for w in words):
            inside.add(id(m))  # `今日镇|江讯`: the place the analyzer reads runs on past the region's end
            continue
        word = next((w for w in words if w.start < m.start < w.end), None)
        if word is None or word.tag in _PLACE_TAGS:
            continue
        rest = next((w for w in words if w.start == word.end), None)
        verb = word.tag == "v" and len(word.word) >= 2 and word.end < m.end
        if verb and rest is not None and rest.end == m.end and rest.tag == "LOC" and len(rest.word) >= 2:
            m.name, m.start = rest.word, rest.start
        elif word.end >= m.end or not verb:
            inside.add(id(m))
    return inside


HONOUR_VERBS = ("评为", "获评", "荣获", "入选")
"""Verbs after which a name is an honour (`获评五四红旗团委`, `入选甲省示范点`), not a unit."""
SOURCE_WORDS = ("来源:", "来源：")
"""What opens a source line (`来源:甲区政府网站`): the body after it published the page."""
TITLE_SPAN = 60
"""Longest document title (`《…》`) a name is read inside."""


NATIONAL = ("中国", "全国", "我国")
"""Words for the whole country before a park word (`中国开发区`): every park of that kind."""


def _all_parks_of(type_: str, name: str, lex: Lexicon) -> bool:
    """`湖北省开发区十强`, `中国开发区协会`: the country's or a province's name and a bare park word speak
    of all such parks there, not of one park."""
    if type_ != "Park":
        return False
    word = lex.org_word_set("Park").ending_at(name, len(name))
    stem = name[: len(name) - len(word)] if word else ""
    return stem in NATIONAL or (bool(stem) and split_regions(stem, lex) == [stem] and is_province(stem, lex))


def _names_no_unit(text: str, m: Mention) -> bool:
    """A name inside a document's title (`《甲市工商联章程》`), an honour or a source line is not a unit
    the article speaks of. After an honour verb a place names the honour's level (`入选甲省…示范点`) and
    a unit ending the clause is the honour itself (`获评五四红旗团委,`); a unit that more words follow
    awards it (`获评甲开发区“先进单位”`)."""
    before = text[max(0, m.start - 6) : m.start].rstrip('“‘" ')
    if before.endswith(SOURCE_WORDS) or _in_book_title(text, m):
        return True
    honour = m.type == "Region" or bool(_CLAUSE_END.match(text, m.end))
    return (honour and before.endswith(HONOUR_VERBS)) or _in_honour_list(text, m)


_CLAUSE_END = re.compile(r"[”’\"]?(?:称号|荣誉|[,，。;；、!！]|$)", re.M)
HONOUR_LIST_SPAN = 120
"""Longest stretch of an honour list (`荣获甲、乙、丙等荣誉称号`) on either side of a name in it."""
_HONOUR_LIST_END = re.compile(r"[^，,。;；!！?？\n]*?等[^，,。;；\n]{0,4}?(?:称号|荣誉)")
_CLAUSE_BREAK = re.compile(r"[，,。;；!！?？\n]")


def _in_honour_list(text: str, m: Mention) -> bool:
    """`先后荣获甲国家级园区、乙省开发区先进集体等荣誉称号`: every name in a list of honours an honour
    verb opens and `等…称号` closes, in one clause, names an honour, not a unit."""
    start = max(0, m.start - HONOUR_LIST_SPAN)
    before = text[start : m.start]
    if not any(verb in before for verb in HONOUR_VERBS):
        return False
    breaks = [b.end() for b in _CLAUSE_BREAK.finditer(before)]
    clause = before[breaks[-1] if breaks else 0 :]
    if not any(verb in clause for verb in HONOUR_VERBS):
        return False
    return bool(_HONOUR_LIST_END.match(text[m.end : m.end + HONOUR_LIST_SPAN]))


def _in_book_title(text: str, m: Mention) -> bool:
    """Whether `m` lies between a `《` and its `》` on one line."""
    opened = text.rfind("《", max(0, m.start - TITLE_SPAN), m.start)
    closed = text.find("》", m.end, m.end + TITLE_SPAN)
    return opened >= 0 and closed >= 0 and not any(c in text[opened + 1 : closed] for c in "《》\n。")


def _cuts_title(org: Mention, person: Mention, titles: tuple[str, ...]) -> bool:
    """An organization name may end inside a person's first title (党支部|书记) but not run across titles."""
    start = person.title_start if person.title_start is not None else person.start
    first_end = start + len(person.titles[0]) if person.titles else start
    if org.end <= start or org.start >= person.start:
        return False
    remainder = person.titles[0][org.end - start :] if person.titles and org.end <= first_end else ""
    return not (org.start <= start and remainder in titles)


class NameStep:
    """Entities named inside names, and the relation the name states."""

    def __call__(self, draft: Draft) -> Edit:
        work = working_copy(draft)
        self._rewrite(work)
        return Edit.made(draft, work)

    def _rewrite(self, draft: Draft) -> None:
        parts: list[Mention] = []
        repeated = {n for n, c in Counter(m.name for m in draft.mentions).items() if c > 1}
        tagged = _tagged_park_names(draft) | _tagged_venue_names(draft) | _short_spellings(draft)
        zone_committees = _tagged_zone_committees(draft)
        town_parks = _town_parks(draft)
        vocab = draft.lex.vocabulary
        draft.mentions = [
            m
            for m in draft.mentions
            if not _bare_kind(m, vocab)
            and not _word_before_company(m, draft.lex)
            and not _credited(draft.text, m)
            and not _quoted_figure(draft.text, m, draft.lex)
        ]
        common = _common_nouns(draft)
        draft.mentions = [m for m in draft.mentions if id(m) not in common]
        formal = {
            m.name.removeprefix(_FORMAL_PARTY)
            for m in draft.mentions
            if m.type == "Committee" and _party_committee_written_formally(draft.text, m)
        }
        for m in draft.mentions:
            if m.type == "Organization" and m.name.removeprefix(_FORMAL_PARTY) in formal:
                m.type = "Committee"  # `关于成立甲联合委员会的通知`, then `成立中共甲联合委员会`
        _name_anaphors(draft)
        listed = _listed_side_by_side(draft)
        # a unit listed by its description once is so named wherever the document writes it again
        listed_names = {m.name for m in draft.mentions if id(m) in listed}
        people = WordSet(m.name for m in draft.mentions if m.type == "Person")
        park_ends = {m.end for m in draft.mentions if m.type == "Park" and not m.generic}
        park_names = {m.name for m in draft.mentions if m.type == "Park" and not m.generic}
        companies = {m.name for m in draft.mentions if m.type == "Enterprise"}
        brands = companies | _tagged_brands(draft)
        queue = list(draft.mentions)
        for m in queue:  # grows by the Party bodies read out of names, whose own names are read in turn
            if m.type in ("Person", "Practice", "Region") or m.parts:
                continue
            if m.generic == m.name and not stem_of(m, draft.lex):
                continue
            word = org_word_of(m, draft.lex)
            if not word:
                continue
            _trim_to_region(m, word, draft.lex)
            if company := _company_of_workshop(m, word, draft.lex):
                # the company, named before its workshop
                (m.name, word), m.end = company, m.start + len(company[0])
            described = m.name in listed_names and _described(m, word, draft.lex)
            titled = _titled_body(draft, m, word, people)
            placed = m.type == "Park" and draft.text.startswith(_LOCATED_VERBS, m.end)
            placed = placed or _inside_named_park(draft, m, word, park_ends)
            branded = m.type in PARTY_TYPES and stem_of(m, draft.lex) in brands
            formal = m.type == "Committee" and _party_committee_written_formally(draft.text, m)
            zone = id(m) in zone_committees
            if zone and zone_committees[id(m)] > m.start:
                m.start = zone_committees[id(m)]
                m.name = draft.text[m.start : m.end]
            named = branded or formal or zone or m.name in town_parks
            named = named or _named(m, word, draft.lex, repeated, tagged)
            if not (described or titled or placed or named):
                stem = m.name[: len(m.name) - len(word)]
                counted = draft.text[m.start - 1 : m.start] in _KIND_COUNTERS
                if m.type in PARTY_TYPES and is_bare_unit(stem, draft.lex) and not counted:
                    # `商圈党委`, like `园区党委`: the body of the document's unit of that kind (not after
                    # a count, `首个商圈党委`, which speaks of a kind of body)
                    m.generic = m.name
                else:
                    m.start, m.name, m.generic = m.end - len(word), word, word
                continue
            # `中共甲乙示范基地联合党支部`: the Party's formal name is given to one body, never to a kind
            formal = m.type in PARTY_TYPES and m.name.startswith(tuple(draft.lex.drop_prefixes))
            parsed = parse_name(m.type, m.name, word, draft.lex)
            if m.type in PARTY_TYPES and parsed.needs_unit:
                parsed = _branded_body(parsed, word, companies, brands)
            if m.type in PARTY_TYPES:
                parsed = _named_park_body(parsed, word, park_names)
            if parsed.needs_unit and zone:
                # `中国甲谷党工委`: a zone of a kind no park word names, whose working committee this is
                zone_name = parsed.name[: len(parsed.name) - len(word)]
                parsed.parts.append(NamePart("Park", zone_name, "PARTY_ORG_OF"))
                parsed.needs_unit = False
            if formal and len(parsed.name) - len(word) >= MIN_FORMAL_STEM:
                parsed.needs_unit = False
            building = _building_of_kind(parsed, word, draft.lex)
            if building and not any(_shortened(building, p) for p in park_names):
                # `甲乙中心楼宇党委`: that building's (ANNOTATION.md: a park), unless the document names it
                # in full (`甲乙广场中心写字楼`), whose body it then is by the name's other rules
                parsed.parts.append(NamePart("Park", building, "PARTY_ORG_OF"))
            m.name = parsed.name
            m.aliases |= parsed.aliases
            if (parsed.needs_unit and not described) or is_bare_unit(stem_of(m, draft.lex), draft.lex):
                m.generic = m.generic or "unit"
            for part in _literal_parts(draft.text, m, parsed.parts, draft.lex):
                if _all_parks_of(part.type, part.name, draft.lex):
                    continue
                if part.type == "Park":
                    part = replace(part, name=_single_park_word(part.name, draft.lex))
                span = _written(draft.text, m, part.name, draft.lex)
                inner = Mention(*(span or (m.start, m.end)), part.type, part.name, m.sentence)
                inner.surface_alias = span is not None
                if is_bare_unit(part.name, draft.lex):
                    inner.generic = part.name
                parts.append(inner)
                m.parts.append((part.relation, inner))
                if inner.type == "Park" and (outer := _outer_park(inner, draft.lex)):
                    parts.append(outer)
                if part.name == parsed.upper:
                    queue.append(inner)
        draft.mentions = [m for m in draft.mentions if not _bare_kind(m, vocab)]
        for m in (*draft.mentions, *parts):
            other = bracketed_alias(draft.text, m.end, draft.lex) if m.type == "Park" else None
            if other and other != m.name:
                m.aliases.add(other)
        draft.mentions.extend(_regions_in_their_own_right(draft.mentions, parts, draft.lex))
        short_names = _declared_short_names(draft)
        draft.mentions.extend(short_names)
        draft.mentions.extend(_written_bare(draft, parts + _listed_parts(draft)))


def _building_of_kind(parsed: ParsedName, word: str, lex: Lexicon) -> str | None:
    """The building a body of the building kind (`楼宇党委`) is named after, where its name says no
    other unit."""
    stem = parsed.name[: len(parsed.name) - len(word)]
    if any(p.type in UNIT_TYPES for p in parsed.parts) or BUILDING_KIND not in word + stem[-2:]:
        return None
    building = stem.removesuffix(BUILDING_KIND)
    return building if named_building(building, lex) else None


_TOWER = re.compile(r"[A-Za-z0-9]+(?:座|栋|号楼)?$")
"""A tower's label after a building's name (`甲乙中心T2`)."""


def _shortened(building: str, park: str) -> bool:
    """Whether `building`, less a tower's label, writes `park` short: its characters, in order."""
    chars = iter(park)
    short = _TOWER.sub("", building)
    return short != park and all(ch in chars for ch in short)


MIN_FORMAL_STEM = 4
"""Characters before a Party word that make a formally written name one body's (`中共甲乙丙丁党支部`)."""


def _branded_body(parsed: ParsedName, word: str, companies: set[str], brands: set[str]) -> ParsedName:
    """`华大基因党支部`, a Party body named after a brand: it needs no park or place before it, and is
    the company's own where the document names `华大基因` as a company."""
    stem = parsed.name[: len(parsed.name) - len(word)]
    if stem in brands:
        parsed.needs_unit = False
    if stem in companies:
        parsed.parts.append(NamePart("Enterprise", stem, "PARTY_ORG_OF"))
    return parsed


def _named_park_body(parsed: ParsedName, word: str, parks: set[str]) -> ParsedName:
    """`零担专线区联合党支部`, a Party body named after a park the document names by no park word of
    its own (`分为零担专线区、冷链仓储区三个功能园区`): that park's Party body."""
    stem = parsed.name[: len(parsed.name) - len(word)]
    if stem in parks and not any(p.type in UNIT_TYPES for p in parsed.parts):
        parsed.parts.append(NamePart("Park", stem, "PARTY_ORG_OF"))
        parsed.needs_unit = False
    return parsed


def _listed_parts(draft: Draft) -> list[Mention]:
    """Parks listed as a park's parts by no park word of theirs (`甲谷和乙谷两个园中园`): nothing else
    finds them where the document writes them again (`甲谷集聚了…`)."""
    park_words = draft.lex.org_word_set("Park")
    parks = sorted((m for m in draft.mentions if m.type == "Park" and not m.generic), key=lambda m: m.start)
    listed: list[Mention] = []
    for i, m in enumerate(parks):
        if not PARTS_NAMED.match(draft.text, m.end):
            continue
        first = i
        while first and draft.text[parks[first - 1].end : parks[first].start] in LIST_JOINERS:
            first -= 1
        listed += [p for p in parks[first : i + 1] if not park_words.ending_at(p.name, len(p.name))]
    return listed


MIN_BARE = 3
"""Characters a unit's name read out of a body's name needs before its bare copies count (`甲乙城`)."""


def _written_bare(draft: Draft, parts: list[Mention]) -> list[Mention]:
    """A company or park read out of a Party body's name (`甲乙广场` of `甲乙广场联合党委`) is mentioned
    wherever the document writes its name on its own (`甲乙广场位于丙商务区`): no unit word of its own
    marks those places. Not where the name runs on into another unit word (`甲乙科技|园`)."""
    names = {
        p.name: p.type
        for p in parts
        if p.type in ("Park", "Enterprise") and not p.generic and len(p.name) >= MIN_BARE
    }
    if not names:
        return []
    taken = sorted(m.span for m in (*draft.mentions, *parts))
    starts = [a for a, _ in taken]
    reach = list(accumulate((b for _, b in taken), max))  # how far the spans starting so far reach
    unit_words = draft.lex.org_word_set(*UNIT_TYPES, *PARTY_TYPES)
    sentence_starts = [sent.start for sent in draft.sentences]
    out: list[Mention] = []
    for at, name in WordSet(names).find_all(draft.text):
        end = at + len(name)
        i = bisect_right(starts, at)
        if (i and reach[i - 1] > at) or (i < len(taken) and taken[i][0] < end):
            continue
        if unit_words.starting_at(draft.text, end) or (out and at < out[-1].end):  # hits come by start
            continue
        out.append(Mention(at, end, names[name], name, bisect_right(sentence_starts, at) - 1))
    return out


_SHORT_NAME = re.compile(
    r"[(（](?:以下简称|简称|以下称|下称)[:：]?(?:“([^“”]{2,12})”|([\u4e00-\u9fffA-Za-z0-9]{2,12}))[)）]"
)
"""A short name a document declares for a unit: `甲乙科技有限公司(以下简称“甲乙科技”)`, `(简称甲乙党工委)`."""


_FORMAL_PARTY = "中共"
_FORMAL_COMMITTEE = "委员会"


def _party_committee_written_formally(text: str, m: Mention) -> bool:
    """`中共甲开发区非公有制企业联合委员会`: a committee the Party's formal name opens is a Party committee,
    whatever kind of committee its own words say, and named by them; so is that name written without
    `中共` elsewhere."""
    surface = text[max(0, m.start - len(_FORMAL_PARTY)) : m.end]
    return surface.endswith(_FORMAL_COMMITTEE) and _FORMAL_PARTY in surface[: len(_FORMAL_PARTY) * 2]


def _declared_short_names(draft: Draft) -> list[Mention]:
    """A unit given a short name in brackets right after its name is called so wherever the short name
    stands later on: each such place is a mention of the unit, also where the short name was read as a
    name of its own (`市工商联`, which a region would otherwise qualify); in the brackets it is none."""
    out: list[Mention] = []
    taken = sorted((m.start, m.end) for m in draft.mentions)
    by_span = {(m.start, m.end, m.type): m for m in draft.mentions}
    declaring: set[int] = set()
    for m in list(draft.mentions):
        declared = _SHORT_NAME.match(draft.text, m.end) if m.type in (*UNIT_TYPES, *PARTY_TYPES) else None
        short = declared and (declared.group(1) or declared.group(2))
        if not declared or short == m.name:
            continue
        m.aliases.add(short)
        m.declared = (*m.declared, short)
        declaring |= {
            id(d) for d in draft.mentions if declared.start() <= d.start and d.end <= declared.end()
        }
        at = draft.text.find(short, declared.end())
        while at >= 0:
            if same := by_span.get((at, at + len(short), m.type)):
                same.name, same.generic = m.name, None
                same.aliases.add(short)
            elif not any(a < at + len(short) and at < b for a, b in taken):
                si = next(i for i, sent in enumerate(draft.sentences) if sent.start <= at < sent.end)
                out.append(Mention(at, at + len(short), m.type, m.name, si, aliases={short}))
            at = draft.text.find(short, at + len(short))
    draft.mentions = [m for m in draft.mentions if id(m) not in declaring]
    return out


CREDIT_WORDS = ("来源", "版权所有", "技术支持", "主办单位", "承办单位", "©", "Copyright", "copyright")
"""Words of a page's credits: the company after them runs or supplies the page; the article is not on it."""
CREDIT_REACH = 12


def _quoted_figure(text: str, m: Mention, lex: Lexicon) -> bool:
    """`把商务楼宇作为“立体社区”`: a kind of place quoted on its own is a figure of speech, not a body."""
    quoted = text[m.start - 1 : m.start] == "“" and text[m.end : m.end + 1] == "”"
    return quoted and m.type == "Organization" and m.name.endswith(tuple(lex.venue_words))


def _credited(text: str, m: Mention) -> bool:
    """A company or a place named in the page's credits (`来源:甲乙传媒有限公司`, `技术支持:丙丁科技`,
    `来源:党的生活(江苏)`), on its line; any body credited with the article (`(甲党委工作部供稿)`)."""
    if text.startswith(CREDITED_AFTER, m.end):
        return m.type != "Person"
    if m.type not in ("Enterprise", "Region"):
        return False
    line_start = text.rfind("\n", 0, m.start) + 1
    before = text[max(line_start, m.start - CREDIT_REACH) : m.start]
    return any(w in before for w in CREDIT_WORDS) and not any(c in before for c in "。;；!！?？")


CREDITED_AFTER = ("供稿", "供图", "/供稿")
"""After a body that supplied the article or its pictures: a credit, not a fact of it."""
SHORT_COMPANY = 6
"""Characters of the longest company name checked for being a common noun (`物业公司`, `园区运营公司`)."""
COMMON_TAGS = frozenset({"n", "vn", "v"})
"""Common nouns and verbs: a company word after only these (`园区|运营|公司`, `加速|公司`) names none."""


def _common_nouns(draft: Draft) -> set[int]:
    """Short company names that the lexical analyzer reads as common nouns or verbs only (`木业|公司`,
    `园区|运营|公司`, `加深|巩固|公司`), not as a name (`甲乙集团` tagged as an organization): a kind of
    company, or the company a sentence speaks of after its verb, not a name."""
    short = [
        m
        for m in draft.mentions
        if m.type == "Enterprise" and len(m.name) <= SHORT_COMPANY and m.name.endswith(("公司", "集团"))
    ]
    sentences = draft.sentences
    spans = [(max(sentences[m.sentence].start, m.start - 10), m.end) for m in short]
    out = set()
    for m, words in zip(short, analyze(draft.text, spans), strict=True):
        covering = [w for w in words if w.end > m.start and w.start < m.end]
        if covering and covering[0].start == m.start and all(w.tag in COMMON_TAGS for w in covering):
            out.add(id(m))
    return out


LIST_JOINERS = ("、", "和", "及", "与")


LISTED_BY_DESCRIPTION = ("Branch", "Committee", "Park")


def _listed_side_by_side(draft: Draft) -> set[int]:
    """Branches or committees listed side by side (`甲乙党支部、丙丁党支部`), and parks listed so as
    what a park has (`下辖新材料产业园、智能制造产业园`): a document that lists its branches, or a park's
    parts, names each by what its stem says, a unit or not (the branches of one committee by trade, the
    sub-parks of a park by industry); parks merely listed are kinds of park
    (`从现代农业产业园、文创产业园,到…`)."""
    out: set[int] = set()
    for mentions in by_sentence(draft.mentions).values():
        for type_ in LISTED_BY_DESCRIPTION:
            ordered = sorted((m for m in mentions if m.type == type_), key=lambda m: m.start)
            run: list[Mention] = []
            for a, b in pairwise(ordered):
                if draft.text[a.end : b.start] not in LIST_JOINERS:
                    run = []
                    continue
                run = run or [a]
                run.append(b)
                if type_ != "Park" or _listed_as_parts(draft, run[0], b):
                    out |= {id(m) for m in run}
    return out


def _listed_as_parts(draft: Draft, first: Mention, last: Mention) -> bool:
    """Whether a list of parks opens with a verb of having parts (`下辖`, `设有`) or a list opener, or
    is what a park is made of (`由甲产业园、乙产业园组成`)."""
    structure = draft.lex.structure
    words = (
        *structure.get("sets_up", ()),
        *structure.get("list_openers", ()),
        *structure.get("has_parts", ()),
    )
    before = draft.text[max(0, first.start - 8) : first.start].removesuffix("了")
    if COUNTED_PARKS.match(draft.text, last.end):
        return True  # `甲产业园、乙产业园等5个专业园区`: the parks counted are the ones listed
    opened = _MADE_OF_OPENING.search(draft.text, max(0, first.start - 30), first.start)
    made_of = opened and draft.text.startswith(draft.lex.structure.get("made_of", ()), last.end)
    return before.endswith(words) or bool(made_of)


COUNTED_PARKS = re.compile(
    r"等?[0-9一二三四五六七八九十两]+(?:个|大)[\u4e00-\u9fff]{0,4}?(?:园区|园中园|产业园|分园)"
)
"""A count of parks right after a list of them (`等5个专业园区`, `两大园中园`): the listed parks are those."""


_MADE_OF_OPENING = re.compile(r"由(?:[^，,。；;、]{2,12}、)*$")
"""`由甲片区、乙产业园…组成`: the `由` opening what a park is made of, maybe before parts not read so."""


_KIND_COUNTERS = "个家支批类种"
"""Counters after which a body's words name a kind of body (`首个商圈党委`, `3个园区党委`)."""


def _described(m: Mention, word: str, lex: Lexicon) -> bool:
    """A listed branch, committee or park named by a description of two or more characters
    (`智能制造党支部`, `甲乙党委`), not by kind words (`机关党支部`, `非公企业党支部`), an area
    (`功能性片区党总支`) or a unit word in it; a region's committee (`省委`) is named by its region only."""
    if m.type == "Committee" and word[:-1] in lex.org_words.get("Region", ()):
        return False
    if m.type in PARTY_TYPES and any(k in word and k not in lex.form_kinds for k in lex.kind_words):
        return False  # `两新组织党委`: a body for a kind of member is the unit's, named after it
    stem = m.name[: len(m.name) - len(word)]
    unit_words = (w for ws in lex.org_words.values() for w in ws if len(w) > 1)
    kinds = (*lex.kind_words, *lex.area_words, *lex.enterprise_list_heads, *unit_words)
    return len(stem) >= 2 and not is_generic_name(m.name, m.type, lex) and not any(k in stem for k in kinds)


COMPANY_UNITS = ("车间", "项目部")
"""A company's units, named after what they make or build (`钼粉车间`, `工程项目部`): no unit of their own,
written bare they name nothing, and after their company's name the company (`_company_of_workshop`)."""


def _word_before_company(m: Mention, lex: Lexicon) -> bool:
    """One character before `公司` or `工厂` ends a word (`以前|公司`, `了解|公司`, `开|工厂`), it names no
    company; nor does a workshop or a project department with no company's name in it."""
    word = org_word_of(m, lex) if m.type == "Enterprise" else None
    if not word:
        return False
    stem = m.name[: len(m.name) - len(word)]
    if word in COMPANY_UNITS:
        return is_company_section(m.name, lex)
    return ("公司" in word or word.endswith("工厂")) and len(stem) == 1


def is_company_section(name: str, lex: Lexicon) -> bool:
    """`电池车间`: a workshop or project department written without its company's name."""
    if not name.endswith(COMPANY_UNITS):
        return False
    return not any(w in name for w in lex.org_words.get("Enterprise", ()) if w not in COMPANY_UNITS)


def _name_anaphors(draft: Draft) -> None:
    """`甲乙科技有限公司…,该公司党支部`: a unit written as the company last named (`该公司`), bare or
    before a Party word, is named after that company; the bare word is no alias."""
    last: Mention | None = None
    for m in draft.mentions:
        anaphor = next((a for a in draft.lex.company_anaphors if draft.text.startswith(a, m.start - 1)), None)
        if anaphor and last and m.name.startswith(anaphor[1:]) and m.type != "Person":
            m.name = last.name + m.name[len(anaphor) - 1 :]
            m.generic, m.surface_alias = None, False
        elif m.type == "Enterprise" and not m.generic and len(m.name) > 2:
            last = m


def _bare_kind(m: Mention, vocab: Vocabulary) -> bool:
    """A bare organization word that names no one body in any document (`学校`, `公司`), as written or
    as left when the words before it turned out to name nothing (`楼宇|社区`)."""
    return (
        m.generic == m.name
        and m.type in ("Organization", "Enterprise")
        and m.name not in vocab.generic_words(m.type)
    )


def _outer_park(inner: Mention, lex: Lexicon) -> Mention | None:
    """The park a park named inside a body's name lies in (`甲经开区|乙产业园|党总支`), named as the
    park's own mention would name it."""
    word = org_word_of(inner, lex)
    parent = parent_park(inner.name, word, lex) if word else None
    if not word or not parent:
        return None
    parsed = parse_name("Park", inner.name, word, lex)
    inner.name = parsed.name
    inner.aliases |= parsed.aliases
    outer = Mention(inner.start, inner.start + len(parent), "Park", parent, inner.sentence)
    inner.parts.append(("PART_OF", outer))
    return outer


def _regions_in_their_own_right(mentions: list[Mention], parts: list[Mention], lex: Lexicon) -> list[Mention]:
    """A region that only starts a company's registered name (`甲省乙科技有限公司`, and its
    `…有限公司党支部`) is part of that name, not a place the article speaks of: keep it only when
    the document names it elsewhere. A province is a place only where it stands alone or starts the
    name of a Party committee, a park (also inside a longer name: `甲省乙高新区党群工作部`) or an organ
    of the province's committee or government: the province that starts a department's, an
    association's or a branch's name (`甲省乙厅`, `甲省乙协会`) is no more the article's place than a
    company's."""

    def name_only(m: Mention, inner: Mention) -> bool:
        placing = any(t in ("Committee", "Park") for t in (m.type, *(p.type for _, p in m.parts)))
        placing = placing or is_regional_organ(m, lex) or bool(parks.find_all(m.name))
        wide = is_province(inner.name, lex) and not placing
        return _names_a_company(m) or wide

    parks = lex.org_word_set("Park")
    holding = [(m, inner) for m in mentions for _, inner in m.parts if inner.type == "Region"]
    elsewhere = {m.name for m in mentions if m.type == "Region"}
    elsewhere |= {inner.name for m, inner in holding if not name_only(m, inner)}
    dropped = {id(inner) for m, inner in holding if name_only(m, inner) and inner.name not in elsewhere}
    for m in mentions:
        m.parts = [(relation, inner) for relation, inner in m.parts if id(inner) not in dropped]
    return [p for p in parts if id(p) not in dropped]


def _names_a_company(m: Mention) -> bool:
    return m.type == "Enterprise" or any(inner.type == "Enterprise" for _, inner in m.parts)


def _literal_parts(text: str, outer: Mention, parts: list[NamePart], lex: Lexicon) -> list[NamePart]:
    """The parts of a body's name, less a park whose park word the name writes alone in quotes
    (`甲工业园区“孵化器”党支部`): the word is a figure of speech, no park; the park before it
    (`甲工业园区`) is still named, though the body is not said to be its Party organization."""
    out = []
    for part in parts:
        word = lex.org_word_set("Park").ending_at(part.name, len(part.name)) if part.type == "Park" else None
        at = text.find(f"“{word}”", outer.start, outer.end) if word else -1
        if at < 0 or not quoted_word(text, at + 1, at + 1 + len(word or "")):
            out.append(part)
        elif parent := parent_park(part.name, word or "", lex):
            out.append(NamePart("Park", parent, ""))
    return out


def _written(text: str, outer: Mention, name: str, lex: Lexicon) -> tuple[int, int] | None:
    """Where `name`, or a short form of it (`内蒙古` for 内蒙古自治区), is written inside `outer`."""
    forms = lex.gazetteer.forms_of(name)
    for form in forms:
        at = text.find(form, outer.start, outer.end)
        if at >= 0:
            return at, at + len(form)
    return None


def stem_of(m: Mention, lex: Lexicon) -> str:
    return m.name[: len(m.name) - len(org_word_of(m, lex) or "")]


WORKSHOPS = (*COMPANY_UNITS, "工厂")
"""A company's workshop or plant, which no one annotates as a unit of its own."""


def _company_of_workshop(m: Mention, word: str, lex: Lexicon) -> tuple[str, str] | None:
    """`甲乙科技有限公司车间`, `甲乙有限公司智慧工厂`: a company named before its workshop or plant; the name
    up to the company's word, which is the unit the text speaks of, and that word."""
    if m.type != "Enterprise" or word not in WORKSHOPS:
        return None
    stem = m.name[: len(m.name) - len(word)]
    words = [(at + len(w), w) for at, w in lex.company_word_set.find_all(stem) if w not in WORKSHOPS]
    end, company_word = max(words, default=(0, ""))
    return (stem[:end], company_word) if end - len(company_word) >= 2 else None


def _trim_to_region(m: Mention, word: str, lex: Lexicon) -> None:
    """A region committee, or a body named after one, starts at its region (or the 中共 before it):
    `某某四川省成都市委` (a glued byline) → `四川省成都市委`, `据甲市委两新工委` → `甲市委两新工委`."""
    if m.type != "Committee":
        return
    region_words = lex.org_words.get("Region", ())
    stem = m.name[: len(m.name) - len(word)]
    if word[:-1] in region_words:
        region_end = len(stem)
    elif stem.endswith("委") and stem[-2:-1] in region_words:
        region_end = len(stem) - 2
    else:
        return
    suffix = m.name[region_end : region_end + 1]
    prefix = next((len(p) for p in lex.drop_prefixes if stem.startswith(p)), 0)
    for cut in range(prefix, region_end - 1):
        if split_regions(stem[cut:region_end] + suffix, lex):
            if cut > prefix:
                m.start, m.name = m.start + cut, m.name[cut:]
            return


def _short_spellings(draft: Draft) -> set[str]:
    """Parks of a generic kind written short and without their place (`甲乙高新区`) where the document
    also writes them whole after a place (`丙市甲乙高新技术产业开发区`, maybe in a body's name): named,
    as the whole name is."""
    lex = draft.lex
    park_words = tuple(lex.org_words.get("Park", ()))
    names = set()
    for m in draft.mentions:
        if m.type == "Park":
            names.add(m.name)
        elif m.type in (*PARTY_TYPES, "Organization") and (word := org_word_of(m, lex)):
            names.add(m.name[: len(m.name) - len(word)])  # the park a body is named after
    out = set()
    for name in names:
        regions, rest = region_prefix(name, lex)
        if regions and rest != name and rest.endswith(park_words):
            out.add(short_park_name(rest, lex))
    return out


def _town_parks(draft: Draft) -> set[str]:
    """Parks named after a town the document names (`甲镇` … `甲园区`): no gazetteer lists towns, but
    the document's own town is as specific a name as a county."""
    lex = draft.lex
    towns = {m.name for m in draft.mentions if m.type == "Region"}
    out = set()
    for m in draft.mentions:
        word = org_word_of(m, lex) if m.type == "Park" else None
        stem = m.name[: len(m.name) - len(word)] if word else ""
        if len(stem) >= 2 and any(stem + level in towns for level in lex.region_levels[0]):
            out.add(m.name)
    return out


ZONE_COMMITTEE = "党工委"
"""The Party working committee a higher committee sets up for a zone (a park, a street, a new area)."""
PARTY_COMMITTEE = "党委"
ZONE_HEADS = ("谷", "湾", "港", "岛")
"""Last characters of a zone's name a Party committee (`党委`, not only `党工委`) may be named after."""


def _park_with_note(stem: str, lex: Lexicon) -> bool:
    """Whether `stem` is a park's name with another name of it in brackets after its park word."""
    bare = without_note(stem)
    return bare != stem and lex.org_word_set("Park").ending_at(bare, len(bare)) is not None


def _tagged_zone_committees(draft: Draft) -> dict[int, int]:
    """Party working committees named after a zone of a kind no park word names (`中国甲谷党工委`,
    `丙丁湾党工委`; a `党委` where the zone's name ends like one, `甲乙谷党委`), by `id` of the mention,
    with where the zone's name starts: the lexical analyzer reads it as opening with a proper name, with
    no verb, adjective or count, no unit's word and no kind of member (`非公企业党工委`) in it; words
    glued before it (a heading on a page with no line breaks, `…党建共同体|乙片区党工委`) are no part
    of it."""
    lex = draft.lex
    units = WordSet(w for t in (*UNIT_TYPES, *PARTY_TYPES) for w in lex.org_words.get(t, ()) if len(w) > 1)
    found = []
    for m in draft.mentions:
        word = next((w for w in (ZONE_COMMITTEE, PARTY_COMMITTEE) if draft.text.endswith(w, 0, m.end)), "")
        end = m.end - len(word)
        if word == PARTY_COMMITTEE and not draft.text.endswith(ZONE_HEADS, 0, end):
            continue  # `甲乙谷党委`, `丙丁湾党委`: a committee is a zone's when its name ends like one
        if _park_with_note(draft.text[m.start : end], lex):
            continue  # `甲科技城(乙园)党工委`: a park's committee, its other name in brackets
        if m.type == "Committee" and word and end - m.start >= MIN_LEFT:
            found.append((m, max(m.start, end - MAX_ZONE), end))
    out = {}
    for (m, _, end), words in zip(found, analyze(draft.text, [(s, e) for _, s, e in found]), strict=True):
        first = len(words)
        while first and words[first - 1].tag not in _NOT_NAME_TAGS:
            if units.find_all(draft.text[words[first - 1].start : end]):
                break
            first -= 1
        zone = next((w.start for w in words[first:] if w.tag in PROPER_TAGS), None)
        stem = draft.text[zone:end] if zone is not None else ""
        if len(stem) < MIN_LEFT or is_bare_unit(stem, lex) or split_regions(stem, lex):
            continue
        if any(k in stem for k in lex.kind_words) or stem.endswith((*lex.region_levels[0], *STREET_WORDS)):
            continue  # `非公企业党工委`, `甲街党工委`: a kind of member, a street: no zone
        out[id(m)] = zone
    return out


MAX_ZONE = 16
"""Longest zone name read before a working committee's word."""
STREET_WORDS = ("街", "路", "社区")
"""Words ending the name of a street or a community, whose working committees are no zone's."""


_NOT_NAME_TAGS = ("v", "vd", "a", "ad", "d", "m", "p", "c", "u")
"""Tags of words no zone's name holds (`深入推进|党工委`)."""


def _tagged_park_names(draft: Draft) -> set[str]:
    """Parks of a generic kind (`甲乙产业园`) whose qualifier the lexical analyzer reads as a proper name
    (`东亿国际传媒|产业园`), not a description (`智能制造|产业园`): a park named in its own right."""
    lex = draft.lex
    generic = lex.vocabulary.generic_words("Park")
    # one reading per name: a park is mostly named many times over
    word_of = {m.name: org_word_of(m, lex) for m in draft.mentions if m.type == "Park"}
    found = [
        (m, word)
        for m in draft.mentions
        if m.type == "Park" and (word := word_of[m.name]) in generic and len(word) > 2
        if len(m.name) - len(word) >= 2
    ]
    words = analyze(draft.text, [(m.start, m.end - len(word)) for m, word in found])
    return {
        m.name
        for (m, _), stem in zip(found, words, strict=True)
        if stem and stem[0].start == m.start and stem[0].tag in PROPER_TAGS
    }


def _tagged_brands(draft: Draft) -> set[str]:
    """Names the lexical analyzer reads as one organization's right before a Party body word
    (`华大基因|党支部`): the body is that unit's, though no unit word says which kind of unit it is (a
    company, or a park or village written short), so it names the body but makes no entity of its own.
    Stems with a unit word, a kind or a place in them are read by the name rules instead."""
    lex = draft.lex
    unit_words = lex.org_word_set(*UNIT_TYPES, *PARTY_TYPES)
    found = [
        (m, m.name[: len(m.name) - len(word)])
        for m in draft.mentions
        if m.type in PARTY_TYPES and (word := org_word_of(m, lex)) and not m.parts
        if 2 <= len(m.name) - len(word) <= MAX_BRAND
    ]
    found = [
        (m, stem)
        for m, stem in found
        if not unit_words.ending_at(stem, len(stem))
        and not lex.kind_word_set.ending_at(stem, len(stem))
        and not split_regions(stem, lex)
        and not region_prefix(stem, lex)[0]
    ]
    words = analyze(draft.text, [(m.start, m.start + len(stem)) for m, stem in found])
    return {
        stem
        for (m, stem), tagged in zip(found, words, strict=True)
        if len(tagged) == 1 and tagged[0].tag == "ORG"
    }


MAX_BRAND = 6
"""Characters of a brand before a Party body word (`吉利汽车|党委`); longer stems are descriptions."""


def _tagged_venue_names(draft: Draft) -> set[str]:
    """Bodies named after a kind of place (`甲乙社区`, `丙丁工作站`) that the lexical analyzer, reading
    them in their sentence, tags as or starts with a proper name (`甲乙社区`), not a description
    (`楼宇|社区`)."""
    lex = draft.lex
    found = [
        m
        for m in draft.mentions
        if m.type == "Organization" and (word := org_word_of(m, lex)) in lex.venue_words
        if len(m.name) > len(word)
    ]
    spans = [(max(0, m.start - VENUE_CONTEXT), min(len(draft.text), m.end + VENUE_CONTEXT)) for m in found]
    return {
        m.name
        for m, words in zip(found, analyze(draft.text, spans), strict=True)
        if any(w.start == m.start and w.tag in PROPER_TAGS for w in words)
    }


VENUE_CONTEXT = 4
"""Characters read on either side of a name so the analyzer sees it in its sentence."""


_LOCATED_VERBS = ("位于", "坐落", "地处")
"""After a park's name: where it lies (`甲乙产业园坐落于某镇`), said of one park, not of a kind."""

_INSIDE_PARK = re.compile(r"(?:内|里|中|境内)?的$")
"""Between a park and a park inside it: `甲高新区内的乙产业园`."""


def _inside_named_park(draft: Draft, m: Mention, word: str, park_ends: set[int]) -> bool:
    """`甲高新区内的智能制造产业园`: a qualified park word placed inside a named park names a park of its
    own, written once and with no proper name though it is (a bare `园区` is none)."""
    stem = m.name[: len(m.name) - len(word)]
    if m.type != "Park" or len(stem) < 2 or is_bare_unit(stem, draft.lex):
        return False
    before = _INSIDE_PARK.search(draft.text, max(0, m.start - 3), m.start)
    return bool(before) and before.end() == m.start and before.start() in park_ends


def _named(m: Mention, word: str, lex: Lexicon, repeated: set[str], tagged: set[str]) -> bool:
    """Whether the words before a unit word ("园区", "党支部", "协会") name that unit, or are just a verb.

    A generic word needs a region before it (`崇州市工业园区`), or a qualifier the document
    repeats (`新型工业园区` twice) or the lexical analyzer tags as a name; a party word needs a unit
    or a place before it (`甲公司党支部`, `甲区乙街工委`).
    """
    stem = m.name[: len(m.name) - len(word)]
    stem = next((stem[len(p) :] for p in lex.drop_prefixes if stem.startswith(p)), stem)
    vocab = lex.vocabulary
    if not stem:
        return (
            m.type != "Organization"
            or word in vocab.generic_words("Organization")
            or m.name in lex.known_bodies
        )
    if m.type in PARTY_TYPES and is_ordinal(stem):
        return True  # `第一党总支`: the one its document's unit numbers first
    if m.type in PARTY_TYPES and (plain := without_ordinal(stem)) != stem:
        # `经编联合第一党支部` is named as `经编联合党支部` would be
        unnumbered = Mention(m.start, m.end, m.type, plain + word, m.sentence)
        plain_word = org_word_of(unnumbered, lex)
        return plain_word is not None and _named(unnumbered, plain_word, lex, repeated, tagged)
    if m.type == "Organization":
        return _names_a_body(stem, word, m.name in tagged, lex)
    if m.type == "Enterprise" and _trade_only(m.name, lex):
        return False
    if m.type == "Committee" and word[:-1] in lex.org_words.get("Region", ()):
        return bool(
            split_regions(stem + word[:-1], lex) or (stem.endswith(word[:-1]) and split_regions(stem, lex))
        )
    if m.type == "Park" and PARK_RANK.fullmatch(stem) and park_kind(word, lex):
        # `国家级高新技术产业开发区` is a rank of parks, not a park's name
        return False
    rest = region_prefix(m.name, lex)[1]
    rest = rest[len(lex.gazetteer.match(rest) or "") :]  # and a place written short (`益阳|十大园区`)
    if m.type == "Park" and _BATCH.match(rest):
        return False  # `广东省首批特色产业园`, `陕西省重点物流园区`: a batch or class of parks, not one park
    if m.type == "Park" and _GRADE.fullmatch(stem):
        # `超甲级写字楼`, `5A级写字楼` is a grade of buildings
        return False
    if m.type == "Park" and word in vocab.generic_words("Park"):
        if is_bare_unit(stem, lex):
            return False
        # a repeated qualifier names a park (`新型工业园区`), and so does a proper name (`东亿产业园`),
        # but not before the plain `园区` (`深化园区`)
        repeated_name = len(word) > 2 and len(stem) >= 2 and (m.name in repeated or m.name in tagged)
        regions, rest = region_prefix(m.name, lex)
        if regions and rest in lex.category_park_words:
            # `成都市产业园区` is the city's parks; a county's `园区` is its one park
            return region_level(regions[-1], lex) <= COUNTY_LEVEL
        in_park = parent_park(m.name, word, lex) is not None
        return bool(regions) or repeated_name or in_park or _place_written_short(stem, lex)
    if m.type in PARTY_TYPES and (party_body_before(stem, lex) or stem in lex.region_levels[:1][0]):
        return True  # `街道党工委`: the body of the document's town (`units._township`)
    if m.type in PARTY_TYPES and not any(k in word for k in lex.kind_words):
        unit_words = [w for t in UNIT_TYPES for w in lex.org_words.get(t, ())]
        if sector_named(stem, lex):
            return True  # `五金产业党支部`: a body of the sector it gathers
        # `甲高新区非公企业党委`: the unit is named before the kind of body it holds, or the ordinal of
        # one of its bodies (`甲公司第一党支部`)
        unit = without_note(before_kinds(without_ordinal(stem), lex))  # `甲科技城(乙园)党工委`: 甲科技城's
        if unit != stem and (unit in level_chars(lex) or unit in lex.region_levels[0]):
            return True  # `区两新组织党工委`: a body of a kind at the document's region's level
        if unit.startswith(lex.kind_words) and is_generic_name(unit, "Park", lex):
            return False  # `功能性片区党总支`: the bodies of a kind of area, no one area's
        return not _trade_only(unit, lex) and (
            unit.endswith(tuple(unit_words))
            or bool(split_regions(unit, lex))
            or bool(region_prefix(unit, lex)[0])
            or lex.brand(unit)
            or ends_in_place(unit, lex)
            or building_before(without_ordinal(stem), lex) is not None
        )
    return True


def _trade_only(name: str, lex: Lexicon) -> bool:
    """`物业公司`, `科技公司`: a company word after a line of business alone names no one company."""
    word = lex.org_word_set("Enterprise").ending_at(name, len(name))
    trade = name[: len(name) - len(word)] if word else None
    return trade is not None and (trade in lex.industry_words or trade in lex.business_words)


def _titled_body(draft: Draft, m: Mention, word: str, people: WordSet) -> bool:
    """`甲乙党工委书记`: the words right before a post title name the body the post is held in, even
    without a place or unit in them (`国企党工委`), unless they are only kind words (`企业党支部`,
    `项目党支部`) or hold the name of one of the document's `people` (`选举甲乙任党委书记`)."""
    lex = draft.lex
    stem = m.name[: len(m.name) - len(word)]
    if m.type not in (*PARTY_TYPES, "Organization") or len(stem) < 2 or is_bare_unit(stem, lex):
        return False
    plain = lex.org_word_set(m.type).ending_at(m.name, len(m.name), shortest=True) or word
    qualifier = m.name[: len(m.name) - len(plain)].removesuffix("党")
    kinds = (*lex.org_words.get("Enterprise", ()), *lex.enterprise_list_heads, *_KIND_ENDINGS)
    if is_generic_name(m.name, m.type, lex) or qualifier.endswith(kinds):
        return False
    if any(people.starting_at(stem, i) for i in range(len(stem))):
        return False
    return lex.post_title_set.starting_at(draft.text, m.end) is not None


_KIND_ENDINGS = ("单位", "系统", "项目", "机关", "行业")
"""Words that end a kind of body, not the name of one (`农业系统党支部`, `工程项目党支部`)."""


def _names_a_body(stem: str, word: str, tagged: bool, lex: Lexicon) -> bool:
    """Whether `stem` names the body an organization word ends: one character other than a level word
    makes an ordinary word (`有|管委会`, `大|学校`), and a kind of place (`社区`, `工作站`) needs a place,
    a unit or a proper name before it (`甲乙社区`, not `楼宇社区` or `专家工作站`)."""
    if len(stem) == 1:
        return stem in lex.org_words.get("Region", ())
    if word in GOVERNMENT_WORDS:
        return _placed(stem, lex)
    if word not in lex.venue_words:
        return True
    unit_words = tuple(w for t in UNIT_TYPES for w in lex.org_words.get(t, ()))
    return (
        tagged
        or bool(split_regions(stem, lex) or region_prefix(stem, lex)[0])
        or stem.endswith(unit_words)
        or _place_written_short(stem, lex)
        or lex.brand(stem)
    )


GOVERNMENT_WORDS = ("政府", "人民政府")
"""A government is a place's (`甲县人民政府`): words before it that name no place are a verb's object
(`激发政府`)."""


def _placed(stem: str, lex: Lexicon) -> bool:
    """Whether `stem` ends in a place: a region, a short form of one, a park (`甲经开区政府`), or a
    region's level word (`市政府`)."""
    park_words = tuple(lex.org_words.get("Park", ()))
    return (
        ends_in_place(stem, lex)
        or bool(split_regions(stem, lex) or region_prefix(stem, lex)[0])
        or _place_written_short(stem, lex)
        or stem.endswith(park_words)
        or stem[-1:] in lex.org_words.get("Region", ())
    )


_BATCH = re.compile(
    r"首批|第[一二三四五六七八九十]+批|(?:省|市|国家)?级?重点"
    r"|(?:中国|全国|全省)?(?:世界|国际|国内)?(?:一流|骨干|[十百]大|[千百]亿级?|最具|综合性)"
)
"""A batch or class of parks a province names (`首批特色产业园`, `省级重点物流园区`), or a class or
standing it praises (`一流科技园区`, `骨干园区`, `益阳十大园区`, `综合性物流园区`), not one park."""
_GRADE = re.compile(r"超?[甲乙丙A-Z0-9]+级")
"""The grade a building carries (`甲级`, `超甲级`, `5A级`)."""


def _place_written_short(stem: str, lex: Lexicon) -> bool:
    """A park named after its city or county written short (`甲乙高新区` for the one in 甲乙市), or
    after a place written short and a name of its own (`甲乙西海岸新区`): a place's name is as
    specific as a park's own."""
    place = lex.gazetteer.match(stem)
    if place == stem or stem in lex.gazetteer.county_forms or _county_trade(stem, lex):
        return True
    # a city's, not a county's: `西区` begins many a name that is no place's
    return bool(place and len(stem) - len(place) >= 2 and region_level(place, lex) > COUNTY_LEVEL)


def _county_trade(stem: str, lex: Lexicon) -> bool:
    """`宜城化工`, `长寿精细化工`: a county written short and the one trade its park gathers."""
    counties = lex.gazetteer.county_forms
    return any(stem[:n] in counties and stem[n:] in lex.industry_words for n in range(2, len(stem) - 1))


def _park_committee(name: str, word: str, lex: Lexicon) -> bool:
    """`中共甲乙工业园区委员会`: a region's committee word (`区委员会`) whose level character ends a
    park's word is that park's committee (`委员会`)."""
    rest = name[: len(name) - len(word) + 1]
    return (
        word[1:] == FORMAL_COMMITTEE
        and word[:1] in lex.org_words.get("Region", ())
        and rest.endswith(lex.org_words.get("Park", ()))
    )


FORMAL_COMMITTEE = "委员会"


def org_word_of(m: Mention, lex: Lexicon) -> str | None:
    """The organization word that ends the name, less a bare unit word it starts with (园区|党委)."""
    memo = lex.memo("org_word_of")
    key = (m.type, m.name)
    if key not in memo:
        memo[key] = _org_word_of(m.type, m.name, lex)
    return memo[key]


def _org_word_of(type_: str, name: str, lex: Lexicon) -> str | None:
    word = lex.org_word_set(type_).ending_at(name, len(name))
    if word and _park_committee(name, word, lex):
        return word[1:]
    if word is None and type_ == "Committee" and name.endswith(FORMAL_COMMITTEE):
        return FORMAL_COMMITTEE  # `中共甲公司委员会`: the company's committee, by its formal word
    if word:
        unit = next((word[:i] for i in range(len(word) - 1, 0, -1) if is_bare_unit(word[:i], lex)), None)
        if unit and word[len(unit) :] in lex.org_words.get(type_, ()):
            return word[len(unit) :]
    return word
