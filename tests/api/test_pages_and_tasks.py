"""Pages and API as their users find them: entity pages with the ontology's names, a Dutch 404,
task-shaped JSON, unknown parameters refused, /queries for a browser, compressed assets."""

from __future__ import annotations

import gzip
import re

import pytest

HTML = {"accept": "text/html"}


def test_entity_page_names_properties_as_the_ontology_does(client):
    page = client.get("/id/organisation/actiz", headers=HTML).text
    assert "kgdef:participant" not in page.replace('title="kgdef:participant"', "")
    assert ">deelnemer<" in page or ">deelnemer " in page  # the ontology's Dutch label
    assert page.count("<h1>ActiZ</h1>") == 1
    assert page.count(">ActiZ<") <= 2  # the name once (and the title), not three times over
    assert '/explorer/#node=organisation/actiz"' in page or "/explorer/#node=organisation%2Factiz" in page
    for suffix, media in ((".nt", "application/n-triples"), (".rdf", "application/rdf+xml")):
        assert f'href="/id/organisation/actiz{suffix}"' in page
        answer = client.get(f"/id/organisation/actiz{suffix}")
        assert answer.status_code == 200 and answer.headers["content-type"].startswith(media)


def test_404_in_dutch_for_a_browser(client):
    page = client.get("/id/organisation/bestaat-niet", headers=HTML)
    assert page.status_code == 404
    assert "Niet gevonden" in page.text and "bestaat niet" in page.text and "/explorer/" in page.text


def test_an_organisations_participations_with_quote_and_source(client):
    body = client.get("/api/v1/organisations/actiz/participations").json()
    items = body["participations"]
    hlo = next(i for i in items if i["initiative"]["id"].endswith("/id/agreement/hlo"))
    assert hlo["role"] == "opsteller" and "ActiZ" in hlo["quote"]
    assert hlo["source"]["id"].startswith("http") and hlo["evidence"][0]["lines"][0] > 0
    assert all(i["quote"] and i["source"]["id"] for i in items)
    assert client.get("/api/v1/organisations/niemand/participations").status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/organisations?limt=5",
        "/api/v1/agreements?kind=x",
        "/api/v1/organisations/actiz?formaat=json",
    ],
)
def test_unknown_query_parameters_get_422(client, path):
    answer = client.get(path)
    assert answer.status_code == 422
    assert answer.json()["error"] == "bad_parameter" and "unknown query parameter" in answer.json()["message"]


def test_unknown_kind_value_gets_422_naming_the_known_ones(client):
    answer = client.get("/api/v1/organisations?kind=ministerje")
    assert answer.status_code == 422
    assert "ministerie" in answer.json()["message"]
    assert client.get("/api/v1/organisations?kind=ministerie").status_code == 200


def test_queries_as_html_for_a_browser_and_json_for_a_client(client):
    page = client.get("/queries", headers=HTML)
    assert page.headers["content-type"].startswith("text/html")
    assert "Partijen bij een akkoord" in page.text and "/queries/agreement-parties/sparql" in page.text
    listing = client.get("/queries", headers={"accept": "application/json"}).json()
    assert any(q["name"] == "agreement-parties" for q in listing)


def test_home_links_explorer_editor_docs(client):
    page = client.get("/", headers=HTML).text
    assert all(f'href="{path}"' in page for path in ("/explorer/", "/sparql", "/docs"))


@pytest.mark.parametrize(
    "path",
    ["/explorer/vendor/sigma.min.js", "/sparql/assets/yasgui.min.js", "/docs/assets/swagger-ui-bundle.js"],
)
def test_assets_are_compressed(client, path):
    plain = client.get(path, headers={"accept-encoding": "identity", **HTML})
    packed = client.get(path, headers={"accept-encoding": "gzip", **HTML})
    assert packed.headers.get("content-encoding") == "gzip"
    raw = packed.extensions.get("raw_bytes") or None
    assert raw is None or len(gzip.decompress(raw)) == len(plain.content)
    assert int(packed.headers.get("content-length", 0) or 0) < len(plain.content) * 0.5


def test_explorer_scripts_are_versioned_and_kept_the_page_and_data_are_checked(client):
    page = client.get("/explorer/")
    assert page.headers["cache-control"] == "no-cache"
    links = re.findall(r'(?:src|href)="([\w./-]+\.(?:js|css))\?v=([0-9a-f]{12})"', page.text)
    assert {"app.js", "app.css", "data.js", "vendor/sigma.min.js"} <= {path for path, _ in links}
    for path, version in links:
        asset = client.get(f"/explorer/{path}?v={version}")
        assert asset.status_code == 200, path
        assert asset.headers["cache-control"] == "public, max-age=31536000, immutable", path
    assert client.get("/explorer/app.js").headers["cache-control"] == "no-cache"
