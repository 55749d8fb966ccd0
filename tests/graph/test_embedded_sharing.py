"""The embedded store shared by processes and surviving them: concurrent `parkgraph load`s, kills, SIGTERM.

Each test runs the real command in subprocesses on copies of corpus documents, and looks at the
store afterwards through a fresh `EmbeddedStore`, as the next command would.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import httpx
import pytest
import reliability

from parkgraph.graph.embedded import EmbeddedStore

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
PARKGRAPH = [sys.executable, "-c", "from parkgraph.cli import app; app()"]
WAIT = 300.0
"""Seconds a test waits for a process on a slow shared machine before calling the run a failure."""


def _copy(files: Sequence[Path], folder: Path) -> Path:
    folder.mkdir(parents=True)
    for path in files:
        shutil.copy(path, folder / path.name)
    return folder


def _dev2(count: int | None = None) -> list[Path]:
    return sorted((CORPUS / "dev2").glob("*.txt"))[:count]


def _seeds() -> list[Path]:
    return sorted((CORPUS / "seeds").glob("*.txt"))


def _load(data: Path, *folders: Path) -> subprocess.Popen[str]:
    """`parkgraph load FOLDERS --data DATA` started in the background."""
    return subprocess.Popen(
        [*PARKGRAPH, "load", *map(str, folders), "--data", str(data)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _held(data: Path) -> set[str]:
    """The sources of the documents the store holds, as a newly opened store sees them."""
    store = EmbeddedStore(data)
    try:
        return {info.source for info in store.documents()}
    finally:
        store.close()


def _wait_until(condition: Callable[[], bool], process: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + WAIT
    while not condition():
        assert process.poll() is None, f"the load ended early: {process.communicate()}"
        assert time.monotonic() < deadline, "the load made no progress in time"
        time.sleep(0.05)


@pytest.mark.reliability
def test_two_loads_at_once_and_a_reader_lose_nothing(tmp_path: Path) -> None:
    """Two processes load halves of dev2 (and both the seeds) while this one keeps reading the store."""
    data = tmp_path / "graph.db"
    files = _dev2()
    first = _copy(files[::2], tmp_path / "first")
    second = _copy(files[1::2], tmp_path / "second")
    seeds = _copy(_seeds(), tmp_path / "seeds")
    reader = EmbeddedStore(data)
    loads = [_load(data, seeds, first), _load(data, second, seeds)]
    seen = 0
    while any(process.poll() is None for process in loads):
        seen = max(seen, reader.counts().documents)
        reader.search("党委")
        time.sleep(0.2)
    outputs = [process.communicate(timeout=WAIT) for process in loads]
    assert [process.returncode for process in loads] == [0, 0], outputs
    expected = {path.name for path in [*files, *_seeds()]}
    assert _held(data) == expected
    assert {info.source for info in reader.documents()} == expected
    fresh = EmbeddedStore(data)
    assert list(reader.iter_entities()) == list(fresh.iter_entities())
    assert list(reader.iter_relations()) == list(fresh.iter_relations())
    loaded = [int(out.split(" loaded")[0].split()[-1]) for out, _ in outputs]
    assert sum(loaded) == len(expected)
    reliability.record(
        "load",
        "embedded store: two `parkgraph load`s at once (dev2 halves, both the seeds) and a reader",
        len(expected),
        len(_held(data)),
        unit="documents",
        note=f"reader saw up to {seen} while loading",
    )


@pytest.mark.reliability
def test_a_killed_load_keeps_every_finished_document(tmp_path: Path) -> None:
    """The seeds, then dev2 documents and a large one; SIGKILL while the large one is being read."""
    data = tmp_path / "graph.db"
    seeds = _copy(_seeds(), tmp_path / "seeds")
    assert subprocess.run([*PARKGRAPH, "load", str(seeds), "--data", str(data)], timeout=WAIT).returncode == 0
    batch = _copy(_dev2(20), tmp_path / "batch")
    text = (CORPUS / "seeds" / _seeds()[0].name).read_text(encoding="utf-8")
    (batch / "zz_large.txt").write_text(text * (8 * 2**20 // len(text.encode())), encoding="utf-8")
    process = _load(data, batch)
    finished = {path.name for path in [*_seeds(), *_dev2(20)]}
    _wait_until(lambda: _held(data) >= finished, process)
    time.sleep(0.5)
    process.kill()
    process.communicate(timeout=WAIT)
    assert _held(data) == finished
    assert sorted(path.name for path in tmp_path.iterdir() if path.is_file()) == ["graph.db"]
    reliability.record(
        "fault",
        "embedded store: `parkgraph load` killed (SIGKILL) while reading an 8 MiB document",
        len(finished),
        len(_held(data) & finished),
        unit="finished documents kept",
        note="no stray files",
    )


@pytest.mark.reliability
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_a_stopped_load_commits_what_it_finished_and_says_so(tmp_path: Path, signum: int) -> None:
    data = tmp_path / "graph.db"
    files = _dev2()
    process = _load(data, _copy(files, tmp_path / "dev2"))
    _wait_until(lambda: len(_held(data)) >= 3, process)
    os.kill(process.pid, signum)
    out, err = process.communicate(timeout=60)
    held = _held(data)
    assert process.returncode == 3, err
    assert len(out.strip().splitlines()) == 1
    assert f"{len(held)} loaded, 0 unchanged, 0 failed" in out
    assert f"stopped by {signal.Signals(signum).name}" in out
    assert 3 <= len(held) < len(files)
    assert held == {path.name for path in files[: len(held)]}
    reliability.record(
        "fault",
        f"embedded store: `parkgraph load` sent {signal.Signals(signum).name}: finished documents kept",
    )


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.reliability
def test_serve_uploads_and_two_loads_at_once_lose_nothing(tmp_path: Path) -> None:
    """`parkgraph serve` on the store takes uploads of the seeds while two CLI loads add dev2's halves."""
    data, port, token = tmp_path / "graph.db", _free_port(), "a-test-token-of-some-length"
    files = _dev2()
    server = _serve(data, port, token)
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=WAIT) as api:
            _wait_until_serving(server, api)
            loads = [
                _load(data, _copy(files[::2], tmp_path / "first")),
                _load(data, _copy(files[1::2], tmp_path / "second")),
            ]
            auth = {"Authorization": f"Bearer {token}"}
            for path in _seeds():
                upload = {"source": path.name, "text": path.read_text(encoding="utf-8")}
                assert api.post("/api/documents", json=upload, headers=auth).status_code == 201
            outputs = [process.communicate(timeout=WAIT) for process in loads]
            assert [process.returncode for process in loads] == [0, 0], outputs
            served = api.get("/api/stats").json()["documents"]
    finally:
        server.terminate()
        server.wait(timeout=60)
    expected = {path.name for path in [*files, *_seeds()]}
    assert served == len(expected)
    assert _held(data) == expected
    reliability.record(
        "load",
        "embedded store: `parkgraph serve` taking uploads (the seeds) beside two CLI loads (dev2 halves)",
        len(expected),
        len(_held(data)),
        unit="documents",
        note="all seen by serve, all kept after it stopped",
    )


