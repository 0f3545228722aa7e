"""openkamer.org pages of a Kamerstuk or motion, as copied: labelled fields, one per line,

Motie van het lid X over ...             (title)
Kamerstuk: 29389-138   /  Dossier: 29389 Vergrijzing en het integrale ouderenbeleid
Type: Motie            /  Datum: 27-11-2024 (or 27 november 2024)
Indiener: X (Fractie)  /  Medeindiener: Y (Fractie)
Stemming: Aangenomen ... Voor: 95 (63,3%) ...   (read by kg.ingest.votes)
"""

from __future__ import annotations

import re

from kg.ingest import rules
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

NAME = "openkamer"

FIELD = re.compile(
    r"^(?P<field>Kamerstuk|Dossier|Type|Datum|Titel|Indieners?|Medeindieners?|Ondertekenaars?):\s*(?P<value>.+)$"
)
KST = re.compile(r"(?P<dossier>[1-9]\d{4})(?:-(?P<toev>[IVXLC]+))?-(?P<nr>[1-9]\d*)")
DOSSIER = re.compile(r"^(?P<dossier>[1-9]\d{4})\s+(?P<title>.{3,200})$")
MEMBER = re.compile(r"(?P<name>[A-Z][\w.’' -]{1,60}?)\s*\((?P<party>[^()]{2,40})\)")


def detect(lines: list[Line]) -> bool:
    return "openkamer" in source_url(lines)


def read(lines: list[Line], meta: Meta) -> None:
    meta.layout = NAME
    for line in lines[1:3]:
        if not FIELD.match(line.text):
            set_title(meta, line.text, line.quote())
            break
    for line in lines:
        found = FIELD.match(line.text)
        if found is None:
            continue
        field, value = found["field"].lower(), found["value"].strip()
        if field == "kamerstuk" and (kst := KST.search(value)):
            set_kst(meta, (kst["dossier"], kst["toev"], int(kst["nr"])), line.quote())
        elif field == "dossier" and (dossier := DOSSIER.match(value)):
            set_dossier_title(meta, dossier["title"], line.quote())
        elif field == "type":
            set_kind(meta, value, line.quote())
        elif field == "titel":
            meta.subject, meta.title_quote = value, line.quote()
        elif field == "datum" and (date := rules.first_date(value)):
            set_date(meta, date[0], line.quote())
        elif field.startswith(("indiener", "medeindiener", "ondertekenaar")):
            role = "indiener" if field.startswith("indiener") else "medeindiener"
            for member in MEMBER.finditer(value):
                add_person(
                    meta,
                    Person(member["name"].strip(), role, line.quote(member.group(0)), party=member["party"]),
                )
