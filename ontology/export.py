"""A store's graph as RDF in the parkgraph ontology, serialized and checked against the SHACL shapes.

The RDF model:
- an entity is an individual `pgid:<entity id>` (https://parkgraph.org/id/) of its `pg:` type (and
  of its extra labels, such as `pg:JointBranch`), with `pg:name`, `pg:alias`, `rdfs:label` (@zh) and
  `pg:mentionedIn` documents;
- a relation is the triple `head pg:TYPE tail`, plus a `pgid:<relation id>` `pg:Assertion` (an
  `rdf:Statement` and `prov:Entity`) naming that triple, with its confidence, its title (HOLDS_POST)
  and one `pg:Evidence` per supporting sentence (`pg:document`, `pg:start`, `pg:end`, `pg:text`, and
  `pg:where`, its page or paragraph, when the source is a PDF or Word file);
- a HOLDS_POST also gets an `org:Post` in the tail unit, held by the person and labelled with the title;
- a document is a `pg:Document` (`prov:Entity`) with `pg:source` and `dcterms:title`.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

from pyshacl import validate as shacl_validate
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, ORG, PROV, RDF, RDFS, XSD

from parkgraph.graph.facts import DocumentInfo
from parkgraph.graph.model import Entity, Evidence, Relation
from parkgraph.graph.store import Store
from parkgraph.ontology.namespace import NAMESPACE_IRI, PG
from parkgraph.ontology.vocab import Vocabulary, load_ontology, load_vocabulary

__all__ = ["FORMATS", "ID", "SHAPES_PATH", "ExportError", "serialize", "to_rdf", "validate"]

ID = Namespace("https://parkgraph.org/id/")
SHAPES_PATH = Path(__file__).with_name("shapes.ttl")
FORMATS = ("turtle", "json-ld")

_PREFIXES = {
    "pg": Namespace(NAMESPACE_IRI),
    "pgid": ID,
    "org": ORG,
    "prov": PROV,
    "dcterms": DCTERMS,
    "rdf": RDF,
    "rdfs": RDFS,
    "xsd": XSD,
}


class ExportError(ValueError):
    """The store holds something the ontology has no term for, or a format is not supported."""


def to_rdf(store: Store, vocab: Vocabulary | None = None) -> Graph:
    """Every document, entity and relation of `store` as an RDF graph."""
    vocab = vocab or load_vocabulary()
    graph = Graph()
    for prefix, namespace in _PREFIXES.items():
        graph.bind(prefix, namespace)
    for doc in store.documents():
        _add_document(graph, doc)
    for entity in store.iter_entities():
        _add_entity(graph, entity, vocab)
    for relation in store.iter_relations():
        _add_relation(graph, relation, vocab)
    return graph


def serialize(store: Store, fmt: str) -> str:
    """The store as Turtle or JSON-LD text, after checking it against the SHACL shapes.

    A graph that breaks the shapes is refused with `ExportError` (naming the first violations),
    so what leaves parkgraph as RDF always keeps the ontology's promises.
    """
    if fmt not in FORMATS:
        raise ExportError(f"unsupported RDF format {fmt!r}; choose one of {', '.join(FORMATS)}")
    graph = to_rdf(store)
    conforms, report = validate(graph)
    if not conforms:
        raise ExportError(f"the graph breaks the SHACL shapes in {SHAPES_PATH.name}: {_violations(report)}")
    if fmt == "json-ld":
        context = {prefix: str(namespace) for prefix, namespace in _PREFIXES.items()}
        return graph.serialize(format="json-ld", context=context, indent=2)
    return graph.serialize(format="turtle")


def validate(graph: Graph) -> tuple[bool, str]:
    """Check `graph` against shapes.ttl, with the ontology's class hierarchy; the text lists violations."""
    shapes = Graph().parse(SHAPES_PATH, format="turtle")
    conforms, _, text = shacl_validate(
        graph, shacl_graph=shapes, ont_graph=load_ontology(), inference="none", allow_warnings=False
    )
    return bool(conforms), str(text)


def _violations(report: str, shown: int = 3) -> str:
    """The first violations of a pyshacl text report, one `focus node: message` each, and how many more."""
    found: list[str] = []
    focus = ""
    for line in report.splitlines():
        label, _, value = line.strip().partition(": ")
        if label == "Focus Node":
            focus = value
        elif label == "Message":
            found.append(f"{focus}: {value}")
    more = f"; and {len(found) - shown} more" if len(found) > shown else ""
    return "; ".join(found[:shown]) + more


