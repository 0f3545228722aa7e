"""`kill -9` of `kg build` at every step it takes on disk, and while its validation workers run:
afterwards `kg query`, `kg stats`, `kg validate` and `kg serve` agree on one graph, the last good
one or the new one; no worker outlives the build; the next build leaves no partial folder or
temp file behind."""

from __future__ import annotations

import json
import os
import shutil
import signal
import time
from pathlib import Path

import pytest

from kg import builds
from kg.build import build
from kg.cli import main
from kg.settings import Settings
from kg.store import EmbeddedStore
from kg.synthetic import generate
from tests.conftest import ROOT, TINY, make_source
from tests.faults import processes_with, run_killed, served_count

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
SECOND = TINY.replace("<graph/tiny>", "<graph/second>").replace("Kleine brief", "Tweede brief")


def _env(settings: Settings) -> dict[str, str]:
    return {"KG_SOURCE_DIR": str(settings.source_dir), "KG_BUILD_DIR": str(settings.build_dir)}


def _counts(settings: Settings, capsys) -> set[int]:
    """The triple count as `kg query`, `kg stats` and the store `kg serve` loads each see it."""
    capsys.readouterr()
    assert main(["query", COUNT, "-f", "json"]) == 0
    queried = json.loads(capsys.readouterr().out)
    assert main(["stats", "--format", "json"]) == 0
    stats = json.loads(capsys.readouterr().out)["triples"]
    served = EmbeddedStore.from_dataset(settings).count()
    return {int(queried["results"]["bindings"][0]["n"]["value"]), stats, served}


def _leftovers(settings: Settings) -> list[str]:
    left = [p.name for p in builds.builds_dir(settings).iterdir() if p.name.startswith(".")]
    left += [p.name for p in settings.build_dir.glob(".*.*") if p.is_file()]
    return left + [p.name for p in (settings.build_dir / ".shacl-cache").glob(".*")]


@pytest.fixture
def scene(tmp_path: Path, monkeypatch):
    """The tiny graph built and published (old); then a second letter added to the sources (new)."""
    settings = Settings(source_dir=make_source(tmp_path / "src"), build_dir=tmp_path / "build")
    old = build(settings).stats["triples"]
    (settings.data_dir / "second.trig").write_text(SECOND, encoding="utf-8")
    monkeypatch.setenv("KG_SOURCE_DIR", str(settings.source_dir))
    monkeypatch.setenv("KG_BUILD_DIR", str(settings.build_dir))
    pristine = tmp_path / "pristine"
    shutil.copytree(settings.build_dir, pristine, symlinks=True)
    return settings, old, pristine


def _restore(settings: Settings, pristine: Path) -> None:
    shutil.rmtree(settings.build_dir)
    shutil.copytree(pristine, settings.build_dir, symlinks=True)


def test_kill_at_every_step_of_a_build(scene, capsys, tmp_path) -> None:
    settings, old, pristine = scene
    log = tmp_path / "steps.log"
    code, err = run_killed(["build", "--no-cache"], _env(settings), "count", "", settings.build_dir, log)
    assert code == 0, err
    new = _counts(settings, capsys).pop()
    steps = log.read_text().splitlines()
    switch = next(i for i, s in enumerate(steps, 1) if "os.rename" in s and ".current." in s)
    seen: dict[int, int] = {}
    for step in range(1, len(steps) + 1):
        _restore(settings, pristine)
        code, err = run_killed(["build", "--no-cache"], _env(settings), "step", str(step), settings.build_dir)
        assert code == -9, (step, err[-1000:])
        counts = _counts(settings, capsys)
        assert len(counts) == 1 and counts <= {old, new}, (step, steps[step - 1], counts)
        assert counts == ({old} if step <= switch else {new}), (step, steps[step - 1])
        seen[step] = counts.pop()
        assert main(["validate"]) == 0
        if step % 4 == 0 or step == switch:
            build(settings)  # the next build tidies what the killed one left
            assert not _leftovers(settings), step
            assert len(list(builds.builds_dir(settings).iterdir())) <= 2
    print(f"{len(steps)} kill moments: {sum(v == old for v in seen.values())} left the old graph")
    stamp = (settings.data_dir / "tiny.trig").stat().st_mtime
    for path in (settings.data_dir / "second.trig", settings.data_dir):  # so `kg serve` does not build
        os.utime(path, (stamp, stamp))
    for step, expected in ((switch, old), (switch + 1, new)):  # a real `kg serve` agrees
        _restore(settings, pristine)
        run_killed(["build", "--no-cache"], _env(settings), "step", str(step), settings.build_dir)
        assert served_count(_env(settings), COUNT) == expected


@pytest.mark.parametrize("after", [0.1, 0.4])
def test_kill_during_validation_leaves_no_workers_and_the_old_graph(
    tmp_path, capsys, monkeypatch, after
) -> None:
    source = tmp_path / "src"
    make_source(source, {})
    shutil.rmtree(source / "kg" / "data")
    shutil.copytree(ROOT / "kg" / "data", source / "kg" / "data")  # the real graph: big enough for workers
    settings = Settings(source_dir=source, build_dir=tmp_path / "build")
    monkeypatch.setenv("KG_SOURCE_DIR", str(source))
    monkeypatch.setenv("KG_BUILD_DIR", str(settings.build_dir))
    (settings.data_dir / "second.trig").write_text(SECOND, encoding="utf-8")
    synthetic = "".join(generate(30_000, seed=2)).replace("graph/synth-", "graph/fault-synth-")
    (settings.data_dir / "synthetic.trig").write_text(synthetic, encoding="utf-8")  # work for the workers
    code, err = run_killed(["build", "--no-cache"], _env(settings), "fork", str(after), settings.build_dir)
    assert code == -9, err[-1000:]
    time.sleep(0.2)
    orphans = processes_with("KG_BUILD_DIR", str(settings.build_dir))
    for pid in orphans:  # ours: end them before failing
        os.kill(pid, signal.SIGKILL)
    assert orphans == []
    capsys.readouterr()
    assert main(["stats"]) == 2 and "run `kg build` first" in capsys.readouterr().err
    build(settings)
    assert not _leftovers(settings)
