"""The remote backend: any SPARQL 1.1 server, queried through SPARQLWrapper, loaded through the
Graph Store Protocol (one PUT per named graph).

As on the embedded store, the server's default graph holds the merge of its named graphs:
loading and updating merge them again. Run the server without a "union default graph" option
(that would count a triple two letters state twice). Queries are parsed here first, so a
malformed query gets the same message and position as on the embedded store; the server's own
errors are reported as a backend failure without its text.
"""

from __future__ import annotations

import socket
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Mapping, Sequence
from itertools import groupby

import pyoxigraph as ox
from SPARQLWrapper import JSON, POST, TURTLE, SPARQLWrapper

from kg.errors import BackendError, InputError, QueryTimeout
from kg.settings import Settings
from kg.store import (
    COUNT_NAMED,
    MERGE_DEFAULT,
    Capabilities,
    Result,
    Term,
    bind_values,
    check_query,
    check_update,
    collect_rows,
    merge_update,
    syntax_error,
    with_row_limit,
)

_PARSER = ox.Store()  # empty: used only to parse queries and report syntax errors locally


def derived_endpoint(endpoint: str, swaps: dict[str, str]) -> str:
    """The endpoint with its last path segment swapped (…/query → …/store), else the endpoint."""
    head, _, last = endpoint.rstrip("/").rpartition("/")
    return f"{head}/{swaps[last]}" if last in swaps else endpoint


