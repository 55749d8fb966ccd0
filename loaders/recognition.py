"""Steps that find what a document names: mentions of every kind, and the entities inside names."""

from __future__ import annotations

from collections import Counter

from parkgraph.loaders.draft import Draft, by_sentence
from parkgraph.loaders.lexical import analyze
from parkgraph.loaders.lexicon import Lexicon
from parkgraph.loaders.mentions import (
    Mention,
    bracketed_alias,
    find_brands,
    find_counted_lists,
    find_enterprise_lists,
    find_enumerations,
    find_joint_units,
    find_known_bodies,
    find_listed_enterprises,
    find_member_counts,
    find_org_mentions,
    find_people,
    find_practices,
    find_regions,
)
from parkgraph.loaders.names import (
    COUNTY_LEVEL,
    PARTY_TYPES,
    UNIT_TYPES,
    is_bare_unit,
    parent_park,
    parse_name,
    party_body_before,
    region_level,
    region_prefix,
    split_regions,
)


def _overlaps(a: Mention, b: Mention) -> bool:
    return not (a.end <= b.start or b.end <= a.start)


class MentionStep:
    """Mentions of every kind; an enumeration or a longer name wins over what it overlaps."""

    def __call__(self, draft: Draft) -> None:
        args = (draft.text, draft.sentences, draft.lex)
        enumerated = find_enumerations(*args)
        practices = find_practices(*args)
        people = find_people(*args)
        joints = find_joint_units(*args)
        for joint, units in joints:
            joint.parts = [("COVERS" if u.type != "Park" else "PARTY_ORG_OF", u) for u in units]
        listed = [*find_listed_enterprises(*args), *find_counted_lists(*args), *find_member_counts(*args)]
        listed_in = by_sentence(listed)
        for m in [*find_enterprise_lists(*args), *find_brands(*args)]:
            if not any(_overlaps(m, k) for k in listed_in[m.sentence]):
                listed.append(m)
                listed_in[m.sentence].append(m)
        kept: list[Mention] = [*enumerated, *practices, *people, *listed, *find_known_bodies(*args)]
        kept += [m for joint, units in joints for m in (joint, *units)]
        kept_in = by_sentence(kept)
        people_in = by_sentence(people)
        for m in find_org_mentions(*args):
            cuts = any(_cuts_title(m, p, draft.lex.post_titles) for p in people_in[m.sentence])
            if not cuts and not any(_overlaps(m, k) for k in kept_in[m.sentence]):
                kept.append(m)
                kept_in[m.sentence].append(m)
        regions = sorted(find_regions(*args), key=lambda m: (m.start - m.end, m.start))
        for m in regions:
            if not any(_overlaps(m, k) for k in kept_in[m.sentence]):
                kept.append(m)
                kept_in[m.sentence].append(m)
        draft.mentions = sorted(kept, key=lambda m: m.start)


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

    def __call__(self, draft: Draft) -> None:
        parts: list[Mention] = []
        repeated = {n for n, c in Counter(m.name for m in draft.mentions).items() if c > 1}
        tagged = _tagged_park_names(draft)
        vocab = draft.lex.vocabulary
        draft.mentions = [
            m
            for m in draft.mentions
            if not (
                m.generic == m.name
                and m.type in ("Organization", "Enterprise")
                and m.name not in vocab.generic_words(m.type)
            )
        ]
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
            if not _named(m, word, draft.lex, repeated, tagged):
                m.start, m.name, m.generic = m.end - len(word), word, word
                continue
            parsed = parse_name(m.type, m.name, word, draft.lex)
            m.name = parsed.name
            m.aliases |= parsed.aliases
            if parsed.needs_unit or is_bare_unit(stem_of(m, draft.lex), draft.lex):
                m.generic = m.generic or "unit"
            for part in parsed.parts:
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
        for m in (*draft.mentions, *parts):
            other = bracketed_alias(draft.text, m.end, draft.lex) if m.type == "Park" else None
            if other and other != m.name:
                m.aliases.add(other)
        draft.mentions.extend(_regions_in_their_own_right(draft.mentions, parts))


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


