"""Steps that read relations: posts from titles, structure from trigger words and chains of duties,
adopted practices, and where units lie."""

from __future__ import annotations

from collections.abc import Sequence

from parkgraph.loaders.draft import Draft, Ref, by_sentence
from parkgraph.loaders.mentions import Mention, is_name_char
from parkgraph.loaders.names import PARTY_TYPES, region_level

CLAUSE_BREAKS = "，,；;。！？!?：:"
ACTOR_TYPES = ("Committee", "Organization", "Park", "Region")


class PostStep:
    """`<organization><title>、<title> <name>`: the person holds each post in that organization."""

    def __call__(self, draft: Draft) -> None:
        lex = draft.lex
        orgs = by_sentence(m for m in draft.mentions if m.type not in ("Person", "Practice"))
        for person in (m for m in draft.mentions if m.type == "Person"):
            holder = _holder(orgs[person.sentence], person, draft.text)
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
        mentions = by_sentence(m for m in draft.mentions if m.type not in ("Person", "Practice"))
        for si, sent in enumerate(draft.sentences):
            in_sent = mentions[si]
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
                and region_level(m.name, lex) < region_level(draft.main_region, lex)
            ):
                draft.add_link("LOCATED_IN", ref, ("Region", draft.main_region), m.sentence, 0.5)
                placed.add(ref)


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
        for p in (m for m in draft.mentions if m.type == "Practice"):
            subject = _subject(draft, p, mentions[p.sentence])
            head = (subject.type, subject.name) if subject else actor
            if head:
                draft.add_link("ADOPTS", head, ("Practice", p.name), p.sentence, 0.6 if subject else 0.4)


def _subject(draft: Draft, practice: Mention, in_sentence: Sequence[Mention]) -> Mention | None:
    """The sentence's subject before the practice: its first region, park or committee.

    Other bodies named before a practice are usually objects (`成立…协会,抓实“…”`), so an
    Organization counts only when it opens the sentence.
    """
    sentence = draft.sentences[practice.sentence]
    for m in sorted(in_sentence, key=lambda m: m.start):
        if m.end > practice.start or m.type not in ACTOR_TYPES:
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
