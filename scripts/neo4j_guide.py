"""Rewrite the Neo4j Browser guide (api/static/guide/parkgraph.html) from docs/neo4j/queries.

Run from the repository after changing a saved query: `python scripts/neo4j_guide.py`.
tests/api/test_guide.py fails while the page and the queries disagree.
"""

from __future__ import annotations

from pathlib import Path

from parkgraph.api.guide import GUIDE_DIR, GUIDE_FILE, render_guide

QUERIES = Path(__file__).resolve().parents[1] / "docs" / "neo4j" / "queries"

if __name__ == "__main__":
    page = GUIDE_DIR / GUIDE_FILE
    page.write_text(render_guide(sorted(QUERIES.glob("*.cypher"))), encoding="utf-8")
    print(f"wrote {page}")
