"""The rule-based extractor: a pipeline of small steps over one normalized document.

Steps, in order (each reads and extends a `Draft`):
1. `MentionStep` finds mentions of organizations, regions, people and practices;
2. `NameStep` reads the parts of each name (the park inside a committee's name);
3. `UnitStep` decides the document's own units and names its generic mentions
   ("园区党委" → "<the park>党委"), so the same word in two documents never merges;
4. `PostStep`, `TriggerStep`, `AdoptStep` read relations from titles, trigger
   words and quoted practices.
The draft then becomes `DocumentFacts` (SCHEMA.md's interchange format).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from parkgraph.graph.facts import DocumentFacts, DocumentInfo, EntityFact, RelationFact, Span
from parkgraph.graph.keys import entity_key
from parkgraph.loaders.lexicon import Lexicon, load_lexicon
from parkgraph.loaders.mentions import (
    Mention,
    find_enumerations,
    find_joint_units,
    find_known_bodies,
    find_listed_enterprises,
    find_member_counts,
    find_org_mentions,
    find_people,
    find_practices,
    find_regions,
    is_name_char,
)
from parkgraph.loaders.names import (
    PARTY_TYPES,
    UNIT_TYPES,
    is_bare_unit,
    parse_name,
    region_prefix,
    split_regions,
)
from parkgraph.loaders.segment import Sentence, split_sentences

Ref = tuple[str, str]
CLAUSE_BREAKS = "，,；;。！？!?：:"
ACTOR_TYPES = ("Committee", "Organization", "Park", "Region")


@dataclass
class Link:
    type: str
    head: Ref
    tail: Ref
    sentence: int
    confidence: float
    title: str = ""


@dataclass
class Draft:
    """The document under extraction: its text, sentences, mentions and links so far."""

    text: str
    sentences: list[Sentence]
    lex: Lexicon
    title: str = ""
    mentions: list[Mention] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    main_region: str | None = None
    main_park: str | None = None

    def add_link(
        self, type_: str, head: Ref, tail: Ref, sentence: int, confidence: float, title: str = ""
    ) -> None:
        if head == tail or not self.lex.vocabulary.relation_allowed(type_, head[0], tail[0]):
            return
        self.links.append(Link(type_, head, tail, sentence, confidence, title))


class Step(Protocol):
    def __call__(self, draft: Draft) -> None: ...


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
        listed = [*find_listed_enterprises(*args), *find_member_counts(*args)]
        kept: list[Mention] = [*enumerated, *practices, *people, *listed, *find_known_bodies(*args)]
        kept += [m for joint, units in joints for m in (joint, *units)]
        for m in find_org_mentions(*args):
            cuts = any(_cuts_title(m, p, draft.lex.post_titles) for p in people)
            if not cuts and not any(_overlaps(m, k) for k in kept):
                kept.append(m)
        regions = sorted(find_regions(*args), key=lambda m: (m.start - m.end, m.start))
        for m in regions:
            if not any(_overlaps(m, k) for k in kept):
                kept.append(m)
        draft.mentions = sorted(kept, key=lambda m: m.start)


def _cuts_title(org: Mention, person: Mention, titles: tuple[str, ...]) -> bool:
    """An organization name may end inside a person's first title (党支部|书记) but not run across titles."""
    start = person.title_start if person.title_start is not None else person.start
    first_end = start + len(person.titles[0]) if person.titles else start
    if org.end <= start or org.start >= person.start:
        return False
    remainder = person.titles[0][org.end - start :] if person.titles and org.end <= first_end else ""
    return not (org.start < start and remainder in titles)


