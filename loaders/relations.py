"""Steps that read relations: posts from titles, structure from trigger words and chains of duties,
adopted practices, and where units lie."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence

from parkgraph.loaders.draft import Draft, Ref, by_sentence
from parkgraph.loaders.gazetteer import PROVINCE, enclosing
from parkgraph.loaders.lexicon import Lexicon
from parkgraph.loaders.mentions import Mention, alternation, is_name_char
from parkgraph.loaders.names import PARTY_TYPES, is_generic_name, region_level
from parkgraph.loaders.structure import chain_end, is_regional_organ, region_entities
from parkgraph.loaders.units import short_park_name
from parkgraph.loaders.wordset import WordSet

CLAUSE_BREAKS = "，,；;。！？!?：:"
ACTOR_TYPES = ("Committee", "Organization", "Park", "Region")


class PostStep:
    """Posts from titles, one relation per title: `<org><title>、<org><title> <name>`,
    `<name>是<org>的<title>`, and the posts a following clause gives the same person
    (`他同时担任<org><title>和<org><title>`)."""

    def __call__(self, draft: Draft) -> None:
        orgs = ByEnd(m for m in draft.mentions if m.type not in ("Person", "Practice"))
        people = sorted((m for m in draft.mentions if m.type == "Person"), key=lambda m: m.start)
        people_by_end = ByEnd(people)
        for person in people:
            for holder, title in _posts(draft, orgs, people_by_end, person):
                _add_post(draft, person, holder, title)
        for person, holder, title in _continued_posts(draft, orgs, people):
            _add_post(draft, person, holder, title)


class ByEnd:
    """Mentions by where they end: a post's holder is looked for just before its title, so each look
    is a bisection rather than a scan of the document's every mention."""

    def __init__(self, mentions: Iterable[Mention]) -> None:
        self.items = sorted(mentions, key=lambda m: m.end)
        self.ends = [m.end for m in self.items]
        self._named: dict[tuple[str, str], ByEnd] = {}

    def ending_in(self, low: int, high: int) -> list[Mention]:
        """Mentions with `low <= end < high`."""
        return self.items[bisect_left(self.ends, low) : bisect_left(self.ends, high)]

    def named(self, type_: str, word: str) -> ByEnd:
        """Those of a type whose name ends with `word`, kept for the next title that asks."""
        if (type_, word) not in self._named:
            self._named[type_, word] = ByEnd(
                m for m in self.items if m.type == type_ and m.name.endswith(word)
            )
        return self._named[type_, word]


def _posts(draft: Draft, orgs: ByEnd, people: ByEnd, person: Mention) -> list[tuple[Mention | None, str]]:
    """The person's titles with the organization named before them, then the posts listed before those
    (`开发区工委书记兼管委会主任甲乙`, `县委常委、县委组织部部长甲乙`); titles with no organization of
    their own are held where the post before them is (`某公司董事长兼总经理甲乙`)."""
    if not person.titles or person.title_start is None:
        return []
    titles = list(person.titles)
    holder = _holder(orgs, person.title_start, person.title_start + len(titles[0]), draft.text)
    if holder and holder.end > person.title_start:
        titles[0] = titles[0][holder.end - person.title_start :]
    earlier = []
    if person.title_start < person.start:
        earlier = _earlier_posts(draft, orgs, holder.start if holder else person.title_start)
    if holder is None and earlier:
        holder = earlier[0][0]
    if holder is None:
        holder = _company_referred(draft, person.title_start)
    if holder is None:
        holder, titles[0] = _unnamed_holder(
            draft, orgs, people, titles[0], person.title_start, person.sentence
        )
    return [*((holder, title) for title in titles), *earlier]


