"""Entity mentions: the named units, people and practices a sentence speaks of.

Chinese organization names end in an organization word (党支部, 有限公司,
开发区 …, from the ontology) and start wherever a particle, a verb or
punctuation ends the run of name characters before it. A name is read from
its organization word leftwards; what it contains (a park inside a committee's
name, a province before a city) is read by `names.parse_name`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from parkgraph.loaders.lexicon import Lexicon
from parkgraph.loaders.names import split_regions
from parkgraph.loaders.segment import Sentence

MAX_NAME = 24
_NAME_CHAR = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]")
_NUMERAL = "0123456789一二三四五六七八九十两百"
_COUNT = re.compile(rf"[{_NUMERAL}]+(?:个|家|名|所|座|大|支|批|类|项)|[0-9]+")
_COUNTED = re.compile(rf"[{_NUMERAL}]+(?:个|大|种|套|类|项|条|批|支)")
"""A quoted count (`“4种”模式`, `“五大”工程`) announces practices; it names none."""
_LIST_JOINERS = ("和", "、", "与", "及", "以及", "，", ",")
"""A quote joined to a practice by these is a practice too: `抓实“车轮上的党建”和“舌尖上的党建”`."""
QUOTE = re.compile(r"“([^“”\n]{2,40})”")


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

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)


def is_name_char(ch: str) -> bool:
    return bool(_NAME_CHAR.match(ch))


def scan_left(text: str, end: int, lex: Lexicon, floor: int = 0) -> int:
    """Where a name that ends at `end` starts: run left over name characters to a stop."""
    i = end
    while i > floor and end - i < MAX_NAME:
        if any(i - n >= floor and text[i - n : i] in words for n, words in lex.stop_word_lengths):
            break
        ch = text[i - 1]
        if not is_name_char(ch) or ch in lex.stop_chars:
            break
        i -= 1
    count = _COUNT.match(text, i, end)
    return count.end() if count else i


class _OrgWordHits:
    """Where organization words end names in a sentence; made once per document, as it compiles the words."""

    def __init__(self, lex: Lexicon) -> None:
        types = ("Committee", "Branch", "Organization", "Enterprise", "Park")
        self.entries = tuple((type_, word) for type_ in types for word in lex.org_words.get(type_, ()))
        self.words = _Words(tuple(word for _, word in self.entries))
        self.not_org = lex.not_org
        self.not_org_words = _Words(lex.not_org)

    def __call__(self, text: str) -> list[tuple[int, int, str, str]]:
        """Every (start, end, type, word) where an organization word ends a name, by type, word, start."""
        # the test of `_inside_non_org`, against the non-organization words found once
        blocked = [(i, i + len(self.not_org[k])) for k, i in self.not_org_words.occurrences(text)]
        hits = []
        for order, start in self.words.occurrences(text):
            type_, word = self.entries[order]
            end = start + len(word)
            if not any(a <= start and end <= b for a, b in blocked):
                hits.append((start, end, type_, word))
        return hits


class _Words:
    """Where any of many words occur, found in one regex pass rather than one `str.find` pass per word."""

    def __init__(self, words: tuple[str, ...]) -> None:
        self.by_first: dict[str, list[tuple[int, str]]] = {}
        for order, word in enumerate(words):
            self.by_first.setdefault(word[0], []).append((order, word))
        firsts = re.escape("".join(self.by_first))
        alternatives = "|".join(map(re.escape, sorted(set(words), key=len, reverse=True)))
        self.starts = re.compile(f"(?=[{firsts}])(?=(?:{alternatives}))") if words else None

    def occurrences(self, text: str) -> list[tuple[int, int]]:
        """(index of the word, start) of every occurrence, overlapping ones too, sorted."""
        if self.starts is None:
            return []
        by_first, found = self.by_first, []
        for match in self.starts.finditer(text):
            start = match.start()
            found += [(order, start) for order, word in by_first[text[start]] if text.startswith(word, start)]
        return sorted(found)


def _inside_non_org(text: str, start: int, end: int, lex: Lexicon) -> bool:
    """The hit lies inside a longer word that names no organization (党组 in 党组织, 局 in 布局)."""
    return any(text.find(word, max(0, end - len(word)), start + len(word)) >= 0 for word in lex.not_org)


def _counted_before(s: str, left: int) -> bool:
    """A name right after a count (`8家院士工作站`) speaks of several units of a kind, not of one."""
    return any(_COUNT.fullmatch(s, i, left) for i in range(max(0, left - 6), left))


def find_org_mentions(text: str, sentences: list[Sentence], lex: Lexicon) -> list[Mention]:
    """Organization-like mentions (committees, branches, enterprises, parks, other bodies), longest first."""
    out: list[Mention] = []
    org_word_hits = _OrgWordHits(lex)
    for si, sent in enumerate(sentences):
        s = sent.text
        candidates = []
        for start, end, type_, word in org_word_hits(s):
            left = scan_left(s, start, lex)
            if _counted_before(s, left):
                continue
            candidates.append((left, end, type_, word))
        candidates.sort(key=lambda c: (-(c[1] - c[0]), c[0], -len(c[3])))
        taken: list[tuple[int, int]] = []
        for left, end, type_, word in candidates:
            if any(not (end <= a or left >= b) for a, b in taken):
                continue
            if s.startswith(("委员", "委会"), end - 1) and word.endswith("委"):
                continue
            taken.append((left, end))
            name = s[left:end]
            generic = None if left < end - len(word) else word
            out.append(
                Mention(
                    start=sent.start + left,
                    end=sent.start + end,
                    type=type_,
                    name=name,
                    sentence=si,
                    generic=generic,
                )
            )
    return sorted(out, key=lambda m: m.start)


def find_enumerations(text: str, sentences: list[Sentence], lex: Lexicon) -> list[Mention]:
    """`甲、乙、丙3个行业党委` names three committees: one mention per member."""
    words = "|".join(
        re.escape(w)
        for t in ("Committee", "Branch", "Organization", "Park")
        for w in lex.org_words.get(t, ())
    )
    if not words:
        return []
    pattern = re.compile(
        rf"((?:[\u4e00-\u9fff]{{2,8}}[、和及与])+[\u4e00-\u9fff]{{2,8}})(?:[{_NUMERAL}]+(?:个|家|大)|等)({words})"
    )
    type_of = {
        w: t for t in ("Committee", "Branch", "Organization", "Park") for w in lex.org_words.get(t, ())
    }
    out = []
    for si, sent in enumerate(sentences):
        for m in pattern.finditer(sent.text):
            items_text, word = m.group(1), m.group(2)
            if _inside_non_org(sent.text, m.start(2), m.end(2), lex):
                continue
            first_start = scan_left(sent.text, m.start(1) + len(re.split("[、和及与]", items_text)[0]), lex)
            pos = m.start(1)
            for item in re.split("[、和及与]", items_text):
                item_start = pos
                pos += len(item) + 1
                if item_start == m.start(1):
                    cut = first_start - m.start(1)
                    item, item_start = item[cut:], item_start + cut
                if len(item) < 2:
                    continue
                out.append(
                    Mention(
                        start=sent.start + item_start,
                        end=sent.start + item_start + len(item),
                        type=type_of[word],
                        name=item + word,
                        sentence=si,
                    )
                )
    return out


def find_people(text: str, sentences: list[Sentence], lex: Lexicon) -> list[Mention]:
    """People named next to a post title: `党支部书记王希友说`, `组织部长 何建新`."""
    titles = "|".join(re.escape(t) for t in lex.post_titles)
    if not titles:
        return []
    chain = rf"(?P<titles>(?:{titles})(?:[、,和](?:{titles}))*)"
    followers = "|".join(re.escape(f) for f in lex.name_followers)
    pattern = re.compile(rf"{chain}[ \u3000]?(?P<name>[\u4e00-\u9fff]{{2,4}})")
    out = []
    for si, sent in enumerate(sentences):
        for m in _overlapping(pattern, sent.text):
            weak = re.split("[、,和]", m.group("titles"))[-1] in lex.weak_titles
            name = _person_name(m.group("name"), sent.text[m.end("name") :], lex, followers, weak)
            if not name:
                continue
            start = sent.start + m.start("name")
            titles_found = re.split("[、,和]", m.group("titles"))
            title_start = sent.start + m.start("titles")
            if out and out[-1].start == start and out[-1].sentence == si:
                continue
            out.append(
                Mention(
                    start=start,
                    end=start + len(name),
                    type="Person",
                    name=name,
                    sentence=si,
                    titles=titles_found,
                    title_start=title_start,
                )
            )
    return out


def _overlapping(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """Matches that may start inside a failed earlier match (`常委` then `组织部长` in `常委组织部长胡某`)."""
    pos = 0
    while (m := pattern.search(text, pos)) is not None:
        yield m
        pos = m.start() + 1


def _person_name(candidate: str, after: str, lex: Lexicon, followers: str, weak: bool = False) -> str | None:
    """The longest surname-led prefix of `candidate` that a speech verb, honorific or punctuation closes."""
    if not (candidate[0] in lex.surnames or candidate.startswith(lex.compound_surnames)):
        return None
    if any(candidate.startswith(word) for word in lex.not_names):
        return None
    fits = [n for n in (2, 3, 4) if len(candidate) >= n]
    for length in fits:
        if followers and re.match(followers, candidate[length:] + after):
            return candidate[:length]
    if weak:
        return None
    for length in sorted(fits, key=lambda n: (n != 3, n)):
        rest = candidate[length:] + after
        if not rest or not is_name_char(rest[0]):
            return candidate[:length]
    return None


def find_practices(text: str, sentences: list[Sentence], lex: Lexicon) -> list[Mention]:
    """Quoted named practices: `“六双工程”`, `“444”工业园区党建工作体系`, `实施“双培双进”计划`."""
    suffixes = "|".join(re.escape(s) for s in lex.practice_suffixes)
    verbs = tuple(lex.adopt_verbs)
    out: list[Mention] = []
    for si, sent in enumerate(sentences):
        s = sent.text
        previous_end = -1
        for m in QUOTE.finditer(s):
            inner = m.group(1).strip()
            counted = _COUNTED.match(inner)
            if counted and (counted.end() == len(inner) or inner[counted.end() :] in lex.practice_suffixes):
                continue
            after = s[m.end() :]
            tail = (
                re.match(rf"(?:的)?([\u4e00-\u9fff0-9A-Za-z+]{{0,10}}?(?:{suffixes}))", after)
                if suffixes
                else None
            )
            before = s[max(0, m.start() - 6) : m.start()].rstrip("了并地")
            listed = previous_end >= 0 and s[previous_end : m.start()] in _LIST_JOINERS
            weak = before.endswith(lex.weak_adopt_verbs)
            adopted = (before.endswith(verbs) and not weak) or listed
            if tail and not _sentence_like(inner):
                name = inner + tail.group(1)
                end = m.end() + tail.end()
            elif inner.endswith(lex.practice_suffixes) or (adopted and not _listing(inner)):
                name, end = inner, m.end()
            else:
                continue
            if len(name) < 2 or _sentence_like(inner):
                continue
            previous_end = end
            out.append(
                Mention(
                    start=sent.start + m.start(),
                    end=sent.start + end,
                    type="Practice",
                    name=name,
                    sentence=si,
                    aliases={inner} if inner != name else set(),
                )
            )
    return out


def _listing(text: str) -> bool:
    """A quoted run of phrases (`共建美丽园区、共享美好生活`) needs a practice word after it to name one."""
    return any(sep in text for sep in "、,，;；")


def _sentence_like(text: str) -> bool:
    """A slogan ("工作常议、问题快处、难题共解") rather than a name."""
    return text.count("、") >= 2 or text.count("—") >= 2 or "。" in text or len(text) > 30


def find_regions(text: str, sentences: list[Sentence], lex: Lexicon) -> list[Mention]:
    """Region names standing alone (`崇州市依托…`), including chains such as `四川省成都市`."""
    suffixes = lex.org_words.get("Region", ())
    keys = sorted(lex.provinces, key=len, reverse=True)
    ending = _ending_pattern((*suffixes, *keys))
    out = []
    for si, sent in enumerate(sentences):
        s = sent.text
        ends = {len(s) - m.start() for m in ending.finditer(s[::-1])}
        for end in sorted(ends):
            if end < len(s) and s[end] in lex.region_breakers:
                continue
            start = scan_left(s, end, lex)
            while start < end - 1:
                chain = split_regions(s[start:end], lex)
                if chain:
                    break
                start += 1
            else:
                continue
            if _counted_before(s, start) or _COUNT.match(s, start):
                continue
            pos = start
            for part in chain:
                length = len(part) if s.startswith(part, pos) else _short_length(s, pos, part, lex)
                out.append(Mention(sent.start + pos, sent.start + pos + length, "Region", part, si))
                pos += length
    return out


def _ending_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    """Where any of `words` ends, found in the reversed text in one pass rather than one pass per word."""
    if not words:
        return re.compile("(?!)")
    backwards = sorted({w[::-1] for w in words}, key=len, reverse=True)
    first = re.escape("".join(sorted({w[0] for w in backwards})))
    return re.compile(f"(?=[{first}])(?=(?:{'|'.join(map(re.escape, backwards))}))")


def _short_length(s: str, pos: int, full: str, lex: Lexicon) -> int:
    """Length of the short form of province `full` written at `pos` (`内蒙古` for 内蒙古自治区)."""
    return max((len(k) for k, v in lex.provinces.items() if v == full and s.startswith(k, pos)), default=0)


_ITEM_SEP = "、和及与"


def find_joint_units(
    text: str, sentences: list[Sentence], lex: Lexicon
) -> list[tuple[Mention, list[Mention]]]:
    """`甲公司、乙公司联合党支部`, `在甲、乙组建联合党支部`: a joint organization and the units it joins."""
    joint_words = [w for t in ("Branch", "Committee") for w in lex.org_words.get(t, ()) if "联合" in w]
    unit_types = ("Enterprise", "Park", "Organization")
    out = []
    for si, sent in enumerate(sentences):
        s = sent.text
        first = len(out)
        for word in joint_words:
            for hit in re.finditer(re.escape(word), s):
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
    for piece in re.split(f"[{_ITEM_SEP}]", s[segment_start:end]):
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
    while (
        i > 0 and (is_name_char(s[i - 1]) or s[i - 1] in _ITEM_SEP + "“”") and s[i - 1] not in lex.stop_chars
    ):
        if any(s.startswith(w, i - len(w)) for w in lex.stop_words):
            break
        i -= 1
    return i


def find_listed_enterprises(text: str, sentences: list[Sentence], lex: Lexicon) -> list[Mention]:
    """`甲乙、丙丁等10多家龙头企业`: listed names with no unit word of their own are enterprises."""
    heads = "|".join(re.escape(h) for h in lex.enterprise_list_heads)
    count = rf"(?:(?:[{_NUMERAL}]+多?(?:家|个|户)|一批)[\u4e00-\u9fff]{{0,4}}?|[\u4e00-\u9fff]{{0,2}}?)"
    pattern = re.compile(
        rf"((?:[\u4e00-\u9fffA-Za-z]{{2,10}}、)+[\u4e00-\u9fffA-Za-z]{{2,10}})等{count}(?:{heads})"
    )
    typed = [
        w
        for t in ("Park", "Enterprise", "Organization", "Committee", "Branch")
        for w in lex.org_words.get(t, ())
    ]
    out = []
    for si, sent in enumerate(sentences):
        for m in pattern.finditer(sent.text):
            if any(word in m.group(0)[len(m.group(1)) :] for word in ("各类", "各种", "多种", "各")):
                continue
            start = scan_list_start(sent.text, m.end(1), lex)
            pos = start
            for item in sent.text[start : m.end(1)].split("、"):
                item_start, pos = pos, pos + len(item) + 1
                if 2 <= len(item) <= 8 and not item.endswith(tuple(typed)):
                    begin = sent.start + item_start
                    out.append(Mention(begin, begin + len(item), "Enterprise", item, si))
    return out


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
            if 2 <= len(name) <= 8 and not name.endswith(unit_words) and name not in lex.member_words:
                out.append(Mention(sent.start + start, sent.start + m.start(), "Enterprise", name, si))
    return out


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
