"""Structure read from constructions that name several bodies at once, and places read from names.

`StructureStep` returns the links the `find_*` functions of `FINDERS` find, each in the one
construction it reads: the members a joint body is formed from or takes in (COVERS), the bodies that
guide it, the branches a committee sets up or that belong to it, the bodies a Party body forms,
dash chains (SUBORDINATE_TO), departments named after their committee (PART_OF), and what lies in
a place's `的`, in the `辖区` of the place named before, is listed before `入驻`, or is a Party-building
facility named after a park (LOCATED_IN).
`PlaceStep` keeps a name's region only where the document supports it and adds the places a name
implies (`大连…开发区` in 大连市) and the named regions that enclose the article's region.
`JointReferenceStep` names a bare `这一联合党支部` after the one joint body the document names.
Trigger words come from `lexicon.toml` ([triggers.structure]).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from itertools import pairwise

from parkgraph.loaders.draft import Draft, Edit, Link, Ref, allowed_links
from parkgraph.loaders.gazetteer import enclosing
from parkgraph.loaders.groups import formed_in_title
from parkgraph.loaders.lexicon import Lexicon
from parkgraph.loaders.mentions import PARTS_NAMED, Mention, alternation
from parkgraph.loaders.names import PARTY_TYPES, is_bare_unit, region_level, region_prefix
from parkgraph.loaders.segment import Sentence

BODY_TYPES = ("Committee", "Branch", "Organization", "Enterprise")
UNIT_TYPES = ("Enterprise", "Organization")
_JOINERS = frozenset({"、", "，", ",", "和", "与", "及", "以及", "、以及", "，以及", ",以及", "；", ";"})
WORD_JOINERS = frozenset({"、", "和", "与", "及", "以及", "、以及"})
"""Joiners inside one phrase: a comma after a place's `的` phrase starts a new subject."""
_DASHES = re.compile(r"^(?:[—–\-－~～]+|→)$")
_QUOTES = "“”‘’\"'《》 "
_CLAUSE_ENDS = "。；;！？!?"
_NAME_HEAD = r"[\u4e00-\u9fffA-Za-z0-9()（）]{0,10}"
"""Name characters a list's first item may start with before the part recognized as a mention."""


def _words(draft: Draft, key: str) -> tuple[str, ...]:
    return draft.lex.structure.get(key, ())


_READ_ONLY: dict[int, dict[str, dict[int, list[Mention]]]] = {}
"""The groupings of mentions made for a draft while `StructureStep` runs, by the draft's id: its finders
read the mentions and never change them, so each grouping is made once, not once per finder."""


def _grouped(draft: Draft, make: Callable[[Draft], dict[int, list[Mention]]]) -> dict[int, list[Mention]]:
    """`make(draft)`, made once while the draft is read-only; each caller gets lists of its own."""
    made = _READ_ONLY.get(id(draft))
    if made is None:
        return make(draft)
    if make.__name__ not in made:
        made[make.__name__] = make(draft)
    return {si: list(mentions) for si, mentions in made[make.__name__].items()}


def top_level(draft: Draft) -> dict[int, list[Mention]]:
    """Per sentence, the body mentions that are not read out of a longer name, in text order."""
    return _grouped(draft, _top_level)


def _top_level(draft: Draft) -> dict[int, list[Mention]]:
    inner = {id(part) for m in draft.mentions for _, part in m.parts}
    out: dict[int, list[Mention]] = {}
    for m in sorted(draft.mentions, key=lambda m: m.start):
        if m.type in BODY_TYPES and id(m) not in inner:
            out.setdefault(m.sentence, []).append(m)
    return out


def _gap(draft: Draft, a: Mention, b: Mention) -> str:
    return draft.text[a.end : b.start].strip(_QUOTES)


_DECLARED_SHORT = re.compile(r"^[(（](?:以下简称|简称|以下称|下称)[^()（）]{1,14}[)）]")
"""A short name declared for a listed item (`甲公司(简称“甲”)、乙公司`), which breaks no list."""


def listed_run(
    draft: Draft, mentions: Sequence[Mention], first: int, joiners: frozenset[str] = _JOINERS
) -> list[Mention]:
    """The list that starts at `mentions[first]`: the mentions joined to it by 、/和/以及 …, and the
    other name an item is given in brackets (`甲、乙(丙)、丁`) or declared for it (`甲(简称“丙”)、丁`)."""
    run = [mentions[first]]
    bracketed = False
    for m in mentions[first + 1 :]:
        gap = _DECLARED_SHORT.sub("", _gap(draft, run[-1], m))
        if bracketed and gap.startswith(")"):
            gap = gap[1:]
        bracketed = gap == "("
        if gap not in joiners and not bracketed and not _skipped_items(draft, gap, run[-1]):
            break
        run.append(m)
    return run


_SKIPPED = re.compile(r"、((?:[^，,。；;：:、()（）]{2,16}、)+)")


def _skipped_items(draft: Draft, gap: str, before: Mention) -> bool:
    """`甲公司党支部、开发公司党支部、乙公司党支部`: items of the list's kind that name no unit of their own
    (`开发公司` is a kind of company) are left out of the mentions, not out of the list."""
    hit = _SKIPPED.fullmatch(gap)
    word = draft.lex.org_word_set(*PARTY_TYPES).ending_at(before.name, len(before.name)) if hit else None
    return bool(word) and all(item.endswith(word) for item in hit.group(1).split("、") if item)


def _link(type_: str, head: Mention, tail: Mention, confidence: float = 0.6) -> Link:
    return Link(type_, (head.type, head.name), (tail.type, tail.name), head.sentence, confidence)


def _units_of(m: Mention) -> list[Mention]:
    """The enterprise or organization a listed member stands for: itself, or the unit its Party body is of."""
    if m.type in UNIT_TYPES:
        return [m]
    return [inner for rel, inner in m.parts if rel == "PARTY_ORG_OF" and inner.type in UNIT_TYPES]


def member_links(formed: Mention, members: Sequence[Mention]) -> list[Link]:
    """A body formed out of listed members covers their units; listed branches come under it."""
    links = []
    for m in members:
        if m is formed:
            continue
        links += [_link("COVERS", formed, unit) for unit in _units_of(m)]
        if m.type == "Branch":
            links.append(_link("SUBORDINATE_TO", m, formed))
    return links


def _member_names(m: Mention) -> set[str]:
    """What a listed mention adds to a joint body: its units, and itself when it is a branch."""
    return {u.name for u in _units_of(m)} | ({m.name} if m.type == "Branch" else set())


def _is_joint(draft: Draft, m: Mention) -> bool:
    surface = draft.text[m.start : m.end]
    return m.type in PARTY_TYPES and any(k in m.name or k in surface for k in _words(draft, "joint_kinds"))


_COUNTED_MORE = re.compile(r"等[0-9一二三四五六七八九十两百余多]+家")
"""`甲等5家企业`: one unit named as the first of several counted."""


def find_formed_members(draft: Draft) -> list[Link]:
    """`把甲、乙等企业的党员集中起来,组建了丙联合党支部`: the units listed before a joint body is
    formed are its members (two at least, or one named as the first of several counted, `甲等5家企业`,
    so one subject doing the forming is not taken for them)."""
    verbs = alternation(_words(draft, "formation"))
    if not verbs:
        return []
    # `由甲、乙共同组建的丙联合党支部`, `…发起成立的中共丁楼宇委员会`: or the body the forming describes
    formal = alternation(draft.lex.drop_prefixes)
    formed_by = re.compile(rf"(?:{verbs})(?:了|起来|起了|起|的)?(?:一个|一支)?(?:{formal})?$")
    links: list[Link] = []
    for si, mentions in top_level(draft).items():
        sentence_start = draft.sentences[si].start
        for i, m in enumerate(mentions):
            verb = formed_by.search(draft.text, sentence_start, m.start)
            if not verb or not _is_joint(draft, m):
                continue
            opening = sentence_start
            if "的" in verb.group():
                # `…,由甲、乙共同组建的丙联合党支部`, `由甲牵头,联合乙…成立的丙楼宇党委`: a body the forming
                # describes takes in those after `由`, in the clause of the verb or the leader's before it
                opening = draft.text.rfind("由", sentence_start, verb.start())
                if opening < 0 or not _BY_TO_FORMING.fullmatch(draft.text, opening, verb.start()):
                    continue
            members = [
                x
                for x in mentions[:i]
                if opening <= x.start
                and x.end <= verb.start()
                and _member_names(x)
                and not _leading_subject(draft, x, sentence_start)
            ]
            names = set().union(*(_member_names(x) for x in members))
            if len(names) >= 2 or (names and _COUNTED_MORE.match(draft.text, members[-1].end)):
                links += member_links(m, members)
    return links


def _leading_subject(draft: Draft, m: Mention, sentence_start: int) -> bool:
    """`甲党总支牵头,把乙、丙的党员集中起来,组建丁联合党支部`: a Party body opening the sentence that
    leads the forming is above the body formed, not one of its members."""
    return m.type in PARTY_TYPES and draft.text.startswith("牵头", m.end) and _opens(draft, m, sentence_start)


_BY_TO_FORMING = re.compile(r"由[^，,。；;：:]*(?:牵头[，,][^，,。；;：:]*)?")
"""From `由` to a verb of forming: one clause, or the leader's and the next (`由甲牵头,联合乙…`)."""
_BY_WHICH = re.compile(r"^由[^，,。；;：:、]{1,8}的$")
"""`由入驻大厦的甲、乙…`: a few words describing the units after `由` leave it `由`."""


def find_guided_by(draft: Draft) -> list[Link]:
    """`丁由甲、乙和丙共同指导组建`, `丁、戊接受甲的领导`, `丁归甲管理`: the bodies listed before `由` (or
    a word of being led, `led_by`) answer to each body listed after it when the verb leads or guides;
    when the verb after `由` only forms the body before it, the listed units are its members, and one
    committee that forms a Party body is above it."""
    lead = _words(draft, "lead")
    formation = _words(draft, "formation")
    led_by = ("由", *_words(draft, "led_by"))
    links: list[Link] = []
    for mentions in top_level(draft).values():
        for i, body in enumerate(mentions[:-1]):
            after = _without_all_of(draft, draft.text[body.end : mentions[i + 1].start])
            after = _BY_WHICH.sub("由", after)
            if (after in _SET_OFF_BY or _FORMED_THEN_BY.match(after)) and _is_joint(draft, body):
                after = "由"  # `一、甲联合党支部,由乙、丙组成`, `甲联合党委正式成立,由乙、丙共同组成`
            if body.type not in (*PARTY_TYPES, "Organization") or after not in led_by:
                continue
            listed = listed_run(draft, mentions, i + 1)
            verb = re.split(f"[{_CLAUSE_ENDS}，,]", draft.text[listed[-1].end : listed[-1].end + 20])[0]
            joined = _joined_by_leader(draft, mentions, listed, formation) if body.type in PARTY_TYPES else []
            if joined:
                links += member_links(body, listed + joined)
            elif any(w in verb for w in lead):
                listed += _leads_joined(draft, mentions, listed[-1], lead)
                listed += _leading_next(draft, mentions, listed[-1], lead)
                lowers = mentions[run_start(draft, mentions, i) : i + 1]
                links += [
                    _link("SUBORDINATE_TO", lower, m)
                    for lower in lowers
                    if lower.type in (*PARTY_TYPES, "Organization")
                    for m in listed
                    if m.type != "Enterprise"
                ]
            elif (
                after == "由"
                and any(w in verb for w in formation)
                and (len(listed) >= 2 or _others(draft, listed))
            ):
                # `由甲公司、乙公司组成`, `由甲公司等4家企业的党员组成`: the units forming it are its members
                links += member_links(body, listed)
            elif (
                after == "由"
                and any(w in verb for w in formation)
                and body.type in PARTY_TYPES
                and [m.type for m in listed] == ["Committee"]
            ):
                # `乙党支部由甲党委组建`: the one committee that forms a Party body is above it
                links.append(_link("SUBORDINATE_TO", body, listed[0]))
    return links


def _others(draft: Draft, listed: Sequence[Mention]) -> bool:
    """Whether `等` after the last unit listed says the list stands for more (`甲公司等4家企业`)."""
    return draft.text.startswith("等", listed[-1].end)


def _leads_joined(
    draft: Draft, mentions: Sequence[Mention], last: Mention, lead: tuple[str, ...]
) -> list[Mention]:
    """`接受甲的领导和乙的业务指导`: each body joined after the one before's lead, by a lead of its own."""
    leads = alternation(lead)
    joined = re.compile(rf"的(?:业务|工作|直接)?(?:{leads})(?:和|与|及|以及)")
    own = re.compile(rf"的?(?:业务|工作|直接)?(?:{leads})")
    out: list[Mention] = []
    j = mentions.index(last) + 1
    while j < len(mentions) and joined.fullmatch(draft.text, last.end, mentions[j].start):
        if not own.match(draft.text, mentions[j].end):
            break
        last = mentions[j]
        out.append(last)
        j += 1
    return out


def _leading_next(
    draft: Draft, mentions: Sequence[Mention], last: Mention, lead: tuple[str, ...]
) -> list[Mention]:
    """`丁由甲指导,乙和丙共同牵头`: the bodies the next clause lists before a verb of leading (and no
    subject of their own) lead the body the clause before is about too."""
    j = mentions.index(last) + 1
    leads = alternation(lead)
    if j >= len(mentions) or not re.fullmatch(rf"(?:{leads})[，,]", draft.text[last.end : mentions[j].start]):
        return []
    listed = listed_run(draft, mentions, j)
    if not re.match(rf"(?:共同|联合|一起|负责)?(?:{leads})", draft.text[listed[-1].end : listed[-1].end + 8]):
        return []
    return listed


_SET_OFF_BY = ("，由", ",由")
"""`由` after a comma: a list item's body, then who formed it."""
_FORMED_THEN_BY = re.compile(
    r"^(?:于[^，,。；;由]{1,10}?)?(?:正式|已经|已|率先)?(?:成立|组建|挂牌成立|挂牌)(?:于[^，,。；;由]{1,10})?[，,]由$"
)
"""`甲联合党委正式成立,由…`, `乙联合党支部于当年7月成立,由…`, `成立于2019年,由…`: the body is formed
(maybe when), then who formed it is said."""
_LEADER_JOINS = re.compile(r"^牵头[，,]?(?:联合|带动|组织|吸收)[^，,。；;：:、]{0,4}$")
"""`由甲牵头,联合楼内乙、丙…`: the leader brings the units after it into the body it forms."""


