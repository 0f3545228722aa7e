"""Applying a document incrementally gives the build a whole `kg build` of the same sources gives:
the same quads, the same counts; a bad document changes nothing."""

from __future__ import annotations

import dataclasses
import json

import pytest

from kg import builds
from kg.apply import apply_documents
from kg.build import build
from kg.errors import ValidationFailed
from tests.conftest import TINY

SECOND = (
    TINY.replace("<graph/tiny>", "<graph/second>")
    .replace("ltr:t ", "ltr:second ")
    .replace("wasDerivedFrom ltr:t", "wasDerivedFrom ltr:second")
    .replace('"tiny.txt"', '"second.txt"')
    .replace('"Akkoord X"@nl', '"Akkoord X, tweede naam"@nl')  # another prefLabel: a new display label
)


def _published(settings) -> tuple[set[bytes], dict]:
    folder, meta = builds.published(settings)
    lines = set((folder / "dataset.nq").read_bytes().splitlines())
    assert len(lines) == meta["dataset"]["quads"]
    return lines, meta


def _same_as_a_whole_build(settings, tmp_path) -> None:
    whole = dataclasses.replace(settings, build_dir=tmp_path / "whole")
    build(whole)
    (mine, meta), (theirs, full) = _published(settings), _published(whole)
    assert mine == theirs
    for key in ("triples", "graphs", "classes", "per_source"):
        assert json.dumps(meta[key], sort_keys=True) == json.dumps(full[key], sort_keys=True), key


def test_adding_a_document_equals_a_whole_build(tiny, tmp_path) -> None:
    build(tiny)
    meta = apply_documents(tiny, {tiny.data_dir / "second.trig": SECOND})
    assert meta["applied"] == ["second.trig"]
    assert (tiny.data_dir / "second.trig").read_text() == SECOND
    _same_as_a_whole_build(tiny, tmp_path)
    lines, _ = _published(tiny)
    assert any(b'"Akkoord X, tweede naam"@nl <http://localhost:8000/graph/derived>' in line for line in lines)


def test_replacing_a_document_equals_a_whole_build(tiny, tmp_path) -> None:
    build(tiny)
    apply_documents(tiny, {tiny.data_dir / "second.trig": SECOND})
    changed = TINY.replace('"Akkoord X"@nl', '"Akkoord Iks"@nl').replace(' ; skos:altLabel "AX"', "")
    apply_documents(tiny, {tiny.data_dir / "tiny.trig": changed})
    _same_as_a_whole_build(tiny, tmp_path)
    lines, _ = _published(tiny)
    assert not any(b'"Akkoord X"@nl' in line for line in lines)


@pytest.mark.parametrize(
    "bad",
    [
        SECOND.replace("kgdef:role role:ondertekenaar ;", ""),  # a shape
        SECOND.replace("kgdef:participant o:actiz", "kgdef:participant o:ghost"),  # a whole-graph check
    ],
)
def test_a_bad_document_changes_nothing(tiny, bad: str) -> None:
    build(tiny)
    before = builds.current(tiny)
    with pytest.raises(ValidationFailed):
        apply_documents(tiny, {tiny.data_dir / "second.trig": bad})
    assert builds.current(tiny) == before and not (tiny.data_dir / "second.trig").exists()
    assert [p.name for p in builds.builds_dir(tiny).iterdir()] == [before.name]
