"""Working groups and their members by role: `关于成立甲领导小组的通知`, then `组长:乙` lines; so too the
Party body a notice forms (`关于成立甲联合党委的通知`, then `书记:乙`, `委员:丙、丁`).

A notice that forms a leading or working group lists its members by their role in it, one label a line
(`组  长:甲乙  开发区党工委书记`, `成  员:丙丁 …` with more members on the lines below), or in a
table's role column (`| 组长 | 甲乙 | … |`, read by `tables.py`). The role is a post in the group: the
one group the document names, when it names exactly one.
"""

from __future__ import annotations

import re

from parkgraph.loaders.draft import Draft, Link, allowed_links
from parkgraph.loaders.mentions import Mention

GROUP_WORDS = ("领导小组", "工作小组")
ROLES = ("常务副组长", "副组长", "组长", "成员", "副书记", "书记", "委员")
"""A member's role in a group (or in the Party body a notice forms), as a post title; the longest first,
so `副组长` is not read as `组长`."""
_LABEL = re.compile(r"^[ \t\u3000]*(?P<role>(?:[常务副组长成员书记委][ \t\u3000]*){2,5})[:：]", re.MULTILINE)
_SPACE = re.compile(r"[ \t\u3000]+")
CONFIDENCE = 0.8


def role(written: str) -> str | None:
    """The role a label or cell writes (`组  长` → 组长), or none."""
    squeezed = _SPACE.sub("", written)
    return squeezed if squeezed in ROLES else None


def document_group(draft: Draft) -> Mention | None:
    """The one working group the document names (its first mention), or none when it names more; in a
    document naming none, the body its title says is formed (`关于成立甲联合党委的通知`)."""
    groups = [m for m in draft.mentions if m.type == "Organization" and m.name.endswith(GROUP_WORDS)]
    if groups:
        return groups[0] if len({m.name for m in groups}) == 1 else None
    return formed_in_title(draft)


_FORMING = re.compile(r"(?:成立|组建|设立)(?:中共)?$")
_FORMED_TYPES = ("Committee", "Branch", "Organization")


def formed_in_title(draft: Draft) -> Mention | None:
    """The body the document's title says is formed (`关于成立甲联合党委的通知`, `甲开发区成立乙党委`)."""
    if not draft.sentences:
        return None
    title = draft.sentences[0]
    return next(
        (
            m
            for m in sorted(draft.mentions, key=lambda m: m.start)
            if m.sentence == 0
            and m.type in _FORMED_TYPES
            and _FORMING.search(draft.text, title.start, m.start)
        ),
        None,
    )


class GroupPostStep:
    """`组长:甲乙`, `成员:丙丁` and the members on the lines below: each holds the role in the group."""

    def __call__(self, draft: Draft) -> list[Link]:
        group = document_group(draft)
        if group is None:
            return []
        people = sorted((m for m in draft.mentions if m.type == "Person"), key=lambda m: m.start)
        links = []
        for start, end, title in _labelled_lines(draft.text):
            for person in (p for p in people if start <= p.start and p.end <= end):
                ends = (person.type, person.name), (group.type, group.name)
                links.append(Link("HOLDS_POST", *ends, person.sentence, CONFIDENCE, title))
        return allowed_links(draft.lex, links)


def _labelled_lines(text: str) -> list[tuple[int, int, str]]:
    """(start, end, role) of each line a role label opens, and of the lines after it that go on with its
    members (no label of their own, no sentence end), up to a blank line."""
    out = []
    for label in _LABEL.finditer(text):
        title = role(label.group("role"))
        if title is None:
            continue
        start = label.end()
        while True:
            end = text.find("\n", start)
            end = len(text) if end < 0 else end
            out.append((start, end, title))
            nxt = end + 1
            line = text[nxt : text.find("\n", nxt) if text.find("\n", nxt) >= 0 else len(text)]
            if nxt >= len(text) or not line.strip() or _LABEL.match(line) or "。" in line:
                break
            start = nxt
    return out