def _unnamed_holder(
    draft: Draft, orgs: ByEnd, people: ByEnd, title: str, at: int, sentence: int
) -> tuple[Mention | None, str]:
    """Where a title with no organization right before it is held. One opening with a body's word
    (`党工委委员`, `支部书记`) is held in that body (see `_last_named`), the bare title being the post; any
    other in the organization named last before it in its clause, or in the body a bare body word there
    stands for (`由党工委另一位副书记甲乙`), unless another post comes between."""
    lex = draft.lex
    opening = next(
        ((t, w) for t, w in _body_words(lex) if title.startswith(w) and title[len(w) :] in lex.post_titles),
        None,
    )
    if opening:
        return _last_named(draft, orgs, *opening, at, sentence), title[len(opening[1]) :]
    clause = max(draft.text.rfind(c, 0, at) for c in _HOLDER_BREAKS) + 1
    named = max(
        (m for m in orgs.ending_in(clause, at + 1) if clause <= m.start), key=lambda m: m.end, default=None
    )
    end = named.end if named else clause
    bare = [
        (found + len(w), t, w)
        for t, w in _body_words(lex)
        if len(w) > 1 and (found := draft.text.rfind(w, end, at)) >= 0
    ]
    if bare:
        end, type_, word = max(bare, key=lambda b: (b[0], len(b[2])))
        named = _last_named(draft, orgs, type_, word, at, sentence)
    if any(t in draft.text[end:at] for t in lex.post_titles) and not _posts_only(draft, people, end, at):
        return None, title
    return named, title


def _posts_only(draft: Draft, people: ByEnd, start: int, end: int) -> bool:
    """`<body>书记甲乙、副书记丙丁`: what lies between a body and a later title is only other posts in it,
    each with its holder, joined by a list mark."""
    rest = draft.text[start:end]
    for m in people.ending_in(start, end + 1):
        if start <= m.start:
            rest = rest.replace(m.name, " ", 1)
    for title in draft.lex.post_titles:
        rest = rest.replace(title, " ")
    return rest.split() != [] and all(part in ("、", ",", "，") for part in rest.split())


def _body_words(lex: Lexicon) -> list[tuple[str, str]]:
    """(type, word) of the bodies posts are held in: Party bodies and other organizations."""
    return [(t, w) for t in (*PARTY_TYPES, "Organization") for w in lex.org_words.get(t, ())]


def _last_named(draft: Draft, orgs: ByEnd, type_: str, word: str, at: int, sentence: int) -> Mention | None:
    """The body of this type named with `word` last before `at` in its sentence, else the article's
    park's wherever the text names it (a document's `党工委` is its park's)."""
    named = orgs.named(type_, word)
    here = [m for m in named.ending_in(draft.sentences[sentence].start, at + 1) if m.sentence == sentence]
    if here:
        return max(here, key=lambda m: m.end)
    park = draft.main_park
    if not park:
        return None
    return min(
        (m for m in named.items if m.name.startswith(park)),
        key=lambda m: abs(m.start - at),
        default=None,
    )


_HOLDER_BREAKS = CLAUSE_BREAKS + "（() \u3000"
"""An organization named before a title holds it unless a bracket or a space (a caption, a new line)
or another post comes between them."""


_POST_JOINERS = ("兼任", "兼", "、")


def _earlier_posts(draft: Draft, orgs: ByEnd, pos: int) -> list[tuple[Mention | None, str]]:
    """Posts joined by `、` or `兼` before `pos`, each with the organization named before its title."""
    text, posts = draft.text, []
    while True:
        joiner = next((j for j in _POST_JOINERS if text.startswith(j, pos - len(j))), None)
        if not joiner:
            return posts
        end = pos - len(joiner)
        title = next((t for t in draft.lex.post_titles if text.startswith(t, end - len(t))), None)
        if not title:
            return posts
        holder = _holder(orgs, end - len(title), end, text)
        if holder and holder.end > end - len(title):
            title = text[holder.end : end]
        posts.append((holder, title))
        pos = holder.start if holder else end - len(title)


