"""The build's SHACL engine (pyshacl-turbo) against the reference (pySHACL) on every shape fixture,
conforming and violating, in both languages: the same results (severity, focus node, path,
value) and the same messages wherever the shapes write one."""

from __future__ import annotations

from collections import Counter

import pyoxigraph as ox
import pytest

from kg.rdfio import parse
from kg.synthetic import generate
from kg.validate import _findings, validation_report
from tests.fixtures.shape_cases import CASES, WORLD
from tests.test_shapes import BASE, HEAD, model  # noqa: F401  (the fixture)

MESSAGE = "http://www.w3.org/ns/shacl#message"


def _result(finding, declared: set[str]) -> tuple:
    focus = finding.focus if "/" in finding.focus else "_:blank"  # blank node labels differ
    message = finding.message if finding.message in declared else "(engine's own wording)"
    return finding.severity, focus, finding.path, finding.value, message


def _both(quads, loaded) -> dict[str, tuple[Counter, Counter]]:
    """Per language: our engine's results and the reference's (each engine run once)."""
    ontology, shapes = loaded
    declared = {q.object.value for q in shapes if q.predicate.value == MESSAGE}
    reports = [validation_report(quads, shapes, ontology, engine)[1] for engine in ("turbo", "pyshacl")]
    return {
        lang: tuple(Counter(_result(f, declared) for f in _findings(r, lang)) for r in reports)  # type: ignore[misc]
        for lang in ("en", "nl")
    }


@pytest.mark.parametrize("kind", ["conforming", "violating"])
@pytest.mark.parametrize("name", sorted(CASES))
def test_same_results_as_pyshacl(name: str, kind: str, model) -> None:  # noqa: F811
    _, good, bad = CASES[name]
    text = f"{HEAD}\nGRAPH <graph/fx> {{ {WORLD}\n{good if kind == 'conforming' else bad}\n}}"
    for lang, (ours, reference) in _both(parse(text.encode(), ox.RdfFormat.TRIG, BASE, "fx"), model).items():
        assert ours == reference, lang
        assert kind == "conforming" or any(r[0] == "Violation" for r in ours)


def test_same_results_on_a_synthetic_letter_with_planted_faults(model) -> None:  # noqa: F811
    text = "".join(generate(3_000, seed=5))
    text = text.replace('"EUR"', '"GBP"', 2).replace("kgdef:startLine", "kgdef:startLijn", 3)
    ours, reference = _both(parse(text.encode(), ox.RdfFormat.TRIG, BASE, "synth.trig"), model)["en"]
    assert ours == reference and sum(n for r, n in ours.items() if r[0] == "Violation") >= 3
