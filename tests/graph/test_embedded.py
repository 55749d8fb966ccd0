"""What only the embedded store promises: its SQLite file, atomic writes, migration, clear errors."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import sqlite3
import zipfile
from pathlib import Path

import pytest
import reliability
from factbuilder import (
    JOINT_COMMITTEE,
    PARK,
    PARK_COMMITTEE,
    FactBuilder,
    alliance_report,
    briefing,
    park_documents,
)
from storekit import json_store_file

from parkgraph.graph import embedded
from parkgraph.graph.embedded import EmbeddedStore
from parkgraph.graph.errors import StoreError
from parkgraph.graph.exports import write_csv_zip
from parkgraph.graph.keys import entity_key


@pytest.fixture
def graph_file(tmp_path: Path) -> Path:
    return tmp_path / "graph.db"


def test_without_a_path_nothing_is_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    store = EmbeddedStore()
    assert store.load(briefing()).status == "loaded"
    assert list(tmp_path.iterdir()) == []


def test_a_missing_file_becomes_an_empty_store(graph_file: Path) -> None:
    store = EmbeddedStore(graph_file)
    assert store.counts().documents == 0
    assert graph_file.read_bytes().startswith(b"SQLite format 3")


def test_an_empty_file_is_an_empty_store(graph_file: Path) -> None:
    """Another process may have just created the file: SQLite takes an empty file for an empty database."""
    graph_file.touch()
    EmbeddedStore(graph_file).load(briefing())
    assert EmbeddedStore(graph_file).counts().documents == 1


def test_the_file_is_a_versioned_sqlite_database(graph_file: Path) -> None:
    store = EmbeddedStore(graph_file)
    store.load(briefing())
    with contextlib.closing(sqlite3.connect(graph_file)) as db:
        assert dict(db.execute("SELECT key, value FROM meta WHERE key IN ('format', 'version')")) == {
            "format": "parkgraph-embedded-sqlite",
            "version": "1",
        }
        assert [row[0] for row in db.execute("SELECT id FROM documents")] == [briefing().document.id]
        assert {row[0] for row in db.execute("SELECT id FROM entities")} == {
            e.id for e in store.iter_entities()
        }
        assert db.execute("PRAGMA journal_mode").fetchone() == ("wal",)


def test_a_load_is_committed_when_it_returns(graph_file: Path) -> None:
    store = EmbeddedStore(graph_file)
    with store.batch():
        store.load(briefing())
        assert EmbeddedStore(graph_file).document(briefing().document.id) is not None


def test_another_open_store_sees_later_writes(graph_file: Path) -> None:
    first, second = park_documents()
    writer, reader = EmbeddedStore(graph_file), EmbeddedStore(graph_file)
    writer.load(first)
    assert reader.counts() == writer.counts()
    assert list(reader.iter_entities()) == list(writer.iter_entities())
    writer.load(second)
    reader.entity(entity_key("Park", PARK))
    assert list(reader.iter_relations()) == list(writer.iter_relations())
    writer.retract(first.document.id)
    assert list(reader.iter_entities()) == list(writer.iter_entities())
    assert [info.id for info in reader.documents()] == [second.document.id]
    reader.load(first)
    assert list(writer.iter_relations()) == list(reader.iter_relations())
    assert [info.id for info in writer.documents()] == [second.document.id, first.document.id]


def test_the_document_text_is_kept(graph_file: Path) -> None:
    facts = briefing()
    EmbeddedStore(graph_file).load(facts)
    assert EmbeddedStore(graph_file).document_facts(facts.document.id).text == facts.text


def test_a_retraction_is_saved(graph_file: Path) -> None:
    store = EmbeddedStore(graph_file)
    for facts in park_documents():
        store.load(facts)
    store.retract(briefing().document.id)
    reopened = EmbeddedStore(graph_file)
    assert reopened.document(briefing().document.id) is None
    assert reopened.counts() == store.counts()
    assert list(reopened.iter_entities()) == list(store.iter_entities())
    assert list(reopened.iter_relations()) == list(store.iter_relations())


def test_a_json_store_is_refused_with_the_command_that_converts_it(tmp_path: Path) -> None:
    old = json_store_file(tmp_path / "old.json", park_documents())
    before = old.read_bytes()
    with pytest.raises(StoreError) as refused:
        EmbeddedStore(old)
    assert str(refused.value).count("\n") == 0
    assert f"parkgraph migrate {old} {tmp_path / 'old.db'}" in str(refused.value)
    assert old.read_bytes() == before


def test_a_migrated_json_store_holds_the_same_graph(tmp_path: Path) -> None:
    original = EmbeddedStore()
    for facts in park_documents():
        original.load(facts)
    old = json_store_file(tmp_path / "old.json", park_documents())
    before = old.read_bytes()
    assert embedded.migrate_json(old, tmp_path / "new.db") == len(park_documents())
    migrated = EmbeddedStore(tmp_path / "new.db")
    assert migrated.documents() == original.documents()
    assert list(migrated.iter_entities()) == list(original.iter_entities())
    assert list(migrated.iter_relations()) == list(original.iter_relations())
    assert migrated.document_facts(briefing().document.id) == original.document_facts(briefing().document.id)
    assert old.read_bytes() == before
    assert embedded.migrate_json(old, tmp_path / "new.db") is None


def test_extracted_facts_are_read_a_few_at_a_time_in_load_order(monkeypatch: pytest.MonkeyPatch) -> None:
    store = EmbeddedStore()
    for facts in park_documents():
        store.load(facts)
    monkeypatch.setattr(embedded, "_EXTRACTED_CHUNK", 1)
    reads = []
    read = store._extracted_of
    monkeypatch.setattr(store, "_extracted_of", lambda ids: reads.append(list(ids)) or read(ids))
    stream = store.extracted_facts()
    assert reads == []
    first = next(stream)
    assert reads == [[park_documents()[0].document.id]]
    assert [first, *stream] == park_documents()
    assert reads == [[facts.document.id] for facts in park_documents()]


def test_a_migrated_store_refuses_its_extracted_facts_at_once_and_exports_texts_alone(tmp_path: Path) -> None:
    """Documents loaded before stores kept their facts as extracted: the call fails before any is read."""
    old = json_store_file(tmp_path / "old.json", park_documents())
    embedded.migrate_json(old, tmp_path / "new.db")
    store = EmbeddedStore(tmp_path / "new.db")
    store.load(alliance_report())
    with pytest.raises(StoreError, match="earlier version"):
        store.extracted_facts()
    written = io.BytesIO()
    write_csv_zip(store, written)
    archive = zipfile.ZipFile(written)
    header, *rows = csv.reader(io.StringIO(archive.read("documents.csv").decode("utf-8")))
    extracted = header.index("extracted")
    assert [row[0] for row in rows] == [document.id for document in store.documents()]
    assert [row[extracted] for row in rows] == [""] * len(rows)
    assert all(row[header.index("text")] for row in rows)


def test_a_json_store_without_names_by_document_keeps_aliases_until_their_entity_goes(tmp_path: Path) -> None:
    """A file written before names were kept per document: no document is known to have given an alias."""
    old = json_store_file(tmp_path / "old.json", park_documents())
    embedded.migrate_json(old, tmp_path / "new.db")
    park_id = entity_key("Park", PARK)
    before = EmbeddedStore(tmp_path / "new.db").entity(park_id)
    reopened = EmbeddedStore(tmp_path / "new.db")
    reopened.retract(briefing().document.id)
    after = reopened.entity(park_id)
    assert before is not None and after is not None
    assert (after.name, after.aliases) == (before.name, before.aliases)


def test_a_path_in_a_new_folder_is_created(tmp_path: Path) -> None:
    target = tmp_path / "data" / "graph.db"
    EmbeddedStore(target).load(briefing())
    assert EmbeddedStore(target).counts().documents == 1


def test_no_other_file_is_left_behind(graph_file: Path) -> None:
    store = EmbeddedStore(graph_file)
    for facts in park_documents():
        store.load(facts)
    store.close()
    assert [path.name for path in graph_file.parent.iterdir()] == [graph_file.name]


def _failing_after_write(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every write fails once its rows are written, as on a full disk at commit."""
    real = embedded._save

    def save(*args: object) -> int:
        real(*args)  # type: ignore[arg-type]
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(embedded, "_save", save)


