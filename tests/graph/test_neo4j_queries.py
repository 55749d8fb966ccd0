"""The analysts' Cypher files in docs/neo4j/queries and the Browser stylesheet stay in step with the store.

Every query file runs, with the parameters it sets, against a Neo4j store
loaded with the example world, and its answer is compared with the store's own
answer to the same question.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from factbuilder import park_documents
from neo4j import Driver

from parkgraph.config import Settings
from parkgraph.graph.neo4j_store import Neo4jStore
from parkgraph.graph.store import Store
from parkgraph.ontology.vocab import load_vocabulary

DOCS = Path(__file__).resolve().parents[2] / "docs" / "neo4j"
QUERIES = sorted((DOCS / "queries").glob("*.cypher"))
PARAM = re.compile(r":param\s+(\w+)\s*=>\s*(.+?);?\s*$")


@dataclass(frozen=True)
class QueryFile:
    """A Browser script: `:param` lines, comments, and one Cypher statement."""

    comments: list[str]
    parameters: dict[str, Any]
    statement: str


def _parse(path: Path) -> QueryFile:
    comments, parameters, body = [], {}, []
    for line in path.read_text(encoding="utf-8").splitlines():
        stripped = line.strip()
        if stripped.startswith("//"):
            comments.append(stripped)
        elif stripped.startswith(":param"):
            found = PARAM.fullmatch(stripped)
            assert found, f"{path.name}: cannot read {stripped!r}"
            parameters[found[1]] = ast.literal_eval(found[2])
        elif stripped:
            body.append(line)
    statement = "\n".join(body).strip()
    assert statement.endswith(";"), (
        f"{path.name}: end the statement with ';' for Browser's multi-statement mode"
    )
    statement = statement.removesuffix(";")
    assert ";" not in statement, f"{path.name}: one Cypher statement per file"
    return QueryFile(comments, parameters, statement)


@pytest.fixture
def world(empty_neo4j: Driver, neo4j_settings: Settings) -> Neo4jStore:
    store = Neo4jStore(empty_neo4j, neo4j_settings.neo4j_database)
    for facts in park_documents():
        store.load(facts)
    return store


def _run(driver: Driver, settings: Settings, query: QueryFile) -> list[dict]:
    records, _, _ = driver.execute_query(query.statement, query.parameters, database_=settings.neo4j_database)
    return [record.data() for record in records]


def _id(store: Store, name: str) -> str:
    [found] = [entity for entity in store.search(name) if entity.name == name]
    return found.id


def _enterprises_under(store: Store, params: dict, rows: list[dict]) -> None:
    expected = store.enterprises_under(_id(store, params["organization"]))
    assert [(row["enterprise"], row["depth"]) for row in rows] == sorted(
        (reach.entity.name, reach.depth) for reach in expected
    )


def _committee_hierarchy(store: Store, params: dict, rows: list[dict]) -> None:
    committee = _id(store, params["committee"])
    above = {(reach.entity.name, reach.depth) for reach in store.hierarchy_above(committee)}
    below = {
        (entity.name, reach.depth)
        for entity in store.iter_entities()
        for reach in store.hierarchy_above(entity.id)
        if reach.entity.id == committee
    }
    assert {(row["organization"], row["depth"]) for row in rows if row["side"] == "above"} == above
    assert {(row["organization"], row["depth"]) for row in rows if row["side"] == "below"} == below


def _posts_held(store: Store, params: dict, rows: list[dict]) -> None:
    posts = store.neighbours(_id(store, params["organization"]), types=["HOLDS_POST"], direction="in")
    assert sorted((row["person"], row["title"]) for row in rows) == sorted(
        (post.entity.name, post.relation.attributes["title"]) for post in posts
    )


def _paths_between(store: Store, params: dict, rows: list[dict]) -> None:
    path = store.shortest_path(_id(store, params["source"]), _id(store, params["target"]))
    assert path is not None
    assert {row["hops"] for row in rows} == {len(path.relations)}
    assert [entity.name for entity in path.entities] in [row["names"] for row in rows]


def _relation_evidence(store: Store, params: dict, rows: list[dict]) -> None:
    [relation] = [
        neighbour.relation
        for neighbour in store.neighbours(_id(store, params["head"]), types=[params["type"]], direction="out")
        if neighbour.entity.name == params["tail"]
    ]
    assert [(row["relation"], row["sentence"], row["source"]) for row in rows] == [
        (relation.id, item.text, item.source) for item in relation.evidence
    ]


def _search_names(store: Store, params: dict, rows: list[dict]) -> None:
    text = params["text"].strip('"')
    assert {row["name"] for row in rows} >= {entity.name for entity in store.search(text)}


CHECKS: dict[str, Callable[[Store, dict, list[dict]], None]] = {
    "committee_hierarchy": _committee_hierarchy,
    "enterprises_under": _enterprises_under,
    "paths_between": _paths_between,
    "posts_held": _posts_held,
    "relation_evidence": _relation_evidence,
    "search_names": _search_names,
}


def test_every_query_file_has_a_check() -> None:
    assert sorted(path.stem for path in QUERIES) == sorted(CHECKS)


@pytest.mark.parametrize("path", QUERIES, ids=lambda path: path.stem)
def test_query_file_answers_as_the_store_does(
    path: Path, world: Neo4jStore, empty_neo4j: Driver, neo4j_settings: Settings
) -> None:
    query = _parse(path)
    assert query.comments, f"{path.name}: say what the query answers"
    assert query.parameters, f"{path.name}: take the names it asks about as :param parameters"
    rows = _run(empty_neo4j, neo4j_settings, query)
    assert rows, f"{path.name} found nothing in the example world"
    CHECKS[path.stem](world, query.parameters, rows)


def _stylesheet_rules() -> dict[str, str]:
    text = (DOCS / "parkgraph.grass").read_text(encoding="utf-8")
    return dict(re.findall(r"^([\w.]+)\s*\{\n(.*?)^\}", text, flags=re.MULTILINE | re.DOTALL))


def test_the_stylesheet_gives_every_label_a_colour_size_and_caption() -> None:
    vocabulary = load_vocabulary()
    rules = _stylesheet_rules()
    for label in ["Entity", *vocabulary.entity_types, *vocabulary.extra_types, "Document", "Evidence"]:
        body = rules.get(f"node.{label}")
        assert body is not None, f"no style for {label}"
        for needed in ("color:", "diameter:", "caption:"):
            assert needed in body, f"node.{label} has no {needed}"
    for label in ["Entity", *vocabulary.entity_types, *vocabulary.extra_types]:
        assert 'caption: "{name}"' in rules[f"node.{label}"]


def test_query_files_mention_only_ontology_relation_types() -> None:
    known = set(load_vocabulary().relation_types) | {"FROM"}
    for path in QUERIES:
        types = re.findall(r"\[\w*:([A-Z_|]+)", _parse(path).statement)
        used = {name for group in types for name in group.split("|")}
        assert used <= known, f"{path.name} uses {sorted(used - known)}"
