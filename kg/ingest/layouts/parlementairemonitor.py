"""parlementairemonitor.nl pages (PDC / Montesquieu Instituut), as copied:

Brief regering; Voortgang en eerste wapenfeiten Integraal Zorgakkoord - Kwaliteit van zorg
Deze brief is onder nr. 725 toegevoegd aan dossier 31765 - Kwaliteit van zorg.
Kerngegevens
Officiële titel Kwaliteit van zorg; Brief regering; Voortgang en eerste wapenfeiten Integraal Zorgakkoord
Documentdatum 16-03-2023
Kenmerk 31765, nr. 725
Tekst ... (then the official text of the Kamerstuk)
"""

from __future__ import annotations

import re

from kg.ingest import rules
from kg.ingest.layouts.common import (
    Line,
    set_date,
    set_dossier_title,
    set_kind,
    set_kst,
    set_title,
    source_url,
)
from kg.ingest.records import Meta

NAME = "parlementairemonitor"

KENMERK = re.compile(
    r"^Kenmerk\s+(?P<dossier>[1-9]\d{4})(?:[-\s](?P<toev>[IVXLC]+))?,\s*nr\.\s*(?P<nr>[1-9]\d*)"
)
ADDED = re.compile(
    r"onder nr\.\s*(?P<nr>[1-9]\d*) toegevoegd aan dossier (?P<dossier>[1-9]\d{4})"
    r"(?:\s*-\s*(?P<title>[^.]{3,200}))?"
)
OFFICIAL_TITLE = re.compile(
    r"^Officiële titel\s+(?P<dossier>[^;]{3,200});\s*(?P<kind>[^;]{3,60});\s*(?P<title>.{3,300})$"
)
DOCUMENT_DATE = re.compile(r"^Documentdatum\s+(?P<date>\d{2}-\d{2}-\d{4})")


def detect(lines: list[Line]) -> bool:
    return "parlementairemonitor" in source_url(lines) or any(ln.text == "Kerngegevens" for ln in lines[:20])


def read(lines: list[Line], meta: Meta) -> None:
    meta.layout = NAME
    for line in lines:
        if found := KENMERK.match(line.text):
            set_kst(meta, (found["dossier"], found["toev"], int(found["nr"])), line.quote(found.group(0)))
        elif found := ADDED.search(line.text):
            set_kst(meta, (found["dossier"], None, int(found["nr"])), line.quote(found.group(0)))
            if found["title"]:
                set_dossier_title(meta, found["title"], line.quote(found.group(0)))
        elif found := OFFICIAL_TITLE.match(line.text):
            set_dossier_title(meta, found["dossier"], line.quote(found.group(0)))
            set_kind(meta, found["kind"], line.quote(found.group(0)))
            set_title(meta, found["title"], line.quote(found.group(0)))
        elif found := DOCUMENT_DATE.match(line.text):
            date = rules.first_date(found["date"])
            set_date(meta, date[0] if date else None, line.quote(found.group(0)))
