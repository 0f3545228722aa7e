"""Declared coverage: /sources and /api/v1/sources list every document of the graph with its identity,
kind, facts per kind and what is unreviewed (the repository's graph: 2 seed letters + 9 corpus documents)."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from kg.build import build
from kg.settings import Settings

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    settings = Settings(source_dir=ROOT, build_dir=tmp_path_factory.mktemp("sources-build"))
    build(settings)
    return TestClient(create_app(settings))


def test_the_json_lists_every_document_with_identity_kind_and_facts(client: TestClient) -> None:
    response = client.get("/api/v1/sources")
    assert response.status_code == 200
    items = {d["source_file"]: d for d in response.json()["items"]}
    assert response.json()["total"] == len(items) >= 11
    krul = items["motie-krul-29389-138.txt"]
    assert (krul["kind"], krul["identifier"], krul["date"], krul["document_number"]) == (
        "motie",
        "kst-29389-138",
        "2024-11-27",
        "2024D46500",
    )
    assert krul["facts"]["Vote"] == 15 and krul["facts"]["Motion"] == 1
    assert krul["unreviewed_facts"] == 0 and krul["reviewed"] is True
    housing = items["ouderenhuisvesting-voortgang-2025.txt"]
    assert (housing["kind"], housing["identifier"], housing["document_number"]) == (
        "Kamerbrief",
        None,
        "2025D19458",
    )
    assert items["azwa-iza-schriftelijk-overleg-2025.txt"]["kind"] == "verslag"
    seed = items["003_4f10061e1ff75208.txt"]
    assert seed["unreviewed_facts"] is None and seed["facts"]["Citation"] >= 15


def test_the_page_shows_the_same_documents(client: TestClient) -> None:
    html = client.get("/sources", headers={"accept": "text/html"}).text
    rows = client.get("/api/v1/sources").json()["items"]
    for row in rows:
        assert row["source_file"] in html
    assert "kst-29389-138" in html and "beoordeeld" in html and "met de hand" in html
