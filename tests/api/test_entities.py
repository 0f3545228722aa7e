"""Identifiers dereference: HTML for browsers, Turtle / JSON-LD for clients; sources; /validate."""

from __future__ import annotations

import re

import pyoxigraph as ox
import pytest
from app_helpers import BASE

BROWSER = {"accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}
HLO_LETTER = "000_14be2080959179c7.txt"


def test_browser_gets_a_page_with_labels_relations_quotes_and_links(client):
    page = client.get("/id/organisation/zn", headers=BROWSER)
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    text = page.text
    assert "<h1>Zorgverzekeraars Nederland</h1>" in text
    assert 'href="/id/agreement/hlo"' in text  # a neighbour, through the participation node
    assert f'href="/sources/{HLO_LETTER}#L4"' in text and "regels 4–9" in text
    assert "Verpleegkundigen &amp; Verzorgenden Nederland (V&amp;VN)" in text  # escaped, not pasted


def test_official_publication_is_linked_when_known(client):
    page = client.get("/id/kamerstuk/29389-128", headers=BROWSER).text
    assert "Verslag commissiedebat Ouderenzorg" in page
    citing = client.get("/id/citation/hlo-aanbieding-2025-fn2", headers=BROWSER)
    assert citing.status_code == 200


@pytest.mark.parametrize(
    "how, fmt",
    [
        ({"headers": {"accept": "text/turtle"}}, ox.RdfFormat.TURTLE),
        ({"suffix": ".ttl"}, ox.RdfFormat.TURTLE),
        ({"headers": {"accept": "application/ld+json"}}, ox.RdfFormat.JSON_LD),
        ({"suffix": ".jsonld"}, ox.RdfFormat.JSON_LD),
    ],
)
def test_client_gets_rdf_by_negotiation_or_suffix(client, how, fmt):
    response = client.get("/id/organisation/zn" + how.get("suffix", ""), headers=how.get("headers", {}))
    assert response.status_code == 200
    quads = list(ox.parse(response.content, format=fmt))
    subjects = {q.subject.value for q in quads if isinstance(q.subject, ox.NamedNode)}
    assert BASE + "id/organisation/zn" in subjects
    assert any(q.predicate.value.endswith("#exact") for q in quads)  # its evidence comes along


def test_unknown_id_is_a_404_json_for_clients_and_html_for_browsers(client):
    as_json = client.get("/id/organisation/nobody")
    assert as_json.status_code == 404 and as_json.json()["error"] == "not_found"
    as_html = client.get("/id/organisation/nobody", headers=BROWSER)
    assert as_html.status_code == 404 and as_html.headers["content-type"].startswith("text/html")
    assert client.get("/id/organisation/nobody.ttl").status_code == 404


def test_ontology_dereferences(client):
    turtle = client.get("/def", headers={"accept": "text/turtle"})
    classes = {q.subject.value for q in ox.parse(turtle.content, format=ox.RdfFormat.TURTLE)}
    assert BASE + "def#Agreement" in classes
    assert client.get("/def.jsonld").headers["content-type"] == "application/ld+json"
    page = client.get("/def", headers=BROWSER).text
    assert "Ontologie ouderenzorgbeleid" in page and 'href="/def#Agreement"' in page
    role = client.get("/def/role/opsteller", headers=BROWSER)
    assert role.status_code == 200


def test_source_letter_is_served_with_line_anchors(client, seeds):
    page = client.get(f"/sources/{HLO_LETTER}")
    assert page.status_code == 200 and 'id="L4"' in page.text
    first_line = (seeds / HLO_LETTER).read_text(encoding="utf-8").splitlines()[0].strip()
    assert first_line[:20] in page.text


@pytest.mark.parametrize("name", ["..%2F..%2Fetc%2Fpasswd", "README.md", "003_4f10061e1ff75208.txt", ".env"])
def test_only_letters_of_the_graph_are_served(client, name):
    response = client.get(f"/sources/{name}")
    assert response.status_code == 404
    assert not re.search(r"root:|Source letters", response.text)


def test_validate_returns_the_shacl_report(client):
    report = client.get("/validate").json()
    assert report["conforms"] is True
    assert all(not (f["file"] or "").startswith("/") for f in report["results"])


def test_home_links_everything(client):
    links = client.get("/").json()["links"]
    assert links["sparql"] == "http://testserver/sparql"
    assert links["organisations"] == "http://testserver/api/v1/organisations"
    assert client.get("/", headers=BROWSER).headers["content-type"].startswith("text/html")


def test_behind_a_proxy_links_keep_its_path_prefix(built):
    from fastapi.testclient import TestClient

    from api.app import create_app
    from kg.service import open_store

    proxied = TestClient(create_app(built, open_store(built)), root_path="/kg")
    page = proxied.get("/id/organisation/actiz", headers=BROWSER).text
    links = re.findall(r'href="([^"]+)"', page)
    ours = [link for link in links if link.startswith("/")]
    assert ours and all(link.startswith("/kg/") for link in ours), ours
    assert proxied.get("/").json()["links"]["sparql"] == "http://testserver/kg/sparql"


def test_an_ingested_documents_text_is_served_with_line_anchors(tmp_path, seeds):
    import shutil

    from app_helpers import client_for, make_source_dir

    from kg.build import build
    from kg.settings import ROOT, Settings

    (tmp_path / "src").mkdir()
    source = make_source_dir(tmp_path / "src")
    (source / "kg" / "data" / "ingested").mkdir()
    shutil.copy(ROOT / "kg" / "data" / "ingested" / "kst-29389-138.trig", source / "kg" / "data" / "ingested")
    settings = Settings(base=BASE, source_dir=source, build_dir=tmp_path / "build", seeds=seeds)
    build(settings)
    client = client_for(settings)
    page = client.get("/id/kamerstuk/29389-138", headers=BROWSER).text
    assert 'href="/sources/motie-krul-29389-138.txt#L' in page, "quotes link to the document's text"
    text = client.get("/sources/motie-krul-29389-138.txt")
    assert text.status_code == 200 and "MOTIE VAN HET LID KRUL" in text.text and 'id="L5"' in text.text
    assert client.get("/sources/..%2Fseeds%2FREADME.md").status_code == 404
