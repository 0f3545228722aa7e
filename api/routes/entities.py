"""Dereferencing identifiers: `/id/{kind}/{slug}` and `/def`, HTML for browsers, RDF for clients
(content negotiation or `.ttl` / `.jsonld` suffixes); `/sources/{file}` shows a source letter."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Request
from fastapi.responses import HTMLResponse, Response

from api.deps import ServicesDep
from api.links import Links
from api.pages import render, render_entity, render_source
from api.representation import graph_response, page_type, split_suffix
from kg.describe import describe, entity_graph, ontology_graph, ontology_terms
from kg.errors import NotFound
from kg.page_tables import page_tables
from kg.term_labels import term_labels

router = APIRouter(tags=["entities"])
Segment = Annotated[str, Path(max_length=300)]
RDF_TYPES = {"text/turtle": "Turtle", "application/ld+json": "JSON-LD"}


def dereference(request: Request, services: ServicesDep, path: str) -> Response:
    """The page or the RDF of `{base}{path}` (path without suffix)."""
    name, suffix = split_suffix(path)
    media = page_type(request, suffix)
    iri = services.settings.base + name
    if media != "text/html":
        return graph_response(entity_graph(services.store, iri), media, services.settings.base)
    description = describe(services.store, iri)
    tables = page_tables(services.store, services.catalog, iri, description.types)
    served = set(services.served_sources())
    links = Links.relative(request, services.settings.base)
    names = term_labels(services.store)
    page = render_entity(links, description, links.path(name), served, tables, names)
    return HTMLResponse(page, headers={"Vary": "Accept"})


@router.get(
    "/id/{kind}/{slug}",
    summary="An entity: HTML, Turtle or JSON-LD",
    responses={200: {"content": {"text/html": {}, "text/turtle": {}, "application/ld+json": {}}}},
)
def entity_page(request: Request, services: ServicesDep, kind: Segment, slug: Segment) -> Response:
    return dereference(request, services, f"id/{kind}/{slug}")


@router.get("/def", summary="The ontology: HTML, Turtle or JSON-LD")
def ontology(request: Request, services: ServicesDep) -> Response:
    return _ontology(request, services, None)


@router.get("/def.{ext}", include_in_schema=False)
def ontology_file(request: Request, services: ServicesDep, ext: Segment) -> Response:
    suffix = split_suffix(f"def.{ext}")[1]
    if suffix is None:
        raise NotFound(f"no representation .{ext} of the ontology; try .ttl or .jsonld")
    return _ontology(request, services, suffix)


def _ontology(request: Request, services: ServicesDep, suffix: str | None) -> Response:
    media = page_type(request, suffix)
    if media != "text/html":
        return graph_response(ontology_graph(services.store), media, services.settings.base)
    description = describe(services.store, services.settings.base + "def")
    links = Links.relative(request, services.settings.base)
    terms = ontology_terms(services.store)
    page = render(links, "ontology.html", d=description, terms=terms, here=links.path("def"), served=set())
    return HTMLResponse(page, headers={"Vary": "Accept"})


@router.get("/def/{path:path}", summary="A term of the controlled vocabularies (roles, kinds, ...)")
def vocabulary_term(request: Request, services: ServicesDep, path: Segment) -> Response:
    return dereference(request, services, f"def/{path}")


@router.get(
    "/sources/{file}",
    summary="The text of a source letter, with line anchors (#L12)",
    response_class=HTMLResponse,
)
def source_text(request: Request, services: ServicesDep, file: Segment) -> Response:
    document = services.served_sources().get(file)
    if document is None:
        raise NotFound(f"no source letter {file!r} on this server", file=file)
    path = services.settings.source_text(document.file)
    if path is None:
        raise NotFound(f"the text of {file!r} is not on this server", file=file)
    text = path.read_text(encoding="utf-8", errors="replace")
    links = Links.relative(request, services.settings.base)
    return HTMLResponse(render_source(links, document.file, text, document.title, document.page))
