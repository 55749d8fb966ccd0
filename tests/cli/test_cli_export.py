"""`parkgraph export --format graphml|csv`: files other tools read, from the store the CLI opens."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import networkx as nx
import pytest
from typer.testing import CliRunner

from parkgraph.cli import app
from parkgraph.graph.embedded import EmbeddedStore

runner = CliRunner()

DOC = "示例县工业园区成立甲乙科技有限公司、丙丁机械有限公司联合党支部。\n"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """An embedded store file loaded with one document through the CLI."""
    (tmp_path / "a.txt").write_text(DOC, encoding="utf-8")
    graph = tmp_path / "graph.db"
    result = runner.invoke(app, ["load", str(tmp_path / "a.txt"), "--data", str(graph)])
    assert result.exit_code == 0, result.stderr
    return graph


def test_graphml_export_holds_every_entity_and_relation(data: Path, tmp_path: Path) -> None:
    out = tmp_path / "graph.graphml"

    result = runner.invoke(app, ["export", "--format", "graphml", "-o", str(out), "--data", str(data)])

    assert result.exit_code == 0, result.stderr
    store = EmbeddedStore(data)
    G = nx.read_graphml(out, force_multigraph=True)
    assert set(G.nodes) == {entity.id for entity in store.iter_entities()}
    assert {key for *_, key in G.edges(keys=True)} == {relation.id for relation in store.iter_relations()}
    assert "甲乙科技有限公司" in {name for _, name in G.nodes(data="name")}


def test_csv_export_to_stdout_is_a_zip_of_import_files(data: Path) -> None:
    result = runner.invoke(app, ["export", "--format", "csv", "--data", str(data)])

    assert result.exit_code == 0, result.stderr
    archive = zipfile.ZipFile(io.BytesIO(result.stdout_bytes))
    nodes = list(csv.reader(io.StringIO(archive.read("nodes.csv").decode("utf-8"))))
    relationships = list(csv.reader(io.StringIO(archive.read("relationships.csv").decode("utf-8"))))
    store = EmbeddedStore(data)
    assert nodes[0] == ["id:ID", "name", "display", "type", "aliases:string[]", ":LABEL"]
    assert sorted(row[0] for row in nodes[1:]) == sorted(entity.id for entity in store.iter_entities())
    assert relationships[0][:3] == [":START_ID", ":END_ID", ":TYPE"]
    assert len(relationships) - 1 == len(list(store.iter_relations()))


def test_turtle_export_still_writes_text(data: Path) -> None:
    result = runner.invoke(app, ["export", "--data", str(data)])

    assert result.exit_code == 0, result.stderr
    assert "甲乙科技有限公司" in result.stdout


def test_an_unknown_format_is_refused_with_the_choices(data: Path) -> None:
    result = runner.invoke(app, ["export", "--format", "xml", "--data", str(data)])

    assert result.exit_code == 2
    assert "graphml" in result.stderr and "Traceback" not in result.stderr
