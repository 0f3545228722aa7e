"""Names of the ontology's terms in Dutch and English, and the controlled values under a
namespace: for pages and for checking filter values."""

from __future__ import annotations

import pyoxigraph as ox

from kg import rq
from kg.store import Store
from kg.store_cache import StoreCache

_LABELS = StoreCache()


def term_labels(store: Store) -> dict[str, tuple[str | None, str | None]]:
    """{term IRI: (Dutch name, English name)} of every labelled term of the ontology graph."""

    def load() -> dict[str, tuple[str | None, str | None]]:
        graph = {"g": ox.NamedNode(store.base + "graph/ontology")}
        rows = store.select(rq.text("term-labels", store.base), graph).rows
        return {t.value: (nl.value if nl else None, en.value if en else None) for t, nl, en in rows}

    return _LABELS.get(store, "labels", load)


def concepts_under(store: Store, namespace: str) -> list[str]:
    """The controlled values whose IRI starts with `namespace`."""
    rows = store.select(rq.text("concepts-under", store.base), {"ns": ox.Literal(namespace)}).rows
    return [row[0].value for row in rows]
