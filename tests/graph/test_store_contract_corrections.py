"""The `Store` contract for corrections: the log, the extracted facts kept, loads under the log and
rebuilds. Every store kind must pass these, through the `store` fixture only."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from factbuilder import (
    INDUSTRY_COMMITTEE,
    JOINT_BRANCH,
    MAKER_COMPANY,
    PARK,
    TECH_COMPANY,
    alliance_report,
    briefing,
    park_documents,
)

from parkgraph.graph.corrections import Correction
from parkgraph.graph.errors import Changed
from parkgraph.graph.keys import entity_key, relation_key
from parkgraph.graph.store import Store

PARK_ID = entity_key("Park", PARK)
JOINT_ID = entity_key("Branch", JOINT_BRANCH)
INDUSTRY_ID = entity_key("Committee", INDUSTRY_COMMITTEE)
TECH_ID = entity_key("Enterprise", TECH_COMPANY)
MAKER_ID = entity_key("Enterprise", MAKER_COMPANY)

MERGE = Correction(
    seq=1, kind="merge", entity=TECH_ID, other=MAKER_ID, name=TECH_COMPANY, type="Enterprise", author="a"
)
RENAME = Correction(seq=1, kind="rename", entity=PARK_ID, name="示例经济园区", author="a")
DROP = Correction(seq=1, kind="drop-relation", head=JOINT_ID, type="COVERS", tail=TECH_ID, author="a")
ADD = Correction(
    seq=2,
    kind="add-relation",
    head=INDUSTRY_ID,
    type="COVERS",
    tail=MAKER_ID,
    evidence="名录第3页",
    author="a",
)


@pytest.fixture
def world(store: Store) -> Store:
    for facts in park_documents():
        store.load(facts)
    return store


def _graph(store: Store) -> tuple[list, list]:
    return list(store.iter_entities()), list(store.iter_relations())


def test_a_store_keeps_each_documents_extracted_facts_in_load_order(world: Store) -> None:
    assert list(world.extracted_facts()) == park_documents()
    world.retract(briefing().document.id)
    assert list(world.extracted_facts()) == [alliance_report()]


def test_rebuilding_under_an_empty_log_gives_back_the_same_graph(world: Store) -> None:
    before = _graph(world)
    world.rebuild(list(world.extracted_facts()), [])
    assert _graph(world) == before
    assert world.corrections() == []


def test_a_merge_leaves_one_entity_under_the_kept_id_and_name(world: Store) -> None:
    world.rebuild(list(world.extracted_facts()), [MERGE])
    assert world.entity(MAKER_ID) is None
    kept = world.entity(TECH_ID)
    assert kept is not None and kept.name == TECH_COMPANY
    assert MAKER_COMPANY in kept.aliases
    assert [reach.entity.id for reach in world.enterprises_under(JOINT_ID)] == [TECH_ID]
    assert [entity.id for entity in world.named(MAKER_COMPANY, "Enterprise")] == [TECH_ID]
    assert world.corrections() == [MERGE]


def test_documents_loaded_after_a_correction_follow_it(store: Store) -> None:
    store.load(briefing())
    store.rebuild(list(store.extracted_facts()), [RENAME])
    store.load(alliance_report())
    park = store.entity(PARK_ID)
    assert park is not None and park.name == "示例经济园区"
    assert {PARK, "示例园区", "示例工业园"} <= set(park.aliases)


def test_undoing_a_correction_gives_back_the_graph_from_before_it(world: Store) -> None:
    before = _graph(world)
    world.rebuild(list(world.extracted_facts()), [RENAME])
    assert _graph(world) != before
    undo = Correction(seq=2, kind="undo", target=1, author="a")
    world.rebuild(list(world.extracted_facts()), [RENAME, undo])
    assert _graph(world) == before
    assert world.corrections() == [RENAME, undo]


def test_a_dropped_relation_stays_dropped_and_an_added_one_carries_the_analysts_evidence(
    world: Store,
) -> None:
    world.rebuild(list(world.extracted_facts()), [DROP, ADD])
    dropped = relation_key("COVERS", JOINT_ID, TECH_ID)
    added_id = relation_key("COVERS", INDUSTRY_ID, MAKER_ID)
    assert world.relation(dropped) is None
    added = world.relation(added_id)
    assert added is not None and added.confidence == 1.0
    assert [(e.document, e.text) for e in added.evidence] == [("correction-2", "名录第3页")]
    alliance = alliance_report().document.id
    world.retract(alliance)
    world.load(alliance_report())
    assert world.relation(dropped) is None
    assert world.relation(added_id) == added


def test_an_added_relation_appears_once_both_its_ends_are_held(store: Store) -> None:
    store.rebuild([], [ADD.model_copy(update={"seq": 1})])
    assert list(store.iter_relations()) == []
    store.load(briefing())
    added = store.relation(relation_key("COVERS", INDUSTRY_ID, MAKER_ID))
    assert added is not None and added.evidence[0].document == "correction-1"


def test_a_rebuild_prepared_from_other_documents_writes_nothing(world: Store) -> None:
    prepared = list(world.extracted_facts())
    world.retract(alliance_report().document.id)
    before = _graph(world)
    with pytest.raises(Changed):
        world.rebuild(prepared, [RENAME])
    assert world.corrections() == []
    assert _graph(world) == before


def test_a_rebuild_must_extend_the_log_it_was_prepared_from(world: Store) -> None:
    world.rebuild(list(world.extracted_facts()), [RENAME])
    with pytest.raises(Changed):
        world.rebuild(list(world.extracted_facts()), [DROP])
    assert world.corrections() == [RENAME]


def test_the_log_outlives_the_process(open_store: Callable[[], Store]) -> None:
    first = open_store()
    first.load(briefing())
    first.rebuild(list(first.extracted_facts()), [DROP, ADD])
    graph = _graph(first)
    first.close()
    reopened = open_store()
    assert reopened.corrections() == [DROP, ADD]
    assert _graph(reopened) == graph
