"""The bundled Neo4j server: a running server answers Cypher; start, stop and status and their errors.

The error paths run without a server, some with stand-ins for java, javac and mvn on PATH; one test
builds and runs the real server on free ports in a temporary folder when Java and Maven are here.
"""

from __future__ import annotations

import os
import shutil
import socket
import stat
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from neo4j import GraphDatabase
from typer.testing import CliRunner

from parkgraph.cli import app
from parkgraph.config import Settings
from parkgraph.neo4j_server import (
    ServerError,
    build,
    port_in_use,
    start,
    status,
    stop,
    throwaway_driver,
    throwaway_server,
)

PASSWORD = "-示例-password-1"
"""Begins with a dash, as a random URL-safe password does one time in 64: it is a password, not an option."""


def free_ports() -> tuple[int, int]:
    """Two distinct loopback ports that nothing listens on."""
    with socket.socket() as one, socket.socket() as two:
        one.bind(("127.0.0.1", 0))
        two.bind(("127.0.0.1", 0))
        return one.getsockname()[1], two.getsockname()[1]


def local_settings(home: Path, password: str = PASSWORD, uri: str | None = None) -> Settings:
    bolt, http = free_ports()
    return Settings(
        neo4j_home=home,
        neo4j_http_port=http,
        NEO4J_URI=uri or f"bolt://127.0.0.1:{bolt}",
        NEO4J_USER="neo4j",
        NEO4J_PASSWORD=password,
    )


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return local_settings(tmp_path / "neo4j")


@pytest.fixture
def listener() -> Iterator[socket.socket]:
    """A program listening on a loopback port."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        yield sock


def write_tool(folder: Path, name: str, script: str) -> None:
    path = folder / name
    path.write_text("#!/bin/sh\n" + script, encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)


@pytest.fixture
def fake_tools(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Stand-ins for java 17, javac and mvn alone on PATH; each call of mvn is noted in mvn.calls."""
    folder = tmp_path / "bin"
    folder.mkdir()
    jar = tmp_path / "neo4j.jar"
    jar.write_bytes(b"")
    write_tool(
        folder,
        "java",
        'if [ "$1" = -version ]; then echo \'openjdk version "17.0.9" 2023-10-17\' >&2; exit 0; fi\n'
        "echo 'Exception in thread \"main\" 示例 bind failure' >&2\nexit 3\n",
    )
    write_tool(
        folder,
        "mvn",
        f'echo called >> "{tmp_path}/mvn.calls"\n'
        'for arg in "$@"; do case "$arg" in -Dmdep.outputFile=*) '
        f'printf %s "{jar}" > "${{arg#-Dmdep.outputFile=}}";; esac; done\n',
    )
    write_tool(
        folder,
        "javac",
        f'while [ "$#" -gt 0 ]; do if [ "$1" = -d ]; then {shutil.which("mkdir")} -p "$2"; fi; shift; done\n',
    )
    monkeypatch.setenv("PATH", str(folder))
    return folder


def test_a_running_neo4j_answers_cypher(neo4j_settings: Settings) -> None:
    names = ["示例区", "甲乙科技有限公司"]
    auth = (neo4j_settings.neo4j_user, neo4j_settings.neo4j_password)
    with GraphDatabase.driver(neo4j_settings.neo4j_uri, auth=auth) as driver:
        records, _, _ = driver.execute_query(
            "UNWIND $names AS name RETURN name, size(name) AS length",
            names=names,
            database_=neo4j_settings.neo4j_database,
        )
    assert [(r["name"], r["length"]) for r in records] == [(name, len(name)) for name in names]


def test_browser_may_play_guides_served_on_this_machine(neo4j_settings: Settings) -> None:
    """`:play http://127.0.0.1:8000/guide/parkgraph.html` needs the host in Browser's allowlist."""
    auth = (neo4j_settings.neo4j_user, neo4j_settings.neo4j_password)
    with GraphDatabase.driver(neo4j_settings.neo4j_uri, auth=auth) as driver:
        records, _, _ = driver.execute_query(
            "SHOW SETTINGS YIELD name, value WHERE name STARTS WITH 'browser.remote_content_hostname_' "
            "RETURN value",
            database_=neo4j_settings.neo4j_database,
        )
    [record] = records
    assert {"127.0.0.1", "localhost"} <= {host.strip() for host in record["value"].split(",")}


def test_start_without_a_password_says_so(tmp_path: Path) -> None:
    with pytest.raises(ServerError, match="NEO4J_PASSWORD is not set"):
        start(local_settings(tmp_path, password=""))


def test_start_with_a_short_password_says_so(tmp_path: Path) -> None:
    with pytest.raises(ServerError, match="at least 8 characters"):
        start(local_settings(tmp_path, password="short"))


def test_start_refuses_a_uri_on_another_machine(tmp_path: Path) -> None:
    with pytest.raises(ServerError, match=r"NEO4J_URI is neo4j\+s://graph\.example\.org"):
        start(local_settings(tmp_path, uri="neo4j+s://graph.example.org"))


def test_port_in_use_sees_a_listener(listener: socket.socket) -> None:
    port = listener.getsockname()[1]
    assert port_in_use("127.0.0.1", port)
    listener.close()
    assert not port_in_use("127.0.0.1", port)


def test_start_refuses_a_busy_bolt_port(tmp_path: Path, listener: socket.socket) -> None:
    port = listener.getsockname()[1]
    with pytest.raises(ServerError, match=rf"port {port} \(Bolt\) on 127\.0\.0\.1 is in use"):
        start(local_settings(tmp_path, uri=f"bolt://127.0.0.1:{port}"))


