"""Training the fact filter on annotated documents, and measuring it on documents it never saw.

Labels come from SCHEMA.md's scoring rule (`evaluation.match_document`): a predicted entity
or relation of the rules is right when it matches gold. Each of the two models is scikit-learn's
logistic regression over standardized features, folded back into plain weights. Thresholds
are chosen on out-of-fold probabilities (inner cross-validation over the training documents)
to maximise entity F1 plus relation F1, counting the gold the rules never found as missed,
and with an entity's relations dropped with it; then the proposals' threshold, to maximise the
relation F1 the added ones give. Everything is seeded and ordered, so the same
documents give the same model file.
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from threadpoolctl import threadpool_limits

from parkgraph.graph.facts import DocumentFacts
from parkgraph.loaders.evaluation import DocumentMatch, Scores, match_document, score
from parkgraph.loaders.features import Features, entity_features, relation_features
from parkgraph.loaders.filter import FactFilter, Scorer
from parkgraph.loaders.lexicon import Lexicon
from parkgraph.loaders.proposals import Proposal, proposals

SEED = 0
MIN_FEATURE_COUNT = 3
"""A feature seen in fewer training facts is not learned from (too rare to say anything general)."""
MIN_PROPOSAL_DOCUMENTS = 5
"""A proposal feature (the text between two ends) seen in fewer documents is not learned from:
a stretch of one document's wording would be learned as if it were a construction."""
ADD_NONE = 1.01
"""A proposal threshold no probability reaches: the training documents say proposals add nothing."""
REGULARIZATION = 1.0
"""scikit-learn's C: smaller is stronger regularization."""
INNER_FOLDS = 5
GRID = np.round(np.arange(0.0, 1.0, 0.01), 2)
DECIMALS = 6


@dataclass(frozen=True)
class Example:
    """One annotated document: what the rules alone extracted, and its gold (SCHEMA.md dict)."""

    facts: DocumentFacts
    gold: dict

    @property
    def source(self) -> str:
        return Path(self.facts.document.source).name


@dataclass
class _Rows:
    """Labelled facts of one or more documents, one row per predicted entity or relation."""

    entities: list[Features] = field(default_factory=list)
    entity_labels: list[int] = field(default_factory=list)
    entity_docs: list[int] = field(default_factory=list)
    relations: list[Features] = field(default_factory=list)
    relation_labels: list[int] = field(default_factory=list)
    relation_docs: list[int] = field(default_factory=list)
    relation_ends: list[tuple[int, int]] = field(default_factory=list)
    """the entity rows of each relation's head and tail"""
    proposals: list[Features] = field(default_factory=list)
    proposal_labels: list[int] = field(default_factory=list)
    proposal_docs: list[int] = field(default_factory=list)
    candidates: list[Features] = field(default_factory=list)
    """the proposals the filter would weigh (pairs the rules left unrelated), to choose its threshold"""
    candidate_labels: list[int] = field(default_factory=list)
    candidate_docs: list[int] = field(default_factory=list)
    candidate_keys: list[tuple[str, str, str]] = field(default_factory=list)
    candidate_ends: list[tuple[int, int]] = field(default_factory=list)
    gold_entities: int = 0
    gold_relations: int = 0

    def extend(self, other: _Rows, document: int) -> None:
        """Append one document's rows (its entity rows renumbered after ours)."""
        offset = len(self.entities)
        self.entities += other.entities
        self.entity_labels += other.entity_labels
        self.entity_docs += [document] * len(other.entities)
        self.relations += other.relations
        self.relation_labels += other.relation_labels
        self.relation_docs += [document] * len(other.relations)
        self.relation_ends += [(h + offset, t + offset) for h, t in other.relation_ends]
        self.proposals += other.proposals
        self.proposal_labels += other.proposal_labels
        self.proposal_docs += [document] * len(other.proposals)
        self.candidates += other.candidates
        self.candidate_labels += other.candidate_labels
        self.candidate_docs += [document] * len(other.candidates)
        self.candidate_keys += other.candidate_keys
        self.candidate_ends += [(h + offset, t + offset) for h, t in other.candidate_ends]
        self.gold_entities += other.gold_entities
        self.gold_relations += other.gold_relations


