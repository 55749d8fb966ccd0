"""The README's examples run as written on the sample corpus, and each returns rows.

The store is built by the README's own `parkgraph load` line, run from the repository's root; then every
`parkgraph query …` and `parkgraph documents` line of the README runs against it through the CLI, and every
`curl` GET through the API. The same queries and the Cypher example run on Neo4j after the README's Neo4j
load line.
"""

from __future__ import annotations

import json
import os
import re
import shlex
from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pytest
from fastapi.testclient import TestClient
from neo4j import Driver
from typer.testing import CliRunner

from parkgraph.api.main import create_app
from parkgraph.cli import app
from parkgraph.config import Settings
from parkgraph.corpus import sample_dirs
from parkgraph.graph.embedded import EmbeddedStore
from parkgraph.stores import open_store

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")
runner = CliRunner()


BLOCKS = re.findall(r"```bash\n(.*?)```", README, flags=re.DOTALL)
CORRECTING = [block for block in BLOCKS if "parkgraph curate" in block]
"""The blocks that correct the graph: their queries show the graph after the corrections."""


def _shell_lines(blocks: list[str]) -> list[list[str]]:
    """Each command of bash blocks as words, continuation lines joined, comments dropped."""
    joined = "\n".join(block.replace("\\\n", " ") for block in blocks)
    return [words for line in joined.splitlines() if (words := shlex.split(line, comments=True))]


def _commands(*starts: tuple[str, ...]) -> list[list[str]]:
    """The README's commands that start so, outside the blocks that correct the graph."""
    lines = _shell_lines([block for block in BLOCKS if block not in CORRECTING])
    return [words for words in lines if any(tuple(words[: len(s)]) == s for s in starts)]


QUERIES = _commands(("parkgraph", "query"), ("parkgraph", "documents"))
EMBEDDED_QUERIES = [words for words in QUERIES if "--store" not in words]
[LOAD] = [words for words in _commands(("parkgraph", "load", "corpus/seeds")) if "--store" not in words]
[NEO4J_LOAD] = [words for words in _commands(("parkgraph", "load", "corpus/seeds")) if "--store" in words]