def _joined_by_leader(
    draft: Draft, mentions: Sequence[Mention], leaders: Sequence[Mention], formation: tuple[str, ...]
) -> list[Mention]:
    """`丁党支部由甲公司牵头,联合乙、丙等9家单位共同组建`: the units the leader joins, when the clause
    that lists them forms the body; the leader is a member like them."""
    j = mentions.index(leaders[-1]) + 1
    if j >= len(mentions) or not _LEADER_JOINS.match(draft.text[leaders[-1].end : mentions[j].start]):
        return []
    joined = listed_run(draft, mentions, j)
    rest = re.split(f"[{_CLAUSE_ENDS}，,]", draft.text[joined[-1].end : joined[-1].end + 20])[0]
    return joined if any(w in rest for w in formation) else []


def find_set_up(draft: Draft) -> list[Link]:
    """`甲党委下设两个党支部,即乙和丙`, `四个党支部隶属甲党委,分别为:乙,丙…`: each body of the
    list answers to the one that sets them up or that they belong to."""
    openers = _words(draft, "list_openers")
    passive = tuple(w for w in draft.lex.passive_triggers if w.startswith(("隶属", "归属")))
    links: list[Link] = []
    setters: dict[int, Mention] = {}
    tops = top_level(draft)
    for si, mentions in tops.items():
        sentence = draft.sentences[si]
        for i, m in enumerate(mentions):
            before = draft.text[sentence.start : m.start]
            clause = re.split(f"[{_CLAUSE_ENDS}]", before)[-1]
            clause_start = m.start - len(clause)
            upper = _setter(draft, mentions[:i], clause_start, clause) or _carried(draft, setters, si, clause)
            if upper and _opens_list(draft, clause, openers):
                listed = [*listed_run(draft, mentions, i), *_items_after_semicolons(draft, tops, si, m)]
                links += _under_all(draft, listed, upper)
                setters[si] = upper
            department_of = _setter(draft, mentions[:i], clause_start, clause, "Organization")
            department_of = department_of or _elided_organ(draft, mentions[:i], clause_start, clause)
            department_of = department_of or _pages_organ(draft, sentence.start, clause_start, clause)
            if department_of and _opens_list(draft, clause, openers):
                listed = listed_run(draft, mentions, i)
                links += _under_all(draft, [x for x in listed if _is_department(draft, x)], department_of)
            owner = _owner(draft, mentions[:i], clause_start, passive)
            if owner and _after_opener(clause, openers):
                links += _under_all(draft, listed_run(draft, mentions, i), owner)
            if i + 1 < len(mentions) and _belongs(draft, m, mentions[i + 1], passive):
                links += _under_all(draft, mentions[run_start(draft, mentions, i) : i + 1], mentions[i + 1])
    return links


def _items_after_semicolons(
    draft: Draft, tops: dict[int, list[Mention]], si: int, opening: Mention
) -> list[Mention]:
    """`下设3个联合党支部:甲由…组成;乙覆盖…;丙则吸收…`: after a colon, each sentence a semicolon ends the
    one before of that opens with a body of the first item's kind is an item of the list too."""
    if draft.text[opening.start - 1 : opening.start] not in (":", "："):
        return []
    items = []
    while draft.sentences[si].text.rstrip().endswith((";", "；")) and si + 1 < len(draft.sentences):
        si += 1
        first = next(iter(tops.get(si, [])), None)
        if first is None or first.start != draft.sentences[si].start or first.type != opening.type:
            break
        items.append(first)
    return items


def _carried(draft: Draft, setters: dict[int, Mention], si: int, clause: str) -> Mention | None:
    """`甲党委下设两类支部:一类是…,即乙;另一类是…,包括丙、丁`: a sentence that goes on with the next
    kind of the bodies the sentence before set up has that sentence's setter."""
    if si - 1 not in setters or not draft.sentences[si].text.startswith(clause):
        return None
    return setters[si - 1] if clause.startswith(_words(draft, "next_kind")) else None


_NUMBER = "[0-9一二三四五六七八九十]+"
_ITEM_MARK = re.compile(rf"^(?:{_NUMBER}[.、．]|[(（]{_NUMBER}[)）]|[-—·•●])?\s*")
"""What may open a list item on its own line: `1.`, `（二）`, `一、`, a bullet."""


def find_headed_lists(draft: Draft) -> list[Link]:
    """`甲党委下设以下党支部:` and then one line per body (`1.乙党支部`, `2.丙党支部`): each body that
    opens a line of the list answers to (or is a part of) the body the heading sets them up in."""
    openers = _words(draft, "list_openers")
    by_sentence = top_level(draft)
    links: list[Link] = []
    for si, sentence in enumerate(draft.sentences):
        if not sentence.text.endswith((":", "：")):
            continue
        clause = re.split(f"[{_CLAUSE_ENDS}]", sentence.text)[-1]
        clause_start = sentence.end - len(clause)
        upper = _setter(draft, by_sentence.get(si, []), clause_start, clause)
        if not upper or not _opens_list(draft, clause, openers):
            continue
        for i in range(si + 1, len(draft.sentences)):
            item = draft.sentences[i]
            if "\n" not in draft.text[draft.sentences[i - 1].end : item.start]:
                continue  # a sentence further along an item's line
            first = next(iter(by_sentence.get(i, [])), None)
            opening = _ITEM_MARK.match(item.text)
            if not first or first.start != item.start + opening.end() or first.type == "Enterprise":
                break
            links += _under_all(draft, [first], upper)
    return links


def find_items_above(draft: Draft) -> list[Link]:
    """`一、甲联合党支部…` `二、乙联合党支部…` and then `以上联合党支部隶属丙党委管理`: each body that opens
    an item line right above the summing-up line answers to the body it names."""
    belong = alternation(tuple(w for w in draft.lex.passive_triggers if w.startswith(("隶属", "归属"))))
    summary = re.compile(rf"^(?:以上|上述)[^，,。；;：:]{{0,14}}?(?:{belong})于?") if belong else None
    by_sentence = top_level(draft)
    links: list[Link] = []
    for si, sentence in enumerate(draft.sentences):
        hit = summary.match(sentence.text) if summary else None
        at = sentence.start + hit.end() if hit else -1
        owner = next((m for m in by_sentence.get(si, []) if m.start == at), None)
        if owner is None or owner.type not in PARTY_TYPES:
            continue
        items = []
        for i in range(si - 1, 0, -1):
            item = draft.sentences[i]
            if "\n" not in draft.text[draft.sentences[i - 1].end : item.start]:
                continue  # a sentence further along an item's line
            if not _ITEM_MARK.match(item.text).group():
                break
            first = next(iter(by_sentence.get(i, [])), None)
            if first and first.type in PARTY_TYPES:
                items.append(first)
        links += _under_all(draft, items, owner)
    return links


def _setter(
    draft: Draft, earlier: Sequence[Mention], clause_start: int, clause: str, kind: str = "Party"
) -> Mention | None:
    """The Party body that sets up what follows: the subject of the last set-up verb before the list,
    named last before that verb, with no other body and at most one comma between. With `kind`
    Organization, the body (`甲管委会内设乙、丙`) whose departments follow a verb of internal
    structure (`has_departments`), right before that verb: after a comma it is more often the
    object of another verb (`甲是乙政府派出的机构,内部设立…`)."""
    verbs = _words(draft, "sets_up" if kind == "Party" else "has_departments")
    at = max((clause.rfind(verb) for verb in verbs), default=-1)
    before_verb = [m for m in earlier if clause_start <= m.start and m.end <= clause_start + at]
    types = PARTY_TYPES if kind == "Party" else (kind,)
    if at >= 0 and not before_verb and kind == "Party" and _is_bare_alliance(draft, clause[:at]):
        return _sole_alliance(draft)  # `联盟下设甲行业党支部`: the document's one alliance
    if at < 0 or not before_verb:
        return None
    # a Party-building alliance sets up Party bodies too (`甲党建联盟下设乙行业党支部`)
    alliance = kind == "Party" and _answers_to_party(draft, before_verb[-1])
    if before_verb[-1].type not in types and not alliance:
        return _taker_before(draft, before_verb, clause_start + at) if kind == "Party" else None
    if kind != "Party":
        return before_verb[-1] if _joined(draft, before_verb[-1].end, clause_start + at, 4) else None
    last = before_verb[-1]
    between = draft.text[last.end : clause_start + at]
    if between and _belonged_to(draft, last, clause_start):
        # `甲党委…,隶属于乙党工委,下设…`: the body it belongs to is no subject; the clause's opener is
        last, between = before_verb[0], ""
        if last.type not in types or not _opens(draft, last, clause_start):
            return None
    return last if sum(between.count(c) for c in "，,") <= 1 else None


_TAKING_CLAUSE = re.compile(r"[，,](?:将|把)[^，,。；;：:]*[，,](?:并|还|同时)?")
"""`,将乙、丙纳入统一管理,并`: a clause by which the body before it takes units in, and the joint to
the next clause, which goes on with the same body."""


def _taker_before(draft: Draft, earlier: Sequence[Mention], verb_at: int) -> Mention | None:
    """`组建甲综合党委,将乙、丙纳入统一管理,并下设…`: the Party body a clause taking units in follows is
    the subject of the verb after it, past the units taken in."""
    bodies = [m for m in earlier if m.type in PARTY_TYPES]
    last = bodies[-1] if bodies else None
    if last is None or not _TAKING_CLAUSE.fullmatch(draft.text, last.end, verb_at):
        return None
    return last


def _belonged_to(draft: Draft, m: Mention, clause_start: int) -> bool:
    """Whether `m` is named right after a verb of belonging (`隶属于乙党工委`)."""
    lead = draft.text[max(clause_start, m.start - 4) : m.start]
    return lead.endswith(tuple(w for w in draft.lex.passive_triggers if w.startswith(("隶属", "归属"))))


def _elided_organ(draft: Draft, earlier: Sequence[Mention], clause_start: int, clause: str) -> Mention | None:
    """`甲管委会是乙政府派出的机构,内部设立4个部室,分别是…`: a clause that opens with a verb of internal
    structure has no subject of its own; the body it speaks of opens the clause before it, or the
    sentence."""
    verbs = alternation(_words(draft, "has_departments"))
    opening = re.search(rf"[，,](?:内部|下面|还)?(?:{verbs})", clause) if verbs else None
    if not opening or not earlier:
        return None
    comma = clause_start + opening.start()
    # `甲党工委是…,管委会则作为市政府派出机构,内设乙、丙`: the organ opening the clause right before
    previous = max(draft.text.rfind(c, clause_start, comma) for c in "，,") + 1 or clause_start
    opener = next((m for m in earlier if m.start == previous and m.type == "Organization"), None)
    if opener:
        return opener
    first = earlier[0]
    if first.type != "Organization" or first.start >= comma:
        return None
    return first if _opens(draft, first, draft.sentences[first.sentence].start) else None


_DEPARTMENTS_LABEL = re.compile(r"(?:内设机构|内设部门|职能部门|工作部门)[:：]$")
"""A line's label over a list of departments (`内设机构:甲、乙`), on a park's page of its bodies."""


def _pages_organ(draft: Draft, sentence_start: int, clause_start: int, clause: str) -> Mention | None:
    """`内设机构:甲、乙` opening a line: the departments of the one management committee the page names."""
    if clause_start != sentence_start or not _DEPARTMENTS_LABEL.fullmatch(clause):
        return None
    words = draft.lex.management_words
    organs = {m.name: m for m in draft.mentions if m.type == "Organization" and m.name.endswith(words)}
    return next(iter(organs.values())) if len(organs) == 1 else None


def _is_department(draft: Draft, m: Mention) -> bool:
    """An office or centre a body sets up inside itself; not a Party-building alliance, which answers
    to its founder instead."""
    return m.type == "Organization" and not _answers_to_party(draft, m)


def _opens_list(draft: Draft, clause: str, openers: tuple[str, ...]) -> bool:
    """The list follows the verb directly, or after `N个…,即/分别为` that opens it, or after a count
    of its kind or the kind alone and a colon (`下设3个党支部:`, `下设以下党支部:`, `内设机构:`) or a
    bracket (`下设两个党支部(`)."""
    verbs = _words(draft, "sets_up")
    count = r"(?:[0-9一二三四五六七八九十两]+个|以下|如下)[\u4e00-\u9fff]{0,6}"
    # `下设两个党支部(乙和丙)`: or the count and the list in brackets after it
    formal = alternation(draft.lex.drop_prefixes)
    counted = rf"(?:{count}|机构|部门|科室|处室|部室)[:：]|{count}[(（](?:{formal})?"
    # `下设3个党总支,其中第一党总支…`: one of the bodies counted is named after 其中
    among = r"[0-9一二三四五六七八九十两]+个[\u4e00-\u9fff]{0,6}[，,]其中"
    # `所辖党支部有`, `下设的党组织包括`: the kind of what it sets up, then a verb that lists them
    kind_has = r"的?[\u4e00-\u9fff]{1,6}?(?:有|包括)[:：]?"
    return _after_opener(clause, openers) or any(
        re.search(
            rf"{re.escape(v)}了?{_WITHIN_IT}(?:[0-9一二三四五六七八九十两]+个|{counted}|{among}|{kind_has})?$",
            clause,
        )
        for v in verbs
    )


_WITHIN_IT = "(?:[园区楼镇县市]内)?"
"""`甲党总支下设园内乙党支部、丙党支部`: where the bodies set up are, between the verb and the list."""


def _after_opener(clause: str, openers: tuple[str, ...]) -> bool:
    """The clause ends in a list opener (`分别为:`), perhaps with the start of a first name the
    recognizer did not take into it."""
    return bool(re.search(rf"(?:{alternation(openers)})[:：]?\s*{_NAME_HEAD}$", clause))


_DEMONSTRATIVE_END = re.compile(r"(?:该|此|这一|这个|本)$")
"""`隶属于该党总支`: a demonstrative before a bare body word the body's mention leaves out."""


def _owner(
    draft: Draft, earlier: Sequence[Mention], clause_start: int, passive: tuple[str, ...]
) -> Mention | None:
    """The body named right after `隶属` in this clause, before the list that follows it."""
    for m in reversed(earlier):
        lead_in = _DEMONSTRATIVE_END.sub("", draft.text[max(clause_start, m.start - 6) : m.start])
        if m.start >= clause_start and m.type in (*PARTY_TYPES, "Organization") and lead_in.endswith(passive):
            return m
    return None


def _belongs(draft: Draft, last: Mention, owner: Mention, passive: tuple[str, ...]) -> bool:
    """`甲、乙均隶属丙`, `甲和乙都隶属于该党总支`: the list ending at `last` belongs to `owner` named right
    after the verb."""
    between = _DEMONSTRATIVE_END.sub("", _without_all_of(draft, draft.text[last.end : owner.start]))
    return between.removesuffix("于") in passive


