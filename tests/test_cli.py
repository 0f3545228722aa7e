"""The kg command: output and exit codes (0 ok, 1 violations, 2 unreadable input or usage)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.conftest import TINY


def kg(settings, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "KG_SOURCE_DIR": str(settings.source_dir), "KG_BUILD_DIR": str(settings.build_dir)}
    return subprocess.run(
        [sys.executable, "-m", "kg", *args], capture_output=True, text=True, env=env, timeout=120
    )


def test_build_then_query_table_and_formats(tiny) -> None:
    built = kg(tiny, "build")
    assert built.returncode == 0, built.stderr
    assert "kgdef:Participation" in built.stdout
    table = kg(tiny, "query", "agreement-parties", "-p", "agreement=ag:x")
    assert table.returncode == 0 and "ActiZ" in table.stdout and "ondertekenaar" in table.stdout
    as_json = json.loads(kg(tiny, "query", "agreement-parties", "-p", "agreement=ag:x", "-f", "json").stdout)
    assert as_json["results"]["bindings"][0]["partyName"]["value"] == "ActiZ"
    csv = kg(tiny, "query", "search", "-p", "q=akkoord", "-f", "csv").stdout.splitlines()
    assert csv[0] == "entity,name,type" and any("Akkoord X" in line for line in csv[1:])


def test_validate_exit_codes(tiny) -> None:
    assert kg(tiny, "validate").returncode == 0
    bad = tiny.data_dir / "bad.trig"
    bad.write_text(TINY.replace("graph/tiny", "graph/bad").replace("kgdef:initiative ag:x ;", ""))
    result = kg(tiny, "validate", str(bad))
    assert result.returncode == 1
    assert "x-actiz" in result.stdout and "initiative" in result.stdout
    bad.write_text("@prefix x: <a#> .\nx:a x:b x:c x:d .\n")
    result = kg(tiny, "validate", str(bad))
    assert result.returncode == 2 and "bad.trig:2" in result.stderr


def test_build_failure_exit_code_and_report(tiny) -> None:
    (tiny.data_dir / "tiny.trig").write_text(TINY.replace("kgdef:role role:ondertekenaar ;", ""))
    result = kg(tiny, "build")
    assert result.returncode == 1
    assert "previous build is untouched" in result.stderr and "x-actiz" in result.stderr


def test_query_errors_are_clear(tiny) -> None:
    assert kg(tiny, "build").returncode == 0
    unknown = kg(tiny, "query", "no-such-query")
    assert unknown.returncode == 2 and "agreement-parties" in unknown.stderr
    wrong = kg(tiny, "query", "agreement-parties", "-p", "nope=1")
    assert wrong.returncode == 2 and "agreement: iri" in wrong.stderr
    typed = kg(tiny, "query", "agreement-parties", "-p", "agreement=not an iri")
    assert typed.returncode == 2 and "'agreement'" in typed.stderr
    syntax = kg(tiny, "query", "SELECT * WHERE { ?s ?p }")
    assert syntax.returncode == 2 and "1:25" in syntax.stderr and "^" in syntax.stderr


def test_a_query_nested_too_deep_is_refused_not_a_crash(tiny) -> None:
    assert kg(tiny, "build").returncode == 0
    deep = kg(tiny, "query", "SELECT * WHERE " + "{" * 2300 + "?s ?p ?o" + "}" * 2300)
    assert deep.returncode == 2 and "limit of 64 levels" in deep.stderr  # was a segfault (139)


def test_a_reader_that_stops_early_gets_no_traceback(tiny) -> None:
    assert kg(tiny, "build").returncode == 0
    env = {**os.environ, "KG_SOURCE_DIR": str(tiny.source_dir), "KG_BUILD_DIR": str(tiny.build_dir)}
    for args in (["stats"], ["query", "SELECT * WHERE { ?s ?p ?o }"]):  # like `kg stats | head -1`
        proc = subprocess.Popen(
            [sys.executable, "-m", "kg", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env
        )
        proc.stdout.readline()
        proc.stdout.close()
        stderr = proc.stderr.read().decode()
        assert proc.wait(60) == 0 and "Traceback" not in stderr and "BrokenPipe" not in stderr, stderr


def test_query_before_build_says_what_to_do(tiny) -> None:
    result = kg(tiny, "query", "organisations")
    assert result.returncode == 2 and "kg build" in result.stderr


def test_stats_json(tiny) -> None:
    kg(tiny, "build")
    stats = json.loads(kg(tiny, "stats", "--format", "json").stdout)
    assert stats["classes"]["org:Organization"] == 1
