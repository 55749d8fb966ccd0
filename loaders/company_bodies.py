"""Party bodies a sentence says companies formed, though it never writes their names.

`甲公司和乙公司先后建立党支部`, `依托甲公司、乙公司等企业建立了5个企业党支部`: each company of the list
now has a branch, which gold annotation names after it (`甲公司党支部`). The step names those bodies
before the structure finders run, so a later sentence's `两家企业党支部均隶属丙党总支` finds them.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from parkgraph.loaders.draft import Draft, Edit, Link, allowed_links, by_sentence
from parkgraph.loaders.mentions import Mention

_NUMERAL = "0-9０-９一二两三四五六七八九十百几多"
_JOINERS = ("、", "和", "与", "及", "以及")
_VERB = r"(?:成立|建立|组建|设立)(?:了|起了|起)?"
_BODY = rf"(?:[{_NUMERAL}]+个)?(?:企业|非公|非公企业)?(党支部|党总支|党委)(?![\u4e00-\u9fff])"
_FORMED = re.compile(
    rf"(?:等(?:[{_NUMERAL}]+[家个])?(?:企业|公司)?)?(?:先后|已|均|都|相继|分别|也|已经|率先)?{_VERB}{_BODY}"
)
"""After a list of companies: the verb of forming and the bare Party word, which ends the clause
(`…建立党支部,两家企业…`; not `…建立党支部书记…`)."""
_FORMING = re.compile(_VERB + _BODY)
"""The same verb and word anywhere: the sentences worth a look (most hold none)."""
_TYPE_OF = {"党支部": "Branch", "党总支": "Branch", "党委": "Committee"}


class CompanyBodyStep:
    """Name the Party body each company of a list is said to have formed."""

    def __call__(self, draft: Draft) -> Edit:
        starts = [s.start for s in draft.sentences]
        wanted = {bisect_right(starts, hit.start()) - 1 for hit in _FORMING.finditer(draft.text)}
        if not wanted:
            return Edit()
        inner = {id(part) for m in draft.mentions for _, part in m.parts}
        in_wanted = (m for m in draft.mentions if m.sentence in wanted and id(m) not in inner)
        known = {(m.type, m.name) for m in draft.mentions}
        bodies: list[Mention] = []
        links: list[Link] = []
        for mentions in by_sentence(in_wanted).values():
            for run in _company_runs(draft.text, sorted(mentions, key=lambda m: m.start)):
                formed = _FORMED.match(draft.text, run[-1].end)
                if formed is None:
                    continue
                type_ = _TYPE_OF[formed.group(1)]
                for company in run:
                    name = company.name + formed.group(1)
                    body = Mention(company.start, company.end, type_, name, company.sentence)
                    body.surface_alias = False
                    if (body.type, body.name) not in known:
                        known.add((body.type, body.name))
                        bodies.append(body)
                    head, tail = (body.type, body.name), ("Enterprise", company.name)
                    links.append(Link("PARTY_ORG_OF", head, tail, company.sentence, 0.6))
        if not links:
            return Edit()
        return Edit(mentions=[*draft.mentions, *bodies], added=allowed_links(draft.lex, links))


def _company_runs(text: str, mentions: list[Mention]) -> list[list[Mention]]:
    """The lists of companies a sentence names (`甲公司、乙公司和丙公司`), a lone company a list of one."""
    runs: list[list[Mention]] = []
    for m in mentions:
        if m.type != "Enterprise":
            if runs and runs[-1]:
                runs.append([])
            continue
        if runs and runs[-1] and text[runs[-1][-1].end : m.start] in _JOINERS:
            runs[-1].append(m)
        else:
            runs.append([m])
    return [run for run in runs if run]