def _labelled(ex: Example, lex: Lexicon) -> _Rows:
    """One document's predicted facts with their features and whether gold has them."""
    match = match_document(ex.gold, ex.facts.interchange())
    row_of = {e.id: i for i, e in enumerate(ex.facts.entities)}
    rows = _Rows(
        entities=entity_features(ex.facts, lex),
        entity_labels=[int(i in match.entity_gold) for i in range(len(ex.facts.entities))],
        gold_entities=len(ex.gold.get("entities", [])),
        gold_relations=len(ex.gold.get("relations", [])),
    )
    for r, f, hit in zip(
        ex.facts.relations, relation_features(ex.facts, lex), match.relation_hits, strict=True
    ):
        if hit is None or r.head not in row_of or r.tail not in row_of:
            continue  # a repeat is not scored again; a relation to no entity cannot be kept
        rows.relations.append(f)
        rows.relation_labels.append(int(hit))
        rows.relation_ends.append((row_of[r.head], row_of[r.tail]))
    for p in proposals(ex.facts, lex, related_too=True):
        rows.proposals.append(p.features)
        rows.proposal_labels.append(_proposal_label(p, match, row_of))
    for p in proposals(ex.facts, lex):
        rows.candidates.append(p.features)
        rows.candidate_labels.append(_proposal_label(p, match, row_of))
        rows.candidate_keys.append((p.type, p.head, p.tail))
        rows.candidate_ends.append((row_of[p.head], row_of[p.tail]))
    return rows


def _proposal_label(p: Proposal, match: DocumentMatch, row_of: Mapping[str, int]) -> int:
    """Whether gold relates the proposal's ends by its type."""
    key = (match.entity_gold.get(row_of[p.head]), p.type, match.entity_gold.get(row_of[p.tail]))
    return int(None not in (key[0], key[2]) and key in match.gold_relations)


def _combined(documents: Sequence[_Rows]) -> _Rows:
    rows = _Rows()
    for d, doc in enumerate(documents):
        rows.extend(doc, d)
    return rows


def folds(count: int, k: int) -> list[list[int]]:
    """Indices 0…count-1 (items sorted by source name) dealt round-robin into `k` folds."""
    if k < 2:
        raise ValueError("k-fold needs at least 2 folds")
    return [list(range(i, count, k)) for i in range(k)]


def _vocabulary(rows: list[Features], documents: list[int] | None = None) -> list[str]:
    """Features seen often enough: in MIN_FEATURE_COUNT rows, or, given each row's document, in
    MIN_PROPOSAL_DOCUMENTS documents."""
    if documents is None:
        seen: Counter[str] = Counter(k for f in rows for k, v in f.items() if v)
        return sorted(k for k, n in seen.items() if n >= MIN_FEATURE_COUNT)
    pairs = {(k, d) for f, d in zip(rows, documents, strict=True) for k, v in f.items() if v}
    where: Counter[str] = Counter(k for k, _ in pairs)
    return sorted(k for k, n in where.items() if n >= MIN_PROPOSAL_DOCUMENTS)


def _matrix(rows: list[Features], names: list[str]) -> np.ndarray:
    x = np.zeros((len(rows), len(names)))
    column = {n: j for j, n in enumerate(names)}
    for i, f in enumerate(rows):
        for k, v in f.items():
            if k in column:
                x[i, column[k]] = v
    return x


def _fit(rows: list[Features], labels: list[int], documents: list[int] | None = None) -> Scorer:
    """A logistic model (threshold 0: keep all) with its scaling folded into the weights."""
    y = np.array(labels)
    if len(set(labels)) < 2:  # nothing to tell apart: keep all (or, all wrong, score them low)
        return Scorer(weights={}, intercept=10.0 if not labels or labels[0] else -10.0, threshold=0.0)
    names = _vocabulary(rows, documents)
    if not names:  # too few documents to trust any feature: the base rate alone
        rate = float(y.mean())
        return Scorer(weights={}, intercept=round(math.log(rate / (1 - rate)), DECIMALS), threshold=0.0)
    x = _matrix(rows, names)
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    model = LogisticRegression(C=REGULARIZATION, max_iter=1000, random_state=SEED, solver="newton-cholesky")
    with threadpool_limits(limits=1):  # small problems: threads only contend, and change the float sums
        model.fit((x - mean) / scale, y)
    coef = model.coef_[0] / scale
    intercept = float(model.intercept_[0] - coef @ mean)
    weights = {n: round(float(w), DECIMALS) for n, w in zip(names, coef, strict=True) if round(w, DECIMALS)}
    return Scorer(weights=weights, intercept=round(intercept, DECIMALS), threshold=0.0)