def _company_referred(draft: Draft, title_start: int) -> Mention | None:
    """`该公司负责人甲乙`: the enterprise last named before the title, when a back-reference precedes it."""
    anaphor = next(
        (a for a in draft.lex.company_anaphors if draft.text.startswith(a, title_start - len(a))), None
    )
    if not anaphor:
        return None
    named = [m for m in draft.mentions if m.type == "Enterprise" and m.end <= title_start - len(anaphor)]
    return max(named, key=lambda m: m.end, default=None)


def _holder(orgs: ByEnd, start: int, first_end: int, text: str, gap: int = 4) -> Mention | None:
    """The organization named right before a title that starts at `start`, or ending inside it
    (`管委会|主任`); never one before another post (`党工委书记兼|主任`)."""
    best = None
    for m in orgs.ending_in(start - gap, first_end):
        if m.start > start:
            continue
        if m.end < start and not all(is_name_char(c) and c != "兼" for c in text[m.end : start]):
            continue
        if best is None or (m.end, m.end - m.start) > (best.end, best.end - best.start):
            best = m
    return best


def _continued_posts(
    draft: Draft, orgs: ByEnd, people: Sequence[Mention]
) -> list[tuple[Mention, Mention | None, str]]:
    """`…甲乙主持,他同时担任<org><title>和<org><title>`: a clause opened by a pronoun or an adverb and a
    post verb gives the person last named, in its sentence or the one before, the posts it names."""
    lex, text, out = draft.lex, draft.text, []
    people_in = by_sentence(people)
    verbs = [re.compile(re.escape(verb)) for verb in lex.post_continuers]
    for si, sent in enumerate(draft.sentences):
        for verb in verbs:
            for hit in verb.finditer(sent.text):
                nearby = [*people_in.get(si - 1, ()), *people_in.get(si, ())]
                person = _continued_person(sent.text, sent.start, hit.start(), si, nearby)
                if not person:
                    continue
                bodies = [lex.org_word_set(t) for t in (*PARTY_TYPES, "Organization")]
                clause = (text, sent.start + hit.end(), sent.end, lex.post_title_set, bodies)
                for title, at in _clause_titles(*clause):
                    holder = _holder(orgs, at, at + len(title), text)
                    if holder and holder.end > at:
                        title = title[holder.end - at :]
                    out.append((person, holder, title))
    return out


_CONTINUING = "他她并还且又同时另也"
_OPENING = CLAUSE_BREAKS + "（("


def _continued_person(
    sentence: str, offset: int, verb: int, si: int, people: Sequence[Mention]
) -> Mention | None:
    """Whom a post verb at `verb` speaks of: the person named right before it (`甲乙同时担任`), or, after
    a pronoun or adverb (`,他同时担任`), the person last named in this or the previous sentence
    (`people`: those of the two sentences, in order)."""
    clause = max(sentence.rfind(c, 0, verb) for c in _OPENING) + 1
    pos = verb
    while pos > clause and sentence[pos - 1] in _CONTINUING:
        pos -= 1
    if pos > clause:
        return next((p for p in people if p.end == offset + pos), None)
    before = [p for p in people if p.end <= offset + verb and si - 1 <= p.sentence <= si]
    return before[-1] if before else None


_CLAUSE_ENDS = CLAUSE_BREAKS + "）)"


def _clause_titles(
    text: str, pos: int, end: int, titles: WordSet, bodies: Sequence[WordSet] = ()
) -> list[tuple[str, int]]:
    """Post titles in the clause from `pos`, leftmost and longest first, as (title, offset); a body's
    word is read whole, so the 委员 in `管理委员会` is no title."""
    out, i = [], pos
    while i < end and text[i] not in _CLAUSE_ENDS:
        title = titles.starting_at(text, i)
        written = (words.starting_at(text, i) for words in bodies)
        body = next((w for w in written if w and len(w) > len(title or "")), None)
        if body:
            i += len(body)
        elif title:
            out.append((title, i))
            i += len(title)
        else:
            i += 1
    return out


