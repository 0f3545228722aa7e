"""Mentions of known entities (spelling variants, abbreviations, line breaks) and candidate organisations."""

from __future__ import annotations

from pathlib import Path

from kg.ingest.extract import extract
from kg.ingest.mentions import Gazetteer
from kg.ingest.propose import propose
from kg.ingest.reader import read_letter


def _names(gazetteer: Gazetteer, text: str) -> list[str]:
    return [h.iri.rsplit("/", 1)[1] for h in gazetteer.find(text)]


def test_spelling_variants_and_abbreviations_match(gazetteer: Gazetteer) -> None:
    assert _names(gazetteer, "Met Actiz, Zorgthuisnl en de NZA2 overleg ik.") == [
        "actiz",
        "zorgthuisnl",
        "nza",
    ]
    assert _names(gazetteer, "Ook Zorgverzekeraars  Nederland (ZN) doet mee.") == ["zn", "zn"]


def test_words_in_lower_case_and_parts_of_words_do_not_match(gazetteer: Gazetteer) -> None:
    assert _names(gazetteer, "de actiz-achtige aanpak, de nza en ZNX en VWSbeleid") == []


def test_short_form_counts_only_capitalised_inside_a_sentence(gazetteer: Gazetteer) -> None:
    assert _names(gazetteer, "Ook de Patiëntenfederatie doet mee.") == ["pfn"]
    assert _names(gazetteer, "Patiëntenfederatie is een woord aan het begin.") == []


def test_uw_kamer_is_the_tweede_kamer_but_a_room_is_not(gazetteer: Gazetteer) -> None:
    assert _names(gazetteer, "Ik informeer uw Kamer graag.") == ["tweede-kamer"]
    assert _names(gazetteer, "Zij zit in de kamer naast de keuken.") == []


def test_letter_mentions_link_to_existing_entities(letters: Path, gazetteer: Gazetteer) -> None:
    x = extract(read_letter(letters / "voortgang-wijkzorg.txt"), gazetteer)
    organisations = {i.rsplit("/", 1)[1] for i in x.mentions if gazetteer.entities[i].kind == "organisation"}
    assert organisations == {"actiz", "zorgthuisnl", "nza", "zn", "pfn", "vws", "tweede-kamer"}
    assert (
        "Zorgverzekeraars Nederland" in x.mentions[next(i for i in x.mentions if i.endswith("/zn"))].printed
    )


def test_candidate_organisations_are_flagged_for_review_not_asserted(
    letters: Path, settings, gazetteer: Gazetteer
) -> None:
    x = extract(read_letter(letters / "voortgang-wijkzorg.txt"), gazetteer)
    names = {name for name, _, _ in x.candidates.values()}
    assert names == {"Stichting Samen Thuis", "WijkkrachtNL", "KDO"}
    trig = propose(x, gazetteer, settings.base, None).trig
    assert "Samen Thuis" not in trig and "WijkkrachtNL" not in trig


def test_a_name_the_graph_writes_in_lower_case_matches_in_lower_case() -> None:
    rows = [
        (
            "http://x/id/organisation/zorgkantoren",
            "http://www.w3.org/ns/org#Organization",
            "zorgkantoren",
            "nl",
            False,
        ),
        ("http://x/id/organisation/set", "http://www.w3.org/ns/org#Organization", "SET", "", False),
    ]
    gazetteer = Gazetteer.from_rows(rows)
    assert _names(gazetteer, "De zorgkantoren kopen zorg in en zij zetten de SET-regeling in.") == [
        "zorgkantoren",
        "set",
    ]
    assert _names(gazetteer, "Zij set de toon.") == []