def _serve(data: Path, port: int, token: str) -> subprocess.Popen[bytes]:
    """`parkgraph serve` on an empty store at `data`, taking writes with `token`."""
    return subprocess.Popen(
        [*PARKGRAPH, "serve", "--no-seed", "--port", str(port), "--data", str(data)],
        env={**os.environ, "PARKGRAPH_API_TOKEN": token},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _wait_until_serving(server: subprocess.Popen[bytes], api: httpx.Client) -> None:
    deadline = time.monotonic() + 120
    while True:
        assert server.poll() is None, "serve ended"
        with contextlib.suppress(httpx.TransportError):
            if api.get("/health").status_code == 200:
                return
        assert time.monotonic() < deadline, "serve did not answer in time"
        time.sleep(0.2)


@pytest.mark.reliability
def test_serve_stopped_by_sigterm_closes_the_store(tmp_path: Path) -> None:
    """SIGTERM (what `kill` and service managers send) stops `serve` cleanly: status 0, the upload kept,
    and SQLite's write-ahead files folded into the store rather than left beside it."""
    data, port, token = tmp_path / "graph.db", _free_port(), "a-test-token-of-some-length"
    server = _serve(data, port, token)
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=WAIT) as api:
            _wait_until_serving(server, api)
            seed = _seeds()[0]
            upload = {"source": seed.name, "text": seed.read_text(encoding="utf-8")}
            auth = {"Authorization": f"Bearer {token}"}
            assert api.post("/api/documents", json=upload, headers=auth).status_code == 201
    finally:
        server.send_signal(signal.SIGTERM)
        status = server.wait(timeout=60)
    assert status == 0
    assert sorted(path.name for path in tmp_path.iterdir()) == ["graph.db"]
    assert _held(data) == {seed.name}
    reliability.record(
        "fault",
        "embedded store: `parkgraph serve` sent SIGTERM after an upload",
        1,
        len(_held(data)),
        unit="documents kept",
        note="exit status 0, no write-ahead files left",
    )
