"""The whole path: the bundled seed corpus read, extracted, loaded and asked the headline question."""

from __future__ import annotations

from pathlib import Path

import pytest

from parkgraph.corpus import seeds_dir
from parkgraph.graph.embedded import EmbeddedStore
from parkgraph.loaders.normalize import normalize_text
from parkgraph.loaders.sources import read_document
from parkgraph.loading import LoadReport, collect_documents, load_files

JOINT_DOC = (
    "示例县:工业园区党建纪实\n"
    "示例县工业园区成立甲乙科技有限公司、丙丁机械有限公司联合党支部,覆盖园区内两家企业。\n"
)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[EmbeddedStore, LoadReport, Path]:
    folder = tmp_path_factory.mktemp("corpus")
    extra = folder / "joint.txt"
    extra.write_text(JOINT_DOC, encoding="utf-8")
    store = EmbeddedStore(folder / "graph.db")
    report = LoadReport()
    files = [*collect_documents([seeds_dir()], report), extra]
    load_files(store, files, report)
    return store, report, folder


def normalized_texts() -> dict[str, str]:
    return {p.name: normalize_text(read_document(p).text) for p in sorted(seeds_dir().iterdir())}


def test_every_seed_loads(corpus) -> None:
    store, report, _ = corpus
    assert report.ok, report.failures
    assert store.counts().documents == len(list(seeds_dir().iterdir())) + 1


def test_enterprises_under_a_joint_branch_come_with_evidence(corpus) -> None:
    store, _, _ = corpus
    joint = [e for e in store.iter_entities() if "JointBranch" in e.labels]
    assert joint, "the corpus names joint branches"
    covering = {j.id: store.enterprises_under(j.id) for j in joint}
    reached = {r.entity.name for reaches in covering.values() for r in reaches}
    assert {"甲乙科技有限公司", "丙丁机械有限公司"} <= reached
    for reaches in covering.values():
        for reach in reaches:
            assert reach.entity.type == "Enterprise"
            assert all(rel.evidence for rel in reach.path)


def test_seed_enterprises_under_party_organizations_cite_their_sentences(corpus) -> None:
    store, _, _ = corpus
    texts = normalized_texts()
    found = 0
    for org in store.iter_entities():
        if org.type not in ("Committee", "Branch"):
            continue
        for reach in store.enterprises_under(org.id):
            for rel in reach.path:
                for ev in rel.evidence:
                    if ev.source in texts:
                        assert texts[ev.source][ev.start : ev.end] == ev.text
                        found += 1
    assert found, "some seed names an enterprise under a Party organization"


def test_reloading_the_corpus_changes_nothing(corpus) -> None:
    store, _, folder = corpus
    before = store.counts()
    report = load_files(store, [*collect_documents([seeds_dir()], LoadReport()), folder / "joint.txt"])
    assert {r.status for r in report.results} == {"unchanged"}
    assert store.counts() == before