def _without_all_of(draft: Draft, between: str) -> str:
    """What is between two bodies less a leading `均`, `都`, `统一`: `甲、乙均隶属丙`, `甲统一归乙管理`; and
    less a word setting the clause against the one before (`乙党支部则由丙、丁组建`)."""
    for word in _words(draft, "contrast"):
        between = between.removeprefix(word)
    for word in _words(draft, "all_of"):
        between = between.removeprefix(word)
    for word in _words(draft, "adverbs"):
        between = between.removeprefix(word)
    return between


def _under_all(
    draft: Draft, lowers: Sequence[Mention], upper: Mention, alliances: bool = False
) -> list[Link]:
    """A Party body answers to its upper body; an organization set up by one is a part of it. A
    Party-building alliance is no part: it answers to the body it is listed under with `alliances`
    (a chain), and otherwise to its founder, which `find_formed_by` reads with more care."""
    links = []
    for lower in lowers:
        if lower.type in PARTY_TYPES or (alliances and _answers_to_party(draft, lower)):
            links.append(_link("SUBORDINATE_TO", lower, upper))
        elif _answers_to_party(draft, lower):
            continue
        elif lower.type == "Organization":
            links.append(_link("PART_OF", lower, upper))
    return links


def _answers_to_party(draft: Draft, m: Mention) -> bool:
    """A Party body, or a Party-building alliance (`甲产业链党建联盟`), which its founder leads."""
    if m.type in PARTY_TYPES:
        return True
    return m.type == "Organization" and "党建" in m.name and m.name.endswith(_words(draft, "alliances"))


def find_formed_by(draft: Draft) -> list[Link]:
    """`甲党工委牵头成立了乙联合党委`, `由甲党工委当龙头,携手…,共同组建起乙党建联盟`, `甲街工委…,以丙大厦
    为阵地组建乙综合党委`: a body formed right after the verb answers to the Party body that opens
    the sentence or one of its clauses before the verb (its subject), when no other Party body opens
    a clause in between; so does each body listed with it (`成立了乙党建联盟和丙党建联盟`)."""
    verbs = alternation(_words(draft, "formation") + _words(draft, "sets_up"))
    if not verbs:
        return []
    formed_by = re.compile(rf"(?:{verbs})(?:了|起了|起|出)?(?:一个|一支)?$")
    links: list[Link] = []
    for si, mentions in top_level(draft).items():
        sentence_start = draft.sentences[si].start
        for i, formed in enumerate(mentions):
            verb = formed_by.search(draft.text, sentence_start, formed.start)
            if not verb or not _answers_to_party(draft, formed):
                continue
            subject = _formation_subject(draft, mentions[:i], sentence_start, verb.start())
            if subject and _in_list(draft, mentions, subject):
                continue
            listed = [x for x in listed_run(draft, mentions, i, WORD_JOINERS) if _answers_to_party(draft, x)]
            if subject:
                links += [
                    _link("SUBORDINATE_TO", x, subject) for x in listed if not _is_members_body(x, subject)
                ]
    return links


_FORMED_BY_IT = re.compile(
    r"(?:于?(?:[0-9]{4}年(?:[0-9]{1,2}月)?(?:[0-9]{1,2}日)?|今年|去年|年初|年底))?"
    r"(?:批准|指导|牵头|主导|直接)?(?:成立|组建|建立|设立|批复成立)的"
)
"""After a Party body: that it formed (or approved, or guided the forming of) what the sentence speaks
of, perhaps saying when (`甲党工委于2021年设立的`)."""


def find_said_formed_by(draft: Draft) -> list[Link]:
    """`乙联合党支部是甲党工委成立的首个联合党支部`, `乙联合党支部由…发起,是甲党委批准成立的第一家…`: a
    Party body said to be formed by another answers to it."""
    links: list[Link] = []
    for si, mentions in top_level(draft).items():
        opener = mentions[0] if mentions[0].start == draft.sentences[si].start else None
        for i, upper in enumerate(mentions[1:], 1):
            if not _FORMED_BY_IT.match(draft.text, upper.end):
                continue
            lower = mentions[i - 1]
            if _gap(draft, lower, upper) not in ("是", "系", "为"):
                # `甲联合党支部由…发起,是乙党委批准成立的…`: the sentence's opening body, said to be so
                said = draft.text[upper.start - 2 : upper.start] in ("，是", ",是")
                others = [m for m in mentions[1:i] if m.type in PARTY_TYPES]
                lower = opener if said and opener and not others else None
            if lower and lower.type in PARTY_TYPES:
                links += _under_all(draft, [lower], upper)
    return links


def _formation_subject(
    draft: Draft, earlier: Sequence[Mention], sentence_start: int, verb_at: int
) -> Mention | None:
    """The last Party body before the verb that opens a clause (or follows `由`), with no clause end
    and no other body but a unit's own Party body (a partner, `携手甲公司党委`) between it and the verb;
    another body when it leads the forming (`甲组织部指导乙园区成立了…`)."""
    openers = [m for m in earlier if m.end <= verb_at and _opens(draft, m, sentence_start)]
    leads = openers and draft.text.startswith(_words(draft, "lead"), openers[-1].end)
    if not openers or not (openers[-1].type in PARTY_TYPES or (openers[-1].type == "Organization" and leads)):
        return None
    subject = openers[-1]
    if any(c in draft.text[subject.end : verb_at] for c in _CLAUSE_ENDS):
        return None
    others = [m for m in earlier if subject.end <= m.start and m.end <= verb_at]
    if any(m.type in (*PARTY_TYPES, "Organization") and not _units_of(m) for m in others):
        return None
    return subject


def _opens(draft: Draft, m: Mention, sentence_start: int) -> bool:
    """`m` opens its sentence or a clause, perhaps after `由` (`由甲党工委牵头`)."""
    before = draft.text[sentence_start : m.start].strip(_QUOTES).removesuffix("由")
    return not before or before[-1] in _CLAUSE_ENDS + "，,：:"


def _in_list(draft: Draft, mentions: Sequence[Mention], m: Mention) -> bool:
    """`甲党支部、乙党支部一起组成…`: a listed body is a member forming the new one, not its leader."""
    i = mentions.index(m)
    after = i + 1 < len(mentions) and _gap(draft, m, mentions[i + 1]) in WORD_JOINERS
    return after or (i > 0 and _gap(draft, mentions[i - 1], m) in WORD_JOINERS)


def _is_members_body(formed: Mention, subject: Mention) -> bool:
    """A body cannot answer to itself, nor to the Party body of one of its own units."""
    return formed.name == subject.name or any(p.name == subject.name for _, p in formed.parts)


def find_taken_in(draft: Draft) -> list[Link]:
    """`甲党委吸收乙、丙`, `把乙、丙纳入甲党委`, `甲联合党支部成员单位包括乙、丙`: the committee or
    branch covers every unit listed on the other side of the verb."""
    members = tuple(m + has for m in _words(draft, "member_units") for has in _MEMBERS_ARE)
    verbs = _words(draft, "covers") + members
    links: list[Link] = []
    for si, mentions in top_level(draft).items():
        sentence = draft.sentences[si]
        s = sentence.text
        for verb in verbs:
            if verb not in s:
                continue
            for hit in re.finditer(re.escape(verb), s):
                at, end = sentence.start + hit.start(), sentence.start + hit.end()
                before = [
                    m
                    for m in mentions
                    if m.end <= at
                    and (_joined(draft, m.end, at) or _THEIR_MEMBERS.fullmatch(draft.text, m.end, at))
                ]
                after = [
                    i
                    for i, m in enumerate(mentions)
                    if m.start >= end
                    and (_joined(draft, end, m.start) or draft.text[end : m.start] in _COLONS)
                ]
                comma = _adverbs_after_comma(draft, sentence.start, at)
                if not before and comma is not None:
                    # `成立甲联合党支部,吸收乙、丙`: the body that ends the clause before goes on as subject,
                    # and so does one opening the sentence (`甲联合党支部现有党员32名,涵盖乙、丙`); a body
                    # the clause before belongs to is not (`甲行业党委隶属乙党工委,覆盖丙、丁`)
                    before = _clause_body_before(draft, mentions, comma)
                    if before and draft.text.endswith(tuple(draft.lex.passive_triggers), 0, before[-1].start):
                        before = []
                    before = before or _sentence_subject(draft, sentence, mentions, at)
                    before = before or _formed_clause_body(draft, mentions, sentence.start, at)
                if not before and after and (passive := _passive_subject(draft, mentions, at)):
                    before = [passive]
                if draft.text.startswith(_INTO_ITSELF, end) or _CLAUSE_CLOSE.match(draft.text, end):
                    links += _taken_into_it(draft, mentions, at)
                    continue
                taker = mentions[after[0]] if after and not before else None
                if taker and (listed := _listed_as_taken(draft, mentions, taker)):
                    # `纳入甲综合党委管理的有乙、丙`: what the verb takes in is listed after the body
                    links += [_link("COVERS", taker, u) for m in listed for u in _units_of(m)]
                    continue
                among = None if after else _AMONG.search(draft.text, end, sentence.end)
                if among and before and _is_joint(draft, before[-1]):
                    # `甲联合党支部覆盖楼宇内企业28家,其中包括乙、丙`: a joint body's members named after
                    # the count of them; a list opened by `包括` runs to the sentence's end (`包括龙头
                    # 企业乙、丙,配套的丁等`)
                    after = [i for i, m in enumerate(mentions) if m.start == among.end()]
                    if after and mentions[after[0]].type == "Enterprise":
                        listed = [m for m in mentions[after[0] :] if m.type == "Enterprise"]
                        links += [_link("COVERS", before[-1], m) for m in listed]
                        continue
                if (
                    before
                    and after
                    and _taken_by_what_follows(draft, mentions, before[-1], mentions[after[0]])
                ):
                    first = run_start(draft, mentions, mentions.index(before[-1]))
                    links += member_links(
                        mentions[after[0]], mentions[first : mentions.index(before[-1]) + 1]
                    )
                elif before and before[-1].type in PARTY_TYPES and after:
                    units = listed_run(draft, mentions, after[0], WORD_JOINERS)
                    links += [_link("COVERS", before[-1], u) for m in units for u in _units_of(m)]
                elif before and after and mentions[after[0]].type in PARTY_TYPES:
                    first = run_start(draft, mentions, mentions.index(before[-1]))
                    units = mentions[first : mentions.index(before[-1]) + 1]
                    links += [_link("COVERS", mentions[after[0]], u) for m in units for u in _units_of(m)]
    return links


_TAKEN_ARE = re.compile(
    r"(?:统一)?(?:管理|覆盖范围)?的(?:[\u4e00-\u9fff]{0,4}(?:企业|单位))?(?:有|包括|为|是)[:：]?"
)
"""After the body a verb takes units into, the words that list them (`纳入甲党委管理的有…`)."""


def _listed_as_taken(draft: Draft, mentions: list[Mention], taker: Mention) -> list[Mention]:
    """`首批纳入甲综合党委管理的有乙、丙等17家企业`: the units listed after the words that say they are
    the ones taken into the Party body `taker`."""
    said = _TAKEN_ARE.match(draft.text, taker.end) if taker.type in PARTY_TYPES else None
    first = next((i for i, m in enumerate(mentions) if said and m.start == said.end()), None)
    return [] if first is None else listed_run(draft, mentions, first, WORD_JOINERS)


_PASSIVE_AFTER_CLAUSE = re.compile(r"[^，,。；;]{0,16}[，,](?:均|都|也|则|已|先后|全部|统一)*被$")
"""`甲、乙等企业党员较少,被纳入…`: one clause about the units, then `被` and the verb."""


def _passive_subject(draft: Draft, mentions: Sequence[Mention], at: int) -> Mention | None:
    """The last of the companies the clause before a passive verb (`,被纳入甲联合党支部`) lists."""
    companies = [m for m in mentions if m.end <= at and m.type == "Enterprise"]
    if companies and _PASSIVE_AFTER_CLAUSE.match(draft.text[companies[-1].end : at]):
        return companies[-1]
    return None


_NOW = re.compile(r"(?:目前|现已|现|已经|已|还|共|先后|累计|陆续)*")
"""Adverbs of time between the comma that ends a clause and the verb of the next (`,目前吸收乙、丙`)."""
_CLAUSE_CLOSE = re.compile(r"(?:进来|进去)?(?:[，,。；;]|$)")
"""What closes the clause right after a verb that takes in what the `将`/`把` before it lists (maybe
after the verb's direction: `把乙、丙纳入进来`)."""


def _adverbs_after_comma(draft: Draft, floor: int, at: int) -> int | None:
    """Where the comma stands that only adverbs of time separate from `at`, if one does."""
    comma = max(draft.text.rfind(c, floor, at) for c in "，,")
    return comma if comma >= 0 and _NOW.fullmatch(draft.text, comma + 1, at) else None


_MEMBERS_ARE = ("包括", "有", "为")
"""After a word for a body's members, the verbs that list them."""


_THEIR_MEMBERS = re.compile(
    r"(?:等[0-9一二三四五六七八九十两百余多]+家(?:企业|单位|公司)?)?的?"
    r"(?:(?:[0-9一二三四五六七八九十两百余多]+名)?(?:全体)?党员|党组织)"
)
"""`把甲、乙等9家企业的15名党员纳入丙联合党支部`, `把甲、乙等18家企业的党组织纳入…`: taking in units'
Party members, or their Party bodies, takes in the units."""


_JUST_FORMED = re.compile(r"(?:正式|已经|已)?(?:挂牌成立|成立|组建|挂牌)(?:了)?")


def _formed_clause_body(draft: Draft, mentions: Sequence[Mention], floor: int, at: int) -> list[Mention]:
    """`在甲的指导下,乙大厦党委成立,覆盖楼内丙、丁`: the Party body whose forming the clause before
    says, as that clause's whole, takes in what follows."""
    opener = _clause_opener_before(draft, mentions, floor, at)
    if opener is None or opener.type not in PARTY_TYPES:
        return []
    return [opener] if _JUST_FORMED.fullmatch(draft.text, opener.end, at - 1) else []


_AMONG = re.compile(r"[，,](?:其中)?(?:包括|有)[:：]?(?:[\u4e00-\u9fff]{0,4}企业)?")
_COLONS = (":", "：")
"""`成员单位包括:甲、乙`: a colon may open the list a verb takes in."""
_INTO_ITSELF = ("其中", "统一管理", "管理", "覆盖范围", "覆盖")
"""After the verb, words for the taking body itself (`将乙、丙纳入其中`, `甲将乙、丙纳入管理`)."""
_TAKING = ("将", "把")
_WITHIN = re.compile(r"(?:园区|园|区|楼|辖区)?内?")
"""What may stand between `将`/`把` and the list it opens (`将园内甲、乙…纳入`)."""


