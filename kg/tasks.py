"""Answers shaped as the task asks them, next to the generic descriptions: an organisation's
participations as {initiative, role, quote, source}; a motion's submitters and votes."""

from __future__ import annotations

import pyoxigraph as ox

from kg import rq
from kg.catalog import Catalog
from kg.errors import NotFound
from kg.query import run
from kg.store import Store


def _exists(store: Store, iri: str) -> ox.NamedNode:
    try:
        node = ox.NamedNode(iri)
    except ValueError:
        raise NotFound(f"{iri!r} is not an identifier of this graph", id=iri) from None
    if not store.select("SELECT ?p WHERE { ?s ?p ?o } LIMIT 1", {"s": node}).rows:
        raise NotFound(f"{iri!r} is not an identifier of this graph", id=iri)
    return node


def _v(term) -> str | None:
    return None if term is None else term.value


def participations(store: Store, iri: str) -> list[dict]:
    """Each participation of the organisation, with every quote that proves it and its document."""
    node = _exists(store, iri)
    found: dict[tuple[str, str | None], dict] = {}
    for initiative, name, role, quote, source, source_name, start, end in store.select(
        rq.text("participations", store.base), {"organisation": node}
    ).rows:
        key = (initiative.value, _v(role))
        item = found.setdefault(
            key,
            {"initiative": {"id": initiative.value, "name": _v(name)}, "role": _v(role), "evidence": []},
        )
        item["evidence"].append(
            {
                "quote": quote.value,
                "source": {"id": source.value, "name": _v(source_name)},
                "lines": [int(start.value), int(end.value)],
            }
        )
    for item in found.values():  # the first quote at top level: {initiative, role, quote, source}
        item["quote"] = item["evidence"][0]["quote"]
        item["source"] = item["evidence"][0]["source"]
    return list(found.values())


def motion_record(store: Store, catalog: Catalog, iri: str) -> dict:
    """A motion's submitters and co-submitters, and each vote on it (stored query motion-votes)."""
    node = _exists(store, iri)
    submitters = [
        {"id": person.value, "name": _v(name), "role": role.value}
        for person, name, role in store.select(
            rq.text("motion-submitters", store.base), {"motion": node}
        ).rows
    ]
    votes: list[dict] = []
    if "motion-votes" in {q.name for q in catalog}:
        result = run(store, catalog.get("motion-votes"), {"motion": iri}).result
        for row in result.rows if result else []:
            r = dict(zip(result.variables, row, strict=True))
            votes.append(
                {
                    "voter": {"id": _v(r["voter"]), "name": _v(r["voterName"])},
                    "option": _v(r["optionName"]),
                    "seats": int(r["seats"].value) if r.get("seats") is not None else None,
                    "result": _v(r.get("resultName")),
                    "date": _v(r.get("date")),
                    "quote": _v(r.get("quote")),
                    "source": {"id": _v(r.get("document"))},
                    "lines": [int(r["startLine"].value), int(r["endLine"].value)]
                    if r.get("startLine") is not None
                    else None,
                }
            )
    return {"motion": iri, "submitters": submitters, "votes": votes}
