"""The draft's kinds of stage: a relation stage returns the links it finds, a revising one the links it
withdraws and adds, and both leave the draft as it was; only the links the schema allows come back."""

from __future__ import annotations

from copy import deepcopy
from dataclasses import replace

from parkgraph.loaders.draft import Draft, Edit, Link, allowed_links
from parkgraph.loaders.extractor import Extractor
from parkgraph.loaders.mentions import Mention
from parkgraph.loaders.recognition import MentionStep, NameStep
from parkgraph.loaders.relations import AdoptStep, PostStep, TriggerStep
from parkgraph.loaders.segment import split_sentences
from parkgraph.loaders.structure import JointReferenceStep, PlaceStep
from parkgraph.loaders.units import UnitStep, VariantStep

COMMITTEE = ("Committee", "示例县工业园区党委")


def named_draft(extractor: Extractor, text: str) -> Draft:
    """A draft after the stages that find and name its mentions, before any relation stage."""
    draft = Draft(text=text, sentences=split_sentences(text), lex=extractor.lexicon)
    for stage in (MentionStep(), NameStep(), UnitStep(), VariantStep(), JointReferenceStep()):
        draft = stage(draft).applied_to(draft)
    return draft


def state(draft: Draft) -> tuple:
    """A copy of what a stage could change in `draft`."""
    return deepcopy((draft.mentions, draft.links, draft.main_region, draft.main_park))


def found(links: list[Link]) -> set[tuple[str, tuple[str, str], tuple[str, str]]]:
    return {(link.type, link.head, link.tail) for link in links}


def test_relation_stages_return_their_links_and_leave_the_draft_alone(extractor: Extractor) -> None:
    draft = named_draft(extractor, "示例县工业园区党委下设党群工作部。园区党委推行“红色引擎”工程。")
    links, mentions = deepcopy(draft.links), deepcopy(draft.mentions)
    department = ("Organization", "示例县工业园区党群工作部")
    assert ("PART_OF", department, COMMITTEE) in found(TriggerStep()(draft))
    assert ("ADOPTS", COMMITTEE, ("Practice", "红色引擎工程")) in found(AdoptStep()(draft))
    assert draft.links == links
    assert draft.mentions == mentions


def test_allowed_links_keep_only_what_the_schema_allows(extractor: Extractor) -> None:
    practice = ("Practice", "红色引擎工程")
    links = [
        Link("ADOPTS", COMMITTEE, practice, 0, 0.6),
        Link("ADOPTS", COMMITTEE, COMMITTEE, 0, 0.6),
        Link("ADOPTS", practice, COMMITTEE, 0, 0.6),
    ]
    assert allowed_links(extractor.lexicon, links) == links[:1]


def test_the_place_stage_returns_an_edit_and_leaves_the_draft_alone(extractor: Extractor) -> None:
    draft = named_draft(extractor, "示例县工业园区党委下设党群工作部。示例县位于示例省。")
    links = deepcopy(draft.links)
    edit = PlaceStep()(draft)
    assert ("LOCATED_IN", ("Park", "示例县工业园区"), ("Region", "示例县")) in found(edit.added)
    assert draft.links == links


def test_an_edit_withdraws_links_by_their_ends_and_adds_its_own(extractor: Extractor) -> None:
    park, county, province = ("Park", "示例县工业园区"), ("Region", "示例县"), ("Region", "示例省")
    kept = Link("PARTY_ORG_OF", COMMITTEE, park, 0, 0.9)
    wrong = Link("LOCATED_IN", park, province, 0, 0.5)
    better = Link("LOCATED_IN", park, county, 1, 0.6)
    draft = Draft(text="", sentences=[], lex=extractor.lexicon, links=[kept, wrong])
    edit = Edit(withdrawn=frozenset({("LOCATED_IN", park, province)}), added=[better])
    assert edit.applied_to(draft).links == [kept, better]
    assert draft.links == [kept, wrong]


def test_a_renaming_edit_renames_mentions_parts_links_and_the_main_park(extractor: Extractor) -> None:
    short, full = ("Park", "示例园"), ("Park", "示例县工业园区")
    park = Mention(0, 3, "Park", "示例园", 0)
    body = Mention(0, 5, "Committee", "示例园党委", 0, parts=[("PARTY_ORG_OF", park)])
    links = [
        Link("PARTY_ORG_OF", ("Committee", "示例园党委"), short, 0, 0.9),
        Link("PART_OF", short, full, 0, 0.6),
    ]
    draft = Draft(text="示例园党委", sentences=[], lex=extractor.lexicon, mentions=[park, body], links=links)
    draft = replace(draft, main_park="示例园")
    before = state(draft)
    edited = Edit(renamed={short: full}).applied_to(draft)
    renamed_park, renamed_body = edited.mentions
    assert (renamed_park.name, renamed_park.aliases) == ("示例县工业园区", {"示例园"})
    assert renamed_body.parts == [("PARTY_ORG_OF", renamed_park)]
    assert found(edited.links) == {("PARTY_ORG_OF", ("Committee", "示例园党委"), full)}
    assert edited.main_park == "示例县工业园区"
    assert state(draft) == before


def test_the_mention_and_naming_stages_leave_their_draft_alone(extractor: Extractor) -> None:
    text = "示例县工业园区党委下设党群工作部。园区党委书记张明说，这一联合党支部由示例公司和样板公司组成。"
    draft = Draft(text=text, sentences=split_sentences(text), lex=extractor.lexicon)
    for stage in (MentionStep(), NameStep(), UnitStep(), VariantStep(), JointReferenceStep(), PostStep()):
        before = state(draft)
        edit = stage(draft)
        assert state(draft) == before, stage
        draft = edit.applied_to(draft)
    assert ("Committee", "示例县工业园区党委") in {(m.type, m.name) for m in draft.mentions}


def test_a_replaced_mention_shows_through_the_names_holding_it(extractor: Extractor) -> None:
    joint = Mention(0, 6, "Committee", "这一联合党支部", 0)
    holder = Mention(0, 8, "Committee", "联合党支部委员会", 0, parts=[("PART_OF", joint)])
    other = Mention(9, 12, "Region", "示例县", 0)
    draft = Draft(text="", sentences=[], lex=extractor.lexicon, mentions=[joint, holder, other])
    before = state(draft)
    named = replace(joint, name="示例联合党支部", aliases={"联合党支部"})
    new_joint, new_holder, same = Edit(replaced={id(joint): named}).applied_to(draft).mentions
    assert (new_joint.name, new_joint.aliases) == ("示例联合党支部", {"联合党支部"})
    assert new_holder.parts == [("PART_OF", new_joint)] and new_holder.parts[0][1] is new_joint
    assert same is other
    assert state(draft) == before
