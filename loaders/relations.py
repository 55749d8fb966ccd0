"""Steps that read relations: posts from titles, structure from trigger words and chains of duties,
adopted practices, and where units lie. Each returns the links it finds (a `RelationStage`), save
`PostStep`, which also adds the bodies its titles name to the draft's mentions (an `Edit`)."""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence

from parkgraph.loaders.draft import Draft, Edit, Link, Ref, allowed_links, by_sentence, working_copy
from parkgraph.loaders.gazetteer import enclosing
from parkgraph.loaders.groups import ROLES, document_group
from parkgraph.loaders.lexicon import Lexicon
from parkgraph.loaders.mentions import (
    DESCRIPTION_AFTER_POSTS,
    PART_PARK_WORDS,
    SHORT_PARK,
    Mention,
    alternation,
    is_name_char,
)
from parkgraph.loaders.names import (
    PARTY_TYPES,
    UNIT_TYPES,
    building_before,
    is_bare_unit,
    is_generic_name,
    is_province,
    region_level,
    region_prefix,
    short_park_name,
    split_regions,
)
from parkgraph.loaders.structure import (
    COMMAS,
    WORD_JOINERS,
    chain_end,
    is_regional_organ,
    listed_run,
    region_entities,
    run_start,
    visited_or_partner,
)
from parkgraph.loaders.units import PARK_BODY_WORDS
from parkgraph.loaders.wordset import WordSet

CLAUSE_BREAKS = "，,；;。！？!?：:"
ACTOR_TYPES = ("Committee", "Organization", "Park", "Region")


class PostStep:
    """Posts from titles, one relation per title: `<org><title>、<org><title> <name>`,
    `<name>是<org>的<title>`, and the posts a following clause gives the same person
    (`他同时担任<org><title>和<org><title>`)."""

    def __call__(self, draft: Draft) -> Edit:
        work = working_copy(draft)
        self._rewrite(work)
        return Edit.made(draft, work)

    def _rewrite(self, draft: Draft) -> None:
        orgs = ByEnd(m for m in draft.mentions if m.type not in ("Person", "Practice"))
        people = sorted((m for m in draft.mentions if m.type == "Person"), key=lambda m: m.start)
        people_by_end = ByEnd(people)
        grouped = document_group(draft) is not None
        for i, person in enumerate(people):
            if grouped and _role_label(draft, person):
                continue  # `副书记:甲乙` in a notice forming a body: a post in that body (`groups.py`)
            posts = _posts(draft, orgs, people_by_end, person)
            sharing = _listed_before(draft, people[:i], person) if posts else []
            for holder, title in posts:
                for one in (*sharing, person):
                    _add_post(draft, one, holder, title)
        for person, holder, title in _continued_posts(draft, orgs, people):
            _add_post(draft, person, holder, title)
        for i, person in enumerate(people):
            filled = _filled_posts(draft, orgs, person)
            # `副主任由甲乙、丙丁同志担任`: the names listed before the last fill the post too
            sharing = _joined_before(draft, people[:i], person) if filled else []
            for holder, title in filled:
                for one in (*sharing, person):
                    _add_post(draft, one, holder, title)
        for person, holder, title in _counted_members(draft, orgs, people):
            _add_post(draft, person, holder, title)
        for person in people:
            _posts_at_place(draft, orgs, person)
        for person in people:
            for holder, title in _posts_past_honour(draft, orgs, person):
                _add_post(draft, person, holder, title)
        for person, holder, title in _posts_as(draft, orgs, people):
            _add_post(draft, person, holder, title)


_NAME_JOINERS = ("、", "和", "与")
_AS_MEMBER = re.compile(r"作为(?:[^，,。；;]{0,40}?)的(?:一名|一位|一个)?(?P<title>[^，,。；;的]{1,6})[，,]")
"""`作为甲联合党支部的一名党员,`: the post a clause opening a sentence says its subject holds."""


def _posts_as(draft: Draft, orgs: ByEnd, people: Sequence[Mention]) -> list[tuple[Mention, Mention, str]]:
    """`作为甲联合党支部的一名党员,乙公司设计师丙丁深有感触`: a clause opening its sentence with 作为 gives
    the first person the sentence then names the post it states, in the body named before its 的."""
    out = []
    for person in people:
        sentence = draft.sentences[person.sentence]
        m = _AS_MEMBER.match(draft.text, sentence.start, person.start)
        title = m.group("title") if m else ""
        if not m or title not in draft.lex.post_titles:
            continue
        body_end = draft.text.rfind("的", m.start(), m.start("title"))
        holder = next((o for o in orgs.ending_in(body_end, body_end + 1) if o.end == body_end), None)
        first = next((p for p in people if p.sentence == person.sentence and p.start > m.end()), None)
        if holder is not None and first is person:
            out.append((person, holder, title))
    return out


def _role_label(draft: Draft, person: Mention) -> bool:
    """Whether the person's title is a role label opening its line (`副书记:甲乙`)."""
    start = person.title_start
    if start is None or start > person.start or not person.titles or person.titles[0] not in ROLES:
        return False
    return draft.text[draft.text.rfind("\n", 0, start) + 1 : start].strip() == ""


_COUNTED_TITLE = re.compile(r"(?:等)?[两二三四五六七八九十0-9]+(?:名|位)")
"""`甲公司的乙、丙两名女工`: the count of the people listed, before the title they share."""


def _counted_members(
    draft: Draft, orgs: ByEnd, people: Sequence[Mention]
) -> list[tuple[Mention, Mention, str]]:
    """`甲公司的乙、丙两名女工`: people listed after a unit and `的`, counted with a title, hold it there."""
    text, out = draft.text, []
    i = 0
    while i < len(people):
        run = [people[i]]
        while i + len(run) < len(people) and text[run[-1].end : people[i + len(run)].start] in _NAME_JOINERS:
            run.append(people[i + len(run)])
        i += len(run)
        counted = _COUNTED_TITLE.match(text, run[-1].end)
        title = counted and next(
            (t for t in draft.lex.post_titles if text.startswith(t, counted.end())), None
        )
        first = run[0].start
        unit = next((m for m in orgs.ending_in(first - 1, first) if m.end == first - 1), None)
        if title and unit and text[first - 1] == "的":
            out += [(person, unit, title) for person in run]
    return out


def _listed_before(draft: Draft, earlier: Sequence[Mention], person: Mention) -> list[Mention]:
    """`甲乙、丙丁当选某党委委员`: the names listed right before a person whose post follows the name, and
    that have no title of their own, share that post."""
    if person.title_start is None or person.title_start < person.end:
        return []
    return _joined_before(draft, earlier, person)


def _joined_before(draft: Draft, earlier: Sequence[Mention], person: Mention) -> list[Mention]:
    """The names with no title of their own listed right before `person` (`甲乙、丙丁`); a title read
    for the whole list (`副主任由|甲乙、丙丁`) is none of the first name's own."""
    listed, start = [], person.start
    for before in reversed(earlier):
        own_title = before.titles and before.title_start != person.title_start
        if own_title or draft.text[before.end : start] not in _NAME_JOINERS:
            break
        listed.append(before)
        start = before.start
    return listed


_HONOUR = re.compile(f"{DESCRIPTION_AFTER_POSTS}$")
"""`…书记、全国劳动模范|甲乙`, `…董事长、“最美职工”|甲乙`: an honour or a description listed after the posts,
right before the name."""


def _posts_past_honour(draft: Draft, orgs: ByEnd, person: Mention) -> list[tuple[Mention | None, str]]:
    """`某公司党支部书记、全国劳动模范甲乙`: a person named with no title of its own (or only a plain
    noun's, as in `优秀共产党员`), after a description listed after a chain of posts, holds those posts."""
    text = draft.text
    start = max(0, person.start - 11)
    honour = _HONOUR.search(text, start, person.start)
    if honour is None:
        return []
    if person.titles and not (
        person.title_start is not None
        and person.title_start > honour.start() + 1
        and all(t in draft.lex.weak_titles for t in person.titles)
    ):
        return []
    words = text[honour.start() + 1 : person.start].strip('“”"')
    lex = draft.lex
    title = lex.post_title_set.ending_at(words, len(words))
    if (title and (title not in lex.weak_titles or title == words)) or lex.org_word_set(
        *lex.org_words
    ).ending_at(words, len(words)):
        # `…书记、副主任甲乙` is a chain of posts, read elsewhere; `优秀共产党员` is an honour
        return []
    return _earlier_posts(draft, orgs, honour.start() + 1)


_FILLING = ("兼任", "担任", "出任", "兼")
_STATING = ("为", "是")
"""Joiners of `<post>为<titles><name>`, a post stated as filled when the clause ends with the name."""
_POST_NOUN = "一职"
"""`某党工委书记一职由甲乙兼任`: the word for the post, between its title and `由`."""
MAX_FILLER = 30
"""How far before a person's name the `由` of `<post>由<titles><name>兼任` may stand (a company's name and a
post between)."""


def _filled_posts(draft: Draft, orgs: ByEnd, person: Mention) -> list[tuple[Mention | None, str]]:
    """`甲公司党支部书记由乙丙(同志)兼任`, `…由公司董事长乙丙兼任`, and, where the clause ends with the name,
    `甲公司党支部书记为(是)公司副总经理乙丙`: a post named before `由` (`为`, `是`) is filled by the person
    after it (and the titles before the person's name)."""
    text = draft.text
    after = person.end + (2 if text.startswith("同志", person.end) else 0)
    if headed := _body_headed_by(draft, orgs, person, after):
        return [headed]
    if text.startswith(_FILLING, after):
        joiners: tuple[str, ...] = ("由",)
    elif after == len(text) or text[after] in CLAUSE_BREAKS:
        joiners = _STATING
    else:
        return []
    end = max(text.rfind(j, max(0, person.start - MAX_FILLER), person.start) for j in joiners)
    if end < 0 or any(c in CLAUSE_BREAKS for c in text[end : person.start]):
        return []
    end -= len(_POST_NOUN) if text.startswith(_POST_NOUN, end - len(_POST_NOUN)) else 0
    title = next((t for t in draft.lex.post_titles if text.startswith(t, end - len(t))), None)
    if title is None:
        return []
    holder = _holder(orgs, end - len(title), end, text) or _named_before_clause(
        draft, orgs, end - len(title), title
    )
    if holder is None and (subject := _subject_by_word(draft, orgs, end, person.sentence)):
        holder, word = subject
        title = title.removeprefix(word) or title
    if holder is None and (bare := _bare_body_holder(draft, orgs, title, end - len(title), person.sentence)):
        holder, title = bare
    if holder is None:
        return []
    if holder.end > end - len(title):
        title = text[holder.end : end]
    return [(holder, title), *_earlier_posts(draft, orgs, holder.start)]


def _bare_body_holder(
    draft: Draft, orgs: ByEnd, title: str, at: int, sentence: int
) -> tuple[Mention, str] | None:
    """`支部书记由…担任`: the body a bare body word in or right before a title stands for (`_last_named`),
    with the title less that word."""
    if opening := _title_opening(draft.lex, title):
        body = _last_named(draft, orgs, *opening, at, sentence)
        return (body, title[len(opening[1]) :]) if body else None
    words = [(t, w) for t, w in _body_words(draft.lex) if len(w) > 1]
    before = next((tw for tw in words if draft.text.startswith(tw[1], at - len(tw[1]))), None)
    body = _last_named(draft, orgs, *before, at - len(before[1]), sentence) if before else None
    return (body, title) if body else None


_TAKING_POST = ("担任", "兼任", "出任", "任")


def _body_headed_by(draft: Draft, orgs: ByEnd, person: Mention, after: int) -> tuple[Mention, str] | None:
    """`甲产业链党委由乙公司党委书记丙丁任书记`: the body right before `由` takes the person after it
    (whatever titles stand between) into the post named after the verb."""
    text = draft.text
    verb = next((v for v in _TAKING_POST if text.startswith(v, after)), None)
    if verb is None:
        return None
    title = next((t for t in draft.lex.post_titles if text.startswith(t, after + len(verb))), None)
    by = text.rfind("由", max(0, person.start - MAX_FILLER), person.start)
    if title is None or by < 1 or any(c in CLAUSE_BREAKS for c in text[by : person.start]):
        return None
    holder = next((m for m in orgs.ending_in(by, by + 1) if m.end == by), None)
    return (holder, title) if holder else None


def _named_before_clause(draft: Draft, orgs: ByEnd, start: int, title: str) -> Mention | None:
    """`设立甲综合党委,书记由乙担任`: a post whose clause opens with its title belongs to the body that ends
    the clause before it, a Party body for a Party title; after a clause of belonging, to the body that
    opens it."""
    text = draft.text
    if start < 1 or text[start - 1] not in "，,":
        return None
    party = title.endswith(("书记", "委员"))
    ending = next(
        (m for m in orgs.ending_in(start - 1, start) if (m.type in PARTY_TYPES or not party)),
        None,
    )
    opening = max(text.rfind(c, 0, start - 1) for c in CLAUSE_BREAKS) + 1
    belonging = tuple(w for w in draft.lex.passive_triggers if w.startswith(("隶属", "归属")))
    if ending and text.endswith(belonging, 0, ending.start):
        # `甲产业链党委隶属乙镇党委,书记由丙担任`: the body that belongs, not the one it belongs to; where
        # the clause of belonging has no subject (`甲党委成立,隶属乙,书记由丙兼任`), the clause before's
        subject = next((m for m in orgs.ending_in(opening, ending.start) if m.start == opening), None)
        if subject is None and text.startswith(belonging, opening):
            before = max(text.rfind(c, 0, opening - 1) for c in CLAUSE_BREAKS) + 1
            opened = [m for m in orgs.ending_in(before, opening - 1) if m.start == before]
            subject = max(opened, key=lambda m: m.end, default=None)
        return subject if subject and (subject.type in PARTY_TYPES or not party) else ending
    if ending:
        return ending
    # `甲党委书记由乙担任,副书记由丙兼任`: the post before was filled in the same body
    before = _FILLED_CLAUSE.fullmatch(text, opening, start - 1)
    if not before:
        return None
    return next(
        (
            m
            for m in orgs.ending_in(opening, before.start(1) + 1)
            if m.start == opening and (m.type in PARTY_TYPES or not party)
        ),
        None,
    )