class NameStep:
    """Entities named inside names, and the relation the name states."""

    def __call__(self, draft: Draft) -> None:
        parts: list[Mention] = []
        repeated = {n for n, c in Counter(m.name for m in draft.mentions).items() if c > 1}
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
        for m in draft.mentions:
            if m.type in ("Person", "Practice", "Region") or m.parts:
                continue
            if m.generic == m.name and not _stem(m, draft.lex):
                continue
            word = _org_word(m, draft.lex)
            if not word:
                continue
            _trim_to_region(m, word, draft.lex)
            if not _named(m, word, draft.lex, repeated):
                m.start, m.name, m.generic = m.end - len(word), word, word
                continue
            parsed = parse_name(m.type, m.name, word, draft.lex)
            m.name = parsed.name
            m.aliases |= parsed.aliases
            if parsed.needs_unit or is_bare_unit(_stem(m, draft.lex), draft.lex):
                m.generic = m.generic or "unit"
            for part in parsed.parts:
                at = draft.text.find(part.name, m.start, m.end)
                span = (at, at + len(part.name)) if at >= 0 else (m.start, m.end)
                inner = Mention(*span, part.type, part.name, m.sentence, surface_alias=at >= 0)
                if is_bare_unit(part.name, draft.lex):
                    inner.generic = part.name
                parts.append(inner)
                m.parts.append((part.relation, inner))
        draft.mentions.extend(parts)


def _stem(m: Mention, lex: Lexicon) -> str:
    return m.name[: len(m.name) - len(_org_word(m, lex) or "")]


def _trim_to_region(m: Mention, word: str, lex: Lexicon) -> None:
    """A region committee starts at its region: `某某四川省成都市委` (a glued byline) → `四川省成都市委`."""
    if m.type != "Committee" or word[:-1] not in lex.org_words.get("Region", ()):
        return
    stem = m.name[: len(m.name) - len(word)]
    for cut in range(len(stem) - 1):
        if split_regions(stem[cut:] + word[:-1], lex):
            if cut:
                m.start, m.name = m.start + cut, m.name[cut:]
            return


def _named(m: Mention, word: str, lex: Lexicon, repeated: set[str]) -> bool:
    """Whether the words before a unit word ("园区", "党支部", "协会") name that unit, or are just a verb.

    A generic word needs a region before it (`崇州市工业园区`), or a qualifier the document
    repeats (`新型工业园区` twice); a party word needs a unit before it (`甲公司党支部`).
    """
    stem = m.name[: len(m.name) - len(word)]
    stem = next((stem[len(p) :] for p in lex.drop_prefixes if stem.startswith(p)), stem)
    vocab = lex.vocabulary
    if not stem:
        return m.type != "Organization" or word in vocab.generic_words("Organization")
    if m.type == "Committee" and word[:-1] in lex.org_words.get("Region", ()):
        return bool(split_regions(stem + word[:-1], lex))
    if m.type == "Park" and word in vocab.generic_words("Park"):
        if is_bare_unit(stem, lex):
            return False
        # a repeated qualifier names a park (`新型工业园区`), but not before the plain `园区` (`深化园区`)
        repeated_name = len(word) > 2 and len(stem) >= 2 and m.name in repeated
        regions, rest = region_prefix(m.name, lex)
        if regions and rest in lex.category_park_words:
            # `成都市产业园区` is the city's parks; a county's `园区` is its one park
            return regions[-1].endswith(lex.county_suffixes)
        return bool(regions) or repeated_name
    if m.type in PARTY_TYPES and not any(k in word for k in lex.kind_words):
        unit_words = [w for t in UNIT_TYPES for w in lex.org_words.get(t, ())]
        return stem.endswith(tuple(unit_words)) or bool(split_regions(stem, lex))
    return True


