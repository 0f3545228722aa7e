"""The proposed graph: the model of kg/data, valid against the shapes, every quote in its lines."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.build import collect
from kg.evidence import SourceText
from kg.ingest.extract import extract
from kg.ingest.mentions import Gazetteer
from kg.ingest.propose import propose
from kg.ingest.reader import read_letter
from kg.ingest.trig import Proposal
from kg.rdfio import parse
from kg.settings import Settings
from kg.validate import shacl

Q = """PREFIX kgdef: <def#> PREFIX prov: <http://www.w3.org/ns/prov#> PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX dcterms: <http://purl.org/dc/terms/> PREFIX opengov: <http://www.w3.org/ns/opengov#>
PREFIX schema: <http://schema.org/> PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""


@pytest.fixture
def proposal(letters: Path, settings: Settings, gazetteer: Gazetteer) -> Proposal:
    return propose(
        extract(read_letter(letters / "voortgang-wijkzorg.txt"), gazetteer), gazetteer, settings.base
    )


def _store(proposal: Proposal, settings: Settings) -> ox.Store:
    store = ox.Store()
    store.extend(parse(proposal.trig.encode(), ox.RdfFormat.TRIG, settings.base, "proposal"))
    return store


def test_the_proposal_conforms_to_the_shapes(proposal: Proposal, settings: Settings) -> None:
    sources = collect(settings, [])
    quads = parse(proposal.trig.encode(), ox.RdfFormat.TRIG, settings.base, "proposal")
    assert {q.graph_name.value for q in quads} == {settings.base + "graph/ingest/kst-31765-901"}
    violations = [
        f.render() for f in shacl(quads, sources.shapes, sources.ontology) if f.severity == "Violation"
    ]
    assert violations == []


def test_every_quote_is_in_its_lines(proposal: Proposal, settings: Settings, letters: Path) -> None:
    source = SourceText((letters / "voortgang-wijkzorg.txt").read_text(encoding="utf-8"))
    rows = list(
        _store(proposal, settings).query(
            Q + "SELECT ?s ?e ?q WHERE { GRAPH ?g { ?ev a kgdef:Evidence ; "
            "kgdef:startLine ?s ; kgdef:endLine ?e ; oa:exact ?q } }",
            base_iri=settings.base,
        )
    )
    assert len(rows) > 20
    assert [
        r["q"].value for r in rows if not source.contains(r["q"].value, int(r["s"].value), int(r["e"].value))
    ] == []
    assert proposal.dropped_quotes == []


def test_the_letter_its_citations_motions_and_budgets(proposal: Proposal, settings: Settings) -> None:
    store = _store(proposal, settings)

    def values(query: str) -> list[str]:
        return sorted(
            str(r[0].value)
            for r in store.query(Q + query, base_iri=settings.base, use_default_graph_as_union=True)
        )

    base = settings.base
    assert values("SELECT ?d WHERE { ?l a kgdef:Letter , kgdef:Kamerstuk ; dcterms:date ?d }") == [
        "2025-03-14"
    ]
    assert len(values("SELECT ?c WHERE { ?c a kgdef:Citation }")) == 9
    assert values(
        "SELECT ?h WHERE { ?x a kgdef:StatusChange ; kgdef:statusOf/a opengov:Motion ; kgdef:toStatus ?h }"
    ) == sorted(
        base + f"def/motion-status/{h}"
        for h in ("afgedaan", "uitgevoerd", "afgedaan", "in-uitvoering", "uitgevoerd")
    )
    assert values("SELECT ?v WHERE { <id/agreement/iza> kgdef:budget/schema:value ?v }") == ["12500000"]
    assert values("SELECT ?m WHERE { ?l kgdef:mentions ?m FILTER(?m = <id/organisation/zorgthuisnl>) }") == [
        base + "id/organisation/zorgthuisnl"
    ]
    assert values(
        "SELECT ?d WHERE { ?m a kgdef:StatusChange ; kgdef:statusOf <id/agreement/iza> ; dcterms:date ?d }"
    ) == ["2022-09-16"]


def test_a_date_given_on_the_command_line_fills_a_missing_date(
    letters: Path, settings: Settings, gazetteer: Gazetteer
) -> None:
    x = extract(read_letter(letters / "mantelzorg.html"), gazetteer)
    assert propose(x, gazetteer, settings.base).missing
    filled = propose(x, gazetteer, settings.base, date="2024-02-01")
    assert filled.missing == [] and '"2024-02-01"^^xsd:date' in filled.trig