def _subject_by_word(draft: Draft, orgs: ByEnd, end: int, sentence: int) -> tuple[Mention, str] | None:
    """`甲联合党支部由…组建,支部书记由乙担任`: a clause ending at `end` (its `由`) that opens with the bare
    word of the Party body opening the sentence (`支部`, `党委`) speaks of that body; with the word."""
    text = draft.text
    opening = max(text.rfind(c, 0, end) for c in CLAUSE_BREAKS) + 1
    word = draft.lex.org_word_set(*PARTY_TYPES).starting_at(text, opening, end)
    first = draft.sentences[sentence].start
    if not word or opening <= first:
        return None
    body = next(
        (
            m
            for m in orgs.ending_in(first, opening)
            if m.start == first and m.type in PARTY_TYPES and m.name.endswith(word)
        ),
        None,
    )
    return (body, word) if body else None


_FILLED_CLAUSE = re.compile(r"[^，,。；;]+?(书记|副书记|委员|主任|会长)由[^，,。；;]+(?:兼任|担任|出任)")
"""A clause naming who fills a post in the body that opens it (`甲党委书记由乙担任`)."""


_GOING = re.compile(r"(?:[(（][^()（）\n]{0,40}[)）])?[,，:：]?(?:去|到|赴|回到|回|来到|在)")
"""After a name (and a bracket stating a post, `甲乙(某公司董事长),`): a verb of going to a place."""
_SERVING = ("既任", "又任", "担任", "出任", "兼任", "任", "当")
_GRASSROOTS = ("村", "嘎查", "社区")
"""Places a post is held in by name (`村第一书记`): villages and communities, with no organ of their own
in the text."""
_SEAT_WORDS = ("村委会", "居委会", "村委", "居委")
"""A village's or community's own committee: its 主任 holds the post in the place."""


def _posts_at_place(draft: Draft, orgs: ByEnd, person: Mention) -> None:
    """`甲乙(某公司董事长),去某镇某村当“第一书记”`, `甲乙:在某社区既任党支部书记,又任居委会主任`: a person
    going to (or in) a village or community and serving there holds the posts the clause names: a
    Party body's title in that place's Party body, any other in the place."""
    text = draft.text
    going = _GOING.match(text, person.end)
    if not going:
        return
    place = max(
        (
            m
            for m in orgs.ending_in(going.end() + 2, going.end() + 30)
            if m.start >= going.end() and m.name.endswith(_GRASSROOTS) and text.startswith(_SERVING, m.end)
        ),
        key=lambda m: m.end,
        default=None,
    )
    if place is None:
        return
    place = _own_place(draft, place)
    sentence_end = draft.sentences[person.sentence].end
    end = next((i for i in range(place.end, sentence_end) if text[i] in "。；;"), sentence_end)
    bodies = [draft.lex.org_word_set(t) for t in PARTY_TYPES]
    pos = place.end
    while pos < end:
        verb = next((v for v in _SERVING if text.startswith(v, pos)), None)
        if verb is None:
            pos += 1
            continue
        at = pos + len(verb) + (1 if text.startswith("“", pos + len(verb)) else 0)
        seat = next((w for w in _SEAT_WORDS if text.startswith(w, at)), "")
        word = next((w for ws in bodies if (w := ws.starting_at(text, at))), None) if not seat else None
        title = draft.lex.post_title_set.starting_at(text, at + len(seat) + len(word or ""))
        if title:
            _add_place_post(draft, person, place, word, title)
        pos = at + 1


_PLACE_LEVELS = ("办事处", "街道", "镇", "乡")
"""Levels above a village or community that a name read too far left may still hold (`某镇某村`)."""


def _own_place(draft: Draft, place: Mention) -> Mention:
    """The village or community itself, after the last level word above it that its name holds
    (`某街道办事处某社区` → `某社区`); the name when it holds none."""
    found = ((place.name.rfind(w, 0, len(place.name) - 3), w) for w in _PLACE_LEVELS)
    cut = max((at + len(w) for at, w in found if at >= 0), default=0)
    if cut <= 0 or len(place.name) - cut < 3:
        return place
    own = Mention(place.start + cut, place.end, place.type, place.name[cut:], place.sentence)
    draft.mentions.append(own)
    return own


def _add_place_post(draft: Draft, person: Mention, place: Mention, word: str | None, title: str) -> None:
    """The post in the place, or in the place's Party body its title opens with (`党支部书记`)."""
    target = (place.type, place.name)
    if word:
        type_ = next(t for t in PARTY_TYPES if word in draft.lex.org_words.get(t, ()))
        body = Mention(place.start, place.end, type_, place.name + word, place.sentence)
        body.surface_alias = False
        draft.mentions.append(body)
        draft.add_link("PARTY_ORG_OF", (type_, body.name), target, place.sentence, 0.7)
        target = (type_, body.name)
    draft.add_link("HOLDS_POST", ("Person", person.name), target, person.sentence, 0.8, title)


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
    their own are held where the post before them is (`某公司董事长兼总经理甲乙`); after the name, the
    titles joined to its stated post (`甲乙现任某公司党支部书记、董事长`)."""
    if not person.titles or person.title_start is None:
        return []
    titles, at_title = list(person.titles), person.title_start
    holder = _holder(orgs, at_title, at_title + len(titles[0]), draft.text)
    if holder and holder.end > person.title_start:
        titles[0] = titles[0][holder.end - person.title_start :]
    elif holder and _party_word(draft.lex, draft.text[holder.end : person.title_start]):
        # `某管理局党委专职副书记甲乙`: the Party body's word the title is written after is part of it
        titles[0] = draft.text[holder.end : person.title_start] + titles[0]
    elif holder and holder.type == "Enterprise" and _section_between(draft.text, holder.end, at_title):
        # `某公司质量部经理甲乙`: the company's section is part of the title
        titles[0] = draft.text[holder.end : person.title_start] + titles[0]
    at = holder.start if holder else person.title_start
    if company := _company_listed_before(draft, orgs, people, at, person.title_start + len(titles[0])):
        holder, titles[0] = company, draft.text[at : person.title_start] + titles[0]
    earlier = []
    bare_word = None if holder else _bare_word_before(draft, person.title_start)
    if person.title_start < person.start:
        bare = None if holder else _bare_unit_body(draft, orgs, person.title_start)
        bare = bare or (None if holder else _company_section(draft, orgs, person.title_start))
        if bare:
            holder, earlier = bare
            if holder.type == "Enterprise":
                titles[0] = _section_before(draft.text, person.title_start) + titles[0]
        else:
            start = holder.start if holder else (bare_word or person.title_start)
            earlier = _company_chain(draft, *_earlier_chain(draft, orgs, start), person)
    if holder is None and bare_word is not None and earlier:
        # `甲商会党委书记、商会会长乙丙`: the bare word names its own body, not the post before's
        start, sentence = person.title_start, person.sentence
        holder, titles[0] = _unnamed_holder(draft, orgs, people, titles[0], start, sentence)
    if holder is None and earlier:
        holder = earlier[0][0]
    if holder is None and person.title_start < person.start:
        holder = _bracketed_body(draft, orgs, person)
    if holder is None and (referred := _company_referred(draft, person.title_start, person.sentence)):
        holder, anaphor = referred
        if not earlier:
            earlier = [(h, t) for h, t in _earlier_posts(draft, orgs, anaphor) if h] or _bare_posts_before(
                draft, orgs, people, anaphor, person.sentence
            )
        holder = _company_of_post_before(draft, earlier) or holder
    if holder is None and _addressed(people, person):
        return []
    if holder is None:
        holder, titles[0] = _unnamed_holder(
            draft, orgs, people, titles[0], person.title_start, person.sentence
        )
    later: list[tuple[Mention | None, str]] = []
    if person.title_start > person.start and len(titles) == 1:
        later = _later_posts(draft, orgs, person.title_start + len(person.titles[0]), holder)
    if person.title_start < person.start or draft.text.startswith(_NOTE_OPENERS, person.end):
        later += _posts_taken_after(draft, orgs, people, person)
    _departments_of_committee(draft, [*(h for h, _ in reversed(earlier)), holder, *(h for h, _ in later)])
    return [*((holder, title) for title in titles), *earlier, *later]


def _bare_word_before(draft: Draft, at: int) -> int | None:
    """Where a body's bare word written right before a title starts (`、商会|会长`), a company's
    excepted (`公司`: `_company_referred`)."""
    words = [w for _, w in _body_words(draft.lex) if len(w) > 1 and w not in _BARE_COMPANY]
    word = max((w for w in words if draft.text.startswith(w, at - len(w))), key=len, default=None)
    return at - len(word) if word else None


def _addressed(people: ByEnd, person: Mention) -> bool:
    """`甲乙书记介绍`: a bare title right after the name of someone whose post the document states elsewhere
    is how they are addressed, not another post."""
    return person.title_start == person.end and any(
        p.name == person.name and p is not person and p.titles and p.title_start != p.end
        for p in people.items
    )


def _company_listed_before(draft: Draft, orgs: ByEnd, people: ByEnd, at: int, end: int) -> Mention | None:
    """`某集团董事长甲乙、党委书记丙丁`: a title from `at` to `end` that opens with a bare Party body's
    word, after the name of a company's officer listed before, is held in that company's Party body (the
    title, with the word, is read by `_add_post`)."""
    text, lex = draft.text, draft.lex
    word = next((w for t in PARTY_TYPES for w in lex.org_words.get(t, ()) if text.startswith(w, at)), None)
    if not word or text[at - 1 : at] != "、" or text[at + len(word) : end] not in lex.post_titles:
        return None
    listed = next(iter(people.ending_in(at - 1, at)), None)
    if listed is None or listed.title_start is None or listed.title_start >= listed.start:
        return None
    company = _holder(orgs, listed.title_start, listed.title_start + len(listed.titles[0]), text)
    return company if company and company.type == "Enterprise" else None


_SECTION_ENDS = ("车间", "部", "科", "室", "处")
"""How a company's own section ends (`行政部`, `质检科`, `总经办室`): a part with no name of its own."""
_SECTION_RUN = re.compile(rf"[\u4e00-\u9fff]{{1,8}}?(?:{'|'.join(_SECTION_ENDS)})")
"""A company's section written before a title (`人力资源部`)."""


def _section_between(text: str, start: int, end: int) -> bool:
    """Whether the text from `start` to `end` is a company's own section (`质量部`, `二车间`)."""
    return start < end and text[start:end].endswith(_SECTION_ENDS)


def _section_before(text: str, at: int) -> str:
    """The company's section written right before `at`, after a comma or `、` (`、行政部`)."""
    start = max(text.rfind(c, 0, at) for c in "、，,")
    return text[start + 1 : at] if start >= 0 and _section_between(text, start + 1, at) else ""


def _company_section(
    draft: Draft, orgs: ByEnd, at: int
) -> tuple[Mention, list[tuple[Mention | None, str]]] | None:
    """`某公司党支部书记、行政部经理甲乙`: a title after a section of a company (`行政部`), itself after
    joined posts in that company or its Party body, is held in the company; after a post in a park's body,
    in that park's department. With the posts before it."""
    text = draft.text
    if not any(text.startswith(end, at - len(end)) for end in _SECTION_ENDS):
        return None
    for start in range(at - 2, max(0, at - 6), -1):
        if not (is_name_char(text[start]) and text[start] not in draft.lex.stop_chars):
            return None
        earlier = _earlier_posts(draft, orgs, start)
        holder = next((h for h, _ in earlier if h is not None), None)
        if holder is None:
            continue
        unit = _unit_of(draft, holder)
        if unit[0] == "Park":
            return _park_department(draft, holder, unit[1], text[start:at]), earlier
        if unit[0] != "Enterprise":
            return None
        # `某公司党支部副书记、安全总监、生产部经理甲乙`: a title between with no body is the company's too
        company = Mention(holder.start, holder.end, unit[0], unit[1], holder.sentence)
        return company, [(h or company, title) for h, title in earlier]
    return None


def _park_department(draft: Draft, holder: Mention, park: str, section: str) -> Mention:
    """`园区党工委委员、组织人事部部长`: a department after a post in a park's body is the park's
    (`<park>组织人事部`), as the document thereby names it."""
    department = Mention(holder.start, holder.end, "Organization", park + section, holder.sentence)
    department.surface_alias = False
    department.aliases.add(section)
    draft.mentions.append(department)
    return department