@pytest.mark.reliability
def test_a_failed_write_changes_nothing(graph_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = EmbeddedStore(graph_file)
    first, second = park_documents()
    store.load(first)
    answers = store.counts(), list(store.iter_entities()), list(store.iter_relations())
    _failing_after_write(monkeypatch)
    with pytest.raises(StoreError, match="disk is full"):
        store.load(second)
    assert (store.counts(), list(store.iter_entities()), list(store.iter_relations())) == answers
    assert store.document(second.document.id) is None
    reopened = EmbeddedStore(graph_file)
    assert (reopened.counts(), list(reopened.iter_entities()), list(reopened.iter_relations())) == answers
    monkeypatch.undo()
    assert store.load(second).status == "loaded"
    reliability.record("fault", "embedded store: a load whose write fails (disk full) changes nothing")


@pytest.mark.reliability
def test_a_failed_retraction_write_changes_nothing(graph_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = EmbeddedStore(graph_file)
    for facts in park_documents():
        store.load(facts)
    answers = store.counts(), list(store.iter_entities()), list(store.iter_relations())
    _failing_after_write(monkeypatch)
    with pytest.raises(StoreError, match="disk is full"):
        store.retract(briefing().document.id)
    assert (store.counts(), list(store.iter_entities()), list(store.iter_relations())) == answers
    reopened = EmbeddedStore(graph_file)
    assert (reopened.counts(), list(reopened.iter_entities()), list(reopened.iter_relations())) == answers
    reliability.record("fault", "embedded store: a retraction whose write fails changes nothing")


@pytest.mark.parametrize(
    "content",
    [
        b"{not json",
        b"\xff\xfe\x00garbage",
        b'{"format": "something-else", "version": 1, "documents": [], "nodes": [], "edges": []}',
        b'{"format": "parkgraph-embedded", "version": 2, "documents": [], "nodes": [], "edges": []}',
        b'{"format": "parkgraph-embedded", "version": 1, "documents": [], "nodes": []}',
    ],
    ids=["truncated", "binary", "other-format", "future-version", "missing-edges"],
)
def test_an_unreadable_file_is_a_store_error_naming_it(graph_file: Path, content: bytes) -> None:
    graph_file.write_bytes(content)
    with pytest.raises(StoreError, match=str(graph_file)):
        EmbeddedStore(graph_file)


def test_another_sqlite_database_is_a_store_error(graph_file: Path) -> None:
    with contextlib.closing(sqlite3.connect(graph_file)) as db:
        db.execute("CREATE TABLE t (x)")
    with pytest.raises(StoreError, match="not a parkgraph store"):
        EmbeddedStore(graph_file)


def test_a_json_store_with_a_relation_to_a_missing_entity_is_not_migrated(tmp_path: Path) -> None:
    old = json_store_file(tmp_path / "old.json", [briefing()])
    saved = json.loads(old.read_text(encoding="utf-8"))
    saved["nodes"] = saved["nodes"][1:]
    old.write_text(json.dumps(saved, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(StoreError, match="inconsistent"):
        embedded.migrate_json(old, tmp_path / "new.db")


def test_a_folder_instead_of_a_file_is_a_store_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match=str(tmp_path)):
        EmbeddedStore(tmp_path)


def test_joint_committee_label(graph_file: Path) -> None:
    store = EmbeddedStore(graph_file)
    store.load(briefing())
    joint = store.entity(entity_key("Committee", JOINT_COMMITTEE))
    assert joint is not None
    assert joint.labels == ["Committee", "JointCommittee"]


def test_a_key_held_with_another_type_is_refused(graph_file: Path) -> None:
    store = EmbeddedStore(graph_file)
    store.load(briefing())
    doc = FactBuilder("doc-clash")
    doc.entity("Park", "甲园区")
    facts = doc.build()
    facts.entities[0].key = entity_key("Committee", PARK_COMMITTEE)
    with pytest.raises(ValueError, match="Committee"):
        store.load(facts)
    assert store.document("doc-clash") is None


def test_an_entity_type_the_ontology_does_not_know_is_refused(graph_file: Path) -> None:
    store = EmbeddedStore(graph_file)
    doc = FactBuilder("doc-unknown-type")
    doc.entity("Factory", "甲工厂")
    with pytest.raises(ValueError, match="Factory"):
        store.load(doc.build())
    assert store.counts().documents == 0


def test_a_different_name_for_a_held_key_becomes_an_alias(graph_file: Path) -> None:
    store = EmbeddedStore(graph_file)
    store.load(briefing())
    doc = FactBuilder("doc-other-name")
    doc.entity("Park", "示例工业园区（一期）")
    facts = doc.build()
    facts.entities[0].key = entity_key("Park", PARK)
    store.load(facts)
    park = store.entity(entity_key("Park", PARK))
    assert park is not None
    assert park.name == PARK
    assert "示例工业园区（一期）" in park.aliases


def test_returned_models_do_not_share_state(graph_file: Path) -> None:
    store = EmbeddedStore(graph_file)
    store.load(briefing())
    park_id = entity_key("Park", PARK)
    park = store.entity(park_id)
    assert park is not None
    park.aliases.append("改过的别名")
    relation = next(store.iter_relations())
    relation.evidence.clear()
    assert "改过的别名" not in store.entity(park_id).aliases
    assert store.relation(relation.id).evidence


def test_a_store_behind_the_kept_change_log_reads_the_graph_again(
    graph_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(embedded, "KEPT_CHANGES", 1)
    first, second = park_documents()
    writer, reader = EmbeddedStore(graph_file), EmbeddedStore(graph_file)
    writer.load(first)
    assert list(reader.iter_entities()) == list(writer.iter_entities())
    writer.load(second)
    writer.retract(first.document.id)
    with contextlib.closing(sqlite3.connect(graph_file)) as db:
        assert db.execute("SELECT count(*) FROM changes").fetchone() == (1,)
    assert list(reader.iter_entities()) == list(writer.iter_entities())
    assert list(reader.iter_relations()) == list(writer.iter_relations())
    assert reader.documents() == writer.documents()
