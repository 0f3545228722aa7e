"""Network measures on small graphs whose answers are known by hand."""

from __future__ import annotations

import networkx as nx
import pytest

from kg.errors import InputError, NotFound
from kg.network import Network, fold

BASE = "http://example.org/"


def network_of(graph: nx.Graph) -> Network:
    """A Network over plain node names, each named after itself."""
    iris = {n: f"{BASE}id/organisation/{n}" for n in graph}
    relabelled = nx.relabel_nodes(graph, iris)
    for a, b in relabelled.edges:
        relabelled.edges[a, b].update(
            weight=1, via=[{"iri": f"{BASE}id/agreement/x", "roles": {a: [], b: []}, "quotes": []}]
        )
    net = Network(relabelled, BASE)
    for n, iri in iris.items():
        net.names[iri] = {"nl": str(n).upper(), "en": None}
    return net


def by_id(rows: list[dict]) -> dict[str, dict]:
    return {r["id"].rsplit("/", 1)[-1]: r for r in rows}


def test_path_graph_degree_and_betweenness():
    rows = by_id(network_of(nx.path_graph(["a", "b", "c", "d", "e"])).centrality())
    assert [rows[n]["degree"] for n in "abcde"] == [1, 2, 2, 2, 1]
    assert rows["a"]["degree_centrality"] == pytest.approx(0.25)
    assert rows["c"]["betweenness"] == pytest.approx(4 / 6)  # c lies on 4 of the 6 pairs not touching it
    assert rows["b"]["betweenness"] == pytest.approx(3 / 6)
    assert rows["a"]["betweenness"] == 0


def test_star_centre_has_all_the_betweenness():
    ranking = network_of(nx.star_graph(5)).centrality()  # node 0 is the centre of 5 leaves
    assert ranking[0]["id"].endswith("/0")
    assert ranking[0]["betweenness"] == pytest.approx(1.0)
    assert ranking[0]["degree_centrality"] == pytest.approx(1.0)
    assert all(r["betweenness"] == 0 and r["degree_centrality"] == pytest.approx(0.2) for r in ranking[1:])


def test_shortest_path_in_a_path_graph():
    net = network_of(nx.path_graph(["a", "b", "c", "d"]))
    found = net.path("a", "d")
    assert found["found"] and found["length"] == 3
    assert [h["from"]["id"][-1] for h in found["hops"]] + [found["hops"][-1]["to"]["id"][-1]] == list("abcd")


def test_no_path_between_components():
    graph = nx.Graph([("a", "b"), ("c", "d")])
    found = network_of(graph).path("a", "d")
    assert found["found"] is False and found["hops"] == []
    assert (found["source"]["name"], found["target"]["name"]) == ("A", "D")


def test_two_cliques_joined_by_one_edge_are_two_communities():
    graph = nx.complete_graph(["a1", "a2", "a3", "a4", "a5"])
    graph.add_edges_from(nx.complete_graph(["b1", "b2", "b3", "b4", "b5"]).edges)
    graph.add_edge("a1", "b1")
    groups = network_of(graph).communities()
    assert [g["size"] for g in groups] == [5, 5]
    members = [{m["id"].rsplit("/", 1)[-1][0] for m in g["members"]} for g in groups]
    assert sorted(map(sorted, members)) == [["a"], ["b"]]


def test_an_empty_network_has_no_measures():
    net = network_of(nx.Graph())
    assert net.centrality() == [] and net.communities() == []
    assert net.export("csv").decode().splitlines() == [
        "id,name,abbreviations,degree,weighted_degree,degree_centrality,betweenness,community"
    ]


def test_resolve_is_case_and_diacritics_insensitive_and_refuses_ambiguity():
    net = network_of(nx.path_graph(["loc", "igj", "loco"]))
    net.names[f"{BASE}id/organisation/loc"] = {"nl": "Landelijke Organisatie Cliëntenraden", "en": None}
    net.abbreviations[f"{BASE}id/organisation/loc"] = ["LOC"]
    assert net.resolve("LOC").endswith("/loc")  # exact match wins over the partial one (loco)
    assert net.resolve("clientenraden").endswith("/loc")
    assert net.resolve("organisation/igj").endswith("/igj")
    with pytest.raises(InputError, match="matches 2 organisations"):
        net.resolve("lo")
    with pytest.raises(NotFound):
        net.resolve("nza")
    with pytest.raises(InputError):
        net.resolve("  ")


def test_fold():
    assert fold(" Patiëntenfederatie ") == "patientenfederatie"
