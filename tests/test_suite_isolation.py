"""The test suite leaves a user's own Neo4j alone: it runs against a server it started itself."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import reliability
from neo4j import Driver

from parkgraph.config import Settings

ROOT = Path(__file__).resolve().parents[1]
# A test that empties its database and drops the schema: the most harmful one to point elsewhere.
DESTRUCTIVE = "tests/graph/test_neo4j_store.py::test_constraints_and_indexes_are_made_on_first_use"


@pytest.mark.reliability
def test_a_neo4j_at_neo4j_uri_keeps_its_data_while_the_tests_run(
    empty_neo4j: Driver, neo4j_settings: Settings
) -> None:
    """This run's server plays the user's: it holds a node of theirs, and the user's NEO4J_* settings
    name it while a destructive Neo4j test runs in a nested pytest."""
    database = neo4j_settings.neo4j_database
    empty_neo4j.execute_query("CREATE (:UsersOwn {note: '我的图谱'})", database_=database)
    users = {
        "NEO4J_URI": neo4j_settings.neo4j_uri,
        "NEO4J_USER": neo4j_settings.neo4j_user,
        "NEO4J_PASSWORD": neo4j_settings.neo4j_password,
        "NEO4J_DATABASE": database,
        "PARKGRAPH_STORE": "neo4j",
        "PARKGRAPH_REQUIRE_NEO4J": "1",
    }
    nested = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", DESTRUCTIVE],
        cwd=ROOT,
        env={**{k: v for k, v in os.environ.items() if k != reliability.OUT}, **users},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert nested.returncode == 0, nested.stdout[-2000:]
    assert "1 passed" in nested.stdout
    records, _, _ = empty_neo4j.execute_query(
        "MATCH (n) RETURN labels(n) AS labels, n.note AS note", database_=database
    )
    assert [(r["labels"], r["note"]) for r in records] == [(["UsersOwn"], "我的图谱")]
    reliability.record(
        "isolation", "a user's Neo4j at NEO4J_URI while a destructive test runs: its data kept", unit="runs"
    )
