"""The RDF export: its model, its serializations and its SHACL validation."""

from __future__ import annotations

import json
from itertools import product
from typing import TYPE_CHECKING

import pytest
from pyshacl import validate as shacl_validate
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import ORG, PROV, RDF, RDFS, SH

from parkgraph.graph.embedded import EmbeddedStore
from parkgraph.graph.facts import DocumentFacts, DocumentInfo, EntityFact, RelationFact, Span
from parkgraph.graph.keys import entity_key
from parkgraph.ontology.export import ID, SHAPES_PATH, ExportError, serialize, to_rdf, validate
from parkgraph.ontology.namespace import PG
from parkgraph.ontology.vocab import load_ontology, load_vocabulary

if TYPE_CHECKING:
    from conftest import FakeStore


def _node(graph: Graph, name: str) -> URIRef:
    node = graph.value(predicate=PG.name, object=Literal(name))
    assert isinstance(node, URIRef), name
    return node


def test_export_of_a_small_graph_conforms(store: FakeStore) -> None:
    conforms, report = validate(to_rdf(store))
    assert conforms, report


def test_entities_are_typed_named_individuals_under_the_id_namespace(store: FakeStore) -> None:
    graph = to_rdf(store)
    park = _node(graph, "示例区工业园区")
    assert str(park).startswith(str(ID))
    assert (park, RDF.type, PG.Park) in graph
    assert (park, PG.alias, Literal("园区")) in graph
    assert (park, RDFS.label, Literal("示例区工业园区", lang="zh")) in graph
    assert graph.value(park, PG.mentionedIn) is not None
    branch = _node(graph, "示例区工业园区联合党支部")
    assert {PG.Branch, PG.JointBranch} <= set(graph.objects(branch, RDF.type))


def test_relations_are_triples_with_an_assertion_and_its_evidence(
    store: FakeStore, sentence: str, document: DocumentInfo
) -> None:
    graph = to_rdf(store)
    branch, company = _node(graph, "示例区工业园区联合党支部"), _node(graph, "甲乙科技有限公司")
    assert (branch, PG.COVERS, company) in graph
    (assertion,) = set(graph.subjects(RDF.subject, branch)) & set(graph.subjects(RDF.predicate, PG.COVERS))
    assert (assertion, RDF.type, PG.Assertion) in graph
    assert graph.value(assertion, RDF.object) == company
    evidence = graph.value(assertion, PG.evidence)
    assert (assertion, PROV.wasDerivedFrom, evidence) in graph
    assert graph.value(evidence, PG.text) == Literal(sentence)
    assert graph.value(evidence, PG.end).toPython() == len(sentence)
    doc_node = graph.value(evidence, PG.document)
    assert graph.value(doc_node, PG.source) == Literal(document.source)
    assert (doc_node, RDF.type, PROV.Entity) in graph


def test_evidence_keeps_its_page_or_paragraph_when_the_source_has_them(store: FakeStore) -> None:
    located = store.add_relation(
        "LOCATED_IN", store.entity("甲乙科技有限公司"), store.entity("示例区"), where="第3页"
    )
    graph = to_rdf(store)
    places = {
        str(assertion).rsplit("/", 1)[-1]: graph.value(graph.value(assertion, PG.evidence), PG.where)
        for assertion in graph.subjects(RDF.type, PG.Assertion)
    }
    assert places.pop(located.id) == Literal("第3页")
    assert set(places.values()) == {None}
    assert validate(graph)[0]
    assert "第3页" in serialize(store, "turtle")


def test_evidence_with_two_places_fails_validation(store: FakeStore) -> None:
    store.add_relation("LOCATED_IN", store.entity("甲乙科技有限公司"), store.entity("示例区"), where="第3页")
    graph = to_rdf(store)
    evidence = next(graph.subjects(PG.where, None))
    graph.add((evidence, PG.where, Literal("第4页")))
    conforms, report = validate(graph)
    assert not conforms
    assert "at most one non-empty place" in report


def test_holds_post_keeps_its_title_and_becomes_an_org_post(store: FakeStore) -> None:
    graph = to_rdf(store)
    person, committee = _node(graph, "李四"), _node(graph, "示例区工业园区党工委")
    assertion = next(graph.subjects(RDF.predicate, PG.HOLDS_POST))
    assert graph.value(assertion, PG.title) == Literal("书记")
    post = graph.value(person, ORG.holds)
    assert (post, RDF.type, ORG.Post) in graph
    assert graph.value(post, ORG.postIn) == committee
    assert graph.value(post, RDFS.label) == Literal("书记", lang="zh")


def test_an_entity_without_a_name_fails_validation(store: FakeStore) -> None:
    graph = to_rdf(store)
    graph.remove((_node(graph, "甲乙科技有限公司"), PG.name, None))
    conforms, report = validate(graph)
    assert not conforms
    assert "pg:name" in report


def test_an_empty_name_fails_validation(store: FakeStore) -> None:
    store.add_entity("Enterprise", "")
    conforms, _ = validate(to_rdf(store))
    assert not conforms


