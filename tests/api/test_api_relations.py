"""`/api/relations/{id}`: one relation with all its evidence."""

from __future__ import annotations

from factbuilder import JOINT_BRANCH, PARK_COMMITTEE, SECRETARY, TECH_COMPANY

from parkgraph.graph.facts import DocumentFacts
from parkgraph.graph.keys import entity_key, relation_key

JOINT_ID = entity_key("Branch", JOINT_BRANCH)
TECH_ID = entity_key("Enterprise", TECH_COMPANY)
SECRETARY_ID = entity_key("Person", SECRETARY)
PARK_COMMITTEE_ID = entity_key("Committee", PARK_COMMITTEE)


def _facts_of(documents: list[DocumentFacts], type_: str, head: str, tail: str) -> list[tuple[str, object]]:
    """(document id, relation fact) for every statement of one relation across the documents."""
    found = []
    for facts in documents:
        keys = {entity.id: entity.key for entity in facts.entities}
        for fact in facts.relations:
            if (fact.type, keys[fact.head], keys[fact.tail]) == (type_, head, tail):
                found.append((facts.document.id, fact))
    return found


def test_relation_stated_twice_has_both_evidence_sentences(client, documents):
    relation_id = relation_key("COVERS", JOINT_ID, TECH_ID)

    response = client.get(f"/api/relations/{relation_id}")

    assert response.status_code == 200
    relation = response.json()
    stated = _facts_of(documents, "COVERS", JOINT_ID, TECH_ID)
    assert len(stated) == 2
    assert (relation["id"], relation["type"], relation["head"], relation["tail"]) == (
        relation_id,
        "COVERS",
        JOINT_ID,
        TECH_ID,
    )
    assert {(e["document"], e["start"], e["end"], e["text"]) for e in relation["evidence"]} == {
        (doc_id, fact.evidence.start, fact.evidence.end, fact.evidence.text) for doc_id, fact in stated
    }
    assert relation["confidence"] == max(fact.confidence for _, fact in stated)


def test_post_relation_carries_its_title(client):
    relation = client.get(
        f"/api/relations/{relation_key('HOLDS_POST', SECRETARY_ID, PARK_COMMITTEE_ID, '书记')}"
    )

    assert relation.status_code == 200
    assert relation.json()["attributes"] == {"title": "书记"}


def test_unknown_relation_is_a_404_problem(client, expect_problem):
    body = expect_problem(client.get("/api/relations/r-0000000000000000"), 404)

    assert "r-0000000000000000" in body["detail"]
