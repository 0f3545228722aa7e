"""Apply the rules to a letter's layout: metadata, citations, motions, mentions, amounts and dates."""

from __future__ import annotations

import re

from kg.ingest import rules
from kg.ingest.amounts import find_facts
from kg.ingest.citations import citations_in
from kg.ingest.layout import Layout, analyse
from kg.ingest.mentions import Gazetteer, candidate_organisations
from kg.ingest.motions import find_motions
from kg.ingest.reader import Letter
from kg.ingest.records import Citation, Extraction, Kst, Mention, Meta, Quote, note_quote, sentence_quote


def extract(letter: Letter, gazetteer: Gazetteer) -> Extraction:
    layout = analyse(letter.text)
    uncertain: list[str] = []
    meta = _meta(letter.text, layout, uncertain)
    citations = _citations(layout)
    motions = find_motions(layout, citations, uncertain)
    mentions, candidates = _mentions(layout, gazetteer)
    facts = find_facts(layout, gazetteer, meta, uncertain)
    return Extraction(letter, layout, meta, citations, motions, mentions, candidates, facts, uncertain)


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _meta(text: str, layout: Layout, uncertain: list[str]) -> Meta:
    meta = Meta()
    if layout.header is not None and layout.header_line is not None:
        h = layout.header
        meta.kst = (rules.dossier_number(h["dossier"]), h["toev"], int(h["nr"]))
        meta.vergaderjaar = f"{h['y1']}-{h['y2']}"
        meta.header_quote = Quote(h.group(0), layout.header_line, layout.header_line)
    if found := rules.LETTER_DATE.search(text):
        month = rules.MONTHS.index(found["m"]) + 1
        meta.date = f"{found['y']}-{month:02d}-{int(found['d']):02d}"
        line = _line_of(text, found.start("d"))
        meta.date_quote = Quote(found.group(0).strip(), line, line)
    else:
        uncertain.append("no date of the letter found (give it with --date)")
    if found := rules.SUBJECT.search(text):
        meta.subject = found["subject"].strip()
    for found in rules.SIGNER.finditer(text):
        first, last = _line_of(text, found.start("office")), _line_of(text, found.end("name"))
        quote = re.sub(r"\s+", " ", found.group(0)).strip()
        meta.signers.append(
            (re.sub(r"\s+", " ", found["office"]).strip(), found["name"].strip(), Quote(quote, first, last))
        )
    return meta


def _citations(layout: Layout) -> list[Citation]:
    found: dict[tuple[Kst, int | None], Citation] = {}
    for note in layout.footnotes.values():
        citing = layout.sentence_at(note.marker_at) if note.marker_at is not None else None
        for kst, page, start, end in citations_in(note.flow.text):
            quotes = [note_quote(note, start, end) if len(note.flow.text) > 500 else note_quote(note)]
            if citing is not None:
                quotes.append(sentence_quote(citing))
            found.setdefault((kst, note.number), Citation(kst, note.number, page, quotes))
    for sentence in layout.sentences:
        for kst, page, _, _ in citations_in(sentence.text):
            found.setdefault((kst, None), Citation(kst, None, page, [sentence_quote(sentence)]))
    return list(found.values())


def _mentions(layout: Layout, gazetteer: Gazetteer) -> tuple[dict[str, Mention], dict]:
    mentions: dict[str, Mention] = {}
    candidates: dict[str, tuple[str, Quote, int]] = {}
    units = [(s.text, lambda s=s: sentence_quote(s)) for s in layout.sentences]
    units += [(n.flow.text, lambda n=n: note_quote(n)) for n in layout.footnotes.values()]
    for text, quote in units:
        for hit in gazetteer.find(text):
            mention = mentions.setdefault(hit.iri, Mention(hit.iri, set(), []))
            mention.printed.add(hit.text)
            if len(mention.quotes) < 3:
                mention.quotes.append(quote())
        for name, _ in candidate_organisations(text, gazetteer):
            k = re.sub(r"\W+", "", name).lower()
            seen = candidates.get(k)
            candidates[k] = (name, seen[1], seen[2] + 1) if seen else (name, quote(), 1)
    return mentions, candidates