def _add_post(draft: Draft, person: Mention, holder: Mention | None, title: str) -> None:
    """One HOLDS_POST for one title, in the body the title itself names (`党委副书记`, `管委会主任`) when
    it names one, else where `_post_target` puts it."""
    if holder and holder.type in ("Organization", "Enterprise"):
        holder, title = _party_body_in_title(draft, holder, title)
    word = next((w for w in draft.lex.management_words if title.startswith(w)), None)
    if holder and word and title[len(word) :] in draft.lex.post_titles:
        target = _management_body(draft, _unit_of(draft, holder))
        title = title[len(word) :]
    else:
        target = _post_target(draft, holder, title)
    if target:
        draft.add_link("HOLDS_POST", ("Person", person.name), target, person.sentence, 0.8, title)


def _party_body_in_title(draft: Draft, holder: Mention, title: str) -> tuple[Mention, str]:
    """`市公安局政委、党委副书记`: a title that opens with a Party body's word, after a unit that is not one,
    is held in that unit's Party body, which the document thereby names (`市公安局党委`)."""
    lex = draft.lex
    for type_ in PARTY_TYPES:
        word = next((w for w in lex.org_words.get(type_, ()) if title.startswith(w)), None)
        if word and title[len(word) :] in lex.post_titles:
            body = Mention(holder.start, holder.end, type_, holder.name + word, holder.sentence)
            body.surface_alias = False
            draft.mentions.append(body)
            draft.add_link(
                "PARTY_ORG_OF", (type_, body.name), (holder.type, holder.name), holder.sentence, 0.7
            )
            return body, title[len(word) :]
    return holder, title


def _management_body(draft: Draft, park: Ref | None) -> Ref | None:
    """The park's management committee (`<park>管委会`), when the document names it."""
    words = draft.lex.management_words
    if park is None or park[0] != "Park":
        return None
    return next(
        (
            (m.type, m.name)
            for m in draft.mentions
            if m.type == "Organization" and m.name.startswith(park[1]) and m.name.endswith(words)
        ),
        None,
    )


def _unit_of(draft: Draft, holder: Mention) -> Ref:
    """The unit a Party body is the organization of (`园区党工委` → the park), or the holder itself."""
    ref = (holder.type, holder.name)
    return next((link.tail for link in draft.links if link.type == "PARTY_ORG_OF" and link.head == ref), ref)


def _post_target(draft: Draft, holder: Mention | None, title: str) -> Ref | None:
    """Where a title is held: a head of a region (`区长`) in the region, a corporate title in the company
    (or the park) a Party body belongs to, any other title in the organization named before it."""
    lex = draft.lex
    level = title.removeprefix("常务").removeprefix("副").removesuffix("长")
    if title.endswith("长") and level in lex.org_words.get("Region", ()):
        if holder and holder.type == "Region":
            return (holder.type, holder.name)
        region = draft.main_region
        return ("Region", region) if region and region.endswith(level) else None
    if not holder or holder.type == "Region":
        return None
    if holder.type == "Park" and title.endswith("主任"):
        return _management_body(draft, (holder.type, holder.name)) or (holder.type, holder.name)
    if title in lex.corporate_titles and holder.type != "Enterprise":
        inner = next((m for _, m in holder.parts if m.type == "Enterprise"), None)
        if inner:
            return (inner.type, inner.name)
        unit = _unit_of(draft, holder)
        if unit[0] in ("Enterprise", "Park"):
            return unit
    return (holder.type, holder.name)


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
        mentions = by_sentence(m for m in draft.mentions if m.type not in ("Person", "Practice"))
        triggers = WordSet(relations_of)
        for si, sent in enumerate(draft.sentences):
            in_sent = mentions[si]
            for trigger, start in _trigger_hits(sent.text, triggers, relations_of):
                relations = relations_of[trigger]
                pos = sent.start + start
                # a trigger inside a name (`甲工业园区内`) is none
                inside = any(m.start < pos < m.end for m in in_sent)
                left = _clause_neighbour(in_sent, pos, draft.text, before=True)
                right = _clause_neighbour(in_sent, pos + len(trigger), draft.text, before=False)
                if right and "LOCATED_IN" in relations:
                    right = chain_end(in_sent, right)
                if left and right and not inside:
                    self._link(draft, trigger, relations, left, right, si)

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


