"""Over the annotated corpus, loaded into one store, no node stands for two different gold units.

Each document's gold entities are matched to its predicted entities by the scorer's name rule
(SCHEMA.md: same type, a shared name after normalization; exact names first, one to one), and each
predicted entity to the node it was loaded as. Gold entities of one node are the same unit when
their canonical names are equal, or when one's canonical name is another name of the other and is
not a kind name: one the gold gives as an alias to units of different names (`市委组织部` is an
alias of several cities' departments, so a document's bare `市委组织部` is none of them, while
`四川` is only ever another name of `四川省`); regions are the same when the gazetteer gives them one
full name.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import pytest

from parkgraph.corpus import sample_dirs
from parkgraph.graph.embedded import EmbeddedStore
from parkgraph.loaders.duplicates import suggest_merges
from parkgraph.loaders.evaluation import load_gold, names_of, norm, same_entity
from parkgraph.loaders.gazetteer import load_gazetteer
from parkgraph.loaders.pipeline import Pipeline
from parkgraph.loaders.resolve import resolve_keys

CORPUS = Path(__file__).parents[2] / "corpus"
FOLDERS = [("seeds", "gold/dev"), ("dev2", "gold/dev2")]
GAZETTEER = load_gazetteer()


@dataclass(frozen=True)
class GoldUnit:
    source: str
    type: str
    canonical: str
    names: frozenset[str]


def _match(gold: list[dict], predicted: list[dict]) -> dict[int, int]:
    """Gold index → predicted index, greedily one to one, exact names before the scorer's looser rule."""
    found: dict[int, int] = {}
    for exact in (True, False):
        for pi, pe in enumerate(predicted):
            if pi in found.values():
                continue
            for gi, ge in enumerate(gold):
                if gi in found or ge["type"] != pe["type"]:
                    continue
                pn, gn = names_of(pe), names_of(ge)
                if (pn & gn) if exact else same_entity(ge["type"], pn, gn):
                    found[gi] = pi
                    break
    return found


def _kind_names(gold: dict[str, dict]) -> set[tuple[str, str]]:
    """(type, name) the gold gives as an alias to two or more units of different canonical names."""
    owners: dict[tuple[str, str], set[str]] = defaultdict(set)
    for document in gold.values():
        for entity in document["entities"]:
            canonical = norm(entity["name"])
            for alias in names_of(entity) - {canonical}:
                owners[entity["type"], alias].add(canonical)
    return {key for key, canonicals in owners.items() if len(canonicals) > 1}


def _same_unit(a: GoldUnit, b: GoldUnit, kinds: set[tuple[str, str]]) -> bool:
    if a.canonical == b.canonical or (a.type == "Region" and _region(a.canonical) == _region(b.canonical)):
        return True
    return any(x.canonical in y.names and (x.type, x.canonical) not in kinds for x, y in ((a, b), (b, a)))


def _region(name: str) -> str:
    """A region's full name by the gazetteer (`广安` is `广安市`), however a document wrote it."""
    return GAZETTEER.forms.get(name, name)


def _units(members: list[GoldUnit], kinds: set[tuple[str, str]]) -> list[list[GoldUnit]]:
    """The members of one node grouped into units (transitively the same unit)."""
    groups: list[list[GoldUnit]] = []
    for member in members:
        joined = [g for g in groups if any(_same_unit(member, other, kinds) for other in g)]
        groups = [g for g in groups if g not in joined] + [[member, *(m for g in joined for m in g)]]
    return groups


@dataclass(frozen=True)
class Loaded:
    found: dict[str, list[GoldUnit]]
    """Node id → the gold units it stands for."""
    gold: dict[str, dict]
    store: EmbeddedStore


@pytest.fixture(scope="module")
def nodes(tmp_path_factory: pytest.TempPathFactory) -> Loaded:
    """Every annotated folder loaded into one store, with the gold units each node stands for."""
    pipeline = Pipeline()
    store = EmbeddedStore(tmp_path_factory.mktemp("identity") / "graph.db")
    gold: dict[str, dict] = {}
    found: dict[str, list[GoldUnit]] = defaultdict(list)
    with store.batch():
        for texts, golds in FOLDERS:
            folder_gold = load_gold(CORPUS / golds)
            gold |= folder_gold
            for path in sorted((CORPUS / texts).glob("*.txt")):
                facts = resolve_keys(store, pipeline.extract_path(path), pipeline.extractor.lexicon)
                store.load(facts)
                annotated = folder_gold.get(path.name)
                if annotated is None:
                    continue
                predicted = facts.interchange()["entities"]
                for gi, pi in _match(annotated["entities"], predicted).items():
                    entity = annotated["entities"][gi]
                    names = frozenset(names_of(entity))
                    unit = GoldUnit(path.name, entity["type"], norm(entity["name"]), names)
                    found[facts.entities[pi].key].append(unit)
    return Loaded(found, gold, store)


def test_no_node_stands_for_two_gold_units(nodes: Loaded) -> None:
    found, gold = nodes.found, nodes.gold
    kinds = _kind_names(gold)
    wrong = {
        key: sorted({unit.canonical for unit in group} for group in _units(members, kinds))
        for key, members in found.items()
        if len(_units(members, kinds)) > 1
    }
    assert wrong == {}


def test_the_same_unit_in_several_documents_is_one_node(nodes: Loaded) -> None:
    """The check above can fail: units annotated in several documents do share nodes."""
    assert any(len({unit.source for unit in members}) > 1 for members in nodes.found.values())


def _split_units(loaded: Loaded, sources: set[str]) -> list[frozenset[str]]:
    """Pairs of nodes, read from one of `sources`, that bear the names of one gold unit of it."""
    by_source = {info.id: info.source for info in loaded.store.documents()}
    entities = list(loaded.store.iter_entities())
    pairs = []
    for source in sorted(sources & loaded.gold.keys()):
        for unit in loaded.gold[source]["entities"]:
            names = names_of(unit)
            held = sorted(
                entity.id
                for entity in entities
                if entity.type == unit["type"]
                and source in {by_source[d] for d in entity.documents}
                and {norm(n) for n in (entity.name, *entity.aliases)} & names
            )
            pairs += [frozenset(pair) for pair in itertools.combinations(held, 2)]
    return pairs


def test_the_sample_corpus_units_split_in_two_are_among_the_first_ten_suggested_merges(nodes: Loaded) -> None:
    samples = {path.name for folder in sample_dirs() for path in Path(folder).glob("*.txt")}
    split = _split_units(nodes, samples)
    assert split
    suggested = {frozenset((s.keep.id, s.other.id)) for s in suggest_merges(nodes.store, limit=10)}
    assert set(split) <= suggested
