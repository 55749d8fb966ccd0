"""`load_vocabulary`: what the extractor and the stores read from the ontology."""

from __future__ import annotations

from itertools import pairwise, product
from pathlib import Path

import pytest

from parkgraph.ontology.vocab import ONTOLOGY_PATH, Vocabulary, VocabularyError, load_vocabulary

SCHEMA_TYPES = ["Region", "Park", "Committee", "Branch", "Enterprise", "Organization", "Person", "Practice"]

# SCHEMA.md's "typical Chinese forms" of the unit types.
SCHEMA_FORMS = {
    "Region": ["省", "自治区", "市", "区", "县", "旗", "镇", "乡", "街道", "村"],
    "Park": [
        "园区", "产业园", "工业园区", "开发区", "经济技术开发区", "高新区", "工业集中区",
        "物流园区", "科技园", "创业园", "创业小镇", "双创基地", "商业街区",
    ],
    "Committee": [
        "党委", "党工委", "党组", "综合党委", "行业党委", "联合党委", "联合党工委",
        "区委", "市委", "县委", "两新工委",
    ],
    "Branch": ["党总支", "党支部", "联合党支部", "临时党支部", "党小组"],
    "Enterprise": ["公司", "有限公司", "有限责任公司", "集团", "分公司", "厂"],
    "Organization": [
        "组织部", "管委会", "党群工作部", "工商联", "协会", "商会", "大学", "研究院",
        "党群服务中心", "社区",
    ],
}  # fmt: skip

# SCHEMA.md's trigger examples (HOLDS_POST's are post titles).
SCHEMA_TRIGGERS = {
    "LOCATED_IN": ["位于", "坐落", "入驻", "园区内", "辖区"],
    "PART_OF": ["下设", "内设", "所属"],
    "SUBORDINATE_TO": ["隶属", "下设", "领导", "统筹", "牵头", "指导"],
    "COVERS": ["联建", "吸收", "覆盖", "统筹", "纳入"],
    "ADOPTS": ["探索", "推行", "实施", "构建", "创建"],
}
SCHEMA_TITLES = ["书记", "组织部长", "常委", "董事长", "党委委员", "党建指导员", "党员"]

# SCHEMA.md's (v1.1) relation table as allowed (head, tail) pairs.
_ORG_UNITS = ("Organization", "Committee", "Region")
SCHEMA_PAIRS = {
    "LOCATED_IN": set(product(("Park", "Enterprise", "Organization", "Region"), ("Region", "Park"))),
    "PART_OF": {("Park", "Park")} | set(product(("Organization",), _ORG_UNITS)),
    "SUBORDINATE_TO": set(product(*[("Committee", "Branch", "Organization")] * 2)),
    "PARTY_ORG_OF": set(product(("Committee", "Branch"), ("Park", "Enterprise", "Organization", "Region"))),
    "COVERS": set(product(("Committee", "Branch"), ("Enterprise", "Organization"))),
    "HOLDS_POST": set(product(("Person",), (*_ORG_UNITS, "Branch", "Enterprise", "Park"))),
    "ADOPTS": set(product((*_ORG_UNITS, "Park", "Branch", "Enterprise"), ("Practice",))),
}


@pytest.fixture(scope="module")
def vocab() -> Vocabulary:
    return load_vocabulary()


def _is_longest_first(words: tuple[str, ...]) -> bool:
    return all(len(a) >= len(b) for a, b in pairwise(words))


def test_core_types_are_schema_types_and_refinements_are_extra_labels(vocab: Vocabulary) -> None:
    assert list(vocab.entity_types) == SCHEMA_TYPES
    assert dict(vocab.extra_labels) == {
        "JointBranch": "Branch",
        "JointCommittee": "Committee",
        "Cadre": "Person",
    }
    assert set(vocab.relation_types) == set(SCHEMA_PAIRS)
    assert vocab.version


@pytest.mark.parametrize("name", SCHEMA_TYPES)
def test_entity_types_carry_both_labels(vocab: Vocabulary, name: str) -> None:
    entity_type = vocab.entity_types[name]
    assert entity_type.name == name and entity_type.parent is None
    assert entity_type.label_zh and entity_type.label_en


@pytest.mark.parametrize(("type_name", "forms"), SCHEMA_FORMS.items())
def test_organization_words_include_the_schema_forms(
    vocab: Vocabulary, type_name: str, forms: list[str]
) -> None:
    words = vocab.org_words(type_name)
    assert set(forms) <= set(words)
    assert len(words) > len(forms)
    assert _is_longest_first(words)


def test_every_type_but_person_has_organization_words(vocab: Vocabulary) -> None:
    for name in SCHEMA_TYPES:
        assert bool(vocab.org_words(name)) == (name != "Person"), name


