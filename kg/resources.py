"""Listing the main kinds of entity (organisations, agreements, laws ...) with filters and paging."""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox

from kg import kinds, rq
from kg.catalog import expand
from kg.errors import ParameterError
from kg.search import all_rows
from kg.store import Store, Term
from kg.store_cache import StoreCache


@dataclass(frozen=True)
class Kind:
    """A listable kind: its plural name in URLs, its `/id/{slug}/` segment and its class."""

    plural: str
    segment: str
    class_iri: str
    kind_namespace: str | None = None  # def/orgkind/ etc.: what the `kind` filter selects


#: the REST kinds, derived from the registry in the ontology (kg/kinds.py)
KINDS = {
    k.plural: Kind(k.plural, k.segment or k.name.lower(), k.class_iri, k.kind_filter)
    for k in kinds.listable()
    if k.plural
}


@dataclass(frozen=True)
class Item:
    iri: str
    slug: str
    label: str
    abbreviations: tuple[str, ...]


@dataclass(frozen=True)
class Filters:
    kind: str | None = None
    graph: str | None = None
    participates_in: str | None = None


def _bindings(kind: Kind, filters: Filters, base: str) -> dict[str, Term]:
    def bad(name: str):
        return lambda hint: ParameterError(f"filter {name!r} must be {hint}", parameter=name)

    def node(name: str, value: str) -> ox.NamedNode:
        try:
            return ox.NamedNode(expand(value, base, bad(name)))
        except ValueError:
            raise bad(name)("an IRI, a prefixed name or a slug") from None

    bound: dict[str, Term] = {"class": ox.NamedNode(expand_class(kind.class_iri, base))}
    if filters.kind:
        value = (
            filters.kind if ":" in filters.kind else f"{base}{kind.kind_namespace or 'def/'}{filters.kind}"
        )
        bound["kindConcept"] = node("kind", value)
    if filters.graph:
        value = filters.graph if ":" in filters.graph else f"{base}graph/{filters.graph}"
        bound["graph"] = node("graph", value)
    if filters.participates_in:
        value = filters.participates_in
        value = f"id/{value}" if "/" in value and ":" not in value and not value.startswith("id/") else value
        bound["initiative"] = node("participates_in", value)
    return bound


def expand_class(class_iri: str, base: str) -> str:
    return kinds.absolute(class_iri, base)


def list_resources(
    store: Store, kind: Kind, filters: Filters, limit: int = 50, offset: int = 0
) -> tuple[list[Item], int]:
    """One page of entities of `kind` (by name), and how many match in all."""
    items = _listing(store, kind, filters)
    return items[offset : offset + limit], len(items)


def _listing(store: Store, kind: Kind, filters: Filters) -> list[Item]:
    """All entities of `kind` that pass `filters`, by name: queried once per store and kept, so a
    page is a slice (sorting thousands of labels in SPARQL costs 50-100 ms at 1M triples)."""
    return _LISTINGS.get(store, (kind.plural, filters), lambda: _query_listing(store, kind, filters))


def _query_listing(store: Store, kind: Kind, filters: Filters) -> list[Item]:
    query = rq.text("list-resources", store.base)
    labels: dict[str, str] = {}
    alts: dict[str, set[str]] = {}
    for s, label, alt in all_rows(store, query, bindings=_bindings(kind, filters, store.base)):
        names = alts.setdefault(s.value, set())
        if label is not None and (s.value not in labels or label.value < labels[s.value]):
            labels[s.value] = label.value
        if alt is not None:
            names.add(alt.value)
    prefix = f"{store.base}id/{kind.segment}/"
    items = [
        Item(
            iri,
            iri[len(prefix) :] if iri.startswith(prefix) else iri,
            labels.get(iri) or iri.rsplit("/", 1)[-1],
            tuple(sorted(names)),
        )
        for iri, names in alts.items()
    ]
    items.sort(key=lambda item: (item.label.lower(), item.iri))
    return items


_LISTINGS: StoreCache[list[Item]] = StoreCache(limit=64)
