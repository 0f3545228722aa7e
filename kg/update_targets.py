"""Which graphs a SPARQL update writes: read from its operations, so updates can be held to the
writable graphs (KG_WRITABLE_GRAPHS) and the letters, which are sources with evidence, stay as
they were built.

Each operation names what it writes: `INSERT/DELETE DATA` and templates by their `GRAPH` blocks
(triples outside one go to `WITH` or the default graph), `LOAD … INTO`, `CLEAR/DROP/CREATE`,
`ADD/MOVE/COPY … TO` (MOVE also empties its source). `NAMED`/`ALL` and `GRAPH ?var` in a template
cannot be held to a list, so they are refused. The WHERE part only reads and is skipped.
"""

from __future__ import annotations

import re
import urllib.parse

from kg.errors import Forbidden, InputError
from kg.settings import Settings
from kg.sparql_text import _IRI, _STRING

DEFAULT = ""  # the default graph
EVERY = "*"  # NAMED / ALL: every graph
UNKNOWN = "?"  # GRAPH ?var in a template

_TOKEN = re.compile(
    rf"\s+|#[^\n\r]*|(?P<string>{_STRING})|(?P<iri>{_IRI})|(?P<var>[?$][\w\u00b7-\uffff]+)"
    r"|(?P<word>[\w\u00b7-\uffff.\-]*:(?:\\.|[\w\u00b7-\uffff.:%\-])*|[\w\u00b7-\uffff@\-]+)|(?P<p>[^\s])",
    re.DOTALL,
)
_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


def _tokens(update: str) -> list[tuple[str, str]]:
    out = []
    for m in _TOKEN.finditer(update):
        if m.lastgroup:
            out.append((m.lastgroup, m.group()))
    return out


class _Reader:
    def __init__(self, update: str, base: str) -> None:
        self.tokens = _tokens(update)
        self.i = 0
        self.base = base
        self.prefixes: dict[str, str] = {}

    def peek(self) -> str:
        return self.tokens[self.i][1].upper() if self.i < len(self.tokens) else ""

    def take(self) -> tuple[str, str]:
        token = self.tokens[self.i] if self.i < len(self.tokens) else ("", "")
        self.i += 1
        return token

    def optional(self, word: str) -> bool:
        if self.peek() == word:
            self.i += 1
            return True
        return False

    def iri(self) -> str:
        kind, text = self.take()
        if kind == "iri":
            raw = _ESCAPE.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), text[1:-1])
            return urllib.parse.urljoin(self.base, raw)
        if kind == "word" and ":" in text:
            prefix, _, local = text.partition(":")
            if prefix not in self.prefixes:
                raise InputError(f"the update uses the undeclared prefix {prefix}:")
            return self.prefixes[prefix] + re.sub(r"\\(.)", r"\1", local)
        if kind == "var":
            return UNKNOWN
        raise InputError(f"the update has {text or 'nothing'!r} where a graph IRI belongs")

    def graph_ref(self) -> str:
        """DEFAULT, or GRAPH? iri (ADD/MOVE/COPY)."""
        if self.optional("DEFAULT"):
            return DEFAULT
        self.optional("GRAPH")
        return self.iri()

    def block(self) -> list[tuple[str, str]]:
        """The tokens of a `{ ... }` block, without its braces."""
        if self.take()[1] != "{":
            raise InputError("the update lacks a { where a block begins")
        start, depth = self.i, 1
        while self.i < len(self.tokens):
            text = self.take()[1]
            depth += {"{": 1, "}": -1}.get(text, 0)
            if depth == 0:
                return self.tokens[start : self.i - 1]
        raise InputError("the update has a { that is never closed")

    def quads(self, default: str) -> set[str]:
        """The graphs a quad block writes: its GRAPH blocks, and `default` for triples outside."""
        inner = _Reader.__new__(_Reader)
        inner.tokens, inner.i, inner.base, inner.prefixes = self.block(), 0, self.base, self.prefixes
        found: set[str] = set()
        while inner.i < len(inner.tokens):
            if inner.optional("GRAPH"):
                found.add(inner.iri())
                inner.block()
            elif inner.take()[1] != ".":
                found.add(default)
        return found


def written_graphs(update: str, base: str) -> set[str]:
    """The IRIs of the graphs `update` writes; DEFAULT, EVERY or UNKNOWN where it says so."""
    r = _Reader(update, base)
    found: set[str] = set()
    while r.i < len(r.tokens):
        word = r.take()[1].upper()
        if word == ";":
            continue
        if word == "BASE":
            r.base = r.iri()
        elif word == "PREFIX":
            prefix = r.take()[1].rstrip(":")
            r.prefixes[prefix] = r.iri()
        elif word == "LOAD":
            r.optional("SILENT")
            r.iri()
            if r.optional("INTO"):
                r.optional("GRAPH")
                found.add(r.iri())
            else:
                found.add(DEFAULT)
        elif word in ("CLEAR", "DROP"):
            r.optional("SILENT")
            if r.optional("GRAPH"):
                found.add(r.iri())
            else:
                found.add(DEFAULT if r.take()[1].upper() == "DEFAULT" else EVERY)
        elif word == "CREATE":
            r.optional("SILENT")
            r.optional("GRAPH")
            found.add(r.iri())
        elif word in ("ADD", "MOVE", "COPY"):
            r.optional("SILENT")
            source = r.graph_ref()
            r.optional("TO")
            found |= {r.graph_ref(), source} if word == "MOVE" else {r.graph_ref()}
        else:
            found |= _modify(r, word)
    return found


def _modify(r: _Reader, word: str) -> set[str]:
    """INSERT/DELETE DATA, DELETE WHERE, or [WITH iri] DELETE {…} INSERT {…} USING … WHERE {…}."""
    target = DEFAULT
    if word == "WITH":
        target = r.iri()
        word = r.take()[1].upper()
    if word not in ("INSERT", "DELETE"):
        raise InputError(f"the update has {word!r} where an operation belongs")
    if r.optional("DATA") or (word == "DELETE" and r.optional("WHERE")):
        return r.quads(DEFAULT)
    found = r.quads(target)
    if word == "DELETE" and r.optional("INSERT"):
        found |= r.quads(target)
    while r.optional("USING"):
        r.optional("NAMED")
        r.iri()
    r.optional("WHERE")
    r.block()
    return found


def check_writable(update: str, settings: Settings) -> None:
    """Refuse (403) an update that writes a graph outside KG_WRITABLE_GRAPHS, every graph, or a
    graph it does not name."""
    graphs = written_graphs(update, settings.base) - {DEFAULT}  # the store refuses that one itself
    writable = ", ".join(sorted(settings.writable_graphs))
    if EVERY in graphs:
        raise Forbidden(f"an update may not clear or drop every graph (NAMED, ALL); writable: {writable}")
    if UNKNOWN in graphs:
        raise Forbidden(f"name the graph an update writes (not GRAPH ?var); writable: {writable}")
    if refused := sorted(graphs - settings.writable):
        raise Forbidden(
            f"updates may write only the graphs in KG_WRITABLE_GRAPHS ({writable}), "
            f"not {', '.join(refused)}: the letters and the ontology are sources with evidence",
            graphs=refused,
        )
