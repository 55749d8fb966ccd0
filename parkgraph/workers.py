"""Extraction in worker processes, for `parkgraph load --jobs N`: the model and the rules run on every
core while the loading process, the one writer, stores each document's facts in the order given.

Workers come from a fork server (`forkserver`), not from forking the loading process: that process runs
threads (the progress bar's), and a fork copies their locks in whatever state they are in. The fork
server imports this module (and so the pipeline's) and reads the lexicon once (`worker_preload`), so a
worker starts with them; it does not import the program (`__main__`, the CLI with the server, API and
export modules a worker never uses), which would hold up the first worker by half a second.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from multiprocessing import forkserver
from multiprocessing.connection import Connection
from multiprocessing.context import BaseContext
from pathlib import Path

from parkgraph.graph.facts import DocumentFacts
from parkgraph.loaders.pipeline import Pipeline, Warn
from parkgraph.loaders.sources import SourceError

POOL_MIN_BYTES = 256 * 1024
"""Below this much input, extraction takes a few seconds at most, less than starting workers (each loads
the lexicon and the model); unless asked for jobs, such a load runs in the loading process."""
AHEAD = 4
"""Documents handed to each worker ahead at most, so a slow writer does not gather a corpus in memory."""


def default_jobs() -> int:
    """The cores this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


@dataclass
class Extracted:
    """One document's facts, or why it could not be read (one line, without its name), with what
    normalization warned of. Plain data, as it crosses from a worker."""

    where: str
    """The document: its file, or `archive.zip/member` for one inside an archive."""
    facts: DocumentFacts | None = None
    problem: str = ""
    warnings: list[tuple[str, str]] = field(default_factory=list)


def extract_file(pipeline: Pipeline, path: Path) -> Iterator[Extracted]:
    """The documents of one file (one, or those of a ZIP archive) as they are extracted; one that
    cannot be read or makes no valid facts comes with its `problem`, and the others still come."""
    warnings: list[tuple[str, str]] = []
    collecting = Pipeline(pipeline.extractor, warn=lambda source, message: warnings.append((source, message)))
    for where, found in collecting.extract_all(path):
        told, warnings = warnings, []
        if isinstance(found, SourceError):
            yield Extracted(where, problem=found.problem, warnings=told)
        elif isinstance(found, ValueError):
            yield Extracted(where, problem=str(found), warnings=told)
        else:
            yield Extracted(where, facts=found, warnings=told)


_worker_pipeline: Pipeline | None = None

WATCH_SECONDS = 1.0
"""How long a worker's watch waits on the pipe from the loading process at a time."""


def _start_worker(running: Connection) -> None:
    """A worker leaves Ctrl-C to the loading process, which stops the run and then the workers: it
    ends itself within a second of `running`, a pipe from that process, closing, whether the process
    closed it or died (a SIGKILL tells the worker nothing else), also in the middle of a document."""
    global _worker_pipeline
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_watch, args=(running,), daemon=True).start()
    _worker_pipeline = Pipeline()


def _watch(running: Connection) -> None:
    """Return only by ending the process: nothing is ever sent, so `poll` is true once the pipe closed.
    (A shared lock or event would not do: a worker killed while holding it blocks everyone else.)"""
    while not running.poll(WATCH_SECONDS):
        pass
    os._exit(1)


def _extract_in_worker(path: Path) -> list[Extracted]:
    assert _worker_pipeline is not None, "the pool's initializer makes the worker's pipeline"
    return list(extract_file(_worker_pipeline, path))


def use_pool(files: list[Path], jobs: int | None) -> int:
    """How many workers to start: `jobs` when given (1: none), else one per core when the input is
    large enough to repay starting them (`POOL_MIN_BYTES`)."""
    if jobs is not None:
        return jobs if jobs > 1 and len(files) > 1 else 0
    if len(files) < 2 or sum(_size(path) for path in files) < POOL_MIN_BYTES:
        return 0
    cores = default_jobs()
    return cores if cores > 1 else 0


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def start_fork_server() -> BaseContext:
    """The fork server's context, with the server started: it imports and reads the lexicon in the
    background, so a caller that starts it before its own setup has workers sooner."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["parkgraph.workers", "parkgraph.worker_preload"])
    forkserver.ensure_running()
    return context


def extracted(
    files: Iterable[Path], pipeline: Pipeline, workers: int = 0, warn: Warn | None = None
) -> Iterator[tuple[Path, Iterator[Extracted]]]:
    """Each file, in the order given, with its documents as extracting them gives them: lazily in this
    process, or from `workers` processes, a file at a time. Closing the iterator early stops the
    workers within a second."""
    if workers < 2:
        for path in files:
            yield path, (_told(found, warn) for found in extract_file(pipeline, path))
        return
    context = start_fork_server()
    running, stop = context.Pipe(duplex=False)
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker, initargs=(running,))
    todo = deque(files)
    pending: deque[tuple[Path, Future[list[Extracted]]]] = deque()

    def hand_out(count: int) -> None:
        """Up to `count` more files to the workers; none once a worker died (the pool then refuses work,
        and a file it refused stays to be read here)."""
        for _ in range(min(count, len(todo))):
            try:
                future = pool.submit(_extract_in_worker, todo[0])
            except BrokenProcessPool:
                return
            pending.append((todo.popleft(), future))

    try:
        hand_out(workers * AHEAD)
        while pending:
            path, future = pending.popleft()
            hand_out(1)
            try:
                documents = future.result()
            except BrokenProcessPool:
                died = Extracted(
                    str(path), problem="a worker process died while it was read (out of memory?)"
                )
                yield path, iter([died])
                break
            yield path, (_told(found, warn) for found in documents)
    finally:
        stop.close()
        running.close()
        pool.shutdown(wait=True, cancel_futures=True)
    # a worker died: the files not yet read are read here
    yield from extracted([path for path, _ in pending], pipeline, 0, warn)
    yield from extracted(todo, pipeline, 0, warn)


def _told(result: Extracted, warn: Warn | None) -> Extracted:
    if warn:
        for source, message in result.warnings:
            warn(source, message)
    return result
