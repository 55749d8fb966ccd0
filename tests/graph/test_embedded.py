"""What only the embedded store promises: its JSON file, atomic writes and clear errors about the file."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
import reliability
from factbuilder import JOINT_COMMITTEE, PARK, PARK_COMMITTEE, FactBuilder, briefing, park_documents

from parkgraph.graph import embedded
from parkgraph.graph.embedded import EmbeddedStore
from parkgraph.graph.errors import StoreError
from parkgraph.graph.keys import entity_key


@pytest.fixture
def graph_file(tmp_path: Path) -> Path:
    return tmp_path / "graph.json"


def test_without_a_path_nothing_is_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    store = EmbeddedStore()
    assert store.load(briefing()).status == "loaded"
    assert list(tmp_path.iterdir()) == []


def test_a_missing_file_is_an_empty_store_until_the_first_load(graph_file: Path) -> None:
    store = EmbeddedStore(graph_file)
    assert store.counts().documents == 0
    assert not graph_file.exists()
    store.load(briefing())
    assert graph_file.exists()


def test_the_file_is_versioned_readable_json(graph_file: Path) -> None:
    store = EmbeddedStore(graph_file)
    store.load(briefing())
    raw = graph_file.read_text(encoding="utf-8")
    assert PARK in raw
    saved = json.loads(raw)
    assert (saved["format"], saved["version"]) == ("parkgraph-embedded", 1)
    assert [record["id"] for record in saved["documents"]] == [briefing().document.id]
    assert {node["id"] for node in saved["nodes"]} == {entity.id for entity in store.iter_entities()}
    assert {edge["id"] for edge in saved["edges"]} == {relation.id for relation in store.iter_relations()}


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


def test_a_file_without_names_by_document_keeps_aliases_until_their_entity_goes(graph_file: Path) -> None:
    """A file written before names were kept per document: no document is known to have given an alias."""
    store = EmbeddedStore(graph_file)
    for facts in park_documents():
        store.load(facts)
    saved = json.loads(graph_file.read_text(encoding="utf-8"))
    del saved["names"]
    graph_file.write_text(json.dumps(saved, ensure_ascii=False), encoding="utf-8")
    park_id = entity_key("Park", PARK)
    before = EmbeddedStore(graph_file).entity(park_id)
    reopened = EmbeddedStore(graph_file)
    reopened.retract(briefing().document.id)
    after = reopened.entity(park_id)
    assert before is not None and after is not None
    assert (after.name, after.aliases) == (before.name, before.aliases)


def test_a_path_in_a_new_folder_is_created(tmp_path: Path) -> None:
    target = tmp_path / "data" / "graph.json"
    EmbeddedStore(target).load(briefing())
    assert EmbeddedStore(target).counts().documents == 1


def test_no_temporary_file_is_left_behind(graph_file: Path) -> None:
    store = EmbeddedStore(graph_file)
    for facts in park_documents():
        store.load(facts)
    assert [path.name for path in graph_file.parent.iterdir()] == [graph_file.name]


@pytest.mark.reliability
def test_a_failed_write_changes_nothing(graph_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = EmbeddedStore(graph_file)
    first, second = park_documents()
    store.load(first)
    before = graph_file.read_bytes()
    counts = store.counts()

    def refuse(source: str, target: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(embedded.os, "replace", refuse)
    with pytest.raises(StoreError, match="disk full"):
        store.load(second)
    assert store.counts() == counts
    assert store.document(second.document.id) is None
    assert graph_file.read_bytes() == before
    assert [path.name for path in graph_file.parent.iterdir()] == [graph_file.name]
    reliability.record("fault", "embedded store: a load whose write fails (disk full) changes nothing")


@pytest.mark.reliability
def test_a_failed_retraction_write_changes_nothing(graph_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = EmbeddedStore(graph_file)
    for facts in park_documents():
        store.load(facts)
    before = graph_file.read_bytes()
    answers = store.counts(), list(store.iter_entities()), list(store.iter_relations())

    def refuse(source: str, target: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(embedded.os, "replace", refuse)
    with pytest.raises(StoreError, match="disk full"):
        store.retract(briefing().document.id)
    assert (store.counts(), list(store.iter_entities()), list(store.iter_relations())) == answers
    assert graph_file.read_bytes() == before
    reliability.record("fault", "embedded store: a retraction whose write fails changes nothing")


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"{not json",
        b"\xff\xfe\x00garbage",
        b'{"format": "something-else", "version": 1, "documents": [], "nodes": [], "edges": []}',
        b'{"format": "parkgraph-embedded", "version": 2, "documents": [], "nodes": [], "edges": []}',
        b'{"format": "parkgraph-embedded", "version": 1, "documents": [], "nodes": []}',
    ],
    ids=["empty", "truncated", "binary", "other-format", "future-version", "missing-edges"],
)
def test_an_unreadable_file_is_a_store_error_naming_it(graph_file: Path, content: bytes) -> None:
    graph_file.write_bytes(content)
    with pytest.raises(StoreError, match=str(graph_file)):
        EmbeddedStore(graph_file)


def test_a_relation_to_a_missing_entity_is_a_store_error(graph_file: Path) -> None:
    EmbeddedStore(graph_file).load(briefing())
    saved = json.loads(graph_file.read_text(encoding="utf-8"))
    saved["nodes"] = saved["nodes"][1:]
    graph_file.write_text(json.dumps(saved, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(StoreError, match="inconsistent"):
        EmbeddedStore(graph_file)


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


def test_the_write_is_synced_before_the_rename(graph_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd: int) -> None:
        calls.append("fsync")
        real_fsync(fd)

    def replace(source: str, target: str) -> None:
        calls.append("replace")
        assert Path(source).parent == graph_file.parent
        real_replace(source, target)

    monkeypatch.setattr(embedded.os, "fsync", fsync)
    monkeypatch.setattr(embedded.os, "replace", replace)
    EmbeddedStore(graph_file).load(briefing())
    assert calls == ["fsync", "replace"]