def _bracketed_body(draft: Draft, orgs: ByEnd, person: Mention) -> Mention | None:
    """`党支部书记甲乙(某公司)`: the body written alone in brackets right after the name."""
    text = draft.text
    if not text.startswith(("（", "("), person.end):
        return None
    return next(
        (
            m
            for m in orgs.ending_in(person.end + 2, person.end + 40)
            if m.start == person.end + 1 and text.startswith(("）", ")"), m.end)
        ),
        None,
    )


def _bare_unit_body(
    draft: Draft, orgs: ByEnd, at: int
) -> tuple[Mention, list[tuple[Mention | None, str]]] | None:
    """`某公司党委副书记、工会主席甲乙`: a bare body word (`工会`) before a title, after a post in a company
    (or its Party body), is that company's body, which the document thereby names (`某公司工会`); after a
    post in a village's Party body, its own committee (`村委会主任`) is the village. With the posts before
    it."""
    lex = draft.lex
    found = max(
        ((t, w) for t, w in _body_words(lex) if len(w) > 1 and draft.text.endswith(w, 0, at)),
        key=lambda tw: len(tw[1]),
        default=None,
    )
    if found is None:
        return None
    type_, word = found
    earlier = _earlier_posts(draft, orgs, at - len(word))
    before = next((h for h, _ in earlier if h is not None), None)
    if before is None:
        return None
    unit = _unit_of(draft, before)
    if word in _SEAT_WORDS and unit[1].endswith(_GRASSROOTS):
        return Mention(at - len(word), at, unit[0], unit[1], before.sentence), earlier
    if unit[0] == "Region" and before.type == "Committee":
        return _committee_organ(draft, before, word, at, unit[1]), earlier
    if unit[0] != "Enterprise":
        return None
    body = Mention(at - len(word), at, type_, unit[1] + word, before.sentence)
    body.surface_alias = False
    draft.mentions.append(body)
    if type_ in PARTY_TYPES:
        draft.add_link("PARTY_ORG_OF", (type_, body.name), unit, before.sentence, 0.7)
    return body, earlier


_REGION_OFFICES = ("办事处", "人民政府", "政府", "人大工委")
"""A region's own offices, named in a chain of posts in its Party committee (`街道党工委书记、办事处主任`)."""
_OWN_COMMISSIONS = ("纪委", "纪工委", "监委")
"""Bodies that sit beside a region's committee rather than in it (`市纪委`, not `市委纪委`)."""


def _committee_organ(draft: Draft, committee: Mention, word: str, at: int, region: str) -> Mention | None:
    """`市委常委、政法委书记甲乙`: an organ word after a post in a region's committee is that committee's
    organ (`市委政法委`), which the document thereby names; a management committee or a commission of
    its own is none. The region's own office (`甲街道党工委书记、办事处主任`) is the region's."""
    lex = draft.lex
    own = word in lex.management_words or word in _OWN_COMMISSIONS
    if own or word not in lex.org_words.get("Organization", ()):
        return None
    if word in _REGION_OFFICES:
        office = Mention(at - len(word), at, "Organization", region + word, committee.sentence)
        office.aliases.add(word)
        draft.mentions.append(office)
        return office
    organ = Mention(at - len(word), at, "Organization", committee.name + word, committee.sentence)
    organ.aliases.add(word)
    draft.mentions.append(organ)
    draft.add_link("PART_OF", (organ.type, organ.name), (committee.type, committee.name), organ.sentence, 0.7)
    return organ


def _departments_of_committee(draft: Draft, holders: Sequence[Mention | None]) -> None:
    """`县委常委、组织部部长甲乙`: a bare department word in a chain of posts, after a post in a region's
    committee, is that committee's department (`县委组织部`), not the one its document's unit would give
    it; a park's management committee (`县委常委、管委会主任`) is none."""
    lex, committee = draft.lex, None
    for holder in holders:
        if holder is None:
            continue
        if holder.type == "Committee":
            committee = holder if _region_committee(holder.name, lex) else None
        elif committee and holder.type == "Organization":
            surface = draft.text[holder.start : holder.end]
            if surface in lex.org_words.get("Organization", ()) and surface not in lex.management_words:
                holder.aliases.add(surface)
                holder.name = committee.name + surface


def _unnamed_holder(
    draft: Draft, orgs: ByEnd, people: ByEnd, title: str, at: int, sentence: int
) -> tuple[Mention | None, str]:
    """Where a title with no organization right before it is held. One opening with a body's word
    (`党工委委员`, `支部书记`) is held in that body (see `_last_named`), the bare title being the post; any
    other in the organization named last before it in its clause, or in the body a bare body word there
    stands for (`由党工委另一位副书记甲乙`), unless another post comes between. With none in its clause:
    the body of the posts listed before it, a roster's heading, the Party body last named (for a
    secretary), the company its sentence names (for a corporate title)."""
    lex = draft.lex
    opening = _title_opening(lex, title)
    if opening:
        body = _last_named(draft, orgs, *opening, at, sentence) or _company_body(
            draft, orgs, *opening, at, sentence
        )
        return body, title[len(opening[1]) :]
    clause = last_of(draft.text, _HOLDER_BREAKS, at) + 1
    named = max(
        (m for m in orgs.ending_in(clause, at + 1) if clause <= m.start), key=lambda m: m.end, default=None
    )
    end = named.end if named else clause
    if named and draft.text.startswith(_SENDING, named.end):
        named = None  # `甲两新工委选派乙担任专职副书记`: the sender holds no post it sends someone to
    bare = [
        (found + len(w), t, w)
        for t, w in _body_words(lex)
        if len(w) > 1 and (found := draft.text.rfind(w, end, at)) >= 0
    ]
    if bare:
        end, type_, word = max(bare, key=lambda b: (b[0], len(b[2])))
        named = _last_named(draft, orgs, type_, word, at, sentence)
    if named is None:
        named = (
            _listed_post_holder(draft, orgs, people, at)
            or _roster_holder(draft, orgs, title, at)
            or _headed_clause_body(draft, orgs, clause)
            or _secretary_of(draft, orgs, title, at, sentence)
            or _sentence_company(draft, orgs, title, at, sentence)
        )
        return named, title
    if any(t in draft.text[end:at] for t in lex.post_titles) and not _posts_only(draft, people, end, at):
        return None, title
    return named, title


_SENDING = ("选派", "委派", "派出", "下派", "派驻")
"""Verbs of a body sending someone to serve elsewhere (`甲党工委选派乙担任企业党建指导员`)."""
_LIST_BREAKS = "；;。！？!?：:（() \u3000"
_HEADED = re.compile(r"由[^，,。；;]*(?:担任|兼任|出任|任)[^，,。；;]{1,6}$")
"""A clause saying who takes a post in the body opening it (`甲党委由乙任书记`)."""


def _headed_clause_body(draft: Draft, orgs: ByEnd, clause: int) -> Mention | None:
    """`甲党委由乙任书记,丙任副书记`: a post with no body in its clause, after a clause saying who takes a
    post in the body opening that clause, is held in that body too."""
    while clause >= 1 and draft.text[clause - 1] in "，,":
        opening = last_of(draft.text, _HOLDER_BREAKS, clause - 1) + 1
        if by := _HEADED.search(draft.text, opening, clause - 1):
            return next((m for m in orgs.ending_in(by.start(), by.start() + 1) if m.start == opening), None)
        if not _TAKES_POST.fullmatch(draft.text, opening, clause - 1):
            return None
        clause = opening  # `…,丙任副书记,丁任委员`: past the clauses that go on with the same body
    return None


_TAKES_POST = re.compile(r"[\u4e00-\u9fff]{2,4}(?:担任|兼任|出任|任)[\u4e00-\u9fff]{1,6}")


def _listed_post_holder(draft: Draft, orgs: ByEnd, people: ByEnd, at: int) -> Mention | None:
    """`<body>书记甲乙,副书记丙丁`: a title after a comma, with no body in its clause, is held in the body of
    the posts listed before it, when only posts and their holders lie between."""
    text = draft.text
    start = last_of(text, _LIST_BREAKS, at) + 1
    while start > 1 and (note := _last_place_note(text, start - 1)):
        # `董事长甲乙(右二)和总经理丙丁`: a caption's place note breaks no list
        start = last_of(text, _LIST_BREAKS, note) + 1
    named = max((m for m in orgs.ending_in(start, at) if start <= m.start), key=lambda m: m.end, default=None)
    return named if named and _posts_only(draft, people, named.end, at) else None


_PLACE_NOTE = re.compile(r"[(（](?:左|右|中|前排左|前排右|后排左|后排右)?[一二三四五六七八九十\d]?[)）]")
"""Where a person stands in a photograph (`(右二)`, `（左）`, `(中)`)."""


def _last_place_note(text: str, bracket: int) -> int | None:
    """Where the place note that opens or closes at `bracket` starts, if one does."""
    if _PLACE_NOTE.match(text, bracket):
        return bracket
    note = _PLACE_NOTE.search(text, max(0, bracket - 6), bracket + 1)
    return note.start() if note and note.end() == bracket + 1 else None


def _posts_only(draft: Draft, people: ByEnd, start: int, end: int) -> bool:
    """`<body>书记甲乙、副书记丙丁`: what lies between a body and a later title is only other posts in it,
    each with its holder, joined by a list mark."""
    rest = _PLACE_NOTE.sub("", draft.text[start:end])
    for m in people.ending_in(start, end + 1):
        if start <= m.start:
            rest = rest.replace(m.name, " ", 1)
    for title in draft.lex.post_titles:
        rest = rest.replace(title, " ")
    return rest.split() != [] and all(part in ("、", ",", "，", "和", "及") for part in rest.split())


def _title_opening(lex: Lexicon, title: str) -> tuple[str, str] | None:
    """(type, word) of the body's word a title opens with before a post (`支部|书记`, `党工委|委员`)."""
    return next(
        ((t, w) for t, w in _body_words(lex) if title.startswith(w) and title[len(w) :] in lex.post_titles),
        None,
    )


def _body_words(lex: Lexicon) -> list[tuple[str, str]]:
    """(type, word) of the bodies posts are held in: Party bodies and other organizations."""
    return [(t, w) for t in (*PARTY_TYPES, "Organization") for w in lex.org_words.get(t, ())]


_ELECTED = ("当选为", "当选")
"""Words before a title a person is elected to (`甲乙当选党总支书记`)."""
_BODY_REACH = 2
"""Sentences a title opening a sentence with a bare body word (`支部书记甲乙说`) looks back for that body."""


def _last_named(draft: Draft, orgs: ByEnd, type_: str, word: str, at: int, sentence: int) -> Mention | None:
    """The body of this type named with `word` last before `at` in its sentence; for a title opening its
    sentence or one a person is elected to, last in the `_BODY_REACH` sentences before (`甲公司党支部…。
    支部书记乙丙说`, `选举产生甲党总支委员会…。乙丙当选党总支书记`); else the article's park's wherever the
    text names it (a document's `党工委` is its park's)."""
    named = orgs.named(type_, word)
    start = draft.sentences[sentence].start
    here = [m for m in named.ending_in(start, at + 1) if m.sentence == sentence]
    if here:
        return max(here, key=lambda m: m.end)
    elected = draft.text.endswith(_ELECTED, start, at)  # `甲乙当选党总支书记`: the body just formed or named
    previous = _sentence_before(draft, sentence) if elected or not draft.text[start:at].strip() else None
    for _ in range(_BODY_REACH):
        if previous is None:
            break
        before = [m for m in named.ending_in(draft.sentences[previous].start, at) if m.sentence == previous]
        if before:
            return max(before, key=lambda m: m.end)
        previous = _sentence_before(draft, previous)
    park = draft.main_park
    if not park:
        return None
    return min(
        (m for m in named.items if m.name.startswith(park)),
        key=lambda m: abs(m.start - at),
        default=None,
    )


def _region_committee(name: str, lex: Lexicon) -> bool:
    """`甲县委`, `乙市委`: a region's Party committee, which has departments (组织部, 宣传部)."""
    regions = lex.org_words.get("Region", ())
    return any(
        name.endswith(w) and w.endswith("委") and w[:-1] in regions
        for w in lex.org_words.get("Committee", ())
    )


ROSTER_REACH = 20
"""How many lines of `职务:姓名` a roster's heading (the body) may stand above."""


def _roster_holder(draft: Draft, orgs: ByEnd, title: str, at: int) -> Mention | None:
    """A roster (a line `甲公司党支部`, then lines `书记:乙丙`, `副书记:丁戊`): a line opening with a title
    and a colon, under other such lines, is a post in the body its heading line names last."""
    text, lex = draft.text, draft.lex
    line = text.rfind("\n", 0, at) + 1
    if text[line:at].strip() or not text.startswith((":", "："), at + len(title)):
        return None
    for _ in range(ROSTER_REACH):
        if line == 0:
            return None
        above = text.rfind("\n", 0, line - 1) + 1
        head = text[above : line - 1].strip()
        if not head:  # a blank line between the heading and the roster
            line = above
            continue
        listed = next((t for t in lex.post_titles if head.startswith(t)), None)
        if not (listed and head[len(listed) : len(listed) + 1] in (":", "：")):
            return max(
                (m for m in orgs.ending_in(above, line) if above <= m.start),
                key=lambda m: m.end,
                default=None,
            )
        line = above
    return None


