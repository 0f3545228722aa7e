"""The REST/JSON API: lists with filters and paging, one resource, search, JSON-LD, errors."""

from __future__ import annotations

import pytest
from app_helpers import BASE


def test_list_organisations_pages_and_counts(client):
    first = client.get("/api/v1/organisations", params={"limit": 5}).json()
    second = client.get("/api/v1/organisations", params={"limit": 5, "offset": 5}).json()
    assert first["total"] == second["total"] >= 20
    assert len(first["items"]) == 5 and first["items"][0]["label"] == "ActiZ"
    assert not {i["id"] for i in first["items"]} & {i["id"] for i in second["items"]}


def test_filters_by_kind_graph_and_participation(client):
    verenigingen = client.get("/api/v1/organisations", params={"kind": "vereniging"}).json()
    assert {i["slug"] for i in verenigingen["items"]} == {"vng", "lhv"}
    team = client.get("/api/v1/organisations", params={"participates_in": "o:team-overheid"}).json()
    assert {i["slug"] for i in team["items"]} == {"cak", "ciz", "nza", "zorginstituut", "igj"}
    hlo = client.get(
        "/api/v1/organisations", params={"participates_in": "agreement/hlo", "graph": "hlo-aanbieding-2025"}
    ).json()
    assert hlo["total"] == 12 and "zn" in {i["slug"] for i in hlo["items"]}
    none = client.get("/api/v1/laws", params={"graph": "no-such-graph"}).json()
    assert none == {"items": [], "total": 0, "limit": 50, "offset": 0}


@pytest.mark.parametrize("plural", ["agreements", "programmes", "laws", "motions", "kamerstukken", "schemes"])
def test_every_kind_lists(client, plural):
    response = client.get(f"/api/v1/{plural}")
    assert response.status_code == 200 and response.json()["total"] == len(response.json()["items"])


def test_paging_bounds_are_enforced(client):
    for params in ({"limit": 0}, {"limit": 501}, {"offset": -1}, {"limit": "many"}):
        response = client.get("/api/v1/organisations", params=params)
        assert response.status_code == 422
        assert response.json()["parameter"] in ("limit", "offset")


def test_one_resource_with_relations_and_evidence(client):
    zn = client.get("/api/v1/organisations/zn").json()
    assert zn["label"] == "Zorgverzekeraars Nederland"
    assert (
        zn["evidence"][0]["start_line"] == 4
        and "Zorgverzekeraars Nederland (ZN)" in zn["evidence"][0]["quote"]
    )
    via = [r for r in zn["relations"] if r["direction"] == "via"]
    hlo = [r for r in via if any(d["value"]["value"] == BASE + "id/agreement/hlo" for d in r["details"])]
    assert hlo and hlo[0]["evidence"][0]["source_file"] == "000_14be2080959179c7.txt"
    law = client.get("/api/v1/laws/wlz").json()
    incoming = {r["target"]["value"] for r in law["relations"] if r["direction"] == "in"}
    assert BASE + "id/measure/hlo-aanpassing-wlz" in incoming


def test_unknown_resource_is_a_404_in_the_common_shape(client):
    response = client.get("/api/v1/organisations/no-such-org")
    assert response.status_code == 404
    assert response.json()["error"] == "not_found" and "no-such-org" in response.json()["message"]
    assert client.get("/api/v1/organisations/a b<c>").status_code == 404
    assert client.get("/api/v1/nothing").json()["error"] == "not_found"


def test_search_ignores_case_and_diacritics(client):
    hits = client.get("/api/v1/search", params={"q": "zorgverz"}).json()
    assert BASE + "id/organisation/zn" in [h["id"] for h in hits["items"]]
    pfn = client.get("/api/v1/search", params={"q": "patientenfederatie"}).json()
    assert pfn["items"][0]["label"] == "Patiëntenfederatie Nederland"
    by_abbreviation = client.get("/api/v1/search", params={"q": "VNG"}).json()
    assert by_abbreviation["items"][0]["id"] == BASE + "id/organisation/vng"
    laws = client.get("/api/v1/search", params={"q": "zorg", "kind": "laws"}).json()
    assert laws["items"] and all(h["id"].startswith(BASE + "id/law/") for h in laws["items"])
    assert client.get("/api/v1/search").status_code == 422


def test_json_ld_with_the_published_context(client):
    by_param = client.get("/api/v1/organisations/zn", params={"format": "jsonld"})
    by_accept = client.get("/api/v1/organisations/zn", headers={"accept": "application/ld+json"})
    for response in (by_param, by_accept):
        assert response.headers["content-type"] == "application/ld+json"
        assert response.json()["@context"].endswith("/api/v1/context.jsonld")
    context = client.get("/api/v1/context.jsonld").json()["@context"]
    assert context["label"] == "skos:prefLabel" and context["quote"] == "oa:exact"
    listing = client.get("/api/v1/laws", params={"format": "jsonld"}).json()
    assert listing["items"] and "@context" in listing


def test_json_ld_expands_to_rdf(client):
    """The context makes the API JSON real linked data: labels come out as skos:prefLabel."""
    from rdflib import Graph

    context = client.get("/api/v1/context.jsonld").json()
    document = client.get("/api/v1/organisations/zn", params={"format": "jsonld"}).json()
    document["@context"] = context["@context"]
    graph = Graph().parse(data=document, format="json-ld")
    labels = {str(o) for s, p, o in graph if str(p).endswith("core#prefLabel") and str(s).endswith("/zn")}
    assert "Zorgverzekeraars Nederland" in labels


def test_openapi_documents_typed_operations(client):
    spec = client.get("/openapi.json").json()
    assert "/api/v1/organisations" in spec["paths"] and "/api/v1/search" in spec["paths"]
    params = {p["name"]: p for p in spec["paths"]["/api/v1/organisations"]["get"]["parameters"]}
    assert params["limit"]["schema"]["maximum"] == 500
    assert client.get("/docs").status_code == 200