class RemoteStore:
    """The `Store` interface over a SPARQL 1.1 server (KG_SPARQL_ENDPOINT)."""

    capabilities = Capabilities(in_process=False, updates=True, datasets=True)
    native = None  # no pyoxigraph store in this process

    def raw(self, query: str, bindings: Mapping[str, Term] | None = None) -> ox.QuerySolutions:
        raise InputError("a remote store streams no native solutions; page with LIMIT/OFFSET")

    def __init__(self, settings: Settings) -> None:
        if not settings.sparql_endpoint:
            raise InputError("KG_SPARQL_ENDPOINT is not set")
        self.settings = settings
        self.base = settings.base
        self.endpoint = settings.sparql_endpoint
        self.update_endpoint = settings.sparql_update_endpoint or derived_endpoint(
            self.endpoint, {"query": "update"}
        )
        self.gsp_endpoint = settings.gsp_endpoint or derived_endpoint(
            self.endpoint, {"query": "store", "sparql": "data"}
        )

    # ------------------------------------------------------------------ queries

    def _prepare(self, query: str, bindings: Mapping[str, Term] | None) -> str:
        check_query(query, self.settings)
        try:
            _PARSER.query(query, base_iri=self.base)
        except SyntaxError as exc:
            raise syntax_error(exc, query) from None
        return bind_values(query, bindings)

    def _request(
        self,
        query: str,
        fmt: str,
        default_graphs: Sequence[str] = (),
        named_graphs: Sequence[str] = (),
        endpoint: str | None = None,
    ) -> bytes:
        client = SPARQLWrapper(endpoint or self.endpoint)
        client.setMethod(POST)
        client.setTimeout(max(1, round(self.settings.query_timeout)))
        client.setReturnFormat(fmt)
        for graph in default_graphs:
            client.addDefaultGraph(graph)
        for graph in named_graphs:
            client.addNamedGraph(graph)
        client.setQuery(f"BASE <{self.base}>\n{query}" if endpoint is None else query)
        try:
            response = client.query().response
            return response.read()
        except TimeoutError:
            raise QueryTimeout("the SPARQL server did not answer within the time limit") from None
        except urllib.error.URLError as exc:
            if isinstance(exc.reason, TimeoutError | socket.timeout):
                raise QueryTimeout("the SPARQL server did not answer within the time limit") from None
            raise BackendError(f"the SPARQL server at {self.endpoint} could not be reached") from None
        except Exception:
            raise BackendError("the SPARQL server refused or failed the query") from None

    def select(
        self,
        query: str,
        bindings: Mapping[str, Term] | None = None,
        limit: int | None = None,
        default_graphs: Sequence[str] = (),
        named_graphs: Sequence[str] = (),
    ) -> Result:
        cap = self.settings.max_rows if limit is None else min(limit, self.settings.max_rows)
        text = self._prepare(query, bindings)
        text = with_row_limit(text, cap + 1, self.base) or text
        data = self._request(text, JSON, default_graphs, named_graphs)
        solutions = ox.parse_query_results(data, format=ox.QueryResultsFormat.JSON)
        return collect_rows(solutions, cap, self.settings.query_timeout)

    def construct(
        self,
        query: str,
        bindings: Mapping[str, Term] | None = None,
        default_graphs: Sequence[str] = (),
        named_graphs: Sequence[str] = (),
    ) -> list[ox.Triple]:
        data = self._request(self._prepare(query, bindings), TURTLE, default_graphs, named_graphs)
        try:
            return [q.triple for q in ox.parse(data, format=ox.RdfFormat.TURTLE)]
        except SyntaxError:
            raise BackendError("the SPARQL server sent a graph that does not parse") from None

    def ask(
        self,
        query: str,
        bindings: Mapping[str, Term] | None = None,
        default_graphs: Sequence[str] = (),
        named_graphs: Sequence[str] = (),
    ) -> bool:
        data = self._request(self._prepare(query, bindings), JSON, default_graphs, named_graphs)
        answer = ox.parse_query_results(data, format=ox.QueryResultsFormat.JSON)
        if not isinstance(answer, ox.QueryBoolean):
            raise InputError("not an ASK query")
        return bool(answer)

    def count(self) -> int:
        """Triples in the named graphs (a triple two sources state counts twice)."""
        return int(self.select(COUNT_NAMED).rows[0][0].value)  # type: ignore[union-attr]

    def update(self, update: str) -> None:
        """Run a SPARQL update on the named graphs, then merge them into the default graph again."""
        check_update(update, self.settings)
        try:
            ox.Store().update(update, base_iri=self.base)  # parse (and try) on a scratch store
        except SyntaxError as exc:
            raise syntax_error(exc, update) from None
        except (RuntimeError, ValueError):
            pass  # it parses; what fails on an empty store (DROP GRAPH <g>) the server judges
        self._request(f"BASE <{self.base}>\n{update}", JSON, endpoint=self.update_endpoint)
        self.merge_default()

    def merge_default(self) -> None:
        """Make the server's default graph the merge of its named graphs."""
        self._request(MERGE_DEFAULT, JSON, endpoint=self.update_endpoint)

    # ------------------------------------------------------------------ loading (Graph Store Protocol)

    def load(self, quads: Iterable[ox.Quad], graph: str | None = None) -> None:
        """Add quads graph by graph (POST); with `graph`, replace that graph (PUT)."""
        quads = sorted(quads, key=lambda q: str(q.graph_name))
        for name, group in groupby(quads, key=lambda q: q.graph_name):
            triples = [q.triple for q in group]
            target = None if isinstance(name, ox.DefaultGraph) else name.value
            self.put_graph(target, triples, replace=graph is not None and target == graph)
        if merge := merge_update(quads, graph):
            self._request(merge, JSON, endpoint=self.update_endpoint)

    def put_graph(self, graph: str | None, triples: list[ox.Triple], replace: bool = True) -> None:
        """One Graph Store Protocol request: PUT (replace) or POST (add) a graph as N-Triples."""
        query = urllib.parse.urlencode({"graph": graph}) if graph else "default"
        body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
        request = urllib.request.Request(
            f"{self.gsp_endpoint}?{query}",
            data=body,
            method="PUT" if replace else "POST",
            headers={"Content-Type": "application/n-triples"},
        )
        try:
            with urllib.request.urlopen(request, timeout=max(30.0, self.settings.query_timeout)):
                pass
        except (urllib.error.URLError, OSError):
            raise BackendError(
                f"could not load graph {graph or 'default'} into {self.gsp_endpoint}"
            ) from None


def load_dataset(store: RemoteStore, settings: Settings) -> int:
    """Put the built dataset (build/dataset.nq) into the server, one PUT per named graph, then
    merge them into the default graph; the number of triples in the named graphs."""
    path = settings.dataset_path
    if not path.is_file():
        raise InputError(f"no built dataset at {path}: run `kg build` first")
    graphs: dict[str, list[ox.Triple]] = {}
    for quad in ox.parse(path=str(path), format=ox.RdfFormat.N_QUADS):
        if not isinstance(quad.graph_name, ox.DefaultGraph):
            graphs.setdefault(quad.graph_name.value, []).append(quad.triple)
    for name, triples in graphs.items():
        store.put_graph(name, triples)
    store.merge_default()
    return sum(map(len, graphs.values()))
