"""The SPARQL 1.1 Protocol over HTTP: each method, each format, each error case."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import xml.etree.ElementTree as ET

import pyoxigraph as ox
import pytest
from app_helpers import BASE, client_for

AGREEMENTS = "SELECT ?a WHERE { ?a a <def#Agreement> } ORDER BY ?a"
EXPECTED = [BASE + "id/agreement/azwa", BASE + "id/agreement/hlo"]
CONSTRUCT = (
    "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "
    "CONSTRUCT { ?a skos:prefLabel ?l } WHERE { ?a a <def#Agreement> ; skos:prefLabel ?l }"
)


def bindings(response) -> list[str]:
    return [b["a"]["value"] for b in response.json()["results"]["bindings"]]


def test_get_post_form_and_post_body_give_the_same_answer(client):
    by_get = client.get("/sparql", params={"query": AGREEMENTS})
    by_form = client.post("/sparql", data={"query": AGREEMENTS})
    by_body = client.post("/sparql", content=AGREEMENTS, headers={"content-type": "application/sparql-query"})
    for response in (by_get, by_form, by_body):
        assert response.status_code == 200
        assert response.headers["content-type"] == "application/sparql-results+json"
        assert bindings(response) == EXPECTED
        assert response.json()["truncated"] is False and response.headers["x-kg-truncated"] == "false"


@pytest.mark.parametrize(
    "accept, check",
    [
        (
            "application/sparql-results+json",
            lambda t: [b["a"]["value"] for b in json.loads(t)["results"]["bindings"]],
        ),
        (
            "application/sparql-results+xml",
            lambda t: [e.text for e in ET.fromstring(t).iter("{http://www.w3.org/2005/sparql-results#}uri")],
        ),
        ("text/csv", lambda t: [r[0] for r in list(csv.reader(io.StringIO(t)))[1:]]),
        ("text/tab-separated-values", lambda t: [line.strip("<>") for line in t.splitlines()[1:]]),
    ],
)
def test_select_results_in_each_format(client, accept, check):
    response = client.get("/sparql", params={"query": AGREEMENTS}, headers={"accept": accept})
    assert response.status_code == 200 and response.headers["content-type"].startswith(accept)
    assert check(response.text) == EXPECTED


@pytest.mark.parametrize(
    "accept, fmt",
    [
        ("text/turtle", ox.RdfFormat.TURTLE),
        ("application/n-triples", ox.RdfFormat.N_TRIPLES),
        ("application/ld+json", ox.RdfFormat.JSON_LD),
        ("application/rdf+xml", ox.RdfFormat.RDF_XML),
    ],
)
def test_construct_in_each_rdf_format(client, accept, fmt):
    response = client.post("/sparql", data={"query": CONSTRUCT}, headers={"accept": accept})
    assert response.status_code == 200 and response.headers["content-type"].startswith(accept)
    labels = {q.object.value for q in ox.parse(response.content, format=fmt)}
    assert labels == {"Hoofdlijnenakkoord Ouderenzorg", "Aanvullend Zorg en Welzijnsakkoord"}


def test_describe_and_ask(client):
    described = client.get(
        "/sparql",
        params={"query": "DESCRIBE <id/agreement/hlo>"},
        headers={"accept": "application/n-triples"},
    )
    assert "Hoofdlijnenakkoord Ouderenzorg" in described.text
    asked = client.get("/sparql", params={"query": "ASK { <id/agreement/hlo> a <def#Agreement> }"})
    assert asked.json()["boolean"] is True


def test_default_and_named_graph_uri_choose_the_dataset(client):
    query = "SELECT ?a WHERE { ?a a <def#Agreement> }"
    empty = client.get("/sparql", params={"query": query, "default-graph-uri": BASE + "graph/nothing"})
    assert empty.json()["results"]["bindings"] == []
    hlo = client.get(
        "/sparql", params={"query": query, "default-graph-uri": BASE + "graph/hlo-aanbieding-2025"}
    )
    assert len(hlo.json()["results"]["bindings"]) == 2
    named = client.post(
        "/sparql",
        data={
            "query": "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }",
            "named-graph-uri": BASE + "graph/ontology",
        },
    )
    assert [b["g"]["value"] for b in named.json()["results"]["bindings"]] == [BASE + "graph/ontology"]


def test_row_cap_truncates_and_says_so(built):
    capped = client_for(built, max_rows=3)
    for accept in ("application/sparql-results+json", "text/csv"):
        response = capped.get(
            "/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }"}, headers={"accept": accept}
        )
        assert response.headers["x-kg-truncated"] == "true"
    response = capped.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }"})
    assert len(response.json()["results"]["bindings"]) == 3 and response.json()["truncated"] is True
    rows = list(
        csv.reader(
            io.StringIO(
                capped.get(
                    "/sparql", params={"query": "SELECT * { ?s ?p ?o }"}, headers={"accept": "text/csv"}
                ).text
            )
        )
    )
    assert len(rows) == 4


def test_malformed_query_is_a_400_with_position(client):
    response = client.get("/sparql", params={"query": "SELECT ?s\nWHERE { ?s ?p }"})
    assert response.status_code == 400
    body = response.json()
    assert body["error"] == "query_syntax" and body["line"] == 2 and "column" in body


def test_no_query_is_a_400(client):
    assert client.get("/sparql").status_code == 400
    assert client.post("/sparql", data={"other": "x"}).status_code == 400
    assert (
        client.post("/sparql", content="", headers={"content-type": "application/sparql-query"}).status_code
        == 400
    )


def test_an_update_sent_as_a_query_is_a_malformed_query(client):
    insert = "INSERT DATA { GRAPH <graph/notes> { <id/x/y> <def#p> 1 } }"
    for response in (
        client.get("/sparql", params={"query": insert}),
        client.post("/sparql", data={"query": insert}),
        client.post("/sparql", content=insert, headers={"content-type": "application/sparql-query"}),
    ):
        assert response.status_code == 400, response.text
        assert response.json()["error"] == "query_syntax" and "update=" in response.json()["message"]


def test_two_query_parameters_are_a_400(client):
    twice = client.get("/sparql", params=[("query", AGREEMENTS), ("query", "ASK {}")])
    assert twice.status_code == 400 and twice.json()["parameter"] == "query"
    in_form = client.post(
        "/sparql",
        content="query=ASK%20%7B%7D&query=ASK%20%7B%7D",
        headers={"content-type": "application/x-www-form-urlencoded"},
    )
    assert in_form.status_code == 400 and "exactly one" in in_form.json()["message"]
    url_and_form = client.post("/sparql?query=ASK%20%7B%7D", data={"query": "ASK {}"})
    assert url_and_form.status_code == 400
    assert client.get("/sparql", params={"query": "ASK {}"}).status_code == 200


def test_updates_without_token_are_refused(client):
    insert = "INSERT DATA { GRAPH <graph/notes> { <id/x/y> <def#p> 1 } }"
    assert client.post("/sparql", data={"update": insert}).status_code == 403
    assert (
        client.post(
            "/sparql", content=insert, headers={"content-type": "application/sparql-update"}
        ).status_code
        == 403
    )


def test_update_with_the_token(built):
    writable = client_for(built, update_token="s3cret")
    insert = (
        "INSERT DATA { GRAPH <graph/notes> "
        "{ <id/law/new> a <http://data.europa.eu/eli/ontology#LegalResource> } }"
    )
    wrong = writable.post("/sparql", data={"update": insert}, headers={"authorization": "Bearer nope"})
    assert wrong.status_code == 403 and wrong.json()["error"] == "forbidden"
    ok = writable.post(
        "/sparql",
        content=insert,
        headers={"content-type": "application/sparql-update", "authorization": "Bearer s3cret"},
    )
    assert ok.status_code == 204
    asked = writable.get("/sparql", params={"query": "ASK { <id/law/new> ?p ?o }"})
    assert asked.json()["boolean"] is True  # the default graph is merged again after the update
    into_default = writable.post(
        "/sparql",
        data={"update": "INSERT DATA { <id/law/other> a <def#Law> }"},
        headers={"authorization": "Bearer s3cret"},
    )
    assert into_default.status_code == 400 and "named graph" in into_default.json()["message"]


def test_service_calls_are_refused_unless_enabled(client):
    query = "SELECT * WHERE { SERVICE <http://example.com/sparql> { ?s ?p ?o } }"
    response = client.get("/sparql", params={"query": query})
    assert response.status_code == 403 and "KG_ALLOW_SERVICE" in response.json()["message"]


def test_service_calls_in_updates_are_refused_even_with_the_token(built):
    writable = client_for(built, update_token="s3cret")
    update = "INSERT { ?s ?p ?o } WHERE { SERVICE <http://example.com/sparql> { ?s ?p ?o } }"
    response = writable.post("/sparql", data={"update": update}, headers={"authorization": "Bearer s3cret"})
    assert response.status_code == 403 and "KG_ALLOW_SERVICE" in response.json()["message"]
    quoted = 'INSERT DATA { GRAPH <graph/notes> { <id/x/y> <def#note> "SERVICE is only a word here" } }'
    ok = writable.post("/sparql", data={"update": quoted}, headers={"authorization": "Bearer s3cret"})
    assert ok.status_code == 204


def test_unsupported_accept_is_a_406(client):
    response = client.get("/sparql", params={"query": AGREEMENTS}, headers={"accept": "image/png"})
    assert response.status_code == 406 and response.json()["error"] == "not_acceptable"


def test_unsupported_content_type_is_a_415(client):
    response = client.post("/sparql", content=AGREEMENTS, headers={"content-type": "text/plain"})
    assert response.status_code == 415


def test_timeout_is_a_503(built):
    slow = client_for(built, query_timeout=0.05)
    query = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g <def#startLine> ?i }"
    response = slow.get("/sparql", params={"query": query})
    assert response.status_code == 503 and "time limit" in response.json()["message"]


def test_request_size_limit_is_a_413(built):
    small = client_for(built, max_request_bytes=200)
    response = small.post(
        "/sparql", content=AGREEMENTS + " " * 300, headers={"content-type": "application/sparql-query"}
    )
    assert response.status_code == 413 and response.json()["error"] == "too_large"
    by_get = small.get("/sparql", params={"query": AGREEMENTS + " " * 300})
    assert by_get.status_code == 413 and "KG_MAX_REQUEST_BYTES" in by_get.json()["message"]
    streamed = small.post(  # no content-length: counted while it is read
        "/sparql",
        content=iter([AGREEMENTS.encode(), b" " * 300]),
        headers={"content-type": "application/sparql-query"},
    )
    assert streamed.status_code == 413


def test_cors_follows_the_settings(built):
    strict = client_for(built, cors_origins=("https://allowed.example",))
    allowed = strict.get(
        "/sparql", params={"query": AGREEMENTS}, headers={"origin": "https://allowed.example"}
    )
    assert allowed.headers["access-control-allow-origin"] == "https://allowed.example"
    other = strict.get("/sparql", params={"query": AGREEMENTS}, headers={"origin": "https://evil.example"})
    assert "access-control-allow-origin" not in other.headers


def test_service_description_for_rdf_clients(client):
    response = client.get("/sparql", headers={"accept": "text/turtle"})
    assert response.status_code == 200
    graph = ox.parse(response.content, format=ox.RdfFormat.TURTLE)
    predicates = {q.predicate.value.rsplit("#", 1)[-1] for q in graph}
    assert {"endpoint", "supportedLanguage", "resultFormat"} <= predicates


def test_browser_gets_the_query_editor_with_examples_and_prefixes(client):
    page = client.get("/sparql", headers={"accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "/sparql/assets/yasgui.min.js" in page.text and "cdn" not in page.text.lower()
    config = json.loads(
        re.search(r'<script id="kg-config" type="application/json">(.*?)</script>', page.text, re.S).group(1)
    )
    assert "PREFIX ag: <http://localhost:8000/id/agreement/>" in config["prologue"]
    assert {"agreement-parties", "search"} <= {q["name"] for q in config["queries"]}
    assert all(q["text"].lstrip().startswith("#") for q in config["queries"])
    assert "Partijen bij een akkoord" in page.text
    script = client.get("/sparql/assets/yasgui.min.js")
    assert script.status_code == 200 and len(script.content) > 100_000
    assert client.get("/sparql/assets/..%2F..%2Fpackage.json").status_code == 404


def test_an_update_reaches_the_lists_search_and_explorer(built, tmp_path):
    shutil.copy(built.dataset_path, tmp_path / "dataset.nq")  # a build folder of its own (explorer)
    writable = client_for(built, update_token="s3cret", build_dir=tmp_path)
    assert "Nieuwe Koepel" not in writable.get("/explorer/data.js").text

    def central() -> list[str]:
        return [i["name"] for i in writable.get("/api/v1/network/centrality").json()["items"]]

    assert "Nieuwe Koepel" not in central()
    assert writable.get("/api/v1/organisations").json()["total"] > 0
    insert = (
        "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> INSERT DATA { GRAPH <graph/notes> { "
        "<id/organisation/nieuwe-koepel> a <http://www.w3.org/ns/org#Organization> ; "
        'skos:prefLabel "Nieuwe Koepel"@nl } }'
    )
    done = writable.post("/sparql", data={"update": insert}, headers={"authorization": "Bearer s3cret"})
    assert done.status_code == 204
    slugs = [i["slug"] for i in writable.get("/api/v1/organisations", params={"limit": 500}).json()["items"]]
    assert "nieuwe-koepel" in slugs
    assert writable.get("/api/v1/search", params={"q": "nieuwe koep"}).json()["items"]
    assert "Nieuwe Koepel" in writable.get("/explorer/data.js").text
    assert "Nieuwe Koepel" in central()
