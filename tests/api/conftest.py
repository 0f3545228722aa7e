"""An app over a small graph built in tmp_path: the HLO letter's graph with the real ontology,
shapes and stored queries."""

from __future__ import annotations

import pytest
from app_helpers import BASE, client_for, make_source_dir
from fastapi.testclient import TestClient

from kg.build import build
from kg.settings import Settings


@pytest.fixture(scope="session")
def built(tmp_path_factory, seeds) -> Settings:
    """Settings of a built HLO graph (session-wide: building validates with SHACL)."""
    folder = make_source_dir(tmp_path_factory.mktemp("src"))
    settings = Settings(base=BASE, source_dir=folder, build_dir=tmp_path_factory.mktemp("build"), seeds=seeds)
    build(settings)
    return settings


@pytest.fixture(scope="session")
def client(built) -> TestClient:
    return client_for(built)
