"""The pages a person opens in a browser: the web explorer at `/` and the API docs at `/docs`.

The machine serving them may have no internet, so both load only files served from `static/`
(the explorer's own page, script and style sheet, and the libraries vendored under `static/vendor/`)
instead of FastAPI's default CDN links. `create_app` builds its app with `docs_url=None` and
`redoc_url=None` and calls `mount_explorer`.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse
from fastapi.staticfiles import StaticFiles

STATIC_DIR = Path(__file__).parent / "static"
STATIC_PATH = "/static"
SWAGGER_UI = f"{STATIC_PATH}/vendor/swagger-ui"


def mount_explorer(app: FastAPI) -> None:
    """Serve the explorer page at `/`, its files under `/static`, and offline swagger-ui at `/docs`."""
    app.mount(STATIC_PATH, StaticFiles(directory=STATIC_DIR), name="static")

    @app.api_route("/", methods=["GET", "HEAD"], include_in_schema=False)
    def explorer_page() -> FileResponse:
        """The explorer: search, neighbourhood graph, evidence; it talks to the JSON API under `/api`."""
        return FileResponse(STATIC_DIR / "index.html", media_type="text/html")

    @app.get("/docs", include_in_schema=False)
    def api_docs_page() -> HTMLResponse:
        """FastAPI's swagger-ui page, pointed at the vendored copy of swagger-ui."""
        return get_swagger_ui_html(
            openapi_url=app.openapi_url or "/openapi.json",
            title=f"{app.title} API",
            swagger_js_url=f"{SWAGGER_UI}/swagger-ui-bundle.js",
            swagger_css_url=f"{SWAGGER_UI}/swagger-ui.css",
            swagger_favicon_url=f"{SWAGGER_UI}/favicon-32x32.png",
            oauth2_redirect_url=None,
        )
