"""The vocabulary read from `parkgraph.ttl`: entity and relation types and the extractor's Chinese lexicon.

Code takes its type names, organization words, triggers and post titles from here, so the
ontology stays their single source.

>>> vocab = load_vocabulary()
>>> vocab.labels_for("Branch", "甲乙联合党支部")
['Branch', 'JointBranch']
>>> vocab.relation_allowed("PART_OF", "Park", "Committee")
False
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from types import MappingProxyType

from rdflib import Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.exceptions import ParserError
from rdflib.namespace import OWL, RDF, RDFS
from rdflib.term import Node

from parkgraph.ontology.namespace import NAMESPACE, ONTOLOGY_IRI, PG

__all__ = [
    "NAMESPACE",
    "ONTOLOGY_PATH",
    "EntityType",
    "RelationType",
    "Vocabulary",
    "VocabularyError",
    "load_ontology",
    "load_vocabulary",
]

ONTOLOGY_PATH = Path(__file__).with_name("parkgraph.ttl")


class VocabularyError(ValueError):
    """The ontology cannot be read, or a caller named a type or relation it does not define."""


@dataclass(frozen=True)
class EntityType:
    name: str
    label_zh: str
    label_en: str
    parent: str | None
    org_words: tuple[str, ...]
    generic_words: tuple[str, ...]
    joint_words: tuple[str, ...] = ()


@dataclass(frozen=True)
class RelationType:
    name: str
    label_zh: str
    label_en: str
    domain: tuple[str, ...]
    range: tuple[str, ...]
    triggers: tuple[str, ...]
    range_by_domain: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """Where the ontology narrows the range for one head type (a Park is PART_OF only a Park)."""

    def allows(self, head_type: str, tail_type: str) -> bool:
        return head_type in self.domain and tail_type in self.range_by_domain.get(head_type, self.range)


@dataclass(frozen=True)
class Vocabulary:
    version: str
    entity_types: Mapping[str, EntityType]
    """The eight SCHEMA.md types, keyed by name."""
    extra_types: Mapping[str, EntityType]
    """Refinements of a core type (JointBranch, JointCommittee, Cadre); `parent` is the core type."""
    relation_types: Mapping[str, RelationType]
    post_titles: tuple[str, ...]
    """Longest first, so a matcher tries 党支部书记 before 书记."""
    _allowed: dict[tuple[str, str, str], bool] = field(default_factory=dict, compare=False, repr=False)
    """`relation_allowed`'s answers: extraction asks it for every candidate link, tens of thousands of
    times a document, about a few dozen triples."""

    @property
    def extra_labels(self) -> Mapping[str, str]:
        """Extra label → the core type it refines."""
        return MappingProxyType({name: t.parent or "" for name, t in self.extra_types.items()})

    def org_words(self, type_name: str) -> tuple[str, ...]:
        """The organization words of a core type, longest first."""
        return self._core(type_name).org_words

    def generic_words(self, type_name: str) -> tuple[str, ...]:
        """The bare words that mean the document's own unit of a core type, longest first."""
        return self._core(type_name).generic_words

    def labels_for(self, type_name: str, name: str) -> list[str]:
        """The graph labels of an entity: its type, plus JointBranch/JointCommittee when its name says 联合.

        The joint word must stand directly before the name's organization word (甲乙联合党支部), so a
        company whose name merely contains it (联合利华公司党支部) is not joint.
        """
        core = self._core(type_name)
        labels = [type_name]
        suffix = next((w for w in core.org_words if name.endswith(w)), "")
        stem = name[: len(name) - len(suffix)]
        for extra in self.extra_types.values():
            if extra.parent != type_name:
                continue
            if any(word in suffix or (suffix and stem.endswith(word)) for word in extra.joint_words):
                labels.append(extra.name)
        return labels

    def relation_allowed(self, rel: str, head_type: str, tail_type: str) -> bool:
        """Whether the ontology's domain and range allow `rel` from `head_type` to `tail_type`.

        Extra labels count as their core type (a JointBranch may do whatever a Branch may).
        """
        key = (rel, head_type, tail_type)
        if key not in self._allowed:
            relation = self.relation_types.get(rel)
            if relation is None:
                known = ", ".join(self.relation_types)
                raise VocabularyError(f"unknown relation type {rel!r}; known: {known}")
            head, tail = self._core_name(head_type), self._core_name(tail_type)
            self._allowed[key] = relation.allows(head, tail)
        return self._allowed[key]

    def _core_name(self, type_name: str) -> str:
        if type_name in self.extra_types:
            return self.extra_labels[type_name]
        return self._core(type_name).name

    def _core(self, type_name: str) -> EntityType:
        found = self.entity_types.get(type_name)
        if found is None:
            raise VocabularyError(f"unknown entity type {type_name!r}; known: {', '.join(self.entity_types)}")
        return found


def load_ontology(path: Path | None = None) -> Graph:
    """A fresh parse of the ontology Turtle (callers may change it)."""
    path = path or ONTOLOGY_PATH
    try:
        return Graph().parse(path, format="turtle")
    except (OSError, ParserError, SyntaxError, ValueError) as exc:
        raise VocabularyError(f"cannot read ontology {path}: {exc}") from exc


