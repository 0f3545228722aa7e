"""The SPARQL editor for researchers: stored examples bound through their parameters, errors as
one readable line, completion from the project's own terms, nothing loaded from outside."""

from __future__ import annotations

import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from app_helpers import client_for

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "explorer"))


def test_bound_text_of_a_stored_query(client):
    text = client.get("/queries/agreement-parties/sparql", params={"agreement": "ag:gala"})
    assert text.status_code == 200 and text.headers["content-type"].startswith("application/sparql-query")
    assert "VALUES (?agreement) { (<http://localhost:8000/id/agreement/gala>) }" in text.text
    assert "PREFIX kgdef: <http://localhost:8000/def#>" in text.text  # relative prefixes resolved
    default = client.get("/queries/agreement-parties/sparql").text
    assert "<http://localhost:8000/id/agreement/hlo>" in default


@pytest.mark.parametrize(
    ("path", "params"),
    [
        ("/queries/agreement-parties/sparql", {"agreemnt": "ag:hlo"}),
        ("/queries/agreement-parties", {"agreemnt": "ag:hlo"}),
        ("/queries/agreement-parties", {"agreement": "ag:hlo", "limit": "3"}),
    ],
)
def test_unknown_query_parameters_are_refused(client, path, params):
    answer = client.get(path, params=params)
    assert answer.status_code == 422
    body = answer.json()
    assert body["error"] == "bad_parameter" and "has no parameter" in body["message"]
    assert "agreement" in body["message"]  # it names what the query takes


def test_terms_for_completion_come_from_the_project(client):
    terms = client.get("/editor/terms.json").json()
    assert "http://localhost:8000/def#Agreement" in terms["classes"]
    assert "http://localhost:8000/def#participant" in terms["properties"]
    assert "kgdef: <http://localhost:8000/def#>" in terms["prefixes"]


def test_favicon_and_versioned_assets_cache_long(client):
    page = client.get("/sparql", headers={"accept": "text/html"}).text
    assert 'rel="icon"' in page
    icon = client.get("/favicon.ico")
    assert icon.status_code == 200 and icon.headers["content-type"].startswith("image/svg+xml")
    script = next(part for part in page.split('"') if "/assets/editor.js?v=" in part)
    versioned = client.get(script)
    assert versioned.status_code == 200 and "immutable" in versioned.headers["cache-control"]
    assert client.get("/assets/editor.js?v=old").headers["cache-control"] == "no-cache"
    assert client.get("/assets/../app.py").status_code == 404


@pytest.mark.slow
def test_editor_in_a_browser_binds_examples_explains_errors_and_stays_on_this_server(browser, built):
    from browser_helpers import Page, serving

    from api.app import create_app
    from kg.service import open_store

    client_for(built)  # the built graph opens
    with serving(create_app(built, open_store(built))) as url:
        opened = Page(browser, 1366, 768)
        hosts: set[str] = set()
        opened.page.on("request", lambda request: hosts.add(urlsplit(request.url).netloc))
        try:
            p = opened.open(f"{url}/sparql", ready=False)
            p.wait_for_function("window.kgYasgui && document.querySelector('.CodeMirror')")
            p.get_by_role("button", name="Partijen bij een akkoord of programma, met hun rol").click()
            field = p.get_by_label("agreement (iri)")
            assert field.input_value() == "ag:hlo"
            p.get_by_role("button", name="Uitvoeren met deze waarden").click()
            p.wait_for_function("document.querySelector('.yasr .dataTable tbody tr')", timeout=15_000)
            editor = "kgYasgui.getTab().getYasqe()"
            assert "VALUES (?agreement)" in p.evaluate(f"{editor}.getValue()")
            rows = p.locator(".yasr .dataTable tbody tr").count()
            assert 10 <= rows < 40  # the HLO's parties, not every agreement's
            assert (
                "kgdef:" in p.locator(".yasr .dataTable tbody").inner_text()
                or "o:" in p.locator(".yasr .dataTable tbody").inner_text()
            )  # IRIs shortened to prefixes
            for query, expected in [
                (
                    "SELECT * WHERE { ?s rdfs:label ?o }",
                    "prefix rdfs: is niet gedeclareerd; bekende prefixen: ",
                ),
                ("PREFIX x: <urn:x#>\nSELECT * WHERE {\n ?s ?p ?o FILTR(?o) }", "bedoelt u FILTER?"),
            ]:
                p.evaluate(f"(q) => {{ {editor}.setValue(q); {editor}.query().catch(() => null); }}", query)
                p.wait_for_function("!document.getElementById('query-error').hidden", timeout=10_000)
                line = p.locator("#query-error").inner_text()
                assert expected in line and "\n" not in line.strip(), line
                assert line.startswith("regel ")
            # completion: the project's own classes, never an outside vocabulary service
            typed = "PREFIX kgdef: <http://localhost:8000/def#>\nSELECT * WHERE { ?s a kgdef:Agr"
            p.evaluate(f"(q) => {editor}.setValue(q)", typed)
            p.evaluate(f"{editor}.focus(); {editor}.getDoc().setCursor({{line: 1, ch: 40}})")
            p.keyboard.press("Control+Space")
            p.wait_for_selector(".CodeMirror-hints li", timeout=5_000)
            assert "kgdef:Agreement" in p.locator(".CodeMirror-hints").inner_text()
            assert (
                p.get_by_role("button", name="Query uitvoeren").count()
                + p.locator("[title='Query uitvoeren']").count()
                >= 1
            )  # the editor's chrome in Dutch
            host = urlsplit(url).netloc
            assert hosts <= {host}, hosts - {host}
            assert opened.errors == []
        finally:
            opened.close()
