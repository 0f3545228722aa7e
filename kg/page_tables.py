"""The tables an entity's page shows besides its description: the rows of the stored query the
kinds registry names for its class (`kgdef:pageQuery`: a motion's votes, a person's posts)."""

from __future__ import annotations

from dataclasses import dataclass

from kg import kinds
from kg.catalog import Catalog
from kg.describe import Value, value
from kg.query import run
from kg.store import Store


@dataclass(frozen=True)
class PageTable:
    """Rows of one stored query about the entity: its name, title, columns and values."""

    query: str
    param: str  # the parameter the entity is bound to
    title: str
    columns: list[str]
    rows: list[list[Value | None]]


def page_tables(store: Store, catalog: Catalog, iri: str, types: list[str]) -> list[PageTable]:
    """One table per stored query that the classes of the entity name, bound to the entity."""
    tables = []
    wanted = {kinds.absolute(c, store.base): q for c, q in kinds.page_queries().items()}
    for name in dict.fromkeys(wanted[t] for t in types if t in wanted):
        query = catalog.get(name)
        param = query.params[0].name
        result = run(store, query, {param: iri}).result
        if result is None or not result.rows:
            continue
        tables.append(
            PageTable(
                name,
                param,
                query.title,
                list(result.variables),
                [[value(t) if t is not None else None for t in row] for row in result.rows],
            )
        )
    return tables
