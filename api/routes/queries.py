"""`GET /queries` lists the stored queries; `GET /queries/{name}` runs one, one typed route each.

The routes are generated when the app is built, from `queries/*.rq`: each declared parameter
becomes a typed query parameter in OpenAPI, so a wrong type is a 422 naming it. The query runs
through `kg.query.run`, the code path of `kg query`.
"""

from __future__ import annotations

import datetime
import inspect
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response

from api.deps import CatalogDep, ServicesDep
from api.editor import bound_text
from api.links import Links, LinksDep
from api.models import ErrorModel, ParamModel, SparqlResults, StoredQueryModel
from api.negotiation import acceptable, wants_html
from api.pages import render_queries
from api.representation import ANSWER_TYPES, answer_response
from kg.catalog import Catalog, Param, StoredQuery
from kg.errors import ParameterError
from kg.query import run

router = APIRouter(tags=["stored queries"])
PYTHON_TYPES: dict[str, Any] = {
    "iri": str,
    "string": str,
    "integer": int,
    "decimal": float,
    "date": datetime.date,
    "boolean": bool,
}
Format = Literal["json", "csv", "tsv", "turtle", "ntriples", "jsonld"]
RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {"content": {"text/csv": {}, "text/tab-separated-values": {}}},
    404: {"model": ErrorModel},
    422: {"model": ErrorModel},
    503: {"model": ErrorModel},
}


def describe_query(q: StoredQuery, links: Links) -> StoredQueryModel:
    return StoredQueryModel(
        name=q.name,
        title=q.title,
        description=q.description,
        kind=q.kind,
        params=[ParamModel(**p.__dict__) for p in q.params],
        max_rows=q.max_rows,
        url=links.path(f"queries/{q.name}"),
    )


@router.get(
    "/queries",
    response_model=list[StoredQueryModel],
    summary="The stored queries",
    dependencies=[Depends(acceptable(("application/json",)))],
)
def list_queries(request: Request, catalog: CatalogDep, links: LinksDep, services: ServicesDep) -> Response:
    """JSON for a client; for a browser, a page with each query, its parameters and its links."""
    if wants_html(request.headers.get("accept")):
        page = render_queries(Links.relative(request, services.settings.base), list(catalog))
        return HTMLResponse(page)
    return JSONResponse([describe_query(q, links).model_dump() for q in catalog])


def _as_text(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def _parameter(position: int, param: Param) -> inspect.Parameter:
    """A keyword parameter `p{position}` (any query variable name works, even `from`) with its alias."""
    kind = PYTHON_TYPES[param.type]
    extra: dict[str, Any] = {"allow_inf_nan": False} if kind is float else {}
    if kind is str:
        extra["max_length"] = 2_000
    described = Query(
        alias=param.name,
        description=f"{param.type}: {param.description}".strip(": "),
        examples=[param.default] if param.default else None,
        **extra,
    )
    annotation = Annotated[kind | None, described] if not param.required else Annotated[kind, described]
    default = None if not param.required else inspect.Parameter.empty
    return inspect.Parameter(
        f"p{position}", inspect.Parameter.KEYWORD_ONLY, default=default, annotation=annotation
    )


def refuse_unknown(request: Request, query: StoredQuery) -> None:
    """A query parameter the stored query does not take is an error (422), never ignored."""
    unknown = sorted(set(request.query_params) - {p.name for p in query.params} - {"format"})
    if unknown:
        raise ParameterError(
            f"query {query.name!r} has no parameter {', '.join(unknown)}; "
            f"it takes: {', '.join(['format', *(p.name for p in query.params)])}",
            parameter=unknown[0],
        )


@router.get(
    "/queries/{name}/sparql",
    summary="The text of a stored query with its parameters bound",
    response_class=PlainTextResponse,
    responses={404: {"model": ErrorModel}, 422: {"model": ErrorModel}},
)
def bound_query(name: str, request: Request, catalog: CatalogDep, services: ServicesDep) -> Response:
    """The SPARQL the stored query runs with the given parameters (defaults for the rest): a
    VALUES block of the typed terms, to read, edit or run elsewhere (the editor's example forms)."""
    query = catalog.get(name)
    values = dict(request.query_params)
    text = bound_text(query, values, services.settings.base)
    return PlainTextResponse(text, media_type="application/sparql-query")


def stored_query_route(query: StoredQuery):
    """A handler whose signature declares the query's parameters with their types."""

    def handler(request: Request, services: ServicesDep, **values: object) -> Response:
        refuse_unknown(request, query)
        fmt = values.pop("format", None)
        given = {names[k]: _as_text(v) for k, v in values.items() if v is not None}
        answer = run(services.store, query, given)
        return answer_response(request, answer, fmt, services.settings.base)  # type: ignore[arg-type]

    names = {f"p{i}": p.name for i, p in enumerate(query.params)}
    fixed = [
        inspect.Parameter("request", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=Request),
        inspect.Parameter("services", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=ServicesDep),
    ]
    fmt = inspect.Parameter(
        "format",
        inspect.Parameter.KEYWORD_ONLY,
        default=None,
        annotation=Annotated[
            Format | None, Query(description="json (default), csv, tsv; graphs: turtle, ntriples, jsonld")
        ],
    )
    handler.__signature__ = inspect.Signature(
        [*fixed, *(_parameter(i, p) for i, p in enumerate(query.params)), fmt]
    )  # type: ignore[attr-defined]
    handler.__name__ = f"query_{query.name.replace('-', '_')}"
    return handler


def stored_query_router(catalog: Catalog) -> APIRouter:
    """One `GET /queries/{name}` route per stored query (built when the app is built)."""
    generated = APIRouter(tags=["stored queries"])
    for query in catalog:
        generated.add_api_route(
            f"/queries/{query.name}",
            stored_query_route(query),
            methods=["GET"],
            summary=query.title,
            description=query.description,
            response_model=SparqlResults,
            responses=RESPONSES,
            name=f"query_{query.name}",
            dependencies=[Depends(acceptable(ANSWER_TYPES))],
        )

    @generated.get("/queries/{name}", include_in_schema=False)
    def unknown_query(name: str) -> Response:
        catalog.get(name)  # raises NotFound, naming the known queries
        raise AssertionError("unreachable: every stored query has its own route")

    return generated
