"""Derived display labels, and the synthetic graph generator."""

from __future__ import annotations

import pyoxigraph as ox

from kg.build import build
from kg.derive import display_labels
from kg.settings import Settings
from kg.store import EmbeddedStore
from kg.synthetic import generate, write
from tests.conftest import make_source

SKOS = "http://www.w3.org/2004/02/skos/core#prefLabel"


def test_display_label_prefers_dutch_and_the_fuller_name() -> None:
    store = ox.Store()
    law, g1, g2 = (
        ox.NamedNode("http://x/id/law/wlz"),
        ox.NamedNode("http://x/g1"),
        ox.NamedNode("http://x/g2"),
    )
    store.add(ox.Quad(law, ox.NamedNode(SKOS), ox.Literal("Wlz"), g1))
    store.add(ox.Quad(law, ox.NamedNode(SKOS), ox.Literal("Wet langdurige zorg", language="nl"), g2))
    labels = {(q.object.value, q.object.language) for q in display_labels(store, "http://x/")}
    assert labels == {("Wet langdurige zorg", "nl"), ("Wet langdurige zorg", "en")}


def test_english_label_used_when_present() -> None:
    store = ox.Store()
    post, g = ox.NamedNode("http://x/id/post/p"), ox.NamedNode("http://x/g")
    store.add(ox.Quad(post, ox.NamedNode(SKOS), ox.Literal("minister", language="nl"), g))
    store.add(ox.Quad(post, ox.NamedNode(SKOS), ox.Literal("Minister", language="en"), g))
    labels = {q.object.language: q.object.value for q in display_labels(store, "http://x/")}
    assert labels == {"nl": "minister", "en": "Minister"}


def test_synthetic_graph_has_the_size_asked_and_conforms(tmp_path) -> None:
    text = "".join(generate(6_000, seed=3))
    quads = list(ox.parse(input=text.encode(), format=ox.RdfFormat.TRIG, base_iri="http://localhost:8000/"))
    assert 5_400 <= len(quads) <= 6_600
    src = make_source(tmp_path / "src", {})
    write(src / "kg" / "data" / "synth.trig", 6_000, seed=3)
    settings = Settings(source_dir=src, build_dir=tmp_path / "build")
    result = build(settings)
    assert result.report.conforms
    store = EmbeddedStore.from_dataset(settings)
    for cls in ("Participation", "Citation", "StatusChange", "Budget", "Letter"):
        assert store.ask(f"ASK {{ ?x a <def#{cls}> }}"), cls


def test_synthetic_is_deterministic() -> None:
    assert "".join(generate(2_000, seed=5)) == "".join(generate(2_000, seed=5))
