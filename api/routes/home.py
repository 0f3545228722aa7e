"""`/`: where to go from here (HTML for a browser, JSON links for a client)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from api.deps import SettingsDep
from api.links import Links
from api.negotiation import wants_html
from api.pages import render_index
from kg.resources import KINDS

router = APIRouter(tags=["home"])


@router.get("/", summary="Links to the endpoint, the API, the stored queries and the lists")
def home(request: Request, settings: SettingsDep) -> Response:
    if wants_html(request.headers.get("accept")):
        return HTMLResponse(render_index(list(KINDS), Links.relative(request, settings.base)))
    on_this_server = Links.absolute(request, settings.base)
    paths = {
        "sparql": "sparql",
        "docs": "docs",
        "openapi": "openapi.json",
        "queries": "queries",
        "search": "api/v1/search?q=",
        "validate": "validate",
        "sources": "api/v1/sources",
        "ontology": "def",
        "explorer": "explorer/",
        **{kind: f"api/v1/{kind}" for kind in KINDS},
    }
    links = {name: on_this_server.path(path) for name, path in paths.items()}
    return JSONResponse({"name": "Kennisgraaf ouderenzorg", "base": settings.base, "links": links})
