"""Cross-document resolution: one node for a unit however each document spells it."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from samplekit import SAMPLE

from parkgraph.graph.embedded import EmbeddedStore
from parkgraph.graph.facts import DocumentInfo
from parkgraph.loaders.pipeline import Pipeline
from parkgraph.loaders.resolve import resolve_keys
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
    store = EmbeddedStore(tmp_path / "g.db")
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
    store = EmbeddedStore(tmp_path / "g.db")
    load_files(store, docs, pipeline=pipeline)
    committees = sorted(e.name for e in store.iter_entities() if e.type == "Committee")
    assert committees == ["样板县工业园区党委", "示例县工业园区党委"]


def by_type(store: EmbeddedStore, type_: str) -> list:
    return sorted((e for e in store.iter_entities() if e.type == type_), key=lambda e: (e.name, e.aliases))


def test_units_named_after_different_places_never_merge(tmp_path: Path, pipeline: Pipeline) -> None:
    docs = [
        write(tmp_path, "a.txt", "示例市高新区召开党建工作会。高新区党工委书记钱立主持会议。\n"),
        write(tmp_path, "b.txt", "样板市高新区召开党建工作会。高新区党工委书记孙明主持会议。\n"),
        write(tmp_path, "c.txt", "甲水区委组织部牵头成立星光联合党委。\n"),
        write(tmp_path, "d.txt", "乙水区委组织部牵头成立明月联合党委。\n"),
    ]
    store = EmbeddedStore(tmp_path / "g.db")
    load_files(store, docs, pipeline=pipeline)
    assert [(e.name, len(e.documents)) for e in by_type(store, "Committee") if "高新区" in e.name] == [
        ("样板市高新区党工委", 1),
        ("示例市高新区党工委", 1),
    ]
    assert [e.name for e in by_type(store, "Park")] == ["样板市高新区", "示例市高新区"]
    departments = [e for e in by_type(store, "Organization") if e.name.endswith("区委组织部")]
    assert sorted(e.name for e in departments) == ["乙水区委组织部", "甲水区委组织部"]


def test_one_name_in_two_places_is_two_units_and_so_are_their_committees(
    tmp_path: Path, pipeline: Pipeline
) -> None:
    docs = [
        write(tmp_path, "a.txt", "示例市星光工业园召开党建工作会。星光工业园党工委书记钱立主持会议。\n"),
        write(tmp_path, "b.txt", "样板市星光工业园召开党建工作会。星光工业园党工委书记孙明主持会议。\n"),
    ]
    store = EmbeddedStore(tmp_path / "g.db")
    load_files(store, docs, pipeline=pipeline)
    found = parks(store)
    assert sorted(a for park in found for a in park.aliases) == ["样板市星光工业园", "示例市星光工业园"]
    assert all(len(park.documents) == 1 for park in found)
    committees = by_type(store, "Committee")
    assert len(committees) == 2
    for committee in committees:
        [park] = [n.entity for n in store.neighbours(committee.id, types=["PARTY_ORG_OF"], direction="out")]
        assert park.documents == committee.documents


def test_an_unnamed_unit_never_merges_into_a_named_one_elsewhere(tmp_path: Path, pipeline: Pipeline) -> None:
    docs = [
        write(tmp_path, "a.txt", "乙水区委组织部牵头成立明月联合党委。\n"),
        write(tmp_path, "b.txt", "区委组织部牵头成立青松联合党委。\n"),
        write(tmp_path, "c.txt", "区委组织部派出党建指导员。\n"),
    ]
    store = EmbeddedStore(tmp_path / "g.db")
    load_files(store, docs, pipeline=pipeline)
    departments = by_type(store, "Organization")
    assert [(e.name, len(e.documents)) for e in departments] == [
        ("乙水区委组织部", 1),
        ("区委组织部", 1),
        ("区委组织部", 1),
    ]
    assert len({e.id for e in departments}) == 3
    assert [e.id for e in store.search("区委组织部") if e.name == "区委组织部"] != []


def test_a_document_that_names_its_unit_ties_it_to_the_named_unit(tmp_path: Path, pipeline: Pipeline) -> None:
    docs = [
        write(tmp_path, "a.txt", "示例市高新区召开党建工作会。高新区党工委书记钱立主持会议。\n"),
        write(tmp_path, "b.txt", "示例市高新区党工委书记钱立走访企业。\n"),
    ]
    store = EmbeddedStore(tmp_path / "g.db")
    load_files(store, docs, pipeline=pipeline)
    [committee] = by_type(store, "Committee")
    assert committee.name == "示例市高新区党工委"
    assert len(committee.documents) == 2


def test_a_part_never_merges_into_its_whole(tmp_path: Path, pipeline: Pipeline) -> None:
    docs = [
        write(
            tmp_path,
            "a.txt",
            "示例县工业园区召开党建工作会。园区党委书记钱立介绍,园区内的创业小镇吸引了青年创业者。"
            "示例县工业园区党委推动企业发展。\n",
        ),
        write(tmp_path, "b.txt", "示例县工业园区党委书记钱立走访企业。\n"),
    ]
    store = EmbeddedStore(tmp_path / "g.db")
    load_files(store, docs, pipeline=pipeline)
    [park] = parks(store)
    assert park.name == "示例县工业园区"
    assert "创业小镇" not in park.aliases
    assert store.search("创业小镇", type_="Park") == []


def test_practices_sharing_only_a_formula_stay_apart(tmp_path: Path, pipeline: Pipeline) -> None:
    docs = [
        write(tmp_path, "a.txt", "样板县推行“1+3+N”联建模式。\n"),
        write(tmp_path, "b.txt", "示例县推行“1+3+N”工作法。\n"),
        write(tmp_path, "c.txt", "样板县总结“1+3+N”联建模式的经验。\n"),
    ]
    store = EmbeddedStore(tmp_path / "g.db")
    load_files(store, docs, pipeline=pipeline)
    practices = [(e.name, len(e.documents)) for e in by_type(store, "Practice")]
    assert practices == [("1+3+N工作法", 1), ("1+3+N联建模式", 2)]


def _keys(pipeline: Pipeline, text: str, doc_id: str) -> dict[tuple[str, str], str]:
    facts = pipeline.extractor.extract(text, DocumentInfo(id=doc_id, source=f"{doc_id}.txt"))
    return {(e.type, e.name): e.key for e in facts.entities}


def test_a_name_of_no_one_unit_is_keyed_by_its_document(pipeline: Pipeline) -> None:
    text = "市委组织部牵头成立青松联合党委。乙水区委组织部派出党建指导员。\n"
    first, again, other = (_keys(pipeline, text, doc) for doc in ("doc-1", "doc-1", "doc-2"))
    bare, named = ("Organization", "市委组织部"), ("Organization", "乙水区委组织部")
    assert first[bare] == again[bare] != other[bare]
    assert first[named] == other[named]


def test_a_region_department_less_its_region_keeps_its_level_word(pipeline: Pipeline) -> None:
    text = "乙水区委组织部派出党建指导员。\n"
    facts = pipeline.extractor.extract(text, DocumentInfo(id="d", source="d.txt"))
    [department] = [e for e in facts.entities if e.type == "Organization"]
    assert (department.name, department.aliases) == ("乙水区委组织部", ["区委组织部"])


def test_an_area_kind_with_its_committee_word_names_no_one_unit(pipeline: Pipeline) -> None:
    text = "新区管委会牵头成立青松联合党委。\n"
    first, other = (_keys(pipeline, text, doc) for doc in ("doc-1", "doc-2"))
    bare = ("Organization", "新区管委会")
    assert bare in first
    assert first[bare] != other[bare]


class _Counting:
    """A store that counts the calls made of it: a server answers each in a round trip."""

    def __init__(self, store: EmbeddedStore) -> None:
        self.store = store
        self.asked: Counter[str] = Counter()

    def __getattr__(self, name: str):
        method = getattr(self.store, name)

        def counted(*args, **kwargs):
            self.asked[name] += 1
            return method(*args, **kwargs)

        return counted


def test_resolving_a_document_asks_the_store_a_few_times_however_many_entities(pipeline: Pipeline) -> None:
    def units(path: Path) -> int:
        return sum(fact.type != "Person" for fact in pipeline.extract_path(path).entities)

    largest = max(SAMPLE, key=units)
    store = EmbeddedStore()
    assert load_files(store, [path for path in SAMPLE if path != largest], pipeline=pipeline).ok
    facts = pipeline.extract_path(largest)
    counting = _Counting(store)
    resolved = resolve_keys(counting, facts, pipeline.extractor.lexicon)  # type: ignore[arg-type]
    assert units(largest) >= 30
    assert sum(counting.asked.values()) <= 5, counting.asked
    assert any(store.entity(fact.key) for fact in resolved.entities), "nothing held: nothing was looked up"
