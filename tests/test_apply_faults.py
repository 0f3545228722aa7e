"""`kill -9` of `kg ingest --apply` at many of its steps on disk: afterwards the letter is in kg/data
exactly when the published graph holds it, `kg query`, `kg stats`, `kg validate` and the store
`kg serve` loads agree on that graph, and a whole `kg build` of the sources gives the same."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from kg.build import build
from kg.cli import main
from kg.store import EmbeddedStore
from tests.faults import run_killed
from tests.ingest.ingest_helpers import LETTERS, make_source

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
LETTER = LETTERS / "voortgang-wijkzorg.txt"
MOMENTS = 8  # of the apply's steps, spread over all of them (the switch and its neighbours always)


def _count(settings, capsys) -> int:
    capsys.readouterr()
    assert main(["query", COUNT, "-f", "json"]) == 0
    queried = int(json.loads(capsys.readouterr().out)["results"]["bindings"][0]["n"]["value"])
    assert main(["stats", "--format", "json"]) == 0
    stats = json.loads(capsys.readouterr().out)["triples"]
    served = EmbeddedStore.from_dataset(settings).count()
    assert queried == stats == served
    return queried


@pytest.fixture
def scene(tmp_path: Path, monkeypatch):
    settings = make_source(tmp_path / "src")
    build(settings)
    monkeypatch.setenv("KG_SOURCE_DIR", str(settings.source_dir))
    monkeypatch.setenv("KG_BUILD_DIR", str(settings.build_dir))
    pristine = tmp_path / "pristine"
    shutil.copytree(settings.source_dir, pristine, symlinks=True)
    return settings, pristine


def _restore(settings, pristine: Path) -> None:
    shutil.rmtree(settings.source_dir)
    shutil.copytree(pristine, settings.source_dir, symlinks=True)


def test_kill_at_many_steps_of_an_apply(scene, capsys, tmp_path) -> None:
    settings, pristine = scene
    env = {"KG_SOURCE_DIR": str(settings.source_dir), "KG_BUILD_DIR": str(settings.build_dir)}
    argv = ["ingest", str(LETTER), "--apply", "--quiet"]
    old = _count(settings, capsys)
    log = tmp_path / "steps.log"
    code, err = run_killed(argv, env, "count", "", settings.source_dir, log)
    assert code == 0, err
    new = _count(settings, capsys)
    letter = settings.data_dir / "ingested" / "kst-31765-901.trig"
    assert new > old and letter.is_file()
    steps = log.read_text().splitlines()
    switch = next(i for i, s in enumerate(steps, 1) if "os.rename" in s and ".current." in s)
    chosen = sorted(
        {*range(1, len(steps) + 1, max(1, len(steps) // MOMENTS)), switch - 1, switch, switch + 1}
    )
    states = []
    for step in chosen:
        _restore(settings, pristine)
        code, err = run_killed(argv, env, "step", str(step), settings.source_dir)
        assert code == -9, (step, err[-1000:])
        assert main(["validate"]) == 0  # finishes an apply that was published
        seen = _count(settings, capsys)
        assert seen == (old if step <= switch else new), (step, steps[step - 1])
        assert letter.is_file() == (seen == new), (step, steps[step - 1])
        states.append(seen)
        if step in (switch, switch + 1):  # the sources build to the same graph
            build(settings)
            assert _count(settings, capsys) == seen
    print(f"{len(chosen)} of {len(steps)} apply steps killed: {states.count(old)} left the old graph")
