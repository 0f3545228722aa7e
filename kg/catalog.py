"""Stored queries: `queries/*.rq` files with a header of title, description, typed parameters.

Header lines (comments before the query):

    # title: Partijen bij een akkoord
    # description: Wie nam deel aan het akkoord, in welke rol, met de bewijszin.
    # param: agreement iri = ag:hlo -- het akkoord (prefixed name or full IRI)
    # max-rows: 500

A parameter names a variable of the query; its value is bound as an RDF term
(a VALUES block of serialised terms, `kg.store.bind_values`), never pasted into the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path

import pyoxigraph as ox

from kg.errors import NotFound, ParameterError
from kg.namespaces import prefixes
from kg.store import Term, query_kind

XSD = "http://www.w3.org/2001/XMLSchema#"
TYPES = ("iri", "string", "integer", "decimal", "date", "boolean")
_PARAM = re.compile(r"^(\w+)\s+(\w+)(?:\s*=\s*(\S+))?(?:\s*--\s*(.*))?$")


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    default: str | None = None
    description: str = ""

    @property
    def required(self) -> bool:
        return self.default is None


@dataclass(frozen=True)
class StoredQuery:
    name: str
    title: str
    description: str
    text: str
    params: tuple[Param, ...] = field(default_factory=tuple)
    max_rows: int | None = None

    @property
    def kind(self) -> str:
        return query_kind(self.text)

    def bind(self, values: dict[str, str], base: str) -> dict[str, Term]:
        """Typed RDF terms for `values` plus defaults; unknown, missing or ill-typed values are refused."""
        known = {p.name: p for p in self.params}
        unknown = sorted(set(values) - set(known))
        if unknown:
            raise ParameterError(
                f"query {self.name!r} has no parameter {', '.join(unknown)}; "
                f"it takes: {self.signature() or 'no parameters'}",
                parameter=unknown[0],
            )
        bound: dict[str, Term] = {}
        for param in self.params:
            raw = values.get(param.name, param.default)
            if raw is None:
                raise ParameterError(
                    f"query {self.name!r} needs parameter {param.name!r} ({param.type}): {param.description}",
                    parameter=param.name,
                )
            bound[param.name] = to_term(raw, param, base)
        return bound

    def signature(self) -> str:
        return ", ".join(
            f"{p.name}: {p.type}" + ("" if p.required else f" = {p.default}") for p in self.params
        )


def to_term(raw: str, param: Param, base: str) -> Term:
    """Parse a parameter value as its declared type."""

    def bad(hint: str) -> ParameterError:
        return ParameterError(f"parameter {param.name!r} must be {hint}, got {raw!r}", parameter=param.name)

    if param.type == "iri":
        try:
            return ox.NamedNode(expand(raw, base, bad))
        except ValueError:
            raise bad("a valid IRI") from None
    if param.type == "integer":
        if not re.fullmatch(r"[+-]?\d{1,18}", raw.strip()):
            raise bad("an integer")
        return ox.Literal(str(int(raw)), datatype=ox.NamedNode(XSD + "integer"))
    if param.type == "decimal":
        try:
            return ox.Literal(str(Decimal(raw)), datatype=ox.NamedNode(XSD + "decimal"))
        except InvalidOperation:
            raise bad("a decimal number") from None
    if param.type == "date":
        try:
            return ox.Literal(date.fromisoformat(raw).isoformat(), datatype=ox.NamedNode(XSD + "date"))
        except ValueError:
            raise bad("a date (YYYY-MM-DD)") from None
    if param.type == "boolean":
        if raw.lower() not in {"true", "false", "1", "0"}:
            raise bad("true or false")
        return ox.Literal(str(raw.lower() in {"true", "1"}).lower(), datatype=ox.NamedNode(XSD + "boolean"))
    return ox.Literal(raw)


def expand(raw: str, base: str, bad) -> str:
    """A full IRI from a prefixed name (ag:hlo), a path relative to the base (id/agreement/hlo) or an IRI."""
    raw = raw.strip().strip("<>")
    if re.fullmatch(r"[a-z][\w]*:[\w\-.]+", raw) and not raw.startswith(("http:", "https:", "urn:")):
        prefix, local = raw.split(":", 1)
        known = prefixes(base)
        if prefix not in known:
            raise bad(f"an IRI or a prefixed name with a known prefix ({', '.join(sorted(known))})")
        return known[prefix] + local
    if raw.startswith("id/"):
        return base + raw
    if re.fullmatch(r"(https?|urn):[^\s<>\"{}|\\^`]+", raw):
        return raw
    raise bad("an IRI (http://..., a prefixed name like ag:hlo, or id/kind/slug)")


def parse_query_file(path: Path) -> StoredQuery:
    text = path.read_text(encoding="utf-8")
    header: dict[str, list[str]] = {}
    for line in text.splitlines():
        match = re.match(r"^#\s*([\w-]+):\s*(.*)$", line)
        if match:
            header.setdefault(match.group(1).lower(), []).append(match.group(2).strip())
        elif line.strip() and not line.startswith("#"):
            break
    params = []
    for spec in header.get("param", []):
        match = _PARAM.match(spec)
        if not match or match.group(2) not in TYPES:
            raise ParameterError(
                f"{path}: bad parameter line {spec!r}; write "
                f"'# param: name TYPE [= default] [-- description]' with TYPE one of {TYPES}"
            )
        params.append(Param(match.group(1), match.group(2), match.group(3), match.group(4) or ""))
    max_rows = header.get("max-rows", [None])[0]
    return StoredQuery(
        path.stem,
        " ".join(header.get("title", [path.stem])),
        " ".join(header.get("description", [])),
        text,
        tuple(params),
        int(max_rows) if max_rows else None,
    )


class Catalog:
    """All stored queries of a folder, by name."""

    def __init__(self, folder: Path) -> None:
        self.queries = {q.name: q for q in map(parse_query_file, sorted(folder.glob("*.rq")))}

    def get(self, name: str) -> StoredQuery:
        try:
            return self.queries[name]
        except KeyError:
            raise NotFound(f"no stored query {name!r}; known: {', '.join(self.queries)}") from None

    def __iter__(self):
        return iter(self.queries.values())
