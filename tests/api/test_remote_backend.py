"""The same API over a remote SPARQL server (a real `oxigraph serve`), loaded through the Graph
Store Protocol: every answer must equal the embedded store's."""

from __future__ import annotations

import pytest
from app_helpers import BASE, client_for
from fastapi.testclient import TestClient
from store.backends import start_oxigraph

from api.app import create_app
from kg.remote import RemoteStore, load_dataset
from kg.service import open_store
from kg.settings import Settings

pytestmark = pytest.mark.slow
SAME = [
    ("/api/v1/organisations", {"limit": 7, "offset": 3}),
    ("/api/v1/organisations", {"participates_in": "agreement/hlo"}),
    ("/api/v1/laws", {}),
    ("/api/v1/organisations/vng", {}),
    ("/api/v1/agreements/hlo", {}),
    ("/api/v1/search", {"q": "patientenfederatie"}),
    ("/queries/search", {"q": "zorg"}),
    ("/queries/agreement-parties", {}),
    (
        "/sparql",
        {"query": "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g"},
    ),
]


@pytest.fixture(scope="module")
def remote(built, tmp_path_factory):
    proc, url = start_oxigraph(tmp_path_factory.mktemp("oxigraph-api"))
    settings = Settings(**{**built.__dict__, "sparql_endpoint": f"{url}/query"})
    store = open_store(settings)
    assert isinstance(store, RemoteStore)
    loaded = load_dataset(store, settings)
    assert loaded == store.count()
    yield TestClient(create_app(settings, store), raise_server_exceptions=False)
    proc.terminate()
    proc.wait(10)


@pytest.mark.parametrize("path, params", SAME)
def test_remote_answers_equal_embedded(remote, client, path, params):
    there, here = remote.get(path, params=params), client.get(path, params=params)
    assert there.status_code == here.status_code == 200
    assert there.json() == here.json()


@pytest.mark.parametrize(
    "accept", ["application/sparql-results+xml", "text/csv", "text/tab-separated-values"]
)
def test_remote_sparql_formats(remote, client, accept):
    query = {"query": "SELECT ?a WHERE { ?a a <def#Agreement> } ORDER BY ?a"}
    there = remote.get("/sparql", params=query, headers={"accept": accept})
    here = client.get("/sparql", params=query, headers={"accept": accept})
    assert there.status_code == 200 and there.headers["content-type"] == here.headers["content-type"]
    assert there.text.replace("\r\n", "\n") == here.text.replace("\r\n", "\n")


def test_remote_dataset_parameters_and_errors(remote):
    query = "SELECT ?a WHERE { ?a a <def#Agreement> }"
    only = remote.get("/sparql", params={"query": query, "default-graph-uri": BASE + "graph/nothing"})
    assert only.json()["results"]["bindings"] == []
    broken = remote.get("/sparql", params={"query": "SELECT ?s\nWHERE { ?s ?p }"})
    assert broken.status_code == 400 and broken.json()["line"] == 2
    assert remote.get("/api/v1/organisations/nobody").status_code == 404


def test_remote_row_cap(built, remote):
    store = remote.app.state.kg.store
    capped = Settings(**{**store.settings.__dict__, "max_rows": 3})
    client = TestClient(create_app(capped, RemoteStore(capped)), raise_server_exceptions=False)
    response = client.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }"})
    assert len(response.json()["results"]["bindings"]) == 3 and response.json()["truncated"] is True
    assert response.headers["x-kg-truncated"] == "true"


def test_unreachable_server_is_a_502_without_internals(built):
    settings = Settings(**{**built.__dict__, "sparql_endpoint": "http://127.0.0.1:9/query"})
    response = client_for(settings).get("/api/v1/laws")
    assert response.status_code == 502 and response.json()["error"] == "backend_error"
    assert "Traceback" not in response.text and "Errno" not in response.text