_ASIDE = re.compile(r"[，,](由[^，,。；;]*)$")
"""A clause naming who leads or staffs what the clause before formed (`,由甲担任书记`)."""


def _clause_body_before(draft: Draft, mentions: list[Mention], end: int) -> list[Mention]:
    """The Party body ending the clause that ends at `end` (`成立甲联合党支部,吸收乙、丙`), or ending the
    clause before an aside on who leads it (`成立甲党委,由乙担任书记,吸纳丙、丁`)."""
    while True:
        body = [m for m in mentions if m.end == end and m.type in PARTY_TYPES]
        aside = _ASIDE.search(draft.text, max(0, end - 40), end)
        if body or not aside:
            return body
        end = aside.start()


_SCENE = re.compile(r"在[^，,。；;]{2,30}[，,]")
"""`在甲基金小镇,`: where a sentence is set, before its subject."""
_EXAMPLE = re.compile(r"以[^，,。；;]{1,12}为例[，,]")
"""`以家电行业为例,`: the example a sentence sets before its subject."""
_CONNECTIVE = re.compile(r"[\u4e00-\u9fff]{1,4}[，,]")
"""A connective that opens a sentence before its subject (`其中,`, `同时,`, `此外,`)."""


_LEADING_UNIT = re.compile(r"为(?:龙头|核心|依托|主体|牵引|引领)")
"""`甲产业链党委以乙公司为龙头,覆盖丙、丁`: the unit a body is built around is no other subject."""
_DEMONSTRATIVE = re.compile("这一个|这一|这个|该|此")
"""What may stand before a body named again at a sentence's start (`这个联合党委…`)."""


def _sentence_subject(draft: Draft, sentence: Sentence, mentions: list[Mention], at: int) -> list[Mention]:
    """The Party body opening the sentence (after a connective, `其中,`), when no other unit stands
    between it and `at` but the agent of what formed it (`甲联合党支部由乙党支部牵头,吸收丙、丁`)."""
    # `在甲基金小镇,乙党委…,覆盖丙、丁`: the sentence's scene comes before its subject, and so does
    # the example it sets (`以家电行业为例,`)
    scene = _SCENE.match(draft.text, sentence.start, sentence.end) or _EXAMPLE.match(
        draft.text, sentence.start, sentence.end
    )
    opening = scene.end() if scene else sentence.start
    first = next((m for m in mentions if m.start >= opening), None)
    if first is None or first.type not in PARTY_TYPES:
        return []
    if first.start != opening and not (
        _CONNECTIVE.fullmatch(draft.text, opening, first.start)
        or _DEMONSTRATIVE.fullmatch(draft.text, opening, first.start)
    ):
        return []
    between = [m for m in mentions if first.end <= m.start and m.end <= at]
    by_whom = draft.text[first.end : first.end + 1] == "由"
    # `甲联合党委在乙党工委的统一领导下开展工作,成员单位包括…`: who leads it, or what it belongs to
    # (`甲行业党委隶属乙党工委,覆盖…`), is no other subject
    under = tuple(f"的{w}" for w in _words(draft, "under")) + _words(draft, "under")
    others = [
        m
        for m in between
        if not (by_whom and not re.search(r"[，,]", draft.text[first.end : m.start]))
        and not draft.text.startswith(under, m.end)
        and not draft.text.endswith(tuple(draft.lex.passive_triggers), 0, m.start)
        and not _LEADING_UNIT.match(draft.text, m.end)
    ]
    return [] if any(m.type in (*PARTY_TYPES, *UNIT_TYPES) for m in others) else [first]


def _taken_by_what_follows(draft: Draft, mentions: list[Mention], last: Mention, taker: Mention) -> bool:
    """`将甲党支部、乙公司纳入丙综合党委`: a list that `将`/`把` opens is taken in by the Party body after
    the verb, whatever bodies the list holds; so is a list opening its clause that the verb puts under
    that body's management (`甲党支部、乙党支部统一纳入丙综合党委管理`)."""
    if taker.type not in PARTY_TYPES:
        return False
    first = mentions[run_start(draft, mentions, mentions.index(last))]
    if draft.text[first.start - 1 : first.start] in _TAKING:
        return True
    opens = first.start == draft.sentences[first.sentence].start or draft.text[first.start - 1] in "，,"
    return opens and draft.text.startswith(_MANAGED, taker.end)


_MANAGED = ("管理", "统一管理", "领导", "统一领导")
"""What follows the body a list is put into when the list is what is managed (`纳入甲党委管理`)."""


def _taken_into_it(draft: Draft, mentions: list[Mention], at: int) -> list[Link]:
    """`组建甲党委,将乙、丙纳入其中`, `甲联合党支部将乙、丙纳入管理`: the taking body is the last Party body
    the sentence names before the `将`/`把` that opens the list the verb at `at` takes in."""
    taking = max(draft.text.rfind(word, 0, at) for word in _TAKING)
    listed = [m for m in mentions if taking < m.start and m.end <= at]
    if taking < 0 or not listed or not _WITHIN.fullmatch(draft.text, taking + 1, listed[0].start):
        return []
    # `甲综合党委在乙党工委的领导下开展工作,目前已将…纳入`: the body under whose lead it works takes in none
    under = tuple(f"的{w}" for w in _words(draft, "under")) + _words(draft, "under")
    bodies = [
        m
        for m in mentions
        if m.end <= taking
        and m.type in PARTY_TYPES
        and m.sentence == listed[0].sentence
        and not draft.text.startswith(under, m.end)
    ]
    members = listed_run(draft, mentions, mentions.index(listed[0]), WORD_JOINERS)
    return member_links(bodies[-1], members) if bodies else []


def find_member_lists(draft: Draft) -> list[Link]:
    """`甲综合党委现有乙、丙等5家成员企业`: a Party body that has units listed as its members covers them."""
    members = alternation(_words(draft, "member_units"))
    if not members:
        return []
    has = re.compile(r"(?:目前|现|已|共)?(?:有|拥有|包括|包含)")
    counted = re.compile(rf"等?[0-9一二三四五六七八九十两百余多]*(?:家|个)?(?:{members})")
    links: list[Link] = []
    for mentions in top_level(draft).values():
        for i, body in enumerate(mentions[:-1]):
            if body.type not in PARTY_TYPES or not has.fullmatch(_gap(draft, body, mentions[i + 1])):
                continue
            listed = listed_run(draft, mentions, i + 1, WORD_JOINERS)
            if counted.match(draft.text, listed[-1].end):
                links += [_link("COVERS", body, u) for m in listed for u in _units_of(m)]
    return links


_MEMBERS_HEADING = r"^(?:[一二三四五六七八九十]+、|[0-9]+[.、])?\s*(?:{members})(?:名单)?[:：]?\s*$"


def find_member_heading(draft: Draft) -> list[Link]:
    """`二、成员单位` over a line listing Party bodies or units, in a notice forming a Party body: that body
    covers their units, and the listed branches come under it."""
    members = alternation(_words(draft, "member_units"))
    formed = formed_in_title(draft) if members else None
    if formed is None or formed.type not in PARTY_TYPES:
        return []
    heading = re.compile(_MEMBERS_HEADING.format(members=members), re.MULTILINE)
    mentions = [m for ms in top_level(draft).values() for m in ms]
    links: list[Link] = []
    for hit in heading.finditer(draft.text):
        line_start = hit.end() + 1
        first = next((i for i, m in enumerate(mentions) if m.start == line_start), None)
        if first is not None:
            links += member_links(formed, listed_run(draft, mentions, first, WORD_JOINERS))
    return links


def _joined(draft: Draft, start: int, end: int, most: int = 6) -> bool:
    """Nothing but a few words of the same clause lie between (`等企业`, `了`)."""
    between = draft.text[start:end]
    return len(between) <= most and not any(c in between for c in _CLAUSE_ENDS + "，,：:")


def run_start(draft: Draft, mentions: Sequence[Mention], last: int) -> int:
    """Index of the first mention of the list that ends at `mentions[last]`."""
    first = last
    while first > 0 and _gap(draft, mentions[first - 1], mentions[first]) in WORD_JOINERS:
        first -= 1
    return first


def find_listed_placed(draft: Draft) -> list[Link]:
    """`甲、乙等一批企业已入驻丙产业园`: every unit of the list lies where the verb puts the last one."""
    verbs = tuple(w for w in draft.lex.triggers.get("LOCATED_IN", ()) if w in draft.lex.passive_triggers)
    verbs += tuple(w for w in ("进驻",) if w in draft.lex.triggers.get("LOCATED_IN", ()))
    links: list[Link] = []
    for si, mentions in top_level_places(draft).items():
        sentence = draft.sentences[si]
        for verb in verbs:
            if verb not in sentence.text:
                continue
            for hit in re.finditer(re.escape(verb), sentence.text):
                at, end = sentence.start + hit.start(), sentence.start + hit.end()
                before = [i for i, m in enumerate(mentions) if m.end <= at and _joined(draft, m.end, at, 16)]
                after = [m for m in mentions if m.start >= end and _joined(draft, end, m.start, 2)]
                if not before or not after or after[0].type not in ("Region", "Park"):
                    continue
                place = chain_end(mentions, after[0])
                first = run_start(draft, mentions, before[-1])
                for m in mentions[first : before[-1] + 1]:
                    if _lies_in(m, place, draft.lex) and m.type != "Region":
                        links.append(_link("LOCATED_IN", m, place, 0.6))
    return links


_TAKES_IN = re.compile(r"[，,](?:已|先后|共|还)?(?:入驻|引进|集聚|聚集|吸引)(?:了|有)")
"""`…,入驻了甲、乙等企业`: a clause that opens with a verb of taking units in, with no subject of its own."""
_PARK_OPENERS = ("其中", "而", "")


def find_taken_in_by_subject(draft: Draft) -> list[Link]:
    """`其中,甲工业园以电子信息产业为主,入驻了乙公司、丙公司等企业`: the enterprises a subjectless clause
    takes in lie in the park the clause before opens with."""
    links: list[Link] = []
    for si, mentions in top_level_places(draft).items():
        sentence = draft.sentences[si]
        for hit in _TAKES_IN.finditer(sentence.text):
            at, end = sentence.start + hit.start(), sentence.start + hit.end()
            clause = (
                max(sentence.start - 1, *(draft.text.rfind(c, sentence.start, at) for c in "，,。；;：:")) + 1
            )
            opener = next((m for m in mentions if clause <= m.start < at), None)
            lead = draft.text[clause : opener.start] if opener else None
            first = next((i for i, m in enumerate(mentions) if m.start >= end), None)
            if opener is None or opener.type != "Park" or lead not in _PARK_OPENERS or first is None:
                continue
            if not _joined(draft, end, mentions[first].start, 2):
                continue
            links += [
                _link("LOCATED_IN", m, opener)
                for m in listed_run(draft, mentions, first)
                if m.type == "Enterprise"
            ]
    return links


def top_level_places(draft: Draft) -> dict[int, list[Mention]]:
    """Per sentence, the places and units not read out of a longer name, in text order."""
    return _grouped(draft, _top_level_places)


def _top_level_places(draft: Draft) -> dict[int, list[Mention]]:
    inner = {id(part) for m in draft.mentions for _, part in m.parts}
    out: dict[int, list[Mention]] = {}
    for m in sorted(draft.mentions, key=lambda m: m.start):
        if m.type in ("Region", "Park", *UNIT_TYPES) and id(m) not in inner:
            out.setdefault(m.sentence, []).append(m)
    return out


def chain_end(mentions: Sequence[Mention], first: Mention) -> Mention:
    """`位于甲县乙镇`: the place where a chain of places written one after another ends."""
    end = first
    while nxt := next((m for m in mentions if m.start == end.end and m.type in ("Region", "Park")), None):
        end = nxt
    return end


def find_led_under(draft: Draft) -> list[Link]:
    """`在甲党工委的领导下,乙联合党委…`, `乙联合党委在甲党工委统筹指导下…`, `在甲指导、丙主导的前提下,乙…`,
    `在甲、丁的指导下,乙…`: the body the sentence goes on with, or the one right before `在`, answers
    to 甲 (and to each body listed with it)."""
    under = alternation(tuple(w.removesuffix("下") for w in _words(draft, "under")))
    # `在甲指导、乙主导的前提下`: another's share may come between the lead and the `下`
    share = r"(?:[、和及与][^，,。；;：:]{1,12}?)?"
    manner = alternation(_words(draft, "under_manner"))
    phrase_of = re.compile(rf"的?(?:{manner or '(?!)'})?(?:{under})+{share}(?:的前提|的情况)?下[，,]?")
    # `乙联合党支部的成立,是在甲的指导下`: the body whose forming the clause speaks of
    forming = re.compile(rf"的?(?:{alternation(_words(draft, 'formation'))})[，,]?(?:是|正是|就是)?")
    links: list[Link] = []
    leading = (*PARTY_TYPES, "Organization")
    for mentions in top_level(draft).values() if under else ():
        for i, first in enumerate(mentions):
            uppers = listed_run(draft, mentions, i, WORD_JOINERS)
            last = uppers[-1]
            lead_in = draft.text[max(0, first.start - 1) : first.start]
            phrase = phrase_of.match(draft.text[last.end : last.end + 30])
            if lead_in != "在" or not phrase:
                continue
            before = mentions[i - 1] if i > 0 else None
            gap = draft.text[before.end : first.start - 1] if before else ""
            subject = before if before and (not gap or forming.fullmatch(gap)) else None
            if subject is None and before and gap in COMMAS and _formed_object(draft, before):
                subject = before  # `成立了乙综合党委,在甲党工委领导下统筹…`: the body just formed goes on
            if subject is None and _bare_alliance_before(draft, first.start - 1):
                subject = _sole_alliance(draft)  # `联盟在甲党工委的领导下开展工作`
            after = mentions[i + len(uppers) :]
            # `在甲的坚强领导和乙的具体指导下`: the body that shares the lead leads too
            sharing = [m for m in after if m.end <= last.end + phrase.end() and m.type in leading]
            uppers = [*uppers, *sharing]
            after = [m for m in after if m.start >= last.end + phrase.end()]
            lower = next((m for m in after if m.type in leading), None)
            if subject and subject.type not in leading:
                subject = _body_formed_by(draft, after, subject)
            elif not subject and after and after[0].type not in leading:
                joined = _joined(draft, last.end + phrase.end(), after[0].start)
                subject = _body_formed_by(draft, after, after[0]) if joined else None
            if not (subject and subject.type in leading):
                subject = lower if lower and _joined(draft, last.end + phrase.end(), lower.start) else None
            subject = subject or _described_by_forming(draft, after, last.end + phrase.end())
            if subject:
                links += [
                    _link("SUBORDINATE_TO", subject, upper) for upper in uppers if upper.type in leading
                ]
    return links


COMMAS = ("，", ",")
"""The comma, full width or not, that ends a clause."""


