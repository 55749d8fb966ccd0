"""Suggested merges: held entities that are likely one unit under two names, for an analyst to confirm.

Load-time resolution (`resolve`) merges only on an exact specific name, so a unit the extractor
read two ways (`隆尧县小孟村合作社` and `隆尧县小孟农产品种植专业合作社`, `松江园区` and
`临港松江科技城园区`) stays two nodes. Suggestions rank such pairs by what an analyst would weigh:
names that share most of their characters in order, both read from one document (one article
seldom names two different units so alike), and neighbours in common. They follow resolution's
rule on places: units placed in different regions are never suggested, and neither is a unit
and the body or part named after it (`海淀区委` and `海淀区委海淀园工委`), or two entities a
relation already ties.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass
from itertools import combinations

from rapidfuzz.distance import LCSseq

from parkgraph.graph.model import Entity
from parkgraph.graph.search import search_form
from parkgraph.graph.store import Store
from parkgraph.loaders.lexicon import Lexicon, load_lexicon
from parkgraph.loaders.names import region_prefix
from parkgraph.loaders.resolve import held_place, is_specific, same_place

TYPES = ("Park", "Committee", "Branch", "Enterprise", "Organization", "Practice")
"""Types whose units the extractor may split; people and regions are matched by their full names."""
COMMON_SHARE = 0.02
"""A character pair in more than this share of a type's names (`园区`, `党委`) does not bring two
names together by itself."""
MIN_LIKENESS = 0.6
"""The least likeness of two names (`_likeness`) for a pair to be suggested."""
MIN_CORE = 2
"""A shorter name must keep this many characters besides its kind word to count."""
MIN_SPELLED = 4
"""A name that misses a character of the other must keep this many besides its kind word
(`微课堂` and `云课堂` are two things)."""
MAX_KIND = 6
CONTAINED = 0.9
"""The likeness of a name found whole in a longer one: below two spellings of one name."""
_QUOTES = re.compile(r"[“”\"'‘’「」《》()（）\s]")
_COUNTED = re.compile(r"[0-9a-z一二三四五六七八九十百]")
NAME_WEIGHT = 0.6
SAME_DOCUMENT = 0.25
SHARED_NEIGHBOURS = 0.15
SAME_PREFIX = 0.1
"""What each kind of evidence adds to a suggestion's score: its names' likeness (weighted), both read
from one document, its neighbours in common (by share), both names opening with one region."""


@dataclass(frozen=True)
class Suggestion:
    """Two entities that may be one, the one to keep first, with the reasons, for a person to judge."""

    keep: Entity
    other: Entity
    score: float
    evidence: tuple[str, ...]


def suggest_merges(
    store: Store,
    rejected: Collection[frozenset[str]] = (),
    limit: int = 20,
    lex: Lexicon | None = None,
) -> list[Suggestion]:
    """The likeliest duplicate pairs in `store`, best first, leaving out pairs an analyst `rejected`."""
    lex = lex or load_lexicon()
    found = [
        suggestion
        for type_ in TYPES
        for suggestion in _suggestions(store, [e for e in store.iter_entities() if e.type == type_], lex)
        if frozenset((suggestion.keep.id, suggestion.other.id)) not in rejected
    ]
    found.sort(key=lambda s: (-s.score, s.keep.name, s.other.name))
    return found[:limit]


def _suggestions(store: Store, entities: list[Entity], lex: Lexicon) -> Iterator[Suggestion]:
    by_id = {entity.id: entity for entity in entities}
    for a, b in _candidates(entities, lex):
        if suggestion := _judged(store, by_id[a], by_id[b], lex):
            yield suggestion


def _names(entity: Entity) -> list[str]:
    return list(dict.fromkeys(search_form(n) for n in (entity.name, *entity.aliases) if n))


def _candidates(entities: list[Entity], lex: Lexicon) -> set[tuple[str, str]]:
    """Pairs that share an uncommon character pair in a specific name, or a document: the only pairs
    worth judging, found without comparing every entity with every other."""
    pairs: dict[str, set[str]] = defaultdict(set)
    for entity in entities:
        for name in _names(entity):
            if is_specific(name, entity.type, lex):
                pairs[entity.id] |= {name[i : i + 2] for i in range(len(name) - 1)}
    counts = Counter(pair for found in pairs.values() for pair in found)
    common = max(2, int(COMMON_SHARE * len(entities)))
    holders: dict[str, list[str]] = defaultdict(list)
    for entity_id, found in pairs.items():
        for pair in found:
            if counts[pair] <= common:
                holders[pair].append(entity_id)
    for entity in entities:
        for document in entity.documents:
            holders["doc:" + document].append(entity.id)
    return {tuple(sorted(pair)) for ids in holders.values() for pair in combinations(sorted(set(ids)), 2)}


def _specific(entity: Entity, lex: Lexicon) -> list[str]:
    return [n for n in _names(entity) if is_specific(n, entity.type, lex)]


def _cores(name: str, type_: str, lex: Lexicon) -> list[tuple[str, str]]:
    """A name without quotes split before the shortest kind word that ends it, then the rest split
    again while a kind word ends it (`成都彩虹电器集团公司` → (`成都彩虹电器集团`, `公司`),
    (`成都彩虹电器`, `集团`)), so two names are compared on what tells units apart, whatever kind
    words a longer spelling adds."""
    core = _QUOTES.sub("", name)
    words = lex.org_words.get(type_, ())
    found = []
    while True:
        kind = next((core[-n:] for n in range(1, min(len(core), MAX_KIND + 1)) if core[-n:] in words), "")
        found.append((core[: len(core) - len(kind)].removesuffix("党"), kind))
        if not kind:
            return found
        core = found[-1][0]


def _likeness(x: str, y: str, type_: str, lex: Lexicon) -> float:
    """How surely two names name one unit, 0 when they cannot.

    Their kinds must agree (`党委` is not `区委`; a longer spelling may add kind words: `集团公司`
    and `集团`); then the shorter core counts if found whole in the other with words before it
    (`松江园区` in `临港松江科技城园区`), or in order with one character missing, not its first
    (`小孟村合作社` in `小孟农产品种植专业合作社`, but not `伞业协会` in `袜业协会`). It does not count with
    words only after it (a part or body named after the unit: `江高镇党委`, `江高镇产业链党委`), nor
    when it differs in a number or a letter (`T2楼宇党支部`, `T3楼宇党支部`): siblings of a list."""
    (cx, kx), *more_x = _cores(x, type_, lex)
    (cy, ky), *more_y = _cores(y, type_, lex)
    if kx != ky:
        cx, cy = next(((c, cy) for c, k in more_x if k and k == ky), None) or next(
            ((cx, c) for c, k in more_y if k and k == kx), ("", "")
        )
        if not cx or not cy:
            return 0.0
    short, long = sorted((cx, cy), key=len)
    if short == long:
        return 1.0
    if len(short) < MIN_CORE or long.startswith(short):
        return 0.0
    if short in long:
        return CONTAINED
    lcs = LCSseq.similarity(short, long)
    if len(short) < MIN_SPELLED or lcs < len(short) - 1 or short[0] not in long:
        return 0.0
    missing = [c for c in short if c not in long]
    return 0.0 if any(_COUNTED.match(c) for c in missing) else CONTAINED * lcs / len(short)


def _alike(a: Entity, b: Entity, lex: Lexicon) -> tuple[float, str, str]:
    """The likeness of the likest pair of their specific names, and that pair."""
    pairs = [(_likeness(x, y, a.type, lex), x, y) for x in _specific(a, lex) for y in _specific(b, lex)]
    return max(pairs, default=(0.0, a.name, b.name))


def _judged(store: Store, a: Entity, b: Entity, lex: Lexicon) -> Suggestion | None:
    likeness, x, y = _alike(a, b, lex)
    if likeness < MIN_LIKENESS or _tied(store, a, b):
        return None
    if not same_place(held_place(store, a, lex), held_place(store, b, lex), lex):
        return None
    evidence = [f"names alike: {x} / {y}"]
    score = NAME_WEIGHT * likeness
    if common_places := sorted(set(region_prefix(x, lex)[0]) & set(region_prefix(y, lex)[0])):
        score += SAME_PREFIX
        evidence.append(f"both named with {'、'.join(common_places)}")
    if shared := sorted(set(a.documents) & set(b.documents)):
        score += SAME_DOCUMENT
        evidence.append(f"both read from {', '.join(_sources(store, shared))}")
    near_a, near_b = _neighbours(store, a), _neighbours(store, b)
    if common := near_a.keys() & near_b.keys():
        score += SHARED_NEIGHBOURS * len(common) / len(near_a.keys() | near_b.keys())
        evidence.append(f"neighbours in common: {', '.join(sorted(near_a[k] for k in common))}")
    keep, other = sorted((a, b), key=lambda e: (-len(e.documents), -len(e.name), e.id))
    return Suggestion(keep=keep, other=other, score=round(score, 3), evidence=tuple(evidence))


def _tied(store: Store, a: Entity, b: Entity) -> bool:
    return any(n.entity.id == b.id for n in store.neighbours(a.id))


def _neighbours(store: Store, entity: Entity) -> dict[str, str]:
    return {n.entity.id: n.entity.name for n in store.neighbours(entity.id)}


def _sources(store: Store, documents: Iterable[str]) -> list[str]:
    return [(info.source if (info := store.document(d)) else d) for d in documents]
