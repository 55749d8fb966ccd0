"""Entity mentions: the named units, people and practices a sentence speaks of.

Chinese organization names end in an organization word (党支部, 有限公司,
开发区 …, from the ontology) and start wherever a particle, a verb or
punctuation ends the run of name characters before it. A name is read from
its organization word leftwards; what it contains (a park inside a committee's
name, a province before a city) is read by `names.parse_name`.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import pairwise

from parkgraph.loaders.lexical import NAME_TAGS, PROPER_TAGS, Word, analyze
from parkgraph.loaders.lexicon import Lexicon
from parkgraph.loaders.names import (
    KIND_JOINERS,
    PARK_RANK,
    is_bare_unit,
    level_chars,
    park_kind,
    region_prefix,
    split_regions,
)
from parkgraph.loaders.segment import Sentence
from parkgraph.loaders.wordset import WordSet, word_pattern

MAX_NAME = 32
_NAME_CHAR = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]")
_NUMERAL = "0123456789一二三四五六七八九十两百"
_COUNTERS = "个家名位所座大支批类项"
_DEMONSTRATIVES = "这那每各该此哪某"
_COUNT = re.compile(rf"[{_NUMERAL}]+(?:{'|'.join(_COUNTERS)})|[0-9]+")
_COUNTED = re.compile(rf"[{_NUMERAL}]+(?:个|大|种|套|类|项|条|批|支(?!部))")
"""A quoted count (`“4种”模式`, `“五大”工程`) announces practices; it names none."""
_AS_HANDLE = re.compile("为(?:抓手|载体|引领|主线|切入点|突破口|着力点)")
"""`以“四个推动”为抓手`: what a count of actions is taken up as."""
_LIST_JOINERS = ("和", "、", "与", "及", "以及", "，", ",", "")
"""A quote joined to a practice by these is a practice too: `抓实“车轮上的党建”和“舌尖上的党建”`."""
QUOTE = re.compile(r"“([^“”\n]{2,40})”")
_PRACTICE_QUOTE = re.compile(r"“([^“”\n]{2,40})”|‘([^‘’“”\n]{2,40})’")
"""A practice may be quoted in single marks too (`推行‘轮值’主席制度`), as inside a speech."""


@lru_cache(maxsize=64)
def alternation(words: tuple[str, ...]) -> str:
    """`甲|乙|丙` for a regex, escaped (as a tree of shared prefixes where that matches the same, see
    `word_pattern`); made once per word list, as steps ask for it sentence by sentence."""
    return word_pattern(words)


@dataclass
class Mention:
    """One entity mention; `generic` is the bare unit word of an unnamed unit ("园区")."""

    start: int
    end: int
    type: str
    name: str
    sentence: int
    aliases: set[str] = field(default_factory=set)
    generic: str | None = None
    titles: list[str] = field(default_factory=list)
    title_start: int | None = None
    parts: list[tuple[str, Mention]] = field(default_factory=list)
    surface_alias: bool = True
    declared: tuple[str, ...] = ()
    """Short names the document declares for the unit in brackets after it (`(简称“甲”)`)."""

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)


_NAME_CHARS = frozenset(chr(c) for c in range(0x10000) if _NAME_CHAR.match(chr(c)))
"""The characters `_NAME_CHAR` matches, for a set lookup where the rules test one character at a time."""


def is_name_char(ch: str) -> bool:
    return ch[:1] in _NAME_CHARS


_DATE_UNITS = "月日"


def scan_left(text: str, end: int, lex: Lexicon, floor: int = 0, company: bool = False) -> int:
    """Where a name that ends at `end` starts: run left over name characters to a stop.

    In a company's name (`company`), a line of business (建设, 管理) does not stop the run.
    """
    i = end
    kinds, stops = lex.kind_word_set, lex.stop_word_set
    party, companies = lex.party_word_set, lex.company_word_set
    while i > floor and end - i < MAX_NAME:
        after_party = i < end and text[i - 1] in party.last_chars and party.ending_at(text, i)
        if after_party and (company or _company_between(text, i, end, companies)):
            break  # `甲党委的下属支部|乙有限公司(党支部)`: a Party word ends what came before a company
        if text[i - 2 : i - 1] == "、" and _opens_item(text, i - 1, floor, end, lex):
            i -= 1  # `甲村、和平村`: after a list's separator a stop character opens an item
            break
        stop = stops.ending_at(text, i, shortest=True) if text[i - 1] in stops.last_chars else None
        if stop and i - len(stop) >= floor and not _stop_in_name(text, i, stop, end, company, lex):
            break
        ch = text[i - 1]
        if ch in _JOINING_CHARS:
            if ch in ")”" and (inner := _bracketed(text, i, floor)) is not None:
                i = inner
                continue
            if _joins_one_name(text, i - 1, end, lex):
                i -= 1
                continue
        if ch in lex.stop_chars:
            if (place := _place_holding(text, i - 1, end, floor, lex)) is not None:
                i = place  # `泰和县工业园区`: a place whose name holds a stop character is read whole
                continue
            if ch not in _NAME_CHARS or not _in_kind_word(text, i - 1, kinds):
                break
        elif ch not in _NAME_CHARS:
            break
        i -= 1
    # a joiner the run stopped right after starts no name, unless a list's separator is before it
    i += text[i : i + 1] in KIND_JOINERS and text[i - 1 : i] != "、"
    count = _COUNT.match(text, i, end)
    if count:
        # a date's number takes its unit with it (`7月|甲开发区管委会`), a count its counter
        return count.end() + (text[count.end() : count.end() + 1] in _DATE_UNITS and count.end() < end)
    # `这|个联合党委`, `这|一联合党支部`: the counter (or 一) after a demonstrative the scan stopped at
    # belongs to it
    pointed = 0 < i < end and text[i - 1] in _DEMONSTRATIVES and (text[i] in _COUNTERS or text[i] == "一")
    return i + 1 if pointed else i


def _opens_item(text: str, at: int, floor: int, end: int, lex: Lexicon) -> bool:
    """Whether the stop character at `at` opens a list's item (`甲村、和平村`, `、向阳社区`): right after
    the list's separator, before a name of two characters or more, and no word saying which (`、各…`)."""
    ch = text[at]
    return (
        ch in lex.stop_chars
        and ch not in _DEMONSTRATIVES
        and at > floor
        and text[at - 1] == "、"
        and end - at >= 3
    )


def _joins_one_name(text: str, at: int, end: int, lex: Lexicon) -> bool:
    """Whether the character at `at` joins two parts of one name rather than two names."""
    ch, kinds = text[at], lex.kind_word_set
    if ch in KIND_JOINERS and kinds.ending_at(text, at) and kinds.starting_at(text, at + 1):
        return True  # `非公企业和社会组织党委`: kinds of member joined in one body's name
    if ch in _DASHES_IN_NAMES and text.endswith("中国", 0, at):
        return True  # `中国—东盟青年产业园`, `中国-马来西亚钦州产业园`: China and a partner in a park name
    if ch == "和" and _joined_department(text, at, end, lex):
        return True  # `住房和城乡建设局`: two lines of work joined in one department's name
    # `材料科学与工程学院`: two fields joined in one school's name; `甲市软件与服务外包产业园`: two lines
    # of business joined in one park's name
    return ch in "与和" and (_joined_school(text, at, end, lex) or _joined_park_name(text, at, end, lex))


def _stop_in_name(text: str, i: int, stop: str, end: int, company: bool, lex: Lexicon) -> bool:
    """Whether the stop word ending at `i` belongs to the name that ends at `end` rather than ending it."""
    # a line of business before 业 or 产业 is a sector, part of the name (`现代服务业合作区`,
    # `人力资源服务产业园区`); so is one before a body's word: a department's name (`经济发展|局`,
    # `城市管理|局`), or a joint Party body's, which gathers that line's units (`金融服务|联合党支部`)
    if stop in lex.business_words and (
        company
        or text.startswith(("业", "产业"), i)
        or _department_after(text, i, lex)
        or _joint_party_body_after(text, i, lex)
    ):
        # a business word right after a stop word that is none is a verb (`负责|管理|甲公司`)
        before = lex.stop_word_set.ending_at(text, i - len(stop), shortest=True)
        if not before or before in lex.business_words:
            return True
    start = i - len(stop)
    if text[start - 1 : start] in ("与", "和") and _joined_park_name(text, start - 1, end, lex):
        return True
    return (
        _inside_unit_word(text, start, i, lex)
        or _inside_industry_word(text, i, stop, lex)
        or _inside_kind_word(text, i, stop, lex)
        or _in_kind_word(text, i - 1, lex.kind_word_set)
    )


def _place_holding(text: str, at: int, end: int, floor: int, lex: Lexicon) -> int | None:
    """Where a gazetteer place starts that holds the character at `at` past its first (`泰和县`,
    `泰和`), or a full name that starts with it where a run opens (`任丘市`, `将乐县`; not `…部和县…`),
    ending by `end`."""
    gazetteer = lex.gazetteer
    heads = gazetteer.head_lengths
    for start in range(max(floor, at - MAX_REGION + 1), at + 1):
        if text[start : start + 2] not in heads:
            continue
        form = gazetteer.match(text, start, end)
        opening = start == at and form in gazetteer.full and (at == floor or not is_name_char(text[at - 1]))
        if form and start + len(form) > at and (start < at or opening):
            return start
    return None


_DASHES_IN_NAMES = "—–-－"
"""Dashes a name holds after 中国 (`中国—东盟`): a partnership named in a park's name."""

_JOINING_CHARS = frozenset(")”" + KIND_JOINERS + _DASHES_IN_NAMES + "与和")
"""The characters a name may hold that a scan must look around first: what `_joins_one_name` reads,
and the closing marks of a bracketed or quoted part."""


def _joint_party_body_after(text: str, at: int, lex: Lexicon) -> bool:
    """Whether a joint kind and a Party body's word start at `at` (`联合党支部`, `行业党委`)."""
    kind = next((k for k in lex.structure.get("joint_kinds", ()) if text.startswith(k, at)), None)
    return (
        kind is not None
        and lex.org_word_set("Committee", "Branch").starting_at(text, at + len(kind)) is not None
    )


def _company_between(text: str, start: int, end: int, companies: WordSet) -> bool:
    """Whether a company's word ends between `start` and `end` (`…|乙有限公司|党支部`)."""
    return any(companies.ending_at(text, j) for j in range(start + 2, end + 1))


def _joined_department(text: str, at: int, end: int, lex: Lexicon) -> bool:
    """Whether the `和` at `at` joins two lines of work in a department's name (`发展和改革局`,
    `规划建设和城市管理局`, `交通运输和快递行业党委`): two to four name characters before it that end no
    unit's word, and a department's word a few characters after it, or a trade's body's kind word."""
    head = text[max(0, at - 4) : at]
    run = len(head) - next((k + 1 for k in range(len(head) - 1, -1, -1) if not _plain(head[k], lex)), 0)
    ends = lex.department_end_set
    units = lex.org_word_set("Organization", "Enterprise", "Committee", "Branch", "Park")
    if run < 2 or units.ending_at(text, at) or ends.ending_at(text, at):
        return False  # `甲党工委和乙市委`: two bodies, each named whole
    if _after_title(text, at, lex) or text.endswith(tuple(lex.enterprise_list_heads), 0, at):
        return (
            False  # `书记孙安会和|省工信厅`: a person, then a body; `企业和|市场监管局`: units, then a body
        )
    if text.endswith(_TRADE_BODY_KINDS, at + 3, end):
        return True  # `交通运输和快递行业党委`: two trades in one trade's Party body
    return any(ends.starting_at(text, j) for j in range(at + 3, min(at + 7, end + 1)))


_TRADE_BODY_KINDS = ("行业",)
"""A kind of body that two trades joined by `和` may make one of (`交通运输和快递行业党委`)."""


def _after_title(text: str, at: int, lex: Lexicon) -> bool:
    """Whether a post title ends one to three characters before `at`: a person's name stands between."""
    return any(text.endswith(lex.post_titles, 0, at - k) for k in (1, 2, 3))


SCHOOL_WORDS = ("学院", "研究院", "研究所")
"""What a school or institute named after two fields joined by 与 ends in (`材料科学与工程学院`)."""


def _joined_school(text: str, at: int, end: int, lex: Lexicon) -> bool:
    """Whether the `与`/`和` at `at` joins two fields in a school's name: two to six name characters
    before it that end no unit's word nor follow a title, and a school's word two to four characters
    after it, by `end`."""
    school = any(
        text.startswith(SCHOOL_WORDS, j) and all(_plain(ch, lex) for ch in text[at + 1 : j])
        for j in range(at + 3, min(at + 6, end + 1))
    )
    if not school:
        return False
    head = text[max(0, at - 6) : at]
    run = len(head) - next((k + 1 for k in range(len(head) - 1, -1, -1) if not _plain(head[k], lex)), 0)
    units = lex.org_word_set("Organization", "Enterprise", "Committee", "Branch", "Park")
    # `副校长王芳与|工程学院`: a person after a title and a school, joined in a sentence
    return run >= 2 and not units.ending_at(text, at) and not _after_title(text, at, lex)


_PARK_FIELDS_REACH = 10
"""How far after a joiner in a park's name the park's word may end (`软件与|服务外包产业园`)."""


def _joined_park_name(text: str, at: int, end: int, lex: Lexicon) -> bool:
    """Whether the `与`/`和` at `at` joins two lines of business in a park's name: a place and two to
    four name characters before it, or a line of business alone (`新材料和智慧家居产业园`), no unit's word
    among them, and the park's word ending (or starting at) `end` a few characters after it, with no
    place between."""
    parks = lex.org_word_set("Park")
    if end - at > _PARK_FIELDS_REACH or not (parks.ending_at(text, end) or parks.starting_at(text, end)):
        return False
    units = lex.org_word_set("Organization", "Enterprise", "Committee", "Branch", "Park")
    if units.ending_at(text, at) or lex.gazetteer.match(text, at + 1):
        return False
    trade = next((w for w in lex.industry_words if len(w) > 2 and text.endswith(w, 0, at)), None)
    if trade and not _plain(text[at - len(trade) - 1 : at - len(trade)] or "。", lex):
        return True
    for start in range(max(0, at - 8), at - 3):
        place = lex.gazetteer.match(text, start)
        fields = text[start + len(place) : at] if place else ""
        if place and 2 <= len(fields) <= 4 and all(_plain(ch, lex) for ch in fields):
            return True
    return False


def _plain(ch: str, lex: Lexicon) -> bool:
    return is_name_char(ch) and ch not in lex.stop_chars


DEPARTMENT_REACH = 2
"""How many name characters may stand between a line of business and its department's word
(`发展改革|委`)."""


def _department_after(text: str, at: int, lex: Lexicon) -> bool:
    """Whether a department's word (`局`, `委`) follows `at` closely: a line of business before one
    names the department (`经济发展|局`, `发展改革委`), as it names a company before 业."""
    ends = lex.department_end_set
    for j in range(at, min(at + DEPARTMENT_REACH, len(text)) + 1):
        joined = text[j : j + 1] == "和" and _joined_department(text, j, len(text), lex)
        end = ends.starting_at(text, j)
        if joined or (end and text[j + len(end) : j + len(end) + 1] != "长"):
            return True  # (`经济发展局长` is a title, ending no department's name)
        if j < len(text) and (text[j] in lex.stop_chars or not is_name_char(text[j])):
            return False
    return False


UNIT_WORD_OVERHANG = 2
"""How far past a stop word a unit word holding it may end (`研究|所`)."""


def _inside_unit_word(text: str, start: int, end: int, lex: Lexicon) -> bool:
    """Whether the stop word at `start:end` (for a list item cut at `start`, the character there) is
    part of a unit word that a company's word follows (`研究所|有限公司`: the stop words `研究` and
    `所有`), which a name holds whole."""
    words, companies = lex.org_word_set("Organization"), lex.org_word_set("Enterprise")
    for j in range(start + 1, end + UNIT_WORD_OVERHANG + 1):
        if text[j : j + 1] not in companies.first_chars:
            continue
        word = words.ending_at(text, j)
        if word and j - len(word) <= start and companies.starting_at(text, j):
            return True
    return False


def _in_kind_word(text: str, at: int, kinds: WordSet) -> bool:
    """Whether the character at `at` opens or lies inside a kind of body that goes on after it (兼 in
    `兼合式党支部`): part of a name even where the character alone would stop one."""
    return text[at] in kinds.leading_chars and any(
        (word := kinds.starting_at(text, start)) is not None and start + len(word) - 1 > at
        for start in range(max(0, at - kinds.longest + 2), at + 1)
    )


def _inside_industry_word(text: str, end: int, stop: str, lex: Lexicon) -> bool:
    """A stop word inside a line of business (细化 in `精细化工`) is part of the name it is in."""
    industries = lex.industry_word_set
    start = end - len(stop)
    return any(
        (word := industries.starting_at(text, p)) is not None and p + len(word) > end
        for p in range(max(0, start - 2), start + 1)
    )


def _inside_kind_word(text: str, end: int, stop: str, lex: Lexicon) -> bool:
    """A stop word that ends a kind of body (组织 in `社会组织综合党委`) is part of the name."""
    longest = lex.kind_word_set.ending_at(text, end)
    return longest is not None and len(longest) > len(stop)


_BRACKETED = re.compile(
    r"(?<=[\u4e00-\u9fff])\([\u4e00-\u9fff]{1,6}\)$|“[\u4e00-\u9fff]{1,8}(?:[+·][\u4e00-\u9fff]{1,6})?”$"
)


def _bracketed(text: str, close: int, floor: int) -> int | None:
    """Where a bracketed part inside a name (`中轻依兰(集团)有限公司`, after a name character) or a
    quoted one (`市委“两新”工委`, `“甲乙丙丁”产业园党建联盟`, `“楼宇+社区”党建联盟`) opens, if `close` ends
    one."""
    m = _BRACKETED.search(text, max(floor, close - 16), close)
    return m.start() if m else None


_HIT_TYPES = ("Committee", "Branch", "Organization", "Enterprise", "Park")


def _org_word_hits(text: str, lex: Lexicon) -> list[tuple[int, int, str, str]]:
    """Every (start, end, type, word) where an organization word ends a name, by type, then by the
    word's place in its type's list, then by start."""
    ranks = lex.org_word_ranks(*_HIT_TYPES)
    ranked = []
    for start, word in lex.org_word_set(*_HIT_TYPES).find_all(text):
        if _inside_non_org(text, start, start + len(word), lex):
            continue
        ranked += [
            ((rank, at, start), (start, start + len(word), type_, word)) for rank, type_, at in ranks[word]
        ]
    return [hit for _, hit in sorted(ranked)]


def _inside_non_org(text: str, start: int, end: int, lex: Lexicon) -> bool:
    """The hit lies inside a longer word that names no organization (党组 in 党组织, 局 in 布局)."""
    return any(
        at <= start and text.startswith(word, start - at)
        for word, at in _non_org_around(text[start:end], lex.not_org)
    )


@cache
def _non_org_around(word: str, not_org: tuple[str, ...]) -> tuple[tuple[str, int], ...]:
    """The non-organization words that contain `word`, with each offset it is written at in them."""
    return tuple(
        (other, at)
        for other in not_org
        for at in range(len(other) - len(word) + 1)
        if other.startswith(word, at)
    )


