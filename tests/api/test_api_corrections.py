"""`/api/corrections` on every store kind: the log, making a correction with the token, undoing it."""

from __future__ import annotations

import pytest
from factbuilder import JOINT_BRANCH, MAKER_COMPANY, TECH_COMPANY, FactBuilder, alliance_report
from fastapi.testclient import TestClient

from parkgraph.api.main import create_app
from parkgraph.config import Settings
from parkgraph.graph.keys import entity_key
from parkgraph.graph.store import Store

API_TOKEN = "test-token-2f7c1a9e5b"
AUTH = {"Authorization": f"Bearer {API_TOKEN}"}
TECH_ID = entity_key("Enterprise", TECH_COMPANY)
MAKER_ID = entity_key("Enterprise", MAKER_COMPANY)
MERGE = {"kind": "merge", "entity": TECH_COMPANY, "other": MAKER_ID, "note": "one company"}


@pytest.fixture
def writer(loaded_any_store: Store) -> TestClient:
    return TestClient(create_app(loaded_any_store, Settings(api_token=API_TOKEN)))


def _graph(store: Store) -> tuple[list, list]:
    return list(store.iter_entities()), list(store.iter_relations())


def test_a_correction_is_made_listed_and_undone(writer: TestClient, loaded_any_store: Store) -> None:
    before = _graph(loaded_any_store)
    assert writer.get("/api/corrections").json()["count"] == 0

    made = writer.post("/api/corrections", json=MERGE, headers=AUTH)
    assert made.status_code == 201, made.text
    correction = made.json()["correction"]
    assert (correction["seq"], correction["entity"], correction["other"]) == (1, TECH_ID, MAKER_ID)
    assert (correction["author"], correction["note"]) == ("api", "one company")
    assert made.json()["stale"] == []
    assert loaded_any_store.entity(MAKER_ID) is None

    undone = writer.post("/api/corrections/1/undo", json={"author": "审核员"}, headers=AUTH)
    assert undone.status_code == 201, undone.text
    assert undone.json()["correction"] | {"time": ""} == {
        **undone.json()["correction"],
        "seq": 2,
        "kind": "undo",
        "target": 1,
        "author": "审核员",
        "time": "",
    }
    assert _graph(loaded_any_store) == before
    log = writer.get("/api/corrections").json()
    assert [(entry["seq"], entry["kind"], entry["status"]) for entry in log["data"]] == [
        (1, "merge", "undone"),
        (2, "undo", ""),
    ]


def test_writes_need_the_token(loaded_any_store: Store, expect_problem) -> None:
    read_only = TestClient(create_app(loaded_any_store, Settings(api_token=None)))
    expect_problem(read_only.post("/api/corrections", json=MERGE, headers=AUTH), 403)
    writer = TestClient(create_app(loaded_any_store, Settings(api_token=API_TOKEN)))
    expect_problem(writer.post("/api/corrections", json=MERGE), 401)
    expect_problem(writer.post("/api/corrections/1/undo", headers={"Authorization": "Bearer wrong"}), 401)
    assert loaded_any_store.corrections() == []


@pytest.mark.parametrize(
    ("body", "detail"),
    [
        (
            {"kind": "merge", "entity": "无此企业", "other": MAKER_ID},
            "no entity has the id or name '无此企业'",
        ),
        ({"kind": "retype", "entity": TECH_ID, "type": "Factory"}, "unknown entity type 'Factory'"),
        (
            {"kind": "add-relation", "head": JOINT_BRANCH, "type": "COVERS", "tail": TECH_ID},
            "an added relation needs its evidence",
        ),
    ],
)
def test_a_correction_that_cannot_be_made_is_a_422_with_nothing_written(
    writer: TestClient, loaded_any_store: Store, expect_problem, body: dict, detail: str
) -> None:
    problem = expect_problem(writer.post("/api/corrections", json=body, headers=AUTH), 422)
    assert detail in problem["detail"]
    assert loaded_any_store.corrections() == []


def test_undo_names_what_it_cannot_undo(writer: TestClient, expect_problem) -> None:
    expect_problem(writer.post("/api/corrections/4/undo", headers=AUTH), 404)
    writer.post("/api/corrections", json=MERGE, headers=AUTH)
    writer.post("/api/corrections/1/undo", headers=AUTH)
    assert (
        "not in force" in expect_problem(writer.post("/api/corrections/1/undo", headers=AUTH), 409)["detail"]
    )


def test_a_retraction_replays_the_corrections_and_names_those_left_without_target(
    writer: TestClient, loaded_any_store: Store
) -> None:
    secretary_post = {
        "kind": "drop-relation",
        "head": entity_key("Person", "张示例"),
        "type": "HOLDS_POST",
        "tail": TECH_ID,
    }
    assert writer.post("/api/corrections", json=secretary_post, headers=AUTH).status_code == 201
    assert writer.post("/api/corrections", json=MERGE, headers=AUTH).status_code == 201
    retracted = writer.delete(f"/api/documents/{alliance_report().document.id}", headers=AUTH)
    assert retracted.status_code == 200, retracted.text
    (warning,) = retracted.json()["warnings"]
    assert warning.startswith("correction 1 acts on nothing now")
    assert loaded_any_store.entity(MAKER_ID) is None


def test_suggestions_leave_out_a_rejected_pair(writer: TestClient, loaded_any_store: Store) -> None:
    doc = FactBuilder("doc-longer-name")
    doc.entity("Enterprise", "示例甲乙科技有限公司")
    loaded_any_store.load(doc.build())
    longer = entity_key("Enterprise", "示例甲乙科技有限公司")
    (suggested,) = writer.get("/api/corrections/suggestions").json()
    assert (suggested["keep"]["id"], suggested["other"]["id"]) == (TECH_ID, longer)
    assert suggested["evidence"] == [f"names alike: 示例甲乙科技有限公司 / {TECH_COMPANY}"]
    reject = {"kind": "reject", "entity": TECH_ID, "other": longer, "note": "two companies"}
    assert writer.post("/api/corrections", json=reject, headers=AUTH).status_code == 201
    assert writer.get("/api/corrections/suggestions").json() == []
    assert writer.get("/api/corrections").json()["data"][0]["kind"] == "reject"
