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


TINY = """@prefix kgdef: <def#> . @prefix o: <id/organisation/> . @prefix ag: <id/agreement/> .
@prefix role: <def/role/> . @prefix ltr: <id/letter/> . @prefix part: <id/participation/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> . @prefix dcterms: <http://purl.org/dc/terms/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> . @prefix prov: <http://www.w3.org/ns/prov#> .
@prefix oa: <http://www.w3.org/ns/oa#> . @prefix org: <http://www.w3.org/ns/org#> .
GRAPH <graph/tiny> {
ltr:t a kgdef:Letter ; dcterms:title "Kleine brief"@nl ; dcterms:date "2024-01-01"^^xsd:date ;
    kgdef:sourceFile "tiny.txt" ; kgdef:evidence _:e .
_:e a kgdef:Evidence ; prov:wasDerivedFrom ltr:t ; kgdef:startLine 1 ; kgdef:endLine 1 ;
    oa:exact "ActiZ ondertekende het akkoord." .
o:actiz a org:Organization ; skos:prefLabel "ActiZ" ; kgdef:evidence _:e .
ag:x a kgdef:Agreement ; skos:prefLabel "Akkoord X"@nl ; skos:altLabel "AX" ; kgdef:evidence _:e .
part:x-actiz a kgdef:Participation ; kgdef:participant o:actiz ; kgdef:initiative ag:x ;
    kgdef:role role:ondertekenaar ; kgdef:evidence _:e .
}
"""


def make_source(root: Path, data: dict[str, str] | None = None) -> Path:
    """A source folder in `root`: the repo's ontology, shapes and queries, and the given data files."""
    root.mkdir(parents=True, exist_ok=True)
    for name in ("ontology", "shapes", "queries"):
        (root / name).symlink_to(ROOT / name, target_is_directory=True)
    (root / "kg" / "data").mkdir(parents=True)
    for name, text in (data if data is not None else {"tiny.trig": TINY}).items():
        (root / "kg" / "data" / name).write_text(text, encoding="utf-8")
    return root


@pytest.fixture
def tiny(tmp_path: Path):
    """Settings for a tiny source folder and a build folder, both in tmp_path."""
    from kg.settings import Settings

    return Settings(source_dir=make_source(tmp_path / "src"), build_dir=tmp_path / "build")


@pytest.fixture(scope="module")
def browser():
    """Debian's headless Chromium driven by Playwright, one per test module."""
    from playwright.sync_api import sync_playwright

    from tests.explorer.browser_helpers import launch

    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()