def _trigger_hits(text: str, triggers: WordSet, order: Mapping[str, object]) -> list[tuple[str, int]]:
    """(trigger, start) of the triggers written in `text`, in `order`'s order, then left to right; a
    trigger's later hit that overlaps its earlier one is none (as `str.find` from its end reads it)."""
    starts: dict[str, list[int]] = {}
    for start, word in triggers.find_all(text):
        starts.setdefault(word, []).append(start)
    hits = []
    for trigger in (t for t in order if t in starts) if starts else ():
        free = 0
        for start in starts[trigger]:
            if start >= free:
                hits.append((trigger, start))
                free = start + len(trigger)
    return hits


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
        mentions = by_sentence(draft.mentions)
        for si in range(len(draft.sentences)):
            chain: list[tuple[Mention, int, int]] = []
            for m in sorted(mentions[si], key=lambda m: m.start):
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
    """In an article about one park, its enterprises, and the bodies it names in the park's context
    (not the organs of the park or of a region's committee or government), lie in that park; a park it names
    more than once in passing is part of it; regions one level below the article's region lie in it."""

    def __call__(self, draft: Draft) -> None:
        lex = draft.lex
        placed = {
            link.head for link in draft.links if link.type in ("LOCATED_IN", "PART_OF", "SUBORDINATE_TO")
        }
        regions = region_entities(draft)
        named = Counter(m.name for m in draft.mentions)
        home = _sole_sub_park(draft, named) if draft.main_park else None
        for m in draft.mentions:
            ref = (m.type, m.name)
            if ref in placed:
                continue
            if (
                m.type in ("Enterprise", "Organization", "Park")
                and draft.main_park
                and short_park_name(m.name, lex) != short_park_name(draft.main_park, lex)
                and not is_regional_organ(m, lex)
                and not _park_organ(m, draft.main_park, lex)
                and not (m.type != "Park" and is_generic_name(m.name, m.type, lex))
            ):
                in_context = _in_park_context(draft, m, draft.main_park)
                sub_park = m.type == "Park" and m.name.endswith(lex.vocabulary.generic_words("Park"))
                if sub_park and named[m.name] < 2:
                    continue
                if in_context or m.type == "Enterprise":
                    relation = "PART_OF" if sub_park else "LOCATED_IN"
                    park = home if home and m.type == "Enterprise" else draft.main_park
                    draft.add_link(relation, ref, ("Park", park), m.sentence, 0.5)
                    placed.add(ref)
            elif (
                m.type == "Region"
                and draft.main_region in regions
                and _directly_under(m.name, draft.main_region, regions, lex)
            ):
                draft.add_link("LOCATED_IN", ref, ("Region", draft.main_region), m.sentence, 0.5)
                placed.add(ref)


def _directly_under(region: str, main: str, regions: set[str], lex: Lexicon) -> bool:
    """Whether `region` lies right below the article's region: one level below it by its name's level
    word, or, for a county-level city (`甲市` in `乙市`), whose level word is a city's, by the gazetteer."""
    if region_level(region, lex) == region_level(main, lex) - 1:
        return True
    up = enclosing().get(region, ())
    return bool(up) and up[0] == main


def _in_park_context(draft: Draft, m: Mention, park: str) -> bool:
    """Whether the sentence speaks of the park where it names `m`: an enterprise or a part of the park
    needs only the park or a park word there; a body (an association, an office, a visiting organ) needs
    a word of place (`园区内`, `入驻`, `辖区`) or the park forming it (`园区成立了…协会`), since a park
    article names many bodies that run, visit or serve the park without lying in it."""
    lex = draft.lex
    sentence = draft.sentences[m.sentence]
    triggers = lex.triggers.get("LOCATED_IN", ())
    words = (park, *lex.vocabulary.generic_words("Park"))
    if m.type != "Organization":
        return any(w in sentence.text for w in (*words, *triggers))
    if any(w in sentence.text for w in triggers):
        return True
    verbs = (*lex.structure.get("formation", ()), *lex.structure.get("sets_up", ()))
    before = sentence.text[: m.start - sentence.start]
    formed = re.compile(f"(?<![在于])(?:{alternation(words)})(?:{alternation(verbs)})")
    return bool(verbs and formed.search(before))


