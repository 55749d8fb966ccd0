"""Browsing the sample corpus from the CLI: `query posts`, `documents`, and names that pick out several."""

from __future__ import annotations

import contextlib
import json
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from parkgraph import cli
from parkgraph.corpus import sample_dirs
from parkgraph.graph.embedded import EmbeddedStore

runner = CliRunner()

JOINT_BRANCHES = {
    "湘江科创园联合党支部": "c104.txt",
    "双创基地通辽创客中心联合党支部": "004_bd64fa0ccd9bfbd6.txt",
}
"""The two joint branches of the sample corpus that 联合党支部 names, and the document naming each."""


COVERED = {"纳微科技", "后浪科技", "汇思光电", "百智节能"}
"""The enterprises 湘江科创园联合党支部 covers in the sample corpus (c104.txt)."""
PARKGRAPH = [sys.executable, "-c", "from parkgraph.cli import app; app()"]


def invoke(data: Path, *args: str):
    return runner.invoke(cli.app, [*args, "--data", str(data)])


@pytest.fixture
def wide(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tables as wide as a person's terminal would be, so that a row is one line."""
    monkeypatch.setattr(cli.out, "width", 240)
    monkeypatch.setattr(cli.err, "width", 240)


def _joint_branches(data: Path) -> dict[str, str]:
    """Id by name of the joint branches the store holds, read from the store itself."""
    store = EmbeddedStore(data)
    try:
        return {entity.name: entity.id for entity in store.search("联合党支部", type_="JointBranch")}
    finally:
        store.close()


@pytest.mark.parametrize("command", ["enterprises", "hierarchy", "subtree", "posts"])
def test_a_name_of_several_entities_lists_them_one_per_line_and_exits_2(
    sample_data: Path, wide: None, command: str
) -> None:
    result = invoke(sample_data, "query", command, "联合党支部")

    assert result.exit_code == 2
    assert result.stdout == ""
    branches = _joint_branches(sample_data)
    assert set(branches) == set(JOINT_BRANCHES)
    for name, entity_id in branches.items():
        [row] = [line for line in result.stderr.splitlines() if entity_id in line]
        assert name in row and JOINT_BRANCHES[name] in row and "Branch/JointBranch" in row
    errors = [line for line in result.stderr.splitlines() if "error" in line]
    assert errors == ["error: '联合党支部' matches 2 entities (listed above): give one of their ids"]


def test_an_ambiguous_name_in_a_path_is_refused_too(sample_data: Path) -> None:
    result = invoke(sample_data, "query", "path", "汇思光电", "联合党支部")

    assert result.exit_code == 2
    assert "matches 2 entities" in result.stderr


def test_an_id_picks_out_one_of_the_entities_a_name_shares(sample_data: Path) -> None:
    branch = _joint_branches(sample_data)["湘江科创园联合党支部"]

    result = invoke(sample_data, "query", "enterprises", branch, "--json")

    assert result.exit_code == 0, result.stderr
    assert {reach["entity"]["name"] for reach in json.loads(result.stdout)} == COVERED


def test_posts_of_a_person_are_titles_and_organizations_with_their_source(sample_data: Path) -> None:
    result = invoke(sample_data, "query", "posts", "何建新", "--json")

    assert result.exit_code == 0, result.stderr
    posts = json.loads(result.stdout)
    assert {(p["holder"]["name"], p["title"], p["organization"]["name"]) for p in posts} == {
        ("何建新", "常委", "嘉陵区委"),
        ("何建新", "组织部长", "嘉陵区委"),
    }
    for post in posts:
        [evidence, *_] = post["relation"]["evidence"]
        assert evidence["source"].startswith("002_") and "何建新" in evidence["text"]


def test_posts_of_an_organization_are_who_holds_which_title(sample_data: Path, wide: None) -> None:
    result = invoke(sample_data, "query", "posts", "嘉陵区委")

    assert result.exit_code == 0, result.stderr
    rows = [line for line in result.stdout.splitlines() if "何建新" in line]
    assert len(rows) == 2
    assert any("常委" in row for row in rows) and any("组织部长" in row for row in rows)
    assert all("嘉陵区委" in row and "002_992aaebfb3c9a04f.txt" in row for row in rows)


def test_posts_of_an_entity_that_has_none_is_an_empty_list(sample_data: Path) -> None:
    result = invoke(sample_data, "query", "posts", "汇思光电", "--json")

    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout) == []


def test_documents_lists_each_loaded_document_with_what_it_gave(sample_data: Path) -> None:
    result = invoke(sample_data, "documents", "--json")

    assert result.exit_code == 0, result.stderr
    listed = json.loads(result.stdout)
    files = sorted(path.name for folder in sample_dirs() for path in folder.iterdir())
    assert [row["source"] for row in listed] == files
    store = EmbeddedStore(sample_data)
    try:
        for row in listed:
            contents = store.document_facts(row["id"])
            assert (row["entities"], row["relations"]) == (len(contents.entities), len(contents.relations))
            assert row["title"] == contents.document.title
            assert row["entities"] > 0 and row["relations"] > 0
    finally:
        store.close()


def test_documents_table_has_a_row_per_document(sample_data: Path, wide: None) -> None:
    result = invoke(sample_data, "documents")

    assert result.exit_code == 0, result.stderr
    for source in ("c104.txt", "c115.txt", "c148.txt", "004_bd64fa0ccd9bfbd6.txt"):
        assert sum(source in line for line in result.stdout.splitlines()) == 1


def test_documents_of_an_empty_store(tmp_path: Path) -> None:
    result = invoke(tmp_path / "empty.db", "documents", "--json")

    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout) == []


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_serve_loads_the_sample_corpus_into_an_empty_store(tmp_path: Path) -> None:
    """What a new user sees first: the joint branch of the sample corpus with the enterprises it covers."""
    port = _free_port()
    server = subprocess.Popen(
        [*PARKGRAPH, "serve", "--port", str(port), "--data", str(tmp_path / "graph.db")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60) as api:
            deadline = time.monotonic() + 180
            while True:
                assert server.poll() is None, "serve ended"
                with contextlib.suppress(httpx.TransportError):
                    if api.get("/health").status_code == 200:
                        break
                assert time.monotonic() < deadline, "serve did not answer in time"
                time.sleep(0.2)
            documents = api.get("/api/documents", params={"limit": 200}).json()
            found = api.get("/api/entities", params={"q": "湘江科创园联合党支部"}).json()["data"][0]
            under = api.get(f"/api/organizations/{found['id']}/enterprises").json()
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=60)
    files = sorted(path.name for folder in sample_dirs() for path in folder.iterdir())
    assert sorted(info["source"] for info in documents["data"]) == files
    assert {reach["entity"]["name"] for reach in under["data"]} == COVERED