_SECRETARIES = ("书记", "副书记", "委员", "组织委员", "宣传委员", "纪检委员")
"""The posts of a Party body's own committee: written bare, they are held in the Party body just named."""


def _secretary_of(draft: Draft, orgs: ByEnd, title: str, at: int, sentence: int) -> Mention | None:
    """`党工委召开会议。甲乙书记主持`, `…党支部成立,甲任书记,乙任组织委员`: a bare title of the Party
    body's committee is held in the Party body last named in its sentence or the one before."""
    if title not in _SECRETARIES:
        return None
    start = draft.sentences[max(0, sentence - 1)].start
    return max(
        (m for m in orgs.ending_in(start, at) if m.type in PARTY_TYPES and start <= m.start),
        key=lambda m: m.end,
        default=None,
    )


def _last_company(draft: Draft, orgs: ByEnd, at: int, sentence: int) -> Mention | None:
    """The company its sentence last names before `at`; with none, the company the sentence before
    names last (`甲公司是一家民企。党支部书记乙丙说`), when no other body is named after it."""
    start = draft.sentences[sentence].start
    here = max(
        (m for m in orgs.ending_in(start, at) if m.type == "Enterprise" and start <= m.start),
        key=lambda m: m.end,
        default=None,
    )
    previous = _sentence_before(draft, sentence)
    if here or previous is None:
        return here
    before = draft.sentences[previous].start
    last = max(
        (m for m in orgs.ending_in(before, at) if m.type != "Region" and before <= m.start),
        key=lambda m: (m.end, m.end - m.start),
        default=None,
    )
    return last if last and last.type == "Enterprise" else None


def _sentence_before(draft: Draft, sentence: int) -> int | None:
    """The sentence of prose before, over any that is only a quotation (`甲公司…。“…。”董事长乙丙说`): the
    speaker's words do not change whom the narration speaks of. None after a line of a list or a heading,
    which ends with no full stop."""
    previous = sentence - 1
    while previous >= 0 and draft.sentences[previous].text.startswith("“"):
        previous -= 1
    if previous < 0 or not draft.sentences[previous].text.endswith(("。", "！", "!")):
        return None
    return previous


def _sentence_company(draft: Draft, orgs: ByEnd, title: str, at: int, sentence: int) -> Mention | None:
    """`在甲公司,董事长乙丙介绍`: a corporate title with no body of its own is held in the company its
    sentence last names before it, unless another post or a bracket comes between."""
    lex = draft.lex
    if title not in lex.corporate_titles:
        return None
    company = _last_company(draft, orgs, at, sentence)
    between = draft.text[company.end : at] if company else ""
    if company is None or any(t in between for t in lex.post_titles) or any(b in between for b in "（()）"):
        return None
    return company


def _company_body(draft: Draft, orgs: ByEnd, type_: str, word: str, at: int, sentence: int) -> Mention | None:
    """`在甲公司,党支部书记乙丙`: a Party title in a sentence that names a company (and no such body)
    is held in that company's Party body, which the document thereby names (`甲公司党支部`); a working
    committee (`党工委`) is a park's or a place's, never a company's."""
    if type_ not in PARTY_TYPES or word.endswith(PARK_BODY_WORDS):
        return None
    company = _last_company(draft, orgs, at, sentence)
    if company is None:
        return None
    body = Mention(company.start, company.end, type_, company.name + word, company.sentence)
    body.surface_alias = False
    body.aliases.add(word)
    draft.mentions.append(body)
    draft.add_link("PARTY_ORG_OF", (type_, body.name), (company.type, company.name), company.sentence, 0.6)
    return body


BREAK_REACH = 256
"""How far back `last_of` looks before it looks all the way: a clause is rarely longer."""


def last_of(text: str, chars: str, at: int) -> int:
    """Where the last of `chars` before `at` is in `text`, or -1: the same as the greatest `rfind`,
    but looking near `at` first, so a character a text never writes costs no scan of all of it."""
    near = max(text.rfind(c, max(0, at - BREAK_REACH), at) for c in chars)
    if near >= 0 or at <= BREAK_REACH:
        return near
    return max(text.rfind(c, 0, at - BREAK_REACH + 1) for c in chars)


_HOLDER_BREAKS = CLAUSE_BREAKS + "（() \u3000"
"""An organization named before a title holds it unless a bracket or a space (a caption, a new line)
or another post comes between them."""


_POST_JOINERS = ("兼任", "兼", "、")


def _earlier_posts(draft: Draft, orgs: ByEnd, pos: int) -> list[tuple[Mention | None, str]]:
    """Posts joined by `、` or `兼` before `pos`, each with the organization named before its title;
    also by a comma where a body and its title stand before it (`甲党工委书记、管委会主任,乙市委常委丙丁`)."""
    return _earlier_chain(draft, orgs, pos)[0]


def _company_chain(
    draft: Draft, earlier: list[tuple[Mention | None, str]], opening: int, person: Mention
) -> list[tuple[Mention | None, str]]:
    """The `earlier` posts (nearest first, the first written at `opening`) with the company their titles
    are held in where no body is named before them: the company referred to before the first
    (`公司董事长兼党总支书记甲乙`), the company of the post before, or of the company's Party body
    (`某公司董事长、总经理兼党支部书记甲乙`, `某公司党委书记、董事长兼总经理甲乙`: `_post_target` puts the
    corporate title in the company)."""
    posts = list(earlier)
    if posts and posts[-1][0] is None and (referred := _company_referred(draft, opening, person.sentence)):
        posts[-1] = (referred[0], posts[-1][1])
    for k in range(len(posts) - 2, -1, -1):
        prior = posts[k + 1][0]
        if posts[k][0] is None and prior is not None and _unit_of(draft, prior)[0] == "Enterprise":
            posts[k] = (prior, posts[k][1])
    return posts


def _earlier_chain(draft: Draft, orgs: ByEnd, pos: int) -> tuple[list[tuple[Mention | None, str]], int]:
    """`_earlier_posts`, and where the first of them is written."""
    text, posts = draft.text, []
    while True:
        joiner = next((j for j in (*_POST_JOINERS, *COMMAS) if text.startswith(j, pos - len(j))), None)
        if not joiner:
            return posts, pos
        end = pos - len(joiner)
        title = next((t for t in draft.lex.post_titles if text.startswith(t, end - len(t))), None)
        if not title:
            return posts, pos
        holder = _holder(orgs, end - len(title), end, text)
        if joiner in COMMAS and (holder is None or title in draft.lex.weak_titles):
            return posts, pos
        if holder and holder.end > end - len(title):
            title = text[holder.end : end]
        posts.append((holder, title))
        pos = holder.start if holder else end - len(title)


_NOTE_OPENERS = ("同志(", "同志（", "(", "（")
_ADDRESS_NOTE = re.compile(r"(?:同志)?(?:[(（][^()（）]{1,30}[)）])?")
"""What may stand between a name and the verb of its next post: `同志`, a bracketed note."""


def _posts_taken_after(
    draft: Draft, orgs: ByEnd, people: ByEnd, person: Mention
) -> list[tuple[Mention | None, str]]:
    """`乙公司总经理甲乙任党委书记`: a person named after one title who takes another right after the
    name (`任`, `担任`) holds it too, in the body named before it or, by its bare word, the body of that
    word (`_unnamed_holder`)."""
    text = draft.text
    # (`甲乙同志(县委常委、副县长)兼任…`: a form of address and a bracketed note may come between)
    after = _ADDRESS_NOTE.match(text, person.end)
    start = after.end() if after else person.end
    verb = next((v for v in (*_TAKING_POST, "是") if text.startswith(v, start)), None)
    if verb is None:
        return []
    at = start + len(verb)
    named = max(
        (m for m in orgs.ending_in(at + 1, at + 40) if m.start == at and not m.generic),
        key=lambda m: m.end,
        default=None,
    )
    pos = named.end if named else at
    # `乙是丙公司人力资源部经理`: a company's section before the title is part of the title
    title = next((t for t in draft.lex.post_titles if text.startswith(t, pos)), None)
    section = _SECTION_RUN.match(text, pos) if named and named.type == "Enterprise" and not title else None
    if section:
        pos = section.end()
        title = next((t for t in draft.lex.post_titles if text.startswith(t, pos)), None)
    if title is None or (verb == "是" and named is None):
        return []
    end = pos + len(title)
    holder: Mention | None = named
    if holder is None:
        holder, title = _unnamed_holder(draft, orgs, people, title, at, person.sentence)
    else:
        title = text[holder.end : pos] + title
    return [(holder, title), *_later_posts(draft, orgs, end, holder)]


def _later_posts(
    draft: Draft, orgs: ByEnd, pos: int, holder: Mention | None
) -> list[tuple[Mention | None, str]]:
    """Posts joined by `、`, `兼` or `和` after a title that ends at `pos` (`甲乙,党工委委员、管委会副主任`),
    each in the body named before it, else where the post before it is (`甲乙是某公司党支部书记、董事长`)."""
    text, lex, posts = draft.text, draft.lex, []
    while True:
        joiner = next((j for j in (*_POST_JOINERS, "和") if text.startswith(j, pos)), None)
        if not joiner:
            return posts
        at = pos + len(joiner)
        named = max(
            (m for m in orgs.ending_in(at + 1, at + 30) if m.start == at), key=lambda m: m.end, default=None
        )
        if named:
            at = named.end
        title = next((t for t in lex.post_titles if text.startswith(t, at)), None)
        if not title:
            return posts
        holder = named or holder
        posts.append((holder, title))
        pos = at + len(title)


_BARE_COMPANY = ("公司", "企业", "集团")
"""Words that, standing alone before a title (`,公司董事长甲乙`), speak of the company last named."""


def _company_referred(
    draft: Draft, title_start: int, sentence: int, reach: int = 3
) -> tuple[Mention, int] | None:
    """`该公司负责人甲乙`, `公司董事长甲乙`, `甲乙是公司的总经理`, `甲乙兼任公司副总经理`: the enterprise
    last named (in the `reach` sentences before, or the only one named before) before the title, when a
    back-reference precedes it, or a bare company word that ends no name (after a post verb it ends
    none); with where that word starts."""
    text, lex = draft.text, draft.lex
    at = title_start - 1 if text.startswith("的", title_start - 1) else title_start
    anaphor = next((a for a in lex.company_anaphors if text.startswith(a, at - len(a))), None)
    if not anaphor:
        anaphor = next((w for w in _BARE_COMPANY if text.startswith(w, at - len(w))), None)
        before = text[at - len(anaphor) - 1] if anaphor and at > len(anaphor) else "。"
        after_verb = bool(anaphor) and text.endswith(tuple(lex.post_continuers), 0, at - len(anaphor))
        if not anaphor or (is_name_char(before) and before not in lex.stop_chars and not after_verb):
            return None
    before = [m for m in draft.mentions if m.type == "Enterprise" and m.end <= at - len(anaphor)]
    named = [m for m in before if sentence - m.sentence <= reach and m.name not in _BARE_COMPANY]
    if not named and len({m.name for m in before}) == 1:
        named = before  # the one company the document has named, however long ago
    company = max(named, key=lambda m: m.end, default=None)
    return (company, at - len(anaphor)) if company else None


def _company_of_post_before(draft: Draft, earlier: list[tuple[Mention | None, str]]) -> Mention | None:
    """`甲公司党支部书记、公司副总经理乙`: the company a bare company word stands for, after a post in a
    company's Party body, is that body's company, wherever another company was named last."""
    before = next((h for h, _ in earlier if h is not None), None)
    unit = _unit_of(draft, before) if before is not None and before.type in PARTY_TYPES else None
    if unit is None or unit[0] != "Enterprise":
        return None
    return next((m for m in draft.mentions if (m.type, m.name) == unit), None)


def _bare_posts_before(
    draft: Draft, orgs: ByEnd, people: ByEnd, at: int, sentence: int
) -> list[tuple[Mention | None, str]]:
    """`党支部书记、公司副总经理甲乙`: a post in a bare body word joined before a company's back-reference
    is held where that title alone would be (`_unnamed_holder`: the body of that word last named)."""
    if not draft.text.startswith("、", at - 1):
        return []
    opening = last_of(draft.text, _HOLDER_BREAKS, at - 1) + 1
    title = draft.text[opening : at - 1]
    if not _title_opening(draft.lex, title):
        return []
    holder, post = _unnamed_holder(draft, orgs, people, title, opening, sentence)
    return [(holder, post)] if holder else []