def _sole_sub_park(draft: Draft, named: Counter[str]) -> str | None:
    """The one part of the article's park it names more than once (`乙园区` in an article on `甲经开区`):
    the article is then about that part, and its enterprises lie there; of two such parts, or of a park named
    as often as the article's own (a rival, not a part), it says nothing."""
    lex = draft.lex
    main = short_park_name(draft.main_park or "", lex)
    main_count = sum(n for name, n in named.items() if short_park_name(name, lex) == main)
    parts = {
        m.name
        for m in draft.mentions
        if m.type == "Park"
        and not m.generic
        and 2 <= named[m.name] < main_count
        and short_park_name(m.name, lex) != main
        and m.name.endswith(lex.vocabulary.generic_words("Park"))
    }
    return parts.pop() if len(parts) == 1 else None


def _park_organ(m: Mention, park: str, lex: Lexicon) -> bool:
    """`甲经开区管委会`, `甲经开区党群工作部`: a body named after the park is its organ, which runs the park
    rather than lying in it (like a region's organs, see `is_regional_organ`)."""
    return m.type == "Organization" and m.name.startswith((park, short_park_name(park, lex)))


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
        mentions = by_sentence(draft.mentions)
        committees: defaultdict[Ref, set[Ref]] = defaultdict(set)
        for link in draft.links:
            if link.type == "PARTY_ORG_OF" and link.head[0] == "Committee":
                committees[link.tail].add(link.head)
        for p in (m for m in draft.mentions if m.type == "Practice"):
            subject = _subject(draft, p, mentions)
            written = subject and draft.text[subject.start : subject.end] == subject.name
            head = (subject.type, subject.name) if written else _party_body_of(committees, subject, actor)
            if head:
                draft.add_link("ADOPTS", head, ("Practice", p.name), p.sentence, 0.6 if subject else 0.4)


def _party_body_of(
    committees: Mapping[Ref, set[Ref]], subject: Mention | None, actor: Ref | None
) -> Ref | None:
    """A park's Party-building is its Party committee's: a practice that the park the article is about
    adopts, where the sentence does not name the park (`园区…`, no subject), is adopted by the one
    committee the document names as the park's Party organization (`committees`: by unit)."""
    unit = (subject.type, subject.name) if subject else actor
    if unit is None or unit[0] != "Park":
        return unit
    bodies = committees.get(unit, set())
    return next(iter(bodies)) if len(bodies) == 1 else unit


_OPENER_TYPES = ("Organization", "Branch", "Enterprise")
_QUOTES = "“”\"'《》 \u3000"
_BACK_REFERENCES = ("它", "其", "该")


def _subject(draft: Draft, practice: Mention, mentions: Mapping[int, list[Mention]]) -> Mention | None:
    """The sentence's subject before the practice: its first region below a province, park or committee,
    or the more specific unit named right after it (`北京市|房山区商会党委`, `地处某州的|某市`); a sentence
    opening with `它` or `该…` speaks of the previous sentence's subject.

    Other bodies named before a practice are usually objects (`成立…协会,抓实“…”`,
    `以党群服务中心为依托`), so an organization, branch or enterprise counts only when it opens
    the sentence (`甲公司党支部推行“…”机制`).
    """
    sentence = draft.sentences[practice.sentence]
    in_sentence = sorted(
        (m for m in mentions[practice.sentence] if m.end <= practice.start),
        key=lambda m: m.start,
    )
    actors = [m for m in in_sentence if _can_open(draft, m, sentence.start)]
    subject = next((m for m in actors if _opens_clause(draft, m)), actors[0] if actors else None)
    while subject and (following := _next_unit(draft.text, subject, in_sentence)):
        subject = following
    if subject is None and sentence.text.startswith(_BACK_REFERENCES) and practice.sentence > 0:
        previous = mentions[practice.sentence - 1]
        start = draft.sentences[practice.sentence - 1].start
        subject = next(
            (m for m in sorted(previous, key=lambda m: m.start) if _can_open(draft, m, start)), None
        )
    return subject or _paragraph_subject(draft, practice.sentence, mentions)


