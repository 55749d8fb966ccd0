"""Scoring by SCHEMA.md's rules, on small invented gold and predictions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from parkgraph.loaders.evaluation import GoldError, load_gold, score

GOLD = {
    "a.txt": {
        "source": "a.txt",
        "entities": [
            {"type": "Committee", "name": "示例县委", "aliases": ["中共示例县委"]},
            {"type": "Person", "name": "赵海平"},
            {"type": "Practice", "name": "双联双带计划"},
            {"type": "Region", "name": "示例县"},
        ],
        "relations": [
            {"head": "赵海平", "type": "HOLDS_POST", "tail": "示例县委", "title": "书记"},
            {"head": "示例县委", "type": "PARTY_ORG_OF", "tail": "示例县"},
        ],
    }
}


def prediction(entities: list[dict], relations: list[dict], source: str = "a.txt") -> dict:
    return {
        "document": {"id": "x", "source": f"/some/where/{source}"},
        "entities": entities,
        "relations": relations,
    }


def test_alias_traditional_and_practice_containment_match() -> None:
    pred = prediction(
        [
            {"id": "e1", "type": "Committee", "name": "中共示例縣委"},
            {"id": "e2", "type": "Person", "name": "赵海平"},
            {"id": "e3", "type": "Practice", "name": "“双联双带”"},
            {"id": "e4", "type": "Region", "name": "别的县"},
        ],
        [
            {"type": "HOLDS_POST", "head": "e2", "tail": "e1", "attributes": {"title": "常委"}},
            {"type": "HOLDS_POST", "head": "e2", "tail": "e1"},
            {"type": "PARTY_ORG_OF", "head": "e1", "tail": "e4"},
        ],
    )
    scores = score(GOLD, [pred])
    ents, rels = scores.total(scores.entities), scores.total(scores.relations)
    assert (ents.tp, ents.fp, ents.fn) == (3, 1, 1)
    assert (rels.tp, rels.fp, rels.fn) == (1, 1, 1)
    assert scores.relations["HOLDS_POST"].f1 == 1.0
    kinds = {(m.kind, m.text) for m in scores.misses}
    assert ("missed entity", "Region 示例县") in kinds
    assert ("false relation", "中共示例縣委 PARTY_ORG_OF 别的县") in kinds


def test_short_practice_names_do_not_match_by_containment() -> None:
    pred = prediction([{"id": "e1", "type": "Practice", "name": "双联"}], [])
    assert score(GOLD, [pred]).entities["Practice"].tp == 0


def test_a_gold_document_without_prediction_counts_as_missed() -> None:
    scores = score(GOLD, [prediction([], [], source="other.txt")])
    assert scores.unmatched_documents == ["a.txt"]
    assert scores.total(scores.entities).fn == 4
    assert scores.total(scores.entities).f1 == 0.0


def test_load_gold_reads_a_folder_and_refuses_bad_files(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text(json.dumps(GOLD["a.txt"], ensure_ascii=False), encoding="utf-8")
    assert set(load_gold(tmp_path)) == {"a.txt"}
    (tmp_path / "b.json").write_text("{broken", encoding="utf-8")
    with pytest.raises(GoldError, match=r"b\.json"):
        load_gold(tmp_path)
    with pytest.raises(GoldError, match="no gold"):
        load_gold(_empty(tmp_path))


def _empty(tmp_path: Path) -> Path:
    folder = tmp_path / "empty"
    folder.mkdir()
    return folder
