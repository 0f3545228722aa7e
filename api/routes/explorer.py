"""`/explorer/`: the explorer for policy staff, generated from the served graph when missing or stale."""

from __future__ import annotations

import threading
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Request
from fastapi.responses import FileResponse, RedirectResponse, Response

from api.deps import ServicesDep
from kg.explorer.serve import ServedExplorer

router = APIRouter(tags=["explorer"])
_CREATE = threading.Lock()
MEDIA = {
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".html": "text/html; charset=utf-8",
    ".csv": "text/csv; charset=utf-8",
    ".graphml": "application/xml",
    ".gexf": "application/xml",
    ".txt": "text/plain; charset=utf-8",
}


def get_explorer(request: Request, services: ServicesDep) -> ServedExplorer:
    with _CREATE:
        if getattr(request.app.state, "explorer", None) is None:
            request.app.state.explorer = ServedExplorer(services.settings)
    return request.app.state.explorer


ExplorerDep = Annotated[ServedExplorer, Depends(get_explorer)]


@router.get("/explorer", include_in_schema=False)
def explorer_root() -> Response:
    return RedirectResponse("/explorer/", status_code=307)


@router.get("/explorer/{path:path}", summary="The explorer (HTML page, its scripts and data)")
def explorer_file(
    request: Request,
    services: ServicesDep,
    explorer: ExplorerDep,
    path: Annotated[str, Path(max_length=200)],
) -> Response:
    """The page and the data are checked on every visit; scripts and styles linked by version
    (`?v=`, which the generated page adds) are kept for a year."""
    target = explorer.file(services.store, set(services.served_sources()), path, services.version)
    versioned = "v" in request.query_params and target.suffix in (".js", ".css")
    cache = "public, max-age=31536000, immutable" if versioned else "no-cache"
    return FileResponse(
        target,
        media_type=MEDIA.get(target.suffix, "application/octet-stream"),
        headers={"Cache-Control": cache},
    )
