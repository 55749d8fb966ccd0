"""Cross-document resolution: one node for a unit however each document spells it."""

from __future__ import annotations

from pathlib import Path

import pytest

from parkgraph.graph.embedded import EmbeddedStore
from parkgraph.loaders.pipeline import Pipeline
from parkgraph.loading import load_files


@pytest.fixture
def pipeline() -> Pipeline:
    return Pipeline()


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def parks(store: EmbeddedStore) -> list:
    return [e for e in store.iter_entities() if e.type == "Park"]


@pytest.mark.parametrize("order", [(0, 1), (1, 0)])
def test_a_park_with_and_without_its_region_is_one_node(tmp_path: Path, pipeline: Pipeline, order) -> None:
    docs = [
        write(tmp_path, "a.txt", "四川省样板经济技术开发区召开党建工作会。\n"),
        write(tmp_path, "b.txt", "样板经济技术开发区党工委书记钱立说,园区发展良好。\n"),
    ]
    store = EmbeddedStore(tmp_path / "g.json")
    report = load_files(store, [docs[i] for i in order], pipeline=pipeline)
    assert report.ok
    found = parks(store)
    assert len(found) == 1
    assert len(found[0].documents) == 2
    committee = next(e for e in store.iter_entities() if e.type == "Committee")
    assert [r.entity.id for r in store.hierarchy_above(committee.id)] == []
    assert any(n.entity.id == found[0].id for n in store.neighbours(committee.id))


def test_the_same_generic_word_in_two_documents_never_merges_two_units(
    tmp_path: Path, pipeline: Pipeline
) -> None:
    docs = [
        write(tmp_path, "a.txt", "示例县工业园区是省级园区。园区党委下设党群工作部。\n"),
        write(tmp_path, "b.txt", "样板县工业园区是省级园区。园区党委下设党群工作部。\n"),
    ]
    store = EmbeddedStore(tmp_path / "g.json")
    load_files(store, docs, pipeline=pipeline)
    committees = sorted(e.name for e in store.iter_entities() if e.type == "Committee")
    assert committees == ["样板县工业园区党委", "示例县工业园区党委"]
