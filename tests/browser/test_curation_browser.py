"""Correcting the graph from the explorer in a real headless Chromium: rename, delete and merge from an
entity's panel, accept and reject suggested merges, and a refusal shown in the panel.

Each test gets its own server over its own store (corrections change the graph), with a write token in
the app's settings; what the graph holds afterwards is read back through the API, not from the page.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from factbuilder import MAKER_COMPANY, TECH_COMPANY, FactBuilder, park_documents
from liveserver import serving
from test_explorer_browser import Explorer

from parkgraph.api.main import create_app
from parkgraph.config import Settings
from parkgraph.graph.embedded import EmbeddedStore
from parkgraph.graph.keys import entity_key

API_TOKEN = "browser-token-8d41c0e7a2"
TECH_ID = entity_key("Enterprise", TECH_COMPANY)
MAKER_ID = entity_key("Enterprise", MAKER_COMPANY)
LONGER_TECH = "示例甲乙科技有限公司"
LONGER_MAKER = "示例丙丁制造有限公司"
LONGER_TECH_ID = entity_key("Enterprise", LONGER_TECH)
LONGER_MAKER_ID = entity_key("Enterprise", LONGER_MAKER)
PANEL = "#panel"


class Api:
    """Reads the served graph back over HTTP, as a second client would."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url

    def get(self, path: str, **params: object) -> tuple[int, object]:
        query = f"?{urllib.parse.urlencode(params)}" if params else ""
        try:
            with urllib.request.urlopen(f"{self.base_url}/{path}{query}") as response:
                return response.status, json.load(response)
        except urllib.error.HTTPError as error:
            return error.code, json.load(error)

    def entity(self, entity_id: str) -> dict | None:
        status, body = self.get(f"api/entities/{urllib.parse.quote(entity_id)}")
        return body if status == 200 else None

    def log(self) -> list[tuple[str, str, str]]:
        _, body = self.get("api/corrections", limit=200)
        return [(entry["kind"], entry["entity"], entry["other"]) for entry in body["data"]]


@pytest.fixture
def served(tmp_path: Path) -> Iterator[str]:
    """The example world and two longer spellings of its companies, served with a write token."""
    store = EmbeddedStore(tmp_path / "graph.db")
    for facts in park_documents():
        store.load(facts)
    doc = FactBuilder("doc-longer-names")
    doc.entity("Enterprise", LONGER_TECH)
    doc.entity("Enterprise", LONGER_MAKER)
    store.load(doc.build())
    with serving(create_app(store, Settings(api_token=API_TOKEN))) as url:
        yield url
    store.close()


@pytest.fixture
def explorer(browser, served: str) -> Iterator[Explorer]:
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    page = Explorer(context.new_page(), served)
    page.dialogs = []
    page.page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    page.sent_token = []
    page.page.on(
        "request",
        lambda request: "authorization" in request.headers and page.sent_token.append(request.url),
    )
    yield page
    context.close()


@pytest.fixture
def api(served: str) -> Api:
    return Api(served)


def _use_token(explorer: Explorer, token: str = API_TOKEN) -> None:
    edit = explorer.page.locator(f"{PANEL} .token-form")
    edit.locator(".token-input").fill(token)
    edit.locator("button[type=submit]").click()
    explorer.page.locator(f"{PANEL} .token-set").wait_for()


def _only_corrections_got_the_token(explorer: Explorer) -> None:
    assert explorer.sent_token
    corrections = f"{explorer.base_url}/api/corrections"
    assert all(url == corrections or url.startswith(f"{corrections}/") for url in explorer.sent_token)


def test_the_edit_part_asks_for_the_token_first(explorer):
    explorer.open()
    explorer.open_result(TECH_COMPANY)

    edit = explorer.page.locator(f"{PANEL} .edit")
    assert "API token" in edit.inner_text()
    assert edit.locator("button.rename").count() == 0
    _use_token(explorer)
    assert edit.locator("button.rename").count() == 1
    assert explorer.page.evaluate("sessionStorage.getItem('parkgraph.apiToken')") == API_TOKEN


def test_rename_from_the_panel_shows_the_new_name(explorer, api):
    explorer.open(f"#entity={TECH_ID}")  # by address: no search list refreshes the names
    explorer.wait_for_panel_title(TECH_COMPANY)
    _use_token(explorer)

    explorer.page.click(f"{PANEL} button.rename")
    explorer.page.fill(f"{PANEL} .correction-note", "the registered name")
    explorer.page.fill(f"{PANEL} .new-name", "新甲乙科技有限公司")
    explorer.page.click(f"{PANEL} .rename-form button[type=submit]")

    explorer.wait_for_panel_title("新甲乙科技有限公司")
    assert api.entity(TECH_ID)["name"] == "新甲乙科技有限公司"
    assert api.log() == [("rename", TECH_ID, "")]
    assert "新甲乙科技有限公司" in explorer.labels()
    assert TECH_COMPANY not in explorer.labels()
    assert "新甲乙科技有限公司" in explorer.search("甲乙科技")
    _only_corrections_got_the_token(explorer)
    assert not explorer.dialogs
    assert not explorer.errors


