"""The SPARQL 1.1 Protocol endpoint `/sparql`, as a router that can be included in any FastAPI app.

GET ?query=, POST form (query= / update=), POST application/sparql-query and
application/sparql-update; results by content negotiation; `default-graph-uri` /
`named-graph-uri`; a service description (RDF) or the YASGUI editor (HTML) when GET has no query.
Updates need `Authorization: Bearer KG_UPDATE_TOKEN`; every query has a time limit and a row cap.
"""

from __future__ import annotations

import hmac
import urllib.parse
from collections.abc import Callable
from typing import Annotated

import anyio
from fastapi import APIRouter, Query, Request
from fastapi.responses import FileResponse, HTMLResponse, Response

from api.negotiation import NotAcceptable, negotiate, wants_html
from api.protocol import GRAPH_TYPES, Answer, Dataset, SparqlService, offered_types
from api.workers import WorkerPool
from kg.catalog import Catalog
from kg.errors import Forbidden, InputError, KGError, NotFound, QuerySyntaxError
from kg.settings import ROOT, Settings
from kg.sparql_text import check_bounds
from kg.store import Store, query_kind
from kg.update_targets import check_writable

YASGUI_DIR = ROOT / "node_modules" / "@zazuko" / "yasgui" / "build"
YASGUI_FILES = {"yasgui.min.js": "text/javascript", "yasgui.min.css": "text/css"}
FORM = "application/x-www-form-urlencoded"
NOT_ACCEPTABLE = 406


class UnsupportedMediaType(KGError):
    http_status = 415
    code = "unsupported_media_type"


def _one(params: dict[str, list[str]], name: str) -> str | None:
    """The one value of parameter `name` (None when absent); the protocol allows no second."""
    values = params.get(name, [])
    if len(values) > 1:
        raise InputError(f"the request has {len(values)} {name} parameters; send exactly one", parameter=name)
    return values[0].removeprefix("\ufeff") if values else None


def _dataset(params: dict[str, list[str]]) -> Dataset:
    return Dataset(tuple(params.get("default-graph-uri", [])), tuple(params.get("named-graph-uri", [])))


def _response(answer: Answer) -> Response:
    text = answer.media_type.startswith("text/")
    media = f"{answer.media_type}; charset=utf-8" if text else answer.media_type
    return Response(
        answer.body,
        media_type=media,
        headers={"X-KG-Truncated": "true" if answer.truncated else "false", "Vary": "Accept"},
    )