def _holder(orgs: ByEnd, start: int, first_end: int, text: str, gap: int = 4) -> Mention | None:
    """The organization named right before a title that starts at `start`, or ending inside it
    (`管委会|主任`); never one before another post (`党工委书记兼|主任`)."""
    best = None
    for m in orgs.ending_in(start - gap, first_end):
        if m.start > start:
            continue
        between = text[m.end : start]
        spaced = between in (" ", "\u3000")  # `某公司 董事长 甲乙`: a page's spacing
        if m.end < start and not spaced and not all(is_name_char(c) and c != "兼" for c in between):
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
    written = WordSet(lex.post_continuers)
    # the association a person was last given a post in, by sentence: `…当选为协会理事,并出任会长`
    served: dict[tuple[str, int], Mention] = {}
    for si, sent in enumerate(draft.sentences):
        if not written.find_all(sent.text):
            continue
        for verb in verbs:
            for hit in verb.finditer(sent.text):
                nearby = [*people_in.get(si - 1, ()), *people_in.get(si, ())]
                person = _continued_person(sent.text, sent.start, hit.start(), si, nearby)
                if not person:
                    continue
                listed = _names_listed_before(text, nearby, person)
                previous: tuple[Mention | None, int] = (None, -1)
                bodies = [lex.org_word_set(t) for t in (*PARTY_TYPES, "Organization")]
                clause = (text, sent.start + hit.end(), sent.end, lex.post_title_set, bodies)
                for title, at in _clause_titles(*clause):
                    end = at + len(title)
                    holder = _holder(orgs, at, at + len(title), text)
                    if holder and holder.end > at:
                        title = title[holder.end - at :]
                    elif holder is None and text[previous[1] : at] in (*_POST_JOINERS, "和"):
                        # `担任某公司党支部书记、董事长`: a bare title is held where the post before it is
                        holder = previous[0]
                    elif holder is None:
                        start = sent.start + hit.end() if previous[1] < 0 else previous[1]
                        holder = (
                            _bare_body(draft, orgs, start, at, si)
                            or (_company_referred(draft, at, si) or (None, at))[0]
                            or served.get((person.name, si))
                        )
                    out += [(named, holder, title) for named in (*listed, person)]
                    previous = (holder, end)
                    if holder and holder.type == "Organization":
                        served[person.name, si] = holder
    return out


def _names_listed_before(text: str, people: Sequence[Mention], last: Mention) -> list[Mention]:
    """The people listed right before `last`, joined to it by `、` or `和` (`委员甲乙、丙丁、戊己同时
    担任…`): the clause after the list speaks of each of them."""
    listed: list[Mention] = []
    end = last.start
    for p in reversed([p for p in people if p.end <= last.start]):
        if text[p.end : end] not in ("、", "和"):
            break
        listed.insert(0, p)
        end = p.start
    return listed


def _bare_body(draft: Draft, orgs: ByEnd, start: int, at: int, sentence: int) -> Mention | None:
    """`当选为协会首届常务理事`: a bare body word before a title stands for the body of that word the
    document names (see `_last_named`), or the only one it names before."""
    between = draft.text[start:at]
    found = [(between.rfind(w), t, w) for t, w in _body_words(draft.lex) if len(w) > 1 and w in between]
    if not found:
        return None
    _, type_, word = max(found, key=lambda f: (f[0], len(f[2])))
    named = _last_named(draft, orgs, type_, word, at, sentence)
    if named:
        return named
    earlier = [m for m in orgs.named(type_, word).items if m.end <= start and len(m.name) > len(word)]
    return earlier[-1] if len({m.name for m in earlier}) == 1 else None


_CONTINUING = "他她并还且又同时另也既后"
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
    if holder and holder.type in ("Organization", "Enterprise", "Park"):
        holder, title = _party_body_in_title(draft, holder, title)
    if holder and holder.type in PARTY_TYPES and title in draft.lex.corporate_titles:
        holder = _company_named_by(draft, holder) or holder
    word = next((w for w in draft.lex.management_words if title.startswith(w)), None)
    if holder and word and title[len(word) :] in draft.lex.post_titles:
        target = _management_body(draft, _unit_of(draft, holder), holder, word)
        title = title[len(word) :]
    else:
        target = _post_target(draft, holder, title)
    if target:
        draft.add_link("HOLDS_POST", ("Person", person.name), target, person.sentence, 0.8, title)


MAX_COMPANY_STEM = 6
"""Longest name of a company read off its Party body's name alone (`中国华冶|党委`)."""


def _company_named_by(draft: Draft, body: Mention) -> Mention | None:
    """`中国华冶党委书记、董事长甲乙`: a corporate post held beside a Party body's post, where the body's
    name names no unit the rules know, says its name before the Party word is a company's, which the
    document thereby names (and whose Party body it is), or names elsewhere with its company word."""
    lex = draft.lex
    if _unit_of(draft, body) != (body.type, body.name) or any(p.type in UNIT_TYPES for _, p in body.parts):
        return None
    word = lex.org_word_set(*PARTY_TYPES).ending_at(body.name, len(body.name)) or ""
    stem = body.name[: len(body.name) - len(word)]
    units = lex.org_word_set(*lex.org_words)
    if not (
        2 <= len(stem) <= MAX_COMPANY_STEM
        and all(is_name_char(ch) and ch not in lex.stop_chars for ch in stem)
        and draft.text.startswith(stem, body.start)
        and not units.ending_at(stem, len(stem))
        and not _a_place(stem, lex)
        and stem not in lex.kind_words
    ):
        return None
    company = next(
        (m for m in draft.mentions if m.type == "Enterprise" and _names_company(m, stem, lex)), None
    )
    if company is None:
        company = Mention(body.start, body.start + len(stem), "Enterprise", stem, body.sentence)
        draft.mentions.append(company)
    draft.add_link("PARTY_ORG_OF", (body.type, body.name), ("Enterprise", company.name), body.sentence, 0.7)
    return company


def _names_company(m: Mention, stem: str, lex: Lexicon) -> bool:
    """Whether `m` is the company `stem` names, written so or with its company word (`甲乙公司`)."""
    return m.name == stem or (m.name.startswith(stem) and m.name[len(stem) :] in lex.org_words["Enterprise"])


def _a_place(stem: str, lex: Lexicon) -> bool:
    """Whether `stem` is a place's name, or a place's and a word too short for a company's (`甲县乙`); a
    company may be named after its province or city (`广东奥克`, `山东康洁`)."""
    regions, rest = region_prefix(stem, lex)
    return bool(regions) and (len(rest) < 2 or bool(split_regions(rest, lex)))


def _party_body_in_title(draft: Draft, holder: Mention, title: str) -> tuple[Mention, str]:
    """`市公安局政委、党委副书记`: a title that opens with a Party body's word, after a unit that is not one,
    is held in that unit's Party body, which the document thereby names (`市公安局党委`)."""
    lex = draft.lex
    for type_ in PARTY_TYPES:
        word = next((w for w in lex.org_words.get(type_, ()) if title.startswith(w)), None)
        if word and title[len(word) :] in lex.post_titles:
            management = next((w for w in lex.management_words if holder.name.endswith(w)), "")
            if management and len(holder.name) > len(management):
                # `园区管委会副主任、党工委委员`: the park's Party body, not one of its management committee
                unit = holder.name[: -len(management)]
                return Mention(holder.start, holder.end, type_, unit + word, holder.sentence), title[
                    len(word) :
                ]
            body = Mention(holder.start, holder.end, type_, holder.name + word, holder.sentence)
            body.surface_alias = False
            draft.mentions.append(body)
            draft.add_link(
                "PARTY_ORG_OF", (type_, body.name), (holder.type, holder.name), holder.sentence, 0.7
            )
            return body, title[len(word) :]
    return holder, title


def _management_body(
    draft: Draft, park: Ref | None, named_at: Mention | None = None, word: str = ""
) -> Ref | None:
    """The park's management committee (`<park>管委会`), when the document names it; else, where a post
    names it (`园区党工委书记、管委会主任`, at the mention `named_at`), the one that post implies."""
    words = draft.lex.management_words
    if park is None or park[0] != "Park":
        return None
    named = next(
        (
            (m.type, m.name)
            for m in draft.mentions
            if m.type == "Organization" and m.name.startswith(park[1]) and m.name.endswith(words)
        ),
        None,
    )
    if named or named_at is None:
        return named
    body = Mention(
        named_at.start, named_at.end, "Organization", park[1] + (word or words[0]), named_at.sentence
    )
    body.surface_alias = False
    body.aliases.add(word or words[0])
    draft.mentions.append(body)
    return (body.type, body.name)


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
        if holder and (own := _region_named_in(holder.name, level, lex)):
            # `甲市委常委、常务副市长`: the city whose committee the post before names
            return ("Region", own)
        region = draft.main_region
        if region and region.endswith(level):
            return ("Region", region)
        # `辽宁省省长…到丹东市调研。副省长甲乙`: the one region of that level the document names
        named = {m.name for m in draft.mentions if m.type == "Region" and m.name.endswith(level)}
        return ("Region", named.pop()) if len(named) == 1 else None
    if not holder or (holder.type == "Region" and not holder.name.endswith(_GRASSROOTS)):
        # a village's post (`某村第一书记`) is held in the village; a larger region's in its organs
        return None
    if holder.type == "Park" and title.endswith("主任"):
        return _management_body(draft, (holder.type, holder.name)) or (holder.type, holder.name)
    if holder.type in ("Park", "Enterprise", "Organization") and title.endswith(_PARTY_TITLES):
        # `园区的甲乙书记`: a Party title in a unit is held in the unit's Party body the document names
        return _unit_party_body(draft, (holder.type, holder.name)) or (holder.type, holder.name)
    if holder.type == "Committee" and title.endswith("主任") and _unit_of(draft, holder)[0] == "Park":
        # a park committee has no 主任: `党工委委员、副主任` heads the park's management committee
        return _management_body(draft, _unit_of(draft, holder), holder)
    if title in lex.corporate_titles and holder.type != "Enterprise":
        if holder.type in PARTY_TYPES and title in lex.head_titles:
            return (holder.type, holder.name)
        inner = next((m for _, m in holder.parts if m.type == "Enterprise"), None)
        if inner:
            return (inner.type, inner.name)
        unit = _unit_of(draft, holder)
        if unit[0] in ("Enterprise", "Park"):
            return unit
    if holder.type in PARTY_TYPES and title.endswith(("长", "主席", "主任")):
        # `某局党组书记、局长`, `某协会党支部书记、会长`, `某工商联党组书记、副主席`, `某国资办党委书记、
        # 主任`: a head's post is in the unit, not its Party body (a company's 主任 heads an office in it)
        unit = _unit_of(draft, holder)
        if unit[0] == "Organization" or (unit[0] == "Enterprise" and not title.endswith("主任")):
            return unit
    return (holder.type, holder.name)


_PARTY_TITLES = ("书记", "委员", "常委")


def _party_word(lex: Lexicon, words: str) -> bool:
    """`党委`, `党工委`, `党支部`: the word of a Party body, with nothing else."""
    return bool(words) and any(words in lex.org_words.get(t, ()) for t in PARTY_TYPES)


def _unit_party_body(draft: Draft, unit: Ref) -> Ref | None:
    """The one Party body the document names as the unit's (by PARTY_ORG_OF), if it names exactly one."""
    bodies = {link.head for link in draft.links if link.type == "PARTY_ORG_OF" and link.tail == unit}
    return bodies.pop() if len(bodies) == 1 else None


def _region_named_in(name: str, level: str, lex: Lexicon) -> str | None:
    """The region of the level word `level` (`市`) that a body's name opens with (`甲市委` → `甲市`,
    `乙县财政局` → `乙县`)."""
    if name.endswith(level + "委") and len(name) > 3:
        return name[:-1]
    regions, _ = region_prefix(name, lex)
    return next((r for r in reversed(regions) if r.endswith(level)), None)


CONTAINER_FIRST = ("内", "辖区", "引进")
"""Place triggers written after the place that holds what follows (`甲经济区在辖区内的乙物流园`,
`甲园区引进乙公司`), where `位于`, `入驻` follow what lies in the place after them."""


class TriggerStep:
    """`A下设B`, `B隶属A`, `A吸收B`: trigger words between two mentions of one clause.

    A word that triggers several relations (下设: PART_OF or SUBORDINATE_TO) gives the one that
    fits the entities: a Party body is subordinate, another body is a part.
    """

    def __call__(self, draft: Draft) -> list[Link]:
        lex = draft.lex
        relations_of: dict[str, list[str]] = {}
        for relation, triggers in lex.triggers.items():
            if relation not in ("HOLDS_POST", "ADOPTS", "PARTY_ORG_OF"):
                for trigger in triggers:
                    relations_of.setdefault(trigger, []).append(relation)
        mentions = by_sentence(m for m in draft.mentions if m.type not in ("Person", "Practice"))
        triggers = WordSet(relations_of)
        found: list[Link] = []
        for si, sent in enumerate(draft.sentences):
            in_sent = mentions[si]
            for trigger, start in _trigger_hits(sent.text, triggers, relations_of):
                relations = relations_of[trigger]
                pos = sent.start + start
                # a trigger inside a name (`甲工业园区内`) is none
                inside = any(m.start < pos < m.end for m in in_sent)
                left = _clause_neighbour(in_sent, pos, draft.text, before=True)
                if left is None and "SUBORDINATE_TO" in relations:
                    left = _formed_subject(draft, in_sent, sent.start, pos)
                if left is None and "LOCATED_IN" in relations and trigger in draft.lex.passive_triggers:
                    left = _described_subject(draft, in_sent, sent.start, pos)
                right = _clause_neighbour(in_sent, pos + len(trigger), draft.text, before=False)
                if left and right is None and "LOCATED_IN" in relations:
                    right = _place_here(draft, in_sent, left, pos)
                if left is None and right and trigger in draft.lex.passive_triggers:
                    left = _qualified_by(draft, in_sent, right)
                if right and "LOCATED_IN" in relations:
                    right = chain_end(in_sent, right)
                # `接受甲的领导和乙…`: a lead after 的 is a noun, the leadership of what comes before;
                # after 等 it is the leaders listed before (`甲部长等领导为乙揭牌`)
                noun = draft.text[pos - 1 : pos] in ("的", "等") and trigger not in draft.lex.passive_triggers
                if left and right and not inside and not (noun and "SUBORDINATE_TO" in relations):
                    for a, b in _each_listed(draft, in_sent, left, right, relations, trigger):
                        found += self._link(draft, trigger, relations, a, b, si)
        return found

    @staticmethod
    def _link(
        draft: Draft, trigger: str, relations: list[str], left: Mention, right: Mention, si: int
    ) -> list[Link]:
        """The link of the first relation (by `_preference`) the two mentions' types allow, if any."""
        vocab = draft.lex.vocabulary
        for relation in sorted(relations, key=lambda r: _preference(r, left, right)):
            head, tail = left, right
            if relation in ("SUBORDINATE_TO", "PART_OF") and trigger not in draft.lex.passive_triggers:
                head, tail = right, left
            if relation == "LOCATED_IN" and _place_rank(left) != _place_rank(right):
                head, tail = sorted((left, right), key=_place_rank)
            elif relation == "LOCATED_IN" and _between_parks(draft, trigger, left, right):
                # `甲经开区依托乙科技园…`: between two parks only a verb of place says which holds which
                continue
            elif relation == "LOCATED_IN" and trigger.endswith(CONTAINER_FIRST):
                head, tail = right, left
            if head != tail and vocab.relation_allowed(relation, head.type, tail.type):
                link = Link(relation, (head.type, head.name), (tail.type, tail.name), si, 0.6)
                return allowed_links(draft.lex, [link])
        return []


