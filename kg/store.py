"""The store interface (`select`, `construct`, `ask`, `load`, `count`) and its embedded backend.

Each source is a named graph; the default graph is their RDF merge (a set: a triple two letters
state is there once), kept so on every load and update and on every backend. A query need not
know which letter states a fact; `GRAPH ?g` still tells it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Protocol

import pyoxigraph as ox

from kg.errors import Forbidden, InputError, QuerySyntaxError, QueryTimeout
from kg.settings import Settings
from kg.sparql_text import blank_lexical, check_bounds, uses_keyword
from kg.text_cache import text_cache
from kg.update_targets import DEFAULT, written_graphs

Term = ox.NamedNode | ox.BlankNode | ox.Literal
_POSITION = re.compile(r"error at (\d+):(\d+)")
MERGE_DEFAULT = "DROP SILENT DEFAULT ; INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"


def merge_update(quads: list[ox.Quad], replaced: str | None) -> str:
    """The SPARQL update that keeps the default graph the merge of the named graphs after
    `quads` were added: their graphs are added to it, or, when a graph was `replaced` (so
    triples may have gone), the whole merge is made again."""
    graphs = sorted({q.graph_name.value for q in quads if isinstance(q.graph_name, ox.NamedNode)})
    if replaced is not None or not graphs:
        return MERGE_DEFAULT if replaced is not None else ""
    names = " ".join(f"<{g}>" for g in graphs)
    return f"INSERT {{ ?s ?p ?o }} WHERE {{ VALUES ?g {{ {names} }} GRAPH ?g {{ ?s ?p ?o }} }}"


_PARSE_ONLY = ox.Store()  # always empty: queries on it only parse and report their variables
COUNT_NAMED = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
_UPDATE = re.compile(
    r"^\s*(?:(?:PREFIX\s+\S*\s*<[^>]*>|BASE\s*<[^>]*>)\s*)*"
    r"(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b",
    re.IGNORECASE,
)


@dataclass
class Result:
    """A SELECT answer: variable names, rows of terms (None = unbound), and whether the row cap cut it."""

    variables: list[str]
    rows: list[list[Term | None]]
    truncated: bool = False


@dataclass(frozen=True)
class Capabilities:
    """What a backend can do besides select, construct, ask, load and count; callers ask this
    instead of probing the object."""

    in_process: bool  # a pyoxigraph store in this process: `native` and `raw` (every row, streamed)
    updates: bool  # takes SPARQL updates through `update`
    datasets: bool  # takes a per-request dataset (default-graph-uri / named-graph-uri)


class Store(Protocol):
    """What the CLI and the API need from a SPARQL store."""

    base: str
    settings: Settings
    capabilities: Capabilities

    @property
    def native(self) -> ox.Store | None:
        """The in-process pyoxigraph store (capabilities.in_process), else None."""
        ...

    def raw(self, query: str, bindings: Mapping[str, Term] | None = None) -> ox.QuerySolutions:
        """Every solution, past the row cap (only when capabilities.in_process)."""
        ...

    def update(self, update: str) -> None:
        """Run a SPARQL update (only when capabilities.updates)."""
        ...

    def select(
        self, query: str, bindings: Mapping[str, Term] | None = None, limit: int | None = None
    ) -> Result: ...

    def construct(self, query: str, bindings: Mapping[str, Term] | None = None) -> list[ox.Triple]: ...

    def ask(self, query: str, bindings: Mapping[str, Term] | None = None) -> bool: ...

    def load(self, quads: Iterable[ox.Quad], graph: str | None = None) -> None: ...

    def count(self) -> int: ...


def query_kind(query: str) -> str:
    """SELECT, CONSTRUCT, DESCRIBE, ASK or UPDATE, from the query text (after comments and prologue)."""
    text = blank_lexical(query)
    if _UPDATE.match(text):
        return "UPDATE"
    match = re.search(r"\b(SELECT|CONSTRUCT|DESCRIBE|ASK)\b", text, re.IGNORECASE)
    return match.group(1).upper() if match else "SELECT"


def check_query(query: str, settings: Settings) -> None:
    """Refuse a query too big or too deep for the parser, an update on the query path, and
    SERVICE calls unless enabled."""
    check_bounds(query, settings.max_query_bytes)
    if query_kind(query) == "UPDATE":
        raise QuerySyntaxError(
            "this is an update, not a query: send it to the update operation "
            "(form field update= or application/sparql-update), with the token"
        )
    parses = partial(_parses_query, base=settings.base)
    if not settings.allow_service and uses_keyword(query, ("SERVICE",), parses):
        raise Forbidden("federated SERVICE calls are switched off (KG_ALLOW_SERVICE)")


def check_update(update: str, settings: Settings) -> None:
    """Refuse an update too big or deep, one that fetches a URL (SERVICE, LOAD) unless enabled,
    and one that writes the default graph (the endpoint also holds it to KG_WRITABLE_GRAPHS)."""
    check_bounds(update, settings.max_query_bytes, "update")
    parses = partial(_parses_update, base=settings.base)
    if not settings.allow_service and uses_keyword(update, ("SERVICE", "LOAD"), parses):
        raise Forbidden("SERVICE and LOAD fetch URLs and are switched off (KG_ALLOW_SERVICE)")
    if DEFAULT in written_graphs(update, settings.base):
        raise InputError(
            "write into a named graph, e.g. INSERT DATA { GRAPH <graph/notes> { ... } }: the default "
            "graph is the merge of the named graphs and is made again after every update"
        )


def _parse_error(run: Callable[[], object]) -> tuple[int, int] | None:
    """Where `run` (a parse) fails: (line, column), (0, 0) when it does not say; None if it parses."""
    try:
        run()
    except (SyntaxError, ValueError) as exc:
        match = _POSITION.search(str(exc))
        return (int(match.group(1)), int(match.group(2))) if match else (0, 0)
    except OSError:
        pass  # it parsed; reading failed
    return None


def _parses_query(text: str, base: str) -> tuple[int, int] | None:
    return _parse_error(lambda: _PARSE_ONLY.query(text, base_iri=base))


def _parses_update(text: str, base: str) -> tuple[int, int] | None:
    return _parse_error(lambda: ox.Store().update(text, base_iri=base))  # empty: nothing kept


def syntax_error(exc: SyntaxError, query: str) -> QuerySyntaxError:
    """A query parse error with line and column, and the offending line quoted."""
    message = str(exc)
    match = _POSITION.search(message)
    line = column = None
    if match:
        line, column = int(match.group(1)), int(match.group(2))
        message = message[match.end() :].lstrip(": ")
        lines = query.splitlines()
        if 0 < line <= len(lines):
            message += f"\n  {lines[line - 1]}\n  {' ' * (column - 1)}^"
    return QuerySyntaxError(f"syntax error: {message}", line=line, column=column)


_WHERE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)


def bind_values(query: str, bindings: Mapping[str, Term] | None) -> str:
    """The query with a VALUES block of the bound terms at the top of its WHERE group.

    Terms are serialised by pyoxigraph (IRIs are validated, literals escaped), so a value
    can never change the structure of the query.
    """
    if not bindings:
        return query
    match = _WHERE.search(blank_lexical(query))
    if not match:
        raise InputError("a query with parameters needs a WHERE { ... } group")
    names = " ".join(f"?{name}" for name in bindings)
    terms = " ".join(str(term) for term in bindings.values())
    return f"{query[: match.end()]} VALUES ({names}) {{ ({terms}) }} {query[match.end() :]}"


class EmbeddedStore:
    """pyoxigraph in memory (or on disk), guarded by a time limit and a row cap."""

    capabilities = Capabilities(in_process=True, updates=True, datasets=True)

    def __init__(self, settings: Settings, path: Path | None = None) -> None:
        self.settings = settings
        self.base = settings.base
        self._store = ox.Store(str(path)) if path else ox.Store()
        self.build: tuple[Path, dict] | None = None  # the build folder and manifest it holds, unchanged

    @classmethod
    def from_dataset(cls, settings: Settings) -> EmbeddedStore:
        """A store in memory loaded from the published build, checked against its manifest."""
        from kg import builds

        folder, meta = builds.published(settings)
        path = builds.checked_dataset(folder, meta)
        store = cls(settings)
        try:
            store._store.bulk_load(path=str(path), format=ox.RdfFormat.N_QUADS)
        except (SyntaxError, OSError, RuntimeError) as exc:
            raise builds.DamagedBuild(f"{path}: cannot be loaded ({exc}); run `kg build`") from None
        store.build = (folder, meta)
        return store

    @classmethod
    def open_built(cls, settings: Settings) -> EmbeddedStore:
        """The published build's on-disk store, read-only: opens in milliseconds at any size."""
        from kg import builds

        folder, meta = builds.published(settings)
        builds.checked_dataset(folder, meta, full=False)  # a cut or emptied build is refused here too
        path = builds.store_dir(folder, meta)
        store = cls(settings)
        try:
            store._store = ox.Store.read_only(str(path))
        except (OSError, RuntimeError) as exc:
            raise builds.DamagedBuild(
                f"{path}: the build's store cannot be opened ({exc}); run `kg build`"
            ) from None
        store.build = (folder, meta)
        return store

    @property
    def native(self) -> ox.Store:
        """The pyoxigraph store, for serialisation fast paths."""
        return self._store

    def _run(self, query: str, bindings: Mapping[str, Term] | None):
        check_query(query, self.settings)
        try:
            return self._store.query(bind_values(query, bindings), base_iri=self.base)
        except SyntaxError as exc:
            raise syntax_error(exc, query) from None

    def raw(self, query: str, bindings: Mapping[str, Term] | None = None):
        """pyoxigraph's own result object (for native serialisation by the API)."""
        return self._run(query, bindings)

    def select(
        self, query: str, bindings: Mapping[str, Term] | None = None, limit: int | None = None
    ) -> Result:
        cap = self.settings.max_rows if limit is None else min(limit, self.settings.max_rows)
        solutions = self._run(query, bindings)
        return collect_rows(solutions, cap, self.settings.query_timeout)

    def construct(self, query: str, bindings: Mapping[str, Term] | None = None) -> list[ox.Triple]:
        triples = self._run(query, bindings)
        if not isinstance(triples, ox.QueryTriples):
            raise InputError("not a CONSTRUCT or DESCRIBE query")
        deadline = _Deadline(self.settings.query_timeout)
        out = []
        for triple in triples:
            out.append(triple)
            deadline.check()
        return out

    def ask(self, query: str, bindings: Mapping[str, Term] | None = None) -> bool:
        answer = self._run(query, bindings)
        if not isinstance(answer, ox.QueryBoolean):
            raise InputError("not an ASK query")
        return bool(answer)

    def load(self, quads: Iterable[ox.Quad], graph: str | None = None) -> None:
        """Add quads and merge them into the default graph; with `graph`, first drop that named
        graph (re-loading replaces it)."""
        quads = list(quads)
        self.build = None  # the data no longer is the build's: its kept aggregates do not hold
        if graph is not None:
            self._store.remove_graph(ox.NamedNode(graph)) if self._has_graph(graph) else None
        self._store.extend(quads)
        if merge := merge_update(quads, graph):
            self._store.update(merge)

    def _has_graph(self, graph: str) -> bool:
        return self._store.contains_named_graph(ox.NamedNode(graph))

    def update(self, update: str) -> None:
        """Run a SPARQL update on the named graphs, then merge them into the default graph again."""
        check_update(update, self.settings)
        self.build = None
        try:
            self._store.update(update, base_iri=self.base)
        except SyntaxError as exc:
            raise syntax_error(exc, update) from None
        except (RuntimeError, ValueError, OSError) as exc:
            raise InputError(f"the update failed: {exc}") from None
        self._store.update(MERGE_DEFAULT)

    def count(self) -> int:
        """Triples in the named graphs (a triple two sources state counts twice)."""
        return int(self.select(COUNT_NAMED).rows[0][0].value)  # type: ignore[union-attr]