_COUNT_ENDS = frozenset(_COUNTERS + "0123456789")
_INNER_COUNT = re.compile(
    rf"[{_NUMERAL}]+[多余]?(?:个|家|名|所|座|支|批|类|项|届|次)|第[{_NUMERAL}]+大|[本首历]届|[0-9]+日讯|[0-9]+[年月日]"
    r"|[一两二三四五六七八九十]+年"
)
"""Counts, terms, dates (a dateline's with its mark: `4月13日讯|甲综合保税区`) and spans of years inside a
run (`2021年7月|甲乙任…`, `新的一年|甲公司…`): a name starts after the last of them."""
_FIRST_OF = re.compile(r"首[个家所座支]")
"""`全省首个联合党委`: an ordinal and its counter (a pointing word's counter is cut in `scan_left`)."""


def _inner_start(s: str, left: int, start: int, lex: Lexicon) -> int:
    """A name starts after a count, a term or a year inside the run (`同一个联合党委`, `新一届园区党委`,
    `2022年甲商务区`), not one inside a quoted part of the name (`“五个一”产业园党建联盟`), at a 中共
    inside it (`党组织中共甲公司支部委员会`), and after a clause's opening 据 or a subtitle's 记."""
    quoted = [q.span() for q in QUOTE.finditer(s, left, start)]
    counts = [
        c for c in _INNER_COUNT.finditer(s, left, start) if not any(a < c.start() < b for a, b in quoted)
    ]
    if counts:
        left = counts[-1].end()
    elif firsts := list(_FIRST_OF.finditer(s, left, start)):
        left = firsts[-1].end()
    prefix = max((s.rfind(p, left + 1, start) for p in lex.drop_prefixes), default=-1)
    if prefix > left:
        return prefix
    # `据甲公司党支部书记介绍`: a clause's opening 据 is a preposition, not the start of a name; so is
    # the 记 of a profile's subtitle (`——记甲园区党群服务中心主任乙`), the 访 of an interview's
    opening = left == 0 or not is_name_char(s[left - 1])
    profile = s.startswith(("记", "访"), left) and left > 0 and s[left - 1] in _DASH_CHARS
    return left + 1 if opening and (s.startswith("据", left) or profile) and start - left > 1 else left


_DASH_CHARS = "—-－─"


def _counted_before(s: str, left: int) -> bool:
    """A name right after a count (`8家院士工作站`) speaks of several units of a kind, not of one (a count
    ends in a counter or a digit)."""
    if left == 0 or s[left - 1] not in _COUNT_ENDS:
        return False
    return any(_COUNT.fullmatch(s, i, left) for i in range(max(0, left - 6), left))


def find_org_mentions(text: str, sentences: list[Sentence], lex: Lexicon) -> list[Mention]:
    """Organization-like mentions (committees, branches, enterprises, parks, other bodies), longest first."""
    out: list[Mention] = []
    company_words = lex.org_words.get("Enterprise", ())
    tagged = _tagged_companies(text, sentences, company_words)
    for si, sent in enumerate(sentences):
        s = sent.text
        candidates = []
        for start, end, type_, word in _org_word_hits(s, lex):
            company = type_ == "Enterprise" or s.endswith(company_words, 0, start)
            company = company or _titled_organization(s, end, type_, lex)
            opened = _park_alias_before(s, start, type_, lex)
            end_of_name = opened or start
            scan_from = end_of_name - len(_unit_word_before(s, end_of_name, type_, lex))
            of_work = company or _organ_of_work(s, scan_from, type_, word, lex)
            left = _inner_start(s, scan_left(s, scan_from, lex, company=of_work), end_of_name, lex)
            left = _past_preposition(s, left, end_of_name, lex)
            left = past_motion_verb(s, left, end, lex)
            left = _past_joining_verb(s, left, start, lex)
            left = _past_ranked_kind(s, left, end_of_name, lex)
            left = _past_having(s, left, end_of_name)
            if type_ == "Organization":
                left = _joined_organ_start(s, left, end_of_name, lex)
            if type_ in ("Organization", "Park"):
                left = _joined_trades_start(s, left, end_of_name, lex)
            if company:
                company_end = end if type_ == "Enterprise" else start
                left = _tagged_start(s, left, company_end, tagged.get(si, ()), lex)
                left = _past_park_prefix(s, left, start, lex, company_end)
            elif type_ in ("Park", "Organization"):
                left = _past_company(s, left, end_of_name)
                left = _listed_tagged_start(s, left, end, tagged.get(si, ()))
            if type_ == "Park":
                left = _past_party_body(s, left, end_of_name, lex)
                left = _past_post_title(s, left, end_of_name, lex)
            if type_ == "Committee":
                left = _past_park_to_region(s, left, end_of_name, word, lex)
            if type_ == "Organization" and _PAIRED_LEADERSHIP.search(s, left, end_of_name):
                left = end_of_name - 1
            park_figure = _kind_of_park(s[left:end_of_name]) or quoted_word(s, start, end)
            park_figure = park_figure or (type_ == "Park" and _ranked_park_word(s, left, end, lex))
            if _counted_before(s, left) or (type_ == "Park" and park_figure):
                continue
            candidates.append((left, end, type_, word, opened))
        candidates.sort(key=lambda c: (-(c[1] - c[0]), c[0], -len(c[3])))
        taken: list[tuple[int, int]] = []
        for left, end, type_, word, opened in candidates:
            if any(not (end <= a or left >= b) for a, b in taken):
                continue
            if s.startswith(("委员", "委会"), end - 1) and word.endswith("委"):
                continue
            taken.append((left, end))
            aliased = opened is not None and opened > left
            written = s[left:opened] + word if aliased else s[left:end]
            name = written.replace("“", "").replace("”", "")
            generic = None if left < end - len(word) else word
            if type_ == "Organization" and word == "委员会" and s.startswith(lex.drop_prefixes, left):
                type_ = "Committee"  # `中共某公司委员会` is the company's Party committee
            body = Mention(sent.start + left, sent.start + end, type_, name, si, generic=generic)
            out.append(body)
            body.surface_alias = not aliased
    return sorted(out, key=lambda m: m.start)


BARE_ORGAN_WORDS = ("局", "厅", "委员会")
"""Organ words that say nothing of the organ's work: the words before them do (`城乡建设局`)."""


def _organ_of_work(s: str, end: int, type_: str, word: str, lex: Lexicon) -> bool:
    """`城乡建设局`, `发展和改革委员会`: a line of work (建设, 发展) right before a bare organ word is the
    organ's name, not a verb that ends it."""
    bare = type_ == "Organization" and word in BARE_ORGAN_WORDS
    return bare and s.endswith(tuple(lex.business_words), 0, end)


ORGAN_JOINERS = "和与"
"""Conjunctions inside an organ's name (`人力资源和社会保障局`, `教育与体育局`)."""


def _joined_organ_start(s: str, left: int, end: int, lex: Lexicon) -> int:
    """`甲县住房和城乡建设局`, `市发展和改革委员会`: a government organ's name joins two lines of work
    by 和; the scan stopped at it. The name runs on over it where a region or a level word opens the
    first line of work (`甲县企业和…` would too, but a list of units rarely puts a place first), and
    neither side is a body or a place of its own (`甲省商务厅和乙县委…`)."""
    if left < 3 or s[left - 1] not in ORGAN_JOINERS or end - left < 2:
        return left
    start = scan_left(s, left - 1, lex, company=True)
    before = s[start : left - 1]
    regions, rest = region_prefix(before, lex)
    if not regions and before[:1] in level_chars(lex) and before[:1] != before:
        rest = before[1:]
    elif not regions:
        return left
    after = s[left:end]
    two_bodies = lex.org_word_set(*lex.org_words).ending_at(rest, len(rest)) or region_prefix(after, lex)[0]
    return start if 2 <= len(rest) <= 4 and rest.isalnum() and not two_bodies else left


def _joined_trades_start(s: str, left: int, end: int, lex: Lexicon) -> int:
    """`甲铝及铝加工园区`, `汽配及机械制造产业链党建联盟`: a park or a body named for two trades joins them
    by 及; the scan stopped at it. The name runs on over it where the words before 及 are a trade, not
    a body, a place or a kind word of its own (`园区及企业…`, `甲公司及乙…` list two units)."""
    if left < 2 or s[left - 1] != "及" or end - left < 1:
        return left
    start = scan_left(s, left - 1, lex, company=True)
    before = s[start : left - 1]
    if not 1 <= len(before) <= 6 or not before.isalnum():
        return left
    words = lex.org_word_set(*lex.org_words)
    own = (
        any(words.ending_at(before, i) for i in range(1, len(before) + 1))
        or lex.gazetteer.match(before) == before
        or before in (*lex.kind_words, *lex.enterprise_list_heads, *lex.stop_words)
    )
    return left if own else start


def _titled_organization(s: str, end: int, type_: str, lex: Lexicon) -> bool:
    """`甲县民营经济发展促进会会长`, `甲县市场监督管理局局长`: a body whose post a title names is named,
    like a company, for its line of work (发展, 管理), which ends no name there."""
    return type_ == "Organization" and lex.post_title_set.starting_at(s, end) is not None


def _ranked_park_word(s: str, left: int, end: int, lex: Lexicon) -> bool:
    """`升格为省级|开发区`, `是自治区级|工业园区`: a bare park word after a rank the scan stopped at says
    what rank of park, as a qualifier ending in 级 does (`_kind_of_park`), not which park."""
    return s.endswith("级", 0, left) and s[left:end] in lex.vocabulary.generic_words("Park")


def _kind_of_park(qualifier: str) -> bool:
    """`“流量型”功能区`, `创新型园区`, `国家级孵化器`, `创建类小镇`: a qualifier ending in 型, 级 or 类 says
    what type, rank or class of park, not which one, as one opening with a scale does (`千亿级光伏产业
    基地`); a quoted count (`“五面红旗”示范开发区`, `“十佳”园区`) a title parks strive for."""
    counted = qualifier.startswith("“") and qualifier[1:2] in _NUMERAL
    return counted or bool(_SCALE.match(qualifier)) or qualifier.rstrip('”’"').endswith(("型", "级", "类"))


_SCALE = re.compile(rf"[{_NUMERAL}百千万亿]+级")
"""`千亿级光伏产业基地`: a scale opening the qualifier says how big a park, not which."""


def quoted_word(s: str, start: int, end: int) -> bool:
    """Whether the word at `start:end` stands alone in quotes (`“孵化器”党支部`): a figure of speech (a
    branch that hatches branches), not a unit of that kind."""
    return s[start - 1 : start] == "“" and s[end : end + 1] == "”"


def _past_park_prefix(s: str, left: int, end: int, lex: Lexicon, company_end: int) -> int:
    """`甲经济开发区|甲乙科技有限公司`: a company's name does not open with the park it lies in when its own
    name opens again with the park's place, with a place or with a brand (a park's own company,
    `甲开发区投资有限公司`, keeps its park); the company's name ends at `company_end`."""
    parks = lex.vocabulary.generic_words("Park")
    found = [left + at + len(word) for at, word in lex.org_word_set("Park").find_all(s[left:end])]
    cut = max((e for e in found if e < end - 2 and s.endswith(parks, left, e)), default=None)
    if cut is None:
        return left
    again = s.startswith(s[left : left + 2], cut) or lex.gazetteer.match(s, cut, end) is not None
    if not (again or _branded(s[cut:company_end], lex)):
        return left
    return cut + 2 if s.startswith("企业", cut) else cut  # `园区|企业|甲乙有限公司`: the park's firm


_PARK_FIRM_WORDS = ("运营", "控股", "物业", "资产", "实业", "置业", "招商", "集团", "运营管理")
"""What a park's own firm does (`甲产业园运营管理有限公司`, `乙开发区控股集团有限公司`): no brand."""


def _branded(stem: str, lex: Lexicon) -> bool:
    """Whether `stem` is a company's name (it ends in a company word) that, less that word, holds a brand:
    two or more characters that are no line of business (`青禾|科技`, not `建设投资`)."""
    company = lex.org_word_set("Enterprise").ending_at(stem, len(stem))
    if company is None:
        return False
    stem = stem[: len(stem) - len(company)]
    for word in sorted((*lex.business_words, *lex.industry_words, *_PARK_FIRM_WORDS), key=len, reverse=True):
        stem = stem.replace(word, "")
    return len(stem.removesuffix("有限").removesuffix("股份")) >= 2


def _past_company(s: str, left: int, end: int) -> int:
    """A park's or a body's name does not run over a company's name that ends before it with words
    between (`甲乙有限公司|落户园区`): the company is the subject, not part of the name."""
    at = s.rfind("公司", left, end - 1)
    return at + 2 if at >= 0 and at + 2 < end else left


def _past_park_to_region(s: str, left: int, end: int, word: str, lex: Lexicon) -> int:
    """A region's committee's name does not run over a park's name and the words after it to the region
    (`无棣经济开发区紧扣|无棣县委`): the park is the clause's subject. A region right after the park's
    word stays in the name (`甲经开区乙街道党工委`)."""
    parks = lex.org_word_set("Park")
    park_end = max((left + at + len(w) for at, w in parks.find_all(s[left:end])), default=None)
    if park_end is None or park_end >= end:
        return left
    # `县委`: the level word the committee's word opens ends the region's name
    region_end = end + 1 if word[:1] in level_chars(lex) else end
    region = next((a for a, _ in lex.gazetteer.find_all(s[park_end:region_end]) if a > 0), None)
    return park_end + region if region is not None else left


def _past_party_body(s: str, left: int, end: int, lex: Lexicon) -> int:
    """A park's name does not run over a Party body's name before it (`甲街道工委|乙科创园`: a list's
    last item glued to the next line in a page without line breaks): no park is named after a Party body."""
    words = lex.party_body_word_set
    for at in range(end - 1, left, -1):
        word = words.ending_at(s, at, shortest=True) if s[at - 1] in words.last_chars else None
        if word and at - len(word) >= left:
            return at
    return left


def _past_post_title(s: str, left: int, end: int, lex: Lexicon) -> int:
    """No park is named after a post: a park's name does not run over a title and the holder's name
    after it (`部长甲乙作|丙园区…`; a weak title, `党员`, may name one: `青年党员创业园`)."""
    titles = lex.post_title_set
    for at in range(end - 1, left, -1):
        title = titles.ending_at(s, at) if s[at - 1] in titles.last_chars else None
        if title and at - len(title) >= left and title not in lex.weak_titles:
            return at
    return left


def _holds_words(stretch: str, lex: Lexicon) -> bool:
    """Whether a stretch holds a body's or a park's word, a stop word short of its end, or a company's
    word and a joiner (`甲科技有限公司和|乙…`: two companies the analyzer read as one name)."""
    words = (w for t in ("Committee", "Branch", "Park", "Organization") for w in lex.org_words.get(t, ()))
    inner = stretch[:-1]
    companies = lex.org_word_set("Enterprise").find_all(stretch)
    joined = any(stretch[at + len(w) : at + len(w) + 1] in ("和", "与", "及", "、") for at, w in companies)
    return (
        joined or any(len(w) > 1 and w in stretch for w in words) or any(w in inner for w in lex.stop_words)
    )


_FUNCTION_TAGS = frozenset({"v", "vd", "p", "c", "d", "u", "ad", "r", "w", "f", "s", "TIME"})
"""Tags of words that start no name: verbs, prepositions, conjunctions, adverbs, particles, pronouns,
words of position and place (`楼内`), times."""


def _tagged_companies(
    text: str, sentences: list[Sentence], company_words: tuple[str, ...]
) -> dict[int, list[Word]]:
    """The words of each sentence that holds a company word, as the lexical analyzer reads them."""
    written = re.compile(alternation(company_words)) if company_words else None
    chosen = [si for si, sent in enumerate(sentences) if written and written.search(sent.text)]
    spans = [(sentences[si].start, sentences[si].end) for si in chosen]
    starts = {si: sentences[si].start for si in chosen}
    return {
        si: [Word(w.start - starts[si], w.end - starts[si], w.word, w.tag) for w in words]
        for si, words in zip(chosen, analyze(text, spans), strict=True)
    }


def _listed_tagged_start(s: str, left: int, end: int, words: Iterable[Word]) -> int:
    """`、华为西安研究所、`: a body's name that the scan cut at a stop character inside a brand, where the
    lexical analyzer reads the whole as one organization starting a list's item, starts with the item."""
    org = next((w for w in words if w.tag == "ORG" and w.end == end and w.start < left), None)
    if org is None or org.start == 0 or s[org.start - 1] not in _ITEM_OPENERS:
        return left
    return org.start if all(is_name_char(ch) for ch in s[org.start : left]) else left


_ITEM_OPENERS = "、，,:："
"""What a list's item starts after."""


def _tagged_start(s: str, left: int, end: int, words: Iterable[Word], lex: Lexicon) -> int:
    """Where a company's name that ends at `end` starts, as the lexical analyzer reads it: further left
    where the scan stopped at a stop word inside the name (`太和|…有限公司`, `…研究|院有限公司`), further
    right past verbs the scan ran over (`签约|甲乙有限公司`)."""
    words = list(words)
    # a company's whole name is sometimes read as a place's (`浙江每日…有限公司`, LOC): it ends the same,
    # but a place's `的` before the name (`云南省的|甲乙有限公司`) is no part of it
    org = next((w for w in words if w.tag in PROPER_TAGS and w.end == end and w.end - w.start > 2), None)
    if org is None or (org.tag != "ORG" and "的" in s[org.start : left]):
        return left
    stretch = s[org.start : left]
    if org.start < left and all(is_name_char(ch) or ch in "()" for ch in stretch):
        # a category before the name (`辖区企业|甲乙有限公司`), a body and a verb (`甲党工委指导|…`) stay out
        # and so does a verb the analyzer read into the name (`依托|甲乙有限公司`)
        # and so does the tail of a verb the scan stopped at (`对|标甲乙有限公司`)
        stop = lex.stop_word_set.ending_at(s, left)
        kept_out = (
            stretch.endswith(lex.enterprise_list_heads)
            or _holds_words(stretch, lex)
            or stretch in lex.stop_word_set
            or (stop is not None and left - len(stop) < org.start)
            or (stretch in JOINING_VERBS and s.endswith(_LEADING_OFF, 0, org.start))
        )
        return left if kept_out else org.start
    before = [w for w in words if left <= w.start and w.end <= org.start]
    if (
        org.start > left
        and before
        and before[0].start == left
        and all(w.tag in _FUNCTION_TAGS for w in before)
    ):
        return org.start
    return left


_PAIRED_LEADERSHIP = re.compile(r"([省市区县州旗])委\1$")
"""`甲县委县政府`: a region's committee and its government written together are two bodies; the second
is named by its level word (`县政府`) and the region the first names."""


_BARE_WORD_PREPOSITIONS = "自从在向对于为由到把被给"
"""Prepositions that may stand right before a unit's bare word (`自大厦成立…`, `在园区`)."""
PLACE_PREPOSITIONS = "经"
"""Prepositions that also begin names (`经开区`), so are read as one only before a place
(`经|甲市乙局批准`)."""


