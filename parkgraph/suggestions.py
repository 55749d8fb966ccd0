"""Suggested merges: pairs of entities that are likely one unit, ranked, each with its evidence.

Two entities of one type are a candidate when their names are alike once the regions they start with
are left out, or one name contains the other (which names a unit, not a kind of unit), and their
places agree. Neighbours they share raise a candidate's rank. The analyst accepts one with
`curate merge` and rejects it with `curate reject`, which the log remembers, so it is not suggested
again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import combinations

from parkgraph.graph.corrections import Correction, in_force
from parkgraph.graph.model import Entity
from parkgraph.graph.search import search_form
from parkgraph.graph.store import Store
from parkgraph.loaders.lexicon import Lexicon
from parkgraph.loaders.names import region_prefix
from parkgraph.loaders.resolve import is_specific

SKIPPED_TYPES = ("Region", "Person")
"""Regions come from a gazetteer and people are keyed by their full name: neither splits by spelling."""
ALIKE, CONTAINED, SHARED = 3.0, 2.0, 1.0
"""What each kind of evidence adds to a suggestion's score (shared neighbours: each, up to three)."""


@dataclass
class Suggestion:
    keep: Entity
    other: Entity
    score: float
    evidence: list[str] = field(default_factory=list)


def _reading(entity: Entity, lex: Lexicon) -> tuple[set[str], str]:
    """An entity's regions and its name without them, in search form."""
    regions, rest = region_prefix(entity.name, lex)
    return set(regions), search_form(rest)


def _kept_first(a: Entity, b: Entity) -> tuple[Entity, Entity]:
    """The one mentioned by more documents is kept, then the one with the longer name."""
    rank = sorted((a, b), key=lambda e: (-len(e.documents), -len(e.name), e.id))
    return rank[0], rank[1]


def rejected(log: Sequence[Correction]) -> set[frozenset[str]]:
    """The pairs an analyst said are not one entity, and those already merged."""
    return {frozenset((c.entity, c.other)) for c in log if c.kind == "reject"} | {
        frozenset((c.entity, c.other)) for c in in_force(log) if c.kind == "merge"
    }


def suggest(store: Store, lex: Lexicon, limit: int = 20) -> list[Suggestion]:
    """The likeliest duplicates, best first."""
    refused = rejected(store.corrections())
    by_type: dict[str, list[Entity]] = {}
    for entity in store.iter_entities():
        if entity.type not in SKIPPED_TYPES:
            by_type.setdefault(entity.type, []).append(entity)
    found: list[Suggestion] = []
    for entities in by_type.values():
        readings = {entity.id: _reading(entity, lex) for entity in entities}
        for a, b in combinations(entities, 2):
            if frozenset((a.id, b.id)) in refused:
                continue
            suggestion = _named_alike(a, b, readings, lex)
            if suggestion is not None:
                found.append(suggestion)
    for suggestion in found:
        _add_shared_neighbours(store, suggestion)
    found.sort(key=lambda s: (-s.score, s.keep.id, s.other.id))
    return found[:limit]


def _named_alike(
    a: Entity, b: Entity, readings: dict[str, tuple[set[str], str]], lex: Lexicon
) -> Suggestion | None:
    """Names alike once the regions they start with are left out, or one name inside the other."""
    (places_a, core_a), (places_b, core_b) = readings[a.id], readings[b.id]
    if places_a and places_b and not places_a & places_b:
        return None
    keep, other = _kept_first(a, b)
    if core_a == core_b and is_specific(core_a, a.type, lex):
        return Suggestion(keep, other, ALIKE, [f"the names are alike once the place is left out: {core_a}"])
    shorter, longer = sorted((a.name, b.name), key=len)
    inner, outer = search_form(shorter), search_form(longer)
    if is_specific(shorter, a.type, lex) and inner in outer and not _unit_after(inner, outer, a.type, lex):
        return Suggestion(keep, other, CONTAINED, [f"{shorter!r} is part of {longer!r}"])
    return None


def _unit_after(inner: str, outer: str, type_: str, lex: Lexicon) -> bool:
    """Whether `outer` goes on past `inner` to a unit of its own: 阜康市委|两新工委, 奇瑞汽车|大连分公司
    (a kind word that only lengthens `inner`'s, 彩虹电器集团|公司, makes no other unit)."""
    rest = outer[outer.index(inner) + len(inner) :]
    words = lex.org_words.get(type_, ())
    if not rest or not any(rest.endswith(word) for word in words):
        return False
    ending = next((word for word in words if inner.endswith(word)), "")
    return ending + rest not in words


def _add_shared_neighbours(store: Store, suggestion: Suggestion) -> None:
    near = [
        {n.entity.id: n.entity.name for n in store.neighbours(e.id)}
        for e in (suggestion.keep, suggestion.other)
    ]
    shared = sorted(near[0].keys() & near[1].keys())
    if shared:
        suggestion.score += SHARED * min(len(shared), 3)
        names = "、".join(near[0][key] for key in shared[:5])
        suggestion.evidence.append(f"{len(shared)} shared neighbours: {names}")
