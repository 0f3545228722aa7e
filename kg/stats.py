"""Counts of the built graph: triples, entities per class, per source graph."""

from __future__ import annotations

from kg import rq
from kg.namespaces import compactor
from kg.store import Store


def compute_stats(store: Store) -> dict:
    """Triples in all, per graph, and distinct typed subjects per class (overall and per graph)."""
    short = compactor(store.base)
    per_graph = {
        short(r[0].value): int(r[1].value) for r in store.select(rq.text("stats-per-graph", store.base)).rows
    }
    classes = {
        short(r[0].value): int(r[1].value) for r in store.select(rq.text("stats-entities", store.base)).rows
    }
    per_source: dict[str, dict[str, int]] = {}
    for g, cls, n in store.select(rq.text("stats-per-class", store.base)).rows:
        per_source.setdefault(short(g.value), {})[short(cls.value)] = int(n.value)
    return {"triples": store.count(), "graphs": per_graph, "classes": classes, "per_source": per_source}


def render_stats(stats: dict) -> str:
    """A plain-text summary: triples per graph, then entities per class in all and per source."""
    lines = [f"{stats['triples']} triples in {len(stats['graphs'])} graphs"]
    lines += [f"  {n:>7}  {g}" for g, n in stats["graphs"].items()]
    sources = [g for g in stats["per_source"] if g not in ("graph:ontology", "graph:derived")]
    heads = [g.removeprefix("graph:")[:14] for g in sources]
    lines.append("entities per class: all sources, then each source")
    lines.append(f"  {'':34}{'all':>7}" + "".join(f"{h:>16}" for h in heads))
    for cls, n in stats["classes"].items():
        if cls.startswith(("owl:", "rdf:", "skos:Concept")):
            continue
        per = "".join(f"{stats['per_source'][g].get(cls, ''):>16}" for g in sources)
        lines.append(f"  {cls:34}{n:>7}{per}")
    return "\n".join(lines)