def _past_preposition(s: str, left: int, end: int, lex: Lexicon) -> int:
    """A name does not run over a preposition before a place (`企业同|甲省乙协会`, `与|甲市丙局`), nor
    over one right before the bare word of a unit (`自|大厦成立党组织以来`): no unit's name is one
    preposition."""
    if end - left == 1 and s[left] in _BARE_WORD_PREPOSITIONS + PLACE_PREPOSITIONS:
        return end
    if s[left] in PLACE_PREPOSITIONS and _bare_stem(s[left + 1 : end], lex):
        return left + 1  # `经|开发区党工委批准`, `经|区政府同意`: the approving unit named by its bare word
    gazetteer = lex.gazetteer
    return next(
        (
            at + 1
            for at in range(left, end - 1)
            if (s[at] in lex.function_surnames or s[at] in PLACE_PREPOSITIONS)
            and not gazetteer.match(s, at, end)
            and gazetteer.match(s, at + 1, end)
        ),
        left,
    )


def _bare_stem(stem: str, lex: Lexicon) -> bool:
    """A unit's bare word (`开发区`, whatever Party word follows it) or a level word (`区`) before a
    body's word: no name of its own."""
    return any(is_bare_unit(stem[:i], lex) for i in range(2, len(stem) + 1)) or stem in level_chars(lex)


def past_motion_verb(s: str, left: int, end: int, lex: Lexicon) -> int:
    """A name does not start with a verb of going written before it (`去|甲镇`, `进入|乙大厦`) where
    at least two characters of name are left after the verb."""
    if not s.startswith(lex.motion_verbs, left):
        return left
    verb = next((v for v in lex.motion_verbs if s.startswith(v, left)), None)
    return left + len(verb) if verb and end - left - len(verb) >= 2 else left


JOINING_VERBS = ("联合", "会同", "协同", "联手")
"""Verbs by which one body acts with another (`园区党委联合区委政法委`): after a body's name they
start the next name, where before an organization word they are part of it (`联合党支部`)."""


def _past_ranked_kind(s: str, left: int, end: int, lex: Lexicon) -> int:
    """`国家级经开区|甲经开区`: a rank and a kind of park set before a name that ends at `end` describe
    what it names; the name starts after them."""
    rank = PARK_RANK.match(s, left)
    word = lex.org_word_set("Park").starting_at(s, rank.end(), end) if rank else None
    if word is None or not park_kind(word, lex) or rank.end() + len(word) + 2 > end:
        return left
    return rank.end() + len(word)


_LEADING_OFF = ("牵头,", "牵头，", "牵头")
"""What a leader does before a joining verb that brings in the units after it."""


def _past_joining_verb(s: str, left: int, start: int, lex: Lexicon) -> int:
    """A name does not run back over a body joined to it by a verb (`甲党委联合|乙政法委`)."""
    words = lex.org_word_set(*lex.org_words)
    for verb in JOINING_VERBS:
        if s.startswith(verb, left) and s.endswith(_LEADING_OFF, 0, left):
            return left + len(verb)  # `由甲公司牵头,联合|乙公司…`: the leader brings the next one in
        at = s.rfind(verb, left, start)
        # the body may end right where the run stopped (`甲党委|联合乙公司`)
        if (
            at >= left
            and (word := words.ending_at(s, at, shortest=True))
            and (at == left or at - len(word) >= left)
        ):
            return at + len(verb)
    return left


def _unit_word_before(s: str, end: int, type_: str, lex: Lexicon) -> str:
    """The park or body word a body's name ends in before its own word (`甲产业集聚区|党委`): read whole,
    so a stop word inside it (`集聚`) does not cut the name."""
    if type_ == "Enterprise":
        return ""
    return lex.org_word_set("Park", "Organization").ending_at(s, end) or ""


_ALIAS_BRACKET = re.compile(r"[(（](?:以下简称|简称|以下称|下称)?“?([\u4e00-\u9fff]{2,12})”?[)）]")
"""A park's other name in brackets after it: `甲经济技术开发区(甲高新区)`, `甲开发区(以下简称“经开区”)`."""


def bracketed_alias(text: str, end: int, lex: Lexicon) -> str | None:
    """The other name of a park in brackets right after it (`甲开发区(乙高新区)`), if one is there."""
    m = _ALIAS_BRACKET.match(text, end)
    return m.group(1) if m and m.group(1).endswith(lex.org_words.get("Park", ())) else None


def _park_alias_before(s: str, start: int, type_: str, lex: Lexicon) -> int | None:
    """Where the park's name ends when a bracketed other name of it comes between it and the body word
    that follows (`甲开发区(乙高新区)党工委` is the committee of 甲开发区): the body is named without it."""
    if type_ == "Enterprise" or not s.endswith((")", "）"), 0, start):
        return None
    m = next((b for b in _ALIAS_BRACKET.finditer(s, max(0, start - 20), start) if b.end() == start), None)
    if not m or not m.group(1).endswith(lex.org_words.get("Park", ())):
        return None
    return m.start() if m.start() > 0 and s.endswith(lex.org_words.get("Park", ()), 0, m.start()) else None


def find_enumerations(text: str, sentences: list[Sentence], lex: Lexicon) -> list[Mention]:
    """`甲、乙、丙3个行业党委` names three committees: one mention per member; so does `甲、乙等共7个村的
    党支部` (each member's branch)."""
    words = alternation(
        tuple(w for t in ("Committee", "Branch", "Organization", "Park") for w in lex.org_words.get(t, ()))
        + PART_KINDS
    )
    if not words:
        return []
    counted_kinds = lex.structure.get("counted_kinds", ())
    kinds = f"(?:{alternation(counted_kinds)})?" if counted_kinds else ""
    pattern = re.compile(
        rf"((?:[\u4e00-\u9fff]{{2,8}}[、和及与])+[\u4e00-\u9fff]{{2,8}})"
        rf"(?:等共?[{_NUMERAL}]+(?:个|家)[\u4e00-\u9fff]{{1,2}}的|[{_NUMERAL}]+(?:个|家|大)|等)"
        rf"({_COUNTED_PLACES})?[“\"]?({kinds})({words})"
    )
    # what the pattern's last part needs, looked for first: most sentences hold no enumeration; the word
    # may be quoted (`两个“园中园”`)
    counted = re.compile(rf"[的个家大等](?:{_COUNTED_PLACES})?[“\"]?{kinds}(?:{words})")
    type_of = {
        w: t for t in ("Committee", "Branch", "Organization", "Park") for w in lex.org_words.get(t, ())
    } | dict.fromkeys(PART_KINDS, "Park")
    out = []
    for si, sent in enumerate(sentences):
        if not counted.search(sent.text):
            continue
        for m in pattern.finditer(sent.text):
            items_text, place, kind, word = m.group(1), m.group(2) or "", m.group(3), m.group(4)
            if _inside_non_org(sent.text, m.start(4), m.end(4), lex):
                continue
            first_start = scan_left(sent.text, m.start(1) + len(re.split("[、和及与]", items_text)[0]), lex)
            pos = m.start(1)
            for item in re.split("[、和及与]", items_text):
                item_start = pos
                pos += len(item) + 1
                if item_start == m.start(1):
                    # the first item starts where its name does, before the pattern's reach or after
                    item, item_start = sent.text[first_start : item_start + len(item)], first_start
                item = item.removesuffix("等")  # `甲、乙等3个党支部`: the count follows the list's `等`
                if len(item) < 2 or item[-1] in lex.stop_chars or not item.endswith(place):
                    # `组织和工作在|三个园中园`: a preposition ends no listed name; a count of village
                    # branches lists villages (`甲村、乙村2个村党支部`, not `和周边|3个村党支部`)
                    continue
                own = _own_word(item, type_of)
                if own and type_of[own] == "Park" and type_of[word] in ("Committee", "Branch"):
                    own = None  # `甲园、乙园3个党总支`: each park's body of that kind
                whole = own or _park_by_head(item, word, type_of) or word in PART_KINDS
                out.append(
                    Mention(
                        start=sent.start + item_start,
                        end=sent.start + item_start + len(item),
                        type=type_of[own] if own else type_of[word],
                        name=item if whole else item + kind + word,
                        sentence=si,
                    )
                )
    return out


_COUNTED_PLACES = "村|社区"
"""Places a count of bodies may name again (`甲村、乙村2个村党支部`: each village's branch)."""


PART_KINDS = ("园中园", "分园", "子园区")
"""Words for a park's parts (`甲谷和乙谷两个园中园`): each listed item is a park named whole, whatever
its last word."""
PART_PARK_WORDS = ("片区", *PART_KINDS)
"""Park words that name a part of a park (`甲片区`, `乙分园`): one the article names is its park's part."""
_PARK_HEADS = frozenset("园区城港谷")
"""The characters a park's kind word ends in or is headed by (`园区`, `开发区`, `新城`)."""


def _park_by_head(item: str, word: str, type_of: dict[str, str]) -> bool:
    """`东园、西园两个园区`, `东区、西区两个园区`: an item that ends in its park kind's head character is
    already a park's name (the park word is not written again after it)."""
    return type_of[word] == "Park" and item[-1] in _PARK_HEADS and item[-1] in word


def _own_word(item: str, type_of: dict[str, str]) -> str | None:
    """The unit word a listed item already ends in (`甲乙大厦、丙丁大厦等商务楼宇`): it names itself."""
    return next(
        (w for w in sorted(type_of, key=len, reverse=True) if item.endswith(w) and len(item) > len(w)), None
    )


def find_people(text: str, sentences: list[Sentence], lex: Lexicon) -> list[Mention]:
    """People named next to a post title (`党支部书记王希友说`, `组织部长 何建新`, `王希友书记说`), the names
    listed after such a person (`副区长甲乙、丙丁`), names opening a clause that states their post
    (`甲乙是…书记`, `任命甲乙为…`), names opening a profile (`甲乙,男,…`), names listed before a word for
    people (`甲乙、丙丁等同志`), names the lexical analyzer tags as people in such constructions (whatever
    their family name), and every later mention of a name found so. The patterns that need a post
    title are tried only in a sentence that writes one."""
    titles = alternation(lex.post_titles)
    if not titles:
        return []
    out: list[Mention] = []
    for si, sent in enumerate(sentences):
        starts = _title_starts(sent.text, lex)
        titled = bool(starts)
        found = [
            *(_titled_people(sent, si, lex, titles, starts) if titled else ()),
            *(_self_posted_people(sent, si, lex) if titled else ()),
            *_listed_people(sent, si, lex),
            *_headed_people(sent, si, lex),
            *(_addressed_people(sent, si, lex, titles, starts) if titled else ()),
            *(_appointed_people(sent, si, lex) if titled else ()),
            *_speaking_people(sent, si, lex),
            *_profiled_people(sent, si, lex),
            *(_spaced_people(sent, si, lex, titles) if titled else ()),
            *(_roster_people(sent, si, lex, titles) if titled else ()),
            *(_role_opened_people(sent, si, lex, titles) if titled else ()),
            *_studio_people(sent, si, lex),
        ]
        here: list[Mention] = []
        for person in sorted(found, key=lambda m: (m.start, m.start - m.end)):
            if any(m.start <= person.start and person.end <= m.end and m.span != person.span for m in here):
                continue
            if sent.text.startswith(lex.post_titles, person.start - sent.start):
                continue
            if sent.text.startswith(tuple(_DOTS), person.end - sent.start):
                continue
            if _opens_body_word(sent.text, person.start - sent.start, person.end - sent.start, lex):
                continue  # `由党群工作部部长…`: a body's word, not a family name 党 and a given name
            if not any(m.span == person.span and m.title_start == person.title_start for m in here):
                here.append(person)
        if sum(1 for m in here if m.titles) >= ROLL_SIZE:
            here += _roll_people(sent, si, lex, titles, here)
        out += here
    out = [_whole_dotted(text, m, lex) for m in out]
    analyzed = _analyzed(text, sentences, lex, {m.sentence for m in out})
    out = _agreeing_with_tags(out, analyzed, lex)
    out += _tagged_people(sentences, analyzed, lex, titles, out)
    return [*out, *_named_again(sentences, out, lex)]


ROLL_SIZE = 2
"""People named by their posts in one sentence that make it a roll of those present."""


def _roll_people(sent: Sentence, si: int, lex: Lexicon, titles: str, found: list[Mention]) -> list[Mention]:
    """`…副书记陈潇,省市场监管局党组书记、局长、省委两新工委副书记向曙光,省委统战部副部长…`: in a roll of
    people named by their posts, a name whose family name is also a preposition (向, 于), written after
    a post title and closed by a comma or a `、`, is one more of them (alone it may be `向群众`)."""
    surnames = "".join(sorted(lex.function_surnames))
    pattern = re.compile(rf"({titles})([{surnames}][\u4e00-\u9fff]{{2}})(?=[,，、])")
    out = []
    for m in pattern.finditer(sent.text):
        start = sent.start + m.start(2)
        if _name_shaped(m.group(2), lex) and not any(p.start < start + 3 and start < p.end for p in found):
            title_start = sent.start + m.start(1)
            out.append(
                Mention(
                    start, start + 3, "Person", m.group(2), si, titles=[m.group(1)], title_start=title_start
                )
            )
    return out


def _opens_body_word(text: str, start: int, end: int, lex: Lexicon) -> bool:
    """Whether an organization's word starts where a name read as a person's starts and runs past it."""
    word = lex.org_word_set("Organization", "Committee", "Branch").starting_at(text, start)
    return word is not None and start + len(word) > end


def _analyzed(text: str, sentences: list[Sentence], lex: Lexicon, named: set[int]) -> dict[int, list[Word]]:
    """The model's words, by sentence index, of the sentences that can name a person: those with a post
    title, a speech verb or `同志` in them, and those the rules found a name in (the model reads some
    25,000 chars/s, too slow for every sentence). One call for them all."""
    cues = (*lex.post_titles, *lex.speech_verbs, "同志")
    cue = re.compile(alternation(tuple(sorted(cues, key=len, reverse=True))))
    chosen = [si for si, sent in enumerate(sentences) if si in named or cue.search(sent.text)]
    words = analyze(text, [(sentences[si].start, sentences[si].end) for si in chosen])
    return dict(zip(chosen, words, strict=True))


def _agreeing_with_tags(
    people: list[Mention], analyzed: dict[int, list[Word]], lex: Lexicon
) -> list[Mention]:
    """The names the rules read, ended where the model tags a name one character shorter, and without
    those a verb or adverb of the model runs across (`书记高效完成`: `完成` crosses the end of `高效完`)
    or that it reads as one verb; after a weak title only (`党员`, `员工`), a name the model reads as
    one too (`党员高管`, `员工安心` are no people)."""
    out = []
    for person in people:
        if any(d in person.name for d in _DOTS):
            out.append(person)  # the model reads no name across its dot (`阿不都热合曼|·|买买|提说`)
            continue
        words = analyzed.get(person.sentence, [])
        _trim_to_tags(person, words, lex)
        weak = bool(person.titles) and all(t in lex.weak_titles for t in person.titles)
        if weak and not any(w.start == person.start and w.tag == "PER" for w in words):
            continue
        # a word of the name's last character and the follower that closes it (`马文才|是` read `马文|才是`)
        # does not cross the name
        closed = _closed_by_follower(person, words, lex)
        crossing = [w for w in words if not (closed and w.start == person.end - 1)]
        if any(_runs_across(w, person) or _verb_itself(w, person) for w in crossing):
            continue
        if not _opened_by_verb(words, person) and not _pronoun_itself(words, person):
            out.append(person)
    return out


def _opened_by_verb(words: list[Word], person: Mention) -> bool:
    """The model reads the name's start as a verb, an adjective or an adverb that runs past its end
    (`负责人|齐心协力`), or that ends inside it before words of which one runs past its end
    (`负责人|齐聚|一堂`, `主管|干|到|行政经理`): words cut out of the predicate, not a name."""
    for word in words:
        if word.start != person.start or word.tag not in _CROSSING_TAGS:
            continue
        return word.end > person.end or any(w.start < person.end < w.end for w in words)
    return False


def _pronoun_itself(words: list[Word], person: Mention) -> bool:
    """The model reads the whole name as one pronoun (`那天,她作为…指导员`): no one's name."""
    return any(w.tag == "r" and (w.start, w.end) == (person.start, person.end) for w in words)


def _verb_itself(word: Word, person: Mention) -> bool:
    """The model reads a two-character name as one verb (`书记|解释|说`): a family name opening a verb
    (a longer name it may read so for its first character: `祝长青`)."""
    return (
        word.tag in ("v", "vd")
        and (word.start, word.end) == (person.start, person.end)
        and len(word.word) == 2
    )


def _tagged_people(
    sentences: list[Sentence],
    analyzed: dict[int, list[Word]],
    lex: Lexicon,
    titles: str,
    found: list[Mention],
) -> list[Mention]:
    """Names the lexical analyzer tags as people, in the sentences it read (`_analyzed`), where the
    construction around the name says it is a person: a post title before or after it, a speech verb
    or honorific after it, a clause stating its post, a predicate, or a list with such a name. Names
    the rules found already, and names in a byline or credit (`记者 甲乙`, `(甲乙 丙丁)`), are left
    out; the model's tags correct where the rules read a name a character too long."""
    found_in: dict[int, list[Mention]] = {}
    for m in found:
        found_in.setdefault(m.sentence, []).append(m)
    known = {m.name for m in found}
    out: list[Mention] = []
    for si, words in analyzed.items():
        sent = sentences[si]
        accepted: dict[int, Mention] = {}
        for i, word in enumerate(words):
            following = words[i + 1].tag if i + 1 < len(words) else "w"
            person = _cued_person(sent, si, word, following, lex, titles) if word.tag == "PER" else None
            if person:
                accepted[i] = person
        for i in list(accepted):
            # the person as the lists before have left it: `甲乙、丙丁、戊己` after a title share it
            accepted.update(_tagged_list(sent, si, words, i, accepted[i], lex))
        taken = list(found_in.get(si, ()))
        for person in accepted.values():
            if not any(_overlap(person, m) for m in taken) and not _variant(person.name, known):
                out.append(person)
                taken.append(person)
    return out


_CROSSING_TAGS = frozenset({"v", "vd", "vn", "a", "ad", "an", "d"})
"""Verbs, adjectives, adverbs: a short one of these running across a name's end says the name is none
(the model's entity tags sometimes run a name into its verb: `甲乙丙任` as ORG)."""


def _runs_across(word: Word, person: Mention) -> bool:
    """A short verb, adjective or adverb of the model's that starts before the name and ends inside it,
    or starts inside it and ends after it."""
    if word.tag not in _CROSSING_TAGS or len(word.word) > 3 or not _HAN_RUN.fullmatch(word.word):
        return False
    return word.start < person.start < word.end or word.start < person.end < word.end


MAX_FOLLOWER = 4
"""The longest word that follows a name (`表示`, `的带领`)."""


def _closed_by_follower(person: Mention, words: list[Word], lex: Lexicon) -> bool:
    """Whether a word that follows names (`说`, `在`, `是`) comes right after the name the rules read."""
    after = ""
    for w in words:
        if w.end > person.end:
            after += w.word[max(0, person.end - w.start) :]
            if len(after) >= MAX_FOLLOWER:
                break
    return after[:MAX_FOLLOWER].startswith(tuple(lex.name_followers))


