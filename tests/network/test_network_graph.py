"""The co-participation network read from a tiny graph, through the library, the CLI and the API."""

from __future__ import annotations

import csv
import io
import json

import networkx as nx
import pytest
from fastapi.testclient import TestClient
from graph_helpers import agreement, graph, member, org, store_of, takes_part

from api.app import create_app
from kg import network
from kg.cli import main
from kg.network import build_network

TRIG = graph(
    org("loc", "Landelijke Organisatie Cliëntenraden", "LOC"),
    org("actiz", "ActiZ"),
    org("team", "Team Overheid"),
    org("igj", "Inspectie Gezondheidszorg en Jeugd", "IGJ"),
    org("alone", "Stichting Alleen"),
    agreement("hlo", "Hoofdlijnenakkoord Ouderenzorg", "HLO"),
    takes_part("loc", "ag:hlo", "opsteller", "De partijen zijn ActiZ en LOC."),
    takes_part("actiz", "ag:hlo", "opsteller", "De partijen zijn ActiZ en LOC."),
    takes_part("team", "ag:hlo", "geconsulteerd", "Afstemming met Team Overheid."),
    member("igj", "team"),
)


@pytest.fixture
def store(tmp_path):
    return store_of(tmp_path, TRIG)


def test_organisations_are_linked_through_shared_agreements_and_coalitions(store):
    network = build_network(store)
    names = {network.short(n) for n in network.graph}
    assert names == {
        "organisation/loc",
        "organisation/actiz",
        "organisation/team",
        "organisation/igj",
        "organisation/alone",
    }
    edges = {tuple(sorted(network.short(x).rsplit("/", 1)[1] for x in e)) for e in network.graph.edges}
    assert edges == {("actiz", "loc"), ("actiz", "team"), ("loc", "team"), ("igj", "team")}


def test_path_from_loc_to_igj_names_the_agreement_roles_and_quote(store):
    found = build_network(store).path("loc", "IGJ")
    assert found["length"] == 2
    first, second = found["hops"]
    assert (first["from"]["name"], first["to"]["name"]) == (
        "Landelijke Organisatie Cliëntenraden",
        "Team Overheid",
    )
    via = first["via"][0]
    assert via["name"] == "Hoofdlijnenakkoord Ouderenzorg"
    assert via["from_roles"] == [{"nl": "opsteller", "en": "drafting party"}]
    assert via["to_roles"] == [{"nl": "geconsulteerd", "en": "consulted"}]
    assert {q["quote"] for q in via["quotes"]} == {
        "De partijen zijn ActiZ en LOC.",
        "Afstemming met Team Overheid.",
    }
    assert second["via"][0]["name"] == "Team Overheid"


def test_exports_read_back(store):
    network = build_network(store)
    graphml = nx.read_graphml(io.BytesIO(network.export("graphml")))
    assert graphml.nodes["organisation/loc"]["label"] == "Landelijke Organisatie Cliëntenraden"
    assert graphml.edges["organisation/loc", "organisation/team"]["via"] == "Hoofdlijnenakkoord Ouderenzorg"
    gexf = nx.read_gexf(io.BytesIO(network.export("gexf")))
    assert gexf.number_of_nodes() == 5 and gexf.number_of_edges() == 4
    rows = list(csv.DictReader(io.StringIO(network.export("csv").decode())))
    assert rows[0]["name"] == "Team Overheid" and rows[0]["degree"] == "3"
    edges = list(csv.DictReader(io.StringIO(network.export("csv-edges").decode())))
    assert {"source", "target", "weight", "via"} <= set(edges[0])


def test_cli_path_centrality_and_export(store, tmp_path, monkeypatch, capsys):
    monkeypatch.setattr("kg.service.open_store", lambda settings, **kw: store)
    assert main(["network", "path", "loc", "igj"]) == 0
    out = capsys.readouterr().out
    assert "Landelijke Organisatie Cliëntenraden → Inspectie Gezondheidszorg en Jeugd: 2 step(s)" in out
    assert "via Hoofdlijnenakkoord Ouderenzorg (opsteller · geconsulteerd)" in out
    assert main(["network", "centrality", "--format", "json", "--top", "1"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["name"] == "Team Overheid"
    assert main(["network", "communities"]) == 0
    assert "Team Overheid" in capsys.readouterr().out
    target = tmp_path / "out" / "net.gexf"
    assert main(["network", "export", "--format", "gexf", "-o", str(target)]) == 0
    assert nx.read_gexf(target).number_of_nodes() == 5
    for fmt in network.FORMATS:  # the CLI (which does not import networkx to start) offers them all
        assert main(["network", "export", "--format", fmt, "-o", str(tmp_path / f"net.{fmt}")]) == 0


def test_cli_refuses_unknown_and_ambiguous_names(store, monkeypatch, capsys):
    monkeypatch.setattr("kg.service.open_store", lambda settings, **kw: store)
    assert main(["network", "path", "loc", "nza"]) == 2
    assert "no organisation matches 'nza'" in capsys.readouterr().err
    assert main(["network", "path", "o", "igj"]) == 2
    assert "be more precise" in capsys.readouterr().err


def test_api_endpoints(store, tmp_path):
    from kg.settings import Settings

    client = TestClient(create_app(Settings(build_dir=tmp_path / "build"), store))
    path = client.get("/api/v1/network/path", params={"from": "LOC", "to": "igj"})
    assert path.status_code == 200 and path.json()["length"] == 2
    assert client.get("/api/v1/network/path", params={"from": "loc", "to": "x-unknown"}).status_code == 404
    assert client.get("/api/v1/network/path", params={"from": "loc"}).status_code == 422
    ranking = client.get("/api/v1/network/centrality", params={"limit": 2}).json()["items"]
    assert [r["name"] for r in ranking][0] == "Team Overheid" and len(ranking) == 2
    assert len(client.get("/api/v1/network/communities").json()["items"]) >= 2
    graphml = client.get("/api/v1/network/export.graphml")
    assert graphml.status_code == 200 and nx.read_graphml(io.BytesIO(graphml.content)).number_of_nodes() == 5
    assert "attachment" in graphml.headers["content-disposition"]
    assert client.get("/api/v1/network/export.csv").text.startswith("id,name")
    assert client.get("/api/v1/network/export.pdf").status_code == 422
