"""The CSV zip's members hold the lines they held before the relation pass spooled to disk, in the
order documents were loaded, and a failed export leaves no temporary file open."""

from __future__ import annotations

import csv
import gc
import hashlib
import io
import os
import zipfile
from pathlib import Path

import pytest
from benchkit import load_benchmark

from parkgraph.graph.embedded import EmbeddedStore
from parkgraph.graph.exports import (
    ARRAY_DELIMITER,
    DOCUMENT_HEADER,
    ENTITY_HEADER,
    EVIDENCE_HEADER,
    NODE_FILES,
    RELATION_HEADER,
    RELATIONSHIP_FILES,
    write_csv_zip,
)

MEMBERS = {
    "entities.csv": "70100642384653cb0049de999608accef8adbbc6167fc1c6376f1ecf9baf052e",
    "documents.csv": "56dfdc2f82897494bca3cf5874f1c67fa95a730cd97a3196e758ae268d34eb8c",
    "evidence.csv": "264ebcbab5d0e63d1642551f47d5bc455e44f282bb41228e1d3f42940497a1da",
    "corrections.csv": "aca797911f72979c0284c0ab0d0ca5fda7d208802c8eb4b352a9e385a2812e2c",
    "pending.csv": "7d909ab8ae8a5b4c73d40d8c0adbf6edd5307dd7b4bff08ad103118b7e2d5eaa",
    "relations.csv": "b4416ef3097dfc6d67ca7890e57106469d98e6161451f2e7ded42d3cfc48181c",
    "evidence_from.csv": "5867eb9518bff89899beb752beb5b6998ac5e8cf670956fb255293d2b8f12a03",
}
"""SHA-256 of each member's header and then its other lines sorted, for 12 generated documents (seed 3),
as the export wrote them when it held every line in memory (commit fcae672): spooling to disk, and
writing in load order instead of id order, must not change a line."""


@pytest.fixture(scope="module")
def store() -> EmbeddedStore:
    generate = load_benchmark("generate")
    made = EmbeddedStore()
    for facts in generate.generate_documents(12, seed=3):
        made.load(facts)
    return made


def _digests(archive: zipfile.ZipFile) -> dict[str, str]:
    """Each member's digest, its lines after the header in sorted order."""
    found = {}
    for name in archive.namelist():
        header, *lines = archive.read(name).splitlines(keepends=True)
        found[name] = hashlib.sha256(header + b"".join(sorted(lines))).hexdigest()
    return found


def _rows(archive: zipfile.ZipFile, name: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(archive.read(name).decode("utf-8"), newline="")))[1:]


def test_the_members_hold_the_lines_of_the_in_memory_export(store: EmbeddedStore) -> None:
    written = io.BytesIO()
    write_csv_zip(store, written)
    archive = zipfile.ZipFile(written)
    assert archive.namelist() == [*NODE_FILES, *RELATIONSHIP_FILES]
    assert _digests(archive) == MEMBERS


def test_writing_to_a_file_gives_the_same_members(store: EmbeddedStore, tmp_path: Path) -> None:
    """Member by member, not byte by byte: each member is stamped with the time it was written, and
    two exports a moment apart may fall either side of a two-second step of the zip clock."""
    path = tmp_path / "import.zip"
    with path.open("wb") as target:
        write_csv_zip(store, target)
    written = io.BytesIO()
    write_csv_zip(store, written)
    assert _members(zipfile.ZipFile(path)) == _members(zipfile.ZipFile(written))


def _members(archive: zipfile.ZipFile) -> list[tuple[str, int, int, bytes]]:
    return [
        (info.filename, info.external_attr, info.compress_type, archive.read(info))
        for info in archive.infolist()
    ]


def test_lines_come_in_the_order_of_the_first_document_loaded_that_gave_them(store: EmbeddedStore) -> None:
    """As a load writes them, so the importer puts a document's records side by side; a relation's
    evidence lines and their FROM lines follow the relations' order."""
    written = io.BytesIO()
    write_csv_zip(store, written)
    archive = zipfile.ZipFile(written)
    order = {
        row[0]: int(row[DOCUMENT_HEADER.index("loaded_order:long")])
        for row in _rows(archive, "documents.csv")
    }

    def first(documents: str) -> int:
        return min(order[document] for document in documents.split(ARRAY_DELIMITER))

    entities = [
        first(row[ENTITY_HEADER.index("documents:string[]")]) for row in _rows(archive, "entities.csv")
    ]
    relations = _rows(archive, "relations.csv")
    firsts = [first(row[RELATION_HEADER.index("documents:string[]")]) for row in relations]
    assert entities == sorted(entities) and len(set(entities)) == len(order)
    assert firsts == sorted(firsts) and len(set(firsts)) == len(order)
    evidence = _rows(archive, "evidence.csv")
    walked = [row[EVIDENCE_HEADER.index("relation")] for row in evidence]
    assert list(dict.fromkeys(walked)) == [row[RELATION_HEADER.index("id")] for row in relations]
    keys = [row[0] for row in evidence]
    assert [row[0] for row in _rows(archive, "evidence_from.csv")] == keys


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