@cache
def load_vocabulary(path: Path | None = None) -> Vocabulary:
    """The vocabulary of the ontology at `path` (default: the bundled one), read once per path."""
    return _Reader(load_ontology(path), path or ONTOLOGY_PATH).vocabulary()


def _longest_first(words: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted(set(words), key=lambda w: (-len(w), w)))


class _Reader:
    """Reads the vocabulary out of the ontology graph, failing with the term that is malformed."""

    def __init__(self, graph: Graph, path: Path) -> None:
        self.graph = graph
        self.path = path

    def vocabulary(self) -> Vocabulary:
        core = self._core_type_names()
        entity_types = {name: self._entity_type(name, None) for name in core}
        extra_types = {}
        for cls in sorted(self.graph.subjects(RDF.type, OWL.Class)):
            if not isinstance(cls, URIRef) or cls not in PG or self._local(cls) in core:
                continue
            parents = [self._local(p) for p in self.graph.objects(cls, RDFS.subClassOf) if p in PG]
            parent = next((p for p in parents if p in core), None)
            if parent is not None:
                extra_types[self._local(cls)] = self._entity_type(self._local(cls), parent)
        relation_types = {}
        for prop in sorted(self.graph.subjects(RDFS.subPropertyOf, PG.relation)):
            if isinstance(prop, URIRef) and prop in PG:
                relation_types[self._local(prop)] = self._relation_type(prop, core)
        if not relation_types:
            raise self._error("defines no relation types")
        return Vocabulary(
            version=str(self.graph.value(ONTOLOGY_IRI, OWL.versionInfo) or ""),
            entity_types=MappingProxyType(entity_types),
            extra_types=MappingProxyType(extra_types),
            relation_types=MappingProxyType(relation_types),
            post_titles=_longest_first(self._words(PG.HOLDS_POST, PG.postTitle)),
        )

    def _core_type_names(self) -> list[str]:
        union = self.graph.value(PG.Entity, OWL.disjointUnionOf)
        if union is None:
            raise self._error("pg:Entity has no owl:disjointUnionOf listing the core entity types")
        members = list(Collection(self.graph, union))
        if not all(isinstance(m, URIRef) and m in PG for m in members):
            raise self._error("pg:Entity unites classes the pg: namespace does not define")
        return [self._local(member) for member in members]

    def _entity_type(self, name: str, parent: str | None) -> EntityType:
        cls = PG[name]
        return EntityType(
            name=name,
            label_zh=self._label(cls, "zh"),
            label_en=self._label(cls, "en"),
            parent=parent,
            org_words=_longest_first(self._words(cls, PG.orgWord)),
            generic_words=_longest_first(self._words(cls, PG.genericWord)),
            joint_words=_longest_first(self._words(cls, PG.jointWord)),
        )

    def _relation_type(self, prop: URIRef, core: list[str]) -> RelationType:
        name = self._local(prop)
        domain = self._classes(self.graph.value(prop, RDFS.domain), f"the domain of {name}")
        range_ = self._classes(self.graph.value(prop, RDFS.range), f"the range of {name}")
        for type_name in (*domain, *range_):
            if type_name not in core:
                raise self._error(f"{name} names {type_name}, which is not a core entity type")
        return RelationType(
            name=name,
            label_zh=self._label(prop, "zh"),
            label_en=self._label(prop, "en"),
            domain=domain,
            range=range_,
            triggers=_longest_first(self._words(prop, PG.trigger)),
            range_by_domain=MappingProxyType(self._narrowed_ranges(prop, domain)),
        )

    def _narrowed_ranges(self, prop: URIRef, domain: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
        """owl:allValuesFrom restrictions a domain class places on `prop`."""
        narrowed = {}
        for head in domain:
            for restriction in self.graph.objects(PG[head], RDFS.subClassOf):
                if self.graph.value(restriction, OWL.onProperty) == prop:
                    target = self.graph.value(restriction, OWL.allValuesFrom)
                    narrowed[head] = self._classes(
                        target, f"the restriction of {head} on {self._local(prop)}"
                    )
        return narrowed

    def _classes(self, node: Node | None, what: str) -> tuple[str, ...]:
        """The pg: class names of a named class or an owl:unionOf class expression."""
        if isinstance(node, URIRef) and node in PG:
            return (self._local(node),)
        union = self.graph.value(node, OWL.unionOf) if node is not None else None
        if union is None:
            raise self._error(f"{what} is neither a pg: class nor an owl:unionOf of pg: classes")
        members = list(Collection(self.graph, union))
        if not all(isinstance(m, URIRef) and m in PG for m in members):
            raise self._error(f"{what} unites classes outside the pg: namespace")
        return tuple(self._local(m) for m in members)

    def _label(self, term: URIRef, lang: str) -> str:
        for label in self.graph.objects(term, RDFS.label):
            if isinstance(label, Literal) and label.language == lang:
                return str(label)
        raise self._error(f"{self._local(term)} has no rdfs:label in language {lang!r}")

    def _words(self, term: URIRef, prop: URIRef) -> list[str]:
        return [str(w) for w in self.graph.objects(term, prop) if str(w).strip()]

    def _local(self, term: Node) -> str:
        return str(term).removeprefix(str(PG))

    def _error(self, message: str) -> VocabularyError:
        return VocabularyError(f"ontology {self.path}: {message}")
