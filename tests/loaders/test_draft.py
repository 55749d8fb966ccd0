"""The draft's two kinds of stage: a relation stage returns the links it finds and leaves the draft as it
was; only the links the schema allows come back."""

from __future__ import annotations

from copy import deepcopy

from parkgraph.loaders.draft import Draft, Link, allowed_links
from parkgraph.loaders.extractor import Extractor
from parkgraph.loaders.recognition import MentionStep, NameStep
from parkgraph.loaders.relations import AdoptStep, TriggerStep
from parkgraph.loaders.segment import split_sentences
from parkgraph.loaders.structure import JointReferenceStep
from parkgraph.loaders.units import UnitStep, VariantStep

COMMITTEE = ("Committee", "示例县工业园区党委")


def named_draft(extractor: Extractor, text: str) -> Draft:
    """A draft after the stages that find and name its mentions, before any relation stage."""
    draft = Draft(text=text, sentences=split_sentences(text), lex=extractor.lexicon)
    for stage in (MentionStep(), NameStep(), UnitStep(), VariantStep(), JointReferenceStep()):
        stage(draft)
    return draft


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
