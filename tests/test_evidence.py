"""Finding quotes in PDF-extracted letters: line breaks, hyphenation, footnote markers."""

from kg.evidence import SourceText, Span, normalise

LETTER = """Met de partijen die een specifieke positie en verant-
woordelijkheid hebben is een regiegroep gevormd. De regiegroep bestaat uit de Seniorencoa-
litie1, LHV2 en VWS.

Het transitiebudget SWZ is alleen beschikbaar voor aanbieders verpleegzorg, het investerings-
budget is beschikbaar.
"""


def test_normalise_collapses_space() -> None:
    assert normalise("  a \n\t b  ") == "a b"


def test_quote_across_a_hyphenated_line_break() -> None:
    text = SourceText(LETTER)
    assert text.locate("een specifieke positie en verantwoordelijkheid hebben") == Span(1, 2)
    assert text.locate("een specifieke positie en verant- woordelijkheid") == Span(1, 2)
    assert text.locate("De regiegroep bestaat uit de Seniorencoalitie1, LHV2 en VWS.") == Span(2, 3)
    assert text.locate("het investeringsbudget is beschikbaar") == Span(5, 6)


def test_contains_respects_the_line_range() -> None:
    text = SourceText(LETTER)
    assert text.contains("De regiegroep bestaat uit", 2, 2)
    assert not text.contains("De regiegroep bestaat uit", 3, 4)
    assert not text.contains("De regiegroep", 0, 99)


def test_absent_quote() -> None:
    assert SourceText(LETTER).locate("niet in de brief") is None
    assert SourceText(LETTER).locate("   ") is None


def test_capitalised_continuation_is_not_joined() -> None:
    text = SourceText("Zie GGD-\nGHOR voor meer.")
    assert text.locate("GGD- GHOR") == Span(1, 2)
    assert text.locate("GGDGHOR") is None
