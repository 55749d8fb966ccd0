"""The cycle collector is paused while a document is extracted and comes back as it was; extraction
leaves no cyclic garbage for it to find afterwards."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator

import pytest

from parkgraph.graph.facts import DocumentInfo
from parkgraph.loaders.collector import collection_paused
from parkgraph.loaders.extractor import Extractor

TEXT = "示例县工业园区党委下设党群工作部。园区党委书记张三。甲公司党支部隶属园区党委。" * 20


@pytest.fixture
def collector_on() -> Iterator[None]:
    was = gc.isenabled()
    gc.enable()
    yield
    (gc.enable if was else gc.disable)()


def test_the_collector_is_off_while_paused_and_on_after(collector_on: None) -> None:
    with collection_paused():
        assert not gc.isenabled()
        with collection_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_collector_switched_off_before_stays_off() -> None:
    was = gc.isenabled()
    gc.disable()
    try:
        with collection_paused():
            pass
        assert not gc.isenabled()
    finally:
        (gc.enable if was else gc.disable)()


def test_the_collector_comes_back_only_when_the_last_thread_leaves(collector_on: None) -> None:
    inside, leave = threading.Event(), threading.Event()

    def hold() -> None:
        with collection_paused():
            inside.set()
            leave.wait(5)

    other = threading.Thread(target=hold)
    other.start()
    inside.wait(5)
    with collection_paused():
        pass
    still_off = not gc.isenabled()
    leave.set()
    other.join(5)
    assert still_off
    assert gc.isenabled()


def test_no_collection_runs_while_a_document_is_extracted(extractor: Extractor, collector_on: None) -> None:
    """One collection may run as the collector comes back, on what the extraction left; none before."""
    document = DocumentInfo(id="d", source="d.txt")
    runs: list[int] = []

    def count(phase: str, info: dict) -> None:
        if phase == "start":
            runs.append(info["generation"])

    gc.callbacks.append(count)
    try:
        extractor.extract(TEXT, document)
    finally:
        gc.callbacks.remove(count)
    assert len(runs) <= 1
    assert gc.isenabled()


def test_extraction_leaves_no_cyclic_garbage(extractor: Extractor) -> None:
    """Each stage's working copy of the mentions used to stay alive in a cycle until the collector ran."""
    extractor.extract(TEXT, DocumentInfo(id="d", source="d.txt"))
    was = gc.isenabled()
    gc.disable()
    try:
        gc.collect()
        extractor.extract(TEXT, DocumentInfo(id="d", source="d.txt"))
        assert gc.collect() < 50
    finally:
        (gc.enable if was else gc.disable)()