def collect_rows(solutions: object, cap: int, timeout: float) -> Result:
    """The rows of SELECT `solutions`, at most `cap` (then marked truncated), within `timeout` s."""
    if not isinstance(solutions, ox.QuerySolutions):
        raise InputError("not a SELECT query")
    variables = [v.value for v in solutions.variables]
    rows: list[list[Term | None]] = []
    deadline = _Deadline(timeout)
    for solution in solutions:
        if len(rows) >= cap:
            return Result(variables, rows, truncated=True)
        rows.append(list(solution))  # values in the order of `variables`, None where unbound
        deadline.check()
    return Result(variables, rows)


class _Deadline:
    """Checks a time limit between rows; pyoxigraph evaluates lazily, row by row."""

    def __init__(self, seconds: float) -> None:
        import time

        self._time = time.monotonic
        self._end = self._time() + seconds

    def check(self) -> None:
        if self._time() > self._end:
            raise QueryTimeout("the query ran past the time limit; narrow it or add LIMIT")


_PROLOGUE = re.compile(r"^(?:\s|#[^\n]*\n|PREFIX\s+[^\s:]*:\s*<[^>]*>|BASE\s*<[^>]*>)*", re.IGNORECASE)
_DATASET_CLAUSE = re.compile(r"\bFROM\b", re.IGNORECASE)


@text_cache(max_bytes=16 << 20)  # the same query texts come again and again (stored queries, editors)
def with_row_limit(query: str, rows: int, base: str | None = None) -> str | None:
    """A SELECT wrapped as a subquery with `LIMIT rows`, projecting its variables in their order;
    None when it cannot be wrapped (not a SELECT, FROM clauses, or it does not parse)."""
    if query_kind(query) != "SELECT":
        return None
    prologue = _PROLOGUE.match(query).group()  # type: ignore[union-attr]
    body = query[len(prologue) :]
    if _DATASET_CLAUSE.search(blank_lexical(body)):
        return None
    try:
        parsed = _PARSE_ONLY.query(query, base_iri=base)
    except (SyntaxError, ValueError):
        return None
    if not isinstance(parsed, ox.QuerySolutions) or not parsed.variables:
        return None
    projection = " ".join(f"?{v.value}" for v in parsed.variables)
    return f"{prologue}SELECT {projection} {{ {body}\n}} LIMIT {int(rows)}"
