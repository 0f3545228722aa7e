"""Six documents of our own (tests/ingest/documents/) in layouts the corpus does not show: what each
must give, so that the rules are shown to generalise beyond the documents they were written on."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.build import collect
from kg.ingest.extract import extract
from kg.ingest.mentions import Gazetteer
from kg.ingest.propose import propose
from kg.ingest.reader import read_letter
from kg.ingest.records import Extraction
from kg.rdfio import parse
from kg.settings import Settings
from kg.validate import shacl

DOCUMENTS = Path(__file__).resolve().parent / "documents"
NAMES = sorted(p.name for p in DOCUMENTS.iterdir() if p.suffix in (".txt", ".html"))


@pytest.fixture(scope="module")
def read(request: pytest.FixtureRequest) -> dict[str, Extraction]:
    gazetteer: Gazetteer = request.getfixturevalue("gazetteer")
    return {name: extract(read_letter(DOCUMENTS / name), gazetteer) for name in NAMES}


@pytest.fixture(scope="module")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    from ingest_helpers import make_source

    from kg.build import build

    settings = make_source(tmp_path_factory.mktemp("documents") / "src")
    build(settings)
    return settings


@pytest.fixture(scope="module")
def gazetteer(settings: Settings) -> Gazetteer:
    from kg.store import EmbeddedStore

    return Gazetteer.from_store(EmbeddedStore.from_dataset(settings))


def test_six_documents_of_other_layouts() -> None:
    assert len(NAMES) >= 6


@pytest.mark.parametrize("name", NAMES)
def test_each_proposal_conforms_and_names_what_is_missing(
    name: str, read: dict[str, Extraction], gazetteer: Gazetteer, settings: Settings
) -> None:
    proposal = propose(read[name], gazetteer, settings.base)
    sources = collect(settings, [])
    quads = parse(proposal.trig.encode(), ox.RdfFormat.TRIG, settings.base, name)
    assert [
        f.render() for f in shacl(quads, sources.shapes, sources.ontology) if f.severity == "Violation"
    ] == []
    assert proposal.dropped_quotes == []
    assert proposal.facts and all(f.quote and f.lines for f in proposal.facts.values() if f.id != "identity")


def test_motion_of_two_members_with_a_roll_call_vote(read: dict[str, Extraction]) -> None:
    x = read["motie-leden-hoofdelijk.txt"]
    assert (x.meta.kind, x.meta.kst, x.meta.date) == ("motion", ("29389", None, 131), "2023-12-12")
    assert [(p.name, p.role) for p in x.meta.people] == [
        ("A.M. Bakker", "indiener"),
        ("P. de Wit", "medeindiener"),
        ("S. Yilmaz", "medeindiener"),
    ]
    vote = x.motion_text.vote
    assert (vote.result, vote.method) == ("aangenomen", "hoofdelijk")
    assert {k: v[0] for k, v in vote.counts.items()} == {"voor": 81, "tegen": 64}
    assert [(v.voter, v.party, v.option, v.mistake) for v in vote.votes][-2:] == [
        ("K. de Boer", "PVV", "tegen", True),
        ("L. Smit", "D66", "niet-deelgenomen", False),
    ]
    assert all(v.person for v in vote.votes)


def test_report_of_a_committee_debate(read: dict[str, Extraction]) -> None:
    x = read["verslag-commissiedebat.txt"]
    assert (x.meta.kind, x.meta.kst, x.meta.date) == ("report", ("31765", None, 801), "2024-02-14")
    assert x.meta.dossier_title == "Kwaliteit van zorg"
    assert [(office, who) for office, who, _ in x.meta.signers] == [
        ("voorzitter van de commissie", "Van den Berg"),
        ("griffier van de commissie", "Kramer"),
    ]
    assert [(c.kst, c.date) for c in x.citations] == [(("31765", None, 790), "2023-12-12")]
    assert [str(f.value) for f in x.facts if f.value is not None] == ["20000000"]
    assert [c.fulfilled for c in x.commitments] == [False]


def test_letter_on_motions_and_commitments(read: dict[str, Extraction]) -> None:
    x = read["brief-toezeggingen.txt"]
    assert (x.meta.kind, x.meta.kst) == ("letter", ("29389", None, 133))
    assert [post for post, _ in x.meta.senders] == ["Minister voor Langdurige Zorg en Sport"]
    assert {(m.kst, m.handling) for m in x.motions} == {
        (("29389", None, 131), "afgedaan"),
        (("29389", None, 129), "in-uitvoering"),
    }
    assert [(c.fulfilled, c.label.split()[1]) for c in x.commitments] == [(False, "de"), (True, "overzicht")]
    dated = {c.kst: c.date for c in x.citations}
    assert dated[("31765", None, 790)] == "2023-12-12"


def test_openkamer_page_with_percentages(read: dict[str, Extraction]) -> None:
    x = read["openkamer-motie.txt"]
    assert (x.meta.layout, x.meta.kind, x.meta.kst, x.meta.date) == (
        "openkamer",
        "motion",
        ("29389", None, 129),
        "2023-12-05",
    )
    assert [(p.name, p.role, p.party) for p in x.meta.people] == [
        ("S. Yilmaz", "indiener", "GroenLinks-PvdA"),
        ("P. de Wit", "medeindiener", "SP"),
    ]
    vote = x.motion_text.vote
    assert vote.result == "verworpen" and {k: v[0] for k, v in vote.counts.items()} == {
        "voor": 70,
        "tegen": 80,
    }
    assert [(v.voter, v.seats) for v in vote.votes][:2] == [("GroenLinks-PvdA", 25), ("SP", 5)]
    assert [(t.value, t.unit) for t in x.targets] == [(30000, "plaatsen")]


def test_tkconv_motion_page(read: dict[str, Extraction]) -> None:
    x = read["tkconv-motie.txt"]
    meta = x.meta
    assert (meta.layout, meta.kind, meta.kst, meta.doc_number, meta.zaak) == (
        "tkconv",
        "motion",
        ("29389", None, 135),
        "2024D10101",
        "2024Z04444",
    )
    assert [(p.name, p.role) for p in meta.people] == [("L. Smit", "indiener"), ("J. Jansen", "medeindiener")]
    assert x.motion_text.dictum.startswith("verzoekt de regering om de Kamer jaarlijks")


def test_parlementairemonitor_html_letter(read: dict[str, Extraction]) -> None:
    x = read["parlementairemonitor-brief.html"]
    meta = x.meta
    assert (meta.layout, meta.kind, meta.kst, meta.date, meta.subject) == (
        "parlementairemonitor",
        "letter",
        ("31765", None, 790),
        "2023-12-12",
        "Voortgang Integraal Zorgakkoord",
    )
    assert [post for post, _ in meta.senders] == ["Minister van Volksgezondheid, Welzijn en Sport"]
    consulted = [(r.role, r.object_label) for r in x.relations if r.kind == "participation"]
    assert consulted == [
        ("geconsulteerd", "ActiZ"),
        ("geconsulteerd", "Patiëntenfederatie Nederland"),
        ("geconsulteerd", "Zorgverzekeraars Nederland"),
    ]
    assert [str(f.value) for f in x.facts if f.value is not None] == ["20000000"]
