"""Kamerstuk references in every printed form, several after one head word."""

from __future__ import annotations

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
