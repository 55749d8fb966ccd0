"""The embedded store's search answers from its name index exactly what ranking every name gives."""

from __future__ import annotations

import random
from pathlib import Path

import opencc
import pytest
from benchkit import load_benchmark

from parkgraph.graph.embedded import EmbeddedStore
from parkgraph.graph.facts import DocumentFacts
from parkgraph.graph.model import Entity
from parkgraph.graph.search import rank_matches, search_form


@pytest.fixture(scope="module")
def documents() -> list[DocumentFacts]:
    return load_benchmark("generate").generate_documents(8, seed=5)


def _scanned(store: EmbeddedStore, text: str, type_: str | None, limit: int, offset: int) -> list[Entity]:
    """The search as a scan of every entity's names, ranked by the shared rule."""
    candidates = ((e.id, e.name, e.aliases, e.labels, e) for e in store.iter_entities())
    return rank_matches(search_form(text), candidates, type_, limit, offset)


def _queries(entities: list[Entity], seed: int) -> list[tuple[str, str | None, int, int]]:
    """Of some of `entities`: names whole, their beginnings, middles and single characters, traditional,
    spaced and upper-case, with and without a type, on several pages; and text no name holds."""
    rng = random.Random(seed)
    traditional = opencc.OpenCC("s2t")
    queries: list[tuple[str, str | None, int, int]] = [("不在任何名字里的字串", None, 20, 0)]
    for entity in rng.sample(entities, 40):
        name = rng.choice([entity.name, *entity.aliases])
        start = rng.randrange(len(name))
        end = rng.randrange(start + 1, len(name) + 1)
        for text in (name, name[:2], name[start:end], name[start], traditional.convert(name[start:end])):
            spaced = " ".join(text).upper() if rng.random() < 0.3 else text
            type_ = rng.choice([None, entity.type, *entity.labels])
            queries.append((spaced, type_, rng.choice([5, 20, 200]), rng.choice([0, 0, 3])))
    return queries


def _assert_search_is_a_scan(store: EmbeddedStore, seed: int, asked: list[Entity] | None = None) -> None:
    """Search for names of `asked` (default: the store's entities) and compare with the scan."""
    entities = asked if asked is not None else sorted(store.iter_entities(), key=lambda entity: entity.id)
    for text, type_, limit, offset in _queries(entities, seed):
        assert store.search(text, type_, limit, offset) == _scanned(store, text, type_, limit, offset), text


def test_search_answers_what_a_scan_of_every_name_does(documents: list[DocumentFacts]) -> None:
    store = EmbeddedStore()
    for facts in documents[:6]:
        store.load(facts)
    _assert_search_is_a_scan(store, seed=1)


def test_the_index_follows_loads_and_retractions(documents: list[DocumentFacts]) -> None:
    store = EmbeddedStore()
    for facts in documents[:4]:
        store.load(facts)
    _assert_search_is_a_scan(store, seed=2)
    store.load(documents[4])
    before = sorted(store.iter_entities(), key=lambda entity: entity.id)
    store.retract(documents[1].document.id)
    after = list(store.iter_entities())
    assert len(after) < len(before) or [e.aliases for e in after] != [e.aliases for e in before]
    _assert_search_is_a_scan(store, seed=3, asked=before)
    _assert_search_is_a_scan(store, seed=4)


def test_the_index_follows_what_another_connection_wrote(
    documents: list[DocumentFacts], tmp_path: Path
) -> None:
    path = tmp_path / "graph.db"
    reader, writer = EmbeddedStore(path), EmbeddedStore(path)
    try:
        writer.load(documents[0])
        _assert_search_is_a_scan(reader, seed=5)
        before = sorted(reader.iter_entities(), key=lambda entity: entity.id)
        writer.load(documents[6])
        writer.retract(documents[0].document.id)
        _assert_search_is_a_scan(reader, seed=6, asked=before)
        _assert_search_is_a_scan(reader, seed=7)
    finally:
        reader.close()
        writer.close()
