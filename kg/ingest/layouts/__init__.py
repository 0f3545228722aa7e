"""Readers of a document's identity, one module per page layout.

Each module has `NAME`, `detect(lines)` (does the page look like this layout?) and `read(lines, meta)`
(its header rules), and may have `fallback(lines, meta)`, run after the official text. The first
layout that detects the page reads it; then the official text of the Kamerstuk (`official`), which
most layouts print, fills what is still missing. Fact rules live elsewhere (kg.ingest.facts ...).
"""

from __future__ import annotations

from kg.ingest.layouts import (
    official,
    officielebekendmakingen,
    openkamer,
    parlementairemonitor,
    tkconv,
    tweedekamer,
)
from kg.ingest.layouts.common import numbered
from kg.ingest.people import split_name
from kg.ingest.records import Meta, Person

LAYOUTS = (tkconv, tweedekamer, parlementairemonitor, openkamer, officielebekendmakingen)


def read_identity(text: str) -> Meta:
    """The document's identity (kind, Kamerstuk, numbers, date, title, senders, people) from its head."""
    lines = numbered(text)
    meta = Meta()
    layout = next((module for module in LAYOUTS if module.detect(lines)), None)
    if layout is not None:
        layout.read(lines, meta)
    official.read(lines, meta)
    if layout is not None and hasattr(layout, "fallback"):
        layout.fallback(lines, meta)
    meta.people = merge_people(meta.people)
    return meta


def merge_people(people: list[Person]) -> list[Person]:
    """One entry per person and role: 'Krul' of the heading is 'Harmen Krul, Kamerlid' of the list."""
    out: list[Person] = []
    for person in sorted(people, key=lambda p: p.office is None and p.party is None):
        # a name of the heading ("MOTIE VAN DE LEDEN A EN B") is the same person as in the lists below,
        # whose role (indiener or medeindiener) is the more precise
        bare = person.office is None and person.party is None
        same = next(
            (p for p in out if (bare or p.role == person.role) and same_person(p.name, person.name)), None
        )
        if same is None:
            out.append(person)
        elif len(person.name) > len(same.name) or (person.office and not same.office):
            out[out.index(same)] = person
    return out


def same_person(a: str, b: str) -> bool:
    """Two printed names of one person: the same family name, initials compatible."""
    fa, fb = split_name(a), split_name(b)
    if fa[1].lower() != fb[1].lower():
        return False
    return not fa[0] or not fb[0] or fa[0][0].lower() == fb[0][0].lower()
