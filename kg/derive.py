"""Derived facts computed at build time, kept apart in their own named graph.

Each letter's graph names entities in its own words, so across letters an entity can have
several preferred labels ("Wlz" in one letter, "Wet langdurige zorg"@nl in another). The
build picks one display name per language as `rdfs:label` in `graph/derived`, so queries,
the API and the explorer need no label logic: Dutch prefers an @nl prefLabel over an untagged
one and the fuller over the shorter; English prefers an @en prefLabel, else the Dutch choice.
"""

from __future__ import annotations

import pyoxigraph as ox

SKOS_PREF = "http://www.w3.org/2004/02/skos/core#prefLabel"
RDFS_LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
_LABELS = f"SELECT DISTINCT ?s ?l WHERE {{ GRAPH ?g {{ ?s <{SKOS_PREF}> ?l }} }}"


def derived_graph(base: str) -> ox.NamedNode:
    return ox.NamedNode(base + "graph/derived")


def display_labels(store: ox.Store, base: str) -> list[ox.Quad]:
    """One rdfs:label per entity per language (nl, en), chosen from its prefLabels in all graphs."""
    labels: dict[ox.NamedNode | ox.BlankNode, list[ox.Literal]] = {}
    for row in store.query(_LABELS):
        labels.setdefault(row["s"], []).append(row["l"])
    return _chosen(labels, base)


def display_labels_for(store: ox.Store, subjects: set, base: str) -> list[ox.Quad]:
    """The display labels of `subjects` only (after a graph that names them changed)."""
    pref, default = ox.NamedNode(SKOS_PREF), ox.DefaultGraph()
    labels: dict[ox.NamedNode | ox.BlankNode, list[ox.Literal]] = {}
    for subject in subjects:
        found = {q.object for q in store.quads_for_pattern(subject, pref, None) if q.graph_name != default}
        if found:
            labels[subject] = sorted(found, key=str)
    return _chosen(labels, base)


def _chosen(labels: dict, base: str) -> list[ox.Quad]:
    graph = derived_graph(base)
    quads = []
    for subject, found in labels.items():
        dutch = [lit for lit in found if lit.language in (None, "nl")]
        english = [lit for lit in found if lit.language == "en"]
        nl = max(dutch, key=lambda lit: (lit.language == "nl", len(lit.value), lit.value), default=None)
        en = max(english, key=lambda lit: (len(lit.value), lit.value), default=None) or nl
        nl = nl or en
        quads.append(ox.Quad(subject, RDFS_LABEL, ox.Literal(nl.value, language="nl"), graph))
        quads.append(ox.Quad(subject, RDFS_LABEL, ox.Literal(en.value, language="en"), graph))
    return quads