def _trim_to_tags(person: Mention, words: list[Word], lex: Lexicon) -> None:
    """`书记甲乙结合…`: where the rules read a name one character too long (the first of a verb they do
    not know) and the model tags the shorter name, then a predicate or a word of its own of two or more
    characters (`现场`), the name ends where the model says; not where the character it leaves out
    opens `同志` (`甲乙|丙同志任…`), which the whole name comes right before, nor where a word that
    follows names (`说`, `在`, `是`) closes the rules' name (`部长甲乙会|说`, `书记甲乙标|在会上`)."""
    if any(w.start <= person.end < w.end and w.word.startswith("同志", person.end - w.start) for w in words):
        return
    if _closed_by_follower(person, words, lex):
        return
    for word, after in pairwise(words):
        if word.tag != "PER" or not (after.tag in _PREDICATE_TAGS or len(after.word) > 1):
            continue
        if person.start == word.start and person.end == word.end + 1 and person.name.startswith(word.word):
            person.end, person.name = word.end, word.word


def _overlap(a: Mention, b: Mention) -> bool:
    return a.start < b.end and b.start < a.end


def _variant(name: str, known: set[str]) -> bool:
    """A tagged name that a name the rules found begins or extends (`陈宏心想` for `陈宏`, `马文` for
    `马文才`): the model read a character too many or too few."""
    return any(k != name and (k.startswith(name) or name.startswith(k)) for k in known)


def _tagged_name(sent: Sentence, word: Word, lex: Lexicon) -> tuple[int, str] | None:
    """A tagged word as a person's name (start in the sentence, name): two to four Chinese characters,
    or a name whose parts a dot joins (`阿卜杜·热合曼`); not a form of address (`老张`, `李总`)."""
    name = word.word.strip()
    start = word.start - sent.start + (word.word.index(name[:1]) if name else 0)
    if not (re.fullmatch(r"[\u4e00-\u9fff]{2,4}", name) or _DOTTED.fullmatch(name)) or name in lex.not_names:
        return None
    if _address_form(name, lex):
        return None
    return _with_split_surname(sent.text, start, name, lex)


_NAME_OPENERS = ":：,，、;；( （"
"""Marks after which a list or an apposition of names starts."""


def _with_split_surname(s: str, start: int, name: str, lex: Lexicon) -> tuple[int, str]:
    """`为:占|金锋`: the model tags a two-character given name and reads a rarer family name before it
    as a verb; a family name between a list mark and the tagged name is part of it (not one that is
    also a preposition: `,向|甲乙汇报`)."""
    surname = s[start - 1] if start > 0 else ""
    opened = start < 2 or s[start - 2] in _NAME_OPENERS
    if len(name) == 2 and surname in lex.surnames and surname not in lex.function_surnames and opened:
        return start - 1, surname + name
    return start, name


def _body_word_end(name: str, lex: Lexicon) -> bool:
    """A tagged "name" that ends in a body's word of two characters or more (`纪工委`) names a body."""
    word = lex.org_word_set(*_HIT_TYPES, "Organization").ending_at(name, len(name))
    return word is not None and len(word) >= 2


DESCRIPTION_AFTER_POSTS = r"、[“\"]?[\u4e00-\u9fff0-9]{2,8}[”\"]?"
"""`、教授`, `、全国劳动模范`: a rank or an honour listed after a person's posts, right before the name."""


def _cued_person(
    sent: Sentence, si: int, word: Word, following: str, lex: Lexicon, titles: str
) -> Mention | None:
    """The tagged word as a person when its construction says so, with the titles it states; with no
    title, a name-shaped word that a predicate or a list mark follows (tag `following`: `甲乙宣布`,
    `甲乙以…`, `甲乙、丙丁`), not a noun it qualifies (`雷锋车队`)."""
    named = _tagged_name(sent, word, lex)
    if not named or _body_word_end(named[1], lex):
        return None
    start, name = named
    before, after = sent.text[:start], sent.text[start + len(name) :]
    bylines = alternation(lex.byline_words)
    if bylines and re.search(rf"(?:{bylines})[\s:：/]*(?:[\u4e00-\u9fff]{{2,4}}[\s、]+)*$", before):
        return None
    person = Mention(sent.start + start, sent.start + start + len(name), "Person", name, si)
    chain = rf"(?:{titles})(?:(?:[、,和]|兼任?)(?:{titles}))*"
    before_chain = re.search(rf"{chain}[ \u3000:：]{{0,2}}$", before)
    stated = _stated_post(after, lex)
    # `甲院院长、教授|乙丙,丁院院长…`: posts, then a description, before the name are its own (read past
    # the description); the post after the comma is the next person's
    honoured = re.search(rf"(?:{chain}){DESCRIPTION_AFTER_POSTS}$", before)
    if before_chain:
        person.titles = _split_titles(before_chain.group().rstrip(" \u3000:："))
        person.title_start = sent.start + before_chain.start()
    elif not honoured and (
        after_chain := _closed_title(after, chain, lex)
        or (stated and re.compile(chain).match(after, stated[1]))
    ):
        person.titles, person.title_start = (
            _split_titles(after_chain.group()),
            person.end + after_chain.start(),
        )
    elif not after.startswith(_closers(lex)) and not (
        _name_shaped(name, lex)
        and (following in _PREDICATE_TAGS or after.startswith("的"))
        and not _credit(before, after)
    ):
        return None
    return person


def _closed_title(after: str, chain: str, lex: Lexicon) -> re.Match[str] | None:
    """The titles right after a tagged name (`甲乙书记说`). Titles that open with a body's word and run on
    into more text are the next name's, and the tagged word names the body's place or owner
    (`甲镇党委书记乙丙介绍`)."""
    found = re.match(chain, after)
    if not found:
        return None
    rest = after[found.end() :]
    bodies = lex.org_word_set("Committee", "Branch", "Organization")
    of_body = len(bodies.starting_at(after, 0, found.end() - 1) or "") >= 2
    return (
        None
        if of_body and rest and _HAN.match(rest[0]) and not rest.startswith(tuple(lex.name_followers))
        else found
    )


_CREDIT_LINE = re.compile(r"[ \u3000]*[\u4e00-\u9fff]{2,4}[ \u3000]*")
_CREDIT_BRACKET = re.compile(r"[(（][ \u3000]*(?:[\u4e00-\u9fff]{2,4}[ \u3000]+)*$")
_CREDIT_CLOSE = re.compile(r"(?:[ \u3000]+[\u4e00-\u9fff]{2,4})*[ \u3000]*[)）]")
_CREDITED = re.compile(r"[ \u3000/]*(?:摄影|摄|供图|报道|整理|供稿)(?=$|[\s)）。])")


def _credit(before: str, after: str) -> bool:
    """A name alone on its line, names alone in brackets (`(甲乙 丙丁)` closing an article), a name
    before a credit word (`甲乙 摄`): a byline or a credit, not a person of the article; names listed
    by spaces after a heading are people."""
    if _CREDITED.match(after) or _CREDIT_LINE.fullmatch(
        before.rsplit("\n", 1)[-1] + "甲乙" + after.split("\n", 1)[0]
    ):
        return True
    return bool(_CREDIT_BRACKET.search(before) and _CREDIT_CLOSE.match(after))


def _split_titles(chain: str) -> list[str]:
    """The titles of a chain joined by `、` or `兼` (`董事长、总经理`, `书记兼主任`)."""
    return [t for t in re.split("[、,和]|兼任?", chain) if t]


_PREDICATE_TAGS = frozenset({"v", "vd", "d", "ad", "p", "c", "w", "TIME", "m"})
"""Tags of the word after a subject: a verb, an adverb, a preposition, a conjunction, punctuation, a
time or a number (`甲乙今年58岁`, `甲乙一家三口`)."""


def _closers(lex: Lexicon) -> tuple[str, ...]:
    """Words after a name that say it is a person's: speech verbs, honorifics, verbs of a visitor."""
    return (*lex.speech_verbs, *(f for f in lex.name_followers if len(f) > 1))


_BIO = re.compile(
    r"(?:(?:中共党员|共产党员|男|女|[\u4e00-\u9fff]{1,2}族|\d{4}年(?:\d{1,2}月)?(?:出生|生)|\d{1,3}岁"
    r"|[\u4e00-\u9fff]{2,3}(?:学历|文化))[，,、])+"
)
"""A person's particulars after the name (`甲乙,女,1975年出生,中共党员,…`): the post follows them."""
_CAPACITY = ("的身份", "身份", "的名义")
"""After `以` and a title: the capacity a person acts in (`以某公司党委书记的身份`)."""


def _stated_post(after: str, lex: Lexicon) -> tuple[str, int] | None:
    """`是某公司的总经理`, `,某公司董事长,`: a post opener right after the name, then the clause's first
    title (after a comma or a space, the title ends the clause or another post follows it with `兼`):
    (title, offset in `after`)."""
    opener = next((o for o in lex.post_openers if after.startswith(o)), None)
    if opener is None:
        return None
    found = _opened_title(after, opener, len(opener), lex)
    if found is None:
        return None
    title, at = found
    joined = after.startswith("兼", at + len(title))
    if opener in _COMMAS and not (_ends_clause(after, at + len(title)) or joined):
        return None
    return found


def _opened_title(text: str, opener: str, pos: int, lex: Lexicon) -> tuple[str, int] | None:
    """The first title after a post opener that ends at `pos`, past the person's particulars after a
    comma (`,中共党员,某公司书记`); after `以` only a capacity (`以…书记的身份`)."""
    bio = _BIO.match(text, pos) if opener in _COMMAS else None
    found = _first_title(text, bio.end() if bio else pos, lex)
    if found and opener == "以" and not text.startswith(_CAPACITY, found[1] + len(found[0])):
        return None
    return found


def _tagged_list(
    sent: Sentence, si: int, words: list[Word], i: int, person: Mention, lex: Lexicon
) -> dict[int, Mention]:
    """Tagged names listed with `、`/`和` right after an accepted one, past a bracketed note on it
    (`甲乙(兼)、丙丁`); after a title they share its titles."""
    out = {}
    while True:
        i = _past_note(words, i)
        if not (i + 2 < len(words) and words[i + 1].word in ("、", "和", "与") and words[i + 2].tag == "PER"):
            break
        i += 2
        named = _tagged_name(sent, words[i], lex)
        if not named:
            break
        start, name = named
        listed = Mention(sent.start + start, sent.start + start + len(name), "Person", name, si)
        if person.title_start is not None and person.title_start < person.start:
            listed.titles, listed.title_start = list(person.titles), person.title_start
        out[i] = listed
    return out


_NOTE_OPEN, _NOTE_CLOSE = ("(", "（"), (")", "）")
MAX_NOTE_WORDS = 4


def _past_note(words: list[Word], i: int) -> int:
    """The index of the last word of a bracketed note right after word `i` (`(兼)`, `(挂职)`), or `i`."""
    if i + 1 >= len(words) or words[i + 1].word not in _NOTE_OPEN:
        return i
    close = next(
        (j for j in range(i + 2, min(len(words), i + 3 + MAX_NOTE_WORDS)) if words[j].word in _NOTE_CLOSE),
        None,
    )
    return close if close is not None else i


def _named_again(sentences: list[Sentence], people: list[Mention], lex: Lexicon) -> list[Mention]:
    """Later and earlier mentions of a name already read next to a post (`会议由甲乙丙主持`)."""
    names = set(dict.fromkeys(m.name for m in people))
    if not names:
        return []
    followers = alternation(lex.name_followers)
    starts = re.compile(f"(?=(?:{alternation(tuple(sorted(names, key=len, reverse=True)))}))")
    known = {(m.sentence, m.start) for m in people}
    out = []
    for si, sent in enumerate(sentences):
        for hit in starts.finditer(sent.text):
            at = hit.start()
            candidate, after = sent.text[at : at + 4], sent.text[at + 4 :]
            start = sent.start + at
            name = _person_name(candidate, after, lex, followers)
            if (si, start) not in known and name in names and sent.text.startswith(name, at):
                out.append(Mention(start, start + len(name), "Person", name, si))
    return out


_TITLE_SEPARATOR = re.compile("[、,和]")


def _titled_people(sent: Sentence, si: int, lex: Lexicon, titles: str, starts: list[int]) -> list[Mention]:
    """`<titles><name>` (`副书记(主持工作)甲乙`) and the names listed right after it, which share its
    titles; `starts` are where the sentence's titles start (`_title_starts`)."""
    chain = rf"(?P<titles>(?:{titles})(?:[、,和](?:{titles}))*)"
    followers = alternation(lex.name_followers)
    note = r"[(（][\u4e00-\u9fff]{1,6}[)）]"
    pattern = re.compile(
        rf"{chain}(?:的|为|是|由|{note}|[ \u3000]{{0,2}}|[:：] ?)(?P<name>[\u4e00-\u9fff]{{2,4}})"
    )
    # `书记由甲乙公司总监丙丁担任`: after `由`, a unit with the filler's own titles comes first
    filler_later = re.compile(rf"[^，,。；;]*?(?:{titles})[\u4e00-\u9fff]{{2,4}}(?:同志)?(?:担任|兼任|出任)")
    out: list[Mention] = []
    for m in _matches_at(pattern, sent.text, starts):
        titles_found = _TITLE_SEPARATOR.split(m.group("titles"))
        if sent.text.startswith("由", m.end("titles")) and filler_later.match(sent.text, m.start("name")):
            continue
        weak = titles_found[-1] in lex.weak_titles
        name = _person_name(m.group("name"), sent.text[m.end("name") :], lex, followers, weak)
        if not name:
            continue
        start = sent.start + m.start("name")
        if any(p.start == start for p in out):
            continue
        title_start = sent.start + m.start("titles")
        out.append(
            Mention(
                start, start + len(name), "Person", name, si, titles=titles_found, title_start=title_start
            )
        )
        for begin, listed in _listed_names(sent, m.start("name") + len(name), lex, followers):
            out.append(
                Mention(
                    begin,
                    begin + len(listed),
                    "Person",
                    listed,
                    si,
                    titles=titles_found,
                    title_start=title_start,
                )
            )
    return out


def _spaced_people(sent: Sentence, si: int, lex: Lexicon, titles: str) -> list[Mention]:
    """`书记:王 军`: a roster pads a two-character name with a space to the width of three; the name is
    written without it."""
    chain = rf"(?P<titles>(?:{titles})(?:[、,和](?:{titles}))*)"
    pattern = re.compile(
        rf"{chain}[:：]?[ \u3000]*(?P<name>[\u4e00-\u9fff][ \u3000]{{1,2}}[\u4e00-\u9fff])(?![\u4e00-\u9fff])"
    )
    out = []
    for m in pattern.finditer(sent.text):
        name = re.sub(r"[ \u3000]", "", m.group("name"))
        if _name_shaped(name, lex):
            start, end = sent.start + m.start("name"), sent.start + m.end("name")
            titles_found = _TITLE_SEPARATOR.split(m.group("titles"))
            out.append(
                Mention(
                    start,
                    end,
                    "Person",
                    name,
                    si,
                    titles=titles_found,
                    title_start=sent.start + m.start(),
                    surface_alias=False,
                )
            )
    return out


_IN_ROLE = ("作为", "身为")


def _role_opened_people(sent: Sentence, si: int, lex: Lexicon, titles: str) -> list[Mention]:
    """`作为某公司董事长,甲乙深知…`: a clause opened by 作为/身为 that ends in a post, then the name opening
    the next clause: the person holds that post."""
    chain = rf"(?P<titles>(?:{titles})(?:(?:[、和]|兼任?)(?:{titles}))*)"
    pattern = re.compile(
        rf"(?:{alternation(_IN_ROLE)})[^，,。；;：:！？!?]{{0,30}}?{chain}[,，](?P<name>[\u4e00-\u9fff]{{2,4}})"
    )
    followers = alternation(lex.name_followers)
    out = []
    for m in pattern.finditer(sent.text):
        name = _person_name(m.group("name"), sent.text[m.end("name") :], lex, followers)
        if name:
            start = sent.start + m.start("name")
            found = _split_titles(m.group("titles"))
            title_start = sent.start + m.start("titles")
            out.append(
                Mention(start, start + len(name), "Person", name, si, titles=found, title_start=title_start)
            )
    return out


_ROSTER_ITEM = re.compile(r"[\u4e00-\u9fff]{2,4}")
_ROSTER_SEPARATORS = "、,，"
MAX_ROSTER_GAP = 16
"""How far a roster's colon may stand after its title (`党委委员7名,按姓氏笔画排序为:`)."""


def _roster_people(sent: Sentence, si: int, lex: Lexicon, titles: str) -> list[Mention]:
    """`选出党委委员5名,按姓氏笔画排序为:甲乙,丙丁,…`, `…委员分别是:甲乙、丙丁`: a title, a colon soon after
    it (with no other title between), and names listed by commas to the sentence's end each hold that
    title. Most of the list must be name-shaped; the others are left out."""
    pattern = re.compile(
        rf"(?P<title>{titles})(?P<gap>[^。；;：:！？!?\n]{{0,{MAX_ROSTER_GAP}}}?)[:：][ \u3000]*"
        rf"(?P<list>[\u4e00-\u9fff]{{2,4}}(?:[{_ROSTER_SEPARATORS}][ \u3000]*[\u4e00-\u9fff]{{2,4}})+)"
        r"[ \u3000]*(?=[。；;\n]|$)"
    )
    out: list[Mention] = []
    for m in pattern.finditer(sent.text):
        if lex.post_title_set.find_all(m.group("gap")):
            continue
        items = [
            (i.start(), i.group()) for i in _ROSTER_ITEM.finditer(sent.text, m.start("list"), m.end("list"))
        ]
        named = [(at, name) for at, name in items if _name_shaped(name, lex)]
        if 2 * len(named) <= len(items):
            continue
        title, title_start = m.group("title"), sent.start + m.start("title")
        for at, name in named:
            start = sent.start + at
            out.append(
                Mention(start, start + len(name), "Person", name, si, titles=[title], title_start=title_start)
            )
    return out


def _listed_names(sent: Sentence, pos: int, lex: Lexicon, followers: str) -> Iterator[tuple[int, str]]:
    """Names joined by `、` after the name ending at `pos`: (start in the text, name). The list ends at
    an item that names a body and its own title (`、区工商联主席丙丁`): a unit, not a name, opens it."""
    while pos < len(sent.text) and sent.text[pos] == "、":
        candidate = _HAN_RUN.match(sent.text, pos + 1)
        if not candidate:
            return
        after = sent.text[candidate.end() :]
        name = _person_name(candidate.group(), after, lex, followers)
        if not name or sent.text.startswith(_BRACKETS, pos + 1 + len(name)):
            return
        item = _HAN_ITEM.match(sent.text, pos + 1)
        followed = bool(followers) and re.match(followers, sent.text[pos + 1 + len(name) :])
        if (
            item
            and not followed
            and any(at > len(name) for at, _ in lex.post_title_set.find_all(item.group()))
        ):
            return  # (a title after the name and a follower, `丙丁同时担任…主任`, is the list's own post)
        yield sent.start + pos + 1, name
        pos += 1 + len(name)


_HAN_ITEM = re.compile(r"[\u4e00-\u9fff]+")

