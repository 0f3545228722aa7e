"""Declared coverage: every source document the graph has read, with its identity, its kind, how
many things of each kind its graph states, and how many of its facts are not reviewed yet
(`kgdef:unreviewedFacts`, written by `kg ingest`; hand-curated graphs have none)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from kg import rq
from kg.store import Store

#: document classes, most specific first, as the page names them
DOCUMENT_KINDS = (
    ("def#MotionDocument", "motie"),
    ("def#MeetingReport", "verslag"),
    ("def#Letter", "Kamerbrief"),
    ("def#Report", "rapport"),
    ("def#Kamerstuk", "Kamerstuk"),
)


@dataclass
class SourceDocument:
    graph: str
    document: str
    source_file: str
    kind: str
    identifier: str | None = None
    document_number: str | None = None
    zaak_number: str | None = None
    date: str | None = None
    title: str | None = None
    dossier_title: str | None = None
    unreviewed_facts: int | None = None  # None: curated by hand, not by kg ingest
    facts: dict[str, int] = field(default_factory=dict)  # class label -> count

    @property
    def reviewed(self) -> bool:
        return not self.unreviewed_facts

    def as_json(self) -> dict[str, object]:
        return {**asdict(self), "reviewed": self.reviewed}


def _short(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def source_documents(store: Store) -> list[SourceDocument]:
    """The documents of the graph, in date order, each with its facts counted per kind."""
    counts: dict[str, dict[str, int]] = {}
    for graph, cls, n in store.select(rq.text("coverage-facts", store.base), limit=100_000).rows:
        if graph is not None and cls is not None and n is not None:
            counts.setdefault(graph.value, {})[_short(cls.value)] = int(n.value)
    out = []
    for row in store.select(rq.text("coverage-documents", store.base), limit=100_000).rows:
        graph, doc, file, classes, identifier, number, zaak, date, title, dossier, unreviewed = (
            t.value if t is not None else None for t in row
        )
        kinds = (classes or "").split()
        kind = next(
            (name for suffix, name in DOCUMENT_KINDS if any(c.endswith(suffix) for c in kinds)), "document"
        )
        out.append(
            SourceDocument(
                graph or "",
                doc or "",
                file or "",
                kind,
                identifier,
                number,
                zaak,
                date,
                title,
                dossier,
                int(unreviewed) if unreviewed is not None else None,
                dict(sorted(counts.get(graph or "", {}).items())),
            )
        )
    return out
