"""Review in minutes: every fact listed with quote and line, decided per fact in a file beside the
proposal (accept / reject / repoint), and the decisions kept when the document is ingested again."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.cli import main
from kg.settings import Settings

SLUG = "kst-31765-901"


@pytest.fixture(autouse=True)
def _env(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KG_SOURCE_DIR", str(settings.source_dir))
    monkeypatch.setenv("KG_BUILD_DIR", str(settings.build_dir))


def _ingest(letters: Path, out: Path, *extra: str) -> int:
    return main(["ingest", str(letters / "voortgang-wijkzorg.txt"), "--out", str(out), "--quiet", *extra])


def _decide(out: Path, changes: dict[str, str]) -> None:
    path = out / f"{SLUG}.decisions"
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        fact = line.split()[1] if line.startswith("? ") else None
        lines.append(changes.get(fact, line) if fact else line)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_the_report_lists_every_fact_with_status_line_and_quote(letters: Path, tmp_path: Path) -> None:
    assert _ingest(letters, tmp_path) == 0
    report = (tmp_path / f"{SLUG}.md").read_text(encoding="utf-8")
    decisions = (tmp_path / f"{SLUG}.decisions").read_text(encoding="utf-8")
    facts = [line.split()[1] for line in decisions.splitlines() if line.startswith("? ")]
    assert len(facts) > 20 and "identity" in facts and "mention/organisation/zorgthuisnl" in facts
    for fact in facts:
        assert f"| `{fact}` |" in report
    assert "| linked |" in report and "| new |" in report


def test_reject_and_repoint_are_applied_and_kept_on_reingest(letters: Path, tmp_path: Path) -> None:
    assert _ingest(letters, tmp_path) == 0
    before = (tmp_path / f"{SLUG}.trig").read_text(encoding="utf-8")
    assert "kgdef:mentions o:zorgthuisnl" in before and "o:nza" in before
    _decide(
        tmp_path,
        {
            "mention/organisation/nza": "reject mention/organisation/nza",
            "mention/organisation/zorgthuisnl": (
                "repoint mention/organisation/zorgthuisnl -> id/organisation/actiz"
            ),
            "identity": "accept identity",
        },
    )
    for _ in range(2):  # the second ingest reads the decisions the first one kept
        assert _ingest(letters, tmp_path) == 0
        trig = (tmp_path / f"{SLUG}.trig").read_text(encoding="utf-8")
        assert "o:nza" not in trig
        assert "o:zorgthuisnl" not in trig and "kgdef:mentions o:actiz" in trig
        decisions = (tmp_path / f"{SLUG}.decisions").read_text(encoding="utf-8")
        assert "reject mention/organisation/nza" in decisions and "accept identity" in decisions
        report = (tmp_path / f"{SLUG}.md").read_text(encoding="utf-8")
        assert "→ id/organisation/actiz" in report and "| rejected |" in report


def test_apply_keeps_the_decisions_beside_the_graph(
    letters: Path, tmp_path: Path, settings: Settings
) -> None:
    assert _ingest(letters, tmp_path) == 0
    _decide(tmp_path, {"mention/organisation/nza": "reject mention/organisation/nza"})
    assert _ingest(letters, tmp_path, "--apply") == 0
    kept = settings.data_dir / "ingested" / f"{SLUG}.decisions"
    assert "reject mention/organisation/nza" in kept.read_text(encoding="utf-8")
    # a fresh ingest elsewhere (no working copy of the decisions) reproduces the reviewed graph
    again = tmp_path / "again"
    assert _ingest(letters, again, "--apply") == 0
    assert "o:nza" not in (settings.data_dir / "ingested" / f"{SLUG}.trig").read_text(encoding="utf-8")


def test_a_bad_decision_line_is_a_clear_error(
    letters: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _ingest(letters, tmp_path) == 0
    path = tmp_path / f"{SLUG}.decisions"
    path.write_text(path.read_text(encoding="utf-8") + "accept\nmaybe identity\n", encoding="utf-8")
    assert _ingest(letters, tmp_path) == 2
    err = capsys.readouterr().err
    assert f"{SLUG}.decisions:" in err and "not a decision" in err


def test_a_document_without_identity_still_gets_a_proposal_naming_what_is_missing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (
        "Geachte voorzitter,\n\nMet deze brief informeer ik uw Kamer over de afspraken met ActiZ en de NZa "
        "over de zorg voor ouderen in de wijk. Samen met de partijen werk ik aan de uitvoering van de "
        "afspraken en ik zal u voor de zomer opnieuw informeren over de stand van zaken.\n"
    )
    letter = tmp_path / "zonder-kop.txt"
    letter.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["ingest", str(letter), "--out", str(out), "--quiet"]) == 0
    report = (out / "zonder-kop.md").read_text(encoding="utf-8")
    missing = next(line for line in report.splitlines() if line.startswith("**Identity not found"))
    for field in ("Kamerstuk number or TK document number", "date", "title", "sender or signer"):
        assert field in missing
    assert (out / "zonder-kop.trig").is_file()
