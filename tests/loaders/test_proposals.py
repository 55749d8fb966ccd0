"""Relation proposals: which pairs are put to the model, what they carry, and what the filter adds."""

from __future__ import annotations

import pytest

from parkgraph.graph.facts import DocumentFacts, DocumentInfo, EntityFact, RelationFact, Span
from parkgraph.loaders.filter import FactFilter, Scorer
from parkgraph.loaders.lexicon import load_lexicon
from parkgraph.loaders.proposals import MAX_DISTANCE, proposals

KEEP_ALL = Scorer(weights={}, intercept=0.0, threshold=0.0)


def document(text: str, *names: tuple[str, str], relations: list[RelationFact] = ()) -> DocumentFacts:
    """Facts of `text` with an entity of each (type, name), mentioned wherever the name occurs."""
    entities = []
    for number, (type_, name) in enumerate(names, start=1):
        mentions, at = [], text.find(name)
        while at >= 0:
            mentions.append(Span(start=at, end=at + len(name), text=name))
            at = text.find(name, at + len(name))
        entities.append(
            EntityFact(id=f"e{number}", key=f"k{number}", type=type_, name=name, mentions=mentions)
        )
    return DocumentFacts(
        document=DocumentInfo(id="d", source="d.txt"), entities=entities, relations=list(relations), text=text
    )


def pairs(facts: DocumentFacts) -> set[tuple[str, str, str]]:
    names = {e.id: e.name for e in facts.entities}
    return {(names[p.head], p.type, names[p.tail]) for p in proposals(facts, load_lexicon())}


POST = "甲乙科技有限公司董事长王建国出席。"
COMPANY, PERSON = ("Enterprise", "甲乙科技有限公司"), ("Person", "王建国")


def test_two_entities_of_one_sentence_are_proposed_as_the_schema_allows() -> None:
    assert pairs(document(POST, COMPANY, PERSON)) == {("王建国", "HOLDS_POST", "甲乙科技有限公司")}


def test_a_post_proposal_carries_the_title_written_between_and_rests_on_its_sentence() -> None:
    text = "会议召开。" + POST
    (proposal,) = proposals(document(text, COMPANY, PERSON), load_lexicon())
    assert proposal.title == "董事长"
    assert proposal.evidence == Span(start=5, end=len(text), text=POST)


def test_pairs_the_rules_relate_are_not_proposed_again() -> None:
    stated = RelationFact(
        type="HOLDS_POST", head="e2", tail="e1", evidence=Span(start=0, end=len(POST), text=POST)
    )
    assert pairs(document(POST, COMPANY, PERSON, relations=[stated])) == set()


def test_no_pair_across_a_full_stop_or_too_far_apart() -> None:
    assert pairs(document("甲乙科技有限公司召开会议。王建国出席。", COMPANY, PERSON)) == set()
    far = "甲乙科技有限公司" + "召开会议" * (MAX_DISTANCE // 4 + 1) + "王建国出席。"
    assert pairs(document(far, COMPANY, PERSON)) == set()


@pytest.mark.parametrize("separator", ["\n", "", " "], ids=["lined", "glued", "spaced"])
def test_a_heading_runs_on_into_its_sentence_whatever_the_line_breaks(separator: str) -> None:
    """A line no 。 ended is read on into the next, so a page reads alike with and without them."""
    text = f"甲乙科技有限公司董事长{separator}王建国出席。"
    assert pairs(document(text, COMPANY, PERSON)) == {("王建国", "HOLDS_POST", "甲乙科技有限公司")}


def test_no_pair_across_the_end_of_a_table_row_glued_to_the_next() -> None:
    text = "| 甲乙科技有限公司 | 董事长 || 成员 | 王建国 |"
    assert pairs(document(text, COMPANY, PERSON)) == set()
    assert pairs(document("| 王建国 | 董事长(甲乙科技有限公司) |", COMPANY, PERSON))


@pytest.mark.parametrize("separator", ["\n", ""], ids=["lined", "glued"])
def test_a_body_titled_for_the_next_person_holds_no_post_of_the_one_before(separator: str) -> None:
    text = f"团委书记:王建国{separator}甲乙科技有限公司党委书记:李华{separator}"
    facts = document(text, PERSON, ("Committee", "甲乙科技有限公司党委"), ("Person", "李华"))
    assert ("王建国", "HOLDS_POST", "甲乙科技有限公司党委") not in pairs(facts)
    assert ("李华", "HOLDS_POST", "甲乙科技有限公司党委") in pairs(facts)
    training = {(p.head, p.tail) for p in proposals(facts, load_lexicon(), related_too=True)}
    assert ("e1", "e2") in training


def test_a_body_opening_the_next_persons_chain_of_posts_holds_no_post_of_the_one_before() -> None:
    text = "市委书记王建国,青禾经开区党工委副书记、管委会主任李华出席。"
    facts = document(text, PERSON, ("Committee", "青禾经开区党工委"), ("Person", "李华"))
    assert ("王建国", "HOLDS_POST", "青禾经开区党工委") not in pairs(facts)


def test_two_items_of_one_type_in_a_list_are_not_paired() -> None:
    text = "园区与青禾街道、白沙街道签订共建协议。"
    assert pairs(document(text, ("Region", "青禾街道"), ("Region", "白沙街道"))) == set()
    assert pairs(document("青禾街道的白沙街道社区。", ("Region", "青禾街道"), ("Region", "白沙街道")))


def test_proposal_features_never_carry_names() -> None:
    facts = document(POST, COMPANY, PERSON)
    keys = {k for p in proposals(facts, load_lexicon()) for k in p.features}
    assert keys and not any(name in k for _, name in (COMPANY, PERSON) for k in keys)


def trusting(feature: str, threshold: float = 0.5) -> FactFilter:
    return FactFilter(
        entities=KEEP_ALL,
        relations=KEEP_ALL,
        trained_on={},
        proposals=Scorer(weights={feature: 10.0}, intercept=-5.0, threshold=threshold),
    )


def test_the_filter_adds_the_proposals_its_model_trusts_with_their_probability() -> None:
    facts = document(POST, COMPANY, PERSON)
    (added,) = trusting("HOLDS_POST|types:Person>Enterprise").apply(facts, load_lexicon()).relations
    assert (added.type, added.head, added.tail, added.attributes) == (
        "HOLDS_POST",
        "e2",
        "e1",
        {"title": "董事长"},
    )
    assert added.confidence == pytest.approx(0.99, abs=0.01)
    assert trusting("LOCATED_IN|bias").apply(facts, load_lexicon()).relations == []


def test_no_proposal_between_entities_the_filter_drops() -> None:
    drop_people = Scorer(weights={"type=Person": -50.0}, intercept=5.0, threshold=0.5)
    model = trusting("HOLDS_POST|types:Person>Enterprise")
    model = FactFilter(drop_people, model.relations, {}, model.proposals)
    assert model.apply(document(POST, COMPANY, PERSON), load_lexicon()).relations == []


def test_a_model_without_a_proposal_scorer_adds_nothing() -> None:
    facts = document(POST, COMPANY, PERSON)
    assert FactFilter(KEEP_ALL, KEEP_ALL, {}).apply(facts, load_lexicon()) == facts