def _described_by_forming(draft: Draft, after: Sequence[Mention], at: int) -> Mention | None:
    """`在甲党委指导下,由乙、丙等企业联合组建的丁联合党支部…`: the body that a clause from `at`, `由` its
    members and a verb of forming, describes with `的`."""
    formation = alternation(_words(draft, "formation"))
    by_whom = re.compile(rf"由[^，,。；;：:]{{2,80}}?(?:{formation})的") if formation else None
    clause = by_whom.match(draft.text, at, at + 90) if by_whom else None
    if not clause:
        return None
    leading = (*PARTY_TYPES, "Organization")
    return next((m for m in after if m.start == clause.end() and m.type in leading), None)


def _formed_object(draft: Draft, m: Mention) -> bool:
    """Whether `m` is what its clause forms (`成立了乙综合党委`): a verb of forming right before it."""
    verbs = tuple(v + suffix for v in _words(draft, "formation") for suffix in ("了", ""))
    return draft.text.endswith(verbs, max(0, m.start - 8), m.start)


def _body_formed_by(draft: Draft, after: Sequence[Mention], unit: Mention) -> Mention | None:
    """`甲公司在乙党委指导下成立了党支部`, `在乙党委指导下,甲公司成立了党支部`: the Party body a unit
    forms in its clause (named after the unit by `units._formed_at`), which answers to the one leading."""
    clause_end = _clause_end(draft, unit.end)
    return next(
        (
            m
            for m in after
            if m.start < clause_end
            and m.type in PARTY_TYPES
            and m.name.startswith(unit.name)
            and m.name != unit.name
        ),
        None,
    )


def _clause_end(draft: Draft, at: int) -> int:
    """Where the clause holding `at` ends."""
    hit = re.compile(r"[，,。；;！!？?\n]").search(draft.text, at)
    return hit.start() if hit else len(draft.text)


def find_led_lists(draft: Draft) -> list[Link]:
    """`甲党工委指导乙党支部、丙党支部…`, `甲党工委统筹领导乙、丙`, `甲党工委对乙、丙实行统一管理`,
    `甲党工委以自身为“1”,统筹乙、丙`: each Party body (or other body, after `对`) of the list answers
    to the body that leads it."""
    lead = alternation(_words(draft, "lead"))
    if not lead:
        return []
    verb = re.compile(rf"(?:统一|直接|负责)?(?:{lead})(?:[和、与]?(?:{lead}))?")
    # `对乙进行业务指导`: the kind of lead (业务, 工作) may stand before its verb
    kind = "(?:统一|直接|业务|工作)?"
    after_list = re.compile(rf"(?:的[^，,。；;]{{0,8}}?)?(?:实行|进行|实施)?{kind}(?:{lead})")
    # `甲党工委以自身为“1”,统筹乙党委、丙党委`: the next clause, with no subject, leads on from the
    # sentence's opening body
    next_clause = re.compile(rf"[^，,。；;：:]{{0,20}}[，,](?:并|还|同时|也)?{verb.pattern}")
    leading = (*PARTY_TYPES, "Organization")
    links: list[Link] = []
    for si, mentions in top_level(draft).items():
        opening = (
            listed_run(draft, mentions, 0, WORD_JOINERS)
            if mentions[0].start == draft.sentences[si].start
            else []
        )
        for i, upper in enumerate(mentions[:-1]):
            gap = _gap(draft, upper, mentions[i + 1])
            opens = bool(opening) and upper is opening[-1] and bool(next_clause.fullmatch(gap))
            opens = opens and not _person_between(draft, upper.end, mentions[i + 1].start)
            if upper.type not in leading or not (gap == "对" or verb.fullmatch(gap) or opens):
                continue
            uppers = [m for m in opening if m.type in leading] if opens else [upper]
            listed = listed_run(draft, mentions, i + 1, WORD_JOINERS)
            if gap == "对":
                if not after_list.match(draft.text, listed[-1].end):
                    continue
                lowers = [m for m in listed if m.type in leading]
            else:
                lowers = [m for m in listed if m.type in PARTY_TYPES]
            links += [_link("SUBORDINATE_TO", m, u) for u in uppers for m in lowers if m.name != u.name]
    return links


def _person_between(draft: Draft, start: int, end: int) -> bool:
    """`甲党委书记乙丙,指导…`: a person named between a body and a clause is that clause's subject."""
    return any(m.type == "Person" and start <= m.start and m.end <= end for m in draft.mentions)


def find_topic_duties(draft: Draft) -> list[Link]:
    """`甲联合党委,书记由…担任,负责指导乙` (or `负责对乙…进行指导`): a clause of duties with no subject
    of its own is the sentence's first Party body's, so 乙 answers to it; `甲党工委的关系归属…,日常工作
    由乙负责统筹和指导`: the sentence's first Party body answers to the body leading after `由`. A bare
    `联盟` stands for the one Party-building alliance the document names."""
    lead = alternation(_words(draft, "lead"))
    if not lead:
        return []
    guides = re.compile(rf"[，,](?:并|主要|具体)?负责(?:统筹)?(?:{lead})|[，,](?:并|主要)?负责对")
    led_by = re.compile(rf"由(?P<upper>.*?)(?:负责|统一|直接|具体)?(?:{lead})")
    alliance = _sole_alliance(draft)
    links: list[Link] = []
    for si, mentions in top_level(draft).items():
        links += _elided_belonging(draft, mentions, si)
        sentence = draft.sentences[si]
        # the first Party body the sentence speaks of, not one whose lead it is set under (`在甲党工委的
        # 统一领导下开展工作,日常业务由乙负责指导`: the sentence's subject answers to 乙, not 甲)
        under = tuple(f"的{w}" for w in _words(draft, "under")) + _words(draft, "under")
        topic = next(
            (
                m
                for m in mentions
                if m.type in PARTY_TYPES
                and not draft.text.startswith(under, m.end)
                and not draft.text.endswith("由", 0, m.start)
            ),
            None,
        )
        # `联盟由甲牵头组建,日常工作由乙具体指导`: a bare alliance opening the sentence is its subject; the
        # body after `由` is who formed it, not whom the later clause speaks of
        subject = re.split("[，,]", sentence.text.split("由", 1)[0])[-1] if "由" in sentence.text else ""
        alliance_topic = (
            _alliance_before(draft, sentence.start) if _is_bare_alliance(draft, subject) else None
        )
        for hit in guides.finditer(sentence.text):
            at = sentence.start + hit.end()
            lower = _body_at(draft, mentions, at, alliance)
            unled = hit.group().endswith("对") and not _led_after(draft, at, lead)
            if lower and topic and at > topic.end and not unled:
                # `负责指导乙党支部、丙党支部等`: each body listed answers to it
                listed = (
                    listed_run(draft, mentions, mentions.index(lower), WORD_JOINERS)
                    if lower in mentions
                    else []
                )
                lowers = [lower, *(m for m in listed if m is not lower and m.type == lower.type)]
                links += [replace(x, sentence=si) for x in _under_all(draft, lowers, topic, alliances=True)]
        for hit in led_by.finditer(sentence.text):
            at = sentence.start + hit.start()
            clause_start = at - len(re.split("[，,。；;：:]", sentence.text[: hit.start()])[-1])
            upper = next((m for m in mentions if m.start == at + 1), None)
            own = [m for m in mentions if clause_start <= m.start < at]
            lower = topic if topic and not own and topic.end < at else None
            lower = lower or (alliance_topic if not own else None)
            previous = _clause_opener_before(draft, mentions, sentence.start, clause_start)
            previous = previous or _formed_just_before(draft, mentions, sentence.start, clause_start)
            if lower and not own and previous:
                lower = previous  # `其中甲中心设在乙社区,由丙统筹管理`: the clause before says whose
            if _is_bare_alliance(draft, draft.text[clause_start:at]):
                lower = alliance
            if upper and upper.end == sentence.start + hit.end("upper") and lower:
                links += [replace(x, sentence=si) for x in _under_all(draft, [lower], upper, alliances=True)]
    return links


_CLAUSE_OPENERS = ("其中", "该", "并", "而")


def _clause_before(text: str, floor: int, clause_start: int) -> tuple[int, int] | None:
    """(start, comma) of the clause of a sentence (from `floor`) that a comma right before
    `clause_start` ends."""
    comma = clause_start - 1
    if comma <= floor or text[comma] not in "，,":
        return None
    return max(floor - 1, *(text.rfind(c, floor, comma) for c in "，,。；;：:\n")) + 1, comma


def _clause_opener_before(
    draft: Draft, mentions: Sequence[Mention], floor: int, clause_start: int
) -> Mention | None:
    """The body that opens the clause of its sentence (from `floor`) ending right before
    `clause_start`, after a comma: `其中甲中心设在乙社区,…`."""
    clause = _clause_before(draft.text, floor, clause_start)
    if clause is None:
        return None
    start, comma = clause
    lead = next((w for w in _CLAUSE_OPENERS if draft.text.startswith(w, start, comma)), "")
    first = next((m for m in mentions if start <= m.start < comma), None)
    if first is None or first.start != start + len(lead) or first.type not in ("Organization", *PARTY_TYPES):
        return None
    return first


def _formed_just_before(
    draft: Draft, mentions: Sequence[Mention], floor: int, clause_start: int
) -> Mention | None:
    """`决定成立甲联合委员会(以下简称…),由乙管理`: the Party body the clause before forms, last in it."""
    text = draft.text
    clause = _clause_before(text, floor, clause_start)
    if clause is None:
        return None
    start, comma = clause
    verbs = tuple(_words(draft, "formation"))
    formed = [
        m
        for m in mentions
        if start <= m.start < comma
        and m.type in PARTY_TYPES
        and text[max(start, m.start - 6) : m.start].removesuffix("了").endswith(verbs)
    ]
    return formed[-1] if formed and verbs else None


def _elided_belonging(draft: Draft, mentions: Sequence[Mention], si: int) -> list[Link]:
    """`甲党支部成立于2019年,隶属乙党委`: a clause of belonging with no subject of its own is said of
    the Party body named last before it in the sentence."""
    passive = tuple(w for w in draft.lex.passive_triggers if w.startswith(("隶属", "归属", "归口")))
    if not passive:
        return []
    sentence = draft.sentences[si]
    belongs = re.compile(rf"[，,](?:{alternation(_words(draft, 'all_of'))})?(?:{alternation(passive)})于?")
    links: list[Link] = []
    for hit in belongs.finditer(sentence.text):
        at = sentence.start + hit.end()
        upper = _body_at(draft, mentions, at, None)
        before = [m for m in mentions if m.end <= sentence.start + hit.start() and m.type in PARTY_TYPES]
        if upper and before and before[-1].name != upper.name:
            links.append(_link("SUBORDINATE_TO", before[-1], upper))
    return links


def _body_at(draft: Draft, mentions: Sequence[Mention], at: int, alliance: Mention | None) -> Mention | None:
    """The body named at `at`, or the document's alliance when a bare alliance word stands there."""
    named = next((m for m in mentions if m.start == at and m.type in (*PARTY_TYPES, "Organization")), None)
    if named or not alliance:
        return named
    return alliance if _is_bare_alliance(draft, draft.text, start=at) else None


def _bare_alliance_before(draft: Draft, at: int) -> bool:
    """Whether a clause opens with a bare alliance word that ends at `at` (`…。联盟在…`)."""
    start = max(draft.text.rfind(c, max(0, at - 8), at) for c in "，,。；;：:\n") + 1
    return start > 0 and _is_bare_alliance(draft, draft.text[start:at])


def _is_bare_alliance(draft: Draft, text: str, start: int | None = None) -> bool:
    """`联盟`, `该党建联盟`: an alliance word with no name of its own (the text, or what is written at
    `start` in it)."""
    bare = re.compile(rf"(?:这一|该|本)?(?:党建)?(?:{alternation(_words(draft, 'alliances'))})")
    return bool(bare.fullmatch(text) if start is None else bare.match(text, start))


def _led_after(draft: Draft, at: int, lead: str) -> bool:
    """`对乙的各项工作进行指导`: the verb of leading closes the phrase `对` opened at `at`."""
    rest = re.split("[，,。；;]", draft.text[at : at + 30])[0]
    return bool(re.search(rf"(?:进行|实行|实施|加强)(?:统一)?(?:{lead})", rest))


def _alliance_before(draft: Draft, at: int) -> Mention | None:
    """The Party-building alliance named last before `at`, which a bare `联盟` there refers to."""
    before = [
        m for m in draft.mentions if m.end <= at and m.type == "Organization" and _answers_to_party(draft, m)
    ]
    return max(before, key=lambda m: m.end, default=None)


def _sole_alliance(draft: Draft) -> Mention | None:
    """The one Party-building alliance the document names, which a bare `联盟` refers to."""
    found = {m.name: m for m in draft.mentions if m.type == "Organization" and _answers_to_party(draft, m)}
    return next(iter(found.values())) if len(found) == 1 else None


_FRAMED_JOINERS = WORD_JOINERS | {"，", ","}
"""Between `由` and `构成` the parts may be listed with commas: the frame holds the list together."""


def find_sub_parks(draft: Draft) -> list[Link]:
    """`甲开发区下辖乙园、丙园和丁园`, `甲开发区由乙园、丙园两个园区组成`, `甲高新区是“一区三园”的格局,
    由乙园,丙园,丁园构成`: each park listed after a verb of parts (or between `由` and `组成`) is a part
    of the park before it (园中园)."""
    verbs = _words(draft, "has_parts")
    made_of = _words(draft, "made_of")
    links: list[Link] = []
    for mentions in top_level_places(draft).values():
        for i, park in enumerate(mentions[:-1]):
            gap = _gap(draft, park, mentions[i + 1])
            if park.type != "Park" or mentions[i + 1].type != "Park":
                continue
            framed = _opens_made_of(gap)
            joiners = _FRAMED_JOINERS if framed else WORD_JOINERS
            listed = [m for m in listed_run(draft, mentions, i + 1, joiners) if m.type == "Park"]
            rest = re.split(f"[{_CLAUSE_ENDS}，,]", draft.text[listed[-1].end : listed[-1].end + 16])[0]
            if gap.removesuffix("了") in verbs or (framed and any(w in rest for w in made_of)):
                links += [_link("PART_OF", m, park) for m in listed if m.name != park.name]
        links += _parts_of_clause_subject(draft, mentions, tuple(v for v in verbs if v in _RULES_OVER))
    return links


_RULES_OVER = ("下辖", "辖", "分为")
"""Verbs of parts that say the parks after them are the subject's own parts (`包括` may list examples)."""