_PEOPLE_LIST = re.compile(
    rf"(?:^|(?<=[，,。；;：:“”/\s]))((?:[\u4e00-\u9fff]{{3}}、)+[\u4e00-\u9fff]{{3}})"
    rf"(?=等|先后|分别|同志|[{_NUMERAL}]+(?:名|位))"
)


_COUNTED_NAME = re.compile(
    rf"(?:^|(?<=[，,、。；;：:]))([\u4e00-\u9fff]{{2,3}})等[{_NUMERAL}]+(?:名|位)[\u4e00-\u9fff]{{0,10}}?"
    r"(?:共产党员|党员|党务工作者|工作者|企业家|干部|同志|职工|代表)"
)
"""`…、甲乙丙等55名优秀共产党员`: the one name written before a count of people and what they are."""


_STUDIO = re.compile(r"(?=([\u4e00-\u9fff]{3})(?:劳模|先锋|技能大师|书记|名师|工匠|党代表)(?:创新)?工作室)")


def _studio_people(sent: Sentence, si: int, lex: Lexicon) -> list[Mention]:
    """`甲乙丙劳模创新工作室`, `丁戊己书记工作室`: a studio named after a model worker or a secretary names
    that person (a three-character name, so the brand written before it stays out)."""
    return [
        Mention(sent.start + m.start(1), sent.start + m.end(1), "Person", m.group(1), si)
        for m in (_STUDIO.finditer(sent.text) if "工作室" in sent.text else ())
        if _name_shaped(m.group(1), lex)
    ]


_LEADERS_LIST = re.compile(
    r"(?<=领导)((?:[\u4e00-\u9fff]{3}、)*[\u4e00-\u9fff]{3})(?=参加|出席|陪同|参与|一同|等|[，,。；;])"
)
"""`乙县领导甲乙丙、丁戊己陪同`: a place's leaders named one by one after 领导, before a verb of attending."""


_COMRADES = re.compile(r"((?:[\u4e00-\u9fff]{2,4}、)*[\u4e00-\u9fff]{2,4}?)(?=等同志|同志)")


def _listed_people(sent: Sentence, si: int, lex: Lexicon) -> list[Mention]:
    """`甲乙丙、丁戊己先后讲话`, `…两名女工`: three-character names listed with no title, where every
    member is name-shaped and a word for people (or a count of them) closes the list, or a word for leaders
    opens it; before `同志`
    (`表彰了甲乙、丙丁等同志`) two-character names too, the first name-shaped run being the list; and the
    one name before a count of people (`甲乙丙等55名优秀共产党员`)."""
    if not any(cue in sent.text for cue in ("、", "领导", "同志", "等")):
        return []  # what each of the patterns below needs
    out = [
        Mention(sent.start + m.start(1), sent.start + m.end(1), "Person", m.group(1), si)
        for m in (_COUNTED_NAME.finditer(sent.text) if "等" in sent.text else ())
        if _name_shaped(m.group(1), lex)
    ]
    comrades = [
        m
        for m in (_overlapping(_COMRADES, sent.text) if "同志" in sent.text else ())
        if all(_name_shaped(n, lex) for n in m.group(1).split("、"))
    ]
    for m in [*_PEOPLE_LIST.finditer(sent.text), *_LEADERS_LIST.finditer(sent.text), *comrades[:1]]:
        names = m.group(1).split("、")
        if all(_name_shaped(n, lex) for n in names):
            start = sent.start + m.start(1)
            for name in names:
                out.append(Mention(start, start + len(name), "Person", name, si))
                start += len(name) + 1
    return out


_PEOPLE_WORDS = ("领导", "嘉宾", "代表", "同志", "党员", "成员", "人员", "个人", "干部", "负责人", "企业家")
_HEADED_LIST = re.compile(
    rf"(?:{alternation(_PEOPLE_WORDS)})[^，,。；;：:！？!?]{{0,6}}[:：][ \u3000]*"
    rf"(?P<list>[\u4e00-\u9fff]{{2,4}}(?:[{_ROSTER_SEPARATORS}][ \u3000]*[\u4e00-\u9fff]{{2,4}})+)"
    r"[ \u3000]*(?=[。；;\n]|$)"
)


def _headed_people(sent: Sentence, si: int, lex: Lexicon) -> list[Mention]:
    """`出席会议的领导有:甲乙、丙丁`, `受表彰的优秀党员:甲乙,丙丁`: names listed to the sentence's end after a
    heading that ends in a word for people and a colon, when every one is name-shaped."""
    out = []
    if ":" not in sent.text and "：" not in sent.text:
        return out
    for m in _HEADED_LIST.finditer(sent.text):
        items = list(_ROSTER_ITEM.finditer(sent.text, m.start("list"), m.end("list")))
        if all(_name_shaped(i.group(), lex) for i in items):
            out += [
                Mention(sent.start + i.start(), sent.start + i.end(), "Person", i.group(), si) for i in items
            ]
    return out


_HAN = re.compile(r"[\u4e00-\u9fff]")
_DOTTED = re.compile(r"[\u4e00-\u9fff]{1,6}(?:[·•・][\u4e00-\u9fff]{1,8})+")
"""A name whose parts a dot joins (`阿卜杜·热合曼`): the model reads where its last part ends."""
_DOTS = "·•・"
_HAN_RUN = re.compile(r"[\u4e00-\u9fff]{2,4}")


def _whole_dotted(text: str, person: Mention, lex: Lexicon) -> Mention:
    """`阿不都热合曼·买买提说`: a name read short of the dot that joins its parts runs on to the end of its
    last part, which ends where a word that follows names starts (`说`, `表示`)."""
    whole = _DOTTED.match(text, person.start)
    if not whole or whole.end() <= person.end or not any(d in text[person.end : whole.end()] for d in _DOTS):
        return person
    last = max(text.rfind(d, person.start, whole.end()) for d in _DOTS) + 1
    end = next(
        (i for i in range(last + 1, whole.end()) if text.startswith(tuple(lex.name_followers), i)),
        whole.end(),
    )
    return Mention(person.start, end, "Person", text[person.start : end], person.sentence)


_BRACKETS = ("（", "(")
"""A name followed by a bracket may state its post there (`甲乙、丙丁(某公司经理)`)."""
_COMMAS = ("，", ",", " ", "\u3000")
"""After these a name's post must end its clause (`甲乙,某公司董事长,…`)."""
_CLAUSE_END = "，,。；;！？!?）)"
_CLAUSE_START = "，,。；;：:、“”（(/—- \u3000"
_CLAUSE_START_CLASS = re.escape(_CLAUSE_START)


_SINCE = r"(?:于|自|从)?\d{4}年(?:\d{1,2}月)?(?:起|开始)?"
"""When a person took a post, between the name and the verb (`甲乙于2018年起担任…`)."""


_ALSO = "同时|同时也|也|还|目前"
"""Between a name and the verb stating a post it holds besides another (`甲乙同时是…经理`)."""


def _self_posted_people(sent: Sentence, si: int, lex: Lexicon) -> list[Mention]:
    """`甲乙是某公司的总经理`, `甲乙(同志)现任…副部长`, `甲乙:…书记`, `甲乙(…经理)`: a name opening a
    clause (or anywhere before a verb such as 担任, or after a title before a bracket:
    `主任甲乙(党工委委员)`), then a post title before the clause ends: the person's post."""
    openers = alternation(lex.post_openers)
    if not openers:
        return []
    pattern = re.compile(
        rf"(?P<name>[\u4e00-\u9fff]{{2,3}}?)(?:同志|[(（][男女][)）])?(?P<time>{_SINCE})?(?:{_ALSO})?"
        rf"(?P<opener>{openers})"
    )
    out = []
    for m in _overlapping(pattern, sent.text):
        verb = len(m.group("opener")) > 1 or (m.group("time") is not None and m.group("opener") == "任")
        if m.group("time") and not verb:
            continue
        titled = m.group("opener") in _BRACKETS and sent.text.endswith(lex.post_titles, 0, m.start())
        if m.start() > 0 and sent.text[m.start() - 1] not in _CLAUSE_START and not (verb or titled):
            continue
        name = m.group("name")
        if not _name_shaped(name, lex) or sent.text.endswith(lex.post_titles, 0, m.start() + 1):
            continue  # `主任甲乙担任…`: a title's last character (`任`) starts no name
        found = _opened_title(sent.text, m.group("opener"), m.end(), lex)
        if found is None:
            continue
        title, at = found
        if m.group("opener") in _COMMAS and not _ends_clause(sent.text, at + len(title)):
            continue
        if m.group("opener").isspace() and not all(_HAN.match(c) for c in sent.text[m.end() : at]):
            continue
        start = sent.start + m.start()
        out.append(
            Mention(start, start + len(name), "Person", name, si, titles=[title], title_start=sent.start + at)
        )
    return out


def _speaking_people(sent: Sentence, si: int, lex: Lexicon) -> list[Mention]:
    """`甲乙丙表示`, `据甲乙介绍`: a name opening a clause, right before a speech verb, needs no title."""
    verbs = alternation(lex.speech_verbs)
    if not verbs or not re.search(verbs, sent.text):
        return []
    pattern = re.compile(
        rf"(?:^|(?<=[{_CLAUSE_START_CLASS}])|(?<=据))(?P<name>[\u4e00-\u9fff]{{2,3}}?)(?:{verbs})"
    )
    return _named_people(pattern, sent, si, lex)


_PROFILE = re.compile(
    r"(?:^|(?<=[，,。；;：:“”\s]))(?P<name>[\u4e00-\u9fff]{2,3})[,，(（](?:男|女)[,，、)）]"
)


def _profiled_people(sent: Sentence, si: int, lex: Lexicon) -> list[Mention]:
    """`甲乙,男,1970年生,…现任…`, `甲乙(女,…)`: a name opening a clause, then a sex, opens a profile."""
    if "男" not in sent.text and "女" not in sent.text:
        return []
    return _named_people(_PROFILE, sent, si, lex)


def _named_people(pattern: re.Pattern[str], sent: Sentence, si: int, lex: Lexicon) -> list[Mention]:
    """The person-shaped names `pattern`'s `name` group reads in the sentence."""
    out = []
    for m in pattern.finditer(sent.text):
        name = m.group("name")
        if _name_shaped(name, lex):
            start = sent.start + m.start("name")
            out.append(Mention(start, start + len(name), "Person", name, si))
    return out


def _appointed_people(sent: Sentence, si: int, lex: Lexicon) -> list[Mention]:
    """`选举甲乙丙为党支部书记`, `任命甲乙丙同志为主任`: an appointing verb, a name, 为 and the post."""
    verbs = alternation(lex.appointing_verbs)
    if not verbs:
        return []
    out = []
    for m in re.finditer(rf"(?:{verbs})(?P<name>[\u4e00-\u9fff]{{2,3}}?)(?:同志)?为", sent.text):
        name = m.group("name")
        found = _first_title(sent.text, m.end(), lex)
        if _name_shaped(name, lex) and found:
            start = sent.start + m.start("name")
            title, at = found
            out.append(
                Mention(
                    start, start + len(name), "Person", name, si, titles=[title], title_start=sent.start + at
                )
            )
    return out


def _ends_clause(text: str, pos: int) -> bool:
    return pos == len(text) or text[pos] in _CLAUSE_END + "、"


def _addressed_people(sent: Sentence, si: int, lex: Lexicon, titles: str, starts: list[int]) -> list[Mention]:
    """`甲乙丙书记介绍`, `某党工委甲乙丙书记说`: a name with its title after it (at one of `starts`), closed
    by punctuation or a follower, where the name opens a clause or follows an organization word."""
    followers = alternation(lex.name_followers)
    org_words = lex.org_word_set(*_HIT_TYPES)
    pattern = re.compile(rf"(?P<name>[\u4e00-\u9fff]{{2,3}})(?P<title>{titles})")
    out = []
    for m in _matches_at(pattern, sent.text, (at - n for at in starts for n in (2, 3))):
        name, before = m.group("name"), sent.text[: m.start()]
        if not _name_shaped(name, lex) or name in lex.not_names:
            continue
        if len(name) == 3 and name.endswith("任") and _name_shaped(name[:2], lex):
            continue  # `甲乙任委员`: the verb of taking a post, not a name's last character
        if before and before[-1] not in _CLAUSE_START and not org_words.ending_at(before, len(before)):
            continue
        after = sent.text[m.end() :]
        if after and _HAN.match(after[0]) and not (followers and re.match(followers, after)):
            continue
        start = sent.start + m.start()
        out.append(
            Mention(
                start,
                start + len(name),
                "Person",
                name,
                si,
                titles=[m.group("title")],
                title_start=sent.start + m.start("title"),
            )
        )
    return out


def _first_title(text: str, pos: int, lex: Lexicon) -> tuple[str, int] | None:
    """The first post title after `pos` in its clause, as (title, offset); a body's word is read whole,
    so the 委员 in `园区委员会` is no title."""
    end = pos
    while end < len(text) and text[end] not in _CLAUSE_END:
        end += 1
    titles, bodies = lex.post_title_set, lex.org_word_set("Committee", "Branch")
    i = pos
    while i < end:
        title = titles.starting_at(text, i, end)
        body = bodies.starting_at(text, i, end)
        if body and len(body) > len(title or ""):
            i += len(body)
        elif title:
            return title, i
        else:
            i += 1
    return None


