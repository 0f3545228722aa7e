"""tkconv (berthub.eu/tkconv) document pages, as copied or saved:

Voortgang ouderenhuisvesting                                   (title)
Vergrijzing en het integrale ouderenbeleid                     (dossier title, when part of one)
Brief regering                                                 (kind)
Nummer: 2025D19458, datum: 2025-04-25, bijgewerkt: ...          (TK document number and date)
Gerelateerde personen:- Eerste ondertekenaar: M.C.G. Keijzer, minister van ... (Ooit BBB kamerlid)
- Mede ondertekenaar: M. Agema, minister van Volksgezondheid, Welzijn en Sport
Onderdeel van kamerstukdossier 29389 -162 Vergrijzing en het integrale ouderenbeleid.
Onderdeel van zaak 2025Z08511:
"""

from __future__ import annotations

import re

from kg.ingest.layouts.common import (
    Line,
    add_person,
    set_date,
    set_dossier_title,
    set_kind,
    set_kst,
    set_title,
    source_url,
)
from kg.ingest.records import Meta, Person

NAME = "tkconv"

NUMBER = re.compile(r"\bNummer:\s*(?P<doc>\d{4}D\d{5}),\s*datum:\s*(?P<date>\d{4}-\d{2}-\d{2})")
DOSSIER = re.compile(
    r"Onderdeel van kamerstukdossier\s+(?P<dossier>[1-9]\d{4})(?:\s+(?P<toev>[IVXLC]+))?"
    r"\s*-\s*(?P<nr>[1-9]\d*)"
    r"(?:\s+(?P<title>[^.]{3,200}))?"
)
ZAAK = re.compile(r"Onderdeel van zaak\s+(?P<zaak>\d{4}Z\d{5})")
#: "Eerste ondertekenaar: M. Mohandis, voorzitter van de vaste commissie voor ... (GroenLinks-PvdA)"
PERSON = re.compile(
    r"(?P<role>Eerste ondertekenaar|Mede ondertekenaar|Ondertekenaar|Indiener|Medeindiener):\s*"
    r"(?P<name>[^,():]{2,60}?),\s*(?P<office>[^()]{3,160}?)\s*(?:\((?P<party>[^()]{2,60})\))?\s*$"
)
KIND_LINE = re.compile(
    r"^(?:Brief regering|Motie|Amendement|[A-Z][a-z ]*verslag[a-z ]*|Inbreng [a-z ]+|Lijst van vragen)$"
)
_MENU = re.compile(r"^\[.*\]$")


def detect(lines: list[Line]) -> bool:
    return "tkconv" in source_url(lines) or any(NUMBER.search(ln.text) for ln in lines[:15])


def read(lines: list[Line], meta: Meta) -> None:
    meta.layout = NAME
    content = [ln for ln in lines[1:] if not _MENU.match(ln.text) and not ln.text.startswith("#")]
    kind_at = next((i for i, ln in enumerate(content[:6]) if KIND_LINE.match(ln.text)), None)
    if kind_at is not None:
        set_kind(meta, content[kind_at].text, content[kind_at].quote())
        if kind_at >= 1:
            set_title(meta, content[0].text, content[0].quote())
        if kind_at >= 2:
            set_dossier_title(meta, content[kind_at - 1].text, content[kind_at - 1].quote())
    in_zaak = False
    for line in lines:
        if found := NUMBER.search(line.text):
            if meta.doc_number is None:
                meta.doc_number, meta.doc_number_quote = found["doc"], line.quote(found.group(0))
            set_date(meta, found["date"], line.quote(found.group(0)))
        if found := DOSSIER.search(line.text):
            set_kst(meta, (found["dossier"], found["toev"], int(found["nr"])), line.quote(found.group(0)))
            if found["title"]:
                set_dossier_title(meta, found["title"], line.quote(found.group(0)))
        if found := ZAAK.search(line.text):
            in_zaak = True
            if meta.zaak is None:
                meta.zaak, meta.zaak_quote = found["zaak"], line.quote(found.group(0))
        if found := PERSON.search(line.text):
            _person(meta, found, line, in_zaak)


def _person(meta: Meta, found: re.Match[str], line: Line, in_zaak: bool) -> None:
    """Signers of this document; in the zaak list, indieners only count for a motion."""
    role = found["role"]
    if in_zaak and (meta.kind != "motion" or "ondertekenaar" in role):
        return
    party = found["party"]
    if party and re.match(r"(?i)ooit\b", party):
        party = None  # "(Ooit BBB kamerlid)": a past membership, not this one
    kind = {"Indiener": "indiener", "Medeindiener": "medeindiener"}.get(role, "signer")
    text = (
        found.group(0)
        if not found["party"] or party
        else found.group(0)[: found.start("party") - found.start() - 1]
    )
    add_person(meta, Person(found["name"].strip(), kind, line.quote(text), found["office"].strip(), party))
