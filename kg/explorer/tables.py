"""The explorer's tables, from the stored queries policy staff already know (queries/*.rq).

- matrix: who is party to which agreement or programme, in which role (the participations, as
  agreement-parties.rq gives them per agreement);
- motions: submitters, Kamerstuk, how each motion was handled (motions.rq, per handling letter);
- budgets: scheme, amount, kind, period and action line (schemes-budgets.rq);
- timeline: status changes on their dates, with the document that declares them (timeline.rq).
Every row and cell carries the indices of all its evidence (a list, never one of several), so
the page can show each quote and link to the letter.
"""

from __future__ import annotations

from kg.catalog import Catalog
from kg.explorer.extract import GraphData, internal_query, select
from kg.store import Store, Term

INITIATIVE_KINDS = ("agreement", "programme")
#: the separator the stored queries give GROUP_CONCAT when they join several quotes into one
QUOTE_SEPARATOR = " … "


def _value(term: Term | None) -> str | None:
    return None if term is None else term.value


class _Lookup:
    """Evidence and node positions by the values a stored query returns."""

    def __init__(self, data: GraphData) -> None:
        self.data = data
        self.by_quote: dict[str, list[int]] = {}
        for i, ev in enumerate(data.evidence):
            self.by_quote.setdefault(ev[3], []).append(i)
        self.english = {names["nl"]: names["en"] for names in data.concept_labels.values() if names["nl"]}

    def ev(self, row: dict[str, Term | None]) -> list[int]:
        """Every evidence of the row: a stored query may join several quotes with QUOTE_SEPARATOR
        and give the lowest first and highest last line; each quote is matched in that range."""
        start, end, joined = (_value(row.get(k)) for k in ("startLine", "endLine", "quote"))
        if start is None or not joined:
            return []
        low, high = int(start), int(end or start)
        inside = lambda i: low <= self.data.evidence[i][1] and self.data.evidence[i][2] <= high  # noqa: E731
        found = {i for i in self.by_quote.get(joined, []) if inside(i)}
        if not found:
            for piece in joined.split(QUOTE_SEPARATOR):
                found |= {i for i in self.by_quote.get(piece, []) if inside(i)}
        if not found:  # a quote that itself contains the separator: look for it in the joined text
            found = {i for i, ev in enumerate(self.data.evidence) if inside(i) and ev[3] in joined}
        return sorted(found, key=lambda i: (self.data.evidence[i][1], i))

    def node(self, term: Term | None) -> int | None:
        return None if term is None else self.data.index.get(term.value)

    def node_ev(self, position: int | None) -> list[int]:
        """The node's own evidence (a row that states no more than the node itself)."""
        return [] if position is None else list(self.data.nodes[position]["ev"])

    def names(self, nl: str | None) -> dict[str, str | None]:
        return {"nl": nl, "en": self.english.get(nl) if nl else None}


def _rows(store: Store, catalog: Catalog, name: str, values: dict[str, str] | None = None):
    result = select(store, catalog.get(name), values)
    return [dict(zip(result.variables, row, strict=True)) for row in result.rows], result.truncated


def matrix(data: GraphData) -> dict:
    """Columns: agreements and programmes with parties; cells: the roles of each party, with evidence.

    Read from the participations already extracted for the network view (the same facts
    agreement-parties.rq returns, for every agreement at once: one query per agreement does
    not scale to hundreds of agreements)."""
    cells: list[dict] = []
    for edge in data.edges:
        relation = data.relations[edge["rel"]]
        if relation["group"] != "participation" or data.nodes[edge["t"]]["kind"] not in INITIATIVE_KINDS:
            continue
        cells.append(
            {
                "row": edge["s"],
                "col": edge["t"],
                "role": {"nl": relation["nl"], "en": relation["en"]},
                "ev": edge["ev"],
            }
        )
    label = lambda i: (data.nodes[i]["label"]["nl"] or "").lower()  # noqa: E731
    columns = sorted({c["col"] for c in cells}, key=label)
    rows = sorted({c["row"] for c in cells}, key=label)
    return {"columns": columns, "rows": rows, "cells": cells, "truncated": False}


def motions(store: Store, catalog: Catalog, look: _Lookup) -> dict:
    """One row per motion handled in a letter."""
    found: list[dict] = []
    truncated = False
    letters = select(store, internal_query("motion-letters")).rows
    for (letter,) in letters:
        rows, cut = _rows(store, catalog, "motions", {"letter": letter.value})
        truncated |= cut
        for row in rows:
            found.append(
                {
                    "motion": look.node(row["motion"]),
                    "name": _value(row["motionName"]),
                    "submitters": _value(row["submitters"]),
                    "coSubmitters": _value(row["coSubmitters"]) == "true",
                    "kamerstuk": _value(row["kamerstuk"]),
                    "adopted": _value(row["adopted"]),
                    "handling": look.names(_value(row["handlingName"])),
                    "letter": look.node(letter),
                    "ev": look.ev(row),
                }
            )
    return {"rows": found, "truncated": truncated}


def budgets(store: Store, catalog: Catalog, look: _Lookup) -> dict:
    """One row per scheme and budget, under its action line."""
    rows, truncated = _rows(store, catalog, "schemes-budgets")
    found = [
        {
            "scheme": (scheme := look.node(row["scheme"])),
            "name": _value(row["schemeName"]),
            "budget": _value(row["budgetName"]),
            "amount": _value(row["amount"]),
            "kind": look.names(_value(row["kindName"])),
            "from": _value(row["from"]),
            "through": _value(row["through"]),
            "actionLine": look.node(row["actionLine"]),
            "actionLineNumber": _value(row["actionLineName"]),
            "ev": look.ev(row) or look.node_ev(scheme),
        }
        for row in rows
    ]
    return {"rows": found, "truncated": truncated}


def timeline(store: Store, catalog: Catalog, look: _Lookup) -> dict:
    """One row per status change on a date (timeline.rq): what, which status, which document says so."""
    rows, truncated = _rows(store, catalog, "timeline")
    found = [
        {
            "date": _value(row["date"]),
            "subject": look.node(row["subject"]),
            "name": _value(row["subjectName"]),
            "status": look.names(_value(row["statusName"])),
            "document": look.node(row["document"]),
            "ev": look.ev(row),
        }
        for row in rows
    ]
    return {"rows": found, "truncated": truncated}


def tables(store: Store, catalog: Catalog, data: GraphData) -> dict:
    """All tables of the explorer."""
    look = _Lookup(data)
    return {
        "matrix": matrix(data),
        "motions": motions(store, catalog, look),
        "budgets": budgets(store, catalog, look),
        "timeline": timeline(store, catalog, look),
    }
