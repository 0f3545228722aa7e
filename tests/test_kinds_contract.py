"""The kinds contract: every class of the project is declared once, validated and reachable.

For each `owl:Class` of `ontology/*.ttl` (deprecated ones aside) the registry in the ontology
(kg/kinds.py) must give it names in nl and en and an id segment; `shapes/` must have a node
shape for it with a conforming and a violating fixture (tests/fixtures/shape_cases.py, which
tests/test_shapes.py runs); and a user must reach it through a REST list (`kgdef:urlPlural`)
or a stored query (`queries/*.rq`) that names it. A failing test says what is missing, so a
newcomer who adds a kind learns here what is still to do.
"""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from kg import kinds
from kg.namespaces import STANDARD
from kg.rdfio import parse_file
from kg.settings import ROOT
from tests.fixtures.shape_cases import CASES

BASE = "http://example.org/kg/"
SH = STANDARD["sh"]
DECLARED = [k for k in kinds.current()]


def _shapes() -> dict[str, str]:
    """Class IRI (relative for the project's terms) -> local name of the node shape targeting it."""
    found = {}
    for path in sorted((ROOT / "shapes").glob("*.ttl")):
        for q in parse_file(path, BASE):
            if q.predicate.value == SH + "targetClass":
                target = q.object.value.removeprefix(BASE)
                found[target] = q.subject.value.rsplit("#", 1)[-1]
    return found


def _spellings(kind: kinds.KindDecl) -> list[str]:
    """How a stored query can name the class: a prefixed name or the full IRI in angle brackets."""
    iri = kind.class_iri
    names = [re.escape(f"<{iri}>")]
    for prefix, ns in {**STANDARD, "kgdef": "def#"}.items():
        if iri.startswith(ns):
            names.append(rf"\b{prefix}:{re.escape(iri[len(ns) :])}\b")
    return names


QUERIES = {p.stem: p.read_text(encoding="utf-8") for p in sorted((ROOT / "queries").glob("*.rq"))}


def _what_is_missing(kind: kinds.KindDecl, shapes: dict[str, str]) -> list[str]:
    missing = []
    if not kind.nl or not kind.en:
        missing.append("rdfs:label in nl and en")
    if not kind.segment:
        missing.append("kgdef:idSegment (its identifiers id/{segment}/...)")
    shape = shapes.get(kind.class_iri)
    if shape is None:
        missing.append("a node shape in shapes/ (sh:targetClass)")
    elif shape not in CASES:
        missing.append(
            f"a conforming and a violating fixture for shapes#{shape} in tests/fixtures/shape_cases.py"
        )
    if kinds.listed_by(kind) is None and not any(
        re.search(s, t) for s in _spellings(kind) for t in QUERIES.values()
    ):
        missing.append(
            "a REST list (kgdef:urlPlural, on it or a superclass) or a stored query in queries/ that names it"
        )
    if (
        kind.relation is None
        and kind.explorer_kind is None
        and not kind.shown_via
        and kind.name != "Evidence"
    ):
        missing.append(
            "a place in the explorer or on entity pages (explorerColour/explorerKind, relationFrom, shownVia)"
        )
    return missing


def test_the_registry_holds_the_project_s_classes() -> None:
    names = {k.name for k in DECLARED}
    assert {"Agreement", "Faction", "StatusChange", "VoteEvent", "Vote", "Count", "Organization"} <= names
    assert not {"MotionHandling", "Milestone"} & names  # now status changes


@pytest.mark.parametrize("kind", DECLARED, ids=lambda k: k.name)
def test_every_class_is_declared_validated_and_reachable(kind: kinds.KindDecl) -> None:
    missing = _what_is_missing(kind, _shapes())
    assert not missing, f"{kind.class_iri} is missing: " + "; ".join(missing)


def test_the_contract_names_what_is_missing() -> None:
    newcomer = kinds.KindDecl("def#ExampleNewKind", "voorbeeld", "example", None)
    missing = _what_is_missing(newcomer, _shapes())
    assert any("kgdef:idSegment" in m for m in missing)
    assert any("node shape" in m for m in missing)
    assert any("REST list" in m for m in missing)


def test_relations_lead_through_declared_properties() -> None:
    declared = {q.subject.value.removeprefix(BASE) for q in parse_file(ROOT / "ontology" / "kg.ttl", BASE)}
    for kind in kinds.relations():
        rel = kind.relation
        assert rel is not None and rel.nl and rel.en, f"{kind.name}: kgdef:relationLabel in nl and en"
        for prop in (rel.source, rel.target, rel.role):
            if prop and prop.startswith("def#"):
                assert prop in declared, f"{kind.name}: {prop} is not declared in the ontology"


def test_every_rest_list_answers(client_over_seed: TestClient) -> None:
    for kind in kinds.listable():
        response = client_over_seed.get(f"/api/v1/{kind.plural}")
        assert response.status_code == 200, f"/api/v1/{kind.plural}: {response.status_code}"


@pytest.fixture(scope="module")
def client_over_seed(tmp_path_factory) -> TestClient:
    from api.app import create_app
    from kg.build import build
    from kg.service import open_store
    from kg.settings import Settings

    settings = Settings(source_dir=ROOT, build_dir=tmp_path_factory.mktemp("build"))
    build(settings)
    return TestClient(create_app(settings, open_store(settings)), raise_server_exceptions=False)


def test_the_lists_are_derived_from_the_registry() -> None:
    from kg.explorer.kinds import KINDS as EXPLORER
    from kg.explorer.kinds import RELATION_CLASSES
    from kg.explorer.labels import RELATION_NAMES
    from kg.ingest.mentions import KINDS as GAZETTEER
    from kg.resources import KINDS as REST

    assert set(REST) == {k.plural for k in kinds.listable()}
    assert REST["factions"].class_iri == "def#Faction" and REST["persons"].segment == "person"
    assert kinds.gazetteer() == GAZETTEER and GAZETTEER["def#Faction"] == "faction"
    assert {k.id for k in EXPLORER} >= {"faction", "vote-event", "organisation", "coalition", "document"}
    assert {"def#StatusChange", "def#Tenure", STANDARD["opengov"] + "Vote", "def#Evidence"} <= set(
        RELATION_CLASSES
    )
    assert RELATION_NAMES["Citation"] == ("citation", "verwijst naar", "cites")


def test_the_most_specific_class_decides_the_explorer_kind() -> None:
    order = [c for c, _ in kinds.explorer_classes()]
    organisation = STANDARD["org"] + "Organization"
    assert order.index("def#Faction") < order.index(organisation)
    assert order.index(STANDARD["org"] + "OrganizationalCollaboration") < order.index(organisation)
