"""The saved Neo4j Browser queries in docs/neo4j/queries answer on the sample corpus, as the store does.

Each file is one Cypher statement whose header lists the `:param` lines it needs, with example names
from the sample corpus (`samplekit`). Here every file runs through the driver, with those parameters,
on a throwaway Neo4j loaded with the sample corpus; it must return rows, and the same answer as the
store's own query for every entity its names match (by part of a name or alias). tests/browser
pastes the same files into a real Neo4j Browser.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import pytest
from neo4j import Driver
from samplekit import QUERIES, SavedQuery, load_sample, saved_query
from storekit import empty_neo4j_database

from parkgraph.config import Settings
from parkgraph.graph.model import Entity
from parkgraph.graph.naming import display_name
from parkgraph.graph.neo4j_store import Neo4jStore
from parkgraph.graph.store import Store
from parkgraph.ontology.vocab import load_vocabulary

DOCS = QUERIES[0].parents[1]


@pytest.fixture(scope="module")
def sample(neo4j_driver: Driver, neo4j_settings: Settings) -> Iterator[Neo4jStore]:
    """The test server's database holding just the sample corpus, for this module's tests."""
    empty_neo4j_database(neo4j_driver, neo4j_settings)
    store = Neo4jStore(neo4j_driver, neo4j_settings.neo4j_database)
    load_sample(store)
    yield store
    empty_neo4j_database(neo4j_driver, neo4j_settings)


def _rows(driver: Driver, settings: Settings, query: SavedQuery) -> list[dict]:
    """The file's whole text, comments included, as Browser sends it."""
    records, _, _ = driver.execute_query(query.text, query.parameters, database_=settings.neo4j_database)
    return [record.data() for record in records]


def _matching(store: Store, text: str) -> list[Entity]:
    """The entities one of whose names contains `text`: what a saved query's name parameter picks."""
    found = store.search(text, limit=1000)
    assert found, f"{text!r} matches nothing in the sample corpus"
    return found


def _enterprises_under(store: Store, params: dict, rows: list[dict]) -> None:
    expected = {
        (org.name, reach.entity.name, reach.depth)
        for org in _matching(store, params["organization"])
        for reach in store.enterprises_under(org.id)
    }
    assert {(row["organization"], row["enterprise"], row["depth"]) for row in rows} == expected


def _hierarchy_above(store: Store, params: dict, rows: list[dict]) -> None:
    expected = {
        (org.name, reach.entity.name, reach.depth)
        for org in _matching(store, params["organization"])
        for reach in store.hierarchy_above(org.id)
    }
    assert {(row["organization"], row["above"], row["depth"]) for row in rows} == expected


def _subtree_below(store: Store, params: dict, rows: list[dict]) -> None:
    expected = {
        (org.name, reach.entity.name, reach.depth)
        for org in _matching(store, params["organization"])
        for reach in store.subtree_below(org.id)
    }
    assert {(row["organization"], row["unit"], row["depth"]) for row in rows} == expected


def _posts_held(store: Store, params: dict, rows: list[dict]) -> None:
    expected = set()
    for found in _matching(store, params["name"]):
        for post in store.neighbours(found.id, types=["HOLDS_POST"]):
            person, org = (found, post.entity) if post.direction == "out" else (post.entity, found)
            expected.add((person.name, post.relation.attributes["title"], org.name))
    assert {(row["person"], row["title"], row["organization"]) for row in rows} == expected


def _paths_between(store: Store, params: dict, rows: list[dict]) -> None:
    [source] = _matching(store, params["source"])
    [target] = _matching(store, params["target"])
    path = store.shortest_path(source.id, target.id)
    assert path is not None
    assert {row["hops"] for row in rows} == {len(path.relations)}
    assert [entity.name for entity in path.entities] in [row["names"] for row in rows]