def _parts_of_clause_subject(draft: Draft, mentions: Sequence[Mention], verbs: tuple[str, ...]) -> list[Link]:
    """`甲开发区位于乙县北部,实行…,下辖丙园、丁园三个园区`: a clause that opens with a verb of parts has
    no subject of its own; the park its sentence opens with (else the article's) has the listed parks."""
    if not mentions or not verbs:
        return []
    sentence = draft.sentences[mentions[0].sentence]
    opener = mentions[0] if mentions[0].start == sentence.start and mentions[0].type == "Park" else None
    whole = opener.name if opener else draft.main_park
    opening = re.compile(rf"[，,](?:并|还|共|现|目前)?(?:{alternation(verbs)})了?$")
    # `园区内分为甲区、乙区…`: a sentence opening with a bare word for the park, then the verb
    bare_opening = re.compile(rf"[\u4e00-\u9fff]{{1,3}}内?(?:{alternation(verbs)})了?")
    made_of = _words(draft, "made_of")
    for i, m in enumerate(mentions):
        if m.type != "Park" or not whole or (i and mentions[i - 1].end > m.start - 8):
            continue
        listed = [x for x in listed_run(draft, mentions, i, WORD_JOINERS) if x.type == "Park"]
        before = draft.text[max(sentence.start, m.start - 8) : m.start]
        framed = _MADE_OF_CLAUSE.search(draft.text, max(sentence.start, m.start - 30), m.start)
        opens = opening.search(before) or bare_opening.fullmatch(draft.text, sentence.start, m.start)
        if opens or (framed and made_of and draft.text.startswith(made_of, listed[-1].end)):
            return [_link("PART_OF", x, _named_park(x, whole)) for x in listed if x.name != whole]
    return []


_MADE_OF_CLAUSE = re.compile(r"[，,]由(?:[^，,。；;、]{2,12}、)*$")
"""`甲高新区是…,由乙片区、丙产业园…组成`: a clause listing what the sentence's park is made of, maybe
opening with parts not read as parks."""


def find_named_sub_parks(draft: Draft) -> list[Link]:
    """`依托甲科技园、乙科技园等“园中园”`: parks listed before the word for a park's parts are parts of the
    park named before them in the sentence, or else of the article's park."""
    links: list[Link] = []
    for mentions in top_level_places(draft).values():
        parks = [m for m in mentions if m.type == "Park"]
        for i, first in enumerate(parks):
            if i and _gap(draft, parks[i - 1], first) in WORD_JOINERS:
                continue  # not the first of its list
            listed = listed_run(draft, parks, i, WORD_JOINERS)
            if not PARTS_NAMED.match(draft.text, listed[-1].end):
                continue
            whole = parks[i - 1].name if i else draft.main_park
            links += [_link("PART_OF", m, _named_park(m, whole)) for m in listed if whole and m.name != whole]
    return links


def _named_park(m: Mention, name: str) -> Mention:
    return Mention(m.start, m.end, "Park", name, m.sentence)


def _opens_made_of(gap: str) -> bool:
    """`由`, or a short description of the park then `由` (`是“一区四园”的格局,由`), before its parts."""
    return gap.endswith("由") and len(gap) <= 16 and not any(c in gap for c in _CLAUSE_ENDS)


def find_formed_at(draft: Draft) -> list[Link]:
    """`在甲公司成立了党支部`, `以甲大厦为阵地组建乙综合党委`: the body formed at one unit is its Party
    body (a joint body formed from a list of units covers them instead, see `find_formed_members`)."""
    verbs = alternation(_words(draft, "formation") + _words(draft, "sets_up"))
    frames = alternation(_words(draft, "formed_at_frame"))
    openers = _words(draft, "formed_at")
    if not verbs or not openers:
        return []
    formed = re.compile(rf"(?:{frames or '(?!)'})?(?:{verbs})(?:了|起了|起)?")
    links: list[Link] = []
    for mentions in top_level(draft).values():
        for unit, body in pairwise(mentions):
            if unit.type not in (*UNIT_TYPES, "Park") or body.type not in PARTY_TYPES:
                continue
            opened = draft.text[max(0, unit.start - 2) : unit.start].endswith(openers)
            if opened and formed.fullmatch(draft.text, unit.end, body.start) and not body.parts:
                links.append(_link("PARTY_ORG_OF", body, unit))
    return links


def find_dash_chains(draft: Draft) -> list[Link]:
    """`园区党工委—综合党委—企业党组织`: each body answers to the one before it (to the one after it
    when the sentence reads the chain `自下而上`); an organization in the chain is a part of it."""
    bottom_up = _words(draft, "bottom_up")
    links: list[Link] = []
    for si, mentions in top_level(draft).items():
        sentence = draft.sentences[si]
        for a, b in pairwise(mentions):
            if a.type == "Enterprise" or b.type == "Enterprise" or not _dash_linked(draft, a, b):
                continue
            reverse = any(w in draft.text[sentence.start : a.start] for w in bottom_up)
            lower, upper = (a, b) if reverse else (b, a)
            links += _under_all(draft, [lower], upper, alliances=True)
    return links


_QUOTED_CHAIN = re.compile(r"“([^”]{5,60})”")
_DASH_RUN = re.compile(r"[—–\-－~～]+")
_LEVEL = re.compile(r"[^—–\-－~～]+")
_PARTY_KIND_WORDS = ("党组织", "党委", "党总支", "党支部")


def find_kind_chains(draft: Draft) -> list[Link]:
    """`“园区党委—党群工作部—行业党组织—企业党组织”四级体系`: a level of a chain written as a kind of
    Party body (`行业党组织`) stands for the bodies of that kind the document names (`甲行业党委`,
    `乙行业党委`), each answering to the body of the level above it."""
    kinds = draft.lex.kind_words
    tops = [m for ms in top_level(draft).values() for m in ms]
    at = {(m.start, m.end): m for m in tops}
    of_kind: dict[str, list[Mention]] = {}
    links: list[Link] = []
    for sentence in draft.sentences:
        if "—" not in sentence.text and "-" not in sentence.text:
            continue
        for quoted in _QUOTED_CHAIN.finditer(sentence.text):
            offset = sentence.start + quoted.start(1)
            levels = [
                (offset + p.start(), offset + p.end(), p.group(0)) for p in _LEVEL.finditer(quoted.group(1))
            ]
            if len(levels) < 3 or not _DASH_RUN.search(quoted.group(1)):
                continue
            for (a_start, a_end, _), (_, _, lower) in pairwise(levels):
                upper = at.get((a_start, a_end))
                kind = next((w for w in _PARTY_KIND_WORDS if lower.endswith(w)), None)
                qualifier = lower[: len(lower) - len(kind)] if kind else ""
                if upper is None or qualifier not in kinds:
                    continue
                if qualifier not in of_kind:  # once per kind: a long document repeats its chains
                    of_kind[qualifier] = list(
                        {
                            (m.type, m.name): m
                            for m in tops
                            if m.type in PARTY_TYPES and qualifier in m.name and not m.generic
                        }.values()
                    )
                links += _under_all(draft, [m for m in of_kind[qualifier] if m.name != upper.name], upper)
    return links


_DASH_QUALIFIED = re.compile(r"(?:[—–\-－~～]+|→)[\u4e00-\u9fff]{1,4}")
"""A dash, then a kind written before a Party body that its name leaves out (`—非公企业|综合党委`)."""


def _dash_linked(draft: Draft, a: Mention, b: Mention) -> bool:
    """Only dashes between two bodies, or dashes and the qualifier of a Party body after them."""
    gap = _gap(draft, a, b)
    return bool(_DASHES.match(gap)) or (b.type in PARTY_TYPES and bool(_DASH_QUALIFIED.fullmatch(gap)))


_DISPATCHED_ROLE = re.compile(r"(的?)[\u4e00-\u9fff]{2,6}[，,]")
"""After the body in `作为乙的派出机构,`: the role, up to the clause's end."""


def find_dispatched(draft: Draft) -> list[Link]:
    """`甲管委会是乙政府派出的机构`, `甲作为乙的派出机构`: the first body answers to the second;
    `甲和乙,这两家分别是丙和丁的派出机构`, `甲党工委、管委会为市委市政府派出机构`: each body of the first
    list answers to the body in the same place of the second."""
    words = _words(draft, "dispatched")
    links: list[Link] = []
    for mentions in top_level(draft).values():
        for a, b in pairwise(mentions):
            after = draft.text[b.end : b.end + 4]
            if _gap(draft, a, b) in ("是", "为", "系", "作为") and after.lstrip("的").startswith(words):
                links.append(_link("SUBORDINATE_TO", a, b))
            # `作为乙的派出机构,甲…`: the body that opens the clause after answers to 乙
            role = _DISPATCHED_ROLE.match(draft.text, a.end)
            opening = role and draft.text.startswith(words, role.end(1))
            if opening and draft.text[max(0, a.start - 2) : a.start] == "作为" and role.end() == b.start:
                links.append(_link("SUBORDINATE_TO", b, a))
        for i, first in enumerate(mentions):
            if i > 0 and _gap(draft, mentions[i - 1], first) in WORD_JOINERS:
                continue
            lowers = listed_run(draft, mentions, i, WORD_JOINERS)
            j = i + len(lowers)
            gap = _gap(draft, lowers[-1], mentions[j]) if j < len(mentions) else ""
            if j >= len(mentions) or not (_RESPECTIVELY.fullmatch(gap) or gap in ("为", "是", "系")):
                continue
            # `甲党工委、管委会为市委市政府派出机构`: the paired bodies may be written side by side
            uppers = listed_run(draft, mentions, j, WORD_JOINERS | {""})
            after = draft.text[uppers[-1].end : uppers[-1].end + 4]
            if len(uppers) == len(lowers) > 1 and after.lstrip("的").startswith(words):
                pairs = zip(lowers, uppers, strict=True)
                links += [_link("SUBORDINATE_TO", lower, upper) for lower, upper in pairs]
    return links


def find_stated_sub_parks(draft: Draft) -> list[Link]:
    """`甲产业园是乙高新区“一区多园”中的重要园区`, `甲园作为乙开发区的重要组成部分`, `作为乙开发区的组成部分,
    甲园…`: a park said to be one of another's parks is its part."""
    links: list[Link] = []
    for mentions in top_level_places(draft).values():
        for a, b in pairwise(m for m in mentions if m.type == "Park"):
            if _gap(draft, a, b) in ("是", "为", "系", "作为") and _ONE_OF_ITS_PARKS.match(draft.text, b.end):
                links.append(_link("PART_OF", a, b))
            # `作为乙自贸试验区的组成部分,甲片区…`: the park that opens the next clause is the part
            part = _ONE_OF_ITS_PARKS.match(draft.text, a.end)
            after = part and draft.text[part.end() : part.end() + 1] in "，,"
            if after and draft.text.endswith("作为", 0, a.start) and part.end() + 1 == b.start:
                links.append(_link("PART_OF", b, a))
    return links


def find_named_parts(draft: Draft) -> list[Link]:
    """`甲党群工作部是乙党工委的工作部门`, `甲园是乙开发区的“园中园”`, `甲党委作为乙党工委的派出机构`: the
    first is a part of the second, or answers to it (the schema keeps the pairs of types each may have)."""
    words = _words(draft, "part_words")
    links: list[Link] = []
    for mentions in top_level(draft).values() if words else ():
        for a, b in pairwise(mentions):
            after = draft.text[b.end : b.end + 8].lstrip("的").lstrip("“")
            if _gap(draft, a, b) in ("是", "为", "系", "作为") and after.startswith(words):
                # a Party body answers to the body it is a part of
                links.append(_link("SUBORDINATE_TO" if a.type in PARTY_TYPES else "PART_OF", a, b))
            elif a.type in PARTY_TYPES and b.type in PARTY_TYPES and _gap(draft, a, b) in ("是", "为", "系"):
                if _ITS_BRANCH.match(draft.text, b.end):
                    links.append(_link("SUBORDINATE_TO", a, b))  # `甲党支部是乙党委下设的支部`
            elif (
                a.type in PARTY_TYPES
                and b.type in PARTY_TYPES
                and _ITS_BRANCH_BEFORE.fullmatch(_gap(draft, a, b))
            ):
                links.append(_link("SUBORDINATE_TO", b, a))  # `甲党委的下属支部乙党支部`
    return links


_ONE_OF_ITS_PARKS = re.compile(
    r"(?:“[^”]{1,8}”)?(?:中|内|里)?的(?:一个|重要|核心|主要|骨干|特色)*(?:园区|园中园|分园|子园区|组成部分|板块)"
)
"""After the larger park: `甲产业园是乙高新区“一区多园”中的重要园区`, the part named first."""
_ITS_BRANCH = re.compile(r"(?:下设|下属|所属|直属|领导|管理)的(?:基层)?(?:党支部|支部|党总支|党组织|党委)")
"""After the upper body: `甲党支部是乙党委下设的支部`, the lower named first."""
_ITS_BRANCH_BEFORE = re.compile(r"的?(?:下属|所属|直属)(?:的)?(?:基层)?(?:党支部|支部|党总支|党组织|党委)")
"""Between the upper body and the lower one it has: `甲党委的下属支部乙党支部`."""


_RESPECTIVELY = re.compile(r"[，,]?(?:这|该|上述)?[0-9两二三四]?(?:家|个|者)?(?:均|都)?分别(?:是|为|系|作为)")
"""Between two lists paired in order: `,这两家分别是`, `分别为`."""


def find_departments(draft: Draft) -> list[Link]:
    """`湖口县委组织部`: a body named as its committee plus a department word is part of that committee;
    so is `县委组织部` when the document names one county committee (`湖口县委`), and `甲高新区管委会经济
    发展局` of the management committee or government (`甲高新区管委会`) the document names."""
    committees = {m.name: m for m in draft.mentions if m.type == "Committee"}
    governing = (*draft.lex.management_words, *_GOVERNMENTS)
    governments = {m.name for m in draft.mentions if m.type == "Organization" and m.name.endswith(governing)}
    by_level: dict[str, set[str]] = {}
    for name in committees:
        for word in _region_committee_words(draft.lex):
            if name.endswith(word) and len(name) > len(word):
                by_level.setdefault(word, set()).add(name)
    links: list[Link] = []
    for m in draft.mentions:
        if m.type != "Organization" or m.name.endswith("政府"):
            continue
        owners = [name for name in committees if m.name.startswith(name) and len(m.name) - len(name) >= 2]
        level = [w for w, names in by_level.items() if m.name.startswith(w) and len(names) == 1]
        owner = max(owners, key=len) if owners else next(iter(by_level[level[0]])) if level else None
        if owner:
            links.append(Link("PART_OF", (m.type, m.name), ("Committee", owner), m.sentence, 0.7))
        elif governors := [g for g in governments if m.name.startswith(g) and len(m.name) - len(g) >= 2]:
            links.append(
                Link("PART_OF", (m.type, m.name), ("Organization", max(governors, key=len)), m.sentence, 0.7)
            )
    return links


