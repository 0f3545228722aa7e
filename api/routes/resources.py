"""`/api/v1/{kind}` lists (filter, page, total) and `/api/v1/{kind}/{slug}` with relations and evidence."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import JSONResponse, Response

from api.deps import StoreDep
from api.links import Links
from api.models import DescriptionModel, ErrorModel, ResourceList, ResourceModel
from api.negotiation import JSON_TYPES, acceptable
from api.params import known_parameters
from api.representation import JSONLD, model_response
from kg.describe import describe
from kg.errors import ParameterError
from kg.jsonld import context
from kg.resources import KINDS, Filters, Kind, list_resources
from kg.term_labels import concepts_under

router = APIRouter(
    prefix="/api/v1",
    tags=["resources"],
    dependencies=[Depends(acceptable(JSON_TYPES)), Depends(known_parameters)],
)
Format = Annotated[Literal["json", "jsonld"] | None, Query(description="json (default) or jsonld")]
Limit = Annotated[int, Query(ge=1, le=500, description="items per page")]
Offset = Annotated[int, Query(ge=0, le=1_000_000, description="items to skip")]
Graph = Annotated[str | None, Query(max_length=300, description="source graph: slug or IRI")]
Slug = Annotated[str, Path(max_length=200, description="the last part of the id")]
ERRORS = {404: {"model": ErrorModel}, 422: {"model": ErrorModel}}


@router.get("/context.jsonld", summary="The JSON-LD @context of this API", name="jsonld_context")
def jsonld_context(store: StoreDep) -> Response:
    return JSONResponse(context(store.base), media_type=JSONLD)


def check_kind(store: StoreDep, kind: Kind, filters: Filters) -> None:
    """A `kind=` slug must name one of the controlled values of the kind (422 naming them)."""
    if not filters.kind or not kind.kind_namespace or ":" in filters.kind:
        return
    namespace = store.base + kind.kind_namespace
    known = [iri[len(namespace) :] for iri in concepts_under(store, namespace)]
    if known and filters.kind not in known:
        raise ParameterError(
            f"filter 'kind' must be one of {', '.join(known)}; got {filters.kind!r}", parameter="kind"
        )


def _add_routes(kind: Kind) -> None:
    plural = kind.plural

    def page(
        request: Request, store: StoreDep, filters: Filters, limit: int, offset: int, fmt: str | None
    ) -> Response:
        check_kind(store, kind, filters)
        items, total = list_resources(store, kind, filters, limit, offset)
        links = Links.absolute(request, store.base)
        listing = ResourceList(
            items=[ResourceModel.of(i, plural, links) for i in items], total=total, limit=limit, offset=offset
        )
        return model_response(request, listing, fmt)

    if kind.kind_namespace:

        def list_filtered(
            request: Request,
            store: StoreDep,
            limit: Limit = 50,
            offset: Offset = 0,
            kind: Annotated[
                str | None, Query(max_length=200, description="classification slug, e.g. ministerie")
            ] = None,
            graph: Graph = None,
            participates_in: Annotated[
                str | None,
                Query(
                    max_length=300, description="initiative or collaboration, e.g. agreement/hlo or ag:hlo"
                ),
            ] = None,
            format: Format = None,
        ) -> Response:
            return page(request, store, Filters(kind, graph, participates_in), limit, offset, format)

        handler = list_filtered
    else:

        def list_plain(
            request: Request,
            store: StoreDep,
            limit: Limit = 50,
            offset: Offset = 0,
            graph: Graph = None,
            format: Format = None,
        ) -> Response:
            return page(request, store, Filters(graph=graph), limit, offset, format)

        handler = list_plain

    router.add_api_route(
        f"/{plural}",
        handler,
        methods=["GET"],
        response_model=ResourceList,
        summary=f"List {plural}",
        name=f"list_{plural}",
        responses=ERRORS,
    )

    def one(request: Request, store: StoreDep, slug: Slug, format: Format = None) -> Response:
        description = describe(store, f"{store.base}id/{kind.segment}/{slug}")
        return model_response(
            request, DescriptionModel.of(description, Links.absolute(request, store.base)), format
        )

    router.add_api_route(
        f"/{plural}/{{slug}}",
        one,
        methods=["GET"],
        response_model=DescriptionModel,
        summary=f"One of the {plural}, with its relations and evidence",
        name=f"get_{kind.segment}",
        responses=ERRORS,
    )


for _kind in KINDS.values():
    _add_routes(_kind)
