"""Reading RDF sources with clear errors: file, line and column for every syntax error."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pyoxigraph as ox

from kg.errors import InputError, ParseError

FORMATS = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".trig": ox.RdfFormat.TRIG,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS,
    ".jsonld": ox.RdfFormat.JSON_LD,
    ".rdf": ox.RdfFormat.RDF_XML,
}
_POSITION = re.compile(r"line (\d+)\D*?columns? (\d+)")
MAX_SOURCE_BYTES = 50_000_000


def rdf_format(path: Path) -> ox.RdfFormat:
    try:
        return FORMATS[path.suffix.lower()]
    except KeyError:
        raise InputError(
            f"{path}: unknown RDF file type {path.suffix!r}; use one of {', '.join(sorted(FORMATS))}",
            file=str(path),
        ) from None


def read_bytes(path: Path, limit: int = MAX_SOURCE_BYTES) -> bytes:
    """The file's bytes, refusing missing, oversized, binary or non-UTF-8 files with a clear message."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})", file=str(path)) from None
    if size > limit:
        raise InputError(f"{path}: {size} bytes is more than the limit of {limit}", file=str(path))
    data = path.read_bytes()
    check_text(data, str(path))
    return data


def check_text(data: bytes, name: str) -> None:
    """Refuse binary data and invalid UTF-8, naming the byte offset."""
    if b"\x00" in data[:8192]:
        raise InputError(f"{name}: binary data, not an RDF text file", file=name)
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ParseError(f"not valid UTF-8 (byte {exc.start})", file=name, line=line) from None


def parse(
    data: bytes, fmt: ox.RdfFormat, base: str, name: str, default_graph: ox.NamedNode | None = None
) -> list[ox.Quad]:
    """Parse RDF bytes into quads; a syntax error becomes a ParseError with file and line."""
    check_text(data, name)
    try:
        quads = list(ox.parse(input=data, format=fmt, base_iri=base))
    except SyntaxError as exc:
        line, column = _position(str(exc))
        raise ParseError(_clean(str(exc)), file=name, line=line, column=column) from None
    if default_graph is not None:
        quads = [
            ox.Quad(q.subject, q.predicate, q.object, default_graph)
            if isinstance(q.graph_name, ox.DefaultGraph)
            else q
            for q in quads
        ]
    return quads


def parse_file(path: Path, base: str, default_graph: ox.NamedNode | None = None) -> list[ox.Quad]:
    """Parse one source file (format from its suffix). Its blank nodes are its own: a label is
    scoped to the file that writes it (as RDF says), so `_:e` in two letters stays two nodes and
    evidence is never shared between documents. The renaming is stable from build to build."""
    quads = parse(read_bytes(path), rdf_format(path), base, str(path), default_graph)
    return own_blank_nodes(quads, path.name)


def own_blank_nodes(quads: list[ox.Quad], scope: str) -> list[ox.Quad]:
    """The quads with every blank node label prefixed by a short hash of `scope` (a file name)."""
    prefix = "f" + hashlib.sha1(scope.encode()).hexdigest()[:8] + "_"
    renamed: dict[str, ox.BlankNode] = {}

    def own(term):
        if not isinstance(term, ox.BlankNode):
            return term
        node = renamed.get(term.value)
        if node is None:
            node = renamed[term.value] = ox.BlankNode(prefix + term.value)
        return node

    return [
        q
        if not (isinstance(q.subject, ox.BlankNode) or isinstance(q.object, ox.BlankNode))
        else ox.Quad(own(q.subject), q.predicate, own(q.object), q.graph_name)
        for q in quads
    ]


def _position(message: str) -> tuple[int | None, int | None]:
    match = _POSITION.search(message)
    return (int(match.group(1)), int(match.group(2))) if match else (None, None)


def _clean(message: str) -> str:
    message = re.sub(r"^Parser error [^:]*: ", "", message)
    return re.sub(r"\s*\(line \d+\)$", "", message)
