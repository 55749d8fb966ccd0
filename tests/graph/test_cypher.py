"""The Cypher builders place only ontology names and checked numbers in a statement."""

from __future__ import annotations

import pytest

from parkgraph.graph import cypher
from parkgraph.ontology.vocab import load_vocabulary


@pytest.mark.parametrize("name", ["Unknown", "Branch`) DETACH DELETE (n", "branch", ""])
def test_a_label_outside_the_vocabulary_is_refused(name: str) -> None:
    with pytest.raises(ValueError, match="unknown entity label"):
        cypher.label_clause(["Branch", name])


def test_labels_and_types_come_back_quoted() -> None:
    assert cypher.label_clause(["Committee", "JointCommittee"]) == ":`Committee`:`JointCommittee`"
    assert cypher.relationship_types(["SUBORDINATE_TO", "COVERS"]) == ":`COVERS`|`SUBORDINATE_TO`"
    every = cypher.relationship_types()
    assert all(f"`{name}`" in every for name in load_vocabulary().relation_types)


@pytest.mark.parametrize("types", [["FOLLOWS"], ["COVERS", "COVERS]-() DETACH DELETE (x"], []])
def test_a_relation_type_outside_the_vocabulary_is_refused(types: list[str]) -> None:
    with pytest.raises(ValueError):
        cypher.relationship_types(types)


@pytest.mark.parametrize("length", [0, -1, True, 2.5, "6"])
def test_a_path_length_must_be_a_whole_number_from_one(length: object) -> None:
    with pytest.raises(ValueError, match="max_length"):
        cypher.shortest_paths_view(None, length)  # type: ignore[arg-type]


def test_a_path_length_is_placed_as_a_number() -> None:
    assert "*..4]" in cypher.shortest_paths_view(["COVERS"], 4)


@pytest.mark.parametrize(
    ("query", "phrase"),
    [
        ("示例港", '"示例港"'),
        ("联合", '"联合"'),
        ("港", None),
        ("abc示例", None),
        ("“444”", None),
        ('示"例', None),
    ],
)
def test_only_runs_of_ideographs_go_to_the_full_text_index(query: str, phrase: str | None) -> None:
    assert cypher.fulltext_phrase(query) == phrase


def test_schema_statements_are_idempotent_and_cover_every_relation_type() -> None:
    statements = cypher.schema()
    assert all("IF NOT EXISTS" in statement for statement in statements)
    for name in load_vocabulary().relation_types:
        assert any(f"`{name}`" in statement and "r.id IS UNIQUE" in statement for statement in statements)
    assert any("FULLTEXT" in statement and "'cjk'" in statement for statement in statements)
