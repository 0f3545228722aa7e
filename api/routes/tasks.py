"""Task-shaped JSON next to the generic descriptions: what a person asks of an organisation
(where does it take part, in which role, says who) and of a motion (who submitted it, how was
it voted). The answers come from kg.tasks."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path
from fastapi.responses import JSONResponse, Response

from api.deps import CatalogDep, StoreDep
from api.models import ErrorModel
from api.negotiation import acceptable
from kg.tasks import motion_record, participations

router = APIRouter(
    prefix="/api/v1", tags=["tasks"], dependencies=[Depends(acceptable(("application/json",)))]
)
Slug = Annotated[str, Path(max_length=200, description="the last part of the id")]
ERRORS = {404: {"model": ErrorModel}, 422: {"model": ErrorModel}}


@router.get(
    "/organisations/{slug}/participations",
    summary="An organisation's participations: initiative, role, quote and source",
    responses=ERRORS,
)
def organisation_participations(store: StoreDep, slug: Slug) -> Response:
    iri = f"{store.base}id/organisation/{slug}"
    return JSONResponse({"organisation": iri, "participations": participations(store, iri)})


@router.get(
    "/motions/{slug}/record", summary="A motion's submitters and votes, with quotes", responses=ERRORS
)
def motion_submitters_and_votes(store: StoreDep, catalog: CatalogDep, slug: Slug) -> Response:
    return JSONResponse(motion_record(store, catalog, f"{store.base}id/motion/{slug}"))