def _org_word(m: Mention, lex: Lexicon) -> str | None:
    """The organization word that ends the name, less a bare unit word it starts with (园区|党委)."""
    word = next((w for w in lex.org_words.get(m.type, ()) if m.name.endswith(w)), None)
    if word:
        unit = next((word[:i] for i in range(len(word) - 1, 0, -1) if is_bare_unit(word[:i], lex)), None)
        if unit and word[len(unit) :] in lex.org_words.get(m.type, ()):
            return word[len(unit) :]
    return word


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
        for m in sorted(draft.mentions, key=lambda m: (m.start, -m.end)):
            park = local.get(m.sentence) or draft.main_park
            unit = park or draft.main_region
            if m.generic and m.type == "Park" and m.name in lex.org_words.get("Park", ()):
                owner = _owning_region(draft, previous, m)
                if owner:
                    m.aliases.add(m.name)
                    m.name = owner.name + m.name
                    draft.add_link("LOCATED_IN", ("Park", m.name), ("Region", owner.name), m.sentence, 0.8)
                elif not park:
                    continue
                else:
                    m.aliases.add(m.name)
                    m.name = park
            elif m.generic and m.type != "Park":
                stem = _stem(m, lex)
                if not unit:
                    continue
                if stem and is_bare_unit(stem, lex):
                    # `园区党委` is the park's committee; with no park known, the region's `园区党委`
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
        for m in draft.mentions:
            for relation, inner in m.parts:
                if inner in draft.mentions:
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


def _main_park(draft: Draft) -> str | None:
    """The park a document is about: its clearly most named park, or, in an article about a
    county-level region that only says "园区", that region's park named by its most specific word.
    """
    lex = draft.lex
    named = Counter(m.name for m in draft.mentions if m.type == "Park" and not m.generic)
    ranked = named.most_common(2)
    bare = [m.name for m in draft.mentions if m.type == "Park" and m.generic]
    bare += [_stem(m, lex) for m in draft.mentions if m.generic and m.type != "Park"]
    bare = [w for w in bare if w in lex.vocabulary.generic_words("Park")]
    region = draft.main_region
    county = region and region.endswith(lex.county_suffixes)
    if county and len(bare) >= 3 and len(bare) > 3 * (ranked[0][1] if ranked else 0):
        word = max(bare, key=lambda w: (len(w), bare.count(w)))
        return region + word
    if not ranked:
        return None
    top, count = ranked[0]
    in_title = any(m.name == top and m.sentence == 0 for m in draft.mentions)
    clear = count >= 2 and (len(ranked) == 1 or count >= 2 * ranked[1][1])
    return top if clear or (in_title and len(ranked) == 1) else None


def _owning_region(draft: Draft, previous: Mention | None, park: Mention) -> Mention | None:
    """`崇州市依托工业园区`: a bare park word right after a region (and 依托/的) is that region's park."""
    if previous is None or previous.type != "Region" or previous.sentence != park.sentence:
        return None
    between = draft.text[previous.end : park.start]
    return previous if between in ("", "的", "依托", "所属") else None


class VariantStep:
    """One entity per unit in a document: `内蒙古通辽经济技术开发区` is `通辽经济技术开发区`, and so is
    a copy that drops one character (`通辽经济术开发区`), merged into the more frequent (or full) form."""

    def __call__(self, draft: Draft) -> None:
        counts = Counter((m.type, m.name) for m in draft.mentions)
        cores = {name: _without_region(name, draft.lex) for _, name in counts}
        rename: dict[Ref, Ref] = {}
        for (type_, a), count_a in counts.items():
            if type_ in ("Person", "Practice", "Region"):
                continue
            for (other_type, b), count_b in counts.items():
                if other_type != type_ or a == b:
                    continue
                if cores[a] == b or (
                    (count_b, len(b)) > (count_a, len(cores[a])) and _one_dropped(cores[a], b)
                ):
                    rename[(type_, a)] = (type_, b)
                    break
        if not rename:
            return
        for m in draft.mentions:
            target = rename.get((m.type, m.name))
            if target:
                m.aliases.add(m.name)
                m.name = target[1]
        for link in draft.links:
            link.head = rename.get(link.head, link.head)
            link.tail = rename.get(link.tail, link.tail)


def _without_region(name: str, lex: Lexicon) -> str:
    regions, rest = region_prefix(name, lex)
    return rest if regions else name


