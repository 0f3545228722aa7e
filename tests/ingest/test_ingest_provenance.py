"""Provenance: evidence is minted per document, never shared between the graphs of two documents."""

from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.cli import main
from kg.settings import Settings

EV = """PREFIX kgdef: <def#> PREFIX prov: <http://www.w3.org/ns/prov#> PREFIX oa: <http://www.w3.org/ns/oa#>
SELECT ?ev (COUNT(DISTINCT ?doc) AS ?docs) (COUNT(DISTINCT ?g) AS ?graphs) (COUNT(DISTINCT ?q) AS ?quotes)
WHERE { GRAPH ?g { ?ev a kgdef:Evidence ; prov:wasDerivedFrom ?doc ; oa:exact ?q } } GROUP BY ?ev"""


@pytest.fixture(autouse=True)
def _env(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KG_SOURCE_DIR", str(settings.source_dir))
    monkeypatch.setenv("KG_BUILD_DIR", str(settings.build_dir))


def _evidence(settings: Settings) -> list[ox.QuerySolution]:
    store = ox.Store()
    store.load(path=str(settings.dataset_path), format=ox.RdfFormat.N_QUADS)
    return list(store.query(EV, base_iri=settings.base))


def _letter(letters: Path, folder: Path, name: str, number: int) -> Path:
    """A copy of a test letter printed as another Kamerstuk (a document of its own)."""
    text = (letters / "voortgang-wijkzorg.txt").read_text(encoding="utf-8")
    target = folder / name
    target.write_text(text.replace("31 765, nr. 901", f"31 765, nr. {number}"), encoding="utf-8")
    return target


def test_no_evidence_node_carries_quotes_of_two_documents(
    settings: Settings, letters: Path, tmp_path: Path
) -> None:
    files = [_letter(letters, tmp_path, f"brief-{n}.txt", n) for n in (901, 902, 903)]
    files.append(letters / "mantelzorg.html")
    args = ["ingest", *map(str, files), "--apply", "--quiet", "--date", "2024-02-01"]
    assert main(args) == 0
    rows = _evidence(settings)
    ingested = [r for r in rows if "/id/evidence/" in r["ev"].value]
    assert len(ingested) > 60
    shared = [r["ev"].value for r in rows if int(r["docs"].value) > 1 or int(r["graphs"].value) > 1]
    assert shared == []
    assert all(int(r["quotes"].value) == 1 for r in ingested)
    # each document's evidence lives under the document's own slug
    for row in ingested:
        assert re.search(r"/id/evidence/kst-(31765-90[123]|30169-88)/[0-9a-f]{16}$", row["ev"].value)


def test_evidence_names_are_stable_on_reingest(settings: Settings, letters: Path, tmp_path: Path) -> None:
    letter = str(letters / "voortgang-wijkzorg.txt")
    assert main(["ingest", letter, "--out", str(tmp_path / "a"), "--quiet"]) == 0
    assert main(["ingest", letter, "--out", str(tmp_path / "b"), "--quiet"]) == 0
    first = (tmp_path / "a" / "kst-31765-901.trig").read_text(encoding="utf-8")
    second = (tmp_path / "b" / "kst-31765-901.trig").read_text(encoding="utf-8")
    names = re.findall(r"<id/evidence/[^>]+>", first)
    assert names and first == second
    assert "_:ev" not in first
