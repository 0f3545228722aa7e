"""Amounts and dates, attached to the scheme or agreement they belong to."""

from __future__ import annotations

import re

from kg.ingest import rules
from kg.ingest.layout import Layout, Sentence
from kg.ingest.mentions import Gazetteer
from kg.ingest.records import Fact, Meta, Quote, sentence_quote

_TARGET_KINDS = ("agreement", "programme", "scheme")


def _target(
    sentence: Sentence, before: int, layout: Layout, gazetteer: Gazetteer
) -> tuple[str, str | None, Quote]:
    """What an amount or date at `before` in the sentence belongs to: a known agreement, programme or
    scheme named in the sentence (the nearest before it), a scheme name, else the heading above."""
    hits = [h for h in gazetteer.find(sentence.text) if gazetteer.entities[h.iri].kind in _TARGET_KINDS]
    if hits:
        hit = max((h for h in hits if h.start < before), key=lambda h: h.start, default=hits[0])
        return gazetteer.entities[hit.iri].label, hit.iri, sentence_quote(sentence)
    if scheme := rules.SCHEME_NAME.search(sentence.text):
        return scheme.group(0).strip(), None, sentence_quote(sentence)
    if sentence.heading_index is not None:  # the scheme last named in the same section
        for earlier in reversed(layout.sentences[sentence.heading_index + 1 : sentence.index]):
            known = [
                h for h in gazetteer.find(earlier.text) if gazetteer.entities[h.iri].kind in _TARGET_KINDS
            ]
            if known:
                return gazetteer.entities[known[-1].iri].label, known[-1].iri, sentence_quote(earlier)
    heading = layout.sentences[sentence.heading_index] if sentence.heading_index is not None else None
    if heading is not None:
        known = [h for h in gazetteer.find(heading.text) if gazetteer.entities[h.iri].kind in _TARGET_KINDS]
        if known:
            return gazetteer.entities[known[0].iri].label, known[0].iri, sentence_quote(heading)
        return re.sub(r"^[–-]\s*", "", heading.text), None, sentence_quote(heading)
    return "", None, sentence_quote(sentence)


def find_facts(layout: Layout, gazetteer: Gazetteer, meta: Meta, uncertain: list[str]) -> list[Fact]:
    facts = []
    letter_year = int(meta.date[:4]) if meta.date else None
    letter_month = int(meta.date[5:7]) if meta.date else 12
    for sentence in layout.sentences:
        amounts = list(rules.AMOUNT.finditer(sentence.text))
        if rules.MONEY_CUE.search(sentence.text):
            amounts += [
                m
                for m in rules.AMOUNT_PLAIN.finditer(sentence.text)
                if not any(a.start() <= m.start() < a.end() for a in amounts)
            ]
            amounts.sort(key=lambda m: m.start())
        for i, m in enumerate(amounts):
            window = sentence.text[
                amounts[i - 1].end() if i else 0 : amounts[i + 1].start()
                if i + 1 < len(amounts)
                else len(sentence.text)
            ]
            kind = (
                "per-jaar"
                if m["per"]
                else next((k for p, k in rules.BUDGET_KIND if p.search(window)), "totaal")
            )
            target, iri, tquote = _target(sentence, m.start(), layout, gazetteer)
            if not target:
                uncertain.append(f"amount {m.group(0)!r} (line {sentence.first_line}): no scheme found")
                continue
            years = tuple(sorted({int(y) for y in rules.YEAR.findall(window)}))
            facts.append(
                Fact(
                    m.group(0),
                    sentence_quote(sentence),
                    target,
                    iri,
                    tquote,
                    value=rules.amount_value(m["num"], m["unit"]),
                    kind=kind,
                    years=years,
                )
            )
        status = next((s for p, s in rules.STATUS if p.search(sentence.text)), None)
        for m in rules.DATE.finditer(sentence.text):
            month = rules.MONTHS.index(m["m"]) + 1
            year, inferred = (int(m["y"]), False) if m["y"] else (None, True)
            if year is None and letter_year is not None:
                year = letter_year if month <= letter_month else letter_year - 1
            day = int(m["d"])
            if not 1 <= day <= 31:
                continue
            date = f"{year}-{month:02d}-{day:02d}" if year else f"--{month:02d}-{day:02d}"
            target, iri, tquote = _target(sentence, m.start(), layout, gazetteer)
            if not target:
                continue  # a date with nothing to belong to (such as the letter's own date line)
            facts.append(
                Fact(
                    m.group(0),
                    sentence_quote(sentence),
                    target,
                    iri,
                    tquote,
                    date=date,
                    year_inferred=inferred,
                    status=status,
                )
            )
    return facts
