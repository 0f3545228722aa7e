"""kg build: validate per graph, write atomically, keep the last good build on failure."""

from __future__ import annotations

import json

import pytest

from kg.build import build
from kg.errors import ParseError, ValidationFailed
from kg.store import EmbeddedStore
from tests.conftest import TINY


def test_build_writes_dataset_and_manifest(tiny) -> None:
    result = build(tiny)
    assert result.report.conforms
    manifest = json.loads((tiny.build_dir / "current" / "manifest.json").read_text())
    assert manifest["base"] == tiny.base
    assert manifest["classes"]["kgdef:Participation"] == 1
    assert "graph:tiny" in str(manifest["graphs"]) or any("tiny" in g for g in manifest["graphs"])
    store = EmbeddedStore.from_dataset(tiny)
    assert store.ask("ASK { ?p a <def#Participation> }")


def test_base_setting_resolves_relative_iris(tiny) -> None:
    settings = type(tiny)(
        source_dir=tiny.source_dir, build_dir=tiny.build_dir, base="https://data.example.org/"
    )
    build(settings)
    store = EmbeddedStore.from_dataset(settings)
    assert store.ask("ASK { <https://data.example.org/id/organisation/actiz> ?p ?o }")


def test_violation_leaves_previous_build_untouched(tiny) -> None:
    build(tiny)
    before = tiny.dataset_path.read_bytes()
    bad = TINY.replace("kgdef:role role:ondertekenaar ;", "")
    (tiny.data_dir / "tiny.trig").write_text(bad, encoding="utf-8")
    with pytest.raises(ValidationFailed) as caught:
        build(tiny)
    findings = caught.value.report.findings
    assert any(f.focus.endswith("id/participation/x-actiz") and f.path.endswith("#role") for f in findings)
    assert any(f.file and f.file.endswith("tiny.trig") and f.line for f in findings)
    assert tiny.dataset_path.read_bytes() == before


def test_malformed_turtle_names_file_and_line(tiny) -> None:
    build(tiny)
    before = tiny.dataset_path.read_bytes()
    (tiny.data_dir / "broken.trig").write_text('@prefix x: <a#> .\nGRAPH <g> {\nx:a x:b "open .\n}\n')
    with pytest.raises(ParseError) as caught:
        build(tiny)
    assert caught.value.details["file"].endswith("broken.trig")
    assert caught.value.details["line"] == 3
    assert tiny.dataset_path.read_bytes() == before


def test_cache_reuses_reports_and_notices_changes(tiny) -> None:
    build(tiny)
    cached = list((tiny.build_dir / ".shacl-cache").glob("*.json"))
    assert len(cached) == 1
    (tiny.data_dir / "tiny.trig").write_text(TINY.replace("Kleine brief", "Andere brief"))
    build(tiny)
    assert len(list((tiny.build_dir / ".shacl-cache").glob("*.json"))) == 2


def test_dangling_reference_is_a_violation(tiny) -> None:
    text = TINY.replace("kgdef:participant o:actiz", "kgdef:participant o:actiz , o:ghost")
    (tiny.data_dir / "tiny.trig").write_text(text)
    with pytest.raises(ValidationFailed) as caught:
        build(tiny)
    assert any("ghost" in f.focus for f in caught.value.report.findings)


def test_a_blank_node_label_in_two_files_is_two_nodes(tmp_path):
    """`_:e` is scoped to its file: two letters never share an evidence node."""
    from kg.service import open_store
    from kg.settings import Settings
    from tests.conftest import make_source

    other = TINY.replace("graph/tiny", "graph/other").replace("ltr:t", "ltr:u").replace("tiny.txt", "u.txt")
    other = other.replace("ActiZ ondertekende het akkoord.", "Het akkoord is ondertekend.")
    settings = Settings(
        source_dir=make_source(tmp_path / "src", {"tiny.trig": TINY, "other.trig": other}),
        build_dir=tmp_path / "build",
    )
    build(settings)
    store = open_store(settings, read_only=True)
    exact = "<http://www.w3.org/ns/oa#exact>"
    per_evidence = f"SELECT ?e (COUNT(DISTINCT ?q) AS ?n) WHERE {{ ?e {exact} ?q }} GROUP BY ?e"
    rows = store.select(per_evidence).rows
    assert len(rows) == 2 and all(int(quotes.value) == 1 for _, quotes in rows)
