"""The fact filter: a learned last step that drops the rule extractor's unlikely facts and adds
the relations it trusts between entities the rules found.

Two logistic models, one over entities and one over relations, score each predicted fact
from general features (`features.py`); facts scoring under their threshold are dropped, and
an entity's relations go with it. A third, when the model has one, scores the pairs the rules
named in one sentence but did not relate (`proposals.py`) and adds those over its threshold. A
model is a small JSON file (weights by feature name, intercept, threshold), so applying it is a
dot product and needs no machine-learning library; `parkgraph train` makes one (`training.py`).

parkgraph ships a model (`fact_filter.json`, trained on the bundled annotated documents by
`parkgraph train corpus/seeds corpus/dev2 --gold corpus/gold/dev --gold corpus/gold/dev2
-o loaders/fact_filter.json`) and applies it unless `PARKGRAPH_MODEL` names another file or
`none`. Its filtering scorers change held-out F1 by under a point. Its proposals are for documents
the rules read poorly: training adds them only when they raise relation F1 on its documents, which
on the bundled ones, written on by the rules, they do not (docs/extraction.md).
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from parkgraph.graph.facts import DocumentFacts, RelationFact
from parkgraph.loaders.features import Features, entity_features, relation_features
from parkgraph.loaders.lexicon import Lexicon, LexiconError
from parkgraph.loaders.proposals import Proposal
from parkgraph.loaders.proposals import proposals as find_proposals

MODEL_ENV = "PARKGRAPH_MODEL"
MODEL_FORMAT = "parkgraph-fact-filter/1"
NO_MODEL = "none"
SHIPPED_MODEL = Path(__file__).with_name("fact_filter.json")


class ModelError(LexiconError):
    """A fact-filter model file that cannot be read.

    A kind of `LexiconError` because, like a lexicon, it is a resource the user gives the
    extractor: every place that reports a bad lexicon reports a bad model the same way.
    """


@dataclass(frozen=True)
class Scorer:
    """One logistic model: P(correct) = σ(intercept + Σ weight·feature); keep when ≥ threshold."""

    weights: Mapping[str, float]
    intercept: float
    threshold: float

    def probability(self, features: Features) -> float:
        z = self.intercept + sum(self.weights.get(k, 0.0) * v for k, v in features.items())
        return 1.0 / (1.0 + math.exp(-z)) if z >= 0 else math.exp(z) / (1.0 + math.exp(z))

    def keeps(self, features: Features) -> bool:
        return self.probability(features) >= self.threshold

    @property
    def keeps_all(self) -> bool:
        """Whether every fact passes (a threshold no probability is under), so none need be weighed:
        training sets one where dropping facts does not help."""
        return self.threshold <= 0.0

    @property
    def keeps_none(self) -> bool:
        """Whether no fact passes (a threshold no probability reaches, as training sets for proposals
        that add nothing), so finding them is work for nothing."""
        return self.threshold > 1.0

    def to_json(self) -> dict:
        return {
            "intercept": self.intercept,
            "threshold": self.threshold,
            "weights": dict(sorted(self.weights.items())),
        }

    @classmethod
    def from_json(cls, data: Mapping) -> Scorer:
        return cls(
            weights={str(k): float(v) for k, v in data["weights"].items()},
            intercept=float(data["intercept"]),
            threshold=float(data["threshold"]),
        )


@dataclass(frozen=True)
class FactFilter:
    """The entity and relation scorers, the proposal scorer if any, and what they were trained on."""

    entities: Scorer
    relations: Scorer
    trained_on: Mapping[str, object]
    proposals: Scorer | None = None

    def apply(self, facts: DocumentFacts, lex: Lexicon) -> DocumentFacts:
        """`facts` without the entities and relations the model does not trust, and with the
        relations it proposes between the entities it keeps."""
        if self.entities.keeps_all:
            kept = {e.id for e in facts.entities}
        else:
            features = entity_features(facts, lex)
            kept = {e.id for e, f in zip(facts.entities, features, strict=True) if self.entities.keeps(f)}
        trusted = facts.relations
        if not self.relations.keeps_all:
            weighed = zip(facts.relations, relation_features(facts, lex), strict=True)
            trusted = [r for r, f in weighed if self.relations.keeps(f)]
        relations = [r for r in trusted if r.head in kept and r.tail in kept]
        relations += self._proposed(facts, lex, kept)
        return facts.model_copy(
            update={"entities": [e for e in facts.entities if e.id in kept], "relations": relations}
        )

    def _proposed(self, facts: DocumentFacts, lex: Lexicon, kept: set[str]) -> list[RelationFact]:
        """The proposals over the threshold, each pair and type once (its likeliest sentence)."""
        if self.proposals is None or self.proposals.keeps_none:
            return []
        best: dict[tuple[str, str, str], tuple[float, Proposal]] = {}
        for p in find_proposals(facts, lex):
            if p.head not in kept or p.tail not in kept:
                continue
            chance = self.proposals.probability(p.features)
            key = (p.type, p.head, p.tail)
            if chance >= self.proposals.threshold and chance > best.get(key, (-1.0, p))[0]:
                best[key] = (chance, p)
        return [p.relation(chance) for chance, p in best.values()]

    def to_json(self) -> str:
        """The model file's text: sorted keys and rounded numbers, so one training gives one file."""
        data = {
            "format": MODEL_FORMAT,
            "trained_on": self.trained_on,
            "entities": self.entities.to_json(),
            "relations": self.relations.to_json(),
        }
        if self.proposals is not None:
            data["proposals"] = self.proposals.to_json()
        return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"

    @classmethod
    def from_json(cls, text: str) -> FactFilter:
        data = json.loads(text)
        if data.get("format") != MODEL_FORMAT:
            raise ValueError(f"format is {data.get('format')!r}, not {MODEL_FORMAT!r}")
        return cls(
            entities=Scorer.from_json(data["entities"]),
            relations=Scorer.from_json(data["relations"]),
            trained_on=data.get("trained_on", {}),
            proposals=Scorer.from_json(data["proposals"]) if "proposals" in data else None,
        )


def read_filter(path: Path) -> FactFilter:
    try:
        return FactFilter.from_json(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise ModelError(f"cannot read fact-filter model {path}: {exc}") from exc


def load_filter(model: str | None = None) -> FactFilter | None:
    """The fact filter to apply: `model` (default: $PARKGRAPH_MODEL, else the shipped one); None, the
    rules alone, when it is `none`."""
    model = model if model is not None else os.environ.get(MODEL_ENV)
    if model and model.lower() == NO_MODEL:
        return None
    return read_filter(Path(model) if model else SHIPPED_MODEL)