_GOVERNMENTS = ("人民政府", "政府")
"""A region's government, whose departments carry its name (`甲县人民政府办公室`)."""


def _region_committee_words(lex: Lexicon) -> tuple[str, ...]:
    """`省委`, `市委`, `县委` …: a region's Party committee named by its level word."""
    return tuple(level + "委" for levels in lex.region_levels for level in levels)


_ITS_FIRMS = re.compile(r"(?:内|里)?的?(?:龙头|骨干|重点|入驻|规上|链主|领军)?企业(?:——|—|:|：)?")
"""Between a park and a company it holds: `甲产业园龙头企业——乙公司`, `甲园区入驻企业乙公司`."""
_INSIDE = re.compile(r"(?:内|里|中|境内|辖区内|一带)?的")
"""Between a place and what lies in it: `高新区的`, `经开区内的`, `园区里的`."""


_VISITS = ("学习", "考察", "参观", "调研", "交流", "取经", "观摩")
"""What a visit to a unit is for (`赴甲公司学习考察`)."""
_PARTNERING = ("共建", "合作", "签订", "签约", "结对", "联建", "对接")
"""What a body does with a partner (`与乙大学共建实验室`)."""
_LIST_JOINERS = WORD_JOINERS - {"与"}
"""Joiners of a list of visited units: `与` before a unit makes it a partner instead."""
_CLAUSE_MARKS = "，,。；;：:！？!?\n"


def visited_or_partner(draft: Draft, mentions: Sequence[Mention], m: Mention) -> bool:
    """Whether the clause names `m` (or the list it is in, among its sentence's `mentions`) as a place
    visited (`赴甲公司、乙集团学习考察`) or a body partnered (`与丙大学共建…`): a unit elsewhere, not one in
    the park the sentence speaks of."""
    text = draft.text
    ordered = sorted(mentions, key=lambda x: x.start)
    first = m
    for x in reversed([x for x in ordered if x.end <= m.start]):
        if text[x.end : first.start] not in _LIST_JOINERS:
            break
        first = x
    start = max(text.rfind(c, max(0, first.start - 40), first.start) for c in _CLAUSE_MARKS) + 1
    end = min((i for c in _CLAUSE_MARKS if (i := text.find(c, m.end, m.end + 40)) >= 0), default=m.end + 40)
    after = text[m.end : end]
    visited = text[start : first.start].endswith(draft.lex.motion_verbs) and any(w in after for w in _VISITS)
    # (an enterprise paired with a park's own body is mostly in the park: only other bodies are elsewhere)
    partner = (
        m.type == "Organization"
        and text[start : m.start].endswith(("与", "同"))
        and any(w in after for w in _PARTNERING)
    )
    return visited or partner


def find_possessed_places(draft: Draft) -> list[Link]:
    """`九亭镇的天青科创园`, `经开区内的甲公司`, `落户开发区的甲公司`, `坐落在甲区某河畔的乙园区`: what a
    place's `的` names lies in that place (after a verb of place, a few words of the spot may come
    before the `的`)."""
    mentions_of: dict[int, list[Mention]] = {}
    for m in sorted(draft.mentions, key=lambda m: (m.start, -m.end)):
        if m.type in ("Region", "Park", *UNIT_TYPES):
            mentions_of.setdefault(m.sentence, []).append(m)
    links: list[Link] = []
    for mentions in mentions_of.values():
        for place in mentions:
            i = next((j for j, m in enumerate(mentions) if m.start >= place.end), None)
            if i is None or place.type not in ("Region", "Park") or not _possesses(draft, place, mentions[i]):
                continue
            for m in listed_run(draft, mentions, i, WORD_JOINERS):
                if _lies_in(m, place, draft.lex) and not visited_or_partner(draft, mentions, m):
                    links.append(_link("LOCATED_IN", m, place, 0.7))
    return links


_JURISDICTION = re.compile(
    r"辖区(?:内|里)?(?:的|(?:现|共|拥|已)?有|汇集了?|汇聚了?|集聚了?|聚集了?)?(?:企业)?"
)
"""`辖区内的甲园区`, `辖区企业甲公司`, `辖区汇集甲、乙等企业`: what lies in the jurisdiction of the
place the sentence speaks of."""


def find_jurisdiction_members(draft: Draft) -> list[Link]:
    """`甲区入选39家;辖区内的乙园、丙园成为…`: a `辖区` with no place right before it is that of the place
    its sentence opens with, else of the one named last before it, in its sentence or the one before,
    and what it names lies there."""
    places = top_level_places(draft)
    links: list[Link] = []
    for si, sentence in enumerate(draft.sentences):
        mentions = places.get(si, [])
        for hit in _JURISDICTION.finditer(sentence.text):
            at, end = sentence.start + hit.start(), sentence.start + hit.end()
            first = next((i for i, m in enumerate(mentions) if m.start == end), None)
            earlier = [m for m in (*places.get(si - 1, []), *mentions) if m.end <= at]
            earlier = [m for m in earlier if m.type in ("Region", "Park") and not m.generic]
            if first is None or not earlier or earlier[-1].end == at:
                continue
            # `甲镇是乙园区所在地,辖区汇集…`: the place the sentence opens with is whose jurisdiction it is
            place = next((m for m in earlier if m.start == sentence.start), earlier[-1])
            for m in listed_run(draft, mentions, first, WORD_JOINERS):
                if m.type != "Region" and _lies_in(m, place, draft.lex):
                    links.append(_link("LOCATED_IN", m, place, 0.6))
    return links


_ONE_OF = re.compile(r"[^，,。；;]{0,24}?(?:之一|中的一个|中的一员)[，,]")
"""`作为甲市统筹布局的66个产业功能区中的一个,`: what the sentence goes on with is one of the region's."""


def find_one_of_places(draft: Draft) -> list[Link]:
    """`作为甲市…的产业功能区之一,乙园区…`: the park the sentence goes on with lies in the region that
    `作为` names as holding its kind."""
    links: list[Link] = []
    for mentions in top_level_places(draft).values():
        for region, park in pairwise(mentions):
            if region.type != "Region" or park.type != "Park":
                continue
            lead_in = draft.text[max(0, region.start - 2) : region.start]
            one_of = _ONE_OF.fullmatch(draft.text[region.end : park.start])
            if lead_in == "作为" and one_of:
                links.append(_link("LOCATED_IN", park, region, 0.6))
    return links


_COPULA = ("是", "为", "系", "隶属于", "隶属", "地处", "位于")
_KIND_OF_PARK = re.compile(r"[^，,。；;：:！？!?]{0,14}的[^，,。；;：:！？!?的]{0,8}$")
"""After the places: a few words and a `的` before the park word (`…重点打造的物流园区`)."""


def find_said_places(draft: Draft) -> list[Link]:
    """`甲物流园是乙省丙市丁区重点打造的物流园区`, `甲园区隶属于丙市丁区`: a park said to be a park of
    a place, or to belong to it, lies in the last place of the chain named right after the verb."""
    park_words = draft.lex.org_word_set("Park")
    links: list[Link] = []
    for mentions in top_level_places(draft).values():
        for i, (park, first) in enumerate(pairwise(mentions)):
            if park.type != "Park" or first.type != "Region" or _gap(draft, park, first) not in _COPULA:
                continue
            chain = [first]
            for nxt in mentions[i + 2 :]:
                if nxt.type != "Region" or nxt.start != chain[-1].end:
                    break
                chain.append(nxt)
            verb = _gap(draft, park, first)
            if verb in ("是", "为", "系"):
                sentence = draft.sentences[first.sentence]
                rest = draft.text[chain[-1].end : sentence.end]
                clause = re.split(r"[，,。；;！？!?]", rest)[0]
                word = park_words.ending_at(clause, len(clause))
                if not word or not _KIND_OF_PARK.match(clause[: len(clause) - len(word)]):
                    continue
            links.append(_link("LOCATED_IN", park, chain[-1], 0.6))
    return links


_FACILITY = re.compile(
    r"(?:党群服务中心|党群服务站|党建服务中心|党建服务站|党建枢纽站|党群驿站|红色驿站|红色之家)$"
)
"""A Party-building facility: a place where members meet and are served, not an organ that runs the park."""


def find_named_facilities(draft: Draft) -> list[Link]:
    """`甲园区党群服务中心`: a Party-building facility named after a park lies in that park (where a
    `甲园区党群工作部` or `甲园区管委会` is an organ that runs the park, which the article does not place)."""
    parks = sorted({m.name for m in draft.mentions if m.type == "Park"}, key=len, reverse=True)
    links: list[Link] = []
    for m in draft.mentions:
        if m.type != "Organization" or not _FACILITY.search(m.name):
            continue
        park = next((p for p in parks if m.name.startswith(p) and len(m.name) > len(p)), None)
        if park:
            links.append(Link("LOCATED_IN", (m.type, m.name), ("Park", park), m.sentence, 0.6))
    return links


_ACTS_AT = re.compile(r"(?:还|将|也|已|又|先后|率先|重点|陆续)?(?:打算|计划|准备|拟)?在$")
"""`甲区还打算在`: a region's own action at the places listed next."""


def find_region_acts_at(draft: Draft) -> list[Link]:
    """`甲区还打算在乙步行街、丙商业街等商圈组建党组织`: the parks where a region acts lie in it."""
    links: list[Link] = []
    for mentions in top_level_places(draft).values():
        for i, region in enumerate(mentions[:-1]):
            first = mentions[i + 1]
            if region.type != "Region" or first.type != "Park":
                continue
            if not _ACTS_AT.fullmatch(draft.text[region.end : first.start]):
                continue
            listed = [m for m in listed_run(draft, mentions, i + 1, WORD_JOINERS) if m.type == "Park"]
            links += [_link("LOCATED_IN", m, region, 0.6) for m in listed]
    return links


def _possesses(draft: Draft, place: Mention, first: Mention) -> bool:
    """`place` is followed by `的` (or `内的`) and then `first`; after a verb of place (`位于`, `落户`),
    by up to six characters of one phrase and then `的`."""
    between = draft.text[place.end : first.start]
    if _INSIDE.fullmatch(between) or (first.type == "Enterprise" and _ITS_FIRMS.fullmatch(between)):
        return True
    verbs = _words(draft, "placed_at")
    lead_in = draft.text[max(0, place.start - 4) : place.start]
    spot = re.fullmatch(r"[\u4e00-\u9fff]{1,6}的", between)
    return bool(spot and verbs and lead_in.endswith(verbs))


def _lies_in(m: Mention, place: Mention, lex: Lexicon) -> bool:
    """A region lies only in a region above it; a park in a region or a park; a unit anywhere."""
    if m.type == "Region":
        return place.type == "Region" and region_level(m.name, lex) < region_level(place.name, lex)
    return m.name != place.name


def region_entities(draft: Draft) -> set[str]:
    """Regions the document names in their own right: written alone, or in the name of a Party or
    public body (`甲市委`, `甲区司法局`); a region read only out of an enterprise's or a park's name
    (`上海某某有限公司`) is not one."""
    inside_units = {
        id(part) for m in draft.mentions if m.type in ("Enterprise", "Park") for _, part in m.parts
    }
    return {m.name for m in draft.mentions if m.type == "Region" and id(m) not in inside_units}


def is_regional_organ(m: Mention, lex: Lexicon) -> bool:
    """`省委组织部`, `区纪委`, `甲县人民政府`: a body of a region's Party committee or government, which
    a park article names but which does not lie in the park."""
    if m.type != "Organization":
        return False
    levels = {word for words in lex.region_levels for word in words if len(word) == 1}
    bare_level = m.name[0] in levels and len(m.name) <= 5  # `区纪委`, `市政府`: the region's own organ
    committee = any(c in m.name for c in (*_region_committee_words(lex), "自治区党委"))
    return committee or bare_level or m.name.endswith("政府")


def _short_form(region: str, draft: Draft) -> str:
    """`大连市` → `大连`: the name without its level word, as names of parks and companies write it."""
    suffix = next((s for s in draft.lex.org_words.get("Region", ()) if region.endswith(s)), "")
    return region[: len(region) - len(suffix)]


def find_short_prefix_places(draft: Draft, regions: set[str]) -> list[Link]:
    """`大连长兴岛经济技术开发区` lies in `大连市` when the document names 大连市; `安徽长丰双凤经济
    开发区` lies in `长丰县`, which lies in 安徽省; `嘉兴秀洲高新区` lies in `秀洲区`, written short after its
    city's short name. Only parks: a company's name keeps the place it was registered in, which is not
    where the document places it."""
    # the finest region first: `嘉兴秀洲高新区` lies in 秀洲区 rather than 嘉兴市
    shorts = sorted(
        (region_level(region, draft.lex), region, short, _enclosing_shorts(region, draft))
        for region in regions
        if len(short := _short_form(region, draft)) >= 2 and short != region
    )
    links: list[Link] = []
    for m in draft.mentions:
        if m.type != "Park":
            continue
        prefix, rest = _written_prefix(m, draft)
        for _, region, short, above in shorts:
            written = next((rest[len(a) :] for a in above if rest.startswith(a)), rest)
            if not written.startswith(short) or len(written) < len(short) + 2 or region in prefix:
                continue
            if prefix and region_level(region, draft.lex) >= region_level(prefix[-1], draft.lex):
                continue
            links.append(Link("LOCATED_IN", (m.type, m.name), ("Region", region), m.sentence, 0.7))
            if prefix:
                links.append(Link("LOCATED_IN", ("Region", region), ("Region", prefix[-1]), m.sentence, 0.7))
            break
    return links


def _enclosing_shorts(region: str, draft: Draft) -> tuple[str, ...]:
    """The short forms of the regions enclosing `region` (`嘉兴` for 秀洲区), which a name may write
    before the region's own (`嘉兴|秀洲高新区`)."""
    return tuple(short for up in enclosing().get(region, ()) if len(short := _short_form(up, draft)) >= 2)


def find_named_unit_places(draft: Draft, regions: set[str]) -> list[Link]:
    """`潮州市湘桥区甲创业园支部委员会`: the unit a Party body is named after lies in the region its name
    starts with, and each region of that prefix lies in the one before it."""
    links: list[Link] = []
    for m in draft.mentions:
        if m.type not in (*PARTY_TYPES, "Organization"):
            continue
        surface = draft.text[m.start : m.end]
        surface = next((surface[len(p) :] for p in draft.lex.drop_prefixes if surface.startswith(p)), surface)
        prefix = [r for r in region_prefix(surface, draft.lex)[0] if r in regions]
        for upper, lower in pairwise(prefix):
            links.append(Link("LOCATED_IN", ("Region", lower), ("Region", upper), m.sentence, 0.8))
        units = [u for rel, u in m.parts if rel == "PARTY_ORG_OF" and u.type in ("Park", "Organization")]
        units = [u for u in units if not is_bare_unit(u.name, draft.lex)]
        for unit in units if prefix else ():
            unit = _outermost_park(unit)
            links.append(Link("LOCATED_IN", (unit.type, unit.name), ("Region", prefix[-1]), m.sentence, 0.7))
    return links


