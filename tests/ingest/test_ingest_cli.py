"""`kg ingest`: proposals for review, --apply merges and rebuilds, bad files fail alone with exit 2."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from kg.cli import main
from kg.settings import Settings


@pytest.fixture(autouse=True)
def _env(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KG_SOURCE_DIR", str(settings.source_dir))
    monkeypatch.setenv("KG_BUILD_DIR", str(settings.build_dir))


def _fingerprint(settings: Settings) -> dict[str, str]:
    files = [*sorted(settings.data_dir.rglob("*")), settings.dataset_path]
    return {str(p): hashlib.sha256(p.read_bytes()).hexdigest() for p in files if p.is_file()}


def _copy(letters: Path, name: str, folder: Path) -> Path:
    target = folder / name
    target.write_bytes((letters / name).read_bytes())
    return target


def test_without_apply_writes_proposal_and_report_and_changes_nothing(
    settings: Settings, letters: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _fingerprint(settings)
    assert main(["ingest", str(letters / "voortgang-wijkzorg.txt"), "--out", str(tmp_path / "out")]) == 0
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "kst-31765-901.decisions",
        "kst-31765-901.md",
        "kst-31765-901.trig",
    ]
    report = (tmp_path / "out" / "kst-31765-901.md").read_text(encoding="utf-8")
    assert "## Motions (5)" in report and "Stichting Samen Thuis" in report
    assert "ok:" in capsys.readouterr().out
    assert _fingerprint(settings) == before


def test_default_output_folder_is_build_ingest(settings: Settings, letters: Path) -> None:
    assert main(["ingest", str(letters / "voortgang-wijkzorg.txt")]) == 0
    assert (settings.build_dir / "ingest" / "kst-31765-901.trig").is_file()


def test_apply_merges_the_named_graph_and_reingesting_replaces_it(settings: Settings, letters: Path) -> None:
    letter = str(letters / "voortgang-wijkzorg.txt")
    assert main(["ingest", letter, "--apply", "--quiet"]) == 0
    target = settings.data_dir / "ingested" / "kst-31765-901.trig"
    assert target.is_file()
    dataset = settings.dataset_path.read_text(encoding="utf-8")
    assert "graph/ingest/kst-31765-901" in dataset
    size = len(dataset.splitlines())
    assert main(["ingest", letter, "--apply", "--quiet"]) == 0
    assert sorted(p.name for p in target.parent.iterdir()) == [
        "kst-31765-901.decisions",
        "kst-31765-901.trig",
    ]
    assert len(settings.dataset_path.read_text(encoding="utf-8").splitlines()) == size


def test_apply_without_a_date_is_refused_and_leaves_the_graph(
    settings: Settings, letters: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _fingerprint(settings)
    assert main(["ingest", str(letters / "mantelzorg.html"), "--apply"]) == 2
    assert "--date" in capsys.readouterr().err
    assert _fingerprint(settings) == before
    assert main(["ingest", str(letters / "mantelzorg.html"), "--apply", "--date", "2024-02-01"]) == 0
    assert (settings.data_dir / "ingested" / "kst-30169-88.trig").is_file()


def test_a_batch_with_bad_files_fails_them_alone(
    settings: Settings, letters: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "leeg.txt").write_bytes(b"")
    (bad / "ansi.txt").write_bytes("Dit is de brief over de Patiëntenfederatie en de zorg.".encode("cp1252"))
    with (bad / "groot.txt").open("wb") as handle:
        handle.truncate(50_000_000)
    english = _copy(letters, "english.txt", bad)
    files = [
        bad / "leeg.txt",
        letters / "voortgang-wijkzorg.txt",
        bad / "ansi.txt",
        bad / "groot.txt",
        english,
    ]
    before = _fingerprint(settings)
    out = tmp_path / "out"
    assert main(["ingest", *map(str, files), "--apply", "--out", str(out)]) == 2
    err = capsys.readouterr().err
    for name, why in (
        ("leeg.txt", "empty"),
        ("ansi.txt", "cp1252"),
        ("groot.txt", "20 MB limit"),
        ("english.txt", "does not look Dutch"),
    ):
        assert any(name in line and why in line for line in err.splitlines()), (name, err)
    assert "4 of 5 file(s) failed" in err
    assert "ingest:" in err  # the progress bar
    assert sorted(p.name for p in out.iterdir()) == [
        "kst-31765-901.decisions",
        "kst-31765-901.md",
        "kst-31765-901.trig",
    ]
    after = _fingerprint(settings)
    assert [p for p in after if p not in before] == [
        str(settings.data_dir / "ingested" / f"kst-31765-901.{suffix}") for suffix in ("decisions", "trig")
    ]


def test_a_bad_date_option_is_a_clear_error(capsys: pytest.CaptureFixture[str], letters: Path) -> None:
    assert main(["ingest", str(letters / "voortgang-wijkzorg.txt"), "--date", "maart"]) == 2
    assert "--date needs YYYY-MM-DD" in capsys.readouterr().err


def test_a_pdf_letter_is_proposed_with_its_extracted_text_beside_it(tmp_path: Path) -> None:
    from ingest_helpers import make_pdf

    lines = [
        "Tweede Kamer, vergaderjaar 2024-2025, 29 389, nr. 140",
        "",
        "Met deze brief informeer ik uw Kamer over de voortgang van de afspraken met ActiZ.",
        "Met de nieuwe aanpak geef ik uitvoering aan de motie van het lid Visser1 over de zorg.",
        "Voor de stimuleringsregeling zorggeschikte woningen is in 2025 een bedrag van EUR 5 mln",
        "beschikbaar en dat is een goede stap voor de ouderen in ons land.",
        "",
        "1 Kamerstuk 31 765, nr. 860",
    ]
    pdf = tmp_path / "brief.pdf"
    pdf.write_bytes(make_pdf(lines))
    out = tmp_path / "out"
    assert main(["ingest", str(pdf), "--out", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == [
        "kst-29389-140.decisions",
        "kst-29389-140.md",
        "kst-29389-140.trig",
        "kst-29389-140.txt",
    ]
    trig = (out / "kst-29389-140.trig").read_text(encoding="utf-8")
    assert "mot:31765-860" in trig and "mstatus:uitgevoerd" in trig and 'kgdef:sourceFile "brief.pdf"' in trig


def test_an_unexpected_failure_on_one_file_does_not_stop_the_batch(
    letters: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import kg.ingest.run as run

    real = run.extract

    def flaky(letter, gazetteer):
        if letter.kind == "html":
            raise RuntimeError("secret internal detail")
        return real(letter, gazetteer)

    monkeypatch.setattr(run, "extract", flaky)
    files = [letters / "mantelzorg.html", letters / "voortgang-wijkzorg.txt"]
    assert main(["ingest", *map(str, files), "--quiet", "--out", str(tmp_path / "out")]) == 2
    captured = capsys.readouterr()
    line = next(x for x in captured.err.splitlines() if x.startswith("error:"))
    assert "mantelzorg.html" in line and "internal error" in line and "secret" not in line
    assert "voortgang-wijkzorg.txt" in captured.out
    assert "secret" not in captured.err
