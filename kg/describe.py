"""What the graph says about one entity: labels, types, literal properties, relations in both
directions (also through the n-ary relation nodes and the other nodes the kinds registry marks
as shown via: participations, memberships, citations, status changes, tenures, votes,
commitments ...), each with the quotes that prove it. The queries are `kg/sparql/describe-*.rq`.

One function for the API, the entity pages and anybody else: `describe(store, iri)`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pyoxigraph as ox

from kg import rq
from kg.errors import NotFound
from kg.store import Store, Term

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


@dataclass(frozen=True)
class Evidence:
    """A quote from a source document, with its line range and where to read it."""

    quote: str
    source: str
    source_label: str | None = None
    start_line: int | None = None
    end_line: int | None = None
    source_file: str | None = None
    page: str | None = None


@dataclass
class Value:
    """An IRI with its label, or a literal with its language or datatype."""

    value: str
    is_iri: bool
    label: str | None = None
    language: str | None = None
    datatype: str | None = None


@dataclass
class Relation:
    """One link: `out` (entity -p-> target), `in` (target -p-> entity) or `via` an n-ary node."""

    direction: str
    predicate: str
    target: Value
    graph: str | None = None
    node_type: str | None = None
    details: list[tuple[str, Value]] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class Description:
    iri: str
    label: str
    labels: list[Value] = field(default_factory=list)
    types: list[str] = field(default_factory=list)
    properties: list[tuple[str, Value]] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    graphs: list[str] = field(default_factory=list)


def value(term: Term, label: Term | None = None) -> Value:
    if isinstance(term, ox.Literal):
        datatype = term.datatype.value if not term.language else None
        return Value(term.value, False, None, term.language, datatype)
    return Value(term.value, True, label.value if label is not None else None)


def _better(old: str | None, new: Term | None) -> str | None:
    if new is None:
        return old
    if old is None or getattr(new, "language", None) in ("nl", None, ""):
        return new.value if old is None or getattr(new, "language", "") in ("nl", "") else old
    return old


def _node(iri: str) -> ox.NamedNode:
    try:
        return ox.NamedNode(iri)
    except ValueError:
        raise NotFound(f"{iri!r} is not an identifier of this graph", id=iri) from None


def describe(store: Store, iri: str) -> Description:
    """Everything the graph states about `iri`; NotFound when it appears in no triple."""
    subject = {"s": _node(iri)}
    out = store.select(rq.text("describe-out", store.base), subject).rows
    incoming = store.select(rq.text("describe-in", store.base), subject).rows
    if not out and not incoming:
        raise NotFound(f"nothing is known about {iri}", id=iri)
    evidence = _evidence(
        store.select(rq.text("describe-own-evidence", store.base), subject).rows
        + store.select(rq.text("describe-node-evidence", store.base), subject).rows
    )
    desc = Description(iri, iri.rsplit("/", 1)[-1], evidence=evidence.pop(iri, []))
    relations: dict[tuple, Relation] = {}
    label_rank = 9
    for p, o, g, ol in out:
        _add_graph(desc, g)
        if p.value == RDF_TYPE:
            desc.types.append(o.value) if o.value not in desc.types else None
        elif isinstance(o, ox.Literal):
            v = value(o)
            if p.value.endswith(("#prefLabel", "/title", "#label")):
                desc.labels.append(v) if v not in desc.labels else None
                rank = {"nl": 0, None: 1, "en": 2}.get(o.language, 3) * 3 + (
                    0 if "prefLabel" in p.value else 1
                )
                if rank < label_rank:
                    label_rank, desc.label = rank, o.value
            elif (p.value, v) not in desc.properties:
                desc.properties.append((p.value, v))
        else:
            key = ("out", p.value, o.value)
            rel = relations.setdefault(key, Relation("out", p.value, value(o), g.value))
            rel.target.label = _better(rel.target.label, ol)
    for x, p, g, xl in incoming:
        rel = relations.setdefault(("in", p.value, x.value), Relation("in", p.value, value(x), g.value))
        rel.target.label = _better(rel.target.label, xl)
    for node, node_type, link, p, x, g, xl in store.select(rq.text("describe-via", store.base), subject).rows:
        key = ("via", link.value, node.value)
        rel = relations.setdefault(
            key,
            Relation(
                "via",
                link.value,
                value(node),
                g.value,
                node_type.value,
                evidence=evidence.get(node.value, []),
            ),
        )
        detail = value(x, xl)
        for name, old in rel.details:
            if name == p.value and old.value == detail.value:
                old.label = _better(old.label, xl)
                break
        else:
            rel.details.append((p.value, detail))
    for rel in relations.values():
        rel.details.sort(key=lambda d: (d[0], d[1].value))
        rel.evidence.sort(key=_evidence_order)
    desc.relations = sorted(relations.values(), key=lambda r: (r.direction, r.predicate, r.target.value))
    desc.labels.sort(key=lambda v: (v.language or "", v.value))
    desc.properties.sort(key=lambda pv: (pv[0], pv[1].language or "", pv[1].value))
    desc.evidence.sort(key=_evidence_order)
    desc.graphs.sort()
    return desc


def _evidence_order(e: Evidence) -> tuple:
    return (e.source, e.start_line or 0, e.end_line or 0, e.quote)


def _add_graph(desc: Description, graph: Term | None) -> None:
    if graph is not None and graph.value not in desc.graphs:
        desc.graphs.append(graph.value)


def _evidence(rows: list[list[Term | None]]) -> dict[str, list[Evidence]]:
    found: dict[str, list[Evidence]] = {}
    for node, quote, start, end, source, source_label, file, page in rows:
        item = Evidence(
            quote.value,
            source.value,
            source_label.value if source_label else None,
            int(start.value) if start else None,
            int(end.value) if end else None,
            file.value if file else None,
            page.value if page else None,
        )
        bucket = found.setdefault(node.value, [])
        if item not in bucket:
            bucket.append(item)
    return found


def entity_graph(store: Store, iri: str) -> list[ox.Triple]:
    """The triples about `iri` (outgoing, incoming, and its evidence nodes), for Turtle/JSON-LD."""
    query = rq.text("entity-graph", store.base)
    triples = store.construct(query, {"s": _node(iri)})
    if not triples:
        raise NotFound(f"nothing is known about {iri}", id=iri)
    return triples


@dataclass(frozen=True)
class SourceDocument:
    """A letter the graph was curated from, with the file name of its text (kgdef:sourceFile)."""

    iri: str
    file: str
    title: str | None
    page: str | None


def source_documents(store: Store) -> dict[str, SourceDocument]:
    """Source documents by file name; names with a path in them are ignored."""
    query = rq.text("source-documents", store.base)
    found = {}
    for doc, file, title, page in store.select(query).rows:
        name = file.value
        if name and "/" not in name and "\\" not in name and not name.startswith("."):
            found[name] = SourceDocument(
                doc.value, name, title.value if title else None, page.value if page else None
            )
    return found


def ontology_graph(store: Store) -> list[ox.Triple]:
    """Every triple of the ontology's named graph (`{base}graph/ontology`)."""
    query = rq.text("graph-triples", store.base)
    return store.construct(query, {"g": ox.NamedNode(store.base + "graph/ontology")})


def ontology_terms(store: Store) -> list[tuple[str, str, str | None, str | None]]:
    """(term, kind, label, comment) of each class and property the project defines."""
    query = rq.text("ontology-terms", store.base)
    rows = store.select(query, {"g": ox.NamedNode(store.base + "graph/ontology")}).rows
    return [
        (t.value, k.value, lab.value if lab else None, com.value if com else None) for t, k, lab, com in rows
    ]
