"""`/api/v1/network/...`: the co-participation network of organisations (centrality, communities,
shortest path) and its exports for Gephi and spreadsheets."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse, Response

from api.deps import StoreDep
from api.models import ErrorModel
from kg.network import network_for

router = APIRouter(prefix="/api/v1/network", tags=["network"])
EXPORTS = {
    "graphml": ("application/graphml+xml", "graphml"),
    "gexf": ("application/gexf+xml", "gexf"),
    "csv": ("text/csv; charset=utf-8", "csv"),
    "edges.csv": ("text/csv; charset=utf-8", "csv-edges"),
}


@router.get("/centrality", summary="Organisations ranked by betweenness and degree centrality")
def centrality(store: StoreDep, limit: Annotated[int, Query(ge=1, le=10_000)] = 100) -> JSONResponse:
    return JSONResponse({"items": network_for(store).centrality()[:limit]})


@router.get("/communities", summary="Groups of organisations that work together (Louvain, seeded)")
def communities(store: StoreDep) -> JSONResponse:
    return JSONResponse({"items": network_for(store).communities()})


@router.get(
    "/path",
    summary="How two organisations are connected: the shortest chain of shared initiatives",
    responses={404: {"model": ErrorModel}, 400: {"model": ErrorModel}},
)
def path(
    store: StoreDep,
    source: Annotated[str, Query(alias="from", min_length=1, max_length=200)],
    target: Annotated[str, Query(alias="to", min_length=1, max_length=200)],
) -> JSONResponse:
    return JSONResponse(network_for(store).path(source, target))


@router.get("/export.{fmt}", summary="The network as GraphML, GEXF, CSV of organisations or CSV of links")
def export(store: StoreDep, fmt: Literal["graphml", "gexf", "csv", "edges.csv"]) -> Response:
    media, kind = EXPORTS[fmt]
    return Response(
        network_for(store).export(kind),
        media_type=media,
        headers={"Content-Disposition": f'attachment; filename="network.{fmt}"'},
    )
