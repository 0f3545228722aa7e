"""What the SPARQL editor knows: the stored queries with their parameters (as a form), the
project's prefixes, and the classes and properties of its own ontology and data (for completion,
so the editor never asks an outside service)."""

from __future__ import annotations

import re
from pathlib import Path

from kg.catalog import Catalog, StoredQuery, parse_query_file
from kg.namespaces import prefixes
from kg.query import run
from kg.store import Store, bind_values

TERMS = parse_query_file(Path(__file__).parent / "queries" / "editor-terms.rq")
_RELATIVE_PREFIX = re.compile(
    r"^(PREFIX\s+[\w-]*:\s*<)(?![a-zA-Z][\w+.-]*:)([^>]*>)", re.MULTILINE | re.IGNORECASE
)


def absolute(text: str, base: str) -> str:
    """The query with its relative PREFIX IRIs (`<def#>`) resolved against the base, as the
    endpoint reads them, so a researcher sees the real namespaces and results shorten to them."""
    return _RELATIVE_PREFIX.sub(lambda m: m.group(1) + base + m.group(2), text)


def examples(catalog: Catalog | None, base: str) -> list[dict]:
    """The stored queries as the editor shows them: title, description, text, parameters."""
    return [
        {
            "name": q.name,
            "title": q.title,
            "description": q.description,
            "text": absolute(q.text, base),
            "params": [
                {"name": p.name, "type": p.type, "default": p.default, "description": p.description}
                for p in q.params
            ],
        }
        for q in (catalog or [])
    ]


def bound_text(query: StoredQuery, values: dict[str, str], base: str) -> str:
    """The stored query with its parameters bound (a VALUES block, as `kg query` runs it)."""
    return absolute(bind_values(query.text, query.bind(values, base)), base)


def terms(store: Store) -> dict[str, list[str]]:
    """Classes and properties for completion, and the prefixes, all from this project."""
    found: dict[str, set[str]] = {"class": set(), "property": set()}
    result = run(store, TERMS).result
    for term, role in result.rows if result else []:
        found[role.value].add(term.value)
    return {
        "classes": sorted(found["class"]),
        "properties": sorted(found["property"]),
        "prefixes": [f"{k}: <{v}>" for k, v in prefixes(store.base).items()],
    }
