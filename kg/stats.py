"""Counts of the built graph: triples, entities per class, per source graph."""

from __future__ import annotations

from kg.namespaces import compactor
from kg.store import Store

_PER_GRAPH = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g"
_PER_CLASS = """SELECT ?g ?class (COUNT(DISTINCT ?s) AS ?n)
WHERE { GRAPH ?g { ?s a ?class } } GROUP BY ?g ?class ORDER BY ?g DESC(?n) ?class"""
_ENTITIES = """SELECT ?class (COUNT(DISTINCT ?s) AS ?n)
WHERE { GRAPH ?g { ?s a ?class } } GROUP BY ?class ORDER BY DESC(?n) ?class"""


def compute_stats(store: Store) -> dict:
    """Triples in all, per graph, and distinct typed subjects per class (overall and per graph)."""
    short = compactor(store.base)
    per_graph = {short(r[0].value): int(r[1].value) for r in store.select(_PER_GRAPH).rows}
    classes = {short(r[0].value): int(r[1].value) for r in store.select(_ENTITIES).rows}
    per_source: dict[str, dict[str, int]] = {}
    for g, cls, n in store.select(_PER_CLASS).rows:
        per_source.setdefault(short(g.value), {})[short(cls.value)] = int(n.value)
    return {"triples": store.count(), "graphs": per_graph, "classes": classes, "per_source": per_source}


def render_stats(stats: dict) -> str:
    """A plain-text summary for the terminal."""
    lines = [f"{stats['triples']} triples in {len(stats['graphs'])} graphs"]
    lines += [f"  {n:>7}  {g}" for g, n in stats["graphs"].items()]
    lines.append("entities per class (all sources):")
    lines += [
        f"  {n:>7}  {c}"
        for c, n in stats["classes"].items()
        if not c.startswith(("owl:", "rdf:", "skos:ConceptScheme"))
    ]
    return "\n".join(lines)