_HELD_RELATIONS = ("COVERS", "SUBORDINATE_TO", "PART_OF")
"""Relations between a body and what it leads, takes in or holds."""


def _each_listed(
    draft: Draft,
    mentions: Sequence[Mention],
    left: Mention,
    right: Mention,
    relations: list[str],
    trigger: str,
) -> list[tuple[Mention, Mention]]:
    """`辖区汇集甲、乙、丙等企业`, `甲、乙入驻园区`: each item of the list on the side of what lies in the
    place lies there, not only the one next to the trigger; so each item a body leads, takes in or holds
    (`甲党委统筹乙、丙`, `负责指导乙党支部、丙党支部`), or each that belongs to it (`乙、丙隶属甲`)."""
    pairs = [(left, right)]
    if "LOCATED_IN" in relations and _place_rank(left) != _place_rank(right):
        inner = right if _place_rank(right) < _place_rank(left) else left
    elif any(r in relations for r in _HELD_RELATIONS):
        inner = left if trigger in draft.lex.passive_triggers else right
    else:
        return pairs
    # (the units read out of a listed name, `乙公司` in `乙公司党支部`, are no items of the list)
    parts = {id(p) for m in mentions for _, p in m.parts}
    mentions = [m for m in mentions if m is inner or id(m) not in parts]
    at = next(i for i, m in enumerate(mentions) if m is inner)
    if inner is right:
        listed = listed_run(draft, mentions, at, WORD_JOINERS)
    else:
        listed = mentions[run_start(draft, mentions, at) : at + 1]
    others = [m for m in listed if m is not inner and m.type == inner.type]
    return pairs + [(left, m) if inner is right else (m, right) for m in others]


def _qualified_by(draft: Draft, mentions: Sequence[Mention], upper: Mention) -> Mention | None:
    """`隶属甲党委的乙党总支`: the body right after the `的` that closes a clause of belonging, which
    opens with the trigger, is the one that belongs."""
    if not draft.text.startswith("的", upper.end):
        return None
    return next(
        (m for m in mentions if m.start == upper.end + 1 and m.type in (*PARTY_TYPES, "Organization")), None
    )


def _between_parks(draft: Draft, trigger: str, left: Mention, right: Mention) -> bool:
    """Two parks joined by a trigger that is no verb of place (`位于`, `入驻`) nor a container's word
    (`内`), but one of use (`依托`)."""
    placing = trigger in draft.lex.passive_triggers or trigger.endswith(CONTAINER_FIRST)
    return left.type == right.type == "Park" and not placing


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

    def __call__(self, draft: Draft) -> list[Link]:
        ranks = draft.lex.duty_ranks
        mentions = by_sentence(draft.mentions)
        found: list[Link] = []
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
                        found.append(Link(relation, (m.type, m.name), (upper.type, upper.name), si, 0.6))
                verb_end = m.end + next(len(v) for v, r in ranks if after.startswith(v))
                chain.append((m, rank, verb_end))
        return allowed_links(draft.lex, found)


class LocationStep:
    """In an article about one park, its enterprises, and the bodies it names in the park's context
    (not the organs of the park or of a region's committee or government), lie in that park; so do the
    buildings, bases and other parks it names, said so or not, except one named by a park word
    (`…产业园`), which may be another park elsewhere: named more than once, that one is part of it.
    Regions one level below the article's region lie in it. In an article with no park of its own, the
    enterprises it introduces as inside its only park lie there. An article that turns to one part of its
    park (`_sole_sub_park`) places there the enterprises it names from that part's first mention on, not
    those it named before."""

    def __call__(self, draft: Draft) -> list[Link]:
        lex = draft.lex
        placed = {
            link.head for link in draft.links if link.type in ("LOCATED_IN", "PART_OF", "SUBORDINATE_TO")
        }
        regions = region_entities(draft)
        named = Counter(m.name for m in draft.mentions)
        above = _parks_above(draft, draft.main_park)
        home = _sole_sub_park(draft, named, above) if draft.main_park else None
        home_from = min((m.start for m in draft.mentions if m.name == home), default=0)
        scenes = _scenes(draft)
        bodies_parks = _covering_parks(draft)
        places = by_sentence(
            x for x in draft.mentions if x.type in ("Region", "Park", "Enterprise", "Organization")
        )
        in_building = bool(draft.main_park) and building_before(draft.main_park, lex) is not None
        found: list[Link] = []
        for m in draft.mentions:
            ref = (m.type, m.name)
            if ref in placed:
                continue
            if (
                m.type in ("Enterprise", "Organization", "Park")
                and draft.main_park
                and short_park_name(m.name, lex) != short_park_name(draft.main_park, lex)
                and m.name not in above
                and not is_regional_organ(m, lex)
                and not _park_organ(m, draft.main_park, lex)
                and not (m.type != "Park" and is_generic_name(m.name, m.type, lex))
            ):
                in_context = _in_park_context(draft, m, draft.main_park)
                generic = m.name.endswith(lex.vocabulary.generic_words("Park"))
                part = m.name.endswith(PART_PARK_WORDS)
                sub_park = m.type == "Park" and (generic or part or bool(SHORT_PARK.fullmatch(m.name)))
                if sub_park and named[m.name] < 2:
                    continue
                if m.type == "Park" and in_building:
                    continue  # a business district or another building is not in the article's building
                building = m.type == "Park" and building_before(m.name, lex) is not None
                if m.type == "Park" and not building and _placed_elsewhere(m.name, draft, lex):
                    continue  # `赴深圳前海…合作区考察`: another place's park (a building stands where it is)
                if m.type == "Park" and _visits(draft, m, draft.main_park):
                    continue  # `甲新城党工委书记乙一行赴丙集聚区调研`: the visitors' park is their own
                if m.type == "Park" and lex.is_zone(m.name) and not lex.is_zone(draft.main_park):
                    continue  # `甲产业园是乙高新区…的园区`: a zone is not inside the article's park
                if m.type in ("Enterprise", "Organization") and visited_or_partner(
                    draft, places[m.sentence], m
                ):
                    continue  # `赴甲公司学习考察`, `与乙大学共建实验室`: a unit the park's go to or work with
                # a park or building the article names lies in its park, said so or not
                if in_context or m.type in ("Enterprise", "Park"):
                    relation = "PART_OF" if sub_park else "LOCATED_IN"
                    in_home = home and m.type == "Enterprise" and m.start > home_from
                    park = home if in_home else draft.main_park
                    if m.type == "Enterprise" and m.sentence in scenes:
                        park = scenes[m.sentence]
                    park = bodies_parks.get(ref, park)
                    found.append(Link(relation, ref, ("Park", park), m.sentence, 0.5))
                    placed.add(ref)
            elif (
                m.type == "Region"
                and draft.main_region in regions
                and _directly_under(m.name, draft.main_region, regions, lex)
            ):
                found.append(Link("LOCATED_IN", ref, ("Region", draft.main_region), m.sentence, 0.5))
                placed.add(ref)
        if home_region := _main_park_region(draft, regions):
            found.append(home_region)
        found += _sole_park_enterprises(draft, placed)
        found += _subject_park_enterprises(draft, placed)
        return allowed_links(lex, found)


_CLAUSE_REST = re.compile(r"[^，,。；;！!？?\n]*")
"""The rest of a clause from where it is matched."""


def _visits(draft: Draft, m: Mention, park: str) -> bool:
    """Whether the clause `m` opens goes on to the article's `park` by a verb of motion: the people of
    `m` (or of its bodies) visit it."""
    clause = _CLAUSE_REST.match(draft.text, m.end).group()
    at = clause.find(park)
    return at > 0 and clause[:at].endswith(draft.lex.motion_verbs)


def _placed_elsewhere(name: str, draft: Draft, lex: Lexicon) -> bool:
    """Whether a park's name opens with a place that neither the article's park's name nor its region
    holds."""
    place = lex.gazetteer.match(name, 0)
    own = (draft.main_park or "", draft.main_region or "")
    return place is not None and all(place not in words for words in own)


def _parks_above(draft: Draft, park: str | None) -> set[str]:
    """The parks `park` is stated to lie in or be part of, and theirs in turn: `甲软件园位于乙高新区南部园区`
    puts 甲 in 南部园区 and so in 乙高新区, which is then no part of 甲."""
    up: defaultdict[str, set[str]] = defaultdict(set)
    for link in draft.links:
        if link.type in ("PART_OF", "LOCATED_IN") and link.head[0] == link.tail[0] == "Park":
            up[link.head[1]].add(link.tail[1])
    above: set[str] = set()
    frontier = [park] if park else []
    while frontier:
        for tail in up[frontier.pop()] - above:
            above.add(tail)
            frontier.append(tail)
    return above


_PLACE_CUE_WORDS = ("楼宇", "楼", "辖区")
"""Container words besides the park words: `楼内`, `辖区企业`."""


def _sole_park_enterprises(draft: Draft, placed: set[Ref]) -> list[Link]:
    """`园区里…的企业,分别是甲、乙`, `辖区企业丙公司`, `楼内入驻企业…例如丁`: in an article with no park of
    its own that names only one park, an enterprise its sentence introduces as inside a park or building
    (`园区里`, `园区企业`, `楼内`, `入驻企业` before it) lies in that park; one merely named there does not
    (an article about a region names the region's companies too)."""
    parks = {m.name for m in draft.mentions if m.type == "Park" and not m.generic}
    if draft.main_park or len(parks) != 1:
        return []
    park = parks.pop()
    words = alternation((*draft.lex.vocabulary.generic_words("Park"), *_PLACE_CUE_WORDS))
    cue = re.compile(f"(?:{words})(?:里|内)|(?:{words}|入驻)企业")
    found: list[Link] = []
    for m in draft.mentions:
        ref = (m.type, m.name)
        sentence = draft.sentences[m.sentence]
        if (
            m.type == "Enterprise"
            and ref not in placed
            and cue.search(sentence.text[: m.start - sentence.start])
        ):
            found.append(Link("LOCATED_IN", ref, ("Park", park), m.sentence, 0.5))
            placed.add(ref)
    return found


def _subject_park_enterprises(draft: Draft, placed: set[Ref]) -> list[Link]:
    """`甲高新区以…为品牌,依托乙公司等龙头企业,组建…`: in an article about several parks, an enterprise
    named in a sentence a park opens as its subject lies in that park, unless another park is named
    between them."""
    if draft.main_park:
        return []
    opener: dict[int, Mention] = {}
    for m in sorted(draft.mentions, key=lambda m: m.start):
        sentence = draft.sentences[m.sentence]
        if m.sentence not in opener and m.start == sentence.start and m.type == "Park" and not m.generic:
            opener[m.sentence] = m
    parks = by_sentence(m for m in draft.mentions if m.type == "Park" and m.sentence in opener)
    found: list[Link] = []
    for m in draft.mentions:
        park = opener.get(m.sentence)
        ref = (m.type, m.name)
        if m.type != "Enterprise" or park is None or ref in placed or m.start < park.end:
            continue
        if not any(park.end <= p.start < m.start for p in parks[m.sentence]):
            found.append(Link("LOCATED_IN", ref, ("Park", park.name), m.sentence, 0.5))
            placed.add(ref)
    return found


