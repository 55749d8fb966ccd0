"""Scoring extraction against gold annotations, by SCHEMA.md's rules.

The same rules as the project's shared scorer, so analysts can measure the
extractor on their own annotated documents (`parkgraph eval`): names are
compared after traditional → simplified conversion with quotes, brackets and
spaces removed; an entity matches a gold entity of the same document and type
when a name or alias is shared (a Practice also when one name contains the
other and the shorter has at least four characters); a relation matches a
gold relation of the same type whose head and tail match; titles are not
scored; repeated predictions of one triple count once.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from parkgraph.graph.facts import DocumentFacts
from parkgraph.loaders.normalize import to_simplified

PRACTICE_MIN_CORE = 4
_STRIP = re.compile(r"[\s\"'“”‘’「」『』《》〈〉()（）\[\]【】·・]")


class GoldError(ValueError):
    """A gold file that cannot be read."""


def norm(name: str) -> str:
    return _STRIP.sub("", to_simplified(name or ""))


def names_of(entity: Mapping) -> set[str]:
    names = {norm(entity.get("name", ""))} | {norm(a) for a in entity.get("aliases") or []}
    names.discard("")
    return names


def same_entity(type_: str, predicted: set[str], gold: set[str]) -> bool:
    if predicted & gold:
        return True
    if type_ != "Practice":
        return False
    for a in predicted:
        for b in gold:
            short, long_ = sorted((a, b), key=len)
            if len(short) >= PRACTICE_MIN_CORE and short in long_:
                return True
    return False


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Tally) -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn


@dataclass(frozen=True)
class Miss:
    """One false hit or miss, for `--details`."""

    source: str
    kind: str
    text: str


@dataclass
class Scores:
    entities: dict[str, Tally] = field(default_factory=dict)
    relations: dict[str, Tally] = field(default_factory=dict)
    misses: list[Miss] = field(default_factory=list)
    unmatched_documents: list[str] = field(default_factory=list)

    @staticmethod
    def total(by_type: Mapping[str, Tally]) -> Tally:
        out = Tally()
        for tally in by_type.values():
            out.add(tally)
        return out


def load_gold(folder: Path) -> dict[str, dict]:
    """Gold documents by source file name (SCHEMA.md's gold format, one JSON file each)."""
    if not folder.is_dir():
        raise GoldError(f"{folder}: not a folder of gold files")
    gold = {}
    for path in sorted(folder.glob("*.json")):
        try:
            doc = json.loads(path.read_text(encoding="utf-8"))
            gold[Path(doc["source"]).name] = doc
        except (OSError, UnicodeDecodeError, json.JSONDecodeError, KeyError, TypeError) as exc:
            raise GoldError(f"{path.name}: not a gold file ({exc})") from exc
    if not gold:
        raise GoldError(f"{folder}: holds no gold .json files")
    return gold


def load_gold_folders(folders: Iterable[Path]) -> dict[str, dict]:
    """Gold documents of several folders; one source annotated in two folders is an error."""
    gold: dict[str, dict] = {}
    for folder in folders:
        for source, doc in load_gold(folder).items():
            if source in gold:
                raise GoldError(f"{source}: annotated in more than one gold folder")
            gold[source] = doc
    return gold


def _match_entities(gold: list[dict], predicted: list[dict]) -> dict[int, int]:
    """Greedy one-to-one matching, exact names first: predicted index → gold index."""
    mapping: dict[int, int] = {}
    used: set[int] = set()
    for exact in (True, False):
        for pi, pe in enumerate(predicted):
            if pi in mapping:
                continue
            pn = names_of(pe)
            for gi, ge in enumerate(gold):
                if gi in used or ge["type"] != pe.get("type"):
                    continue
                gn = names_of(ge)
                if (pn & gn) if exact else same_entity(ge["type"], pn, gn):
                    mapping[pi] = gi
                    used.add(gi)
                    break
    return mapping


def _gold_index(gold: list[dict], name: str) -> int | None:
    n = norm(name)
    return next((gi for gi, ge in enumerate(gold) if n in names_of(ge)), None)


@dataclass
class DocumentMatch:
    """How one document's predictions meet its gold, by SCHEMA.md's rule.

    What scoring tallies, and what the fact filter learns from: whether each predicted
    entity and relation is right.
    """

    entity_gold: dict[int, int]
    """predicted entity index → the gold entity index it matched"""
    relation_hits: list[bool | None]
    """per predicted relation: matched gold, false, or None when it repeats an earlier triple"""
    missed_relations: list[tuple[int | None, str, int | None]]
    """gold relations no prediction matched, as (gold head index, type, gold tail index)"""
    gold_relations: frozenset[tuple[int | None, str, int | None]]
    """every gold relation, the same way: what a relation the rules did not state is checked against"""


def match_document(gold: Mapping, predicted: Mapping | None) -> DocumentMatch:
    """Pair one document's predicted entities and relations with its gold (both SCHEMA.md dicts)."""
    gents, pents = gold.get("entities", []), (predicted or {}).get("entities", [])
    emap = _match_entities(gents, pents)
    wanted: Counter[tuple[int | None, str, int | None]] = Counter(
        (_gold_index(gents, r["head"]), r["type"], _gold_index(gents, r["tail"]))
        for r in gold.get("relations", [])
    )
    ids = {pe.get("id"): pi for pi, pe in enumerate(pents)}
    seen = set()
    hits: list[bool | None] = []
    for r in (predicted or {}).get("relations", []):
        key = _relation_key(r, ids, emap)
        if key in seen:
            hits.append(None)
            continue
        seen.add(key)
        hit = None not in (key[0], key[2]) and wanted.get(key, 0) > 0
        if hit:
            wanted[key] -= 1
        hits.append(hit)
    missed = [key for key, n in wanted.items() for _ in range(n)]
    return DocumentMatch(
        entity_gold=emap, relation_hits=hits, missed_relations=missed, gold_relations=frozenset(wanted)
    )


def _relation_key(
    relation: Mapping, ids: Mapping[str, int], emap: Mapping[int, int]
) -> tuple[int | None, str, int | None]:
    hp, tp = ids.get(relation.get("head")), ids.get(relation.get("tail"))
    return (
        emap.get(hp) if hp is not None else None,
        relation.get("type", "?"),
        emap.get(tp) if tp is not None else None,
    )


def _score_document(source: str, gold: dict, predicted: dict | None, scores: Scores) -> None:
    gents, pents = gold.get("entities", []), (predicted or {}).get("entities", [])
    match = match_document(gold, predicted)
    for pi, pe in enumerate(pents):
        tally = scores.entities.setdefault(pe.get("type", "?"), Tally())
        if pi in match.entity_gold:
            tally.tp += 1
        else:
            tally.fp += 1
            scores.misses.append(Miss(source, "false entity", f"{pe.get('type')} {pe.get('name')}"))
    matched = set(match.entity_gold.values())
    for gi, ge in enumerate(gents):
        if gi not in matched:
            scores.entities.setdefault(ge["type"], Tally()).fn += 1
            scores.misses.append(Miss(source, "missed entity", f"{ge['type']} {ge['name']}"))
    names = {pe.get("id"): pe.get("name") for pe in pents}
    for r, hit in zip((predicted or {}).get("relations", []), match.relation_hits, strict=True):
        if hit is None:
            continue
        tally = scores.relations.setdefault(r.get("type", "?"), Tally())
        if hit:
            tally.tp += 1
        else:
            tally.fp += 1
            head, tail = names.get(r.get("head"), r.get("head")), names.get(r.get("tail"), r.get("tail"))
            scores.misses.append(Miss(source, "false relation", f"{head} {r.get('type', '?')} {tail}"))
    for h, type_, t in match.missed_relations:
        scores.relations.setdefault(type_, Tally()).fn += 1
        head = gents[h]["name"] if h is not None else "?"
        tail = gents[t]["name"] if t is not None else "?"
        scores.misses.append(Miss(source, "missed relation", f"{head} {type_} {tail}"))


def score(gold: Mapping[str, dict], predictions: Iterable[DocumentFacts | dict]) -> Scores:
    """Micro-averaged scores of predictions against gold documents, paired by source file name."""
    by_source = {}
    for p in predictions:
        doc = p.interchange() if isinstance(p, DocumentFacts) else p
        by_source[Path(doc.get("document", {}).get("source", "")).name] = doc
    scores = Scores()
    for source, doc in gold.items():
        if source not in by_source:
            scores.unmatched_documents.append(source)
        _score_document(source, doc, by_source.get(source), scores)
    return scores
