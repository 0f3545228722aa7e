"""What an anonymous request or a token holder must not be able to do: make the server fetch a
URL (SERVICE, LOAD, also when a long string hides the keyword from a text filter), or rewrite the
letters and the ontology, which are sources with evidence."""

from __future__ import annotations

import http.server
import threading

import pytest
from app_helpers import client_for

from kg.text_cache import text_cache

TOKEN = {"authorization": "Bearer s3cret"}


@pytest.fixture
def bait():
    """A SPARQL-looking server on loopback that counts who contacts it (nobody may)."""
    hits: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            hits.append(self.path)
            body = b'{"head":{"vars":["s"]},"results":{"bindings":[{"s":{"type":"literal","value":"leak"}}]}}'
            self.send_response(200)
            self.send_header("content-type", "application/sparql-results+json")
            self.end_headers()
            self.wfile.write(body)

        do_POST = do_GET  # noqa: N815

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/", hits
    server.shutdown()


def test_service_hidden_behind_long_strings_is_refused(built, bait):
    url, hits = bait
    client = client_for(built, update_token="s3cret")
    queries = [
        f'SELECT * WHERE {{ BIND("""a"b""" AS ?x) SERVICE <{url}> {{ ?s ?p ?o }} }}',
        f"SELECT * WHERE {{ BIND('''a'b''' AS ?x) SERVICE <{url}> {{ ?s ?p ?o }} }}",
        f'CONSTRUCT {{ ?s ?p ?o }} WHERE {{ BIND("""x""\\"""" AS ?x) SERVICE SILENT <{url}> {{ ?s ?p ?o }} '
        "}",
        f'ASK {{ BIND("""#""" AS ?x) sErViCe <{url}> {{ ?s ?p ?o }} }}',
    ]
    for query in queries:
        response = client.post("/sparql", data={"query": query})
        assert response.status_code == 403, (query, response.text)
        assert "KG_ALLOW_SERVICE" in response.json()["message"]
    update = (
        f'INSERT {{ GRAPH <graph/notes> {{ ?s ?p ?o }} }} WHERE {{ BIND("""a"b""" AS ?x) '
        f"SERVICE <{url}> {{ ?s ?p ?o }} }}"
    )
    assert client.post("/sparql", data={"update": update}, headers=TOKEN).status_code == 403
    assert hits == []
    quoted = client.post("/sparql", data={"query": 'SELECT * WHERE { BIND("SERVICE <x> {}" AS ?s) }'})
    assert quoted.status_code == 200  # the word in a string is not a call


def test_load_is_refused_with_service_off_and_never_a_500(built, bait):
    url, hits = bait
    client = client_for(built, update_token="s3cret")
    for iri in (url, "file:///etc/passwd"):
        response = client.post(
            "/sparql", data={"update": f"LOAD <{iri}> INTO GRAPH <graph/notes>"}, headers=TOKEN
        )
        assert response.status_code == 403 and "LOAD" in response.json()["message"], response.text
    assert hits == []
    allowed = client_for(built, update_token="s3cret", allow_service=True)
    local = allowed.post(
        "/sparql", data={"update": "LOAD <file:///etc/passwd> INTO GRAPH <graph/notes>"}, headers=TOKEN
    )
    assert local.status_code == 400 and local.json()["error"] == "bad_input", local.text


@pytest.mark.parametrize(
    "update",
    [
        "DROP ALL",
        "CLEAR NAMED",
        "DROP GRAPH <graph/hlo-aanbieding-2025>",
        "INSERT DATA { GRAPH <graph/ontology> { <def#X> a <def#Y> } }",
        "INSERT DATA { GRAPH <graph/hlo-aanbieding-2025> { <id/organisation/actiz> <def#x> 1 } }",
        "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> DELETE { GRAPH <graph/hlo-aanbieding-2025> "
        '{ ?o skos:prefLabel ?l } } INSERT { GRAPH <graph/hlo-aanbieding-2025> { ?o skos:prefLabel "Nep" } } '
        "WHERE { GRAPH <graph/hlo-aanbieding-2025> { ?o skos:prefLabel ?l } }",
        "DELETE { GRAPH ?g { ?s ?p ?o } } WHERE { GRAPH ?g { ?s ?p ?o } }",
        "COPY <graph/notes> TO <graph/ontology>",
        "MOVE <graph/hlo-aanbieding-2025> TO <graph/notes>",
        "PREFIX g: <http://localhost:8000/graph/> INSERT DATA { GRAPH g:ontology { <a:b> <a:c> 1 } }",
        "INSERT DATA { GRAPH <graph/notes/../ontology> { <a:b> <a:c> 1 } }",
    ],
)
def test_updates_write_only_the_writable_graphs(built, update):
    client = client_for(built, update_token="s3cret")
    before = client.get(
        "/sparql", params={"query": "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }"}
    ).json()
    response = client.post("/sparql", data={"update": update}, headers=TOKEN)
    assert response.status_code == 403 and response.json()["error"] == "forbidden", response.text
    assert "KG_WRITABLE_GRAPHS" in response.json()["message"] or "graph" in response.json()["message"]
    after = client.get(
        "/sparql", params={"query": "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }"}
    ).json()
    assert after == before


def test_notes_stay_writable(built):
    client = client_for(built, update_token="s3cret")
    note = 'INSERT DATA { GRAPH <graph/notes> { <id/organisation/actiz> <def#note> "bekeken" } }'
    assert client.post("/sparql", data={"update": note}, headers=TOKEN).status_code == 204
    other = client_for(built, update_token="s3cret", writable_graphs=("graph/scratch",))
    assert other.post("/sparql", data={"update": note}, headers=TOKEN).status_code == 403


def test_caches_of_query_text_are_bounded_by_bytes():
    @text_cache(max_bytes=8 << 20)
    def echo(text: str) -> str:
        return text

    for i in range(100):  # 100 distinct texts (and answers) of 300 KB: 60 MB if entries were the bound
        echo(f"{i} " + "x" * 300_000)
    assert echo.held() <= 8 << 20
    assert echo.held() >= 6 << 20  # it still caches
