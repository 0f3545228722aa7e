"""The official text of a Kamerstuk, as every publisher prints it (officielebekendmakingen, the
Tweede Kamer's own pages, parlementairemonitor, a PDF):

    Tweede Kamer, vergaderjaar 2023–2024, 29 389, nr. 123      (PDF page header or footer)
    29 389 Vergrijzing en het integrale ouderenbeleid          (dossier and its title)
    Nr. 138 MOTIE VAN HET LID KRUL                             (ondernummer and heading)
    Voorgesteld 27 november 2024 / Den Haag, 6 juli 2023 / Vastgesteld 1 december 2022

This reader runs after the page reader and fills only what that one did not find.
"""

from __future__ import annotations

import re

from kg.ingest import rules
from kg.ingest.layouts.common import (
    Line,
    proper_name,
    sender_posts,
    set_date,
    set_dossier_title,
    set_kind,
    set_kst,
)
from kg.ingest.records import Meta, Person, Quote

NAME = "kamerstuk"

#: "29 389 Vergrijzing en het integrale ouderenbeleid", "35 925 XVI Vaststelling ...", "31 765"
DOSSIER_LINE = re.compile(
    r"^(?P<dossier>[1-9]\d\s?\d{3})(?:\s(?P<toev>[IVXLC]+))?(?:\s+(?P<title>[A-Z][^|]{2,200}))?$"
)
#: "Nr. 138", "Nr. 533 BRIEF VAN DE MINISTER VOOR LANGDURIGE ZORG EN SPORT"
NR_LINE = re.compile(r"^Nr\.\s*(?P<nr>[1-9]\d*)(?:\s+(?P<heading>[A-Z][A-Z\s,.'’&()-]{4,}))?$")
#: the heading of the document, in capitals
HEADING = re.compile(
    r"^(?P<heading>(?:GEWIJZIGDE\s+)?MOTIE\s+VAN\s+(?:HET\s+LID|DE\s+LEDEN)\s+(?P<names>[A-Z][^a-z]+)"
    r"|BRIEF\s+VAN\s+(?:DE|HET)\s+(?P<senders>[A-Z][^a-z]+)"
    r"|(?:INBRENG\s+)?VERSLAG\s+VAN\s+[A-Z][^a-z]+|LIJST\s+VAN\s+VRAGEN[^a-z]*)$"
)
#: "Voorgesteld 27 november 2024", "Den Haag, 6 juli 2023" (also inside a longer line), "Vastgesteld ..."
DATE_LINE = re.compile(
    rf"(?:\bVoorgesteld|\bVastgesteld|\bDen Haag,|^Datum)\s+(?P<d>[1-3]?\d)\s+(?P<m>{'|'.join(rules.MONTHS)})"
    r"\s+(?P<y>(?:19|20)\d\d)"
)
#: "(kst-29389-127)", "kst-31765-682.html"
KST_ID = re.compile(r"\bkst-(?P<dossier>[1-9]\d{4})(?:-(?P<toev>[IVXLC]+))?-(?P<nr>[1-9]\d*)\b")
SENDER_LINE = re.compile(
    r"^Brief van (?:de|het) (?P<senders>(?:[Mm]inister|[Ss]taatssecretaris)[\w ,-]{5,250})$"
)
_SPLIT_MEMBERS = re.compile(r"\s*,\s*|\s+EN\s+")


def detect(lines: list[Line]) -> bool:
    return True


def read(lines: list[Line], meta: Meta) -> None:
    """Fill the identity from the official text."""
    for line in lines:
        if found := rules.HEADER.search(line.text):
            dossier = rules.dossier_number(found["dossier"])
            set_kst(meta, (dossier, found["toev"], int(found["nr"])), line.quote(found.group(0)))
            meta.vergaderjaar = meta.vergaderjaar or f"{found['y1']}-{found['y2']}"
    for i, line in enumerate(lines):
        found = NR_LINE.match(line.text)
        if found is None:
            continue
        dossier_line = next(
            (lines[j] for j in range(i - 1, max(-1, i - 4), -1) if DOSSIER_LINE.match(lines[j].text)), None
        )
        if dossier_line is not None:
            d = DOSSIER_LINE.match(dossier_line.text)
            assert d is not None
            kst = (rules.dossier_number(d["dossier"]), d["toev"], int(found["nr"]))
            quote = (
                Quote(f"{dossier_line.text} {line.text}", dossier_line.number, line.number)
                if dossier_line.number + 1 == line.number
                else line.quote()
            )
            set_kst(meta, kst, quote)
            title = (
                (d["title"], dossier_line.quote())
                if d["title"]
                else _title_between(lines, dossier_line, line)
            )
            if title and meta.kst == kst:
                set_dossier_title(meta, *title)
        if found["heading"]:
            _heading(meta, found["heading"], line, lines)
        elif i + 1 < len(lines) and HEADING.match(lines[i + 1].text):
            _heading(meta, lines[i + 1].text, lines[i + 1], lines)
        break
    if meta.heading is None:
        for line in lines:
            if HEADING.match(line.text):
                _heading(meta, line.text, line, lines)
                break
            if found := SENDER_LINE.match(line.text):  # "Brief van de Minister voor ...", not in capitals
                meta.heading, meta.heading_quote = found.group(0), line.quote()
                set_kind(meta, found.group(0), meta.heading_quote)
                meta.senders += [
                    (post, meta.heading_quote) for post in sender_posts(found["senders"].upper())
                ]
                break
    for line in lines:
        if found := DATE_LINE.search(line.text):
            set_date(meta, rules.iso_date(found), line.quote(found.group(0)))
            break
    for line in lines:
        if found := KST_ID.search(line.text):
            kst = (found["dossier"], found["toev"], int(found["nr"]))
            set_kst(meta, kst, line.quote(found.group(0)))
            break


def _title_between(lines: list[Line], dossier: Line, nr: Line) -> tuple[str, Quote] | None:
    """A dossier title printed on its own line between the dossier number and 'Nr. N'."""
    between = [ln for ln in lines if dossier.number < ln.number < nr.number]
    if len(between) == 1 and not rules.YEAR.fullmatch(between[0].text):
        return between[0].text, between[0].quote()
    return None


def _heading(meta: Meta, heading: str, line: Line, lines: list[Line]) -> None:
    found = HEADING.match(heading.strip())
    if found is None or meta.heading is not None:
        return
    meta.heading, meta.heading_quote = found["heading"], line.quote(found["heading"])
    set_kind(meta, found["heading"], meta.heading_quote)
    if found["senders"]:
        for post in sender_posts(found["senders"]):
            meta.senders.append((post, meta.heading_quote))
    if found["names"]:
        spelled = [ln.text for ln in lines if len(ln.text) < 40 and re.fullmatch(r"[A-Z][\w’' -]+", ln.text)]
        for printed in _SPLIT_MEMBERS.split(re.sub(r"\s+C\.S\.$", "", found["names"].strip()).rstrip(".")):
            printed = re.sub(r"\s+C\.S\.?$", "", printed.strip())
            if printed:
                name = proper_name(printed, spelled)
                meta.people.append(Person(name, "indiener", meta.heading_quote))
