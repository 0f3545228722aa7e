"""Every node shape has a conforming and a violating fixture, and they behave as such."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.namespaces import PROJECT, STANDARD
from kg.rdfio import parse, parse_file
from kg.validate import shacl
from tests.fixtures.shape_cases import CASES, WORLD

ROOT = Path(__file__).resolve().parent.parent
BASE = "http://example.org/kg/"
HEAD = "\n".join(f"@prefix {k}: <{v}> ." for k, v in {**STANDARD, **PROJECT}.items())


@pytest.fixture(scope="module")
def model() -> tuple[list[ox.Quad], list[ox.Quad]]:
    ontology = [q for p in sorted((ROOT / "ontology").glob("*.ttl")) for q in parse_file(p, BASE)]
    shapes = [q for p in sorted((ROOT / "shapes").glob("*.ttl")) for q in parse_file(p, BASE)]
    return ontology, shapes


def _validate(body: str, model) -> list:
    ontology, shapes = model
    text = f"{HEAD}\nGRAPH <graph/fx> {{ {WORLD}\n{body}\n}}"
    return shacl(parse(text.encode(), ox.RdfFormat.TRIG, BASE, "fixture.trig"), shapes, ontology)


def test_every_node_shape_has_fixtures(model) -> None:
    _, shapes = model
    shape_names = {
        q.subject.value.rsplit("#", 1)[1] for q in shapes if q.predicate.value.endswith("#targetClass")
    }
    assert shape_names == set(CASES)


def test_world_conforms(model) -> None:
    assert [f for f in _validate("", model) if f.severity == "Violation"] == []


@pytest.mark.parametrize("name", sorted(CASES))
def test_conforming_fixture(name: str, model) -> None:
    _, good, _ = CASES[name]
    assert _validate(good, model) == []


@pytest.mark.parametrize("name", sorted(CASES))
def test_violating_fixture(name: str, model) -> None:
    focus, _, bad = CASES[name]
    findings = [f for f in _validate(bad, model) if f.severity == "Violation"]
    assert findings, f"{name}: the violating fixture conforms"
    assert all(f.message for f in findings)
    if name != "Evidence":  # the bad evidence node is a blank node
        assert BASE + focus in {f.focus for f in findings}


def test_messages_follow_the_language(model) -> None:
    ontology, shapes = model
    _, _, bad = CASES["Kamerstuk"]
    text = f"{HEAD}\nGRAPH <graph/fx> {{ {WORLD}\n{bad}\n}}"
    quads = parse(text.encode(), ox.RdfFormat.TRIG, BASE, "fixture.trig")
    nl = {f.message for f in shacl(quads, shapes, ontology, "nl")}
    assert any("Kamerstuk moet precies één kst-id" in m for m in nl)
