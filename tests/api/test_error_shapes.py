"""Odd requests get the right status in the JSON error shape, never a 500 or a plain-text 400."""

from __future__ import annotations

import pytest


def error_of(response) -> str:
    assert response.headers["content-type"].startswith("application/json"), response.text
    body = response.json()
    assert set(body) >= {"error", "message"}, body
    return body["error"]


def test_a_nul_byte_in_an_explorer_path_is_a_404(client):
    response = client.get("/explorer/a%00b")
    assert response.status_code == 404 and error_of(response) == "not_found"


def test_a_refused_cors_preflight_has_the_error_shape(client):
    headers = {"origin": "http://elsewhere.example", "access-control-request-method": "DELETE"}
    response = client.options("/sparql", headers=headers)
    assert response.status_code == 400 and error_of(response) == "bad_request"
    assert "CORS" in response.json()["message"]
    allowed = client.options("/sparql", headers={**headers, "access-control-request-method": "POST"})
    assert allowed.status_code == 200


def test_a_query_with_a_utf8_bom_is_read(client):
    by_get = client.get("/sparql", params={"query": "\ufeffASK { ?s ?p ?o }"})
    by_body = client.post(
        "/sparql",
        content="\ufeffASK { ?s ?p ?o }".encode(),
        headers={"content-type": "application/sparql-query"},
    )
    assert by_get.status_code == by_body.status_code == 200 and by_get.json()["boolean"] is True


def test_a_q_value_that_is_no_number_counts_as_one(client):
    for path in ("/sparql?query=ASK%20%7B%7D", "/api/v1/organisations", "/queries", "/queries/organisations"):
        assert client.get(path, headers={"accept": "*/*;q=abc"}).status_code == 200, path


@pytest.mark.parametrize(
    "path", ["/api/v1/organisations", "/api/v1/search?q=actiz", "/queries", "/queries/organisations"]
)
def test_accept_is_honoured_on_the_api_and_the_stored_queries(client, path):
    refused = client.get(path, headers={"accept": "image/png"})
    assert refused.status_code == 406 and error_of(refused) == "not_acceptable"
    assert client.get(path, headers={"accept": "application/json"}).status_code == 200
    assert client.get(path, headers={"accept": "text/html"}).status_code == 200  # a browser shows the JSON


def test_stored_queries_answer_in_csv_when_asked(client):
    response = client.get("/queries/organisations", headers={"accept": "text/csv"})
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
