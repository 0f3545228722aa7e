"""The library's own SPARQL, kept as `.rq` files in `kg/sparql/` (as the stored queries are).

The files hold no PREFIX lines: `text` puts the project's prologue (`sparql_prologue`) in front,
so every prefix of `kg.namespaces` is known and resolved against the store's base.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from kg.namespaces import sparql_prologue

FOLDER = Path(__file__).parent / "sparql"


@cache
def _body(name: str) -> str:
    return (FOLDER / f"{name}.rq").read_text(encoding="utf-8")


@cache
def text(name: str, base: str) -> str:
    """The query `kg/sparql/{name}.rq` with the prologue of all known prefixes for `base`."""
    return f"{sparql_prologue(base)}\n{_body(name)}"
