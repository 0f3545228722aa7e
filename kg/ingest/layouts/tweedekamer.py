"""tweedekamer.nl pages of a Kamerstuk (motions, letters of the government), as copied:

    Motie : Motie van het lid Krul over ...        (kind and title)
    29 389 Vergrijzing en het integrale ouderenbeleid / Nr. 138 / MOTIE VAN HET LID KRUL  (official text)
    Indiener / Harmen Krul, Kamerlid               (the submitters, in sections)
    Medeindiener / ... ; Ondertekenaars / ...
    Stemmingsuitslagen ...                         (the vote, read by kg.ingest.votes)

The page's address carries the TK document number and the zaak ("did=2024D46500&id=2024Z19599").
"""

from __future__ import annotations

import re

from kg.ingest.layouts.common import Line, add_person, set_kind, set_title, source_url
from kg.ingest.records import Meta, Person

NAME = "tweedekamer"

TITLE = re.compile(
    r"^(?P<kind>Motie|Gewijzigde motie|Brief regering|Amendement|Verslag[\w ]*|Inbreng[\w ]*|Kamerstuk)"
    r"\s+:\s+(?P<title>.{3,300})$"
)
DID = re.compile(r"[?&]did=(?P<doc>\d{4}D\d{5})")
ZAAK = re.compile(r"[?&]id=(?P<zaak>\d{4}Z\d{5})")
#: the headings of the submitter sections and the role each gives
SECTIONS = {
    "indiener": "indiener",
    "indieners": None,
    "medeindiener": "medeindiener",
    "medeindieners": "medeindiener",
    "mede-indiener": "medeindiener",
    "ondertekenaar": "medeindiener",
    "ondertekenaars": "medeindiener",
}
#: "Harmen Krul, Kamerlid", "H.P.M. Hijink, Tweede Kamerlid"
MEMBER = re.compile(
    r"^(?P<name>[A-Z][\w.’' -]{1,60}?),\s*(?P<office>(?:Tweede\s+)?[Kk]amerlid|[a-z][\w ,]{2,80})$"
)


def detect(lines: list[Line]) -> bool:
    return "tweedekamer.nl" in source_url(lines) or any(TITLE.match(ln.text) for ln in lines[:4])


def read(lines: list[Line], meta: Meta) -> None:
    meta.layout = NAME
    url = source_url(lines)
    if url:
        if (found := DID.search(url)) and meta.doc_number is None:
            meta.doc_number, meta.doc_number_quote = found["doc"], lines[0].quote(found.group(0)[1:])
        if (found := ZAAK.search(url)) and meta.zaak is None:
            meta.zaak, meta.zaak_quote = found["zaak"], lines[0].quote(found.group(0)[1:])
    for line in lines[:4]:
        if found := TITLE.match(line.text):
            set_kind(meta, found["kind"], line.quote(found.group(0)))
            set_title(meta, found["title"], line.quote(found["title"]))
            break
    role: str | None = None
    for line in submitter_lines(lines):
        word = line.text.lower().rstrip(":")
        if word in SECTIONS:
            role = SECTIONS[word]
            continue
        if role and (found := MEMBER.match(line.text)):
            add_person(meta, Person(found["name"].strip(), role, line.quote(), found["office"].strip()))


def submitter_lines(lines: list[Line]) -> list[Line]:
    """The lines from the first submitter section to the vote results."""
    start = next((i for i, ln in enumerate(lines) if ln.text.lower() in SECTIONS), None)
    if start is None:
        return []
    end = next(
        (i for i in range(start, len(lines)) if lines[i].text.lower().startswith("stemmingsuitslag")),
        len(lines),
    )
    return lines[start:end]
