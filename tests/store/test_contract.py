"""The store contract: the embedded and the remote backend answer alike."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from store.backends import BASE, tiny_quads

from kg.errors import BackendError, Forbidden, InputError, QuerySyntaxError
from kg.store import Term

SKOS = "http://www.w3.org/2004/02/skos/core#"


def values(result, column: int = 0) -> list[str]:
    return [row[column].value for row in result.rows]


def test_default_graph_is_the_merge_of_the_named_graphs(store):
    result = store.select("SELECT ?s WHERE { ?s a ?type } ORDER BY ?s")
    assert values(result) == [
        BASE + "id/agreement/hlo",
        BASE + "id/organisation/pfn",
        BASE + "id/organisation/zn",
    ]
    assert result.truncated is False


def test_a_triple_two_sources_state_is_one_triple_of_the_default_graph(store):
    label = f"<id/organisation/zn> <{SKOS}prefLabel> ?l"
    assert len(store.select(f"SELECT ?l WHERE {{ {label} }}").rows) == 1
    graphs = store.select(f"SELECT ?g WHERE {{ GRAPH ?g {{ {label} }} }} ORDER BY ?g")
    assert values(graphs) == [BASE + "graph/a", BASE + "graph/b"]


def test_updates_change_named_graphs_and_the_default_graph_follows(store):
    store.update("INSERT DATA { GRAPH <graph/notes> { <id/law/wlz> a <def#Law> } }")
    assert store.ask("ASK { <id/law/wlz> a <def#Law> }") is True
    store.update("DROP GRAPH <graph/b>")
    assert store.ask("ASK { <id/agreement/hlo> ?p ?o }") is False
    assert store.ask(f"ASK {{ <id/organisation/zn> <{SKOS}prefLabel> ?l }}") is True  # graph a says it too


def test_updates_that_write_the_default_graph_are_refused(store):
    for update in ("INSERT DATA { <id/law/wlz> a <def#Law> }", "CLEAR DEFAULT"):
        with pytest.raises(InputError, match="named graph"):
            store.update(update)
    assert store.ask("ASK { <id/law/wlz> ?p ?o }") is False


def test_an_update_that_fails_is_a_clear_error(store):
    with pytest.raises((InputError, BackendError)) as caught:
        store.update("DROP GRAPH <graph/nothing>")
    assert "graph" in caught.value.message.lower() or "server" in caught.value.message.lower()


def test_graph_keyword_names_the_source_graph(store):
    result = store.select("SELECT ?g WHERE { GRAPH ?g { <id/agreement/hlo> a ?t } }")
    assert values(result) == [BASE + "graph/b"]


def test_literals_keep_language_and_diacritics(store):
    result = store.select(f"SELECT ?l WHERE {{ <id/organisation/pfn> <{SKOS}prefLabel> ?l }}")
    label = result.rows[0][0]
    assert label.value == "Patiëntenfederatie Nederland" and label.language == "nl"


def test_bound_values_are_terms_not_query_text(store):
    query = f"SELECT ?s WHERE {{ ?s <{SKOS}altLabel> ?abbr }}"
    assert values(store.select(query, {"abbr": ox.Literal("ZN")})) == [BASE + "id/organisation/zn"]
    sneaky: dict[str, Term] = {"abbr": ox.Literal('ZN" } ?s ?p ?o { "')}
    assert store.select(query, sneaky).rows == []


def test_row_cap_truncates_and_says_so(store_factory):
    capped = store_factory(max_rows=2)
    capped.load(tiny_quads())
    result = capped.select("SELECT ?s ?p ?o WHERE { ?s ?p ?o }")
    assert len(result.rows) == 2 and result.truncated is True
    assert capped.select("SELECT ?s WHERE { ?s a <def#Agreement> }").truncated is False


def test_construct_and_ask(store):
    triples = store.construct(f"CONSTRUCT {{ ?s <{SKOS}prefLabel> ?l }} WHERE {{ ?s <{SKOS}prefLabel> ?l }}")
    assert len(triples) == 3 and all(isinstance(t, ox.Triple) for t in triples)
    assert store.ask("ASK { <id/organisation/zn> <def#relatedTo> <id/organisation/pfn> }") is True
    assert store.ask("ASK { <id/organisation/pfn> <def#relatedTo> <id/organisation/zn> }") is False


def test_count_counts_every_quad(store):
    assert store.count() == len(tiny_quads())


def test_loading_a_graph_again_replaces_it(store):
    triple = ox.Triple(ox.NamedNode(BASE + "id/law/wlz"), ox.NamedNode(SKOS + "prefLabel"), ox.Literal("Wlz"))
    store.load([ox.Quad(*triple, ox.NamedNode(BASE + "graph/b"))], graph=BASE + "graph/b")
    assert store.ask("ASK { <id/law/wlz> ?p ?o }") is True
    assert store.ask("ASK { <id/agreement/hlo> ?p ?o }") is False
    assert store.ask("ASK { <id/organisation/zn> a ?t }") is True


def test_malformed_query_gives_line_and_column(store):
    with pytest.raises(QuerySyntaxError) as caught:
        store.select("SELECT ?s\nWHERE { ?s ?p }")
    assert caught.value.details["line"] == 2 and "^" in caught.value.message


def test_updates_and_service_calls_are_refused_on_the_query_path(store):
    with pytest.raises(QuerySyntaxError, match="update="):  # an update is a malformed query
        store.select("INSERT DATA { <a:b> <a:c> <a:d> }")
    with pytest.raises(Forbidden):
        store.select("SELECT * WHERE { SERVICE <http://example.com/sparql> { ?s ?p ?o } }")