def test_liangxin_working_committee_is_a_committee_word_only(vocab: Vocabulary) -> None:
    assert "两新工委" in vocab.org_words("Committee")
    assert "两新工委" not in vocab.org_words("Organization")


def test_generic_words_name_the_documents_own_units(vocab: Vocabulary) -> None:
    assert {"园区", "开发区"} <= set(vocab.generic_words("Park"))
    assert {"区委", "党工委"} <= set(vocab.generic_words("Committee"))
    assert "党群工作部" in vocab.generic_words("Organization")
    assert vocab.generic_words("Person") == ()


@pytest.mark.parametrize(("rel", "triggers"), SCHEMA_TRIGGERS.items())
def test_relation_triggers_include_the_schema_examples(
    vocab: Vocabulary, rel: str, triggers: list[str]
) -> None:
    relation = vocab.relation_types[rel]
    assert set(triggers) <= set(relation.triggers)
    assert _is_longest_first(relation.triggers)
    assert relation.label_zh and relation.label_en


def test_post_titles_include_the_schema_examples_longest_first(vocab: Vocabulary) -> None:
    assert set(SCHEMA_TITLES) <= set(vocab.post_titles)
    assert _is_longest_first(vocab.post_titles)
    assert vocab.post_titles.index("党支部书记") < vocab.post_titles.index("书记")


@pytest.mark.parametrize(
    ("type_name", "name", "expected"),
    [
        ("Branch", "示例园联合党支部", ["Branch", "JointBranch"]),
        ("Branch", "示例街区联合党总支", ["Branch", "JointBranch"]),
        ("Branch", "甲乙科技有限公司党支部", ["Branch"]),
        ("Branch", "联合利华公司党支部", ["Branch"]),
        ("Committee", "示例开发区非建制联合党工委", ["Committee", "JointCommittee"]),
        ("Committee", "示例区委", ["Committee"]),
        ("Enterprise", "联合重工有限公司", ["Enterprise"]),
        ("Person", "李联合", ["Person"]),
    ],
)
def test_labels_for_adds_joint_labels_only_for_joint_names(
    vocab: Vocabulary, type_name: str, name: str, expected: list[str]
) -> None:
    assert vocab.labels_for(type_name, name) == expected


def test_labels_for_refuses_an_unknown_type(vocab: Vocabulary) -> None:
    with pytest.raises(VocabularyError, match="Parc"):
        vocab.labels_for("Parc", "示例园区")


def test_relation_allowed_follows_the_schema_table(vocab: Vocabulary) -> None:
    for rel, pairs in SCHEMA_PAIRS.items():
        for head, tail in product(SCHEMA_TYPES, SCHEMA_TYPES):
            assert vocab.relation_allowed(rel, head, tail) == ((head, tail) in pairs), (rel, head, tail)


def test_relation_allowed_treats_extra_labels_as_their_type(vocab: Vocabulary) -> None:
    assert vocab.relation_allowed("COVERS", "JointBranch", "Enterprise")
    assert vocab.relation_allowed("HOLDS_POST", "Cadre", "JointCommittee")
    assert not vocab.relation_allowed("HOLDS_POST", "JointBranch", "Committee")


def test_relation_allowed_refuses_an_unknown_relation(vocab: Vocabulary) -> None:
    with pytest.raises(VocabularyError, match="LOCATED_AT"):
        vocab.relation_allowed("LOCATED_AT", "Park", "Region")


def test_vocabulary_is_read_from_the_turtle_given(tmp_path: Path) -> None:
    turtle = ONTOLOGY_PATH.read_text(encoding="utf-8")
    extended = turtle.replace('pg:orgWord "园区"@zh ,', 'pg:orgWord "园区"@zh , "示例谷"@zh ,', 1)
    assert extended != turtle
    path = tmp_path / "extended.ttl"
    path.write_text(extended, encoding="utf-8")
    assert "示例谷" in load_vocabulary(path).org_words("Park")
    assert "示例谷" not in load_vocabulary().org_words("Park")


def test_a_missing_ontology_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(VocabularyError, match="cannot read ontology"):
        load_vocabulary(tmp_path / "absent.ttl")


def test_a_relation_without_labels_is_a_clear_error(tmp_path: Path) -> None:
    turtle = ONTOLOGY_PATH.read_text(encoding="utf-8")
    broken = turtle.replace('rdfs:label "采用"@zh , "adopts"@en ;', 'rdfs:label "adopts"@en ;', 1)
    assert broken != turtle
    path = tmp_path / "broken.ttl"
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(VocabularyError, match="ADOPTS has no rdfs:label in language 'zh'"):
        load_vocabulary(path)
