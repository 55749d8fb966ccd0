"""The `parkgraph` command through typer's runner: output, exit status and one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import reliability
from factbuilder import briefing
from storekit import json_store_file
from typer.testing import CliRunner

from parkgraph.cli import app

runner = CliRunner()

DOC = "示例县:园区党建新模式\n示例县工业园区成立甲乙科技有限公司、丙丁机械有限公司联合党支部。\n"


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.txt").write_text(DOC, encoding="utf-8")
    (folder / "b.txt").write_bytes("示範縣工業園區黨委書記王建國說。\n".encode("big5"))
    return folder


def invoke(*args: str):
    return runner.invoke(app, list(args))


def test_normalize_prints_simplified_text(docs: Path) -> None:
    result = invoke("normalize", str(docs / "b.txt"))
    assert result.exit_code == 0
    assert "示范县工业园区党委书记王建国说" in result.stdout


def test_extract_prints_one_json_line_per_document(docs: Path) -> None:
    result = invoke("extract", str(docs), "--format", "jsonl")
    assert result.exit_code == 0
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [d["document"]["source"] for d in lines] == ["a.txt", "b.txt"]
    assert all({"document", "entities", "relations"} == set(d) for d in lines)
    names = {e["name"] for e in lines[0]["entities"]}
    assert "甲乙科技有限公司" in names


def test_extract_reports_a_missing_file_and_keeps_the_others(docs: Path) -> None:
    result = invoke("extract", str(docs / "a.txt"), str(docs / "missing.txt"))
    assert result.exit_code == 1
    assert len(result.stdout.splitlines()) == 1
    assert "missing.txt" in result.stderr
    assert "Traceback" not in result.stderr


def test_load_is_idempotent_and_query_finds_enterprises(docs: Path, tmp_path: Path) -> None:
    data = str(tmp_path / "graph.db")
    first = invoke("load", str(docs), "--data", data)
    assert first.exit_code == 0, first.stderr
    assert "2 loaded" in first.stdout
    again = invoke("load", str(docs), "--data", data)
    assert "0 loaded, 2 unchanged" in again.stdout
    result = invoke("query", "enterprises", "联合党支部", "--data", data, "--json")
    assert result.exit_code == 0, result.stderr
    reached = {r["entity"]["name"] for r in json.loads(result.stdout)}
    assert reached == {"甲乙科技有限公司", "丙丁机械有限公司"}


def test_load_says_which_document_gave_no_facts(docs: Path, tmp_path: Path) -> None:
    (docs / "weather.txt").write_text("今天下午天气晴朗，大家都去散步了。\n", encoding="utf-8")
    result = invoke("load", str(docs), "--data", str(tmp_path / "g.db"))
    assert result.exit_code == 0, result.stderr
    assert "3 loaded, 0 unchanged, 0 failed, 1 with no facts found" in result.stdout
    warnings = [line for line in result.stderr.splitlines() if "no facts found" in line]
    assert len(warnings) == 1
    assert "weather.txt" in warnings[0]


@pytest.mark.reliability
def test_load_exit_status_says_a_file_failed(docs: Path, tmp_path: Path) -> None:
    (docs / "broken.txt").write_bytes(b"\x00\x01\x02binary")
    result = invoke("load", str(docs), "--data", str(tmp_path / "g.db"))
    assert result.exit_code == 1
    assert "broken.txt" in result.stderr
    assert "2 loaded" in result.stdout
    reliability.record("load", "a folder with an unreadable file: the file reported, the 2 others loaded")


def test_unknown_entity_is_one_clear_line(docs: Path, tmp_path: Path) -> None:
    data = str(tmp_path / "graph.db")
    invoke("load", str(docs), "--data", data)
    result = invoke("query", "hierarchy", "不存在的组织", "--data", data)
    assert result.exit_code == 2
    assert "no entity is named" in result.stderr
    assert "Traceback" not in result.stderr


def test_corrupt_store_file_is_reported(tmp_path: Path) -> None:
    bad = tmp_path / "graph.db"
    bad.write_text("{not json", encoding="utf-8")
    result = invoke("query", "stats", "--data", str(bad))
    assert result.exit_code == 2
    assert "graph.db" in result.stderr


@pytest.mark.reliability
def test_bad_settings_are_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = str(tmp_path / "graph.db")
    monkeypatch.setenv("PARKGRAPH_API_TOKEN", "short")
    for args in (("--store", "bogus", "--data", data), ("--data", data)):
        result = invoke("query", "stats", *args)
        assert result.exit_code == 2
        assert result.stderr.startswith("error: bad settings: ")
        assert result.stderr.count("\n") == 1, result.stderr
    reliability.record("bad input", "bad settings (store name, short token) refused in one line", 2, 2)


def test_an_unknown_type_is_an_error(tmp_path: Path) -> None:
    result = invoke("query", "search", "园区", "--type", "Bogus", "--data", str(tmp_path / "graph.db"))
    assert result.exit_code == 2
    assert result.stderr.startswith("error: unknown type 'Bogus'; one of Region, Park")
    assert result.stderr.count("\n") == 1


def test_export_turtle_writes_rdf(docs: Path, tmp_path: Path) -> None:
    data = str(tmp_path / "graph.db")
    invoke("load", str(docs), "--data", data)
    out = tmp_path / "graph.ttl"
    result = invoke("export", "--format", "turtle", "--output", str(out), "--data", data)
    assert result.exit_code == 0, result.stderr
    assert "甲乙科技有限公司" in out.read_text(encoding="utf-8")


def test_a_name_that_is_also_another_entitys_alias_picks_the_named_entity(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "c.txt").write_text("甲乙科技有限公司党支部书记李明说。\n", encoding="utf-8")
    data = str(tmp_path / "graph.db")
    invoke("load", str(folder), "--data", data)
    result = invoke("query", "enterprises", "甲乙科技有限公司党支部", "--data", data, "--json")
    assert result.exit_code == 0, result.stderr
    assert [r["entity"]["name"] for r in json.loads(result.stdout)] == ["甲乙科技有限公司"]


def test_eval_scores_annotated_documents_and_lists_misses(docs: Path, tmp_path: Path) -> None:
    gold = tmp_path / "gold"
    gold.mkdir()
    annotation = {
        "source": "a.txt",
        "entities": [
            {"type": "Enterprise", "name": "甲乙科技有限公司"},
            {"type": "Enterprise", "name": "不存在有限公司"},
        ],
        "relations": [],
    }
    (gold / "a.json").write_text(json.dumps(annotation, ensure_ascii=False), encoding="utf-8")
    result = invoke("eval", str(docs / "a.txt"), "--gold", str(gold), "--json", "--details")
    assert result.exit_code == 0, result.stderr
    summary_end = result.stdout.rindex("}") + 1
    summary = json.loads(result.stdout[:summary_end])
    assert summary["entities"]["Enterprise"]["tp"] == 1
    assert summary["entities"]["Enterprise"]["fn"] == 1
    assert "a.txt\tmissed entity\tEnterprise 不存在有限公司" in result.stdout[summary_end:]


def test_eval_refuses_a_folder_without_gold(docs: Path, tmp_path: Path) -> None:
    result = invoke("eval", str(docs), "--gold", str(tmp_path))
    assert result.exit_code == 2
    assert "no gold" in result.stderr


def test_enterprises_query_takes_a_confidence_floor(docs: Path, tmp_path: Path) -> None:
    data = str(tmp_path / "graph.db")
    invoke("load", str(docs), "--data", data)
    floor = invoke("query", "enterprises", "联合党支部", "--data", data, "--json", "--min-confidence", "0.95")
    assert floor.exit_code == 0, floor.stderr
    assert json.loads(floor.stdout) == []
    bad = invoke("query", "enterprises", "联合党支部", "--data", data, "--min-confidence", "3")
    assert bad.exit_code == 2


def test_mojibake_is_dropped_with_a_warning(tmp_path: Path) -> None:
    doc = tmp_path / "garbled.txt"
    doc.write_text("示例县工业园区党委书记王建国说。\n锟斤拷锟斤拷锟斤拷烫烫烫锟斤拷\n", encoding="utf-8")
    normalized = invoke("normalize", str(doc))
    assert normalized.exit_code == 0
    assert "锟斤拷" not in normalized.stdout
    assert "示例县工业园区党委书记王建国说" in normalized.stdout
    assert "warning: garbled.txt" in normalized.stderr
    extracted = invoke("extract", str(doc))
    assert "warning: garbled.txt" in extracted.stderr
    assert json.loads(extracted.stdout)["entities"]


def test_retract_removes_a_document_and_says_so(docs: Path, tmp_path: Path) -> None:
    data = str(tmp_path / "graph.db")
    invoke("load", str(docs / "a.txt"), "--data", data)
    document_id = json.loads(invoke("extract", str(docs / "a.txt")).stdout)["document"]["id"]
    result = invoke("retract", document_id, "--data", data)
    assert result.exit_code == 0, result.stderr
    assert "retracted a.txt" in result.stdout
    stats = json.loads(invoke("query", "stats", "--data", data).stdout)
    assert stats["documents"] == 0
    again = invoke("retract", document_id, "--data", data)
    assert again.exit_code == 2
    assert "no document" in again.stderr


def test_a_json_store_is_refused_in_one_line_naming_the_command_that_converts_it(tmp_path: Path) -> None:
    old = json_store_file(tmp_path / "graph.json", [briefing()])
    refused = invoke("query", "stats", "--data", str(old))
    assert refused.exit_code == 2
    assert len(refused.stderr.strip().splitlines()) == 1
    assert f"parkgraph migrate {old} {tmp_path / 'graph.db'}" in " ".join(refused.stderr.split())
    converted = invoke("migrate", str(old))
    assert converted.exit_code == 0, converted.stderr
    assert "1 documents converted" in converted.stdout
    stats = invoke("query", "stats", "--data", str(tmp_path / "graph.db"))
    assert json.loads(stats.stdout)["documents"] == 1
    again = invoke("migrate", str(old))
    assert again.exit_code == 2
    assert "exists already" in again.stderr


def test_a_file_that_is_no_store_is_refused_in_one_line(tmp_path: Path) -> None:
    other = tmp_path / "notes.txt"
    other.write_text("not a store", encoding="utf-8")
    for args in (["query", "stats", "--data", str(other)], ["migrate", str(other)]):
        result = invoke(*args)
        assert result.exit_code == 2
        assert len(result.stderr.strip().splitlines()) == 1
        assert "notes.txt" in result.stderr


def test_the_json_store_at_the_old_default_place_is_converted_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    old = json_store_file(tmp_path / "parkgraph" / "graph.json", [briefing()])
    before = old.read_bytes()
    first = invoke("query", "stats")
    assert first.exit_code == 0, first.stderr
    assert json.loads(first.stdout)["documents"] == 1
    assert "converted the JSON store" in first.stderr
    assert len(first.stderr.strip().splitlines()) == 1
    assert (tmp_path / "parkgraph" / "graph.db").exists()
    assert old.read_bytes() == before
    second = invoke("query", "stats")
    assert (second.exit_code, second.stderr) == (0, "")


def test_starting_the_command_does_not_import_the_neo4j_driver() -> None:
    """A load or a query on the embedded store does not wait for the driver and the exports it brings
    (a quarter of a second) at every start; only the `neo4j` commands and a Neo4j store import it."""
    started = subprocess.run(
        [sys.executable, "-c", "import sys, parkgraph.cli; print('neo4j' in sys.modules)"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert started.stdout.strip() == "False"
