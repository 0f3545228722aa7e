"""The explorer's tables, from the stored queries policy staff already know (queries/*.rq).

- matrix: who is party to which agreement or programme, in which role (the participations, as
  agreement-parties.rq gives them per agreement);
- motions: submitters, Kamerstuk, how each motion was handled (motions.rq, per handling letter);
- budgets: scheme, amount, kind, period and action line (schemes-budgets.rq).
Every row points to its evidence, so the page can show the quote and link to the letter.
"""

from __future__ import annotations

from kg.catalog import Catalog
from kg.explorer.extract import GraphData, internal_query, select
from kg.store import Store, Term

INITIATIVE_KINDS = ("agreement", "programme")


def _value(term: Term | None) -> str | None:
    return None if term is None else term.value


class _Lookup:
    """Evidence and node positions by the values a stored query returns."""

    def __init__(self, data: GraphData) -> None:
        self.data = data
        self.evidence = {(ev[1], ev[2], ev[3]): i for i, ev in enumerate(data.evidence)}
        self.english = {names["nl"]: names["en"] for names in data.concept_labels.values() if names["nl"]}

    def ev(self, row: dict[str, Term | None]) -> int | None:
        start, end, quote = (_value(row.get(k)) for k in ("startLine", "endLine", "quote"))
        if start is None or quote is None:
            return None
        return self.evidence.get((int(start), int(end or start), quote))

    def node(self, term: Term | None) -> int | None:
        return None if term is None else self.data.index.get(term.value)

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
                "ev": edge["ev"][0] if edge["ev"] else None,
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
            "scheme": look.node(row["scheme"]),
            "name": _value(row["schemeName"]),
            "budget": _value(row["budgetName"]),
            "amount": _value(row["amount"]),
            "kind": look.names(_value(row["kindName"])),
            "from": _value(row["from"]),
            "through": _value(row["through"]),
            "actionLine": look.node(row["actionLine"]),
            "actionLineNumber": _value(row["actionLineName"]),
            "ev": look.ev(row),
        }
        for row in rows
    ]
    return {"rows": found, "truncated": truncated}


def tables(store: Store, catalog: Catalog, data: GraphData) -> dict:
    """All three tables of the explorer."""
    look = _Lookup(data)
    return {
        "matrix": matrix(data),
        "motions": motions(store, catalog, look),
        "budgets": budgets(store, catalog, look),
    }
