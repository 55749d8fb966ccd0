"""The checks every store makes before loading a document (`validate_facts`), seen through each store."""

from __future__ import annotations

import pytest
from factbuilder import FactBuilder

from parkgraph.graph.keys import entity_key
from parkgraph.graph.store import Store
from parkgraph.graph.validation import RESERVED_ATTRIBUTES, validate_facts
from parkgraph.ontology.vocab import load_vocabulary


def _pair(doc_id: str) -> tuple[FactBuilder, str, str]:
    doc = FactBuilder(doc_id)
    return doc, doc.entity("Committee", "甲党委"), doc.entity("Branch", "甲乙联合党支部")


def test_a_relation_type_the_ontology_does_not_define_is_refused(store: Store) -> None:
    doc, committee, branch = _pair("doc-unknown-type")
    doc.relation("REPORTS_TO", branch, committee)
    with pytest.raises(ValueError, match="unknown relation type 'REPORTS_TO'") as raised:
        store.load(doc.build())
    assert all(name in str(raised.value) for name in load_vocabulary().relation_types)
    assert store.counts().documents == 0


@pytest.mark.parametrize("name", sorted(RESERVED_ATTRIBUTES))
def test_an_attribute_may_not_take_a_relation_field_name(store: Store, name: str) -> None:
    doc, committee, branch = _pair("doc-reserved")
    doc.relation("SUBORDINATE_TO", branch, committee).attributes[name] = "值"
    with pytest.raises(ValueError, match=f"{name} are reserved"):
        store.load(doc.build())
    assert store.entity(entity_key("Committee", "甲党委")) is None


def test_an_attribute_needs_a_name(store: Store) -> None:
    doc, committee, branch = _pair("doc-unnamed")
    doc.relation("SUBORDINATE_TO", branch, committee).attributes[" "] = "值"
    with pytest.raises(ValueError, match="attribute without a name"):
        store.load(doc.build())


def test_every_problem_is_listed_at_once() -> None:
    doc, committee, branch = _pair("doc-many")
    doc.relation("REPORTS_TO", branch, committee)
    doc.relation("COVERS", branch, "e9").attributes["id"] = "x"
    with pytest.raises(ValueError) as raised:
        validate_facts(doc.build(), {})
    message = str(raised.value)
    assert message.startswith("cannot load document 'doc-many' (doc-many.txt): ")
    assert "REPORTS_TO" in message and "'e9'" in message and "id are reserved" in message


def test_entities_already_held_keep_their_type_and_get_no_new_labels() -> None:
    doc, _, _ = _pair("doc-held")
    held = {entity_key("Committee", "甲党委"): "Committee"}
    valid = validate_facts(doc.build(), held)
    assert valid.labels == {entity_key("Branch", "甲乙联合党支部"): ["Branch", "JointBranch"]}
    with pytest.raises(ValueError, match="is a Region"):
        validate_facts(doc.build(), {entity_key("Committee", "甲党委"): "Region"})
