"""The CSV zip's members are what they were before the relation pass spooled to disk, and a failed
export leaves no temporary file open."""

from __future__ import annotations

import gc
import hashlib
import io
import os
import zipfile
from pathlib import Path

import pytest
from benchkit import load_benchmark

from parkgraph.graph.embedded import EmbeddedStore
from parkgraph.graph.exports import NODE_FILES, RELATIONSHIP_FILES, write_csv_zip

MEMBERS = {
    "entities.csv": "2fa67c46e62a6fa45dbe2242c270d20342a7bedeff2663e18958166eebb5d6d0",
    "documents.csv": "ac0b7c993a3a17c7718a50abeb292209aa21652a5cb174aca5b596d586921d50",
    "evidence.csv": "d27e8301bf21d51c8a0bba62c2af0b6a272a4cd5e6e6db8e127049babad4cc92",
    "corrections.csv": "aca797911f72979c0284c0ab0d0ca5fda7d208802c8eb4b352a9e385a2812e2c",
    "pending.csv": "7d909ab8ae8a5b4c73d40d8c0adbf6edd5307dd7b4bff08ad103118b7e2d5eaa",
    "relations.csv": "296a8a2c4bdf70a903ef68c4c5689f9939d66494bddd57485e597c387e72f9ee",
    "evidence_from.csv": "9ef4181a911d3208703d921d2d4e6555f55714c0d6708f45e3508fb58c6a9594",
}
"""SHA-256 of each member for 12 generated documents (seed 3), as the export (then `csv_zip`) wrote
them when it held every relation and evidence line in memory (commit fcae672): the spooled export must
not change a byte."""


@pytest.fixture(scope="module")
def store() -> EmbeddedStore:
    generate = load_benchmark("generate")
    made = EmbeddedStore()
    for facts in generate.generate_documents(12, seed=3):
        made.load(facts)
    return made


def _digests(archive: zipfile.ZipFile) -> dict[str, str]:
    return {name: hashlib.sha256(archive.read(name)).hexdigest() for name in archive.namelist()}


def test_the_members_are_byte_for_byte_those_of_the_in_memory_export(store: EmbeddedStore) -> None:
    written = io.BytesIO()
    write_csv_zip(store, written)
    archive = zipfile.ZipFile(written)
    assert archive.namelist() == [*NODE_FILES, *RELATIONSHIP_FILES]
    assert _digests(archive) == MEMBERS


def test_writing_to_a_file_gives_the_same_zip(store: EmbeddedStore, tmp_path: Path) -> None:
    path = tmp_path / "import.zip"
    with path.open("wb") as target:
        write_csv_zip(store, target)
    assert _digests(zipfile.ZipFile(path)) == MEMBERS


def _open_files() -> int:
    return len(os.listdir("/proc/self/fd"))


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc")
def test_a_failed_export_leaves_no_temporary_file_open(
    store: EmbeddedStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Entities are written after the relation pass has filled its temporary files."""

    def failing() -> None:
        raise RuntimeError("the store went away")

    gc.collect()  # files other tests left to the collector are closed now, not while this one counts
    before = _open_files()
    monkeypatch.setattr(store, "iter_entities", failing)
    with pytest.raises(RuntimeError, match="went away") as raised:
        write_csv_zip(store, io.BytesIO())
    assert raised.traceback  # the frames, and whatever they hold, are still alive here
    assert _open_files() == before