def _overlapping(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """Matches that may start inside a failed earlier match (`常委` then `组织部长` in `常委组织部长胡某`)."""
    pos = 0
    while (m := pattern.search(text, pos)) is not None:
        yield m
        pos = m.start() + 1


def _matches_at(pattern: re.Pattern[str], text: str, starts: Iterable[int]) -> Iterator[re.Match[str]]:
    """What `_overlapping` finds, for a pattern that can match only at `starts` (where a title it opens
    with is written, or a fixed width before one): only there is it tried, not at every character."""
    for at in sorted({at for at in starts if at >= 0}):
        if m := pattern.match(text, at):
            yield m


def _title_starts(s: str, lex: Lexicon) -> list[int]:
    """Where a post title starts in `s`."""
    return [at for at, _ in lex.post_title_set.find_all(s)]


def _surname(name: str, lex: Lexicon) -> str:
    """The compound family name `name` starts with, else its first character."""
    if not name.startswith(lex.compound_surnames):
        return name[0]
    return next(s for s in lex.compound_surnames if name.startswith(s))


def _name_shaped(name: str, lex: Lexicon) -> bool:
    """A family name, then one or two characters that occur in given names, and no common word."""
    surname = _surname(name, lex)
    if surname not in lex.surnames and surname not in lex.compound_surnames:
        return False
    given = name[len(surname) :]
    if not 1 <= len(given) <= 2 or any(c in lex.not_in_names for c in given):
        return False
    # nor is a common word a given name (`部|门领导`)
    common = lex.not_name_set.starting_at(name, 0) is not None or given in lex.not_name_set
    return not _address_form(name, lex) and not common


_FAMILIAR = "老小"
"""Prefixes of a familiar form of address before a family name (`老张`, `小李`)."""


def _address_form(name: str, lex: Lexicon) -> bool:
    """`老张`, `刘师傅`, `李总`, `张书记`, `王党员`: a family name with a form of address or a title is
    how a text calls someone, not a name."""
    if len(name) == 2 and name[0] in _FAMILIAR and name[1] in lex.surnames:
        return True
    surname = _surname(name, lex)
    given = name[len(surname) :]
    return given in lex.not_names or given in lex.post_title_set


def _person_name(candidate: str, after: str, lex: Lexicon, followers: str, weak: bool = False) -> str | None:
    """The surname-led prefix of `candidate` that punctuation, a speech verb or an honorific closes: three
    characters before punctuation, else the shortest before a follower, else (after a strong title) one
    that a non-name character closes, else the usual three. After a weak title, or when the family name
    is also a function word (`都`, `和`), only a follower closes a name."""
    fits = [n for n in (2, 3, 4) if len(candidate) >= n and _name_shaped(candidate[:n], lex)]
    ambiguous = weak or candidate[0] in lex.function_surnames
    if 3 in fits and not ambiguous and not _HAN.match((candidate[3:] + after)[:1] or "。"):
        return candidate[:3]
    for length in fits:
        if followers and re.match(followers, candidate[length:] + after):
            return candidate[:length]
    if ambiguous:
        return None
    for length in sorted(fits, key=lambda n: (n != 3, n)):
        rest = candidate[length:] + after
        if not rest or not _HAN.match(rest[0]):
            return candidate[:length]
    if 3 not in fits or _runs_into_unit((candidate[3:] + after)[:MAX_UNIT_RUN], lex):
        return None
    return candidate[:3]


MAX_UNIT_RUN = 10
"""How far the words after a would-be name may run before a unit word makes them a unit's name."""


def _runs_into_unit(rest: str, lex: Lexicon) -> bool:
    """`由国贸大|厦物业公司党委书记…`: the characters after a name nothing closes run on, unbroken (by
    punctuation, a joiner or a particle), into a unit word: what stood there was a unit's name."""
    words = lex.org_word_set("Enterprise", "Park", "Organization", "Committee", "Branch")
    for end in range(2, len(rest) + 1):
        if not _HAN.match(rest[end - 1]) or rest[end - 1] in lex.stop_chars:
            return False  # `字节跳动|以及甲集团`: a joiner or a particle breaks the run
        if words.ending_at(rest, end):
            return True
    return False


_SINGLE_QUOTE = re.compile(r"‘([^‘’“”\n]{2,40})’")


def _quotes(s: str) -> list[re.Match[str]]:
    """The quotes of a sentence in order, a single-quoted name inside a double-quoted speech too
    (`“我们推行‘甲乙’机制”`)."""
    inside = [q for m in QUOTE.finditer(s) for q in _SINGLE_QUOTE.finditer(s, m.start(), m.end())]
    return sorted([*_PRACTICE_QUOTE.finditer(s), *inside], key=lambda m: m.start())


def _kinds_only(inner: str, lex: Lexicon) -> bool:
    """Whether a quote is made of kinds of unit only (`两新`, `两新组织`, `非公企业`)."""
    while inner and (kind := lex.kind_word_set.starting_at(inner, 0)):
        inner = inner[len(kind) :]
    return not inner


def find_practices(text: str, sentences: list[Sentence], lex: Lexicon) -> list[Mention]:
    """Quoted named practices: `“六双工程”`, `“444”工业园区党建工作体系`, `实施“双培双进”计划`,
    formulas (`“1+4+N”`, `“一企一策”`), and a quote a demonstrative ties to a practice word
    (`“甲乙”这一党建品牌`)."""
    suffixes = alternation(lex.practice_suffixes)
    verbs = tuple(lex.adopt_verbs)
    out: list[Mention] = []
    for si, sent in enumerate(sentences):
        s = sent.text
        previous_end, previous_kind = -1, False
        for m in _quotes(s):
            inner = _SPACES.sub("", m.group(1) or m.group(2))
            after = s[m.end() :]
            last_listed = (
                previous_kind and s[previous_end : m.start()] in _PAIR_JOINERS and after.startswith("的")
            )
            before = s[max(0, m.start() - 6) : m.start()].rstrip("了并地")
            listed = previous_end >= 0 and s[previous_end : m.start()] in _LIST_JOINERS
            weak = before.endswith(lex.weak_adopt_verbs)
            strong = _ends_in_verb(before, verbs) and not weak
            framed = _framed(before, after, verbs, weak) and not _practice_tail(after, suffixes)
            counted_kind = listed and re.match(_COUNT_OF_KIND, after) and _practice_tail(after, suffixes)
            alone = _named_by_kind(after, lex) or framed or bool(counted_kind)
            kind = (
                alone
                or _listed_before_practice_word(after, suffixes)
                or (last_listed and bool(_practice_tail(after, suffixes)))
            )
            if _listed_before_bodies(after, suffixes):
                continue
            tail = None if kind else _practice_tail(after, suffixes)
            if tail and tail.group(1).startswith(_CLAUSE_VERBS):
                tail = None
            framed_for = bool(tail) and before.endswith("以") and tail.group(1).startswith("为")
            if framed_for:
                tail, alone = None, True  # `以“甲乙”为品牌`: the quote alone names the practice
            counted = _COUNTED.match(inner)
            rest = inner[counted.end() :] if counted else ""
            # `以“四个推动”为抓手`: a count of actions taken up as the handle of the work is their name
            handle = bool(_AS_HANDLE.match(after)) and before.endswith("以")
            adopted_count = bool(counted) and not tail and handle
            adopted_count = adopted_count and rest not in ("", *lex.practice_suffixes)
            if counted and (not tail or rest in ("", *lex.practice_suffixes)) and not adopted_count:
                continue
            alone = alone or adopted_count
            if not tail and _formula(inner) is False:
                continue
            if not kind and _listed_before_other_kind(after, suffixes):
                continue
            adopted = strong or listed
            topic = None if tail or adopted else _adopted_topic(s[: m.start()], after, verbs, lex)
            if (tail and _product_brand(tail.group(1), lex)) or _layout(after) or _unit_chain(inner, lex):
                continue
            if _REQUIRED.match(after):
                continue  # `按“打破壁垒”“创新架构”要求`: what is required, a slogan, no practice
            if not tail and _kinds_only(inner, lex):
                continue  # `“两新”组织`, `“两新组织”的党建`: a kind of unit, which names no practice
            if tail and not _sentence_like(inner, bool(tail)):
                name = inner + _DEMONSTRATIVE.sub("", tail.group(1))
                end = m.end() + tail.end()
            elif alone:
                name, end = inner, m.end()
            elif (
                kind
                or (
                    inner.endswith(lex.practice_suffixes) and (adopted or not inner.endswith(_FACILITY_WORDS))
                )
                or (_formula(inner) and _closes_formula(after, lex))
                or (adopted and not _listing(inner))
            ):
                closed = _closes_formula(after, lex) or inner.endswith(lex.practice_suffixes)
                noun = "" if closed else _qualified_noun(after, lex)
                name, end = inner + noun, m.end() + len(noun)
            elif topic and not _listing(inner):
                name, end = topic + inner, m.end()
            else:
                continue
            if len(name) < 2 or name.endswith(lex.honour_endings):
                continue
            if _sentence_like(inner, bool(tail) or framed_for):
                continue
            if name.endswith(lex.event_endings):
                continue
            previous_end, previous_kind = end, kind
            out.append(
                Mention(
                    start=sent.start + m.start(),
                    end=sent.start + end,
                    # `打造“新能源红色联盟”`: an alliance is a body, whatever verb makes it
                    type="Organization" if name.endswith(_ALLIANCE_WORDS) else "Practice",
                    name=name,
                    sentence=si,
                    aliases={inner} if inner != name else set(),
                )
            )
    return _one_name_per_quote(out)


_ALLIANCE_WORDS = ("联盟",)
"""Words that end the name of a Party-building alliance, an Organization even when quoted."""
_COMPLEMENT = re.compile(r"(?<=[\u4e00-\u9fff]{2})[起出](?:了)?$")
"""`打造出“…”`, `建立起“…”`: a verb's complement stands between it and what it adopts."""
_TOPIC = re.compile(r"[\u4e00-\u9fff]{2,6}$")


def _ends_in_verb(text: str, verbs: tuple[str, ...]) -> bool:
    """Whether `text` ends in one of `verbs`, or in one and its complement (`打造出`; `推出` is a verb)."""
    return text.endswith(verbs) or _COMPLEMENT.sub("", text).endswith(verbs)


def _adopted_topic(before: str, after: str, verbs: tuple[str, ...], lex: Lexicon) -> str | None:
    """`搭建起党员教育“云课堂”`: the few words between an adopting verb with its complement and a quote
    that closes its clause are part of the practice's name (what the `云课堂` is for). Without the
    complement the verb may be a word of the text (`打造实体经济“主战场”`, `创新创业“…”`)."""
    topic = _TOPIC.search(before)
    if not topic or not _closes_formula(after, lex):
        return None
    for i in range(topic.start() + 1, topic.end() - 1):
        verb = before[max(0, i - 7) : i]
        words = before[i : topic.end()]
        if _COMPLEMENT.search(verb) and _ends_in_verb(verb, verbs):
            return None if any(c in lex.stop_chars for c in words) else words
    return None


MAX_QUALIFIED = 10


def _qualified_noun(after: str, lex: Lexicon) -> str:
    """`构建“甲-乙-丙”文创产业服务链`: an adopted quote that qualifies the noun after it names, with
    that noun, what was adopted; the noun runs to the first word that is no part of a name, or to a
    count (`建立“甲乙”驿站30个`: how many were set up); a verb opening a clause (`…”塑造…`) adds none."""
    end = 0
    while (
        end < min(len(after), MAX_QUALIFIED) and is_name_char(after[end]) and after[end] not in lex.stop_chars
    ):
        end += 1
    count = _COUNT.search(after, 0, end)
    if after.startswith(_CLAUSE_VERBS) or after.startswith(tuple(lex.adopt_verbs)):
        return ""  # `深化“党员先锋岗”创建`: the act of adopting it, no part of its name
    return after[: count.start() if count else end]


_FACILITY_WORDS = ("之家",)
"""Practice words that also name a place (`在“甲乙之家”里上网`): such a quote names a practice only
where a verb adopts it (`打造“党群之家”`)."""
_LAYOUT = re.compile(r"的?([\u4e00-\u9fff]{0,6}?(?:格局|布局))")
"""`“一区四园”的格局`, `“甲+乙”的产业集群格局`, `“…”新格局`: a layout a quote describes."""


def _layout(after: str) -> bool:
    """A quote describing a layout (`…”的空间布局`) names no practice; a Party-building one
    (`…”园区大党建工作格局`) does."""
    layout = _LAYOUT.match(after)
    return bool(layout and "党建" not in layout.group(1))


_DASHES = re.compile(r"[—-]+")


def _unit_chain(text: str, lex: Lexicon) -> bool:
    """`园区党委—党群工作部—企业党组织`: units in a chain of dashes are a reporting line, not a model."""
    units = [u for u in _DASHES.split(text) if u]
    if len(units) < 3:
        return False
    words = (*(w for t, ws in lex.org_words.items() if t != "Practice" for w in ws), "党组织")
    return all(u.endswith(words) for u in units)


_NUMBERED_STEM = r"(?:[一二三四五六七八九十双两百千]|[0-9])[\u4e00-\u9fff+＋]{1,10}?"
"""How a practice written without quotes opens: with its count (`五联`, `三级联动`, `双培双带`)."""
_NOT_NAMED = re.compile(
    r"^(?:一(?:种|套|个|批|项|系列|整套|条|些)"
    r"|[0-9一二三四五六七八九十两百千]+(?:年|月|天|日|次|批|届|家|名|项|个(?![一二两三四五六七八九十])))"
)
"""A count that opens a phrase, not a name (`一种新模式`, `三年行动计划`, `五家企业党建工作机制`); a count of
counts names a formula (`三个一工程`: one this, one that, one more)."""


def find_numbered_practices(text: str, sentences: list[Sentence], lex: Lexicon) -> list[Mention]:
    """Practices written without quotes, named by a count, right after a verb that adopts them
    (`推行五联工作法`, `建立三级联动机制、双培双带工程`): a count makes a practice word a name."""
    verbs = alternation(lex.creating_verbs)
    suffixes = alternation(lex.practice_suffixes)
    if not verbs or not suffixes:
        return []
    item = rf"({_NUMBERED_STEM}(?:{suffixes}))(?=[，,。；;、和与及等!！?？\s]|$)"
    pattern = re.compile(rf"(?:{verbs})了?{item}")
    listed = re.compile(rf"(?:、|和|与|及|以及){item}")
    out: list[Mention] = []
    for si, sent in enumerate(sentences):
        s = sent.text
        for hit in pattern.finditer(s):
            found = [hit]
            while more := listed.match(s, found[-1].end()):
                found.append(more)
            for m in found:
                name = m.group(1)
                if _NOT_NAMED.match(name) or "的" in name:
                    continue
                out.append(Mention(sent.start + m.start(1), sent.start + m.end(1), "Practice", name, si))
    return out


def _one_name_per_quote(practices: list[Mention]) -> list[Mention]:
    """One practice written with and without (part of) its practice word (`“甲乙”品牌`,
    `“甲乙”党建品牌`; `“1+N”架构`, `“1+N”组织架构`) is one practice under its fullest name: a name
    takes the longest of its quote's longer names when each of them ends like the one before."""
    quoted = [(m, min((m.name, *m.aliases), key=len)) for m in practices]
    names: defaultdict[str, set[str]] = defaultdict(set)
    for m, quote in quoted:
        names[quote].add(m.name)
    for m, quote in quoted:
        tail = m.name[len(quote) :]
        longer = sorted((n for n in names[quote] if len(n) > len(m.name) and n.endswith(tail)), key=len)
        if longer and all(b.endswith(a[len(quote) :]) for a, b in pairwise(longer)):
            m.aliases |= {m.name, quote}
            m.name = longer[-1]
    return practices


_DEMONSTRATIVE = re.compile(r"^(?:这|该)(?:一|个|些)?")
"""`“甲乙”这一党建品牌`: the demonstrative ties the quote to the practice word; it is no part of the name."""


_CLAUSE_VERBS = ("塑造", "打造", "构建", "搭建", "推动", "助力", "促进", "实现", "带动")
"""Verbs after a quote that open a clause (`“党建引领”塑造…平台`): what they lead to is their object, not
the quote's practice word."""


def _practice_tail(after: str, suffixes: str) -> re.Match[str] | None:
    """The practice word a quote names (`…”组织架构`, `…”的运行体系`, `…”这一党建品牌`)."""
    if not suffixes:
        return None
    return re.match(rf"(?:的)?((?:这|该)?[\u4e00-\u9fff0-9A-Za-z+]{{0,10}}?(?:{suffixes}))", after)


_SPACES = re.compile(r"\s+")
"""A name has no spaces (`“甲乙 丙丁”品牌` is 甲乙丙丁品牌)."""


def _product_brand(tail: str, lex: Lexicon) -> bool:
    """`“甲乙”这一农产品区域公用品牌`: a brand its words say is a product's."""
    return tail.endswith("品牌") and any(w in tail for w in lex.product_brand_words)


_COUNT_OF_KIND = rf"这?[{_NUMERAL}]+(?:大|个|项|种|类|条)"
"""`“甲”“乙”“丙”三大工程`: a count after listed quotes says each is one of that kind."""
_LISTED_QUOTE = rf"(?:{alternation(_LIST_JOINERS)})?“[^“”\n]{{2,40}}”"
_LISTED_BEFORE_KIND = re.compile(rf"(?:{_LISTED_QUOTE})*等|(?:{_LISTED_QUOTE})+{_COUNT_OF_KIND}")
_PAIR_JOINERS = ("和", "与", "及", "、")
_LISTED_BEFORE_THEIR_KIND = re.compile(rf"(?:(?:{alternation(_PAIR_JOINERS)})“[^“”\n]{{2,40}}”)+的")


_KIND_TIES = ("的具体", "这些", "这一", "这个", "这种", "这项", "等", "")


def _named_by_kind(after: str, lex: Lexicon) -> bool:
    """`“甲乙”这些载体`, `“甲乙”的具体做法`: a quote a demonstrative or 的 ties to a word for practices
    in general names a practice by the quote alone."""
    rest = next((after[len(t) :] for t in _KIND_TIES if after.startswith(t)), None)
    return bool(rest and lex.practice_kinds and rest.startswith(lex.practice_kinds))


_REQUIRED = re.compile(r"(?:[、和与]?[“‘][^“”‘’\n]{1,40}[”’])*的?要求")
"""The rest of a run of quotes that a requirement closes (`“甲”“乙”要求`)."""


def _framed(before: str, after: str, verbs: tuple[str, ...], weak: bool) -> bool:
    """`打造以“甲乙”为特色的…`, `构建以“…”为核心的…`: what an adopting verb frames with 以…为 is the
    practice, named by the quote alone."""
    return not weak and before.endswith("以") and after.startswith("为") and _ends_in_verb(before[:-1], verbs)


def _listed_before_other_kind(after: str, suffixes: str) -> bool:
    """`“甲”、“乙”等科技项目`: quotes listed before 等 and a word that is no practice word are things of
    that other kind (projects, problems, honours), not practices."""
    listed = _LISTED_BEFORE_KIND.match(after)
    return bool(listed and not _practice_tail(after[listed.end() :], suffixes))


def _listed_before_bodies(after: str, suffixes: str) -> bool:
    """`“甲”“乙”等3个行动支部`: quotes listed before a practice word that goes on into a body's word
    name those bodies, not practices."""
    listed = _LISTED_BEFORE_KIND.match(after)
    rest = after[listed.end() :] if listed else ""
    tail = _practice_tail(rest, suffixes)
    return bool(tail and rest[tail.end() :].startswith(_BODY_ENDINGS))


_BODY_ENDINGS = ("支部", "党支部", "党小组", "小组", "党委", "联盟", "队")
"""Words that close a body's name after a practice word (`行动|支部`, `服务|队`)."""


def _listed_before_practice_word(after: str, suffixes: str) -> bool:
    """`“甲”和“乙”等平台`, `“甲”和“乙”的运行体系`: quotes listed before 等, or before 的 and a practice
    word, are practices of that kind, each named by its quote alone."""
    listed = _LISTED_BEFORE_KIND.match(after) or _LISTED_BEFORE_THEIR_KIND.match(after)
    return bool(listed and _practice_tail(after[listed.end() :], suffixes))


_FORMULA_COUNT = re.compile(rf"[{_NUMERAL}]+(?:名|个|家|大|项|种|类)")


def _formula(text: str) -> bool | None:
    """`1+4+N`, `党建+合作社`, `一企一策`: a formula of parts names a model (True); one of counted
    units (`1名常委+7个部门`) describes a set-up (False); None for any other text."""
    if any(sign in text for sign in "><=＞＜＝"):
        return False  # `1+1>2`: a sum said to be more than its parts, no model
    parts = text.split("+")
    if len(parts) > 1:
        return all(parts) and not any(_FORMULA_COUNT.search(p) for p in parts)
    return True if re.fullmatch(r"一[\u4e00-\u9fff]{1,3}一[\u4e00-\u9fff]{1,3}", text) else None


def _closes_formula(after: str, lex: Lexicon) -> bool:
    """A formula names a model where its clause goes on with a verb or ends (`“党建+合作社”推动…`),
    not before a noun it qualifies (`“1+3”文件`)."""
    return (
        not after
        or not is_name_char(after[0])
        or after.startswith(lex.stop_words)
        or after[0] in lex.stop_chars
    )


def _listing(text: str) -> bool:
    """A quoted run of phrases (`共建美丽园区、共享美好生活`) needs a practice word after it to name one."""
    return any(sep in text for sep in "、,，;；")


def _sentence_like(text: str, named: bool = False) -> bool:
    """A slogan ("工作常议、问题快处、难题共解") rather than a name; a practice word after it
    (`“甲乙统筹、丙丁联动、戊己参与”的运行体系`) makes a run of phrases a practice's content, but
    not a run of single words (`“人员、经费、阵地”三方面的保障制度`)."""
    items = text.split("、")
    phrases = named and all(len(item) >= 4 for item in items)
    listed = len(items) >= 3 or text.count("—") >= 2
    return (listed and not phrases) or "。" in text or len(text) > 30


_LIES_IN = "位于"
"""`甲镇位于乙区`: the verb of lying somewhere, after a place, breaks no name (where `区位`, `单位` do)."""


def find_regions(text: str, sentences: list[Sentence], lex: Lexicon) -> list[Mention]:
    """Region names standing alone (`崇州市依托…`), including chains such as `四川省成都市`.

    A gazetteer name may start inside a run of name characters (`走近松江区`); a name the
    gazetteer lacks must start where the run does, so a word before it is not read into it.
    """
    suffixes = lex.org_word_set("Region")
    gazetteer = lex.gazetteer
    out = []
    for si, sent in enumerate(sentences):
        s = sent.text
        in_line: list[Mention] = []
        ends = {start + len(w) for start, w in suffixes.find_all(s)}
        ends |= {b for _, b in gazetteer.find_all(s)}
        for end in sorted(ends):
            if end < len(s) and s[end] in lex.region_breakers and not s.startswith(_LIES_IN, end):
                continue
            if s[end - 1 : end + 1] in _RURAL_WORDS:
                continue  # `部门乡镇`, `更多乡村`: the countryside, no township
            found = _region_chain(s, end, lex)
            if not found:
                continue
            start, chain = found
            if _counted_before(s, start) or _COUNT.match(s, start) or _masthead(s, start, end):
                continue
            pos = start
            for part in chain:
                length = len(part) if s.startswith(part, pos) else _short_length(s, pos, part, lex)
                in_line.append(Mention(sent.start + pos, sent.start + pos + length, "Region", part, si))
                pos += length
        if not _place_list(s, in_line):
            out += in_line
    return out + _county_short_forms(sentences, out, lex)


_RURAL_WORDS = ("乡镇", "乡村", "乡亲", "乡贤", "村企", "村庄", "村里")
"""Words a township's or village's suffix starts (`乡|镇`, `村|企`): after a name's characters they end
no place (`更多乡亲`, `联动村企`, `美丽村庄`)."""


MEDIA_WORDS = ("在线", "频道", "日报", "晚报", "新闻网", "新闻")
"""What follows a place in a medium's name (`甲省在线`, `甲省频道`)."""
BYLINE_WORDS = ("发表于", "来源:", "来源：")
"""What precedes a place in a byline (`发表于甲省`, the poster's location)."""


def _masthead(s: str, start: int, end: int) -> bool:
    """A place naming a medium or a byline's location is page furniture, not what the article
    speaks of."""
    return s.startswith(MEDIA_WORDS, end) or s.endswith(BYLINE_WORDS, 0, start)


PLACE_LIST = 4
"""Distinct places that, with little else around them, make a line a list of places."""


def _place_list(s: str, found: list[Mention]) -> bool:
    """A line that is mostly place names (`江苏-南京市 江苏-苏州市 浙江-杭州市 …`) is navigation or a
    form, not text: its places are not what the article speaks of."""
    if len({m.name for m in found}) < PLACE_LIST:
        return False
    covered = len({i for m in found for i in range(m.start, m.end)})
    return covered * 4 >= 3 * sum(1 for ch in s if is_name_char(ch))


MAX_REGION = 8
"""Longest region name read whole from the gazetteer (`克孜勒苏柯尔克孜自治州` is longer and rare)."""


def _region_chain(s: str, end: int, lex: Lexicon) -> tuple[int, list[str]] | None:
    """Where the region chain ending at `end` starts, and its regions. A gazetteer name holding a stop
    character (`泰和县`) is read whole, and the run goes on left of it."""
    left = scan_left(s, end, lex)
    forms = lex.gazetteer.forms
    whole = next(
        (end - n for n in range(min(MAX_REGION, end), max(1, end - left), -1) if s[end - n : end] in forms),
        None,
    )
    if whole is not None:
        left = scan_left(s, whole, lex) if whole and is_name_char(s[whole - 1]) else whole
    run_start = _after_motion_verb(s, left, end, lex)
    # a level word opening the run (`市|琴川街道`) refers to a region named before; the name follows it
    opening = run_start + 1 if s[run_start : run_start + 1] in level_chars(lex) else run_start
    for start in range(run_start, end - 1):
        form = lex.gazetteer.match(s, start, end) or ""
        # a two-character place (`夏县`) starts inside a run only after a level word ends another name
        # (`贫困县|夏县`), not inside a word (`中华|夏县`)
        after_level = s[start - 1 : start] in level_chars(lex) and form in lex.gazetteer.full
        if start not in (run_start, opening) and len(form) <= 2 and not after_level:
            continue
        chain = split_regions(s[start:end], lex)
        if not chain:
            continue
        if len(chain) == 1 and chain[0] != s[start:end] and not _closes_short_form(s, end, lex):
            return None
        return start, chain
    return None


def _after_motion_verb(s: str, left: int, end: int, lex: Lexicon) -> int:
    """A place's name starts after the last verb of going in the run before it (`王甲分别去|乙镇`):
    whoever goes is written before the verb, where to after it."""
    after = [p for at in range(left, end - 2) if (p := past_motion_verb(s, at, end, lex)) > at]
    return max(after, default=left)


def _closes_short_form(s: str, end: int, lex: Lexicon) -> bool:
    """A short form (`通辽`, `广安`) reads as a place only before a break, a stop word, a rank or a
    count, another place or a unit word (`广安经开区`), not inside a longer word (`广西日报`)."""
    if end >= len(s) or not is_name_char(s[end]) or s[end] in lex.stop_chars:
        return True
    if _ORDINAL.match(s, end):
        return True
    return s.startswith(lex.short_form_closers, end) or lex.gazetteer.match(s, end) is not None


_ORDINAL = re.compile(rf"首[{_COUNTERS}]|第[{_NUMERAL}]|[{_NUMERAL}]+[{_COUNTERS}]")
"""A rank or a count after a place (`甲首个…`, `乙第一家`, `丙3家`) starts a new word."""


def _county_short_forms(sentences: list[Sentence], found: list[Mention], lex: Lexicon) -> list[Mention]:
    """`嘉陵` for 嘉陵区, read only in a document that also writes the full name."""
    written = {m.name for m in found}
    picked = sorted(
        (i, short, full) for full in written for i, short in lex.gazetteer.county_shorts.get(full, ())
    )
    shorts = {short: (full, re.compile(re.escape(short))) for _, short, full in picked}
    out = []
    for si, sent in enumerate(sentences):
        for short, (full, pattern) in shorts.items():
            if short not in sent.text:
                continue
            for m in pattern.finditer(sent.text):
                if not sent.text.startswith(full, m.start()) and _closes_short_form(sent.text, m.end(), lex):
                    out.append(Mention(sent.start + m.start(), sent.start + m.end(), "Region", full, si))
    return out


def _short_length(s: str, pos: int, full: str, lex: Lexicon) -> int:
    """Length of the short form of `full` written at `pos` (`内蒙古` for 内蒙古自治区, `石狮` for 石狮市)."""
    counties = (short for _, short in lex.gazetteer.county_shorts.get(full, ()))
    forms = (*lex.gazetteer.forms_of(full), *counties)
    return max((len(f) for f in forms if s.startswith(f, pos)), default=0)


_ITEM_SEP = "、和及与"
_ITEM_SEPARATOR = re.compile(f"[{_ITEM_SEP}]")
"""Compiled once: the many patterns the rules build per document push plain ones out of `re`'s cache."""


def find_joint_units(
    text: str, sentences: list[Sentence], lex: Lexicon
) -> list[tuple[Mention, list[Mention]]]:
    """`甲公司、乙公司联合党支部`, `在甲、乙组建联合党支部`: a joint organization and the units it joins."""
    joint_words = [
        (w, re.compile(re.escape(w)))
        for t in ("Branch", "Committee")
        for w in lex.org_words.get(t, ())
        if "联合" in w
    ]
    unit_types = ("Enterprise", "Park", "Organization")
    out = []
    for si, sent in enumerate(sentences):
        s = sent.text
        if "联合" not in s:
            continue
        first = len(out)
        for word, pattern in joint_words:
            for hit in pattern.finditer(s):
                if any(o[0].start <= sent.start + hit.start() < o[0].end for o in out[first:]):
                    continue
                head = s[: hit.start()]
                verb = re.search(r"(组建|成立|建立|设立|联合组建)了?$", head)
                list_end = verb.start() if verb else hit.start()
                opener = head.rfind("在", 0, list_end) if verb else -1
                items = _unit_list(s, opener + 1 if opener >= 0 else None, list_end, lex, unit_types)
                if len(items) < 2:
                    continue
                type_ = "Branch" if word in lex.org_words.get("Branch", ()) else "Committee"
                start = items[0][0] if not verb else hit.start()
                name = "".join(n for _, _, n, _ in items) + word
                joint = Mention(sent.start + start, sent.start + hit.end(), type_, name, si, aliases={word})
                units = [Mention(sent.start + a, sent.start + b, t, n, si) for a, b, n, t in items]
                out.append((joint, units))
    return out


def _unit_list(
    s: str, start: int | None, end: int, lex: Lexicon, unit_types: tuple[str, ...]
) -> list[tuple[int, int, str, str]]:
    """Units listed before `end` (from `start` if given), each ending in a unit word.

    Returns (start, end, name, type) per unit, or [] when any piece is not a unit.
    """
    segment_start = start if start is not None else scan_list_start(s, end, lex)
    pieces, pos = [], segment_start
    for piece in _ITEM_SEPARATOR.split(s[segment_start:end]):
        pieces.append((pos, pos + len(piece), piece))
        pos += len(piece) + 1
    items = []
    for a, b, piece in pieces:
        name = piece.replace("“", "").replace("”", "").strip()
        type_ = next((t for t in unit_types for w in lex.org_words.get(t, ()) if name.endswith(w)), None)
        if not type_ or len(name) < 2:
            return []
        items.append((a, b, name, type_))
    return items


def scan_list_start(s: str, end: int, lex: Lexicon) -> int:
    """Start of a run of names joined by 、/和 that ends at `end`."""
    i = end
    while i > 0 and (
        s[i - 1] in _ITEM_SEP + "“”" or (is_name_char(s[i - 1]) and s[i - 1] not in lex.stop_chars)
    ):
        if lex.stop_word_set.ending_at(s, i):
            break
        i -= 1
    # `负责|人和甲乙、丙丁`: one character left by a stop word before a joiner is that word's tail
    if i + 1 < end and s[i] not in _ITEM_SEP and s[i + 1] in _ITEM_SEP:
        i += 1
    # `涌现|出甲乙、丙丁`: a verb's complement after a stop word is the verb's, not the name's, where the
    # analyzer reads no word from it into the name (`依托|起点科技`)
    if i + 1 < end and s[i] in _COMPLEMENTS and lex.stop_word_set.ending_at(s, i):
        words = analyze(s, [(max(0, i - 2), min(end, i + 4))])[0]
        if not any(w.start <= i and w.end > i + 1 for w in words):
            i += 1
    while i < end and s[i] in _ITEM_SEP:
        i += 1
    return _past_acting_body(s, i, end, lex)


_COMPLEMENTS = "出起"
"""Complements a verb takes before its object (`培育出`, `建立起`)."""


_COMPANY_PARTY_BODIES = (
    rf"[{_NUMERAL}]+(?:个|家)[\u4e00-\u9fff]{{0,2}}?(?:非公|企业)"
    r"[\u4e00-\u9fff]{0,4}?(?:党支部|党组织|党委|党总支)"
)
"""`甲乙、丙丁等6个非公党支部`: a count of companies' Party bodies after a list of brands."""


_DESCRIBED = r"[\u4e00-\u9fff]{2,12}?的"
"""A description that ends in `的` between a list's count and its head word (`一批在细分领域领先的|企业`)."""


def find_listed_enterprises(text: str, sentences: list[Sentence], lex: Lexicon) -> list[Mention]:
    """`甲乙、丙丁等10多家龙头企业`, `甲乙、丙丁等6个非公党支部`, `“甲乙”和“丙丁”等重点企业`: listed names
    with no unit word of their own are enterprises."""
    heads = alternation(lex.enterprise_list_heads)
    # `等一批在细分领域国际领先的企业`: a longer description after the count ends in `的`
    # `以甲、乙等为代表的一批具有全球影响力的龙头企业`: the firms a batch is represented by
    count = (
        rf"(?:(?:[{_NUMERAL}]+[多余]?(?:家|个|户)|一批)(?:[\u4e00-\u9fff]{{0,4}}?|{_DESCRIBED})"
        rf"|为代表的[\u4e00-\u9fff]{{0,16}}?|[\u4e00-\u9fff]{{0,2}}?)"
    )
    listed = r"((?:[\u4e00-\u9fffA-Za-z]{2,10}、)+[\u4e00-\u9fffA-Za-z]{2,10})"
    pattern = re.compile(rf"{listed}等(?:{count}(?:{heads})|{_COMPANY_PARTY_BODIES})")
    typed = [
        w
        for t in ("Park", "Enterprise", "Organization", "Committee", "Branch")
        for w in lex.org_words.get(t, ())
    ]
    quoted = re.compile(rf"((?:“[^“”]{{2,10}}”[、和与及]?){{2,}})等(?:{count}(?:{heads}))")
    out = []
    for si, sent in enumerate(sentences):
        if "等" not in sent.text:  # both patterns need it
            continue
        for m in quoted.finditer(sent.text):
            for item in re.finditer(r"“([^“”]+)”", m.group(1)):
                if not item.group(1).endswith(tuple(typed)):
                    begin = sent.start + m.start(1) + item.start(1)
                    out.append(Mention(begin, begin + len(item.group(1)), "Enterprise", item.group(1), si))
        for m in pattern.finditer(sent.text):
            if any(word in m.group(0)[len(m.group(1)) :] for word in ("各类", "各种", "多种", "各")):
                continue
            start = scan_list_start(sent.text, m.end(1), lex)
            pos = start
            items, spans = [], []
            for item in _joined_items(sent.text[start : m.end(1)]):
                item_start, pos = pos, pos + len(item) + 1
                begin = sent.start + item_start
                spans.append((begin, begin + len(item), item.endswith(tuple(typed))))
                if 2 <= len(item) <= 8 and not spans[-1][2]:
                    items.append(Mention(begin, begin + len(item), "Enterprise", item, si))
            counted = re.search(rf"[{_NUMERAL}]|一批", m.group(0)[len(m.group(1)) :])
            if counted or _names_in_context(text, spans):
                out += items
    return out


def _names_in_context(text: str, items: list[tuple[int, int, bool]]) -> bool:
    """Whether at least half the items of a list (`甲乙、丙丁等企业`; start, end, and whether a unit's word
    ends it) are names: a unit's, or one the analyzer, reading the list in its sentence, finds in it. A
    list of trades (`汽车零部件、高端装备等企业`) or products (`手机盖板、移动电源等相关企业`) holds none, or
    one the analyzer reads as a product's. (A list counted as firms or Party bodies, `甲乙、丙丁等6个非公
    党支部`, needs no name.)"""
    start, end = items[0][0], items[-1][1]
    words = analyze(text, [(max(0, start - LIST_CONTEXT), end + LIST_CONTEXT)])[0]
    named = [
        (a, b) for a, b, unit in items if unit or any(w.tag in NAME_TAGS and a <= w.start < b for w in words)
    ]
    return bool(named) and 2 * len(named) >= len(items)


LIST_CONTEXT = 4
"""Characters read on either side of a list so the analyzer sees it in its sentence."""


def _joined_items(listed: str) -> list[str]:
    """`甲、乙和丙` → 甲, 乙, 丙: items joined by 、, the last one by 和/与/及 (not one inside a name)."""
    items = listed.split("、")
    last = re.match(r"(.{2,}?)[和与及](.{2,})$", items[-1])
    return [*items[:-1], last.group(1), last.group(2)] if last and len(items) > 1 else items


def find_counted_lists(text: str, sentences: list[Sentence], lex: Lexicon) -> list[Mention]:
    """`四家龙头企业——甲、乙与丙`, `其中4家是非公企业,分别是甲、乙和丙`, `甲、乙这两家企业`: the names
    listed right after (or right before) a count of enterprises are enterprises."""
    heads = alternation(lex.enterprise_list_heads)
    count = rf"[{_NUMERAL}]+(?:多)?家[\u4e00-\u9fff]{{0,4}}?(?:{heads})"
    item = r"[\u4e00-\u9fffA-Za-z]{2,10}"
    items = rf"{item}(?:、{item})*(?:(?:和|与|及|以及){item})?"
    opener = r"(?:——|—|[:：]|[,，]?(?:分别是|分别为|包括|即))"
    after = re.compile(rf"{count}{opener}({items})(?![\u4e00-\u9fffA-Za-z])")
    before = re.compile(rf"({items})这{count}")
    other_words = tuple(
        w for t in ("Park", "Organization", "Committee", "Branch", "Region") for w in lex.org_words.get(t, ())
    )
    out = []
    for si, sent in enumerate(sentences):
        if "家" not in sent.text:
            continue
        spans = [m.span(1) for m in after.finditer(sent.text)]
        spans += [(scan_list_start(sent.text, m.end(1), lex), m.end(1)) for m in before.finditer(sent.text)]
        for start, end in spans:
            names = re.split("(?:以及|、|和|与|及)", sent.text[start:end])
            pos = start
            for name in names if len(names) >= 2 else ():
                pos = sent.text.index(name, pos)
                if 2 <= len(name) <= 10 and not name.endswith(other_words):
                    begin = sent.start + pos
                    out.append(Mention(begin, begin + len(name), "Enterprise", name, si))
                pos += len(name)
    return out


DEPARTMENT_HEADS = ("内设机构", "职能部门", "工作部门", "部室", "部门", "科室", "处室")
"""Words that count a body's departments (`内设4个部室`)."""
DEPARTMENT_ENDS = ("办公室", "中心", "部", "室", "办", "局", "科", "处", "所")
"""What a department's name ends in (`规划建设部`, `党政办公室`, `招商服务中心`)."""


def find_department_lists(text: str, sentences: list[Sentence], lex: Lexicon) -> list[Mention]:
    """`设立4个部室,分别是甲部、乙办公室和丙部`: the names listed right after a count of departments are
    departments, though a bare `部` or `室` is no organization word."""
    count = rf"[{_NUMERAL}]+个(?:{alternation(DEPARTMENT_HEADS)})"
    item = r"[\u4e00-\u9fff]{2,10}"
    items = rf"{item}(?:、{item})*(?:(?:和|与|及|以及){item})?"
    after = re.compile(rf"{count}(?:[:：]|[,，]?(?:分别是|分别为|包括|即))({items})(?![\u4e00-\u9fff])")
    out = []
    for si, sent in enumerate(sentences):
        for m in after.finditer(sent.text):
            pos = m.start(1)
            for name in re.split("(?:以及|、|和|与|及)", m.group(1)):
                pos = sent.text.index(name, pos)
                if name.endswith(DEPARTMENT_ENDS) and len(name) > 2:
                    out.append(
                        Mention(sent.start + pos, sent.start + pos + len(name), "Organization", name, si)
                    )
                pos += len(name)
    return out


_NAMED_ITEM = (
    r"[\u4e00-\u9fffA-Za-z0-9]+(?:\([\u4e00-\u9fff]{1,6}\)[\u4e00-\u9fff]+)?(?:“[\u4e00-\u9fffA-Za-z0-9]+”)?"
)
"""A listed name, with a bracketed part inside it (`甲乙(中国)有限公司`) and the quoted brand a company
writes after its own (`甲乙“丙丁”`)."""
_NAMED_LIST = re.compile(rf"(?<![\u4e00-\u9fffA-Za-z0-9])(?:{_NAMED_ITEM}(?:、|以及|和|与|及))+{_NAMED_ITEM}")
_LIST_SPLIT = re.compile("、|以及|和|与|及")
_COUNTED_AFTER = re.compile(rf"(?:等|这|这些)?(?:[{_NUMERAL}]+[多余]?|几)(?:家|户)")
_ROLE_AFTER = re.compile(r"(?:是|为|均为|都是)[^,，。;；]{0,8}?(?:企业|公司)")
_HEAD_AFTER = re.compile(
    rf"等(?:(?:[{_NUMERAL}]+[多余]?(?:家|个|户)|一批)[\u4e00-\u9fff]{{0,6}}?|[\u4e00-\u9fff]{{0,2}}?)(?:企业|公司)"
)
_CUE_BEFORE = re.compile(r"(?:企业|公司|巨头|龙头)[^。;；]{0,8}?(?:[:：—]+|分别是|分别为|包括|有|例如|比如)$")
_DEMONSTRATIVE_AFTER = re.compile(
    r"(?:…+|等|[,，])?(?:这些|这几家|这批)[\u4e00-\u9fff]{0,4}?(?:企业|公司|巨头|龙头)"
)
"""`甲、乙……这些行业龙头`: the list's members are taken up again as firms."""
MAX_BRAND = 8


def find_enterprise_lists(
    text: str, sentences: list[Sentence], lex: Lexicon, known: Iterable[Mention] = ()
) -> list[Mention]:
    """Enterprises named by brand in a list (`甲乙化工、丙丁科技这两家龙头企业`, `企业有:甲乙、丙丁`):
    the list is of enterprises when a count of firms or a role as enterprises (`是链主企业`)
    follows it, a phrase about enterprises introduces it, or one of its members is a company by
    its own word (`戊己集团`) or a brand already `known` (`甲乙科技、丙丁养老双双入选`)."""
    known_spans = {(m.start, m.end) for m in known}
    company_words = lex.org_words.get("Enterprise", ())
    company_set = lex.org_word_set("Enterprise")
    other_words = tuple(
        w for t, ws in lex.org_words.items() if t not in ("Enterprise", "Practice") for w in ws
    )
    # an item cut out of a body's word by a stop word in it (`区人才发展|中心`) is no brand
    other_set = lex.org_word_set(*(t for t in lex.org_words if t not in ("Enterprise", "Practice")))
    found: list[list[Mention]] = []
    for si, sent in enumerate(sentences):
        s = sent.text
        for m in _NAMED_LIST.finditer(s):
            items = _list_items(s, m.start(), m.end(), lex)
            if len(items) < 2:
                continue
            first, last = items[0][0], items[-1][1]
            cued = (
                _COUNTED_AFTER.match(s, last)
                or _HEAD_AFTER.match(s, last)
                or _ROLE_AFTER.match(s, last)
                or _DEMONSTRATIVE_AFTER.match(s, last)
                or _CUE_BEFORE.search(s, max(0, first - 12), first)
                or any(_ends_in_word(s[a:b], lex.org_word_set("Enterprise")) for a, b in items)
                or _one_trade([s[a:b] for a, b in items], lex)
            )
            if not cued and any((sent.start + a, sent.start + b) in known_spans for a, b in items):
                cued, items[-1] = True, _before_predicate(text, sent.start, *items[-1])
            if not cued or any(s[a:b] in company_set or "企业" in s[a:b] for a, b in items):
                continue
            found.append(
                [
                    Mention(sent.start + a, sent.start + b, "Enterprise", _unquoted(s[a:b]), si)
                    for a, b in items
                    if _brand(_unquoted(s[a:b]), (*company_words, *other_words), lex)
                    and len(other_set.ending_at(s, b) or "") <= b - a
                    # an item cut short by a stop word inside a unit's name (`甲乙|研究所有限公司`) is none
                    and not _inside_unit_word(s, b, b + 1, lex)
                    # nor one running past a body's word into the predicate (`丙镇政府|检查指导`)
                    and not any(other_set.ending_at(s, e) for e in range(a + 2, b))
                ]
            )
    return [m for listed in found if _of_names(text, listed) for m in listed]


MIN_SAME_TRADE = 3
"""Brands of one line of business that make a list one of firms (`甲乙包装、丙丁包装、戊己包装`)."""


def _one_trade(items: list[str], lex: Lexicon) -> bool:
    """Whether three or more listed names are each a brand (a name before a line of business) of one
    and the same line of business (`合成包装、中拓包装和华远包装`): a trade's firms, not its goods."""
    if len(items) < MIN_SAME_TRADE:
        return False
    trades = {lex.industry_word_set.ending_at(item, len(item)) for item in items}
    return len(trades) == 1 and all(lex.brand(item) for item in items)


MIN_NAMED_SHARE = 1 / 3
"""Share of a list's items the lexical analyzer must read as proper names for the list to name firms."""


def _of_names(text: str, listed: list[Mention]) -> bool:
    """Whether a list names firms (`甲乙、丙丁速运`), not goods or facilities (`服装、特色餐饮等400多家
    商家`, `能源岛、管廊、水库等公共资源`): enough of its items hold a word the analyzer reads as a name."""
    words = analyze(text, [m.span for m in listed])
    named = sum(any(w.tag in NAME_TAGS for w in item) for item in words)
    return named > 0 and named >= MIN_NAMED_SHARE * len(listed)


def _unquoted(name: str) -> str:
    return name.replace("“", "").replace("”", "")


_LIST_END_TAGS = frozenset({"m", "q", "d", "ad", "p", "c", "u", "w", "r"})
"""Tags of the words that end a list and open its predicate (`双双`, `都`, `也`); not verbs, which may
name a brand's business (`养老`)."""


def _before_predicate(text: str, offset: int, start: int, end: int) -> tuple[int, int]:
    """The last item of a list up to the predicate the sentence goes on with (`丙丁养老|双双入选`), as the
    lexical analyzer reads it; offsets are the sentence's, which starts at `offset`."""
    words = analyze(text, [(offset + start, offset + end)])[0]
    tags = _LIST_END_TAGS
    cut = next((w.start - offset for w in words if w.start > offset + start and w.tag in tags), end)
    return start, cut


def _brand(name: str, unit_words: tuple[str, ...], lex: Lexicon) -> bool:
    """A listed name with no unit word of its own that is neither a place nor a stop word, nor a
    person's post (`党员、冷库主管王磊`)."""
    return (
        2 <= len(name) <= MAX_BRAND
        and not name.endswith(unit_words)
        and lex.gazetteer.match(name) != name
        and name not in lex.stop_words
        and not any(title in name for title in lex.post_titles)
    )


def _ends_in_word(name: str, words: WordSet) -> bool:
    """`戊己集团` ends in a company word and names one; the bare `集团` does not: a word shorter than the
    name ends it."""
    return words.ending_at(name[1:], len(name) - 1) is not None


_HAVING = re.compile("有(?!限)")
_HAVERS = ("单位", "企业", "成员", "区域", "还", "共", "现", "均", "都", "也", "主要", "分别")
"""Words before a `有` listing what they have (`成员单位有`, `主要有`): a name read leftwards runs over it."""


def _past_having(s: str, left: int, end: int) -> int:
    """Where a name starts that a scan read from past a `有` listing what comes before it has
    (`其中甲区域有|乙农业科技园`)."""
    for having in _HAVING.finditer(s, left, end - 1):
        if s.endswith(_HAVERS, left, having.start()):
            left = having.end()
    return left


def _list_items(s: str, start: int, end: int, lex: Lexicon) -> list[tuple[int, int]]:
    """The items of a run joined by 、/和: the first starts where a name may start; the list ends
    inside the first item that a stop word, a count or 等 (in the last item, any stop character)
    cuts short."""
    bounds, pos = [], start
    for sep in _LIST_SPLIT.finditer(s, start, end):
        bounds.append((pos, sep.start()))
        pos = sep.end()
    bounds.append((pos, end))
    first_end = bounds[0][1]
    first_start = _past_acting_body(s, max(bounds[0][0], scan_left(s, first_end, lex)), first_end, lex)
    if _HAVING.match(s, first_start) and s.endswith(_HAVERS, 0, first_start):
        first_start += 1  # `成员单位有|甲乙、丙丁`: what the units have is the list
    bounds[0] = (first_start, first_end)
    items, stops = [], lex.stop_word_set
    company_words = tuple(lex.org_words.get("Enterprise", ()))
    for n, (a, b) in enumerate(bounds):
        enders = lex.stop_chars if n == len(bounds) - 1 else "等"
        cut = a
        while cut < b and s[cut] not in enders:
            stop = s[cut] in stops.first_chars and stops.starting_at(s, cut)
            # a line of business inside a company's name (`甲供应链管理有限公司`) cuts no item
            stop = stop and not (stop in lex.business_words and s.startswith(company_words, cut + len(stop)))
            if stop or (cut > a and s[cut] in _NUMERAL and _COUNT.match(s, cut, b)):
                break
            cut += 1
        items.append((a, cut))
        if cut < b:
            break
    return items


_ACTING_WITH = ("联合", "携手", "会同", "联同", "协同")
"""Verbs of a body acting with the units listed after it (`园区党委联合甲乙、丙丁等企业`)."""


def _past_acting_body(s: str, start: int, end: int, lex: Lexicon) -> int:
    """Where a list's first item (from `start`, ending before `end` or its first 、) starts once a Party
    body read into it, and a verb of acting together after the body, are left out
    (`园区党委联合|甲乙、丙丁`): no listed unit's name goes on past a Party body's word but its own. The
    verb opening a clause is left out too (`…为龙头,联合|甲乙、丙丁等企业`)."""
    item_end = s.find("、", start, end)
    item_end = end if item_end < 0 else item_end
    party = lex.org_word_set("Committee", "Branch")
    ends = [start + at + len(word) for at, word in party.find_all(s[start:item_end])]
    cut = max((e for e in ends if e < item_end), default=None)
    if cut is None:
        opening = start == 0 or s[start - 1] in "，,；;:："
        verb = next((v for v in _ACTING_WITH if s.startswith(v, start)), "") if opening else ""
        return start + len(verb) if item_end - start - len(verb) >= 2 else start
    verb = next((v for v in _ACTING_WITH if s.startswith(v, cut)), "")
    return cut + len(verb)


BRAND_FOLLOWERS = ("为链主", "为龙头", "“")
"""What may follow a brand besides its members: its role in a chain, its own quoted brand."""


def find_brands(text: str, sentences: list[Sentence], lex: Lexicon) -> list[Mention]:
    """A brand followed by its members or its role (`甲乙啤酒党员`, `丙丁新材料为链主企业`)."""
    if not lex.industry_words:
        return []
    words = re.compile("|".join(re.escape(w) for w in lex.industry_words))
    followers = (*lex.member_words, *BRAND_FOLLOWERS)
    out = []
    for si, sent in enumerate(sentences):
        s = sent.text
        for m in words.finditer(s):
            if not s.startswith(followers, m.end()):
                continue
            start = scan_left(s, m.end(), lex)
            name = s[start : m.end()]
            if lex.brand(name) and lex.gazetteer.match(name) != name:
                out.append(Mention(sent.start + start, sent.start + m.end(), "Enterprise", name, si))
    return out


_ABOUT = ("近", "约", "超", "逾", "达", "共", "计", "不足", "不到", "不满")
"""Words of an approximate, bounded or summed count, before its number."""


def find_member_counts(text: str, sentences: list[Sentence], lex: Lexicon) -> list[Mention]:
    """`通产玻璃2名党员`: a name with no unit word, followed by a count of its members, is an enterprise."""
    pattern = re.compile(rf"[{_NUMERAL}]+名(?:{'|'.join(map(re.escape, lex.member_words))})")
    unit_words = tuple(
        w
        for t in ("Park", "Enterprise", "Organization", "Committee", "Branch", "Region")
        for w in lex.org_words.get(t, ())
    )
    out = []
    for si, sent in enumerate(sentences):
        for m in pattern.finditer(sent.text):
            start = scan_left(sent.text, m.start(), lex)
            name = sent.text[start : m.start()]
            if name.endswith("有") or name.endswith(_ABOUT):
                # `公司只有5名党员`, `每个综合体都有一名党员`: who has them comes before the verb; and an
                # approximate count is said of a clause (`每日通勤近3000名员工`), not of a name
                continue
            if 2 <= len(name) <= 8 and not name.endswith(unit_words) and name not in lex.member_words:
                out.append(Mention(sent.start + start, sent.start + m.start(), "Enterprise", name, si))
    # `遴选|35名党员`, `每个网格配|一名党员`: a verb choosing or assigning members names no firm
    words = analyze(text, [m.span for m in out])
    return [m for m, ws in zip(out, words, strict=True) if not (ws and ws[-1].tag in _VERB_TAGS)]


_VERB_TAGS = frozenset({"v", "vd"})


def find_known_bodies(text: str, sentences: list[Sentence], lex: Lexicon) -> list[Mention]:
    """Bodies the lexicon knows by a short name with no organization word (`中组部`)."""
    out = []
    for si, sent in enumerate(sentences):
        for name, type_ in lex.known_bodies.items():
            start = sent.text.find(name)
            while start >= 0:
                out.append(Mention(sent.start + start, sent.start + start + len(name), type_, name, si))
                start = sent.text.find(name, start + len(name))
    return out


def find_tagged_brands(text: str, sentences: list[Sentence], lex: Lexicon) -> list[Mention]:
    """A name the lexical analyzer tags as an organization that ends in a line of business (`甲乙汽车`,
    `丙丁化学戊己能源`) is an enterprise known by its brand, wherever it stands; the model runs only on
    the sentences that hold a line of business."""
    if not lex.industry_words:
        return []
    unit_words = tuple(w for t, ws in lex.org_words.items() if t != "Practice" for w in ws)
    industry = re.compile(alternation(lex.industry_words))
    chosen = [si for si, sent in enumerate(sentences) if industry.search(sent.text)]
    spans = [(sentences[si].start, sentences[si].end) for si in chosen]
    out = []
    for si, words in zip(chosen, analyze(text, spans), strict=True):
        for word in words:
            if (
                word.tag == "ORG"
                and _tagged_brand(word.word, unit_words, lex)
                and not _INDUSTRY_AFTER.match(text, word.end)
            ):
                out.append(Mention(word.start, word.end, "Enterprise", word.word, si))
    return out


def find_tagged_sub_parks(text: str, sentences: list[Sentence], lex: Lexicon) -> list[Mention]:
    """`北园`, `五里园`: a short name ending in `园` that the lexical analyzer reads as a place is a park (a
    part of the zone an article is about, `一区两园`), not a garden (`公园`, `家园`); the model runs
    only on the sentences that write such a `园` other than a park word's (`产业园`)."""
    park_words = lex.org_word_set("Park")
    chosen = [
        si
        for si, sent in enumerate(sentences)
        if any(not park_words.ending_at(sent.text, m.end()) for m in SHORT_PARK.finditer(sent.text))
    ]
    spans = [(sentences[si].start, sentences[si].end) for si in chosen]
    out = []
    for si, words in zip(chosen, analyze(text, spans), strict=True):
        for word in words:
            name = word.word
            garden = name.endswith(lex.garden_words) or name in lex.not_org  # (`建园`: founding one)
            counted = _COUNT.match(name) is not None  # `三个|园中园`: a count of parks, none of them
            if word.tag == "LOC" and SHORT_PARK.fullmatch(name) and not garden and not counted:
                out.append(Mention(word.start, word.end, "Park", name, si))
    return out


SHORT_PARK = re.compile(r"[\u4e00-\u9fff]{1,3}园(?![区林艺])")
"""A name of one to three characters before `园`, not `园区`, `园林`, `园艺`."""


_INDUSTRY_AFTER = re.compile(
    rf"等?(?:[{_NUMERAL}]+[条个大项类]?[\u4e00-\u9fff]{{0,2}}?)?(?:产业链|产业集群|产业|行业|领域|赛道|板块)"
)
"""After a line of business, words that make it an industry (`新能源汽车产业链`), also after a count of
them or the `等` ending their list (`甲、新能源汽车两条主导产业链`, `甲、新能源汽车等产业链`): no brand."""


def _tagged_brand(name: str, unit_words: tuple[str, ...], lex: Lexicon) -> bool:
    """A brand is a name of its own before a line of business, not a place's industry (`甲市化工`) nor
    lines of business alone (`新能源汽车`, `生物医药`: under two characters before them)."""
    word = next((w for w in lex.industry_words if name.endswith(w)), None)
    stem = name[: len(name) - len(word)] if word else ""
    return (
        2 <= len(stem) <= MAX_BRAND
        and len(_without_lines_of_business(stem, lex)) >= 2
        and not name.endswith(unit_words)
        and lex.gazetteer.match(stem) != stem
        and not split_regions(stem, lex)
        and all(is_name_char(ch) for ch in name)
    )


def _without_lines_of_business(stem: str, lex: Lexicon) -> str:
    """`stem` with the lines of business it ends in taken off (`华昊生物` → `华昊`, `新能源` → `新`)."""
    while word := next((w for w in lex.industry_words if stem.endswith(w)), None):
        stem = stem[: len(stem) - len(word)]
    return stem


_SIBLING_TYPES = ("Park", "Enterprise")
_QUOTED_ITEM_AFTER = re.compile(r"“([\u4e00-\u9fffA-Za-z0-9]{2,10})”(?=、|等|和|与|及|以及)")
_QUOTED_ITEM_BEFORE = re.compile(r"“([\u4e00-\u9fffA-Za-z0-9]{2,10})”$")
"""A quoted item of a list (`甲公司、“乙丙”等企业`): a brand written in quotes, named without them."""
_NEXT_ITEM_END = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]{2,10}?(?=、|等|和|与|及)")
"""An item written after a `、`: name characters up to the next joiner or `等` (an item that ends a
clause may run on into its predicate: `甲公司、乙丙开展活动`)."""