def _outermost_park(unit: Mention) -> Mention:
    """The park a unit is part of, and the one that is part of in turn (`甲县高新区|乙产业园`): the
    region written before both is where the outer lies; the inner lies in the outer."""
    while outer := next((p for rel, p in unit.parts if rel == "PART_OF" and p.type == "Park"), None):
        unit = outer
    return unit


def find_enclosing_regions(draft: Draft, regions: set[str]) -> list[Link]:
    """`崇州市` lies in `成都市` when the document is about 崇州市 and names 成都市: the article's region
    lies in the nearest named region that encloses it (the one no other named enclosing region lies
    in), and so on up. Regions named only in passing are left alone."""
    first = {m.name: m.sentence for m in sorted(draft.mentions, key=lambda m: -m.start)}
    links: list[Link] = []
    region = draft.main_region
    while region in regions:
        named = [up for up in enclosing().get(region, ()) if up in regions]
        nearest = [up for up in named if not any(up in enclosing().get(other, ()) for other in named)]
        if len(nearest) != 1:
            break
        links.append(Link("LOCATED_IN", ("Region", region), ("Region", nearest[0]), first[region], 0.7))
        region = nearest[0]
    return links


def region_organ_places(draft: Draft, regions: set[str]) -> tuple[list[Link], set[tuple[Ref, Ref]]]:
    """`甲省委组织部`, `甲区司法局` (also written `省委组织部`, `区司法局`): an organ of a named region lies
    in that region when the document does not name the region's own committee (`甲省委`); when it does,
    the organ is read as that committee's department or a body in the region's line of command, and the
    place its name gives is withdrawn. Returns (added, withdrawn)."""
    committees = {n for m in draft.mentions if m.type == "Committee" for n in (m.name, *m.aliases)}
    # the region need not be written alone: `省委组织部` where the article places 长丰县 in 安徽省; but it
    # is a full name, with its level word: `四川大学` is no organ of 四川省
    regions = regions | {
        ref[1] for link in draft.links for ref in (link.head, link.tail) if ref[0] == "Region"
    }
    regions = {r for r in regions if region_level(r, draft.lex) < len(draft.lex.region_levels)}
    park_words = draft.lex.org_words.get("Park", ())
    added: list[Link] = []
    withdrawn: set[tuple[Ref, Ref]] = set()
    for m in draft.mentions:
        region = _organ_region(m, regions, park_words)
        if region is None:
            continue
        ref, place = (m.type, m.name), ("Region", region)
        if {region + "委", region + "党委"} & committees:
            withdrawn.add((ref, place))
        else:
            added.append(Link("LOCATED_IN", ref, place, m.sentence, 0.7))
    return added, withdrawn


def _organ_region(m: Mention, regions: set[str], park_words: tuple[str, ...]) -> str | None:
    """The named region an organization is an organ of by its name (`甲县` of `甲县政府`), if any: not a
    park's organ (`甲县开发区管委会`)."""
    if m.type != "Organization":
        return None
    region = max((r for r in regions if m.name.startswith(r)), key=len, default=None)
    rest = m.name[len(region) :] if region else ""
    if not region or len(rest) < 2 or any(w in rest for w in park_words):
        return None
    return region


def _written_prefix(m: Mention, draft: Draft) -> tuple[list[str], str]:
    """The regions a unit's fullest written form starts with (`浙江|甲经济开发区` for 甲经济开发区), and
    its name after them."""
    for form in sorted({m.name, *m.aliases}, key=len, reverse=True):
        prefix, _ = region_prefix(form, draft.lex)
        if prefix and form.endswith(m.name):
            return prefix, m.name
    return region_prefix(m.name, draft.lex)


def unfounded_name_places(draft: Draft, regions: set[str], better: set[Ref]) -> set[tuple[Ref, Ref]]:
    """Places read out of a name that the document does not support: the region is named only inside
    names, the unit has a more specific place, or it is an enterprise, whose name keeps the place it
    was registered in (`甲省乙有限公司` may work anywhere)."""
    out: set[tuple[Ref, Ref]] = set()
    for m in draft.mentions:
        if m.type not in ("Park", "Enterprise", "Organization"):
            continue
        for rel, inner in m.parts:
            if rel != "LOCATED_IN" or inner.type != "Region":
                continue
            ref = (m.type, m.name)
            if _qualifies_park(m, inner) and ref not in better:
                continue
            if (
                inner.name not in regions
                or ref in better
                or m.type == "Enterprise"
                or _park_body(m, inner, draft)
            ):
                out.add((ref, ("Region", inner.name)))
    return out


def _park_body(m: Mention, region: Mention, draft: Draft) -> bool:
    """`甲县经济开发区企业服务中心`: the region begins the name of the park the body is named after, and the
    body lies (if anywhere) in that park, not in the region."""
    rest = m.name[m.name.find(region.name) + len(region.name) :] if region.name in m.name else m.name
    return m.type == "Organization" and any(w in rest for w in draft.lex.org_words.get("Park", ()))


def _qualifies_park(m: Mention, region: Mention) -> bool:
    """`长沙县黄兴会展经济区` for the park the document also names `黄兴会展经济区`: the region is written
    before the park's own name to say where it lies, not read out of that name (`甲县工业园区`)."""
    return m.type == "Park" and not m.name.startswith(region.name) and m.name not in region.name


class PlaceStep:
    """A unit's place as its name gives it, where the document supports it; the places read out of
    names that the document does not support are withdrawn."""

    def __call__(self, draft: Draft) -> Edit:
        regions = region_entities(draft)
        found = find_short_prefix_places(draft, regions) + find_named_unit_places(draft, regions)
        found += find_enclosing_regions(draft, regions)
        better = {link.head for link in found if link.head[0] != "Region"}
        organs, foreign = region_organ_places(draft, regions)
        found += organs
        dropped = unfounded_name_places(draft, regions, better) | foreign
        withdrawn = frozenset(("LOCATED_IN", head, tail) for head, tail in dropped)
        added = allowed_links(draft.lex, (replace(link, title="") for link in found))
        return Edit(withdrawn=withdrawn, added=added)


_REFERRING = re.compile(r"^(?:同一个|这一个|这一|这个|那个|该|此|本|一个|一|个)")
"""What is left of `这一`/`该`/`同一个` before a bare organization word the scan took into the name."""


def joint_referents(draft: Draft) -> dict[int, str]:
    """`这一联合党支部`, `联合党委`: a bare joint word (after a demonstrative) refers to the one body of
    that word the document names (`甲科创园联合党支部`); returns mention id → that body's name."""
    party = [
        (m, _REFERRING.sub("", draft.text[m.start : m.end])) for m in draft.mentions if m.type in PARTY_TYPES
    ]
    out: dict[int, str] = {}
    named_by: dict[tuple[str, str], set[str]] = {}
    for m, word in party:
        if word not in draft.lex.org_words.get(m.type, ()) or not _is_joint(draft, m):
            continue
        if (m.type, word) not in named_by:
            named_by[m.type, word] = {
                other.name for other, s in party if other.type == m.type and s.endswith(word) and s != word
            }
        named = named_by[m.type, word]
        if len(named) == 1:
            out[id(m)] = next(iter(named))
    return out


class JointReferenceStep:
    """Names each bare reference to a joint body after the one body the document names."""

    def __call__(self, draft: Draft) -> Edit:
        referents = joint_referents(draft)
        replaced = {
            id(m): replace(
                m,
                name=referents[id(m)],
                aliases=m.aliases | {_REFERRING.sub("", draft.text[m.start : m.end])},
                surface_alias=False,
            )
            for m in draft.mentions
            if id(m) in referents and m.name != referents[id(m)]
        }
        return Edit(replaced=replaced)


_LAYER = re.compile(
    r"(?:再?加上|以|(?<=[、，,]))([^，,；;。]{2,60}?)(?:作)?为(?:[\u4e00-\u9fff]{0,4}?)(核心|龙头|骨干|支撑|纽带|枢纽|主体|中坚|基础|基石|根基|末梢|支点|单元)"
)
_PLUS = re.compile(r"再?加上([^，,；;。]{2,60})")
TOP_LAYER = 3
_LAYER_RANKS = {
    "核心": TOP_LAYER,
    "龙头": TOP_LAYER,
    "骨干": 2,
    "支撑": 2,
    "纽带": 2,
    "枢纽": 2,
    "主体": 2,
    "中坚": 2,
}
"""`以甲党工委为核心、乙综合党委为骨干、丙党支部为基础`: the rank each layer's word gives (基础 and the
like 1)."""


def find_layers(draft: Draft) -> list[Link]:
    """`构建以甲党工委为核心、以乙综合党委和丙行业党委为骨干、以企业党支部为基础的组织体系`, `以甲党工委作为
    区域核心,加上乙联合党委,再加上N个企业党组织`: a sentence that ranks Party bodies in layers names a
    reporting line, each body of a layer answering to the one body of the layer above it."""
    links: list[Link] = []
    for si, mentions in top_level(draft).items():
        sent = draft.sentences[si]
        if not any(word in sent.text for word, rank in _LAYER_RANKS.items() if rank == TOP_LAYER):
            continue
        layers: list[tuple[int, list[Mention]]] = []
        spans = [(m.start(1), m.end(1), _LAYER_RANKS.get(m.group(2), 1)) for m in _LAYER.finditer(sent.text)]
        top = next((i for i, span in enumerate(spans) if span[2] == TOP_LAYER), None)
        if top is None:
            continue
        spans = spans[top:]
        after_top = spans[0][1]
        spans += [(m.start(1), m.end(1), 2) for m in _PLUS.finditer(sent.text, after_top)]
        for start, end, rank in sorted(spans):
            inside = [
                m
                for m in mentions
                if sent.start + start <= m.start and m.end <= sent.start + end and _answers_to_party(draft, m)
            ]
            if inside:
                layers.append((rank, inside))
        for (rank, uppers), (lower_rank, lowers) in pairwise(layers):
            if lower_rank < rank and len(uppers) == 1:
                links += _under_all(draft, lowers, uppers[0], alliances=True)
            elif lower_rank < rank:
                break
    return links


_CN_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九十", 0)} | {"两": 2}


def _count(numeral: str) -> int | None:
    """The number a short numeral writes (`3`, `三`, `两`, `十`), or None for a longer one."""
    if numeral.isdigit():
        return int(numeral)
    return _CN_DIGITS.get(numeral) if len(numeral) == 1 else None


def find_counted_belonging(draft: Draft) -> list[Link]:
    """`3个综合党委均隶属开发区党工委`: a count of one kind of body said to belong to another speaks of the
    bodies of that kind the document names, when it names no more than that many (an article counting
    four joint branches may describe two): each answers to it."""
    belong = alternation(tuple(w for w in draft.lex.passive_triggers if w.startswith(("隶属", "归属"))))
    counted = re.compile(
        rf"([0-9一二三四五六七八九十两]+)(?:个|大)([\u4e00-\u9fff]{{2,8}}?)(?:均|都|全部)?(?:{belong})"
    )
    kinds = draft.lex.org_word_set(*PARTY_TYPES, "Organization")
    links: list[Link] = []
    for si, mentions in top_level(draft).items():
        sent = draft.sentences[si]
        for hit in counted.finditer(sent.text):
            kind, number = hit.group(2), _count(hit.group(1))
            upper = next((m for m in mentions if m.start == sent.start + hit.end()), None)
            if upper is None or number is None or not kinds.ending_at(kind, len(kind)):
                continue
            named = {
                m.name: m
                for m in draft.mentions
                if m.type in (*PARTY_TYPES, "Organization") and m.name.endswith(kind) and m.name != upper.name
            }
            if 0 < len(named) <= number:
                links += [
                    replace(x, sentence=si) for x in _under_all(draft, list(named.values()), upper, True)
                ]
    return links


_LOWER_OF = re.compile(
    r"^(?:下属|所属|直属|管理|领导)的[\u4e00-\u9fff]{0,4}(?:支部|党组织|党委)(?:之一)?[，,]$"
)
_RELATIONS_MOVED = re.compile(r"^的?(?:党)?组织关系[^，,。；;]{0,16}?(?:转入|转至|转到|划转至|划转到|划入)$")


def find_moved_under(draft: Draft) -> list[Link]:
    """`作为甲党委下属的支部,乙党支部…`: the body after the aside answers to the one it names;
    `乙党支部的组织关系从丙党工委转入甲党委`: a body whose Party relations move to another answers to it."""
    links: list[Link] = []
    for mentions in top_level(draft).values():
        party = [m for m in mentions if m.type in PARTY_TYPES]
        for a, b in pairwise(party):
            if draft.text.endswith("作为", 0, a.start) and _LOWER_OF.match(draft.text[a.end : b.start]):
                links.append(_link("SUBORDINATE_TO", b, a))
        for i, lower in enumerate(party):
            moved = next(
                (x for x in party[i + 1 :] if _RELATIONS_MOVED.match(draft.text[lower.end : x.start])), None
            )
            if moved:
                links.append(_link("SUBORDINATE_TO", lower, moved))
    return links


FINDERS: tuple[Callable[[Draft], list[Link]], ...] = (
    find_formed_members,
    find_guided_by,
    find_set_up,
    find_headed_lists,
    find_items_above,
    find_formed_by,
    find_said_formed_by,
    find_taken_in,
    find_member_heading,
    find_stated_sub_parks,
    find_member_lists,
    find_listed_placed,
    find_taken_in_by_subject,
    find_led_under,
    find_led_lists,
    find_topic_duties,
    find_sub_parks,
    find_named_sub_parks,
    find_formed_at,
    find_dash_chains,
    find_kind_chains,
    find_layers,
    find_moved_under,
    find_counted_belonging,
    find_dispatched,
    find_named_parts,
    find_departments,
    find_possessed_places,
    find_jurisdiction_members,
    find_one_of_places,
    find_said_places,
    find_region_acts_at,
    find_named_facilities,
)


class StructureStep:
    """The links each structure finder reads, in the finders' order."""

    def __init__(self, finders: Sequence[Callable[[Draft], list[Link]]] = FINDERS) -> None:
        self.finders = tuple(finders)

    def __call__(self, draft: Draft) -> list[Link]:
        _READ_ONLY[id(draft)] = {}
        try:
            return allowed_links(draft.lex, (link for find in self.finders for link in find(draft)))
        finally:
            del _READ_ONLY[id(draft)]