def _regions_in_their_own_right(mentions: list[Mention], parts: list[Mention]) -> list[Mention]:
    """A region that only starts a company's registered name (`甲省乙科技有限公司`, and its
    `…有限公司党支部`) is part of that name, not a place the article speaks of: keep it only when
    the document names it elsewhere."""
    companies = [m for m in mentions if _names_a_company(m)]
    company_ids = {id(m) for m in companies}
    elsewhere = {m.name for m in mentions if m.type == "Region"}
    for m in mentions:
        if id(m) not in company_ids:
            elsewhere |= {inner.name for _, inner in m.parts if inner.type == "Region"}
    dropped = {
        id(inner)
        for m in companies
        for _, inner in m.parts
        if inner.type == "Region" and inner.name not in elsewhere
    }
    for m in companies:
        m.parts = [(relation, inner) for relation, inner in m.parts if id(inner) not in dropped]
    return [p for p in parts if id(p) not in dropped]


def _names_a_company(m: Mention) -> bool:
    return m.type == "Enterprise" or any(inner.type == "Enterprise" for _, inner in m.parts)


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


PROPER_TAGS = ("ORG", "LOC", "nz")
"""Tags the lexical analyzer gives a proper name: an organization's, a place's, any other."""


def _tagged_park_names(draft: Draft) -> set[str]:
    """Parks of a generic kind (`甲乙产业园`) whose qualifier the lexical analyzer reads as a proper name
    (`东亿国际传媒|产业园`), not a description (`智能制造|产业园`): a park named in its own right."""
    lex = draft.lex
    generic = lex.vocabulary.generic_words("Park")
    found = [
        (m, word)
        for m in draft.mentions
        if m.type == "Park" and (word := org_word_of(m, lex)) in generic and len(word) > 2
        if len(m.name) - len(word) >= 2
    ]
    words = analyze(draft.text, [(m.start, m.end - len(word)) for m, word in found])
    return {
        m.name
        for (m, _), stem in zip(found, words, strict=True)
        if stem and stem[0].start == m.start and stem[0].tag in PROPER_TAGS
    }


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
        return m.type != "Organization" or word in vocab.generic_words("Organization")
    if m.type == "Committee" and word[:-1] in lex.org_words.get("Region", ()):
        return bool(
            split_regions(stem + word[:-1], lex) or (stem.endswith(word[:-1]) and split_regions(stem, lex))
        )
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
    if m.type in PARTY_TYPES and party_body_before(stem, lex):
        return True
    if m.type in PARTY_TYPES and not any(k in word for k in lex.kind_words):
        unit_words = [w for t in UNIT_TYPES for w in lex.org_words.get(t, ())]
        return (
            stem.endswith(tuple(unit_words))
            or bool(split_regions(stem, lex))
            or bool(region_prefix(stem, lex)[0])
            or lex.brand(stem)
        )
    return True


def _place_written_short(stem: str, lex: Lexicon) -> bool:
    """A park named after its city or county written short (`甲乙高新区` for the one in 甲乙市): a
    place's name is as specific as a park's own."""
    return lex.gazetteer.match(stem) == stem or stem in lex.gazetteer.county_forms


def org_word_of(m: Mention, lex: Lexicon) -> str | None:
    """The organization word that ends the name, less a bare unit word it starts with (园区|党委)."""
    word = lex.org_word_set(m.type).ending_at(m.name, len(m.name))
    if word:
        unit = next((word[:i] for i in range(len(word) - 1, 0, -1) if is_bare_unit(word[:i], lex)), None)
        if unit and word[len(unit) :] in lex.org_words.get(m.type, ()):
            return word[len(unit) :]
    return word
