"""The kinds registry: what every class of the graph is, read once from the ontology's annotations.

Each `owl:Class` in `ontology/kg.ttl` carries its own registry entry (`kgdef:idSegment`,
`kgdef:urlPlural`, `kgdef:explorerColour` ..., see "the kinds registry" there). The lists the code
needs (REST kinds, explorer kinds, the relation classes, what `describe` shows via n-ary nodes,
what `kg ingest` recognises by name) are derived here, so a new kind is one declaration.

IRIs of the project's own terms stay relative (`def#Agreement`), as in the sources; `absolute`
resolves them against a base.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pyoxigraph as ox

from kg.namespaces import STANDARD

ONTOLOGY = Path(__file__).resolve().parent.parent / "ontology" / "kg.ttl"
_BASE = "http://kinds.invalid/"  # a stand-in base: the project's IRIs are kept relative
_KG = _BASE + "def#"
RDF_TYPE = STANDARD["rdf"] + "type"
OWL = STANDARD["owl"]
RDFS = STANDARD["rdfs"]


@dataclass(frozen=True)
class Explorer:
    """How the explorer draws a kind of node."""

    id: str
    nl: str
    en: str
    color: str
    shape: str
    weight: float


@dataclass(frozen=True)
class Relation:
    """An n-ary relation drawn as an edge: which properties lead from and to what, and its role."""

    source: str
    target: str
    role: str | None
    nl: str
    en: str


@dataclass(frozen=True)
class KindDecl:
    """One class of the graph as the registry declares it."""

    class_iri: str  # relative for the project's terms (def#Agreement), else absolute
    nl: str
    en: str
    segment: str | None
    plural: str | None = None
    kind_filter: str | None = None
    gazetteer: bool = False
    explorer: Explorer | None = None  # set on the class that defines an explorer kind
    explorer_kind: str | None = None  # the explorer kind this class is drawn as
    relation: Relation | None = None
    shown_via: bool = False
    page_query: str | None = None
    deprecated: bool = False
    depth: int = 0  # subclass depth: an organisation that is also a faction is drawn as a faction
    parents: tuple[str, ...] = ()  # the registry's classes it is a subclass of

    @property
    def name(self) -> str:
        """The local name: Agreement, Organization, VoteEvent."""
        return self.class_iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]

    def absolute(self, base: str) -> str:
        return absolute(self.class_iri, base)


def absolute(iri: str, base: str) -> str:
    """A registry IRI resolved against `base` (the project's terms are relative)."""
    return iri if "://" in iri else base + iri


def _relative(value: str) -> str:
    return value[len(_BASE) :] if value.startswith(_BASE) else value


@cache
def registry(path: Path = ONTOLOGY) -> tuple[KindDecl, ...]:
    """Every class declared in the ontology, in order of declaration, with its registry entry."""
    props: dict[str, dict[str, list[ox.Literal | ox.NamedNode]]] = {}
    order: list[str] = []
    for q in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE, base_iri=_BASE):
        if q.predicate.value == RDF_TYPE and q.object.value == OWL + "Class":
            order.append(q.subject.value)
        props.setdefault(q.subject.value, {}).setdefault(q.predicate.value, []).append(q.object)

    def one(iri: str, name: str) -> str | None:
        values = props.get(iri, {}).get(_KG + name if ":" not in name else name, [])
        return values[0].value if values else None

    def lang(iri: str, name: str, language: str) -> str:
        values = props.get(iri, {}).get(name, [])
        return next((v.value for v in values if getattr(v, "language", None) == language), "")

    def depth(iri: str, seen: frozenset[str] = frozenset()) -> int:
        parents = [p.value for p in props.get(iri, {}).get(RDFS + "subClassOf", []) if p.value in order]
        return max((1 + depth(p, seen | {iri}) for p in parents if p not in seen), default=0)

    kinds = []
    for iri in order:
        nl, en = lang(iri, RDFS + "label", "nl"), lang(iri, RDFS + "label", "en")
        segment = one(iri, "idSegment")
        explorer = None
        if colour := one(iri, "explorerColour"):
            explorer = Explorer(
                one(iri, "explorerKind") or segment or "",
                nl,
                en,
                colour,
                one(iri, "explorerShape") or "circle",
                float(one(iri, "explorerWeight") or 1),
            )
        relation = None
        if source := one(iri, "relationFrom"):
            role = one(iri, "relationRole")
            relation = Relation(
                _relative(source),
                _relative(one(iri, "relationTo") or ""),
                _relative(role) if role else None,
                lang(iri, _KG + "relationLabel", "nl"),
                lang(iri, _KG + "relationLabel", "en"),
            )
        kinds.append(
            KindDecl(
                class_iri=_relative(iri),
                nl=nl,
                en=en,
                segment=segment,
                plural=one(iri, "urlPlural"),
                kind_filter=one(iri, "kindFilter"),
                gazetteer=one(iri, "gazetteer") == "true",
                explorer=explorer,
                explorer_kind=one(iri, "explorerKind") or (segment if explorer else None),
                relation=relation,
                shown_via=one(iri, "shownVia") == "true",
                page_query=one(iri, "pageQuery"),
                deprecated=one(iri, OWL + "deprecated") == "true",
                depth=depth(iri),
                parents=tuple(
                    _relative(p.value) for p in props[iri].get(RDFS + "subClassOf", []) if p.value in order
                ),
            )
        )
    return tuple(kinds)


