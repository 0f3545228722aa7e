"""SHACL of the served graph: what the store holds now, not the source files it was built from.

After an update through the API, or on a remote backend loaded by another tool, the store and
`kg/data` differ; `/validate` says it reports on the served graph, so it validates the store:
each named graph (the ontology and the derived labels aside) against the shapes, with the
ontology mixed in as the build does, then the whole-graph checks (`shapes/checks/*.rq`).
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pyoxigraph as ox

from kg import rq
from kg.settings import Settings
from kg.store import Store
from kg.validate import Finding, Report, load_shapes, shacl

NOT_DATA = ("graph/ontology", "graph/derived")


def _graph(store: Store, graph: ox.NamedNode) -> list[ox.Quad]:
    triples = store.construct(rq.text("graph-triples", store.base), {"g": graph})
    return [ox.Quad(t.subject, t.predicate, t.object, graph) for t in triples]


def validate_store(store: Store, settings: Settings, lang: str = "en") -> Report:
    """The SHACL report of every data graph the store serves, and the whole-graph checks."""
    shapes = load_shapes(settings.shapes_dir, settings.base)
    ontology = _graph(store, ox.NamedNode(settings.base + "graph/ontology"))
    skip = {settings.base + g for g in NOT_DATA}
    findings: list[Finding] = []
    for (graph,) in store.select(rq.text("graph-names", store.base)).rows:
        if graph is not None and graph.value not in skip:
            found = shacl(_graph(store, graph), shapes, ontology, lang)  # type: ignore[arg-type]
            findings.extend(replace(f, graph=graph.value) for f in found)
    findings.extend(check_queries(store, settings.shapes_dir / "checks"))
    return Report(findings)


def check_queries(store: Store, folder: Path) -> list[Finding]:
    """Checks across graphs (`folder/*.rq`): each query lists the nodes that break a rule."""
    findings = []
    for path in sorted(folder.glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        message = _header(text, "message") or path.stem
        severity = _header(text, "severity") or "Violation"
        for row in store.select(text).rows:
            focus = row[0].value if row and row[0] is not None else "?"
            value = row[1].value if len(row) > 1 and row[1] is not None else None
            findings.append(Finding(severity, focus, None, message, f"check:{path.stem}", value))
    return findings


def _header(text: str, name: str) -> str | None:
    match = re.search(rf"^#\s*{name}:\s*(.+)$", text, re.MULTILINE)
    return match.group(1).strip() if match else None