def find_list_siblings(
    text: str, sentences: list[Sentence], mentions: list[Mention], lex: Lexicon
) -> list[Mention]:
    """`辖区内的甲乙广场、丙丁商务园和戊己产业园`: a name joined by `、` to a park (or an enterprise) of a
    list with at least two of that type is one too, whatever its last word, as its siblings show."""
    by_sent: dict[int, list[Mention]] = {}
    for m in sorted(mentions, key=lambda m: m.start):
        by_sent.setdefault(m.sentence, []).append(m)
    unit_words = tuple(w for t, ws in lex.org_words.items() if t != "Practice" for w in ws)
    out: list[Mention] = []
    for si, here in by_sent.items():
        sent = sentences[si]
        taken = [(m.start, m.end) for m in here]
        for i, m in enumerate(here):
            if m.type not in _SIBLING_TYPES or not _in_typed_list(text, here, i):
                continue
            for start, end in (_item_before(text, sent.start, m, lex), _item_after(text, sent.end, m)):
                name = text[start:end]
                if (
                    end - start >= 2
                    and not any(a < end and start < b for a, b in taken)
                    and lex.gazetteer.match(name) != name
                    and name not in lex.stop_words
                    and not name.endswith(unit_words)
                ):
                    out.append(Mention(start, end, m.type, name, si))
                    taken.append((start, end))
    return out