def _main_park_region(draft: Draft, regions: set[str]) -> Link | None:
    """`示例市青禾经济开发区` written once, `青禾经开区` after: the article's park lies in the article's
    region when the document writes that region before the park's name (or names the region in its own
    right and writes it in one of the park's spellings) and nothing else places the park in a region."""
    park, region = draft.main_park, draft.main_region
    if not park or not region:
        return None
    ref = ("Park", park)
    placed = (link for link in draft.links if link.type == "LOCATED_IN" and link.head == ref)
    if any(link.tail[0] == "Region" for link in placed):
        return None
    mentions = [m for m in draft.mentions if (m.type, m.name) == ref]
    spellings = {draft.text[m.start : m.end] for m in mentions} | {a for m in mentions for a in m.aliases}
    tails = {s[len(region) :] for s in spellings if s.startswith(region)}
    # `乙市丙区工业园区` for `乙丙区工业园区`: the region written whole before (the rest of) the park's name;
    # a region only inside the park's own name (`甲县工业园区`) is read out of it, not written as its place
    written = not park.startswith(region) and any(len(t) > 3 and park.endswith(t) for t in tails)
    named = region in regions and any(tails - {""})
    if not (written or named):
        return None
    return Link("LOCATED_IN", ref, ("Region", region), min(m.sentence for m in mentions), 0.5)


def _directly_under(region: str, main: str, regions: set[str], lex: Lexicon) -> bool:
    """Whether `region` lies right below the article's region: one level below it by its name's level
    word, or, for a county-level city (`甲市` in `乙市`), whose level word is a city's, by the gazetteer;
    when the gazetteer knows both, only if it puts the one in the other."""
    table = enclosing()
    up = table.get(region, ())
    if is_province(region, lex) and region not in table:
        return False  # `北京市`: a province-level city lies in no province
    if up and (main in table or is_province(main, lex)):
        # both in the gazetteer: the level words alone do not say that this county is in that city
        return up[0] == main or (main in up and region_level(region, lex) == region_level(main, lex) - 1)
    return region_level(region, lex) == region_level(main, lex) - 1


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
    return bool(verbs and (formed.search(before) or _formed_by_no_one_named(draft, m, before, verbs)))


def _formed_by_no_one_named(draft: Draft, m: Mention, before: str, verbs: tuple[str, ...]) -> bool:
    """`成立以快递寄送为重点的快递业协会`: a body formed in a sentence that names no one before it was
    formed by the article's park, the subject the sentence leaves out."""
    start = draft.sentences[m.sentence].start
    verb = re.search(alternation(verbs), before)
    named = any(
        o.sentence == m.sentence and o.start < start + (verb.start() if verb else 0) for o in draft.mentions
    )
    return bool(verb) and not named


_SCENE = re.compile(r"\s*在")
_SCENE_END = ("，", ",", "内，", "内,", "里，", "里,")


def _scenes(draft: Draft) -> dict[int, str]:
    """Sentences set in a park (`在乙软件园,…`), or opening with a park other than the article's as their
    subject (a part of it, a building: `乙谷集聚了丙、丁等40余家企业`, `乙大厦是…楼宇,丙、丁在此办公`), by
    index: the enterprises they name lie in that park; not a park the article's own lies in."""
    above = _parks_above(draft, draft.main_park)
    inner = {id(part) for x in draft.mentions for _, part in x.parts}
    scenes: dict[int, str] = {}
    paragraphs: list[Mention] = []
    for m in draft.mentions:
        if m.type != "Park" or id(m) in inner:
            continue  # `科创园党总支…`: a body's park opens no scene
        sentence = draft.sentences[m.sentence]
        opening = _SCENE.match(draft.text, sentence.start)
        if opening and opening.end() == m.start and draft.text.startswith(_SCENE_END, m.end):
            scenes[m.sentence] = m.name
        elif (
            m.name != draft.main_park
            and m.name not in above
            and not m.generic
            and _opens_as_subject(draft, m)
        ):
            scenes.setdefault(m.sentence, m.name)
            if draft.text.rfind("\n", 0, m.start) + 1 == draft.sentences[m.sentence].start:
                paragraphs.append(m)
    # `乙园主打…。丙公司是这里的龙头企业`: a paragraph such a park opens goes on about it, up to a
    # sentence set elsewhere
    for m in paragraphs:
        end = draft.text.find("\n", m.end) % (len(draft.text) + 1)
        for si in range(m.sentence + 1, len(draft.sentences)):
            if draft.sentences[si].start >= end or si in scenes:
                break
            scenes[si] = m.name
    return scenes


def _covering_parks(draft: Draft) -> dict[Ref, str]:
    """`甲大厦联合党支部覆盖乙、丙`: the enterprises a Party body of a park other than the article's
    takes in (a building's, a part's) lie in that park."""
    parks = {
        link.head: link.tail[1]
        for link in draft.links
        if link.type == "PARTY_ORG_OF" and link.tail[0] == "Park" and link.tail[1] != draft.main_park
    }
    return {
        link.tail: parks[link.head]
        for link in draft.links
        if link.type == "COVERS" and link.head in parks and link.tail[0] == "Enterprise"
    }


def _opens_as_subject(draft: Draft, m: Mention) -> bool:
    """`m` opens its sentence and its predicate follows it at once (`乙谷集聚了…`)."""
    sentence = draft.sentences[m.sentence]
    opens = m.start == sentence.start + len(sentence.text) - len(sentence.text.lstrip())
    return opens and is_name_char(draft.text[m.end : m.end + 1] or "。")


def _sole_sub_park(draft: Draft, named: Counter[str], above: set[str]) -> str | None:
    """The one part of the article's park it names more than once (`乙园区` in an article on `甲经开区`):
    the article is then about that part, and its enterprises lie there; of two such parts, or of a park named
    as often as the article's own (a rival, not a part), it says nothing. A park the article's own is stated
    to be part of (`above`) is no part of it."""
    lex = draft.lex
    main = short_park_name(draft.main_park or "", lex)
    main_count = sum(n for name, n in named.items() if short_park_name(name, lex) == main)
    parts = {
        m.name
        for m in draft.mentions
        if m.type == "Park"
        and not m.generic
        and 2 <= named[m.name] < main_count
        and m.name not in above
        and short_park_name(m.name, lex) != main
        and m.name.endswith(lex.vocabulary.generic_words("Park"))
        and not (lex.is_zone(m.name) and not lex.is_zone(draft.main_park or ""))
    }
    return parts.pop() if len(parts) == 1 else None


def _park_organ(m: Mention, park: str, lex: Lexicon) -> bool:
    """`甲经开区管委会`, `甲经开区党群工作部`: a body named after the park is its organ, which runs the park
    rather than lying in it (like a region's organs, see `is_regional_organ`)."""
    return m.type == "Organization" and m.name.startswith((park, short_park_name(park, lex)))


_HERE = re.compile(r"[^，,。；;]{0,10}?在(?:这里|此|这儿)(?:集中)?$")
"""`甲、乙等23家企业在这里|落户`: the place a verb of lying somewhere points back to."""


def _place_here(draft: Draft, mentions: Sequence[Mention], left: Mention, pos: int) -> Mention | None:
    """`其中,甲产业园面积最大,乙、丙等23家企业在这里落户`: the park a clause of lying `在这里` points back
    to is the one opening the clause before it."""
    text = draft.text
    if not _HERE.search(text, left.end, pos):
        return None
    start = draft.sentences[left.sentence].start
    clause = max(text.rfind(c, start, left.start) for c in "，,；;")
    if clause < 0:
        return None
    opening = max(start - 1, *(text.rfind(c, start, clause) for c in "，,；;：:")) + 1
    return next((m for m in mentions if m.start == opening and m.type == "Park"), None)


def _clause_neighbour(mentions: Sequence[Mention], pos: int, text: str, before: bool) -> Mention | None:
    """The nearest mention on one side of `pos` with no clause break between; of two as near, the whole
    name, not the unit read out of it (`甲经开区` of `甲经开区联合党委`)."""
    if before:
        candidates = [m for m in mentions if m.end <= pos and not _breaks(text[m.end : pos])]
        return max(candidates, key=lambda m: (m.end, m.end - m.start), default=None)
    candidates = [m for m in mentions if m.start >= pos and not _breaks(text[pos : m.start])]
    return min(candidates, key=lambda m: (m.start, m.start - m.end), default=None)


_DUTY_OPENERS = ("", "负责", "并", "主要", "具体", "专门", "并负责", "统一", "直接", "并统一")
"""What may open a clause before its verb of leading when the clause has no subject of its own."""


def _formed_subject(draft: Draft, mentions: Sequence[Mention], start: int, pos: int) -> Mention | None:
    """`成立甲联合党委,指导乙党建联盟开展工作`: a clause with no subject that opens with a verb of leading
    speaks of the Party body its sentence (from `start`) has just formed (named right after a formation
    verb). The clause break is looked for within the sentence: from the document's start, a break the
    text never writes would cost a scan of everything before."""
    text = draft.text
    clause = max(text.rfind(c, start, pos) for c in CLAUSE_BREAKS)
    if clause < 0 or text[clause + 1 : pos] not in _DUTY_OPENERS:
        return None
    verbs = tuple(draft.lex.structure.get("formation", ()))
    formed = [
        m
        for m in mentions
        if m.end <= clause
        and m.type in PARTY_TYPES
        and text[max(0, m.start - 6) : m.start].removesuffix("了").endswith(verbs)
    ]
    return formed[-1] if formed else None


_COPULAS = ("是", "为", "系")


def _described_subject(draft: Draft, mentions: Sequence[Mention], start: int, pos: int) -> Mention | None:
    """`甲物流园是全省重点物流园区,位于乙区`: a clause that opens with a verb of place speaks of the unit
    the sentence (from `start`) opens with when the clause before only said what it is."""
    text = draft.text
    clause = max(text.rfind(c, start, pos) for c in CLAUSE_BREAKS)
    first = mentions[0] if mentions else None
    if clause < 0 or clause + 1 != pos or first is None or first.start != start:
        return None
    description = text[first.end : clause]
    described = description.startswith(_COPULAS) and not any(c in CLAUSE_BREAKS for c in description)
    return first if described and first.type in ("Park", "Enterprise", "Organization") else None


def _breaks(between: str) -> bool:
    return any(c in CLAUSE_BREAKS for c in between) or len(between) > 12


class AdoptStep:
    """A practice is adopted by the actor its sentence names before it, else by the document's own unit."""

    def __call__(self, draft: Draft) -> list[Link]:
        actor = _main_actor(draft)
        mentions = by_sentence(draft.mentions)
        units = _UnitsByEnd(draft, mentions)
        committees: defaultdict[Ref, set[Ref]] = defaultdict(set)
        for link in draft.links:
            if link.type == "PARTY_ORG_OF" and link.head[0] == "Committee":
                committees[link.tail].add(link.head)
        found: list[tuple[bool, Link]] = []
        for p in (m for m in draft.mentions if m.type == "Practice"):
            stated = _subject(draft, p, mentions, units)
            subject = stated or _paragraph_subject(draft, p.sentence, mentions)
            head = (
                (subject.type, subject.name)
                if _written(draft, subject) or (stated is not None and _bare_subject(draft, stated))
                else _party_body_of(committees, subject, actor)
            )
            if head:
                link = Link("ADOPTS", head, ("Practice", p.name), p.sentence, 0.6 if subject else 0.4)
                found.append((stated is not None, link))
            for co in _co_subjects(draft, stated, mentions[p.sentence]) if stated else ():
                found.append(
                    (True, Link("ADOPTS", (co.type, co.name), ("Practice", p.name), p.sentence, 0.6))
                )
        return allowed_links(draft.lex, _stated_first(found))


def _stated_first(found: list[tuple[bool, Link]]) -> list[Link]:
    """A practice whose adopter some sentence of the text states (`党总支建起了“…”`) is not also given
    the guessed adopter (the paragraph's or the article's unit) of the sentences that only name it,
    nor the one a headline states in brief (`甲区探索“…”`, where the text says `该联盟采用“…”`)."""

    def rank(is_stated: bool, link: Link) -> int:
        return 2 if is_stated and link.sentence > 0 else int(is_stated)

    best: dict[Ref, int] = {}
    for is_stated, link in found:
        best[link.tail] = max(best.get(link.tail, 0), rank(is_stated, link))
    return [link for is_stated, link in found if rank(is_stated, link) == best[link.tail]]


def _bare_subject(draft: Draft, m: Mention) -> bool:
    """`…,开发区推行“…”`: a bare unit word opening its clause, and not qualifying what follows it
    (`园区党建工作遵循…`, `园区的…`), is the clause's subject, the unit itself."""
    return _opens_clause(draft, m) and not draft.text.startswith(("党建", "的"), m.end)


def _written(draft: Draft, subject: Mention | None) -> bool:
    """Whether the sentence names `subject` itself, by its name or another (`鄂尔多斯高新区` for
    `鄂尔多斯高新技术产业开发区`), rather than a bare unit word standing for it (`园区`)."""
    return subject is not None and not is_bare_unit(draft.text[subject.start : subject.end], draft.lex)


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


