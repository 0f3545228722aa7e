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
    kind = query.kind
    if kind in ("CONSTRUCT", "DESCRIBE"):
        return Answer(kind, triples=store.construct(query.text, bindings))
    if kind == "ASK":
        return Answer(kind, boolean=store.ask(query.text, bindings))
    return Answer(kind, result=store.select(query.text, bindings, limit=query.max_rows))
