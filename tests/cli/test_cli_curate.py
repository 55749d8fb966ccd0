"""`parkgraph curate` on the sample corpus, on the embedded store and on Neo4j: corrections survive
retracting and reloading every document, undo gives back the graph exactly, a log exported from one
store and imported into a fresh one reproduces the graph."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from storekit import empty_neo4j_database, neo4j_driver_for, neo4j_settings_or_skip
from typer.testing import CliRunner

from parkgraph.cli import app, settings_for
from parkgraph.corpus import seeds_dir
from parkgraph.graph.keys import relation_key
from parkgraph.graph.store import Store
from parkgraph.stores import open_store

runner = CliRunner()

COMPANY, COMPANY_SHORT = "成都彩虹电器集团公司", "彩虹电器集团"
COMPANY_COMMITTEE = "成都彩虹电器集团公司党委"
PARK, PARK_NEW_NAME = "通辽经济技术开发区", "内蒙古通辽经济技术开发区"
JOINT_BRANCH, TEA = "双创基地通辽创客中心联合党支部", "尚好茶业"


def invoke(*args: str):
    return runner.invoke(app, list(args))


@pytest.fixture(params=["embedded", "neo4j"])
def where(request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The options that choose a fresh store of each kind (Neo4j: the test run's own server, emptied)."""
    if request.param == "embedded":
        return ["--data", str(tmp_path / "graph.db")]
    settings = neo4j_settings_or_skip()
    with neo4j_driver_for(settings) as driver:
        empty_neo4j_database(driver, settings)
    for name in ("uri", "user", "password", "database"):
        monkeypatch.setenv(f"NEO4J_{name.upper()}", getattr(settings, f"neo4j_{name}"))
    return ["--store", "neo4j"]


@pytest.fixture
def graph(where: list[str]) -> Iterator[Store]:
    """The same store as the commands use, to read the answers."""
    options = dict(zip(where[::2], where[1::2], strict=True))
    data = options.get("--data")
    store = open_store(settings_for(options.get("--store"), Path(data) if data else None))
    yield store
    store.close()


def run(*args: str) -> str:
    result = invoke(*args)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def snapshot(store: Store) -> tuple[list[dict], list[dict]]:
    return (
        [entity.model_dump() for entity in store.iter_entities()],
        [relation.model_dump() for relation in store.iter_relations()],
    )


def named(store: Store, name: str, type_: str) -> str:
    (found,) = store.named(name, type_)
    return found.id


def test_corrections_survive_reloading_every_document_and_undo_restores_the_graph(
    where: list[str], graph: Store, tmp_path: Path
) -> None:
    run("load", str(seeds_dir()), *where)
    company = named(graph, COMPANY, "Enterprise")
    short = named(graph, COMPANY_SHORT, "Enterprise")
    committee = named(graph, COMPANY_COMMITTEE, "Committee")
    park = named(graph, PARK, "Park")
    joint, tea = named(graph, JOINT_BRANCH, "Branch"), named(graph, TEA, "Enterprise")
    dropped = relation_key("PARTY_ORG_OF", committee, company)
    added = relation_key("COVERS", joint, tea)
    assert graph.relation(dropped) is not None and graph.relation(added) is None
    before = [snapshot(graph)]
    corrections = [
        ("merge", COMPANY, COMPANY_SHORT, "--note", "one company"),
        ("rename", PARK, PARK_NEW_NAME),
        ("drop-relation", COMPANY_COMMITTEE, "PARTY_ORG_OF", company),
        ("add-relation", JOINT_BRANCH, "COVERS", TEA, "--evidence", "联合党支部覆盖尚好茶业（名录）"),
    ]
    for number, command in enumerate(corrections, start=1):
        assert run("curate", *command, "--author", "analyst", *where).startswith(f"correction {number}:")
        before.append(snapshot(graph))

    def corrected() -> None:
        assert graph.entity(short) is None
        kept = graph.entity(company)
        assert kept is not None and kept.name == COMPANY and COMPANY_SHORT in kept.aliases
        renamed = graph.entity(park)
        assert renamed is not None and renamed.name == PARK_NEW_NAME and PARK in renamed.aliases
        assert graph.relation(dropped) is None
        relation = graph.relation(added)
        assert relation is not None and relation.evidence[0].text == "联合党支部覆盖尚好茶业（名录）"

    corrected()
    for document in graph.documents():
        run("retract", document.id, *where)
    assert graph.counts().documents == 0
    run("load", str(seeds_dir()), *where)
    corrected()
    assert snapshot(graph) == before[4]

    log = json.loads(run("curate", "log", "--json", *where))
    assert [(c["seq"], c["kind"], c["status"], c["author"]) for c in log] == [
        (1, "merge", "in force", "analyst"),
        (2, "rename", "in force", "analyst"),
        (3, "drop-relation", "in force", "analyst"),
        (4, "add-relation", "in force", "analyst"),
    ]
    exported = tmp_path / "corrections.jsonl"
    run("curate", "export", str(exported), *where)

    assert run("curate", "undo", *where).startswith("correction 5: undo 4")
    assert snapshot(graph) == before[3]
    run("curate", "undo", "1", *where)
    run("curate", "undo", *where)
    run("curate", "undo", *where)
    assert snapshot(graph) == before[0]
    refused = invoke("curate", "undo", *where)
    assert refused.exit_code == 2 and "no correction is in force" in refused.stderr

    run("curate", "import", str(exported), *where)
    corrected()


