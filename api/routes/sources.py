"""`/sources` (HTML) and `/api/v1/sources` (JSON): the documents the graph has read (kg.sources)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from api.deps import StoreDep
from api.links import Links
from api.pages import render
from kg.sources import source_documents

router = APIRouter(tags=["sources"])


@router.get(
    "/sources",
    summary="The source documents of the graph: identity, kind, facts, review",
    response_class=HTMLResponse,
)
def sources_page(request: Request, store: StoreDep) -> Response:
    documents = source_documents(store)
    return HTMLResponse(render(Links.relative(request, store.base), "sources.html", documents=documents))


@router.get("/api/v1/sources", summary="The source documents of the graph, as JSON")
def sources_json(store: StoreDep) -> Response:
    documents = [d.as_json() for d in source_documents(store)]
    return JSONResponse({"total": len(documents), "items": documents})