def test_start_refuses_a_busy_http_port(settings: Settings, listener: socket.socket) -> None:
    port = listener.getsockname()[1]
    busy = settings.model_copy(update={"neo4j_http_port": port})
    with pytest.raises(ServerError, match=rf"port {port} \(HTTP\)"):
        start(busy)


def test_status_is_stopped_when_the_pid_file_names_a_dead_process(settings: Settings) -> None:
    ended = subprocess.Popen(["true"])
    ended.wait()
    settings.neo4j_home.mkdir(parents=True)
    (settings.neo4j_home / "neo4j.pid").write_text(f"{ended.pid}\n")
    state = status(settings)
    assert not state.running
    assert state.pid is None


def test_status_is_stopped_when_the_pid_is_another_program(settings: Settings) -> None:
    settings.neo4j_home.mkdir(parents=True)
    (settings.neo4j_home / "neo4j.pid").write_text(f"{os.getpid()}\n")
    assert not status(settings).running
    assert stop(settings).note == "not running"
    assert (settings.neo4j_home / "neo4j.pid").exists(), "stop must not touch a process that is not ours"


def test_start_without_java_says_so(
    settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(ServerError, match="java was not found on PATH"):
        start(settings)


def test_start_refuses_an_old_java(settings: Settings, fake_tools: Path) -> None:
    write_tool(fake_tools, "java", "echo 'openjdk version \"11.0.2\" 2019-01-15' >&2\n")
    with pytest.raises(ServerError, match=r"needs Java 17 or later, and .* is Java 11"):
        start(settings)


def test_start_without_maven_says_so(settings: Settings, fake_tools: Path) -> None:
    (fake_tools / "mvn").unlink()
    with pytest.raises(ServerError, match="mvn was not found on PATH"):
        start(settings)


def test_a_maven_failure_shows_its_error(settings: Settings, fake_tools: Path) -> None:
    write_tool(fake_tools, "mvn", "echo '[ERROR] Could not resolve org.neo4j:neo4j'\nexit 1\n")
    with pytest.raises(ServerError, match=r"(?s)Maven could not resolve Neo4j.*Could not resolve org\.neo4j"):
        start(settings)


def test_the_build_is_cached(settings: Settings, fake_tools: Path, tmp_path: Path) -> None:
    first = build(settings.neo4j_home)
    again = build(settings.neo4j_home)
    assert again == first
    assert str(tmp_path / "neo4j.jar") in first.split(os.pathsep)
    assert (tmp_path / "mvn.calls").read_text().count("called") == 1


def test_a_server_that_dies_during_start_shows_its_log(settings: Settings, fake_tools: Path) -> None:
    with pytest.raises(ServerError, match=r"(?s)stopped during start \(exit status 3\).*示例 bind failure"):
        start(settings)
    assert not status(settings).running
    assert not (settings.neo4j_home / "neo4j.pid").exists()


def test_a_throwaway_server_that_fails_to_start_leaves_no_folder(
    fake_tools: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr("tempfile.tempdir", str(scratch))
    with pytest.raises(ServerError, match="stopped during start"), throwaway_server():
        pass
    assert list(scratch.iterdir()) == []


def test_a_throwaway_server_is_this_run_s_own(neo4j_settings: Settings) -> None:
    """The tests' server: a new folder, loopback ports other than the default ones, a random password."""
    assert neo4j_settings.neo4j_home.name.startswith("parkgraph-neo4j-")
    assert neo4j_settings.neo4j_uri.startswith("bolt://127.0.0.1:")
    assert neo4j_settings.neo4j_uri != "bolt://127.0.0.1:7687"
    assert len(neo4j_settings.neo4j_password) >= 16


def test_a_throwaway_driver_answers_and_leaves_no_server_or_folder() -> None:
    with throwaway_driver() as (settings, driver):
        records, _, _ = driver.execute_query("RETURN 1 AS one")
        assert records[0]["one"] == 1
    assert not settings.neo4j_home.exists()
    host, port = settings.neo4j_uri.removeprefix("bolt://").rsplit(":", 1)
    assert not port_in_use(host, int(port))


def test_cli_status_exits_1_when_stopped(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PARKGRAPH_NEO4J_HOME", str(settings.neo4j_home))
    result = CliRunner().invoke(app, ["neo4j", "status"])
    assert result.exit_code == 1
    assert "not running" in result.stdout


def test_cli_start_errors_in_one_line(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PARKGRAPH_NEO4J_HOME", str(settings.neo4j_home))
    monkeypatch.setenv("NEO4J_PASSWORD", "")
    monkeypatch.delenv("PARKGRAPH_NEO4J_PASSWORD", raising=False)
    result = CliRunner().invoke(app, ["neo4j", "start"])
    assert result.exit_code == 2
    assert "error: NEO4J_PASSWORD is not set" in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.skipif(
    not all(shutil.which(tool) for tool in ("java", "javac", "mvn")), reason="needs Java 17+ and Maven"
)
def test_the_bundled_server_starts_keeps_its_data_and_stops(settings: Settings) -> None:
    auth = (settings.neo4j_user, settings.neo4j_password)
    started = start(settings)
    try:
        assert started.running
        assert start(settings).note == "already running"
        with GraphDatabase.driver(settings.neo4j_uri, auth=auth) as driver:
            driver.execute_query("CREATE (:Park {name: $name})", name="示例区")
        assert stop(settings).note == "stopped"
        assert not status(settings).running
        start(settings)
        with GraphDatabase.driver(settings.neo4j_uri, auth=auth) as driver:
            records, _, _ = driver.execute_query("MATCH (p:Park) RETURN p.name AS name")
        assert [r["name"] for r in records] == ["示例区"]
    finally:
        stop(settings)
    assert not (settings.neo4j_home / "neo4j.pid").exists()
