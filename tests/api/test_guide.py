"""The Neo4j Browser guide at /guide/: built from the saved queries, readable by Browser from its own port."""

from __future__ import annotations

import html
import re

from fastapi.testclient import TestClient
from samplekit import QUERIES, saved_query

from parkgraph.api.guide import GUIDE_DIR, GUIDE_FILE, render_guide

BROWSER = "http://127.0.0.1:7474"
RUNNABLE = re.compile(r'<pre class="code runnable">(.*?)</pre>', re.DOTALL)


def test_the_shipped_guide_is_built_from_the_saved_queries() -> None:
    """Rewrite it with `python scripts/neo4j_guide.py` after changing a query."""
    assert (GUIDE_DIR / GUIDE_FILE).read_text(encoding="utf-8") == render_guide(QUERIES)


def test_each_slide_runs_a_saved_query_as_shipped() -> None:
    """Its `:param` lines in one runnable block, its statement alone in the next."""
    blocks = [html.unescape(block) for block in RUNNABLE.findall(render_guide(QUERIES))]
    for path in QUERIES:
        query = saved_query(path)
        params = blocks.index("\n".join(query.param_lines))
        assert blocks[params + 1].removesuffix(";") == query.statement, path.name


def test_browser_may_read_the_guide_from_another_origin(client: TestClient) -> None:
    preflight = client.options(
        f"/guide/{GUIDE_FILE}",
        headers={
            "Origin": BROWSER,
            "Access-Control-Request-Method": "GET",
            "Access-Control-Request-Headers": "pragma,cache-control",
        },
    )
    assert preflight.status_code == 204
    assert preflight.headers["access-control-allow-origin"] == "*"
    assert {"pragma", "cache-control"} <= {
        header.strip() for header in preflight.headers["access-control-allow-headers"].split(",")
    }

    response = client.get(f"/guide/{GUIDE_FILE}", headers={"Origin": BROWSER, "Pragma": "no-cache"})
    assert response.status_code == 200
    assert response.headers["access-control-allow-origin"] == "*"
    assert response.headers["content-type"].startswith("text/html")
    assert response.text.count("<slide") == len(QUERIES) + 2


def test_only_the_guide_is_served_there(client: TestClient) -> None:
    assert client.get("/guide/..%2Fapp.js").status_code == 404
    assert client.get("/guide/other.html").status_code == 404