def _relation_evidence(store: Store, params: dict, rows: list[dict]) -> None:
    tails = {entity.id for entity in _matching(store, params["tail"])}
    expected = [
        (neighbour.relation.id, item.text, item.source)
        for head in _matching(store, params["head"])
        for neighbour in store.neighbours(head.id, types=[params["type"]], direction="out")
        if neighbour.entity.id in tails
        for item in neighbour.relation.evidence
    ]
    assert sorted((row["relation"], row["sentence"], row["source"]) for row in rows) == sorted(expected)


def _search_names(store: Store, params: dict, rows: list[dict]) -> None:
    expected = {(entity.name, entity.display) for entity in _matching(store, params["text"])}
    assert {(row["name"], row["display"]) for row in rows} == expected


CHECKS: dict[str, Callable[[Store, dict, list[dict]], None]] = {
    "enterprises_under": _enterprises_under,
    "hierarchy_above": _hierarchy_above,
    "paths_between": _paths_between,
    "posts_held": _posts_held,
    "relation_evidence": _relation_evidence,
    "search_names": _search_names,
    "subtree_below": _subtree_below,
}


def test_every_query_file_has_a_check() -> None:
    assert sorted(path.stem for path in QUERIES) == sorted(CHECKS)


@pytest.mark.parametrize("path", QUERIES, ids=lambda path: path.stem)
def test_a_query_file_is_one_statement_with_its_parameters_in_its_header(path) -> None:
    query = saved_query(path)
    assert query.comments[0].startswith("// "), f"{path.name}: say what the query answers"
    assert query.text.rstrip().endswith(";")
    assert ";" not in query.statement, f"{path.name}: one Cypher statement per file"
    used = set(re.findall(r"\$(\w+)", query.statement))
    assert used == set(query.parameters), f"{path.name}: list a :param line for each of {sorted(used)}"


@pytest.mark.parametrize("path", QUERIES, ids=lambda path: path.stem)
def test_query_file_answers_as_the_store_does(
    path, sample: Neo4jStore, neo4j_driver: Driver, neo4j_settings: Settings
) -> None:
    query = saved_query(path)
    rows = _rows(neo4j_driver, neo4j_settings, query)
    assert rows, f"{path.name} found nothing in the sample corpus"
    CHECKS[path.stem](sample, query.parameters, rows)


def test_every_entity_node_carries_its_display_name(
    sample: Neo4jStore, neo4j_driver: Driver, neo4j_settings: Settings
) -> None:
    records, _, _ = neo4j_driver.execute_query(
        "MATCH (n:Entity) RETURN n.name AS name, n.display AS display",
        database_=neo4j_settings.neo4j_database,
    )
    assert records
    assert {(row["name"], row["display"]) for row in records} == {
        (row["name"], display_name(row["name"])) for row in records
    }


def _stylesheet_rules() -> dict[str, str]:
    text = (DOCS / "parkgraph.grass").read_text(encoding="utf-8")
    return dict(re.findall(r"^([\w.]+)\s*\{\n(.*?)^\}", text, flags=re.MULTILINE | re.DOTALL))


def test_the_stylesheet_gives_every_label_a_colour_size_and_short_caption() -> None:
    vocabulary = load_vocabulary()
    rules = _stylesheet_rules()
    for label in ["Entity", *vocabulary.entity_types, *vocabulary.extra_types, "Document", "Evidence"]:
        body = rules.get(f"node.{label}")
        assert body is not None, f"no style for {label}"
        for needed in ("color:", "diameter:", "caption:"):
            assert needed in body, f"node.{label} has no {needed}"
    for label in ["Entity", *vocabulary.entity_types, *vocabulary.extra_types]:
        assert 'caption: "{display}"' in rules[f"node.{label}"]


def test_query_files_mention_only_ontology_relation_types() -> None:
    known = set(load_vocabulary().relation_types) | {"FROM"}
    for path in QUERIES:
        types = re.findall(r"\[\w*:([A-Z_|]+)", saved_query(path).statement)
        used = {name for group in types for name in group.split("|")}
        assert used <= known, f"{path.name} uses {sorted(used - known)}"
