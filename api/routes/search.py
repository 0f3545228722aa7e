"""`/api/v1/search?q=`: names and abbreviations, case- and diacritics-insensitive."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from api.deps import StoreDep
from api.links import Links
from api.models import ErrorModel, SearchHitModel, SearchResult
from api.negotiation import JSON_TYPES, acceptable
from api.representation import model_response
from kg.resources import KINDS, expand_class
from kg.search import search

router = APIRouter(prefix="/api/v1", tags=["search"], dependencies=[Depends(acceptable(JSON_TYPES))])


@router.get(
    "/search",
    response_model=SearchResult,
    summary="Search names and abbreviations",
    responses={422: {"model": ErrorModel}},
)
def search_labels(
    request: Request,
    store: StoreDep,
    q: Annotated[str, Query(min_length=1, max_length=200, description="part of a name or abbreviation")],
    kind: Annotated[Literal[tuple(KINDS)] | None, Query(description="only this kind")] = None,  # type: ignore[valid-type]
    limit: Annotated[int, Query(ge=1, le=200)] = 20,
    offset: Annotated[int, Query(ge=0, le=100_000)] = 0,
    format: Annotated[Literal["json", "jsonld"] | None, Query()] = None,
) -> Response:
    type_iri = expand_class(KINDS[kind].class_iri, store.base) if kind else None
    hits, total = search(store, q, limit, offset, type_iri)
    links = Links.absolute(request, store.base)
    items = [SearchHitModel.of(h, links) for h in hits]
    result = SearchResult(query=q, items=items, total=total, limit=limit, offset=offset)
    return model_response(request, result, format)
