"""Neo4j Browser, the real one the bundled server serves, used as an analyst uses it.

Headless Chromium opens Browser on the test run's throwaway Neo4j, loaded with the sample corpus,
connects over Bolt, and pastes each saved query of docs/neo4j/queries into the editor: its `:param`
lines one at a time, then the file as shipped. The frame must show records, not only "SUCCESS". The
parkgraph guide is played from the explorer's server and its blocks run the same way. With
PARKGRAPH_SAVE_SCREENSHOTS=1 the path query, drawn with docs/neo4j/parkgraph.grass, is saved to
docs/neo4j-browser.png.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from neo4j import Driver
from samplekit import QUERIES, ROOT, load_sample, saved_query
from storekit import empty_neo4j_database

from parkgraph.api.guide import GUIDE_FILE, GUIDE_PATH
from parkgraph.config import Settings
from parkgraph.graph.neo4j_store import Neo4jStore

WAIT_MS = 30_000
STYLE = ROOT / "docs" / "neo4j" / "parkgraph.grass"
SCREENSHOT = ROOT / "docs" / "neo4j-browser.png"
ROWS = re.compile(r"Started streaming (\d+) records?|Displaying (\d+) nodes?")

PASTE = """(text) => {
  const area = document.querySelector('[data-testid=activeEditor] textarea');
  area.focus();
  const data = new DataTransfer();
  data.setData('text/plain', text);
  area.dispatchEvent(new ClipboardEvent('paste', {clipboardData: data, bubbles: true, cancelable: true}));
}"""
"""What pasting does: Monaco takes the text from the paste event (typing would auto-close quotes)."""

DROP = """(text) => {
  const data = new DataTransfer();
  data.items.add(new File([text], 'parkgraph.grass', {type: 'text/plain'}));
  const target = document.querySelector('[data-testid=main]');
  for (const type of ['dragenter', 'dragover', 'drop']) {
    target.dispatchEvent(new DragEvent(type, {dataTransfer: data, bubbles: true, cancelable: true}));
  }
}"""
"""What dragging the style sheet onto the window does."""


@pytest.fixture(scope="module")
def sample_neo4j(neo4j_driver: Driver, neo4j_settings: Settings) -> Iterator[Settings]:
    """The test server's database holding just the sample corpus, for this module's tests."""
    empty_neo4j_database(neo4j_driver, neo4j_settings)
    load_sample(Neo4jStore(neo4j_driver, neo4j_settings.neo4j_database))
    yield neo4j_settings
    empty_neo4j_database(neo4j_driver, neo4j_settings)


@pytest.fixture
def neo4j_browser(browser, sample_neo4j: Settings) -> Iterator[object]:
    """A Browser page connected to the test server as user neo4j (a playwright.sync_api.Page)."""
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(f"http://127.0.0.1:{sample_neo4j.neo4j_http_port}/browser/")
    page.wait_for_selector("[data-testid=connect]", timeout=WAIT_MS)
    page.select_option("[data-testid=bolt-scheme-select]", "bolt://")
    page.fill("[data-testid=boltaddress]", sample_neo4j.neo4j_uri.removeprefix("bolt://"))
    page.fill("[data-testid=username]", sample_neo4j.neo4j_user)
    page.fill("[data-testid=password]", sample_neo4j.neo4j_password)
    page.click("[data-testid=connect]")
    page.wait_for_selector("text=You are connected as user", timeout=WAIT_MS)
    # Shown once Browser has read the server's settings, its guide allowlist among them.
    page.get_by_text("Getting started with Neo4j Browser").wait_for(timeout=WAIT_MS)
    yield page
    page.close()


def _run(page, text: str) -> object:
    """Paste `text` into the editor, run it, and return its frame (the newest) once it has finished."""
    before = page.locator("[data-testid=frame]").count()
    page.click("[data-testid=activeEditor]")
    page.evaluate(PASTE, text)
    page.click("[data-testid=editor-Run]")
    page.wait_for_function(
        "n => document.querySelectorAll('[data-testid=frame]').length > n", arg=before, timeout=WAIT_MS
    )
    return page.locator("[data-testid=frame]").first


def _clear(page) -> None:
    page.click("[data-testid=activeEditor]")
    page.evaluate(PASTE, ":clear")
    page.click("[data-testid=editor-Run]")
    page.wait_for_function("() => !document.querySelector('[data-testid=frame]')", timeout=WAIT_MS)


def _records(frame) -> int:
    """How many records the frame shows: its status bar under a table, its overview beside a graph."""
    summary = frame.get_by_text(ROWS).first
    summary.wait_for(timeout=WAIT_MS)
    found = ROWS.search(summary.inner_text())
    assert found, summary.inner_text()
    return int(found[1] or found[2])


def _play(page, url: str, attempts: int = 5) -> object:
    """`:play` a guide and return its frame, wherever the frames of the queries it runs push it.

    Browser reads the hosts it may play guides from with the server's settings, a moment after it
    connects; until then it answers "No guide by that name", so this tries again a few times.
    """
    for _ in range(attempts):
        frame = _run(page, f":play {url}")
        slides = frame.locator("[data-testid=nextSlide]")
        slides.or_(frame.get_by_text("No guide by that name")).first.wait_for(timeout=WAIT_MS)
        if slides.count():
            return page.locator("[data-testid=frame]").filter(has=page.locator("[data-testid=nextSlide]"))
        page.wait_for_timeout(1000)
    pytest.fail(f"Browser did not play {url} in {attempts} attempts")


def _set_parameters(page, lines: list[str]) -> None:
    for line in lines:
        frame = _run(page, line)
        frame.get_by_text("Successfully set your parameters").wait_for(timeout=WAIT_MS)


@pytest.mark.parametrize("path", QUERIES, ids=lambda path: path.stem)
def test_a_saved_query_pasted_into_browser_shows_rows(neo4j_browser, path: Path) -> None:
    page = neo4j_browser
    query = saved_query(path)
    _clear(page)
    _set_parameters(page, query.param_lines)

    frame = _run(page, query.text)

    assert frame.locator("[data-testid=cypherFrameErrorMessage]").count() == 0
    assert _records(frame) > 0


def test_the_guide_plays_and_its_blocks_run(neo4j_browser, base_url: str) -> None:
    page = neo4j_browser
    _clear(page)
    guide = _play(page, f"{base_url}{GUIDE_PATH}/{GUIDE_FILE}")
    guide.get_by_text("parkgraph: Party-building in industrial parks").wait_for(timeout=WAIT_MS)
    query = saved_query(next(path for path in QUERIES if path.stem == "search_names"))
    guide.locator("[data-testid=nextSlide]").click()

    guide.locator("pre.runnable", has_text=query.param_lines[0]).click()
    page.click("[data-testid=editor-Run]")
    page.get_by_text("Successfully set your parameters").first.wait_for(timeout=WAIT_MS)
    guide.locator("pre.runnable", has_text="CALL db.index.fulltext.queryNodes").click()
    page.click("[data-testid=editor-Run]")

    assert _records(page.locator("[data-testid=frame]").first) > 0


def test_a_path_is_drawn_with_the_project_style(neo4j_browser, tmp_path: Path) -> None:
    page = neo4j_browser
    page.evaluate(DROP, STYLE.read_text(encoding="utf-8"))
    query = saved_query(next(path for path in QUERIES if path.stem == "paths_between"))
    _clear(page)
    _set_parameters(page, query.param_lines)

    frame = _run(page, query.text)

    assert _records(frame) > 0
    # The short display name, in full: the long name would be cut to 通辽经济技术… like its neighbours.
    frame.locator("svg text", has_text="非建制联合党工委").first.wait_for(timeout=WAIT_MS)
    page.wait_for_timeout(2000)  # let the layout settle before the picture
    shot = SCREENSHOT if os.environ.get("PARKGRAPH_SAVE_SCREENSHOTS") == "1" else tmp_path / SCREENSHOT.name
    frame.screenshot(path=str(shot))
