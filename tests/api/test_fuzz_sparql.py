"""Grammar-based fuzzing of the SPARQL text itself, against a live `kg serve`: queries generated
from a small SPARQL grammar (every query form, group patterns, paths, expressions, strings that
hold quotes, `#`, braces and keywords), some cut short or with a token spliced in. None gets a
5xx, the server stays up, and SERVICE is refused exactly when it is a keyword: a loopback bait
server named in every SERVICE is never contacted."""

from __future__ import annotations

import http.server
import threading

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from server_process import ServerProcess

pytestmark = pytest.mark.slow

PREDICATES = [
    "a",
    "<http://www.w3.org/2004/02/skos/core#prefLabel>",
    "<def#evidence>",
    "<def#participant>",
    "<http://www.w3.org/ns/org#memberOf>",
]
IRIS = [
    "<id/organisation/actiz>",
    "<id/agreement/hlo>",
    "<def#Agreement>",
    "<http://www.w3.org/ns/org#Organization>",
]
VARS = ["?a", "?b", "?c", "?label", "?g"]
TRICKY = ['"', "'", "#", "{", "}", "(", ")", "\\\\", "SERVICE", "service <x>", "<", ">", "é", "\u2603", " "]


def literal() -> st.SearchStrategy[str]:
    text = st.lists(st.sampled_from(TRICKY) | st.text("abc", max_size=3), max_size=6).map("".join)
    short = text.map(lambda t: '"' + t.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"')
    single = text.map(lambda t: "'" + t.replace("\\", "\\\\").replace("'", "\\'") + "'")
    long = text.map(lambda t: '"""' + t.replace("\\", "\\\\").replace('"', '\\"') + '"""')
    long1 = text.map(lambda t: "'''" + t.replace("\\", "\\\\").replace("'", "\\'") + "'''")
    number = st.integers(-5, 2000).map(str) | st.sampled_from(["1.5", "-0.25e3", "true", "false"])
    tagged = short.map(lambda s: s + "@nl")
    return short | single | long | long1 | number | tagged


def term() -> st.SearchStrategy[str]:
    return st.sampled_from(VARS) | st.sampled_from(IRIS) | literal()


def path() -> st.SearchStrategy[str]:
    base = st.sampled_from(PREDICATES[1:])
    return st.recursive(
        base,
        lambda p: st.one_of(
            st.tuples(p, p).map(lambda t: f"{t[0]}/{t[1]}"),
            st.tuples(p, p).map(lambda t: f"({t[0]}|{t[1]})"),
            p.map(lambda x: f"^{x}"),
            st.tuples(p, st.sampled_from("*+?")).map(lambda t: f"({t[0]}){t[1]}"),
            base.map(lambda x: f"!{x}"),
        ),
        max_leaves=4,
    )


def expression() -> st.SearchStrategy[str]:
    leaf = term()
    return st.recursive(
        leaf,
        lambda e: st.one_of(
            st.tuples(e, st.sampled_from(["=", "!=", "<", ">=", "&&", "||", "+", "-", "*"]), e).map(
                lambda t: f"({t[0]} {t[1]} {t[2]})"
            ),
            e.map(lambda x: f"!{x}"),
            st.tuples(st.sampled_from(["STR", "LANG", "STRLEN", "UCASE", "isIRI", "BOUND"]), e).map(
                lambda t: f"{t[0]}({t[1]})"
            ),
            st.tuples(e, e).map(lambda t: f"CONTAINS(STR({t[0]}), STR({t[1]}))"),
            st.tuples(e, e).map(lambda t: f"COALESCE({t[0]}, {t[1]})"),
            st.tuples(e, e, e).map(lambda t: f"IF({t[0]}, {t[1]}, {t[2]})"),
        ),
        max_leaves=5,
    )


def triple() -> st.SearchStrategy[str]:
    subject = st.sampled_from(VARS[:3]) | st.sampled_from(IRIS[:2])
    verb = st.sampled_from(PREDICATES) | path()
    return st.tuples(subject, verb, term()).map(" ".join)


def group(service: str) -> st.SearchStrategy[str]:
    def extend(g: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
        return st.one_of(
            st.lists(g, min_size=1, max_size=2).map(" . ".join),
            g.map(lambda x: f"OPTIONAL {{ {x} }}"),
            st.tuples(g, g).map(lambda t: f"{{ {t[0]} }} UNION {{ {t[1]} }}"),
            st.tuples(g, g).map(lambda t: f"{{ {t[0]} }} MINUS {{ {t[1]} }}"),
            g.map(lambda x: f"GRAPH ?g {{ {x} }}"),
            g.map(lambda x: f"{{ SELECT * WHERE {{ {x} }} LIMIT 5 }}"),
            st.tuples(g, expression()).map(lambda t: f"{t[0]} FILTER({t[1]})"),
            st.tuples(g, expression()).map(lambda t: f"{t[0]} FILTER EXISTS {{ {t[0]} }}"),
            st.tuples(g, expression()).map(lambda t: f"{t[0]} BIND({t[1]} AS ?bound)"),
            st.tuples(g, st.lists(term(), max_size=3)).map(
                lambda t: f"VALUES ?c {{ {' '.join(t[1])} }} {t[0]}"
            ),
            g.map(lambda x: f"SERVICE <{service}> {{ {x} }}"),
            g.map(lambda x: f"{x} # SERVICE <{service}> {{ }}\n"),
        )

    return st.recursive(triple(), extend, max_leaves=4)


def query(service: str) -> st.SearchStrategy[str]:
    where = group(service)
    select = st.tuples(st.sampled_from(["*", "DISTINCT ?a", "?a ?c", "(COUNT(*) AS ?n)"]), where).map(
        lambda t: f"SELECT {t[0]} WHERE {{ {t[1]} }}"
    )
    form = st.one_of(
        select,
        where.map(lambda w: f"ASK {{ {w} }}"),
        where.map(lambda w: f"CONSTRUCT {{ ?a <def#x> ?c }} WHERE {{ {w} }}"),
        where.map(lambda w: f"DESCRIBE ?a WHERE {{ {w} }}"),
    )
    modifiers = st.sampled_from(["", " LIMIT 20", " ORDER BY ?a LIMIT 7", " OFFSET 3 LIMIT 2"])
    return st.tuples(form, modifiers).map(lambda t: t[0] + (t[1] if t[0].startswith("SELECT") else ""))


def mutated(service: str) -> st.SearchStrategy[tuple[str, str]]:
    """(how it was changed, the query): as generated, cut short, or with a token spliced in."""
    token = st.sampled_from(["{", "}", "(", '"', "'''", "#", "SERVICE", "<", ".", ";", "SELECT", "\x00"])
    return st.one_of(
        query(service).map(lambda q: ("as generated", q)),
        st.tuples(query(service), st.floats(0, 1)).map(lambda t: ("cut", t[0][: int(len(t[0]) * t[1])])),
        st.tuples(query(service), st.floats(0, 1), token).map(
            lambda t: ("spliced", t[0][: int(len(t[0]) * t[1])] + t[2] + t[0][int(len(t[0]) * t[1]) :])
        ),
    )


@pytest.fixture(scope="module")
def bait():
    hits: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            hits.append(self.path)
            self.send_response(500)
            self.end_headers()

        do_POST = do_GET  # noqa: N815

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/sparql", hits
    server.shutdown()


@pytest.fixture(scope="module")
def server(built):
    with ServerProcess(built, KG_QUERY_TIMEOUT="5") as running:
        yield running


BAIT_URL = "http://127.0.0.1:1/sparql"  # replaced by the bait's own address in the test


@given(case=mutated(BAIT_URL))
@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
def test_generated_sparql_gets_no_server_error(server, bait, case):
    url, hits = bait
    how, text = case
    text = text.replace(BAIT_URL, url)
    response = server.client.post("/sparql", data={"query": text})
    assert response.status_code < 500, f"{how}: {text!r} -> {response.status_code} {response.text[:300]}"
    if response.status_code >= 400:
        assert set(response.json()) >= {"error", "message"}, response.text
    assert hits == [], f"{how}: {text!r} contacted the SERVICE URL"
    assert server.alive()


def test_service_is_refused_exactly_when_it_is_a_keyword(server, bait):
    url, hits = bait
    keyword = f"SELECT * WHERE {{ BIND('''a'b''' AS ?x) SERVICE <{url}> {{ ?s ?p ?o }} }}"
    quoted = f"SELECT * WHERE {{ BIND('''a' SERVICE <{url}> {{ ?s ?p ?o }}''' AS ?x) }} # SERVICE <{url}>"
    assert server.client.post("/sparql", data={"query": keyword}).status_code == 403
    assert server.client.post("/sparql", data={"query": quoted}).status_code == 200
    assert hits == []
