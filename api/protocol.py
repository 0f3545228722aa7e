"""Running a SPARQL protocol request: the answer as bytes in the negotiated format, row-capped.

On the embedded store the answer is written by pyoxigraph itself (the fast path): a SELECT is
wrapped in `SELECT * { ... } LIMIT cap+1`, serialised natively, and only when more than `cap`
rows came back is it answered again row by row, cut at the cap and flagged as truncated.
Other stores go through the `Store` interface and the same serialisers.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import islice

import pyoxigraph as ox

from kg.errors import Forbidden, InputError
from kg.namespaces import prefixes
from kg.results import to_json
from kg.settings import Settings
from kg.store import Result, Store, check_query, query_kind, syntax_error, with_row_limit

QRF, RF = ox.QueryResultsFormat, ox.RdfFormat
RESULT_TYPES = {
    "application/sparql-results+json": QRF.JSON,
    "application/json": QRF.JSON,
    "application/sparql-results+xml": QRF.XML,
    "application/xml": QRF.XML,
    "text/xml": QRF.XML,
    "text/csv": QRF.CSV,
    "text/tab-separated-values": QRF.TSV,
}
GRAPH_SIZES = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
GRAPH_TYPES = {
    "text/turtle": RF.TURTLE,
    "application/n-triples": RF.N_TRIPLES,
    "application/ld+json": RF.JSON_LD,
    "application/rdf+xml": RF.RDF_XML,
    "text/plain": RF.N_TRIPLES,
    "application/x-turtle": RF.TURTLE,
}


@dataclass(frozen=True)
class Dataset:
    """`default-graph-uri` and `named-graph-uri` of a request (none: the default graph, which is
    the merge of all named graphs)."""

    default: Sequence[str] = ()
    named: Sequence[str] = ()

    def __bool__(self) -> bool:
        return bool(self.default or self.named)


@dataclass(frozen=True)
class Answer:
    body: bytes
    media_type: str
    truncated: bool


def offered_types(query: str) -> list[str]:
    """The media types a query can be answered in, the default first."""
    kind = query_kind(query)
    return list(GRAPH_TYPES if kind in ("CONSTRUCT", "DESCRIBE") else RESULT_TYPES)


def count_rows(data: bytes, fmt: ox.QueryResultsFormat) -> int:
    """Rows in a pyoxigraph serialisation; never fewer than there are (more is harmless)."""
    if fmt == QRF.JSON:
        return 0 if data.rstrip().endswith(b'"bindings":[]}}') else data.count(b"},{") + 1
    if fmt == QRF.XML:
        return data.count(b"<result>")
    if fmt == QRF.CSV:
        return max(0, data.count(b"\r\n") - 1)
    return max(0, data.count(b"\n") - 1)


def with_truncated_flag(data: bytes, truncated: bool) -> bytes:
    """SPARQL results JSON with a top-level `truncated` field added."""
    data = data.rstrip()
    return data[:-1] + (b',"truncated":true}' if truncated else b',"truncated":false}')


def serialise_result(result: Result, fmt: ox.QueryResultsFormat) -> bytes:
    document = to_json(result)
    if fmt == QRF.JSON:
        return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode()
    del document["truncated"]
    parsed = ox.parse_query_results(json.dumps(document).encode(), format=QRF.JSON)
    return parsed.serialize(format=fmt)


def serialise_boolean(value: bool, fmt: ox.QueryResultsFormat) -> bytes:
    parsed = ox.parse_query_results(json.dumps({"head": {}, "boolean": value}).encode(), format=QRF.JSON)
    return parsed.serialize(format=fmt)


class SparqlService:
    """Answers protocol requests over one store, with the settings' row cap."""

    def __init__(self, store: Store, settings: Settings) -> None:
        self.store = store
        self.settings = settings
        self.cap = settings.max_rows
        self.prefixes = prefixes(settings.base)
        self.native = store.native if store.capabilities.in_process else None

    def work(self, payload: tuple) -> Answer | None:
        """What a query worker runs: ("query", query, media type, dataset) -> the answer, or
        ("update", text) -> a trial of the update on the worker's copy, which must leave every
        graph outside KG_WRITABLE_GRAPHS as it was."""
        if payload[0] == "query":
            return self.answer(*payload[1:])
        before = self._protected_sizes()
        self.store.update(payload[1])
        if self._protected_sizes() != before:
            raise Forbidden("the update changed a graph outside KG_WRITABLE_GRAPHS; it was not applied")
        return None

    def _protected_sizes(self) -> dict[str, int]:
        rows = self.store.select(GRAPH_SIZES).rows
        return {g.value: int(n.value) for g, n in rows if g.value not in self.settings.writable}  # type: ignore[union-attr]

    def answer(self, query: str, media_type: str, dataset: Dataset = Dataset()) -> Answer:
        """The answer to `query` in `media_type` (one of `offered_types(query)`)."""
        check_query(query, self.settings)
        kind = query_kind(query)
        if kind in ("CONSTRUCT", "DESCRIBE"):
            triples, truncated = self._triples(query, dataset)
            fmt = GRAPH_TYPES[media_type]
            extra = {"prefixes": self.prefixes} if fmt in (RF.TURTLE, RF.RDF_XML) else {}
            return Answer(ox.serialize(triples, format=fmt, **extra), media_type, truncated)
        fmt = RESULT_TYPES[media_type]
        if self.native is not None:
            body, truncated = self._native_results(query, fmt, dataset)
        elif kind == "ASK":
            body, truncated = serialise_boolean(self.store.ask(query, **self._remote(dataset)), fmt), False
        else:
            result = self.store.select(query, **self._remote(dataset))
            body, truncated = serialise_result(result, fmt), result.truncated
        return Answer(body, media_type, truncated)

    def _remote(self, dataset: Dataset) -> dict:
        if not dataset:
            return {}
        if not self.store.capabilities.datasets:
            raise InputError("this store does not take default-graph-uri / named-graph-uri")
        return {"default_graphs": list(dataset.default), "named_graphs": list(dataset.named)}

    def _query(self, text: str, dataset: Dataset, original: str):
        options: dict = {}
        try:
            if dataset.default:
                options["default_graph"] = [ox.NamedNode(g) for g in dataset.default]
            if dataset.named:
                options["named_graphs"] = [ox.NamedNode(g) for g in dataset.named]
            return self.native.query(text, base_iri=self.settings.base, **options)  # type: ignore[union-attr]
        except SyntaxError as exc:
            if text != original:
                return self._query(original, dataset, original)
            raise syntax_error(exc, original) from None
        except ValueError:
            raise InputError("default-graph-uri and named-graph-uri must be absolute IRIs") from None

    def _native_results(self, query: str, fmt: ox.QueryResultsFormat, dataset: Dataset) -> tuple[bytes, bool]:
        wrapped = with_row_limit(query, self.cap + 1, self.settings.base) or query
        answer = self._query(wrapped, dataset, query)
        if not isinstance(answer, ox.QuerySolutions):
            return answer.serialize(format=fmt), False
        data = answer.serialize(format=fmt)
        if count_rows(data, fmt) <= self.cap:
            return (with_truncated_flag(data, False) if fmt == QRF.JSON else data), False
        solutions = self._query(wrapped, dataset, query)
        names = [v.value for v in solutions.variables]
        rows = [[s[n] for n in names] for s in islice(solutions, self.cap + 1)]
        result = Result(names, rows[: self.cap], truncated=len(rows) > self.cap)
        return serialise_result(result, fmt), result.truncated

    def _triples(self, query: str, dataset: Dataset) -> tuple[list[ox.Triple], bool]:
        if self.native is not None:
            triples = list(islice(self._query(query, dataset, query), self.cap + 1))
        else:
            triples = self.store.construct(query, **self._remote(dataset))
        return triples[: self.cap], len(triples) > self.cap