def _one_dropped(a: str, b: str) -> bool:
    """Whether `a` and `b` differ by one dropped character."""
    short, long_ = sorted((a, b), key=len)
    if len(long_) - len(short) != 1 or len(short) < 6:
        return False
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


class PostStep:
    """`<organization><title>、<title> <name>`: the person holds each post in that organization."""

    def __call__(self, draft: Draft) -> None:
        lex = draft.lex
        orgs = [m for m in draft.mentions if m.type not in ("Person", "Practice")]
        for person in (m for m in draft.mentions if m.type == "Person"):
            holder = _holder(orgs, person, draft.text)
            titles = list(person.titles)
            if holder and person.title_start is not None and holder.end > person.title_start:
                titles[0] = titles[0][holder.end - person.title_start :]
            for title in titles:
                if not holder:
                    break
                target = holder
                if title in lex.corporate_titles:
                    target = next(
                        (inner for rel, inner in holder.parts if inner.type == "Enterprise"),
                        holder,
                    )
                draft.add_link(
                    "HOLDS_POST",
                    ("Person", person.name),
                    (target.type, target.name),
                    person.sentence,
                    0.8,
                    title,
                )


def _holder(orgs: Sequence[Mention], person: Mention, text: str, gap: int = 4) -> Mention | None:
    """The organization named right before a person's titles, or ending inside the first title."""
    start = person.title_start if person.title_start is not None else person.start
    first_end = start + len(person.titles[0]) if person.titles else start
    best = None
    for m in orgs:
        if m.start >= start or m.end > first_end or start - m.end > gap:
            continue
        if m.end < start and not all(is_name_char(c) for c in text[m.end : start]):
            continue
        if best is None or (m.end, m.end - m.start) > (best.end, best.end - best.start):
            best = m
    return best


class TriggerStep:
    """`A下设B`, `B隶属A`, `A吸收B`: trigger words between two mentions of one clause.

    A word that triggers several relations (下设: PART_OF or SUBORDINATE_TO) gives the one that
    fits the entities: a Party body is subordinate, another body is a part.
    """

    def __call__(self, draft: Draft) -> None:
        lex = draft.lex
        relations_of: dict[str, list[str]] = {}
        for relation, triggers in lex.triggers.items():
            if relation not in ("HOLDS_POST", "ADOPTS", "PARTY_ORG_OF"):
                for trigger in triggers:
                    relations_of.setdefault(trigger, []).append(relation)
        for si, sent in enumerate(draft.sentences):
            in_sent = [m for m in draft.mentions if m.sentence == si and m.type not in ("Person", "Practice")]
            for trigger, relations in relations_of.items():
                start = sent.text.find(trigger)
                while start >= 0:
                    pos = sent.start + start
                    left = _clause_neighbour(in_sent, pos, draft.text, before=True)
                    right = _clause_neighbour(in_sent, pos + len(trigger), draft.text, before=False)
                    if left and right:
                        self._link(draft, trigger, relations, left, right, si)
                    start = sent.text.find(trigger, start + len(trigger))

    @staticmethod
    def _link(
        draft: Draft, trigger: str, relations: list[str], left: Mention, right: Mention, si: int
    ) -> None:
        vocab = draft.lex.vocabulary
        for relation in sorted(relations, key=lambda r: _preference(r, left, right)):
            head, tail = left, right
            if relation in ("SUBORDINATE_TO", "PART_OF") and trigger not in draft.lex.passive_triggers:
                head, tail = right, left
            if relation == "LOCATED_IN" and _place_rank(left) != _place_rank(right):
                head, tail = sorted((left, right), key=_place_rank)
            if head != tail and vocab.relation_allowed(relation, head.type, tail.type):
                draft.add_link(relation, (head.type, head.name), (tail.type, tail.name), si, 0.6)
                return


