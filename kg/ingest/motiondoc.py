"""The text of a motion document: its dictum ("verzoekt de regering ..."), what it is about, its vote.

The submitters come from the document's identity (kg.ingest.layouts): the heading ("MOTIE VAN DE
LEDEN A EN B"), the signature lines under the text, the Indiener / Medeindiener sections.
"""

from __future__ import annotations

import re

from kg.ingest.layouts.common import numbered
from kg.ingest.mentions import Gazetteer
from kg.ingest.records import MotionText, Quote
from kg.ingest.votes import find_vote

#: the operative clause of a motion
DICTUM = re.compile(r"^(?:verzoekt|draagt|roept|spreekt\s+uit|besluit|vraagt)\b.*", re.IGNORECASE)
END = re.compile(r"\ben gaat over tot de orde van de dag\b", re.IGNORECASE)
_SUBJECT_KINDS = ("agreement", "programme", "scheme", "law")


def read_motion(text: str, gazetteer: Gazetteer) -> MotionText:
    lines = numbered(text, None)
    out = MotionText(vote=find_vote(lines))
    start = next((i for i, ln in enumerate(lines) if DICTUM.match(ln.text)), None)
    if start is not None:
        end = next((i for i in range(start, len(lines)) if END.search(lines[i].text)), None)
        if end is not None and end - start <= 12:
            chunk = lines[start:end] if end > start else lines[start : start + 1]
            joined = " ".join(ln.text for ln in chunk).rstrip(" ,;")
            out.dictum = joined
            out.dictum_quote = Quote(joined, chunk[0].number, chunk[-1].number, joined)
    if out.dictum and out.dictum_quote:
        seen = set()
        for hit in gazetteer.find(out.dictum):
            if gazetteer.entities[hit.iri].kind in _SUBJECT_KINDS and hit.iri not in seen:
                seen.add(hit.iri)
                out.subjects.append((hit.iri, out.dictum_quote))
    return out