def current() -> tuple[KindDecl, ...]:
    """The registry's kinds that are not deprecated."""
    return tuple(k for k in registry() if not k.deprecated)


def explorer_kinds() -> tuple[Explorer, ...]:
    """The explorer's node kinds (legend order: most specific class first, then as declared)."""
    ordered = sorted((k for k in current() if k.explorer), key=lambda k: -k.depth)
    return tuple(k.explorer for k in ordered if k.explorer)


def explorer_classes() -> list[tuple[str, str]]:
    """(class IRI, explorer kind id) of every class drawn as a node, most specific class first."""
    ids = {e.id for e in explorer_kinds()}
    drawn = [k for k in current() if k.explorer_kind in ids]
    return [(k.class_iri, k.explorer_kind or "") for k in sorted(drawn, key=lambda k: -k.depth)]


def not_nodes() -> tuple[KindDecl, ...]:
    """Classes whose instances are never drawn as nodes: relations and details (evidence, counts)."""
    drawn = {c for c, _ in explorer_classes()}
    return tuple(k for k in registry() if k.class_iri not in drawn)


def relations() -> tuple[KindDecl, ...]:
    """The n-ary relation classes, drawn as edges."""
    return tuple(k for k in current() if k.relation is not None)


def shown_via() -> tuple[KindDecl, ...]:
    """Classes whose nodes an entity page shows with their details: relations and `shownVia` ones."""
    return tuple(k for k in current() if k.relation is not None or k.shown_via)


def listed_by(kind: KindDecl) -> KindDecl | None:
    """The kind whose REST list holds the instances of `kind`: its own, else its nearest parent's."""
    if kind.plural:
        return kind
    by_iri = {k.class_iri: k for k in registry()}
    for parent in kind.parents:
        if (found := listed_by(by_iri[parent])) is not None:
            return found
    return None


def listable() -> tuple[KindDecl, ...]:
    """Classes with a REST list, in order of declaration."""
    return tuple(k for k in current() if k.plural)


def gazetteer() -> dict[str, str]:
    """Class IRI (relative for the project's terms) -> kind name, for what ingest recognises by name."""
    return {k.class_iri: k.segment or k.name.lower() for k in current() if k.gazetteer}


def page_queries() -> dict[str, str]:
    """Class IRI -> the stored query an entity page of that class shows."""
    return {k.class_iri: k.page_query for k in current() if k.page_query}
