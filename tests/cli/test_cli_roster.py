"""`parkgraph load` of spreadsheet rosters on the embedded store, queried back."""

from __future__ import annotations

import json
from pathlib import Path

from rosterkit import BRANCH, ENTERPRISES, PEOPLE, roster_csv, roster_xls, roster_xlsx
from typer.testing import CliRunner

from parkgraph.cli import app

runner = CliRunner()


def _invoke(*args: str):
    return runner.invoke(app, list(args))


def test_a_roster_folder_loads_once_and_the_branch_lists_its_enterprises(tmp_path: Path) -> None:
    folder = tmp_path / "rosters"
    folder.mkdir()
    (folder / "名册.xlsx").write_bytes(roster_xlsx())
    (folder / "坏表.xlsx").write_bytes(b"PK\x03\x04 not really a workbook")
    data = str(tmp_path / "graph.db")

    first = _invoke("load", str(folder), "--data", data)

    assert first.exit_code == 1
    assert "1 loaded" in first.stdout
    assert len([line for line in first.stderr.splitlines() if "坏表.xlsx" in line]) == 1
    assert "is not a readable Excel workbook" in first.stderr and "Traceback" not in first.stderr
    counts = json.loads(_invoke("query", "stats", "--data", data).stdout)
    again = _invoke("load", str(folder / "名册.xlsx"), "--data", data)
    assert again.exit_code == 0 and "0 loaded, 1 unchanged" in again.stdout
    assert json.loads(_invoke("query", "stats", "--data", data).stdout) == counts
    assert counts["relations"]["HOLDS_POST"] == len(PEOPLE)
    result = _invoke("query", "enterprises", BRANCH, "--data", data, "--json")
    assert result.exit_code == 0, result.stderr
    assert {r["entity"]["name"] for r in json.loads(result.stdout)} == set(ENTERPRISES)


def test_a_gbk_csv_roster_loads_its_posts(tmp_path: Path) -> None:
    roster = tmp_path / "名册.csv"
    roster.write_bytes(roster_csv("gbk"))
    data = str(tmp_path / "graph.db")

    loaded = _invoke("load", str(roster), "--data", data)
    posts = _invoke("query", "posts", PEOPLE[0], "--data", data, "--json")

    assert loaded.exit_code == 0, loaded.stderr
    assert posts.exit_code == 0, posts.stderr
    assert BRANCH in posts.stdout and "书记" in posts.stdout


def test_a_legacy_xls_roster_in_a_folder_loads_its_posts(tmp_path: Path) -> None:
    folder = tmp_path / "rosters"
    folder.mkdir()
    (folder / "名册.xls").write_bytes(roster_xls())
    data = str(tmp_path / "graph.db")

    loaded = _invoke("load", str(folder), "--data", data)
    posts = _invoke("query", "posts", PEOPLE[0], "--data", data, "--json")

    assert loaded.exit_code == 0, loaded.stderr
    assert "1 loaded" in loaded.stdout
    assert BRANCH in posts.stdout and "书记" in posts.stdout


def test_normalize_prints_a_rosters_rows_as_the_lines_evidence_indexes(tmp_path: Path) -> None:
    roster = tmp_path / "名册.xlsx"
    roster.write_bytes(roster_xlsx())

    printed = _invoke("normalize", str(roster))
    extracted = json.loads(_invoke("extract", str(roster)).stdout)

    assert printed.exit_code == 0, printed.stderr
    assert printed.stdout.splitlines()[0].startswith(f"党员名册 第4行 姓名:{PEOPLE[0]} ")
    for relation in extracted["relations"]:
        evidence = relation["evidence"]
        assert printed.stdout[evidence["start"] : evidence["end"]] == evidence["text"]