def test_party_org_of_from_a_person_fails_validation(store: FakeStore) -> None:
    store.add_relation("PARTY_ORG_OF", store.entity("李四"), store.entity("甲乙科技有限公司"))
    conforms, report = validate(to_rdf(store))
    assert not conforms
    assert "PARTY_ORG_OF must start at a Committee or Branch" in report


def test_an_entity_with_two_core_types_fails_validation(store: FakeStore) -> None:
    graph = to_rdf(store)
    graph.add((_node(graph, "甲乙科技有限公司"), RDF.type, PG.Organization))
    assert not validate(graph)[0]


def test_evidence_ending_before_it_starts_fails_validation(store: FakeStore, sentence: str) -> None:
    store.add_relation(
        "LOCATED_IN", store.entity("甲乙科技有限公司"), store.entity("示例区"), start=len(sentence) + 1
    )
    conforms, report = validate(to_rdf(store))
    assert not conforms
    assert "not after its end" in report


def test_an_assertion_whose_statement_is_missing_fails_validation(store: FakeStore) -> None:
    graph = to_rdf(store)
    graph.remove((None, PG.ADOPTS, None))
    conforms, report = validate(graph)
    assert not conforms
    assert "not itself in the graph" in report


def test_shapes_accept_exactly_the_pairs_the_vocabulary_allows() -> None:
    """One graph with every (relation, head type, tail type): the shapes flag exactly the disallowed heads."""
    vocab = load_vocabulary()
    types = list(vocab.entity_types)
    graph = Graph()
    disallowed = set()
    for n, (rel, head_type, tail_type) in enumerate(product(vocab.relation_types, types, types)):
        head, tail = ID[f"h{n}"], ID[f"t{n}"]
        for node, type_name in ((head, head_type), (tail, tail_type)):
            graph.add((node, RDF.type, PG[type_name]))
            graph.add((node, PG.name, Literal(f"示例{type_name}{n}")))
        graph.add((head, PG[rel], tail))
        if not vocab.relation_allowed(rel, head_type, tail_type):
            disallowed.add(head)
    shapes = Graph().parse(SHAPES_PATH)
    _, results, _ = shacl_validate(graph, shacl_graph=shapes, ont_graph=load_ontology(), inference="none")
    flagged = set(results.objects(None, SH.focusNode))
    assert disallowed
    assert flagged == disallowed


def test_turtle_and_json_ld_carry_the_same_graph(store: FakeStore) -> None:
    graph = to_rdf(store)
    from_turtle = Graph().parse(data=serialize(store, "turtle"), format="turtle")
    text = serialize(store, "json-ld")
    assert "@context" in json.loads(text)
    from_json_ld = Graph().parse(data=text, format="json-ld")
    assert isomorphic(graph, from_turtle)
    assert isomorphic(graph, from_json_ld)


def test_an_unsupported_format_is_refused(store: FakeStore) -> None:
    with pytest.raises(ExportError, match="turtle, json-ld"):
        serialize(store, "n-quads")


def test_an_entity_of_an_unknown_type_is_refused(store: FakeStore) -> None:
    store.add_entity("Factory", "甲乙工厂")
    with pytest.raises(ExportError, match="Factory"):
        to_rdf(store)


def test_a_label_that_refines_another_type_is_refused(store: FakeStore) -> None:
    store.add_entity("Enterprise", "甲乙联合有限公司", ["Enterprise", "JointBranch"])
    with pytest.raises(ExportError, match="JointBranch"):
        to_rdf(store)


def test_an_embedded_store_exports_a_valid_graph() -> None:
    text = "示例区甲乙联合党支部书记王五说。"
    entities = [
        ("e1", "Branch", "示例区甲乙联合党支部"),
        ("e2", "Person", "王五"),
        ("e3", "Region", "示例区"),
    ]
    facts = DocumentFacts(
        document=DocumentInfo(id="doc-2", source="示例二.pdf"),
        entities=[EntityFact(id=i, key=entity_key(t, n), type=t, name=n) for i, t, n in entities],
        relations=[
            RelationFact(
                type="HOLDS_POST",
                head="e2",
                tail="e1",
                attributes={"title": "书记"},
                evidence=Span(start=0, end=len(text), text=text, where="第2页"),
            )
        ],
        text=text,
    )
    store = EmbeddedStore()
    store.load(facts)
    graph = to_rdf(store)
    conforms, report = validate(graph)
    assert conforms, report
    assert (_node(graph, "示例区甲乙联合党支部"), RDF.type, PG.JointBranch) in graph
    assert set(graph.objects(None, PG.where)) == {Literal("第2页")}


def test_serialize_refuses_a_graph_that_breaks_the_shapes(store: FakeStore) -> None:
    store.add_relation("PARTY_ORG_OF", store.entity("李四"), store.entity("甲乙科技有限公司"))
    with pytest.raises(ExportError, match="SHACL") as refused:
        serialize(store, "turtle")
    assert "PARTY_ORG_OF must start at a Committee or Branch" in str(refused.value)
