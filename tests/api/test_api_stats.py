"""`/api/stats`: counts by type."""

from __future__ import annotations

from collections import Counter

from parkgraph.graph.facts import DocumentFacts
from parkgraph.graph.keys import relation_key


def _distinct(documents: list[DocumentFacts]) -> tuple[Counter[str], Counter[str]]:
    """Entity and relation counts by type, each entity and relation counted once across documents."""
    entities: dict[str, str] = {}
    relations: dict[str, str] = {}
    for facts in documents:
        keys = {entity.id: entity.key for entity in facts.entities}
        entities |= {entity.key: entity.type for entity in facts.entities}
        for fact in facts.relations:
            title = fact.attributes.get("title", "")
            relations[relation_key(fact.type, keys[fact.head], keys[fact.tail], title)] = fact.type
    return Counter(entities.values()), Counter(relations.values())


def test_counts_match_what_was_loaded(client, documents):
    entities, relations = _distinct(documents)

    response = client.get("/api/stats")

    assert response.status_code == 200
    assert response.json() == {"documents": len(documents), "entities": entities, "relations": relations}
