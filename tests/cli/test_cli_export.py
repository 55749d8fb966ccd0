"""`parkgraph export --format graphml|csv`: files other tools read, from the store the CLI opens."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import pytest
from benchkit import load_benchmark
from factbuilder import park_documents
from typer.testing import CliRunner

from parkgraph.cli import app
from parkgraph.graph.embedded import EmbeddedStore
from parkgraph.graph.exports import import_command, write_csv_zip
from parkgraph.graph.facts import DocumentFacts

runner = CliRunner()
README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")

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


def _rows(archive: zipfile.ZipFile, name: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(archive.read(name).decode("utf-8"))))


def test_csv_export_to_stdout_is_a_zip_of_import_files(data: Path) -> None:
    result = runner.invoke(app, ["export", "--format", "csv", "--data", str(data)])

    assert result.exit_code == 0, result.stderr
    archive = zipfile.ZipFile(io.BytesIO(result.stdout_bytes))
    entities = _rows(archive, "entities.csv")
    relations = _rows(archive, "relations.csv")
    evidence = _rows(archive, "evidence.csv")
    sources = _rows(archive, "evidence_from.csv")
    documents = _rows(archive, "documents.csv")
    store = EmbeddedStore(data)
    assert entities[0][0] == "id:ID(Entity)"
    assert sorted(row[0] for row in entities[1:]) == sorted(entity.id for entity in store.iter_entities())
    assert relations[0][:3] == [":START_ID(Entity)", ":END_ID(Entity)", ":TYPE"]
    assert len(relations) - 1 == len(list(store.iter_relations()))
    [document] = store.documents()
    assert [row[0] for row in documents[1:]] == [document.id]
    assert documents[1][documents[0].index("text")] == DOC.strip()
    assert {row[evidence[0].index("document")] for row in evidence[1:]} == {document.id}
    assert [row[1:] for row in sources[1:]] == [[document.id, "FROM"]] * (len(evidence) - 1)


def _members(archive: zipfile.ZipFile) -> dict[str, bytes]:
    """Each member's name and contents (a zip's bytes also hold when it was made)."""
    return {name: archive.read(name) for name in archive.namelist()}


def test_csv_export_to_a_file_is_the_zip_write_csv_zip_writes(data: Path, tmp_path: Path) -> None:
    out = tmp_path / "import.zip"

    result = runner.invoke(app, ["export", "--format", "csv", "-o", str(out), "--data", str(data)])

    assert result.exit_code == 0, result.stderr
    assert result.stdout_bytes == b""
    expected = io.BytesIO()
    write_csv_zip(EmbeddedStore(data), expected)
    with zipfile.ZipFile(out) as written:
        assert written.testzip() is None
        assert _members(written) == _members(zipfile.ZipFile(expected))


def test_the_csv_zip_reaches_its_file_while_the_export_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Written as it is made, not held whole first: when `documents.csv` is begun (the store's
    extracted facts asked for), `entities.csv` is in the file already."""
    graph = tmp_path / "graph.db"
    store = EmbeddedStore(graph)
    for facts in load_benchmark("generate").generate_documents(12, seed=3):
        store.load(facts)
    store.close()
    out = tmp_path / "import.zip"
    written_by_then: list[int] = []
    extracted_facts = EmbeddedStore.extracted_facts

    def watched(self: EmbeddedStore) -> Iterator[DocumentFacts]:
        written_by_then.append(out.stat().st_size if out.exists() else 0)
        return extracted_facts(self)

    monkeypatch.setattr(EmbeddedStore, "extracted_facts", watched)

    result = runner.invoke(app, ["export", "--format", "csv", "-o", str(out), "--data", str(graph)])

    assert result.exit_code == 0, result.stderr
    assert len(written_by_then) == 1 and written_by_then[0] > 0


def test_a_csv_export_that_fails_leaves_no_half_written_zip(tmp_path: Path) -> None:
    """An alias holding the array delimiter cannot be written: the error comes once the zip is begun."""
    graph = tmp_path / "graph.db"
    store = EmbeddedStore(graph)
    facts = park_documents()[0]
    entity = facts.entities[0]
    broken = entity.model_copy(update={"aliases": [*entity.aliases, "甲\x1e乙"]})
    store.load(facts.model_copy(update={"entities": [broken, *facts.entities[1:]]}))
    store.close()
    out = tmp_path / "import.zip"

    result = runner.invoke(app, ["export", "--format", "csv", "-o", str(out), "--data", str(graph)])

    assert result.exit_code != 0
    assert isinstance(result.exception, ValueError) and "U+001E" in str(result.exception)
    assert not out.exists()


def test_the_readme_shows_the_import_command_of_the_export() -> None:
    shown = re.search(r"^neo4j-admin database import full .*$", README, flags=re.MULTILINE)

    assert shown is not None
    assert shown[0].split() == import_command(folder="import")


def test_turtle_export_still_writes_text(data: Path) -> None:
    result = runner.invoke(app, ["export", "--data", str(data)])

    assert result.exit_code == 0, result.stderr
    assert "甲乙科技有限公司" in result.stdout


def test_an_unknown_format_is_refused_with_the_choices(data: Path) -> None:
    result = runner.invoke(app, ["export", "--format", "xml", "--data", str(data)])

    assert result.exit_code == 2
    assert "graphml" in result.stderr and "Traceback" not in result.stderr