def _subject(
    draft: Draft, practice: Mention, mentions: Mapping[int, list[Mention]], units: _UnitsByEnd
) -> Mention | None:
    """The subject its sentence states before the practice: its first region below a province, park or
    committee, or the more specific unit named right after it (`北京市|房山区商会党委`, `地处某州的|某市`);
    a sentence opening with `它` or `该…` speaks of the previous sentence's subject; None where the
    sentence states none (the paragraph's subject is then a guess).

    Other bodies named before a practice are usually objects (`成立…协会,抓实“…”`,
    `以党群服务中心为依托`), so an organization, branch or enterprise counts only when it opens
    the sentence (`甲公司党支部推行“…”机制`).
    """
    sentence = draft.sentences[practice.sentence]
    in_sentence = sorted(
        (m for m in mentions[practice.sentence] if m.end <= practice.start),
        key=lambda m: m.start,
    )
    owner = _owner(draft, practice, in_sentence)
    if owner:
        return owner
    reported = [m for m in in_sentence if m.start >= _reported_from(draft, sentence.start, practice.start)]
    if any(_can_open(draft, m, sentence.start) for m in reported):
        in_sentence = reported
    actors = [m for m in _outermost(in_sentence) if _can_open(draft, m, sentence.start)]
    subject = _clause_opener(draft, practice, actors) or next(
        (m for m in actors if _opens_clause(draft, m)), actors[0] if actors else None
    )
    while subject and (following := _next_unit(draft.text, subject, in_sentence)):
        subject = following
    while subject and (pivot := _pivot(draft, subject, in_sentence)):
        subject = pivot
    bare = _bare_reference(draft, practice, units) or _referred(draft, practice, mentions)
    if bare and (subject is None or bare[0] > subject.start or _placed(draft, subject)):
        subject = bare[1]
    if subject is None and sentence.text.startswith(_BACK_REFERENCES) and practice.sentence > 0:
        previous = mentions[practice.sentence - 1]
        start = draft.sentences[practice.sentence - 1].start
        subject = next(
            (m for m in sorted(previous, key=lambda m: m.start) if _can_open(draft, m, start)), None
        )
    return subject


def _clause_opener(draft: Draft, practice: Mention, actors: Sequence[Mention]) -> Mention | None:
    """`甲党工委推行“…”,乙公司党支部创建了“…”`: an actor opening the practice's own clause, after one
    the sentence opens with, is the subject of that clause."""
    sentence = draft.sentences[practice.sentence]
    before = draft.text[sentence.start : practice.start]
    clause_start = sentence.start + max(before.rfind(c) for c in CLAUSE_BREAKS) + 1
    if clause_start == sentence.start:
        return None
    return next((m for m in actors if m.start == clause_start), None)


def _owner(draft: Draft, practice: Mention, before: Sequence[Mention]) -> Mention | None:
    """`甲物流“小红象”党建品牌`, `甲中心的“一站一中心”`, `甲开发区探索的“…”模式`: a unit written right
    before the practice (or before a verb that makes it and `的`) owns it."""
    creating = draft.lex.creating_verbs
    owners = [
        m
        for m in _outermost(before)
        if m.type in (*ACTOR_TYPES, *_OPENER_TYPES)
        and not _wide_region(m, draft.lex)
        and (
            (gap := draft.text[m.end : practice.start]) in ("", "的")
            or (gap.endswith("的") and gap[:-1].removeprefix("所").removesuffix("出") in creating)
        )
    ]
    return owners[-1] if owners else None


_REFERRING = re.compile(r"(?:^|(?<=[,，:：;；]))(?:该|此)([\u4e00-\u9fff]{1,4})")
"""`该联盟采用…`, `此后,该区推行…`: a clause opening with a demonstrative and the end of a unit's name."""


def _referred(
    draft: Draft, practice: Mention, mentions: Mapping[int, list[Mention]]
) -> tuple[int, Mention] | None:
    """The unit a demonstrative opening a clause before the practice refers to: the latest unit named
    a few sentences back (or earlier in the sentence) whose name ends in the words after it. Returns
    where the demonstrative stands, and the unit."""
    start = draft.sentences[practice.sentence].start
    found = list(_REFERRING.finditer(draft.text[start : practice.start]))
    if not found:
        return None
    at, words = start + found[-1].start(), found[-1].group(1)
    earlier = [
        m
        for i in range(max(0, practice.sentence - PARAGRAPH_REACH), practice.sentence + 1)
        for m in mentions[i]
        if m.end <= at and m.type in (*ACTOR_TYPES, *_OPENER_TYPES) and not _wide_region(m, draft.lex)
    ]
    for size in range(len(words), 0, -1):
        named = [m for m in earlier if m.name.endswith(words[:size])]
        if named:
            return at, max(named, key=lambda m: (m.end, m.end - m.start))
    return None


MAX_BARE_REFERENCE = 6
"""The longest bare end of a unit's name a clause opens with (`基地党委`, `党总支`)."""


class _UnitsByEnd:
    """The units a bare reference may take up, by each end of their names (2 to MAX_BARE_REFERENCE
    characters), in text order: the latest one before a point is one bisection away, so finding the
    adopters of a document's practices stays linear in its length."""

    def __init__(self, draft: Draft, mentions: Mapping[int, list[Mention]]) -> None:
        found: defaultdict[str, list[tuple[tuple[int, int], Mention]]] = defaultdict(list)
        for i in sorted(mentions):
            for m in mentions[i]:
                if m.type not in (*ACTOR_TYPES, *_OPENER_TYPES) or _wide_region(m, draft.lex):
                    continue
                for size in range(2, min(MAX_BARE_REFERENCE, len(m.name) - 1) + 1):
                    found[m.name[-size:]].append(((m.end, m.end - m.start), m))
        self._keys: dict[str, list[tuple[int, int]]] = {}
        self._units: dict[str, list[Mention]] = {}
        for end, entries in found.items():
            entries.sort(key=lambda entry: entry[0])
            self._keys[end] = [key for key, _ in entries]
            self._units[end] = [m for _, m in entries]

    def latest(self, end: str, before: int) -> Mention | None:
        """The unit whose name ends in `end` (and is longer) that ends last at or before `before`; of two
        ending together, the longer, and of equals the first named."""
        keys = self._keys.get(end)
        if not keys:
            return None
        last = bisect_right(keys, (before, math.inf)) - 1
        if last < 0:
            return None
        return self._units[end][bisect_left(keys, keys[last])]


def _bare_reference(draft: Draft, practice: Mention, units: _UnitsByEnd) -> tuple[int, Mention] | None:
    """`联盟采用“…”`, `党总支在…建起了“…”`: a clause before the practice that opens with the bare end of a
    unit's name (an organization word, or its end: `中心`) speaks of the latest unit so named before that
    clause (`甲公司董事长乙说,公司将推行“…”`: 甲公司). A space opens a clause too: it is all that is left
    of a line break in a page read as one line. Returns where that clause opens, and the unit."""
    start = draft.sentences[practice.sentence].start
    before = draft.text[start : practice.start]
    openings = [0, *(i + 1 for i, c in enumerate(before) if c in CLAUSE_BREAKS or c.isspace())]
    for opening in reversed(openings):
        for size in range(MAX_BARE_REFERENCE, 1, -1):
            words = before[opening : opening + size]
            if len(words) < size or not _unit_word_end(words, draft.lex):
                continue
            named = units.latest(words, start + opening)
            if named:
                return start + opening, named
    return None


def _wide_region(m: Mention, lex: Lexicon) -> bool:
    return m.type == "Region" and is_province(m.name, lex)


def _unit_word_end(words: str, lex: Lexicon) -> bool:
    """Whether `words` ends in an organization word of a unit or is the end of one (`中心` of `服务中心`)."""
    return words in lex.unit_word_suffixes or any(words[i:] in lex.unit_words for i in range(len(words)))


def _reported_from(draft: Draft, start: int, end: int) -> int:
    """Where the last reported clause before `end` begins (`甲区副区长乙说,丙镇推行…`): the speaker
    and his unit are not its subject. `start` where nothing is reported."""
    verbs = alternation(draft.lex.speech_verbs)
    said = list(re.finditer(rf"(?:{verbs})道?[,，:：]", draft.text[start:end])) if verbs else []
    return start + said[-1].end() if said else start


PARAGRAPH_REACH = 8
"""How many sentences back a paragraph's opening unit is looked for: a page without line breaks is
one paragraph, and its every practice should not walk back to the page's start."""


def _paragraph_subject(draft: Draft, index: int, mentions: Mapping[int, list[Mention]]) -> Mention | None:
    """A sentence that names no actor goes on with its paragraph's: the unit opening the nearest
    earlier sentence of the same paragraph (`甲开发区针对…。高度关注新兴领域,…抓实“…”`), the more
    specific one where its place comes first (`甲县|乙村就是一个例子。…`)."""
    stop = max(0, index - PARAGRAPH_REACH)
    while (
        index > stop and "\n" not in draft.text[draft.sentences[index - 1].end : draft.sentences[index].start]
    ):
        index -= 1
        start = draft.sentences[index].start
        outermost = _outermost(mentions[index])
        opening = [m for m in outermost if m.start == start and m.type in ACTOR_TYPES]
        if opening and _can_open(draft, opening[0], start):
            subject = opening[0]
            while following := _next_unit(draft.text, subject, outermost):
                subject = following
            return subject
    return None


def _outermost(mentions: Sequence[Mention]) -> list[Mention]:
    """The mentions that lie inside no longer one: a place inside a name (`甲县|乙合作社`,
    `丙镇|党支部`) is part of that name and no unit on its own in the sentence."""
    return [m for m in mentions if not any(_inside(m, o) for o in mentions)]


def _inside(inner: Mention, outer: Mention) -> bool:
    covers = outer.start <= inner.start and inner.end <= outer.end
    return covers and outer.end - outer.start > inner.end - inner.start


_MODIFYING = re.compile(r"(?:[(（][^()（）]*[)）])?的?")
"""Between a unit and the unit it qualifies: `北京市|房山区…`, `昌吉州(新疆)的|阜康市`."""


def _next_unit(text: str, subject: Mention, mentions: Sequence[Mention]) -> Mention | None:
    """The unit right after `subject` that it only qualifies (its place, then the unit itself)."""
    units = (m for m in mentions if m.start >= subject.end and m.type in (*ACTOR_TYPES, *_OPENER_TYPES))
    return next((m for m in units if _MODIFYING.fullmatch(text, subject.end, m.start)), None)


_CO_SUBJECT_JOINERS = ("和", "与", "、", "及", "同")


def _co_subjects(draft: Draft, subject: Mention, mentions: Sequence[Mention]) -> list[Mention]:
    """`甲党支部和乙党支部共同推行“…”`: units joined to the stated subject before it and the verb are
    subjects too (a unit after 携手 or 联合 is a partner and no subject: see `_can_open`)."""
    units = sorted(
        (m for m in _outermost(mentions) if m.type in (*ACTOR_TYPES, *_OPENER_TYPES)), key=lambda m: m.start
    )
    run: list[Mention] = []
    for m in units:
        previous = run[-1] if run else None
        if previous is None:
            if m is subject:
                run.append(m)
        elif draft.text[previous.end : m.start] in _CO_SUBJECT_JOINERS and m.type == subject.type:
            run.append(m)
        else:
            break
    return run[1:]


def _placed(draft: Draft, m: Mention) -> bool:
    """`该市还在甲开发区推行“…”`: a unit after 在 is where the subject acts, a weaker subject than the
    unit a demonstrative refers to."""
    return m.start > 0 and draft.text[m.start - 1] == "在"


def _pivot(draft: Draft, subject: Mention, mentions: Sequence[Mention]) -> Mention | None:
    """`甲组织部指导乙党工委推行“…”`: the unit right after a verb by which the subject has it act is
    who adopts."""
    verbs = draft.lex.structure.get("pivots", ())
    units = (m for m in mentions if m.start >= subject.end and m.type in (*ACTOR_TYPES, *_OPENER_TYPES))
    return next((m for m in units if draft.text[subject.end : m.start] in verbs), None)


_PARTNERING = ("携手", "联手", "与", "和", "同")
"""Words before a unit that make it a partner of the subject, not the subject (`甲园区携手乙公司党委…`)."""


def _can_open(draft: Draft, m: Mention, sentence_start: int) -> bool:
    """Whether `m` may be the subject of its sentence (see `_subject`)."""
    if m.type in _OPENER_TYPES:
        before = draft.text[sentence_start : m.start]
        clause = max(before.rfind(c) for c in CLAUSE_BREAKS) + 1
        return not before[clause:].strip(_QUOTES)
    if draft.text[max(sentence_start, m.start - 2) : m.start].endswith(_PARTNERING):
        return False
    if m.type == "Region":
        return not is_province(m.name, draft.lex)
    return m.type in ACTOR_TYPES


def _main_actor(draft: Draft) -> Ref | None:
    """Who the article is about: the region of its title below a province (not the place a park or
    Party body of the title is named after: the article is about that unit), else the unit that most often
    opens a sentence or clause, else its main park; never a whole province."""
    lex = draft.lex
    in_title = [m for m in draft.mentions if m.sentence == 0]
    bodies = [m for m in in_title if m.type in ("Committee", "Park")]
    title_regions = [
        m.name
        for m in in_title
        if m.type == "Region" and not is_province(m.name, lex) and not any(_inside(m, b) for b in bodies)
    ]
    if title_regions:
        return ("Region", title_regions[-1])
    subjects = Counter(
        (m.type, m.name)
        for m in draft.mentions
        if m.type in ("Region", "Park", "Committee")
        and not (m.type == "Region" and is_province(m.name, lex))
        and _opens_clause(draft, m)
    )
    if subjects:
        return subjects.most_common(1)[0][0]
    if draft.main_park:
        return ("Park", draft.main_park)
    main = draft.main_region
    return ("Region", main) if main and not is_province(main, lex) else None


def _opens_clause(draft: Draft, m: Mention) -> bool:
    sentence = draft.sentences[m.sentence]
    return m.start == sentence.start or draft.text[m.start - 1] in CLAUSE_BREAKS