@pytest.fixture(scope="module")
def readme_data(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The store the README's load line builds, run from the repository root as a reader would."""
    data = tmp_path_factory.mktemp("readme") / "graph.db"
    here = Path.cwd()
    os.chdir(ROOT)
    try:
        result = runner.invoke(app, [*LOAD[1:], "--data", str(data)])
    finally:
        os.chdir(here)
    assert result.exit_code == 0, result.stderr
    yield data


def test_the_readme_loads_the_sample_corpus(readme_data: Path) -> None:
    store = EmbeddedStore(readme_data)
    try:
        held = sorted(info.source for info in store.documents())
    finally:
        store.close()
    assert held == sorted(path.name for folder in sample_dirs() for path in folder.iterdir())


def test_the_readme_shows_every_kind_of_query() -> None:
    shown = {tuple(words[1:3]) if words[1] == "query" else (words[1],) for words in QUERIES}
    kinds = {"search", "enterprises", "hierarchy", "subtree", "path", "posts", "stats"}
    assert {("query", kind) for kind in kinds} | {("documents",)} <= shown


def _rows(words: list[str], stdout: str) -> int:
    """How many rows a command's `--json` output holds (`query stats` prints JSON as it is)."""
    answer = json.loads(stdout)
    if words[1:3] == ["query", "stats"]:
        return answer["documents"]
    if words[1:3] == ["query", "path"]:
        return len(answer["relations"])
    return len(answer)


def _assert_runs_with_rows(words: list[str], store_options: list[str]) -> None:
    """The command as written prints something, and with `--json` its answer holds rows."""
    as_written = runner.invoke(app, [*words[1:], *store_options])
    assert as_written.exit_code == 0, f"{words}: {as_written.stderr}"
    assert as_written.stdout.strip()

    json_flag = [] if words[1:3] == ["query", "stats"] else ["--json"]
    result = runner.invoke(app, [*words[1:], *store_options, *json_flag])
    assert result.exit_code == 0, f"{words}: {result.stderr}"
    assert _rows(words, result.stdout) > 0, words


@pytest.mark.parametrize("words", EMBEDDED_QUERIES, ids=[" ".join(words[1:]) for words in EMBEDDED_QUERIES])
def test_each_readme_query_runs_as_written_and_returns_rows(readme_data: Path, words: list[str]) -> None:
    _assert_runs_with_rows(words, ["--data", str(readme_data)])


def test_the_readme_examples_return_rows_on_neo4j_too(
    empty_neo4j: Driver, neo4j_settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The README's Neo4j load line, then every query example and the Cypher example on that server."""
    for name, value in {
        "NEO4J_URI": neo4j_settings.neo4j_uri,
        "NEO4J_USER": neo4j_settings.neo4j_user,
        "NEO4J_PASSWORD": neo4j_settings.neo4j_password,
        "NEO4J_DATABASE": neo4j_settings.neo4j_database,
    }.items():
        monkeypatch.setenv(name, value)
    monkeypatch.chdir(ROOT)
    loaded = runner.invoke(app, NEO4J_LOAD[1:])
    assert loaded.exit_code == 0, loaded.stderr

    for words in QUERIES:
        _assert_runs_with_rows(words, [] if "--store" in words else ["--store", "neo4j"])

    [cypher] = [words for words in _commands(("curl",)) if any(w.endswith("/api/cypher") for w in words)]
    body = json.loads(cypher[cypher.index("-d") + 1])
    store = open_store(neo4j_settings)
    try:
        response = TestClient(create_app(store)).post("/api/cypher", json=body)
    finally:
        store.close()
    assert response.status_code == 200, response.text
    assert response.json()["rows"]


def test_the_joint_branch_example_answers_the_headline_question(readme_data: Path) -> None:
    [words] = [w for w in QUERIES if w[1:3] == ["query", "enterprises"] and "--min-confidence" not in w]
    result = runner.invoke(app, [*words[1:], "--data", str(readme_data), "--json"])

    assert {reach["path"][-1]["type"] for reach in json.loads(result.stdout)} == {"COVERS"}


def test_the_correcting_examples_run_as_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each line of the blocks that correct the graph, in order, on a store of their own (the Neo4j
    import is `tests/cli/test_cli_curate.py`'s): each succeeds, and each query shows rows."""
    monkeypatch.chdir(tmp_path)
    data = ["--data", str(tmp_path / "graph.db")]
    lines = [words for words in _shell_lines(CORRECTING) if "--store" not in words]
    assert lines[0][:2] == ["parkgraph", "load"]
    for words in lines:
        args = [str(ROOT / word) if (ROOT / word).exists() and "/" in word else word for word in words[1:]]
        if words[1] == "query":
            _assert_runs_with_rows(["parkgraph", *args], data)
            continue
        result = runner.invoke(app, [*args, *data])
        assert result.exit_code == 0, f"{words}: {result.stderr}"


CURL_GETS = [
    words
    for words in _commands(("curl",))
    if not {"-F", "-d", "-X"} & set(words) and any(w.startswith("http://") for w in words)
]


def _request(words: list[str]) -> tuple[str, list[tuple[str, str]]]:
    """The path and query parameters a README curl line asks for (`-G --data-urlencode` included)."""
    url = urlsplit(next(w for w in words if w.startswith("http://")))
    params = parse_qsl(url.query)
    params += [tuple(v.split("=", 1)) for flag, v in pairwise(words) if flag == "--data-urlencode"]
    return url.path, params


@pytest.mark.parametrize("words", CURL_GETS, ids=[" ".join(words[1:]) for words in CURL_GETS])
def test_each_readme_api_get_answers_with_rows(readme_data: Path, words: list[str]) -> None:
    path, params = _request(words)
    store = EmbeddedStore(readme_data)
    try:
        response = TestClient(create_app(store)).get(path, params=params)
    finally:
        store.close()

    assert response.status_code == 200, response.text
    if response.headers["content-type"].startswith("application/json"):
        assert response.json()["data"]
    else:
        assert response.content


def test_the_readme_shows_api_gets() -> None:
    paths = {_request(words)[0] for words in CURL_GETS}
    assert {"/api/entities", "/api/export"} <= paths
    assert any(path.endswith("/enterprises") for path in paths)
    assert any(path.endswith("/posts") for path in paths)
