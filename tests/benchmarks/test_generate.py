"""The benchmark generator makes valid, plausible, repeatable facts that a store really merges."""

from __future__ import annotations

import pytest
from benchkit import load_benchmark

from parkgraph.graph.embedded import EmbeddedStore
from parkgraph.graph.facts import DocumentFacts
from parkgraph.ontology.vocab import load_vocabulary

generate = load_benchmark("generate")


@pytest.fixture(scope="module")
def documents() -> list[DocumentFacts]:
    return generate.generate_documents(12, seed=3)


def _distinct(documents: list[DocumentFacts]) -> tuple[set[str], set[tuple[str, str, str, str]]]:
    entities: set[str] = set()
    relations: set[tuple[str, str, str, str]] = set()
    for doc in documents:
        keys = {fact.id: fact.key for fact in doc.entities}
        entities.update(keys.values())
        relations.update(
            (fact.type, keys[fact.head], keys[fact.tail], fact.attributes.get("title", ""))
            for fact in doc.relations
        )
    return entities, relations


def test_documents_load_into_the_embedded_store_with_the_counts_their_keys_imply(
    documents: list[DocumentFacts],
) -> None:
    store = EmbeddedStore()
    results = [store.load(doc) for doc in documents]
    entities, relations = _distinct(documents)
    counts = store.counts()
    assert [result.status for result in results] == ["loaded"] * len(documents)
    assert counts.documents == len(documents)
    assert sum(counts.entities.values()) == len(entities)
    assert sum(counts.relations.values()) == len(relations)
    assert generate.graph_size(documents) == (len(entities), len(relations))


def test_documents_share_entities_and_relations_so_loading_merges(documents: list[DocumentFacts]) -> None:
    entities, relations = _distinct(documents)
    store = EmbeddedStore()
    for doc in documents:
        store.load(doc)
    assert len(entities) < sum(len(doc.entities) for doc in documents)
    assert len(relations) < sum(len(doc.relations) for doc in documents)
    assert any(len(entity.documents) > 1 for entity in store.iter_entities())
    assert any(len({e.document for e in relation.evidence}) > 1 for relation in store.iter_relations())


def test_each_document_is_about_a_hundred_entities_and_three_hundred_relations(
    documents: list[DocumentFacts],
) -> None:
    for doc in documents:
        assert 100 <= len(doc.entities) <= 150
        assert 280 <= len(doc.relations) <= 400


def test_spans_index_the_document_text_and_evidence_names_both_ends(documents: list[DocumentFacts]) -> None:
    for doc in documents:
        assert doc.text is not None
        names = {fact.id: fact.name for fact in doc.entities}
        for fact in doc.entities:
            assert fact.mentions, f"{fact.name} has no mention"
            for span in fact.mentions:
                assert doc.text[span.start : span.end] == span.text == fact.name
        for fact in doc.relations:
            span = fact.evidence
            assert doc.text[span.start : span.end] == span.text
            assert names[fact.head] in span.text and names[fact.tail] in span.text


def test_relations_join_the_entity_types_the_ontology_allows(documents: list[DocumentFacts]) -> None:
    vocabulary = load_vocabulary()
    for doc in documents:
        types = {fact.id: fact.type for fact in doc.entities}
        for fact in doc.relations:
            assert vocabulary.relation_allowed(fact.type, types[fact.head], types[fact.tail]), fact


def test_the_same_seed_gives_the_same_facts_and_another_seed_others() -> None:
    first = generate.generate_documents(3, seed=5)
    assert [doc.model_dump() for doc in first] == [
        doc.model_dump() for doc in generate.generate_documents(3, seed=5)
    ]
    assert [doc.model_dump() for doc in first] != [
        doc.model_dump() for doc in generate.generate_documents(3, seed=6)
    ]


@pytest.mark.parametrize("count", [0, generate.MAX_DOCUMENTS + 1])
def test_a_count_out_of_range_is_refused_with_the_range(count: int) -> None:
    with pytest.raises(ValueError, match=f"1 to {generate.MAX_DOCUMENTS}"):
        generate.generate_documents(count)


def test_documents_made_one_at_a_time_are_those_of_the_list() -> None:
    made = generate.iter_documents(4, seed=5)
    assert not isinstance(made, list)
    assert [doc.model_dump() for doc in made] == [
        doc.model_dump() for doc in generate.generate_documents(4, seed=5)
    ]


@pytest.mark.parametrize(
    ("pools", "needed"),
    [
        # 35 people a document and 5 a park; 40 new enterprises; a district for every 6 documents, and its
        # city and province fewer still
        (generate._PEOPLE, 40 * generate.MAX_DOCUMENTS),
        (generate._BRANDS, 40 * generate.MAX_DOCUMENTS),
        (generate._PLACES, generate.MAX_DOCUMENTS // 3),
    ],
)
def test_names_stay_distinct_past_the_first_pool_up_to_the_largest_count(
    pools: tuple[tuple[str, ...], ...], needed: int
) -> None:
    names = [generate._name(index, pools) for index in range(needed)]
    assert len(set(names)) == needed