PARAGRAPH_REACH = 8
"""How many sentences back a paragraph's opening unit is looked for: a page without line breaks is
one paragraph, and its every practice should not walk back to the page's start."""


def _paragraph_subject(draft: Draft, index: int, mentions: Mapping[int, list[Mention]]) -> Mention | None:
    """A sentence that names no actor goes on with its paragraph's: the unit opening the nearest
    earlier sentence of the same paragraph (`甲开发区针对…。高度关注新兴领域,…抓实“…”`)."""
    stop = max(0, index - PARAGRAPH_REACH)
    while (
        index > stop and "\n" not in draft.text[draft.sentences[index - 1].end : draft.sentences[index].start]
    ):
        index -= 1
        start = draft.sentences[index].start
        opening = [m for m in mentions[index] if m.start == start and m.type in ACTOR_TYPES]
        if opening and _can_open(draft, opening[0], start):
            return opening[0]
    return None


_MODIFYING = re.compile(r"(?:[(（][^()（）]*[)）])?的?")
"""Between a unit and the unit it qualifies: `北京市|房山区…`, `昌吉州(新疆)的|阜康市`."""


def _next_unit(text: str, subject: Mention, mentions: Sequence[Mention]) -> Mention | None:
    """The unit right after `subject` that it only qualifies (its place, then the unit itself)."""
    units = (m for m in mentions if m.start >= subject.end and m.type in (*ACTOR_TYPES, *_OPENER_TYPES))
    return next((m for m in units if _MODIFYING.fullmatch(text, subject.end, m.start)), None)


def _can_open(draft: Draft, m: Mention, sentence_start: int) -> bool:
    """Whether `m` may be the subject of its sentence (see `_subject`)."""
    if m.type in _OPENER_TYPES:
        before = draft.text[sentence_start : m.start]
        clause = max(before.rfind(c) for c in CLAUSE_BREAKS) + 1
        return not before[clause:].strip(_QUOTES)
    if m.type == "Region":
        return not _is_province(m.name, draft.lex)
    return m.type in ACTOR_TYPES


def _is_province(name: str, lex: Lexicon) -> bool:
    """A province-level region (`四川省`, `北京市`): too wide to be the unit a local practice belongs to."""
    return lex.gazetteer.full.get(name) == PROVINCE or region_level(name, lex) >= len(lex.region_levels) - 1


def _main_actor(draft: Draft) -> Ref | None:
    """Who the article is about: the region of its title below a province, else the unit that most often
    opens a sentence or clause, else its main park; never a whole province."""
    lex = draft.lex
    title_regions = [
        m.name
        for m in draft.mentions
        if m.type == "Region" and m.sentence == 0 and not _is_province(m.name, lex)
    ]
    if title_regions:
        return ("Region", title_regions[-1])
    subjects = Counter(
        (m.type, m.name)
        for m in draft.mentions
        if m.type in ("Region", "Park", "Committee")
        and not (m.type == "Region" and _is_province(m.name, lex))
        and _opens_clause(draft, m)
    )
    if subjects:
        return subjects.most_common(1)[0][0]
    if draft.main_park:
        return ("Park", draft.main_park)
    main = draft.main_region
    return ("Region", main) if main and not _is_province(main, lex) else None


def _opens_clause(draft: Draft, m: Mention) -> bool:
    sentence = draft.sentences[m.sentence]
    return m.start == sentence.start or draft.text[m.start - 1] in CLAUSE_BREAKS