def _preference(relation: str, left: Mention, right: Mention) -> int:
    """Party bodies answer to (SUBORDINATE_TO), other bodies are parts of (PART_OF)."""
    party = left.type in PARTY_TYPES and right.type in PARTY_TYPES
    order = ("SUBORDINATE_TO", "PART_OF") if party else ("PART_OF", "SUBORDINATE_TO")
    return order.index(relation) if relation in order else len(order)


def _place_rank(m: Mention) -> int:
    """What may contain what: a region holds parks, a park holds enterprises and bodies."""
    return {"Region": 2, "Park": 1}.get(m.type, 0)


class ChainStep:
    """`区委统一领导、两新工委牵头、园区党委实施`: each body in a chain of duties answers to the last."""

    def __call__(self, draft: Draft) -> None:
        ranks = draft.lex.duty_ranks
        for si in range(len(draft.sentences)):
            chain: list[tuple[Mention, int, int]] = []
            for m in sorted((m for m in draft.mentions if m.sentence == si), key=lambda m: m.start):
                if m.type not in ("Committee", "Branch", "Organization"):
                    continue
                after = draft.text[m.end : m.end + 6]
                rank = next((r for verb, r in ranks if after.startswith(verb)), None)
                if rank is None:
                    continue
                if chain and draft.text[chain[-1][2] : m.start].strip(" ") in ("、", "，", ",", "；"):
                    upper, upper_rank, _ = chain[-1]
                    if rank < upper_rank:
                        relation = "SUBORDINATE_TO" if m.type in PARTY_TYPES else "PART_OF"
                        draft.add_link(relation, (m.type, m.name), (upper.type, upper.name), si, 0.6)
                verb_end = m.end + next(len(v) for v, r in ranks if after.startswith(v))
                chain.append((m, rank, verb_end))


class LocationStep:
    """In an article about one park, its enterprises, and the bodies it names in the park's context,
    lie in that park; lower-level regions lie in the article's region."""

    def __call__(self, draft: Draft) -> None:
        lex = draft.lex
        placed = {
            link.head for link in draft.links if link.type in ("LOCATED_IN", "PART_OF", "SUBORDINATE_TO")
        }
        park_words = (*lex.vocabulary.generic_words("Park"), *lex.triggers.get("LOCATED_IN", ()))
        for m in draft.mentions:
            ref = (m.type, m.name)
            if ref in placed:
                continue
            sentence = draft.sentences[m.sentence].text
            if (
                m.type in ("Enterprise", "Organization", "Park")
                and draft.main_park
                and m.name != draft.main_park
            ):
                in_context = draft.main_park in sentence or any(w in sentence for w in park_words)
                if in_context or m.type == "Enterprise":
                    sub_park = m.type == "Park" and m.name.endswith(lex.vocabulary.generic_words("Park"))
                    relation = "PART_OF" if sub_park else "LOCATED_IN"
                    draft.add_link(relation, ref, ("Park", draft.main_park), m.sentence, 0.5)
                    placed.add(ref)
            elif (
                m.type == "Region"
                and draft.main_region
                and _level(m.name, lex) < _level(draft.main_region, lex)
            ):
                draft.add_link("LOCATED_IN", ref, ("Region", draft.main_region), m.sentence, 0.5)
                placed.add(ref)


def _level(region: str, lex: Lexicon) -> int:
    """Administrative level by suffix: province 3, prefecture 2, county 1, township 0."""
    for level, suffixes in enumerate(lex.region_levels):
        if region.endswith(tuple(suffixes)):
            return level
    return len(lex.region_levels)


def _clause_neighbour(mentions: Sequence[Mention], pos: int, text: str, before: bool) -> Mention | None:
    """The nearest mention on one side of `pos` with no clause break between."""
    if before:
        candidates = [m for m in mentions if m.end <= pos and not _breaks(text[m.end : pos])]
        return max(candidates, key=lambda m: m.end, default=None)
    candidates = [m for m in mentions if m.start >= pos and not _breaks(text[pos : m.start])]
    return min(candidates, key=lambda m: m.start, default=None)


