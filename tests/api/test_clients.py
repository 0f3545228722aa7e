"""Real SPARQL clients against a real uvicorn server: SPARQLWrapper and rdflib's SPARQLStore."""

from __future__ import annotations

import pytest
from app_helpers import BASE, LiveServer
from rdflib import Graph, URIRef
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import CSV, JSON, TURTLE, XML, SPARQLWrapper

from api.app import create_app
from kg.service import open_store

pytestmark = pytest.mark.slow
QUERY = (
    "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "
    "SELECT ?a ?l WHERE { ?a a <def#Agreement> ; skos:prefLabel ?l } ORDER BY ?a"
)


@pytest.fixture(scope="module")
def endpoint(built):
    with LiveServer(create_app(built, open_store(built))) as server:
        yield f"{server.url}/sparql"


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_sparqlwrapper_select_json(endpoint, method):
    client = SPARQLWrapper(endpoint)
    client.setMethod(method)
    client.setQuery(QUERY)
    client.setReturnFormat(JSON)
    rows = client.queryAndConvert()["results"]["bindings"]
    assert [r["a"]["value"] for r in rows] == [BASE + "id/agreement/azwa", BASE + "id/agreement/hlo"]


def test_sparqlwrapper_xml_csv_and_construct(endpoint):
    client = SPARQLWrapper(endpoint)
    client.setQuery(QUERY)
    client.setReturnFormat(XML)
    assert len(client.queryAndConvert().getElementsByTagName("result")) == 2
    client.setReturnFormat(CSV)
    assert b"Hoofdlijnenakkoord Ouderenzorg" in client.queryAndConvert()
    client.setQuery("DESCRIBE <id/agreement/hlo>")
    client.setReturnFormat(TURTLE)
    graph = Graph().parse(data=client.queryAndConvert(), format="turtle")
    assert (URIRef(BASE + "id/agreement/hlo"), None, None) in graph


def test_sparqlwrapper_sees_errors_as_errors(endpoint):
    from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

    client = SPARQLWrapper(endpoint)
    client.setQuery("SELECT ?s WHERE { ?s ?p }")
    client.setReturnFormat(JSON)
    with pytest.raises(QueryBadFormed):
        client.queryAndConvert()


def test_rdflib_sparqlstore_reads_the_graph(endpoint):
    graph = Graph(store=SPARQLStore(endpoint, returnFormat="xml"))
    labels = {
        str(o)
        for o in graph.objects(
            URIRef(BASE + "id/organisation/zn"), URIRef("http://www.w3.org/2004/02/skos/core#prefLabel")
        )
    }
    assert labels == {"Zorgverzekeraars Nederland"}
    rows = list(graph.query(QUERY))
    assert [str(r.a) for r in rows] == [BASE + "id/agreement/azwa", BASE + "id/agreement/hlo"]
    assert graph.query("ASK { <http://localhost:8000/id/agreement/hlo> ?p ?o }").askAnswer is True


def test_rdflib_sparqlstore_json_results(endpoint):
    graph = Graph(store=SPARQLStore(endpoint, returnFormat="json"))
    assert len(list(graph.query(QUERY))) == 2
