"""The ontology Turtle itself: SCHEMA.md's types and relations, labels, alignment and lexicon form."""

from __future__ import annotations

import re

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, FOAF, ORG, OWL, PROV, RDF, RDFS

from parkgraph.ontology.namespace import ONTOLOGY_IRI, PG
from parkgraph.ontology.vocab import load_ontology

SCHEMA_TYPES = ["Region", "Park", "Committee", "Branch", "Enterprise", "Organization", "Person", "Practice"]

# SCHEMA.md's (v1.1) relation table: head types -> tail types.
SCHEMA_RELATIONS = {
    "LOCATED_IN": ({"Park", "Enterprise", "Organization", "Region"}, {"Region", "Park"}),
    "PART_OF": ({"Park", "Organization"}, {"Park", "Organization", "Committee", "Region"}),
    "SUBORDINATE_TO": ({"Committee", "Branch", "Organization"}, {"Committee", "Branch", "Organization"}),
    "PARTY_ORG_OF": ({"Committee", "Branch"}, {"Park", "Enterprise", "Organization", "Region"}),
    "COVERS": ({"Committee", "Branch"}, {"Enterprise", "Organization"}),
    "HOLDS_POST": ({"Person"}, {"Committee", "Branch", "Organization", "Enterprise", "Region", "Park"}),
    "ADOPTS": ({"Park", "Region", "Committee", "Branch", "Organization", "Enterprise"}, {"Practice"}),
}

LEXICON_PROPERTIES = [PG.orgWord, PG.genericWord, PG.jointWord, PG.trigger, PG.postTitle]
CJK_WORD = re.compile(r"^[\u4e00-\u9fff]+$")


@pytest.fixture(scope="module")
def graph() -> Graph:
    return load_ontology()


def _labels(graph: Graph, term: URIRef) -> dict[str | None, str]:
    return {
        label.language: str(label) for label in graph.objects(term, RDFS.label) if isinstance(label, Literal)
    }


def _class_names(graph: Graph, node) -> set[str]:
    if isinstance(node, URIRef):
        return {str(node).removeprefix(str(PG))}
    return {str(m).removeprefix(str(PG)) for m in Collection(graph, graph.value(node, OWL.unionOf))}


def test_ontology_has_metadata_and_a_version(graph: Graph) -> None:
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in graph
    assert graph.value(ONTOLOGY_IRI, OWL.versionInfo) is not None
    assert graph.value(ONTOLOGY_IRI, OWL.versionIRI) is not None
    assert graph.value(ONTOLOGY_IRI, DCTERMS.title) is not None


@pytest.mark.parametrize("name", [*SCHEMA_TYPES, "JointBranch", "JointCommittee", "Cadre"])
def test_every_entity_class_is_declared_with_chinese_and_english_labels(graph: Graph, name: str) -> None:
    cls = PG[name]
    assert (cls, RDF.type, OWL.Class) in graph
    labels = _labels(graph, cls)
    assert labels.get("zh") and labels.get("en")
    assert graph.value(cls, RDFS.comment) is not None


def test_the_core_types_are_exactly_schema_types(graph: Graph) -> None:
    members = Collection(graph, graph.value(PG.Entity, OWL.disjointUnionOf))
    assert [str(m).removeprefix(str(PG)) for m in members] == SCHEMA_TYPES


@pytest.mark.parametrize(
    ("child", "parent"), [("JointBranch", "Branch"), ("JointCommittee", "Committee"), ("Cadre", "Person")]
)
def test_refinements_are_subclasses_of_their_schema_type(graph: Graph, child: str, parent: str) -> None:
    assert (PG[child], RDFS.subClassOf, PG[parent]) in graph


@pytest.mark.parametrize(("name", "expected"), SCHEMA_RELATIONS.items())
def test_every_relation_has_labels_and_the_schema_domain_and_range(
    graph: Graph, name: str, expected: tuple[set[str], set[str]]
) -> None:
    prop = PG[name]
    assert (prop, RDF.type, OWL.ObjectProperty) in graph
    labels = _labels(graph, prop)
    assert labels.get("zh") and labels.get("en")
    assert graph.value(prop, RDFS.comment) is not None
    assert _class_names(graph, graph.value(prop, RDFS.domain)) == expected[0]
    assert _class_names(graph, graph.value(prop, RDFS.range)) == expected[1]


def test_organization_classes_align_with_the_organization_ontology(graph: Graph) -> None:
    org_classes = {ORG.Organization, ORG.FormalOrganization}
    for name in ("Committee", "Branch", "Enterprise", "Organization"):
        assert set(graph.objects(PG[name], RDFS.subClassOf)) & org_classes, name
    for name in ("Park", "Region"):
        assert not set(graph.objects(PG[name], RDFS.subClassOf)) & org_classes, name
        assert (PG[name], RDFS.subClassOf, PROV.Location) in graph
    assert (PG.Person, RDFS.subClassOf, FOAF.Person) in graph
    assert (PG.SUBORDINATE_TO, RDFS.subPropertyOf, ORG.subOrganizationOf) in graph


def test_holds_post_is_the_shortcut_of_holding_an_org_post(graph: Graph) -> None:
    chain = graph.value(PG.HOLDS_POST, OWL.propertyChainAxiom)
    assert list(Collection(graph, chain)) == [ORG.holds, ORG.postIn]


def test_provenance_classes_are_prov_entities(graph: Graph) -> None:
    for name in ("Document", "Evidence", "Assertion"):
        assert (PG[name], RDFS.subClassOf, PROV.Entity) in graph
    assert (PG.evidence, RDFS.subPropertyOf, PROV.wasDerivedFrom) in graph


def test_lexicon_words_are_plain_chinese_literals(graph: Graph) -> None:
    words = [w for prop in LEXICON_PROPERTIES for w in graph.objects(None, prop)]
    assert words
    for word in words:
        assert isinstance(word, Literal) and word.language == "zh" and word.datatype is None, word
        assert CJK_WORD.match(str(word)), word
