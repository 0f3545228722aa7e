"""What is served is checked against the build's manifest: a damaged build is a clear error naming
the file, in every command that reads it, and never an answer from the wrong graph."""

from __future__ import annotations

import json
import shutil

import pytest

from kg import builds
from kg.build import build
from kg.cli import main
from kg.errors import InputError
from kg.store import EmbeddedStore

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


@pytest.fixture
def built(tiny, monkeypatch):
    monkeypatch.setenv("KG_SOURCE_DIR", str(tiny.source_dir))
    monkeypatch.setenv("KG_BUILD_DIR", str(tiny.build_dir))
    build(tiny)
    return tiny


def _errors(capsys, *argv: str) -> str:
    capsys.readouterr()
    assert main(list(argv)) == 2
    return capsys.readouterr().err


def test_manifest_records_counts_and_checksum(built) -> None:
    folder, meta = builds.published(built)
    size, digest = builds.file_digest(folder / "dataset.nq")
    assert meta["dataset"] == {"bytes": size, "sha256": digest, "quads": meta["dataset"]["quads"]}
    assert meta["dataset"]["quads"] == len((folder / "dataset.nq").read_text().splitlines())
    assert (folder / "store").is_dir() and built.dataset_path.resolve() == folder / "dataset.nq"


@pytest.mark.parametrize("damage", ["empty", "half", "same-size-garbage"])
def test_damaged_dataset_is_refused_naming_the_file(built, capsys, damage: str) -> None:
    path = built.dataset_path.resolve()
    data = path.read_bytes()
    cut = {"empty": b"", "half": data[: len(data) // 2], "same-size-garbage": b"<x> <y> " * (len(data) // 8)}
    path.write_bytes(cut[damage].ljust(len(data), b" ") if damage == "same-size-garbage" else cut[damage])
    with pytest.raises(builds.DamagedBuild, match=str(path)):
        EmbeddedStore.from_dataset(built)  # what `kg serve` loads
    assert str(path) in _errors(capsys, "serve", "--port", "1")
    if damage != "same-size-garbage":  # the one-shot commands check the size (the checksum costs)
        assert str(path) in _errors(capsys, "query", COUNT)
        assert str(path) in _errors(capsys, "stats")


def test_corrupt_store_is_a_clear_error(built, capsys) -> None:
    folder, _ = builds.published(built)
    for item in (folder / "store").iterdir():
        if item.is_file():
            item.write_bytes(b"\x00garbage" * 10)
    err = _errors(capsys, "query", COUNT)
    assert str(folder / "store") in err and "Traceback" not in err


def test_store_outside_the_build_folder_is_refused(built, capsys, tmp_path) -> None:
    folder, meta = builds.published(built)
    elsewhere = tmp_path / "elsewhere"
    shutil.copytree(folder / "store", elsewhere)  # a valid store: it must be refused for where it is
    for name in ("../../../../tmp", str(elsewhere), "..", "."):
        (folder / "manifest.json").write_text(json.dumps({**meta, "store": name}))
        assert "outside the build folder" in _errors(capsys, "query", COUNT)


@pytest.mark.parametrize("text", ["", "{not json", "[]", '{"store": "store"}'])
def test_bad_manifest_names_the_file(built, capsys, text: str) -> None:
    folder, _ = builds.published(built)
    (folder / "manifest.json").write_text(text)
    assert str(folder / "manifest.json") in _errors(capsys, "stats")


def test_no_build_says_to_build(tiny, monkeypatch, capsys) -> None:
    monkeypatch.setenv("KG_BUILD_DIR", str(tiny.build_dir))
    assert "run `kg build` first" in _errors(capsys, "stats")
    with pytest.raises(InputError, match="kg build"):
        EmbeddedStore.from_dataset(tiny)
