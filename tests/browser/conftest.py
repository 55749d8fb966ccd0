"""Browser fixtures: the real API served by uvicorn, and a real headless Chromium driven by Playwright.

The browser is Debian's `chromium` (`apt-get install chromium`), never one Playwright downloads.
Without it, or without the `playwright` package, the browser tests skip and say why; with
PARKGRAPH_REQUIRE_BROWSER=1, as in CI, they fail instead, so a missing browser never passes for a green
run. `browser_or_skip()` alone decides.
"""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from factbuilder import park_documents
from liveserver import serving

from parkgraph.api.main import create_app
from parkgraph.graph.embedded import EmbeddedStore
from parkgraph.graph.facts import DocumentFacts

CHROMIUM = Path(os.environ.get("PARKGRAPH_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _missing_browser() -> str | None:
    """Why the browser tests cannot run here, or None when they can."""
    if importlib.util.find_spec("playwright") is None:
        return "the playwright package is not installed (pip install -e '.[test]')"
    if not os.access(CHROMIUM, os.X_OK):
        return f"no Chromium at {CHROMIUM} (apt-get install chromium, or set PARKGRAPH_CHROMIUM)"
    return None


def browser_or_skip() -> None:
    """Skip the calling test when there is no browser; fail it instead if PARKGRAPH_REQUIRE_BROWSER=1."""
    missing = _missing_browser()
    if missing is None:
        return
    if os.environ.get("PARKGRAPH_REQUIRE_BROWSER") == "1":
        pytest.fail(f"PARKGRAPH_REQUIRE_BROWSER=1 but {missing}", pytrace=False)
    pytest.skip(missing)


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """One headless Chromium for the session (a playwright.sync_api.Browser)."""
    browser_or_skip()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


PAGE = "第2页"
"""Where the second document's sentences stand, as if it had been read from a PDF."""


def _on_page(facts: DocumentFacts, where: str) -> DocumentFacts:
    placed = [
        r.model_copy(update={"evidence": r.evidence.model_copy(update={"where": where})})
        for r in facts.relations
    ]
    return facts.model_copy(update={"relations": placed})


@pytest.fixture(scope="session")
def served_documents() -> list[DocumentFacts]:
    """The facts the served store holds; tests derive what they expect from these. The second
    document's evidence has a page, as a PDF's has; the first's none, as a text's."""
    first, second = park_documents()
    return [first, _on_page(second, PAGE)]


@pytest.fixture(scope="session")
def base_url(
    tmp_path_factory: pytest.TempPathFactory, served_documents: list[DocumentFacts]
) -> Iterator[str]:
    """The real app over an embedded store of the example world, served on a free port of 127.0.0.1."""
    store = EmbeddedStore(tmp_path_factory.mktemp("browser") / "graph.db")
    for facts in served_documents:
        store.load(facts)
    with serving(create_app(store)) as url:
        yield url
    store.close()