def test_delete_from_the_panel_takes_the_entity_away(explorer, api):
    explorer.open()
    explorer.open_result(MAKER_COMPANY)
    _use_token(explorer)

    explorer.page.click(f"{PANEL} button.delete")
    assert api.entity(MAKER_ID) is not None  # nothing is deleted before the confirmation
    explorer.page.click(f"{PANEL} .confirm-delete button.confirm")

    explorer.page.locator(PANEL, has_text=f"Correction 1 made: delete {MAKER_COMPANY}.").wait_for()
    assert api.entity(MAKER_ID) is None
    assert MAKER_COMPANY not in explorer.search(MAKER_COMPANY)
    assert MAKER_COMPANY not in explorer.labels()

    explorer.page.click(f"{PANEL} button.undo")  # and back: the undo rebuilds the graph without it
    explorer.wait_for_panel_title(MAKER_COMPANY)
    assert api.entity(MAKER_ID)["name"] == MAKER_COMPANY
    assert [kind for kind, _, _ in api.log()] == ["delete", "undo"]
    assert MAKER_COMPANY in explorer.labels()
    _only_corrections_got_the_token(explorer)
    assert not explorer.errors


def test_merge_from_the_panel_moves_to_the_kept_entity(explorer, api):
    explorer.open()
    explorer.open_result(LONGER_TECH)
    _use_token(explorer)

    explorer.page.click(f"{PANEL} button.merge")
    explorer.page.fill(f"{PANEL} .merge-query", "甲乙科技")
    explorer.page.click(f"{PANEL} .merge-form button[type=submit]")
    candidates = explorer.page.locator(f"{PANEL} .merge-into")
    candidates.first.wait_for()
    assert candidates.all_inner_texts() == [TECH_COMPANY]  # not the entity itself
    candidates.first.click()

    explorer.page.locator(f"{PANEL} .meta", has_text=TECH_ID).wait_for()  # the kept entity's panel
    kept = api.entity(TECH_ID)
    assert api.entity(LONGER_TECH_ID) is None
    assert {TECH_COMPANY, LONGER_TECH} <= {kept["name"], *kept["aliases"]}
    assert explorer.page.inner_text(f"{PANEL} h2") == kept["name"]
    assert api.log() == [("merge", TECH_ID, LONGER_TECH_ID)]
    shown = explorer.page.evaluate("() => window.cy.nodes().map((n) => n.id())")
    assert TECH_ID in shown
    assert LONGER_TECH_ID not in shown
    assert not explorer.errors


def _suggested_pairs(explorer: Explorer) -> list[tuple[str, str]]:
    """(kept, merged) of each suggestion listed, in order."""
    rows = explorer.page.locator(f"{PANEL} .suggestion")
    return [(row.get_attribute("data-keep"), row.get_attribute("data-other")) for row in rows.all()]


def _row(explorer: Explorer, pair: tuple[str, str]):
    keep, other = pair
    return explorer.page.locator(f"{PANEL} .suggestion[data-keep='{keep}'][data-other='{other}']")


def test_suggested_merges_are_accepted_and_rejected_and_leave_the_list(explorer, api):
    explorer.open()
    explorer.page.click("#suggestions-button")
    explorer.page.locator(f"{PANEL} .suggestion").first.wait_for()
    pairs = _suggested_pairs(explorer)
    assert {frozenset(pair) for pair in pairs} == {
        frozenset((TECH_ID, LONGER_TECH_ID)),
        frozenset((MAKER_ID, LONGER_MAKER_ID)),
    }
    (tech,) = [pair for pair in pairs if TECH_ID in pair]
    (maker,) = [pair for pair in pairs if MAKER_ID in pair]
    text = explorer.panel_text()
    assert f"names alike: {LONGER_TECH} / {TECH_COMPANY}" in text
    assert "score 0." in text
    assert explorer.page.locator(f"{PANEL} .suggestion button.accept").count() == 0  # no token yet

    _use_token(explorer)
    _row(explorer, tech).locator("button.accept").click()
    explorer.page.wait_for_function("document.querySelectorAll('#panel .suggestion').length === 1")
    assert _suggested_pairs(explorer) == [maker]
    assert api.entity(tech[1]) is None
    assert api.entity(tech[0]) is not None

    _row(explorer, maker).locator(".correction-note").fill("two companies")
    _row(explorer, maker).locator("button.reject").click()
    explorer.page.locator(f"{PANEL} .no-suggestions").wait_for()
    assert api.entity(LONGER_MAKER_ID) is not None
    assert api.entity(MAKER_ID) is not None
    assert api.log() == [("merge", *tech), ("reject", *maker)]
    assert api.get("api/corrections/suggestions")[1] == []
    _only_corrections_got_the_token(explorer)
    assert not explorer.errors


def test_a_refusal_shows_the_servers_problem_in_the_panel(explorer, api):
    explorer.open()
    explorer.open_result(TECH_COMPANY)
    _use_token(explorer, "not-the-token-1234567")

    explorer.page.click(f"{PANEL} button.rename")
    explorer.page.fill(f"{PANEL} .new-name", "别的名字有限公司")
    explorer.page.click(f"{PANEL} .rename-form button[type=submit]")

    problem = explorer.page.locator(f"{PANEL} .problem")
    problem.wait_for()
    assert problem.inner_text() == "the bearer token is not the API's token"
    assert api.entity(TECH_ID)["name"] == TECH_COMPANY
    assert api.log() == []
    assert not explorer.dialogs

    # The right token, and a rename the server refuses as invalid (422): its detail, in the panel.
    explorer.page.click(f"{PANEL} .forget-token")
    _use_token(explorer)
    explorer.page.click(f"{PANEL} button.rename")
    explorer.page.click(f"{PANEL} .rename-form button[type=submit]")  # the same name
    explorer.page.locator(f"{PANEL} .problem", has_text="invalid request").wait_for()
    assert problem.inner_text().startswith("invalid request: ")
    assert api.log() == []
    assert not explorer.dialogs
