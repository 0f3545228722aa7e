"""Bounded reading and linear time: what is not a regular file is refused without reading it, and
the time to propose grows with the size of the document, not with its square."""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from kg.cli import main
from kg.ingest.extract import extract
from kg.ingest.mentions import Gazetteer
from kg.ingest.propose import propose
from kg.ingest.reader import Letter
from kg.settings import Settings


@pytest.fixture(autouse=True)
def _env(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KG_SOURCE_DIR", str(settings.source_dir))
    monkeypatch.setenv("KG_BUILD_DIR", str(settings.build_dir))


@pytest.fixture
def deadline() -> Iterator[None]:
    """Fail (instead of hanging the suite) when a refusal takes more than 10 s."""

    def expired(*_: object) -> None:
        raise TimeoutError("kg ingest did not return within 10 s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(10)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


@pytest.mark.parametrize("kind", ["fifo", "device", "folder"])
def test_what_is_not_a_regular_file_is_refused_unread(
    kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], deadline: None
) -> None:
    if kind == "fifo":
        target = tmp_path / "pipe.txt"
        os.mkfifo(target)  # nobody ever writes: reading it would hang
    elif kind == "device":
        target = Path("/dev/zero")  # endless: reading it would take all memory
    else:
        target = tmp_path / "map.txt"
        target.mkdir()
    out = tmp_path / "out"
    assert main(["ingest", str(target), "--out", str(out), "--quiet"]) == 2
    err = capsys.readouterr().err
    assert str(target) in err and "not a regular file" in err
    assert not out.exists()


def _document(letters: Path, size: int) -> str:
    """A long letter: the test letter's body repeated to `size` characters."""
    text = (letters / "voortgang-wijkzorg.txt").read_text(encoding="utf-8")
    head, body = text[:400], text[400:]
    return head + body * (size // len(body) + 1)


def _seconds(letters: Path, gazetteer: Gazetteer, settings: Settings, size: int) -> float:
    letter = Letter(Path("lang.txt"), _document(letters, size), "text")
    start = time.perf_counter()
    propose(extract(letter, gazetteer), gazetteer, settings.base)
    return time.perf_counter() - start


def test_time_grows_linearly_with_the_size(letters: Path, gazetteer: Gazetteer, settings: Settings) -> None:
    small = _seconds(letters, gazetteer, settings, 250_000)
    large = _seconds(letters, gazetteer, settings, 2_000_000)
    print(f"ingest 0.25 MB: {small:.2f} s, 2 MB: {large:.2f} s, ratio {large / small:.1f} (8 is linear)")
    assert large / small < 20  # quadratic work would be 64 times slower