def test_an_imported_log_reproduces_the_corrections_on_a_fresh_store(
    where: list[str], graph: Store, tmp_path: Path
) -> None:
    origin = ["--data", str(tmp_path / "origin.db")]
    run("load", str(seeds_dir()), *origin)
    run("curate", "merge", COMPANY, COMPANY_SHORT, *origin)
    run("curate", "rename", PARK, PARK_NEW_NAME, *origin)
    run("curate", "drop-relation", COMPANY_COMMITTEE, "PARTY_ORG_OF", COMPANY, *origin)
    run("curate", "add-relation", JOINT_BRANCH, "COVERS", TEA, "--evidence", "名录", *origin)
    run("curate", "undo", "2", *origin)
    exported = tmp_path / "log.jsonl"
    run("curate", "export", str(exported), *origin)
    source = open_store(settings_for(None, Path(origin[1])))
    expected = snapshot(source)
    source.close()

    run("load", str(seeds_dir()), *where)
    run("curate", "import", str(exported), *where)
    assert snapshot(graph) == expected
    assert [c.kind for c in graph.corrections()] == [
        "merge",
        "rename",
        "drop-relation",
        "add-relation",
        "undo",
    ]


@pytest.fixture(scope="module")
def seeds_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample corpus loaded once into an embedded store file, copied by each test that changes it."""
    path = tmp_path_factory.mktemp("seeds") / "graph.db"
    run("load", str(seeds_dir()), "--data", str(path))
    return path


@pytest.fixture
def seeded(seeds_store: Path, tmp_path: Path) -> list[str]:
    copy = tmp_path / "graph.db"
    shutil.copyfile(seeds_store, copy)
    return ["--data", str(copy)]


@pytest.mark.parametrize(
    ("command", "message"),
    [
        (("merge", "no-such-entity", COMPANY), "no entity has the id or name 'no-such-entity'"),
        (("rename", "园区党委", "某园区党委"), "'园区党委' names several entities, give one id"),
        (("retype", PARK, "Factory"), "unknown entity type 'Factory'"),
        (("drop-relation", COMPANY_COMMITTEE, "COVERS", COMPANY), "no COVERS relation from"),
        (
            ("add-relation", JOINT_BRANCH, "COVERS", "四川省委", "--evidence", "x"),
            "the schema allows no COVERS",
        ),
        (("add-relation", JOINT_BRANCH, "OWNS", TEA, "--evidence", "x"), "unknown relation type 'OWNS'"),
        (("split", PARK, "不是别名"), "is not an alias of"),
        (("undo", "7"), "correction 7 is not in force"),
    ],
)
def test_bad_input_is_one_line_with_nothing_written(seeded: list[str], command: tuple, message: str) -> None:
    result = invoke("curate", *command, *seeded)
    assert result.exit_code == 2
    assert message in result.stderr and "Traceback" not in result.stderr
    assert json.loads(run("curate", "log", "--json", *seeded)) == []


def test_a_correction_whose_target_is_gone_is_reported(seeded: list[str]) -> None:
    run("curate", "add-relation", JOINT_BRANCH, "COVERS", TEA, "--evidence", "名录", *seeded)
    store = open_store(settings_for(None, Path(seeded[1])))
    (branch,) = store.named(JOINT_BRANCH, "Branch")
    store.close()
    result = invoke("retract", branch.documents[0], *seeded)
    assert result.exit_code == 0, result.stderr
    assert "correction 1 acts on nothing now" in result.stderr
    (entry,) = json.loads(run("curate", "log", "--json", *seeded))
    assert entry["status"] == "no target"


def test_split_gives_an_alias_an_entity_of_its_own(seeded: list[str]) -> None:
    store = open_store(settings_for(None, Path(seeded[1])))
    (park,) = store.named(PARK, "Park")
    alias = "通辽经济术开发区"
    assert alias in park.aliases
    store.close()
    out = run("curate", "split", park.id, alias, *seeded)
    store = open_store(settings_for(None, Path(seeded[1])))
    try:
        kept = store.entity(park.id)
        assert kept is not None and alias not in kept.aliases
        (split,) = store.named(alias, "Park")
        assert split.id != park.id and split.id in out
    finally:
        store.close()


def _suggested(where: list[str]) -> list[tuple[str, str]]:
    rows = json.loads(run("curate", "suggest", "--limit", "50", "--json", *where))
    return [(row["keep"]["name"], row["other"]["name"]) for row in rows]


def test_suggested_merges_name_their_evidence_and_forget_a_rejected_pair(seeded: list[str]) -> None:
    rows = json.loads(run("curate", "suggest", "--json", *seeded))
    pair = next(
        row for row in rows if (row["keep"]["name"], row["other"]["name"]) == (COMPANY, COMPANY_SHORT)
    )
    assert f"names alike: {COMPANY_SHORT} / {COMPANY}" in pair["evidence"]
    assert [row["score"] for row in rows] == sorted((row["score"] for row in rows), reverse=True)
    run("curate", "reject", COMPANY, COMPANY_SHORT, "--note", "two companies", *seeded)
    assert (COMPANY, COMPANY_SHORT) not in _suggested(seeded)
    (entry,) = json.loads(run("curate", "log", "--json", *seeded))
    assert (entry["kind"], entry["note"], entry["status"]) == ("reject", "two companies", "")


def test_an_accepted_suggestion_is_a_merge_and_is_not_suggested_again(seeded: list[str]) -> None:
    assert (COMPANY, COMPANY_SHORT) in _suggested(seeded)
    run("curate", "merge", COMPANY, COMPANY_SHORT, *seeded)
    assert all(COMPANY_SHORT not in pair for pair in _suggested(seeded))
