"""The Neo4j Browser guide: slides that walk an analyst through the saved queries, at `/guide/`.

Browser shows a guide with `:play <url>`, fetching the page from the browser itself, so the page is
served with CORS headers that let Browser's origin read it (it sends `pragma` and `cache-control`,
which makes the browser ask first with OPTIONS), and Browser plays it only from an allowed host
(the bundled server allows this machine). The page is built from docs/neo4j/queries by
`render_guide` (`python scripts/neo4j_guide.py` rewrites it), so each slide runs the saved query as
it is shipped: its `:param` lines in one block, then its statement in another, because Browser
shows rows only for a statement run alone.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from pathlib import Path

from fastapi import FastAPI, HTTPException, Response

from parkgraph.api.explorer import STATIC_DIR

GUIDE_DIR = STATIC_DIR / "guide"
GUIDE_PATH = "/guide"
GUIDE_FILE = "parkgraph.html"
ORDER = (
    "search_names",
    "enterprises_under",
    "subtree_below",
    "hierarchy_above",
    "posts_held",
    "paths_between",
    "relation_evidence",
)
"""The saved queries in the order the guide takes them: find a name, then ask about it."""

_CORS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "GET, OPTIONS",
    "Access-Control-Allow-Headers": "pragma, cache-control",
}

_INTRO = """<h3>parkgraph: Party-building in industrial parks</h3>
<p>Each slide asks one question of the graph. Click a grey block to copy it into the editor,
then run it (Ctrl+Enter). Run the <code>:param</code> block first: it sets the names the
question asks about. Then run the question alone, and Browser shows its rows (a table, or a
graph for the paths).</p>
<p>The examples name organizations of the sample corpus (<code>corpus/seeds</code> and three
documents of <code>corpus/dev2</code>); put part of a name or alias from your own documents in
the <code>:param</code> lines instead: two characters or more, simplified, without spaces.</p>
<p>For colours and short captions, drag <code>docs/neo4j/parkgraph.grass</code> onto this window.
How much is loaded:</p>
<pre class="code runnable">MATCH (n:Entity)
RETURN n.type AS type, count(*) AS entities ORDER BY entities DESC</pre>"""

_LAST = """<h3>Your own questions</h3>
<p>Every entity is an <code>:Entity</code> node with its type as a second label (<code>:Committee</code>,
<code>:Branch</code>, <code>:Enterprise</code>…), <code>name</code>, <code>aliases</code> and the short
<code>display</code> name the captions show; joint organizations also carry <code>:JointBranch</code>
or <code>:JointCommittee</code>. Relations carry the documents that support them; their sentences are
<code>:Evidence</code> nodes. These queries are in <code>docs/neo4j/queries</code>, one file each.</p>
<pre class="code runnable">MATCH (j:JointBranch)-[c:COVERS]->(e:Enterprise) RETURN j, c, e</pre>"""


def _prose(text: str) -> str:
    """Comment text as HTML, `code` in backquotes set as code."""
    return re.sub(r"`([^`]+)`", r"<code>\1</code>", html.escape(text))


def _comments(text: str) -> list[str]:
    return [line.strip().removeprefix("//").strip() for line in text.splitlines() if line.startswith("//")]


def _slide(path: Path) -> str:
    """One question: the file's first comment line as title, its explanation, and two runnable blocks."""
    text = path.read_text(encoding="utf-8")
    comments = _comments(text)
    params = [line for line in comments if line.startswith(":param")]
    about = [line for line in comments[1:] if line and not line.startswith((":param", "Neo4j Browser:"))]
    statement = "\n".join(line for line in text.splitlines() if not line.startswith("//")).strip()
    return "\n".join(
        [
            f"<h3>{_prose(comments[0].removesuffix('.'))}</h3>",
            f"<p>{_prose(' '.join(about))}</p>",
            "<p>First set the names it asks about:</p>",
            f'<pre class="code runnable">{html.escape(chr(10).join(params))}</pre>',
            f"<p>Then run the question (<code>docs/neo4j/queries/{html.escape(path.name)}</code>):</p>",
            f'<pre class="code runnable">{html.escape(statement)}</pre>',
        ]
    )


def render_guide(queries: Sequence[Path]) -> str:
    """The guide page for the saved query files, in `ORDER` (every file must be in it)."""
    by_name = {path.stem: path for path in queries}
    if set(by_name) != set(ORDER):
        raise ValueError(f"the guide takes {sorted(ORDER)}, not {sorted(by_name)}")
    slides = [_INTRO, *(_slide(by_name[name]) for name in ORDER), _LAST]
    body = "\n".join(f'<slide class="row-fluid">\n{slide}\n</slide>' for slide in slides)
    return (
        '<!DOCTYPE html>\n<html lang="zh-Hans">\n'
        '<head><meta charset="utf-8"><title>parkgraph</title></head>\n'
        f'<body>\n<article class="guide">\n<carousel class="deck container-fluid">\n{body}\n'
        "</carousel>\n</article>\n</body>\n</html>\n"
    )


def mount_guide(app: FastAPI) -> None:
    """Serve the guide pages under `/guide/` so that Neo4j Browser on another port may `:play` them."""

    @app.api_route(f"{GUIDE_PATH}/{{name}}", methods=["GET", "HEAD"], include_in_schema=False)
    def guide_page(name: str) -> Response:
        """A guide page for `:play http://HOST:PORT/guide/parkgraph.html`."""
        if name != GUIDE_FILE:
            raise HTTPException(status_code=404, detail=f"no guide {name!r}; there is {GUIDE_FILE}")
        body = (GUIDE_DIR / GUIDE_FILE).read_bytes()
        return Response(body, media_type="text/html; charset=utf-8", headers=_CORS)

    @app.options(f"{GUIDE_PATH}/{{name}}", include_in_schema=False)
    def guide_preflight(name: str) -> Response:
        """Browser asks first, as it sends headers a plain cross-origin GET may not carry."""
        return Response(status_code=204, headers={**_CORS, "Access-Control-Max-Age": "600"})
