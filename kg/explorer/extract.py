"""Reading the graph out of the store into the explorer's data: nodes, edges, evidence, sources.

Entities (everything under `{base}id/` with a class the explorer knows) become nodes; n-ary
relation nodes (the registry's relation classes: participation, membership, citation, status
change, tenure, vote ...) and direct links between entities become edges. Each node and edge
carries the indices of its evidence: (source document, first line, last line, exact quote).
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from kg.catalog import StoredQuery, parse_query_file
from kg.errors import InputError
from kg.explorer.kinds import KINDS, class_index
from kg.explorer.labels import Labels, link_label, local_name, relation_label
from kg.query import run
from kg.store import Result, Store, Term

SPARQL = Path(__file__).parent / "sparql"
MAX_LINK_QUOTES = 3  # quotes shown for a direct link: the subject's evidence in the same letter


def internal_query(name: str) -> StoredQuery:
    """One of the explorer's own queries (kg/explorer/sparql/NAME.rq)."""
    return parse_query_file(SPARQL / f"{name}.rq")


def unlimited(store: Store) -> Store:
    """The store without the row cap meant for interactive queries: the explorer needs every row."""
    settings = store.settings
    wide = copy.copy(store)
    wide.settings = replace(settings, max_rows=10**9, query_timeout=max(settings.query_timeout, 300.0))
    return wide


def select(store: Store, query: StoredQuery, values: dict[str, str] | None = None) -> Result:
    """Rows of a SELECT; a truncated answer is an error, never silently partial data."""
    result = run(store, query, values).result
    assert result is not None, f"{query.name} is not a SELECT"
    if result.truncated and query.max_rows is None:
        raise InputError(f"query {query.name} hit the row cap; raise KG_MAX_ROWS")
    return result


def terms(store: Store, name: str) -> list[dict[str, Term | None]]:
    """Rows of an internal query as dicts of RDF terms."""
    result = select(store, internal_query(name))
    return [dict(zip(result.variables, row, strict=True)) for row in result.rows]


def rows(store: Store, name: str) -> list[dict[str, str | None]]:
    """Rows of an internal query as dicts of strings (IRIs and literal values)."""
    return [{k: (t.value if t is not None else None) for k, t in row.items()} for row in terms(store, name)]


@dataclass
class GraphData:
    """What the page draws: nodes, edges, relation names, evidence and source documents."""

    nodes: list[dict] = field(default_factory=list)
    edges: list[dict] = field(default_factory=list)
    relations: list[dict] = field(default_factory=list)
    evidence: list[list] = field(default_factory=list)
    sources: list[dict] = field(default_factory=list)
    index: dict[str, int] = field(default_factory=dict)  # node IRI -> position in nodes
    concept_labels: dict[str, dict[str, str]] = field(default_factory=dict)


class _Collector:
    """Builds GraphData step by step, de-duplicating evidence, sources and relation names."""

    def __init__(self, base: str, labels: Labels) -> None:
        self.base, self.labels, self.data = base, labels, GraphData()
        self._evidence: dict[tuple, int] = {}
        self._sources: dict[str, int] = {}
        self._relations: dict[str, int] = {}
        self._edges: dict[tuple, int] = {}

    def source(self, iri: str) -> int:
        if iri not in self._sources:
            self._sources[iri] = len(self.data.sources)
            self.data.sources.append(
                {
                    "iri": iri,
                    "id": self.node_id(iri),
                    "label": self.labels.names(iri),
                    "file": None,
                    "url": None,
                    "date": None,
                }
            )
        return self._sources[iri]

    def evidence(self, row: dict) -> int:
        key = (row["source"], int(row["start"]), int(row["end"]), row["quote"])
        if key not in self._evidence:
            self._evidence[key] = len(self.data.evidence)
            self.data.evidence.append([self.source(key[0]), key[1], key[2], key[3]])
        return self._evidence[key]

    def relation(self, key: str, names: dict[str, str], group: str) -> int:
        if key not in self._relations:
            self._relations[key] = len(self.data.relations)
            self.data.relations.append({**names, "group": group})
        return self._relations[key]

    def node_id(self, iri: str) -> str:
        prefix = self.base + "id/"
        return iri[len(prefix) :] if iri.startswith(prefix) else iri

    def edge(self, source: str, target: str, relation: int, evidence: list[int]) -> None:
        index = self.data.index
        if source not in index or target not in index or source == target:
            return
        key = (index[source], index[target], relation)
        if key in self._edges:
            edge = self.data.edges[self._edges[key]]
            edge["ev"] = sorted(set(edge["ev"]) | set(evidence))
            return
        self._edges[key] = len(self.data.edges)
        self.data.edges.append({"s": key[0], "t": key[1], "rel": relation, "ev": sorted(set(evidence))})


