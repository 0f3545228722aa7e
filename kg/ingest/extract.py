"""Apply the rules to a letter's layout: metadata, citations, motions, mentions, amounts and dates."""

from __future__ import annotations

import re
from bisect import bisect_left

from kg.ingest import rules
from kg.ingest.amounts import find_facts
from kg.ingest.citations import citations_in, describe
from kg.ingest.layout import Layout, analyse
from kg.ingest.layouts import read_identity
from kg.ingest.mentions import Gazetteer, candidate_organisations
from kg.ingest.motiondoc import read_motion
from kg.ingest.motions import find_motions
from kg.ingest.reader import Letter
from kg.ingest.records import Citation, Extraction, Kst, Mention, Meta, Quote, note_quote, sentence_quote
from kg.ingest.relations import find_commitments, find_relations, find_targets
from kg.ingest.votes import FACTION_ROW as VOTER_ROW


def extract(letter: Letter, gazetteer: Gazetteer) -> Extraction:
    layout = analyse(letter.text)
    uncertain: list[str] = []
    meta = _meta(letter.text, layout, uncertain)
    citations = _citations(layout)
    motions = find_motions(layout, citations, uncertain)
    mentions, candidates = _mentions(layout, gazetteer, _not_organisations(letter.text, meta))
    facts = find_facts(layout, gazetteer, meta, uncertain)
    x = Extraction(letter, layout, meta, citations, motions, mentions, candidates, facts, uncertain)
    if meta.kind == "motion":
        x.motion_text = read_motion(letter.text, gazetteer)
    x.relations = find_relations(layout, gazetteer)
    x.targets = find_targets(layout)
    x.commitments = find_commitments(layout, gazetteer)
    return x


class _Lines:
    """Line numbers of offsets in a text, by bisection (counting newlines from the start each time
    would be quadratic for a long document with many signatures)."""

    def __init__(self, text: str) -> None:
        self.breaks: list[int] = []
        at = text.find("\n")
        while at >= 0:
            self.breaks.append(at)
            at = text.find("\n", at + 1)

    def __call__(self, _text: str, offset: int) -> int:
        return bisect_left(self.breaks, offset) + 1


def _meta(text: str, layout: Layout, uncertain: list[str]) -> Meta:
    meta = read_identity(text)
    _line_of = _Lines(text)
    if meta.date is None and (found := rules.LETTER_DATE.search(text)):
        month = rules.MONTHS.index(found["m"]) + 1
        meta.date = f"{found['y']}-{month:02d}-{int(found['d']):02d}"
        line = _line_of(text, found.start("d"))
        meta.date_quote = Quote(found.group(0).strip(), line, line)
    if meta.date is None:
        uncertain.append("no date of the document found (give it with --date)")
    if found := rules.SUBJECT.search(text[:20_000]):
        meta.subject = found["subject"].strip()
        line = _line_of(text, found.start("subject"))
        meta.title_quote = Quote(meta.subject, line, line)
    for found in rules.SIGNER.finditer(text):
        office, who = ("office", "name") if found["office"] else ("office2", "name2")
        first, last = _line_of(text, found.start(office)), _line_of(text, found.end(who))
        quote = re.sub(r"\s+", " ", found.group(0)).strip()
        meta.signers.append(
            (re.sub(r"\s+", " ", found[office]).strip(), found[who].strip(), Quote(quote, first, last))
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
        for kst, page, start, end in citations_in(sentence.text):
            date, title = describe(sentence.text, start, end)
            citation = found.setdefault((kst, None), Citation(kst, None, page, [sentence_quote(sentence)]))
            citation.date, citation.title = citation.date or date, citation.title or title
    return list(found.values())


def _not_organisations(text: str, meta: Meta) -> set[str]:
    """Names the document itself shows are no organisations: its people, their factions, the voters
    of its vote table."""
    names = {p.name for p in meta.people} | {p.party for p in meta.people if p.party}
    names |= {w for p in meta.people for w in p.name.split()}
    for line in text.split("\n")[:400]:
        if row := VOTER_ROW.match(line.strip()):
            names.add(row["voter"].strip())
    return {re.sub(r"\W+", "", n).lower() for n in names}


_CAPITAL_WORDS_BEFORE = re.compile(r"(?:\b[A-ZÀ-Þ]{2,}[,.]?\s+){1,}$")
_CAPITAL_WORDS_AFTER = re.compile(r"^(?:\s+[A-ZÀ-Þ]{2,}\b[,.]?){1,}")


def _in_capital_heading(text: str, start: int, end: int) -> bool:
    """A word inside a run of three or more words in capitals ("MOTIE VAN HET LID KRUL")."""
    before = _CAPITAL_WORDS_BEFORE.search(text[max(0, start - 80) : start])
    after = _CAPITAL_WORDS_AFTER.match(text[end : end + 80])
    words = (
        1 + (len(before.group(0).split()) if before else 0) + (len(after.group(0).split()) if after else 0)
    )
    return words >= 3


def _mentions(layout: Layout, gazetteer: Gazetteer, excluded: set[str]) -> tuple[dict[str, Mention], dict]:
    mentions: dict[str, Mention] = {}
    candidates: dict[str, tuple[str, Quote, int]] = {}
    units = [(s.text, lambda s=s: sentence_quote(s)) for s in layout.sentences]
    units += [(n.flow.text, lambda n=n: note_quote(n)) for n in layout.footnotes.values()]
    for text, quote in units:
        for hit in gazetteer.find(text):
            if gazetteer.entities[hit.iri].kind in ("faction", "person"):
                continue  # factions vote, people sign: written as such, not as mentions
            mention = mentions.setdefault(hit.iri, Mention(hit.iri, set(), []))
            mention.printed.add(hit.text)
            if len(mention.quotes) < 3:
                mention.quotes.append(quote())
        for name, at in candidate_organisations(text, gazetteer):
            k = re.sub(r"\W+", "", name).lower()
            if k in excluded or any(
                k in part for part in (re.sub(r"\W+", "", e) for e in excluded if len(e) > len(k))
            ):
                continue
            if name.isupper() and _in_capital_heading(text, at, at + len(name)):
                continue  # a word of a heading in capitals ("MOTIE VAN HET LID"), not a name
            seen = candidates.get(k)
            candidates[k] = (name, seen[1], seen[2] + 1) if seen else (name, quote(), 1)
    return mentions, candidates
