"""`/docs`: the OpenAPI documentation (Swagger UI from npm, served here, never from a CDN)."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse

from kg.errors import NotFound
from kg.settings import ROOT

SWAGGER_DIR = ROOT / "node_modules" / "swagger-ui-dist"
SWAGGER_FILES = {
    "swagger-ui-bundle.js": "text/javascript",
    "swagger-ui.css": "text/css",
    "favicon-32x32.png": "image/png",
}

router = APIRouter(include_in_schema=False)


@router.get("/docs")
def docs() -> HTMLResponse:
    return get_swagger_ui_html(
        openapi_url="/openapi.json",
        title="Kennisgraaf ouderenzorg — API",
        swagger_js_url="/docs/assets/swagger-ui-bundle.js",
        swagger_css_url="/docs/assets/swagger-ui.css",
        swagger_favicon_url="/docs/assets/favicon-32x32.png",
    )


@router.get("/docs/assets/{name}")
def docs_asset(name: str) -> FileResponse:
    if name not in SWAGGER_FILES or not (SWAGGER_DIR / name).is_file():
        raise NotFound(f"no asset {name!r} (run `npm ci` for the API documentation)")
    return FileResponse(
        SWAGGER_DIR / name, media_type=SWAGGER_FILES[name], headers={"Cache-Control": "public, max-age=86400"}
    )
