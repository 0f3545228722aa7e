"""HTML pages (Jinja2, autoescaped: labels are never pasted into markup) and the service description."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox
from jinja2 import Environment, FileSystemLoader, pass_context, select_autoescape

from api.assets import version
from api.editor import examples
from api.links import Links
from api.protocol import GRAPH_TYPES, RESULT_TYPES
from kg.catalog import Catalog
from kg.describe import Description
from kg.namespaces import prefixes, sparql_prologue
from kg.settings import Settings

TEMPLATES = Path(__file__).parent / "templates"
SD = "http://www.w3.org/ns/sparql-service-description#"
FORMATS = "http://www.w3.org/ns/formats/"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")


@lru_cache(maxsize=8)
def environment(base: str) -> Environment:
    """Templates with filters that shorten IRIs (`short`) and turn our IRIs into links on this server
    (`link`, from the `links` every page is rendered with; `root` is its prefix for our own paths)."""
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]))
    known = sorted(prefixes(base).items(), key=lambda kv: -len(kv[1]))

    def short(iri: str) -> str:
        for prefix, ns in known:
            if iri.startswith(ns) and len(iri) > len(ns):
                return f"{prefix}:{iri[len(ns) :]}"
        return iri

    @pass_context
    def link(context, iri: str) -> str:
        return context["links"].href(iri)

    @pass_context
    def term(context, iri: str) -> str:
        """The ontology's Dutch name of a term (its English one, else its prefixed name)."""
        nl, en = context.get("names", {}).get(iri, (None, None))
        return nl or en or short(iri)

    env.filters.update(short=short, link=link, term=term)
    env.globals["asset_version"] = version
    return env


def render(links: Links, template: str, **values: object) -> str:
    """A page whose links go to this server (`links.server` is the root the request came in on)."""
    page = environment(links.base).get_template(template)
    return page.render(links=links, root=links.server.rstrip("/"), **values)


def render_error(status: int, message: str, links: Links) -> str:
    return render(links, "error.html", status=status, message=message)


def render_entity(
    links: Links,
    description: Description,
    here: str,
    served: set[str],
    tables: list | None = None,
    names: dict[str, tuple[str | None, str | None]] | None = None,
) -> str:
    """The page of one entity; `served` are the source files this server shows at /sources/;
    `tables` the rows of the stored queries its kind names (kg.page_tables); `names` the
    ontology's nl/en names of its properties and types (kg.term_labels)."""
    prefix = links.base + "id/"
    node = description.iri[len(prefix) :] if description.iri.startswith(prefix) else None
    others = sorted({v.value for v in description.labels if v.value != description.label})
    return render(
        links,
        "entity.html",
        d=description,
        here=here,
        served=served,
        tables=tables or [],
        names=names or {},
        explorer_node=node,
        other_names=others,
    )


def render_source(links: Links, name: str, text: str, title: str | None, page: str | None) -> str:
    return render(links, "source.html", name=name, lines=text.splitlines(), title=title, page=page)


def render_queries(links: Links, queries: list) -> str:
    """The stored queries for a browser: title, description, parameters, REST link, editor."""
    return render(links, "queries.html", queries=queries)


def render_index(kinds: list[str], links: Links) -> str:
    return render(links, "index.html", kinds=kinds)


def render_editor(settings: Settings, catalog: Catalog | None, endpoint: str, links: Links) -> str:
    """YASGUI with the stored queries as examples (their parameters as a form) and every project
    prefix declared; completion from the project's own terms (api/editor.py)."""
    queries = examples(catalog, settings.base)
    root = links.server.rstrip("/")
    config = {
        "endpoint": endpoint,
        "prologue": sparql_prologue(settings.base),
        "prefixes": prefixes(settings.base),
        "queries": queries,
        "base": settings.base,
        "server": links.server,
        "terms": f"{root}/editor/terms.json",
        "bound": f"{root}/queries/",
    }
    assets = endpoint.rstrip("/") + "/assets"
    return render(links, "sparql.html", queries=queries, config=config, assets=assets)


def service_description(endpoint: str, media_type: str, updates: bool) -> bytes:
    """The SPARQL service description (sd: vocabulary) of this endpoint in an RDF format."""
    service = ox.BlankNode("service")
    sd = lambda name: ox.NamedNode(SD + name)  # noqa: E731
    triples = [
        ox.Triple(service, RDF_TYPE, sd("Service")),
        ox.Triple(service, sd("endpoint"), ox.NamedNode(endpoint)),
        ox.Triple(service, sd("supportedLanguage"), sd("SPARQL11Query")),
        ox.Triple(service, sd("feature"), sd("UnionDefaultGraph")),
    ]
    if updates:
        triples.append(ox.Triple(service, sd("supportedLanguage"), sd("SPARQL11Update")))
    names = {
        "application/sparql-results+json": "SPARQL_Results_JSON",
        "application/sparql-results+xml": "SPARQL_Results_XML",
        "text/csv": "SPARQL_Results_CSV",
        "text/tab-separated-values": "SPARQL_Results_TSV",
        "text/turtle": "Turtle",
        "application/n-triples": "N-Triples",
        "application/ld+json": "JSON-LD",
        "application/rdf+xml": "RDF_XML",
    }
    for media in (*RESULT_TYPES, *GRAPH_TYPES):
        if media in names:
            triples.append(ox.Triple(service, sd("resultFormat"), ox.NamedNode(FORMATS + names[media])))
    fmt = GRAPH_TYPES[media_type]
    extra = {"prefixes": {"sd": SD}} if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.RDF_XML) else {}
    return ox.serialize(triples, format=fmt, **extra)
