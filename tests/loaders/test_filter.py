"""The fact filter on small invented documents: an entity takes its relations along; the model that ships
is the one its training command makes, and applies unless told otherwise."""

from __future__ import annotations

from pathlib import Path

import pytest

from parkgraph.graph.facts import DocumentFacts, DocumentInfo
from parkgraph.loaders.extractor import Extractor
from parkgraph.loaders.features import entity_features, relation_features
from parkgraph.loaders.filter import MODEL_ENV, SHIPPED_MODEL, FactFilter, ModelError, Scorer, load_filter
from parkgraph.loaders.lexicon import LexiconError, load_lexicon

TEXT = (
    "示例县工业园区位于示例县。园区党委书记李明介绍,园区推行“双联双带”工作法,"
    "甲乙科技有限公司党支部覆盖10家企业。"
)
KEEP_ALL = Scorer(weights={}, intercept=0.0, threshold=0.0)


def dropping(entities: Scorer = KEEP_ALL, relations: Scorer = KEEP_ALL) -> FactFilter:
    return FactFilter(entities=entities, relations=relations, trained_on={})


def never(feature: str) -> Scorer:
    """Keeps everything except what has `feature`."""
    return Scorer(weights={feature: -50.0}, intercept=5.0, threshold=0.5)


def extract(extractor: Extractor) -> DocumentFacts:
    return extractor.extract(TEXT, DocumentInfo(id="d1", source="d1.txt", title="示例县工业园区党建"))


def triples(facts: DocumentFacts) -> set[tuple[str, str, str]]:
    names = {e.id: e.name for e in facts.entities}
    return {(names[r.head], r.type, names[r.tail]) for r in facts.relations}


@pytest.fixture(scope="module")
def rules() -> DocumentFacts:
    return extract(Extractor(rules_only=True))


def test_a_dropped_entity_takes_its_relations_along(rules: DocumentFacts) -> None:
    facts = extract(Extractor(fact_filter=dropping(entities=never("type=Region"))))
    assert "示例县" in {e.name for e in rules.entities}
    assert {e.type for e in facts.entities} == {e.type for e in rules.entities} - {"Region"}
    assert all("示例县" not in (head, tail) for head, _, tail in triples(facts))
    assert triples(facts) == {t for t in triples(rules) if "示例县" not in (t[0], t[2])}


def test_a_dropped_relation_leaves_its_entities(rules: DocumentFacts) -> None:
    facts = extract(Extractor(fact_filter=dropping(relations=never("relation=LOCATED_IN"))))
    assert [e.name for e in facts.entities] == [e.name for e in rules.entities]
    assert triples(facts) == {t for t in triples(rules) if t[1] != "LOCATED_IN"}
    assert any(t[1] == "LOCATED_IN" for t in triples(rules))


def test_a_filter_keeping_everything_changes_nothing(rules: DocumentFacts) -> None:
    assert extract(Extractor(fact_filter=dropping())) == rules


def test_features_never_carry_names(rules: DocumentFacts) -> None:
    lex = load_lexicon()
    keys = {k for f in entity_features(rules, lex) + relation_features(rules, lex) for k in f}
    for e in rules.entities:
        assert not any(e.name in k for k in keys), e.name


def test_probability_is_the_logistic_of_the_weighted_sum() -> None:
    scorer = Scorer(weights={"a": 2.0, "b": -1.0}, intercept=-1.0, threshold=0.5)
    assert scorer.probability({}) == pytest.approx(0.2689, abs=1e-4)
    assert scorer.probability({"a": 1.0, "b": 0.0, "unknown": 9.0}) == pytest.approx(0.7311, abs=1e-4)
    assert scorer.keeps({"a": 1.0}) and not scorer.keeps({"b": 1.0})


@pytest.mark.parametrize("proposing", [None, never("bias")], ids=["without proposals", "with proposals"])
def test_model_file_round_trips(tmp_path: Path, proposing: Scorer | None) -> None:
    model = FactFilter(never("type=Region"), KEEP_ALL, {"documents": 3}, proposing)
    path = tmp_path / "model.json"
    path.write_text(model.to_json(), encoding="utf-8")
    assert load_filter(str(path)) == model


def test_the_shipped_model_applies_when_the_environment_names_none(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(MODEL_ENV, raising=False)
    shipped = Extractor().fact_filter
    assert shipped == load_filter(str(SHIPPED_MODEL))
    assert shipped is not None and shipped.proposals is not None


def test_model_named_by_the_environment_is_applied(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, rules: DocumentFacts
) -> None:
    path = tmp_path / "model.json"
    path.write_text(dropping(entities=never("type=Person")).to_json(), encoding="utf-8")
    monkeypatch.setenv(MODEL_ENV, str(path))
    names = {e.name for e in extract(Extractor()).entities}
    assert names == {e.name for e in rules.entities if e.type != "Person"}


def test_none_in_the_environment_runs_the_rules_alone(
    monkeypatch: pytest.MonkeyPatch, rules: DocumentFacts
) -> None:
    monkeypatch.setenv(MODEL_ENV, "none")
    assert Extractor().fact_filter is None
    assert extract(Extractor()) == rules


def test_a_bad_model_file_is_reported_like_a_bad_lexicon(tmp_path: Path) -> None:
    path = tmp_path / "model.json"
    path.write_text('{"format": "something else"}', encoding="utf-8")
    with pytest.raises(ModelError, match=r"model\.json") as raised:
        load_filter(str(path))
    assert isinstance(raised.value, LexiconError)
    with pytest.raises(ModelError):
        load_filter(str(tmp_path / "missing.json"))
