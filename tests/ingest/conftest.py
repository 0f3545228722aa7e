"""Fixtures of the ingest tests: a tiny graph of known names, built in tmp_path, and the test letters."""

from __future__ import annotations

from pathlib import Path

import pytest
from ingest_helpers import LETTERS, make_source

from kg.build import build
from kg.ingest.mentions import Gazetteer
from kg.settings import Settings
from kg.store import EmbeddedStore


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    settings = make_source(tmp_path / "src")
    build(settings)
    return settings


@pytest.fixture
def gazetteer(settings: Settings) -> Gazetteer:
    return Gazetteer.from_store(EmbeddedStore.from_dataset(settings))


@pytest.fixture
def letters() -> Path:
    return LETTERS


@pytest.fixture(scope="session")
def corpus(seeds: Path) -> Path:
    """The development corpus of real parliamentary documents, beside the seed letters."""
    path = seeds.parent / "corpus"
    if not path.is_dir():
        pytest.fail(f"corpus not found at {path}")
    return path
