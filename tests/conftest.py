"""Shared fixtures: where the seed letters are, and tiny graphs built in tmp_path."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def seeds_dir() -> Path:
    """The source letters: KG_SEEDS, or ../shared/seeds beside the repository."""
    return Path(os.environ.get("KG_SEEDS", ROOT.parent / "shared" / "seeds"))


@pytest.fixture(scope="session")
def seeds() -> Path:
    path = seeds_dir()
    if not path.is_dir():
        pytest.fail(f"seed letters not found at {path}; set KG_SEEDS")
    return path