def _breaks(between: str) -> bool:
    return any(c in CLAUSE_BREAKS for c in between) or len(between) > 12


class AdoptStep:
    """A practice is adopted by the actor its sentence names before it, else by the document's own unit."""

    def __call__(self, draft: Draft) -> None:
        actor = _main_actor(draft)
        for p in (m for m in draft.mentions if m.type == "Practice"):
            subject = _subject(draft, p)
            head = (subject.type, subject.name) if subject else actor
            if head:
                draft.add_link("ADOPTS", head, ("Practice", p.name), p.sentence, 0.6 if subject else 0.4)


def _subject(draft: Draft, practice: Mention) -> Mention | None:
    """The sentence's subject before the practice: its first region, park or committee.

    Other bodies named before a practice are usually objects (`成立…协会,抓实“…”`), so an
    Organization counts only when it opens the sentence.
    """
    sentence = draft.sentences[practice.sentence]
    for m in sorted(draft.mentions, key=lambda m: m.start):
        if m.sentence != practice.sentence or m.end > practice.start or m.type not in ACTOR_TYPES:
            continue
        if m.type != "Organization" or m.start - sentence.start <= 2:
            return m
    return None


def _main_actor(draft: Draft) -> Ref | None:
    """Who the article is about: the region of its title, else its main park, else its main region."""
    title_regions = [m.name for m in draft.mentions if m.type == "Region" and m.sentence == 0]
    if title_regions:
        return ("Region", title_regions[-1])
    if draft.main_park:
        return ("Park", draft.main_park)
    return ("Region", draft.main_region) if draft.main_region else None


DEFAULT_STEPS: tuple[Step, ...] = (
    MentionStep(),
    NameStep(),
    UnitStep(),
    VariantStep(),
    PostStep(),
    TriggerStep(),
    ChainStep(),
    AdoptStep(),
    LocationStep(),
)


class Extractor:
    """Runs the steps over a normalized document and returns its facts."""

    def __init__(self, lexicon: Lexicon | None = None, steps: Sequence[Step] = DEFAULT_STEPS) -> None:
        self.lexicon = lexicon or load_lexicon()
        self.steps = tuple(steps)

    def extract(self, text: str, document: DocumentInfo) -> DocumentFacts:
        draft = Draft(text=text, sentences=split_sentences(text), lex=self.lexicon, title=document.title)
        for step in self.steps:
            step(draft)
        return _to_facts(draft, document)


def _to_facts(draft: Draft, document: DocumentInfo) -> DocumentFacts:
    lex = draft.lex
    entities: dict[Ref, EntityFact] = {}

    def entity(ref: Ref) -> EntityFact:
        type_, name = ref[0], lex.canonical(ref[1])
        key = (type_, name)
        if key not in entities:
            entities[key] = EntityFact(
                id=f"e{len(entities) + 1}", key=entity_key(type_, name), type=type_, name=name
            )
        return entities[key]

    for m in draft.mentions:
        fact = entity((m.type, m.name))
        surface = draft.text[m.start : m.end]
        for alias in m.aliases | ({surface} if m.surface_alias else set()):
            if alias != fact.name and alias not in fact.aliases and alias:
                fact.aliases.append(alias)
        span = Span(start=m.start, end=m.end, text=surface)
        if span not in fact.mentions:
            fact.mentions.append(span)
    relations: dict[tuple, RelationFact] = {}
    for link in draft.links:
        head, tail = entity(link.head), entity(link.tail)
        sent = draft.sentences[link.sentence]
        key = (link.type, head.id, tail.id, link.title)
        if key in relations:
            continue
        relations[key] = RelationFact(
            type=link.type,
            head=head.id,
            tail=tail.id,
            attributes={"title": link.title} if link.title else {},
            evidence=Span(start=sent.start, end=sent.end, text=sent.text),
            confidence=link.confidence,
        )
    return DocumentFacts(
        document=document,
        entities=list(entities.values()),
        relations=list(relations.values()),
        text=draft.text,
    )
