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


def _score_document(source: str, gold: dict, predicted: dict | None, scores: Scores) -> None:
    gents, pents = gold.get("entities", []), (predicted or {}).get("entities", [])
    emap = _match_entities(gents, pents)
    for pi, pe in enumerate(pents):
        tally = scores.entities.setdefault(pe.get("type", "?"), Tally())
        if pi in emap:
            tally.tp += 1
        else:
            tally.fp += 1
            scores.misses.append(Miss(source, "false entity", f"{pe.get('type')} {pe.get('name')}"))
    for gi, ge in enumerate(gents):
        if gi not in emap.values():
            scores.entities.setdefault(ge["type"], Tally()).fn += 1
            scores.misses.append(Miss(source, "missed entity", f"{ge['type']} {ge['name']}"))
    wanted: Counter[tuple[int | None, str, int | None]] = Counter(
        (_gold_index(gents, r["head"]), r["type"], _gold_index(gents, r["tail"]))
        for r in gold.get("relations", [])
    )
    ids = {pe.get("id"): pi for pi, pe in enumerate(pents)}
    seen = set()
    for r in (predicted or {}).get("relations", []):
        hp, tp = ids.get(r.get("head")), ids.get(r.get("tail"))
        key = (
            emap.get(hp) if hp is not None else None,
            r.get("type", "?"),
            emap.get(tp) if tp is not None else None,
        )
        if key in seen:
            continue
        seen.add(key)
        tally = scores.relations.setdefault(key[1], Tally())
        if None not in (key[0], key[2]) and wanted.get(key, 0) > 0:
            tally.tp += 1
            wanted[key] -= 1
        else:
            tally.fp += 1
            head = pents[hp].get("name") if hp is not None else r.get("head")
            tail = pents[tp].get("name") if tp is not None else r.get("tail")
            scores.misses.append(Miss(source, "false relation", f"{head} {key[1]} {tail}"))
    for (h, type_, t), n in wanted.items():
        for _ in range(n):
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
