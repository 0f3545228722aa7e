"""Writing query answers as table, JSON (SPARQL results), CSV, TSV or Turtle."""

from __future__ import annotations

import csv
import io
import json

import pyoxigraph as ox

from kg.store import Result, Term

SELECT_FORMATS = ("table", "json", "csv", "tsv")
GRAPH_FORMATS = ("turtle", "ntriples", "jsonld")


def plain(term: Term | None) -> str:
    return "" if term is None else term.value


def term_json(term: Term) -> dict[str, str]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    out = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
        out["datatype"] = term.datatype.value
    return out


def to_json(result: Result) -> dict:
    """SPARQL 1.1 Query Results JSON, plus a `truncated` flag."""
    bindings = [
        {v: term_json(t) for v, t in zip(result.variables, row) if t is not None} for row in result.rows
    ]
    return {
        "head": {"vars": result.variables},
        "results": {"bindings": bindings},
        "truncated": result.truncated,
    }


def to_delimited(result: Result, delimiter: str) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    writer.writerow(result.variables)
    writer.writerows([[plain(t) for t in row] for row in result.rows])
    return out.getvalue()


def to_table(result: Result, width: int = 60) -> str:
    cells = [[plain(t).replace("\n", " ") for t in row] for row in result.rows]
    cells = [[c if len(c) <= width else c[: width - 1] + "…" for c in row] for row in cells]
    widths = [max([len(v)] + [len(r[i]) for r in cells]) for i, v in enumerate(result.variables)]
    line = lambda row: "  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip()  # noqa: E731
    lines = [line(result.variables), line(["-" * w for w in widths]), *map(line, cells)]
    lines.append(f"({len(result.rows)} rows{', truncated' if result.truncated else ''})")
    return "\n".join(lines)


def render_select(result: Result, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(to_json(result), ensure_ascii=False, indent=1)
    if fmt == "csv":
        return to_delimited(result, ",")
    if fmt == "tsv":
        return to_delimited(result, "\t")
    return to_table(result)


def render_graph(triples: list[ox.Triple], fmt: str, prefixes: dict[str, str]) -> str:
    rdf_format = {
        "turtle": ox.RdfFormat.TURTLE,
        "ntriples": ox.RdfFormat.N_TRIPLES,
        "jsonld": ox.RdfFormat.JSON_LD,
    }.get(fmt, ox.RdfFormat.TURTLE)
    kwargs = {"prefixes": prefixes} if rdf_format == ox.RdfFormat.TURTLE else {}
    return ox.serialize(triples, format=rdf_format, **kwargs).decode("utf-8")
