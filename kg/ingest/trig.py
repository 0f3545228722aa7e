"""Writing a proposal as TriG: prefixed names, escaped literals, evidence nodes checked against the source."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from kg.evidence import SourceText
from kg.ingest.mentions import Entity
from kg.ingest.records import Kst, Quote
from kg.namespaces import PROJECT, STANDARD

MAX_QUOTE = 590
PAGE = "https://zoek.officielebekendmakingen.nl/{}.html"
_DECLARATION = {"a", "skos:prefLabel", "skos:altLabel", "foaf:name", "foaf:familyName", "foaf:givenName"}
_LOCAL = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_-]*$")


def slug(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")[:80] or "x"


def kst_id(kst: Kst) -> str:
    dossier, toev, nr = kst
    return f"kst-{dossier}{'-' + toev if toev else ''}-{nr}"


def lit(value: str, lang: str | None = None, datatype: str | None = None) -> str:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    return f'"{escaped}"' + (f"@{lang}" if lang else "") + (f"^^{datatype}" if datatype else "")


def name(relative: str) -> str:
    """A project IRI (relative to the base) as a prefixed name where possible."""
    for prefix, ns in sorted(PROJECT.items(), key=lambda kv: -len(kv[1])):
        if relative.startswith(ns) and _LOCAL.match(relative[len(ns) :]):
            return f"{prefix}:{relative[len(ns) :]}"
    return f"<{relative}>"


@dataclass
class FactEntry:
    """One fact of a proposal, as the curator reviews it: accept, reject or re-point."""

    id: str  # stable over re-ingests: kind and the slugs of what it relates, "vote/29389-138/pvv"
    kind: str  # "identity", "citation", "motion", "vote", "person", "participation", ...
    label: str  # what it says, in words
    status: str  # "new", "linked" (to an entity the graph holds) or "uncertain"
    lines: str  # "12" or "12-14"
    quote: str
    entity: str | None = None  # the linked entity a `repoint` decision replaces (prefixed name)
    note: str = ""


@dataclass
class Proposal:
    """The proposed graph and what the review report needs to know about it."""

    slug: str
    graph: str  # relative IRI of the named graph
    document: str  # prefixed name of the letter node
    trig: str = ""
    new: list[str] = field(default_factory=list)  # labels of entities not in the graph before
    linked: list[str] = field(default_factory=list)  # motions, Kamerstukken, persons already in the graph
    dropped_quotes: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # what --apply needs and is not there
    document_known: bool = False  # the letter is already described in the graph
    facts: dict[str, FactEntry] = field(default_factory=dict)
    identity_missing: list[str] = field(default_factory=list)  # identity fields the text did not show
    kind: str = "letter"


class Graph:
    """Nodes and evidence of one proposed named graph, in insertion order."""

    def __init__(
        self, source: SourceText, document: str, proposal: Proposal, entities: dict[str, Entity], base: str
    ) -> None:
        self.source, self.document, self.proposal = source, document, proposal
        self.entities, self.base = entities, base
        self.known_ids: set[str] = set()
        self.nodes: dict[str, list[tuple[str, str]]] = {}
        self.evidence: dict[tuple[int, int, str], str] = {}
        self.owners: dict[tuple[str, str, str], set[str]] = {}  # triple -> the facts that assert it
        self.current: str | None = None

    def add(self, subject: str, predicate: str, obj: str) -> None:
        owners = self.owners.get((subject, predicate, obj))
        if owners is None:  # the triple index doubles as the "already added" check (a list scan is quadratic)
            owners = self.owners[(subject, predicate, obj)] = set()
            self.nodes.setdefault(subject, []).append((predicate, obj))
        owners.add(self.current or "")

    @contextmanager
    def fact(
        self,
        fact_id: str,
        kind: str,
        label: str,
        quote: Quote | None,
        linked: bool = False,
        uncertain: str = "",
        entity: str | None = None,
    ) -> Iterator[FactEntry]:
        """Triples added inside belong to this fact (also to the facts that added them before)."""
        entry = self.proposal.facts.get(fact_id)
        if entry is None:
            lines = (
                ""
                if quote is None
                else (f"{quote.first}" if quote.first == quote.last else f"{quote.first}-{quote.last}")
            )
            status = "uncertain" if uncertain else "linked" if linked else "new"
            entry = FactEntry(
                fact_id, kind, label, status, lines, quote.text if quote else "", entity, uncertain
            )
            self.proposal.facts[fact_id] = entry
        outer, self.current = self.current, fact_id
        try:
            yield entry
        finally:
            self.current = outer

    def drop(self, rejected: set[str]) -> None:
        """Remove the triples that only rejected facts assert."""
        for subject in list(self.nodes):
            kept = []
            for predicate, obj in self.nodes[subject]:
                owners = self.owners.get((subject, predicate, obj), {""})
                if owners - rejected:
                    kept.append((predicate, obj))
                else:
                    self.owners.pop((subject, predicate, obj), None)
            if kept:
                self.nodes[subject] = kept
            else:
                del self.nodes[subject]

    def replace(self, fact_id: str, old: str, new: str) -> None:
        """Re-point one fact: its triples name `new` where they named `old` (the old node's own
        declaration, made for this fact only, is dropped)."""
        for (subject, predicate, obj), owners in list(self.owners.items()):
            if fact_id not in owners or old not in (subject, obj):
                continue
            owners.discard(fact_id)
            if not owners:
                self.nodes[subject] = [po for po in self.nodes[subject] if po != (predicate, obj)]
                del self.owners[(subject, predicate, obj)]
            if subject == old and predicate in _DECLARATION and predicate != "skos:prefLabel":
                continue
            if subject == old and predicate == "skos:prefLabel":
                predicate = "skos:altLabel"  # the name as this document prints it stays findable
            outer, self.current = self.current, fact_id
            self.add(new if subject == old else subject, predicate, new if obj == old else obj)
            self.current = outer

    def has(self, subject: str) -> bool:
        return subject in self.nodes

    def cite(self, subject: str, quote: Quote | None) -> None:
        label = self._evidence(quote) if quote is not None else None
        if label:
            self.add(subject, "kgdef:evidence", label)

    def _evidence(self, quote: Quote) -> str | None:
        for text in (quote.text, quote.printed):
            text = _clip(text)
            if text and len(text) >= 3 and self.source.contains(text, quote.first, quote.last):
                key = (quote.first, quote.last, text)
                if key not in self.evidence:
                    self.evidence[key] = evidence_name(
                        self.proposal.slug, first=quote.first, last=quote.last, text=text
                    )
                return self.evidence[key]
        self.proposal.dropped_quotes.append(f"lines {quote.first}-{quote.last}: {quote.text[:80]}")
        return None

    def render(self, graph: str) -> str:
        prefixes = {**{k: v for k, v in STANDARD.items() if k != "sh"}, **PROJECT}
        out = [f"@prefix {k}: <{v}> ." for k, v in prefixes.items()]
        out += ["", f"GRAPH <{graph}> {{", ""]
        used = set()
        for subject, props in self.nodes.items():
            if not props:
                continue
            lines = [f"    {p} {o}" for p, o in props]
            used.update(o for p, o in props if p == "kgdef:evidence")
            out.append(f"{subject}\n" + " ;\n".join(lines) + " .\n")
        for (first, last, text), label in self.evidence.items():
            if label not in used:
                continue
            out.append(
                f"{label} a kgdef:Evidence ; prov:wasDerivedFrom {self.document} ;\n"
                f"    kgdef:startLine {first} ; kgdef:endLine {last} ;\n    oa:exact {lit(text)} .\n"
            )
        out.append("}\n")
        return "\n".join(out)


def evidence_name(doc_slug: str, first: int, last: int, text: str) -> str:
    """The evidence IRI of a quote: minted under its own document, stable for the same lines and quote.

    Never a blank-node label: labels such as `_:ev1` of two proposals would merge into one node
    when their graphs are loaded together, and evidence would carry quotes of several documents.
    """
    digest = hashlib.sha256(f"{first}:{last}:{text}".encode()).hexdigest()[:16]
    return f"<id/evidence/{slug(doc_slug)}/{digest}>"


def _clip(text: str) -> str:
    text = text.strip()
    if len(text) <= MAX_QUOTE:
        return text
    return text[:MAX_QUOTE].rsplit(" ", 1)[0]


def source_file(file_name: str) -> str:
    """The file name as the shapes accept it: safe characters and a .txt, .html or .pdf suffix."""
    safe = re.sub(r"[^A-Za-z0-9_.-]", "_", file_name)
    if safe.lower().endswith(".htm"):
        return safe + "l"
    return safe if re.search(r"\.(txt|html|pdf)$", safe) else safe + ".txt"


def type_name(iri: str, base: str) -> str:
    for prefix, ns in {**STANDARD, **{k: base + v for k, v in PROJECT.items()}}.items():
        if iri.startswith(ns) and _LOCAL.match(iri[len(ns) :]):
            return f"{prefix}:{iri[len(ns) :]}"
    return f"<{iri}>"