def _probabilities(scorer: Scorer, rows: list[Features]) -> np.ndarray:
    return np.array([scorer.probability(f) for f in rows])


def _out_of_fold(rows: _Rows, documents: int) -> tuple[np.ndarray, np.ndarray]:
    """Each fact's probabilities from models that did not see its document."""
    pe, pr = np.zeros(len(rows.entities)), np.zeros(len(rows.relations))
    if documents < 2:
        return (
            _probabilities(_fit(rows.entities, rows.entity_labels), rows.entities),
            _probabilities(_fit(rows.relations, rows.relation_labels), rows.relations),
        )
    edocs, rdocs = np.array(rows.entity_docs), np.array(rows.relation_docs)
    for held in folds(documents, min(INNER_FOLDS, documents)):
        for p, docs, feats, labels in (
            (pe, edocs, rows.entities, rows.entity_labels),
            (pr, rdocs, rows.relations, rows.relation_labels),
        ):
            test = np.isin(docs, held)
            train = [i for i in range(len(feats)) if not test[i]]
            scorer = _fit([feats[i] for i in train], [labels[i] for i in train])
            p[test] = _probabilities(scorer, [f for f, t in zip(feats, test, strict=True) if t])
    return pe, pr


def _f1(tp: np.ndarray, kept: np.ndarray, gold: int) -> np.ndarray:
    """F1 with everything not kept right counted missed: 2·tp / (kept + gold)."""
    total = kept + gold
    return np.divide(2 * tp, total, out=np.zeros_like(total, dtype=float), where=total > 0)


def _thresholds(rows: _Rows, pe: np.ndarray, pr: np.ndarray) -> tuple[float, float]:
    """The (entity, relation) thresholds with the best entity F1 + relation F1; lowest on ties."""
    ye, yr = np.array(rows.entity_labels), np.array(rows.relation_labels)
    keep_e = pe[None, :] >= GRID[:, None]
    f1_e = _f1((keep_e * ye).sum(axis=1), keep_e.sum(axis=1), rows.gold_entities)
    ends = np.array(rows.relation_ends, dtype=int).reshape(-1, 2)
    best, choice = -1.0, (0.0, 0.0)
    keep_r = pr[None, :] >= GRID[:, None]
    for i, te in enumerate(GRID):
        alive = keep_e[i][ends[:, 0]] & keep_e[i][ends[:, 1]] if len(ends) else np.zeros(0, bool)
        kept = keep_r & alive[None, :]
        f1_r = _f1((kept * yr).sum(axis=1), kept.sum(axis=1), rows.gold_relations)
        j = int(np.argmax(np.round(f1_r, 9)))
        total = round(float(f1_e[i] + f1_r[j]), 9)
        if total > best:
            best, choice = total, (float(te), float(GRID[j]))
    return choice


def _proposal_threshold(
    rows: _Rows, documents: int, pe: np.ndarray, pr: np.ndarray, te: float, tr: float
) -> float:
    """The threshold over which proposals are added that gives the best relation F1 on the training
    documents, each proposal weighed by a model that did not see its document; on ties the higher
    (fewer added), `ADD_NONE` when adding any costs more than it brings. On the bundled documents,
    which the rules were written on, that is the answer; on annotated documents the rules read less
    well, training on them can choose to add."""
    keep_e = pe >= te
    ends = np.array(rows.relation_ends, dtype=int).reshape(-1, 2)
    kept = (pr >= tr) & keep_e[ends[:, 0]] & keep_e[ends[:, 1]] if len(ends) else np.zeros(0, bool)
    tp, count = int((kept * np.array(rows.relation_labels, dtype=int)).sum()), int(kept.sum())
    chance = _out_of_fold_proposals(rows, documents)
    best: dict[tuple[int, tuple[str, str, str]], tuple[float, int]] = {}
    for i, (h, t) in enumerate(rows.candidate_ends):
        key = (rows.candidate_docs[i], rows.candidate_keys[i])
        if keep_e[h] and keep_e[t] and chance[i] > best.get(key, (-1.0, 0))[0]:
            best[key] = (float(chance[i]), rows.candidate_labels[i])
    p = np.array([c for c, _ in best.values()])
    y = np.array([label for _, label in best.values()], dtype=int)
    grid = np.append(GRID, ADD_NONE)
    add = p[None, :] >= grid[:, None]
    f1 = np.round(_f1(tp + (add * y).sum(axis=1), count + add.sum(axis=1), rows.gold_relations), 9)
    return float(grid[np.flatnonzero(f1 == f1.max())[-1]])