def sparql_router(
    settings: Settings,
    store: Store,
    catalog: Catalog | None = None,
    on_update: Callable[[], None] = lambda: None,
) -> APIRouter:
    """The `/sparql` routes over `store`; `on_update` runs after each successful update."""
    service = SparqlService(store, settings)
    router = APIRouter(tags=["sparql"])
    # ad-hoc SPARQL runs in worker processes, stopped at the limits (on a remote store too: the
    # local parse and the wait); an update is tried first on a worker's copy of an embedded store
    pool = WorkerPool(service.work, settings.query_workers, settings.query_timeout, settings.query_memory_mb)
    router.on_shutdown.append(pool.close)
    trial = store.capabilities.in_process
    update_lock = anyio.Lock()

    async def run_query(request: Request, query: str, dataset: Dataset) -> Response:
        if not query.strip():
            raise InputError("no query: pass it as ?query=, as form field query= or as the request body")
        check_bounds(query, settings.max_query_bytes)
        if query_kind(query) == "UPDATE":
            raise QuerySyntaxError(
                "this is an update, not a query: send it to the update operation "
                "(form field update= or application/sparql-update), with the token"
            )
        offered = offered_types(query)
        media = negotiate(request.headers.get("accept"), offered)
        if media is None:
            raise NotAcceptable(
                f"cannot answer in {request.headers.get('accept')}; offered: {', '.join(offered)}"
            )
        answer = await anyio.to_thread.run_sync(pool.run, ("query", query, media, dataset))
        return _response(answer)  # type: ignore[arg-type]

    async def run_update(request: Request, update: str) -> Response:
        token = settings.update_token
        if not token:
            raise Forbidden("updates are switched off on this server (no KG_UPDATE_TOKEN configured)")
        scheme, _, given = request.headers.get("authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), token.encode()):
            raise Forbidden("an update needs the header Authorization: Bearer <KG_UPDATE_TOKEN>")
        update = update.removeprefix("\ufeff")
        if not update.strip():
            raise InputError("no update: send it as form field update= or as the request body")
        check_bounds(update, settings.max_query_bytes, "update")
        check_writable(update, settings)
        if not store.capabilities.updates:
            raise Forbidden("this store does not take updates")
        updater = store.update
        async with update_lock:
            if trial:  # on a worker's copy, under the time and memory limits
                await anyio.to_thread.run_sync(pool.run, ("update", update), True)
            await anyio.to_thread.run_sync(updater, update)
            pool.refresh()
        on_update()
        return Response(status_code=204)

    @router.get(
        "/sparql",
        summary="SPARQL query (GET), service description or query editor",
        responses={
            200: {
                "content": {
                    t: {} for t in ("application/sparql-results+json", "text/csv", "text/turtle", "text/html")
                }
            }
        },
    )
    async def sparql_get(
        request: Request,
        query: Annotated[str | None, Query(description="the SPARQL query")] = None,
        default_graph_uri: Annotated[list[str], Query(alias="default-graph-uri")] = [],  # noqa: B006
        named_graph_uri: Annotated[list[str], Query(alias="named-graph-uri")] = [],  # noqa: B006
    ) -> Response:
        params = {k: request.query_params.getlist(k) for k in request.query_params}
        if (text := _one(params, "query")) is not None:
            return await run_query(request, text, Dataset(tuple(default_graph_uri), tuple(named_graph_uri)))
        accept = request.headers.get("accept")
        if wants_html(accept):
            from api.links import Links
            from api.pages import render_editor

            links = Links.relative(request, settings.base)
            return HTMLResponse(render_editor(settings, catalog, str(request.url_for("sparql_get")), links))
        rdf = negotiate(accept, list(GRAPH_TYPES)) if any(t in (accept or "") for t in GRAPH_TYPES) else None
        if rdf is not None:
            from api.pages import service_description

            body = service_description(str(request.url_for("sparql_get")), rdf, bool(settings.update_token))
            return Response(body, media_type=rdf)
        raise InputError(
            "no query: pass ?query=... (or ask with Accept: text/turtle for the service description)"
        )

    @router.post(
        "/sparql",
        summary="SPARQL query or update (POST)",
        openapi_extra={
            "requestBody": {
                "content": {
                    FORM: {
                        "schema": {
                            "type": "object",
                            "properties": {"query": {"type": "string"}, "update": {"type": "string"}},
                        }
                    },
                    "application/sparql-query": {"schema": {"type": "string"}},
                    "application/sparql-update": {"schema": {"type": "string"}},
                }
            }
        },
    )
    async def sparql_post(request: Request) -> Response:
        content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
        try:
            body = (await request.body()).decode("utf-8")
        except UnicodeDecodeError:
            raise InputError("the request body is not UTF-8") from None
        url_params = urllib.parse.parse_qs(request.url.query)
        if content_type == FORM:
            form = urllib.parse.parse_qs(body, keep_blank_values=True)
            queries = {"query": url_params.get("query", []) + form.get("query", [])}
            query, update = _one(queries, "query"), _one(form, "update")
            if query is not None and update is not None:
                raise InputError("the form has both query= and update=; send one")
            if update is not None:
                return await run_update(request, update)
            if query is None:
                raise InputError("no query: the form needs a field query= (or update=)")
            return await run_query(request, query, _dataset({**url_params, **form}))
        if content_type == "application/sparql-query":
            return await run_query(request, body.removeprefix("\ufeff"), _dataset(url_params))
        if content_type == "application/sparql-update":
            return await run_update(request, body)
        raise UnsupportedMediaType(
            f"POST /sparql takes {FORM}, application/sparql-query or "
            f"application/sparql-update, not {content_type or 'no content type'}"
        )

    @router.get("/sparql/assets/{name}", include_in_schema=False)
    async def sparql_asset(name: str) -> Response:
        if name not in YASGUI_FILES or not (YASGUI_DIR / name).is_file():
            raise NotFound(f"no asset {name!r} (run `npm install` for the query editor)")
        return FileResponse(
            YASGUI_DIR / name,
            media_type=YASGUI_FILES[name],
            headers={"Cache-Control": "public, max-age=86400"},
        )

    return router