def extract(store: Store) -> GraphData:
    """The explorer's graph data read from `store`."""
    store = unlimited(store)
    base = store.base
    labels = Labels(terms(store, "labels"))
    kinds, relation_classes = class_index(base)
    types: dict[str, set[str]] = {}
    for row in rows(store, "entities"):
        types.setdefault(row["entity"], set()).add(row["type"])
    collect = _Collector(base, labels)
    data = collect.data
    for iri in sorted(types):
        if types[iri] & relation_classes:
            continue
        kind = next((k for cls, k in kinds if cls in types[iri]), None)
        if kind is None:
            continue
        data.index[iri] = len(data.nodes)
        data.nodes.append(
            {
                "id": collect.node_id(iri),
                "iri": iri,
                "kind": kind,
                "label": _names(labels, iri, kind),
                "alt": labels.alternatives(iri),
                "desc": labels.descriptions(iri),
                "ev": [],
                "src": [],
            }
        )
    by_subject: dict[str, list[tuple[str, int]]] = {}
    for row in rows(store, "evidence"):
        by_subject.setdefault(row["subject"], []).append((row["g"], collect.evidence(row)))
    for row in rows(store, "sources"):
        position = collect.source(row["source"])
        data.sources[position].update(file=row["file"], url=row["page"], date=row["date"])
    for iri, position in data.index.items():
        data.nodes[position]["ev"] = sorted({e for _, e in by_subject.get(iri, [])})
    for row in rows(store, "relations"):
        names, group = relation_label(row["class"], row["role"], labels)
        relation = collect.relation(f"{row['class']}|{row['role']}", names, group)
        evidence = [e for _, e in by_subject.get(row["relation"], [])]
        collect.edge(row["from"], row["to"], relation, evidence)
    for row in rows(store, "links"):
        if row["s"] not in data.index or row["o"] not in data.index:
            continue
        relation = collect.relation(row["p"], link_label(row["p"], labels), "link")
        quotes = sorted((data.evidence[e][1], e) for g, e in by_subject.get(row["s"], []) if g == row["g"])
        collect.edge(row["s"], row["o"], relation, [e for _, e in quotes[:MAX_LINK_QUOTES]])
    _node_sources(data)
    data.concept_labels = labels.concepts()
    return data


KAMERSTUK = re.compile(r"kst-(\d+)-(\w+)")


def _names(labels: Labels, iri: str, kind: str) -> dict[str, str | None]:
    """The entity's names; without any label, the name of its kind and the last part of its IRI.
    A Kamerstuk known only by its identifier is named as it is cited ("Kamerstuk 29282, nr. 533")."""
    names = labels.names(iri)
    cited = KAMERSTUK.fullmatch(names["nl"] or "")
    if cited and names["en"] is None:
        dossier, number = cited.groups()
        return {
            "nl": f"Kamerstuk {dossier}, nr. {number}",
            "en": f"Parliamentary paper {dossier}, no. {number}",
        }
    if names["nl"] is None:
        found = next(k for k in KINDS if k.id == kind)
        slug = local_name(iri)
        return {"nl": f"{found.nl} {slug}", "en": f"{found.en} {slug}"}
    return names


def _node_sources(data: GraphData) -> None:
    """Each node's source documents: those of its own evidence and of its edges' evidence."""
    found: list[set[int]] = [{data.evidence[e][0] for e in node["ev"]} for node in data.nodes]
    for edge in data.edges:
        letters = {data.evidence[e][0] for e in edge["ev"]}
        found[edge["s"]] |= letters
        found[edge["t"]] |= letters
    for node, letters in zip(data.nodes, found, strict=True):
        node["src"] = sorted(letters)