def _out_of_fold_proposals(rows: _Rows, documents: int) -> np.ndarray:
    """Each candidate's probability from a proposal model trained on the other documents' pairs (with
    one document, on its own)."""
    if documents < 2:
        scorer = _fit(rows.proposals, rows.proposal_labels, rows.proposal_docs)
        return _probabilities(scorer, rows.candidates)
    chance = np.zeros(len(rows.candidates))
    pdocs, cdocs = np.array(rows.proposal_docs, dtype=int), np.array(rows.candidate_docs, dtype=int)
    for held in folds(documents, min(INNER_FOLDS, documents)):
        train = [i for i in range(len(rows.proposals)) if pdocs[i] not in held]
        test = np.isin(cdocs, held)
        scorer = _fit(
            [rows.proposals[i] for i in train],
            [rows.proposal_labels[i] for i in train],
            [rows.proposal_docs[i] for i in train],
        )
        chance[test] = _probabilities(scorer, [f for f, t in zip(rows.candidates, test, strict=True) if t])
    return chance


def train(examples: Sequence[Example], lex: Lexicon) -> FactFilter:
    """The fact filter learned from `examples` (sorted by source, so input order does not matter)."""
    examples = sorted(examples, key=lambda ex: ex.source)
    return _train(examples, [_labelled(ex, lex) for ex in examples])


def _train(examples: Sequence[Example], documents: Sequence[_Rows]) -> FactFilter:
    rows = _combined(documents)
    pe, pr = _out_of_fold(rows, len(documents))
    te, tr = _thresholds(rows, pe, pr)
    tp = _proposal_threshold(rows, len(documents), pe, pr, te, tr)
    entities, relations = _fit(rows.entities, rows.entity_labels), _fit(rows.relations, rows.relation_labels)
    proposed = _fit(rows.proposals, rows.proposal_labels, rows.proposal_docs)
    digest = hashlib.sha256("\n".join(sorted(ex.facts.document.id for ex in examples)).encode()).hexdigest()
    return FactFilter(
        entities=Scorer(entities.weights, entities.intercept, te),
        relations=Scorer(relations.weights, relations.intercept, tr),
        trained_on={
            "documents": len(examples),
            "documents_sha256": digest,
            "entities": {"right": sum(rows.entity_labels), "wrong": rows.entity_labels.count(0)},
            "relations": {"right": sum(rows.relation_labels), "wrong": rows.relation_labels.count(0)},
            "proposals": {"right": sum(rows.proposal_labels), "wrong": rows.proposal_labels.count(0)},
        },
        proposals=Scorer(proposed.weights, proposed.intercept, tp),
    )


@dataclass(frozen=True)
class Fold:
    """One held-out fold: its documents, scored with the filter trained on the others and without."""

    sources: list[str]
    filtered: Scores
    rules_only: Scores


@dataclass(frozen=True)
class CrossValidation:
    """Held-out scores of k-fold training: every document scored by a model that never saw it."""

    filtered: Scores
    rules_only: Scores
    folds: list[Fold]


def cross_validate(examples: Sequence[Example], k: int, lex: Lexicon) -> CrossValidation:
    """Train on k-1 folds and score the held-out one, for each fold; scores pooled over all."""
    examples = sorted(examples, key=lambda ex: ex.source)
    if len(examples) < k:
        raise ValueError(f"{k} folds need at least {k} annotated documents, got {len(examples)}")
    documents = [_labelled(ex, lex) for ex in examples]
    filtered: list[DocumentFacts] = [ex.facts for ex in examples]
    per_fold = []
    for held in folds(len(examples), k):
        kept = [i for i in range(len(examples)) if i not in held]
        model = _train([examples[i] for i in kept], [documents[i] for i in kept])
        for i in held:
            filtered[i] = model.apply(examples[i].facts, lex)
        gold = {examples[i].source: examples[i].gold for i in held}
        per_fold.append(
            Fold(
                sources=list(gold),
                filtered=score(gold, [filtered[i] for i in held]),
                rules_only=score(gold, [examples[i].facts for i in held]),
            )
        )
    gold = {ex.source: ex.gold for ex in examples}
    return CrossValidation(
        filtered=score(gold, filtered),
        rules_only=score(gold, [ex.facts for ex in examples]),
        folds=per_fold,
    )
