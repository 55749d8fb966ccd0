"""The bulk path: a CSV export imported into a new Neo4j server answers every query as the database it
came from, and keeps loading and retracting documents as that one does.

The source is the test run's own server (`empty_neo4j`); the import goes into a second server this
module starts in a temporary folder, through the README's `parkgraph neo4j import` line as written;
the same line again then refuses to replace the graph it imported. The graph has an analyst's
corrections too, so the import carries the correction log and evidence from no document.
"""

from __future__ import annotations

import re
import secrets
import shlex
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from neo4j import Driver
from samplekit import SAMPLE, load_sample
from typer.testing import CliRunner

from parkgraph.api.queries import entity_detail, posts_in, posts_of
from parkgraph.cli import app
from parkgraph.config import Settings
from parkgraph.curation import correct
from parkgraph.graph.corrections import Correction
from parkgraph.graph.exports import write_csv_zip
from parkgraph.graph.store import Store
from parkgraph.loaders.lexicon import load_lexicon
from parkgraph.loading import load_files
from parkgraph.neo4j_server import LOOPBACK, stop
from parkgraph.stores import open_store

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
[IMPORT_LINE] = [
    shlex.split(line, comments=True)
    for block in re.findall(r"```bash\n(.*?)```", README, flags=re.DOTALL)
    for line in block.splitlines()
    if line.startswith("parkgraph neo4j import")
]
PEOPLE_AND_THINGS = {"Person", "Practice", "Region"}
runner = CliRunner()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind((LOOPBACK, 0))
        return probe.getsockname()[1]


@pytest.fixture
def target(tmp_path: Path, neo4j_settings: Settings, monkeypatch: pytest.MonkeyPatch) -> Iterator[Settings]:
    """Settings of a second bundled server in a new folder (not started: the import starts it), which
    the CLI sees through the environment; stopped at the end."""
    settings = Settings(
        store="neo4j",
        neo4j_home=tmp_path / "target",
        neo4j_http_port=_free_port(),
        NEO4J_URI=f"bolt://{LOOPBACK}:{_free_port()}",
        NEO4J_USER="neo4j",
        NEO4J_PASSWORD=secrets.token_urlsafe(16),
        NEO4J_DATABASE="neo4j",
    )
    for name, value in {
        "PARKGRAPH_NEO4J_HOME": str(settings.neo4j_home),
        "PARKGRAPH_NEO4J_HTTP_PORT": str(settings.neo4j_http_port),
        "NEO4J_URI": settings.neo4j_uri,
        "NEO4J_USER": settings.neo4j_user,
        "NEO4J_PASSWORD": settings.neo4j_password,
        "NEO4J_DATABASE": settings.neo4j_database,
    }.items():
        monkeypatch.setenv(name, value)
    try:
        yield settings
    finally:
        stop(settings)


def _dumped(value: Any) -> Any:
    if isinstance(value, list):
        return [_dumped(item) for item in value]
    return value.model_dump(mode="json") if hasattr(value, "model_dump") else value


def answers(store: Store) -> dict[str, Any]:
    """What the API answers about the graph: every entity (detail, search by its name, and the walks
    and posts of an organization or a person), every relation with its evidence, every document."""
    found: dict[str, Any] = {
        "counts": store.counts(),
        "documents": store.documents(),
        "corrections": store.corrections(),
        "extracted": list(store.extracted_facts()),
    }
    for document in store.documents():
        found[f"facts {document.id}"] = store.document_facts(document.id)
    for entity in store.iter_entities():
        asked = {
            "detail": entity_detail(store, entity.id),
            "search": store.search(entity.name, limit=50),
            "named": store.named(entity.name, entity.type),
            "neighbours": store.neighbours(entity.id),
        }
        if entity.type == "Person":
            asked["posts"] = posts_of(store, entity.id)
        elif entity.type not in PEOPLE_AND_THINGS:
            asked |= {
                "enterprises": store.enterprises_under(entity.id),
                "hierarchy": store.hierarchy_above(entity.id),
                "subtree": store.subtree_below(entity.id),
                "posts": posts_in(store, entity.id),
            }
        found[entity.id] = asked
    for relation in store.iter_relations():
        found[relation.id] = store.relation(relation.id)
    return {key: _dumped(value) for key, value in found.items()}


def corrected(store: Store) -> None:
    """An analyst's corrections: a rename, and a relation no document states (evidence without FROM)."""
    lexicon = load_lexicon()
    branch = next(entity for entity in store.iter_entities() if entity.type == "Branch")
    enterprise = next(entity for entity in store.iter_entities() if entity.type == "Enterprise")
    correct(store, Correction(kind="rename", entity=branch.id, name=f"{branch.name}（更名）"), lexicon)
    added = Correction(
        kind="add-relation", head=branch.id, type="COVERS", tail=enterprise.id, evidence="名录"
    )
    correct(store, added, lexicon)
    assert len(store.corrections()) == 2


def _same(source: Store, imported: Store) -> None:
    expected, got = answers(source), answers(imported)
    assert got.keys() == expected.keys()
    differing = [key for key in expected if got[key] != expected[key]]
    assert not differing, differing[:5]


def test_an_imported_export_answers_as_the_loaded_database(
    empty_neo4j: Driver,
    neo4j_settings: Settings,
    target: Settings,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    source = open_store(neo4j_settings)
    load_sample(source)
    corrected(source)
    monkeypatch.chdir(tmp_path)
    with (tmp_path / IMPORT_LINE[-1]).open("wb") as archive:
        write_csv_zip(source, archive)

    result = runner.invoke(app, IMPORT_LINE[1:])

    assert result.exit_code == 0, result.stderr
    assert "IMPORT DONE" in result.stdout
    imported = open_store(target)
    try:
        _same(source, imported)
        assert imported.search("联合党支部"), "the full-text index answers"
        first = source.documents()[0]
        for store in (source, imported):
            store.retract(first.id)
        _same(source, imported)
        for store in (source, imported):
            report = load_files(store, [path for path in SAMPLE if path.name == first.source])
            assert report.ok and report.results[0].status == "loaded", report.failures
        _same(source, imported)
    finally:
        imported.close()
        source.close()

    again = runner.invoke(app, IMPORT_LINE[1:])
    assert again.exit_code == 2, "a database holding a graph is replaced only when asked"
    assert "--replace" in again.stderr
