"""`parkgraph train` and `parkgraph eval --folds` on a few invented annotated documents."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from parkgraph.cli import app
from parkgraph.loaders.filter import MODEL_ENV, SHIPPED_MODEL, load_filter

runner = CliRunner()

UNITS = (
    ("甲", "张明", "双联双带", "乙丙"),
    ("丁", "李强", "三进三帮", "戊己"),
    ("庚", "王芳", "四抓四促", "辛壬"),
)
UNITS += (("癸", "赵磊", "五联五建", "子丑"),)


def document(county: str, person: str, practice: str, company: str) -> str:
    return (
        f"{county}县工业园区位于{county}县。园区党委书记{person}介绍,园区推行“{practice}”工作法,"
        f"{company}科技有限公司党支部覆盖10家企业。\n"
    )


def gold(source: str, county: str, person: str, practice: str, company: str) -> dict:
    """What an annotator marks: everything but the county (so the rules make some wrong facts)."""
    park, committee = f"{county}县工业园区", f"{county}县工业园区党委"
    enterprise, branch = f"{company}科技有限公司", f"{company}科技有限公司党支部"
    return {
        "source": source,
        "entities": [
            {"type": "Park", "name": park},
            {"type": "Committee", "name": committee, "aliases": ["园区党委"]},
            {"type": "Person", "name": person},
            {"type": "Practice", "name": f"{practice}工作法"},
            {"type": "Enterprise", "name": enterprise},
            {"type": "Branch", "name": branch},
        ],
        "relations": [
            {"head": committee, "type": "PARTY_ORG_OF", "tail": park},
            {"head": person, "type": "HOLDS_POST", "tail": committee, "title": "书记"},
            {"head": branch, "type": "PARTY_ORG_OF", "tail": enterprise},
            {"head": committee, "type": "ADOPTS", "tail": f"{practice}工作法"},
        ],
    }


@pytest.fixture
def annotated(tmp_path: Path) -> tuple[Path, Path]:
    docs, golds = tmp_path / "docs", tmp_path / "gold"
    docs.mkdir()
    golds.mkdir()
    for i, unit in enumerate(UNITS):
        (docs / f"d{i}.txt").write_text(document(*unit), encoding="utf-8")
        annotation = gold(f"d{i}.txt", *unit)
        (golds / f"d{i}.json").write_text(json.dumps(annotation, ensure_ascii=False), encoding="utf-8")
    return docs, golds


def invoke(*args: str, env: dict[str, str] | None = None):
    return runner.invoke(app, list(args), env=env)


def test_train_writes_the_same_model_twice_and_says_what_it_learned_from(
    annotated: tuple[Path, Path], tmp_path: Path
) -> None:
    docs, golds = annotated
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    result = invoke("train", str(docs), "--gold", str(golds), "-o", str(first))
    assert result.exit_code == 0, result.stderr
    assert "trained on 4 documents" in result.stdout
    assert invoke("train", str(docs), "--gold", str(golds), "-o", str(second)).exit_code == 0
    assert first.read_bytes() == second.read_bytes()
    assert load_filter(str(first)).trained_on["documents"] == 4


def test_train_without_annotated_documents_fails_in_one_line(
    annotated: tuple[Path, Path], tmp_path: Path
) -> None:
    docs, _ = annotated
    other = tmp_path / "other"
    other.mkdir()
    (other / "x.json").write_text('{"source": "x.txt", "entities": []}', encoding="utf-8")
    result = invoke("train", str(docs), "--gold", str(other), "-o", str(tmp_path / "m.json"))
    assert result.exit_code == 2
    assert "no annotated documents" in result.stderr
    assert "Traceback" not in result.stderr


def test_eval_folds_scores_every_document_held_out(annotated: tuple[Path, Path]) -> None:
    docs, golds = annotated
    result = invoke("eval", str(docs), "--gold", str(golds), "--folds", "2", "--json")
    assert result.exit_code == 0, result.stderr
    summary = json.loads(result.stdout)
    assert [fold["documents"] for fold in summary["folds"]] == [2, 2]
    for kind, types in (("entities", 6), ("relations", 4)):
        assert summary[kind]["all"]["tp"] + summary[kind]["all"]["fn"] == types * len(UNITS)
        assert summary["rules_only"][kind]["all"]["tp"] >= summary[kind]["all"]["tp"]
    assert set(summary["relations"]) >= {"PARTY_ORG_OF", "HOLDS_POST", "ADOPTS"}


def test_eval_folds_prints_tables_and_the_per_fold_f1(annotated: tuple[Path, Path]) -> None:
    docs, golds = annotated
    result = invoke("eval", str(docs), "--gold", str(golds), "--folds", "2")
    assert result.exit_code == 0, result.stderr
    assert "held out, 2 folds" in result.stdout
    assert "per held-out fold" in result.stdout


@pytest.mark.parametrize("options", [["--folds", "1"], ["--folds", "5"], ["--folds", "2", "--rules-only"]])
def test_eval_refuses_folds_it_cannot_make(annotated: tuple[Path, Path], options: list[str]) -> None:
    docs, golds = annotated
    result = invoke("eval", str(docs), "--gold", str(golds), *options)
    assert result.exit_code == 2
    assert "Traceback" not in result.stderr


def test_eval_uses_the_model_named_by_the_environment(annotated: tuple[Path, Path], tmp_path: Path) -> None:
    docs, golds = annotated
    model = tmp_path / "model.json"
    invoke("train", str(docs), "--gold", str(golds), "-o", str(model))
    good = invoke("eval", str(docs), "--gold", str(golds), "--json", env={MODEL_ENV: str(model)})
    assert good.exit_code == 0, good.stderr
    model.write_text("{}", encoding="utf-8")
    bad = invoke("eval", str(docs), "--gold", str(golds), env={MODEL_ENV: str(model)})
    assert bad.exit_code == 2
    assert "cannot read fact-filter model" in bad.stderr
    rules = invoke("eval", str(docs), "--gold", str(golds), "--rules-only", env={MODEL_ENV: str(model)})
    assert rules.exit_code == 0, rules.stderr


def test_the_shipped_model_is_what_its_training_command_makes(tmp_path: Path) -> None:
    """The command in `filter.py`'s docstring and the README, run on the bundled annotated documents,
    writes the shipped file byte for byte: retrain it whenever the rules change what they find."""
    corpus = Path(__file__).resolve().parents[2] / "corpus"
    model = tmp_path / "model.json"
    result = invoke(
        "train",
        str(corpus / "seeds"),
        str(corpus / "dev2"),
        "--gold",
        str(corpus / "gold" / "dev"),
        "--gold",
        str(corpus / "gold" / "dev2"),
        "-o",
        str(model),
    )
    assert result.exit_code == 0, result.stderr
    assert model.read_text(encoding="utf-8") == SHIPPED_MODEL.read_text(encoding="utf-8")
