"""The `Store` contract: every store kind must pass these, through the `store` fixture only."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from itertools import pairwise

import pytest
from factbuilder import (
    COMPANY_BRANCH,
    DISTRICT_COMMITTEE,
    ELECTRONICS_COMPANY,
    INDUSTRY_COMMITTEE,
    JOINT_BRANCH,
    JOINT_COMMITTEE,
    MAKER_COMPANY,
    ORGANIZATION_DEPARTMENT,
    PARK,
    PARK_COMMITTEE,
    SECRETARY,
    TECH_COMPANY,
    FactBuilder,
    alliance_report,
    briefing,
    park_documents,
)

from parkgraph.graph.errors import NotFound
from parkgraph.graph.facts import DocumentFacts
from parkgraph.graph.keys import entity_key, relation_key
from parkgraph.graph.model import Counts, Reach, Relation, RetractResult, Window
from parkgraph.graph.store import Store

PARK_ID = entity_key("Park", PARK)
PARK_COMMITTEE_ID = entity_key("Committee", PARK_COMMITTEE)
DISTRICT_ID = entity_key("Committee", DISTRICT_COMMITTEE)
DEPARTMENT_ID = entity_key("Organization", ORGANIZATION_DEPARTMENT)
JOINT_COMMITTEE_ID = entity_key("Committee", JOINT_COMMITTEE)
JOINT_ID = entity_key("Branch", JOINT_BRANCH)
INDUSTRY_ID = entity_key("Committee", INDUSTRY_COMMITTEE)
COMPANY_BRANCH_ID = entity_key("Branch", COMPANY_BRANCH)
TECH_ID = entity_key("Enterprise", TECH_COMPANY)
MAKER_ID = entity_key("Enterprise", MAKER_COMPANY)
ELECTRONICS_ID = entity_key("Enterprise", ELECTRONICS_COMPANY)
SECRETARY_ID = entity_key("Person", SECRETARY)


@pytest.fixture
def world(store: Store) -> Store:
    """The store with the example world loaded."""
    for facts in park_documents():
        store.load(facts)
    return store


def _relation_ids(facts: DocumentFacts) -> list[str]:
    """The stable id of each relation fact, in order."""
    keys = {fact.id: fact.key for fact in facts.entities}
    return [
        relation_key(fact.type, keys[fact.head], keys[fact.tail], fact.attributes.get("title", ""))
        for fact in facts.relations
    ]


def _keys(facts: DocumentFacts) -> set[str]:
    return {fact.key for fact in facts.entities}


def _expected_counts(documents: list[DocumentFacts]) -> Counts:
    """What `counts()` must say after loading `documents`, worked out from the facts themselves."""
    entities = {(fact.type, fact.key) for facts in documents for fact in facts.entities}
    relations = {
        (fact.type, rid)
        for facts in documents
        for fact, rid in zip(facts.relations, _relation_ids(facts), strict=True)
    }
    return Counts(
        documents=len(documents),
        entities=dict(sorted(Counter(type_ for type_, _ in entities).items())),
        relations=dict(sorted(Counter(type_ for type_, _ in relations).items())),
    )


def _relations(store: Store) -> dict[str, Relation]:
    return {relation.id: relation for relation in store.iter_relations()}


def _assert_walk(start: str, reach: Reach) -> None:
    """The path is a chain of relations from `start` to the entity reached, `depth` long."""
    assert len(reach.path) == reach.depth
    at = start
    for relation in reach.path:
        assert at in (relation.head, relation.tail)
        at = relation.tail if relation.head == at else relation.head
    assert at == reach.entity.id


def _nearest_first(reaches: list[Reach]) -> bool:
    order = [(reach.depth, reach.entity.name, reach.entity.id) for reach in reaches]
    return order == sorted(order)


# --- loading -----------------------------------------------------------------------------------------


def test_a_working_store_passes_its_check(world: Store) -> None:
    assert world.check() is None


def test_load_reports_what_it_added(store: Store) -> None:
    facts = briefing()
    result = store.load(facts)
    assert result.status == "loaded"
    assert result.document == facts.document.id
    assert result.source == facts.document.source
    assert result.entities == len({fact.key for fact in facts.entities})
    assert result.relations == len(set(_relation_ids(facts)))


def test_reloading_a_document_changes_nothing(store: Store) -> None:
    store.load(briefing())
    counts, relations = store.counts(), _relations(store)
    again = store.load(briefing())
    assert again.status == "unchanged"
    assert store.counts() == counts
    assert _relations(store) == relations


def test_counts_by_type(world: Store) -> None:
    assert world.counts() == _expected_counts(park_documents())


def test_two_documents_support_one_relation(world: Store) -> None:
    covers = world.relation(relation_key("COVERS", JOINT_ID, TECH_ID))
    assert covers is not None
    assert (covers.type, covers.head, covers.tail) == ("COVERS", JOINT_ID, TECH_ID)
    assert sorted(item.document for item in covers.evidence) == sorted(
        facts.document.id for facts in park_documents()
    )
    assert covers.confidence == max(item.confidence for item in covers.evidence)
    assert {item.confidence for item in covers.evidence} == {0.6, 0.9}


def test_evidence_points_into_the_document_text(world: Store) -> None:
    texts = {facts.document.id: facts.text for facts in park_documents()}
    sources = {facts.document.id: facts.document.source for facts in park_documents()}
    for relation in world.iter_relations():
        assert relation.evidence
        for item in relation.evidence:
            assert texts[item.document][item.start : item.end] == item.text
            assert item.source == sources[item.document]


def test_a_relation_repeated_in_one_document_keeps_one_evidence(store: Store) -> None:
    doc = FactBuilder("doc-repeat")
    committee, branch = doc.entity("Committee", "甲党委"), doc.entity("Branch", "乙党支部")
    repeated = doc.relation("SUBORDINATE_TO", branch, committee)
    facts = doc.build()
    facts.relations.append(repeated.model_copy())
    store.load(facts)
    [relation] = store.iter_relations()
    assert len(relation.evidence) == 1


def test_each_post_title_is_its_own_relation(world: Store) -> None:
    posts = world.neighbours(SECRETARY_ID, types=["HOLDS_POST"], direction="out")
    titles = {(n.entity.id, n.relation.attributes.get("title")) for n in posts}
    assert titles == {(PARK_COMMITTEE_ID, "书记"), (PARK_COMMITTEE_ID, "党委委员"), (TECH_ID, "董事长")}


def test_aliases_and_documents_merge_across_documents(world: Store) -> None:
    park = world.entity(PARK_ID)
    assert park is not None
    assert park.name == PARK
    assert {"示例园区", "示例工业园"} <= set(park.aliases)
    assert park.documents == [facts.document.id for facts in park_documents()]
    department = world.entity(DEPARTMENT_ID)
    assert department is not None
    assert department.documents == [briefing().document.id]


def test_a_bad_document_changes_nothing(store: Store) -> None:
    store.load(briefing())
    counts, relations = store.counts(), _relations(store)
    doc = FactBuilder("doc-bad")
    newcomer = doc.entity("Enterprise", "壬癸物流有限公司")
    joint = doc.entity("Branch", JOINT_BRANCH)
    doc.relation("COVERS", joint, newcomer)
    doc.relation("COVERS", joint, "e99")
    with pytest.raises(ValueError, match="e99"):
        store.load(doc.build())
    assert store.counts() == counts
    assert _relations(store) == relations
    assert store.document("doc-bad") is None
    assert store.entity(entity_key("Enterprise", "壬癸物流有限公司")) is None


def test_a_relation_needs_a_type(store: Store) -> None:
    doc = FactBuilder("doc-untyped")
    first, second = doc.entity("Committee", "甲党委"), doc.entity("Branch", "乙党支部")
    doc.relation("", second, first)
    with pytest.raises(ValueError):
        store.load(doc.build())
    assert store.counts().documents == 0


def test_a_failed_document_can_be_loaded_once_fixed(store: Store) -> None:
    doc = FactBuilder("doc-fixed")
    committee = doc.entity("Committee", "甲党委")
    doc.relation("SUBORDINATE_TO", "e9", committee)
    with pytest.raises(ValueError):
        store.load(doc.build())
    fixed = FactBuilder("doc-fixed")
    committee = fixed.entity("Committee", "甲党委")
    branch = fixed.entity("Branch", "乙党支部")
    fixed.relation("SUBORDINATE_TO", branch, committee)
    assert store.load(fixed.build()).status == "loaded"


def test_documents_in_load_order(world: Store) -> None:
    documents = park_documents()
    assert [info.id for info in world.documents()] == [facts.document.id for facts in documents]
    held = world.document(documents[1].document.id)
    assert held is not None
    assert (held.source, held.title) == (documents[1].document.source, documents[1].document.title)
    assert world.document("no-such-document") is None


def test_unknown_ids_read_as_none(world: Store) -> None:
    assert world.entity("committee-000000000000") is None
    assert world.relation("r-0000000000000000") is None


def test_iterates_every_entity_and_relation(world: Store) -> None:
    documents = park_documents()
    assert {entity.id for entity in world.iter_entities()} == {
        fact.key for facts in documents for fact in facts.entities
    }
    assert set(_relations(world)) == set().union(*(_relation_ids(facts) for facts in documents))


def test_reopened_store_gives_the_same_answers(open_store: Callable[[], Store]) -> None:
    first = open_store()
    for facts in park_documents():
        first.load(facts)
    answers = _answers(first)
    first.close()
    reopened = open_store()
    assert _answers(reopened) == answers
    assert reopened.load(briefing()).status == "unchanged"


def _answers(store: Store) -> tuple:
    return (
        store.counts(),
        store.documents(),
        sorted(store.iter_entities(), key=lambda entity: entity.id),
        sorted(store.iter_relations(), key=lambda relation: relation.id),
        store.search("示例"),
        store.enterprises_under(PARK_COMMITTEE_ID),
        store.shortest_path(TECH_ID, ELECTRONICS_ID),
    )


# --- labels and search -------------------------------------------------------------------------------


def test_joint_organizations_carry_extra_labels(world: Store) -> None:
    joint = world.entity(JOINT_ID)
    committee = world.entity(PARK_COMMITTEE_ID)
    assert joint is not None and committee is not None
    assert set(joint.labels) == {"Branch", "JointBranch"}
    assert committee.labels == ["Committee"]
    assert joint.type == "Branch"


def test_traditional_query_finds_simplified_name(world: Store) -> None:
    found = {entity.id for entity in world.search("聯合")}
    assert found == {JOINT_ID, JOINT_COMMITTEE_ID}


def test_search_ignores_whitespace_and_matches_aliases(world: Store) -> None:
    assert [entity.id for entity in world.search("示例 工业园区", type_="Park")] == [PARK_ID]
    assert [entity.id for entity in world.search("園區黨委")] == [PARK_COMMITTEE_ID]


def test_search_filters_by_type_and_label(world: Store) -> None:
    assert [entity.id for entity in world.search("联合", type_="Branch")] == [JOINT_ID]
    assert [entity.id for entity in world.search("联合", type_="JointCommittee")] == [JOINT_COMMITTEE_ID]
    assert world.search("联合", type_="Enterprise") == []


def _entities_by_name(documents: list[DocumentFacts], type_: str) -> list[str]:
    """The ids of the entities of `type_` in `documents`, in the order a listing gives them."""
    named = {(fact.name, fact.key) for facts in documents for fact in facts.entities if fact.type == type_}
    return [key for _, key in sorted(named)]


def test_entities_are_listed_by_type_in_name_order(world: Store) -> None:
    for type_ in ("Committee", "Enterprise", "Branch"):
        expected = _entities_by_name(park_documents(), type_)
        listed = world.list_entities(type_, limit=100)
        assert [entity.id for entity in listed] == expected
        assert all(entity.type == type_ for entity in listed)
        assert world.count_entities(type_) == len(expected)


def test_entities_are_listed_by_extra_label(world: Store) -> None:
    assert [entity.id for entity in world.list_entities("JointBranch")] == [JOINT_ID]
    assert world.count_entities("JointCommittee") == 1


def test_listing_pages_through_the_same_order(world: Store) -> None:
    every = world.list_entities("Committee", limit=100)
    assert len(every) >= 4
    assert world.list_entities("Committee", limit=2, offset=1) == every[1:3]
    assert world.list_entities("Committee", limit=3, offset=len(every) - 1) == every[-1:]
    assert world.list_entities("Committee", offset=len(every)) == []


def test_listing_without_a_type_gives_every_entity(world: Store) -> None:
    every = world.list_entities(limit=1000)
    assert {entity.id for entity in every} == {entity.id for entity in world.iter_entities()}
    assert [(e.name, e.id) for e in every] == sorted((e.name, e.id) for e in every)
    assert world.count_entities() == sum(world.counts().entities.values()) == len(every)


def test_listing_follows_a_retraction(world: Store) -> None:
    world.retract(briefing().document.id)
    assert world.list_entities("JointCommittee") == []
    assert world.count_entities("JointCommittee") == 0


@pytest.mark.parametrize(
    ("type_", "limit", "offset"), [("Committe", 20, 0), ("Committee", -1, 0), (None, 5, -2)]
)
def test_listing_refuses_an_unknown_type_or_a_negative_page(
    world: Store, type_: str | None, limit: int, offset: int
) -> None:
    with pytest.raises(ValueError):
        world.list_entities(type_, limit, offset)


def test_counting_refuses_an_unknown_type(world: Store) -> None:
    with pytest.raises(ValueError, match="unknown type"):
        world.count_entities("Committe")


def _ranking_document() -> DocumentFacts:
    doc = FactBuilder("doc-ranking")
    doc.entity("Organization", "东示例港管委会")
    doc.entity("Park", "示例港物流园区")
    doc.entity("Enterprise", "示例港口集团")
    doc.entity("Enterprise", "甲港务有限公司", "示例港")
    doc.entity("Park", "示例港")
    doc.entity("Enterprise", "ABC示例科技有限公司")
    return doc.build()


def test_search_ranks_exact_then_prefix_then_substring(store: Store) -> None:
    store.load(_ranking_document())
    names = [entity.name for entity in store.search("示例港")]
    assert names == ["示例港", "甲港务有限公司", "示例港口集团", "示例港物流园区", "东示例港管委会"]


def test_search_is_case_insensitive(store: Store) -> None:
    store.load(_ranking_document())
    assert [entity.name for entity in store.search("abc示例")] == ["ABC示例科技有限公司"]


def test_search_pages(store: Store) -> None:
    store.load(_ranking_document())
    every = store.search("示例")
    assert len(every) == 6
    assert store.search("示例", limit=2, offset=1) == every[1:3]
    assert store.search("示例", limit=3, offset=5) == every[5:]
    assert store.search("示例", offset=6) == []


def test_search_refuses_an_empty_query(store: Store) -> None:
    with pytest.raises(ValueError):
        store.search("  ")


def test_named_finds_exact_names_and_aliases_of_one_type(store: Store) -> None:
    store.load(_ranking_document())
    harbour = entity_key("Park", "示例港")
    assert [entity.id for entity in store.named("示例港", "Park")] == [harbour]
    assert [entity.name for entity in store.named("示例港", "Enterprise")] == ["甲港务有限公司"]
    assert [entity.name for entity in store.named("abc示例科技有限公司", "Enterprise")] == [
        "ABC示例科技有限公司"
    ]
    assert store.named("示例", "Park") == []
    assert store.named("示例港", "Organization") == []


def test_named_compares_search_forms_and_labels(world: Store) -> None:
    assert [entity.id for entity in world.named(" 示例工業園區第一聯合黨支部 ", "JointBranch")] == [JOINT_ID]
    assert world.named("示例工业园区", "Park") == [world.entity(PARK_ID)]


def test_named_each_answers_as_named_for_every_pair(world: Store) -> None:
    pairs = [
        ("示例工業園區第一聯合黨支部", "JointBranch"),
        ("示例工业园区", "Park"),
        ("示例工业园区", "Enterprise"),
        ("abc", "Enterprise"),
        ("  ", "Park"),
    ]
    unheld = [(f"未见{number}号园区", "Park") for number in range(600)]  # more than one query's worth
    answered = world.named_each(unheld + pairs + pairs[:1])
    assert answered == {pair: [] for pair in unheld} | {pair: world.named(*pair) for pair in pairs}
    assert answered[pairs[0]] == [world.entity(JOINT_ID)]
    assert world.named_each([]) == {}


def test_named_finds_names_that_hold_a_query_language_s_special_characters(store: Store) -> None:
    odd = FactBuilder("doc-odd")
    names = ['示例"引号"科技有限公司', "示例\\反斜(杠)*科技有限公司", "示例 A+B:C 科技有限公司"]
    for name in names:
        odd.entity("Enterprise", name)
    store.load(odd.build())
    for name in names:
        assert [entity.name for entity in store.named(name, "Enterprise")] == [name]
    assert store.named("示例", "Enterprise") == []


def test_entities_are_the_held_ones_among_the_ids(world: Store) -> None:
    asked = [PARK_ID, "entity-not-held", JOINT_ID, PARK_ID]
    assert world.entities(asked) == {PARK_ID: world.entity(PARK_ID), JOINT_ID: world.entity(JOINT_ID)}
    assert world.entities([]) == {}


def test_neighbour_entities_each_answers_as_neighbour_entities(world: Store) -> None:
    held = [PARK_COMMITTEE_ID, JOINT_ID, PARK_ID]
    for types, direction in ((None, "both"), (["SUBORDINATE_TO"], "in"), (["PART_OF", "NOT_A_TYPE"], "out")):
        answered = world.neighbour_entities_each([*held, "entity-not-held"], types, direction)
        assert answered == {key: world.neighbour_entities(key, types, direction) for key in held}
    assert world.neighbour_entities_each([PARK_COMMITTEE_ID], ["SUBORDINATE_TO"], "in")[PARK_COMMITTEE_ID]
    assert world.neighbour_entities_each([PARK_ID], ["NOT_A_TYPE"]) == {PARK_ID: []}


def test_named_follows_names_left_by_a_retraction(store: Store) -> None:
    store.load(_ranking_document())
    other = FactBuilder("doc-other-harbour")
    other.entity("Park", "示例港", "示例新港")
    store.load(other.build())
    harbour = entity_key("Park", "示例港")
    assert [entity.id for entity in store.named("示例新港", "Park")] == [harbour]
    store.retract("doc-other-harbour")
    assert store.named("示例新港", "Park") == []
    assert [entity.id for entity in store.named("示例港", "Park")] == [harbour]
    store.retract("doc-ranking")
    assert store.named("示例港", "Park") == []


# --- neighbours and walks ----------------------------------------------------------------------------


def test_neighbours_by_direction_and_type(world: Store) -> None:
    out = world.neighbours(PARK_COMMITTEE_ID, direction="out")
    assert {(n.relation.type, n.entity.id) for n in out} == {
        ("PARTY_ORG_OF", PARK_ID),
        ("SUBORDINATE_TO", DISTRICT_ID),
        ("ADOPTS", entity_key("Practice", "双联双促工作法")),
    }
    assert all(n.direction == "out" and n.relation.head == PARK_COMMITTEE_ID for n in out)
    under = world.neighbours(PARK_COMMITTEE_ID, types=["SUBORDINATE_TO"])
    assert {(n.direction, n.entity.id) for n in under} == {
        ("out", DISTRICT_ID),
        ("in", JOINT_ID),
        ("in", INDUSTRY_ID),
    }
    incoming = world.neighbours(PARK_COMMITTEE_ID, direction="in")
    assert all(n.direction == "in" and n.relation.tail == PARK_COMMITTEE_ID for n in incoming)
    assert len(incoming) == 4


def test_neighbour_entities_are_the_neighbours_once_each(store: Store) -> None:
    placed = FactBuilder("doc-harbour")
    harbour = placed.entity("Park", "示例港")
    region = placed.entity("Region", "示例区")
    committee = placed.entity("Committee", "示例港党委")
    placed.relation("LOCATED_IN", harbour, region)
    placed.relation("PART_OF", harbour, region)
    placed.relation("PARTY_ORG_OF", committee, harbour)
    store.load(placed.build())
    harbour_id, region_id = entity_key("Park", "示例港"), entity_key("Region", "示例区")
    around = store.neighbours(harbour_id)
    assert len(around) == 3
    assert store.neighbour_entities(harbour_id) == list({n.entity.id: n.entity for n in around}.values())
    placing = store.neighbour_entities(harbour_id, types=["LOCATED_IN", "PART_OF"], direction="out")
    assert [entity.id for entity in placing] == [region_id]
    assert [entity.name for entity in store.neighbour_entities(harbour_id, direction="in")] == ["示例港党委"]


def test_enterprises_under_a_park_committee(world: Store) -> None:
    reaches = world.enterprises_under(PARK_COMMITTEE_ID)
    assert {(reach.entity.id, reach.depth) for reach in reaches} == {
        (TECH_ID, 2),
        (MAKER_ID, 2),
        (ELECTRONICS_ID, 3),
    }
    assert _nearest_first(reaches)
    for reach in reaches:
        _assert_walk(PARK_COMMITTEE_ID, reach)
        assert reach.path[-1].type in ("COVERS", "PARTY_ORG_OF")
        assert all(relation.evidence for relation in reach.path)
    electronics = next(reach for reach in reaches if reach.entity.id == ELECTRONICS_ID)
    assert [relation.type for relation in electronics.path] == [
        "SUBORDINATE_TO",
        "SUBORDINATE_TO",
        "PARTY_ORG_OF",
    ]


def test_enterprises_under_a_joint_branch(world: Store) -> None:
    reaches = world.enterprises_under(JOINT_ID)
    assert {(reach.entity.id, reach.depth) for reach in reaches} == {(MAKER_ID, 1), (TECH_ID, 1)}
    assert _nearest_first(reaches)
    tech = next(reach for reach in reaches if reach.entity.id == TECH_ID)
    assert len(tech.path[0].evidence) == 2


def test_enterprises_under_reaches_down_from_the_district(world: Store) -> None:
    reaches = world.enterprises_under(DISTRICT_ID)
    assert {(reach.entity.id, reach.depth) for reach in reaches} == {
        (TECH_ID, 3),
        (MAKER_ID, 3),
        (ELECTRONICS_ID, 4),
    }
    assert world.enterprises_under(PARK_ID) == []


def test_hierarchy_above_nearest_first(world: Store) -> None:
    reaches = world.hierarchy_above(COMPANY_BRANCH_ID)
    assert [(reach.entity.id, reach.depth) for reach in reaches] == [
        (INDUSTRY_ID, 1),
        (PARK_COMMITTEE_ID, 2),
        (DISTRICT_ID, 3),
    ]
    for reach in reaches:
        _assert_walk(COMPANY_BRANCH_ID, reach)
    assert [reach.entity.id for reach in world.hierarchy_above(DEPARTMENT_ID)] == [DISTRICT_ID]
    assert world.hierarchy_above(DISTRICT_ID) == []


def test_subtree_below_to_a_depth(world: Store) -> None:
    everything = world.subtree_below(DISTRICT_ID)
    assert {(reach.entity.id, reach.depth) for reach in everything} == {
        (DEPARTMENT_ID, 1),
        (JOINT_COMMITTEE_ID, 1),
        (PARK_COMMITTEE_ID, 1),
        (JOINT_ID, 2),
        (INDUSTRY_ID, 2),
        (TECH_ID, 3),
        (MAKER_ID, 3),
        (COMPANY_BRANCH_ID, 3),
    }
    assert _nearest_first(everything)
    for reach in everything:
        _assert_walk(DISTRICT_ID, reach)
    for depth in (1, 2):
        shallow = world.subtree_below(DISTRICT_ID, max_depth=depth)
        assert shallow == [reach for reach in everything if reach.depth <= depth]
    assert world.subtree_below(DISTRICT_ID, max_depth=0) == []


WALKS: dict[str, Callable[[Store, Window], list[Reach]]] = {
    "enterprises under": lambda store, window: store.enterprises_under(PARK_COMMITTEE_ID, window=window),
    "hierarchy above": lambda store, window: store.hierarchy_above(COMPANY_BRANCH_ID, window=window),
    "subtree below": lambda store, window: store.subtree_below(DISTRICT_ID, 5, window=window),
}


@pytest.mark.parametrize("walk", WALKS.values(), ids=WALKS.keys())
def test_a_window_cuts_the_walk_s_answer_in_the_store(
    world: Store, walk: Callable[[Store, Window], list[Reach]]
) -> None:
    whole = walk(world, Window())
    assert len(whole) >= 3 and whole.total == len(whole)
    for offset, limit in ((0, 1), (1, 2), (2, 50), (len(whole), 5)):
        page = walk(world, Window(offset, limit))
        assert page == whole[offset : offset + limit]
        assert page.total == len(whole)


@pytest.mark.parametrize("walk", WALKS.values(), ids=WALKS.keys())
def test_a_window_without_evidence_keeps_each_relation_s_confidence(
    world: Store, walk: Callable[[Store, Window], list[Reach]]
) -> None:
    whole = walk(world, Window())
    brief = walk(world, Window(evidence=False))
    assert [reach.entity for reach in brief] == [reach.entity for reach in whole]
    for full, bare in zip(whole, brief, strict=True):
        assert [r.model_copy(update={"evidence": []}) for r in full.path] == bare.path
        assert all(relation.evidence for relation in full.path)
        assert world.relation(bare.path[0].id) == full.path[0]


def test_shortest_path_ignores_direction(world: Store) -> None:
    path = world.shortest_path(TECH_ID, ELECTRONICS_ID)
    assert path is not None
    assert [entity.id for entity in path.entities] == [
        TECH_ID,
        INDUSTRY_ID,
        COMPANY_BRANCH_ID,
        ELECTRONICS_ID,
    ]
    assert [relation.type for relation in path.relations] == ["COVERS", "SUBORDINATE_TO", "PARTY_ORG_OF"]
    for relation, (left, right) in zip(path.relations, pairwise(path.entities), strict=True):
        assert {relation.head, relation.tail} == {left.id, right.id}


def test_shortest_path_respects_types_and_length(world: Store) -> None:
    assert world.shortest_path(TECH_ID, ELECTRONICS_ID, max_length=2) is None
    assert world.shortest_path(TECH_ID, ELECTRONICS_ID, types=["COVERS", "PARTY_ORG_OF"]) is None
    via_posts = world.shortest_path(SECRETARY_ID, MAKER_ID)
    assert via_posts is not None and len(via_posts.relations) == 3
    assert world.shortest_path(SECRETARY_ID, MAKER_ID, types=["SUBORDINATE_TO", "COVERS"]) is None
    limited = world.shortest_path(SECRETARY_ID, MAKER_ID, types=["HOLDS_POST", "COVERS"])
    assert limited is not None
    assert [relation.type for relation in limited.relations] == ["HOLDS_POST", "COVERS", "COVERS"]


def test_shortest_path_to_itself(world: Store) -> None:
    path = world.shortest_path(PARK_ID, PARK_ID, max_length=0)
    assert path is not None
    assert [entity.id for entity in path.entities] == [PARK_ID]
    assert path.relations == []


QUERIES: dict[str, Callable[[Store, str], object]] = {
    "neighbours": lambda store, ident: store.neighbours(ident),
    "neighbour_entities": lambda store, ident: store.neighbour_entities(ident),
    "enterprises_under": lambda store, ident: store.enterprises_under(ident),
    "hierarchy_above": lambda store, ident: store.hierarchy_above(ident),
    "subtree_below": lambda store, ident: store.subtree_below(ident),
    "shortest_path from": lambda store, ident: store.shortest_path(ident, PARK_ID),
    "shortest_path to": lambda store, ident: store.shortest_path(PARK_ID, ident),
}


@pytest.mark.parametrize("query", sorted(QUERIES))
def test_queries_refuse_unknown_ids(world: Store, query: str) -> None:
    with pytest.raises(NotFound) as raised:
        QUERIES[query](world, "branch-000000000000")
    assert raised.value.ident == "branch-000000000000"


def test_alliance_report_alone_is_a_smaller_world(store: Store) -> None:
    store.load(alliance_report())
    assert store.enterprises_under(PARK_COMMITTEE_ID) == []
    reaches = store.enterprises_under(JOINT_ID)
    assert [reach.entity.id for reach in reaches] == [TECH_ID]


def test_a_confidence_floor_leaves_weaker_relations_out_of_every_walk(world: Store) -> None:
    assert {r.entity.id for r in world.enterprises_under(JOINT_ID, min_confidence=0.6)} == {TECH_ID}
    assert world.enterprises_under(PARK_COMMITTEE_ID, min_confidence=0.6) == []
    assert world.hierarchy_above(COMPANY_BRANCH_ID, min_confidence=0.6) == []
    assert world.subtree_below(PARK_COMMITTEE_ID, min_confidence=0.6) == []
    strong = world.neighbours(JOINT_ID, min_confidence=0.6)
    assert [(n.relation.type, n.entity.id) for n in strong] == [("COVERS", TECH_ID)]
    assert all(n.relation.confidence >= 0.6 for n in strong)
    assert world.shortest_path(JOINT_ID, MAKER_ID, min_confidence=0.6) is None
    assert world.shortest_path(JOINT_ID, TECH_ID, min_confidence=0.6) is not None


def test_without_a_floor_weak_relations_are_kept_and_marked(world: Store) -> None:
    weak = [n for n in world.neighbours(JOINT_ID) if n.entity.id == MAKER_ID]
    assert [n.relation.confidence for n in weak] == [0.5]


# --- a document's contents, and retracting it --------------------------------------------------------

COVERS_TECH_ID = relation_key("COVERS", JOINT_ID, TECH_ID)


def _evidence_count(facts: DocumentFacts) -> int:
    """The distinct evidence sentences of a document (a repeated fact gives one)."""
    return len(
        {
            (rid, fact.evidence.start, fact.evidence.end, fact.evidence.text, fact.confidence)
            for fact, rid in zip(facts.relations, _relation_ids(facts), strict=True)
        }
    )


def test_document_facts_are_what_was_extracted_from_it(world: Store) -> None:
    for facts in park_documents():
        contents = world.document_facts(facts.document.id)
        assert contents.document == facts.document
        assert contents.text == facts.text
        assert [entity.id for entity in contents.entities] == sorted(_keys(facts))
        assert all(facts.document.id in entity.documents for entity in contents.entities)
        assert [relation.id for relation in contents.relations] == sorted(set(_relation_ids(facts)))
        assert sum(len(relation.evidence) for relation in contents.relations) == _evidence_count(facts)
        for relation in contents.relations:
            assert relation.confidence == max(item.confidence for item in relation.evidence)
            for item in relation.evidence:
                assert item.document == facts.document.id
                assert facts.text[item.start : item.end] == item.text


def test_document_facts_show_only_that_documents_evidence(world: Store) -> None:
    first, second = park_documents()
    shared = world.relation(COVERS_TECH_ID)
    assert shared is not None and len(shared.evidence) == 2
    for facts, confidence in ((first, 0.6), (second, 0.9)):
        contents = world.document_facts(facts.document.id)
        [covers] = [relation for relation in contents.relations if relation.id == COVERS_TECH_ID]
        assert [item.document for item in covers.evidence] == [facts.document.id]
        assert covers.confidence == confidence


def test_document_facts_without_a_text(store: Store) -> None:
    facts = briefing().model_copy(update={"text": None})
    store.load(facts)
    contents = store.document_facts(facts.document.id)
    assert contents.text is None
    assert [entity.id for entity in contents.entities] == sorted(_keys(facts))


@pytest.mark.parametrize("ask", ["document_facts", "retract"])
def test_unknown_documents_are_refused(world: Store, ask: str) -> None:
    counts = world.counts()
    with pytest.raises(NotFound) as raised:
        getattr(world, ask)("no-such-document")
    assert (raised.value.kind, raised.value.ident) == ("document", "no-such-document")
    assert world.counts() == counts


def test_retracting_a_document_leaves_what_the_other_supports(world: Store) -> None:
    first, second = park_documents()
    result = world.retract(second.document.id)
    assert result == RetractResult(
        document=second.document.id,
        source=second.document.source,
        entities_removed=len(_keys(second) - _keys(first)),
        relations_removed=len(set(_relation_ids(second)) - set(_relation_ids(first))),
        evidence_removed=_evidence_count(second),
    )
    assert world.counts() == _expected_counts([first])
    assert world.documents() == [first.document]
    assert set(_relations(world)) == set(_relation_ids(first))
    covers = world.relation(COVERS_TECH_ID)
    assert covers is not None
    assert [(item.document, item.confidence) for item in covers.evidence] == [(first.document.id, 0.6)]
    assert covers.confidence == 0.6
    assert all(entity.documents == [first.document.id] for entity in world.iter_entities())


def test_retracting_the_first_document_removes_what_only_it_mentioned(world: Store) -> None:
    first, second = park_documents()
    result = world.retract(first.document.id)
    assert result.entities_removed == len(_keys(first) - _keys(second)) > 0
    assert result.relations_removed == len(set(_relation_ids(first)) - set(_relation_ids(second))) > 0
    assert result.evidence_removed == _evidence_count(first)
    assert world.counts() == _expected_counts([second])
    assert {entity.id for entity in world.iter_entities()} == _keys(second)
    assert world.entity(DISTRICT_ID) is None
    assert [reach.entity.id for reach in world.enterprises_under(JOINT_ID)] == [TECH_ID]
    covers = world.relation(COVERS_TECH_ID)
    assert covers is not None and covers.confidence == 0.9


def test_retracting_a_document_takes_back_the_aliases_only_it_gave(world: Store) -> None:
    first, _ = park_documents()
    world.retract(first.document.id)
    park = world.entity(PARK_ID)
    assert park is not None
    assert (park.name, park.aliases) == (PARK, ["示例工业园"])
    assert world.search("示例园区") == []
    assert [entity.id for entity in world.search("示例工业园", type_="Park")] == [PARK_ID]


def test_retracting_the_last_document_takes_back_its_aliases(world: Store) -> None:
    _, second = park_documents()
    world.retract(second.document.id)
    park, joint, tech = world.entity(PARK_ID), world.entity(JOINT_ID), world.entity(TECH_ID)
    assert park is not None and joint is not None and tech is not None
    assert (park.aliases, joint.aliases, tech.aliases) == (["示例园区"], [], [])


def _naming(doc_id: str, name: str, *aliases: str, key: str = "") -> DocumentFacts:
    """A document naming one park; `key` loads it as the park of that key (as resolution would)."""
    doc = FactBuilder(doc_id)
    doc.entity("Park", name, *aliases)
    facts = doc.build()
    if key:
        facts.entities[0] = facts.entities[0].model_copy(update={"key": key})
    return facts


def test_an_alias_two_documents_gave_stays_until_both_are_retracted(store: Store) -> None:
    key = entity_key("Park", "甲园")
    first, second = _naming("doc-a", "甲园", "甲工业园"), _naming("doc-b", "甲园", "甲工业园", "甲园区")
    store.load(first)
    store.load(second)
    store.retract(second.document.id)
    park = store.entity(key)
    assert park is not None and park.aliases == ["甲工业园"]
    store.load(second)
    store.retract(first.document.id)
    park = store.entity(key)
    assert park is not None and park.aliases == ["甲工业园", "甲园区"]


def test_an_entity_whose_name_only_a_retracted_document_gave_takes_its_other_name(store: Store) -> None:
    key = entity_key("Park", "甲园")
    first, second = _naming("doc-a", "甲园"), _naming("doc-b", "甲工业园", "甲园区", key=key)
    store.load(first)
    store.load(second)
    park = store.entity(key)
    assert park is not None and (park.name, park.aliases) == ("甲园", ["甲工业园", "甲园区"])
    store.retract(first.document.id)
    park = store.entity(key)
    assert park is not None and (park.name, park.aliases) == ("甲工业园", ["甲园区"])
    assert store.search("甲园") == [park]


def test_which_document_gave_which_alias_is_kept_by_a_reopened_store(open_store) -> None:
    store = open_store()
    for facts in park_documents():
        store.load(facts)
    first, _ = park_documents()
    reopened = open_store()
    reopened.retract(first.document.id)
    park = open_store().entity(PARK_ID)
    assert park is not None and park.aliases == ["示例工业园"]


def test_a_retracted_document_is_gone(world: Store) -> None:
    _, second = park_documents()
    world.retract(second.document.id)
    assert world.document(second.document.id) is None
    with pytest.raises(NotFound):
        world.document_facts(second.document.id)
    with pytest.raises(NotFound):
        world.retract(second.document.id)


def test_retracting_the_only_document_empties_the_store(store: Store) -> None:
    facts = briefing()
    store.load(facts)
    result = store.retract(facts.document.id)
    assert (result.entities_removed, result.relations_removed, result.evidence_removed) == (
        len(_keys(facts)),
        len(set(_relation_ids(facts))),
        _evidence_count(facts),
    )
    assert store.counts() == Counts(documents=0, entities={}, relations={})
    assert list(store.iter_entities()) == [] and list(store.iter_relations()) == []


def test_retracting_and_reloading_the_last_document_gives_back_the_same_graph(world: Store) -> None:
    before = _answers(world)
    _, second = park_documents()
    world.retract(second.document.id)
    assert world.load(second).status == "loaded"
    assert _answers(world) == before


def _shared_relation_document(doc_id: str, confidence: float) -> DocumentFacts:
    doc = FactBuilder(doc_id)
    branch, committee = doc.entity("Branch", "乙党支部"), doc.entity("Committee", "甲党委")
    doc.relation("SUBORDINATE_TO", branch, committee, confidence=confidence)
    return doc.build()


def test_a_reloaded_document_counts_as_loaded_last(store: Store) -> None:
    documents = [_shared_relation_document(f"doc-{name}", 0.5) for name in "abc"]
    for facts in documents:
        store.load(facts)
    first = documents[0].document.id
    store.retract(first)
    store.load(documents[0])
    order = [documents[1].document.id, documents[2].document.id, first]
    assert [info.id for info in store.documents()] == order
    [relation] = store.iter_relations()
    assert [item.document for item in relation.evidence] == order
    assert all(entity.documents == order for entity in store.iter_entities())


def test_retracting_recomputes_confidence_from_the_evidence_left(store: Store) -> None:
    strong, weak = _shared_relation_document("doc-strong", 0.9), _shared_relation_document("doc-weak", 0.3)
    store.load(strong)
    store.load(weak)
    store.retract(strong.document.id)
    [relation] = store.iter_relations()
    assert relation.confidence == 0.3
    assert [n.entity.name for n in store.neighbours(relation.head, min_confidence=0.5)] == []
    assert [n.entity.name for n in store.neighbours(relation.head, min_confidence=0.3)] == ["甲党委"]


def test_loads_in_a_batch_are_seen_at_once_and_kept_after(open_store) -> None:
    store = open_store()
    documents = park_documents()
    with store.batch():
        for facts in documents:
            store.load(facts)
        inside = store.counts()
        assert inside.documents == len(documents)
    assert open_store().counts() == inside
