"""`/assets/{name}`: the pages' own files (api/assets.py), cached for a year when asked for by
their versioned link; `/favicon.ico`; `/editor/terms.json`: the classes, properties and prefixes
the SPARQL editor completes."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import FileResponse, JSONResponse, Response

from api.assets import MEDIA, STATIC, version
from api.deps import ServicesDep
from api.editor import terms
from kg.errors import NotFound

router = APIRouter(include_in_schema=False)
IMMUTABLE = "public, max-age=31536000, immutable"


@router.get("/assets/{name}")
def asset(name: str, v: str | None = None) -> Response:
    path = STATIC / name
    if path.suffix not in MEDIA or not path.is_file() or path.parent != STATIC:
        raise NotFound(f"no asset {name!r}")
    cache = IMMUTABLE if v == version(name) else "no-cache"
    return FileResponse(path, media_type=MEDIA[path.suffix], headers={"Cache-Control": cache})


@router.get("/favicon.ico")
def favicon() -> Response:
    """Browsers ask for it without reading the page: the same SVG."""
    return FileResponse(
        STATIC / "favicon.svg", media_type=MEDIA[".svg"], headers={"Cache-Control": "public, max-age=86400"}
    )


@router.get("/editor/terms.json")
def editor_terms(services: ServicesDep) -> Response:
    key = services.version
    cached = getattr(services, "_editor_terms", None)
    if cached is None or cached[0] != key:
        cached = (key, terms(services.store))
        services._editor_terms = cached  # type: ignore[attr-defined]
    return JSONResponse(cached[1], headers={"Cache-Control": "no-cache"})
