"""The extraction rules, each exercised by the test letters (own sentences) or a short text."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from kg.ingest import rules
from kg.ingest.citations import citations_in
from kg.ingest.extract import extract
from kg.ingest.layout import analyse
from kg.ingest.mentions import Gazetteer
from kg.ingest.motions import handling_of
from kg.ingest.reader import read_letter
from kg.ingest.records import Extraction


@pytest.fixture
def wijkzorg(letters: Path, gazetteer: Gazetteer) -> Extraction:
    return extract(read_letter(letters / "voortgang-wijkzorg.txt"), gazetteer)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kamerstuk 29 538, nr. 339", [("29538", None, 339, None)]),
        ("Kamerstukken 31 765, nr. 810", [("31765", None, 810, None)]),
        ("Kamerstuk 35 925 XVI, nr. 170", [("35925", "XVI", 170, None)]),
        ("Kamerstukken 34 767, nr. 67 (pagina 8)", [("34767", None, 67, "8")]),
        (
            "Kamerstukken 31 765, nr. 810 en 29 389, nr. 44; Kamerstuk 35 925 XVI, nr. 170",
            [("31765", None, 810, None), ("29389", None, 44, None), ("35925", "XVI", 170, None)],
        ),
        ("Kamerstukken 29 389, nrs. 44 en 45", [("29389", None, 44, None), ("29389", None, 45, None)]),
        ("Kamerstukken II 2022/23, 29 389, nr. 5", [("29389", None, 5, None)]),
        (
            "de brief van 6 juli 2023 (Kamerstuk\n29 282, nr. 533)".replace("\n", " "),
            [("29282", None, 533, None)],
        ),
        ("zie bijlage 2, nr. 4 van het rapport", []),
    ],
)
def test_kamerstuk_citations_in_every_printed_form(text: str, expected: list) -> None:
    assert [(*kst, page) for kst, page, _, _ in citations_in(text)] == expected


def test_header_date_and_signer(wijkzorg: Extraction) -> None:
    meta = wijkzorg.meta
    assert meta.kst == ("31765", None, 901) and meta.vergaderjaar == "2024-2025"
    assert meta.date == "2025-03-14"
    assert meta.subject == "Voortgang wijkzorg en wonen voor ouderen"
    assert [(office, name) for office, name, _ in meta.signers] == [
        ("Minister voor Langdurige Zorg en Sport", "A.B. de Groot")
    ]


def test_footnote_markers_resolve_to_the_sentence_that_cites_them(wijkzorg: Extraction) -> None:
    by_kst = {c.kst: c for c in wijkzorg.citations}
    first = by_kst[("29538", None, 339)]
    assert first.footnote == 1
    footnote, citing = first.quotes
    assert footnote.text == "Kamerstuk 29 538, nr. 339"
    assert "de NZA1." in citing.text and (citing.first, citing.last) == (7, 8)
    several = [c for c in wijkzorg.citations if c.footnote == 2]
    assert len(several) == 3 and several[2].page == "8"
    assert "eerdere afspraken2" in several[0].quotes[1].text
    assert all(c.footnote != 5 for c in wijkzorg.citations)  # footnote 5 is a web address


def test_numbered_headings_and_numbers_at_line_start_stay_body_text() -> None:
    text = (
        "1 Inleiding\n\nHet werk aan de wijkzorg1 gaat door. In totaal komen er \n"
        "50 woningen per complex bij. Dat meld ik u graag.\n\n1 Kamerstuk 29 538, nr. 339\n"
    )
    layout = analyse(text)
    assert [h[1] for h in layout.headings] == ["1 Inleiding"]
    assert list(layout.footnotes) == [1] and layout.footnotes[1].text == "Kamerstuk 29 538, nr. 339"
    assert any("50 woningen per complex" in s.text for s in layout.sentences)


def test_motions_with_submitters_kamerstuk_and_handling(wijkzorg: Extraction) -> None:
    found = {(tuple(m.submitters), m.co_submitters, m.kst, m.handling) for m in wijkzorg.motions}
    assert found == {
        (("Vermeulen",), False, ("36200", "XVI", 45), "afgedaan"),  # handled two sentences later
        (("Jansen", "De Vries", "Bakker"), False, ("31765", None, 820), "uitgevoerd"),
        (("Pieters",), True, ("31765", None, 830), "afgedaan"),  # "doe ik de motie ... af"
        (("Smit",), False, ("31765", None, 840), "in-uitvoering"),  # "de motie7 van het lid Smit"
        (("Kok",), False, ("31765", None, 850), "uitgevoerd"),  # "de motie-Kok8", "invulling geef aan"
    }


def test_a_motion_without_handling_is_flagged_not_guessed(gazetteer: Gazetteer, tmp_path: Path) -> None:
    path = tmp_path / "brief.txt"
    path.write_text(
        "Op 3 oktober heeft uw Kamer de motie van het lid Smit1 aangenomen. Deze motie vraagt om een "
        "overzicht van de wachtlijsten in de zorg voor ouderen en het is goed dat er over wordt "
        "gesproken.\n\n1 Kamerstuk 31 765, nr. 840\n",
        encoding="utf-8",
    )
    x = extract(read_letter(path), gazetteer)
    assert [m.handling for m in x.motions] == [None]
    assert any("does not say how it is handled" in u for u in x.uncertain)


def test_amounts_belong_to_the_scheme_or_agreement_of_their_sentence_or_section(wijkzorg: Extraction) -> None:
    money = [
        (f.text, f.value, f.kind, f.years, f.target_iri.rsplit("/", 1)[1])
        for f in wijkzorg.facts
        if f.value is not None
    ]
    assert money == [
        ("€ 12,5 mln euro", Decimal("12500000"), "totaal", (), "iza"),
        ("€ 75 mln", Decimal("75000000"), "tranche", (), "zorggeschikte-woningen"),
        ("€ 1 mln per jaar", Decimal("1000000"), "per-jaar", (2024, 2026), "zorggeschikte-woningen"),
    ]


def test_dates_with_an_event_become_milestones_and_a_missing_year_comes_from_the_letter(
    wijkzorg: Extraction,
) -> None:
    dates = [(f.date, f.status, f.year_inferred) for f in wijkzorg.facts if f.date]
    assert ("2022-09-16", "ondertekend", False) in dates
    assert ("2023-08-01", "opengesteld", False) in dates  # "Per 1 augustus 2023"
    assert ("2024-07-17", None, True) in dates  # "Op 17 juli" in a letter of March 2025


def test_a_footnote_number_printed_against_its_text_is_still_a_footnote() -> None:
    layout = analyse("Zo werk ik samen met de NZa1 aan de zorg.\n\n1Kamerstuk 30 169, nr. 80\n")
    assert layout.footnotes[1].text == "Kamerstuk 30 169, nr. 80"


@pytest.mark.parametrize(
    ("sentence", "handling"),
    [
        ("Met deze brief beschouw ik de motie als afgedaan.", "afgedaan"),
        ("Hiermee beschouw ik deze motie van het lid Bos als afgedaan.", "afgedaan"),
        ("Met het nieuwe plan doe ik de motie van de leden Bos en Kok over respijtzorg af.", "afgedaan"),
        ("Daarmee geef ik uitvoering aan de motie van het lid Bos.", "uitgevoerd"),
        ("Zo geef ik invulling aan de motie-Bos.", "uitgevoerd"),
        ("De regeling, waarmee ik invulling geef aan de motie van het lid Kok, start in mei.", "uitgevoerd"),
        ("In mijn brief3 over de uitvoering van deze motie heb ik dat toegelicht.", "uitgevoerd"),
        ("Bij deze informeer ik u over de uitvoering van deze motie.", "in-uitvoering"),
        ("Uw Kamer heeft de motie van het lid Bos aangenomen.", None),
        ("Anders dan de motie veronderstelt, daalt de vergoeding niet.", None),
    ],
)
def test_handling_phrases(sentence: str, handling: str | None) -> None:
    assert handling_of(sentence) == handling


@pytest.mark.parametrize(
    ("text", "value", "per_year"),
    [
        ("€ 75 mln", "75000000", False),
        ("€ 12,5 mln euro", "12500000", False),
        ("€ 1 mln per jaar", "1000000", True),
        ("€ 24,7 mln", "24700000", False),
        ("€ 1.250.000", "1250000", False),
        ("€ 1,2 miljard", "1200000000", False),
    ],
)
def test_amounts_in_their_printed_forms(text: str, value: str, per_year: bool) -> None:
    found = rules.AMOUNT.search(f"Hiervoor is {text} beschikbaar.")
    assert found is not None and found.group(0).startswith(text)
    assert rules.amount_value(found["num"], found["unit"]) == Decimal(value)
    assert bool(found["per"]) is per_year


def test_page_furniture_is_not_text() -> None:
    text = "Het werk aan de wijkzorg gaat\nPagina 2 van 11\nKenmerk 3712345-1054321-DLZ\ngewoon door.\n"
    layout = analyse(text)
    assert [s.text for s in layout.sentences] == ["Het werk aan de wijkzorg gaat", "gewoon door."]
