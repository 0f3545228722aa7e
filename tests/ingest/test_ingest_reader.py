"""Reading letters: text, HTML and PDF, and a clear refusal for each kind of bad file."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from ingest_helpers import make_pdf

from kg.errors import InputError
from kg.ingest.reader import read_letter

DUTCH_LINES = [
    "Met deze brief informeer ik uw Kamer over de voortgang van het programma.",
    "Samen met de partijen in de zorg werk ik aan de uitvoering van de afspraken.",
    "Voor de regeling is in de komende jaren geld beschikbaar gesteld door het kabinet.",
    "Ik zal u voor de zomer opnieuw informeren over de stand van zaken.",
]


def test_plain_text_keeps_its_lines(letters: Path) -> None:
    letter = read_letter(letters / "voortgang-wijkzorg.txt")
    assert letter.kind == "text"
    assert letter.text.splitlines()[0].startswith("Tweede Kamer, vergaderjaar 2024–2025")


def test_html_blocks_become_lines_with_glued_footnote_markers(letters: Path) -> None:
    letter = read_letter(letters / "mantelzorg.html")
    assert letter.kind == "html"
    assert "Samen met ActiZ en de NZa1 werk ik" in letter.text
    assert "1 Kamerstuk 30 169, nr. 80" in letter.text.splitlines()
    assert "margin" not in letter.text  # styles are not text


def test_pdf_text_layer_is_read(tmp_path: Path) -> None:
    path = tmp_path / "brief.pdf"
    path.write_bytes(make_pdf(DUTCH_LINES))
    letter = read_letter(path)
    assert letter.kind == "pdf"
    assert "voortgang van het programma" in letter.text


def _truncated_pdf(tmp_path: Path) -> Path:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    buffer = io.BytesIO()
    writer.write(buffer)
    data = buffer.getvalue()
    path = tmp_path / "afgebroken.pdf"
    path.write_bytes(data[: len(data) // 2])
    return path


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


BAD = {
    "empty": (lambda t: _write(t, "leeg.txt", b""), "the file is empty"),
    "blank": (lambda t: _write(t, "wit.txt", b"  \n\n \t\n"), "the file is empty"),
    "binary": (lambda t: _write(t, "plaatje.txt", bytes(range(256)) * 40), "binary data"),
    "cp1252": (
        lambda t: _write(t, "ansi.txt", " ".join(DUTCH_LINES + ["Patiëntenfederatie"]).encode("cp1252")),
        "Windows-1252 (cp1252)",
    ),
    "truncated pdf": (_truncated_pdf, "truncated or damaged PDF"),
    "english": (lambda t: t / "english.txt", "does not look Dutch"),
    "too short": (lambda t: _write(t, "kort.txt", b"Dit is een korte tekst."), "too little text"),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_input_is_refused_with_a_clear_message(case: str, tmp_path: Path, letters: Path) -> None:
    make, expected = BAD[case]
    if case == "english":
        (tmp_path / "english.txt").write_bytes((letters / "english.txt").read_bytes())
    path = make(tmp_path)
    with pytest.raises(InputError) as caught:
        read_letter(path)
    assert expected in caught.value.message
    assert str(path) in caught.value.message
    assert "nothing was ingested" in caught.value.message


def test_a_50_mb_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "groot.txt"
    with path.open("wb") as handle:
        handle.truncate(50_000_000)
    with pytest.raises(InputError) as caught:
        read_letter(path)
    assert "50.0 MB is more than the 20 MB limit" in caught.value.message


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        read_letter(tmp_path / "bestaat-niet.txt")
    assert "bestaat-niet.txt" in caught.value.message