def _iri(ident: str) -> URIRef:
    return ID[quote(ident, safe="-_.~")]


def _document_iri(doc_id: str) -> URIRef:
    return ID[f"document/{quote(doc_id, safe='-_.~')}"]


def _add_document(graph: Graph, doc: DocumentInfo) -> None:
    node = _document_iri(doc.id)
    graph.add((node, RDF.type, PG.Document))
    graph.add((node, RDF.type, PROV.Entity))
    graph.add((node, DCTERMS.identifier, Literal(doc.id)))
    graph.set((node, PG.source, Literal(doc.source)))
    if doc.title:
        graph.set((node, DCTERMS.title, Literal(doc.title)))


def _add_entity(graph: Graph, entity: Entity, vocab: Vocabulary) -> None:
    what = f"entity {entity.id} ({entity.name})"
    if entity.type not in vocab.entity_types:
        raise ExportError(f"{what} has type {entity.type!r}; known: {', '.join(vocab.entity_types)}")
    node = _iri(entity.id)
    graph.add((node, RDF.type, PG[entity.type]))
    for label in entity.labels:
        if label == entity.type:
            continue
        if vocab.extra_labels.get(label) != entity.type:
            raise ExportError(f"{what} has label {label!r}, which is not a refinement of {entity.type}")
        graph.add((node, RDF.type, PG[label]))
    graph.add((node, PG.name, Literal(entity.name)))
    graph.add((node, RDFS.label, Literal(entity.name, lang="zh")))
    for alias in entity.aliases:
        graph.add((node, PG.alias, Literal(alias)))
    for doc_id in entity.documents:
        graph.add((node, PG.mentionedIn, _document_iri(doc_id)))


def _add_relation(graph: Graph, relation: Relation, vocab: Vocabulary) -> None:
    if relation.type not in vocab.relation_types:
        raise ExportError(
            f"relation {relation.id} has type {relation.type!r}; known: {', '.join(vocab.relation_types)}"
        )
    head, predicate, tail = _iri(relation.head), PG[relation.type], _iri(relation.tail)
    graph.add((head, predicate, tail))
    node = _iri(relation.id)
    graph.add((node, RDF.type, PG.Assertion))
    graph.add((node, RDF.type, PROV.Entity))
    graph.add((node, RDF.subject, head))
    graph.add((node, RDF.predicate, predicate))
    graph.add((node, RDF.object, tail))
    graph.add((node, PG.confidence, Literal(float(relation.confidence))))
    title = relation.attributes.get("title", "")
    if title:
        graph.add((node, PG.title, Literal(title)))
    if predicate == PG.HOLDS_POST:
        post = ID[f"{quote(relation.id, safe='-_.~')}/post"]
        graph.add((post, RDF.type, ORG.Post))
        graph.add((head, ORG.holds, post))
        graph.add((post, ORG.postIn, tail))
        if title:
            graph.add((post, RDFS.label, Literal(title, lang="zh")))
    for evidence in relation.evidence:
        _add_evidence(graph, node, relation.id, evidence)


def _add_evidence(graph: Graph, assertion: URIRef, relation_id: str, evidence: Evidence) -> None:
    local = f"{relation_id}/evidence/{evidence.document}-{evidence.start}-{evidence.end}"
    node = ID[quote(local, safe="-_.~/")]
    doc = _document_iri(evidence.document)
    if (doc, RDF.type, PG.Document) not in graph:
        _add_document(graph, DocumentInfo(id=evidence.document, source=evidence.source))
    graph.add((assertion, PG.evidence, node))
    graph.add((assertion, PROV.wasDerivedFrom, node))
    graph.add((node, RDF.type, PG.Evidence))
    graph.add((node, RDF.type, PROV.Entity))
    graph.add((node, PG.document, doc))
    graph.add((node, PROV.wasQuotedFrom, doc))
    graph.add((node, PG.start, Literal(evidence.start, datatype=XSD.integer)))
    graph.add((node, PG.end, Literal(evidence.end, datatype=XSD.integer)))
    graph.add((node, PG.text, Literal(evidence.text)))
    if evidence.where:
        graph.add((node, PG.where, Literal(evidence.where)))
    graph.add((node, PG.confidence, Literal(float(evidence.confidence))))
