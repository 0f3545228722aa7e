"""Helpers the fact writers share: declaring an entity the graph already holds, counting new ones."""

from __future__ import annotations

from kg.ingest.records import Quote
from kg.ingest.trig import Graph, lit, name, type_name


def known(g: Graph, iri: str, quotes: list[Quote]) -> str:
    """Declare an entity of the graph again in this document's graph, with its labels and this evidence."""
    entity, base = g.entities[iri], g.base
    node = name(iri[len(base) :]) if iri.startswith(base) else f"<{iri}>"
    for t in sorted(entity.types):  # again for each fact, so a fact re-pointed elsewhere leaves it declared
        g.add(node, "a", type_name(t, base))
    for lang, label in sorted(entity.labels.items()):
        g.add(node, "skos:prefLabel", lit(label, lang or None))
    for q in quotes:
        g.cite(node, q)
    return node


def tally(g: Graph, relative: str, label: str) -> None:
    """Count a node as new, or as already in the graph (a link the reviewer should check)."""
    (g.proposal.linked if g.base + relative in g.known_ids else g.proposal.new).append(label)


def is_known(g: Graph, relative: str) -> bool:
    return g.base + relative in g.known_ids or g.base + relative in g.entities
