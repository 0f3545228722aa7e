"""Kamerstuk references in every printed form, several after one head word."""

from __future__ import annotations

import re

from kg.ingest import rules
from kg.ingest.records import Kst


def citations_in(text: str) -> list[tuple[Kst, str | None, int, int]]:
    """Every Kamerstuk reference in `text`: (kst, page, start, end), several per head word."""
    out: list[tuple[Kst, str | None, int, int]] = []
    consumed = 0
    for head in rules.CITATION_HEAD.finditer(text):
        if head.start() < consumed:
            continue
        at = consumed = head.end()
        while (ref := rules.CITATION_REF.match(text, at)) is not None:
            for nr in rules.citation_numbers(ref["nrs"]):
                out.append(
                    (
                        (rules.dossier_number(ref["dossier"]), ref["toev"], nr),
                        ref["page"],
                        head.start(),
                        ref.end(),
                    )
                )
            consumed = ref.end()
            sep = rules.CITATION_SEPARATOR.match(text, ref.end())
            if sep is None or sep.end() == ref.end():
                break
            at = sep.end()
    return out


_MONTH = "|".join(rules.MONTHS)
_DATE = rf"(?P<d>[1-3]?\d)\s+(?P<m>{_MONTH})\s+(?P<y>(?:19|20)\d\d)"
#: "de brief van 3 juli 2025 inzake <title> (Kamerstuk", "mijn brief van 8 maart 2022 (Kamerstuk"
_BEFORE = re.compile(
    rf"\bbrief\d*\s+van\s+{_DATE}(?:\s+(?:inzake|over|met\s+als\s+titel)\s+(?P<title>.{{3,300}}?))?\s*\(\s*$"
)
#: "In mijn brief (Kamerstuk 35 925 XVI, nr. 170) van 8 maart 2022"
_AFTER = re.compile(rf"^\s*\)?\s*van\s+{_DATE}")
_BRIEF_BEFORE = re.compile(r"\bbrief\d*\s*\(\s*$")


def describe(text: str, start: int, end: int) -> tuple[str | None, str | None]:
    """The date and title the citing sentence prints for the document cited at `start`..`end`."""
    before = text[max(0, start - 400) : start]
    if found := _BEFORE.search(before):
        title = found["title"].strip() if found["title"] else None
        return rules.iso_date(found), title
    if _BRIEF_BEFORE.search(before) and (found := _AFTER.match(text[end:])):
        return rules.iso_date(found), None
    return None, None