_ONE_ITEM_BETWEEN = re.compile(r"、[\u4e00-\u9fffA-Za-z0-9]{2,10}(?:、|和|与|及|以及)")
"""`甲步行街、乙街坊街、丙商业街`: one unrecognized item between two listed siblings."""


_SOME = "多个|几个|若干个?"
PARTS_NAMED = re.compile(rf"(?:等|这|这些)?(?:[{_NUMERAL}]+(?:个|大)|{_SOME})?[“\"]?(?:园中园|分园|子园区)")
"""After a list of parks: the word saying they are parts of a park (`甲园、乙园等“园中园”`,
`等多个园中园`)."""


def _in_typed_list(text: str, here: list[Mention], i: int) -> bool:
    """The mention is joined (by `、`/`和`/`与`/`及`, or one item between) to a neighbour of its type, or
    is a park a list of parts ends with (`甲绿洲、乙科技园等园中园`)."""
    m = here[i]
    if m.type == "Park" and PARTS_NAMED.match(text, m.end) and text[m.start - 1 : m.start] == "、":
        return True
    near = [here[j] for j in (i - 1, i + 1) if 0 <= j < len(here)]
    joiners = ("、", "和", "与", "及", "以及")
    return any(
        n.type == m.type
        and (
            (gap := text[min(n.end, m.end) : max(n.start, m.start)]) in joiners
            or _ONE_ITEM_BETWEEN.fullmatch(gap)
        )
        for n in near
    )


_LAST_CLAUSE_ITEM = re.compile(r"[，,：:；;]([\u4e00-\u9fffA-Za-z0-9]{2,8})$")


def _item_before(text: str, floor: int, m: Mention, lex: Lexicon) -> tuple[int, int]:
    """The name written right before `m` and a `、` (empty where there is none), inside its quotes
    where it is quoted (`“甲乙”、丙公司`)."""
    if m.start - 1 < floor or text[m.start - 1] != "、":
        return m.start, m.start
    end = m.start - 1
    if quoted := _QUOTED_ITEM_BEFORE.search(text, max(floor, end - 12), end):
        return quoted.span(1)
    start = max(floor, scan_left(text, end, lex))
    if end - start < 2:
        # a stop character inside a short brand (`，华为、`): the clause's punctuation bounds the item
        whole = _LAST_CLAUSE_ITEM.search(text, max(floor, end - 9), end)
        start = whole.start(1) if whole else start
    return start, end


def _item_after(text: str, ceiling: int, m: Mention) -> tuple[int, int]:
    """The name written right after `m` and a `、` (empty where there is none)."""
    if not text.startswith("、", m.end):
        return m.end, m.end
    if quoted := _QUOTED_ITEM_AFTER.match(text, m.end + 1, ceiling):
        return quoted.span(1)
    hit = _NEXT_ITEM_END.match(text, m.end + 1, ceiling)
    return (hit.start(), hit.end()) if hit else (m.end, m.end)
