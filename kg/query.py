"""Running stored or ad-hoc queries: the one code path behind `kg query` and `GET /queries/{name}`."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kg.catalog import Catalog, StoredQuery, parse_query_file
from kg.errors import NotFound
from kg.store import Result, Store


@dataclass
class Answer:
    """What a query returned: rows (SELECT), triples (CONSTRUCT/DESCRIBE) or a boolean (ASK)."""

    kind: str
    result: Result | None = None
    triples: list[ox.Triple] | None = None
    boolean: bool | None = None


def resolve(spec: str, catalog: Catalog) -> StoredQuery:
    """A stored query by name, a .rq file by path, or else the text itself as a query."""
    if spec in catalog.queries:
        return catalog.queries[spec]
    path = Path(spec)
    if spec.endswith(".rq") and "\n" not in spec:
        if not path.is_file():
            raise NotFound(f"no query file {spec}; stored queries: {', '.join(catalog.queries)}")
        return parse_query_file(path)
    if any(k in spec.upper() for k in ("SELECT", "CONSTRUCT", "ASK", "DESCRIBE")):
        return StoredQuery("adhoc", "ad-hoc query", "", spec)
    raise NotFound(f"no stored query {spec!r}; known: {', '.join(catalog.queries)}")


def run(store: Store, query: StoredQuery, values: dict[str, str] | None = None) -> Answer:
    """Bind the parameters as RDF terms and run the query on `store`."""
    bindings = query.bind(values or {}, store.base)
    kept = kept_answer(store, query, bindings)
    if kept is not None:
        return kept
    kind = query.kind
    if kind in ("CONSTRUCT", "DESCRIBE"):
        return Answer(kind, triples=store.construct(query.text, bindings))
    if kind == "ASK":
        return Answer(kind, boolean=store.ask(query.text, bindings))
    return Answer(kind, result=store.select(query.text, bindings, limit=query.max_rows))


def kept_answer(store: Store, query: StoredQuery, bindings: dict) -> Answer | None:
    """The answer of a stored query that the served build keeps as an aggregate (computed once
    per build); None when the query has none, or the store is remote or changed since its build."""
    from kg import aggregates

    build = getattr(store, "build", None)
    if build is None or bindings or query.name not in aggregates.KEPT:
        return None
    return Answer("SELECT", result=aggregates.result(query.name, *build, _cap(store, query)))


def _cap(store: Store, query: StoredQuery) -> int:
    rows = store.settings.max_rows
    return rows if query.max_rows is None else min(rows, query.max_rows)
