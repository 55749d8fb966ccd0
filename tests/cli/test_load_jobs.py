"""`parkgraph load --jobs N`: worker processes extract, one process loads; the graph is the one a single
process makes, and stopping or killing the load leaves no worker behind.

The loads run as real commands in subprocesses, each marked with an environment variable of its own so
the test can find the fork server and workers it started (they inherit the environment).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import pytest
import reliability

from parkgraph import workers
from parkgraph.corpus import sample_dirs
from parkgraph.graph.embedded import EmbeddedStore
from parkgraph.loaders.pipeline import Pipeline
from parkgraph.loaders.sources import iter_document_paths
from parkgraph.workers import POOL_MIN_BYTES, default_jobs, use_pool

PARKGRAPH = [sys.executable, "-c", "from parkgraph.cli import app; app()"]
WAIT = 300.0
"""Seconds to wait for a load on a slow shared machine."""
MARK = "PARKGRAPH_TEST_LOAD_MARK"


def _corpus(folder: Path, copies: int) -> list[Path]:
    """The bundled documents `copies` times over, each copy a document of its own (a line added), in
    the order a load reads the folder."""
    folder.mkdir()
    written = []
    sources = list(iter_document_paths(sample_dirs()))
    for copy in range(copies):
        for path in sources:
            target = folder / f"{copy:02d}_{path.name}"
            target.write_text(path.read_text(encoding="utf-8") + f"\n第{copy}份。\n", encoding="utf-8")
            written.append(target)
    return sorted(written)


def _load(data: Path, folder: Path, jobs: int, mark: str = "") -> subprocess.Popen[str]:
    return subprocess.Popen(
        [*PARKGRAPH, "load", str(folder), "--data", str(data), "--jobs", str(jobs)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, MARK: mark},
    )


def _marked(mark: str) -> list[int]:
    """Processes whose environment holds `mark`: a load, its fork server and its workers."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if f"{MARK}={mark}".encode() in (entry / "environ").read_bytes().split(b"\0"):
                    found.append(int(entry.name))
            except OSError:
                continue
    return found


def _until_none_left(mark: str) -> list[int]:
    deadline = time.monotonic() + 10
    while (left := _marked(mark)) and time.monotonic() < deadline:
        time.sleep(0.2)
    return left


def _graph(data: Path) -> tuple[list, list, list[str]]:
    store = EmbeddedStore(data)
    try:
        sources = sorted(info.source for info in store.documents())
        return list(store.iter_entities()), list(store.iter_relations()), sources
    finally:
        store.close()


def _held(data: Path) -> set[str]:
    return set(_graph(data)[2]) if data.exists() else set()


def test_workers_make_the_graph_one_process_makes_and_report_a_bad_file(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    files = _corpus(folder, 2)
    (folder / "zz_broken.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    results = {}
    for jobs in (1, 2):
        process = _load(tmp_path / f"graph{jobs}.db", folder, jobs)
        out, err = process.communicate(timeout=WAIT)
        results[jobs] = (
            process.returncode,
            out.strip(),
            [line for line in err.splitlines() if "zz_" in line],
        )

    assert results[1] == results[2]
    status, summary, problems = results[2]
    assert (status, summary) == (1, f"{len(files)} loaded, 0 unchanged, 1 failed")
    assert len(problems) == 1 and "PNG" in problems[0]
    assert _graph(tmp_path / "graph1.db") == _graph(tmp_path / "graph2.db")


@pytest.mark.reliability
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGKILL], ids=["SIGTERM", "SIGKILL"])
def test_a_stopped_or_killed_load_keeps_what_it_finished_and_leaves_no_worker(
    tmp_path: Path, signum: int
) -> None:
    files = _corpus(tmp_path / "docs", 6)
    data, mark = tmp_path / "graph.db", uuid.uuid4().hex
    process = _load(data, tmp_path / "docs", 2, mark)
    deadline = time.monotonic() + WAIT
    while len(_held(data)) < 3:
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, "the load made no progress in time"
        time.sleep(0.1)
    assert len(_marked(mark)) >= 4  # the load, the fork server, two workers

    os.kill(process.pid, signum)
    out, _ = process.communicate(timeout=60)  # the workers, holding its pipes, end with it

    assert process.returncode == (3 if signum == signal.SIGTERM else -signal.SIGKILL)
    assert _until_none_left(mark) == []
    held = _held(data)
    assert held == {path.name for path in files[: len(held)]}
    assert 3 <= len(held) < len(files)
    if signum == signal.SIGTERM:
        assert f"{len(held)} loaded, 0 unchanged, 0 failed; stopped by SIGTERM" in out
    name = signal.Signals(signum).name
    reliability.record(
        "fault",
        f"embedded store: `parkgraph load --jobs 2` sent {name}: finished documents kept, no worker left",
    )


@pytest.mark.reliability
def test_a_worker_that_dies_costs_one_document_and_the_rest_load(tmp_path: Path) -> None:
    files = _corpus(tmp_path / "docs", 6)
    data, mark = tmp_path / "graph.db", uuid.uuid4().hex
    process = _load(data, tmp_path / "docs", 2, mark)
    deadline = time.monotonic() + WAIT
    while len(_held(data)) < 3 or len(workers := _workers(mark, process.pid)) < 2:
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, "the load made no progress in time"
        time.sleep(0.1)

    os.kill(workers[0], signal.SIGKILL)
    out, err = process.communicate(timeout=WAIT)

    assert process.returncode == 1, err
    assert out.strip() == f"{len(files) - 1} loaded, 0 unchanged, 1 failed"
    assert "worker process died" in err
    assert len(_held(data)) == len(files) - 1
    assert _until_none_left(mark) == []
    reliability.record(
        "fault", "embedded store: a `load --jobs 2` worker killed: one document reported, the rest loaded"
    )


def _workers(mark: str, loader: int) -> list[int]:
    """The marked processes forked by the fork server (the loader's child that has children)."""
    parents = {pid: _parent(pid) for pid in _marked(mark)}
    servers = {pid for pid, parent in parents.items() if parent == loader}
    return sorted(pid for pid, parent in parents.items() if parent in servers)


def _parent(pid: int) -> int:
    try:
        return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
    except (OSError, IndexError, ValueError):
        return 0


def test_workers_start_only_where_they_repay_starting(tmp_path: Path) -> None:
    small = [tmp_path / "a.txt", tmp_path / "b.txt"]
    for path in small:
        path.write_text("园区党委。", encoding="utf-8")
    large = tmp_path / "large.txt"
    large.write_text("园" * POOL_MIN_BYTES, encoding="utf-8")

    assert use_pool(small, None) == 0
    assert use_pool(small, 2) == 2
    assert use_pool(small[:1], 2) == 0
    assert use_pool([*small, large], 1) == 0
    assert use_pool([*small, large], None) == (default_jobs() if default_jobs() > 1 else 0)


def test_files_the_pool_refuses_once_a_worker_died_are_read_here(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A worker's death can reach the pool before the next file is handed out: the pool then refuses
    it, and that file and the rest are read in the loading process, none lost."""
    files = _corpus(tmp_path / "docs", 1)
    real_submit = workers.ProcessPoolExecutor.submit
    handed: list[object] = []

    def submit(pool: object, fn: object, *args: object) -> object:
        if len(handed) == 2:
            raise BrokenProcessPool("a worker died")
        handed.append(args)
        return real_submit(pool, fn, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(workers.ProcessPoolExecutor, "submit", submit)
    found = [
        doc.where for _, documents in workers.extracted(files, Pipeline(), workers=2) for doc in documents
    ]
    assert [Path(where).name for where in found] == [path.name for path in files]
