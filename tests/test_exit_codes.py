"""One exit-code rule for every command: 0 ok, 1 shape violations, 2 bad input, 3 unexpected."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from kg import cli
from kg.build import build
from kg.settings import ROOT, Settings
from tests.conftest import TINY

LETTER = ROOT / "tests" / "ingest" / "letters" / "voortgang-wijkzorg.txt"
STRICT = """@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix kgdef: <def#> .
<shapes#StrictKamerstuk> a sh:NodeShape ; sh:targetClass kgdef:Kamerstuk ;
    sh:property [ sh:path kgdef:zaakNumber ; sh:minCount 1 ; sh:severity sh:Violation ;
        sh:message "Kamerstuk heeft geen zaaknummer."@nl , "Kamerstuk has no case number."@en ] .
"""


def _kg(*args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "kg", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        cwd=ROOT,
        timeout=120,
    )


def test_a_bad_setting_is_bad_input_with_a_clear_message() -> None:
    done = _kg("queries", KG_MAX_ROWS="abc")
    assert done.returncode == 2
    assert "KG_MAX_ROWS must be a whole number, got 'abc'" in done.stderr
    assert "Traceback" not in done.stderr


def test_an_unknown_name_is_bad_input() -> None:
    done = _kg("query", "no-such-query-name")
    assert done.returncode == 2 and "Traceback" not in done.stderr


def test_an_unexpected_error_exits_3_and_says_it_is_a_bug(tiny, monkeypatch, capsys) -> None:
    import kg.stats

    def broken(store):
        raise RuntimeError("disk on fire")

    build(tiny)  # a graph of its own: the command must get as far as the broken step
    monkeypatch.setenv("KG_SOURCE_DIR", str(tiny.source_dir))
    monkeypatch.setenv("KG_BUILD_DIR", str(tiny.build_dir))
    monkeypatch.setattr(kg.stats, "compute_stats", broken)
    assert cli.main(["stats"]) == cli.EXIT_UNEXPECTED == 3
    err = capsys.readouterr().err
    assert "unexpected error in `kg stats`: RuntimeError: disk on fire" in err and "bug" in err


@pytest.fixture
def strict_source(tmp_path: Path, monkeypatch) -> Settings:
    """A source folder whose shapes also demand a zaak number of every Kamerstuk."""
    source = tmp_path / "src"
    for name in ("ontology", "queries"):
        (source / name).parent.mkdir(parents=True, exist_ok=True)
        (source / name).symlink_to(ROOT / name, target_is_directory=True)
    (source / "shapes").mkdir()
    for path in (ROOT / "shapes").glob("*.ttl"):
        (source / "shapes" / path.name).write_bytes(path.read_bytes())
    (source / "shapes" / "checks").symlink_to(ROOT / "shapes" / "checks", target_is_directory=True)
    (source / "shapes" / "strict.ttl").write_text(STRICT, encoding="utf-8")
    (source / "kg" / "data").mkdir(parents=True)
    (source / "kg" / "data" / "tiny.trig").write_text(TINY, encoding="utf-8")
    settings = Settings(source_dir=source, build_dir=tmp_path / "build")
    build(settings)
    monkeypatch.setenv("KG_SOURCE_DIR", str(source))
    monkeypatch.setenv("KG_BUILD_DIR", str(settings.build_dir))
    return settings


def test_ingest_apply_with_shape_violations_exits_1_like_build(strict_source: Settings, capsys) -> None:
    assert cli.main(["ingest", str(LETTER), "--apply", "--quiet"]) == 1
    assert "Kamerstuk has no case number" in capsys.readouterr().err
    assert not (strict_source.data_dir / "ingested").exists() or not any(
        (strict_source.data_dir / "ingested").iterdir()
    )
