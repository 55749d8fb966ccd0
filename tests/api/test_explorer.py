"""The browser pages over HTTP: the explorer at `/`, its static files, and offline API docs at `/docs`.

Every script, style sheet and module the pages name must be served from this app with a type the
browser accepts (module scripts are refused unless served as JavaScript), and none may come from
elsewhere: the explorer has to work on a machine without internet.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest

JAVASCRIPT = ("text/javascript", "application/javascript")


class _Resources(HTMLParser):
    """Collects the URLs a page loads: script sources, style sheets and icons."""

    def __init__(self) -> None:
        super().__init__()
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self.icons: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "script" and values.get("src"):
            self.scripts.append(values["src"] or "")
        if tag == "link" and values.get("href"):
            rel = (values.get("rel") or "").split()
            if "stylesheet" in rel:
                self.styles.append(values["href"] or "")
            elif "icon" in rel:
                self.icons.append(values["href"] or "")


def _resources(html: str) -> _Resources:
    parser = _Resources()
    parser.feed(html)
    return parser


def _module_imports(source: str) -> list[str]:
    """The relative modules an ES module imports (`import ... from "./x.js"`)."""
    return re.findall(r"""^import\s[^;]*?from\s+["'](\.{1,2}/[^"']+)["']""", source, flags=re.MULTILINE)


def _assert_local(url: str, page: str) -> None:
    parts = urlsplit(url)
    assert not parts.scheme or parts.scheme == "data", f"{page} loads {url} from elsewhere"
    assert not parts.netloc, f"{page} loads {url} from elsewhere"


def test_root_serves_the_explorer_page(client):
    response = client.get("/", follow_redirects=False)

    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert "<title>parkgraph explorer</title>" in response.text
    assert 'id="graph"' in response.text


def test_head_on_root_answers_without_a_body(client):
    response = client.head("/")

    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert response.content == b""


def test_explorer_page_loads_only_local_files_with_their_types(client):
    page = _resources(client.get("/").text)

    assert page.scripts and page.styles
    for url in page.scripts + page.styles + page.icons:
        _assert_local(url, "/")
    for url in page.scripts:
        response = client.get(urljoin("/", url))
        assert response.status_code == 200, url
        assert response.headers["content-type"].startswith(JAVASCRIPT), url
    for url in page.styles:
        response = client.get(urljoin("/", url))
        assert response.status_code == 200, url
        assert response.headers["content-type"].startswith("text/css"), url


def test_explorer_page_loads_cytoscape_from_the_vendored_copy(client):
    scripts = _resources(client.get("/").text).scripts

    cytoscape = [url for url in scripts if url.endswith("cytoscape.min.js")]
    assert cytoscape, "the page loads Cytoscape.js"
    source = client.get(urljoin("/", cytoscape[0])).text
    assert "cytoscape" in source.lower()
    assert len(source) > 100_000, "the whole minified library, not a stub"


def test_every_module_the_explorer_imports_is_served_as_javascript(client):
    """Follows the ES module imports from the page's module scripts, as the browser would."""
    pending = [urljoin("/", url) for url in _resources(client.get("/").text).scripts]
    seen: set[str] = set()
    while pending:
        url = pending.pop()
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        assert response.status_code == 200, url
        assert response.headers["content-type"].startswith(JAVASCRIPT), url
        pending.extend(urljoin(url, module) for module in _module_imports(response.text))

    assert len(seen) > 2, "the explorer's script imports its modules"


def test_docs_page_uses_the_vendored_swagger_ui(client):
    response = client.get("/docs")

    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    page = _resources(response.text)
    assert any(url.endswith("swagger-ui-bundle.js") for url in page.scripts)
    assert any(url.endswith("swagger-ui.css") for url in page.styles)
    for url in page.scripts + page.styles + page.icons:
        _assert_local(url, "/docs")
        assert client.get(url).status_code == 200, url
    assert "/openapi.json" in response.text


def test_docs_files_have_their_types(client):
    page = _resources(client.get("/docs").text)

    for url in page.scripts:
        assert client.get(url).headers["content-type"].startswith(JAVASCRIPT), url
    for url in page.styles:
        assert client.get(url).headers["content-type"].startswith("text/css"), url
    for url in page.icons:
        assert client.get(url).headers["content-type"].startswith("image/"), url


def test_redoc_is_not_offered(client, expect_problem):
    expect_problem(client.get("/redoc"), 404)


@pytest.mark.parametrize(
    ("library", "licence_words"),
    [("cytoscape", "Permission is hereby granted"), ("swagger-ui", "Apache License")],
)
def test_vendored_libraries_ship_their_licences(client, library, licence_words):
    response = client.get(f"/static/vendor/{library}/LICENSE")

    assert response.status_code == 200
    assert licence_words in response.text


def test_vendor_readme_names_the_version_the_cytoscape_file_is(client):
    readme = client.get("/static/vendor/README.md").text
    library = client.get("/static/vendor/cytoscape/cytoscape.min.js").text

    stated = re.search(r"\|\s*`cytoscape`\s*\|\s*([\d.]+)\s*\|", readme)
    assert stated, "the vendor README has a row for cytoscape with its version"
    assert f'version="{stated.group(1)}"' in library


@pytest.mark.parametrize("path", ["/static/nothing.js", "/static/vendor/nothing/LICENSE"])
def test_missing_static_file_is_a_404_problem(client, expect_problem, path):
    expect_problem(client.get(path), 404)


@pytest.mark.parametrize(
    "path", ["/static/../explorer.py", "/static/%2e%2e/explorer.py", "/static/..%2fmain.py"]
)
def test_static_files_stay_inside_the_static_folder(client, path):
    response = client.get(path)

    assert response.status_code == 404
    assert "mount_explorer" not in response.text
    assert "create_app" not in response.text
