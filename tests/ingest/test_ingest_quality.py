"""Quality on the two seed letters, measured against the hand-curated graph (kg/data/*.trig).

What counts, per letter (the curated named graph whose letter has that kgdef:sourceFile):
- citations: the set of Kamerstuk identifiers the curated graph cites (kgdef:Citation →
  kgdef:citedDocument, a kgdef:Kamerstuk) against the set ingest cites (the letter itself excluded);
- motions: each curated opengov:Motion (by its Kamerstuk) must be found with the same submitters
  (family names), the same Kamerstuk and the same handling concept;
- organisations: the set of org:Organization IRIs that have kgdef:evidence in the curated graph
  against the set of organisation IRIs ingest links the letter to, the gazetteer built from the
  whole curated graph.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.ingest.extract import extract
from kg.ingest.mentions import Gazetteer
from kg.ingest.reader import read_letter
from kg.ingest.records import Extraction
from kg.ingest.trig import kst_id
from kg.rdfio import parse_file
from kg.settings import Settings
from kg.store import EmbeddedStore

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ("000_14be2080959179c7.txt", "003_4f10061e1ff75208.txt")
P = """PREFIX kgdef: <def#> PREFIX dcterms: <http://purl.org/dc/terms/> PREFIX org: <http://www.w3.org/ns/org#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#> PREFIX opengov: <http://www.w3.org/ns/opengov#>
"""


@pytest.fixture(scope="module")
def curated() -> EmbeddedStore:
    settings = Settings()
    store = EmbeddedStore(settings)
    for path in sorted((ROOT / "kg" / "data").glob("*.trig")):
        store.load(parse_file(path, settings.base))
    return store


@pytest.fixture(scope="module")
def runs(curated: EmbeddedStore, seeds: Path) -> dict[str, tuple[str, Extraction, Gazetteer]]:
    gazetteer = Gazetteer.from_store(curated)
    out = {}
    for name in SEEDS:
        rows = curated.select(P + f'SELECT ?g WHERE {{ GRAPH ?g {{ ?d kgdef:sourceFile "{name}" }} }}').rows
        assert rows, f"no curated graph for {name}"
        out[name] = (rows[0][0].value, extract(read_letter(seeds / name), gazetteer), gazetteer)
    return out


def _set(store: EmbeddedStore, query: str) -> set[str]:
    return {row[0].value for row in store.select(P + query).rows}


def _pr(found: set[str], expected: set[str]) -> tuple[float, float]:
    hits = len(found & expected)
    return (hits / len(found) if found else 1.0), (hits / len(expected) if expected else 1.0)


def test_kamerstuk_citations_precision_and_recall(curated: EmbeddedStore, runs: dict) -> None:
    found_all, expected_all = set(), set()
    for name, (graph, x, _) in runs.items():
        expected = _set(
            curated,
            f"SELECT ?id WHERE {{ GRAPH <{graph}> {{ ?c a kgdef:Citation ; "
            "kgdef:citedDocument ?d . ?d a kgdef:Kamerstuk ; dcterms:identifier ?id } }",
        )
        found = {kst_id(c.kst) for c in x.citations if c.kst != x.meta.kst}
        found_all |= {(name, f) for f in found}
        expected_all |= {(name, e) for e in expected}
    precision, recall = _pr(found_all, expected_all)
    print(f"citations: {len(expected_all)} curated, precision {precision:.3f}, recall {recall:.3f}")
    assert len(expected_all) >= 19
    assert precision >= 0.98 and recall >= 0.98


def test_all_motions_with_submitters_kamerstuk_and_handling(curated: EmbeddedStore, runs: dict) -> None:
    graph, x, _ = runs["003_4f10061e1ff75208.txt"]
    rows = curated.select(
        P
        + f"""SELECT ?id ?name ?handling WHERE {{ GRAPH <{graph}> {{
        ?m a opengov:Motion ; kgdef:publishedAs/dcterms:identifier ?id ;
           dcterms:creator/skos:prefLabel ?name .
        ?h kgdef:statusOf ?m ; kgdef:toStatus ?handling }}
        FILTER(REPLACE(STR(?handling), "^.*/", "") IN ("afgedaan", "uitgevoerd", "in-uitvoering")) }}"""
    ).rows
    expected: dict[str, tuple[set[str], str]] = {}
    for kst, person, handling in rows:
        names, _ = expected.setdefault(kst.value, (set(), handling.value.rsplit("/", 1)[1]))
        names.add(person.value)
    found = {kst_id(m.kst): (set(m.submitters), m.handling) for m in x.motions if m.kst}
    right = [k for k, v in expected.items() if found.get(k) == v]
    print(f"motions: {len(right)} of {len(expected)} with submitters, Kamerstuk and handling")
    assert len(expected) == 7
    assert found == expected


def test_organisation_mentions_precision_and_recall(curated: EmbeddedStore, runs: dict) -> None:
    found_all, expected_all = set(), set()
    for name, (graph, x, gazetteer) in runs.items():
        expected = _set(
            curated,
            f"SELECT DISTINCT ?o WHERE {{ GRAPH <{graph}> {{ ?o a org:Organization ; kgdef:evidence ?e }} }}",
        )
        found = {i for i in x.mentions if gazetteer.entities[i].kind == "organisation"}
        found_all |= {(name, f) for f in found}
        expected_all |= {(name, e) for e in expected}
    precision, recall = _pr(found_all, expected_all)
    missed = sorted(e[1].rsplit("/", 1)[1] for e in expected_all - found_all)
    print(
        f"organisations: {len(expected_all)} curated, precision {precision:.3f}, recall {recall:.3f}, "
        f"missed {missed}"
    )
    assert precision >= 0.95 and recall >= 0.95


def test_organisation_mentions_with_only_the_other_letters_names(curated: EmbeddedStore, seeds: Path) -> None:
    """The names of one letter's graph, found in the other letter: no help from its own curation."""
    settings = Settings()
    found_all, expected_all = set(), set()
    for name, own in (("003_4f10061e1ff75208.txt", "wozo-2023-"), ("000_14be2080959179c7.txt", "hlo-2025")):
        other = EmbeddedStore(settings)
        for path in sorted((ROOT / "kg" / "data").glob("*.trig")):
            if not path.name.startswith(own):
                other.load(parse_file(path, settings.base))
        gazetteer = Gazetteer.from_store(other)
        known = {i for i, e in gazetteer.entities.items() if e.kind == "organisation"}
        rows = curated.select(P + f'SELECT ?g WHERE {{ GRAPH ?g {{ ?d kgdef:sourceFile "{name}" }} }}').rows
        graph = rows[0][0].value
        expected = _set(
            curated,
            f"SELECT DISTINCT ?o WHERE {{ GRAPH <{graph}> {{ ?o a org:Organization ; kgdef:evidence ?e }} }}",
        )
        x = extract(read_letter(seeds / name), gazetteer)
        found = {i for i in x.mentions if gazetteer.entities[i].kind == "organisation"}
        found_all |= {(name, f) for f in found}
        expected_all |= {(name, e) for e in expected & known}
    precision, recall = _pr(found_all, expected_all)
    print(
        f"organisations, names from the other letter only: {len(expected_all)} shared, "
        f"precision {precision:.3f}, recall {recall:.3f}"
    )
    assert len(expected_all) >= 20
    assert precision >= 0.95 and recall >= 0.95
