"""Stored queries as endpoints: typed parameters in OpenAPI, JSON and CSV, same answer as `kg query`."""

from __future__ import annotations

import csv
import io
import shutil

import pytest
from app_helpers import BASE
from fastapi.testclient import TestClient

from api.app import create_app
from kg.catalog import Catalog
from kg.query import run
from kg.results import to_json
from kg.service import open_store
from kg.settings import ROOT, Settings

TYPED = """# title: Evidence in a line range
# description: Quotes whose first line is at least `from`, from letters dated before `before`.
# param: from integer = 1 -- first line
# param: before date = 2100-01-01 -- letters before this date
# param: exact boolean = false -- unused flag
# max-rows: 50
PREFIX kgdef: <def#>
PREFIX oa: <http://www.w3.org/ns/oa#>
SELECT ?quote ?start WHERE {
  ?ev oa:exact ?quote ; kgdef:startLine ?start .
  FILTER(?start >= ?from && ?exact = false && ?before > "2000-01-01"^^<http://www.w3.org/2001/XMLSchema#date>)
} ORDER BY ?start
"""


@pytest.fixture(scope="module")
def typed_client(built, tmp_path_factory) -> TestClient:
    folder = tmp_path_factory.mktemp("typed")
    shutil.copytree(ROOT / "queries", folder / "queries")
    (folder / "queries" / "typed.rq").write_text(TYPED, encoding="utf-8")
    settings = Settings(**{**built.__dict__, "source_dir": folder})
    return TestClient(create_app(settings, open_store(built)), raise_server_exceptions=False)


def test_every_stored_query_is_listed_and_has_a_route(client, built):
    listed = {q["name"]: q for q in client.get("/queries").json()}
    assert set(listed) == set(Catalog(built.queries_dir).queries)
    paths = client.get("/openapi.json").json()["paths"]
    assert all(f"/queries/{name}" in paths for name in listed)


def test_answer_is_the_same_as_kg_query(client, built):
    expected = to_json(run(open_store(built), Catalog(built.queries_dir).get("search"), {"q": "zorg"}).result)
    response = client.get("/queries/search", params={"q": "zorg"})
    assert (
        response.status_code == 200 and response.headers["content-type"] == "application/sparql-results+json"
    )
    assert response.json() == expected and response.json()["truncated"] is False
    assert BASE + "id/organisation/zn" in {b["entity"]["value"] for b in expected["results"]["bindings"]}


def test_csv_by_format_or_accept(client):
    by_format = client.get("/queries/search", params={"q": "zorgverz", "format": "csv"})
    by_accept = client.get("/queries/search", params={"q": "zorgverz"}, headers={"accept": "text/csv"})
    for response in (by_format, by_accept):
        assert response.headers["content-type"].startswith("text/csv")
        rows = list(csv.DictReader(io.StringIO(response.text)))
        assert "Zorgverzekeraars Nederland" in {r["name"] for r in rows}


def test_typed_parameters_are_in_openapi(typed_client):
    operation = typed_client.get("/openapi.json").json()["paths"]["/queries/typed"]["get"]
    schemas = {p["name"]: p["schema"] for p in operation["parameters"]}

    def types(schema):
        return {s.get("type") for s in schema.get("anyOf", [schema])} | {
            s.get("format") for s in schema.get("anyOf", [schema])
        }

    assert "integer" in types(schemas["from"]) and "date" in types(schemas["before"])
    assert "boolean" in types(schemas["exact"])


def test_typed_parameters_bind_as_terms(typed_client):
    all_rows = typed_client.get("/queries/typed").json()["results"]["bindings"]
    later = typed_client.get("/queries/typed", params={"from": 50}).json()["results"]["bindings"]
    assert all_rows and later and len(later) < len(all_rows)
    assert all(int(b["start"]["value"]) >= 50 for b in later)


@pytest.mark.parametrize("name, value", [("from", "ten"), ("before", "yesterday"), ("exact", "maybe")])
def test_wrong_parameter_type_is_a_422_naming_it(typed_client, name, value):
    response = typed_client.get("/queries/typed", params={name: value})
    assert response.status_code == 422
    assert response.json()["error"] == "bad_parameter" and response.json()["parameter"] == name
    assert name in response.json()["message"]


def test_bad_iri_parameter_is_a_422(client):
    response = client.get("/queries/agreement-parties", params={"agreement": "nope:x y"})
    assert response.status_code == 422 and response.json()["parameter"] == "agreement"


def test_unknown_stored_query_is_a_404_naming_the_known_ones(client):
    response = client.get("/queries/no-such-query")
    assert response.status_code == 404 and "agreement-parties" in response.json()["message"]
