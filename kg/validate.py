"""SHACL validation, one source graph at a time, with a cache keyed by the sources' content.

The build validates each named graph on its own (together with the ontology, for the
controlled lists) and reuses the last report of any graph whose files, ontology and shapes are
unchanged. The engine is pyshacl-turbo (Rust, pySHACL's API: about 12x faster, the same results
on every shape fixture); pySHACL stays the reference the tests compare it with.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

import pyoxigraph as ox

from kg.rdfio import parse_file

SH = "http://www.w3.org/ns/shacl#"
SEVERITY = {f"{SH}Violation": "Violation", f"{SH}Warning": "Warning", f"{SH}Info": "Info"}


@dataclass(frozen=True)
class Finding:
    """One SHACL result, in the words a reader needs."""

    severity: str
    focus: str
    path: str | None
    message: str
    shape: str | None
    value: str | None
    graph: str | None = None
    file: str | None = None
    line: int | None = None

    def render(self, compact: Callable[[str], str] = str) -> str:
        where = f"{self.file}:{self.line}" if self.file and self.line else (self.file or self.graph or "")
        path = f" [{compact(self.path)}]" if self.path else ""
        value = f" (value: {compact(self.value)})" if self.value else ""
        focus = compact(self.focus) if "/" in self.focus else f"_:{self.focus} (evidence or nested node)"
        return f"{self.severity}: {where}: {focus}{path}: {self.message}{value}"


@dataclass
class Report:
    """All findings of a validation; `conforms` ignores warnings and infos."""

    findings: list[Finding]

    @property
    def conforms(self) -> bool:
        return not any(f.severity == "Violation" for f in self.findings)

    def render(self, compact: Callable[[str], str] = str) -> str:
        if not self.findings:
            return "conforms: no violations, no warnings"
        counts = {s: sum(f.severity == s for f in self.findings) for s in ("Violation", "Warning", "Info")}
        head = ", ".join(f"{n} {s.lower()}{'s' if n != 1 else ''}" for s, n in counts.items() if n)
        return "\n".join([*(f.render(compact) for f in self.findings), head])


def load_shapes(shapes_dir: Path, base: str) -> list[ox.Quad]:
    quads: list[ox.Quad] = []
    for path in sorted(shapes_dir.glob("*.ttl")):
        quads.extend(parse_file(path, base))
    return quads


_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def _to_rdflib(triples: list[ox.Quad] | list[ox.Triple]):
    """An rdflib graph of the triples, built term by term (twice as fast as an N-Triples round trip)."""
    import rdflib

    memo: dict = {}

    def term(node):
        found = memo.get(node)
        if found is None:
            if isinstance(node, ox.NamedNode):
                found = rdflib.URIRef(node.value)
            elif isinstance(node, ox.BlankNode):
                found = rdflib.BNode(node.value)
            elif node.language:
                found = rdflib.Literal(node.value, lang=node.language)
            elif node.datatype.value == _XSD_STRING:
                found = rdflib.Literal(node.value)
            else:
                found = rdflib.Literal(node.value, datatype=rdflib.URIRef(node.datatype.value))
            memo[node] = found
        return found

    graph = rdflib.Graph()
    for t in triples:
        graph.add((term(t.subject), term(t.predicate), term(t.object)))
    return graph


_shapes_cache: dict[tuple[str, int], object] = {}
ENGINES = {"turbo": "pyshacl_turbo", "pyshacl": "pyshacl"}  # name -> module with pySHACL's `validate`


def _as_store(quads: list[ox.Quad]) -> ox.Store:
    """The triples in a pyoxigraph store's default graph (what pyshacl-turbo reads without copying
    into rdflib; data and shapes must both come this way, or literals compare unequal)."""
    store = ox.Store()
    default = ox.DefaultGraph()
    store.extend(ox.Quad(q.subject, q.predicate, q.object, default) for q in quads)
    return store


def shacl(
    data: list[ox.Quad],
    shapes: list[ox.Quad],
    ontology: list[ox.Quad],
    lang: str = "en",
    engine: str = "turbo",
) -> list[Finding]:
    """Validate `data` (with `ontology` mixed in) against `shapes`; findings in `lang` where given."""
    conforms, report = validation_report(data, shapes, ontology, engine)
    return [] if conforms and not len(report) else _findings(report, lang)


def validation_report(
    data: list[ox.Quad], shapes: list[ox.Quad], ontology: list[ox.Quad], engine: str = "turbo"
) -> tuple[bool, object]:
    """Whether `data` conforms, and the engine's SHACL report graph (rdflib)."""
    import importlib

    module = importlib.import_module(ENGINES[engine])
    key = (engine, hash(tuple(shapes)))
    if key not in _shapes_cache:  # turbo: the shapes compiled once (1.3 s a call otherwise)
        _shapes_cache.clear()
        _shapes_cache[key] = (
            module.compile_shapes(_as_store(shapes), advanced=True)
            if engine == "turbo"
            else _to_rdflib(shapes)
        )
    compiled = _shapes_cache[key]
    if engine == "turbo":
        conforms, report, _ = compiled.validate(  # type: ignore[attr-defined]
            _as_store(list(data) + list(ontology)), allow_warnings=True, allow_infos=True
        )
    else:
        conforms, report, _ = module.validate(
            _to_rdflib(list(data) + list(ontology)),
            shacl_graph=compiled,
            inference="none",
            advanced=True,
            allow_warnings=True,
            allow_infos=True,
        )
    return conforms, report


def _findings(report, lang: str) -> list[Finding]:
    import rdflib

    sh = rdflib.Namespace(SH)
    out = []
    for result in report.subjects(rdflib.RDF.type, sh.ValidationResult):
        messages = list(report.objects(result, sh.resultMessage))
        chosen = next((m for m in messages if getattr(m, "language", None) == lang), None)
        chosen = chosen or (messages[0] if messages else "constraint not met")
        path = report.value(result, sh.resultPath)
        value = report.value(result, sh.value)
        shape = report.value(result, sh.sourceShape)
        out.append(
            Finding(
                severity=SEVERITY.get(str(report.value(result, sh.resultSeverity)), "Violation"),
                focus=str(report.value(result, sh.focusNode)),
                path=str(path)
                if isinstance(path, rdflib.URIRef)
                else (None if path is None else "(complex path)"),
                message=str(chosen),
                shape=str(shape) if isinstance(shape, rdflib.URIRef) else None,
                value=None if value is None else str(value),
            )
        )
    out.sort(key=lambda f: (f.severity != "Violation", f.focus, f.path or ""))
    return out


class Cache:
    """Remembers findings per graph by a hash of every input that can change them."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    @staticmethod
    def key(*parts: bytes) -> str:
        digest = hashlib.sha256()
        for part in parts:
            digest.update(hashlib.sha256(part).digest())
        return digest.hexdigest()

    def get(self, key: str) -> list[Finding] | None:
        path = self.folder / f"{key}.json"
        if not path.is_file():
            return None
        try:
            return [Finding(**f) for f in json.loads(path.read_text(encoding="utf-8"))]
        except (ValueError, TypeError):
            return None

    def put(self, key: str, findings: list[Finding]) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        tmp = self.folder / f".{key}.tmp"
        tmp.write_text(json.dumps([asdict(f) for f in findings]), encoding="utf-8")
        tmp.replace(self.folder / f"{key}.json")
