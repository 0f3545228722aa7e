"""Turning library answers into responses: JSON or JSON-LD, query answers, entity graphs."""

from __future__ import annotations

import json

import pyoxigraph as ox
from fastapi import Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel

from api.negotiation import NotAcceptable, negotiate
from api.protocol import GRAPH_TYPES
from kg.jsonld import with_context
from kg.namespaces import prefixes
from kg.query import Answer
from kg.results import render_graph, to_delimited, to_json

JSONLD = "application/ld+json"
PAGE_TYPES = ["text/turtle", "text/html", JSONLD, "application/n-triples", "application/rdf+xml"]
SUFFIXES = {
    ".ttl": "text/turtle",
    ".jsonld": JSONLD,
    ".nt": "application/n-triples",
    ".rdf": "application/rdf+xml",
}


def wants_jsonld(request: Request, fmt: str | None) -> bool:
    if fmt is not None:
        return fmt == "jsonld"
    return negotiate(request.headers.get("accept"), ["application/json", JSONLD]) == JSONLD


def model_response(request: Request, model: BaseModel, fmt: str | None) -> Response:
    """The model as JSON, or as JSON-LD with the published @context."""
    data = model.model_dump(mode="json")
    if wants_jsonld(request, fmt):
        context = str(request.url_for("jsonld_context"))
        return JSONResponse(with_context(data, context), media_type=JSONLD)
    return JSONResponse(data)


def page_type(request: Request, suffix: str | None) -> str:
    """The representation of an entity page: by suffix, else by Accept (Turtle for */*)."""
    if suffix:
        return SUFFIXES[suffix]
    chosen = negotiate(request.headers.get("accept"), PAGE_TYPES)
    if chosen is None:
        raise NotAcceptable(
            f"cannot answer in {request.headers.get('accept')}; offered: {', '.join(PAGE_TYPES)}"
        )
    return chosen


def split_suffix(name: str) -> tuple[str, str | None]:
    for suffix in SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)], suffix
    return name, None


def graph_response(triples: list[ox.Triple], media_type: str, base: str) -> Response:
    fmt = GRAPH_TYPES[media_type]
    extra = {"prefixes": prefixes(base)} if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.RDF_XML) else {}
    return Response(
        ox.serialize(triples, format=fmt, **extra), media_type=media_type, headers={"Vary": "Accept"}
    )


ANSWER_FORMATS = {
    "json": "application/sparql-results+json",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
}
#: what a stored query's answer can be in (rows, or a graph for CONSTRUCT)
ANSWER_TYPES = (*ANSWER_FORMATS.values(), "application/json", "text/turtle", JSONLD, "application/n-triples")


def answer_response(request: Request, answer: Answer, fmt: str | None, base: str) -> Response:
    """A stored query's answer: SPARQL JSON (+ truncated) or CSV/TSV; graphs as Turtle/JSON-LD."""
    if answer.triples is not None:
        chosen = {"jsonld": "jsonld", "ntriples": "ntriples"}.get(fmt or "", "turtle")
        if fmt is None and negotiate(request.headers.get("accept"), ["text/turtle", JSONLD]) == JSONLD:
            chosen = "jsonld"
        media = {"turtle": "text/turtle", "jsonld": JSONLD, "ntriples": "application/n-triples"}[chosen]
        return Response(render_graph(answer.triples, chosen, prefixes(base)), media_type=media)
    if answer.result is None:
        body = {"head": {}, "boolean": bool(answer.boolean)}
        return Response(json.dumps(body), media_type=ANSWER_FORMATS["json"])
    if fmt is None:
        media = negotiate(request.headers.get("accept"), list(ANSWER_FORMATS.values()) + ["application/json"])
        fmt = {v: k for k, v in ANSWER_FORMATS.items()}.get(media or "", "json")
    truncated = {"X-KG-Truncated": "true" if answer.result.truncated else "false"}
    if fmt in ("csv", "tsv"):
        text = to_delimited(answer.result, "," if fmt == "csv" else "\t")
        return Response(text, media_type=f"{ANSWER_FORMATS[fmt]}; charset=utf-8", headers=truncated)
    body = json.dumps(to_json(answer.result), ensure_ascii=False, separators=(",", ":"))
    return Response(body, media_type=ANSWER_FORMATS["json"], headers=truncated)
